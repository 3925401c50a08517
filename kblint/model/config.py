"""The configuration as values: :class:`Config`, its defaults and its schema.

``kblint.run.settings`` finds and reads the file (``kblint.yaml``, ``.kblint.yaml`` or
``[tool.kblint]`` in ``pyproject.toml``), validates it against SCHEMA and makes a Config.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any


from kblint.model.userregex import compile_user, template_fields

if TYPE_CHECKING:
    from kblint.model.glossary import Glossary
    from kblint.model.layout import Layout

CONFIG_NAMES = ("kblint.yaml", ".kblint.yaml", "kblint.yml", ".kblint.yml")
# Placeholder syntaxes whose words translators translate (kblint.lang.facts): each is its
# opener, "…" and its closer (the `translated_placeholders` setting).
DEFAULT_TRANSLATED_PLACEHOLDERS = ("{{…}}", "<…>")
SEVERITIES = ("error", "warning", "info", "off")


class ConfigError(Exception):
    """A configuration problem: reported as one line and exit code 2."""


# Markers that translation trackers (Lunaria, and the conventions of docs sites) put in the
# subject of a commit that translations need not follow.
OUTDATED_IGNORE = ("i18nIgnore", "i18n-ignore", "lunaria-ignore", "typo")


@dataclass(frozen=True)
class ReferencePattern:
    """A regex that finds article ids in prose; ``id`` builds the canonical id from its groups."""

    regex: re.Pattern[str]
    template: str

    def canonical(self, match: re.Match[str]) -> str:
        simple = _single_field(self.template)
        if simple is not None:  # "KB{num}": one group between fixed text, the common case
            value = match.group(simple[1]) if simple[1] in self.regex.groupindex else None
            if value is not None:
                return simple[0] + value + simple[2]
        return self.template.format(**{k: v for k, v in match.groupdict().items() if v is not None})


@lru_cache(maxsize=64)
def _single_field(template: str) -> tuple[str, str, str] | None:
    """(prefix, field, suffix) of a template with one plain ``{field}``, else None."""
    m = re.fullmatch(r"([^{}]*)\{(\w+)\}([^{}]*)", template)
    return (m.group(1), m.group(2), m.group(3)) if m else None


DEFAULT_ID_PATTERN = r"KB[0-9]+"
DEFAULT_REFERENCES = [
    # KB4407, KB 4407, IBKB3512, IBKB 3396; an id glued to following text (KB1131ibkr.com) counts.
    # After a number, "KB" is a unit ("up to 500 KB 20 times a day"), not an id.
    # This is (?<![A-Za-z0-9_])(?<![0-9] )(?<![0-9]\u00a0)(?:IB)?KB… written to start with a
    # literal character in each branch (the look-behinds follow it): Python's regex engine then
    # jumps from one I or K to the next instead of trying every position, four times faster.
    {
        "pattern": r"(?:I(?<![A-Za-z0-9_]I)(?<![0-9] I)(?<![0-9]\u00a0I)BKB|K(?<![A-Za-z0-9_]K)(?<![0-9] K)(?<![0-9]\u00a0K)B)"
        r"[ \u00a0]?(?P<num>[0-9]{2,7})(?![0-9])",
        "id": "KB{num}",
    },
]
DEFAULT_LINKS = [
    # KB1234.md, ../en/KB1234.md, KB1234.zh-Hant.md#anchor; not other sites' URLs.
    {
        "pattern": r"^(?![A-Za-z][A-Za-z0-9+.-]*:)(?:.*/)?(?P<id>KB[0-9]+)(?:\.[A-Za-z-]+)?\.(?:md|markdown)(?:[#?].*)?$",
        "id": "{id}",
    },
]
DEFAULT_RELATED_HEADINGS = [
    "Related articles",
    "Related article",
    "See also",
    "Further reading",
    "參考文章",
    "参考文章",
    "相關文章",
    "相关文章",
    "延伸閱讀",
    "延伸阅读",
]
DEFAULT_LOCALE_ALIASES = {
    "en-us": "en",
    "en-gb": "en",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
    "zh-hant": "zh-Hant",
    "zh-cn": "zh-Hans",
    "zh": "zh-Hans",  # a bare zh is Simplified unless configured otherwise
    "cn": "zh-Hans",  # as Chinese projects name it (Hugo's [languages.cn], guide.cn.md, docs/cn/): no language's code
    "zh-sg": "zh-Hans",
    "zh-hans": "zh-Hans",
}

_STRING_LIST = {"type": "array", "items": {"type": "string"}}
_PATTERN_LIST = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"pattern": {"type": "string"}, "id": {"type": "string"}},
        "required": ["pattern", "id"],
        "additionalProperties": False,
    },
}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "source_locale": {"type": "string"},
        "locales": _STRING_LIST,
        "required_locales": _STRING_LIST,
        "locale_aliases": {"type": "object", "additionalProperties": {"type": "string"}},
        "id_pattern": {"type": "string"},
        "references": _PATTERN_LIST,
        "links": _PATTERN_LIST,
        "related_headings": _STRING_LIST,
        "select": _STRING_LIST,
        "ignore": _STRING_LIST,
        "extend_select": _STRING_LIST,
        "severity": {"type": "object", "additionalProperties": {"enum": list(SEVERITIES)}},
        "per_path_ignores": {"type": "object", "additionalProperties": _STRING_LIST},
        "exclude": _STRING_LIST,
        "packs": _STRING_LIST,
        "accepted_words": _STRING_LIST,
        "max_file_size": {"type": "integer", "minimum": 1},
        "baseline": {"type": "string"},
        "cache_dir": {"type": "string"},
        "required_front_matter": _STRING_LIST,
        "locale_roots": {
            "type": "object",
            "additionalProperties": {"anyOf": [{"type": "string"}, _STRING_LIST]},
        },
        "link_root": {"type": "string", "pattern": "^/"},
        "static_roots": _STRING_LIST,
        "base_urls": {"type": "array", "items": {"type": "string", "pattern": "\\{path\\}"}},
        "help_center_hosts": _STRING_LIST,
        "outdated_tolerance": {"type": "number", "minimum": 0},
        "outdated_ignore": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "redirects": {"anyOf": [{"type": "string"}, _STRING_LIST]},
        "site_anchors": _STRING_LIST,
        # kblint.formats.heading_ids: the schemes and the other names they go by
        "heading_ids": {"enum": ["github", "hexo", "vitepress", "kramdown", "python-markdown", "mintlify", "docusaurus", "vuepress", "case-preserving", "mkdocs", "obsidian"]},
        "cjk_brackets": {"enum": ["latin", "full-width", "any"]},
        "git_history": {"type": "boolean"},
        "glossary": {"type": "string"},
        "source_commit_keys": _STRING_LIST,
        "translated_placeholders": _STRING_LIST,
        "source_repo": {"type": "string"},
        "wiki_links": {"type": "boolean"},
        "translation_keys": _STRING_LIST,
    },
}


@dataclass
class Config:
    """A run's configuration: the knowledge base's root, locales and layout, and every rule option."""

    root: Path  # the knowledge base root: the folder of the configuration file, else the git root
    file: Path | None = None
    source_locale: str = "en"
    locales: list[str] = field(default_factory=lambda: ["en", "zh-Hant", "zh-Hans"])
    required_locales: list[str] = field(default_factory=list)
    locale_aliases: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LOCALE_ALIASES))
    id_pattern: re.Pattern[str] = field(default_factory=lambda: re.compile(DEFAULT_ID_PATTERN))
    references: list[ReferencePattern] = field(default_factory=list)
    links: list[ReferencePattern] = field(default_factory=list)
    related_headings: list[str] = field(default_factory=lambda: list(DEFAULT_RELATED_HEADINGS))
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    packs: list[Path] = field(default_factory=list)
    accepted_words: frozenset[str] = frozenset()
    max_file_size: int = 10 * 1024 * 1024
    baseline: Path | None = None
    cache_dir: Path | None = None
    # The cache folder, where what a run reads or finds is remembered for the next: the YAML
    # files of this configuration (kblint.formats.yamlmemo), its layout and the walk of its tree
    # (kblint.store.memo). None: nowhere (a run without a cache).
    memo_folder: Path | None = None
    # Which front matter keys an article must have (id and lang count as there when the file
    # name or path supplies them, title when the article opens with a level-1 heading).
    required_front_matter: list[str] = field(default_factory=lambda: ["title"])
    # Locale -> folders (relative to the root) that hold that locale's tree, for layouts whose
    # locale folder is not simply named after the locale (Docusaurus' i18n/<locale>/...).
    locale_roots: dict[str, list[str]] = field(default_factory=dict)
    link_root: str = "/"  # the site path at which each locale root is served
    static_roots: list[str] = field(default_factory=list)  # folders served at the site root
    base_urls: list[str] = field(default_factory=list)  # the site's own URLs: {path}, {locale}
    # Hosts of the help center's own /hc/{locale}/articles/{id} addresses (kblint.kb.helpcenter).
    help_center_hosts: list[str] = field(default_factory=list)
    # Hours a translation's edited_at may lag its source's before it is "possibly outdated".
    outdated_tolerance: float = 24.0
    # Words in a commit's subject that say the commit is none of the translations' business
    # (translation-outdated skips it): configured, else these and a Lunaria tracker's keywords.
    outdated_ignore: list[str] = field(default_factory=lambda: list(OUTDATED_IGNORE))
    outdated_ignore_set: bool = False  # given in the configuration file (else a tracker's are added)
    redirects: list[Path] = field(default_factory=list)  # redirect maps (CSV or YAML)
    site_anchors: list[str] = field(default_factory=list)  # anchors the site's layout gives every page
    # How the site makes a heading's id (kblint.formats.heading_ids); None: guessed from the links.
    heading_ids: str | None = None
    # Round brackets in Chinese text: half-width allowed around Latin-only content ("latin"),
    # never ("full-width"), or anywhere ("any": only mixed pairs such as （…) are reported).
    cjk_brackets: str = "latin"
    git_history: bool = True  # translation-outdated may read the git history of the root
    # Notes that link by name ([[Note#Heading|text]]), as an Obsidian vault's do; None: where a
    # .obsidian folder says the knowledge base (or a locale's tree) is a vault.
    wiki_links: bool | None = None
    # Front matter keys that name an article across its translations, the first one set counting
    # (Hugo's translationKey, Obsidian Publish's permalink: the default in a vault); else the path.
    translation_keys: list[str] = field(default_factory=lambda: ["id"])
    glossary: "Glossary | None" = None  # terminology (kblint.kb.glossary reads it)
    glossary_file: Path | None = None
    # Front matter keys where a translation records the source revision it was made from
    # ("l10n.sourceCommit" is the sourceCommit key of an l10n mapping).
    source_commit_keys: list[str] = field(default_factory=lambda: ["source_commit", "source-git-commit", "l10n.sourceCommit", "default_lang_commit"])
    source_repo: Path | None = None  # the git work tree of the sources, when it is not the root's
    # The locale trees found from the folders (kblint.kb.layout), set when the configuration is
    # loaded: a Config made in code has none, and sees locale folders only.
    layout: "Layout | None" = None
    # Placeholder syntaxes whose words translators translate (kblint.lang.facts): opener…closer.
    translated_placeholders: tuple[str, ...] = DEFAULT_TRANSLATED_PLACEHOLDERS
    raw: dict[str, Any] = field(default_factory=dict)  # the validated settings, for cache keys

    def __post_init__(self) -> None:
        if not self.references:
            self.references = compile_patterns(DEFAULT_REFERENCES, "references", None)
        if not self.links:
            self.links = compile_patterns(DEFAULT_LINKS, "links", None)


def compile_patterns(items: list[dict[str, str]], key: str, file: Path | None) -> list[ReferencePattern]:
    patterns = []
    for i, item in enumerate(items):
        try:
            regex = re.compile(item["pattern"]) if file is None else compile_user(item["pattern"], f"{key}[{i}].pattern")
        except re.error as error:
            raise ConfigError(f"{file or 'config'}: {key}[{i}].pattern: invalid regular expression: {error}")
        names = set(regex.groupindex)
        needed = _id_template_fields(item["id"], f"{file or 'config'}: {key}[{i}].id")
        if needed - names:
            missing = ", ".join(sorted(needed - names))
            raise ConfigError(f"{file or 'config'}: {key}[{i}].id: the pattern has no group named {missing}")
        patterns.append(ReferencePattern(regex, item["id"]))
    return patterns


def _id_template_fields(template: str, where: str) -> set[str]:
    """The groups an id template names. It names them as they are, ``{num}``: a format spec (``{num:>99999999}``
    fills memory at each reference), an attribute, an index or a lone brace would fail, or
    cost, at the first reference instead of here."""
    try:
        fields = template_fields(template)
    except ValueError as error:
        raise ConfigError(f"{where}: {error} (write {{{{ and }}}} for a brace)") from error
    for name, spec, conversion in fields:
        if not re.fullmatch(r"[A-Za-z_]\w*", name) or spec or conversion:
            raise ConfigError(f"{where}: '{template}': write each group as {{name}}, without a format")
    return {name for name, _, _ in fields if name}


