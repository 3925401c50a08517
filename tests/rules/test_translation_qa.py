"""Translation QA: what translation-drift compares, untranslated-text, glossary-term and
inconsistent-translation, on translations written for these tests."""

import pytest

from helpers import article

SOURCE = """\
# Exporting the vault

Exports larger than 2048 MB are split; the limit is 4,294,967,296 bytes in version 2.4.5.
Press Ctrl+Alt+Q to stop, or write to help@vaultline.example.

Run `vault export --all` to export everything; the file is named `%s.tar`.

> [!WARNING]
> Exports are not encrypted.

## Check the result {#check-result}

| Item | Size |
| --- | --- |
| Notes | 12 KB |
"""

# The same content, its sentences reordered, Chinese punctuation, numbers where Chinese puts them.
FAITHFUL = """\
# 匯出保管庫

在 2.4.5 版中，上限是 4294967296 位元組；大於 2048 MB 的匯出會分割。
如要停止，請按 Ctrl + Alt + Q，或寫信到 help@vaultline.example。

執行 `vault export --all` 匯出所有內容，檔名為 `%s.tar`。

> [!WARNING]
> 匯出的檔案不會加密。

## 檢查結果 {#check-result}

| 項目 | 大小 |
| --- | --- |
| 筆記 | 12 KB |
"""


def lint(kb, translation: str, *rules: str):
    kb.write("en/KB1.md", article("KB1", "en", "Exporting", SOURCE))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "匯出", translation))
    return [(f.line, f.name, f.message) for f in kb.lint(*rules)]


def test_a_faithful_translation_with_reordered_sentences_is_clean(kb):
    assert lint(kb, FAITHFUL, "translation-drift", "untranslated-text") == []


def test_an_alert_written_as_a_shortcode_is_an_alert_of_any_kind(kb):
    """A site's alert shortcode (Docsy's {{% alert %}}) does not say the kind in words that
    stay the source's: it counts as an alert of any kind, so only a missing alert is reported."""
    as_shortcode = FAITHFUL.replace("> [!WARNING]\n> 匯出的檔案不會加密。", '{{% alert title="警告" %}}\n匯出的檔案不會加密。\n{{% /alert %}}')
    assert "{{% alert" in as_shortcode
    assert lint(kb, as_shortcode, "translation-drift") == []
    without = FAITHFUL.replace("> [!WARNING]\n> 匯出的檔案不會加密。\n", "")
    messages = [m for _, _, m in lint(kb, without.replace("## 檢查結果", '{{% alert title="注意" %}}\n另一則。\n{{% /alert %}}\n\n## 檢查結果'), "translation-drift")]
    assert messages == [], messages  # moved, of another kind: still one alert
    messages = [m for _, _, m in lint(kb, without, "translation-drift")]
    assert any(m.startswith("the alert [!WARNING] of the source") for m in messages), messages


def test_a_table_written_in_html_is_the_same_table_in_pipes(kb):
    """A translation may write the source's pipe table as an HTML table (or the reverse): it is
    the same table, and one with a row less is reported where it is."""
    as_html = FAITHFUL.replace(
        "| 項目 | 大小 |\n| --- | --- |\n| 筆記 | 12 KB |\n",
        "<table>\n  <tr><th>項目</th><th>大小</th></tr>\n  <tr><td>筆記</td><td>12 KB</td></tr>\n</table>\n",
    )
    assert "<table>" in as_html

    def tables(translation: str) -> list[tuple[int, str]]:
        # (The text of an HTML block is not read for facts: its cell's 12 is not seen.)
        return [(line, m) for line, _, m in lint(kb, translation, "translation-drift") if "table" in m]

    assert tables(as_html) == []
    shorter = as_html.replace("  <tr><td>筆記</td><td>12 KB</td></tr>\n", "")
    assert tables(shorter) == [(19, "a table of 1 rows and 2 columns here is 2 rows and 2 columns in the source (en KB1, line 19)")]
    in_code = FAITHFUL + "\n```html\n<table><tr><td>x</td></tr></table>\n```\n"
    assert tables(in_code) == []  # (its code block is not the source's: reported as such)


def test_each_kind_of_fact_that_changed(kb):
    drifted = (
        FAITHFUL.replace("2048", "4096")
        .replace("`vault export --all`", "`vault export`")
        .replace("Ctrl + Alt + Q", "Ctrl + Q")
        .replace("help@vaultline.example", "support@vaultline.example")
        .replace("`%s.tar`", "`{name}.tar`")
        .replace("[!WARNING]", "[!NOTE]")
        .replace("{#check-result}", "{#verify-result}")
        .replace("| 筆記 | 12 KB |", "| 筆記 | 12 KB |\n| 相片 | 30 KB |")
    )
    messages = [m for _, _, m in lint(kb, drifted, "translation-drift")]
    for expected in (
        "the number 4096 here is 2048 in the source (en KB1, line 9)",
        "the code `vault export` here is `vault export --all` in the source (en KB1, line 12)",
        "the shortcut ctrl+q here is ctrl+alt+q in the source (en KB1, line 10)",
        "the e-mail address support@vaultline.example here is help@vaultline.example in the source (en KB1, line 10)",
        "the code `{name}.tar` here is `%s.tar` in the source (en KB1, line 12)",
        "the alert [!NOTE] here is [!WARNING] in the source (en KB1, line 14)",
        "the heading id {#verify-result} here is {#check-result} in the source (en KB1, line 17)",
        "a table of 3 rows and 2 columns here is 2 rows and 2 columns in the source (en KB1, line 19)",
    ):
        assert expected in messages, (expected, messages)


def test_the_facts_of_one_missing_passage_are_one_finding(kb):
    source = "# T\n\n" + "".join(f"Set `option{k}` first.\n\n" for k in range(6))
    kb.write("en/KB1.md", article("KB1", "en", "T", source))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "T", "# 題\n\n請先設定。\n"))
    [finding] = [f for f in kb.lint("translation-drift") if "code" in f.message]
    assert finding.message == "6 code spans of the source (en KB1, lines 9–19) are missing here: `option0`, `option1`, `option2`, …"


def test_untranslated_text_identical_or_in_the_source_language(kb):
    translation = FAITHFUL.replace(
        "匯出的檔案不會加密。", "Exports are not encrypted."
    ) + "\n請參閱 [Exporting the vault safely](KB2.md)。Always keep the archive on a drive that you trust.\n"
    found = [(line, message) for line, _, message in lint(kb, translation, "untranslated-text")]
    assert found == [
        (15, "identical to the source (en KB1): this text is not translated"),
        (23, "written in the source's language (en), not in zh-Hant: translate it"),
    ]


def test_a_page_with_not_a_word_in_its_own_script_is_one_finding(kb):
    # A reference copied into the translation: sentences, and lines of field names and types
    # between them that are no text to compare, a third of them identical at most.
    fields = "".join(
        f"- **{name}** (string), required\n\n  The {name} of the archive that the vault writes when it exports.\n\n"
        "- **mode** (int32)\n\n- **size** (int64), optional\n\n- **owner** (string)\n\n"
        for name in ("label", "region", "path", "format")
    )
    kb.write("en/KB1.md", article("KB1", "en", "Archive", fields))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "封存檔", fields))
    found = [(f.line, f.message) for f in kb.lint("untranslated-text")]
    assert found == [(9, "all 4 paragraphs of its text are identical to the source (en KB1): this translation is not translated")]
    generated = article("KB1", "zh-Hant", "封存檔", fields).replace("lang: zh-Hant\n", "lang: zh-Hant\nauto_generated: true\n")
    kb.write("zh-Hant/KB1.md", generated)
    assert kb.lint("untranslated-text") == []  # a generator's page, kept in English on purpose
    closed = article("KB1", "zh-Hant", "封存檔", fields + "###### Auto generated by spf13/cobra on 3-Mar-2026\n")
    kb.write("zh-Hant/KB1.md", closed)
    assert kb.lint("untranslated-text") == []  # a command's page cobra wrote
    marked = article("KB1", "zh-Hant", "封存檔", "<!-- Code generated by docgen. DO NOT EDIT. -->\n\n" + fields)
    kb.write("zh-Hant/KB1.md", marked)
    assert kb.lint("untranslated-text") == []  # a generated page, a comment at its top says so
    translated = fields.replace("The label of the archive that the vault writes when it exports.", "保管庫匯出時寫入的封存檔標籤。")
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "封存檔", translated))
    assert len(kb.lint("untranslated-text")) == 3  # translated in part: each paragraph left is one


