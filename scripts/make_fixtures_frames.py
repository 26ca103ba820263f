"""Make the frame-rate fixtures: a slow camera recorded into a 30 fps file, and a freeze.

    python scripts/make_fixtures_frames.py [--cache DIR]

Deterministic (fixed seed). A webcam of a photo that sways a little, with fresh sensor
noise on every new picture (as scripts/make_fixtures_camera.py makes it), recorded at
640x360 into 30 fps mp4v files, as a call recorder or a screen recorder writes them:

- camera_10fps_in_30_biden.mp4: the camera delivers 10 new pictures a second, so the file
  repeats each three times. The person keeps moving: not frozen (issue 14, part 1).
- camera_dim_7fps_in_30_obama.mp4: a dim room, 1.5 stops under, where the webcam's longer
  exposure gives 7.5 new pictures a second (each repeated four times): dark, not frozen.
- camera_frozen_midway_obama.mp4: 1.5 s live at 30 fps, then the picture freezes for 2 s
  (the same picture re-encoded, as a hung camera or a paused virtual camera gives), then
  1 s live again: frozen.

fixtures/manifests/camera.toml says what each must produce.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import make_fixtures as base  # noqa: E402

FILE_FPS = 30.0
SIZE = (640, 360)


def live_frame(photo: np.ndarray, t: float, rng: np.random.Generator, ev: float = 0.0):
    """A webcam frame of ``photo`` at time ``t``: exposure ``ev`` stops, fresh sensor noise."""
    frame = base.to_linear(base.webcam_frame(photo, SIZE, t)) * 2.0**ev
    gain = max(1.0, 2.0**-ev)
    noisy = base.sensor_noise(frame, rng, read=0.002 * gain, shot=0.005 * np.sqrt(gain))
    return base.to_srgb(noisy)


def slow_camera(
    photo: np.ndarray, seconds: float, camera_fps: float, rng: np.random.Generator, ev: float
) -> list[np.ndarray]:
    """A camera delivering ``camera_fps`` new pictures a second, written at FILE_FPS."""
    frames: list[np.ndarray] = []
    picture = None
    shown = -1
    for i in range(int(seconds * FILE_FPS)):
        t = i / FILE_FPS
        current = int(t * camera_fps + 1e-9)
        if current != shown:
            picture, shown = live_frame(photo, current / camera_fps, rng, ev), current
        frames.append(picture)
    return frames


def main() -> int:
    photos = base.fetch_sources(base.parse_cache(__doc__))
    rng = np.random.default_rng(20261201)

    base.write_clip(
        "camera_10fps_in_30_biden.mp4", slow_camera(photos["biden"], 4.0, 10.0, rng, 0.0), FILE_FPS
    )
    base.write_clip(
        "camera_dim_7fps_in_30_obama.mp4",
        slow_camera(photos["obama"], 4.0, 7.5, rng, -1.5),
        FILE_FPS,
    )

    frames = []
    for i in range(int(4.5 * FILE_FPS)):
        t = i / FILE_FPS
        frozen = 1.5 <= t < 3.5
        frames.append(frames[-1] if frozen else live_frame(photos["obama"], t, rng))
    base.write_clip("camera_frozen_midway_obama.mp4", frames, FILE_FPS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
