"""Candidate still cues of a pasted background, measured on the corpus and judged (not shipped).

A survey tool (helper vbpaste11, 2026-12-02), not part of camcheck: it measures cues that
the analyzer does not have on the corpus's stills labelled for virtual_background.detected,
with the analyzer's own scene and numbers beside them, then prints each cue's AUC alone and
the cue model refitted with some of them (scripts/fit_vb_model.py's fit and limit rule):
on the tune split, in a grouped 5-fold cross-validation of the tune split, and held out.

    python scripts/vb_cue_survey.py measure OUT.jsonl [--corpus DIR] [--split tune|heldout]
                                                                 # DIR: $CAMCHECK_CORPUS
    python scripts/vb_cue_survey.py auc OUT.jsonl
    python scripts/vb_cue_survey.py refit TUNE.jsonl [--heldout HELD.jsonl] [CUE[+CUE...] ...]

The cues (``b`` the background outside the margin, ``p`` the person without the outline
band; the first three on the frame as decoded, not on the 640 px working copy):

* ``blk_p0_*``, ``blk_best_*``: JPEG block grid strength, mean |first difference| of luma on
  the 8 px grid (at the file's phase, or the strongest phase) over the other columns and
  rows, on low-gradient pixels: a picture pasted from a JPEG of its own keeps its grid;
* ``per_*``: periodicity of resampling, the highest peak over the median of the spectrum of
  the per-column (per-row) mean |second difference|, JPEG frequencies (k/8) left out: a
  picture stretched from a small copy has a period of its own (not seen where that period
  falls on a JPEG frequency: a stretch of 4/3 or 8/5);
* ``fine_*``: the finest band over the next, mean |Y - G0.8| over mean |G0.8 - G1.6|;
* ``zero_*``: share of pixels equal to their right and lower neighbours (a drawn gradient);
* ``dof_near_far``, ``dof_near_person``: the background's edge sharpness
  (outline.sharpness) just outside the outline over further out, and over the person's;
* ``cl_off``: across the head's outline (outline.outline_profiles), the mean distance of the
  samples between 10% and 90% of the way from the person's colour to the background's from
  the straight line between the two, over their distance; median over contrasty profiles. A
  camera's edge is a mixture of the two; a matte over another picture mixes in a third
  colour. ``cll_off``: the same in linear light.

``*_bp`` is background over person, ``*_mismatch`` the absolute log of that ratio.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import cv2  # noqa: E402
import fit_vb_model as fit_model  # noqa: E402
import numpy as np  # noqa: E402

from camcheck.analyzers.virtual_background import (  # noqa: E402
    VirtualBackgroundAnalyzer,
    model_inputs,
    person_at_camera,
)
from camcheck.measures import outline  # noqa: E402
from camcheck.scene import Scene  # noqa: E402

DETECTED = "virtual_background.detected"
JPEG_BLOCK = 8
# Differences under this (8-bit) count for the grid: an edge is no block boundary.
GRID_FLAT = 12
MIN_GRID_PIXELS = 200
# Periodicity: columns with this many region pixels; the lowest frequency kept (cycles/px).
MIN_COLUMN_PIXELS = 20
MIN_COLUMNS = 128
LOWEST_FREQUENCY = 1 / 32
DETREND = 17
FINE_SIGMAS = (0.8, 1.6)
MIN_REGION_PIXELS = 500
# How far outside the band the "near" background reaches (share of the diagonal).
NEAR_SHARE = 0.04
# Colour line: the transition's part of the profile, as the position between the two ends.
TRANSITION = (0.1, 0.9)
FOLDS = 5


def regions(scene: Scene, shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """The person without the band and the background, as bool masks of ``shape``."""
    band = outline.boundary_band(scene)
    inner = outline.inner_mask(scene, band)
    size = (shape[1], shape[0])
    person = cv2.resize(inner, size, interpolation=cv2.INTER_NEAREST) > 0
    background = scene.background_mask.view(np.uint8)
    return person, cv2.resize(background, size, interpolation=cv2.INTER_NEAREST) > 0


def grid(luma: np.ndarray, region: np.ndarray) -> dict[str, float]:
    """Block grid strength at the file's phase and at the strongest one (mean of both axes)."""
    p0, best = [], []
    for axis in (1, 0):
        d = np.abs(np.diff(luma.astype(np.int16), axis=axis))
        both = region[:, 1:] & region[:, :-1] if axis == 1 else region[1:] & region[:-1]
        usable = both & (d < GRID_FLAT)
        sums = np.bincount(
            np.arange(d.shape[axis]) % JPEG_BLOCK,
            weights=(d * usable).sum(axis=1 - axis),
            minlength=JPEG_BLOCK,
        )
        counts = np.bincount(
            np.arange(d.shape[axis]) % JPEG_BLOCK,
            weights=usable.sum(axis=1 - axis),
            minlength=JPEG_BLOCK,
        )
        if counts.min() < MIN_GRID_PIXELS:
            return {}
        means = sums / counts
        last = JPEG_BLOCK - 1
        p0.append(means[last] / max(np.delete(means, last).mean(), 1e-3))
        top = int(means.argmax())
        best.append(means[top] / max(np.delete(means, top).mean(), 1e-3))
    return {"blk_p0": float(np.mean(p0)), "blk_best": float(np.mean(best))}


