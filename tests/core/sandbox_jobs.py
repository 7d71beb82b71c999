"""Functions the sandbox tests run in a worker process (they must be importable there)."""

from __future__ import annotations

import os
import re
import time

from variorum.core.sandbox import report

WARMED: list[int] = []


def warm() -> None:
    WARMED.append(os.getpid())


def pid_and_warmups() -> tuple[int, int]:
    return os.getpid(), len(WARMED)


def add(a: int, b: int) -> int:
    return a + b


def fail(message: str) -> None:
    raise ValueError(message)


class Unpicklable(Exception):
    def __init__(self, handle: object) -> None:
        super().__init__("cannot travel")
        self.handle = handle


def fail_unpicklably() -> None:
    raise Unpicklable(lambda: None)


def backtrack(n: int) -> bool:
    """One C call that holds the GIL for ~2^n steps: what a thread time limit cannot stop."""
    return re.match(r"(a+)+$", "a" * n + "b") is not None


def balloon(megabytes: int) -> int:
    hoard = [bytearray(1024 * 1024) for _ in range(megabytes)]
    return len(hoard)


def sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def die(code: int) -> None:
    os._exit(code)


def count(to: int) -> int:
    for i in range(to):
        report(i)
        time.sleep(0.02)
    return to


def slow_warm() -> None:
    """A warm-up that outlasts its app (the app is killed while the worker starts)."""
    time.sleep(1.0)
