"""Perception: MediaPipe's processing redone around LiteRT, checked piece by piece and against
MediaPipe Tasks' own results on every fixture frame (fixtures/reference_mediapipe.json)."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from types import ModuleType

import cv2
import numpy as np
import pytest

from camcheck import perception as perception_module
from camcheck.perception import (
    FACE_PRESENCE_MIN,
    FULL_RANGE,
    FULL_RANGE_EVERY,
    LANDMARK_COUNT,
    LANDMARK_EVERY,
    PERSON_MODEL,
    SHORT_RANGE,
    TILE_MIN_FACE,
    WORKING_LONG_SIDE,
    Perception,
    _Found,
    letterbox,
    ssd_anchors,
    weighted_nms,
    working_copy,
)
from camcheck.scene import FACE_OVAL, Face
from camcheck.sources import load_image
from tests.conftest import FIXTURES, ROOT

# Tolerances against MediaPipe Tasks, as shares of the frame diagonal (734 px for a 640x360
# frame). Tasks floors each box edge to whole pixels of the 320 px detector input, up to
# 2 px of the working frame (0.3%); measured worst over the 731 fixture frames: 0.54% for box
# corners, 0.09% for keypoints. The limits leave about twice that.
BOX_TOLERANCE = 0.01
KEYPOINT_TOLERANCE = 0.005
# Measured worst score difference 0.008 (float rounding in XNNPACK and the input warp).
SCORE_TOLERANCE = 0.02
# Person masks at 64 px, thresholded at 0.5: measured worst IoU 0.989 (a cat the segmenter
# is unsure of). Where the union is under MIN_UNION_SHARE of the pixels (no person), at most
# MAX_MISMATCH_SHARE of them may differ instead.
MASK_IOU = 0.95
MIN_UNION_SHARE = 0.02
MAX_MISMATCH_SHARE = 0.01
# Landmarks (face outline and eye corners) against Tasks' FaceLandmarker on every still, as
# the mean point distance over the face box's width: measured worst 1.1% on 64 stills.
LANDMARK_TOLERANCE = 0.02


@cache
def make_reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_reference", ROOT / "scripts" / "make_reference.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_anchors_are_mediapipes() -> None:
    short = ssd_anchors(SHORT_RANGE)
    full = ssd_anchors(FULL_RANGE)
    assert short.shape == (896, 2) and full.shape == (2304, 2)
    # stride 8 on 128 px: a 16x16 map, two anchors per cell, centres at (i + 0.5) / 16
    assert np.allclose(short[0], [0.5 / 16, 0.5 / 16]) and np.allclose(short[1], short[0])
    assert np.allclose(short[2], [1.5 / 16, 0.5 / 16])
    # then the three stride-16 layers share one 8x8 map: six anchors per cell
    assert np.allclose(short[512:518], [0.5 / 8, 0.5 / 8])
    assert np.allclose(short[518], [1.5 / 8, 0.5 / 8])
    assert np.allclose(full[-1], [47.5 / 48, 47.5 / 48])


def test_letterbox_maps_points_back_to_the_image() -> None:
    image = np.zeros((100, 300, 3), np.uint8)
    image[40:60, 140:160] = 255  # a white square in the middle
    boxed, back = letterbox(image, (128, 128))
    assert boxed.shape == (128, 128, 3)
    # the 3:1 picture fills the width; black bands above and below it
    assert boxed[:20].max() == 0 and boxed[-20:].max() == 0
    ys, xs = np.nonzero(boxed[:, :, 0] > 127)
    centre = np.array([xs.mean() + 0.5, ys.mean() + 0.5]) / 128
    assert np.allclose(back[:, :2] @ centre + back[:, 2], [150, 50], atol=1.5)
    assert np.allclose(back @ [0, 0, 1], [0, -100])  # the tensor's corner, above the image


def test_weighted_nms_merges_overlaps_by_score_and_keeps_the_rest() -> None:
    boxes = np.array([[0, 0, 10, 10], [1, 1, 11, 11], [50, 50, 60, 60]], np.float32)
    points = np.zeros((3, 6, 2), np.float32)
    points[1] += 3
    scores = np.array([0.6, 0.9, 0.7])
    kept = weighted_nms(boxes, points, scores, 0.3)
    assert [round(score, 2) for _, _, score in kept] == [0.9, 0.7]
    merged, merged_points, _ = kept[0]
    assert np.allclose(merged, (boxes[0] * 0.6 + boxes[1] * 0.9) / 1.5)
    assert np.allclose(merged_points, 3 * 0.9 / 1.5)
    assert np.allclose(kept[1][0], boxes[2])


def test_scene_of_a_big_frame_is_at_working_size(perception: Perception) -> None:
    photo = load_image(FIXTURES / "good_obama.jpg")
    big = np.ascontiguousarray(np.repeat(np.repeat(photo, 3, axis=0), 3, axis=1))
    scene = perception.scene(big, timestamp=1.5, index=7)
    assert max(scene.size) == WORKING_LONG_SIDE
    assert scene.source_size == (big.shape[1], big.shape[0])
    assert (scene.timestamp, scene.index) == (1.5, 7)
    face = scene.primary_face
    assert face is not None and face.score > 0.85 and len(face.keypoints) == 6
    # the face lies on the person, and the background margin keeps clear of it
    assert scene.person_mask[scene.face_mask].mean() > 0.95
    assert not (scene.background_mask & scene.face_mask).any()


def box_errors(ref: dict, box: tuple[int, int, int, int], size: tuple[int, int]) -> list[float]:
    """Pixel differences of the box edges that MediaPipe Tasks reports faithfully.

    Tasks moves a box that starts above or left of the frame to 0 and keeps its size, so on
    that axis only "both start at 0" is comparable.
    """
    rx, ry, rw, rh = ref["box"]
    x, y, w, h = box
    errors = []
    for start, length, mine, mine_length, limit in (
        (rx, rw, x, w, size[0]),
        (ry, rh, y, h, size[1]),
    ):
        if start == 0:
            errors.append(abs(mine))
        else:
            errors += [abs(mine - start), abs(min(limit, mine + mine_length) - (start + length))]
    return errors


def test_runtime_matches_mediapipe_tasks_on_every_fixture_frame(perception: Perception) -> None:
    # given MediaPipe Tasks' faces and masks on every fixture frame
    reference = make_reference()
    stored = json.loads(reference.REFERENCE.read_text())["fixtures"]
    worst = {"box": 0.0, "keypoint": 0.0, "score": 0.0, "iou": 1.0}
    frames = 0
    failures = []
    # when camcheck's own runtime sees the same frames
    for name, index, frame in reference.fixture_frames():
        (ref,) = [f for f in stored[name] if f["index"] == index]
        assert ref["size"] == [frame.shape[1], frame.shape[0]], name
        frames += 1
        diagonal = float(np.hypot(*frame.shape[:2]))
        # MediaPipe's behaviour: the full-range model only where the short-range one found none
        faces = perception.detect_faces(frame, full_range=False)
        where = f"{name}#{index}"
        # then it finds the same faces, in the same places, with the same scores
        if len(faces) != len(ref["faces"]):
            failures.append(f"{where}: {len(faces)} faces, MediaPipe {len(ref['faces'])}")
            continue
        mine_sorted = sorted(faces, key=lambda f: -f.score)
        theirs_sorted = sorted(ref["faces"], key=lambda f: -f["score"])
        for theirs, mine in zip(theirs_sorted, mine_sorted, strict=True):
            box = max(box_errors(theirs, mine.box, (frame.shape[1], frame.shape[0])))
            keypoint = float(np.abs(np.subtract(theirs["keypoints"], mine.keypoints)).max())
            score = abs(theirs["score"] - mine.score)
            worst["box"] = max(worst["box"], box / diagonal)
            worst["keypoint"] = max(worst["keypoint"], keypoint / diagonal)
            worst["score"] = max(worst["score"], score)
            if (
                box > BOX_TOLERANCE * diagonal
                or keypoint > KEYPOINT_TOLERANCE * diagonal
                or score > SCORE_TOLERANCE
            ):
                failures.append(f"{where}: {theirs} vs {mine}")
        # and the same person mask
        theirs_mask = reference.unpack_mask(ref["mask"])
        mine_mask = reference.small_mask(perception.segment_person(frame))
        union = np.count_nonzero(theirs_mask | mine_mask)
        if union >= MIN_UNION_SHARE * theirs_mask.size:
            overlap = np.count_nonzero(theirs_mask & mine_mask) / union
            worst["iou"] = min(worst["iou"], overlap)
            if overlap < MASK_IOU:
                failures.append(f"{where}: mask IoU {overlap:.3f}")
        elif np.count_nonzero(theirs_mask ^ mine_mask) > MAX_MISMATCH_SHARE * theirs_mask.size:
            failures.append(f"{where}: masks differ where there is hardly a person")
    print(f"{frames} frames against MediaPipe Tasks, worst: {worst}")
    assert frames == sum(len(v) for v in stored.values()) and frames > 500
    assert not failures, (failures[:10], worst)


def test_landmarks_match_mediapipe_tasks_face_landmarker_on_every_still(
    perception: Perception,
) -> None:
    reference = make_reference()
    document = json.loads(reference.REFERENCE.read_text())
    indices = document["landmark_indices"]
    compared, worst, failures = 0, 0.0, []
    for name, index, frame in reference.fixture_frames():
        (ref,) = [f for f in document["fixtures"][name] if f["index"] == index]
        if ref.get("landmarks") is None:
            continue
        faces = perception.find_faces(frame)
        primary = max(faces, key=lambda face: face.area) if faces else None
        if primary is None or primary.landmarks is None:
            failures.append(f"{name}: no landmarks, MediaPipe has them")
            continue
        distance = np.hypot(*(primary.landmarks[indices, :2] - ref["landmarks"]).T).mean()
        share = float(distance) / primary.box[2]
        worst = max(worst, share)
        compared += 1
        if share > LANDMARK_TOLERANCE:
            failures.append(f"{name}: landmarks {share:.3f} of the face width away")
    print(f"landmarks on {compared} stills against MediaPipe Tasks, worst {worst:.4f}")
    assert compared >= 50 and not failures, failures


def test_the_reference_comparison_can_fail(perception: Perception) -> None:
    # A box shifted by the tolerance, or a face too many, is caught.
    ref = {"box": [100.0, 50.0, 80.0, 80.0]}
    assert max(box_errors(ref, (100, 50, 80, 80), (640, 360))) == 0
    assert max(box_errors(ref, (108, 50, 80, 80), (640, 360))) == 8
    clamped = {"box": [0.0, 50.0, 80.0, 80.0]}
    assert max(box_errors(clamped, (0, 50, 60, 80), (640, 360))) == 0
    assert max(box_errors(clamped, (5, 50, 60, 80), (640, 360))) == 5


@pytest.mark.parametrize("name", ["noface_cat.jpg", "noface_coffee.jpg", "noface_motorcycle.jpg"])
def test_no_face_where_there_is_none(perception: Perception, name: str) -> None:
    # every pass a still gets, tiles included (the motorcycle's lamps look like faces to them)
    assert perception.scene(load_image(FIXTURES / name)).faces == ()


GROUP = ["good_obama.jpg", "good_biden.jpg", "good_grace_hopper.jpg", "good_astronaut.jpg"]


def small_group(perception: Perception) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """Four people from the fixtures, head and shoulders 70 px wide, side by side on a table."""
    canvas = cv2.resize(working_copy(load_image(FIXTURES / "noface_coffee.jpg"), 640), (640, 360))
    regions = []
    for number, name in enumerate(GROUP):
        photo = working_copy(load_image(FIXTURES / name), WORKING_LONG_SIDE)
        x, y, w, h = perception.detect_faces(photo, full_range=False)[0].box
        cx, cy, half = x + w / 2, y + h / 2, 1.1 * w
        rows = slice(max(0, int(cy - half)), int(cy + 1.5 * half))
        crop = photo[rows, max(0, int(cx - half)) : int(cx + half)]
        crop = cv2.resize(crop, (70, round(crop.shape[0] * 70 / crop.shape[1])))
        left, top = 40 + 150 * number, 150
        canvas[top : top + crop.shape[0], left : left + 70] = crop[: 360 - top]
        regions.append((left, top, 70, min(crop.shape[0], 360 - top)))
    return canvas, regions


def test_every_face_of_a_small_group_is_found_in_a_still(perception: Perception) -> None:
    # given four people whose faces are about 30 px wide
    canvas, regions = small_group(perception)

    def found(faces: list) -> int:
        return sum(
            any(
                rx <= f.center[0] <= rx + rw and ry <= f.center[1] <= ry + rh and f.score >= 0.6
                for f in faces
            )
            for rx, ry, rw, rh in regions
        )

    # then MediaPipe's short-range model alone misses some, and the tiles find all four
    assert found(perception.detect_faces(canvas, full_range=False)) < len(GROUP)
    assert found(list(perception.scene(canvas).faces)) == len(GROUP)


def crowd(perception: Perception) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """Three rows of people from the fixtures, head and shoulders 40 px wide (faces of 15 to
    20 px, under TILE_MIN_FACE), side by side as in a group photo of a hundred people."""
    canvas = cv2.resize(working_copy(load_image(FIXTURES / "noface_coffee.jpg"), 640), (640, 360))
    width, gap = 40, 6
    crops = []
    for name in GROUP:
        photo = working_copy(load_image(FIXTURES / name), WORKING_LONG_SIDE)
        x, y, w, h = perception.detect_faces(photo, full_range=False)[0].box
        cx, cy, half = x + w / 2, y + h / 2, 1.1 * w
        rows = slice(max(0, int(cy - half)), int(cy + 1.5 * half))
        crop = photo[rows, max(0, int(cx - half)) : int(cx + half)]
        height = round(crop.shape[0] * width / crop.shape[1])
        crops.append(cv2.resize(crop, (width, height), interpolation=cv2.INTER_AREA))
    regions = []
    for row in range(3):
        for column in range(620 // (width + gap)):
            crop = crops[(row + column) % len(crops)]
            left, top = 8 + column * (width + gap), 40 + row * 100
            canvas[top : top + crop.shape[0], left : left + width] = crop
            regions.append((left, top, width, crop.shape[0]))
    return canvas, regions


def test_a_crowd_of_small_faces_is_found_in_a_still(perception: Perception) -> None:
    # given a crowd whose faces are 15 to 20 px wide
    canvas, regions = crowd(perception)
    faces = perception.scene(canvas).faces

    def region_of(face: Face) -> int | None:
        for number, (rx, ry, rw, rh) in enumerate(regions):
            if rx <= face.center[0] <= rx + rw and ry <= face.center[1] <= ry + rh:
                return number
        return None

    # then the tiles find at least half of them, each once, each confirmed by the landmark
    # model, and nothing outside the people
    where = [region_of(face) for face in faces]
    assert None not in where and len(set(where)) == len(where)
    assert len(faces) >= len(regions) // 2
    assert all(min(face.box[2:]) < TILE_MIN_FACE for face in faces)
    assert all(face.presence is not None and face.presence >= FACE_PRESENCE_MIN for face in faces)


@pytest.mark.parametrize("name", ["good_obama.jpg", "good_biden.jpg", "good_grace_hopper.jpg"])
def test_a_face_in_a_loose_box_fits_at_a_tighter_look(perception: Perception, name: str) -> None:
    # given a face whose box is 1.6 times too large (a coarse pass's box around a small face)
    frame = working_copy(load_image(FIXTURES / name), WORKING_LONG_SIDE)
    (found,) = [f for f in perception._find(frame, False, False)]
    middle, half = found.corners.mean(axis=0), (found.corners[1] - found.corners[0]) / 2
    loose = _Found(np.array([middle - 1.6 * half, middle + 1.6 * half]), found.points, found.score)
    # then the landmark model takes it for a face, and its landmarks lie on the face
    points, presence = perception._landmarks(frame, loose)
    assert presence >= FACE_PRESENCE_MIN
    for index, keypoint in ((33, 0), (263, 1)):
        distance = np.hypot(*(points[index, :2] - found.points[keypoint]))
        assert distance < 0.15 * (found.corners[1, 0] - found.corners[0, 0])
    # though not in MediaPipe's own crop around that box: a tighter look found it
    assert perception._landmarks_in(frame, loose, 1.0)[1] < FACE_PRESENCE_MIN


def test_a_tighter_look_counts_only_when_a_second_look_holds_it_up(
    perception: Perception, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a candidate the model rejects in MediaPipe's crop, takes for a face in a tighter
    # one, and then (shown the crop around the landmarks it gave) not again: a fruit
    frame = np.zeros((200, 200, 3), np.uint8)
    fruit = _Found(np.float32([[60, 60], [140, 140]]), np.float32([[80, 90], [120, 90]]), 0.6)
    looks: list[tuple[float, bool]] = []
    held = 0.01

    def look(image: np.ndarray, found: _Found, share: float) -> tuple[np.ndarray, float]:
        second = found is not fruit
        looks.append((share, second))
        presence = {(1.0, False): 0.2, (0.85, False): 0.97, (1.0, True): held}[share, second]
        points = np.zeros((LANDMARK_COUNT, 3), np.float32)
        points[:, :2] = found.corners.mean(axis=0) + np.arange(LANDMARK_COUNT)[:, None] % 7
        return points, presence

    monkeypatch.setattr(perception, "_landmarks_in", look)
    monkeypatch.setattr(perception_module, "LANDMARK_RETRY_SHARES", (0.85,))
    # then it stays what the first look said
    assert perception._landmarks(frame, fruit)[1] == 0.2
    assert looks == [(1.0, False), (0.85, False), (1.0, True)]
    # while a face that holds up counts with the lesser of its two looks
    held = 0.99
    assert perception._landmarks(frame, fruit)[1] == 0.97
    # and without retries (another face than yours in a stream) only the first look counts
    looks.clear()
    assert perception._landmarks(frame, fruit, retry=False)[1] == 0.2 and len(looks) == 1


def test_the_primary_face_has_landmarks_and_they_give_the_face_mask(
    perception: Perception,
) -> None:
    scene = perception.scene(load_image(FIXTURES / "good_obama.jpg"))
    face = scene.primary_face
    assert face is not None and face.landmarks is not None
    assert face.landmarks.shape == (LANDMARK_COUNT, 3)
    x, y, w, h = face.box
    # the outline lies around the detector's box: forehead to chin, cheek to cheek
    oval = face.landmarks[list(FACE_OVAL), :2]
    assert (oval[:, 0] > x - 0.3 * w).all() and (oval[:, 0] < x + 1.3 * w).all()
    assert (oval[:, 1] > y - 0.4 * h).all() and (oval[:, 1] < y + 1.3 * h).all()
    # the eyes' outer corners (landmarks 33 and 263) lie by the detector's eye keypoints
    for index, keypoint in ((33, 0), (263, 1)):
        assert np.hypot(*(face.landmarks[index, :2] - face.keypoints[keypoint])) < 0.15 * w
    assert scene.face_oval_mask is not None and scene.face_mask is scene.face_oval_mask
    assert 0.5 < scene.face_mask.sum() / (w * h) < 1.2
    assert scene.person_mask[scene.face_mask].mean() > 0.95


def test_landmarks_follow_a_tilted_head(perception: Perception) -> None:
    photo = working_copy(load_image(FIXTURES / "good_obama.jpg"), WORKING_LONG_SIDE)
    height, width = photo.shape[:2]
    tilt = 25.0
    turned = cv2.warpAffine(
        photo, cv2.getRotationMatrix2D((width / 2, height / 3), tilt, 1.0), (width, height)
    )
    face = perception.scene(turned).primary_face
    assert face is not None and face.landmarks is not None
    (x0, y0), (x1, y1) = face.landmarks[33, :2], face.landmarks[263, :2]
    # OpenCV turns counter-clockwise on screen: the image-right eye rises
    assert abs(np.degrees(np.arctan2(y0 - y1, x1 - x0)) - tilt) < 5


def _count_detector_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The model of every detector run from now on, in order."""
    calls: list[str] = []
    original = perception_module.Perception._detect

    def counting(self: Perception, spec: perception_module.DetectorSpec, image: np.ndarray):
        calls.append(spec.model)
        return original(self, spec, image)

    monkeypatch.setattr(perception_module.Perception, "_detect", counting)
    return calls


