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

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import cv2
import numpy as np

from camcheck.errors import CamcheckError
from camcheck.measures import immerkaer_sigma
from camcheck.native import native_stderr_silenced
from camcheck.scene import Face, Person, Scene

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
# Faces the short-range model misses (small, turned or downcast ones, people in a group) are
# looked for with the full-range model, on the whole frame and, for stills, on overlapping
# tiles. The full-range model on the whole frame costs about a millisecond more a frame, so
# video runs it on every FULL_RANGE_EVERY-th frame (and on every frame where the short-range
# model found nothing): 3 to 6 times a second at 15 to 30 fps.
FULL_RANGE_EVERY = 5
# Tiles are squares of this many working-frame pixels, overlapping by half, so every face up
# to half a tile (128 px) lies whole inside one; the model sees a tile at 192 px (0.75x), where
# faces down to about TILE_MIN_FACE px are found. Larger faces are the whole-frame passes'.
TILE_SIDE = 256
TILE_STEP = TILE_SIDE // 2
# A face from a tile counts only from this size (working-frame px) and score. Tune split of
# the corpus (issue 9), 55 stills: the tile-only detections that were faces scored 0.68 to
# 0.82 and were 31 px or larger; every one at 24 px or larger that was not a face (a panther
# chameleon, parts of a large face found already) scored 0.64 or less; junk below 24 px
# reached 0.67. MediaPipe's own full-range graph keeps 0.6 and up.
TILE_MIN_SCORE = 0.66
TILE_MIN_FACE = 24
# Smaller faces from a tile (a crowd's: 11 to 19 working-frame px in a group photo of a
# hundred people) count from this size and score, and like every tile face only once the
# landmark model confirms them (FACE_PRESENCE_MIN). Tune split (development corpus of
# 2026-12-01, 773 stills): in 8 pictures of groups, 84 tile detections of 10 to 23 px score
# 0.8 or more, and 80 of them fit 0.9 or more; in the 45 pictures without a face the small
# tile detections score 0.72 at most (a lamp in opencv-contrib-python's yolo.jpg, fit 0.02),
# so the limit keeps 0.08 from them. Lower, the landmark model's word on so small a crop is
# no longer safe: finer tiles (160 px, cut from the full-resolution still), tried and left
# out, see the print of a dress (mmpose-gh_img_00000132) as a 15 px face at 0.68 that fits
# 1.00, and found no crowd the 256 px tiles miss. Under 10 px the model sees under 8 px.
# Held-out (13 pictures without a face): small tile detections 0.69 at most (a giraffe, fit
# 0.00), 0.11 under the limit; in 7 group pictures 33 reach it and 28 of them fit.
TILE_SMALL_MIN_SCORE = 0.8
TILE_SMALLEST_FACE = 10
# A still in which no pass found a face and whose detector input (DETECTOR_LONG_SIDE) is this
# grainy (Immerkaer's noise sigma, 0..255 luma) is looked at once more, denoised: heavy
# sensor grain hides a face a person sees at once from both detectors (a frontal face under
# grain of sigma 90, tests/test_grain_faces.py; the held-out noise_gain_v1_13, a turned face:
# nothing at any score over 0.2, 0.69 after non-local means). The faces found there are judged
# by face.not_found's rule like any other (landmark fit, person mask, skin colour). Tune split
# (development corpus of 2026-12-01), the 55 stills where no face is found: clean photos
# measure 0.10 to 3.57, one grainy real photo without a face 5.02, the dark grainy
# light_noface_dark stills 7.19 to 8.93; the look finds no face on any of them at any limit
# (so the limit only bounds the cost: 6 of the 55 get it). Held out: that turned face 6.35.
GRAIN_SIGMA_MIN = 4.0
# Non-local means (Buades et al. 2005, OpenCV's fastNlMeansDenoisingColored) filter
# strength for that look, luma and colour: 10 to 20 all find the face above; 15 is the
# middle. It costs about 80 ms on the 320 px copy, only in a still without a face.
GRAIN_DENOISE_H = 15
# ... with OpenCV's default patch (7 px) and search window (21 px).
GRAIN_DENOISE_PATCH = 7
GRAIN_DENOISE_SEARCH = 21
# A candidate with more than this share of its box inside a face already found is that face,
# or a part of it (an ear, a mouth) seen by a tile.
SAME_FACE_SHARE = 0.3
# A face only a full-range pass found, beside the short-range model's faces, counts when the
# landmark model's face presence on it reaches this. Measured on the tune split and the
# fixtures: the 9 such candidates that were faces scored 0.96 to 1.00, the 13 that were not
# (a motorcycle headlamp, a wristwatch, a chameleon, shirts) 0.00 to 0.62.
FACE_PRESENCE_MIN = 0.9
# The primary face's landmarks are kept when its presence reaches this (MediaPipe's
# FaceLandmarker default, min_face_presence_confidence).
LANDMARK_PRESENCE_MIN = 0.5
# How many faces, most prominent first, the landmark model looks at to find the primary one
# (a face it rejects off the person mask is demoted, see Scene.prominence). One in nearly
# every frame; a poster of a flower larger than your face takes two.
PRIMARY_TRIES = 3
LANDMARK_MODEL = "face_landmarks_detector.tflite"
LANDMARK_INPUT = 256
LANDMARK_COUNT = 478
# MediaPipe's face landmark crop: the detection box's long side times this, square.
LANDMARK_CROP_SCALE = 1.5
# When the landmark model does not take MediaPipe's crop for a face (presence under
# FACE_PRESENCE_MIN), it looks again at tighter crops, these shares of it. The model's
# presence swings on the crop: a coarse pass's loose box around a small face, or scattered
# keypoints that turn the crop, drop a plain frontal face from 1.00 to 0.00 (tests: a face's
# box made 1.6 times too large; corpus: the faces of mtcnn-pt-gh_office1, the frontal face
# under a blue cast of cast_blue_v1_07, the grey COCO_val2014_000000000328). A tighter look
# counts only when it holds up: the model, shown the crop MediaPipe's tracking takes around
# the landmarks it gave (face_landmarks_to_roi: their box, turned level on the eye corners
# 33 and 263), still finds a face there; the lesser of the two presences is the look's.
# Tune split (development corpus of 2026-12-01, every face candidate of 565 labelled
# stills): those three faces fit 1.00 after both looks; in the 45 pictures without a face no
# candidate gains more than 0.05 from the tighter looks alone. Held out, a citrus fruit's
# look at 0.85 fits 0.97 and its second look 0.01, which is why the second look is asked
# for (the tighter 0.6 lifts a cow's flank to 0.57 and a wider 1.2 a monkey to 1.00, so
# neither is tried).
LANDMARK_RETRY_SHARES = (0.85, 0.7)
# In video the landmark model runs on every LANDMARK_EVERY-th frame (10 times a second at
# 30 fps); in between, the last landmarks follow the primary face's box while its IoU with
# the box they were found in stays above TRACK_IOU (a head moving a little, not another face).
LANDMARK_EVERY = 3
TRACK_IOU = 0.5
# Threads for each interpreter. The machine camcheck is tuned on has two cores, and the
# models are too small for more to pay. A still has nothing to run beside its models, so
# they take both cores. Video and camera runs perceive the next frame in one thread while
# the analyzers judge this one in another (camcheck.pipeline): there a second interpreter
# thread only competes with the analyzers, and its pool's waiting costs more than it gives.
# Measured in the real pipeline at 1280x720 (300 frames, load 8 to 12): with 2 threads the
# perception thread took 6.9 ms of CPU a frame and the pools' threads 2.9 ms more; with 1
# thread, 7.8 ms in all, so 2 ms of CPU a frame less for the same work.
INTERPRETER_THREADS = 2
STREAM_INTERPRETER_THREADS = 1
# The kinds of source whose frames are perceived beside the analysis (one ahead).
STREAM_KINDS = frozenset({"video", "camera"})

