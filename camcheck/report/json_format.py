"""The JSON report: language-neutral keys and ids; message and advice in the chosen language."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

from camcheck.checks import CHECKS, Check, render, ui
from camcheck.errors import one_line
from camcheck.report.model import Report
from camcheck.sources import CameraInfo


def _number(value: float) -> float | None:
    return round(value, 4) if math.isfinite(value) else None


def _sizes(report: Report) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(source size, analysed size) as (width, height), from the report's kept frame."""
    if report.snapshot is None:
        return None
    scene = report.snapshot.scene
    height, width = scene.frame.shape[:2]
    source = scene.source_size if scene.source_size != (0, 0) else (width, height)
    return (int(source[0]), int(source[1])), (width, height)


def source_region(
    region: tuple[int, int, int, int], sizes: tuple[tuple[int, int], tuple[int, int]] | None
) -> list[int]:
    """A region measured on the analysed copy (long side 640 px) in the source's pixels."""
    if sizes is None:
        return list(region)
    (source_w, source_h), (width, height) = sizes
    scale_x, scale_y = source_w / width, source_h / height
    x, y, w, h = region
    return [round(x * scale_x), round(y * scale_y), round(w * scale_x), round(h * scale_y)]


def report_dict(report: Report, lang: str = "en") -> dict[str, Any]:
    """One source's report as plain JSON-ready data.

    ``region`` is in the source's own pixels (``source_size``); the checks measured it on a
    copy whose long side is 640 px (``analysed_size``).
    """
    sizes = _sizes(report)
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
                "region": source_region(item.region, sizes) if item.region else None,
            }
        )
    data: dict[str, Any] = {
        # Named as the error entry names a file (error_dict gets it through one_line): a
        # name's undecodable byte would reach stdout raw, and the JSON would not be UTF-8.
        "source": one_line(report.source),
        "kind": report.kind,
        "frames_analyzed": report.frames_analyzed,
        "duration_s": _number(report.duration_s),
        "interrupted": report.interrupted,
        "exit_code": report.exit_code,
        "findings": findings,
        "metrics": {key: _number(value) for key, value in sorted(report.metrics.items())},
    }
    if sizes is not None:
        data["source_size"], data["analysed_size"] = list(sizes[0]), list(sizes[1])
    if report.error is not None:
        data["error"] = report.error.render(lang)
    elif report.frames_analyzed == 0:
        # Stopped before anything was judged: no findings, but not a clean result either.
        data["error"] = ui("error.interrupted", lang)
    return data


def error_dict(source: str, message: str) -> dict[str, Any]:
    """The entry for an input that could not be checked at all."""
    return {"source": source, "error": message, "exit_code": 2, "findings": []}


def checks_list(checks: Iterable[Check], lang: str = "en") -> list[dict[str, Any]]:
    """The check table as `camcheck checks --json` prints it: each check's rule and words."""
    return [
        {
            "id": check.id,
            "group": check.group.value,
            "severity": check.severity.label,
            "title": check.text(lang).title,
            "advice": check.text(lang).advice,
            "metric": check.metric,
            "threshold": check.threshold,
            "better": check.better,
            "rule": check.the_rule.to_json(),
            "hides": list(check.hides),
            "source": check.source,
            "persist_s": check.hold_s,
        }
        for check in checks
    ]


def cameras_list(cameras: Iterable[CameraInfo]) -> list[dict[str, Any]]:
    """What `camcheck devices --json` prints: one entry per camera that opened."""
    return [
        {
            "index": info.index,
            "width": info.width,
            "height": info.height,
            "fps": round(info.fps, 1),
            "delivering": info.delivering,
        }
        for info in cameras
    ]


def dumps(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
