"""The terminal's side of faults: output errors (EPIPE, a full disk) and stop signals.

Used by the CLI only; nothing here knows about checks. :func:`run` runs the command line;
errors become one line on stderr.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator

import typer

try:  # typer 0.29 ships its own copy of click; usage errors come from there
    from typer._click.exceptions import UsageError as _UsageError
except ImportError:  # pragma: no cover - typer on top of click
    from click.exceptions import UsageError as _UsageError  # type: ignore[no-redef]

from camcheck.checks import ui
from camcheck.errors import describe, one_line, os_reason, said
from camcheck.report.help import asked_language, usage_error

# The shell's code for a program ended by Ctrl-C (128 + SIGINT).
INTERRUPTED_EXIT = 130

# The shell's code for a program whose reader went away (128 + SIGPIPE), as `yes | head`
# reports under pipefail: neither "looks good" (0) nor "warning" (1). Nothing is printed.
BROKEN_PIPE_EXIT = 141
# SIGTERM and SIGHUP (a closed terminal, a service manager) end a run like Ctrl-C does.
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
# A third stop signal while the summary so far is written ends camcheck at once.
_SIGNALS_BEFORE_FORCE = 3


class Stopped(Exception):
    """A stop signal ended the command, and the command has said so on stderr already."""


class PipeClosed(Exception):
    """stdout's reader went away (EPIPE): stop quietly."""


class OutputFailed(Exception):
    """stdout cannot be written (a full disk, an I/O error)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def echo(text: str = "") -> None:
    """One line (or block) of the report on stdout; write failures become our exceptions.

    Our own exceptions, not OSError: typer turns an EPIPE into exit 1, which reads as
    "warning".
    """
    try:
        typer.echo(text)
    except BrokenPipeError:
        raise PipeClosed() from None
    except OSError as exc:
        raise OutputFailed(os_reason(exc)) from None


def warn(line: str, lang: str) -> None:
    """An error line on stderr, always one line."""
    with contextlib.suppress(OSError):
        typer.echo(one_line(ui("error.prefix", lang, line=line)), err=True)


class StopSignals:
    """SIGINT, SIGTERM and SIGHUP raise KeyboardInterrupt once; repeats are held.

    So `live` prints the summary so far on any of them, and a second Ctrl-C while it is
    printed (or while the atomic --save cleans up) does not drop it.
    """

    def __init__(self) -> None:
        self.received: int | None = None
        self.count = 0

    def __call__(self, signum: int, frame: object) -> None:
        self.count += 1
        if self.received is None:
            self.received = signum
            raise KeyboardInterrupt
        if self.count >= _SIGNALS_BEFORE_FORCE:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        """Handle the stop signals for the duration; then the previous handlers again."""
        self.received, self.count = None, 0
        previous = {}
        for signum in _STOP_SIGNALS:
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                previous[signum] = signal.signal(signum, self)
        try:
            yield
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    @property
    def exit_code(self) -> int:
        return 128 + (self.received or signal.SIGINT)


SIGNALS = StopSignals()


def stdout_pacified() -> bool:
    try:
        from typer._click.utils import PacifyFlushWrapper
    except ImportError:  # pragma: no cover - typer on top of click
        from click.utils import PacifyFlushWrapper  # type: ignore[no-redef]
    return isinstance(sys.stdout, PacifyFlushWrapper)


def quiet_stdout(code: int) -> int:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again.

    Python's own advice for EPIPE; the same holds after a write error (the unwritten rest
    would otherwise end in "Exception ignored" and exit 120).
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return code


def flushed(code: object, lang: str) -> int:
    """Flush stdout at the end of a command; a reader gone or a full disk changes ``code``."""
    try:
        if sys.stdout is not None:  # None when camcheck was started with stdout closed
            sys.stdout.flush()
    except BrokenPipeError:
        return quiet_stdout(BROKEN_PIPE_EXIT)
    except (OSError, ValueError) as exc:
        reason = said(os_reason(exc), lang) if isinstance(exc, OSError) else str(exc)
        warn(ui("error.write_failed", lang, reason=reason), lang)
        return quiet_stdout(2)
    return code if isinstance(code, int) else 0


def run(app: typer.Typer, argv: list[str] | None, lang: str) -> int:
    """Run the typer ``app``; every way it can end becomes one exit code and at most one line.

    Usage errors and unexpected internal errors exit 2, Ctrl-C (or SIGTERM, SIGHUP) before
    any frame was judged exits 128 + the signal (a run that had frames prints its summary so
    far from inside `live`; `image` stops after the stills it reported, with the same code:
    :class:`Stopped`). A closed stdout (EPIPE) ends quietly with 141; a stdout that
    cannot be written (a full disk) is one line and 2. Set CAMCHECK_DEBUG=1 to get the
    traceback of an internal error instead.
    """
    with SIGNALS.installed():
        try:
            code = app(args=argv, prog_name="camcheck", standalone_mode=False)
            if code == INTERRUPTED_EXIT:
                # typer turns Ctrl-C outside a frame loop (loading, opening) into this code.
                warn(ui("error.interrupted", lang), lang)
                code = SIGNALS.exit_code
        except _UsageError as exc:
            asked = asked_language(sys.argv[1:] if argv is None else argv)
            warn(usage_error(exc, asked), asked)
            code = 2
        except (typer.Abort, KeyboardInterrupt):
            warn(ui("error.interrupted", lang), lang)
            code = SIGNALS.exit_code
        except Stopped:
            code = SIGNALS.exit_code
        except PipeClosed:
            code = quiet_stdout(BROKEN_PIPE_EXIT)
        except OutputFailed as exc:
            warn(ui("error.write_failed", lang, reason=said(exc.reason, lang)), lang)
            code = quiet_stdout(2)
        except SystemExit:
            # typer answers an EPIPE it met itself (while printing --help) with exit 1.
            if stdout_pacified():
                code = quiet_stdout(BROKEN_PIPE_EXIT)
            else:
                raise
        except Exception as exc:
            if os.environ.get("CAMCHECK_DEBUG", "") not in ("", "0"):
                raise
            warn(ui("error.internal", lang, reason=describe(exc)), lang)
            code = 2
        return flushed(code, lang)
