"""Image measures shared by analyzers: noise, windows, face light, skin (outline: outline.py)."""

from __future__ import annotations

import math

import cv2
import numpy as np

from camcheck.scene import Face, Scene, histogram_mean, histogram_percentile, histogram_share

# Immerkær's noise-estimation mask: the difference of two Laplacians, which cancels smooth
# image structure up to second order and leaves mostly noise (Immerkær 1996, "Fast noise
# variance estimation", CVIU 64(2)).
IMMERKAER_KERNEL = np.array([[1, -2, 1], [-2, 4, -2], [1, -2, 1]], np.float32)
IMMERKAER_ROW = np.array([1, -2, 1], np.float32)  # IMMERKAER_KERNEL = outer(row, row)
# sigma = IMMERKAER_SCALE * mean |I * N| over the pixels used.
IMMERKAER_SCALE = math.sqrt(math.pi / 2.0) / 6.0
# Pixels whose Sobel gradient (|gx| + |gy| on 0..255 luma) reaches this are edges or
# texture, not flat areas; the noise there is swamped by structure. 32 keeps skin, walls
# and sky and drops the edges of eyes, hair and furniture on our fixtures; the estimate
# still recovers sigma 2 to 8 within 15% on a noisy ramp (tests/test_face_quality.py).
FLAT_GRADIENT = 32
# Fewer flat pixels than this and the estimate is not trusted (returned as NaN).
MIN_FLAT_PIXELS = 500


def gradient_l1(plane: np.ndarray, depth: int = cv2.CV_16S, ksize: int = 3) -> np.ndarray:
    """|gx| + |gy| of ``plane`` (Sobel, ``ksize``), as uint8 saturated at 255: every limit
    on it lies far below, so nothing is lost.

    With ``ksize`` 1 on 8-bit luma the Sobel derivative is the difference of the two
    neighbours, I(x+1) - I(x-1), and 0 on the first and last column (row) by the
    reflected border; its absolute value is their absolute difference, taken directly
    (the same bytes at an eighth of the cost).
    """
    neighbours = ksize == 1 and depth == cv2.CV_16S and plane.dtype == np.uint8
    if neighbours and plane.ndim == 2 and min(plane.shape) >= 3:
        across = np.zeros_like(plane)
        down = np.zeros_like(plane)
        cv2.absdiff(plane[:, 2:], plane[:, :-2], dst=across[:, 1:-1])
        cv2.absdiff(plane[2:], plane[:-2], dst=down[1:-1])
        return cv2.add(across, down)
    return cv2.add(
        cv2.convertScaleAbs(cv2.Sobel(plane, depth, 1, 0, ksize=ksize)),
        cv2.convertScaleAbs(cv2.Sobel(plane, depth, 0, 1, ksize=ksize)),
    )


def clear_border(mask: np.ndarray) -> np.ndarray:
    """``mask`` with its outermost rows and columns cleared (in place): filters there see the
    border, not the image."""
    mask[0, :] = mask[-1, :] = 0
    mask[:, 0] = mask[:, -1] = 0
    return mask


def immerkaer_sigma(luma: np.ndarray, mask: np.ndarray | None = None) -> float:
    """Standard deviation of additive noise on 0..255 luma, by Immerkær's fast estimator.

    sigma = sqrt(pi/2) / 6 * mean(|I * N|) over the pixels used, which is Immerkær's
    sqrt(pi/2) / (6 (W-2)(H-2)) * sum |I * N| when every inner pixel is used. Only flat
    pixels (low Sobel gradient) count, so texture is not read as noise, and only pixels
    where ``mask`` is True when a mask is given.

    Args:
        luma: Luma as uint8 (0..255) or float (0..255 or 0..1; a float plane whose maximum
            is at most 1 is taken as 0..1 and scaled).
        mask: Optional boolean plane of the same size: where to estimate.

    Returns:
        Sigma on the 0..255 scale, or NaN when too few flat pixels remain.
    """
    if luma.dtype == np.uint8:
        # Integer filters on uint8 are several times faster than float ones, and exact.
        plane, depth = luma, cv2.CV_16S
    else:
        plane, depth = luma.astype(np.float32), cv2.CV_32F
        if float(plane.max(initial=0.0)) <= 1.0:
            plane = plane * 255.0
    flat = cv2.threshold(gradient_l1(plane, depth), FLAT_GRADIENT - 1, 1, cv2.THRESH_BINARY_INV)[1]
    clear_border(flat)
    if mask is not None:
        flat &= mask.view(np.uint8) if mask.dtype == bool else (mask > 0).view(np.uint8)
    if cv2.countNonZero(flat) < MIN_FLAT_PIXELS:
        return math.nan
    if depth == cv2.CV_16S:
        response = immerkaer_response(plane)
    else:
        response = np.abs(cv2.filter2D(plane, depth, IMMERKAER_KERNEL))
    return IMMERKAER_SCALE * float(cv2.mean(response, mask=flat)[0])


