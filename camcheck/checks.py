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

    def hides_check(self, check_id: str) -> bool:
        return any(check_id == h or check_id.startswith(h + ".") for h in self.hides)

    def text(self, lang: str) -> Text:
        return self.texts.get(lang) or self.texts[DEFAULT_LANGUAGE]


# How each measured key is shown in a message. Keys not listed print as plain numbers.
MEASURE_FORMATS: dict[str, Literal["percent", "ratio", "seconds", "number", "integer"]] = {
    "face_luma": "percent",
    "face_highlight": "percent",
    "frame_highlight": "percent",
    "face_dark_share": "percent",
    "face_bright_share": "percent",
    "background_luma": "percent",
    "background_bright_share": "percent",
    "contrast_ratio": "ratio",
    "face_score": "percent",
    "fraction": "percent",
    "seconds": "seconds",
    "first_seen_s": "seconds",
    # coach mode: how much better the light got, in stops (doublings of linear light)
    "stops": "ratio",
    # --help: the default of --seconds, a plain number beside the word "seconds"
    "default_seconds": "ratio",
    # background.cluttered, background.distracting_color, background.intrusion
    "background_edge_density": "percent",
    "background_clutter": "number",
    "busiest_clutter": "number",
    "busiest_x": "integer",
    "busiest_y": "integer",
    "busiest_w": "integer",
    "busiest_h": "integer",
    "colour_spot": "number",
    "colour_spot_contrast": "number",
    "face_colourfulness": "number",
    "background_colourfulness": "number",
    "colour_spot_x": "integer",
    "colour_spot_y": "integer",
    "colour_spot_w": "integer",
    "colour_spot_h": "integer",
    "intrusion_share": "percent",
    "second_face_width_ratio": "percent",
    "second_face_share": "percent",
    "moving_blob_share": "percent",
    "second_body_share": "percent",
    "background_motion_share": "percent",
    # lighting.uneven, lighting.color_cast, image.blurry, image.noisy, framing.*
    "face_light_ratio": "ratio",
    "face_uniformity": "percent",
    "cast_strength": "integer",
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
    "camera_width": "integer",
    "camera_height": "integer",
    "camera_lines": "integer",
    "requested_width": "integer",
    "requested_height": "integer",
    "camera_fps": "ratio",
    "elapsed_s": "seconds",
    "total_s": "seconds",
    # virtual_background.*
    "vb_signals": "integer",
    "vb_noise_ratio": "ratio",
    "vb_edge_step_share": "percent",
    "vb_halo_px": "integer",
    "vb_edge_flicker": "ratio",
    "vb_background_still_share": "percent",
}