def test_video_looks_with_the_full_range_model_every_few_frames(
    perception: Perception, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_detector_runs(monkeypatch)
    photo = load_image(FIXTURES / "good_obama.jpg")
    for index in range(2 * FULL_RANGE_EVERY):
        perception.scene(photo, index=index, source_kind="video")
    assert calls.count(SHORT_RANGE.model) == 2 * FULL_RANGE_EVERY
    assert calls.count(FULL_RANGE.model) == 2  # frames 0 and FULL_RANGE_EVERY, no tiles


def test_video_runs_the_landmark_model_every_few_frames_and_tracks_between(
    perception: Perception, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: list[int] = []
    original = perception_module.Perception._landmarks

    def counting(self: Perception, frame: np.ndarray, found: object):
        runs.append(1)
        return original(self, frame, found)

    monkeypatch.setattr(perception_module.Perception, "_landmarks", counting)
    photo = working_copy(load_image(FIXTURES / "good_obama.jpg"), WORKING_LONG_SIDE)
    frames = 2 * LANDMARK_EVERY
    # the head moves 6 px right and grows 2% a frame
    scenes = []
    for index in range(frames):
        zoom = 1 + 0.02 * index
        matrix = np.float32([[zoom, 0, 6 * index], [0, zoom, 0]])
        moved = cv2.warpAffine(photo, matrix, (photo.shape[1], photo.shape[0]))
        scenes.append((moved, perception.scene(moved, index=index, source_kind="video")))
    assert len(runs) == 2  # frames 0 and LANDMARK_EVERY
    for moved, scene in scenes:
        face = scene.primary_face
        assert face is not None and face.landmarks is not None
        fresh = perception.find_faces(moved)[0].landmarks  # a still: always the model
        assert fresh is not None
        # tracked landmarks stay within 3% of the face width of the model's own
        error = np.hypot(*(face.landmarks[:, :2] - fresh[:, :2]).T).mean()
        assert error < 0.03 * face.box[2]


def test_video_does_not_rerun_the_landmark_model_on_a_face_it_rejected(
    perception: Perception, monkeypatch
) -> None:
    from camcheck.perception import _Found

    # given a "face" the landmark model rejects (a poster), seen in frame after frame
    calls: list[int] = []

    def rejecting(frame, found):
        calls.append(1)
        return np.zeros((478, 3), np.float32), 0.01

    monkeypatch.setattr(perception, "_landmarks", rejecting)
    perception._tracked = perception._second = perception._rejected = None
    frame = np.zeros((360, 640, 3), np.uint8)
    corners = np.array([[100.0, 80.0], [180.0, 180.0]], np.float32)
    for index in range(1, 10):
        found = _Found(corners.copy(), np.zeros((6, 2), np.float32), 0.8)
        perception._add_landmarks(frame, found, index)
        assert found.presence == pytest.approx(0.01) and found.landmarks is None
    # then the model ran once every LANDMARK_EVERY frames, not on every frame
    assert len(calls) == len(range(1, 10, perception_module.LANDMARK_EVERY))


def test_the_pose_detector_looks_every_few_tenths_of_a_second_in_video_only(
    perception: Perception, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_detector_runs(monkeypatch)
    photo = load_image(FIXTURES / "good_obama.jpg")
    # a still never gets it (its people are the face detectors' and the segmentation's)
    assert perception.scene(photo).people is None
    assert PERSON_MODEL not in calls
    # a 30 fps clip of 3 s gets it on every twelfth frame (every PEOPLE_EVERY_S = 0.4 s), on
    # the grid from its first frame: timed from the last look instead, the float timestamps
    # drift (1.2 - 0.8 < 0.4) and the looks fall on frames 0, 12, 24, 37, 50, 62...
    looked = [
        index
        for index in range(90)
        if perception.scene(photo, index=index, timestamp=index / 30, source_kind="video").people
        is not None
    ]
    assert looked == list(range(0, 90, 12))
    assert calls.count(PERSON_MODEL) == len(looked)
    # and a run that leaves background.intrusion out never gets it
    calls.clear()
    for index in range(30):
        scene = perception.scene(
            photo, index=index, timestamp=index / 30, source_kind="video", people=False
        )
        assert scene.people is None
    assert PERSON_MODEL not in calls
    # and it finds the one person at the camera, anchored on the face
    (you,) = perception.scene(photo, index=0, source_kind="video").people
    (face,) = perception.find_faces(working_copy(photo, WORKING_LONG_SIDE), landmarks=False)
    assert abs(you.center[0] - face.center[0]) < face.box[2] / 2
    assert you.score >= 0.5
