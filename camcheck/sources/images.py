"""Still images: sniff the header, refuse what is too large before decoding, convert to RGB."""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from camcheck.errors import CamcheckError
from camcheck.native import native_stderr_silenced
from camcheck.sources.files import BoundedFile, checked_path
from camcheck.sources.frames import Frame, FrameSource

# Smaller than this on either side and there is no face to judge (a favicon, a 1x1 pixel).
MIN_IMAGE_SIDE = 32
# Decoding more than this many pixels would take over 1 GB as RGB; 100 MP is beyond any
# phone or webcam still of today. Larger images are refused from the header, before they
# are decoded; only formats whose header camcheck reads (JPEG, PNG, GIF, WebP, BMP, TIFF,
# AVIF) are decoded at all. OpenCV's own limit is set to the same number in
# camcheck/__init__.py, before OpenCV is first imported (it reads it once, at load).
MAX_IMAGE_PIXELS = 100_000_000
os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", str(MAX_IMAGE_PIXELS))
# TIFF can hold 32- and 64-bit samples: four to eight times the memory of 8 bits per pixel,
# then float copies while converting. Such images get a quarter of the pixel budget.
MAX_DEEP_IMAGE_PIXELS = MAX_IMAGE_PIXELS // 4
DEEP_SAMPLE_BITS = 16
# No still within MAX_IMAGE_PIXELS needs more bytes than this on disk: uncompressed 16-bit
# RGBA (8 bytes a pixel). A larger file is refused from its size, without reading it.
MAX_IMAGE_FILE_BYTES = MAX_IMAGE_PIXELS * 8
# The header bytes read first: enough for every format's size field, and for a JPEG's
# frame header behind EXIF, ICC and XMP segments (each at most 64 KiB).
HEADER_BYTES = 1 << 20
# Alpha is composited in strips of this many rows, so a large RGBA image needs float
# buffers of a strip, not of the whole picture.
ALPHA_STRIP_ROWS = 512

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff", ".gif", ".avif"}
VIDEO_SUFFIXES = {".mp4", ".mov", ".avi", ".mkv", ".webm", ".m4v", ".wmv"}


def _composite(colour: np.ndarray, alpha8: np.ndarray) -> np.ndarray:
    """Colour over white by alpha, in strips of rows (same numbers as the whole at once)."""
    out = np.empty(colour.shape, np.uint8)
    for top in range(0, colour.shape[0], ALPHA_STRIP_ROWS):
        rows = slice(top, top + ALPHA_STRIP_ROWS)
        alpha = alpha8[rows].astype(np.float32) / 255.0
        strip = colour[rows].astype(np.float32)
        out[rows] = (strip * alpha + 255.0 * (1.0 - alpha)).round().astype(np.uint8)
    return out


def to_rgb8(array: np.ndarray, *, bgr: bool = True) -> np.ndarray:
    """Any image (grey, grey+alpha, BGR(A) or RGB(A); 8/16 bit, int, bool or float) -> RGB uint8.

    Colour arrays are in OpenCV's BGR order unless ``bgr`` is False.

    Float images are taken to be in [0, 1] as OpenCV does; transparent pixels are composited
    onto white, as an image viewer shows them.

    Raises:
        CamcheckError: for arrays that are not an image (wrong shape or empty).
    """
    image = np.asarray(array)
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if (
        image.size == 0
        or image.ndim not in (2, 3)
        or (image.ndim == 3 and image.shape[2] not in (2, 3, 4))
    ):
        raise CamcheckError("error.bad_frame", shape="x".join(map(str, image.shape)))
    if image.dtype == np.uint16:
        # x / 257 rounded, straight to 8 bits: no float copy of the whole picture.
        image = cv2.convertScaleAbs(np.ascontiguousarray(image), alpha=1.0 / 257.0)
    elif image.dtype == np.bool_:
        image = image.astype(np.uint8) * 255
    elif image.dtype.kind == "f":
        # Clip before narrowing: float64 values beyond float32's range would overflow.
        scaled = np.nan_to_num(image, nan=0.0, posinf=1.0, neginf=0.0).clip(0.0, 1.0)
        image = (scaled.astype(np.float32) * 255.0).round().astype(np.uint8)
    elif image.dtype != np.uint8:
        image = np.clip(image, 0, 255).astype(np.uint8)
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2RGB)
    if image.shape[2] in (2, 4):
        image = _composite(image[:, :, :-1], image[:, :, -1:])
        if image.shape[2] == 1:
            return cv2.cvtColor(image[:, :, 0], cv2.COLOR_GRAY2RGB)
    image = np.ascontiguousarray(image)
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB) if bgr else image


