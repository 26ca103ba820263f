"""The text report: findings grouped by the part of the advice they serve, then a verdict."""

from __future__ import annotations

from camcheck.checks import CHECKS, Group, render, ui
from camcheck.findings import Severity
from camcheck.session import Report

_INDENT = "    "


def _held(measured: dict[str, float], lang: str) -> str:
    if "fraction" not in measured:
        return ""
    return (
        " ("
        + ui("label.held", lang, fraction=measured["fraction"], seconds=measured["seconds"])
        + ")"
    )


def verdict(report: Report, lang: str) -> str:
    """Looks good, or how many things to fix and, on a second line, what to do first."""
    serious = [f for f in report.findings if f.severity >= Severity.WARNING]
    if serious:
        # Findings are sorted with the fix that helps most first (severity, then what
        # blocks the rest, then the table's order); repeat its advice as the last word.
        first = render(serious[0], lang)
        return (
            ui("verdict.fix", lang, count=len(serious), first=first.title)
            + "\n"
            + ui("verdict.first_fix", lang, advice=first.advice)
        )
    if report.findings:
        return ui("verdict.info_only", lang, count=len(report.findings))
    return ui("verdict.good", lang)


def format_report(report: Report, lang: str = "en") -> str:
    """The full text report of one source."""
    lines = [ui("header.source", lang, source=report.source, frames=report.frames_analyzed)]
    if report.interrupted:
        lines.append(ui("header.interrupted", lang))
    if report.error is not None:
        lines.append(ui("error.prefix", lang, line=report.error.render(lang)))
    for group in Group:
        items = [f for f in report.findings if CHECKS[f.id].group is group]
        if not items:
            continue
        lines.append("")
        lines.append(ui(f"group.{group.value}", lang))
        for item in items:
            text = render(item, lang)
            label = ui(f"label.{item.severity.label}", lang)
            lines.append(
                f"  [{label}] {text.title} ({item.id}): {text.message}{_held(item.measured, lang)}"
            )
            lines.append(f"{_INDENT}{ui('label.fix', lang)}: {text.advice}")
    lines.append("")
    lines.append(verdict(report, lang))
    return "\n".join(lines)
