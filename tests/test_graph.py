"""Graph export: DOT, GraphML and JSON, broken targets marked."""

import json
import os
import subprocess
import sys

from helpers import ROOT


def test_graph_export_formats(tmp_path):
    import networkx

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for fmt in ("graphml", "json", "dot"):
        result = subprocess.run(
            [sys.executable, "-m", "kblint", "graph", "--format", fmt, "examples/"], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        (tmp_path / f"g.{fmt}").write_text(result.stdout, "utf-8")
    graph = networkx.read_graphml(tmp_path / "g.graphml")
    assert graph.nodes["KB1020"]["broken"] is True
    assert graph.has_edge("KB1003", "KB1001") and graph.nodes["KB1001"]["locales"] == "en,zh-Hans,zh-Hant"
    data = json.loads((tmp_path / "g.json").read_text("utf-8"))
    assert any(n["id"] == "KB1020" and n["broken"] for n in data["nodes"])
    dot = (tmp_path / "g.dot").read_text("utf-8")
    assert dot.startswith("digraph kblint {") and '"KB1003" -> "KB1020"' in dot
