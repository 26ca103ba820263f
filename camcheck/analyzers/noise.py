"""image.noisy: a grainy picture, nearly always from too little light (the camera's gain).

The noise is Immerkær's estimate (camcheck.measures.immerkaer_sigma) over the flat parts of
the working frame: skin, walls and sky, where any pixel-to-pixel variation is noise rather
than texture. The fix is more light, not a denoise filter, which smears the face.
"""

from __future__ import annotations

import math

from camcheck.analyzers.base import SLOW_CHANGE_S, Analyzer
from camcheck.measures import immerkaer_sigma
from camcheck.scene import Scene


class NoiseAnalyzer(Analyzer):
    """Is the picture grainy?"""

    check_ids = ("image.noisy",)
    every_s = SLOW_CHANGE_S

    def measure(self, scene: Scene) -> dict[str, float]:
        sigma = immerkaer_sigma(scene.luma8)
        return {} if math.isnan(sigma) else {"noise_sigma": sigma}
