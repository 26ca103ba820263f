"""background.cluttered: a busy background (shelves, a kitchen, an open wardrobe, posters).

Visual clutter is measured from edges, as Rosenholtz, Li & Nakano (2007, "Measuring visual
clutter", J. Vision 7(2):17) recommend for a cheap measure: edge density alone correlates
about r = .83 with rated complexity. Edge density by itself, though, reads curtain folds,
blinds and a striped flag (many parallel edges) as busy as a garage. So each window of the
background weighs its edge density by the variety of the edges' orientations (their
circular variance): the orientation component of Rosenholtz's feature congestion, for the
price of two Sobel filters. Objects in every direction keep their full weight; parallel
folds count a fraction. The official portraits in our fixtures (flags, drapes) score 0.03
to 0.05, busy rooms 0.15 to 0.18.

Only the background counts (the person mask's complement with a margin, from the Scene).
The measure is normalised for image size (a density per background pixel, in windows sized
on the frame) and is blur-aware: Canny runs with fixed thresholds on 8-bit luma, so an
edge counts only when its gradient is steep. A background blurred by a shallow depth of
field (or by the call app) has gentle gradients and reads as calm; sensor noise and JPEG
artefacts stay below the lower threshold after the 2x area downscale.
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
    box_measures,
    box_region,
    window_box,
    window_cell,
    window_means,
)
from camcheck.scene import Scene

CLUTTERED = CHECKS["background.cluttered"]

# Edges are found on a copy of the working frame this many times smaller: clutter is about
# objects, not fine texture, and the 2x area average halves the sensor noise.
EDGE_STEP = 2
# Canny hysteresis thresholds on the 3x3 Sobel gradient (L2) of 8-bit luma. A sharp step of
# 10 luma levels gives a gradient of about 40, so the lower threshold keeps object edges of
# roughly that contrast and up; sensor noise of sigma 2 levels gives a gradient noise of
# about 5 after the 2x downscale. Measured: our plain-wall fixtures (noise, JPEG q92) and a
# synthetic wall with noise sigma 4 at JPEG q60 stay under 0.005 edge density; the busy
# garage behind a person measures 0.19, blurred with sigma 12 px 0.001.
CANNY_LOW = 40
CANNY_HIGH = 100


class ClutterAnalyzer(Analyzer):
    """Edge density of the background, weighted by the variety of edge orientations."""

    check_ids = ("background.cluttered",)

    def measure(self, scene: Scene) -> dict[str, float]:
        width, height = scene.size
        mask = scene.background_mask
        if np.count_nonzero(mask) < MIN_BACKGROUND_SHARE * width * height:
            return {}
        small_size = (max(1, width // EDGE_STEP), max(1, height // EDGE_STEP))
        luma = cv2.resize(scene.luma8, small_size, interpolation=cv2.INTER_AREA)
        small_mask = cv2.resize(
            mask.view(np.uint8), small_size, interpolation=cv2.INTER_NEAREST
        ).astype(np.float32)
        mask_total = float(small_mask.sum())
        if mask_total <= 0:
            return {}
        # One pair of 3x3 Sobel derivatives serves both Canny and the edge orientations.
        dx = cv2.Sobel(luma, cv2.CV_16S, 1, 0)
        dy = cv2.Sobel(luma, cv2.CV_16S, 0, 1)
        edges = cv2.Canny(dx, dy, CANNY_LOW, CANNY_HIGH, L2gradient=True)
        on_edge = (edges > 0).astype(np.float32) * small_mask
        # Edge orientation as the doubled angle of the gradient (cos 2t, sin 2t), which is
        # the same for an edge and its reverse; without arctan: from gx and gy directly.
        gx = dx.astype(np.float32)
        gy = dy.astype(np.float32)
        energy = np.maximum(gx * gx + gy * gy, 1e-6)
        cos2 = (gx * gx - gy * gy) / energy * on_edge
        sin2 = 2 * gx * gy / energy * on_edge
        cell = window_cell(luma.shape)
        win_mask = window_means(small_mask, cell)
        win_edges = window_means(on_edge, cell)
        win_cos = window_means(cos2, cell)
        win_sin = window_means(sin2, cell)
        usable = win_mask >= MIN_WINDOW_BACKGROUND
        density = win_edges / np.maximum(win_mask, 1e-6)
        # Circular variance of edge orientation in each window: 0 when all edges run the
        # same way (curtain folds, stripes, blinds), near 1 when they run every way.
        variety = 1.0 - np.hypot(win_cos, win_sin) / np.maximum(win_edges, 1e-6)
        clutter = np.where(usable, density * variety, -1.0)
        measured = {"background_edge_density": float(on_edge.sum()) / mask_total}
        if not usable.any():
            return measured
        weights = win_mask[usable]
        measured["background_clutter"] = float((clutter[usable] * weights).sum() / weights.sum())
        best = int(np.argmax(clutter))
        x, y, w, h = window_box(best, clutter.shape[1], cell, EDGE_STEP, scene.size)
        measured["busiest_clutter"] = float(clutter.flat[best])
        measured.update(box_measures("busiest", (x, y, w, h)))
        return measured

    def judge(self, scene: Scene, measured: dict[str, float]) -> Iterable[Finding]:
        if "background_clutter" not in measured:
            return
        clutter = measured["background_clutter"]
        if clutter <= CLUTTERED.threshold:
            return
        box = box_region("busiest", measured)
        yield finding(
            "background.cluttered",
            region=box,
            background_clutter=clutter,
            background_edge_density=measured["background_edge_density"],
            busiest_clutter=measured["busiest_clutter"],
            **box_measures("busiest", box),
        )
