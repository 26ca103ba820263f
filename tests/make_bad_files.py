"""Generate the corpus of awkward input files that tests/test_bad_input.py walks.

Run on its own to look at the files: ``python tests/make_bad_files.py OUT_DIR``.
Each entry says what camcheck must do: judge it ("ok") or refuse it with a given error key.
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
FACE = ROOT / "fixtures" / "good_obama.jpg"


@dataclass(frozen=True)
class BadFile:
    name: str
    expect: str  # "ok" or the CamcheckError key
    make: Callable[[Path], None]


def _face_bgr() -> np.ndarray:
    image = cv2.imread(str(FACE))
    assert image is not None
    return image


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _encoded(ext: str, image: np.ndarray, params: list[int] | None = None) -> bytes:
    ok, buffer = cv2.imencode(ext, image, params or [])
    assert ok
    return buffer.tobytes()


def _pil_bytes(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def _face_pil() -> Image.Image:
    return Image.fromarray(cv2.cvtColor(_face_bgr(), cv2.COLOR_BGR2RGB))


def _exif_jpeg(orientation: int) -> bytes:
    """The face photo stored rotated, with an EXIF tag saying how to turn it upright."""
    # Orientation 6 means "rotate 90° clockwise to display": store it rotated back.
    stored = cv2.rotate(_face_bgr(), cv2.ROTATE_90_COUNTERCLOCKWISE)
    data = _encoded(".jpg", stored)
    tiff = b"MM\x00*" + struct.pack(">I", 8) + struct.pack(">H", 1)
    tiff += struct.pack(">HHII", 0x0112, 3, 1, orientation << 16) + struct.pack(">I", 0)
    payload = b"Exif\x00\x00" + tiff
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + data[2:]


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + b"\x00" * 64


def _jpeg_header(width: int, height: int) -> bytes:
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + sof + b"\x00" * 64


def _rgba_face() -> bytes:
    face = _face_bgr()
    alpha = np.full(face.shape[:2], 255, np.uint8)
    alpha[:, : face.shape[1] // 8] = 0  # a transparent strip at the left
    return _encoded(".png", np.dstack([face, alpha]))


def _gif() -> bytes:
    frames = [_face_pil().convert("P"), Image.new("P", _face_pil().size)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100)
    return out.getvalue()


def _empty_video(path: Path) -> None:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 15, (64, 48))
    writer.release()
    if not path.exists():  # some builds write nothing for zero frames
        path.write_bytes(b"")


def _boxes(data: bytes | bytearray, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """The ISO-BMFF boxes in data[start:end]: (type, offset, size)."""
    found = []
    while start + 8 <= end:
        size, kind = struct.unpack(">I4s", data[start : start + 8])
        if size < 8:
            break
        found.append((kind, start, size))
        start += size
    return found


def _faststart(data: bytes) -> bytes:
    """The mp4 with its index (moov) moved before the media data, as streaming sites serve it.

    Then a cut-off copy still opens and plays up to the cut, which is what makes it
    dangerous: nothing fails, frames are just missing.
    """
    top = _boxes(data, 0, len(data))
    (moov,) = [data[o : o + n] for kind, o, n in top if kind == b"moov"]
    moov = bytearray(moov)
    shift = len(moov)

    def walk(start: int, end: int) -> None:
        for kind, offset, size in _boxes(moov, start, end):
            if kind in (b"trak", b"mdia", b"minf", b"stbl"):
                walk(offset + 8, offset + size)
            elif kind == b"stco":
                (count,) = struct.unpack(">I", moov[offset + 12 : offset + 16])
                for entry in range(offset + 16, offset + 16 + 4 * count, 4):
                    (value,) = struct.unpack(">I", moov[entry : entry + 4])
                    moov[entry : entry + 4] = struct.pack(">I", value + shift)

    walk(8, len(moov))
    head = b"".join(data[o : o + n] for kind, o, n in top if kind == b"ftyp")
    rest = b"".join(data[o : o + n] for kind, o, n in top if kind not in (b"ftyp", b"moov"))
    return head + bytes(moov) + rest


def _cut_faststart_video(path: Path) -> None:
    data = _faststart((ROOT / "fixtures" / "sample_call.mp4").read_bytes())
    path.write_bytes(_cut(data, 0.45))


def _damaged_video(path: Path) -> None:
    """Bytes of the media data overwritten: FFmpeg prints "ac-tex damaged" and goes on."""
    data = bytearray((ROOT / "fixtures" / "sample_call.mp4").read_bytes())
    (mdat,) = [(o, n) for kind, o, n in _boxes(data, 0, len(data)) if kind == b"mdat"]
    for at in range(mdat[0] + mdat[1] // 3, mdat[0] + mdat[1] // 2, 4096):
        data[at : at + 64] = bytes(range(64))
    path.write_bytes(bytes(data))


def _corrupt_video(path: Path) -> None:
    data = (ROOT / "fixtures" / "sample_call.mp4").read_bytes()
    path.write_bytes(data[:48] + bytes(len(data) // 4))


# Just over the 100-megapixel limit: small files that decode to hundreds of megabytes.
BOMB_SIDE = 10_001


def _tiff(width: int, height: int, strip: bytes, *, compression: int, bits: int = 8) -> bytes:
    """A one-strip grey TIFF (little-endian) with the given (already compressed) strip."""
    tags = [
        (256, 4, width),  # ImageWidth
        (257, 4, height),  # ImageLength
        (258, 3, bits),  # BitsPerSample
        (259, 3, compression),  # Compression: 1 none, 8 deflate
        (262, 3, 1),  # PhotometricInterpretation: black is zero
        (273, 4, 0),  # StripOffsets, filled in below
        (277, 3, 1),  # SamplesPerPixel
        (278, 4, height),  # RowsPerStrip
        (279, 4, len(strip)),  # StripByteCounts
    ]
    ifd_size = 2 + 12 * len(tags) + 4
    data_at = 8 + ifd_size
    ifd = struct.pack("<H", len(tags))
    for tag, kind, value in tags:
        value = data_at if tag == 273 else value
        packed = struct.pack("<H", value) + b"\x00\x00" if kind == 3 else struct.pack("<I", value)
        ifd += struct.pack("<HHI", tag, kind, 1) + packed
    return b"II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<I", 0) + strip


def _tiff_bomb() -> bytes:
    """Deflate-compressed zeros: a 100 KB file of 100 megapixels (300 MB once decoded)."""
    packer = zlib.compressobj(9)
    row = bytes(BOMB_SIDE)
    strip = b"".join(packer.compress(row) for _ in range(BOMB_SIDE)) + packer.flush()
    return _tiff(BOMB_SIDE, BOMB_SIDE, strip, compression=8)


def _hdr_bomb() -> bytes:
    """A run-length encoded Radiance HDR of zeros: 6 MB that OpenCV decodes to 1.2 GB."""
    runs = BOMB_SIDE // 127
    channel = bytes([128 + 127, 0]) * runs + bytes([128 + BOMB_SIDE - 127 * runs, 0])
    line = bytes([2, 2, BOMB_SIDE >> 8, BOMB_SIDE & 0xFF]) + channel * 4
    head = f"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y {BOMB_SIDE} +X {BOMB_SIDE}\n".encode()
    return head + line * BOMB_SIDE


def _cut(data: bytes, share: float) -> bytes:
    return data[: int(len(data) * share)]


def _png_bad_crc() -> bytes:
    """A byte flipped inside the image data: libpng prints "IDAT: CRC error"."""
    data = bytearray(_encoded(".png", _face_bgr()))
    data[data.find(b"IDAT") + 200] ^= 0xFF
    return bytes(data)


def _jpeg_damaged_scan() -> bytes:
    """A complete JPEG with bytes of its scan overwritten: libjpeg prints "Corrupt JPEG data"."""
    data = bytearray(_encoded(".jpg", _face_bgr()))
    middle = len(data) // 2
    data[middle : middle + 40] = b"\xff\x00" * 10 + b"\xff\xd3" + b"\x17" * 18
    return bytes(data)


CORPUS: list[BadFile] = [
    BadFile("empty.jpg", "error.empty", _write(b"")),
    BadFile("text.jpg", "error.not_image", _write(b"Dit is geen foto.\n" * 20)),
    BadFile(
        "truncated.jpg",
        "error.truncated",
        lambda p: p.write_bytes(_encoded(".jpg", _face_bgr())[:4000]),
    ),
    BadFile("png named.jpg", "ok", _write(_encoded(".png", _face_bgr()))),
    BadFile("sixteen-bit.png", "ok", _write(_encoded(".png", _face_bgr().astype(np.uint16) * 257))),
    BadFile(
        "grey.png", "ok", _write(_encoded(".png", cv2.cvtColor(_face_bgr(), cv2.COLOR_BGR2GRAY)))
    ),
    BadFile("rgba.png", "ok", _write(_rgba_face())),
    BadFile(
        "cmyk.jpg", "ok", lambda p: p.write_bytes(_pil_bytes(_face_pil().convert("CMYK"), "JPEG"))
    ),
    BadFile("animated.gif", "ok", lambda p: p.write_bytes(_gif())),
    BadFile("webp.webp", "ok", _write(_encoded(".webp", _face_bgr()))),
    BadFile(
        "one-pixel.png", "error.too_small", _write(_encoded(".png", np.zeros((1, 1, 3), np.uint8)))
    ),
    BadFile("huge.png", "error.too_large", _write(_png_header(20000, 20000))),
    BadFile("huge.jpg", "error.too_large", _write(_jpeg_header(20000, 20000))),
    BadFile("phone rotated.jpg", "ok", lambda p: p.write_bytes(_exif_jpeg(6))),
    # Issue 16: decompression bombs in formats without a size check before.
    BadFile("bomb.tif", "error.too_large", lambda p: p.write_bytes(_tiff_bomb())),
    BadFile("huge.tif", "error.too_large", _write(_tiff(30000, 30000, b"", compression=1))),
    BadFile("bomb.hdr", "error.not_image", lambda p: p.write_bytes(_hdr_bomb())),
    BadFile(
        "half.jpg",
        "error.truncated",
        lambda p: p.write_bytes(_cut(_encoded(".jpg", _face_bgr()), 0.6)),
    ),
    BadFile(
        "half.png",
        "error.truncated",
        lambda p: p.write_bytes(_cut(_encoded(".png", _face_bgr()), 0.6)),
    ),
    BadFile("bad crc.png", "error.not_image", lambda p: p.write_bytes(_png_bad_crc())),
    BadFile("damaged scan.jpg", "ok", lambda p: p.write_bytes(_jpeg_damaged_scan())),
    BadFile(
        "tiff.tif",
        "ok",
        lambda p: p.write_bytes(_pil_bytes(_face_pil(), "TIFF", compression="tiff_deflate")),
    ),
    BadFile("line\nbreak.jpg", "error.not_image", _write(b"a name with a newline in it\n" * 8)),
]

VIDEO_CORPUS: list[BadFile] = [
    BadFile("no frames.mp4", "error.not_video", _empty_video),
    BadFile("corrupt.mp4", "error.not_video", _corrupt_video),
    BadFile("text.mp4", "error.not_video", _write(b"not a video\n" * 50)),
    BadFile("empty.mp4", "error.empty", _write(b"")),
    # Issue 16: a video cut short, and one with damaged frames (judged, quietly).
    BadFile("cut faststart.mp4", "error.video_truncated", _cut_faststart_video),
    BadFile("damaged.mp4", "ok", _damaged_video),
]


def build(folder: Path, corpus: list[BadFile]) -> list[tuple[Path, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for item in corpus:
        path = folder / item.name
        item.make(path)
        made.append((path, item.expect))
    return made


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-files")
    for path, expect in build(out, CORPUS + VIDEO_CORPUS):
        print(f"{expect:18s} {path}")
