"""Camera trouble: sources that do not open, stay silent, block or die; camera checks; the CLI."""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import cv2
import numpy as np
import pytest
from typer.testing import CliRunner

from camcheck import cli
from camcheck.analyzers.camera import CameraAnalyzer
from camcheck.errors import CamcheckError
from camcheck.findings import Finding, Severity
from camcheck.report import live_view
from camcheck.report.live_view import PreviewWindow, TerminalStatus, display_available
from camcheck.report.model import Report, StopRequested
from camcheck.report.text import format_report
from camcheck.scene import Scene
from camcheck.session import Session
from camcheck.sources import (
    CAMERA_SEARCH_INDICES,
    CameraInfo,
    CameraSource,
    Frame,
    FrameSource,
    VideoSource,
    find_camera,
    probe_camera,
)
from tests.conftest import FIXTURES, synthetic_scene

runner = CliRunner()
# Every camera failure must be reported well within this: "exit 2 within a few seconds".
FEW_SECONDS = 2.5


def invoke(*args: str):
    return runner.invoke(cli.app, list(args), env={"LANG": "C.UTF-8", "LC_ALL": ""})


class FakeCapture:
    """A cv2.VideoCapture stand-in: opens or not, delivers ``frames`` frames, may block."""

    def __init__(
        self,
        *,
        opened: bool = True,
        frames: int = 10**9,
        size: tuple[int, int] = (1280, 720),
        value: int = 128,
        block: threading.Event | None = None,
        interval: float = 0.0,
    ) -> None:
        self.opened = opened
        self.frames = frames
        self.size = size
        self.value = value
        self.block = block
        self.interval = interval
        self.released = False
        self.rng = np.random.default_rng(0)

    def isOpened(self) -> bool:
        return self.opened

    def read(self):
        if self.block is not None:
            self.block.wait(30)  # a driver stuck inside read()
            return False, None
        if self.frames <= 0:
            time.sleep(0.001)
            return False, None
        if self.interval:
            time.sleep(self.interval)
        self.frames -= 1
        width, height = self.size
        image = np.full((height, width, 3), self.value, np.uint8)
        noise = self.rng.integers(0, 3, (height, width, 1), dtype=np.uint8)
        return True, image + noise

    def release(self) -> None:
        self.released = True


def fast_clock(step: float = 0.05):
    """A clock that advances ``step`` seconds per call: timeouts pass without waiting."""
    counter = itertools.count()
    lock = threading.Lock()

    def clock() -> float:
        with lock:
            return next(counter) * step

    return clock


# --- sources -------------------------------------------------------------------------


def test_camera_that_does_not_open_fails_fast() -> None:
    start = time.monotonic()
    with pytest.raises(CamcheckError) as caught:
        CameraSource(7, 5.0, opener=lambda index: FakeCapture(opened=False))
    assert caught.value.key == "error.no_camera"
    assert "camera 7" in caught.value.render()
    assert time.monotonic() - start < FEW_SECONDS


def test_busy_camera_that_opens_but_sends_nothing_fails_within_the_timeout() -> None:
    # given a camera that opens but never delivers (another app holds it)
    capture = FakeCapture(frames=0)
    start = time.monotonic()
    # when camcheck opens it
    with pytest.raises(CamcheckError) as caught:
        CameraSource(0, 5.0, opener=lambda index: capture, start_timeout=0.5)
    # then it gives up quickly, says what to do, and releases the camera
    assert time.monotonic() - start < FEW_SECONDS
    assert caught.value.key == "error.camera_silent"
    line = caught.value.render()
    assert "camera 0" in line and "another app" in line and "0.5 s" in line
    assert capture.released


def test_a_driver_stuck_in_read_never_hangs_camcheck() -> None:
    stuck = threading.Event()
    start = time.monotonic()
    try:
        with pytest.raises(CamcheckError) as caught:
            CameraSource(0, 5.0, opener=lambda index: FakeCapture(block=stuck), start_timeout=0.3)
        assert caught.value.key == "error.camera_silent"
        assert time.monotonic() - start < FEW_SECONDS
    finally:
        stuck.set()  # let the daemon reader thread finish


def test_search_names_every_camera_tried() -> None:
    start = time.monotonic()
    with pytest.raises(CamcheckError) as caught:
        find_camera(5.0, opener=lambda index: FakeCapture(opened=False))
    assert caught.value.key == "error.no_cameras"
    assert "tried cameras 0, 1, 2, 3" in caught.value.render()
    assert "camcheck live --sample" in caught.value.render()
    assert time.monotonic() - start < FEW_SECONDS
    assert CAMERA_SEARCH_INDICES == (0, 1, 2, 3)


