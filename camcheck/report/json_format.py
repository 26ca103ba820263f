"""The JSON report: language-neutral keys and ids; message and advice in the chosen language."""

from __future__ import annotations

import json
import math
from typing import Any

from camcheck.checks import CHECKS, render
from camcheck.session import Report


def _number(value: float) -> float | None:
    return round(value, 4) if math.isfinite(value) else None


def report_dict(report: Report, lang: str = "en") -> dict[str, Any]:
    """One source's report as plain JSON-ready data."""
    findings = []
    for item in report.findings:
        text = render(item, lang)
        findings.append(
            {
                "id": item.id,
                "severity": item.severity.label,
                "group": CHECKS[item.id].group.value,
                "title": text.title,
                "message": text.message,
                "advice": text.advice,
                "measured": {key: _number(value) for key, value in item.measured.items()},
                "region": list(item.region) if item.region else None,
            }
        )
    data: dict[str, Any] = {
        "source": report.source,
        "kind": report.kind,
        "frames_analyzed": report.frames_analyzed,
        "duration_s": _number(report.duration_s),
        "interrupted": report.interrupted,
        "exit_code": report.exit_code,
        "findings": findings,
        "metrics": {key: _number(value) for key, value in sorted(report.metrics.items())},
    }
    if report.error is not None:
        data["error"] = report.error.render(lang)
    return data


def error_dict(source: str, message: str) -> dict[str, Any]:
    """The entry for an input that could not be checked at all."""
    return {"source": source, "error": message, "exit_code": 2, "findings": []}


def dumps(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
