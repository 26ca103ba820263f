"""The sentences users read, one gettext catalogue per language in camcheck/locale/.

``camcheck.pot`` holds the English source: every entry has a key (``msgctxt``, such as
``lighting.backlight.message`` or ``error.prefix``) and its English text (``msgid``). Each
translation is one more file, ``<lang>.po``, with the same keys, the English as ``msgid`` and
the translation as ``msgstr``: the format Poedit, Weblate and Babel open. Code asks for a
sentence by key (:func:`text`) and never branches on the language; a key a translation lacks,
or leaves empty, falls back to English. A test keeps every file's keys and placeholders equal
to the template's.

The reader is a few lines of our own: the standard library's ``gettext`` only reads compiled
``.mo`` files, and a build step or Babel at run time would buy nothing here.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
TEMPLATE = "camcheck.pot"
SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class Entry:
    """One catalogue entry: its key, the English source and the translation ("" if none)."""

    key: str
    source: str
    translation: str


def parse_po(text: str) -> dict[str, Entry]:
    """Entries of a .po/.pot file by key (``msgctxt``); the header entry is skipped.

    Handles what our catalogues use: ``msgctxt``/``msgid``/``msgstr`` with strings continued
    on following lines, C escapes, ``#`` comments and the ``#, fuzzy`` flag (a fuzzy entry
    counts as untranslated, as gettext does).
    """
    entries: dict[str, Entry] = {}
    fields: dict[str, str] = {}
    current: str | None = None
    fuzzy = False

    def flush() -> None:
        nonlocal fuzzy
        key = fields.get("msgctxt")
        if key is not None:
            translation = "" if fuzzy else fields.get("msgstr", "")
            entries[key] = Entry(key, fields.get("msgid", ""), translation)
        fields.clear()
        fuzzy = False

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line.startswith("#,") and "fuzzy" in line:
                if fields:
                    flush()
                fuzzy = True
            continue
        if line.startswith('"'):
            if current is None:
                raise ValueError(f"line {number}: a string outside an entry")
            fields[current] += _unquote(line, number)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword not in ("msgctxt", "msgid", "msgstr"):
            raise ValueError(f"line {number}: unknown keyword {keyword!r}")
        starts_entry = keyword == "msgctxt" or (keyword == "msgid" and "msgid" in fields)
        if starts_entry and fields:
            flush()
        current = keyword
        fields[keyword] = _unquote(rest.strip(), number)
    if fields:
        flush()
    return entries


def _unquote(token: str, number: int) -> str:
    if len(token) < 2 or token[0] != '"' or token[-1] != '"':
        raise ValueError(f"line {number}: expected a quoted string")
    # A .po string is a C string; Python's literal syntax reads the same escapes.
    value = ast.literal_eval(token)
    assert isinstance(value, str)
    return value


def quote(text: str) -> str:
    """``text`` as a .po string (one line; \\n, quotes and backslashes escaped)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


@cache
def template() -> dict[str, Entry]:
    """The English source catalogue."""
    return parse_po((LOCALE_DIR / TEMPLATE).read_text(encoding="utf-8"))


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Every key's sentence in ``lang``, English where the translation has none."""
    english = {key: entry.source for key, entry in template().items()}
    if lang == SOURCE_LANGUAGE:
        return english
    path = LOCALE_DIR / f"{lang}.po"
    translated = parse_po(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return english | {k: e.translation for k, e in translated.items() if e.translation}


def languages() -> tuple[str, ...]:
    """English first, then every language with a catalogue, sorted."""
    others = sorted(path.stem for path in LOCALE_DIR.glob("*.po"))
    return (SOURCE_LANGUAGE, *(lang for lang in others if lang != SOURCE_LANGUAGE))


def text(key: str, lang: str) -> str:
    """The sentence ``key`` in ``lang``; KeyError for a key the template lacks."""
    return catalogue(lang)[key]


def keys(prefix: str) -> list[str]:
    """The template's keys that start with ``prefix``, in the template's order."""
    return [key for key in template() if key.startswith(prefix)]
