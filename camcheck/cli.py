"""The command line: thin typer commands around camcheck.core; errors become one clean line."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Protocol

import typer
import typer.core

try:  # typer 0.29 ships its own copy of click; usage errors come from there
    from typer._click import Context as _Context
    from typer._click import HelpFormatter as _HelpFormatter
    from typer._click.exceptions import UsageError as _UsageError
except ImportError:  # pragma: no cover - typer on top of click
    from click import Context as _Context  # type: ignore[assignment]
    from click import HelpFormatter as _HelpFormatter  # type: ignore[assignment]
    from click.exceptions import UsageError as _UsageError  # type: ignore[no-redef]
from typer.core import TyperCommand, TyperGroup

import camcheck
from camcheck import console
from camcheck.checks import CHECKS, LANGUAGES, ui
from camcheck.core import DEFAULT_LIVE_SECONDS
from camcheck.errors import CamcheckError, describe, one_line
from camcheck.findings import Finding
from camcheck.scene import Scene
from camcheck.selection import Selection
from camcheck.sources import SAMPLE_CLIP_NAME, Frame, FrameSource

if TYPE_CHECKING:
    from camcheck.session import Session

# The shell's code for a program ended by Ctrl-C (128 + SIGINT).
INTERRUPTED_EXIT = 130


def default_language(environ: dict[str, str] | None = None) -> str:
    """Dutch when the locale asks for it (LC_ALL, LC_MESSAGES or LANG starting with nl)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


def _language(lang: str | None) -> str:
    """A supported language code; a regional variant (nl_BE, en-GB) maps to its language."""
    chosen = (lang or default_language()).strip()
    base = chosen.replace("-", "_").split("_")[0].split(".")[0].lower()
    if base not in LANGUAGES:
        raise CamcheckError("error.unknown_language", lang=chosen, choices=", ".join(LANGUAGES))
    return base


def _help(key: str, **values: object) -> str:
    """Help text in the locale's language: typer reads help when the module is imported,
    before --lang is parsed, so `--help` follows LANG / LC_MESSAGES only."""
    return ui(key, default_language(), **values)


class _LocalHelpFormatter(_HelpFormatter):
    """click's help formatter with its one fixed English word, "Usage:", from the table."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _help("help.usage") + " " if prefix is None else prefix)


class _LocalContext(_Context):
    formatter_class = _LocalHelpFormatter


def _write_options(command: _Command | _Group, ctx: _Context, formatter: _HelpFormatter) -> None:
    """The Arguments and Options sections, headed and worded in the locale's language.

    typer's own records add the Python type (``<list[Path]>``) and English brackets
    (``[required]``, ``[default: 5.0]``); every option here has a metavar in the user's
    words and states its default in its help text instead.
    """
    arguments, options = [], []
    for param in command.get_params(ctx):
        if param.hidden:
            continue
        if param.param_type_name == "argument":
            arguments.append((_usage_name(param), param.help or ""))
        else:
            names = ", ".join(param.opts)
            if not param.is_flag:
                names += f" {param.metavar}"
            options.append((names, param.help or ""))
    if arguments:
        with formatter.section(_help("help.arguments")):
            formatter.write_dl(arguments)
    if options:
        with formatter.section(_help("help.options")):
            formatter.write_dl(options)


def _usage_name(param: typer.core.TyperArgument) -> str:
    """``PHOTO...`` rather than typer's ``{paths}...`` (braces read as a Python set)."""
    name = param.metavar or param.name or ""
    return name + "..." if param.nargs != 1 else name


def _translated_help_option(option: typer.core.TyperOption | None) -> typer.core.TyperOption | None:
    if option is not None:
        option.help = _help("help.help")
    return option


