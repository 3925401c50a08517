"""translation-drift: a faithful pair is silent; each kind of drift is named."""

import pytest

from kblint.corpus.codekey import code_key
from kblint.rules.translation_drift import _first_unmatched, _related_commands

SOURCE = """\
Intro with https://example.com/a and see KB22.

1. One.
2. Two.
3. Three.

```sh
same code
```
"""


FAITHFUL_HANT = """\
介紹 https://example.com/a，請參見 KB22。

1. 一。
2. 二。
3. 三。

```sh
same code
```
"""


def setup_pair(kb, translation):
    kb.add("KB1", "en", "Source", SOURCE)
    kb.add("KB22", "en", "Other", "Text.\n")
    kb.add("KB1", "zh-Hant", "來源", translation)


def test_faithful_pair_is_silent(kb):
    setup_pair(kb, FAITHFUL_HANT)
    assert kb.lint("translation-drift", "missing-translation", "mixed-script", "cjk-punctuation", "mojibake") == []


def test_drift_missing_step_reference_and_changed_code(kb):
    drifted = "介紹。\n\n1. 一。\n2. 二。\n\n```sh\nother code\n```\n"
    setup_pair(kb, drifted)
    messages = [f.message for f in kb.lint("translation-drift")]
    assert any("3 numbered steps, this translation 2" in m for m in messages)
    # What one line of the source holds, missing here, is one finding.
    assert "2 items of the source (en KB1, line 7) are missing here: the URL https://example.com/a, the reference to KB22" in messages
    assert any("code block 1 differs" in m for m in messages)


def test_a_markdown_example_is_compared_without_its_words(kb):
    """A Markdown, text or diagram block's words are a translator's: what lies between them
    (markup, numbers, the lines) is compared. A sentence's marks come with its words."""
    source = "Write:\n\n```md\n| First name | Last name |\n| --- | --- |\n\nIt's **bold**, and [[Notes|notes]].\n```\n"
    faithful = "Escreva:\n\n```md\n| Nome | Apelido |\n| --- | --- |\n\nÉ **negrito** e [[Notas|notas]].\n```\n"
    assert drift_messages(kb, source, faithful) == []
    column_lost = faithful.replace("| Nome | Apelido |", "| Nome |")
    assert drift_messages(kb, source, column_lost) == ["code block 1 differs from the source's code block 1 (en KB1, line 9)"]


def test_a_text_blocks_identifiers_and_semicolons_are_code(kb):
    """A block that says it is text may hold code: its identifiers and semicolons count."""
    source = "Set:\n\n```plaintext\nAPP_ID='APP_ID'\n```\n\nThen:\n\n```text\nreturn output;\n```\n"
    translation = "設定：\n\n```plaintext\napp_id='app_id'\n```\n\n然後：\n\n```text\nreturn output；\n```\n"
    assert drift_messages(kb, source, translation) == [
        "code block 1 differs from the source's code block 1 (en KB1, line 9)",
        "code block 2 differs from the source's code block 2 (en KB1, line 15)",
    ]
    # A dotted name with an identifier in it is kept whole: the object's name is code too.
    renamed = drift_messages(kb, "Run:\n\n```text\n> vault.blockNumber\n```\n", "執行：\n\n```text\n> chest.blockNumber\n```\n", "KB2")
    assert renamed == ["code block 1 differs from the source's code block 1 (en KB2, line 9)"]


def test_a_diagrams_text_is_translated_and_its_shape_compared(kb):
    """A Mermaid diagram's labels, messages and notes are the translator's; its nodes and arrows
    are not."""
    source = "Flow:\n\n```mermaid\nsequenceDiagram\n    participant Hub as Load Balancer\n    Client->>Hub: HTTPS Request<br/>Path: /items\n    Note over Hub: adds headers\n```\n"
    same = "流程：\n\n```mermaid\nsequenceDiagram\n    participant Hub as 負載平衡器\n    Client->>Hub: HTTPS-請求<br/>路徑: /items\n    Note over Hub: 加上標頭\n```\n"
    assert drift_messages(kb, source, same) == []
    edges = "Map:\n\n```mermaid\nflowchart LR\n  a((Three laws))\n  a --link--> b\n  b -- backlink --> a\n```\n"
    labelled = "地圖：\n\n```mermaid\nflowchart LR\n  a((三大定律))\n  a --連結--> b\n  b -- 反向 連結 --> a\n```\n"
    assert drift_messages(kb, edges, labelled, "KB3") == []
    reshaped = same.replace("Client->>Hub", "Client-->>Hub")
    assert drift_messages(kb, source, reshaped, "KB2") == ["code block 1 differs from the source's code block 1 (en KB2, line 9)"]


def test_the_code_block_that_changed_is_the_one_reported(kb):
    source = "Run:\n\n```sh\nvault sync\n```\n\nThen:\n\n```sh\nvault export --all\n```\n\nLast:\n\n```sh\nvault sync\n```\n"
    # The second block is the older command; the third is the same as the first.
    translation = source.replace("Run:", "執行：").replace("Then:", "然後：").replace("Last:", "最後：").replace("--all", "--every")
    kb.add("KB1", "en", "Source", source)
    kb.add("KB1", "zh-Hant", "來源", translation)
    found = [(f.line, f.message) for f in kb.lint("translation-drift")]
    assert found == [(15, "code block 2 differs from the source's code block 2 (en KB1, line 15)")]


def test_a_code_block_pasted_twice_is_named_as_a_copy(kb):
    source = "Run:\n\n```sh\nvault sync\n```\n\nThen:\n\n```sh\nvault export --all\n```\n"
    translation = "執行：\n\n```sh\nvault sync\n```\n\n然後：\n\n```sh\nvault export --all\n```\n\n```sh\nvault export --all\n```\n"
    found = drift_places(kb, source, translation)
    assert found == [(19, "code block 3 repeats code block 2: the source shows it once (en KB1, line 15)")]


def test_a_heading_id_the_sources_heading_makes_by_itself_is_the_same_anchor(kb):
    source = "Text.\n\n## Problem it solves\n\nMore.\n\n## How it helps\n\nEnd.\n"
    translation = "文字。\n\n## 是什麼 {#what-it-is}\n\n說明。\n\n## 解決的問題 {#problem-it-solves}\n\n更多。\n\n## 如何幫助 {#how-it-helps}\n\n結束。\n"
    messages = drift_messages(kb, source, translation)
    # The source writes no id: the translation's are its own, and the section it adds counts.
    assert messages == ["the source (en KB1) has 2 headings, this translation 3"]


def test_a_heading_id_as_the_site_makes_it_is_the_sources_heading(kb):
    # VitePress makes one "-" of " - " and drops the colon: the translation keeps that anchor
    # (GitHub's scheme makes "example-moving-files---one-at-a-time" of it).
    kb.config("heading_ids: vitepress\n")
    source = "## Setup {#setup}\n\nText.\n\n#### Example: Moving files - one at a time\n\nMore.\n"
    translation = "## 設定 {#setup}\n\n文字。\n\n#### 範例：逐一移動檔案 {#example-moving-files-one-at-a-time}\n\n更多。\n"
    assert drift_messages(kb, source, translation) == []
    moved = translation.replace("{#example-moving-files-one-at-a-time}", "{#example-moving}")
    assert drift_messages(kb, source, moved) == ["the heading id {#example-moving} is not in the source (en KB1)"]


def test_a_heading_count_that_differs_is_reported_at_the_heading_the_source_lacks(kb):
    source = "Text.\n\n## Problem it solves\n\nMore.\n\n## How it helps\n\nEnd.\n"
    translation = "文字。\n\n## 是什麼\n\n說明。\n\n## 解決的問題 {#problem-it-solves}\n\n更多。\n\n## 如何幫助 {#how-it-helps}\n\n結束。\n"
    found = [(line, message) for line, message in drift_places(kb, source, translation) if "headings" in message]
    assert found == [(9, "the source (en KB1) has 2 headings, this translation 3")]  # ## 是什麼, the section it dropped


def test_a_heading_the_source_dropped_is_found_without_ids_where_its_headings_fall(kb):
    # The source dropped its first heading ("What it is") and kept its text; the translation
    # keeps the heading: it is the one, not the last, that no heading of the source falls at.
    source = "Text of the term.\nMore of it.\n\n## Problem it solves\n\nMore.\n\n## How it helps\n\nEnd.\n"
    translation = "## 是什麼\n\n術語的說明。\n\n## 解決的問題\n\n更多。\n\n## 如何幫助\n\n結束。\n"
    found = [(line, message) for line, message in drift_places(kb, source, translation) if "headings" in message]
    assert found == [(7, "the source (en KB1) has 2 headings, this translation 3")]


def test_a_heading_over_the_sources_text_that_the_translation_says_in_its_title_is_not_lost(kb):
    # The source's first heading says its title again in other words; the translation puts
    # that into its title and opens with the text. A heading dropped later is still reported.
    source = "## Give each job its core share\n\nSet `cores` to a share.\n\n## Check it\n\nRun `kb top`.\n"
    translation = "設定 `cores` 為一個比例。\n\n## 檢查\n\n執行 `kb top`。\n"
    kb.add("KB1", "en", "Core share", source)
    kb.add("KB1", "zh-Hant", "為工作分配核心比例", translation)
    assert [f.message for f in kb.lint("translation-drift") if "headings" in f.message] == []
    kb.add("KB1", "zh-Hant", "為工作分配核心比例", "## 分配核心\n\n設定 `cores` 為一個比例。\n\n執行 `kb top`。\n")
    assert [f.message for f in kb.lint("translation-drift") if "headings" in f.message] == ["the source (en KB1) has 2 headings, this translation 1"]


def test_a_heading_the_translation_adds_is_found_though_it_shifts_the_levels_after_it(kb):
    source = "## Search\n\nFind it with `kb search`.\n\n## Install\n\nPut it in with `kb install`.\n\n### Before installing\n\nCheck it with `kb check`.\n"
    translation = "## 三個概念\n\n概念。\n\n## 搜尋\n\n用 `kb search` 找到。\n\n## 安裝\n\n用 `kb install` 放進去。\n\n### 安裝之前\n\n用 `kb check` 檢查。\n"
    found = [(line, message) for line, message in drift_places(kb, source, translation) if "headings" in message]
    assert found == [(7, "the source (en KB1) has 3 headings, this translation 4")]  # ## 三個概念, not ## 安裝


def test_headings_are_matched_in_order_and_a_heading_over_text_where_the_sources_follows_text_is_left():
    # Two translation headings as near the source's first one (3 lines): the one with no text
    # before it, where the source's heading has some, costs more and is the one left out.
    lines_a, texts_a = [11, 20], [True, True]
    lines_b, texts_b = [8, 14, 20], [False, True, True]

    def cost(i: int, j: int) -> int:
        return abs(lines_b[j] - lines_a[i]) + 5 * (texts_a[i] and not texts_b[j])

    assert _first_unmatched(2, 3, cost) == 0
    assert _first_unmatched(2, 3, lambda i, j: abs(lines_b[j] - lines_a[i])) == 0  # a tie: the earliest
    assert _first_unmatched(1, 3, lambda i, j: abs(lines_b[j] - 8)) == 1
    assert _first_unmatched(2, 3, lambda i, j: abs(lines_b[j] - [8, 14][i])) == 2


def test_a_folders_index_page_is_the_page_of_the_sources_link(kb):
    # The translation's page is its folder's index (gateway/index.md), the source's a file of
    # its own (gateway.md): one address, /deploy/gateway/.
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\n")
    kb.write("en/deploy/gateway.md", "---\ntitle: Gateway\n---\n\nText.\n")
    kb.write("zh-Hant/deploy/gateway/index.md", "---\ntitle: 閘道\n---\n\n文字。\n")
    kb.write("en/start.md", "---\ntitle: Start\n---\n\nRun a [gateway](deploy/gateway.md).\n")
    kb.write("zh-Hant/start.md", "---\ntitle: 開始\n---\n\n執行[閘道](deploy/gateway/index.md)。\n")
    assert [f.message for f in kb.lint("translation-drift")] == []


def test_a_heading_the_translation_adds_with_an_id_of_its_own_is_one_finding(kb):
    source = "Text.\n\n## Problem it solves\n\nMore.\n"
    translation = "文字。\n\n## 是什麼 {#what-it-is}\n\n說明。\n\n## 解決的問題 {#problem-it-solves}\n\n更多。\n"
    assert drift_places(kb, source, translation) == [(9, "the source (en KB1) has 1 headings, this translation 2")]


def test_heading_ids_a_translation_writes_where_its_source_writes_none_are_its_own(kb):
    """Headings translated into Chinese make Chinese ids: a translation gives them ids of its
    own (``{#consumer-methods}``) where the source's, in English, make theirs of their text."""
    source = "Text.\n\n## Methods\n\nOne.\n\n## Methods\n\nTwo.\n"
    translation = "文字。\n\n## 方法 {#route-methods}\n\n一。\n\n## 方法 {#consumer-methods}\n\n二。\n"
    assert drift_places(kb, source, translation) == []
    # Where the source writes ids, one the translation writes and the source lacks is reported.
    kb.add("KB2", "en", "Source", source.replace("## Methods\n\nOne", "## Methods {#route-methods}\n\nOne"))
    kb.add("KB2", "zh-Hant", "來源", translation)
    assert [f.message for f in kb.lint("translation-drift") if f.path == "zh-Hant/KB2.md"] == [
        "the heading id {#consumer-methods} is not in the source (en KB2)"
    ]


def test_a_fact_missing_from_a_paragraph_is_placed_in_it_not_on_the_next_heading(kb):
    kb.add("KB2", "en", "Other", "Text.\n")
    source = "Intro about [the vault](KB2.md) and more.\n\n## Problem\n\nText.\n"
    translation = "第一行介紹。\n第二行說明。\n第三行補充。\n\n## 問題\n\n內容。\n"
    assert drift_places(kb, source, translation) == [(7, "the reference to KB2 of the source (en KB1, line 7) is missing here")]


def test_a_fact_missing_from_a_paragraph_left_in_english_is_placed_on_the_whole_paragraph(kb):
    # The paragraph and its first sentence (a run of the source's language) start together:
    # the paragraph is where the number is missing, not its first sentence.
    kb.add("KB2", "en", "Other", "Text.\n")
    source = "Keep `retry` on and the agent waits 30 seconds. It then tries the backup host again.\n"
    translation = "Keep `retry` on and the agent waits. It then tries the backup host again.\n"
    kb.add("KB1", "en", "Source", source)
    kb.add("KB1", "zh-Hant", "來源", translation)
    found = [(f.line, f.column, f.end_column) for f in kb.lint("translation-drift")]
    assert found == [(7, 1, len(translation))]


def test_a_link_cut_short_is_named_where_it_is(kb):
    source = "Set it as `shared`: the parent handles it. See [the details](https://code.example.com/vault/pull/6736).\n"
    translation = "將其設為 `shared`：由上層處理。參見[細節](https://code.example.com/vault/pull/673)。\n"
    assert drift_places(kb, source, translation) == [
        (7, "the URL https://code.example.com/vault/pull/673 here is https://code.example.com/vault/pull/6736 in the source (en KB1)")
    ]


def drift_places(kb, source: str, translation: str) -> list[tuple[int, str]]:
    """(line, message) of translation-drift's findings on a zh-Hant translation of an English source."""
    kb.add("KB1", "en", "Source", source)
    kb.add("KB1", "zh-Hant", "來源", translation)
    return [(f.line, f.message) for f in kb.lint("translation-drift")]


