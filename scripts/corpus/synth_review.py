"""Second look at synthetic cases: ids a careful person finds debatable for a given case.

A generator labels its cases by what it did (a pasted background is a must for
virtual_background.detected). Looking at a case can show that what it did is not visible:
a clean matte over a plain gradient looks like a studio backdrop. Such an id is left out of
both label lists for that case, as real_sources.py does for real pictures. Only cases that
were looked at are listed, with why; build_corpus.py applies this on every build and on
``--relabel``.
"""

from __future__ import annotations

_VB = ("virtual_background.detected", "virtual_background.edge_artifacts")

# Corpus file -> (ids left out of both lists, why). Looked at on 2026-12-01 (third session)
# among the held-out composites the vb3 helper judged seamless; two of its five proposals
# (vb_call_v2_28: the cut-out silhouette shows; vb_call_v2_21: a stock swirl graphic) kept
# their labels.
DEBATABLE: dict[str, tuple[tuple[str, ...], str]] = {
    "synth/vb/vb_feather_v1_00_clip_300vw_001_mmpose-gh_000006_f9bfc8.jpg": (
        _VB,
        "a plain dark-blue gradient behind a clean feathered matte: reads as a studio backdrop",
    ),
    "synth/vb_call/vb_call_v2_39_person_jennifer_aniston_deepface_img12_11ec8e.jpg": (
        _VB,
        "a grey gradient behind a clean matte: a studio portrait to the eye",
    ),
    "synth/vb_call/vb_call_v2_37_person_jack_dorsey_deepface_img17_88fafc.jpg": (
        _VB,
        "a real garage photo pasted with no rim and matching light: looks like a garage",
    ),
    "synth/quality/quality_slight_blur_v1_05_person_rt_face1_retalking-gh_1_6a1930_t000.5.jpg": (
        ("image.blurry",),
        "a talking-head video frame scaled up to the still's width: soft before the slight "
        "blur, so 'not blurry' is no call a careful person makes at a glance",
    ),
}


def debatable(file: str) -> tuple[str, ...]:
    """The ids left out of both lists for ``file`` (none for a case not looked at)."""
    entry = DEBATABLE.get(file)
    return entry[0] if entry else ()
