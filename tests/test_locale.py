"""The catalogues in camcheck/locale/: every language has every key, with the same placeholders."""

from __future__ import annotations

import pytest

from camcheck import i18n
from camcheck.checks import CHECKS, LANGUAGES, placeholders

TRANSLATIONS = [lang for lang in LANGUAGES if lang != i18n.SOURCE_LANGUAGE]


def test_dutch_is_a_language() -> None:
    assert "nl" in LANGUAGES and LANGUAGES[0] == "en"


def test_every_check_has_its_sentences_in_the_template() -> None:
    keys = set(i18n.template())
    for check_id in CHECKS:
        for part in ("title", "message", "advice"):
            assert f"{check_id}.{part}" in keys


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translation_has_the_template_keys_and_placeholders(lang: str) -> None:
    template = i18n.template()
    entries = i18n.parse_po((i18n.LOCALE_DIR / f"{lang}.po").read_text(encoding="utf-8"))
    assert list(entries) == list(template), "keys differ from camcheck.pot (or their order)"
    for key, entry in entries.items():
        # msgid is the English the translation was made from: stale when the English changed
        assert entry.source == template[key].source, f"{lang}.po {key}: English changed"
        assert entry.translation, f"{lang}.po {key}: not translated"
        assert placeholders(entry.translation) == placeholders(entry.source), key


def test_reader_handles_continued_strings_escapes_and_fuzzy() -> None:
    text = (
        'msgid ""\nmsgstr ""\n"Language: xx\\n"\n\n'
        'msgctxt "a"\nmsgid "one "\n"two"\nmsgstr "een "\n"\\"twee\\""\n\n'
        '#, fuzzy\nmsgctxt "b"\nmsgid "three"\nmsgstr "drie"\n'
    )
    entries = i18n.parse_po(text)
    assert entries["a"].source == "one two"
    assert entries["a"].translation == 'een "twee"'
    assert entries["b"].translation == ""  # fuzzy counts as untranslated
    tricky = 'a\\b "c"'
    written = "msgctxt " + i18n.quote("k") + "\nmsgid " + i18n.quote(tricky) + '\nmsgstr ""\n'
    assert i18n.parse_po(written)["k"].source == tricky


def test_a_bad_catalogue_line_is_an_error() -> None:
    with pytest.raises(ValueError):
        i18n.parse_po('msgctxt "a"\nmsgid unquoted\n')


def test_the_operating_systems_refusals_are_said_in_the_users_language() -> None:
    import errno
    import pickle

    from camcheck.errors import CamcheckError, os_reason

    refused = PermissionError(errno.EACCES, "Permission denied")
    error = CamcheckError("error.unreadable", path="/x.png", reason=os_reason(refused))
    assert error.render("en") == "/x.png: cannot be read (Permission denied)"
    # the Dutch line read "(Permission denied)" before
    assert error.render("nl") == "/x.png: kan niet worden gelezen (Geen toestemming)"
    assert "Bestand of map bestaat niet" in CamcheckError(
        "error.unreadable", path="/y", reason=os_reason(errno.ENOENT)
    ).render("nl")
    # an errno without a catalogue sentence keeps the system's own text
    rare = CamcheckError("error.unreadable", path="/z", reason=os_reason(errno.EMFILE))
    assert "(Too many open files)" in rare.render("nl")
    # it still crosses a process boundary (the corpus tools judge in worker processes)
    again = pickle.loads(pickle.dumps(error))
    assert again.render("nl") == error.render("nl")
