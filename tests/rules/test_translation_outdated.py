"""translation-outdated: source_commit first, then git history, then updated dates."""

import subprocess

import pytest

from helpers import article


def git(kb, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(kb.root), *args], check=True, capture_output=True, text=True,
        env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
             "GIT_COMMITTER_EMAIL": "t@example.com", "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(kb.root)},
    ).stdout.strip()


def commit(kb, message: str) -> str:
    git(kb, "add", "-A")
    git(kb, "commit", "-q", "-m", message)
    return git(kb, "rev-parse", "HEAD")


def assert_ahead_only_after(repo, change, commits: str = "1 commit") -> None:
    """No translation-outdated finding as the repository is; after ``change()``, committed,
    one that counts ``commits`` (that one, and the changes in form before it)."""
    assert repo.lint("translation-outdated") == []
    change()
    commit(repo, "source changed")
    (finding,) = repo.lint("translation-outdated")
    assert f"changed after this translation: {commits}" in finding.message


@pytest.fixture
def repo(kb):
    git(kb, "init", "-q")
    return kb


def test_source_commit_behind(repo):
    repo.add("KB1", "en", "T", "One.\n")
    first = commit(repo, "source")
    repo.write("zh-Hant/KB1.md", f"---\nid: KB1\nlang: zh-Hant\ntitle: T\nsource_commit: {first}\n---\n一。\n")
    commit(repo, "translation")
    assert repo.lint("translation-outdated") == []
    repo.add("KB1", "en", "T", "One, changed.\n")
    commit(repo, "change 1")
    repo.add("KB1", "en", "T", "One, changed again.\n")
    commit(repo, "change 2")
    (finding,) = repo.lint("translation-outdated")
    assert (finding.path, finding.line, finding.column) == ("zh-Hant/KB1.md", 5, 1)  # the revision's line
    assert finding.message.startswith(f"the source (en KB1) changed in 2 commits since this translation's source revision {first[:10]} (last ")
    assert finding.message.endswith(": change 2): update the translation and its revision")


def test_unknown_source_commit(repo):
    repo.add("KB1", "en", "T", "One.\n")
    repo.write("zh-Hant/KB1.md", "---\nid: KB1\nlang: zh-Hant\ntitle: T\nsource_commit: deadbeefcafe\n---\n一。\n")
    commit(repo, "both")
    (finding,) = repo.lint("translation-outdated")
    assert "not in the history" in finding.message and finding.line == 5


def test_git_history_without_source_commit(repo):
    repo.add("KB1", "zh-Hant", "T", "一。\n")
    repo.add("KB1", "en", "T", "One.\n")
    commit(repo, "both")
    assert repo.lint("translation-outdated") == []
    repo.add("KB1", "en", "T", "One, changed.\n")
    commit(repo, "source changed")
    (finding,) = repo.lint("translation-outdated")
    assert "changed after this translation: 1 commit" in finding.message


def test_a_translation_that_copies_the_current_source_is_not_behind_it(repo):
    """A generated reference copied into the translation, whose source changed and changed
    back: it holds the source as it is now, and is untranslated, not behind; a translation
    whose source changed is behind."""
    old = "Delete a definition from the cluster.\n\nUse the flags below to pick the namespace.\n"
    repo.add("KB1", "en", "T", old)
    repo.add("KB1", "zh-Hant", "T", "從叢集刪除定義。\n\n使用下列旗標選擇命名空間。\n")
    repo.add("KB2", "en", "T", old)
    repo.add("KB2", "zh-Hant", "T", old)
    commit(repo, "both")
    new = old.replace("pick the namespace", "pick the namespace and the cluster")
    repo.add("KB1", "en", "T", new)
    repo.add("KB2", "en", "T", new)
    commit(repo, "sources changed")
    assert [f.path for f in repo.lint("translation-outdated")] == ["zh-Hant/KB1.md", "zh-Hant/KB2.md"]
    repo.add("KB2", "en", "T", old)
    commit(repo, "revert the change of KB2")
    assert [f.path for f in repo.lint("translation-outdated")] == ["zh-Hant/KB1.md"]


def test_a_source_written_after_its_translation_is_not_ahead_of_it_by_its_making(repo):
    """Written in Chinese first and put into English later: the English page's first commit is
    no change the Chinese one lacks; an edit after it is."""
    repo.add("KB1", "zh-Hant", "T", "一。\n")
    commit(repo, "a page in Chinese")
    repo.add("KB1", "en", "T", "One.\n")
    commit(repo, "the page in English")
    assert_ahead_only_after(repo, lambda: repo.add("KB1", "en", "T", "One, changed.\n"))


def test_a_change_made_first_in_the_translation_is_no_change_it_lacks(repo):
    """A site written first in Chinese changes its Chinese page first ("zh: add the backup
    steps"), then its English one with the same subject: the English follows; a change of the
    English alone, after it, is one the Chinese lacks."""
    repo.add("KB1", "en", "T", "Install it.\n")
    repo.add("KB1", "zh-Hant", "T", "安裝它。\n")
    commit(repo, "both pages")
    repo.add("KB1", "zh-Hant", "T", "安裝它。備份它。\n")
    commit(repo, "zh: add the backup steps")
    repo.add("KB1", "en", "T", "Install it. Back it up.\n")
    commit(repo, "add the backup steps")
    assert_ahead_only_after(repo, lambda: repo.add("KB1", "en", "T", "Install it. Back it up daily.\n"))


