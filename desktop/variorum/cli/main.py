"""Command-line entry point: the GUI (``variorum [FILES]``) or a batch command
(``variorum inspect|compare|extract``).

Batch commands import only ``core`` so they start fast; Qt is imported only to open a window.
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import sys

from variorum import __version__

# Not imported at run time: typing (~3 ms) and pathlib (~5 ms) only serve the annotations.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path
    from types import ModuleType

COMMANDS: dict[str, str] = {
    "inspect": "Print what was read from files: title, metadata, warnings, the text.",
    "compare": "Compare two articles word by word.",
    "extract": "List speakers with their quotes, organizations and people.",
    "group": "Group files and folders into stories of versions (also on a Dask cluster).",
}


# argparse makes a formatter for every add_argument (only to check the metavar), and a formatter
# asks for the terminal's width, which imports shutil (zlib, bz2, lzma: ~3 ms of a batch
# command). Parsers are built with a fixed width and given argparse's own formatter once
# complete, so help, usage and error messages still fit the terminal.
_BUILD_FORMATTER = functools.partial(argparse.HelpFormatter, width=80)


def _finished(
    parser: argparse.ArgumentParser,
    formatter: type[argparse.HelpFormatter] = argparse.HelpFormatter,
) -> argparse.ArgumentParser:
    parser.formatter_class = formatter
    return parser


def _global_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="variorum",
        description="Compare versions of news articles. Without a command, opens the window.",
        epilog="commands:\n"
        + "".join(f"  {name:<9} {text}\n" for name, text in COMMANDS.items())
        + "\nRun 'variorum COMMAND --help' for a command's options.",
        formatter_class=_BUILD_FORMATTER,
    )
    parser.add_argument("--version", action="version", version=f"variorum {__version__}")
    parser.add_argument(
        "--basedir",
        metavar="DIR",
        help="keep settings, library and logs under DIR (tests, smoke runs)",
    )
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="load FILES, compare the first two, save the window (1280x800) to OUT.png, exit",
    )
    parser.add_argument(
        "--view",
        choices=("inline", "side-by-side"),
        help="with --screenshot: show the comparison in this view (default: the saved one)",
    )
    parser.add_argument(
        "--story",
        action="store_true",
        help="with --screenshot: show the overview of the largest story instead",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="articles or folders to open")
    # the command list is laid out one per line, as written
    return _finished(parser, argparse.RawDescriptionHelpFormatter)


def _split_command(argv: Sequence[str]) -> tuple[list[str], str | None, list[str]]:
    """Find a command word after the global options (``--basedir DIR`` takes a value)."""
    args = list(argv)
    i = 0
    while i < len(args):
        token = args[i]
        if token == "--basedir":
            i += 2
            continue
        if token.startswith("--basedir="):
            i += 1
            continue
        if token.startswith("-"):
            return args, None, []
        if token in COMMANDS:
            return args[:i], token, args[i + 1 :]
        return args, None, []
    return args, None, []


def _parse_basedir(global_args: list[str]) -> str | None:
    """The ``--basedir`` given before a command (argparse's reading and errors); the usual
    command line has no global option and skips building this parser."""
    pre = argparse.ArgumentParser(prog="variorum", add_help=False, formatter_class=_BUILD_FORMATTER)
    pre.add_argument("--basedir")
    basedir: str | None = _finished(pre).parse_args(global_args).basedir
    return basedir


def _utf8_output() -> None:
    """Batch output is UTF-8 when it goes to a file or a pipe (what tools reading our JSON
    expect, also on Windows, whose default code page cannot encode most of the world's text);
    a terminal keeps its encoding, with characters it cannot show replaced, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            if stream.isatty():
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            pass


def _log_to_file(basedir: str | None) -> None:
    """Loader tracebacks ("internal error: ...") go to the same log file the app uses; the file
    (and ``logging`` itself) is set up only when something is logged, so a clean run pays
    nothing for it."""
    from variorum.core.ingest.lazylog import defer_file_logging

    def log_dir() -> Path:
        from variorum.core.paths import app_paths

        return app_paths(basedir).log_dir

    defer_file_logging(log_dir)


def main(argv: Sequence[str] | None = None) -> int:
    """The program (``argv`` None: this process's command line) or a command run in-process."""
    if getattr(sys, "frozen", False):  # a PyInstaller build: worker processes start through here
        import multiprocessing

        multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    global_args, command, rest = _split_command(args)
    if command is None:
        options = _global_parser().parse_args(global_args)
        problem = _basedir_problem(options.basedir) or _missing_argument(options.files)
        if options.view is not None and options.screenshot is None:
            problem = problem or "--view chooses the view of a --screenshot"
        if problem:
            _say(problem)
            return 2
        if options.screenshot is None:
            # A window already open on this library takes the files; no Qt is imported for
            # that, so "Open with" on a running app returns at once.
            from variorum.ui.handoff import forward_to_running

            handed = forward_to_running(options.files, options.basedir)
            if handed is not None:
                return handed
        from variorum.ui.app import run_gui  # Qt only on this path

        view = None if options.view is None else options.view.replace("-", "_")
        return run_gui(
            options.files,
            basedir=options.basedir,
            screenshot=options.screenshot,
            view=view,
            story=options.story,
        )

    code = _run_command(command, global_args, rest)
    if argv is None:
        # The process exits now. Frozen, its objects skip the collection of everything that
        # interpreter shutdown otherwise runs (~10 ms after a Darwin compare, for nothing: the
        # output is flushed and no file is left open).
        gc.freeze()
    return code


def _command_module(command: str) -> ModuleType:
    """Imported only when run (each pulls in its part of ``core``), but by plain import
    statements, so installers see every command."""
    if command == "inspect":
        from variorum.cli import inspect_cmd as module
    elif command == "compare":
        from variorum.cli import compare_cmd as module
    elif command == "extract":
        from variorum.cli import extract_cmd as module
    elif command == "group":
        from variorum.cli import group_cmd as module
    else:
        raise ValueError(f"no module for command {command!r}")
    return module


def _say(message: str) -> None:
    """One line on stderr (nothing when stderr is closed too)."""
    if sys.stderr is not None:
        try:
            sys.stderr.write(f"variorum: {message}\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass


def _basedir_problem(basedir: str | None) -> str | None:
    if basedir is None:
        return None
    if os.path.exists(basedir) and not os.path.isdir(basedir):
        return f"--basedir {basedir}: not a folder"
    return None


def _missing_argument(files: list[str]) -> str | None:
    """A word on the command line that is neither a command nor a path that exists (a typo, a
    file that moved): said here, rather than opening a window that cannot show it."""
    for name in files:
        if not os.path.lexists(name):
            import difflib

            hint = difflib.get_close_matches(name, list(COMMANDS), n=1)
            suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
            return f"no such file or command: {name}{suggestion}"
    return None


def _run_command(command: str, global_args: list[str], rest: list[str]) -> int:
    basedir = _parse_basedir(global_args) if global_args else None
    problem = _basedir_problem(basedir)
    if problem:
        _say(problem)
        return 2
    if sys.stdout is None:  # started with standard output closed (`variorum inspect ... >&-`)
        _say("cannot write the output: standard output is closed")
        return 2
    _utf8_output()
    _log_to_file(basedir)
    module = _command_module(command)
    parser = argparse.ArgumentParser(
        prog=f"variorum {command}", description=COMMANDS[command], formatter_class=_BUILD_FORMATTER
    )
    module.add_arguments(parser)
    args = _finished(parser).parse_args(rest)
    args.basedir = basedir
    from variorum.core.ingest.isolation import isolated_loading

    try:
        with isolated_loading():
            code: int = module.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # `variorum inspect --json ... | head`: the reader left; not an error worth a traceback.
        _silence_stdout()
        return 1
    except OSError as exc:  # a full disk (`>/dev/full`), a closed or failing output
        _silence_stdout()
        _say(f"cannot write the output: {exc.strerror or exc}")
        return 2
    return code


def _silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush of what is
    still buffered neither fails again nor prints "Exception ignored"."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":
    sys.exit(main())
