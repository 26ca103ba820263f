"""Perception: MediaPipe's face detector and person segmenter under LiteRT, once per frame -> Scene.

The models are MediaPipe's (camcheck/models/). They run through LiteRT's own interpreter
(`ai_edge_litert`), not through MediaPipe: MediaPipe's native code sends usage logs over the
network, and importing it spawns compilers and writes a font cache (see the README's privacy
section). What MediaPipe's calculators did around the models is done here, to the same
options: letterboxing and normalising the input, the SSD anchors, box and keypoint decoding,
sigmoid scores and weighted non-maximum suppression. tests/test_perception.py checks the
results against MediaPipe Tasks' own on every fixture (fixtures/reference_mediapipe.json).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
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
# Two detections overlapping by more than this IoU are one face (MediaPipe's face detection
# graphs and the Tasks FaceDetector default: min_suppression_threshold 0.3).
SUPPRESSION_IOU = 0.3
# Raw scores are clipped to +-this before the sigmoid (MediaPipe's score_clipping_thresh).
SCORE_CLIP = 100.0
# Threads for each interpreter: the machine camcheck is tuned on has two cores, and the
# models are too small for more to pay.
INTERPRETER_THREADS = 2

SHORT_RANGE_MODEL = "face_detection_short_range.tflite"
FULL_RANGE_MODEL = "face_detection_full_range_sparse.tflite"
SEGMENTER_MODEL = "selfie_segmentation.tflite"
SEGMENTER_LANDSCAPE_MODEL = "selfie_segmentation_landscape.tflite"

# LiteRT's native logging (the XNNPACK delegate's INFO line) goes straight to file
# descriptor 2. Raise its threshold, and silence the descriptor around model creation.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
STDERR_FD = 2


@contextlib.contextmanager
def native_stderr_silenced() -> Iterator[None]:
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


@dataclass(frozen=True)
class DetectorSpec:
    """What MediaPipe's face detection graph configures around one detector model.

    From mediapipe/modules/face_detection/face_detection_{short,full}_range.pbtxt and
    face_detection.pbtxt (SsdAnchorsCalculator, TensorsToDetectionsCalculator options):
    min_scale 0.1484375, max_scale 0.75, anchor offsets 0.5, aspect ratio 1.0 and fixed anchor
    size, so every anchor is a unit box and only its centre matters.
    """

    model: str
    input_size: int
    strides: tuple[int, ...]
    # interpolated_scale_aspect_ratio 1.0 adds a second anchor per cell and layer; 0.0 none.
    anchors_per_layer: int


SHORT_RANGE = DetectorSpec(SHORT_RANGE_MODEL, 128, (8, 16, 16, 16), 2)  # 896 anchors
FULL_RANGE = DetectorSpec(FULL_RANGE_MODEL, 192, (4,), 1)  # 2304 anchors
# Anchor centres sit in the middle of their feature-map cell (anchor_offset_x/y).
ANCHOR_OFFSET = 0.5


def ssd_anchors(spec: DetectorSpec) -> np.ndarray:
    """Anchor centres (N x 2, x and y in [0, 1]) in the order the model's outputs use.

    MediaPipe's SsdAnchorsCalculator: consecutive layers with the same stride share one
    feature map, and each cell of it holds all their anchors one after another.
    """
    centres = []
    layer = 0
    while layer < len(spec.strides):
        stride = spec.strides[layer]
        last = layer
        while last < len(spec.strides) and spec.strides[last] == stride:
            last += 1
        per_cell = (last - layer) * spec.anchors_per_layer
        cells = int(np.ceil(spec.input_size / stride))
        grid = (np.arange(cells, dtype=np.float32) + ANCHOR_OFFSET) / cells
        ys, xs = np.meshgrid(grid, grid, indexing="ij")
        cell_centres = np.stack([xs.ravel(), ys.ravel()], axis=1)
        centres.append(np.repeat(cell_centres, per_cell, axis=0))
        layer = last
    return np.concatenate(centres).astype(np.float32)


def letterbox(image: np.ndarray, size: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """``image`` scaled to fit ``size`` (width, height) keeping its aspect, centred on black.

    Returns the uint8 picture and the 2x3 matrix that maps a point of it, normalised to
    [0, 1], back to ``image``'s pixels. The mapping is MediaPipe's ImageToTensorCalculator
    on CPU (keep_aspect_ratio, BORDER_ZERO): the image's region, grown to the tensor's aspect
    around its centre, has its corners put on the tensor's corners.
    """
    height, width = image.shape[:2]
    out_w, out_h = size
    region = max(width / out_w, height / out_h)  # source pixels per tensor pixel
    left = width / 2 - out_w * region / 2
    top = height / 2 - out_h * region / 2
    forward = np.float32([[1 / region, 0, -left / region], [0, 1 / region, -top / region]])
    boxed = cv2.warpAffine(
        image, forward, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT
    )
    back = np.float32([[out_w * region, 0, left], [0, out_h * region, top]])
    return boxed, back


def sigmoid(values: np.ndarray) -> np.ndarray:
    """The logistic function, in float64: exp(SCORE_CLIP) overflows float32."""
    clipped = np.clip(values.astype(np.float64), -SCORE_CLIP, SCORE_CLIP)
    return 1.0 / (1.0 + np.exp(-clipped))


def iou(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Intersection over union of one (x0, y0, x1, y1) box with each row of ``boxes``."""
    x0 = np.maximum(box[0], boxes[:, 0])
    y0 = np.maximum(box[1], boxes[:, 1])
    x1 = np.minimum(box[2], boxes[:, 2])
    y1 = np.minimum(box[3], boxes[:, 3])
    inter = np.clip(x1 - x0, 0, None) * np.clip(y1 - y0, 0, None)
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    union = area + areas - inter
    return np.where(union > 0, inter / np.maximum(union, 1e-12), 0.0)


