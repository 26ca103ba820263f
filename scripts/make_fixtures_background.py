"""Build the background fixtures (bg_*) in fixtures/ from photographs that packages ship.

Scenes for background.cluttered, background.distracting_color and background.intrusion:
a person (cut out with the bundled segmentation model) on a plain, a dark and a strongly
coloured wall, in front of busy rooms (motorcycle_left.png, china.jpg), in front of the
same room blurred as by a shallow depth of field, with a framed colourful picture
(flower.jpg) or a small portrait on the wall, with a second person beside them or standing
further back at the side, and three short clips: a cat crossing the background, a smaller
second person walking across behind the person, and only the person moving while the
camera's auto exposure drifts. Deterministic (fixed seeds).

    python scripts/make_fixtures_background.py [--cache DIR]
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import make_fixtures as base  # noqa: E402

# Photos of the scikit-image wheel (already in the cache) that make_fixtures.py does not read.
EXTRA_SKIMAGE = {"motorcycle_right": "skimage/data/motorcycle_right.png"}
CLIP_SIZE = (640, 360)
CLIP_FPS = 15.0
CLIP_SECONDS = 5.0
# A walking person bobs up and down by this many pixels (at 640x360) once a step, at this
# many steps a second (an easy walking pace).
WALK_BOB_PX = 4
WALK_STEPS_HZ = 2.0


def extra_photos(cache: Path) -> dict[str, np.ndarray]:
    """The EXTRA_SKIMAGE photos, read from the cached scikit-image wheel."""
    (wheel,) = [p for p in cache.iterdir() if p.name.startswith("scikit_image-0.26.0")]
    photos = {}
    with zipfile.ZipFile(wheel) as zf:
        for key, inner in EXTRA_SKIMAGE.items():
            bgr = cv2.imdecode(np.frombuffer(zf.read(inner), np.uint8), cv2.IMREAD_COLOR)
            photos[key] = base.shrink(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))
    return photos


def fit(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Resize and centre-crop ``image`` to cover ``size`` (width, height)."""
    width, height = size
    scale = max(width / image.shape[1], height / image.shape[0])
    resized = cv2.resize(
        image,
        (round(image.shape[1] * scale), round(image.shape[0] * scale)),
        interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR,
    )
    y0 = (resized.shape[0] - height) // 2
    x0 = (resized.shape[1] - width) // 2
    return resized[y0 : y0 + height, x0 : x0 + width]