def test_product_names_and_labels_are_not_untranslated(kb):
    translation = FAITHFUL + "\nVaultline Cloud Export Service 與 Tidewell Agent 都支援。\n"
    assert lint(kb, translation, "untranslated-text") == []


def test_a_table_cell_of_many_bracketed_words_is_read_at_once(kb):
    """Two thousand bracketed words after a name, unclosed: no Lisp form, and no search over
    every way of reading the brackets (an open ".*" between brackets took exponential time)."""
    cell = "(run " + " ".join(["(item)"] * 2000) + " and stop here for the whole team"
    table = f"\n| Step | Notes |\n| --- | --- |\n| one | {cell} |\n"
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\n")
    kb.write("en/KB1.md", article("KB1", "en", "Setup", "Open the vault before you start the export.\n" + table))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "設定", "開始匯出前，請先開啟保管庫。\n" + table))
    found = kb.lint("untranslated-text")
    assert [(f.path, f.message) for f in found] == [("zh-Hant/KB1.md", "identical to the source (en KB1): this text is not translated")]


def test_a_list_of_names_with_a_brands_capital_inside_is_no_text(kb):
    """A tab titled for the systems it applies to ("Linux, macOS, Windows Bash Shell") is the
    same in every language."""
    names = "\nLinux, macOS, Windows Bash Shell\n"
    kb.config("source_locale: en\nlocales: [en, de]\n")
    kb.write("en/KB1.md", article("KB1", "en", "Setup", "Open the vault before you start the export.\n" + names))
    kb.write("de/KB1.md", article("KB1", "de", "Einrichtung", "Öffnen Sie den Tresor, bevor Sie den Export starten.\n" + names))
    assert kb.lint("untranslated-text") == []


def test_untranslated_between_languages_of_one_script(kb):
    kb.config("source_locale: en\nlocales: [en, fr]\n")
    kb.write("en/KB1.md", article("KB1", "en", "Export", "Open the vault and select Export to save a copy of every item.\n\nThe copy is stored on your computer until you delete it.\n"))
    kb.write("fr/KB1.md", article("KB1", "fr", "Exporter", "Ouvrez le coffre et sélectionnez Exporter pour enregistrer une copie de chaque élément.\n\nThe copy stays on your computer until you remove it yourself.\n"))
    found = [(f.line, f.message) for f in kb.lint("untranslated-text")]
    assert found == [(9, "written in the source's language (en), not in fr: translate it")]


def test_a_tables_command_example_is_not_untranslated_between_languages_of_one_script(kb):
    """A table of commands: its example column's commands are the same in every language;
    a description left in English is still told."""
    kb.config("source_locale: en\nlocales: [en, fr]\n")
    table = "| Command | What it does | Example |\n| --- | --- | --- |\n"
    kb.write("en/KB1.md", article("KB1", "en", "Commands", table + "| copy | copies a file | **copy c:\\vault\\keys.txt d:\\backup\\keys.txt** |\n| move | moves a file from one folder to another one | **move c:\\a.txt d:\\b.txt** |\n"))
    tableau = "| Commande | Ce qu'elle fait | Exemple |\n| --- | --- | --- |\n"
    kb.write("fr/KB1.md", article("KB1", "fr", "Commandes", tableau + "| copy | copie un fichier | **copy c:\\vault\\keys.txt d:\\backup\\keys.txt** |\n| move | moves a file from one folder to another one | **move c:\\a.txt d:\\b.txt** |\n"))
    found = [(f.line, f.column, f.message) for f in kb.lint("untranslated-text")]
    assert found == [(10, 10, "identical to the source (en KB1): this text is not translated")], found


def test_a_propertys_accepted_values_between_slashes_are_not_untranslated(kb):
    kb.config("source_locale: en\nlocales: [en, es]\n")
    table = "| Attribute | Description | Accepted values |\n| --- | --- | --- |\n| placement | {} | top / top-start / top-end / bottom / bottom-start / bottom-end |\n"
    kb.write("en/KB1.md", article("KB1", "en", "Popover", table.format("where the popover opens")))
    kb.write("es/KB1.md", article("KB1", "es", "Popover", table.format("dónde se abre el popover") + "\nThe copy stays on your computer until you remove it yourself.\n"))
    assert [f.line for f in kb.lint("untranslated-text")] == [11]


def test_tags_a_papers_label_an_faqs_error_and_a_name_with_its_long_form_are_kept(kb):
    """A Chinese page keeps what every language writes as it is: a row's tags, a technique
    named before the paper its link cites, an error an FAQ's question quotes, a heading that
    names a method with its long form in brackets, a heading that names a rule by its code."""
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    table = "| Dataset | Tags |\n| --- | --- |\n| {} | chat, sft, 🔥, zh |\n"
    papers = "- LoRA+: [LoRA+: Efficient Low Rank Adaptation of Large Models](https://example.org/2402)\n- Agarwal et al. [On-Policy Distillation of Language Models](https://example.org/2306). 2023.\n- Inserts [the generator tag of the page](https://example.org/meta).\n"
    faq = "### Q48: safetensors_rust.SafetensorError: Error while deserializing header\n\n{}\n"
    heading = "## BNPO (Batch Normalized Policy Optimization)\n\n{}\n\n### [E1006] Module split across many chunks\n\n{}\n"
    kb.write("en/KB1.md", article("KB1", "en", "Training", table.format("Our chat set") + "\n" + papers + "\n" + faq.format("Lower the batch.") + "\n" + heading.format("Normalizes the batch.", "One module, many chunks.")))
    kb.write("zh-Hans/KB1.md", article("KB1", "zh-Hans", "训练", table.format("我们的对话数据") + "\n" + papers + "\n" + faq.format("降低批大小。") + "\n" + heading.format("对批次做归一化。", "一个模块被拆进多个分块。")
                                        + "\nThe copy stays on your computer until you remove it yourself.\n"))
    # (A sentence before a link is no label: "Inserts [the generator tag …](…).")
    assert [f.line for f in kb.lint("untranslated-text")] == [13, 27]


def test_a_name_with_a_link_or_a_handle_is_not_judged_for_its_language(kb):
    """Six words of its own at least, outside links' texts and identifiers: a library with its
    address, or a tester's handle and a product, tell no language."""
    kb.config("source_locale: en\nlocales: [en, cs]\n")
    source = "- swc project: [github.com/swc-project/swc/tree](https://github.com/swc-project/swc)\n- ag_bug_finder, beta tester of Tidewell for Windows\n"
    translation = "- swc project: [github.com/swc-project/swc/tree](https://github.com/swc-project/swc)\n- ag_bug_finder, beta tester Tidewell pro Windows\n"
    kb.write("en/KB1.md", article("KB1", "en", "Thanks", source))
    kb.write("cs/KB1.md", article("KB1", "cs", "Poděkování", translation + "\nThe copy stays on your computer until you remove it yourself.\n"))
    found = [(f.line, f.message) for f in kb.lint("untranslated-text")]
    assert found == [(10, "written in the source's language (en), not in cs: translate it")]


