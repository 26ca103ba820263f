"""What `live` shows while it runs: settled findings only, per-check states, the verdict so far,
coach mode, the exposure overlay, a window for a video file under a display, Ctrl-C clean-up."""

from __future__ import annotations

import itertools
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest

from camcheck.analyzers.base import Analyzer
from camcheck.checks import finding
from camcheck.report import live_view
from camcheck.report.annotate import (
    SEEN_COLOUR,
    UNDEREXPOSED_COLOUR,
    ZEBRA_COLOUR,
    exposure_overlay,
    legend_lines,
)
from camcheck.report.live_view import (
    PreviewWindow,
    TerminalStatus,
    improvement,
    live_states,
)
from camcheck.report.model import Progress
from camcheck.session import Session
from camcheck.sources import ArraySource
from tests.conftest import FIXTURES, synthetic_scene

FPS = 30.0
FACE = (270, 90, 100, 120)


class Scripted(Analyzer):
    """Fires the findings a script gives for each frame index (no model, no measure)."""

    check_ids = ("framing.too_close", "lighting.too_dark")
    script: ClassVar[dict[int, list[str]]] = {}

    def judge(self, scene, measured):
        for check_id in self.script.get(scene.index, []):
            if check_id == "framing.too_close":
                yield finding(check_id, region=FACE, face_height_share=0.6)
            elif check_id == "lighting.too_dark":
                yield finding(
                    check_id, region=FACE, face_highlight=0.2, face_luma=0.15, frame_highlight=0.5
                )


def scripted_run(script: dict[int, list[str]], frames: int, on_scene) -> Session:
    Scripted.script = script
    scenes = [synthetic_scene(seed=i) for i in range(frames)]

    def perceive(frame):
        scene = scenes[frame.index]
        scene.timestamp, scene.index = frame.timestamp, frame.index
        return scene

    session = Session(perceive, analyzers=[Scripted])
    source = ArraySource([s.frame for s in scenes], fps=FPS)
    on_scene.progress_source = session.progress
    session.run(source, on_scene=on_scene)
    return session


class Recorder:
    """Keeps the session's progress after every frame, as the live view sees it."""

    def __init__(self) -> None:
        self.seen: list[Progress] = []
        self.progress_source = None

    def __call__(self, scene, findings) -> None:
        self.seen.append(self.progress_source())


def test_a_one_frame_blip_never_shows_and_a_settled_finding_stays() -> None:
    # given "too close" in one frame only, and "too dark" from frame 10 to 59 (1.7 s)
    script = {5: ["framing.too_close"]}
    script.update({i: ["lighting.too_dark"] for i in range(10, 60)})
    recorder = Recorder()
    scripted_run(script, 90, recorder)
    settled = [{f.id for f in p.settled} for p in recorder.seen]
    # then the blip is never listed
    assert all("framing.too_close" not in ids for ids in settled)
    # too dark is listed once it held a second (frame 10 + 30), and stays after it ends
    assert "lighting.too_dark" not in settled[38]
    assert all("lighting.too_dark" in ids for ids in settled[40:])
    states = [live_states(p, watch=False).get("lighting.too_dark") for p in recorder.seen]
    assert states[50] == "now" and states[80] == "seen"
    # in coach mode it turns "better" once it has been gone for a second
    coach = [live_states(p, watch=True).get("lighting.too_dark") for p in recorder.seen]
    assert coach[70] == "seen" and coach[89] == "better"


def test_the_window_legend_lists_settled_findings_with_state_and_verdict() -> None:
    status = TerminalStatus("en", None, ["lighting.too_dark", "framing.too_close"], StringIO())
    window = PreviewWindow("en", None, status)
    script = {5: ["framing.too_close"]}
    script.update({i: ["lighting.too_dark"] for i in range(10, 60)})
    frames: dict[int, tuple] = {}

    class Capture:
        progress_source = None

        def __call__(self, scene, findings):
            status.progress = self.progress_source
            frames[scene.index] = (scene, findings)

    scripted_run(script, 90, Capture())
    # the progress the window reads is the session's at the end of the run
    scene, findings = frames[89]
    image = window.image(scene, findings)
    assert image.shape[1] == 640
    progress = status.progress()
    states = live_states(progress, watch=False)
    lines = [text for text, _ in legend_lines(list(progress.settled), "en", states)]
    assert lines[1] == "1  seen: [warning] Face too dark"
    assert not any("Too close" in line for line in lines)
    colours = [colour for _, colour in legend_lines(list(progress.settled), "en", states)]
    assert colours[1] == SEEN_COLOUR
    text = status.lines(3.0, set(), progress)
    assert text[-1] == "So far: one thing to fix: Face too dark"
    assert "  seen  Face too dark" in text and "  ok    Too close to the camera" in text