def periodicity(luma: np.ndarray, region: np.ndarray) -> float:
    """Highest spectral peak over the median of the per-column (per-row) mean |d2|."""
    y = luma.astype(np.float32)
    peaks = []
    for axis in (1, 0):
        if axis == 1:
            d2 = np.abs(y[:, 2:] - 2 * y[:, 1:-1] + y[:, :-2])
            inside = region[:, 1:-1]
        else:
            d2 = np.abs(y[2:] - 2 * y[1:-1] + y[:-2])
            inside = region[1:-1]
        sums = (d2 * inside).sum(axis=1 - axis)
        counts = inside.sum(axis=1 - axis)
        ok = counts >= MIN_COLUMN_PIXELS
        if ok.sum() < MIN_COLUMNS:
            return math.nan
        means = np.where(ok, sums / np.maximum(counts, 1), 0.0)
        kernel = np.ones(DETREND) / DETREND
        trend = np.convolve(means, kernel, "same") / np.maximum(
            np.convolve(ok.astype(np.float64), kernel, "same"), 1e-3
        )
        signal = np.where(ok, means - trend, 0.0)
        n = len(signal)
        spectrum = np.abs(np.fft.rfft(signal * np.hanning(n)))
        freq = np.fft.rfftfreq(n)
        keep = (freq > LOWEST_FREQUENCY) & (freq < 0.5 - 2.0 / n)
        for k in range(1, JPEG_BLOCK // 2 + 1):
            keep &= np.abs(freq - k / JPEG_BLOCK) > 2.0 / n
        peaks.append(float(spectrum[keep].max() / max(np.median(spectrum[keep]), 1e-6)))
    return max(peaks)


def fine_band(luma: np.ndarray, region: np.ndarray) -> float:
    """The finest band's mean magnitude over the next band's, on the region."""
    y = luma.astype(np.float32)
    first = cv2.GaussianBlur(y, (0, 0), FINE_SIGMAS[0])
    second = cv2.GaussianBlur(y, (0, 0), FINE_SIGMAS[1])
    if int(region.sum()) < MIN_REGION_PIXELS:
        return math.nan
    finest = np.abs(y - first)[region].mean()
    return float(finest / max(np.abs(first - second)[region].mean(), 1e-3))


def zero_share(luma: np.ndarray, region: np.ndarray) -> float:
    """Share of the region's pixels equal to their right and lower neighbours."""
    y = luma.astype(np.int16)
    same = (y[:-1, 1:] == y[:-1, :-1]) & (y[1:, :-1] == y[:-1, :-1])
    inside = region[:-1, :-1]
    return float(same[inside].mean()) if int(inside.sum()) >= MIN_REGION_PIXELS else math.nan


def depth_of_field(scene: Scene) -> dict[str, float]:
    band = outline.boundary_band(scene)
    near = outline.boundary_band(scene, outline.BAND_SHARE + NEAR_SHARE)
    background = scene.background_mask.view(np.uint8)
    ring = cv2.bitwise_and(cv2.bitwise_and(near, cv2.bitwise_not(band)), background)
    far = cv2.bitwise_and(background, cv2.bitwise_not(near))
    person, at_ring, at_far = outline.sharpness(
        scene.luma8, (outline.inner_mask(scene, band), ring, far)
    )
    return {"dof_near_far": at_ring / at_far, "dof_near_person": at_ring / person}


def colour_line(scene: Scene) -> dict[str, float]:
    found = outline.outline_profiles(scene)
    if found is None or len(found[0]) < outline.MIN_PROFILES:
        return {}
    out = {}
    for name, profiles in (("cl_off", found[0]), ("cll_off", linear(found[0]))):
        ends = outline.PROFILE_END_SAMPLES
        inner = profiles[:, :ends].mean(axis=1, keepdims=True)
        span = profiles[:, -ends:].mean(axis=1, keepdims=True) - inner
        contrast = np.linalg.norm(span[:, 0], axis=1)
        usable = found[0][:, :ends].mean(axis=1) - found[0][:, -ends:].mean(axis=1)
        usable = np.linalg.norm(usable, axis=1) >= outline.MIN_PROFILE_CONTRAST
        if int(usable.sum()) < outline.MIN_PROFILES // 2:
            return {}
        profiles, inner, span, contrast = (a[usable] for a in (profiles, inner, span, contrast))
        t = ((profiles - inner) * span).sum(axis=2) / (span**2).sum(axis=2)
        mixture = inner + np.clip(t, 0, 1)[..., None] * span
        off = np.linalg.norm(profiles - mixture, axis=2) / contrast[:, None]
        between = (t > TRANSITION[0]) & (t < TRANSITION[1])
        values = [float(o[b].mean()) for o, b in zip(off, between, strict=True) if b.any()]
        out[name] = float(np.median(values)) if values else math.nan
    return out


def linear(srgb: np.ndarray) -> np.ndarray:
    c = srgb / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4) * 255.0


