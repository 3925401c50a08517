"""``kblint server``: a Language Server Protocol server over standard input and output.

Built on pygls. One ``Session`` per knowledge base (the folder of its configuration, else the
workspace folder) holds the corpus; the server lints the editor's text of each open article
against it, debounced while typing, and answers what an editor asks about references:
definition, hover, document links, completion of ids and anchors, code actions for fixes.

Positions: kblint counts 1-based lines and code points; the protocol counts 0-based lines and
the code units the client negotiated (UTF-16 by default), which pygls's position codec converts.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import ServerTextPosition, ServerTextRange

from kblint import __version__
from kblint.formats.registry import MARKDOWN, format_for, is_article_path, is_export_path
from kblint.model.config import CONFIG_NAMES, ConfigError
from kblint.run.settings import find_config_file
from kblint.corpus.corpus import ARTICLE_KINDS
from kblint.model.finding import Finding, Severity
from kblint.kb.redirects import MAP_NAMES
from kblint.app.server_io import BoundedReader, LineIndexedWorkspace, serve
from kblint.run import memory
from kblint.run.session import Linted, Session

DEBOUNCE_SECONDS = 0.2  # typing pauses shorter than this do not lint
MAX_COMPLETIONS = 200  # more ids than this: the list is marked incomplete and narrows as one types

_SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


class KblintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("kblint", __version__)
        self.sessions: dict[Path, Session] = {}  # by the folder the configuration is looked for from
        self.linted: dict[str, Linted] = {}  # by document URI: what each open article last gave
        self.pending: dict[str, asyncio.Task] = {}  # debounced lints by URI
        self.folders: list[Path] = []  # the workspace folders
        self.docs_folder: Path | None = None  # the private folder the rules' documentation is written to
        self.pages_written: set[str] = set()  # file names of the rule pages written there

    def start_io(self, stdin=None, stdout=None) -> None:
        """Serve over standard input and output, messages read by ``server_io.serve``."""
        from threading import Event

        from pygls.io_ import StdoutWriter

        self._stop_event = Event()
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        try:
            asyncio.run(serve(self._stop_event, BoundedReader(stdin or sys.stdin.buffer, self.thread_pool), self.protocol))
        except BrokenPipeError:
            pass  # the editor went away
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()

    # -- sessions ------------------------------------------------------------------------------
    def session_for(self, path: Path) -> Session | None:
        """The session of the knowledge base ``path`` belongs to (made on first use). A broken
        configuration is shown to the user and lints nothing until it is mended."""
        start = self._start_folder(path)
        session = self.sessions.get(start)
        if session is None:
            alone = start == path
            try:
                with memory.server_load():
                    # An article alone: no corpus is read, no cache written (its folder may be
                    # the home folder, or the root of the file system).
                    session = Session(path.parent, use_cache=False, alone=True) if alone else Session(start)
            except ConfigError as error:
                self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Error, f"kblint: {error}"))
                return None
            self.sessions[start] = session
        return session

    def session_of(self, uri: str) -> Session | None:
        path = _path_of(uri)
        return self.session_for(path) if path is not None else None

    def _start_folder(self, path: Path) -> Path:
        """Where the configuration of the knowledge base of ``path`` is looked for from; for an
        article outside every workspace folder, ``path`` itself: it is linted alone. When the
        editor opened no folder at all, a kblint configuration above an article still makes
        it part of that knowledge base."""
        inside = [f for f in self.folders if path == f or f in path.parents]
        if not inside and self.folders:
            return path
        found = find_config_file(path.parent)
        if found is not None:
            return found.parent
        return max(inside, key=lambda f: len(str(f))) if inside else path

    def reload(self, session: Session) -> None:
        try:
            with memory.server_load():
                session.load()
        except ConfigError as error:
            self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Error, f"kblint: {error}"))

    # -- linting -------------------------------------------------------------------------------
    def lint_now(self, uri: str, publish: bool = True) -> None:
        document = self.workspace.text_documents.get(unquote(uri))
        path = _path_of(uri)
        if document is None or path is None:
            return  # not open in the editor (its text is not the server's to read), or no file
        session = self.session_for(path)
        if session is None or not session.reads_as_article(path):
            return  # an HTML page of a Markdown knowledge base is a page, not an article
        linted = session.lint(path, document.source)
        self.linted[uri] = linted
        for error in linted.errors:  # a bug of kblint's: said in the log, the other findings shown
            self.window_log_message(lsp.LogMessageParams(lsp.MessageType.Error, "kblint: internal error: " + error))
        if publish:
            self.publish(document, linted.findings)

    def publish(self, document: TextDocument, findings: list[Finding]) -> None:
        diagnostics = [self.diagnostic(document, f) for f in findings]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=document.uri, diagnostics=diagnostics, version=document.version)
        )

    def diagnostic(self, document: TextDocument, finding: Finding) -> lsp.Diagnostic:
        href = self.rule_page(finding.name)
        return lsp.Diagnostic(
            range=to_range(document, finding.line, finding.column, finding.end_line, finding.end_column),
            message=finding.message,
            severity=_SEVERITIES[finding.severity],
            code=finding.code,
            code_description=lsp.CodeDescription(href=href) if href else None,
            source=f"kblint {finding.name}",
            data={"name": finding.name},
        )

    def rule_page(self, name: str) -> str | None:
        """A file URI of the rule's documentation, written once into the server's own folder."""
        page = self._rule_page_path(name)
        return from_fs_path(str(page)) if page is not None else None

    def _rule_page_path(self, name: str) -> Path | None:
        rule = next((s.registry.get(name) for s in self.sessions.values() if s.registry.get(name)), None)
        if rule is None or not re.fullmatch(r"[A-Za-z0-9_.-]+", name) or name.startswith("."):
            return None
        from kblint.rules.explain import explain_text

        try:
            page = self._private_docs_folder() / (name + MARKDOWN.suffixes[0])  # a rule page is Markdown
            if page.name not in self.pages_written:
                _write_new_private_file(page, explain_text(rule).encode("utf-8"))
                self.pages_written.add(page.name)
        except OSError:
            return None
        return page

    def _private_docs_folder(self) -> Path:
        """A folder only this process writes to: made by mkdtemp (mode 0700, a fresh name), so
        that no other user of the machine can plant a link or a page of their own in it."""
        if self.docs_folder is None:
            import atexit
            import shutil
            import tempfile

            self.docs_folder = Path(tempfile.mkdtemp(prefix=f"kblint-{__version__}-rules-"))
            atexit.register(shutil.rmtree, self.docs_folder, True)
        return self.docs_folder

    def relint_open(self, session: Session, except_uri: str | None = None) -> None:
        """Lint the other open articles of ``session`` again and publish those whose findings
        changed (a renamed id, a title that no longer matches)."""
        for uri in list(self.linted):
            if uri == except_uri or self.session_of(uri) is not session:
                continue
            before = self.linted[uri].findings
            self.lint_now(uri, publish=False)
            after = self.linted.get(uri)
            if after is not None and _shown(after.findings) != _shown(before):
                self.publish(self.workspace.get_text_document(uri), after.findings)


def _write_new_private_file(path: Path, data: bytes) -> None:
    """Create ``path`` (it must not exist) readable by its owner only, never through a link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _shown(findings: list[Finding]) -> list[tuple]:
    return [(f.line, f.column, f.end_line, f.end_column, f.code, f.severity, f.message) for f in findings]


