"""Faces and people: which face is you, groups, and no face-based finding without a face."""

from __future__ import annotations

import dataclasses

import cv2
import numpy as np
import pytest

from camcheck.analyzers import ANALYZERS
from camcheck.analyzers.face import FaceAnalyzer
from camcheck.analyzers.intrusion import IntrusionAnalyzer
from camcheck.checks import CHECKS, render
from camcheck.scene import Face, Scene
from camcheck.session import Session
from camcheck.sources import ArraySource
from tests.conftest import synthetic_scene

WIDTH, HEIGHT = 640, 360
# What a finding about the face carries: a number measured on the face (its box, its light,
# its sharpness, its place in the frame). face.not_found's own scores are about detection.
FACE_KEYS = (
    "face_luma",
    "face_highlight",
    "face_bright_share",
    "face_clipped_share",
    "face_dark_share",
    "face_light_ratio",
    "face_uniformity",
    "face_chroma",
    "face_sharpness",
    "face_offset",
    "face_size_share",
    "head_outside_share",
    "eye_line_share",
    "contrast_ratio",
    "second_face_width_ratio",
)


def faceless_scenes() -> list[tuple[str, Scene]]:
    """Frames without a face of every kind a face check might misread."""
    rng = np.random.default_rng(11)
    scenes = []
    person = np.zeros((HEIGHT, WIDTH), np.float32)
    person[120:, 220:420] = 1.0
    for name, frame in {
        "black": np.full((HEIGHT, WIDTH, 3), 3, np.uint8),
        "dim": np.full((HEIGHT, WIDTH, 3), 30, np.uint8),
        "white": np.full((HEIGHT, WIDTH, 3), 252, np.uint8),
        "blue": np.tile(np.array([20, 50, 210], np.uint8), (HEIGHT, WIDTH, 1)),
        "noise": rng.integers(0, 256, (HEIGHT, WIDTH, 3), dtype=np.uint8),
        "blurred noise": cv2.GaussianBlur(
            rng.integers(0, 256, (HEIGHT, WIDTH, 3), dtype=np.uint8), (0, 0), 6
        ),
    }.items():
        for mask_name, mask in (("no person", None), ("a person", person)):
            scenes.append((f"{name}, {mask_name}", Scene(frame=frame, person=mask)))
    # a backlit person without a detected face: a blown-out window behind a dark body
    backlit = np.full((HEIGHT, WIDTH, 3), 255, np.uint8)
    backlit[120:, 220:420] = 20
    scenes.append(("backlit", Scene(frame=backlit, person=person)))
    return scenes


@pytest.mark.parametrize("name, scene", faceless_scenes(), ids=[n for n, _ in faceless_scenes()])
def test_no_analyzer_reports_about_a_face_that_was_not_found(name: str, scene: Scene) -> None:
    # given a frame in which no face was found, run through every analyzer twice (video)
    findings = []
    for cls in ANALYZERS:
        analyzer = cls()
        for index in range(2):
            step = dataclasses.replace(scene, timestamp=index / 15, index=index)
            findings += analyzer.analyze(step)
    # then face.not_found is reported, and nothing carries a number measured on a face
    assert "face.not_found" in {item.id for item in findings}
    for item in findings:
        assert not set(item.measured) & set(FACE_KEYS), (item.id, item.measured)
        # a washed-out picture is said on the frame's numbers (all white: 252 everywhere);
        # a dark body before a blown-out window keeps its shadows: that is no washed-out
        # picture (too_bright fired there before FACELESS_SHADOW)
        if item.id == "lighting.too_bright":
            assert name.startswith("white") and item.measured["no_face"] == 1.0, name
            continue
        assert item.id not in {
            "lighting.uneven",
            "image.blurry",
            "framing.cut_off",
            "framing.too_close",
            "framing.too_far",
            "framing.off_center",
            "framing.headroom",
        }, item.id


def test_no_rule_fires_on_face_numbers_alone_without_a_face() -> None:
    # the rules read only what was measured: a check whose every limit is on face numbers
    # cannot fire on a frame's numbers
    frame_numbers = {
        "frame_peak_luma": 0.5,
        "frame_highlight": 0.2,
        "frame_change_levels": 3.0,
        "noise_sigma": 1.0,
        "background_luma": 0.9,
        "background_bright_share": 0.9,
    }
    for check_id, check in CHECKS.items():
        metrics = set(check.rule_metrics)
        if metrics and metrics <= set(FACE_KEYS):
            assert not check.fires(frame_numbers), check_id


