"""Frame sources: still images, video files and cameras behind one iterator interface."""

from __future__ import annotations

import os
import struct
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from camcheck.errors import CamcheckError

# Smaller than this on either side and there is no face to judge (a favicon, a 1x1 pixel).
MIN_IMAGE_SIDE = 32
# Decoding more than this many pixels would take over 1 GB as RGB; 100 MP is beyond any
# phone or webcam still of today. Larger images are refused before they are decoded.
MAX_IMAGE_PIXELS = 100_000_000
# What camcheck asks a camera for: the resolution video calls send today.
CAMERA_REQUEST_SIZE = (1280, 720)
CAMERA_REQUEST_FPS = 30
# A camera that delivers no frame for this long is treated as unplugged or stuck.
CAMERA_READ_TIMEOUT_S = 3.0
# A video file that does not say its frame rate is assumed to be at the webcam norm.
DEFAULT_VIDEO_FPS = 30.0
SAMPLE_CLIP_NAME = "sample_call.mp4"

# OpenCV logs every failed camera probe to stderr; camcheck reports failures itself.
cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)


@dataclass(frozen=True)
class Frame:
    """One RGB uint8 frame and when it was taken, in seconds from the start of the source."""

    image: np.ndarray
    timestamp: float
    index: int


class FrameSource:
    """An iterable of frames with a name to show and a kind (image, video or camera)."""

    name: str
    kind: str
    realtime: bool = False

    def __iter__(self) -> Iterator[Frame]:
        raise NotImplementedError

    def close(self) -> None:
        """Release what the source holds; safe to call twice."""


def to_rgb8(array: np.ndarray) -> np.ndarray:
    """Any decoded image (grey, BGR, BGRA; 8 or 16 bit or float) -> RGB uint8.

    Transparent pixels are composited onto white, as an image viewer shows them.
    """
    image = np.asarray(array)
    if image.dtype == np.uint16:
        image = (image.astype(np.float32) / 257.0).round().astype(np.uint8)
    elif image.dtype.kind == "f":
        image = (np.nan_to_num(image.astype(np.float32)).clip(0.0, 1.0) * 255.0).round()
        image = image.astype(np.uint8)
    elif image.dtype != np.uint8:
        image = np.clip(image, 0, 255).astype(np.uint8)
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2RGB)
    if image.ndim == 3 and image.shape[2] == 1:
        return cv2.cvtColor(image[:, :, 0], cv2.COLOR_GRAY2RGB)
    if image.ndim == 3 and image.shape[2] == 4:
        alpha = image[:, :, 3:4].astype(np.float32) / 255.0
        colour = image[:, :, :3].astype(np.float32)
        image = (colour * alpha + 255.0 * (1.0 - alpha)).round().astype(np.uint8)
    if image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"unsupported image shape {array.shape}")
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB)