server = KblintServer()


@server.feature(lsp.INITIALIZE)
def initialize(ls: KblintServer, params: lsp.InitializeParams) -> None:
    uris = [f.uri for f in params.workspace_folders or []] or ([params.root_uri] if params.root_uri else [])
    ls.folders = [path for path in map(_path_of, uris) if path is not None]
    ls.protocol._workspace = LineIndexedWorkspace.replacing(ls.workspace)  # no document is open yet


@server.feature(lsp.INITIALIZED)
def initialized(ls: KblintServer, params: lsp.InitializedParams) -> None:
    """Ask to hear of files changed outside the editor (a checkout, the configuration)."""
    watching = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watching and watching.dynamic_registration:
        # Articles, and what the configuration reads: itself, rule packs, glossaries, redirect maps.
        patterns = ["**/*.md", "**/*.markdown", "**/*.mdx", "**/*.yaml", "**/*.yml", "**/*.csv", "**/*.json", "**/*.toml", "**/_redirects"]
        ls.client_register_capability(
            lsp.RegistrationParams(
                registrations=[
                    lsp.Registration(
                        id="kblint-watch",
                        method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                            watchers=[lsp.FileSystemWatcher(glob_pattern=p) for p in patterns]
                        ),
                    )
                ]
            )
        )


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: KblintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    uri = params.text_document.uri
    if _is_article(uri) and _path_of(uri) is None:
        why = "it holds a NUL character" if "\x00" in (to_fs_path(uri) or "") else "not an absolute path"
        message = f"kblint: {uri[:200]} is not a file's address ({why}): not linted"
        ls.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Error, message))
    elif _is_article(uri):
        ls.lint_now(uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: KblintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    if not _is_article(uri):
        return
    pending = ls.pending.pop(uri, None)
    if pending is not None:
        pending.cancel()

    async def later() -> None:
        await asyncio.sleep(DEBOUNCE_SECONDS)
        ls.pending.pop(uri, None)
        ls.lint_now(uri)

    ls.pending[uri] = asyncio.ensure_future(later())


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: KblintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    path = _path_of(uri)
    if path is None:
        return
    if _is_configuration(path):
        _configuration_changed(ls, path)
        return
    if not _is_article(uri):
        return
    pending = ls.pending.pop(uri, None)
    if pending is not None:
        pending.cancel()
    ls.lint_now(uri)
    session = ls.session_for(path)
    if session is not None:
        ls.relint_open(session, except_uri=uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: KblintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    pending = ls.pending.pop(uri, None)
    if pending is not None:
        pending.cancel()
    if ls.linted.pop(uri, None) is None:
        return
    path = _path_of(uri)
    session = ls.session_for(path) if path is not None else None
    if session is not None:
        session.close(path)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: KblintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    touched: set[int] = set()
    for change in params.changes:
        path = _path_of(change.uri)
        if path is None:
            continue
        if _is_configuration(path) or _read_by_configuration(ls, path):
            _configuration_changed(ls, path)
            continue
        if format_for(path.name) is None:
            continue
        for session in ls.sessions.values():
            if not session.alone and (path == session.config.root or session.config.root in path.parents):
                session.refresh_from_disk(path)
                touched.add(id(session))
    for session in ls.sessions.values():
        if id(session) in touched:
            ls.relint_open(session)


def _configuration_changed(ls: KblintServer, path: Path) -> None:
    """kblint.yaml (or a rule pack) changed: the sessions it governs start over, open
    articles are linted again."""
    for start, session in list(ls.sessions.items()):
        if path.parent == start or start in path.parents or (session.config.file is not None and session.config.file == path):
            ls.reload(session)
            ls.relint_open(session)
    # A configuration that appears where there was none takes over its folder.
    for uri in list(ls.linted):
        path = _path_of(uri)
        if path is not None and ls._start_folder(path) not in ls.sessions:
            ls.lint_now(uri)


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION)
def code_action(ls: KblintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    linted = ls.linted.get(uri)
    if linted is None:
        return []
    document = ls.workspace.get_text_document(uri)
    wanted = params.range
    actions = []
    disabled: set[tuple[str, int]] = set()
    for finding in linted.findings:
        if not _on_lines(finding, wanted.start.line, wanted.end.line):
            continue  # lines count alike in both units: most findings go without converting columns
        found = to_range(document, finding.line, finding.column, finding.end_line, finding.end_column)
        if not _overlaps(found, wanted):
            continue
        diagnostic = ls.diagnostic(document, finding)
        if finding.fix is not None:
            edits = [lsp.TextEdit(to_range(document, e.line, e.column, e.end_line, e.end_column), e.replacement) for e in finding.fix.edits]
            label = finding.fix.description or finding.message
            actions.append(
                lsp.CodeAction(
                    title=f"kblint: {label}" + ("" if finding.fix.safe else f" (unsafe: {finding.fix.reason or 'check the result'})"),
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=finding.fix.safe,
                    edit=lsp.WorkspaceEdit(changes={uri: edits}),
                )
            )
        body_line = linted.document.front.body_line if linted.document is not None else 1
        if finding.line >= body_line and (finding.name, finding.line) not in disabled:
            disabled.add((finding.name, finding.line))
            line_text = document.lines[finding.line - 1] if finding.line - 1 < len(document.lines) else ""
            indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
            newline = line_text[len(line_text.rstrip("\r\n")) :] or "\n"  # the line's own break
            comment = f"{indent}<!-- kblint-disable-next-line {finding.name} -->{newline}"
            at = lsp.Position(finding.line - 1, 0)
            actions.append(
                lsp.CodeAction(
                    title=f"kblint: disable {finding.name} for this line",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(lsp.Range(at, at), comment)]}),
                )
            )
    return actions


