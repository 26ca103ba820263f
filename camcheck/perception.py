"""Perception: run MediaPipe's face detector and person segmenter once per frame -> Scene."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import cv2
import numpy as np

from camcheck.errors import CamcheckError
from camcheck.scene import Face, Scene

# Analyzers work on a frame whose long side is at most this many pixels. 640 px keeps a
# face of a person at a webcam 100+ px wide, enough for every measure we take, and makes
# per-frame work independent of the camera's resolution.
WORKING_LONG_SIDE = 640
# The detector sees a 128x128 (short range) or 192x192 (full range) letterboxed copy; a
# 320 px input is already larger, so resizing further first only costs time.
DETECTOR_LONG_SIDE = 320
# The segmenter's input is 256x144 (landscape) or 256x256 (general).
SEGMENTER_LONG_SIDE = 256
# Frames at least this much wider than tall use the landscape segmentation model.
LANDSCAPE_ASPECT = 1.2
# MediaPipe's default detection threshold. Whether a face is good enough is judged later,
# by face.not_found's own threshold in the check table.
DETECTION_CONFIDENCE = 0.5

SHORT_RANGE_MODEL = "face_detection_short_range.tflite"
FULL_RANGE_MODEL = "face_detection_full_range_sparse.tflite"
SEGMENTER_MODEL = "selfie_segmentation.tflite"
SEGMENTER_LANDSCAPE_MODEL = "selfie_segmentation_landscape.tflite"

# MediaPipe's native logging (glog/absl) goes straight to file descriptor 2. Raise its
# threshold before the library is imported, and silence the descriptor around the calls
# that still print (model creation, the first inference, close).
os.environ.setdefault("GLOG_minloglevel", "2")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
STDERR_FD = 2
# Input buffers for the models start on this boundary (bytes): LiteRT's XNNPACK delegate
# wants 64-byte alignment and otherwise copies the tensor and logs a warning.
BUFFER_ALIGNMENT = 64


@contextlib.contextmanager
def _native_stderr_silenced() -> Iterator[None]:
    """Send file descriptor 2 to /dev/null for the duration (native logs bypass sys.stderr)."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        sys.stderr.flush()
    try:
        saved = os.dup(STDERR_FD)
    except OSError:  # no descriptor 2 at all (a detached process)
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), STDERR_FD)
            try:
                yield
            finally:
                os.dup2(saved, STDERR_FD)
    finally:
        os.close(saved)


def aligned(image: np.ndarray) -> np.ndarray:
    """A C-contiguous copy of ``image`` whose buffer starts on a BUFFER_ALIGNMENT boundary.

    LiteRT copies (and logs a warning about) input tensors that are not aligned this way.
    """
    if image.flags.c_contiguous and image.ctypes.data % BUFFER_ALIGNMENT == 0:
        return image
    raw = np.empty(image.nbytes + BUFFER_ALIGNMENT, np.uint8)
    start = -raw.ctypes.data % BUFFER_ALIGNMENT
    out = raw[start : start + image.nbytes].view(image.dtype).reshape(image.shape)
    out[...] = image
    return out


def models_dir() -> Path:
    """The folder that holds the bundled .tflite models."""
    return Path(__file__).resolve().parent / "models"


def working_copy(image: np.ndarray, long_side: int) -> np.ndarray:
    """Downscale ``image`` so its long side is at most ``long_side`` (never upscales)."""
    height, width = image.shape[:2]
    scale = long_side / max(height, width)
    if scale >= 1.0:
        return image
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