def test_a_paragraph_left_in_the_source_language_is_reported_where_its_text_starts(kb):
    # A tag that opens it is markup: the finding starts at its first word, where an identical
    # paragraph's starts too (one finding for one paragraph); a paragraph of one template tag
    # holds no text to translate.
    kb.config("source_locale: en\nlocales: [en, fr]\n")
    source = "Open the vault and select Export to save a copy.\n\n<kbd>Ctrl</kbd> The copy stays on your computer until you remove it.\n\n{% post_link export-guide 'Read the export guide' %}\n"
    kb.write("en/KB1.md", article("KB1", "en", "Export", source))
    kb.write("fr/KB1.md", article("KB1", "fr", "Exporter", source.replace("Open the vault and select Export to save a copy.", "Ouvrez le coffre et sélectionnez Exporter pour enregistrer une copie.")))
    found = [(f.line, f.column, f.message) for f in kb.lint("untranslated-text")]
    assert found == [(9, 6, "identical to the source (en KB1): this text is not translated")]


def test_a_sentence_left_in_english_with_code_in_it_is_reported_from_its_first_word(kb):
    # The code is no word, but neither does it end the sentence: one run from "Lower", not
    # one from "runs" (and none at all for "The default", too short alone).
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    kb.write("en/KB1.md", article("KB1", "en", "Order", "Set the order with `rank`. Lower `rank` runs first. The default `rank` is 10.\n"))
    kb.write("zh-Hans/KB1.md", article("KB1", "zh-Hans", "顺序", "用 `rank` 设定顺序。Lower `rank` runs first and stays there. The default `rank` is 10.\n"))
    found = [(f.line, f.column, f.end_column) for f in kb.lint("untranslated-text")]
    assert found == [(7, 15, 54), (7, 56, 80)]


def test_a_list_of_people_thanked_by_their_handles_is_not_untranslated(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    thanks = "_@kimlee, @ravi.k, @Tom van Dijk, @Ana Lima (Acme), @ana-m and @jo_w_"
    kb.write("en/KB1.md", article("KB1", "en", "Release 2.1", f"## Thanks\n\nThanks to everyone who helped.\n\n{thanks}\n"))
    kb.write("zh-Hans/KB1.md", article("KB1", "zh-Hans", "版本 2.1", f"## 致谢\n\n感谢所有帮助过我们的人。\n\n{thanks}\n"))
    assert kb.lint("untranslated-text") == []


def test_a_reference_left_in_the_source_language_is_one_finding(kb):
    """A generated reference copied into a translation, its descriptions left in English (with
    Chinese full stops, so no cell is identical) and its parameters named as in every
    language: one finding for the page, not one a cell."""
    names = ["vault_name", "export_path", "retry_count", "key_size", "max_items", "backup_zone", "owner_email", "sync_mode", "log_level", "tag_list", "region_code"]
    rows = [(name, f"The {name.replace('_', ' ')} that is used for the export of this vault.") for name in names]
    source = "## Parameters\n\n| Name | Description | Type |\n| --- | --- | --- |\n" + "".join(f"| {n} | {d} | string |\n" for n, d in rows)
    copied = "## 参数\n\n| 名称 | 描述 | 类型 |\n| --- | --- | --- |\n" + "".join(f"| {n} | {d[:-1]}。 | string |\n" for n, d in rows)
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    kb.write("en/KB1.md", article("KB1", "en", "Export reference", "Every parameter of an export, and what it is for.\n\n" + source))
    kb.write("zh-Hans/KB1.md", article("KB1", "zh-Hans", "导出参考", "导出的每个参数及其用途。\n\n" + copied))
    found = [(f.line, f.column, f.message) for f in kb.lint("untranslated-text")]
    assert found == [(13, 16, "11 of its 12 paragraphs of text are identical to the source (en KB1) or written in its language: this translation is mostly not translated")]


GLOSSARY = "terms:\n  recovery code: {zh-Hans: 恢复码}\nkeep: [Vaultline]\n"


def test_glossary_paragraph_by_paragraph(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\nglossary: glossary.yaml\n")
    kb.write("glossary.yaml", GLOSSARY)
    kb.write("en/KB1.md", article("KB1", "en", "T", "# Codes\n\nKeep the recovery codes.\n\nVaultline keeps nothing.\n"))
    kb.write("zh-Hans/KB1.md", article("KB1", "zh-Hans", "T", "# 代码\n\n保存好救援代码。\n\n保险线不会保存任何内容。\n"))
    found = [(f.line, f.message) for f in kb.lint("glossary-term")]
    assert found == [
        (9, "glossary: 'recovery code' (en KB1, line 9) is '恢复码' in zh-Hans, which this paragraph does not use"),
        (11, "glossary: 'Vaultline' (en KB1, line 11) is kept as it is in every language, but this paragraph does not have it"),
    ]
    kb.write("zh-Hans/KB1.md", article("KB1", "zh-Hans", "T", "# 代码\n\n保存好恢复码。\n\nVaultline 不会保存任何内容。\n"))
    assert kb.lint("glossary-term") == []


def test_glossary_as_csv_and_do_not_localize_markup(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\nglossary: glossary.csv\n")
    kb.write("glossary.csv", "term,zh-Hans\nrecovery code,恢复码|恢复代码\nVaultline,\n")
    kb.write("en/KB1.md", article("KB1", "en", "T", "Keep the recovery code in [!DNL Vault Cloud].\n"))
    kb.write("zh-Hans/KB1.md", article("KB1", "zh-Hans", "T", "把恢复代码保存在保险云中。\n"))
    found = [f.message for f in kb.lint("glossary-term")]
    assert found == ["'Vault Cloud' is marked [!DNL] in the source (en KB1): keep it as it is, in [!DNL Vault Cloud]"]


def test_a_heading_translated_against_the_usual_translation(kb):
    for k, trad in ((1, "疑難排解"), (2, "疑難排解"), (3, "故障排除"), (4, "疑難排解")):
        kb.write(f"en/KB{k}.md", article(f"KB{k}", "en", f"Article {k}", "## Troubleshooting\n\nText.\n"))
        kb.write(f"zh-Hant/KB{k}.md", article(f"KB{k}", "zh-Hant", f"文章 {k}", f"## {trad}\n\n內容。\n"))
    found = [(f.path, f.message) for f in kb.lint("inconsistent-translation")]
    assert found == [("zh-Hant/KB3.md", "'故障排除' translates 'Troubleshooting', which 3 other articles translate as '疑難排解'")]
    # A run over one file (as pre-commit makes) knows how the others translate it.
    assert [f.path for f in kb.lint("inconsistent-translation", paths=["zh-Hant/KB3.md"])] == ["zh-Hant/KB3.md"]


def test_a_url_renamed_in_the_source_is_paired_with_the_old_one(kb):
    links = "- [Change 11](https://code.example/oldorg/vault/pull/11)\n"
    renamed = links.replace("oldorg", "vaultline")
    kb.write("en/KB2.md", article("KB2", "en", "Changes", f"See the changes:\n\n{renamed}\nMore at https://vaultline.example/faq.\n"))
    kb.write("zh-Hant/KB2.md", article("KB2", "zh-Hant", "變更", f"請參閱變更：\n\n{links}\n"))
    found = [(f.line, f.column, f.message) for f in kb.lint("translation-drift")]
    line = next(i for i, text in enumerate((kb.root / "zh-Hant/KB2.md").read_text("utf-8").splitlines(), 1) if "pull/11" in text)
    assert (line, 15, "the URL https://code.example/oldorg/vault/pull/11 here is https://code.example/vaultline/vault/pull/11 in the source (en KB2)") in found
    assert any(m.startswith("the URL https://vaultline.example/faq of the source (en KB2, line ") and m.endswith(") is missing here") for _, _, m in found), found


def test_many_renamed_urls_are_one_finding_at_the_first(kb):
    links = "".join(f"- [Change {n}](https://code.example/oldorg/vault/pull/{n})\n" for n in range(1, 3))
    kb.write("en/KB2.md", article("KB2", "en", "Changes", links.replace("oldorg", "vaultline")))
    kb.write("zh-Hant/KB2.md", article("KB2", "zh-Hant", "變更", links))
    found = [(f.line, f.message) for f in kb.lint("translation-drift")]
    assert len(found) == 1, found
    assert found[0][1].startswith("2 URLs differ from the source's (en KB2), from this one on: https://code.example/oldorg/vault/pull/1 is")


def test_a_title_left_in_english_in_the_front_matter(kb):
    kb.write("en/KB1.md", article("KB1", "en", "Local Server", "Start the local server to preview your site.\n"))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "Local Server", "啟動本機伺服器以預覽網站。\n"))
    found = [(f.line, f.message) for f in kb.lint("untranslated-text")]
    assert found == [(4, "identical to the source (en KB1): this text is not translated")]


def test_a_heading_that_repeats_a_kept_title_is_that_title(kb):
    """A translation that keeps its source's title as a name ("Probe on Vaultline") and a
    heading that repeats it: the heading is no second text left untranslated."""
    source = "## About Probe\n\nProbe checks the nodes.\n\n## Probe on Vaultline\n\nTwo ways run it on Vaultline.\n"
    translated = "## 关于 Probe\n\nProbe 检查节点。\n\n## Probe on Vaultline\n\n有两种方式在 Vaultline 上运行它。\n"
    kb.write("en/KB1.md", article("KB1", "en", "Probe on Vaultline", source))
    kb.write("zh-Hans/KB1.md", article("KB1", "zh-Hans", "Probe on Vaultline", translated))
    kb.write("en/KB2.md", article("KB2", "en", "Probe Setup", source))
    kb.write("zh-Hans/KB2.md", article("KB2", "zh-Hans", "Probe 设置", translated))
    assert [(f.path, f.line) for f in kb.lint("untranslated-text")] == [("zh-Hans/KB1.md", 4), ("zh-Hans/KB2.md", 11)]


def test_a_chinese_sources_title_in_latin_letters_is_its_translations_too(kb):
    """A Chinese source titled in English ("Vault Sync Tool") and its English translation of
    the same title: nothing is left untranslated. Its Chinese title kept is still one."""
    kb.config("source_locale: zh-Hans\nlocales: [zh-Hans, en]\n")
    kb.write("zh-Hans/KB1.md", article("KB1", "zh-Hans", "Vault Sync Tool", "同步工具把配置复制到各个集群。\n"))
    kb.write("en/KB1.md", article("KB1", "en", "Vault Sync Tool", "The sync tool copies the settings to every cluster.\n"))
    kb.write("zh-Hans/KB2.md", article("KB2", "zh-Hans", "同步工具的安装步骤", "同步工具把配置复制到各个集群。\n"))
    kb.write("en/KB2.md", article("KB2", "en", "同步工具的安装步骤", "The sync tool copies the settings to every cluster.\n"))
    assert [(f.path, f.line) for f in kb.lint("untranslated-text")] == [("en/KB2.md", 4)]


def test_a_title_that_names_an_api_a_product_or_a_kept_term_is_not_untranslated(kb):
    bodies = {"Box": "Box 是處理資料夾中檔案的容器。\n", "Actions": "Enqueue action 篩選可排入佇列的作業。\n"}
    for n, title in enumerate(["useState", "GitLab Pages", "cache", "<Suspense>", "Box", "Actions"], 1):
        body = bodies.get(title, "說明。\n")
        kb.write(f"en/KB{n}.md", article(f"KB{n}", "en", title, "Some text.\n"))
        kb.write(f"zh-Hant/KB{n}.md", article(f"KB{n}", "zh-Hant", title, body))
    assert kb.lint("untranslated-text") == []


def test_a_reference_lists_cited_titles_with_their_dates_are_not_untranslated(kb):
    """A translation cites a paper by its own title: a list item that is a linked title and
    its date is the same in every language. Text after the date is the translator's to write."""
    source = (
        "## Further reading\n\n- [Sorting Vaults by Their Access Patterns](https://papers.example/2305.1) (May 2023)\n"
        "- [Caching Exports Across Regions](https://papers.example/2406.2) (2024)\n- Export the vault before you read on.\n"
    )
    translation = (
        "## 延伸閱讀\n\n- [Sorting Vaults by Their Access Patterns](https://papers.example/2305.1) (May 2023)\n"
        "- [Caching Exports Across Regions](https://papers.example/2406.2) (2024)\n- Export the vault before you read on.\n"
    )
    kb.write("en/KB1.md", article("KB1", "en", "Reading", source))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "閱讀", translation))
    assert [(f.line, f.message) for f in kb.lint("untranslated-text")] == [(11, "identical to the source (en KB1): this text is not translated")]


