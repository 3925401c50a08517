"""A Mintlify site: where it is, and the pages it writes from its OpenAPI specifications.

A Mintlify site (a ``docs.json``, or the older ``mint.json``, beside its pages) serves each page
at its path without the file's suffix (``/en/guides/setup`` is ``en/guides/setup.mdx``), which
links already reach. What it also serves is a page for each operation of an OpenAPI
specification its navigation names (``"openapi": "en/api-reference/openapi.json"`` on a tab or
a group, or ``{"source": …, "directory": …}``): those pages are no file here, and a link to one
(``/en/api-reference/chats/send-message``) must not read as broken, nor one to an operation the
specification lacks as whole.

Its heading ids are Mintlify's (kblint.formats.heading_ids: full-width punctuation kept), and a
``<Tab title="…">`` or ``<Accordion title="…">`` is an anchor too (kblint.formats.markdown).

An operation's page is at its ``x-mint.href`` when it writes one (lowercased, the last part cut
at its last ``.``); otherwise at the specification's directory (``api-reference`` unless the
navigation sets ``directory``), its first tag and its summary, each made a slug as Mintlify
makes it (spaces to ``-``; ``{}(),.'/`` dropped; lowercased), or its method and path when it has
no summary (``GET /users/{id}/posts`` at ``get-users-posts``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable, Iterator

CONFIGS = ("docs.json", "mint.json")
_DEFAULT_DIRECTORY = "api-reference"
_DROPPED = re.compile(r"[{}(),.'/]")
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_MAX_SPEC_BYTES = 20_000_000  # a specification larger than this is not read


# A specification the navigation names: (the site's folder, the file relative to it, its pages'
# directory, its size and modification time: what the cached results depend on).
Specification = tuple[str, str, str, int, int]


def mintlify_sites(root: Path, folders: Iterable[str]) -> tuple[tuple[str, ...], tuple[Specification, ...]]:
    """The folders among ``folders`` (root-relative, "" for the root) that hold a Mintlify
    site's configuration, and the OpenAPI specifications those sites write pages from (read
    only when a link asks: ``api_pages``)."""
    sites: list[str] = []
    specs: list[Specification] = []
    for folder in folders:
        base = root / folder if folder else root
        config = _config(base)
        if config is None:
            continue
        sites.append(folder)
        for source, directory in dict.fromkeys(_specifications(config)):
            if "://" in source:
                continue  # an address is not read
            try:
                stat = (base / source.lstrip("/")).stat()
            except OSError:
                continue
            specs.append((folder, source, directory, stat.st_size, stat.st_mtime_ns))
    return tuple(sites), tuple(specs)


def api_pages(root: Path, specs: Iterable[Specification]) -> frozenset[str]:
    """The root-relative paths (no suffix, lowercased) of the pages written from ``specs``."""
    pages: set[str] = set()
    for folder, source, directory, size, _ in specs:
        base = root / folder if folder else root
        spec = _read_spec(base, source) if size <= _MAX_SPEC_BYTES else None
        if spec is not None:
            prefix = f"{folder}/" if folder else ""
            pages.update(prefix + page for page in operation_pages(spec, directory))
    return frozenset(pages)


def _config(folder: Path) -> dict | None:
    """The Mintlify configuration in ``folder``: a docs.json or mint.json that sets out a
    navigation (another tool's docs.json does not)."""
    for name in CONFIGS:
        try:
            data = json.loads((folder / name).read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and ("navigation" in data or "mintlify" in str(data.get("$schema", ""))):
            return data
    return None


def _specifications(node: Any) -> Iterator[tuple[str, str]]:
    """(the specification's file, its pages' directory) of each ``openapi`` the configuration
    names, at any depth (a tab, a group, a version, ``api``)."""
    if isinstance(node, list):
        for item in node:
            yield from _specifications(item)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "openapi":
            yield from _named_specs(value)
        elif isinstance(value, (dict, list)):
            yield from _specifications(value)


def _named_specs(value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield value, _DEFAULT_DIRECTORY
    elif isinstance(value, list):
        for item in value:
            yield from _named_specs(item)
    elif isinstance(value, dict) and isinstance(value.get("source"), str):
        directory = value.get("directory")
        yield value["source"], directory.strip("/").lower() if isinstance(directory, str) and directory.strip("/") else _DEFAULT_DIRECTORY


def _read_spec(base: Path, source: str) -> dict | None:
    """The specification at ``source`` (relative to the site's folder)."""
    path = base / source.lstrip("/")
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        from kblint.formats import yamlsafe

        try:
            data = yamlsafe.load(text)
        except Exception:  # a specification that does not parse writes no page
            return None
    return data if isinstance(data, dict) else None


def operation_pages(spec: dict, directory: str) -> Iterator[str]:
    """The path (no leading ``/``) of each operation's page in ``spec``."""
    paths = spec.get("paths")
    if not isinstance(paths, dict):
        return
    for path, operations in paths.items():
        if not isinstance(operations, dict):
            continue
        for method, operation in operations.items():
            if method in _METHODS and isinstance(operation, dict):
                yield _page(str(path), method, operation, directory)


def _page(path: str, method: str, operation: dict, directory: str) -> str:
    mint = operation.get("x-mint")
    href = mint.get("href") if isinstance(mint, dict) else None
    if isinstance(href, str) and href.strip("/"):
        parent, _, last = href.strip("/").lower().rpartition("/")
        last = last.rpartition(".")[0] or last
        return f"{parent}/{last}" if parent else last
    tags = operation.get("tags")
    tag = slug(tags[0]) if isinstance(tags, list) and tags and isinstance(tags[0], str) else ""
    summary = operation.get("summary")
    name = slug(summary) if isinstance(summary, str) and summary.strip() else _method_slug(method, path)
    return "/".join(part for part in (directory, tag, name) if part)


def slug(text: str) -> str:
    """A summary or a tag as Mintlify writes it in an address."""
    return _DROPPED.sub("", text.strip()).replace(" ", "-").lower()


def _method_slug(method: str, path: str) -> str:
    """``GET /users/{id}/posts`` as ``get-users-posts``: the method and the path's parts that are
    not parameters."""
    parts = [part for part in path.split("/") if part and not part.startswith("{")]
    return "-".join([method, *parts]).lower()
