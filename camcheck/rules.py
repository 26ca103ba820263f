"""Rules: when a check fires, as data the check table holds, evaluates and publishes.

A rule is a tree of limits on measured numbers: ``Limit("face_highlight", "<", 0.30)``,
combined with :class:`AllOf` and :class:`AnyOf`. The check table gives every check one rule,
the analyzers ask the table whether a finding fires (:meth:`camcheck.checks.Check.fires`), and
``camcheck checks --json`` publishes the same tree as JSON::

    {"metric": "face_highlight", "op": "<", "value": 0.3}
    {"all": [rule, ...]}     {"any": [rule, ...]}

So a rule evaluated on a report's own numbers gives exactly the ids the report shows. A limit
on a number that was not measured does not hold: a check without a face cannot fire on face
numbers.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

Op = Literal["<", "<=", ">", ">="]

_OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


@dataclass(frozen=True)
class Limit:
    """``metric op value``: holds when the measured number is on the firing side."""

    metric: str
    op: Op
    value: float

    def __post_init__(self) -> None:
        if self.op not in _OPS:
            raise ValueError(f"unknown operator {self.op!r}")

    def holds(self, measured: Mapping[str, float]) -> bool:
        number = measured.get(self.metric)
        return number is not None and _OPS[self.op](float(number), self.value)

    def limits(self) -> Iterator[Limit]:
        yield self

    def to_json(self) -> dict[str, Any]:
        return {"metric": self.metric, "op": self.op, "value": self.value}


@dataclass(frozen=True)
class AllOf:
    """Holds when every part holds."""

    parts: tuple[Rule, ...]

    def holds(self, measured: Mapping[str, float]) -> bool:
        return all(part.holds(measured) for part in self.parts)

    def limits(self) -> Iterator[Limit]:
        for part in self.parts:
            yield from part.limits()

    def to_json(self) -> dict[str, Any]:
        return {"all": [part.to_json() for part in self.parts]}


@dataclass(frozen=True)
class AnyOf:
    """Holds when at least one part holds."""

    parts: tuple[Rule, ...]

    def holds(self, measured: Mapping[str, float]) -> bool:
        return any(part.holds(measured) for part in self.parts)

    def limits(self) -> Iterator[Limit]:
        for part in self.parts:
            yield from part.limits()

    def to_json(self) -> dict[str, Any]:
        return {"any": [part.to_json() for part in self.parts]}


Rule = Limit | AllOf | AnyOf


def below(metric: str, value: float) -> Limit:
    """Fires when ``metric < value``."""
    return Limit(metric, "<", value)


def above(metric: str, value: float) -> Limit:
    """Fires when ``metric > value``."""
    return Limit(metric, ">", value)


def at_least(metric: str, value: float) -> Limit:
    """Fires when ``metric >= value``."""
    return Limit(metric, ">=", value)


def at_most(metric: str, value: float) -> Limit:
    """Fires when ``metric <= value``."""
    return Limit(metric, "<=", value)


def all_of(*parts: Rule) -> AllOf:
    return AllOf(tuple(parts))


def any_of(*parts: Rule) -> AnyOf:
    return AnyOf(tuple(parts))


def from_json(data: Mapping[str, Any]) -> Rule:
    """The rule that :meth:`to_json` published (for scripts and tests that read it back)."""
    if "all" in data:
        return AllOf(tuple(from_json(part) for part in data["all"]))
    if "any" in data:
        return AnyOf(tuple(from_json(part) for part in data["any"]))
    return Limit(str(data["metric"]), data["op"], float(data["value"]))


def describe(rule: Rule) -> str:
    """The rule in one line for the README: ``a < 0.3 and (b > 2 or c > 1)``."""
    if isinstance(rule, Limit):
        return f"{rule.metric} {rule.op} {rule.value:g}"
    joiner = " and " if isinstance(rule, AllOf) else " or "
    inner = [
        describe(part) if isinstance(part, Limit) else f"({describe(part)})" for part in rule.parts
    ]
    return joiner.join(inner)
