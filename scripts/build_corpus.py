"""Build the development corpus with one command: real pictures, synthetic cases, manifest.

    python scripts/build_corpus.py [--out DIR] [--github-cache DIR] [--seed N]
    python scripts/build_corpus.py --relabel [--out DIR]
    python scripts/build_corpus.py --refresh synth_NAME [--out DIR] [--seed N]
    python scripts/build_corpus.py --verify | --parts [--out DIR]

DIR defaults to $CAMCHECK_CORPUS, else <repo>/.cache/corpus. Downloads are cached in
DIR/cache and reused. The result is DIR/real/..., DIR/synth/... (written by every
``scripts/corpus/synth_*.py`` module's ``build(out_dir, sources, rng_seed)``) and
DIR/manifest.jsonl, one case per line (the format is in the README, "Development corpus and
held-out scores"). Pictures that /work/shared/reserved/check_reserved.py (or
$CAMCHECK_RESERVED_CHECK) flags are deleted and left out. A synthetic module that is missing
or raises is logged and skipped.

``--relabel`` rewrites only the must / must_not lists of the real cases already in
DIR/manifest.jsonl from scripts/corpus/real_sources.py (and leaves the ids that
scripts/corpus/synth_review.py calls debatable out of a synthetic case's lists), in
seconds: no file is fetched, written or moved, and every other field (split, group, file)
stays as it was.

``--parts`` prints, for each source (a real file's package, a synthetic file's generator),
its number of files and a short hash over their names and recorded SHA-256: two builds
whose corpus fingerprints differ are compared line by line to find the source that differs.

``--refresh synth_NAME`` remakes one synthetic module's cases in a built corpus as a full
build would (the same subjects, seed and split), in minutes instead of the full build's
25: its old cases (DIR/synth/<its FAMILY>/) leave the manifest, its new ones join it, and
every other case stays.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import logging
import os
import re
import subprocess
import sys
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_TOOLS = ROOT / "scripts" / "corpus"
for entry in (str(ROOT), str(CORPUS_TOOLS)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

import real_build  # noqa: E402  (needs the path above)
import real_sources  # noqa: E402
import synth_review  # noqa: E402

log = logging.getLogger("build_corpus")

# The split: a group whose hash falls under this share of the hash range is tuned on, the
# rest is held out. 70/30 leaves about a hundred held-out cases at 300+ cases.
TUNE_SHARE = 0.70
# Salt of the split hash: changing it reshuffles groups, so it stays fixed once limits
# are fitted on a split. Salts v1..v40 were compared on the corpus of 2026-12-01 (394 cases)
# before anything was fitted on it, by how close the held-out share of each kind of case is
# to 30%. v27 holds out 30% of stills, 30% of clips, 31% of real people, 31% of synthetic
# cases, 23% of photos without a person and 22-36% of each must id with 10+ cases
# (v1 held out 21% of stills).
SPLIT_SALT = "camcheck-corpus-v27"
RESERVED_CHECK = Path("/work/shared/reserved/check_reserved.py")
DEFAULT_SEED = 20261201
KINDS = ("image", "video")


def default_out() -> Path:
    env = os.environ.get("CAMCHECK_CORPUS")
    return Path(env) if env else ROOT / ".cache" / "corpus"


def split_of(group: str) -> str:
    """'tune' or 'heldout', from a stable hash of the group (the same on every machine)."""
    digest = hashlib.sha256(f"{SPLIT_SALT}:{group}".encode()).digest()
    share = int.from_bytes(digest[:8], "big") / 2**64
    return "tune" if share < TUNE_SHARE else "heldout"


SYNTH_DIRS: list[Path] = [CORPUS_TOOLS]


def synth_modules() -> list[str]:
    """Names of the synth_*.py generator modules (synth_common is their shared library)."""
    names = {p.stem for d in SYNTH_DIRS for p in d.glob("synth_*.py")}
    return sorted(names - {"synth_common"})


def run_synth(out: Path, sources: list[dict], seed: int) -> list[dict]:
    """Every synth module's records; a module that fails is logged and skipped."""
    records: list[dict] = []
    for name in synth_modules():
        try:
            module = importlib.import_module(name)
            build = getattr(module, "build", None)
            if build is None:
                log.info("%s has no build(); skipped", name)
                continue
            log.info("running %s.build", name)
            made = build(out, sources, seed)
        except Exception:  # one generator's bug must not cost the whole corpus
            log.error("%s failed, skipped:\n%s", name, traceback.format_exc(limit=6))
            continue
        good = []
        for rec in made or []:
            if isinstance(rec, dict) and {"file", "kind", "group"} <= set(rec):
                good.append(rec)
            else:
                log.warning("%s returned a malformed record: %r", name, rec)
        log.info("%s: %d cases", name, len(good))
        records.extend(good)
    return records


