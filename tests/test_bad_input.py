"""Bad input never crashes: every awkward file is judged or refused with one clear line."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import cv2
import pytest
from typer.testing import CliRunner

from camcheck import cli
from camcheck.errors import CamcheckError, one_line
from camcheck.sources import VideoSource, load_image, open_source
from tests.conftest import FIXTURES, ROOT
from tests.make_bad_files import CORPUS, VIDEO_CORPUS, BadFile

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad files")
    for item in CORPUS + VIDEO_CORPUS:
        item.make(folder / item.name)
    return folder


@pytest.mark.parametrize("item", CORPUS, ids=[i.name for i in CORPUS])
def test_still(item: BadFile, corpus: Path) -> None:
    path = corpus / item.name
    if item.expect == "ok":
        image = load_image(path)
        assert image.dtype.name == "uint8" and image.ndim == 3 and image.shape[2] == 3
        return
    with pytest.raises(CamcheckError) as caught:
        load_image(path)
    assert caught.value.key == item.expect
    rendered = caught.value.render()
    assert one_line(str(path)) in rendered and "\n" not in rendered


@pytest.mark.parametrize("item", VIDEO_CORPUS, ids=[i.name for i in VIDEO_CORPUS])
def test_video(item: BadFile, corpus: Path) -> None:
    if item.expect == "ok":
        assert len(list(VideoSource(corpus / item.name))) > 0
        return
    with pytest.raises(CamcheckError) as caught:
        list(VideoSource(corpus / item.name))  # opening, or reading to the end
    assert caught.value.key == item.expect


def test_cli_refuses_each_bad_still_with_one_line(corpus: Path) -> None:
    bad = [i for i in CORPUS if i.expect != "ok"]
    result = runner.invoke(cli.app, ["image", *(str(corpus / i.name) for i in bad)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(bad)
    for item, line in zip(bad, lines, strict=True):
        assert line.startswith(f"camcheck: error: {one_line(str(corpus / item.name))}: ")
    assert "Traceback" not in result.output


def test_cli_judges_the_good_ones_and_reports_the_bad_ones(corpus: Path) -> None:
    result = runner.invoke(
        cli.app,
        ["image", str(corpus / "cmyk.jpg"), str(corpus / "text.jpg"), str(corpus / "grey.png")],
    )
    assert result.exit_code == 2
    assert result.stdout.count("(a photo)") == 2
    assert result.stderr.count("camcheck: error:") == 1


def test_exif_rotated_phone_photo_is_judged_upright(corpus: Path) -> None:
    upright = load_image(FIXTURES / "good_obama.jpg")
    image = load_image(corpus / "phone rotated.jpg")
    assert image.shape == upright.shape
    # and the face is found (it would not be, lying on its side)
    result = runner.invoke(cli.app, ["image", str(corpus / "phone rotated.jpg"), "--json"])
    assert '"face.not_found"' not in result.stdout


def test_rgba_transparent_strip_becomes_white(corpus: Path) -> None:
    image = load_image(corpus / "rgba.png")
    strip = image[:, : image.shape[1] // 8 - 1]
    assert strip.min() == 255


def test_a_video_given_to_image_says_what_to_do() -> None:
    with pytest.raises(CamcheckError) as caught:
        load_image(FIXTURES / "sample_call.mp4")
    assert caught.value.key == "error.is_video"
    assert "camcheck live --source" in caught.value.render()


# --- issue 16: hostile input ------------------------------------------------------------

# Every hostile input must end this fast (models load in about 2 s of it).
HOSTILE_SECONDS = 30
# The address space a hostile run may use: far above camcheck's ~1.5 GB of mappings
# (models, threads), far below what reading /dev/zero to the end would take.
HOSTILE_ADDRESS_SPACE = 6 << 30
NOBODY = 65534


def _camcheck(
    args: list[str], *, user: int | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """camcheck in a child process with a time and memory bound, so a failure cannot hang or
    exhaust the machine."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (HOSTILE_ADDRESS_SPACE, HOSTILE_ADDRESS_SPACE))

    command = [sys.executable, "-m", "camcheck", *args]
    if user is not None:
        # setpriv, not subprocess's user=: the interpreter may live under root's home.
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("needs setpriv to drop root's privileges")
        command = [setpriv, f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=HOSTILE_SECONDS,
        preexec_fn=limit,
        env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", **(env or {})},
        cwd=ROOT,
        check=False,
    )


