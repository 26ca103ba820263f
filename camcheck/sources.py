"""Frame sources: still images, video files and cameras behind one iterator interface."""

from __future__ import annotations

import os
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from camcheck.errors import CamcheckError

# Smaller than this on either side and there is no face to judge (a favicon, a 1x1 pixel).
MIN_IMAGE_SIDE = 32
# Decoding more than this many pixels would take over 1 GB as RGB; 100 MP is beyond any
# phone or webcam still of today. Larger images are refused before they are decoded, from
# the header where the format has one (PNG, JPEG, GIF, WebP, BMP) and by OpenCV's own limit
# for the rest (TIFF), which is set to the same number below.
MAX_IMAGE_PIXELS = 100_000_000
os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", str(MAX_IMAGE_PIXELS))
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
        image = (image.astype(np.float32) / 257.0).round().astype(np.uint8)
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
        alpha = image[:, :, -1:].astype(np.float32) / 255.0
        colour = image[:, :, :-1].astype(np.float32)
        image = (colour * alpha + 255.0 * (1.0 - alpha)).round().astype(np.uint8)
        if image.shape[2] == 1:
            return cv2.cvtColor(image[:, :, 0], cv2.COLOR_GRAY2RGB)
    image = np.ascontiguousarray(image)
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB) if bgr else image


@dataclass(frozen=True)
class _Header:
    """What the first bytes of an image file tell without decoding it."""

    kind: str  # "png", "jpeg", "gif", "webp", "bmp", "tiff" or "unknown"
    size: tuple[int, int] | None = None  # (width, height) where the header says it
    alpha: bool = False  # may hold transparency


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
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


