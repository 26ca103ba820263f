"""The analyzers, one file each; ANALYZERS is the order they run and report in."""

from __future__ import annotations

from camcheck.analyzers.backlight import BacklightAnalyzer
from camcheck.analyzers.base import Analyzer
from camcheck.analyzers.camera import CameraAnalyzer
from camcheck.analyzers.clutter import ClutterAnalyzer
from camcheck.analyzers.color_cast import ColorCastAnalyzer
from camcheck.analyzers.distracting_color import DistractingColorAnalyzer
from camcheck.analyzers.exposure import ExposureAnalyzer
from camcheck.analyzers.face import FaceAnalyzer
from camcheck.analyzers.framing import FramingAnalyzer
from camcheck.analyzers.intrusion import IntrusionAnalyzer
from camcheck.analyzers.noise import NoiseAnalyzer
from camcheck.analyzers.sharpness import SharpnessAnalyzer
from camcheck.analyzers.uniformity import UniformityAnalyzer
from camcheck.analyzers.virtual_background import VirtualBackgroundAnalyzer

ANALYZERS: tuple[type[Analyzer], ...] = (
    FaceAnalyzer,
    ExposureAnalyzer,
    BacklightAnalyzer,
    ClutterAnalyzer,
    DistractingColorAnalyzer,
    IntrusionAnalyzer,
    UniformityAnalyzer,
    ColorCastAnalyzer,
    SharpnessAnalyzer,
    NoiseAnalyzer,
    FramingAnalyzer,
    CameraAnalyzer,
    VirtualBackgroundAnalyzer,
)

__all__ = ["ANALYZERS", "Analyzer"]
