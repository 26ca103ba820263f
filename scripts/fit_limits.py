"""Fit one limit of one check on the corpus's tune split and report it on the held-out split.

    python scripts/fit_limits.py --dump FILE.jsonl --id CHECK_ID --metric KEY
                                 [--better lower|higher] [--objective balanced|f1]

FILE.jsonl is ``scripts/evaluate.py --dump``'s output. A case takes part when CHECK_ID is in
its ``must`` (a positive) or ``must_not`` (a negative) and KEY has a number for it: the
finding's own ``measured`` value when the finding fired, else the report's ``metrics``.
``--better higher`` means healthy cases have high values, so the finding fires below the
limit (``value < limit``); ``lower`` fires above it (``value > limit``). The limit is the
midpoint between two neighbouring tune values that maximises the objective. Printed: the
limit, the tune precision / recall, the held-out precision / recall, and the held-out margin:
the distance from the limit to the nearest held-out positive and negative, as a share of the
metric's range over all cases (a margin under 10% means the measure barely separates).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Point:
    value: float
    positive: bool
    file: str


def value_of(case: dict, cid: str, key: str) -> float | None:
    """The metric for one case: the finding's measured value first, else report metrics."""
    for source in (case.get("findings", {}).get(cid, {}), case.get("metrics", {})):
        value = source.get(key)
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if number and math.isfinite(float(value)):
            return float(value)
    return None


def points(cases: list[dict], cid: str, key: str, split: str) -> list[Point]:
    out = []
    for case in cases:
        if case.get("split") != split:
            continue
        if cid in case.get("must", ()):
            positive = True
        elif cid in case.get("must_not", ()):
            positive = False
        else:
            continue
        value = value_of(case, cid, key)
        if value is not None:
            out.append(Point(value, positive, case.get("file", "")))
    return out


def fires(value: float, limit: float, better: str) -> bool:
    return value < limit if better == "higher" else value > limit


def scores(pts: list[Point], limit: float, better: str) -> dict[str, float]:
    tp = sum(1 for p in pts if p.positive and fires(p.value, limit, better))
    fp = sum(1 for p in pts if not p.positive and fires(p.value, limit, better))
    fn = sum(1 for p in pts if p.positive and not fires(p.value, limit, better))
    tn = sum(1 for p in pts if not p.positive and not fires(p.value, limit, better))
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    specificity = tn / (tn + fp) if tn + fp else float("nan")
    balanced = (
        (recall + specificity) / 2
        if not (math.isnan(recall) or math.isnan(specificity))
        else float("nan")
    )
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": precision,
        "recall": recall,
        "balanced": balanced,
        "f1": f1,
    }


def fit(pts: list[Point], better: str, objective: str = "balanced") -> float:
    """The limit (a midpoint between neighbouring values) that maximises the objective.

    Ties go to the limit farthest from the nearest tune value (the widest gap), so the
    limit sits in the middle of the clearest separation rather than at an edge.
    """
    values = sorted({p.value for p in pts})
    if not values:
        raise ValueError("no cases with this metric")
    candidates = [values[0] - 1e-9, values[-1] + 1e-9]
    candidates += [(a + b) / 2 for a, b in itertools.pairwise(values)]
    best: tuple[float, float, float] | None = None
    for limit in candidates:
        s = scores(pts, limit, better)
        goal = s["balanced"] if objective == "balanced" else s["f1"]
        goal = -1.0 if math.isnan(goal) else goal
        gap = min(abs(limit - v) for v in values)
        key = (goal, gap, -limit)
        if best is None or key > best:
            best = key
            chosen = limit
    return chosen


def margins(pts: list[Point], limit: float, span: float, better: str) -> tuple[float, float]:
    """Share of ``span`` from the limit to the nearest positive and the nearest negative.

    Signed: positive while the case is on its right side of the limit, negative when the
    limit misjudges it (then the number says how far it is on the wrong side).
    """
    sign = 1.0 if better == "higher" else -1.0  # higher: positives lie below the limit
    pos = [sign * (limit - p.value) for p in pts if p.positive]
    neg = [sign * (p.value - limit) for p in pts if not p.positive]
    near_pos = min(pos) / span if pos and span > 0 else float("nan")
    near_neg = min(neg) / span if neg and span > 0 else float("nan")
    return near_pos, near_neg


def _f(x: float) -> str:
    return "-" if isinstance(x, float) and math.isnan(x) else f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, required=True)
    parser.add_argument("--id", dest="cid", required=True, help="check id")
    parser.add_argument("--metric", required=True, help="measured or metrics key")
    parser.add_argument(
        "--better",
        choices=("lower", "higher"),
        default="higher",
        help="which side healthy cases are on (default higher)",
    )
    parser.add_argument("--objective", choices=("balanced", "f1"), default="balanced")
    args = parser.parse_args(argv)
    cases = [json.loads(x) for x in args.dump.read_text().splitlines() if x.strip()]
    tune = points(cases, args.cid, args.metric, "tune")
    held = points(cases, args.cid, args.metric, "heldout")
    if not any(p.positive for p in tune) or all(p.positive for p in tune):
        print(
            f"fit_limits: the tune split needs positives and negatives of {args.cid} with "
            f"{args.metric}; it has {sum(p.positive for p in tune)} positives and "
            f"{sum(not p.positive for p in tune)} negatives",
            file=sys.stderr,
        )
        return 2
    limit = fit(tune, args.better, args.objective)
    everything = [p.value for p in tune + held]
    span = max(everything) - min(everything)
    t = scores(tune, limit, args.better)
    h = scores(held, limit, args.better)
    op = "<" if args.better == "higher" else ">"
    print(f"{args.cid}: fires when {args.metric} {op} {limit:.6g}  (objective {args.objective})")
    print(
        f"range of {args.metric} over tune+heldout: {min(everything):.6g} .. {max(everything):.6g}"
    )
    print(
        f"tune    n={len(tune):4d} pos={t['tp'] + t['fn']:3d}  precision {_f(t['precision'])}"
        f"  recall {_f(t['recall'])}  TP {t['tp']} FP {t['fp']} FN {t['fn']} TN {t['tn']}"
    )
    print(
        f"heldout n={len(held):4d} pos={h['tp'] + h['fn']:3d}  precision {_f(h['precision'])}"
        f"  recall {_f(h['recall'])}  TP {h['tp']} FP {h['fp']} FN {h['fn']} TN {h['tn']}"
    )
    near_pos, near_neg = margins(held, limit, span, args.better)
    print(
        f"heldout margin: nearest positive {_f(near_pos)} and nearest negative "
        f"{_f(near_neg)} of the range from the limit (negative: on the wrong side)"
    )
    wrong = [p for p in held if fires(p.value, limit, args.better) != p.positive]
    for p in sorted(wrong, key=lambda p: p.value)[:10]:
        print(
            f"  heldout {'missed' if p.positive else 'false'}: {p.file} {args.metric}={p.value:.6g}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
