"""Perception: model input buffers, working resolution and the Scene it builds."""

from __future__ import annotations

import numpy as np

from camcheck.perception import BUFFER_ALIGNMENT, WORKING_LONG_SIDE, Perception, aligned
from camcheck.sources import load_image
from tests.conftest import FIXTURES


def test_aligned_copies_only_when_needed() -> None:
    base = np.arange(40 * 30 * 3, dtype=np.uint8).reshape(40, 30, 3)
    view = base[1:, 2:]  # not contiguous, not aligned
    out = aligned(view)
    assert out.ctypes.data % BUFFER_ALIGNMENT == 0 and out.flags.c_contiguous
    assert np.array_equal(out, view)
    assert aligned(out) is out


def test_scene_of_a_big_frame_is_at_working_size(perception: Perception) -> None:
    photo = load_image(FIXTURES / "good_obama.jpg")
    big = np.ascontiguousarray(np.repeat(np.repeat(photo, 3, axis=0), 3, axis=1))
    scene = perception.scene(big, timestamp=1.5, index=7)
    assert max(scene.size) == WORKING_LONG_SIDE
    assert scene.source_size == (big.shape[1], big.shape[0])
    assert (scene.timestamp, scene.index) == (1.5, 7)
    face = scene.primary_face
    assert face is not None and face.score > 0.85 and len(face.keypoints) == 6
    # the face lies on the person, and the background margin keeps clear of it
    assert scene.person_mask[scene.face_mask].mean() > 0.95
    assert not (scene.background_mask & scene.face_mask).any()
