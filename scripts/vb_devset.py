"""A development set for the virtual-background checks, from other generators than the fixtures.

People: real photos (deepface, face_recognition); virtual pictures: photos from Debian and
PyPI packages (palapeli-data, libjxl-testdata, imageio, opencv samples). Each person photo
gives real negatives (unchanged, re-encoded), blurred-room negatives, and composites from
several independent generators with randomised parameters:

* rim: hard or lightly feathered mask dilated 2-9 px, so a rim of the real room shows;
* feather: a wide feather (sigma 2.5-6 px), the real room shows through as a soft halo;
* erode: mask eroded 3-10 px, hair and ears cut away;
* blocky: mask from a 24-72 px segmentation, nearest or bilinear upsampled;
* spill: soft matte with colour bleeding both ways across the edge (light wrap);
* lag: mask shifted 5-16 px, a crescent of the room shows on one side;
* good: soft matte from a GrabCut-refined mask, noise and blur matched.

Masks come from the square selfie model, the landscape one, or GrabCut seeded by either, so
they are not the analyzer's own mask. Every case is then randomly post-processed (whole-frame
sensor noise, blur, downscale, JPEG 55-95). The split is by person photo.

    python scripts/vb_devset.py --people DIR --backgrounds DIR --out DIR
"""

# The per-person helpers are closures called within their own loop iteration only.
# ruff: noqa: B023

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from camcheck.perception import Perception, working_copy  # noqa: E402

LONG_SIDE = 960
GENERATORS = ("rim", "feather", "erode", "blocky", "spill", "lag", "good")


def to_linear(image: np.ndarray) -> np.ndarray:
    c = image.astype(np.float64) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def to_srgb(linear: np.ndarray) -> np.ndarray:
    c = np.clip(linear, 0.0, 1.0)
    s = np.where(c <= 0.0031308, c * 12.92, 1.055 * c ** (1 / 2.4) - 0.055)
    return np.round(s * 255.0).astype(np.uint8)


def noisy(image: np.ndarray, rng: np.random.Generator, gain: float) -> np.ndarray:
    linear = to_linear(image)
    sigma = np.sqrt((0.003 * gain) ** 2 + (0.012 * gain) ** 2 * np.clip(linear, 0, None))
    return to_srgb(linear + rng.normal(0.0, 1.0, linear.shape) * sigma)


def cover(image: np.ndarray, size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    width, height = size
    zoom = rng.uniform(1.0, 1.6)
    scale = max(width / image.shape[1], height / image.shape[0]) * zoom
    resized = cv2.resize(
        image,
        (max(width, round(image.shape[1] * scale)), max(height, round(image.shape[0] * scale))),
        interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC,
    )
    top = int(rng.integers(0, resized.shape[0] - height + 1))
    left = int(rng.integers(0, resized.shape[1] - width + 1))
    out = resized[top : top + height, left : left + width]
    return out[:, ::-1].copy() if rng.random() < 0.5 else out


def disc(radius: int) -> np.ndarray:
    radius = max(1, radius)
    return cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))


def soft_mask(perception: Perception, image: np.ndarray, source: str) -> np.ndarray:
    """Person confidence from the square model, the landscape model, or GrabCut on either."""
    small_long = 256
    h, w = image.shape[:2]
    scale = small_long / max(h, w)
    small = cv2.resize(image, (max(1, round(w * scale)), max(1, round(h * scale))), cv2.INTER_AREA)
    kind = "landscape" if source.endswith("landscape") else "general"
    result = perception._run(kind, "segment", small).confidence_masks
    mask = np.asarray(result[0].numpy_view(), np.float32).reshape(small.shape[:2])
    mask = cv2.resize(mask, (w, h), interpolation=cv2.INTER_LINEAR)
    if source.startswith("grabcut"):
        labels = np.full((h, w), cv2.GC_PR_BGD, np.uint8)
        labels[mask > 0.5] = cv2.GC_PR_FGD
        labels[mask > 0.95] = cv2.GC_FGD
        labels[mask < 0.05] = cv2.GC_BGD
        bgd, fgd = np.zeros((1, 65)), np.zeros((1, 65))
        try:
            cv2.grabCut(
                cv2.cvtColor(image, cv2.COLOR_RGB2BGR),
                labels,
                None,
                bgd,
                fgd,
                3,
                cv2.GC_INIT_WITH_MASK,
            )
            hard = np.isin(labels, (cv2.GC_FGD, cv2.GC_PR_FGD)).astype(np.float32)
            mask = cv2.GaussianBlur(hard, (0, 0), 1.0)
        except cv2.error:
            pass
    return np.clip(mask, 0.0, 1.0)


