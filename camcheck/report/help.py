"""The command line's own words: its help and usage errors in the user's language, and which
language that is.

typer and click write a few fixed English words ("Usage:", "[required]", "<list[Path]>") and
English usage errors ("Missing argument 'PHOTO'."); these classes and :func:`usage_error`
write them from the catalogues instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

import typer
import typer.core

try:  # typer 0.29 ships its own copy of click
    from typer._click import Context as _Context
    from typer._click import HelpFormatter as _HelpFormatter
    from typer._click import exceptions as _errors
except ImportError:  # pragma: no cover - typer on top of click
    from click import Context as _Context  # type: ignore[assignment]
    from click import HelpFormatter as _HelpFormatter  # type: ignore[assignment]
    from click import exceptions as _errors  # type: ignore[no-redef]
from typer.core import TyperCommand, TyperGroup

from camcheck.checks import LANGUAGES, ui
from camcheck.errors import CamcheckError


def default_language(environ: dict[str, str] | None = None) -> str:
    """The language the environment asks for, as GNU gettext reads it: the first language
    of LANGUAGE (a priority list, "nl_BE:fr:en") that camcheck has, unless the locale is C
    or POSIX; else Dutch when the locale (LC_ALL, then LC_MESSAGES, then LANG) starts with
    nl; else English."""
    env = os.environ if environ is None else environ
    locale = next((env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), "C")
    if locale.split(".")[0] not in ("C", "POSIX"):
        for wanted in env.get("LANGUAGE", "").split(":"):
            if (base := _base_language(wanted)) in LANGUAGES:
                return base
    return "nl" if locale.lower().startswith("nl") else "en"


def _base_language(tag: str) -> str:
    """The language of a locale or language tag: nl_BE.UTF-8, nl-BE and NL give nl."""
    return tag.replace("-", "_").split("_")[0].split(".")[0].lower()


def choose_language(lang: str | None) -> str:
    """A supported language code; a regional variant (nl_BE, en-GB) maps to its language."""
    chosen = (lang or default_language()).strip()
    base = _base_language(chosen)
    if base not in LANGUAGES:
        raise CamcheckError("error.unknown_language", lang=chosen, choices=", ".join(LANGUAGES))
    return base


def asked_language(argv: Sequence[str]) -> str:
    """The language of a command line's own errors: its ``--lang`` if it names one we have,
    else the locale's. A usage error can come before typer has read ``--lang`` at all."""
    for position, word in enumerate(argv):
        if word == "--":
            break
        value = None
        if word == "--lang" and position + 1 < len(argv):
            value = argv[position + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value is not None:
            try:
                return choose_language(value)
            except CamcheckError:
                break
    return default_language()


# click's messages whose words we give ourselves (typer's vendored click has no gettext):
# the message it built, and the catalogue key that says the same.
_NO_SUCH_COMMAND = re.compile(r"No such command (?P<name>.+)\.")
_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)")
# pydantic's error types for a value that is not a number (typer converts with pydantic).
_NOT_A_NUMBER = ("float_parsing", "int_parsing", "float_type", "int_type")


def _hint(error: _errors.BadParameter) -> str | None:
    hint = error.param_hint
    if hint is None and error.param is not None:
        hint = error.param.get_error_hint()
    if hint is not None and not isinstance(hint, str):
        hint = " / ".join(repr(x) for x in hint)
    return hint


def usage_error(error: _errors.UsageError, lang: str) -> str:
    """click's usage error in ``lang``: the message from the catalogue where we know its kind,
    click's own English where we do not (an unusual case is then still said, if in English)."""
    message = error.format_message()
    if isinstance(error, _errors.MissingParameter):
        kind = error.param_type or (error.param.param_type_name if error.param else None)
        hint = _hint(error)
        if kind in ("argument", "option") and hint and message == f"Missing {kind} {hint}.":
            return ui(f"usage.missing_{kind}", lang, name=hint)
    elif isinstance(error, _errors.BadParameter):
        cause = error.__cause__
        problems = cause.errors() if hasattr(cause, "errors") else []
        hint = _hint(error)
        if hint and problems and problems[0].get("type") in _NOT_A_NUMBER:
            value = repr(str(problems[0].get("input", "")))
            return ui("usage.not_a_number", lang, option=hint, value=value)
    elif isinstance(error, _errors.NoSuchOption):
        option = error.option_name
        if error.message == f"No such option: {option}":
            if error.possibilities:
                options = ", ".join(sorted(error.possibilities))
                return ui("usage.no_such_option_hint", lang, option=option, options=options)
            return ui("usage.no_such_option", lang, option=option)
    elif isinstance(error, _errors.BadOptionUsage):
        option = error.option_name
        if message == f"Option {option!r} requires an argument.":
            return ui("usage.needs_value", lang, option=repr(option))
        if message == f"Option {option!r} does not take a value.":
            return ui("usage.takes_no_value", lang, option=repr(option))
    elif (found := _NO_SUCH_COMMAND.fullmatch(message)) is not None:
        return ui("usage.no_such_command", lang, name=found["name"])
    elif (found := _EXTRA_ARGUMENTS.fullmatch(message)) is not None:
        count = "one" if len(found["args"].split()) == 1 else "many"
        return ui(f"usage.extra_arguments.{count}", lang, args=found["args"])
    return message


def help_text(key: str, **values: object) -> str:
    """Help text in the locale's language: typer reads help when the module is imported,
    before --lang is parsed, so `--help` follows LANG / LC_MESSAGES only."""
    return ui(key, default_language(), **values)


class _LocalHelpFormatter(_HelpFormatter):
    """click's help formatter with its one fixed English word, "Usage:", from the table."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, help_text("help.usage") + " " if prefix is None else prefix)


class _LocalContext(_Context):
    formatter_class = _LocalHelpFormatter


def _write_options(command: Command | Group, ctx: _Context, formatter: _HelpFormatter) -> None:
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
        with formatter.section(help_text("help.arguments")):
            formatter.write_dl(arguments)
    if options:
        with formatter.section(help_text("help.options")):
            formatter.write_dl(options)


def _usage_name(param: typer.core.TyperArgument) -> str:
    """``PHOTO...`` rather than typer's ``{paths}...`` (braces read as a Python set)."""
    name = param.metavar or param.name or ""
    return name + "..." if param.nargs != 1 else name


def _translated_help_option(option: typer.core.TyperOption | None) -> typer.core.TyperOption | None:
    if option is not None:
        option.help = help_text("help.help")
    return option


class Command(TyperCommand):
    """A command whose help is all in the locale's language, with no Python types in it."""

    context_class = _LocalContext

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = help_text("help.options_metavar")

    def collect_usage_pieces(self, ctx: _Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [
            _usage_name(p) for p in self.get_params(ctx) if p.param_type_name == "argument"
        ]

    def get_help_option(self, ctx: _Context) -> typer.core.TyperOption | None:
        return _translated_help_option(super().get_help_option(ctx))

    def format_options(self, ctx: _Context, formatter: _HelpFormatter) -> None:
        _write_options(self, ctx, formatter)


class Group(TyperGroup):
    """The top-level help, in the locale's language like the commands' help."""

    context_class = _LocalContext

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = help_text("help.options_metavar")
        self.subcommand_metavar = help_text("help.command_metavar")

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
            with formatter.section(help_text("help.commands")):
                formatter.write_dl(rows)