@pytest.fixture
def hostile_dir() -> Iterator[Path]:
    """A folder any user can enter (pytest's tmp_path is root's own when run as root)."""
    folder = Path(tempfile.mkdtemp(prefix="camcheck-hostile-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for child in folder.rglob("*"):
            with contextlib.suppress(OSError):
                child.chmod(0o755 if child.is_dir() else 0o644)
        shutil.rmtree(folder, ignore_errors=True)


def test_devices_pipes_and_sockets_are_refused_without_being_read(hostile_dir: Path) -> None:
    # given /dev/zero, a symlink to it named like a photo, a named pipe nobody writes to,
    # a socket and an unreadable file, between two good photos
    (hostile_dir / "zero.jpg").symlink_to("/dev/zero")
    os.mkfifo(hostile_dir / "pipe.jpg")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(hostile_dir / "socket.jpg"))
    locked = hostile_dir / "locked.jpg"
    shutil.copy(FIXTURES / "good_obama.jpg", locked)
    locked.chmod(0)
    hidden = hostile_dir / "no search"
    hidden.mkdir()
    shutil.copy(FIXTURES / "good_obama.jpg", hidden / "inside.jpg")
    hidden.chmod(0o600)
    good = hostile_dir / "good.jpg"
    shutil.copy(FIXTURES / "good_obama.jpg", good)
    bad = ["/dev/zero", "zero.jpg", "pipe.jpg", "socket.jpg", "locked.jpg", "no search/inside.jpg"]
    # when camcheck judges them, as an ordinary user (root reads any file)
    home = hostile_dir / "home"
    home.mkdir(mode=0o777)
    start = time.monotonic()
    with server:
        result = _camcheck(
            ["image", str(good), *[str(hostile_dir / name) for name in bad[1:]], bad[0]],
            user=NOBODY if os.geteuid() == 0 else None,
            env={"HOME": str(home), "MPLCONFIGDIR": str(home)},
        )
    elapsed = time.monotonic() - start
    # then each bad one has its own line, the good one is judged, and it ends at once
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == len(bad), lines
    by_name = dict(zip(bad[1:] + bad[:1], lines, strict=True))
    for name in ("/dev/zero", "zero.jpg", "pipe.jpg", "socket.jpg"):
        assert "not a regular file" in by_name[name]
    assert "cannot be read (Permission denied)" in by_name["locked.jpg"]
    assert "cannot be read (Permission denied)" in by_name["no search/inside.jpg"]
    assert result.stdout.count("(a photo)") == 1
    assert elapsed < HOSTILE_SECONDS


def test_a_pipe_or_device_given_to_live_is_not_called_empty(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.mp4")
    for spec in (str(tmp_path / "pipe.mp4"), "/dev/zero", "/dev/null"):
        with pytest.raises(CamcheckError) as caught:
            open_source(spec, None)
        assert caught.value.key == "error.not_a_file", spec


def test_a_name_too_long_is_its_own_line_and_the_rest_is_judged() -> None:
    long_name = "x" * 300 + ".jpg"
    result = runner.invoke(cli.app, ["image", str(FIXTURES / "good_obama.jpg"), long_name])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("cannot be read (File name too long)")
    assert result.stderr.count("\n") == 1
    assert result.stdout.count("(a photo)") == 1


def test_opencv_limit_is_set_before_opencv_loads(corpus: Path) -> None:
    # OpenCV reads OPENCV_IO_MAX_IMAGE_PIXELS once, when loaded: camcheck must set it first.
    script = "\n".join(
        [
            "import os, sys, camcheck, cv2, numpy",
            "from camcheck.sources.images import MAX_IMAGE_PIXELS",
            "assert os.environ['OPENCV_IO_MAX_IMAGE_PIXELS'] == str(MAX_IMAGE_PIXELS)",
            "data = numpy.fromfile(sys.argv[1], numpy.uint8)",
            "try:",
            "    print(cv2.imdecode(data, cv2.IMREAD_GRAYSCALE) is None)",
            "except cv2.error as exc:",
            "    print('CV_IO_MAX_IMAGE_PIXELS' in str(exc))",
        ]
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENCV_IO_MAX_IMAGE_PIXELS"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(corpus / "bomb.tif")],
        capture_output=True,
        text=True,
        timeout=HOSTILE_SECONDS,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"  # OpenCV refuses the 100.02 MP TIFF by itself


def test_stderr_holds_only_camcheck_lines_for_the_whole_corpus(corpus: Path, capfd) -> None:
    # capfd reads file descriptor 2 itself: libpng, libjpeg and FFmpeg write there directly.
    stills = [corpus / item.name for item in CORPUS]
    with pytest.raises(SystemExit):
        cli.main(["image", "--json", *map(str, stills)])
    err = capfd.readouterr().err
    lines = err.splitlines()
    assert lines and all(line.startswith("camcheck: error: ") for line in lines), err
    assert len(lines) == sum(item.expect != "ok" for item in CORPUS)
    for item in VIDEO_CORPUS:
        with pytest.raises(SystemExit) as exited:
            cli.main(["live", "--no-window", "--json", "--source", str(corpus / item.name)])
        err = capfd.readouterr().err
        if item.expect == "ok":
            assert exited.value.code in (0, 1) and err == "", (item.name, err)
        else:
            assert exited.value.code == 2
            assert err.count("\n") == 1 and err.startswith("camcheck: error: "), (item.name, err)


def test_a_video_cut_short_says_so_and_exits_2(corpus: Path) -> None:
    result = runner.invoke(
        cli.app, ["live", "--source", str(corpus / "cut faststart.mp4"), "--json"]
    )
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert 0 < document["frames_analyzed"] < 75
    assert f"ends after {document['frames_analyzed']} of its 75 frames" in result.stderr


def test_a_video_cut_short_is_marked_unfinished_with_its_error_on_stderr_only(
    corpus: Path,
) -> None:
    result = runner.invoke(
        cli.app, ["live", "--no-window", "--source", str(corpus / "cut faststart.mp4")]
    )
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "of its 75 frames" in result.stderr
    # before: the same error line on stdout, then "Looks good: nothing to fix before your call."
    assert "of its 75 frames" not in result.stdout
    assert "Looks good" not in result.stdout
    assert "Not finished: this is the summary up to where it broke off." in result.stdout


def test_a_jpeg_cut_anywhere_is_refused_as_cut_off(
    corpus: Path,
) -> None:
    data = (FIXTURES / "good_obama.jpg").read_bytes()
    for share in (0.3, 0.6, 0.9, 0.999):
        path = corpus / f"cut {share}.jpg"
        path.write_bytes(data[: int(len(data) * share)])
        with pytest.raises(CamcheckError) as caught:
            load_image(path)
        assert caught.value.key == "error.truncated", share


# Issue 16's bound for 300 stills in one call.
MAX_RSS_300_STILLS_MB = 600
MANY_STILLS = 300
# Peak memory may grow this much from the 30th still to the 300th: allocator noise. When
# every report and the frame it keeps for --save were held to the end, 320x240 stills
# grew it by about 0.5 MB each (150 MB here) and 640x480 ones reached 891 MB in all.
MAX_GROWTH_MB = 30
GROWTH_FROM = 30


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's VmHWM")
def test_300_stills_stream_in_flat_memory(tmp_path: Path) -> None:
    # given 300 stills (links to one 320x240 photo: small, so the test stays quick)
    image = cv2.resize(cv2.imread(str(FIXTURES / "good_obama.jpg")), (320, 240))
    cv2.imwrite(str(tmp_path / "base.jpg"), image)
    paths = []
    for number in range(MANY_STILLS):
        path = tmp_path / f"still {number:03d}.jpg"
        path.symlink_to("base.jpg")
        paths.append(str(path))
    # when camcheck judges them in one call, JSON Lines to a pipe, in a child that notes its
    # peak resident memory each time it prints a still's result
    script = "\n".join(
        [
            "import sys, typer",
            "from camcheck import cli",
            "echo, peaks = typer.echo, []",
            "def peak():",  # this process's own high-water mark, in KiB
            "    status = open('/proc/self/status').read()",
            "    return int(status.split('VmHWM:')[1].split()[0])",
            "def noted(*args, **kwargs):",
            "    echo(*args, **kwargs)",
            "    if not kwargs.get('err'):",
            "        peaks.append(peak())",
            "typer.echo = noted",
            "try:",
            "    cli.main(sys.argv[1:])",
            "finally:",
            f"    sys.stderr.write(f'{{peaks[{GROWTH_FROM - 1}]}} {{peaks[-1]}}\\n')",
        ]
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "image", "--json", *paths],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    # then every still has its line, memory does not grow with their number, and the peak
    # stays under the bound. (VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so
    # a child started by vfork inherits the peak of the test process itself.)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == MANY_STILLS
    early, late = (int(kib) / 1024 for kib in result.stderr.split())
    assert late - early < MAX_GROWTH_MB, f"grew {late - early:.0f} MB from still 30 to 300"
    assert late < MAX_RSS_300_STILLS_MB, f"peak RSS {late:.0f} MB"


def test_symlink_loops_dangling_links_and_odd_digits(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").symlink_to("b.jpg")
    (tmp_path / "b.jpg").symlink_to("a.jpg")
    (tmp_path / "gone.jpg").symlink_to("nowhere.jpg")
    cases = {
        "a.jpg": "cannot be read (Too many levels of symbolic links)",
        "gone.jpg": "no such file",
    }
    for name, reason in cases.items():
        with pytest.raises(CamcheckError) as caught:
            load_image(tmp_path / name)
        assert caught.value.render().endswith(reason)
    # "²" is a digit to Python, but not a camera number: it is a (missing) file
    with pytest.raises(CamcheckError) as caught:
        open_source("²", None)
    assert caught.value.key == "error.missing"
