"""The packaged sample clip: shipped in the package, judged by `live --sample` from any folder."""

from __future__ import annotations

import fnmatch
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from camcheck import cli
from camcheck.sources import sample_clip
from tests.conftest import FIXTURES, ROOT


def test_the_sample_is_inside_the_package_and_matches_the_fixture() -> None:
    clip = sample_clip()
    assert clip.parent == Path(cli.__file__).resolve().parent / "samples"
    # the fixture script makes the clip; the packaged copy must stay that same clip
    assert clip.read_bytes() == (FIXTURES / "sample_call.mp4").read_bytes()
    assert clip.stat().st_size < 1_000_000, "a sample to try, not a download"
    assert "public domain" in (clip.parent / "SOURCE.md").read_text()


def test_package_data_ships_the_sample_and_its_licence() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["camcheck"]
    package = Path(cli.__file__).resolve().parent
    for shipped in ("samples/sample_call.mp4", "samples/SOURCE.md"):
        assert (package / shipped).is_file()
        assert any(fnmatch.fnmatch(shipped, pattern) for pattern in patterns), shipped


def test_live_sample_judges_the_clip_from_any_folder(tmp_path: Path) -> None:
    # given a folder that has no fixtures in it
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    # when the sample is judged from there
    result = subprocess.run(
        [sys.executable, "-m", "camcheck", "live", "--sample", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    # then the clip is judged (it darkens after 2 s) and nothing is written there
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["frames_analyzed"] == 75
    ids = [f["id"] for f in report["findings"]]
    assert ids[0] == "lighting.too_dark"
    # the face fills the frame's height (at the limit of framing.too_close) and the flag
    # in the corner is a colourful object; nothing else
    assert set(ids) <= {"lighting.too_dark", "framing.too_close", "background.distracting_color"}
    assert list(tmp_path.iterdir()) == []


def test_sample_and_source_together_is_one_clear_line() -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(
        cli.app, ["live", "--sample", "--source", "0"], env={"LANG": "C.UTF-8", "LC_ALL": ""}
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "camcheck: error: --sample and --source cannot be used together: --sample is the "
        "clip camcheck ships"
    )
