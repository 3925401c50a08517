"""What the site builder does with the knowledge base's files, as far as a link's destination
depends on it (read once per run, beside the redirect maps):

- **Addresses in lower case.** Astro's content collections (Starlight among them) and Hugo
  (unless ``disablePathToLower`` is set) serve ``develop/Plugins/index.mdx`` at
  ``/develop/plugins/``: a site address written in lower case reaches a file whose path has
  capitals. Known from the builder's configuration file at the knowledge base root or up to
  three folders above it (``astro.config.mjs``, ``hugo.toml``, or Hugo's ``config.toml``
  beside ``content/`` and ``layouts/``).
- **Commits a translation tracker skips.** A Lunaria configuration's ``ignoredKeywords``
  (``typo``, ``i18nIgnore``) name the commits of the sources that translations need not
  follow (read when the configuration is loaded, for translation-outdated).
- **Routes of an Astro project.** Its ``src/pages`` serves an address by a file of its own
  (``feed.xml.ts`` serves ``/feed.xml``, ``about.astro`` serves ``/about/``).
- **Pages the build writes.** A ``.gitignore`` in a folder of the knowledge base (not the root's
  own, which lists build output and dependencies) that lists a page (``config.md``,
  ``javascript/*``) says the build generates it from elsewhere: a link to it cannot be checked
  here and is not broken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from kblint.formats.registry import PAGE_SUFFIXES

if TYPE_CHECKING:
    import pathspec

_ASTRO_CONFIGS = tuple(f"astro.config.{ext}" for ext in ("mjs", "js", "ts", "mts", "cjs", "cts"))
_HUGO_CONFIGS = tuple(f"hugo.{ext}" for ext in ("toml", "yaml", "yml", "json"))
_HUGO_OLD_CONFIGS = tuple(f"config.{ext}" for ext in ("toml", "yaml", "yml", "json"))
_KEEPS_CASE = re.compile(r"disablePathToLower\W{0,3}\s*[=:]\s*true", re.IGNORECASE)
LEVELS_ABOVE = 3  # src/content/docs lies three folders below an Astro project's root
IGNORE_FILE = ".gitignore"


@dataclass
class Site:
    """How the site serves the knowledge base's files (see the module's documentation)."""

    lowercase_addresses: bool = False
    generated: list[tuple[str, "pathspec.PathSpec"]] = field(default_factory=list)  # (folder, its .gitignore)
    pages_folder: str | None = None  # an Astro project's src/pages (root-relative): routes of its own

    def is_generated(self, relpath: str) -> bool:
        """Does a .gitignore below the root list ``relpath`` (a page the build writes)?"""
        for folder, spec in self.generated:
            if relpath.startswith(folder + "/") and spec.match_file(relpath[len(folder) + 1 :]):
                return True
        return False


def _root_and_above(root: Path) -> Iterator[Path]:
    """``root`` and up to LEVELS_ABOVE folders above it: where a site builder's configuration
    may be, for a knowledge base that is a folder of the project."""
    folder = root
    for _ in range(LEVELS_ABOVE + 1):
        yield folder
        if folder.parent == folder:
            return
        folder = folder.parent


def _astro_project(folder: Path) -> bool:
    return any((folder / name).is_file() for name in _ASTRO_CONFIGS)


def lowercases_addresses(root: Path) -> bool:
    """Does the site builder configured at ``root`` or above serve each page at its path in
    lower case (Astro; Hugo unless told to keep case)?"""
    for folder in _root_and_above(root):
        if _astro_project(folder):
            return True
        hugo = _hugo_config(folder)
        if hugo is not None:
            try:
                return not _KEEPS_CASE.search(hugo.read_text("utf-8", errors="replace"))
            except OSError:
                return True
    return False


ENDPOINT_SUFFIXES = (".ts", ".js", ".mjs", ".mts")  # an Astro endpoint: src/pages/feed.xml.ts serves /feed.xml
# An Astro page: src/pages/about.astro (or an article or an HTML page) serves /about/.
ROUTE_SUFFIXES = (".astro", *PAGE_SUFFIXES)


def astro_pages_folder(root: Path) -> str | None:
    """``src/pages``, where the Astro project at ``root`` keeps the routes it serves besides its
    content collections (a feed, a page written in .astro), if it is one."""
    if _astro_project(root) and (root / "src" / "pages").is_dir():
        return "src/pages"
    return None


def served_by_a_route(pages: str, path: str, known: "set[str] | frozenset[str]") -> bool:
    """Does a file of the routes folder ``pages`` serve the site address ``path``
    (``feed.xml`` by ``src/pages/feed.xml.ts``, ``about/`` by ``src/pages/about.astro``)?"""
    address = path.strip("/")
    if not address:
        return False
    base = f"{pages}/{address}"
    if any(base + suffix in known for suffix in ENDPOINT_SUFFIXES):
        return True
    return any(base + suffix in known or f"{base}/index{suffix}" in known for suffix in ROUTE_SUFFIXES)


def _hugo_config(folder: Path) -> Path | None:
    for name in _HUGO_CONFIGS:
        if (folder / name).is_file():
            return folder / name
    if (folder / "content").is_dir() and ((folder / "layouts").is_dir() or (folder / "themes").is_dir()):
        return next((folder / name for name in _HUGO_OLD_CONFIGS if (folder / name).is_file()), None)
    return None


_LUNARIA_CONFIGS = tuple(f"lunaria.config.{ext}" for ext in ("ts", "mts", "js", "mjs", "cjs", "json"))
_IGNORED_KEYWORDS = re.compile(r"""["']?ignoredKeywords["']?\s*:\s*\[([^\]]*)\]""")
_QUOTED = re.compile(r"""(["'`])((?:(?!\1).)+)\1""")


def tracker_ignored_keywords(root: Path) -> list[str]:
    """The words a Lunaria translation tracker (``lunaria.config.*`` at ``root`` or up to three
    folders above) is told to skip commits by (``tracking.ignoredKeywords``): the site's own
    word on which source commits translations need not follow."""
    for folder in _root_and_above(root):
        for name in _LUNARIA_CONFIGS:
            try:
                text = (folder / name).read_text("utf-8", errors="replace")
            except OSError:
                continue
            m = _IGNORED_KEYWORDS.search(text)
            return [q.group(2) for q in _QUOTED.finditer(m.group(1))] if m else []
    return []


def ignore_files(assets: list[str]) -> list[str]:
    """The .gitignore files among ``assets`` (root-relative) in a folder below the root."""
    return [path for path in assets if path.endswith("/" + IGNORE_FILE)]


def load_site(lowercase: bool, files: list[str], read: Callable[[str], "bytes | OSError"], pages: str | None = None) -> Site:
    """The site, with the .gitignore ``files`` (``ignore_files``) read by ``read``, and the
    Astro routes folder ``pages``."""
    site = Site(lowercase, pages_folder=pages)
    if files:
        import pathspec  # only where there is something to match

        for path in files:
            data = read(path)
            if isinstance(data, bytes):
                lines = data.decode("utf-8", errors="replace").splitlines()
                site.generated.append((path.rpartition("/")[0], pathspec.GitIgnoreSpec.from_lines(lines)))
    return site
