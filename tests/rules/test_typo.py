"""typo: fires on its example, stays silent on the traps."""


def test_typo_dictionary_context_and_key_names(kb):
    found = kb.check("typo", "Type: Secrete and public key, then press CRTL+Enter to recieve it.\n")
    assert [(l, c) for l, c, _ in found] == [(7, 7), (7, 42), (7, 56)]
    assert "'Secret'" in found[0][2] and "'Ctrl'" in found[1][2] and "'receive'" in found[2][2]


def test_typo_keeps_case_and_offers_a_safe_fix_for_one_correction(kb):
    kb.add("KB1", "en", "Title", "Recieve it.\n")
    (finding,) = kb.lint("typo")
    assert finding.fix.safe and finding.fix.edits[0].replacement == "Receive"


def test_typo_fixes_of_a_name_among_cjk_text_or_a_quoted_word_are_unsafe(kb):
    """A capitalized Latin word among Japanese or Chinese text is a name (a brand's short form);
    a word in quotes may be another language's, cited as written."""
    kb.add("KB1", "en", "Title", "今日は Recieve ツールを使います。\n\nWrite \"Execute o recieve\" in the other language.\n")
    found = kb.lint("typo")
    assert [(f.line, f.fix.safe, f.fix.reason) for f in found] == [
        (7, False, "a capitalized word among Chinese or Japanese text is a name"),
        (9, False, "quoted text may be cited as written, or in another language"),
    ], found


def test_typo_in_chinese_article_and_never_in_code_or_urls(kb):
    found = kb.check("typo", "請使用 HTPS 連線。\n\n```\nrecieve\n```\n\n`recieve` and https://example.com/recieve\n", "zh-Hant")
    assert [m for _, _, m in found] == ["'HTPS' should be 'HTTPS'"]


def test_typo_accepted_words_and_real_words(kb):
    kb.config("source_locale: en\naccepted_words: [recieve]\n")
    assert kb.check("typo", "The gland can secrete fluid. We recieve it. A café in Ørsted.\n") == []


def test_typo_command_line_options_written_as_text_are_code(kb):
    """A program's messages name its options without code marks (-ot, --fo): not words. A
    misspelling joined to a word by a hyphen is still one."""
    found = kb.check("typo", "Compare with -ot or --fo, then recieve-only mode.\n")
    assert [m for _, _, m in found] == ["'recieve' is misspelled: 'receive'"]


def test_typo_the_parts_of_a_path_written_in_prose_are_names(kb):
    """A device or a folder named in prose without code marks (/dev/hda, ~/teh): its parts
    after a slash are names. A slash between words makes no path: teh/or is still a typo."""
    found = kb.check("typo", "Wipe a device (such as /dev/hda or ~/recieve/x) with care, and teh/or check it.\n")
    assert [m for _, _, m in found] == ["'teh' is misspelled: 'the'"]


def test_typo_a_paragraph_of_one_short_token_is_a_code(kb):
    """A list of keyboard layouts' codes, one a line: "te", "fo" are codes, not words."""
    assert kb.check("typo", "Layouts:\n\nte\n\nfo\n") == []


def _fixes(kb, relpath: str, content: str) -> list[tuple[str, str, bool | None]]:
    """(word, replacement, safe) of each typo finding in one file; safe is None without a fix."""
    kb.write(relpath, content)
    found = kb.lint("typo")
    return [(f.context, f.fix.edits[0].replacement if f.fix else "", f.fix.safe if f.fix else None) for f in found]


def test_typo_joins_words_cut_by_key_markers(kb):
    body = "# tool\n\n- Show the [u]ser, the [c]ategory and the [i]nstaller; e[x]tract and Chec[k] it.\n"
    assert _fixes(kb, "en/tool.md", body) == []


def test_typo_key_marked_misspelling_is_reported_without_a_fix(kb):
    body = "# tool\n\n- Run the [i]nstaler with [a]rguments.\n"
    assert _fixes(kb, "en/tool.md", body) == [("[i]nstaler", "", None)]
    assert [f.message for f in kb.lint("typo")] == ["'[i]nstaler' may be misspelled: 'installer'"]


def test_typo_short_capitals_and_inner_capitals_are_names(kb):
    body = "The AKS and EDN formats, the FileTests class and recieve.conf are names.\n"
    assert kb.check("typo", body) == []


