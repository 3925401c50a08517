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
