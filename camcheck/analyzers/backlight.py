"""lighting.backlight: a window, sky or lamp behind the person, leaving the face in shadow.

A bright background alone is fine (a white wall), and so is a dark face alone (dark skin).
Backlight is the combination: part of the background is blown out, which only a light
source or a sunlit view does, and the face is much darker than that background.
"""

from __future__ import annotations

from collections.abc import Iterable

from camcheck.analyzers.base import Analyzer
from camcheck.analyzers.exposure import BRIGHT_LUMA8, face_luma_stats
from camcheck.checks import CHECKS, finding
from camcheck.findings import Finding
from camcheck.scene import Scene, histogram_mean, histogram_share

BACKLIGHT = CHECKS["lighting.backlight"]

# Share of the background that must be blown out (Y' >= 247/255) to count as a light source
# behind the person. A window in view covers a tenth of the frame or more; a bright wall,
# correctly exposed, stays under 2% on our fixtures.
BACKLIGHT_MIN_BRIGHT_SHARE = 0.10
# A background smaller than this share of the frame (face fills the picture) is not judged.
MIN_BACKGROUND_SHARE = 0.05
# Below this the face luma is treated as this, so a black face region cannot divide by zero.
LUMA_FLOOR = 0.02


class BacklightAnalyzer(Analyzer):
    """Compares the face with a blown-out background."""

    check_ids = ("lighting.backlight",)

    def measure(self, scene: Scene) -> dict[str, float]:
        face = face_luma_stats(scene)
        background = scene.luma_histogram(scene.background_mask)
        if background.sum() < MIN_BACKGROUND_SHARE * scene.luma8.size:
            return {}
        background_luma = histogram_mean(background)
        measured = {
            "background_luma": background_luma,
            "background_bright_share": histogram_share(background, BRIGHT_LUMA8, 255),
        }
        if face is not None:
            measured["contrast_ratio"] = background_luma / max(face["face_luma"], LUMA_FLOOR)
        return measured

    def judge(self, scene: Scene, measured: dict[str, float]) -> Iterable[Finding]:
        if "contrast_ratio" not in measured:
            return
        if (
            measured["background_bright_share"] >= BACKLIGHT_MIN_BRIGHT_SHARE
            and measured["contrast_ratio"] > BACKLIGHT.threshold
        ):
            yield finding(
                "lighting.backlight",
                region=scene.face_box,
                contrast_ratio=measured["contrast_ratio"],
                background_bright_share=measured["background_bright_share"],
                background_luma=measured["background_luma"],
            )
