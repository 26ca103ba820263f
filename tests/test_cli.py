"""The command line: exit codes, one-line errors, JSON shape, languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from camcheck import cli
from camcheck.checks import CHECKS
from camcheck.errors import CamcheckError
from tests.conftest import FIXTURES

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(cli.app, list(args), env={"LANG": "C.UTF-8", "LC_ALL": ""})


def test_good_photo_exits_0() -> None:
    result = invoke("image", str(FIXTURES / "good_obama.jpg"))
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("Looks good: nothing to fix before your call.")


def test_problem_photo_exits_1_with_numbers_and_fix() -> None:
    result = invoke("image", str(FIXTURES / "backlit_obama.jpg"))
    assert result.exit_code == 1
    line = next(li for li in result.output.splitlines() if "(lighting.backlight)" in li)
    assert "times as bright as your face" in line and "%" in line
    assert "Fix: Do not sit with a window" in result.output
    assert "Start with: Backlight." in result.output


def test_missing_file_exits_2_with_one_stderr_line() -> None:
    result = invoke("image", "no/such/photo.jpg")
    assert result.exit_code == 2
    assert result.stderr.strip() == "camcheck: error: no/such/photo.jpg: no such file"
    assert "Traceback" not in result.output


def test_several_inputs_bad_ones_reported_good_ones_judged() -> None:
    result = invoke("image", str(FIXTURES / "good_obama.jpg"), "missing.jpg", "--json")
    assert result.exit_code == 2
    documents = json.loads(result.stdout)
    assert documents[0]["source"].endswith("good_obama.jpg")
    assert documents[1]["source"] == "missing.jpg"
    assert documents[0]["findings"] == [] and "error" in documents[1]
    assert result.stderr.count("\n") == 1


def test_json_shape_for_one_still() -> None:
    result = invoke("image", str(FIXTURES / "dark_obama.jpg"), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["frames_analyzed"] == 1
    (finding,) = data["findings"]
    assert finding["id"] == "lighting.too_dark"
    assert finding["severity"] == "warning"
    assert set(finding) >= {"id", "severity", "message", "advice", "measured"}
    assert all(isinstance(v, float) for v in finding["measured"].values())
    assert "face_luma" in data["metrics"]


def test_dutch_report() -> None:
    result = invoke("image", str(FIXTURES / "dark_obama.jpg"), "--lang", "nl")
    assert result.exit_code == 1
    assert "Je gezicht is te donker" in result.output
    assert "Oplossing: Zet een lamp achter je scherm" in result.output


def test_locale_picks_dutch() -> None:
    assert cli.default_language({"LANG": "nl_NL.UTF-8"}) == "nl"
    assert cli.default_language({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL"}) == "en"
    assert cli.default_language({}) == "en"


def test_checks_lists_every_id_with_advice() -> None:
    result = invoke("checks")
    assert result.exit_code == 0
    for check_id, check in CHECKS.items():
        assert check_id in result.output
        assert check.texts["en"].advice in result.output
    data = json.loads(invoke("checks", "--json").stdout)
    assert [row["id"] for row in data] == list(CHECKS)


def test_live_on_the_sample_clip() -> None:
    result = invoke("live", "--source", str(FIXTURES / "sample_call.mp4"), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["frames_analyzed"] == 75 and data["kind"] == "video"
    (dark,) = [f for f in data["findings"] if f["id"] == "lighting.too_dark"]
    assert 0.5 <= dark["measured"]["fraction"] <= 0.7
    assert dark["measured"]["seconds"] >= 2.5


def test_live_without_camera_exits_2_and_points_to_the_sample(monkeypatch) -> None:
    def no_camera(spec, seconds):
        raise CamcheckError("error.no_camera", tried="camera 0", sample="fixtures/x.mp4")

    monkeypatch.setattr("camcheck.sources.open_source", no_camera)
    result = invoke("live")
    assert result.exit_code == 2
    assert result.stderr.startswith("camcheck: error: no camera could be opened (tried camera 0)")
    assert "camcheck live --source fixtures/x.mp4" in result.stderr


@pytest.mark.parametrize("seconds", ["0", "-3"])
def test_live_rejects_non_positive_seconds(seconds: str) -> None:
    result = invoke("live", "--seconds", seconds)
    assert result.exit_code == 2
    assert "--seconds must be more than 0" in result.stderr


def test_unknown_check_id_exits_2() -> None:
    result = invoke("image", str(FIXTURES / "good_obama.jpg"), "--ignore", "lighting.nope")
    assert result.exit_code == 2
    assert "unknown check id lighting.nope" in result.stderr


def test_bad_option_is_one_line_through_main(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["image", "--bogus", "x.jpg"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("camcheck: error:") and "--bogus" in err


def test_main_passes_exit_codes(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["image", str(FIXTURES / "bright_astronaut.jpg")])
    assert exited.value.code == 1
    assert "lighting.too_bright" in capsys.readouterr().out


def test_path_with_spaces_and_non_ascii(tmp_path: Path) -> None:
    target = tmp_path / "ik – voor het gesprek é.jpg"
    target.write_bytes((FIXTURES / "good_obama.jpg").read_bytes())
    result = invoke("image", str(target))
    assert result.exit_code == 0, result.output
    assert str(target) in result.output


def test_internal_error_is_one_line_not_a_traceback(monkeypatch, capsys) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("analyzer exploded\nwith a second line")

    monkeypatch.setattr("camcheck.core.check_images", broken)
    monkeypatch.delenv("CAMCHECK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exited:
        cli.main(["image", str(FIXTURES / "good_obama.jpg")])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "internal error (analyzer exploded with a second line)" in err


def test_ctrl_c_before_any_frame_exits_130(monkeypatch, capsys) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("camcheck.core.check_images", interrupted)
    with pytest.raises(SystemExit) as exited:
        cli.main(["image", str(FIXTURES / "good_obama.jpg")])
    assert exited.value.code == 130
    assert "stopped before any frame was judged" in capsys.readouterr().err


def test_help_follows_the_locale() -> None:
    import subprocess
    import sys

    dutch = subprocess.run(
        [sys.executable, "-m", "camcheck", "--help"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "LANG": "nl_NL.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""},
        check=False,
    )
    assert "Controleert je webcambeeld" in dutch.stdout
    assert "Beoordeel een of meer foto's." in dutch.stdout