@server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
def definition(ls: KblintServer, params: lsp.DefinitionParams) -> lsp.Location | None:
    found = _reference_at(ls, params.text_document.uri, params.position)
    if found is None:
        return None
    session, linted, ref = found
    target = _target_of(session, linted, ref)
    if target is None:
        return None
    line = _anchor_line(ls, session, target, ref.fragment) if ref.fragment else 0
    position = lsp.Position(line, 0)
    return lsp.Location(uri=from_fs_path(str(session.config.root / target)), range=lsp.Range(position, position))


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: KblintServer, params: lsp.HoverParams) -> lsp.Hover | None:
    uri = params.text_document.uri
    parts = []
    found = _reference_at(ls, uri, params.position)
    if found is not None:
        session, linted, ref = found
        target = _target_of(session, linted, ref)
        summary = session.corpus.by_path.get(target) if target else None
        if summary is not None:
            versions = session.corpus.by_id.get(summary.id, {})
            parts.append(
                f"**{summary.id}**: {summary.title or '(no title)'}\n\n"
                f"`{target}`; in {', '.join(sorted(versions)) or summary.locale}"
            )
        elif ref.kind in ARTICLE_KINDS:
            parts.append(f"**{ref.target or ref.url}**: no such article in this knowledge base")
    linted = ls.linted.get(uri)
    if linted is not None:
        document = ls.workspace.get_text_document(uri)
        for finding in linted.findings:
            if _on_lines(finding, params.position.line, params.position.line) and _contains(to_range(document, finding.line, finding.column, finding.end_line, finding.end_column), params.position):
                session = ls.session_of(uri)
                rule = session.registry.get(finding.name) if session is not None else None
                if rule is not None:
                    parts.append(f"**{rule.name}** ({rule.code}): {rule.summary}\n\n{_what_it_does(rule.documentation)}")
    if not parts:
        return None
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))


