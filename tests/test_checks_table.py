"""The check table is complete: every id has texts in every language, same placeholders,
a README row, and an analyzer that can produce it."""

from __future__ import annotations

import importlib.util
import re

import pytest

from camcheck.analyzers import ANALYZERS
from camcheck.checks import CHECKS, LANGUAGES, UI, Group, format_value, placeholders, render, ui
from camcheck.findings import Finding
from tests.conftest import ROOT

ID_PATTERN = re.compile(
    r"^(camera|face|lighting|image|background|virtual_background|framing)"
    r"\.[a-z_]+$"
)


@pytest.mark.parametrize("check_id", list(CHECKS))
def test_every_check_has_every_language(check_id: str) -> None:
    check = CHECKS[check_id]
    assert ID_PATTERN.match(check_id)
    assert isinstance(check.group, Group)
    assert check.better in ("higher", "lower")
    assert check.source.strip()
    for lang in LANGUAGES:
        text = check.texts[lang]
        assert text.title.strip() and text.message.strip() and text.advice.strip(), lang
    english = check.texts["en"]
    for lang in LANGUAGES:
        text = check.texts[lang]
        assert placeholders(text.message) == placeholders(english.message), lang
        assert placeholders(text.advice) == placeholders(english.advice), lang
        assert set(text.extras) == set(english.extras), lang
        for key, sentence in text.extras.items():
            assert key in placeholders(sentence), f"{check_id} extra {key} must show {key}"
            assert placeholders(sentence) == placeholders(english.extras[key]), (lang, key)
        assert placeholders(text.title) == set(), "titles carry no numbers"


@pytest.mark.parametrize("key", list(UI))
def test_every_ui_sentence_has_every_language(key: str) -> None:
    texts = UI[key]
    assert set(texts) == set(LANGUAGES), key
    assert len({frozenset(placeholders(t)) for t in texts.values()}) == 1, key


def test_every_check_is_produced_by_an_analyzer() -> None:
    produced = [check_id for cls in ANALYZERS for check_id in cls.check_ids]
    assert sorted(produced) == sorted(CHECKS)


def test_every_check_has_a_readme_row() -> None:
    readme = (ROOT / "README.md").read_text()
    for check_id in CHECKS:
        assert f"| `{check_id}` |" in readme, f"README lacks a row for {check_id}"
    spec = importlib.util.spec_from_file_location(
        "update_readme", ROOT / "scripts" / "update_readme.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.updated(readme) == readme, "run scripts/update_readme.py"


def test_messages_render_with_decimal_sign_per_language() -> None:
    item = Finding(
        "lighting.backlight",
        {"backlight_ev": 2.46, "light_share": 0.5, "light_place": 1.0},
        CHECKS["lighting.backlight"].severity,
    )
    assert "2.5 stops darker" in render(item, "en").message
    assert "2,5 stops donkerder" in render(item, "nl").message
    assert "50%" in render(item, "nl").message
    assert ui("label.held", "nl", fraction=0.25, seconds=1.5).endswith("1,5 s aan één stuk")


def test_extra_sentences_appear_only_when_measured() -> None:
    still = Finding(
        "virtual_background.edge_artifacts",
        {"vb_edge_step_share": 0.9, "vb_halo_px": 8.0},
        CHECKS["virtual_background.edge_artifacts"].severity,
    )
    video = Finding(still.id, {**still.measured, "vb_edge_flicker": 1.6}, still.severity)
    assert "outline jumps" not in render(still, "en").message
    assert "jumps 1.6 times" in render(video, "en").message
    assert "verspringt 1,6 keer" in render(video, "nl").message


def test_an_extra_sentence_is_said_only_where_its_sign_is_there() -> None:
    def said(check_id: str, lang: str = "en", **measured: float) -> str:
        item = Finding(check_id, measured, CHECKS[check_id].severity)
        return render(item, lang).message

    edge = "virtual_background.edge_artifacts"
    # a steady outline (0.7 times your motion) is no reason; a jumpy one (1.6) is
    assert "jumps" not in said(edge, vb_halo_px=8.0, vb_edge_flicker=0.7)
    assert "jumps 1.6 times" in said(edge, vb_halo_px=8.0, vb_edge_flicker=1.6)
    # before an unchanged background a 3 px rim is under the limit: the thin rim along the
    # outline is said instead; without an unchanged background it is no sign (a clean cut's
    # hard edge reads as a rim on 72-78% of the profiles)
    unchanged = {"vb_background_unchanged_share": 0.997}
    rim = said(edge, vb_halo_px=3.0, vb_halo_share=0.49, vb_edge_step_share=0.38, **unchanged)
    assert "3 px" not in rim and "along 49% of your head's outline" in rim
    assert "one pixel" not in rim
    cut = said(edge, vb_halo_px=3.0, vb_halo_share=0.75, vb_edge_step_share=0.8)
    assert "along" not in cut and "80% of the change at your outline" in cut
    # a step of 0.68 is a crisp real photo's, no hard cut
    assert "one pixel" not in said(edge, vb_halo_px=6.0, vb_edge_step_share=0.68)
    # no sign holds on the numbers (a video finding's medians): the rim's sentence is said
    fallback = said(edge, vb_halo_px=3.0, vb_halo_share=0.3, vb_edge_flicker=1.1)
    assert "rim of about 3 px" in fallback and "jumps" not in fallback
    late = said(edge, vb_edge_lag_gain=0.3, vb_edge_lag_corr=0.7, vb_edge_lag_frames=4.0)
    assert "4 frames late" in late
    assert "late" not in said(edge, vb_edge_lag_gain=0.05, vb_edge_lag_corr=0.7,
                              vb_edge_lag_frames=4.0)  # fmt: skip
    # hair that stands out from the wall (Delta E 37) is not offered as the reason
    separation = "virtual_background.poor_separation"
    assert "differ by" not in said(separation, vb_mask_unsure_px=9.0, vb_hair_delta_e=37.0)
    assert "differ by 12" in said(separation, vb_mask_unsure_px=6.0, vb_hair_delta_e=12.0)
    assert "verschillen 12" in said(separation, "nl", vb_mask_unsure_px=6.0, vb_hair_delta_e=12.0)


def test_a_share_is_shown_as_at_most_all_of_it() -> None:
    # a face box reaching past the frame measures 1.52 of its height: shown as 100%
    assert format_value("face_height_share", 1.52, "en") == "100%"
    assert format_value("face_height_share", 0.55, "en") == "55%"
    assert format_value("vb_edge_step_share", 1.518, "nl") == "100%"


def test_every_conditional_sentence_is_one_of_its_checks_extras() -> None:
    # a typo in says_when would leave a sentence that is never conditioned
    for check in CHECKS.values():
        assert set(check.says_when) <= set(check.text("en").extras), check.id


def test_washed_out_says_the_reason_that_holds() -> None:
    bright = "lighting.too_bright"

    def said(**measured: float) -> str:
        return render(Finding(bright, measured, CHECKS[bright].severity), "en").message

    face = said(face_clipped_share=0.71, face_luma=0.93, frame_blown_share=0.03)
    assert "On your face 71% has lost its colour to the light" in face
    assert "of the picture" not in face
    frame = said(no_face=1.0, frame_blown_share=0.75, frame_shadow=0.87)
    assert "75% of the picture is blown out" in frame
