"""Privacy, at the system-call level: the installed `camcheck` makes no network call, runs no
other program and writes no file (but the one asked for with --save), seen by strace."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

# Every call by which a process reaches the network, starts a program or makes a file.
TRACED_CALLS = (
    "connect,sendto,sendmsg,sendmmsg,execve,execveat,open,openat,openat2,creat,"
    "mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,mknod,mknodat"
)
# Writing here touches no file: /dev/null, a terminal, shared memory; /proc/self/... .
WRITABLE_PREFIXES = ("/dev/", "/proc/")
WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")
# The socket kinds strace's -yy names for IPv4 and IPv6 descriptors.
INET_SOCKET = re.compile(r"<(TCP|UDP|TCPv6|UDPv6|UDPLITE|UDPLITEv6|SCTP|SCTPv6|RAW|RAWv6):")
LINE = re.compile(r"^(?P<pid>\d+)\s+(?P<call>\w+)\((?P<args>.*)\)\s+=\s+(?P<result>-?\w+)")
# A path argument, after the directory descriptor it is relative to where the call takes one
# (-yy shows the descriptor's folder: AT_FDCWD</tmp/x>, or 5</tmp/x>).
PATH_ARG = re.compile(r'(?:(?:AT_FDCWD|\d+)<([^>]*)>,\s*)?"((?:[^"\\]|\\.)*)"')
GOOD = FIXTURES / "good_obama.jpg"
CLIP = FIXTURES / "sample_call.mp4"


@dataclass
class Trace:
    """What a traced run did that camcheck must not do."""

    network: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # resolved paths made or opened to write
    renamed: list[tuple[str, str]] = field(default_factory=list)
    local: list[str] = field(default_factory=list)  # connections to local (unix) sockets


def _joined(log: str) -> list[str]:
    """Trace lines with each '<unfinished ...>' call joined to its '<... resumed>' end."""
    pending: dict[str, str] = {}
    lines = []
    for raw in log.splitlines():
        pid, _, rest = raw.partition(" ")
        rest = rest.lstrip()
        if rest.endswith("<unfinished ...>"):
            pending[pid] = rest.removesuffix("<unfinished ...>")
            continue
        if rest.startswith("<..."):
            rest = pending.pop(pid, "") + rest.split("resumed>", 1)[-1]
        lines.append(f"{pid} {rest}")
    return lines


def _paths(args: str, cwd: Path) -> list[str]:
    """The path arguments of a call, made absolute."""
    paths = []
    for directory, path in PATH_ARG.findall(args):
        paths.append(os.path.normpath(os.path.join(directory or cwd, path)))
    return paths


def parse(log: str, cwd: Path) -> Trace:
    """Read an `strace -f -yy` log into what was sent, started and written.

    ``cwd`` is the traced program's working folder (camcheck never changes it).
    """
    trace = Trace()
    first_exec = True
    for line in _joined(log):
        match = LINE.match(line)
        if not match:
            continue
        call, args, result = match["call"], match["args"], match["result"]
        failed = result.startswith("-")
        if call in ("execve", "execveat"):
            # strace starting camcheck is the one program allowed; any later attempt, even
            # one that fails, is a program spawned.
            if first_exec:
                first_exec = False
            else:
                trace.programs.append(line)
        elif call in ("connect", "sendto", "sendmsg", "sendmmsg"):
            if "AF_INET" in args or INET_SOCKET.search(args):
                trace.network.append(line)
            elif "AF_UNIX" in args:
                trace.local.append(line)
        elif failed:
            continue  # a file call that failed made nothing
        elif call in ("open", "openat", "openat2", "creat"):
            paths = _paths(args, cwd)
            flags = args.rsplit('", ', 1)[-1]
            if paths and (call == "creat" or any(flag in flags for flag in WRITE_FLAGS)):
                trace.written.append(paths[0])
        else:  # mkdir, rename, link, symlink, mknod: every path they name is made or moved
            paths = _paths(args, cwd)
            trace.written += paths
            if call.startswith("rename") and len(paths) == 2:
                trace.renamed.append((paths[0], paths[1]))
    return trace


@pytest.fixture(scope="module")
def strace() -> str:
    tool = shutil.which("strace")
    if tool is None:
        pytest.skip("strace is not installed (.ci/run installs it with apt-get)")
    probe = subprocess.run(
        [tool, "-f", "-qq", "-o", os.devnull, "true"], capture_output=True, text=True
    )
    if probe.returncode != 0:
        pytest.skip(f"strace cannot trace here (ptrace refused?): {probe.stderr.strip()}")
    return tool


def console_script() -> Path:
    script = Path(sys.executable).with_name("camcheck")
    if not script.is_file():
        pytest.fail(f"no camcheck console script beside {sys.executable}: pip install -e .")
    return script


def traced_run(
    strace: str, tmp_path: Path, command: list[str], extra_env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], Trace, Path]:
    """Run `command` under strace with a fresh HOME, TMPDIR and working folder."""
    home, temp, work = tmp_path / "home", tmp_path / "tmp", tmp_path / "work"
    for folder in (home, temp, work):
        folder.mkdir()
    log = tmp_path / "strace.log"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "TMPDIR": str(temp),
        "LANG": "C.UTF-8",
        # A pip-installed camcheck has its byte code compiled at install time; a checkout
        # installed with -e would otherwise cache it beside the source on first import.
        "PYTHONDONTWRITEBYTECODE": "1",
        **(extra_env or {}),
    }
    result = subprocess.run(
        [strace, "-f", "-qq", "-yy", "-s", "256", "-e", "signal=none", "-e",
         f"trace={TRACED_CALLS}", "-o", str(log), *command],
        cwd=work, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    trace = parse(log.read_text(), work)
    for folder in (home, temp):
        assert list(folder.rglob("*")) == [], f"files appeared in {folder}"
    return result, trace, work


def outside(paths: list[str], allowed: set[str]) -> list[str]:
    return [p for p in paths if p not in allowed and not p.startswith(WRITABLE_PREFIXES)]


@pytest.mark.parametrize(
    "args",
    [
        ["image", str(GOOD), "--json"],
        ["live", "--source", str(CLIP), "--json"],
        ["image", str(GOOD), "--lang", "nl"],
    ],
    ids=["image-json", "live-clip-json", "image-dutch"],
)
def test_no_network_no_program_no_file(strace: str, tmp_path: Path, args: list[str]) -> None:
    # given the installed camcheck, a fresh HOME, TMPDIR and working folder
    # when it judges a still or a clip under strace
    result, trace, work = traced_run(strace, tmp_path, [str(console_script()), *args])
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout.strip()
    # then it reached no network, started no program and wrote no file
    assert trace.network == []
    assert trace.programs == []
    assert outside(trace.written, set()) == []
    assert list(work.iterdir()) == []


def test_the_preview_window_starts_no_program_and_sends_nothing(
    strace: str, tmp_path: Path, display: str
) -> None:
    # given a display (Xvfb), where `live` opens its preview window
    # when the sample clip is watched for a second under strace
    result, trace, _ = traced_run(
        strace,
        tmp_path,
        [str(console_script()), "live", "--sample", "--seconds", "1"],
        {"DISPLAY": display},
    )
    assert result.returncode in (0, 1), result.stderr
    # then it reached the X server, over its local socket (the check, then the window) ...
    assert any("X11-unix" in line for line in trace.local), trace.local[:5]
    # ... and finding out whether it could open started no program, and nothing was sent
    assert trace.programs == []
    assert trace.network == []
    assert outside(trace.written, set()) == []


def test_save_writes_exactly_the_picture_asked_for(strace: str, tmp_path: Path) -> None:
    result, trace, work = traced_run(
        strace, tmp_path, [str(console_script()), "image", str(GOOD), "--save", "report.png"]
    )
    assert result.returncode in (0, 1), result.stderr
    target = str(work / "report.png")
    # The picture is written beside itself under a temporary name, then renamed onto it.
    temporaries = {
        source
        for source, destination in trace.renamed
        if destination == target and Path(source).parent == work
    }
    assert len(temporaries) == 1
    assert outside(trace.written, {target, *temporaries}) == []
    assert trace.network == [] and trace.programs == []
    assert [p.name for p in work.iterdir()] == ["report.png"]


def test_the_trace_reader_catches_what_it_must(strace: str, tmp_path: Path) -> None:
    # given a program that does all three things camcheck must not do
    leaky = tmp_path / "leaky.py"
    leaky.write_text(
        "import os, socket, subprocess\n"
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
        "s.connect(('127.0.0.1', 9))\n"
        "try:\n    s.send(b'x')\nexcept OSError:\n    pass\n"
        "subprocess.run(['true'])\n"
        "open(os.path.join(os.environ['HOME'], 'cache.json'), 'w').write('{}')\n"
        "os.remove(os.path.join(os.environ['HOME'], 'cache.json'))\n"
    )
    # when it runs under the same harness
    _, trace, _ = traced_run(strace, tmp_path, [sys.executable, str(leaky)])
    # then each one is seen
    assert len(trace.network) >= 2  # the connect and the send
    assert trace.programs != []
    assert str(tmp_path / "home" / "cache.json") in outside(trace.written, set())


def test_unfinished_calls_are_joined_and_relative_paths_resolved(tmp_path: Path) -> None:
    log = (
        '10 execve("/venv/bin/camcheck", ["camcheck"], 0x1 /* 3 vars */) = 0\n'
        '11 openat(AT_FDCWD</w>, "cache/x.json", O_WRONLY|O_CREAT <unfinished ...>\n'
        "12 connect(3<UDP:[9]>, {sa_family=AF_INET6, sin6_port=htons(53)}, 28) = 0\n"
        "11 <... openat resumed>, 0666) = 4</w/cache/x.json>\n"
        '10 openat(AT_FDCWD</w>, "/dev/null", O_WRONLY) = 3</dev/null>\n'
        '10 openat(AT_FDCWD</w>, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3</etc/passwd>\n'
        '10 openat(AT_FDCWD</w>, "/home/u/x", O_RDWR|O_CREAT, 0600) = -1 EACCES (Denied)\n'
        '10 rename("/w/.a.tmp", "a.png") = 0\n'
        '13 execve("/sbin/ldconfig", ["ldconfig", "-p"], 0x2 /* 3 vars */) = 0\n'
    )
    trace = parse(log, tmp_path)
    assert trace.written == ["/w/cache/x.json", "/dev/null", "/w/.a.tmp", str(tmp_path / "a.png")]
    assert outside(trace.written, set()) == [
        "/w/cache/x.json",
        "/w/.a.tmp",
        str(tmp_path / "a.png"),
    ]
    assert len(trace.network) == 1 and len(trace.programs) == 1
    assert trace.renamed == [("/w/.a.tmp", str(tmp_path / "a.png"))]


def test_camcheck_imports_no_mediapipe_matplotlib_or_sounddevice() -> None:
    # MediaPipe's native code sends usage logs; matplotlib and sounddevice (which it pulls
    # in) spawn fc-list, ldconfig and gcc and write a font cache.
    code = (
        "import sys\n"
        "from camcheck import cli\n"
        f"try:\n    cli.main(['image', {str(GOOD)!r}, '--json'])\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if '.' not in m)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    modules = set(result.stdout.split())
    assert "camcheck" in modules and "cv2" in modules
    assert not {"mediapipe", "matplotlib", "sounddevice"} & modules


def test_camcheck_source_names_no_network_library() -> None:
    for path in (ROOT / "camcheck").rglob("*.py"):
        text = path.read_text()
        for name in (
            "import socket",
            "import urllib",
            "import requests",
            "import http",
            "from urllib",
            "from http",
            "import mediapipe",
        ):
            assert name not in text, f"{path.relative_to(ROOT)} uses {name}"
