"""Session: run the analyzers over a source's frames, keep what persists, and build a Report."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from camcheck.analyzers import ANALYZERS, Analyzer
from camcheck.checks import CHECKS
from camcheck.errors import CamcheckError
from camcheck.findings import Finding, Severity
from camcheck.perception import Perception
from camcheck.scene import Scene
from camcheck.selection import Selection
from camcheck.sources import Frame, FrameSource

# A finding in a video or live session must hold this long without a break before it is
# reported: shorter blips are flicker (auto-exposure settling, a hand passing the face).
PERSIST_SECONDS = 1.0
# Gaps shorter than this inside a run do not break it (one or two dropped detections at
# 30 fps).
BRIDGE_SECONDS = 0.2
# A clip shorter than PERSIST_SECONDS needs the finding for this share of its length.
SHORT_CLIP_SHARE = 0.5


@dataclass
class Report:
    """The outcome of checking one source."""

    source: str
    kind: str
    frames_analyzed: int
    duration_s: float
    findings: list[Finding]
    metrics: dict[str, float] = field(default_factory=dict)
    interrupted: bool = False
    error: CamcheckError | None = None

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    @property
    def exit_code(self) -> int:
        """0 looks good, 1 a warning or worse, 2 could not check."""
        if self.frames_analyzed == 0:
            return 2
        worst = self.worst
        if worst is not None and worst >= Severity.WARNING:
            return 1
        return 2 if self.error is not None else 0


def _order(item: Finding) -> tuple[int, int]:
    """Most severe first; within a severity, in the table's order."""
    return (-int(item.severity), list(CHECKS).index(item.id))


def persistent(
    tracks: dict[str, list[tuple[float, Finding]]],
    timestamps: Sequence[float],
) -> list[Finding]:
    """Keep the findings that held long enough; add how long and how often to ``measured``.

    Args:
        tracks: check id -> (timestamp, finding) for every frame where it fired.
        timestamps: The timestamps of all analysed frames, in order.
    """
    if not timestamps:
        return []
    if len(timestamps) == 1:
        return [hits[0][1] for hits in tracks.values() if hits]
    steps = [b - a for a, b in itertools.pairwise(timestamps)]
    frame_step = statistics.median(steps) if steps else 0.0
    duration = timestamps[-1] - timestamps[0] + frame_step
    kept = []
    for hits in tracks.values():
        if not hits:
            continue
        # A check may ask for another duration than the default (Check.persist_s).
        persist = CHECKS[hits[0][1].id].persist_s
        needed = min(PERSIST_SECONDS if persist is None else persist, SHORT_CLIP_SHARE * duration)
        times = [t for t, _ in hits]
        longest, run_start, previous = 0.0, times[0], times[0]
        for t in times[1:]:
            if t - previous > BRIDGE_SECONDS + frame_step / 2:
                longest = max(longest, previous - run_start + frame_step)
                run_start = t
            previous = t
        longest = max(longest, previous - run_start + frame_step)
        if longest + 1e-9 < needed:
            continue
        first = hits[0][1]
        keys = first.measured.keys()
        measured = {
            key: statistics.median(f.measured[key] for _, f in hits if key in f.measured)
            for key in keys
        }
        measured["fraction"] = min(1.0, len(hits) * frame_step / duration)
        measured["seconds"] = longest
        measured["first_seen_s"] = times[0] - timestamps[0]
        regions = [f.region for _, f in hits if f.region is not None]
        kept.append(
            Finding(
                first.id, measured, first.severity, regions[len(regions) // 2] if regions else None
            )
        )
    return kept


class Session:
    """Checks the frames of one source with one set of analyzers."""

    def __init__(
        self,
        perception: Perception | Callable[[Frame], Scene],
        *,
        selection: Selection | None = None,
        analyzers: Iterable[type[Analyzer]] = ANALYZERS,
    ) -> None:
        self._perceive = (
            (
                lambda frame: perception.scene(
                    frame.image, timestamp=frame.timestamp, index=frame.index
                )
            )
            if isinstance(perception, Perception)
            else perception
        )
        self.selection = selection or Selection()
        self._analyzer_types = tuple(analyzers)

    def run(
        self,
        source: FrameSource,
        *,
        on_frame: Callable[[Frame, list[Finding]], None] | None = None,
    ) -> Report:
        """Analyse every frame of ``source``; Ctrl-C or a failing source end it early.

        The report then holds what was seen so far, with ``interrupted`` or ``error`` set.
        """
        analyzers = [cls() for cls in self._analyzer_types]
        tracks: dict[str, list[tuple[float, Finding]]] = {}
        samples: dict[str, list[float]] = {}
        timestamps: list[float] = []
        interrupted = False
        error: CamcheckError | None = None
        try:
            for frame in source:
                scene = self._perceive(frame)
                current: list[Finding] = []
                for analyzer in analyzers:
                    measured = analyzer.measure(scene)
                    for key, value in measured.items():
                        samples.setdefault(key, []).append(value)
                    current.extend(
                        f for f in analyzer.judge(scene, measured) if self.selection.wants(f.id)
                    )
                timestamps.append(frame.timestamp)
                for item in current:
                    tracks.setdefault(item.id, []).append((frame.timestamp, item))
                if on_frame is not None:
                    on_frame(frame, current)
        except KeyboardInterrupt:
            interrupted = True
        except CamcheckError as exc:
            error = exc
        finally:
            source.close()
        findings = sorted(persistent(tracks, timestamps), key=_order)
        metrics = {key: statistics.median(values) for key, values in samples.items() if values}
        duration = (timestamps[-1] - timestamps[0]) if len(timestamps) > 1 else 0.0
        report = Report(
            source=source.name,
            kind=source.kind,
            frames_analyzed=len(timestamps),
            duration_s=duration,
            findings=findings,
            metrics=metrics,
            interrupted=interrupted,
            error=error,
        )
        if error is not None and not timestamps:
            raise error
        return report
