"""Native libraries' own logging: silenced at the file descriptor, where it bypasses Python."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

STDERR_FD = 2


@contextlib.contextmanager
def native_stderr_silenced() -> Iterator[None]:
    """Send file descriptor 2 to /dev/null for the duration.

    libpng, libjpeg ("Corrupt JPEG data"), FFmpeg ("moov atom not found") and LiteRT's
    delegate print straight to descriptor 2, past sys.stderr; camcheck turns their failures
    into its own one line. Only the main thread decodes and loads models, so nothing of
    camcheck's own is lost meanwhile.
    """
    with contextlib.suppress(AttributeError, OSError, ValueError):
        sys.stderr.flush()
    try:
        saved = os.dup(STDERR_FD)
    except OSError:  # no descriptor 2 at all (a detached process)
        yield
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, STDERR_FD)
        finally:
            os.close(devnull)
        try:
            yield
        finally:
            os.dup2(saved, STDERR_FD)
    finally:
        os.close(saved)
