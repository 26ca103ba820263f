"""The annotated picture: its size, the marks at the right places, the legend, safe writing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import cv2
import numpy as np
import pytest
from typer.testing import CliRunner

from camcheck import cli
from camcheck.checks import finding
from camcheck.core import check_images
from camcheck.errors import CamcheckError
from camcheck.findings import Severity
from camcheck.report.annotate import (
    FACE_COLOUR,
    FONT,
    FONT_SCALE,
    FONT_THICKNESS,
    LEGEND_BACKGROUND,
    LEGEND_PADDING,
    LINE_HEIGHT,
    PERSON_COLOUR,
    REGION_MARGIN,
    SEVERITY_COLOURS,
    SWATCH_SIZE,
    annotate,
    ascii_text,
    finding_regions,
    layout_marks,
    legend_lines,
    wrap,
    write_png,
)
from camcheck.report.model import Report
from camcheck.session import Session
from camcheck.sources import VideoSource
from tests.conftest import FIXTURES, synthetic_scene

runner = CliRunner()
FACE_BOX = (270, 90, 100, 120)
PERSON_BOX = (220, 60, 200, 300)
CLUTTER_BOX = (20, 40, 120, 100)


def invoke(*args: str):
    return runner.invoke(cli.app, list(args), env={"LANG": "C.UTF-8", "LC_ALL": ""})


def read_rgb(path: Path) -> np.ndarray:
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    assert image is not None
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB)


def close_to(pixel: np.ndarray, colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return bool(np.abs(pixel.astype(int) - np.array(colour)).max() <= tolerance)


def any_colour(patch: np.ndarray, colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    diff = np.abs(patch.astype(int) - np.array(colour)).max(axis=-1)
    return bool((diff <= tolerance).any())


def test_marks_and_legend_are_where_they_belong() -> None:
    # given a scene with a face, a person and two findings, one with a background region
    scene = synthetic_scene(face_box=FACE_BOX, person_box=PERSON_BOX)
    dark = finding("lighting.too_dark", region=FACE_BOX, face_highlight=0.2, face_luma=0.1)
    black = finding("camera.black_frames", frame_peak_luma=0.02)
    frozen = finding("camera.frozen", region=CLUTTER_BOX, frame_change_levels=0.0)
    findings = [black, frozen, dark]
    # when it is annotated
    image = annotate(scene, findings, "en", frame_findings=[dark])
    # then the picture keeps the frame's size and a legend band of 4 lines is added below
    lines = 4  # the key, then one line per finding
    assert image.shape == (360 + 2 * LEGEND_PADDING + LINE_HEIGHT * lines, 640, 3)
    assert np.array_equal(image[200, 600], scene.frame[200, 600])  # untouched far away
    x, y, w, h = FACE_BOX
    # the green face box runs along the face's edges
    assert close_to(image[y, x + w // 2], FACE_COLOUR)
    assert close_to(image[y + h // 2, x + w], FACE_COLOUR)
    # the finding boxes sit REGION_MARGIN outside their regions, in the severity's colour
    assert close_to(image[y + h // 2, x - REGION_MARGIN], SEVERITY_COLOURS[Severity.WARNING])
    cx, cy, cw, ch = CLUTTER_BOX
    assert close_to(
        image[cy + ch // 2, cx + cw + REGION_MARGIN], SEVERITY_COLOURS[Severity.PROBLEM]
    )
    # the blue person outline follows the person's left edge below the face
    px, py, _, _ = PERSON_BOX
    assert any_colour(image[py + 250, px - 3 : px + 4], PERSON_COLOUR)
    # nothing is drawn for a finding without a region (camera.black_frames)
    band = image[360:]
    assert close_to(band[2, 2], LEGEND_BACKGROUND, 5)
    # each finding line starts with a swatch of its colour, in the listed order
    for row, colour in enumerate(
        [SEVERITY_COLOURS[Severity.PROBLEM]] * 2 + [SEVERITY_COLOURS[Severity.WARNING]], start=1
    ):
        baseline = LEGEND_PADDING + LINE_HEIGHT * row + LINE_HEIGHT - 6
        swatch = band[baseline - SWATCH_SIZE // 2, LEGEND_PADDING + SWATCH_SIZE // 2]
        assert close_to(swatch, colour, 5), row
    # the text is light on dark
    text_area = band[LEGEND_PADDING:, LEGEND_PADDING + SWATCH_SIZE + LEGEND_PADDING :]
    assert (text_area.max(axis=-1) > 200).sum() > 500


def test_a_clean_frame_says_nothing_to_fix_in_green() -> None:
    image = annotate(synthetic_scene(), [], "nl")
    band = image[360:]
    baseline = LEGEND_PADDING + LINE_HEIGHT + LINE_HEIGHT - 6
    swatch = band[baseline - SWATCH_SIZE // 2, LEGEND_PADDING + SWATCH_SIZE // 2]
    assert close_to(swatch, FACE_COLOUR, 5)
    assert image.shape[0] == 360 + 2 * LEGEND_PADDING + 2 * LINE_HEIGHT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Geen gezicht – ë, é, ü", "Geen gezicht - e, e, u"),
        ("camera’s “HD” 1280×720…", 'camera\'s "HD" 1280x720...'),
        ("日本 ok", " ok"),
    ],
)
def test_texts_become_ascii_for_the_hershey_font(text: str, expected: str) -> None:
    assert ascii_text(text) == expected


def test_write_is_atomic_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "ik – foto é.png"
    write_png(target, np.zeros((20, 30, 3), np.uint8))
    assert read_rgb(target).shape == (20, 30, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    with pytest.raises(CamcheckError) as caught:
        write_png(tmp_path / "missing" / "x.png", np.zeros((20, 30, 3), np.uint8))
    assert caught.value.key == "error.save_folder"
    with pytest.raises(CamcheckError) as caught:
        write_png(tmp_path / "x.jpg", np.zeros((20, 30, 3), np.uint8))
    assert caught.value.key == "error.save_suffix"


def test_image_save_draws_the_backlit_face(tmp_path: Path) -> None:
    # given a backlit photo
    picture = tmp_path / "backlit.png"
    result = invoke("image", str(FIXTURES / "backlit_obama.jpg"), "--save", str(picture))
    # then the report is as without --save, plus where the picture went
    assert result.exit_code == 1, result.output
    assert result.stdout.strip().endswith(f"Saved the annotated picture as {picture}")
    image = read_rgb(picture)
    # the picture is the analysed frame (long side 640) with the legend below it
    photo = cv2.imread(str(FIXTURES / "backlit_obama.jpg"))
    scale = 640 / max(photo.shape[:2])
    width = round(photo.shape[1] * scale)
    height = round(photo.shape[0] * scale)
    assert image.shape[1] == width and image.shape[0] > height
    # the face box is drawn green around the face, and the backlight box red around it
    top = image[: height // 2]
    assert any_colour(top, FACE_COLOUR, 30)
    assert any_colour(top, SEVERITY_COLOURS[Severity.PROBLEM], 30)
    # the legend names the problem (its swatch is red on the first finding line)
    band = image[height:]
    baseline = LEGEND_PADDING + LINE_HEIGHT + LINE_HEIGHT - 6
    swatch = band[baseline - SWATCH_SIZE // 2, LEGEND_PADDING + SWATCH_SIZE // 2]
    assert close_to(swatch, SEVERITY_COLOURS[Severity.PROBLEM], 5)


def test_save_is_checked_before_any_work(tmp_path: Path) -> None:
    result = invoke("image", str(FIXTURES / "good_obama.jpg"), "--save", str(tmp_path / "x.jpg"))
    assert result.exit_code == 2
    assert "--save needs a file name ending in .png" in result.stderr
    result = invoke("live", "--save", str(tmp_path / "no" / "x.png"), "--no-window")
    assert result.exit_code == 2
    assert "the folder does not exist" in result.stderr


def test_several_stills_get_numbered_pictures(tmp_path: Path) -> None:
    picture = tmp_path / "out.png"
    result = invoke(
        "image",
        str(FIXTURES / "good_obama.jpg"),
        str(FIXTURES / "dark_obama.jpg"),
        "--save",
        str(picture),
        "--json",
    )
    assert result.exit_code == 1
    assert (tmp_path / "out-1.png").is_file() and (tmp_path / "out-2.png").is_file()
    assert not picture.exists()


def test_nothing_is_written_without_save(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("image", str(FIXTURES / "good_obama.jpg"))
    assert result.exit_code == 0
    assert list(tmp_path.iterdir()) == []


# --- issue 17: labels that never overlap, a legend that fits, the frame that shows best ---


@pytest.fixture(scope="module")
def fixture_reports(perception) -> list[tuple[str, Report]]:
    """Every fixture photo and clip, judged once for the picture tests below."""
    photos = sorted(p for p in FIXTURES.iterdir() if p.suffix == ".jpg")
    reports = [
        (path.name, result)
        for path, result in zip(photos, check_images(photos, perception=perception), strict=True)
    ]
    for clip in sorted(FIXTURES.glob("*.mp4")):
        reports.append((clip.name, Session(perception).run(VideoSource(clip))))
    return reports


def test_labels_never_overlap_on_any_fixture(fixture_reports) -> None:
    tagged = 0
    for name, report in fixture_reports:
        snapshot = report.snapshot
        assert snapshot is not None, name
        regions = finding_regions(report.findings, snapshot.findings)
        marks = layout_marks(snapshot.scene, report.findings, regions)
        height, width = snapshot.scene.frame.shape[:2]
        for i, mark in enumerate(marks):
            x0, y0, x1, y1 = mark.tag
            assert 0 <= x0 < x1 < width and 0 <= y0 < y1 < height, (name, mark)
            for other in marks[i + 1 :]:
                ox0, oy0, ox1, oy1 = other.tag
                apart = x1 < ox0 or ox1 < x0 or y1 < oy0 or oy1 < y0
                assert apart, (name, mark.check_id, other.check_id)
        tagged += len(marks) > 1
    assert tagged >= 5  # several fixtures put more than one tag in the picture


def test_the_legend_fits_the_picture_on_any_fixture(fixture_reports) -> None:
    for name, report in fixture_reports:
        width = report.snapshot.scene.frame.shape[1]
        text_width = width - (LEGEND_PADDING + SWATCH_SIZE + LEGEND_PADDING) - LEGEND_PADDING
        for text, _ in legend_lines(report.findings, "nl"):
            for line in wrap(ascii_text(text), text_width):
                size = cv2.getTextSize(line, FONT, FONT_SCALE, FONT_THICKNESS)[0][0]
                assert size <= text_width, (name, line)
                assert not line.endswith("..."), (name, line)  # wrapped, not cut


def test_the_saved_frame_shows_the_first_finding(fixture_reports) -> None:
    for name, report in fixture_reports:
        if report.findings and report.kind == "video":
            shown = {f.id for f in report.snapshot.findings}
            assert report.findings[0].id in shown, name


def test_the_walker_is_saved_fully_in_view(perception) -> None:
    # given the clip of a person walking behind, in and out of the picture
    shares = []
    report = Session(perception).run(
        VideoSource(FIXTURES / "bg_walker_clip.mp4"),
        on_frame=lambda frame, found: shares.extend(
            f.measured["intrusion_share"] for f in found if f.id == "background.intrusion"
        ),
    )
    # then the saved frame is the one where the walker takes the most of the picture
    (shown,) = [f for f in report.snapshot.findings if f.id == "background.intrusion"]
    assert shown.measured["intrusion_share"] == max(shares)


def test_a_narrow_picture_wraps_its_legend() -> None:
    scene = synthetic_scene(size=(200, 300), face_box=(60, 60, 80, 90), person_box=None)
    item = finding("lighting.uneven", region=(60, 60, 80, 90), face_light_ratio=4.0)
    image = annotate(scene, [item], "nl")
    assert image.shape[1] == 200
    assert image.shape[0] > 300 + 2 * LEGEND_PADDING + 2 * LINE_HEIGHT  # more than 2 rows


def test_findings_on_one_region_each_keep_a_visible_box_and_number() -> None:
    scene = synthetic_scene()
    items = [
        finding("lighting.too_dark", region=FACE_BOX, face_highlight=0.2, face_luma=0.1),
        finding("lighting.uneven", region=FACE_BOX, face_light_ratio=4.0),
        finding("image.blurry", region=FACE_BOX, face_sharpness=0.3),
    ]
    marks = layout_marks(scene, items, finding_regions(items))
    assert len({m.box for m in marks}) == 3
    assert len({m.tag for m in marks}) == 3


def test_headroom_is_drawn_above_the_head_not_on_the_face() -> None:
    scene = synthetic_scene(face_box=(270, 200, 100, 120), person_box=None)
    item = finding("framing.headroom", region=(270, 200, 100, 120), eye_line_share=0.7)
    (mark,) = layout_marks(scene, [item], finding_regions([item]))
    x0, y0, x1, y1 = mark.box
    assert y0 == 0
    # the crown sits as far above the eyes (y 242) as the chin (y 320) is below them
    assert y1 < 242 - (320 - 242)
    assert x0 <= 270 and x1 >= 370


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_the_picture_is_written_as_the_umask_says(tmp_path: Path, mask: int) -> None:
    old = os.umask(mask)
    try:
        write_png(tmp_path / "x.png", np.zeros((20, 30, 3), np.uint8))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "x.png").stat().st_mode) == 0o666 & ~mask
