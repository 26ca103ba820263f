"""The library entry points that the CLI wraps: check stills, check a video or camera."""

from __future__ import annotations

import errno
import math
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from camcheck.analyzers.camera import CAMERA_KINDS, MOVING_KINDS, CameraAnalyzer
from camcheck.checks import CHECKS, Check
from camcheck.errors import CamcheckError, os_reason
from camcheck.findings import Finding
from camcheck.perception import Perception
from camcheck.report.model import Report
from camcheck.scene import Scene
from camcheck.selection import Selection
from camcheck.session import Session
from camcheck.sources import (
    CAMERA_PROBE_COUNT,
    DEFAULT_LIVE_SECONDS,
    CameraInfo,
    Frame,
    FrameSource,
    ImageSource,
    LoopedVideo,
    open_source,
    probe_cameras,
    sample_clip,
    sample_clip_hint,
    source_kind,
)


class LiveView(Protocol):
    """What shows a live run as it goes: called with each scene and its findings."""

    def __call__(self, scene: Scene, findings: list[Finding]) -> None: ...

    def close(self) -> None: ...


__all__ = [
    "DEFAULT_LIVE_SECONDS",
    "LiveView",
    "check_image",
    "check_images",
    "check_live",
    "check_save_overwrites",
    "check_save_target",
    "check_source",
    "check_video",
    "iter_images",
    "list_cameras",
    "list_checks",
    "prepare_images",
    "require_checks",
    "runnable_checks",
    "save_names",
]

# The kinds of source each check can fire on, where that is not every kind: a still has no
# frame rate and cannot freeze; a video file's size and rate are the file's, not a camera's.
_KINDS: dict[str, frozenset[str]] = {
    "camera.black_frames": MOVING_KINDS,
    "camera.frozen": MOVING_KINDS,
    "camera.low_resolution": CAMERA_KINDS,
    "camera.low_fps": CAMERA_KINDS,
}
assert set(_KINDS) == set(CameraAnalyzer.check_ids)


def runnable_checks(selection: Selection, kind: str) -> list[str]:
    """The selected checks that can fire on a source of ``kind``, in the table's order."""
    return [
        check_id
        for check_id in CHECKS
        if selection.wants(check_id) and kind in _KINDS.get(check_id, {kind})
    ]


def require_checks(selection: Selection, kind: str) -> None:
    """Refuse options that leave no check to run on a source of ``kind`` (image, video...).

    Raises:
        CamcheckError: ``error.no_checks``; "Looks good" would then only mean "not looked".
    """
    runnable = runnable_checks(selection, kind)
    if not runnable:
        raise CamcheckError("error.no_checks", kind=kind)


# The atomic write's temporary name adds this much to the picture's name: "." before,
# "." and 8 random characters and ".tmp" after (tempfile.mkstemp in report/annotate.py).
SAVE_TEMPORARY_EXTRA_CHARS = 1 + 1 + 8 + 4