def reserved_files(out: Path, folders: list[Path]) -> set[Path]:
    """Files that the reserved-picture check flags (it prints 'path: reason' per match)."""
    script = Path(os.environ.get("CAMCHECK_RESERVED_CHECK", RESERVED_CHECK))
    if not script.is_file():
        log.warning("reserved check %s not found: corpus NOT checked for reserved pictures", script)
        return set()
    existing = [str(f) for f in folders if f.exists()]
    if not existing:
        return set()
    result = subprocess.run(
        [sys.executable, str(script), *existing], capture_output=True, text=True, cwd=out
    )
    flagged = set()
    for line in result.stdout.splitlines():
        match = re.match(r"^(.*?): (looks like a reserved|reserved file name)", line)
        if match:
            flagged.add((out / match.group(1)).resolve())
    log.info("reserved check: %s", (result.stdout.strip().splitlines() or ["no output"])[-1])
    return flagged


def finish(records: list[dict], out: Path) -> list[dict]:
    """Drop duplicates and missing files, fill the split, keep the manifest's field order."""
    seen: set[str] = set()
    final = []
    for rec in records:
        if rec["file"] in seen or not (out / rec["file"]).is_file():
            continue
        seen.add(rec["file"])
        rec = dict(rec)
        rec["split"] = split_of(str(rec["group"]))
        rec.setdefault("real", False)
        rec.setdefault("generator", "none")
        open_ids = set(synth_review.debatable(rec["file"]))
        rec["must"] = sorted(set(rec.get("must", ())) - open_ids)
        rec["must_not"] = sorted(set(rec.get("must_not", ())) - set(rec["must"]) - open_ids)
        for key in ("package", "path", "licence", "about"):
            rec.setdefault(key, "")
        final.append(rec)
    return final


def read_manifest(out: Path) -> list[dict]:
    """The cases of ``out``/manifest.jsonl."""
    text = (out / "manifest.jsonl").read_text()
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(out: Path, records: list[dict], *, rehash: bool = False) -> Path:
    """Replace ``out``/manifest.jsonl with ``records`` in one step (written aside first).

    A case whose file is there and that has no ``sha256`` yet (a new one) gets it from the
    bytes now; one that has it keeps it, so ``--verify`` still names a file that changed
    since (``rehash``, for ``--hash``: take every one from the bytes now). A corpus rebuilt
    elsewhere (other commits of a GitHub source, another encoder) shows which files differ,
    and ``scripts/evaluate.py`` names the corpus it scored by the recorded hashes.
    """
    manifest = out / "manifest.jsonl"
    tmp = manifest.with_suffix(".jsonl.part")
    with tmp.open("w") as fh:
        for rec in records:
            path = out / rec["file"]
            if (rehash or "sha256" not in rec) and path.is_file():
                rec["sha256"] = file_sha256(path)
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.replace(manifest)
    return manifest


def without_reserved(records: list[dict], out: Path, flagged: set[Path]) -> list[dict]:
    """``records`` without the ones whose file the reserved check flagged; those files go."""
    kept = []
    for rec in records:
        path = (out / rec["file"]).resolve()
        if path in flagged:
            log.warning("dropping reserved picture %s", rec["file"])
            path.unlink(missing_ok=True)
        else:
            kept.append(rec)
    return kept


def summary(records: list[dict]) -> str:
    lines = []
    by = Counter((r["kind"], r["split"]) for r in records)
    lines.append(
        f"{len(records)} cases: " + ", ".join(f"{k} {s} {n}" for (k, s), n in sorted(by.items()))
    )
    stills = [r for r in records if r["kind"] == "image"]
    real_people = [r for r in stills if r["real"] and "face.not_found" in r["must_not"]]
    lines.append(
        f"stills {len(stills)}, of which real unmodified frames of people "
        f"{len(real_people)} ({len(real_people) / max(1, len(stills)):.0%})"
    )
    must = Counter(i for r in records for i in r["must"])
    lines.append("must: " + ", ".join(f"{i} {n}" for i, n in sorted(must.items())))
    groups = {s: len({r["group"] for r in records if r["split"] == s}) for s in ("tune", "heldout")}
    lines.append(f"groups: tune {groups['tune']}, heldout {groups['heldout']}")
    return "\n".join(lines)


