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
from dataclasses import dataclass
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
    """The sentences of one check in one language."""

    title: str
    message: str
    advice: str


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
    """

    id: str
    group: Group
    severity: Severity
    metric: str
    threshold: float
    better: Literal["higher", "lower"]
    source: str
    texts: Mapping[str, Text]

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
}

_LIGHT = Group.LIGHT
_CAMERA = Group.CAMERA

_TABLE: tuple[Check, ...] = (
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
                message="No face was found in the picture.",
                advice="Sit facing the camera with your whole face in view, about an arm's "
                "length away, and make sure there is light on your face.",
            ),
            "nl": Text(
                title="Geen gezicht gevonden",
                message="Er is geen gezicht in beeld gevonden.",
                advice="Ga recht voor de camera zitten, met je hele gezicht in beeld, ongeveer "
                "een armlengte ervandaan, en zorg dat er licht op je gezicht valt.",
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
                "{face_highlight} brightness (average {face_luma}), and the brightest "
                "things in the picture only {frame_highlight}.",
                advice="Put a lamp behind your screen, aimed at your face, or sit facing a "
                "window. In Zoom or Teams you can also switch on 'Adjust for low light'.",
            ),
            "nl": Text(
                title="Gezicht te donker",
                message="Je gezicht is te donker: de lichtste delen halen maar "
                "{face_highlight} helderheid (gemiddeld {face_luma}), en het lichtste in "
                "beeld maar {frame_highlight}.",
                advice="Zet een lamp achter je scherm, gericht op je gezicht, of ga met je "
                "gezicht naar een raam zitten. In Zoom of Teams kun je ook 'Aanpassen voor "
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
                "richt hem op de muur, doe een zonnig gordijn half dicht en zet de helderheid "
                "lager in de instellingen van je camera of van je videobel-app.",
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
)

CHECKS: dict[str, Check] = {check.id: check for check in _TABLE}


# Every other sentence a user reads: verdicts, headings, progress and error lines.
UI: dict[str, dict[str, str]] = {
    "verdict.good": {
        "en": "Looks good: nothing to fix before your call.",
        "nl": "Ziet er goed uit: niets te verbeteren voor je gesprek.",
    },
    "verdict.info_only": {
        "en": "Looks good; {count} note(s) above are for your information.",
        "nl": "Ziet er goed uit; {count} opmerking(en) hierboven zijn ter informatie.",
    },
    "verdict.fix": {
        "en": "{count} thing(s) to fix before your call. Start with: {first}.",
        "nl": "{count} punt(en) om te verbeteren voor je gesprek. Begin met: {first}.",
    },
    "header.source": {
        "en": "{source} ({frames} frame(s) analysed)",
        "nl": "{source} ({frames} beeld(en) bekeken)",
    },
    "header.interrupted": {
        "en": "Stopped early: this is the summary so far.",
        "nl": "Vroegtijdig gestopt: dit is de samenvatting tot nu toe.",
    },
    "label.fix": {"en": "Fix", "nl": "Oplossing"},
    "label.info": {"en": "note", "nl": "opmerking"},
    "label.warning": {"en": "warning", "nl": "waarschuwing"},
    "label.problem": {"en": "problem", "nl": "probleem"},
    "label.held": {
        "en": "seen {fraction} of the time, longest {seconds} at once",
        "nl": "{fraction} van de tijd gezien, het langst {seconds} achter elkaar",
    },
    "progress.sampling": {
        "en": "Watching your camera: {elapsed} of {total}",
        "nl": "Je camera wordt bekeken: {elapsed} van {total}",
    },
    "error.no_camera": {
        "en": "no camera could be opened (tried {tried}); connect a camera, close other apps "
        "that use it, or try: camcheck live --source {sample}",
        "nl": "er kon geen camera worden geopend (geprobeerd: {tried}); sluit een camera aan, "
        "sluit andere apps die hem gebruiken, of probeer: camcheck live --source {sample}",
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
        "nl": "--seconds moet groter zijn dan 0 (gekregen: {value})",
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
        "nl": "Afleiding in beeld: alles wat beweegt of opvalt, haalt de aandacht bij je weg.",
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
    "checks.header": {
        "en": "{count} checks. Severity: problem and warning make camcheck exit 1.",
        "nl": "{count} checks. Ernst: bij probleem en waarschuwing eindigt camcheck met 1.",
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
    return RenderedFinding(
        title=text.title,
        message=_fill(text.message, item.measured, lang),
        advice=_fill(text.advice, item.measured, lang),
    )


def ui(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """A non-check sentence from :data:`UI`, filled in and in the given language."""
    texts = UI[key]
    return _fill(texts.get(lang) or texts[DEFAULT_LANGUAGE], values, lang)
