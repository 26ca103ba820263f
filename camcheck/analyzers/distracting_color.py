"""background.distracting_color: a colourful object behind you that pulls the eye.

The eye goes to local colour contrast: a colourful poster on a calm wall. So the measure is
the colour of each background pixel *against the wall's own colour*, in CIELAB a*b* (a
perceptual chroma plane; a distance of 10 is a clearly different colour, the CIE's
just-noticeable difference is about 2.3):

- The wall's colour is the median a*b* of the background (the person mask's complement
  with a margin, from the Scene). On a grey wall it is near (0, 0), on a teal wall teal.
- A pixel's contrast with the wall is its a*b* difference, except the part that is the
  wall's own hue with *less* chroma than the wall. That part is the wall in shadow or in
  the dark (a dark clamp at the frame's edge, a shadow in a corner, the light falling off
  along a coloured wall): Lab chroma shrinks towards grey as a colour darkens, so these
  would otherwise read as a spot on every strongly coloured wall. A pixel of another hue,
  or of the wall's hue with more chroma than the wall, keeps all of its difference.
- Pixels that clearly differ (SPOT_PIXEL_CONTRAST) are joined into objects (a closing over
  a few pixels joins a poster's coloured parts across its white or grey ones), and the
  most salient object, by area times mean contrast, is the spot. It is the finding's
  region, so ``--save`` and the live window mark the object itself.

An evenly coloured wall, however saturated, has no such object. A room full of colourful
things (drapes, flags, shelves of books) has no *single* spot either: the rest of the
background, outside the spot, is measured the same way (``colour_rest``), and the check
table's rule asks the spot to stand out from it; a busy room is background.cluttered's
business. Every limit is in the table's rule (camcheck/checks.py).
"""

from __future__ import annotations

from collections.abc import Mapping

import cv2
import numpy as np

from camcheck.analyzers.base import SLOW_CHANGE_S, Analyzer
from camcheck.measures import (
    MIN_BACKGROUND_SHARE,
    SKIN_CB,
    SKIN_CR,
    box_keys,
    box_measures,
    box_region,
)
from camcheck.scene import FACE_ON_PERSON_MIN, Scene

# Colour is judged on a copy this many times smaller than the working frame (160x90 at
# 640x360): objects that draw the eye are large, and the area average removes chroma noise.
COLOUR_STEP = 4
# Pixels darker or brighter than this (CIELAB L*) carry no reliable hue (noise in the dark,
# clipping in the light); they are left out of the wall's colour.
MIN_WALL_L = 12.0
MAX_WALL_L = 97.0
# A pixel belongs to a colour spot when its contrast with the wall (a*b* units, see the
# module docstring) reaches this: four to five times the CIE's just-noticeable difference,
# a colour nobody takes for the wall. Sensor chroma noise after the 4x area average stays
# under 3 on our plain-wall scenes, a warm lamp's gradient over a white wall under 8.
SPOT_PIXEL_CONTRAST = 12.0
# ... and is not darker than this (L*): in the dark, a*b* are mostly noise and a dim
# coloured corner (a stage in shadow, a dark blue curtain) does not catch the eye. The
# darkest print colours (a pure blue at L* 32, a navy at about 28) stay above it.
MIN_SPOT_L = 25.0
# Coloured parts of one object closer than this share of the frame's width are one object
# (a poster's red flower and green leaves across its white parts).
JOIN_SHARE = 0.02
# The person is left out with this margin around their mask, as a share of the small
# plane's diagonal (2 px, 8 working pixels): thinner than the Scene's background margin,
# which is made for edge and noise measures. A poster behind your shoulder shows right
# beside it, and colour does not bleed as far as the mask's blur.
PERSON_MARGIN = 0.012
# Objects smaller than this share of the frame are specks, not spots (a pen, a toy).
MIN_OBJECT_SHARE = 0.002
# Parts of one picture further apart than the join (JOIN_SHARE) are still one spot when
# their boxes come this close (a share of the frame's width, 5 px of the 160 px plane): the
# strokes of a child's drawing on a white board, a banner's sky and its tower. Chosen on
# the development corpus's tune split (shares 0.03, 0.05 and 0.08 found the same two more
# drawings of its 34 colourful pictures; no labelled must-not case changed; the smallest).
PART_GAP_SHARE = 0.03
# The spot's colour is the contrast its most colourful tenth reaches (90th percentile): a
# poster's saturated parts, not the white and grey between them.
SPOT_PERCENTILE = 90
# The rest of the background is summarised by this percentile of its pixels' contrast:
# high when much of it is colourful too, low on a calm wall with one poster.
REST_PERCENTILE = 90
# ... over at least this share of the background; with less left, the spot is the wall.
MIN_REST_SHARE = 0.2
# The face's box counts as found by segmentation when the person mask covers half of it
# (scene.FACE_ON_PERSON_MIN, the share the face mask uses for the same question); the hair
# beside it is then where the person model's confidence reaches HAIR_CONFIDENCE. Its soft
# edge is 2 to 4 working pixels wide over a wall, wider over hair; at 0.1 a close-up face's
# mask (tune art_circles_v1_02) covers the hair and none of the picture beside it, where the
# box's margins covered two thirds of the picture.
HAIR_CONFIDENCE = 0.1
# Two objects are also one spot when they are pieces of one rectangle: both of their sides
# in line, within this share of the narrower one's width (or the lower one's height), one
# above or beside the other, with a gap of at most STACK_GAP of the smallest side of either:
# a banner's sky over its tower across the tower's grey roof (tune bg_banner_v1_05, parts
# 24 px wide 8 px apart on the 160 px plane, whose second part was read as "the rest").
# Joining on a gap relative to the parts' size alone (half the smaller side) also joined a
# wall of framed pictures and the blobs of a blurred room into one spot (tune
# bg_gallery_v1_05, _06, bg_blurroom_v1_01 then fired); in line, none of them does.
ALIGN_SHARE = 0.1
STACK_GAP = 0.5
# Your piece of the person mask beside your head, further than this many of your face's
# widths from your face box and above your chin, is wall where it is not skin (see
# _leaked): past the hair margins above (a quarter of the width), with room for hair that
# stands out wider. Tried only at 0.5, on every still of the development corpus
# (2026-12-03): of the tune split's 8 missed colourful pictures it finds the 2 banners the
# mask had joined to the person (bg_banner_v1_02, _03), and changes no other tune still;
# the first form, which gave back any piece of the mask, also called a group member's pink
# top beside you colourful art (tune group_tworows_v1_03), so only your own piece counts.
LEAK_SIDE = 0.5


