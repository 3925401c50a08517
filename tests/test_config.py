"""Configuration files: the README's example works, every source is found, mistakes are named."""

import re

import pytest

from helpers import ROOT
from kblint.model.config import ConfigError
from kblint.run.settings import load_config
from kblint.kb.identity import canonical_locale


def readme_example() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("### Configuration", 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def test_the_readme_example_is_a_valid_configuration(tmp_path):
    (tmp_path / "kblint.yaml").write_text(readme_example(), "utf-8")
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "our-rules.yaml").write_text(
        "rules:\n  - {code: OR001, name: our-rule, type: existence, summary: s, tokens: [x]}\n", "utf-8"
    )
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "moved.csv").write_text("/a.md,/b.md\n", "utf-8")
    (tmp_path / "glossary.yaml").write_text("terms:\n  recovery code: {zh-Hant: 復原碼}\nkeep: [Vaultline]\n", "utf-8")
    (tmp_path / "sources").mkdir()
    config = load_config(None, tmp_path)
    assert config.file == tmp_path / "kblint.yaml"
    assert config.link_root == "/docs" and config.static_roots == ["public"] and config.cjk_brackets == "latin"
    assert config.locale_roots["zh-Hans"] == ["i18n/zh-Hans/docusaurus-plugin-content-docs/current"]
    assert canonical_locale("zh-TW", config) == "zh-Hant"
    assert config.references[0].regex.search("see KB 4407").group("num") == "4407"
    assert config.links[0].regex.search("../en/KB12.md#x").group("id") == "KB12"
    assert config.severity == {"dangling-reference": "error", "KL105": "off"}
    assert config.glossary is not None and config.glossary.terms["recovery code"]["zh-Hant"] == ["復原碼"]
    assert config.source_commit_keys[-2:] == ["l10n.sourceCommit", "default_lang_commit"] and config.source_repo == (tmp_path / "sources").resolve()


def test_pyproject_and_kebab_case_keys(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.kblint]\nsource-locale = "zh-Hant"\naccepted-words = ["Vaultline"]\n', "utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = load_config(None, nested)
    assert config.source_locale == "zh-Hant" and "Vaultline" in config.accepted_words
    assert config.root == tmp_path


def test_without_a_configuration_the_root_is_the_git_root(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub").mkdir()
    config = load_config(None, tmp_path / "sub")
    assert config.file is None and config.root == tmp_path.resolve()


@pytest.mark.parametrize(
    "text, message",
    [
        ("references: [{pattern: '(', id: 'KB{num}'}]\n", "references[0].pattern: invalid regular expression"),
        ("references: [{pattern: 'KB[0-9]+', id: 'KB{num}'}]\n", "references[0].id: the pattern has no group named num"),
        ("required_locales: [fr]\n", "required_locales: 'fr' is not one of the locales"),
        ("max_file_size: -1\n", "max_file_size"),
        ("locales: en\n", "locales"),
        ("a: [\n", "invalid YAML at line"),
        ("- just\n- a list\n", "must be a mapping"),
        ("packs: [missing.yaml]\n", "packs: "),
        ("locale_aliases: {1: en}\n", "locale_aliases: the key 1 is not text"),
        ("per_path_ignores: {1: [typo], docs: [typo]}\n", "per_path_ignores: the key 1 is not text"),
        ("locale_roots: {1: docs}\n", "locale_roots: the key 1 is not text"),
        ("locale_aliases: {no: en}\n", "locale_aliases: the key false is not text: YAML reads a bare no"),
        ("base_urls: ['https://example.org/{path}/{path}']\n", "base_urls[0]: 'https://example.org/{path}/{path}' has {path} 2 times"),
        ("base_urls: ['https://{locale}.example.org/{locale}/{path}']\n", "base_urls[0]: 'https://{locale}.example.org/{locale}/{path}' has {locale} 2 times"),
        ("locales: [en, no]\n", "locales.1: false is not text: YAML reads a bare no, off or false as false; put it in quotes ('no')"),
        ("references: [{pattern: x, id: y, 1: z}]\n", "references.0"),
        ("heading_ids: gitlab\n", "heading_ids"),
        ("translated_placeholders: ['{{}}']\n", "translated_placeholders[0]: '{{}}' is not a placeholder syntax"),
        ("translated_placeholders: ['<…>', 'x…x']\n", "translated_placeholders[1]"),
        ("translated_placeholders: '{{…}}'\n", "translated_placeholders"),
        ("references: [{pattern: '(?P<num>[0-9]+)', id: 'KB{num:>99999999}'}]\n", "references[0].id: 'KB{num:>99999999}': write each group as {name}, without a format"),
        ("references: [{pattern: '(?P<num>[0-9]+)', id: 'KB{num.real}'}]\n", "references[0].id: 'KB{num.real}': write each group as {name}"),
        ("links: [{pattern: '(?P<id>[0-9]+)', id: '{}'}]\n", "links[0].id: '{}': write each group as {name}"),
        ("references: [{pattern: '(?P<num>[0-9]+)', id: 'KB{'}]\n", "references[0].id: Single '{' encountered"),
    ],
)
def test_mistakes_name_the_file_and_key(tmp_path, text, message):
    (tmp_path / "kblint.yaml").write_text(text, "utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(None, tmp_path)
    assert "kblint.yaml" in str(error.value) and message in str(error.value)


def test_an_escaped_brace_in_an_id_template_is_text(tmp_path):
    (tmp_path / "kblint.yaml").write_text("references: [{pattern: 'T(?P<num>[0-9]+)', id: 'KB{num}{{x}}'}]\n", "utf-8")
    config = load_config(None, tmp_path)
    pattern = config.references[0]
    assert pattern.canonical(pattern.regex.search("see T12")) == "KB12{x}"


def _json_values():
    from hypothesis import strategies as st

    scalars = st.none() | st.booleans() | st.integers(-3, 3) | st.floats(-2, 2, allow_nan=False) | st.sampled_from(["", "en", "zh-Hant", "{path}", "KB{num}", "error", "off", "github"])
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["pattern", "id", "en", "x", "docs"]), inner, max_size=3), max_leaves=6)


