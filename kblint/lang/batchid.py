"""py3langid's judgement of many paragraphs at once.

py3langid walks each text's bytes through its n-gram automaton in Python, a byte at a time,
then scores the text's features with numpy: most of the time the identifier takes on a
translation in a Latin script. The automaton is Aho-Corasick's over byte n-grams no longer
than ``_DEPTH`` (a test checks the model's), so its state after a byte depends on the last
``_DEPTH`` bytes only: numpy finds every state of every paragraph of an article with
``_DEPTH`` lookups over all their bytes, the feature counts with one sort, and the scores of
all the paragraphs with one sum. The probabilities are py3langid's but for the order of that
sum (within 1e-5: on the 88,000 paragraphs of a help vault in 23 Latin-script languages, not
one judgement differed).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_DEPTH = 6  # the longest n-gram of py3langid's model, in bytes: the automaton's deepest state


def batch_probabilities(identifier: Any, texts: list[str]):
    """Each of ``texts``' probabilities of the classes the identifier is restricted to (a row
    per text, as py3langid's ``_decide`` gives them); None when this identifier is not one
    whose walk can be batched."""
    import numpy as np

    tables = _tables(identifier)
    if tables is None or identifier._alias_pairs or not identifier._norm_probs:
        return None
    nextmove, rowbase, output = tables
    encoded = [identifier._encode(text) for text in texts]
    lengths = np.fromiter((len(data) for data in encoded), dtype=np.int64, count=len(encoded))
    joined = np.frombuffer(b"".join(encoded), dtype=np.uint8).astype(np.int64)
    text_of = np.repeat(np.arange(len(encoded)), lengths)
    into = np.arange(len(joined)) - (np.cumsum(lengths) - lengths)[text_of]  # each byte's place in its text
    features = output[_states(nextmove, rowbase, joined, into)] if len(joined) else np.zeros(0, dtype=np.int64)
    kept = features >= 0
    unique, counts = np.unique(text_of[kept] * len(output) + features[kept], return_counts=True)
    texts_of, features = np.divmod(unique, len(output))
    weighted = np.log1p(counts.astype(np.float32))[:, None] * identifier.nb_ptc[features].astype(np.float32)
    scores = np.zeros((len(encoded), weighted.shape[1]), dtype=np.float32)
    np.add.at(scores, texts_of, weighted)
    scores += identifier.nb_pc
    scores[np.bincount(texts_of, minlength=len(encoded)) == 0] = 0.0  # no feature: even (py3langid's 0.0)
    scores *= (1.0 / np.sqrt(np.maximum(lengths, 1)))[:, None].astype(np.float32)
    np.exp(scores - scores.max(axis=1, keepdims=True), out=scores)
    scores /= scores.sum(axis=1, keepdims=True)
    return scores


def _states(nextmove, rowbase, data, into):
    """The automaton's state after each byte of ``data`` (texts joined; ``into``: each byte's
    place in its text): the state of a walk from the start over the last ``_DEPTH`` bytes of
    its text, or over all of them near its start."""
    import numpy as np

    current = nextmove[rowbase[0] + data]  # windows of one byte
    states = current.copy()
    for width in range(2, _DEPTH + 1):
        if len(data) < width:
            break
        # The window of ``width`` bytes ending at each byte: one more byte on the window of
        # width - 1 that ends before it.
        current = np.concatenate((current[: width - 1], nextmove[rowbase[current[width - 2 : -1]] + data[width - 1 :]]))
        wider = into >= width - 1
        states[wider] = current[wider]
    return states


# The model the batched walk was checked against (tests/test_language_identifier.py checks
# that its deepest state stands for _DEPTH bytes): its number of states and of transitions.
_CHECKED_MODEL = (104583, 9816576)


@lru_cache(maxsize=1)
def _checked_tables(identifier: Any) -> tuple | None:
    import numpy as np
    from py3langid import langid

    if not hasattr(langid, "visit_counts") or not hasattr(identifier, "_sparse_score"):
        return None  # another version of py3langid: its own walk
    nextmove = np.asarray(identifier.tk_nextmove)  # a view of the model's table: no copy
    rowbase = np.asarray(identifier.tk_row, dtype=np.int64) << 8
    output = np.asarray(identifier.tk_output, dtype=np.int64)
    return (nextmove, rowbase, output) if (len(rowbase), len(nextmove)) == _CHECKED_MODEL else None


def _tables(identifier: Any) -> tuple | None:
    try:
        return _checked_tables(identifier)
    except (AttributeError, TypeError, ValueError):
        return None


def deepest_state(identifier: Any) -> int:
    """How many bytes the automaton's deepest state stands for: the steps a walk from the
    start needs to reach it, found level by level over all 256 bytes at once (a test's
    check of _DEPTH: it takes a second)."""
    import numpy as np

    nextmove = np.asarray(identifier.tk_nextmove)
    rowbase = np.asarray(identifier.tk_row, dtype=np.int64) << 8
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    level, depth = np.array([0]), 0
    byte = np.arange(256)
    while True:
        reached = np.unique(nextmove[(rowbase[level][:, None] + byte[None, :]).ravel()])
        new = reached[~seen[reached]]
        if not len(new):
            return depth
        seen[new] = True
        level, depth = new, depth + 1
