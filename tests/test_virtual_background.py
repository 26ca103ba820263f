"""Virtual background: cue measures, the cue model, and the table's verdicts on synthetic Scenes."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from importlib import resources

import cv2
import numpy as np
import pytest

from camcheck.analyzers.face import FaceAnalyzer
from camcheck.analyzers.virtual_background import (
    FLICKER_WINDOW,
    LAG_WINDOW,
    LIGHT_EVERY,
    STILL_CUE_EVERY,
    UNCHANGED_MIN_FRAMES,
    CueModel,
    Every,
    VirtualBackgroundAnalyzer,
    model,
    model_inputs,
    person_at_camera,
)
from camcheck.checks import (
    CHECKS,
    VB_EDGELESS_SHARPNESS,
    VB_FLICKER_RATIO,
    VB_HAIR_DELTA_E,
    VB_LAG_GAIN,
    VB_SCORE_LIMIT,
    VB_STILL_SHARE,
    VB_UNCHANGED_BEHIND,
    VB_UNCHANGED_SHARE,
    VB_VIDEO_SCORE_STILL_SHARE,
    render,
)
from camcheck.measures import outline
from camcheck.scene import Face, Scene

DETECTED = "virtual_background.detected"
EDGE = "virtual_background.edge_artifacts"
SEPARATION = "virtual_background.poor_separation"

SIZE = (640, 360)
FACE_BOX = (270, 60, 100, 120)


def backdrop() -> np.ndarray:
    """A clean picture: smooth colour gradients, a few soft shapes and crisp frames, no noise."""
    width, height = SIZE
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    red = 150 + 60 * np.sin(x / 90.0)
    green = 170 + 40 * np.cos(y / 70.0)
    blue = 200 + 30 * np.sin((x + y) / 120.0)
    picture = np.stack([red, green, blue], axis=2)
    for cx, cy in ((80, 90), (560, 250)):
        blob = np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * 40.0**2))[..., None]
        picture = picture * (1 - 0.4 * blob)
    # and what every photo has: a few crisp edges (window frames), away from the person
    for x0, y0, x1, y1 in ((20, 20, 110, 80), (540, 20, 620, 110)):
        picture[y0:y1, x0:x1] *= 0.55
    return picture


def person_shape(offset: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    """A head-and-shoulders silhouette (0/1 float), shifted by ``offset`` px."""
    width, height = SIZE
    mask = np.zeros((height, width), np.uint8)
    cx, cy = 320 + offset[0], 125 + offset[1]
    cv2.ellipse(mask, (round(cx), round(cy)), (62, 85), 0, 0, 360, 1, thickness=-1)
    cv2.ellipse(mask, (round(cx), round(cy) + 235), (200, 95), 0, 0, 360, 1, thickness=-1)
    # the neck
    cv2.rectangle(mask, (round(cx) - 35, round(cy) + 60), (round(cx) + 35, round(cy) + 150), 1, -1)
    return mask.astype(np.float32)


def person_texture(rng: np.random.Generator, shift: float = 0.0) -> np.ndarray:
    """Dark clothes and skin tones with a little structure, as a camera sees them."""
    width, height = SIZE
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    # a woven fabric: a soft check with edges the motion measures can follow
    check = (np.sin((x + shift) / 5.0) > 0) ^ (np.sin(y / 5.0) > 0)
    base = 60 + 40 * cv2.GaussianBlur(check.astype(np.float32), (0, 0), 1.0)
    return np.stack([base * 1.3, base, base * 0.8], axis=2)


def model_mask(shape: np.ndarray) -> np.ndarray:
    """What a 256 px segmentation makes of a silhouette: soft and a little blobby."""
    small = cv2.resize(shape, (256, 144), interpolation=cv2.INTER_AREA)
    return np.clip(cv2.resize(small, SIZE, interpolation=cv2.INTER_LINEAR), 0.0, 1.0)


def face() -> Face:
    x, y, _, _ = FACE_BOX
    return Face(box=FACE_BOX, score=0.95, keypoints=((x + 30, y + 40), (x + 70, y + 40)))


def composite(
    rng: np.random.Generator,
    *,
    cheap: bool,
    offset: tuple[float, float] = (0.0, 0.0),
    shift: float = 0.0,
    background: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """A frame and its silhouette.

    cheap: a noisy person pasted with a hard edge onto the clean picture.
    not cheap: one camera picture, person and room alike noisy, edges softened by the lens.
    """
    shape = person_shape(offset)
    picture = backdrop() if background is None else background
    person = person_texture(rng, shift)
    if cheap:
        noisy_person = person + rng.normal(0, 3.0, person.shape)
        frame = noisy_person * shape[..., None] + picture * (1 - shape[..., None])
    else:
        alpha = cv2.GaussianBlur(shape, (0, 0), 1.2)[..., None]
        frame = person * alpha + picture * (1 - alpha)
        frame = cv2.GaussianBlur(frame.astype(np.float32), (0, 0), 0.7)
        frame = frame + rng.normal(0, 3.0, frame.shape)
    return np.clip(np.round(frame), 0, 255).astype(np.uint8), shape


def scene_of(frame: np.ndarray, shape: np.ndarray, index: int = 0, kind: str = "image") -> Scene:
    return Scene(
        frame=frame,
        faces=(face(),),
        person=model_mask(shape),
        timestamp=index / 15,
        index=index,
        source_kind=kind,
    )


def fired(analyzer: VirtualBackgroundAnalyzer, scene: Scene) -> list[str]:
    return [item.id for item in analyzer.analyze(scene)]


def test_immerkaer_estimate_recovers_gaussian_noise() -> None:
    # given a flat grey frame with sigma-4 Gaussian noise, all of it "background"
    rng = np.random.default_rng(1)
    plane = np.clip(np.round(120 + rng.normal(0, 4.0, (360, 640))), 0, 255).astype(np.uint8)
    frame = np.repeat(plane[..., None], 3, axis=2)
    person = np.zeros((360, 640), np.float32)
    person[100:300, 200:440] = 1.0
    scene = Scene(frame=frame, person=person)
    # when the noise of person and background is estimated
    band = outline.boundary_band(scene)
    person_sigma, background_sigma = outline.noise_sigmas(scene, band)
    # then both are close to 4 (Immerkær's estimator is unbiased for Gaussian noise; the
    # flatness test trims the largest responses, so allow 15%)
    assert person_sigma == pytest.approx(4.0, rel=0.15)
    assert background_sigma == pytest.approx(4.0, rel=0.15)


def test_cheap_composite_is_detected_with_edge_artifacts() -> None:
    frame, shape = composite(np.random.default_rng(2), cheap=True)
    found = VirtualBackgroundAnalyzer().analyze(scene_of(frame, shape))
    ids = [f.id for f in found]
    assert ids[:2] == [DETECTED, EDGE]
    measured = found[0].measured
    # a noisy person with a one-pixel edge on a clean picture: the score decides
    assert measured["vb_noise_ratio"] >= 6.0
    assert measured["vb_edge_step_share"] > 0.7
    assert measured["vb_score"] > VB_SCORE_LIMIT
    # every message renders with the numbers it names, in both languages
    for item in found:
        for lang in ("en", "nl"):
            assert "{" not in render(item, lang).message


def test_a_detection_face_not_found_rejects_is_no_one_at_the_camera() -> None:
    # given the cheap composite above with a weak detection (0.55) that the landmark model
    # rejects (a hand holding up a cassette), so face.not_found's rule on it alone fires
    frame, shape = composite(np.random.default_rng(2), cheap=True)

    def with_fit(presence: float) -> Scene:
        fit = Face(box=face().box, score=0.55, keypoints=face().keypoints, presence=presence)
        return Scene(frame=frame, faces=(fit,), person=model_mask(shape), source_kind="image")

    scene = with_fit(0.05)
    assert CHECKS["face.not_found"].fires(FaceAnalyzer().measure(scene))
    # when the analyzer looks at it, then no still cue is measured and nothing fires, while
    # the same picture with a face that fits is called pasted
    assert not person_at_camera(scene)
    assert "vb_score" not in VirtualBackgroundAnalyzer().measure(scene)
    assert fired(VirtualBackgroundAnalyzer(), scene) == []
    assert person_at_camera(with_fit(0.99))
    assert DETECTED in fired(VirtualBackgroundAnalyzer(), with_fit(0.99))


def test_real_camera_frame_is_not_virtual() -> None:
    frame, shape = composite(np.random.default_rng(3), cheap=False)
    analyzer = VirtualBackgroundAnalyzer()
    scene = scene_of(frame, shape)
    measured = analyzer.measure(scene)
    ids = [item.id for item in analyzer.judge(scene, measured)]
    assert DETECTED not in ids and EDGE not in ids
    assert measured["vb_noise_ratio"] < 2.0
    assert measured["vb_edge_step_share"] < 0.65
    assert measured["vb_score"] < VB_SCORE_LIMIT


def test_plain_clean_wall_alone_is_not_virtual() -> None:
    # A bright plain wall shows almost no noise, like a clean picture; with a natural
    # (lens-softened) edge that is no virtual background.
    rng = np.random.default_rng(4)
    wall = np.full((360, 640, 3), 215.0)
    frame, shape = composite(rng, cheap=False, background=wall)
    frame[shape == 0] = 215  # the sensor noise vanishes in the bright, flat wall
    ids = fired(VirtualBackgroundAnalyzer(), scene_of(frame, shape))
    assert DETECTED not in ids and EDGE not in ids


def test_no_person_measures_nothing() -> None:
    frame = np.full((360, 640, 3), 128, np.uint8)
    scene = Scene(frame=frame)
    analyzer = VirtualBackgroundAnalyzer()
    assert analyzer.measure(scene) == {}
    assert analyzer.analyze(scene) == []


def test_findings_are_exactly_what_the_table_rules_say() -> None:
    # The analyzer decides nothing itself: on its own numbers the table's rules give its ids.
    for seed, cheap in ((2, True), (3, False)):
        frame, shape = composite(np.random.default_rng(seed), cheap=cheap)
        analyzer = VirtualBackgroundAnalyzer()
        scene = scene_of(frame, shape)
        measured = analyzer.measure(scene)
        expected = [i for i in analyzer.check_ids if CHECKS[i].fires(measured)]
        assert [f.id for f in analyzer.judge(scene, measured)] == expected


def with_rim(frame: np.ndarray, shape: np.ndarray, width: int, colour: tuple[int, int, int]):
    """Paint a rim of another room's colour ``width`` px wide just outside the silhouette."""
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * width + 1, 2 * width + 1))
    ring = (cv2.dilate(shape.astype(np.uint8), kernel) > 0) & (shape == 0)
    out = frame.copy()
    out[ring] = colour
    grown = (cv2.dilate(shape.astype(np.uint8), kernel) > 0).astype(np.float32)
    return out, grown