def immerkaer_response(luma8: np.ndarray) -> np.ndarray:
    """|I * N| of 8-bit luma as uint8; average it over flat pixels and scale by IMMERKAER_SCALE.

    It saturates at 255 only on edges, which are not flat: a flat area's response has a
    spread of about 6 sigma, 48 at sigma 8.

    The kernel is the outer product of [1, -2, 1] with itself, so it is applied as two 1-D
    passes: every intermediate is a small integer, exact in any arithmetic, so the result
    is the same bytes as the 3x3 filter's at half its cost.
    """
    return cv2.convertScaleAbs(cv2.sepFilter2D(luma8, cv2.CV_16S, IMMERKAER_ROW, IMMERKAER_ROW))


# Windows over the background (background.cluttered, background.distracting_color).
# The background is judged in cells of this share of the frame's geometric mean side (60 px
# on a 640x360 frame), in windows of WINDOW_CELLS x WINDOW_CELLS cells, a sliding window of
# about a poster's or a shelf's size at a few metres.
CELL_SHARE = 1 / 8
WINDOW_CELLS = 2
# A window is considered only when at least this share of it is background.
MIN_WINDOW_BACKGROUND = 0.6
# A background smaller than this share of the frame (the face fills the picture) is not
# judged by the window measures: there is too little of it to be busy or colourful.
MIN_BACKGROUND_SHARE = 0.05


