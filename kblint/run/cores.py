"""How many processes a run may use: one per core this process may run on, unless asked.
(A module of its own, light to import: the command line asks before anything else loads.)"""

from __future__ import annotations

import os


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def workers_for(requested: int | None, force: bool = False) -> tuple[int, str | None]:
    """How many processes to use for ``--jobs requested``, and a note when it was capped: more
    processes than cores only share them, each with its own copy of the rules and caches
    (memory grows, nothing gets faster), unless the user insists with ``--force-jobs``."""
    cores = default_workers()
    if requested is None:
        return cores, None
    if requested > cores and not force:
        return cores, f"--jobs {requested} is more than the {cores} cores this process may use: {cores} processes (--force-jobs starts {requested})"
    return requested, None