def test_typo_command_named_by_the_file_and_run_in_the_code_is_a_name(kb):
    body = "# lke\n\n> Handle lke clusters.\n\n- List them:\n\n`lke list`\n"
    assert _fixes(kb, "en/lke.md", body) == []


def test_typo_word_of_the_file_name_is_not_fixed_safely(kb):
    body = "# How to recieve mail\n\nTo recieve mail, open the inbox.\n"
    assert _fixes(kb, "en/recieve-mail.md", body) == [("recieve", "receive", False), ("recieve", "receive", False)]


def test_typo_word_used_in_the_article_code_is_not_fixed_safely(kb):
    body = "Start the recieve daemon first.\n\n```sh\nrecieve --all\n```\n"
    assert _fixes(kb, "en/guide.md", body) == [("recieve", "receive", False)]


def test_typo_verb_form_after_a_plural_subject_or_a_modal_is_not_fixed_safely(kb):
    # "they relys": the dictionary's "relies" keeps the -s the subject does not take ("rely").
    body = "The nodes work offline, but they relys on the hub.\n\nThe agent relys on the hub.\n"
    assert _fixes(kb, "en/hub.md", body) == [("relys", "relies", False), ("relys", "relies", True)]


def test_typo_in_a_table_cell_is_not_fixed_safely(kb):
    # A table of translations: "paket" is a word of another language, not English "packet".
    body = "| Locale | Package | Password |\n| --- | --- | --- |\n| sr | paket | lozinka |\n\nSeveral tools recieve it.\n"
    assert _fixes(kb, "en/terms.md", body) == [("paket", "packet", False), ("recieve", "receive", True)]


def test_typo_part_of_a_hyphenated_name_is_not_fixed_safely(kb):
    body = "Turn off the add-ons and the recieve-all tool.\n"
    assert _fixes(kb, "en/guide.md", body) == [("recieve", "receive", False)]


def test_typo_in_a_heading_is_safe_only_with_an_explicit_id(kb):
    body = "## How to recieve mail\n\nText.\n\n## Recieve again {#again}\n\nMore text.\n"
    assert _fixes(kb, "en/guide.md", body) == [("recieve", "receive", False), ("Recieve", "Receive", True)]


def test_typo_capitalized_word_inside_a_sentence_may_be_a_name(kb):
    body = "A patch by Vas, thanks. Recieve it: Recieve it all.\n"
    assert _fixes(kb, "en/guide.md", body) == [("Vas", "Was", False), ("Recieve", "Receive", True), ("Recieve", "Receive", True)]


def test_typo_a_capitalized_word_with_a_bang_inside_a_sentence_is_a_name(kb):
    """"Acheive! planner": the "!" does not end the sentence, it is the name's (Yahoo! mail)."""
    body = "- Acheive! planner for a team of five.\n- Recieve! It works.\n"
    assert _fixes(kb, "en/guide.md", body) == [("Acheive", "Achieve", False), ("Recieve", "Receive", True)]


def test_typo_other_latin_languages_get_only_the_pack(kb):
    body = "El comando atual de Github.\n"
    assert _fixes(kb, "es/guia.md", "---\nlang: es\n---\n\n" + body) == [("Github", "GitHub", True)]
    assert _fixes(kb, "en/guide.md", "We recieve it.\n") == [("recieve", "receive", True), ("Github", "GitHub", True)]


def test_typo_cited_misspelling_is_not_fixed_safely(kb):
    body = 'Write "JavaScript", not "Javascript". The recieve step is receive now. Thanks (reponse).\n'
    assert _fixes(kb, "en/guide.md", body) == [
        ("Javascript", "JavaScript", False),
        ("recieve", "receive", False),
        ("reponse", "response", False),
    ]


def test_typo_a_brand_in_a_cited_title_is_not_fixed_safely(kb):
    # A post's title in title marks or quotes: the post itself still spells it that way.
    body = (
        "See [《部署 Github 与 Gitlab 流水线》](https://blog.example.com/ci/) for the steps.\n\n"
        'The post "Moving off Github" explains it. Github is where the code lives.\n'
    )
    assert _fixes(kb, "en/guide.md", body) == [("Github", "GitHub", False), ("Github", "GitHub", False), ("Github", "GitHub", True)]


