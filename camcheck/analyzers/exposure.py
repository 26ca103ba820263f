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

from collections.abc import Mapping

from camcheck.analyzers.base import Analyzer
from camcheck.scene import Scene, histogram_mean, histogram_percentile, histogram_share

# OFIQ's exposure ranges (ISO/IEC 29794-5, UnderExposurePrevention / OverExposurePrevention),
# on 8-bit luma.
DARK_LUMA8 = 25
BRIGHT_LUMA8 = 247
# The percentile that stands for "the brightest parts of the face".
HIGHLIGHT_PERCENTILE = 95
# The percentile that stands for "the brightest parts of the picture": 1% of a frame is
# more than a specular glint, less than any white object in view.
FRAME_HIGHLIGHT_PERCENTILE = 99
# The limits (the face's highlights on their own, or with a dim frame; the share of clipped
# skin or a pale mean) live in the check table's rules for lighting.too_dark and too_bright.
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

    def region(
        self, check_id: str, scene: Scene, measured: Mapping[str, float]
    ) -> tuple[int, int, int, int] | None:
        return scene.face_box