def test_a_rim_of_the_real_room_is_measured_in_pixels_and_boxed() -> None:
    rng = np.random.default_rng(6)
    frame, shape = composite(rng, cheap=True)
    rimmed, grown = with_rim(frame, shape, 6, (40, 160, 60))
    plain = VirtualBackgroundAnalyzer().measure(scene_of(frame, shape))
    # the segmentation sees the person with the rim (it cannot tell them apart at 256 px)
    analyzer = VirtualBackgroundAnalyzer()
    scene = scene_of(rimmed, grown)
    measured = analyzer.measure(scene)
    # the rim is a run of colours that are neither person nor picture, about its width
    assert measured["vb_halo_px"] >= 4
    assert measured["vb_halo_px"] > plain.get("vb_halo_px", 0.0)
    assert measured["vb_halo_share"] > 0.5
    # the worst stretch of the outline is a box on the head's outline, not the whole frame
    box = analyzer.region(EDGE, scene, measured)
    assert box is not None
    _, y, w, h = box
    assert w < 640 and h < 360 and y < 125 + 85 + 8


def test_second_edges_need_a_valley_between() -> None:
    # a blurred single edge has wide flanks but no second outline; a rim has one
    ramp = np.array([[0, 2, 10, 30, 60, 30, 10, 2, 0, 0, 0, 0]], np.float32)
    rim = np.array([[0, 2, 10, 30, 60, 30, 2, 0, 1, 40, 2, 0]], np.float32)
    for gradient, has_second in ((ramp, False), (rim, True)):
        first = gradient.argmax(axis=1)
        second, ratio = outline.second_edges(gradient, first)
        assert bool(ratio[0] >= 0.35) is has_second
        if has_second:
            assert second[0] == 9