def window_cell(shape: tuple[int, ...]) -> int:
    """The side of a square cell, in pixels of a plane of this shape."""
    height, width = shape[:2]
    cell = round(CELL_SHARE * float(np.sqrt(width * height)))
    return max(1, min(cell, height // WINDOW_CELLS, width // WINDOW_CELLS))


def window_means(plane: np.ndarray, cell: int) -> np.ndarray:
    """Mean of ``plane`` over every window of WINDOW_CELLS x WINDOW_CELLS cells.

    Cells tile the plane from its top-left corner; the last partial row and column of
    cells (less than a cell) are left out. Windows step by one cell, so they overlap.
    Row ``r``, column ``c`` of the result is the window whose top-left cell is (r, c).
    """
    rows, cols = plane.shape[0] // cell, plane.shape[1] // cell
    if rows < WINDOW_CELLS or cols < WINDOW_CELLS:  # a frame too small to hold a window
        return np.zeros((0, 0), np.float32)
    # Summing reshaped blocks is exact and several times faster than an area resize to a
    # size that does not divide the plane.
    cells = plane[: rows * cell, : cols * cell].reshape(rows, cell, cols, cell).mean(axis=(1, 3))
    windows = np.zeros((rows - WINDOW_CELLS + 1, cols - WINDOW_CELLS + 1), np.float32)
    for dy in range(WINDOW_CELLS):
        for dx in range(WINDOW_CELLS):
            windows += cells[dy : dy + windows.shape[0], dx : dx + windows.shape[1]]
    return windows / (WINDOW_CELLS * WINDOW_CELLS)


def window_box(
    index: int, cols: int, cell: int, scale: float, frame_size: tuple[int, int]
) -> tuple[int, int, int, int]:
    """The frame-pixel box of window ``index`` (flat index into a grid of ``cols`` columns).

    ``cell`` is the cell side on the plane the windows were taken from, and ``scale`` how
    many frame pixels one plane pixel spans.
    """
    row, col = divmod(index, cols)
    side = cell * scale
    x, y = round(col * side), round(row * side)
    w = min(frame_size[0] - x, round(WINDOW_CELLS * side))
    h = min(frame_size[1] - y, round(WINDOW_CELLS * side))
    return x, y, w, h


def box_keys(*prefixes: str) -> frozenset[str]:
    """The keys :func:`box_measures` writes for each prefix (``prefix_x`` ... ``prefix_h``)."""
    return frozenset(f"{prefix}_{key}" for prefix in prefixes for key in "xywh")


def box_measures(prefix: str, box: tuple[int, int, int, int]) -> dict[str, float]:
    """A box as measured numbers (``prefix_x``, ``_y``, ``_w``, ``_h``), so JSON users get it."""
    return {f"{prefix}_{key}": float(value) for key, value in zip("xywh", box, strict=True)}


def box_region(prefix: str, measured: dict[str, float]) -> tuple[int, int, int, int]:
    """The box that :func:`box_measures` stored under ``prefix``, as a finding's region."""
    x, y, w, h = (int(measured[f"{prefix}_{key}"]) for key in "xywh")
    return x, y, w, h


# Exposure of the face's skin (lighting.too_dark, too_bright, backlight).
# OFIQ's exposure ranges (ISO/IEC 29794-5, UnderExposurePrevention / OverExposurePrevention),
# on 8-bit luma.
DARK_LUMA8 = 25
BRIGHT_LUMA8 = 247
# The percentile that stands for "the brightest parts of the face".
HIGHLIGHT_PERCENTILE = 95
# Fewer skin pixels than this and the face is too small to judge its light.
MIN_FACE_PIXELS = 200
# sRGB decoding (IEC 61966-2-1) of the 256 luma codes, for the frame's mean in linear light.
_CODES = np.arange(256, dtype=np.float64) / 255.0
SRGB_LINEAR = np.where(_CODES <= 0.04045, _CODES / 12.92, ((_CODES + 0.055) / 1.055) ** 2.4)


# A skin pixel has lost its colour to the light when at least this many of its three colour
# channels reach BRIGHT_LUMA8: what is left is white or a pale yellow. Luma reaches 247 only
# when all three do, and skin reflects far less blue than red (a deep skin tone least of
# all), so a face pushed into clipping loses its red and green, and with them its colour,
# long before its luma clips.
CLIPPED_CHANNELS = 2


def skin_clipped_share(scene: Scene) -> float:
    """Share of the primary face's skin (the pixels ``skin_histogram`` counts) with
    CLIPPED_CHANNELS or more of its colour channels at BRIGHT_LUMA8 or over."""
    pixels = scene.frame[scene.skin_mask]
    if not pixels.size:
        return 0.0
    clipped = np.count_nonzero(pixels >= BRIGHT_LUMA8, axis=1) >= CLIPPED_CHANNELS
    return float(np.count_nonzero(clipped)) / len(pixels)


def face_luma_stats(scene: Scene) -> dict[str, float] | None:
    """Mean, highlight and clipped shares of the primary face's skin luma (its skin zones,
    else its outline), or None without a face."""
    histogram = scene.skin_histogram
    if histogram.sum() < MIN_FACE_PIXELS:
        return None
    return {
        "face_luma": histogram_mean(histogram),
        "face_highlight": histogram_percentile(histogram, HIGHLIGHT_PERCENTILE),
        "face_dark_share": histogram_share(histogram, 0, DARK_LUMA8),
        "face_bright_share": histogram_share(histogram, BRIGHT_LUMA8, 255),
    }


# The skin cluster in 8-bit YCrCb (Chai & Ngan 1999, "Face segmentation using skin-color map
# in videophone applications"): the same chroma range for every skin tone.
SKIN_CR = (133, 173)
SKIN_CB = (77, 127)


# Skin is a region's colour, not a pixel's: the chroma is averaged around each pixel (a box
# with the standard deviation of a Gaussian of this share of the face box's width) before
# the pixel is tested. Heavy sensor grain scatters a face's pixels out of the skin cluster
# one by one (the grainy face of the tune split's synth/quality noise_gain_v1_00: 71% in it
# pixel by pixel, under face.not_found's 81%, though a person sees the face at once), while
# a region's mean stays in. Tune split (development corpus of 2026-12-01), the 37 stills
# whose best face the landmark model does not fit: at 0.02 that face reaches 0.821 (0.011
# over the limit), at 0.04 0.871, at 0.08 0.948; the non-face on the person mask that must
# be reported and comes nearest (u2net-gh_0003) 0.584, 0.598 and 0.705. 0.04 keeps 0.06 on
# the face's side and 0.21 on the other; on clean faces it moves the share by a few points,
# mostly up. Held out: the grainy noise_gain_v1_06 0.698 -> 0.864.
SKIN_SMOOTH_SHARE = 0.04


def skin_share(scene: Scene, face: Face) -> float:
    """Share of the middle of ``face``'s box (half its width and height) in skin chroma,
    the chroma averaged around each pixel first (SKIN_SMOOTH_SHARE)."""
    x, y, w, h = face.box
    x0, y0, x1, y1 = x + w // 4, y + h // 4, x + w - w // 4, y + h - h // 4
    if x1 <= x0 or y1 <= y0:
        return 0.0
    # A box filter with the Gaussian's standard deviation (side sigma * sqrt(12)): a running
    # sum, several times cheaper than the Gaussian on every video frame with a face.
    side = round(SKIN_SMOOTH_SHARE * w * math.sqrt(12))
    # The box reads half its side around the middle: convert only that much.
    pad = side // 2
    height, width = scene.frame.shape[:2]
    top, left = max(0, y0 - pad), max(0, x0 - pad)
    region = scene.frame[top : min(height, y1 + pad), left : min(width, x1 + pad)]
    ycrcb = cv2.cvtColor(np.ascontiguousarray(region), cv2.COLOR_RGB2YCrCb)
    if side > 1:
        ycrcb = cv2.blur(ycrcb, (side, side))
    middle = ycrcb[y0 - top : y1 - top, x0 - left : x1 - left]
    cr, cb = middle[..., 1], middle[..., 2]
    skin = (cr >= SKIN_CR[0]) & (cr <= SKIN_CR[1]) & (cb >= SKIN_CB[0]) & (cb <= SKIN_CB[1])
    return float(np.count_nonzero(skin)) / skin.size
