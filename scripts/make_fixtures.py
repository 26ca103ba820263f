"""Build the fixture photos and clips in fixtures/ from photographs that packages ship.

Sources (licences in fixtures/SOURCES.md): scikit-image's sample data, matplotlib's
grace_hopper.jpg, scikit-learn's china.jpg and flower.jpg, and face_recognition's public
domain test photos. The wheels and the sdist are fetched with ``pip download`` into a cache
folder the first time; everything after that is deterministic (fixed seeds), so running the
script again rebuilds the same scenes.

Problem cases are derived physically: exposure is changed in linear light (sRGB decoded),
sensor noise is added after the exposure change, and a bright window is put behind the
person through the person mask of the bundled segmentation model.

    python scripts/make_fixtures.py [--cache DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import pip_fetch  # noqa: E402

from camcheck.perception import Perception  # noqa: E402

# package spec -> {name in fixtures: path inside the archive}
SOURCES: dict[str, dict[str, str]] = {
    "scikit-image==0.26.0": {
        "astronaut": "skimage/data/astronaut.png",
        "chelsea": "skimage/data/chelsea.png",
        "coffee": "skimage/data/coffee.png",
        "motorcycle_left": "skimage/data/motorcycle_left.png",
    },
    "matplotlib==3.11.2": {"grace_hopper": "matplotlib/mpl-data/sample_data/grace_hopper.jpg"},
    "scikit-learn==1.9.1": {
        "china": "sklearn/datasets/images/china.jpg",
        "flower": "sklearn/datasets/images/flower.jpg",
    },
    "face_recognition==1.3.0": {
        "obama": "face_recognition-1.3.0/tests/test_images/obama.jpg",
        "biden": "face_recognition-1.3.0/tests/test_images/biden.jpg",
    },
}
# Fixtures are stored at most this large: the size of a webcam frame, and small in git.
FIXTURE_LONG_SIDE = 800
JPEG_QUALITY = 92


def fetch_sources(cache: Path) -> dict[str, np.ndarray]:
    """Download (once) the packages and read the photos as RGB uint8."""
    cache.mkdir(parents=True, exist_ok=True)
    photos: dict[str, np.ndarray] = {}
    for spec, files in SOURCES.items():
        name = spec.split("==")[0]
        # Only the photos are read, so any wheel of the pinned version will do (asking for
        # the reference platform's failed: matplotlib ships manylinux2014 wheels only).
        archive = pip_fetch.download(spec, cache, sdist=name == "face_recognition")
        for key, inner in files.items():
            data = pip_fetch.read(archive, inner)
            bgr = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
            photos[key] = shrink(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))
    return photos


def shrink(image: np.ndarray, long_side: int = FIXTURE_LONG_SIDE) -> np.ndarray:
    height, width = image.shape[:2]
    scale = long_side / max(height, width)
    if scale >= 1:
        return image
    return cv2.resize(
        image, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA
    )


def to_linear(image: np.ndarray) -> np.ndarray:
    """sRGB uint8 -> linear light in [0, 1] (IEC 61966-2-1)."""
    c = image.astype(np.float64) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def to_srgb(linear: np.ndarray) -> np.ndarray:
    """Linear light -> sRGB uint8, clipping what the sensor could not hold."""
    c = np.clip(linear, 0.0, 1.0)
    s = np.where(c <= 0.0031308, c * 12.92, 1.055 * c ** (1 / 2.4) - 0.055)
    return np.round(s * 255.0).astype(np.uint8)


def sensor_noise(
    linear: np.ndarray, rng: np.random.Generator, *, read: float, shot: float
) -> np.ndarray:
    """Add read noise and signal-dependent shot noise, as a sensor does before encoding."""
    sigma = np.sqrt(read**2 + shot**2 * np.clip(linear, 0, None))
    return linear + rng.normal(0.0, 1.0, linear.shape) * sigma


def exposure(
    image: np.ndarray, ev: float, rng: np.random.Generator, *, noise: bool = True
) -> np.ndarray:
    """Change exposure by ``ev`` stops in linear light, then add sensor noise."""
    linear = to_linear(image) * (2.0**ev)
    if noise:
        # An underexposed webcam raises gain: the darker, the noisier.
        gain = max(1.0, 2.0 ** (-ev))
        linear = sensor_noise(linear, rng, read=0.0015 * gain, shot=0.004 * np.sqrt(gain))
    return to_srgb(linear)


def person_mask(perception: Perception, image: np.ndarray) -> np.ndarray:
    """Soft person mask in [0, 1] from the bundled segmentation model, feathered."""
    mask = perception.segment_person(image)
    return cv2.GaussianBlur(mask, (0, 0), max(1.0, image.shape[1] / 300))[..., None]


def backlit(
    image: np.ndarray, mask: np.ndarray, outside: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """A window behind the person; the camera exposes for it, so the person darkens.

    The upper three quarters of the background become a daylit window (the ``outside``
    photo 3 stops brighter, so it clips as a real window does, with dark glazing bars); the
    rest of the room is 2 stops up and the person 2.5 stops down.
    """
    linear = to_linear(image)
    height, width = image.shape[:2]
    view = to_linear(cv2.resize(outside, (width, height), interpolation=cv2.INTER_AREA)) * 8.0
    pane = np.zeros((height, width), np.float64)
    pane[: int(height * 0.75), :] = 1.0
    bar = max(2, width // 80)
    pane[:, width // 2 - bar : width // 2 + bar] = 0.0
    pane[int(height * 0.35) - bar : int(height * 0.35) + bar, :] = 0.0
    pane = cv2.GaussianBlur(pane, (0, 0), 1.5)[..., None]
    background = view * pane + linear * 4.0 * (1 - pane)
    person = linear * 2.0**-2.5
    out = person * mask + background * (1 - mask)
    return to_srgb(sensor_noise(out, rng, read=0.002, shot=0.006))


def replace_background(
    image: np.ndarray, mask: np.ndarray, level: float, rng: np.random.Generator
) -> np.ndarray:
    """Put the person in front of a plain wall of the given linear reflectance."""
    linear = to_linear(image)
    wall = np.full_like(linear, level)
    # A real wall is never perfectly flat: a gentle vertical light falloff.
    ramp = np.linspace(1.05, 0.9, image.shape[0])[:, None, None]
    out = linear * mask + wall * ramp * (1 - mask)
    return to_srgb(sensor_noise(out, rng, read=0.0015, shot=0.004))


def darker_skin(image: np.ndarray, mask: np.ndarray, factor: float) -> np.ndarray:
    """Lower the skin's reflectance in linear light under the same light.

    Skin is found as the YCrCb skin cluster inside the person mask. Specular highlights
    (the brightest skin) keep most of their level, because surface reflection does not
    depend on melanin.
    """
    ycrcb = cv2.cvtColor(image, cv2.COLOR_RGB2YCrCb)
    skin = cv2.inRange(ycrcb, (40, 135, 85), (255, 180, 135)).astype(np.float64) / 255.0
    skin = cv2.GaussianBlur(skin, (0, 0), 2.0)[..., None] * (mask > 0.5)
    linear = to_linear(image)
    luma = linear.mean(axis=2, keepdims=True)
    specular = np.clip((luma - 0.55) / 0.3, 0.0, 1.0)
    scale = factor + (1.0 - factor) * specular
    return to_srgb(linear * (1 - skin) + linear * scale * skin)


def write(name: str, image: np.ndarray) -> None:
    path = FIXTURES / name
    bgr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    if path.suffix == ".jpg":
        cv2.imwrite(str(path), bgr, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    else:
        cv2.imwrite(str(path), bgr, [cv2.IMWRITE_PNG_COMPRESSION, 9])
    print("wrote", path.relative_to(ROOT))


def write_clip(name: str, frames: list[np.ndarray], fps: float) -> None:
    path = FIXTURES / name
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, (width, height))
    for frame in frames:
        writer.write(cv2.cvtColor(frame, cv2.COLOR_RGB2BGR))
    writer.release()
    print("wrote", path.relative_to(ROOT), f"({len(frames)} frames at {fps:g} fps)")


def webcam_frame(image: np.ndarray, size: tuple[int, int], t: float) -> np.ndarray:
    """A landscape webcam view of a portrait photo: the head and shoulders, swaying a little.

    The photo's top part (width x width*h/w) is the view, as a webcam above a screen sees a
    seated person; ``t`` moves it a few pixels, as a person never sits perfectly still.
    """
    width = image.shape[1]
    target_w = size[0]
    scale = target_w / width * 1.05
    dx = 5 * np.sin(2 * np.pi * 0.4 * t) - (scale - target_w / width) * width / 2
    dy = 3 * np.sin(2 * np.pi * 0.3 * t + 1)
    matrix = np.float32([[scale, 0, dx], [0, scale, dy]])
    return cv2.warpAffine(
        image, matrix, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
    )


def parse_cache(doc: str | None) -> Path:
    """The --cache option every fixture script takes: where the source packages are kept."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "fixture-sources")
    return parser.parse_args().cache