def reduced(frame: np.ndarray, step: int) -> np.ndarray:
    """``frame`` reduced ``step`` times by halving it with bilinear steps, each of which
    averages 2x2 pixels exactly: a box average as INTER_AREA would give, at a twentieth of
    its cost."""
    small = frame
    while step > 1 and min(small.shape[:2]) >= 2:
        height, width = small.shape[:2]
        small = cv2.resize(small, (width // 2, height // 2), interpolation=cv2.INTER_LINEAR)
        step //= 2
    return small


def lab_planes(frame: np.ndarray, step: int) -> np.ndarray:
    """CIELAB (L* 0..100, a*, b*) of ``frame`` (RGB uint8) reduced ``step`` times, float32.

    The 8-bit Lab conversion (a* and b* in whole units) is twice as fast as the float one,
    and a unit is far under the contrasts judged.
    """
    return _lab(reduced(frame, step))


def _lab(small: np.ndarray) -> np.ndarray:
    """CIELAB (L* 0..100, a*, b*) of an RGB uint8 plane, float32."""
    lab = cv2.cvtColor(small, cv2.COLOR_RGB2Lab).astype(np.float32)
    lab[..., 0] *= np.float32(100 / 255)
    lab[..., 1:] -= np.float32(128)
    return lab


def percentile(values: np.ndarray, percent: float) -> float:
    """The ``percent`` percentile of a 1-D array (nearest rank; np.partition, not a sort)."""
    if values.size == 0:
        return 0.0
    rank = min(values.size - 1, round(percent / 100.0 * (values.size - 1)))
    return float(np.partition(values, rank)[rank])


def wall_contrast(a: np.ndarray, b: np.ndarray, wall: tuple[float, float]) -> np.ndarray:
    """Each pixel's a*b* contrast with the wall colour, without the wall's own shading.

    The difference is split along the wall's hue direction and across it. Across counts in
    full. Along, chroma beyond the wall's counts, chroma of the opposite hue counts, and
    chroma between grey and the wall's (the wall darker or in shadow) does not.
    """
    wall_a, wall_b = wall
    chroma = float(np.hypot(wall_a, wall_b))
    if chroma < 1e-6:
        return np.hypot(a, b)
    ua, ub = wall_a / chroma, wall_b / chroma
    along = a * ua + b * ub
    across = np.abs(a * ub - b * ua)
    excess = np.maximum(along - chroma, 0.0) + np.maximum(-along, 0.0)
    return np.hypot(across, excess)


class DistractingColorAnalyzer(Analyzer):
    """Finds the most salient colourful object of the background, measured against the wall."""

    check_ids = ("background.distracting_color",)
    not_metrics = box_keys("colour_spot")
    every_s = SLOW_CHANGE_S

    def measure(self, scene: Scene) -> dict[str, float]:
        width, height = scene.size
        small = reduced(scene.frame, COLOUR_STEP)
        lab = _lab(small)
        rows, cols = lab.shape[:2]
        inside = _background(scene, small)
        if np.count_nonzero(inside) < MIN_BACKGROUND_SHARE * rows * cols:
            return {}
        lum, a, b = lab[..., 0], lab[..., 1], lab[..., 2]
        wall_pixels = inside & (lum >= MIN_WALL_L) & (lum <= MAX_WALL_L)
        if not wall_pixels.any():
            wall_pixels = inside
        wall = (float(np.median(a[wall_pixels])), float(np.median(b[wall_pixels])))
        contrast = wall_contrast(a, b, wall)
        contrast[~inside] = 0.0
        measured = {"wall_chroma": float(np.hypot(*wall))}
        coloured = ((contrast >= SPOT_PIXEL_CONTRAST) & (lum >= MIN_SPOT_L)).astype(np.uint8)
        join = max(1, round(JOIN_SHARE * cols))
        kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * join + 1, 2 * join + 1))
        objects = cv2.morphologyEx(coloured, cv2.MORPH_CLOSE, kernel) & inside.view(np.uint8)
        count, labels, stats, _ = cv2.connectedComponentsWithStats(objects, connectivity=8)
        if count <= 1:
            measured.update(colour_spot_contrast=0.0, colour_spot_share=0.0)
            return measured
        areas = stats[1:, cv2.CC_STAT_AREA].astype(np.float64)
        sums = np.bincount(labels.ravel(), weights=contrast.ravel(), minlength=count)[1:]
        salience = np.where(areas >= MIN_OBJECT_SHARE * rows * cols, sums, 0.0)
        best = int(np.argmax(salience))
        if salience[best] <= 0:
            measured.update(colour_spot_contrast=0.0, colour_spot_share=0.0)
            return measured
        parts = _parts_of(best, stats[1:], salience > 0, PART_GAP_SHARE * cols)
        x, y, w, h, area = _box_of(parts, stats[1:])
        members = 1 + np.flatnonzero(parts)
        spot = labels == members[0] if len(members) == 1 else np.isin(labels, members)
        peak = percentile(contrast[spot], SPOT_PERCENTILE)
        # The rest: the background outside the spot (grown by the join distance). With too
        # little of it left the spot is not on a wall, it is the wall: it stands out from
        # nothing, so the rest counts as colourful as the spot.
        around = cv2.dilate(spot.view(np.uint8), kernel).astype(bool)
        rest = inside & ~around
        if np.count_nonzero(rest) >= MIN_REST_SHARE * np.count_nonzero(inside):
            rest_contrast = percentile(contrast[rest], REST_PERCENTILE)
        else:
            rest_contrast = peak
        box = _frame_box((x, y, w, h), (width, height), (cols, rows))
        measured.update(
            colour_spot_peak=peak,
            colour_spot_contrast=float(contrast[spot].mean()),
            colour_spot_spread=float(np.sqrt(a[spot].var() + b[spot].var())),
            colour_spot_share=area / float(rows * cols),
            colour_rest=rest_contrast,
            **box_measures("colour_spot", box),
        )
        if (face := scene.face_box) is not None:
            measured["colour_spot_face_distance"] = _gap(box, face) / max(face[2], 1)
            # The spot's own area (its pixels, not its box) against the face's box: what
            # pulls the eye from you is an object of about your face's size or more.
            spot_pixels = area * (width / cols) * (height / rows)
            measured["colour_spot_face_ratio"] = spot_pixels / max(face[2] * face[3], 1)
        return measured

    def region(
        self, check_id: str, scene: Scene, measured: Mapping[str, float]
    ) -> tuple[int, int, int, int] | None:
        return box_region("colour_spot", dict(measured))


