"""Video files: every frame (or the first --seconds of them), with the file's own timing."""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from pathlib import Path

import cv2

from camcheck.errors import CamcheckError
from camcheck.native import native_stderr_silenced
from camcheck.sources.files import checked_path, regular_file
from camcheck.sources.frames import Frame, FrameSource
from camcheck.sources.images import DEFAULT_VIDEO_FPS, MAX_IMAGE_PIXELS, MIN_IMAGE_SIDE, to_rgb8

# Frame rates a video file may state and be believed: from one frame a minute (a time-lapse)
# to 1000 fps (phone slow motion goes to 960). Outside it the header is broken (0, NaN,
# or a time base such as 90000) and DEFAULT_VIDEO_FPS is assumed.
MIN_VIDEO_FPS = 1.0 / 60.0
MAX_VIDEO_FPS = 1000.0
# A file that ends this many frames (or this share of its stated count, whichever is more)
# short of the count in its header was cut off: an interrupted download or copy. mp4, mov
# and avi state the exact count (all fixtures read exactly their count); Matroska and WebM
# estimate it from the duration, which can be off by a frame or two.
TRUNCATION_SLACK_FRAMES = 2
TRUNCATION_SLACK_SHARE = 0.05


def _plausible_fps(fps: float) -> float:
    return (
        fps if math.isfinite(fps) and MIN_VIDEO_FPS <= fps <= MAX_VIDEO_FPS else DEFAULT_VIDEO_FPS
    )


class VideoSource(FrameSource):
    """A video file, every frame, as fast as it decodes; timestamps from the file's rate.

    With ``seconds`` only the frames of the first ``seconds`` of the video are judged.

    Raises:
        CamcheckError: while opening, for a file that is missing, not a regular file, empty,
            not a video, or with frames over MAX_IMAGE_PIXELS or under MIN_IMAGE_SIDE a side;
            while iterating, ``error.video_truncated`` when the file ends well short of its
            stated length.
    """

    kind = "video"

    def __init__(self, path: Path | str, seconds: float | None = None) -> None:
        path = checked_path(path)
        self.path = path
        self.name = str(path)
        self.seconds = seconds
        shown = str(path)
        if regular_file(path).st_size == 0:
            raise CamcheckError("error.empty", path=shown)
        with native_stderr_silenced():  # FFmpeg prints "moov atom not found" and the like
            # FFmpeg, named: no other backend reads "%d" in a name as an image sequence or
            # a string as a pipeline; an absolute path: no "concat:" or "http:" prefix of a
            # file's name is taken for a protocol.
            self._capture: cv2.VideoCapture | None = cv2.VideoCapture(
                os.path.abspath(path), cv2.CAP_FFMPEG
            )
            opened = self._capture.isOpened()
            width = self._capture.get(cv2.CAP_PROP_FRAME_WIDTH) if opened else 0.0
            height = self._capture.get(cv2.CAP_PROP_FRAME_HEIGHT) if opened else 0.0
            fps = self._capture.get(cv2.CAP_PROP_FPS) if opened else 0.0
            count = self._capture.get(cv2.CAP_PROP_FRAME_COUNT) if opened else 0.0
        if not opened:
            self.close()
            raise CamcheckError("error.not_video", path=shown)
        if width * height > MAX_IMAGE_PIXELS:
            self.close()
            raise CamcheckError(
                "error.too_large",
                path=shown,
                width=int(width),
                height=int(height),
                limit=MAX_IMAGE_PIXELS // 1_000_000,
            )
        self.fps = _plausible_fps(fps)
        self.frame_count = int(count) if math.isfinite(count) and count > 0 else None
        first = self._read()
        if first is None:
            self.close()
            raise CamcheckError("error.not_video", path=shown)
        # The still's limit: frames this small hold no face to judge, only "No face found".
        if min(first.shape[:2]) < MIN_IMAGE_SIDE:
            self.close()
            raise CamcheckError(
                "error.video_too_small",
                path=shown,
                width=first.shape[1],
                height=first.shape[0],
                minimum=MIN_IMAGE_SIDE,
            )
        self._first: cv2.typing.MatLike | None = first

    @property
    def expected_seconds(self) -> float | None:
        return self.duration

    @property
    def duration(self) -> float | None:
        """How long the judged part lasts, from the header; None when it does not say."""
        whole = self.frame_count / self.fps if self.frame_count else None
        if self.seconds is None:
            return whole
        return self.seconds if whole is None else min(whole, self.seconds)

    def _read(self) -> cv2.typing.MatLike | None:
        if self._capture is None:
            return None
        with native_stderr_silenced():  # FFmpeg's decoder prints "ac-tex damaged" and such
            ok, image = self._capture.read()
        return image if ok and image is not None else None

    def __iter__(self) -> Iterator[Frame]:
        index = 0
        try:
            while True:
                timestamp = index / self.fps
                if self.seconds is not None and timestamp >= self.seconds:
                    return
                if self._first is not None:
                    image, self._first = self._first, None
                else:
                    image = self._read()
                    if image is None:
                        self._check_complete(index)
                        return
                yield Frame(to_rgb8(image), timestamp, index, self.kind)
                index += 1
        finally:
            self.close()

    def _check_complete(self, frames: int) -> None:
        expected = self.frame_count
        if expected is None:
            return
        slack = max(TRUNCATION_SLACK_FRAMES, TRUNCATION_SLACK_SHARE * expected)
        if expected - frames > slack:
            raise CamcheckError(
                "error.video_truncated",
                path=self.name,
                frames=frames,
                expected=expected,
                seconds=frames / self.fps,
            )

    def close(self) -> None:
        capture = getattr(self, "_capture", None)
        if capture is not None:
            capture.release()
            self._capture = None


class LoopedVideo(FrameSource):
    """A video file played over and over (coach mode on a clip), timestamps running on."""

    kind = "video"

    def __init__(self, path: Path | str) -> None:
        self._current = VideoSource(path)
        self.path = self._current.path
        self.name = self._current.name

    def __iter__(self) -> Iterator[Frame]:
        offset, index = 0.0, 0
        while True:
            last = None
            for frame in self._current:
                last = frame
                yield Frame(frame.image, offset + frame.timestamp, index, self.kind)
                index += 1
            if last is None:
                return
            offset += last.timestamp + 1 / self._current.fps
            self._current = VideoSource(self.path)

    def close(self) -> None:
        self._current.close()


def video_duration(path: Path) -> float | None:
    """A video file's length in seconds from its header, or None when it does not say."""
    try:
        source = VideoSource(path)
    except CamcheckError:
        return None
    try:
        return source.duration
    finally:
        source.close()
