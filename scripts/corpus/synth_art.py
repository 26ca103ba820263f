"""Colourful art drawn from scratch on the wall behind a real person (issue 13), and its muted twin.

An independent second generator for background.distracting_color: synth_background's
posters are crops of packaged photos on a painted wall; here the art is painted by code
(a grid of primaries after Mondrian, circles and rings after Kandinsky, bold stripes,
a child's crayon scribbles) and hung in the subject's *own* photographed room as often as
on a painted wall, framed or unframed, at a slight angle, partly hidden behind the person.
The negatives are the same pictures printed muted (grey, sepia or pastel at low chroma)
on a plain painted wall: one calm picture must not read as distracting colour.

Labels: the colourful art is a must for distracting_color; in the subject's own room
nothing else is labelled (the room may be busy or colourful by itself), on a painted wall
clutter is a must-not. Every case is a must-not for face.not_found.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import cv2
import numpy as np
import synth_background as sb
import synth_common as sc

FAMILY = "art"
COLOR = sb.COLOR
CLUTTER = sb.CLUTTER
NOFACE = sb.NOFACE

CASES_PER_GENERATOR = 8
# Art width as a share of the frame width: a picture on the wall beside the head at a
# webcam's distance (A3 to A1 at 1.5 to 2.5 m behind the person).
ART_WIDTH = (0.16, 0.32)
# Saturated paint colours in sRGB (red, yellow, blue, green, orange, magenta, cyan, violet).
PAINTS = (
    (220, 30, 35), (250, 205, 20), (20, 60, 190), (30, 160, 60),
    (245, 120, 20), (210, 30, 140), (20, 170, 200), (120, 40, 170),
)  # fmt: skip
# A muted print: its colours pulled to grey by this factor (chroma kept 0 to 15%).
MUTED_CHROMA = (0.0, 0.15)
# Draws of one style to reach MIN_POSTER_COLOURFULNESS before the last one is taken.
ART_TRIES = 8
# The share of an art piece hidden behind the person at most (synth_background's rule).
MAX_HIDDEN_SHARE = sb.MAX_HIDDEN_SHARE


def _paint(rng: np.random.Generator, n: int) -> list[np.ndarray]:
    idx = rng.choice(len(PAINTS), size=n, replace=n > len(PAINTS))
    return [np.array(PAINTS[i], np.float32) for i in idx]


def art_grid(size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """Rectangles of primaries and white between black bars (sRGB uint8)."""
    w, h = size
    img = np.full((h, w, 3), 240, np.float32)
    xs = np.sort(rng.uniform(0.1, 0.9, int(rng.integers(2, 5)))) * w
    ys = np.sort(rng.uniform(0.1, 0.9, int(rng.integers(2, 5)))) * h
    cols = [0, *map(int, xs), w]
    rows = [0, *map(int, ys), h]
    colours = _paint(rng, (len(cols) - 1) * (len(rows) - 1))
    k = 0
    for r0, r1 in itertools.pairwise(rows):
        for c0, c1 in itertools.pairwise(cols):
            if rng.random() < 0.55:
                img[r0:r1, c0:c1] = colours[k]
            k += 1
    bar = max(2, w // 40)
    for x in cols[1:-1]:
        img[:, max(0, x - bar // 2) : x + bar // 2 + 1] = 15
    for y in rows[1:-1]:
        img[max(0, y - bar // 2) : y + bar // 2 + 1, :] = 15
    return img.astype(np.uint8)


def art_circles(size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """Coloured circles and rings on a tinted ground."""
    w, h = size
    ground = _paint(rng, 1)[0] * 0.35 + 140
    img = np.empty((h, w, 3), np.float32)
    img[...] = ground
    for colour in _paint(rng, int(rng.integers(5, 10))):
        centre = (int(rng.uniform(0, w)), int(rng.uniform(0, h)))
        radius = int(rng.uniform(0.08, 0.3) * min(w, h))
        thick = -1 if rng.random() < 0.6 else max(2, radius // 4)
        cv2.circle(img, centre, radius, colour.tolist(), thick, lineType=cv2.LINE_AA)
    return np.clip(img, 0, 255).astype(np.uint8)


def art_stripes(size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """Bold diagonal or vertical stripes of paint."""
    w, h = size
    n = int(rng.integers(4, 9))
    colours = _paint(rng, n)
    angle = float(rng.choice([0.0, 30.0, 45.0, -45.0]))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = np.cos(np.radians(angle)) * xx + np.sin(np.radians(angle)) * yy
    band = ((t - t.min()) / (np.ptp(t) + 1e-6) * n).astype(int).clip(0, n - 1)
    img = np.stack(colours)[band]
    return img.astype(np.uint8)


def art_scribble(size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """A child's crayon drawing: thick coloured scribbles, a sun, on white paper."""
    w, h = size
    img = np.full((h, w, 3), 245, np.float32)
    for colour in _paint(rng, int(rng.integers(4, 8))):
        pts = np.cumsum(rng.normal(0, 0.12 * min(w, h), (int(rng.integers(6, 14)), 2)), axis=0)
        pts += (rng.uniform(0.2 * w, 0.8 * w), rng.uniform(0.2 * h, 0.8 * h))
        pts = np.clip(pts, 0, (w - 1, h - 1)).astype(np.int32)
        cv2.polylines(img, [pts], False, colour.tolist(), max(3, w // 25), lineType=cv2.LINE_AA)
    sun = _paint(rng, 1)[0]
    cv2.circle(img, (int(w * 0.8), int(h * 0.2)), max(4, w // 9), sun.tolist(), -1)
    # A crayon fills the lines' centres thickly and the paper shows through at their edges.
    return np.clip(cv2.GaussianBlur(img, (0, 0), 0.8), 0, 255).astype(np.uint8)


ART = {"grid": art_grid, "circles": art_circles, "stripes": art_stripes, "scribble": art_scribble}


def muted(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The same picture printed with little colour: grey, sepia or pastel."""
    lin = sc.to_linear(image)
    grey = sc.luminance(lin)[..., None]
    keep = float(rng.uniform(*MUTED_CHROMA))
    tint = np.array(sc.pick(rng, [(1, 1, 1), (1.08, 1.0, 0.86), (0.96, 1.0, 1.04)]), np.float32)
    out = grey * tint * (1 - keep) + lin * keep
    # A print is lighter and flatter than paint.
    out = 0.25 + 0.6 * out
    return sc.to_srgb(np.clip(out, 0, 1))


def _spot(st: sc.Staged, rng: np.random.Generator, iw: int, ih: int) -> tuple[int, int, str]:
    where = str(sc.pick(rng, ["beside", "shoulder", "corner"]))
    x, y = sb.spot_beside(st, rng, iw, ih, where)
    if sb.hidden_share(st, x, y, iw, ih) > MAX_HIDDEN_SHARE:
        where = "corner"
        x, y = sb.spot_beside(st, rng, iw, ih, where)
    return x, y, where


def _hang(bg: np.ndarray, item: np.ndarray, x: int, y: int, rng: np.random.Generator) -> np.ndarray:
    """Hang ``item`` (linear) on ``bg`` at (x, y), turned a little (perspective), with a
    soft shadow: the wall seen from a webcam is rarely square on."""
    h, w = bg.shape[:2]
    ih, iw = item.shape[:2]
    skew = ih * float(rng.uniform(-0.08, 0.08))
    src = np.float32([[0, 0], [iw, 0], [iw, ih], [0, ih]])
    dst = np.float32([[x, y], [x + iw, y + skew], [x + iw, y + ih - skew], [x, y + ih]])
    matrix = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(item, matrix, (w, h), flags=cv2.INTER_LINEAR)
    cover = cv2.warpPerspective(np.ones((ih, iw), np.float32), matrix, (w, h))
    off = max(2, iw // 40)
    shade = sc.gaussian(np.roll(np.roll(cover, off, 0), off, 1), off * 1.5)
    out = bg * (1 - 0.3 * shade * (1 - cover))[..., None]
    cover = sc.gaussian(cover, 0.7)[..., None]
    return warped * cover + out * (1 - cover)


def _case(
    st: sc.Staged, rng: np.random.Generator, style: str, colourful: bool, own_room: bool
) -> tuple[np.ndarray, list[str], list[str], str]:
    h, w = st.mask.shape
    iw = int(w * rng.uniform(*ART_WIDTH))
    ih = int(iw * rng.uniform(0.7, 1.4))
    art = ART[style]((iw, ih), rng)
    # Colourful art must be colourful to a person: redraw until its colourfulness reaches
    # synth_background's poster limit (a grid left mostly white read as a plain print).
    for _ in range(ART_TRIES):
        if sc.colourfulness(art) >= sb.MIN_POSTER_COLOURFULNESS:
            break
        art = ART[style]((iw, ih), rng)
    if not colourful:
        art = muted(art, rng)
    m = sc.colourfulness(art)
    item = sb.framed(art, iw, ih, rng, frame=bool(rng.random() < 0.6))
    if own_room:
        bg, wall = sc.to_linear(st.rgb), "the photo's own room"
    else:
        name = str(sc.pick(rng, sb.NEUTRAL_WALLS))
        bg, wall = sb.wall((w, h), sb.WALLS[name], rng), f"a {name} wall"
    x, y, where = _spot(st, rng, item.shape[1], item.shape[0])
    bg = _hang(bg, item, x, y, rng)
    out = sb.place_person(st, bg)
    hidden = sb.hidden_share(st, x, y, item.shape[1], item.shape[0])
    kind = "colourful" if colourful else "muted"
    about = f"{kind} {style} art (M {m:.0f}) {where} the head on {wall}, {hidden:.0%} hidden"
    if colourful:
        must, must_not = [COLOR], [NOFACE] if own_room else [CLUTTER, NOFACE]
    else:
        must, must_not = [], [COLOR, CLUTTER, NOFACE]
    return out, must, must_not, about


def _gen(style: str | None, colourful: bool) -> sb.Gen:
    """A generator of one art style (None: a style drawn per case) for build_stills."""

    def gen(st: sc.Staged, rng: np.random.Generator) -> sb.Result:
        # Half the colourful art hangs in the photo's own room, which is kept as
        # photographed (setting the person back would smear its edges); on a painted wall
        # the person is set back as synth_background does.
        own_room = colourful and bool(rng.random() < 0.5)
        if not own_room:
            st = sb.set_back(st, rng)
        chosen = style or str(sc.pick(rng, list(ART)))
        return _case(st, rng, chosen, colourful, own_room)

    return gen


GENERATORS: dict[str, tuple[sb.Gen, int]] = {
    "art_grid_v1": (_gen("grid", True), CASES_PER_GENERATOR),
    "art_circles_v1": (_gen("circles", True), CASES_PER_GENERATOR),
    "art_stripes_v1": (_gen("stripes", True), CASES_PER_GENERATOR),
    "art_scribble_v1": (_gen("scribble", True), CASES_PER_GENERATOR),
    "art_muted_v1": (_gen(None, False), CASES_PER_GENERATOR),
}


def build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    """Write the art stills; return their manifest records."""
    try:
        return sb.build_stills(Path(out_dir), sources, rng_seed, FAMILY, GENERATORS, zoom=False)
    finally:
        sc.close_perception()