def test_coach_mode_says_how_many_stops_brighter() -> None:
    dark = finding("lighting.too_dark", face_highlight=0.2, face_luma=0.15, frame_highlight=0.5)
    # 0.2 -> 0.285 in sRGB luma is twice the linear light: one stop
    said = improvement(dark, {"face_highlight": 0.285}, "en")
    assert said == "better: your face is now 1 stop brighter"
    said = improvement(dark, {"face_highlight": 0.5}, "nl")
    assert said == "beter: je gezicht is nu 2,7 stops lichter"
    blur = finding("image.blurry", face_sharpness=0.3)
    assert improvement(blur, {"face_sharpness": 1.0}, "en") == "better: Blurry picture is fixed"


def test_exposure_overlay_marks_clipped_and_dark_skin_only() -> None:
    scene = synthetic_scene(face_luma=0.99, face_texture=0.0, background=1.0)
    image = scene.frame.copy()
    exposure_overlay(image, scene)
    x, y, w, h = FACE
    face = image[y + 20 : y + h - 20, x + 20 : x + w - 20]
    assert (face == ZEBRA_COLOUR).all(axis=-1).mean() > 0.3  # stripes, not a solid fill
    assert (face == ZEBRA_COLOUR).all(axis=-1).mean() < 0.7
    assert np.array_equal(image[5, 5], scene.frame[5, 5])  # the bright wall is not skin
    dark = synthetic_scene(face_luma=0.05, face_texture=0.0)
    image = dark.frame.copy()
    exposure_overlay(image, dark)
    assert (image[y + h // 2, x + w // 2] == UNDEREXPOSED_COLOUR).all()


def test_the_window_z_key_toggles_the_overlay(monkeypatch) -> None:
    monkeypatch.setattr(live_view.cv2, "namedWindow", lambda *a, **k: None)
    monkeypatch.setattr(live_view.cv2, "resizeWindow", lambda *a, **k: None)
    monkeypatch.setattr(live_view.cv2, "imshow", lambda title, image: None)
    monkeypatch.setattr(live_view.cv2, "getWindowProperty", lambda *a: 1.0)
    keys = iter([ord("z"), -1, ord("z")])
    monkeypatch.setattr(live_view.cv2, "waitKey", lambda delay: next(keys, -1))
    window = PreviewWindow("en", 4.0, TerminalStatus("en", 4.0, [], StringIO()))
    assert window.try_open()
    assert window.title.startswith("camcheck")
    window(synthetic_scene(), [])
    assert window.exposure
    window(synthetic_scene(), [])
    assert window.exposure
    window(synthetic_scene(), [])
    assert not window.exposure


def test_a_video_window_plays_at_the_clip_pace(monkeypatch) -> None:
    delays = []
    monkeypatch.setattr(live_view.cv2, "waitKey", lambda delay: delays.append(delay) or -1)
    clock = iter([100.0, 100.01, 100.02])
    window = PreviewWindow("en", 4.0, TerminalStatus("en", 4.0, [], StringIO()), pace=True)
    window._clock = lambda: next(clock)
    for stamp in (0.0, 0.5, 1.0):
        scene = synthetic_scene()
        scene.timestamp = stamp
        window._wait(scene)
    assert delays[0] == 1 and 480 <= delays[1] <= 500 and 970 <= delays[2] <= 990


def test_terminal_lines_never_wrap() -> None:
    stream = StringIO()
    status = TerminalStatus(
        "nl", 5.0, ["background.intrusion"], stream, force=True, columns=lambda: 30
    )
    status(synthetic_scene(), [])
    for line in stream.getvalue().split("\n")[:-1]:
        assert len(re.sub(r"\x1b\[\d*[A-Za-z]", "", line)) <= 29


# --- real terminals and real windows ---------------------------------------------------


def _screen(data: str, rows: int = 60) -> list[str]:
    """What a terminal shows after ``data``: enough of VT100 for the status lines."""
    screen = [""] * rows
    row = col = 0
    for token in re.findall(r"\x1b\[\d*[A-Za-z]|\r|\n|[^\x1b\r\n]+", data):
        if token == "\r":
            col = 0
        elif token == "\n":
            row = min(row + 1, rows - 1)
            col = 0
        elif token.startswith("\x1b["):
            number = int(token[2:-1] or "1") if token[2:-1] else 1
            kind = token[-1]
            if kind == "F":
                row, col = max(0, row - number), 0
            elif kind == "K":
                screen[row] = ""
            elif kind == "J":
                screen[row] = screen[row][:col]
                for below in range(row + 1, rows):
                    screen[below] = ""
        else:
            line = screen[row].ljust(col)
            screen[row] = line[:col] + token + line[col + len(token) :]
            col += len(token)
    return screen


@pytest.fixture(scope="module")
def long_clip(tmp_path_factory) -> Path:
    """The sample clip eight times over: long enough to press Ctrl-C in."""
    import cv2

    capture = cv2.VideoCapture(str(FIXTURES / "sample_call.mp4"))
    frames = []
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        frames.append(frame)
    path = tmp_path_factory.mktemp("clip") / "long.mp4"
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 15, (width, height))
    for _ in range(8):
        for frame in frames:
            writer.write(frame)
    writer.release()
    return path


def test_ctrl_c_in_a_terminal_clears_the_status_lines(long_clip: Path) -> None:
    # given camcheck in a terminal, drawing its status lines
    pid, fd = pty.fork()
    if pid == 0:  # the child: camcheck on the pseudo-terminal
        env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "DISPLAY": "", "LINES": "60"}
        env.pop("WAYLAND_DISPLAY", None)
        os.execve(
            sys.executable,
            [sys.executable, "-m", "camcheck", "live", "--source", str(long_clip)],
            env,
        )
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 100, 0, 0))
    output = b""
    deadline = time.monotonic() + 90
    pressed = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        # when the status lines are on screen, press Ctrl-C as a person would (the
        # terminal echoes ^C and sends SIGINT)
        if not pressed and output.count(b"Checking the video") >= 3:
            os.write(fd, b"\x03")
            pressed = True
    os.waitpid(pid, 0)
    os.close(fd)
    assert pressed, output[-500:]
    screen = [line for line in _screen(output.decode("utf-8", "replace")) if line.strip()]
    # then the report is all there is: no progress bar or status line is left above it
    assert "Stopped early: this is the summary so far." in screen
    assert not any("Checking the video" in line for line in screen), screen
    assert not any(line.startswith(("  ok ", "  NOW ", "  seen ")) for line in screen), screen


