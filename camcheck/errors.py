"""CamcheckError: a failure the user understands, named by a key in the check table's UI texts."""

from __future__ import annotations

import unicodedata

# Error lines quote an exception's text up to this length: one line on a terminal.
MAX_REASON_CHARS = 160


def one_line(text: str) -> str:
    """``text`` with every control character escaped (a newline in a file name becomes \\n).

    An error line must stay one line, and a file name may hold any byte but "/" and NUL.
    """
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char.isprintable() or char == " ":
            out.append(char)
        elif char in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char])
        elif unicodedata.category(char) in ("Cc", "Cs") or ord(char) < 0x100:
            out.append(char.encode("unicode_escape", "backslashreplace").decode("ascii"))
        else:  # a line or paragraph separator, or another invisible format character
            out.append(f"\\u{ord(char):04x}")
    return "".join(out)


class CamcheckError(Exception):
    """Could not check: shown as one line on stderr, and camcheck exits 2.

    The sentence is not stored; ``key`` names it in :data:`camcheck.checks.UI` so it is shown
    in the user's language. Any parameter name is allowed (``lang`` and ``key`` too).
    """

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self, lang: str = "en") -> str:
        """The sentence in ``lang``, on one line whatever the parameters hold."""
        from camcheck.checks import UI, ui

        if self.key not in UI:  # never a KeyError in the middle of reporting an error
            return one_line(f"{self.key} {self.params}")
        shown = {
            name: one_line(value) if isinstance(value, str) else value
            for name, value in self.params.items()
        }
        return one_line(ui(self.key, lang, **shown))

    def __str__(self) -> str:
        return self.render()


def describe(exc: BaseException) -> str:
    """A short, one-line description of an unexpected exception, for an error line."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = one_line(text)
    return text if len(text) <= MAX_REASON_CHARS else text[: MAX_REASON_CHARS - 1] + "…"
