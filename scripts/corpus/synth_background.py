"""Synthetic background cases (issue 13): colourful art, busy walls, plain walls, blur.

A real person (cut out with a soft matte pulled in 2 px, so no halo of the photo's own room
shows) sits in front of a wall built in linear light: a painted wall with a light falloff,
and on it a colourful poster, an unframed canvas or a banner (distracting colour), a gallery
wall of many small frames, bookshelves or a real busy room (clutter), or nothing, one muted
picture, a blurred room or bokeh (calm). One sensor noise and one JPEG over the whole frame,
so the composite does not look pasted (virtual_background is not labelled either way).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import synth_common as sc

FAMILY = "background"
COLOR = "background.distracting_color"
CLUTTER = "background.cluttered"
NOFACE = "face.not_found"

# Cases per generator: positives get more, so each id has 27 over three generators and
# about 8 land on the held-out side.
POSITIVE_CASES = 9
NEGATIVE_CASES = 5
# Packaged pictures colourful enough to be a distracting poster (colourfulness M of the
# crop, Hasler-Suesstrunk: above about 60 reads "quite colourful" to people).
# (Flat blue wallpapers were left out: a plain blue panel on the sheet looked like a door or
# a screen, not like art.)
POSTER_KEYS = ("citrus", "chameleon", "flower", "bee", "debian_joy", "china", "castle")
MIN_POSTER_COLOURFULNESS = 55.0
# Poster size as a share of the frame width (a poster beside a head at a webcam's distance).
POSTER_WIDTH = (0.2, 0.32)
# Real busy rooms (a garage full of things) for clutter, and the same blurred for calm.
BUSY_KEYS = ("motorcycle_left", "motorcycle_right")
# Background blur as a call app or a shallow depth of field does it (sigma px at 960 px).
BLUR_SIGMA = (10.0, 24.0)
# Painted wall colours (linear reflectance under the room's light): neutrals and saturated.
WALLS = {
    "white": (0.55, 0.55, 0.52),
    "warm white": (0.5, 0.45, 0.36),
    "light grey": (0.3, 0.3, 0.3),
    "beige": (0.42, 0.34, 0.22),
    "saturated blue": (0.04, 0.1, 0.35),
    "teal": (0.03, 0.2, 0.2),
    "sage green": (0.16, 0.24, 0.13),
    "mustard yellow": (0.45, 0.32, 0.04),
    "terracotta": (0.38, 0.11, 0.05),
    "dark grey": (0.05, 0.05, 0.055),
}
NEUTRAL_WALLS = ("white", "warm white", "light grey", "beige")


def wall(
    size: tuple[int, int], colour: tuple[float, float, float], rng: np.random.Generator
) -> np.ndarray:
    """A painted wall: one colour, a gentle falloff from a light above, faint roughness."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0.2 * w, 0.8 * w), rng.uniform(-1.5 * h, -0.3 * h)
    fall = 1.0 / (1.0 + ((xx - cx) ** 2 + (yy - cy) ** 2) / (2.0 * max(w, h)) ** 2)
    fall /= fall.mean()
    rough = sc.gaussian(rng.standard_normal((h, w)).astype(np.float32), 1.5) * 0.015
    return (fall * (1 + rough))[..., None] * np.array(colour, np.float32)


