"""lighting.too_dark and lighting.too_bright: the exposure of the face, and of the frame.

Measures follow ISO/IEC 29794-5 (OFIQ) where it has one: luma is BT.601 Y', the
under-exposure range is Y' <= 25/255 and the over-exposure range Y' >= 247/255. The face is
measured on its skin, as OFIQ does: the landmark model's forehead, cheek and nose zones
(:attr:`camcheck.scene.Scene.face_skin_mask`), which keep hair, brows, eyes, beard and the
background out; a face without landmarks on its outline (``face_mask``).

"Too dark" is judged on highlights, not on the mean. Skin reflectance differs about
tenfold between the lightest and darkest tones, so a well-lit dark face has a low mean,
but light falling on it still makes bright parts (forehead, nose, cheekbones, the whites of
the eyes), and the rest of a well-exposed picture (a shirt, a wall, a lamp, teeth) reaches
near white. An underexposed picture lacks both. So a face is too dark when its own
highlights are very low, or when they are low *and* nothing in the whole picture is bright
either.

The frame's brightest things are read on a copy a quarter the size (area averaged): that
averages 16 pixels, so the sensor noise an underexposed webcam raises (gain) does not
count as bright, while an eye white or a glint on skin still fills a few pixels of it.

A picture can be so dark, or so washed out, that no face is found at all (five stops under,
or most of the frame blown out to white). Without a face (``no_face``) it is judged on the
frame alone, with limits of its own: a frame whose brightest things are dim is too dark, one
mostly blown out is too bright. That, not "no face, sit facing the camera", is what the user
must fix first: the table's too_dark and too_bright rules hide face.not_found, and their
messages speak of the picture, not of a face.

"Too bright" (washed out) is a share of the skin in the over-exposure range with a bright
mean: a face whose skin zones clip over a tenth of their pixels has lost its modelling.
A glint on oily or deep skin clips a few percent and stays quiet. A washed-out person can
vanish from the person mask as well; the finding then counts for a face the landmark model
found points on (and hides face.not_found), not for a bright pattern off the person.
"""

from __future__ import annotations

from collections.abc import Mapping

import cv2
import numpy as np

from camcheck.analyzers.base import SLOW_CHANGE_S, Analyzer
from camcheck.measures import (
    BRIGHT_LUMA8,
    SRGB_LINEAR,
    face_luma_stats,
    skin_clipped_share,
)
from camcheck.scene import Scene, histogram_percentile, histogram_share

# The percentile that stands for "the brightest things in the picture", on the quarter-size
# copy: 0.1% of a 640x360 frame is 14 of its 160x90 cells, an eye white or the teeth of a
# face at an arm's length, or a lamp, a white shirt or a window in view.
FRAME_HIGHLIGHT_PERCENTILE = 99.9
# The frame is read at this fraction of the working size (area averaging, see above).
FRAME_STEP = 4
# The percentile that stands for "the picture's shadows", on the same copy: a washed-out
# picture has lost them, while a dark person before a blown-out window keeps a tenth of the
# frame dark (see the table's FACELESS_SHADOW).
FRAME_SHADOW_PERCENTILE = 10.0


# The limits (the face's highlights on their own, or with a dim frame; a dim frame without
# a face; the share of clipped skin with a bright mean, on a face the landmarks or the person
# mask confirm) live in the check table's rules for lighting.too_dark and too_bright.
def frame_light_stats(scene: Scene) -> dict[str, float]:
    """The frame's brightest things and its shadows (on the averaged copy), its mean in
    linear light and the share of it that is blown out."""
    luma8 = scene.luma8
    height, width = luma8.shape
    size = (max(1, width // FRAME_STEP), max(1, height // FRAME_STEP))
    small = cv2.resize(luma8, size, interpolation=cv2.INTER_AREA)
    histogram = cv2.calcHist([small], [0], None, [256], [0, 256]).ravel()
    total = float(histogram.sum())
    return {
        "frame_highlight": histogram_percentile(histogram, FRAME_HIGHLIGHT_PERCENTILE),
        "frame_shadow": histogram_percentile(histogram, FRAME_SHADOW_PERCENTILE),
        "frame_linear_mean": float(np.dot(histogram, SRGB_LINEAR)) / total if total else 0.0,
        "frame_blown_share": histogram_share(scene.frame_histogram, BRIGHT_LUMA8, 255),
    }


def face_trust(scene: Scene) -> dict[str, float]:
    """How far the face is a face to judge even where segmentation lost the person.

    A washed-out person can vanish from the person mask, so face.not_found would call the
    face "not on a person"; the landmark model still finds its 478 points on it (skin zone
    pixels), which a pattern the detector took for a face (fruit, a flower) rarely has.
    """
    face = scene.primary_face
    if face is None:
        return {}
    skin = scene.face_skin_mask
    return {
        "skin_pixels": float(np.count_nonzero(skin)) if skin is not None else 0.0,
        "face_box_on_person": scene.face_box_on_person(),
    }


class ExposureAnalyzer(Analyzer):
    """Is the face underexposed (too dark) or overexposed (washed out), or the whole frame dark?"""

    check_ids = ("lighting.too_dark", "lighting.too_bright")
    # Light on a face changes when a lamp or a cloud does: 10 readings a second suffice.
    every_s = SLOW_CHANGE_S

    def measure(self, scene: Scene) -> dict[str, float]:
        measured = frame_light_stats(scene)
        if scene.primary_face is None:
            # Only measured without a face, for the table's frame rules (a limit on a number
            # not measured does not hold).
            measured["no_face"] = 1.0
        stats = face_luma_stats(scene)
        if stats is not None:
            measured.update(stats)
            measured["face_clipped_share"] = skin_clipped_share(scene)
            measured.update(face_trust(scene))
        return measured

    def region(
        self, check_id: str, scene: Scene, measured: Mapping[str, float]
    ) -> tuple[int, int, int, int] | None:
        return scene.face_box
