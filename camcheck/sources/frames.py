"""Frame and FrameSource: what every source yields, and the interface they share."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Frame:
    """One RGB uint8 frame and when it was taken, in seconds from the start of the source.

    ``kind`` is what delivered it ("image", "video" or "camera"; None: the kind of the
    source it came from); ``requested_size`` is the ``(width, height)`` camcheck asked a
    camera for (None for files). ``source_size`` is the ``(width, height)`` the source
    delivered when ``image`` is a smaller copy of it (a camera's JPEG decoded at a reduced
    size, see ``sources.camera.camera_picture``); None when ``image`` is the frame itself.
    """

    image: np.ndarray
    timestamp: float
    index: int
    kind: str | None = None
    requested_size: tuple[int, int] | None = None
    source_size: tuple[int, int] | None = None

    @property
    def size(self) -> tuple[int, int]:
        """``(width, height)`` of the frame as the source delivered it."""
        if self.source_size is not None:
            return self.source_size
        return self.image.shape[1], self.image.shape[0]


class FrameSource:
    """An iterable of frames with a name to show and a kind (image, video or camera)."""

    name: str
    kind: str
    realtime: bool = False

    @property
    def expected_seconds(self) -> float | None:
        """How long the source will run, where it knows (a camera's watch, a video's header)."""
        return None

    def __iter__(self) -> Iterator[Frame]:
        raise NotImplementedError

    def close(self) -> None:
        """Release what the source holds; safe to call twice."""