def test_a_line_that_is_only_a_link_an_image_a_name_or_a_command_is_not_untranslated(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\nglossary: glossary.yaml\n")
    kb.write("glossary.yaml", "keep: [keep the vault safe]\n")
    lines = [
        "![An image of the export dialog](export.png)",
        "[Read the export guide for teams](KB2.md)",
        "- [Read the export guide for admins](KB3.md)",
        "Vaultline Cloud Export Service",
        "vault export --all --format json",
        "$ npm install vault-agent --save",
        "## vault export items",
        "Keep the vault safe",
        "### Error: EACCES: permission denied, open the vault file",
        "**Read the export guide for users**",
        "[Export for teams][], [Export for admins][], [Export for users][]",
        "### Northwind Hosting / Contoso Static Pages / Fabrikam Edge / Tailspin",
        "### Contoso Cloud Web Services (CCWS)",
        "### vault_export(Items: list, Format: string) -> binary",
        "### vault trace start \\<Name> items \\<ItemId> [\\<Duration>]",
        "::: tab Contoso Linux",
    ]
    definitions = "\n[Export for teams]: KB2.md\n[Export for admins]: KB3.md\n[Export for users]: KB4.md\n"
    kb.write("en/KB1.md", article("KB1", "en", "Export", "Open the vault before you start.\n\n" + "\n\n".join(lines) + "\n" + definitions))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "匯出", "開始前請先開啟保管庫。\n\n" + "\n\n".join(lines) + "\n" + definitions))
    found = [(f.line, f.message) for f in kb.lint("untranslated-text")]
    # Only the sentence in bold was left untranslated (links' texts alone are the same in
    # every language).
    assert found == [(27, "identical to the source (en KB1): this text is not translated")]


def test_an_error_message_quoted_in_a_translation_is_not_untranslated(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\n")
    message = "TypeError: cannot read the vault of null\nThe above error occurred in the export of the vault."
    kb.write("en/KB1.md", article("KB1", "en", "Export", "Open the vault before you start.\n\nYou may see:\n\n" + message + "\n"))
    translation = "開始前請先開啟保管庫。\n\n您可能會看到：\n\n" + message + "\n\n若仍失敗, please check the settings of the vault first.\n"
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "匯出", translation))
    # The message, identical and in English over two lines, is quoted; the English sentence is not.
    assert [f.message for f in kb.lint("untranslated-text")] == ["written in the source's language (en), not in zh-Hant: translate it"]