def test_search_takes_the_first_camera_that_delivers() -> None:
    source = find_camera(5.0, opener=lambda index: FakeCapture(opened=index == 2))
    try:
        assert source.name == "camera 2"
    finally:
        source.close()


def test_search_reports_a_busy_camera_over_missing_ones() -> None:
    with pytest.raises(CamcheckError) as caught:
        find_camera(
            5.0,
            opener=lambda index: FakeCapture(opened=index == 0, frames=0),
            start_timeout=0.3,
        )
    assert caught.value.key == "error.camera_silent"
    assert "camera 0" in caught.value.render()


def test_camera_stops_after_its_seconds_and_counts_delivered_frames() -> None:
    # given a camera delivering a frame every 10 ms for 0.3 s
    source = CameraSource(0, 0.3, opener=lambda index: FakeCapture(interval=0.01, size=(64, 48)))
    frames = list(source)
    # then frames stop at the time asked, timestamps rise, indices count from 0 (the reader
    # keeps only the newest frame, so a consumer slowed by a loaded machine may miss the
    # first one or two; an index is never repeated)
    assert frames and frames[-1].timestamp < 0.3 + 0.05
    assert 0 <= frames[0].index <= 2
    assert all(b.index > a.index for a, b in itertools.pairwise(frames))
    assert all(b.timestamp >= a.timestamp for a, b in itertools.pairwise(frames))
    assert frames[0].image.shape == (48, 64, 3)


def test_camera_unplugged_midway_gives_frames_so_far_then_the_error() -> None:
    # (at most CAMERA_QUEUE_FRAMES, so none is dropped however slow the consumer is)
    capture = FakeCapture(frames=4, size=(64, 48))
    source = CameraSource(0, 60.0, opener=lambda index: capture, clock=fast_clock())
    seen = []
    with pytest.raises(CamcheckError) as caught:
        for frame in source:
            seen.append(frame)
    assert len(seen) == 4
    assert caught.value.key == "error.camera_lost"
    assert capture.released


def test_probe_reports_size_and_frame_rate() -> None:
    info = probe_camera(
        1, opener=lambda index: FakeCapture(size=(320, 240), interval=0.02), seconds=0.5
    )
    assert info is not None and info.delivering
    assert (info.width, info.height) == (320, 240)
    # one frame per 20 ms plus the reader's overhead: 35 to 50 fps on an idle machine; the
    # rate is wall-clock frames, so beside other work it reads lower (never higher)
    assert 10 <= info.fps <= 51
    assert probe_camera(3, opener=lambda index: FakeCapture(opened=False)) is None
    silent = probe_camera(4, opener=lambda index: FakeCapture(frames=0), start_timeout=0.2)
    assert silent == CameraInfo(4, delivering=False)


# --- the camera analyzer ---------------------------------------------------------------


def scene_of(
    frame: np.ndarray,
    kind: str = "camera",
    *,
    source_size: tuple[int, int] = (1280, 720),
    timestamp: float = 0.0,
    index: int = 0,
) -> Scene:
    return Scene(
        frame=frame,
        source_size=source_size,
        timestamp=timestamp,
        index=index,
        requested_size=(1280, 720) if kind == "camera" else None,
        source_kind=kind,
    )


def noisy(value: int, seed: int, size: tuple[int, int] = (640, 360)) -> np.ndarray:
    rng = np.random.default_rng(seed)
    plane = rng.normal(value, 2.0, (size[1], size[0], 1)).clip(0, 255).astype(np.uint8)
    return np.repeat(plane, 3, axis=2)


def judged(analyzer: CameraAnalyzer, scene: Scene) -> set[str]:
    return {f.id for f in analyzer.analyze(scene)}


@pytest.mark.parametrize("kind", ["camera", "video"])
def test_black_frames_fire_on_cameras_and_videos(kind: str) -> None:
    # A closed shutter: noise around black at full gain.
    frame = noisy(6, seed=1)
    found = CameraAnalyzer().analyze(scene_of(frame, kind))
    (black,) = [f for f in found if f.id == "camera.black_frames"]
    assert black.measured["frame_peak_luma"] < 0.06


