"""Finding and Severity: what an analyzer says about a frame, as facts rather than sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """How much a finding matters; the order is used for sorting and exit codes."""

    INFO = 1
    WARNING = 2
    PROBLEM = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Finding:
    """One judged problem: a stable check id and the numbers that were measured.

    Sentences are not stored here. They are rendered from the check table
    (:mod:`camcheck.checks`) in the user's language when a report is printed, so the
    same finding can be shown in English, Dutch or JSON.

    Attributes:
        id: Stable check id such as ``lighting.backlight``.
        measured: The numbers behind the verdict, keyed by the names the check's
            message template uses.
        severity: Set from the check table by :func:`camcheck.checks.finding`.
        region: Optional box ``(x, y, w, h)`` in the analysed frame's pixels that the
            finding is about (the face, the busiest background area, ...).
    """

    id: str
    measured: dict[str, float]
    severity: Severity
    region: tuple[int, int, int, int] | None = field(default=None, compare=False)
