"""The library entry points that the CLI wraps: check stills, check a video or camera."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from camcheck.errors import CamcheckError
from camcheck.findings import Finding
from camcheck.perception import Perception
from camcheck.selection import Selection
from camcheck.session import Report, Session
from camcheck.sources import Frame, FrameSource, ImageSource, open_source

# How long `camcheck live` watches a camera by default: long enough for the auto exposure
# to settle and for a finding to persist for a second, short enough to wait for.
DEFAULT_LIVE_SECONDS = 5.0


def check_images(
    paths: Sequence[Path],
    *,
    selection: Selection | None = None,
    perception: Perception | None = None,
) -> list[Report | CamcheckError]:
    """Judge each still; a path that cannot be read gives its CamcheckError in its place."""
    results: list[Report | CamcheckError] = []
    own = perception is None
    perception = perception or Perception()
    try:
        session = Session(perception, selection=selection)
        for path in paths:
            try:
                results.append(session.run(ImageSource(path)))
            except CamcheckError as exc:
                results.append(exc)
    finally:
        if own:
            perception.close()
    return results


def check_image(path: Path | str, *, selection: Selection | None = None) -> Report:
    """Judge one still; raises CamcheckError if it cannot be read."""
    (result,) = check_images([Path(path)], selection=selection)
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
    perception = perception or Perception()
    try:
        return Session(perception, selection=selection).run(source, on_frame=on_frame)
    finally:
        if own:
            perception.close()
        source.close()


def check_video(
    spec: str | None = None,
    *,
    seconds: float = DEFAULT_LIVE_SECONDS,
    selection: Selection | None = None,
    on_frame: Callable[[Frame, list[Finding]], None] | None = None,
) -> Report:
    """Judge a camera (index, default 0) for ``seconds`` or a whole video file."""
    if not seconds > 0:
        raise CamcheckError("error.bad_seconds", value=seconds)
    perception = Perception()
    try:
        source = open_source(spec, seconds)
        return check_source(source, selection=selection, on_frame=on_frame, perception=perception)
    finally:
        perception.close()
