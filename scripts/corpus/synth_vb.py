"""Synthetic virtual-background cases (issue 12): pasted pictures behind real people.

Each generator is one way a call app (or a poor one) cuts a person out and pastes a picture
behind them; parameters (rim width, erosion, feather, spill, mask resolution, lag, flicker,
blur) are drawn per case. The person is always the real photo as a webcam would deliver it
(sensor noise in linear light); the "real room" is the photo's own background. Negatives are
background blur done well (the room blurred behind a soft mask, no halo) and the photo as a
plain webcam frame.

The person mask is camcheck's own segmentation of the photo, but most generators change its
shape on purpose (dilated, eroded, coarse, offset, lagging, GrabCut's classical matte), so a
detector cannot pass by recognising the model's own outline.

``vb_call_v2`` (:func:`build_call`) runs a call app's whole chain once per subject, every
parameter drawn per case: the app's segmentation at 64-256 px, thresholded, grown or shrunk,
feathered, sometimes wrapping the picture's light into the edge; webcam gain and lens blur
on the person; the picture stretched from its own JPEG. Its negatives are the same people as
plain webcam frames and with the room blurred by the app after the camera's grain (so the
blurred room is clean, as in a real app). ``python scripts/corpus/synth_vb.py --out DIR``
adds these cases to an existing corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np
import synth_common as sc

FAMILY = "vb"
DETECTED = "virtual_background.detected"
EDGE = "virtual_background.edge_artifacts"

# Cases per still generator and per clip generator; subjects are cycled so each generator
# spreads over all of them.
STILLS_PER_GENERATOR = 6
CLIPS_PER_GENERATOR = 3
CLIP_SECONDS = 3.0

# Ranges of the randomised parameters, in px at sc.STILL_WIDTH (960 px) unless said.
# A rim under 4 px is hard to see at a call's size; over 10 px the halo looks like a second
# person outline (users' reports describe "a few pixels").
RIM_PX = (4, 10)
# Eroding 6-14 px removes ears, hair tips and the shoulder line visibly.
ERODE_PX = (6, 14)
# A mask offset from the person (a still of a lagging mask): 6-14 px shows a crescent.
OFFSET_PX = (6.0, 14.0)
# A feathered matte: Gaussian sigma of the alpha edge.
FEATHER_SIGMA = (2.5, 6.0)
# Colour spill: width of the band inside the outline that takes the picture's colour, and
# how much of it.
SPILL_BAND_PX = (5, 12)
SPILL_STRENGTH = (0.35, 0.6)
# Cheap segmentation: mask long side in px before upsampling (24 px is a 40 px staircase at
# 960 px; above about 56 px the outline looked clean on the contact sheet).
LOWRES_LONG_SIDE = (24, 48)
# Mismatched person and picture: the person blurrier and noisier (webcam gain), the picture
# crisp, brighter and of another white balance.
MISMATCH_PERSON_BLUR = (1.2, 2.2)
MISMATCH_GAIN = (2.0, 4.0)
MISMATCH_PICTURE_EV = (0.4, 1.0)
# Background blur done well: Gaussian sigma of the room's blur (Meet/Teams "blur" is strong).
BLUR_SIGMA = (8.0, 20.0)
# Clip: lag of the mask behind the head (frames at 30 fps) and head motion (px at 640).
LAG_FRAMES = (3, 6)
LAG_MOTION_PX = (18, 40)
LAG_MOTION_HZ = (0.6, 1.1)
# Clip: per-frame jitter of a flickering mask.
FLICKER_THRESHOLD = (0.3, 0.7)
FLICKER_LONG_SIDE = (40, 80)


def _pictures(sources: list[dict]) -> list[sc.Picture]:
    """Pictures people paste: landscapes, buildings, abstract wallpapers, real scenes."""
    return sc.pictures("photo") + sc.pictures("abstract") + sc.background_sources(sources)


def _pasted(pic: sc.Picture, size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """The picture as an app pastes it: scaled to cover the frame, clean (no sensor noise)."""
    focus = (float(rng.uniform(0.2, 0.8)), float(rng.uniform(0.2, 0.8)))
    return sc.to_linear(sc.cover(pic.image, size, focus=focus))


def _camera(
    staged: sc.Staged,
    rng: np.random.Generator,
    *,
    gain: float = 1.0,
    blur: float = sc.WEBCAM_BLUR_SIGMA,
) -> np.ndarray:
    """The photo as the webcam delivers it, in linear light (noise already in)."""
    return sc.to_linear(sc.webcam(sc.to_linear(staged.rgb), rng, gain=gain, blur=blur))


def _finish(linear: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, int]:
    quality = sc.jpeg_quality(rng)
    return sc.jpeg_roundtrip(sc.to_srgb(linear), quality), quality


# --- still generators: each returns (linear frame, must, must_not, about) -------------------
Gen = Callable[
    [sc.Staged, np.ndarray, np.random.Generator], tuple[np.ndarray, list[str], list[str], str]
]


def gen_rim(st: sc.Staged, bg: np.ndarray, rng: np.random.Generator):
    px = int(rng.integers(RIM_PX[0], RIM_PX[1] + 1))
    alpha = sc.gaussian(sc.dilate(sc.hard(st.mask), px), float(rng.uniform(0.0, 1.0)))
    out = sc.composite(_camera(st, rng), bg, alpha)
    return (
        out,
        [DETECTED, EDGE],
        [],
        f"a {px} px rim of the real room around the person, pasted picture",
    )


def gen_erode(st: sc.Staged, bg: np.ndarray, rng: np.random.Generator):
    px = int(rng.integers(ERODE_PX[0], ERODE_PX[1] + 1))
    alpha = sc.gaussian(sc.erode(sc.hard(st.mask), px), float(rng.uniform(0.5, 2.0)))
    out = sc.composite(_camera(st, rng), bg, alpha)
    return out, [DETECTED, EDGE], [], f"mask eroded {px} px: hair, ears and shoulder line cut away"


def gen_offset(st: sc.Staged, bg: np.ndarray, rng: np.random.Generator):
    px = float(rng.uniform(*OFFSET_PX))
    angle = float(rng.uniform(0, 2 * np.pi))
    dx, dy = px * np.cos(angle), px * np.sin(angle)
    mask = sc.shift(sc.hard(st.mask), dx, dy, border=cv2.BORDER_CONSTANT)
    alpha = sc.gaussian(mask, float(rng.uniform(0.5, 1.5)))
    out = sc.composite(_camera(st, rng), bg, alpha)
    about = f"mask offset {px:.0f} px (a crescent of the room on one side, a cut on the other)"
    return out, [DETECTED, EDGE], [], about


def gen_feather(st: sc.Staged, bg: np.ndarray, rng: np.random.Generator):
    sigma = float(rng.uniform(*FEATHER_SIGMA))
    # A feathered matte is usually pulled in a little so the blend stays on the person.
    alpha = sc.gaussian(sc.erode(sc.hard(st.mask), int(sigma)), sigma)
    out = sc.composite(_camera(st, rng), bg, alpha)
    return (
        out,
        [DETECTED],
        [],
        f"soft matte feathered sigma {sigma:.1f} px on a clean pasted picture",
    )


def gen_spill(st: sc.Staged, bg: np.ndarray, rng: np.random.Generator):
    band = int(rng.integers(SPILL_BAND_PX[0], SPILL_BAND_PX[1] + 1))
    strength = float(rng.uniform(*SPILL_STRENGTH))
    hard = sc.hard(st.mask)
    inner = sc.erode(hard, band)
    ring = sc.gaussian(np.clip(hard - inner, 0, 1), band / 3) * hard
    # The picture's colour bleeds into the person's edge: its local colour, blurred, as a
    # matting step that mixes foreground and background estimates does.
    local = cv2.GaussianBlur(bg, (0, 0), band * 1.5)
    person = _camera(st, rng)
    luma = sc.luminance(person)[..., None]
    local_luma = np.maximum(sc.luminance(local)[..., None], 1e-3)
    tinted = local / local_luma * luma  # the picture's chroma at the person's brightness
    person = person * (1 - strength * ring[..., None]) + tinted * (strength * ring[..., None])
    alpha = sc.gaussian(hard, 1.0)
    out = sc.composite(person, bg, alpha)
    return (
        out,
        [DETECTED, EDGE],
        [],
        f"colour spill: the picture's colour in a {band} px band at {strength:.2f}",
    )


def gen_lowres(st: sc.Staged, bg: np.ndarray, rng: np.random.Generator):
    side = int(rng.integers(LOWRES_LONG_SIDE[0], LOWRES_LONG_SIDE[1] + 1))
    nearest = bool(rng.random() < 0.5)
    alpha = sc.low_resolution(st.mask, side, nearest=nearest)
    out = sc.composite(_camera(st, rng), bg, alpha)
    how = "nearest (blocky)" if nearest else "bilinear then thresholded (staircase)"
    return out, [DETECTED, EDGE], [], f"mask computed at {side} px long side, upsampled {how}"


def gen_mismatch(st: sc.Staged, bg: np.ndarray, rng: np.random.Generator):
    blur = float(rng.uniform(*MISMATCH_PERSON_BLUR))
    gain = float(rng.uniform(*MISMATCH_GAIN))
    ev = float(rng.uniform(*MISMATCH_PICTURE_EV))
    # Another white balance: warm or cool by a few hundred kelvin-ish per-channel gains.
    warm = float(rng.uniform(-0.12, 0.12))
    wb = np.array([1 + warm, 1.0, 1 - warm], np.float32)
    picture = np.clip(bg * (2.0**ev) * wb, 0, 1)
    # The person is what a dim webcam gives: the photo darkened a little and gained back up.
    person = _camera(st, rng, gain=gain, blur=blur)
    alpha = sc.gaussian(sc.hard(st.mask), 1.5)
    out = sc.composite(person, picture, alpha)
    return (
        out,
        [DETECTED],
        [],
        (
            f"picture crisp and clean, {ev:+.1f} EV and another white balance; person blurred "
            f"{blur:.1f} px with gain {gain:.1f} noise"
        ),
    )


def gen_grabcut(st: sc.Staged, bg: np.ndarray, rng: np.random.Generator):
    alpha = sc.grabcut_mask(st.rgb, st.mask)
    ratio = float(alpha.sum() / max(1.0, sc.hard(st.mask).sum()))
    alpha = sc.gaussian(alpha, float(rng.uniform(0.8, 2.0)))
    out = sc.composite(_camera(st, rng), bg, alpha)
    return (
        out,
        [DETECTED],
        [],
        f"classical GrabCut matte (area {ratio:.2f} of the model's), pasted picture",
    )


def gen_blur(st: sc.Staged, bg: np.ndarray, rng: np.random.Generator):
    sigma = float(rng.uniform(*BLUR_SIGMA))
    room = sc.to_linear(st.rgb)
    keep = 1.0 - sc.dilate(sc.hard(st.mask, 0.3), 6)
    blurred = sc.masked_blur(room, keep, sigma)
    alpha = sc.gaussian(st.mask, 1.5)
    scene = sc.composite(room, blurred, alpha)
    out = sc.to_linear(sc.webcam(scene, rng))
    return (
        out,
        [],
        [DETECTED, EDGE],
        f"background blur done well: the real room blurred sigma {sigma:.0f} px behind a soft mask",
    )


def gen_plain(st: sc.Staged, bg: np.ndarray, rng: np.random.Generator):
    gain = float(rng.uniform(1.0, 2.5))
    out = _camera(st, rng, gain=gain)
    return (
        out,
        [],
        [DETECTED, EDGE],
        f"the real photo as a webcam frame (gain {gain:.1f} noise), nothing pasted",
    )


STILL_GENERATORS: dict[str, Gen] = {
    "vb_rim_v1": gen_rim,
    "vb_erode_v1": gen_erode,
    "vb_offset_v1": gen_offset,
    "vb_feather_v1": gen_feather,
    "vb_spill_v1": gen_spill,
    "vb_lowres_v1": gen_lowres,
    "vb_mismatch_v1": gen_mismatch,
    "vb_grabcut_v1": gen_grabcut,
    "bgblur_soft_v1": gen_blur,
    "webcam_plain_v1": gen_plain,
}
# Generators that need no pasted picture (their "about" names none).
NO_PICTURE = {"bgblur_soft_v1", "webcam_plain_v1"}


# --- a call app's pipeline, one randomised generator over every subject (v2) -------------
# The v1 generators above each take 6 subjects, so a split by person leaves about one case
# per generator held out. This generator runs the whole chain of a call app once per
# subject, with every parameter drawn per case, so every person (and so both splits) holds
# composites; its negatives are the same people as plain webcam frames and with the room
# blurred by the app (camera grain first, then the app blurs: the blurred room is clean).
CALL_FAMILY = "vb_call"
# The app's segmentation runs at this long side (px) and is upsampled bilinearly, then cut
# at a threshold: Meet's and Zoom's models run at 144-256 px; 64 px is a cheap one.
CALL_MASK_SIDE = (64, 256)
CALL_MASK_THRESHOLD = (0.35, 0.65)
# The matte is then grown (a rim of the room shows) or shrunk (hair and ears cut away) by
# this many px at 960 px width, and feathered with this Gaussian sigma.
CALL_GROW_PX = (-10, 10)
CALL_FEATHER_SIGMA = (0.5, 4.0)
# Share of cases whose app also wraps the picture's light into the person's edge (spill).
CALL_SPILL_SHARE = 0.3
# The webcam: analogue gain (noise) and lens blur of the person and the real room.
CALL_GAIN = (1.0, 3.5)
CALL_CAMERA_BLUR = (0.5, 1.3)
# The pasted picture's own history: stored at this share of the frame's size and stretched
# (a small wallpaper), and JPEG-compressed at this quality before the app got it.
CALL_PICTURE_SCALE = (0.45, 1.0)
CALL_PICTURE_QUALITY = (60, 92)
# The call's frame width (px) and its encoder's JPEG quality.
CALL_WIDTHS = (640, 800, 960)
CALL_QUALITY = (70, 92)
# Background blur by the app: Gaussian sigma (px at 960) of the room.
CALL_BLUR_SIGMA = (6.0, 20.0)
# A rim or cut of at least this many px (the matte's outline off the person's, on average)
# is plain to see (edge_artifacts must), and so is spill; a matte within CALL_CLEAN_PX of
# the person with a fine mask and little feather is a clean cut (edge must_not).
CALL_VISIBLE_GROW_PX = 4
CALL_VISIBLE_SHRINK_PX = 6
CALL_CLEAN_PX = 1.5
CALL_CLEAN_MASK_SIDE = 144
CALL_CLEAN_FEATHER = 2.5
# Of the subjects, every this-many-th one also gives a plain webcam negative (real frames
# of the corpus are the main negatives), and every other one a background-blur negative.
CALL_PLAIN_EVERY = 3


def _call_matte(st: sc.Staged, rng: np.random.Generator, scale: float) -> tuple:
    """A call app's matte for the staged person: (alpha, grow px, side, sigma, offset px).

    ``offset`` is how far the matte's outline lies outside the person's (negative: inside),
    in px at 960 px width: the area between the two over the person's outline length. The
    threshold of the coarse mask moves the outline as well as ``grow`` does.
    """
    side = int(rng.integers(CALL_MASK_SIDE[0], CALL_MASK_SIDE[1] + 1))
    thr = float(rng.uniform(*CALL_MASK_THRESHOLD))
    coarse = sc.low_resolution(st.mask, side, nearest=False, threshold=thr)
    grow = int(rng.integers(CALL_GROW_PX[0], CALL_GROW_PX[1] + 1))
    hard = sc.hard(coarse)
    px = max(0, round(abs(grow) * scale))
    if grow > 0 and px:
        hard = sc.dilate(hard, px)
    elif grow < 0 and px:
        hard = sc.erode(hard, px)
    sigma = float(rng.uniform(*CALL_FEATHER_SIGMA))
    alpha = sc.gaussian(hard, sigma * scale)
    person = sc.hard(st.mask).astype(np.uint8)
    contours, _ = cv2.findContours(person, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    length = max(1.0, sum(cv2.arcLength(c, True) for c in contours))
    offset = float((sc.hard(alpha).sum() - person.sum()) / length / scale)
    return alpha, grow, side, sigma, offset


def _edge_label(offset: float, side: int, sigma: float, spill: bool) -> str:
    """edge_artifacts "must", "must_not" or "" (a careful person might say either)."""
    if spill or offset >= CALL_VISIBLE_GROW_PX or -offset >= CALL_VISIBLE_SHRINK_PX:
        return "must"
    clean = abs(offset) <= CALL_CLEAN_PX
    if clean and side >= CALL_CLEAN_MASK_SIDE and sigma <= CALL_CLEAN_FEATHER:
        return "must_not"
    return ""


def _call_picture(pic: sc.Picture, size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """The picture as the app pastes it, linear: its own size and JPEG history, no grain."""
    width, height = size
    share = float(rng.uniform(*CALL_PICTURE_SCALE))
    small = (max(16, round(width * share)), max(16, round(height * share)))
    focus = (float(rng.uniform(0.2, 0.8)), float(rng.uniform(0.2, 0.8)))
    stored = sc.jpeg_roundtrip(
        sc.cover(pic.image, small, focus=focus),
        int(rng.integers(CALL_PICTURE_QUALITY[0], CALL_PICTURE_QUALITY[1] + 1)),
    )
    return sc.to_linear(cv2.resize(stored, (width, height), interpolation=cv2.INTER_LINEAR))


def _call_case(
    kind: str, st: sc.Staged, pic: sc.Picture | None, rng: np.random.Generator
) -> tuple[np.ndarray, list[str], list[str], str]:
    """One case of the call pipeline: the linear frame before the call's encoder, labels."""
    h, w = st.mask.shape
    scale = w / sc.STILL_WIDTH
    gain = float(rng.uniform(*CALL_GAIN))
    blur = float(rng.uniform(*CALL_CAMERA_BLUR))
    camera = _camera(st, rng, gain=gain, blur=blur * scale)
    grain = f"webcam gain {gain:.1f}, lens blur {blur:.1f} px"
    if kind == "plain":
        return camera, [], [DETECTED, EDGE], f"the real photo as a webcam frame ({grain})"
    alpha, grow, side, sigma, offset = _call_matte(st, rng, scale)
    if kind == "blur":
        edge = _edge_label(offset, side, sigma, spill=False)
        room_sigma = float(rng.uniform(*CALL_BLUR_SIGMA)) * scale
        keep = 1.0 - sc.dilate(sc.hard(alpha, 0.3), max(1, round(6 * scale)))
        blurred = sc.masked_blur(camera, keep, room_sigma)
        must_not = [DETECTED] + ([EDGE] if edge == "must_not" else [])
        about = (
            f"background blur by the app: the room blurred sigma {room_sigma:.0f} px behind the "
            f"app's matte (mask {side} px, grown {grow:+d} px, outline {offset:+.1f} px off, "
            f"feather {sigma:.1f}); {grain}"
        )
        return sc.composite(camera, blurred, alpha), [], must_not, about
    assert pic is not None
    picture = _call_picture(pic, (w, h), rng)
    spill = ""
    person = camera
    if rng.random() < CALL_SPILL_SHARE:
        strength = float(rng.uniform(*SPILL_STRENGTH))
        band = max(2, round(int(rng.integers(SPILL_BAND_PX[0], SPILL_BAND_PX[1] + 1)) * scale))
        ring = sc.gaussian(np.clip(alpha - sc.erode(sc.hard(alpha), band), 0, 1), band / 3)
        local = cv2.GaussianBlur(picture, (0, 0), band * 1.5)
        person = camera * (1 - strength * ring[..., None]) + local * (strength * ring[..., None])
        spill = f", the picture's light wrapped {band} px into the edge at {strength:.2f}"
    edge = _edge_label(offset, side, sigma, spill=bool(spill))
    must = [DETECTED] + ([EDGE] if edge == "must" else [])
    must_not = [EDGE] if edge == "must_not" else []
    about = (
        f"call app: mask at {side} px, grown {grow:+d} px, outline {offset:+.1f} px off the "
        f"person's, feather {sigma:.1f} px{spill}; "
        f"picture stretched from its own JPEG; {grain}"
    )
    return sc.composite(person, picture, alpha), must, must_not, about