class Perception:
    """Owns the MediaPipe tasks; turns RGB frames into Scenes.

    Use it as a context manager so the tasks are closed explicitly: MediaPipe prints errors
    when they are left to the garbage collector at interpreter exit.
    """

    def __init__(self, model_dir: Path | None = None) -> None:
        self._dir = model_dir or models_dir()
        self._tasks: dict[str, Any] = {}
        try:
            with _native_stderr_silenced():
                import mediapipe as mp
                from mediapipe.tasks.python import BaseOptions, vision
            self._mp = mp
            self._vision = vision
            self._base_options = BaseOptions
            # Create the short-range detector now so a broken install fails at start.
            self._task("short")
        except CamcheckError:
            raise
        except Exception as exc:  # any failure to load is one user-facing error
            self.close()
            raise CamcheckError("error.model", reason=str(exc) or type(exc).__name__) from exc

    def _model(self, name: str) -> str:
        path = self._dir / name
        if not path.is_file():
            raise CamcheckError("error.model", reason=f"{path} is missing")
        return str(path)

    def _task(self, kind: str) -> Any:
        if kind in self._tasks:
            return self._tasks[kind]
        vision, base = self._vision, self._base_options
        with _native_stderr_silenced():
            if kind in ("short", "full"):
                model = SHORT_RANGE_MODEL if kind == "short" else FULL_RANGE_MODEL
                options = vision.FaceDetectorOptions(
                    base_options=base(model_asset_path=self._model(model)),
                    running_mode=vision.RunningMode.IMAGE,
                    min_detection_confidence=DETECTION_CONFIDENCE,
                )
                task = vision.FaceDetector.create_from_options(options)
            else:
                model = SEGMENTER_LANDSCAPE_MODEL if kind == "landscape" else SEGMENTER_MODEL
                options = vision.ImageSegmenterOptions(
                    base_options=base(model_asset_path=self._model(model)),
                    running_mode=vision.RunningMode.IMAGE,
                    output_confidence_masks=True,
                    output_category_mask=False,
                )
                task = vision.ImageSegmenter.create_from_options(options)
        self._tasks[kind] = task
        return task

    def _run(self, kind: str, method: str, image: np.ndarray) -> Any:
        task = self._task(kind)
        mp_image = self._mp.Image(image_format=self._mp.ImageFormat.SRGB, data=aligned(image))
        # The first inference logs its delegate, and LiteRT may warn about a tensor it copies
        # on any later one: none of it is for the user. Silencing costs a few microseconds.
        with _native_stderr_silenced():
            return getattr(task, method)(mp_image)

    def detect_faces(self, frame: np.ndarray, *, full_range_fallback: bool = True) -> list[Face]:
        """Faces in ``frame`` (RGB uint8), in its pixel coordinates."""
        small = working_copy(frame, DETECTOR_LONG_SIDE)
        scale = frame.shape[1] / small.shape[1]
        detections = self._run("short", "detect", small).detections
        if not detections and full_range_fallback:
            # Faces smaller than about a fifth of the frame (a person far from the camera)
            # are beyond the short-range model; the full-range one finds them.
            detections = self._run("full", "detect", small).detections
        faces = []
        sh, sw = small.shape[:2]
        for det in detections:
            box = det.bounding_box
            x0 = max(0.0, box.origin_x * scale)
            y0 = max(0.0, box.origin_y * scale)
            x1 = min(frame.shape[1], (box.origin_x + box.width) * scale)
            y1 = min(frame.shape[0], (box.origin_y + box.height) * scale)
            if x1 - x0 < 2 or y1 - y0 < 2:
                continue
            points = tuple((kp.x * sw * scale, kp.y * sh * scale) for kp in det.keypoints)
            score = det.categories[0].score if det.categories else 0.0
            faces.append(
                Face(
                    box=(round(x0), round(y0), round(x1 - x0), round(y1 - y0)),
                    score=float(score),
                    keypoints=points,
                )
            )
        return faces

    def segment_person(self, frame: np.ndarray) -> np.ndarray:
        """Person confidence in [0, 1] for every pixel of ``frame``, float32."""
        height, width = frame.shape[:2]
        kind = "landscape" if width >= LANDSCAPE_ASPECT * height else "general"
        small = working_copy(frame, SEGMENTER_LONG_SIDE)
        masks = self._run(kind, "segment", small).confidence_masks
        mask = np.asarray(masks[0].numpy_view(), dtype=np.float32).reshape(small.shape[:2])
        if mask.shape != (height, width):
            mask = cv2.resize(mask, (width, height), interpolation=cv2.INTER_LINEAR)
        return np.clip(mask, 0.0, 1.0)

    def scene(
        self,
        image: np.ndarray,
        *,
        timestamp: float = 0.0,
        index: int = 0,
        source_kind: str = "image",
    ) -> Scene:
        """Prepare one RGB uint8 frame for the analyzers."""
        frame = working_copy(image, WORKING_LONG_SIDE)
        return Scene(
            frame=frame,
            faces=tuple(self.detect_faces(frame)),
            person=self.segment_person(frame),
            source_size=(image.shape[1], image.shape[0]),
            timestamp=timestamp,
            index=index,
            source_kind=source_kind,
        )

    def close(self) -> None:
        tasks, self._tasks = self._tasks, {}
        if not tasks:
            return
        with _native_stderr_silenced():
            for task in tasks.values():
                with contextlib.suppress(Exception):
                    task.close()

    def __enter__(self) -> Perception:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