def drift_messages(kb, source: str, translation: str, article: str = "KB1", locale: str = "zh-Hant", title: str = "來源") -> list[str]:
    """translation-drift's messages on a translation (zh-Hant unless ``locale`` says) of an
    English source (the article's own: a test may add a second pair to the same knowledge base)."""
    kb.add(article, "en", "Source", source)
    kb.add(article, locale, title, translation)
    return [f.message for f in kb.lint("translation-drift") if f.path == f"{locale}/{article}.md"]


def drift_from_chinese(kb, source: str, translation: str) -> list[str]:
    """translation-drift's messages on an English translation of a Simplified Chinese source."""
    kb.config("source_locale: zh-Hans\nlocales: [zh-Hans, en]\n")
    kb.add("KB1", "zh-Hans", "来源", source)
    kb.add("KB1", "en", "Source", translation)
    return [f.message for f in kb.lint("translation-drift") if f.path == "en/KB1.md"]


def test_what_the_translation_sets_as_code_where_its_source_writes_text_is_not_added(kb):
    """The source's -p 5602:5601 in its text, the translation's `-p 5602:5601`: only its type
    changed. Code the source has nowhere is still told."""
    source = "- -p 5602:5601：将容器端口映射到主机。\n"
    translation = "- `-p 5602:5601`: maps the container's port to the host. Then run `docker ps -a`.\n"
    assert drift_from_chinese(kb, source, translation) == ["the code `docker ps -a` is not in the source (zh-Hans KB1)"]


def test_a_code_span_of_plain_words_keeps_its_words_in_any_case(kb):
    """A label set as code (`end user`) capitalized where the translation's sentence starts
    with it is the same span; a command in another case is not."""
    source = "It is the `end user` who reads it. Run `vault Sync` after it.\n"
    translation = "`End user` 會閱讀它。之後執行 `vault sync`。\n"
    assert drift_messages(kb, source, translation) == [
        "the code `vault sync` here is `vault Sync` in the source (en KB1, line 7)",
    ]


def test_a_code_span_whose_text_is_translated_is_the_same_code(kb):
    # The message in a string literal and the label between tags are translated, a name is
    # written as code, a term is put in backticks: no code of the source changed.
    source = 'It prints `"✅ Connecting..."` twice. Render `<h1>Good job!</h1>`. Set `count` and the next state.\n'
    translation = '它會印出兩次 `"✅ 連線中..."`。顯示 `<h1>做得好！</h1>`。設定 `count` 與 `下一個狀態`。\n'
    assert drift_messages(kb, source, translation) == []


def test_a_latin_translations_code_span_may_translate_its_words_not_its_code(kb):
    """In a translation in Latin letters, a code span whose strings' or brackets' words are
    translated is the source's; one whose name of code, number, letter or spelling changed
    is not (`setState(x)`, `Asistant`)."""
    source = 'Filter with `"page"|wikilink:"alias"` and `[filename].md`, call `setState(5)`, open `Vault "Assistant"`.\n'
    translation = source.replace('"page"|wikilink:"alias"', '"Seite"|wikilink:"Beiname"').replace("[filename]", "[Dateiname]")
    translation = translation.replace("setState(5)", "setState(x)").replace('"Assistant"', '"Asistant"')
    kb.add("KB1", "en", "Source", source)
    kb.add("KB1", "de", "Quelle", translation.replace("Filter with", "Filtere mit"))
    found = [f.message for f in kb.lint("translation-drift") if f.path == "de/KB1.md"]
    assert found == [
        "the code `setState(x)` here is `setState(5)` in the source (en KB1, line 7)",
        'the code `Vault "Asistant"` here is `Vault "Assistant"` in the source (en KB1, line 7)',
    ]


def test_a_code_span_that_changed_is_still_reported(kb):
    source = "Call `connect(roomId)` and `\"Ready\"`.\n"
    translation = "呼叫 `connect(serverUrl)` 與 `\"已就緒\"`，以及 `\"Done\"`。\n"
    # `"Done"`, one token the source lacks, is as often a translator's formatting: not reported.
    assert drift_messages(kb, source, translation) == [
        "the code `connect(serverUrl)` here is `connect(roomId)` in the source (en KB1, line 7)",
    ]


def test_formatting_is_not_a_code_change(kb):
    source = "Set:\n\n```js\nconst people = [{\n  name: 'Ada',\n  id: 1\n}];\nshow(label + ':' + ' '); // the list\n```\n"
    translation = "設定：\n\n```js\nconst people = [\n  {\n    name: \"艾達\",\n    id: 1,\n  },\n]\nshow(label + '：' + ' ') //列表\n```\n"
    assert drift_messages(kb, source, translation) == []


def test_a_registry_mirror_for_readers_in_china_is_the_same_code(kb):
    source = "Pull it:\n\n```yaml\nimage:\n  registry: docker.io\n  repository: vaultline/server\n```\n\n```sh\nnpm config set registry https://registry.npmjs.org/\ndocker run vaultline/server:1.2 start\n```\n"
    translation = ("拉取：\n\n```yaml\nimage:\n  registry: vaultline-registry.cn-hangzhou.cr.aliyuncs.com\n  repository: vaultline/server\n```\n\n"
                   "```sh\nnpm config set registry https://registry.npmmirror.com/\ndocker run vaultline-registry.cn-hangzhou.cr.aliyuncs.com/vaultline/server:1.2 start\n```\n")
    assert drift_messages(kb, source, translation) == []
    assert len(drift_messages(kb, source, translation.replace("vaultline/server:1.2", "vaultline/server:1.3"))) == 1
    assert drift_messages(kb, "The image is `vaultline/server:latest`.\n", "镜像为 `vaultline-registry.cn-hangzhou.cr.aliyuncs.com/vaultline/server:latest`。\n") == []


def test_a_version_glued_to_the_name_it_numbers_is_the_sources(kb):
    source = "### Llama 3.1\n\nRuns on python 3.10 and Vault 12 or later.\n"
    translation = "### Llama3.1\n\n可在 python3.10 与 Vault12 及以后的版本上运行。\n"
    assert drift_messages(kb, source, translation) == []  # (a whole number too: Vault12, Top10, Java11)
    # And the other way round: a Chinese source's "Vault1.2.0", the translation's "Vault 1.2.0".
    assert drift_from_chinese(kb, "建议使用Vault1.2.0之后的版本，至少 3 个节点。\n", "Use Vault 1.2.0 or later, with 3 nodes at least.\n") == []
    # A version glued to a name in lower case (go1.8+, ubuntu20.04), written apart in the translation.
    kb.config("source_locale: en\nlocales: [en, ru]\n")
    assert drift_messages(kb, "Needs go1.8+ on ubuntu20.04.\n", "Нужен Go 1.8+ на Ubuntu 20.04.\n", article="KB2", locale="ru") == []
    # A name that ends in a version (an image's, platform-adminv1.4.0) is no version of a program.
    source, translation = "See ![platform-adminv1.4.0](a.png).\n", "См. ![схема](a.png).\n"
    assert drift_messages(kb, source, translation, article="KB3", locale="ru") == []


def test_numbers_written_with_chinese_units_or_full_width_digits_are_the_same(kb):
    source = "Up to 10,000 items, 300,000,000 bytes, 1.5 million rows and 10 folders.\n"
    translation = "最多 1万 個項目、3億 位元組、150 萬列與 １０ 個資料夾。\n"
    assert drift_messages(kb, source, translation) == []


def test_thousands_grouped_by_spaces_are_one_number(kb):
    """Russian, French or Czech group thousands with a space or a no-break space: 50 000 is 50K."""
    source = "Up to 50K rules, 1,200,000 bytes and 15 200 items.\n"
    translation = "最多 50 000 條規則、1\u00a0200\u00a0000 位元組與 15200 個項目。\n"
    assert drift_messages(kb, source, translation) == []


def test_thousands_grouped_by_dots_are_the_sources_whole_numbers(kb):
    """German, Italian or Spanish write 150.000 for 150,000 (and for 150K)."""
    source = "Up to 150,000 rules, 10K filters, 5,000 items and 2.5 seconds.\n"
    translation = "最多 150.000 條規則、10.000 個過濾器、5.000 個項目與 2.500 秒。\n"
    assert drift_messages(kb, source, translation) == ["the number 2.500 here is 2.5 in the source (en KB1, line 7)"]


def test_a_date_written_with_dots_is_the_sources_date(kb):
    """German and Russian write 26.08.2023 for 2023-08-26; a changed year is still told."""
    assert drift_messages(kb, "As of 2023-08-26, 12 examples.\n", "截至 26.08.2023，12 個範例。\n") == []
    assert drift_messages(kb, "As of 2023-08-26, 12 examples.\n", "截至 26.08.2024，12 個範例。\n", "KB2") == [
        "the number 2024 here is 2023 in the source (en KB2, line 7)"
    ]


def test_a_date_written_year_first_with_dots_is_the_sources_date(kb):
    """Chinese text may write 2022.1.18 for January 18, 2022; a changed year is still told."""
    assert drift_messages(kb, "Released on January 18, 2022.\n", "於 2023.1.18 發布。\n", "KB2") == [
        "the number 2023 here is 2022 in the source (en KB2, line 7)"
    ]
    assert drift_from_chinese(kb, "在 2022.1.18 的大会上分享了 12 个例子。\n", "Shared 12 examples at the conference on January 18, 2022.\n") == []
    # A month written year first between Chinese words (2019.1: January 2019) is its year.
    assert drift_from_chinese(kb, "在2019.1发布了 3 个版本。\n", "Released 3 versions in January 2019.\n") == []


def test_a_code_span_listing_names_is_the_translations_code_spans_of_each(kb):
    """The source's `seal / unseal / rekey` is the translation's `seal`、`unseal`、`rekey`:
    the same names, marked one by one. A name the translation lacks is still told."""
    source = "The helpers `seal / unseal / rekey` and `GET, PUT` keep the vault safe.\n"
    translation = "輔助函式 `seal`、`unseal`、`rekey` 與 `GET`、`PUT` 保護保險庫。\n"
    assert drift_messages(kb, source, translation) == []
    assert drift_messages(kb, source, translation.replace("`rekey`", "rekey"), "KB2") == [
        "the code `seal / unseal / rekey` of the source (en KB2, line 7) is missing here"
    ]
    # A command (`cd /`) or a signature (`open(path, mode)`) is no list of names.
    source = "Run `cd /` first, then call `open(path, mode)`.\n"
    assert drift_messages(kb, source, "先執行 `cd`，再呼叫 `open(path`、`mode)`。\n", "KB3") == [
        "2 code spans of the source (en KB3, line 7) are missing here: `cd /`, `open(path, mode)`"
    ]


def test_a_url_the_translation_writes_as_code_or_text_or_a_template_is_not_missing(kb):
    """The source links https://echo.example.org, the translation sets it as code; a URL
    that is a template (its port a word: <http://node1:port/api>) may be written as text.
    A URL the translation lacks is still told."""
    source = "Requests go to [the echo server](https://echo.example.org), via <http://node1:port/api>, see https://docs.example.org/vault.\n"
    translation = "請求送往 `https://echo.example.org`，經由 Http://node1:port/api。\n"
    assert drift_messages(kb, source, translation) == [
        "the URL https://docs.example.org/vault of the source (en KB1, line 7) is missing here"
    ]


def test_a_url_whose_place_links_a_section_of_the_sites_own_pages_is_replaced_not_missing(kb):
    """The source sends its readers to the framework's guide on refs; the translation, at the
    same place, to its own site's section on instance methods (in its readers' language), a
    page the source links nowhere near. A URL whose place links nothing of the site, or a page
    the source links a few lines away, is still missing."""
    kb.add("KB9", "en", "Advanced", "## Registration\n\nRegister it.\n\n## Methods\n\nCall them.\n")
    kb.add("KB9", "zh-Hant", "進階", "## 註冊\n\n註冊它。\n\n## 方法\n\n呼叫它們。\n")
    steps = "".join(f"{n}. Step {n}.\n" for n in range(1, 7))
    source = (
        "Register it first, see [Registration](KB9.md#registration).\n\n" + steps + "\n"
        "Use [ref](https://framework.example.org/guide/refs) to get the instance.\n\n"
        "Read the [changelog](https://framework.example.org/changes) too.\n"
    )
    translation = (
        "先註冊，見[註冊](KB9.md#註冊)。\n\n" + steps.replace("Step", "步驟") + "\n"
        "以 ref 取得實例，詳見[實例方法](KB9.md#方法)。\n\n也請閱讀更新紀錄。\n"
    )
    assert drift_messages(kb, source, translation) == ["the URL https://framework.example.org/changes of the source (en KB1, line 18) is missing here"]
    # A sentence the translation left out, beside one that links the site's page as the source
    # does just after it: the URL is missing, not replaced.
    source = "Read [the vendor's notes](https://vendor.example.org/notes).\n\nSee [Registration](KB9.md#registration) too.\n"
    assert drift_messages(kb, source, "也請見[註冊](KB9.md#註冊)。\n", "KB2") == [
        "the URL https://vendor.example.org/notes of the source (en KB2, line 7) is missing here"
    ]


def test_a_chinese_sources_words_set_as_code_beside_a_name_the_translation_keeps(kb):
    """`钩子（Hook)` and `前(Before)`: Chinese words set as code with a name in Latin letters;
    the English translation sets `hooks` and `before` as code. A span whose name it does not
    keep is still missing."""
    source = "插件把变更视为 `钩子（Hook)`，在其 `前(Before)` 执行，并写入 `审计（AuditLog)`。\n"
    translation = "The plugin treats a change as one of its `hooks` and runs `before` it.\n"
    assert drift_from_chinese(kb, source, translation) == ["the code `审计（AuditLog)` of the source (zh-Hans KB1, line 7) is missing here"]


def test_an_images_text_that_is_a_number_alone_is_no_number(kb):
    """A picture uploaded with its id for text (![165754739545](…)) keeps another id in the
    translation's copy; a number in an image's words is still compared."""
    source = "![165754739545](img/arch.png)\n\n![Up to 2048 nodes](img/scale.png)\n"
    translation = "![90671925984](img/arch.png)\n\n![最多 4096 個節點](img/scale.png)\n"
    assert drift_messages(kb, source, translation) == ["the number 4096 here is 2048 in the source (en KB1, line 9)"]


def test_a_decimal_comma_before_a_million_is_a_decimal_point(kb):
    source = "Over 1.5 million users and 2 million filters.\n"
    translation = "超過 1,5 milhão 位使用者與 2 milhões 個過濾器。\n"  # as a Portuguese writer puts it
    assert drift_messages(kb, source, translation) == []


def test_a_number_that_changed_its_unit_is_still_reported(kb):
    source = "Up to 10,000 items.\n"
    translation = "最多 10萬 個項目。\n"
    messages = drift_messages(kb, source, translation)
    assert messages == ["the number 100000 here is 10000 in the source (en KB1, line 7)"]


def test_a_localized_url_is_the_sources_url(kb):
    source = (
        "See https://help.example.com/docs/a.html, https://status.example.com/, https://example.org/b?lang=en,\n"
        "https://react.example.dev/learn, https://cn.example.org/guide/ and https://example.net/en-us/c.\n"
        "The API: https://framework.example.dev/api/reactivity#ref.\n"
        "Try it: https://labs.example.dev/tutorials?language=en&id=watch.\n"
    )
    translation = (
        "請參閱 https://help.example.com/tw/docs/a.html、https://status.example.com/zh-tw、https://example.org/b?hl=zh-TW、\n"
        "https://zh-hant.react.example.dev/learn、https://example.org/guide 與 https://example.net/zh-tw/c。\n"
        "API：https://tw.framework.example.dev/api/reactivity.html#ref。\n"
        "試試看：https://labs.example.dev/tutorials?language=cn&id=watch。\n"
    )
    assert drift_messages(kb, source, translation) == []
    swift = translation.replace("https://labs.example.dev/tutorials?language=cn&id=watch", "https://labs.example.dev/tutorials?language=swift&id=watch")
    assert len(drift_messages(kb, source.replace("language=en", "language=objc"), swift)) == 1  # a programming language's


