"""Measures of a pasted person along the outline: rim, hard edge, noise and sharpness mismatch.

Every measure looks at the IMAGE near the edge of the person mask, never at the shape of
that mask (it comes from our own low-resolution segmentation and is blobby by itself), except
the mask-uncertainty measure, which is about the segmentation itself: how sure the model is
where the person ends. The functions here only measure;
:mod:`camcheck.analyzers.virtual_background` and the check table judge.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from camcheck.measures import IMMERKAER_SCALE, gradient_l1, immerkaer_response
from camcheck.scene import MASK_STEP, Scene, histogram_rank

# Noise is Immerkær's (1996) estimate (camcheck.measures), over flat parts chosen here.
# A pixel is "flat" when the Sobel gradient (|gx| + |gy|) of the 3x3-box-smoothed luma is
# below this (8-bit levels; Sobel gains 8x a ramp's slope, so a slope under ~3 levels per
# px). Texture and edges then do not count as noise, as Immerkær's paper recommends.
FLAT_GRADIENT = 24.0
# Pixels next to black or white are skipped: clipping flattens the noise there.
NOISE_LUMA_RANGE = (16, 240)
# Fewer flat pixels than this in a region and its noise is not estimated.
MIN_NOISE_PIXELS = 400
# The noise floor: Immerkær's response averaged over blocks of this many px square wholly
# inside a region (not clipped), and this percentile of the blocks taken: the flattest
# blocks of a region, where texture cannot pose as noise (a camera's grain is on every
# block; a pasted picture's smooth sky or wall has none). Fewer blocks than this and the
# floor is not estimated. A floor under NOISE_FLOOR_MIN (8-bit levels) counts as that, so
# two clean regions cannot divide to a wild ratio.
FLOOR_BLOCK = 8
FLOOR_PERCENT = 10
MIN_FLOOR_BLOCKS = 12
NOISE_FLOOR_MIN = 0.15
# The rings either side of the boundary band whose noise is compared: this share of the frame
# diagonal wide (about 15 px at 640x480). Fewer flat pixels than MIN_RING_NOISE_PIXELS in a
# ring and the ratio is not measured; a background sigma under RING_NOISE_FLOOR (8-bit)
# counts as that (as NOISE_FLOOR does for the whole regions).
RING_SHARE = 0.02
MIN_RING_NOISE_PIXELS = 200
RING_NOISE_FLOOR = 0.25
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
# A profile shows a rim when at least this many samples in a row are no such mixture.
HALO_RUN = 4
# The second outline: a profile's strongest colour step must reach this (8-bit RGB distance
# per sample) to count, and its second edge this share of the strongest.
MIN_EDGE_STEP = 12.0
SECOND_EDGE_RATIO = 0.35
# Two edges are separate when the gradient between them falls to this share of the weaker.
VALLEY_SHARE = 0.5
# Sharpness is compared on pixels with a Sobel gradient over this (8-bit luma).
SHARP_EDGE_GRADIENT = 60
# Person confidence counted as unsure (the model's own 0.5 lies in the middle), and the
# shortest outline (working-frame px) the uncertainty is measured on.
UNSURE_CONFIDENCE = (0.2, 0.8)
# Neighbours of clipped pixels left out of the sharpness measure.
CLIP_KERNEL = np.ones((3, 3), np.uint8)
MIN_OUTLINE_PX = 80.0
# Hair is the outline above this share of the face box's height from its top (the brows).
HAIR_SHARE = 0.3
# How well hair stands out from the wall is its colour difference in CIELAB (Delta E, CIE
# 1976, on the mean colours of each profile's two ends), not the RGB distance used before
# (2026-12-02): a dark pigtail before a dark green wall and brown hair before a brown wall
# are both about 40 RGB levels apart, but people see the first separate (a hue apart,
# Delta E 21-23) and the second merge (Delta E 13): the corpus's labels of poor separation
# follow the eye.
# The worst stretch of the outline: this many neighbouring profiles (4 contour px apart:
# about 60 px of outline, a forehead's width), boxed with this margin in px.
STRETCH_PROFILES = 15
STRETCH_PAD = 8
# A gradient stronger than this (|dx| + |dy| of 8-bit luma, 1-px differences) is an edge
# for the flicker measure.
FLOW_EDGE_GRADIENT = 20.0
# Fewer edge pixels than this in a region and its edge motion is not measured.
MIN_EDGE_PIXELS = 60
# Mid-band texture (midband_ratio): the luma is halved first (cost; a picture stretched
# from a small JPEG has nothing finer to lose) and compared in differences of Gaussians of
# these sigmas, in px of the 640 px working frame: 2-4 px against 8-16 px. An app's
# background blur (sigma 6-20 px) wipes the 2-4 px band out and leaves the coarse one; a
# stretched picture or a room keeps structure in both. Fewer background pixels than
# MIN_MIDBAND_PIXELS (of the halved plane) and it is not measured.
MIDBAND_DOWNSCALE = 2
MIDBAND_FINE_SIGMAS = (2.0, 4.0)
MIDBAND_COARSE_SIGMAS = (8.0, 16.0)
MIN_MIDBAND_PIXELS = 200
# The colour of the light: a near-neutral pixel (white, grey) reflects the light's own colour,
# so the brightest of them on each side give its white point (the white-patch estimate of
# colour constancy). Near-neutral is an RGB saturation (max - min) / max under
# LIGHT_MAX_SATURATION: on the corpus's tune split 0.2, 0.3 and 0.4 gave tune recall 0.54,
# 0.57 and 0.60 at the same false alarms; 0.4 is not taken because skin (saturation about
# 0.3-0.5) then counts as neutral and the cue compares skin with the wall, not the light.
# The brightest are those at or above the LIGHT_BRIGHT_PERCENT-th percentile of luma among
# them; pixels outside LIGHT_LUMA_RANGE are clipped or black and carry no colour. It is
# measured on a copy MASK_STEP times smaller, as the person mask's own resolution (a white
# point needs no detail; on the tune split a copy half the size gave the same recall and
# cost four times as much), and not with fewer than MIN_LIGHT_PIXELS near-neutral pixels
# there on either side (a wholly colourful picture or outfit: then the light's colour cannot
# be read; 12 small pixels are 200 of the working frame).
LIGHT_MAX_SATURATION = 0.3
LIGHT_BRIGHT_PERCENT = 90
LIGHT_LUMA_RANGE = (20, 250)
MIN_LIGHT_PIXELS = 12
# The lag of the cut-out: the outline's motion is correlated with the person's motion this
# many frames earlier (LAG_MIN_FRAMES to LAG_MAX_FRAMES; at 15 fps 0.13-0.53 s, at 30 fps
# 67-270 ms, the mask delay of call apps and of the corpus's lag clips, 3-6 frames at 15
# fps), over at least LAG_MIN_PAIRS frame pairs with both motions measured.
LAG_MIN_FRAMES = 2
LAG_MAX_FRAMES = 8
LAG_MIN_PAIRS = 15
# A background pixel is still when its luma changed by at most this many levels since the
# previous frame: a camera's sensor noise moves most pixels by more every frame.
STILL_LEVELS = 1
# A background pixel is unchanged when its luma is exactly the same as in the previous
# frame. A pasted picture goes through the call's encoder unchanged frame after frame; a
# room blurred by the app still carries the camera's noise, smoothed below a level but
# rounded now up, now down (camcheck.checks.VB_UNCHANGED_SHARE).
UNCHANGED_LEVELS = 0


def masked_mean(
    plane: np.ndarray, mask: np.ndarray, count: int | None = None, solid: bool = False
) -> float:
    """``cv2.mean(plane, mask=mask)[0]`` of a uint8 plane, to the last bit, ten times faster.

    OpenCV's masked mean visits pixel by pixel; the plane cut to the mask and summed whole
    runs vectorised. The sum of uint8 values is an exact integer, scaled by the reciprocal
    of the count as cv2.mean scales it, so the result is the same double. ``count`` is
    ``cv2.countNonZero(mask)`` when already taken; 0 pixels give 0.0, as cv2.mean does.
    ``solid``: the mask holds only 0 and 255, so a plain AND with it cuts the plane (the
    same bytes at half the cost of a masked one).
    """
    assert plane.dtype == np.uint8
    count = cv2.countNonZero(mask) if count is None else count
    if not count:
        return 0.0
    cut = cv2.bitwise_and(plane, mask) if solid else cv2.bitwise_and(plane, plane, mask=mask)
    return cv2.sumElems(cut)[0] * (1.0 / count)


def flat_mask(luma8: np.ndarray) -> np.ndarray:
    """Pixels (uint8 0/255) with a low local gradient, where Immerkær's response is noise."""
    smooth = cv2.blur(luma8, (3, 3))
    gradient = gradient_l1(smooth)
    return cv2.compare(gradient, FLAT_GRADIENT, cv2.CMP_LT)