@server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_LINK)
def document_link(ls: KblintServer, params: lsp.DocumentLinkParams) -> list[lsp.DocumentLink]:
    uri = params.text_document.uri
    linted = ls.linted.get(uri)
    session = ls.session_of(uri)
    if linted is None or linted.summary is None or session is None:
        return []
    document = ls.workspace.get_text_document(uri)
    links = []
    for ref in linted.summary.references:
        if ref.kind not in ARTICLE_KINDS:
            continue
        target = _target_of(session, linted, ref)
        if target is None or target == linted.relpath:
            continue
        span = ref.span
        summary = session.corpus.by_path.get(target)
        links.append(
            lsp.DocumentLink(
                range=to_range(document, span.line, span.column, span.end_line, span.end_column),
                target=from_fs_path(str(session.config.root / target)),
                tooltip=(summary.title if summary is not None and summary.title else target),
            )
        )
    return links


# What is being typed where an id can go: IBKB 33, KB12, or any word (ART-1, for other ids).
_KB_TYPED = re.compile(r"(?<![A-Za-z0-9_])(?:IB)?KB ?([0-9]*)$")
_WORD_TYPED = re.compile(r"(?<![\w-])([A-Za-z][\w-]*)$")
_RELATED_ENTRY = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s*$")
_ANCHOR_TYPED = re.compile(r"\]\(\s*<?([^()\s<>#]*)#([^()\s#]*)$")


