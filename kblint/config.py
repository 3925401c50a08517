"""Configuration: ``kblint.yaml``, ``.kblint.yaml`` or ``[tool.kblint]`` in ``pyproject.toml``.

The file is found from the working directory upwards, validated against a JSON schema
(so a typo in a key is an error that names the key, not a silently ignored setting), and
turned into a :class:`Config`.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from kblint import yamlsafe
from kblint.facts import DEFAULT_TRANSLATED_PLACEHOLDERS, placeholder_syntax_problem
from kblint.userregex import compile_user, template_fields

if TYPE_CHECKING:
    from kblint.glossary import Glossary
    from kblint.layout import Layout

CONFIG_NAMES = ("kblint.yaml", ".kblint.yaml", "kblint.yml", ".kblint.yml")
SEVERITIES = ("error", "warning", "info", "off")


class ConfigError(Exception):
    """A configuration problem: reported as one line and exit code 2."""


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
        "redirects": {"anyOf": [{"type": "string"}, _STRING_LIST]},
        "site_anchors": _STRING_LIST,
        # kblint.heading_ids: the schemes and the other names they go by
        "heading_ids": {"enum": ["github", "hexo", "vitepress", "kramdown", "docusaurus", "vuepress", "case-preserving"]},
        "cjk_brackets": {"enum": ["latin", "full-width", "any"]},
        "git_history": {"type": "boolean"},
        "glossary": {"type": "string"},
        "source_commit_keys": _STRING_LIST,
        "translated_placeholders": _STRING_LIST,
        "source_repo": {"type": "string"},
    },
}


@dataclass
class Config:
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
    # Which front matter keys an article must have (id and lang count as there when the file
    # name or path supplies them, title when the article opens with a level-1 heading).
    required_front_matter: list[str] = field(default_factory=lambda: ["title"])
    # Locale -> folders (relative to the root) that hold that locale's tree, for layouts whose
    # locale folder is not simply named after the locale (Docusaurus' i18n/<locale>/...).
    locale_roots: dict[str, list[str]] = field(default_factory=dict)
    link_root: str = "/"  # the site path at which each locale root is served
    static_roots: list[str] = field(default_factory=list)  # folders served at the site root
    base_urls: list[str] = field(default_factory=list)  # the site's own URLs: {path}, {locale}
    redirects: list[Path] = field(default_factory=list)  # redirect maps (CSV or YAML)
    site_anchors: list[str] = field(default_factory=list)  # anchors the site's layout gives every page
    # How the site makes a heading's id (kblint.heading_ids); None: guessed from the links.
    heading_ids: str | None = None
    # Round brackets in Chinese text: half-width allowed around Latin-only content ("latin"),
    # never ("full-width"), or anywhere ("any": only mixed pairs such as （…) are reported).
    cjk_brackets: str = "latin"
    git_history: bool = True  # translation-outdated may read the git history of the root
    glossary: "Glossary | None" = None  # terminology (kblint.glossary)
    glossary_file: Path | None = None
    # Front matter keys where a translation records the source revision it was made from
    # ("l10n.sourceCommit" is the sourceCommit key of an l10n mapping).
    source_commit_keys: list[str] = field(default_factory=lambda: ["source_commit", "source-git-commit", "l10n.sourceCommit"])
    source_repo: Path | None = None  # the git work tree of the sources, when it is not the root's
    # The locale trees found from the folders (kblint.layout), set when the configuration is
    # loaded: a Config made in code has none, and sees locale folders only.
    layout: "Layout | None" = None
    # Placeholder syntaxes whose words translators translate (kblint.facts): opener…closer.
    translated_placeholders: tuple[str, ...] = DEFAULT_TRANSLATED_PLACEHOLDERS
    raw: dict[str, Any] = field(default_factory=dict)  # the validated settings, for cache keys

    def __post_init__(self) -> None:
        if not self.references:
            self.references = _compile_patterns(DEFAULT_REFERENCES, "references", None)
        if not self.links:
            self.links = _compile_patterns(DEFAULT_LINKS, "links", None)

    def canonical_locale(self, name: str, folder: bool = False) -> str | None:
        """The locale that ``name`` (a folder, suffix or front matter value) means: a configured
        locale, an alias of one, or another well-formed locale tag (``kblint.identity``)."""
        from kblint.identity import canonical_locale

        return canonical_locale(name, self, folder)


def _compile_patterns(items: list[dict[str, str]], key: str, file: Path | None) -> list[ReferencePattern]:
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


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file from ``start`` upwards (a pyproject needs [tool.kblint])."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "kblint" in tomllib.loads(pyproject.read_text("utf-8")).get("tool", {}):
                    return pyproject
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
                continue
    return None


def find_git_root(start: Path) -> Path | None:
    start = start.resolve()
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder
    return None


def _read_settings(file: Path) -> dict[str, Any]:
    try:
        text = file.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{file}: cannot be read: {error}")
    if file.name == "pyproject.toml":
        try:
            data = tomllib.loads(text).get("tool", {}).get("kblint", {})
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{file}: invalid TOML: {error}")
    else:
        try:
            data = yamlsafe.load(text)  # safe tags, aliases bounded before anything walks the data
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark else ""
            raise ConfigError(f"{file}: invalid YAML{where}: {getattr(error, 'problem', error)}")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{file}: the configuration must be a mapping of settings")
    # Accept kebab-case keys too: source-locale means source_locale.
    settings = {str(k).replace("-", "_"): v for k, v in data.items()}
    severity = settings.get("severity")
    if isinstance(severity, dict):
        # YAML 1.1 reads a bare `off` as false: that is what the writer meant.
        settings["severity"] = {k: ("off" if v is False else v) for k, v in severity.items()}
    return settings


def validate(data: dict[str, Any], file: Path | str, schema: dict[str, Any] = SCHEMA) -> None:
    """Validate ``data`` against ``schema``; raise ConfigError naming the key and the problem."""
    import jsonschema  # only when there is a file to check

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    error = errors[0]
    key = ".".join(str(p) for p in error.absolute_path)
    if error.validator == "type" and isinstance(error.instance, bool) and "string" in str(error.validator_value):
        raise ConfigError(f"{file}: {key or 'configuration'}: {_yaml_boolean(error.instance)}")
    if error.validator == "additionalProperties" and not key:
        unknown = sorted(set(data) - set(schema.get("properties", {})))
        raise ConfigError(f"{file}: unknown key '{unknown[0] if unknown else '?'}'")
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        raise ConfigError(f"{file}: {key}: unknown key '{extra[0] if extra else '?'}'")
    raise ConfigError(f"{file}: {key or 'configuration'}: {error.message}")


def _yaml_boolean(value: bool) -> str:
    """Why a setting that should be text is true or false, and what to write instead."""
    words = "yes, on or true" if value else "no, off or false"
    return f"{str(value).lower()} is not text: YAML reads a bare {words} as {str(value).lower()}; put it in quotes ('{'yes' if value else 'no'}')"


# Settings that map names (locales, paths, rules) to values: their keys must be text.
_NAMED_KEYS = ("locale_aliases", "per_path_ignores", "locale_roots", "severity")


def _check_keys(data: dict[str, Any], file: Path) -> None:
    """Mapping keys that YAML read as numbers or booleans: a configuration error naming them
    (checked before validation, whose memo cannot hash keys of mixed types)."""
    for name in _NAMED_KEYS:
        mapping = data.get(name)
        if not isinstance(mapping, dict):
            continue
        for key in mapping:
            if isinstance(key, bool):
                raise ConfigError(f"{file}: {name}: the key {_yaml_boolean(key)}")
            if not isinstance(key, str):
                raise ConfigError(f"{file}: {name}: the key {key!r} is not text: put it in quotes ('{key}')")


def _check_base_urls(urls: list[str], file: Path) -> None:
    """A base URL names the page's path once, and its locale at most once."""
    for i, url in enumerate(urls):
        paths, locales = url.count("{path}"), url.count("{locale}")
        if paths != 1:
            raise ConfigError(f"{file}: base_urls[{i}]: '{url}' has {{path}} {paths} times: write it once")
        if locales > 1:
            raise ConfigError(f"{file}: base_urls[{i}]: '{url}' has {{locale}} {locales} times: write it once at most")


