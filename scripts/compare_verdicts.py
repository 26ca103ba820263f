"""Verdicts before and after a speed change: every fixture's findings and metrics, exactly.

Not a test: a tool for changes that must not move any verdict (issue 19). Run it once on the
code before the change, and again after:

    python scripts/compare_verdicts.py --write /tmp/before.json
    python scripts/compare_verdicts.py --against /tmp/before.json

Every still (``fixtures/*.jpg`` and ``*.png``) goes through ``camcheck image``'s path and
every clip (``fixtures/*.mp4``) through ``camcheck live --source CLIP``'s path, one shared
Perception as a batch uses it. What is kept per fixture is the report as JSON with every
number at full precision (``repr`` of the float, not the 4 decimals of ``--json``): the
findings (id, severity, measured, region), the metrics, the frame count and which frame the
``--save`` picture would show. ``--against`` prints every fixture whose record differs and
exits 1 if any does.

``--camera`` compares two decoders of the camera path in one run instead: every clip (the
fixtures' and any ``--clips`` given, such as the corpus' real 720p and 1080p ones) is
replayed as an MJPEG camera delivers it, each frame a JPEG (quality CAMERA_JPEG_QUALITY, a
640 px clip first upscaled to 1280x720 as a 720p webcam sends it), once decoded whole and
scaled to the working copy (OpenCV's own conversion, as before) and once as the camera
reader decodes it now (``camera_picture``: at the reduced size). It prints each clip's
finding ids under both, and the largest change of any metric.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cv2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from camcheck.errors import CamcheckError  # noqa: E402
from camcheck.perception import Perception  # noqa: E402
from camcheck.report.model import Report  # noqa: E402
from camcheck.session import Session  # noqa: E402
from camcheck.sources import (  # noqa: E402
    CAMERA_REQUEST_SIZE,
    Frame,
    FrameSource,
    ImageSource,
    VideoSource,
    camera_picture,
    to_rgb8,
)

FIXTURES = ROOT / "fixtures"
STILL_SUFFIXES = (".jpg", ".png")
CLIP_SUFFIXES = (".mp4",)


def record(report: Report) -> dict[str, Any]:
    """Everything a verdict consists of, numbers as exact as Python prints them."""
    snapshot = report.snapshot
    return {
        "kind": report.kind,
        "frames": report.frames_analyzed,
        "duration": repr(report.duration_s),
        "exit": report.exit_code,
        "findings": [
            {
                "id": item.id,
                "severity": item.severity.label,
                "measured": {key: repr(value) for key, value in sorted(item.measured.items())},
                "region": list(item.region) if item.region else None,
            }
            for item in report.findings
        ],
        "metrics": {key: repr(value) for key, value in sorted(report.metrics.items())},
        "snapshot_index": None if snapshot is None else snapshot.scene.index,
    }


def fixtures(only: str | None) -> list[Path]:
    paths = sorted(
        p for p in FIXTURES.iterdir() if p.suffix.lower() in STILL_SUFFIXES + CLIP_SUFFIXES
    )
    return [p for p in paths if only is None or only in p.name]


def run_all(only: str | None) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with Perception() as perception:
        session = Session(perception)
        for path in fixtures(only):
            try:
                source = (
                    ImageSource(path)
                    if path.suffix.lower() in STILL_SUFFIXES
                    else VideoSource(path)
                )
                results[path.name] = record(session.run(source))
            except CamcheckError as exc:
                results[path.name] = {"error": exc.key}
            print(f"{path.name}: {len(results[path.name].get('findings', []))} findings",
                  file=sys.stderr)  # fmt: skip
    return results


# What a webcam's MJPEG encoder does: quality 80 to 90 is usual (the bench uses 85 too).
CAMERA_JPEG_QUALITY = 85
# A clip narrower than this is upscaled to CAMERA_UPSCALE before encoding: a 720p webcam.
CAMERA_MIN_WIDTH = 1280
CAMERA_UPSCALE = (1280, 720)


class MjpegReplay(FrameSource):
    """A clip's frames as JPEGs from a camera, decoded whole or as the camera reader does."""

    kind = "camera"

    def __init__(self, path: Path, reduced: bool) -> None:
        self.name = path.name
        self.reduced = reduced
        video = VideoSource(path)
        self.fps = video.fps
        self.jpegs = []
        for frame in video:
            bgr = cv2.cvtColor(frame.image, cv2.COLOR_RGB2BGR)
            if bgr.shape[1] < CAMERA_MIN_WIDTH:
                bgr = cv2.resize(bgr, CAMERA_UPSCALE, interpolation=cv2.INTER_LINEAR)
            params = [cv2.IMWRITE_JPEG_QUALITY, CAMERA_JPEG_QUALITY]
            self.jpegs.append(cv2.imencode(".jpg", bgr, params)[1].reshape(1, -1))

    def __iter__(self) -> Iterator[Frame]:
        for index, raw in enumerate(self.jpegs):
            if self.reduced:
                picture = camera_picture(raw)
                assert picture is not None
                image, size = picture
            else:
                image, size = to_rgb8(cv2.imdecode(raw, cv2.IMREAD_COLOR)), None
            yield Frame(image, index / self.fps, index, self.kind, CAMERA_REQUEST_SIZE, size)


