"""lighting.backlight: a window, sky or lamp behind the person, leaving the face in shadow.

A bright background alone is fine (a white wall), and so is a dark face alone (dark skin).
Backlight is the combination: part of the background is blown out, which only a light
source or a sunlit view does, and the face is much darker than that light. Both are
measured in linear light (the sRGB curve decoded), so the difference is in stops (EV), as
a photographer meters it: one stop is twice the light. A gamma-encoded ratio understates
it badly (0.93 against 0.40 in code values is 2.8 stops).

The face is metered as a photographer's average meter reads the key: the mean of its skin
in linear light (``backlight_ev``). Its highlights are metered too
(``backlight_highlight_ev``): a face whose brightest parts come within a stop of the window
is lit from the front as well, whatever its mean. A deep skin tone has a lower mean under
the same light, so before a blown-out window it reaches the limit sooner; that is also
where a camera exposing for the window hurts most. Without a blown-out area nothing is
backlight, whatever the skin, with one exception: a silhouette. A camera that exposes for
the view through the window keeps the view under clipping and leaves the person black;
behind a face whose highlights are that dark, background at least SILHOUETTE_EV stops
over them (and at least SILHOUETTE_LIGHT_LUMA8) counts as the light. A well-lit face, of
any skin tone, has highlights too bright for that: 3 stops over them is clipping. The
light is metered on the light's background pixels; where they clip, the window is at
least that bright, so the difference is at least what is measured.

The blown-out share is taken on each side of the person as well as on the whole
background, so a window beside the head (filling one side) counts as much as one that
fills the background. A light behind you is seen around your head, so the share is also
taken on the background near the head (``light_near_share``): a bright sky over a
wardrobe, a window at the far edge of the room or sunlit ground beside someone seated is
not behind them. A silhouette's light need not be: the camera exposed for it wherever it
is (checks.BACKLIGHT_SILHOUETTE_EV). Which side is said from the person's point of view in
an unmirrored frame, as lighting.uneven does: the image's right is the person's left.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from camcheck.analyzers.base import SLOW_CHANGE_S, Analyzer
from camcheck.checks import BACKLIGHT_SILHOUETTE_EV
from camcheck.measures import (
    MIN_BACKGROUND_SHARE,
    SRGB_LINEAR,
    box_keys,
    box_measures,
    box_region,
    face_luma_stats,
)
from camcheck.scene import Scene

# Luma (8-bit) from which a background pixel counts as blown out: OFIQ's over-exposure
# range (ISO/IEC 29794-5), where a correctly exposed white wall never reaches (0.85 to 0.90
# on our fixtures) and a window, lamp or sky does.
BLOWN_LUMA8 = 247
# A background smaller than measures.MIN_BACKGROUND_SHARE of the frame (the face fills the
# picture) is not judged.
# A side of the background smaller than this share of the frame has no share of its own.
MIN_SIDE_SHARE = 0.02
# The light is "behind you" rather than on one side when the less bright side holds at
# least this share of the brighter side's blown-out share.
BOTH_SIDES_RATIO = 0.5
# Codes of ``light_place`` (words in checks.MEASURE_WORDS): from the person's point of view.
LIGHT_BEHIND = 0
LIGHT_LEFT = 1
LIGHT_RIGHT = -1
# A silhouette: a camera that exposes for the view through a window (or a phone's exposure
# lock on it) keeps the window under clipping and leaves the person before it black, so
# nothing is blown out. Behind a face in such shadow a background pixel counts as light when
# it is at least this many stops over the face's highlights (a sunlit view against a face in
# room shade). A white wall in the face's own light is about 1.2 stops over skin
# (reflectance 0.8 against 0.35); the tests' white walls at 0.85 to 0.90 behind dim faces of
# 0.30 to 0.35 are 2.5 to 3.3 stops over their highlights and stay a dim face before a bright
# wall, so the limit is half a stop over them. The check table's silhouette branch asks the
# same stops of the face's highlights under the light: one number, kept in the table ...
SILHOUETTE_EV = BACKLIGHT_SILHOUETTE_EV
# ... and at least this bright itself in its brightest colour channel (0.5, 2.2 stops under
# clipping): the share of a side the light covers then counts as it does for a blown-out
# window. Read on the brightest channel, not on luma, since the twelfth session (2026-12-02):
# a dusk sky the camera exposed for is deep blue, which BT.601 luma weighs at 0.114, so its
# luma stays under 0.5 where its blue channel is near the top (backlight_silhouette_v1_02 of
# the tune split, a light share of 0.03 on luma, 0.16 on the brightest channel; the
# underexposed wbsrgb chispita, which is not backlit, 0.02 -> 0.08, under
# checks.BACKLIGHT_SILHOUETTE_SHARE). A grey pixel reads the same either way, so on grey
# pictures nothing changes; no other tune still changes. Only faces whose
# highlights are under luma 0.33 are concerned (over that, 3.5 stops up is clipping).
# Fitted with the synthetic silhouettes of scripts/corpus/synth_lighting.py
# (backlight_silhouette_v1, a window exposed for its view, the face 4 to 6.5 stops under it)
# on the development corpus's tune split (2026-12-01, fifth session): of its 5 silhouettes,
# 3 are found at 128, 1 at 153 and 0 at 204 (the blown-out rule alone); no tune still
# labelled without backlight fires at any floor down to 77, so the limit is set by the
# positives alone, the highest floor that finds most tune silhouettes; the measure has no
# negative near it (the 4 real must-not faces this dark read no light at any floor).
# Heldout: 4 of 5 silhouettes (one real, the HDR bracket hdrdeghost Img1, which the lead had
# looked at as a miss before the generator was written), no must-not still fires; on the
# brightest channel (2026-12-02) no held-out case changes.
SILHOUETTE_LIGHT_LUMA8 = 128
# The background "around your head": from this many face widths left of the face box to as
# many right of it, from this many face heights above it to NEAR_BELOW_HEIGHTS under its
# bottom. A light behind you is seen around your head; a bright sky over a wardrobe, a
# window at the far edge of the room or sunlit ground beside a seated person is not behind
# the head (see checks.BACKLIGHT_NEAR_SHARE). One face width reaches a lamp beside the
# head, as the corpus's backlight_lamp_v1 places it. The heights were chosen, not fitted:
# one face height above the box holds the hair and what is just over it, half of one below
# reaches the neck and the tops of the shoulders, where a window behind shows beside them.
NEAR_WIDTHS = 1.0
NEAR_ABOVE_HEIGHTS = 1.0
NEAR_BELOW_HEIGHTS = 0.5
# Background around the head smaller than this share of that window (a person filling it)
# has no light_near_share of its own (0.0): a few pixels of a gap in the person mask would
# otherwise read 0 or 1. Not fitted: the window's share of a side, as MIN_SIDE_SHARE is the
# frame's.
MIN_NEAR_SHARE = 0.02
# Below this linear level a face highlight counts as this (a black face cannot divide by 0);
# 1/256 is 8 stops under white, far beyond any limit.
LINEAR_FLOOR = 1.0 / 256.0


def linear(luma: float) -> float:
    """An sRGB-encoded luma in [0, 1] as linear light (luma taken as encoded luminance)."""
    return float(SRGB_LINEAR[min(255, max(0, round(luma * 255)))])


def stops_between(bright: float, dark: float) -> float:
    """How many stops (EV) the linear level ``bright`` is above ``dark``."""
    return math.log2(max(bright, LINEAR_FLOOR) / max(dark, LINEAR_FLOOR))


def near_head(shape: tuple[int, ...], box: tuple[int, int, int, int]) -> tuple[slice, slice]:
    """Rows and columns of the frame around a face box (NEAR_WIDTHS, NEAR_*_HEIGHTS)."""
    x, y, w, h = box
    rows = slice(
        max(0, round(y - NEAR_ABOVE_HEIGHTS * h)),
        min(shape[0], round(y + h + NEAR_BELOW_HEIGHTS * h)),
    )
    columns = slice(
        max(0, round(x - NEAR_WIDTHS * w)), min(shape[1], round(x + w + NEAR_WIDTHS * w))
    )
    return rows, columns


def light_luma8(stats: Mapping[str, float] | None) -> int:
    """The 8-bit luma from which a background pixel counts as a light source, given the
    primary face's skin statistics (measures.face_luma_stats, None without a face).

    Blown out (BLOWN_LUMA8) as a rule. Behind a face in deep shadow a camera that exposes
    for the window keeps the window under clipping, so there a pixel counts as light when
    it is at least SILHOUETTE_EV stops over the face's highlights (and bright in its own
    colour, see :func:`light_pixels`)."""
    if stats is None:
        return BLOWN_LUMA8
    above = linear(stats["face_highlight"]) * 2.0**SILHOUETTE_EV
    return min(BLOWN_LUMA8, int(np.searchsorted(SRGB_LINEAR, above)))


def light_pixels(scene: Scene, stats: Mapping[str, float] | None) -> np.ndarray:
    """Background pixels that are a light source (see :func:`light_luma8`).

    Under the blown-out level a pixel must also be bright in its brightest colour channel
    (SILHOUETTE_LIGHT_LUMA8): a saturated sky is bright in blue, which BT.601 luma weighs at
    0.114, so a dusk-blue sky the camera exposed for reads under mid grey in luma while its
    blue channel is near the top of the range."""
    luma8 = scene.luma8
    level = light_luma8(stats)
    light = luma8 >= level
    if level < BLOWN_LUMA8:
        light &= scene.frame.max(axis=2) >= SILHOUETTE_LIGHT_LUMA8
    return scene.background_mask & light


class BacklightAnalyzer(Analyzer):
    """Meters the face against a blown-out background, in stops."""

    check_ids = ("lighting.backlight",)
    # Light on a face changes when a lamp or a cloud does: 10 readings a second suffice.
    every_s = SLOW_CHANGE_S
    not_metrics = box_keys("light") | {"light_place"}

    def measure(self, scene: Scene) -> dict[str, float]:
        background = scene.background_mask
        if np.count_nonzero(background) < MIN_BACKGROUND_SHARE * background.size:
            return {}
        luma8 = scene.luma8
        stats = face_luma_stats(scene)
        blown = light_pixels(scene, stats)
        width = luma8.shape[1]
        face = scene.primary_face
        split = round(face.center[0]) if face is not None else width // 2
        shares: list[float] = []
        for columns in (slice(0, split), slice(split, width)):
            side = np.count_nonzero(background[:, columns])
            enough = side >= MIN_SIDE_SHARE * background.size
            shares.append(np.count_nonzero(blown[:, columns]) / side if enough else 0.0)
        image_left, image_right = shares
        brighter, dimmer = max(shares), min(shares)
        if brighter <= 0 or dimmer >= BOTH_SIDES_RATIO * brighter:
            place = LIGHT_BEHIND
        else:
            # The image's right is the person's left in an unmirrored frame.
            place = LIGHT_LEFT if image_right > image_left else LIGHT_RIGHT
        measured = {
            "background_bright_share": np.count_nonzero(blown) / np.count_nonzero(background),
            "light_share": brighter,
            "light_place": float(place),
        }
        if face is not None:
            rows, columns = near_head(luma8.shape, face.box)
            near = np.count_nonzero(background[rows, columns])
            window = (rows.stop - rows.start) * (columns.stop - columns.start)
            enough = near > 0 and near >= MIN_NEAR_SHARE * window
            measured["light_near_share"] = (
                np.count_nonzero(blown[rows, columns]) / near if enough else 0.0
            )
        if brighter <= 0:
            return measured
        if place == LIGHT_BEHIND:
            light_mask = blown
        else:
            light_mask = blown.copy()
            dark_side = slice(split, width) if place == LIGHT_RIGHT else slice(0, split)
            light_mask[:, dark_side] = False
        light = float(SRGB_LINEAR[luma8[light_mask]].mean())
        rows, cols = np.nonzero(light_mask)
        measured.update(
            box_measures(
                "light",
                (
                    int(cols.min()),
                    int(rows.min()),
                    int(cols.max() - cols.min() + 1),
                    int(rows.max() - rows.min() + 1),
                ),
            )
        )
        if stats is None:
            return measured
        histogram = scene.skin_histogram
        face_key = float(np.dot(histogram, SRGB_LINEAR)) / float(histogram.sum())
        measured["light_level"] = light
        measured["face_key_level"] = face_key
        measured["backlight_ev"] = stops_between(light, face_key)
        measured["backlight_highlight_ev"] = stops_between(light, linear(stats["face_highlight"]))
        return measured

    def region(
        self, check_id: str, scene: Scene, measured: Mapping[str, float]
    ) -> tuple[int, int, int, int] | None:
        if "light_x" in measured:
            return box_region("light", dict(measured))
        return scene.face_box