def alpha_for(
    generator: str, mask: np.ndarray, rng: np.random.Generator, px: float
) -> tuple[np.ndarray, dict[str, float]]:
    """The app's matte for ``generator``; ``px`` is one pixel at 640 px long side."""
    hard = (mask >= rng.uniform(0.35, 0.65)).astype(np.uint8)
    params: dict[str, float] = {}
    if generator == "rim":
        r = rng.uniform(2, 9)
        params["rim_px"] = r
        alpha = cv2.dilate(hard, disc(round(r * px))).astype(np.float32)
        sigma = rng.uniform(0, 1.2)
    elif generator == "feather":
        sigma = rng.uniform(2.5, 6)
        params["feather_px"] = sigma
        alpha = hard.astype(np.float32)
    elif generator == "erode":
        e = rng.uniform(3, 10)
        params["erode_px"] = e
        alpha = cv2.erode(hard, disc(round(e * px))).astype(np.float32)
        sigma = rng.uniform(0.5, 1.5)
    elif generator == "blocky":
        long_side = int(rng.integers(24, 73))
        params["mask_long_side"] = long_side
        h, w = mask.shape
        s = long_side / max(h, w)
        small = cv2.resize(mask, (max(1, round(w * s)), max(1, round(h * s))), cv2.INTER_AREA)
        if rng.random() < 0.5:
            alpha = cv2.resize(
                (small > 0.5).astype(np.uint8), (w, h), interpolation=cv2.INTER_NEAREST
            ).astype(np.float32)
        else:
            alpha = (cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR) > 0.5).astype(
                np.float32
            )
        sigma = rng.uniform(0, 1.0)
    elif generator == "spill":
        sigma = rng.uniform(1.0, 2.0)
        alpha = hard.astype(np.float32)
    elif generator == "lag":
        d = rng.uniform(5, 16) * px
        angle = rng.uniform(0, 2 * np.pi)
        params["lag_px"] = d / px
        matrix = np.float32([[1, 0, d * np.cos(angle)], [0, 1, d * np.sin(angle)]])
        alpha = cv2.warpAffine(hard, matrix, hard.shape[::-1]).astype(np.float32)
        sigma = rng.uniform(0, 1.5)
    else:  # good
        sigma = rng.uniform(0.8, 1.5)
        alpha = hard.astype(np.float32)
    if sigma * px > 0.3:
        alpha = cv2.GaussianBlur(alpha, (0, 0), sigma * px)
    return np.clip(alpha, 0, 1)[..., None], params


def composite(
    person: np.ndarray,
    background: np.ndarray,
    alpha: np.ndarray,
    generator: str,
    rng: np.random.Generator,
    px: float,
) -> np.ndarray:
    p, b = to_linear(person), to_linear(background)
    out = p * alpha + b * (1 - alpha)
    if generator == "spill":
        # light wrap: each side's colour bleeds into the other near the edge
        strength = rng.uniform(0.3, 0.7)
        edge = 4 * alpha * (1 - alpha)
        edge = cv2.GaussianBlur(edge, (0, 0), 3 * px)[..., None]
        far_b = cv2.GaussianBlur(b, (0, 0), 8 * px)
        out = out * (1 - strength * edge) + far_b * strength * edge
    return to_srgb(out)


def post(image: np.ndarray, rng: np.random.Generator, px: float, matched: bool) -> np.ndarray:
    """Whole-frame camera and codec effects."""
    if matched or rng.random() < 0.3:
        image = noisy(image, rng, rng.uniform(0.5, 1.5))
    if rng.random() < 0.3:
        image = cv2.GaussianBlur(image, (0, 0), rng.uniform(0.5, 1.0) * px)
    if rng.random() < 0.3:
        s = rng.uniform(0.6, 0.9)
        h, w = image.shape[:2]
        image = cv2.resize(image, (round(w * s), round(h * s)), interpolation=cv2.INTER_AREA)
    return image


