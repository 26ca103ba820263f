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

from camcheck.errors import CamcheckError
from camcheck.sources.frames import Frame, FrameSource
from camcheck.sources.images import to_rgb8

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
    return capture


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
            while not self._stop.is_set():
                ok, image = capture.read()
                now = self._clock()
                if not ok or image is None:
                    if now - last > self._read_timeout:
                        raise CamcheckError("error.camera_lost", seconds=delivered_at)
                    self._sleep(CAMERA_RETRY_S)
                    continue
                start = now if start is None else start
                if now - start >= self.seconds:
                    return
                last = now
                frame = Frame(to_rgb8(image), now - start, count, self.kind, CAMERA_REQUEST_SIZE)
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
