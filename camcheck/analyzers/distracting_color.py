"""background.distracting_color: a strongly coloured spot behind you that pulls the eye.

Colourfulness follows Hasler & Süsstrunk (2003, "Measuring colourfulness in natural
images", Proc. SPIE 5007): with rg = R - G and yb = (R + G) / 2 - B on 0..255 values,
M = sqrt(sd_rg² + sd_yb²) + 0.3 * sqrt(mean_rg² + mean_yb²). Their scale: about 15
slightly, 33 moderately, 59 quite, 82 highly colourful.

It is computed per window of the background (the person mask's complement with a margin),
not only over the whole background: a bright poster is a hot spot in an otherwise calm
picture. The mean term is taken relative to the background's own dominant colour (its
median rg and yb), so that:

- a colourful picture or object on a plain wall is a hot spot: its colours vary (high
  sd) and differ from the wall around it. The eye goes to local colour contrast, and this
  is what the advice warns about;
- a plain wall of one strong colour is *not* reported here: it has no local contrast, so it
  does not pull the eye to one place, and its mean colour equals the reference. A
  coloured wall is a matter of taste (and of white balance) rather than a distraction.

On a neutral wall the reference is grey (rg = yb = 0) and the window measure is exactly
Hasler & Süsstrunk's M. A hot spot must be "quite colourful" (59 or more), be more
colourful than the rest of the background (all background pixels outside its window,
measured the same way) by the table's threshold, and be clearly more colourful than the
face. A room full of colourful drapes and flags has no single spot that pulls the eye
(its busyness is background.cluttered's business).

Flags. A national flag is as colourful as any poster (a window of red and white stripes
alone is far over 82, "highly colourful"), and on a plain backdrop it IS a hot spot. It
is reported then, and rightly: a video call from home does not need one beside your head.
The official portraits in our fixtures stay quiet because their flags stand among drapes
and curtains of similar colour (contrast 17 to 34), or, for the astronaut, the flag is
only partly in view (its window measures 57, under "quite colourful").
"""

from __future__ import annotations

from collections.abc import Iterable

import cv2
import numpy as np

from camcheck.analyzers.base import Analyzer
from camcheck.checks import CHECKS, finding
from camcheck.findings import Finding
from camcheck.measures import (
    MIN_BACKGROUND_SHARE,
    MIN_WINDOW_BACKGROUND,
    WINDOW_CELLS,
    box_measures,
    box_region,
    window_box,
    window_cell,
    window_means,
)
from camcheck.scene import Scene

DISTRACTING = CHECKS["background.distracting_color"]

# Colour statistics are taken on a copy this many times smaller than the working frame:
# colour areas that draw the eye are large.
COLOUR_STEP = 4
# Hasler & Süsstrunk's weight of the mean-chroma term.
MEAN_WEIGHT = 0.3
# A hot spot is at least "quite colourful" on Hasler & Süsstrunk's scale (their category
# boundary, 59). The table's threshold is on how much it stands out from the rest of the
# background (colour_spot_contrast), as a spot draws the eye by contrast with its
# surroundings, not by colour alone.
QUITE_COLOURFUL = 59.0
# The hot spot must be at least this many times as colourful as the face. Skin on our
# fixtures measures 24 to 51 on Hasler & Süsstrunk's scale, so with QUITE_COLOURFUL this
# rarely binds; it keeps a vivid face (make-up, a red cheek in warm light) from being
# out-shouted by a background spot of about the same colourfulness.
FACE_RATIO = 1.3
# Fewer face pixels than this on the small plane and the face's colourfulness is not used.
MIN_FACE_PIXELS = 20


