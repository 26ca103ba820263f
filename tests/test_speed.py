"""What the speed work relies on (issue 19): how the models are run for stills and streams."""

from __future__ import annotations

import cv2
import numpy as np

from camcheck.perception import (
    INTERPRETER_THREADS,
    STREAM_INTERPRETER_THREADS,
    Perception,
)
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
