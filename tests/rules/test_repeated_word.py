"""repeated-word: fires on its example, stays silent on the traps."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def test_repeated_word_also_across_a_line_break(kb):
    found = kb.check("repeated-word", "Close the the window and\nto\nto the end.\n")
    assert [(l, c) for l, c, _ in found] == [(7, 7), (8, 1)]


def test_repeated_word_allows_grammatical_doubles_and_code(kb):
    assert kb.check("repeated-word", "He had had enough; that that is fine. `the the`\n") == []


def test_quoted_mentions_are_not_uses(kb):
    body = 'A doubled word ("the the") is a classic. The rule looks for "refer to this article".\n'
    assert kb.check("repeated-word", body) == []
    kb.add("KB2", "en", "Title", body)
    assert [f for f in kb.lint("dangling-reference") if f.path == "en/KB2.md"] == []


def test_a_triple_is_one_finding_and_neighbouring_paragraphs_do_not_pair_up(kb):
    body = "Enter backup backup backup codes.\n\nIt ends with the\n\n- the the list item\n"
    assert [(l, c) for l, c, _ in kb.check("repeated-word", body)] == [(7, 7), (11, 3)]


def test_doubles_hidden_by_markup_and_odd_case(kb):
    # What the reader sees counts: emphasis and links render as plain words.
    body = "Open **the** the [settings](KB2.md) Settings page. Straße STRASSE, Maße maße.\n"
    assert [(l, c) for l, c, _ in kb.check("repeated-word", body)] == [(7, 8), (7, 19), (7, 68)]


def test_doubles_beside_a_lost_character_or_a_long_s(kb):
    # U+FFFD and ſ take the slower path that does not rely on the shared word list.
    found = kb.check("repeated-word", "A \ufffdthe the gap. Long ſ: ſee ſee.\n")
    assert [(l, c, m.split(":")[0]) for l, c, m in found] == [(7, 4, "'the' is repeated"), (7, 25, "'ſee' is repeated")]


def test_badges_side_by_side_are_not_a_doubling(kb):
    body = (
        "[![npm](https://img.example.org/npm.svg)](https://example.org/npm) "
        "[![npm](https://img.example.org/dl.svg)](https://example.org/dl)\n\n"
        "Install [npm](https://example.org) ![npm](logo.png) first, then the the rest.\n"
    )
    assert [(l, c) for l, c, _ in kb.check("repeated-word", body)] == [(9, 65)]


def test_identifiers_constants_initials_and_containers_are_not_doublings(kb):
    body = (
        "Refactor the deprecated v8::Function::Call call. Remove an unreachable UNREACHABLE. Filter with AND and OR conditions.\n"
        "Fix the URL url.protocol example.\n"
        "Thanks to Priya K K for the patch.\n\n"
        "::: tip Note\nNote that the title comes first.\n:::\n\n"
        ":::warning Warning:\nKeep it short.\n:::\n\n"
        "::: tabs key:runner\n== Probe\nProbe runs the checks.\n:::\n\n"
        "Then the The end.\n"
    )
    assert [(l, c) for l, c, _ in kb.check("repeated-word", body)] == [(24, 6)]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="aab é'’-_0 \t\n\n.,ß", max_size=20), st.sampled_from(["a", "aa", "ab", "b", "é", "aé", "ba"]))
def test_a_doubled_word_is_found_where_a_regular_expression_finds_it(text, word):
    import re

    from kblint.model.text import LATIN
    from kblint.rules.repeated_word import _pair_starts

    w = re.escape(word)
    pattern = re.compile(rf"{w}(?<![{LATIN}0-9_'’-]{w})(?=[ \t]*\n?[ \t]*{w}(?![{LATIN}0-9_'’-]))")
    assert list(_pair_starts(word, text)) == [m.start() for m in pattern.finditer(text)]


def test_doubles_that_other_languages_write_on_purpose_are_not_reported(kb):
    # Turkish and Vietnamese double words as grammar; French and German double pronouns.
    kb.add("KB1", "tr", "Başlık", "Bu ayarı sık sık kontrol edin ve adım adım ilerleyin.\n")
    kb.add("KB1", "vi", "Tiêu đề", "Các tác vụ chạy song song trên nhiều máy.\n")
    kb.add("KB1", "fr", "Titre", "Nous nous connectons au serveur, puis vous vous déconnectez pour lui faire faire la suite.\n")
    kb.add("KB1", "de", "Titel", "Die Dateien, die die Anwendung schreibt, bleiben erhalten.\n")
    # The same words are slips where the language has no such double.
    kb.add("KB2", "fr", "Titre", "Ouvrez le le fichier.\n")
    kb.add("KB2", "en", "Title", "Then we we open the file, and the the die die.\n")
    found = sorted((f.path, f.message) for f in kb.lint("repeated-word"))
    assert found == [
        ("en/KB2.md", "'die' is repeated: 'die die'"),
        ("en/KB2.md", "'the' is repeated: 'the the'"),
        ("en/KB2.md", "'we' is repeated: 'we we'"),
        ("fr/KB2.md", "'le' is repeated: 'le le'"),
    ]


def test_a_name_set_apart_by_emphasis_then_the_same_word_is_no_doubling(kb):
    body = "Read the [*Vault Docs* Docs](https://example.com) first; **the** the end.\n"
    found = [m.split(":")[0] for _, _, m in kb.check("repeated-word", body)]
    assert found == ["'the' is repeated"]


def test_italian_doubles_of_manner_are_grammar(kb):
    body = "Le istruzioni passo passo sono qui, che sia sia veloce sia sicuro; un altro altro caso.\n"
    found = [m.split(":")[0] for _, _, m in kb.check("repeated-word", body, "it")]
    assert found == ["'altro' is repeated"]


def test_a_doubling_written_twice_in_an_article_is_meant(kb):
    body = "Visit the Vault Docs Docs site.\n\nThe Vault Docs Docs explain how to write the the docs.\n"
    found = [m.split(":")[0] for _, _, m in kb.check("repeated-word", body)]
    assert found == ["'the' is repeated"]


@pytest.mark.parametrize(
    "language, body, slip",
    [
        ("de", "Die Filter, mit denen Sie sie nutzen, sind hier; die Liste Liste fehlt.\n", "Liste"),
        ("pt", "Verifique se se repetiu; o filtro filtro falhou.\n", "filtro"),
        ("cs", "Shoduje se se všemi pravidly, ale pravidla pravidla chybí.\n", "pravidla"),
        ("nl", "Als je je aanmeldt, zie je de lijst lijst niet.\n", "lijst"),
    ],
)
def test_pronoun_doubles_of_other_languages_are_grammar(kb, language, body, slip):
    found = [m.split(":")[0] for _, _, m in kb.check("repeated-word", body, language)]
    assert found == [f"'{slip}' is repeated"]


def test_a_set_phrase_that_ends_in_the_next_word_is_no_doubling(kb):
    """"at will" then "will", "log in" then "in": grammatical; the same pair after another word
    is still a slip."""
    body = "Styles edited at will will break nothing. Log in in the app.\n\nIt will will fail. Put it in in the box.\n"
    assert [c for _, c, _ in kb.check("repeated-word", body)] == [4, 27]


def test_a_clause_ending_in_go_to_before_an_infinitive_is_no_doubling(kb):
    """"the pages people go to to learn": the verb's "to" ends the clause; before "the" the
    second "to" is a preposition again, a slip."""
    body = "It is the wiki writers go to to learn the style.\n\nThen go to to the settings page.\n"
    assert kb.check("repeated-word", body) == [(9, 9, "'to' is repeated: 'to to'")]  # the body's third line


def test_dutch_in_in_is_a_separable_verbs_particle_then_the_preposition(kb):
    assert kb.check("repeated-word", "Stel het thema in in het bestand.\n", "nl") == []


def test_a_term_set_apart_then_the_sentence_that_defines_it_is_no_doubling(kb):
    body = (
        "- [**legend**](/manual/legend) Legend of the chart.\n- **title** Title of the chart.\n- Read the the legend.\n"
        "- [cors](https://git.example.com/kb/cors) cors support\n- **title** title of the chart.\n"
        "- Plugins:\n  \u00a0 \u00a0 - [vault](https://git.example.com/kb/vault) Vault keys\n"
        "- **Recover** Recover middleware catches a panic.\n"
    )
    assert [(l, m) for l, _, m in kb.check("repeated-word", body)] == [(9, "'the' is repeated: 'the the'"), (11, "'title' is repeated: 'title title'")]


def test_a_name_inside_a_sentence_then_the_word_it_names_is_no_doubling(kb):
    body = "Wrap the Input input box in a form. Vault vault keys stay. See the docs. Docs docs everywhere.\n"
    # A capital after a lower-case word names a thing; at a sentence's start it is the word again.
    assert [m for _, _, m in kb.check("repeated-word", body)] == ["'Vault' is repeated: 'Vault vault'", "'Docs' is repeated: 'Docs docs'"]


def test_a_word_then_its_parameters_name_in_emphasis_is_no_doubling(kb):
    body = "It takes the graphic style _style_ and the context *context*, then the the render.\n"
    assert [m for _, _, m in kb.check("repeated-word", body)] == ["'the' is repeated: 'the the'"]


def test_an_action_then_the_emphasized_name_of_its_setting_is_no_doubling(kb):
    body = "Open the provider and enable **Enable sync** to keep it current.\n\nThe **the** word is doubled.\n"
    assert [line for line, _, _ in kb.check("repeated-word", body)] == [9]


def test_lines_set_one_under_the_other_are_two_lines_markdown_joins(kb):
    """A title written as a line of its own (Chinese text, or words each capitalized), then a
    line that opens with the same word capitalized: the break is missing, not a word, and the
    finding says so, with no fix. A sentence broken across lines doubles its word."""
    kb.add("KB9", "zh-Hans", "动作", "# 动作\n\n使用全局 Action\nAction 参数的来源\n")
    [joined] = [f for f in kb.lint("repeated-word") if f.path == "zh-Hans/KB9.md"]
    assert joined.message.startswith("'Action' ends a line and opens the next, which Markdown joins") and joined.fix is None
    body = "1. Pin Important Notes\nNotes stay on top.\n\nWe open the Vault\nVault opens fast.\n"
    kb.add("KB1", "en", "Title", body)
    found = [f for f in kb.lint("repeated-word") if f.path == "en/KB1.md"]
    assert [(f.line, f.column) for f in found] == [(7, 18), (10, 13)]
    assert "Markdown joins" in found[0].message and "Markdown joins" not in found[1].message


def test_a_change_logs_scope_in_bold_then_its_entry(kb):
    """Release notes made from commits write each entry's scope in bold, then its message,
    which may open with the same word: no doubling there. Elsewhere a bold word repeated is."""
    kb.config("source_locale: en\n")
    kb.write("CHANGELOG/CHANGELOG-2.1.0.md", "# 2.1.0\n\n* **probe** probe button style and speed\n* **the** the entry\n")
    kb.write("docs/probe.md", "# Probe\n\n* **probe** probe button style and speed\n")
    assert [(f.path, f.line) for f in kb.lint("repeated-word")] == [("docs/probe.md", 3)]
