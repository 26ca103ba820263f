"""framing.*: where the face sits in the picture: cut off, off centre, too close, too far, too low.

Rules, all on the working frame and the primary face box (MediaPipe's box runs from the
brows to the chin and is square):

* framing.cut_off: more than the table's share of the head lies outside the picture. The
  head is the face box widened to its own height where the frame clips it, and raised to
  the crown: the eyes sit halfway between crown and chin (the classical head proportions),
  so the crown is as far above the eyes as the chin is below them.
* framing.off_center: the face's centre is further than the limit from the picture's
  vertical midline, as a share of the width. The rule of thirds puts a subject 1/6 off
  centre, which is fine; further looks like a mistake.
* framing.too_close: the face box's height as a share of the picture's height: whether
  the head leaves room below it for the shoulders. A portrait frame has that room even when
  the face fills its width (a press headshot), a face crop has not.
* framing.too_far: the face box's height as a share of the picture's short side (its
  height in a landscape frame), so a standing person in a portrait photo counts as far too.
* framing.headroom: the eyes lie lower than the limit, as a share of the picture's height
  from the top: a lot of ceiling above a sunken head (a laptop camera tilted up). Broadcast
  framing puts the eyes near the upper third.

Framing is judged on one person only: where a second face at least the table's share as
wide as the main one is in the picture (a group, two people at one camera), which face to
frame and how is a matter of taste, so no framing finding fires (framing_peer_ratio).
"""

from __future__ import annotations

from collections.abc import Mapping

from camcheck.analyzers.base import Analyzer
from camcheck.scene import Scene

# The crown lies about half a face box above the box's top (the box runs from the brows to
# the chin; the eyes sit halfway between crown and chin).
CROWN_ABOVE_BOX = 0.5
# A box edge within this many pixels of the frame's edge was clipped there by the detector.
EDGE_PX = 2
# A row of the face's columns belongs to the head when the person mask covers more than
# this share of it (hair frays the mask's edge; half the columns is the head, not a strand).
HEAD_MASK_COVER = 0.5


def head_top_share(scene: Scene) -> float:
    """The top of the head (hair included) as a share of the picture's height.

    The first row above the face where the person mask covers most of the face's columns;
    the face box's top where it never does (a bald head the mask trims, or no mask there).
    A large face's eyes sit low in the frame however tight the crop, so headroom is read from
    the head's top, not from the eyes alone.
    """
    face = scene.primary_face
    assert face is not None
    x, y, w, _ = face.box
    top = max(0, y)
    band = scene.person_mask[:top, max(0, x) : max(0, x) + max(1, w)]
    if band.size:
        covered = band.mean(axis=1) > HEAD_MASK_COVER
        if covered.any():
            top = int(covered.argmax())
    return top / scene.size[1]


def head_outside_share(scene: Scene) -> float:
    """Share of the estimated head (crown to chin, the face box's width) outside the frame."""
    face = scene.primary_face
    assert face is not None
    width, height = scene.size
    x, y, w, h = face.box
    side = max(w, h)  # the unclipped box is square
    left = x + w - side if x <= EDGE_PX else x
    right = x + side if x + w >= width - EDGE_PX else x + w
    bottom = y + side if y + h >= height - EDGE_PX else y + h
    top = y + h - side if y <= EDGE_PX else y
    if face.eye_y is not None:
        top = min(top, 2 * face.eye_y - bottom)
    area = (right - left) * (bottom - top)
    if area <= 0:
        return 0.0
    inside = (min(right, width) - max(left, 0)) * (min(bottom, height) - max(top, 0))
    return max(0.0, 1.0 - max(0.0, inside) / area)


def peer_ratio(scene: Scene) -> float:
    """Width of the widest other face as a share of the primary face's width (0: alone)."""
    face = scene.primary_face
    assert face is not None
    main = max(1, face.box[2])
    return max((other.box[2] for other in scene.faces[1:]), default=0) / main


class FramingAnalyzer(Analyzer):
    """Is the face whole, centred, at a good size and height in the picture?"""

    check_ids = (
        "framing.cut_off",
        "framing.off_center",
        "framing.too_close",
        "framing.too_far",
        "framing.headroom",
    )

    def measure(self, scene: Scene) -> dict[str, float]:
        face = scene.primary_face
        if face is None:
            return {}
        width, height = scene.size
        _, y, w, h = face.box
        center_x, _ = face.center
        eye_y = face.eye_y if face.eye_y is not None else y + h / 3
        # The unclipped box is square: its longer side is the face's height.
        side = max(w, h)
        return {
            "head_outside_share": head_outside_share(scene),
            "face_offset": abs(center_x - width / 2) / width,
            "face_size_share": side / min(width, height),
            "face_height_share": side / height,
            "eye_line_share": eye_y / height,
            "head_top_share": head_top_share(scene),
            "framing_peer_ratio": peer_ratio(scene),
        }

    def region(
        self, check_id: str, scene: Scene, measured: Mapping[str, float]
    ) -> tuple[int, int, int, int] | None:
        box = scene.face_box
        if box is None or check_id != "framing.headroom":
            return box
        # Headroom is about the empty space above the head, so that is what gets marked.
        x, y, w, h = box
        crown = max(0, round(y - h * CROWN_ABOVE_BOX))
        return (x, 0, w, crown) if crown > 0 else box
