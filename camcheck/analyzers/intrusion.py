"""background.intrusion: someone or something else in the picture (a second person, a cat).

Three signs, all judged apart from the person at the camera:

- A second face of real prominence. The detector also finds faces in posters, photos on a
  shelf and people far behind; only a face at least the table's threshold (35%) of the
  primary face's width, detected with a high score, counts. A portrait on the wall behind you is
  seen at the distance of the wall and printed smaller than life, so it measures well under
  that share; a person who leans into the picture or sits beside you is larger.
- A second body: the segmentation model marks every person as "person", so someone
  standing or walking behind you is part of the person mask (and so never part of the
  background the motion sign looks at), and the face detector misses faces much smaller
  than yours. A separate piece of the person mask, apart from yours, of at least
  MIN_BODY_SHARE of the frame is a second person, moving or not. Yours is the piece under
  the centre of the primary face (without a face, the largest piece). Someone who stands
  touching you joins your piece and is not seen this way.
- In a video or live run, motion in the background: a child or a cat crossing behind you.
  The current frame is compared with one about MOTION_BASE_S earlier, on a small luma plane
  and only where both frames are background (the person and a margin around them excluded,
  so your own movement does not count). Auto exposure is taken out by matching the frames'
  gain and offset, and camera noise by a robust noise estimate (the median absolute
  difference); what remains above several noise levels, in one blob of a minimum size, is
  something moving. The Session then keeps it only when it lasts, and says when it was
  first seen.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

import cv2
import numpy as np

from camcheck.analyzers.base import Analyzer
from camcheck.checks import CHECKS, finding
from camcheck.findings import Finding
from camcheck.measures import box_measures, box_region
from camcheck.scene import Scene

INTRUSION = CHECKS["background.intrusion"]

# A second face counts when it is at least INTRUSION.threshold of the primary face's width
# (see the table's source), and its detector score is at least this. A second person,
# partly hidden behind you, scored 0.72 to 0.97 on our composites; face.not_found asks
# 0.6 of the primary face.
SECOND_FACE_MIN_SCORE = 0.7
# Motion is measured on a luma plane this many times smaller than the working frame: the
# area average lowers sensor noise fourfold, and what we look for is the size of a cat.
MOTION_STEP = 4
# The frame compared with is the newest one at least this old: at 30 fps consecutive frames
# of a walking cat differ too little, and 0.1 s is still much shorter than a crossing.
MOTION_BASE_S = 0.1
# ... and at most this old; an older reference (a stalled camera) is not used.
MOTION_MAX_BASE_S = 1.0
# Darker reference pixels than this are left out of the gain estimate (their ratio is noise).
GAIN_MIN_LUMA = 16
# A pixel moved when its exposure-matched difference exceeds this many robust noise sigmas
# (1.4826 x the median absolute difference), ...
MOTION_SIGMAS = 5.0
# ... and at least this many luma levels: JPEG requantisation of a still background differs
# by a few levels even when the noise estimate is tiny.
MOTION_MIN_LEVELS = 10
# MAD to sigma for normally distributed noise.
MAD_TO_SIGMA = 1.4826
# The smallest moving blob that counts, as a share of the frame. Differencing sees only the
# part of a moving thing that changed within MOTION_BASE_S (its leading and trailing
# edges, for a plain-coloured one): a cat of 70x45 px walking past at 130 px/s gives
# blobs of 0.3 to 0.5%, the cat of our clip 1.5 to 4%. Camera noise, a swinging auto
# exposure and the person's own sway leave none on our clips, a flickering virtual
# background 0.15% at most; one frame of another helper's clip (a camera catching up after
# a freeze) reaches 0.46%, which the Session's persistence drops. Thin lines from a
# vibrating edge are removed by a 3x3 opening first.
MIN_BLOB_SHARE = 0.003
# Too little background (under this share of the plane) and motion is not judged.
MIN_BACKGROUND_SHARE = 0.05
# The person mask is split into pieces on a plane this many times smaller than the working
# frame: it comes from a 256 px model (2.5 working pixels per model pixel), so little is
# lost, and labelling 160x90 cells costs a few hundredths of a millisecond.
BODY_STEP = 4
# The smallest separate piece of the person mask that is a second person, as a share of the
# frame. Measured on all 79 other fixtures (every frame of the clips): stray pieces the
# segmentation leaves apart from the person are at most 1.59% (face_sidelit_astronaut.jpg),
# 1.43% in a clip (bg_exposure_drift_clip.mp4, beside the shoulder before the busy room),
# under 1% on all others and none at all on 51 of them. By geometry, an adult walking
# 2.5 m behind you takes about 5 to 8% of a 70-degree webcam's picture, a child of 1.1 m
# about 2.4% at 2.5 m and 1.7% at 3 m. The walker of bg_walker_clip.mp4 measures 3.7 to
# 7.1% while apart from you, the person standing in bg_standing_person_obama.jpg 6.2%.
# 2% is a quarter above the largest stray piece and still catches a child at 2.5 m.
MIN_BODY_SHARE = 0.02


class IntrusionAnalyzer(Analyzer):
    """A second prominent face in any frame; moving things in the background over time."""

    check_ids = ("background.intrusion",)

    def __init__(self) -> None:
        # (timestamp, luma plane, background mask) of recent frames, oldest first.
        self._history: deque[tuple[float, np.ndarray, np.ndarray]] = deque()

    def measure(self, scene: Scene) -> dict[str, float]:
        measured: dict[str, float] = {}
        primary = scene.primary_face
        if primary is not None and len(scene.faces) > 1:
            others = [face for face in scene.faces[1:] if face.score >= SECOND_FACE_MIN_SCORE]
            if others:
                # Faces are sorted largest first, so the first one is the most prominent.
                face = others[0]
                width, height = scene.size
                measured["second_face_width_ratio"] = face.box[2] / max(primary.box[2], 1)
                measured["second_face_share"] = face.area / float(width * height)
                measured.update(box_measures("second_face", face.box))
        measured.update(_second_body(scene))
        measured.update(self._motion(scene))
        return measured

    def _motion(self, scene: Scene) -> dict[str, float]:
        width, height = scene.size
        size = (max(1, width // MOTION_STEP), max(1, height // MOTION_STEP))
        luma = cv2.resize(scene.luma8, size, interpolation=cv2.INTER_AREA)
        mask = cv2.resize(
            scene.background_mask.view(np.uint8), size, interpolation=cv2.INTER_NEAREST
        ).astype(bool)
        now = scene.timestamp
        base = None
        for stamp, old_luma, old_mask in reversed(self._history):
            if now - stamp >= MOTION_BASE_S and old_luma.shape == luma.shape:
                base = (stamp, old_luma, old_mask)
                break
        self._history.append((now, luma, mask))
        while self._history and now - self._history[0][0] > MOTION_MAX_BASE_S:
            self._history.popleft()
        if base is None or now - base[0] > MOTION_MAX_BASE_S:
            return {}
        _, old_luma, old_mask = base
        both = mask & old_mask
        if np.count_nonzero(both) < MIN_BACKGROUND_SHARE * luma.size:
            return {}
        current = luma.astype(np.float32)
        previous = old_luma.astype(np.float32)
        # Auto exposure scales the picture: match the gain (median ratio), then the offset.
        usable = both & (old_luma >= GAIN_MIN_LUMA)
        gain = float(np.median(current[usable] / previous[usable])) if usable.any() else 1.0
        residual = current - gain * previous
        offset = float(np.median(residual[both]))
        residual -= offset
        sigma = MAD_TO_SIGMA * float(np.median(np.abs(residual[both])))
        limit = max(MOTION_SIGMAS * sigma, float(MOTION_MIN_LEVELS))
        moving = ((np.abs(residual) > limit) & both).astype(np.uint8)
        moving = cv2.morphologyEx(moving, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
        count, _, stats, _ = cv2.connectedComponentsWithStats(moving, connectivity=8)
        measured = {"background_motion_share": float(np.count_nonzero(moving)) / luma.size}
        if count > 1:
            label = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
            x, y, w, h, area = (int(v) for v in stats[label])
            measured["moving_blob_share"] = area / float(luma.size)
            # Back to working-frame pixels.
            box = (x * MOTION_STEP, y * MOTION_STEP, w * MOTION_STEP, h * MOTION_STEP)
            measured.update(box_measures("moving", box))
        return measured

    def judge(self, scene: Scene, measured: dict[str, float]) -> Iterable[Finding]:
        ratio = measured.get("second_face_width_ratio", 0.0)
        body = measured.get("second_body_share", 0.0)
        blob = measured.get("moving_blob_share", 0.0)
        # One finding per frame, the surest sign first: a face, a body, then motion.
        if ratio >= INTRUSION.threshold:
            yield finding(
                "background.intrusion",
                region=box_region("second_face", measured),
                intrusion_share=measured["second_face_share"],
                second_face_width_ratio=ratio,
                second_face_share=measured["second_face_share"],
            )
        elif body >= MIN_BODY_SHARE:
            yield finding(
                "background.intrusion",
                region=box_region("second_body", measured),
                intrusion_share=body,
                second_body_share=body,
            )
        elif blob >= MIN_BLOB_SHARE:
            yield finding(
                "background.intrusion",
                region=box_region("moving", measured),
                intrusion_share=blob,
                moving_blob_share=blob,
                background_motion_share=measured["background_motion_share"],
            )


def _second_body(scene: Scene) -> dict[str, float]:
    """The largest piece of the person mask that is not the person at the camera."""
    width, height = scene.size
    size = (max(1, width // BODY_STEP), max(1, height // BODY_STEP))
    # A bilinear sample at each cell's centre, rounded: at a quarter of the size, the mean
    # of the cell's central 2x2 pixels. Four times cheaper than INTER_AREA's majority of all
    # 16; on our fixtures the pieces' shares differ by under 0.1 percentage point.
    small = cv2.resize(scene.person_mask.view(np.uint8), size, interpolation=cv2.INTER_LINEAR)
    # 16-bit labels are enough (a 160x160 plane has at most 6400 pieces) and, in OpenCV's
    # implementation, twice as fast as 32-bit ones on a plane this small.
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        small, connectivity=8, ltype=cv2.CV_16U
    )
    if count <= 2:  # the background and at most one piece: nobody else
        return {}
    areas = stats[:, cv2.CC_STAT_AREA]
    you = 0
    if (face := scene.primary_face) is not None:
        cx, cy = face.center
        col = min(size[0] - 1, int(cx) // BODY_STEP)
        row = min(size[1] - 1, int(cy) // BODY_STEP)
        you = int(labels[row, col])
        if you == 0:
            # Segmentation missed the face's centre (a hand, a hole): the piece covering
            # most of the face box is yours.
            x, y, w, h = (v // BODY_STEP for v in face.box)
            inside = labels[y : y + h + 1, x : x + w + 1]
            covered = np.bincount(inside.ravel(), minlength=count)[1:]
            if covered.any():
                you = 1 + int(np.argmax(covered))
    if you == 0:
        you = 1 + int(np.argmax(areas[1:]))
    others = areas.copy()
    others[[0, you]] = 0
    label = int(np.argmax(others))
    if others[label] == 0:
        return {}
    x, y, w, h, area = (int(v) for v in stats[label])
    measured = {"second_body_share": area / float(small.size)}
    # Back to working-frame pixels.
    box = (x * BODY_STEP, y * BODY_STEP, w * BODY_STEP, h * BODY_STEP)
    measured.update(box_measures("second_body", box))
    return measured