@dataclass(frozen=True)
class _Header:
    """What the first bytes of an image file tell without decoding it."""

    kind: str  # "png", "jpeg", "gif", "webp", "bmp", "tiff", "avif" or "unknown"
    size: tuple[int, int] | None = None  # (width, height) where the header says it
    alpha: bool = False  # may hold transparency
    deep: bool = False  # more than DEEP_SAMPLE_BITS bits per sample


def jpeg_size(data: bytes) -> tuple[int, int] | None:
    """``(width, height)`` from a JPEG's frame header (SOFn), or None if it has none."""
    pos = 2
    while pos + 9 < len(data):
        if data[pos] != 0xFF:
            pos += 1
            continue
        marker = data[pos + 1]
        if marker in (0xD8, 0x01, 0xFF) or 0xD0 <= marker <= 0xD7:
            pos += 1 if marker == 0xFF else 2
            continue
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        # SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        pos += 2 + length
    return None


# TIFF field types that can hold a size: SHORT, LONG, LONG8 (BigTIFF), by their byte size.
_TIFF_TYPES = {3: ("H", 2), 4: ("I", 4), 16: ("Q", 8)}
_TIFF_WIDTH, _TIFF_HEIGHT, _TIFF_BITS = 256, 257, 258
_TIFF_TAGS = frozenset({_TIFF_WIDTH, _TIFF_HEIGHT, _TIFF_BITS})


def _tiff_header(data: bytes) -> _Header:
    """Size and sample depth from the first image directory (the page OpenCV decodes)."""
    order = "<" if data[:2] == b"II" else ">"
    big = data[2:4] in (b"+\x00", b"\x00+")
    # Classic TIFF: 2-byte entry count, 12-byte entries with a 4-byte value field.
    # BigTIFF: 8-byte count, 20-byte entries with an 8-byte value field.
    offset_code, count_code, entry_size = ("Q", "Q", 20) if big else ("I", "H", 12)
    value_size = struct.calcsize(offset_code)
    count_size = struct.calcsize(count_code)
    fields: dict[int, int] = {}
    try:
        (offset,) = struct.unpack_from(order + offset_code, data, 8 if big else 4)
        (count,) = struct.unpack_from(order + count_code, data, offset)
        for number in range(count):
            entry = offset + count_size + number * entry_size
            tag, kind = struct.unpack_from(order + "HH", data, entry)
            if tag not in _TIFF_TAGS or kind not in _TIFF_TYPES:
                continue
            code, size = _TIFF_TYPES[kind]
            (items,) = struct.unpack_from(order + offset_code, data, entry + 4)
            value_at = entry + entry_size - value_size
            if items * size > value_size:  # stored elsewhere; the first is enough
                (value_at,) = struct.unpack_from(order + offset_code, data, value_at)
            (fields[tag],) = struct.unpack_from(order + code, data, value_at)
    except struct.error:  # the directory lies beyond what was read, or is cut off
        return _Header("tiff", alpha=True)
    if _TIFF_WIDTH not in fields or _TIFF_HEIGHT not in fields:
        return _Header("tiff", alpha=True)
    deep = fields.get(_TIFF_BITS, 8) > DEEP_SAMPLE_BITS
    return _Header("tiff", (fields[_TIFF_WIDTH], fields[_TIFF_HEIGHT]), alpha=True, deep=deep)