def test_an_uncaught_error_as_a_browsers_console_prints_it_is_not_untranslated(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\n")
    issue = "- Uncaught (in promise) TypeError: vaultRender is not a function\n"
    kb.write("en/KB1.md", article("KB1", "en", "Known issues", "With the new runtime you may see:\n\n" + issue))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "已知問題", "使用新的執行環境時可能會看到：\n\n" + issue))
    assert kb.lint("untranslated-text") == []


def test_a_runtime_message_quoted_without_its_errors_name_is_not_untranslated(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\n")
    kb.write("en/KB1.md", article("KB1", "en", "Export", "Exporting a vault with a lazy image threw an error, now fixed.\n"))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "匯出", "修正匯出含延遲載入圖片的保管庫時出現 h is not a function 的錯誤。\n"))
    assert kb.lint("untranslated-text") == []


def test_a_message_quoted_whole_in_curly_quotes_is_not_untranslated(kb):
    # A message the software prints, quoted whole: brackets and a colon inside it, the
    # quotation closed further on the line.
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\n")
    kb.write("en/KB1.md", article("KB1", "en", "Restart", "The restart fails with an error.\n"))
    message = "“Restart refused. Because there is no vault node (whose id=xx) in the cluster. Possible fixes are as follows:...”"
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "重新啟動", "無法重新啟動，結果為" + message + "\n"))
    assert kb.lint("untranslated-text") == []


def test_names_of_code_and_names_compared_are_not_untranslated(kb):
    lines = ["## app.config.errorHandler", "## v-else-if directive", "## Server Rendering vs. Static Generation"]
    definitions = "\n[Export for teams]: KB2.md\n[Export for admins]: KB3.md\n[Export for users]: KB4.md\n"
    kb.write("en/KB1.md", article("KB1", "en", "Export", "Open the vault before you start.\n\n" + "\n\n".join(lines) + "\n" + definitions))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "匯出", "開始前請先開啟保管庫。\n\n" + "\n\n".join(lines) + "\n" + definitions))
    assert kb.lint("untranslated-text") == []


def test_a_long_list_left_as_its_source_is_one_finding(kb):
    # Names and links between the entries make the identical entries less than half.
    entries = "".join(f"### Vaultline Meetup {k}\n\nThe meetup number {k} is held in the town hall.\n\n[Website](https://meetup.example/{k})\n\n" for k in range(60))
    kb.write("en/KB1.md", article("KB1", "en", "Meetups", entries))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "聚會", entries))
    found = [f.message for f in kb.lint("untranslated-text")]
    assert len(found) == 1 and "this translation is not translated" in found[0]


def test_a_title_left_in_english_also_written_in_an_english_sentence_of_the_text(kb):
    kb.write("en/KB1.md", article("KB1", "en", "Helpers", "Helpers are used in templates.\n"))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "Helpers", "Helpers are used in templates. 輔助函數用於模板中。\n"))
    found = [(f.line, f.message) for f in kb.lint("untranslated-text")]
    assert (4, "identical to the source (en KB1): this text is not translated") in found


def test_a_page_left_as_its_source_is_one_finding_however_many_short_items_it_has(kb):
    # Half of the page is one-word items and headings that name options: as long in every
    # language, they are not text that counts for the share left untranslated.
    sentences = "".join(f"The option number {k} keeps the vault open while you work.\n\n" for k in range(12))
    names = "".join(f"- `keep_open_{k}`\n" for k in range(30)) + "".join(f"\n## keepOpen{k}\n" for k in range(10))
    kb.write("en/KB1.md", article("KB1", "en", "Options", sentences + names))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "選項", sentences + names))
    found = [(f.line, f.message) for f in kb.lint("untranslated-text")]
    assert found == [(7, "all 12 paragraphs of its text are identical to the source (en KB1): this translation is not translated")]


def test_a_translated_page_with_a_few_paragraphs_left_in_english_is_reported_paragraph_by_paragraph(kb):
    english = "".join(f"The option number {k} keeps the vault open while you work.\n\n" for k in range(10))
    chinese = "".join(f"第 {k} 個選項會在您工作時讓保管庫保持開啟。\n\n" for k in range(11))
    kb.write("en/KB1.md", article("KB1", "en", "Options", english + english))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "選項", chinese + english))
    found = [f.message for f in kb.lint("untranslated-text")]
    assert len(found) == 10 and all(m.startswith("identical to the source") for m in found)


def test_the_share_left_as_a_chinese_source_counts_every_paragraph_of_text(kb):
    # A Japanese translation holds no Latin words: its paragraphs of text are counted all the same.
    kb.config("source_locale: zh-Hant\nlocales: [zh-Hant, ja]\n")
    chinese = "".join(f"第 {k} 個選項會在您工作時讓保管庫保持開啟。\n\n" for k in range(10))
    japanese = "".join(f"オプション {k} は作業中に保管庫を開いたままにします。\n\n" for k in range(21))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "選項", chinese + "說明。\n"))
    kb.write("ja/KB1.md", article("KB1", "ja", "オプション", japanese + chinese))
    found = [f.message for f in kb.lint("untranslated-text")]
    assert len(found) == 10 and all(m.startswith("identical to the source") for m in found)


def test_the_source_term_in_brackets_after_the_translated_one_is_a_gloss(kb):
    kb.write("en/KB1.md", article("KB1", "en", "Vault", "The vault is offered as a service to the team.\n"))
    translation = (
        "保管庫以服務的形式（Vault as a Service）提供給團隊。\n\n"
        "在範本清單中選取「Request to add a new entry (English)」。\n\n"
        "請注意（the vault is locked for every user of the team until the owner opens it again）。\n"
    )
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "保管庫", translation))
    found = [(f.line, f.message) for f in kb.lint("untranslated-text")]
    # A sentence in brackets is still a sentence left in English.
    assert found == [(11, "written in the source's language (en), not in zh-Hant: translate it")]


def test_an_acronym_spelled_out_before_its_translation_is_a_gloss(kb):
    """VaaS（Vault as a Service，保管庫即服務）: the acronym's words and their translation in
    its brackets; words the acronym does not spell are still a sentence left in English. A SQL
    statement written without code marks is code."""
    kb.write("en/KB1.md", article("KB1", "en", "Vault", "The vault is offered as a service to the team.\n"))
    translation = (
        "本團隊以 VaaS（Vault as a Service，保管庫即服務）的形式提供保管庫。\n\n"
        "本團隊以 VaaS（the vault is kept for the team，保管庫）的形式提供。\n\n"
        "現在可以正常儲存，例如：SELECT * FROM \"t/1\" WHERE clientid = \"保管庫\"。\n"
    )
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "保管庫", translation))
    assert [f.line for f in kb.lint("untranslated-text")] == [9]


def test_a_title_a_translation_in_latin_letters_also_writes_in_its_text_is_a_term_it_keeps(kb):
    kb.write("en/firewall.md", article("firewall", "en", "Firewall", "A firewall filters the traffic of a network.\n"))
    kb.write("en/search.md", article("search", "en", "Search Results", "The pages that hold your words.\n"))
    kb.write("es/firewall.md", article("firewall", "es", "Firewall", "Un firewall filtra el tráfico de una red.\n"))
    kb.write("es/search.md", article("search", "es", "Search Results", "Las páginas que contienen sus palabras.\n"))
    found = [(f.path, f.line) for f in kb.lint("untranslated-text")]
    assert found == [("es/search.md", 4)]


def test_a_title_written_beside_the_translations_own_script_past_a_dash_is_a_term(kb):
    kb.write("en/vaultline.md", article("vaultline", "en", "Vaultline", "Vaultline is a vault for the keys of a team.\n"))
    kb.write("ru/vaultline.md", article("vaultline", "ru", "Vaultline", "Vaultline — это хранилище ключей команды.\n"))
    assert kb.lint("untranslated-text") == []


