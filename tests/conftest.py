"""Shared test helpers: a real Perception (bundled models, no network) and Scene builders."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from camcheck.perception import Perception
from camcheck.scene import Face, Scene

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def perception() -> Iterator[Perception]:
    with Perception() as shared:
        yield shared


def manifest_entries() -> list[dict]:
    """Every fixture of every manifest in fixtures/manifests/, with its manifest's name."""
    entries = []
    for path in sorted((FIXTURES / "manifests").glob("*.toml")):
        for entry in tomllib.loads(path.read_text())["fixture"]:
            entries.append({**entry, "manifest": path.stem})
    return entries


def synthetic_scene(
    *,
    size: tuple[int, int] = (640, 360),
    background: float = 0.5,
    face_luma: float | None = 0.6,
    face_box: tuple[int, int, int, int] = (270, 90, 100, 120),
    person_box: tuple[int, int, int, int] | None = (220, 60, 200, 300),
    person_luma: float = 0.3,
    face_texture: float = 0.08,
    seed: int = 0,
) -> Scene:
    """A grey scene with a rectangular 'person' and an oval 'face' of the given luma.

    Luma values are in [0, 1]; the face gets a smooth left-to-right shading of
    +-``face_texture`` so it has highlights like a real face.
    """
    rng = np.random.default_rng(seed)
    width, height = size
    plane = np.full((height, width), background, np.float32)
    person = np.zeros((height, width), np.float32)
    if person_box is not None:
        x, y, w, h = person_box
        plane[y : y + h, x : x + w] = person_luma
        person[y : y + h, x : x + w] = 1.0
    faces: tuple[Face, ...] = ()
    if face_luma is not None:
        x, y, w, h = face_box
        shade = np.linspace(-face_texture, face_texture, w, dtype=np.float32)[None, :]
        plane[y : y + h, x : x + w] = face_luma + shade
        person[y : y + h, x : x + w] = 1.0
        eye_y = y + 0.35 * h
        faces = (
            Face(
                box=face_box,
                score=0.95,
                keypoints=(
                    (x + 0.3 * w, eye_y),
                    (x + 0.7 * w, eye_y),
                    (x + 0.5 * w, y + 0.6 * h),
                    (x + 0.5 * w, y + 0.8 * h),
                    (x + 0.05 * w, eye_y),
                    (x + 0.95 * w, eye_y),
                ),
            ),
        )
    plane = np.clip(plane + rng.normal(0, 0.004, plane.shape), 0, 1)
    grey = (plane * 255).round().astype(np.uint8)
    frame = np.repeat(grey[:, :, None], 3, axis=2)
    return Scene(frame=frame, faces=faces, person=person)


def load_manifest(name: str) -> dict:
    return tomllib.loads((FIXTURES / "manifests" / f"{name}.toml").read_text())


XVFB = shutil.which("Xvfb")


@pytest.fixture
def display() -> str:
    """An X display of its own (Xvfb), for the preview window; .ci/run installs Xvfb."""
    if XVFB is None or shutil.which("xdotool") is None:
        pytest.skip("needs Xvfb and xdotool (Debian: apt-get install xvfb xdotool)")
    number = 90 + os.getpid() % 50
    server = subprocess.Popen(
        [XVFB, f":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)
