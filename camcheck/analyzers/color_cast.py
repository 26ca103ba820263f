"""lighting.color_cast: a tint that makes skin look ill (orange, blue, green) or a grey, pale face.

A white-balance error or coloured light tints the whole scene: in linear light every
pixel's red, green and blue are scaled by the same three gains (von Kries), so in
log-chromaticity (ln R/G, ln B/G) the skin and the greys move by the same vector. A coloured
wall moves only the wall. The cast is therefore read twice and the two readings must agree:

- from the scene's neutrals: the near-grey pixels around the face (walls, shirts, ceilings,
  paper), found by a mean shift in CIELAB a*b* that starts at the brightest pixels' colour
  and follows the neutral cluster wherever the cast moved it (grey world restricted to
  near-neutral pixels; a red curtain or a blue sweater is too colourful to join it);
- from the skin: the face's skin zones (the landmarks' forehead, cheeks and nose, as ISO/IEC
  29794-5 / OFIQ reads light on skin), against the skin locus: skin of every depth lies in a
  narrow band of log-chromaticity in a well-balanced photo (Störring, Martinkauppi: the
  "skin locus"), whose mean and spread are fitted on the development corpus's real faces
  labelled without a cast. The distance from it is a Mahalanobis distance, in units of that
  spread, so a deep skin tone (redder, less blue) is as natural as a light one.

A tint fires when the neutrals are off and the skin is shifted with them and looks natural
once the neutrals' shift is taken out (a blue wall behind a normal face fails: correcting
for the wall would make the face orange), or when the skin is far off every natural tone
and the neutrals are shifted the same way (a cast so strong, or a room so colourful, that few
neutrals are left). Neither reading alone decides: a warm photo of a deep skin tone moves the
skin along the locus, where only the neutrals can tell a cast from the person's own tone.

A "pale" face is one whose skin has almost no chroma while the rest of the picture has
colour. Every skin tone, from the lightest to the deepest, has a clear red-yellow chroma
(C*ab of roughly 12 to 30 in well-lit photographs; 17 or more on our fixtures), so a face
under PALE_FACE_CHROMA looks grey. A picture that is grey as a whole (a monochrome camera,
an old black-and-white photograph) is not judged for paleness at all.

Whether a finding fires is the check table's rule on the numbers measured here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import cv2
import numpy as np

from camcheck.analyzers.base import SLOW_CHANGE_S, Analyzer
from camcheck.checks import CAST_RULE, CHECKS, finding
from camcheck.findings import Finding
from camcheck.measures import SRGB_LINEAR
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
# The limits (the neutrals' stops, the share of near-neutral pixels that makes a white point
# trustworthy, how far the skin lies off the locus and agrees with the neutrals, a pale
# face's chroma and the frame chroma under which a picture is monochrome) live in the
# lighting.color_cast rule of the check table.
# The skin locus: mean and covariance of the skin's log-chromaticity (ln R/G, ln B/G of its
# mean linear RGB) over the development corpus's real faces labelled without a cast (tune
# split, 2026-12-01: 99 faces with colour, the 5% farthest from the median left out as
# outliers, 94 kept). Light skin lies toward (0.35, -0.2), deep skin toward (0.85, -0.5):
# the locus is long along the warm-cool axis of the light, narrow across it (green-magenta).
SKIN_LOCUS_U = 0.587
SKIN_LOCUS_V = -0.243
SKIN_LOCUS_UU = 0.0279
SKIN_LOCUS_UV = -0.0132
SKIN_LOCUS_VV = 0.0354
_LOCUS_DET = SKIN_LOCUS_UU * SKIN_LOCUS_VV - SKIN_LOCUS_UV**2
# Linear light from 8-bit sRGB (IEC 61966-2-1), as a lookup table for cv2.LUT.
LINEAR_LUT = SRGB_LINEAR.astype(np.float32)
# Added to linear channel means before their ratio is taken: a black face (all channels 0)
# gives ratio 1 instead of a division by zero; 1e-3 is a quarter of one 8-bit step at black.
LINEAR_EPS = 1e-3
# The frame's chroma is read at this percentile (its most colourful tenth).
FRAME_CHROMA_PERCENTILE = 90
CHROMA_BINS = 400
# Fewer skin pixels than this (at working resolution) and colour is not judged: about a
# 20x20 px face, the smallest a call's tile shows.
MIN_SKIN_PIXELS = 400
# Skin pixels: not darker than this share of the face's median L* (hair, brows, nostrils
# and background in shadow are; a side-lit cheek at 2.5 stops under keeps about 0.45 in
# L*). No hue limit: a strong cast moves skin to any hue, and the landmarks' skin zones
# keep off the background already.
HAIR_L_SHARE = 0.4
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


def linear_mean(rgb: np.ndarray, mask: np.ndarray) -> tuple[float, float, float]:
    """Mean linear-light R, G, B of the 8-bit sRGB ``rgb`` over the uint8 ``mask``."""
    red, green, blue, _ = cv2.mean(cv2.LUT(rgb, LINEAR_LUT), mask=mask)
    return red, green, blue


def log_chromaticity(mean: tuple[float, float, float]) -> tuple[float, float]:
    """(ln R/G, ln B/G) of a mean linear RGB: where a white-balance gain adds its own log."""
    red, green, blue = (c + LINEAR_EPS for c in mean)
    return math.log(red / green), math.log(blue / green)


def white_point(
    rgb: np.ndarray, lab8: np.ndarray, around: np.ndarray
) -> tuple[float, float, float, float, float]:
    """The near-neutral cluster of the ``around`` pixels of ``lab8`` (``rgb`` the same
    pixels in 8-bit sRGB): its centre (a*, b*), the share of those pixels in it, and the
    log-chromaticity (ln R/G, ln B/G) of its mean linear colour.

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
            return 0.0, 0.0, 0.0, 0.0, 0.0
        center_a = float((weights * _GRID_A).sum()) / weight
        center_b = float((weights * _GRID_B).sum()) / weight
    a = lab8[..., 1].astype(np.float32) - LAB8_AB_OFFSET
    b = lab8[..., 2].astype(np.float32) - LAB8_AB_OFFSET
    in_cluster = ((a - center_a) ** 2 + (b - center_b) ** 2 < NEUTRAL_RADIUS**2).view(np.uint8)
    neutral_u, neutral_v = log_chromaticity(linear_mean(rgb, in_cluster & around))
    return center_a, center_b, weight / total, neutral_u, neutral_v


