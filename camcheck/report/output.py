"""What a command prints for one source: its report as text or JSON, or why it failed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from camcheck.checks import ui
from camcheck.errors import one_line
from camcheck.report.json_format import dumps, error_dict, report_dict
from camcheck.report.model import Report
from camcheck.report.text import format_report


def _json(document: dict[str, Any], one: bool) -> str:
    """Indented JSON for one source; a JSON line each when there are several (JSON Lines)."""
    return dumps(document) if one else json.dumps(document, ensure_ascii=False)


def report_output(
    report: Report,
    lang: str,
    *,
    as_json: bool = False,
    one: bool = True,
    verbose: bool = False,
    picture: Path | None = None,
) -> str:
    """The report as the user asked for it, naming the marked ``picture`` if one was saved."""
    if as_json:
        document = report_dict(report, lang)
        if picture is not None:
            document["picture"] = one_line(str(picture))  # as "source": stdout stays UTF-8
        return _json(document, one)
    text = format_report(report, lang, verbose=verbose, marked=picture is not None)
    if picture is not None:
        text += "\n" + ui("saved.picture", lang, path=str(picture))
    return text


def error_output(source: str, message: str, *, one: bool = True) -> str:
    """The JSON entry for an input that could not be checked at all."""
    return _json(error_dict(source, message), one)
