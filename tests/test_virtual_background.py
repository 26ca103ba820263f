"""Virtual background: noise estimate, cut-out measures and verdicts on synthetic Scenes."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest

from camcheck.analyzers import cutout_edges
from camcheck.analyzers.virtual_background import (
    FLICKER_WINDOW,
    NOISE_RATIO,
    STILL_SHARE,
    VirtualBackgroundAnalyzer,
)
from camcheck.checks import CHECKS, render
from camcheck.scene import Face, Scene

SIZE = (640, 360)
FACE_BOX = (270, 60, 100, 120)


def backdrop() -> np.ndarray:
    """A clean picture: smooth colour gradients and a few soft shapes, no noise."""
    width, height = SIZE
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    red = 150 + 60 * np.sin(x / 90.0)
    green = 170 + 40 * np.cos(y / 70.0)
    blue = 200 + 30 * np.sin((x + y) / 120.0)
    picture = np.stack([red, green, blue], axis=2)
    for cx, cy in ((80, 90), (560, 250)):
        blob = np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * 40.0**2))[..., None]
        picture = picture * (1 - 0.4 * blob)
    return picture


def person_shape(offset: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    """A head-and-shoulders silhouette (0/1 float), shifted by ``offset`` px."""
    width, height = SIZE
    mask = np.zeros((height, width), np.uint8)
    cx, cy = 320 + offset[0], 125 + offset[1]
    cv2.ellipse(mask, (round(cx), round(cy)), (62, 85), 0, 0, 360, 1, thickness=-1)
    cv2.ellipse(mask, (round(cx), round(cy) + 235), (200, 95), 0, 0, 360, 1, thickness=-1)
    # the neck
    cv2.rectangle(mask, (round(cx) - 35, round(cy) + 60), (round(cx) + 35, round(cy) + 150), 1, -1)
    return mask.astype(np.float32)


def person_texture(rng: np.random.Generator, shift: float = 0.0) -> np.ndarray:
    """Dark clothes and skin tones with a little structure, as a camera sees them."""
    width, height = SIZE
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    # a woven fabric: a soft check with edges the motion measures can follow
    check = (np.sin((x + shift) / 5.0) > 0) ^ (np.sin(y / 5.0) > 0)
    base = 60 + 40 * cv2.GaussianBlur(check.astype(np.float32), (0, 0), 1.0)
    return np.stack([base * 1.3, base, base * 0.8], axis=2)


def model_mask(shape: np.ndarray) -> np.ndarray:
    """What a 256 px segmentation makes of a silhouette: soft and a little blobby."""
    small = cv2.resize(shape, (256, 144), interpolation=cv2.INTER_AREA)
    return np.clip(cv2.resize(small, SIZE, interpolation=cv2.INTER_LINEAR), 0.0, 1.0)


def face() -> Face:
    x, y, _, _ = FACE_BOX
    return Face(box=FACE_BOX, score=0.95, keypoints=((x + 30, y + 40), (x + 70, y + 40)))


def composite(
    rng: np.random.Generator,
    *,
    cheap: bool,
    offset: tuple[float, float] = (0.0, 0.0),
    shift: float = 0.0,
    background: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """A frame and its silhouette.

    cheap: a noisy person pasted with a hard edge onto the clean picture.
    not cheap: one camera picture, person and room alike noisy, edges softened by the lens.
    """
    shape = person_shape(offset)
    picture = backdrop() if background is None else background
    person = person_texture(rng, shift)
    if cheap:
        noisy_person = person + rng.normal(0, 3.0, person.shape)
        frame = noisy_person * shape[..., None] + picture * (1 - shape[..., None])
    else:
        alpha = cv2.GaussianBlur(shape, (0, 0), 1.2)[..., None]
        frame = person * alpha + picture * (1 - alpha)
        frame = cv2.GaussianBlur(frame.astype(np.float32), (0, 0), 0.7)
        frame = frame + rng.normal(0, 3.0, frame.shape)
    return np.clip(np.round(frame), 0, 255).astype(np.uint8), shape


def scene_of(frame: np.ndarray, shape: np.ndarray, index: int = 0) -> Scene:
    return Scene(
        frame=frame, faces=(face(),), person=model_mask(shape), timestamp=index / 15, index=index
    )


def test_immerkaer_estimate_recovers_gaussian_noise() -> None:
    # given a flat grey frame with sigma-4 Gaussian noise, all of it "background"
    rng = np.random.default_rng(1)
    plane = np.clip(np.round(120 + rng.normal(0, 4.0, (360, 640))), 0, 255).astype(np.uint8)
    frame = np.repeat(plane[..., None], 3, axis=2)
    person = np.zeros((360, 640), np.float32)
    person[100:300, 200:440] = 1.0
    scene = Scene(frame=frame, person=person)
    # when the noise of person and background is estimated
    band = cutout_edges.boundary_band(scene)
    person_sigma, background_sigma = cutout_edges.noise_sigmas(scene, band)
    # then both are close to 4 (Immerkær's estimator is unbiased for Gaussian noise; the
    # flatness test trims the largest responses, so allow 15%)
    assert person_sigma == pytest.approx(4.0, rel=0.15)
    assert background_sigma == pytest.approx(4.0, rel=0.15)


def test_cheap_composite_is_detected_with_edge_artifacts() -> None:
    frame, shape = composite(np.random.default_rng(2), cheap=True)
    found = VirtualBackgroundAnalyzer().analyze(scene_of(frame, shape))
    ids = [f.id for f in found]
    assert ids == ["virtual_background.detected", "virtual_background.edge_artifacts"]
    measured = found[0].measured
    assert measured["vb_noise_ratio"] >= NOISE_RATIO
    assert measured["vb_edge_step_share"] > CHECKS["virtual_background.edge_artifacts"].threshold
    assert measured["vb_signal_noise"] == 1.0 and measured["vb_signal_hard_edge"] == 1.0
    # every message renders with the numbers it names, in both languages
    for item in found:
        for lang in ("en", "nl"):
            assert "{" not in render(item, lang).message


def test_real_camera_frame_is_not_virtual() -> None:
    frame, shape = composite(np.random.default_rng(3), cheap=False)
    analyzer = VirtualBackgroundAnalyzer()
    measured = analyzer.measure(scene_of(frame, shape))
    assert list(analyzer.judge(scene_of(frame, shape), measured)) == []
    assert measured["vb_noise_ratio"] < 2.0
    assert measured["vb_edge_step_share"] < CHECKS["virtual_background.edge_artifacts"].threshold


def test_plain_clean_wall_alone_is_not_virtual() -> None:
    # A bright plain wall shows almost no noise, like a clean picture; with a natural
    # (lens-softened) edge that is one sign at most, not two.
    rng = np.random.default_rng(4)
    wall = np.full((360, 640, 3), 215.0)
    frame, shape = composite(rng, cheap=False, background=wall)
    wall_region = shape == 0
    frame[wall_region] = 215  # the sensor noise vanishes in the bright, flat wall
    found = VirtualBackgroundAnalyzer().analyze(scene_of(frame, shape))
    assert found == []


def test_no_person_measures_nothing() -> None:
    frame = np.full((360, 640, 3), 128, np.uint8)
    scene = Scene(frame=frame)
    analyzer = VirtualBackgroundAnalyzer()
    assert analyzer.measure(scene) == {}
    assert analyzer.analyze(scene) == []


def run_clip(*, cheap: bool, jitter: float) -> list[dict[str, float]]:
    """Frames of a person swaying 1 px a frame; the cut-out edge jitters by ``jitter`` px."""
    rng = np.random.default_rng(5)
    analyzer = VirtualBackgroundAnalyzer()
    picture = backdrop()
    measured = []
    for index in range(FLICKER_WINDOW + 4):
        sway = math.sin(index / 2.0) * 2.0
        edge = (sway + rng.uniform(-jitter, jitter), rng.uniform(-jitter, jitter))
        frame, shape = composite(rng, cheap=cheap, offset=edge, shift=sway, background=picture)
        measured.append(analyzer.measure(scene_of(frame, shape, index)))
    return measured


def test_still_background_and_flicker_in_a_cheap_clip() -> None:
    measured = run_clip(cheap=True, jitter=4.0)
    last = measured[-1]
    # the pasted picture does not change at all between frames
    assert last["vb_background_still_share"] >= STILL_SHARE
    assert last["vb_signal_still"] == 1.0
    # the outline jumps while the person sways gently
    assert last["vb_edge_flicker"] > 1.3
    assert last["vb_signal_flicker"] == 1.0


def test_camera_clip_has_no_still_background_nor_flicker() -> None:
    measured = run_clip(cheap=False, jitter=0.0)
    last = measured[-1]
    assert last["vb_background_still_share"] < 0.5
    assert last["vb_signal_still"] == 0.0
    assert last["vb_signal_flicker"] == 0.0


def test_steady_cut_out_does_not_flicker() -> None:
    # The same cheap paste without the mask's jitter: still background, but no flicker.
    last = run_clip(cheap=True, jitter=0.0)[-1]
    assert last["vb_edge_flicker"] < 1.3
    assert last["vb_signal_flicker"] == 0.0
