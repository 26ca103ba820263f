"""Session: run the analyzers over a source's frames, keep what persists, and build a Report."""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Callable, Iterable, Iterator

from camcheck.analysis import Analysis
from camcheck.analyzers import ANALYZERS, Analyzer
from camcheck.checks import CHECKS, fix_order
from camcheck.errors import CamcheckError, describe
from camcheck.findings import Finding
from camcheck.perception import Perception
from camcheck.pipeline import Lookahead
from camcheck.report.model import Progress, Report, Snapshot, StopRequested, report_order
from camcheck.scene import Scene
from camcheck.selection import Selection
from camcheck.sources import Frame, FrameSource

# Gaps shorter than this inside a run do not break it (one or two dropped detections at
# 30 fps).
BRIDGE_SECONDS = 0.2
# A clip shorter than PERSIST_SECONDS needs the finding for this share of its length.
SHORT_CLIP_SHARE = 0.5
# Numbers kept per measured key over a session; beyond it they are thinned evenly
# (see _Samples), so memory does not grow with the length of a live run.
MAX_SAMPLES = 4096
# The measure (and which way is worse) that says in which frame a finding shows clearest,
# where the check's own metric does not: an intrusion seen as a moving blob or a separate
# body has no second face, but always the share of the picture it takes.
# Hides that hold across a whole video or live report, not only frame by frame, are those
# with this check on either side: "no face" and a finding about your face contradict each
# other whenever each was seen (face.not_found hides the face findings, a washed-out or
# dark face hides "no face"). Others do not: a virtual background seen for a second does
# not undo a cluttered room.
REPORT_HIDER = "face.not_found"
SNAPSHOT_MEASURES: dict[str, tuple[str, str]] = {
    "background.intrusion": ("intrusion_share", "higher"),
}


def _slim(scene: Scene) -> Scene:
    """The scene without its cached planes: what a picture needs, and no more memory."""
    return Scene(
        frame=scene.frame,
        faces=scene.faces,
        person=scene.person,
        source_size=scene.source_size,
        timestamp=scene.timestamp,
        index=scene.index,
        source_kind=scene.source_kind,
        requested_size=scene.requested_size,
        people=scene.people,
    )


class _Samples:
    """Values in arrival order, thinned to every 2**k-th one so that memory stays bounded.

    A uniform subsample keeps the median within a fraction of a percent, and an hour of
    live video (100,000 frames) then holds a few thousand numbers per key, not all of them.
    """

    def __init__(self) -> None:
        self.values: list = []
        self._stride = 1
        self._seen = 0

    def add(self, value: object) -> None:
        if self._seen % self._stride == 0:
            self.values.append(value)
            if len(self.values) >= MAX_SAMPLES:
                self.values = self.values[::2]
                self._stride *= 2
        self._seen += 1

    def median(self) -> float:
        return float(statistics.median(self.values))


class _Track:
    """One check's history over a session: its runs in time and a sample of its numbers."""

    def __init__(self, first: Finding, timestamp: float) -> None:
        self.first = first
        self.hits = 0
        self.first_seen = timestamp
        # Runs split on gaps over BRIDGE_SECONDS; those nearer than BRIDGE_SECONDS plus half
        # a frame are merged at the end, once the frame interval is known.
        self.runs: list[list[float]] = []
        self.measured: dict[str, _Samples] = {}
        self.regions = _Samples()

    def add(self, item: Finding, timestamp: float) -> None:
        self.hits += 1
        if self.runs and timestamp - self.runs[-1][1] <= BRIDGE_SECONDS:
            self.runs[-1][1] = timestamp
        else:
            self.runs.append([timestamp, timestamp])
        for key, value in item.measured.items():
            self.measured.setdefault(key, _Samples()).add(value)
        if item.region is not None:
            self.regions.add(item.region)

    def longest_run(self, frame_step: float) -> float:
        longest = 0.0
        start, end = self.runs[0]
        for run_start, run_end in self.runs[1:]:
            if run_start - end > BRIDGE_SECONDS + frame_step / 2:
                longest = max(longest, end - start + frame_step)
                start = run_start
            end = run_end
        return max(longest, end - start + frame_step)


class _Timeline:
    """When frames were analysed: first and last time, count, and a sample of the intervals."""

    def __init__(self) -> None:
        self.count = 0
        self.first = 0.0
        self.last = 0.0
        self.steps = _Samples()

    def add(self, timestamp: float) -> None:
        if self.count:
            self.steps.add(timestamp - self.last)
        else:
            self.first = timestamp
        self.last = timestamp
        self.count += 1

    @property
    def frame_step(self) -> float:
        return self.steps.median() if self.steps.values else 0.0


