"""The analyzer interface: measure a prepared Scene, then ask the check table what fires."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from camcheck.checks import CHECKS, finding
from camcheck.findings import Finding
from camcheck.scene import Scene


class Analyzer:
    """Judges one aspect of a Scene. Never calls a model; gets everything from the Scene.

    An analyzer is created once per session, so one that needs history (motion, frozen
    frames) may keep it on ``self``. It measures numbers; whether a finding fires is the
    check table's rule (:meth:`camcheck.checks.Check.fires`), never a limit of its own.
    """

    #: The check ids this analyzer can report, in the table's order.
    check_ids: ClassVar[tuple[str, ...]] = ()

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
