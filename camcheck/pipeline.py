"""Frames perceived one ahead: the models see frame n+1 while the analyzers judge frame n."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from camcheck.scene import Scene
from camcheck.sources import Frame


@dataclass(frozen=True)
class Perceived:
    """A frame and its scene, or the exception perception raised on it."""

    frame: Frame
    scene: Scene | None
    error: BaseException | None = None


@dataclass(frozen=True)
class _SourceFailed:
    """The source itself raised (or ended, with ``error`` None) instead of giving a frame."""

    error: BaseException | None


def _advance(frames: Iterator[Frame], perceive: Callable[[Frame], Scene]) -> object:
    """The next frame of ``frames`` perceived, or what stopped the source."""
    try:
        frame = next(frames)
    except StopIteration:
        return _SourceFailed(None)
    except BaseException as exc:  # handed to the caller's thread, which re-raises it
        return _SourceFailed(exc)
    try:
        return Perceived(frame, perceive(frame))
    except BaseException as exc:
        return Perceived(frame, None, exc)


class Lookahead:
    """Iterates ``Perceived`` frames, reading and perceiving the next one in a worker thread.

    LiteRT's ``invoke``, OpenCV's calls and video decoding release the GIL, so on two cores
    the models and the decoder of frame n+1 run while the main thread's analyzers judge
    frame n. At most one frame is ahead, and frames are read and perceived in order by one
    thread: the scenes, and so the findings, are the same as without the worker. With
    ``ahead`` False everything runs in the caller's thread (a still: there is no next frame).

    A source's exception (or its end) is raised from ``__next__`` as the source raised it;
    perception's is carried in ``Perceived.error``. ``close`` waits for the frame in flight,
    so the source can be closed safely after it.
    """

    def __init__(
        self, frames: Iterator[Frame], perceive: Callable[[Frame], Scene], *, ahead: bool
    ) -> None:
        self._frames = frames
        self._perceive = perceive
        self._pool = ThreadPoolExecutor(1, "camcheck perception") if ahead else None
        self._next: Future[object] | None = None

    def __iter__(self) -> Iterator[Perceived]:
        return self

    def __next__(self) -> Perceived:
        if self._pool is None:
            item = _advance(self._frames, self._perceive)
        else:
            future = self._next or self._pool.submit(_advance, self._frames, self._perceive)
            self._next = None
            item = future.result()
            if isinstance(item, Perceived):
                self._next = self._pool.submit(_advance, self._frames, self._perceive)
        if isinstance(item, _SourceFailed):
            if item.error is None:
                raise StopIteration
            raise item.error
        assert isinstance(item, Perceived)
        return item

    def close(self) -> None:
        """Wait for the frame in flight (its result is dropped) and end the worker."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._next = None
