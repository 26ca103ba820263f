"""The command line: thin typer commands around camcheck.core; errors become one clean line."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

try:  # typer 0.29 ships its own copy of click; usage errors come from there
    from typer._click.exceptions import UsageError as _UsageError
except ImportError:  # pragma: no cover - typer on top of click
    from click.exceptions import UsageError as _UsageError  # type: ignore[no-redef]

from camcheck.checks import CHECKS, LANGUAGES, ui
from camcheck.errors import CamcheckError
from camcheck.findings import Finding
from camcheck.selection import Selection
from camcheck.sources import Frame

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Checks your webcam picture before a video call and tells you how to fix it.",
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
SelectOption = Annotated[
    list[str] | None,
    typer.Option("--select", help="Only these checks (ids or prefixes such as 'lighting')."),
]
IgnoreOption = Annotated[
    list[str] | None, typer.Option("--ignore", help="Leave out these checks (ids or prefixes).")
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="Language of the report: en or nl (default: from LANG)."),
]


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


def _fail(exc: CamcheckError, lang: str) -> typer.Exit:
    typer.echo(ui("error.prefix", lang, line=exc.render(lang)), err=True)
    return typer.Exit(2)


@app.command()
def image(
    paths: Annotated[list[Path], typer.Argument(help="One or more photos to judge.")],
    json_output: JsonOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
) -> None:
    """Judge one or more still photos."""
    from camcheck.core import check_images
    from camcheck.report.json_format import dumps, error_dict, report_dict
    from camcheck.report.text import format_report

    language = "en"
    try:
        language = _language(lang)
        selection = Selection.from_options(select or (), ignore or ())
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
        if json_output:
            documents.append(report_dict(result, language))
        else:
            if len(codes) > 1:
                typer.echo("")
            typer.echo(format_report(result, language))
    if json_output:
        typer.echo(dumps(documents[0] if len(paths) == 1 else documents))
    # A file that could not be checked wins: the run is incomplete.
    raise typer.Exit(2 if 2 in codes else max(codes, default=0))


class _Progress:
    """A one-line progress display on stderr while a camera is sampled (only on a terminal)."""

    def __init__(self, total: float, lang: str) -> None:
        self.total = total
        self.lang = lang
        self.active = sys.stderr.isatty()

    def __call__(self, frame: Frame, findings: list[Finding]) -> None:
        if self.active:
            line = ui("progress.sampling", self.lang, elapsed=frame.timestamp, total=self.total)
            sys.stderr.write("\r" + line + "  ")
            sys.stderr.flush()

    def done(self) -> None:
        if self.active:
            sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()


@app.command()
def live(
    source: Annotated[
        str | None,
        typer.Option("--source", help="Camera index (0, 1, ...) or a video file."),
    ] = None,
    seconds: Annotated[float, typer.Option("--seconds", help="How long to watch a camera.")] = 5.0,
    json_output: JsonOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
) -> None:
    """Watch the camera (or a video file) for a few seconds and judge what persists."""
    from camcheck.core import check_source
    from camcheck.perception import Perception
    from camcheck.report.json_format import dumps, report_dict
    from camcheck.report.text import format_report
    from camcheck.sources import open_source

    language = "en"
    progress: _Progress | None = None
    try:
        language = _language(lang)
        if not seconds > 0:
            raise CamcheckError("error.bad_seconds", value=seconds)
        selection = Selection.from_options(select or (), ignore or ())
        with Perception() as perception:
            opened = open_source(source, seconds)
            progress = _Progress(seconds, language) if opened.realtime else None
            report = check_source(
                opened, selection=selection, on_frame=progress, perception=perception
            )
    except CamcheckError as exc:
        raise _fail(exc, language) from None
    finally:
        if progress is not None:
            progress.done()
    if report.error is not None:
        typer.echo(ui("error.prefix", language, line=report.error.render(language)), err=True)
    if json_output:
        typer.echo(dumps(report_dict(report, language)))
    else:
        typer.echo(format_report(report, language))
    raise typer.Exit(report.exit_code)


@app.command()
def checks(json_output: JsonOption = False, lang: LangOption = None) -> None:
    """List every check with its id, severity, threshold and advice."""
    from camcheck.report.json_format import dumps

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
                        "source": check.source,
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
    """Console entry point: usage errors and Ctrl-C become one line and a defined exit code."""
    try:
        code = app(args=argv, prog_name="camcheck", standalone_mode=False)
    except _UsageError as exc:
        lang = default_language() if default_language() in LANGUAGES else "en"
        typer.echo(ui("error.prefix", lang, line=exc.format_message()), err=True)
        code = 2
    except (typer.Abort, KeyboardInterrupt):
        code = 130
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
