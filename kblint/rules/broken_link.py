from __future__ import annotations

import posixpath
import re
from typing import Iterator

from kblint.model.finding import Finding, Severity
from kblint.model.patterns import AN_EMAIL_ADDRESS
from kblint.kb.linkfix import places
from kblint.kb.links import PAGE_SUFFIXES
from kblint.kb.site import STATIC_FOLDERS
from kblint.formats.registry import is_issue_template
from kblint.corpus.redirected import LINKED_KINDS, moved
from kblint.corpus.routes import OwnRoutes
from kblint.rules.api import Rule



def served_elsewhere(corpus, ref) -> bool:
    """Is ``ref`` a link to a file (an image, an attachment: not a page) under a folder that
    the knowledge base has nowhere? The site serves such files from a tree kblint was not given
    (a public/ folder beside the content), so whether they exist cannot be told. For a
    root-absolute link (/images/a.png) that folder is its top one. For a relative link that
    first climbs out of the article's folder (../images/a.png) it is the first folder it goes
    down into: where it climbs to depends on the page's address, not the file's path (from a
    page served at /learn/x, it reaches /images/a.png), and where a static folder holds that
    path (public/images/a.png) the site serves the file there. A link that only goes down
    (img/a.png) is judged: the folder belongs beside the article."""
    if ref.style not in ("root", "relative") or not ref.url:
        return False
    path = ref.url.split("#", 1)[0].split("?", 1)[0]
    if ref.style == "root":
        top, slash, rest = path.strip("/").partition("/")
    elif path.startswith("../"):
        parts = path.split("/")
        while parts and parts[0] in ("..", "."):
            parts.pop(0)
        top, slash, rest = "/".join(parts).partition("/")
    else:
        return False
    name = posixpath.basename(rest)
    if not slash or "." not in name or name.lower().endswith(PAGE_SUFFIXES):
        return False
    if ref.style == "relative" and any(f"{static}/{top}/{rest}" in corpus.paths for static in STATIC_FOLDERS):
        return True
    return not corpus.resolver.has_folder_named(top)


def _nearest(by_folder: dict[str, list[str]], ref) -> str | None:
    """An existing file whose path is close to what the link asks for (a renamed or mistyped
    file in the same folder); ``by_folder``: the corpus's paths by folder."""
    wanted = ref.bases[0][1].rstrip("/") if ref.bases and not ref.bases[0][0] else None
    if not wanted:
        return None
    siblings = by_folder.get(posixpath.dirname(wanted), [])
    stem = posixpath.basename(wanted)
    # A page's address names it without its suffix ("./default-value/" for default-value.md):
    # its name is then compared with the pages' names without theirs.
    by_page_name = "." not in stem and ref.kind != "image"
    names = {_page_stem(posixpath.basename(p)) if by_page_name else posixpath.basename(p): p for p in siblings}
    import difflib  # here: only a broken link asks for a suggestion

    close = difflib.get_close_matches(stem, list(names), n=1, cutoff=0.8)
    return names[close[0]] if close else None


def _page_stem(name: str) -> str:
    """A page's file name without its suffix (``install.md``: ``install``); another file's as it is."""
    return name.rsplit(".", 1)[0] if name.lower().endswith(PAGE_SUFFIXES) else name


def _paths_by_folder(paths) -> dict[str, list[str]]:
    by_folder: dict[str, list[str]] = {}
    for path in paths:
        by_folder.setdefault(posixpath.dirname(path), []).append(path)
    return by_folder


