"""virtual_background.*: a person pasted onto a picture, how the cut-out shows, and a rehearsal.

Video apps cut the person out with a low-resolution segmentation and paste them onto an
image. This analyzer only measures; the check table's rules decide (camcheck/checks.py).
The cues, each measured on the image (see :mod:`camcheck.measures.outline`):

* noise: a camera puts sensor noise everywhere; a pasted picture is often cleaner than the
  person (Immerkær's noise estimate on flat parts of each region, and the noise floor of
  each region's flattest blocks, which texture cannot raise, and on the flat pixels of
  the two rings just inside and outside the outline, where person and room share light);
* sharpness: a pasted picture is often crisper than the webcam's person; a real room behind
  a person in focus is as sharp or softer (bokeh), never crisper;
* hard edge: a camera spreads every edge over two or three pixels; a mask upsampled
  without smoothing cuts the outline in one;
* rim: colours along the outline that are no mixture of person and picture, and a second
  outline at a near-constant distance outside the first one (the outer edge of a rim of
  the real room; measured to place the worst stretch of the outline, but no input of the
  score: a JPEG's ringing beside a strong edge makes one too, see scripts/fit_vb_model.py);
* edge jitter: real hair frays the outline irregularly, a pasted mask runs smoothly;
* light: the white point of the person's and of the background's brightest near-neutral
  pixels differ (a pasted picture brings its own white balance; in a room one light falls
  on both);
* in video: a pixel-still background while the person moves, an outline that moves
  more than the person does (flicker), and an outline whose motion follows the person's
  a few frames late (a mask that lags a moving head).

The still cues are combined into one score by a small logistic model whose weights are
data in the package (camcheck/data/vb_model.json, fitted by scripts/fit_vb_model.py); every
input of it is reported in ``measured``. The still cues are measured only with someone at
the camera (a face of a call's size on the person mask that face.not_found takes for a
face, :func:`person_at_camera`). The rehearsal (poor_separation) measures how unsure the
segmentation is along head and hair and how little hair and wall differ.
"""

from __future__ import annotations

import json
import math
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

import cv2
import numpy as np

from camcheck.analyzers.base import Analyzer
from camcheck.analyzers.face import takes_for_face
from camcheck.measures import outline
from camcheck.scene import Scene

# Background sigmas under this count as this, so a flat synthetic wall cannot divide by zero.
NOISE_FLOOR = 0.25
# The person must change by at least this mean luma (8-bit) between frames for the
# background's stillness to say anything (a frozen camera freezes everything).
MIN_PERSON_MOTION = 1.0
# Edge flicker: the median of the outline's over the person's apparent motion over this many
# frames (a second at 9-15 fps), so one jolt does not count.
FLICKER_WINDOW = 9
# The background's unchanged share (outline.UNCHANGED_LEVELS) is the median of its last
# FLICKER_WINDOW measurements, from UNCHANGED_MIN_FRAMES on: a call's encoder refreshes the
# whole picture every second or so (a key frame), and one refreshed frame must not break the
# run a finding needs (tune call clips: a dip to 0.91-0.95 every 12 frames, 0.99-1.00 in
# between).
UNCHANGED_MIN_FRAMES = 5
# Mask flicker while still: the mean change of person confidence in the outline band from
# one frame to the next, counted only while the person moves less than this (8-bit luma).
STILL_PERSON_MOTION = 2.0
# The still cues are measured only with someone at the camera: a primary face at least this
# share of the frame wide, with person confidence at least PERSON_AT_FACE at its centre. A
# pasted background is about the person in the call; without one the segmentation's
# "person" is a fruit, a giraffe or a crowd (the corpus's real photos that read as pasted,
# 2026-12-01: citrus slices, a giraffe, a baboon, a team photo of 5% faces). Composites of
# the corpus have faces of 19% or more; a face at 1.2 m before a 78-degree webcam is 8%.
MIN_FACE_WIDTH_SHARE = 0.08
PERSON_AT_FACE = 0.5
# The sharpness ratio of a background without a single edge (too few pixels over the
# gradient limit) behind a person with edges: a blurred room or a bare wall, softer than the
# person. Counted as the 10th percentile of the measured ratio on the corpus's real photos
# (tune split 2026-12-01: 0.22); grouped cross-validation on the tune split gave the same
# recall for 0.25 and 0.4, so the number is not critical. Left unmeasured, these rooms read
# as "as sharp as usual" and an app's background blur scored as pasted (4 of 46 blur cases).
EDGELESS_SHARPNESS_RATIO = 0.25
# A background without edges can be an app's blur or a picture stretched from a small
# JPEG: both are clean and edgeless, and EDGELESS_SHARPNESS_RATIO pulls the score of both
# down. The blur wipes out the 2-4 px band that the stretched picture keeps
# (outline.midband_ratio, measured on stills only): with a mid-band ratio of at least this,
# the model reads the sharpness as unmeasured (its mean) instead. Tune split 2026-12-02,
# edgeless backgrounds: app blurs median 0.14 (90th percentile 0.30), pasted pictures 0.34,
# real rooms 0.19 (with the camera's grain, which the noise cues see); at 0.3 four more
# pasted pictures of 144 pass the shipped limit and no blur or real photo crosses it (the
# highest real photo so gained 0.64, the limit 0.71); 0.25 gives the same four, 0.35 two.
# In video the score keeps the edgeless value: the video rules were fitted on it.
MIDBAND_STRUCTURED = 0.3
# Mask lag: the outline's and the person's motion over this many frames (2 s at 15 fps, 1 s
# at 30 fps), see outline.edge_lag; recomputed every STILL_CUE_EVERY frames and held in
# between (it costs 0.04 ms of CPU a call, 2026-12-01; the window moves slowly).
LAG_WINDOW = 30
# Video frames per measurement of the still cues (0.2 s at 15 fps, 0.1 s at 30 fps).
STILL_CUE_EVERY = 3
# In video the light's colour (outline.light_colour_distance) only on every this-many-th
# measurement of the still cues (every 9th frame, 0.3 s at 30 fps), held in between: the
# light changes slowly, and measured every time it cost 0.35 ms a frame at 1280x720 (CPU
# time, 2026-12-01), over the 3 ms for the analyzer.
LIGHT_EVERY = 3


