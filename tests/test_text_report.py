"""The text report in plain words: no scales a layperson does not know, no "(s)", one fix each."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from camcheck import cli
from camcheck.checks import CHECKS, IMPACT, LEVELS, MEASURE_FORMATS, PLAIN, UI, finding
from camcheck.report.model import Report
from camcheck.report.text import fix_first, format_report
from tests.conftest import FIXTURES

# Words of the technical scales behind the numbers (kept in JSON and under --verbose).
TECHNICAL = ("Hasler", "CIELAB", "sharpness measures", "clutter 0", "grey levels", "(marked)")


def report(*findings, kind: str = "image", frames: int = 1) -> Report:
    return Report("me.jpg", kind, frames, 0.0 if frames == 1 else 4.9, list(findings))


def test_no_sentence_hedges_its_plural() -> None:
    for key, texts in UI.items():
        for lang, text in texts.items():
            assert not re.search(r"\w\((s|en|n)\)", text), (key, lang, text)


def test_a_photo_is_not_one_frame_and_a_clip_counts_its_frames() -> None:
    assert format_report(report()).splitlines()[0] == "me.jpg (a photo)"
    clip = format_report(report(kind="video", frames=75), "nl").splitlines()[0]
    assert clip == "me.jpg (75 beelden in 4,9 s)"


@pytest.mark.parametrize(("sharpness", "words"), [(0.3, "very blurry"), (0.5, "noticeably soft")])
def test_blur_is_said_in_plain_words(sharpness: float, words: str) -> None:
    item = finding("image.blurry", face_sharpness=sharpness)
    text = format_report(report(item))
    assert f"Your face looks {words}" in text
    assert "0.3" not in text and "0.5" not in text
    # the exact number is under --verbose
    assert f"its sharpness measures {sharpness:.2f}" in format_report(report(item), verbose=True)


def test_the_colour_spot_is_marked_only_when_a_picture_marks_it() -> None:
    item = finding(
        "background.distracting_color",
        colour_spot_peak=48.0,
        colour_spot_spread=20.0,
        colour_spot_share=0.03,
        colour_rest=2.0,
    )
    plain = format_report(report(item))
    assert "much more colourful than the rest of your background" in plain
    assert "marked" not in plain
    assert "(marked in the saved picture)" in format_report(report(item), marked=True)
    for word in TECHNICAL:
        assert word not in plain, word


def test_the_fix_is_given_once_and_the_verdict_leads_with_what_matters_most() -> None:
    # given grain (listed first in the table) and a dark face, both warnings
    noisy = finding("image.noisy", noise_sigma=6.0)
    dark = finding("lighting.too_dark", face_highlight=0.25, face_luma=0.2, frame_highlight=0.5)
    text = format_report(report(noisy, dark))
    # then the dark face leads: the light is what the others see first, and fixes the grain
    assert fix_first([noisy, dark]) is dark
    assert text.splitlines()[-1] == (
        "2 things to fix before your call. Start with the first: Face too dark."
    )
    assert text.index("(lighting.too_dark)") < text.index("(image.noisy)")
    for item in (noisy, dark):
        advice = CHECKS[item.id].text("en").advice
        assert text.count(advice) == 1


def test_one_thing_to_fix_is_said_as_one() -> None:
    dark = finding("lighting.too_dark", face_highlight=0.1, face_luma=0.1, frame_highlight=0.9)
    text = format_report(report(dark))
    assert "Your face is very dark, and the rest of the picture is bright enough" in text
    assert text.splitlines()[-1] == "One thing to fix before your call: Face too dark."
    note = finding("framing.off_center", face_offset=0.3)
    assert format_report(report(note)).splitlines()[-1] == (
        "Looks good; the note above is for your information."
    )
    assert "[info] Not in the middle" in format_report(report(note))


def test_every_check_has_a_place_in_the_fix_order_and_plain_words_fill() -> None:
    assert sorted(IMPACT) == sorted(CHECKS)
    for check_id, texts in PLAIN.items():
        assert set(texts) == set(CHECKS[check_id].texts), check_id
    for level in LEVELS.values():
        assert level.key in MEASURE_FORMATS, level.key


@pytest.mark.parametrize(
    "name",
    ["face_defocus_obama", "face_noisy_obama", "bg_painting_grace_hopper", "face_warm_obama"],
)
def test_fixture_reports_speak_plainly(name: str) -> None:
    result = CliRunner().invoke(
        cli.app, ["image", str(FIXTURES / f"{name}.jpg")], env={"LANG": "C.UTF-8", "LC_ALL": ""}
    )
    assert result.exit_code == 1, result.output
    for word in TECHNICAL:
        assert word not in result.stdout, (name, word)


def test_json_regions_are_in_the_source_pixels(tmp_path) -> None:
    import json

    import cv2

    # given the backlit photo and the same photo at twice the size
    photo = cv2.imread(str(FIXTURES / "backlit_obama.jpg"))
    big = tmp_path / "big.png"
    cv2.imwrite(str(big), cv2.resize(photo, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC))
    documents = []
    for path in (FIXTURES / "backlit_obama.jpg", big):
        result = CliRunner().invoke(
            cli.app, ["image", str(path), "--json"], env={"LANG": "C.UTF-8", "LC_ALL": ""}
        )
        documents.append(json.loads(result.stdout))
    small, large = documents
    # then both were analysed at the same working size, and each region is given in its
    # own source's pixels: twice as large for the photo twice as large
    assert small["source_size"] == [640, 800] and large["source_size"] == [1280, 1600]
    assert small["analysed_size"] == large["analysed_size"] == [512, 640]
    (one,) = small["findings"]
    (two,) = large["findings"]
    assert all(abs(b - 2 * a) <= 4 for a, b in zip(one["region"], two["region"], strict=True))


# Dutch that reads as translated or wrong (issue 17 part 9); checks whose messages other
# work owns (backlight, background, virtual background, frozen camera) are left to it.
DUTCH_SLIPS = (
    "videobel-app",
    "wordt bekeken",
    "voor je gesprek",
    "wit uitgebeten",
    "beeld(en)",
    "punt(en)",
    "ids ",
    "uitgesmeerd",
)
OTHERS = ("lighting.backlight", "background.", "virtual_background.", "camera.frozen")


def test_the_dutch_avoids_known_slips() -> None:
    texts = [t["nl"] for t in UI.values()] + [t["nl"] for t in PLAIN.values()]
    for check in CHECKS.values():
        if not check.id.startswith(OTHERS):
            dutch = check.texts["nl"]
            texts += [dutch.title, dutch.message, dutch.advice, *dutch.extras.values()]
    for text in texts:
        for slip in DUTCH_SLIPS:
            assert slip not in text, (slip, text)


def test_text_json_and_picture_legend_list_the_findings_in_one_order() -> None:
    from camcheck.report.annotate import legend_lines
    from camcheck.report.json_format import report_dict

    # given the findings of dwb-gh_00 (a head cut off at the top) in the table's order, as
    # the session collected them (without one report order, JSON started with "uneven")
    cast = dict(
        face_score=0.78, frame_chroma=91.5, skin_tone_distance=13.7, neutral_agreement=0.66,
        cast_tint=4.0, cast_agreement=1.51, cast_stops=1.82, skin_corrected_distance=4.61,
        neutral_share=0.32, face_chroma=74.4,
    )  # fmt: skip
    found = report(
        finding("lighting.uneven", light_side=1.0, face_light_ratio=6.57, face_uniformity=0.04),
        finding("lighting.color_cast", **cast),
        finding("framing.cut_off", framing_peer_ratio=0.0, head_outside_share=0.61),
        finding("framing.too_close", face_height_share=0.9, framing_peer_ratio=0.0),
    )
    text = format_report(found)
    in_text = sorted((text.index(f"({item.id})"), item.id) for item in found.findings)
    # then the text, the JSON and the picture's legend all start with the verdict's finding
    expected = ["framing.cut_off", "framing.too_close", "lighting.uneven", "lighting.color_cast"]
    assert [check_id for _, check_id in in_text] == expected
    assert [item["id"] for item in report_dict(found)["findings"]] == expected
    assert fix_first(found.findings).id == expected[0]
    assert "Start with the first: Face cut off." in text.splitlines()[-1]
    legend = [line for line, _ in legend_lines(found.findings, "en")[1:]]
    titles = [CHECKS[check_id].text("en").title for check_id in expected]
    assert legend == [f"{n}  [warning] {title}" for n, title in enumerate(titles, start=1)]


def test_a_report_of_no_frame_never_looks_good() -> None:
    from camcheck.report.json_format import report_dict

    stopped = Report("me.mp4", "video", 0, 0.0, [], interrupted=True)
    # before: "Looks good: nothing to fix before your call." and a JSON without an error
    assert format_report(stopped).splitlines()[-1] == "No verdict: the check did not finish."
    assert format_report(stopped, "nl").splitlines()[-1] == (
        "Geen oordeel: de controle is niet afgemaakt."
    )
    document = report_dict(stopped)
    assert document["error"] == "stopped before any frame was judged"
    assert document["exit_code"] == 2


def test_a_source_that_broke_off_is_marked_and_does_not_look_good() -> None:
    from camcheck.errors import CamcheckError

    broken = Report(
        "me.mp4", "video", 40, 1.6, [], error=CamcheckError("error.camera_lost", seconds=1.6)
    )
    lines = format_report(broken).splitlines()
    # before: the error line here too (it is the command's line on stderr), then "Looks good"
    assert lines[1] == "Not finished: this is the summary up to where it broke off."
    assert lines[-1] == "No verdict: the check did not finish."
    assert not any("error" in line for line in lines)
    # what was found before it broke off is still worth fixing
    dark = finding("lighting.too_dark", face_highlight=0.1, face_luma=0.1, frame_highlight=0.9)
    broken.findings = [dark]
    assert format_report(broken).splitlines()[-1] == (
        "One thing to fix before your call: Face too dark."
    )