def check_corpus(corpus, config) -> Iterator[Finding]:
    known = corpus.by_id
    builder_known = config.layout is not None and config.layout.builder_known
    # A site whose builder kblint does not know, not a repository read on GitHub: its router
    # may serve an address written from the page (``affix`` beside ``anchor``'s page).
    a_site_of_its_own = config.layout is not None and not builder_known and not config.layout.no_site
    routes = corpus.index("own-routes", OwnRoutes)
    by_folder: dict[str, list[str]] | None = None  # made for the first link that needs it
    myst = _MystReferences(corpus)
    for summary in corpus.checked_articles:
        # Text a Hugo site puts in other pages: its relative links are resolved from theirs.
        included = config.layout is not None and config.layout.is_hugo_include(summary.relpath)
        # An issue's or a pull request's form: its links lead from the issue's address on the
        # forge (../blob/master/x.md, /owner/repo/blob/main/x.md), not from the file.
        template = is_issue_template(summary.relpath)
        for ref in summary.references:
            if ref.kind not in LINKED_KINDS or ref.style in (None, "same-page") or ref.leads_somewhere:
                continue
            if (included or template) and ref.style == "relative" or template and ref.style == "root":
                continue
            what = "image" if ref.kind == "image" else "link"
            if ref.target is not None:
                if ref.target not in known or ref.style != "relative":
                    continue  # a missing id is broken-reference's; a site URL by id is fine
                versions = known[ref.target]
                where = ", ".join(sorted(v.relpath for v in versions.values()))
                wanted = ref.bases[0][1]
                yield RULE.finding_span(summary, ref.url_span or ref.span, f"{what} to {ref.url}: the file {wanted} does not exist; the article is at {where}")
                continue
            if moved(corpus, config, summary, ref) is not None:
                continue  # redirected-link says where it went
            if served_elsewhere(corpus, ref):
                continue
            if ref.case_path is not None:
                at, edited = places(ref)  # a reference link's destination is in its definition
                yield RULE.finding_span(
                    summary,
                    at,
                    f"{what} to {ref.url}: {_differing_in_case(ref.url, ref.case_path)} differs in case: "
                    "this works on macOS and Windows but not on a Linux server",
                    replacement=_with_case(ref.url, ref.case_path) if edited is not None else None,
                    fix_description="write the file name as it is",
                    edit_span=edited,
                    unsafe_reason="" if _names_a_file(ref.url) else _ROUTE_IN_ITS_CASE,
                )
                continue
            if ref.style == "wiki":
                yield RULE.finding_span(summary, ref.url_span or ref.span, f"{what} to [[{ref.url}]]: no note or file of that name in the vault")
                continue
            if by_folder is None:
                by_folder = _paths_by_folder(corpus.paths)
            if ref.style == "root" and not builder_known and routes.serve(ref.url or ""):
                continue
            if ref.style == "relative" and a_site_of_its_own and routes.serve_relative(ref.url or "", summary.relpath):
                continue
            if myst.resolves(ref) or (ref.url and _A_PLACEHOLDER_PATH.fullmatch(ref.url)):
                continue  # MyST's reference to a target or an object; a guide's example link (/path): no file meant
            yield RULE.finding_span(summary, ref.url_span or ref.span, f"{what} to {ref.url}: {_not_found(corpus, summary, ref, by_folder)}")


def _beside_the_page(corpus, summary, ref) -> str | None:
    """The path a link from the root (``/README_en.md``) means, written from the page, where
    the file it names is in the page's own folder, not at the top: the slash is a slip."""
    if ref.style != "root" or not ref.bases or ref.bases[0][0]:
        return None
    wanted = ref.bases[0][1].strip("/")
    folder = posixpath.dirname(summary.relpath)
    if not wanted or not folder or posixpath.join(folder, wanted) not in corpus.paths:
        return None
    return wanted


def _not_found(corpus, summary, ref, by_folder) -> str:
    """What is wrong with a path that reaches nothing, as the message says it."""
    if ref.url and AN_EMAIL_ADDRESS.fullmatch(ref.url):
        return "an e-mail address needs 'mailto:' before it; as written it is a file's path"
    if _a_file_before_a_slash(corpus, ref):
        path = (ref.url or "").partition("#")[0].rstrip("/")
        return f"{path} is a file, and the slash after its name asks for a folder of that name: remove the slash"
    beside = _beside_the_page(corpus, summary, ref)
    if beside is not None:
        return f"no such file at the top of the knowledge base, where a path that starts with / begins; did you mean {beside}, beside this page?"
    nearest = _nearest(by_folder, ref)
    return "no such file or article in the knowledge base" + (f"; did you mean {nearest}?" if nearest is not None else "")


def _a_file_before_a_slash(corpus, ref) -> bool:
    """Does ``ref`` name an existing file with an extension, a slash after its name
    (``src=/img/a.svg/>``: in an unquoted attribute the slash of ``/>`` is the value's)?"""
    url = (ref.url or "").partition("#")[0]
    if not url.endswith("/") or "." not in url.rstrip("/").rsplit("/", 1)[-1] or not ref.bases:
        return False
    return corpus.resolve_bases(tuple((prefix, path.rstrip("/")) for prefix, path in ref.bases)).path is not None


# The path a writing guide or a template puts in a link for any page: /path, path/to/file.md,
# ./path/to/image.png (with an anchor too).
_A_PLACEHOLDER_PATH = re.compile(r"(?:\.{0,2}/)?path(?:/to(?:/[^/?#\s]*)*)?/?(?:#[^\s]*)?", re.IGNORECASE)