def _avif_size(data: bytes) -> tuple[int, int] | None:
    """The largest 'ispe' (image spatial extents) property: the full picture of a grid."""
    sizes = []
    start = data.find(b"ispe")
    while start >= 4 and start + 16 <= len(data):
        sizes.append(struct.unpack(">II", data[start + 8 : start + 16]))
        start = data.find(b"ispe", start + 4)
    return max(sizes, key=lambda size: size[0] * size[1]) if sizes else None


def _sniff(data: bytes) -> _Header:
    """Format, size and possible transparency from the header bytes."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 26:
        width, height = struct.unpack(">II", data[16:24])
        # Colour types 4 and 6 carry alpha; a tRNS chunk (before the image data) can too.
        image_data = data.find(b"IDAT")
        alpha = data[25] in (4, 6) or b"tRNS" in data[: image_data if image_data > 0 else None]
        return _Header("png", (width, height), alpha)
    if data[:2] == b"\xff\xd8":
        return _Header("jpeg", jpeg_size(data))
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return _Header("gif", struct.unpack("<HH", data[6:10]))
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP" and len(data) >= 30:
        chunk = data[12:16]
        if chunk == b"VP8X":
            width = 1 + int.from_bytes(data[24:27], "little")
            height = 1 + int.from_bytes(data[27:30], "little")
            return _Header("webp", (width, height), bool(data[20] & 0x10))
        if chunk == b"VP8L":
            bits = int.from_bytes(data[21:25], "little")
            return _Header("webp", ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1), True)
        if chunk == b"VP8 ":
            width, height = struct.unpack("<HH", data[26:30])
            return _Header("webp", (width & 0x3FFF, height & 0x3FFF))
        return _Header("webp")
    if data[:2] == b"BM" and len(data) >= 26:
        if struct.unpack("<I", data[14:18])[0] == 12:  # OS/2 BITMAPCOREHEADER: 16-bit sizes
            width, height = struct.unpack("<hh", data[18:22])
        else:
            width, height = struct.unpack("<ii", data[18:26])
        return _Header("bmp", (abs(width), abs(height)), alpha=True)
    if data[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return _tiff_header(data)
    if data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis"):
        return _Header("avif", _avif_size(data), alpha=True)
    return _Header("unknown")


def jpeg_is_complete(data: bytes) -> bool:
    """The main image's scan is followed by the end-of-image marker (FF D9).

    The marker is looked for after the first start-of-scan, not merely at the very end:
    an EXIF thumbnail before the scan has its own, and a phone's motion photo appends a
    video after it. Inside scan data FF is always followed by 00 or a restart marker.
    """
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return False
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker == 0xDA:
            return data.find(b"\xff\xd9", pos) >= 0
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        pos += 2 + struct.unpack(">H", data[pos + 2 : pos + 4])[0]
    return False


def _png_is_complete(data: bytes) -> bool:
    """A PNG's last chunk is IEND, after its image data."""
    return data.rfind(b"IEND") > data.find(b"IDAT") > 0


def _refuse_if_too_large(header: _Header, shown: str) -> None:
    if header.size is None:
        return
    width, height = header.size
    limit = MAX_DEEP_IMAGE_PIXELS if header.deep else MAX_IMAGE_PIXELS
    if width * height > limit:
        raise CamcheckError(
            "error.too_large",
            path=shown,
            width=width,
            height=height,
            limit=limit // 1_000_000,
        )


def _not_an_image(path: Path, data: bytes, header: _Header) -> CamcheckError:
    shown = str(path)
    if header.kind == "png" and not _png_is_complete(data):
        return CamcheckError("error.truncated", path=shown)
    if path.suffix.lower() in VIDEO_SUFFIXES:
        return CamcheckError("error.is_video", path=shown)
    return CamcheckError("error.not_image", path=shown)


