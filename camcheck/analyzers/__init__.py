"""The analyzers, one file each; ANALYZERS is the order they run and report in."""

from __future__ import annotations

from camcheck.analyzers.backlight import BacklightAnalyzer
from camcheck.analyzers.base import Analyzer
from camcheck.analyzers.exposure import ExposureAnalyzer
from camcheck.analyzers.face import FaceAnalyzer

ANALYZERS: tuple[type[Analyzer], ...] = (
    FaceAnalyzer,
    ExposureAnalyzer,
    BacklightAnalyzer,
)

__all__ = ["ANALYZERS", "Analyzer"]