def test_typo_a_sentence_that_corrects_the_misspelling_quotes_it(kb):
    # A change log's line about the fix of a typo: the misspelling is quoted on purpose.
    body = (
        "- **doc**: fix typo occuring -> occurring (Ana).\n"
        "- **test**: fix typo from overriden to overridden.\n"
        "- A fix for recieve => receive.\n"
        "- The function seperate (it splits the list) was seperate before.\n"
    )
    assert _fixes(kb, "en/guide.md", body) == [("seperate", "separate", True), ("seperate", "separate", True)]


def test_typo_short_words_are_not_fixed_safely(kb):
    assert _fixes(kb, "en/guide.md", "The seh flag is off.\n") == [("seh", "she", False)]


def test_typo_product_name_in_a_link_does_not_block_its_fix(kb):
    body = "Open the Github page: <https://github.com/example>.\n"
    assert _fixes(kb, "en/guide.md", body) == [("Github", "GitHub", True)]


def test_typo_correction_in_another_sentence_does_not_block_the_fix(kb):
    body = "The receive step. We recieve it.\n"
    assert _fixes(kb, "en/guide.md", body) == [("recieve", "receive", True)]


def test_typo_correction_far_away_in_the_sentence_does_not_block_the_fix(kb):
    body = "Once it was only availble with a flag turned on, and now it is available always.\n"
    assert _fixes(kb, "en/guide.md", body) == [("availble", "available", True)]


def test_typo_capitalized_run_inside_a_sentence_is_a_name(kb):
    body = "A patch by Gilles De Mey (Nam Kim), with Condé Nast.\n\n## How To Recieve Mail\n"
    assert _fixes(kb, "en/guide.md", body) == [("Recieve", "Receive", False)]


def test_typo_word_glued_to_code_marks_is_a_name(kb):
    body = "Remove @bable/plugin, the --test-{ex,in}clude flags and nap&#x69;_&#x63;reate.\n"
    assert _fixes(kb, "en/guide.md", body) == []


def test_typo_inside_inline_html_is_prose(kb):
    assert _fixes(kb, "en/guide.md", "Press <b>recieve</b> now.\n") == [("recieve", "receive", True)]


def test_the_dictionary_is_codespells_read_without_importing_it(monkeypatch):
    """Read from the installed package's folder; through importlib.resources where the
    package is not a folder on disk. Both give codespell's whole dictionary (with the few
    entries kblint corrects, and without the names it lists)."""
    import sys
    from importlib.resources import files

    from kblint.lang import data
    from kblint.rules import typo

    text = files("codespell_lib").joinpath("data", "dictionary.txt").read_text("utf-8")
    expected = dict(line.split("->", 1) for line in text.splitlines() if "->" in line) | typo._NOT_ONE_CORRECTION
    assert "testng" in expected
    del expected["testng"]  # TestNG, a name (data-typos.yaml)
    typo.dictionary.cache_clear()
    monkeypatch.delitem(sys.modules, "codespell_lib", raising=False)
    assert typo.dictionary() == expected and "codespell_lib" not in sys.modules
    typo.dictionary.cache_clear()
    monkeypatch.setattr(data, "package_file", lambda package, *parts: None)
    assert typo.dictionary() == expected
    typo.dictionary.cache_clear()
    assert data.package_file("no_such_package_here", "x.txt") is None


def test_an_article_written_in_another_language_among_english_ones_is_not_held_to_english(kb):
    # A German guide beside the English articles, with no locale to say so.
    german = (
        "Die Übersetzung ist nicht schwer: du kannst mit einem Editor arbeiten, und wir helfen auch, "
        "wenn der Text oder die Beispiele für dich unklar sind. Das Glossar hilft auf jeder Seite.\n"
    )
    kb.write("guides/deutsch.md", f"# Leitfaden\n\n{german}")
    assert kb.lint("typo") == []
    english = "The guide is for you: it says that the words of your article are checked, and teh typo is found.\n"
    kb.write("guides/english.md", f"# Guide\n\n{english}Die Übersetzung ist nicht schwer.\n")
    # An English article is held to English, a German sentence in it too.
    assert {(f.path, f.message.split("'")[1]) for f in kb.lint("typo")} == {("guides/english.md", "teh"), ("guides/english.md", "ist")}


