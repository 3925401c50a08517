"""The one policy for Python's cyclic garbage collector, for every way kblint runs.

kblint's documents, summaries and findings hold no reference cycles (a test checks it):
reference counting frees them, and the collector's passes over tens of thousands of live
results only cost time (a tenth of a cold run; more than half a second, now and then, in the
middle of an editor's keystroke). So:

- a batch run pauses the collector while it lints and freezes the survivors after (its first
  pass would otherwise walk every object the run allocated): ``batch``;
- a worker process pauses it for its life, as its parent does: ``worker``;
- a long-lived session pauses it while it loads a corpus and lets it run after, nothing
  frozen, since its articles are replaced for as long as it lives: ``loading``;
- the language server freezes what a load leaves (still freed by reference counting when an
  article is replaced) and unfreezes the old corpus before a reload: ``server_load``.
"""

from __future__ import annotations

import functools
import gc
from contextlib import contextmanager
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")


def batch(function: Callable[..., T]) -> Callable[..., T]:
    """Run ``function`` with the collector paused; freeze what survives, then resume it."""

    @functools.wraps(function)
    def paused(*args, **kwargs) -> T:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.freeze()
                gc.enable()

    return paused


def worker() -> None:
    """A worker process's setting, made where workers are spawned as well as forked."""
    gc.disable()


@contextmanager
def loading() -> Iterator[None]:
    """The collector waits while a session loads a corpus, and resumes after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def server_load() -> Iterator[None]:
    """What a load leaves is moved out of the collector's sight; the old corpus back into it first."""
    gc.unfreeze()
    try:
        yield
    finally:
        gc.freeze()