def inner_mask(scene: Scene, band: np.ndarray) -> np.ndarray:
    """The person without the boundary band, uint8 (non-zero inside)."""
    return cv2.bitwise_and(scene.person_mask.view(np.uint8), cv2.bitwise_not(band))


def unclipped_mask(luma8: np.ndarray) -> np.ndarray:
    """Pixels (uint8 0/255) inside NOISE_LUMA_RANGE: the noise and sharpness cues share it."""
    low, high = NOISE_LUMA_RANGE
    return cv2.inRange(luma8, low, high)


def outside_mask(scene: Scene, band: np.ndarray) -> np.ndarray:
    """The sure background without the boundary band, uint8 (non-zero inside)."""
    return cv2.bitwise_and(scene.background_mask.view(np.uint8), cv2.bitwise_not(band))


def noise_planes(
    scene: Scene, unclipped: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Immerkær's response and the flat, unclipped pixels (uint8), shared by the noise cues
    (``unclipped``: :func:`unclipped_mask` of the luma, when already taken)."""
    luma = scene.luma8
    if unclipped is None:
        unclipped = unclipped_mask(luma)
    return immerkaer_response(luma), cv2.bitwise_and(flat_mask(luma), unclipped)


def noise_sigmas(
    scene: Scene,
    band: np.ndarray,
    planes: tuple[np.ndarray, np.ndarray] | None = None,
    inner: np.ndarray | None = None,
) -> tuple[float, float]:
    """Immerkær noise sigma (8-bit levels) of the person and of the background, flat parts.

    Either is NaN when its region has too few flat pixels. ``planes`` are
    :func:`noise_planes` of the scene and ``inner`` its :func:`inner_mask`, when already
    computed.
    """
    response, usable = planes or noise_planes(scene)
    background = scene.background_mask.view(np.uint8)
    sigmas = []
    for region in (inner_mask(scene, band) if inner is None else inner, background):
        mask = cv2.bitwise_and(usable, usable, mask=region)
        count = cv2.countNonZero(mask)
        if count < MIN_NOISE_PIXELS:
            sigmas.append(math.nan)
            continue
        sigmas.append(IMMERKAER_SCALE * masked_mean(response, mask, count, solid=True))
    return sigmas[0], sigmas[1]


def ring_noise_ratio(
    scene: Scene, band: np.ndarray, planes: tuple[np.ndarray, np.ndarray] | None = None
) -> float:
    """Noise of the person over the background's, both within RING_SHARE of the outline.

    Immerkær's sigma on flat pixels (as :func:`noise_sigmas`) of the two rings just inside
    and just outside the boundary band. Near the outline person and room share distance,
    light and exposure, so a real room's grain matches the person's more closely there than
    across the whole frame; a pasted picture's ring is as clean as the rest of it. NaN when
    a ring has too few flat pixels.
    """
    near = boundary_band(scene, BAND_SHARE + RING_SHARE)
    outer = cv2.bitwise_and(near, cv2.bitwise_not(band))
    response, flat = planes or noise_planes(scene)
    usable = cv2.bitwise_and(flat, outer)
    sigmas = []
    for region in (scene.person_mask.view(np.uint8), scene.background_mask.view(np.uint8)):
        mask = cv2.bitwise_and(usable, region)
        count = cv2.countNonZero(mask)
        if count < MIN_RING_NOISE_PIXELS:
            return math.nan
        sigmas.append(IMMERKAER_SCALE * masked_mean(response, mask, count))
    return sigmas[0] / max(sigmas[1], RING_NOISE_FLOOR)


def noise_floor_ratio(
    scene: Scene,
    band: np.ndarray,
    planes: tuple[np.ndarray, np.ndarray] | None = None,
    inner: np.ndarray | None = None,
    unclipped: np.ndarray | None = None,
    outside: np.ndarray | None = None,
) -> float:
    """The person's noise floor over the background's (see FLOOR_BLOCK); NaN if unmeasured.

    The floor of a region is the FLOOR_PERCENT-th percentile of Immerkær's sigma over its
    unclipped FLOOR_BLOCK-px blocks, the boundary band left out of both regions. A camera
    puts the same grain on person and room (ratio near 1); a person pasted onto a clean
    picture keeps theirs while the picture's flattest parts have none. ``unclipped`` and
    ``outside`` are :func:`unclipped_mask` and :func:`outside_mask`, when already taken.
    """
    response = immerkaer_response(scene.luma8) if planes is None else planes[0]
    usable = unclipped_mask(scene.luma8) if unclipped is None else unclipped
    if outside is None:
        outside = outside_mask(scene, band)
    size = FLOOR_BLOCK
    height, width = (d // size * size for d in response.shape)
    blocks = (width // size, height // size)
    # An area resize by a whole factor is the mean over each block (fast, in OpenCV); the
    # block means are the same for both regions, so they are taken once.
    means = cv2.resize(
        response[:height, :width].astype(np.float32), blocks, interpolation=cv2.INTER_AREA
    )
    floors = []
    for region in (inner_mask(scene, band) if inner is None else inner, outside):
        floors.append(_block_floor(means, cv2.bitwise_and(usable, region)))
    if math.isnan(floors[0]) or math.isnan(floors[1]):
        return math.nan
    return max(floors[0], NOISE_FLOOR_MIN) / max(floors[1], NOISE_FLOOR_MIN)


def _block_floor(means: np.ndarray, region: np.ndarray) -> float:
    """Immerkær sigma of the FLOOR_PERCENT-th flattest block wholly inside ``region``;
    ``means`` is the response averaged over each FLOOR_BLOCK-px block."""
    height, width = (d * FLOOR_BLOCK for d in means.shape)
    inside = cv2.resize(
        cv2.compare(region[:height, :width], 0, cv2.CMP_GT),
        (means.shape[1], means.shape[0]),
        interpolation=cv2.INTER_AREA,
    )
    chosen = inside == 255
    if int(chosen.sum()) < MIN_FLOOR_BLOCKS:
        return math.nan
    return IMMERKAER_SCALE * float(np.percentile(means[chosen], FLOOR_PERCENT))


def boundary_band(scene: Scene, share: float = BAND_SHARE) -> np.ndarray:
    """Pixels within ``share`` of the frame diagonal of the person-mask boundary (uint8).

    Grown on a mask MASK_STEP times smaller, as the Scene's background margin is: the
    person mask comes from a 256 px model anyway.
    """
    width, height = scene.size
    small_size = (max(1, width // MASK_STEP), max(1, height // MASK_STEP))
    small = cv2.resize(
        scene.person_mask.view(np.uint8), small_size, interpolation=cv2.INTER_NEAREST
    )
    radius = max(1, round(share * math.hypot(*small_size)))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
    band = cv2.morphologyEx(small, cv2.MORPH_GRADIENT, kernel)
    if small_size != (width / MASK_STEP, height / MASK_STEP):
        return cv2.resize(band, (width, height), interpolation=cv2.INTER_NEAREST)
    # By a whole factor the nearest neighbour of a pixel is the small pixel it lies in, so
    # only the band's box is enlarged (the rest is 0): the same plane at half the cost.
    grown = np.zeros((height, width), np.uint8)
    x, y, w, h = cv2.boundingRect(band)
    if w and h:
        step = MASK_STEP
        cv2.resize(
            band[y : y + h, x : x + w],
            (step * w, step * h),
            dst=grown[step * y : step * (y + h), step * x : step * (x + w)],
            interpolation=cv2.INTER_NEAREST,
        )
    return grown


def outline_samples(scene: Scene) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """The outline's sampled points (n, 2) as x, y in contour order, their unit normals
    (either direction) and whether each lies below the chin (all False without a face);
    None without an outline. :func:`outline_profiles` takes the head's or the body's part,
    so the contours are traced once for both."""
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
    return tuple(np.concatenate([part[i] for part in parts]) for i in range(3))  # type: ignore[return-value]


def outline_profiles(
    scene: Scene,
    body: bool = False,
    samples: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    gathered: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray] | None:
    """RGB colour profiles across the head's outline, from inside the person to outside.

    Returns an array (profiles, samples, 3) in float32 and the profiles' points on the
    outline (profiles, 2) as x, y, in contour order; or None when there is no outline.
    With a face, only the outline above the chin is used (``body``: only below it): the
    halo and the cut-out shape are judged around the head, where people look. ``samples``
    is :func:`outline_samples` of the scene, when already taken, and ``gathered`` the
    profiles of all its points (:func:`gather_profiles`): each profile depends on its own
    point only, so the head's and the body's are rows of it.
    """
    found = outline_samples(scene) if samples is None else samples
    if found is None:
        return None
    points, normal, below = found
    if gathered is None:
        gathered = gather_profiles(scene, points, normal)
    if scene.primary_face is not None:
        chosen = below if body else ~below
        if not chosen.any():
            return None
        return gathered[chosen], points[chosen]
    return gathered, points


def gather_profiles(scene: Scene, points: np.ndarray, normal: np.ndarray) -> np.ndarray:
    """The colour profile (samples, 3; float32) across the outline at each point (n, 2)
    along its normal, oriented outwards; see :func:`outline_profiles`."""
    normal = normal.copy()
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
    if not 0 < len(points) < 2**15:
        return scene.frame[ys.astype(np.int32), xs.astype(np.int32)].astype(np.float32)
    # The coordinates are whole pixels inside the frame: a nearest-neighbour remap reads
    # exactly those pixels, at a fifth of the cost of numpy's fancy indexing.
    xs, ys = xs.astype(np.float32), ys.astype(np.float32)
    return cv2.remap(scene.frame, xs, ys, cv2.INTER_NEAREST).astype(np.float32)


def _contour_points(
    contour: np.ndarray, scene: Scene
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Sampled points of one closed contour, their unit normals (either direction) and
    whether each lies below the chin."""
    # Smooth the closed contour, then take normals from neighbouring smoothed points.
    count = len(contour)
    padded = np.concatenate([contour[-NORMAL_SMOOTHING:], contour, contour[:NORMAL_SMOOTHING]])
    window = np.ones(2 * NORMAL_SMOOTHING + 1, np.float32) / (2 * NORMAL_SMOOTHING + 1)
    smooth = np.stack([np.convolve(padded[:, i], window, mode="same") for i in (0, 1)], axis=1)[
        NORMAL_SMOOTHING : NORMAL_SMOOTHING + count
    ]
    width, height = scene.size
    # Every PROFILE_STEP-th point; points on the frame border are where the person leaves
    # the picture, not an outline.
    border = 2
    sampled = contour[::PROFILE_STEP]
    kept = np.flatnonzero(
        (sampled[:, 0] > border)
        & (sampled[:, 0] < width - 1 - border)
        & (sampled[:, 1] > border)
        & (sampled[:, 1] < height - 1 - border)
    ) * np.intp(PROFILE_STEP)
    if not len(kept):
        return None
    # The normals of the kept points only, each from the smoothed points two before and
    # two after it (around the closed contour); its length added as numpy's norm adds.
    tangent = smooth[(kept + 2) % count] - smooth[(kept - 2) % count]
    across, down = tangent[:, 1], -tangent[:, 0]
    length = np.maximum(np.sqrt(across * across + down * down), 1e-6)
    normal = np.stack([across / length, down / length], axis=1)
    below = np.zeros(len(kept), bool)
    if (face := scene.primary_face) is not None:
        _, y, _, h = face.box
        below = contour[kept, 1] > y + h
    return smooth[kept], normal, below


def outline_cues(
    scene: Scene,
    samples: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    gathered: np.ndarray | None = None,
) -> tuple[dict[str, float], tuple[int, int, int, int] | None]:
    """What the colour profiles across the head's outline show, as named cue values.

    ``vb_edge_step_share``: per profile with contrast, the largest one-pixel colour step as a
    share of the whole person-to-background transition; the median. A camera spreads an edge
    over two or three pixels (lens blur, demosaicing); a mask pasted without smoothing makes
    it in one.

    ``vb_halo_px``: per profile with contrast, the longest run of samples whose colour is no
    mixture of the two ends (a rim of the real room between person and picture); median.

    ``vb_rim_share``: the second outline. Per profile, the strongest colour edge and the next
    strongest one at least two samples away; the share of all profiles whose second edge
    lies at the most common offset (within one sample) and is at least SECOND_EDGE_RATIO as
    strong. A rim of constant width puts many second edges at one offset; the texture of a
    real room puts them anywhere. ``vb_rim_px`` is that offset.

    ``vb_edge_jitter``: median change of the strongest edge's position between neighbouring
    profiles, in samples: real hair frays, a pasted mask's edge runs smoothly.

    ``vb_hair_delta_e``: median colour difference (CIELAB Delta E, CIE 1976) between the
    person's and the background's ends of the profiles above the eyes: how well hair stands
    out from the wall as a person sees it (camcheck.checks.VB_HAIR_DELTA_E).

    Also the box of the worst stretch of the outline (most rim and hard edge), for the
    finding's region. Empty and None when there is too little outline.
    """
    found = outline_profiles(scene, samples=samples, gathered=gathered)
    if found is None or len(found[0]) < MIN_PROFILES:
        return {}, None
    profiles, points = found
    ends = PROFILE_END_SAMPLES
    inner = profiles[:, :ends].mean(axis=1, keepdims=True)
    outer = profiles[:, -ends:].mean(axis=1, keepdims=True)
    span = outer - inner
    contrast = np.linalg.norm(span[:, 0], axis=1)
    cues: dict[str, float] = {}
    gradient = _norm3(np.diff(profiles, axis=1))
    length = gradient.shape[1]
    centre = length // 2
    # The person's edge is looked for near our mask's boundary: the model misplaces an edge
    # by a few pixels, never by half the reach.
    window = slice(centre - centre // 2, centre + centre // 2 + 1)
    first = gradient[:, window].argmax(axis=1) + window.start
    rows = np.arange(len(gradient))
    strongest = gradient[rows, first]
    second, ratio = second_edges(gradient, first)
    offsets = second - first
    edgy = (strongest >= MIN_EDGE_STEP) & (ratio >= SECOND_EDGE_RATIO)
    counts = np.bincount(offsets[edgy] + length, minlength=2 * length + 1)
    # +-1 sample: a rim's width wanders by a pixel along the outline
    smoothed = counts[:-2] + counts[1:-1] + counts[2:]
    # Only offsets of 2 samples or more are a second outline; the texture of a room puts
    # some second edges at every offset, so the share counts what the peak holds above the
    # typical offset's.
    offset_of = np.arange(len(smoothed)) + 1 - length
    far = offset_of >= 2
    smoothed = np.where(far, smoothed, 0)
    peak = int(smoothed.argmax())
    typical = float(np.median(smoothed[far & (np.abs(offset_of) < length // 2)]))
    cues["vb_rim_share"] = (float(smoothed[peak]) - typical) / len(profiles)
    cues["vb_rim_px"] = float(abs(peak + 1 - length))
    steps = np.abs(np.diff(first))
    cues["vb_edge_jitter"] = float(np.median(steps))
    usable = contrast >= MIN_PROFILE_CONTRAST
    if int(usable.sum()) >= MIN_PROFILES // 2:
        t, runs = _mixture_runs(profiles[usable], inner[usable], span[usable])
        step_share = np.abs(np.diff(t, axis=1)).max(axis=1)
        cues["vb_edge_step_share"] = float(np.median(step_share))
        cues["vb_halo_px"] = float(np.median(runs))
        cues["vb_halo_share"] = float(np.mean(runs >= HALO_RUN))
    if (face := scene.primary_face) is not None:
        _, y, _, h = face.box
        top = points[:, 1] < y + h * HAIR_SHARE
        if int(top.sum()) >= MIN_PROFILES // 4:
            cues["vb_hair_delta_e"] = hair_delta_e(inner[top, 0], outer[top, 0])
    # Per profile: how much of a cut-out it shows (second edge at the common offset, hard
    # step); the worst run of neighbouring profiles is the stretch a person would notice.
    at_peak = edgy & (np.abs(offsets + length - (peak + 1)) <= 1)
    badness = at_peak.astype(np.float32)
    return cues, worst_stretch(points, badness, scene.size)


def hair_delta_e(person: np.ndarray, background: np.ndarray) -> float:
    """Median CIELAB Delta E (CIE 1976) between paired sRGB colours (n, 3), 8-bit floats.

    A person tells hair from a wall by its difference in lightness, hue
    and chroma together, which Delta E weighs as the eye does; RGB distance counts a step
    between dark colours as much as one between light ones and underrates a change of hue.
    """
    pairs = np.stack([person, background]).astype(np.float32) * np.float32(1 / 255)
    lab = cv2.cvtColor(pairs, cv2.COLOR_RGB2Lab)
    return float(np.median(np.linalg.norm(lab[0] - lab[1], axis=1)))


def second_edges(gradient: np.ndarray, first: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per profile, the strongest separate edge besides ``first`` and its strength ratio.

    Separate means a valley lies between the two: somewhere between them the gradient falls
    to at most VALLEY_SHARE of the second edge's. A blurred edge spreads over several samples
    without a valley, so its own flanks are never a second outline.
    """
    count, length = gradient.shape
    offsets = np.arange(-length + 1, length)
    positions = first[:, None] + offsets[None, :]
    inside = (positions >= 0) & (positions < length)
    aligned = np.where(
        inside, np.take_along_axis(gradient, np.clip(positions, 0, length - 1), 1), 0
    )
    centre = length - 1
    best = np.zeros(count, np.int64)
    best_value = np.zeros(count, np.float32)
    for side in (1, -1):
        run = aligned[:, centre + side :: side] if side > 0 else aligned[:, centre - 1 :: -1]
        # lowest gradient strictly between the first edge and each sample
        between = np.minimum.accumulate(run, axis=1)
        between = np.concatenate([np.full((count, 1), np.inf), between[:, :-1]], axis=1)
        separate = between <= VALLEY_SHARE * run
        separate[:, 0] = False
        candidate = np.where(separate, run, 0.0)
        index = candidate.argmax(axis=1)
        value = candidate[np.arange(count), index]
        better = value > best_value
        best = np.where(better, first + side * (index + 1), best)
        best_value = np.where(better, value, best_value)
    strongest = gradient[np.arange(count), first]
    return best, best_value / np.maximum(strongest, 1e-3)


def worst_stretch(
    points: np.ndarray, badness: np.ndarray, size: tuple[int, int]
) -> tuple[int, int, int, int] | None:
    """Box (x, y, w, h) around the STRETCH_PROFILES neighbours with the most badness."""
    count = len(points)
    if count == 0 or not badness.any():
        return None
    run = min(STRETCH_PROFILES, count)
    window = np.convolve(np.concatenate([badness, badness[: run - 1]]), np.ones(run), "valid")
    start = int(window.argmax())
    chosen = points[np.arange(start, start + run) % count]
    x0, y0 = np.floor(chosen.min(axis=0)).astype(int) - STRETCH_PAD
    x1, y1 = np.ceil(chosen.max(axis=0)).astype(int) + STRETCH_PAD
    width, height = size
    x0, y0 = max(0, int(x0)), max(0, int(y0))
    x1, y1 = min(width, int(x1)), min(height, int(y1))
    return (x0, y0, max(1, x1 - x0), max(1, y1 - y0))


def sharpness(
    luma8: np.ndarray, regions: tuple[np.ndarray, ...], unclipped: np.ndarray | None = None
) -> list[float]:
    """Edge sharpness in each region (uint8 mask): mean |Laplacian| over mean |gradient|.

    Over the region's edges. A blurred edge of any contrast has a small Laplacian for its
    gradient; a crisp one a large one, so the ratio compares sharpness without depending on
    contrast. NaN for a region with too few edges. The planes are computed once for all
    regions; ``unclipped`` is :func:`unclipped_mask` of the luma, when already taken.
    """
    gradient = gradient_l1(luma8)
    edges = cv2.compare(gradient, SHARP_EDGE_GRADIENT, cv2.CMP_GT)
    # Clipped light (a blown-out window, black shadows) cuts edges off flat and reads as
    # crisp whatever the focus: those pixels and their neighbours do not count.
    if unclipped is None:
        unclipped = unclipped_mask(luma8)
    edges = cv2.bitwise_and(edges, cv2.erode(unclipped, CLIP_KERNEL))
    laplacian = cv2.convertScaleAbs(cv2.Laplacian(luma8, cv2.CV_16S))
    values = []
    for region in regions:
        # 0 or 255, so that the means cut the planes with a plain AND
        mask = cv2.bitwise_and(edges, edges, mask=region)
        count = cv2.countNonZero(mask)
        if count < MIN_EDGE_PIXELS:
            values.append(math.nan)
            continue
        values.append(
            masked_mean(laplacian, mask, count, solid=True)
            / max(masked_mean(gradient, mask, count, solid=True), 1e-3)
        )
    return values


def midband_ratio(luma8: np.ndarray, region: np.ndarray) -> float:
    """Texture at middle scales over texture at coarse scales in ``region`` (uint8 mask).

    mean |G2 - G4| over mean |G8 - G16|, with G_s the luma blurred by a Gaussian of sigma s
    (MIDBAND_FINE_SIGMAS, MIDBAND_COARSE_SIGMAS, on a copy MIDBAND_DOWNSCALE times smaller).
    A background blurred by a call app keeps only the coarse band (tune split 2026-12-02,
    backgrounds without edges: app blurs median 0.14, pasted pictures 0.34). NaN when the
    region is too small.
    """
    height, width = luma8.shape
    size = (max(1, width // MIDBAND_DOWNSCALE), max(1, height // MIDBAND_DOWNSCALE))
    small = cv2.resize(luma8.astype(np.float32), size, interpolation=cv2.INTER_AREA)
    mask = cv2.resize(region, size, interpolation=cv2.INTER_NEAREST)
    if cv2.countNonZero(mask) < MIN_MIDBAND_PIXELS:
        return math.nan
    bands = []
    for sigmas in (MIDBAND_FINE_SIGMAS, MIDBAND_COARSE_SIGMAS):
        narrow, wide = (
            cv2.GaussianBlur(small, (0, 0), sigma / MIDBAND_DOWNSCALE) for sigma in sigmas
        )
        bands.append(cv2.mean(cv2.absdiff(narrow, wide), mask=mask)[0])
    fine, coarse = bands
    return fine / max(coarse, 1e-3)


def mask_uncertainty(scene: Scene, band: np.ndarray) -> float:
    """Width in working-frame pixels of the outline where the model is unsure (confidence 0.2-0.8).

    The uncertain pixels in the boundary band above the chin, divided by the length of the
    outline there: how wide a strip a call app's cut-out would have to guess. NaN without
    a face or an outline.
    """
    assert scene.person is not None
    face = scene.primary_face
    if face is None:
        # The rehearsal is about the person at the camera: without a face there is none.
        return math.nan
    low, high = UNSURE_CONFIDENCE
    # Only the rows above the chin are read: the contours of the mask cut there are those of
    # the whole mask with the rows below cleared (the frame's edge counts as outside).
    _, y, _, h = face.box
    above = np.s_[: y + h]
    if not scene.person_mask[above].size:
        return math.nan
    contours, _ = cv2.findContours(
        scene.person_mask.view(np.uint8)[above], cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE
    )
    length = sum(cv2.arcLength(c, True) for c in contours)
    if length < MIN_OUTLINE_PX:
        return math.nan
    unsure = cv2.bitwise_and(cv2.inRange(scene.person[above], low, high), band[above])
    return cv2.countNonZero(unsure) / length


def edge_motion(
    previous: np.ndarray,
    current: np.ndarray,
    regions: tuple[np.ndarray, ...],
    change: np.ndarray | None = None,
) -> list[float]:
    """Apparent edge motion (px per frame) in each region: sum |dI/dt| / sum |grad I|.

    On edges a displacement of d px changes the luma by about |grad I| * d, so the ratio of
    the sums over edge pixels is their typical displacement (normal flow). NaN for a region
    with too few edges. ``change`` is ``absdiff(previous, current)`` when already taken.

    Only the box around the regions is filtered (a person fills about half a webcam frame):
    the gradient is taken on that box grown by the 1 px the 3-tap derivative reaches, so
    every pixel inside the box gets the same value as on the whole frame.
    """
    if change is None:
        change = cv2.absdiff(previous, current)
    height, width = current.shape
    x0, y0, x1, y1 = width, height, 0, 0
    for region in regions:
        x, y, w, h = cv2.boundingRect(region)
        if w and h:
            x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x + w), max(y1, y + h)
    if x1 <= x0 or y1 <= y0:
        return [math.nan] * len(regions)
    # grown by one pixel where the frame allows, then cut back to the box
    gx0, gy0, gx1, gy1 = max(0, x0 - 1), max(0, y0 - 1), min(width, x1 + 1), min(height, y1 + 1)
    grown = gradient_l1(current[gy0:gy1, gx0:gx1], ksize=1)
    gradient = grown[y0 - gy0 : y1 - gy0, x0 - gx0 : x1 - gx0]
    edges = cv2.compare(gradient, FLOW_EDGE_GRADIENT, cv2.CMP_GT)
    change = change[y0:y1, x0:x1]
    motions = []
    for whole in regions:
        region = whole[y0:y1, x0:x1]
        mask = cv2.bitwise_and(edges, edges, mask=region)
        count = cv2.countNonZero(mask)
        if count < MIN_EDGE_PIXELS:
            motions.append(math.nan)
            continue
        # The counts cancel: the ratio of the means is the ratio of the sums.
        motions.append(
            masked_mean(change, mask, count, solid=True)
            / masked_mean(gradient, mask, count, solid=True)
        )
    return motions


def edge_lag(person_flows: np.ndarray, edge_flows: np.ndarray) -> tuple[float, float, int]:
    """How much better the outline's motion follows the person's motion of a few frames ago.

    ``person_flows`` and ``edge_flows`` are per-frame apparent motions (:func:`edge_motion`)
    of the person's inside and of the outline band, oldest first, NaN where unmeasured. A
    camera's outline moves with the person (the correlation of the two series is highest at
    no delay); a call app's mask that lags a moving head moves its cut edge k frames later,
    so the outline's motion correlates better with the person's motion k frames before.
    Each delay pairs the same outline frames (the last ``len - LAG_MAX_FRAMES``) with the
    person's frames that many earlier, all delays in one pass. Returns (the best correlation
    at a delay of LAG_MIN_FRAMES to LAG_MAX_FRAMES minus the correlation at none, that best
    correlation, its delay in frames); NaNs and 0 when fewer than LAG_MIN_PAIRS frame pairs
    were measured at no delay or at every delay.
    """
    count = len(person_flows)
    if count <= LAG_MAX_FRAMES or len(edge_flows) != count:
        return math.nan, math.nan, 0
    delays = np.array([0, *range(LAG_MIN_FRAMES, LAG_MAX_FRAMES + 1)])
    later = np.asarray(edge_flows, np.float64)[LAG_MAX_FRAMES:]
    person = np.asarray(person_flows, np.float64)
    starts = LAG_MAX_FRAMES - delays
    earlier = np.stack([person[start : start + len(later)] for start in starts])
    both = np.isfinite(earlier) & np.isfinite(later)[None, :]
    pairs = both.sum(axis=1)
    a = np.where(both, later[None, :], 0.0)
    b = np.where(both, earlier, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        a = np.where(both, a - a.sum(axis=1, keepdims=True) / pairs[:, None], 0.0)
        b = np.where(both, b - b.sum(axis=1, keepdims=True) / pairs[:, None], 0.0)
        corr = (a * b).sum(axis=1) / np.sqrt((a * a).sum(axis=1) * (b * b).sum(axis=1))
    corr = np.where((pairs >= LAG_MIN_PAIRS) & np.isfinite(corr), corr, np.nan)
    if math.isnan(corr[0]) or np.isnan(corr[1:]).all():
        return math.nan, math.nan, 0
    best = int(np.nanargmax(corr[1:])) + 1
    return float(corr[best] - corr[0]), float(corr[best]), int(delays[best])


def still_share(
    previous: np.ndarray,
    current: np.ndarray,
    region: np.ndarray,
    change: np.ndarray | None = None,
    levels: int = STILL_LEVELS,
) -> float:
    """Share of ``region`` (uint8 mask) whose luma changed by at most ``levels``
    (``change``: ``absdiff(previous, current)`` when already taken)."""
    if change is None:
        change = cv2.absdiff(previous, current)
    total = cv2.countNonZero(region)
    if not total:
        return math.nan
    still = cv2.bitwise_and(cv2.compare(change, levels, cv2.CMP_LE), region)
    return float(cv2.countNonZero(still)) / float(total)


def body_halo_share(
    scene: Scene,
    samples: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    gathered: np.ndarray | None = None,
) -> float:
    """Share of contrasty profiles below the chin (shoulders, arms) that show a rim.

    No hair there: a real shoulder against a wall is a mixture of the two at the edge, so a
    run of other colours is a rim of another room. NaN with too few profiles.
    """
    if scene.primary_face is None:
        return math.nan
    found = outline_profiles(scene, body=True, samples=samples, gathered=gathered)
    if found is None:
        return math.nan
    profiles = found[0]
    ends = PROFILE_END_SAMPLES
    inner = profiles[:, :ends].mean(axis=1, keepdims=True)
    outer = profiles[:, -ends:].mean(axis=1, keepdims=True)
    span = outer - inner
    usable = np.linalg.norm(span[:, 0], axis=1) >= MIN_PROFILE_CONTRAST
    if int(usable.sum()) < MIN_PROFILES // 2:
        return math.nan
    _, runs = _mixture_runs(profiles[usable], inner[usable], span[usable])
    return float(np.mean(runs >= HALO_RUN))


def _mixture_runs(
    profiles: np.ndarray, inner: np.ndarray, span: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Where each profile sits between its inner and outer colour, and its longest rim.

    ``t`` is each sample's position on the line from ``inner`` to ``inner + span`` (0 the
    person's colour, 1 the background's); the rim is the longest run of samples farther than
    HALO_COLOUR_DISTANCE from any mixture of the two, in samples (pixels).
    """
    # Channel by channel on contiguous (n, samples) planes: the same float32 operations on
    # every element as on (n, samples, 3), the channels added in numpy's order (_sum3),
    # at half the cost of broadcasting over a last axis of three.
    p = np.ascontiguousarray(np.moveaxis(profiles, 2, 0))
    i = np.moveaxis(inner, 2, 0).copy()
    s = np.moveaxis(span, 2, 0).copy()
    d = p - i
    t = ((d[0] * s[0] + d[1] * s[1]) + d[2] * s[2]) / ((s[0] * s[0] + s[1] * s[1]) + s[2] * s[2])
    e = p - (i + np.clip(t, 0.0, 1.0) * s)
    off = np.sqrt((e[0] * e[0] + e[1] * e[1]) + e[2] * e[2]) > HALO_COLOUR_DISTANCE
    # The run ending at each sample: samples off the mixtures so far, less those counted
    # by the last sample on a mixture (a cumulative count reset at every mixture sample).
    count = np.cumsum(off, axis=1, dtype=np.int32)
    reset = np.maximum.accumulate(np.where(off, 0, count), axis=1)
    runs = (count - reset).max(axis=1, initial=0).astype(np.int32)
    return t, runs


def _sum3(x: np.ndarray) -> np.ndarray:
    """The sum over the last axis of three (colour channels): ``x.sum(axis=-1)`` to the bit
    (numpy adds the three in order), at a tenth of its cost on profiles of float32."""
    return (x[..., 0] + x[..., 1]) + x[..., 2]


def _norm3(x: np.ndarray) -> np.ndarray:
    """``np.linalg.norm(x, axis=-1)`` over three channels, to the bit (see :func:`_sum3`)."""
    return np.sqrt(_sum3(x * x))


def light_colour_distance(
    scene: Scene,
    band: np.ndarray,
    inner: np.ndarray | None = None,
    outside: np.ndarray | None = None,
) -> float:
    """How differently coloured the light on the person and on the background is.

    The white point of each side (the mean colour of its brightest near-neutral pixels, see
    LIGHT_MAX_SATURATION), the boundary band left out of both; the distance between the two
    in log chromaticity (ln R/G, ln B/G, as a von Kries white balance sees it), times 100. In
    a room the same lamps and window light the person and the wall, so their whites agree;
    a pasted picture brings the white balance of wherever it was taken. NaN when either side
    has too few near-neutral pixels. ``inner`` and ``outside`` are :func:`inner_mask` and
    :func:`outside_mask`, when already taken.
    """
    width, height = scene.size
    small = (max(1, width // MASK_STEP), max(1, height // MASK_STEP))
    frame = cv2.resize(scene.frame, small, interpolation=cv2.INTER_AREA)
    red, green, blue = cv2.split(frame)
    high = cv2.max(cv2.max(red, green), blue)
    spread = cv2.subtract(high, cv2.min(cv2.min(red, green), blue))
    # (max - min) < s * max, in tenths on 16 bits so nothing saturates
    tenths = round(10 * LIGHT_MAX_SATURATION)
    neutral = cv2.compare(
        cv2.multiply(spread, 10, dtype=cv2.CV_16U),
        cv2.multiply(high, tenths, dtype=cv2.CV_16U),
        cv2.CMP_LT,
    )
    luma = cv2.cvtColor(frame, cv2.COLOR_RGB2GRAY)
    low, top = LIGHT_LUMA_RANGE
    usable = cv2.bitwise_and(neutral, cv2.inRange(luma, low + 1, top - 1))
    if outside is None:
        outside = outside_mask(scene, band)
    points = []
    for region in (inner_mask(scene, band) if inner is None else inner, outside):
        inside = cv2.resize(region, small, interpolation=cv2.INTER_NEAREST)
        chosen = cv2.bitwise_and(usable, cv2.compare(inside, 0, cv2.CMP_GT))
        counts = cv2.calcHist([luma], [0], chosen, [256], [0, 256]).ravel()
        total = float(counts.sum())
        if total < MIN_LIGHT_PIXELS:
            return math.nan
        level = histogram_rank(counts, LIGHT_BRIGHT_PERCENT)
        bright = cv2.bitwise_and(chosen, cv2.compare(luma, level, cv2.CMP_GE))
        white = np.asarray(cv2.mean(frame, mask=bright)[:3], np.float64) + 1.0
        points.append(np.log([white[0] / white[1], white[2] / white[1]]))
    return float(100.0 * np.linalg.norm(points[0] - points[1]))
