"""Exporting the reference graph: Graphviz DOT, GraphML and node-link JSON."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx


def _dot_escape(value: object) -> str:
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def _dot_quote(value: object) -> str:
    return f'"{_dot_escape(value)}"'


def to_dot(graph: "networkx.DiGraph") -> str:
    lines = ["digraph kblint {", "  node [shape=box];"]
    for node, data in sorted(graph.nodes(data=True)):
        label = _dot_escape(node)
        if data.get("title"):
            label += "\\n" + _dot_escape(data["title"])  # DOT's own line break in a label
        attrs = [f'label="{label}"']
        if data.get("broken"):
            attrs.append('color="red" style="dashed"')
        lines.append(f"  {_dot_quote(node)} [{', '.join(attrs)}];")
    for source, target, data in sorted(graph.edges(data=True)):
        style = ' color="red"' if graph.nodes[target].get("broken") else ""
        lines.append(f"  {_dot_quote(source)} -> {_dot_quote(target)} [label={_dot_quote(data.get('kinds', ''))}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def export(graph: "networkx.DiGraph", fmt: str) -> str:
    import networkx

    if fmt == "dot":
        return to_dot(graph)
    if fmt == "graphml":
        buffer = io.BytesIO()
        networkx.write_graphml(graph, buffer, encoding="utf-8")
        return buffer.getvalue().decode("utf-8")
    if fmt == "json":
        data = networkx.node_link_data(graph, edges="edges")
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    raise ValueError(fmt)