def _header_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG or JPEG header without decoding, or None if unknown."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:2] == b"\xff\xd8":
        pos = 2
        while pos + 9 < len(data):
            if data[pos] != 0xFF:
                pos += 1
                continue
            marker = data[pos + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
                pos += 1 if marker == 0xFF else 2
                continue
            length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
            # SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
                return width, height
            pos += 2 + length
    return None


def load_image(path: Path) -> np.ndarray:
    """Read a still as RGB uint8, upright per its EXIF orientation.

    Raises:
        CamcheckError: with a user-facing reason when the file cannot be judged.
    """
    shown = str(path)
    if not path.exists():
        raise CamcheckError("error.missing", path=shown)
    if path.is_dir():
        raise CamcheckError("error.is_directory", path=shown)
    try:
        # np.fromfile + imdecode instead of imread: imread fails on non-ASCII paths on Windows.
        data = path.read_bytes()
    except OSError as exc:
        raise CamcheckError(
            "error.unreadable", path=shown, reason=exc.strerror or str(exc)
        ) from None
    if not data:
        raise CamcheckError("error.empty", path=shown)
    if (size := _header_size(data)) is not None and size[0] * size[1] > MAX_IMAGE_PIXELS:
        raise CamcheckError(
            "error.too_large",
            path=shown,
            width=size[0],
            height=size[1],
            limit=MAX_IMAGE_PIXELS // 1_000_000,
        )
    buffer = np.frombuffer(data, np.uint8)
    # IMREAD_COLOR applies the EXIF orientation; ANYDEPTH keeps 16-bit for a proper scale.
    decoded = cv2.imdecode(buffer, cv2.IMREAD_COLOR | cv2.IMREAD_ANYDEPTH)
    if decoded is None or decoded.size == 0:
        raise CamcheckError("error.not_image", path=shown)
    if decoded.ndim == 3 and decoded.shape[2] == 3:
        # IMREAD_COLOR drops alpha; decode once more to composite transparent pixels on white.
        with_alpha = cv2.imdecode(buffer, cv2.IMREAD_UNCHANGED)
        if (
            with_alpha is not None
            and with_alpha.ndim == 3
            and with_alpha.shape[2] == 4
            and with_alpha.shape[:2] == decoded.shape[:2]
        ):
            decoded = with_alpha
    height, width = decoded.shape[:2]
    if min(height, width) < MIN_IMAGE_SIDE:
        raise CamcheckError(
            "error.too_small", path=shown, width=width, height=height, minimum=MIN_IMAGE_SIDE
        )
    return to_rgb8(decoded)


class ImageSource(FrameSource):
    """A still image: one frame."""

    kind = "image"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        self.image = load_image(path)

    def __iter__(self) -> Iterator[Frame]:
        yield Frame(self.image, 0.0, 0)


class ArraySource(FrameSource):
    """Frames from memory, at a fixed rate: for tests and for the library API."""

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
            yield Frame(
                to_rgb8(image) if image.dtype != np.uint8 else image, index / self.fps, index
            )


class VideoSource(FrameSource):
    """A video file, every frame, as fast as it decodes; timestamps from the file's rate."""

    kind = "video"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        shown = str(path)
        if not path.exists():
            raise CamcheckError("error.missing", path=shown)
        if path.is_dir():
            raise CamcheckError("error.is_directory", path=shown)
        if not os.access(path, os.R_OK):
            raise CamcheckError("error.unreadable", path=shown, reason="permission denied")
        if path.stat().st_size == 0:
            raise CamcheckError("error.empty", path=shown)
        self._capture = cv2.VideoCapture(str(path))
        if not self._capture.isOpened():
            self.close()
            raise CamcheckError("error.not_video", path=shown)
        fps = self._capture.get(cv2.CAP_PROP_FPS)
        self.fps = fps if 1.0 <= fps <= 240.0 else DEFAULT_VIDEO_FPS
        ok, first = self._capture.read()
        if not ok or first is None:
            self.close()
            raise CamcheckError("error.not_video", path=shown)
        self._first: np.ndarray | None = first

    def __iter__(self) -> Iterator[Frame]:
        index = 0
        try:
            while True:
                if self._first is not None:
                    image, self._first = self._first, None
                else:
                    ok, image = self._capture.read()
                    if not ok or image is None:
                        return
                yield Frame(to_rgb8(image), index / self.fps, index)
                index += 1
        finally:
            self.close()

    def close(self) -> None:
        capture = getattr(self, "_capture", None)
        if capture is not None:
            capture.release()
            self._capture = None


class CameraSource(FrameSource):
    """A camera in real time, for ``seconds`` seconds (or until interrupted)."""

    kind = "camera"
    realtime = True

    def __init__(
        self,
        index: int,
        seconds: float,
        *,
        opener: Callable[[int], cv2.VideoCapture] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.index = index
        self.seconds = seconds
        self.name = f"camera {index}"
        self._clock = clock
        self._capture = (opener or self._open)(index)
        if self._capture is None or not self._capture.isOpened():
            self.close()
            raise CamcheckError("error.no_camera", tried=self.name, sample=sample_clip_hint())
        self.delivered_size: tuple[int, int] | None = None

    @staticmethod
    def _open(index: int) -> cv2.VideoCapture:
        capture = cv2.VideoCapture(index)
        if capture.isOpened():
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, CAMERA_REQUEST_SIZE[0])
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, CAMERA_REQUEST_SIZE[1])
            capture.set(cv2.CAP_PROP_FPS, CAMERA_REQUEST_FPS)
        return capture

    def __iter__(self) -> Iterator[Frame]:
        start = self._clock()
        last_frame = start
        index = 0
        try:
            while (now := self._clock()) - start < self.seconds:
                ok, image = self._capture.read()
                if not ok or image is None:
                    if self._clock() - last_frame > CAMERA_READ_TIMEOUT_S:
                        raise CamcheckError("error.camera_lost", seconds=now - start)
                    time.sleep(0.01)
                    continue
                last_frame = self._clock()
                yield Frame(to_rgb8(image), last_frame - start, index)
                index += 1
        finally:
            self.close()

    def close(self) -> None:
        capture = getattr(self, "_capture", None)
        if capture is not None:
            capture.release()
            self._capture = None


def sample_clip() -> Path:
    """The sample clip in the source checkout's fixtures/, for machines without a camera."""
    return Path(__file__).resolve().parent.parent / "fixtures" / SAMPLE_CLIP_NAME


def sample_clip_hint() -> str:
    """The sample clip's path as a user would type it from where they are."""
    path = sample_clip()
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def open_source(spec: str | None, seconds: float) -> FrameSource:
    """A camera index ("0", default) or a video file path -> an open frame source."""
    if spec is None or spec.strip().isdigit():
        return CameraSource(int(spec or 0), seconds)
    path = Path(spec)
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return ImageSource(path)
    return VideoSource(path)


IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff"}
