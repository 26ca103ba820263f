"""CamcheckError: a failure the user understands, named by a key in the check table's UI texts."""

from __future__ import annotations

# Error lines quote an exception's text up to this length: one line on a terminal.
MAX_REASON_CHARS = 160


class CamcheckError(Exception):
    """Could not check: shown as one line on stderr, and camcheck exits 2.

    The sentence is not stored; ``key`` names it in :data:`camcheck.checks.UI` so it is shown
    in the user's language.
    """

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self, lang: str = "en") -> str:
        from camcheck.checks import ui

        return ui(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.render()


def describe(exc: BaseException) -> str:
    """A short, one-line description of an unexpected exception, for an error line."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= MAX_REASON_CHARS else text[: MAX_REASON_CHARS - 1] + "…"
