"""Privacy: the whole pipeline makes no network connection and writes no file unless asked."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from camcheck import cli
from tests.conftest import FIXTURES, ROOT


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every way of opening a connection fail loudly and record the attempt."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args))
        raise NetworkUsed(f"network use: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def snapshot(folder: Path) -> dict[str, float]:
    return {
        str(p): p.stat().st_mtime
        for p in folder.rglob("*")
        if p.is_file()
        and ".venv" not in p.parts
        and "__pycache__" not in p.parts
        and ".pytest_cache" not in p.parts
        and ".hypothesis" not in p.parts
    }


def test_whole_pipeline_without_network_and_without_writing(
    no_network: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a working folder and the repository as they are
    monkeypatch.chdir(tmp_path)
    repo_before = snapshot(ROOT / "fixtures") | snapshot(ROOT / "camcheck")
    runner = CliRunner()
    # when camcheck judges stills and a video, in text and JSON
    for args in (
        ["image", str(FIXTURES / "good_obama.jpg"), str(FIXTURES / "backlit_obama.jpg")],
        ["image", str(FIXTURES / "dark_obama.jpg"), "--json", "--lang", "nl"],
        ["live", "--source", str(FIXTURES / "sample_call.mp4"), "--json"],
    ):
        result = runner.invoke(cli.app, args)
        assert result.exit_code in (0, 1), result.output
    # then no connection was attempted and nothing was written anywhere we can see
    assert no_network == []
    assert list(tmp_path.iterdir()) == []
    assert snapshot(ROOT / "fixtures") | snapshot(ROOT / "camcheck") == repo_before


def test_the_guard_itself_catches_a_connection(no_network: list[str]) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    assert len(no_network) == 1


def test_no_network_module_is_imported_by_camcheck() -> None:
    # The package's own code names no networking library.
    for path in (ROOT / "camcheck").rglob("*.py"):
        text = path.read_text()
        for name in (
            "import socket",
            "import urllib",
            "import requests",
            "import http",
            "from urllib",
            "from http",
        ):
            assert name not in text, f"{path.relative_to(ROOT)} uses {name}"
    assert os.environ.get("CAMCHECK_DEBUG") in (None, "", "0", "1")