def write(path: Path, image: np.ndarray, rng: np.random.Generator) -> None:
    quality = int(rng.integers(55, 96))
    cv2.imwrite(
        str(path), cv2.cvtColor(image, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality]
    )


def load(path: Path) -> np.ndarray | None:
    bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if bgr is None:
        return None
    return working_copy(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB), LONG_SIDE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=Path, required=True)
    parser.add_argument("--backgrounds", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    backgrounds = {p.stem: load(p) for p in sorted(args.backgrounds.iterdir())}
    backgrounds = {k: v for k, v in backgrounds.items() if v is not None}
    names = sorted(backgrounds)
    cases = []
    with Perception() as perception:
        for path in sorted(args.people.iterdir()):
            person = load(path)
            if person is None:
                continue
            faces = perception.detect_faces(person)
            if not faces:
                continue
            seed = int(hashlib.sha256(path.name.encode()).hexdigest()[:8], 16)
            rng = np.random.default_rng(seed)
            split = "tune" if seed % 10 < 7 else "heldout"
            h, w = person.shape[:2]
            px = max(h, w) / 640
            stem = path.stem

            def add(name: str, image: np.ndarray, **label: object) -> None:
                file = f"{stem}__{name}.jpg"
                write(args.out / file, image, rng)
                cases.append({"file": file, "group": stem, "split": split, **label})

            add("real", person, real=True, vb=False, edge=False, generator="none")
            add(
                "real_reenc",
                post(noisy(person, rng, rng.uniform(0.5, 2)), rng, px, False),
                real=True,
                vb=False,
                edge=False,
                generator="reencode",
            )
            sources = ("general", "landscape", "grabcut_general", "grabcut_landscape")
            masks: dict[str, np.ndarray] = {}

            def mask_of(source: str) -> np.ndarray:
                if source not in masks:
                    masks[source] = soft_mask(perception, person, source)
                return masks[source]

            # background blur of the real room: not a virtual background
            blurred = cv2.GaussianBlur(person, (0, 0), rng.uniform(5, 14) * px)
            for name, generator, edge in (("blur_good", "good", False), ("blur_rim", "rim", True)):
                source = sources[int(rng.integers(len(sources)))]
                alpha, params = alpha_for(generator, mask_of(source), rng, px)
                image = composite(person, blurred, alpha, generator, rng, px)
                add(
                    name,
                    post(image, rng, px, rng.random() < 0.5),
                    real=False,
                    vb=False,
                    edge=edge,
                    generator=f"blur_{generator}",
                    mask=source,
                    **params,
                    blur=True,
                )
            for generator in GENERATORS:
                source = sources[int(rng.integers(len(sources)))]
                if generator == "good":
                    source = "grabcut_" + ("general" if rng.random() < 0.5 else "landscape")
                alpha, params = alpha_for(generator, mask_of(source), rng, px)
                bg_name = names[int(rng.integers(len(names)))]
                picture = cover(backgrounds[bg_name], (w, h), rng)
                if generator == "good":
                    picture = cv2.GaussianBlur(picture, (0, 0), rng.uniform(0.8, 1.5) * px)
                camera = noisy(person, rng, rng.uniform(0.5, 2.0)) if rng.random() < 0.6 else person
                image = composite(camera, picture, alpha, generator, rng, px)
                edge: bool | None = generator in ("rim", "erode", "blocky", "lag", "feather")
                if generator == "spill":
                    edge = None
                if generator == "rim" and params["rim_px"] < 3:
                    edge = None
                add(
                    generator,
                    post(image, rng, px, generator == "good"),
                    real=False,
                    vb=True,
                    edge=edge,
                    generator=generator,
                    mask=source,
                    background=bg_name,
                    **params,
                )
            print(stem, len(cases), flush=True)
    with open(args.out / "manifest.jsonl", "w") as fh:
        for case in cases:
            fh.write(json.dumps(case) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
