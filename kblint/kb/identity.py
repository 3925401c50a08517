"""What an article is: its identity, its locale and the root of its locale's tree.

This is the one place that knows it; the document, the corpus, the graph, the cache, pairing
and link resolution all ask here.

- **Locale**: a folder anywhere in the path that is named like a locale (``en``, ``en-US``,
  ``zh-Hant``, ``zh-TW``, ``zh_tw``: BCP 47, case-insensitive, ``_`` or ``-``), the outermost
  one; else the front matter (``lang``, ``locale``, ``language``); else a file-name suffix
  (``x.zh-Hant.md``) naming a configured locale or one present as a folder; else the source
  locale. ``locale_roots`` in the configuration names the folders of other layouts; the layouts
  recognized with no configuration (Hexo, Docusaurus, ``pages.<locale>``) are found once per run
  by ``kblint.kb.layout``.
- **Root**: the locale folder; for an article of the source locale outside one, the source root
  the layout found (``source/`` beside ``source/zh-cn/``), else the knowledge base root.
- **Identity**: the front matter ``id`` (or the first of the configured ``translation_keys``
  set); else an id matched in the file name (``KB2481.md``);
  else the path relative to the locale root without its extension (``help/how-to/x``).
  Translations pair by identity: ``en/help/x.md`` and ``zh-Hant/help/x.md`` are one article.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from kblint.formats.registry import is_article_path, without_article_suffix
from kblint.kb.helpcenter import ADDRESS_KEYS, export_id, own_address
from kblint.model.patterns import lazy_pattern
from kblint.model.text import KANA_HAN_HANGUL_CHARACTER

if TYPE_CHECKING:
    from kblint.model.config import Config

# ISO 639-1 language codes: the first subtag of a locale folder.
_LANGUAGES = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la
    lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj
    om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv
    sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()
)
# Codes that are also common folder names in a documentation tree ("it", "id", "os", "ml",
# "hr"...): a bare folder of that name is a locale only when the configuration lists it, with a
# region or script ("it-IT"), or beside the source locale's folder and another locale's
# (kblint.kb.layout).
_AMBIGUOUS_FOLDERS = frozenset(
    "am an as be co cu ha hr id ie ii io is it la ml ms my na ne no or os pi ps sc sd se si sm so ss st tn to ts ve vo wa".split()
)
# Country codes that sites write for a language, as they write cn/ (see the default aliases):
# jp/ for Japanese, kr/ for Korean and tw/ for Chinese as written in Taiwan, though ISO 639
# gives kr and tw to Kanuri and Twi, whose documentation sites are rare beside them. The
# others are also common folder names: such a folder counts only as the ambiguous codes do.
COUNTRY_NAMES = {"jp": "ja", "kr": "ko", "tw": "zh-TW", "cz": "cs", "ua": "uk", "gr": "el", "dk": "da"}
_AMBIGUOUS_COUNTRIES = frozenset({"cz", "ua", "gr", "dk"})
_TAG = lazy_pattern(r"([A-Za-z]{2})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|[0-9]{3}))?")
_TRADITIONAL_REGIONS = frozenset({"TW", "HK", "MO"})
FRONT_MATTER_LOCALE_KEYS = ("lang", "locale", "language")


@dataclass(frozen=True)
class Identity:
    """What an article is known by (its key and locale) and where each came from."""

    key: str  # what references and translations know the article by: an id or a path
    locale: str  # the canonical locale (a configured locale where one matches)
    tag: str  # the locale as the path or front matter writes it, normalized (zh-TW, zh-Hant)
    root: str  # the locale root, relative to the knowledge base root ("" for the root itself)
    key_source: str  # "front matter", "file name" or "path"
    locale_source: str  # "folder", "front matter", "suffix" or "default"

    @property
    def by_path(self) -> bool:
        return self.key_source == "path"

    @property
    def region(self) -> str | None:
        """The region of a Chinese article's standard: "TW", "HK", or None (not said)."""
        parts = self.tag.split("-")
        if parts[0] != "zh" or len(parts) < 2:
            return None
        region = parts[-1].upper()
        return "HK" if region in ("HK", "MO") else "TW" if region == "TW" else None