def locus_distance(u: float, v: float) -> float:
    """Mahalanobis distance of the log-chromaticity (u, v) from the skin locus: how many of
    its spreads a skin colour lies from the natural skin tones."""
    du, dv = u - SKIN_LOCUS_U, v - SKIN_LOCUS_V
    square = SKIN_LOCUS_VV * du * du - 2 * SKIN_LOCUS_UV * du * dv + SKIN_LOCUS_UU * dv * dv
    return math.sqrt(max(0.0, square / _LOCUS_DET))


class ColorCastAnalyzer(Analyzer):
    """Is the face tinted by the light, or grey and pale?"""

    check_ids = ("lighting.color_cast",)
    every_s = SLOW_CHANGE_S

    def measure(self, scene: Scene) -> dict[str, float]:
        face = scene.primary_face
        if face is None:
            return {}
        skin = skin_colour(scene)
        if skin is None:
            return {}
        face_l, face_a, face_b, skin_u, skin_v = skin
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
        cast_a, cast_b, neutral_share, neutral_u, neutral_v = white_point(small, lab8, around)
        chroma = cv2.magnitude(
            lab8[..., 1].astype(np.float32) - LAB8_AB_OFFSET,
            lab8[..., 2].astype(np.float32) - LAB8_AB_OFFSET,
        )
        # Chroma never exceeds 128 * sqrt(2); 0.5-unit bins are fine for a percentile.
        chroma_counts = cv2.calcHist([chroma], [0], None, [CHROMA_BINS], [0, CHROMA_BINS / 2])
        frame_chroma = histogram_rank(chroma_counts.ravel(), FRAME_CHROMA_PERCENTILE) / 2
        # The neutrals' offset in stops between the colour channels: the spread of their
        # log2 R, G, B (G the reference), as a white-balance error is told (tungsten light
        # under a daylight setting: red about 1.5 stops over blue).
        logs2 = (neutral_u / math.log(2), 0.0, neutral_v / math.log(2))
        cast_stops = max(logs2) - min(logs2)
        # The skin's shift from the locus's centre, and the neutrals' shift: each read along
        # the other, as a share of its own length.
        skin_du, skin_dv = skin_u - SKIN_LOCUS_U, skin_v - SKIN_LOCUS_V
        along = skin_du * neutral_u + skin_dv * neutral_v
        neutral_sq = neutral_u**2 + neutral_v**2
        skin_sq = skin_du**2 + skin_dv**2
        strength = math.hypot(cast_a, cast_b)
        return {
            "face_score": face.score,
            "cast_stops": cast_stops,
            "cast_a": cast_a,
            "cast_b": cast_b,
            "neutral_share": neutral_share,
            "neutral_u": neutral_u,
            "neutral_v": neutral_v,
            "skin_u": skin_u,
            "skin_v": skin_v,
            "skin_tone_distance": locus_distance(skin_u, skin_v),
            "skin_corrected_distance": locus_distance(skin_u - neutral_u, skin_v - neutral_v),
            "cast_agreement": along / neutral_sq if neutral_sq > 0 else 0.0,
            "neutral_agreement": along / skin_sq if skin_sq > 0 else 0.0,
            "face_a": face_a,
            "face_b": face_b,
            "face_chroma": math.hypot(face_a, face_b),
            "face_lightness": face_l,
            "frame_chroma": frame_chroma,
            "cast_tint": float(tint_of(cast_a, cast_b)) if strength > 0 else float(TINT_PALE),
        }

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


def skin_colour(scene: Scene) -> tuple[float, float, float, float, float] | None:
    """The face's skin at working resolution: median L*, a*, b* and the log-chromaticity
    (ln R/G, ln B/G) of its mean linear colour; None without enough skin."""
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
    lit = mask & (lightness >= MIN_L) & (lightness <= MAX_L)
    if np.count_nonzero(lit) < MIN_SKIN_PIXELS:
        return None
    median_l = float(np.median(lightness[lit]))
    skin = lit & (lightness >= HAIR_L_SHARE * median_l)
    if np.count_nonzero(skin) < MIN_SKIN_PIXELS:
        return None
    skin_u, skin_v = log_chromaticity(linear_mean(crop, skin.view(np.uint8)))
    a = lab[..., 1][skin] - LAB8_AB_OFFSET
    b = lab[..., 2][skin] - LAB8_AB_OFFSET
    return (
        float(np.median(lightness[skin])),
        float(np.median(a)),
        float(np.median(b)),
        skin_u,
        skin_v,
    )
