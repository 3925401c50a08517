"""Draws ``kblint.output.report``'s figures as one self-contained HTML page.

Charts are Vega-Lite specifications rendered to SVG by vl-convert (in this process: the page
loads nothing and runs no chart library); the page comes from a Jinja2 template with
autoescaping. Article text is data everywhere: in the HTML it is escaped by Jinja2, in the SVG
charts by vl-convert, and the findings table is filled from JSON with ``textContent``. A
Content-Security-Policy allows the page's own script (by its hash) and nothing else.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import threading

from kblint.output.report import ReportData

TEMPLATES = Path(__file__).resolve().parent / "templates"
SEVERITY_COLORS = {"error": "#b3261e", "warning": "#c77700", "info": "#3f6ea8"}
COVERAGE_COLORS = {"up to date": "#2e7d4f", "outdated": "#c77700", "missing": "#b3261e"}


_warming: "threading.Thread | None" = None


def warm_up() -> None:
    """Start vl-convert's JavaScript runtime in a thread (its first chart takes a few tenths of
    a second; it runs outside Python's lock while the knowledge base is linted)."""
    global _warming
    import threading

    def first_chart() -> None:
        import vl_convert

        vl_convert.vegalite_to_svg(_base("warm-up", [{"a": 1}]) | {"mark": "point"})

    _warming = threading.Thread(target=first_chart, daemon=True)
    _warming.start()


def render(data: ReportData) -> str:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    script = (TEMPLATES / "report.js").read_text("utf-8")
    style = (TEMPLATES / "report.css").read_text("utf-8")
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    charts = _charts(data)
    return environment.get_template("report.html").render(
        data=data,
        charts=charts,
        graph=_graph_view(data),
        findings_json=_script_json(_findings_table(data)),
        script=script,
        style=style,
        script_hash=script_hash,
        severity_colors=SEVERITY_COLORS,
    )


