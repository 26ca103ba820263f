"""face.not_found: is there a face camcheck can judge?"""

from __future__ import annotations

from collections.abc import Iterable

from camcheck.analyzers.base import Analyzer
from camcheck.checks import CHECKS, finding
from camcheck.findings import Finding
from camcheck.scene import Scene

NOT_FOUND = CHECKS["face.not_found"]


class FaceAnalyzer(Analyzer):
    """Reports when no face is detected with enough confidence."""

    check_ids = ("face.not_found",)

    def measure(self, scene: Scene) -> dict[str, float]:
        face = scene.primary_face
        return {"face_score": face.score if face else 0.0, "faces": float(len(scene.faces))}

    def judge(self, scene: Scene, measured: dict[str, float]) -> Iterable[Finding]:
        if measured["face_score"] >= NOT_FOUND.threshold:
            return
        # With a weak candidate the message says how weak; with none, it says nothing more.
        weak = {"face_score": measured["face_score"]} if scene.primary_face else {}
        yield finding("face.not_found", **weak)
