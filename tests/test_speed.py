"""What the speed work relies on (issue 19): how the models run, how far perception runs ahead."""

from __future__ import annotations

import time

import cv2
import numpy as np
import pytest

from camcheck.perception import (
    INTERPRETER_THREADS,
    STREAM_INTERPRETER_THREADS,
    Perception,
)
from camcheck.pipeline import LOOKAHEAD_FRAMES, Lookahead
from camcheck.scene import Scene
from camcheck.sources import Frame
from tests.conftest import FIXTURES, synthetic_scene


def test_streams_run_the_models_single_threaded_and_stills_on_both_cores() -> None:
    assert STREAM_INTERPRETER_THREADS < INTERPRETER_THREADS
    threads: list[int] = []
    with Perception() as perception:
        created = perception._interpreter_class

        def recording(*, model_path: str, num_threads: int):
            threads.append(num_threads)
            return created(model_path=model_path, num_threads=num_threads)

        perception._interpreter_class = recording
        frame = synthetic_scene().frame
        perception.scene(frame, source_kind="video", index=1)
        stream = set(threads)
        threads.clear()
        perception.scene(frame, source_kind="image")
        still = set(threads)
    # a video frame created its models with one thread, a still its own with two
    assert stream == {STREAM_INTERPRETER_THREADS}
    assert still == {INTERPRETER_THREADS}


def test_a_stream_and_a_still_find_the_same_in_the_same_frame(perception) -> None:
    # One interpreter thread or two: XNNPACK splits the work, not the arithmetic.
    photo = cv2.cvtColor(cv2.imread(str(FIXTURES / "good_obama.jpg")), cv2.COLOR_BGR2RGB)
    still = perception.scene(photo, source_kind="image")
    video = perception.scene(photo, source_kind="video", index=0)
    assert np.array_equal(still.person, video.person)
    assert [f.box for f in still.faces][:1] == [f.box for f in video.faces][:1]


class _Counted:
    """Frames 0, 1, 2... of a video, noting how many were read."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.read = 0

    def __iter__(self):
        for index in range(self.count):
            self.read += 1
            yield Frame(np.zeros((36, 64, 3), np.uint8), index / 30, index, "video")


@pytest.mark.parametrize("depth", [1, LOOKAHEAD_FRAMES])
def test_the_worker_stays_at_most_depth_frames_ahead_and_in_order(depth: int) -> None:
    frames = _Counted(20)
    perceived: list[int] = []

    def perceive(frame: Frame) -> Scene:
        perceived.append(frame.index)
        return Scene(frame=frame.image, index=frame.index)

    lookahead = Lookahead(iter(frames), perceive, ahead=True, depth=depth)
    judged = []
    for item in lookahead:
        assert item.scene is not None
        judged.append(item.scene.index)
        time.sleep(0.005)  # the worker catches up while this one is judged
        # never more than ``depth`` frames read past the one being judged
        assert frames.read - 1 - item.scene.index <= depth
    lookahead.close()
    assert judged == perceived == list(range(20))
