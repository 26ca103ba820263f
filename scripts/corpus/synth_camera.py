"""Synthetic camera clips (issue 14): a picture that really stops, and repeats that do not.

Frozen: the camera keeps delivering frames but the picture is the very same buffer (a
stall of 1.5 s or more mid-clip, a virtual camera pasting one still, two stalls). Not
frozen: a camera delivering 10-15 fps into a 30 fps file (each frame repeated 2-3 times),
and an irregular dim-light cadence, while the person moves. Black: a lens cap or a covered
camera, with the sensor's dark noise. Every delivered (distinct) frame has fresh noise.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import synth_common as sc

FAMILY = "camera"
FROZEN = "camera.frozen"
BLACK = "camera.black_frames"
NOFACE = "face.not_found"

POSITIVE_CLIPS = 9
NEGATIVE_CLIPS = 5
FILE_FPS = 30.0
CLIP_SECONDS = (3.0, 4.0)
# A stall long enough to be "frozen" (issue 14: about a second or more; the brief: 1.5 s+).
STALL_SECONDS = (1.6, 2.4)
# A camera's real rate inside a 30 fps file (issue 14: 10-15 fps webcams).
CAMERA_FPS = (10.0, 15.0)
# Dark noise of a covered sensor at high gain (linear light).
DARK_LEVEL = (0.0, 0.002)
# Read noise of a covered sensor at base gain, and the camera's noise-reduction blur (px).
DARK_READ = 0.0006
DARK_NR_SIGMA = 1.5


def _live(
    scene: sc.ClipScene, rng: np.random.Generator, t: float, quality: int, sway: float, phase: float
) -> np.ndarray:
    return sc.camera_encode(scene.frame(t, rng, sway_px=sway, phase=phase), rng, quality=quality)


def _frames(
    kind: str, scene: sc.ClipScene, rng: np.random.Generator, n: int, params: dict
) -> Iterator[np.ndarray]:
    quality = sc.jpeg_quality(rng)
    sway = float(rng.uniform(3.0, 7.0))
    phase = float(rng.uniform(0, 6.28))
    held: np.ndarray | None = None
    next_delivery = 0.0
    for i in range(n):
        t = i / FILE_FPS
        if kind in ("stall", "stall2"):
            stalls = params["stalls"]
            inside = any(a <= t < b for a, b in stalls)
            if inside and held is not None:
                yield held
                continue
            held = _live(scene, rng, t, quality, sway, phase)
            yield held
        elif kind == "still":
            if held is None:
                held = _live(scene, rng, 0.0, quality, sway, phase)
            yield held
        elif kind == "retimed":
            if held is None or t + 1e-9 >= next_delivery:
                held = _live(scene, rng, t, quality, sway, phase)
                next_delivery += 1.0 / params["fps"]
            yield held
        elif kind == "cadence":
            if held is None or t + 1e-9 >= next_delivery:
                held = _live(scene, rng, t, quality, sway, phase)
                next_delivery += float(rng.choice([2, 3, 4])) / FILE_FPS
            yield held
        elif kind in ("black", "cover"):
            h, w = scene.room.shape[:2]
            k = 1.0
            if kind == "cover":
                k = float(np.clip((t - params["at"]) / 0.3, 0.0, 1.0))
            dark = np.full((h, w, 3), params["level"], np.float32)
            if k < 1.0:
                dark = scene.frame(t, rng, sway_px=sway, phase=phase) * (1 - k) + dark * k
                yield sc.camera_encode(dark, rng, quality=quality)
                continue
            # A covered sensor: dark-current noise only (no scene light), which the camera's
            # noise reduction smooths; a few code values, not a grey snow.
            noisy = sc.webcam(dark, rng, gain=params["gain"], read=DARK_READ, blur=DARK_NR_SIGMA)
            yield sc.jpeg_roundtrip(noisy, quality)
        else:
            raise ValueError(kind)


GENERATORS = {
    # name: (kind, must, must_not, clips)
    "cam_stall_v1": ("stall", [FROZEN], [BLACK], POSITIVE_CLIPS),
    "cam_still_v1": ("still", [FROZEN], [BLACK], POSITIVE_CLIPS),
    "cam_stall_twice_v1": ("stall2", [FROZEN], [BLACK], POSITIVE_CLIPS),
    "cam_retimed_v1": ("retimed", [], [FROZEN, BLACK, NOFACE], NEGATIVE_CLIPS),
    "cam_cadence_v1": ("cadence", [], [FROZEN, BLACK, NOFACE], NEGATIVE_CLIPS),
    "cam_black_v1": ("black", [BLACK], [], POSITIVE_CLIPS),
    "cam_cover_v1": ("cover", [BLACK], [], POSITIVE_CLIPS),
    "cam_black_gain_v1": ("black", [BLACK], [], POSITIVE_CLIPS),
}
CLIP_GENERATORS = GENERATORS
STILL_GENERATORS: dict = {}


def build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    """Write the camera clips; return their manifest records."""
    try:
        return _build(Path(out_dir), sources, rng_seed)
    finally:
        sc.close_perception()


def _build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    subs = sc.clip_subjects(sc.subjects(sources))
    if not subs:
        return []
    records: list[dict] = []
    for gen_name, (kind, must, must_not, clips) in CLIP_GENERATORS.items():
        for k in range(clips):
            subject = sc.subject_for(subs, gen_name, k)
            rng = sc.family_rng(rng_seed, FAMILY, gen_name, k, subject.group)
            seconds = float(rng.uniform(*CLIP_SECONDS))
            n = int(seconds * FILE_FPS)
            scene = sc.clip_scene(subject, rng)
            params: dict = {}
            if kind == "stall":
                a = float(rng.uniform(0.6, 1.0))
                b = a + float(rng.uniform(*STALL_SECONDS))
                params["stalls"] = [(a, min(b, seconds - 0.2))]
                end = params["stalls"][0][1]
                about = f"the picture stops from {a:.1f} s to {end:.1f} s while frames keep coming"
            elif kind == "stall2":
                a = float(rng.uniform(0.3, 0.5))
                params["stalls"] = [(a, a + 1.6), (a + 1.8, seconds)]
                about = "the picture stops twice, 1.6 s and to the end, while frames keep coming"
            elif kind == "still":
                about = "one still image repeated (a virtual camera pasting a picture)"
            elif kind == "retimed":
                params["fps"] = float(rng.uniform(*CAMERA_FPS))
                about = (
                    f"a {params['fps']:.0f} fps camera in a 30 fps file: frames repeat, "
                    "the person moves"
                )
            elif kind == "cadence":
                about = "dim-light cadence: each frame repeated 2-4 times, the person moves"
            elif kind == "cover":
                params.update(
                    at=float(rng.uniform(0.8, 1.2)), level=float(rng.uniform(*DARK_LEVEL)), gain=4.0
                )
                about = f"the camera is covered at {params['at']:.1f} s (black to the end)"
            else:
                high = gen_name == "cam_black_gain_v1"
                params.update(level=float(rng.uniform(*DARK_LEVEL)), gain=6.0 if high else 1.0)
                about = "a black picture (lens cap)" + (
                    " with high-gain dark noise" if high else ""
                )
            frames = _frames(kind, scene, rng, n, params)
            h, w = scene.room.shape[:2]
            name = f"{gen_name}_{k:02d}_{subject.name}"
            records.append(
                sc.clip_record(out_dir, FAMILY, name, frames, FILE_FPS, subject=subject,
                               generator=gen_name, must=must, must_not=must_not,
                               about=f"{about}; {w}x{h} {seconds:.1f} s at {FILE_FPS:g} fps")
            )  # fmt: skip
    return records