def test_the_end_of_a_name_the_article_shortens_is_a_term(kb):
    # "Rockblok" (a product) shortened to "Bloks"; "lables" only ends "available".
    body = "Rockblok calls its parts Bloks: each Blok holds fields, and bloks nest.\n\nThe lables are available.\n"
    kb.add("KB1", "en", "Parts", body)
    assert [f.message.split("'")[1] for f in kb.lint("typo")] == ["lables"]


def test_a_word_with_a_cyrillic_look_alike_letter_is_no_latin_word(kb):
    """«Сontext» with a Cyrillic С: its fix is not "Сcontext"."""
    found = kb.check("typo", "Ищите их в поле «Сontext» исходной строки, а не в «Recieve».\n", "ru")
    assert [message.split(":")[0] for _, _, message in found] == ["'Recieve' is misspelled"]


def test_a_capitalized_word_that_is_a_links_whole_text_is_a_name(kb):
    """A company linked to its site ([Didi](…)) is named, not misspelled; the same word in the
    sentence, or in a longer link text, is still checked."""
    body = "- [Didi](https://example.com/mobility)\n- [Recieve mail](https://example.com/mail)\n"
    assert [m for _, _, m in kb.check("typo", body)] == ["'Recieve' is misspelled: 'Receive'"]


def test_a_misspelling_that_may_mean_two_words_is_not_fixed(kb):
    """'is's' is 'its' as often as 'it's': the dictionary's one correction would write a new error."""
    kb.add("KB1", "en", "T", "The panel will not render is's toolbar.\n")
    [found] = kb.lint("typo")
    assert (found.column, found.message, found.fix) == (27, "'is's' may be misspelled: 'its', 'it's'", None)


def test_words_a_page_lists_for_a_spell_checker_are_accepted(kb):
    kb.write("en/a.md", "---\ntitle: A\ncSpell:ignore: Recieve\n---\n\nWe recieve mail. We adress it.\n")
    kb.write("en/b.md", "---\ntitle: B\n---\n\n<!-- cspell:words adress -->\n\nWe recieve mail. We adress it.\n")
    found = sorted((f.path, f.message.split(" ")[0]) for f in kb.lint("typo"))
    assert found == [("en/a.md", "'adress'"), ("en/b.md", "'recieve'")], found


def test_a_correction_that_only_adds_a_hyphen_is_unsafe(kb):
    kb.add("KB1", "en", "Title", "We reenabled the check.\n")
    (finding,) = kb.lint("typo")
    assert finding.fix.edits[0].replacement == "re-enabled" and not finding.fix.safe, finding


def test_a_misspelling_read_as_another_word_on_real_text_has_an_unsafe_fix(kb):
    """'dowload' is mostly 'download', but a translation wrote it for shedding load: the fix
    is offered, for a person to check."""
    kb.add("KB1", "en", "Limits", "The service decides whether to dowload when it is busy.\n")
    (finding,) = kb.lint("typo")
    assert finding.fix.edits[0].replacement == "download" and not finding.fix.safe, finding


def test_a_misspelling_whose_one_correction_may_be_the_wrong_word_has_no_fix(kb):
    """"be awared" means "aware": the dictionary's one correction, "awarded", is another word."""
    kb.add("KB1", "en", "Notes", "Please be awared that the file is large.\n")
    [found] = kb.lint("typo")
    assert found.fix is None and found.message == "'awared' may be misspelled: 'aware', 'awarded'"


def test_a_word_alone_in_its_paragraph_is_fixed_only_when_asked(kb):
    """A word on a line of its own, bold, heads what the lines under it say of a field, whose
    name may be misspelled in the code too: its fix is unsafe; in a sentence it is safe."""
    kb.add("KB1", "en", "Upgrading", "**inputed**\n\n- Removed in version 2.\n\nThe value is inputed by hand.\n")
    found = kb.lint("typo")
    assert [(f.line, f.fix.safe) for f in found] == [(7, False), (11, True)], found


