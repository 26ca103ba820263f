"""background.intrusion: someone or something else in the picture with you (a person, a cat).

Judged only when your face was found: "someone else" is someone besides you, and without a
face face.not_found leads. "Your face" is the primary face when face.not_found's own rule,
read on that face alone, takes it for a face: a clock or a cockatoo the detector mistakes
for a face (and the segmentation for a person) is no "you" for others to intrude on. In a
clip the landmark model sees your face again and again, so there it must also fit a human
face's landmarks (face.not_found's FACE_FIT_MIN) on the frames counted as you: a real face
fits on nearly all of them (a hand passing over it for a moment), a pink cockatoo's head,
which has skin's colour and lies on the person mask, on none; or the pose detector must
find a person anchored on it (a face in profile, which the landmark model rejects, is a
person's; a cockatoo's head is no one's). Four signs, each measured apart from you; which
of them counts, and from what size, is the check table's rule:

- A second face of real prominence: its width as a share of yours, its detector score, how
  much of it lies on the person mask, and how well it fits a face's landmarks (the
  landmark model's presence; a raised hand the detector takes for a face does not fit).
  A portrait on the wall behind you is seen at the wall's distance and printed smaller
  than life, so its face is much narrower than yours; a logo or a pattern the detector
  mistakes for a face is not on the person mask (the segmentation model marks people,
  not pictures), while a real person's face is. A detection whose centre lies inside your
  own face box is half of your face found twice, as another face there would be hidden.
- A second body: the segmentation model marks every person as "person", so someone
  standing or walking behind you is a separate piece of the person mask. Yours is the
  piece under the centre of your face. Your own raised arm, cut off from you by the
  segmentation, is a separate piece too; it lies close to you and holds the hand, which
  the detector often takes for a face that the landmark model then rejects. Both are
  read over the last PIECE_MEMORY_S, as the detector misses the hand on some frames.
  The piece's height beside your face's tells a person or a pet (most of a face's height
  even further back) from a microphone held up or a sleeve cut off from you.
- In a video or live run, a person the pose detector finds besides you (its people are
  held between its looks, perception.PEOPLE_EVERY_S): someone turned away, small or half
  hidden behind you, whose face no face detector sees and whose body the segmentation joins
  to yours, so that it is no separate piece. People it finds in the run's first
  COMPANION_START_S (from your face's first frame) are companions, as are separate pieces
  of the person mask lying there then (your own hand held up, a hand holding a camera):
  someone entering arrives later.
- In a video or live run, something moving through the background: a child or a cat
  crossing behind you. The frame is compared with one about MOTION_BASE_S earlier, on a
  small luma plane and only where both frames are background. The camera's own motion is
  taken out first (a global shift by phase correlation, kept only when it lowers the
  difference), then auto exposure (the frames' gain and offset), then noise (a robust
  noise estimate). What remains is split into blobs, and the largest is followed from
  comparison to comparison. Texture that moves in place (leaves in the wind, a screen,
  water, the view through a car window) changes pixels but goes nowhere, and compression
  noise comes and goes at random; something entering the room travels, onto ground that
  stood still a moment before. So the blob's net travel over the last TRACK_S seconds,
  its straightness, its compactness and how much its place moved HISTORY_MIN_S to
  HISTORY_MAX_S earlier are measured beside its size, and how much of it a slide of the
  earlier plane by a cell or two explains (an edge that slid as the camera drifted, which
  the global shift leaves where the scene has depth). The Session then keeps a finding
  only when it lasts.
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Callable, Mapping

import cv2
import numpy as np

from camcheck.analyzers.base import Analyzer
from camcheck.analyzers.face import takes_for_face
from camcheck.checks import CHECKS, FACE_FIT_MIN, SECOND_FACE_FIT_MIN
from camcheck.measures import (
    MIN_BACKGROUND_SHARE,
    box_keys,
    box_measures,
    box_region,
)
from camcheck.scene import FACE_ON_PERSON_MIN, Face, Person, Scene

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
# The exposure match and the noise estimate read the median of every this-many-th
# background pixel of the small plane (still 2000 or more of them).
MEDIAN_STRIDE = 2
# MAD to sigma for normally distributed noise.
MAD_TO_SIGMA = 1.4826
# Too little background (under measures.MIN_BACKGROUND_SHARE of the plane) and motion is
# not judged.
# The camera's own shift between the compared frames is only searched up to this share of
# the plane's width (a hand-held camera or a laptop nudged moves a few per cent in 0.1 s);
# a larger estimate is a mismatch, not a pan.
MAX_CAMERA_SHIFT = 0.15
# When the planes differ by no more than this (median absolute difference, luma levels),
# the camera stood still and its shift is not searched: sensor noise after the 4x area
# average differs by about one level, a hand-held camera by several.
STILL_CAMERA_LEVELS = 2.0
# The moving blob is followed from comparison to comparison when its centre moved less
# than this share of the frame's width since the last one (a cat walks about 5% in 0.1 s);
# otherwise a new track starts.
TRACK_GATE = 0.15
# Its travel is the distance between its first and last centres over at most this long.
TRACK_S = 1.0
# A track survives frames without any moving blob for up to this long: a cat or a walker
# is hidden for a moment by a chair or your shoulder, and two frames of a 15 fps clip can
# differ too little where a plain-coloured body overlaps itself.
TRACK_GAP_S = 0.25
# Straightness is measured on the track's centres this far apart in time: from frame to
# frame at 30 fps a walking body's centre jitters by as much as it advances (its legs,
# the differencing's leading and trailing edges), which made a dog's straight walk read
# as 0.25; over 0.1 s it advances clearly.
STRAIGHT_STEP_S = 0.1
# Whether the moving blob's place already moved before: the share of the comparisons
# between HISTORY_MIN_S and HISTORY_MAX_S ago in which each of its pixels moved, averaged
# over the blob. Something entering the room moves where the background stood still a
# moment ago; leaves, water or a screen move in the same place all the time. The recent
# HISTORY_MIN_S are left out, since a walking body overlaps its own last positions.
HISTORY_MIN_S = 0.5
HISTORY_MAX_S = 2.0
# ... and judged only from this many such comparisons (a third of a second at 15 fps).
HISTORY_MIN_PLANES = 5
# How far the previous plane may shift, in cells of the small plane (each 4 working
# pixels, 0.6% of the frame's width), for a moving blob's pixels to count as explained by a
# small local slide (moving_unexplained): a hand-held camera's drift and its parallax move
# an edge a cell or two in 0.1 s; a walker or a pet crossing moves 3 to 8 cells, and what
# it covers or uncovers matches no nearby shift at all.
EXPLAIN_CELLS = 2
# ... and a pixel's residual counts as explained up to this share of the local step of the
# picture (the central difference, two cells wide, so a quarter of it is half a cell's
# step): the error of a slide that falls between whole cells.
SUBCELL_SHARE = 0.25
# How far back the presence of your face is counted.
FACE_PERSIST_S = 1.0
# In video the pose detector looks once every perception.PEOPLE_EVERY_S (0.4 s); its
# people are held until its next look, and forgotten when that is older than this (a
# stalled camera). Not fitted: a look falls on the first frame at or past its due time, so
# looks are at most 0.4 s plus one frame apart (tune intrusion clips and the real clips'
# low-resolution copies: the oldest look a person was held from, 0.37 s), and a new look
# always replaces the held one; the hold only ends a look's people where looks stop, and
# 1.0 s keeps them across one frame of a source as slow as 1.6 fps.
PEOPLE_HOLD_S = 1.0
# A pose detection anchored within this share of your face's width of your face's centre is
# you: its fixed square sits lower than the face box. Tune split (development corpus rebuilt
# 2026-12-02, 1988 clip frames with a face and a detection): the nearest detection's centre
# lies a median 0.37 face widths from your face's; 2% of the frames have none under 1.0
# (the detector missed you). Another person's head within a face width of your face's centre
# would be hidden by yours, so every detection there is you.
PERSON_YOU_GATE = 1.0
# ... and so is every detection anchored below your face's centre less than that far to its
# side: a head there would lie behind your own neck and chest, hidden, so what the detector
# took for a head there is part of you (your hands folded on your lap, which a starved
# 120-line JPEG q10 copy of the tune real clip latentsync-gh_demo1 showed it as a person at
# 0.70 on one look, 2.6 face widths under your face, firing for that look's 0.4 s).
# Geometry, as PERSON_YOU_GATE, not fitted: the tune walker only this sign finds
# (intr_walker_v1_03) is anchored two face widths to your side.

# The person mask is split into pieces on a plane this many times smaller than the working
# frame: it comes from a 256 px model (2.5 working pixels per model pixel), so little is
# lost, and labelling 160x90 cells costs a few hundredths of a millisecond.
BODY_STEP = 4
# A detection on a separate piece of the person mask that fits a face's landmarks this
# badly is a hand (checks.SECOND_FACE_FIT_MIN, the landmark model's own default): the raised
# hands of the held-out intr_neg_*_v1_01 clips fit 0.00 on every frame.
HAND_FIT_MAX = 0.5
# A separate piece is read together with the same piece (its box overlapping its box then
# by this IoU) over this long: the detector misses a raised hand on a few frames (7 of 91
# on the held-out intr_neg_screen_v1_01), and the arm's nearest point to you jumps from
# 0.024 to 0.10 of the frame's width when the segmentation trims your shoulder; an arm
# moves little in half a second.
PIECE_MEMORY_S = 0.5
PIECE_IOU = 0.5
# In a clip, how steadily the separate piece has been there: the share of the frames of the
# last this-many seconds before this one on which no piece overlapping its box was found
# (second_body_unsteady). Someone standing or walking behind you is segmented on frame
# after frame, where they move little between two frames; a piece the segmentation makes of
# a low-resolution camera's codec blocks and noise comes and goes from frame to frame.
PIECE_STEADY_S = 0.2
# In a clip or a live run, the faces besides yours seen in its first this-many seconds (from
# the frame where your face was first seen: before it nobody is kept company) are
# your companions (someone sitting with you in the call), as is a later face near where one
# of them was last seen: someone who walks or leans in arrives later. The synthetic
# intruders of the development corpus enter from 0.6 s on (most from 0.7 to 1.1 s), so
# companions are taken from the first 0.5 s only.
COMPANION_START_S = 0.5
# ... "near": its centre within this many of the companion's face widths of the
# companion's last place (a companion sways and turns by less than a face width between
# frames; a walker entering comes from the frame's edge) ...
COMPANION_GATE = 1.0
# ... and a companion the detector has not seen for this long is forgotten (someone else
# may sit down there later); a turned head is missed for a second or two.
COMPANION_MEMORY_S = 5.0
# A separate piece of the person mask lying in the run's first COMPANION_START_S is part of
# the scene (your own hand held up, a hand holding a camera at the frame's edge, a
# companion's body), and so is a later piece whose box overlaps that first box by this
# IoU: the place is remembered, not followed, so a pet already in view that walks off
# its first place is new again. Tune split (development corpus rebuilt 2026-12-02, per
# frame, the later pieces of 2% of the picture and 0.7 of your face's height or more,
# against the opening's pieces): the 197 such frames of the negative intrusion clips
# overlap an opening piece by 0.62 or more; the positives' intruders by 0.017 at most on
# 199 of their 200 frames, and on one of intr_walker_v2_00's by 0.48 (the walker crossing
# where a piece lay at the start, a frame that fires). 0.3 lies between that frame and the
# negatives (margins 0.18 and 0.32); not moved since it was set.
FIXTURE_IOU = 0.3


class IntrusionAnalyzer(Analyzer):
    """A second face or body in any frame; something travelling through the background."""

    check_ids = ("background.intrusion",)
    not_metrics = box_keys("second_face", "moving", "second_body", "second_person")
    reads_people = True

    def __init__(self) -> None:
        # (timestamp, luma plane, background mask) of recent frames, oldest first.
        self._history: deque[tuple[float, np.ndarray, np.ndarray]] = deque()
        # (timestamp, centre x, centre y) of the followed moving blob, in frame widths.
        self._track: deque[tuple[float, float, float]] = deque()
        # (timestamp, whether a face was found) of recent frames.
        self._faces: deque[tuple[float, bool]] = deque()
        # (timestamp, moving plane) of recent comparisons, newest last, and the sum of the
        # planes between HISTORY_MIN_S and HISTORY_MAX_S old (``_old_count`` of them).
        self._moved: deque[tuple[float, np.ndarray]] = deque()
        self._old: deque[tuple[float, np.ndarray]] = deque()
        self._old_sum: np.ndarray | None = None
        # (timestamp, box, gap to you or None, whether it held a hand, its widest fitting
        # face as a share of yours) of the separate
        # pieces of the person mask over the last PIECE_MEMORY_S.
        self._pieces: deque[tuple[float, tuple[float, ...], float | None, bool, float]] = deque()
        # (timestamp, box of the separate piece or None) of every frame of the last
        # PIECE_STEADY_S, the newest last.
        self._piece_frames: deque[tuple[float, tuple[float, ...] | None]] = deque()
        # When this run began, and [last seen, centre x, centre y, face width] of each
        # companion (a face there since the run's first COMPANION_START_S), in pixels.
        self._start: float | None = None
        self._companions: list[list[float]] = []
        # [last seen, x, y, w, h] of each separate piece of the person mask seen in the run's
        # first COMPANION_START_S (a companion's body, your hand held up, a chair), in pixels.
        self._fixtures: list[list[float]] = []
        # [last seen, centre x, centre y] of each person besides you the pose detector saw in
        # the run's first COMPANION_START_S, in pixels.
        self._seated: list[list[float]] = []
        # (timestamp, people) of the pose detector's last look, and per person the share of
        # its square on the person mask on that frame.
        self._people: tuple[float, tuple[Person, ...]] | None = None
        self._people_on: dict[int, float] = {}

    def measure(self, scene: Scene) -> dict[str, float]:
        if scene.people is not None:
            self._people = (scene.timestamp, scene.people)
            # The mask under each square is read on the frame the detector looked at: on
            # the frames after, someone walking has left the square where they were seen
            # (tune intr_walker_v1_03: 0.60, 0.52, 0.45, 0.16 over the four frames after a
            # look), and what it measured is whether the segmentation sees that person.
            self._people_on = {id(person): _on_mask(scene, person) for person in scene.people}
        primary = scene.primary_face
        if primary is not None and not _is_you(scene, primary, self._held_people(scene)):
            primary = None
        motion = self._motion(scene)
        now = scene.timestamp
        self._piece_frames.append((now, None))
        # The frame before this one is kept however old (a camera slower than 5 fps).
        while len(self._piece_frames) > 2 and now - self._piece_frames[0][0] > PIECE_STEADY_S:
            self._piece_frames.popleft()
        self._faces.append((now, primary is not None))
        while self._faces and now - self._faces[0][0] > FACE_PERSIST_S:
            self._faces.popleft()
        if primary is None:
            return {}
        if self._start is None:
            # The run's opening, whose people are companions, starts when you are first
            # seen: before that there is nobody for them to keep company.
            self._start = now
        # You are the face that persists: in a clip, the share of the last second's frames
        # with a face (1 for a still). A face the detector finds for a moment in a room
        # with nobody in it is no "you" for someone else to intrude on.
        measured: dict[str, float] = {
            "face_presence": sum(found for _, found in self._faces) / len(self._faces)
        }
        others = [face for face in scene.faces if face is not primary]
        stayed = self._follow_companions(now, others) if scene.source_kind != "image" else []
        if others:
            # Faces are sorted most prominent first: the first other face is the one to judge.
            face = others[0]
            width, height = scene.size
            measured["second_face_width_ratio"] = face.box[2] / max(primary.box[2], 1)
            measured["second_face_score"] = face.score
            measured["second_face_on_person"] = scene.box_on_person(face.box)
            measured["second_face_share"] = face.area / float(width * height)
            # How far its centre lies from yours, in half-widths (half-heights) of your face
            # box, the larger of the two: under 1 its centre lies inside your face box, where
            # another person's face would be hidden behind yours, so it is a second
            # detection of your own face (half of it, as in an old grey crop).
            px, py, pw, ph = primary.box
            fx, fy = face.center
            measured["second_face_apart"] = max(
                abs(fx - (px + pw / 2)) / max(pw / 2, 1.0),
                abs(fy - (py + ph / 2)) / max(ph / 2, 1.0),
            )
            if face.presence is not None:
                measured["second_face_fit"] = face.presence
            if scene.source_kind != "image":
                # 1 when this face has been there since the run began: a companion.
                measured["second_face_stayed"] = float(stayed[0])
            measured.update(box_measures("second_face", face.box))
        measured.update(self._second_person(scene, primary, measured["face_presence"]))
        body, gap = _second_body(scene)
        if body:
            self._remember_piece(now, body, gap)
            body["second_body_unsteady"] = (
                self._unsteady(now, body) if scene.source_kind != "image" else 0.0
            )
            # 1 when something on the piece is a person's: a face that fits a face's
            # landmarks, or a person the pose detector found (not you) anchored inside its
            # box. Foliage or a window's view the segmentation marks as a person has neither.
            body["second_body_person"] = float(
                body["second_body_person"] > 0
                or _person_on_piece(self._held_people(scene), primary, body)
            )
            # 1 when this piece has lain there since the run began (never in a still).
            body["second_body_stayed"] = (
                float(self._follow_fixtures(now, body)) if scene.source_kind != "image" else 0.0
            )
        measured.update(body)
        measured.update(motion)
        shares = {
            prefix: measured[key]
            for prefix, key in (
                ("second_face", "second_face_share"),
                ("second_body", "second_body_share"),
                ("second_person", "second_person_share"),
                ("moving", "moving_blob_share"),
            )
            if key in measured
        }
        if shares:
            # The share of the largest sign that holds on its own (the one the message
            # speaks of); of the largest of all when none does.
            fired = [share for prefix, share in shares.items() if _sign_fires(prefix, measured)]
            measured["intrusion_share"] = max(fired or shares.values())
        return measured

    def region(
        self, check_id: str, scene: Scene, measured: Mapping[str, float]
    ) -> tuple[int, int, int, int] | None:
        """The box of the sign that fired; of the largest one when several could have."""
        numbers = dict(measured)
        fired = [
            (numbers.get(key, 0.0), prefix)
            for prefix, key in (
                ("second_face", "second_face_share"),
                ("second_body", "second_body_share"),
                ("second_person", "second_person_share"),
                ("moving", "moving_blob_share"),
            )
            if f"{prefix}_x" in numbers and _sign_fires(prefix, numbers)
        ]
        if not fired:
            return None
        return box_region(max(fired)[1], numbers)

    def _second_person(self, scene: Scene, primary: Face, presence: float) -> dict[str, float]:
        """A person the pose detector found besides you (held between its looks in video),
        measured beside your face: the most confident one on whose numbers the table's rule
        holds, else the most confident one. ``presence`` is your face_presence.

        You are every detection anchored within PERSON_YOU_GATE of your face's width of your
        face's centre (the detector's box is a fixed square around the head, lower than the
        face box), or below it and less than that to its side (_yours). In video every other
        person is followed (_follow_people), so a companion the detector is surer of neither
        hides a newcomer nor makes one forget the others.
        """
        people = self._held_people(scene)
        if not people:
            return {}
        # Every detection anchored near your face is you: the detector's suppression keeps
        # two overlapping looks at one small head apart (their fixed squares overlap by
        # less than its IoU).
        others = [person for person in people if not _yours(person, primary)]
        if not others:
            return {}
        judged = [
            self._person_measures(scene, primary, person)
            for person in sorted(others, key=lambda p: p.score, reverse=True)
        ]
        return next(
            (m for m in judged if _sign_fires("second_person", m | {"face_presence": presence})),
            judged[0],
        )

    def _person_measures(self, scene: Scene, primary: Face, person: Person) -> dict[str, float]:
        """One person's second_person_* numbers beside your face."""
        assert self._people is not None
        now = scene.timestamp
        fw, fh = primary.box[2], primary.box[3]
        width, height = scene.size
        x0, y0, x1, y1 = _in_frame(scene, person)
        on_person = self._people_on.get(id(person))
        if on_person is None:
            on_person = _on_mask(scene, person)
        measured = {
            "second_person_score": person.score,
            "second_person_apart": _person_apart(person, primary),
            "second_person_on_person": on_person,
            # How large the upper body is beside your face: the radius of the circle
            # around it (keypoints 2 and 3) over your face box's height.
            "second_person_size": (
                float(np.hypot(*np.subtract(person.keypoints[3], person.keypoints[2]))) / max(fh, 1)
                if len(person.keypoints) >= 4
                else 0.0
            ),
            "second_person_share": float((x1 - x0) * (y1 - y0)) / float(width * height),
            "second_person_age": now - self._people[0],
        }
        if scene.source_kind != "image":
            measured["second_person_stayed"] = float(self._follow_people(now, person, fw))
        measured.update(box_measures("second_person", (x0, y0, x1 - x0, y1 - y0)))
        return measured

    def _held_people(self, scene: Scene) -> tuple[Person, ...]:
        """The people of the pose detector's last look, if it is recent (PEOPLE_HOLD_S)."""
        if self._people is None or scene.timestamp - self._people[0] > PEOPLE_HOLD_S:
            return ()
        return self._people[1]

    def _follow_people(self, now: float, person: Person, face_width: float) -> bool:
        """Whether this person besides you was there since the run began, or is near where
        such a person was last seen (within COMPANION_GATE of your face's width): a
        companion, as with faces (_follow_companions)."""
        cx, cy = person.center
        gate = COMPANION_GATE * max(face_width, 1.0)
        return self._seen_from_opening(
            self._seated,
            now,
            [now, cx, cy],
            lambda c: bool(np.hypot(cx - c[1], cy - c[2]) <= gate),
            follow=lambda c: float(np.hypot(cx - c[1], cy - c[2])),
        )

    def _remember_piece(self, now: float, body: dict[str, float], gap: Callable[[], float]) -> None:
        """Read the separate piece together with the same piece (its box overlapping by
        PIECE_IOU) over the last PIECE_MEMORY_S: it held a hand when it did in any of those
        frames (the detector misses a raised hand on some), and its gap to you, measured
        only for a piece that held a hand (the rule reads it for no other), is the smallest
        it had (the segmentation trims your shoulder on some frames)."""
        box = tuple(body[f"second_body_{k}"] for k in "xywh")
        while self._pieces and now - self._pieces[0][0] > PIECE_MEMORY_S:
            self._pieces.popleft()
        same = [p for p in self._pieces if _box_iou(box, p[1]) >= PIECE_IOU]
        # A limb of yours: a hand on it, or it reaches in from the frame's edge.
        held = bool(body["second_body_hand"]) or bool(body["second_body_edge"])
        apart = gap() if held or any(p[3] for p in same) else None
        ratio = body["second_body_face_ratio"]
        self._pieces.append((now, box, apart, held, ratio))
        # The widest face it held over those frames: the detector misses a turned head on
        # some.
        body["second_body_face_ratio"] = max([ratio, *(p[4] for p in same)])
        if apart is not None:
            # The piece was a limb in one of those frames: the rule reads its gap.
            if not body["second_body_edge"]:
                body["second_body_hand"] = 1.0
            body["second_body_gap"] = min([apart, *(p[2] for p in same if p[2] is not None)])

    def _unsteady(self, now: float, body: Mapping[str, float]) -> float:
        """The share of the frames of the last PIECE_STEADY_S before this one (at least the
        one before it) without a separate piece overlapping this one's box (0 on a clip's
        first frame, which has nothing before it to flicker against, as a still has not);
        this frame's piece joins them."""
        box = tuple(body[f"second_body_{k}"] for k in "xywh")
        earlier = list(self._piece_frames)[:-1]
        self._piece_frames[-1] = (now, box)
        if not earlier:
            return 0.0
        missing = sum(1 for _, other in earlier if other is None or _box_iou(box, other) <= 0)
        return missing / len(earlier)

    def _follow_fixtures(self, now: float, body: dict[str, float]) -> bool:
        """Whether the separate piece lies where one lay since the run began: its box
        overlaps such a piece's last box by FIXTURE_IOU. Someone who walks or leans in
        arrives later; a piece that stays is part of the scene, as a companion's face is."""
        box = tuple(body[f"second_body_{k}"] for k in "xywh")
        return self._seen_from_opening(
            self._fixtures,
            now,
            [now, *box],
            lambda f: _box_iou(box, tuple(f[1:])) >= FIXTURE_IOU,
            follow=None,
        )

    def _seen_from_opening(
        self,
        memory: list[list[float]],
        now: float,
        entry: list[float],
        matches: Callable[[list[float]], bool],
        *,
        follow: Callable[[list[float]], float] | None,
    ) -> bool:
        """Whether ``entry`` ([now, ...]) is one ``memory`` holds from the run's opening:
        some remembered entry ``matches`` it, or the opening (COMPANION_START_S) is still on
        and it is remembered now. With ``follow`` (how far a remembered entry lies from
        ``entry``) a person is followed where they move: the nearest matched entry not yet
        taken on this frame takes ``entry`` whole, as _follow_companions does with faces,
        and the others stay where they were (two people sitting close together stay two).
        Without it a place is remembered, not followed: every matched entry is seen again
        (its time). Entries unseen for COMPANION_MEMORY_S are forgotten (``memory`` is
        changed in place)."""
        assert self._start is not None
        memory[:] = [m for m in memory if now - m[0] <= COMPANION_MEMORY_S]
        same = [m for m in memory if matches(m)]
        if follow is None:
            for m in same:
                m[0] = now
        else:
            same = [m for m in same if m[0] < now]
            if same:
                min(same, key=follow)[:] = entry
        if not same and now - self._start <= COMPANION_START_S:
            memory.append(entry)
            return True
        return bool(same)

    def _follow_companions(self, now: float, others: list[Face]) -> list[bool]:
        """Per other face (in order), whether it is a companion: there since the run began
        (its first COMPANION_START_S), or near where a companion was last seen. Each face
        takes the nearest such companion not taken by a face before it on this frame, so
        two faces close together in the opening are two companions, not one followed back
        and forth."""
        assert self._start is not None
        opening = now - self._start <= COMPANION_START_S
        self._companions = [c for c in self._companions if now - c[0] <= COMPANION_MEMORY_S]
        stayed = []
        for face in others:
            if face.presence is not None and face.presence < SECOND_FACE_FIT_MIN:
                stayed.append(False)  # a hand or a pattern, nobody's face
                continue
            cx, cy = face.center
            width = float(face.box[2])
            # A companion another face took on this frame is that face's.
            near = [
                c for c in self._companions
                if c[0] < now and np.hypot(cx - c[1], cy - c[2]) <= COMPANION_GATE * max(c[3], 1.0)
            ]  # fmt: skip
            if near:
                nearest = min(near, key=lambda c: np.hypot(cx - c[1], cy - c[2]))
                nearest[:] = [now, cx, cy, width]
            elif opening:
                self._companions.append([now, cx, cy, width])
            stayed.append(bool(near) or opening)
        return stayed

    def _history_planes(self, now: float, moving: np.ndarray) -> np.ndarray | None:
        """Per pixel, in how many of the comparisons HISTORY_MIN_S to HISTORY_MAX_S ago
        (``len(self._old)``) it moved; None until at least HISTORY_MIN_PLANES such
        comparisons exist. Then ``moving`` joins the history."""
        if self._old_sum is not None and self._old_sum.shape != moving.shape:
            self._moved.clear()
            self._old.clear()
            self._old_sum = None
        while self._moved and now - self._moved[0][0] >= HISTORY_MIN_S:
            stamp, plane = self._moved.popleft()
            self._old.append((stamp, plane))
            if self._old_sum is None:
                self._old_sum = np.zeros(plane.shape, np.uint16)
            self._old_sum += plane
        while self._old and now - self._old[0][0] > HISTORY_MAX_S:
            _, plane = self._old.popleft()
            self._old_sum -= plane
        self._moved.append((now, moving))
        if len(self._old) < HISTORY_MIN_PLANES or self._old_sum is None:
            return None
        return self._old_sum

    def _motion(self, scene: Scene) -> dict[str, float]:
        width, height = scene.size
        size = (max(1, width // MOTION_STEP), max(1, height // MOTION_STEP))
        luma = cv2.resize(scene.luma8, size, interpolation=cv2.INTER_AREA)
        mask = cv2.resize(
            scene.background_mask.view(np.uint8), size, interpolation=cv2.INTER_NEAREST
        ).astype(bool)
        if scene.primary_face is not None and scene.face_box_on_person() < FACE_ON_PERSON_MIN:
            # The segmentation missed your face (a close-up it cuts into fragments): what it
            # calls background holds you, and your own motion would read as a blob.
            mask[...] = False
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
        current = luma.astype(np.float32)
        previous, old_mask, shift = _follow_camera(current, old_luma.astype(np.float32), old_mask)
        both = mask & old_mask
        if np.count_nonzero(both) < MIN_BACKGROUND_SHARE * luma.size:
            self._track.clear()
            return {}
        # Auto exposure scales the picture: match the gain (median ratio), then the offset.
        usable = both & (previous >= GAIN_MIN_LUMA)
        gain = _median(current[usable] / previous[usable]) if usable.any() else 1.0
        residual = current - gain * previous
        offset = _median(residual[both])
        residual -= offset
        sigma = MAD_TO_SIGMA * _median(np.abs(residual[both]))
        limit = max(MOTION_SIGMAS * sigma, float(MOTION_MIN_LEVELS))
        moving = ((np.abs(residual) > limit) & both).astype(np.uint8)
        moving = cv2.morphologyEx(moving, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
        history = self._history_planes(now, moving)
        count, labels, stats, centroids = cv2.connectedComponentsWithStats(moving, connectivity=8)
        measured = {
            "background_motion_share": float(np.count_nonzero(moving)) / luma.size,
            "camera_shift": shift / size[0],
        }
        if count <= 1:
            if self._track and now - self._track[-1][0] > TRACK_GAP_S:
                self._track.clear()
            return measured
        label = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
        x, y, w, h, area = (int(v) for v in stats[label])
        # The tracked centre is that of all moving pixels near the largest blob, not the
        # blob's own: differencing splits a plain-coloured animal into its leading and
        # trailing edges, and a fluttering plant into pieces that come and go; their mass
        # centre stays on the animal, and on the plant.
        bx, by = (float(v) for v in centroids[label])
        ys, xs = np.nonzero(moving)
        gate = TRACK_GATE * size[0]
        near = np.hypot(xs - bx, ys - by) <= gate
        cx, cy = float(xs[near].mean()) / size[0], float(ys[near].mean()) / size[0]
        if self._track and (
            np.hypot(cx - self._track[-1][1], cy - self._track[-1][2]) > TRACK_GATE
            or now - self._track[-1][0] > TRACK_GAP_S
        ):
            self._track.clear()
        self._track.append((now, cx, cy))
        while self._track and now - self._track[0][0] > TRACK_S:
            self._track.popleft()
        points = _spaced(self._track)
        travel = float(np.hypot(*(points[-1] - points[0])))
        path = float(np.hypot(*np.diff(points, axis=0).T).sum()) if len(points) > 1 else 0.0
        if history is not None:
            measured["moving_moved_before"] = float(history[labels == label].mean()) / len(
                self._old
            )
        measured.update(
            moving_blob_share=area / float(luma.size),
            moving_blob_fill=area / float(w * h),
            moving_travel=travel,
            # 1 for a straight walk, small for a centre that jitters back and forth.
            moving_straightness=travel / path if path > 0 else 0.0,
            moving_track_s=now - self._track[0][0],
            moving_unexplained=_unexplained(
                current,
                gain * previous + offset,
                labels[y : y + h, x : x + w] == label,
                (x, y, w, h),
                limit,
            ),
        )
        # Back to working-frame pixels.
        box = (x * MOTION_STEP, y * MOTION_STEP, w * MOTION_STEP, h * MOTION_STEP)
        measured.update(box_measures("moving", box))
        return measured


def _unexplained(
    current: np.ndarray,
    previous: np.ndarray,
    blob: np.ndarray,
    box: tuple[int, int, int, int],
    limit: float,
) -> float:
    """The share of the blob's pixels that still moved when the previous plane (exposure
    matched) may shift by up to EXPLAIN_CELLS cells there, each pixel taking its best shift.

    An edge that slid a pixel or two (a dark object at the frame's edge as a hand-held
    camera drifts, parallax the global shift cannot take out) is explained by such a small
    shift; a body arriving on the wall is not, as the wall there looked otherwise a moment
    ago and the body moved further than that.
    """
    x, y, w, h = box
    r = EXPLAIN_CELLS
    padded = np.pad(previous, r, mode="edge")
    here = current[y : y + h, x : x + w]
    best = np.abs(here - previous[y : y + h, x : x + w])
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            if dx or dy:
                moved = padded[y + r + dy : y + r + dy + h, x + r + dx : x + r + dx + w]
                np.minimum(best, np.abs(here - moved), out=best)
    # A slide rarely lands on whole cells: between two whole-cell shifts an edge is off by
    # up to half a cell, which leaves half its step per cell (the central difference).
    around = np.pad(current, 1, mode="edge")[y : y + h + 2, x : x + w + 2]
    step = np.maximum(
        np.abs(around[1:-1, 2:] - around[1:-1, :-2]), np.abs(around[2:, 1:-1] - around[:-2, 1:-1])
    )
    left = best[blob] > limit + SUBCELL_SHARE * step[blob]
    return float(np.count_nonzero(left)) / max(int(np.count_nonzero(blob)), 1)


def _spaced(track: deque[tuple[float, float, float]]) -> np.ndarray:
    """The track's centres at least STRAIGHT_STEP_S apart in time, from its first to its
    newest (always both): the points its straightness is read on."""
    kept = [track[0]]
    for point in list(track)[1:-1]:
        if point[0] - kept[-1][0] + 1e-6 >= STRAIGHT_STEP_S:
            kept.append(point)
    if len(track) > 1:
        kept.append(track[-1])
    return np.array([(px, py) for _, px, py in kept])


def _person_apart(person: Person, face: Face) -> float:
    """How far the head a pose detection is anchored on lies from ``face``'s centre, in
    widths of the face."""
    cx, cy = person.center
    fx, fy = face.center
    return float(np.hypot(cx - fx, cy - fy)) / max(face.box[2], 1)


def _yours(person: Person, face: Face) -> bool:
    """Whether a pose detection is you: anchored within PERSON_YOU_GATE of your face's width
    of ``face``'s centre, or below it less than that far to its side (hidden behind you)."""
    cx, cy = person.center
    fx, fy = face.center
    if _person_apart(person, face) < PERSON_YOU_GATE:
        return True
    return cy > fy and abs(cx - fx) < PERSON_YOU_GATE * max(face.box[2], 1)


def _on_mask(scene: Scene, person: Person) -> float:
    """The share of the square a pose detection is anchored on that lies on the person
    mask (the part inside the frame)."""
    x0, y0, x1, y1 = _in_frame(scene, person)
    return float(scene.person_mask[y0:y1, x0:x1].mean()) if x1 > x0 and y1 > y0 else 0.0


def _in_frame(scene: Scene, person: Person) -> tuple[int, int, int, int]:
    """The corners (x0, y0, x1, y1) of the part of a pose detection's square in the frame."""
    width, height = scene.size
    x, y, w, h = person.box
    return max(0, x), max(0, y), min(width, x + w), min(height, y + h)


def _person_on_piece(people: tuple[Person, ...], primary: Face, body: Mapping[str, float]) -> bool:
    """Whether a person the pose detector found besides you (not _yours) has the head it is
    anchored on inside the piece's box."""
    x, y, w, h = (body[f"second_body_{k}"] for k in "xywh")
    for person in people:
        if _yours(person, primary):
            continue
        cx, cy = person.center
        if x <= cx <= x + w and y <= cy <= y + h:
            return True
    return False


def _is_you(scene: Scene, face: Face, people: tuple[Person, ...] = ()) -> bool:
    """Whether face.not_found's rule, on this face's own numbers, takes it for a face; in a
    clip, whether it also fits a human face's landmarks, or the pose detector finds a person
    anchored on it (``people``: a face in profile, which the landmark model rejects)."""
    # Without a presence the landmark model did not run (a synthetic scene): no evidence.
    fits = face.presence is None or face.presence >= FACE_FIT_MIN
    held = any(_person_apart(person, face) < PERSON_YOU_GATE for person in people)
    if scene.source_kind != "image" and not fits and not held:
        return False
    return takes_for_face(scene, face)


def _sign_fires(prefix: str, measured: Mapping[str, float]) -> bool:
    """Whether the table's rule holds on this sign's numbers alone."""
    keys = {
        "second_face": ("second_face_",),
        "second_body": ("second_body_",),
        "second_person": ("second_person_",),
        "moving": ("moving_",),
    }[prefix]
    alone = {k: v for k, v in measured.items() if k.startswith(keys) or k == "face_presence"}
    return CHECKS["background.intrusion"].fires(alone)


def _follow_camera(
    current: np.ndarray, previous: np.ndarray, previous_mask: np.ndarray
) -> tuple[np.ndarray, np.ndarray, float]:
    """The previous plane (and its mask) shifted as the camera moved; the shift's length.

    Phase correlation (Kuglin & Hines 1975) on the whole plane finds the dominant shift. It
    may be the person's sway rather than the camera's, so it is kept only when it makes the
    two planes agree better than no shift does.
    """
    rows, cols = current.shape
    if rows < 8 or cols < 8:
        return previous, previous_mask, 0.0
    unshifted = _median_abs(current - previous)
    if unshifted <= STILL_CAMERA_LEVELS:
        return previous, previous_mask, 0.0
    window = _hanning(cols, rows)
    (dx, dy), _ = cv2.phaseCorrelate(previous, current, window)
    length = float(np.hypot(dx, dy))
    if length < 0.5 or length > MAX_CAMERA_SHIFT * cols:
        return previous, previous_mask, 0.0
    matrix = np.float32([[1, 0, dx], [0, 1, dy]])
    moved = cv2.warpAffine(previous, matrix, (cols, rows), borderMode=cv2.BORDER_REPLICATE)
    moved_mask = cv2.warpAffine(
        previous_mask.view(np.uint8), matrix, (cols, rows), flags=cv2.INTER_NEAREST
    ).astype(bool)
    if _median_abs(current - moved) < unshifted:
        return moved, moved_mask, length
    return previous, previous_mask, 0.0


def _median_abs(difference: np.ndarray) -> float:
    return _median(np.abs(difference).ravel())


def _median(values: np.ndarray) -> float:
    """The median of every MEDIAN_STRIDE-th value (the upper middle one of an even count):
    of thousands of background pixels, half tell the picture's gain, offset and noise as
    well as all of them, at half the cost of the partition."""
    sample = values[::MEDIAN_STRIDE]
    middle = sample.size // 2
    return float(np.partition(sample, middle)[middle])


@functools.lru_cache(maxsize=4)
def _hanning(cols: int, rows: int) -> np.ndarray:
    """The phase correlation's window for a plane of this size (made once per size)."""
    return cv2.createHanningWindow((cols, rows), cv2.CV_32F)


def _second_body(scene: Scene) -> tuple[dict[str, float], Callable[[], float]]:
    """The largest piece of the person mask that is not the person at the camera, and how
    to measure its gap to you (frame widths), which costs a distance transform."""
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
        return {}, _no_gap
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
        return {}, _no_gap
    x, y, w, h, area = (int(v) for v in stats[label])
    measured = {
        "second_body_share": area / float(small.size),
        "second_body_hand": float(_holds_hand(scene, labels, label, size)),
        "second_body_face_ratio": _face_on_piece(scene, labels, label, size),
        # A face on it that the landmark model looked at and found fitting (only the two
        # most prominent faces get a look; one without is no sign of a person here, though
        # for the companion's veto above it counts). The pose detector's sign joins it in
        # IntrusionAnalyzer.measure.
        "second_body_person": _face_on_piece(scene, labels, label, size, looked_at=True),
        # Whether it reaches the frame's left, right or bottom edge: your forearm, raised to
        # your face (a trimmer, a phone, a cup) and cut off from you by the segmentation,
        # comes in from outside the picture; someone behind you may too, but then stands
        # further from you than HAND_GAP_MAX.
        "second_body_edge": float(x == 0 or x + w >= size[0] or y + h >= size[1]),
    }
    if face is not None:
        # How tall the piece is beside your face: someone standing or leaning in behind
        # you, or a pet, is most of your face's height even at twice your distance; a
        # microphone held up or a sleeve the segmentation cut off from you is shorter.
        measured["second_body_height"] = h * BODY_STEP / max(face.box[3], 1)

    def gap() -> float:
        # How far the piece lies from yours: an arm the segmentation cut off from you lies
        # a few cells away, someone walking behind you usually further.
        # You are your piece and your face's box: where the segmentation missed your face
        # (a close-up it cuts into fragments), a hand raised to it is still near you.
        yours = labels == you
        if face is not None:
            fx, fy, fw, fh = (v // BODY_STEP for v in face.box)
            yours[max(0, fy) : fy + fh + 1, max(0, fx) : fx + fw + 1] = True
        apart = cv2.distanceTransform((~yours).view(np.uint8), cv2.DIST_L2, 3)
        return float(apart[labels == label].min()) / size[0]

    # Back to working-frame pixels.
    box = (x * BODY_STEP, y * BODY_STEP, w * BODY_STEP, h * BODY_STEP)
    measured.update(box_measures("second_body", box))
    return measured, gap


def _no_gap() -> float:
    return 0.0


def _on_piece(face: Face, labels: np.ndarray, label: int, size: tuple[int, int]) -> bool:
    """Whether ``face``'s centre lies on the piece ``label`` of the small label plane."""
    cx, cy = face.center
    col = min(size[0] - 1, int(cx) // BODY_STEP)
    row = min(size[1] - 1, int(cy) // BODY_STEP)
    return int(labels[row, col]) == label


def _holds_hand(scene: Scene, labels: np.ndarray, label: int, size: tuple[int, int]) -> bool:
    """Whether a detection the landmark model rejected (a raised hand the detector took for
    a face) lies on the piece ``label``: then the piece is your own arm, cut off from you by
    the segmentation, not someone else. Only faces the landmark model looked at count."""
    for face in scene.faces[1:]:
        if face.presence is None or face.presence >= HAND_FIT_MAX:
            continue
        if _on_piece(face, labels, label, size):
            return True
    return False


def _face_on_piece(
    scene: Scene, labels: np.ndarray, label: int, size: tuple[int, int], *, looked_at: bool = False
) -> float:
    """The width of the widest face on the piece ``label`` that fits a face's landmarks, as
    a share of yours (0 when it holds none): a piece holding a face of about your size is
    someone at about your distance, beside you. A face the landmark model did not look at
    counts too, unless ``looked_at``: then only faces it looked at and found fitting."""
    primary = scene.primary_face
    if primary is None:
        return 0.0
    widest = 0
    for face in scene.faces:
        if face is primary or (face.presence is not None and face.presence < SECOND_FACE_FIT_MIN):
            continue
        if looked_at and face.presence is None:
            continue
        if _on_piece(face, labels, label, size):
            widest = max(widest, face.box[2])
    return widest / max(primary.box[2], 1)


def _box_iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Intersection over union of two (x, y, w, h) boxes."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    w = max(0.0, min(ax + aw, bx + bw) - max(ax, bx))
    h = max(0.0, min(ay + ah, by + bh) - max(ay, by))
    union = aw * ah + bw * bh - w * h
    return w * h / union if union > 0 else 0.0
