"""A face seen through heavy sensor grain is found: skin colour read as a region's, and a
denoised second look when no detector found anything in a grainy still."""

from __future__ import annotations

import dataclasses

import cv2
import numpy as np
import pytest

import camcheck.perception as perception_module
from camcheck.analyzers.face import FaceAnalyzer
from camcheck.checks import CHECKS, FACE_SKIN_MIN
from camcheck.measures import SKIN_CB, SKIN_CR, SKIN_SMOOTH_SHARE, skin_share
from camcheck.perception import GRAIN_SIGMA_MIN, Perception, working_copy
from tests.conftest import FIXTURES, synthetic_scene

# face.not_found's skin limit, from the table's module so the test follows the table.
SKIN_LIMIT = FACE_SKIN_MIN


def _grainy(image: np.ndarray, sigma: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    noisy = image.astype(np.float32) + rng.normal(0.0, sigma, image.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def test_grain_does_not_take_a_face_out_of_skin_colour() -> None:
    # given a face-sized patch of a light skin tone under heavy colour grain, which a
    # person sees as skin at once
    scene = synthetic_scene()
    face = dataclasses.replace(scene.faces[0], score=0.85, presence=0.0)
    x, y, w, h = face.box
    assert scene.frame is not None
    skin = np.full((h, w, 3), (200, 150, 120), np.float32)
    scene.frame[y : y + h, x : x + w] = _grainy(skin, 40.0, seed=3)
    scene = dataclasses.replace(scene, faces=(face,))
    # then pixel by pixel much of it falls out of the skin cluster ...
    middle = scene.frame[y + h // 4 : y + h - h // 4, x + w // 4 : x + w - w // 4]
    ycrcb = cv2.cvtColor(np.ascontiguousarray(middle), cv2.COLOR_RGB2YCrCb)
    cr, cb = ycrcb[..., 1], ycrcb[..., 2]
    inside = (cr >= SKIN_CR[0]) & (cr <= SKIN_CR[1]) & (cb >= SKIN_CB[0]) & (cb <= SKIN_CB[1])
    per_pixel = float(inside.mean())
    assert per_pixel < SKIN_LIMIT
    # ... but as a region it is skin, and the face that does not fit counts on it
    assert SKIN_SMOOTH_SHARE > 0
    assert skin_share(scene, face) > SKIN_LIMIT
    assert not FaceAnalyzer().analyze(scene)


def test_a_grey_patch_stays_no_skin_under_grain() -> None:
    # given a grey (chroma-free) patch with the same grain: averaging does not invent skin
    scene = synthetic_scene()
    face = dataclasses.replace(scene.faces[0], score=0.85, presence=0.0)
    x, y, w, h = face.box
    assert scene.frame is not None
    grey = np.full((h, w, 3), 128, np.float32)
    scene.frame[y : y + h, x : x + w] = _grainy(grey, 40.0, seed=3)
    scene = dataclasses.replace(scene, faces=(face,))
    assert skin_share(scene, face) < 0.1
    assert [f.id for f in FaceAnalyzer().analyze(scene)] == ["face.not_found"]


@pytest.mark.parametrize("seed", [0, 1])
def test_a_face_hidden_by_grain_is_found_on_a_denoised_look(
    perception: Perception, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    # given a frontal face under grain so heavy (sigma 90 levels) that neither detector
    # finds it, though a person still sees it
    image = cv2.cvtColor(cv2.imread(str(FIXTURES / "good_biden.jpg")), cv2.COLOR_BGR2RGB)
    noisy = _grainy(working_copy(image, perception_module.WORKING_LONG_SIDE), 90.0, seed)
    monkeypatch.setattr(perception_module, "GRAIN_SIGMA_MIN", float("inf"))
    assert perception.scene(noisy).faces == ()
    # when the grainy still gets its denoised look
    monkeypatch.setattr(perception_module, "GRAIN_SIGMA_MIN", GRAIN_SIGMA_MIN)
    scene = perception.scene(noisy)
    # then the face is found, and it fits a face's landmarks on the grainy frame itself
    assert len(scene.faces) == 1
    assert scene.faces[0].presence is not None and scene.faces[0].presence > 0.9
    assert not CHECKS["face.not_found"].fires(FaceAnalyzer().measure(scene))


def test_a_video_frame_gets_no_denoised_look(
    perception: Perception, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the same grainy frame in a clip: the look costs about 80 ms, so video keeps
    # its per-frame budget and finds the face in other frames
    image = cv2.cvtColor(cv2.imread(str(FIXTURES / "good_biden.jpg")), cv2.COLOR_BGR2RGB)
    noisy = _grainy(working_copy(image, perception_module.WORKING_LONG_SIDE), 90.0, 0)
    assert perception.scene(noisy, source_kind="video", index=0).faces == ()
