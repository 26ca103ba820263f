"""Session: persistence over time, interruption and failing sources, without any model."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from camcheck.checks import CHECKS
from camcheck.errors import CamcheckError
from camcheck.scene import Scene
from camcheck.selection import Selection
from camcheck.session import Session
from camcheck.sources import Frame, FrameSource
from tests.conftest import synthetic_scene

DARK = synthetic_scene(face_luma=0.12, face_texture=0.03, background=0.3, person_luma=0.1)
GOOD = synthetic_scene(face_luma=0.65)


class SceneSource(FrameSource):
    """Frames whose pixels do not matter: the 'perception' below maps index -> Scene."""

    kind = "video"
    name = "scenes"

    def __init__(
        self,
        scenes: list[Scene],
        fps: float = 30.0,
        fail_at: int | None = None,
        interrupt_at: int | None = None,
    ) -> None:
        self.scenes = scenes
        self.fps = fps
        self.fail_at = fail_at
        self.interrupt_at = interrupt_at
        self.closed = False

    def __iter__(self) -> Iterator[Frame]:
        for index in range(len(self.scenes)):
            if index == self.fail_at:
                raise CamcheckError("error.camera_lost", seconds=index / self.fps)
            if index == self.interrupt_at:
                raise KeyboardInterrupt
            yield Frame(np.zeros((2, 2, 3), np.uint8), index / self.fps, index)

    def close(self) -> None:
        self.closed = True


def run(source: SceneSource, selection: Selection | None = None):
    return Session(lambda frame: source.scenes[frame.index], selection=selection).run(source)


def test_a_short_blip_is_not_reported() -> None:
    # 0.5 s of dark face inside 4 s of good light: flicker, not a finding.
    scenes = [GOOD] * 45 + [DARK] * 15 + [GOOD] * 60
    report = run(SceneSource(scenes))
    assert report.frames_analyzed == 120
    assert "lighting.too_dark" not in {f.id for f in report.findings}
    assert report.exit_code == 0


def test_a_problem_held_throughout_is_not_longer_than_the_clip() -> None:
    report = run(SceneSource([DARK] * 120))  # 120 frames at 30 fps: 3.97 s from first to last
    (finding,) = [f for f in report.findings if f.id == "lighting.too_dark"]
    # before: 4.0 s (120 frame intervals), beside "(120 frames over 4.0 s)" rounded from 3.97
    assert finding.measured["seconds"] == pytest.approx(report.duration_s)
    assert finding.measured["fraction"] == pytest.approx(1.0)


def test_a_lasting_problem_is_reported_with_its_share_of_time() -> None:
    scenes = [GOOD] * 60 + [DARK] * 60  # 2 s good, 2 s dark
    report = run(SceneSource(scenes))
    (finding,) = [f for f in report.findings if f.id == "lighting.too_dark"]
    assert finding.measured["fraction"] == pytest.approx(0.5, abs=0.02)
    assert finding.measured["seconds"] == pytest.approx(2.0, abs=0.05)
    assert finding.measured["first_seen_s"] == pytest.approx(2.0, abs=0.05)
    assert report.exit_code == 1


def test_no_face_for_a_while_and_a_face_finding_are_never_reported_together() -> None:
    from dataclasses import replace

    bright = synthetic_scene(face_luma=0.97, face_texture=0.01)
    gone = replace(GOOD, faces=())
    assert {f.id for f in run(SceneSource([bright] * 45)).findings} == {"lighting.too_bright"}
    assert {f.id for f in run(SceneSource([gone] * 45)).findings} == {"face.not_found"}
    # 1.5 s washed out, then 1.5 s without a face: "no face" and "your face is washed out"
    # contradict each other, so the report keeps what the table's hides allow (a washed-out
    # face is one the detector loses, so too_bright hides "no face")
    both = run(SceneSource([bright] * 45 + [gone] * 45))
    assert CHECKS["lighting.too_bright"].hides_check("face.not_found")
    assert [f.id for f in both.findings] == ["lighting.too_bright"]
    # and a finding face.not_found hides goes when "no face" stays
    close = synthetic_scene(face_luma=0.6, face_box=(170, 10, 300, 340), person_box=None)
    assert "framing.too_close" in {f.id for f in run(SceneSource([close] * 45)).findings}
    mixed = run(SceneSource([close] * 45 + [gone] * 45))
    assert "face.not_found" in {f.id for f in mixed.findings}
    assert "framing.too_close" not in {f.id for f in mixed.findings}
    # but a short spell without a face does not undo a long one with it, nor the reverse
    mostly_close = {f.id for f in run(SceneSource([close] * 150 + [gone] * 45)).findings}
    assert "framing.too_close" in mostly_close and "face.not_found" not in mostly_close
    mostly_gone = {f.id for f in run(SceneSource([close] * 45 + [gone] * 150)).findings}
    assert "face.not_found" in mostly_gone and "framing.too_close" not in mostly_gone


def test_short_gaps_do_not_break_a_run() -> None:
    # Dark for 1.2 s with one good frame every 0.1 s: the run holds.
    scenes = [GOOD if i % 3 == 2 else DARK for i in range(36)] + [GOOD] * 30
    report = run(SceneSource(scenes))
    assert "lighting.too_dark" in {f.id for f in report.findings}


def test_single_frame_reports_directly() -> None:
    report = run(SceneSource([DARK]))
    assert [f.id for f in report.findings] == ["lighting.too_dark"]
    assert "fraction" not in report.findings[0].measured


def test_interrupt_keeps_the_summary_so_far() -> None:
    source = SceneSource([DARK] * 90, interrupt_at=60)
    report = run(source)
    assert report.interrupted
    assert report.frames_analyzed == 60
    assert "lighting.too_dark" in {f.id for f in report.findings}
    assert source.closed


def test_source_failing_midway_keeps_the_summary_and_the_error() -> None:
    source = SceneSource([GOOD] * 90, fail_at=45)
    report = run(source)
    assert report.error is not None and report.error.key == "error.camera_lost"
    assert report.frames_analyzed == 45
    assert report.exit_code == 2


def test_source_failing_before_any_frame_raises() -> None:
    with pytest.raises(CamcheckError):
        run(SceneSource([GOOD] * 5, fail_at=0))


def test_ignore_and_select() -> None:
    scenes = [DARK] * 40
    assert not run(SceneSource(scenes), Selection.from_options(ignore=["lighting"])).findings
    only = run(SceneSource(scenes), Selection.from_options(select=["face.not_found"]))
    assert not only.findings
    with pytest.raises(CamcheckError):
        Selection.from_options(select=["lighting.nope"])


def test_only_the_analyzers_of_selected_checks_run() -> None:
    everything = run(SceneSource([DARK] * 5))
    only = run(SceneSource([DARK] * 5), Selection.from_options(select=["lighting.too_dark"]))
    # the exposure analyzer measured; the noise, clutter and VB analyzers did not run
    assert "face_highlight" in only.metrics and "face_highlight" in everything.metrics
    for key in ("noise_sigma", "background_edge_density", "vb_score"):
        assert key in everything.metrics, key
        assert key not in only.metrics, key
    assert [f.id for f in only.findings] == ["lighting.too_dark"]


def test_metrics_hold_quantities_not_places_or_codes() -> None:
    from camcheck.analyzers import ANALYZERS

    report = run(SceneSource([GOOD] * 10))
    places = set().union(*(cls.not_metrics for cls in ANALYZERS))
    assert {"busiest_x", "busiest_h", "colour_spot_w", "light_x", "light_place"} <= places
    assert "background_clutter" in report.metrics
    assert places.isdisjoint(report.metrics)


def test_metrics_are_medians_over_frames() -> None:
    report = run(SceneSource([GOOD] * 10))
    assert 0.55 < report.metrics["face_luma"] < 0.75


def test_samples_stay_bounded_and_keep_the_median() -> None:
    from camcheck.session import MAX_SAMPLES, _Samples

    samples = _Samples()
    for value in range(100_000):
        samples.add(float(value))
    assert len(samples.values) <= MAX_SAMPLES
    assert samples.median() == pytest.approx(50_000, rel=0.01)
    # evenly spread: the first and last kept values span the whole range
    assert samples.values[0] == 0.0 and samples.values[-1] > 95_000


def test_flicker_makes_many_short_runs_none_reported() -> None:
    # 0.3 s dark, 0.4 s good, repeated for 30 s: never a second at once.
    scenes = ([DARK] * 9 + [GOOD] * 12) * 43
    report = run(SceneSource(scenes))
    assert "lighting.too_dark" not in {f.id for f in report.findings}


def test_a_check_may_ask_for_a_shorter_persistence(monkeypatch) -> None:
    import dataclasses

    from camcheck import checks

    # given too_dark needing only 0.4 s, a 0.5 s blip now counts
    shorter = dataclasses.replace(checks.CHECKS["lighting.too_dark"], persist_s=0.4)
    monkeypatch.setitem(checks.CHECKS, "lighting.too_dark", shorter)
    scenes = [GOOD] * 45 + [DARK] * 15 + [GOOD] * 60
    report = run(SceneSource(scenes))
    (finding,) = [f for f in report.findings if f.id == "lighting.too_dark"]
    assert finding.measured["seconds"] == pytest.approx(0.5, abs=0.04)


class BrokenDecoder(SceneSource):
    """A source whose decoder raises a plain exception (not a CamcheckError) mid-stream."""

    def __iter__(self) -> Iterator[Frame]:
        for frame in super().__iter__():
            if frame.index == 40:
                raise OSError("corrupt packet at 1.3 s")
            yield frame


def test_a_decoder_failing_midway_keeps_the_summary() -> None:
    source = BrokenDecoder([DARK] * 90)
    report = run(source)
    assert report.frames_analyzed == 40
    assert report.error is not None and report.error.key == "error.source_failed"
    assert "corrupt packet" in report.error.render()
    assert "lighting.too_dark" in {f.id for f in report.findings}
    assert report.exit_code == 2 and source.closed


def test_a_model_error_on_one_frame_skips_that_frame() -> None:
    source = SceneSource([GOOD] * 30)

    def flaky(frame: Frame) -> Scene:
        if frame.index == 7:
            raise RuntimeError("LiteRT: tensor allocation failed")
        return source.scenes[frame.index]

    report = Session(flaky).run(source)
    assert report.frames_analyzed == 29
    assert report.metrics["frames_skipped"] == 1.0
    assert report.error is None and report.exit_code == 0


def test_a_model_failing_on_every_frame_is_a_clean_error() -> None:
    def broken(frame: Frame) -> Scene:
        raise RuntimeError("model file damaged")

    with pytest.raises(CamcheckError) as caught:
        Session(broken).run(SceneSource([GOOD] * 5))
    assert caught.value.key == "error.perception"
    assert "model file damaged" in caught.value.render()


def test_no_thread_is_left_behind_by_a_video_run() -> None:
    import threading

    from camcheck.core import check_source
    from camcheck.sources import VideoSource
    from tests.conftest import FIXTURES

    before = set(threading.enumerate())
    report = check_source(VideoSource(FIXTURES / "sample_call.mp4"), perception=None)
    assert report.frames_analyzed == 75
    assert set(threading.enumerate()) <= before


def test_frames_without_a_kind_take_their_sources() -> None:
    # given a source of one's own whose frames do not say what delivered them
    seen: list[str | None] = []

    def perceive(frame: Frame) -> Scene:
        seen.append(frame.kind)
        return GOOD

    # when a Session judges it, then each frame is the source's kind (not taken for a still)
    Session(perceive).run(SceneSource([GOOD] * 3))
    assert seen == ["video"] * 3
