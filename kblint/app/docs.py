"""Generate ``docs/rules.md`` from the registry: ``python -m kblint.app.docs > docs/rules.md``."""

from __future__ import annotations

import re

from kblint.rules.explain import explain_text
from kblint.rules.packs import load_packs
from kblint.rules.registry import Registry, builtin_rules


def _demote(markdown: str) -> str:
    """Rule documentation headings move two levels down to nest under the rule's heading."""
    return re.sub(r"^(#{1,4}) ", lambda m: "#" * (len(m.group(1)) + 2) + " ", markdown, flags=re.M)


def rules_markdown() -> str:
    registry = Registry([*builtin_rules(), *load_packs()])
    rules = list(registry)
    lines = [
        "# Rules",
        "",
        "Generated from the rule registry by `python -m kblint.app.docs`; do not edit by hand.",
        "`kblint explain NAME` prints the same text for one rule.",
        "",
        "| Code | Name | Severity | Fix | On by default | Summary |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in rules:
        on = "yes" if r.enabled_by_default else "no"
        lines.append(f"| {r.code} | [{r.name}](#{r.name}) | {r.severity.value} | {r.fix} | {on} | {r.summary.replace('|', '/')} |")
    lines.append("")
    for r in rules:
        text = explain_text(r)
        title, _, rest = text.partition("\n")
        lines.append(f"## {r.name}")
        lines.append("")
        lines.append(f"`{r.code}`")
        lines.append(_demote(rest.strip()))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(rules_markdown())