@lru_cache(maxsize=1024)
def normalize_tag(name: str) -> str | None:
    """``name`` as a well-formed locale tag (``zh_tw`` → ``zh-TW``), or None if it is not one."""
    m = _TAG.fullmatch(name)
    if m is None or m.group(1).lower() not in _LANGUAGES:
        return None
    language, script, region = m.group(1).lower(), m.group(2), m.group(3)
    parts = [language]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    return "-".join(parts)


@lru_cache(maxsize=4096)
def _canonical(name: str, locales: tuple[str, ...], aliases: tuple[tuple[str, str], ...], folder: bool) -> str | None:
    folded = name.replace("_", "-").lower()
    for locale in locales:
        if locale.replace("_", "-").lower() == folded:
            return locale
    alias = dict(aliases).get(folded)
    if alias is not None:
        return alias
    if folded in COUNTRY_NAMES:
        if folder and folded in _AMBIGUOUS_COUNTRIES:
            return None
        name = COUNTRY_NAMES[folded]
    tag = normalize_tag(name)
    if tag is None:
        return None
    language, *rest = tag.split("-")
    if folder and not rest and language in _AMBIGUOUS_FOLDERS:
        return None  # a folder named "it" or "id" is more likely not a locale
    if language == "zh" and rest:
        # zh-TW, zh-Hant-HK... are Traditional; zh-CN, zh-SG, zh-Hans... Simplified.
        script = "Hant" if rest[0] == "Hant" or rest[-1] in _TRADITIONAL_REGIONS else "Hans"
        for locale in locales:
            if locale.lower() == f"zh-{script.lower()}":
                return locale
    if rest:
        for locale in locales:
            if locale.lower() == language:
                return locale  # en-US in a knowledge base whose locale is en
    return tag


def canonical_locale(name: str, config: "Config", folder: bool = False) -> str | None:
    """The locale that ``name`` (a folder, a suffix or a front matter value) means: a configured
    locale, an alias of one, or a well-formed tag; None if ``name`` is not a locale. With
    ``folder``, bare codes that are also common folder names (``it``, ``id``) count only when
    configured."""
    if not name or len(name) > 16:
        return None
    locales, aliases = _locale_settings(config)
    return _canonical(name, locales, aliases, folder)


def _locale_settings(config: "Config") -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The configured locales and aliases as hashable values, made again only when the
    configuration's lists change (this is asked for every path and link)."""
    cached = config.__dict__.get("_locale_settings")
    if cached is not None and cached[0] == config.locales and cached[1] == config.locale_aliases:
        return cached[2]
    aliases = tuple(sorted((k.lower(), v) for k, v in config.locale_aliases.items() if v in config.locales))
    settings = (tuple(config.locales), aliases)
    config.__dict__["_locale_settings"] = (list(config.locales), dict(config.locale_aliases), settings)
    return settings


def _strip_extension(name: str) -> str:
    if is_article_path(name):
        return without_article_suffix(name)
    return name.rsplit(".", 1)[0] if "." in name else name


def locale_root(relpath: str, config: "Config") -> tuple[str, str, str] | None:
    """(root, locale, tag) of the locale folder ``relpath`` lies in, if any: a configured
    ``locale_roots`` folder (the longest that holds it), else a tree the layout recognizes
    (``kblint.kb.layout``), else the outermost folder named like a locale."""
    found = _locale_tree(relpath, config)
    return found[:3] if found is not None else None


def _locale_tree(relpath: str, config: "Config") -> tuple[str, str, str, str] | None:
    """As ``locale_root``, with the mount of the tree: the prefix of its articles' keys. It
    depends on the file's folder alone: found once per folder (a run asks for every path, a
    knowledge base has a few folders for thousands of articles)."""
    folder = relpath.rpartition("/")[0]
    memo = _folder_memo(config)
    if folder not in memo:
        memo[folder] = _folder_locale_tree(f"{folder}/x" if folder else "x", config)  # any file of the folder
    return memo[folder]