def compare_camera(clips: list[Path]) -> int:
    """Each clip as an MJPEG camera, decoded whole and reduced: ids and metric changes."""
    changed = 0
    with Perception() as perception:
        for path in clips:
            old, new = (
                record(Session(perception).run(MjpegReplay(path, reduced)))
                for reduced in (False, True)
            )
            ids = [[f["id"] for f in r["findings"]] for r in (old, new)]
            worst, worst_key = 0.0, ""
            for key in set(old["metrics"]) & set(new["metrics"]):
                a, b = float(old["metrics"][key]), float(new["metrics"][key])
                change = abs(a - b) / max(abs(a), abs(b), 1e-9)
                if change > worst:
                    worst, worst_key = change, key
            same = ids[0] == ids[1]
            changed += not same
            verdict = "same ids" if same else "IDS DIFFER"
            print(
                f"{path.name}: {verdict} {ids[0]}"
                + ("" if same else f" -> {ids[1]}")
                + f"; largest metric change {worst:.1%} ({worst_key})"
            )
    print(f"{len(clips)} clips, {changed} with different finding ids")
    return 1 if changed else 0


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """One line per fixture whose record changed, naming the first keys that differ."""
    lines = []
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if old is None or new is None:
            lines.append(f"{name}: only {'after' if old is None else 'before'}")
            continue
        keys = [key for key in sorted(set(old) | set(new)) if old.get(key) != new.get(key)]
        detail = []
        for key in keys:
            if key == "metrics":
                changed = [
                    k
                    for k in sorted(set(old[key]) | set(new[key]))
                    if old[key].get(k) != new[key].get(k)
                ]
                detail.append(f"metrics {', '.join(changed[:6])}")
            elif key == "findings":
                ids = lambda r: [f["id"] for f in r["findings"]]  # noqa: E731
                same_ids = ids(old) == ids(new)
                detail.append("findings' numbers" if same_ids else f"ids {ids(old)} -> {ids(new)}")
            else:
                detail.append(f"{key} {old.get(key)} -> {new.get(key)}")
        lines.append(f"{name}: {'; '.join(detail)}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write this run's records to a JSON file")
    group.add_argument("--against", type=Path, help="compare this run with a written file")
    group.add_argument(
        "--camera", action="store_true", help="compare the camera path's two JPEG decoders"
    )
    parser.add_argument("--only", help="only fixtures whose name contains this")
    parser.add_argument("--clips", nargs="*", type=Path, default=[], help="more clips (--camera)")
    args = parser.parse_args()
    if args.camera:
        clips = [p for p in fixtures(args.only) if p.suffix.lower() in CLIP_SUFFIXES]
        return compare_camera(clips + list(args.clips))
    results = run_all(args.only)
    if args.write:
        args.write.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
        print(f"{len(results)} fixtures written to {args.write}")
        return 0
    before = json.loads(args.against.read_text())
    if args.only:
        before = {name: value for name, value in before.items() if args.only in name}
    lines = differences(before, results)
    for line in lines:
        print(line)
    print(f"{len(results)} fixtures compared, {len(lines)} differ")
    return 1 if lines else 0


if __name__ == "__main__":
    raise SystemExit(main())