def _identity(path: Path | str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def check_save_target(path: Path, inputs: Iterable[Path | str] = ()) -> None:
    """Fail before any work when the --save picture could not be written as ``path``.

    A read-only folder, a name too long, a folder in the way, or one of the ``inputs``
    itself (the photo would be replaced by its marked copy): found now, not after a long
    live run. Nothing is written to find out (only the picture asked for ever is).

    Raises:
        CamcheckError: ``error.save_suffix``, ``error.save_folder`` or ``error.save_failed``.
    """
    from camcheck.report.annotate import check_save_path

    shown = str(path)

    def refuse(code: int) -> CamcheckError:
        return CamcheckError("error.save_failed", path=shown, reason=os_reason(code))

    try:
        check_save_path(path)
        if path.is_dir():
            raise refuse(errno.EISDIR)
        folder = path.parent
        longest = len(os.fsencode(path.name)) + SAVE_TEMPORARY_EXTRA_CHARS
        if longest > os.pathconf(folder, "PC_NAME_MAX"):
            raise refuse(errno.ENAMETOOLONG)
        if not os.access(folder, os.W_OK | os.X_OK):
            read_only = os.statvfs(folder).f_flag & os.ST_RDONLY
            raise refuse(errno.EROFS if read_only else errno.EACCES)
    except OSError as exc:
        raise CamcheckError("error.save_failed", path=shown, reason=os_reason(exc)) from None
    except ValueError as exc:  # an embedded NUL byte
        raise CamcheckError("error.save_failed", path=shown, reason=str(exc)) from None
    check_save_overwrites([path], inputs)


def check_save_overwrites(targets: Iterable[Path], inputs: Iterable[Path | str]) -> None:
    """Refuse a --save name that is one of the inputs (it would replace the photo).

    Raises:
        CamcheckError: ``error.save_is_input`` for the first such name.
    """
    sources = {_identity(source) for source in inputs} - {None}
    for target in targets:
        if _identity(target) in sources:
            raise CamcheckError("error.save_is_input", path=str(target))


def iter_images(
    paths: Iterable[Path | str],
    *,
    selection: Selection | None = None,
    perception: Perception | None = None,
) -> Iterator[Report | CamcheckError]:
    """Judge each still in turn, yielding its Report (or its CamcheckError) as soon as done.

    Nothing is kept between stills, so memory does not grow with their number: a caller
    that keeps a report keeps its snapshot (the frame --save draws on) too. A stop signal
    while a still is judged ends the run: that still's report (``interrupted``, no frame
    judged) is the last one.
    """
    if selection is not None:
        require_checks(selection, "image")
    own = perception is None
    session: Session | None = None
    try:
        for path in paths:
            try:
                source = ImageSource(path)
            except CamcheckError as exc:
                yield exc
                continue
            # The models load once the first still can be read: files that cannot be
            # (a device, a typo) are refused at once, without that wait.
            if session is None:
                perception = perception or Perception()
                session = Session(perception, selection=selection)
            try:
                report = session.run(source)
            except CamcheckError as exc:
                yield exc
                continue
            yield report
            if report.interrupted:  # Ctrl-C (or SIGTERM) while it was judged: no more
                return
    finally:
        if own and perception is not None:
            perception.close()


def check_images(
    paths: Sequence[Path | str],
    *,
    selection: Selection | None = None,
    perception: Perception | None = None,
) -> list[Report | CamcheckError]:
    """Judge each still; a path that cannot be read gives its CamcheckError in its place."""
    return list(iter_images(paths, selection=selection, perception=perception))


def check_image(path: Path | str, *, selection: Selection | None = None) -> Report:
    """Judge one still; raises CamcheckError if it cannot be read."""
    (result,) = check_images([path], selection=selection)
    if isinstance(result, CamcheckError):
        raise result
    return result


def check_source(
    source: FrameSource,
    *,
    selection: Selection | None = None,
    on_frame: Callable[[Frame, list[Finding]], None] | None = None,
    perception: Perception | None = None,
) -> Report:
    """Judge every frame of an open source (camera, video, frames in memory)."""
    own = perception is None
    try:
        if selection is not None:
            require_checks(selection, source.kind)
        perception = perception or Perception()
        return Session(perception, selection=selection).run(source, on_frame=on_frame)
    finally:
        if own and perception is not None:
            perception.close()
        source.close()


def save_names(save: Path, count: int) -> list[Path]:
    """The --save picture per still: ``save`` itself for one, out-1.png, out-2.png... for more."""
    if count == 1:
        return [save]
    return [save.with_name(f"{save.stem}-{number}{save.suffix}") for number in range(1, count + 1)]


def prepare_images(
    paths: Sequence[Path | str], selection: Selection, save: Path | None = None
) -> list[Path | None]:
    """Refuse what would fail for `camcheck image` before any still is read.

    Returns the --save picture for each path (None for each without --save): every name can
    be written (the longest one is tried), and none of them is one of the photos.

    Raises:
        CamcheckError: no check left to run on a still, or a --save name that cannot be.
    """
    require_checks(selection, "image")
    if save is None:
        return [None] * len(paths)
    names = save_names(save, len(paths))
    check_save_target(names[-1])
    check_save_overwrites(names, paths)
    return list(names)


def check_live(
    spec: str | None = None,
    *,
    seconds: float | None = None,
    sample: bool = False,
    watch: bool = False,
    selection: Selection | None = None,
    save: Path | None = None,
    view: Callable[[FrameSource, Session], LiveView] | None = None,
    on_frame: Callable[[Frame, list[Finding]], None] | None = None,
) -> Report:
    """Judge a camera (an index; None searches 0..3), a video file, or the packaged sample.

    A camera is watched for ``seconds`` (DEFAULT_LIVE_SECONDS when None); a video file is
    read whole, or only its first ``seconds``. ``watch`` (coach mode) runs until stopped,
    playing a video file over and over. Everything that can be refused is refused before
    the models load: the options, the --save name, the source. ``view`` makes what shows
    the run as it goes (a window or status lines) once the source is open.

    Raises:
        CamcheckError: the one line to show when the check could not run at all.
    """
    selection = selection or Selection()
    if sample:
        if spec is not None:
            raise CamcheckError("error.sample_and_source")
        spec = str(sample_clip())
    if seconds is not None and not seconds > 0:
        # As typed ("0", "-1"), not as a measured number ("0.00", "-1,00" in Dutch).
        raise CamcheckError("error.bad_seconds", value=f"{seconds:g}")
    require_checks(selection, source_kind(spec))
    if save is not None:
        check_save_target(save, [] if spec is None else [spec])
    source = open_source(spec, math.inf if watch else seconds)
    if watch and not source.realtime and source.kind == "video":
        source.close()
        source = LoopedVideo(spec or "")
    try:
        perception = Perception()
    except BaseException:
        source.close()
        raise
    shown: LiveView | None = None
    with perception:
        session = Session(perception, selection=selection)
        try:
            shown = view(source, session) if view is not None else None
            return session.run(source, on_frame=on_frame, on_scene=shown)
        finally:
            try:
                if shown is not None:
                    shown.close()
            finally:
                source.close()  # also when the view failed before the run began


def check_video(
    spec: str | None = None,
    *,
    seconds: float | None = None,
    selection: Selection | None = None,
    on_frame: Callable[[Frame, list[Finding]], None] | None = None,
) -> Report:
    """Judge a camera or a video file: :func:`check_live` without a view (kept for callers)."""
    return check_live(spec, seconds=seconds, selection=selection, on_frame=on_frame)


def list_checks() -> tuple[Check, ...]:
    """Every check in the table's order (what `camcheck checks` lists)."""
    return tuple(CHECKS.values())


def list_cameras() -> list[CameraInfo]:
    """The cameras that open, with what they deliver (what `camcheck devices` lists).

    Raises:
        CamcheckError: ``error.no_cameras`` when none opens at all.
    """
    cameras = probe_cameras()
    if not cameras:
        raise CamcheckError(
            "error.no_cameras",
            indices=", ".join(str(i) for i in range(CAMERA_PROBE_COUNT)),
            sample=sample_clip_hint(),
        )
    return cameras
