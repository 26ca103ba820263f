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

The face's colour is read on its skin, at the working resolution (a small face in a group
photo keeps its pixels): the face mask (:attr:`camcheck.scene.Scene.face_mask`, the face
outline where perception gives one) without the pixels that are not skin whatever the
light: hair, brows and shadowed background far darker than the face's median, and
strongly coloured pixels whose hue no skin has (a blue wall or a green plant inside the
face box). Near-neutral pixels stay, so a grey face is still measured as grey.

Whether a finding fires is the check table's rule on the numbers measured here: the
cast's strength, the share of near-neutral pixels it was read on and how far the face
agrees with it (``cast_agreement``), or the face's and the frame's chroma.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import cv2
import numpy as np

from camcheck.analyzers.base import SLOW_CHANGE_S, Analyzer
from camcheck.checks import CAST_RULE, CHECKS, finding
from camcheck.findings import Finding
from camcheck.scene import Scene, histogram_rank

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
# The limits (cast strength, the share of near-neutral pixels that makes a white point
# trustworthy, how far the face must agree with the cast, a pale face's chroma and the
# frame chroma under which a picture is monochrome) live in the lighting.color_cast rule
# of the check table.
# The 16 in CIELAB's L* = 116 (Y/Yn)^(1/3) - 16.
LAB_L_OFFSET = 16.0
# Typical skin a*, b* of well-lit photographs across tones (hue about 55 degrees): the
# point the face's shift is measured from. Only the component along the cast counts.
SKIN_A = 14.0
SKIN_B = 20.0
# The lightness L* at which skin has about that colour (a medium tone, as good_obama's 62);
# darker faces are compared with the same colour scaled down (see judge).
SKIN_L = 60.0
# The frame's chroma is read at this percentile (its most colourful tenth).
FRAME_CHROMA_PERCENTILE = 90
CHROMA_BINS = 400
# Fewer skin pixels than this (at working resolution) and colour is not judged: about a
# 20x20 px face, the smallest a call's tile shows.
MIN_SKIN_PIXELS = 400
# Skin pixels: not darker than this share of the face's median L* (hair, brows, nostrils
# and background in shadow are; a side-lit cheek at 2.5 stops under keeps about 0.45 in
# L*), ...
HAIR_L_SHARE = 0.4
# ... and not of a hue no skin has when they are colourful: skin of every tone lies between
# about 20 and 80 degrees in a*b* (red to yellow); a tint of the light moves it, so the
# range is wide, but a blue or green wall (chroma over NON_SKIN_CHROMA) inside the face
# box is not skin.
SKIN_HUE_FROM = -30.0
SKIN_HUE_TO = 120.0
NON_SKIN_CHROMA = 12.0
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
    return float(_AB_CENTERS[histogram_rank(counts, 50)])


def _channel_percentile(plane: np.ndarray, mask: np.ndarray | None, percent: float) -> float:
    """The ``percent`` percentile of a uint8 plane over ``mask``, from its histogram."""
    counts = cv2.calcHist([plane], [0], mask, [256], [0, 256]).ravel()
    return float(histogram_rank(counts, percent))


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
    every_s = SLOW_CHANGE_S

    def measure(self, scene: Scene) -> dict[str, float]:
        face = scene.primary_face
        if face is None:
            return {}
        skin = skin_lab(scene)
        if skin is None:
            return {}
        face_l, face_a, face_b = skin
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
        around = lit & (1 - face_mask)
        if not np.any(around):
            return {}
        cast_a, cast_b, neutral_share, neutral_lightness = white_point(lab8, around)
        chroma = cv2.magnitude(
            lab8[..., 1].astype(np.float32) - LAB8_AB_OFFSET,
            lab8[..., 2].astype(np.float32) - LAB8_AB_OFFSET,
        )
        # Chroma never exceeds 128 * sqrt(2); 0.5-unit bins are fine for a percentile.
        chroma_counts = cv2.calcHist([chroma], [0], None, [CHROMA_BINS], [0, CHROMA_BINS / 2])
        frame_chroma = histogram_rank(chroma_counts.ravel(), FRAME_CHROMA_PERCENTILE) / 2
        strength = math.hypot(cast_a, cast_b)
        measured = {
            "face_score": face.score,
            "cast_strength": strength,
            "cast_a": cast_a,
            "cast_b": cast_b,
            "neutral_share": neutral_share,
            "face_a": face_a,
            "face_b": face_b,
            "face_chroma": math.hypot(face_a, face_b),
            "face_lightness": face_l,
            "neutral_lightness": neutral_lightness,
            "frame_chroma": frame_chroma,
            "cast_tint": float(tint_of(cast_a, cast_b)) if strength > 0 else float(TINT_PALE),
        }
        if strength > 0:
            measured["cast_agreement"] = cast_agreement(measured)
        return measured

    def judge(self, scene: Scene, measured: dict[str, float]) -> Iterable[Finding]:
        check = CHECKS["lighting.color_cast"]
        if not check.fires(measured):
            return
        # The rule's first part is a tint of the light; when only the pale-face part holds,
        # the word is "grey and pale".
        facts = dict(measured)
        if not CAST_RULE.holds(measured):
            facts["cast_tint"] = float(TINT_PALE)
        kept = {key: facts[key] for key in check.fact_keys if key in facts}
        yield finding("lighting.color_cast", region=self.region("", scene, facts), **kept)

    def region(
        self, check_id: str, scene: Scene, measured: Mapping[str, float]
    ) -> tuple[int, int, int, int] | None:
        return scene.face_box


