"""Lay out the GitHub files the corpus takes, from local git mirrors, as build_corpus reads them.

    python scripts/corpus/github_cache.py --mirrors DIR [--out CORPUS/cache/github]

``build_corpus.py`` reads GitHub files from ``<cache>/<owner>+<name>/<path>`` and downloads
none. On a new machine that cache is empty: this script fills it from git mirrors of the
repositories (``DIR/<owner>+<name>/repo``, a bare repository or a work tree's ``.git``, as
the workplace's fetch tool leaves them), taking each file at the commit ``real_sources.py``
records for its repository, else the mirror's HEAD (said in the log: the file may differ
from the one that was labelled). Git LFS pointers and files missing from a mirror are
skipped and counted. It only reads the mirrors and writes the cache.
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for entry in (str(ROOT), str(HERE)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

log = logging.getLogger("github_cache")

LFS_POINTER = b"version https://git-lfs"


def git_dir(mirror: Path) -> Path:
    """The git directory of a mirror: its .git when it has a work tree, else itself."""
    return mirror / ".git" if (mirror / ".git").is_dir() else mirror


def read_blob(gitdir: Path, revs: list[str], path: str) -> tuple[bytes, str] | None:
    """The file at the first of revs that holds it (not an LFS pointer), and that rev."""
    for rev in revs:
        got = subprocess.run(
            ["git", f"--git-dir={gitdir}", "show", f"{rev}:{path}"], capture_output=True
        )
        if got.returncode == 0 and not got.stdout.startswith(LFS_POINTER):
            return got.stdout, rev
    return None


def lay_out(wanted: list[tuple[str, str, str]], mirrors: Path, out: Path) -> dict[str, int]:
    """Copy each (owner/name, commit, path) out of its mirror into out/<owner>+<name>/path."""
    counts = {"copied": 0, "present": 0, "at_head": 0, "missing": 0}
    for spec, commit, path in wanted:
        owner, name = spec.split("/")
        dest = out / f"{owner}+{name}" / path
        if dest.is_file():
            counts["present"] += 1
            continue
        revs = ([commit] if commit else []) + ["HEAD"]
        got = read_blob(git_dir(mirrors / f"{owner}+{name}" / "repo"), revs, path)
        if got is None:
            counts["missing"] += 1
            log.warning("no %s in the mirror of %s", path, spec)
            continue
        data, rev = got
        if rev == "HEAD" and commit:
            counts["at_head"] += 1
            log.warning("%s: %s taken at the mirror's HEAD, not %s", spec, path, commit[:10])
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
        counts["copied"] += 1
    return counts


def wanted_files() -> list[tuple[str, str, str]]:
    """(owner/name, recorded commit, path) of every GitHub still and clip of the corpus."""
    import real_sources

    items = [(s.archive, s.path) for s in real_sources.stills()]
    items += [(c.archive, c.path) for c in real_sources.CLIPS]
    out = []
    for key, path in items:
        archive = real_sources.ARCHIVES[key]
        if archive.kind == "github":
            out.append((archive.spec, archive.commit, path))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirrors", type=Path, required=True, help="<owner>+<name>/repo mirrors")
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "corpus" / "cache" / "github")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    counts = lay_out(wanted_files(), args.mirrors, args.out)
    log.info("%s", ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0 if counts["missing"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
