"""The bundled models are the ones scripts/fetch_models.py reproduces, byte for byte."""

from __future__ import annotations

import importlib.util

from tests.conftest import ROOT


def test_bundled_models_match_their_sha256() -> None:
    spec = importlib.util.spec_from_file_location(
        "fetch_models", ROOT / "scripts" / "fetch_models.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.check_bundled() == []
    assert (ROOT / "camcheck" / "models" / "NOTICE").read_text().count("Apache License") >= 1
