"""Make the camera fixtures: clips whose camera goes black (shutter closed) or freezes.

    python scripts/make_fixtures_camera.py

Deterministic (fixed seed). Writes fixtures/camera_*.mp4 at 640x360, 15 fps, mp4v, as
scripts/make_fixtures.py writes the sample clip; fixtures/manifests/camera.toml says what
each must produce.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import make_fixtures as base  # noqa: E402

FPS = 15.0
SIZE = (640, 360)
SECONDS = 4.0
# The person is seen this long before the shutter closes or the picture freezes.
BEFORE_S = 1.0
# What a covered webcam delivers at full gain: noise around video black, in linear light.
COVERED_LEVEL = 0.0005
COVERED_READ_NOISE = 0.002


def live_frame(photo: np.ndarray, t: float, rng: np.random.Generator) -> np.ndarray:
    """A webcam frame of ``photo`` at time ``t``, with sensor noise as a camera has."""
    frame = base.webcam_frame(photo, SIZE, t)
    return base.to_srgb(base.sensor_noise(base.to_linear(frame), rng, read=0.002, shot=0.005))


def main() -> int:
    cache = base.parse_cache(__doc__)
    photos = base.fetch_sources(cache)
    rng = np.random.default_rng(20261127)
    count = int(SECONDS * FPS)

    # The privacy shutter slides shut after a second: noisy black for three seconds.
    frames = []
    for i in range(count):
        t = i / FPS
        if t < BEFORE_S:
            frames.append(live_frame(photos["biden"], t, rng))
        else:
            covered = np.full((SIZE[1], SIZE[0], 3), COVERED_LEVEL, np.float32)
            noisy = base.sensor_noise(covered, rng, read=COVERED_READ_NOISE, shot=0.0)
            frames.append(base.to_srgb(noisy))
    base.write_clip("camera_shutter_biden.mp4", frames, FPS)

    # The camera hangs after a second and repeats its last frame for three seconds.
    frames = []
    for i in range(count):
        t = i / FPS
        frames.append(live_frame(photos["grace_hopper"], t, rng) if t <= BEFORE_S else frames[-1])
    base.write_clip("camera_frozen_grace_hopper.mp4", frames, FPS)

    # A well-lit person at a live camera: nothing about the camera may fire on a file.
    frames = [live_frame(photos["obama"], i / FPS, rng) for i in range(count)]
    base.write_clip("camera_good_obama.mp4", frames, FPS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
