"""Selection: which checks to report (--select) and which to leave out (--ignore)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from camcheck.checks import CHECKS
from camcheck.errors import CamcheckError


def _expand(patterns: Iterable[str]) -> frozenset[str]:
    """Check ids from ids, group prefixes (``lighting``) or globs (``lighting.*``)."""
    ids: set[str] = set()
    for raw in patterns:
        for pattern in (p.strip() for p in raw.split(",")):
            if not pattern:
                continue
            prefix = pattern.removesuffix("*").removesuffix(".")
            matched = {
                check_id
                for check_id in CHECKS
                if check_id == pattern or check_id.startswith(prefix + ".")
            }
            if not matched:
                raise CamcheckError("error.unknown_check", check_id=pattern)
            ids |= matched
    return frozenset(ids)


@dataclass(frozen=True)
class Selection:
    """The checks a run reports. Empty ``select`` means all of them."""

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()

    @classmethod
    def from_options(cls, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> Selection:
        """Build from CLI values; raises CamcheckError for an unknown id."""
        return cls(_expand(select), _expand(ignore))

    def wants(self, check_id: str) -> bool:
        return (not self.select or check_id in self.select) and check_id not in self.ignore
