"""Frame and FrameSource: what every source yields, and the interface they share."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Frame:
    """One RGB uint8 frame and when it was taken, in seconds from the start of the source."""

    image: np.ndarray
    timestamp: float
    index: int


class FrameSource:
    """An iterable of frames with a name to show and a kind (image, video or camera)."""

    name: str
    kind: str
    realtime: bool = False

    def __iter__(self) -> Iterator[Frame]:
        raise NotImplementedError

    def close(self) -> None:
        """Release what the source holds; safe to call twice."""
