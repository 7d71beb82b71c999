"""Write the variorum(1) man page from the command line's own parsers, so it lists exactly the
options the program accepts (``make deb`` installs it; ``man -l`` shows it).

    .venv/bin/python packaging/linux/manpage.py > variorum.1
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))

from variorum import __version__
from variorum.cli.main import COMMANDS, _command_module, _global_parser
from variorum.resources.filetypes import extensions


def roff(text: str) -> str:
    """Escape for roff: backslashes, and a leading dot or quote that would start a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def options(parser: argparse.ArgumentParser) -> list[str]:
    lines = []
    for action in parser._actions:  # argparse keeps no public list of its arguments
        if isinstance(action, argparse._HelpAction) or action.help == argparse.SUPPRESS:
            continue
        if action.option_strings:
            names = ", ".join(f"\\fB{roff(o)}\\fR" for o in action.option_strings)
            if action.nargs != 0 and action.metavar is not None:
                names += f" \\fI{roff(str(action.metavar))}\\fR"
            elif action.nargs != 0:
                names += f" \\fI{roff(action.dest.upper())}\\fR"
        else:
            names = f"\\fI{roff(str(action.metavar or action.dest))}\\fR"
        lines += [".TP", names, roff(action.help or "")]
    return lines


def positional(parser: argparse.ArgumentParser) -> list[str]:
    """The operands as the synopsis shows them: ``A B``, ``FILE...``."""
    words = []
    for action in parser._actions:
        if not action.option_strings:
            word = f"\\fI{roff(str(action.metavar or action.dest))}\\fR"
            words.append(word + ("..." if action.nargs in ("+", "*") else ""))
    return words


def command_parser(name: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"variorum {name}", description=COMMANDS[name])
    _command_module(name).add_arguments(parser)
    return parser


def manpage(date: datetime.date) -> str:
    top = _global_parser()
    lines = [
        f'.TH VARIORUM 1 "{date.isoformat()}" "variorum {__version__}" "User Commands"',
        ".SH NAME",
        "variorum \\- compare versions of news articles",
        ".SH SYNOPSIS",
        ".B variorum",
        "[\\fB\\-\\-basedir\\fR \\fIDIR\\fR] [\\fIFILE\\fR|\\fIFOLDER\\fR...]",
        ".br",
        ".B variorum",
        "[\\fB\\-\\-basedir\\fR \\fIDIR\\fR] \\fB\\-\\-screenshot\\fR \\fIOUT.png\\fR "
        "\\fIFILE\\fR...",
    ]
    for name in COMMANDS:
        operands = " ".join(positional(command_parser(name)))
        lines += [".br", ".B variorum", f"\\fB{name}\\fR [\\fIOPTIONS\\fR] {operands}"]
    lines += [
        ".SH DESCRIPTION",
        roff(
            "Variorum loads versions of a news story, shows word by word what changed between "
            "two of them (insertions, deletions, moved text) and lists who is quoted saying "
            "what. Without a command it opens the window with the files and folders given; "
            "while a window is open on the same library, a second variorum FILE... hands the "
            "files to it and exits."
        ),
        ".PP",
        roff("It reads " + ", ".join(extensions()) + " files."),
        ".SH OPTIONS",
        *options(top),
        ".SH COMMANDS",
        roff("Batch commands print to standard output and never open a window."),
    ]
    for name in COMMANDS:
        lines += [".SS " + name, roff(COMMANDS[name]), *options(command_parser(name))]
    lines += [
        ".SH EXIT STATUS",
        roff(
            "0 on success; 2 when a file could not be loaded (a line names it and says why); "
            "1 on other failures."
        ),
        ".SH FILES",
        roff(
            "Settings, the article library and logs are kept in the per-user folders "
            "(~/.config/variorum, ~/.local/share/variorum, ~/.local/state/variorum/log), or "
            "under DIR with --basedir."
        ),
        ".SH SEE ALSO",
        roff("The README in /usr/share/doc/variorum."),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(manpage(datetime.date.today()))
