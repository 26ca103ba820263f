"""Benchmark: per-frame milliseconds per stage, cold start of `camcheck image`, peak memory.

Not a test: figures depend on the machine. Run it on the 2-core reference machine and copy
the Markdown it prints into the README.

    python scripts/bench.py [--frames 200] [--runs 5]

Stages per frame, at 640x480, 1280x720 and 1920x1080 (a webcam frame made from the
good_obama fixture, JPEG-encoded as an MJPEG camera delivers it):
decode (JPEG -> RGB, as the camera reader decodes it: at the reduced size that still gives
the 640 px working copy), working copy (downscale to 640), face detection (short range, and full
range every few frames), face landmarks (the primary face), person segmentation, then each
analyzer (its measure and judge at its cadence, as the Session runs it, including the Scene
planes it is first to use). These stages run one after another in one thread.

The headline figure is the real thing: the same frames through camcheck's camera source and
Session.run, as `camcheck live` on an MJPEG webcam runs them (the reader thread decodes each
JPEG, the next frame is perceived one ahead while the analyzers judge the last, each analyzer
at its cadence), as wall time per frame, in one-second stretches.

With the `reference` extra installed (MediaPipe), the same run also times the bare MediaPipe
baseline on the same frames: decode, then MediaPipe Tasks' FaceDetector and ImageSegmenter
with camcheck's models, nothing else (frame by frame between the stages, and after each
Session stretch on the same frames); and the cold start of a bare script that loads both
models through Tasks and runs them on one still. It prints camcheck/bare for each.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from camcheck.analysis import Analysis  # noqa: E402
from camcheck.analyzers import ANALYZERS  # noqa: E402
from camcheck.perception import (  # noqa: E402
    SEGMENTER_LANDSCAPE_MODEL,
    SHORT_RANGE_MODEL,
    WORKING_LONG_SIDE,
    Perception,
    models_dir,
    native_stderr_silenced,
    working_copy,
)
from camcheck.scene import Scene  # noqa: E402
from camcheck.selection import Selection  # noqa: E402
from camcheck.session import Session  # noqa: E402
from camcheck.sources import (  # noqa: E402
    CAMERA_QUEUE_FRAMES,
    CameraSource,
    camera_picture,
)

RESOLUTIONS = [(640, 480), (1280, 720), (1920, 1080)]


def webcam_frames(size: tuple[int, int], count: int) -> list[bytes]:
    """JPEG frames of a seated person at ``size``, slightly different from each other."""
    photo = cv2.imread(str(ROOT / "fixtures" / "good_obama.jpg"))
    width = size[0]
    scale = width / photo.shape[1]
    rng = np.random.default_rng(0)
    frames = []
    for i in range(count):
        dx = 4 * np.sin(i / 7)
        matrix = np.float32([[scale, 0, dx], [0, scale, 0]])
        frame = cv2.warpAffine(photo, matrix, size, borderMode=cv2.BORDER_REFLECT)
        noise = rng.normal(0, 2, frame.shape)
        frame = np.clip(frame + noise, 0, 255).astype(np.uint8)
        frames.append(cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 85])[1].tobytes())
    return frames


def time_stages(
    perception: Perception,
    frames: list[bytes],
    between: Callable[[bytes], None] | None = None,
) -> dict[str, list[float]]:
    """Per-stage milliseconds of each frame; ``between`` runs after each frame, untimed here
    (the bare baseline on the same frame, so both see the same load on a shared machine)."""
    timings: dict[str, list[float]] = {}

    def record(name: str, start: float) -> float:
        now = time.perf_counter()
        timings.setdefault(name, []).append((now - start) * 1000)
        return now

    # As the Session runs them: each analyzer at its cadence (Analyzer.every_s).
    analysis = Analysis(ANALYZERS, Selection())
    for index, data in enumerate(frames):
        t = time.perf_counter()
        image, source_size = delivered(data)
        t = record("decode", t)
        frame = working_copy(image, WORKING_LONG_SIDE)
        t = record("working copy", t)
        # What Perception.find_faces does for a camera frame, in its two parts.
        found = perception._found_faces(frame, "camera", index)
        t = record("face detection", t)
        found_scene = Scene(
            frame=frame, faces=tuple(perception._face(f, frame.shape) for f in found)
        )
        perception._landmark_primary(found_scene, found, "camera", index)
        faces = list(found_scene.faces)
        t = record("face landmarks", t)
        person = perception.segment_person(frame, source_kind="camera")
        t = record("segmentation", t)
        scene = Scene(
            frame=frame,
            faces=tuple(faces),
            person=person,
            source_size=source_size or (image.shape[1], image.shape[0]),
            timestamp=index / 30,
            index=index,
            # As a live camera delivers them, so the camera checks do their real work.
            source_kind="camera",
        )
        for position, analyzer in enumerate(analysis.analyzers):
            analysis.step(position, scene)
            t = record(f"analyzer {type(analyzer).__name__}", t)
        if between is not None:
            between(data)
    return timings


def delivered(data: bytes) -> tuple[np.ndarray, tuple[int, int] | None]:
    """One MJPEG frame as camcheck's camera reader turns it into a picture.

    An MJPEG camera opened by ``open_camera`` hands back each JPEG as it came (one row of
    bytes, V4L2 with CAP_PROP_CONVERT_RGB off), and the reader decodes it with
    ``camera_picture``: at the reduced size the working copy needs.
    """
    picture = camera_picture(np.frombuffer(data, np.uint8).reshape(1, -1))
    assert picture is not None
    return picture


class ReplayCapture:
    """A webcam for camcheck's real CameraSource: hands back each JPEG of ``frames`` as an
    MJPEG camera opened by ``open_camera`` does (one row of bytes, V4L2 with
    CAP_PROP_CONVERT_RGB off), at most ``room`` frames ahead of the analysis, so that none
    is dropped; its clock says each frame came 1/CAMERA_FPS after the last.

    So the frames take the product's whole camera path: the reader thread decodes them
    (``camera_picture``) and queues them, the Session perceives one ahead and judges, each
    analyzer at its cadence of a 30 fps camera.
    """

    def __init__(self, frames: list[bytes], room: threading.Semaphore) -> None:
        self.frames = [np.frombuffer(data, np.uint8).reshape(1, -1) for data in frames]
        self.room = room
        self.delivered = 0

    def isOpened(self) -> bool:
        return True

    def read(self) -> tuple[bool, np.ndarray]:
        self.room.acquire()
        # One more than there are: the frame whose time is past the watch ends the source.
        raw = self.frames[min(self.delivered, len(self.frames) - 1)]
        self.delivered += 1
        return True, raw

    def clock(self) -> float:
        return self.delivered / CAMERA_FPS

    def release(self) -> None:
        pass


def camera_run(perception: Perception, frames: list[bytes]) -> None:
    """``frames`` through camcheck's camera source and Session.run, every one judged."""
    # Frames read ahead of those judged: under the source's queue (CAMERA_QUEUE_FRAMES),
    # which would drop the oldest beyond it.
    room = threading.Semaphore(CAMERA_QUEUE_FRAMES - 1)
    capture = ReplayCapture(frames, room)
    # Half a frame short of the last frame's end, so float rounding cannot let one more in.
    seconds = (len(frames) - 0.5) / CAMERA_FPS
    source = CameraSource(0, seconds, opener=lambda index: capture, clock=capture.clock)
    report = Session(perception).run(source, on_frame=lambda frame, found: room.release())
    assert report.frames_analyzed == len(frames), report.frames_analyzed


