from helpers import ROOT
from kblint.app.docs import rules_markdown


def test_rules_reference_is_up_to_date():
    current = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert current == rules_markdown(), "regenerate with: python -m kblint.app.docs > docs/rules.md"


def test_every_rule_documents_what_why_examples_and_fix():
    from helpers import registry

    for rule in registry():
        for section in ("## What it does", "## Example", "## Does not fire", "## Fix"):
            assert section in rule.documentation, (rule.name, section)


def test_explain_says_what_a_rule_reads():
    """A rule that checks each article and the corpus says both (cjk-punctuation reports a
    page's brackets as the knowledge base's style allows); others say one."""
    from kblint.rules.catalog import resolve
    from kblint.rules.explain import _scope
    from kblint.rules.registry import builtin_rules

    by_name = {rule.name: rule for rule in builtin_rules()}
    resolve([by_name["cjk-punctuation"], by_name["broken-link"], by_name["typo"]])
    assert [_scope(by_name[name]) for name in ("cjk-punctuation", "broken-link", "typo")] == [
        "each article, and the whole corpus", "the whole corpus", "each article",
    ]
