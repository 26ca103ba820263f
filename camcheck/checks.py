"""The check table: every check's id, severity, threshold and texts, and every other user sentence.

This is the single source of what a user reads. ``camcheck checks``, the text and JSON
reports, the README table and the tests all read it. Each text exists in every language in
:data:`LANGUAGES`; a test fails when one is missing or when the placeholders of a message
differ between languages.

Numbers in messages are placeholders named after keys of ``Finding.measured``; how each key
is shown (a percentage, seconds, a ratio) is in :data:`MEASURE_FORMATS`, so a value is always
formatted the same way and with the language's decimal sign.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from camcheck.findings import Finding, Severity
from camcheck.rules import Limit, Rule, above, all_of, any_of, at_least, at_most, below

LANGUAGES: tuple[str, ...] = ("en", "nl")
DEFAULT_LANGUAGE = "en"


class Group(StrEnum):
    """The part of the advice a check serves; the text report groups findings by it."""

    LIGHT = "light"
    BACKGROUND = "background"
    DISTRACTIONS = "distractions"
    VIRTUAL_BACKGROUND = "virtual_background"
    CAMERA = "camera"


@dataclass(frozen=True)
class Text:
    """The sentences of one check in one language.

    ``extras`` are sentences added to the message only when the finding measured their key
    (e.g. edge flicker, which only a video has), so a message never shows a number that was
    not measured.
    """

    title: str
    message: str
    advice: str
    extras: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Check:
    """One row of the check table.

    Attributes:
        id: Stable id; never renamed once released.
        group: The part of the advice it serves.
        severity: Severity of a finding of this check.
        metric: The ``measured`` key the threshold applies to.
        threshold: The limit; a finding fires when the metric is on the wrong side.
        better: Which way the metric is better ("higher" or "lower").
        source: Where the threshold comes from (a standard, a paper, our fixtures).
        texts: Language code -> title, message and advice.
        persist_s: In video and live, how long the finding must hold without a break
            before it is reported; None means the session's default (about a second).
        hides: Checks (ids or prefixes such as "lighting") that mean nothing in a frame where
            this one fires, so the session drops them there.
        rule: When the check fires, on the numbers its analyzer measured (see
            :mod:`camcheck.rules`). Every limit that decides the finding is in it; without
            one, the rule is the single limit ``metric`` against ``threshold``. ``metric``
            and ``threshold`` stay the main limit shown in tables.
    """

    id: str
    group: Group
    severity: Severity
    metric: str
    threshold: float
    better: Literal["higher", "lower"]
    source: str
    texts: Mapping[str, Text]
    persist_s: float | None = None
    hides: tuple[str, ...] = ()
    rule: Rule | None = None

    def __post_init__(self) -> None:
        if self.rule is None:
            op = "<" if self.better == "higher" else ">"
            object.__setattr__(self, "rule", Limit(self.metric, op, float(self.threshold)))

    @property
    def the_rule(self) -> Rule:
        """The rule, never None (``__post_init__`` fills it in)."""
        assert self.rule is not None
        return self.rule

    def fires(self, measured: Mapping[str, float]) -> bool:
        """Whether a finding of this check fires on these numbers."""
        return self.the_rule.holds(measured)

    @property
    def rule_metrics(self) -> tuple[str, ...]:
        """The measured keys the rule reads, in order, each once."""
        return tuple(dict.fromkeys(limit.metric for limit in self.the_rule.limits()))

    @property
    def fact_keys(self) -> frozenset[str]:
        """The measured keys a finding of this check carries: what its sentences show in any
        language, and what its rule reads (so the rule can be checked on the report)."""
        keys = set(self.rule_metrics)
        for text in self.texts.values():
            keys |= placeholders(text.message) | placeholders(text.advice)
            keys |= set(text.extras)
            for sentence in text.extras.values():
                keys |= placeholders(sentence)
        return frozenset(keys)

    def hides_check(self, check_id: str) -> bool:
        return any(check_id == h or check_id.startswith(h + ".") for h in self.hides)

    def text(self, lang: str) -> Text:
        return self.texts.get(lang) or self.texts[DEFAULT_LANGUAGE]


# How each measured key is shown in a message. Keys not listed print as plain numbers.
MEASURE_FORMATS: dict[str, Literal["percent", "ratio", "seconds", "number", "integer"]] = {
    "face_luma": "percent",
    "face_highlight": "percent",
    "frame_highlight": "percent",
    "frame_linear_mean": "percent",
    "face_dark_share": "percent",
    "face_bright_share": "percent",
    "background_bright_share": "percent",
    "light_share": "percent",
    "backlight_ev": "ratio",
    "backlight_highlight_ev": "ratio",
    "light_level": "percent",
    "face_key_level": "percent",
    "face_score": "percent",
    "best_face_score": "percent",
    "face_on_person": "percent",
    "fraction": "percent",
    "seconds": "seconds",
    "first_seen_s": "seconds",
    # coach mode: how much better the light got, in stops (doublings of linear light)
    "stops": "ratio",
    # background.cluttered, background.distracting_color, background.intrusion
    "background_edge_density": "percent",
    "background_clutter": "number",
    "busiest_clutter": "number",
    "clutter_object_coverage": "percent",
    "busiest_x": "integer",
    "busiest_y": "integer",
    "busiest_w": "integer",
    "busiest_h": "integer",
    "colour_spot_peak": "integer",
    "colour_spot_contrast": "integer",
    "colour_spot_spread": "integer",
    "colour_spot_share": "percent",
    "colour_rest": "integer",
    "colour_spot_face_distance": "ratio",
    "wall_chroma": "integer",
    "colour_spot_x": "integer",
    "colour_spot_y": "integer",
    "colour_spot_w": "integer",
    "colour_spot_h": "integer",
    "intrusion_share": "percent",
    "second_face_width_ratio": "percent",
    "second_face_share": "percent",
    "second_face_score": "percent",
    "face_presence": "percent",
    "second_face_on_person": "percent",
    "moving_blob_fill": "percent",
    "moving_travel": "percent",
    "moving_straightness": "percent",
    "moving_track_s": "seconds",
    "camera_shift": "percent",
    "moving_blob_share": "percent",
    "second_body_share": "percent",
    "background_motion_share": "percent",
    # lighting.uneven, lighting.color_cast, image.blurry, image.noisy, framing.*
    "face_light_ratio": "ratio",
    "face_uniformity": "percent",
    "cast_strength": "integer",
    "cast_agreement": "percent",
    "neutral_share": "percent",
    "face_chroma": "integer",
    "face_sharpness": "number",
    "noise_sigma": "ratio",
    "head_outside_share": "percent",
    "face_offset": "percent",
    "face_size_share": "percent",
    "eye_line_share": "percent",
    # camera.*
    "frame_peak_luma": "percent",
    "frame_change_levels": "number",
    "still_s": "seconds",
    "camera_width": "integer",
    "camera_height": "integer",
    "camera_lines": "integer",
    "requested_width": "integer",
    "requested_height": "integer",
    "camera_fps": "ratio",
    "camera_delivered_fps": "ratio",
    "elapsed_s": "seconds",
    "total_s": "seconds",
    # virtual_background.*
    "vb_score": "percent",
    "vb_noise_ratio": "ratio",
    "vb_sharpness_ratio": "ratio",
    "vb_edge_step_share": "percent",
    "vb_halo_px": "integer",
    "vb_edge_flicker": "ratio",
    "vb_background_still_share": "percent",
    "vb_mask_unsure_px": "integer",
    "vb_hair_contrast": "integer",
    "vb_mask_flicker": "number",
}

# Measured keys whose number is a code for a word (a side, a colour), not a quantity:
# key -> code -> the word in each language. Messages show the word; JSON keeps the code.
MEASURE_WORDS: dict[str, dict[int, dict[str, str]]] = {
    # lighting.backlight: where the light behind is, seen by the person (unmirrored frame).
    "light_place": {
        0: {"en": "behind you", "nl": "achter je"},
        1: {"en": "to your left behind you", "nl": "links achter je"},
        -1: {"en": "to your right behind you", "nl": "rechts achter je"},
    },
    # lighting.uneven: where the light comes from, seen by the person (unmirrored frame).
    "light_side": {1: {"en": "left", "nl": "links"}, -1: {"en": "right", "nl": "rechts"}},
    # lighting.color_cast: the tint of the face (see camcheck/analyzers/color_cast.py).
    "cast_tint": {
        0: {"en": "grey and pale", "nl": "grauw en bleek"},
        1: {"en": "orange", "nl": "oranje"},
        2: {"en": "blue", "nl": "blauw"},
        3: {"en": "green", "nl": "groen"},
        4: {"en": "purple", "nl": "paars"},
    },
}


@dataclass(frozen=True)
class Level:
    """Plain words for a number on a scale a layperson does not know ("noticeably soft").

    The text report says what the number means for the picture; the number itself stays in
    JSON and under ``--verbose``. ``bands`` run from the worst: a value at or beyond a band's
    limit (in the ``worse`` direction) takes its words; a value short of every limit takes
    ``rest``.
    """

    key: str
    worse: Literal["higher", "lower"]
    bands: tuple[tuple[float, Mapping[str, str]], ...]
    rest: Mapping[str, str]

    def words(self, value: float, lang: str) -> str:
        for limit, words in self.bands:
            if (value >= limit) if self.worse == "higher" else (value <= limit):
                return words.get(lang) or words[DEFAULT_LANGUAGE]
        return self.rest.get(lang) or self.rest[DEFAULT_LANGUAGE]


# Placeholder name in a PLAIN sentence -> the level it shows. The limits split the range our
# fixtures cover beyond each check's own threshold (given in the check's source).
LEVELS: dict[str, Level] = {
    # image.blurry fires under 0.65; defocus (sigma 3 px) measures 0.23 to 0.54 and 17 px
    # motion blur 0.47, so 0.40 splits "you can barely make out features" from "soft".
    "softness": Level(
        "face_sharpness",
        "lower",
        ((0.40, {"en": "very blurry", "nl": "erg wazig"}),),
        {"en": "noticeably soft", "nl": "merkbaar onscherp"},
    ),
    # image.noisy fires over 5 levels; 3 stops of gain measure 7.1 to 8.8, 2 stops 2.5 to 3.7.
    "graininess": Level(
        "noise_sigma",
        "higher",
        ((7.0, {"en": "very grainy", "nl": "erg korrelig"}),),
        {"en": "visibly grainy", "nl": "zichtbaar korrelig"},
    ),
    # lighting.color_cast fires over 9; scripted white-balance errors give 9.7 to 25, so 15
    # splits a clear cast from a strong one. Under 9 the finding came from a grey, pale face.
    "cast_level": Level(
        "cast_strength",
        "higher",
        (
            (
                15.0,
                {
                    "en": "a strong colour cast from the light or the camera's white balance",
                    "nl": "een sterke kleurzweem door het licht of de witbalans van de camera",
                },
            ),
            (
                9.0,
                {
                    "en": "a clear colour cast from the light or the camera's white balance",
                    "nl": "een duidelijke kleurzweem door het licht of de witbalans van de camera",
                },
            ),
        ),
        {"en": "your skin shows too little colour", "nl": "je huid laat te weinig kleur zien"},
    ),
    # lighting.too_dark fires under 0.30 (or under 0.55 in a dim picture); two stops under
    # our real fixtures keep 0.20 to 0.40, so under 0.20 the face is very dark.
    "darkness": Level(
        "face_highlight",
        "lower",
        ((0.20, {"en": "very dark", "nl": "erg donker"}),),
        {"en": "too dark", "nl": "te donker"},
    ),
    # The exposure analyzer's DIM_FRAME_HIGHLIGHT (0.70): under it the whole picture is dim.
    "scene_light": Level(
        "frame_highlight",
        "lower",
        ((0.70, {"en": "the whole picture is dim", "nl": "het hele beeld is donker"}),),
        {
            "en": "the rest of the picture is bright enough",
            "nl": "de rest van het beeld is licht genoeg",
        },
    ),
    # background.cluttered fires over 0.10; busy rooms on our fixtures score 0.15 to 0.18.
    "busyness": Level(
        "background_clutter",
        "higher",
        ((0.15, {"en": "very busy", "nl": "erg druk"}),),
        {"en": "busy", "nl": "druk"},
    ),
    # background.distracting_color's peak contrast with the wall: posters on plain and
    # coloured walls peak at 30 to 73 (its source), so over 55 the spot outshines everything.
    "colour_level": Level(
        "colour_spot_peak",
        "higher",
        (
            (
                55.0,
                {
                    "en": "far more colourful than anything else in view",
                    "nl": "veel kleurrijker dan al het andere in beeld",
                },
            ),
        ),
        {
            "en": "much more colourful than the rest of your background",
            "nl": "een stuk kleurrijker dan de rest van je achtergrond",
        },
    ),
}

# What the text report says instead of a check's message when that message speaks in
# technical scales. Placeholders are LEVELS names, measured keys, or {marked} (filled by the
# report: whether a saved picture marks the spot).
PLAIN: dict[str, dict[str, str]] = {
    "image.blurry": {
        "en": "Your face looks {softness}: out of focus or smeared.",
        "nl": "Je gezicht ziet er {softness} uit: niet scherpgesteld of bewogen.",
    },
    "image.noisy": {
        "en": "Your picture is {graininess}, as happens when a camera gets too little light.",
        "nl": "Je beeld is {graininess}: dat gebeurt als een camera te weinig licht krijgt.",
    },
    "lighting.color_cast": {
        "en": "Your face looks {cast_tint} on camera: {cast_level}.",
        "nl": "Je gezicht ziet er {cast_tint} uit in beeld: {cast_level}.",
    },
    "lighting.too_dark": {
        "en": "Your face is {darkness}, and {scene_light}: others see you dim and grainy.",
        "nl": "Je gezicht is {darkness} en {scene_light}: anderen zien je flets en korrelig.",
    },
    "background.cluttered": {
        "en": "Your background is {busyness}: shelves, posters and things lying around pull "
        "attention away from you.",
        "nl": "Je achtergrond is {busyness}: kasten, posters en rondslingerende spullen trekken "
        "de aandacht van je weg.",
    },
    "background.distracting_color": {
        "en": "There is a strongly coloured spot behind you{marked}, {colour_level}. It "
        "draws the eye away from you.",
        "nl": "Er zit een felgekleurde plek achter je{marked}, {colour_level}. Die trekt de "
        "blik van je weg.",
    },
}


# virtual_background.*: limits on the analyzer's cue numbers (camcheck/analyzers/
# virtual_background.py), fitted by scripts/fit_vb_model.py on the tune split of our own
# composite set (scripts/vb_devset.py: 84 real photos of people from deepface and
# face_recognition, 7 composite generators over 17 package photos, real and blurred-room
# negatives; each photo takes the split of its person in the shared corpus, so no heldout
# person is tuned on) together with the shared corpus's tune split (2026-12-01, 418 cases).
# The logistic cue model's score limit: the lowest that keeps false alarms on the tune
# split's real photos at or under 0.5%, half the issue's 1%, as margin for unseen photos (1
# of 277; camcheck/data/vb_model.json holds the same number and a test checks they agree).
# Heldout: 1 of 109 real photos over it (0.9%), and only 19 of 161 composites (recall 0.12,
# precision 0.95). At a 1% tune target (limit 0.868) recall was 0.26 but heldout false
# alarms 1.8%. The limit has no 10% margin: the cues are weak, a finding about the measures.
VB_SCORE_LIMIT = 0.9324
# The hard paste, one strong cue on its own: the person at least VB_PASTE_NOISE_RATIO times
# as noisy as a background of at most VB_PASTE_BACKGROUND_NOISE levels, and a median one-pixel
# step share over VB_PASTE_EDGE_STEP at the outline. The fixtures' cheap composites measure
# 6.3-17.6, 0.27-0.33 and 0.73-0.92; on the tune split 1 real photo of 120 (a retouched
# portrait before a clean backdrop, fur at the outline) reaches all three.
VB_PASTE_NOISE_RATIO = 6.0
VB_PASTE_BACKGROUND_NOISE = 0.6
VB_PASTE_EDGE_STEP = 0.7
# Video: a background pixel-still (share of pixels within 1 level) while the person moves.
# Real clips stay under 0.6; a pasted picture 0.999. A still background alone is not enough
# (a staged clip or an encoder that drops noise, bg_cat_clip.mp4 1.0), so a hard edge
# (VB_VIDEO_EDGE_STEP, cheap composites 0.73-0.92, crisp real photos up to 0.67) must join.
VB_STILL_SHARE = 0.98
VB_VIDEO_EDGE_STEP = 0.65
# ... or a still score over VB_VIDEO_SCORE (more likely pasted than not). Corpus clips
# (2026-12-01): every pasted clip's background 1.00 still, real clips at most 0.92, blurred
# rooms 0.93; pasted clips' median score 0.69-0.91.
VB_VIDEO_SCORE = 0.5
# Edge flicker: the outline's apparent motion over the person's, median of 9 frames. Our
# real clips 1.06-1.10, the jittering cut-out 1.5.
VB_FLICKER_RATIO = 1.3
# A rim a person sees: the median run of colours that are neither person nor picture across
# the outline, in working-frame px. Rim, lag and blocky composites: medians 5-7; real
# photos: median 2, 90th percentile 7.6, which is why it counts only with a detection.
VB_RIM_PX = 4.0
# poor_separation (a rehearsal): the width of the outline above the chin where the person
# model is unsure (confidence 0.2-0.8), in working-frame px. Real photos of the corpus tune
# split (2026-12-01): median 3.2, 90th percentile 7.1; over VB_UNSURE_PX (the worst tenth) a
# call app's cut-out has to guess a strip wider than a rim people notice. With hair as dark
# or light as the wall (RGB distance under VB_HAIR_CONTRAST; 10th percentile of those photos
# 68) a narrower strip counts (VB_UNSURE_LOW_CONTRAST_PX). Mask flicker while still: mean
# change of confidence per frame in the outline band over VB_MASK_FLICKER (corpus clips: a
# seated person 0.013-0.015, the flickering cut-outs 0.11-0.17, far pedestrians 0.19). Not
# fitted to labels: nobody has labelled how a call app's cut-out would hold.
VB_UNSURE_PX = 8.0
VB_HAIR_CONTRAST = 50.0
VB_UNSURE_LOW_CONTRAST_PX = 5.0
VB_MASK_FLICKER = 0.05

_LIGHT = Group.LIGHT
_CAMERA = Group.CAMERA

# lighting.backlight (camcheck/analyzers/backlight.py), fitted on the development corpus's
# tune split (2026-12-01 build: 14 backlit cases, 87 must-not cases; scripts/evaluate.py
# --dump, a grid over the three limits): precision 0.92, recall 0.86 on tune (missed: a
# lampshade covering 0.10 of its side, a window at 0.21; false: deepface img31, a face
# before bright bokeh); heldout (4 backlit, 33 must-not) 1.00 and 1.00.
# Stops between the blown-out light and the face's mean in linear light, "about 2 stops"
# (issue 14): backlit tune cases reach 1.98 or more, a studio portrait before a blown-out
# white backdrop 1.88, so the limit is their midpoint, with 0.05 stop of margin: a finding
# about the measure (the mean of a well-exposed face is itself 2 to 2.5 stops under white).
BACKLIGHT_EV = 1.93
# ... the face's highlights at least this far under the light too: a face whose brightest
# parts come near the window's level is lit from the front as well (backlit tune cases
# reach 1.01 or more; the corpus has no front-lit face before a blown-out window, our
# generated set does: 0.2 to 0.9).
BACKLIGHT_HIGHLIGHT_EV = 0.8
# ... and at least this share of the background on one side (or all of it) blown out:
# windows and sky cover 0.28 to 0.74 of their side in the backlit tune cases, small blown-out
# spots behind real photos 0.12 to 0.23.
BACKLIGHT_LIGHT_SHARE = 0.25

# lighting.too_dark, on the face's highlights (95th percentile of skin luma) and the frame's
# brightest things (99.9th percentile on a quarter-size copy). Checked on the development
# corpus's tune split (2026-12-01 build: 21 too-dark cases, 96 must-not): precision and
# recall 1.00; heldout (10 too-dark, 46 must-not) precision 0.91, recall 1.00: the one
# false alarm is a deep skin tone, well lit, whose frame has nothing brighter than 0.54,
# inside the range of the tune split's underexposed cases (0.50 to 0.55): a limit of the
# measure, not of the numbers.
# Under this the face is too dark whatever the skin tone (tune: no must-not face under 0.52).
FACE_DARK = 0.30
# Under this the face is too dark when the frame's brightest things are under FRAME_DIM too:
# the tune split's underexposed cases reach face 0.53 with frame 0.55; well-exposed cases
# start at frame 0.73, so FRAME_DIM is their midpoint (0.09 of margin on either side).
FACE_DIM = 0.55
FRAME_DIM = 0.64
# A frame whose brightest things stay under this is too dark, with or without a face: the
# tune split's pictures too dark to find a face in reach 0.22 (five stops under), pictures
# without a person that are not dark start at 0.71; the midpoint.
FRAME_DARK = 0.45
# lighting.too_bright: the face's highlights near white and its mean bright. Tune split (10
# washed-out cases, 101 must-not): washed-out faces have highlights of 0.95 or more and a
# mean of 0.67 or more; well-exposed faces reach highlights of 0.92 (mean 0.71), and a deep
# skin tone with clipped glints highlights 1.00 at a mean of 0.54. Midpoints: FACE_HOT has
# 0.015 of margin, a finding about the measure (heldout: two faces over by 1.5 stops with
# highlights of 0.92 and 0.93 are missed).
FACE_HOT = 0.935
FACE_BRIGHT_MEAN = 0.60
# ... or a face whose mean alone is this bright (veiling glare lowers the highlights' contrast):
# on the later 628-case build's tune split washed-out faces have a mean of 0.81 or more,
# must-not faces 0.77 at most; the midpoint.
FACE_PALE_MEAN = 0.79

# lighting.uneven: the linear-light ratio of the face's two halves (well-lit fixtures stay
# under 1.6, the side-lit ones, 2.5 stops on one side, reach 4 or more) ...
UNEVEN_LIGHT_RATIO = 3.0
# ... and their luma histograms' overlap (ISO/IEC 29794-5 / OFIQ illumination uniformity,
# whose quality sigmoid is centred near 0.5): well-lit fixtures overlap 0.54 or more, the
# side-lit ones 0.25 or less.
UNEVEN_MAX_OVERLAP = 0.5

# lighting.color_cast (camcheck/analyzers/color_cast.py). A tint of the light: the
# near-neutral pixels' distance from grey in a*b* (good photo fixtures reach 8.7, scripted
# white-balance errors 9.7 to 25) ...
CAST_STRENGTH = 9.0
# ... read on at least this share of the pixels around the face (a room of saturated
# colours alone gives no white point) ...
MIN_NEUTRAL_SHARE = 0.08
# ... and the face's skin shifted along it by at least this share of the shift a grey of its
# lightness would get: natural faces before one plain coloured wall reach 0.50 (a brown tone
# before a beige wall, tests/test_face_quality.py), our photo fixtures 0.33; faces under a
# white-balance error 0.56 and more.
MIN_FACE_AGREEMENT = 0.55
# A grey, pale face: skin chroma C*ab under this (well-lit skin of every tone has 12 or more
# on our fixtures, the desaturated ones 5 or less) in a picture whose most colourful tenth
# reaches ACHROMATIC_FRAME_CHROMA (else it is a monochrome camera or photo).
PALE_FACE_CHROMA = 9.0
ACHROMATIC_FRAME_CHROMA = 8.0
# Colour is judged only on a face the detector is at least half sure of: a pattern it barely
# took for a face has no skin to judge, while a grey, pale face lowers the detector's
# confidence itself (face_pale_biden.jpg: 0.55, under face.not_found's 0.6).
COLOUR_FACE_SCORE = 0.5
CAST_RULE = all_of(
    above("cast_strength", CAST_STRENGTH),
    at_least("neutral_share", MIN_NEUTRAL_SHARE),
    at_least("cast_agreement", MIN_FACE_AGREEMENT),
    at_least("face_score", COLOUR_FACE_SCORE),
)
PALE_RULE = all_of(
    below("face_chroma", PALE_FACE_CHROMA),
    at_least("frame_chroma", ACHROMATIC_FRAME_CHROMA),
    at_least("face_score", COLOUR_FACE_SCORE),
)

# camera.frozen: seconds without a distinct frame (see the row's source). "About a second or
# more" (issue 14); a slow camera's longest still stretch on our clips is 0.17 s (5 new
# pictures a second), on the development corpus's real clips (and their 2x/3x re-timed
# copies) 0.27 s, so the margin is almost fourfold; a 2 s freeze reaches 1.9 s. On the
# corpus's 154 clips: every frozen case found (12 tune, 9 heldout), no false alarm.
FROZEN_STILL_S = 1.0

_TABLE: tuple[Check, ...] = (
    Check(
        id="camera.black_frames",
        group=_CAMERA,
        severity=Severity.PROBLEM,
        # A black picture says nothing about light, face, background or framing: no "face too
        # dark" for a closed lens cover.
        # A black picture hardly changes either: that is the lens, not a frozen camera.
        hides=(
            "camera.frozen",
            "face",
            "lighting",
            "image",
            "background",
            "virtual_background",
            "framing",
        ),
        metric="frame_peak_luma",
        threshold=0.10,
        better="higher",
        source="99th percentile of frame luma. A covered lens gives sensor noise around "
        "video black (16/255 = 0.06, ITU-R BT.601); 0.10 leaves room for that noise at full "
        "gain. Our darkest real fixtures (dark_obama, darkskin_dark_obama, two stops under) "
        "keep 0.49, so a dim room is never taken for a closed lens",
        texts={
            "en": Text(
                title="Camera shows black",
                message="Your camera's picture is black: even its brightest parts reach only "
                "{frame_peak_luma} brightness.",
                advice="Open the privacy shutter or slide the lens cover aside, take any tape "
                "or cap off the lens and check that nothing lies on the camera. If it stays "
                "black, close other apps that use the camera and try again.",
            ),
            "nl": Text(
                title="Camera geeft zwart beeld",
                message="Je camerabeeld is zwart: zelfs de lichtste plekken komen maar tot "
                "{frame_peak_luma} helderheid.",
                advice="Schuif het privacyklepje of de lensafdekking open, haal plakband of een "
                "kapje van de lens en kijk of er niets op de camera ligt. Blijft het zwart, "
                "sluit dan andere apps die de camera gebruiken en probeer het opnieuw.",
            ),
        },
    ),
    Check(
        id="camera.frozen",
        group=_CAMERA,
        severity=Severity.PROBLEM,
        # still_s already spans the time the picture stood still, so one frame over the
        # limit is enough: waiting the session's usual second on top would need 2 s.
        persist_s=0.0,
        metric="still_s",
        threshold=FROZEN_STILL_S,
        better="lower",
        rule=at_least("still_s", FROZEN_STILL_S),
        source="Seconds since the last distinct frame, while frames keep coming (camcheck/"
        "analyzers/camera.py: distinct is a 16 px cell whose mean changed by 4 levels, or "
        "the whole frame by 1.5 levels in a file, 0.25 from a camera; re-encoded repeats "
        "stay under 2.8 and 0.88). A camera delivering 10 new pictures a second into a 30 "
        "fps file stands still for 0.07 s, 5 a second for 0.17 s, a real 30 fps recording "
        "(short_hamilton_clip.mp4, with its repeated frames) 0.03 s, the development "
        "corpus's real clips and their 2x/3x re-timed copies at most 0.27 s; a picture "
        "frozen for 2 s reaches 1.9 s. Development corpus (154 clips, 17 real): all 21 "
        "frozen cases found (tune 12, heldout 9), no false alarm on its 61 must-not clips "
        "or any real clip",
        texts={
            "en": Text(
                title="Picture frozen",
                message="Your camera keeps sending frames, but the picture stands still: it "
                "did not change at all for at least {still_s} at a time.",
                advice="Unplug the camera and plug it back in (straight into the computer, "
                "not through a hub), close other apps that use it, and check that a virtual "
                "camera (OBS, Snap Camera) is not paused or showing a still picture.",
            ),
            "nl": Text(
                title="Beeld bevroren",
                message="Je camera blijft beelden sturen, maar het beeld staat stil: het "
                "veranderde minstens {still_s} achter elkaar helemaal niet.",
                advice="Haal de stekker van de camera eruit en doe hem er weer in (direct in "
                "de computer, niet via een hub), sluit andere apps die hem gebruiken en kijk "
                "of een virtuele camera (OBS, Snap Camera) niet op pauze staat of een foto "
                "laat zien.",
            ),
        },
    ),
    Check(
        id="face.not_found",
        group=_CAMERA,
        severity=Severity.PROBLEM,
        # A weak detection is not a face to judge: what the other checks measured on it
        # ("your face is blurry") would contradict "no face found". lighting.too_dark is
        # not hidden: when the picture is too dark to find a face, it hides this finding
        # instead, so the advice to add light leads. Nor is lighting.backlight: light behind
        # you is a reason the face is not found ("you are barely visible"), and hiding it
        # would close a loop (backlight hides too_dark, too_dark hides this).
        hides=(
            "lighting.too_bright",
            "lighting.uneven",
            "lighting.color_cast",
            "image.blurry",
            "framing",
            # "Someone else with you" needs a you.
            "background.intrusion",
        ),
        metric="face_score",
        # Fitted on the development corpus's tune split (MediaPipe short-range detector,
        # 2026-12-01): things the detector mistakes for faces score 0.514 to 0.74 and real
        # faces (turned, small, in groups) from 0.500 up, so the score alone cannot tell
        # them apart, and any limit over the detector's own floor (0.5) only adds false
        # alarms (0.52: six real faces "not found"). What does tell them apart is the
        # person mask: the best "face" of a flower, a room, a bus or fruit lies 0 to 15%
        # on it, every real face 59% or more.
        threshold=0.5,
        better="higher",
        rule=any_of(below("face_score", 0.5), below("face_on_person", 0.35)),
        source="Best detector confidence among the faces found (0 without any; in a group "
        "any clear face counts), and the share of that face's box on the person mask. On "
        "the development corpus's tune split real faces score from the detector's floor "
        "(0.5) up and lie 59% or more on the person mask; false detections in flowers, "
        "rooms, buses and fruit score 0.51 to 0.74 but lie at most 15% on it. Animals the "
        "segmentation takes for people (a puppy, a squirrel) still count as faces",
        texts={
            "en": Text(
                title="No face found",
                message="No face was found clearly in the picture.",
                extras={
                    "best_face_score": "The closest match, {best_face_score} sure, was too "
                    "faint or did not belong to a person in view.",
                },
                advice="Sit facing the camera with your whole face in view, about an arm's "
                "length away, and make sure there is light on your face.",
            ),
            "nl": Text(
                title="Geen gezicht gevonden",
                message="Er is geen duidelijk gezicht in beeld gevonden.",
                extras={
                    "best_face_score": "Wat er het meest op een gezicht leek, met "
                    "{best_face_score} zekerheid, was te vaag of hoorde niet bij een persoon in "
                    "beeld.",
                },
                advice="Ga recht voor de camera zitten, met je hele gezicht in beeld, ongeveer "
                "een armlengte ervandaan, en zorg dat er licht op je gezicht valt.",
            ),
        },
    ),
    Check(
        id="lighting.backlight",
        group=_LIGHT,
        severity=Severity.PROBLEM,
        # The face is dark because the camera exposes for the light behind it: the fix is
        # the backlight's (turn, close the curtain), not "add light" on its own.
        hides=("lighting.too_dark",),
        metric="backlight_ev",
        threshold=BACKLIGHT_EV,
        better="lower",
        rule=all_of(
            at_least("backlight_ev", BACKLIGHT_EV),
            at_least("backlight_highlight_ev", BACKLIGHT_HIGHLIGHT_EV),
            at_least("light_share", BACKLIGHT_LIGHT_SHARE),
        ),
        source="Stops (EV) between the blown-out background (luma >= 247/255) and the "
        "face's skin, in linear light: its mean (backlight_ev) and its highlights (95th "
        "percentile, backlight_highlight_ev), counted when the blown-out part covers at "
        "least BACKLIGHT_LIGHT_SHARE of the background on the person's left, right or both "
        "sides (a window, lamp or sky; a lit white wall never clips). Fitted on the "
        "development corpus's tune split (14 backlit cases): precision 0.92, recall 0.86; "
        "heldout (4 backlit cases) 1.00 and 1.00; margin on BACKLIGHT_EV 0.05 stop",
        texts={
            "en": Text(
                title="Backlight",
                message="There is a bright window or lamp {light_place}: your face is "
                "{backlight_ev} stops darker than it, and {light_share} of the background "
                "there is blown out to white. The camera exposes for that light, so you "
                "look dark.",
                advice="Turn your desk so the window is in front of you or beside you, not "
                "behind you, or close the curtain or blinds behind you; then put a lamp "
                "behind your screen, aimed at your face. No camera setting fully fixes "
                "backlight, but Zoom's 'Adjust for low light' (Settings > Video) and "
                "'Adjust brightness' in Teams' video settings lift your face a little.",
            ),
            "nl": Text(
                title="Tegenlicht",
                message="Er is een fel raam of een felle lamp {light_place}: je gezicht is "
                "{backlight_ev} stops donkerder dan dat licht, en {light_share} van de "
                "achtergrond daar is wit uitgebeten. De camera stelt de belichting op dat "
                "licht af, dus jij komt donker in beeld.",
                advice="Draai je bureau zodat het raam voor of naast je is, niet achter je, "
                "of doe het gordijn of de lamellen achter je dicht; zet dan een lamp achter "
                "je scherm, gericht op je gezicht. Geen camera-instelling lost tegenlicht "
                "helemaal op, maar 'Aanpassen voor weinig licht' in Zoom (Instellingen > "
                "Video) en 'Helderheid aanpassen' in de video-instellingen van Teams maken "
                "je gezicht wat lichter.",
            ),
        },
    ),
    Check(
        id="lighting.too_dark",
        group=_LIGHT,
        severity=Severity.WARNING,
        metric="face_highlight",
        threshold=FACE_DARK,
        better="higher",
        # Dark on its own; or dim while nothing in the whole frame is bright either; or, with
        # or without a face, a frame whose brightest things are dim (see
        # camcheck/analyzers/exposure.py for why highlights, not the mean).
        rule=any_of(
            below("face_highlight", FACE_DARK),
            all_of(below("face_highlight", FACE_DIM), below("frame_highlight", FRAME_DIM)),
            below("frame_highlight", FRAME_DARK),
        ),
        # A picture too dark to find a face in is first of all too dark: "no face found, sit
        # facing the camera" would send the user the wrong way.
        hides=("lighting.too_bright", "face.not_found"),
        source="95th percentile of face luma (skin), and the 99.9th percentile of the frame's "
        "luma on a quarter-size copy (frame_highlight). Under FACE_DARK the face is too dark "
        "whatever the skin tone; under FACE_DIM it is when the frame is dim too; a frame "
        "under FRAME_DARK is too dark with or without a face. Mean luma is not used: it "
        "reads dark skin as underexposure. Fitted on the development corpus's tune split "
        "(21 cases): precision and recall 1.00; heldout (10 cases) precision 0.91, recall "
        "1.00",
        texts={
            "en": Text(
                title="Face too dark",
                message="Your picture is too dark: even its brightest things reach only "
                "{frame_highlight} brightness.",
                extras={
                    "face_highlight": "On your face the brightest parts reach only "
                    "{face_highlight} (average {face_luma}).",
                },
                advice="Put a lamp behind your screen, aimed at your face, or sit facing a "
                "window; a ceiling light alone lights the top of your head, not your face. "
                "The call app can lift the picture a little: in Zoom switch on 'Adjust for "
                "low light' (Settings > Video), in Teams 'Adjust brightness' in the video "
                "settings.",
            ),
            "nl": Text(
                title="Gezicht te donker",
                message="Je beeld is te donker: zelfs het lichtste in beeld haalt maar "
                "{frame_highlight} helderheid.",
                extras={
                    "face_highlight": "Op je gezicht halen de lichtste delen maar "
                    "{face_highlight} (gemiddeld {face_luma}).",
                },
                advice="Zet een lamp achter je scherm, gericht op je gezicht, of ga met je "
                "gezicht naar een raam zitten; een plafondlamp alleen verlicht je kruin, niet "
                "je gezicht. De videobelapp kan het beeld wat ophalen: zet in Zoom "
                "'Aanpassen voor weinig licht' aan (Instellingen > Video), in Teams "
                "'Helderheid aanpassen' in de video-instellingen.",
            ),
        },
    ),
    Check(
        id="lighting.too_bright",
        group=_LIGHT,
        severity=Severity.WARNING,
        metric="face_highlight",
        threshold=FACE_HOT,
        better="lower",
        rule=all_of(at_least("face_highlight", FACE_HOT), at_least("face_luma", FACE_BRIGHT_MEAN)),
        source="95th percentile of the face's skin luma near white and its mean bright, or "
        "its mean over FACE_PALE_MEAN. "
        "Fitted on the development corpus's tune split (10 washed-out cases): precision "
        "and recall 1.00; heldout (8 cases) precision 1.00, recall 0.75. The message shows "
        "the share of skin at luma >= 247/255, the over-exposure range of ISO/IEC 29794-5 "
        "(OFIQ)",
        texts={
            "en": Text(
                title="Face washed out",
                message="Your face is washed out: {face_bright_share} of it is blown out to "
                "pure white (average brightness {face_luma}). You look pale.",
                advice="There is too much light on your face, or the camera lets in too "
                "much: move a bright lamp further away or turn it to a wall so its light "
                "bounces, close a sunny curtain halfway, and lower the brightness or "
                "exposure in your camera's settings. In Teams switch off 'Adjust brightness', "
                "in Zoom 'Adjust for low light': they brighten a picture that is already "
                "bright.",
            ),
            "nl": Text(
                title="Gezicht overbelicht",
                message="Je gezicht is overbelicht: {face_bright_share} ervan is helemaal wit "
                "(gemiddelde helderheid {face_luma}). Je ziet er bleek uit.",
                advice="Er valt te veel licht op je gezicht, of de camera laat te veel licht "
                "binnen: zet een felle lamp verder weg of draai hem naar de muur zodat het "
                "licht weerkaatst, doe een zonnig gordijn half dicht en zet de helderheid of "
                "belichting lager in de instellingen van je camera. Zet in Teams "
                "'Helderheid aanpassen' uit, in Zoom 'Aanpassen voor weinig licht': die "
                "maken een beeld dat al licht is nog lichter.",
            ),
        },
    ),
    Check(
        id="lighting.uneven",
        group=_LIGHT,
        severity=Severity.WARNING,
        metric="face_light_ratio",
        threshold=UNEVEN_LIGHT_RATIO,
        better="lower",
        rule=all_of(
            above("face_light_ratio", UNEVEN_LIGHT_RATIO),
            below("face_uniformity", UNEVEN_MAX_OVERLAP),
        ),
        source="Linear-light ratio of the medians of the face's two halves (split on the "
        "eyes-to-mouth line), counted only when their luma histograms also overlap less "
        "than 0.5 (ISO/IEC 29794-5 / OFIQ illumination uniformity). Well-lit fixtures stay "
        "under 1.6; the side-lit ones (2.5 stops on one side) reach 4 or more",
        texts={
            "en": Text(
                title="Uneven light on your face",
                message="One side of your face is much darker than the other: the light "
                "comes from your {light_side}, and that side gets {face_light_ratio} times "
                "as much light (the two halves match for {face_uniformity}).",
                advice="Light both sides of your face: turn so the window or lamp is in front "
                "of you, behind your screen, or put a second lamp, or a white wall or sheet "
                "that bounces the light back, on your darker side. Zoom's 'Adjust for low "
                "light' or the brightness setting in Teams lifts the shadow side a little, but "
                "only light from the front evens it out.",
            ),
            "nl": Text(
                title="Ongelijk licht op je gezicht",
                message="De ene kant van je gezicht is veel donkerder dan de andere: het licht "
                "komt van {light_side} (vanuit jou gezien) en die kant krijgt "
                "{face_light_ratio} keer zoveel licht (de twee helften komen voor "
                "{face_uniformity} overeen).",
                advice="Zorg dat beide kanten van je gezicht licht krijgen: draai je zo dat het "
                "raam of de lamp vóór je is, achter je scherm, of zet aan je donkere kant een "
                "tweede lamp neer, of een witte muur of wit laken dat het licht terugkaatst. "
                "'Aanpassen voor weinig licht' in Zoom of de helderheid in Teams maakt de "
                "schaduwkant wat lichter, maar alleen licht van voren maakt het gelijk.",
            ),
        },
    ),
    Check(
        id="lighting.color_cast",
        group=_LIGHT,
        severity=Severity.WARNING,
        metric="cast_strength",
        threshold=CAST_STRENGTH,
        better="lower",
        rule=any_of(CAST_RULE, PALE_RULE),
        source="Distance in CIELAB a*b* of the picture's near-neutral pixels (walls, "
        "shirts, paper; a mean shift from the brightest pixels' colour) from grey, counted "
        "only when they are at least MIN_NEUTRAL_SHARE of the picture and the face's skin "
        "is tinted the same way by at least MIN_FACE_AGREEMENT of the expected shift "
        "(cast_agreement). Good photo fixtures reach up to 8.7 with their faces not "
        "agreeing; scripted white-balance errors 9.7 to 25. Also a face whose skin has "
        "chroma C*ab under PALE_FACE_CHROMA in a colour picture (grey, pale; well-lit skin "
        "of every tone has 12 or more on our fixtures). Only for a face the detector is at "
        "least COLOUR_FACE_SCORE sure of. Our fixtures, not yet the development corpus "
        "(it has no colour-cast cases)",
        texts={
            "en": Text(
                title="Unnatural colour",
                message="Your face looks {cast_tint} on camera. The greys and whites in the "
                "picture are off by {cast_strength} (CIELAB), and the colour strength of your "
                "skin is {face_chroma}.",
                advice="Light your face with white daylight or a daylight lamp and do not mix "
                "it with warm bulbs or the blue glow of a screen: turn a coloured lamp away "
                "from your face and set the camera's white balance to automatic. A grey, pale "
                "face needs more and warmer light on it from the front. In the call app, "
                "switch off video filters; Zoom's 'Touch up my appearance' and 'Adjust for "
                "low light' can soften it.",
            ),
            "nl": Text(
                title="Onnatuurlijke kleur",
                message="Je gezicht ziet er {cast_tint} uit in beeld. Grijs en wit in beeld "
                "wijken {cast_strength} af van neutraal (CIELAB) en de kleurverzadiging van je "
                "huid is {face_chroma}.",
                advice="Verlicht je gezicht met wit daglicht of een daglichtlamp en meng dat "
                "niet met warme lampen of het blauwe licht van een scherm: draai een gekleurde "
                "lamp van je gezicht weg en zet de witbalans van je camera op automatisch. Een "
                "grauw, bleek gezicht heeft meer en warmer licht van voren nodig. Zet in je "
                "videobelapp filters uit; 'Mijn uiterlijk bijwerken' en 'Aanpassen voor "
                "weinig licht' in Zoom kunnen het verzachten.",
            ),
        },
    ),
    Check(
        id="image.noisy",
        group=_CAMERA,
        severity=Severity.WARNING,
        metric="noise_sigma",
        threshold=5.0,
        better="lower",
        source="Immerkær (1996) noise sigma on 8-bit luma over the frame's flat parts (Sobel "
        "|gx| + |gy| under 32). Real photos on our fixtures measure 0.4 to 1.4, 2 stops "
        "under with gain noise 2.5 to 3.7, 3 stops of gain 7.1 to 8.8",
        texts={
            "en": Text(
                title="Grainy picture",
                message="Your picture is grainy: the noise on smooth areas measures "
                "{noise_sigma} grey levels (of 255).",
                advice="Add light: a lamp behind your screen aimed at your face, or sit facing "
                "a window. In dim light the camera amplifies its signal, and the grain with "
                "it. 'Adjust for low light' in Zoom or Teams and denoise filters hide some "
                "grain but smear your face; more light is the real fix.",
            ),
            "nl": Text(
                title="Korrelig beeld",
                message="Je beeld is korrelig: de ruis op egale vlakken is {noise_sigma} "
                "grijswaarden (op een schaal van 255).",
                advice="Zorg voor meer licht: een lamp achter je scherm, gericht op je "
                "gezicht, of ga met je gezicht naar een raam toe zitten. Bij weinig licht "
                "versterkt de camera het signaal, en daarmee ook de korrel. 'Aanpassen voor "
                "weinig licht' in Zoom of Teams en ruisfilters verbergen wat korrel, maar "
                "smeren je gezicht uit; meer licht is de echte oplossing.",
            ),
        },
    ),
    Check(
        id="image.blurry",
        group=_CAMERA,
        severity=Severity.WARNING,
        metric="face_sharpness",
        threshold=0.65,
        better="higher",
        source="Spread of the Laplacian over the spread of luma on the face box resampled "
        "to 96 px wide (variance of the Laplacian, Pech-Pacheco et al. 2000, made "
        "independent of face size and contrast). Real photos on our fixtures measure 0.75 "
        "to 2.8 (the softest: biden.jpg pasted on a virtual background); defocus (sigma "
        "3 px) 0.23 to 0.54, 17 px motion blur 0.47",
        texts={
            "en": Text(
                title="Blurry picture",
                message="Your face is out of focus or smeared: its sharpness measures "
                "{face_sharpness}.",
                advice="Wipe the camera lens (a fingerprint blurs everything), sit at least "
                "an arm's length away, since many webcams cannot focus closer, and check that "
                "autofocus is on in the camera's settings. Sit still; more light also helps, "
                "as the camera then exposes shorter and movement smears less. Switch off "
                "beauty or soft-focus filters in the call app: they blur on purpose.",
            ),
            "nl": Text(
                title="Wazig beeld",
                message="Je gezicht is onscherp of bewogen: de scherpte meet {face_sharpness}.",
                advice="Veeg de lens van je camera schoon (een vingerafdruk maakt alles "
                "wazig), ga minstens een armlengte ervandaan zitten, want veel webcams kunnen "
                "niet dichterbij scherpstellen, en kijk of autofocus aanstaat in de "
                "camera-instellingen. Zit stil; meer licht helpt ook, want dan belicht de "
                "camera korter en vervaagt beweging minder. Zet schoonheids- en "
                "soft-focusfilters in je videobelapp uit: die maken je met opzet wazig.",
            ),
        },
    ),
    Check(
        id="camera.low_resolution",
        group=_CAMERA,
        severity=Severity.WARNING,
        metric="camera_lines",
        threshold=720,
        better="higher",
        source="Lines (short side) the camera delivers when asked for 1280x720. 720p is "
        "what Zoom's 'HD' and Teams send in a normal call; below it the other side sees a "
        "blurry, upscaled picture. Only judged for cameras, never for files or stills",
        texts={
            "en": Text(
                title="Low camera resolution",
                message="Your camera delivers only {camera_width}x{camera_height} pixels, "
                "although camcheck asked for {requested_width}x{requested_height}: you will "
                "look blurry.",
                advice="Plug the camera straight into the computer (a USB 3 port if it has "
                "one), close other apps that use it, and choose HD in your call app (Zoom: "
                "Settings > Video > HD). If it still stays low, the camera cannot do better: "
                "a 720p or 1080p webcam, or your phone as a webcam, looks much sharper.",
            ),
            "nl": Text(
                title="Lage cameraresolutie",
                message="Je camera levert maar {camera_width}x{camera_height} pixels, terwijl "
                "camcheck om {requested_width}x{requested_height} vroeg: je komt wazig over.",
                advice="Sluit de camera direct op de computer aan (op een USB 3-poort als die "
                "er is), stop andere apps die hem gebruiken en kies HD in je videobelapp "
                "(Zoom: Instellingen > Video > HD). Blijft het laag, dan kan de camera niet "
                "beter: een 720p- of 1080p-webcam, of je telefoon als webcam, is veel "
                "scherper.",
            ),
        },
    ),
    Check(
        id="camera.low_fps",
        group=_CAMERA,
        severity=Severity.WARNING,
        metric="camera_fps",
        threshold=20.0,
        better="higher",
        source="New pictures per second the camera delivers, over the last second: its "
        "frame arrivals (so a slow computer does not lower it) times the share of analysed "
        "frames that are distinct (as camera.frozen counts them), so a driver that repeats "
        "each picture does not hide a slow camera. Calls send 30; under about 20 lips and "
        "hands visibly stutter. Webcams drop to 15 fps or less in dim light (longer "
        "exposure). Only judged for cameras, never for files: a file's repeated frames "
        "are the recording's business",
        texts={
            "en": Text(
                title="Jerky video",
                message="Your camera delivers only {camera_fps} new pictures per second; calls "
                "send 30, and under about 20 your movements look jerky.",
                advice="Add light on your face: in a dim room a webcam exposes longer and "
                "drops its frame rate. Also close other apps that use the camera, and plug it "
                "straight into the computer, not through a hub.",
            ),
            "nl": Text(
                title="Schokkerig beeld",
                message="Je camera levert maar {camera_fps} nieuwe beelden per seconde; "
                "videobelapps sturen er 30, en onder ongeveer 20 zien je bewegingen er "
                "schokkerig uit.",
                advice="Zet meer licht op je gezicht: in een donkere kamer belicht een webcam "
                "langer en levert hij minder beelden per seconde. Stop ook andere apps die "
                "de camera gebruiken, en sluit hem direct op de computer aan, niet via een "
                "hub.",
            ),
        },
    ),
    Check(
        id="background.cluttered",
        group=Group.BACKGROUND,
        severity=Severity.WARNING,
        metric="background_clutter",
        # Fitted on the development scenes of scripts/make_people_scenes.py and the
        # fixtures (the corpus was not built yet): garages 0.15 to 0.19, walls covered in
        # photos 0.068 to 0.136, shelves of books 0.012 to 0.112; the official portraits'
        # flags and drapes 0.035 to 0.054, plain walls, bokeh and blurred rooms under 0.045.
        threshold=0.10,
        better="lower",
        rule=any_of(
            above("background_clutter", 0.10),
            # Many things spread over the wall: a moderate edge measure with corners in a
            # fifth or more of the wall's cells (walls of photos 0.21 to 0.45; one poster
            # on a wall 0.13 to 0.22, the flags of the official portraits 0.21 to 0.37 but
            # with parallel folds and stripes, so their edge measure stays at 0.054 or less).
            all_of(above("background_clutter", 0.06), above("clutter_object_coverage", 0.20)),
        ),
        source="Background edge density (Canny, fixed thresholds on 8-bit luma, so blur "
        "and noise do not count) weighted per window by the variety of edge orientations, "
        "the orientation part of feature congestion (Rosenholtz, Li & Nakano 2007: edge "
        "density alone correlates r = .83 with rated clutter); and the share of the "
        "background's 40 px cells that hold two or more Shi-Tomasi corners (things, not "
        "folds). Garages score 0.15 to 0.19; walls covered in photos 0.068 to 0.136 with "
        "corners in 21 to 45% of the cells; the official portraits' flags and drapes 0.035 "
        "to 0.054; plain walls, bokeh and blurred rooms under 0.045 (development scenes, "
        "scripts/make_people_scenes.py)",
        texts={
            "en": Text(
                title="Busy background",
                message="Your background is busy: {background_edge_density} of it lies on an "
                "edge or outline, running every which way (clutter {background_clutter}; a "
                "plain wall scores 0). Shelves, posters and things lying around pull "
                "attention away from you.",
                advice="Sit in front of a plain wall, or tidy what is in view behind you, "
                "starting with the busiest part. Turning the camera a little so a calm part "
                "of the room is behind you also helps. In Zoom or Teams you can blur your "
                "background.",
            ),
            "nl": Text(
                title="Drukke achtergrond",
                message="Je achtergrond is druk: {background_edge_density} ervan bestaat uit "
                "randen en lijnen die alle kanten op lopen (drukte {background_clutter}; een "
                "lege muur scoort 0). Kasten, posters en rondslingerende spullen halen de "
                "aandacht bij je weg.",
                advice="Ga voor een lege muur zitten, of ruim op wat achter je in beeld is, "
                "te beginnen met het drukste deel. Het helpt ook om je camera een beetje te "
                "draaien, zodat er een rustig stuk kamer achter je is. In Zoom of Teams kun je "
                "je achtergrond vervagen.",
            ),
        },
    ),
    Check(
        id="background.distracting_color",
        group=Group.DISTRACTIONS,
        severity=Severity.WARNING,
        metric="colour_spot_peak",
        # Fitted on the development corpus's tune split (its one colourful-poster case,
        # mediapipe-gh_026fd791: posters beside the head, peak 29.9) and the development
        # scenes of scripts/make_people_scenes.py (posters 36.6 or more; warm bokeh 24.5 at
        # most; plain and saturated walls, dark clamps and shadows find no object): 27
        # sits between the bokeh and the poster, 2.5 from each.
        threshold=27.0,
        better="lower",
        rule=all_of(
            any_of(
                # A saturated object, even of one colour (a red cushion, a yellow sign).
                above("colour_spot_peak", 45.0),
                # A less saturated one counts when it holds several colours, as a poster or
                # a painting does. A ginger cat or a wooden cabinet is one brown (spread
                # 6 to 9.3 in the cat clip, peak 35); posters spread 16 to 34.
                all_of(above("colour_spot_peak", 27.0), above("colour_spot_spread", 12.0)),
            ),
            # A small framed portrait (0.8% of the picture) does not pull the eye away from
            # you; the smallest poster in view that must count covers 2%.
            above("colour_spot_share", 0.012),
            # A room full of colour (drapes and flags: 11 to 31) has no single spot; the
            # rest of a wall with one poster stays under 5.2.
            below("colour_rest", 8.0),
        ),
        source="The most salient colourful object of the background (connected pixels "
        "whose CIELAB a*b* differ from the wall's median colour by 12 or more, not counting "
        "the wall's own hue in shadow): the 90th percentile of its contrast with the wall "
        "(peak), the spread of its colours, its share of the picture, and the 90th "
        "percentile of the contrast of the rest of the background. Posters on plain and "
        "coloured walls peak at 29.9 to 73 and spread 16 to 34, with the rest under 5.2; a "
        "ginger cat peaks at 35 with a spread under 9.3; warm bokeh peaks at 24.5 at most; "
        "the drapes and flags of the official portraits leave a rest of 11 to 31; plain and "
        "saturated walls, dark clamps and shadows give no object (development scenes, "
        "scripts/make_people_scenes.py)",
        texts={
            "en": Text(
                title="Eye-catching colour behind you",
                message="There is a colourful object behind you, covering "
                "{colour_spot_share} of the picture: its colours stand out from your wall "
                "by {colour_spot_peak} (10 is a clearly different colour), while the rest of "
                "your background stays within {colour_rest}. It draws the eye away from you.",
                advice="Take down or move the bright poster or painting, or put the colourful "
                "thing out of view: a plain, neutral background works best. A wall in one "
                "even colour is fine; it is the colourful spot on it that draws the eye. In "
                "Zoom or Teams you can also blur your background.",
            ),
            "nl": Text(
                title="Opvallende kleur achter je",
                message="Er is een kleurrijk ding achter je, dat {colour_spot_share} van "
                "het beeld inneemt: de kleuren ervan wijken {colour_spot_peak} af van je muur "
                "(10 is al een duidelijk andere kleur), terwijl de rest van je achtergrond "
                "binnen {colour_rest} blijft. Het trekt de blik van je weg.",
                advice="Haal de felle poster of het schilderij weg of hang het ergens anders "
                "op, of zet het kleurrijke ding uit beeld: een effen, neutrale achtergrond "
                "werkt het best. Een muur in één egale kleur is prima; het is de kleurrijke "
                "plek erop die de blik trekt. In Zoom of Teams kun je ook je achtergrond "
                "vervagen.",
            ),
        },
    ),
    Check(
        id="background.intrusion",
        group=Group.DISTRACTIONS,
        severity=Severity.WARNING,
        # A child or cat crossing behind you is seen in pieces (hidden by you for a moment);
        # on the cat clip the visible runs are 1.1 to 1.3 s. 0.4 s is still twelve frames
        # of a moving blob at 30 fps, which noise and exposure changes never make.
        persist_s=0.4,
        metric="second_face_width_ratio",
        threshold=0.35,
        better="lower",
        rule=all_of(
            # You are there: a face in at least 80% of the last second's frames (every
            # still with a face). A clip of a room where the detector sees a face for a
            # few frames (python3-imageio's cockatoo clip, tune split) has no "you".
            at_least("face_presence", 0.8),
            any_of(
                # A second face at least 35% as wide as yours (a person beside or behind you up
                # to about three times your distance), detected with confidence (second people
                # in our composites 0.72 to 0.97), and on the person mask: a logo the detector
                # took for a face (0.717 on the White House seal behind obama1.jpg) is not.
                all_of(
                    above("second_face_width_ratio", 0.35),
                    at_least("second_face_score", 0.7),
                    at_least("second_face_on_person", 0.5),
                ),
                # A separate piece of the person mask of 2% of the picture or more. Stray pieces
                # the segmentation leaves apart from you are at most 1.59% on our fixtures
                # (face_sidelit_astronaut.jpg; 1.43% in bg_exposure_drift_clip.mp4); an adult
                # 2.5 m behind you takes 5 to 8% of a 70-degree webcam's picture, a child of
                # 1.1 m 2.4% at 2.5 m; the walker of bg_walker_clip.mp4 3.7 to 7.1%.
                at_least("second_body_share", 0.02),
                # Something travelling through the background: a blob of 0.3% of the picture
                # or more (a small cat walking past moves 0.3 to 0.5% per 0.1 s), compact (a
                # fifth of its box; compression noise is scattered specks), whose centre went
                # at least 5% of the frame's width within the last second, on a straight
                # course. bg_cat_clip.mp4's cat travels 6 to 23% at a straightness of 0.63 to
                # 0.92; fluttering leaves (tests/test_background.py) at most 4.9%, their centre
                # jittering at a straightness of 0.15 or less.
                all_of(
                    at_least("moving_blob_share", 0.003),
                    at_least("moving_blob_fill", 0.2),
                    at_least("moving_travel", 0.05),
                    at_least("moving_straightness", 0.4),
                ),
            ),
        ),
        source="Judged only when your face was found. A second face at least 0.35 of your "
        "face's width, scored >= 0.7 and on the person mask (a portrait on the wall is far "
        "narrower, a logo mistaken for a face is not on the mask); a separate piece of the "
        "person mask of at least 2% of the picture (stray pieces of the segmentation stay "
        "under 1.6% on our fixtures, an adult 2.5 m behind you takes 5 to 8%); in video a "
        "compact moving blob of at least 0.3% of the picture, after the camera's own motion "
        "and exposure changes are taken out, whose centre travelled 5% of the frame's width "
        "or more within a second on a straight course (straightness >= 0.4): the cat of "
        "bg_cat_clip.mp4 travels 6 to 23% at 0.63 to 0.92, leaves fluttering in place at "
        "most 4.9% at 0.15, and compression noise goes nowhere",
        texts={
            "en": Text(
                title="Someone or something else in the picture",
                message="Someone or something else is in the picture with you, taking up "
                "{intrusion_share} of it. A person or pet behind you steals the attention.",
                advice="Make sure nobody walks behind you during the call: close the door, "
                "tell your housemates you are in a call and keep pets out of the room. If "
                "someone joins you on purpose, that is fine. In Zoom or Teams, background "
                "blur makes movement behind you less visible.",
            ),
            "nl": Text(
                title="Iemand of iets anders in beeld",
                message="Er is iemand of iets anders met je in beeld, op {intrusion_share} van "
                "het beeld. Een persoon of huisdier achter je trekt alle aandacht.",
                advice="Zorg dat er tijdens het gesprek niemand achter je langsloopt: doe de "
                "deur dicht, zeg tegen je huisgenoten dat je in gesprek bent en houd "
                "huisdieren buiten de kamer. Zit er bewust iemand naast je, dan is dat prima. "
                "In Zoom of Teams maakt achtergrondvervaging beweging achter je minder "
                "zichtbaar.",
            ),
        },
    ),
    Check(
        id="virtual_background.detected",
        group=Group.VIRTUAL_BACKGROUND,
        severity=Severity.INFO,
        # Behind a virtual background the "room" is a picture: its clutter and colour are this
        # finding's concern ("it distracts"), not a wall to tidy or a poster to take down.
        # And a rehearsal for a virtual background is moot once one is in use.
        hides=(
            "background.cluttered",
            "background.distracting_color",
            "virtual_background.poor_separation",
        ),
        metric="vb_score",
        threshold=VB_SCORE_LIMIT,
        better="lower",
        rule=any_of(
            above("vb_score", VB_SCORE_LIMIT),
            all_of(
                at_least("vb_noise_ratio", VB_PASTE_NOISE_RATIO),
                at_most("vb_background_noise", VB_PASTE_BACKGROUND_NOISE),
                above("vb_edge_step_share", VB_PASTE_EDGE_STEP),
            ),
            all_of(
                at_least("vb_background_still_share", VB_STILL_SHARE),
                any_of(
                    above("vb_edge_step_share", VB_VIDEO_EDGE_STEP),
                    above("vb_score", VB_VIDEO_SCORE),
                ),
            ),
            all_of(
                at_least("vb_edge_flicker", VB_FLICKER_RATIO),
                above("vb_edge_step_share", VB_VIDEO_EDGE_STEP),
            ),
        ),
        source="vb_score: a logistic model (camcheck/data/vb_model.json) over cues of a pasted "
        "picture: the background's edge sharpness over the person's, and the share of the "
        "outline of head and of shoulders showing a run of colours that are no mixture of "
        "person and background (a rim). The noise ratio, one-pixel edge step, second outline "
        "and edge jitter are inputs too; the fit gives weight 0 to a cue whose sign "
        "contradicts what a pasted picture is. Limit fitted on the tune split of our "
        "composite set (split by the corpus's person groups) for <= 1% false alarms on real "
        "photos. Or the hard paste (noise ratio >= 6, background noise <= 0.6, edge step > "
        "0.7); or in video a pixel-still background (>= 0.98) with a hard edge (> 0.65) or a "
        "score over 0.5, or edge flicker (>= 1.3) with a hard edge",
        texts={
            "en": Text(
                title="Virtual background",
                message="You seem to be using a virtual background: the picture behind you "
                "does not look like the same camera's view of a room (score {vb_score}).",
                extras={
                    "vb_noise_ratio": "You show {vb_noise_ratio} times the camera noise of "
                    "your background (a real room is about as noisy as you).",
                    "vb_edge_step_share": "{vb_edge_step_share} of the change at your outline "
                    "happens in one pixel (a camera spreads it over two or three).",
                    "vb_background_still_share": "{vb_background_still_share} of the "
                    "background stays pixel-still while you move (a camera's noise changes "
                    "nearly every pixel).",
                },
                advice="A virtual background distracts and can cut off hair and ears. A tidy "
                "real wall behind you looks more natural; if you need to hide the room, the "
                "background blur of Zoom or Teams is less noticeable than a picture.",
            ),
            "nl": Text(
                title="Virtuele achtergrond",
                message="Je lijkt een virtuele achtergrond te gebruiken: het beeld achter je "
                "lijkt niet op wat dezelfde camera van een kamer ziet (score {vb_score}).",
                extras={
                    "vb_noise_ratio": "Jij hebt {vb_noise_ratio} keer zoveel cameraruis als je "
                    "achtergrond (een echte kamer ruist ongeveer even sterk als jij).",
                    "vb_edge_step_share": "{vb_edge_step_share} van de overgang bij je omtrek "
                    "zit in één pixel (een camera spreidt die over twee of drie).",
                    "vb_background_still_share": "{vb_background_still_share} van de "
                    "achtergrond blijft tot op de pixel stil terwijl jij beweegt (de ruis van "
                    "een camera verandert bijna elke pixel).",
                },
                advice="Een virtuele achtergrond leidt af en kan haar en oren wegknippen. Een "
                "opgeruimde echte muur achter je ziet er natuurlijker uit; moet je de kamer "
                "verbergen, dan valt de achtergrondvervaging van Zoom of Teams minder op dan "
                "een plaatje.",
            ),
        },
    ),
    Check(
        id="virtual_background.edge_artifacts",
        group=Group.VIRTUAL_BACKGROUND,
        severity=Severity.WARNING,
        metric="vb_halo_px",
        threshold=VB_RIM_PX,
        better="lower",
        # Judged on the edge alone, so a blurred real room behind a bad mask counts too; a
        # rim counts only with a pasted picture noticed (real hair reads as a rim as well).
        rule=any_of(
            all_of(above("vb_score", VB_SCORE_LIMIT), above("vb_halo_px", VB_RIM_PX)),
            all_of(
                at_least("vb_noise_ratio", VB_PASTE_NOISE_RATIO),
                at_most("vb_background_noise", VB_PASTE_BACKGROUND_NOISE),
                above("vb_edge_step_share", VB_PASTE_EDGE_STEP),
            ),
            all_of(
                at_least("vb_edge_flicker", VB_FLICKER_RATIO),
                any_of(
                    above("vb_edge_step_share", VB_VIDEO_EDGE_STEP),
                    at_least("vb_background_still_share", VB_STILL_SHARE),
                ),
            ),
            all_of(
                at_least("vb_background_still_share", VB_STILL_SHARE),
                above("vb_score", VB_VIDEO_SCORE),
                above("vb_halo_px", VB_RIM_PX),
            ),
        ),
        source="A rim: the median run of colours across the head's outline that are no "
        "mixture of person and background, over 4 px (rim, lag and blocky composites of our "
        "set: medians 5-7; real photos median 2, 90th percentile 7.6, so only with vb_score "
        "over its limit). Or the hard paste (noise ratio >= 6, background noise <= 0.6, one-"
        "pixel step share > 0.7: fixtures' cheap composites 0.73-0.92, good ones 0.25-0.62). "
        "Or in video edge flicker, the outline's apparent motion over the person's, median "
        "of 9 frames, >= 1.3 (our real clips 1.06-1.10, the jittering cut-out 1.5), with a "
        "hard edge (> 0.65) or before a pixel-still background (>= 0.98); or a rim over 4 px "
        "before a pixel-still background with a score over 0.5",
        texts={
            "en": Text(
                title="Cut-out edge visible",
                message="The cut-out around you is visibly poor: a rim of about "
                "{vb_halo_px} px that is neither you nor the picture shows around your "
                "head, and {vb_edge_step_share} of the change at your outline happens in one "
                "pixel.",
                extras={
                    "vb_edge_flicker": "Your outline jumps {vb_edge_flicker} times as much as "
                    "you move (1.0 is steady).",
                },
                advice="Switch to background blur or sit before a real, tidy wall. If you keep "
                "the virtual background: put more light on yourself (the cut-out fails first "
                "in the dark), sit in front of a plain wall, and do not wear clothes in the "
                "colours of the virtual picture.",
            ),
            "nl": Text(
                title="Rand van de uitsnede zichtbaar",
                message="De uitsnede om je heen is duidelijk slecht: rond je hoofd is een rand "
                "van ongeveer {vb_halo_px} px te zien die niet bij jou en niet bij het "
                "plaatje hoort, en {vb_edge_step_share} van de overgang bij je omtrek zit in "
                "één pixel.",
                extras={
                    "vb_edge_flicker": "Je omtrek verspringt {vb_edge_flicker} keer zoveel als "
                    "jij beweegt (1,0 is rustig).",
                },
                advice="Zet achtergrondvervaging aan of ga voor een echte, opgeruimde muur "
                "zitten. Houd je de virtuele achtergrond: zet meer licht op jezelf (de "
                "uitsnede gaat in het donker het eerst mis), ga voor een effen muur zitten en "
                "draag geen kleren in de kleuren van het virtuele plaatje.",
            ),
        },
    ),
    Check(
        id="virtual_background.poor_separation",
        group=Group.VIRTUAL_BACKGROUND,
        severity=Severity.INFO,
        metric="vb_mask_unsure_px",
        threshold=VB_UNSURE_PX,
        better="lower",
        rule=any_of(
            above("vb_mask_unsure_px", VB_UNSURE_PX),
            all_of(
                below("vb_hair_contrast", VB_HAIR_CONTRAST),
                above("vb_mask_unsure_px", VB_UNSURE_LOW_CONTRAST_PX),
            ),
            # (the message tells the strip's width, so it must have been measured too)
            all_of(above("vb_mask_flicker", VB_MASK_FLICKER), at_least("vb_mask_unsure_px", 0)),
        ),
        source="A rehearsal: camcheck's person model is a variant of the one call apps use "
        "for virtual backgrounds. Width of the outline above the chin where it is unsure "
        "(confidence 0.2-0.8), over 8 px (real photos of the corpus tune split: median 3.2, "
        "90th percentile 7.1); or over 5 px with hair as dark or light as the wall (colour "
        "distance under 50); or, in video, confidence along the outline changing by more "
        "than 0.05 a frame while you sit still",
        texts={
            "en": Text(
                title="A virtual background would fray",
                message="If you switch on a virtual background, its cut-out will not hold well "
                "here: along your head and hair the person model is unsure over a strip of "
                "about {vb_mask_unsure_px} px.",
                extras={
                    "vb_hair_contrast": "Your hair differs from the wall behind it by "
                    "{vb_hair_contrast} colour levels (under 50 is hard to cut out).",
                    "vb_mask_flicker": "The outline wavers by {vb_mask_flicker} a frame while "
                    "you sit still.",
                },
                advice="Use background blur instead of a picture, or sit before a plain wall "
                "that differs from your hair, with light on your face.",
            ),
            "nl": Text(
                title="Een virtuele achtergrond zou rafelen",
                message="Zet je een virtuele achtergrond aan, dan houdt de uitsnede hier niet "
                "goed: langs je hoofd en haar twijfelt het persoonsmodel over een strook van "
                "ongeveer {vb_mask_unsure_px} px.",
                extras={
                    "vb_hair_contrast": "Je haar verschilt {vb_hair_contrast} kleurniveaus van "
                    "de muur erachter (onder 50 is moeilijk uit te knippen).",
                    "vb_mask_flicker": "De omtrek wiebelt {vb_mask_flicker} per beeld terwijl "
                    "je stilzit.",
                },
                advice="Gebruik achtergrondvervaging in plaats van een plaatje, of ga voor een "
                "effen muur zitten die van je haar verschilt, met licht op je gezicht.",
            ),
        },
    ),
    Check(
        id="framing.cut_off",
        group=_CAMERA,
        severity=Severity.WARNING,
        metric="head_outside_share",
        threshold=0.15,
        better="lower",
        source="Share of the estimated head (face box, crown as far above the eyes as the "
        "chin is below them) outside the frame. A little hair cut off is a normal close "
        "framing; 15% reaches the forehead or a cheek",
        texts={
            "en": Text(
                title="Face cut off",
                message="Part of your head is outside the picture: about {head_outside_share} "
                "of it.",
                advice="Move back a little or towards the middle of the picture, or tilt and "
                "turn the camera, until your whole head with a little space above it is in "
                "view.",
            ),
            "nl": Text(
                title="Gezicht deels buiten beeld",
                message="Een deel van je hoofd valt buiten beeld: ongeveer "
                "{head_outside_share} ervan.",
                advice="Ga iets naar achteren of meer naar het midden van het beeld, of kantel "
                "en draai de camera, tot je hele hoofd met een beetje ruimte erboven in beeld "
                "is.",
            ),
        },
    ),
    Check(
        id="framing.too_close",
        group=_CAMERA,
        severity=Severity.WARNING,
        metric="face_size_share",
        threshold=0.55,
        better="lower",
        source="Face box height as a share of the picture's short side. At 0.55 the head "
        "(about 1.4 face boxes) fills the frame and no shoulders show; at an arm's length "
        "a laptop webcam gives 0.25 to 0.40",
        texts={
            "en": Text(
                title="Too close to the camera",
                message="Your face fills {face_size_share} of the picture's height: you sit "
                "very close to the camera.",
                advice="Sit back to about an arm's length from the camera, so your head and "
                "shoulders are in view; a camera this close also distorts your face.",
            ),
            "nl": Text(
                title="Te dicht bij de camera",
                message="Je gezicht vult {face_size_share} van de beeldhoogte: je zit heel "
                "dicht bij de camera.",
                advice="Ga ongeveer een armlengte van de camera vandaan zitten, zodat je hoofd en "
                "schouders in beeld zijn; zo dichtbij vervormt de camera ook je gezicht.",
            ),
        },
    ),
    Check(
        id="framing.too_far",
        group=_CAMERA,
        severity=Severity.WARNING,
        metric="face_size_share",
        threshold=0.12,
        better="higher",
        source="Face box height as a share of the picture's short side: under 0.12 the face "
        "is about 1.5 m or more from a laptop webcam and a few pixels tall in a call's tile. "
        "The portrait fixtures have 0.18 to 0.38",
        texts={
            "en": Text(
                title="Too far from the camera",
                message="Your face fills only {face_size_share} of the picture's height: in a "
                "small video tile others can hardly see your expression.",
                advice="Move closer, to about an arm's length from the camera, so your head "
                "and shoulders fill the picture.",
            ),
            "nl": Text(
                title="Te ver van de camera",
                message="Je gezicht vult maar {face_size_share} van de beeldhoogte: in een "
                "klein videovenster zien anderen je gezichtsuitdrukking nauwelijks.",
                advice="Kom dichterbij, tot ongeveer een armlengte van de camera, zodat je "
                "hoofd en schouders het beeld vullen.",
            ),
        },
    ),
    Check(
        id="framing.off_center",
        group=_CAMERA,
        severity=Severity.INFO,
        metric="face_offset",
        threshold=0.2,
        better="lower",
        source="Distance of the face's centre from the picture's vertical midline, as a "
        "share of the width. The rule of thirds puts a subject 1/6 (0.17) off centre, "
        "which is fine",
        texts={
            "en": Text(
                title="Not in the middle",
                message="Your face is {face_offset} of the picture's width away from the middle.",
                advice="Move your chair or turn the camera so you sit in the middle of the "
                "picture.",
            ),
            "nl": Text(
                title="Niet in het midden",
                message="Je gezicht staat {face_offset} van de beeldbreedte uit het midden.",
                advice="Verschuif je stoel of draai de camera zodat je in het midden van het "
                "beeld zit.",
            ),
        },
    ),
    Check(
        id="framing.headroom",
        group=_CAMERA,
        severity=Severity.INFO,
        metric="eye_line_share",
        threshold=0.55,
        better="lower",
        source="Height of the eyes from the top, as a share of the picture's height. "
        "Broadcast framing puts the eyes near the upper third (0.33); below the middle "
        "the head sinks and the ceiling takes over",
        texts={
            "en": Text(
                title="Too much space above your head",
                message="Your eyes are {eye_line_share} of the way down the picture; they "
                "look best about a third of the way down.",
                advice="Raise the camera to eye level (put the laptop on a stack of books) or "
                "tilt it down a little, so your eyes sit about a third from the top.",
            ),
            "nl": Text(
                title="Te veel ruimte boven je hoofd",
                message="Je ogen zitten op {eye_line_share} van de beeldhoogte, van boven "
                "gerekend; het mooist is ongeveer een derde.",
                advice="Zet de camera op ooghoogte (zet je laptop op een stapel boeken) of kantel "
                "hem iets naar beneden, zodat je ogen ongeveer een derde van boven zitten.",
            ),
        },
    ),
)

CHECKS: dict[str, Check] = {check.id: check for check in _TABLE}

# Which finding to fix first, among those of the same severity: by how much it spoils the
# picture the others see. A camera that shows nothing, no face, and light that hides the face
# come before a cut-off head, which comes before sharpness, colour and framing details, with
# the background and the camera's delivery last. Noise follows the light: more light is its
# fix too.
IMPACT: tuple[str, ...] = (
    "camera.black_frames",
    "camera.frozen",
    "face.not_found",
    "lighting.backlight",
    "lighting.too_dark",
    "lighting.too_bright",
    "framing.cut_off",
    "virtual_background.edge_artifacts",
    "background.intrusion",
    "lighting.uneven",
    "image.blurry",
    "lighting.color_cast",
    "framing.too_close",
    "framing.too_far",
    "image.noisy",
    "background.distracting_color",
    "background.cluttered",
    "camera.low_resolution",
    "camera.low_fps",
    "framing.headroom",
    "framing.off_center",
    "virtual_background.detected",
    "virtual_background.poor_separation",
)


def fix_order(item: Finding) -> tuple[int, int]:
    """Sort key: the finding to fix first sorts first (severity, then IMPACT)."""
    rank = IMPACT.index(item.id) if item.id in IMPACT else len(IMPACT)
    return (-int(item.severity), rank)


# Every other sentence a user reads: verdicts, headings, progress and error lines.
UI: dict[str, dict[str, str]] = {
    "verdict.good": {
        "en": "Looks good: nothing to fix before your call.",
        "nl": "Ziet er goed uit: niets te verbeteren vóór je gesprek.",
    },
    "verdict.info_only.one": {
        "en": "Looks good; the note above is for your information.",
        "nl": "Ziet er goed uit; de opmerking hierboven is ter informatie.",
    },
    "verdict.info_only.many": {
        "en": "Looks good; the {count} notes above are for your information.",
        "nl": "Ziet er goed uit; de {count} opmerkingen hierboven zijn ter informatie.",
    },
    "verdict.fix.one": {
        "en": "One thing to fix before your call: {first}.",
        "nl": "Eén ding om te verbeteren vóór je gesprek: {first}.",
    },
    "verdict.fix.many": {
        "en": "{count} things to fix before your call. Start with the first: {first}.",
        "nl": "{count} dingen om te verbeteren vóór je gesprek. Begin met het eerste: {first}.",
    },
    "header.photo": {
        "en": "{source} (a photo)",
        "nl": "{source} (een foto)",
    },
    "header.video.one": {
        "en": "{source} (1 frame)",
        "nl": "{source} (1 beeld)",
    },
    "header.video.many": {
        "en": "{source} ({frames} frames over {seconds})",
        "nl": "{source} ({frames} beelden in {seconds})",
    },
    "plain.marked": {
        "en": " (marked in the saved picture)",
        "nl": " (gemarkeerd in de opgeslagen afbeelding)",
    },
    "label.measured": {"en": "Measured", "nl": "Gemeten"},
    "header.interrupted": {
        "en": "Stopped early: this is the summary so far.",
        "nl": "Eerder gestopt: dit is de samenvatting tot nu toe.",
    },
    "label.fix": {"en": "Fix", "nl": "Oplossing"},
    # The same word as the JSON severity "info", so a reader of both sees one name.
    "label.info": {"en": "info", "nl": "info"},
    "label.warning": {"en": "warning", "nl": "waarschuwing"},
    "label.problem": {"en": "problem", "nl": "probleem"},
    "label.held": {
        "en": "seen {fraction} of the time, longest {seconds} at once",
        "nl": "{fraction} van de tijd gezien, het langst {seconds} aan één stuk",
    },
    "error.no_camera": {
        "en": "no camera could be opened (tried {tried}); connect a camera, close other apps "
        "that use it, or try the sample clip: camcheck live --sample",
        "nl": "er kon geen camera worden geopend (geprobeerd: {tried}); sluit een camera aan, "
        "stop andere apps die hem gebruiken, of probeer het voorbeeldfilmpje: camcheck live "
        "--sample",
    },
    "error.sample_and_source": {
        "en": "--sample and --source cannot be used together: --sample is the clip camcheck ships",
        "nl": "--sample en --source gaan niet samen: --sample is het filmpje dat bij camcheck "
        "hoort",
    },
    "error.camera_lost": {
        "en": "the camera stopped sending frames after {seconds}",
        "nl": "de camera stuurde na {seconds} geen beelden meer",
    },
    "error.missing": {
        "en": "{path}: no such file",
        "nl": "{path}: dit bestand bestaat niet",
    },
    "error.is_directory": {
        "en": "{path}: is a folder, not an image",
        "nl": "{path}: dit is een map, geen afbeelding",
    },
    "error.unreadable": {
        "en": "{path}: cannot be read ({reason})",
        "nl": "{path}: kan niet worden gelezen ({reason})",
    },
    "error.empty": {
        "en": "{path}: the file is empty",
        "nl": "{path}: het bestand is leeg",
    },
    "error.not_image": {
        "en": "{path}: not an image camcheck can read (JPEG, PNG, WebP, BMP, TIFF)",
        "nl": "{path}: geen afbeelding die camcheck kan lezen (JPEG, PNG, WebP, BMP, TIFF)",
    },
    "error.not_video": {
        "en": "{path}: not a video camcheck can read, or it has no frames",
        "nl": "{path}: geen video die camcheck kan lezen, of er staan geen beelden in",
    },
    "error.too_small": {
        "en": "{path}: the image is {width}x{height} pixels; camcheck needs at least "
        "{minimum} pixels on each side",
        "nl": "{path}: de afbeelding is {width}x{height} pixels; camcheck heeft minstens "
        "{minimum} pixels per kant nodig",
    },
    "error.too_large": {
        "en": "{path}: the image is {width}x{height} pixels, more than camcheck decodes "
        "({limit} megapixels); scale it down first",
        "nl": "{path}: de afbeelding is {width}x{height} pixels, meer dan camcheck inleest "
        "({limit} megapixel); maak hem eerst kleiner",
    },
    "error.bad_seconds": {
        "en": "--seconds must be more than 0 (got {value})",
        "nl": "--seconds moet groter zijn dan 0 (opgegeven: {value})",
    },
    "error.unknown_check": {
        "en": "unknown check id {check_id}; run 'camcheck checks' to list them",
        "nl": "onbekende check {check_id}; 'camcheck checks' toont ze allemaal",
    },
    "error.unknown_language": {
        "en": "unknown language {lang}; choose one of {choices}",
        "nl": "onbekende taal {lang}; kies uit {choices}",
    },
    "error.model": {
        "en": "the face and person models could not be loaded: {reason}",
        "nl": "de gezichts- en persoonsmodellen konden niet worden geladen: {reason}",
    },
    "error.is_video": {
        "en": "{path}: this is a video; check it with: camcheck live --source {path}",
        "nl": "{path}: dit is een video; controleer hem met: camcheck live --source {path}",
    },
    "error.truncated": {
        "en": "{path}: the image is cut off (an incomplete download or copy?)",
        "nl": "{path}: de afbeelding is onvolledig (niet helemaal gedownload of gekopieerd?)",
    },
    "error.bad_frame": {
        "en": "a frame of shape {shape} is not an image camcheck can judge",
        "nl": "een beeld met vorm {shape} is geen afbeelding die camcheck kan beoordelen",
    },
    "error.perception": {
        "en": "face detection failed on every frame ({reason})",
        "nl": "gezichtsdetectie mislukte bij elk beeld ({reason})",
    },
    "error.source_failed": {
        "en": "{source} stopped with an error after {seconds}: {reason}",
        "nl": "{source} stopte met een fout na {seconds}: {reason}",
    },
    "error.internal": {
        "en": "camcheck hit an internal error ({reason}); please report it, with the "
        "command you ran (set CAMCHECK_DEBUG=1 to see the details)",
        "nl": "camcheck liep tegen een interne fout aan ({reason}); meld dit graag, met het "
        "commando dat je gaf (zet CAMCHECK_DEBUG=1 voor de details)",
    },
    "error.interrupted": {
        "en": "stopped before any frame was judged",
        "nl": "gestopt voordat er een beeld beoordeeld was",
    },
    # Hostile input and faults (issue 16).
    "error.not_a_file": {
        "en": "{path}: not a regular file (a device, pipe or socket); camcheck reads image "
        "and video files",
        "nl": "{path}: geen gewoon bestand (een apparaat, pipe of socket); camcheck leest "
        "afbeeldingen en videobestanden",
    },
    "error.file_too_large": {
        "en": "{path}: the file is over {limit} MB, more than any still camcheck decodes",
        "nl": "{path}: het bestand is groter dan {limit} MB, meer dan camcheck van een foto "
        "inleest",
    },
    "error.empty_path": {
        "en": "an empty file name was given",
        "nl": "er is een lege bestandsnaam opgegeven",
    },
    "error.video_truncated": {
        "en": "{path}: the video ends after {frames} of its {expected} frames ({seconds}); "
        "the file is cut off (an incomplete download or copy?)",
        "nl": "{path}: de video stopt na {frames} van de {expected} beelden ({seconds}); het "
        "bestand is afgebroken (niet helemaal gedownload of gekopieerd?)",
    },
    "error.no_checks": {
        "en": "--select and --ignore leave no check that can run on {kind}; run "
        "'camcheck checks' to list them",
        "nl": "--select en --ignore laten geen check over die op {kind} kan werken; "
        "'camcheck checks' toont ze allemaal",
    },
    "kind.image": {"en": "a still", "nl": "een foto"},
    "kind.video": {"en": "a video file", "nl": "een videobestand"},
    "kind.camera": {"en": "a camera", "nl": "een camera"},
    "error.save_is_input": {
        "en": "--save {path} would replace a picture being checked; choose another name",
        "nl": "--save {path} zou een afbeelding vervangen die gecontroleerd wordt; kies een "
        "andere naam",
    },
    "error.write_failed": {
        "en": "cannot write the report ({reason})",
        "nl": "kan het verslag niet wegschrijven ({reason})",
    },
    "error.interrupted_stills": {
        "en": "stopped early: {done} of {total} stills judged",
        "nl": "vroegtijdig gestopt: {done} van de {total} foto's beoordeeld",
    },
    "help.app": {
        "en": "Checks your webcam picture before a video call and tells you how to fix it.",
        "nl": "Controleert je webcambeeld vóór een videogesprek en vertelt hoe je het beter maakt.",
    },
    "help.image": {
        "en": "Judge one or more still photos.",
        "nl": "Beoordeel een of meer foto's.",
    },
    "help.live": {
        "en": "Watch the camera (or a video file) for a few seconds and judge what persists. "
        "With a display, a preview window shows the marks and findings (q or Esc ends it).",
        "nl": "Bekijk de camera (of een videobestand) een paar seconden en beoordeel wat "
        "aanhoudt. Is er een beeldscherm, dan toont een voorbeeldvenster de markeringen en "
        "bevindingen (q of Esc stopt).",
    },
    "help.live_short": {
        "en": "Watch your camera or a video file and judge what persists.",
        "nl": "Bekijk je camera of een videobestand en beoordeel wat aanhoudt.",
    },
    "help.devices_short": {
        "en": "List the cameras that deliver a picture.",
        "nl": "Toon de camera's die beeld leveren.",
    },
    "help.devices": {
        "en": "List the cameras that open, with the resolution and frame rate they deliver.",
        "nl": "Toon de camera's die opengaan, met de resolutie en beeldsnelheid die ze leveren.",
    },
    "help.checks": {
        "en": "List every check with its id, severity, threshold and advice.",
        "nl": "Toon alle checks met hun id, ernst, grens en advies.",
    },
    "help.paths": {"en": "One or more photos to judge.", "nl": "Een of meer foto's."},
    "help.json": {
        "en": "Print one JSON document.",
        "nl": "Geef het resultaat als één JSON-document.",
    },
    "help.select": {
        "en": "Only these checks (ids or prefixes such as 'lighting').",
        "nl": "Alleen deze checks (id's of voorvoegsels zoals 'lighting').",
    },
    "help.ignore": {
        "en": "Leave out these checks (ids or prefixes).",
        "nl": "Laat deze checks weg (id's of voorvoegsels).",
    },
    "help.lang": {
        "en": "Language of the report: en or nl (default: from LANG).",
        "nl": "Taal van het rapport: en of nl (standaard: volgens LANG).",
    },
    "help.save": {
        "en": "Also write an annotated picture (PNG): face box, your outline, where each "
        "finding is, and a legend. Nothing is written without it.",
        "nl": "Sla ook een afbeelding met markeringen op (PNG): je gezicht, je omtrek, waar elke "
        "bevinding zit, en een legenda. Zonder deze optie schrijft camcheck niets weg.",
    },
    "help.source": {
        "en": "Camera index (0, 1, ...) or a video file.",
        "nl": "Cameranummer (0, 1, ...) of een videobestand.",
    },
    "help.seconds": {
        "en": "How long to watch a camera, in seconds (default: {seconds}).",
        "nl": "Hoe lang camcheck naar de camera kijkt, in seconden (standaard: {seconds}).",
    },
    "help.sample": {
        "en": "Judge the short sample clip that comes with camcheck (no camera needed).",
        "nl": "Beoordeel het korte voorbeeldfilmpje dat bij camcheck hoort (geen camera nodig).",
    },
    "help.watch": {
        "en": "Coach mode: keep watching until q (or Ctrl-C); each check turns green as you "
        "fix it.",
        "nl": "Coachmodus: camcheck blijft kijken tot je q indrukt (of Ctrl-C); elke check wordt "
        "groen zodra je hem oplost.",
    },
    "help.verbose": {
        "en": "Also show the exact numbers measured, on their technical scales.",
        "nl": "Toon ook de precieze meetwaarden, op hun technische schaal.",
    },
    "help.version": {
        "en": "Show camcheck's version and stop.",
        "nl": "Toon de versie van camcheck en stop.",
    },
    "help.help": {
        "en": "Show this help and stop.",
        "nl": "Toon deze hulp en stop.",
    },
    "help.usage": {"en": "Usage:", "nl": "Gebruik:"},
    "help.options": {"en": "Options", "nl": "Opties"},
    "help.arguments": {"en": "Arguments", "nl": "Argumenten"},
    "help.commands": {"en": "Commands", "nl": "Opdrachten"},
    "help.options_metavar": {"en": "[OPTIONS]", "nl": "[OPTIES]"},
    "help.command_metavar": {"en": "COMMAND [ARGS]...", "nl": "OPDRACHT [ARGUMENTEN]..."},
    "metavar.photo": {"en": "PHOTO", "nl": "FOTO"},
    "metavar.source": {"en": "CAMERA|VIDEO", "nl": "CAMERA|VIDEO"},
    "metavar.seconds": {"en": "SECONDS", "nl": "SECONDEN"},
    "metavar.check": {"en": "CHECK", "nl": "CHECK"},
    "metavar.save": {"en": "FILE.png", "nl": "BESTAND.png"},
    "help.no_window": {
        "en": "No preview window: status lines on the terminal instead.",
        "nl": "Geen voorbeeldvenster: statusregels in de terminal.",
    },
    "group.light": {
        "en": "Your light: how well the other side can see your face.",
        "nl": "Je licht: hoe goed de ander je gezicht kan zien.",
    },
    "group.background": {
        "en": "Your background: a calm, neutral background looks professional.",
        "nl": "Je achtergrond: een rustige, neutrale achtergrond komt professioneel over.",
    },
    "group.distractions": {
        "en": "Distractions in the picture: anything that moves or stands out pulls "
        "attention from you.",
        "nl": "Afleiding in beeld: alles wat beweegt of opvalt, trekt de aandacht van je weg.",
    },
    "group.virtual_background": {
        "en": "Virtual background: it distracts, and a bad cut-out gives your head a "
        "strange shape.",
        "nl": "Virtuele achtergrond: die leidt af, en een slechte uitsnede geeft je hoofd een "
        "vreemde vorm.",
    },
    "group.camera": {
        "en": "Your camera: the other side must see you, sharp and fluent.",
        "nl": "Je camera: de ander moet je goed, scherp en vloeiend kunnen zien.",
    },
    "error.prefix": {"en": "camcheck: error: {line}", "nl": "camcheck: fout: {line}"},
    "error.no_cameras": {
        "en": "no camera could be opened (tried cameras {indices}); connect a camera, close "
        "other apps that use it, or try the sample clip: camcheck live --sample",
        "nl": "er kon geen camera worden geopend (geprobeerd: camera's {indices}); sluit een "
        "camera aan, stop andere apps die hem gebruiken, of probeer het voorbeeldfilmpje: "
        "camcheck live --sample",
    },
    "error.camera_silent": {
        "en": "{camera} opens but sent no picture within {seconds}: another app (Zoom, Teams, "
        "a browser tab) probably uses it; close that app and try again",
        "nl": "{camera} gaat open maar stuurde binnen {seconds} geen beeld: waarschijnlijk "
        "gebruikt een andere app (Zoom, Teams, een browsertabblad) hem; sluit die app en "
        "probeer het opnieuw",
    },
    "error.save_suffix": {
        "en": "--save needs a file name ending in .png (got {path})",
        "nl": "--save heeft een bestandsnaam nodig die op .png eindigt (gekregen: {path})",
    },
    "error.save_folder": {
        "en": "cannot save the picture as {path}: the folder does not exist",
        "nl": "kan de afbeelding niet opslaan als {path}: de map bestaat niet",
    },
    "error.save_failed": {
        "en": "cannot save the picture as {path} ({reason})",
        "nl": "kan de afbeelding niet opslaan als {path} ({reason})",
    },
    "saved.picture": {
        "en": "Saved the annotated picture as {path}",
        "nl": "Afbeelding met markeringen opgeslagen als {path}",
    },
    "devices.camera": {
        "en": "camera {index}: {width}x{height} at {fps} frames per second",
        "nl": "camera {index}: {width}x{height} met {fps} beelden per seconde",
    },
    "devices.silent": {
        "en": "camera {index}: opens but sends no picture (another app may be using it)",
        "nl": "camera {index}: gaat open maar stuurt geen beeld (misschien gebruikt een andere "
        "app hem)",
    },
    "live.window_title": {
        "en": "camcheck - q or Esc: stop, z: exposure",
        "nl": "camcheck - q of Esc: stoppen, z: belichting",
    },
    "live.window_others_ok": {
        "en": "{count} other checks: ok",
        "nl": "{count} andere checks: ok",
    },
    "live.all_fine_so_far": {
        "en": "Nothing to fix so far",
        "nl": "Tot nu toe niets te verbeteren",
    },
    "live.so_far_good": {
        "en": "So far: looks good",
        "nl": "Tot nu toe: ziet er goed uit",
    },
    "live.so_far_fix.one": {
        "en": "So far: one thing to fix: {first}",
        "nl": "Tot nu toe: één ding om te verbeteren: {first}",
    },
    "live.so_far_fix.many": {
        "en": "So far: {count} things to fix, start with: {first}",
        "nl": "Tot nu toe: {count} dingen om te verbeteren, begin met: {first}",
    },
    "live.better": {
        "en": "better: {title} is fixed",
        "nl": "beter: {title} is opgelost",
    },
    "live.better_brighter.one": {
        "en": "better: your face is now 1 stop brighter",
        "nl": "beter: je gezicht is nu 1 stop lichter",
    },
    "live.better_brighter.many": {
        "en": "better: your face is now {stops} stops brighter",
        "nl": "beter: je gezicht is nu {stops} stops lichter",
    },
    "live.better_darker.one": {
        "en": "better: your face is now 1 stop less bright, no longer washed out",
        "nl": "beter: je gezicht is nu 1 stop minder fel, niet meer overbelicht",
    },
    "live.better_darker.many": {
        "en": "better: your face is now {stops} stops less bright, no longer washed out",
        "nl": "beter: je gezicht is nu {stops} stops minder fel, niet meer overbelicht",
    },
    "live.better_even.one": {
        "en": "better: the two sides of your face are now 1 stop closer",
        "nl": "beter: de twee kanten van je gezicht liggen nu 1 stop dichter bij elkaar",
    },
    "live.better_even.many": {
        "en": "better: the two sides of your face are now {stops} stops closer",
        "nl": "beter: de twee kanten van je gezicht liggen nu {stops} stops dichter bij elkaar",
    },
    "live.exposure_on": {
        "en": "Exposure: stripes = blown-out skin, purple = skin too dark (z: off)",
        "nl": "Belichting: strepen = overbelichte huid, paars = te donkere huid (z: uit)",
    },
    "live.progress": {
        "en": "Watching your camera {bar} {elapsed_s} of {total_s}",
        "nl": "Camerabeeld wordt gecontroleerd {bar} {elapsed_s} van {total_s}",
    },
    "live.progress_video": {
        "en": "Checking the video {bar} {elapsed_s} of {total_s}",
        "nl": "Video wordt gecontroleerd {bar} {elapsed_s} van {total_s}",
    },
    "live.progress_untimed": {
        "en": "Checking: {elapsed_s}",
        "nl": "Bezig: {elapsed_s}",
    },
    "live.others_ok": {
        "en": "{count} other checks",
        "nl": "{count} andere checks",
    },
    "live.mark_ok": {"en": "ok", "nl": "ok"},
    "live.mark_now": {"en": "NOW", "nl": "NU"},
    "live.mark_seen": {"en": "seen", "nl": "gezien"},
    "live.mark_better": {"en": "better", "nl": "beter"},
    "live.all_fine": {
        "en": "Nothing to fix in this picture",
        "nl": "Niets te verbeteren in dit beeld",
    },
    "legend.key": {
        "en": "green box: your face; blue line: you; numbered boxes: where a finding is",
        "nl": "groen kader: je gezicht; blauwe lijn: jij; genummerde kaders: waar een "
        "bevinding zit",
    },
    "checks.header": {
        "en": "{count} checks. Severity: problem and warning make camcheck exit 1.",
        "nl": "{count} checks. Ernst: bij een probleem of waarschuwing eindigt camcheck met "
        "afsluitcode 1.",
    },
}


def finding(
    check_id: str, *, region: tuple[int, int, int, int] | None = None, **measured: float
) -> Finding:
    """Build a :class:`Finding` for a check in the table, with its severity from the table."""
    check = CHECKS[check_id]
    return Finding(
        id=check_id,
        measured={key: float(value) for key, value in measured.items()},
        severity=check.severity,
        region=region,
    )


def format_value(key: str, value: float, lang: str) -> str:
    """Format one measured number the way messages show it, with the language's decimal sign."""
    if (words := MEASURE_WORDS.get(key)) is not None:
        word = words[round(value)]
        return word.get(lang) or word[DEFAULT_LANGUAGE]
    kind = MEASURE_FORMATS.get(key, "number")
    if kind == "percent":
        text = f"{value * 100:.0f}%"
    elif kind == "ratio":
        text = f"{value:.1f}"
    elif kind == "seconds":
        text = f"{value:.1f} s"
    elif kind == "integer":
        text = f"{value:.0f}"
    else:
        text = f"{value:.2f}" if abs(value) < 10 else f"{value:.0f}"
    return text.replace(".", ",") if lang == "nl" else text


