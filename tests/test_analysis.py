"""Analyzer cadence, selection and the one-frame lookahead, without any model."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator

import numpy as np
import pytest

from camcheck.analysis import Analysis
from camcheck.analyzers import ANALYZERS, Analyzer
from camcheck.analyzers.base import SLOW_CHANGE_S
from camcheck.checks import finding
from camcheck.findings import Finding
from camcheck.perception import Perception
from camcheck.pipeline import Lookahead
from camcheck.scene import Scene
from camcheck.selection import Selection
from camcheck.session import Session
from camcheck.sources import Frame, FrameSource
from tests.conftest import synthetic_scene

GOOD = synthetic_scene(face_luma=0.65)
DARK = synthetic_scene(face_luma=0.12, face_texture=0.03, background=0.3, person_luma=0.1)


class Frames(FrameSource):
    """``count`` frames at ``fps``; their pixels do not matter."""

    name = "frames"

    def __init__(self, count: int, fps: float = 30.0, kind: str = "video") -> None:
        self.count, self.fps, self.kind = count, fps, kind

    def __iter__(self) -> Iterator[Frame]:
        for index in range(self.count):
            yield Frame(np.zeros((2, 2, 3), np.uint8), index / self.fps, index)


class Counting(Analyzer):
    """Measures every call and always reports one finding of a check it owns."""

    check_ids = ("lighting.uneven",)
    every_s = SLOW_CHANGE_S
    calls = 0

    def measure(self, scene: Scene) -> dict[str, float]:
        type(self).calls += 1
        return {"calls": float(type(self).calls)}

    def judge(self, scene: Scene, measured: dict[str, float]) -> list[Finding]:
        return [finding("lighting.uneven", face_light_ratio=3.0)]


@pytest.fixture(autouse=True)
def _reset() -> None:
    Counting.calls = 0


def scene_of(frame: Frame, kind: str = "video") -> Scene:
    return dataclasses.replace(GOOD, timestamp=frame.timestamp, index=frame.index, source_kind=kind)


def test_a_slow_analyzer_measures_every_tenth_of_a_second_in_video() -> None:
    # 3 s at 30 fps: 30 measurements, not 90; the finding still counts on every frame.
    report = Session(scene_of, analyzers=[Counting]).run(Frames(90))
    assert Counting.calls == 30
    (item,) = report.findings
    assert item.measured["fraction"] == pytest.approx(1.0)
    assert item.measured["seconds"] == pytest.approx(3.0, abs=0.05)


def test_the_cadence_counts_time_not_frames() -> None:
    # At 10 fps every frame is a tenth of a second apart: all are measured.
    Session(scene_of, analyzers=[Counting]).run(Frames(20, fps=10.0))
    assert Counting.calls == 20


def test_every_still_is_measured() -> None:
    analysis = Analysis([Counting], Selection())
    for index in range(5):
        analysis.step(0, dataclasses.replace(GOOD, index=index, source_kind="image"))
    assert Counting.calls == 5


def test_a_timestamp_going_back_measures_at_once() -> None:
    analysis = Analysis([Counting], Selection())
    for timestamp in (5.0, 5.03, 0.0):
        analysis.step(0, dataclasses.replace(GOOD, timestamp=timestamp, source_kind="video"))
    assert Counting.calls == 2


def test_analyzers_of_unselected_checks_do_not_run() -> None:
    only_face = Selection.from_options(select=["face.not_found"])
    names = {type(a).__name__ for a in Analysis(ANALYZERS, only_face).analyzers}
    assert names == {"FaceAnalyzer"}
    Session(
        scene_of, selection=Selection.from_options(ignore=["lighting"]), analyzers=[Counting]
    ).run(Frames(10))
    assert Counting.calls == 0


def test_cadenced_findings_still_need_to_persist() -> None:
    # The dark face for 0.5 s inside good light: measured at 10 Hz, still a blip.
    scenes = [GOOD] * 45 + [DARK] * 15 + [GOOD] * 60

    def perceive(frame: Frame) -> Scene:
        return dataclasses.replace(scenes[frame.index], timestamp=frame.timestamp)

    report = Session(perceive).run(Frames(len(scenes)))
    assert "lighting.too_dark" not in {f.id for f in report.findings}


def test_video_is_perceived_in_a_worker_thread_in_order() -> None:
    # given a perception that notes its thread and the order it sees frames in
    seen: list[tuple[int, str]] = []

    def perceive(frame: Frame) -> Scene:
        seen.append((frame.index, threading.current_thread().name))
        return scene_of(frame)

    # when a video and a still are checked
    Session(perceive).run(Frames(12))
    video = list(seen)
    seen.clear()
    Session(perceive).run(Frames(1, kind="image"))
    # then the video's frames are perceived in order off the main thread, the still on it
    assert [index for index, _ in video] == list(range(12))
    assert all(name != threading.main_thread().name for _, name in video)
    assert seen == [(0, threading.main_thread().name)]


def test_lookahead_gives_the_same_frames_and_findings_as_running_in_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scenes = [GOOD] * 40 + [DARK] * 50 + [GOOD] * 10

    def perceive(frame: Frame) -> Scene:
        return dataclasses.replace(
            scenes[frame.index], timestamp=frame.timestamp, index=frame.index
        )

    def indices(ahead: bool) -> list[int]:
        lookahead = Lookahead(iter(Frames(len(scenes))), perceive, ahead=ahead)
        found = [item.scene.index for item in lookahead if item.scene is not None]
        lookahead.close()
        return found

    assert indices(True) == indices(False) == list(range(len(scenes)))
    ahead = Session(perceive).run(Frames(len(scenes)))
    monkeypatch.setattr(
        "camcheck.session.Lookahead",
        lambda frames, perceive, ahead: Lookahead(frames, perceive, ahead=False),
    )
    in_line = Session(perceive).run(Frames(len(scenes)))
    assert [f.id for f in ahead.findings] == ["lighting.too_dark"]
    assert ahead.findings == in_line.findings
    assert ahead.metrics == in_line.metrics


def test_a_perception_error_skips_the_frame_and_a_source_error_ends_the_run() -> None:
    def perceive(frame: Frame) -> Scene:
        if frame.index == 3:
            raise ValueError("model hiccup")
        return scene_of(frame)

    class Failing(Frames):
        def __iter__(self) -> Iterator[Frame]:
            yield from list(super().__iter__())[:6]
            raise OSError("decoder gone")

    report = Session(perceive).run(Failing(20))
    assert report.frames_analyzed == 5
    assert report.metrics["frames_skipped"] == 1.0
    assert report.error is not None and report.error.key == "error.source_failed"


def test_the_pose_detector_is_asked_for_only_when_intrusion_is_judged() -> None:
    # given a perception that records whether each frame was to get the pose detector's look
    asked: list[bool] = []

    class Recording(Perception):
        def __init__(self) -> None:  # no models: the frames' pixels do not matter
            pass

        def scene(self, image: np.ndarray, **options: object) -> Scene:
            asked.append(bool(options["people"]))
            return dataclasses.replace(GOOD, timestamp=float(options["timestamp"]))  # type: ignore[arg-type]

    # when a clip is checked with every check, and again without background.intrusion
    Session(Recording()).run(Frames(5))
    Session(Recording(), selection=Selection.from_options(ignore=["background"])).run(Frames(5))
    Session(Recording(), selection=Selection.from_options(select=["lighting"])).run(Frames(5))
    # then only the first run asks for it (the intrusion analyzer alone reads its people;
    # before, every run did: [True] * 15)
    assert asked == [True] * 5 + [False] * 10