def composite(
    person: np.ndarray, mask: np.ndarray, background: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """The person (soft mask) in front of ``background``, mixed in linear light, with noise."""
    back = fit(background, (person.shape[1], person.shape[0]))
    out = base.to_linear(person) * mask + base.to_linear(back) * (1 - mask)
    return base.to_srgb(base.sensor_noise(out, rng, read=0.0015, shot=0.004))


def wall(size: tuple[int, int], rgb: tuple[float, float, float]) -> np.ndarray:
    """A plain wall of a linear reflectance per channel, with a gentle light falloff."""
    width, height = size
    ramp = np.linspace(1.05, 0.9, height)[:, None, None]
    linear = np.ones((height, width, 3)) * np.array(rgb)[None, None, :] * ramp
    return base.to_srgb(linear)


def hang(
    wall_image: np.ndarray, picture: np.ndarray, box: tuple[int, int, int, int], frame: int
) -> np.ndarray:
    """Hang ``picture`` in a dark frame of ``frame`` pixels at ``box`` (x, y, w, h)."""
    out = wall_image.copy()
    x, y, w, h = box
    out[y : y + h, x : x + w] = (40, 32, 26)
    out[y + frame : y + h - frame, x + frame : x + w - frame] = fit(
        picture, (w - 2 * frame, h - 2 * frame)
    )
    return out


def cat_cutout(chelsea: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """The cat of chelsea.png as an RGB patch and a feathered elliptical alpha mask."""
    crop = chelsea[20:290, 60:420]
    height = round(crop.shape[0] * width / crop.shape[1])
    patch = cv2.resize(crop, (width, height), interpolation=cv2.INTER_AREA)
    alpha = np.zeros((height, width), np.float32)
    cv2.ellipse(
        alpha, (width // 2, height // 2), (width // 2 - 4, height // 2 - 4), 0, 0, 360, 1, -1
    )
    alpha = cv2.GaussianBlur(alpha, (0, 0), 3.0)
    return patch, alpha


def person_cutout(
    photo: np.ndarray, mask: np.ndarray, height: int
) -> tuple[np.ndarray, np.ndarray]:
    """A person of ``photo`` (soft ``mask`` of base.person_mask) scaled to ``height`` px."""
    width = round(photo.shape[1] * height / photo.shape[0])
    patch = cv2.resize(photo, (width, height), interpolation=cv2.INTER_AREA)
    alpha = cv2.resize(mask[..., 0], (width, height), interpolation=cv2.INTER_AREA)
    return patch, alpha


def paste(image: np.ndarray, patch: np.ndarray, alpha: np.ndarray, x: int, y: int) -> np.ndarray:
    """Alpha-blend ``patch`` into ``image`` at (x, y), clipped at the borders."""
    out = image.astype(np.float32)
    h, w = patch.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(image.shape[1], x + w), min(image.shape[0], y + h)
    if x1 <= x0 or y1 <= y0:
        return image
    a = alpha[y0 - y : y1 - y, x0 - x : x1 - x, None]
    region = patch[y0 - y : y1 - y, x0 - x : x1 - x].astype(np.float32)
    out[y0:y1, x0:x1] = region * a + out[y0:y1, x0:x1] * (1 - a)
    return out.round().astype(np.uint8)


def clip_frames(
    person: np.ndarray,
    mask: np.ndarray,
    background: np.ndarray,
    rng: np.random.Generator,
    *,
    cat: tuple[np.ndarray, np.ndarray] | None = None,
    cat_times: tuple[float, float] = (0.0, 0.0),
    walker: tuple[np.ndarray, np.ndarray] | None = None,
    walker_times: tuple[float, float] = (0.0, 0.0),
    exposure_drift_ev: float = 0.0,
) -> list[np.ndarray]:
    """A webcam clip: a static background, the person swaying in front, optional passers-by.

    The cat walks from beyond the left edge to beyond the right edge along the top of the
    picture between ``cat_times`` (seconds), behind the person. The ``walker`` (a person
    cut-out) does the same between ``walker_times``, standing on the bottom edge, with a
    head bob. ``exposure_drift_ev`` makes the auto exposure swing by that many stops (a
    slow sine over the clip).
    """
    back = fit(background, CLIP_SIZE)
    frames = []
    for i in range(int(CLIP_SECONDS * CLIP_FPS)):
        t = i / CLIP_FPS
        scene_back = back
        if cat is not None and cat_times[0] <= t <= cat_times[1]:
            patch, alpha = cat
            progress = (t - cat_times[0]) / (cat_times[1] - cat_times[0])
            x = round(-patch.shape[1] + progress * (CLIP_SIZE[0] + patch.shape[1]))
            scene_back = paste(back, patch, alpha, x, 8)
        if walker is not None and walker_times[0] <= t <= walker_times[1]:
            patch, alpha = walker
            progress = (t - walker_times[0]) / (walker_times[1] - walker_times[0])
            x = round(-patch.shape[1] + progress * (CLIP_SIZE[0] + patch.shape[1]))
            bob = round(WALK_BOB_PX * abs(np.sin(np.pi * WALK_STEPS_HZ * t)))
            scene_back = paste(scene_back, patch, alpha, x, CLIP_SIZE[1] - patch.shape[0] + bob)
        gain = 2.0 ** (exposure_drift_ev * np.sin(2 * np.pi * t / CLIP_SECONDS))
        frames.append(webcam_view(person, mask, scene_back, rng, t=t, gain=gain))
    return frames


def webcam_view(
    person: np.ndarray,
    mask: np.ndarray,
    back: np.ndarray,
    rng: np.random.Generator,
    *,
    t: float = 0.0,
    gain: float = 1.0,
) -> np.ndarray:
    """One CLIP_SIZE webcam frame: the person (swayed as at ``t``) before ``back``, with noise."""
    front = base.webcam_frame(person, CLIP_SIZE, t)
    soft = base.webcam_frame(np.repeat(mask, 3, axis=2), CLIP_SIZE, t)[..., :1]
    linear = base.to_linear(front) * soft + base.to_linear(back) * (1 - soft)
    noisy = base.sensor_noise(linear * gain, rng, read=0.002, shot=0.005)
    return base.to_srgb(noisy)


def main() -> int:
    cache = base.parse_cache(__doc__)
    photos = base.fetch_sources(cache)
    photos.update(extra_photos(cache))
    rng = np.random.default_rng(20261128)

    with base.Perception() as perception:
        masks = {
            key: base.person_mask(perception, photos[key])
            for key in ("obama", "astronaut", "biden", "grace_hopper")
        }
    obama, mask = photos["obama"], masks["obama"]
    size = (obama.shape[1], obama.shape[0])
    room = photos["motorcycle_left"]

    # Calm backgrounds that must stay quiet.
    base.write("bg_plainwall_obama.jpg", composite(obama, mask, wall(size, (0.35, 0.33, 0.3)), rng))
    base.write(
        "bg_darkwall_biden.jpg",
        composite(photos["biden"], masks["biden"], wall((352, 800), (0.01, 0.01, 0.012)), rng),
    )
    blurred = cv2.GaussianBlur(fit(room, size), (0, 0), 12)
    base.write("bg_blurredroom_obama.jpg", composite(obama, mask, blurred, rng))
    # A wall of one strong colour: calm, not a distracting spot
    # (see camcheck/analyzers/distracting_color.py).
    base.write("bg_tealwall_obama.jpg", composite(obama, mask, wall(size, (0.03, 0.25, 0.22)), rng))

    # Busy rooms.
    base.write("bg_busyroom_obama.jpg", composite(obama, mask, room, rng))
    base.write(
        "bg_busyroom_astronaut.jpg",
        composite(photos["astronaut"], masks["astronaut"], photos["motorcycle_right"], rng),
    )
    base.write(
        "bg_busyroom_grace_hopper.jpg",
        composite(photos["grace_hopper"], masks["grace_hopper"], room, rng),
    )

    # A framed colourful picture on a plain wall: distracting colour, but not a busy room.
    light = wall(size, (0.45, 0.43, 0.4))
    poster = hang(light, photos["flower"], (10, 50, 220, 170), 6)
    base.write("bg_poster_obama.jpg", composite(obama, mask, poster, rng))
    # A small framed portrait on the wall: a face in a picture, far smaller than yours.
    portrait = hang(light, photos["grace_hopper"], (40, 90, 80, 100), 5)
    base.write("bg_portrait_obama.jpg", composite(obama, mask, portrait, rng))

    # A second person leaning in behind you, at about two thirds of your face's width.
    biden = photos["biden"]
    scale = 1.1
    behind = cv2.resize(
        biden,
        (round(biden.shape[1] * scale), round(biden.shape[0] * scale)),
        interpolation=cv2.INTER_AREA,
    )
    behind_mask = cv2.resize(masks["biden"][..., 0], (behind.shape[1], behind.shape[0]))
    room_wall = paste(wall(size, (0.35, 0.33, 0.3)), behind, behind_mask, -60, 100)
    base.write("bg_secondperson_obama.jpg", composite(obama, mask, room_wall, rng))

    # A still-life painting (coffee.png) on a plain wall, and the flower on a teal wall:
    # the spot stands out from a coloured wall as well as from a grey one.
    hopper = photos["grace_hopper"]
    hopper_size = (hopper.shape[1], hopper.shape[0])
    painting = hang(wall(hopper_size, (0.5, 0.47, 0.42)), photos["coffee"], (8, 40, 150, 110), 6)
    base.write(
        "bg_painting_grace_hopper.jpg",
        composite(hopper, masks["grace_hopper"], painting, rng),
    )
    teal = hang(wall(size, (0.03, 0.25, 0.22)), photos["flower"], (10, 50, 220, 170), 6)
    base.write("bg_poster_tealwall_obama.jpg", composite(obama, mask, teal, rng))

    # Clips: a cat crossing behind a person on a plain wall; then only the person moves and
    # the auto exposure drifts, in front of a busy room.
    cat = cat_cutout(photos["chelsea"], 150)
    base.write_clip(
        "bg_cat_clip.mp4",
        clip_frames(obama, mask, wall(size, (0.35, 0.33, 0.3)), rng, cat=cat, cat_times=(0.8, 4.8)),
        CLIP_FPS,
    )
    base.write_clip(
        "bg_exposure_drift_clip.mp4",
        clip_frames(obama, mask, room, rng, exposure_drift_ev=0.7),
        CLIP_FPS,
    )

    # Someone else further back: the segmentation marks them as a person too, so they are
    # no background motion, and their face is too small for the face detector to matter.
    # A person of half the picture's height walks across behind, from one side to the
    # other in 3 s (hidden behind the person in the middle) ...
    plain = wall(size, (0.35, 0.33, 0.3))
    walker = person_cutout(photos["grace_hopper"], masks["grace_hopper"], CLIP_SIZE[1] // 2)
    base.write_clip(
        "bg_walker_clip.mp4",
        clip_frames(obama, mask, plain, rng, walker=walker, walker_times=(0.5, 3.5)),
        CLIP_FPS,
    )
    # ... and one stands at the left edge of a webcam still, clear of the person.
    patch, alpha = person_cutout(photos["biden"], masks["biden"], round(0.6 * CLIP_SIZE[1]))
    standing = paste(fit(plain, CLIP_SIZE), patch, alpha, 16, CLIP_SIZE[1] - patch.shape[0])
    base.write("bg_standing_person_obama.jpg", webcam_view(obama, mask, standing, rng))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