def _error_pages(kb, locale: str, kept: int, others: int) -> None:
    """An error reference: each page's title and first line are the message a program prints.
    ``kept`` translations keep both as the source's, ``others`` translate them."""
    for n in range(1, kept + others + 1):
        message = f"The loader number {n} could not read the file you gave it."
        source = f"---\ntitle: Loader {n} failed to read the file\n---\n\n> {message}\n\n## What went wrong?\n\nThe file is not valid.\n"
        kb.write(f"en/errors/e{n}.md", source)
        if n <= kept:
            translated = f"---\ntitle: Loader {n} failed to read the file\n---\n\n> {message}\n\n## 發生了什麼問題？\n\n檔案無效。\n"
        else:
            translated = f"---\ntitle: 載入器 {n} 無法讀取檔案\n---\n\n> 載入器 {n} 無法讀取您提供的檔案。\n\n## 發生了什麼問題？\n\n檔案無效。\n"
        kb.write(f"{locale}/errors/e{n}.md", translated)


def test_titles_and_first_lines_a_language_keeps_in_a_folder_are_its_convention(kb):
    _error_pages(kb, "zh-Hant", kept=4, others=1)
    assert kb.lint("untranslated-text") == []


def test_where_most_are_translated_one_kept_as_the_source_is_reported(kb):
    _error_pages(kb, "zh-Hant", kept=2, others=4)
    found = sorted({(f.path, f.line) for f in kb.lint("untranslated-text")})
    assert found == [("zh-Hant/errors/e1.md", 2), ("zh-Hant/errors/e1.md", 5), ("zh-Hant/errors/e2.md", 2), ("zh-Hant/errors/e2.md", 5)]


def test_a_run_of_one_file_sees_the_folders_convention(kb):
    _error_pages(kb, "zh-Hant", kept=4, others=1)
    kb.lint("untranslated-text")  # fills the cache
    assert kb.lint("untranslated-text", paths=["zh-Hant/errors/e1.md"]) == []


def test_a_title_is_reported_at_its_text_and_a_number_does_not_cut_a_run(kb):
    kb.write("en/KB1.md", "---\nid: KB1\ntitle: Resetting the vault\n---\n\nStart again.\n")
    kb.write("zh-Hant/KB1.md", "---\nid: KB1\ntitle: Resetting the vault\n---\n\n在版本 3 之後，you can reset the vault in 2 minutes from the settings page。\n")
    found = [(f.line, f.column, f.end_column) for f in kb.lint("untranslated-text")]
    assert found == [(3, 8, 27), (6, 10, 69)]


def test_a_folders_convention_is_read_from_its_first_pairs_by_path(kb, monkeypatch):
    """A run of one file must not read every article of a large folder: the convention is
    what the folder's first SAMPLE translated pairs (by path) show."""
    from kblint.rules import untranslated_text

    monkeypatch.setattr(untranslated_text, "SAMPLE", 6)
    _error_pages(kb, "zh-Hant", kept=6, others=0)
    for n in range(7, 19):  # later by path (e7 < e8 … as written: e10 sorts before e2)
        kb.write(f"en/errors/z{n}.md", f"---\ntitle: Loader {n} failed to read the file\n---\n\n> The loader number {n} could not read the file.\n\n## What went wrong?\n\nThe file is not valid.\n")
        kb.write(f"zh-Hant/errors/z{n}.md", f"---\ntitle: 載入器 {n} 無法讀取檔案\n---\n\n> 載入器 {n} 無法讀取檔案。\n\n## 發生了什麼問題？\n\n檔案無效。\n")
    assert kb.lint("untranslated-text") == []  # 6 of the first 6 keep them (6 of all 18 would not be half)


def test_a_list_of_people_is_the_same_in_every_language(kb):
    """A handle or a name, then a name in brackets (linked or not): the same in every
    language. Short text beside a link is still text: "More info" is English."""
    kb.config("source_locale: en\nlocales: [en, fr]\n")
    source = (
        "Thanks to our helpers.\n\n- kimlee ([Kim Lee](https://kim.example.org))\n- Rowan (R. Diaz)\n"
        "- Ana Ruiz (Spanish)\n\nMore info: [Gravatar](https://example.org/g)\n"
    )
    kb.write("en/KB1.md", article("KB1", "en", "Credits", source))
    kb.write("fr/KB1.md", article("KB1", "fr", "Remerciements", source.replace("Thanks to our helpers.", "Merci à nos aides.")))
    found = [(f.line, f.message) for f in kb.lint("untranslated-text")]
    assert found == [(13, "identical to the source (en KB1): this text is not translated")]


COMPONENT = """\
---
id: KB7
lang: {lang}
title: Carousel
subtitle: {subtitle}
---

{intro}

<code src="./demo/basic.tsx">{demo}</code>

| Property | Description | Type |
| --- | --- | --- |
| afterChange | {callback} | (current: number) => void |
| dots | {dots} | boolean \\| {{ className?: string }} |
| size | {size} | 'small' \\| 'medium' \\| 'large' |

{see}({link}).
"""


def test_a_component_pages_name_types_demos_and_localized_address_are_no_drift(kb):
    """As Ant Design writes them: the title is the component's name in every language, the
    subtitle its translation; an API table's types are code without code marks; a demo's title
    (<code src>) is text to translate; the Chinese page's link to the site is its -cn address."""
    kb.write("en/KB7.md", COMPONENT.format(
        lang="en", subtitle="", intro="A set of slides that turn one after another, on their own or by hand.", demo="Basic usage",
        callback="Called after the slide changes", dots="Whether to show the dots under the slides", size="The size of the slides",
        see="See the defaults in the [config provider]", link="https://ant.design/components/config-provider/",
    ))  # fmt: skip
    kb.write("zh-Hans/KB7.md", COMPONENT.format(
        lang="zh-Hans", subtitle="走马灯", intro="一组依次轮播的幻灯片，可自动播放，也可手动切换。", demo="基本用法",
        callback="切换面板的回调", dots="是否显示面板指示点", size="幻灯片的尺寸", see="默认值见[全局化配置]",
        link="https://ant.design/components/config-provider-cn/",
    ))  # fmt: skip
    assert [(f.line, f.column, f.name, f.message) for f in kb.lint("untranslated-text", "translation-drift")] == []


GUIDE = """\
---
id: KB8
lang: {lang}
title: {title}
---

{intro}

- feat(DatePicker): add a week view
- fix: keep the focus ring after a reset

| Variable | Default |
| --- | --- |
| --tile-font | _-apple-system, Segoe UI, Roboto, sans-serif_ |
| --deny-message | "Your address is not allowed here" |

{outro}
"""


def test_commit_message_examples_and_a_font_stack_stay_as_they_are(kb):
    """A contribution guide's commit messages are written in English in every language, and a
    theme table's font stack is a CSS value, as is a default string in quotes (the message a
    program returns); an English sentence left in the translation is still told."""
    outro = "Open the pull request against the main branch once the checks pass."
    kb.write("en/KB8.md", GUIDE.format(lang="en", title="Contributing", intro="Name each commit by what it changes.", outro=outro))
    kb.write("zh-Hans/KB8.md", GUIDE.format(lang="zh-Hans", title="贡献指南", intro="按改动的内容命名每次提交。", outro=outro))
    found = [(f.line, f.message) for f in kb.lint("untranslated-text")]
    assert found == [(17, "identical to the source (en KB8): this text is not translated")]


