"""lighting.color_cast: a tint that makes skin look ill (orange, blue, green) or a grey, pale face.

Skin colour itself is never judged: a person's natural tone is not a cast. A white-balance
error tints the whole scene, so the cast is read from what should be neutral: the
near-grey pixels around the face (walls, shirts, ceilings, paper), found by a mean shift in
CIELAB a*b* that starts at grey and follows the neutral cluster wherever the cast moved it
(grey world restricted to near-neutral pixels; a red curtain or a blue sweater is too
colourful to join it). The face must show the same tint too: its a*b* must be shifted the
same way, by at least a share of the background's shift, so a coloured wall behind a
normally lit face does not count.

A "pale" face is one whose skin has almost no chroma while the rest of the picture has
colour. Every skin tone, from the lightest to the deepest, has a clear red-yellow chroma
(C*ab of roughly 12 to 30 in well-lit photographs; 17 or more on our fixtures), so a face
under PALE_FACE_CHROMA looks grey. A picture that is grey as a whole (a monochrome camera,
an old black-and-white photograph) is not judged for paleness at all.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import cv2
import numpy as np

from camcheck.analyzers.base import Analyzer
from camcheck.checks import CHECKS, finding
from camcheck.findings import Finding
from camcheck.scene import Scene

CAST = CHECKS["lighting.color_cast"]

# Colour is judged on a copy this wide: chroma is a low-frequency property, and 128 px
# keeps a webcam face at 20+ px wide (300+ pixels).
WORK_WIDTH = 128
# Pixels darker or brighter than this (CIELAB L*) carry no reliable colour: noise in the
# shadows, clipping in the highlights.
MIN_L = 15.0
MAX_L = 97.0
# Radius in a*b* of the "near-neutral" cluster the mean shift follows. Greys, whites and
# beige walls lie within 12 of their white point; saturated objects (C* 30+) lie outside.
NEUTRAL_RADIUS = 12.0
# The brightest pixels (this percentile of L* and up) seed the search for the white point.
WHITE_PATCH_PERCENTILE = 90
# Mean-shift steps; the cluster centre settles in 3 to 4 on our fixtures.
NEUTRAL_STEPS = 5
# At least this share of the pixels around the face must be near-neutral to trust the
# white point; a room of saturated colours alone gives no reference.
MIN_NEUTRAL_SHARE = 0.08
# The face must be shifted along the cast by at least this share of the shift a grey of
# the face's lightness would get (measured from the typical skin colour), or the tint is
# the wall's alone. Natural faces before one plain coloured wall (the only "neutral"
# surface) reach 0.50 (a brown tone before a beige wall, tests/test_face_quality.py), on
# our photo fixtures 0.33; faces under a white-balance error 0.56 and more, except a blue
# cast on the deeper skin tone (0.41), which is found as a pale face instead.
MIN_FACE_AGREEMENT = 0.55
# The 16 in CIELAB's L* = 116 (Y/Yn)^(1/3) - 16.
LAB_L_OFFSET = 16.0
# Typical skin a*, b* of well-lit photographs across tones (hue about 55 degrees): the
# point the face's shift is measured from. Only the component along the cast counts.
SKIN_A = 14.0
SKIN_B = 20.0
# The lightness L* at which skin has about that colour (a medium tone, as good_obama's 62);
# darker faces are compared with the same colour scaled down (see judge).
SKIN_L = 60.0
# Face chroma C*ab below this is a grey, pale face. Well-lit faces on our fixtures have 17
# or more, the desaturated ones 5 or less.
PALE_FACE_CHROMA = 9.0
# A frame whose most colourful tenth stays under this chroma is monochrome as a whole (a
# greyscale camera, a black-and-white photo): no pale-face verdict.
FRAME_CHROMA_PERCENTILE = 90
CHROMA_BINS = 400
ACHROMATIC_FRAME_CHROMA = 8.0
# Fewer face pixels than this on the small copy and colour is not judged.
MIN_FACE_PIXELS = 30
# Tint codes (words in checks.MEASURE_WORDS["cast_tint"]) and the a*b* hue ranges, in
# degrees, that map to them: 0 is red (+a*), 90 yellow (+b*), 180 green, 270 blue.
TINT_PALE = 0
TINT_ORANGE = 1
TINT_BLUE = 2
TINT_GREEN = 3
TINT_PURPLE = 4
ORANGE_UNTIL = 120.0
GREEN_UNTIL = 210.0
BLUE_UNTIL = 300.0


def tint_of(a: float, b: float) -> int:
    """The tint word code for a cast in the a*b* direction (a, b)."""
    hue = math.degrees(math.atan2(b, a)) % 360.0
    if hue < ORANGE_UNTIL:
        return TINT_ORANGE
    if hue < GREEN_UNTIL:
        return TINT_GREEN
    if hue < BLUE_UNTIL:
        return TINT_BLUE
    return TINT_PURPLE


# 8-bit CIELAB as OpenCV stores it: L* scaled by 255/100, a* and b* offset by 128.
LAB8_L_SCALE = 255.0 / 100.0
LAB8_AB_OFFSET = 128
# The a*b* histogram the white point is searched on: bins of 4 units, fine enough for a
# cluster NEUTRAL_RADIUS wide whose centre is a weighted mean.
AB_BINS = 64
_AB_CENTERS = np.arange(AB_BINS, dtype=np.float32) * (256 / AB_BINS) + 0.5 - LAB8_AB_OFFSET
_GRID_A, _GRID_B = np.meshgrid(_AB_CENTERS, _AB_CENTERS, indexing="ij")


def _histogram_median(counts: np.ndarray) -> float:
    cumulative = np.cumsum(counts)
    return float(_AB_CENTERS[int(np.searchsorted(cumulative, cumulative[-1] / 2))])


def _channel_percentile(plane: np.ndarray, mask: np.ndarray | None, percent: float) -> float:
    """The ``percent`` percentile of a uint8 plane over ``mask``, from its histogram."""
    counts = cv2.calcHist([plane], [0], mask, [256], [0, 256]).ravel()
    cumulative = np.cumsum(counts)
    return float(np.searchsorted(cumulative, percent / 100.0 * cumulative[-1]))


def white_point(lab8: np.ndarray, around: np.ndarray) -> tuple[float, float, float, float]:
    """Centre (a*, b*) of the near-neutral cluster of the ``around`` pixels of ``lab8``,
    the share of those pixels in it, and its median lightness L*.

    The search starts at the median colour of the brightest pixels (white patch: lamps,
    white shirts, lit walls are near-neutral in most rooms), so a strong cast that has moved
    every grey far from a*b* = 0 is still found. It runs on the a*b* histogram, which costs
    the same whatever the frame size.
    """
    ab_range = [0, 256, 0, 256]
    histogram = cv2.calcHist([lab8], [1, 2], around, [AB_BINS, AB_BINS], ab_range)
    total = float(histogram.sum())
    bright_l8 = _channel_percentile(lab8[..., 0], around, WHITE_PATCH_PERCENTILE)
    bright = around & (lab8[..., 0] >= bright_l8).view(np.uint8)
    bright_hist = cv2.calcHist([lab8], [1, 2], bright, [AB_BINS, AB_BINS], ab_range)
    center_a = _histogram_median(bright_hist.sum(axis=1))
    center_b = _histogram_median(bright_hist.sum(axis=0))
    weight = 0.0
    for _ in range(NEUTRAL_STEPS):
        near = (_GRID_A - center_a) ** 2 + (_GRID_B - center_b) ** 2 < NEUTRAL_RADIUS**2
        weights = histogram * near
        weight = float(weights.sum())
        if weight <= 0:
            return 0.0, 0.0, 0.0, 0.0
        center_a = float((weights * _GRID_A).sum()) / weight
        center_b = float((weights * _GRID_B).sum()) / weight
    a = lab8[..., 1].astype(np.float32) - LAB8_AB_OFFSET
    b = lab8[..., 2].astype(np.float32) - LAB8_AB_OFFSET
    in_cluster = ((a - center_a) ** 2 + (b - center_b) ** 2 < NEUTRAL_RADIUS**2).view(np.uint8)
    neutral_l = _channel_percentile(lab8[..., 0], in_cluster & around, 50) / LAB8_L_SCALE
    return center_a, center_b, weight / total, neutral_l


class ColorCastAnalyzer(Analyzer):
    """Is the face tinted by the light, or grey and pale?"""

    check_ids = ("lighting.color_cast",)

    def measure(self, scene: Scene) -> dict[str, float]:
        face = scene.primary_face
        if face is None:
            return {}
        width, height = scene.size
        size = (WORK_WIDTH, max(1, round(height * WORK_WIDTH / width)))
        # Bilinear, not area averaging: a fifth of the cost, and the statistics below
        # (medians, histogram clusters) do not care about aliasing.
        small = cv2.resize(scene.frame, size, interpolation=cv2.INTER_LINEAR)
        lab8 = cv2.cvtColor(small, cv2.COLOR_RGB2Lab)
        face_mask = cv2.resize(
            scene.face_mask.view(np.uint8), size, interpolation=cv2.INTER_NEAREST
        )
        lit = cv2.inRange(lab8[..., 0], MIN_L * LAB8_L_SCALE, MAX_L * LAB8_L_SCALE) // 255
        on_face = lit & face_mask
        if cv2.countNonZero(on_face) < MIN_FACE_PIXELS:
            return {}
        around = lit & (1 - face_mask)
        if not np.any(around):
            return {}
        cast_a, cast_b, neutral_share, neutral_lightness = white_point(lab8, around)
        face_a = _channel_percentile(lab8[..., 1], on_face, 50) - LAB8_AB_OFFSET
        face_b = _channel_percentile(lab8[..., 2], on_face, 50) - LAB8_AB_OFFSET
        chroma = cv2.magnitude(
            lab8[..., 1].astype(np.float32) - LAB8_AB_OFFSET,
            lab8[..., 2].astype(np.float32) - LAB8_AB_OFFSET,
        )
        # Chroma never exceeds 128 * sqrt(2); 0.5-unit bins are fine for a percentile.
        chroma_counts = cv2.calcHist([chroma], [0], None, [CHROMA_BINS], [0, CHROMA_BINS / 2])
        chroma_cumulative = np.cumsum(chroma_counts.ravel())
        frame_chroma = (
            float(
                np.searchsorted(
                    chroma_cumulative, FRAME_CHROMA_PERCENTILE / 100.0 * chroma_cumulative[-1]
                )
            )
            / 2
        )
        return {
            "cast_strength": math.hypot(cast_a, cast_b),
            "cast_a": cast_a,
            "cast_b": cast_b,
            "neutral_share": neutral_share,
            "face_a": face_a,
            "face_b": face_b,
            "face_chroma": math.hypot(face_a, face_b),
            "face_lightness": _channel_percentile(lab8[..., 0], on_face, 50) / LAB8_L_SCALE,
            "neutral_lightness": neutral_lightness,
            "frame_chroma": frame_chroma,
        }

    def judge(self, scene: Scene, measured: dict[str, float]) -> Iterable[Finding]:
        if not measured:
            return
        region = scene.face_box
        strength = measured["cast_strength"]
        if strength > CAST.threshold and measured["neutral_share"] >= MIN_NEUTRAL_SHARE:
            unit_a, unit_b = measured["cast_a"] / strength, measured["cast_b"] / strength
            # a* and b* of one chromaticity scale with (L* + 16), the cube root of
            # luminance in CIELAB's formula: a deeper skin tone has smaller a*, b* than the
            # typical skin, and a white-balance gain moves a dark face less than a light wall.
            face_l = measured["face_lightness"] + LAB_L_OFFSET
            skin_scale = min(1.0, face_l / (SKIN_L + LAB_L_OFFSET))
            face_shift = (measured["face_a"] - SKIN_A * skin_scale) * unit_a + (
                measured["face_b"] - SKIN_B * skin_scale
            ) * unit_b
            lightness = min(1.0, face_l / (measured["neutral_lightness"] + LAB_L_OFFSET))
            if face_shift >= MIN_FACE_AGREEMENT * strength * lightness:
                yield finding(
                    "lighting.color_cast",
                    region=region,
                    cast_strength=strength,
                    face_chroma=measured["face_chroma"],
                    cast_tint=tint_of(measured["cast_a"], measured["cast_b"]),
                )
                return
        if (
            measured["face_chroma"] < PALE_FACE_CHROMA
            and measured["frame_chroma"] >= ACHROMATIC_FRAME_CHROMA
        ):
            yield finding(
                "lighting.color_cast",
                region=region,
                cast_strength=strength,
                face_chroma=measured["face_chroma"],
                cast_tint=TINT_PALE,
            )