def persistent(tracks: dict[str, _Track], timeline: _Timeline) -> list[Finding]:
    """Keep the findings that held long enough; add how long and how often to ``measured``."""
    if timeline.count == 0:
        return []
    if timeline.count == 1:
        return [track.first for track in tracks.values()]
    frame_step = timeline.frame_step
    duration = timeline.last - timeline.first + frame_step
    kept = []
    for track in tracks.values():
        needed = min(CHECKS[track.first.id].hold_s, SHORT_CLIP_SHARE * duration)
        longest = track.longest_run(frame_step)
        if longest + 1e-9 < needed:
            continue
        measured = {key: samples.median() for key, samples in track.measured.items()}
        measured["fraction"] = min(1.0, track.hits * frame_step / duration)
        # Runs count each frame's interval, the clip's length does not count its last one:
        # "longest 5.0 s" would otherwise stand beside "(75 frames over 4.9 s)".
        measured["seconds"] = min(longest, timeline.last - timeline.first)
        measured["first_seen_s"] = track.first_seen - timeline.first
        regions = track.regions.values
        region = regions[len(regions) // 2] if regions else None
        kept.append(Finding(track.first.id, measured, track.first.severity, region))
    return kept


def _shows_better(item: Finding, kept: Snapshot | None) -> bool:
    """Whether this frame shows ``item`` at least as clearly as the kept one does.

    Clearest is where the check's own metric is furthest on the wrong side (the walker fully
    in view, the darkest face), so a saved picture never shows a finding already leaving.
    """
    if kept is None:
        return True
    before = next((f for f in kept.findings if f.id == item.id), None)
    check = CHECKS[item.id]
    key, worse = SNAPSHOT_MEASURES.get(
        item.id, (check.metric, "higher" if check.better == "lower" else "lower")
    )
    if before is None or key not in item.measured or key not in before.measured:
        return True
    now, then = item.measured[key], before.measured[key]
    return now >= then if worse == "higher" else now <= then


def _best_snapshot(findings: list[Finding], snapshots: dict[str, Snapshot]) -> Snapshot | None:
    """Of the kept frames, the one that best shows the report's findings, most severe first.

    Each frame was kept for one finding, where it showed clearest. A frame that shows the
    first (most severe) finding beats any that does not, then the second counts, and so on:
    a finding is worth more than all those after it together.
    """
    findings = sorted(findings, key=fix_order)
    weights = {f.id: 2 ** (len(findings) - i) for i, f in enumerate(findings)}
    best, best_score = None, -1
    for item in findings:
        snapshot = snapshots.get(item.id)
        if snapshot is None:
            continue
        score = sum(weights.get(f.id, 0) for f in snapshot.findings)
        if score > best_score:
            best, best_score = snapshot, score
    return best


def _unhidden(findings: list[Finding], *, report: bool = False) -> list[Finding]:
    """Drop the findings that another finding of the same frame makes meaningless.

    For a whole ``report`` only the hides with REPORT_HIDER on either side hold, and of
    such a pair the report keeps the finding seen the larger share of the time: of "no
    face" and "someone else behind you", the one that held longer (a second without a face
    does not undo five seconds of a walker, nor the other way round). Ties go to the hider.
    """
    hiding = [f for f in findings if CHECKS[f.id].hides]
    if not hiding:
        return findings
    if not report:
        return [f for f in findings if not any(CHECKS[h.id].hides_check(f.id) for h in hiding)]

    def share(item: Finding) -> float:
        return item.measured.get("fraction", 1.0)

    dropped: set[str] = set()
    for hider in hiding:
        for item in findings:
            pair = (hider.id, item.id)
            if REPORT_HIDER not in pair or not CHECKS[hider.id].hides_check(item.id):
                continue
            dropped.add(item.id if share(hider) >= share(item) else hider.id)
    return [f for f in findings if f.id not in dropped]


def _kinded(source: FrameSource) -> Iterator[Frame]:
    """The source's frames, each knowing its kind (a source of its own may leave it out)."""
    for frame in source:
        yield frame if frame.kind is not None else dataclasses.replace(frame, kind=source.kind)


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
                    frame.image,
                    timestamp=frame.timestamp,
                    index=frame.index,
                    source_kind=frame.kind or "image",
                    source_size=frame.source_size,
                    people=self._people,
                )
            )
            if isinstance(perception, Perception)
            else perception
        )
        self.selection = selection or Selection()
        self._analyzer_types = tuple(analyzers)
        # The pose detector runs only for an analyzer that reads its people (the intrusion
        # analyzer) with one of its checks selected.
        self._people = any(
            analyzer.reads_people and any(map(self.selection.wants, analyzer.check_ids))
            for analyzer in self._analyzer_types
        )
        # The run in progress, for progress(): its tracks and timeline.
        self._tracks: dict[str, _Track] = {}
        self._timeline = _Timeline()
        self._latest: dict[str, float] = {}
        self._settled: set[str] = set()

    def progress(self) -> Progress:
        """What the run in progress has settled so far (cheap: one pass over the checks).

        A finding counts as settled once one of its runs has held for its persistence time;
        unlike the final report, a short clip gets no shorter time, so nothing flashes up for
        one frame at the start.
        """
        timeline = self._timeline
        if timeline.count == 0:
            return Progress(0.0, (), frozenset(), {}, {})
        frame_step = timeline.frame_step
        settled, now, last_seen = [], set(), {}
        for check_id, track in self._tracks.items():
            # Once settled, always settled: a long coach run need not rescan its runs.
            if check_id not in self._settled:
                needed = CHECKS[check_id].hold_s
                if track.longest_run(frame_step) + 1e-9 < needed:
                    continue
                self._settled.add(check_id)
            measured = {key: samples.median() for key, samples in track.measured.items()}
            regions = track.regions.values
            region = regions[-1] if regions else None
            settled.append(Finding(check_id, measured, track.first.severity, region))
            last = track.runs[-1][1]
            last_seen[check_id] = last - timeline.first
            if timeline.last - last <= BRIDGE_SECONDS:
                now.add(check_id)
        return Progress(
            timeline.last - timeline.first,
            tuple(report_order(settled)),
            frozenset(now),
            last_seen,
            dict(self._latest),
        )

    def run(
        self,
        source: FrameSource,
        *,
        on_frame: Callable[[Frame, list[Finding]], None] | None = None,
        on_scene: Callable[[Scene, list[Finding]], None] | None = None,
    ) -> Report:
        """Analyse every frame of ``source``; Ctrl-C, q or a failing source end it early.

        The report then holds what was seen so far, with ``interrupted`` or ``error`` set.
        ``on_scene`` sees each analysed scene with its findings (the live preview).
        """
        # Per check id, the last frame where it fired: bounded by the size of the table.
        snapshots: dict[str, Snapshot] = {}
        last: Snapshot | None = None
        tracks: dict[str, _Track] = {}
        samples: dict[str, _Samples] = {}
        timeline = _Timeline()
        self._tracks, self._timeline, self._latest = tracks, timeline, {}
        self._settled = set()
        interrupted = False
        error: CamcheckError | None = None
        skipped = 0
        perception_error: Exception | None = None
        analysis = Analysis(self._analyzer_types, self.selection)
        # Video and live: the next frame is read and perceived while this one is judged.
        perceived = Lookahead(_kinded(source), self._perceive, ahead=source.kind != "image")
        try:
            while True:
                try:
                    item = next(perceived)
                except StopIteration:
                    break
                except (CamcheckError, KeyboardInterrupt):
                    raise
                except Exception as exc:  # a decoder or driver failing mid-stream
                    seconds = timeline.last - timeline.first
                    raise CamcheckError(
                        "error.source_failed",
                        source=source.name,
                        seconds=seconds,
                        reason=describe(exc),
                    ) from exc
                frame, scene = item.frame, item.scene
                if scene is None:
                    error_seen = item.error
                    assert error_seen is not None
                    if isinstance(error_seen, CamcheckError) or not isinstance(
                        error_seen, Exception
                    ):
                        raise error_seen  # includes KeyboardInterrupt
                    # A model failing on one frame: skip that frame.
                    skipped += 1
                    perception_error = error_seen
                    continue
                scene.requested_size = frame.requested_size
                current: list[Finding] = []
                for position in range(len(analysis.analyzers)):
                    measured, found = analysis.step(position, scene)
                    places = analysis.analyzers[position].not_metrics
                    for key, value in measured.items():
                        if key not in places:
                            samples.setdefault(key, _Samples()).add(value)
                    self._latest.update(measured)
                    current.extend(found)
                current = _unhidden(current)
                timeline.add(frame.timestamp)
                last = Snapshot(_slim(scene), tuple(current))
                for item in current:
                    if item.id not in tracks:
                        tracks[item.id] = _Track(item, frame.timestamp)
                    tracks[item.id].add(item, frame.timestamp)
                    if _shows_better(item, snapshots.get(item.id)):
                        snapshots[item.id] = last
                if on_frame is not None:
                    on_frame(frame, current)
                if on_scene is not None:
                    on_scene(scene, current)
        except (KeyboardInterrupt, StopRequested):
            interrupted = True
        except CamcheckError as exc:
            error = exc
        finally:
            try:
                perceived.close()
            finally:
                source.close()
        if not timeline.count and perception_error is not None and error is None:
            error = CamcheckError("error.perception", reason=describe(perception_error))
        # A clip in which no face was found for a while reports no finding about "your face"
        # from its other frames either (a bird the detector took for a face now and then),
        # as REPORT_HIDER says.
        # (the Report puts them in report_order itself)
        findings = list(_unhidden(persistent(tracks, timeline), report=True))
        metrics = {key: values.median() for key, values in samples.items() if values.values}
        if skipped:
            metrics["frames_skipped"] = float(skipped)
        duration = timeline.last - timeline.first
        report = Report(
            source=source.name,
            kind=source.kind,
            frames_analyzed=timeline.count,
            duration_s=duration,
            findings=findings,
            metrics=metrics,
            interrupted=interrupted,
            error=error,
            snapshot=_best_snapshot(findings, snapshots) or last,
        )
        if error is not None and not timeline.count:
            raise error
        return report
