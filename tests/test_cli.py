"""The command line: exit codes, one-line errors, JSON shape, languages."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import cv2
import numpy as np
import pytest
from typer.testing import CliRunner

from camcheck import cli, console
from camcheck.checks import CHECKS
from camcheck.errors import CamcheckError
from camcheck.pipeline import LOOKAHEAD_FRAMES
from tests.conftest import FIXTURES, ROOT

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
    assert "stops darker than it" in line and "%" in line
    assert "Fix: Turn your desk so the window" in result.output
    assert result.output.strip().endswith("One thing to fix before your call: Backlight.")


def test_missing_file_exits_2_with_one_stderr_line() -> None:
    result = invoke("image", "no/such/photo.jpg")
    assert result.exit_code == 2
    assert result.stderr.strip() == "camcheck: error: no/such/photo.jpg: no such file"
    assert "Traceback" not in result.output


def test_several_inputs_bad_ones_reported_good_ones_judged() -> None:
    result = invoke("image", str(FIXTURES / "good_obama.jpg"), "missing.jpg", "--json")
    assert result.exit_code == 2
    # several stills: JSON Lines, one document per still, written as each is judged
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(documents) == 2
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
    assert "Je gezicht is te donker en het hele beeld is donker" in result.output
    assert "Oplossing: Zet een lamp achter je scherm" in result.output


def test_locale_picks_dutch() -> None:
    assert cli.default_language({"LANG": "nl_NL.UTF-8"}) == "nl"
    assert cli.default_language({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL"}) == "en"
    assert cli.default_language({}) == "en"


def test_language_list_leads_as_in_gettext() -> None:
    # LANGUAGE is a priority list: its first language camcheck has wins over the locale...
    assert cli.default_language({"LANGUAGE": "nl_BE:en", "LANG": "en_US.UTF-8"}) == "nl"
    assert cli.default_language({"LANGUAGE": "fr:nl", "LANG": "en_GB.UTF-8"}) == "nl"
    assert cli.default_language({"LANGUAGE": "en", "LANG": "nl_NL.UTF-8"}) == "en"
    # ... one it does not have falls through to the locale ...
    assert cli.default_language({"LANGUAGE": "fr:de", "LANG": "nl_NL.UTF-8"}) == "nl"
    # ... and, as GNU gettext does, it is ignored under the C locale (or none).
    assert cli.default_language({"LANGUAGE": "nl", "LANG": "C.UTF-8"}) == "en"
    assert cli.default_language({"LANGUAGE": "nl"}) == "en"


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

    monkeypatch.setattr("camcheck.core.open_source", no_camera)
    result = invoke("live")
    assert result.exit_code == 2
    assert result.stderr.startswith("camcheck: error: no camera could be opened (tried camera 0)")
    assert result.stderr.rstrip().endswith("or try the sample clip: camcheck live --sample")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_live_json_that_cannot_check_prints_why_on_stdout_too(monkeypatch, lang: str) -> None:
    # given no camera; before, `live --json` printed nothing and a script's parser failed
    def no_camera(spec, seconds):
        raise CamcheckError("error.no_camera", tried="camera 0", sample="x.mp4")

    monkeypatch.setattr("camcheck.core.open_source", no_camera)
    result = invoke("live", "--json", "--lang", lang)
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["source"] == "camera" and document["exit_code"] == 2
    assert document["findings"] == []
    # the same sentence as the stderr line, in the user's language
    assert result.stderr.strip().endswith(document["error"])
    assert ("geen camera" in document["error"]) == (lang == "nl")
    # and a missing file names the file
    result = invoke("live", "--json", "--source", "no/such/call.mp4")
    assert json.loads(result.stdout)["source"] == "no/such/call.mp4"


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

    monkeypatch.setattr("camcheck.core.iter_images", broken)
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

    monkeypatch.setattr("camcheck.core.iter_images", interrupted)
    with pytest.raises(SystemExit) as exited:
        cli.main(["image", str(FIXTURES / "good_obama.jpg")])
    assert exited.value.code == 130
    assert "stopped before any frame was judged" in capsys.readouterr().err


def _stills(*interrupted_at: int):
    """A stand-in for core.iter_images: a clean report per still, or a stopped one."""
    from camcheck.report.model import Report

    def iterate(paths, **kwargs):
        for number, path in enumerate(paths):
            stopped = number in interrupted_at
            yield Report(str(path), "image", 0 if stopped else 1, 0.0, [], interrupted=stopped)

    return iterate


@pytest.mark.parametrize("as_json", [False, True])
def test_a_stop_signal_while_a_still_is_judged_stops_the_run(
    monkeypatch, capsys, as_json: bool
) -> None:
    # given three stills, the second one stopped by Ctrl-C while it was judged
    monkeypatch.setattr("camcheck.core.iter_images", _stills(1))
    photos = [str(FIXTURES / "good_obama.jpg")] * 3
    with pytest.raises(SystemExit) as exited:
        cli.main(["image", *photos, *(["--json"] if as_json else [])])
    captured = capsys.readouterr()
    # then the first still stands, the second has no verdict and the third is not judged
    # (before: the second printed as "Looks good", the third judged too, exit 2, no stderr)
    assert exited.value.code == 130
    assert captured.err == "camcheck: error: stopped early: 1 of 3 stills judged\n"
    assert captured.out.count("Looks good") == (0 if as_json else 1)
    assert "Stopped early" not in captured.out
    if as_json:
        first, second = (json.loads(line) for line in captured.out.splitlines())
        assert first["exit_code"] == 0 and "error" not in first
        assert second["error"] == "stopped before any frame was judged"
        assert second["exit_code"] == 2


def test_a_stop_signal_in_the_only_still_is_one_line_and_no_verdict(monkeypatch, capsys) -> None:
    monkeypatch.setattr("camcheck.core.iter_images", _stills(0))
    with pytest.raises(SystemExit) as exited:
        cli.main(["image", str(FIXTURES / "good_obama.jpg")])
    captured = capsys.readouterr()
    assert exited.value.code == 130  # before: 2, with "Looks good" on stdout
    assert captured.out == ""
    assert captured.err == "camcheck: error: stopped before any frame was judged\n"


def test_live_stopped_before_any_frame_prints_no_verdict(monkeypatch, capsys) -> None:
    from camcheck.report.model import Report

    def stopped(*args, **kwargs):
        return Report("sample_call.mp4", "video", 0, 0.0, [], interrupted=True)

    monkeypatch.setattr("camcheck.core.check_live", stopped)
    for options in ([], ["--json"]):
        with pytest.raises(SystemExit) as exited:
            cli.main(["live", "--sample", "--no-window", *options])
        captured = capsys.readouterr()
        # before: "(0 frames over 0.0 s) Stopped early ... Looks good", exit 2, no stderr
        assert exited.value.code == 130, options
        assert captured.err == "camcheck: error: stopped before any frame was judged\n"
        if options:
            # a script reading --json gets a document saying why, never an empty stdout
            document = json.loads(captured.out)
            assert document["error"] == "stopped before any frame was judged"
            assert document["exit_code"] == 2 and document["findings"] == []
        else:
            assert captured.out == ""


@pytest.mark.parametrize(
    ("options", "camera_checks"),
    [(["--sample"], False), (["--source", "call.mp4"], False), (["--source", "0"], True)],
)
def test_live_counts_only_the_checks_its_source_can_fail(
    monkeypatch, options: list[str], camera_checks: bool
) -> None:
    from camcheck.report.model import Report

    counted: list[str] = []

    def check_live(*args, view, **kwargs):
        counted.extend(view.keywords["check_ids"])
        return Report("call.mp4", "video", 10, 1.0, [])

    monkeypatch.setattr("camcheck.core.check_live", check_live)
    invoke("live", "--no-window", *options)
    # before: "ok 23 other checks" on a video file counted the camera's resolution and rate
    assert "lighting.too_dark" in counted
    assert ("camera.low_fps" in counted) == camera_checks
    assert ("camera.low_resolution" in counted) == camera_checks


def test_iter_images_ends_with_the_still_a_stop_signal_interrupted() -> None:
    from camcheck.core import iter_images
    from camcheck.scene import Scene

    seen = []

    def perceive(frame):
        seen.append(frame.index)
        if len(seen) == 2:
            raise KeyboardInterrupt
        return Scene(frame=frame.image, person=np.zeros(frame.image.shape[:2]), source_kind="image")

    photos = [FIXTURES / "good_obama.jpg"] * 3
    reports = list(iter_images(photos, perception=perceive))
    # before: three reports, the third still judged after Ctrl-C
    assert [report.interrupted for report in reports] == [False, True]
    assert reports[1].frames_analyzed == 0


def test_help_follows_the_locale() -> None:
    import subprocess
    import sys

    dutch = subprocess.run(
        [sys.executable, "-m", "camcheck", "--help"],
        capture_output=True,
        text=True,
        env={
            **__import__("os").environ,
            "LANG": "nl_NL.UTF-8",
            "LC_ALL": "",
            "LC_MESSAGES": "",
            "LANGUAGE": "",
        },
        check=False,
    )
    assert "Controleert je webcambeeld" in dutch.stdout
    assert "Beoordeel een of meer foto's." in dutch.stdout


# --- issue 16: faults and small hostile inputs -------------------------------------------

# A child camcheck must end within this (the models load in about 2 s of it).
CHILD_SECONDS = 60


def _child(script: str, *args: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=CHILD_SECONDS,
        env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": ""},
        cwd=ROOT,
        check=False,
    )


@pytest.mark.parametrize("command", ["image", "live", "checks", "devices"])
@pytest.mark.parametrize("lang", ["fr", "de", "xx"])
def test_unsupported_language_is_one_line_listing_the_supported(command: str, lang: str) -> None:
    args = [command, "--lang", lang]
    if command == "image":
        args.append(str(FIXTURES / "good_obama.jpg"))
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr == f"camcheck: error: unknown language {lang}; choose one of en, nl\n"


@pytest.mark.parametrize(
    ("args", "english", "dutch"),
    [
        (["image"], "Missing argument 'PHOTO'.", "Argument 'PHOTO' ontbreekt."),
        (["image", "me.jpg", "--bogus"], "No such option: --bogus", "Onbekende optie: --bogus"),
        (["nonsense"], "No such command 'nonsense'.", "Onbekend commando 'nonsense'."),
        (
            ["image", "me.jpg", "--save"],
            "Option '--save' requires an argument.",
            "Optie '--save' heeft een waarde nodig.",
        ),
        (
            ["live", "--seconds", "abc"],
            "Invalid value for '--seconds': 'abc' is not a number.",
            "Ongeldige waarde voor '--seconds': 'abc' is geen getal.",
        ),
        (["checks", "more"], "Unexpected extra argument: more", "Onverwacht extra argument: more"),
    ],
)
def test_usage_errors_are_one_line_in_the_language_asked_for(
    monkeypatch, capsys, args: list[str], english: str, dutch: str
) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    for lang, prefix, sentence in (("en", "error", english), ("nl", "fout", dutch)):
        with pytest.raises(SystemExit) as exited:
            cli.main([args[0], "--lang", lang, *args[1:]])
        err = capsys.readouterr().err
        # before: click's English sentence in Dutch too ("camcheck: fout: Missing argument")
        assert exited.value.code == 2
        assert err.count("\n") == 1
        assert err == f"camcheck: {prefix}: {sentence}\n" or (
            "--bogus" in args and err.startswith(f"camcheck: {prefix}: {sentence} (")
        ), err


def test_usage_errors_follow_a_dutch_locale() -> None:
    dutch = subprocess.run(
        [sys.executable, "-m", "camcheck", "image"],
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "nl_NL.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""},
        cwd=ROOT,
        check=False,
    )
    assert dutch.returncode == 2
    assert dutch.stderr == "camcheck: fout: Argument 'FOTO' ontbreekt.\n"


@pytest.mark.parametrize(("lang", "expected"), [("nl_BE", "nl"), ("NL-nl", "nl"), ("en_GB", "en")])
def test_a_regional_variant_maps_to_its_language(lang: str, expected: str) -> None:
    result = invoke("image", str(FIXTURES / "dark_obama.jpg"), "--lang", lang)
    assert result.exit_code == 1 and result.stderr == ""
    # the labels, not a message's wording (which the light checks own), tell the language
    dutch = "Oplossing:" in result.stdout
    assert dutch == (expected == "nl") and dutch != ("Fix:" in result.stdout)


def test_each_still_is_reported_before_the_next_is_judged(monkeypatch) -> None:
    from camcheck.session import Session

    events: list[str] = []
    run, echo = Session.run, console.echo

    def judged(self, *args, **kwargs):
        events.append("judge")
        return run(self, *args, **kwargs)

    def printed(text: str = "") -> None:
        if text:
            events.append("print")
        echo(text)

    monkeypatch.setattr(Session, "run", judged)
    monkeypatch.setattr(console, "echo", printed)
    still = str(FIXTURES / "good_obama.jpg")
    result = invoke("image", still, still, still, "--json")
    assert result.exit_code == 0
    assert events == ["judge", "print"] * 3
    assert [json.loads(line)["exit_code"] for line in result.stdout.splitlines()] == [0, 0, 0]


class _FailingOutput(io.RawIOBase):
    """A stdout whose first write fails with ``code`` (then it swallows what is left)."""

    def __init__(self, code: int) -> None:
        self.code: int | None = code

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        code, self.code = self.code, None
        if code is not None:
            raise OSError(code, os.strerror(code))
        return len(data)


@pytest.mark.parametrize(
    ("code", "exit_code", "stderr"),
    [
        (errno.EPIPE, 141, ""),
        (errno.ENOSPC, 2, "camcheck: error: cannot write the report (No space left on device)\n"),
        (errno.EIO, 2, "camcheck: error: cannot write the report (Input/output error)\n"),
    ],
)
def test_output_errors_quiet_on_a_closed_pipe_one_line_on_a_write_error(
    monkeypatch, capsys, code: int, exit_code: int, stderr: str
) -> None:
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(_FailingOutput(code))))
    with pytest.raises(SystemExit) as exited:
        cli.main(["image", str(FIXTURES / "good_obama.jpg")])
    assert exited.value.code == exit_code
    assert capsys.readouterr().err == stderr


def test_a_real_closed_pipe_and_a_full_disk() -> None:
    script = "from camcheck.cli import main; main(['checks'])"
    with open("/dev/full", "w") as full:
        result = _child(script, stdout=full)
    assert result.returncode == 2
    assert result.stderr == "camcheck: error: cannot write the report (No space left on device)\n"
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    child.stdout.close()  # the reader is gone before camcheck writes: `camcheck checks | true`
    _, err = child.communicate(timeout=CHILD_SECONDS)
    assert child.returncode == 141 and err == ""
    # and started with stdout closed (`camcheck checks >&-`): nothing to write to, no error
    closed = subprocess.run(
        [sys.executable, "-c", script],
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        preexec_fn=lambda: os.close(1),
        timeout=CHILD_SECONDS,
        check=False,
    )
    assert closed.returncode == 0 and closed.stderr == ""


def test_sigterm_during_the_atomic_save_leaves_no_temporary_file(tmp_path: Path) -> None:
    # given a SIGTERM that arrives while the picture is being written
    script = "\n".join(
        [
            "import os, signal, sys, time",
            "from camcheck import cli",
            "def replace(source, target):",
            "    os.kill(os.getpid(), signal.SIGTERM)",
            "    time.sleep(30)",
            "os.replace = replace",
            "cli.main(['image', sys.argv[1], '--save', sys.argv[2]])",
        ]
    )
    target = tmp_path / "me.png"
    result = _child(script, str(FIXTURES / "good_obama.jpg"), str(target))
    # then camcheck stops as for Ctrl-C, and neither the picture nor its .tmp is left
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert list(tmp_path.iterdir()) == []
    assert result.stderr.count("\n") == 1


def test_sighup_in_live_prints_the_summary_and_a_second_ctrl_c_does_not_drop_it() -> None:
    script = "\n".join(
        [
            "import os, signal, sys",
            "from camcheck import cli",
            "from camcheck.report import text",
            "from camcheck.sources.video import VideoSource",
            "frames = VideoSource.__iter__",
            "def iterate(self):",
            "    for frame in frames(self):",
            "        if frame.index == 10:",
            "            os.kill(os.getpid(), signal.SIGHUP)  # the terminal closes",
            "        yield frame",
            "VideoSource.__iter__ = iterate",
            "summary = text.format_report",
            "def format_report(report, lang, **options):",
            "    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C again while it is written",
            "    return summary(report, lang, **options)",
            "text.format_report = format_report",
            "cli.main(['live', '--no-window', '--source', sys.argv[1]])",
        ]
    )
    result = _child(script, str(FIXTURES / "sample_call.mp4"))
    assert result.returncode in (0, 1), result.stderr
    assert "Stopped early: this is the summary so far." in result.stdout
    # Frame 10 is read up to LOOKAHEAD_FRAMES ahead (camcheck.pipeline), while frame 8 or 9
    # is judged: the signal can stop the run before those are counted, so 8 or 9 frames is a
    # stop at the right time too.
    counted = "|".join(str(n) for n in range(10 - LOOKAHEAD_FRAMES, 12))
    assert re.search(rf"\(({counted}) frames over ", result.stdout), result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("x" * 300 + ".png", "File name too long"),
        ("folder.png", "Is a directory"),
    ],
)
def test_save_target_is_checked_before_any_work(
    tmp_path: Path, monkeypatch, target: str, reason: str
) -> None:
    from camcheck import perception

    def no_work(*args, **kwargs):
        raise AssertionError("the models were loaded before --save was checked")

    monkeypatch.setattr(perception.Perception, "__init__", no_work)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder.png").mkdir()
    for command in (
        ["live", "--source", str(FIXTURES / "sample_call.mp4")],
        ["image", str(FIXTURES / "good_obama.jpg")],
    ):
        result = invoke(*command, "--save", target)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("camcheck: error: cannot save the picture as ")
        assert result.stderr.endswith(f"({reason})\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.png"]


def test_refusals_name_what_is_wrong(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "me.jpg").write_bytes((FIXTURES / "good_obama.jpg").read_bytes())
    photo = str(FIXTURES / "good_obama.jpg")
    # before: "the folder does not exist", though me.jpg does (it is a file)
    result = invoke("image", photo, "--save", "me.jpg/x.png")
    assert result.exit_code == 2
    assert result.stderr == (
        "camcheck: error: cannot save the picture as me.jpg/x.png: me.jpg is a file, not a folder\n"
    )
    # before: "is a folder, not an image", though live takes a video
    result = invoke("live", "--no-window", "--source", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"camcheck: error: {tmp_path}: is a folder, not a video or a picture\n"
    # before: "(got 0.00)" and, in Dutch, "(opgegeven: -1,00)" for what was typed as -1
    result = invoke("live", "--sample", "--seconds", "0")
    assert result.stderr == "camcheck: error: --seconds must be more than 0 (got 0)\n"
    result = invoke("live", "--sample", "--seconds", "-1", "--lang", "nl")
    assert result.stderr == "camcheck: fout: --seconds moet groter zijn dan 0 (opgegeven: -1)\n"


def test_a_file_that_is_no_picture_lists_gif_among_the_formats(tmp_path: Path) -> None:
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    result = invoke("image", str(text))
    assert result.exit_code == 2
    # before: "(JPEG, PNG, WebP, BMP, TIFF)", though a GIF is read
    assert "(JPEG, PNG, WebP, BMP, TIFF, GIF)" in result.stderr


def test_a_read_only_save_folder_is_found_before_any_work() -> None:
    # Root may write anywhere, so this runs as nobody (setpriv) in a folder it cannot write
    # (in /tmp: pytest's own folders are root's alone).
    with tempfile.TemporaryDirectory(prefix="camcheck-readonly-") as name:
        folder = Path(name)
        folder.chmod(0o755)
        _check_read_only_save(folder)


def _check_read_only_save(folder: Path) -> None:
    script = "\n".join(
        [
            "import sys",
            "from pathlib import Path",
            "from camcheck.core import check_save_target",
            "from camcheck.errors import CamcheckError",
            "try:",
            "    check_save_target(Path(sys.argv[1]))",
            "except CamcheckError as exc:",
            "    print(exc.render())",
        ]
    )
    command = [sys.executable, "-c", script, str(folder / "me.png")]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("needs setpriv to drop root's privileges")
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    result = subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, timeout=CHILD_SECONDS, check=False
    )
    assert result.stdout.strip().endswith("(Permission denied)"), result.stderr
    assert list(folder.iterdir()) == []


def test_an_empty_path_is_named_as_such() -> None:
    for args in (["image", ""], ["live", "--source", ""]):
        result = invoke(*args)
        assert result.exit_code == 2
        assert result.stderr == "camcheck: error: an empty file name was given\n"


def test_a_newline_in_a_file_name_keeps_the_error_on_one_line(tmp_path: Path) -> None:
    name = tmp_path / "two\nlines.jpg"
    name.write_bytes(b"not a picture")
    result = invoke("image", str(name), str(tmp_path / "gone\r\x1b[2J.jpg"))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert "two\\nlines.jpg: not an image" in lines[0]
    assert "gone\\r\\x1b[2J.jpg: no such file" in lines[1]


@pytest.mark.parametrize(
    "args",
    [
        ["image", str(FIXTURES / "good_obama.jpg"), "--select", "camera"],
        ["image", str(FIXTURES / "good_obama.jpg"), "--select", "lighting", "--ignore", "lighting"],
        ["live", "--source", str(FIXTURES / "sample_call.mp4"), "--select", "camera.low_fps"],
    ],
)
def test_options_that_leave_no_check_to_run_exit_2(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert "leave no check that can run on" in result.stderr
    assert "Looks good" not in result.stdout


def test_seconds_bounds_a_video_file_too() -> None:
    result = invoke(
        "live", "--source", str(FIXTURES / "sample_call.mp4"), "--seconds", "1", "--json"
    )
    data = json.loads(result.stdout)
    assert data["frames_analyzed"] == 15  # 1 s of a 15 fps clip, not all 75 frames
    assert data["duration_s"] < 1.0


def test_save_never_replaces_a_picture_being_checked(tmp_path: Path) -> None:
    photo = tmp_path / "me.png"
    photo.write_bytes(cv2.imencode(".png", cv2.imread(str(FIXTURES / "good_obama.jpg")))[1])
    before = photo.read_bytes()
    other = tmp_path / "out-2.png"
    other.write_bytes(before)
    for args in (
        ["image", str(photo), "--save", str(photo)],
        [
            "image",
            str(FIXTURES / "good_obama.jpg"),
            str(other),
            "--save",
            str(tmp_path / "out.png"),
        ],
        ["live", "--source", str(photo), "--save", str(photo)],
    ):
        result = invoke(*args)
        assert result.exit_code == 2
        assert "would replace a picture being checked" in result.stderr
    assert photo.read_bytes() == before and other.read_bytes() == before


def test_a_video_name_that_looks_like_an_ffmpeg_protocol_is_just_a_file(
    tmp_path: Path, monkeypatch
) -> None:
    # "concat:a|b" would make FFmpeg join other files; "%d" would make OpenCV read a sequence
    monkeypatch.chdir(tmp_path)
    clip = (FIXTURES / "sample_call.mp4").read_bytes()
    for name in ("concat:x.mp4", "frame%d.mp4"):
        Path(name).write_bytes(clip)
        result = invoke("live", "--source", name, "--seconds", "0.5", "--json")
        assert json.loads(result.stdout)["frames_analyzed"] == 8, name


def test_json_names_a_file_whose_name_is_not_utf8_in_valid_utf8(tmp_path: Path) -> None:
    """A file name's undecodable byte is escaped in --json as in the error entry, so stdout
    stays UTF-8 (RFC 8259) for a judged still as much as for one that could not be read."""
    folder = os.fsencode(tmp_path)
    judged, unread = folder + b"/me\xff.jpg", folder + b"/text\xff.jpg"
    shutil.copyfile(FIXTURES / "good_obama.jpg", judged)
    Path(os.fsdecode(unread)).write_bytes(b"not a picture")
    marked = folder + b"/marked\xff.png"
    command = [os.fsencode(sys.executable), b"-m", b"camcheck", b"image", judged, unread,
               b"--json", b"--save", marked]  # fmt: skip
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(command, capture_output=True, cwd=ROOT, env=env,
                            timeout=CHILD_SECONDS, check=False)  # fmt: skip
    assert result.returncode == 2, result.stderr
    documents = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [d["source"] for d in documents] == [
        os.fsdecode(tmp_path) + "/me\\udcff.jpg",
        os.fsdecode(tmp_path) + "/text\\udcff.jpg",
    ]
    assert "error" not in documents[0] and "error" in documents[1]
    assert documents[0]["picture"] == os.fsdecode(tmp_path) + "/marked\\udcff-1.png"
