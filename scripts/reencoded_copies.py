"""Judge re-encoded copies of the corpus's stills: does a verdict hold at another size and JPEG?

    python scripts/reencoded_copies.py --corpus DIR --out COPIES.jsonl [--work DIR]
        [--copies 480:75,800:88] [--ids virtual_background.]

Every labelled still of the corpus manifest whose must / must_not lists name an id starting
with ``--ids`` is scaled down (INTER_AREA, never up) to each long side and saved as a JPEG of
each quality (``LONG:QUALITY``, comma-separated) in ``--work`` (default: a temporary folder,
removed afterwards), then judged as ``scripts/evaluate.py`` judges a case. Each copy keeps its
original's split, group, generator and ``real`` flag, and only the labels of those ids (a
smaller copy may lose grain or blur that other labels are about). The output has the lines
of ``evaluate.py --dump`` plus ``orig`` and ``copy``, so ``scripts/fit_vb_model.py`` reads
it; its figures on the copies show what a fit does with pictures that came another way (the
photos of an acceptance set come at every size and compression). The corpus itself is left
as it is.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

import cv2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import evaluate  # noqa: E402  (scripts/evaluate.py, on the path above)

from camcheck.perception import working_copy  # noqa: E402


def copies_of(spec: str) -> list[tuple[int, int]]:
    """``"480:75,800:88"`` -> [(480, 75), (800, 88)]."""
    pairs = []
    for part in spec.split(","):
        long_side, quality = part.split(":")
        pairs.append((int(long_side), int(quality)))
    return pairs


def labels(ids: list[str], prefix: str) -> list[str]:
    """The ids of a must / must_not list that start with ``prefix``."""
    return [i for i in ids if i.startswith(prefix)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--copies", default="480:75,800:88")
    parser.add_argument("--ids", default="virtual_background.")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    # No OpenCV thread pool in this process: the workers are forked from it.
    cv2.setNumThreads(0)
    work = args.work or Path(tempfile.mkdtemp(prefix="camcheck-copies-"))
    work.mkdir(parents=True, exist_ok=True)
    manifest = args.corpus / "manifest.jsonl"
    copies = copies_of(args.copies)
    cases = []
    for line in manifest.read_text().splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        if case.get("kind", "image") != "image":
            continue
        must, must_not = labels(case["must"], args.ids), labels(case["must_not"], args.ids)
        if not must and not must_not:
            continue
        image = cv2.imread(str(args.corpus / case["file"]))
        if image is None:
            continue
        for long_side, quality in copies:
            # scaled as camcheck scales its working frame: INTER_AREA, never up
            copy = working_copy(image, long_side)
            tag = f"L{long_side}q{quality}"
            name = case["file"].replace("/", "__") + f"@{tag}.jpg"
            cv2.imwrite(str(work / name), copy, [cv2.IMWRITE_JPEG_QUALITY, quality])
            cases.append(
                {
                    **case,
                    "file": name,
                    "must": must,
                    "must_not": must_not,
                    "orig": case["file"],
                    "copy": tag,
                }
            )
    print(f"{len(cases)} copies in {work}", file=sys.stderr)
    try:
        results = evaluate.run_all(work, cases, args.jobs)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    with args.out.open("w") as out:
        for case, result in zip(cases, results, strict=True):
            out.write(json.dumps({**result, "orig": case["orig"], "copy": case["copy"]}) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
