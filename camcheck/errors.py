"""CamcheckError: a failure the user understands, named by a key in the check table's UI texts."""

from __future__ import annotations

import errno
import os
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


# The operating system's refusals that a user meets (a file missing, no permission, a full or
# read-only disk...), by errno name: their sentence comes from the catalogues
# (``oserror.<NAME>``), so a Dutch user does not read "Permission denied". Any other errno
# keeps the operating system's own text.
TRANSLATED_ERRNOS = (
    "ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS", "ENAMETOOLONG",
    "ELOOP", "EIO", "EBUSY", "EDQUOT",
)  # fmt: skip


class OsReason(str):
    """An operating-system error's text that remembers its errno, so a CamcheckError renders
    it in the user's language (the str itself is the system's own English text)."""

    name: str | None

    def __new__(cls, text: str, code: int | None = None) -> OsReason:
        reason = super().__new__(cls, text)
        name = errno.errorcode.get(code) if code is not None else None
        reason.name = name if name in TRANSLATED_ERRNOS else None
        return reason

    def shown(self, lang: str) -> str:
        from camcheck.checks import UI, ui

        key = f"oserror.{self.name}"
        return ui(key, lang) if self.name is not None and key in UI else str(self)


def said(value: str, lang: str) -> str:
    """A reason as the user reads it: an OS refusal's catalogue sentence, else ``value``."""
    return value.shown(lang) if isinstance(value, OsReason) else value


def os_reason(exc: OSError | int) -> OsReason:
    """The reason to show for an OSError (or an errno): translatable where it is common."""
    if isinstance(exc, int):
        return OsReason(os.strerror(exc), exc)
    return OsReason(exc.strerror or str(exc), exc.errno)


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
            name: one_line(said(value, lang)) if isinstance(value, str) else value
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
