"""Measures of a pasted person: noise mismatch, hard edge, halo, flicker, still background.

Every measure looks at the IMAGE near the edge of the person mask, never at the shape of
that mask: the mask comes from our own low-resolution segmentation and is blobby by itself.
The functions here only measure; :mod:`camcheck.analyzers.virtual_background` judges.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from camcheck.measures import IMMERKAER_SCALE, immerkaer_response
from camcheck.scene import MASK_STEP, Scene

# Noise is Immerkær's (1996) estimate (camcheck.measures), over flat parts chosen here.
# A pixel is "flat" when the Sobel gradient (|gx| + |gy|) of the 3x3-box-smoothed luma is
# below this (8-bit levels; Sobel gains 8x a ramp's slope, so a slope under ~3 levels per
# px). Texture and edges then do not count as noise, as Immerkær's paper recommends.
FLAT_GRADIENT = 24.0
# Pixels next to black or white are skipped: clipping flattens the noise there.
NOISE_LUMA_RANGE = (16, 240)
# Fewer flat pixels than this in a region and its noise is not estimated.
MIN_NOISE_PIXELS = 400
# Ring around the person-mask boundary left out of the person's noise estimate (edges and
# hair), as a share of the frame diagonal: 1.3% is about 9 px at 640x360.
BAND_SHARE = 0.013
# Colour profiles across the outline: one every this many contour points, reaching this
# share of the frame diagonal to each side of the mask boundary (about 15 px at 640x360,
# more than the 256 px segmentation's misplacement of an edge).
PROFILE_STEP = 4
PROFILE_REACH_SHARE = 0.02
# Contour points are smoothed over this many neighbours each side before normals are taken,
# so the normals follow the outline and not the pixel steps of the mask.
NORMAL_SMOOTHING = 7
# Samples averaged at each end of a profile for the person's and the background's colour.
PROFILE_END_SAMPLES = 3
# A profile is judged only when its ends differ by at least this (RGB distance, 8-bit):
# over a low-contrast edge the step size is noise.
MIN_PROFILE_CONTRAST = 40.0
# Fewer usable profiles than this (a small or far-away person) and the outline is not
# judged. Heads on our fixtures give 67 to 268; a small pasted photo (face_far_obama.jpg)
# gives 47.
MIN_PROFILES = 60
# Along a profile, a sample is part of a halo when its colour is further than this (8-bit
# RGB) from every mixture of the person's and the background's colours at the profile's
# ends. A camera's edge is such a mixture (optical blur); a rim of another room is not.
HALO_COLOUR_DISTANCE = 28.0
# A profile's edge counts as a paste edge when one pixel step makes at least this share of
# the whole transition (see EDGE_STEP_SHARE in virtual_background.py for the median test).
HARD_STEP = 0.6
# A gradient stronger than this (|dx| + |dy| of 8-bit luma, 1-px differences) is an edge
# for the flicker measure.
FLOW_EDGE_GRADIENT = 20.0
# Fewer edge pixels than this in a region and its edge motion is not measured.
MIN_EDGE_PIXELS = 60
# A background pixel is still when its luma changed by at most this many levels since the
# previous frame: a camera's sensor noise moves most pixels by more every frame.
STILL_LEVELS = 1


@dataclass(frozen=True)
class Outline:
    """What the colour profiles across the head's outline show."""

    profiles: int
    edge_step_share: float
    halo_px: float


def flat_mask(luma8: np.ndarray) -> np.ndarray:
    """Pixels (uint8 0/255) with a low local gradient, where Immerkær's response is noise."""
    smooth = cv2.blur(luma8, (3, 3))
    gradient = cv2.add(
        cv2.convertScaleAbs(cv2.Sobel(smooth, cv2.CV_16S, 1, 0)),
        cv2.convertScaleAbs(cv2.Sobel(smooth, cv2.CV_16S, 0, 1)),
    )
    return cv2.compare(gradient, FLAT_GRADIENT, cv2.CMP_LT)


def inner_mask(scene: Scene, band: np.ndarray) -> np.ndarray:
    """The person without the boundary band, uint8 (non-zero inside)."""
    return cv2.bitwise_and(scene.person_mask.view(np.uint8), cv2.bitwise_not(band))


