"""virtual_background.detected and .edge_artifacts: a person pasted onto a picture, and how badly.

Video apps cut the person out with a low-resolution segmentation and paste them onto an
image. Signs of that, each measured on the image (see :mod:`cutout_edges`):

* noise: a camera puts sensor noise everywhere; a pasted picture is clean while the person
  keeps the webcam's noise (Immerkær's fast noise estimate on flat parts of each region);
* hard edge: a camera spreads every edge over two or three pixels; a mask upsampled
  without smoothing cuts the outline in one;
* still background (video only): a camera's noise changes nearly every pixel every frame;
  a pasted picture stays pixel-still while the person moves;
* edge flicker (video only): the cut-out edge moves more than the person does.

Each sign that fires adds points (VB_POINTS); more than DETECTED.threshold points mean
a virtual background. The edge artifacts are judged only then: a hard cut-out edge or a
flickering one. The halo width is measured and reported, not used to decide: on real
photos the colours of hair, skin and room read as a "rim" of a few pixels too.

Known limits (measured on our fixtures): a well-made composite (soft matte, noise and blur
matched) is not detected in a still, and a cheap one over a busy picture (china.jpg behind
obama or the astronaut) scores 1: its texture raises the background's noise estimate to
0.5-0.6 and the ratio to 4-5.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable

import cv2
import numpy as np

from camcheck.analyzers import cutout_edges
from camcheck.analyzers.base import Analyzer
from camcheck.checks import CHECKS, finding
from camcheck.findings import Finding
from camcheck.scene import Scene

DETECTED = CHECKS["virtual_background.detected"]
EDGE_ARTIFACTS = CHECKS["virtual_background.edge_artifacts"]

# Person-to-background noise ratio from which the background counts as cleaner than any
# camera makes it. Cheap composites on our fixtures measure 6.3 to 17.6. Photos before a
# clean backdrop reach it too (noface_cat 7.0, bg_painting_grace_hopper 7.1), which is why
# one sign is never enough; with a hard edge as well, real and staged photos stay at or
# under 5.3 (face_webcam_grace_hopper: grainy film photo, crisp edges, clean border).
NOISE_RATIO = 6.0
# ... and the background itself must be this clean (Immerkær sigma, 8-bit levels): our
# composites' pasted pictures measure 0.27 to 0.33, the real room of a webcam frame 1.1.
CLEAN_BACKGROUND_SIGMA = 0.6
# Background sigmas under this count as this, so a flat synthetic wall cannot divide by zero.
NOISE_FLOOR = 0.25
# Median share of the head's outline transition made in one pixel step from which the edge
# counts as cut hard; the table's threshold for edge artifacts. Cheap composites measure
# 0.73 to 0.92, good ones 0.25 to 0.62; crisp real photos reach 0.67 (good_grace_hopper)
# and staged ones 0.78, so alone it is not enough either.
EDGE_STEP_SHARE = EDGE_ARTIFACTS.threshold
# Share of background pixels unchanged (within 1 level) from one frame to the next from
# which the background counts as pixel-still. Our real clips (sensor noise, mp4v) stay
# under 0.6 and the good composite with per-frame noise at 0.82; the pasted picture 0.999.
STILL_SHARE = 0.98
# The person must change by at least this mean luma (8-bit) between frames for the
# background's stillness to say anything (a frozen camera freezes everything).
MIN_PERSON_MOTION = 1.0
# Edge flicker: apparent motion of the edges along the outline over that of the edges
# inside the person, median over the last FLICKER_WINDOW frames. A person who moves moves
# both alike (our real clips: 1.06 to 1.10); a jittering cut-out moves the outline more
# (our cheap clip: 1.5).
FLICKER_RATIO = 1.3
FLICKER_WINDOW = 9
# Points per sign: one each. A still background is not enough alone: no camera makes one,
# but a video file can (an encoder that drops the sensor noise, a staged clip such as
# bg_cat_clip.mp4, still share 1.0).
VB_POINTS = {"noise": 1, "hard_edge": 1, "still": 1, "flicker": 1}


class VirtualBackgroundAnalyzer(Analyzer):
    """Notices a pasted background and judges the cut-out's edge."""

    check_ids = ("virtual_background.detected", "virtual_background.edge_artifacts")

    def __init__(self) -> None:
        self._previous: np.ndarray | None = None
        self._flicker: deque[float] = deque(maxlen=FLICKER_WINDOW)
        self._frames = 0
        self._noise: tuple[float, float] | None = None
        self._outline: cutout_edges.Outline | None = None

    def measure(self, scene: Scene) -> dict[str, float]:
        previous, self._previous = self._previous, scene.luma8
        if previous is not None and previous.shape != scene.luma8.shape:
            previous, self._frames = None, 0
        person = cv2.countNonZero(scene.person_mask.view(np.uint8))
        if not person or not cv2.countNonZero(scene.background_mask.view(np.uint8)):
            return {}
        band = cutout_edges.boundary_band(scene)
        # In video the noise and outline measures take turns, one per frame: both change
        # slowly, and it halves their cost (the budget is 3 ms a frame for both
        # checks). The first frame, and so every still, gets both.
        first, turn = self._frames == 0, self._frames % 2
        self._frames += 1
        if first or turn == 0 or self._noise is None:
            self._noise = cutout_edges.noise_sigmas(scene, band)
        if first or turn == 1:
            self._outline = cutout_edges.measure_outline(scene)
        person_sigma, background_sigma = self._noise
        measured: dict[str, float] = {}
        signals = 0
        if not (math.isnan(person_sigma) or math.isnan(background_sigma)):
            ratio = person_sigma / max(background_sigma, NOISE_FLOOR)
            measured.update(
                vb_person_noise=person_sigma,
                vb_background_noise=background_sigma,
                vb_noise_ratio=ratio,
            )
            fired = ratio >= NOISE_RATIO and background_sigma <= CLEAN_BACKGROUND_SIGMA
            # Each measured sign says whether it fired (1) or not (0), so a session's median
            # shows how often it did.
            measured["vb_signal_noise"] = float(fired)
            signals += VB_POINTS["noise"] * fired
        outline = self._outline
        if outline is not None:
            measured.update(vb_edge_step_share=outline.edge_step_share, vb_halo_px=outline.halo_px)
            fired = outline.edge_step_share > EDGE_STEP_SHARE
            measured["vb_signal_hard_edge"] = float(fired)
            signals += VB_POINTS["hard_edge"] * fired
        if previous is not None:
            signals += self._measure_motion(scene, previous, band, measured)
        measured["vb_signals"] = float(signals)
        return measured

    def _measure_motion(
        self, scene: Scene, previous: np.ndarray, band: np.ndarray, measured: dict[str, float]
    ) -> int:
        """Background stillness and edge flicker against the previous frame; their points."""
        inner = cutout_edges.inner_mask(scene, band)
        if not cv2.countNonZero(inner):
            return 0
        points = 0
        motion = cv2.mean(cv2.absdiff(previous, scene.luma8), mask=inner)[0]
        measured["vb_person_motion"] = motion
        if motion < MIN_PERSON_MOTION:
            return 0
        background = scene.background_mask.view(np.uint8)
        still = cutout_edges.still_share(previous, scene.luma8, background)
        if not math.isnan(still):
            measured["vb_background_still_share"] = still
            fired = still >= STILL_SHARE
            measured["vb_signal_still"] = float(fired)
            points += VB_POINTS["still"] * fired
        person_flow, edge_flow = cutout_edges.edge_motion(previous, scene.luma8, (inner, band))
        if not (math.isnan(person_flow) or math.isnan(edge_flow)) and person_flow > 0:
            self._flicker.append(edge_flow / person_flow)
            flicker = float(np.median(self._flicker))
            measured.update(vb_edge_flicker=flicker, vb_edge_motion_px=edge_flow)
            fired = flicker >= FLICKER_RATIO and len(self._flicker) == FLICKER_WINDOW
            measured["vb_signal_flicker"] = float(fired)
            points += VB_POINTS["flicker"] * fired
        return points

    def judge(self, scene: Scene, measured: dict[str, float]) -> Iterable[Finding]:
        if measured.get("vb_signals", 0.0) <= DETECTED.threshold:
            return
        region = scene.face_box
        numbers = {
            key: measured[key]
            for key in (
                "vb_signals",
                "vb_noise_ratio",
                "vb_person_noise",
                "vb_background_noise",
                "vb_edge_step_share",
                "vb_halo_px",
                "vb_background_still_share",
                "vb_edge_flicker",
                "vb_edge_motion_px",
                "vb_signal_noise",
                "vb_signal_hard_edge",
                "vb_signal_still",
                "vb_signal_flicker",
            )
            if key in measured
        }
        # The message adds a sentence for each sign that was measured (Text.extras).
        yield finding("virtual_background.detected", region=region, **numbers)
        hard = numbers.get("vb_edge_step_share", 0.0) > EDGE_ARTIFACTS.threshold
        flickers = measured.get("vb_signal_flicker", 0.0) > 0
        if hard or flickers:
            # Its message always names the edge and the halo; unmeasured, they show as 0.
            edge = {"vb_edge_step_share": 0.0, "vb_halo_px": 0.0, **numbers}
            yield finding("virtual_background.edge_artifacts", region=region, **edge)
