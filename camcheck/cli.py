"""The command line: thin typer commands around camcheck.core; errors become one clean line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Protocol

import typer

try:  # typer 0.29 ships its own copy of click; usage errors come from there
    from typer._click.exceptions import UsageError as _UsageError
except ImportError:  # pragma: no cover - typer on top of click
    from click.exceptions import UsageError as _UsageError  # type: ignore[no-redef]

from camcheck import console
from camcheck.checks import CHECKS, LANGUAGES, ui
from camcheck.errors import CamcheckError, describe, one_line
from camcheck.findings import Finding
from camcheck.scene import Scene
from camcheck.selection import Selection
from camcheck.sources import FrameSource

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


def _help(key: str) -> str:
    """Help text in the locale's language: typer reads help when the module is imported,
    before --lang is parsed, so `--help` follows LANG / LC_MESSAGES only."""
    return ui(key, default_language())


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help=_help("help.app"),
)

JsonOption = Annotated[bool, typer.Option("--json", help=_help("help.json"))]
SelectOption = Annotated[list[str] | None, typer.Option("--select", help=_help("help.select"))]
IgnoreOption = Annotated[list[str] | None, typer.Option("--ignore", help=_help("help.ignore"))]
LangOption = Annotated[str | None, typer.Option("--lang", help=_help("help.lang"))]
SaveOption = Annotated[Path | None, typer.Option("--save", help=_help("help.save"))]


def _fail(exc: CamcheckError, lang: str) -> typer.Exit:
    console.warn(exc.render(lang), lang)
    return typer.Exit(2)


@app.command(help=_help("help.image"))
def image(
    paths: Annotated[list[str], typer.Argument(help=_help("help.paths"))],
    json_output: JsonOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
    save: SaveOption = None,
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
                console.echo(format_report(result, language))
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
) -> _LiveView:
    """A preview window for a camera where a display works; else terminal status lines."""
    from camcheck.report.live_view import (
        PreviewWindow,
        TerminalStatus,
        window_probe_ok,
    )
    from camcheck.sources import VideoSource

    total: float | None = seconds if source.realtime else None
    if isinstance(source, VideoSource):
        total = source.duration
    status = TerminalStatus(
        lang, total, [c for c in CHECKS if selection.wants(c)], camera=source.realtime
    )
    if probe is not None and window_probe_ok(probe):
        window = PreviewWindow(lang, total, status)
        if window.try_open():
            return window
    return status


@app.command(help=_help("help.live"))
def live(
    source: Annotated[str | None, typer.Option("--source", help=_help("help.source"))] = None,
    seconds: Annotated[float, typer.Option("--seconds", help=_help("help.seconds"))] = 5.0,
    json_output: JsonOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
    save: SaveOption = None,
    no_window: Annotated[
        bool,
        typer.Option("--no-window", help=_help("help.no_window")),
    ] = False,
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
        camera = source_kind(source) == "camera"
        if camera and not (no_window or json_output) and display_available():
            probe = start_window_probe()
        # The source opens before the models load, so a bad file is refused at once.
        opened = open_source(source, bound)
        try:
            perception = Perception()
        except BaseException:
            opened.close()
            raise
        with perception:
            view = _live_view(
                opened, seconds, language, selection, probe if opened.realtime else None
            )
            report = Session(perception, selection=selection).run(opened, on_scene=view)
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
        console.echo(format_report(report, language))
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


@app.command(help=_help("help.devices"))
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


@app.command(help=_help("help.checks"))
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