def test_a_products_code_and_a_bracketed_initial_are_no_misspellings(kb):
    """`ons` beside `ons_instance_name` is a product's code (an abbreviation the page writes
    in its names), "(S)tring" marks an initial; `ons` on a page without such a name, and a
    longer word in a name (`recieve_mode`), are still checked."""
    table = "| Name | Description |\n| --- | --- |\n| ons_instance_name | The name of ons instance. |\n| recieve_mode | How we recieve it. |\n"
    kb.add("KB1", "en", "Queue", table + "\nA type: (S)tring, (N)umber or (B)inary.\n")
    kb.add("KB2", "en", "Other", "The team ons the queue.\n")
    found = sorted((f.path, f.line, f.message.split(" ")[0]) for f in kb.lint("typo"))
    assert found == [("en/KB1.md", 10, "'recieve'"), ("en/KB2.md", 7, "'ons'")], found


def test_a_passage_in_another_language_of_a_page_that_holds_several_is_not_english(kb):
    """An FAQ that answers in English and in Spanish: "componentes" and "requiere" are Spanish
    words; the English passage's typo is still one."""
    body = (
        "## FAQ\n\nAdding native listeners to custom componets needs the `.native` modifier.\n\n"
        "## Preguntas frecuentes\n\nPara otros componentes el uso del modificador sigue siendo obligatorio.\n\n"
        "En Vue 2.0, agregar receptores a componentes requiere el modificador `.native`.\n"
    )
    kb.add("KB1", "en", "FAQ", body)
    assert [(f.line, f.message) for f in kb.lint("typo")] == [(9, "'componets' is misspelled: 'components'")]


def test_typo_a_change_logs_entry_that_names_its_change_quotes_its_title(kb):
    """GitHub's generated release notes ("<title> by @author in …/pull/n"), an entry that
    opens with a link to its change or issue by its id or its commit's hash, one that closes
    with its commit's (conventional-changelog) and a conventional commit's subject with its
    pull request quote the change's title as its author wrote it; the notes' own sentences
    are still read, a commit named in the middle of one too."""
    body = (
        "- Keep the udpate queue by @kim-lee in https://git.example.com/kb/tool/pull/8106\n"
        "- [[TOOL-208](https://issues.example.org/jira/browse/TOOL-208)] - crash in the enviroment check\n"
        "- [#698](https://git.example.com/kb/tool/pull/698) release what is associatd with the context\n"
        "- [[`5e08a39`](https://git.example.com/kb/tool/commit/5e08a39f61)] - log a warnning when boot is slow\n"
        "- **cli:** keep multline titles ([5e08a39](https://git.example.com/kb/tool/commit/5e08a39f61))\n"
        "- docs(guide): seperate the two guides (#441)\n"
        "- We recieve reports in the tracker.\n"
        "- The seperate guide ([5e08a39](https://git.example.com/kb/tool/commit/5e08a39f61)) is gone.\n"
    )
    found = kb.check("typo", body)
    assert [message for _, _, message in found] == ["'recieve' is misspelled: 'receive'", "'seperate' is misspelled: 'separate'"]


def test_a_word_of_a_link_its_destination_spells_is_a_name(kb):
    """``[no-inferrable-types](…/rules/no-inferrable-types)`` names the rule it links: its
    words are the name's, not the sentence's. A link whose destination does not spell the
    word is prose."""
    text = "Compare [no-inferrable-types](https://example.dev/rules/no-inferrable-types) and [how to recieve](https://example.dev/mail).\n"
    found = kb.check("typo", text)
    assert [m for _, _, m in found] == ["'recieve' is misspelled: 'receive'"]


def test_a_misspelling_joined_to_a_tag_by_a_colon_has_an_unsafe_fix(kb):
    """An image and its tag written as text in a sentence (``kuberntes:v1.24``) is a name, in
    the case the registry gives it: the misspelling is reported, its fix left to a person."""
    kb.add("KB1", "zh-Hans", "标题", "集群镜像应选择形如kuberntes:v1.24.0-4.1.3的版本。\n\nThe kuberntes cluster is ready.\n")
    found = kb.lint("typo")
    assert [(f.line, f.fix.safe, f.fix.edits[0].replacement) for f in found] == [(7, False, "Kubernetes"), (9, True, "Kubernetes")], found
    assert found[0].fix.reason.startswith("part of a name written as code")
