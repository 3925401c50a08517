"""Reference extraction: every id form, links, related lists; code, URLs, front matter never."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kblint.model.config import Config
from kblint.kb.document import build_document
from helpers import ROOT


def refs(body: str, relpath: str = "en/KB1.md", front: str = "---\nid: KB1\nlang: en\ntitle: T\n---\n"):
    text = front + body
    doc = build_document(ROOT / relpath, relpath, text.encode(), Config(root=ROOT))
    return [(r.kind, r.target, doc.position(r.start), r.title) for r in doc.references], doc


def test_bare_id_forms():
    found, _ = refs("See KB4407, KB 4407, IBKB3512, IBKB 3396 and KB1131ibkr.com/sls.\n")
    assert [(k, t) for k, t, _, _ in found] == [
        ("mention", "KB4407"),
        ("mention", "KB4407"),
        ("mention", "KB3512"),
        ("mention", "KB3396"),
        ("mention", "KB1131"),
    ]
    assert [pos for _, _, pos, _ in found] == [(6, 5), (6, 13), (6, 22), (6, 32), (6, 46)]


def test_kilobytes_are_not_ids():
    found, _ = refs("Attachments up to 500 KB 20 times a day; see KB 4407.\n")
    assert [t for _, t, _, _ in found] == ["KB4407"]


def test_ids_in_chinese_text():
    found, _ = refs("請參見KB4407與IBKB 3396。\n")
    assert [(t, pos) for _, t, pos, _ in found] == [("KB4407", (6, 4)), ("KB3396", (6, 11))]


def test_code_urls_and_front_matter_are_not_references():
    body = (
        "Code `KB1234` and\n\n```\nKB2345\n```\n\n    KB3456 indented\n\n"
        "Sites https://example.com/KB4567 and <https://example.com/KB5678> and "
        "[elsewhere](https://example.com/KB6789.md) and <!-- KB7890 -->.\n"
    )
    found, _ = refs(body, front="---\nid: KB1\nlang: en\ntitle: About KB9999\nrelated: KB8888\n---\n")
    assert found == []


def test_links_to_article_files():
    found, doc = refs("Read [this](KB1234.md), [that](../zh-Hant/KB2345.md#steps) and [the other](KB3456.zh-Hans.md).\n")
    assert [(k, t) for k, t, _, _ in found] == [("link", "KB1234"), ("link", "KB2345"), ("link", "KB3456")]
    assert [r.destination.bases for r in doc.references] == [(("", "en/KB1234.md"),), (("", "zh-Hant/KB2345.md"),), (("", "en/KB3456.zh-Hans.md"),)]
    assert [r.destination.fragment for r in doc.references] == [None, "steps", None]


def test_link_text_id_is_not_counted_twice():
    found, _ = refs("[KB1234](KB1234.md)\n")
    assert [(k, t) for k, t, _, _ in found] == [("link", "KB1234")]


def test_related_articles_lists_with_titles_in_each_language():
    body = (
        "## Related articles\n\n- KB3842 - Using GPG…\n- KB3843: Signing\n- [Exporting](KB3844.md)\n\n"
        "## 參考文章\n\n- KB3845 - 使用 GPG\n\n"
        "Related articles:\nKB3846 - Plain paragraph entry\n"
    )
    found, _ = refs(body)
    related = [(t, title) for k, t, _, title in found if k == "related"]
    assert related == [
        ("KB3842", "Using GPG…"),
        ("KB3843", "Signing"),
        ("KB3844", "Exporting"),
        ("KB3845", "使用 GPG"),
        ("KB3846", "Plain paragraph entry"),
    ]


def test_configured_id_patterns(tmp_path):
    from kblint.run.settings import load_config

    (tmp_path / "kblint.yaml").write_text(
        "id_pattern: 'ART-[0-9]+'\n"
        "references: [{pattern: '(?<![A-Za-z])ART-(?P<num>[0-9]+)', id: 'ART-{num}'}]\n"
        "links: [{pattern: '/articles/(?P<num>[0-9]+)', id: 'ART-{num}'}]\n",
        "utf-8",
    )
    config = load_config(tmp_path / "kblint.yaml", tmp_path)
    text = "---\nid: ART-1\nlang: en\ntitle: T\n---\nSee ART-123 and [x](https://help.example.com/hc/articles/360012345). KB1 is nothing.\n"
    doc = build_document(tmp_path / "a.md", "a.md", text.encode(), config)
    assert [(r.kind, r.target) for r in doc.references] == [("mention", "ART-123"), ("link", "ART-360012345")]


def _calls_in_references_for(entries: int) -> int:
    """How many Python calls (generator steps included) kblint.kb.references makes to extract
    the references of an index page of ``entries`` linked entries: the work, counted rather
    than timed."""
    import sys

    from kblint.kb import references
    from kblint.model.config import Config

    lines = "".join(f"- [KB{5000 + n} Setting up device {n}](KB{5000 + n}.md), also KB{5000 + n}\n" for n in range(entries))
    body = "## Related articles\n\n" + lines + "\nSee KB4000 and [the guide](guide.md).\n"
    config = Config(root=ROOT)
    doc = build_document(ROOT / "en/KB1.md", "en/KB1.md", ("---\nid: KB1\nlang: en\ntitle: T\n---\n" + body).encode(), config)
    counted = [0]
    source = references.__file__

    def profile(frame, event, arg):
        if event == "call" and frame.f_code.co_filename == source:
            counted[0] += 1

    sys.setprofile(profile)
    try:
        found = references.extract_references(doc.body, config, "en/KB1.md", doc.identity)
    finally:
        sys.setprofile(None)
    assert len([r for r in found if r.kind == "related"]) == entries
    return counted[0]


def test_reference_extraction_grows_linearly_with_an_index_page():
    small, large = _calls_in_references_for(200), _calls_in_references_for(2000)
    assert large < 20 * small  # ten times the entries: ten times the work, not a hundred


# The related-articles label tests, as they read before a first-letter test let most prose
# through at once: the same answers on any text and any headings.
def _was_related_heading(text: str, headings: list[str]) -> bool:
    from kblint.kb.references import _HEADING_END
    from kblint.model.text import MASK

    cleaned = text.replace(MASK, "").strip().rstrip(_HEADING_END).strip().casefold()
    return cleaned in {h.casefold() for h in headings}


def _was_related_intro(text: str, headings: list[str]) -> int | None:
    first_line = text[:80].split("\n", 1)[0]
    if len(first_line) >= 80:
        return None
    if _was_related_heading(first_line, headings):
        return len(first_line)
    folded = first_line.casefold()
    for heading in headings:
        if folded.startswith(heading.casefold()):
            if first_line[len(heading) :][:1] in (":", "："):
                return len(heading) + 1
    return None


_LABEL_TEXT = st.text(alphabet=st.sampled_from(list("\x00 \t\n:：.。aAsSßẞİiRrEeLlKB1相關文章")), max_size=14)


@settings(max_examples=400, deadline=None)
@given(text=_LABEL_TEXT, headings=st.lists(_LABEL_TEXT, max_size=3))
@example(text="\x00 Related:", headings=["related"])
@example(text="\x00 ẞee: KB1", headings=["sSee"])
@example(text=" \t", headings=[""])
def test_related_labels_are_found_as_before_the_first_letter_test(text, headings):
    from kblint.kb.references import _is_related_heading, _related_intro
    from kblint.model.body import ProseSpan

    config = Config(ROOT, related_headings=headings)
    span = ProseSpan("paragraph", text, 1, 1)
    assert _is_related_heading(text, config) == _was_related_heading(text, headings)
    assert _related_intro(span, config) == _was_related_intro(text, headings)
