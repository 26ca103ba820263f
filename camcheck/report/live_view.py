"""What a person sees during `camcheck live`: a preview window, or status lines on a terminal."""

from __future__ import annotations

import ctypes
import math
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Protocol, TextIO

import cv2

from camcheck.checks import CHECKS, fix_order, render, ui
from camcheck.findings import Finding, Severity
from camcheck.report.annotate import annotate, ascii_text
from camcheck.report.model import Progress, StopRequested
from camcheck.scene import Scene
from camcheck.sources import FrameSource

# Keys that end the preview: q and Esc, as in most OpenCV tools.
STOP_KEYS = frozenset({ord("q"), ord("Q"), 27})
# The key that toggles the exposure overlay (zebra on clipped skin, false colour on dark skin).
EXPOSURE_KEY = frozenset({ord("z"), ord("Z")})
# In coach mode (--watch), a settled finding that has not fired for this long counts as
# fixed and turns green: the persistence time of a finding, so fixed means as sure as found.
FIXED_AFTER_S = 1.0
# Coach mode says "1 stop brighter" only for a change of at least this many stops; smaller
# changes are within what auto exposure does by itself from one second to the next.
MIN_STOPS_SAID = 0.3
# The window opens at this width (the analysed frame is 640 px; 1.5x is easier to watch).
WINDOW_WIDTH = 960
# The terminal view redraws at most this often: faster only flickers.
STATUS_INTERVAL_S = 0.1
PROGRESS_BAR_WIDTH = 20
# Rows kept free below the status lines; with fewer rows, checks that are ok share a line
# (redrawing in place needs every line on screen).
TERMINAL_SPARE_ROWS = 2
# OpenCV's wheels draw windows with Qt, which ships only its X11 (xcb) platform plugin and
# aborts the whole process when it cannot reach the display in DISPLAY. So before the first
# window camcheck connects to that display itself, in this process, through the same libxcb
# Qt uses (a local socket; no program is started to find out), and loads the plugin to see
# that its libraries are all there.
XCB_LIBRARY = "libxcb.so.1"
QT_PLATFORMS = ("qt", "plugins", "platforms")
# A display that accepts the connection but never answers (an X server behind a firewall)
# would block the connection for good: after this long camcheck shows status lines instead.
DISPLAY_CHECK_TIMEOUT_S = 2.0


