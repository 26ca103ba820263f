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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from camcheck.checks import CHECKS, ui
from camcheck.errors import CamcheckError, os_reason
from camcheck.findings import Finding, Severity
from camcheck.report.model import Report
from camcheck.scene import Scene

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
# Boxes of several findings on the same region are drawn this much further out each, so
# every one stays visible.
SAME_REGION_STEP = 3
# Number tags keep this many pixels from each other.
TAG_GAP = 2
# Legend lines after a finding's first line are indented by this much more.
CONTINUATION_INDENT = 14
# The legend's finding lines in the live window: a settled finding that holds now is drawn
# in its severity's colour, one seen earlier in grey, one fixed since (coach mode) in green.
SEEN_COLOUR = (150, 150, 150)
# The exposure overlay (the live window's z key). OFIQ's exposure ranges on 8-bit luma
# (ISO/IEC 29794-5, as the exposure analyzer uses): clipped skin at 247 and over gets zebra
# stripes, underexposed skin at 25 and under a false colour, as on a video monitor.
CLIPPED_LUMA8 = 247
UNDEREXPOSED_LUMA8 = 25
ZEBRA_PERIOD_PX = 8
ZEBRA_COLOUR = (255, 255, 255)
UNDEREXPOSED_COLOUR = (120, 40, 255)
# The cut-out preview (issue 12's rehearsal, with virtual_background.poor_separation in a
# saved picture): the person as a call app would cut them, where the person model is at
# least half sure, on a plain fill, at this share of the frame's size, below the legend.
CUTOUT_FILL = (128, 128, 128)
CUTOUT_CONFIDENCE = 0.5
CUTOUT_SCALE = 0.5
PREVIEW_ID = "virtual_background.poor_separation"
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
    region: tuple[int, int, int, int], size: tuple[int, int], margin: int = REGION_MARGIN
) -> tuple[int, int, int, int]:
    """The corners (x0, y0, x1, y1) a finding's box is drawn at, clipped to the frame."""
    x, y, w, h = region
    width, height = size
    return (
        max(0, x - margin),
        max(0, y - margin),
        min(width - 1, x + w + margin),
        min(height - 1, y + h + margin),
    )


def shown_region(
    check_id: str, region: tuple[int, int, int, int], scene: Scene
) -> tuple[int, int, int, int]:
    """Where a finding is drawn: its region, except where the region is not what it is about.

    framing.headroom is measured on the face, but it is about the space above the head: it
    is drawn from the top of the picture down to the crown (as far above the eyes as the chin
    is below them, as the framing check estimates it).
    """
    face = scene.primary_face
    if check_id != "framing.headroom" or face is None or face.eye_y is None:
        return region
    x, y, w, h = face.box
    crown = round(2 * face.eye_y - (y + h))
    return (x, 0, w, max(1, min(crown, y) - REGION_MARGIN * 2))


@dataclass(frozen=True)
class Mark:
    """One finding's box and number tag in the picture, corners (x0, y0, x1, y1)."""

    number: int
    check_id: str
    box: tuple[int, int, int, int]
    tag: tuple[int, int, int, int]
    colour: tuple[int, int, int]


def _overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return not (
        a[2] + TAG_GAP <= b[0]
        or b[2] + TAG_GAP <= a[0]
        or a[3] + TAG_GAP <= b[1]
        or b[3] + TAG_GAP <= a[1]
    )


def _tag_size(number: int) -> tuple[int, int]:
    (text_w, text_h), _ = cv2.getTextSize(str(number), FONT, FONT_SCALE, FONT_THICKNESS)
    return text_w + 6, text_h + 6


def _place_tag(
    box: tuple[int, int, int, int],
    size: tuple[int, int],
    frame: tuple[int, int],
    taken: list[tuple[int, int, int, int]],
) -> tuple[int, int, int, int]:
    """A spot for a tag of ``size`` by its box that no other tag covers.

    Tried in order: along the top edge outside the box, along the bottom edge outside it,
    along the top edge inside it, then anywhere in the picture.
    """
    tag_w, tag_h = size
    width, height = frame
    x0, y0, x1, y1 = box
    rows = [y0 - tag_h, y1 + 1, y0 + 1]
    candidates = []
    for top in rows:
        left = x0
        while left + tag_w <= max(x1, x0 + tag_w) + tag_w * 4:
            candidates.append((left, top))
            left += tag_w + TAG_GAP
    candidates += [
        (left, top)
        for top in range(0, height - tag_h, tag_h + TAG_GAP)
        for left in range(0, width - tag_w, tag_w + TAG_GAP)
    ]
    for left, top in candidates:
        rect = (left, top, left + tag_w, top + tag_h)
        inside = left >= 0 and top >= 0 and rect[2] < width and rect[3] < height
        if inside and not any(_overlaps(rect, other) for other in taken):
            return rect
    return (0, 0, tag_w, tag_h)  # a picture too small for every tag: the first corner


