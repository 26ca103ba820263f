"""Synthetic lighting cases (issue 14), made in linear light from real photos.

Exposure is changed on the decoded (linear) photo, then the webcam adds sensor noise with
the gain it would have raised, then encodes. Backlight puts a window, a lamp or the sky
behind the person and sets the face a drawn number of stops below the blown-out light, as
a camera exposing for the room does; near misses keep the light unclipped or the face within
about a stop of it. Skin tone is changed by scaling the skin's reflectance in linear light.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from pathlib import Path

import cv2
import numpy as np
import synth_common as sc

FAMILY = "lighting"
DARK = "lighting.too_dark"
BRIGHT = "lighting.too_bright"
BACKLIGHT = "lighting.backlight"
NOFACE = "face.not_found"

# Cases per generator (subjects are cycled). Ids made by only three generators (too_bright,
# backlight) get three more cases each: 27 positives, about 8 of them held out.
STILLS_PER_GENERATOR = 6
THREE_GENERATOR_IDS = {"light_over_v2", "light_hotkey_v2", "light_flare_v2",
                       "backlight_window_v1", "backlight_lamp_v1", "backlight_sky_v1",
                       "backlight_silhouette_v1"}  # fmt: skip

# Exposure ranges in stops (EV) relative to the photo, which is taken as well exposed.
UNDER_EV = (-3.0, -1.5)  # the brief's range; -1.5 EV already reads "too dark" to people
OVER_EV = (1.5, 2.5)
# A ring light too close: the person this many stops over, the room HOTKEY_ROOM_EV.
HOTKEY_EV = (1.6, 2.5)
HOTKEY_ROOM_EV = 0.6
# Overexposure with veiling glare (a haze over the lens, in linear light).
FLARE_EV = (1.4, 2.2)
FLARE_VEIL = (0.06, 0.15)
# So dark that the detector cannot find a face: with the camera at gain x16 camcheck's
# detector found no face in any of the 6 such cases of the 2026-12-01 corpus build.
NOFACE_EV = (-6.5, -5.0)
# Backlight: the face's mean luminance sits this many stops below the blown-out light
# (full scale), as issue 14 describes a window behind a person; under 2.3 stops the sky
# cases did not look backlit on the contact sheet.
BACKLIGHT_STOPS = (2.3, 3.3)
# A silhouette before a window the camera exposed for: the face this many stops under the
# view's mean, the view's 99th percentile at this linear level (luma 0.70 to 0.91).
SILHOUETTE_STOPS = (4.0, 6.5)
SILHOUETTE_PEAK = (0.45, 0.8)
# Near miss: the light behind is at most this share of full scale (not blown) and the face
# within this many stops of it.
NEAR_MISS_PEAK = (0.55, 0.8)
NEAR_MISS_STOPS = (0.3, 1.0)
# A well-lit face's mean luminance (linear) in the near misses and skin-tone cases: about
# 18% grey to a bright face.
WELL_LIT_FACE = (0.16, 0.3)
# Packaged photos that look like a view out of a window or the sky outdoors.
OUTDOOR_VIEWS = ("china", "castle", "rocket")  # bridge is a night view: no daylight
# Skin reflectance factors for darker skin tones (the brief: x0.3, x0.5).
SKIN_FACTORS = (0.3, 0.4, 0.5)
# Deep skin in a dark room (issue 14's pair: well lit stays quiet, two stops under fires):
# the deepest two of SKIN_FACTORS, clothes of dark fabric (navy or black cloth reflects 2 to
# 5% of the light) and a dark painted wall, as _wall's level in linear light.
DEEP_SKIN_FACTORS = (0.3, 0.4)
DARK_CLOTHES = (0.02, 0.05)
DARK_WALL = (0.01, 0.04)
DEEP_UNDER_EV = (-2.3, -1.8)
# The dyed cloth's weave: its luminance against its local mean, kept within this range.
CLOTH_TEXTURE = (0.6, 1.4)
# Dyes in linear RGB (scaled to the fabric's luminance): black, navy, charcoal brown.
CLOTH_DYES = ((1.0, 1.0, 1.0), (0.7, 0.8, 1.4), (1.2, 1.0, 0.8))


def _face_luma(linear: np.ndarray, face: tuple[int, int, int, int]) -> float:
    """Mean luminance of the face box's inner part (cheeks, nose, forehead)."""
    x, y, w, h = face
    inner = linear[y + h // 5 : y + h * 4 // 5, x + w // 5 : x + w * 4 // 5]
    return float(sc.luminance(inner).mean())


def _skin(rgb: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Soft skin map: the YCrCb skin cluster inside the person mask (Chai and Ngan 1999)."""
    ycrcb = cv2.cvtColor(rgb, cv2.COLOR_RGB2YCrCb)
    skin = cv2.inRange(ycrcb, (30, 133, 77), (255, 180, 130))
    # Close freckles, highlights and pores into one patch: a patchy map looked mottled on
    # the contact sheet.
    skin = cv2.morphologyEx(skin, cv2.MORPH_CLOSE, sc.disk(max(3, rgb.shape[1] // 120)))
    skin = cv2.morphologyEx(skin, cv2.MORPH_OPEN, sc.disk(2)).astype(np.float32) / 255.0
    return sc.gaussian(skin * (mask > 0.5), 3.0)


def darker_skin(rgb: np.ndarray, mask: np.ndarray, factor: float) -> np.ndarray:
    """Lower the skin's reflectance by ``factor`` in linear light under the same light.

    Specular highlights (the brightest skin) keep most of their level: surface reflection
    does not depend on melanin.
    """
    skin = _skin(rgb, mask)[..., None]
    linear = sc.to_linear(rgb)
    luma = linear.mean(axis=2, keepdims=True)
    specular = np.clip((luma - 0.55) / 0.3, 0.0, 1.0)
    scale = factor + (1.0 - factor) * specular
    return sc.to_srgb(linear * (1 - skin) + linear * scale * skin)


def _wall(size: tuple[int, int], level: float, rng: np.random.Generator) -> np.ndarray:
    """A painted wall in linear light: a tint, a gentle light falloff, faint roughness."""
    w, h = size
    tint = np.array(rng.uniform(0.85, 1.1, 3), np.float32)
    tint /= tint.mean()
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0, w), rng.uniform(-h, 0)
    fall = 1.0 / (1.0 + ((xx - cx) ** 2 + (yy - cy) ** 2) / (2.5 * max(w, h)) ** 2)
    fall /= fall.mean()
    rough = sc.gaussian(rng.standard_normal((h, w)).astype(np.float32), 1.2) * 0.02
    return (level * fall * (1 + rough))[..., None] * tint


def _window(
    size: tuple[int, int], view: np.ndarray, box: tuple[int, int, int, int], gain: float
) -> tuple[np.ndarray, np.ndarray]:
    """A window pane showing ``view`` (linear) times ``gain``, with glazing bars.

    Returns the pane's light (linear, zero outside) and its coverage in [0, 1].
    """
    w, h = size
    x0, y0, x1, y1 = box
    pane = np.zeros((h, w), np.float32)
    pane[y0:y1, x0:x1] = 1.0
    bar = max(3, (x1 - x0) // 40)
    mx = (x0 + x1) // 2
    my = y0 + (y1 - y0) * 2 // 5
    pane[y0:y1, mx - bar : mx + bar] = 0.0
    pane[my - bar : my + bar, x0:x1] = 0.0
    pane = sc.gaussian(pane, 1.2)
    light = sc.to_linear(sc.cover(view, (w, h)))
    # ``gain`` is in units of the view's median, so most of the pane clips as daylight does.
    light = light * (gain / max(float(np.median(sc.luminance(light))), 1e-3))
    # Daylight scatters around the frame (bloom), which is part of what makes a window read
    # as blown-out.
    return light * pane[..., None], pane


def _place(person: np.ndarray, alpha: np.ndarray, background: np.ndarray) -> np.ndarray:
    """The person over a new background; the matte is pulled in 2 px so the photo's own
    backdrop does not show as a dark or coloured halo (a lighting case, not a VB case)."""
    return sc.composite(person, background, sc.gaussian(sc.erode(sc.hard(alpha), 2), 1.2))


def _bloom(linear: np.ndarray, strength: float) -> np.ndarray:
    """Lens flare and sensor bloom around light above full scale."""
    over = np.clip(linear - 1.0, 0, None)
    return linear + strength * sc.gaussian(over, linear.shape[1] / 30)


Result = tuple[np.ndarray, list[str], list[str], str, float]
Gen = Callable[[sc.Staged, np.random.Generator, list[sc.Picture]], Result]


def gen_under(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    ev = float(rng.uniform(*UNDER_EV))
    out = sc.to_linear(st.rgb) * 2.0**ev
    return out, [DARK], [BRIGHT, NOFACE], f"underexposed {ev:+.1f} EV in linear light", 2.0**-ev


def gen_dimroom(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    ev = float(rng.uniform(-3.0, -2.0))
    w = st.mask.shape[1]
    # One warm lamp off to a side: tungsten colour and a falloff across the frame.
    side = float(rng.choice([-1.0, 1.0]))
    xx = np.linspace(-1, 1, w, dtype=np.float32)[None, :] * side
    fall = np.clip(0.55 + 0.45 * xx, 0.25, 1.0)
    tungsten = np.array([1.25, 1.0, 0.62], np.float32)
    out = sc.to_linear(st.rgb) * (2.0**ev) * fall[..., None] * tungsten
    about = f"a dim room lit by one warm lamp to the side, {ev:+.1f} EV"
    return out, [DARK], [BRIGHT, NOFACE], about, 2.0**-ev


def gen_lowlight(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    ev = float(rng.uniform(-3.0, -1.8))
    gain = 2.0**-ev
    lin = sc.to_linear(st.rgb) * 2.0**ev
    # The camera's noise reduction in low light smears detail (a bilateral filter).
    noisy = sc.to_srgb(sc.sensor_noise(lin, rng, gain=gain))
    smeared = cv2.bilateralFilter(noisy, 9, 40, 5)
    out = sc.to_linear(smeared)
    about = f"low light {ev:+.1f} EV with the camera's noise reduction smearing detail"
    return out, [DARK], [BRIGHT, NOFACE], about, 0.0


def _over_gain(st: sc.Staged, ev: float) -> tuple[float, float]:
    """The linear gain that puts the face ``ev`` stops over a well-exposed level, and the
    stops the photo itself was pushed.

    A photo is taken as well exposed unless its face is dimmer than a well-lit face
    (WELL_LIT_FACE's low end): a face in shade before a bright view, or a dim room, is first
    brought up to that level. Pushing such a photo by ``ev`` alone only gave a normally
    exposed face before a blown-out room (the v1 generators did, on six of 27 cases of the
    2026-12-01 corpus).
    """
    face = _face_luma(sc.to_linear(st.rgb), st.face)
    gain = 2.0**ev * max(1.0, WELL_LIT_FACE[0] / max(face, 1e-4))
    return gain, float(np.log2(gain))


def gen_over(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    gain, push = _over_gain(st, float(rng.uniform(*OVER_EV)))
    out = sc.to_linear(st.rgb) * gain
    return out, [BRIGHT], [DARK, NOFACE], f"overexposed {push:+.1f} EV, clipped", 1.0


def gen_hotkey(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    _, push = _over_gain(st, float(rng.uniform(*HOTKEY_EV)))
    lin = sc.to_linear(st.rgb)
    # A ring light too close: the person takes the full push, the room a little of it.
    person = sc.gaussian(st.mask, 6.0)[..., None]
    gain = 2.0 ** (push * person + HOTKEY_ROOM_EV * (1 - person))
    out = lin * gain
    about = f"a light too close: the person {push:+.1f} EV and clipped, the room +0.6 EV"
    return out, [BRIGHT], [DARK, NOFACE], about, 1.0


def gen_flare(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    gain, push = _over_gain(st, float(rng.uniform(*FLARE_EV)))
    veil = float(rng.uniform(*FLARE_VEIL))
    out = sc.to_linear(st.rgb) * gain + veil
    about = f"overexposed {push:+.1f} EV with veiling glare {veil:.2f} (washed out)"
    return out, [BRIGHT], [DARK, NOFACE], about, 1.0


def _backlit_scene(
    st: sc.Staged, rng: np.random.Generator, background: np.ndarray, stops: float
) -> np.ndarray:
    """The person exposed so the face sits ``stops`` below full scale, over ``background``."""
    person = sc.to_linear(st.rgb)
    face = _face_luma(person, st.face)
    person = person * (2.0**-stops / max(face, 1e-4))
    # Light wrapping around the edge of a backlit person (a thin bright rim).
    return _place(person, st.mask, background)


def _window_box(rng: np.random.Generator, w: int, h: int) -> tuple[str, tuple[int, int, int, int]]:
    """Where a window is (behind the person, or on one side) and its box."""
    where = str(rng.choice(["behind", "left", "right"]))
    if where == "behind":
        box = (int(w * rng.uniform(0.1, 0.2)), 0, int(w * rng.uniform(0.8, 0.9)), int(h * 0.8))
    elif where == "left":
        box = (0, int(h * 0.05), int(w * rng.uniform(0.3, 0.42)), int(h * 0.85))
    else:
        box = (int(w * rng.uniform(0.58, 0.7)), int(h * 0.05), w, int(h * 0.85))
    return where, box


def gen_window(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    h, w = st.mask.shape
    stops = float(rng.uniform(*BACKLIGHT_STOPS))
    where, box = _window_box(rng, w, h)
    view = sc.pick(rng, views)
    light, pane = _window((w, h), view.image, box, float(rng.uniform(1.5, 3.0)))
    wall = _wall((w, h), 2.0**-stops * float(rng.uniform(0.6, 1.2)), rng)
    background = _bloom(light + wall * (1 - pane[..., None]), 0.25)
    out = _backlit_scene(st, rng, background, stops)
    about = f"a blown-out window {where} the person ({view.key}), face {stops:.1f} stops below it"
    return out, [BACKLIGHT], [NOFACE, BRIGHT], about, 1.0


def gen_silhouette(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    # A camera (or a phone's exposure lock) that exposes for the view through the window:
    # the view keeps its detail under clipping and the person before it is a silhouette.
    # Nothing is blown out, so only the face's distance below the window tells backlight.
    h, w = st.mask.shape
    stops = float(rng.uniform(*SILHOUETTE_STOPS))
    where, box = _window_box(rng, w, h)
    view = sc.pick(rng, views)
    light, pane = _window((w, h), view.image, box, 1.0)
    inside = pane > 0.5
    peak = float(np.percentile(sc.luminance(light)[inside], 99))
    light = light * (float(rng.uniform(*SILHOUETTE_PEAK)) / max(peak, 1e-4))
    level = float(sc.luminance(light)[inside].mean())
    # The room's own wall, lit by the same window from the front: a little over the face.
    wall = _wall((w, h), level * 2.0**-stops * float(rng.uniform(1.0, 2.0)), rng)
    background = light + wall * (1 - pane[..., None])
    out = _backlit_scene(st, rng, background, stops - math.log2(max(level, 1e-4)))
    about = (
        f"a window {where} the person exposed for its view ({view.key}, not blown out), "
        f"the face a silhouette {stops:.1f} stops below it"
    )
    return out, [BACKLIGHT], [NOFACE, BRIGHT], about, 1.0


def gen_lamp(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    h, w = st.mask.shape
    stops = float(rng.uniform(*BACKLIGHT_STOPS))
    side = float(rng.choice([0.2, 0.8]))
    cx, cy = int(w * (side + rng.uniform(-0.06, 0.06))), int(h * rng.uniform(0.3, 0.5))
    rx, ry = int(w * rng.uniform(0.08, 0.13)), int(h * rng.uniform(0.12, 0.2))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    d = np.sqrt(((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2)
    # A lit lampshade (blown) and the wall washed by it (falling off with distance).
    shade = np.clip(1.5 - d, 0, 1)
    wash = 1.2 / (1 + (d / 1.6) ** 2)
    warm = np.array([1.0, 0.86, 0.66], np.float32)
    wall = _wall((w, h), 2.0**-stops * float(rng.uniform(0.4, 0.9)), rng)
    background = _bloom(wall + (shade * 6.0 + wash)[..., None] * warm, 0.3)
    out = _backlit_scene(st, rng, background, stops)
    where = "left" if side < 0.5 else "right"
    about = f"a bright lamp behind to the {where}, face {stops:.1f} stops below it"
    return out, [BACKLIGHT], [NOFACE, BRIGHT], about, 1.0


def gen_sky(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    h, w = st.mask.shape
    stops = float(rng.uniform(*BACKLIGHT_STOPS))
    view = sc.pick(rng, views)
    outdoor = sc.to_linear(sc.cover(view.image, (w, h), focus=(0.5, 0.0)))
    # Expose so the brightest third of the view (the sky) clips.
    top = float(np.percentile(sc.luminance(outdoor), 66))
    background = _bloom(outdoor * (1.5 / max(top, 1e-3)), 0.2)
    out = _backlit_scene(st, rng, background, stops)
    about = f"outdoors against a bright sky ({view.key}), face {stops:.1f} stops below it"
    return out, [BACKLIGHT], [NOFACE, BRIGHT], about, 1.0


def gen_brightwall(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    h, w = st.mask.shape
    level = float(rng.uniform(0.4, 0.6))
    face_target = float(rng.uniform(*WELL_LIT_FACE))
    person = sc.to_linear(st.rgb)
    person = person * (face_target / max(_face_luma(person, st.face), 1e-4))
    out = _place(person, st.mask, _wall((w, h), level, rng))
    about = f"a bright, unclipped wall ({level:.2f} linear) behind a well-lit face"
    return out, [], [BACKLIGHT, DARK, NOFACE], about, 1.0


def gen_litwindow(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    h, w = st.mask.shape
    view = sc.pick(rng, views)
    peak = float(rng.uniform(*NEAR_MISS_PEAK))
    box = (int(w * rng.uniform(0.05, 0.2)), 0, int(w * rng.uniform(0.8, 0.95)), int(h * 0.7))
    lum = sc.luminance(sc.to_linear(sc.cover(view.image, (w, h))))
    # In _window's units (the view's median): the pane's 99th percentile lands at ``peak``.
    gain = peak * float(np.median(lum)) / max(float(np.percentile(lum, 99)), 1e-3)
    light, pane = _window((w, h), view.image, box, gain)
    mean_light = float(sc.luminance(light)[pane > 0.5].mean())
    stops = float(rng.uniform(*NEAR_MISS_STOPS))
    wall = _wall((w, h), float(rng.uniform(0.15, 0.3)), rng)
    background = light + wall * (1 - pane[..., None])
    person = sc.to_linear(st.rgb)
    # A well-lit face, and the window at most about a stop brighter than it.
    face_target = max(float(rng.uniform(*WELL_LIT_FACE)), mean_light * 2.0**-stops)
    person = person * (face_target / max(_face_luma(person, st.face), 1e-4))
    out = _place(person, st.mask, background)
    actual = float(np.log2(max(mean_light, 1e-4) / face_target))
    about = f"a window behind, not blown (peak {peak:.2f}); the face {actual:+.1f} stops under it"
    return out, [], [BACKLIGHT, NOFACE, BRIGHT], about, 1.0


def gen_skintone(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    factor = float(sc.pick(rng, SKIN_FACTORS))
    deep = darker_skin(st.rgb, st.mask, factor)
    lin = sc.to_linear(deep)
    dark_wall = bool(rng.random() < 0.5)
    if dark_wall:
        h, w = st.mask.shape
        lin = _place(lin, st.mask, _wall((w, h), float(rng.uniform(0.01, 0.04)), rng))
    wall = "before a dark wall" if dark_wall else "in the photo's own room"
    about = f"darker skin (reflectance x{factor:.1f}) well lit, {wall}"
    return lin, [], [DARK, BRIGHT, NOFACE], about, 1.0


def gen_skintone_dark(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    factor = float(sc.pick(rng, SKIN_FACTORS))
    ev = float(rng.uniform(-2.5, -2.0))
    lin = sc.to_linear(darker_skin(st.rgb, st.mask, factor)) * 2.0**ev
    about = f"darker skin (reflectance x{factor:.1f}) underexposed {ev:+.1f} EV"
    return lin, [DARK], [BRIGHT, NOFACE], about, 2.0**-ev


def _deep_dark_room(st: sc.Staged, rng: np.random.Generator) -> tuple[np.ndarray, str]:
    """A deep skin tone in dark clothes before a dark wall, well lit (linear light).

    The hardest well-lit picture for a "too dark" verdict: nothing in the frame is bright but
    the face's own sheen, the eyes and the teeth. The skin's reflectance is lowered as in
    :func:`darker_skin` (the sheen kept), the clothes (the person below the chin, not skin)
    are dyed to a dark fabric, and the photo's room is replaced by a dark painted wall.
    """
    factor = float(sc.pick(rng, DEEP_SKIN_FACTORS))
    # Lit as a well-lit face is (a photo whose face is in shade would give an underexposed
    # face, not a deep skin tone), then the skin's reflectance lowered under that light.
    person = sc.to_linear(st.rgb)
    person *= float(rng.uniform(*WELL_LIT_FACE)) / max(_face_luma(person, st.face), 1e-4)
    linear = sc.to_linear(darker_skin(sc.to_srgb(person), st.mask, factor))
    h, w = st.mask.shape
    _, fy, _, fh = st.face
    skin = _skin(st.rgb, st.mask)
    below = np.zeros((h, w), np.float32)
    below[min(h, fy + fh) :, :] = 1.0
    clothes = np.clip(st.mask - skin, 0.0, 1.0) * sc.gaussian(below, 4.0)
    fabric = float(rng.uniform(*DARK_CLOTHES))
    # Dyed cloth keeps the folds and weave of the photo's clothes (their luminance against
    # its local mean) but not their colour or a white shirt's brightness.
    lum = sc.luminance(linear)
    weave = np.clip(lum / np.maximum(sc.gaussian(lum, 8.0), 1e-4), *CLOTH_TEXTURE)
    dye = np.array(sc.pick(rng, CLOTH_DYES), np.float32)
    dyed = (fabric * weave)[..., None] * (dye / float(sc.luminance(dye)))
    linear = linear * (1 - clothes[..., None]) + dyed * clothes[..., None]
    wall_level = float(rng.uniform(*DARK_WALL))
    out = _place(linear, st.mask, _wall((w, h), wall_level, rng))
    about = (
        f"deep skin (reflectance x{factor:.1f}) in dark clothes ({fabric:.3f} linear) before "
        f"a dark wall ({wall_level:.3f})"
    )
    return out, about


def gen_deep_dark_room(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    out, about = _deep_dark_room(st, rng)
    return out, [], [DARK, BRIGHT, NOFACE], f"{about}, well lit", 1.0


def gen_deep_dark_room_under(
    st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]
) -> Result:
    # The same kind of picture as gen_deep_dark_room, two stops under: the pair.
    out, about = _deep_dark_room(st, rng)
    ev = float(rng.uniform(*DEEP_UNDER_EV))
    return out * 2.0**ev, [DARK], [BRIGHT, NOFACE], f"{about}, {ev:+.1f} EV", 2.0**-ev


def gen_noface(st: sc.Staged, rng: np.random.Generator, views: list[sc.Picture]) -> Result:
    ev = float(rng.uniform(*NOFACE_EV))
    lin = sc.to_linear(st.rgb) * 2.0**ev
    about = f"so dark ({ev:+.1f} EV) that hardly anything shows: add light, not 'no face'"
    # The gain an auto-exposure camera hits at its limit (x16).
    return lin, [DARK], [NOFACE, BRIGHT], about, 16.0


STILL_GENERATORS: dict[str, Gen] = {
    "light_under_v1": gen_under,
    "light_dimroom_v1": gen_dimroom,
    "light_lowlight_nr_v1": gen_lowlight,
    "light_over_v2": gen_over,
    "light_hotkey_v2": gen_hotkey,
    "light_flare_v2": gen_flare,
    "backlight_window_v1": gen_window,
    "backlight_lamp_v1": gen_lamp,
    "backlight_sky_v1": gen_sky,
    "backlight_silhouette_v1": gen_silhouette,
    "light_brightwall_v1": gen_brightwall,
    "light_litwindow_v1": gen_litwindow,
    "light_skintone_v1": gen_skintone,
    "light_skintone_dark_v1": gen_skintone_dark,
    "light_noface_dark_v1": gen_noface,
    "light_deep_darkroom_v1": gen_deep_dark_room,
    "light_deep_darkroom_under_v1": gen_deep_dark_room_under,
}


def build(
    out_dir: Path,
    sources: list[dict],
    rng_seed: int,
    only: Collection[str] | None = None,
) -> list[dict]:
    """Write the lighting stills; return their manifest records.

    ``only`` names the generators to run (all when None). Every case is seeded by its
    generator, number and subject, so a case made alone equals the one a full build makes.
    """
    try:
        return _build(Path(out_dir), sources, rng_seed, only)
    finally:
        sc.close_perception()


def _build(
    out_dir: Path,
    sources: list[dict],
    rng_seed: int,
    only: Collection[str] | None,
) -> list[dict]:
    generators = {k: g for k, g in STILL_GENERATORS.items() if only is None or k in only}
    if not generators:
        return []
    subs = sc.subjects(sources)
    if not subs:
        return []
    # Outdoor views only: what a window or the sky behind a person shows.
    views = [sc.picture(k) for k in OUTDOOR_VIEWS]
    records: list[dict] = []
    for gen_name, gen in generators.items():
        count = STILLS_PER_GENERATOR + (3 if gen_name in THREE_GENERATOR_IDS else 0)
        for k in range(count):
            subject = sc.subject_for(subs, gen_name, k)
            name = f"{gen_name}_{k:02d}_{subject.name}"
            rng = sc.family_rng(rng_seed, FAMILY, gen_name, k, subject.group)
            st = sc.stage(subject, sc.STILL_WIDTH, face_share=float(rng.uniform(0.22, 0.4)))
            linear, must, must_not, about, gain = gen(st, rng, views)
            if gain > 0:
                linear = sc.sensor_noise(sc.gaussian(linear, sc.WEBCAM_BLUR_SIGMA), rng, gain=gain)
            quality = sc.jpeg_quality(rng)
            image = sc.jpeg_roundtrip(sc.to_srgb(linear), quality)
            records.append(
                sc.still_record(out_dir, FAMILY, name, image, quality, subject=subject,
                                generator=gen_name, must=must, must_not=must_not, about=about)
            )  # fmt: skip
    return records