def _folder_memo(config: "Config") -> dict[str, tuple[str, str, str, str] | None]:
    """The locale trees found so far by folder, for ``config`` as it is now: made again when
    its locale roots, locales, aliases or layout change."""
    settings = _locale_settings(config)
    cached = config.__dict__.get("_folder_trees")
    if cached is None or cached[0] is not config.layout or cached[1] is not settings or cached[2] != config.locale_roots:
        cached = (config.layout, settings, {k: list(v) for k, v in config.locale_roots.items()}, {})
        config.__dict__["_folder_trees"] = cached
    return cached[3]


def _folder_locale_tree(relpath: str, config: "Config") -> tuple[str, str, str, str] | None:
    best = None
    for locale, folders in config.locale_roots.items():
        for folder in folders:
            if relpath.startswith(folder + "/") and (best is None or len(folder) > len(best[0])):
                best = (folder, locale, locale, "")
    if best is not None:
        return best
    tree = config.layout.tree_of(relpath) if config.layout is not None else None
    if tree is not None:
        locale = canonical_locale(tree.name, config)
        if locale is not None:
            return tree.folder, locale, normalize_tag(tree.name) or locale, tree.mount
    if config.layout is not None and config.layout.in_translated_content(relpath):
        return None
    parts = relpath.split("/")
    for i, folder in enumerate(parts[:-1]):
        locale = canonical_locale(folder, config, folder=True)
        if locale is not None:
            # A version's folder of locale folders (docs/v2/en beside docs/latest/en): its
            # articles are that version's, named apart from the other versions' (v2/guide).
            mount = parts[i - 1] if i and is_version_folder(parts[i - 1]) else ""
            return "/".join(parts[: i + 1]), locale, normalize_tag(folder) or locale, mount
    return None


# A folder named for a version of the docs: v2, 1.x, 3.4, version-2.1, latest, next, current.
_VERSION_FOLDER = re.compile(r"(?i)(?:v|version-)?\d+(?:\.(?:\d+|x))*|latest|next|current|stable")


def is_version_folder(name: str) -> bool:
    return _VERSION_FOLDER.fullmatch(name) is not None


def _suffix_locale(candidate: str, config: "Config") -> tuple[str, str] | None:
    """(locale, tag) that a file-name suffix (``x.zh-Hant.md``) names: only a locale that is
    configured, present as a folder, or a suffix beside the file without it counts
    (``trunk.io.md`` names a site, not Ido; see kblint.kb.layout)."""
    locale = canonical_locale(candidate, config)
    if locale is None:
        return None
    layout = config.layout
    known = layout.locale_names | layout.suffix_locales if layout is not None else frozenset()
    folded = candidate.replace("_", "-").lower()
    if locale not in config.locales and candidate.lower() not in known and folded not in known:
        return None
    return locale, normalize_tag(candidate) or locale


# A repository's README in another language, as projects name them: README-zh_CN, README_zh-TW.
_README_IN = re.compile(r"(?i)readme[-_][a-z]{2,3}(?:[-_][a-z0-9]{2,8})*")


# A page named as a README in another language is (cubefs-zh_CN beside cubefs, the repository
# naming its translations so): a language and its region or script, written as locales are.
# (Or in lower case, its parts joined by "_": setup-zh_cn beside setup-zh_CN.)
_NAMED_IN_REGION = re.compile(r"(.+?)[-_]([a-z]{2,3}[-_](?:[A-Z]{2}|Hans|Hant)|[a-z]{2,3}_[a-z]{2})")
_IN_A_REGION_IN_LOWER_CASE = re.compile(r"[-_][a-z]{2,3}_[a-z]{2}$")


def readme_suffix(stem: str) -> str | None:
    """The language part of a README's name in another language (``zh_CN`` of README-zh_CN)."""
    return stem[7:] if _README_IN.fullmatch(stem) else None


