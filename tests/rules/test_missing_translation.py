"""missing-translation: translations without a source, and required locales."""

def test_translation_without_source(kb):
    kb.add("KB9", "zh-Hant", "孤兒", "內容。\n")
    (finding,) = kb.lint("missing-translation")
    assert finding.path == "zh-Hant/KB9.md" and "no en source" in finding.message


def test_required_locale(kb):
    kb.config("source_locale: en\nlocales: [en, zh-Hant]\nrequired_locales: [zh-Hant]\n")
    kb.add("KB1", "en", "Source", "Text.\n")
    (finding,) = kb.lint("missing-translation")
    assert "no translation into zh-Hant" in finding.message