@dataclass(frozen=True)
class CueModel:
    """A logistic model over cue values: ``score = sigmoid(bias + sum(w * z))``.

    Each cue is first transformed (``log`` of it, or as it is), standardised with the tune
    split's mean and spread, and clipped to +-``clip`` so one wild number cannot decide
    alone. A cue that was not measured counts as its mean (z = 0).
    """

    cues: tuple[str, ...]
    log: tuple[bool, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    clip: float

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> CueModel:
        rows = data["cues"]
        assert isinstance(rows, list)
        return cls(
            cues=tuple(str(r["name"]) for r in rows),
            log=tuple(bool(r["log"]) for r in rows),
            mean=tuple(float(r["mean"]) for r in rows),
            scale=tuple(float(r["scale"]) for r in rows),
            weights=tuple(float(r["weight"]) for r in rows),
            bias=float(data["bias"]),  # type: ignore[arg-type]
            clip=float(data["clip"]),  # type: ignore[arg-type]
        )

    def z(self, measured: Mapping[str, float]) -> list[float]:
        """The standardised, clipped inputs (0 for an unmeasured cue)."""
        values = []
        for name, log, mean, scale in zip(self.cues, self.log, self.mean, self.scale, strict=True):
            value = measured.get(name)
            if value is None or not math.isfinite(value):
                values.append(0.0)
                continue
            x = math.log(max(value, 1e-6)) if log else value
            values.append(max(-self.clip, min(self.clip, (x - mean) / scale)))
        return values

    def score(self, measured: Mapping[str, float]) -> float:
        logit = self.bias + sum(w * z for w, z in zip(self.weights, self.z(measured), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))


def model_inputs(measured: Mapping[str, float]) -> Mapping[str, float]:
    """The numbers the cue model reads: ``measured``, without the sharpness ratio of an
    edgeless background that keeps its mid-band texture (see MIDBAND_STRUCTURED)."""
    if measured.get("vb_midband_ratio", 0.0) >= MIDBAND_STRUCTURED:
        return {k: v for k, v in measured.items() if k != "vb_sharpness_ratio"}
    return measured


@cache
def model() -> CueModel:
    """The fitted still-image model shipped with the package."""
    text = resources.files("camcheck").joinpath("data/vb_model.json").read_text("utf-8")
    return CueModel.from_json(json.loads(text))


def person_at_camera(scene: Scene) -> bool:
    """Whether a face of a call's size sits on the person mask (see MIN_FACE_WIDTH_SHARE)
    and face.not_found's rule takes it for a face."""
    face = scene.primary_face
    if face is None:
        return False
    x, y, w, h = face.box
    width, height = scene.size
    if w < MIN_FACE_WIDTH_SHARE * width:
        return False
    assert scene.person is not None
    cx = min(max(int(x + w / 2), 0), width - 1)
    cy = min(max(int(y + h / 2), 0), height - 1)
    if float(scene.person[cy, cx]) < PERSON_AT_FACE:
        return False
    # ... and face.not_found takes it for a face: a hand holding up a cassette that the
    # detector scored is no one at the camera (carvekit's photo 2, held out 2026-12-03,
    # scored 0.98 and was called pasted beside "no face found").
    return takes_for_face(scene, face)


def window_median(values: Iterable[float]) -> float:
    """``float(np.median(values))`` of a window of a few numbers, to the bit: the middle one,
    or the two middle ones added and halved as numpy does; a tenth of numpy's cost."""
    ordered = sorted(values)
    if any(math.isnan(v) for v in ordered):
        return math.nan
    half = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[half])
    return float((ordered[half - 1] + ordered[half]) / 2)