def refresh(out: Path, module_name: str, seed: int) -> tuple[list[dict], int]:
    """Remake one synth module's cases in the built corpus ``out``: returns the new records
    and how many old ones of its family left the manifest.

    The subjects come from the manifest's real photos, the split from :func:`split_of`.
    The manifest is read again just before it is replaced, so cases another process added
    meanwhile stay.
    """
    module = importlib.import_module(module_name)
    sources = real_build.subject_sources(read_manifest(out), out)
    made = module.build(out, sources, seed)
    flagged = reserved_files(out, [out / "synth" / module.FAMILY])
    made = finish(without_reserved(made, out, flagged), out)
    mine = f"synth/{module.FAMILY}/"
    records = read_manifest(out)
    kept = [rec for rec in records if not str(rec["file"]).startswith(mine)]
    write_manifest(out, kept + made)
    return made, len(records) - len(kept)


def real_labels() -> dict[str, tuple[list[str], list[str]]]:
    """Corpus file -> (must, must_not) for every real case real_sources.py defines.

    The file names are the ones real_build.build_real gives the cases it writes.
    """
    out: dict[str, tuple[list[str], list[str]]] = {}

    def put(rel: str, must, must_not) -> None:
        must_l = sorted(set(must))
        out[rel] = (must_l, sorted(set(must_not) - set(must_l)))

    for still in real_sources.stills():
        rel = f"real/{real_build._flat(still.archive, still.path)}"
        suffix = "." + still.path.rsplit(".", 1)[-1].lower()
        put(rel + ("_crop.png" if still.crop is not None else suffix), still.must, still.must_not)
    for clip in real_sources.CLIPS:
        base = f"real/{real_build._flat(clip.archive, clip.path)}"
        must_not = list(clip.must_not)
        if clip.no_intruder:
            must_not.append("background.intrusion")
        for k in range(len(clip.segments)):
            repeats = real_build.LOW_FPS_REPEATS[k % len(real_build.LOW_FPS_REPEATS)]
            for tail in ("", f"_lowfps{repeats}x", "_lowres"):
                put(f"{base}_seg{k}{tail}.mp4", clip.must, must_not)
        for t, must, must_not_frame, _ in clip.frames:
            put(f"{base}_t{t:05.1f}.jpg", must, must_not_frame)
    return out


def verify(out: Path) -> list[str]:
    """The cases of ``out``/manifest.jsonl whose file is missing or whose bytes are not the
    manifest's ``sha256`` (a case without one is counted as differing too)."""
    bad = []
    for rec in read_manifest(out):
        path = out / rec["file"]
        if not path.is_file() or rec.get("sha256") != file_sha256(path):
            bad.append(rec["file"])
    return bad


def part_name(rec: dict) -> str:
    """The source a case's file comes from: its package (the first word of ``package``) for
    a real file, its generator for a synthetic one."""
    if rec.get("real") or rec.get("generator", "none") == "none":
        package = str(rec.get("package", "")).split(" ", 1)[0]
        return f"real:{package or 'unknown'}"
    return f"synth:{rec['generator']}"


def part_fingerprints(records: list[dict]) -> dict[str, tuple[int, str]]:
    """Per source (``part_name``): how many files and a short hash over their names and
    recorded SHA-256, so that two builds (two machines) can be compared source by source
    where the whole corpus's fingerprint only says that something differs."""
    parts: dict[str, list[tuple[str, str]]] = {}
    for rec in records:
        parts.setdefault(part_name(rec), []).append((rec["file"], rec.get("sha256", "")))
    out = {}
    for name, files in sorted(parts.items()):
        digest = hashlib.sha256(json.dumps(sorted(files)).encode()).hexdigest()[:12]
        out[name] = (len(files), digest)
    return out