def cast_agreement(measured: Mapping[str, float]) -> float:
    """How far the face is tinted along the cast, as a share of the shift a grey of the
    face's lightness would get (measured from the typical skin colour).

    a* and b* of one chromaticity scale with (L* + 16), the cube root of luminance in
    CIELAB's formula: a deeper skin tone has smaller a*, b* than the typical skin, and a
    white-balance gain moves a dark face less than a light wall.
    """
    strength = math.hypot(measured["cast_a"], measured["cast_b"])
    unit_a, unit_b = measured["cast_a"] / strength, measured["cast_b"] / strength
    face_l = measured["face_lightness"] + LAB_L_OFFSET
    skin_scale = min(1.0, face_l / (SKIN_L + LAB_L_OFFSET))
    face_shift = (measured["face_a"] - SKIN_A * skin_scale) * unit_a + (
        measured["face_b"] - SKIN_B * skin_scale
    ) * unit_b
    lightness = min(1.0, face_l / (measured["neutral_lightness"] + LAB_L_OFFSET))
    return face_shift / (strength * lightness)


def skin_lab(scene: Scene) -> tuple[float, float, float] | None:
    """Median L*, a*, b* of the face's skin pixels at working resolution, or None."""
    face = scene.primary_face
    if face is None:
        return None
    x, y, w, h = face.box
    x0, y0 = max(0, x), max(0, y)
    crop = scene.frame[y0 : y + h, x0 : x + w]
    # The skin zones (forehead, cheeks, nose) where they hold enough pixels: the outline
    # also holds lips, brows and beard, whose colour is not the light's.
    mask = scene.face_mask[y0 : y + h, x0 : x + w]
    if (zones := scene.face_skin_mask) is not None:
        zone_crop = zones[y0 : y + h, x0 : x + w]
        if np.count_nonzero(zone_crop) >= MIN_SKIN_PIXELS:
            mask = zone_crop
    if crop.size == 0 or np.count_nonzero(mask) < MIN_SKIN_PIXELS:
        return None
    lab = cv2.cvtColor(crop, cv2.COLOR_RGB2Lab).astype(np.float32)
    lightness = lab[..., 0] / LAB8_L_SCALE
    a = lab[..., 1] - LAB8_AB_OFFSET
    b = lab[..., 2] - LAB8_AB_OFFSET
    lit = mask & (lightness >= MIN_L) & (lightness <= MAX_L)
    if np.count_nonzero(lit) < MIN_SKIN_PIXELS:
        return None
    median_l = float(np.median(lightness[lit]))
    hue = np.degrees(np.arctan2(b, a))
    skin_hue = (hue >= SKIN_HUE_FROM) & (hue <= SKIN_HUE_TO)
    colourful = np.hypot(a, b) > NON_SKIN_CHROMA
    skin = lit & (lightness >= HAIR_L_SHARE * median_l) & (skin_hue | ~colourful)
    if np.count_nonzero(skin) < MIN_SKIN_PIXELS:
        return None
    return float(np.median(lightness[skin])), float(np.median(a[skin])), float(np.median(b[skin]))