CAMERA_FPS = 30.0
# Frames per stretch of the side-by-side run: a second of video, so each analyzer's
# cadence (every_s) comes round as often as in a long run.
CHUNK_FRAMES = 30


def time_session(
    perception: Perception, frames: list[bytes], baseline: BareTasks | None
) -> dict[str, list[float]]:
    """Milliseconds a frame of the real Session.run and of the bare baseline, per stretch.

    The frames go through camcheck's camera source and Session in stretches of CHUNK_FRAMES
    (the reader thread decoding, the one-frame lookahead, every analyzer at its cadence,
    persistence; see camera_run), each stretch followed by the bare baseline on the same
    frames, so both see the same load on a shared machine. Each stretch is a camera run of
    its own, as `camcheck live` is (its first frame gets every pass). Besides
    wall time, the process's CPU time (all threads): on a loaded machine wall time mostly
    says how much of a core the scheduler gave, CPU time how much work was done.
    """
    times: dict[str, list[float]] = {"ours": [], "bare": [], "ours cpu": [], "bare cpu": []}
    for start in range(0, len(frames) - CHUNK_FRAMES + 1, CHUNK_FRAMES):
        chunk = frames[start : start + CHUNK_FRAMES]
        began, cpu = time.perf_counter(), time.process_time()
        camera_run(perception, chunk)
        times["ours"].append((time.perf_counter() - began) * 1000 / len(chunk))
        times["ours cpu"].append((time.process_time() - cpu) * 1000 / len(chunk))
        if baseline is not None:
            baseline.timings.clear()
            cpu = time.process_time()
            for data in chunk:
                baseline.run(data)
            times["bare cpu"].append((time.process_time() - cpu) * 1000 / len(chunk))
            times["bare"].append(statistics.fmean(baseline.timings))
    return times