def move_the_guide_to_mdx(repo, text: str) -> None:
    """Both languages' guide committed, then the English one moved to guide.mdx holding ``text``."""
    repo.write("en/guide.md", "# Guide\n\nOne.\n")
    repo.write("zh-Hant/guide.md", "# 指南\n\n一。\n")
    commit(repo, "both")
    (repo.root / "en" / "guide.md").unlink()
    repo.write("en/guide.mdx", text)
    commit(repo, "guide in MDX")


def test_a_source_moved_after_its_translation_is_ahead_of_it_by_the_move(repo):
    """A move (x.md made x.mdx, edited on the way) is no making: its edits count."""
    move_the_guide_to_mdx(repo, "# Guide\n\nOne, and more.\n")
    (finding,) = repo.lint("translation-outdated")
    assert "changed after this translation: 1 commit" in finding.message


def test_a_source_moved_without_an_edit_is_not_ahead_of_its_translation(repo):
    """A rename that changes no word (x.md made x.mdx as it was) is no change; an edit after
    it is."""
    move_the_guide_to_mdx(repo, "# Guide\n\nOne.\n")
    assert_ahead_only_after(repo, lambda: repo.write("en/guide.mdx", "# Guide\n\nOne, and more.\n"))


def test_updated_dates_outside_git(kb):
    kb.write("en/KB1.md", article("KB1", "en", "T", "One.\n").replace("title: T\n", "title: T\nupdated: 2026-05-10\n"))
    kb.write("zh-Hant/KB1.md", article("KB1", "zh-Hant", "T", "一。\n").replace("title: T\n", "title: T\nupdated: 2026-05-01\n"))
    kb.write("zh-Hans/KB1.md", article("KB1", "zh-Hans", "T", "一。\n").replace("title: T\n", "title: T\nupdated: 2026-05-11\n"))
    (finding,) = kb.lint("translation-outdated")
    assert finding.path == "zh-Hant/KB1.md" and "9 days after" in finding.message


def test_configured_keys_and_a_source_repository_of_its_own(tmp_path):
    """Experience League keeps each language in a repository of its own; the translation
    records the source's revision in `source-git-commit`, or under an l10n mapping."""
    from helpers import KB

    (tmp_path / "kb" / "en").mkdir(parents=True)
    sources = KB(tmp_path / "kb")
    (tmp_path / "kb" / "kblint.yaml").write_text("source_locale: en\nsource_repo: en\nsource_commit_keys: [l10n.sourceCommit]\n", "utf-8")
    source_repo = KB.__new__(KB)
    source_repo.root = tmp_path / "kb" / "en"
    git(source_repo, "init", "-q")
    sources.add("KB1", "en", "T", "One.\n")
    first = commit(source_repo, "source")
    sources.write("zh-Hant/KB1.md", f"---\nid: KB1\nlang: zh-Hant\ntitle: T\nl10n:\n  sourceCommit: {first}\n---\n一。\n")
    assert sources.lint("translation-outdated") == []
    sources.add("KB1", "en", "T", "One, changed.\n")
    commit(source_repo, "Fix the first step")
    (finding,) = sources.lint("translation-outdated")
    assert "changed in 1 commit since this translation's source revision" in finding.message
    assert finding.message.endswith(": Fix the first step): update the translation and its revision")


def test_the_log_of_a_commit_is_read_from_git_once(repo, monkeypatch, tmp_path):
    """Runs between two commits (a pre-commit hook's) take the log the cache kept for HEAD; a new
    commit is read from git again."""
    from kblint.kb import history
    from kblint.run.engine import run
    from kblint.run.settings import load_config
    from kblint.rules.registry import Registry, builtin_rules
    from kblint.store.cache import Cache, settings_key

    repo.add("KB1", "en", "T", "One.\n")
    repo.add("KB1", "zh-Hant", "T", "一。\n")
    commit(repo, "both")
    repo.add("KB1", "en", "T", "One, changed.\n")
    commit(repo, "source changed")
    config = load_config(repo.root / "kblint.yaml", repo.root)
    rules = Registry(builtin_rules()).select(["translation-outdated"], [])
    logs = []
    started = history.PendingHistory.__init__

    def counted(self, root, *args):
        started(self, root, *args)
        logs.append(self._process is not None)  # git log started, not taken from the cache

    monkeypatch.setattr(history.PendingHistory, "__init__", counted)

    def lint(paths):
        cache = Cache(tmp_path / "cache", settings_key(config, rules))
        return [f.message for f in run([repo.root / p for p in paths], config, rules, cache=cache).findings]

    first = lint(["."])
    assert len(first) == 1 and "changed after this translation" in first[0]
    repo.add("KB1", "zh-Hant", "T", "一，改了。\n")  # an edit not committed yet: the corpus rules run again
    assert lint(["zh-Hant/KB1.md"]) == first and logs == [True, False]
    commit(repo, "translation changed")
    assert lint(["."]) == [] and logs == [True, False, True]


