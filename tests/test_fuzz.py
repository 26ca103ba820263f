"""Property: any array of any shape and dtype gives a report or a clean CamcheckError."""

from __future__ import annotations

import os

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from camcheck.core import check_source
from camcheck.errors import CamcheckError
from camcheck.perception import Perception
from camcheck.report.model import Report
from camcheck.sources import ArraySource

DTYPES = st.sampled_from(
    [np.uint8, np.uint16, np.int16, np.int32, np.float32, np.float64, np.bool_]
)
SHAPES = st.tuples(st.integers(1, 96), st.integers(1, 96)).flatmap(
    lambda hw: st.sampled_from([hw, (*hw, 1), (*hw, 2), (*hw, 3), (*hw, 4), (*hw, 5), (hw[0],)])
)


@settings(
    max_examples=int(os.environ.get("CAMCHECK_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(array=DTYPES.flatmap(lambda dtype: arrays(dtype, SHAPES)))
def test_any_array_gives_a_report_or_a_clean_error(
    array: np.ndarray, perception: Perception
) -> None:
    try:
        report = check_source(ArraySource([array, array]), perception=perception)
    except CamcheckError as exc:
        assert exc.key == "error.bad_frame"
        assert exc.render()
        return
    assert isinstance(report, Report)
    assert report.frames_analyzed == 2
    assert report.exit_code in (0, 1)


def test_big_random_frames_stay_finite(perception: Perception) -> None:
    rng = np.random.default_rng(1)
    frames = [rng.integers(0, 256, (720, 1280, 3), dtype=np.uint8) for _ in range(3)]
    report = check_source(ArraySource(frames), perception=perception)
    assert all(np.isfinite(v) for v in report.metrics.values())