def _script_json(value: Any) -> str:
    """JSON to sit inside a <script type="application/json"> element: no character of it can
    end the element or open a comment (``<``, ``>``, ``&`` are written as escapes)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _findings_table(data: ReportData) -> dict:
    rows = [
        [f.path, f.line, f.column, f.code, f.name, f.severity.value, data.locale_of.get(f.path, ""), f.message, data.titles.get(f.path, ""), data.addresses.get(f.path, "")]
        for f in data.findings
    ]
    return {"columns": ["path", "line", "column", "code", "rule", "severity", "locale", "message", "title", "address"], "rows": rows}


def _charts(data: ReportData) -> dict[str, str]:
    """The SVG of each chart (an empty string where there is nothing to draw)."""
    import vl_convert

    if _warming is not None:
        _warming.join()
    specs = {
        "scores": _scores_spec(data),
        "rules": _rules_spec(data),
        "coverage": _coverage_spec(data),
        "history": _history_spec(data),
    }
    return {name: (vl_convert.vegalite_to_svg(spec) if spec is not None else "") for name, spec in specs.items()}


def _base(description: str, values: list[dict], width: int = 560) -> dict:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": description,
        "data": {"values": values},
        "width": width,
        "config": {"view": {"stroke": None}, "font": "sans-serif", "axis": {"labelLimit": 260}},
    }


def _scores_spec(data: ReportData) -> dict | None:
    values = [{"locale": h.locale, "score": h.score} for h in data.locales]
    if not values:
        return None
    spec = _base("Score per locale, 0 to 100", values, 420)
    bars = {
        "mark": {"type": "bar", "cornerRadiusEnd": 3},
        "encoding": {
            "y": {"field": "locale", "type": "nominal", "sort": None, "title": None},
            "x": {"field": "score", "type": "quantitative", "scale": {"domain": [0, 100]}, "title": "score"},
            "color": {
                "field": "score",
                "type": "quantitative",
                "scale": {"domain": [0, 50, 100], "range": ["#b3261e", "#c77700", "#2e7d4f"]},
                "legend": None,
            },
        },
    }
    labels = {
        "mark": {"type": "text", "align": "left", "dx": 4},
        "encoding": {"y": {"field": "locale", "type": "nominal", "sort": None}, "x": {"field": "score", "type": "quantitative"}, "text": {"field": "score"}},
    }
    spec["layer"] = [bars, labels]
    return spec


def _rules_spec(data: ReportData) -> dict | None:
    values = [{"rule": _rule_label(name, code), "severity": severity, "findings": count} for name, code, severity, count in data.by_rule]
    if not values:
        return None
    spec = _base("Findings by rule and severity", values)
    order = [_rule_label(name, code) for name, code, _, _ in data.by_rule]
    spec.update(
        {
            "mark": "bar",
            "encoding": {
                "y": {"field": "rule", "type": "nominal", "sort": list(dict.fromkeys(order)), "title": None},
                "x": {"field": "findings", "type": "quantitative", "stack": "zero", "title": "findings"},
                "color": {
                    "field": "severity",
                    "type": "nominal",
                    "scale": {"domain": list(SEVERITY_COLORS), "range": list(SEVERITY_COLORS.values())},
                },
                "tooltip": [{"field": "rule"}, {"field": "severity"}, {"field": "findings"}],
            },
        }
    )
    return spec


def _rule_label(name: str, code: str) -> str:
    return f"{name} ({code})" if code else name  # the row of the other rules has no code


def _coverage_spec(data: ReportData) -> dict | None:
    values = []
    for row in data.coverage:
        label = f"{row.locale} · {row.section}"
        for state, count in (("up to date", row.translated - row.outdated), ("outdated", row.outdated), ("missing", row.missing)):
            values.append({"part": label, "state": state, "articles": count, "order": list(COVERAGE_COLORS).index(state)})
    if not values:
        return None
    spec = _base("Translation coverage per locale and section: up to date, outdated, missing", values)
    spec.update(
        {
            "mark": "bar",
            "encoding": {
                "y": {"field": "part", "type": "nominal", "sort": None, "title": None},
                "x": {"field": "articles", "type": "quantitative", "stack": "normalize", "title": "share of the source articles", "axis": {"format": "%"}},
                "color": {
                    "field": "state",
                    "type": "nominal",
                    "scale": {"domain": list(COVERAGE_COLORS), "range": list(COVERAGE_COLORS.values())},
                    "title": None,
                },
                "order": {"field": "order"},
                "tooltip": [{"field": "part"}, {"field": "state"}, {"field": "articles"}],
            },
        }
    )
    return spec


def _history_spec(data: ReportData) -> dict | None:
    if not data.history:
        return None
    rules = sorted({rule for point in data.history for rule in point.counts})
    values = [
        {"commit": f"{k + 1:03d} {point.commit}", "date": point.date, "rule": rule, "findings": point.counts.get(rule, 0)}
        for k, point in enumerate(data.history)
        for rule in rules
    ]
    spec = _base("Findings per rule over the last commits", values, 640)
    spec.update(
        {
            "mark": {"type": "line", "point": True},
            "encoding": {
                "x": {"field": "commit", "type": "ordinal", "title": "commit (oldest first)", "axis": {"labelAngle": -40}},
                "y": {"field": "findings", "type": "quantitative"},
                "color": {"field": "rule", "type": "nominal"},
                "tooltip": [{"field": "commit"}, {"field": "date"}, {"field": "rule"}, {"field": "findings"}],
            },
        }
    )
    return spec


def _graph_view(data: ReportData) -> dict:
    """Node and edge coordinates in a 1000 × 640 box, for the template's SVG."""
    width, height, margin, label_room = 1000, 640, 30, 120  # labels are written right of their node
    nodes = data.nodes
    if not nodes:
        return {"nodes": [], "edges": [], "width": width, "height": height}
    xs, ys = [n.x for n in nodes], [n.y for n in nodes]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    # One scale for both axes: the layout keeps its shape.
    scale = min((width - 2 * margin - label_room) / span_x, (height - 2 * margin) / span_y)

    def place(node) -> tuple[float, float]:
        return round(margin + (node.x - min(xs)) * scale, 1), round(margin + (node.y - min(ys)) * scale, 1)

    at = {n.key: place(n) for n in nodes}
    drawn_nodes = [{"key": n.key, "label": n.label, "title": n.title, "missing": n.missing, "x": at[n.key][0], "y": at[n.key][1]} for n in nodes]
    drawn_edges = [
        {"x1": at[e.source][0], "y1": at[e.source][1], "x2": at[e.target][0], "y2": at[e.target][1], "rule": e.rule, "title": f"{e.source}:{e.line} → {e.target} ({e.rule})"}
        for e in data.edges
        if e.source in at and e.target in at
    ]
    return {"nodes": drawn_nodes, "edges": drawn_edges, "width": width, "height": height}
