"""A blurred or grainy picture (image.blurry, image.noisy), and near misses that are neither.

Three independent ways a call's picture goes soft, each made in linear light on a real
photo staged as a webcam frame, with sizes relative to the face (a blur of 5 px is plain on
a face 100 px wide and hardly seen on one 400 px wide):

* defocus: the camera focused on the wall behind, a disc (pillbox) kernel, the point spread
  of an out-of-focus lens;
* motion: the camera or the person moved during the exposure, a line kernel at a random
  angle;
* low resolution: a cheap camera or a starved video stream, the picture taken so small that
  the face is 20 to 36 px wide and scaled up again.

And grain: a dark room at night, where the camera raises its analogue gain four and a half
to six stops (synth_common.sensor_noise with that gain: read noise grows with it, shot noise
with its square root). Near misses are a barely defocused lens and one stop of gain, which a
person does not notice. The webcam finish (a little blur, base sensor noise, one JPEG) comes
after, as for every still of the corpus (synth_background.build_stills).

Labels (looked at on a contact sheet and face crops at full size, 2026-12-01): the blurred
and grainy cases are musts for their id; a near miss is a must-not for the id it nearly
has. Noise is left out of the blurred cases (scaling a picture up turns its noise into
blotches the measure may read) and blur out of the grainy ones (a video frame scaled up to
the still's width is soft already). A strongly blurred face may escape the face detector, so
face.not_found is left out of the blurred cases' labels.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import synth_background as sb
import synth_common as sc

FAMILY = "quality"
BLURRY = "image.blurry"
NOISY = "image.noisy"
NOFACE = "face.not_found"

CASES_PER_GENERATOR = 8
# Grain had the fewest cases (8 grainy, 8 near misses: 3 grainy ones held out), so its two
# generators make twice as many.
GRAIN_CASES = 16
# Disc radius as a share of the face's width: from 3% (a 200 px face, 6 px: features
# soften, eyelashes and hair strands are gone) to 6%; the near miss at most 0.6%.
DEFOCUS_SHARE = (0.03, 0.06)
SLIGHT_DEFOCUS_SHARE = (0.0, 0.006)
# Line length as a share of the face's width: a face smeared by 6 to 12% of its width.
MOTION_SHARE = (0.06, 0.12)
# The picture taken so small that the face is this many px wide, then scaled back up: at
# 20-36 px a face has lost its lashes, pores and hair strands (a fixed factor of 1/5 to 1/8
# left large faces 60 px wide, which looked only a little soft on the contact sheet).
LOWRES_FACE_PX = (20.0, 36.0)
# ... but never less than this factor (a small face is not made smaller still).
MIN_LOWRES_FACTOR = 2.0
# Analogue gain in a dark room: 4.6 to 6 stops (3 to 4 stops on a well-exposed photo looked
# only faintly grainy on the contact sheet once the JPEG had smoothed it), and the near miss
# under 1.3 stops.
GAIN = (24.0, 64.0)
SLIGHT_GAIN = (1.5, 2.5)


def pillbox(radius: float) -> np.ndarray:
    """A normalised disc kernel of ``radius`` px (antialiased at its rim)."""
    half = int(np.ceil(radius)) + 1
    yy, xx = np.mgrid[-half : half + 1, -half : half + 1].astype(np.float32)
    kernel = np.clip(radius + 0.5 - np.hypot(xx, yy), 0.0, 1.0)
    return kernel / kernel.sum()


def line_kernel(length: float, angle_deg: float) -> np.ndarray:
    """A normalised line kernel ``length`` px long at ``angle_deg`` (motion blur)."""
    size = int(np.ceil(length)) | 1
    kernel = np.zeros((size * 2 + 1, size * 2 + 1), np.float32)
    c = size
    dx = np.cos(np.radians(angle_deg)) * length / 2
    dy = np.sin(np.radians(angle_deg)) * length / 2
    start, end = (round(c - dx), round(c - dy)), (round(c + dx), round(c + dy))
    cv2.line(kernel, start, end, 1.0, 1, cv2.LINE_AA)
    return kernel / kernel.sum()


def _filtered(linear: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    return cv2.filter2D(linear, -1, kernel, borderType=cv2.BORDER_REFLECT)


def _face_width(st: sc.Staged) -> float:
    return float(st.face[2])


def gen_defocus(st: sc.Staged, rng: np.random.Generator) -> sb.Result:
    share = float(rng.uniform(*DEFOCUS_SHARE))
    radius = max(1.0, share * _face_width(st))
    out = _filtered(sc.to_linear(st.rgb), pillbox(radius))
    about = f"out of focus: a {radius:.1f} px disc ({share:.1%} of the face's width)"
    return out, [BLURRY], [], about


def gen_motion(st: sc.Staged, rng: np.random.Generator) -> sb.Result:
    share = float(rng.uniform(*MOTION_SHARE))
    length = max(2.0, share * _face_width(st))
    angle = float(rng.uniform(0.0, 180.0))
    out = _filtered(sc.to_linear(st.rgb), line_kernel(length, angle))
    about = f"motion blur: {length:.1f} px at {angle:.0f} degrees ({share:.1%} of the face)"
    return out, [BLURRY], [], about


def gen_lowres(st: sc.Staged, rng: np.random.Generator) -> sb.Result:
    factor = max(MIN_LOWRES_FACTOR, _face_width(st) / float(rng.uniform(*LOWRES_FACE_PX)))
    linear = sc.to_linear(st.rgb)
    h, w = linear.shape[:2]
    small = cv2.resize(linear, (round(w / factor), round(h / factor)), interpolation=cv2.INTER_AREA)
    out = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    about = f"taken at 1/{factor:.1f} of the width and scaled up ({small.shape[1]} px wide)"
    return out, [BLURRY], [], about


def _gain(gains: tuple[float, float], must: bool) -> sb.Gen:
    def gen(st: sc.Staged, rng: np.random.Generator) -> sb.Result:
        gain = float(rng.uniform(*gains))
        out = sc.sensor_noise(sc.to_linear(st.rgb), rng, gain=gain)
        stops = float(np.log2(gain))
        if must:
            return out, [NOISY], [NOFACE], f"grain: {stops:.1f} stops of gain"
        # Blur is left out of the noise near miss: a video frame scaled up to the still's
        # width is soft before any noise is added.
        return out, [], [NOISY, NOFACE], f"near miss: {stops:.1f} stops of gain"

    return gen


def gen_slight_defocus(st: sc.Staged, rng: np.random.Generator) -> sb.Result:
    share = float(rng.uniform(*SLIGHT_DEFOCUS_SHARE))
    radius = share * _face_width(st)
    linear = sc.to_linear(st.rgb)
    out = _filtered(linear, pillbox(radius)) if radius >= 0.5 else linear
    about = f"near miss: a {radius:.1f} px disc ({share:.2%} of the face's width)"
    return out, [], [BLURRY, NOISY, NOFACE], about


GENERATORS: dict[str, tuple[sb.Gen, int]] = {
    "blur_defocus_v1": (gen_defocus, CASES_PER_GENERATOR),
    "blur_motion_v1": (gen_motion, CASES_PER_GENERATOR),
    "blur_lowres_v1": (gen_lowres, CASES_PER_GENERATOR),
    "noise_gain_v1": (_gain(GAIN, True), GRAIN_CASES),
    "quality_slight_blur_v1": (gen_slight_defocus, CASES_PER_GENERATOR),
    "quality_slight_gain_v1": (_gain(SLIGHT_GAIN, False), GRAIN_CASES),
}


def build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    """Write the blurred, grainy and near-miss stills; return their manifest records."""
    try:
        return sb.build_stills(Path(out_dir), sources, rng_seed, FAMILY, GENERATORS)
    finally:
        sc.close_perception()
