"""Rules: evaluation, JSON round trip, and the rules that `camcheck checks --json` shows."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from camcheck import cli
from camcheck.checks import CHECKS, ruled_ids
from camcheck.core import check_images
from camcheck.errors import CamcheckError
from camcheck.perception import Perception
from camcheck.rules import Limit, above, all_of, any_of, below, describe, from_json
from tests.conftest import FIXTURES


def test_limits_and_combinations() -> None:
    rule = any_of(below("a", 0.3), all_of(below("a", 0.55), below("b", 0.7)))
    assert rule.holds({"a": 0.29})
    assert not rule.holds({"a": 0.31})
    assert rule.holds({"a": 0.5, "b": 0.6})
    assert not rule.holds({"a": 0.5, "b": 0.7})
    assert not rule.holds({"a": 0.6, "b": 0.0})
    # a number that was not measured never makes a limit hold
    assert not rule.holds({})
    assert not above("x", 1).holds({"y": 5})
    assert Limit("x", ">=", 1).holds({"x": 1}) and not Limit("x", ">", 1).holds({"x": 1})
    assert describe(rule) == "a < 0.3 or (a < 0.55 and b < 0.7)"


def test_bad_operator_is_refused() -> None:
    with pytest.raises(ValueError):
        Limit("x", "==", 1)  # type: ignore[arg-type]


@pytest.mark.parametrize("check_id", list(CHECKS))
def test_every_rule_round_trips_through_json(check_id: str) -> None:
    rule = CHECKS[check_id].the_rule
    assert from_json(json.loads(json.dumps(rule.to_json()))) == rule


def test_checks_json_publishes_rules_and_hides() -> None:
    result = CliRunner().invoke(cli.app, ["checks", "--json"])
    assert result.exit_code == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert set(rows) == set(CHECKS)
    dark = rows["lighting.too_dark"]
    assert from_json(dark["rule"]) == CHECKS["lighting.too_dark"].the_rule
    assert "lighting.too_bright" in dark["hides"]
    # the published rule decides the same way the analyzer does
    assert from_json(dark["rule"]).holds({"face_highlight": 0.4, "frame_highlight": 0.6})
    assert not from_json(dark["rule"]).holds({"face_highlight": 0.4, "frame_highlight": 0.9})


STILLS = sorted(FIXTURES.glob("*.jpg"))


def test_the_rules_on_a_reports_own_numbers_give_exactly_its_ids(perception: Perception) -> None:
    # given every still fixture, judged as camcheck judges it
    assert len(STILLS) >= 40
    results = check_images(STILLS, perception=perception)
    mismatches = {}
    for path, report in zip(STILLS, results, strict=True):
        assert not isinstance(report, CamcheckError), path
        # when the table's rules are evaluated on the report's numbers alone
        numbers = dict(report.metrics)
        for item in report.findings:
            numbers.update(item.measured)
        reported = {item.id for item in report.findings}
        # then they give exactly the reported ids: no limit hides in an analyzer
        if ruled_ids(numbers) != reported:
            mismatches[path.name] = (sorted(reported), sorted(ruled_ids(numbers)))
    assert not mismatches, mismatches
