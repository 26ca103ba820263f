"""The text report: findings grouped by the part of the advice they serve, then a verdict."""

from __future__ import annotations

from collections.abc import Iterable

from camcheck.checks import CHECKS, Check, Group, fix_order, plain_message, render, ui
from camcheck.findings import Finding, Severity
from camcheck.report.model import Report
from camcheck.sources import CameraInfo

_INDENT = "    "


def _counted(key: str, count: int, lang: str, **values: object) -> str:
    """The singular or plural sentence of ``key`` (``key.one`` / ``key.many``)."""
    return ui(f"{key}.{'one' if count == 1 else 'many'}", lang, count=count, **values)


def _held(measured: dict[str, float], lang: str) -> str:
    if "fraction" not in measured:
        return ""
    return (
        " ("
        + ui("label.held", lang, fraction=measured["fraction"], seconds=measured["seconds"])
        + ")"
    )


def fix_first(findings: list[Finding]) -> Finding | None:
    """The finding that matters most to the picture others see (severity, then impact)."""
    serious = [f for f in findings if f.severity >= Severity.WARNING]
    return min(serious, key=fix_order) if serious else None


def verdict(report: Report, lang: str) -> str:
    """Looks good, or how many things to fix and which one to start with.

    A check that did not finish (no frame judged, or a source that failed part-way) never
    looks good: what it found so far is still worth fixing, but its silence means nothing.
    """
    serious = [f for f in report.findings if f.severity >= Severity.WARNING]
    first = fix_first(report.findings)
    if first is not None:
        title = render(first, lang).title
        return _counted("verdict.fix", len(serious), lang, first=title)
    if report.frames_analyzed == 0 or report.error is not None:
        return ui("verdict.unfinished", lang)
    if report.findings:
        return _counted("verdict.info_only", len(report.findings), lang)
    return ui("verdict.good", lang)


def header(report: Report, lang: str) -> str:
    """The source, and how much of it was judged (a photo is one picture, not 1 frame)."""
    if report.kind == "image":
        return ui("header.photo", lang, source=report.source)
    return _counted(
        "header.video",
        report.frames_analyzed,
        lang,
        source=report.source,
        frames=report.frames_analyzed,
        seconds=float(report.duration_s),
    )


def ordered(findings: list[Finding]) -> list[tuple[Group, list[Finding]]]:
    """The report's findings by group, in the report's own order (report_order)."""
    groups: dict[Group, list[Finding]] = {}
    for item in findings:
        groups.setdefault(CHECKS[item.id].group, []).append(item)
    return list(groups.items())


def format_report(
    report: Report, lang: str = "en", *, verbose: bool = False, marked: bool = False
) -> str:
    """The full text report of one source.

    Args:
        report: What was found.
        lang: Language.
        verbose: Also give each finding's exact numbers (its technical message).
        marked: A picture with the marks was saved, so messages may point to it.
    """
    lines = [header(report, lang)]
    if report.interrupted:
        lines.append(ui("header.interrupted", lang))
    if report.error is not None:
        # The error itself is the command's one line on stderr; here only that it broke off.
        lines.append(ui("header.failed", lang))
    for group, items in ordered(report.findings):
        lines.append("")
        lines.append(ui(f"group.{group.value}", lang))
        for item in items:
            text = render(item, lang)
            label = ui(f"label.{item.severity.label}", lang)
            message = plain_message(item, lang, marked=marked)
            lines.append(
                f"  [{label}] {text.title} ({item.id}): {message}{_held(item.measured, lang)}"
            )
            if verbose and message != text.message:
                lines.append(f"{_INDENT}{ui('label.measured', lang)}: {text.message}")
            lines.append(f"{_INDENT}{ui('label.fix', lang)}: {text.advice}")
    lines.append("")
    lines.append(verdict(report, lang))
    return "\n".join(lines)


def format_checks(checks: Iterable[Check], lang: str) -> str:
    """What `camcheck checks` prints: each check's id, severity, title and advice."""
    checks = list(checks)
    lines = [ui("checks.header", lang, count=len(checks))]
    for check in checks:
        text = check.text(lang)
        lines += ["", f"{check.id}  [{ui('label.' + check.severity.label, lang)}]  {text.title}"]
        lines.append(f"{_INDENT}{text.advice}")
    return "\n".join(lines)


def format_cameras(cameras: Iterable[CameraInfo], lang: str) -> str:
    """What `camcheck devices` prints: a line per camera that opened."""
    lines = []
    for info in cameras:
        if info.delivering:
            lines.append(
                ui(
                    "devices.camera",
                    lang,
                    index=info.index,
                    width=info.width,
                    height=info.height,
                    fps=round(info.fps),
                )
            )
        else:
            lines.append(ui("devices.silent", lang, index=info.index))
    return "\n".join(lines)
