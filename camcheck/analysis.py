"""The analyzers of one run, each measured at its own cadence in video, on every still."""

from __future__ import annotations

from collections.abc import Iterable

from camcheck.analyzers import Analyzer
from camcheck.findings import Finding
from camcheck.scene import Scene
from camcheck.selection import Selection

# Two timestamps this close count as the same instant when an analyzer's interval is due:
# a 30 fps clip's timestamps (index / 30) are a float rounding off their true spacing, and
# a measurement due at 0.1 s must not wait a frame for 0.09999999999999998. A millisecond is
# far below any frame interval (33 ms at 30 fps, 8 ms at 120 fps).
TIME_TOLERANCE_S = 1e-3


class Analysis:
    """Runs the analyzers a selection needs, each at its cadence (``Analyzer.every_s``).

    A still is always measured whole. In video and live runs an analyzer with ``every_s``
    set is measured when that many seconds have passed since its last measurement; on the
    frames in between its last numbers and findings stand. Persistence counts time, not
    frames (see camcheck.session), so a finding carried over counts as seen on those frames.
    An analyzer whose checks the selection all leaves out does not run: its findings would
    be dropped anyway, and an unselected finding hides nothing.
    """

    def __init__(self, analyzer_types: Iterable[type[Analyzer]], selection: Selection) -> None:
        self.selection = selection
        self.analyzers = [
            cls()
            for cls in analyzer_types
            # One that declares no check ids may report any: it always runs.
            if not cls.check_ids or any(selection.wants(c) for c in cls.check_ids)
        ]
        # Per analyzer: the timestamp, numbers and findings of its last measurement.
        self._last: list[tuple[float, dict[str, float], list[Finding]] | None] = [None] * len(
            self.analyzers
        )

    def due(self, position: int, scene: Scene) -> bool:
        """Whether the analyzer at ``position`` measures ``scene`` afresh."""
        every = self.analyzers[position].every_s
        last = self._last[position]
        if every is None or last is None or scene.source_kind == "image":
            return True
        elapsed = scene.timestamp - last[0]
        # A timestamp going backwards is a new source: measure at once.
        return elapsed < 0 or elapsed + TIME_TOLERANCE_S >= every

    def step(self, position: int, scene: Scene) -> tuple[dict[str, float], list[Finding]]:
        """One analyzer's numbers and (selected) findings for ``scene``."""
        if not self.due(position, scene):
            last = self._last[position]
            assert last is not None
            return last[1], last[2]
        analyzer = self.analyzers[position]
        measured = analyzer.measure(scene)
        findings = [f for f in analyzer.judge(scene, measured) if self.selection.wants(f.id)]
        if analyzer.every_s is not None:
            self._last[position] = (scene.timestamp, measured, findings)
        return measured, findings
