"""Cameras: a reader thread with a bounded queue, device probing and the camera search."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from camcheck.errors import CamcheckError
from camcheck.perception import WORKING_LONG_SIDE
from camcheck.sources.frames import Frame, FrameSource
from camcheck.sources.images import jpeg_is_complete, jpeg_size, to_rgb8

# How long `camcheck live` watches a camera by default: long enough for the auto exposure
# to settle and for a finding to persist for a second, short enough to wait for.
DEFAULT_LIVE_SECONDS = 5.0
# What camcheck asks a camera for: the resolution video calls send today.
CAMERA_REQUEST_SIZE = (1280, 720)
CAMERA_REQUEST_FPS = 30
# A camera that delivers no frame for this long is treated as unplugged or stuck.
CAMERA_READ_TIMEOUT_S = 3.0
# The consumer's own backstop waits this much longer than the reader's timeout, so the
# reader, which knows when the last frame came and why reading stopped, always reports
# first; the backstop only fires for a driver stuck inside read(), which cannot report.
CAMERA_BACKSTOP_MARGIN_S = 1.0
SAMPLE_CLIP_NAME = "sample_call.mp4"
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

# The scales libjpeg decodes a JPEG at directly (its scaled inverse DCT), smallest first,
# with OpenCV's flag for each; colour comes from IMREAD_COLOR_RGB (or IMREAD_COLOR before
# OpenCV 4.11, then swapped). A camera's MJPEG picture is decoded at the smallest scale whose
# long side still reaches WORKING_LONG_SIDE, which is all the analysis ever looks at: a
# 1280x720 frame comes out at 640x360, the working copy itself, in 1.6 ms instead of 3.8 ms
# for the whole picture and its downscale (measured at 1280x720, this machine, loaded).
JPEG_SCALES = (
    (8, cv2.IMREAD_REDUCED_GRAYSCALE_8),
    (4, cv2.IMREAD_REDUCED_GRAYSCALE_4),
    (2, cv2.IMREAD_REDUCED_GRAYSCALE_2),
    (1, cv2.IMREAD_GRAYSCALE),
)
_COLOR_RGB = getattr(cv2, "IMREAD_COLOR_RGB", None)
# The first bytes of every JPEG: the SOI marker and the start of the next one.
JPEG_START = b"\xff\xd8\xff"
MJPEG_FOURCC = cv2.VideoWriter.fourcc(*"MJPG")
# Raw JPEGs refused in a row (cut short, or undecodable) before the reader gives decoding
# back to OpenCV: a frame cut short now and then is dropped, a camera that never sends a
# whole JPEG (some omit the end-of-image marker) still works, a third of a second later.
MAX_REFUSED_JPEGS = 10

# OpenCV logs every failed camera probe to stderr; camcheck reports failures itself.
cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)


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
        if int(capture.get(cv2.CAP_PROP_FOURCC)) == MJPEG_FOURCC:
            # Hand back each JPEG as the camera sent it (V4L2 does, see its retrieveFrame),
            # so camera_picture decodes it at the size the analysis needs, not whole. A
            # backend that cannot still decodes; one that hands back something else raw is
            # switched back by the reader (_ReadPicture).
            capture.set(cv2.CAP_PROP_CONVERT_RGB, 0)
    return capture


def _encoded_jpeg(raw: np.ndarray) -> np.ndarray | None:
    """The bytes of ``raw`` if it is an encoded JPEG (one row of uint8), else None."""
    if raw.dtype != np.uint8 or raw.size < len(JPEG_START) or max(raw.shape) != raw.size:
        return None
    data = raw.reshape(-1)
    return data if data[: len(JPEG_START)].tobytes() == JPEG_START else None


def camera_picture(raw: np.ndarray) -> tuple[np.ndarray, tuple[int, int] | None] | None:
    """What a capture's read() gave -> (RGB uint8 picture, the camera's size or None).

    A decoded picture (BGR, as OpenCV converts) comes back in RGB, its size its own (None).
    An encoded JPEG (a capture with CAP_PROP_CONVERT_RGB off) is decoded at the smallest
    of JPEG_SCALES that keeps WORKING_LONG_SIDE, and the size is the one in its header: the
    camera checks judge what the camera sent. None when ``raw`` is neither (a raw format
    such as YUYV, or a JPEG cut short, which libjpeg would fill with grey).
    """
    data = _encoded_jpeg(raw)
    if data is None:
        if raw.ndim == 3 and raw.shape[2] == 3 and raw.dtype == np.uint8:
            return to_rgb8(raw), None
        return None
    encoded = data.tobytes()
    size = jpeg_size(encoded)
    if size is None or not jpeg_is_complete(encoded):
        return None
    # libjpeg's picture at 1/scale is ceil(size / scale) pixels; 1/1 when nothing smaller is.
    scale, flag = next(
        (scale, flag)
        for scale, flag in JPEG_SCALES
        if math.ceil(max(size) / scale) >= WORKING_LONG_SIDE or scale == 1
    )
    if _COLOR_RGB is not None:
        picture = cv2.imdecode(data, flag | _COLOR_RGB)
    else:  # OpenCV before 4.11: BGR, then swapped
        picture = cv2.imdecode(data, flag | cv2.IMREAD_COLOR)
        picture = None if picture is None else to_rgb8(picture)
    if picture is None or picture.ndim != 3:
        return None
    return picture, (size if scale > 1 else None)


@dataclass(frozen=True)
class _End:
    """The reader's last word: why it stopped (None when the seconds were up)."""

    failure: CamcheckError | None


