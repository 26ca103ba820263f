"""scripts/fit_vb_model.py: leave-one-generator-out scores a generator it never fitted on."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import fit_vb_model  # noqa: E402

# Each composite generator moves one cue only: "noisy" a noise ratio, "halo" a rim share.
NOISE_CUE, HALO_CUE = "vb_noise_ratio", "vb_halo_share"


def _rows(rng: np.random.Generator) -> list[dict]:
    """Real frames with every cue at its usual spread, and two generators of one cue each."""
    rows = []

    def measured(noise: float, halo: float) -> dict[str, float]:
        values = {name: 1.0 if log else 0.5 for name, log, _ in fit_vb_model.CUES}
        values[NOISE_CUE] = math.exp(noise)
        values[HALO_CUE] = halo
        values["vb_score"] = 0.5
        return values

    def row(split: str, generator: str, noise: float, halo: float) -> dict:
        return {
            "split": split,
            "vb": generator != "none",
            "real": generator == "none",
            "generator": generator,
            "measured": measured(noise, halo),
        }

    for split, count in (("tune", 300), ("heldout", 100)):
        for _ in range(count):
            rows.append(row(split, "none", rng.normal(0, 0.3), rng.normal(0.3, 0.1)))
        for _ in range(count // 5):
            rows.append(row(split, "noisy", rng.normal(2.5, 0.3), rng.normal(0.3, 0.1)))
            rows.append(row(split, "halo", rng.normal(0, 0.3), rng.normal(0.9, 0.1)))
    return rows


def test_a_generator_left_out_is_scored_by_the_other_generators_cues_only() -> None:
    rows = _rows(np.random.default_rng(7))
    # Fitted with both generators, both are found on the held-out split.
    tune = [r for r in rows if r["split"] == "tune"]
    model = fit_vb_model.fit(tune)
    limit = fit_vb_model.limit_for(tune, model)
    heldout = [r for r in rows if r["split"] == "heldout" and r["vb"]]
    assert sum(model.score(r["measured"]) > limit for r in heldout) >= 0.9 * len(heldout)
    # Left out, a generator whose cue the others never moved is not found: the fit saw none
    # of its cases (a leak of them into the fit would find them all).
    found = fit_vb_model.leave_one_generator_out(rows)
    for gen in ("noisy", "halo"):
        fired, count = found[gen]
        assert count == 80
        assert fired <= 0.2 * count, (gen, fired)
    assert "none" not in found
