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


def build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    """Write the colour-cast stills; return their manifest records."""
    try:
        return sb.build_stills(Path(out_dir), sources, rng_seed, FAMILY, GENERATORS, zoom=False)
    finally:
        sc.close_perception()
