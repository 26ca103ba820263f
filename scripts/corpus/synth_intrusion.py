"""Synthetic intrusion clips (issue 13): someone or a pet passing behind, and moving worlds
that are not an intrusion.

The scene is a real photo of a person at a webcam, the person inpainted out of their own
room so others can pass between the room and the person. Intruders are real cut-outs:
other people from other photos (camcheck's segmentation), and photographic dog stamps that
Tux Paint ships with their alpha matte. The negatives move without anyone entering: leaves
or a water surface moving in place, a screen playing, camera shake, exposure drift, heavy
compression on a low-resolution camera. Every frame gets fresh sensor noise.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import synth_common as sc

FAMILY = "intrusion"
INTRUSION = "background.intrusion"
NOFACE = "face.not_found"

POSITIVE_CLIPS = 9
NEGATIVE_CLIPS = 3
CLIP_SECONDS = (3.0, 4.0)
# Frame rates a clip is drawn at.
CLIP_FPS = (15.0, 30.0)
# Pet cut-outs: (key, path in tuxpaint-stamps-default) - photographs with an alpha matte.
PET_DEB = ("tuxpaint-stamps-default", "2022.06.04-1")
PETS = (("dog", "usr/share/tuxpaint/stamps/animals/mammals/dogs/dog.png"),
        ("dingo", "usr/share/tuxpaint/stamps/animals/mammals/dogs/dingo.png"))  # fmt: skip
PET_LICENCE = "GPL-2 (Tux Paint stamps, Bill Kendrick et al.)"
# A person further back is this share of the main person's size (perspective).
WALKER_SCALE = (0.55, 0.8)
# Camera shake: random-walk step (px at 640) and its bound.
SHAKE_PX = (2.0, 6.0)
# Exposure drift amplitude (stops) over the clip.
DRIFT_EV = (0.5, 1.0)
# Heavy compression: JPEG quality of a low-bandwidth, low-resolution camera.
HEAVY_JPEG = (8, 16)


def _pet(key: str, path: str) -> tuple[np.ndarray, np.ndarray, str]:
    data = sc._read_from_deb(sc._deb_archive(*PET_DEB), path)
    rgba = sc.decode_rgb(data, keep_alpha=True)
    return sc.to_linear(rgba[..., :3]), rgba[..., 3].astype(np.float32) / 255.0, path


def _cutout(subject: sc.Subject) -> tuple[np.ndarray, np.ndarray]:
    """Another person's upper body, cropped to the mask's bounding box, linear + alpha."""
    mask = sc.hard(subject.mask)
    ys, xs = np.nonzero(mask > 0.5)
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    alpha = sc.gaussian(sc.erode(mask, 2), 1.0)[y0:y1, x0:x1]
    return sc.to_linear(subject.rgb[y0:y1, x0:x1]), alpha


def _overlay(
    base: np.ndarray, item: np.ndarray, alpha: np.ndarray, x: float, y: float
) -> np.ndarray:
    """``item`` (with ``alpha``) over ``base`` with its top-left at (x, y), sub-pixel."""
    h, w = base.shape[:2]
    matrix = np.float32([[1, 0, x], [0, 1, y]])
    layer = cv2.warpAffine(item, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
    a = cv2.warpAffine(alpha, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
    return sc.composite(layer, base, a)


def _scaled(item: np.ndarray, alpha: np.ndarray, height: int) -> tuple[np.ndarray, np.ndarray]:
    s = height / item.shape[0]
    size = (max(2, round(item.shape[1] * s)), max(2, height))
    return cv2.resize(item, size, interpolation=cv2.INTER_AREA), cv2.resize(
        alpha, size, interpolation=cv2.INTER_AREA
    )


def _frames_pass(
    scene: sc.ClipScene,
    rng: np.random.Generator,
    fps: float,
    n: int,
    item: np.ndarray,
    alpha: np.ndarray,
    *,
    start: float,
    duration: float,
    y: float,
    bob: float,
    mode: str,
) -> Iterator[np.ndarray]:
    """Clip frames with ``item`` crossing (mode "walk") or leaning in and back ("peek")."""
    w = scene.room.shape[1]
    direction = float(rng.choice([-1.0, 1.0]))
    iw = item.shape[1]
    quality = sc.jpeg_quality(rng)
    phase = float(rng.uniform(0, 6.28))
    for i in range(n):
        t = i / fps
        u = (t - start) / duration
        room = scene.room
        if 0.0 <= u <= 1.0:
            if mode == "walk":
                x = -iw + u * (w + iw) if direction > 0 else w - u * (w + iw)
            else:  # lean in from the side, hold, lean out
                reach = iw * 0.75
                k = min(1.0, 3 * u, 3 * (1 - u))
                x = -iw + k * reach if direction > 0 else w - k * reach
            yy = y + bob * abs(np.sin(np.pi * 2.0 * t))
            room = _overlay(room, item, alpha, x, yy)
        linear = scene.frame(t, rng, phase=phase, room=room)
        yield sc.camera_encode(linear, rng, quality=quality)


def _frames_negative(
    scene: sc.ClipScene, rng: np.random.Generator, fps: float, n: int, kind: str, params: dict
) -> Iterator[np.ndarray]:
    h, w = scene.room.shape[:2]
    quality = sc.jpeg_quality(rng)
    phase = float(rng.uniform(0, 6.28))
    pos = np.zeros(2)
    region = params.get("region")
    for i in range(n):
        t = i / fps
        room = scene.room
        if kind in ("leaves", "water", "screen"):
            x0, y0, x1, y1 = region
            room = room.copy()
            patch = params.get("patch")
            ph, pw = y1 - y0, x1 - x0
            if kind == "leaves":
                # Each part of the foliage sways in place: a smooth displacement field.
                yy, xx = np.mgrid[0:ph, 0:pw].astype(np.float32)
                amp = params["amp"]
                dx = amp * np.sin(2 * np.pi * (0.8 * t + yy / 60.0)) * np.sin(xx / 40.0 + t)
                dy = 0.5 * amp * np.sin(2 * np.pi * (0.6 * t + xx / 70.0))
                cur = cv2.remap(
                    patch, xx + dx, yy + dy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
                )
            elif kind == "water":
                yy, xx = np.mgrid[0:ph, 0:pw].astype(np.float32)
                ripple = (np.sin(xx / 9.0 + 3.1 * t) + np.sin((xx + yy) / 13.0 - 2.3 * t)
                          + np.sin(yy / 7.0 + 1.7 * t))  # fmt: skip
                cur = cv2.remap(patch, xx + 2.5 * ripple, yy + 1.5 * ripple, cv2.INTER_LINEAR,
                                borderMode=cv2.BORDER_REFLECT)  # fmt: skip
                cur = cur * (1 + 0.08 * ripple[..., None])
            else:  # a screen playing: a slow pan over a landscape, a cut every 1.2 s
                shot = int(t / 1.2) % len(params["shots"])
                src = params["shots"][shot]
                off = int((t % 1.2) * 40)
                cur = src[:, off : off + pw]
            room[y0:y1, x0:x1] = cur
        linear = scene.frame(t, rng, phase=phase, room=room)
        gain = 1.0
        if kind == "drift":
            ev = params["ev"] * np.sin(2 * np.pi * t / params["period"])
            linear = linear * 2.0**ev
            gain = 2.0 ** max(0.0, -ev)
        if kind == "shake":
            pos = np.clip(
                pos + rng.normal(0, params["step"], 2), -3 * params["step"], 3 * params["step"]
            )
            angle = float(rng.normal(0, 0.3))
            matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.02)
            matrix[:, 2] += pos
            linear = cv2.warpAffine(linear, matrix, (w, h), borderMode=cv2.BORDER_REFLECT)
            blur = int(abs(rng.normal(0, 2))) * 2 + 1
            linear = cv2.blur(linear, (blur, 1))
        if kind == "compress":
            small = cv2.resize(linear, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
            frame = sc.jpeg_roundtrip(sc.webcam(small, rng, gain=4.0), params["quality"])
            yield cv2.resize(frame, (w, h), interpolation=cv2.INTER_LINEAR)
            continue
        yield sc.camera_encode(linear, rng, gain=gain, quality=quality)


def _region(scene: sc.ClipScene, rng: np.random.Generator) -> tuple[int, int, int, int]:
    """A background rectangle beside the person (a window, a screen, a plant)."""
    h, w = scene.room.shape[:2]
    fx, _, fw, _ = scene.face
    pw, ph = int(w * rng.uniform(0.2, 0.3)), int(h * rng.uniform(0.35, 0.55))
    x0 = int(w * 0.03) if fx + fw / 2 > w / 2 else int(w * 0.97) - pw
    y0 = int(h * rng.uniform(0.05, 0.15))
    return x0, y0, x0 + pw, y0 + ph


# Version 2 (issue 13): other intruders, moving otherwise, seen otherwise.
# Animals of other shapes than v1's dogs (Tux Paint's photographic stamps, alpha matte):
# long and low, tall and narrow, woolly.
PETS_V2 = (("fox", "usr/share/tuxpaint/stamps/animals/mammals/dogs/fox.png"),
           ("badger", "usr/share/tuxpaint/stamps/animals/mammals/badger.png"),
           ("otter", "usr/share/tuxpaint/stamps/animals/mammals/aquatic/otter.png"),
           ("lamb", "usr/share/tuxpaint/stamps/animals/mammals/bovines/sheep_lamb.png"),
           ("goat", "usr/share/tuxpaint/stamps/animals/mammals/bovines/goat.png"))  # fmt: skip
# Seconds an intruder of v2 takes to cross the frame (a dash to a slow amble) ...
CROSS_V2_S = (0.9, 3.0)
# ... stopping on the way for this long in half the clips (a child looks, a pet sniffs).
PAUSE_V2_S = (0.3, 0.8)
# Out of focus behind you: Gaussian defocus of the intruder, px at 640 wide.
DEFOCUS_V2_PX = (0.8, 4.0)
# A child or a person further back: this share of the person's own height on screen.
WALKER_V2_SCALE = (0.35, 0.6)
# Pets' height as a share of the frame's, and how high above the frame's bottom they walk
# (the floor, a sofa's back, a table).
PET_V2_HEIGHT = (0.18, 0.42)
PET_V2_LIFT = (0.0, 0.35)
# Negatives v2: a view through a window scrolling past (a car, a train) at this many px a
# frame, and foliage tossed by gusts of this displacement amplitude (px).
SCROLL_V2_PX = (4.0, 14.0)
GUST_V2_PX = (4.0, 10.0)


def _frames_cross_v2(
    scene: sc.ClipScene,
    rng: np.random.Generator,
    fps: float,
    n: int,
    item: np.ndarray,
    alpha: np.ndarray,
    *,
    start: float,
    cross_s: float,
    pause: tuple[float, float] | None,
    y: float,
    defocus: float,
) -> Iterator[np.ndarray]:
    """Frames with ``item`` crossing at an uneven pace (eased in and out, maybe stopping),
    defocused and smeared along its motion by the shutter (half a frame's travel)."""
    w = scene.room.shape[1]
    iw = item.shape[1]
    direction = float(rng.choice([-1.0, 1.0]))
    if direction < 0:
        item, alpha = item[:, ::-1], alpha[:, ::-1]
    if defocus > 0:
        item = cv2.GaussianBlur(item, (0, 0), defocus)
        alpha = cv2.GaussianBlur(alpha, (0, 0), defocus)
    quality = sc.jpeg_quality(rng)
    phase = float(rng.uniform(0, 6.28))
    span = w + iw

    def place(t: float) -> float | None:
        u = t - start
        if pause is not None:
            at, hold = pause
            if u > at * cross_s:
                u = max(at * cross_s, u - hold)
        u /= cross_s
        if not 0.0 <= u <= 1.0:
            return None
        eased = 0.5 - 0.5 * np.cos(np.pi * u)  # slow in, quick across, slow out
        return -iw + eased * span if direction > 0 else w - eased * span

    for i in range(n):
        t = i / fps
        room = scene.room
        x = place(t)
        if x is not None:
            before = place(t - 0.5 / fps)
            smear = abs(x - before) if before is not None else 0.0
            moving, moving_alpha = item, alpha
            if smear >= 1.5:
                k = round(smear) | 1
                moving = cv2.blur(item, (k, 1))
                moving_alpha = cv2.blur(alpha, (k, 1))
            room = _overlay(room, moving, moving_alpha, x, y + 2.0 * abs(np.sin(6.0 * t)))
        linear = scene.frame(t, rng, phase=phase, room=room)
        yield sc.camera_encode(linear, rng, quality=quality)


def _frames_negative_v2(
    scene: sc.ClipScene, rng: np.random.Generator, fps: float, n: int, kind: str, params: dict
) -> Iterator[np.ndarray]:
    """A window view scrolling past, or foliage tossed by gusts, beside the person."""
    quality = sc.jpeg_quality(rng)
    phase = float(rng.uniform(0, 6.28))
    x0, y0, x1, y1 = params["region"]
    ph, pw = y1 - y0, x1 - x0
    yy, xx = np.mgrid[0:ph, 0:pw].astype(np.float32)
    for i in range(n):
        t = i / fps
        room = scene.room.copy()
        if kind == "scroll":
            off = int(i * params["speed"]) % (params["strip"].shape[1] - pw)
            room[y0:y1, x0:x1] = params["strip"][:, off : off + pw]
        else:  # gusts: calm, then a gust tossing the leaves for a moment, and calm again
            gust = max(0.0, np.sin(2 * np.pi * t / params["period"] + phase)) ** 2
            amp = params["amp"] * (0.25 + gust)
            dx = amp * np.sin(2 * np.pi * (1.3 * t + yy / 45.0)) * np.cos(xx / 30.0 + 2 * t)
            dy = 0.6 * amp * np.sin(2 * np.pi * (1.1 * t + xx / 55.0))
            room[y0:y1, x0:x1] = cv2.remap(
                params["patch"], (xx + dx).astype(np.float32), (yy + dy).astype(np.float32),
                cv2.INTER_LINEAR,
                borderMode=cv2.BORDER_REFLECT,
            )  # fmt: skip
        linear = scene.frame(t, rng, phase=phase, room=room)
        yield sc.camera_encode(linear, rng, quality=quality)


POSITIVES_V2 = ("intr_pet_v2", "intr_walker_v2")
NEGATIVES_V2 = {"intr_neg_scroll_v2": "scroll", "intr_neg_gust_v2": "gust"}
V2_POSITIVE_CLIPS = 9
V2_NEGATIVE_CLIPS = 5
V2_FPS = (15.0, 24.0, 30.0)
V2_SECONDS = (3.0, 4.5)


def _clip_cases(
    subs: list[sc.Subject],
    counts: dict[str, int],
    rng_seed: int,
    fps_choices: tuple[float, ...],
    seconds_range: tuple[float, float],
) -> Iterator[tuple[str, int, sc.Subject, np.random.Generator, float, float, sc.ClipScene]]:
    """Each generator's ``counts`` cases: its name, number, subject, seeded random source,
    frame rate, length and the subject's staged scene, drawn in that order (the order the
    cases' files depend on)."""
    for gen_name, count in counts.items():
        for k in range(count):
            subject = sc.subject_for(subs, gen_name, k)
            rng = sc.family_rng(rng_seed, FAMILY, gen_name, k, subject.group)
            fps = float(sc.pick(rng, fps_choices))
            seconds = float(rng.uniform(*seconds_range))
            yield gen_name, k, subject, rng, fps, seconds, sc.clip_scene(subject, rng)


def build_v2(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    """Write the v2 intrusion clips (other intruders, paces and blur; other moving worlds)."""
    try:
        return _build_v2(Path(out_dir), sources, rng_seed)
    finally:
        sc.close_perception()


def _build_v2(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    subs = sc.clip_subjects(sc.subjects(sources))
    if not subs:
        return []
    records: list[dict] = []
    counts = {g: V2_POSITIVE_CLIPS for g in POSITIVES_V2} | dict.fromkeys(
        NEGATIVES_V2, V2_NEGATIVE_CLIPS
    )
    for gen_name, k, subject, rng, fps, seconds, scene in _clip_cases(
        subs, counts, rng_seed, V2_FPS, V2_SECONDS
    ):
        positive = gen_name in POSITIVES_V2
        n = int(seconds * fps)
        h, w = scene.room.shape[:2]
        if positive:
            start = float(rng.uniform(0.8, 1.2))
            cross = float(rng.uniform(*CROSS_V2_S))
            pause = None
            if rng.random() < 0.5:
                pause = (float(rng.uniform(0.3, 0.7)), float(rng.uniform(*PAUSE_V2_S)))
            cross = min(cross, seconds - start - 0.2 - (pause[1] if pause else 0.0))
            defocus = float(rng.uniform(*DEFOCUS_V2_PX))
            if gen_name == "intr_pet_v2":
                key, path = PETS_V2[k % len(PETS_V2)]
                item, alpha, _ = _pet(key, path)
                height = int(h * rng.uniform(*PET_V2_HEIGHT))
                item, alpha = _scaled(item, alpha, height)
                y = h - height - rng.uniform(*PET_V2_LIFT) * h
                what = f"a {key}"
                about_src = (
                    f"; animal photo {PET_DEB[0]} {PET_DEB[1]} (Debian):{path} ({PET_LICENCE})"
                )
            else:
                others = [s for s in subs if s.group != subject.group] or subs
                other = others[int(rng.integers(len(others)))]
                item, alpha = _cutout(other)
                scale = float(rng.uniform(*WALKER_V2_SCALE))
                height = int(min(h * 0.95, scene.mask.any(axis=1).sum() * scale))
                item, alpha = _scaled(item, alpha, max(40, height))
                item = item * float(rng.uniform(0.5, 0.9))
                y = h - item.shape[0] - rng.uniform(0.0, 0.25) * h
                what = f"a smaller or further person ({other.group})"
                about_src = f"; intruder {other.source['package']}:{other.source['path']}"
            paused = f", pausing {pause[1]:.1f} s" if pause else ""
            about = (
                f"{what} crosses behind the person from {start:.1f} s in {cross:.1f} s"
                f"{paused}, defocus {defocus:.1f} px, shutter smear"
            )
            frames = _frames_cross_v2(
                scene, rng, fps, n, item, alpha, start=start, cross_s=cross,
                pause=pause, y=y, defocus=defocus,
            )  # fmt: skip
            must, must_not = [INTRUSION], [NOFACE]
        else:
            kind = NEGATIVES_V2[gen_name]
            region = _region(scene, rng)
            x0, y0, x1, y1 = region
            size = (x1 - x0, y1 - y0)
            params: dict = {"region": region}
            about_src = ""
            if kind == "scroll":
                keys = ("castle", "bridge", "china", "rocket")
                key = str(sc.pick(rng, keys))
                strip = sc.to_linear(sc.cover(sc.picture(key).image, (size[0] * 6, size[1])))
                params["strip"] = strip
                params["speed"] = float(rng.uniform(*SCROLL_V2_PX))
                about = (
                    f"the view through a window ({key}) scrolls past at "
                    f"{params['speed']:.0f} px a frame"
                )
            else:
                pic = sc.picture(str(sc.pick(rng, ("china", "chameleon"))))
                params["patch"] = sc.to_linear(sc.cover(pic.image, size, focus=(0.2, 0.5)))
                params["amp"] = float(rng.uniform(*GUST_V2_PX))
                params["period"] = float(rng.uniform(1.5, 3.0))
                about = f"foliage ({pic.key}) tossed by gusts up to {params['amp']:.0f} px"
            frames = _frames_negative_v2(scene, rng, fps, n, kind, params)
            must, must_not = [], [INTRUSION, NOFACE]
        name = f"{gen_name}_{k:02d}_{subject.name}"
        records.append(
            sc.clip_record(out_dir, FAMILY, name, frames, fps, subject=subject,
                           generator=gen_name, must=must, must_not=must_not,
                           about=f"{about}; {w}x{h} {seconds:.1f} s at {fps:g} fps{about_src}")
        )  # fmt: skip
    return records


NEGATIVES = {
    "intr_neg_leaves_v1": "leaves",
    "intr_neg_water_v1": "water",
    "intr_neg_screen_v1": "screen",
    "intr_neg_shake_v1": "shake",
    "intr_neg_drift_v1": "drift",
    "intr_neg_compress_v1": "compress",
}
POSITIVES = ("intr_walker_v1", "intr_peek_v1", "intr_pet_v1")
CLIP_GENERATORS = {name: name for name in (*POSITIVES, *NEGATIVES, *POSITIVES_V2, *NEGATIVES_V2)}
STILL_GENERATORS: dict = {}


def build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    """Write the intrusion clips (v1 and v2); return their manifest records."""
    try:
        return _build(Path(out_dir), sources, rng_seed) + _build_v2(
            Path(out_dir), sources, rng_seed
        )
    finally:
        sc.close_perception()


def _build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    subs = sc.clip_subjects(sc.subjects(sources))
    if not subs:
        return []
    records: list[dict] = []
    counts = {g: POSITIVE_CLIPS for g in POSITIVES} | dict.fromkeys(NEGATIVES, NEGATIVE_CLIPS)
    for gen_name, k, subject, rng, fps, seconds, scene in _clip_cases(
        subs, counts, rng_seed, CLIP_FPS, CLIP_SECONDS
    ):
        positive = gen_name in POSITIVES
        n = int(seconds * fps)
        h, w = scene.room.shape[:2]
        about_src = ""
        if positive:
            start = float(rng.uniform(0.6, 1.0))
            duration = float(rng.uniform(1.6, min(2.6, seconds - start - 0.2)))
            if gen_name == "intr_pet_v1":
                key, path = PETS[k % len(PETS)]
                item, alpha, _ = _pet(key, path)
                height = int(h * rng.uniform(0.28, 0.4))
                item, alpha = _scaled(item, alpha, height)
                y = h - height - rng.uniform(0, 0.08) * h
                about = f"a {key} walks across behind the person from {start:.1f} s"
                about_src = f"; pet photo {PET_DEB[0]} {PET_DEB[1]} (Debian):{path} ({PET_LICENCE})"
                bob = 2.0
                mode = "walk"
            else:
                others = [s for s in subs if s.group != subject.group] or subs
                other = others[int(rng.integers(len(others)))]
                item, alpha = _cutout(other)
                scale = float(rng.uniform(*WALKER_SCALE))
                height = int(min(h * 0.95, scene.mask.any(axis=1).sum() * scale))
                item, alpha = _scaled(item, alpha, max(40, height))
                item = item * float(rng.uniform(0.6, 0.9))  # further from the screen's light
                y = h - item.shape[0] + rng.uniform(0, 0.1) * h
                mode = "walk" if gen_name == "intr_walker_v1" else "peek"
                verb = "walks across behind" if mode == "walk" else "leans into the frame behind"
                about = f"another person ({other.group}) {verb} the person from {start:.1f} s"
                about_src = f"; intruder {other.source['package']}:{other.source['path']}"
                bob = 4.0 if mode == "walk" else 1.0
            frames = _frames_pass(
                scene, rng, fps, n, item, alpha,
                start=start, duration=duration, y=y, bob=bob, mode=mode,
            )  # fmt: skip
            must, must_not = [INTRUSION], [NOFACE]
        else:
            kind = NEGATIVES[gen_name]
            params: dict = {}
            if kind in ("leaves", "water", "screen"):
                region = _region(scene, rng)
                x0, y0, x1, y1 = region
                params["region"] = region
                size = (x1 - x0, y1 - y0)
                if kind == "leaves":
                    pic = sc.picture(str(sc.pick(rng, ("china", "chameleon"))))
                    params["patch"] = sc.to_linear(sc.cover(pic.image, size, focus=(0.1, 0.5)))
                    params["amp"] = float(rng.uniform(2.0, 5.0))
                    about = f"foliage ({pic.key}) beside the person sways in place"
                elif kind == "water":
                    pic = sc.picture(str(sc.pick(rng, ("xfce_blue", "xfce_teal", "china"))))
                    params["patch"] = sc.to_linear(sc.cover(pic.image, size))
                    about = f"a rippling water surface (an aquarium, {pic.key}) beside the person"
                else:
                    keys = ("castle", "bridge", "china", "rocket")
                    pan = (size[0] + 200, size[1])
                    params["shots"] = [
                        sc.to_linear(sc.cover(sc.picture(key).image, pan)) for key in keys
                    ]
                    about = "a screen on the wall plays landscape shots with cuts"
            elif kind == "shake":
                params["step"] = float(rng.uniform(*SHAKE_PX))
                about = f"the camera shakes (random walk {params['step']:.1f} px a frame)"
            elif kind == "drift":
                params["ev"] = float(rng.uniform(*DRIFT_EV))
                params["period"] = float(rng.uniform(2.0, 4.0))
                about = f"auto exposure drifts +-{params['ev']:.1f} EV"
            else:
                params["quality"] = int(rng.integers(HEAVY_JPEG[0], HEAVY_JPEG[1] + 1))
                about = f"a low-resolution camera, high gain, JPEG q{params['quality']} every frame"
            frames = _frames_negative(scene, rng, fps, n, kind, params)
            must, must_not = [], [INTRUSION, NOFACE]
        name = f"{gen_name}_{k:02d}_{subject.name}"
        records.append(
            sc.clip_record(out_dir, FAMILY, name, frames, fps, subject=subject,
                           generator=gen_name, must=must, must_not=must_not,
                           about=f"{about}; {w}x{h} {seconds:.1f} s at {fps:g} fps{about_src}")
        )  # fmt: skip
    return records