def test_cue_model_standardises_clips_and_ignores_the_unmeasured() -> None:
    cue = CueModel(("a", "b"), (False, True), (1.0, 0.0), (2.0, 1.0), (1.0, 1.0), 0.0, 3.0)
    assert cue.z({"a": 3.0, "b": math.e}) == pytest.approx([1.0, 1.0])
    # one wild number cannot decide alone
    assert cue.z({"a": 1e9}) == [3.0, 0.0]
    assert cue.score({}) == pytest.approx(0.5)
    assert cue.score({"a": 5.0}) > cue.score({"a": 3.0}) > 0.5


def test_shipped_model_matches_the_table_limit() -> None:
    data = json.loads(resources.files("camcheck").joinpath("data/vb_model.json").read_text("utf-8"))
    assert data["limit"] == pytest.approx(VB_SCORE_LIMIT, abs=1e-3)
    shipped = model()
    assert set(shipped.cues) >= {"vb_sharpness_ratio", "vb_halo_share"}
    # every weight has the sign physics allows: more of a pasted sign, higher the score
    signs = {"vb_edge_jitter": -1}
    for name, weight in zip(shipped.cues, shipped.weights, strict=True):
        assert weight * signs.get(name, 1) >= 0, name


def test_unsure_mask_along_the_head_is_a_poor_separation() -> None:
    rng = np.random.default_rng(7)
    frame, shape = composite(rng, cheap=False)
    crisp = Scene(frame=frame, faces=(face(),), person=model_mask(shape))
    # a person model that hesitates over a wide strip: hair as dark as the wall
    blurred = cv2.GaussianBlur(shape, (0, 0), 12.0)
    unsure = Scene(frame=frame, faces=(face(),), person=blurred)
    crisp_measured = VirtualBackgroundAnalyzer().measure(crisp)
    unsure_measured = VirtualBackgroundAnalyzer().measure(unsure)
    assert unsure_measured["vb_mask_unsure_px"] > 2 * crisp_measured["vb_mask_unsure_px"]
    assert not CHECKS[SEPARATION].fires(crisp_measured)
    assert CHECKS[SEPARATION].fires(unsure_measured)


# Hair and wall as the corpus's labelled photos have them (sRGB, 8-bit): a dark pigtail before
# a dark green wall, which people see separate, and brown hair before a brown wall, which
# merges; RGB distance puts the pigtail nearer its wall (35 levels) than the brown hair (45).
PIGTAIL, GREEN_WALL = (35.0, 30.0, 28.0), (30.0, 62.0, 40.0)
BROWN_HAIR, BROWN_WALL = (120.0, 92.0, 70.0), (150.0, 118.0, 92.0)