def candidate_cues(scene: Scene, image: np.ndarray) -> dict[str, float]:
    luma = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    person, background = regions(scene, luma.shape)
    cues: dict[str, float] = {}
    for side, region in (("p", person), ("b", background)):
        for name, value in grid(luma, region).items():
            cues[f"{name}_{side}"] = value
        cues[f"per_{side}"] = periodicity(luma, region)
        cues[f"fine_{side}"] = fine_band(luma, region)
        cues[f"zero_{side}"] = zero_share(luma, region)
    for name in ("blk_p0", "blk_best", "per", "fine", "zero"):
        p, b = cues.get(f"{name}_p", math.nan), cues.get(f"{name}_b", math.nan)
        if p > 0 and b > 0:
            cues[f"{name}_bp"] = b / p
            cues[f"{name}_mismatch"] = abs(math.log(b / p))
    cues.update(depth_of_field(scene))
    cues.update(colour_line(scene))
    return {k: v for k, v in cues.items() if math.isfinite(v)}


def measure(args: argparse.Namespace) -> None:
    from camcheck.perception import Perception
    from camcheck.sources.images import load_image

    cv2.setNumThreads(1)
    lines = (args.corpus / "manifest.jsonl").read_text().splitlines()
    cases = [json.loads(line) for line in lines if line.strip()]
    cases = [
        c
        for c in cases
        if c.get("kind", "image") == "image"
        and c.get("split") == args.split
        and (DETECTED in c.get("must", []) or DETECTED in c.get("must_not", []))
    ]
    done = set()
    if args.out.exists():
        done = {json.loads(line)["file"] for line in args.out.read_text().splitlines() if line}
    perception = Perception()
    with args.out.open("a") as out:
        for case in cases:
            if case["file"] in done:
                continue
            record = {
                key: case.get(key, "") for key in ("file", "split", "generator", "group", "about")
            }
            record.update(real=bool(case.get("real")), vb=DETECTED in case.get("must", []))
            image = load_image(args.corpus / case["file"])
            scene = perception.scene(image, source_kind="image", people=False)
            record["at_camera"] = person_at_camera(scene)
            if record["at_camera"]:
                record["measured"] = VirtualBackgroundAnalyzer().measure(scene)
                record["candidates"] = candidate_cues(scene, image)
            out.write(json.dumps(record) + "\n")