def placeholders(template: str) -> set[str]:
    """The ``{name}`` fields of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _fill(template: str, values: Mapping[str, object], lang: str) -> str:
    shown = {
        key: format_value(key, value, lang) if isinstance(value, float) else str(value)
        for key, value in values.items()
    }
    return template.format_map(shown)


@dataclass(frozen=True)
class RenderedFinding:
    """A finding's sentences in one language."""

    title: str
    message: str
    advice: str


def render(item: Finding, lang: str = DEFAULT_LANGUAGE) -> RenderedFinding:
    """The title, message (with the measured numbers) and advice of a finding."""
    text = CHECKS[item.id].text(lang)
    extras = [
        _fill(sentence, item.measured, lang)
        for key, sentence in text.extras.items()
        if key in item.measured
    ]
    return RenderedFinding(
        title=text.title,
        message=" ".join([_fill(text.message, item.measured, lang), *extras]),
        advice=_fill(text.advice, item.measured, lang),
    )


def plain_message(item: Finding, lang: str = DEFAULT_LANGUAGE, *, marked: bool = False) -> str:
    """The finding's message in plain words (PLAIN), or its own message where that is plain.

    Args:
        item: The finding.
        lang: Language.
        marked: Whether a saved picture marks the finding's region (the text says so).
    """
    texts = PLAIN.get(item.id)
    if texts is None:
        return render(item, lang).message
    template = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    values: dict[str, object] = dict(item.measured)
    for name in placeholders(template):
        level = LEVELS.get(name)
        if level is not None and level.key in item.measured:
            values[name] = level.words(item.measured[level.key], lang)
    values["marked"] = ui("plain.marked", lang) if marked else ""
    if not placeholders(template) <= values.keys():  # a number this finding did not measure
        return render(item, lang).message
    return _fill(template, values, lang)


def ui(key: str, lang: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """A non-check sentence from :data:`UI`, filled in and in the given language.

    ``key`` and ``lang`` are positional-only, so a placeholder may be called ``lang`` too.
    """
    texts = UI[key]
    return _fill(texts.get(lang) or texts[DEFAULT_LANGUAGE], values, lang)


def ruled_ids(numbers: Mapping[str, float]) -> set[str]:
    """The ids the table's rules give for one frame's numbers, after hiding.

    For a still, ``numbers`` are the report's ``metrics`` with each finding's ``measured``:
    the ids returned are then exactly the ids the report shows (a test checks it), so a
    script can re-judge a report with other limits, or explain why an id did not fire.
    """
    fired = {check.id for check in CHECKS.values() if check.fires(numbers)}
    return {
        check_id
        for check_id in fired
        if not any(CHECKS[other].hides_check(check_id) for other in fired if other != check_id)
    }