def _git_logs_and_corpus(monkeypatch) -> list[str]:
    """Events of a run, in order: "git" when a git log is started (not taken from a cache),
    "corpus" when the corpus rules' corpus is complete."""
    from kblint.kb import history
    from kblint.run import engine

    events: list[str] = []
    started, completed = history.PendingHistory.__init__, engine._complete_facts

    def counted(self, root, *args):
        started(self, root, *args)
        if self._process is not None:
            events.append("git")

    def complete(collected, corpus):
        events.append("corpus")
        completed(collected, corpus)

    monkeypatch.setattr(history.PendingHistory, "__init__", counted)
    monkeypatch.setattr(engine, "_complete_facts", complete)
    return events


def test_a_knowledge_base_in_one_language_never_asks_git_for_its_log(repo, monkeypatch):
    events = _git_logs_and_corpus(monkeypatch)
    repo.add("KB1", "en", "T", "One.\n")
    repo.add("KB2", "en", "U", "Two.\n")
    commit(repo, "two articles")
    repo.add("KB1", "en", "T", "One, changed.\n")
    commit(repo, "one changed")
    assert repo.lint() == [] and events == ["corpus"]


@pytest.mark.parametrize("workers", [1, 2])
def test_locales_only_front_matter_names_start_the_log_with_the_first_translation(repo, monkeypatch, workers):
    """The paths name no locale here: the run cannot know that a pair exists until it has read a
    translation, and starts git then, while it lints the rest, not after."""
    from kblint.run.engine import run
    from kblint.run.settings import load_config
    from kblint.rules.registry import Registry, builtin_rules

    events = _git_logs_and_corpus(monkeypatch)
    repo.write("articles/vault.md", article("KB1", "en", "T", "One.\n"))
    repo.write("articles/vault-tw.md", article("KB1", "zh-Hant", "T", "一。\n"))
    for n in range(3):
        repo.write(f"articles/other{n}.md", article(f"KB{n + 2}", "en", "O", "Other.\n"))
    commit(repo, "all")
    repo.write("articles/vault.md", article("KB1", "en", "T", "One, changed.\n"))
    commit(repo, "source changed")
    config = load_config(repo.root / "kblint.yaml", repo.root)
    rules = Registry(builtin_rules()).select(["translation-outdated"], [])
    (finding,) = run([repo.root], config, rules, workers=workers, min_parallel=1).findings
    assert finding.path == "articles/vault-tw.md" and "changed after this translation: 1 commit" in finding.message
    assert events == ["git", "corpus"]


def test_a_session_reads_the_log_when_a_translation_is_first_checked(repo, monkeypatch):
    """The language server's session loads its corpus without waiting for git; the first
    translation it checks reads the log, once."""
    from kblint.kb import history
    from kblint.run.session import Session

    repo.add("KB1", "zh-Hant", "T", "一。\n")
    repo.add("KB1", "en", "T", "One.\n")
    repo.add("KB2", "en", "U", "Two.\n")
    commit(repo, "both")
    repo.add("KB1", "en", "T", "One, changed.\n")
    commit(repo, "source changed")
    taken = []
    result = history.PendingHistory.result
    monkeypatch.setattr(history.PendingHistory, "result", lambda self, *a: taken.append(self.root) or result(self, *a))
    session = Session(repo.root, use_cache=False)
    assert taken == []
    english = session.lint(repo.root / "en" / "KB2.md", (repo.root / "en" / "KB2.md").read_text("utf-8"))
    assert not [f for f in english.findings if f.name == "translation-outdated"] and taken == []
    path = repo.root / "zh-Hant" / "KB1.md"
    (finding,) = [f for f in session.lint(path, path.read_text("utf-8")).findings if f.name == "translation-outdated"]
    assert "changed after this translation: 1 commit" in finding.message and len(taken) == 1
    session.lint(path, path.read_text("utf-8"))
    assert len(taken) == 1


def _source_changed(repo, *messages: str) -> None:
    """A translation committed with its source, then the source changed by commits of ``messages``."""
    repo.add("KB1", "zh-Hant", "T", "一。\n")
    repo.add("KB1", "en", "T", "One.\n")
    commit(repo, "both")
    for k, message in enumerate(messages, 1):
        repo.add("KB1", "en", "T", f"One, changed {k}.\n")
        commit(repo, message)


def test_commits_marked_for_the_translation_tracker_to_skip_do_not_count(repo):
    _source_changed(repo, "[i18nIgnore] punctuation")
    assert repo.lint("translation-outdated") == []
    repo.write("lunaria.config.ts", "export default { tracking: { ignoredKeywords: ['typo', \"en-only\"] } };\n")
    repo.add("KB1", "en", "T", "One, with a comma, fixed.\n")
    commit(repo, "Fix typo in KB1")
    assert repo.lint("translation-outdated") == []  # the tracker's own keyword
    repo.add("KB1", "en", "T", "One, and a new step.\n")
    commit(repo, "Add a step")
    (finding,) = repo.lint("translation-outdated")
    assert "changed after this translation: 1 commit" in finding.message and ": Add a step)" in finding.message


