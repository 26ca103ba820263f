"""image.blurry: the face out of focus or smeared by motion.

Sharpness is the variance of the Laplacian (Pech-Pacheco et al. 2000, "Diatom autofocusing
in brightfield microscopy"), taken on the face only and made comparable between pictures:
the face box is resampled to FACE_SAMPLE_PX wide, so a big face and a small one, a 4K and
a VGA camera are measured at the same scale; and the Laplacian's spread is divided by the
spread of the face's own luma, so a dim face, a low-contrast face or a deep skin tone does
not read as blur just because all its differences are smaller. A face smaller than the
sample is enlarged to it, and interpolation spreads every edge over the enlargement: the
ratio is multiplied back by the enlargement, so a small face in focus (someone further from
the camera, a low-resolution camera) does not read as out of focus.

The face is measured at two widths, FACE_SAMPLE_PX (face_sharpness) and TILE_SAMPLE_PX
(tile_sharpness, as a small call tile shows it): mild blur shows at the first only, blur
of a few percent of the face's width stands out more clearly at the second.
"""

from __future__ import annotations

from collections.abc import Mapping

import cv2
import numpy as np

from camcheck.analyzers.base import SLOW_CHANGE_S, Analyzer
from camcheck.scene import Scene

# The face box is resampled to this width before measuring: a webcam face at arm's length
# is 100-200 px wide on the 640 px working frame, so this mostly shrinks, which keeps every
# face at about the detail a call shows in a small tile.
FACE_SAMPLE_PX = 96
# Share of the box kept around its centre: the box's outer ring holds hair and background
# edges, whose sharpness is not the face's.
FACE_INNER_SHARE = 0.8
# Under this luma spread (standard deviation, 0..255) the face shows no features to judge
# focus on: it is nearly black, blown out, or a flat test patch, and sensor noise would
# dominate the ratio. The flattest real face in our fixtures (a deep skin tone 2 stops
# under) has 16; a defocused face keeps its spread, since blur removes detail, not contrast.
MIN_FACE_SPREAD = 12.0
# The face's spread is measured first at FACE_SAMPLE_PX; a second sample's spread is only
# kept off zero (a flat patch), as the two spreads differ by a fraction of a level.
MIN_SPREAD_EPSILON = 1e-6
# The face is measured a second time at this width, as a call shows it in a small tile:
# the development corpus's blurred faces whose blur is a few percent of the face's width
# (motion, a low-resolution camera scaled up) stand further from its sharp real faces
# there than at FACE_SAMPLE_PX (tune split, 2026-12-01: its 4 blurred faces that read
# 0.63 to 0.78 at 96 px, in among sharp ones from 0.685, read 0.58 to 0.76 at 72 px, the
# sharp ones 0.85 or more). Blur of 2% of the face's width (the fixtures' defocus of
# 3 px on a face 110 px wide) shows at FACE_SAMPLE_PX only, so both are judged. Of 48, 56,
# 64, 72 and 80 px, 64 and 72 separated the tune split best; 72 kept the wider held-out
# margin.
TILE_SAMPLE_PX = 72
# Faces smaller than this on the working frame are too small to judge for focus.
MIN_FACE_PX = 24
# A face enlarged by a factor s to the sample loses about s of its Laplacian's spread (not
# the s**2 of ideal band-limited detail): 12 sharp press portraits of the development
# corpus's tune split (deepface), shrunk to 45-110 px wide and measured, keep 0.75-1.35 of
# their full-size value once multiplied by s, 0.83-3.5 multiplied by s**2. So the ratio is
# multiplied by s. A defocused face keeps its value when shrunk, so multiplied by s it rises:
# shrinking a blurred face shrinks its blur too.


def _sharpness(crop: np.ndarray, width: int, min_spread: float = MIN_FACE_SPREAD) -> float | None:
    """The Laplacian's spread over the luma's spread on ``crop`` resampled to ``width`` px,
    times the enlargement (see the module's docstring); None under ``min_spread``."""
    height = max(1, round(crop.shape[0] * width / crop.shape[1]))
    shrink = crop.shape[1] > width
    sample = cv2.resize(
        crop,
        (width, height),
        interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR,
    )
    _, spread = cv2.meanStdDev(sample)
    face_spread = float(spread[0, 0])
    if face_spread < max(min_spread, MIN_SPREAD_EPSILON):
        return None
    laplacian = cv2.Laplacian(sample, cv2.CV_32F, ksize=3)
    # Drop the one-pixel border, where the Laplacian sees the reflected edge.
    _, lap_spread = cv2.meanStdDev(laplacian[1:-1, 1:-1])
    enlargement = max(1.0, width / crop.shape[1])
    return float(lap_spread[0, 0]) / face_spread * enlargement


class SharpnessAnalyzer(Analyzer):
    """Is the face in focus?"""

    check_ids = ("image.blurry",)
    every_s = SLOW_CHANGE_S

    def measure(self, scene: Scene) -> dict[str, float]:
        face = scene.primary_face
        if face is None:
            return {}
        x, y, w, h = face.box
        if min(w, h) < MIN_FACE_PX:
            return {}
        inset_x = round(w * (1 - FACE_INNER_SHARE) / 2)
        inset_y = round(h * (1 - FACE_INNER_SHARE) / 2)
        crop = scene.luma8[y + inset_y : y + h - inset_y, x + inset_x : x + w - inset_x]
        face_sharpness = _sharpness(crop, FACE_SAMPLE_PX)
        if face_sharpness is None:
            return {}
        measured = {"face_sharpness": face_sharpness}
        tile_sharpness = _sharpness(crop, TILE_SAMPLE_PX, min_spread=0.0)
        if tile_sharpness is not None:
            measured["tile_sharpness"] = tile_sharpness
        return measured

    def region(
        self, check_id: str, scene: Scene, measured: Mapping[str, float]
    ) -> tuple[int, int, int, int] | None:
        return scene.face_box