class CameraSource(FrameSource):
    """A camera in real time, for ``seconds`` seconds (or until interrupted).

    A reader thread owns the capture: it opens it, reads every frame the camera delivers
    and releases it. So a driver that blocks cannot hang camcheck (the consumer waits with a
    timeout), and the frame rate is measured as the camera delivers it, not as fast as the
    analysis runs: a frame's ``index`` counts every delivered frame (dropped ones too) and
    its ``timestamp`` is when it arrived, seconds after the first frame. The reader ends with
    one ``_End`` carrying the real error and the time of the last frame.

    Raises:
        CamcheckError: ``error.no_camera`` when the camera does not open,
            ``error.camera_silent`` when it opens but sends no frame within
            ``start_timeout`` (busy in another app), and, while iterating,
            ``error.camera_lost`` when frames stop for ``read_timeout``.
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
        sleep: Callable[[float], None] = time.sleep,
        start_timeout: float = CAMERA_START_TIMEOUT_S,
        read_timeout: float = CAMERA_READ_TIMEOUT_S,
    ) -> None:
        self.index = index
        self.seconds = seconds
        self.name = f"camera {index}"
        self._opener = opener or open_camera
        self._clock = clock
        self._sleep = sleep
        self._read_timeout = read_timeout
        self._condition = threading.Condition()
        self._queue: deque[Frame] = deque(maxlen=CAMERA_QUEUE_FRAMES)
        self._opened: bool | None = None
        self._end: _End | None = None
        self._stop = threading.Event()
        self._last_timestamp = 0.0
        self._thread: threading.Thread | None = threading.Thread(
            target=self._read_loop, name=f"camcheck {self.name}", daemon=True
        )
        self._thread.start()
        with self._condition:
            self._condition.wait_for(lambda: self._queue or self._end is not None, start_timeout)
            opened, delivering = self._opened, bool(self._queue)
        if not delivering:
            self.close()
            if opened:
                raise CamcheckError("error.camera_silent", camera=self.name, seconds=start_timeout)
            raise CamcheckError("error.no_camera", tried=self.name, sample=sample_clip_hint())

    @property
    def expected_seconds(self) -> float | None:
        return self.seconds if math.isfinite(self.seconds) else None

    def _read_loop(self) -> None:
        capture = None
        failure: CamcheckError | None = None
        start: float | None = None
        delivered_at = 0.0  # seconds after the first frame of the last frame delivered
        try:
            capture = self._opener(self.index)
            opened = capture is not None and bool(capture.isOpened())
            with self._condition:
                self._opened = opened
            if not opened:
                return
            last = self._clock()
            count = 0
            refused = 0  # raw JPEGs refused since the last frame delivered
            while not self._stop.is_set():
                ok, image = capture.read()
                now = self._clock()
                picture = camera_picture(image) if ok and image is not None else None
                if picture is None:
                    refused = refused + 1 if ok and image is not None else refused
                    if (
                        ok
                        and image is not None
                        and (_encoded_jpeg(image) is None or refused >= MAX_REFUSED_JPEGS)
                    ):
                        # Raw, but not a JPEG (a backend that gave YUYV or NV12 as it came),
                        # or JPEGs we keep refusing (a camera whose frames lack the end
                        # marker, which OpenCV's own conversion accepts): let OpenCV
                        # convert again.
                        capture.set(cv2.CAP_PROP_CONVERT_RGB, 1)
                        refused = 0
                    if now - last > self._read_timeout:
                        raise CamcheckError("error.camera_lost", seconds=delivered_at)
                    self._sleep(CAMERA_RETRY_S)
                    continue
                start = now if start is None else start
                if now - start >= self.seconds:
                    return
                last = now
                refused = 0
                rgb, size = picture
                frame = Frame(rgb, now - start, count, self.kind, CAMERA_REQUEST_SIZE, size)
                delivered_at = frame.timestamp
                count += 1
                with self._condition:
                    self._queue.append(frame)
                    self._condition.notify_all()
        except CamcheckError as exc:
            failure = exc
        except Exception:  # a driver error mid-stream is the camera going away
            failure = CamcheckError("error.camera_lost", seconds=delivered_at)
        finally:
            if capture is not None:
                capture.release()
            with self._condition:
                self._end = _End(failure)
                self._condition.notify_all()

    def __iter__(self) -> Iterator[Frame]:
        backstop = self._read_timeout + CAMERA_BACKSTOP_MARGIN_S
        try:
            while True:
                with self._condition:
                    self._condition.wait_for(lambda: self._queue or self._end is not None, backstop)
                    frame = self._queue.popleft() if self._queue else None
                    end = self._end
                if frame is not None:
                    self._last_timestamp = frame.timestamp
                    yield frame
                elif end is not None:
                    if end.failure is not None:
                        raise end.failure
                    return
                else:  # a driver stuck inside read(): the reader cannot report that itself
                    raise CamcheckError("error.camera_lost", seconds=self._last_timestamp)
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
    width, height = last.size
    return CameraInfo(index, width, height, fps)


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
    """The short clip shipped inside the package (`live --sample`), for trying camcheck
    without a camera."""
    return Path(__file__).resolve().parent.parent / "samples" / SAMPLE_CLIP_NAME


def sample_clip_hint() -> str:
    """The sample clip's path as a user would type it from where they are."""
    path = sample_clip()
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
