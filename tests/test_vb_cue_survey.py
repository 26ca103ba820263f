"""scripts/vb_cue_survey.py's candidate cues read what they say on synthetic planes."""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import vb_cue_survey  # noqa: E402


def _noise(shape: tuple[int, int], seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.clip(128 + rng.normal(0, 3, shape), 0, 255).astype(np.uint8)


def test_grid_finds_an_8px_block_grid_at_the_files_phase() -> None:
    # given: a noisy plane, and the same with a step of 4 levels at every 8th column and row
    plain = _noise((256, 256))
    blocky = plain.astype(np.int16)
    blocky[:, 8::8] += 4
    blocky[8::8, :] += 4
    region = np.ones(plain.shape, bool)
    # then: the grid shows at phase 0 (between column 7 and 8) only where it was put
    assert vb_cue_survey.grid(plain, region)["blk_p0"] < 1.1
    assert vb_cue_survey.grid(np.clip(blocky, 0, 255).astype(np.uint8), region)["blk_p0"] > 1.2


def test_periodicity_of_a_stretched_picture_exceeds_a_plain_ones() -> None:
    # given: grain as the camera gives it, and grain stretched 1.43x as a small picture is (a
    # stretch whose period falls on a JPEG frequency, 4/3 or 8/5, is not seen: those are
    # left out)
    plain = _noise((400, 400), seed=1)
    stretched = cv2.resize(_noise((280, 280), seed=2), (400, 400), interpolation=cv2.INTER_LINEAR)
    region = np.ones(plain.shape, bool)
    # then: the stretched one has a period of its own
    assert vb_cue_survey.periodicity(stretched, region) > 2 * vb_cue_survey.periodicity(
        plain, region
    )


def test_fine_band_of_a_stretched_picture_is_lower() -> None:
    plain = _noise((300, 300), seed=3)
    stretched = cv2.resize(_noise((150, 150), seed=4), (300, 300), interpolation=cv2.INTER_LINEAR)
    region = np.ones(plain.shape, bool)
    assert vb_cue_survey.fine_band(stretched, region) < vb_cue_survey.fine_band(plain, region)


def test_zero_share_of_a_flat_plane_is_one_and_of_grain_small() -> None:
    region = np.ones((100, 100), bool)
    assert vb_cue_survey.zero_share(np.full((100, 100), 90, np.uint8), region) == 1.0
    assert vb_cue_survey.zero_share(_noise((100, 100)), region) < 0.05
