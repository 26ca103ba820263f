"""The Scene: one frame with what perception found in it, and cheap planes derived on demand."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import cv2
import numpy as np

# Person-mask confidence above which a pixel belongs to the person (MediaPipe's own default).
PERSON_CONFIDENCE = 0.5
# Margin kept between the person and what counts as background, as a share of the frame
# diagonal: hair, ears and shoulder edges are never judged as background. 3% is about 20 px
# at 640x360, wider than the blur of the 256x144 segmentation mask after upscaling.
BACKGROUND_MARGIN = 0.03
# The background margin is grown on a mask this many times smaller than the frame.
MASK_STEP = 4
# Share of the face box's half width/height covered by the skin ellipse. The detector's box
# runs from the brows to the chin; 0.85 keeps the ellipse on skin and off hair and background.
FACE_ELLIPSE_FILL = 0.85
# MediaPipe's face mesh outline (FACEMESH_FACE_OVAL), in order around the face: forehead
# top, down the image-right cheek to the chin and back up. Indices into the 478 landmarks.
FACE_OVAL = (
    10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377,
    152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
)  # fmt: skip
# The skin zones of the face (forehead, both cheeks, nose), as ISO/IEC 29794-5 (OFIQ) reads
# a face's light on skin: each the convex hull of these face-mesh points, chosen on the
# landmarks drawn over frontal and turned faces of the development corpus (a test checks
# them on the fixtures' faces, tests/test_lighting.py). They keep off hair, brows, eyes,
# beard, lips and the background the outline can touch at the sides. The cheeks start
# below the points under the eyes (117 to 119), where the rim of a pair of glasses sits.
SKIN_ZONES = {
    "forehead": (69, 108, 151, 337, 299, 296, 336, 9, 107, 66),
    "cheek_right": (123, 50, 101, 36, 205, 187, 147),
    "cheek_left": (352, 280, 330, 266, 425, 411, 376),
    "nose": (168, 6, 197, 195, 5, 4, 1, 45, 275, 220, 440, 51, 281, 122, 351, 188, 412),
}  # fmt: skip
# Fewer zone pixels than this and the skin zones are too small to stand for the face: its
# whole outline is read instead. The zones cover 12 to 18% of the square of the face box's
# width on the development corpus, so this is a face about 38 px wide; as many pixels as the
# light checks need of a face at all (exposure.MIN_FACE_PIXELS).
MIN_SKIN_ZONE_PIXELS = 200
# If the person mask covers less than this share of the face ellipse, segmentation failed
# there and the face mask is the plain ellipse.
FACE_ON_PERSON_MIN = 0.5
# Which face is "you": the most prominent, its area weighted by how central it is. A face
# whose centre is at a corner of the frame counts this share of its area, one in the middle
# all of it (linear in between): someone beside you must be clearly larger to take the
# place of the person in the middle, as a camera is aimed at the person using it.
CORNER_WEIGHT = 0.5
# ... and a face the landmark model has rejected (face presence under MediaPipe's
# FaceLandmarker default, 0.5) that lies off the person mask (under the share below) is no
# one's face: a flower in a poster or a pattern the detector took for one. It keeps this
# share of its prominence, so that any face of a person comes first. On the development
# corpus a dahlia poster larger than the person's face was "you" (bg_banner_v1_01,
# bg_poster_v1_06: the poster was then left out of the background as your face).
UNFIT_PRESENCE = 0.5
UNFIT_OFF_PERSON = 0.35
UNFIT_WEIGHT = 0.01


# The face detector's keypoints, in MediaPipe's order (see Face).
RIGHT_EYE, LEFT_EYE, NOSE_TIP, MOUTH = 0, 1, 2, 3


@dataclass(frozen=True)
class Face:
    """One detected face, in the pixels of the scene's frame.

    Keypoints follow MediaPipe's face detector: the person's right eye, left eye, nose tip,
    mouth centre, right ear tragion, left ear tragion (the person's right is on the image's
    left in an unmirrored frame).
    """

    box: tuple[int, int, int, int]
    score: float
    keypoints: tuple[tuple[float, float], ...] = ()
    # MediaPipe's 478 face-mesh points (x, y in frame pixels, z relative depth in pixels), or
    # None. Perception fills them for the primary face only.
    landmarks: np.ndarray | None = field(default=None, compare=False, repr=False)
    # The landmark model's face presence (0 to 1) on this face where it ran, else None: how
    # well the face fits a human face's geometry (an animal's or a clock's "face" does not).
    presence: float | None = field(default=None, compare=False)

    @property
    def area(self) -> int:
        return self.box[2] * self.box[3]

    @property
    def eye_y(self) -> float | None:
        """Height of the eye line (the mean of the two eyes' keypoints), if they were found."""
        if len(self.keypoints) <= LEFT_EYE:
            return None
        return (self.keypoints[RIGHT_EYE][1] + self.keypoints[LEFT_EYE][1]) / 2

    @property
    def center(self) -> tuple[float, float]:
        x, y, w, h = self.box
        return x + w / 2, y + h / 2


@dataclass(frozen=True)
class Person:
    """One person found by MediaPipe's pose detector (BlazePose's), in the frame's pixels.

    The detector is anchored on the head: ``box`` is a fixed-size square around it (the
    model regresses no size), and its four keypoints are MediaPipe's: the middle of the hips,
    a point on the circle around the whole body, the middle of the shoulders and a point on
    the circle around the upper body.
    """

    box: tuple[int, int, int, int]
    score: float
    keypoints: tuple[tuple[float, float], ...] = ()

    @property
    def center(self) -> tuple[float, float]:
        x, y, w, h = self.box
        return x + w / 2, y + h / 2


@dataclass
class Scene:
    """A frame prepared for the analyzers: pixels, faces and the person mask.

    Attributes:
        frame: RGB uint8 image at working resolution (the long side at most 640 px).
        faces: Faces found in it, most prominent first (see :meth:`prominence`).
        person: Person confidence in [0, 1] per pixel, same size as ``frame``.
        source_size: ``(width, height)`` of the frame as the source delivered it.
        timestamp: Seconds since the start of the source.
        index: Frame number in the source.
        source_kind: What delivered it: "image", "video" or "camera". Checks of the camera
            itself (resolution, frame rate) only judge "camera".
        requested_size: The ``(width, height)`` camcheck asked the camera for; None for files.
        people: People the pose detector found, most confident first; None where it did
            not look (a synthetic scene, or a video frame between its looks).
    """

    frame: np.ndarray
    faces: tuple[Face, ...] = ()
    person: np.ndarray | None = None
    source_size: tuple[int, int] = (0, 0)
    timestamp: float = 0.0
    index: int = 0
    source_kind: str = "image"
    requested_size: tuple[int, int] | None = None
    people: tuple[Person, ...] | None = None

    def __post_init__(self) -> None:
        height, width = self.frame.shape[:2]
        if self.person is None:
            self.person = np.zeros((height, width), np.float32)
        if self.source_size == (0, 0):
            self.source_size = (width, height)
        self.sort_faces()

    @property
    def size(self) -> tuple[int, int]:
        """``(width, height)`` of the working frame."""
        return self.frame.shape[1], self.frame.shape[0]

    def prominence(self, face: Face) -> float:
        """A face's area weighted by how central it is (CORNER_WEIGHT), and whether it is a
        person's (UNFIT_WEIGHT)."""
        width, height = self.size
        cx, cy = face.center
        off = float(np.hypot(cx - width / 2, cy - height / 2)) / max(
            float(np.hypot(width / 2, height / 2)), 1.0
        )
        weight = 1.0 - (1.0 - CORNER_WEIGHT) * min(off, 1.0)
        if (
            face.presence is not None
            and face.presence < UNFIT_PRESENCE
            and self.box_on_person(face.box) < UNFIT_OFF_PERSON
        ):
            weight *= UNFIT_WEIGHT
        return face.area * weight

    def sort_faces(self) -> None:
        """Order ``faces`` most prominent first again (after perception learned more)."""
        self.faces = tuple(sorted(self.faces, key=self.prominence, reverse=True))

    @property
    def primary_face(self) -> Face | None:
        """The most prominent face (largest and most central): the person at the camera."""
        return self.faces[0] if self.faces else None

    @property
    def face_box(self) -> tuple[int, int, int, int] | None:
        """The primary face's box: the region of findings about the face."""
        return self.faces[0].box if self.faces else None

    def face_box_on_person(self) -> float:
        """The share of the primary face's box on the person mask; 0 without a face."""
        return self.box_on_person(self.faces[0].box) if self.faces else 0.0

    def box_on_person(self, box: tuple[int, int, int, int]) -> float:
        """The share of a box (x, y, w, h; clipped to the frame, as a face reaching past its
        edge has it) on the person mask; 0 for a box wholly outside."""
        x, y, w, h = box
        held = self.person_mask[max(0, y) : max(0, y + h), max(0, x) : max(0, x + w)]
        return float(held.mean()) if held.size else 0.0

    @cached_property
    def luma8(self) -> np.ndarray:
        """BT.601 luma Y' as uint8 (0..255), as OFIQ (ISO/IEC 29794-5) computes it."""
        return cv2.cvtColor(self.frame, cv2.COLOR_RGB2GRAY)

    @cached_property
    def luma(self) -> np.ndarray:
        """BT.601 luma Y' in [0, 1], float32."""
        return self.luma8.astype(np.float32) / 255.0

    def luma_histogram(self, mask: np.ndarray | None = None) -> np.ndarray:
        """256-bin histogram of ``luma8``, over the pixels where ``mask`` is True."""
        return self.frame_histogram if mask is None else _histogram(self.luma8, mask)

    @cached_property
    def frame_histogram(self) -> np.ndarray:
        """256-bin histogram of the whole frame's ``luma8``."""
        return _histogram(self.luma8, None)

    @cached_property
    def face_histogram(self) -> np.ndarray:
        """256-bin histogram of ``luma8`` over ``face_mask`` (several light checks read it)."""
        return _histogram(self.luma8, self.face_mask)

    @cached_property
    def skin_histogram(self) -> np.ndarray:
        """256-bin histogram of ``luma8`` over the face's skin zones, or over ``face_mask``
        when the face has no landmarks or too little zone skin (MIN_SKIN_ZONE_PIXELS)."""
        if self.skin_mask is self.face_mask:
            return self.face_histogram
        return _histogram(self.luma8, self.skin_mask)

    @cached_property
    def skin_mask(self) -> np.ndarray:
        """The pixels ``skin_histogram`` counts: the face's skin zones, or ``face_mask``
        when the face has no landmarks or too little zone skin (MIN_SKIN_ZONE_PIXELS)."""
        skin = self.face_skin_mask
        if skin is not None and np.count_nonzero(skin) >= MIN_SKIN_ZONE_PIXELS:
            return skin
        return self.face_mask

    @cached_property
    def person_mask(self) -> np.ndarray:
        assert self.person is not None
        return self.person >= PERSON_CONFIDENCE

    @cached_property
    def background_mask(self) -> np.ndarray:
        """Pixels that are surely background: not the person and not within the margin."""
        width, height = self.size
        # Dilate at a quarter of the size: the mask comes from a 256 px model anyway, and
        # a large elliptical kernel at full size costs 3 ms a frame.
        small_size = (max(1, width // MASK_STEP), max(1, height // MASK_STEP))
        small = cv2.resize(
            self.person_mask.astype(np.uint8), small_size, interpolation=cv2.INTER_AREA
        )
        radius = max(1, round(BACKGROUND_MARGIN * float(np.hypot(*small_size))))
        kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
        grown = cv2.resize(
            cv2.dilate(small, kernel), (width, height), interpolation=cv2.INTER_NEAREST
        )
        if (face := self.primary_face) is not None:
            # The face is never background, even where segmentation missed it.
            x, y, w, h = face.box
            grown[max(0, y - h // 2) : y + h + h // 4, max(0, x - w // 4) : x + w + w // 4] = 1
        return grown == 0

    @cached_property
    def face_oval_mask(self) -> np.ndarray | None:
        """The primary face inside its landmark outline (FACE_OVAL), or None without landmarks.

        Forehead to chin and cheek to cheek, as the face really is: the skin an ellipse in
        the detector's box misses at the chin and takes from hair and background at the sides.
        """
        face = self.primary_face
        if face is None or face.landmarks is None:
            return None
        mask = np.zeros(self.frame.shape[:2], np.uint8)
        outline = np.round(face.landmarks[list(FACE_OVAL), :2]).astype(np.int32)
        cv2.fillPoly(mask, [outline], 1)
        return mask.astype(bool)

    @cached_property
    def face_skin_hulls(self) -> dict[str, np.ndarray] | None:
        """The primary face's SKIN_ZONES as convex hulls (int32 points), or None without
        landmarks."""
        face = self.primary_face
        if face is None or face.landmarks is None:
            return None
        return {
            name: cv2.convexHull(np.round(face.landmarks[list(points), :2]).astype(np.int32))
            for name, points in SKIN_ZONES.items()
        }

    @property
    def face_skin_zones(self) -> dict[str, np.ndarray] | None:
        """Each skin zone as a mask of the frame, or None without landmarks."""
        hulls = self.face_skin_hulls
        if hulls is None:
            return None
        zones = {}
        for name, hull in hulls.items():
            mask = np.zeros(self.frame.shape[:2], np.uint8)
            cv2.fillConvexPoly(mask, hull, 1)
            zones[name] = mask.astype(bool)
        return zones

    def skin_zones_mask(self, names: Iterable[str]) -> np.ndarray | None:
        """The union of the named SKIN_ZONES of the primary face, or None without landmarks."""
        hulls = self.face_skin_hulls
        if hulls is None:
            return None
        mask = np.zeros(self.frame.shape[:2], np.uint8)
        for name in names:
            cv2.fillConvexPoly(mask, hulls[name], 1)
        return mask.view(bool)

    @cached_property
    def face_skin_mask(self) -> np.ndarray | None:
        """The union of the face's skin zones (forehead, cheeks, nose), or None without
        landmarks: where light on the face is read without hair, brows, eyes or beard."""
        return self.skin_zones_mask(SKIN_ZONES)

    @cached_property
    def face_mask(self) -> np.ndarray:
        """Skin of the primary face: its landmark oval when it has landmarks, else an ellipse
        inside its box (all False without a face)."""
        oval = self.face_oval_mask
        if oval is not None:
            return oval
        mask = np.zeros(self.frame.shape[:2], np.uint8)
        if (face := self.primary_face) is not None:
            x, y, w, h = face.box
            center = (round(x + w / 2), round(y + h / 2))
            axes = (
                max(1, round(w / 2 * FACE_ELLIPSE_FILL)),
                max(1, round(h / 2 * FACE_ELLIPSE_FILL)),
            )
            cv2.ellipse(mask, center, axes, 0, 0, 360, 1, thickness=-1)
        ellipse = mask.astype(bool)
        # The detector's box can reach past a cheek onto the background; drop those pixels,
        # unless segmentation missed most of the face (then the ellipse is the better guess).
        on_person = ellipse & self.person_mask
        if np.count_nonzero(on_person) >= FACE_ON_PERSON_MIN * np.count_nonzero(ellipse):
            return on_person
        return ellipse


def _histogram(luma8: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    mask8 = None if mask is None else mask.view(np.uint8) if mask.dtype == bool else mask
    return cv2.calcHist([luma8], [0], mask8, [256], [0, 256]).ravel()


def histogram_rank(counts: np.ndarray, percent: float) -> int:
    """The first bin of a histogram where ``percent`` of its count is reached (0 if empty)."""
    cumulative = np.cumsum(counts)
    total = float(cumulative[-1]) if cumulative.size else 0.0
    if total <= 0:
        return 0
    return int(np.searchsorted(cumulative, percent / 100.0 * total, side="left"))


def histogram_percentile(histogram: np.ndarray, percent: float) -> float:
    """The ``percent`` percentile of a 256-bin luma histogram, as a value in [0, 1]."""
    return min(histogram_rank(histogram, percent), 255) / 255.0


def histogram_share(histogram: np.ndarray, low: int, high: int) -> float:
    """Share of the histogram's pixels with luma8 in [low, high]."""
    total = float(histogram.sum())
    return float(histogram[low : high + 1].sum()) / total if total > 0 else 0.0


def histogram_mean(histogram: np.ndarray) -> float:
    total = float(histogram.sum())
    return float(np.dot(histogram, np.arange(256))) / total / 255.0 if total > 0 else 0.0