def test_a_dim_room_is_not_a_closed_shutter() -> None:
    dim = synthetic_scene(background=0.12, face_luma=0.25, person_luma=0.1)
    scene = scene_of(dim.frame, "camera")
    assert "camera.black_frames" not in judged(CameraAnalyzer(), scene)


def test_stills_are_not_judged_by_camera_checks() -> None:
    analyzer = CameraAnalyzer()
    black = scene_of(np.zeros((360, 640, 3), np.uint8), "image", source_size=(320, 180))
    assert analyzer.measure(black) == {}
    assert judged(analyzer, black) == set()


def test_frozen_frames_fire_and_noisy_ones_do_not() -> None:
    # A camera repeating one picture: frozen once it has stood still for a second.
    analyzer = CameraAnalyzer()
    still = noisy(120, seed=2)
    found = [judged(analyzer, scene_of(still.copy(), timestamp=i / 30, index=i)) for i in range(40)]
    assert not any("camera.frozen" in ids for ids in found[:30])
    assert all("camera.frozen" in ids for ids in found[30:])
    live = CameraAnalyzer()
    ids = set()
    for i in range(40):
        ids |= judged(live, scene_of(noisy(120, seed=10 + i), timestamp=i / 30, index=i))
    assert "camera.frozen" not in ids


def test_a_change_in_the_frames_last_part_cell_is_a_new_picture() -> None:
    # A 640x360 file: 22 whole 16 px rows of cells and an 8-row strip at the bottom. A
    # change only there (a hand moving at the frame's lower edge) is a new picture.
    analyzer = CameraAnalyzer()
    frame = np.full((360, 640, 3), 120, np.uint8)
    analyzer.measure(scene_of(frame, "video", timestamp=0.0, index=0))
    assert (
        analyzer.measure(scene_of(frame.copy(), "video", timestamp=0.5, index=1))["still_s"] == 0.5
    )
    moved = frame.copy()
    moved[352:, 300:316] = 200
    assert analyzer.measure(scene_of(moved, "video", timestamp=1.0, index=2))["still_s"] == 0.0


def test_low_resolution_only_for_cameras() -> None:
    frame = noisy(120, seed=3)
    found = CameraAnalyzer().analyze(scene_of(frame, source_size=(640, 480)))
    (low,) = [f for f in found if f.id == "camera.low_resolution"]
    assert low.measured["camera_width"] == 640 and low.measured["camera_height"] == 480
    assert low.measured["requested_width"] == 1280
    assert "camera.low_resolution" not in judged(CameraAnalyzer(), scene_of(frame))
    portrait = scene_of(frame, source_size=(720, 1280))
    assert "camera.low_resolution" not in judged(CameraAnalyzer(), portrait)
    video = scene_of(frame, "video", source_size=(640, 360))
    assert "camera.low_resolution" not in judged(CameraAnalyzer(), video)


def fps_run(delivered_fps: float, every: int, kind: str = "camera") -> list[Finding]:
    """Frames a camera delivers at ``delivered_fps``; the analysis sees every ``every``-th."""
    analyzer = CameraAnalyzer()
    found: list[Finding] = []
    for step in range(40):
        index = step * every
        scene = scene_of(noisy(120, seed=step), kind, timestamp=index / delivered_fps, index=index)
        found.extend(f for f in analyzer.analyze(scene) if f.id == "camera.low_fps")
    return found


def test_low_fps_measures_what_the_camera_delivers() -> None:
    slow = fps_run(12.0, every=1)
    assert slow and all(11.5 <= f.measured["camera_fps"] <= 12.5 for f in slow)
    # A slow computer that analyses every third frame of a 30 fps camera: not the camera.
    assert fps_run(30.0, every=3) == []
    assert fps_run(25.0, every=1) == []
    # A 12 fps video file is the file's business.
    assert fps_run(12.0, every=1, kind="video") == []


# --- the session with camera findings --------------------------------------------------


class ListSource(FrameSource):
    """Frames from scenes (perception maps index -> scene); may fail after ``fail_at``."""

    def __init__(self, scenes: list[Scene], kind: str = "camera", fail_at: int | None = None):
        self.scenes = scenes
        self.kind = kind
        self.name = f"fake {kind}"
        self.fail_at = fail_at

    def __iter__(self) -> Iterator[Frame]:
        for index, scene in enumerate(self.scenes):
            if index == self.fail_at:
                raise CamcheckError("error.camera_lost", seconds=scene.timestamp)
            yield Frame(scene.frame, scene.timestamp, index)


def run(source: ListSource, **kwargs) -> Report:
    return Session(lambda frame: source.scenes[frame.index]).run(source, **kwargs)