# People are also looked for with MediaPipe's pose detector (BlazePose's, the first stage of
# its Pose Landmarker), which finds a person from the head and upper body together: someone
# turned away, small, blurred or half out of frame whose face the face detectors miss, and
# whose body the segmentation joins to yours; and a face in profile, which the landmark
# model rejects, as a person's. It costs far more than the face detectors (about 19 ms of
# CPU a look on the 2-core machine under load, against 1 to 2 ms for a face detector), so
# it looks only in video and camera runs, whose intruders it is for (a still's second
# person is the face detectors' and the segmentation's), and there once every
# PEOPLE_EVERY_S: 2.5 looks a second, 1.6 ms of CPU a frame at 30 fps.
PERSON_MODEL = "pose_detection.tflite"
PEOPLE_EVERY_S = 0.4
# Its looks are due on a fixed grid from the source's first frame (0, 0.4, 0.8 s...), each
# on the first frame at or past its time less this tolerance: a 30 fps clip's timestamps
# (index / 30) round off their true spacing, and a look due must not wait a frame for a
# timestamp a hair short of it (the old cadence, 0.4 s after the last look, looked on
# frames 0, 12, 24, then 37, 50...: each late look made the next one later). As
# camcheck.analysis.TIME_TOLERANCE_S, a millisecond, far below any frame interval.
PEOPLE_TOLERANCE_S = 1e-3
# MediaPipe's pose detection graph keeps detections from the face detectors' score,
# DETECTION_CONFIDENCE (pose_detection_cpu.pbtxt: min_score_thresh 0.5), and suppresses
# overlaps as they do (WEIGHTED, min_suppression_threshold 0.3).