def test_a_changelogs_entry_in_the_commit_form_is_still_text_to_translate(kb):
    entry = "- feat(Menu): let each item take its own class names and styles [#5301](https://example.com/pull/5301) @kim\n"
    kb.write("en/KB9.md", "---\nid: KB9\nlang: en\ntitle: Changes\n---\n\n" + entry)
    kb.write("zh-Hans/KB9.md", "---\nid: KB9\nlang: zh-Hans\ntitle: 更新日志\n---\n\n" + entry)
    assert [f.line for f in kb.lint("untranslated-text")] == [7]


RELEASE = "---\nid: KB10\nlang: {lang}\ntitle: {title}\n---\n\n## {features}\n\n{entries}\n## {fixes}\n\nThe upgrade needs no change to your settings.\n"
ENTRIES = [
    "feat(export): write the report as a spreadsheet too ([#412](https://example.com/pull/412))",
    "fix(vault): keep the order of the folders after a restore ([#398](https://example.com/pull/398))",
    "Let an administrator rename a shared folder without losing its members #377",
]


def _release(lang: str, title: str, features: str, fixes: str, entries: list[str], outro: str = "") -> str:
    text = RELEASE.format(lang=lang, title=title, features=features, fixes=fixes, entries="".join(f"- {e}\n" for e in entries))
    return text.replace("The upgrade needs no change to your settings.", outro) if outro else text


def test_release_notes_that_quote_their_entries_leave_them_as_written(kb):
    """A translation of release notes that keeps every entry as its pull request's title:
    the convention of the page, not text left untranslated; its prose is still read."""
    kb.write("en/KB10.md", _release("en", "Version 4.2", "Features", "Upgrading", ENTRIES))
    kb.write("zh-Hans/KB10.md", _release("zh-Hans", "4.2 版", "新功能", "升级", ENTRIES, outro="升级时无需更改设置。"))
    assert kb.lint("untranslated-text") == []
    kb.write("zh-Hans/KB10.md", _release("zh-Hans", "4.2 版", "新功能", "升级", ENTRIES))
    assert [f.line for f in kb.lint("untranslated-text")] == [15]


def test_release_notes_whose_entries_start_with_their_number_are_quoted_too(kb):
    """Entries written as paragraphs, each starting with its pull request's number in
    brackets: "[[#412](…)] feat(export): …"."""
    leading = [f"[[#{n}](https://example.com/pull/{n})] {e.split(' ([#')[0]}\n" for n, e in zip((412, 398), ENTRIES)]
    paragraphs = "\n".join(leading)
    kb.write("en/KB10.md", RELEASE.format(lang="en", title="Version 4.2", features="Features", fixes="Upgrading", entries=paragraphs))
    zh = RELEASE.format(lang="zh-Hans", title="4.2 版", features="新功能", fixes="升级", entries=paragraphs)
    kb.write("zh-Hans/KB10.md", zh.replace("The upgrade needs no change to your settings.", "升级时无需更改设置。"))
    assert kb.lint("untranslated-text") == []


@pytest.mark.parametrize(
    "entries",
    [
        # An entry may go on after its number, in brackets: a note for the upgrade, or its author.
        [
            "feat(export): write the report as a spreadsheet too ([#412](https://example.com/pull/412)). Rename the old setting first",
            "fix(vault): keep the order of the folders after a restore. ([#398](https://example.com/pull/398)) ([@dana](https://example.com/dana))",
        ],
        # GitHub's release notes credit each entry's authors at its end.
        [
            "[[vault] keep the order of the folders after a restore #398](https://example.com/pull/398) @dana",
            "write the report as a spreadsheet too, contribute by @kim and @lee",
        ],
    ],
    ids=["number-then-a-note-or-an-author", "authors-at-the-end"],
)
def test_release_notes_whose_entries_give_their_number_or_authors_otherwise_are_quoted_too(kb, entries):
    kb.write("en/KB10.md", _release("en", "Version 4.2", "Features", "Upgrading", entries))
    kb.write("zh-Hans/KB10.md", _release("zh-Hans", "4.2 版", "新功能", "升级", entries, outro="升级时无需更改设置。"))
    assert kb.lint("untranslated-text") == []


def test_release_notes_that_translate_their_entries_report_one_left_as_written(kb):
    translated = ["导出：报告也可以写成电子表格 ([#412](https://example.com/pull/412))", "保险库：恢复后保持文件夹的顺序 ([#398](https://example.com/pull/398))", ENTRIES[2]]
    kb.write("en/KB10.md", _release("en", "Version 4.2", "Features", "Upgrading", ENTRIES))
    kb.write("zh-Hans/KB10.md", _release("zh-Hans", "4.2 版", "新功能", "升级", translated, outro="升级时无需更改设置。"))
    assert [f.line for f in kb.lint("untranslated-text")] == [11]


def test_a_short_page_copied_as_it_is_is_one_finding(kb):
    """Three paragraphs, all the source's: one finding for the page; one paragraph of three
    left as the source's is one for the paragraph."""
    source = "Open the vault before you start.\n\nSelect the items that you want to export.\n\nKeep the copy in a safe place.\n"
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    kb.write("en/KB1.md", article("KB1", "en", "Export", source))
    kb.write("zh-Hans/KB1.md", article("KB1", "zh-Hans", "导出", source))
    kb.write("en/KB2.md", article("KB2", "en", "Import", source))
    kb.write("zh-Hans/KB2.md", article("KB2", "zh-Hans", "导入", "开始前先打开保管库。\n\n选择要导出的项目。\n\nKeep the copy in a safe place.\n"))
    found = [(f.path, f.line, f.message) for f in kb.lint("untranslated-text")]
    assert found == [
        ("zh-Hans/KB1.md", 7, "all 3 paragraphs of its text are identical to the source (en KB1): this translation is not translated"),
        ("zh-Hans/KB2.md", 11, "identical to the source (en KB2): this text is not translated"),
    ]


def test_a_short_page_copied_but_a_line_is_one_finding(kb):
    """Four paragraphs of five left as the source's: the page is the finding; three of four
    are each a finding of their own."""
    lines = ["Open the vault before you start.", "Select the items that you want to export.", "Keep the copy in a safe place.", "Close the vault when you are done.", "Tell the owner of the vault."]
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    kb.write("en/KB1.md", article("KB1", "en", "Export", "\n\n".join(lines) + "\n"))
    kb.write("zh-Hans/KB1.md", article("KB1", "zh-Hans", "导出", "\n\n".join(["开始之前先打开保管库。"] + lines[1:]) + "\n"))
    kb.write("en/KB2.md", article("KB2", "en", "Import", "\n\n".join(lines[:4]) + "\n"))
    kb.write("zh-Hans/KB2.md", article("KB2", "zh-Hans", "导入", "\n\n".join(["开始之前先打开保管库。"] + lines[1:4]) + "\n"))
    found = [(f.path, f.message.split(":")[0]) for f in kb.lint("untranslated-text")]
    assert found == [("zh-Hans/KB1.md", "4 of its 5 paragraphs of text are identical to the source (en KB1)")] + [
        ("zh-Hans/KB2.md", "identical to the source (en KB2)")
    ] * 3


def test_fifty_identical_paragraphs_in_a_translated_page_are_not_said_to_be_the_page(kb):
    """A changelog's entries kept in English (fifty or more) in a page whose other text is
    translated: one finding, which does not call the page mostly untranslated."""
    entries = "".join(f"- Fix the export of vault number {k} when it is locked\n" for k in range(55))
    notes = "".join(f"第 {k} 版修正了匯出功能的問題，請更新到最新版本。\n\n" for k in range(60))
    kb.write("en/KB1.md", article("KB1", "en", "Changes", "".join(f"Version {k} fixes a problem of the export; update to the newest one.\n\n" for k in range(60)) + entries))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "變更", notes + entries))
    found = [f.message for f in kb.lint("untranslated-text")]
    assert found == ["55 of its 115 paragraphs of text are identical to the source (en KB1): they are not translated"]


