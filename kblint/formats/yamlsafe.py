"""YAML loaded safely and bounded: every YAML kblint reads (front matter, the configuration,
glossaries, rule packs, redirect maps) goes through here.

Safe tags alone do not make YAML safe to load: aliases let a few hundred bytes stand for
gigabytes (nine levels of nine aliases each make a list of 387 million items that a JSON
encoder, a schema validator or a walk over the data would expand). The document is composed
into nodes first (linear in its size: an alias is a reference to a node composed once), the
size of its expansion is computed over that graph, and only a document whose expansion stays
within bounds is constructed.
"""

from __future__ import annotations

from typing import Any

import yaml

# What an expansion may cost: nodes plus characters of scalars, counted with every alias
# expanded. Generous for real files (a 2 MB glossary is about 2 million), far below the
# gigabytes of an alias bomb.
MIN_BUDGET = 2_000_000
BUDGET_PER_CHARACTER = 4  # anchors that repeat a block a few times are legitimate

_LOADER = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


class YAMLTooLarge(yaml.MarkedYAMLError):
    """The document's aliases expand it beyond the budget, or an alias refers to itself."""

    def __init__(self, problem: str, mark: Any = None) -> None:
        super().__init__(problem=problem, problem_mark=mark)


def expanded_size(node: yaml.Node | None, budget: int) -> int:
    """Nodes plus scalar characters of ``node`` with every alias expanded. Memoised by node
    (aliases share their node), so the count is linear in the composed document; stops with
    YAMLTooLarge once ``budget`` is passed or at an alias to an enclosing node."""
    if node is None:
        return 0
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    # An explicit stack instead of recursion: deep nesting is no RecursionError here.
    stack: list[tuple[yaml.Node, bool]] = [(node, False)]
    while stack:
        current, children_done = stack.pop()
        key = id(current)
        if key in sizes:
            continue
        if isinstance(current, yaml.ScalarNode):
            sizes[key] = 1 + len(current.value)
            continue
        children = (
            [n for pair in current.value for n in pair] if isinstance(current, yaml.MappingNode) else list(current.value)
        )
        if not children_done:
            if key in open_nodes:
                continue
            open_nodes.add(key)
            stack.append((current, True))
            for child in children:
                if id(child) in open_nodes:
                    raise YAMLTooLarge("an alias refers to a node that contains it", child.start_mark)
                if id(child) not in sizes:
                    stack.append((child, False))
            continue
        total = 1 + sum(sizes[id(child)] for child in children)
        if total > budget:
            raise YAMLTooLarge(
                f"aliases expand this document beyond {budget:,} nodes and characters (an alias bomb?)",
                current.start_mark,
            )
        sizes[key] = total
        open_nodes.discard(key)
    return sizes[id(node)]


def budget_for(text: str) -> int:
    return max(MIN_BUDGET, BUDGET_PER_CHARACTER * len(text))


def compose(text: str, loader: type = _LOADER) -> yaml.Node | None:
    """The node graph of a single-document YAML text, bounded (YAMLTooLarge)."""
    instance = loader(text)
    try:
        node = instance.get_single_node()
    finally:
        instance.dispose()
    expanded_size(node, budget_for(text))
    return node


def load(text: str, loader: type = _LOADER) -> Any:
    """``yaml.safe_load`` of a single-document text, refusing a document whose aliases
    expand beyond the budget (YAMLTooLarge, a yaml.YAMLError)."""
    instance = loader(text)
    try:
        node = instance.get_single_node()
        if node is None:
            return None
        expanded_size(node, budget_for(text))
        return instance.construct_document(node)
    finally:
        instance.dispose()