def _parts_of(best: int, stats: np.ndarray, usable: np.ndarray, gap: float) -> np.ndarray:
    """Which objects make one spot with object ``best``: it and, in turn, every usable
    object whose box comes within ``gap`` of the spot's box so far, or is stacked on it
    (see _stacked; ``stats`` are connectedComponentsWithStats rows without the
    background's)."""
    parts = np.zeros(len(stats), bool)
    parts[best] = True
    x0, y0 = stats[best, cv2.CC_STAT_LEFT], stats[best, cv2.CC_STAT_TOP]
    x1, y1 = x0 + stats[best, cv2.CC_STAT_WIDTH], y0 + stats[best, cv2.CC_STAT_HEIGHT]
    grew = True
    while grew:
        grew = False
        for i in np.flatnonzero(usable & ~parts):
            bx, by, bw, bh = (int(v) for v in stats[i, :4])
            box = (x0, y0, x1 - x0, y1 - y0)
            if _gap(box, (bx, by, bw, bh)) <= gap or _stacked(box, (bx, by, bw, bh)):
                parts[i] = grew = True
                x0, y0 = min(x0, bx), min(y0, by)
                x1, y1 = max(x1, bx + bw), max(y1, by + bh)
    return parts


def _stacked(box: tuple[int, int, int, int], other: tuple[int, int, int, int]) -> bool:
    """Whether two boxes are pieces of one rectangle: both sides in line (within
    ALIGN_SHARE of the narrower or lower one's width or height), one above or beside the
    other, with a gap of at most STACK_GAP of the smallest side of either."""
    ax, ay, aw, ah = box
    bx, by, bw, bh = other
    width, height = min(aw, bw), min(ah, bh)
    columns = abs(ax - bx) <= ALIGN_SHARE * width and abs(ax + aw - bx - bw) <= ALIGN_SHARE * width
    rows = abs(ay - by) <= ALIGN_SHARE * height and abs(ay + ah - by - bh) <= ALIGN_SHARE * height
    return (columns or rows) and _gap(box, other) <= STACK_GAP * min(width, height)