def _readme_locale(stem: str, config: "Config") -> tuple[str, str] | None:
    """(locale, tag) of a README named for another language than the source's (README-zh_CN.md
    is README.md's Simplified Chinese); one named for the source's own stays its own page."""
    found = _suffix_locale(stem[7:], config)
    return found if found is not None and found[0] != config.source_locale else None


def resolve(relpath: str, front: Mapping[str, Any], config: "Config") -> Identity:
    """The identity of the article at ``relpath`` (posix, relative to the knowledge base root)
    whose front matter is ``front``."""
    return Identity(*_identity_fields(relpath, front, config))


def in_the_language_written(identity: Identity, relpath: str, prose: Iterable[str], config: "Config") -> Identity:
    """``identity``, or where kblint gave the article at ``relpath``, a file of the repository
    that the site does not publish, the source's locale by default only (no folder, suffix or
    front matter says), the source is written in Chinese, Japanese or Korean, and its prose
    (``prose``: its texts, code left out) is written in Latin letters (a Han character among
    twenty letters at most: a language switcher's "简体中文"), the knowledge base's one other
    locale: the repository's README in English beside a site written in Chinese is no
    Chinese page."""
    if identity.locale_source != "default" or identity.locale.split("-")[0] not in ("zh", "ja", "ko"):
        return identity
    if config.layout is None or config.layout.publishes(relpath):
        return identity  # a page of the site is served in its default locale, whatever it is written in
    other = _the_other_locale(config)
    if other is None:
        return identity
    text = "\n".join(prose)
    letters = sum(1 for c in text if "a" <= c.lower() <= "z")
    if letters < 40 or len(KANA_HAN_HANGUL_CHARACTER.findall(text)) * 20 > letters:
        return identity
    return Identity(identity.key, other, other, identity.root, identity.key_source, "default")


def _the_other_locale(config: "Config") -> str | None:
    """The one locale besides the source's that the knowledge base's folders or file names
    (its layout's, which the caller knows) are written for, if there is exactly one."""
    layout = config.layout
    found = {canonical_locale(name, config) for name in (*layout.locale_names, *layout.suffix_locales)}
    found.discard(None)
    found.discard(config.source_locale)
    return next(iter(found)) if len(found) == 1 else None


def _named_for_a_locale(stem: str, config: "Config") -> tuple[str, tuple[str, str] | None]:
    """(the stem without it, (locale, tag)) where a file's name says its language (guide.zh-TW,
    README-zh_CN, setup-zh_CN, setup-zh_cn), else (``stem``, None)."""
    if "." in stem:
        base, candidate = stem.rsplit(".", 1)
        suffix = _suffix_locale(candidate, config)
        if suffix is not None:
            return base, suffix
    if _README_IN.fullmatch(stem):
        suffix = _readme_locale(stem, config)
        return (stem[:6] if suffix is not None else stem), suffix
    if stem[-2:].isupper() or stem.endswith(("Hans", "Hant")) or _IN_A_REGION_IN_LOWER_CASE.search(stem):
        named = _NAMED_IN_REGION.fullmatch(stem)
        suffix = _suffix_locale(named.group(2), config) if named is not None else None
        if suffix is not None and suffix[0] != config.source_locale:
            return named.group(1), suffix
    return stem, None