def test_a_country_written_for_the_translations_language_in_a_url_is_the_sources_url(kb):
    """Sites write /jp/ for their Japanese pages, /kr/ for their Korean ones."""
    kb.config("source_locale: en\nlocales: [en, ja, ko]\n")
    source = "See the plans: https://vault.example/pricing.\n"
    assert drift_messages(kb, source, "料金プラン：https://vault.example/jp/pricing。\n", locale="ja", title="料金") == []
    assert drift_messages(kb, source, "요금제: https://vault.example/kr/pricing.\n", article="KB2", locale="ko", title="요금") == []


def test_a_url_glued_to_chinese_text_ends_at_the_first_chinese_character(kb):
    source = "Add https://example.com/list/exclude.txt to the settings, see **https://example.com/b**.\n"
    translation = "請將https://example.com/list/exclude.txt添加到設定，參閱 **https://example.com/b\u200b**。\n"
    assert drift_messages(kb, source, translation) == []


# A cheat sheet's commands: the words of each placeholder are translated on purpose.
CHEAT_SOURCE = """\
- Create an archive from files:

`tar cf {{path/to/target.tar}} {{path/to/file1 path/to/file2 ...}}`

- Clone a repository:

`git clone <repository> <directory>`
"""
CHEAT_TRANSLATION = """\
- 从文件创建归档：

`tar cf {{路径/到/目标.tar}} {{路径/到/文件1 路径/到/文件2 ...}}`

- 克隆仓库：

`git clone <仓库> <目录>`
"""


def test_translated_placeholder_words_are_not_a_change_of_code(kb):
    assert drift_messages(kb, CHEAT_SOURCE, CHEAT_TRANSLATION) == []


def test_a_command_that_changed_around_its_placeholders_is_reported(kb):
    translation = CHEAT_TRANSLATION.replace("tar cf", "tar xf")
    messages = drift_messages(kb, CHEAT_SOURCE, translation)
    # The translation's old command is the translator's words: the source's new one is missing.
    assert messages == [
        "the code `tar cf {{path/to/target.tar}} {{path/to/file1 path/to/file2 ...}}` of the source (en KB1, line 9) is missing here",
    ]


def test_a_placeholder_the_translation_sets_as_code_is_there(kb):
    source = "Put the charts in the ${CHART_DIR} folder, then edit ${CHART_DIR}/values.yaml for ${CLUSTER}.\n"
    translation = "把 charts 放到 `${CHART_DIR}` 目录，然后编辑 `${CHART_DIR}/values.yaml`。\n"
    assert drift_messages(kb, source, translation) == ["the placeholder ${CLUSTER} of the source (en KB1, line 7) is missing here"]
    # <name> outside code is a tag to a renderer that passes HTML on: it shows nothing of it.
    source = "Open `https://<your-domain>/admin` in a browser.\n"
    assert "the placeholder <your-domain> is not in the source (en KB2)" in drift_messages(kb, source, "在浏览器中打开 https://<your-domain>/admin。\n", article="KB2")