class _Command(TyperCommand):
    """A command whose help is all in the locale's language, with no Python types in it."""

    context_class = _LocalContext

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = _help("help.options_metavar")

    def collect_usage_pieces(self, ctx: _Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [
            _usage_name(p) for p in self.get_params(ctx) if p.param_type_name == "argument"
        ]

    def get_help_option(self, ctx: _Context) -> typer.core.TyperOption | None:
        return _translated_help_option(super().get_help_option(ctx))

    def format_options(self, ctx: _Context, formatter: _HelpFormatter) -> None:
        _write_options(self, ctx, formatter)


class _Group(TyperGroup):
    """The top-level help, in the locale's language like the commands' help."""

    context_class = _LocalContext

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = _help("help.options_metavar")
        self.subcommand_metavar = _help("help.command_metavar")

    def get_help_option(self, ctx: _Context) -> typer.core.TyperOption | None:
        return _translated_help_option(super().get_help_option(ctx))

    def format_options(self, ctx: _Context, formatter: _HelpFormatter) -> None:
        _write_options(self, ctx, formatter)
        # As click does: what is left of the line beside the longest name.
        limit = (
            formatter.width - 6 - max((len(name) for name in self.list_commands(ctx)), default=0)
        )
        rows = [
            (name, command.get_short_help_str(limit))
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if rows:
            with formatter.section(_help("help.commands")):
                formatter.write_dl(rows)


app = typer.Typer(
    cls=_Group,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help=_help("help.app"),
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"camcheck {camcheck.__version__}")
        raise typer.Exit(0)


@app.callback(invoke_without_command=True)
def _main_options(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", help=_help("help.version"), callback=_version, is_eager=True),
    ] = False,
) -> None:
    # A bare `camcheck` asks what it can do: the help, not a usage error.
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


JsonOption = Annotated[bool, typer.Option("--json", help=_help("help.json"))]
SelectOption = Annotated[
    list[str] | None,
    typer.Option("--select", help=_help("help.select"), metavar=_help("metavar.check")),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option("--ignore", help=_help("help.ignore"), metavar=_help("metavar.check")),
]
LangOption = Annotated[str | None, typer.Option("--lang", help=_help("help.lang"), metavar="en|nl")]
SaveOption = Annotated[
    Path | None,
    typer.Option("--save", help=_help("help.save"), metavar=_help("metavar.save")),
]
VerboseOption = Annotated[bool, typer.Option("--verbose", help=_help("help.verbose"))]


def _fail(exc: CamcheckError, lang: str) -> typer.Exit:
    console.warn(exc.render(lang), lang)
    return typer.Exit(2)


@app.command(cls=_Command, help=_help("help.image"))
def image(
    paths: Annotated[
        list[str], typer.Argument(help=_help("help.paths"), metavar=_help("metavar.photo"))
    ],
    json_output: JsonOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
    save: SaveOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Judge one or more still photos."""
    from camcheck.core import (
        check_save_overwrites,
        check_save_target,
        iter_images,
        require_checks,
    )
    from camcheck.report.annotate import save_report_picture
    from camcheck.report.json_format import dumps, error_dict, report_dict
    from camcheck.report.text import format_report

    language = "en"
    try:
        language = _language(lang)
        selection = Selection.from_options(select or (), ignore or ())
        require_checks(selection, "image")
        if save is not None:
            # The longest of the numbered names, so every one of them can be written, and
            # none of them may be one of the photos.
            check_save_target(save if len(paths) == 1 else _numbered(save, len(paths)))
            numbers = range(1, len(paths) + 1)
            check_save_overwrites(
                [save] if len(paths) == 1 else [_numbered(save, n) for n in numbers], paths
            )
    except CamcheckError as exc:
        raise _fail(exc, language) from None
    # Each still is reported as soon as it is judged and then dropped: memory stays flat
    # however many there are. Several stills with --json give JSON Lines, one per still.
    several = len(paths) > 1
    codes: list[int] = []
    results = iter_images(paths, selection=selection)
    try:
        for path, result in zip(paths, results, strict=True):
            if isinstance(result, CamcheckError):
                codes.append(2)
                console.warn(result.render(language), language)
                if json_output:
                    document = error_dict(one_line(str(path)), result.render(language))
                    console.echo(
                        json.dumps(document, ensure_ascii=False) if several else dumps(document)
                    )
                continue
            codes.append(result.exit_code)
            picture = None
            if save is not None:
                picture = _numbered(save, len(codes)) if several else save
                try:
                    save_report_picture(result, picture, language)
                except CamcheckError as exc:
                    console.warn(exc.render(language), language)
                    codes[-1], picture = 2, None
            if json_output:
                document = report_dict(result, language)
                if picture is not None:
                    document["picture"] = str(picture)
                console.echo(
                    json.dumps(document, ensure_ascii=False) if several else dumps(document)
                )
            else:
                if len(codes) > 1:
                    console.echo("")
                console.echo(
                    format_report(result, language, verbose=verbose, marked=picture is not None)
                )
                if picture is not None:
                    console.echo(ui("saved.picture", language, path=str(picture)))
    except CamcheckError as exc:  # the models could not be loaded
        raise _fail(exc, language) from None
    except KeyboardInterrupt:
        if not codes:
            raise
        line = ui("error.interrupted_stills", language, done=len(codes), total=len(paths))
        console.warn(line, language)
        raise typer.Exit(console.SIGNALS.exit_code) from None
    finally:
        results.close()
    # A file that could not be checked wins: the run is incomplete.
    raise typer.Exit(2 if 2 in codes else max(codes, default=0))


def sample_clip() -> Path:
    """The short clip shipped inside the package, for trying camcheck without a camera."""
    return Path(__file__).resolve().parent / "samples" / SAMPLE_CLIP_NAME


def _numbered(path: Path, number: int) -> Path:
    """out.png -> out-2.png: one picture per still when several are judged."""
    return path.with_name(f"{path.stem}-{number}{path.suffix}")


class _LiveView(Protocol):
    def __call__(self, scene: Scene, findings: list[Finding]) -> None: ...

    def close(self) -> None: ...


def _live_view(
    source: FrameSource,
    seconds: float,
    lang: str,
    selection: Selection,
    probe: subprocess.Popen[bytes] | None,
    session: Session | None = None,
    watch: bool = False,
) -> _LiveView:
    """A preview window for a camera or video where a display works; else status lines.

    Both show what ``session`` has settled so far, not each frame's passing findings.
    """
    from camcheck.report.live_view import (
        PreviewWindow,
        TerminalStatus,
        window_probe_ok,
    )
    from camcheck.sources import VideoSource

    total: float | None = seconds if source.realtime else None
    if isinstance(source, VideoSource):
        total = source.duration
    if watch:
        total = None  # until q or Ctrl-C: no bar to fill
    status = TerminalStatus(
        lang,
        total,
        [c for c in CHECKS if selection.wants(c)],
        camera=source.realtime,
        progress=session.progress if session is not None else None,
        watch=watch,
    )
    # A still has nothing to watch; a camera or a video file gets the window.
    if source.kind != "image" and probe is not None and window_probe_ok(probe):
        window = PreviewWindow(lang, total, status, pace=not source.realtime)
        if window.try_open():
            return window
    return status


class _Looped(FrameSource):
    """A video file played over and over (coach mode on a clip), timestamps running on."""

    def __init__(self, path: Path) -> None:
        from camcheck.sources import VideoSource

        self.path = path
        self._open = VideoSource
        self._current = VideoSource(path)
        self.name = self._current.name
        self.kind = self._current.kind

    def __iter__(self) -> Iterator[Frame]:
        offset, index = 0.0, 0
        while True:
            last = None
            for frame in self._current:
                last = frame
                yield Frame(frame.image, offset + frame.timestamp, index)
                index += 1
            if last is None:
                return
            offset += last.timestamp + 1 / self._current.fps
            self._current = self._open(self.path)

    def close(self) -> None:
        self._current.close()


@app.command(cls=_Command, help=_help("help.live"), short_help=_help("help.live_short"))
def live(
    source: Annotated[
        str | None,
        typer.Option("--source", help=_help("help.source"), metavar=_help("metavar.source")),
    ] = None,
    seconds: Annotated[
        float,
        typer.Option(
            "--seconds",
            help=_help("help.seconds", default_seconds=DEFAULT_LIVE_SECONDS),
            metavar=_help("metavar.seconds"),
        ),
    ] = DEFAULT_LIVE_SECONDS,
    json_output: JsonOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
    save: SaveOption = None,
    no_window: Annotated[
        bool,
        typer.Option("--no-window", help=_help("help.no_window")),
    ] = False,
    sample: Annotated[bool, typer.Option("--sample", help=_help("help.sample"))] = False,
    verbose: VerboseOption = False,
    watch: Annotated[bool, typer.Option("--watch", help=_help("help.watch"))] = False,
) -> None:
    """Watch the camera (or a video file) for a few seconds and judge what persists.

    With a display, a preview window shows the camera with the marks and the current
    findings (q or Esc ends it early); otherwise the terminal shows a status line per check.
    """
    from camcheck.core import check_save_target, require_checks
    from camcheck.perception import Perception
    from camcheck.report.annotate import save_report_picture
    from camcheck.report.json_format import dumps, report_dict
    from camcheck.report.live_view import display_available, start_window_probe
    from camcheck.report.text import format_report
    from camcheck.session import Session
    from camcheck.sources import open_source, source_kind

    language = "en"
    view: _LiveView | None = None
    probe: subprocess.Popen[bytes] | None = None
    try:
        language = _language(lang)
        if sample:
            if source is not None:
                raise CamcheckError("error.sample_and_source")
            source = str(sample_clip())
        if not seconds > 0:
            raise CamcheckError("error.bad_seconds", value=seconds)
        selection = Selection.from_options(select or (), ignore or ())
        require_checks(selection, source_kind(source))
        if save is not None:
            check_save_target(save, [] if source is None else [source])
        # --seconds bounds a video file too when it is given; a camera always has a bound.
        bound = seconds if _given("seconds") else None
        # The window is tried in a child process while the models load: a display that
        # cannot be reached makes Qt abort the process that tries it.
        if not (no_window or json_output) and display_available():
            probe = start_window_probe()
        # The source opens before the models load, so a bad file is refused at once.
        opened = open_source(source, math.inf if watch else bound)
        if watch and not opened.realtime and opened.kind == "video":
            opened.close()
            opened = _Looped(Path(opened.name))
        try:
            perception = Perception()
        except BaseException:
            opened.close()
            raise
        with perception:
            session = Session(perception, selection=selection)
            view = _live_view(opened, seconds, language, selection, probe, session, watch)
            report = session.run(opened, on_scene=view)
    except CamcheckError as exc:
        raise _fail(exc, language) from None
    finally:
        if view is not None:
            view.close()
        if probe is not None and probe.poll() is None:
            probe.kill()
            probe.wait()
    code = report.exit_code
    if report.error is not None:
        console.warn(report.error.render(language), language)
    picture = None
    if save is not None:
        try:
            save_report_picture(report, save, language)
            picture = save
        except CamcheckError as exc:
            console.warn(exc.render(language), language)
            code = 2
    if json_output:
        document = report_dict(report, language)
        if picture is not None:
            document["picture"] = str(picture)
        console.echo(dumps(document))
    else:
        console.echo(format_report(report, language, verbose=verbose, marked=picture is not None))
        if picture is not None:
            console.echo(ui("saved.picture", language, path=str(picture)))
    raise typer.Exit(code)


def _given(name: str) -> bool:
    """Whether option ``name`` was given (on the command line or by environment)."""
    try:
        from typer._click.core import ParameterSource
        from typer._click.globals import get_current_context
    except ImportError:  # pragma: no cover - typer on top of click
        from click import get_current_context  # type: ignore[no-redef]
        from click.core import ParameterSource  # type: ignore[no-redef]
    context = get_current_context(silent=True)
    if context is None:
        return False
    given = context.get_parameter_source(name)
    return given is not None and given not in (ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP)


@app.command(cls=_Command, help=_help("help.devices"), short_help=_help("help.devices_short"))
def devices(json_output: JsonOption = False, lang: LangOption = None) -> None:
    """List the cameras that open, with the resolution and frame rate they deliver.

    Exits 0 when at least one camera delivers a picture, 2 when none does (like `live`).
    """
    from camcheck.report.json_format import dumps
    from camcheck.sources import CAMERA_PROBE_COUNT, probe_cameras, sample_clip_hint

    try:
        language = _language(lang)
    except CamcheckError as exc:
        raise _fail(exc, "en") from None
    cameras = probe_cameras()
    if json_output:
        console.echo(
            dumps(
                [
                    {
                        "index": info.index,
                        "width": info.width,
                        "height": info.height,
                        "fps": round(info.fps, 1),
                        "delivering": info.delivering,
                    }
                    for info in cameras
                ]
            )
        )
    else:
        for info in cameras:
            if info.delivering:
                line = ui(
                    "devices.camera",
                    language,
                    index=info.index,
                    width=info.width,
                    height=info.height,
                    fps=round(info.fps),
                )
            else:
                line = ui("devices.silent", language, index=info.index)
            console.echo(line)
    if not any(info.delivering for info in cameras):
        if not cameras:
            error = CamcheckError(
                "error.no_cameras",
                indices=", ".join(str(i) for i in range(CAMERA_PROBE_COUNT)),
                sample=sample_clip_hint(),
            )
            raise _fail(error, language)
        raise typer.Exit(2)


@app.command(cls=_Command, help=_help("help.checks"))
def checks(json_output: JsonOption = False, lang: LangOption = None) -> None:
    """List every check with its id, severity, threshold and advice."""
    from camcheck.report.json_format import dumps
    from camcheck.session import PERSIST_SECONDS

    try:
        language = _language(lang)
    except CamcheckError as exc:
        raise _fail(exc, "en") from None
    if json_output:
        console.echo(
            dumps(
                [
                    {
                        "id": check.id,
                        "group": check.group.value,
                        "severity": check.severity.label,
                        "title": check.text(language).title,
                        "advice": check.text(language).advice,
                        "metric": check.metric,
                        "threshold": check.threshold,
                        "better": check.better,
                        "rule": check.the_rule.to_json(),
                        "hides": list(check.hides),
                        "source": check.source,
                        "persist_s": check.persist_s
                        if check.persist_s is not None
                        else PERSIST_SECONDS,
                    }
                    for check in CHECKS.values()
                ]
            )
        )
        return
    console.echo(ui("checks.header", language, count=len(CHECKS)))
    for check in CHECKS.values():
        text = check.text(language)
        console.echo("")
        console.echo(f"{check.id}  [{ui('label.' + check.severity.label, language)}]  {text.title}")
        console.echo(f"    {text.advice}")


def main(argv: list[str] | None = None) -> None:
    """Console entry point: every failure becomes one line on stderr and a defined exit code.

    Usage errors and unexpected internal errors exit 2, Ctrl-C (or SIGTERM, SIGHUP) before
    any frame was judged exits 128 + the signal (a run that had frames prints its summary so
    far from inside `live`). A closed stdout (EPIPE) ends quietly with 141; a stdout that
    cannot be written (a full disk) is one line and 2. Set CAMCHECK_DEBUG=1 to get the
    traceback of an internal error instead.
    """
    with console.SIGNALS.installed():
        code = _run(argv)
    sys.exit(code)


def _run(argv: list[str] | None) -> int:
    lang = default_language()
    try:
        code = app(args=argv, prog_name="camcheck", standalone_mode=False)
        if code == INTERRUPTED_EXIT:
            # typer turns Ctrl-C outside a frame loop (loading, opening) into this code.
            console.warn(ui("error.interrupted", lang), lang)
            code = console.SIGNALS.exit_code
    except _UsageError as exc:
        console.warn(exc.format_message(), lang)
        code = 2
    except (typer.Abort, KeyboardInterrupt):
        console.warn(ui("error.interrupted", lang), lang)
        code = console.SIGNALS.exit_code
    except console.PipeClosed:
        code = console.quiet_stdout(console.BROKEN_PIPE_EXIT)
    except console.OutputFailed as exc:
        console.warn(ui("error.write_failed", lang, reason=exc.reason), lang)
        code = console.quiet_stdout(2)
    except SystemExit:
        # typer answers an EPIPE it met itself (while printing --help) with exit 1.
        if console.stdout_pacified():
            code = console.quiet_stdout(console.BROKEN_PIPE_EXIT)
        else:
            raise
    except Exception as exc:
        if os.environ.get("CAMCHECK_DEBUG", "") not in ("", "0"):
            raise
        console.warn(ui("error.internal", lang, reason=describe(exc)), lang)
        code = 2
    try:
        if sys.stdout is not None:  # None when camcheck was started with stdout closed
            sys.stdout.flush()
    except BrokenPipeError:
        code = console.quiet_stdout(console.BROKEN_PIPE_EXIT)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        console.warn(ui("error.write_failed", lang, reason=reason), lang)
        code = console.quiet_stdout(2)
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    main()