def build_call(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    """Write the call-pipeline stills (vb_call_v2 and its negatives); their records."""
    subs = sc.subjects(sources)
    pics = _pictures(sources)
    records: list[dict] = []
    for k, subject in enumerate(subs):
        kinds = ["paste", "blur" if k % 2 else None, "plain" if k % CALL_PLAIN_EVERY == 0 else None]
        for kind in filter(None, kinds):
            gen_name = {"paste": "vb_call_v2", "blur": "bgblur_call_v2", "plain": "webcam_call_v2"}[
                kind
            ]
            rng = sc.family_rng(rng_seed, CALL_FAMILY, gen_name, k, subject.group)
            width = int(sc.pick(rng, CALL_WIDTHS))
            st = sc.stage(subject, width, face_share=float(rng.uniform(0.22, 0.4)))
            pic = sc.pick(rng, pics) if kind == "paste" else None
            linear, must, must_not, about = _call_case(kind, st, pic, rng)
            # One JPEG, the call's encoder (write_still); the picture had its own before.
            quality = int(rng.integers(CALL_QUALITY[0], CALL_QUALITY[1] + 1))
            image = sc.to_srgb(linear)
            name = f"{gen_name}_{k:02d}_{subject.name}"
            where = f"; picture {sc.about_picture(pic)}" if pic is not None else ""
            records.append(
                sc.still_record(out_dir, CALL_FAMILY, name, image, quality, subject=subject,
                                generator=gen_name, must=must, must_not=must_not,
                                about=f"{about}{where}")
            )  # fmt: skip
    return records


# --- a picture pasted behind a photo as it is (v1) ----------------------------------------
# Every other generator here sends the person through a webcam model (grain, lens blur), so
# the person is always noisier than a clean pasted picture; a detector could pass them all by
# noise alone. This one pastes behind the real photo as it is (its own grain, sharpness and
# light), as a photo editor or a simple cut-out tool does: the person model's confidence,
# cut at a threshold or kept soft, grown or shrunk a few px and feathered, over a picture
# that is clean or stretched from its own JPEG. Negatives: the same staged photos, nothing
# pasted. One case per subject (every PASTE_PLAIN_EVERY-th also a plain one), so both
# splits hold many.
PASTE_FAMILY = "vb_paste"
PASTE_THRESHOLD = (0.3, 0.7)
# Share of cases whose matte is the model's soft confidence itself (no threshold).
PASTE_SOFT_SHARE = 0.35
PASTE_GROW_PX = (-8, 8)
PASTE_FEATHER_SIGMA = (0.0, 2.5)
# Under this feather, in the frame's own px, a hard cut is aliased (its one-pixel step share
# is 0.8 or more, a hard cut's): its edge label stays open.
PASTE_OPEN_FEATHER_PX = 0.8
# Share of cases whose picture was stored small and stretched (a wallpaper from its JPEG).
PASTE_STRETCHED_SHARE = 0.5
PASTE_WIDTHS = (640, 800, 960)
PASTE_QUALITY = (70, 95)
PASTE_PLAIN_EVERY = 3


def _paste_matte(st: sc.Staged, rng: np.random.Generator, scale: float) -> tuple:
    """The cut-out's alpha and how it was made: (alpha, grow px, sigma, offset, stray, soft).

    ``offset`` and ``stray`` (px at 960 width, :func:`_stray_px`): the matte's outline off
    the person's on average, signed, and the area between the two outlines over its length.
    A threshold that shrinks the outline at the hair and a growth that pushes it out at the
    shoulders cancel in the signed offset, not in the stray.
    """
    soft = bool(rng.random() < PASTE_SOFT_SHARE)
    grow = int(rng.integers(PASTE_GROW_PX[0], PASTE_GROW_PX[1] + 1))
    sigma = float(rng.uniform(*PASTE_FEATHER_SIGMA))
    if soft:
        alpha = st.mask.astype(np.float32)
        grow = 0
    else:
        alpha = sc.hard(st.mask, float(rng.uniform(*PASTE_THRESHOLD)))
        px = max(0, round(abs(grow) * scale))
        if grow > 0 and px:
            alpha = sc.dilate(alpha, px)
        elif grow < 0 and px:
            alpha = sc.erode(alpha, px)
        alpha = sc.gaussian(alpha, sigma * scale)
    offset, stray = _stray_px(alpha, st.mask, scale)
    return alpha, grow, sigma, offset, stray, soft


def _strays_visibly(offset: float, stray: float) -> bool:
    """Whether a matte's outline ((offset, stray) as :func:`_stray_px` gives them) shows a
    rim, a cut or a stray a person sees."""
    return (
        offset >= CALL_VISIBLE_GROW_PX
        or -offset >= CALL_VISIBLE_SHRINK_PX
        or stray >= CALL_CLIP_VISIBLE_STRAY_PX
    )


def _lies_clean(offset: float, stray: float) -> bool:
    """Whether a matte's outline lies within CALL_CLEAN_PX of the person's."""
    return stray <= 2 * CALL_CLEAN_PX and abs(offset) <= CALL_CLEAN_PX


def _paste_edge_label(offset: float, stray: float, sigma_px: float, soft: bool) -> str:
    """edge_artifacts "must", "must_not" or "" for a paste, as for the call clips: a rim, a
    cut or a stray of the outline a person sees is a must; a matte within CALL_CLEAN_PX of
    the person with a real (not aliased, ``sigma_px`` in the frame's own px) and small
    feather is a clean cut; a soft confidence matte or an aliased cut is left open."""
    if _strays_visibly(offset, stray):
        return "must"
    if soft or sigma_px < PASTE_OPEN_FEATHER_PX:
        return ""
    clean = _lies_clean(offset, stray) and sigma_px <= CALL_CLEAN_FEATHER
    return "must_not" if clean else ""


def build_paste(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    """Write the vb_paste_v1 stills (and their plain negatives); their records."""
    subs = sc.subjects(sources)
    pics = _pictures(sources)
    records: list[dict] = []
    for k, subject in enumerate(subs):
        kinds = ["paste", "plain" if k % PASTE_PLAIN_EVERY == 0 else None]
        for kind in filter(None, kinds):
            gen_name = {"paste": "vb_paste_v1", "plain": "photo_plain_v1"}[kind]
            rng = sc.family_rng(rng_seed, PASTE_FAMILY, gen_name, k, subject.group)
            # Never upscaled: a small photo stays its own size (no smoothing by the resize).
            width = min(int(sc.pick(rng, PASTE_WIDTHS)), subject.rgb.shape[1] // 2 * 2)
            st = sc.stage(subject, width)
            h, w = st.mask.shape
            scale = w / sc.STILL_WIDTH
            quality = int(rng.integers(PASTE_QUALITY[0], PASTE_QUALITY[1] + 1))
            name = f"{gen_name}_{k:02d}_{subject.name}"
            if kind == "plain":
                records.append(
                    sc.still_record(out_dir, PASTE_FAMILY, name, st.rgb, quality,
                                    subject=subject, generator=gen_name,
                                    must=[], must_not=[DETECTED, EDGE],
                                    about="the staged photo as it is, nothing pasted")
                )  # fmt: skip
                continue
            pic = sc.pick(rng, pics)
            if rng.random() < PASTE_STRETCHED_SHARE:
                picture = _call_picture(pic, (w, h), rng)
                how = "stretched from its own JPEG"
            else:
                picture = _pasted(pic, (w, h), rng)
                how = "scaled to cover, clean"
            alpha, grow, sigma, offset, stray, soft = _paste_matte(st, rng, scale)
            linear = sc.composite(sc.to_linear(st.rgb), picture, alpha)
            edge = _paste_edge_label(offset, stray, sigma * scale, soft)
            must = [DETECTED] + ([EDGE] if edge == "must" else [])
            must_not = [EDGE] if edge == "must_not" else []
            matte = (
                "the person model's soft confidence"
                if soft
                else f"the person model's mask cut, grown {grow:+d} px, feather {sigma:.1f} px"
            )
            about = (
                f"a picture pasted behind the photo as it is (its own grain and light): {matte}, "
                f"outline {offset:+.1f} px off the person's, strays {stray:.1f} px; picture {how}; "
                f"picture {sc.about_picture(pic)}"
            )
            records.append(
                sc.still_record(out_dir, PASTE_FAMILY, name, sc.to_srgb(linear), quality,
                                subject=subject, generator=gen_name, must=must,
                                must_not=must_not, about=about)
            )  # fmt: skip
    return records


# --- clips -----------------------------------------------------------------------------
def _clip_frames(
    st: sc.Staged,
    pic_linear: np.ndarray | None,
    rng: np.random.Generator,
    kind: str,
    fps: float,
    params: dict,
) -> Iterator[np.ndarray]:
    """Frames of one clip: the photo moves (person and room together, as a head moves in
    front of a fixed camera only approximately), the mask follows, lags or flickers."""
    n = int(CLIP_SECONDS * fps)
    person_layer = sc.to_linear(st.rgb)
    room = sc.to_linear(sc.clean_plate(st.rgb, st.mask))
    hard_mask = sc.hard(st.mask)
    amp = params.get("amp", 2.0)
    hz = params.get("hz", 0.4)
    phase = float(rng.uniform(0, 2 * np.pi))

    def offset(i: int) -> tuple[float, float]:
        t = i / fps
        return amp * np.sin(2 * np.pi * hz * t + phase), 0.25 * amp * np.sin(
            2 * np.pi * hz * 0.7 * t
        )

    for i in range(n):
        dx, dy = offset(i)
        # The person moves; the room stays (the camera is fixed): shift only the person layer.
        person = sc.shift(person_layer, dx, dy)
        mask_now = sc.shift(hard_mask, dx, dy, border=cv2.BORDER_CONSTANT)
        # Where the person moved away, the room behind shows; the photo's own room there.
        frame_real = sc.composite(person, room, sc.gaussian(mask_now, 1.0))
        cam = sc.sensor_noise(sc.gaussian(frame_real, sc.WEBCAM_BLUR_SIGMA), rng)
        if kind == "lag":
            ldx, ldy = offset(max(0, i - params["lag"]))
            alpha = sc.gaussian(sc.shift(hard_mask, ldx, ldy, border=cv2.BORDER_CONSTANT), 1.5)
            out = sc.composite(cam, pic_linear, alpha)
        elif kind == "flicker":
            plane = sc.shift(
                st.mask,
                dx + rng.uniform(-1.5, 1.5),
                dy + rng.uniform(-1.5, 1.5),
                border=cv2.BORDER_CONSTANT,
            )
            side = int(rng.integers(FLICKER_LONG_SIDE[0], FLICKER_LONG_SIDE[1] + 1))
            thr = float(rng.uniform(*FLICKER_THRESHOLD))
            alpha = sc.low_resolution(plane, side, nearest=False, threshold=thr)
            out = sc.composite(cam, pic_linear, alpha)
        elif kind == "good":
            alpha = sc.gaussian(sc.shift(st.mask, dx, dy, border=cv2.BORDER_CONSTANT), 1.5)
            out = sc.composite(cam, pic_linear, alpha)
        elif kind == "blur":
            keep = 1.0 - sc.dilate(
                sc.hard(sc.shift(st.mask, dx, dy, border=cv2.BORDER_CONSTANT), 0.3), 6
            )
            blurred = sc.masked_blur(frame_real, keep, params["sigma"])
            alpha = sc.gaussian(sc.shift(st.mask, dx, dy, border=cv2.BORDER_CONSTANT), 1.5)
            out = sc.sensor_noise(sc.composite(frame_real, blurred, alpha), rng)
        else:
            raise ValueError(kind)
        yield sc.jpeg_roundtrip(sc.to_srgb(out), params["quality"])


CLIP_GENERATORS = {
    # name: (kind, must, must_not)
    "vb_lag_clip_v1": ("lag", [DETECTED, EDGE], []),
    "vb_flicker_clip_v1": ("flicker", [DETECTED, EDGE], []),
    "vb_soft_clip_v1": ("good", [DETECTED], []),
    "bgblur_clip_v1": ("blur", [], [DETECTED, EDGE]),
}


# --- clips over every subject (v2) ------------------------------------------------------
# The v1 clip generators take 3 subjects each, and all 9 VB clips fell in the tune split.
# This set gives every clip-sized subject one VB clip (so both splits hold many): every
# other subject one of the v1 kinds (lag, flicker, soft), the rest a call app's pipeline run
# frame by frame (vb_call_clip_v2, below); every CLIP_SET_NEGATIVE_EVERY-th subject also a
# background-blur clip (v1's or the call app's) and the next one a plain webcam clip.
CLIP_SET_FAMILY = "vb_clip"
CLIP_SET_V1_KINDS = ("vb_lag_clip_v1", "vb_flicker_clip_v1", "vb_soft_clip_v1")
CLIP_SET_NEGATIVE_EVERY = 3
# vb_call_clip_v2: the app segments each camera frame with the general (square) selfie model
# on a letterboxed copy -- camcheck reads a 16:9 clip with the landscape model, so the
# matte's outline is not our own -- at a long side of CALL_CLIP_MASK_SIDE px, smooths the
# confidence over time (new = a * old + (1 - a) * frame, a drawn from CALL_CLIP_SMOOTHING:
# 0 follows at once, 0.7 lags a moving head by a few frames), thresholds, grows or shrinks
# the matte (px at 960 width) and feathers it; the person sways CALL_CLIP_SWAY_PX (px at
# 640) as a person at a desk does, sometimes leaning further (CALL_CLIP_LEAN_SHARE).
CALL_CLIP_MASK_SIDE = (48, 192)
CALL_CLIP_SMOOTHING = (0.0, 0.7)
CALL_CLIP_SWAY_PX = (2.0, 8.0)
CALL_CLIP_LEAN_PX = (14.0, 30.0)
CALL_CLIP_LEAN_SHARE = 0.3
# A matte whose outline strays from the person's by this many px on average (at 960 width,
# the frames' median of the area between the two outlines over the outline's length) shows
# a crescent or a cut (edge must); within CALL_CLEAN_PX it is clean (with a fine, sharp
# matte: edge must_not).
CALL_CLIP_VISIBLE_STRAY_PX = 6.0


def _app_confidence(frame_srgb: np.ndarray, side: int) -> np.ndarray:
    """A call app's person confidence for one frame: the general (square) selfie model on a
    letterboxed copy, reduced to ``side`` px long side and upsampled bilinearly."""
    h, w = frame_srgb.shape[:2]
    size = max(h, w)
    top = (size - h) // 2
    left = (size - w) // 2
    square = cv2.copyMakeBorder(
        frame_srgb, top, size - h - top, left, size - w - left, cv2.BORDER_CONSTANT, value=0
    )
    conf = sc.segment(square)[top : top + h, left : left + w]
    scale = side / max(h, w)
    small = cv2.resize(
        conf, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA
    )
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)


def _stray_px(alpha: np.ndarray, truth: np.ndarray, scale: float) -> tuple[float, float]:
    """(signed offset, mean stray) of a matte's outline from the person's, px at 960 width."""
    mine = sc.hard(alpha).astype(bool)
    real = sc.hard(truth).astype(bool)
    contours, _ = cv2.findContours(real.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    length = max(1.0, sum(cv2.arcLength(c, True) for c in contours))
    offset = float(mine.sum() - real.sum()) / length / scale
    stray = float((mine ^ real).sum()) / length / scale
    return offset, stray


def _call_clip_frames(
    scene: sc.ClipScene,
    pic_linear: np.ndarray | None,
    rng: np.random.Generator,
    kind: str,
    fps: float,
    params: dict,
    strays: list[tuple[float, float]],
) -> Iterator[np.ndarray]:
    """Frames of one vb_call_clip_v2 case ("paste", "blur" or "plain"); appends each
    frame's (offset, stray) of the app's matte to ``strays``."""
    n = int(CLIP_SECONDS * fps)
    scale = scene.mask.shape[1] / sc.STILL_WIDTH
    phase = float(rng.uniform(0, 2 * np.pi))
    smooth = None
    for i in range(n):
        t = i / fps
        real = scene.frame(t, rng, sway_px=params["sway"], phase=phase)
        camera = sc.to_linear(sc.webcam(real, rng, gain=params["gain"], blur=params["blur"]))
        if kind == "plain":
            out = camera
        else:
            conf = _app_confidence(sc.to_srgb(camera), params["side"])
            a = params["smoothing"]
            smooth = conf if smooth is None else a * smooth + (1 - a) * conf
            hard = (smooth >= params["threshold"]).astype(np.float32)
            px = max(0, round(abs(params["grow"]) * scale))
            if params["grow"] > 0 and px:
                hard = sc.dilate(hard, px)
            elif params["grow"] < 0 and px:
                hard = sc.erode(hard, px)
            alpha = sc.gaussian(hard, params["feather"] * scale)
            dx = params["sway"] * np.sin(2 * np.pi * 0.35 * t + phase)
            dy = 0.4 * params["sway"] * np.sin(2 * np.pi * 0.23 * t + 1.3 * phase)
            truth = sc.shift(scene.mask, dx, dy, border=cv2.BORDER_CONSTANT)
            strays.append(_stray_px(alpha, truth, scale))
            if kind == "blur":
                keep = 1.0 - sc.dilate(sc.hard(alpha, 0.3), max(1, round(6 * scale)))
                room = sc.masked_blur(camera, keep, params["room_sigma"])
                out = sc.composite(camera, room, alpha)
            else:
                assert pic_linear is not None
                out = sc.composite(camera, pic_linear, alpha)
        yield sc.jpeg_roundtrip(sc.to_srgb(out), params["quality"])


def _call_clip(
    out_dir: Path,
    subject: sc.Subject,
    kind: str,
    name: str,
    pics: list[sc.Picture],
    rng: np.random.Generator,
) -> dict:
    """Write one clip of the call app's pipeline (vb_call_clip_v2 or a negative); its record."""
    fps = float(sc.pick(rng, (15.0, 30.0)))
    scene = sc.clip_scene(subject, rng)
    h, w = scene.mask.shape
    lean = rng.random() < CALL_CLIP_LEAN_SHARE
    params: dict = {
        "quality": int(rng.integers(CALL_QUALITY[0], CALL_QUALITY[1] + 1)),
        "gain": float(rng.uniform(*CALL_GAIN)),
        "blur": float(rng.uniform(*CALL_CAMERA_BLUR)) * w / sc.STILL_WIDTH,
        "sway": float(rng.uniform(*(CALL_CLIP_LEAN_PX if lean else CALL_CLIP_SWAY_PX))),
        "side": int(rng.integers(CALL_CLIP_MASK_SIDE[0], CALL_CLIP_MASK_SIDE[1] + 1)),
        "threshold": float(rng.uniform(*CALL_MASK_THRESHOLD)),
        "smoothing": float(rng.uniform(*CALL_CLIP_SMOOTHING)),
        "grow": int(rng.integers(CALL_GROW_PX[0], CALL_GROW_PX[1] + 1)),
        "feather": float(rng.uniform(*CALL_FEATHER_SIGMA)),
        "room_sigma": float(rng.uniform(*CALL_BLUR_SIGMA)) * w / sc.STILL_WIDTH,
    }
    pic = sc.pick(rng, pics) if kind == "paste" else None
    picture = _call_picture(pic, (w, h), rng) if pic is not None else None
    strays: list[tuple[float, float]] = []
    frames = list(_call_clip_frames(scene, picture, rng, kind, fps, params, strays))
    grain = f"webcam gain {params['gain']:.1f}; person sways {params['sway']:.0f} px"
    if kind == "plain":
        gen_name, must, must_not = "webcam_clip_v2", [], [DETECTED, EDGE]
        about = f"the real photo as a webcam clip, nothing pasted ({grain})"
    else:
        offset = float(np.median([o for o, _ in strays]))
        stray = float(np.median([s for _, s in strays]))
        visible = _strays_visibly(offset, stray)
        clean = (
            _lies_clean(offset, stray)
            and params["side"] >= CALL_CLEAN_MASK_SIDE
            and params["feather"] <= CALL_CLEAN_FEATHER
        )
        app = (
            f"the app's matte from the square selfie model at {params['side']} px, smoothed "
            f"{params['smoothing']:.2f} over time, cut at {params['threshold']:.2f}, grown "
            f"{params['grow']:+d} px, feather {params['feather']:.1f}; outline "
            f"{offset:+.1f} px off, strays {stray:.1f} px"
        )
        if kind == "blur":
            gen_name, must = "bgblur_call_clip_v2", []
            must_not = [DETECTED] + ([EDGE] if clean else [])
            about = f"background blur by the app, sigma {params['room_sigma']:.0f} px; {app}"
        else:
            gen_name = "vb_call_clip_v2"
            must = [DETECTED] + ([EDGE] if visible else [])
            must_not = [EDGE] if clean and not visible else []
            about = f"a call app's virtual background; {app}; picture {sc.about_picture(pic)}"
        about = f"{about}; {grain}"
    return sc.clip_record(out_dir, CLIP_SET_FAMILY, name, iter(frames), fps, subject=subject,
                          generator=gen_name, must=must, must_not=must_not,
                          about=f"{about}; {w}x{h} {CLIP_SECONDS:g} s")  # fmt: skip


def build_clips(
    out_dir: Path, sources: list[dict], rng_seed: int, *, subjects: list | None = None
) -> list[dict]:
    """Write the v2 clip set (one VB clip per clip-sized subject, and negatives); records."""
    subs = subjects if subjects is not None else sc.clip_subjects(sc.subjects(sources))
    pics = _pictures(sources)
    records: list[dict] = []
    for k, subject in enumerate(subs):
        rng = sc.family_rng(rng_seed, CLIP_SET_FAMILY, "vb", k, subject.group)
        if k % 2:
            gen_name = CLIP_SET_V1_KINDS[(k // 2) % len(CLIP_SET_V1_KINDS)]
            name = f"{gen_name}_s{k:02d}_{subject.name}"
            records.append(_v1_clip(out_dir, subject, gen_name, name, pics, rng))
        else:
            name = f"vb_call_clip_v2_s{k:02d}_{subject.name}"
            records.append(_call_clip(out_dir, subject, "paste", name, pics, rng))
        negative = k % CLIP_SET_NEGATIVE_EVERY
        if negative == 2:
            continue
        rng = sc.family_rng(rng_seed, CLIP_SET_FAMILY, "negative", k, subject.group)
        if negative == 1:
            name = f"webcam_clip_v2_s{k:02d}_{subject.name}"
            records.append(_call_clip(out_dir, subject, "plain", name, pics, rng))
        elif (k // CLIP_SET_NEGATIVE_EVERY) % 2:
            name = f"bgblur_clip_v1_s{k:02d}_{subject.name}"
            records.append(_v1_clip(out_dir, subject, "bgblur_clip_v1", name, pics, rng))
        else:
            name = f"bgblur_call_clip_v2_s{k:02d}_{subject.name}"
            records.append(_call_clip(out_dir, subject, "blur", name, pics, rng))
    return records


def build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    """Write the virtual-background stills and clips; return their manifest records."""
    try:
        out_dir = Path(out_dir)
        return (
            _build(out_dir, sources, rng_seed)
            + build_call(out_dir, sources, rng_seed)
            + build_paste(out_dir, sources, rng_seed)
            + build_clips(out_dir, sources, rng_seed)
        )
    finally:
        sc.close_perception()


def _build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    out_dir = Path(out_dir)
    subs = sc.subjects(sources)
    if not subs:
        return []
    pics = _pictures(sources)
    records: list[dict] = []
    for gen_name, gen in STILL_GENERATORS.items():
        for k in range(STILLS_PER_GENERATOR):
            subject = sc.subject_for(subs, gen_name, k)
            rng = sc.family_rng(rng_seed, FAMILY, gen_name, k, subject.group)
            st = sc.stage(subject, sc.STILL_WIDTH, face_share=float(rng.uniform(0.22, 0.4)))
            h, w = st.mask.shape
            pic = sc.pick(rng, pics)
            bg = _pasted(pic, (w, h), rng)
            linear, must, must_not, about = gen(st, bg, rng)
            image, quality = _finish(linear, rng)
            name = f"{gen_name}_{k:02d}_{subject.name}"
            where = "" if gen_name in NO_PICTURE else f"; picture {sc.about_picture(pic)}"
            records.append(
                sc.still_record(out_dir, FAMILY, name, image, quality, subject=subject,
                                generator=gen_name, must=must, must_not=must_not,
                                about=f"{about}{where}")
            )  # fmt: skip
    for gen_name in CLIP_GENERATORS:
        for k in range(CLIPS_PER_GENERATOR):
            subject = sc.subject_for(subs, gen_name, k)
            rng = sc.family_rng(rng_seed, FAMILY, gen_name, k, subject.group)
            name = f"{gen_name}_{k:02d}_{subject.name}"
            records.append(_v1_clip(out_dir, subject, gen_name, name, pics, rng))
    return records


def _v1_clip(
    out_dir: Path,
    subject: sc.Subject,
    gen_name: str,
    name: str,
    pics: list[sc.Picture],
    rng: np.random.Generator,
) -> dict:
    """Write one clip of a v1 clip generator (CLIP_GENERATORS) on ``subject``; its record."""
    kind, must, must_not = CLIP_GENERATORS[gen_name]
    fps = float(sc.pick(rng, (15.0, 30.0)))
    st = sc.stage(
        subject, sc.CLIP_SIZE[0], aspect=16 / 9, face_share=float(rng.uniform(0.22, 0.32))
    )
    h, w = st.mask.shape
    pic = sc.pick(rng, pics)
    params: dict = {"quality": sc.jpeg_quality(rng)}
    if kind == "lag":
        params.update(
            amp=float(rng.uniform(*LAG_MOTION_PX)),
            hz=float(rng.uniform(*LAG_MOTION_HZ)),
            lag=int(rng.integers(LAG_FRAMES[0], LAG_FRAMES[1] + 1) * fps / 30),
        )
        params["lag"] = max(2, params["lag"])
        about = (
            f"mask lags the moving head by {params['lag']} frames at {fps:g} fps "
            f"(head sways {params['amp']:.0f} px)"
        )
    elif kind == "flicker":
        params.update(amp=1.5, hz=0.3)
        about = (
            "person sits still; the low-resolution mask's threshold and offset change every frame"
        )
    elif kind == "good":
        params.update(amp=float(rng.uniform(4, 12)), hz=0.4)
        about = "a soft mask that follows the person over a still pasted picture"
    else:
        params.update(
            amp=float(rng.uniform(4, 12)),
            hz=0.4,
            sigma=float(rng.uniform(*BLUR_SIGMA)) * 2 / 3,
        )
        about = (
            f"background blur done well: the room blurred sigma {params['sigma']:.0f} "
            "px, soft mask following"
        )
    bg = _pasted(pic, (w, h), rng) if kind != "blur" else None
    frames = _clip_frames(st, bg, rng, kind, fps, params)
    where = "" if kind == "blur" else f"; picture {sc.about_picture(pic)}"
    return sc.clip_record(out_dir, FAMILY, name, frames, fps, subject=subject,
                          generator=gen_name, must=must, must_not=must_not,
                          about=f"{about}; {w}x{h} {CLIP_SECONDS:g} s{where}")  # fmt: skip


def append_call_cases(
    out_dir: Path, rng_seed: int, builder: Callable[..., list[dict]] | None = None
) -> int:
    """Add the call-pipeline cases (or ``builder``'s, e.g. :func:`build_paste`) to an existing
    corpus: write them, append their records.

    The same function the corpus builder runs (through :func:`build`), so a full rebuild makes
    the same files; this only spares the 25 minutes of rebuilding everything. Records of files
    already in the manifest are replaced. Returns the number of cases written.
    """
    import os
    import sys

    scripts = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(scripts))
    import build_corpus
    import real_build

    out_dir = Path(out_dir).resolve()
    # Where the builder keeps the downloaded pictures (build_corpus.main sets the same).
    os.environ.setdefault("CAMCHECK_SYNTH_CACHE", str(out_dir / "cache" / "synth-sources"))
    old = build_corpus.read_manifest(out_dir)
    real = [r for r in old if r.get("real")]
    try:
        made = (builder or build_call)(out_dir, real_build.subject_sources(real, out_dir), rng_seed)
    finally:
        sc.close_perception()
    new = build_corpus.finish(made, out_dir)
    files = {r["file"] for r in new}
    kept = [r for r in old if r["file"] not in files]
    build_corpus.write_manifest(out_dir, kept + new)
    return len(new)


def private_clip_cases(root: Path, shared: Path, rng_seed: int, limit: int | None = None) -> int:
    """Write the v2 clip set into ``root``/new for a helper's private corpus (see the brief's
    CORPUS_PRIVATE): records go to ``root``/new_records.jsonl, and ``root``/manifest.jsonl
    becomes the shared manifest plus them. Subjects come from ``shared``'s real photos."""
    import json
    import os
    import sys

    scripts = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(scripts))
    import build_corpus
    import real_build

    root, shared = Path(root).resolve(), Path(shared).resolve()
    os.environ.setdefault("CAMCHECK_SYNTH_CACHE", str(shared / "cache" / "synth-sources"))
    old = build_corpus.read_manifest(shared)
    sources = real_build.subject_sources([r for r in old if r.get("real")], shared)
    try:
        subs = sc.clip_subjects(sc.subjects(sources))
        made = build_clips(root / "new", sources, rng_seed, subjects=subs[:limit])
    finally:
        sc.close_perception()
    new = build_corpus.finish(made, root / "new")
    for rec in new:
        rec["file"] = f"new/{rec['file']}"
    with (root / "new_records.jsonl").open("w") as fh:
        for rec in new:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    build_corpus.write_manifest(root, old + new)
    return len(new)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="add the vb_call_v2 (--paste: vb_paste_v1) cases")
    parser.add_argument("--out", type=Path, required=True, help="the corpus folder")
    parser.add_argument("--seed", type=int, default=None, help="default: the builder's")
    parser.add_argument(
        "--clips-from",
        type=Path,
        default=None,
        help="write the v2 clip set into OUT/new instead, subjects from this corpus",
    )
    parser.add_argument("--limit", type=int, default=None, help="at most this many subjects")
    parser.add_argument(
        "--paste", action="store_true", help="add the vb_paste_v1 cases instead of vb_call_v2"
    )
    args = parser.parse_args()
    if args.seed is None:
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from build_corpus import DEFAULT_SEED

        args.seed = DEFAULT_SEED
    if args.clips_from is not None:
        made = private_clip_cases(args.out, args.clips_from, args.seed, args.limit)
        print(f"{made} clips written")
    else:
        builder = build_paste if args.paste else None
        print(f"{append_call_cases(args.out, args.seed, builder)} cases written")