def test_placeholder_syntaxes_are_configurable(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\ntranslated_placeholders: ['[[…]]']\n")
    source = "Run `deploy [[environment]]` or `open <file>`, then set {{name}}.\n"
    translation = "執行 `deploy [[環境]]` 或 `open <檔案>`，再設定 {{名稱}}。\n"
    # `open <檔案>` is the source's code with its word translated inside its marks; the
    # placeholder <file>, of a syntax the configuration does not say is translated, is missing.
    assert sorted(drift_messages(kb, source, translation)) == [
        "the placeholder <file> of the source (en KB1, line 7) is missing here",
        "the placeholder {{名稱}} here is {{name}} in the source (en KB1, line 7)",
    ]


def test_a_missing_fact_is_reported_at_the_block_that_corresponds_to_the_sources(kb):
    source = (
        "# Limits\n\nUploads run in version 2.4.5.\n\n## Sizes\n\nA file holds 4096 rows.\n\n"
        "A folder holds 512 files and 300 links.\n\n## Help\n\nWrite to help@vaultline.example.\n"
    )
    translation = (
        "# 限制\n\n上傳在 2.4.5 版中執行。\n\n## 大小\n\n一個檔案可容納 4096 列。\n\n"
        "一個資料夾可容納 512 個檔案和許多連結。\n\n## 說明\n\n請寫信到 help@vaultline.example。\n"
    )
    kb.add("KB1", "en", "Source", source)
    kb.add("KB1", "zh-Hant", "來源", translation)
    found = [(f.line, f.message) for f in kb.lint("translation-drift")]
    # The body starts on line 7: the folder's paragraph is line 15 on both sides.
    assert found == [(15, "the number 300 of the source (en KB1, line 15) is missing here")]


def test_a_fact_missing_from_a_line_with_nothing_else_known_is_reported_on_that_line(kb):
    # A cheat sheet's description lines hold no number, code or link of their own in the
    # translation: the number the source's has is missing from that very line, not from the
    # command under it.
    source = "- Show the last lines of a file (10 by default):\n\n`tail {{file}}`\n\n- Follow a file:\n\n`tail -f {{file}}`\n"
    translation = "- 顯示檔案的最後幾行：\n\n`tail {{檔案}}`\n\n- 跟隨一個檔案：\n\n`tail -f {{檔案}}`\n"
    found = [(f.line, f.column, f.message) for f in _lint_pair(kb, source, translation)]
    assert found == [(7, 3, "the number 10 of the source (en KB1, line 7) is missing here")]


def test_a_shortcut_set_as_code_is_the_shortcut_the_source_writes_as_text(kb):
    source = "1. Open the palette (press Ctrl/Cmd+P).\n2. Save with Ctrl+S.\n"
    translation = "1. 開啟命令面板（按下 `CTRL/Cmd + P`）。\n2. 按下 `Ctrl + Shift + S` 儲存。\n"
    found = [(f.line, f.message) for f in _lint_pair(kb, source, translation) if "shortcut" in f.message]
    assert found == [(8, "the shortcut ctrl+s of the source (en KB1, line 8) is missing here")]


def test_the_parts_of_a_section_a_translation_never_got_are_one_finding(kb):
    # Its heading and a link further down than one passage reaches both belong at the end of
    # the translation: one finding there, not one for each part.
    filler = "".join(f"Line {word} of the limits.\n\n" for word in ("one", "two", "three", "four", "five", "six", "seven", "eight"))
    source = "Export every item in version 2.4.\n\n## Limits {#limits}\n\n" + filler + "See [the sizes](https://example.com/sizes) for more.\n"
    found = [(f.line, f.message) for f in _lint_pair(kb, source, "以 2.4 版匯出每個項目。\n")]
    assert found == [(7, "2 items of the source (en KB1, lines 9–27) are missing here: the heading id {#limits}, the URL https://example.com/sizes")]


def test_a_version_missing_twice_is_listed_once_with_its_count(kb):
    source = "Highlighting is off below version 7.0.0, and on from 7.0.0 with the new option.\n"
    found = [f.message for f in _lint_pair(kb, source, "使用新選項開啟語法突顯。\n")]
    assert found == ["2 numbers of the source (en KB1, line 7) are missing here: 7.0.0 (twice)"]


def test_a_version_named_fewer_times_than_in_the_source_is_reported(kb):
    source = "Install version 2.4.5 first.\n\nThen upgrade to 2.4.5 from 2.3.0, up to 2048 rows, 2048 at most.\n"
    translation = "先安裝 2.4.5 版。\n\n然後從 2.3.0 升級，最多 2048 列。\n"
    found = [(f.line, f.message) for f in _lint_pair(kb, source, translation)]
    assert found == [(9, "the number 2.4.5 of the source (en KB1, line 9) is missing here")]


def _lint_pair(kb, source: str, translation: str):
    kb.add("KB1", "en", "Source", source)
    kb.add("KB1", "zh-Hant", "來源", translation)
    return kb.lint("translation-drift")


def test_a_heading_count_that_differs_is_reported_where_the_headings_part(kb):
    source = "## Install\n\nText.\n\n## Configure\n\nText.\n\n### Options\n\nText.\n\n## Remove\n\nText.\n"
    translation = "## 安裝\n\n文字。\n\n## 設定\n\n文字。\n\n## 移除\n\n文字。\n"
    found = [(f.line, f.message) for f in _lint_pair(kb, source, translation)]
    assert found == [(15, "the source (en KB1) has 4 headings, this translation 3")]


def test_a_percent_sign_before_a_word_is_no_placeholder_and_a_month_no_number(kb):
    source = "Aim for 100% cross-browser coverage until December 31, 2023.\n"
    translation = "目標是 100% 的跨瀏覽器覆蓋率，直到 2023 年 12 月 31 日。\n"
    assert drift_messages(kb, source, translation) == []


def test_a_link_to_the_translated_anchor_of_a_localized_page_is_the_sources_link(kb):
    source = "See [the loader guide](https://loader.example.org/guide/setup.html#using-the-loader).\n"
    translation = "請參閱[載入器指南](https://loader.example.org/zh/guide/setup.html#%E4%BD%BF%E7%94%A8)。\n"
    assert drift_messages(kb, source, translation) == []


def test_a_link_to_the_translated_page_of_the_same_site_is_the_sources_link(kb):
    source = "Read about [scripting](https://en.wiki.example.org/wiki/Cross-site_scripting).\n"
    translation = "請閱讀[腳本](https://zh.wiki.example.org/wiki/%E8%B7%A8%E7%B6%B2%E7%AB%99)。\n"
    assert drift_messages(kb, source, translation) == []


def test_a_name_set_as_code_in_one_language_only_is_not_a_change(kb):
    source = "Read from `stdin`, write to the `dist/` folder and call `double`.\n\nRun it at 9:30 like this: `at 9:30 PM`.\n"
    translation = "從標準輸入讀取，寫入 dist/ 資料夾並呼叫 `double()`。\n\n在晚上 9:30 執行：`at 9:30 PM`。\n"
    assert drift_messages(kb, source, translation) == []


def test_numbers_written_only_in_the_sources_code_are_not_missing(kb):
    source = "Schedule a job for `ann@example.com`: `at -f job.sh 9:30 PM Tue`.\n"
    translation = "為 ann@example.com 在星期二晚上 9:30 排程工作：`at -f job.sh 9:30 PM Tue`。\n"
    assert drift_messages(kb, source, translation) == []


def test_mdx_indented_markup_and_a_buttons_href_are_not_code_or_images(kb):
    source = "<Section>\n\nDownload the client.\n\n<Button href=\"/download\">Get it</Button>\n\n<Buttons />\n\n</Section>\n"
    translation = "<Section>\n  下載用戶端。\n\n    <Buttons />\n\n  <Button href=\"/get\">取得</Button>\n</Section>\n"
    kb.write("en/help/get.mdx", "---\ntitle: Get\n---\n\n" + source)
    kb.write("zh-Hant/help/get.mdx", "---\ntitle: 取得\n---\n\n" + translation)
    assert [f.message for f in kb.lint("translation-drift")] == []


def test_mdx_steps_indented_in_a_component_are_steps(kb):
    """MDX has no indented code: a list indented four spaces inside <Steps> is a list there,
    which the source writes so and the translation at the margin; a step lost still counts."""
    steps = "<Steps>\n\n    1. Open the vault.\n\n    2. Add the key.\n\n    3. Save it.\n\n</Steps>\n"
    translated = "<Steps>\n\n1. 開啟保險庫。\n2. 新增金鑰。\n3. 儲存。\n\n</Steps>\n"
    kb.write("en/help/keys.mdx", "---\ntitle: Keys\n---\n\n" + steps)
    kb.write("zh-Hant/help/keys.mdx", "---\ntitle: 金鑰\n---\n\n" + translated)
    assert [f.message for f in kb.lint("translation-drift")] == []
    kb.write("zh-Hant/help/keys.mdx", "---\ntitle: 金鑰\n---\n\n" + translated.replace("3. 儲存。\n", ""))
    assert [f.message for f in kb.lint("translation-drift")] == ["the source (en help/keys) has 3 numbered steps, this translation 2"]


def test_more_ways_a_translation_writes_the_same_link_number_or_code(kb):
    source = (
        "See https://v2.example.org/eol/, http://cli.example.org/ and https://wiki.example.org/Cache#Least_Recently_Used.\n\n"
        "Over 320k followers. Argument: `attrOrProp (optional)`. Screens up to 4K are fine.\n"
    )
    translation = (
        "請參閱 https://v2.cn.example.org/eol/、https://cli.example.org/zh/ 與 https://wiki.example.org/Cache#Least_recently_used。\n\n"
        "超過 32 萬名追蹤者。引數：`attrOrProp (可選)`。支援高達4K解析度的螢幕。\n"
    )
    assert drift_messages(kb, source, translation) == []


def test_a_file_name_or_placeholder_set_as_code_and_translated_words_as_code(kb):
    source = 'Edit "/etc/security/limits.conf" and **_config.yml**, then run it in the target `<folder>`.\n'
    translation = "編輯 `/etc/security/limits.conf` 與 `_config.yml`，然後在目標資料夾中執行，網址為 `<你的使用者名稱>.example.io`。\n"
    assert drift_messages(kb, source, translation) == []


def test_a_link_written_as_the_sources_that_has_no_page_in_the_translations_locale(kb):
    kb.write("en/help/news.md", "---\ntitle: News\n---\n\nNews of the vault.\n")
    kb.write("en/help/start.md", "---\ntitle: Start\n---\n\nRead the [news](/help/news) first.\n")
    kb.write("zh-Hant/help/start.md", "---\ntitle: 開始\n---\n\n請先閱讀[新聞](/help/news)。\n")
    assert [f.message for f in kb.lint("translation-drift")] == []


def test_many_names_set_as_code_by_the_translator_and_a_translated_string(kb):
    source = "Pass 'added' as the type, with state and props, then filter by `'chemist'`.\n"
    translation = "以 `added` 作為 `type`，搭配 `state`、`props` 與 `onClick`，再依 `化學家` 篩選。\n"
    assert drift_messages(kb, source, translation) == []


def test_a_link_to_the_same_page_of_a_localized_mirror_is_the_sources_link(kb):
    source = "Build with [Vite](https://bundler.dev/) (see https://bundler.dev/guide/deploy.html#static-sites).\n"
    translation = "使用 [Vite](https://cn.bundlerjs.dev/) 建置（參閱 https://cn.bundlerjs.dev/guide/deploy.html#靜態網站）。\n"
    assert drift_messages(kb, source, translation) == []
    russian = "Сборка с [Vite](https://bundler-docs.ru/) (см. https://bundler-docs.ru/guide/deploy.html#static-sites).\n"
    assert drift_messages(kb, source, russian, locale="ru") == []
    elsewhere = russian.replace("bundler-docs.ru/guide", "bundler-docs.io/guide")
    assert len(drift_messages(kb, source, elsewhere, locale="ru")) == 1  # .io names no country


def test_many_names_written_plainly_or_quoted_are_not_missing_code(kb):
    source = "Use a package manager (e.g., `brew`, `apt`, `winget`) or a version manager (e.g., `nvm`, `fnm`).\n"
    translation = "使用套件管理器（例如：“brew”、“apt”、“winget”）或版本管理器（例如：nvm、fnm）。\n"
    assert drift_messages(kb, source, translation) == []


def test_a_month_written_as_digits_in_a_us_date(kb):
    source = "First published 04/25/2024 and updated 12/05/2024.\n"
    translation = "最初發布於 2024 年 4 月 25 日，並於 2024 年 12 月 5 日更新。\n"
    assert drift_messages(kb, source, translation) == []


def test_a_command_with_or_without_its_prompt_is_the_same_code(kb):
    source = "When running `$ hexo generate` it fails.\n"
    translation = "執行 `hexo generate` 時會失敗。\n"
    assert drift_messages(kb, source, translation) == []


def test_code_the_translation_writes_another_way_is_no_drift(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    kb.write("en/setup.md", "---\ntitle: Setup\n---\n\nThis works with `v7.0.0+` only.\n\nSet `exclude:` in the file, then run `version` and `tar -x`.\n")
    kb.write("zh-Hans/setup.md", "---\ntitle: 设置\n---\n\n仅适用于 v7.0.0 以上版本。\n\n在文件中设置 `exclude`，然后运行 `hexo version` 和 `tar -c`。\n")
    found = [(f.line, f.message) for f in kb.lint("translation-drift")]
    assert found == [(7, "the code `tar -c` here is `tar -x` in the source (en setup, line 7)")]


def test_an_option_or_placeholder_written_in_another_form_is_the_same_command(kb):
    source = (
        "Be verbose: `tool {{[-v|--verbose]}} {{path/to/file}}`.\n\n"
        "Unpack: `tool {{[-x|--extract]}} {{path/to/archive}}`.\n\n"
        "Show page: `help {{7}} {{topic}}`.\n"
    )
    translation = (
        "詳細輸出：`tool -v {{路徑/到/檔案}}`。\n\n"
        "解開：`tool --extract {{path/to/archive}}`。\n\n"
        "顯示頁面：`help 7 {{topic}}`。\n"
    )
    assert drift_messages(kb, source, translation) == []


def test_an_alternation_whose_first_form_ends_in_a_backslash_is_text_not_a_template(kb):
    # The first form replaces the others in the translation's commands; a backslash in it
    # once ended the whole run ("bad escape").
    source = "Open the drive: `open {{[D:\\|/mnt/d]}}`.\n"
    translation = "開啟磁碟：`mount /mnt/d`。\n"
    assert drift_messages(kb, source, translation) == [
        "the code `mount /mnt/d` is not in the source (en KB1)",
        "the code `open {{[D:\\|/mnt/d]}}` of the source (en KB1, line 7) is missing here",
    ]


def test_a_different_option_is_still_a_changed_command(kb):
    source = "Unpack: `tool {{[-x|--extract]}} {{path/to/archive}}`.\n"
    translation = "解開：`tool --list {{path/to/archive}}`。\n"
    assert drift_messages(kb, source, translation) == [
        "the code `tool --list {{path/to/archive}}` here is `tool {{[-x|--extract]}} {{path/to/archive}}` in the source (en KB1, line 7)"
    ]


def test_a_subcommand_alternation_and_a_redirection_are_read_as_a_cheat_sheet_means(kb):
    source = (
        "Install: `pkg {{[i|install]}} {{name}}`.\n\n"
        "Rename: `box {{[mv|item rename]}} {{old}} {{new}}`.\n\n"
        "Patch: `vcs add {{[-p|--patch]}} {{path/to/file}}`. Force: `vcs add {{[-f|--force]}} {{path/to/file}}`.\n\n"
        "Pack: `squash < {{path/to/input}} -level={{level}} > {{path/to/output}}`.\n"
    )
    translation = (
        "安裝：`pkg install {{名稱}}`。\n\n"
        "重新命名：`box item rename {{舊}} {{新}}`。\n\n"
        "修補：`vcs add {{[-p|--patch]}} {{路徑/到/檔案}}`。強制：`vcs add {{[-f|--force]}} {{路徑/到/檔案}}`。\n\n"
        "打包：`squash < {{路徑/到/輸入}} -level={{等級}} > {{路徑/到/輸出}}`。\n"
    )
    assert drift_messages(kb, source, translation) == []


def test_an_option_the_translation_lacks_is_still_found_among_alternations(kb):
    source = "Patch: `vcs add {{[-p|--patch]}} {{path/to/file}}`. Force: `vcs add {{[-f|--force]}} {{path/to/file}}`.\n"
    translation = "修補：`vcs add {{[-p|--patch]}} {{路徑/到/檔案}}`。強制：`vcs add {{路徑/到/檔案}}`。\n"
    assert drift_messages(kb, source, translation) == [
        "the code `vcs add {{[-f|--force]}} {{path/to/file}}` of the source (en KB1, line 7) is missing here"
    ]


def test_a_message_or_an_expression_set_as_code_may_be_translated(kb):
    source = 'It logs `✅ Linking to "main" hub at https://localhost:8080...` and shows `{isOn ? \'On\' : \'Off\'}`.\n'
    translation = '它會記錄 `✅ 正在連結到位於 https://localhost:8080... 的 "main" 中心` 並顯示 `{isOn ? \'開\'：\'關\'}`。\n'
    assert drift_messages(kb, source, translation) == []


def test_an_empty_element_closed_either_way_is_the_same_code_block(kb):
    source = "Use it:\n\n```vue-html\n<!-- the panel -->\n<SidePanel :open=\"shown\" />\n```\n"
    translation = "使用方式：\n\n```vue-html\n<!-- 側邊面板 -->\n<SidePanel :open=\"shown\"></SidePanel>\n```\n"
    assert drift_messages(kb, source, translation) == []


def test_comments_of_any_depth_are_translated_text_and_the_line_after_a_bare_mark_is_code(kb):
    source = "Set:\n\n```yaml\n## Publishing, also for drafts\nrender: \"a/**\"\n#\nport: 4000\n```\n"
    same = "設定：\n\n```yaml\n## 發布，草稿也適用\nrender: \"a/**\"\n#\nport: 4000\n```\n"
    assert drift_messages(kb, source, same) == []


def test_a_month_written_as_a_number_is_the_sources_named_month(kb):
    """English names the month; Korean writes 11월, Vietnamese "tháng 11" or 17/11/2000."""
    source = "First shown on November 17, 2000, at the meetup.\n"
    assert drift_messages(kb, source, "2000년 11월 17일 밋업에서 처음 공개되었습니다.\n") == []
    assert drift_messages(kb, source, "Ra mắt ngày 17 tháng 11 năm 2000 tại buổi gặp.\n", "KB2") == []
    assert drift_messages(kb, source, "Ra mắt ngày 17/11/2000 tại buổi gặp.\n", "KB3") == []


def test_a_clock_time_in_the_readers_zone_is_the_sources(kb):
    source = "The vault is down on 2024-05-01 from 02:30 to 04:00 UTC.\n"
    translation = "保管庫於 2024-05-01 10:30 至 12:00（台北時間）停機。\n"
    assert drift_messages(kb, source, translation) == []
    assert drift_messages(kb, source, "Le coffre est arrêté le 2024-05-01 de 4h30 à 6h00 (Paris).\n", "KB2") == []


def test_rubys_result_comments_are_translated_text(kb):
    source = "Run:\n\n```ruby\nputs greet #=> says hello to the user\nexit\n```\n"
    same = "執行：\n\n```ruby\nputs greet #=> 向使用者問好\nexit\n```\n"
    assert drift_messages(kb, source, same) == []


def test_a_changed_line_after_a_bare_comment_mark_is_drift(kb):
    source = "Set:\n\n```yaml\nrender: \"a/**\"\n#\nport: 4000\n```\n"
    changed = "設定：\n\n```yaml\nrender: \"a/**\"\n#\nport: 5000\n```\n"
    assert [m for m in drift_messages(kb, source, changed) if "code block" in m] == [
        "code block 1 differs from the source's code block 1 (en KB1, line 9)"
    ]


def test_a_part_missing_at_the_end_is_reported_at_the_translations_end(kb):
    source = "Install it from [the site](https://example.com/get).\n\nRead more.\n\n## Partners\n\nThanks to [our partners](https://example.com/partners).\n"
    translation = "從[網站](https://example.com/get)安裝。\n\n閱讀更多。\n\n最後一段說明。\n"
    kb.add("KB1", "en", "Source", source)
    kb.add("KB1", "zh-Hant", "來源", translation)
    found = [(f.line, f.message) for f in kb.lint("translation-drift") if "partners" in f.message]
    last = len((kb.root / "zh-Hant/KB1.md").read_text("utf-8").rstrip("\n").splitlines())
    assert found == [(last, "the URL https://example.com/partners of the source (en KB1, line 13) is missing here")]


def test_a_plain_word_for_a_placeholder_or_short_options_bundled_are_one_command(kb):
    # The source writes the pattern as a plain word and spells the options out; the
    # translation keeps a placeholder and the bundled short form: the same commands.
    source = "Jump:\n\n`jump word`\n\nUpdate:\n\n`pkgtool --sync --refresh --upgrade`\n"
    translation = "跳轉：\n\n`jump {{詞}}`\n\n更新：\n\n`pkgtool -Syu`\n"
    assert drift_messages(kb, source, translation) == []


def test_an_option_that_changed_is_still_one_change(kb):
    source = "Run:\n\n`pkgtool --sync --refresh --upgrade`\n"
    translation = "執行：\n\n`pkgtool --sync --refresh --remove`\n"
    [message] = drift_messages(kb, source, translation)
    assert "`pkgtool --sync --refresh --remove` here is `pkgtool --sync --refresh --upgrade`" in message


def test_two_unrelated_commands_of_one_program_are_not_one_change(kb):
    source = "List:\n\n`pm list packages -3`\n"
    translation = "移除：\n\n`pm uninstall {{套件}}`\n"
    messages = drift_messages(kb, source, translation)
    assert not any("here is" in m for m in messages)
    assert any("`pm list packages -3` of the source" in m and "missing" in m for m in messages)


def test_a_command_made_of_the_sources_words_is_not_new(kb):
    # An older page names the short form that the source now writes as an alternation.
    source = "Show:\n\n`tool {{[diff|item diff]}} {{name}}`\n"
    translation = "`tool diff` 的別名。\n\n顯示：\n\n`tool {{[diff|item diff]}} {{名稱}}`\n"
    assert drift_messages(kb, source, translation) == []


def test_a_number_the_source_has_is_never_new_however_often_it_is_written(kb):
    source = "Caching came in version 2.7.\n\nIt is faster.\n"
    translation = "快取自 2.7 版起提供。Caching came in version 2.7.\n\n它更快。\n"
    assert drift_messages(kb, source, translation) == []


@pytest.mark.parametrize(
    "source, translation",
    [
        # The translation links its own copy of the page the source names by its address.
        ("Write [your own](https://kb.example.com/api/helper.html).\n", "撰寫[自己的](api/helper.md)。\n"),
        # Its link by the site's address answers the source's address, its link to the file
        # the source's link to the file (neither is new, nor missing).
        (
            "Install [it](https://kb.example.com/api/helper.html), then read [the helper](api/helper.md) again.\n",
            "安裝[它](https://kb.example.com/zh-Hant/api/helper.html)，再讀[輔助](api/helper.md)。\n",
        ),
    ],
)
def test_a_link_to_the_translations_own_page_is_the_sources_address_of_that_page(kb, source, translation):
    kb.write("en/api/helper.md", "# Helper\n\nText.\n")
    kb.write("zh-Hant/api/helper.md", "# 輔助\n\n文字。\n")
    assert drift_messages(kb, source, translation) == []


def test_a_page_of_the_current_versions_folder_is_the_sites_address_without_it(kb):
    """The docs' current version lives in a folder (en/latest/plugins/helper.md) that the site
    serves without that folder's name (/docs/product/plugins/helper/)."""
    kb.write("en/latest/plugins/helper.md", "# Helper\n\nText.\n")
    kb.write("zh-Hant/latest/plugins/helper.md", "# 輔助\n\n文字。\n")
    source = "Read [the helper](https://kb.example.com/docs/product/plugins/helper/).\n"
    assert drift_messages(kb, source, "讀[輔助](latest/plugins/helper.md)。\n") == []
    other = "讀[輔助](latest/plugins/other.md)。\n"
    kb.write("zh-Hant/latest/plugins/other.md", "# 其他\n\n文字。\n")
    assert drift_messages(kb, source, other, article="KB2") == ["the reference to latest/plugins/other is not in the source (en KB2)"]


def test_the_sources_site_address_is_the_translations_root_absolute_one(kb):
    # The page's file is named otherwise (a slug), and the site's list of news is no file.
    kb.write("en/news/2024-05-06-launch.md", "---\ntitle: Launch\nslug: launched\n---\n\nText.\n")
    source = "Read [the launch](https://kb.example.com/news/launched/) and [all news](https://kb.example.com/news).\n"
    translation = "請閱讀[發布](/news/launched/)與[所有消息](/news/)。\n"
    assert drift_messages(kb, source, translation) == []


def test_a_reference_site_page_in_the_readers_language_is_the_sources(kb):
    # The site filed the page elsewhere since, and the translation links to its copy there.
    source = "See [the element](https://dev.example.org/en-US/docs/Web/Element/widget).\n"
    translation = "請參閱[元素](https://dev.example.org/zh-TW/docs/Web/Reference/Elements/widget)。\n"
    assert drift_messages(kb, source, translation) == []


def test_an_image_in_place_of_the_sources_or_added_is_the_readers(kb):
    source = "Before:\n\n![before](./before.png)\n\nAfter:\n\n![after](./after.png)\n"
    translation = "之前：\n\n![之前](https://cdn.example.net/a1.png)\n\n之後：\n\n![之後](https://cdn.example.net/b2.png)\n\n![本地](./local-offer.png)\n"
    assert drift_messages(kb, source, translation) == []
    fewer = "之前：\n\n![之前](./before.png)\n\n之後：無圖。\n"
    assert any("./after.png" in m for m in drift_messages(kb, source, fewer, "KB2"))


def test_text_between_tags_is_translated_and_the_expression_in_it_is_code(kb):
    block = "```html\n<span>Passed on: {{ attrs }}</span>\n```\n"
    same = "```html\n<span>傳遞：{{ attrs }}</span>\n```\n"
    other = "```html\n<span>傳遞：{{ props }}</span>\n```\n"
    assert drift_messages(kb, "Text.\n\n" + block, "文字。\n\n" + same) == []
    assert any("code block 1 differs" in m for m in drift_messages(kb, "Text.\n\n" + block, "文字。\n\n" + other, "KB2"))


def test_a_word_with_a_placeholder_in_it_is_not_a_placeholder(kb):
    # Two commands that differ in a path around their placeholders are two commands.
    source = "Load:\n\n`sudo tool load /Library/Agents/{{agent}}.plist`\n\nOr:\n\n`sudo tool load /Library/Daemons/{{daemon}}.plist`\n"
    translation = "載入：\n\n`sudo tool load /Library/Agents/{{代理}}.plist`\n\n或：\n\n`sudo tool load /Library/Daemons/{{常駐}}.plist`\n"
    assert drift_messages(kb, source, translation) == []


def test_sudo_and_the_name_are_not_what_two_commands_share(kb):
    source = "Build:\n\n`sudo mkimage {{[-m|--mode]}} mirror {{device}}`\n"
    translation = "標記：\n\n`sudo mkimage --label {{標籤}}`\n"
    messages = drift_messages(kb, source, translation)
    assert not any("here is" in m for m in messages)


def test_the_old_name_of_a_renamed_social_site_is_the_same_page(kb):
    source = "Follow [us](https://x.com/ExampleKB).\n"
    translation = "追蹤[我們](https://twitter.com/examplekb)。\n"
    assert drift_messages(kb, source, translation) == []
    other = "追蹤[我們](https://twitter.com/another_account)。\n"
    assert drift_messages(kb, source, other, "KB2")


def test_a_repository_file_at_its_main_branch_or_pinned_to_a_commit_is_the_same_link(kb):
    """A link checker pins links to a commit (blob/<commit>/x.md?from_branch=main) in the source
    after the translation was made: the same file. Another tag is another version."""
    pinned = "https://github.com/example/kbtool/blob/25f027532a6e9b503d6eb4dd3db0a98eb3b5f1cb/docs/setup.md?from_branch=main"
    source = f"Read [the setup]({pinned}) first.\n"
    translation = "請先閱讀[設定](https://github.com/example/kbtool/blob/main/docs/setup.md)。\n"
    assert drift_messages(kb, source, translation) == []
    tagged = "請先閱讀[設定](https://github.com/example/kbtool/blob/v1.2.0/docs/setup.md)。\n"
    assert drift_messages(kb, source.replace(pinned, pinned.replace("25f027532a6e9b503d6eb4dd3db0a98eb3b5f1cb", "v1.3.0")), tagged, "KB2")


def test_sections_a_translation_adds_for_its_readers_are_not_a_heading_count_drift(kb):
    source = "## Plans {#plans}\n\nText.\n\n## Contact {#contact}\n\nText.\n"
    translation = "## 方案 {#plans}\n\n文字。\n\n## 本地付款\n\n文字。\n\n## 聯絡 {#contact}\n\n文字。\n"
    assert drift_messages(kb, source, translation) == []
    fewer = "## 方案 {#plans}\n\n文字。\n"
    messages = drift_messages(kb, source, fewer, "KB2")
    assert len(messages) == 1 and "{#contact}" in messages[0]  # the missing id, not the count too


def test_quotes_around_code_or_a_number_in_prose_are_formatting(kb):
    source = 'Start the file with `"use client"` and pass `-1` to skip. Sizes are 800x500.\n'
    translation = "檔案以 `use client` 開頭，傳入 -1 以略過。尺寸為 800\\*500。\n"
    assert drift_messages(kb, source, translation) == []


def test_commands_in_another_order_or_without_sudo_are_one(kb):
    source = (
        "Scan:\n\n`sudo netscan {{[-p|--port]}} {{80}} {{[-o|--output]}} {{path/to/out}} {{range}}`\n\n"
        "Fetch:\n\n`pkgtool {{[-G|--get]}} {{[-p|--print]}} {{name}}`\n\n"
        "Remove:\n\n`rmtree {{path/to/one path/to/two ...}}`\n"
    )
    translation = (
        "掃描：\n\n`netscan -o {{輸出/路徑}} -p {{80}} {{範圍}}`\n\n"
        "取得：\n\n`pkgtool -Gp {{名稱}}`\n\n"
        "移除：\n\n`rmtree {{目錄/完整/路徑}}`\n"
    )
    assert drift_messages(kb, source, translation) == []


def test_an_option_is_not_changed_into_a_subcommand(kb):
    source = "Outdated:\n\n`pkgtool outdated`\n"
    translation = "版本：\n\n`pkgtool --version`\n"
    messages = drift_messages(kb, source, translation)
    assert not any("here is" in m for m in messages) and len(messages) == 2


def test_a_kilo_prefix_is_not_a_thousand(kb):
    source = "Make a file of 15 kilobytes.\n"
    translation = "建立 15 千字節的檔案。\n"
    assert drift_messages(kb, source, translation) == []


def test_a_link_to_a_section_of_the_sources_page_is_the_same_link(kb):
    source = "Read [the setup guide](https://docs.example.com/setup/) and [its FAQ](https://docs.example.com/faq#billing).\n"
    translation = "閱讀[設定指南](https://docs.example.com/setup#git)與[常見問題](https://docs.example.com/faq)。\n"
    assert drift_messages(kb, source, translation) == []
    other_section = "請參閱[帳務](https://docs.example.com/faq#refunds)。\n"
    assert drift_messages(kb, "See [billing](https://docs.example.com/faq#billing).\n", other_section, "KB2")  # another section


def test_spacing_inside_code_and_marks_set_as_code_are_formatting(kb):
    source = "Render `<Page data={data} />` again; the braces `{` and `}` hold JavaScript.\n"
    translation = "再次渲染 `<Page data={data} />` 與 `<Page data={data}/>`；`{}` 之間是 JavaScript。\n"
    assert drift_messages(kb, source, translation) == []


def test_commands_of_a_rewritten_passage_are_missing_not_changed(kb):
    source = "Install `tool@alpha`, `tool@beta`, `tool@rc` or `tool@edge` with `npx`.\n"
    translation = "以 `npx` 安裝 `tool@canary` 或 `tool@canary-minor`。\n"
    messages = drift_messages(kb, source, translation)
    assert messages and not any("here is" in m for m in messages)


def test_a_run_of_placeholders_a_long_option_and_a_key_combination_written_otherwise(kb):
    source = (
        "Build:\n\n`mkimage {{[-m|--mode]}} mirror {{/dev/sdX /dev/sdY ...}}`\n\n"
        "Palette: press `CTRL/CMD + SHIFT + P`.\n"
    )
    translation = "建置：\n\n`mkimage --mode mirror {{/dev/sda}} {{/dev/sdb}}`\n\n命令面板：按 `Ctrl/Cmd + Shift + P`。\n"
    assert drift_messages(kb, source, translation) == []


def test_a_finding_is_made_once_where_a_sentence_is_written_twice(kb):
    source = "Needs version 2.7.\n"
    translation = "需要 3.1 版。Needs version 3.1.\n"
    messages = drift_messages(kb, source, translation)
    assert len(messages) == len(set(messages))


def test_the_sites_page_in_the_readers_language_on_another_of_its_hosts(kb):
    source = "Export [your site](https://en.help.example.com/export/) and read [the event](https://dev.example.org/en-US/docs/Web/API/ClipEvent).\n"
    translation = "匯出[網站](https://example.com/zh-tw/help/export/)並閱讀[事件](https://dev.example.org/zh-TW/docs/Web/API/clipevent)。\n"
    assert drift_messages(kb, source, translation) == []


def test_far_from_all_the_pair_shares_a_heading_id_is_not_the_one_the_sources_became(kb):
    # An outdated section: the translation's heading ids there are not renames of the source's.
    shared = "".join(f"Step {n}: run `tool step{n}`.\n\n" for n in range(1, 4))
    filler = "".join(f"Line {n} of a long passage.\n\n" for n in range(1, 16))
    source = shared + filler + "## Checking the result {#check-result}\n\nText.\n\n## Cleaning up {#clean-up}\n\nText.\n"
    translation = shared.replace("Step", "步驟") + "## 舊的章節 {#old-section}\n\n文字。\n"
    messages = drift_messages(kb, source, translation)
    assert not any("here is" in m for m in messages)
    assert any("{#old-section} is not in the source" in m for m in messages)
    assert any("missing here" in m for m in messages)


def test_a_translators_note_and_a_label_set_as_code_are_no_drift(kb):
    source = "Call the `cleanup function` when the component leaves.\n"
    translation = "元件離開時呼叫 `清理函式`。\n\n**譯註**：舊版請參閱 `useOldEffect()` 與 2.4 版說明。\n"
    assert drift_messages(kb, source, translation) == []


def test_labels_with_digits_set_as_code_and_translated_with_a_name_kept_are_no_drift(kb):
    """`115 Cloud` and `Non-backup files`, labels of a program's screen, translated as
    `115云盘` and `非备份文件`; a command the translation drops is still missing."""
    source = "Add the `115 Cloud` storage, then open `Non-backup files` and run `sync --now`.\n"
    translation = "添加 `115云盘` 存储，然后打开 `非备份文件`，再运行 `sync --now`。\n"
    assert drift_messages(kb, source, translation) == []
    dropped = "添加 `115云盘` 存储，然后打开 `非备份文件`，再同步。\n"
    assert any("`sync --now`" in m for m in drift_messages(kb, source, dropped))


def test_an_mdx_or_markdoc_examples_words_and_its_links_language_are_a_translators(kb):
    """An MDX or Markdoc example is Markdown: its sample prose, its cards' titles and a
    link to the translation's own page (/de/start/) are translated; its tags are compared."""
    mdx = '```mdx\n<Card title="{title}" icon="star">\n\t{text}\n</Card>\n\n[{link}]({href})\n```\n'
    markdoc = "```markdoc\n{{% card title=\"{title}\" %}}\n{text}\n{{% /card %}}\n```\n"
    source = mdx.format(title="Stars", text="Sirius, Vega", link="Start", href="/start/") + "\n" + markdoc.format(title="Stars", text="Bright ones.")
    translation = mdx.format(title="Sterne", text="Sirius, Wega", link="Anfang", href="/de/start/") + "\n" + markdoc.format(title="Sterne", text="Helle.")
    assert drift_messages(kb, source, translation, locale="de") == []
    changed = translation.replace("<Card", "<LinkCard").replace("</Card>", "</LinkCard>")
    assert any("code block 1 differs" in m for m in drift_messages(kb, source, changed, locale="de"))


def test_a_term_set_as_code_translated_around_its_name_is_no_drift(kb):
    """`Relay Service` set as code and translated keeping its name (`Relay 中继服务`) is one
    term; a command whose words the translation drops is still missing."""
    source = "Each node starts a `Relay Service` and an `HTTP listener` on boot.\n"
    translation = "每个节点启动时都会启动一个 `Relay 中继服务` 和一个 `HTTP 监听器`。\n"
    assert drift_messages(kb, source, translation) == []
    dropped = "每个节点启动时都会启动一个 `Relay 中继服务` 和一个监听器，再运行 `Relay 2`。\n"
    assert any("`HTTP listener`" in m for m in drift_messages(kb, source, dropped))


def test_example_sites_a_slash_before_an_anchor_and_a_base_are_no_drift(kb):
    source = "Open [the page](https://example.com/set-up#git) and write the color in hexadecimal.\n"
    translation = "開啟[頁面](https://example.org/set-up/#git)，並以 16進位 寫下顏色。\n"
    assert drift_messages(kb, source, translation) == []


def test_an_option_with_its_value_after_an_equals_sign_is_one(kb):
    source = "Record:\n\n`recorder {{[-d|--duration]}} 10 {{path/to/file}}`\n"
    translation = "錄製：\n\n`recorder --duration={{10}} {{檔案/路徑}}`\n"
    assert drift_messages(kb, source, translation) == []


def test_an_old_address_where_the_sources_link_is_is_a_changed_url(kb):
    source = "Intro `tool run`.\n\nSee [the tool's page](https://tools.example.net/new-home) for more.\n"
    translation = "簡介 `tool run`。\n\n請參閱[工具頁面](https://old-tools.example.net/home)。\n"
    [message] = drift_messages(kb, source, translation)
    assert message.startswith("the URL https://old-tools.example.net/home here is https://tools.example.net/new-home in the source")


def test_a_link_in_the_readers_language_where_the_sources_is_is_localized(kb):
    source = "Intro `tool run`.\n\nSee [the spec](https://spec.example.org/attributes) and [the demo](https://gist.example.com/u/123).\n"
    translation = (
        "簡介 `tool run`。\n\n請參閱[規格](https://dev.example.org/zh-TW/docs/attributes)與"
        "[範例](https://git.example.com/team/docs-zh-tw/demo.vue)。\n"
    )
    assert drift_messages(kb, source, translation) == []


def test_an_option_alternation_without_brackets_is_one(kb):
    source = "Sort:\n\n`sort {{[-f|--ignore-case]}} {{path/to/file}}`\n"
    translation = "排序：\n\n`sort {{-f|--ignore-case}} {{檔案/路徑}}`\n"
    assert drift_messages(kb, source, translation) == []


def test_versions_without_their_last_zeros_and_windows_switches_in_any_case(kb):
    source = "Needs Node.js 10.13.0 or later.\n\nList:\n\n`dir {{path\\to\\folder}} /A`\n\nMount:\n\n`mounter /{{path/to/mount}}`\n"
    translation = "需要 Node.js 10.13 以上。\n\n列出：\n\n`dir {{資料夾\\路徑}} /a`\n\n掛載：\n\n`mounter {{/掛載/路徑}}`\n"
    assert drift_messages(kb, source, translation) == []


def test_expressions_in_translated_text_may_change_order(kb):
    source = "Text.\n\n```jsx\n<p>Going from {place} to {planet}</p>\n```\n"
    translation = "文字。\n\n```jsx\n<p>前往 {planet}，出發地 {place}</p>\n```\n"
    assert drift_messages(kb, source, translation) == []


def test_a_renamed_section_keeps_a_word_an_unrelated_one_is_not_a_rename(kb):
    source = "## Adding listeners {#adding-event-listeners}\n\nText `a`.\n"
    related = "## 加入監聽器 {#adding-listeners}\n\n文字 `a`。\n"
    unrelated = "## 焦點 {#focus-management}\n\n文字 `a`。\n"
    assert any("here is {#adding-event-listeners}" in m for m in drift_messages(kb, source, related))
    messages = drift_messages(kb, source, unrelated, "KB2")
    assert not any("here is" in m for m in messages) and len(messages) == 2


def test_a_link_that_only_adds_or_drops_a_query_is_the_same_page(kb):
    source = "Report it [here](https://tracker.example.net/issues/new?template=bug.yml).\n"
    translation = "請在[這裡](https://tracker.example.net/issues/new)回報。\n"
    assert drift_messages(kb, source, translation) == []


def test_a_sibling_link_where_the_sources_was_is_not_its_old_address(kb):
    source = "Intro `tool run`.\n\nUse [the Pug renderer](https://code.example.com/kb/renderer-pug).\n"
    translation = "簡介 `tool run`。\n\n使用 [Haml 轉譯器](https://code.example.com/kb/renderer-haml)。\n"
    [message] = drift_messages(kb, source, translation)
    assert "renderer-pug of the source" in message and "missing" in message


def test_a_command_in_a_code_block_of_its_own_written_as_code_in_the_text_is_no_drift(kb):
    kb.write("en/help/a.md", "# Add it\n\nInstall the plugin:\n\n```sh\ncargo add vault-plugin\n```\n\nThen restart.\n")
    kb.write("zh-Hant/help/a.md", "# 加入\n\n執行 `cargo add vault-plugin` 安裝外掛程式，然後重新啟動。\n")
    assert kb.lint("translation-drift") == []


def test_text_around_a_lines_tags_is_translated(kb):
    block = '```html\nRead the <a href="/guide/">guide to exports</a>.\n<p class="note">Saved.</p>\nconst link = <a href="/x">x</a>;\n```\n'
    same = '```html\n請閱讀<a href="/guide/">匯出指南</a>。\n<p class="note">已儲存。</p>\nconst link = <a href="/x">x</a>;\n```\n'
    other = '```html\n請閱讀<a href="/guide/">匯出指南</a>。\n<p class="note">已儲存。</p>\nlet link = <a href="/x">x</a>;\n```\n'
    assert drift_messages(kb, "Text.\n\n" + block, "文字。\n\n" + same) == []
    assert any("code block 1 differs" in m for m in drift_messages(kb, "Text.\n\n" + block, "文字。\n\n" + other, "KB2"))


def test_a_commands_options_with_what_they_do_translated_are_the_same_code(kb):
    # A CLI's help lists its options a line each; the translation translates what each does.
    source = "Options:\n\n```\n  -o, --output string   where to write the report\n      --quiet           print nothing\n```\n"
    translation = "選項：\n\n```\n  -o, --output string   報告寫入的位置\n      --quiet           不印出任何東西\n```\n"
    assert drift_messages(kb, source, translation) == []
    renamed = translation.replace("--quiet  ", "--silent ")
    assert drift_messages(kb, source, renamed, "KB2") == ["code block 1 differs from the source's code block 1 (en KB2, line 9)"]


def test_small_print_under_the_page_is_each_languages_own(kb):
    # A generator dates each language's copy when it makes it.
    source = "Run it.\n\n###### Generated by the docs tool on 14-Jan-2026\n"
    translation = "執行它。\n\n###### 由文件工具於 2025 年 9 月 11 日產生\n"
    assert drift_messages(kb, source, translation) == []


def test_what_the_source_quotes_the_translation_may_set_as_code(kb):
    source = "It mirrors 'tool sync --all' and what \"tool pull\" does; it's quick.\n"
    translation = "它與 `tool sync --all` 及 `tool pull` 的作用相同；它很快。\n"
    assert drift_messages(kb, source, translation) == []
    other = "它與 `tool sync --all` 及 `tool push` 的作用相同；它很快。\n"
    assert drift_messages(kb, source, other, "KB2") == ["the code `tool push` is not in the source (en KB2)"]


def test_a_translation_without_the_small_print_has_as_many_headings(kb):
    source = "## Use\n\nRun it.\n\n###### Generated by the docs tool on 14-Jan-2026\n"
    translation = "## 用法\n\n執行它。\n"
    assert drift_messages(kb, source, translation) == []


def test_a_title_written_over_the_text_is_no_heading_of_it(kb):
    """Docusaurus shows a page's front matter title as its heading where the page writes none:
    a translation that writes one (a level-1 heading, or the title again) over its text, where
    its source does not, has as many headings; one that adds a section has one more."""
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    kb.write("en/guide.md", "---\ntitle: Shifting traffic\n---\n\n## Setup\n\nRun it.\n")
    kb.write("zh-Hans/guide.md", "---\ntitle: 流量转移\n---\n\n# 流量转移\n\n## 设置\n\n运行它。\n")
    kb.write("en/keys.md", "---\ntitle: Rotate keys\n---\n\n## Rotate keys\n\nRun it.\n")
    kb.write("zh-Hans/keys.md", "---\ntitle: 轮换密钥\n---\n\n运行它。\n")
    kb.write("en/memory.md", "---\ntitle: Allocate memory\n---\n\n## Allocate memory to a vault\n\nRun it.\n")
    kb.write("zh-Hans/memory.md", "---\ntitle: 分配内存\n---\n\n运行它。\n")
    # (One word is a section's name as often as a title's: "Setup" over "## Setup steps".)
    kb.write("en/setup.md", "---\ntitle: Setup\n---\n\n## Setup steps\n\nRun it.\n")
    kb.write("zh-Hans/setup.md", "---\ntitle: 设置\n---\n\n运行它。\n")
    kb.write("en/faq.md", "---\ntitle: Questions\n---\n\n# Questions\n\n## Setup\n\nRun it.\n")
    kb.write("zh-Hans/faq.md", "# 问题\n\n## 设置\n\n运行它。\n\n## 更多\n\n见下文。\n")
    # A translation with no title at all, in its text or its front matter, has lost one.
    kb.write("en/example.md", "# Example\n\nRun it.\n")
    kb.write("zh-Hans/example.md", "运行它。\n")
    assert sorted((f.path, f.message) for f in kb.lint("translation-drift")) == [
        ("zh-Hans/example.md", "the source (en example) has 1 headings, this translation 0"),
        ("zh-Hans/faq.md", "the source (en faq) has 2 headings, this translation 3"),
        ("zh-Hans/setup.md", "the source (en setup) has 1 headings, this translation 0"),
    ]


def test_a_block_one_side_calls_text_and_the_other_names_its_language_is_compared_as_code(kb):
    """The source shows a YAML fragment as ```text, the translation as ```yaml, its comments
    translated: the same code. A block of text of a translation into a language written in
    Latin letters is still compared by what lies between its words."""
    source = "```text\nlimits:\n  vault/keys: 2 # two keys\n```\n\n```text\nlimits:\n  vault/keys: 4 # four keys\n```\n"
    translation = "```yaml\nlimits:\n  vault/keys: 2 # 两个密钥\n```\n\n```yaml\nlimits:\n  vault/keys: 8 # 八个密钥\n```\n"
    assert drift_messages(kb, source, translation, locale="zh-Hans") == [
        "code block 2 differs from the source's code block 2 (en KB1, line 12)"
    ]
    french = "```text\nlimites :\n  vault/keys: 2 # deux clés\n```\n\n```text\nlimites :\n  vault/keys: 4 # quatre clés\n```\n"
    assert drift_messages(kb, source, french, article="KB2", locale="fr") == []
    # Blocks of a few words share a skeleton: the block the other side writes as code is it.
    source = "```text\nvault sync all\n```\n\n```text\nvault keys list\n```\n"
    assert drift_messages(kb, source, "```text\nvault sync all\n```\n\n```\nvault keys list\n```\n", article="KB3", locale="zh-Hans") == []


def test_a_block_that_names_no_language_reads_a_hash_line_as_the_other_sides_yaml_does(kb):
    """The source names its block ```yaml (whose `#END` line is a comment), the translation
    names none: the same code. A different value is still a difference, and a line that is a
    root prompt's command in a block of no language (`# mkdir`) is not taken for a comment."""
    source = "Turn it on:\n\n```yaml title=\"conf/probe.yaml\"\nprobe:\n  enable: true\n#END\n```\n"
    same = "開啟它：\n\n```\nprobe:\n  enable: true\n#END\n```\n"
    assert drift_messages(kb, source, same) == []
    other = "開啟它：\n\n```\nprobe:\n  enable: false\n#END\n```\n"
    assert drift_messages(kb, source, other, article="KB2") == ["code block 1 differs from the source's code block 1 (en KB2, line 9)"]
    assert code_key("# mkdir -p /src/probe\n", "") == code_key("mkdir -p /src/probe\n", "")


def test_words_of_the_sources_prose_set_as_code_are_nothing_added(kb):
    """A translator sets as code words the source writes as plain words (`vault cluster`): only
    their type changed. Not so a line that opens with code (an example to run), words the
    source writes only in a heading (what the page is about), words the source does not write
    as a phrase, nor a span that shares a word with a code span of the source missing here."""
    source = "# vault sync\n\nWhen the vault cluster is down, the probe returns 502 Bad Gateway.\n"
    same = "# vault sync\n\n當 `vault cluster` 停止時，探針回傳 `502 Bad Gateway`。\n"
    assert drift_messages(kb, source, same) == []
    example = "# vault sync\n\n當 vault cluster 停止時，探針回傳 502 Bad Gateway。\n\n`vault sync`\n"
    assert drift_messages(kb, source, example, article="KB2") == ["the code `vault sync` is not in the source (en KB2)"]
    other = "# vault sync\n\n當 `cluster vault` 停止時，探針回傳 502 Bad Gateway。\n"
    assert drift_messages(kb, source, other, article="KB3") == ["the code `cluster vault` is not in the source (en KB3)"]
    source = "Run `vault keys` when the vault key store is ready.\n"
    changed = "在 `vault key store` 就緒時執行 `vault key`。\n"
    assert drift_messages(kb, source, changed, article="KB4") == ["the code `vault key store` is not in the source (en KB4)"]


def test_a_strings_double_quotes_are_its_single_ones_but_in_a_shell(kb):
    """`size="small"` and `size='small'` are one attribute in the writer's style; a shell
    expands a variable between double quotes and not between single ones."""
    assert drift_messages(kb, "Pass `size='small'` to the probe.\n", "傳入 `size=\"small\"` 給探針。\n") == []
    # (The translation writes the source's other span in double quotes as well.)
    source = "Pass `size='small'` to the probe; the theme sets `size=\"small\"` too.\n"
    assert drift_messages(kb, source, "傳入 `size=\"small\"` 給探針；主題也設定 `size=\"small\"`。\n", article="KB3") == []
    assert drift_messages(kb, "Run `echo '$VAULT'` now.\n", "執行 `echo \"$VAULT\"`。\n", article="KB2") == [
        "the code `echo \"$VAULT\"` here is `echo '$VAULT'` in the source (en KB2, line 7)"
    ]


def test_a_void_element_written_with_its_slash_is_no_placeholder(kb):
    source = "| state | It runs.<br/>Only when watched. |\n| --- | --- |\n"
    translation = "| 狀態 | 它在執行。<br />僅在監看時。 |\n| --- | --- |\n"
    assert drift_messages(kb, source, translation) == []


def test_a_decimal_comma_in_a_language_that_writes_one_is_the_sources_point(kb):
    """German writes 5,5 for 5.5, and shortens a thousand (725 Tsd. for 725K)."""
    kb.add("KB1", "en", "Source", "About 5.5% of the exports fail, and 12.25 MB is the limit, for 725K users.\n")
    kb.add("KB1", "de", "Quelle", "Etwa 5,5 % der Exporte schlagen fehl, und 12,25 MB ist die Grenze, für 725 Tsd. Nutzer.\n")
    assert [f.message for f in kb.lint("translation-drift") if f.path == "de/KB1.md"] == []
    kb.add("KB2", "en", "Source", "About 5.5% of the exports fail.\n")
    kb.add("KB2", "de", "Quelle", "Etwa 6,5 % der Exporte schlagen fehl.\n")
    messages = [f.message for f in kb.lint("translation-drift") if f.path == "de/KB2.md"]
    assert any("6.5" in m and "5.5" in m for m in messages), messages


def test_a_translation_made_from_an_older_page_lists_what_it_has_of_its_own_once(kb):
    # The source keeps the latest releases and moved the older ones to another page; the
    # translation still lists them all: one finding, not one per release number.
    latest = "".join(f"## Release 3.{n}.0\n\nFixes issue {4000 + n}.\n\n" for n in range(1, 4))
    older = "".join(f"## 版本 2.{n}.0\n\n修正問題 {3000 + n}。\n\n" + "說明文字。\n\n" * 10 for n in range(1, 7))
    translated = "".join(f"## 版本 3.{n}.0\n\n修正問題 {4000 + n}。\n\n" for n in range(1, 4))
    messages = drift_messages(kb, latest, translated + older)
    added = [m for m in messages if "not in the source" in m]
    assert added == ["12 items here are not in the source (en KB1), in 6 places: the number 2.1.0, the number 3001, the number 2.2.0, …"]
    # A few facts of its own are each reported where they are.
    messages = drift_messages(kb, latest, translated + "## 版本 2.1.0\n\n修正問題 3001。\n")
    assert sorted(m for m in messages if "not in the source" in m) == [
        "the number 2.1.0 is not in the source (en KB1)", "the number 3001 is not in the source (en KB1)",
    ]  # fmt: skip


def test_a_label_set_as_code_translated_in_latin_letters_is_the_sources(kb):
    source = "Turn on `Upload Data` to share it, then pick `Only Weekly Tasks` and run `tool sync`.\n"
    spanish = "Activa `Subir datos` para compartirlo, elige `Solo tareas semanales` y ejecuta `tool sync`.\n"
    assert drift_messages(kb, source, spanish, locale="es", title="Fuente") == []
    # A command is no label: one that changed is reported, as is a label in Chinese text that
    # stays in English but says another thing.
    assert drift_messages(kb, source, spanish.replace("tool sync", "tool push"), locale="es", title="Fuente") == [
        "the code `tool push` here is `tool sync` in the source (en KB1, line 7)"
    ]
    kb.add("KB1", "zh-Hant", "來源", "開啟 `Download Data` 以分享，再選 `Only Weekly Tasks` 並執行 `tool sync`。\n")
    assert sorted(f.message for f in kb.lint("translation-drift") if f.path == "zh-Hant/KB1.md") == [
        "the code `Download Data` is not in the source (en KB1)", "the code `Upload Data` of the source (en KB1, line 7) is missing here",
    ]  # fmt: skip


def test_a_command_of_plain_words_changed_is_no_label_translated(kb):
    source = "Update each one with `git submodule foreach git fetch` and `git rm`.\n"
    translation = "Actualiza cada uno con `git submodule foreach git pull`.\n"
    assert sorted(drift_messages(kb, source, translation, locale="es", title="Fuente")) == [
        "2 code spans of the source (en KB1, line 7) are missing here: `git submodule foreach git fetch`, `git rm`",
        "the code `git submodule foreach git pull` is not in the source (en KB1)",
    ]


def test_text_set_as_code_is_translated_with_its_names_kept(kb):
    # A Chinese source: its spans of words (开始菜单), of words around names (`TCP 本地模式
    # (TCPL)`) and a command's translated placeholder are the English translation's.
    source = "打开 `开始菜单`，选 `TCP 本地模式 (TCPL)`，再运行 `xray uuid -i \"自定义字符串\"` 与 `xray run -c config.json`。\n"
    translation = "Open the `Start Menu`, pick `TCP Local Mode (TCPL)`, then run `xray uuid -i \"custom string\"` and `xray run -c conf.json`.\n"
    assert drift_from_chinese(kb, source, translation) == [
        "the code `xray run -c conf.json` here is `xray run -c config.json` in the source (zh-Hans KB1, line 7)"
    ]
    # An English source: a label the Chinese translation renders with its acronym kept.
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    kb.add("KB2", "en", "Source", "Export it in the `UIGF data format`, then open `Game Settings` and read the `.NET errors`.\n")
    kb.add("KB2", "zh-Hans", "来源", "以 `UIGF 数据格式` 导出，再打开 `游戏设置` 并阅读 `.NET 错误`。\n")
    kb.add("KB3", "en", "Source", "Export it in the `UIGF data format`.\n")
    kb.add("KB3", "zh-Hans", "来源", "以 `SRGF 数据格式` 导出。\n")
    found = [(f.path, f.message) for f in kb.lint("translation-drift") if f.path in ("zh-Hans/KB2.md", "zh-Hans/KB3.md")]
    assert found == [("zh-Hans/KB3.md", "the code `UIGF data format` of the source (en KB3, line 7) is missing here")]


def test_a_command_of_plain_words_is_no_text_to_translate(kb):
    messages = drift_messages(kb, "Run `git status`, then press `Save Changes`.\n", "檢查狀態，再按下 `儲存變更`。\n")
    assert messages == ["the code `git status` of the source (en KB1, line 7) is missing here"]


def test_a_page_in_the_sources_language_is_for_its_readers(kb):
    source = "参见 [传输层安全](https://zh.wikipedia.org/wiki/TLS) 与 [规范](https://example.org/spec)。\n"
    assert drift_from_chinese(kb, source, "See the specification.\n") == [
        "the URL https://example.org/spec of the source (zh-Hans KB1, line 7) is missing here"
    ]


def test_a_menus_path_set_as_code_is_translated(kb):
    source = "Open `Edit > Preferences` and tick `Run a custom command instead of my shell`.\n"
    french = "Ouvrez `Édition > Préférences` et cochez `Exécuter une commande personnalisée à la place de mon shell`.\n"
    assert drift_messages(kb, source, french, locale="fr", title="Source") == []


def test_a_batch_files_comments_and_a_prompts_colon_are_a_translators(kb):
    source = (
        "Set it:\n\n```batch\n:: for this session only\nREM and its children\nset TOOL_HOME=C:\\Tool\n```\n\n"
        "Ask:\n\n````markdown\n# Role\n\nUse the manual as the only source:\n````\n"
    )
    translation = (
        "設定：\n\n```batch\n:: 只在這個工作階段\nREM 以及它的子行程\nset TOOL_HOME=C:\\Tool\n```\n\n"
        "詢問：\n\n````markdown\n# 角色\n\n請以手冊為唯一依據：\n````\n"
    )
    assert drift_messages(kb, source, translation) == []
    changed = translation.replace("TOOL_HOME=C:", "TOOL_HOME=D:")
    assert drift_messages(kb, source, changed) == ["code block 1 differs from the source's code block 1 (en KB1, line 9)"]


def test_steps_numbered_instead_of_bulleted_are_a_lists_style(kb):
    source = "Prepare:\n\n- Get a key.\n- Open the console.\n\nThen:\n\n1. Sign in.\n2. Paste the key.\n"
    numbered = "準備：\n\n1. 取得金鑰。\n2. 開啟主控台。\n\n然後：\n\n1. 登入。\n2. 貼上金鑰。\n"
    assert drift_messages(kb, source, numbered) == []
    assert drift_messages(kb, source, numbered.replace("2. 貼上金鑰。\n", "")) == ["the source (en KB1) has 2 numbered steps, this translation 3"]


def test_a_numbered_list_of_links_alone_holds_no_steps(kb):
    """Where to ask for help, numbered in the translation and named in a sentence by the
    source: links, not steps. A numbered list of instructions still counts."""
    source = "Ask on [the forum](https://forum.example.org) or [the chat](https://chat.example.org).\n"
    links = "提問管道：\n\n1. [論壇](https://forum.example.org)\n2. [聊天室](https://chat.example.org)（英文）\n"
    assert drift_messages(kb, source, links) == []
    steps = links + "\n步驟：\n\n1. 登入。\n2. 提問。\n"
    assert drift_messages(kb, source, steps) == ["the source (en KB1) has 0 numbered steps, this translation 4"]


def test_a_steps_title_set_as_a_heading_is_the_items_text(kb):
    """"1. ##### Update the settings": the step's title, which a translation may write as the
    item's plain text; a section of its own is still a heading."""
    source = "## Set up\n\n1. ##### Update the settings\n\n   Open them.\n\n2. ##### Restart\n\n   Run it again.\n"
    translation = "## 設定\n\n1. 更新設定\n\n   開啟它們。\n\n2. 重新啟動\n\n   再執行一次。\n"
    assert drift_messages(kb, source, translation) == []
    assert drift_messages(kb, source + "\n## Check\n\nLook.\n", translation) == ["the source (en KB1) has 2 headings, this translation 1"]


def test_a_tag_the_page_closes_is_markup_not_a_placeholder(kb):
    """<clock>…</clock> wraps a word (a tag of the page's own); <host name> is a placeholder."""
    source = "See the <clock>clock_gettime</clock> page, then connect to <host name>.\n"
    translation = "參閱 `clock_gettime` 頁面，然後連線到 <host name>。\n"
    assert drift_messages(kb, source, translation) == []
    assert drift_messages(kb, source, translation.replace("<host name>", "主機")) == ["the placeholder <host name> of the source (en KB1, line 7) is missing here"]


def test_a_step_count_that_differs_is_reported_at_the_list_that_differs(kb):
    source = "First:\n\n1. Sign in.\n2. Open it.\n\nLast:\n\n1. Save.\n2. Restart.\n3. Check the log.\n"
    short = "首先：\n\n1. 登入。\n2. 開啟。\n\n最後：\n\n1. 儲存。\n2. 重新啟動。\n"
    kb.add("KB1", "en", "Source", source)
    path = kb.add("KB1", "zh-Hant", "來源", short)
    (finding,) = kb.lint("translation-drift")
    assert finding.message == "the source (en KB1) has 5 numbered steps, this translation 4"
    assert path.read_text("utf-8").split("\n")[finding.line - 1] == "1. 儲存。"  # the last list, not the first


def test_the_sources_link_to_this_page_in_the_translations_language_is_not_missing(kb):
    # "English | 中文": the source links its Chinese version; the Chinese page links back.
    source = "[English](https://example.com/repo/KB1.md) | [中文](https://example.com/repo/KB1.zh-Hant.md)\n\nText.\n"
    translation = "[English](https://example.com/repo/KB1.md) | 中文\n\n文字。\n"
    assert drift_messages(kb, source, translation) == []
    other = source.replace("KB1.zh-Hant.md", "KB2.zh-Hant.md")
    assert drift_messages(kb, other, translation) == [
        "the URL https://example.com/repo/KB2.zh-Hant.md of the source (en KB1, line 7) is missing here"
    ]


def test_a_sentence_set_as_code_is_words_a_translation_in_another_script_writes_as_its_own(kb):
    source = "The dialog says `The certificate of this package cannot be verified` and stops.\n\nRun `tool verify --all` then.\n"
    translation = "對話框顯示「無法驗證此套件的憑證」並停止。\n\n然後執行 `tool verify`。\n"
    # The message is the reader's own words; the command is code and its change is reported.
    assert drift_messages(kb, source, translation) == ["the code `tool verify` here is `tool verify --all` in the source (en KB1, line 9)"]


def test_code_whose_words_are_translated_inside_its_marks_is_the_sources(kb):
    source = "Sign in with `username&password`, then open `My Files/reports` and pick `PC-Win64bit`.\n\nRun `tool create {{branch_name}}`.\n"
    translation = "使用 `用户名&密码` 登录，然后打开 `我的文件/reports` 并选择 `PC-Win64位`。\n\n执行 `tool branch create {{分支名}}`。\n"
    # The words are translated, the marks kept; the command is another one (branch create).
    assert drift_messages(kb, source, translation) == ["the code `tool create {{branch_name}}` of the source (en KB1, line 9) is missing here"]


def test_a_shells_prompt_and_continued_lines_are_formatting(kb):
    # One side shows the prompt ($ , or $ written against the command), the other breaks a
    # long command over lines with a backslash: the same command.
    source = "Run:\n\n```shell\n$ deploy --region west --tier gold --replicas 3\n```\n\nThen:\n\n```shell\n$probe ready\n```\n"
    translation = "執行：\n\n```shell\ndeploy --region west \\\n  --tier gold --replicas 3\n```\n\n然後：\n\n```shell\nprobe ready\n```\n"
    assert drift_messages(kb, source, translation) == []
    changed = translation.replace("--replicas 3", "--replicas 5")
    assert drift_messages(kb, source, changed) == ["code block 1 differs from the source's code block 1 (en KB1, line 9)"]
    # A string with $ before it ($'…', an interpolation) is code, not a prompt: no repeat of ''.
    assert code_key("$'(two)'", "nu") != code_key("'one'", "nu")
    assert code_key("$ probe ready", "shell") == code_key("$probe ready", "shell") == code_key("probe ready", "shell")
    # A transcript's last prompt with nothing after it, which one side keeps: no command.
    assert code_key("$ probe ready\nready\nroot@node-1:/# \n$\n", "shell") == code_key("probe ready\nready\n", "shell")
    assert code_key("root@node-1:/# probe ready\n", "shell") != code_key("probe ready\n", "shell")
    # A root shell's prompt before a command a transcript runs, which a shell's block would
    # read as a comment: the command stays. A comment of words is still one.
    listed = "NAME    READY\npod/probe-1   1/1\n"
    assert code_key(f"# kubectl get all -n probes\n{listed}", "shell") == code_key(f"kubectl get all -n probes\n{listed}", "shell")
    assert code_key(f"# kubectl get all -n probes\n{listed}", "shell") != code_key(f"kubectl get all -n other\n{listed}", "shell")
    assert code_key("# start the probe\nprobe start\n", "shell") == code_key("# 启动探针\nprobe start\n", "shell")
    assert code_key("# cd into the folder\ncd probes\n", "shell") == code_key("# 进入目录\ncd probes\n", "shell")
    assert code_key("# git is required.\ngit clone x\n", "shell") == code_key("# 需要 git。\ngit clone x\n", "shell")
    assert code_key("# pnpm 9.1.0 and above\npnpm dev\n", "bash") == code_key("# 需要 pnpm 9.1.0\npnpm dev\n", "bash")
    assert code_key("# mkdir -p /src/probe\n", "") == code_key("# mkdir -p /src/probe\n", "html") == code_key("mkdir -p /src/probe\n", "")
    assert code_key("# kubectl apply -f probe.yaml\nkind: Probe\n", "yaml") == code_key("# 用 kubectl 应用\nkind: Probe\n", "yaml")


def test_sql_in_another_case_is_the_same_statement():
    # SQL's keywords and names are the same in any case; a shell's are not.
    assert code_key("insert into root.vault(time, size) VALUES (1, 2);", "sql") == code_key("INSERT INTO root.vault(time, size) values (1, 2);", "sql")
    assert code_key("select Validity(s1) from root.vault", "sql") == code_key("select validity(s1) from root.vault", "sql")
    assert code_key("select size from root.vault", "sql") != code_key("select time from root.vault", "sql")
    assert code_key("ls Vault", "shell") != code_key("ls vault", "shell")
    # (Read from the code, not from the language one side names and the other does not.)
    assert code_key("Table vaults, columns = [Id, Name]", "mysql") == code_key("Table vaults, columns = [Id, Name]", "")


def test_a_long_table_with_a_row_added_is_one_table_that_changed(kb):
    """A row added near a long table's top moves the places of the rows after it: the
    source's table, placed on a line inside the translation's, is the table that changed,
    not a table missing beside one that is new."""
    rows = "".join(f"| `opt.{n}` | {n} |\n" for n in range(1, 13))
    intro = "".join(f"Step {n}: run `tool step{n}`.\n\n" for n in range(1, 4))
    source = intro + "| Option | Default |\n| --- | --- |\n" + rows + "\nDone.\n"  # (placed two lines lower there)
    added = rows.replace("| `opt.2` | 2 |\n", "| `opt.2` | 2 |\n| `opt.extra` | 0 |\n")
    translation = intro.replace("Step", "步驟") + "下列選項\n可以改：\n\n| 選項 | 預設值 |\n| --- | --- |\n" + added + "\n完成。\n"
    messages = [m for m in drift_messages(kb, source, translation) if "table" in m]
    assert messages == ["a table of 14 rows and 2 columns here is 13 rows and 2 columns in the source (en KB1, line 13)"]


def test_a_sample_outputs_clock_is_when_it_ran_not_code():
    """A translator who runs the command again shows its own run's time (LAST DEPLOYED:, a
    log's stamp); the command, and a date with no time of day, are still compared."""
    ran = "$ deploy vault\nNAME: vault\nLAST DEPLOYED: {} \nSTATUS: deployed\n"
    assert code_key(ran.format("Fri Sep  2 18:54:18 2022"), "shell") == code_key(ran.format("Wed May 24 18:27:54 2023"), "shell")
    assert code_key("started at 2022-09-02T18:54:18Z", "shell") == code_key("started at 2023-05-24T18:27:54.5+08:00", "shell")
    assert code_key(ran.format("Fri Sep  2 18:54:18 2022"), "shell") != code_key(ran.format("Fri Sep  2 18:54:18 2022").replace("vault", "cellar"), "shell")
    assert code_key("expires: 2022-09-02", "yaml") != code_key("expires: 2023-05-24", "yaml")


def test_members_a_line_each_or_on_one_line_are_one_type():
    one_line = "type Item = {\n  load?: (file: { data: object; text: string; note?: string }, options?: any) => void\n}\n"
    a_line_each = "type Item = {\n  load?: (\n    file: {\n      data: object\n      text: string\n      note?: string\n    },\n    options?: any,\n  ) => void\n}\n"
    assert code_key(one_line, "ts") == code_key(a_line_each, "ts")
    assert code_key(one_line, "ts") != code_key(one_line.replace("note?", "notes?"), "ts")
    assert code_key(one_line, "ts") != code_key(one_line.replace("string;", "string;;"), "ts")  # a slip


def test_an_examples_file_name_a_translation_translates_is_text():
    # In a Markdown block: the alt text and the image's name (words joined by hyphens); a block
    # of text keys its words first (its code second: see either_key).
    def words(text: str) -> str:
        return code_key(text, "md").partition("|")[0]

    assert words("![A picture](/picture-of-the-board.png)\n") == words("![Una imagen](/imagen-del-tablero.png)\n")
    assert words("Use the x86-64 build.\n") != words("Usa la versión arm-64.\n")


def test_a_component_blocks_text_props_are_a_translators(kb):
    source = "Tools:\n\n```component VPCard\ntitle: Pizza Helper\ndesc: A tool for phones\nlink: https://example.com/pizza\n```\n"
    translation = "工具：\n\n```component VPCard\ntitle: 披薩小助手\ndesc: 手機上的工具\nlink: https://example.com/pizza\n```\n"
    assert drift_messages(kb, source, translation) == []
    moved = translation.replace("example.com/pizza", "example.com/pasta")
    assert "code block 1 differs from the source's code block 1 (en KB1, line 9)" in drift_messages(kb, source, moved)


def test_a_translation_of_another_version_has_no_number_changed_into_another(kb):
    # Each release of the source where the translation lists an older one: not a version
    # "changed" into another at each place, but a text the translation does not have.
    source = "".join(f"## Release 3.{n}.0\n\nFixes issue {4000 + n}.\n\n" for n in range(1, 8))
    translation = "".join(f"## 版本 2.{n}.0\n\n修正問題 {3000 + n}。\n\n" for n in range(1, 8))
    messages = drift_messages(kb, source, translation)
    assert messages and not any(" here is " in m for m in messages)
    # A few numbers changed at their places are each reported so.
    few = source.replace("3.1.0", "3.1.1").replace("4002", "4020")
    assert sorted(drift_messages(kb, few, source.replace("Release", "版本"))) == [
        "the number 3.1.0 here is 3.1.1 in the source (en KB1, line 7)", "the number 4002 here is 4020 in the source (en KB1, line 13)",
    ]  # fmt: skip


def test_words_of_another_script_left_in_code_are_a_translators(kb):
    # A Chinese source's placeholders in code (past its comments and strings), translated.
    source = "设置：\n\n```ini\n[Interface]\nPrivateKey = 我的私钥\nAddress = 172.16.0.2/32\n```\n"
    translation = "Set:\n\n```ini\n[Interface]\nPrivateKey = my private key\nAddress = 172.16.0.2/32\n```\n"
    assert drift_from_chinese(kb, source, translation) == []
    # Code without such words is compared as ever.
    changed = "设置：\n\n```ini\n[Interface]\nPrivateKey = KEY\nAddress = 172.16.0.2/32\n```\n"
    assert drift_from_chinese(kb, changed, translation.replace("my private key", "KEY").replace("/32", "/24")) == [
        "code block 1 differs from the source's code block 1 (zh-Hans KB1, line 9)"
    ]


def test_code_the_translation_writes_as_plain_text_is_there(kb):
    """A command the translator wrote without its backticks is there for the reader; one the
    translation lacks is missing."""
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    kb.write("en/build.md", "# Build\n\nBuild for `linux/amd64` with `make release`. The `Proxy Server` forwards `listof (T)`.\n")
    kb.write("zh-Hans/build.md", "# 构建\n\n为 linux/amd64 构建。Proxy server 会转发 listof(T)。\n")
    assert [f.message for f in kb.lint("translation-drift")] == [
        "the code `make release` of the source (en build, line 3) is missing here"
    ]


def test_a_number_the_translation_shows_in_an_address_is_there(kb):
    """The source links a pull request by its number; the translation shows the bare address,
    which holds it. A number no address or text holds is missing."""
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    kb.write("en/notes.md", "# Notes\n\nFixed the sync ([#5330](https://github.com/acme/vault/pull/5330)) in 14 places.\n")
    kb.write("zh-Hans/notes.md", "# 说明\n\n修复了同步问题：https://github.com/acme/vault/pull/5330\n")
    assert [f.message for f in kb.lint("translation-drift")] == ["the number 14 of the source (en notes, line 3) is missing here"]


def test_a_version_shortened_in_a_heading_and_whole_below_it_is_there(kb):
    """The translation's heading says v1.27 for the source's v1.27.7 and its paragraph gives
    the whole version: no change. A version shortened and written whole nowhere is one."""
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    kb.write("en/release.md", "# Release\n\n## Upgrade to v1.27.7\n\nThe agent now uses v1.27.7.\n\n## Drop v2.4.1\n\nOld clients go.\n")
    kb.write("zh-Hans/release.md", "# 发布\n\n## 升级到 v1.27\n\n代理现在使用 v1.27.7。\n\n## 移除 v2.4\n\n旧客户端移除。\n")
    assert [f.message for f in kb.lint("translation-drift")] == ["the number 2.4 here is 2.4.1 in the source (en release, line 7)"]


def test_a_table_of_contents_the_translation_adds_is_no_heading_of_the_text(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    kb.write("en/guide.md", "# Guide\n\n- [Setup](#setup)\n\n## Setup\n\nRun it.\n")
    kb.write("zh-Hans/guide.md", "# 指南\n\n## 目录\n\n- [设置](#设置)\n\n## 设置\n\n运行它。\n")
    assert kb.lint("translation-drift") == []


def test_a_month_written_with_or_without_its_zero_is_one_number(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hans]\n")
    kb.write("en/log.md", "# Log\n\n| Version | Date |\n| --- | --- |\n| 1.2 | 2023.01 |\n| 1.3 | 2023.10 |\n")
    kb.write("zh-Hans/log.md", "# 日志\n\n| 版本 | 日期 |\n| --- | --- |\n| 1.2 | 2023.1 |\n| 1.3 | 2023.1 |\n")
    assert [f.message for f in kb.lint("translation-drift")] == ["the number 2023.10 of the source (en log, line 6) is missing here"]


def test_a_page_the_source_links_by_an_address_that_leads_nowhere_is_no_new_reference(kb):
    """The source's link is broken (the page exists only in the translation's folder, or its
    address has a stray segment): the translation's link to the page is the source's, mended;
    broken-link tells of the source's."""
    kb.write("en/guide/start.md", "# Start\n\nRead [the setup guide](setup.md) and [the upgrade notes](/docs/en/guide/upgrade/) first.\n")
    kb.write("en/guide/upgrade.md", "# Upgrade\n\nText.\n")
    kb.write("zh-Hans/guide/start.md", "# 开始\n\n请先阅读[安装指南](setup.md)和[升级说明](upgrade.md)。\n")
    kb.write("zh-Hans/guide/setup.md", "# 安装\n\n内容。\n")
    kb.write("zh-Hans/guide/upgrade.md", "# 升级\n\n内容。\n")
    assert kb.lint("translation-drift") == []
    assert [f.line for f in kb.lint("broken-link") if f.path == "en/guide/start.md"] == [3, 3]



def test_numbers_in_persian_and_arabic_indic_digits_are_the_sources(kb):
    source = "Up to 40 times faster, with 32 MB per file and 2.5 seconds at most.\n"
    persian = "تا ۴۰ برابر سریع‌تر، با ۳۲ مگابایت برای هر فایل و حداکثر ۲٫۵ ثانیه.\n"
    arabic = "أسرع حتى ٤٠ مرة، مع ٣٢ ميغابايت لكل ملف و٢٫٥ ثانية على الأكثر.\n"
    assert drift_messages(kb, source, persian, locale="fa") == []
    assert drift_messages(kb, source, arabic, locale="ar") == []


def test_a_translation_that_is_a_stub_is_one_finding(kb):
    """A page whose translation says only that it is missing: one finding, not one per heading,
    number and step the rest of the source holds; so for a source that waits for its text."""
    sections = "".join(f"## Part {n}\n\nSet the limit to {n * 10} and run `sync --part {n}`.\n\n1. Open it.\n2. Save it.\n\n" for n in range(1, 5))
    kb.add("KB7", "en", "Sync limits", sections)
    kb.add("KB7", "zh-Hant", "同步限制", "本頁尚未翻譯，請參閱英文版。\n")
    found = [(f.line, f.message) for f in kb.lint("translation-drift")]
    assert found == [(4, "this translation is a stub: 1 paragraph and 0 headings, where the source (en KB7) has 12 and 4: translate the rest of the page")], found
    kb.add("KB8", "en", "Backups", "This page waits for its English text; see the Chinese page.\n")
    kb.add("KB8", "zh-Hant", "備份", sections.replace("Part", "部分"))
    found = [(f.line, f.message) for f in kb.lint("translation-drift") if "KB8" in f.path]
    assert found == [(4, "the source (en KB8) is a stub: 1 paragraph and 0 headings, where this translation has 12 and 4: the source's page is yet to be written")], found


def test_translated_hash_comments_and_a_diff_shown_as_its_result_are_the_same_code(kb):
    """A comment line of "#" and words, with or without a space after the "#", is the
    translator's (#create the policy: #建立策略), whatever language the block names; a "#"
    and one word (a colour, a directive) and a code span stay code. A diff is compared as
    the code it makes: the other side may show the result."""
    source = "Run:\n\n```shell\n#create the policy\nvault policy write ops ops.hcl\n```\n\nSet:\n\n```diff\n {\n-  \"mode\": \"old\",\n+  \"mode\": \"strict\"\n }\n```\n"
    translation = "執行：\n\n```bash\n#建立策略\nvault policy write ops ops.hcl\n```\n\n設定：\n\n```json\n{\n  \"mode\": \"strict\"\n}\n```\n"
    assert drift_messages(kb, source, translation) == []
    changed = translation.replace("ops.hcl", "dev.hcl")
    assert drift_messages(kb, source, changed) == ["code block 1 differs from the source's code block 1 (en KB1, line 9)"]
    assert code_key(":root {\n  color: rgb(\n    #bd34fe\n  );\n}", "css") != code_key(":root {\n  color: rgb(\n  );\n}", "css")
    assert code_key("#my-anchor") != code_key("#мой-якорь")


def test_code_blocks_of_sections_in_another_order_are_the_sources(kb):
    """As many blocks on both sides, two of them in each other's place: the sections were put
    in another order; their code is the source's."""
    source = "## Nested\n\n```js\nnest(a)\n```\n\n## Async\n\n```js\nawait load(a)\n```\n\n## Last\n\n```js\nend()\n```\n"
    translation = "## 非同步\n\n```js\nawait load(a)\n```\n\n## 巢狀\n\n```js\nnest(a)\n```\n\n## 最後\n\n```js\nend()\n```\n"
    assert drift_messages(kb, source, translation) == []
    changed = translation.replace("nest(a)", "nest(b)")
    assert drift_messages(kb, source, changed) == ["code block 2 differs from the source's code block 1 (en KB1, line 9)"]


def test_a_code_span_set_as_its_words_or_a_linked_url_is_there(kb):
    """The source's `--clusters m1,m2` is the translation's `--clusters` … `m1,m2` on one line;
    `dev.lazy: true` its `dev.lazy` … `true`; a URL set as code is the one the translation
    writes as an address (GitHub links it). Words the translation sets as code on lines of
    their own are no such span."""
    source = "Set `--clusters m1,m2` to limit it, and `dev.lazy: true` to wait.\n\nClone `https://example.org/repo.git` first.\n"
    translation = "將 `--clusters` 設為 `m1,m2` 以限定範圍，並將 `dev.lazy` 設為 `true` 以等待。\n\n請先複製 https://example.org/repo.git 。\n"
    assert drift_messages(kb, source, translation) == []
    apart = "將 `--clusters` 設定好。\n\n範圍是 `m1,m2`，並將 `dev.lazy` 設為 `true` 以等待。\n\n請先複製 https://example.org/repo.git 。\n"
    assert drift_messages(kb, source, apart) == ["the code `--clusters` here is `--clusters m1,m2` in the source (en KB1, line 7)"]


def test_code_marked_otherwise_is_the_sources(kb):
    """A field's path with or without its leading dot, a placeholder in angle brackets or not,
    or in another case: the same code. A comparison's sign is not such a mark."""
    source = "Set `.spec.replicas`, then run `vault read <Secret-Name>` with `name=<your-name>`.\n\nWhen `a > b`, stop.\n"
    translation = "設定 `spec.replicas`，然後以 `name=your-name` 執行 `vault read <secret-name>`。\n\n當 `a > b` 時停止。\n"
    assert drift_messages(kb, source, translation) == []
    flipped = translation.replace("`a > b`", "`a < b`")
    assert drift_messages(kb, source, flipped) == ["the code `a < b` here is `a > b` in the source (en KB1, line 9)"]


def test_a_headings_section_number_is_no_number_of_the_text(kb):
    """"### 2.3 代理模式" where the source's heading is unnumbered: the section's place, which
    one side numbers; a number of the heading's text still counts."""
    source = "## Proxy mode\n\nThe proxy listens on port 10263.\n"
    numbered = "## 2.3 代理模式\n\n代理监听 10263 端口。\n"
    assert drift_messages(kb, source, numbered) == []
    changed = "## 2.3 代理模式 10264\n\n代理监听 10263 端口。\n"
    assert drift_messages(kb, source, changed, article="KB2") == ["the number 10264 is not in the source (en KB2)"]


def test_plain_words_set_as_code_may_be_a_term_translated_in_quotes(kb):
    """The source sets a term as code (`status check fails`), the translation translates it
    in quotes (“状态检查失败”): as many translated terms, none lost. Code that is more than
    plain words (an option, a path) is still code; a command of plain words only would not
    be told from a term."""
    source = "Below, `status check fails` means the result failed, not one run.\n"
    translated = "下文中，“状态检查失败”指的是结果为失败，而不是单次执行。\n"
    assert drift_messages(kb, source, translated) == []
    command = "Run `kubectl get pods -A` first.\n"
    assert drift_messages(kb, command, "先运行“获取容器组”。\n", article="KB2")[0].startswith("the code `kubectl get pods -A` of the source")


def test_a_name_set_as_code_without_its_plural_is_the_same_in_chinese(kb):
    """Chinese marks no plural: `Sync Worker` for the source's `Sync Workers` is the name."""
    source = "The vault runs several `Sync Workers` at once.\n"
    assert drift_messages(kb, source, "保险库同时运行多个 `Sync Worker`。\n") == []
    renamed = drift_messages(kb, source, "保险库同时运行多个 `Sync Runner`。\n", article="KB2")
    assert renamed == ["the code `Sync Runner` here is `Sync Workers` in the source (en KB2, line 7)"]


def test_a_duration_set_as_code_may_write_its_unit_short(kb):
    """`12 seconds` in the source, `12s` in the translation: the same duration; `15s` is not."""
    source = "The example injects a delay of `12 seconds` into the service.\n"
    assert drift_messages(kb, source, "示例注入持续 `12s` 的延迟。\n") == []
    assert drift_messages(kb, source, "示例注入持续 `15s` 的延迟。\n", article="KB2") == ["the code `12 seconds` of the source (en KB2, line 7) is missing here"]


def test_a_host_set_as_code_with_its_scheme_or_without_is_one(kb):
    source = "Open `http://localhost:3000` in a browser.\n"
    assert drift_messages(kb, source, "在浏览器中打开 `localhost:3000`。\n") == []
    assert drift_messages(kb, source, "在浏览器中打开 `localhost:8080`。\n", article="KB2") == [
        "the code `http://localhost:3000` of the source (en KB2, line 7) is missing here"
    ]


def test_a_fact_one_side_writes_in_its_code_blocks_is_there(kb):
    """A number or a name the translation's prose writes that the source's code blocks hold
    (a port in a configuration line), and a URL of the source's prose that the translation
    shows in a command, were neither added nor lost. One in neither is still reported."""
    source = (
        "Set the port:\n\n```properties\nvault.sync.port=7311\n```\n\n"
        "Send a request to https://api.example.org/v2/sync to start.\n\n"
        "```sh\nvaultctl start\n```\n"
    )
    translation = (
        "設定連接埠：\n\n```properties\nvault.sync.port=7311\n```\n\n"
        "開啟 **localhost:7311** 與 `vault.sync.port`，然後在第 42 步：\n\n"
        "```sh\ncurl https://api.example.org/v2/sync\nvaultctl start\n```\n"
    )
    kb.add("KB1", "en", "Sync", source)
    kb.add("KB1", "zh-Hant", "同步", translation)
    found = [f.message for f in kb.lint("translation-drift")]
    assert len(found) == 2 and "the number 42 is not in the source" in found[0]
    assert "code block 2 differs" in found[1]  # (the curl line is the translation's own)


def test_a_configurations_comment_lines_and_an_elision_are_not_code():
    assert code_key("port=9000\n", "properties") == code_key("#sync port\nport=9000\n", "properties")
    assert code_key("#!/bin/sh\nrun\n", "sh") != code_key("run\n", "sh")
    assert code_key("class A {\n  /* ... */\n}\n", "java") == code_key("class A {\n  ...\n}\n", "java")
    assert code_key("f(...rest)", "js") != code_key("f(rest)", "js")


def test_a_placeholder_of_words_in_angle_brackets_is_translated():
    assert code_key("open https://x.example/view?src=<public file URL>\n") == code_key("open https://x.example/view?src=<URL publique du fichier>\n")
    assert code_key("List<String> names\n", "java") != code_key("List<Integer> names\n", "java")


def test_code_blocks_hold_a_number_alone_and_a_command_as_a_line(kb):
    """A number inside another (80 of 8080:80, 16 of a clock's 13:18:16) and a command inside a
    longer one (`vaultctl sync` of `vaultctl sync --all`) are not the prose's; a command the
    translation's prose lost is missing though its code block runs it."""
    source = "Forward the port:\n\n```sh\nkubectl port-forward svc/vault 8080:80\nvaultctl sync --all\n```\n\nThen run `vaultctl check`.\n"
    translation = (
        "轉發連接埠：\n\n```sh\nkubectl port-forward svc/vault 8080:80\nvaultctl sync --all\nvaultctl check\n```\n\n"
        "舊版使用連接埠 80 與 `vaultctl sync`。\n"
    )
    kb.add("KB1", "en", "Ports", source)
    kb.add("KB1", "zh-Hant", "連接埠", translation)
    found = sorted(f.message.split(" (")[0] for f in kb.lint("translation-drift"))
    assert any("`vaultctl check`" in m for m in found) and any("80" in m for m in found) and any("`vaultctl sync`" in m for m in found), found


@pytest.mark.parametrize(
    "source, translation",
    [
        # A scheme alone names no page, whatever punctuation follows it (full-width 、 and ）).
        ("The host, with no protocol (for example https://, http://).\n", "主机，不带协议头（例如：https://、http://）。\n"),
        # A whole number glued to its name is the source's, as a version is.
        ("## Top 10 processes\n\nThe ten busiest.\n", "## Top10 进程\n\n最忙的十个。\n"),
        # 百分 is per cent: 95 百分位数 is the 95th percentile, no hundreds.
        ("Compute the 95th percentile of the latency.\n", "计算延迟的 95 百分位数。\n"),
        # A URL the source links, which the translation shows as an image.
        (
            "## Groups\n\n- [Chat group](https://img.example.org/group.png)\n- [Forum](https://forum.example.org)\n",
            '## 讨论组\n\n欢迎加入交流群：\n\n<img src="https://img.example.org/group.png" alt="group" width="300" />\n\n或者加入[论坛](https://forum.example.org)。\n',
        ),
    ],
    ids=["scheme-alone", "glued-number", "percentile", "shown-as-an-image"],
)
def test_a_fact_written_otherwise_is_there(kb, source, translation):
    kb.add("KB1", "en", "Source", source)
    kb.add("KB1", "zh-Hans", "译文", translation)
    assert kb.lint("translation-drift") == []


def test_a_command_after_sudo_is_told_by_its_arguments():
    """`sudo dmesg | less` is no change of `sudo dmesg --since x`: after sudo and the name,
    they have no word in common (the words of a command are remembered once split)."""
    for _ in range(2):  # the second time from what the first remembered
        assert not _related_commands("sudo dmesg | less", "sudo dmesg --since {{1 hour ago}}")
        assert _related_commands("sudo dmesg -H", "sudo dmesg -T")
        assert _related_commands("sudo apt install {{package}}", "sudo apt install {{paquete}} --yes")