def test_the_quick_check_accepts_only_what_jsonschema_accepts():
    """A configuration the quick check accepts is never validated again: it must accept
    exactly what jsonschema does, on every key of the schema and values of every shape."""
    import jsonschema
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kblint.run.settings import SCHEMA, _valid_at_once

    validator = jsonschema.Draft202012Validator(SCHEMA)
    keys = st.sampled_from([*SCHEMA["properties"], "unknown_key"])

    @settings(max_examples=600, deadline=None)
    @given(st.dictionaries(keys, _json_values(), max_size=4))
    def agree(data):
        assert _valid_at_once(data, SCHEMA) == validator.is_valid(data)

    agree()
    assert _valid_at_once({"source_locale": "en", "locales": ["en", "zh-Hant"]}, SCHEMA)


def test_the_shipped_quick_check_is_the_schemas_and_what_fastjsonschema_writes():
    """The check a run imports instead of compiling was made from the schema as it is (else
    run ``python -m kblint.run.quickcheck``), and is what this fastjsonschema writes."""
    import fastjsonschema

    from kblint.run import quickcheck, quickcheck_shipped
    from kblint.run.settings import SCHEMA

    assert quickcheck_shipped.SCHEMA_KEY == quickcheck.schema_key(SCHEMA)
    assert quickcheck.quick_check(SCHEMA) is quickcheck_shipped.validate
    if fastjsonschema.VERSION != quickcheck_shipped.VERSION:
        pytest.skip(f"made by fastjsonschema {quickcheck_shipped.VERSION}; {fastjsonschema.VERSION} is installed")
    assert quickcheck.SHIPPED.read_text("utf-8") == quickcheck.check_code(SCHEMA)


def test_a_schema_the_shipped_check_was_not_made_from_gets_a_check_of_its_own():
    from kblint.run import quickcheck, quickcheck_shipped
    from kblint.run.settings import SCHEMA

    changed = {**SCHEMA, "properties": {**SCHEMA["properties"], "new_setting": {"type": "string"}}}
    check = quickcheck.quick_check(changed)
    assert check is not None and check is not quickcheck_shipped.validate
    check({"new_setting": "x"})
    with pytest.raises(ValueError):
        quickcheck_shipped.validate({"new_setting": "x"})  # the shipped check refuses what it does not know
