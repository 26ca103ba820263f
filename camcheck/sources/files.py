"""Opening input files safely: regular files only, bounded reads, native decoders kept quiet."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from camcheck.errors import CamcheckError, os_reason

# os.stat errors that mean "there is nothing by that name" to a user.
_MISSING_ERRNOS = frozenset({errno.ENOENT, errno.ENOTDIR})


def checked_path(path: Path | str) -> Path:
    """``path`` as a Path, refusing the empty name (Path("") would silently mean ".")."""
    if isinstance(path, str) and not path.strip():
        raise CamcheckError("error.empty_path")
    return Path(path)


def regular_file(path: Path) -> os.stat_result:
    """The stat of ``path`` (following symlinks) when it is a regular file.

    Only regular files are images or videos: /dev/zero, a named pipe, a socket or a device
    would be read forever or block in open(), so they are refused before anything opens them.

    Raises:
        CamcheckError: missing, a folder, not a regular file, or the OS refuses (permission,
            a name too long, a symlink loop), each with its own key.
    """
    shown = str(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno in _MISSING_ERRNOS:
            raise CamcheckError("error.missing", path=shown) from None
        raise CamcheckError("error.unreadable", path=shown, reason=os_reason(exc)) from None
    except ValueError as exc:  # an embedded NUL byte: no file can have that name
        raise CamcheckError("error.unreadable", path=shown, reason=str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise CamcheckError("error.is_directory", path=shown)
    if not stat.S_ISREG(info.st_mode):
        raise CamcheckError("error.not_a_file", path=shown)
    return info


class BoundedFile:
    """A regular file opened without blocking, checked again after open (no swap to a FIFO)."""

    def __init__(self, path: Path) -> None:
        regular_file(path)
        shown = str(path)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
        try:
            self.fd = os.open(path, flags)
        except OSError as exc:
            raise CamcheckError("error.unreadable", path=shown, reason=os_reason(exc)) from None
        self.path = path
        info = os.fstat(self.fd)
        if not stat.S_ISREG(info.st_mode):  # replaced between stat and open
            self.close()
            raise CamcheckError("error.not_a_file", path=shown)
        self.size = info.st_size

    def read(self, limit: int) -> bytes:
        """Up to ``limit`` bytes from the current position (fewer at the end of the file)."""
        chunks = []
        left = limit
        while left > 0:
            try:
                chunk = os.read(self.fd, min(left, 1 << 24))
            except OSError as exc:
                raise CamcheckError(
                    "error.unreadable", path=str(self.path), reason=os_reason(exc)
                ) from None
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        fd, self.fd = getattr(self, "fd", -1), -1
        if fd >= 0:
            os.close(fd)

    def __enter__(self) -> BoundedFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
