"""Soak test (not in CI): run the live pipeline on a looped clip and record memory over time.

The clip is decoded afresh on every loop, as a camera delivers new frames, and frames go
through the same Session as `camcheck live`, as fast as the machine allows (about twice real
time on 2 cores, so ten minutes of soak is about twenty of a call).

    python scripts/soak.py [--minutes 10] [--every 5] [--clip fixtures/sample_call.mp4]

Prints RSS every few seconds and, at the end, the growth per 10,000 frames after warm-up.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from camcheck.perception import Perception  # noqa: E402
from camcheck.session import Session  # noqa: E402
from camcheck.sources import Frame, FrameSource, VideoSource  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class LoopedClip(FrameSource):
    """A video file played again and again for ``seconds`` of wall time, timestamps running on."""

    # "video", not "camera": the clip's 640x360 at 15 fps would otherwise be judged as a
    # camera's resolution and frame rate.
    kind = "video"

    def __init__(self, path: Path, seconds: float) -> None:
        self.path = path
        self.seconds = seconds
        self.name = f"{path} (looped)"
        self.frames = 0

    def __iter__(self) -> Iterator[Frame]:
        start = time.monotonic()
        offset = 0.0
        while time.monotonic() - start < self.seconds:
            last = 0.0
            for frame in VideoSource(self.path):
                last = frame.timestamp
                yield Frame(frame.image, offset + frame.timestamp, self.frames, frame.kind)
                self.frames += 1
            offset += last + 1 / 15


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--every", type=float, default=5.0, help="seconds between samples")
    parser.add_argument("--clip", type=Path, default=ROOT / "fixtures" / "sample_call.mp4")
    args = parser.parse_args()
    source = LoopedClip(args.clip, args.minutes * 60)
    samples: list[tuple[float, int, float]] = []
    done = threading.Event()
    start = time.monotonic()

    def sample() -> None:
        while not done.wait(args.every):
            samples.append((time.monotonic() - start, source.frames, rss_mb()))
            print(
                f"{samples[-1][0]:7.0f} s  {samples[-1][1]:7d} frames  {samples[-1][2]:7.1f} MB",
                flush=True,
            )

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    with Perception() as perception:
        report = Session(perception).run(source)
    done.set()
    sampler.join()
    print(f"frames analysed: {report.frames_analyzed}, findings: {[f.id for f in report.findings]}")
    warm = [s for s in samples if s[0] >= 30] or samples
    if len(warm) >= 2:
        (t0, f0, m0), (t1, f1, m1) = warm[0], warm[-1]
        per_10k = (m1 - m0) / max(1, f1 - f0) * 10_000
        print(
            f"RSS {m0:.1f} MB after warm-up -> {m1:.1f} MB at the end "
            f"({f1 - f0} frames): {per_10k:+.2f} MB per 10,000 frames; "
            f"{(f1 - f0) / max(1e-9, t1 - t0):.0f} frames/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