# Measured keys whose number is a code for a word (a side, a colour), not a quantity:
# key -> code -> the word in each language. Messages show the word; JSON keeps the code.
MEASURE_WORDS: dict[str, dict[int, dict[str, str]]] = {
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
    # background.distracting_color fires over 50; framed colourful pictures on our fixtures
    # stand out by 60 to 92, so over 75 the spot outshines everything.
    "colour_level": Level(
        "colour_spot_contrast",
        "higher",
        (
            (
                75.0,
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


_LIGHT = Group.LIGHT
_CAMERA = Group.CAMERA

_TABLE: tuple[Check, ...] = (
    Check(
        id="camera.black_frames",
        group=_CAMERA,
        severity=Severity.PROBLEM,
        # A black picture says nothing about light, face, background or framing: no "face too
        # dark" for a closed lens cover.
        hides=("face", "lighting", "image", "background", "virtual_background", "framing"),
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
        metric="frame_change_levels",
        threshold=0.1,
        better="higher",
        source="Mean absolute luma change from one frame to the next, in 8-bit levels. "
        "Sensor noise alone changes a real picture by 0.3 levels or more (smallest step in "
        "our clips: sample_call.mp4 0.32, vb_real_clip.mp4 0.46); a repeated frame changes "
        "by 0, or by under 0.09 after an mp4v encoder",
        texts={
            "en": Text(
                title="Picture frozen",
                message="Your camera keeps sending the same picture: from one frame to the "
                "next it changed by only {frame_change_levels} of 255 brightness levels.",
                advice="Unplug the camera and plug it back in (straight into the computer, "
                "not through a hub), close other apps that use it, and check that a virtual "
                "camera (OBS, Snap Camera) is not paused or showing a still picture.",
            ),
            "nl": Text(
                title="Beeld bevroren",
                message="Je camera blijft hetzelfde beeld sturen: van het ene beeld op het "
                "volgende veranderde het maar {frame_change_levels} van de 255 "
                "helderheidsniveaus.",
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
        metric="face_score",
        threshold=0.6,
        better="higher",
        source="MediaPipe short-range detector confidence; 0.6 keeps cats and posters out "
        "on our fixtures while every real face scores above 0.85",
        texts={
            "en": Text(
                title="No face found",
                message="No face was found clearly in the picture.",
                extras={
                    "face_score": "The closest match reached only {face_score} confidence; "
                    "a face in view and in good light scores over 85%.",
                },
                advice="Sit facing the camera with your whole face in view, about an arm's "
                "length away, and make sure there is light on your face.",
            ),
            "nl": Text(
                title="Geen gezicht gevonden",
                message="Er is geen duidelijk gezicht in beeld gevonden.",
                extras={
                    "face_score": "Wat er het meest op een gezicht leek, scoorde maar "
                    "{face_score} zekerheid; een gezicht dat goed in beeld en in het licht is, "
                    "scoort meer dan 85%.",
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
        metric="contrast_ratio",
        threshold=2.5,
        better="lower",
        source="Background-to-face luma ratio, counted only when at least "
        "BACKLIGHT_MIN_BRIGHT_SHARE of the background near you is blown out (a window "
        "or sky). Our backlit fixtures reach 3.5 or more; a well-lit dark face before a "
        "white wall stays near 2",
        texts={
            "en": Text(
                title="Backlight",
                message="There is bright light behind you: the background is "
                "{contrast_ratio} times as bright as your face and {background_bright_share} "
                "of it is blown out. You are barely visible.",
                advice="Do not sit with a window or lamp behind you: turn your desk so the "
                "window is in front of you or to the side, or close the curtains and light "
                "your face from the front.",
            ),
            "nl": Text(
                title="Tegenlicht",
                message="Er is fel licht achter je: de achtergrond is {contrast_ratio} keer zo "
                "licht als je gezicht en {background_bright_share} ervan is wit uitgebeten. "
                "Je bent nauwelijks te zien.",
                advice="Ga niet met een raam of lamp achter je zitten: draai je bureau zodat "
                "het raam voor of naast je is, of doe de gordijnen dicht en verlicht je "
                "gezicht van voren.",
            ),
        },
    ),
    Check(
        id="lighting.too_dark",
        group=_LIGHT,
        severity=Severity.WARNING,
        metric="face_highlight",
        threshold=0.30,
        better="higher",
        source="95th percentile of face luma. Under it the face is too dark whatever the "
        "skin tone: a simulated deep skin tone in good light keeps 0.44 on our fixtures. "
        "Between 0.30 and 0.55 the face counts as too dark only when the whole frame is "
        "dim too (its 99th percentile under 0.70; -1.5 EV maps white to 0.63). Mean luma "
        "is not used: it reads dark skin as underexposure",
        texts={
            "en": Text(
                title="Face too dark",
                message="Your face is too dark: its brightest parts reach only "
                "{face_highlight} brightness (average {face_luma}), and the brightest spot "
                "in the whole picture {frame_highlight}.",
                advice="Put a lamp behind your screen, aimed at your face, or sit facing a "
                "window. In Zoom or Teams you can also switch on 'Adjust for low light'.",
            ),
            "nl": Text(
                title="Gezicht te donker",
                message="Je gezicht is te donker: de lichtste delen komen maar tot "
                "{face_highlight} helderheid (gemiddeld {face_luma}), en de lichtste plek in "
                "het hele beeld tot {frame_highlight}.",
                advice="Zet een lamp achter je scherm, gericht op je gezicht, of ga met je "
                "gezicht naar een raam toe zitten. In Zoom of Teams kun je ook 'Aanpassen voor "
                "weinig licht' aanzetten.",
            ),
        },
    ),
    Check(
        id="lighting.too_bright",
        group=_LIGHT,
        severity=Severity.WARNING,
        metric="face_bright_share",
        threshold=0.08,
        better="lower",
        source="Share of face pixels at luma >= 247/255, the over-exposure range of "
        "ISO/IEC 29794-5 (OFIQ). Good fixtures stay under 0.02; +1.5 EV reaches 0.7. A "
        "face whose mean luma is over 0.80 also counts (well-lit fair skin averages 0.71)",
        texts={
            "en": Text(
                title="Face washed out",
                message="Your face is washed out: {face_bright_share} of it is blown out to "
                "pure white (average brightness {face_luma}). You look pale.",
                advice="Soften or move the light: turn a bright lamp away from your face or "
                "bounce it off a wall, close a sunny curtain a little, and lower the brightness "
                "in your camera or call app settings.",
            ),
            "nl": Text(
                title="Gezicht overbelicht",
                message="Je gezicht is overbelicht: {face_bright_share} ervan is helemaal wit "
                "(gemiddelde helderheid {face_luma}). Je ziet er bleek uit.",
                advice="Maak het licht zachter: draai een felle lamp van je gezicht weg of "
                "richt hem op de muur, doe bij zon het gordijn half dicht en zet de helderheid "
                "lager in de instellingen van je camera of van je videobelapp.",
            ),
        },
    ),
    Check(
        id="lighting.uneven",
        group=_LIGHT,
        severity=Severity.WARNING,
        metric="face_light_ratio",
        threshold=3.0,
        better="lower",
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
        threshold=9.0,
        better="lower",
        source="Distance in CIELAB a*b* of the picture's near-neutral pixels (walls, "
        "shirts, paper; a mean shift from the brightest pixels' colour) from grey, counted "
        "only when the face is tinted the same way by at least MIN_FACE_AGREEMENT (0.55) "
        "of the expected shift. Good photo fixtures reach up to 8.7 with their faces not "
        "agreeing; scripted white-balance errors 9.7 to 25. Also a face with chroma C*ab "
        "under 9 in a colour picture (grey, pale; well-lit skin of every tone has 12 or "
        "more on our fixtures)",
        texts={
            "en": Text(
                title="Unnatural colour",
                message="Your face looks {cast_tint} on camera. The greys and whites in the "
                "picture are off from neutral by {cast_strength} (CIELAB; under 9 looks "
                "natural), and the colour strength of your skin is {face_chroma} (well-lit "
                "skin has 12 or more).",
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
                "wijken {cast_strength} af van neutraal (CIELAB; onder 9 oogt natuurlijk) en de "
                "kleurverzadiging van je huid is {face_chroma} (goed belichte huid haalt 12 of "
                "meer).",
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
                "{noise_sigma} grey levels (of 255); a well-lit picture stays under 1.5.",
                advice="Add light: a lamp behind your screen aimed at your face, or sit facing "
                "a window. In dim light the camera amplifies its signal, and the grain with "
                "it. 'Adjust for low light' in Zoom or Teams and denoise filters hide some "
                "grain but smear your face; more light is the real fix.",
            ),
            "nl": Text(
                title="Korrelig beeld",
                message="Je beeld is korrelig: de ruis op egale vlakken is {noise_sigma} "
                "grijswaarden (op een schaal van 255); een goed belicht beeld blijft onder 1,5.",
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
                "{face_sharpness}, where a face in focus measures 0.75 or more.",
                advice="Wipe the camera lens (a fingerprint blurs everything), sit at least "
                "an arm's length away, since many webcams cannot focus closer, and check that "
                "autofocus is on in the camera's settings. Sit still; more light also helps, "
                "as the camera then exposes shorter and movement smears less. Switch off "
                "beauty or soft-focus filters in the call app: they blur on purpose.",
            ),
            "nl": Text(
                title="Wazig beeld",
                message="Je gezicht is onscherp of bewogen: de scherpte meet {face_sharpness}, "
                "waar een scherp gezicht 0,75 of meer haalt.",
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
        source="Frames per second the camera delivers, over the last second. Calls send "
        "30; under about 20 lips and hands visibly stutter. Webcams drop to 15 fps or less "
        "in dim light (longer exposure). Counted from the camera's own frame arrivals, so a "
        "slow computer does not lower it. Only judged for cameras, never for files",
        texts={
            "en": Text(
                title="Jerky video",
                message="Your camera delivers only {camera_fps} frames per second; calls send "
                "30, and under about 20 your movements look jerky.",
                advice="Add light on your face: in a dim room a webcam exposes longer and "
                "drops its frame rate. Also close other apps that use the camera, and plug it "
                "straight into the computer, not through a hub.",
            ),
            "nl": Text(
                title="Schokkerig beeld",
                message="Je camera levert maar {camera_fps} beelden per seconde; "
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
        threshold=0.10,
        better="lower",
        source="Background edge density (Canny, fixed thresholds on 8-bit luma, so blur "
        "and noise do not count) weighted per window by the variety of edge orientations, "
        "the orientation part of feature congestion; Rosenholtz, Li & Nakano (2007) found "
        "edge density alone correlates r = .83 with rated clutter. Busy rooms on our "
        "fixtures score 0.15 to 0.18, the official portraits' flags and drapes 0.03 to "
        "0.05, plain and blurred walls 0",
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
        metric="colour_spot_contrast",
        threshold=50.0,
        better="lower",
        source="Hasler & Süsstrunk (2003) colourfulness of the most colourful background "
        "window (mean term relative to the wall's median colour) minus that of the rest of "
        "the background, counted only when the spot is at least 'quite colourful' (59) and "
        "1.3 times as colourful as the face. Framed colourful pictures on a plain or teal "
        "wall stand out by 60 to 92 on our fixtures; the flags and drapes of the official "
        "portraits by 17 to 34 (46 for a webcam crop of the Biden drapes)",
        texts={
            "en": Text(
                title="Eye-catching colour behind you",
                message="There is a strongly coloured spot behind you (marked): colourfulness "
                "{colour_spot} on the Hasler-Süsstrunk scale, where 59 is 'quite colourful', "
                "{colour_spot_contrast} more than the rest of your background and against "
                "{face_colourfulness} for your face. It draws the eye away from you.",
                advice="Take down or move the bright poster or painting, or put the colourful "
                "thing out of view: a plain, neutral background works best. A wall in one "
                "even colour is fine; it is the colourful spot on it that draws the eye. In "
                "Zoom or Teams you can also blur your background.",
            ),
            "nl": Text(
                title="Opvallende kleur achter je",
                message="Er zit een felgekleurde plek achter je (gemarkeerd): kleurrijkheid "
                "{colour_spot} op de schaal van Hasler en Süsstrunk, waarop 59 'behoorlijk "
                "kleurrijk' is, {colour_spot_contrast} meer dan de rest van je achtergrond en "
                "tegen {face_colourfulness} voor je gezicht. Die trekt de blik van je weg.",
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
        source="Width of a second face (detector score >= 0.7) as a share of yours: a "
        "person beside or behind you up to about three times your distance from the camera "
        "passes it; a portrait on the wall stays far under it (and under the detector's "
        "reach). In video also a moving blob in the background of at least 0.3% of the "
        "picture (MIN_BLOB_SHARE): a small cat walking past moves 0.3 to 0.5% of it per "
        "0.1 s, camera noise, auto exposure and your own sway leave none on our clips. "
        "Also a separate piece of the person mask, apart from yours, of at least 2% of the "
        "picture (MIN_BODY_SHARE): an adult walking 2.5 m behind you takes 5 to 8%, stray "
        "pieces of the segmentation at most 1.6% on our fixtures",
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
        hides=("background.cluttered", "background.distracting_color"),
        metric="vb_signals",
        threshold=1,
        better="lower",
        source="Points for signs of a pasted picture (camcheck/analyzers/virtual_background.py): "
        "a background far cleaner than the person (Immerkær 1996 noise estimate, ratio >= 6 "
        "and background sigma <= 0.6 levels), a hard one-pixel cut-out edge around the head "
        "(median step share >= 0.65), in video a pixel-still background while the person "
        "moves, and edge flicker; 1 point each. Real photos and clips on our fixtures score "
        "at most 1, so one sign alone never counts; cheap composites 2 or more",
        texts={
            "en": Text(
                title="Virtual background",
                message="You seem to be using a virtual background: camcheck found "
                "{vb_signals} signs of a picture pasted behind you.",
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
                message="Je lijkt een virtuele achtergrond te gebruiken: camcheck zag "
                "{vb_signals} tekenen van een plaatje dat achter je is geplakt.",
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
        metric="vb_edge_step_share",
        threshold=0.65,
        better="lower",
        source="Median share of the person-to-background change across the head's outline "
        "made in a single pixel: a camera spreads an edge over 2-3 px, a mask upsampled "
        "without smoothing cuts it in one. Judged only when a virtual background is "
        "detected. Cheap composites on our fixtures measure 0.73-0.92, good ones 0.25-0.62 "
        "(crisp real photos reach 0.67, so it never counts alone). In video, edge flicker "
        "counts too: the outline's apparent motion over the person's, "
        "median of 9 frames, >= 1.3 (our real clips 1.06-1.10, the jittering cut-out 1.5)",
        texts={
            "en": Text(
                title="Cut-out edge visible",
                message="The cut-out around you is visibly poor: {vb_edge_step_share} of the "
                "change at your outline happens in one pixel, and a rim of about {vb_halo_px} "
                "px of another colour shows around your head.",
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
                message="De uitsnede om je heen is duidelijk slecht: {vb_edge_step_share} van "
                "de overgang bij je omtrek zit in één pixel, en er is een rand van ongeveer "
                "{vb_halo_px} px in een andere kleur rond je hoofd te zien.",
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
        "en": "How long to watch a camera, in seconds (default: {default_seconds}).",
        "nl": "Hoe lang camcheck naar de camera kijkt, in seconden (standaard: {default_seconds}).",
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


def ui(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """A non-check sentence from :data:`UI`, filled in and in the given language."""
    texts = UI[key]
    return _fill(texts.get(lang) or texts[DEFAULT_LANGUAGE], values, lang)