def test_a_source_reworded_alone_is_said_so_at_a_lower_severity(repo):
    """A commit that polishes the source's wording, its code, numbers, links, headings and
    lines as they were, may leave the translation saying the same: a note to read it again,
    not a warning. A number changed, or a sentence put in on a line of its own, is a change."""
    page = "## Export\n\nThe tool will export the vault to `{}` every 7 days.\n\n- Keep [the copy](KB2.md) safe.\n"
    repo.add("KB1", "zh-Hant", "T", "## 匯出\n\n工具每 7 天將保管庫匯出到 `vault.tar`。\n\n- 妥善保存[副本](KB2.md)。\n")
    repo.add("KB1", "en", "T", page.format("vault.tar"))
    commit(repo, "both")
    repo.add("KB1", "en", "T", page.format("vault.tar").replace("will export", "exports"))
    commit(repo, "docs: polish the wording")
    (finding,) = repo.lint("translation-outdated")
    assert (finding.severity.value, finding.message.split("; ")[-1]) == ("info", "only its wording changed (its code, numbers, links, headings and lists are as they were): read it again")
    repo.add("KB1", "en", "T", page.format("vault.tar").replace("will export", "exports").replace("7 days", "14 days"))
    commit(repo, "docs: export less often")
    (finding,) = repo.lint("translation-outdated")
    assert finding.severity.value == "warning" and "wording" not in finding.message
    for change in (
        lambda text: text + "\nThe copy is encrypted.\n",  # a sentence put in
        lambda text: text.replace("## Export", "## Scheduled export"),  # a heading renamed
        lambda text: text.replace("every 7 days", "every 7 days, encrypted with the team's key and checked"),  # facts put in a line
    ):
        repo.add("KB1", "en", "T", change(page.format("vault.tar").replace("will export", "exports")))
        commit(repo, "docs: change it")
        (finding,) = repo.lint("translation-outdated")
        assert finding.severity.value == "warning", change


def test_a_typo_fixed_in_the_source_is_no_change_of_the_translations(repo):
    """"typo" is one of the default words, as a word: "Fix typos", not "Update typography"."""
    _source_changed(repo, "Fix typos in KB1")
    assert repo.lint("translation-outdated") == []
    repo.add("KB1", "en", "T", "One, in a new typography.\n")
    commit(repo, "Update typography")
    (finding,) = repo.lint("translation-outdated")
    assert finding.message.endswith(": Update typography)")


def test_configured_words_replace_the_markers(repo):
    repo.config("source_locale: en\noutdated_ignore: ['[skip l10n]']\n")
    _source_changed(repo, "Reword [skip L10N]")
    assert repo.lint("translation-outdated") == []
    repo.add("KB1", "en", "T", "One, changed again.\n")
    commit(repo, "[i18nIgnore] now counts")
    assert len(repo.lint("translation-outdated")) == 1


def test_a_skipped_commit_of_every_language_is_no_update_of_the_translation(repo):
    _source_changed(repo, "Add a step")
    repo.add("KB1", "en", "T", "One, and a new step, linked.\n")
    repo.add("KB1", "zh-Hant", "T", "一，連結。\n")
    commit(repo, "[i18nIgnore] fix a link in every language")
    (finding,) = repo.lint("translation-outdated")
    assert "changed after this translation: 1 commit" in finding.message and finding.message.endswith(": Add a step)")


def test_drift_in_a_translation_behind_its_source_says_the_source_changed(repo):
    """What differs may be what the source changed since: the translation is to be brought up
    to date rather than mended."""
    repo.add("KB1", "en", "T", "Run `vault sync` first.\n")
    repo.add("KB1", "zh-Hant", "T", "先執行 `vault sync`。\n")
    repo.add("KB2", "en", "T", "Run `vault sync` first.\n")
    repo.add("KB2", "zh-Hant", "T", "先執行 `vault pull`。\n")
    commit(repo, "both")
    repo.add("KB1", "en", "T", "Run `vault sync --all` first.\n")
    commit(repo, "source changed")
    found = {f.path: f.message for f in repo.lint("translation-drift")}
    assert found["zh-Hant/KB1.md"].endswith("; the source changed after this translation")
    assert not found["zh-Hant/KB2.md"].endswith("; the source changed after this translation")


def generated_pair(repo, text_now: str) -> None:
    """A source whose generator dates it under the page, and its translation, committed; then
    the source regenerated with ``text_now`` above its new date, committed."""
    repo.add("KB1", "en", "T", "Run it.\n\n###### Generated by the docs tool on 01-Jan-2026\n")
    repo.add("KB1", "zh-Hant", "T", "執行它。\n\n###### 由文件工具產生\n")
    commit(repo, "both")
    repo.add("KB1", "en", "T", f"{text_now}\n\n###### Generated by the docs tool on 02-Feb-2026\n")
    commit(repo, "regenerate the docs")


def test_a_source_whose_closing_small_print_alone_changed_is_not_ahead(repo):
    """A generator rewrites the "generated on <date>" under each page at each release: no
    change a translation must follow. A change above it is."""
    generated_pair(repo, "Run it.")
    assert repo.lint("translation-outdated") == []
    repo.add("KB1", "en", "T", "Run it twice.\n\n###### Generated by the docs tool on 03-Mar-2026\n")
    commit(repo, "regenerate the docs again")
    (finding,) = repo.lint("translation-outdated")
    assert "changed after this translation: 2 commits" in finding.message


