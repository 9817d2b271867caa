"""Work that is the same for every document, spread over the machine's cores, with the results in input order.

The same function on the same inputs gives the same results however many processes run it, so a parallel build
equals the serial one byte for byte (tests/site/test_same_build.py builds both). ADVIESREGISTER_JOBS sets the number of
processes (1: serial); small batches stay in this process, where starting workers would cost more than it saves.

The workers never outlive the build: SIGTERM or SIGINT (Ctrl-C) to the build ends them at once, and a build killed
outright (SIGKILL) leaves workers that notice their parent is gone and stop (tests/aanvallen/test_grenzen.py).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, suppress
from types import FrameType
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 200
"""Fewer items than this are done here: a worker process costs about as much as this many letters."""
_PR_SET_PDEATHSIG = 1
"""prctl(2): the signal a process gets when the thread that started it ends (Linux)."""
_PARENT_POLL_SECONDS = 1.0
"""Elsewhere: how often a worker looks whether its parent still lives."""


def jobs() -> int:
    """How many processes may work: $ADVIESREGISTER_JOBS, else the cores this process may use."""
    wanted = os.environ.get("ADVIESREGISTER_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parallel_map(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """`[function(item) for item in items]`, over several processes when there are enough items and cores.
    `function` must be a module-level function (it is sent to the workers by name)."""
    workers = min(jobs(), max(1, len(items) // (MIN_PARALLEL // 2)))
    if workers < 2 or len(items) < MIN_PARALLEL:
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_watch_parent, initargs=(os.getpid(),))
    try:
        with _termination_as_exit():
            results = list(pool.map(function, items, chunksize=max(1, len(items) // (workers * 8))))
    except BaseException:
        _end_workers(pool)
        raise
    pool.shutdown()
    return results


@contextmanager
def _termination_as_exit() -> Iterator[None]:
    """While the workers run, SIGTERM ends this process as Ctrl-C does: by an exception, so that the workers are
    ended too and every `with` block on the way out (the archive lock, the new site folder) cleans up."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set a handler
        yield
        return
    previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """Stop the pool now: no waiting for the work still queued, every worker process ended."""
    processes = list(getattr(pool, "_processes", None) or {})  # pid → Process; the executor has no public way (before 3.14)
    pool.shutdown(wait=False, cancel_futures=True)
    for pid in processes:
        with suppress(ProcessLookupError):  # already gone
            os.kill(pid, signal.SIGKILL)


def _watch_parent(parent: int) -> None:
    """In each worker, first: Ctrl-C is the build's to handle (it ends the workers), SIGTERM simply ends a worker, and
    the worker ends when the build is gone. On Linux the kernel tells it (PR_SET_PDEATHSIG); elsewhere a thread looks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not sys.platform.startswith("linux") or not _ask_kernel(signal.SIGKILL):
        threading.Thread(target=_poll_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the build died before the kernel was asked
        os._exit(1)


def _ask_kernel(signum: int) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _poll_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_SECONDS)
    os._exit(1)