# Share of the slowest and of the fastest frames left out of each mean: a shared machine's
# stalls go, while work done on every 3rd or 5th frame (landmarks, full range) still counts.
TRIM = 0.05


def trimmed_mean(values: list[float]) -> float:
    ordered = sorted(values)
    cut = int(len(ordered) * TRIM)
    kept = ordered[cut : len(ordered) - cut] or ordered
    return statistics.fmean(kept)


def _median_run(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MB) of ``command``."""
    walls, peaks = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
        peaks.append(max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
    return statistics.median(walls), max(peaks) / 1024


STILL = ROOT / "fixtures" / "good_obama.jpg"
# The bare one-still script: import MediaPipe, load both models, detect and segment one still.
BARE_STILL = f"""
import cv2, mediapipe as mp
from mediapipe.tasks.python import BaseOptions, vision
image = cv2.cvtColor(cv2.imread({str(STILL)!r}), cv2.COLOR_BGR2RGB)
frame = mp.Image(image_format=mp.ImageFormat.SRGB, data=image)
detector = vision.FaceDetector.create_from_options(vision.FaceDetectorOptions(
    base_options=BaseOptions(model_asset_path={str(models_dir() / SHORT_RANGE_MODEL)!r})))
segmenter = vision.ImageSegmenter.create_from_options(vision.ImageSegmenterOptions(
    base_options=BaseOptions(model_asset_path={str(models_dir() / SEGMENTER_LANDSCAPE_MODEL)!r}),
    output_confidence_masks=True, output_category_mask=False))
print(len(detector.detect(frame).detections), segmenter.segment(frame).confidence_masks[0].width)
detector.close()
segmenter.close()
"""


def cold_start(runs: int) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MB) of `camcheck image` on one fixture."""
    exe = Path(sys.executable).with_name("camcheck")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "camcheck"]
    return _median_run([*command, "image", str(STILL)], runs)


def has_mediapipe() -> bool:
    return importlib.util.find_spec("mediapipe") is not None


