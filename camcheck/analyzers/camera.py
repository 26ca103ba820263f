"""camera.*: does the camera deliver a usable picture (not black, not frozen, HD, fluent)?

A picture is frozen when it stops changing while frames keep coming, not when some frames
repeat. A webcam that delivers 10 to 15 new pictures a second into a 30 fps recording (or
that slows down in dim light) repeats each picture two or three times, yet the person moves
between them. So the analyzer keeps the last *distinct* frame as a reference and measures
how long ago it was (``still_s``): a frozen camera or a pasted still lets that grow without
end, a slow camera resets it every tenth of a second. Comparing with the reference, not
with the previous frame, also lets a slow movement add up until it counts.

"Distinct" has to allow for the encoder: a repeated frame that a video file re-encodes is
not bit-identical. An MPEG-4 keyframe re-encoding the same still differs from its first
encoding by 0.88 levels on average and by 1.4 levels at most on 16 px cells; the H.264
repeats of a real 30 fps recording (face_recognition's short_hamilton_clip.mp4) by up to
0.37 on average and 2.8 on cells. A real change moves a part of the picture: a blink, the
lips or a shoulder change some cell by far more. So a frame is distinct when some 16 px
cell's mean changed by DISTINCT_CELL_LEVELS, or the whole frame by the mean the source's
noise allows (a camera's frames are never re-encoded: a repeat is exact there, and fresh
sensor noise alone is distinct).
"""

from __future__ import annotations

from collections import deque

import cv2
import numpy as np

from camcheck.analyzers.base import Analyzer
from camcheck.scene import Scene, histogram_percentile

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
# Side of the cells, in working-frame pixels (640 px long side), whose mean luma change
# says that part of the picture moved: 16 px averages 256 pixels, so encoder error and
# sensor noise shrink sixteenfold while a blink or a moving lip still changes a cell by
# tens of levels.
DISTINCT_CELL_PX = 16
# A cell mean change (8-bit levels) from which a frame is distinct: above the 2.8 of the
# H.264 repeats of a real recording and the 1.4 of an MPEG-4 keyframe re-encoding a still
# (measured, see the module docstring), under the 10+ of any visible movement in our clips
# (the smallest distinct step of a real clip, short_hamilton_clip.mp4: 4.9).
DISTINCT_CELL_LEVELS = 4.0
# The mean change over the whole frame (8-bit levels) from which a frame is distinct even
# where no cell moved: fresh sensor noise. A video file's re-encoded repeats reach 0.88
# (MPEG-4 keyframes), so files need 1.5; a camera's repeated frames are exact copies, and
# sensor noise of sigma 0.3 levels (a very clean webcam) already changes a frame by 0.34.
DISTINCT_MEAN_LEVELS_FILE = 1.5
DISTINCT_MEAN_LEVELS_CAMERA = 0.25


def _cells(luma8: np.ndarray) -> np.ndarray:
    """Mean luma of the DISTINCT_CELL_PX cells tiling the frame from its top-left corner,
    flattened; a last row or column of cells that the frame cuts short (the bottom 8 rows
    of a 360-row frame) is a row or column of smaller cells, so a change there counts too."""
    height, width = luma8.shape
    rows, cols = height // DISTINCT_CELL_PX, width // DISTINCT_CELL_PX
    cut_y, cut_x = rows * DISTINCT_CELL_PX, cols * DISTINCT_CELL_PX
    parts = []
    # Each part's area resize is by whole factors, which takes OpenCV's fast path: one
    # resize of 360 rows into 22 cells took the general one, 0.48 ms a frame against 0.11.
    for ys, ny in ((slice(0, cut_y), rows), (slice(cut_y, height), int(height > cut_y))):
        for xs, nx in ((slice(0, cut_x), cols), (slice(cut_x, width), int(width > cut_x))):
            if ny and nx:
                part = cv2.resize(luma8[ys, xs], (nx, ny), interpolation=cv2.INTER_AREA)
                parts.append(part.ravel())
    return np.concatenate(parts).astype(np.float32)


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
        # The last distinct frame: its luma, its cell means and when it came.
        self._reference: tuple[np.ndarray, np.ndarray, float] | None = None
        # (timestamp, frame index, distinct) of the frames of the last FPS_WINDOW_S.
        self._arrivals: deque[tuple[float, int, bool]] = deque()

    def _distinct(self, scene: Scene) -> tuple[bool, float]:
        """Whether the frame differs from the last distinct one, and how long that one stood."""
        luma = scene.luma8
        cells = _cells(luma)
        reference = self._reference
        if reference is None or reference[0].shape != luma.shape:
            self._reference = (luma, cells, scene.timestamp)
            return True, 0.0
        ref_luma, ref_cells, ref_time = reference
        mean_limit = (
            DISTINCT_MEAN_LEVELS_CAMERA
            if scene.source_kind in CAMERA_KINDS
            else DISTINCT_MEAN_LEVELS_FILE
        )
        moved = float(np.abs(cells - ref_cells).max(initial=0.0)) >= DISTINCT_CELL_LEVELS
        if moved or float(cv2.mean(cv2.absdiff(luma, ref_luma))[0]) >= mean_limit:
            self._reference = (luma, cells, scene.timestamp)
            return True, 0.0
        return False, scene.timestamp - ref_time

    def measure(self, scene: Scene) -> dict[str, float]:
        measured: dict[str, float] = {}
        if scene.source_kind not in MOVING_KINDS:
            return measured
        measured["frame_peak_luma"] = histogram_percentile(scene.luma_histogram(), PEAK_PERCENTILE)
        luma = scene.luma8
        previous, self._previous = self._previous, luma
        if previous is not None and previous.shape == luma.shape:
            # Mean absolute change from the previous frame, in 8-bit levels (for reports).
            measured["frame_change_levels"] = float(cv2.mean(cv2.absdiff(luma, previous))[0])
        distinct, still = self._distinct(scene)
        if previous is not None:
            measured["still_s"] = still
        if scene.source_kind not in CAMERA_KINDS:
            return measured
        width, height = scene.source_size
        measured["camera_width"] = float(width)
        measured["camera_height"] = float(height)
        measured["camera_lines"] = float(min(width, height))
        if scene.requested_size is not None:
            measured["requested_width"] = float(scene.requested_size[0])
            measured["requested_height"] = float(scene.requested_size[1])
        # A camera frame's index counts every frame the camera delivered (also those the
        # analysis skipped), so the delivered rate is the camera's, not the analysis speed.
        # Of the frames analysed, the share that were distinct says how many of the
        # delivered frames were new pictures: a driver repeating each picture twice at 30
        # fps shows 15 new pictures a second.
        self._arrivals.append((scene.timestamp, scene.index, distinct))
        while self._arrivals and scene.timestamp - self._arrivals[0][0] > FPS_WINDOW_S:
            self._arrivals.popleft()
        first_time, first_index, _ = self._arrivals[0]
        span = scene.timestamp - first_time
        if span >= FPS_MIN_SPAN_S and len(self._arrivals) > 1:
            delivered = (scene.index - first_index) / span
            # The first frame of the window is the base the others are compared with.
            later = list(self._arrivals)[1:]
            distinct_share = sum(new for _, _, new in later) / len(later)
            measured["camera_delivered_fps"] = delivered
            measured["camera_fps"] = delivered * distinct_share
        return measured
