"""Reproduce the bundled .tflite models from the MediaPipe 0.10.21 wheel and verify their SHA-256.

Current MediaPipe wheels ship no model files; the 0.10.21 wheel on PyPI does, under Apache-2.0.
Run it to rebuild camcheck/models/ from scratch, or with --check to verify what is there:

    python scripts/fetch_models.py            # pip download the wheel, extract, verify
    python scripts/fetch_models.py --wheel W  # use a wheel you already have
    python scripts/fetch_models.py --check    # only verify camcheck/models/*.tflite
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL_REQUIREMENT = "mediapipe==0.10.21"
MODELS_DIR = Path(__file__).resolve().parent.parent / "camcheck" / "models"

# Path inside the wheel -> expected SHA-256 (recorded when the models were first bundled).
FACE = "mediapipe/modules/face_detection/"
SELFIE = "mediapipe/modules/selfie_segmentation/"
MODELS: dict[str, str] = {
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
}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_bundled() -> list[str]:
    """Return one error line per bundled model that is missing or has the wrong hash."""
    errors = []
    for inner, expected in MODELS.items():
        path = MODELS_DIR / Path(inner).name
        if not path.is_file():
            errors.append(f"missing: {path}")
        elif (actual := sha256(path.read_bytes())) != expected:
            errors.append(f"hash mismatch: {path} is {actual}, expected {expected}")
    return errors


def download_wheel(dest: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary",
            ":all:",
            "--python-version",
            "3.11",
            "--platform",
            "manylinux_2_28_x86_64",
            WHEEL_REQUIREMENT,
            "-d",
            str(dest),
        ],
        check=True,
    )
    wheels = sorted(dest.glob("mediapipe-0.10.21-*.whl"))
    if not wheels:
        raise SystemExit("pip download produced no mediapipe 0.10.21 wheel")
    return wheels[0]


def extract(wheel: Path) -> None:
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as zf:
        for inner, expected in MODELS.items():
            data = zf.read(inner)
            if (actual := sha256(data)) != expected:
                raise SystemExit(f"{inner} in {wheel.name} is {actual}, expected {expected}")
            (MODELS_DIR / Path(inner).name).write_bytes(data)
            print(f"ok {Path(inner).name} {expected}")
        licence = zf.read("mediapipe-0.10.21.dist-info/LICENSE").decode()
    notice = (
        "The .tflite files in this folder are MediaPipe models, extracted unchanged from the\n"
        "mediapipe 0.10.21 wheel on PyPI by scripts/fetch_models.py (SHA-256 checked there).\n"
        "Copyright The MediaPipe Authors. Licensed under the Apache License, Version 2.0,\n"
        "reproduced below.\n\n" + licence
    )
    (MODELS_DIR / "NOTICE").write_text(notice)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="an already downloaded mediapipe 0.10.21 wheel")
    parser.add_argument("--check", action="store_true", help="only verify the bundled files")
    args = parser.parse_args()
    if not args.check:
        if args.wheel:
            extract(args.wheel)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                extract(download_wheel(Path(tmp)))
    errors = check_bundled()
    for line in errors:
        print(line, file=sys.stderr)
    if not errors:
        print(f"all {len(MODELS)} models match their SHA-256")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