def load_image(path: Path | str) -> np.ndarray:
    """Read a still as RGB uint8, upright per its EXIF orientation.

    Only regular files are read, at most MAX_IMAGE_FILE_BYTES of them, and only formats
    whose header gives the size, which must be within MAX_IMAGE_PIXELS.

    Raises:
        CamcheckError: with a user-facing reason when the file cannot be judged.
    """
    path = checked_path(path)
    shown = str(path)
    # Read the file ourselves and decode the bytes: no decoder ever opens a path (and
    # imread fails on non-ASCII paths on Windows).
    with BoundedFile(path) as file:
        if file.size > MAX_IMAGE_FILE_BYTES:
            raise CamcheckError(
                "error.file_too_large", path=shown, limit=MAX_IMAGE_FILE_BYTES // 1_000_000
            )
        data = file.read(HEADER_BYTES)
        if not data:
            raise CamcheckError("error.empty", path=shown)
        header = _sniff(data)
        if header.kind == "unknown":
            raise _not_an_image(path, data, header)
        _refuse_if_too_large(header, shown)
        if len(data) == HEADER_BYTES:
            data += file.read(MAX_IMAGE_FILE_BYTES + 1 - len(data))
            if len(data) > MAX_IMAGE_FILE_BYTES:  # it grew while we read
                raise CamcheckError(
                    "error.file_too_large", path=shown, limit=MAX_IMAGE_FILE_BYTES // 1_000_000
                )
            if header.size is None:
                header = _sniff(data)
                _refuse_if_too_large(header, shown)
    if header.size is None:  # no size anywhere: it cannot be decoded safely, nor at all
        raise _not_an_image(path, data, header)
    # libjpeg decodes a cut-off JPEG, greying the missing part (and printing "Corrupt JPEG
    # data"): judging that would judge a picture nobody took.
    if header.kind == "jpeg" and not jpeg_is_complete(data):
        raise CamcheckError("error.truncated", path=shown)
    buffer = np.frombuffer(data, np.uint8)
    try:
        # IMREAD_COLOR applies the EXIF orientation (and turns CMYK, grey and palette
        # images into BGR); ANYDEPTH keeps 16 bits for a correct scale. A file that may be
        # transparent is decoded unchanged so its alpha can be composited.
        flags = cv2.IMREAD_UNCHANGED if header.alpha else cv2.IMREAD_COLOR | cv2.IMREAD_ANYDEPTH
        with native_stderr_silenced():
            decoded = cv2.imdecode(buffer, flags)
    except cv2.error:
        decoded = None
    if decoded is None or decoded.size == 0:
        raise _not_an_image(path, data, header)
    del buffer, data
    height, width = decoded.shape[:2]
    if min(height, width) < MIN_IMAGE_SIDE:
        raise CamcheckError(
            "error.too_small", path=shown, width=width, height=height, minimum=MIN_IMAGE_SIDE
        )
    return to_rgb8(decoded)


class ImageSource(FrameSource):
    """A still image: one frame."""

    kind = "image"

    def __init__(self, path: Path | str) -> None:
        self.path = checked_path(path)
        self.name = str(self.path)
        self.image = load_image(self.path)

    def __iter__(self) -> Iterator[Frame]:
        yield Frame(self.image, 0.0, 0, self.kind)

    def close(self) -> None:
        # The pixels are in the report's snapshot if --save needs them; drop our copy.
        self.image = np.empty((0, 0, 3), np.uint8)


# A video file that does not say its frame rate is assumed to be at the webcam norm.
DEFAULT_VIDEO_FPS = 30.0


class ArraySource(FrameSource):
    """Frames from memory (RGB order), at a fixed rate: for tests and for the library API."""

    def __init__(
        self,
        images: list[np.ndarray],
        *,
        fps: float = DEFAULT_VIDEO_FPS,
        name: str = "frames",
        kind: str = "video",
    ) -> None:
        self.images = images
        self.fps = fps
        self.name = name
        self.kind = kind

    def __iter__(self) -> Iterator[Frame]:
        for index, image in enumerate(self.images):
            yield Frame(to_rgb8(image, bgr=False), index / self.fps, index, self.kind)