def noise_sigmas(scene: Scene, band: np.ndarray) -> tuple[float, float]:
    """Immerkær noise sigma (8-bit levels) of the person and of the background, flat parts.

    Either is NaN when its region has too few flat pixels.
    """
    luma = scene.luma8
    response = immerkaer_response(luma)
    low, high = NOISE_LUMA_RANGE
    usable = cv2.bitwise_and(flat_mask(luma), cv2.inRange(luma, low, high))
    background = scene.background_mask.view(np.uint8)
    sigmas = []
    for region in (inner_mask(scene, band), background):
        mask = cv2.bitwise_and(usable, usable, mask=region)
        if cv2.countNonZero(mask) < MIN_NOISE_PIXELS:
            sigmas.append(math.nan)
            continue
        sigmas.append(IMMERKAER_SCALE * cv2.mean(response, mask=mask)[0])
    return sigmas[0], sigmas[1]


def boundary_band(scene: Scene) -> np.ndarray:
    """Pixels within BAND_SHARE of the frame diagonal of the person-mask boundary (uint8).

    Grown on a mask MASK_STEP times smaller, as the Scene's background margin is: the
    person mask comes from a 256 px model anyway.
    """
    width, height = scene.size
    small_size = (max(1, width // MASK_STEP), max(1, height // MASK_STEP))
    small = cv2.resize(
        scene.person_mask.view(np.uint8), small_size, interpolation=cv2.INTER_NEAREST
    )
    radius = max(1, round(BAND_SHARE * math.hypot(*small_size)))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
    band = cv2.morphologyEx(small, cv2.MORPH_GRADIENT, kernel)
    return cv2.resize(band, (width, height), interpolation=cv2.INTER_NEAREST)


def outline_profiles(scene: Scene) -> np.ndarray | None:
    """RGB colour profiles across the head's outline, from inside the person to outside.

    Returns an array (profiles, samples, 3) in float32, or None when there is no outline.
    With a face, only the outline above the chin is used: the halo and the cut-out shape
    are judged around the head, where people look.
    """
    mask = scene.person_mask.view(np.uint8)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    # Every part of the person counts: a thin neck can split head and shoulders.
    parts = [
        _contour_points(c[:, 0, :].astype(np.float32), scene)
        for c in contours
        if len(c) >= 4 * NORMAL_SMOOTHING
    ]
    parts = [part for part in parts if part is not None]
    if not parts:
        return None
    points = np.concatenate([part[0] for part in parts])
    normal = np.concatenate([part[1] for part in parts])
    width, height = scene.size
    # Orient every normal outwards: a few steps along it must leave the person.
    probe = np.round(points + 3 * normal).astype(np.int32)
    probe[:, 0] = np.clip(probe[:, 0], 0, width - 1)
    probe[:, 1] = np.clip(probe[:, 1], 0, height - 1)
    normal[scene.person_mask[probe[:, 1], probe[:, 0]]] *= -1
    reach = max(4, round(PROFILE_REACH_SHARE * math.hypot(width, height)))
    steps = np.arange(-reach, reach + 1, dtype=np.float32)
    xs = np.clip(np.round(points[:, None, 0] + steps * normal[:, None, 0]), 0, width - 1)
    ys = np.clip(np.round(points[:, None, 1] + steps * normal[:, None, 1]), 0, height - 1)
    return scene.frame[ys.astype(np.int32), xs.astype(np.int32)].astype(np.float32)


def _contour_points(contour: np.ndarray, scene: Scene) -> tuple[np.ndarray, np.ndarray] | None:
    """Sampled points of one closed contour and their unit normals (either direction)."""
    # Smooth the closed contour, then take normals from neighbouring smoothed points.
    count = len(contour)
    padded = np.concatenate([contour[-NORMAL_SMOOTHING:], contour, contour[:NORMAL_SMOOTHING]])
    window = np.ones(2 * NORMAL_SMOOTHING + 1, np.float32) / (2 * NORMAL_SMOOTHING + 1)
    smooth = np.stack([np.convolve(padded[:, i], window, mode="same") for i in (0, 1)], axis=1)[
        NORMAL_SMOOTHING : NORMAL_SMOOTHING + count
    ]
    tangent = np.roll(smooth, -2, axis=0) - np.roll(smooth, 2, axis=0)
    normal = np.stack([tangent[:, 1], -tangent[:, 0]], axis=1)
    normal /= np.maximum(np.linalg.norm(normal, axis=1, keepdims=True), 1e-6)
    width, height = scene.size
    keep = np.zeros(count, bool)
    keep[::PROFILE_STEP] = True
    # Points on the frame border are where the person leaves the picture, not an outline.
    border = 2
    keep &= (
        (contour[:, 0] > border)
        & (contour[:, 0] < width - 1 - border)
        & (contour[:, 1] > border)
        & (contour[:, 1] < height - 1 - border)
    )
    if (face := scene.primary_face) is not None:
        _, y, _, h = face.box
        keep &= contour[:, 1] <= y + h
    if not keep.any():
        return None
    return smooth[keep], normal[keep]


def measure_outline(scene: Scene) -> Outline | None:
    """Edge hardness and halo width across the head's outline, or None if too little outline.

    ``edge_step_share``: per profile, the largest one-pixel colour step as a share of the
    whole person-to-background transition; the median over profiles. A camera spreads an
    edge over two or three pixels (lens blur, demosaicing); a mask pasted without smoothing
    makes it in one.

    ``halo_px``: per profile with a hard step, the longest run of samples whose colour is no
    mixture of the two ends (a rim of the real room between person and picture); the
    median over those profiles, in working-frame pixels.
    """
    profiles = outline_profiles(scene)
    if profiles is None:
        return None
    ends = PROFILE_END_SAMPLES
    inner = profiles[:, :ends].mean(axis=1, keepdims=True)
    outer = profiles[:, -ends:].mean(axis=1, keepdims=True)
    span = outer - inner
    contrast = np.linalg.norm(span[:, 0], axis=1)
    usable = contrast >= MIN_PROFILE_CONTRAST
    if int(usable.sum()) < MIN_PROFILES:
        return None
    profiles, inner, span = profiles[usable], inner[usable], span[usable]
    length2 = (span**2).sum(axis=2)
    t = ((profiles - inner) * span).sum(axis=2) / length2
    step_share = np.abs(np.diff(t, axis=1)).max(axis=1)
    mixture = inner + np.clip(t, 0.0, 1.0)[..., None] * span
    off = np.linalg.norm(profiles - mixture, axis=2) > HALO_COLOUR_DISTANCE
    runs = np.zeros(len(profiles), np.int32)
    current = np.zeros(len(profiles), np.int32)
    for column in off.T:
        current = np.where(column, current + 1, 0)
        runs = np.maximum(runs, current)
    hard = step_share >= HARD_STEP
    halo = float(np.median(runs[hard])) if hard.any() else 0.0
    return Outline(int(usable.sum()), float(np.median(step_share)), halo)


def edge_motion(
    previous: np.ndarray, current: np.ndarray, regions: tuple[np.ndarray, ...]
) -> list[float]:
    """Apparent edge motion (px per frame) in each region: sum |dI/dt| / sum |grad I|.

    On edges a displacement of d px changes the luma by about |grad I| * d, so the ratio of
    the sums over edge pixels is their typical displacement (normal flow). NaN for a region
    with too few edges.
    """
    gradient = cv2.add(
        cv2.convertScaleAbs(cv2.Sobel(current, cv2.CV_16S, 1, 0, ksize=1)),
        cv2.convertScaleAbs(cv2.Sobel(current, cv2.CV_16S, 0, 1, ksize=1)),
    )
    edges = cv2.compare(gradient, FLOW_EDGE_GRADIENT, cv2.CMP_GT)
    change = cv2.absdiff(previous, current)
    motions = []
    for region in regions:
        mask = cv2.bitwise_and(edges, edges, mask=region)
        count = cv2.countNonZero(mask)
        if count < MIN_EDGE_PIXELS:
            motions.append(math.nan)
            continue
        # The counts cancel: the ratio of the means is the ratio of the sums.
        motions.append(cv2.mean(change, mask=mask)[0] / cv2.mean(gradient, mask=mask)[0])
    return motions


def still_share(previous: np.ndarray, current: np.ndarray, region: np.ndarray) -> float:
    """Share of ``region`` (uint8 mask) whose luma changed by at most STILL_LEVELS."""
    change = cv2.absdiff(previous, current)
    still = cv2.calcHist([change], [0], region, [256], [0, 256]).ravel()
    total = float(still.sum())
    return float(still[: STILL_LEVELS + 1].sum()) / total if total > 0 else math.nan
