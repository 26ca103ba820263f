"""Build the virtual-background fixtures (vb_*) in fixtures/: people pasted onto package photos.

Two ways of pasting, as video apps do it:

* cheap: the person mask comes from a low-resolution segmentation (long side
  CHEAP_MASK_LONG_SIDE), is hard-thresholded, dilated a little so a rim of the real room
  shows, and upsampled without smoothing (a staircase outline); the background image is
  pasted as it is, clean, while the person keeps the webcam's sensor noise.
* good: a soft alpha matte from the full-resolution mask, feathered; the background is
  blurred to the camera's softness and the composite gets one sensor noise over the whole
  frame, so noise and blur match.

The person is always a webcam frame: the photo with sensor noise added in linear light, as
a webcam delivers it before the app pastes the background. The clips sway the person a
little (``webcam_frame``); in the cheap clip the mask also jitters from frame to frame, as a
low-resolution segmentation does, so the edge flickers.

    python scripts/make_fixtures_virtual.py [--cache DIR]
    python scripts/make_fixtures_virtual.py --extra   # only vb_blurroom_* and vb_rim_*
"""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import make_fixtures as base  # noqa: E402

from camcheck.perception import Perception  # noqa: E402

# Long side of the cheap app's segmentation mask: 64 px is a 12.5 px staircase at 800 px.
CHEAP_MASK_LONG_SIDE = 64
# Dilation of the cheap mask at full resolution: a 4-5 px rim of the real room shows.
CHEAP_DILATE_PX = 5
# Webcam sensor noise on the person (linear light): a 720p webcam indoors.
WEBCAM_READ = 0.004
WEBCAM_SHOT = 0.014
# The good app blurs the background image to the camera's softness (sigma in px).
GOOD_BACKGROUND_BLUR = 1.2
# Clip format of the fixtures: 640x360 at 15 fps.
CLIP_SIZE = (640, 360)
CLIP_FPS = 15.0
CLIP_SECONDS = 4.0