def relabel(out: Path) -> int:
    """Rewrite the labels of the real cases in ``out``/manifest.jsonl, and drop a synthetic
    case's ids that synth_review.py calls debatable; return how many cases changed."""
    records = read_manifest(out)
    labels = real_labels()
    changed = kept = 0
    for rec in records:
        new = labels.get(rec["file"])
        if new is None:
            if rec["file"].startswith("real/"):
                log.warning("%s is not in real_sources.py: labels kept", rec["file"])
            kept += 1
            open_ids = set(synth_review.debatable(rec["file"]))
            if open_ids & set(rec["must"] + rec["must_not"]):
                rec["must"] = sorted(set(rec["must"]) - open_ids)
                rec["must_not"] = sorted(set(rec["must_not"]) - open_ids)
                changed += 1
            continue
        if (rec["must"], rec["must_not"]) != new:
            rec["must"], rec["must_not"] = new
            changed += 1
    write_manifest(out, records)
    log.info("relabelled %d of %d cases (%d not from real_sources.py)", changed, len(records), kept)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="corpus folder")
    parser.add_argument(
        "--github-cache",
        type=Path,
        default=None,
        help="local copies of GitHub files, <owner>+<name>/<path> (default DIR/cache/github)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--no-synth", action="store_true", help="real material only")
    parser.add_argument(
        "--synth-dir",
        type=Path,
        default=None,
        help="take the synth_*.py modules from this folder instead",
    )
    parser.add_argument(
        "--relabel",
        action="store_true",
        help="only rewrite the real cases' labels in the existing manifest from real_sources.py",
    )
    parser.add_argument(
        "--refresh",
        metavar="MODULE",
        default=None,
        help="only remake one synth module's cases (e.g. synth_art) in the existing corpus",
    )
    parser.add_argument(
        "--hash",
        action="store_true",
        help="only record each file's SHA-256 in the existing manifest",
    )
    parser.add_argument(
        "--verify",
        action="store_true",
        help="only check each file against the manifest's SHA-256 (exit 1 if any differs)",
    )
    parser.add_argument(
        "--parts",
        action="store_true",
        help="only print a fingerprint of each source's files (package or generator), to "
        "compare two builds source by source",
    )
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO, format="%(levelname)s %(message)s"
    )
    if args.synth_dir is not None:
        SYNTH_DIRS[:] = [args.synth_dir.resolve()]
        sys.path.insert(0, str(args.synth_dir.resolve()))
    out = (args.out or default_out()).resolve()
    reads_corpus = args.hash or args.parts or args.verify or args.relabel or args.refresh
    if reads_corpus and not (out / "manifest.jsonl").is_file():
        print(f"build_corpus: no corpus at {out} (no manifest.jsonl): build it first, or name it "
              "with --out", file=sys.stderr)  # fmt: skip
        return 2
    if args.hash:
        records = read_manifest(out)
        write_manifest(out, records, rehash=True)
        print(f"{sum('sha256' in r for r in records)} of {len(records)} files hashed")
        return 0
    if args.parts:
        for name, (count, digest) in part_fingerprints(read_manifest(out)).items():
            print(f"{digest}  {count:5d}  {name}")
        return 0
    if args.verify:
        bad = verify(out)
        for name in bad:
            print(f"differs: {name}")
        print(f"{len(bad)} of {len(read_manifest(out))} files differ from the manifest")
        return 1 if bad else 0
    if args.relabel:
        changed = relabel(out)
        print(f"relabelled {changed} cases in {out / 'manifest.jsonl'}")
        return 0
    if args.refresh:
        os.environ.setdefault("CAMCHECK_SYNTH_CACHE", str(out / "cache" / "synth-sources"))
        made, dropped = refresh(out, args.refresh, args.seed)
        for rec in made:
            print(rec["split"], rec["file"], rec["must"])
        print(f"{len(made)} cases of {args.refresh} written, {dropped} old ones left the manifest")
        return 0
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("CAMCHECK_SYNTH_CACHE", str(out / "cache" / "synth-sources"))

    records = real_build.build_real(out, out / "cache", args.github_cache)
    log.info("real: %d cases", len(records))
    if not args.no_synth:
        sources = real_build.subject_sources(records, out)
        log.info("%d real person photos handed to the synth modules", len(sources))
        records.extend(run_synth(out, sources, args.seed))

    flagged = reserved_files(out, [out / "real", out / "synth"])
    records = finish(without_reserved(records, out, flagged), out)
    manifest = write_manifest(out, records)
    print(summary(records))
    print(f"manifest: {manifest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