def test_the_name_a_page_is_titled_by_is_no_untranslated_text_in_its_body(kb):
    # A glossary's term keeps its English name as the page's title; the text writes it so.
    # The same words in a sentence of their own, or a title left in English, are reported.
    kb.write("en/KB1.md", article("KB1", "en", "Queue as a Service", "Queue as a Service runs queues for the team.\n"))
    translation = "Queue as a Service は、チームのためにキューを運用します。\n"
    path = kb.write("ja/KB1.md", article("KB1", "ja", "Queue as a Service", translation))
    body_line = path.read_text("utf-8").split("\n").index(translation.rstrip("\n")) + 1
    assert [f.line for f in kb.lint("untranslated-text")] == [4]  # the title itself, judged as before
    kb.write("ja/KB1.md", article("KB1", "ja", "キュー", translation))
    assert [f.line for f in kb.lint("untranslated-text")] == [body_line]


def test_an_error_wrapped_as_go_wraps_it_is_quoted_not_untranslated(kb):
    kb.write("en/KB1.md", article("KB1", "en", "Mounting", "Adding a share may fail.\n"))
    message = "failed get items: failed to list items: the share is not available in your region"
    translation = f"新增分享時可能出現：**{message}**\n\n這時 please check the settings of the share first.\n"
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "掛載", translation))
    # The program's message is quoted as it prints it; the English sentence after it is not.
    assert [f.message for f in kb.lint("untranslated-text")] == ["written in the source's language (en), not in zh-Hant: translate it"]


def test_chinese_text_a_source_holds_too_is_not_untranslated_in_the_chinese_page(kb):
    """The "English" page is a copy of the Chinese one: its text, Chinese with a few English
    names, is not left untranslated in the Chinese page."""
    text = "本文介绍如何在 Spring Cloud Gateway 中使用 Vault Sync 服务，并说明常见的部署方式与注意事项。\n"
    # (a sentence whose few Chinese words name long English things is Chinese too)
    text += "\n- Sync Agent - 为 Vault Server 生成 TLS 证书。\n"
    kb.add("KB1", "en", "Guide", text)
    kb.add("KB1", "zh-Hans", "指南", text)
    assert kb.lint("untranslated-text") == []


def test_a_quotation_the_translation_introduces_with_a_colon_is_kept_in_its_language(kb):
    """A block quote after "…會印出這則警告：" is the program's words, quoted; a note left in
    English with no such introduction is untranslated."""
    warning = "> Warning: the vault cannot be opened while a sync is running in the background.\n"
    note = "> Note that exports are not encrypted, so keep them on a drive that you trust.\n"
    kb.add("KB1", "en", "Guide", "The tool prints this warning:\n\n" + warning + "\nAnother paragraph here.\n\n" + note)
    kb.add("KB1", "zh-Hant", "指南", "工具會印出這則警告：\n\n" + warning + "\n另一段文字。\n\n" + note)
    assert [f.line for f in kb.lint("untranslated-text")] == [13]


def test_a_quotation_the_translation_introduces_in_words_or_by_its_link_is_kept(kb):
    """"会出现以下警告" before a quote says what follows as a colon does, and so does a link to
    where the words are from ("见该 [issue](…)。"); a note after a plain sentence is still
    untranslated."""
    warning = "> Warning: the vault cannot be opened while a sync is running in the background.\n"
    reply = "> Exports are not a backup, they are more like a snapshot of what you see now.\n"
    note = "> Note that exports are not encrypted, so keep them on a drive that you trust.\n"
    source = "The tool prints a warning\n\n" + warning + "\nThe team replied in [the issue](https://example.com/i/1).\n\n" + reply + "\nKeep it.\n\n" + note
    translation = "工具会出现以下警告\n\n" + warning + "\n官方的回复见该 [issue](https://example.com/i/1)。\n\n" + reply + "\n请保存好。\n\n" + note
    kb.add("KB1", "en", "Guide", source)
    kb.add("KB1", "zh-Hans", "指南", translation)
    assert [f.line for f in kb.lint("untranslated-text")] == [17]


def test_a_commands_syntax_with_its_arguments_named_is_no_text(kb):
    """A command's syntax names its arguments in angle brackets (`clients show <ClientId>`):
    the same in every language; an English sentence beside it is not."""
    body = "### vault clients show \\<ClientId\\>\n\n{}\n"
    kb.add("KB1", "en", "CLI", body.format("Shows one client and the topics it subscribes to."))
    kb.add("KB1", "zh-Hans", "命令行", body.format("Shows one client and the topics it subscribes to."))
    assert [f.line for f in kb.lint("untranslated-text")] == [9]


def test_a_name_joined_by_hyphens_is_one_word(kb):
    """A property named on-before-ok is one word, not "on" and "before": the Chinese sentence
    around it is no English run; an English sentence with hyphens still is."""
    kb.add("KB1", "en", "Changes", "The on-before-ok property accepts a function.\n\nIt runs before the dialog closes.\n")
    body = "**modal:** on-before-ok 属性支持返回 Promise 的函数。\n\n在 end-of-line time, it runs before the dialog closes.\n"
    kb.add("KB1", "zh-Hans", "变更", body)
    assert [f.line for f in kb.lint("untranslated-text")] == [9]


def test_a_message_quoted_whole_is_kept_whatever_name_it_holds(kb):
    """A program's message in Chinese quotes keeps its English, a dotted name in it too; the
    same words outside quotes are left untranslated."""
    message = "driver name fuse.csi.example.io not found in the list of registered drivers"
    kb.add("KB1", "en", "Debug", f"The pod fails with “{message}”.\n\nThe driver is not found in the list of registered drivers.\n")
    kb.add("KB1", "zh-Hans", "调试", f"创建 Pod 时出现“{message}”。\n\nThe driver is not found in the list of registered drivers.\n")
    assert [f.line for f in kb.lint("untranslated-text")] == [9]


def test_a_name_most_translations_keep_as_the_source_writes_it_is_no_untranslated_text(kb):
    """Three of four translations keep the home page's title, the product's name, as written:
    a name. A phrase kept so ("Get a Backup") is still text to translate."""
    titles = {"en": "Vault Sync Server", "de": "Vault Sync Server", "fr": "Vault Sync Server", "es": "Vault Sync Server", "ja": "ボールト同期サーバー"}
    headings = {"en": "Get a Backup", "de": "Get a Backup", "fr": "Get a Backup", "es": "Obtener una copia", "ja": "バックアップを取る"}
    bodies = {
        "en": "Keep every device in step with one small server.",
        "de": "Halte jedes Gerät mit einem kleinen Server auf dem gleichen Stand.",
        "fr": "Gardez chaque appareil à jour avec un petit serveur.",
        "es": "Mantén cada dispositivo al día con un pequeño servidor.",
        "ja": "小さなサーバーひとつで、すべての端末を同期します。",
    }
    more = {"en": ("Setup", "Limits"), "de": ("Einrichtung", "Grenzen"), "fr": ("Installation", "Limites"), "es": ("Instalación", "Límites"), "ja": ("設定", "制限")}
    for lang in titles:
        extra = "".join(f"## {heading}\n\n{bodies[lang]}\n\n" for heading in more[lang])
        kb.write(f"{lang}/index.md", f"---\ntitle: {titles[lang]}\n---\n\n{bodies[lang]}\n\n## {headings[lang]}\n\n{bodies[lang]}\n\n{extra}")
    assert sorted((f.path, f.line) for f in kb.lint("untranslated-text")) == [("de/index.md", 7), ("fr/index.md", 7)]
