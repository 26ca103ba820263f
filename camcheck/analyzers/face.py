"""face.not_found: is there a face camcheck can judge?

The face at the camera is "you" (Scene.primary_face: the largest, most central face). In a
group any clear face is enough to judge the picture, so face.not_found reads the best
detector score of all faces, not only yours. Without any candidate the score is measured as
0 (there is nothing to judge), so the table's rule fires on it; with a weak candidate its
score is also reported as ``best_face_score`` so the message can say how weak it was.

A face is a person's: the segmentation model marks people, so a real face lies on the person
mask, while what the detector mistakes for a face in a flower, a room or a bus mostly does
not. ``face_on_person`` is the share of the best face's box on the person mask; the table's
rule reads it beside the score.

What a face.not_found means for the other checks is in the table: it hides every finding
about the face (a weak detection is not a face to judge), and a frame too dark to find a
face is lighting.too_dark's case, whose advice (add light) is the fix to start with.
"""

from __future__ import annotations

from camcheck.analyzers.base import Analyzer
from camcheck.scene import Scene


class FaceAnalyzer(Analyzer):
    """Measures the best face detection score; the table decides whether one was found."""

    check_ids = ("face.not_found",)

    def measure(self, scene: Scene) -> dict[str, float]:
        measured = {"faces": float(len(scene.faces))}
        if not scene.faces:
            measured["face_score"] = 0.0
            return measured
        best = max(scene.faces, key=lambda face: face.score)
        x, y, w, h = best.box
        measured["face_score"] = best.score
        measured["best_face_score"] = best.score
        measured["face_on_person"] = (
            float(scene.person_mask[y : y + h, x : x + w].mean()) if w > 0 and h > 0 else 0.0
        )
        return measured