def hair_scene(hair: tuple[float, ...], wall: tuple[float, ...]) -> Scene:
    """A flat head of ``hair`` colour (the face box inside it in skin tone) before ``wall``."""
    shape = person_shape()
    frame = np.empty((*shape.shape, 3), np.float32)
    frame[:] = wall
    frame[shape > 0] = hair
    x, y, w, h = FACE_BOX
    frame[y + h // 4 : y + h, x + 10 : x + w - 10] = (200.0, 160.0, 140.0)
    frame = cv2.GaussianBlur(frame, (0, 0), 1.0)
    return Scene(frame=np.round(frame).astype(np.uint8), faces=(face(),), person=model_mask(shape))


def test_hair_like_the_wall_is_judged_by_its_colour_difference_as_seen() -> None:
    # given the two heads, whose RGB distances say the opposite of what people see
    pigtail = np.linalg.norm(np.subtract(PIGTAIL, GREEN_WALL))
    brown = np.linalg.norm(np.subtract(BROWN_HAIR, BROWN_WALL))
    assert pigtail < brown
    # when the hair's colour difference is measured along the outline above the brows
    apart = VirtualBackgroundAnalyzer().measure(hair_scene(PIGTAIL, GREEN_WALL))["vb_hair_delta_e"]
    merged = VirtualBackgroundAnalyzer().measure(hair_scene(BROWN_HAIR, BROWN_WALL))[
        "vb_hair_delta_e"
    ]
    # then it is CIELAB Delta E of the two colours (24 and 11), on either side of the limit
    assert apart == pytest.approx(24.0, abs=1.5)
    assert merged == pytest.approx(11.0, abs=1.5)
    assert merged < VB_HAIR_DELTA_E < apart
    # and with a 6 px unsure strip only the hair that merges is a poor separation (the RGB
    # rule, distance under 50, fired on both)
    strip = {"vb_mask_unsure_px": 6.0}
    assert not CHECKS[SEPARATION].fires({**strip, "vb_hair_delta_e": apart})
    assert CHECKS[SEPARATION].fires({**strip, "vb_hair_delta_e": merged})


def run_clip(
    *,
    cheap: bool,
    jitter: float,
    seed: int = 5,
    room: Callable[[int, np.random.Generator, np.ndarray], np.ndarray] | None = None,
) -> list[dict[str, float]]:
    """Frames of a person swaying 1 px a frame; the cut-out edge jitters by ``jitter`` px.
    ``room`` gives each frame's background from its index and the picture (default: it)."""
    rng = np.random.default_rng(seed)
    analyzer = VirtualBackgroundAnalyzer()
    picture = backdrop()
    measured = []
    for index in range(FLICKER_WINDOW + 4):
        sway = math.sin(index / 2.0) * 2.0
        edge = (sway + rng.uniform(-jitter, jitter), rng.uniform(-jitter, jitter))
        behind = picture if room is None else room(index, rng, picture)
        frame, shape = composite(rng, cheap=cheap, offset=edge, shift=sway, background=behind)
        # a clip's frames, so the video rules decide (a still's single-picture score is
        # not what a clip is judged by)
        measured.append(analyzer.measure(scene_of(frame, shape, index, "video")))
    return measured


def test_still_background_and_flicker_in_a_cheap_clip() -> None:
    measured = run_clip(cheap=True, jitter=4.0)
    last = measured[-1]
    # the pasted picture does not change at all between frames
    assert last["vb_background_still_share"] >= VB_STILL_SHARE
    # the outline jumps while the person sways gently
    assert last["vb_edge_flicker"] > VB_FLICKER_RATIO
    assert CHECKS[DETECTED].fires(last) and CHECKS[EDGE].fires(last)


def test_camera_clip_has_no_still_background_nor_flicker() -> None:
    measured = run_clip(cheap=False, jitter=0.0)
    last = measured[-1]
    assert last["vb_background_still_share"] < 0.5
    assert last.get("vb_edge_flicker", 1.0) < VB_FLICKER_RATIO
    assert not CHECKS[DETECTED].fires(last) and not CHECKS[EDGE].fires(last)


def test_steady_cut_out_does_not_flicker() -> None:
    # The same cheap paste without the mask's jitter: still background, but no flicker.
    last = run_clip(cheap=True, jitter=0.0)[-1]
    assert last["vb_edge_flicker"] < VB_FLICKER_RATIO


def test_edge_lag_finds_the_delay_of_the_outline() -> None:
    # given a person swaying, and an outline that moves with them or three frames late
    t = np.arange(40, dtype=np.float64)
    person = np.abs(np.sin(t / 3.0)) + 0.1
    late = np.concatenate([np.full(3, np.nan), person[:-3]])
    # when the two motions are correlated at each delay
    gain, corr, frames = outline.edge_lag(person, late)
    same_gain, _, _ = outline.edge_lag(person, person * 1.5)
    # then the late outline is found three frames behind; the camera's one is best at none
    assert frames == 3 and corr > 0.9 and gain > VB_LAG_GAIN
    assert same_gain < 0
    # and too few measured frames measure nothing
    assert math.isnan(outline.edge_lag(person[:10], late[:10])[0])


def lag_clip(delay: int) -> list[dict[str, float]]:
    """Frames of a person swaying; the pasted outline follows ``delay`` frames late."""
    rng = np.random.default_rng(8)
    analyzer = VirtualBackgroundAnalyzer()
    picture = backdrop()

    def sway(index: int) -> float:
        return 6.0 * math.sin(max(index, 0) / 2.5)

    measured = []
    for index in range(LAG_WINDOW + 6):
        outline_at = (sway(index - delay), 0.0)
        frame, shape = composite(
            rng, cheap=True, offset=outline_at, shift=sway(index), background=picture
        )
        # a clip's frames, so the video rules decide (a still's single-picture score is
        # not what a clip is judged by)
        measured.append(analyzer.measure(scene_of(frame, shape, index, "video")))
    return measured


def test_a_mask_lagging_the_head_is_a_pasted_edge() -> None:
    # the outline three frames behind the person: both the paste and its edge are reported
    keys = ("vb_edge_lag_gain", "vb_edge_lag_corr", "vb_background_still_share")
    last = lag_clip(delay=3)[-1]
    assert last["vb_edge_lag_gain"] > VB_LAG_GAIN and last["vb_edge_lag_frames"] >= 2
    lag_only = {key: last[key] for key in keys}
    assert CHECKS[DETECTED].fires(lag_only) and CHECKS[EDGE].fires(lag_only)
    # the same paste with an outline that keeps up shows no lag
    steady = lag_clip(delay=0)[-1]
    assert steady.get("vb_edge_lag_gain", 0.0) <= VB_LAG_GAIN
    steady_only = {key: steady[key] for key in keys if key in steady}
    assert not CHECKS[DETECTED].fires(steady_only)


def test_saved_picture_previews_the_cut_out_for_the_rehearsal() -> None:
    # given a scene and the rehearsal's finding, the picture gains a band below the legend
    # with the person on a plain fill: background pixels there are the fill, the person kept
    from camcheck.checks import finding
    from camcheck.report.annotate import CUTOUT_FILL, CUTOUT_SCALE, annotate, legend_band

    frame, shape = composite(np.random.default_rng(9), cheap=False)
    scene = scene_of(frame, shape)
    rehearsal = [finding(SEPARATION, vb_mask_unsure_px=9.0)]
    plain = annotate(scene, rehearsal, "en")
    shown = annotate(scene, rehearsal, "en", cutout_preview=True)
    assert shown.shape[1] == plain.shape[1] and shown.shape[0] > plain.shape[0]
    caption = legend_band([("x", None)], frame.shape[1]).shape[0]
    top = plain.shape[0] + caption
    preview = shown[top : top + round(frame.shape[0] * CUTOUT_SCALE)]
    # the top-left corner of the frame is background: filled; the chest is the person
    assert tuple(preview[4, 12]) == CUTOUT_FILL
    chest = preview[round(300 * CUTOUT_SCALE), 8 + round(320 * CUTOUT_SCALE)]
    assert tuple(chest) != CUTOUT_FILL


def test_in_video_the_score_needs_a_still_background() -> None:
    # A noisy person on a clean picture whose pixels change from frame to frame (here the
    # room's exposure drifts by 4 levels, which leaves its noise estimate alone): as a
    # single picture the score decides, in video the background is not still enough for a
    # pasted picture, which never changes.
    rng = np.random.default_rng(8)
    analyzer = VirtualBackgroundAnalyzer()
    last: dict[str, float] = {}
    for index in range(FLICKER_WINDOW + 4):
        sway = math.sin(index / 2.0) * 2.0
        frame, shape = composite(rng, cheap=True, offset=(sway, 0.0), shift=sway)
        drift = 4.0 * (index % 2) * (1 - shape[..., None])
        gain = rng.normal(0, 3.0, frame.shape) * shape[..., None]  # a dim webcam's person
        frame = np.clip(frame + drift + gain, 0, 255).astype(np.uint8)
        scene = Scene(
            frame=frame,
            faces=(face(),),
            person=model_mask(shape),
            timestamp=index / 15,
            index=index,
            source_kind="video",
        )
        last = analyzer.measure(scene)
        single = VirtualBackgroundAnalyzer().measure(scene_of(frame, shape))
        # as a single picture the same frame gives its score as the still score
        assert single["vb_still_score"] == pytest.approx(single["vb_score"])
    assert "vb_still_score" not in last
    assert last["vb_score"] > VB_SCORE_LIMIT
    assert last["vb_background_still_share"] < VB_VIDEO_SCORE_STILL_SHARE
    assert not CHECKS[DETECTED].fires(last) and not CHECKS[EDGE].fires(last)
    # the same numbers from a single picture, or before a pixel-still background: pasted
    assert CHECKS[DETECTED].fires({**last, "vb_still_score": last["vb_score"]})
    assert CHECKS[DETECTED].fires({**last, "vb_background_still_share": 1.0})


def lit_scene(wall: tuple[int, int, int], rng: np.random.Generator) -> Scene:
    """A person in a white shirt under warm light before a wall of the given colour."""
    shape = person_shape()
    width, height = SIZE
    person = person_texture(rng)
    # the shirt below the neck: near-neutral white under a warm lamp (saturation 0.22)
    shirt = np.zeros((height, width), bool)
    shirt[250:, :] = True
    person[shirt] = (230, 210, 180)
    room = np.empty((height, width, 3), np.float32)
    room[:] = wall
    frame = person * shape[..., None] + room * (1 - shape[..., None])
    frame = frame + rng.normal(0, 2.0, frame.shape)
    return scene_of(np.clip(np.round(frame), 0, 255).astype(np.uint8), shape)


def test_light_of_another_colour_behind_the_person_is_measured() -> None:
    rng = np.random.default_rng(11)
    band = outline.boundary_band
    # the same warm light on the shirt and on a white wall: their whites agree
    same = lit_scene((220, 200, 172), rng)
    # a pasted picture's cool white (another white balance) behind the same person
    other = lit_scene((200, 215, 235), rng)
    near = outline.light_colour_distance(same, band(same))
    far = outline.light_colour_distance(other, band(other))
    assert near < 3.0
    assert far > 20.0
    # a wholly colourful background has no white to read the light from
    blue = lit_scene((30, 80, 200), rng)
    assert math.isnan(outline.light_colour_distance(blue, band(blue)))
    # the analyzer reports it, and the model counts it towards a pasted picture
    measured_same = VirtualBackgroundAnalyzer().measure(same)
    measured_other = VirtualBackgroundAnalyzer().measure(other)
    assert measured_other["vb_light_distance"] == pytest.approx(far)
    assert measured_same["vb_light_distance"] == pytest.approx(near)
    # The two scenes' scores are not compared: the wall's colour moves the rim cues too (the
    # white shirt before the white wall gives few contrasty profiles below the chin, so the
    # shoulders' rim share reads 0.50 there against 0.13 before the cool wall), and how that
    # weighs against the light depends on the fitted weights, not on the light cue. With
    # every other cue held fixed, the same numbers with the room's light score lower:
    score_other = model().score(model_inputs(measured_other))
    assert measured_other["vb_score"] == pytest.approx(score_other)
    as_if_same = {**measured_other, "vb_light_distance": near}
    assert score_other > model().score(model_inputs(as_if_same))


def test_in_video_the_light_is_read_every_few_measurements_and_held() -> None:
    rng = np.random.default_rng(12)
    warm, cool = lit_scene((220, 200, 172), rng), lit_scene((200, 215, 235), rng)
    band = outline.boundary_band
    analyzer = VirtualBackgroundAnalyzer()
    seen = []
    # the wall turns cool after the first frame; the light is read again only on the
    # LIGHT_EVERY-th measurement of the still cues (every STILL_CUE_EVERY frames)
    for index in range(STILL_CUE_EVERY * LIGHT_EVERY + 1):
        still = warm if index == 0 else cool
        scene = Scene(
            frame=still.frame,
            faces=still.faces,
            person=still.person,
            timestamp=index / 15,
            index=index,
            source_kind="video",
        )
        seen.append(analyzer.measure(scene)["vb_light_distance"])
    held = outline.light_colour_distance(warm, band(warm))
    assert seen[: STILL_CUE_EVERY * LIGHT_EVERY] == pytest.approx([held] * (len(seen) - 1))
    assert seen[-1] == pytest.approx(outline.light_colour_distance(cool, band(cool)))


def _edge_motion_whole_frame(
    previous: np.ndarray, current: np.ndarray, regions: tuple[np.ndarray, ...]
) -> list[float]:
    """edge_motion as first written: every plane over the whole frame (the reference)."""
    gradient = cv2.add(
        cv2.convertScaleAbs(cv2.Sobel(current, cv2.CV_16S, 1, 0, ksize=1)),
        cv2.convertScaleAbs(cv2.Sobel(current, cv2.CV_16S, 0, 1, ksize=1)),
    )
    edges = cv2.compare(gradient, outline.FLOW_EDGE_GRADIENT, cv2.CMP_GT)
    change = cv2.absdiff(previous, current)
    motions = []
    for region in regions:
        mask = cv2.bitwise_and(edges, edges, mask=region)
        if cv2.countNonZero(mask) < outline.MIN_EDGE_PIXELS:
            motions.append(math.nan)
            continue
        motions.append(cv2.mean(change, mask=mask)[0] / cv2.mean(gradient, mask=mask)[0])
    return motions


@pytest.mark.parametrize(
    "box",
    [
        (200, 40, 240, 200),  # inside the frame
        (0, 100, 180, 260),  # touching the left and bottom borders
        (340, 0, 300, 200),  # touching the top and right borders
        (0, 0, 640, 360),  # the whole frame
    ],
)
def test_edge_motion_on_the_person_box_equals_the_whole_frame(box: tuple[int, ...]) -> None:
    # edge_motion filters only the box round its regions; every value must be what the
    # whole frame's planes give, also where the box meets the frame's border.
    rng = np.random.default_rng(11)
    frame, _ = composite(rng, cheap=False)
    previous = cv2.cvtColor(frame, cv2.COLOR_RGB2GRAY)
    moved, _ = composite(rng, cheap=False, shift=2.0)
    current = cv2.cvtColor(moved, cv2.COLOR_RGB2GRAY)
    x, y, w, h = box
    outer = np.zeros(current.shape, np.uint8)
    outer[y : y + h, x : x + w] = 255
    inner = cv2.erode(outer, np.ones((15, 15), np.uint8), borderValue=0)
    ring = cv2.subtract(outer, inner)
    expected = _edge_motion_whole_frame(previous, current, (inner, ring))
    got = outline.edge_motion(previous, current, (inner, ring))
    assert not any(math.isnan(v) for v in expected)
    assert got == expected
    # the frame difference handed in gives the same
    change = cv2.absdiff(previous, current)
    assert outline.edge_motion(previous, current, (inner, ring), change) == expected


def test_edge_motion_of_empty_regions_is_unmeasured() -> None:
    current = np.full((360, 640), 128, np.uint8)
    empty = np.zeros_like(current)
    assert all(math.isnan(v) for v in outline.edge_motion(current, current, (empty, empty)))


def test_still_share_counts_the_pixels_within_one_level() -> None:
    previous = np.zeros((4, 5), np.uint8)
    current = np.array(
        [[0, 1, 2, 3, 0], [1, 1, 5, 0, 0], [9, 0, 0, 1, 2], [0, 0, 0, 0, 0]], np.uint8
    )
    region = np.zeros_like(current)
    region[:3] = 255  # 15 pixels, of which 5 changed by more than STILL_LEVELS (1)
    assert outline.still_share(previous, current, region) == pytest.approx(10 / 15)
    assert math.isnan(outline.still_share(previous, current, np.zeros_like(region)))


def test_a_cadence_is_due_first_and_every_nth_time_and_restarts() -> None:
    every = Every(3)
    assert [every.due() for _ in range(7)] == [True, False, False, True, False, False, True]
    every.reset()
    assert [every.due() for _ in range(2)] == [True, False]


def test_masked_mean_is_cv2_mean_to_the_last_bit() -> None:
    # given uint8 planes and masks of every size and fill, including an empty mask
    rng = np.random.default_rng(12)
    for _ in range(300):
        height, width = (int(v) for v in rng.integers(1, 200, 2))
        plane = rng.integers(0, 256, (height, width), dtype=np.uint8)
        mask = (rng.random((height, width)) < rng.random()).astype(np.uint8) * 255
        # then the fast mean is the same double (a mask ignored or a count off by one
        # pixel would differ), and a view into a larger plane works as well
        assert outline.masked_mean(plane, mask) == cv2.mean(plane, mask=mask)[0]
        view, view_mask = plane[1:, 1:], mask[1:, 1:]
        if view.size:
            assert outline.masked_mean(view, view_mask) == cv2.mean(view, mask=view_mask)[0]


def blurred_room_clip(*, pasted: bool, key_frame: int | None = None) -> list[dict[str, float]]:
    """A noisy person swaying before the clean picture (``pasted``) or before a room the app
    blurred: the camera's noise (sigma 3) smoothed by a blur of sigma 6, rounded each frame.
    ``key_frame``: on that frame the encoder refreshes the picture (every pixel one level up)."""

    def room(index: int, rng: np.random.Generator, picture: np.ndarray) -> np.ndarray:
        if index == key_frame:
            return picture + 1.0
        if pasted:
            return picture
        grain = rng.normal(0, 3.0, picture.shape).astype(np.float32)
        return picture + cv2.GaussianBlur(grain, (0, 0), 6)

    return run_clip(cheap=True, jitter=0.0, seed=21, room=room)


def test_a_pasted_picture_is_unchanged_and_a_blurred_room_is_not() -> None:
    # when a noisy person sways before a pasted picture and before an app's blurred room
    pasted = blurred_room_clip(pasted=True)
    blurred = blurred_room_clip(pasted=False)
    # then both backgrounds are pixel-still within a level, as the old rule saw them
    assert pasted[-1]["vb_background_still_share"] >= VB_STILL_SHARE
    assert blurred[-1]["vb_background_still_share"] >= VB_VIDEO_SCORE_STILL_SHARE
    # but only the picture is unchanged to the level (the blur measures 0.85; a cue that
    # counted changes within one level, as the still share does, would give 1.0 for both)
    assert pasted[-1]["vb_background_unchanged_share"] >= VB_UNCHANGED_SHARE
    assert blurred[-1]["vb_background_unchanged_share"] < 0.9
    assert CHECKS[DETECTED].fires(pasted[-1])
    # and the share is a median of measurements, reported from the UNCHANGED_MIN_FRAMES-th on
    assert "vb_background_unchanged_share" not in pasted[UNCHANGED_MIN_FRAMES - 1]
    assert "vb_background_unchanged_share" in pasted[UNCHANGED_MIN_FRAMES]


def test_a_key_frame_does_not_break_the_unchanged_picture() -> None:
    # given a pasted clip whose encoder refreshes the whole picture on one frame
    refreshed = blurred_room_clip(pasted=True, key_frame=FLICKER_WINDOW)
    # then on that frame and the next (both compared with a refreshed frame) the picture
    # changed everywhere, yet the median of the last measurements stays over the limit
    for index in (FLICKER_WINDOW, FLICKER_WINDOW + 1):
        assert refreshed[index]["vb_background_unchanged_share"] >= VB_UNCHANGED_SHARE


def test_an_edgeless_still_background_needs_to_be_unchanged() -> None:
    # An app's blur as the tune clips show it: a high score before a background still within
    # a level, without a single edge behind the person, and changing by a level here and there.
    blur = {
        "vb_score": 0.89,
        "vb_background_still_share": 0.96,
        "vb_sharpness_ratio": VB_EDGELESS_SHARPNESS,
        "vb_background_unchanged_share": 0.84,
        "vb_halo_px": 5.0,
    }
    assert not CHECKS[DETECTED].fires(blur) and not CHECKS[EDGE].fires(blur)
    # the same before a picture with edges, or before one unchanged to the level: pasted
    assert CHECKS[DETECTED].fires({**blur, "vb_sharpness_ratio": 0.6})
    unchanged = {**blur, "vb_background_unchanged_share": VB_UNCHANGED_BEHIND}
    assert VB_UNCHANGED_BEHIND < VB_UNCHANGED_SHARE  # the score rule fires, not the share alone
    assert CHECKS[DETECTED].fires(unchanged)
    assert not CHECKS[DETECTED].fires({**unchanged, "vb_score": 0.5, "vb_edge_step_share": 0.3})
    assert CHECKS[EDGE].fires({**blur, "vb_sharpness_ratio": 0.6})


def test_the_edgeless_value_is_the_one_the_rules_read() -> None:
    # The analyzer reports a background without a single edge as this sharpness ratio, and
    # the rules' gate (_PICTURE_BEHIND) turns exactly that value away: two copies that drift
    # apart would let an edgeless app blur through (or keep a picture with edges out).
    from camcheck.analyzers.virtual_background import EDGELESS_SHARPNESS_RATIO

    assert EDGELESS_SHARPNESS_RATIO == VB_EDGELESS_SHARPNESS


def stretched_picture(rng: np.random.Generator) -> np.ndarray:
    """A picture stretched from a small one: structure at every middle scale, no crisp edge."""
    width, height = SIZE
    small = rng.uniform(100, 160, (height // 12, width // 12, 3)).astype(np.float32)
    return cv2.resize(small, SIZE, interpolation=cv2.INTER_CUBIC)


def test_midband_ratio_tells_a_stretched_picture_from_an_app_blur() -> None:
    # given the same picture stretched from a small copy, and blurred as a call app blurs a
    # room (sigma 10 px), behind the frame's whole width
    rng = np.random.default_rng(12)
    picture = cv2.cvtColor(
        np.clip(stretched_picture(rng), 0, 255).astype(np.uint8), cv2.COLOR_RGB2GRAY
    )
    blurred = cv2.GaussianBlur(picture, (0, 0), 10.0)
    everywhere = np.full(picture.shape, 255, np.uint8)
    # then the stretched picture keeps its 2-4 px band (0.60 here) and the blur loses it
    # (0.20): with the bands swapped the two would read 1.7 and 5
    from camcheck.analyzers.virtual_background import MIDBAND_STRUCTURED

    stretched_ratio = outline.midband_ratio(picture, everywhere)
    blurred_ratio = outline.midband_ratio(blurred, everywhere)
    assert blurred_ratio < MIDBAND_STRUCTURED < stretched_ratio
    # a region too small to measure is unmeasured
    assert math.isnan(outline.midband_ratio(picture, np.zeros_like(everywhere)))


def test_an_edgeless_background_with_midband_texture_keeps_its_score_up() -> None:
    from camcheck.analyzers.virtual_background import MIDBAND_STRUCTURED, model_inputs

    # given a clean, edgeless background: a blur (no mid-band texture) and a stretched
    # picture (with it), the other cues alike
    blur = {
        "vb_noise_ratio": 9.0,
        "vb_sharpness_ratio": VB_EDGELESS_SHARPNESS,
        "vb_halo_share": 0.6,
    }
    picture = {**blur, "vb_midband_ratio": MIDBAND_STRUCTURED}
    # then the model reads the picture's sharpness as unmeasured (the edgeless value pulls a
    # score down: 0.25 is under the model's mean of the ratio) and the blur's as measured
    assert "vb_sharpness_ratio" not in model_inputs(picture)
    assert model_inputs({**blur, "vb_midband_ratio": 0.1}) == {**blur, "vb_midband_ratio": 0.1}
    assert model().score(model_inputs(picture)) > model().score(model_inputs(blur))


def test_the_midband_texture_is_measured_on_an_edgeless_still_only() -> None:
    from camcheck.analyzers.virtual_background import MIDBAND_STRUCTURED

    # given a noisy person pasted onto a stretched picture without a crisp edge
    rng = np.random.default_rng(5)
    frame, shape = composite(rng, cheap=True, background=stretched_picture(rng))
    still = VirtualBackgroundAnalyzer().measure(scene_of(frame, shape))
    # then a still measures it (0.60) and its sharpness counts as unmeasured for the score
    # (0.63); a video frame keeps the edgeless value the video rules were fitted on (0.30)
    assert still["vb_sharpness_ratio"] == VB_EDGELESS_SHARPNESS
    assert still["vb_midband_ratio"] > MIDBAND_STRUCTURED
    video = VirtualBackgroundAnalyzer().measure(scene_of(frame, shape, kind="video"))
    assert "vb_midband_ratio" not in video
    assert still["vb_score"] > video["vb_score"]
