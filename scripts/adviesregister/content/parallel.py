"""Work that is the same for every document, spread over the machine's cores, with the results in input order.

The same function on the same inputs gives the same results however many processes run it, so a parallel build
equals the serial one byte for byte (tests/site/test_same_build.py builds both). ADVIESREGISTER_JOBS sets the number of
processes (1: serial); small batches stay in this process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 200
"""Fewer items than this are done here: a worker process costs about as much as this many letters."""


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
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(function, items, chunksize=max(1, len(items) // (workers * 8))))