def webcam(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The photo as a noisy webcam frame."""
    linear = base.to_linear(image)
    return base.to_srgb(base.sensor_noise(linear, rng, read=WEBCAM_READ, shot=WEBCAM_SHOT))


def cover(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Scale and centre-crop ``image`` to fill ``size`` (width, height), as apps fit a photo."""
    width, height = size
    scale = max(width / image.shape[1], height / image.shape[0])
    resized = cv2.resize(
        image,
        (max(width, round(image.shape[1] * scale)), max(height, round(image.shape[0] * scale))),
        interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC,
    )
    top = (resized.shape[0] - height) // 2
    left = (resized.shape[1] - width) // 2
    return resized[top : top + height, left : left + width]


def cheap_mask(soft: np.ndarray, rng: np.random.Generator | None = None) -> np.ndarray:
    """A cheap app's matte: low-res, hard threshold, dilated, nearest-neighbour upsampled.

    With ``rng`` the low-res mask jitters as a per-frame segmentation does: its threshold and
    a sub-cell shift change from frame to frame.
    """
    height, width = soft.shape[:2]
    scale = CHEAP_MASK_LONG_SIDE / max(height, width)
    small_size = (max(1, round(width * scale)), max(1, round(height * scale)))
    plane = soft[..., 0] if soft.ndim == 3 else soft
    threshold = 0.5
    if rng is not None:
        shift = rng.uniform(-0.6, 0.6, 2) / scale
        matrix = np.float32([[1, 0, shift[0]], [0, 1, shift[1]]])
        plane = cv2.warpAffine(plane, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE)
        threshold = float(rng.uniform(0.3, 0.7))
    small = cv2.resize(plane, small_size, interpolation=cv2.INTER_AREA) >= threshold
    hard = cv2.resize(small.astype(np.uint8), (width, height), interpolation=cv2.INTER_NEAREST)
    kernel = cv2.getStructuringElement(
        cv2.MORPH_ELLIPSE, (2 * CHEAP_DILATE_PX + 1, 2 * CHEAP_DILATE_PX + 1)
    )
    return cv2.dilate(hard, kernel).astype(np.float64)[..., None]


def cheap_composite(
    camera: np.ndarray, soft: np.ndarray, background: np.ndarray, rng: np.random.Generator | None
) -> np.ndarray:
    """Paste the noisy camera frame onto a clean image through the cheap matte."""
    mask = cheap_mask(soft, rng)
    height, width = camera.shape[:2]
    clean = cover(background, (width, height)).astype(np.float64)
    return np.round(camera * mask + clean * (1 - mask)).astype(np.uint8)


def good_composite(
    photo: np.ndarray, soft: np.ndarray, background: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Soft matte, background blurred and noised like the camera: a well-made composite."""
    height, width = photo.shape[:2]
    clean = cover(background, (width, height))
    blurred = cv2.GaussianBlur(clean, (0, 0), GOOD_BACKGROUND_BLUR)
    linear = base.to_linear(photo) * soft + base.to_linear(blurred) * (1 - soft)
    return base.to_srgb(base.sensor_noise(linear, rng, read=WEBCAM_READ, shot=WEBCAM_SHOT))


# Issue 12's extra fixtures, made from the real photo fixtures/good_obama.jpg (no download):
# the room blurred behind a soft mask, as the call apps' background blur does (sigma in px),
# and a cut-out with a rim of the real room (px) pasted onto a drawn landscape.
BLUR_ROOM_SIGMA = 12.0
BLUR_MASK_FEATHER = 1.5
RIM_PX = 7
RIM_FEATHER = 0.7


def landscape(size: tuple[int, int]) -> np.ndarray:
    """A clean drawn picture: sky gradient, a sun and two hill lines, as stock backgrounds."""
    width, height = size
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    sky = np.stack([120 + 80 * y / height, 170 + 50 * y / height, np.full_like(y, 235)], axis=2)
    picture = sky.copy()
    hill = height * (0.62 + 0.06 * np.sin(x / width * 5.0))
    picture[y > hill] = (70, 140, 60)
    far = height * (0.75 + 0.04 * np.cos(x / width * 9.0))
    picture[y > far] = (50, 110, 45)
    sun = (x - 0.8 * width) ** 2 + (y - 0.2 * height) ** 2 < (0.06 * width) ** 2
    picture[sun] = (250, 230, 150)
    return np.clip(picture, 0, 255).astype(np.uint8)


def extra_fixtures(perception: Perception) -> None:
    """vb_blurroom_obama.jpg (background blur: not virtual) and vb_rim_obama.jpg."""
    photo = cv2.cvtColor(cv2.imread(str(base.FIXTURES / "good_obama.jpg")), cv2.COLOR_BGR2RGB)
    rng = np.random.default_rng(20261212)
    soft = perception.segment_person(photo)
    hard = (soft >= 0.5).astype(np.float64)
    alpha = cv2.GaussianBlur(hard, (0, 0), BLUR_MASK_FEATHER)[..., None]
    room = cv2.GaussianBlur(photo, (0, 0), BLUR_ROOM_SIGMA)
    linear = base.to_linear(photo) * alpha + base.to_linear(room) * (1 - alpha)
    base.write("vb_blurroom_obama.jpg", base.to_srgb(linear))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * RIM_PX + 1, 2 * RIM_PX + 1))
    rim = cv2.GaussianBlur(cv2.dilate(hard, kernel), (0, 0), RIM_FEATHER)[..., None]
    height, width = photo.shape[:2]
    picture = landscape((width, height))
    camera = webcam(photo, rng).astype(np.float64)
    base.write("vb_rim_obama.jpg", np.round(camera * rim + picture * (1 - rim)).astype(np.uint8))


def main() -> int:
    if "--extra" in sys.argv[1:]:
        # only issue 12's extra fixtures, from fixtures/good_obama.jpg
        with Perception() as perception:
            extra_fixtures(perception)
        return 0
    cache = base.parse_cache(__doc__)
    photos = base.fetch_sources(cache)
    rng = np.random.default_rng(20261204)
    people = ("obama", "astronaut", "biden", "grace_hopper")
    pairs = {"obama": "flower", "astronaut": "flower", "biden": "china", "grace_hopper": "flower"}

    with Perception() as perception:
        masks = {key: base.person_mask(perception, photos[key]) for key in people}
        for key in people:
            scenery = photos[pairs[key]]
            camera = webcam(photos[key], rng)
            base.write(f"vb_cheap_{key}.jpg", cheap_composite(camera, masks[key], scenery, None))
            base.write(f"vb_good_{key}.jpg", good_composite(photos[key], masks[key], scenery, rng))
        # A real webcam frame: the photo with sensor noise, no background pasted.
        base.write("vb_real_webcam_obama.jpg", webcam(photos["obama"], rng))

        # Clips: the person sways; the cheap app's mask jitters every frame over a still
        # picture, the good app's soft matte follows the person over a noisy blurred one.
        frames_cheap, frames_good, frames_real = [], [], []
        scenery = cover(photos["china"], CLIP_SIZE)
        for i in range(int(CLIP_SECONDS * CLIP_FPS)):
            t = i / CLIP_FPS
            view = base.webcam_frame(photos["obama"], CLIP_SIZE, t)
            soft = base.person_mask(perception, view)
            frames_cheap.append(cheap_composite(webcam(view, rng), soft, scenery, rng))
            frames_good.append(good_composite(view, soft, scenery, rng))
            frames_real.append(webcam(view, rng))
        base.write_clip("vb_cheap_flicker.mp4", frames_cheap, CLIP_FPS)
        base.write_clip("vb_good_clip.mp4", frames_good, CLIP_FPS)
        base.write_clip("vb_real_clip.mp4", frames_real, CLIP_FPS)
        extra_fixtures(perception)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