def _identity_fields(relpath: str, front: Mapping[str, Any], config: "Config") -> tuple[str, str, str, str, str, str]:
    """``resolve``'s Identity as the tuple of its fields (key, locale, tag, root, key source,
    locale source): what a guess over every path reads, without making 20,000 frozen objects."""
    name = relpath.rsplit("/", 1)[-1]
    stem = _strip_extension(name)
    stem, suffix = _named_for_a_locale(stem, config)
    address = own_address(front) if front else None  # the article's own help-center page, if it names one
    found = _locale_tree(relpath, config)
    mount = ""
    if found is not None:
        root, locale, tag, mount = found
        locale_source = "folder"
        stated = front_matter_locale(front) if front else None  # (most articles named by path have none)
        if stated is not None and not _has_region(tag) and canonical_locale(stated[1], config) == locale:
            # zh-Hant/ says the script; lang: zh-TW adds the region.
            refined = normalize_tag(stated[1])
            if refined is not None and _has_region(refined):
                tag = refined
    else:
        source_root = config.layout.source_root_of(relpath) if config.layout is not None else None
        root, locale, tag, locale_source = source_root or "", config.source_locale, config.source_locale, "default"
        # A Docusaurus site's source pages are its default locale's, whatever their front
        # matter says (it reads no lang: or language: key; a page may carry one left over).
        stated_keys = () if _in_a_docusaurus_folder(relpath, config) else FRONT_MATTER_LOCALE_KEYS
        for key in stated_keys:
            value = front.get(key)
            if isinstance(value, str) and canonical_locale(value.strip(), config) is not None:
                locale, tag, locale_source = canonical_locale(value.strip(), config), normalize_tag(value.strip()) or value.strip(), "front matter"
                break
        else:
            stated = canonical_locale(address.locale, config) if address is not None and address.locale else None
            if stated is not None:
                locale, tag, locale_source = stated, normalize_tag(address.locale) or stated, "front matter"
            elif suffix is not None:
                locale, tag = suffix
                locale_source = "suffix"
    article_id = _translation_key(front, config, stem) if front else None
    if isinstance(article_id, (str, int)) and not isinstance(article_id, bool) and str(article_id).strip():
        key, key_source = str(article_id).strip(), "front matter"
    elif address is not None:
        key, key_source = address.id, "front matter"  # the article's own /hc/…/articles/{id}
    elif config.id_pattern.fullmatch(stem):
        key, key_source = stem, "file name"
    elif not is_article_path(name) and export_id(relpath, stem):
        key, key_source = export_id(relpath, stem), "file name"
    else:
        key, key_source = _path_key(relpath, root, mount, stem, config), "path"
    return key, locale, tag, root, key_source, locale_source


def _path_key(relpath: str, root: str, mount: str, stem: str, config: "Config") -> str:
    """The key of an article named by its path: its path from its locale root, without the
    suffix, after the mount of its tree."""
    folder = posixpath.dirname(relpath)
    inside = folder[len(root) + 1 :] if root and folder.startswith(root + "/") else ("" if folder == root else folder)
    key = f"{inside}/{stem}" if inside else stem
    key = f"{mount}/{key}" if mount else key
    layout = config.layout
    if not root and layout is not None and (layout.outside_vue_site(relpath) or layout.beside_gitbook_languages(relpath)):
        # The repository's own Markdown beside a VitePress or VuePress site's folder (its
        # README.md beside the site's home page, docs/en/README.md), or beside a GitBook's
        # language folders (en/README.md is the English book's): no page of the site, and no
        # version of one.
        key = UNPUBLISHED + key
    return key


UNPUBLISHED = "./"  # before the path of Markdown the site publishes no page of


def _translation_key(front: Mapping[str, Any], config: "Config", stem: str = "") -> Any:
    """The value of the first of the configured ``translation_keys`` the front matter sets:
    what names the article across its translations (``id``, Hugo's ``translationKey``,
    Obsidian Publish's ``permalink``). An ``id`` that repeats the file's name (``id:
    debug-mode`` in debug-mode.md, as Docusaurus pages write it) names the page within its
    folder: the path says as much, and pairs it with a translation that leaves the id out."""
    for key in config.translation_keys:
        value = front.get(key)
        if value is None or not str(value).strip():
            continue
        if key == "id" and (_names_its_page_only(value, config) or _repeats_the_file_name(value, stem, config)):
            continue
        return value
    return None


def _repeats_the_file_name(article_id: Any, stem: str, config: "Config") -> bool:
    return str(article_id).strip() == stem and not config.id_pattern.fullmatch(stem)


def _names_its_page_only(article_id: Any, config: "Config") -> bool:
    """Is a front matter ``id`` the name of the page within its folder and version, as on a
    Docusaurus site (``id: install`` in docs/ and in versioned_docs/version-2/), rather than
    the knowledge base's id of the article? Translations there mirror the files' paths, so the
    path is the article's identity; an id of the configured pattern (KB4407) stays one."""
    layout = config.layout
    return (
        layout is not None and bool(layout.routes.folders) and article_id is not None
        and not config.id_pattern.fullmatch(str(article_id).strip())
    )


