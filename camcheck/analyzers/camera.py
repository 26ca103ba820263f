"""camera.*: does the camera deliver a usable picture (not black, not frozen, HD, fluent)?"""

from __future__ import annotations

from collections import deque

import cv2
import numpy as np

from camcheck.analyzers.base import Analyzer
from camcheck.scene import Scene, histogram_percentile
from camcheck.sources import CAMERA_REQUEST_SIZE

# The percentile of frame luma that says how bright the brightest things in view are. The
# 99th ignores a few hot pixels and the noise of a covered sensor at full gain.
PEAK_PERCENTILE = 99.0
# Frame rate is measured over the frames of the last this many seconds: long enough to
# average the jitter of a USB camera's arrival times, short enough to follow a change.
FPS_WINDOW_S = 1.0
# ... and is only judged once the frames seen span at least this long.
FPS_MIN_SPAN_S = 0.5
# Sources whose frames come from a camera; a video file's frame rate and size are the
# file's, not the camera's, and a still has neither.
CAMERA_KINDS = frozenset({"camera"})
# Sources with a sequence of frames, where black and frozen pictures can be judged.
MOVING_KINDS = frozenset({"camera", "video"})


class CameraAnalyzer(Analyzer):
    """Black or frozen frames (camera and video), low resolution or frame rate (camera only)."""

    check_ids = (
        "camera.black_frames",
        "camera.frozen",
        "camera.low_resolution",
        "camera.low_fps",
    )

    def __init__(self) -> None:
        self._previous: np.ndarray | None = None
        self._arrivals: deque[tuple[float, int]] = deque()

    def measure(self, scene: Scene) -> dict[str, float]:
        measured: dict[str, float] = {}
        if scene.source_kind not in MOVING_KINDS:
            return measured
        measured["frame_peak_luma"] = histogram_percentile(scene.luma_histogram(), PEAK_PERCENTILE)
        luma = scene.luma8
        previous, self._previous = self._previous, luma
        if previous is not None and previous.shape == luma.shape:
            # Mean absolute change in 8-bit levels: sensor noise alone moves a real
            # camera's picture by 0.3 levels or more from one frame to the next.
            measured["frame_change_levels"] = float(cv2.mean(cv2.absdiff(luma, previous))[0])
        if scene.source_kind not in CAMERA_KINDS:
            return measured
        width, height = scene.source_size
        measured["camera_width"] = float(width)
        measured["camera_height"] = float(height)
        measured["camera_lines"] = float(min(width, height))
        measured["requested_width"] = float(CAMERA_REQUEST_SIZE[0])
        measured["requested_height"] = float(CAMERA_REQUEST_SIZE[1])
        # A camera frame's index counts every frame the camera delivered (also those the
        # analysis skipped), so this is the camera's rate, not the analysis speed.
        self._arrivals.append((scene.timestamp, scene.index))
        while self._arrivals and scene.timestamp - self._arrivals[0][0] > FPS_WINDOW_S:
            self._arrivals.popleft()
        first_time, first_index = self._arrivals[0]
        span = scene.timestamp - first_time
        if span >= FPS_MIN_SPAN_S:
            measured["camera_fps"] = (scene.index - first_index) / span
        return measured