def test_the_small_print_check_reads_summaries_from_the_cache(repo, tmp_path, capsys):
    """A summary the cache gives holds its headings as text until read: a second run with a
    cache asks the same of it as the first."""
    from kblint.app.cli import main

    generated_pair(repo, "Run it twice.")
    args = ["--format", "json", "--cache-dir", str(tmp_path / "cache"), "--select", "translation-outdated,translation-drift", str(repo.root)]
    runs = []
    for _ in range(2):
        code = main(args)
        out, err = capsys.readouterr()
        assert code == 1 and "internal error" not in err, err
        runs.append(out)
    assert runs[0] == runs[1] and "changed after this translation: 1 commit" in runs[0]


def test_a_source_whose_words_did_not_change_is_not_ahead(repo):
    """A formatter's commit (a table's padding, a blank line) and an edit taken back change no
    word a translation must follow; an edit kept does."""
    table = "| Name | Command |\n|:--:|:--:|\n| sync | `tool sync` |\n"
    repo.add("KB1", "en", "T", f"Run it.\n\n{table}")
    repo.add("KB1", "zh-Hant", "T", "執行它。\n\n| 名稱 | 命令 |\n|:--:|:--:|\n| 同步 | `tool sync` |\n")
    commit(repo, "both")
    padded = "| Name |   Command   |\n| :--: | :---------: |\n| sync | `tool sync` |\n"
    repo.add("KB1", "en", "T", f"Run it.\n\n\n{padded}")
    commit(repo, "format the tables")
    repo.add("KB1", "en", "T", f"Run it once.\n\n{padded}")
    commit(repo, "say once")
    repo.add("KB1", "en", "T", f"Run it.\n\n{padded}")
    commit(repo, "Revert \"say once\"")
    assert repo.lint("translation-outdated") == []
    repo.add("KB1", "en", "T", f"Run it twice.\n\n{padded}")
    commit(repo, "say twice")
    (finding,) = repo.lint("translation-outdated")
    assert "changed after this translation: 4 commits" in finding.message


def test_a_source_whose_spelling_was_mended_is_not_ahead(repo):
    """A typo mended, a word's case, a stray backtick taken out: nothing a translation in its
    own words must follow. A word of another meaning, a number or code's marks is a change."""
    repo.add("KB1", "en", "T", "Pres the `rest` button to recieve a new code `\n\nIt lasts 10 minutes.\n")
    repo.add("KB1", "zh-Hant", "T", "按下 `rest` 按鈕以取得新的驗證碼。\n\n它在 10 分鐘內有效。\n")
    commit(repo, "both")
    repo.add("KB1", "en", "T", "Press the `Rest` button to receive a new code\n\nIt lasts 10 minutes.\n")
    commit(repo, "fix typos")
    assert repo.lint("translation-outdated") == []
    mended = "Press the `Rest` button to receive a new code\n\nIt lasts 10 minutes.\n"
    for changed in ("`Rest`", "`Clear`"), ("10 minutes", "15 minutes"), ("`Rest`", "`[Rest]`"):
        repo.add("KB1", "en", "T", mended.replace(*changed))
        commit(repo, f"say {changed[1]}")
        assert len(repo.lint("translation-outdated")) == 1, changed
        repo.add("KB1", "en", "T", mended)
        commit(repo, "Revert")


def test_what_a_skipped_commit_changed_before_the_first_that_counts_is_no_change(repo):
    """A commit the translations need not follow ("typo" in its subject) changed a number; the
    next changed only a word's case: the translation is not behind."""
    repo.add("KB1", "en", "T", "The Vault Key lasts 10 minutes.\n")
    repo.add("KB1", "zh-Hant", "T", "保險庫金鑰在 10 分鐘內有效。\n")
    commit(repo, "both")
    repo.add("KB1", "en", "T", "The Vault Key lasts 15 minutes.\n")
    commit(repo, "fix typo")
    repo.add("KB1", "en", "T", "The vault key lasts 15 minutes.\n")
    commit(repo, "fix capitalization")
    assert repo.lint("translation-outdated") == []
    repo.add("KB1", "en", "T", "The vault key lasts 20 minutes.\n")
    commit(repo, "say 20")
    assert len(repo.lint("translation-outdated")) == 1


@pytest.mark.parametrize(
    "before, after, translation",
    [
        ("## Set up\n\nTurn the vault on.\n", "### Set up\n\nTurn the vault on.\n", "## 設定\n\n開啟保險庫。\n"),  # a heading's level
        (":::caution\n\nBack up first.\n\n:::\n", ":::warning\n\nBack up first.\n\n:::\n", ":::caution\n\n先備份。\n\n:::\n"),  # a callout's kind
        ("The Vault Keys is locked.\n", "The vault keys are locked.\n", "保險庫金鑰已鎖定。\n"),  # a verb's agreement, case
    ],
)
def test_a_marks_change_in_the_source_is_no_change(repo, before, after, translation):
    repo.add("KB1", "en", "T", before)
    repo.add("KB1", "zh-Hant", "T", translation)
    commit(repo, "both")
    repo.add("KB1", "en", "T", after)
    commit(repo, "change a mark")
    assert repo.lint("translation-outdated") == []