@server.feature(
    lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=["B", "#", " "], resolve_provider=False)
)
def completion(ls: KblintServer, params: lsp.CompletionParams) -> lsp.CompletionList | None:
    uri = params.text_document.uri
    session = ls.session_of(uri)
    if session is None:
        return None
    document = ls.workspace.get_text_document(uri)
    position = document.position_from_client_units(params.position)
    line = document.lines[position.line].rstrip("\r\n") if position.line < len(document.lines) else ""
    before = line[: position.character]
    linted = ls.linted.get(uri)
    locale = linted.summary.locale if linted is not None and linted.summary is not None else session.config.source_locale

    anchor = _ANCHOR_TYPED.search(before)
    if anchor is not None:
        return _anchor_completions(session, linted, anchor.group(1), document, position, len(anchor.group(2)))
    kb = _KB_TYPED.search(before)
    if kb is not None:
        # The digits are replaced: what was typed before them (IBKB, KB, KB and a space) stays.
        return _id_completions(session, locale, "KB" + kb.group(1), document, position, len(kb.group(1)), strip="KB")
    if _RELATED_ENTRY.match(before) and linted is not None and _in_related_list(session, linted, position.line + 1):
        return _id_completions(session, locale, "", document, position, 0, related=True)
    word = _WORD_TYPED.search(before)
    if word is not None and len(word.group(1)) >= 2:
        return _id_completions(session, locale, word.group(1), document, position, len(word.group(1)), only_if_any=True)
    return None


def _id_completions(
    session: Session,
    locale: str,
    prefix: str,
    document: TextDocument,
    position: ServerTextPosition,
    replaced: int,
    strip: str = "",
    related: bool = False,
    only_if_any: bool = False,
) -> lsp.CompletionList | None:
    """Article ids that start with ``prefix``, each with its title in the article's language;
    each replaces the ``replaced`` characters before the cursor (with ``strip`` taken off the
    id: the digits after a typed KB). In a related-articles list an item is the whole entry,
    ``KB1234 - Title``."""
    ids = session.ids_starting(prefix)
    if only_if_any and not ids:
        return None
    start = ServerTextPosition(position.line, position.character - replaced)
    where = document.range_to_client_units(ServerTextRange(start, position))
    items = []
    for article_id in ids[:MAX_COMPLETIONS]:
        summary = session.article(article_id, locale)
        title = summary.title if summary is not None and summary.title else ""
        text = article_id[len(strip) :] if strip and article_id.startswith(strip) else article_id
        if related and title:
            text = f"{article_id} - {title}"
        items.append(
            lsp.CompletionItem(
                label=article_id,
                kind=lsp.CompletionItemKind.Reference,
                detail=title or None,
                text_edit=lsp.TextEdit(where, text),
                filter_text=text if not related else article_id,
                sort_text=article_id,
            )
        )
    return lsp.CompletionList(is_incomplete=len(ids) > MAX_COMPLETIONS, items=items)


def _anchor_completions(
    session: Session, linted: Linted | None, url: str, document: TextDocument, position: ServerTextPosition, replaced: int
) -> lsp.CompletionList:
    """The anchors of the article a link points at (this article's for ``(#``)."""
    target = None
    if linted is not None:
        target = linted.relpath if not url else session.resolve_link(linted, url)
    if target is None:
        return lsp.CompletionList(is_incomplete=False, items=[])
    start = ServerTextPosition(position.line, position.character - replaced)
    where = document.range_to_client_units(ServerTextRange(start, position))
    items = [
        lsp.CompletionItem(
            label=anchor,
            kind=lsp.CompletionItemKind.Reference,
            detail=heading.text if heading is not None else None,
            text_edit=lsp.TextEdit(where, anchor),
        )
        for anchor, heading in session.anchors_of(target)
    ]
    return lsp.CompletionList(is_incomplete=False, items=items)


