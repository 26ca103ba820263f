"""lighting.too_dark and lighting.too_bright: the exposure of the face, never of the frame.

Measures follow ISO/IEC 29794-5 (OFIQ) where it has one: luma is BT.601 Y', the
under-exposure range is Y' <= 25/255 and the over-exposure range Y' >= 247/255.

"Too dark" is judged on highlights, not on the mean. Skin reflectance differs about
tenfold between the lightest and darkest tones, so a well-lit dark face has a low mean,
but light falling on it still makes bright parts (forehead, nose, cheekbones), and the rest
of a well-exposed picture (a shirt, a wall, a lamp) reaches near white. An underexposed
picture lacks both. So a face is too dark when its own highlights are very low, or when
they are low *and* nothing in the whole picture is bright either.
"""

from __future__ import annotations

from collections.abc import Iterable

from camcheck.analyzers.base import Analyzer
from camcheck.checks import CHECKS, finding
from camcheck.findings import Finding
from camcheck.scene import Scene, histogram_mean, histogram_percentile, histogram_share

TOO_DARK = CHECKS["lighting.too_dark"]
TOO_BRIGHT = CHECKS["lighting.too_bright"]

# OFIQ's exposure ranges (ISO/IEC 29794-5, UnderExposurePrevention / OverExposurePrevention),
# on 8-bit luma.
DARK_LUMA8 = 25
BRIGHT_LUMA8 = 247
# The percentile that stands for "the brightest parts of the face".
HIGHLIGHT_PERCENTILE = 95
# The percentile that stands for "the brightest parts of the picture": 1% of a frame is
# more than a specular glint, less than any white object in view.
FRAME_HIGHLIGHT_PERCENTILE = 99
# Face highlights below TOO_DARK.threshold are too dark on their own. Between it and this
# value the face is only judged dark when the whole frame is dim too. On our fixtures a
# well-lit simulated deep skin tone reaches 0.44; well-lit faces of lighter tones 0.62+.
DIM_FACE_HIGHLIGHT = 0.55
# A frame whose brightest 1% stays below this is underexposed as a whole: -1.5 EV maps
# white to 0.63 in sRGB. Every well-exposed fixture reaches 0.87 or more.
DIM_FRAME_HIGHLIGHT = 0.70
# A face whose mean skin luma is above this looks pale even where few pixels clip: well-lit
# faces of the lightest tones in our fixtures average 0.71.
PALE_FACE_LUMA = 0.80
# Fewer skin pixels than this and the face is too small to judge its light.
MIN_FACE_PIXELS = 200


def face_luma_stats(scene: Scene) -> dict[str, float] | None:
    """Mean, highlight and clipped shares of the primary face's luma, or None without a face."""
    histogram = scene.face_histogram
    if histogram.sum() < MIN_FACE_PIXELS:
        return None
    return {
        "face_luma": histogram_mean(histogram),
        "face_highlight": histogram_percentile(histogram, HIGHLIGHT_PERCENTILE),
        "face_dark_share": histogram_share(histogram, 0, DARK_LUMA8),
        "face_bright_share": histogram_share(histogram, BRIGHT_LUMA8, 255),
    }


class ExposureAnalyzer(Analyzer):
    """Is the face underexposed (too dark) or overexposed (washed out)?"""

    check_ids = ("lighting.too_dark", "lighting.too_bright")

    def measure(self, scene: Scene) -> dict[str, float]:
        stats = face_luma_stats(scene)
        if stats is None:
            return {}
        stats["frame_highlight"] = histogram_percentile(
            scene.luma_histogram(), FRAME_HIGHLIGHT_PERCENTILE
        )
        return stats

    def judge(self, scene: Scene, measured: dict[str, float]) -> Iterable[Finding]:
        if not measured:
            return
        region = scene.face_box
        keys = (
            "face_luma",
            "face_highlight",
            "frame_highlight",
            "face_dark_share",
            "face_bright_share",
        )
        numbers = {key: measured[key] for key in keys}
        highlight = measured["face_highlight"]
        dim_everywhere = (
            highlight < DIM_FACE_HIGHLIGHT and measured["frame_highlight"] < DIM_FRAME_HIGHLIGHT
        )
        if highlight < TOO_DARK.threshold or dim_everywhere:
            yield finding("lighting.too_dark", region=region, **numbers)
        elif (
            measured["face_bright_share"] > TOO_BRIGHT.threshold
            or measured["face_luma"] > PALE_FACE_LUMA
        ):
            yield finding("lighting.too_bright", region=region, **numbers)
