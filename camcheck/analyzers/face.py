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

A face also has a human face's shape: the landmark model (run in perception on the primary
face, the next most prominent one and every face a later detector pass added) gives its
face presence, ``face_fit``, the best over the faces it ran on. A real face fits (0.99 or
more on the corpus, also where the segmentation misses the person, as in a grey picture),
while a dog's, a squirrel's, a toy's or a clock's "face" does not (0.38 or less; a statue
0.90, a fruit 0.91), even though the segmentation takes the animal for a person. A hand
over the face or beside it, or a face cut by the frame's edge, lowers the fit of a real face
too, so a face that does not fit still counts when it lies on a person and has skin's
colour: ``face_skin`` is the share of the middle of the best face's box (half its width and
height: cheeks, nose, eyes) whose chroma lies in the skin cluster of Chai & Ngan (1999,
YCbCr: Cr 133 to 173, Cb 77 to 127), which holds every skin tone under white light. A dog's
white and brown fur, a pink toy, a clock's face mostly do not. The table's rule holds the limits.

What a face.not_found means for the other checks is in the table: it hides every finding
about the face (a weak detection is not a face to judge), and a frame too dark to find a
face is lighting.too_dark's case, whose advice (add light) is the fix to start with.
"""

from __future__ import annotations

from camcheck.analyzers.base import Analyzer
from camcheck.checks import CHECKS, FACE_FIT_MIN
from camcheck.measures import skin_share
from camcheck.scene import Face, Scene


def takes_for_face(scene: Scene, face: Face) -> bool:
    """Whether face.not_found's rule, read on this one face's own numbers, takes it for a
    face: the other checks that need "you" (intrusion's someone besides you, the virtual
    background's person at the camera) ask this of the primary face, so a clock, a cockatoo
    or a hand that the detector mistakes for a face is no one at the camera for them either."""
    numbers = {"face_score": face.score, "face_on_person": scene.box_on_person(face.box)}
    if face.presence is not None:
        numbers["face_fit"] = face.presence
        if face.presence < FACE_FIT_MIN:
            # The rule reads skin colour only for a face that does not fit; every video
            # frame with your fitting face is spared the measure.
            numbers["face_skin"] = skin_share(scene, face)
    return not CHECKS["face.not_found"].fires(numbers)


class FaceAnalyzer(Analyzer):
    """Measures the best face detection score; the table decides whether one was found."""

    check_ids = ("face.not_found",)

    def measure(self, scene: Scene) -> dict[str, float]:
        measured = {"faces": float(len(scene.faces))}
        if not scene.faces:
            measured["face_score"] = 0.0
            return measured
        best = max(scene.faces, key=lambda face: face.score)
        measured["face_score"] = best.score
        measured["best_face_score"] = best.score
        measured["face_on_person"] = scene.box_on_person(best.box)
        fits = [face.presence for face in scene.faces if face.presence is not None]
        if fits:
            # Skin colour is read beside the fit only: without the landmark model's word (a
            # scene built by hand) the rule reads the score alone.
            measured["face_fit"] = max(fits)
            measured["face_skin"] = skin_share(scene, best)
        return measured
