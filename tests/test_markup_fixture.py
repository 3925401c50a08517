"""The Markdown of docs-as-code knowledge bases (tests/fixtures/markup) makes no rule fire:
alerts, [!DNL] and [!UICONTROL], heading ids, MDX comments, imports and components, HTML
anchors, entities and attribute lists are markup, and the anchors they define are anchors."""

from helpers import ROOT, registry
from kblint.run.settings import load_config
from kblint.run.engine import run

FIXTURE = ROOT / "tests" / "fixtures" / "markup"
# Translation checks compare the zh-Hant article with its source; an alert or a component is
# not a difference. Rules that fire on any small corpus by design are left out.
OFF = {"orphan-article", "cjk-spacing"}


def test_no_rule_fires_on_the_markup(tmp_path):
    config = load_config(None, FIXTURE)
    assert config.file is None  # the fixture is linted with the defaults
    config.root = FIXTURE
    rules = [r for r in registry() if r.name not in OFF]
    findings = run([FIXTURE], config, rules).findings
    assert [(f.path, f.line, f.column, f.name, f.message) for f in findings] == []


def test_the_prose_inside_the_markup_is_still_checked(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "x.md").write_text(
        "# X\n\n> [!NOTE]\n> Take teh [!UICONTROL Recieve] button.\n\n## Heading {#anchor}\n\nThe the end.\n", "utf-8"
    )
    config = load_config(None, tmp_path)
    config.root = tmp_path
    found = run([tmp_path], config, registry().select(["typo", "repeated-word"], [])).findings
    assert [(f.line, f.column, f.message) for f in found] == [
        (4, 8, "'teh' is misspelled: 'the'"),
        (4, 24, "'Recieve' is misspelled: 'Receive'"),
        (8, 1, "'The' is repeated: 'The the'"),
    ]
