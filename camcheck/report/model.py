"""What a check produces: the Report of one source, and the Progress of a run under way.

Formatters (text, JSON, pictures, the live window) read these and nothing of the Session.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from camcheck.checks import CHECKS, fix_order
from camcheck.errors import CamcheckError
from camcheck.findings import Finding, Severity
from camcheck.scene import Scene


class StopRequested(Exception):
    """Raised by an ``on_scene`` callback (the preview window's q or Esc) to end a run early."""


@dataclass(frozen=True)
class Snapshot:
    """One analysed frame kept for the annotated picture, with the findings it showed."""

    scene: Scene
    findings: tuple[Finding, ...]


def report_order(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in the one order every report shows them: by group, then :func:`fix_order`.

    The group of the finding to fix first comes first, and so on; within a group, the finding
    to fix first leads. So the first finding is the one the verdict names, and the text, the
    JSON ``findings`` and the saved picture's numbers all read the same list.
    """
    by_fix = sorted(findings, key=fix_order)
    groups = list(dict.fromkeys(CHECKS[item.id].group for item in by_fix))
    return sorted(by_fix, key=lambda item: groups.index(CHECKS[item.id].group))


@dataclass
class Report:
    """The outcome of checking one source; its findings are kept in :func:`report_order`."""

    source: str
    kind: str
    frames_analyzed: int
    duration_s: float
    findings: list[Finding]
    metrics: dict[str, float] = field(default_factory=dict)
    interrupted: bool = False
    error: CamcheckError | None = None
    # The frame that best shows the findings (for --save); not part of the JSON report.
    snapshot: Snapshot | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.findings = report_order(self.findings)

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    @property
    def exit_code(self) -> int:
        """0 looks good, 1 a warning or worse, 2 could not check.

        A source that failed part-way (a camera unplugged) is 2 even with findings so far:
        the check did not finish, and a script must not take it for a complete verdict.
        """
        if self.frames_analyzed == 0 or self.error is not None:
            return 2
        worst = self.worst
        if worst is not None and worst >= Severity.WARNING:
            return 1
        return 0


@dataclass(frozen=True)
class Progress:
    """What a run in progress has built so far: what the live window and status lines show.

    Attributes:
        elapsed: Seconds from the first analysed frame to the latest.
        settled: The findings that have held long enough to be reported (as in the final
            report, in :func:`report_order`), with the numbers measured so far.
        now: Ids of the settled findings that still hold at the latest frame (a gap under
            BRIDGE_SECONDS does not count as gone); the others were seen earlier.
        last_seen: Per settled id, seconds from the start to the last frame it fired in.
        latest: Every analyzer's numbers of the latest frame (what coach mode compares).
    """

    elapsed: float
    settled: tuple[Finding, ...]
    now: frozenset[str]
    last_seen: dict[str, float]
    latest: dict[str, float] = field(default_factory=dict)