def weighted_nms(
    boxes: np.ndarray, keypoints: np.ndarray, scores: np.ndarray, threshold: float
) -> list[tuple[np.ndarray, np.ndarray, float]]:
    """MediaPipe's WEIGHTED non-maximum suppression.

    The best remaining detection takes every remaining one that overlaps it by more than
    ``threshold`` IoU (itself included); its box and keypoints become their score-weighted
    mean and it keeps its own score. Boxes are (x0, y0, x1, y1); keypoints K x 2 per box.
    """
    order = np.argsort(-scores, kind="stable")
    boxes, keypoints, scores = boxes[order], keypoints[order], scores[order]
    remaining = np.arange(len(scores))
    kept = []
    while remaining.size:
        top = remaining[0]
        overlap = iou(boxes[top], boxes[remaining]) > threshold
        members = remaining[overlap]
        if members.size == 0:  # a degenerate (empty) box overlaps nothing, not even itself
            members = remaining[:1]
        weights = scores[members]
        total = float(weights.sum())
        box = (boxes[members] * weights[:, None]).sum(axis=0) / total
        points = (keypoints[members] * weights[:, None, None]).sum(axis=0) / total
        kept.append((box, points, float(scores[top])))
        remaining = remaining[~overlap] if overlap.any() else remaining[1:]
    return kept


class _Model:
    """One .tflite model under LiteRT's interpreter: a float32 tensor in, its outputs out."""

    def __init__(self, path: Path, interpreter_class: Any) -> None:
        if not path.is_file():
            raise CamcheckError("error.model", reason=f"{path} is missing")
        with native_stderr_silenced():
            self._interpreter = interpreter_class(
                model_path=str(path), num_threads=INTERPRETER_THREADS
            )
            self._interpreter.allocate_tensors()
        (detail,) = self._interpreter.get_input_details()
        self._input = detail["index"]
        self.input_shape = tuple(int(n) for n in detail["shape"])
        self._outputs = [d["index"] for d in self._interpreter.get_output_details()]

    def __call__(self, tensor: np.ndarray) -> list[np.ndarray]:
        self._interpreter.set_tensor(self._input, tensor.reshape(self.input_shape))
        self._interpreter.invoke()
        # get_tensor copies, so the results outlive the next invoke.
        return [self._interpreter.get_tensor(index) for index in self._outputs]


