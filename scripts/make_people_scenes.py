"""Build a labelled development set of webcam-like stills for the background checks.

A person (cut out of a photo with the bundled segmentation model) sits before a wall:
neutral or strongly coloured, lit with a falloff, sometimes with a dark clamp or shadow at
the frame's edge; with a colourful poster beside the head, behind a shoulder or in a
corner, a grey print, a wall of many small framed pictures, shelves of books, a garage, a
blurred room or bokeh. Every parameter is drawn from a seeded generator, so the set is the
same on every run. Written to ``--out`` (default .cache/people-scenes) as JPEGs with a
``manifest.jsonl`` in the corpus's format (``must`` / ``must_not``; ``split`` by the hash of
the scene's group), so scripts/evaluate.py-like scoring works on it.

Sources: the fixture photos (scripts/make_fixtures.py's packages) and, when present, the
palapeli-data Debian package's collection photos (``--deb``: a folder holding the unpacked
package, as ``apt-get download palapeli-data && dpkg-deb -x palapeli-data_*.deb DIR``).

    python scripts/make_people_scenes.py [--cache DIR] [--deb DIR] [--out DIR] [--count N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import make_fixtures as base  # noqa: E402

SIZE = (960, 540)
PEOPLE = ("obama", "biden", "grace_hopper", "astronaut")
POSTER_KEYS = ("flower", "coffee", "china", "chelsea")
DEB_POSTERS = (
    "usr/share/palapeli/collection/citrus-fruits.jpg",
    "usr/share/palapeli/collection/panther-chameleon-female.jpg",
    "usr/share/palapeli/collection/european-honey-bee.jpg",
    "usr/share/palapeli/collection/castle-maintenon.jpg",
    "usr/share/palapeli/collection/cincinnati-bridge.jpg",
)
DC = "background.distracting_color"
CL = "background.cluttered"
IN = "background.intrusion"


def read(path: Path) -> np.ndarray:
    bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
    return base.shrink(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))


def fit(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    width, height = size
    scale = max(width / image.shape[1], height / image.shape[0])
    resized = cv2.resize(
        image,
        (max(width, round(image.shape[1] * scale)), max(height, round(image.shape[0] * scale))),
        interpolation=cv2.INTER_AREA,
    )
    y0 = (resized.shape[0] - height) // 2
    x0 = (resized.shape[1] - width) // 2
    return resized[y0 : y0 + height, x0 : x0 + width]


def colourfulness(image: np.ndarray) -> float:
    rgb = image.astype(np.float64)
    rg = rgb[..., 0] - rgb[..., 1]
    yb = 0.5 * (rgb[..., 0] + rgb[..., 1]) - rgb[..., 2]
    return float(np.hypot(rg.std(), yb.std()) + 0.3 * np.hypot(rg.mean(), yb.mean()))


def wall(rng: np.random.Generator, kind: str) -> np.ndarray:
    """A wall in linear light: a reflectance with a light falloff and a soft vignette."""
    width, height = SIZE
    if kind == "neutral":
        level = rng.uniform(0.08, 0.65)
        tint = 1 + rng.uniform(-0.06, 0.06, 3)
        rgb = level * tint
    else:
        hue = rng.uniform(0, 180)
        sat = rng.uniform(150, 255)
        val = rng.uniform(110, 230)
        hsv = np.uint8([[[hue, sat, val]]])
        rgb = base.to_linear(cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB))[0, 0]
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float64)
    cx, cy = rng.uniform(0.2, 0.8) * width, rng.uniform(-0.3, 0.4) * height
    fall = 1.0 / (1.0 + ((xx - cx) ** 2 + (yy - cy) ** 2) / (rng.uniform(0.6, 1.6) * width) ** 2)
    fall = fall / fall.max() * rng.uniform(0.9, 1.1)
    return np.clip(fall[..., None] * np.asarray(rgb)[None, None, :], 0, 1)


def frame_picture(
    linear: np.ndarray,
    picture: np.ndarray,
    box: tuple[int, int, int, int],
    border: int,
    border_rgb: tuple[float, float, float],
) -> None:
    x, y, w, h = box
    H, W = linear.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
    if x1 <= x0 or y1 <= y0:
        return
    tile = np.empty((h, w, 3))
    tile[:] = border_rgb
    inner = (w - 2 * border, h - 2 * border)
    if inner[0] > 2 and inner[1] > 2:
        tile[border : h - border, border : w - border] = base.to_linear(fit(picture, inner))
    linear[y0:y1, x0:x1] = tile[y0 - y : y1 - y, x0 - x : x1 - x]


def shelves(rng: np.random.Generator, linear: np.ndarray) -> None:
    """Bookshelves: boards with books of many widths, heights and colours."""
    height, width = linear.shape[:2]
    x0 = int(rng.uniform(0, 0.3) * width)
    x1 = int(rng.uniform(0.7, 1.0) * width)
    board = rng.uniform(0.15, 0.5) * np.array([1.0, 0.8, 0.6])
    y = int(rng.uniform(0.0, 0.1) * height)
    while y < height:
        row = int(rng.uniform(0.16, 0.26) * height)
        linear[y : y + 8, x0:x1] = board
        x = x0
        while x < x1:
            bw = int(rng.uniform(0.008, 0.03) * width)
            bh = int(rng.uniform(0.55, 0.95) * row)
            colour = base.to_linear(
                cv2.cvtColor(
                    np.uint8([[[rng.uniform(0, 180), rng.uniform(30, 220), rng.uniform(40, 220)]]]),
                    cv2.COLOR_HSV2RGB,
                )
            )[0, 0]
            if rng.random() < 0.1:  # a gap or an ornament
                x += bw * 2
                continue
            linear[y + 8 + row - bh : y + 8 + row, x : min(x + bw, x1)] = colour
            x += bw + int(rng.integers(0, 3))
        y += row + 8


def gallery(rng: np.random.Generator, linear: np.ndarray, pictures: list[np.ndarray]) -> None:
    """A wall covered in many small framed pictures and photos."""
    height, width = linear.shape[:2]
    for _ in range(int(rng.integers(14, 30))):
        w = int(rng.uniform(0.05, 0.13) * width)
        h = int(w * rng.uniform(0.6, 1.4))
        x = int(rng.uniform(-0.02, 0.98) * width)
        y = int(rng.uniform(-0.02, 0.9) * height)
        pic = pictures[int(rng.integers(len(pictures)))]
        crop = pic[
            int(rng.integers(0, pic.shape[0] // 2)) :, int(rng.integers(0, pic.shape[1] // 2)) :
        ]
        if rng.random() < 0.4:
            crop = np.repeat(cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)[..., None], 3, axis=2)
        border_rgb = tuple(rng.choice([0.02, 0.5, 0.8]) * np.ones(3))
        frame_picture(linear, crop, (x, y, w, h), max(2, w // 14), border_rgb)


def bokeh(rng: np.random.Generator, linear: np.ndarray) -> None:
    """Out-of-focus lights: soft discs of warm light on a dim room."""
    height, width = linear.shape[:2]
    linear *= rng.uniform(0.2, 0.5)
    layer = np.zeros_like(linear)
    for _ in range(int(rng.integers(15, 40))):
        r = int(rng.uniform(0.015, 0.05) * width)
        colour = rng.uniform(0.5, 1.0) * np.array(
            [1.0, rng.uniform(0.7, 0.9), rng.uniform(0.4, 0.7)]
        )
        cv2.circle(
            layer, (int(rng.uniform(0, width)), int(rng.uniform(0, height))), r, colour.tolist(), -1
        )
    linear += cv2.GaussianBlur(layer, (0, 0), 4) * 0.6


def dark_clamp(rng: np.random.Generator, linear: np.ndarray) -> None:
    """A dark object at the frame's edge (a lamp's clamp, a monitor arm) or a shadow."""
    height, width = linear.shape[:2]
    side = rng.choice(["left", "right", "top"])
    w = int(rng.uniform(0.04, 0.12) * width)
    h = int(rng.uniform(0.2, 0.6) * height)
    dark = rng.uniform(0.005, 0.04)
    if side == "left":
        linear[:h, :w] *= dark / max(linear[:h, :w].mean(), 1e-3)
    elif side == "right":
        linear[height - h :, width - w :] *= dark / max(
            linear[height - h :, width - w :].mean(), 1e-3
        )
    else:
        shade = np.ones((height, width))
        shade[: h // 2, :] = rng.uniform(0.3, 0.6)
        linear *= cv2.GaussianBlur(shade, (0, 0), 25)[..., None]


def person_layer(
    rng: np.random.Generator, person: np.ndarray, mask: np.ndarray
) -> tuple[np.ndarray, np.ndarray, tuple[int, int, int, int]]:
    """The person as a full-frame linear layer and alpha, and the head's rough box."""
    width, height = SIZE
    ys, xs = np.nonzero(mask[..., 0] > 0.5)
    crop = person[ys.min() : ys.max(), xs.min() : xs.max()]
    alpha = mask[ys.min() : ys.max(), xs.min() : xs.max(), 0]
    scale = rng.uniform(0.75, 1.05) * height / crop.shape[0]
    size = (max(1, round(crop.shape[1] * scale)), max(1, round(crop.shape[0] * scale)))
    crop = cv2.resize(crop, size, interpolation=cv2.INTER_AREA)
    alpha = cv2.resize(alpha, size, interpolation=cv2.INTER_AREA)
    x = int(width / 2 - size[0] / 2 + rng.uniform(-0.12, 0.12) * width)
    y = height - size[1]
    if y < 0:  # taller than the frame: the top of the head is cut, as in a close webcam
        crop, alpha, y = crop[-y:], alpha[-y:], 0
    layer = np.zeros((height, width, 3))
    cover = np.zeros((height, width))
    x0, x1 = max(0, x), min(width, x + size[0])
    layer[y:, x0:x1] = base.to_linear(crop[:, x0 - x : x1 - x])
    cover[y:, x0:x1] = alpha[:, x0 - x : x1 - x]
    head = (x + size[0] // 4, y, size[0] // 2, size[1] // 2)
    return layer, cover[..., None], head


def poster_box(
    rng: np.random.Generator, head: tuple[int, int, int, int], where: str, scale: float
) -> tuple[int, int, int, int]:
    width, height = SIZE
    hx, hy, hw, hh = head
    w = int(scale * width)
    h = int(w * rng.uniform(0.7, 1.4))
    if where == "beside":
        left = rng.random() < 0.5
        x = (
            hx - w - int(rng.uniform(0.0, 0.1) * width)
            if left
            else hx + hw + int(rng.uniform(0, 0.1) * width)
        )
        y = hy + int(rng.uniform(-0.1, 0.3) * hh)
    elif where == "shoulder":
        left = rng.random() < 0.5
        x = hx - int(0.6 * w) if left else hx + hw - int(0.4 * w)
        y = hy + int(rng.uniform(0.6, 1.1) * hh)
    else:  # corner, partly cut off by the frame
        x = int(rng.choice([-0.25 * w, width - 0.75 * w]))
        y = int(rng.choice([-0.25 * h, height - 0.8 * h]))
    return x, y, w, h


def scene(
    rng: np.random.Generator, kind: str, photos: dict, masks: dict, posters: list[np.ndarray]
) -> tuple[np.ndarray, list[str], list[str], str]:
    who = PEOPLE[int(rng.integers(len(PEOPLE)))]
    wall_kind = "colour" if kind in ("colour_wall", "colour_wall_poster") else "neutral"
    linear = wall(rng, wall_kind)
    layer, cover, head = person_layer(rng, photos[who], masks[who])
    about = f"{who}, {kind}"
    must: list[str] = []
    must_not: list[str] = [IN]
    if kind in ("plain", "colour_wall"):
        must_not += [DC, CL]
        if rng.random() < 0.5:
            dark_clamp(rng, linear)
            about += ", dark thing at the edge"
    elif kind in ("poster", "colour_wall_poster", "grey_print"):
        where = str(rng.choice(["beside", "shoulder", "corner"]))
        picture = posters[int(rng.integers(len(posters)))]
        if kind == "grey_print":
            picture = np.repeat(cv2.cvtColor(picture, cv2.COLOR_RGB2GRAY)[..., None], 3, axis=2)
        scale = rng.uniform(0.14, 0.3)
        box = poster_box(rng, head, where, scale)
        frame_picture(linear, picture, box, max(3, box[2] // 18), (0.03, 0.025, 0.02))
        x, y, w, h = box
        # Labelled on what shows of it: the part the person does not cover.
        region = np.zeros(SIZE[::-1], bool)
        region[max(0, y) : y + h, max(0, x) : x + w] = True
        visible = region & (cover[..., 0] < 0.5)
        share = float(visible.mean())
        shown = base.to_srgb(linear[visible][None])
        colourful = colourfulness(shown) if share > 0 else 0.0
        about += (
            f", {where}, {scale:.2f} wide, {share:.3f} of it in view, colourfulness {colourful:.0f}"
        )
        must_not += [CL]
        if kind == "grey_print" or colourful < 25 or share < 0.005:
            must_not += [DC]
        elif colourful >= 45 and share >= 0.015:
            must += [DC]
    elif kind == "gallery":
        gallery(rng, linear, posters)
        must += [CL]
    elif kind == "shelves":
        shelves(rng, linear)
        must += [CL]
    elif kind == "garage":
        room = photos[str(rng.choice(["motorcycle_left", "motorcycle_right"]))]
        linear = base.to_linear(fit(room, SIZE)) * rng.uniform(0.6, 1.2)
        must += [CL]
    elif kind == "blurred_room":
        room = photos[str(rng.choice(["motorcycle_left", "motorcycle_right"]))]
        sigma = rng.uniform(7, 14)
        linear = base.to_linear(cv2.GaussianBlur(fit(room, SIZE), (0, 0), sigma))
        must_not += [CL]
        about += f", sigma {sigma:.0f}"
    elif kind == "bokeh":
        bokeh(rng, linear)
        must_not += [CL, DC]
    out = layer * cover + linear * (1 - cover)
    noisy = base.sensor_noise(
        out, rng, read=rng.uniform(0.001, 0.004), shot=rng.uniform(0.003, 0.008)
    )
    return base.to_srgb(noisy), must, must_not, about


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "fixture-sources")
    parser.add_argument(
        "--deb", type=Path, default=Path("/work/corpus/stage/deb/palapeli-data_4%3a22.12.3-1_all")
    )
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "people-scenes")
    parser.add_argument("--count", type=int, default=12, help="scenes of each kind")
    args = parser.parse_args()
    photos = base.fetch_sources(args.cache)
    import make_fixtures_background as bg

    photos.update(bg.extra_photos(args.cache))
    posters = [photos[key] for key in POSTER_KEYS]
    for inner in DEB_POSTERS:
        if (args.deb / inner).is_file():
            posters.append(read(args.deb / inner))
    with base.Perception() as perception:
        masks = {key: base.person_mask(perception, photos[key]) for key in PEOPLE}
    args.out.mkdir(parents=True, exist_ok=True)
    kinds = (
        "plain",
        "colour_wall",
        "poster",
        "colour_wall_poster",
        "grey_print",
        "gallery",
        "shelves",
        "garage",
        "blurred_room",
        "bokeh",
    )
    lines = []
    for kind in kinds:
        for index in range(args.count):
            seed = int(hashlib.sha256(f"{kind}:{index}".encode()).hexdigest()[:8], 16)
            rng = np.random.default_rng(seed)
            image, must, must_not, about = scene(rng, kind, photos, masks, posters)
            name = f"{kind}_{index:02d}.jpg"
            cv2.imwrite(
                str(args.out / name),
                cv2.cvtColor(image, cv2.COLOR_RGB2BGR),
                [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(80, 95))],
            )
            group = f"people:{kind}:{index}"
            split = (
                "heldout"
                if int(hashlib.sha256(group.encode()).hexdigest(), 16) % 10 < 3
                else "tune"
            )
            lines.append(
                json.dumps(
                    {
                        "file": name,
                        "kind": "image",
                        "group": group,
                        "split": split,
                        "real": False,
                        "generator": f"people_{kind}",
                        "must": must,
                        "must_not": must_not,
                        "package": "see scripts/make_people_scenes.py",
                        "about": about,
                    }
                )
            )
    (args.out / "manifest.jsonl").write_text("\n".join(lines) + "\n")
    print(f"{len(lines)} scenes in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