def _box_of(parts: np.ndarray, stats: np.ndarray) -> tuple[int, int, int, int, int]:
    """The box (x, y, w, h) round the objects marked in ``parts`` and their pixel count."""
    x0 = int(stats[parts, cv2.CC_STAT_LEFT].min())
    y0 = int(stats[parts, cv2.CC_STAT_TOP].min())
    x1 = int((stats[parts, cv2.CC_STAT_LEFT] + stats[parts, cv2.CC_STAT_WIDTH]).max())
    y1 = int((stats[parts, cv2.CC_STAT_TOP] + stats[parts, cv2.CC_STAT_HEIGHT]).max())
    return x0, y0, x1 - x0, y1 - y0, int(stats[parts, cv2.CC_STAT_AREA].sum())


def _background(scene: Scene, small: np.ndarray) -> np.ndarray:
    """The background on ``small`` (the frame reduced, RGB): not the person (with
    PERSON_MARGIN), not the face; with the pieces of the person mask that are the wall's
    (_leaked)."""
    rows, cols = small.shape[:2]
    size = (cols, rows)
    width, height = scene.size
    sx, sy = cols / width, rows / height
    person = cv2.resize(scene.person_mask.view(np.uint8), size, interpolation=cv2.INTER_NEAREST)
    radius = max(1, round(PERSON_MARGIN * float(np.hypot(cols, rows))))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
    grown = cv2.dilate(person, kernel)
    if (face := scene.primary_face) is not None:
        x, y, w, h = face.box
        fx0, fy0, fx1, fy1 = _scaled(face.box, sx, sy)
        x0, y0, x1, y1 = _scaled((x - w // 4, y - h // 2, w + w // 2, h + 3 * h // 4), sx, sy)
        # The face is never background, even where segmentation missed it; nor is the
        # hair around it (a quarter of the face's width either side, half its height
        # above), unless segmentation found this face: then it found the hair too, and
        # beside the face only what its soft edge holds (HAIR_CONFIDENCE) is you. A
        # picture beside a close-up face lies inside those margins.
        margins = grown[y0:y1, x0:x1]
        if scene.face_box_on_person() >= FACE_ON_PERSON_MIN:
            soft = cv2.resize(scene.person, size, interpolation=cv2.INTER_NEAREST)[y0:y1, x0:x1]
            margins[soft >= HAIR_CONFIDENCE] = 1
        else:
            margins[...] = 1
        grown[fy0:fy1, fx0:fx1] = 1
    background = grown == 0
    if (leaked := _leaked(scene, small, person)) is not None:
        # Given back whole, the margin round them too: they are the wall's.
        background |= leaked
    return background


def _leaked(scene: Scene, small: np.ndarray, person: np.ndarray) -> np.ndarray | None:
    """The pixels of your piece of the person mask (``person``, on ``small``'s plane) that
    are the wall's: above your chin, beyond LEAK_SIDE of your face's width either side of
    it, not in skin colour and under nobody else's face. None without a face.

    The selfie segmentation takes a picture hung beside your head for part of you (a banner
    beside a raised hand, a poster by your ear: the development corpus's tune split,
    bg_banner_v1, 4 of its 9 banners wholly or mostly inside the mask). What your piece
    holds there is otherwise your raised hand (skin), your hair (within LEAK_SIDE of your
    face) or someone beside you joined to you on the mask (their face, and the column below
    it, are left as they are). Other pieces are other people's (background.intrusion's).
    """
    face = scene.primary_face
    if face is None:
        return None
    rows, cols = person.shape
    sx, sy = cols / scene.size[0], rows / scene.size[1]
    _, y, _, h = face.box
    chin = min(rows, int((y + h) * sy))
    if chin <= 0:
        return None
    count, labels = cv2.connectedComponents(person, connectivity=8)
    fx0, fy0, fx1, fy1 = _scaled(face.box, sx, sy)
    covered = np.bincount(labels[fy0 : fy1 + 1, fx0 : fx1 + 1].ravel(), minlength=count)[1:]
    if count <= 1 or not covered.any():
        return None
    doubt = labels[:chin] == 1 + int(np.argmax(covered))
    doubt[:, _columns(face.box, sx)] = False
    for other in scene.faces:
        if other is not face:
            doubt[
                max(0, int((other.box[1] - other.box[3] / 2) * sy)) :, _columns(other.box, sx)
            ] = False
    if not doubt.any():
        return None
    ycrcb = cv2.cvtColor(np.ascontiguousarray(small[:chin]), cv2.COLOR_RGB2YCrCb)
    cr, cb = ycrcb[..., 1], ycrcb[..., 2]
    skin = (cr >= SKIN_CR[0]) & (cr <= SKIN_CR[1]) & (cb >= SKIN_CB[0]) & (cb <= SKIN_CB[1])
    leaked = np.zeros(person.shape, bool)
    leaked[:chin] = doubt & ~skin
    return leaked


def _columns(box: tuple[int, int, int, int], sx: float) -> slice:
    """The columns of a plane ``sx`` times the frame's width that a face box covers, with
    LEAK_SIDE of its width either side."""
    x, _, w, _ = box
    x0 = max(0, int((x - LEAK_SIDE * w) * sx))
    return slice(x0, max(x0, int(np.ceil((x + w + LEAK_SIDE * w) * sx))))


def _scaled(box: tuple[int, int, int, int], sx: float, sy: float) -> tuple[int, int, int, int]:
    """A frame box (x, y, w, h) as (x0, y0, x1, y1) on a plane ``sx``, ``sy`` times the frame's
    size, clipped at 0 (slicing clips the far side)."""
    x, y, w, h = box
    x0, y0 = max(0, int(x * sx)), max(0, int(y * sy))
    return x0, y0, max(x0, int(np.ceil((x + w) * sx))), max(y0, int(np.ceil((y + h) * sy)))


def _frame_box(
    box: tuple[int, int, int, int], frame_size: tuple[int, int], plane_size: tuple[int, int]
) -> tuple[int, int, int, int]:
    """A box on the small plane in working-frame pixels, clipped to the frame."""
    x, y, w, h = box
    sx, sy = frame_size[0] / plane_size[0], frame_size[1] / plane_size[1]
    x0, y0 = round(x * sx), round(y * sy)
    x1 = min(frame_size[0], round((x + w) * sx))
    y1 = min(frame_size[1], round((y + h) * sy))
    return x0, y0, max(0, x1 - x0), max(0, y1 - y0)


def _gap(box: tuple[int, int, int, int], other: tuple[int, int, int, int]) -> float:
    """The distance between two boxes' nearest edges (0 when they touch or overlap)."""
    ax, ay, aw, ah = box
    bx, by, bw, bh = other
    dx = max(0, max(ax, bx) - min(ax + aw, bx + bw))
    dy = max(0, max(ay, by) - min(ay + ah, by + bh))
    return float(np.hypot(dx, dy))
