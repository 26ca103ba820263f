"""The command line: typer commands over camcheck.core; every failure becomes one clean line."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

import camcheck
from camcheck import console
from camcheck.checks import ui
from camcheck.errors import CamcheckError, one_line
from camcheck.report.help import Command, Group, choose_language, default_language, help_text
from camcheck.selection import Selection
from camcheck.sources import DEFAULT_LIVE_SECONDS, source_kind

if TYPE_CHECKING:
    from camcheck.report.model import Report

__all__ = ["app", "default_language", "main"]

app = typer.Typer(
    cls=Group,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help=help_text("help.app"),
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
        typer.Option("--version", help=help_text("help.version"), callback=_version, is_eager=True),
    ] = False,
) -> None:
    # A bare `camcheck` asks what it can do: the help, not a usage error.
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


def _option(name: str, key: str, metavar: str | None = None) -> typer.models.OptionInfo:
    return typer.Option(name, help=help_text(key), metavar=help_text(metavar) if metavar else None)


JsonOption = Annotated[bool, _option("--json", "help.json")]
SelectOption = Annotated[list[str] | None, _option("--select", "help.select", "metavar.check")]
IgnoreOption = Annotated[list[str] | None, _option("--ignore", "help.ignore", "metavar.check")]
LangOption = Annotated[
    str | None, typer.Option("--lang", help=help_text("help.lang"), metavar="en|nl")
]
SaveOption = Annotated[Path | None, _option("--save", "help.save", "metavar.save")]
VerboseOption = Annotated[bool, _option("--verbose", "help.verbose")]


def _fail(exc: CamcheckError, lang: str) -> typer.Exit:
    console.warn(exc.render(lang), lang)
    return typer.Exit(2)


def _saved(report: Report, picture: Path | None, lang: str) -> Path | None:
    """Write the marked picture; None (and the reason on stderr) when it could not be."""
    from camcheck.report.annotate import save_report_picture

    if picture is None:
        return None
    try:
        save_report_picture(report, picture, lang)
    except CamcheckError as exc:
        console.warn(exc.render(lang), lang)
        return None
    return picture


@app.command(cls=Command, help=help_text("help.image"))
def image(
    paths: Annotated[
        list[str], typer.Argument(help=help_text("help.paths"), metavar=help_text("metavar.photo"))
    ],
    json_output: Annotated[bool, _option("--json", "help.image_json")] = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
    save: SaveOption = None,
    verbose: VerboseOption = False,
) -> None:
    from camcheck import core
    from camcheck.report.output import error_output, report_output

    language = "en"
    try:
        language = choose_language(lang)
        selection = Selection.from_options(select or (), ignore or ())
        pictures = core.prepare_images(paths, selection, save)
    except CamcheckError as exc:
        raise _fail(exc, language) from None
    several = len(paths) > 1
    codes: list[int] = []
    results = core.iter_images(paths, selection=selection)
    try:
        for path, picture, result in zip(paths, pictures, results, strict=True):
            if isinstance(result, CamcheckError):
                codes.append(2)
                console.warn(result.render(language), language)
                if json_output:
                    line = result.render(language)
                    console.echo(error_output(one_line(str(path)), line, one=not several))
                continue
            if result.interrupted:
                # A stop signal while this still was judged: it has no verdict at all.
                if json_output:
                    line = ui("error.interrupted", language)
                    console.echo(error_output(one_line(str(path)), line, one=not several))
                raise KeyboardInterrupt
            saved = _saved(result, picture, language)
            code = 2 if picture is not None and saved is None else result.exit_code
            if codes and not json_output:
                console.echo("")
            shown = report_output(result, language, as_json=json_output, one=not several,
                                  verbose=verbose, picture=saved)  # fmt: skip
            console.echo(shown)
            codes.append(code)
    except CamcheckError as exc:  # the models could not be loaded
        raise _fail(exc, language) from None
    except KeyboardInterrupt:
        # Ctrl-C, SIGTERM or SIGHUP: the stills printed so far stand, the rest is not judged.
        key = "error.interrupted_stills" if codes else "error.interrupted"
        console.warn(ui(key, language, done=len(codes), total=len(paths)), language)
        raise console.Stopped() from None
    finally:
        results.close()
    # A file that could not be checked wins: the run is incomplete.
    raise typer.Exit(2 if 2 in codes else max(codes, default=0))


def _live_label(source: str | None, sample: bool) -> str:
    """What `live` was asked to watch, as its JSON names it when no report could be made."""
    if source is not None:
        return one_line(source)
    if sample:
        from camcheck.core import sample_clip

        return str(sample_clip())
    return "camera"


@app.command(cls=Command, help=help_text("help.live"), short_help=help_text("help.live_short"))
def live(
    source: Annotated[str | None, _option("--source", "help.source", "metavar.source")] = None,
    seconds: Annotated[
        float | None,
        typer.Option(
            "--seconds",
            help=help_text("help.seconds", default_seconds=DEFAULT_LIVE_SECONDS),
            metavar=help_text("metavar.seconds"),
        ),
    ] = None,
    json_output: JsonOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
    save: SaveOption = None,
    no_window: Annotated[bool, _option("--no-window", "help.no_window")] = False,
    sample: Annotated[bool, _option("--sample", "help.sample")] = False,
    verbose: VerboseOption = False,
    watch: Annotated[bool, _option("--watch", "help.watch")] = False,
) -> None:
    from camcheck import core
    from camcheck.report.live_view import open_view
    from camcheck.report.output import error_output, report_output

    language = "en"
    try:
        language = choose_language(lang)
        selection = Selection.from_options(select or (), ignore or ())
        # What the status lines count as "other checks": those that can fire on this source
        # (a video file has no camera frame rate or resolution to judge).
        kind = "video" if sample else source_kind(source)
        wanted = core.runnable_checks(selection, kind)
        view = partial(open_view, lang=language, check_ids=wanted,
                       window=not (no_window or json_output), watch=watch)  # fmt: skip
        report = core.check_live(source, seconds=seconds, sample=sample, watch=watch,
                                 selection=selection, save=save, view=view)  # fmt: skip
    except CamcheckError as exc:
        if json_output:
            # A script reading stdout gets a document saying why, as `image --json` gives.
            console.echo(error_output(_live_label(source, sample), exc.render(language)))
        raise _fail(exc, language) from None
    if report.interrupted and report.frames_analyzed == 0:
        # Stopped before any frame was judged: there is no summary to give, not even "good".
        console.warn(ui("error.interrupted", language), language)
        if json_output:
            line = ui("error.interrupted", language)
            console.echo(error_output(_live_label(source, sample), line))
        raise console.Stopped()
    code = report.exit_code
    if report.error is not None:
        console.warn(report.error.render(language), language)
    picture = _saved(report, save, language)
    if save is not None and picture is None:
        code = 2
    console.echo(
        report_output(report, language, as_json=json_output, verbose=verbose, picture=picture)
    )
    raise typer.Exit(code)


@app.command(
    cls=Command, help=help_text("help.devices"), short_help=help_text("help.devices_short")
)
def devices(json_output: JsonOption = False, lang: LangOption = None) -> None:
    # Exits 0 when at least one camera delivers a picture, 2 when none does (like `live`).
    from camcheck import core
    from camcheck.report.json_format import cameras_list, dumps
    from camcheck.report.text import format_cameras

    language = "en"
    try:
        language = choose_language(lang)
        cameras = core.list_cameras()
    except CamcheckError as exc:
        if json_output and exc.key == "error.no_cameras":
            console.echo(dumps([]))
        raise _fail(exc, language) from None
    console.echo(dumps(cameras_list(cameras)) if json_output else format_cameras(cameras, language))
    if not any(info.delivering for info in cameras):
        raise typer.Exit(2)


@app.command(cls=Command, help=help_text("help.checks"))
def checks(json_output: JsonOption = False, lang: LangOption = None) -> None:
    from camcheck import core
    from camcheck.report.json_format import checks_list, dumps
    from camcheck.report.text import format_checks

    try:
        language = choose_language(lang)
    except CamcheckError as exc:
        raise _fail(exc, "en") from None
    table = core.list_checks()
    console.echo(
        dumps(checks_list(table, language)) if json_output else format_checks(table, language)
    )


def main(argv: list[str] | None = None) -> None:
    """Console entry point: every failure becomes one line on stderr and a defined exit code
    (see :func:`camcheck.console.run`)."""
    sys.exit(console.run(app, argv, default_language()))


if __name__ == "__main__":
    main()