def weakly(scene: Scene, score: float) -> Scene:
    return dataclasses.replace(scene, faces=(dataclasses.replace(scene.faces[0], score=score),))


def still_report(scene: Scene):
    source = ArraySource([scene.frame], kind="image")
    return Session(lambda frame: scene).run(source)


def test_a_weak_face_gives_no_finding_about_the_face_next_to_not_found() -> None:
    # given a badly framed, side-lit face that the detector only half believes
    scene = synthetic_scene(face_box=(10, 5, 60, 70), person_box=(0, 0, 120, 200))
    strong = {item.id for item in still_report(scene).findings}
    assert strong & {"framing.off_center", "framing.too_far"}, strong
    assert "face.not_found" not in strong
    # when its score is under face.not_found's limit
    report = still_report(weakly(scene, 0.45))
    found = {item.id for item in report.findings}
    # then "no face found" is not contradicted by a finding about "your face"
    assert "face.not_found" in found
    for item in report.findings:
        assert not set(item.measured) & set(FACE_KEYS), item.id


def test_with_nobody_at_the_camera_a_busy_picture_is_no_busy_background() -> None:
    from tests.test_background import busy_room, scene_with

    # given a busy room with you in front of it: the room behind you is busy
    seated = scene_with(busy_room())
    assert "background.cluttered" in {item.id for item in still_report(seated).findings}
    # when nobody is at the camera (no face, no person mask: a bowl of fruit, an empty room)
    empty = Scene(frame=seated.frame, faces=(), person=np.zeros(seated.frame.shape[:2], np.float32))
    found = {item.id for item in still_report(empty).findings}
    # then "no face found" leads, and there is no "behind you" to judge
    assert "face.not_found" in found
    assert not found & {"background.cluttered", "background.distracting_color"}


def test_with_nobody_at_the_camera_there_is_no_cut_out_to_rehearse() -> None:
    from camcheck.checks import ruled_ids

    # An outline the person model is unsure of for 9 px: a cut-out would have to guess
    unsure = {"vb_mask_unsure_px": 9.0, "vb_hair_delta_e": 60.0}
    assert "virtual_background.poor_separation" in ruled_ids({**unsure, "face_score": 0.9})
    # but with no face found (a chameleon, a cockatoo) "no face found" leads, alone
    found = ruled_ids({**unsure, "face_score": 0.0})
    assert "face.not_found" in found and "virtual_background.poor_separation" not in found


def test_no_check_hides_one_that_hides_it_back() -> None:
    # a loop of hides (a hides b, b hides c, c hides a) would drop all of them at once
    def hidden_by(check_id: str) -> set[str]:
        return {other for other, check in CHECKS.items() if check.hides_check(check_id)}

    for check_id in CHECKS:
        seen, todo = set(), list(hidden_by(check_id))
        while todo:
            other = todo.pop()
            if other in seen:
                continue
            seen.add(other)
            todo.extend(hidden_by(other))
        assert check_id not in seen, check_id


def test_a_group_of_clear_faces_is_a_face_found() -> None:
    # given a group: your face is turned (weak) and two others beside it are clear
    you = Face(box=(270, 90, 100, 120), score=0.45)
    others = (Face(box=(60, 120, 70, 84), score=0.93), Face(box=(500, 110, 72, 86), score=0.9))
    scene = dataclasses.replace(synthetic_scene(), faces=(you, *others))
    assert scene.person is not None
    for x, y, w, h in (face.box for face in others):
        scene.person[y : y + h, x : x + w] = 1.0  # they are people too
    measured = FaceAnalyzer().measure(scene)
    # then some face was found clearly, and face.not_found does not fire
    assert measured["face_score"] == pytest.approx(0.93)
    assert not FaceAnalyzer().analyze(scene)
    # and with every face doubtful it does, saying how close the best came
    doubtful = dataclasses.replace(scene, faces=(*tuple(weakly(scene, 0.4).faces), you))
    (item,) = FaceAnalyzer().analyze(doubtful)
    assert item.measured["best_face_score"] == pytest.approx(0.45)
    assert "45%" in render(item).message