# -- helpers ------------------------------------------------------------------------------------
def to_range(document: TextDocument, line: int, column: int, end_line: int, end_column: int) -> lsp.Range:
    """A finding's place (1-based lines, code points) in the client's units."""
    start = ServerTextPosition(max(line - 1, 0), max(column - 1, 0))
    end = ServerTextPosition(max(end_line - 1, 0), max(end_column - 1, 0))
    if (end.line, end.character) < (start.line, start.character):
        end = start
    return document.range_to_client_units(ServerTextRange(start, end))


def _on_lines(finding: Finding, first: int, last: int) -> bool:
    """Does ``finding`` reach into the 0-based lines ``first`` to ``last``?"""
    return finding.line - 1 <= last and max(finding.end_line, finding.line) - 1 >= first


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    start_a, end_a = (a.start.line, a.start.character), (a.end.line, a.end.character)
    start_b, end_b = (b.start.line, b.start.character), (b.end.line, b.end.character)
    return start_a <= end_b and start_b <= end_a


def _contains(found: lsp.Range, position: lsp.Position) -> bool:
    at = (position.line, position.character)
    return (found.start.line, found.start.character) <= at <= (found.end.line, found.end.character)


def _path_of(uri: str) -> Path | None:
    """The absolute path of a file: URI; None for another scheme, or an address no file can
    have (a NUL character, from %00)."""
    if urlparse(uri).scheme != "file":
        return None
    path = to_fs_path(uri)
    if not path or "\x00" in path or not os.path.isabs(path):
        return None
    return Path(path)


def _is_article(uri: str) -> bool:
    """Could the file at ``uri`` be an article (its session decides for an export's formats)?"""
    if urlparse(uri).scheme != "file":
        return False
    path = unquote(urlparse(uri).path)
    return is_article_path(path) or is_export_path(path)


def _is_configuration(path: Path) -> bool:
    return path.name in CONFIG_NAMES or path.name == "pyproject.toml"


def _read_by_configuration(ls: KblintServer, path: Path) -> bool:
    """Is ``path`` a file a session's configuration reads: a rule pack, the glossary, a
    redirect map (configured, or found by its name)?"""
    if path.name in MAP_NAMES:
        return True
    for session in ls.sessions.values():
        config = session.config
        read = [Path(p) for p in config.packs] + list(config.redirects) + ([config.glossary_file] if config.glossary_file else [])
        if any(path == (p if p.is_absolute() else config.root / p).resolve() for p in read):
            return True
    return False


def _reference_at(ls: KblintServer, uri: str, position: lsp.Position):
    """(session, linted, reference) of the reference under the cursor, if any."""
    linted = ls.linted.get(uri)
    if linted is None or linted.summary is None:
        return None
    session = ls.session_of(uri)
    if session is None:
        return None
    document = ls.workspace.get_text_document(uri)
    for ref in linted.summary.references:
        span = ref.span
        if _contains(to_range(document, span.line, span.column, span.end_line, span.end_column), position):
            return session, linted, ref
    return None


def _target_of(session: Session, linted: Linted, ref) -> str | None:
    """The path of the article (or file) a reference reaches."""
    if ref.kind == "anchor":
        return linted.relpath
    if ref.resolved is not None:
        return ref.resolved
    if ref.target is not None:
        summary = session.article(ref.target, linted.summary.locale if linted.summary is not None else session.config.source_locale)
        return summary.relpath if summary is not None else None
    return None


def _anchor_line(ls: KblintServer, session: Session, target: str, fragment: str) -> int:
    """The 0-based line of the heading ``fragment`` names in ``target`` (0 when none does)."""
    for anchor, heading in session.anchors_of(target):
        if anchor == fragment and heading is not None:
            return heading.line - 1
    return 0


def _in_related_list(session: Session, linted: Linted, line: int) -> bool:
    """Is ``line`` (1-based) in a list under a related-articles heading?"""
    if linted.document is None:
        return False
    from kblint.kb.references import _is_related_heading

    above = [h for h in linted.document.body.headings if h.line < line]
    return bool(above) and _is_related_heading(above[-1].text, session.config)


def _what_it_does(documentation: str) -> str:
    section = documentation.split("## What it does", 1)[-1]
    return section.split("\n## ", 1)[0].strip()


def main(argv: list[str] | None = None) -> int:
    """Serve over standard input and output until the client says exit."""
    server.start_io()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
