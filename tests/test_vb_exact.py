"""The virtual-background analyzer's faster forms give the same bytes and doubles as the
plain forms they replace (issue 12: under 3 ms a frame, with identical numbers)."""

from __future__ import annotations

import math

import cv2
import numpy as np

from camcheck.analyzers.virtual_background import window_median
from camcheck.measures import IMMERKAER_KERNEL, gradient_l1, immerkaer_response, outline
from camcheck.scene import MASK_STEP, Scene


def _sobel_l1(plane: np.ndarray) -> np.ndarray:
    dx = cv2.convertScaleAbs(cv2.Sobel(plane, cv2.CV_16S, 1, 0, ksize=1))
    dy = cv2.convertScaleAbs(cv2.Sobel(plane, cv2.CV_16S, 0, 1, ksize=1))
    return cv2.add(dx, dy)


def test_the_neighbour_gradient_is_sobels_with_ksize_1() -> None:
    # given planes of every small size, views into larger ones and saturating contrast
    rng = np.random.default_rng(3)
    for index in range(400):
        height, width = (int(v) for v in rng.integers(1, 40, 2))
        big = rng.integers(0, 256, (height + 2, width + 2), dtype=np.uint8)
        if index % 3 == 0:
            big = (big > 128).astype(np.uint8) * 255
        plane = big[1 : 1 + height, 1 : 1 + width] if index % 2 else big[:height, :width].copy()
        # then the absolute differences are the Sobel derivative's bytes, borders included
        assert np.array_equal(gradient_l1(plane, ksize=1), _sobel_l1(plane))


def test_immerkaers_response_in_two_passes_is_the_3x3_filters() -> None:
    rng = np.random.default_rng(4)
    for index in range(200):
        height, width = (int(v) for v in rng.integers(1, 60, 2))
        plane = rng.integers(0, 256, (height + 2, width + 2), dtype=np.uint8)
        if index % 2:
            plane = plane[1 : 1 + height, 1 : 1 + width]
        plain = cv2.convertScaleAbs(cv2.filter2D(plane, cv2.CV_16S, IMMERKAER_KERNEL))
        assert np.array_equal(immerkaer_response(plane), plain)


def test_channel_sums_and_norms_are_numpys() -> None:
    rng = np.random.default_rng(5)
    for dtype in (np.float32, np.float64):
        for _ in range(30):
            x = (rng.standard_normal((200, 31, 3)) * 10 ** rng.uniform(-3, 4)).astype(dtype)
            assert np.array_equal(outline._sum3(x), x.sum(axis=2))
            assert np.array_equal(outline._norm3(x), np.linalg.norm(x, axis=2))


def test_window_median_is_numpys() -> None:
    rng = np.random.default_rng(6)
    for _ in range(3000):
        values = list(rng.random(int(rng.integers(1, 10))) * 10 ** rng.uniform(-5, 5))
        assert window_median(values) == float(np.median(values))
    assert math.isnan(window_median([1.0, math.nan, 2.0]))


def test_the_band_enlarged_in_its_box_is_the_whole_planes() -> None:
    # given person masks on frames a whole number of mask pixels wide and high, and not
    rng = np.random.default_rng(7)
    for index in range(120):
        width, height = (int(v) for v in rng.integers(8, 400, 2))
        if index % 2:
            width, height = (
                max(MASK_STEP, width // MASK_STEP * MASK_STEP),
                max(MASK_STEP, height // MASK_STEP * MASK_STEP),
            )
        person = np.zeros((height, width), np.float32)
        for _ in range(3):
            centre = (int(rng.integers(-50, width + 50)), int(rng.integers(-50, height + 50)))
            cv2.circle(person, centre, int(rng.integers(1, 200)), 1.0, -1)
        scene = Scene(frame=np.zeros((height, width, 3), np.uint8), person=person)
        small_size = (max(1, width // MASK_STEP), max(1, height // MASK_STEP))
        small = cv2.resize(
            scene.person_mask.view(np.uint8), small_size, interpolation=cv2.INTER_NEAREST
        )
        radius = max(1, round(outline.BAND_SHARE * math.hypot(*small_size)))
        kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
        whole = cv2.resize(
            cv2.morphologyEx(small, cv2.MORPH_GRADIENT, kernel),
            (width, height),
            interpolation=cv2.INTER_NEAREST,
        )
        # then the band is the whole plane's nearest-neighbour enlargement
        assert np.array_equal(outline.boundary_band(scene), whole)
