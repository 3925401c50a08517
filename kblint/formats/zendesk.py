"""Help-center API exports: the articles a JSON file holds, as saved from the API.

Shapes read: one ``{"article": {…}}``; a list page ``{"articles": […], "next_page": …}``;
translations (``{"translation": {…}}``, ``{"translations": […]}``, each naming its article by
``source_id``); JSON Lines of those objects; and Intercom's articles, whose
``translated_content`` holds one version per locale. Each article version is a *member*: its
body (HTML) is linted as an article of its own, its other fields are its metadata.

For ``--fix``, each body is found where it is written in the file (the JSON string's place),
so that an edit of the body rewrites that string alone, in the file's own escaping, and leaves
every other byte as it was.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring
from typing import Any, Iterator

from kblint.model.patterns import lazy_pattern

# The files an export of the API is saved as: JSON, and JSON Lines.
CONTAINER_SUFFIXES = (".json", ".jsonl", ".ndjson")
# A key "body" and the opening quote of its string value, as JSON writes it.
_BODY_KEY = lazy_pattern(r'"body"\s*:\s*"')
_SNIFF = lazy_pattern(r'"(?:article|articles|translation|translations|body|translated_content)"\s*:')


@dataclass
class Member:
    """One article version a container holds."""

    key: str  # "{locale}/{id}" (or "{id}"): unique in its container
    body: str
    metadata: dict[str, Any] = field(default_factory=dict)
    raw: tuple[int, int] | None = None  # where the body's JSON string is written (inside its quotes)
    written: bool = True  # the body is a JSON string in the file (not null, not missing)


def looks_like_export(head: str) -> bool:
    """Could a JSON file that starts with ``head`` be an export (cheap: a key it would have)?"""
    return _SNIFF.search(head) is not None


def read_container(text: str) -> list[Member]:
    """The article versions ``text`` (a JSON or JSON Lines file) holds; none when it is not an
    export. Bodies are placed in the file when every one can be (see ``Member.raw``)."""
    text = text.lstrip("\ufeff")
    try:
        documents = [json.loads(text)]
    except RecursionError:
        return []  # nested deeper than any export: not one
    except ValueError:
        documents = _json_lines(text)
    members: list[Member] = []
    seen: dict[str, int] = {}
    for document in documents:
        for article in _articles(document):
            member = _member(article)
            if member is None:
                continue
            count = seen.get(member.key, 0) + 1
            seen[member.key] = count
            if count > 1:
                member.key += f"~{count}"  # the same version twice: duplicate-id says so
            members.append(member)
    _place_bodies(text, members)
    return members


def _json_lines(text: str) -> list[Any]:
    documents = []
    for line in text.splitlines():
        if line.strip():
            try:
                documents.append(json.loads(line))
            except (ValueError, RecursionError):
                return []  # not JSON Lines either: not an export
    return documents


def _articles(document: Any) -> Iterator[dict]:
    """The article (or translation) objects of one JSON document, in the order written."""
    if isinstance(document, list):  # a list of articles, or of saved pages: one level, no deeper
        for item in document:
            if isinstance(item, dict):
                yield from _articles(item)
        return
    if not isinstance(document, dict):
        return
    for key in ("article", "translation"):
        if isinstance(document.get(key), dict):
            yield document[key]
            return
    for key in ("articles", "translations"):
        if isinstance(document.get(key), list):
            yield from (item for item in document[key] if isinstance(item, dict))
            return
    content = document.get("translated_content")
    if isinstance(content, dict) and "body" not in document:
        # Intercom: one version per locale, under the article's id.
        for locale, version in content.items():
            if isinstance(version, dict) and ("body" in version or "title" in version):
                yield {**version, "id": document.get("id"), "locale": locale}
    elif "body" in document:
        yield document


def _member(article: dict) -> Member | None:
    """The member an article object is; Intercom's versions come in ``translated_content``."""
    body = article.get("body")
    if body is not None and not isinstance(body, str):
        return None
    if body is None and "title" not in article:
        return None
    metadata = {k: v for k, v in article.items() if k != "body"}
    if article.get("source_type") == "Article" and article.get("source_id") is not None:
        metadata["id"] = article["source_id"]  # a translation object: its article's id
    identifier = metadata.get("id")
    locale = metadata.get("locale")
    name = str(identifier) if isinstance(identifier, (int, str)) and str(identifier).strip() else "article"
    name = re.sub(r"[^\w.-]", "_", name)
    if isinstance(locale, str) and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", locale):
        name = f"{locale}/{name}"
    return Member(name, body or "", metadata, written=isinstance(body, str))


def _place_bodies(text: str, members: list[Member]) -> None:
    """Where each member's body is written: the n-th ``"body": "…"`` string of the file is the
    n-th member's, when the counts and the decoded values agree; else no body is placed (and
    ``--fix`` refuses the file)."""
    found = []
    for m in _BODY_KEY.finditer(text):
        try:
            value, end = scanstring(text, m.end())
        except ValueError:
            return
        found.append((value, m.end(), end - 1))
    written = [member for member in members if member.written]
    if len(found) != len(written) or any(value != member.body for (value, _, _), member in zip(found, written)):
        return
    for (_, start, end), member in zip(found, written):
        member.raw = (start, end)


def rewrite_body(text: str, member: Member, new_body: str) -> str | None:
    """``text`` with ``member``'s body string written anew as ``new_body``: only the changed
    characters are written again, in the file's escaping (``\\uXXXX`` for non-ASCII where the
    file writes it so); None when the body's place is unknown."""
    if member.raw is None:
        return None
    start, end = member.raw
    raw = text[start:end]
    offsets = char_offsets(raw)
    old = member.body
    prefix = 0
    while prefix < min(len(old), len(new_body)) and old[prefix] == new_body[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new_body)) - prefix and old[-1 - suffix] == new_body[-1 - suffix]:
        suffix += 1
    ascii_only = "\\u" in raw and not any(ord(ch) > 127 for ch in raw)
    changed = new_body[prefix : len(new_body) - suffix]
    encoded = json.dumps(changed, ensure_ascii=ascii_only)[1:-1]
    if "\\/" in raw:
        encoded = encoded.replace("/", "\\/")
    raw_from, raw_to = offsets[prefix], offsets[len(old) - suffix]
    new_raw = raw[:raw_from] + encoded + raw[raw_to:]
    if json.loads(f'"{new_raw}"') != new_body:
        return None
    return text[:start] + new_raw + text[end:]


def char_offsets(raw: str) -> list[int]:
    """For each character of the decoded string ``raw`` (a JSON string's inside), where it is
    written in ``raw``; one more entry for the end."""
    offsets = []
    i = 0
    while i < len(raw):
        offsets.append(i)
        if raw[i] != "\\":
            i += 1
        elif raw[i + 1 : i + 2] == "u":
            high = int(raw[i + 2 : i + 6], 16)
            pair = 0xD800 <= high < 0xDC00 and raw[i + 6 : i + 8] == "\\u"
            i += 12 if pair else 6
        else:
            i += 2
    offsets.append(len(raw))
    return offsets
