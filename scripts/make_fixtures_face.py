"""Build the face-quality fixtures (face_*): side light, colour casts, blur, noise, framing.

Every variant is made physically from the package photos (see fixtures/SOURCES.md):

* side light: one half of the scene darkened smoothly in linear light, the ramp centred on
  the face's midline, as a window or desk lamp to one side does;
* colour casts: a white-balance error, i.e. per-channel gains on the whole scene in linear
  light (warm bulbs, a blue screen or window, green fluorescent tubes), and a pale grey face
  (the skin desaturated in linear light) in an otherwise normal picture;
* blur: Gaussian defocus and horizontal motion blur of the whole frame;
* noise: the camera's gain raised in dim light (3 stops under, amplified back, with the
  sensor noise that comes with it);
* framing: landscape webcam views (640x360) of the portrait photos, good and with the face
  cut off, far off centre, too close, too far, or sitting too low or too high.

The same people in good light (the good_* fixtures and the landscape ``face_webcam_*``
views, of several skin tones) must produce none of these checks.

    python scripts/make_fixtures_face.py [--cache DIR]
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

# The landscape webcam view the framing fixtures use.
VIEW = (640, 360)
# Side light: the dark side gets this share of the light (linear), about 2.5 stops less.
SIDE_LIGHT_FLOOR = 0.18
# Width of the light ramp across the midline, as a share of the face box width.
SIDE_RAMP_WIDTH = 0.35
# White-balance errors as linear RGB gains (then scaled so luminance stays the same):
# tungsten bulbs under a daylight white balance, a cold screen / north window, and
# fluorescent tubes.
CASTS: dict[str, tuple[float, float, float]] = {
    "warm": (1.0, 0.72, 0.40),
    "blue": (0.5, 0.75, 1.0),
    "green": (0.72, 1.0, 0.68),
}
# The pale face keeps this share of its skin's chroma.
PALE_CHROMA_KEEP = 0.15
# Defocus (Gaussian sigma) and motion-blur length, in pixels of the 800 px fixture.
DEFOCUS_SIGMA = 3.0
MOTION_LENGTH = 17
# The wall around the person sitting far from the camera (a light warm grey).
FAR_WALL_RGB = (184, 180, 172)
# Dim-light gain: the picture is 3 stops under and amplified back by the camera.
GAIN_STOPS = 3.0


def face_box(perception: Perception, image: np.ndarray) -> tuple[int, int, int, int]:
    (face, *_) = perception.detect_faces(image)
    return face.box


def side_lit(image: np.ndarray, box: tuple[int, int, int, int], *, dark_left: bool) -> np.ndarray:
    """Darken the image left (or right) of the face's midline smoothly, in linear light."""
    x, _, w, _ = box
    columns = np.arange(image.shape[1], dtype=np.float64)
    ramp = 1.0 / (1.0 + np.exp(-(columns - (x + w / 2)) / (SIDE_RAMP_WIDTH * w / 4)))
    if not dark_left:
        ramp = 1.0 - ramp
    gain = SIDE_LIGHT_FLOOR + (1.0 - SIDE_LIGHT_FLOOR) * ramp
    return base.to_srgb(base.to_linear(image) * gain[None, :, None])


def white_balance(image: np.ndarray, gains: tuple[float, float, float]) -> np.ndarray:
    """A white-balance error: per-channel gains in linear light, luminance kept (BT.709)."""
    g = np.array(gains, np.float64)
    g /= float(np.dot(g, [0.2126, 0.7152, 0.0722]))
    return base.to_srgb(base.to_linear(image) * g[None, None, :])