@pytest.mark.parametrize("held", ["", "開啟保險庫，然後登入帳號。\n"], ids=["a stub", "a copy of the Chinese"])
def test_a_source_written_after_its_translation_is_not_ahead_by_its_writing(repo, held):
    """The English page held front matter alone, or a copy of the Chinese page, when the
    Chinese one was written; its English text, put in later (from the Chinese), is no change
    the Chinese lacks; an edit after it is."""
    repo.add("KB1", "en", "T", held)
    repo.add("KB1", "zh-Hant", "T", "開啟保險庫，然後登入帳號。\n")
    commit(repo, "a page in Chinese; the English page not written yet")
    repo.add("KB1", "en", "T", "Turn the vault on, then sign in.\n")
    commit(repo, "write the English page")
    assert_ahead_only_after(repo, lambda: repo.add("KB1", "en", "T", "Turn the vault on, then sign in twice.\n"))


def test_a_comment_or_a_full_width_mark_changed_in_the_source_is_no_change(repo):
    """A comment no reader sees (a blog post's <!--truncate-->) put in, and full-width brackets
    made ASCII, change no word a translation must follow."""
    repo.add("KB1", "en", "T", "Turn the vault on（then sign in）.\n\nKeep the key.\n")
    repo.add("KB1", "zh-Hant", "T", "開啟保險庫，然後登入。\n\n保管好金鑰。\n")
    commit(repo, "both")
    repo.add("KB1", "en", "T", "Turn the vault on(then sign in).\n\n<!--truncate-->\n\nKeep the key.\n")
    commit(repo, "cut the summary; fix the brackets")
    safer = "Turn the vault on(then sign in).\n\n<!--truncate-->\n\nKeep the key safe.\n"
    assert_ahead_only_after(repo, lambda: repo.add("KB1", "en", "T", safer), "2 commits")


def test_a_setting_of_the_sources_front_matter_changed_is_no_change(repo):
    """``sidebar_position: 8`` put in, the slug changed and tags put in move the page in its
    site and its lists (a translation names its own tags), no word a translation follows; a
    new description is words."""
    repo.add("KB1", "en", "T", "Keep the key.\n")
    repo.add("KB1", "zh-Hant", "T", "保管好金鑰。\n")
    commit(repo, "both")
    moved = article("KB1", "en", "T", "Keep the key.\n").replace("title: T\n", "title: T\nsidebar_position: 8\nslug: /keys\ntags: [vault, keys]\n")
    (repo.root / "en" / "KB1.md").write_text(moved, encoding="utf-8")
    commit(repo, "order the sidebar")
    described = moved.replace("slug: /keys\n", "slug: /keys\ndescription: Where the key is kept\n")
    assert_ahead_only_after(repo, lambda: (repo.root / "en" / "KB1.md").write_text(described, encoding="utf-8"), "2 commits")


def assert_mended_in_form(repo, pair: tuple[str, str], mended: str, changed: str) -> None:
    """KB1's source and translation (``pair``) committed, then the source made ``mended``: no
    finding; then made ``changed``: one, of both commits."""
    repo.add("KB1", "en", "T", pair[0])
    repo.add("KB1", "zh-Hant", "T", pair[1])
    commit(repo, "both")
    repo.add("KB1", "en", "T", mended)
    commit(repo, "docs: mend the source")
    assert_ahead_only_after(repo, lambda: repo.add("KB1", "en", "T", changed), "2 commits")


def test_a_doubled_word_mended_in_the_source_is_no_change(repo):
    """"how to to sign in" made "how to sign in": the slip a repeated-word finding names, no
    change a translation follows."""
    assert_mended_in_form(repo, ("Read how to to sign in.\n", "閱讀如何登入。\n"), "Read how to sign in.\n", "Read how to sign out.\n")


def test_an_option_given_fewer_times_in_the_source_is_a_change(repo):
    """``-v -v -v`` made ``-v -v`` asks for less: no doubled word mended."""
    repo.add("KB2", "en", "T", "Run `vault -v -v -v`.\n")
    repo.add("KB2", "zh-Hant", "T", "執行 `vault -v -v -v`。\n")
    commit(repo, "both")
    assert_ahead_only_after(repo, lambda: repo.add("KB2", "en", "T", "Run `vault -v -v`.\n"))


def test_a_moved_page_of_a_site_the_translation_never_links_is_no_change(repo):
    """The source's link to another site's moved page, mended: a translation that links
    nowhere on that site has nothing to follow; one that links there may link its own
    language's page, and is behind."""
    before = "See [refs](https://old.example.org/guide/refs.html).\n"
    repo.add("KB1", "en", "T", before)
    repo.add("KB1", "zh-Hant", "T", "請看本站的[參照](#refs)。\n")
    repo.add("KB2", "en", "T", before)
    repo.add("KB2", "zh-Hant", "T", "請看[參照](https://old.example.org/zh/guide/refs.html)。\n")
    commit(repo, "both")
    for kb in ("KB1", "KB2"):
        repo.add(kb, "en", "T", "See [refs](https://new.example.org/guide/refs.html).\n".replace("new.", "old.").replace("guide/refs", "guide/essentials/refs"))
    commit(repo, "update the site's addresses")
    assert [f.path for f in repo.lint("translation-outdated")] == ["zh-Hant/KB2.md"]


