"""lighting.uneven: one side of the face much darker than the other (light from one side).

ISO/IEC 29794-5 (OFIQ) scores illumination uniformity by the overlap of the luma
histograms of the face's left and right halves: the sum over bins of the smaller of the
two normalised histograms (1 when both halves are lit alike). The halves are split along
the face's own midline, the line from between the eyes to the mouth, so a tilted or turned
head is split where its nose is, not down the middle of its box.

The overlap alone also drops for things that are not light (a fringe of hair over one
eye, a beard, a patterned scarf at the cheek), so the check also needs the light ratio:
the medians of the two halves, converted to linear light, must differ by more than the
table's rule says. Medians ignore a dark beard or a bright glint on one side.

Which side the light comes from is said from the person's point of view and assumes an
unmirrored frame, as cameras deliver them and as the other side of the call sees it (only
the self-view preview of a call app is mirrored): the person's left is the image's right.
"""

from __future__ import annotations

from collections.abc import Mapping

import cv2
import numpy as np

from camcheck.analyzers.base import SLOW_CHANGE_S, Analyzer
from camcheck.measures import SRGB_LINEAR
from camcheck.scene import LEFT_EYE, MOUTH, RIGHT_EYE, Scene, histogram_rank

# Codes of the ``light_side`` measure (words in checks.MEASURE_WORDS), from the person's
# point of view in an unmirrored frame.
LIGHT_FROM_LEFT = 1
LIGHT_FROM_RIGHT = -1

# The limits (the light ratio and the histogram overlap) live in the check table's rule
# for lighting.uneven.
# The skin zones (scene.SKIN_ZONES) whose halves are compared: the forehead and the cheeks,
# where a light from one side darkens the whole far side; not the nose (see _sides_of_face).
SIDE_ZONES = ("forehead", "cheek_left", "cheek_right")
# Fewer skin pixels than this on either half and the face is too small to judge.
MIN_HALF_PIXELS = 100
# Below this linear level the dark half counts as this, so a black half cannot divide by 0.
LINEAR_FLOOR = 0.005


def _sides_of_face(scene: Scene) -> np.ndarray | None:
    """The forehead and cheek zones of the primary face (not the nose), or None without
    landmarks.

    The nose's two flanks are lit differently by any key light a little to one side, so
    the nose zone, split down its ridge, reads a soft frontal light as light from one side.
    On the development corpus's real faces labelled evenly lit (tune split, 2026-12-01)
    the nose made three of the five that fired: glasses-wearers and a smiling press
    portrait lit from the front and a little to one side.
    """
    return scene.skin_zones_mask(SIDE_ZONES)


def _median_light(histogram: np.ndarray) -> float:
    """The median of a luma histogram in linear light (luma taken as sRGB-encoded), at
    least LINEAR_FLOOR."""
    return max(float(SRGB_LINEAR[min(histogram_rank(histogram, 50), 255)]), LINEAR_FLOOR)


def face_halves(scene: Scene) -> tuple[np.ndarray, np.ndarray] | None:
    """Luma histograms of the face's image-left and image-right halves, or None.

    Read on the forehead and cheek zones where the face has landmarks (a fringe over one
    eye, a beard or a scarf at the cheek is not uneven light, nor are the nose's flanks),
    else, or when a half of them is too small, on the face's outline.
    """
    face = scene.primary_face
    if face is None or len(face.keypoints) <= MOUTH:
        return None
    x, y, w, h = face.box
    x, y = max(0, x), max(0, y)
    luma = scene.luma8[y : y + h, x : x + w]
    (rx, ry), (lx, ly) = face.keypoints[RIGHT_EYE], face.keypoints[LEFT_EYE]
    ex, ey = (rx + lx) / 2 - x, (ry + ly) / 2 - y
    mx, my = face.keypoints[MOUTH][0] - x, face.keypoints[MOUTH][1] - y
    # Which side of the eyes-to-mouth line each pixel lies on: > 0 is the image's right
    # when the mouth is below the eyes.
    columns = np.arange(luma.shape[1], dtype=np.float32)[None, :] - ex
    rows = np.arange(luma.shape[0], dtype=np.float32)[:, None] - ey
    side = columns * (my - ey) - rows * (mx - ex)

    def histogram(half: np.ndarray) -> np.ndarray:
        return cv2.calcHist([luma], [0], half.view(np.uint8), [256], [0, 256]).ravel()

    for whole in (_sides_of_face(scene), scene.face_mask):
        if whole is None:
            continue
        mask = whole[y : y + h, x : x + w]
        right = (side > 0) & mask
        left = (side < 0) & mask
        if min(np.count_nonzero(left), np.count_nonzero(right)) >= MIN_HALF_PIXELS:
            return histogram(left), histogram(right)
    return None


class UniformityAnalyzer(Analyzer):
    """Is the face lit evenly from left and right?"""

    check_ids = ("lighting.uneven",)
    not_metrics = frozenset({"light_side"})
    every_s = SLOW_CHANGE_S

    def measure(self, scene: Scene) -> dict[str, float]:
        halves = face_halves(scene)
        if halves is None:
            return {}
        left, right = halves
        overlap = float(np.minimum(left / left.sum(), right / right.sum()).sum())
        left_light, right_light = _median_light(left), _median_light(right)
        # The image's right is the person's left in an unmirrored frame.
        side = LIGHT_FROM_LEFT if right_light > left_light else LIGHT_FROM_RIGHT
        return {
            "face_uniformity": overlap,
            "face_light_ratio": max(left_light, right_light) / min(left_light, right_light),
            "light_side": float(side),
        }

    def region(
        self, check_id: str, scene: Scene, measured: Mapping[str, float]
    ) -> tuple[int, int, int, int] | None:
        return scene.face_box
