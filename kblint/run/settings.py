"""Reading the configuration: the file is found from the working directory upwards,
validated against a JSON schema (so a typo in a key is an error that names the key, not a
silently ignored setting), and turned into a :class:`~kblint.model.config.Config`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable

from kblint.formats.yamlmemo import is_yaml_error, load_remembered
from kblint.lang.facts import placeholder_syntax_problem
from kblint.model.config import (
    CONFIG_NAMES,
    SCHEMA,
    Config,
    ConfigError,
    compile_patterns,
)
from kblint.model.userregex import compile_user


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
            import tomllib  # here: most knowledge bases have no pyproject.toml

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


def _read_settings(file: Path, memo_folder: Path | None = None) -> dict[str, Any]:
    try:
        text = file.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{file}: cannot be read: {error}")
    if file.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text).get("tool", {}).get("kblint", {})
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{file}: invalid TOML: {error}")
    else:
        try:
            # Safe tags, aliases bounded before anything walks the data (see yamlsafe);
            # remembered in the cache folder, so that a warm run need not import YAML.
            data = load_remembered(text, file, memo_folder)
        except Exception as error:
            if not is_yaml_error(error):
                raise
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
    if _valid_at_once(data, schema):
        return
    import jsonschema  # only for what the quick check refused: it names the key and the problem

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


# Each schema's compiled check, beside the schema itself: kept alive, its id is never another's.
_QUICK_CHECKS: dict[int, tuple[dict[str, Any], Callable[[Any], Any]]] = {}


def _valid_at_once(data: dict[str, Any], schema: dict[str, Any]) -> bool:
    """Does ``schema`` accept ``data``, by fastjsonschema's check of it (shipped, or compiled
    from it: see ``kblint.run.quickcheck``)? Importing jsonschema alone costs a tenth of a
    second, a fifth of a first run on a few files. The check only accepts: anything it
    refuses (or cannot compile) goes to jsonschema, whose errors the messages are made from.
    (The schemas use keywords both libraries read alike; a test holds them to the same
    verdicts.)"""
    from kblint.run.quickcheck import quick_check

    kept = _QUICK_CHECKS.get(id(schema))
    try:
        if kept is None or kept[0] is not schema:
            check = quick_check(schema)
            if check is None:
                return False
            kept = _QUICK_CHECKS[id(schema)] = (schema, check)
        kept[1](data)
    except Exception:  # refused, or a schema it cannot read: jsonschema decides
        return False
    return True


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
        from kblint.model.fsutil import make_cache_folder

        make_cache_folder(folder)
        for old in folder.glob("valid-config-*"):
            if re.fullmatch(r"valid-config-[0-9a-f]{20}", old.name):  # only kblint's own markers
                old.unlink(missing_ok=True)
        marker.touch()
    except OSError:
        pass


def load_config(
    explicit: Path | None,
    cwd: Path,
    memo_dir: Path | None | bool = None,
    linted: Path | None = None,
    before_layout: Callable[[Config], None] | None = None,
) -> Config:
    """The configuration: ``explicit``, else the nearest file from ``cwd`` upwards, else the
    defaults. ``memo_dir``: where a validated configuration is remembered (False: nowhere).
    ``linted``: the folder that holds the linted paths, which gives the root when there is no
    file and it lies outside the working directory's tree. ``before_layout`` is given the
    configuration as its file makes it, before the layout is looked for: the walk of the files
    needs only the root and the patterns excluded, and runs beside the layout's search (see
    ``kblint.run.walk.start_walk``)."""
    config = _load_settings(explicit, cwd, memo_dir, linted)
    if before_layout is not None:
        before_layout(config)
    from kblint.kb.layout import find_layout
    from kblint.model.listings import listings_remembered
    from kblint.store.memo import remembered

    def find() -> None:
        with listings_remembered():  # (found twice where a site declares its source's language)
            config.layout = find_layout(config.root, config)
            _declared_source(config)

    remembered(config, config.memo_folder, find)
    if config.wiki_links is None:
        config.wiki_links = is_a_vault(config.root)
    if config.wiki_links and "translation_keys" not in config.raw:
        # Obsidian Publish serves a note at its permalink: one vault per language names the
        # same page so in each.
        config.translation_keys = ["id", "permalink"]
    if config.layout.unbuilt:
        # Translations the site does not build: excluded as the configuration's patterns are.
        config.exclude = [*config.exclude, *(f"/{folder}/" for folder in config.layout.unbuilt)]
    if config.layout.unbuilt_versions:
        config.exclude = [*config.exclude, *(f"/{folder}/" for folder in config.layout.unbuilt_versions)]
    if config.layout.theme_folders:
        config.exclude = [*config.exclude, *(f"/{folder}/" for folder in config.layout.theme_folders)]  # (said on standard error: kblint.app.cli)
    if not config.outdated_ignore_set:
        from kblint.kb.site import tracker_ignored_keywords

        config.outdated_ignore += [word for word in tracker_ignored_keywords(config.root) if word not in config.outdated_ignore]
    return config


def _declared_source(config: Config) -> None:
    """Where the configuration names no source locale, the language the site's configuration
    gives the pages beside its locale folders (a VitePress site in Chinese at its root, with
    en/ and ru/ beside), or a dumi site its pages named for no locale (``faq.md`` beside
    ``faq.en-US.md`` under ``locales: [{ id: 'zh-CN' }, …]``), is the source's: its
    translations are compared with those pages."""
    declared = config.layout.declared_source
    if declared is None or "source_locale" in config.raw:
        return
    from kblint.kb.identity import canonical_locale
    from kblint.kb.layout import find_layout

    locale = canonical_locale(declared, config)
    if locale is not None and locale != config.source_locale:
        config.source_locale = locale
        config.layout = find_layout(config.root, config)  # the folders of the source's tree change


def is_a_vault(root: Path) -> bool:
    """Is the knowledge base at ``root``, or a folder right under it (a locale's tree), an
    Obsidian vault? Obsidian keeps a vault's settings in its ``.obsidian`` folder."""
    import os

    try:
        if (root / ".obsidian").is_dir():
            return True
        with os.scandir(root) as entries:  # (its entries' types come with the listing: no stat each)
            folders = [entry.path for entry in entries if entry.is_dir() and not entry.name.startswith(".")]
    except OSError:
        return False
    return any(os.path.isdir(os.path.join(folder, ".obsidian")) for folder in folders)


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
        root = default_root(cwd, linted)
        return Config(root=root, memo_folder=_memo_folder(memo_dir, root / ".kblint_cache"))
    file = file.resolve()
    root = file.parent
    data = _read_settings(file, _memo_folder(memo_dir, root / ".kblint_cache"))
    _check_keys(data, file)
    _validate_once(data, file, root, memo_dir)
    config = Config(root=root, file=file, raw=data)
    _set_plain_values(config, data, file, root)
    _set_locales(config, data, file, root)
    _set_patterns(config, data, file, root)
    _set_files(config, data, file, root)
    _set_translation_and_site(config, data, file, root)
    config.memo_folder = _memo_folder(memo_dir, config.cache_dir or root / ".kblint_cache")
    return config


def _memo_folder(memo_dir: Path | None | bool, default: Path) -> Path | None:
    """Where what a run reads or finds is remembered (``Config.memo_folder``): the cache
    folder, or none for a run without a cache (``memo_dir`` False)."""
    if memo_dir is False:
        return None
    return memo_dir if isinstance(memo_dir, Path) else default


def _set_plain_values(config: Config, data: dict[str, Any], file: Path, root: Path) -> None:
    """Settings copied as they are, and the exclude patterns checked."""
    for key in ("source_locale", "select", "ignore", "extend_select", "severity", "exclude", "max_file_size", "cjk_brackets", "git_history", "wiki_links", "translation_keys"):
        if key in data:
            setattr(config, key, data[key])
    if config.exclude:
        import pathspec

        for i, pattern in enumerate(config.exclude):
            try:
                pathspec.GitIgnoreSpec.from_lines([pattern])
            except Exception as error:  # pathspec's own error types vary by version
                raise ConfigError(f"{file}: exclude[{i}]: '{pattern}' is not a valid gitignore pattern: {error}")


def _set_locales(config: Config, data: dict[str, Any], file: Path, root: Path) -> None:
    """The locales, the required ones and the aliases."""
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


def _set_patterns(config: Config, data: dict[str, Any], file: Path, root: Path) -> None:
    """How references are found: the id pattern, reference and link patterns, related headings, per-path ignores."""
    if "id_pattern" in data:
        try:
            config.id_pattern = compile_user(data["id_pattern"], "id_pattern")
        except re.error as error:
            raise ConfigError(f"{file}: id_pattern: invalid regular expression: {error}")
    if "references" in data:
        config.references = compile_patterns(data["references"], "references", file)
    if "links" in data:
        config.links = compile_patterns(data["links"], "links", file)
    if "related_headings" in data:
        config.related_headings = list(data["related_headings"])
    if "per_path_ignores" in data:
        config.per_path_ignores = {k: list(v) for k, v in data["per_path_ignores"].items()}


def _set_files(config: Config, data: dict[str, Any], file: Path, root: Path) -> None:
    """Packs, accepted words, baseline, cache and the site's layout: locale and static roots, link root, base URLs."""
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
    if "help_center_hosts" in data:
        config.help_center_hosts = [host.strip().lower() for host in data["help_center_hosts"] if host.strip()]
    if "outdated_tolerance" in data:
        config.outdated_tolerance = float(data["outdated_tolerance"])
    if "outdated_ignore" in data:
        config.outdated_ignore, config.outdated_ignore_set = [str(word) for word in data["outdated_ignore"]], True


def _set_translation_and_site(config: Config, data: dict[str, Any], file: Path, root: Path) -> None:
    """The glossary, the translation settings, the site's anchors, heading ids and redirects."""
    if "glossary" in data:
        from kblint.kb.glossary import GlossaryError, load_glossary

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
        from kblint.formats.heading_ids import canonical_scheme

        config.heading_ids = canonical_scheme(data["heading_ids"])
    if "redirects" in data:
        files = data["redirects"]
        config.redirects = [root / f for f in ([files] if isinstance(files, str) else files)]
        for redirects in config.redirects:
            if not redirects.is_file():
                raise ConfigError(f"{file}: redirects: '{redirects}' does not exist")


def _folder(path: str) -> str:
    """A folder of the configuration as a root-relative posix path without slashes at its ends."""
    return path.replace("\\", "/").strip("/")
