"""The annotated picture: the analysed frame with face box, person outline, finding boxes, legend.

Drawn on the analysed working frame (long side 640 px, as the analyzers saw it), so every box
is exactly where it was measured and nothing is resampled; the legend is a band below the
picture so it hides nothing. OpenCV's Hershey fonts are ASCII-only, so texts are
transliterated first (é -> e); a letter with no ASCII form is dropped rather than crash.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from camcheck.checks import CHECKS, ui
from camcheck.errors import CamcheckError
from camcheck.findings import Finding, Severity
from camcheck.scene import Scene
from camcheck.session import Report

# Colours are RGB, like the frames. Green and blue are the conventional "this is you"
# marks; findings take the colour of their severity, red for a problem as in the text report.
FACE_COLOUR = (40, 210, 70)
PERSON_COLOUR = (40, 140, 255)
SEVERITY_COLOURS = {
    Severity.PROBLEM: (235, 40, 40),
    Severity.WARNING: (255, 170, 0),
    Severity.INFO: (0, 210, 230),
}
LEGEND_BACKGROUND = (20, 20, 20)
TEXT_COLOUR = (240, 240, 240)
FONT = cv2.FONT_HERSHEY_SIMPLEX
# 0.45 makes capitals about 10 px high: readable on a 640 px picture shown at 100%.
FONT_SCALE = 0.45
FONT_THICKNESS = 1
LINE_HEIGHT = 20
LEGEND_PADDING = 8
# The legend swatch (a filled square in the finding's colour) before its number.
SWATCH_SIZE = 10
BOX_THICKNESS = 2
# Finding boxes are drawn this far outside their region, so a region that is the face box
# itself stays visible next to the green face box.
REGION_MARGIN = 4
# Outline pieces of the person mask smaller than this share of the frame are segmentation
# crumbs, not the person.
MIN_OUTLINE_SHARE = 0.005
# Transliterations NFKD does not cover (typographic punctuation).
_ASCII_REPLACEMENTS = {
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "–": "-",
    "—": "-",
    "…": "...",
    "×": "x",
    "≥": ">=",
    "≤": "<=",
    "ß": "ss",
}


def ascii_text(text: str) -> str:
    """``text`` in the characters a Hershey font can draw (ë -> e, – -> -)."""
    for source, target in _ASCII_REPLACEMENTS.items():
        text = text.replace(source, target)
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _fit(text: str, width: int) -> str:
    """``text`` cut with '...' so it fits ``width`` pixels."""
    if cv2.getTextSize(text, FONT, FONT_SCALE, FONT_THICKNESS)[0][0] <= width:
        return text
    while text and cv2.getTextSize(text + "...", FONT, FONT_SCALE, FONT_THICKNESS)[0][0] > width:
        text = text[:-1]
    return text.rstrip() + "..."


def _put(image: np.ndarray, text: str, origin: tuple[int, int], colour: tuple) -> None:
    cv2.putText(image, text, origin, FONT, FONT_SCALE, colour, FONT_THICKNESS, cv2.LINE_AA)


def region_box(
    region: tuple[int, int, int, int], size: tuple[int, int]
) -> tuple[int, int, int, int]:
    """The corners (x0, y0, x1, y1) a finding's box is drawn at, clipped to the frame."""
    x, y, w, h = region
    width, height = size
    return (
        max(0, x - REGION_MARGIN),
        max(0, y - REGION_MARGIN),
        min(width - 1, x + w + REGION_MARGIN),
        min(height - 1, y + h + REGION_MARGIN),
    )


def draw_marks(
    image: np.ndarray,
    scene: Scene,
    findings: Sequence[Finding],
    regions: dict[str, tuple[int, int, int, int]],
) -> None:
    """Draw the person outline, the finding boxes (numbered as listed) and the face box."""
    height, width = image.shape[:2]
    mask = scene.person_mask.astype(np.uint8)
    if mask.shape[:2] == (height, width) and mask.any():
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        minimum = MIN_OUTLINE_SHARE * width * height
        kept = [c for c in contours if cv2.contourArea(c) >= minimum]
        cv2.drawContours(image, kept, -1, PERSON_COLOUR, BOX_THICKNESS, cv2.LINE_AA)
    for number, item in enumerate(findings, start=1):
        region = regions.get(item.id)
        if region is None:
            continue
        x0, y0, x1, y1 = region_box(region, (width, height))
        colour = SEVERITY_COLOURS[item.severity]
        cv2.rectangle(image, (x0, y0), (x1, y1), colour, BOX_THICKNESS)
        label = str(number)
        (text_w, text_h), _ = cv2.getTextSize(label, FONT, FONT_SCALE, FONT_THICKNESS)
        tag_y = y0 if y0 >= text_h + 6 else y1 + text_h + 6
        cv2.rectangle(image, (x0, tag_y - text_h - 6), (x0 + text_w + 6, tag_y), colour, -1)
        _put(image, label, (x0 + 3, tag_y - 3), LEGEND_BACKGROUND)
    if (face := scene.primary_face) is not None:
        x, y, w, h = face.box
        cv2.rectangle(image, (x, y), (x + w, y + h), FACE_COLOUR, BOX_THICKNESS)