class Every:
    """A cadence: :meth:`due` is True on the first call and on every ``n``-th call after it,
    when a value that changes slowly is measured again; in between it is held."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.calls = 0

    def due(self) -> bool:
        due = self.calls % self.n == 0
        self.calls += 1
        return due

    def reset(self) -> None:
        self.calls = 0


class VirtualBackgroundAnalyzer(Analyzer):
    """Notices a pasted background, judges the cut-out's edge, rehearses a call app's cut-out."""

    check_ids = (
        "virtual_background.detected",
        "virtual_background.edge_artifacts",
        "virtual_background.poor_separation",
    )

    def __init__(self) -> None:
        self._previous: np.ndarray | None = None
        self._previous_person: np.ndarray | None = None
        self._flicker: deque[float] = deque(maxlen=FLICKER_WINDOW)
        self._mask_flicker: deque[float] = deque(maxlen=FLICKER_WINDOW)
        self._unchanged: deque[float] = deque(maxlen=FLICKER_WINDOW)
        self._flows: deque[tuple[float, float]] = deque(maxlen=LAG_WINDOW)
        self._lag: dict[str, float] = {}
        # Frames per measurement of the still cues, of the light's colour (per measurement of
        # the still cues) and of the lag (per frame with a full window of motions).
        self._still_every = Every(STILL_CUE_EVERY)
        self._light_every = Every(LIGHT_EVERY)
        self._lag_every = Every(STILL_CUE_EVERY)
        self._still: dict[str, float] = {}
        self._light = math.nan
        self._worst: tuple[int, int, int, int] | None = None

    def measure(self, scene: Scene) -> dict[str, float]:
        previous, self._previous = self._previous, scene.luma8
        previous_person, self._previous_person = self._previous_person, scene.person
        if previous is not None and previous.shape != scene.luma8.shape:
            previous, previous_person = None, None
            for cadence in (self._still_every, self._light_every, self._lag_every):
                cadence.reset()
            self._flows.clear()
            self._unchanged.clear()
            self._lag = {}
        person = cv2.countNonZero(scene.person_mask.view(np.uint8))
        if not person or not cv2.countNonZero(scene.background_mask.view(np.uint8)):
            return {}
        band = outline.boundary_band(scene)
        # The person without the band, shared by the still and the motion cues.
        inner = outline.inner_mask(scene, band)
        # In video the still cues are measured every STILL_CUE_EVERY frames: they change
        # slowly, and it keeps the analyzer within the 3 ms a frame. A still gets
        # them all.
        if self._still_every.due() or not self._still:
            self._still = self._measure_still(scene, band, inner)
        measured = dict(self._still)
        if previous is not None and previous_person is not None:
            self._measure_motion(scene, previous, previous_person, band, inner, measured)
        return measured

    def _measure_still(self, scene: Scene, band: np.ndarray, inner: np.ndarray) -> dict[str, float]:
        measured: dict[str, float] = {}
        if not person_at_camera(scene):
            self._worst = None
            return measured
        # Planes and masks several cues read, taken once.
        unclipped = outline.unclipped_mask(scene.luma8)
        outside = outline.outside_mask(scene, band)
        planes = outline.noise_planes(scene, unclipped)
        person_sigma, background_sigma = outline.noise_sigmas(scene, band, planes, inner)
        if not (math.isnan(person_sigma) or math.isnan(background_sigma)):
            measured.update(
                vb_person_noise=person_sigma,
                vb_background_noise=background_sigma,
                vb_noise_ratio=person_sigma / max(background_sigma, NOISE_FLOOR),
            )
        ring = outline.ring_noise_ratio(scene, band, planes)
        if not math.isnan(ring):
            measured["vb_ring_noise_ratio"] = ring
        floor = outline.noise_floor_ratio(scene, band, planes, inner, unclipped, outside)
        if not math.isnan(floor):
            measured["vb_noise_floor_ratio"] = floor
        background = scene.background_mask.view(np.uint8)
        person_sharp, background_sharp = outline.sharpness(
            scene.luma8, (inner, background), unclipped
        )
        if not math.isnan(person_sharp):
            if math.isnan(background_sharp):
                # No edge at all behind a person who has them: a blurred room or a bare wall.
                measured["vb_sharpness_ratio"] = EDGELESS_SHARPNESS_RATIO
                if scene.source_kind == "image":
                    midband = outline.midband_ratio(scene.luma8, background)
                    if not math.isnan(midband):
                        measured["vb_midband_ratio"] = midband
            else:
                measured["vb_sharpness_ratio"] = background_sharp / max(person_sharp, 1e-3)
        if self._light_every.due() or scene.source_kind == "image":
            self._light = outline.light_colour_distance(scene, band, inner, outside)
        if not math.isnan(self._light):
            measured["vb_light_distance"] = self._light
        # The outline is traced, and its profiles gathered, once for the body and the head.
        samples = outline.outline_samples(scene)
        gathered = None if samples is None else outline.gather_profiles(scene, *samples[:2])
        body = outline.body_halo_share(scene, samples, gathered)
        if not math.isnan(body):
            measured["vb_body_halo_share"] = body
        cues, self._worst = outline.outline_cues(scene, samples, gathered)
        measured.update(cues)
        unsure = outline.mask_uncertainty(scene, band)
        if not math.isnan(unsure):
            measured["vb_mask_unsure_px"] = unsure
        measured["vb_score"] = model().score(model_inputs(measured))
        if scene.source_kind == "image":
            # The score alone decides only for a single picture: in video a camera's room
            # shows its noise moving, which a pasted picture never does, so there the
            # table asks for a still background as well (VB_VIDEO_SCORE_STILL_SHARE).
            measured["vb_still_score"] = measured["vb_score"]
        return measured

    def _measure_motion(
        self,
        scene: Scene,
        previous: np.ndarray,
        previous_person: np.ndarray,
        band: np.ndarray,
        inner: np.ndarray,
        measured: dict[str, float],
    ) -> None:
        """Background stillness, edge flicker and mask flicker against the previous frame."""
        count = cv2.countNonZero(inner)
        if not count:
            return
        # The luma's change since the previous frame, taken once for every motion cue.
        change = cv2.absdiff(previous, scene.luma8)
        motion = outline.masked_mean(change, inner, count)
        measured["vb_person_motion"] = motion
        assert scene.person is not None
        if motion < STILL_PERSON_MOTION:
            # Only the band's box is compared: cv2.mean visits the same pixels in the same
            # order there, so the mean is the same double at a fraction of the cost.
            x, y, w, h = cv2.boundingRect(band)
            box = np.s_[y : y + h, x : x + w]
            confidence_change = cv2.mean(
                cv2.absdiff(previous_person[box], scene.person[box]), mask=band[box]
            )[0]
            self._mask_flicker.append(confidence_change)
        if self._mask_flicker:
            measured["vb_mask_flicker"] = window_median(self._mask_flicker)
        if motion < MIN_PERSON_MOTION:
            self._flows.append((math.nan, math.nan))
            return
        background = scene.background_mask.view(np.uint8)
        still = outline.still_share(previous, scene.luma8, background, change)
        if not math.isnan(still):
            measured["vb_background_still_share"] = still
            self._unchanged.append(
                outline.still_share(
                    previous, scene.luma8, background, change, outline.UNCHANGED_LEVELS
                )
            )
            if len(self._unchanged) >= UNCHANGED_MIN_FRAMES:
                measured["vb_background_unchanged_share"] = window_median(self._unchanged)
        person_flow, edge_flow = outline.edge_motion(previous, scene.luma8, (inner, band), change)
        self._flows.append((person_flow, edge_flow))
        if not (math.isnan(person_flow) or math.isnan(edge_flow)) and person_flow > 0:
            self._flicker.append(edge_flow / person_flow)
            if len(self._flicker) == FLICKER_WINDOW:
                measured["vb_edge_flicker"] = window_median(self._flicker)
                measured["vb_edge_motion_px"] = edge_flow
        if len(self._flows) == LAG_WINDOW:
            if self._lag_every.due():
                flows = np.asarray(self._flows, np.float64)
                gain, corr, frames = outline.edge_lag(flows[:, 0], flows[:, 1])
                self._lag = (
                    {}
                    if math.isnan(gain)
                    else {
                        "vb_edge_lag_gain": gain,
                        "vb_edge_lag_corr": corr,
                        "vb_edge_lag_frames": float(frames),
                    }
                )
            measured.update(self._lag)

    def region(
        self, check_id: str, scene: Scene, measured: Mapping[str, float]
    ) -> tuple[int, int, int, int] | None:
        if check_id == "virtual_background.edge_artifacts" and self._worst is not None:
            return self._worst
        return scene.face_box
