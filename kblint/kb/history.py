"""Git history of the knowledge base, read with one batched ``git log`` call."""

from __future__ import annotations

import heapq
import os
import re
import stat
import weakref
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess


class History:
    """The history ``git log --format=%x00%H %ct %s --name-only`` printed: commits newest
    first (``commits``: (sha, commit time); ``subjects``: each one's first line) and for each
    file, relative to the knowledge base root, the indexes of the commits that touched it,
    newest first (``by_file.get``). Read as it is asked: a run of one file asks of the commits
    of two or three files, not of the 30,000 of a long history, whose whole reading was a
    fifth of such a run; from the ninth file asked of on, every file is indexed at once."""

    def __init__(self, text: str = "") -> None:
        self._text = text if not text or text.endswith("\n") else text + "\n"  # every name ends a line
        self._starts = [m.start() for m in _RECORD.finditer(self._text)]
        self._headers: dict[int, tuple[tuple[str, int], str]] = {}
        self._asked: dict[str, list[int]] = {}
        self._files: dict[str, list[int]] | None = None
        self._holding: dict[tuple[str, ...], SubjectsHolding] = {}
        self.commits = _Column(self, 0)
        self.subjects = _Column(self, 1)
        self.by_file = _Files(self)
        self.root: str | None = None  # the work tree git is asked in for a file's old text
        self._texts: dict[tuple[int, str], str | None] = {}
        self._blob_reader: _Blobs | None = None

    def header(self, index: int) -> tuple[tuple[str, int], str]:
        """((sha, commit time), subject) of the commit at ``index``."""
        found = self._headers.get(index)
        if found is None:
            start = self._starts[index] + 1
            end = self._text.find("\n", start, self._record_end(index))
            line = self._text[start : end if end >= 0 else self._record_end(index)]
            sha, _, rest = line.partition(" ")
            when, _, subject = rest.partition(" ")
            found = self._headers[index] = ((sha, int(when) if when.isdigit() else 0), subject.strip())
        return found

    def _record_end(self, index: int) -> int:
        return self._starts[index + 1] if index + 1 < len(self._starts) else len(self._text)

    def files_of(self, path: str) -> list[int] | None:
        """The indexes of the commits that touched ``path``, newest first; None for none."""
        if self._files is None and path not in self._asked and len(self._asked) >= _ASKED_BEFORE_INDEXING:
            self._files = self._every_file()
        if self._files is not None:
            return self._files.get(path)
        found = self._asked.get(path)
        if found is None:
            found = self._asked[path] = self._commits_naming(path)
        return found or None

    def _commits_naming(self, path: str) -> list[int]:
        """The commits whose names hold ``path`` as a line of its own: the text searched, in C."""
        if not path or "\n" in path:
            return []
        needle, text, starts, found = f"\n{path}\n", self._text, self._starts, []
        at = text.find(needle)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            if index >= 0:
                found.append(index)
            at = text.find(needle, at + 1)
        return found

    def _every_file(self) -> dict[str, list[int]]:
        files: dict[str, list[int]] = {}
        for index in range(len(self._starts)):
            for name in self.names_in(index):
                files.setdefault(name, []).append(index)
        return files

    def names_in(self, index: int) -> list[str]:
        """The files the commit at ``index`` touched (added, changed or deleted)."""
        text, end = self._text, self._record_end(index)
        names_at = text.find("\n", self._starts[index], end)
        return [name for name in text[names_at + 1 : end].split("\n") if name] if names_at >= 0 else []

    def subjects_holding(self, words: tuple[str, ...]) -> "SubjectsHolding":
        """The indexes of the commits whose subject holds one of ``words`` (case aside)."""
        found = self._holding.get(words)
        if found is None:
            found = self._holding[words] = SubjectsHolding(self.subjects, tuple(word.casefold() for word in words))
        return found

    def index_of(self, sha: str) -> int | None:
        """The index of the commit ``sha`` names: the whole of it, or 7 characters or more of
        its start (the newest such commit)."""
        sha = sha.strip().lower()
        if not sha or any(c in sha for c in "\x00\n "):
            return None
        at = self._text.find("\x00" + sha)
        while at >= 0:
            whole = self._text.startswith(" ", at + 1 + len(sha))
            if whole or len(sha) >= 7:
                index = bisect_right(self._starts, at) - 1
                return index if index >= 0 else None
            at = self._text.find("\x00" + sha, at + 1)
        return None

    def text_at(self, index: int, path: str) -> str | None:
        """The text of the file ``path`` (relative to the knowledge base root) as the commit at
        ``index`` left it; None where git cannot tell (no such file then, no work tree). One
        ``git cat-file --batch`` a process answers every such question."""
        key = (index, path)
        if key not in self._texts:
            self._texts[key] = self._blobs().read(f"{self.commits[index][0]}:./{path}") if self.root else None
        return self._texts[key]

    def text_before(self, index: int, path: str) -> str | None:
        """The text of the file ``path`` as the first parent of the commit at ``index`` left it
        (None where it had no such file)."""
        key = (-1 - index, path)  # (kept apart from text_at's keys)
        if key not in self._texts:
            self._texts[key] = self._blobs().read(f"{self.commits[index][0]}^:./{path}") if self.root else None
        return self._texts[key]

    def _blobs(self) -> "_Blobs":
        if self._blob_reader is None or self._blob_reader.owner != os.getpid():
            self._blob_reader = _Blobs(self.root or ".")
        return self._blob_reader

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_blob_reader": None}  # a process of its own where it goes

    def describe(self, index: int) -> str:
        """A commit as a reader recognizes it: its date and subject."""
        import datetime

        when = datetime.datetime.fromtimestamp(self.commits[index][1], datetime.timezone.utc).date().isoformat()
        subject = self.subjects[index] if index < len(self.subjects) else ""
        return f"{when}: {subject}" if subject else when


