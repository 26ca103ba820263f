"""Exposure, backlight and face analyzers on synthetic Scenes (no model needed)."""

from __future__ import annotations

from camcheck.analyzers.backlight import BacklightAnalyzer
from camcheck.analyzers.exposure import ExposureAnalyzer
from camcheck.analyzers.face import FaceAnalyzer
from tests.conftest import synthetic_scene


def ids(analyzer, scene) -> set[str]:
    return {f.id for f in analyzer.analyze(scene)}


def test_well_lit_light_face_is_fine() -> None:
    scene = synthetic_scene(face_luma=0.65, background=0.5)
    assert ids(ExposureAnalyzer(), scene) == set()


def test_underexposed_face_in_dim_frame_is_too_dark() -> None:
    # Everything dim: face highlights 0.42, nothing in the frame above 0.5.
    scene = synthetic_scene(face_luma=0.36, face_texture=0.06, background=0.3, person_luma=0.2)
    found = ExposureAnalyzer().analyze(scene)
    assert [f.id for f in found] == ["lighting.too_dark"]
    assert found[0].measured["face_highlight"] < 0.55
    assert found[0].measured["frame_highlight"] < 0.70


def test_dark_skin_in_a_well_exposed_frame_is_not_too_dark() -> None:
    # Same face numbers as above, but a white shirt/wall shows the camera is exposed well.
    scene = synthetic_scene(face_luma=0.36, face_texture=0.06, background=0.9, person_luma=0.2)
    assert ids(ExposureAnalyzer(), scene) == set()


def test_very_dark_face_is_too_dark_even_in_a_bright_frame() -> None:
    scene = synthetic_scene(face_luma=0.12, face_texture=0.03, background=0.9)
    assert ids(ExposureAnalyzer(), scene) == {"lighting.too_dark"}


def test_clipped_face_is_too_bright() -> None:
    scene = synthetic_scene(face_luma=0.97, face_texture=0.05)
    found = ExposureAnalyzer().analyze(scene)
    assert [f.id for f in found] == ["lighting.too_bright"]
    assert found[0].measured["face_clipped_share"] > 0.08


def test_black_wall_is_not_a_dark_face() -> None:
    scene = synthetic_scene(face_luma=0.6, background=0.02, person_luma=0.1)
    assert ids(ExposureAnalyzer(), scene) == set()
    assert ids(BacklightAnalyzer(), scene) == set()


def test_blown_out_background_and_dark_face_is_backlight() -> None:
    scene = synthetic_scene(face_luma=0.25, background=1.0, person_luma=0.15)
    found = BacklightAnalyzer().analyze(scene)
    assert [f.id for f in found] == ["lighting.backlight"]
    # a face of mean luma 0.25 is 0.05 in linear light: 4.3 stops under the blown-out wall
    assert 4.0 < found[0].measured["backlight_ev"] < 4.6
    assert found[0].measured["light_share"] > 0.5


def test_bright_but_not_blown_wall_is_not_backlight() -> None:
    # A white wall exposed correctly (0.85) behind a dark face: contrast, but no light source.
    scene = synthetic_scene(face_luma=0.3, background=0.85, person_luma=0.15)
    assert ids(BacklightAnalyzer(), scene) == set()


def test_no_face_means_no_face_verdict_but_face_not_found() -> None:
    # A pale grey room with nobody in it: no face, and nothing about the light. (Its
    # brightest things at 0.75: a frame without a face whose brightest things stay under
    # FACELESS_FRAME_DIM, 0.61, is too dark to find a face in, see test_light_verdicts.)
    scene = synthetic_scene(face_luma=None, background=0.75)
    assert ids(ExposureAnalyzer(), scene) == set()
    assert ids(BacklightAnalyzer(), scene) == set()
    assert ids(FaceAnalyzer(), scene) == {"face.not_found"}
    assert ids(FaceAnalyzer(), synthetic_scene()) == set()


def test_a_weak_face_is_not_found_and_says_how_weak() -> None:
    import dataclasses

    from camcheck.checks import render

    scene = synthetic_scene()
    weak = dataclasses.replace(scene.faces[0], score=0.45)
    scene.faces = (weak,)
    (item,) = FaceAnalyzer().analyze(scene)
    assert item.measured == {"face_score": 0.45, "best_face_score": 0.45, "face_on_person": 1.0}
    assert "The closest match, 45% sure, was too faint" in render(item).message
    (none,) = FaceAnalyzer().analyze(synthetic_scene(face_luma=None))
    assert none.measured == {"face_score": 0.0} and render(none).message == (
        "No face was found clearly in the picture."
    )