def _validate_once(data: dict[str, Any], file: Path, root: Path, memo_dir: Path | None | bool) -> None:
    """Validate, remembering a valid configuration by its hash in the cache folder: loading the
    schema validator costs more than a pre-commit run of one file should. ``memo_dir`` False
    means no memo (``--no-cache``), None the configured cache folder."""
    if memo_dir is False:
        validate(data, file)
        return
    import hashlib

    from kblint import __version__

    try:
        written = json.dumps(data, sort_keys=True, default=str)
    except (TypeError, ValueError):  # keys of mixed types deep inside: no memo, the schema says what is wrong
        validate(data, file)
        return
    digest = hashlib.sha256((__version__ + json.dumps(SCHEMA, sort_keys=True) + written).encode()).hexdigest()[:20]
    folder = memo_dir if isinstance(memo_dir, Path) else root / str(data.get("cache_dir", ".kblint_cache"))
    marker = folder / f"valid-config-{digest}"
    try:
        if marker.exists():
            return
    except OSError:  # an unreadable cache folder: validate, remember nothing
        validate(data, file)
        return
    validate(data, file)
    try:
        from kblint.fsutil import make_cache_folder

        make_cache_folder(folder)
        for old in folder.glob("valid-config-*"):
            if re.fullmatch(r"valid-config-[0-9a-f]{20}", old.name):  # only kblint's own markers
                old.unlink(missing_ok=True)
        marker.touch()
    except OSError:
        pass


