"""image.noisy: a grainy picture, nearly always from too little light (the camera's gain).

The noise is Immerkær's estimate (camcheck.measures) over the flat parts of *you*: the
person mask and the face, where any pixel-to-pixel variation on skin and clothes is noise
rather than texture. The camera's gain lays the same grain over the whole picture, so you
show it as much as the wall does; the background, though, is often a texture finer than
the flatness test can tell from grain (fur, foliage, a field of grass: on the development
corpus's tune split a baboon's fur read 4.9 and giraffes among leaves 4.75 over the whole
frame, a grainy face before a bright wall the JPEG had smoothed 2.7), and the finding is
about how *you* look.
Without a face there is no one to judge (face.not_found speaks). Grain comes two ways, and
the larger of two estimates is the picture's:

* fine grain, pixel to pixel, as a camera delivers it uncompressed: immerkaer_sigma on the
  working frame, flat where its own Sobel gradient is low;
* grain through the camera's JPEG or video codec, which removes the finest part and keeps
  blotches a few pixels wide. Then the estimate is made at half the working frame's width,
  and where is flat is decided on the picture smoothed at GRAIN_SMOOTH_SIGMA, so that the
  grain itself does not make its pixels "edges" (the unsmoothed test drops most pixels of a
  grainy wall and keeps the quietest, so it reads strong grain as weak). On the development
  corpus's grainy stills this estimate is 1.3 to 1.6 times the fine one; on the fine texture
  most often taken for noise it is lower (0.8 on a baboon's fur and a brick wall), though
  not everywhere (1.2 on a photo of giraffes).

The fix is more light, not a denoise filter, which smears the face.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from camcheck.analyzers.base import SLOW_CHANGE_S, Analyzer
from camcheck.measures import (
    IMMERKAER_SCALE,
    clear_border,
    gradient_l1,
    immerkaer_response,
    immerkaer_sigma,
)
from camcheck.scene import Scene

# Gaussian sigma (working-frame px) of the smoothing before the flatness test: it averages
# pixel noise of the 5 to 10 levels a dark room's gain gives to under a quarter, while the
# face's features, furniture edges and the outline of a person stay edges.
GRAIN_SMOOTH_SIGMA = 2.0
# Sobel |gx| + |gy| of the smoothed luma under this (0..255 levels) is flat: half the
# unsmoothed test's 32, as smoothing lowers every gradient. 8, 16 and 24 separated the
# development corpus's tune split alike (the same cases fired).
GRAIN_FLAT_GRADIENT = 16
# Fewer flat half-width pixels than this and there is no flat area to judge grain on
# (a busy picture filling the frame): no measure.
GRAIN_MIN_FLAT_PIXELS = 150
# The estimate is made at 1/GRAIN_STEP of the working frame's width (see the docstring).
GRAIN_STEP = 2


def coarse_grain_sigma(luma8: np.ndarray, mask: np.ndarray | None = None) -> float | None:
    """Immerkær's noise sigma (0..255 levels) at half width over the parts flat once
    smoothed (and inside ``mask``, a boolean plane of luma8's size, when given), or None
    without enough of them."""
    height, width = luma8.shape[:2]
    small_h, small_w = height // GRAIN_STEP, width // GRAIN_STEP
    if min(small_h, small_w) < 3:
        return None
    smooth = cv2.GaussianBlur(luma8, (0, 0), GRAIN_SMOOTH_SIGMA)
    flat = cv2.compare(gradient_l1(smooth), GRAIN_FLAT_GRADIENT, cv2.CMP_LT)
    if mask is not None:
        flat = cv2.bitwise_and(flat, flat, mask=mask.view(np.uint8))
    crop = (slice(0, small_h * GRAIN_STEP), slice(0, small_w * GRAIN_STEP))
    # A half-width pixel is flat when every full-width pixel it averages is (the minimum).
    flat_small = cv2.erode(flat[crop], np.ones((GRAIN_STEP, GRAIN_STEP), np.uint8), anchor=(0, 0))
    flat_small = np.ascontiguousarray(flat_small[::GRAIN_STEP, ::GRAIN_STEP])
    if cv2.countNonZero(clear_border(flat_small)) < GRAIN_MIN_FLAT_PIXELS:
        return None
    small = cv2.resize(luma8[crop], (small_w, small_h), interpolation=cv2.INTER_AREA)
    return IMMERKAER_SCALE * float(cv2.mean(immerkaer_response(small), mask=flat_small)[0])


def you_mask(scene: Scene) -> np.ndarray | None:
    """Where grain is judged: the person mask and the primary face (its landmark oval, or
    an ellipse in its box), so a face the segmentation missed still counts; None without
    a face."""
    if scene.primary_face is None:
        return None
    if scene.person is None:
        return scene.face_mask
    return scene.person_mask | scene.face_mask


class NoiseAnalyzer(Analyzer):
    """Is the picture grainy (on you)?"""

    check_ids = ("image.noisy",)
    every_s = SLOW_CHANGE_S

    def measure(self, scene: Scene) -> dict[str, float]:
        you = you_mask(scene)
        if you is None:
            return {}
        fine = immerkaer_sigma(scene.luma8, mask=you)
        coarse = coarse_grain_sigma(scene.luma8, you)
        sigmas = [sigma for sigma in (fine, coarse) if sigma is not None and not math.isnan(sigma)]
        return {"noise_sigma": max(sigmas)} if sigmas else {}