SHORT_RANGE_MODEL = "face_detection_short_range.tflite"
FULL_RANGE_MODEL = "face_detection_full_range_sparse.tflite"
SEGMENTER_MODEL = "selfie_segmentation.tflite"
SEGMENTER_LANDSCAPE_MODEL = "selfie_segmentation_landscape.tflite"

# LiteRT's native logging (the XNNPACK delegate's INFO line) goes straight to file
# descriptor 2. Raise its threshold, and silence the descriptor around model creation.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


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
# pose_detection_cpu.pbtxt: 224x224 input, five layers of strides 8, 16, 32, 32, 32, the same
# scales and offsets as the face detectors; 12 values per anchor (box, then 4 keypoints).
PERSON_DETECTOR = DetectorSpec(PERSON_MODEL, 224, (8, 16, 32, 32, 32), 2)  # 2254 anchors
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


def _tile_starts(length: int) -> list[int]:
    """Where tiles start along a side of ``length`` px: every TILE_STEP, the last flush."""
    if length <= TILE_SIDE:
        return [0]
    starts = list(range(0, length - TILE_SIDE + 1, TILE_STEP))
    if starts[-1] + TILE_SIDE < length:
        starts.append(length - TILE_SIDE)
    return starts


@dataclass
class _Found:
    """A face a detector pass found, in working-frame pixels (before it becomes a Face)."""

    corners: np.ndarray  # (x0, y0), (x1, y1)
    points: np.ndarray  # the 6 keypoints, x and y
    score: float
    landmarks: np.ndarray | None = None  # 478 x 3, once the landmark model has run on it
    presence: float | None = None  # the landmark model's face presence, once it has run
    # A weaker, larger face this one lies in and replaces once confirmed: the same face,
    # seen closer by a tile (the short-range model's loose box around a small face).
    replaces: _Found | None = field(default=None, repr=False)

    @property
    def box(self) -> np.ndarray:
        return self.corners.ravel()


def _absorb(
    kept: list[_Found], candidates: list[_Found], *, inside_limit: float | None = None
) -> list[_Found]:
    """The candidates that are faces not in ``kept`` yet.

    A candidate whose IoU with a kept face exceeds SUPPRESSION_IOU is that face, and lends it
    its score if higher: the face is as clear as the best pass saw it. With ``inside_limit``,
    a candidate with more than that share of its box inside a kept face is that face too:
    a part of it (a tile that saw an ear or a mouth of a large face) when the kept face
    scores at least as high, and otherwise a closer look at it, which replaces it once
    confirmed (``replaces``). New candidates are merged among themselves the same way.
    """
    pool = list(kept)
    new: list[_Found] = []
    for candidate in candidates:
        same = part = None
        if pool:
            boxes = np.array([found.box for found in pool])
            overlaps = iou(candidate.box, boxes) > SUPPRESSION_IOU
            if overlaps.any():
                same = pool[int(np.argmax(overlaps))]
            elif inside_limit is not None:
                inside = _inside_share(candidate.box, boxes) > inside_limit
                part = pool[int(np.argmax(inside))] if inside.any() else None
        if same is not None:
            same.score = max(same.score, candidate.score)
        elif part is None or part.score < candidate.score:
            candidate.replaces = part
            pool.append(candidate)
            new.append(candidate)
    return new