def layout_marks(
    scene: Scene,
    findings: Sequence[Finding],
    regions: Mapping[str, tuple[int, int, int, int]],
) -> list[Mark]:
    """Boxes and number tags for the findings with a region, no tag covering another."""
    height, width = scene.frame.shape[:2]
    marks: list[Mark] = []
    taken: list[tuple[int, int, int, int]] = []
    drawn: dict[tuple[int, int, int, int], int] = {}
    for number, item in enumerate(findings, start=1):
        region = regions.get(item.id)
        if region is None:
            continue
        region = shown_region(item.id, region, scene)
        repeat = drawn.get(region, 0)
        drawn[region] = repeat + 1
        box = region_box(region, (width, height), REGION_MARGIN + SAME_REGION_STEP * repeat)
        tag = _place_tag(box, _tag_size(number), (width, height), taken)
        taken.append(tag)
        marks.append(Mark(number, item.id, box, tag, SEVERITY_COLOURS[item.severity]))
    return marks


def draw_marks(
    image: np.ndarray,
    scene: Scene,
    findings: Sequence[Finding],
    regions: Mapping[str, tuple[int, int, int, int]],
) -> list[Mark]:
    """Draw the person outline, the finding boxes (numbered as listed) and the face box."""
    height, width = image.shape[:2]
    mask = scene.person_mask.astype(np.uint8)
    if mask.shape[:2] == (height, width) and mask.any():
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        minimum = MIN_OUTLINE_SHARE * width * height
        kept = [c for c in contours if cv2.contourArea(c) >= minimum]
        cv2.drawContours(image, kept, -1, PERSON_COLOUR, BOX_THICKNESS, cv2.LINE_AA)
    marks = layout_marks(scene, findings, regions)
    for mark in marks:
        x0, y0, x1, y1 = mark.box
        cv2.rectangle(image, (x0, y0), (x1, y1), mark.colour, BOX_THICKNESS)
    if (face := scene.primary_face) is not None:
        x, y, w, h = face.box
        cv2.rectangle(image, (x, y), (x + w, y + h), FACE_COLOUR, BOX_THICKNESS)
    # Tags last, so no box or outline runs over a number.
    for mark in marks:
        x0, y0, x1, y1 = mark.tag
        cv2.rectangle(image, (x0, y0), (x1, y1), mark.colour, -1)
        _put(image, str(mark.number), (x0 + 3, y1 - 3), LEGEND_BACKGROUND)
    return marks