# What MyST (Sphinx's Markdown) reads as a reference where no file has the name: a target's
# label ("[the config](model-cfg)" for "(model-cfg)=" on some page), or a documented Python
# object ("[`LossConfig`](pkg.loss.LossConfig)": a module's path, three names at least, its
# last not a file's extension).
_MYST_REFERENCE = re.compile(r"[A-Za-z_][\w.-]*")
_PYTHON_OBJECT = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){2,}(?<![.][a-z]{2})(?<![.][a-z]{3})(?<![.][a-z]{4})")


class _MystReferences:
    """Is a link MyST's reference? The names the pages give their places (a MyST target, an
    HTML id), of every page, are read for the first link that may be one."""

    def __init__(self, corpus) -> None:
        self.corpus = corpus
        self.labels: set[str] | None = None

    def resolves(self, ref) -> bool:
        if ref.style != "relative" or ref.kind == "image" or not _MYST_REFERENCE.fullmatch(ref.url or ""):
            return False
        if _PYTHON_OBJECT.fullmatch(ref.url):
            return True
        if self.labels is None:
            self.labels = {name for summary in self.corpus.articles for name in summary.named_anchors}
        return ref.url in self.labels


# Why a case fix of an address written without its file's suffix is unsafe: it may be a
# route the site serves as written (../../license, a page of the site, beside a LICENSE file).
_ROUTE_IN_ITS_CASE = "an address without the file's suffix may be a route the site serves as written"


def _names_a_file(url: str | None) -> bool:
    """Does ``url`` write a file's name, suffix and all (``Dialog.PNG``, ``setup.md``)?"""
    last = (url or "").split("#", 1)[0].split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return "." in last.strip(".")


def _differing_in_case(url: str, actual: str) -> str:
    """What of the file ``actual`` the link ``url`` writes in another case, as a message says
    it: "the file is Dialog.PNG, whose name", or "the file is Plugins/index.mdx, whose folder"
    when a folder's name differs (the link names a folder's index page: /develop/plugins/)."""
    written = [part for part in url.split("#", 1)[0].split("?", 1)[0].split("/") if part not in ("", ".", "..")]
    parts = actual.split("/")
    if written and _stem(written[-1]).casefold() == _stem(parts[-1]).casefold() and _stem(written[-1]) != _stem(parts[-1]):
        return f"the file is {parts[-1]}, whose name"
    for k in range(len(parts) - 2, -1, -1):
        if any(part != parts[k] and part.casefold() == parts[k].casefold() for part in written):
            return f"the file is {'/'.join(parts[k:])}, whose folder"
    return f"the file is {parts[-1]}, whose name"


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


def _with_case(url: str, actual: str) -> str | None:
    """``url`` with its path's letters in the case of the file ``actual``, when the two spell
    the same characters from the end (so only case changes)."""
    path_end = min((i for i in (url.find("#"), url.find("?")) if i >= 0), default=len(url))
    path = url[:path_end]
    tail = actual[-len(path.lstrip("./")) :] if path.lstrip("./") else ""
    if not tail or tail.casefold() != path.lstrip("./").casefold():
        return None
    return path[: len(path) - len(tail)] + tail + url[path_end:]