def camera_scenes(count: int, make, fps: float = 30.0) -> list[Scene]:
    scenes = []
    for i in range(count):
        base = make(i)
        scenes.append(
            Scene(
                frame=base.frame,
                faces=base.faces,
                person=base.person,
                source_size=(1280, 720),
                timestamp=i / fps,
                index=i,
                source_kind="camera",
            )
        )
    return scenes


def test_black_picture_hides_findings_it_makes_meaningless() -> None:
    # given 2 s of a covered camera (a black frame where a face would be "too dark")
    black = camera_scenes(60, lambda i: Scene(frame=noisy(5, seed=i)))
    report = run(ListSource(black))
    ids = [f.id for f in report.findings]
    # then only the black picture is reported, first, with its advice in the verdict
    assert ids == ["camera.black_frames"]
    text = format_report(report, "en")
    assert text.splitlines()[-1] == "One thing to fix before your call: Camera shows black."
    assert text.count("Open the privacy shutter") == 1  # the fix is given once, not repeated


def test_unplugged_midway_keeps_the_summary_and_exits_2() -> None:
    # given a camera that shows black for 2 s and is then unplugged
    scenes = camera_scenes(90, lambda i: Scene(frame=noisy(5, seed=i)))
    report = run(ListSource(scenes, fail_at=60))
    assert report.frames_analyzed == 60
    assert [f.id for f in report.findings] == ["camera.black_frames"]
    assert report.error is not None and report.error.key == "error.camera_lost"
    # the error wins over the warning: the check did not finish
    assert report.exit_code == 2


def test_stop_requested_by_the_window_ends_with_the_summary() -> None:
    scenes = camera_scenes(60, lambda i: Scene(frame=noisy(5, seed=i)))
    seen = []

    def on_scene(scene: Scene, findings: list[Finding]) -> None:
        seen.append(scene.index)
        if scene.index == 40:
            raise StopRequested

    report = run(ListSource(scenes), on_scene=on_scene)
    assert report.interrupted and report.frames_analyzed == 41 and seen[-1] == 40
    assert report.exit_code == 1


def test_snapshot_is_a_frame_where_the_first_finding_fired() -> None:
    good = camera_scenes(45, lambda i: Scene(frame=noisy(120, seed=i)))
    black = camera_scenes(45, lambda i: Scene(frame=noisy(5, seed=100 + i)))
    for offset, scene in enumerate(black):
        scene.timestamp, scene.index = (45 + offset) / 30, 45 + offset
    report = run(ListSource(good + black[:40] + good[:5]))
    assert report.findings[0].id == "camera.black_frames"
    snapshot = report.snapshot
    assert snapshot is not None
    assert snapshot.scene.frame.mean() < 10
    assert [f.id for f in snapshot.findings] == ["camera.black_frames"]


# --- video files -----------------------------------------------------------------------


def write_clip(path: Path, frames: list[np.ndarray], fps: float = 15.0) -> Path:
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), fps, (width, height))
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def test_frozen_video_file_is_found(tmp_path: Path, perception) -> None:
    from camcheck.core import check_source

    moving = [noisy(110, seed=i, size=(320, 180)) for i in range(15)]
    frames = moving + [moving[-1]] * 30
    report = check_source(
        VideoSource(write_clip(tmp_path / "frozen.mp4", frames)), perception=perception
    )
    (frozen,) = [f for f in report.findings if f.id == "camera.frozen"]
    assert frozen.measured["still_s"] >= 1.0
    assert not {"camera.low_fps", "camera.low_resolution"} & {f.id for f in report.findings}


# --- the terminal and the window -------------------------------------------------------