def main() -> int:
    photos = fetch_sources(parse_cache(__doc__))
    FIXTURES.mkdir(exist_ok=True)
    rng = np.random.default_rng(20261127)

    with Perception() as perception:
        masks = {
            key: person_mask(perception, photos[key])
            for key in ("obama", "astronaut", "biden", "grace_hopper")
        }

        # Real photographs, unchanged but for size: well lit, every one must stay quiet.
        for key in ("astronaut", "obama", "biden", "grace_hopper"):
            write(f"good_{key}.jpg", photos[key])
        # No person at all.
        write("noface_coffee.jpg", photos["coffee"])
        write("noface_cat.jpg", photos["chelsea"])
        write("noface_motorcycle.jpg", photos["motorcycle_left"])

        # Underexposed by 2 stops, with the gain noise that comes with it.
        write("dark_obama.jpg", exposure(photos["obama"], -2.0, rng))
        write("dark_astronaut.jpg", exposure(photos["astronaut"], -2.0, rng))
        write("dark_grace_hopper.jpg", exposure(photos["grace_hopper"], -1.5, rng))
        # Overexposed by 1.5 to 2.5 stops (Biden's photo is a dark one): washed out.
        write("bright_biden.jpg", exposure(photos["biden"], 2.5, rng))
        write("bright_astronaut.jpg", exposure(photos["astronaut"], 1.5, rng))
        # A window behind the person.
        write("backlit_obama.jpg", backlit(photos["obama"], masks["obama"], photos["china"], rng))
        write("backlit_biden.jpg", backlit(photos["biden"], masks["biden"], photos["china"], rng))
        write(
            "backlit_grace_hopper.jpg",
            backlit(photos["grace_hopper"], masks["grace_hopper"], photos["china"], rng),
        )
        # Calm walls that are not a lighting problem.
        write(
            "blackwall_obama.jpg", replace_background(photos["obama"], masks["obama"], 0.004, rng)
        )
        write(
            "blackwall_astronaut.jpg",
            replace_background(photos["astronaut"], masks["astronaut"], 0.004, rng),
        )
        write("whitewall_obama.jpg", replace_background(photos["obama"], masks["obama"], 0.7, rng))
        # A darker skin tone under the same good light, and that face underexposed.
        deep = darker_skin(photos["obama"], masks["obama"], 0.3)
        write("darkskin_obama.jpg", deep)
        write("darkskin_whitewall_obama.jpg", replace_background(deep, masks["obama"], 0.7, rng))
        write("darkskin_dark_obama.jpg", exposure(deep, -2.0, rng))

        # The sample clip: a person at a webcam, well lit for 2 s, then a lamp goes off
        # behind the screen and the face is underexposed for 3 s.
        fps = 15.0
        frames = []
        good = photos["obama"]
        dark = exposure(good, -2.0, rng, noise=False)
        for i in range(int(5 * fps)):
            t = i / fps
            base = good if t < 2.0 else dark
            frame = webcam_frame(base, (640, 360), t)
            linear = sensor_noise(to_linear(frame), rng, read=0.002, shot=0.005)
            frames.append(to_srgb(linear))
        write_clip("sample_call.mp4", frames, fps)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
