"""What a person sees during `camcheck live`: a preview window, or status lines on a terminal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from typing import TextIO

import cv2

from camcheck.checks import CHECKS, ui
from camcheck.findings import Finding
from camcheck.report.annotate import annotate, ascii_text
from camcheck.scene import Scene
from camcheck.session import StopRequested

# Keys that end the preview: q and Esc, as in most OpenCV tools.
STOP_KEYS = frozenset({ord("q"), ord("Q"), 27})
# The window opens at this width (the analysed frame is 640 px; 1.5x is easier to watch).
WINDOW_WIDTH = 960
# The terminal view redraws at most this often: faster only flickers.
STATUS_INTERVAL_S = 0.1
PROGRESS_BAR_WIDTH = 20
# Rows kept free below the status lines; with fewer rows, checks that are ok share a line
# (redrawing in place needs every line on screen).
TERMINAL_SPARE_ROWS = 2
# A window is only tried after a separate process managed to open one within this time:
# Qt aborts the whole process when the display in DISPLAY cannot be reached.
WINDOW_PROBE_TIMEOUT_S = 5.0
_WINDOW_PROBE = (
    "import cv2; cv2.namedWindow('camcheck probe'); cv2.waitKey(1); cv2.destroyAllWindows()"
)


def display_available(environ: Mapping[str, str] | None = None, platform: str = "") -> bool:
    """Whether a window could be shown: macOS and Windows always, elsewhere X11 or Wayland."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform) in ("darwin", "win32"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def start_window_probe() -> subprocess.Popen[bytes] | None:
    """Try to open a window in a child process, so a broken display cannot kill camcheck."""
    try:
        return subprocess.Popen(
            [sys.executable, "-c", _WINDOW_PROBE],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return None


def window_probe_ok(probe: subprocess.Popen[bytes] | None) -> bool:
    """Whether the probe opened its window (waits for it, within WINDOW_PROBE_TIMEOUT_S)."""
    if probe is None:
        return False
    try:
        return probe.wait(WINDOW_PROBE_TIMEOUT_S) == 0
    except subprocess.TimeoutExpired:
        probe.kill()
        probe.wait()
        return False


def progress_line(elapsed: float, total: float | None, lang: str, *, camera: bool = True) -> str:
    """'Watching your camera [#####-----] 2.5 s of 5.0 s' (or 'Checking the video ...')."""
    if total is None or total <= 0:  # a video whose header does not say its length
        return ui("live.progress_untimed", lang, elapsed_s=float(elapsed))
    done = min(PROGRESS_BAR_WIDTH, round(PROGRESS_BAR_WIDTH * elapsed / total))
    bar = "[" + "#" * done + "-" * (PROGRESS_BAR_WIDTH - done) + "]"
    key = "live.progress" if camera else "live.progress_video"
    return ui(key, lang, bar=bar, elapsed_s=float(elapsed), total_s=float(total))


class TerminalStatus:
    """A progress bar and one status line per check, redrawn in place on a terminal.

    Only draws when ``stream`` is a terminal, so pipes and tests get nothing but the report.
    """

    def __init__(
        self,
        lang: str,
        total: float | None,
        check_ids: Iterable[str],
        stream: TextIO | None = None,
        *,
        camera: bool = True,
        force: bool = False,
        clock: Callable[[], float] = time.monotonic,
        rows: Callable[[], int] = lambda: shutil.get_terminal_size().lines,
    ) -> None:
        self.lang = lang
        self.camera = camera
        self._rows = rows
        self.total = total
        self.check_ids = list(check_ids)
        self.stream = stream or sys.stderr
        self.active = force or self.stream.isatty()
        self.seen: set[str] = set()
        self._drawn = 0
        self._last_draw = -STATUS_INTERVAL_S
        self._clock = clock

    def lines(self, elapsed: float, now: set[str]) -> list[str]:
        """The progress line, then a line per check: NOW, seen (earlier) or ok.

        On a terminal too short for every check, the ok ones share one line.
        """
        out = [progress_line(elapsed, self.total, self.lang, camera=self.camera)]
        width = max(len(ui(f"live.mark_{m}", self.lang)) for m in ("ok", "now", "seen"))
        marks = {
            check_id: "now" if check_id in now else "seen" if check_id in self.seen else "ok"
            for check_id in self.check_ids
        }
        compact = len(self.check_ids) + 1 > self._rows() - TERMINAL_SPARE_ROWS
        for check_id, mark in marks.items():
            if compact and mark == "ok":
                continue
            label = ui(f"live.mark_{mark}", self.lang).ljust(width)
            out.append(f"  {label}  {CHECKS[check_id].text(self.lang).title}")
        if compact:
            count = sum(mark == "ok" for mark in marks.values())
            label = ui("live.mark_ok", self.lang).ljust(width)
            out.append(f"  {label}  {ui('live.others_ok', self.lang, count=count)}")
        return out

    def __call__(self, scene: Scene, findings: list[Finding]) -> None:
        now = {f.id for f in findings}
        self.seen |= now
        if not self.active:
            return
        moment = self._clock()
        if moment - self._last_draw < STATUS_INTERVAL_S:
            return
        self._last_draw = moment
        self._draw(self.lines(scene.timestamp, now))

    def _draw(self, lines: list[str]) -> None:
        # ANSI: go up to the first line drawn last time, then rewrite each line in place.
        text = f"\x1b[{self._drawn}F" if self._drawn else ""
        text += "".join("\x1b[2K" + line + "\n" for line in lines)
        self.stream.write(text)
        self.stream.flush()
        self._drawn = len(lines)

    def close(self) -> None:
        """Wipe the status lines: the report that follows replaces them."""
        if self.active and self._drawn:
            self.stream.write(f"\x1b[{self._drawn}F\x1b[J")
            self.stream.flush()
        self._drawn = 0


class PreviewWindow:
    """An OpenCV window with the marks and current findings; q, Esc or closing it stops.

    If the window fails at any point, the view falls back to ``fallback`` silently.
    """

    def __init__(self, lang: str, total: float | None, fallback: TerminalStatus) -> None:
        self.lang = lang
        self.total = total
        self.fallback = fallback
        self.title = ascii_text(ui("live.window_title", lang))
        self.open = False
        self._sized = False

    def try_open(self) -> bool:
        try:
            # GUI_NORMAL: no Qt toolbar (zoom, save) over the picture; it is a preview.
            flags = cv2.WINDOW_NORMAL | cv2.WINDOW_KEEPRATIO | cv2.WINDOW_GUI_NORMAL
            cv2.namedWindow(self.title, flags)
            self.open = True
        except Exception:  # no GUI in this OpenCV build, or no display after all
            self.open = False
        return self.open

    def __call__(self, scene: Scene, findings: list[Finding]) -> None:
        if not self.open:
            self.fallback(scene, findings)
            return
        stop = False
        try:
            image = annotate(
                scene,
                findings,
                self.lang,
                frame_findings=findings,
                extra_lines=[progress_line(scene.timestamp, self.total, self.lang)],
            )
            if not self._sized:
                height, width = image.shape[:2]
                cv2.resizeWindow(self.title, WINDOW_WIDTH, round(height * WINDOW_WIDTH / width))
                self._sized = True
            cv2.imshow(self.title, cv2.cvtColor(image, cv2.COLOR_RGB2BGR))
            key = cv2.waitKey(1)
            stop = (key & 0xFF) in STOP_KEYS if key >= 0 else False
            # Closing the window with its button ends the run like q does.
            stop = stop or cv2.getWindowProperty(self.title, cv2.WND_PROP_VISIBLE) < 1
        except Exception:
            self.close()
            self.fallback(scene, findings)
            return
        if stop:
            raise StopRequested

    def close(self) -> None:
        if self.open:
            self.open = False
            try:
                cv2.destroyWindow(self.title)
                cv2.waitKey(1)
            except Exception:  # the window may already be gone
                pass
        self.fallback.close()