class BareTasks:
    """The bare MediaPipe baseline: Tasks' FaceDetector and ImageSegmenter, nothing else."""

    def __init__(self) -> None:
        with native_stderr_silenced():
            import mediapipe as mp
            from mediapipe.tasks.python import BaseOptions, vision

            self.mp = mp
            self.timings: list[float] = []
            self.detector = vision.FaceDetector.create_from_options(
                vision.FaceDetectorOptions(
                    base_options=BaseOptions(model_asset_path=str(models_dir() / SHORT_RANGE_MODEL))
                )
            )
            self.segmenter = vision.ImageSegmenter.create_from_options(
                vision.ImageSegmenterOptions(
                    base_options=BaseOptions(
                        model_asset_path=str(models_dir() / SEGMENTER_LANDSCAPE_MODEL)
                    ),
                    output_confidence_masks=True,
                    output_category_mask=False,
                )
            )

    def run(self, data: bytes) -> None:
        """Decode one JPEG frame, detect faces and segment the person; record milliseconds."""
        start = time.perf_counter()
        image = cv2.cvtColor(
            cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB
        )
        frame = self.mp.Image(image_format=self.mp.ImageFormat.SRGB, data=image)
        with native_stderr_silenced():
            self.detector.detect(frame)
            self.segmenter.segment(frame)
        self.timings.append((time.perf_counter() - start) * 1000)

    def close(self) -> None:
        with native_stderr_silenced():
            self.detector.close()
            self.segmenter.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--sizes",
        default=",".join(f"{w}x{h}" for w, h in RESOLUTIONS),
        help="resolutions to time, e.g. 1280x720 (default: all three)",
    )
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes.split(",")]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, OpenCV {cv2.__version__}"
    )
    # Cold start first, while this process is small: a forked child counts its parent's
    # pages as resident until it execs, which would inflate the child's peak RSS.
    wall, peak = cold_start(args.runs)
    bare_wall = (
        _median_run([sys.executable, "-c", BARE_STILL], args.runs)[0] if has_mediapipe() else None
    )
    results: dict[tuple[int, int], dict[str, float]] = {}
    bare: dict[tuple[int, int], float] = {}
    session: dict[tuple[int, int], dict[str, float]] = {}
    baseline = BareTasks() if has_mediapipe() else None
    with Perception() as perception:
        for size in sizes:
            frames = webcam_frames(size, args.frames + 10)
            between = baseline.run if baseline is not None else None
            time_stages(perception, frames[:10], between)  # warm up
            if baseline is not None:
                baseline.timings.clear()
            timings = time_stages(perception, frames[10:], between)
            results[size] = {name: trimmed_mean(v) for name, v in timings.items()}
            results[size]["p95 whole pipeline"] = float(
                np.percentile([sum(vals) for vals in zip(*timings.values(), strict=True)], 95)
            )
            if baseline is not None:
                bare[size] = trimmed_mean(baseline.timings)
            times = time_session(perception, frames[10:], baseline)
            session[size] = {
                key: statistics.median(values) for key, values in times.items() if values
            }
            if times["bare"]:
                for key in ("", " cpu"):
                    pairs = zip(times["ours" + key], times["bare" + key], strict=True)
                    session[size]["ratio" + key] = statistics.median(a / b for a, b in pairs)
    if baseline is not None:
        baseline.close()
    stages = list(results[sizes[0]])
    header = (
        "| stage (mean ms per frame, 5% trimmed) | "
        + " | ".join(f"{w}x{h}" for w, h in sizes)
        + " |"
    )
    print()
    print(header)
    print("|---" * (len(sizes) + 1) + "|")
    for stage in stages:
        if stage == "p95 whole pipeline":
            continue
        print(f"| {stage} | " + " | ".join(f"{results[s][stage]:.2f}" for s in sizes) + " |")
    totals = {s: sum(v for k, v in results[s].items() if k != "p95 whole pipeline") for s in sizes}
    print("| **whole pipeline** | " + " | ".join(f"**{totals[s]:.2f}**" for s in sizes) + " |")
    print(
        "| whole pipeline, 95th percentile | "
        + " | ".join(f"{results[s]['p95 whole pipeline']:.2f}" for s in sizes)
        + " |"
    )
    if bare:
        print(
            "| bare MediaPipe Tasks: decode, detect, segment | "
            + " | ".join(f"{bare[s]:.2f}" for s in sizes)
            + " |"
        )
        print(
            "| stages one after another / bare | "
            + " | ".join(f"{totals[s] / bare[s]:.2f}x" for s in sizes)
            + " |"
        )
    rows = [
        ("**camcheck's camera path, wall ms per frame** (median of 1 s stretches)", "ours", "**"),
        ("bare MediaPipe Tasks on the same stretches, wall", "bare", ""),
        ("**camcheck / bare, wall** (median of the stretches' ratios)", "ratio", "**"),
        ("camcheck's camera path, CPU ms per frame (all threads)", "ours cpu", ""),
        ("bare MediaPipe Tasks, CPU ms per frame", "bare cpu", ""),
        ("camcheck / bare, CPU", "ratio cpu", ""),
    ]
    for label, key, bold in rows:
        if key not in session[sizes[0]]:
            continue
        unit = "x" if key.startswith("ratio") else ""
        cells = " | ".join(f"{bold}{session[s][key]:.2f}{unit}{bold}" for s in sizes)
        print(f"| {label} | {cells} |")
    print()
    print(
        f"cold start of `camcheck image fixtures/good_obama.jpg`: {wall:.2f} s wall "
        f"(median of {args.runs}), peak RSS {peak:.0f} MB"
    )
    if bare_wall is not None:
        print(
            f"cold start of a bare MediaPipe Tasks script on the same still: {bare_wall:.2f} s; "
            f"camcheck / bare: {wall / bare_wall:.2f}x"
        )
    else:
        print("bare MediaPipe baseline skipped: pip install -e '.[reference]' to measure it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
