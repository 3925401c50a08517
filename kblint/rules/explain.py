"""A rule's page, as `kblint explain NAME`, the editor and docs/rules.md show it."""

from __future__ import annotations

from kblint.rules.api import Rule


def explain_text(rule: Rule) -> str:
    """The rule's metadata, then its documentation."""
    default = "on" if rule.enabled_by_default else "off (enable it with --extend-select or select)"
    header = [
        f"# {rule.name} ({rule.code})",
        "",
        rule.summary,
        "",
        f"- Default severity: {rule.severity.value}",
        f"- Enabled by default: {default}",
        f"- Fix: {rule.fix}",
        f"- Scope: {_scope(rule)}",
    ]
    if rule.needs:
        header.append(f"- Needs: {', '.join(sorted(rule.needs))}")
    if rule.languages:
        header.append(f"- Languages: {', '.join(rule.languages)}")
    if rule.origin != "built-in":
        header.append(f"- Defined in: {rule.origin}")
    return "\n".join(header) + "\n\n" + rule.documentation.strip() + "\n"


def _scope(rule) -> str:
    """What a rule reads: each article, the whole corpus, or both (a rule that reports what an
    article holds as the corpus's style allows: cjk-punctuation's brackets)."""
    if rule.is_corpus_rule and rule.check is not None:
        return "each article, and the whole corpus"
    return "the whole corpus" if rule.is_corpus_rule else "each article"