def load_config(explicit: Path | None, cwd: Path, memo_dir: Path | None | bool = None, linted: Path | None = None) -> Config:
    """The configuration: ``explicit``, else the nearest file from ``cwd`` upwards, else the
    defaults. ``memo_dir``: where a validated configuration is remembered (False: nowhere).
    ``linted``: the folder that holds the linted paths, which gives the root when there is no
    file and it lies outside the working directory's tree."""
    config = _load_settings(explicit, cwd, memo_dir, linted)
    from kblint.layout import find_layout

    config.layout = find_layout(config.root, config)
    return config


def default_root(cwd: Path, linted: Path | None) -> Path:
    """The knowledge base root with no configuration file: the git work tree of the working
    directory, else the working directory; for paths outside it, theirs (linting a checkout
    elsewhere must not make every path absolute, which no locale tree can match)."""
    root = find_git_root(cwd) or cwd.resolve()
    if linted is not None:
        linted = linted.resolve()
        if linted != root and root not in linted.parents:
            return find_git_root(linted) or linted
    return root


def _load_settings(explicit: Path | None, cwd: Path, memo_dir: Path | None | bool, linted: Path | None) -> Config:
    file = explicit
    if file is not None and not file.is_file():
        raise ConfigError(f"{file}: configuration file not found")
    if file is None:
        file = find_config_file(cwd)
    if file is None:
        return Config(root=default_root(cwd, linted))
    file = file.resolve()
    data = _read_settings(file)
    root = file.parent
    _check_keys(data, file)
    _validate_once(data, file, root, memo_dir)
    config = Config(root=root, file=file, raw=data)
    for key in ("source_locale", "select", "ignore", "extend_select", "severity", "exclude", "max_file_size", "cjk_brackets", "git_history"):
        if key in data:
            setattr(config, key, data[key])
    if config.exclude:
        import pathspec

        for i, pattern in enumerate(config.exclude):
            try:
                pathspec.GitIgnoreSpec.from_lines([pattern])
            except Exception as error:  # pathspec's own error types vary by version
                raise ConfigError(f"{file}: exclude[{i}]: '{pattern}' is not a valid gitignore pattern: {error}")
    if "locales" in data:
        config.locales = list(data["locales"])
    if config.source_locale not in config.locales:
        config.locales.insert(0, config.source_locale)
    if "required_locales" in data:
        config.required_locales = list(data["required_locales"])
    for name in config.required_locales:
        if name not in config.locales:
            raise ConfigError(f"{file}: required_locales: '{name}' is not one of the locales {config.locales}")
    if "locale_aliases" in data:
        config.locale_aliases.update({k.lower(): v for k, v in data["locale_aliases"].items()})
    if "id_pattern" in data:
        try:
            config.id_pattern = compile_user(data["id_pattern"], "id_pattern")
        except re.error as error:
            raise ConfigError(f"{file}: id_pattern: invalid regular expression: {error}")
    if "references" in data:
        config.references = _compile_patterns(data["references"], "references", file)
    if "links" in data:
        config.links = _compile_patterns(data["links"], "links", file)
    if "related_headings" in data:
        config.related_headings = list(data["related_headings"])
    if "per_path_ignores" in data:
        config.per_path_ignores = {k: list(v) for k, v in data["per_path_ignores"].items()}
    config.packs = [(root / p).resolve() for p in data.get("packs", [])]
    for pack in config.packs:
        if not pack.is_file():
            raise ConfigError(f"{file}: packs: '{pack}' does not exist")
    config.accepted_words = frozenset(data.get("accepted_words", []))
    if "baseline" in data:
        config.baseline = root / data["baseline"]
    if "cache_dir" in data:
        config.cache_dir = root / data["cache_dir"]
    if "required_front_matter" in data:
        config.required_front_matter = list(data["required_front_matter"])
    if "locale_roots" in data:
        config.locale_roots = {
            locale: [_folder(f) for f in ([folders] if isinstance(folders, str) else folders)]
            for locale, folders in data["locale_roots"].items()
        }
    if "link_root" in data:
        config.link_root = "/" + data["link_root"].strip("/")
    if "static_roots" in data:
        config.static_roots = [_folder(f) for f in data["static_roots"]]
    if "base_urls" in data:
        _check_base_urls(data["base_urls"], file)
        config.base_urls = list(data["base_urls"])
    if "glossary" in data:
        from kblint.glossary import GlossaryError, load_glossary

        config.glossary_file = root / data["glossary"]
        try:
            config.glossary = load_glossary(config.glossary_file)
        except GlossaryError as error:
            raise ConfigError(f"{file}: glossary: {error}") from error
    if "source_commit_keys" in data:
        config.source_commit_keys = list(data["source_commit_keys"])
    if "translated_placeholders" in data:
        for i, syntax in enumerate(data["translated_placeholders"]):
            problem = placeholder_syntax_problem(syntax)
            if problem is not None:
                raise ConfigError(f"{file}: translated_placeholders[{i}]: '{syntax}' is not a placeholder syntax: {problem}")
        config.translated_placeholders = tuple(data["translated_placeholders"])
    if "source_repo" in data:
        config.source_repo = (root / data["source_repo"]).resolve()
        if not config.source_repo.is_dir():
            raise ConfigError(f"{file}: source_repo: '{config.source_repo}' is not a folder")
    if "site_anchors" in data:
        config.site_anchors = [a.lstrip("#") for a in data["site_anchors"]]
    if "heading_ids" in data:
        from kblint.heading_ids import canonical_scheme

        config.heading_ids = canonical_scheme(data["heading_ids"])
    if "redirects" in data:
        files = data["redirects"]
        config.redirects = [root / f for f in ([files] if isinstance(files, str) else files)]
        for redirects in config.redirects:
            if not redirects.is_file():
                raise ConfigError(f"{file}: redirects: '{redirects}' does not exist")
    return config


def _folder(path: str) -> str:
    """A folder of the configuration as a root-relative posix path without slashes at its ends."""
    return path.replace("\\", "/").strip("/")
