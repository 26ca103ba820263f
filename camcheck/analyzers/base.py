"""The analyzer interface: measure a prepared Scene, then judge the numbers against the table."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from camcheck.findings import Finding
from camcheck.scene import Scene


class Analyzer:
    """Judges one aspect of a Scene. Never calls a model; gets everything from the Scene.

    An analyzer is created once per session, so one that needs history (motion, frozen
    frames) may keep it on ``self``.
    """

    #: The check ids this analyzer can report, in the table's order.
    check_ids: ClassVar[tuple[str, ...]] = ()

    def measure(self, scene: Scene) -> dict[str, float]:
        """The numbers behind the verdict; also reported as the session's metrics."""
        return {}

    def judge(self, scene: Scene, measured: dict[str, float]) -> Iterable[Finding]:
        """Findings for these numbers."""
        return ()

    def analyze(self, scene: Scene) -> list[Finding]:
        """Measure and judge in one call."""
        return list(self.judge(scene, self.measure(scene)))