def test_display_detection() -> None:
    assert display_available({"DISPLAY": ":0"}, "linux")
    # OpenCV's Qt has only the X11 plugin: Wayland without XWayland cannot show a window.
    assert not display_available({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not display_available({}, "linux")
    assert display_available({}, "darwin") and display_available({}, "win32")


def test_terminal_status_draws_progress_and_a_line_per_check() -> None:
    stream = StringIO()
    status = TerminalStatus(
        "en",
        4.0,
        ["lighting.too_dark", "camera.black_frames"],
        stream,
        force=True,
        clock=fast_clock(1.0),
    )
    finding = Finding("camera.black_frames", {"frame_peak_luma": 0.02}, Severity.PROBLEM)
    status(scene_of(noisy(5, 0), timestamp=2.0), [finding])
    status(scene_of(noisy(5, 1), timestamp=3.0), [])
    out = stream.getvalue()
    assert "[##########----------] 2.0 s of 4.0 s" in out
    assert "NOW   Camera shows black" in out and "seen  Camera shows black" in out
    assert "ok    Face too dark" in out
    assert "\x1b[3F" in out  # the second drawing overwrites the first in place
    status.close()
    assert stream.getvalue().endswith("\x1b[3F\x1b[J")


def test_terminal_status_is_silent_when_not_a_terminal() -> None:
    stream = StringIO()
    status = TerminalStatus("en", 4.0, ["camera.black_frames"], stream)
    status(scene_of(noisy(5, 0)), [])
    status.close()
    assert stream.getvalue() == ""


def test_window_that_cannot_open_falls_back_to_the_terminal(monkeypatch) -> None:
    def no_gui(*args, **kwargs):
        raise cv2.error("no GUI")

    monkeypatch.setattr(live_view.cv2, "namedWindow", no_gui)
    stream = StringIO()
    window = PreviewWindow("en", 4.0, TerminalStatus("en", 4.0, [], stream, force=True))
    assert not window.try_open()
    window(scene_of(noisy(100, 0), timestamp=1.0), [])
    assert "1.0 s of 4.0 s" in stream.getvalue()


def test_window_q_key_stops_and_a_failing_imshow_falls_back(monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(live_view.cv2, "namedWindow", lambda *a, **k: None)
    monkeypatch.setattr(live_view.cv2, "resizeWindow", lambda *a, **k: None)
    monkeypatch.setattr(live_view.cv2, "imshow", lambda title, image: shown.append(image))
    monkeypatch.setattr(live_view.cv2, "getWindowProperty", lambda *a: 1.0)
    monkeypatch.setattr(live_view.cv2, "destroyWindow", lambda *a: None)
    keys = iter([-1, ord("q")])
    monkeypatch.setattr(live_view.cv2, "waitKey", lambda delay: next(keys, -1))
    window = PreviewWindow("nl", 4.0, TerminalStatus("nl", 4.0, [], StringIO()))
    assert window.try_open()
    window(synthetic_scene(), [])
    assert shown and shown[0].shape[1] == 640
    with pytest.raises(StopRequested):
        window(synthetic_scene(), [])

    def broken(title, image):
        raise cv2.error("display gone")

    monkeypatch.setattr(live_view.cv2, "imshow", broken)
    stream = StringIO()
    window = PreviewWindow("en", 4.0, TerminalStatus("en", 4.0, [], stream, force=True))
    window.try_open()
    window(scene_of(noisy(100, 0), timestamp=1.0), [])  # no exception: the terminal takes over
    assert not window.open and "1.0 s of 4.0 s" in stream.getvalue()


# --- the command line ------------------------------------------------------------------


def test_live_camera_unplugged_midway_prints_summary_then_exits_2(monkeypatch) -> None:
    def unplugging_camera(spec, seconds):
        capture = FakeCapture(frames=40, size=(640, 480), value=4, interval=0.03)
        return CameraSource(0, seconds, opener=lambda index: capture, clock=fast_clock(1 / 30))

    monkeypatch.setattr("camcheck.core.open_source", unplugging_camera)
    result = invoke("live", "--no-window", "--seconds", "30")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("camcheck: error: the camera stopped sending frames after")
    analysed = re.search(r"camera 0 \((\d+) frames over ", result.stdout)
    # The source keeps only the newest frame while the analysis is busy, so how many of the
    # 40 sent frames are analysed depends on the machine's load (30 or more on an idle one,
    # fewer beside other work): only the bounds are certain.
    assert analysed and 0 < int(analysed.group(1)) <= 40
    assert "Camera shows black (camera.black_frames)" in result.stdout
    assert "Low camera resolution (camera.low_resolution)" in result.stdout


def test_live_no_camera_is_one_line_within_seconds(monkeypatch) -> None:
    def absent(index: int) -> FakeCapture:
        return FakeCapture(opened=False)

    monkeypatch.setattr("camcheck.sources.camera.open_camera", absent)
    start = time.monotonic()
    result = invoke("live", "--no-window")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "no camera could be opened (tried cameras 0, 1, 2, 3)" in result.stderr
    assert time.monotonic() - start < 10  # models load too; the camera search is instant


def test_live_json_has_no_status_lines_and_names_the_picture(tmp_path: Path) -> None:
    picture = tmp_path / "me.png"
    result = invoke(
        "live", "--source", str(FIXTURES / "sample_call.mp4"), "--json", "--save", str(picture)
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["picture"] == str(picture) and picture.is_file()
    assert result.stderr == ""
    assert not {f["id"] for f in data["findings"]} & {"camera.low_fps", "camera.low_resolution"}


def test_devices_lists_cameras(monkeypatch) -> None:
    cameras = [CameraInfo(0, 1280, 720, 29.7), CameraInfo(2, delivering=False)]
    monkeypatch.setattr("camcheck.core.probe_cameras", lambda: cameras)
    result = invoke("devices")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "camera 0: 1280x720 at 30 frames per second",
        "camera 2: opens but sends no picture (another app may be using it)",
    ]
    data = json.loads(invoke("devices", "--json").stdout)
    assert data[0] == {"index": 0, "width": 1280, "height": 720, "fps": 29.7, "delivering": True}


def test_devices_without_cameras_exits_2(monkeypatch) -> None:
    monkeypatch.setattr(
        "camcheck.sources.camera.open_camera", lambda index: FakeCapture(opened=False)
    )
    start = time.monotonic()
    result = invoke("devices", "--lang", "nl")
    assert result.exit_code == 2
    assert "geprobeerd: camera's 0, 1, 2, 3, 4, 5, 6, 7" in result.stderr
    assert time.monotonic() - start < FEW_SECONDS


def test_terminal_status_on_a_short_terminal_puts_ok_checks_on_one_line() -> None:
    stream = StringIO()
    checks = ["face.not_found", "lighting.too_dark", "lighting.backlight", "camera.frozen"]
    status = TerminalStatus("nl", None, checks, stream, camera=False, force=True, rows=lambda: 4)
    finding = Finding("camera.frozen", {"frame_change_levels": 0.0}, Severity.PROBLEM)
    status(scene_of(noisy(100, 0), "video", timestamp=1.5), [finding])
    lines = [line.removeprefix("\x1b[2K") for line in stream.getvalue().splitlines()]
    assert lines == [
        "Bezig: 1,5 s",
        "  NU      Beeld bevroren",
        "  ok      3 andere checks",
    ]


# --- issue 16 / 18: the reader's own error wins, with the real time -----------------------


class TimedCapture(FakeCapture):
    """Delivers frames every ``interval`` for ``deliver_s`` seconds of real time, then fails
    (or raises, as a driver does when the camera is pulled out)."""

    def __init__(self, deliver_s: float, *, raises: bool = False, **kwargs) -> None:
        super().__init__(size=(64, 48), interval=0.02, **kwargs)
        self.deliver_s = deliver_s
        self.raises = raises
        self.started: float | None = None

    def read(self):
        self.started = self.started or time.monotonic()
        if time.monotonic() - self.started > self.deliver_s:
            if self.raises:
                raise RuntimeError("device disconnected")
            time.sleep(0.001)
            return False, None
        return super().read()


@pytest.mark.parametrize("raises", [False, True], ids=["read fails", "driver raises"])
def test_camera_lost_after_a_while_reports_when_with_a_real_clock(raises: bool) -> None:
    # given a camera that delivers 0.6 s of frames and then stops, with a 0.5 s timeout
    capture = TimedCapture(0.6, raises=raises)
    source = CameraSource(0, 60.0, opener=lambda index: capture, read_timeout=0.5)
    frames = []
    start = time.monotonic()
    with pytest.raises(CamcheckError) as caught:
        for frame in source:
            frames.append(frame)
    # then the error is the reader's, with the time the frames stopped (not "0.0 s"), and
    # it comes after the reader's timeout (or at once for a driver error), not before
    assert caught.value.key == "error.camera_lost"
    seconds = caught.value.params["seconds"]
    assert seconds == pytest.approx(frames[-1].timestamp, abs=0.05)
    assert 0.45 <= seconds <= 0.65
    waited = time.monotonic() - start
    assert waited < 0.6 + 0.5 + 0.9  # well before the consumer's own backstop would fire


def test_the_injected_clock_also_paces_the_retries() -> None:
    naps: list[float] = []
    clock = fast_clock()
    source = CameraSource(
        0,
        60.0,
        opener=lambda index: FakeCapture(frames=2, size=(64, 48)),
        clock=clock,
        sleep=naps.append,
    )
    with pytest.raises(CamcheckError):
        list(source)
    assert naps and all(nap == pytest.approx(0.01) for nap in naps)