def opponent_planes(frame: np.ndarray, step: int) -> tuple[np.ndarray, np.ndarray]:
    """Hasler & Süsstrunk's rg and yb opponent planes (0..255 scale) of a downscaled frame."""
    height, width = frame.shape[:2]
    # Bilinear, not area: an area resize of a 3-channel frame costs 0.3 ms, and the window
    # statistics average away the chroma noise that an area average would remove.
    small = cv2.resize(
        frame, (max(1, width // step), max(1, height // step)), interpolation=cv2.INTER_LINEAR
    ).astype(np.float32)
    red, green, blue = small[..., 0], small[..., 1], small[..., 2]
    return red - green, 0.5 * (red + green) - blue


def colourfulness(rg: np.ndarray, yb: np.ndarray) -> float:
    """Hasler & Süsstrunk's M of a set of pixels."""
    if rg.size == 0:
        return 0.0
    spread = float(np.sqrt(rg.var() + yb.var()))
    return spread + MEAN_WEIGHT * float(np.hypot(rg.mean(), yb.mean()))


class DistractingColorAnalyzer(Analyzer):
    """Finds the most colourful spot of the background and compares it with the face."""

    check_ids = ("background.distracting_color",)

    def measure(self, scene: Scene) -> dict[str, float]:
        width, height = scene.size
        mask = scene.background_mask
        if np.count_nonzero(mask) < MIN_BACKGROUND_SHARE * width * height:
            return {}
        rg, yb = opponent_planes(scene.frame, COLOUR_STEP)
        small_size = (rg.shape[1], rg.shape[0])
        bg = cv2.resize(mask.view(np.uint8), small_size, interpolation=cv2.INTER_NEAREST)
        inside = bg.astype(bool)
        if not inside.any():
            return {}
        # The wall's own colour: the median chroma of the background.
        ref_rg = float(np.median(rg[inside]))
        ref_yb = float(np.median(yb[inside]))
        weight = bg.astype(np.float32)
        drg, dyb = (rg - ref_rg) * weight, (yb - ref_yb) * weight
        sums = [drg, dyb, drg * drg, dyb * dyb]
        cell = window_cell(rg.shape)
        share = window_means(weight, cell)
        windows = [window_means(plane, cell) for plane in sums]
        safe = np.maximum(share, 1e-6)
        mean_rg, mean_yb = windows[0] / safe, windows[1] / safe
        var_rg = np.maximum(windows[2] / safe - mean_rg**2, 0.0)
        var_yb = np.maximum(windows[3] / safe - mean_yb**2, 0.0)
        spot = np.sqrt(var_rg + var_yb) + MEAN_WEIGHT * np.hypot(mean_rg, mean_yb)
        usable = share >= MIN_WINDOW_BACKGROUND
        spot = np.where(usable, spot, -1.0)
        measured = {
            "background_colourfulness": colourfulness(rg[inside], yb[inside]),
        }
        face = cv2.resize(
            scene.face_mask.view(np.uint8), small_size, interpolation=cv2.INTER_NEAREST
        ).astype(bool)
        if np.count_nonzero(face) >= MIN_FACE_PIXELS:
            measured["face_colourfulness"] = colourfulness(rg[face], yb[face])
        if usable.any():
            best = int(np.argmax(spot))
            x, y, w, h = window_box(best, spot.shape[1], cell, COLOUR_STEP, scene.size)
            # The rest of the background, outside the spot's window, measured the same way:
            # a plain wall scores near 0, a room full of colourful drapes and flags 40 to 55.
            row, col = divmod(best, spot.shape[1])
            side = WINDOW_CELLS * cell
            rest = inside.copy()
            rest[row * cell : row * cell + side, col * cell : col * cell + side] = False
            around = colourfulness(drg[rest], dyb[rest]) if rest.any() else 0.0
            measured.update(
                colour_spot=float(spot.flat[best]),
                colour_spot_contrast=float(spot.flat[best]) - around,
                **box_measures("colour_spot", (x, y, w, h)),
            )
        return measured

    def judge(self, scene: Scene, measured: dict[str, float]) -> Iterable[Finding]:
        if "colour_spot" not in measured:
            return
        spot = measured["colour_spot"]
        contrast = measured["colour_spot_contrast"]
        if spot < QUITE_COLOURFUL or contrast <= DISTRACTING.threshold:
            return
        face = measured.get("face_colourfulness")
        if face is not None and spot < FACE_RATIO * face:
            return
        box = box_region("colour_spot", measured)
        yield finding(
            "background.distracting_color",
            region=box,
            colour_spot=spot,
            colour_spot_contrast=contrast,
            face_colourfulness=face if face is not None else 0.0,
            background_colourfulness=measured["background_colourfulness"],
            **box_measures("colour_spot", box),
        )