class _Blobs:
    """A ``git cat-file --batch`` of one process, started when first asked: the text of an
    object a revision and a path name (``<sha>:./<path>``)."""

    _LIMIT = 4 << 20  # bigger files are no article

    def __init__(self, root: str) -> None:
        import subprocess

        self.owner = os.getpid()
        try:
            self.process: "subprocess.Popen | None" = subprocess.Popen(
                ["git", "-C", root, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
        except (OSError, ValueError):
            self.process = None
        if self.process is not None:
            weakref.finalize(self, _stop, self.process, self.owner)

    def read(self, name: str) -> str | None:
        process = self.process
        if process is None or process.stdin is None or process.stdout is None or "\n" in name:
            return None
        try:
            process.stdin.write(name.encode("utf-8") + b"\n")
            process.stdin.flush()
            header = process.stdout.readline().split()
            if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
                return None  # "<name> missing", or another kind of object
            size = int(header[2])
            data = process.stdout.read(size + 1)[:size]
        except (OSError, ValueError):
            self.process = None
            return None
        return data.decode("utf-8", "replace") if size <= self._LIMIT else None


_RECORD = re.compile("\x00")
_ASKED_BEFORE_INDEXING = 8  # files asked of one by one (a search of the text each)


class _Column(Sequence):
    """The commits (0) or their subjects (1), each read when first asked for."""

    def __init__(self, history: History, part: int) -> None:
        self.history, self.part = history, part

    def __len__(self) -> int:
        return len(self.history._starts)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.history.header(index)[self.part]


class _Files:
    """``History.by_file``: ``get(path, default)``, as a mapping of the files to their commits."""

    def __init__(self, history: History) -> None:
        self.history = history

    def get(self, path: str, default=None):
        found = self.history.files_of(path)
        return default if found is None else found


class SubjectsHolding:
    """``index in it``: does the subject of the commit at ``index`` hold one of the words (case
    aside)? Each subject is read when first asked of: a run of one file asks of the few commits
    of two files, not of the 30,000 of a long history."""

    def __init__(self, subjects: Sequence[str], folded: tuple[str, ...]) -> None:
        self.subjects, self.folded = subjects, folded
        self.known: dict[int, bool] = {}

    def __contains__(self, index: object) -> bool:
        found = self.known.get(index)  # type: ignore[call-overload]
        if found is None:
            inside = isinstance(index, int) and 0 <= index < len(self.subjects)
            subject = self.subjects[index].casefold() if inside else ""  # type: ignore[index]
            found = self.known[index] = any(_holds(subject, word) for word in self.folded)  # type: ignore[index]
        return found


def _holds(subject: str, word: str) -> bool:
    """Does ``subject`` hold ``word``? A word of letters alone as a word, or its plural
    ("typo" in "Fix typos", not in "typography"); any other text anywhere ("[skip l10n]")."""
    if not word.isalpha():
        return word in subject
    at = subject.find(word)
    while at >= 0:
        after = subject[at + len(word) : at + len(word) + 2]
        if (at == 0 or not subject[at - 1].isalpha()) and (not after[:1].isalpha() or (after[:1] == "s" and not after[1:2].isalpha())):
            return True
        at = subject.find(word, at + 1)
    return False


class PendingHistory:
    """A ``git log`` started in the background: a cold run starts it before parsing and reads
    it when the corpus rules need it, so that git's work (seconds on a long history) overlaps
    the parsing instead of following it. Its output goes to an unnamed temporary file, not a
    pipe: nothing reads it until the end, and a full pipe would stop git.

    ``known`` is a log an earlier run kept: (the commit it ends at, its text). When that commit
    is HEAD, git is not asked at all: the runs of a pre-commit hook between two commits read
    seconds of ``git log`` on a long history once, not once each. At the top of a work tree the
    log is kept as git's commits (see simplified_log), and after a new commit git is asked for
    the commits since the kept one only: the walk over all of them gives the whole log, in
    git's order. (In a folder of a repository, git is asked for the whole log again.)"""

    def __init__(self, root: Path, known: tuple[str, str] | None = None, head: str | None = None, known_text: tuple[str, str] | None = None) -> None:
        """``head``: the commit HEAD points at, when the caller asked git already;
        ``known_text``: the log's text an earlier run made from the kept commits (the commit
        it ends at, the text), which spares making it again (a third of a second on a
        history of 30,000 commits, most of a run of one file)."""
        self.root = str(root)
        self.head = head_token(root) if head is None else head
        # At the top of a work tree the pathspec "." names every file, and costs git a second
        # comparison of every commit with its parents (tldr's 23,000 commits: 3.5 s of CPU
        # against 2.1 s): the log is asked for without it, and walked as git would.
        self._whole = _top_of_work_tree(root)
        commits = known is not None and _holds_commits(known[1])  # else the log's text (kept by a folder's run)
        self._commits = known[1] if known is not None and commits and self._whole else None  # git's commits, kept
        # The kept log is HEAD's, in a form this run reads.
        self.known = known is not None and bool(self.head) and known[0] == self.head and (self._whole or not commits)
        self._text: str | None = known[1] if known is not None and self.known and self._commits is None else None
        self._process: "subprocess.Popen | None" = None
        self._history: History | None = None
        self._since: str | None = None  # the kept commit git was asked for the commits since
        self._records: "tuple[str | None, dict] | None" = None  # (self._commits, them read)
        self.made_text = False  # the text was made from the commits by this run (see text_kept)
        if self.known and self._commits is not None and known_text is not None and known_text[0] == self.head:
            self._text = known_text[1]
        if not self.known:
            since = known[0] if self._commits is not None and known is not None and known[0] and self.head else None
            self._start(root, since)

    def _start(self, root: Path | str, since: str | None) -> None:
        import subprocess
        import tempfile

        self._output = tempfile.TemporaryFile()
        self._since = since
        revisions = [self.head or "HEAD", *([f"^{since}"] if since else [])]  # the commit named: the log ends at it
        where = ["--format=%x00%H %ct %T %P%x01%s"] if self._whole else ["--format=%x00%H %ct %s", "--relative"]
        try:
            self._process = subprocess.Popen(
                ["git", "-c", "core.quotePath=false", "-C", str(root), "log", *where, "--name-only", "--no-renames", *revisions, *([] if self._whole else ["--", "."])],
                stdout=self._output,
                stderr=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.SubprocessError):
            self._output.close()
            return
        # A log no one takes (a session whose corpus never read it) must not outlive kblint.
        weakref.finalize(self, _stop, self._process, os.getpid())

    def log(self, timeout: float = 120) -> tuple[str, str] | None:
        """(the commit the log ends at, the log's text), once git is done; None when it failed
        or this is not a git work tree."""
        if self._process is not None:
            self._take_printed(timeout)
        if self._text is None and self._commits is not None and self.head and self.head not in self._parsed():
            self._start(self.root, None)  # kept commits that do not hold HEAD (a damaged cache): all again
            self._take_printed(timeout)
        if self._text is None and self._commits is not None and self.head:
            self._text = _as_text_mode(_simplified(self._parsed(), self.head))
            self.made_text = True
        return (self.head, self._text) if self._text is not None else None

    def _take_printed(self, timeout: float) -> None:
        printed = self._printed(timeout)
        if printed is None and self._since is not None:  # the kept commit is gone (a rebase, then gc): all again
            self._start(self.root, None)
            printed = self._printed(timeout)
        if printed is None:
            self._commits = None
        elif self._whole:
            self._commits = printed + self._commits if self._since is not None and self._commits else printed
        else:
            self._text = _as_text_mode(printed)

    def text_kept(self) -> tuple[str, str] | None:
        """What a cache keeps of the text this run made from the kept commits, for the next
        run at the same commit (see ``known_text``); None when it made none."""
        return (self.head, self._text) if self.made_text and self._text is not None else None

    def kept(self) -> tuple[str, str] | None:
        """What a cache keeps of the log (see ``known``): (HEAD, git's commits reachable from it)
        at the top of a work tree, else (HEAD, the log's text)."""
        log = self.log()
        if log is None:
            return None
        return (self.head, _reachable(self._parsed(), self.head)) if self._commits is not None else log

    def _parsed(self) -> "dict[str, tuple[int, str, list[str], str, str]]":
        """The kept commits, read once (the log and what a cache keeps are both made from them)."""
        if self._records is None or self._records[0] is not self._commits:
            self._records = (self._commits, _commits(self._commits or ""))
        return self._records[1]

    def _printed(self, timeout: float) -> str | None:
        """What git printed, once it is done (None when it failed or was not asked)."""
        process, self._process = self._process, None
        if process is None:
            return None
        import subprocess

        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            code = -1
        with self._output:
            if code != 0:
                return None
            self._output.seek(0)
            return self._output.read().decode("utf-8", "replace")

    def result(self, timeout: float = 120) -> History | None:
        """The history, once git is done (None when it failed or is not a git work tree)."""
        if self._history is None:
            log = self.log(timeout)
            self._history = parse_log(log[1]) if log is not None else None
            if self._history is not None:
                self._history.root = self.root
        return self._history

    def cancel(self) -> None:
        """Stop git when the history is not needed after all (a run the cache served)."""
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.wait()
            self._output.close()


def _stop(process: "subprocess.Popen", owner: int) -> None:
    """Stop git if it still runs, from the process that started it only (not a forked worker)."""
    if os.getpid() == owner and process.poll() is None:
        process.kill()
        process.wait()


def _top_of_work_tree(root: Path) -> bool:
    """Is ``root`` the top of its git work tree (where git finds it the usual way)?"""
    if any(name in os.environ for name in _GIT_LOCATION):
        return False
    return os.path.lexists(os.path.join(root, ".git"))


# The empty tree, in SHA-1 and SHA-256 repositories: a first commit of nothing changes no path.
_EMPTY_TREES = frozenset({"4b825dc642cb6eb9a060e54bf8d69288fbee4904", "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321"})


def _as_text_mode(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as text mode reads git's output


def _holds_commits(text: str) -> bool:
    """Is ``text`` git's commits with their trees and parents (%H %ct %T %P%x01%s)?"""
    end = text.find("\n")
    fields, mark, _ = (text if end < 0 else text[:end]).partition("\x01")
    tokens = fields[1:].split()
    return text.startswith("\x00") and bool(mark) and len(tokens) >= 3 and all(_COMMIT.fullmatch(t) for t in tokens[:1] + tokens[2:])


def _commits(text: str) -> dict[str, tuple[int, str, list[str], str, str]]:
    """sha -> (commit time, tree, parents, the record as the pathspec log prints it, the record)
    of each commit of ``git log --format=%x00%H %ct %T %P%x01%s --name-only``."""
    records = {}
    for record in text.split("\x00")[1:]:
        end = record.find("\n")
        header, names = (record, "") if end < 0 else (record[:end], record[end:])
        fields, _, subject = header.partition("\x01")
        tokens = fields.split()
        if len(tokens) < 3 or not tokens[1].isdigit():
            continue  # not git's: a damaged cache row
        sha, when, tree, *parents = tokens
        records[sha] = (int(when), tree, parents, f"\x00{sha} {when} {subject}{names}", "\x00" + record)
    return records


def simplified_log(text: str, start: str | None = None) -> str:
    """What ``git log --format=%x00%H %ct %s --name-only -- .`` prints at the top of a work tree
    from ``start`` (the first commit of ``text`` when None), from what ``git log
    --format=%x00%H %ct %T %P%x01%s --name-only`` printed there: git's default history
    simplification, replayed. Its walk takes the newest commit first (by commit date, the
    first seen among equal dates); a commit whose tree is a parent's changes nothing: it is
    left out, and only that parent is followed (a merge that kept one side drops the other);
    so is a first commit of the empty tree. The order of ``text``'s commits does not matter."""
    return _simplified(_commits(text), start)


def _simplified(records: "dict[str, tuple[int, str, list[str], str, str]]", start: str | None) -> str:
    start = next(iter(records), None) if start is None else start
    if start not in records:
        return ""
    queue, seen, kept = [(-records[start][0], 0, start)], {start}, []
    while queue:
        sha = heapq.heappop(queue)[2]
        _, tree, parents, shown, _ = records[sha]
        same = next((p for p in parents if p in records and records[p][1] == tree), None)
        for parent in parents if same is None else [same]:
            if parent in records and parent not in seen:
                seen.add(parent)
                heapq.heappush(queue, (-records[parent][0], len(seen), parent))
        if same is None and (parents or tree not in _EMPTY_TREES):
            kept.append(shown)
    return "".join(kept)


def reachable_commits(text: str, start: str) -> str:
    """The commits of ``text`` (as simplified_log reads them) that ``start`` reaches, in order."""
    return _reachable(_commits(text), start)


def _reachable(records: "dict[str, tuple[int, str, list[str], str, str]]", start: str) -> str:
    reached, stack = set(), [start]
    while stack:
        sha = stack.pop()
        if sha in records and sha not in reached:
            reached.add(sha)
            stack.extend(records[sha][2])
    return "".join(record[4] for sha, record in records.items() if sha in reached)


def parse_log(text: str) -> History:
    """The history ``git log --format=%x00%H %ct %s --name-only`` printed."""
    return History(text)


def head_token(root: Path) -> str:
    """What identifies the current history cheaply: the commit HEAD points at ("" where there
    is none). Read from the repository's files where they say it plainly, else asked of git:
    a run of one file should not start a program to learn it."""
    found = head_from_files(root)
    if found is not None:
        return found
    import subprocess

    try:
        result = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
# Environment variables that change which repository git finds, or how it reads references.
_GIT_LOCATION = (
    "GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM",
    "GIT_NAMESPACE", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
)  # fmt: skip


def head_from_files(root: Path) -> str | None:
    """The commit HEAD points at in the repository holding ``root``, read from its files as
    git resolves it: "" when no folder from ``root`` up holds a ``.git``; None when it takes
    git to say (git settings in the environment, a ``.git`` file of a worktree or submodule,
    a reference table, a symbolic reference that is neither a file nor packed)."""
    if any(name in os.environ for name in _GIT_LOCATION):
        return None
    try:
        folder = root.resolve()
    except OSError:
        return None
    for candidate in (folder, *folder.parents):
        try:
            mode = os.stat(candidate / ".git").st_mode
        except FileNotFoundError:
            continue
        except OSError:
            return None
        return _resolved_head(candidate / ".git") if stat.S_ISDIR(mode) else None
    return ""


def _resolved_head(git_dir: Path) -> str | None:
    try:
        if (git_dir / "reftable").exists() or (git_dir / "commondir").exists():
            return None
        head = (git_dir / "HEAD").read_text("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if _COMMIT.fullmatch(head):
        return head  # detached
    reference = head[len("ref: ") :] if head.startswith("ref: ") else ""
    if not reference.startswith("refs/") or ".." in reference.split("/"):
        return None
    try:
        value = (git_dir / reference).read_text("utf-8").strip()
        return value if _COMMIT.fullmatch(value) else None
    except FileNotFoundError:
        pass
    except (OSError, UnicodeDecodeError):
        return None
    try:
        packed = (git_dir / "packed-refs").read_text("utf-8").splitlines()
    except FileNotFoundError:
        return None  # a branch with no commit yet: git says there is no HEAD
    except (OSError, UnicodeDecodeError):
        return None
    for line in packed:
        commit, _, name = line.partition(" ")
        if name == reference and _COMMIT.fullmatch(commit):
            return commit
    return None