def _in_a_docusaurus_folder(relpath: str, config: "Config") -> bool:
    """Is ``relpath`` in one of the content folders (docs, blog) of a Docusaurus site? (A
    content folder at the knowledge base's root, "", holds every page; the layout's own test
    leaves it out.)"""
    layout = config.layout
    return layout is not None and (layout.in_docusaurus_content(relpath) or any(not folder for _, folder in layout.routes.folders))


def _has_region(tag: str) -> bool:
    last = tag.split("-")[-1]
    return "-" in tag and (last.isupper() or last.isdigit()) and len(last) in (2, 3)


def front_matter_locale(front: Mapping[str, Any]) -> tuple[str, str] | None:
    """(key, value) of the locale the front matter states, if it states one."""
    for key in FRONT_MATTER_LOCALE_KEYS:
        value = front.get(key)
        if isinstance(value, str) and value.strip():
            return key, value.strip()
    return None


# A line that may give the article a locale of its own, as YAML or TOML writes it (read of a
# file's first bytes): a key of FRONT_MATTER_LOCALE_KEYS, or one of ADDRESS_KEYS that holds a
# help-center address (the only kind own_address reads).
_KEY = rb"^[\"']?(?:%s)[\"']?[ \t]*[:=]"
_STATES_A_LOCALE = lazy_pattern(
    _KEY % b"|".join(re.escape(key.encode()) for key in FRONT_MATTER_LOCALE_KEYS)
    + b"|" + _KEY % b"|".join(re.escape(key.encode()) for key in ADDRESS_KEYS) + rb"[^\n]*/hc/",
    re.MULTILINE,
)


def may_state_a_locale(relpath: str, head: bytes) -> bool:
    """Might the file at ``relpath``, whose first bytes are ``head``, give itself a locale its
    path does not, in its front matter (YAML, TOML or a ```yaml block: see
    kblint.formats.frontmatter)? Yes for any page of an export (its metadata may)."""
    if not is_article_path(relpath):
        return True
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    for fence in (b"---", b"+++", b"```"):
        if text.startswith(fence):
            close = text.find(b"\n" + fence, len(fence))
            return _STATES_A_LOCALE.search(text if close < 0 else text[:close]) is not None
    return False  # no front matter: a body's "url:" in an example is no locale


def paired_by_path(relpaths: Iterable[str], config: "Config") -> set[str] | None:
    """The paths among ``relpaths`` whose identity, as their paths alone give it, is shared by
    a version in the source locale and one in another: the articles likely to be in a
    translation pair. A guess made before any file is read (front matter can name another id
    or locale): what depends on it must mend the few it misses. None when the paths name one
    locale only (the locales are in the front matter, where no guess can see them), and where
    translations pair by another front matter key than ``id``."""
    return guess_pairs(relpaths, config)[0]


def guess_pairs(relpaths: Iterable[str], config: "Config") -> tuple[set[str] | None, str | None]:
    """``paired_by_path``, and where it is None because the paths name one locale only, that
    locale: an article of it is in a pair only with one whose front matter (or text) gives it
    another locale, which reading that one tells."""
    if any(key != "id" for key in config.translation_keys):
        # Translations named in the front matter (a permalink, Hugo's translationKey) are the
        # rule there, not the exception: a guess from paths would miss most pairs, and each
        # missed one is read twice.
        return None, None
    keys = {relpath: _identity_fields(relpath, {}, config)[:2] for relpath in relpaths}  # (key, locale)
    locales: dict[str, set[str]] = {}
    for key, locale in keys.values():
        locales.setdefault(key, set()).add(locale)
    named = {locale for _, locale in keys.values()}
    if len(named) < 2:
        return None, next(iter(named), None)
    source = config.source_locale
    return {
        relpath for relpath, (key, _) in keys.items()
        if source in (found := locales[key]) and len(found) > 1
    }, None  # fmt: skip
