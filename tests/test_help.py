"""The help a person reads first: no Python types, all Dutch under a Dutch locale, --version."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

import camcheck
from camcheck.checks import UI

# typer's own placeholders name Python types: <str>, <float>, <list[str]>, {paths}...
PYTHON_TYPE = re.compile(r"<[a-zA-Z_\[\]|, ]+>|\{[a-z_]+\}")
# click's fixed English words, which the Dutch help must not contain.
ENGLISH_WORDS = ("Usage", "Options", "Arguments", "Commands", "Show this", "default:", "required")
COMMANDS = ((), ("image",), ("live",), ("devices",), ("checks",))


def run(*args: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
    return subprocess.run(
        [sys.executable, "-m", "camcheck", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "top")
def test_help_has_no_python_types(command: tuple[str, ...]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert not PYTHON_TYPE.findall(result.stdout), result.stdout
    assert result.stdout.startswith("Usage: camcheck")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "top")
def test_help_is_all_dutch_under_a_dutch_locale(command: tuple[str, ...]) -> None:
    result = run(*command, "--help", lang="nl_NL.UTF-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Gebruik: camcheck"), result.stdout
    for word in ENGLISH_WORDS:
        assert word not in result.stdout, (word, result.stdout)
    assert "Toon deze hulp en stop." in result.stdout
    assert not PYTHON_TYPE.findall(result.stdout)


def test_dutch_help_names_the_default_with_a_decimal_comma() -> None:
    result = run("live", "--help", lang="nl_NL.UTF-8")
    assert "--seconds SECONDEN" in result.stdout
    assert "(standaard: 5,0)" in result.stdout
    assert "--sample" in result.stdout


def test_image_usage_names_the_photos_in_words() -> None:
    assert "Usage: camcheck image [OPTIONS] PHOTO..." in run("image", "--help").stdout
    assert (
        "Gebruik: camcheck image [OPTIES] FOTO..."
        in run("image", "--help", lang="nl_NL.UTF-8").stdout
    )


def test_bare_camcheck_prints_the_help_without_an_error() -> None:
    result = run()
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: camcheck [OPTIONS] COMMAND")
    assert "error" not in result.stdout + result.stderr
    assert result.stderr == ""


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"camcheck {camcheck.__version__}"


def test_every_help_text_has_a_dutch_translation() -> None:
    for key, texts in UI.items():
        if key.startswith(("help.", "metavar.")):
            assert texts["nl"].strip(), key


def test_the_readme_names_every_persistence_time_that_differs() -> None:
    from camcheck.checks import CHECKS, PERSIST_SECONDS
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    assert "at least a second" in readme and PERSIST_SECONDS == 1.0
    for check in CHECKS.values():
        if check.persist_s is not None:
            assert f"(`{check.id}`) counts after {check.persist_s:g} s" in readme, check.id


@pytest.mark.parametrize("lang", ["C.UTF-8", "nl_NL.UTF-8"])
def test_option_help_says_what_the_option_does(lang: str) -> None:
    # before: checks "... threshold and advice" (the text list shows no threshold), live
    # --seconds "How long to watch a camera" (it also cuts a file), image --json "one JSON
    # document" (several photos give JSON Lines)
    checks = run("checks", "--help", lang=lang).stdout
    assert ("--json adds" if lang == "C.UTF-8" else "--json geeft ook") in checks
    live = " ".join(run("live", "--help", lang=lang).stdout.split())
    assert ("of a video file" if lang == "C.UTF-8" else "van een videobestand") in live
    image = " ".join(run("image", "--help", lang=lang).stdout.split())
    assert "(JSON Lines)" in image