def _shadowed_paste(
    canvas: np.ndarray, item: np.ndarray, x: int, y: int, *, shadow: float = 0.35
) -> None:
    """Put ``item`` (linear) on ``canvas`` at (x, y), with a soft drop shadow, clipped."""
    h, w = canvas.shape[:2]
    ih, iw = item.shape[:2]
    off = max(2, iw // 40)
    shade = np.zeros((h, w), np.float32)
    x0, y0, x1, y1 = max(0, x + off), max(0, y + off), min(w, x + iw + off), min(h, y + ih + off)
    if x1 > x0 and y1 > y0:
        shade[y0:y1, x0:x1] = 1.0
        shade = sc.gaussian(shade, off * 1.5)
        canvas *= (1 - shadow * shade)[..., None]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(w, x + iw), min(h, y + ih)
    if x1 > x0 and y1 > y0:
        canvas[y0:y1, x0:x1] = item[y0 - y : y1 - y, x0 - x : x1 - x]


def framed(
    pic: np.ndarray, width: int, height: int, rng: np.random.Generator, *, frame: bool = True
) -> np.ndarray:
    """A print of ``pic`` (sRGB) at width x height, in a thin frame with a mat, linear light."""
    face = sc.to_linear(
        sc.cover(pic, (width, height), focus=(rng.uniform(0.2, 0.8), rng.uniform(0.2, 0.8)))
    )
    face *= float(rng.uniform(0.7, 0.95))  # a print reflects less than the light falling on it
    if not frame:
        return face
    border = max(3, width // 18)
    colour = np.array(
        sc.pick(rng, [(0.02, 0.02, 0.02), (0.6, 0.6, 0.58), (0.2, 0.12, 0.06)]), np.float32
    )
    out = np.empty((height + 2 * border, width + 2 * border, 3), np.float32)
    out[...] = colour
    out[border:-border, border:-border] = face
    return out


def _colourful_crop(
    rng: np.random.Generator, pics: list[sc.Picture], size: tuple[int, int]
) -> tuple[np.ndarray, sc.Picture, float]:
    """A crop of a packaged picture that is colourful enough to distract, and its M."""
    best = None
    for _ in range(12):
        pic = sc.pick(rng, pics)
        crop = sc.cover(pic.image, size, focus=(rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.9)))
        m = sc.colourfulness(crop)
        if best is None or m > best[2]:
            best = (crop, pic, m)
        if m >= MIN_POSTER_COLOURFULNESS:
            break
    assert best is not None
    return best


def place_person(st: sc.Staged, background: np.ndarray) -> np.ndarray:
    """The staged person over ``background`` (linear), with a slightly eroded, soft edge."""
    alpha = sc.gaussian(sc.erode(sc.hard(st.mask), 2), 1.2)
    return sc.composite(sc.to_linear(st.rgb), background, alpha)


def spot_beside(
    st: sc.Staged, rng: np.random.Generator, item_w: int, item_h: int, where: str
) -> tuple[int, int]:
    """Top-left corner for an item beside the head, behind a shoulder or in a top corner."""
    h, w = st.mask.shape
    fx, fy, fw, fh = st.face
    left_room = fx
    right_room = w - (fx + fw)
    side = "left" if left_room > right_room else "right"
    if where == "beside":
        y = int(fy + fh * rng.uniform(-0.3, 0.2))
        x = int(fx - fw * 0.35 - item_w) if side == "left" else int(fx + fw * 1.35)
    elif where == "shoulder":
        y = int(fy + fh * rng.uniform(0.6, 1.0))
        x = (
            int(fx - item_w * rng.uniform(0.3, 0.6))
            if side == "left"
            else int(fx + fw - item_w * rng.uniform(0.2, 0.5))
        )
    else:  # a top corner
        y = int(h * rng.uniform(0.02, 0.08))
        x = (
            int(w * rng.uniform(0.02, 0.06))
            if side == "left"
            else int(w * rng.uniform(0.94, 0.98) - item_w)
        )
    return int(np.clip(x, 0, w - item_w // 2)), int(np.clip(y, 0, h - item_h // 2))


# A poster more than this share hidden behind the person (or off the frame) is no longer
# plainly "a colourful poster" to a person looking: it moves to a corner.
MAX_HIDDEN_SHARE = 0.4


def hidden_share(st: sc.Staged, x: int, y: int, iw: int, ih: int) -> float:
    """Share of an item's rectangle at (x, y), iw x ih px, that the person covers."""
    h, w = st.mask.shape
    x0, y0, x1, y1 = max(0, x), max(0, y), min(w, x + iw), min(h, y + ih)
    if x1 <= x0 or y1 <= y0:
        return 1.0
    seen = float((st.mask[y0:y1, x0:x1] < 0.5).sum())
    return 1.0 - seen / float(iw * ih)


Result = tuple[np.ndarray, list[str], list[str], str]
Gen = Callable[[sc.Staged, np.random.Generator], Result]


def _neutral_wall(st: sc.Staged, rng: np.random.Generator) -> tuple[np.ndarray, str]:
    name = str(sc.pick(rng, NEUTRAL_WALLS))
    h, w = st.mask.shape
    return wall((w, h), WALLS[name], rng), name


def gen_poster(st: sc.Staged, rng: np.random.Generator) -> Result:
    w = st.mask.shape[1]
    bg, wall_name = _neutral_wall(st, rng)
    pw = int(w * rng.uniform(*POSTER_WIDTH))
    ph = int(pw * rng.uniform(0.75, 1.4))
    crop, pic, m = _colourful_crop(rng, [sc.picture(k) for k in POSTER_KEYS], (pw, ph))
    item = framed(crop, pw, ph, rng)
    where = str(sc.pick(rng, ["beside", "shoulder", "corner"]))
    x, y = spot_beside(st, rng, item.shape[1], item.shape[0], where)
    if hidden_share(st, x, y, item.shape[1], item.shape[0]) > MAX_HIDDEN_SHARE:
        where = "corner"
        x, y = spot_beside(st, rng, item.shape[1], item.shape[0], where)
    _shadowed_paste(bg, item, x, y)
    out = place_person(st, bg)
    hidden = hidden_share(st, x, y, item.shape[1], item.shape[0])
    about = (
        f"a colourful framed poster ({pic.key}, M {m:.0f}) {where} the head on a {wall_name} "
        f"wall, {hidden:.0%} of it hidden"
    )
    return out, [COLOR], [CLUTTER, NOFACE], about


def gen_canvas(st: sc.Staged, rng: np.random.Generator) -> Result:
    """An unframed canvas seen at an angle (perspective), cut by the frame's edge."""
    h, w = st.mask.shape
    bg, wall_name = _neutral_wall(st, rng)
    pw = int(w * rng.uniform(0.22, 0.34))
    ph = int(pw * rng.uniform(0.8, 1.2))
    crop, pic, m = _colourful_crop(rng, [sc.picture(k) for k in POSTER_KEYS], (pw, ph))
    canvas = framed(crop, pw, ph, rng, frame=False)
    # Lit from above: the canvas's top a little brighter.
    canvas *= np.linspace(1.08, 0.92, ph, dtype=np.float32)[:, None, None]
    side = 1 if st.face[0] + st.face[2] / 2 < w / 2 else -1
    x0 = int(w * rng.uniform(0.66, 0.78)) if side == 1 else int(w * rng.uniform(0.0, 0.1))
    y0 = int(h * rng.uniform(0.0, 0.25))
    skew = ph * rng.uniform(0.05, 0.12)
    src = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
    dst = np.float32(
        [[x0, y0], [x0 + pw, y0 + skew * side], [x0 + pw, y0 + ph - skew * side], [x0, y0 + ph]]
    )
    matrix = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(canvas, matrix, (w, h), flags=cv2.INTER_LINEAR)
    cover = cv2.warpPerspective(np.ones((ph, pw), np.float32), matrix, (w, h))
    cover = sc.gaussian(cover, 0.8)[..., None]
    bg = warped * cover + bg * (1 - cover * 0.0) * (1 - cover)
    out = place_person(st, bg)
    about = (
        f"an unframed colourful canvas ({pic.key}, M {m:.0f}) at an angle near the edge, "
        f"{wall_name} wall"
    )
    return out, [COLOR], [CLUTTER, NOFACE], about


def gen_banner(st: sc.Staged, rng: np.random.Generator) -> Result:
    """A hanging textile banner with folds, beside the person."""
    h, w = st.mask.shape
    bg, wall_name = _neutral_wall(st, rng)
    bw = int(w * rng.uniform(0.12, 0.2))
    bh = int(h * rng.uniform(0.55, 0.85))
    crop, pic, m = _colourful_crop(rng, [sc.picture(k) for k in POSTER_KEYS], (bw, bh))
    cloth = sc.to_linear(crop) * 0.85
    folds = 1 + 0.12 * np.sin(np.linspace(0, rng.uniform(6, 12) * np.pi, bw, dtype=np.float32))
    cloth *= folds[None, :, None]
    x, _ = spot_beside(st, rng, bw, bh, "beside")
    _shadowed_paste(bg, cloth, x, int(h * rng.uniform(0.0, 0.08)), shadow=0.25)
    out = place_person(st, bg)
    about = f"a colourful hanging banner ({pic.key}, M {m:.0f}) beside the person, {wall_name} wall"
    return out, [COLOR], [NOFACE], about


def gen_plainwall(st: sc.Staged, rng: np.random.Generator) -> Result:
    h, w = st.mask.shape
    name = str(sc.pick(rng, list(WALLS)))
    out = place_person(st, wall((w, h), WALLS[name], rng))
    return out, [], [COLOR, CLUTTER, NOFACE], f"an evenly painted {name} wall"


def gen_onepicture(st: sc.Staged, rng: np.random.Generator) -> Result:
    w = st.mask.shape[1]
    bg, wall_name = _neutral_wall(st, rng)
    pw = int(w * rng.uniform(0.1, 0.16))
    ph = int(pw * rng.uniform(0.75, 1.3))
    pic = sc.picture(str(sc.pick(rng, ("castle", "bridge", "rocket", "coffee", "china"))))
    # A muted print: a black-and-white or sepia photo, no colour to distract.
    crop = sc.cover(pic.image, (pw, ph))
    grey = cv2.cvtColor(cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)
    sepia = bool(rng.random() < 0.5)
    if sepia:
        grey = np.clip(grey.astype(np.float32) * np.array([1.07, 0.98, 0.82]), 0, 255).astype(
            np.uint8
        )
    item = framed(grey, pw, ph, rng)
    where = str(sc.pick(rng, ["beside", "corner"]))
    x, y = spot_beside(st, rng, item.shape[1], item.shape[0], where)
    _shadowed_paste(bg, item, x, y)
    out = place_person(st, bg)
    kind = "sepia" if sepia else "black-and-white"
    return (
        out,
        [],
        [COLOR, CLUTTER, NOFACE],
        f"a plain {wall_name} wall with one small {kind} print",
    )


def gen_gallery(st: sc.Staged, rng: np.random.Generator) -> Result:
    h, w = st.mask.shape
    bg, wall_name = _neutral_wall(st, rng)
    keys = [k for k, *_ in sc._PICTURES]
    count = 0
    target = int(rng.integers(12, 26))
    cell = w / rng.uniform(6.0, 8.0)
    for gy in np.arange(h * 0.03, h * 0.9, cell * 0.95):
        for gx in np.arange(w * 0.02, w * 0.97, cell):
            if count >= target * 2 or rng.random() < 0.25:
                continue
            pw = int(cell * rng.uniform(0.45, 0.8))
            ph = int(pw * rng.uniform(0.7, 1.35))
            pic = sc.picture(str(sc.pick(rng, keys)))
            item = framed(pic.image, pw, ph, rng)
            jx, jy = rng.uniform(-0.1, 0.1, 2) * cell
            _shadowed_paste(bg, item, int(gx + jx), int(gy + jy), shadow=0.3)
            count += 1
    out = place_person(st, bg)
    return (
        out,
        [CLUTTER],
        [NOFACE],
        f"a gallery wall of {count} small framed pictures behind the person ({wall_name})",
    )


def gen_shelves(st: sc.Staged, rng: np.random.Generator) -> Result:
    h, w = st.mask.shape
    bg, _ = _neutral_wall(st, rng)
    wood = np.array(
        sc.pick(rng, [(0.25, 0.14, 0.06), (0.5, 0.42, 0.3), (0.06, 0.04, 0.03)]), np.float32
    )
    shelf_gap = int(h * rng.uniform(0.2, 0.3))
    board = max(6, h // 60)
    books = 0
    for top in range(int(h * 0.05), h, shelf_gap):
        x = int(rng.uniform(0, w * 0.05))
        while x < w:
            if rng.random() < 0.12:  # a gap or a small object
                x += int(rng.uniform(0.03, 0.08) * w)
                continue
            bw = int(rng.uniform(0.012, 0.035) * w)
            bh = int(shelf_gap * rng.uniform(0.55, 0.9))
            # Book covers: mostly muted colours, a few bright ones.
            grey = float(rng.uniform(0.03, 0.35))
            colour = np.array(grey * rng.uniform(0.5, 1.5, 3), np.float32)
            spine = np.ones((bh, bw, 3), np.float32) * colour
            spine *= (0.8 + 0.2 * np.sin(np.linspace(0, np.pi, bw, dtype=np.float32)))[
                None, :, None
            ]
            if rng.random() < 0.6:  # a title band on the spine
                y0 = int(bh * rng.uniform(0.1, 0.5))
                spine[y0 : y0 + max(2, bh // 12)] = rng.uniform(0.3, 0.8)
            bottom = top + shelf_gap - board
            _shadowed_paste(bg, spine, x, bottom - bh, shadow=0.2)
            x += bw + int(rng.integers(0, 3))
            books += 1
        bg[top + shelf_gap - board : top + shelf_gap] = wood
    out = place_person(st, bg)
    return out, [CLUTTER], [NOFACE], f"bookshelves full of books ({books} spines) behind the person"


def gen_busyroom(st: sc.Staged, rng: np.random.Generator) -> Result:
    h, w = st.mask.shape
    pic = sc.picture(str(sc.pick(rng, BUSY_KEYS)))
    room = sc.to_linear(sc.cover(pic.image, (w, h), focus=(rng.uniform(0.2, 0.8), 0.5)))
    out = place_person(st, room)
    return out, [CLUTTER], [NOFACE], f"a busy real room behind the person ({sc.about_picture(pic)})"


def gen_blurroom(st: sc.Staged, rng: np.random.Generator) -> Result:
    h, w = st.mask.shape
    pic = sc.picture(str(sc.pick(rng, BUSY_KEYS)))
    sigma = float(rng.uniform(*BLUR_SIGMA))
    room = sc.gaussian(sc.to_linear(sc.cover(pic.image, (w, h))), sigma)
    out = place_person(st, room)
    return out, [], [CLUTTER, NOFACE], f"the busy room blurred sigma {sigma:.0f} px ({pic.key})"


def gen_bokeh(st: sc.Staged, rng: np.random.Generator) -> Result:
    h, w = st.mask.shape
    bg, wall_name = _neutral_wall(st, rng)
    bg = bg * 0.5
    lights = np.zeros((h, w, 3), np.float32)
    radius = int(w * rng.uniform(0.02, 0.045))
    n = int(rng.integers(8, 20))
    for _ in range(n):
        cx, cy = int(rng.uniform(0, w)), int(rng.uniform(0, h * 0.7))
        colour = np.array(
            sc.pick(rng, [(1.0, 0.8, 0.5), (1.0, 0.9, 0.75), (0.9, 0.95, 1.0)]), np.float32
        )
        disc = np.zeros((h, w), np.float32)
        cv2.circle(disc, (cx, cy), radius, 1.0, -1)
        lights += sc.gaussian(disc, radius * 0.15)[..., None] * colour * rng.uniform(0.3, 0.9)
    bg = sc.gaussian(bg, 6.0) + lights
    out = place_person(st, bg)
    return (
        out,
        [],
        [CLUTTER, NOFACE],
        f"bokeh: {n} out-of-focus warm lights on a dim {wall_name} wall",
    )


GENERATORS: dict[str, tuple[Gen, int]] = {
    "bg_poster_v1": (gen_poster, POSITIVE_CASES),
    "bg_canvas_v1": (gen_canvas, POSITIVE_CASES),
    "bg_banner_v1": (gen_banner, POSITIVE_CASES),
    "bg_plainwall_v1": (gen_plainwall, NEGATIVE_CASES + 2),
    "bg_onepicture_v1": (gen_onepicture, NEGATIVE_CASES),
    "bg_gallery_v1": (gen_gallery, POSITIVE_CASES),
    "bg_shelves_v1": (gen_shelves, POSITIVE_CASES),
    "bg_busyroom_v1": (gen_busyroom, POSITIVE_CASES),
    "bg_blurroom_v1": (gen_blurroom, NEGATIVE_CASES),
    "bg_bokeh_v1": (gen_bokeh, NEGATIVE_CASES),
}
STILL_GENERATORS = {k: v[0] for k, v in GENERATORS.items()}


def build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    """Write the background stills; return their manifest records."""
    try:
        return _build(Path(out_dir), sources, rng_seed)
    finally:
        sc.close_perception()


def _build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    return build_stills(out_dir, sources, rng_seed, FAMILY, GENERATORS)


def set_back(st: sc.Staged, rng: np.random.Generator) -> sc.Staged:
    """The person a little further from the camera and off centre, as at a desk."""
    return sc.zoom_out(st, float(rng.uniform(0.6, 0.85)), x_shift=float(rng.uniform(-0.12, 0.12)))


def build_stills(
    out_dir: Path,
    sources: list[dict],
    rng_seed: int,
    family: str,
    generators: dict[str, tuple[Gen, int]],
    *,
    zoom: bool = True,
) -> list[dict]:
    """Stills of a background family: each generator's count of cases, one subject each,
    staged 16:9 (set back unless ``zoom`` is off: the generator then decides), finished as a
    webcam would (a little blur, sensor noise, one JPEG) and recorded."""
    subs = sc.subjects(sources)
    if not subs:
        return []
    records: list[dict] = []
    for gen_name, (gen, count) in generators.items():
        for k in range(count):
            subject = sc.subject_for(subs, gen_name, k)
            rng = sc.family_rng(rng_seed, family, gen_name, k, subject.group)
            st = sc.stage(subject, sc.STILL_WIDTH, aspect=16 / 9)
            if zoom:
                st = set_back(st, rng)
            linear, must, must_not, about = gen(st, rng)
            linear = sc.sensor_noise(sc.gaussian(linear, sc.WEBCAM_BLUR_SIGMA), rng)
            quality = sc.jpeg_quality(rng)
            image = sc.jpeg_roundtrip(sc.to_srgb(linear), quality)
            name = f"{gen_name}_{k:02d}_{subject.name}"
            records.append(
                sc.still_record(out_dir, family, name, image, quality, subject=subject,
                                generator=gen_name, must=must, must_not=must_not, about=about)
            )  # fmt: skip
    return records
