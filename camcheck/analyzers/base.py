"""The analyzer interface: measure a prepared Scene, then ask the check table what fires."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from camcheck.checks import CHECKS, finding
from camcheck.findings import Finding
from camcheck.scene import Scene

# Seconds between two measurements, in video and live runs, of what changes only when the
# scene does (the background's clutter and colours, the face's colour, light spread,
# sharpness and noise): every 3rd frame at 30 fps, still 10 numbers a second against the
# 1 s a finding must persist (camcheck.session.PERSIST_SECONDS). Stills are always measured.
SLOW_CHANGE_S = 0.1


class Analyzer:
    """Judges one aspect of a Scene. Never calls a model; gets everything from the Scene.

    An analyzer is created once per session, so one that needs history (motion, frozen
    frames) may keep it on ``self``. It measures numbers; whether a finding fires is the
    check table's rule (:meth:`camcheck.checks.Check.fires`), never a limit of its own.
    """

    #: The check ids this analyzer can report, in the table's order.
    check_ids: ClassVar[tuple[str, ...]] = ()
    #: Measured keys that are places or codes, not quantities (a box's corner, "left"):
    #: they serve the finding's region and words, and are left out of the report's
    #: metrics, whose every number is a median over the frames.
    not_metrics: ClassVar[frozenset[str]] = frozenset()
    #: In video and live runs, seconds between two measurements (the Session keeps the last
    #: numbers and findings in between, see camcheck.analysis); None measures every frame.
    #: Only for an analyzer that keeps no history of its own between frames.
    every_s: ClassVar[float | None] = None
    #: Whether it reads ``Scene.people`` (the pose detector's): perception runs that
    #: detector only for a run with such an analyzer and one of its checks selected.
    reads_people: ClassVar[bool] = False

    def measure(self, scene: Scene) -> dict[str, float]:
        """The numbers behind the verdict; also reported as the session's metrics."""
        return {}

    def region(
        self, check_id: str, scene: Scene, measured: Mapping[str, float]
    ) -> tuple[int, int, int, int] | None:
        """The box ``(x, y, w, h)`` a finding of ``check_id`` is about, if any."""
        return None

    def judge(self, scene: Scene, measured: dict[str, float]) -> Iterable[Finding]:
        """A finding for each of this analyzer's checks whose table rule holds."""
        for check_id in self.check_ids:
            check = CHECKS[check_id]
            if not check.fires(measured):
                continue
            facts = {key: measured[key] for key in check.fact_keys if key in measured}
            yield finding(check_id, region=self.region(check_id, scene, measured), **facts)

    def analyze(self, scene: Scene) -> list[Finding]:
        """Measure and judge in one call."""
        return list(self.judge(scene, self.measure(scene)))