XDOTOOL = shutil.which("xdotool")


def test_a_video_file_opens_the_window_under_a_display(display: str, tmp_path: Path) -> None:
    env = {**os.environ, "DISPLAY": display, "LANG": "C.UTF-8", "LC_ALL": ""}
    env.pop("WAYLAND_DISPLAY", None)
    run = subprocess.Popen(
        [sys.executable, "-m", "camcheck", "live", "--sample"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    names = ""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not names:
        found = subprocess.run(
            [XDOTOOL, "search", "--name", "^camcheck - "],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        window = found.stdout.split()
        if window:
            names = subprocess.run(
                [XDOTOOL, "getwindowname", window[0]],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            # q ends it early, with the summary so far
            subprocess.run([XDOTOOL, "key", "--window", window[0], "q"], env=env, check=False)
        time.sleep(0.2)
    out, err = run.communicate(timeout=60)
    assert names.startswith("camcheck - q or Esc"), (names, err)
    assert run.returncode in (0, 1), err
    assert "Stopped early: this is the summary so far." in out


def test_no_window_with_the_no_window_flag(display: str) -> None:
    env = {**os.environ, "DISPLAY": display, "LANG": "C.UTF-8", "LC_ALL": ""}
    env.pop("WAYLAND_DISPLAY", None)
    run = subprocess.Popen(
        [sys.executable, "-m", "camcheck", "live", "--sample", "--no-window"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    windows = []
    while run.poll() is None:
        found = subprocess.run(
            [XDOTOOL, "search", "--name", "^camcheck"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        windows += found.stdout.split()
        time.sleep(0.2)
    assert run.returncode == 1
    assert windows == []


def test_watch_plays_a_clip_over_and_over_with_time_running_on() -> None:
    from camcheck.sources import LoopedVideo as _Looped

    looped = _Looped(FIXTURES / "sample_call.mp4")
    frames = []
    for frame in looped:
        frames.append(frame)
        if len(frames) == 160:  # two loops of 75 frames and a bit
            break
    looped.close()
    stamps = [f.timestamp for f in frames]
    assert all(b > a for a, b in itertools.pairwise(stamps))
    assert abs(stamps[75] - 75 / 15) < 1e-6  # the second loop starts where the first ended
    assert np.array_equal(frames[0].image, frames[75].image)


def test_a_display_that_never_answers_gives_status_lines_not_a_hang() -> None:
    import socket

    from camcheck.report import live_view

    # given an X "server" that accepts the connection and never says a word
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    number = 200 + os.getpid() % 100
    server.bind(f"\0/tmp/.X11-unix/X{number}")
    server.listen(1)
    try:
        start = time.monotonic()
        # when camcheck checks whether a window can open, then it gives up in time
        assert not live_view.window_possible({"DISPLAY": f":{number}"}, "linux")
        took = time.monotonic() - start
        assert took < live_view.DISPLAY_CHECK_TIMEOUT_S + 1.0
    finally:
        server.close()


def test_a_qt_platform_opencv_does_not_ship_falls_back_to_x11(display: str) -> None:
    from camcheck.report import live_view

    # Qt would abort on "wayland" (OpenCV ships only xcb); the X display is checked instead
    assert live_view.window_possible({"DISPLAY": display, "QT_QPA_PLATFORM": "wayland"}, "linux")
    assert not live_view.window_possible(
        {"DISPLAY": ":1999", "QT_QPA_PLATFORM": "wayland"}, "linux"
    )