def display_available(environ: Mapping[str, str] | None = None, platform: str = "") -> bool:
    """Whether a window could be shown: macOS and Windows always, elsewhere an X11 display."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform) in ("darwin", "win32"):
        return True
    return bool(env.get("DISPLAY"))


def window_possible(environ: Mapping[str, str] | None = None, platform: str = "") -> bool:
    """Whether OpenCV can open a window here without Qt aborting camcheck.

    On Linux: DISPLAY names an X server that accepts a connection now, and the Qt xcb
    plugin shipped with OpenCV (where it ships one) loads with all its libraries.
    """
    if not display_available(environ, platform):
        return False
    if (platform or sys.platform) in ("darwin", "win32"):
        return True
    env = os.environ if environ is None else environ
    plugins = Path(cv2.__file__).parent.joinpath(*QT_PLATFORMS)
    # Qt aborts as well when QT_QPA_PLATFORM names a plugin OpenCV does not ship (a Wayland
    # desktop sets "wayland"; its XWayland still serves DISPLAY): camcheck's own windows
    # then use X11 (xcb), which is checked below.
    wanted = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if plugins.is_dir() and wanted and not (plugins / f"libq{wanted}.so").is_file():
        if environ is None:
            os.environ["QT_QPA_PLATFORM"] = "xcb"
        wanted = "xcb"
    if wanted not in ("", "xcb"):
        return True  # a platform OpenCV ships, other than X11 (offscreen, say): Qt's own
    answered: list[bool] = []
    checker = threading.Thread(
        target=lambda: answered.append(_x_display_answers(env.get("DISPLAY", ""))),
        name="camcheck display check",
        daemon=True,
    )
    checker.start()
    checker.join(DISPLAY_CHECK_TIMEOUT_S)
    if not answered or not answered[0]:
        return False
    plugin = plugins / "libqxcb.so"
    if plugin.is_file():
        try:
            ctypes.CDLL(str(plugin))
        except OSError:
            return False
    return True


def _x_display_answers(display: str) -> bool:
    """Whether the X server named ``display`` accepts a connection (libxcb, as Qt uses)."""
    try:
        xcb = ctypes.CDLL(XCB_LIBRARY)
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    except (OSError, AttributeError):
        return False
    connection = xcb.xcb_connect(os.fsencode(display), None)
    if not connection:
        return False
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def progress_line(elapsed: float, total: float | None, lang: str, *, camera: bool = True) -> str:
    """'Watching your camera [#####-----] 2.5 s of 5.0 s' (or 'Checking the video ...')."""
    if total is None or total <= 0:  # a video whose header does not say its length
        return ui("live.progress_untimed", lang, elapsed_s=float(elapsed))
    done = min(PROGRESS_BAR_WIDTH, round(PROGRESS_BAR_WIDTH * elapsed / total))
    bar = "[" + "#" * done + "-" * (PROGRESS_BAR_WIDTH - done) + "]"
    key = "live.progress" if camera else "live.progress_video"
    return ui(key, lang, bar=bar, elapsed_s=float(elapsed), total_s=float(total))


def _linear(luma: float) -> float:
    """sRGB-encoded luma (0..1) back to linear light, to count changes in stops."""
    luma = min(max(luma, 1e-4), 1.0)
    return luma / 12.92 if luma <= 0.04045 else ((luma + 0.055) / 1.055) ** 2.4


def improvement(item: Finding, latest: Mapping[str, float], lang: str) -> str:
    """What coach mode says when a finding has been fixed: how much better, where it can.

    The light checks compare the finding's numbers (the median while it held) with the
    latest frame's, in stops (doublings of linear light).
    """
    title = CHECKS[item.id].text(lang).title
    stops = None
    key = None
    if item.id == "lighting.too_dark" and "face_highlight" in latest:
        before, after = item.measured.get("face_highlight"), latest["face_highlight"]
        if before:
            stops, key = math.log2(_linear(after) / _linear(before)), "live.better_brighter"
    elif item.id == "lighting.too_bright" and "face_luma" in latest:
        before, after = item.measured.get("face_luma"), latest["face_luma"]
        if before:
            stops, key = math.log2(_linear(before) / _linear(after)), "live.better_darker"
    elif item.id == "lighting.uneven" and "face_light_ratio" in latest:
        before, after = item.measured.get("face_light_ratio"), latest["face_light_ratio"]
        if before and after > 0:
            stops, key = math.log2(before / after), "live.better_even"
    if stops is not None and key is not None and stops >= MIN_STOPS_SAID:
        shown = round(stops, 1)
        return ui(f"{key}.{'one' if shown == 1 else 'many'}", lang, title=title, stops=shown)
    return ui("live.better", lang, title=title)


def live_states(progress: Progress, watch: bool) -> dict[str, str]:
    """Per settled check: "now" while it holds, else "seen", or "better" once fixed in coach
    mode (not seen for FIXED_AFTER_S)."""
    states = {}
    for item in progress.settled:
        if item.id in progress.now:
            states[item.id] = "now"
        elif watch and progress.elapsed - progress.last_seen[item.id] >= FIXED_AFTER_S:
            states[item.id] = "better"
        else:
            states[item.id] = "seen"
    return states


def verdict_so_far(progress: Progress, states: Mapping[str, str], lang: str) -> str:
    """The verdict the run is heading for: what is still to fix (fixed ones do not count)."""
    open_items = [
        f
        for f in progress.settled
        if f.severity >= Severity.WARNING and states.get(f.id) != "better"
    ]
    if not open_items:
        return ui("live.so_far_good", lang)
    first = render(min(open_items, key=fix_order), lang).title
    key = "live.so_far_fix.one" if len(open_items) == 1 else "live.so_far_fix.many"
    return ui(key, lang, count=len(open_items), first=first)


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
        columns: Callable[[], int] = lambda: shutil.get_terminal_size().columns,
        progress: Callable[[], Progress] | None = None,
        watch: bool = False,
    ) -> None:
        self.lang = lang
        self.camera = camera
        self._rows = rows
        self._columns = columns
        # The session's view of the run (settled findings); without it, each frame's own.
        self.progress = progress
        self.watch = watch
        self.total = total
        self.check_ids = list(check_ids)
        self.stream = stream or sys.stderr
        self.active = force or self.stream.isatty()
        self.seen: set[str] = set()
        self._drawn = 0
        self._last_draw = -STATUS_INTERVAL_S
        self._clock = clock

    def lines(
        self,
        elapsed: float,
        now: set[str],
        progress: Progress | None = None,
    ) -> list[str]:
        """The progress line, then a line per check: NOW, seen (earlier) or ok.

        With the session's ``progress``, only settled findings count (a one-frame blip is
        never shown), the verdict so far follows, and in coach mode a fixed check says
        "better". On a terminal too short for every check, the ok ones share one line.
        """
        out = [progress_line(elapsed, self.total, self.lang, camera=self.camera)]
        marks_shown = ("ok", "now", "seen", "better") if self.watch else ("ok", "now", "seen")
        width = max(len(ui(f"live.mark_{m}", self.lang)) for m in marks_shown)
        settled: dict[str, Finding] = {}
        if progress is not None:
            states = live_states(progress, self.watch)
            settled = {f.id: f for f in progress.settled}
            marks = {check_id: states.get(check_id, "ok") for check_id in self.check_ids}
        else:
            marks = {
                check_id: "now" if check_id in now else "seen" if check_id in self.seen else "ok"
                for check_id in self.check_ids
            }
        extra = 1 if progress is not None else 0
        compact = len(self.check_ids) + 1 + extra > self._rows() - TERMINAL_SPARE_ROWS
        for check_id, mark in marks.items():
            if compact and mark == "ok":
                continue
            label = ui(f"live.mark_{mark}", self.lang).ljust(width)
            title = CHECKS[check_id].text(self.lang).title
            if mark == "better" and progress is not None:
                title = improvement(settled[check_id], progress.latest, self.lang)
            out.append(f"  {label}  {title}")
        if compact:
            count = sum(mark == "ok" for mark in marks.values())
            label = ui("live.mark_ok", self.lang).ljust(width)
            out.append(f"  {label}  {ui('live.others_ok', self.lang, count=count)}")
        if progress is not None:
            out.append(verdict_so_far(progress, states, self.lang))
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
        progress = self.progress() if self.progress is not None else None
        self._draw(self.lines(scene.timestamp, now, progress))

    def _draw(self, lines: list[str]) -> None:
        # A line longer than the terminal wraps onto a second row, and going up one line
        # per line drawn would then leave rows behind: cut each to the width instead.
        width = max(1, self._columns() - 1)
        lines = [line if len(line) <= width else line[: width - 3] + "..." for line in lines]
        # ANSI: go up to the first line drawn last time, then rewrite each line in place.
        text = f"\x1b[{self._drawn}F" if self._drawn else ""
        text += "".join("\x1b[2K" + line + "\n" for line in lines)
        try:
            self.stream.write(text)
            self.stream.flush()
        finally:
            # Counted even when Ctrl-C lands right after the write, so close() still
            # wipes every line drawn.
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

    def __init__(
        self,
        lang: str,
        total: float | None,
        fallback: TerminalStatus,
        *,
        pace: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.lang = lang
        self.total = total
        self.fallback = fallback
        self.title = ascii_text(ui("live.window_title", lang))
        self.open = False
        self._sized = False
        # A video file is shown at its own pace (a person is watching), a camera as it comes.
        self.pace = pace
        self._clock = clock
        self._started: float | None = None
        self.exposure = False

    def image(self, scene: Scene, findings: list[Finding]) -> object:
        """The picture the window shows: the frame, its marks and the legend below."""
        progress_text = progress_line(
            scene.timestamp, self.total, self.lang, camera=self.fallback.camera
        )
        source = self.fallback.progress
        if source is None:
            return annotate(
                scene,
                findings,
                self.lang,
                frame_findings=findings,
                extra_lines=[progress_text],
                exposure=self.exposure,
            )
        progress = source()
        states = live_states(progress, self.fallback.watch)
        listed = list(progress.settled)
        extra = []
        ok = sum(1 for check_id in self.fallback.check_ids if check_id not in states)
        if listed and ok:
            extra.append(ui("live.window_others_ok", self.lang, count=ok))
        for item in listed:
            if states[item.id] == "better":
                extra.append(improvement(item, progress.latest, self.lang))
        extra += [verdict_so_far(progress, states, self.lang), progress_text]
        if self.exposure:
            extra.append(ui("live.exposure_on", self.lang))
        return annotate(
            scene,
            listed,
            self.lang,
            frame_findings=findings,
            extra_lines=extra,
            states=states,
            exposure=self.exposure,
        )

    def _wait(self, scene: Scene) -> int:
        """Wait for a key, long enough that a video plays at its own speed."""
        delay_ms = 1
        if self.pace:
            now = self._clock()
            if self._started is None:
                self._started = now - scene.timestamp
            ahead = self._started + scene.timestamp - now
            delay_ms = max(1, round(ahead * 1000))
        return cv2.waitKey(delay_ms)

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
            image = self.image(scene, findings)
            if not self._sized:
                height, width = image.shape[:2]
                cv2.resizeWindow(self.title, WINDOW_WIDTH, round(height * WINDOW_WIDTH / width))
                self._sized = True
            cv2.imshow(self.title, cv2.cvtColor(image, cv2.COLOR_RGB2BGR))
            key = self._wait(scene)
            stop = (key & 0xFF) in STOP_KEYS if key >= 0 else False
            if key >= 0 and (key & 0xFF) in EXPOSURE_KEY:
                self.exposure = not self.exposure
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


class _Run(Protocol):
    def progress(self) -> Progress: ...


def open_view(
    source: FrameSource,
    run: _Run,
    *,
    lang: str,
    check_ids: Iterable[str],
    window: bool = True,
    watch: bool = False,
) -> PreviewWindow | TerminalStatus:
    """What shows a live run: a preview window where one can open, else status lines.

    Both show what the run (the Session) has settled so far, not each frame's passing
    findings. ``window=False`` (--no-window, --json) keeps to the terminal.
    """
    total = None if watch else source.expected_seconds  # until q or Ctrl-C: no bar to fill
    status = TerminalStatus(
        lang, total, list(check_ids), camera=source.realtime, progress=run.progress, watch=watch
    )
    # A still has nothing to watch; a camera or a video file gets the window.
    if window and source.kind != "image" and window_possible():
        preview = PreviewWindow(lang, total, status, pace=not source.realtime)
        if preview.try_open():
            return preview
    return status