class Perception:
    """Owns the models; turns RGB frames into Scenes.

    Use it as a context manager (or call close()) so the interpreters are released at once.
    """

    def __init__(self, model_dir: Path | None = None) -> None:
        self._dir = model_dir or models_dir()
        self._models: dict[str, _Model] = {}
        self._anchors: dict[str, np.ndarray] = {}
        try:
            from ai_edge_litert.interpreter import Interpreter

            self._interpreter_class = Interpreter
            # Create the short-range detector now so a broken install fails at start.
            self._model(SHORT_RANGE_MODEL)
        except CamcheckError:
            raise
        except Exception as exc:  # any failure to load is one user-facing error
            self.close()
            raise CamcheckError("error.model", reason=str(exc) or type(exc).__name__) from exc

    def _model(self, name: str) -> _Model:
        if name not in self._models:
            self._models[name] = _Model(self._dir / name, self._interpreter_class)
        return self._models[name]

    def _detect(
        self, spec: DetectorSpec, image: np.ndarray
    ) -> list[tuple[np.ndarray, np.ndarray, float]]:
        """Detections in ``image`` (RGB uint8) by one detector, in ``image``'s pixels.

        Each is (2x2 box corners, 6x2 keypoints, score).
        """
        model = self._model(spec.model)
        if spec.model not in self._anchors:
            self._anchors[spec.model] = ssd_anchors(spec)
        anchors = self._anchors[spec.model]
        boxed, back = letterbox(image, (spec.input_size, spec.input_size))
        # MediaPipe's face detectors take RGB in [-1, 1] (output_tensor_float_range).
        tensor = boxed.astype(np.float32) * np.float32(2 / 255) - np.float32(1)
        outputs = model(tensor)
        regressors = next(o for o in outputs if o.shape[-1] > 1).reshape(len(anchors), -1)
        logits = next(o for o in outputs if o.shape[-1] == 1).reshape(len(anchors))
        scores = sigmoid(logits)
        keep = scores >= DETECTION_CONFIDENCE
        if not keep.any():
            return []
        raw = regressors[keep] / np.float32(spec.input_size)
        centres = anchors[keep]
        # reverse_output_order: x, y, w, h, then (x, y) per keypoint, relative to the anchor.
        mid = raw[:, 0:2] + centres
        half = raw[:, 2:4] / 2
        boxes = np.concatenate([mid - half, mid + half], axis=1)
        points = raw[:, 4:].reshape(len(raw), -1, 2) + centres[:, None, :]
        linear, offset = back[:, :2].T, back[:, 2]
        return [
            (box.reshape(2, 2) @ linear + offset, kps @ linear + offset, score)
            for box, kps, score in weighted_nms(boxes, points, scores[keep], SUPPRESSION_IOU)
        ]

    def detect_faces(self, frame: np.ndarray, *, full_range_fallback: bool = True) -> list[Face]:
        """Faces in ``frame`` (RGB uint8), in its pixel coordinates."""
        small = working_copy(frame, DETECTOR_LONG_SIDE)
        scale = frame.shape[1] / small.shape[1]
        detections = self._detect(SHORT_RANGE, small)
        if not detections and full_range_fallback:
            # Faces smaller than about a fifth of the frame (a person far from the camera)
            # are beyond the short-range model; the full-range one finds them.
            detections = self._detect(FULL_RANGE, small)
        height, width = frame.shape[:2]
        faces = []
        for corners, points, score in detections:
            (x0, y0), (x1, y1) = corners * scale
            x0, y0 = max(0.0, x0), max(0.0, y0)
            x1, y1 = min(width, x1), min(height, y1)
            if x1 - x0 < 2 or y1 - y0 < 2:
                continue
            faces.append(
                Face(
                    box=(round(x0), round(y0), round(x1 - x0), round(y1 - y0)),
                    score=score,
                    keypoints=tuple((float(x), float(y)) for x, y in points * scale),
                )
            )
        return faces

    def segment_person(self, frame: np.ndarray) -> np.ndarray:
        """Person confidence in [0, 1] for every pixel of ``frame``, float32."""
        height, width = frame.shape[:2]
        name = SEGMENTER_LANDSCAPE_MODEL if width >= LANDSCAPE_ASPECT * height else SEGMENTER_MODEL
        model = self._model(name)
        _, in_h, in_w, _ = model.input_shape
        small = working_copy(frame, SEGMENTER_LONG_SIDE)
        small_h, small_w = small.shape[:2]
        if (small_h, small_w) != (in_h, in_w):
            # Stretched to the model's input, corner on corner, with the edge pixels
            # repeated: MediaPipe's ImageToTensorCalculator on CPU (an OpenCV warp, not a
            # resize, whose pixel grid is half a pixel off from it).
            stretch = np.float32([[in_w / small_w, 0, 0], [0, in_h / small_h, 0]])
            small = cv2.warpAffine(
                small,
                stretch,
                (in_w, in_h),
                flags=cv2.INTER_LINEAR,
                borderMode=cv2.BORDER_REPLICATE,
            )
        # The selfie models take RGB in [0, 1] and end in a sigmoid: the output already is
        # the person's probability.
        (output,) = model(small.astype(np.float32) * np.float32(1 / 255))
        mask = output.reshape(in_h, in_w)
        if (small_h, small_w) != (in_h, in_w):
            # MediaPipe returns the mask at the size of the image it was given.
            mask = cv2.resize(mask, (small_w, small_h), interpolation=cv2.INTER_LINEAR)
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
        self._models = {}

    def __enter__(self) -> Perception:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
