"""White-balance errors on real photos (lighting.color_cast), and slight ones that are no cast.

A camera that white-balances for the wrong light tints the whole picture: in linear light
every pixel's red, green and blue are scaled by the same three gains (von Kries), the
person and the room alike. The subject stays in their own photographed room, and the gains
follow the four ways a call's picture goes wrong: orange (tungsten lamps under a daylight
setting), blue (shade or a screen's light under a tungsten setting), green (fluorescent
tubes) and magenta (the correction for them overdone). The strength is in stops between
the channels; luminance is kept, so only the colour changes.

Labels (looked at on a contact sheet, 2026-12-01): from CAST_STOPS the skin looks orange,
blue, green or magenta at a glance, a must for lighting.color_cast; under SLIGHT_STOPS a
person sees a warm or cool photo, not a cast, a must-not. In between is left out of both.

A second, independent generator (``cast_camera_v2``) makes the error where a camera makes
it: in the sensor's own RGB, before the colour matrix that turns it into sRGB. Its gains
follow a wrong illuminant (any direction in the two chromaticity axes, warm-cool and
green-magenta, not four fixed tints), and the matrix mixes the channels, so the picture's
greys move as the gains say but saturated colours and skin move differently from a
diagonal von Kries scaling in sRGB. Its strength is set in the stops the sRGB white ends up
at (CAMERA_CAST_STOPS), so the labels follow the same rule as above.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import synth_background as sb
import synth_common as sc

FAMILY = "colorcast"
CAST = "lighting.color_cast"
NOFACE = "face.not_found"

CASES_PER_GENERATOR = 8
# Stops between the tinted channel(s) and the others (log2 of the gain ratio): a clear
# cast, and a slight tint that is only a warm or cool rendering. Tungsten light (3200 K)
# under a daylight setting (5500 K) puts red about 1.5 stops over blue. A first draw of 0.55
# to 1.1 stops looked merely warm or cool on the contact sheet (the photos' own warmth
# hides a stop), so a cast starts at 1.2.
CAST_STOPS = (1.2, 2.0)
SLIGHT_STOPS = (0.05, 0.25)
# log2 gains per stop of cast for R, G, B (before luminance is restored).
TINTS = {
    "orange": (0.5, 0.0, -0.5),
    "blue": (-0.5, 0.0, 0.5),
    "green": (-0.35, 0.5, -0.35),
    "magenta": (0.3, -0.45, 0.3),
}
# BT.709 luminance weights of linear RGB.
LUMA = np.array([0.2126, 0.7152, 0.0722], np.float32)


def tinted(linear: np.ndarray, tint: str, stops: float) -> np.ndarray:
    """``linear`` under channel gains 2**(stops * TINTS[tint]), its luminance kept."""
    gains = 2.0 ** (stops * np.array(TINTS[tint], np.float32))
    gains /= float(np.dot(LUMA, gains))
    return linear * gains


# A camera's colour matrix (sensor RGB to linear sRGB) of the usual shape: rows sum to 1
# (white stays white), strong positive diagonal, negative off-diagonal terms (a phone or
# webcam sensor's filters overlap, so the matrix adds saturation). Made up for this
# generator, not any one camera's: only its shape matters here.
CAMERA_MATRIX = np.array(
    [[1.72, -0.58, -0.14], [-0.21, 1.49, -0.28], [0.03, -0.52, 1.49]], np.float32
)
# The sRGB white's spread between its channels for a cast (as CAST_STOPS) and a slight tint.
CAMERA_CAST_STOPS = (1.2, 2.0)
CAMERA_SLIGHT_STOPS = (0.05, 0.25)


def camera_tinted(linear: np.ndarray, angle: float, stops: float) -> np.ndarray:
    """``linear`` (sRGB primaries) taken back to sensor RGB, scaled there by the gains of a
    wrong illuminant in the direction ``angle`` (radians; 0 is warm: red up, blue down) and
    converted again, so that the picture's white ends ``stops`` apart between its channels;
    luminance of white kept."""
    inverse = np.linalg.inv(CAMERA_MATRIX)
    # log2 gains for red and blue against green: warm-cool along (1, -1), green-magenta
    # along (1, 1) with green down.
    direction = np.array(
        [np.cos(angle) + np.sin(angle), 0.0, -np.cos(angle) + np.sin(angle)], np.float32
    )

    def white(scale: float) -> np.ndarray:
        return CAMERA_MATRIX @ (2.0 ** (scale * direction))

    def spread(scale: float) -> float:
        w = np.log2(np.maximum(white(scale), 1e-6))
        return float(w.max() - w.min())

    # The white's spread grows with the scale; a few bisection steps find the one asked for.
    low, high = 0.0, 4.0
    for _ in range(30):
        mid = (low + high) / 2
        low, high = (mid, high) if spread(mid) < stops else (low, mid)
    gains = 2.0 ** (low * direction)
    transform = CAMERA_MATRIX @ np.diag(gains) @ inverse
    transform /= float(np.dot(LUMA, transform @ np.ones(3, np.float32)))
    return np.maximum(linear @ transform.T.astype(np.float32), 0.0)


def _camera_gen(stops: tuple[float, float], must: bool) -> sb.Gen:
    def gen(st: sc.Staged, rng: np.random.Generator) -> sb.Result:
        angle = float(rng.uniform(0.0, 2 * np.pi))
        amount = float(rng.uniform(*stops))
        out = camera_tinted(sc.to_linear(st.rgb), angle, amount)
        kind = "camera white-balance error" if must else "slight camera tint"
        about = (
            f"{kind}: gains in sensor RGB before the colour matrix, direction "
            f"{np.degrees(angle):.0f} deg (0 warm, 90 magenta), white {amount:.2f} stops apart"
        )
        return out, ([CAST] if must else []), ([NOFACE] if must else [CAST, NOFACE]), about

    return gen


def _gen(tint: str | None, stops: tuple[float, float], must: bool) -> sb.Gen:
    def gen(st: sc.Staged, rng: np.random.Generator) -> sb.Result:
        chosen = tint or str(sc.pick(rng, list(TINTS)))
        amount = float(rng.uniform(*stops))
        out = tinted(sc.to_linear(st.rgb), chosen, amount)
        kind = "white-balance error" if must else "slight tint"
        about = f"{kind}: {chosen}, {amount:.2f} stops between channels, the photo's own room"
        return out, ([CAST] if must else []), ([NOFACE] if must else [CAST, NOFACE]), about

    return gen


GENERATORS: dict[str, tuple[sb.Gen, int]] = {
    "cast_orange_v1": (_gen("orange", CAST_STOPS, True), CASES_PER_GENERATOR),
    "cast_blue_v1": (_gen("blue", CAST_STOPS, True), CASES_PER_GENERATOR),
    "cast_green_v1": (_gen("green", CAST_STOPS, True), CASES_PER_GENERATOR),
    "cast_magenta_v1": (_gen("magenta", CAST_STOPS, True), CASES_PER_GENERATOR),
    "cast_slight_v1": (_gen(None, SLIGHT_STOPS, False), 2 * CASES_PER_GENERATOR),
}
# The camera generators start only from photos labelled without a cast (must_not
# lighting.color_cast), so that the cast they add is the picture's only one: a photo that is
# itself wrongly balanced (the wbsrgb and dwb sets) can cancel a cast or double it.
CAMERA_GENERATORS: dict[str, tuple[sb.Gen, int]] = {
    "cast_camera_v2": (_camera_gen(CAMERA_CAST_STOPS, True), 3 * CASES_PER_GENERATOR),
    "cast_camera_slight_v2": (_camera_gen(CAMERA_SLIGHT_STOPS, False), CASES_PER_GENERATOR),
}


def build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    """Write the colour-cast stills; return their manifest records."""
    try:
        records = sb.build_stills(Path(out_dir), sources, rng_seed, FAMILY, GENERATORS, zoom=False)
        neutral = [s for s in sources if CAST in s.get("must_not", ())]
        return records + build_camera(out_dir, neutral, rng_seed)
    finally:
        sc.close_perception()


def build_camera(out_dir: Path, neutral_sources: list[dict], rng_seed: int) -> list[dict]:
    """The camera generators' stills alone, from photos labelled without a cast."""
    return sb.build_stills(
        Path(out_dir), neutral_sources, rng_seed, FAMILY, CAMERA_GENERATORS, zoom=False
    )