def _scaled(found: _Found, scale: np.float32) -> _Found:
    return _Found(found.corners * scale, found.points * scale, found.score)


# The face-mesh points at the outer and inner corners of the person's right and left eye:
# their middles stand for the detector's eye keypoints (0 and 1) in a crop made around the
# landmarks (MediaPipe's face_landmarks_to_roi turns the crop level on 33 and 263).
RIGHT_EYE_CORNERS = (33, 133)
LEFT_EYE_CORNERS = (263, 362)


def _around(landmarks: np.ndarray, score: float) -> _Found:
    """A found face whose box is the landmarks' bounding box and whose eyes are theirs."""
    xy = landmarks[:, :2].astype(np.float32)
    eyes = np.stack([xy[list(RIGHT_EYE_CORNERS)].mean(0), xy[list(LEFT_EYE_CORNERS)].mean(0)])
    return _Found(np.stack([xy.min(0), xy.max(0)]), eyes, score)


def _inside_share(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Share of ``box``'s area inside each of ``boxes`` (all as x0, y0, x1, y1)."""
    width = np.clip(np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0]), 0, None)
    height = np.clip(np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1]), 0, None)
    area = max(float((box[2] - box[0]) * (box[3] - box[1])), 1e-6)
    return width * height / area


class _Model:
    """One .tflite model under LiteRT's interpreter: a float32 tensor in, its outputs out."""

    def __init__(self, path: Path, interpreter_class: Any, threads: int) -> None:
        if not path.is_file():
            raise CamcheckError("error.model", reason=f"{path} is missing")
        with native_stderr_silenced():
            self._interpreter = interpreter_class(model_path=str(path), num_threads=threads)
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
        # Per model file and thread count (a still's and a stream's, see
        # STREAM_INTERPRETER_THREADS), created when first needed.
        self._models: dict[tuple[str, int], _Model] = {}
        # Whether the frames served now are a stream's (video or camera, see _serve): its
        # models run with STREAM_INTERPRETER_THREADS, and only your own face gets the
        # landmark model's tighter looks (LANDMARK_RETRY_SHARES), so a frame's cost stays
        # what it was wherever your face fits at the first look; in a still every face does.
        self._stream = False
        self._anchors: dict[str, np.ndarray] = {}
        # Video: the frame index, face corners and landmarks of the last landmark model run.
        self._tracked: tuple[int, np.ndarray, np.ndarray, float] | None = None
        # Video: the frame index, corners and face presence of the last second face looked at.
        self._second: tuple[int, np.ndarray, float] | None = None
        # The last face the landmark model rejected (a poster's face the detector likes):
        # (frame index, corners, presence), so video does not run the model on it each frame.
        self._rejected: tuple[int, np.ndarray, float] | None = None
        # Video: when the pose detector's next look is due (PEOPLE_EVERY_S after the last
        # one's due time, not after the frame it fell on).
        self._people_at: float | None = None
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
        threads = STREAM_INTERPRETER_THREADS if self._stream else INTERPRETER_THREADS
        key = (name, threads)
        if key not in self._models:
            self._models[key] = _Model(self._dir / name, self._interpreter_class, threads)
        return self._models[key]

    def _serve(self, source_kind: str) -> None:
        """Serve ``source_kind``'s frames from now on: a stream's or a still's (``_stream``)."""
        self._stream = source_kind in STREAM_KINDS

    def _detect(self, spec: DetectorSpec, image: np.ndarray) -> list[_Found]:
        """Faces (or people) in ``image`` (RGB uint8) by one detector, in ``image``'s pixels."""
        model = self._model(spec.model)
        if spec.model not in self._anchors:
            self._anchors[spec.model] = ssd_anchors(spec)
        anchors = self._anchors[spec.model]
        boxed, back = letterbox(image, (spec.input_size, spec.input_size))
        # MediaPipe's face and pose detectors take RGB in [-1, 1] (output_tensor_float_range).
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
            _Found(box.reshape(2, 2) @ linear + offset, kps @ linear + offset, float(score))
            for box, kps, score in weighted_nms(boxes, points, scores[keep], SUPPRESSION_IOU)
        ]

    def detect_faces(
        self, frame: np.ndarray, *, full_range: bool = True, tiles: bool = False
    ) -> list[Face]:
        """Faces in ``frame`` (RGB uint8), in its pixel coordinates.

        The short-range model always runs. The full-range one runs on the whole frame when
        ``full_range`` is set or the short-range model found nothing (MediaPipe's own
        behaviour, which ``full_range=False`` reproduces), and on overlapping tiles of the
        frame when ``tiles`` is set. A face found by several passes is kept once, as the
        first pass saw it, with the best score any pass gave it. A face that only a later
        pass found, next to faces the short-range model found, counts when the landmark
        model, run on it, says it is a face (FACE_PRESENCE_MIN).
        """
        self._serve("image")
        return [self._face(found, frame.shape) for found in self._find(frame, full_range, tiles)]

    def _find(self, frame: np.ndarray, full_range: bool, tiles: bool) -> list[_Found]:
        small = working_copy(frame, DETECTOR_LONG_SIDE)
        scale = np.float32(frame.shape[1] / small.shape[1])
        found = [_scaled(f, scale) for f in self._detect(SHORT_RANGE, small)]
        if full_range or not found:
            # Faces smaller than about a fifth of the frame (a person far from the camera),
            # and many turned ones, are beyond the short-range model.
            wide = [_scaled(f, scale) for f in self._detect(FULL_RANGE, small)]
            found = self._added(frame, found, wide) if found else wide
        if tiles:
            found = self._added(frame, found, self._tile_faces(frame))
            if not found and immerkaer_sigma(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)) >= (
                GRAIN_SIGMA_MIN
            ):
                found = [_scaled(f, scale) for f in self._denoised_faces(small)]
        return found

    def _denoised_faces(self, small: np.ndarray) -> list[_Found]:
        """Both detectors' faces on a denoised copy of the detector input (GRAIN_SIGMA_MIN)."""
        clean = cv2.fastNlMeansDenoisingColored(
            small, None, GRAIN_DENOISE_H, GRAIN_DENOISE_H, GRAIN_DENOISE_PATCH, GRAIN_DENOISE_SEARCH
        )
        found = self._detect(SHORT_RANGE, clean)
        return found + _absorb(found, self._detect(FULL_RANGE, clean))

    def _added(self, frame: np.ndarray, found: list[_Found], more: list[_Found]) -> list[_Found]:
        """``found`` with the faces of ``more`` that are new and confirmed added."""
        confirmed = self._confirmed(frame, _absorb(found, more, inside_limit=SAME_FACE_SHARE))
        replaced = {id(c.replaces) for c in confirmed if c.replaces is not None}
        return [f for f in found if id(f) not in replaced] + confirmed

    def _confirmed(self, frame: np.ndarray, candidates: list[_Found]) -> list[_Found]:
        """The candidates the landmark model takes for faces (their landmarks kept)."""
        confirmed = []
        for candidate in candidates:
            landmarks, presence = self._landmarks(frame, candidate, retry=not self._stream)
            candidate.presence = presence
            if presence >= FACE_PRESENCE_MIN:
                candidate.landmarks = landmarks
                confirmed.append(candidate)
        return confirmed

    def _face(self, found: _Found, shape: tuple[int, ...]) -> Face:
        height, width = shape[:2]
        (x0, y0), (x1, y1) = found.corners
        x0, y0 = max(0.0, float(x0)), max(0.0, float(y0))
        x1, y1 = max(x0, min(width, float(x1))), max(y0, min(height, float(y1)))
        return Face(
            box=(round(x0), round(y0), round(x1 - x0), round(y1 - y0)),
            score=found.score,
            keypoints=tuple((float(x), float(y)) for x, y in found.points),
            landmarks=found.landmarks,
            presence=found.presence,
        )

    def _tile_faces(self, frame: np.ndarray) -> list[_Found]:
        """Full-range detections on overlapping TILE_SIDE squares of ``frame``.

        A detection touching a tile's inner edge is dropped: the face runs on outside the
        tile, and the neighbouring tile (half a tile further) holds it whole.
        """
        height, width = frame.shape[:2]
        found: list[_Found] = []
        for top in _tile_starts(height):
            for left in _tile_starts(width):
                tile = frame[top : top + TILE_SIDE, left : left + TILE_SIDE]
                tile_h, tile_w = tile.shape[:2]
                offset = np.float32([left, top])
                for candidate in self._detect(FULL_RANGE, tile):
                    (x0, y0), (x1, y1) = candidate.corners
                    cut = (
                        (x0 <= 0 < left)
                        or (y0 <= 0 < top)
                        or (x1 >= tile_w and left + tile_w < width)
                        or (y1 >= tile_h and top + tile_h < height)
                    )
                    side = min(x1 - x0, y1 - y0)
                    floor = TILE_MIN_SCORE if side >= TILE_MIN_FACE else TILE_SMALL_MIN_SCORE
                    if cut or side < TILE_SMALLEST_FACE or candidate.score < floor:
                        continue
                    candidate.corners = candidate.corners + offset
                    candidate.points = candidate.points + offset
                    found += _absorb(found, [candidate])
        return found

    def _landmarks(
        self, frame: np.ndarray, found: _Found, *, retry: bool = True
    ) -> tuple[np.ndarray, float]:
        """The 478 face landmarks (x, y, z in frame pixels) of a found face, and its presence.

        The crop is MediaPipe's (face_detection_front_detection_to_roi, the Tasks
        FaceLandmarker): a square 1.5 times the box's long side around its centre, turned so
        the eyes (keypoints 0 and 1) lie level, seen at 256x256 in [0, 1]. When the model does
        not take it for a face, tighter crops are tried (LANDMARK_RETRY_SHARES) and the best
        look that holds up on a second look around its own landmarks is returned, with the
        second look's landmarks (unless ``retry`` is off).
        """
        first = self._landmarks_in(frame, found, 1.0)
        if first[1] >= FACE_PRESENCE_MIN or not retry:
            return first
        for share in LANDMARK_RETRY_SHARES:
            points, presence = self._landmarks_in(frame, found, share)
            if presence < FACE_PRESENCE_MIN:
                continue
            again, held = self._landmarks_in(frame, _around(points, found.score), 1.0)
            if held >= FACE_PRESENCE_MIN:
                return again, min(presence, held)
        return first

    def _landmarks_in(
        self, frame: np.ndarray, found: _Found, share: float
    ) -> tuple[np.ndarray, float]:
        """The landmarks and presence in MediaPipe's crop around ``found``, ``share`` its side."""
        model = self._model(LANDMARK_MODEL)
        (x0, y0), (x1, y1) = found.corners
        centre = np.array([(x0 + x1) / 2, (y0 + y1) / 2], np.float64)
        side = share * LANDMARK_CROP_SCALE * max(float(x1 - x0), float(y1 - y0), 1.0)
        (ex0, ey0), (ex1, ey1) = found.points[0], found.points[1]
        angle = float(np.arctan2(ey1 - ey0, ex1 - ex0))
        axis_x = np.array([np.cos(angle), np.sin(angle)]) * side / LANDMARK_INPUT
        axis_y = np.array([-np.sin(angle), np.cos(angle)]) * side / LANDMARK_INPUT
        origin = centre - (axis_x + axis_y) * LANDMARK_INPUT / 2
        back = np.column_stack([axis_x, axis_y, origin])  # crop pixel -> frame pixel
        crop = cv2.warpAffine(
            frame,
            back.astype(np.float32),
            (LANDMARK_INPUT, LANDMARK_INPUT),
            flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
            borderMode=cv2.BORDER_CONSTANT,
        )
        outputs = model(crop.astype(np.float32) * np.float32(1 / 255))
        points = next(o for o in outputs if o.size == LANDMARK_COUNT * 3)
        points = points.reshape(LANDMARK_COUNT, 3).astype(np.float64)
        # The face-presence logit is the first single-value output.
        presence = float(sigmoid(next(o for o in outputs if o.size == 1).ravel())[0])
        xy = points[:, :2] @ back[:, :2].T + back[:, 2]
        z = points[:, 2:] * side / LANDMARK_INPUT
        return np.hstack([xy, z]).astype(np.float32), presence

    def detect_people(self, frame: np.ndarray, *, source_kind: str = "image") -> tuple[Person, ...]:
        """People in ``frame`` by the pose detector, most confident first."""
        self._serve(source_kind)
        found = self._detect(PERSON_DETECTOR, frame)
        found.sort(key=lambda f: -f.score)
        people = []
        for f in found:
            (x0, y0), (x1, y1) = f.corners
            people.append(
                Person(
                    box=(
                        round(float(x0)),
                        round(float(y0)),
                        round(float(x1 - x0)),
                        round(float(y1 - y0)),
                    ),
                    score=f.score,
                    keypoints=tuple((float(x), float(y)) for x, y in f.points),
                )
            )
        return tuple(people)

    def segment_person(self, frame: np.ndarray, *, source_kind: str = "image") -> np.ndarray:
        """Person confidence in [0, 1] for every pixel of ``frame``, float32."""
        self._serve(source_kind)
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
        source_size: tuple[int, int] | None = None,
        people: bool = True,
    ) -> Scene:
        """Prepare one RGB uint8 frame for the analyzers.

        ``source_size`` is the ``(width, height)`` the source delivered when ``image`` is a
        smaller copy of it (a camera's JPEG decoded at a reduced size); None: its own size.
        ``people``: whether the pose detector looks at all (only background.intrusion reads
        its people; a run that leaves that check out is spared its cost).
        """
        frame = working_copy(image, WORKING_LONG_SIDE)
        found = self._found_faces(frame, source_kind, index)
        scene = Scene(
            frame=frame,
            faces=tuple(self._face(f, frame.shape) for f in found),
            person=self.segment_person(frame, source_kind=source_kind),
            source_size=source_size or (image.shape[1], image.shape[0]),
            timestamp=timestamp,
            index=index,
            source_kind=source_kind,
            people=self._people_due(frame, source_kind, index, timestamp) if people else None,
        )
        self._landmark_primary(scene, found, source_kind, index)
        return scene

    def find_faces(
        self,
        frame: np.ndarray,
        *,
        source_kind: str = "image",
        index: int = 0,
        landmarks: bool = True,
    ) -> list[Face]:
        """The faces of a working frame as scene() finds them, with the primary's landmarks.

        A still gets every pass (full range and tiles); a video or camera frame the
        full-range pass on every FULL_RANGE_EVERY-th frame only.
        """
        found = self._found_faces(frame, source_kind, index)
        scene = Scene(frame=frame, faces=tuple(self._face(f, frame.shape) for f in found))
        if landmarks:
            self._landmark_primary(scene, found, source_kind, index)
        return list(scene.faces)

    def _found_faces(self, frame: np.ndarray, source_kind: str, index: int) -> list[_Found]:
        self._serve(source_kind)
        still = source_kind == "image"
        if index == 0:
            self._tracked = None  # a new source
            self._second = None
            self._rejected = None
        return self._find(frame, still or index % FULL_RANGE_EVERY == 0, still)

    def _people_due(
        self, frame: np.ndarray, source_kind: str, index: int, timestamp: float
    ) -> tuple[Person, ...] | None:
        """The pose detector's people on a video or camera frame where its look is due
        (on the PEOPLE_EVERY_S grid from the source's first frame); None elsewhere."""
        if source_kind == "image":
            return None
        if index == 0 or self._people_at is None or timestamp < self._people_at - PEOPLE_EVERY_S:
            self._people_at = timestamp  # a new source (or its clock went back): look now
        if timestamp + PEOPLE_TOLERANCE_S < self._people_at:
            return None
        # The next look is due one interval after this one's due time; looks a stalled
        # source skipped are not made up.
        while self._people_at <= timestamp + PEOPLE_TOLERANCE_S:
            self._people_at += PEOPLE_EVERY_S
        return self.detect_people(frame, source_kind=source_kind)

    def _landmark_primary(
        self, scene: Scene, found: list[_Found], source_kind: str, index: int
    ) -> None:
        """Give the scene's primary face (whichever Scene's own rule picks) its landmarks.

        The landmark model's presence can demote the primary (Scene.prominence: a rejected
        face off the person mask, such as a flower in a poster); then the next face becomes
        primary and is looked at in turn, up to PRIMARY_TRIES faces.
        """
        for _ in range(PRIMARY_TRIES):
            primary = scene.primary_face
            if primary is None:
                return
            faces = [self._face(f, scene.frame.shape) for f in found]
            (which,) = [f for f, face in zip(found, faces, strict=True) if face == primary][:1]
            self._add_landmarks(scene.frame, which, None if source_kind == "image" else index)
            if which.landmarks is None and which.presence is None:
                break
            scene.faces = tuple(
                dataclasses.replace(face, landmarks=which.landmarks, presence=which.presence)
                if face is primary
                else face
                for face in scene.faces
            )
            scene.sort_faces()
            if scene.primary_face == primary:
                break
        self._look_at_second(scene, found, None if source_kind == "image" else index)

    def _look_at_second(self, scene: Scene, found: list[_Found], index: int | None) -> None:
        """The landmark model's presence on the most prominent face after the primary.

        background.intrusion judges that face: someone beside you fits a face's landmarks, a
        raised hand the detector took for a face does not. In video the last presence is
        kept for LANDMARK_EVERY frames while the box stays put (IoU above TRACK_IOU).
        """
        if len(scene.faces) < 2 or scene.faces[1].presence is not None:
            return
        second = scene.faces[1]
        faces = [self._face(f, scene.frame.shape) for f in found]
        (which,) = [f for f, face in zip(found, faces, strict=True) if face == second][:1]
        presence = None
        if index is not None and self._second is not None:
            last, corners, value = self._second
            if 0 < index - last < LANDMARK_EVERY and (
                iou(which.box, corners.ravel()[None, :])[0] > TRACK_IOU
            ):
                presence = value
        if presence is None:
            presence = self._landmarks(scene.frame, which, retry=not self._stream)[1]
            if index is not None:
                self._second = (index, which.corners.copy(), presence)
        which.presence = presence
        scene.faces = tuple(
            dataclasses.replace(face, presence=presence) if face is second else face
            for face in scene.faces
        )
        scene.sort_faces()

    def _add_landmarks(self, frame: np.ndarray, primary: _Found, index: int | None) -> None:
        """Landmarks for the primary face only.

        The landmark model costs more than both detectors together, so in video (``index``
        given) it runs on every LANDMARK_EVERY-th frame; in between, the last landmarks
        follow the face's box (shifted and scaled with it) while it is the same face.
        """
        if primary.landmarks is not None:
            return
        if index is not None and self._tracked is not None:
            last, corners, points, presence = self._tracked
            if 0 < index - last < LANDMARK_EVERY and (
                iou(primary.box, corners.ravel()[None, :])[0] > TRACK_IOU
            ):
                scale = float(np.mean((primary.corners[1] - primary.corners[0]) / np.maximum(
                    corners[1] - corners[0], 1e-6
                )))  # fmt: skip
                shift = primary.corners.mean(axis=0) - corners.mean(axis=0) * scale
                primary.landmarks = np.hstack(
                    [points[:, :2] * scale + shift, points[:, 2:] * scale]
                ).astype(np.float32)
                primary.presence = presence
                return
        if index is not None and self._rejected is not None:
            last, corners, presence = self._rejected
            if 0 < index - last < LANDMARK_EVERY and (
                iou(primary.box, corners.ravel()[None, :])[0] > TRACK_IOU
            ):
                primary.presence = presence  # still the face the model rejected
                return
        points, presence = self._landmarks(frame, primary)
        primary.presence = presence
        if presence >= LANDMARK_PRESENCE_MIN:
            primary.landmarks = points
            self._tracked = (
                (index, primary.corners.copy(), points, presence) if index is not None else None
            )
        elif index is not None:
            # Rejected: remember it, and keep following the face that did fit (if any).
            self._rejected = (index, primary.corners.copy(), presence)

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
