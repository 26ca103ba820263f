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

Edges alone miss a wall of many small things: a wall covered in photos or a shelf of books
leaves much plain wall between its edges, so its mean edge measure stays moderate. What
makes it busy is that *distinct things* are spread all over it. Things have corners (where
edges meet or end), while folds, stripes and blinds are edges without corners. So the
background is also cut into cells of about 40 px (on a 640 px frame) and the share of cells
that hold at least two corners (Shi & Tomasi's minimum-eigenvalue corners, 1994) is
``clutter_object_coverage``. The check table's rule combines the two.

Only the background counts (the person mask's complement with a margin, from the Scene).
The measure is normalised for image size (a density per background pixel, in windows sized
on the frame) and is blur-aware: Canny runs with fixed thresholds on 8-bit luma, so an
edge counts only when its gradient is steep. A background blurred by a shallow depth of
field (or by the call app) has gentle gradients and reads as calm; sensor noise and JPEG
artefacts stay below the lower threshold after the 2x area downscale.
"""

from __future__ import annotations

from collections.abc import Mapping

import cv2
import numpy as np

from camcheck.analyzers.base import SLOW_CHANGE_S, Analyzer
from camcheck.checks import CHECKS
from camcheck.measures import (
    MIN_BACKGROUND_SHARE,
    MIN_WINDOW_BACKGROUND,
    box_keys,
    box_measures,
    box_region,
    window_box,
    window_cell,
    window_means,
)
from camcheck.rules import AllOf
from camcheck.scene import Scene

# Edges are found on a copy whose long side is this many pixels, whatever the input's size:
# half the 640 px working frame, so clutter is about objects, not fine texture, and the 2x
# area average halves the sensor noise. A fixed size keeps the measure the same for a small
# picture: a 320x240 copy of the official portrait read 0.10 on a 160 px plane, 0.056 on this.
EDGE_LONG_SIDE = 320
# ... which is this many times smaller than the 640 px working frame the cells are sized on.
EDGE_PLANE_STEP = 2
# Canny hysteresis thresholds on the 3x3 Sobel gradient (L2) of 8-bit luma. A sharp step of
# 10 luma levels gives a gradient of about 40, so the lower threshold keeps object edges of
# roughly that contrast and up; sensor noise of sigma 2 levels gives a gradient noise of
# about 5 after the 2x downscale. Measured: our plain-wall fixtures (noise, JPEG q92) and a
# synthetic wall with noise sigma 4 at JPEG q60 stay under 0.005 edge density; the busy
# garage behind a person measures 0.19, blurred with sigma 12 px 0.001.
CANNY_LOW = 40
CANNY_HIGH = 100
# Corners are found on a copy this many times smaller than the working frame (160x90 at
# 640x360): things on a wall, not their fine print; and it costs 0.4 ms instead of 2.
CORNER_STEP = 4
# Shi-Tomasi's minimum eigenvalue of the 3x3 structure tensor (OpenCV's scale for 8-bit
# luma, 3x3 Sobel) that makes a corner: a right-angled corner of 100 luma levels scores
# 0.038, so 0.004 is a corner of about 30 levels. Sensor noise of sigma 3 levels reaches
# 0.0003 (99.9th percentile), JPEG blocks on a plain wall none.
CORNER_MIN_EIGEN = 0.004
# Corners closer than this (pixels of the small plane) are one corner (non-maximum
# suppression in a 3x3 neighbourhood).
CORNER_NMS = 3
# A cell of the background holds a thing when it holds at least this many corners, and the
# cell is this many pixels of the small plane (40 working pixels at 640 px wide).
CELL_CORNERS = 2
OBJECT_CELL = 10
# Distinctness (see distinctness()) is judged on cells of this many edge-plane pixels (the
# corner cells' 40 working pixels: the corner plane itself is too coarse, a brick or a
# flag's star is a blur there) ...
DISTINCT_CELL = OBJECT_CELL * CORNER_STEP // EDGE_PLANE_STEP
# ... that are at least this much background (a cell cut by your outline has your edges) ...
MIN_DISTINCT_BACKGROUND = 0.9
# ... and have structure: a mean 3x3 Sobel magnitude over this (8-bit luma, edge plane).
# Sensor noise of sigma 2 levels after the 2x area average gives about 5, a plain wall's
# soft shading under 2; the edge of one object crossing a 20 px cell gives 30 or more.
STRUCTURED_CELL_GRADIENT = 30.0
# With fewer structured cells than this there is nothing to compare (a calm background).
MIN_DISTINCT_CELLS = 3
# Orientation bins of a cell's gradient histogram (over 180 degrees, 22.5 each).
DISTINCT_BINS = 8
# The descriptor's parts: the histogram's cosine distance (0 to 1) counts as it is; CIELAB
# L*, a*, b* (scaled to 0..1 by OpenCV's 8-bit coding) are weighted so that a difference of
# about 0.15 (a clearly other colour: 20 a*b* units, or 40 L* units) counts like a
# different shape; the log of the gradient density a little. The weights were chosen on
# the tune split (of 2, 3, 4, 6 for the colour, 6 separated texture from things best:
# their gap is 8.7% of the lower value, against 5.8 to 8.0% for the others).
DISTINCT_COLOUR_WEIGHTS = np.array([6.0, 12.0, 12.0], np.float32)
DISTINCT_DENSITY_WEIGHT = 0.3


class ClutterAnalyzer(Analyzer):
    """Edge density of the background, weighted by the variety of edge orientations."""

    check_ids = ("background.cluttered",)
    not_metrics = box_keys("busiest")
    every_s = SLOW_CHANGE_S

    def measure(self, scene: Scene) -> dict[str, float]:
        width, height = scene.size
        mask = scene.background_mask
        if np.count_nonzero(mask) < MIN_BACKGROUND_SHARE * width * height:
            return {}
        scale = EDGE_LONG_SIDE / max(width, height)  # plane pixels per frame pixel
        small_size = (max(1, round(width * scale)), max(1, round(height * scale)))
        shrink = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
        luma = cv2.resize(scene.luma8, small_size, interpolation=shrink)
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
        x, y, w, h = window_box(best, clutter.shape[1], cell, 1 / scale, scene.size)
        measured["busiest_clutter"] = float(clutter.flat[best])
        measured.update(box_measures("busiest", (x, y, w, h)))
        small, inside = corner_plane(luma, small_mask > 0)
        coverage = object_coverage(small, inside)
        if coverage is not None:
            measured["clutter_object_coverage"] = coverage
        if _busy_but_for_distinctness(measured):
            colour = cv2.resize(scene.frame, small_size, interpolation=shrink)
            distinct = distinctness(gx, gy, small_mask > 0, colour)
            if distinct is not None:
                measured["clutter_distinctness"] = distinct
        return measured

    def region(
        self, check_id: str, scene: Scene, measured: Mapping[str, float]
    ) -> tuple[int, int, int, int] | None:
        return box_region("busiest", dict(measured)) if "busiest_x" in measured else None


def _busy_but_for_distinctness(measured: Mapping[str, float]) -> bool:
    """Whether every part of background.cluttered's rule that does not read
    clutter_distinctness holds: only then can the distinctness decide (it costs about 0.4 ms
    a measured frame, and a plain wall, as at most calls, never gets that far)."""
    rule = CHECKS["background.cluttered"].rule
    assert isinstance(rule, AllOf)
    return all(
        part.holds(measured)
        for part in rule.parts
        if all(limit.metric != "clutter_distinctness" for limit in part.limits())
    )


def distinctness(gx: np.ndarray, gy: np.ndarray, mask: np.ndarray, rgb: np.ndarray) -> float | None:
    """How unlike each other the background's structured cells are (their median twin distance).

    ``gx``, ``gy`` are the edge plane's 3x3 Sobel derivatives (float32), ``mask`` its
    background and ``rgb`` the frame at the edge plane's size. Each cell of DISTINCT_CELL
    pixels that is background (MIN_DISTINCT_BACKGROUND) and has structure
    (STRUCTURED_CELL_GRADIENT) gets a descriptor: its gradient-orientation histogram
    (DISTINCT_BINS bins, weighted by gradient magnitude, L2-normalised; Dalal & Triggs 2005),
    its CIELAB colour and the logarithm of its gradient density. A cell's twin distance is
    the distance to the most similar other cell: a texture (bricks, grass, leaves, a flag's
    stars, film grain) repeats one element, so every cell has a near twin; a room of things
    does not. None with fewer than MIN_DISTINCT_CELLS structured cells.
    """
    height, width = mask.shape
    rows, cols = height // DISTINCT_CELL, width // DISTINCT_CELL
    if rows == 0 or cols == 0:
        return None
    crop = (slice(0, rows * DISTINCT_CELL), slice(0, cols * DISTINCT_CELL))
    gx, gy = gx[crop], gy[crop]
    inside = mask[crop].astype(np.float32)
    # Per-cell means by an area resize to one pixel per cell (cells tile the crop exactly).
    cells = (cols, rows)
    magnitude = cv2.magnitude(gx, gy) * inside
    # Orientation modulo 180 degrees (an edge and its reverse are one orientation): the
    # bin among twice as many over the full circle, folded.
    angle = cv2.phase(gx, gy, angleInDegrees=True)
    bins = ((angle * (2 * DISTINCT_BINS / 360.0)).astype(np.int32) % DISTINCT_BINS).astype(np.uint8)
    histogram = np.stack(
        [
            cv2.resize(
                cv2.bitwise_and(magnitude, magnitude, mask=cv2.compare(bins, k, cv2.CMP_EQ)),
                cells,
                interpolation=cv2.INTER_AREA,
            )
            for k in range(DISTINCT_BINS)
        ],
        axis=-1,
    ).reshape(rows * cols, DISTINCT_BINS)
    share = cv2.resize(inside, cells, interpolation=cv2.INTER_AREA).ravel()
    # Mean gradient magnitude per background pixel of the cell.
    density = histogram.sum(axis=1) / np.maximum(share, 1e-6)
    usable = (share >= MIN_DISTINCT_BACKGROUND) & (density > STRUCTURED_CELL_GRADIENT)
    if np.count_nonzero(usable) < MIN_DISTINCT_CELLS:
        return None
    # A cell's colour: CIELAB of its mean RGB (scaled to 0..1 by OpenCV's 8-bit coding).
    mean_rgb = cv2.resize(rgb[crop], cells, interpolation=cv2.INTER_AREA)
    lab = cv2.cvtColor(mean_rgb, cv2.COLOR_RGB2Lab).astype(np.float32) / 255.0
    colour = lab.reshape(rows * cols, 3)[usable] * DISTINCT_COLOUR_WEIGHTS
    shapes = histogram[usable] / np.maximum(
        np.linalg.norm(histogram[usable], axis=1, keepdims=True), 1e-6
    )
    level = np.log(density[usable])
    # Colour distances from the Gram matrix: |a - b|^2 = |a|^2 + |b|^2 - 2 a.b.
    norms = (colour * colour).sum(axis=1)
    colour_sq = norms[:, None] + norms[None, :] - 2.0 * (colour @ colour.T)
    distance = (
        (1.0 - shapes @ shapes.T)
        + np.sqrt(np.maximum(colour_sq, 0.0))
        + DISTINCT_DENSITY_WEIGHT * np.abs(level[:, None] - level[None, :])
    )
    np.fill_diagonal(distance, np.inf)
    return float(np.median(distance.min(axis=1)))


def corner_plane(luma8: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The edge plane's luma and background mask (uint8) reduced to the corner plane."""
    height, width = luma8.shape
    step = CORNER_STEP // EDGE_PLANE_STEP
    size = (max(1, width // step), max(1, height // step))
    # A bilinear halving averages 2x2 pixels exactly, as an area resize would.
    small = cv2.resize(luma8, size, interpolation=cv2.INTER_LINEAR)
    inside = cv2.resize(mask.view(np.uint8), size, interpolation=cv2.INTER_NEAREST)
    return small, inside


def object_coverage(small: np.ndarray, inside: np.ndarray) -> float | None:
    """Share of the background's cells that hold at least CELL_CORNERS corners.

    ``small`` and ``inside`` are the corner plane's luma and background mask (uint8, see
    corner_plane); None when no cell is mostly background.
    """
    size = (small.shape[1], small.shape[0])
    eigen = cv2.cornerMinEigenVal(small, 3, 3)
    peaks = (eigen >= cv2.dilate(eigen, np.ones((CORNER_NMS, CORNER_NMS), np.uint8))) & (
        eigen > CORNER_MIN_EIGEN
    )
    peaks &= inside.astype(bool)
    rows, cols = size[1] // OBJECT_CELL, size[0] // OBJECT_CELL
    if rows == 0 or cols == 0:
        return None
    crop = (slice(0, rows * OBJECT_CELL), slice(0, cols * OBJECT_CELL))
    shape = (rows, OBJECT_CELL, cols, OBJECT_CELL)
    corners = peaks[crop].reshape(shape).sum(axis=(1, 3))
    share = inside[crop].reshape(shape).mean(axis=(1, 3))
    usable = share >= MIN_WINDOW_BACKGROUND
    if not usable.any():
        return None
    return float((corners[usable] >= CELL_CORNERS).mean())