def test_a_source_that_adds_numbers_its_translation_has_is_not_ahead(repo):
    """A commit that gives the English table the versions the Chinese one had ("sync the
    missing version annotations") catches the source up; a version the translation lacks, or
    a word of prose, is a change."""
    row = "| Property | Version |\n| --- | --- |\n| size | {} |\n"
    repo.add("KB1", "en", "T", "Options.\n\n" + row.format(""))
    repo.add("KB1", "zh-Hant", "T", "選項。\n\n" + row.replace("Property", "屬性").replace("Version", "版本").format("4.2.0"))
    commit(repo, "both")
    repo.add("KB1", "en", "T", "Options.\n\n" + row.format("4.2.0"))
    commit(repo, "add the missing version")
    assert repo.lint("translation-outdated") == []
    for changed in ("4.2.0", "4.2.0 (4.3.0)"), ("Options.", "Options of the vault."):
        repo.add("KB1", "en", "T", ("Options.\n\n" + row.format("4.2.0")).replace(*changed))
        commit(repo, f"say {changed[1]}")
        assert len(repo.lint("translation-outdated")) == 1, changed
        repo.add("KB1", "en", "T", "Options.\n\n" + row.format("4.2.0"))
        commit(repo, "Revert")


@pytest.mark.parametrize(
    "before, after, translation",
    [
        ("Send it as a Output.\n\nOps, no page here.\n", "Send it as an output.\n\nOops, no page here.\n", "把它作為輸出送出。\n\n糟糕，這裡沒有頁面。\n"),  # grammar, a typo
        ("Read [the tags](https://hub.example.org/r/vault/tags).\n", "Read [the tags](https://hub.example.org/vault/tags).\n",
         "請看[標籤](https://hub.example.org/vault/tags)。\n"),  # an address the translation already links
        ("---\ntitle: T\n---\n\nSet it up.\n", "---\ntitle: T\nslug: /setup\n---\n\nSet it up.\n", "---\ntitle: T\nslug: /setup\n---\n\n設定它。\n"),  # its key, first
    ],
    ids=["grammar and a typo", "an address it links", "a line it holds"],
)
def test_a_source_change_the_translation_has_nothing_to_follow_in_is_no_change(repo, before, after, translation):
    repo.write("en/KB1.md", before if before.startswith("---") else article("KB1", "en", "T", before))
    repo.write("zh-Hant/KB1.md", translation if translation.startswith("---") else article("KB1", "zh-Hant", "T", translation))
    commit(repo, "both")
    repo.write("en/KB1.md", after if after.startswith("---") else article("KB1", "en", "T", after))
    commit(repo, "mend the source")
    assert repo.lint("translation-outdated") == []


def test_a_command_whose_marks_changed_is_a_change(repo):
    """Marks inside code say what it does ({{a|b}}: alternatives; {{- trims): not a mend."""
    repo.add("KB1", "en", "T", "- Reload:\n\n`newsboat {{reload print-unread ...}}`\n")
    repo.add("KB1", "zh-Hant", "T", "- 重新載入：\n\n`newsboat {{reload print-unread ...}}`\n")
    commit(repo, "both")
    assert_ahead_only_after(repo, lambda: repo.add("KB1", "en", "T", "- Reload:\n\n`newsboat {{reload|print-unread|...}}`\n"))


def test_a_components_tags_alone_changed_in_the_source_are_no_change(repo):
    """An MDX page whose commit wraps its video in a component, imports another or takes a
    component's tags away changes no word a translation must follow; a tag in a code block is
    code, which it must."""
    code = "```html\n<link href=\"/theme@5.2.css\">\n```\n"
    repo.add("KB1", "en", "T", f"Watch the demo.\n\n<Bleed>\n<iframe src=\"https://video.example/a\" />\n</Bleed>\n\n{code}")
    repo.add("KB1", "zh-Hant", "T", f"觀看示範。\n\n<Bleed>\n<iframe src=\"https://video.example/a\" />\n</Bleed>\n\n{code}")
    commit(repo, "both")
    repo.add("KB1", "en", "T", f"import {{Promo}} from '@/components/promo'\n\nWatch the demo.\n\n<iframe src=\"https://video.example/a\" />\n\n<Promo />\n\n{code}")
    commit(repo, "remove the Bleed tags, add a promo")
    newer = "import {Promo} from '@/components/promo'\n\nWatch the demo.\n\n<iframe src=\"https://video.example/a\" />\n\n<Promo />\n\n" + code.replace("5.2", "5.3")
    assert_ahead_only_after(repo, lambda: repo.add("KB1", "en", "T", newer), "2 commits")


