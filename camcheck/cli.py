"""The command line: thin typer commands around camcheck.core; errors become one clean line."""

from __future__ import annotations

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

from camcheck.checks import CHECKS, LANGUAGES, ui
from camcheck.errors import CamcheckError, describe
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
    chosen = (lang or default_language()).lower()
    if chosen not in LANGUAGES:
        raise CamcheckError("error.unknown_language", lang=chosen, choices=", ".join(LANGUAGES))
    return chosen


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
    typer.echo(ui("error.prefix", lang, line=exc.render(lang)), err=True)
    return typer.Exit(2)


@app.command(help=_help("help.image"))
def image(
    paths: Annotated[list[Path], typer.Argument(help=_help("help.paths"))],
    json_output: JsonOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
    save: SaveOption = None,
) -> None:
    """Judge one or more still photos."""
    from camcheck.core import check_images
    from camcheck.report.annotate import check_save_path, save_report_picture
    from camcheck.report.json_format import dumps, error_dict, report_dict
    from camcheck.report.text import format_report

    language = "en"
    try:
        language = _language(lang)
        selection = Selection.from_options(select or (), ignore or ())
        if save is not None:
            check_save_path(save)
        results = check_images(paths, selection=selection)
    except CamcheckError as exc:
        raise _fail(exc, language) from None
    codes = []
    documents = []
    for path, result in zip(paths, results, strict=True):
        if isinstance(result, CamcheckError):
            codes.append(2)
            typer.echo(ui("error.prefix", language, line=result.render(language)), err=True)
            documents.append(error_dict(str(path), result.render(language)))
            continue
        codes.append(result.exit_code)
        picture = None
        if save is not None:
            picture = save if len(paths) == 1 else _numbered(save, len(codes))
            try:
                save_report_picture(result, picture, language)
            except CamcheckError as exc:
                typer.echo(ui("error.prefix", language, line=exc.render(language)), err=True)
                codes[-1], picture = 2, None
        if json_output:
            documents.append(report_dict(result, language))
            if picture is not None:
                documents[-1]["picture"] = str(picture)
        else:
            if len(codes) > 1:
                typer.echo("")
            typer.echo(format_report(result, language))
            if picture is not None:
                typer.echo(ui("saved.picture", language, path=str(picture)))
    if json_output:
        typer.echo(dumps(documents[0] if len(paths) == 1 else documents))
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
    from camcheck.sources import VideoSource, video_duration

    total: float | None = seconds if source.realtime else None
    if isinstance(source, VideoSource):
        total = video_duration(source.path)
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
    from camcheck.perception import Perception
    from camcheck.report.annotate import check_save_path, save_report_picture
    from camcheck.report.json_format import dumps, report_dict
    from camcheck.report.live_view import display_available, start_window_probe
    from camcheck.report.text import format_report
    from camcheck.session import Session
    from camcheck.sources import open_source

    language = "en"
    view: _LiveView | None = None
    probe: subprocess.Popen[bytes] | None = None
    try:
        language = _language(lang)
        if not seconds > 0:
            raise CamcheckError("error.bad_seconds", value=seconds)
        selection = Selection.from_options(select or (), ignore or ())
        if save is not None:
            check_save_path(save)
        # The window is tried in a child process while the models load: a display that
        # cannot be reached makes Qt abort the process that tries it.
        camera = source is None or source.strip().isdigit()
        if camera and not (no_window or json_output) and display_available():
            probe = start_window_probe()
        with Perception() as perception:
            opened = open_source(source, seconds)
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
        typer.echo(ui("error.prefix", language, line=report.error.render(language)), err=True)
    picture = None
    if save is not None:
        try:
            save_report_picture(report, save, language)
            picture = save
        except CamcheckError as exc:
            typer.echo(ui("error.prefix", language, line=exc.render(language)), err=True)
            code = 2
    if json_output:
        document = report_dict(report, language)
        if picture is not None:
            document["picture"] = str(picture)
        typer.echo(dumps(document))
    else:
        typer.echo(format_report(report, language))
        if picture is not None:
            typer.echo(ui("saved.picture", language, path=str(picture)))
    raise typer.Exit(code)


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
        typer.echo(
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
            typer.echo(line)
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
        typer.echo(
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
    typer.echo(ui("checks.header", language, count=len(CHECKS)))
    for check in CHECKS.values():
        text = check.text(language)
        typer.echo("")
        typer.echo(f"{check.id}  [{ui('label.' + check.severity.label, language)}]  {text.title}")
        typer.echo(f"    {text.advice}")


def main(argv: list[str] | None = None) -> None:
    """Console entry point: every failure becomes one line on stderr and a defined exit code.

    Usage errors and unexpected internal errors exit 2, Ctrl-C before any frame was judged
    exits 130 (a run that had frames prints its summary so far from inside `live`). Set
    CAMCHECK_DEBUG=1 to get the traceback of an internal error instead.
    """
    lang = default_language()
    try:
        code = app(args=argv, prog_name="camcheck", standalone_mode=False)
        if code == INTERRUPTED_EXIT:
            # typer turns Ctrl-C outside a frame loop (loading, opening) into this code.
            typer.echo(ui("error.prefix", lang, line=ui("error.interrupted", lang)), err=True)
    except _UsageError as exc:
        typer.echo(ui("error.prefix", lang, line=exc.format_message()), err=True)
        code = 2
    except (typer.Abort, KeyboardInterrupt):
        typer.echo(ui("error.prefix", lang, line=ui("error.interrupted", lang)), err=True)
        code = INTERRUPTED_EXIT
    except Exception as exc:
        if os.environ.get("CAMCHECK_DEBUG", "") not in ("", "0"):
            raise
        reason = describe(exc)
        typer.echo(
            ui("error.prefix", lang, line=ui("error.internal", lang, reason=reason)), err=True
        )
        code = 2
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
