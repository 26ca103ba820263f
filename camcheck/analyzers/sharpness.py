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
"""

from __future__ import annotations

from collections.abc import Mapping

import cv2

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
# Faces smaller than this on the working frame are too small to judge for focus.
MIN_FACE_PX = 24
# A face enlarged by a factor s to the sample loses about s of its Laplacian's spread (not
# the s**2 of ideal band-limited detail): 12 sharp press portraits of the development
# corpus's tune split (deepface), shrunk to 45-110 px wide and measured, keep 0.75-1.35 of
# their full-size value once multiplied by s, 0.83-3.5 multiplied by s**2. So the ratio is
# multiplied by s. A defocused face keeps its value when shrunk, so multiplied by s it rises:
# shrinking a blurred face shrinks its blur too.


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
        height = max(1, round(crop.shape[0] * FACE_SAMPLE_PX / crop.shape[1]))
        shrink = crop.shape[1] > FACE_SAMPLE_PX
        sample = cv2.resize(
            crop,
            (FACE_SAMPLE_PX, height),
            interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR,
        )
        _, spread = cv2.meanStdDev(sample)
        face_spread = float(spread[0, 0])
        if face_spread < MIN_FACE_SPREAD:
            return {}
        laplacian = cv2.Laplacian(sample, cv2.CV_32F, ksize=3)
        # Drop the one-pixel border, where the Laplacian sees the reflected edge.
        _, lap_spread = cv2.meanStdDev(laplacian[1:-1, 1:-1])
        enlargement = max(1.0, FACE_SAMPLE_PX / crop.shape[1])
        return {"face_sharpness": float(lap_spread[0, 0]) / face_spread * enlargement}

    def region(
        self, check_id: str, scene: Scene, measured: Mapping[str, float]
    ) -> tuple[int, int, int, int] | None:
        return scene.face_box