def pale_face(image: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Desaturate the skin in linear light: a grey, ill-looking face in a normal picture."""
    ycrcb = cv2.cvtColor(image, cv2.COLOR_RGB2YCrCb)
    skin = cv2.inRange(ycrcb, (40, 135, 85), (255, 180, 135)).astype(np.float64) / 255.0
    skin = cv2.GaussianBlur(skin, (0, 0), 2.0)[..., None] * (mask > 0.5)
    linear = base.to_linear(image)
    grey = (linear @ np.array([0.2126, 0.7152, 0.0722]))[..., None]
    pale = grey + (linear - grey) * PALE_CHROMA_KEEP
    return base.to_srgb(linear * (1 - skin) + pale * skin)


def defocus(image: np.ndarray) -> np.ndarray:
    return cv2.GaussianBlur(image, (0, 0), DEFOCUS_SIGMA)


def motion(image: np.ndarray) -> np.ndarray:
    kernel = np.zeros((MOTION_LENGTH, MOTION_LENGTH), np.float32)
    kernel[MOTION_LENGTH // 2, :] = 1.0 / MOTION_LENGTH
    return cv2.filter2D(image, -1, kernel, borderType=cv2.BORDER_REFLECT)


def gained(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Dim light amplified by the camera: normal brightness, heavy grain."""
    gain = 2.0**GAIN_STOPS
    dim = base.to_linear(image) / gain
    noisy = base.sensor_noise(dim, rng, read=0.0015 * gain / 2, shot=0.004 * np.sqrt(gain))
    return base.to_srgb(noisy * gain)


def view(
    image: np.ndarray,
    box: tuple[int, int, int, int],
    *,
    face_share: float,
    center: tuple[float, float],
    wall: np.ndarray | None = None,
) -> np.ndarray:
    """A 640x360 landscape view of the photo with the face box at ``center`` (shares of the
    view) and ``face_share`` of the view's height tall. Outside the photo: a plain wall of
    the colour ``wall`` when given, else the photo's border pixels stretched (a reflection
    would add mirrored copies of the person)."""
    x, y, w, h = box
    scale = face_share * VIEW[1] / h
    dx = center[0] * VIEW[0] - (x + w / 2) * scale
    dy = center[1] * VIEW[1] - (y + h / 2) * scale
    matrix = np.float32([[scale, 0, dx], [0, scale, dy]])
    if wall is None:
        return cv2.warpAffine(
            image, matrix, VIEW, flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE
        )
    return cv2.warpAffine(
        image,
        matrix,
        VIEW,
        flags=cv2.INTER_AREA,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=tuple(int(v) for v in wall),
    )


def main() -> int:
    cache = base.parse_cache(__doc__)
    photos = base.fetch_sources(cache)
    rng = np.random.default_rng(20261205)
    with Perception() as perception:
        masks = {key: base.person_mask(perception, photos[key]) for key in ("obama", "biden")}
        deep = base.darker_skin(photos["obama"], masks["obama"], 0.3)
        people = {
            "obama": photos["obama"],
            "darkskin": deep,
            "biden": photos["biden"],
            "astronaut": photos["astronaut"],
            "grace_hopper": photos["grace_hopper"],
        }
        boxes = {key: face_box(perception, image) for key, image in people.items()}

        # Side light on several skin tones, the picture's right side darkened: these photos
        # are lit from the picture's left already, so darkening the left would only even
        # them out. Light from the other side is covered by the unit tests.
        base.write(
            "face_sidelit_obama.jpg", side_lit(people["obama"], boxes["obama"], dark_left=False)
        )
        base.write(
            "face_sidelit_darkskin.jpg",
            side_lit(people["darkskin"], boxes["darkskin"], dark_left=False),
        )
        base.write(
            "face_sidelit_astronaut.jpg",
            side_lit(people["astronaut"], boxes["astronaut"], dark_left=False),
        )
        # White-balance errors over the whole scene, and a pale grey face.
        base.write("face_warm_obama.jpg", white_balance(people["obama"], CASTS["warm"]))
        base.write("face_warm_darkskin.jpg", white_balance(people["darkskin"], CASTS["warm"]))
        base.write("face_blue_biden.jpg", white_balance(people["biden"], CASTS["blue"]))
        base.write("face_blue_darkskin.jpg", white_balance(people["darkskin"], CASTS["blue"]))
        base.write("face_green_astronaut.jpg", white_balance(people["astronaut"], CASTS["green"]))
        base.write("face_pale_obama.jpg", pale_face(people["obama"], masks["obama"]))
        base.write("face_pale_biden.jpg", pale_face(people["biden"], masks["biden"]))
        # Out of focus and smeared.
        base.write("face_defocus_obama.jpg", defocus(people["obama"]))
        base.write("face_defocus_darkskin.jpg", defocus(people["darkskin"]))
        base.write("face_defocus_astronaut.jpg", defocus(people["astronaut"]))
        base.write("face_motion_biden.jpg", motion(people["biden"]))
        # Grain from dim light amplified.
        base.write("face_noisy_obama.jpg", gained(people["obama"], rng))
        base.write("face_noisy_darkskin.jpg", gained(people["darkskin"], rng))
        base.write("face_noisy_astronaut.jpg", gained(people["astronaut"], rng))

        # Landscape webcam views: good framing (eyes near the upper third, face a third of
        # the height), then each framing fault.
        for key in ("obama", "darkskin", "biden", "grace_hopper"):
            base.write(
                f"face_webcam_{key}.jpg",
                view(people[key], boxes[key], face_share=0.36, center=(0.5, 0.42)),
            )
        base.write(
            "face_cutoff_obama.jpg",
            view(people["obama"], boxes["obama"], face_share=0.4, center=(0.97, 0.45)),
        )
        base.write(
            "face_cutoff_biden.jpg",
            view(people["biden"], boxes["biden"], face_share=0.4, center=(0.5, 0.02)),
        )
        base.write(
            "face_offcenter_darkskin.jpg",
            view(people["darkskin"], boxes["darkskin"], face_share=0.34, center=(0.2, 0.42)),
        )
        base.write(
            "face_close_obama.jpg",
            view(people["obama"], boxes["obama"], face_share=0.68, center=(0.5, 0.5)),
        )
        # A plain light-grey wall around the far-away person.
        wall = np.array(FAR_WALL_RGB)
        base.write(
            "face_far_obama.jpg",
            view(people["obama"], boxes["obama"], face_share=0.09, center=(0.5, 0.4), wall=wall),
        )
        base.write(
            "face_low_biden.jpg",
            view(people["biden"], boxes["biden"], face_share=0.3, center=(0.5, 0.72)),
        )
        base.write(
            "face_high_obama.jpg",
            view(people["obama"], boxes["obama"], face_share=0.42, center=(0.5, 0.2)),
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
