"""Generate the corpus of awkward input files that tests/test_bad_input.py walks.

Run on its own to look at the files: ``python tests/make_bad_files.py OUT_DIR``.
Each entry says what camcheck must do: judge it ("ok") or refuse it with a given error key.
"""

from __future__ import annotations

import io
import struct
import sys
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


def _corrupt_video(path: Path) -> None:
    data = (ROOT / "fixtures" / "sample_call.mp4").read_bytes()
    path.write_bytes(data[:48] + bytes(len(data) // 4))


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
]

VIDEO_CORPUS: list[BadFile] = [
    BadFile("no frames.mp4", "error.not_video", _empty_video),
    BadFile("corrupt.mp4", "error.not_video", _corrupt_video),
    BadFile("text.mp4", "error.not_video", _write(b"not a video\n" * 50)),
    BadFile("empty.mp4", "error.empty", _write(b"")),
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
