"""Command line: no arguments opens the GUI; subcommands run headless.

    autograd-explorer                      open the window
    autograd-explorer run FILE... [--device D] [--json]
    autograd-explorer render FILE... -o OUT.svg|png|pdf|dot [--root NAME] [--device D]
    autograd-explorer train [--samples N] ... [--json]
    autograd-explorer devices [--json]

Exit status: 0 when the work succeeded, 1 when the program raised or the work
failed, 2 for a usage error (argparse's own convention). Each subcommand lives
in its own module under explorer/commands.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from explorer import i18n
from explorer.commands import devices, render, run, train
from explorer.commands.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, message
from explorer.i18n import QT_TRANSLATE_NOOP
from explorer.locale import SUPPORTED_LANGUAGES, system_language

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "main"]

SUBCOMMANDS = (run, render, train, devices)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="autograd-explorer",
        description=message(
            QT_TRANSLATE_NOOP(
                "CommandLine",
                "Run PyTorch tutorial code safely and see autograd at work. Without a command, opens the window.",
            )
        ),
    )
    lang_help = message(QT_TRANSLATE_NOOP("CommandLine", "language of messages (default: from the system locale)"))
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help=lang_help)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.add_parser(commands)
    # Accept --lang after the command too; SUPPRESS keeps a value given before it.
    for subparser in commands.choices.values():
        subparser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=argparse.SUPPRESS, help=lang_help)
    return parser


def _requested_language(argv: Sequence[str] | None) -> str | None:
    """Return the --lang value before the full parse, so that help text is translated too."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", choices=SUPPORTED_LANGUAGES)
    known, _ = early.parse_known_args(argv)
    return known.lang


def _install_language(language: str | None) -> str:
    """Translate messages into `language` (default: the locale's), replacing any earlier choice."""
    language = language or system_language()
    if language == "en":
        # English needs no translator, and so no Qt.
        i18n.set_translator(None)
    else:
        from explorer.ui.translations import load_app_translator, use_translator_for_text

        use_translator_for_text(load_app_translator(language))
    return language


def main(argv: Sequence[str] | None = None) -> int:
    requested = _requested_language(argv)
    _install_language(requested)
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from explorer.ui.app import run_gui

        return run_gui(language=args.lang)
    try:
        return args.execute(args)
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog} {args.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