def test_no_face_measures_a_zero_score_and_says_nothing_more() -> None:
    scene = synthetic_scene(face_luma=None)
    (item,) = FaceAnalyzer().analyze(scene)
    assert item.measured == {"face_score": 0.0}
    assert render(item, "nl").message == "Er is geen duidelijk gezicht in beeld gevonden."


def test_you_are_the_largest_most_central_face() -> None:
    # given a face in the middle and a slightly larger one at the frame's corner
    middle = Face(box=(280, 110, 80, 96), score=0.9)
    corner = Face(box=(0, 0, 90, 108), score=0.95)
    scene = Scene(frame=np.zeros((HEIGHT, WIDTH, 3), np.uint8), faces=(corner, middle))
    # then the one in the middle is you
    assert scene.primary_face == middle
    # but someone much larger at the side (leaning into the camera) is you
    close = Face(box=(0, 0, 200, 240), score=0.95)
    scene = Scene(frame=scene.frame, faces=(middle, close))
    assert scene.primary_face == close
    # and among equal faces the order of detection does not matter
    left = Face(box=(100, 110, 80, 96), score=0.9)
    assert Scene(frame=scene.frame, faces=(left, middle)).primary_face == middle
    assert Scene(frame=scene.frame, faces=(middle, left)).primary_face == middle


def test_a_face_reaching_past_the_frame_top_is_judged_on_its_visible_part() -> None:
    # given a close face whose box reaches past the frame's top and left edges, on the
    # person mask, which the landmark model fits only weakly (forehead cut off)
    person = np.ones((HEIGHT, WIDTH), np.float32)
    frame = np.zeros((HEIGHT, WIDTH, 3), np.uint8)
    cut = Face(box=(-20, -30, 200, 240), score=0.9, presence=0.3)
    inside = Face(box=(0, 0, 200, 240), score=0.9, presence=0.3)
    scene = Scene(frame=frame, faces=(cut,), person=person)
    # then its box counts as on the person, as the same face inside the frame does: it is
    # not taken for a pattern off the person mask (whose weight is a hundredth)
    assert scene.box_on_person(cut.box) == 1.0
    assert scene.face_box_on_person() == 1.0
    ratio = scene.prominence(cut) / Scene(frame=frame, faces=(inside,), person=person).prominence(
        inside
    )
    assert ratio > 0.5
    # and a box wholly outside the frame holds nothing
    assert scene.box_on_person((-300, -300, 100, 100)) == 0.0
    # and face.not_found reads the same share for it, not a wrapped, empty slice's NaN
    assert FaceAnalyzer().measure(scene)["face_on_person"] == 1.0


def test_a_small_face_in_a_poster_beside_you_is_no_intrusion() -> None:
    # a portrait on the wall: a clear face, a fifth of your width
    you = Face(box=(270, 90, 100, 120), score=0.95)
    poster = Face(box=(60, 60, 20, 24), score=0.92)
    scene = dataclasses.replace(synthetic_scene(), faces=(you, poster))
    assert scene.primary_face == you
    assert not IntrusionAnalyzer().analyze(scene)
    assert not FaceAnalyzer().analyze(scene)


def test_a_face_the_detector_sees_in_a_flower_is_not_found() -> None:
    # given a confident detection where the segmentation sees no person (a flower, a room),
    # which the landmark model does not fit
    scene = synthetic_scene(person_box=None)
    assert scene.person is not None
    scene.person[:] = 0.0
    scene = dataclasses.replace(
        scene, faces=tuple(dataclasses.replace(f, presence=0.02) for f in scene.faces)
    )
    measured = FaceAnalyzer().measure(scene)
    # then it is no face, however confident the detector was
    assert measured["face_score"] > 0.9 and measured["face_on_person"] == 0.0
    assert [item.id for item in FaceAnalyzer().analyze(scene)] == ["face.not_found"]
    # and the same face on a person is found
    assert not FaceAnalyzer().analyze(synthetic_scene())


def test_an_animal_the_landmark_model_does_not_fit_is_no_face() -> None:
    # given a "face" on what the segmentation takes for a person (a dog), which the landmark
    # model does not fit, scored as the corpus's toys and animals are
    scene = synthetic_scene()
    dog = dataclasses.replace(scene.faces[0], score=0.73, presence=0.26)
    scene = dataclasses.replace(scene, faces=(dog,))
    # then no face was found, and nobody intrudes on a dog
    assert [item.id for item in FaceAnalyzer().analyze(scene)] == ["face.not_found"]
    assert IntrusionAnalyzer().measure(scene) == {}
    # but a real face under a raised hand (it fits badly, yet has skin's colour) is found
    assert FaceAnalyzer().measure(scene)["face_skin"] < 0.5
    x, y, w, h = dog.box
    assert scene.frame is not None
    scene.frame[y : y + h, x : x + w] = (200, 150, 120)  # a light skin tone, sRGB
    assert FaceAnalyzer().measure(scene)["face_skin"] == 1.0
    assert not FaceAnalyzer().analyze(scene)


