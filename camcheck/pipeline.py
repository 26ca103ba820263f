"""Frames perceived ahead: the models see frames n+1, n+2 while the analyzers judge frame n."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from camcheck.scene import Scene
from camcheck.sources import Frame

# How many frames the worker may perceive ahead of the one being judged. The two threads'
# work per frame is uneven: the landmark model runs on every 3rd frame, the full-range
# detector on every 5th, and the slow analyzers all measure on every 3rd frame (their
# cadence, camcheck.analysis). With one frame ahead, a frame dear on one side made the other
# wait; a second absorbs most of it. Each frame ahead holds one more Scene (about 1.6 MB at
# 640x360) and a live preview one frame (33 ms at 30 fps) more behind the camera.
LOOKAHEAD_FRAMES = 2


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
    """Iterates ``Perceived`` frames, reading and perceiving the next ones in a worker thread.

    LiteRT's ``invoke``, OpenCV's calls and video decoding release the GIL, so on two cores
    the models and the decoder of frame n+1 run while the main thread's analyzers judge
    frame n. At most ``depth`` frames are ahead (LOOKAHEAD_FRAMES), and frames are read and
    perceived in order by one thread: the scenes, and so the findings, are the same as
    without the worker. With ``ahead`` False everything runs in the caller's thread (a
    still: there is no next frame).

    A source's exception (or its end) is raised from ``__next__`` as the source raised it;
    perception's is carried in ``Perceived.error``. ``close`` waits for the frame in flight,
    so the source can be closed safely after it.
    """

    def __init__(
        self,
        frames: Iterator[Frame],
        perceive: Callable[[Frame], Scene],
        *,
        ahead: bool,
        depth: int = LOOKAHEAD_FRAMES,
    ) -> None:
        self._frames = frames
        self._perceive = perceive
        self._pool = ThreadPoolExecutor(1, "camcheck perception") if ahead else None
        self._depth = max(1, depth)
        # The frames asked of the worker and not yet handed out, oldest first.
        self._pending: deque[Future[object]] = deque()

    def _ask(self) -> None:
        assert self._pool is not None
        self._pending.append(self._pool.submit(_advance, self._frames, self._perceive))

    def __iter__(self) -> Iterator[Perceived]:
        return self

    def __next__(self) -> Perceived:
        if self._pool is None:
            item = _advance(self._frames, self._perceive)
        else:
            while len(self._pending) < self._depth:
                self._ask()
            item = self._pending.popleft().result()
            if isinstance(item, Perceived):
                # Keep the worker ``depth`` frames ahead while this one is judged (asking
                # past the source's end only finds the end again).
                self._ask()
        if isinstance(item, _SourceFailed):
            if item.error is None:
                raise StopIteration
            raise item.error
        assert isinstance(item, Perceived)
        return item

    def close(self) -> None:
        """Wait for the frame in flight (the results ahead are dropped) and end the worker."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._pending.clear()