def legend_lines(findings: Sequence[Finding], lang: str) -> list[tuple[str, tuple | None]]:
    """The legend: the key to the marks, then one line per finding with its colour."""
    lines: list[tuple[str, tuple | None]] = [(ui("legend.key", lang), None)]
    if not findings:
        lines.append((ui("live.all_fine", lang), FACE_COLOUR))
    for number, item in enumerate(findings, start=1):
        title = CHECKS[item.id].text(lang).title
        label = ui(f"label.{item.severity.label}", lang)
        lines.append((f"{number}  [{label}] {title}", SEVERITY_COLOURS[item.severity]))
    return lines


def annotate(
    scene: Scene,
    findings: Sequence[Finding],
    lang: str = "en",
    *,
    frame_findings: Sequence[Finding] = (),
    extra_lines: Sequence[str] = (),
) -> np.ndarray:
    """The frame with its marks and, below it, the legend; RGB uint8.

    Args:
        scene: The analysed frame.
        findings: What to list and number (the report's findings, most severe first).
        lang: Language of the legend.
        frame_findings: The findings of this very frame; their regions are drawn, and a
            listed finding without one falls back to its own (the report's) region.
        extra_lines: Lines added at the end of the legend (the live view's progress).
    """
    frame = np.ascontiguousarray(scene.frame.copy())
    width = frame.shape[1]
    regions = {f.id: f.region for f in findings if f.region is not None}
    regions.update({f.id: f.region for f in frame_findings if f.region is not None})
    draw_marks(frame, scene, findings, regions)
    lines = [*legend_lines(findings, lang), *((line, None) for line in extra_lines)]
    band = np.empty((2 * LEGEND_PADDING + LINE_HEIGHT * len(lines), width, 3), np.uint8)
    band[:] = LEGEND_BACKGROUND
    text_x = LEGEND_PADDING + SWATCH_SIZE + LEGEND_PADDING
    for row, (text, colour) in enumerate(lines):
        baseline = LEGEND_PADDING + LINE_HEIGHT * row + LINE_HEIGHT - 6
        if colour is not None:
            top = baseline - SWATCH_SIZE
            cv2.rectangle(
                band,
                (LEGEND_PADDING, top),
                (LEGEND_PADDING + SWATCH_SIZE, top + SWATCH_SIZE),
                colour,
                -1,
            )
        shown = _fit(ascii_text(text), width - text_x - LEGEND_PADDING)
        _put(band, shown, (text_x, baseline), TEXT_COLOUR)
    return np.vstack([frame, band])


def check_save_path(path: Path) -> None:
    """Fail before any work when ``path`` cannot be a PNG written by camcheck.

    Raises:
        CamcheckError: the name does not end in .png or its folder does not exist.
    """
    if path.suffix.lower() != ".png":
        raise CamcheckError("error.save_suffix", path=str(path))
    if not path.parent.is_dir():
        raise CamcheckError("error.save_folder", path=str(path))


def write_png(path: Path, image: np.ndarray) -> None:
    """Write an RGB picture as PNG atomically: a temporary file beside it, then a rename.

    Raises:
        CamcheckError: when encoding or writing fails; no partial file is left behind.
    """
    check_save_path(path)
    ok, encoded = cv2.imencode(".png", cv2.cvtColor(image, cv2.COLOR_RGB2BGR))
    if not ok:
        raise CamcheckError("error.save_failed", path=str(path), reason="PNG encoding failed")
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
        with os.fdopen(handle, "wb") as out:
            out.write(encoded.tobytes())
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        raise CamcheckError(
            "error.save_failed", path=str(path), reason=exc.strerror or str(exc)
        ) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.remove(temporary)


def save_report_picture(report: Report, path: Path, lang: str = "en") -> None:
    """Write the annotated picture of a report's snapshot (the frame that best shows it).

    Raises:
        CamcheckError: when there is no analysed frame or the file cannot be written.
    """
    snapshot = report.snapshot
    if snapshot is None:
        raise CamcheckError("error.save_failed", path=str(path), reason="no frame analysed")
    image = annotate(snapshot.scene, report.findings, lang, frame_findings=snapshot.findings)
    write_png(path, image)