def test_link_texts_and_apostrophes_mended_in_the_source_are_no_change(repo):
    """A link's text worded as the page it links is titled, its destination kept ("Hot Module
    Replacement" made "Hot module replacement", "Path Aliases" made "Path aliasing"), and an
    apostrophe's "s" put in ("Vault'" made "Vault's"): a translation words its links its
    own way. A number in a link's text, or its destination, changed is a change."""
    pair = (
        "Read [Hot Module Replacement](/guide/hmr) and [Path Aliases](/guide/alias).\n\nVault' storage is sealed.\n",
        "請閱讀[模組熱替換](/guide/hmr)與[路徑別名](/guide/alias)。\n\nVault 的儲存已封存。\n",
    )
    mended = "Read [Hot module replacement](/guide/hmr) and [Path aliasing](/guide/alias).\n\nVault's storage is sealed.\n"
    assert_mended_in_form(repo, pair, mended, mended.replace("replacement]", "replacement 2]"))
    repo.add("KB2", "en", "T", "Read [the guide](/guide/hmr).\n")
    repo.add("KB2", "zh-Hant", "T", "請閱讀[指南](/guide/hmr)。\n")
    commit(repo, "both")
    repo.add("KB2", "en", "T", "Read [the new guide](/guide/reload).\n")
    commit(repo, "link the new guide")
    assert [f.path for f in repo.lint("translation-outdated")] == ["zh-Hant/KB1.md", "zh-Hant/KB2.md"]


def test_images_described_and_a_links_closing_slash_are_no_change(repo):
    """Alt text given to images ("![](a.jpg)" made "![1 of 10 pods upgraded](a.jpg)": a
    translation describes its images in its own words) and a slash taken off a link's path
    (the same page) change nothing a translation must follow."""
    pair = ("The first batch:\n\n![](../img/batch-1.jpg)\n\nSee [the options](/docs/options/).\n", "第一批：\n\n![](../img/batch-1.jpg)\n\n請看[選項](/docs/options/)。\n")
    mended = "The first batch:\n\n![Status: 1 of 10 pods upgraded](../img/batch-1.jpg)\n\nSee [the options](/docs/options).\n"
    assert_mended_in_form(repo, pair, mended, mended.replace("batch-1.jpg", "batch-2.jpg"))


def test_a_fences_language_and_a_lists_markers_changed_are_no_change(repo):
    repo.add("KB1", "en", "T", "Run it:\n\n```\ntool sync\n```\n\n* once\n* again\n")
    repo.add("KB1", "zh-Hant", "T", "執行它：\n\n```\ntool sync\n```\n\n* 一次\n* 再一次\n")
    commit(repo, "both")
    repo.add("KB1", "en", "T", "Run it:\n\n```shell\ntool sync\n```\n\n- once\n- again\n")
    commit(repo, "name the fences' languages, one list marker")
    assert_ahead_only_after(repo, lambda: repo.add("KB1", "en", "T", "Run it:\n\n```shell\ntool sync --all\n```\n\n- once\n- again\n"), "2 commits")


def _dated(repo, message: str, when: int) -> None:
    """A commit of everything at ``when`` (seconds since 2026-01-01), authored and committed then."""
    stamp = f"{1767225600 + when} +0000"
    git(repo, "add", "-A")
    subprocess.run(
        ["git", "-C", str(repo.root), "commit", "-q", "-m", message], check=True, capture_output=True,
        env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
             "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(repo.root), "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp},
    )


def test_a_source_changed_in_form_alone_since_a_merge_that_both_got_is_not_ahead(repo):
    """A branch changed a link in the source and in its translation; another, merged later,
    fixed an option in both; then a commit took trailing spaces out of the source. The source
    as the translation's last commit saw it lacks the first branch's link, though the
    translation has it: each commit since, read by itself, changed form alone."""
    repo.add("KB1", "en", "T", "See [the guide](https://old.example.com/guide).  \n\nRun `tool -set x`.\n")
    repo.add("KB1", "zh-Hant", "T", "參見[指南](https://old.example.com/guide)。\n\n執行 `tool -set x`。\n")
    _dated(repo, "both", 0)
    git(repo, "checkout", "-q", "-b", "links")
    for lang, text in (("en", "See [the guide](https://new.example.com/guide).  \n\nRun `tool -set x`.\n"), ("zh-Hant", "參見[指南](https://new.example.com/guide)。\n\n執行 `tool -set x`。\n")):
        repo.add("KB1", lang, "T", text)
    _dated(repo, "the guide moved", 100)
    git(repo, "checkout", "-q", "-")
    for lang, text in (("en", "See [the guide](https://old.example.com/guide).  \n\nRun `tool --set x`.\n"), ("zh-Hant", "參見[指南](https://old.example.com/guide)。\n\n執行 `tool --set x`。\n")):
        repo.add("KB1", lang, "T", text)
    _dated(repo, "--set", 200)
    subprocess.run(["git", "-C", str(repo.root), "merge", "-q", "--no-edit", "links"], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
                        "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(repo.root), "GIT_AUTHOR_DATE": "1767225900 +0000", "GIT_COMMITTER_DATE": "1767225900 +0000"})
    repo.add("KB1", "en", "T", "See [the guide](https://new.example.com/guide).\n\nRun `tool --set x`.\n")
    _dated(repo, "trailing spaces", 400)
    assert repo.lint("translation-outdated") == []
