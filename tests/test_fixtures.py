"""The golden table: every fixture in fixtures/manifests/*.toml against what it must produce."""

from __future__ import annotations

from pathlib import Path

import pytest

from camcheck.checks import CHECKS
from camcheck.core import check_images, check_source
from camcheck.perception import Perception
from camcheck.report.model import Report
from camcheck.sources import VideoSource
from tests.conftest import FIXTURES, manifest_entries

ENTRIES = manifest_entries()
VIDEO_SUFFIXES = {".mp4", ".avi", ".mkv", ".mov"}


def run_fixture(path: Path, perception: Perception) -> Report:
    if path.suffix in VIDEO_SUFFIXES:
        return check_source(VideoSource(path), perception=perception)
    (result,) = check_images([path], perception=perception)
    assert isinstance(result, Report), result
    return result


def test_manifests_are_not_empty_and_name_known_checks() -> None:
    assert len(ENTRIES) >= 20
    for entry in ENTRIES:
        assert (FIXTURES / entry["file"]).is_file(), entry["file"]
        for check_id in [*entry.get("must", []), *entry.get("must_not", [])]:
            assert check_id in CHECKS, f"{entry['file']} names unknown check {check_id}"
        assert entry.get("must") or entry.get("must_not") or entry.get("clean"), entry["file"]


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e['manifest']}:{e['file']}" for e in ENTRIES])
def test_fixture(entry: dict, perception: Perception) -> None:
    # given a fixture and what its manifest expects
    path = FIXTURES / entry["file"]
    # when camcheck judges it
    report = run_fixture(path, perception)
    found = {item.id for item in report.findings}
    # then every expected check fires, and no forbidden one does
    numbers = {item.id: item.measured for item in report.findings}
    assert set(entry.get("must", [])) <= found, (found, numbers, report.metrics)
    assert not set(entry.get("must_not", [])) & found, (found, numbers, report.metrics)
    if entry.get("clean"):
        assert not found, (numbers, report.metrics)
        assert report.exit_code == 0