def load(path: Path) -> list[dict]:
    """Stills with someone at the camera, their model inputs and candidate cues as one dict."""
    rows = []
    for line in path.read_text().splitlines():
        row = json.loads(line) if line.strip() else {}
        if row.get("at_camera") and "vb_score" in row.get("measured", {}):
            measured = {**model_inputs(row["measured"]), **row["candidates"]}
            rows.append({**row, "measured": measured})
    return rows


def auc(positives: list[float], negatives: list[float]) -> float:
    pos, neg = np.asarray(positives), np.asarray(negatives)
    if len(pos) < 3 or len(neg) < 3:
        return math.nan
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def print_auc(args: argparse.Namespace) -> None:
    rows = load(args.features)
    negative = [r for r in rows if not r["vb"] and (r["real"] or "blur" in r["generator"])]
    sets = {
        "composites": [r for r in rows if r["vb"]],
        "vb_paste_v1": [r for r in rows if r["vb"] and r["generator"] == "vb_paste_v1"],
    }
    print(f"{'cue':22s} AUC against real photos and app blurs: " + ", ".join(sets))
    for name in sorted({k for r in rows for k in r["measured"]}):
        neg = [r["measured"][name] for r in negative if name in r["measured"]]
        parts = []
        for chosen in sets.values():
            pos = [r["measured"][name] for r in chosen if name in r["measured"]]
            parts.append(f"{auc(pos, neg):.3f} ({len(pos)}/{len(neg)})")
        print(f"{name:22s} " + "  ".join(parts))


def fold_of(row: dict) -> int:
    return int(hashlib.md5(row["group"].encode()).hexdigest(), 16) % FOLDS


def refit(args: argparse.Namespace) -> None:
    tune = [r for r in load(args.features) if r["split"] == "tune"]
    held = [r for r in load(args.heldout) if r["split"] == "heldout"] if args.heldout else []
    base = fit_model.CUES
    for spec in ["", *args.cues]:
        # a ratio is fitted on its log, a mismatch (already a log) as it is
        extra = [(name, not name.endswith("_mismatch"), +1) for name in spec.split("+") if name]
        fit_model.CUES = (*base, *extra)
        model = fit_model.fit(tune)
        limit = fit_model.limit_for(tune, model)
        print(f"== the shipped cues{' + ' + spec if spec else ''}: limit {limit:.4f}")
        fit_model.figures(tune, model, limit, "  tune")
        found = composites = real_over = real = 0
        for k in range(FOLDS):
            inside = [r for r in tune if fold_of(r) != k]
            fold_model = fit_model.fit(inside)
            fold_limit = fit_model.limit_for(inside, fold_model)
            for r in (r for r in tune if fold_of(r) == k):
                fired = fold_model.score(r["measured"]) > fold_limit
                found, composites = found + (fired and r["vb"]), composites + r["vb"]
                real_over, real = real_over + (fired and r["real"]), real + r["real"]
        print(f"  tune, grouped {FOLDS}-fold: {found}/{composites}, real {real_over}/{real}")
        if held:
            fit_model.figures(held, model, limit, "  heldout")
        fit_model.CUES = base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("measure")
    one.add_argument("out", type=Path)
    one.add_argument(
        "--corpus",
        type=Path,
        default=Path(os.environ.get("CAMCHECK_CORPUS", ROOT / ".cache" / "corpus")),
    )
    one.add_argument("--split", default="tune", choices=("tune", "heldout"))
    one.set_defaults(run=measure)
    two = commands.add_parser("auc")
    two.add_argument("features", type=Path)
    two.set_defaults(run=print_auc)
    three = commands.add_parser("refit")
    three.add_argument("features", type=Path)
    three.add_argument("--heldout", type=Path)
    three.add_argument("cues", nargs="*", help="candidate cues to add, joined by +")
    three.set_defaults(run=refit)
    args = parser.parse_args()
    args.run(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