def test_a_faint_detection_the_landmark_model_does_not_fit_is_no_face() -> None:
    # given skin on the person mask that the landmark model does not fit (bare shoulders
    # under a sheer dress, a hand holding something up), detected as faintly as the corpus's
    scene = synthetic_scene()
    x, y, w, h = scene.faces[0].box
    assert scene.frame is not None
    scene.frame[y : y + h, x : x + w] = (200, 150, 120)  # a light skin tone, sRGB
    faint = dataclasses.replace(scene.faces[0], score=0.53, presence=0.0)
    measured = FaceAnalyzer().measure(dataclasses.replace(scene, faces=(faint,)))
    assert measured["face_skin"] == 1.0 and measured["face_on_person"] > 0.9
    # then it is no face
    found = FaceAnalyzer().analyze(dataclasses.replace(scene, faces=(faint,)))
    assert [item.id for item in found] == ["face.not_found"]
    # while the same patch detected clearly (a real face under a raised hand) is one
    clear = dataclasses.replace(faint, score=0.8)
    assert not FaceAnalyzer().analyze(dataclasses.replace(scene, faces=(clear,)))


def test_a_face_that_fits_counts_where_the_segmentation_missed_the_person() -> None:
    # given a clear face the landmark model fits, in a grey picture the segmentation misses
    scene = synthetic_scene(person_box=None)
    assert scene.person is not None
    scene.person[:] = 0.0
    fitting = dataclasses.replace(scene.faces[0], score=0.83, presence=1.0)
    scene = dataclasses.replace(scene, faces=(fitting,))
    # then the face was found, whatever the person mask says
    assert FaceAnalyzer().measure(scene)["face_on_person"] == 0.0
    assert not FaceAnalyzer().analyze(scene)
    # and without the fit, a face off the person mask is not
    unfit = dataclasses.replace(fitting, presence=0.85)
    found = FaceAnalyzer().analyze(dataclasses.replace(scene, faces=(unfit,)))
    assert [item.id for item in found] == ["face.not_found"]


def test_in_a_clip_you_are_a_face_that_fits_the_landmarks() -> None:
    # given a skin-coloured "face" on the person mask that the landmark model does not fit
    # (a pink cockatoo's head held to the camera)
    scene = synthetic_scene()
    head = dataclasses.replace(scene.faces[0], score=0.66, presence=0.01)
    x, y, w, h = head.box
    scene.frame[y : y + h, x : x + w] = (200, 150, 120)
    still = dataclasses.replace(scene, faces=(head,))
    # then in a still it counts as a face (a real face under a hand looks the same) ...
    assert not FaceAnalyzer().analyze(still)
    assert IntrusionAnalyzer().measure(still)["face_presence"] == 1.0
    # ... but in a clip, where the landmark model sees it again and again, it is nobody
    clip = dataclasses.replace(still, source_kind="video")
    assert IntrusionAnalyzer().measure(clip) == {}
    fitting = dataclasses.replace(clip, faces=(dataclasses.replace(head, presence=0.99),))
    assert IntrusionAnalyzer().measure(fitting)["face_presence"] == 1.0


def test_a_flower_the_landmark_model_rejects_is_not_you() -> None:
    # given a poster's flower the detector takes for a face larger than yours, off the
    # person mask, which the landmark model rejects, and your own face, which it fits
    scene = synthetic_scene()
    you = dataclasses.replace(scene.faces[0], presence=1.0)
    flower = Face(box=(20, 20, 160, 160), score=0.6, presence=0.01)
    scene = dataclasses.replace(scene, faces=(flower, you))
    # then you are the primary face, and the flower comes after you
    assert scene.primary_face == you
    assert scene.faces == (you, flower)
    # while before the landmark model's word the larger one leads
    unknown = dataclasses.replace(flower, presence=None)
    assert dataclasses.replace(scene, faces=(unknown, you)).primary_face == unknown