def _sniff(data: bytes) -> _Header:
    """Format, size and possible transparency from the header bytes."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 26:
        width, height = struct.unpack(">II", data[16:24])
        # Colour types 4 and 6 carry alpha; a tRNS chunk (before the image data) can too.
        image_data = data.find(b"IDAT")
        alpha = data[25] in (4, 6) or b"tRNS" in data[: image_data if image_data > 0 else None]
        return _Header("png", (width, height), alpha)
    if data[:2] == b"\xff\xd8":
        return _Header("jpeg", _jpeg_size(data))
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
        width, height = struct.unpack("<ii", data[18:26])
        return _Header("bmp", (abs(width), abs(height)), alpha=True)
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return _Header("tiff", alpha=True)
    return _Header("unknown")


def _jpeg_is_complete(data: bytes) -> bool:
    """A JPEG ends with the EOI marker (FF D9), possibly followed by padding."""
    return b"\xff\xd9" in data[-1024:]


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
        # read + imdecode instead of imread: imread fails on non-ASCII paths on Windows.
        data = path.read_bytes()
    except OSError as exc:
        raise CamcheckError(
            "error.unreadable", path=shown, reason=exc.strerror or str(exc)
        ) from None
    if not data:
        raise CamcheckError("error.empty", path=shown)
    header = _sniff(data)
    if header.size is not None and header.size[0] * header.size[1] > MAX_IMAGE_PIXELS:
        raise CamcheckError(
            "error.too_large",
            path=shown,
            width=header.size[0],
            height=header.size[1],
            limit=MAX_IMAGE_PIXELS // 1_000_000,
        )
    buffer = np.frombuffer(data, np.uint8)
    try:
        # IMREAD_COLOR applies the EXIF orientation (and turns CMYK, grey and palette
        # images into BGR); ANYDEPTH keeps 16 bits for a correct scale. A file that may be
        # transparent is decoded unchanged so its alpha can be composited.
        flags = cv2.IMREAD_UNCHANGED if header.alpha else cv2.IMREAD_COLOR | cv2.IMREAD_ANYDEPTH
        decoded = cv2.imdecode(buffer, flags)
    except cv2.error:
        decoded = None
    if decoded is None or decoded.size == 0:
        if header.kind == "jpeg" and not _jpeg_is_complete(data):
            raise CamcheckError("error.truncated", path=shown)
        if path.suffix.lower() in VIDEO_SUFFIXES:
            raise CamcheckError("error.is_video", path=shown)
        raise CamcheckError("error.not_image", path=shown)
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
            yield Frame(to_rgb8(image, bgr=False), index / self.fps, index)


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


# How long a camera may take to open and deliver its first frame. USB webcams and built-in
# laptop cameras deliver within about a second; a camera held by another app opens (or not)
# but never delivers, and must fail quickly rather than hang.
CAMERA_START_TIMEOUT_S = 3.0
# Without --source camcheck tries these indices in turn: laptops with an infrared (face
# unlock) camera or a virtual camera installed can put the real one at 1 or 2.
CAMERA_SEARCH_INDICES = (0, 1, 2, 3)
# `camcheck devices` probes indices 0 .. CAMERA_PROBE_COUNT - 1; more than any desk has.
CAMERA_PROBE_COUNT = 8
# `camcheck devices` watches each camera this long to measure the frame rate it delivers.
DEVICE_FPS_SAMPLE_S = 1.0
# Frames waiting for analysis. When analysis falls behind the oldest are dropped, so memory
# stays bounded and the preview lags by at most this many frames (130 ms at 30 fps).
CAMERA_QUEUE_FRAMES = 4
# Pause before the reader retries a failed read: a busy loop would starve the analysis.
CAMERA_RETRY_S = 0.01
# How long close() waits for the reader thread. A driver stuck inside read() cannot be
# interrupted; the thread is a daemon and is left behind rather than hanging camcheck.
CAMERA_JOIN_TIMEOUT_S = 1.0


def open_camera(index: int) -> cv2.VideoCapture:
    """Open camera ``index`` and ask for what call apps send: 1280x720 at 30 fps, MJPEG."""
    capture = cv2.VideoCapture(index)
    if capture.isOpened():
        # MJPEG first: in raw YUYV a USB 2 webcam delivers 1280x720 at 10 fps or less, which
        # is not what it does in a call (Zoom and Teams ask for MJPEG too).
        capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, CAMERA_REQUEST_SIZE[0])
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, CAMERA_REQUEST_SIZE[1])
        capture.set(cv2.CAP_PROP_FPS, CAMERA_REQUEST_FPS)
    return capture


class CameraSource(FrameSource):
    """A camera in real time, for ``seconds`` seconds (or until interrupted).

    A reader thread owns the capture: it opens it, reads every frame the camera delivers
    and releases it. So a driver that blocks cannot hang camcheck (the consumer waits with a
    timeout), and the frame rate is measured as the camera delivers it, not as fast as the
    analysis runs: a frame's ``index`` counts every delivered frame (dropped ones too) and
    its ``timestamp`` is when it arrived, seconds after the first frame.

    Raises:
        CamcheckError: ``error.no_camera`` when the camera does not open,
            ``error.camera_silent`` when it opens but sends no frame within
            ``start_timeout`` (busy in another app), and, while iterating,
            ``error.camera_lost`` when frames stop for CAMERA_READ_TIMEOUT_S.
    """

    kind = "camera"
    realtime = True

    def __init__(
        self,
        index: int,
        seconds: float,
        *,
        opener: Callable[[int], cv2.VideoCapture] | None = None,
        clock: Callable[[], float] = time.monotonic,
        start_timeout: float = CAMERA_START_TIMEOUT_S,
    ) -> None:
        self.index = index
        self.seconds = seconds
        self.name = f"camera {index}"
        self._opener = opener or open_camera
        self._clock = clock
        self._condition = threading.Condition()
        self._queue: deque[Frame] = deque(maxlen=CAMERA_QUEUE_FRAMES)
        self._opened: bool | None = None
        self._failure: CamcheckError | None = None
        self._finished = False
        self._stop = threading.Event()
        self.delivered_size: tuple[int, int] | None = None
        self._thread: threading.Thread | None = threading.Thread(
            target=self._read_loop, name=f"camcheck {self.name}", daemon=True
        )
        self._thread.start()
        with self._condition:
            self._condition.wait_for(lambda: self._queue or self._finished, start_timeout)
            opened, delivering = self._opened, bool(self._queue)
        if not delivering:
            self.close()
            if opened:
                raise CamcheckError("error.camera_silent", camera=self.name, seconds=start_timeout)
            raise CamcheckError("error.no_camera", tried=self.name, sample=sample_clip_hint())

    def _read_loop(self) -> None:
        capture = None
        failure: CamcheckError | None = None
        try:
            capture = self._opener(self.index)
            opened = capture is not None and bool(capture.isOpened())
            with self._condition:
                self._opened = opened
            if not opened:
                return
            start: float | None = None
            last = self._clock()
            count = 0
            while not self._stop.is_set():
                ok, image = capture.read()
                now = self._clock()
                if not ok or image is None:
                    if now - last > CAMERA_READ_TIMEOUT_S:
                        lost_at = now - start if start is not None else 0.0
                        raise CamcheckError("error.camera_lost", seconds=lost_at)
                    time.sleep(CAMERA_RETRY_S)
                    continue
                start = now if start is None else start
                if now - start >= self.seconds:
                    return
                last = now
                frame = Frame(to_rgb8(image), now - start, count)
                count += 1
                with self._condition:
                    self.delivered_size = (frame.image.shape[1], frame.image.shape[0])
                    self._queue.append(frame)
                    self._condition.notify_all()
        except CamcheckError as exc:
            failure = exc
        except Exception:  # a driver error mid-stream is the camera going away
            failure = CamcheckError("error.camera_lost", seconds=0.0)
        finally:
            if capture is not None:
                capture.release()
            with self._condition:
                self._failure = failure
                self._finished = True
                self._condition.notify_all()

    def __iter__(self) -> Iterator[Frame]:
        try:
            while True:
                with self._condition:
                    # The backstop for a driver stuck inside read(): the reader cannot
                    # report that itself.
                    self._condition.wait_for(
                        lambda: self._queue or self._finished, CAMERA_READ_TIMEOUT_S
                    )
                    frame = self._queue.popleft() if self._queue else None
                    failure, finished = self._failure, self._finished
                if frame is not None:
                    yield frame
                elif failure is not None:
                    raise failure
                elif finished:
                    return
                else:
                    raise CamcheckError("error.camera_lost", seconds=0.0)
        finally:
            self.close()

    def close(self) -> None:
        self._stop.set()
        thread, self._thread = getattr(self, "_thread", None), None
        if thread is not None and thread is not threading.current_thread():
            thread.join(CAMERA_JOIN_TIMEOUT_S)


@dataclass(frozen=True)
class CameraInfo:
    """A camera that opened: what it delivers when asked for CAMERA_REQUEST_SIZE."""

    index: int
    width: int = 0
    height: int = 0
    fps: float = 0.0
    delivering: bool = True


def probe_camera(
    index: int,
    *,
    opener: Callable[[int], cv2.VideoCapture] | None = None,
    seconds: float = DEVICE_FPS_SAMPLE_S,
    start_timeout: float = CAMERA_START_TIMEOUT_S,
) -> CameraInfo | None:
    """Open camera ``index`` briefly: its delivered size and frame rate, or None if absent."""
    try:
        source = CameraSource(index, seconds, opener=opener, start_timeout=start_timeout)
    except CamcheckError as exc:
        return CameraInfo(index, delivering=False) if exc.key == "error.camera_silent" else None
    first: Frame | None = None
    last: Frame | None = None
    try:
        for frame in source:
            first = first or frame
            last = frame
    except CamcheckError:
        pass
    if first is None or last is None:
        return CameraInfo(index, delivering=False)
    span = last.timestamp - first.timestamp
    fps = (last.index - first.index) / span if span > 0 else 0.0
    return CameraInfo(index, last.image.shape[1], last.image.shape[0], fps)


def probe_cameras(
    count: int = CAMERA_PROBE_COUNT,
    *,
    opener: Callable[[int], cv2.VideoCapture] | None = None,
    seconds: float = DEVICE_FPS_SAMPLE_S,
    start_timeout: float = CAMERA_START_TIMEOUT_S,
) -> list[CameraInfo]:
    """Every camera among indices 0 .. count - 1 that opens, in index order."""
    found = []
    for index in range(count):
        info = probe_camera(index, opener=opener, seconds=seconds, start_timeout=start_timeout)
        if info is not None:
            found.append(info)
    return found


def find_camera(
    seconds: float,
    *,
    indices: tuple[int, ...] = CAMERA_SEARCH_INDICES,
    opener: Callable[[int], cv2.VideoCapture] | None = None,
    start_timeout: float = CAMERA_START_TIMEOUT_S,
) -> CameraSource:
    """The first camera among ``indices`` that delivers a frame.

    Raises:
        CamcheckError: naming every index tried; a camera that opened but stayed silent
            (busy in another app) is named first, as that is what the person can fix.
    """
    silent: CamcheckError | None = None
    for index in indices:
        try:
            return CameraSource(index, seconds, opener=opener, start_timeout=start_timeout)
        except CamcheckError as exc:
            if exc.key == "error.camera_silent" and silent is None:
                silent = exc
    if silent is not None:
        raise silent
    raise CamcheckError(
        "error.no_cameras", indices=", ".join(map(str, indices)), sample=sample_clip_hint()
    )


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
    if spec is None:
        return find_camera(seconds)
    if spec.strip().isdigit():
        return CameraSource(int(spec), seconds)
    path = Path(spec)
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return ImageSource(path)
    return VideoSource(path)


IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff"}
VIDEO_SUFFIXES = {".mp4", ".mov", ".avi", ".mkv", ".webm", ".m4v", ".wmv"}


def video_duration(path: Path) -> float | None:
    """A video file's length in seconds from its header, or None when it does not say."""
    capture = cv2.VideoCapture(str(path))
    try:
        if not capture.isOpened():
            return None
        count = capture.get(cv2.CAP_PROP_FRAME_COUNT)
        fps = capture.get(cv2.CAP_PROP_FPS)
        return count / fps if count > 0 and fps > 0 else None
    finally:
        capture.release()