def exposure_overlay(image: np.ndarray, scene: Scene) -> None:
    """Zebra stripes on clipped skin, a false colour on underexposed skin (in place)."""
    face = scene.face_mask
    if face.shape[:2] != image.shape[:2] or not face.any():
        return
    luma = scene.luma8
    rows, cols = np.indices(luma.shape)
    stripes = ((rows + cols) // (ZEBRA_PERIOD_PX // 2)) % 2 == 0
    image[face & (luma >= CLIPPED_LUMA8) & stripes] = ZEBRA_COLOUR
    image[face & (luma <= UNDEREXPOSED_LUMA8)] = UNDEREXPOSED_COLOUR


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines that fit ``width`` pixels, broken between words (a word longer
    than the line is cut with '...')."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if cv2.getTextSize(trial, FONT, FONT_SCALE, FONT_THICKNESS)[0][0] <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return [_fit(line, width) for line in lines]


def legend_lines(
    findings: Sequence[Finding],
    lang: str,
    states: Mapping[str, str] | None = None,
) -> list[tuple[str, tuple | None]]:
    """The legend: the key to the marks, then one entry per finding with its colour.

    With ``states`` (the live window), each entry says whether it holds now, was seen
    earlier, or has been fixed since ("now", "seen", "better").
    """
    lines: list[tuple[str, tuple | None]] = [(ui("legend.key", lang), None)]
    if not findings:
        key = "live.all_fine_so_far" if states is not None else "live.all_fine"
        lines.append((ui(key, lang), FACE_COLOUR))
    for number, item in enumerate(findings, start=1):
        title = CHECKS[item.id].text(lang).title
        label = ui(f"label.{item.severity.label}", lang)
        colour = SEVERITY_COLOURS[item.severity]
        text = f"{number}  [{label}] {title}"
        if states is not None:
            state = states.get(item.id, "now")
            text = f"{number}  {ui('live.mark_' + state, lang)}: [{label}] {title}"
            colour = {"now": colour, "seen": SEEN_COLOUR, "better": FACE_COLOUR}[state]
        lines.append((text, colour))
    return lines


def legend_band(lines: Sequence[tuple[str, tuple | None]], width: int) -> np.ndarray:
    """The legend drawn on a dark band as wide as the picture, long lines wrapped."""
    text_x = LEGEND_PADDING + SWATCH_SIZE + LEGEND_PADDING
    rows: list[tuple[str, tuple | None, int]] = []
    for text, colour in lines:
        first_width = max(1, width - text_x - LEGEND_PADDING)
        pieces = wrap(ascii_text(text), first_width)
        rows.append((pieces[0], colour, text_x))
        rest = " ".join(pieces[1:])
        if rest:
            indent = text_x + CONTINUATION_INDENT
            for piece in wrap(rest, max(1, width - indent - LEGEND_PADDING)):
                rows.append((piece, None, indent))
    band = np.empty((2 * LEGEND_PADDING + LINE_HEIGHT * len(rows), width, 3), np.uint8)
    band[:] = LEGEND_BACKGROUND
    for row, (text, colour, left) in enumerate(rows):
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
        _put(band, text, (left, baseline), TEXT_COLOUR)
    return band


def cutout_band(scene: Scene, lang: str) -> np.ndarray:
    """A band with a caption and the person cut out onto a plain fill (RGB uint8)."""
    assert scene.person is not None
    alpha = (scene.person >= CUTOUT_CONFIDENCE).astype(np.float32)[..., None]
    cut = scene.frame * alpha + np.array(CUTOUT_FILL, np.float32) * (1.0 - alpha)
    height, width = scene.frame.shape[:2]
    size = (max(1, round(width * CUTOUT_SCALE)), max(1, round(height * CUTOUT_SCALE)))
    small = cv2.resize(cut.astype(np.uint8), size, interpolation=cv2.INTER_AREA)
    caption = legend_band([(ui("legend.cutout_preview", lang), None)], width)
    band = np.full((size[1] + LEGEND_PADDING, width, 3), LEGEND_BACKGROUND, np.uint8)
    band[: size[1], LEGEND_PADDING : LEGEND_PADDING + size[0]] = small[:, : width - LEGEND_PADDING]
    return np.vstack([caption, band])


def finding_regions(
    findings: Sequence[Finding], frame_findings: Sequence[Finding] = ()
) -> dict[str, tuple[int, int, int, int]]:
    """Where each listed finding is: its region in this frame, else the report's region."""
    regions = {f.id: f.region for f in findings if f.region is not None}
    regions.update({f.id: f.region for f in frame_findings if f.region is not None})
    return regions


def annotate(
    scene: Scene,
    findings: Sequence[Finding],
    lang: str = "en",
    *,
    frame_findings: Sequence[Finding] = (),
    extra_lines: Sequence[str] = (),
    states: Mapping[str, str] | None = None,
    exposure: bool = False,
    frame_regions_only: bool = False,
    cutout_preview: bool = False,
) -> np.ndarray:
    """The frame with its marks and, below it, the legend; RGB uint8.

    Args:
        scene: The analysed frame.
        findings: What to list and number (the report's findings, most severe first).
        lang: Language of the legend.
        frame_findings: The findings of this very frame; their regions are drawn, and a
            listed finding without one falls back to its own (the report's) region.
        extra_lines: Lines added at the end of the legend (the live view's progress).
        states: The live window's state per listed finding ("now", "seen", "better");
            only those that hold now get a box.
        exposure: Draw the exposure overlay (zebra on clipped skin, false colour on
            underexposed skin) under the marks.
        frame_regions_only: Box only what this frame shows (a saved picture): a listed
            finding that did not fire in it keeps its legend line but gets no box.
        cutout_preview: Add a band below the legend with the person cut out onto a plain
            fill, as a call app's virtual background would (see :func:`cutout_band`).
    """
    frame = np.ascontiguousarray(scene.frame.copy())
    if exposure:
        exposure_overlay(frame, scene)
    regions = finding_regions(() if frame_regions_only else findings, frame_findings)
    if states is not None:
        regions = {key: box for key, box in regions.items() if states.get(key) == "now"}
    draw_marks(frame, scene, findings, regions)
    lines = [*legend_lines(findings, lang, states), *((line, None) for line in extra_lines)]
    bands = [frame, legend_band(lines, frame.shape[1])]
    if cutout_preview:
        bands.append(cutout_band(scene, lang))
    return np.vstack(bands)


def check_save_path(path: Path) -> None:
    """Fail before any work when ``path`` cannot be a PNG written by camcheck.

    Raises:
        CamcheckError: the name does not end in .png, or its folder does not exist or is a
            file (``me.jpg/x.png``).
    """
    if path.suffix.lower() != ".png":
        raise CamcheckError("error.save_suffix", path=str(path))
    if not path.parent.is_dir():
        for folder in path.parents:
            if folder.exists():
                if not folder.is_dir():
                    raise CamcheckError(
                        "error.save_folder_is_file", path=str(path), folder=str(folder)
                    )
                break
        raise CamcheckError("error.save_folder", path=str(path))


# The mode open() gives a new file before the umask is applied.
NEW_FILE_MODE = 0o666


def _umask() -> int:
    """The process's umask (reading it means setting it: set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
        # mkstemp makes the file private (0600); a picture the user asked for is an ordinary
        # file, so it gets the mode any new file gets under the user's umask.
        os.chmod(temporary, NEW_FILE_MODE & ~_umask())
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        raise CamcheckError("error.save_failed", path=str(path), reason=os_reason(exc)) from None
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
    image = annotate(
        snapshot.scene,
        report.findings,
        lang,
        frame_findings=snapshot.findings,
        frame_regions_only=True,
        cutout_preview=any(item.id == PREVIEW_ID for item in report.findings),
    )
    write_png(path, image)
