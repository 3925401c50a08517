"""A title and a description are read in lists and search results: the text rules check them,
at their place in the front matter, and --fix leaves the front matter alone."""

from helpers import KB


def test_text_rules_read_the_title_and_description(kb):
    kb.write(
        "zh-Hant/KB1.md",
        '---\nid: KB1\ntitle: "在大多數情况下 the the 「設定"\ndescription: Recieve donâ€™t\n---\n\nBody.\n',
    )
    found = [(f.line, f.column, f.name) for f in kb.lint("mixed-script", "repeated-word", "unbalanced-quote", "typo", "mojibake")]
    assert found == [(3, 14, "mixed-script"), (3, 17, "repeated-word"), (3, 25, "unbalanced-quote"), (4, 14, "typo"), (4, 22, "mojibake")]


def test_values_that_are_not_one_piece_of_the_file_are_skipped(kb):
    kb.write("en/KB1.md", '---\nid: KB1\ntitle: "Recieve\\tnow"\ndescription: >\n  Recieve later\n---\n\nBody.\n')
    assert kb.lint("typo") == []


def test_fix_leaves_front_matter_alone(tmp_path):
    from kblint.run.settings import load_config
    from kblint.run.fix import fix
    from helpers import registry

    kb = KB(tmp_path)
    path = kb.write("en/KB1.md", "---\nid: KB1\ntitle: Recieve the code\n---\n\nRecieve the code.\n")
    config = load_config(tmp_path / "kblint.yaml", tmp_path)
    report = fix([tmp_path], config, registry().select(["typo"], []))
    assert path.read_text("utf-8") == "---\nid: KB1\ntitle: Recieve the code\n---\n\nReceive the code.\n"
    assert [(f.line, f.name) for f in report.remaining] == [(3, "typo")]