RULE = Rule(
    code="KL106",
    name="broken-link",
    severity=Severity.ERROR,
    summary="A link or image whose file is not in the knowledge base, or is there with other letter case.",
    documentation="""\
## What it does
Resolves every link and image that points inside the knowledge base (relative paths,
root-absolute paths such as `/help/troubleshooting/x.md`, the site's own URLs configured in
`base_urls`) against all of its files, images and attachments included, as a site serves
them: a path may leave out `.md`/`.mdx` or name a folder's `index.md` or `README.md`, a site's
`x.html` is its `x.md`, `/learn/x/` is `learn/x.md` as well as `learn/x/index.md`, and
`/images/x.png` may be in a `public/` or `static/` folder (or the configured `static_roots`);
when the knowledge base has no `images` folder at all, the site serves those files from a
tree kblint was not given, and they are not reported; nor is a relative `../images/x.png`
then, which climbs to where the page's address says (from `/learn/x`, to `/images/x.png`), nor
one a static folder holds there (`public/images/x.png`). An issue's or a pull request's form
(`.github/PULL_REQUEST_TEMPLATE.md`) is shown on the forge's page for the issue: its relative
and root-absolute links lead from that address, not from the file, and are not checked. A
translation's link to a page only the default language has is not broken: sites serve the
default language's page there. A placeholder's path, as a writing guide or a template links
any page (`/path`, `path/to/file.md`), is not checked. On a site whose builder kblint does not
read (not a repository read on GitHub), an address with no file's suffix that names a page by
its name and folders, from the root (`/components/tree` for `components/tree/README.en-US.md`)
or from the page to a sibling's (`tooltip#props` on `src/popover/demos/index.md`, for
`src/tooltip/demos/index.md`), is a route the site's own router serves: not checked. An e-mail address (`<name@example.com>`, `mailto:`) is not a
path. A path that reaches no file is reported at the link (one with a slash after a file's
name, as an unquoted HTML attribute takes the slash of `/>` into `src=/img/a.svg/>`, says
that the file is there and the slash is what breaks it); so is one that reaches a file only
when letter case is ignored, which works on macOS and Windows and breaks on the Linux server
that publishes the site; but where the site builder serves every page at its path in lower
case (an `astro.config.*` or Hugo's configuration at the root or up to three folders above it),
a site address in lower case reaches the file (`/develop/plugins/ipc/` is
`develop/Plugins/IPC.mdx`, a space in a name a hyphen), and an Astro project's or a Docusaurus site's own routes in
`src/pages` serve their addresses (`feed.xml.ts` serves `/feed.xml`). A page that a `.gitignore`
inside the knowledge base lists, or a place the root's names by its path (`packages/docs/api`,
a generated API reference; not a kind of file, as `dist` or `*.log`), is written by the build: a
link to it is not checked; nor is one into a git submodule that is not checked out (`.gitmodules` lists it,
and its folder holds nothing), nor one a Hugo site serves from a mount whose folder is not here
(such a submodule, `tmp/spec` mounted at `/docs/specs/` and filled by a script). On a Hugo site a
relative link is resolved from the page's address first (`x.md` at `x/`); an address a page's
front matter redirects to it (`aliases`, or a `redirects` list's `from`) reaches it; and the
relative links of text the site includes in other pages (an unrendered `_includes/` page) are
not checked, since each page that includes it resolves them from its own address. A page that the redirect maps say has moved is `redirected-link`'s. In an
Obsidian vault (`wiki_links`: a `.obsidian` folder says so), `[[Note]]`, `[[Folder/Note|text]]`
and `![[diagram.png]]` name a note or file anywhere in the vault (its locale's tree) by the
end of its path, in any case, and so may a Markdown link (`[text](Note.md)`); a note's `aliases` in its front matter are
names it may be linked by (`[[AI]]`). On a Docusaurus site (a `docusaurus.config.*`), a page is
served at its front matter's `slug` too (a blog post's under the blog's route:
`slug: launched` is `/blog/launched`), each version of `versions.json` under the docs' route
at its name or its configured `path` (`/docs/v2/`), and a translation's root-absolute address
is its own language's page, in whichever plugin's folder; where the sidebar gives a category a
generated page (`link: {type: 'generated-index'}`), `/docs/category/…` is a page the build
writes. A Mintlify site (a `docs.json` or `mint.json`) writes a page for each operation of the
OpenAPI specifications its navigation names (`"openapi": "en/api/spec.json"`): at the
operation's `x-mint.href`, else at the specification's `directory` (`api-reference`), its tag
and its summary made slugs (`/api-reference/chat-messages/send-a-message`); a link to one
reaches it, and one to an operation the specification lacks is broken. A relative link that is a bare name
no file has is a MyST reference where a page names a target so (`[the format](data-format)` for
`(data-format)=`), or where it is a documented Python object's dotted path
(`[Loader](kbtool.io.loader.Loader)`): Sphinx resolves those, not to files.

## Why it matters
Articles are renamed and images are cleaned up; the links stay and lead readers to a 404 or a
broken picture. The case mismatch is the worst kind: it passes every preview on a writer's
laptop and fails only in production.

## Example
```markdown file=en/help/install.md
# Installing the agent

See [the requirements](/help/requirements.md) and ![the dialog](../assets/Dialog.PNG).
```
```text file=en/assets/dialog.png
(an image)
```
fires twice: no file at `en/help/requirements.md`; `en/assets/dialog.png` differs in case.

## Does not fire
```markdown file=en/help/install.md
# Installing the agent

See [the requirements](requirements) and ![the dialog](../assets/dialog.png).
```
```markdown file=en/help/requirements.md
# Requirements
```
```text file=en/assets/dialog.png
(an image)
```

## Fix
Safe for a case mismatch: the link is rewritten with the file name as it is; unsafe where the
address does not write the file's suffix (`../license` may be a page the site serves as
written, beside a `LICENSE` file). None otherwise: which file was meant is for the writer to
decide.

## Fixed
What `kblint --fix` makes of the example:
```markdown file=en/help/install.md
# Installing the agent

See [the requirements](/help/requirements.md) and ![the dialog](../assets/dialog.png).
```
""",
    fix="safe",
    check_corpus=check_corpus,
)
