"""The built-in rules' metadata, made from their modules by `python -m kblint.rules.catalog`:
not edited by hand (see kblint.rules.catalog)."""

RULES = (
    {'module': 'invalid_encoding',
     'code': 'KL001',
     'name': 'invalid-encoding',
     'severity': 'ERROR',
     'summary': 'The file is not valid UTF-8 (or UTF-16 with a byte order mark).',
     'documentation': '## What it does\n'
                      'Reports the first byte that cannot be decoded, at its line and column. kblint '
                      'reads UTF-8 with\n'
                      'or without a byte order mark and UTF-16 with a byte order mark; any other file '
                      'is decoded with\n'
                      'replacement characters so that the rest of it is still linted.\n'
                      '\n'
                      '## Why it matters\n'
                      'A file saved in a legacy encoding (Big5, GB2312, Windows-1252) shows as garbage '
                      'on the site and\n'
                      'breaks search. The problem is usually invisible in the editor that saved it.\n'
                      '\n'
                      '## Example\n'
                      'A file whose bytes contain `caf\\xE9` (Latin-1 `é`):\n'
                      '\n'
                      '```text\n'
                      'en/KB1001.md:4:4: KL001 invalid-encoding the file is not valid UTF-8: byte 0xE9 '
                      '...\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      'On any UTF-8 file, with or without a BOM, with any line endings, and on UTF-16 '
                      'files that start\n'
                      'with a BOM.\n'
                      '\n'
                      '## Fix\n'
                      'None: only the author knows which encoding the file was saved in. Re-save it as '
                      'UTF-8.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check']},
    {'module': 'binary_file',
     'code': 'KL002',
     'name': 'binary-file',
     'severity': 'INFO',
     'summary': 'A file with a Markdown name holds binary data and is skipped.',
     'documentation': '## What it does\n'
                      'Skips a file whose first 8 KiB contain a NUL byte (and that is not UTF-16 with '
                      'a byte order\n'
                      'mark), and says so.\n'
                      '\n'
                      '## Why it matters\n'
                      'A binary file named `.md` is usually an export gone wrong or a misnamed '
                      'attachment. Linting it\n'
                      'would only produce noise, but silently skipping it would hide the problem.\n'
                      '\n'
                      '## Example\n'
                      '`en/KB1002.md` that is really a PNG image: `en/KB1002.md:1:1: KL002 binary-file '
                      'binary file ...`\n'
                      '\n'
                      '## Does not fire\n'
                      'On text files, including UTF-16 files that start with a byte order mark; nor on '
                      'a file that\n'
                      "git-crypt keeps encrypted (it starts with git-crypt's header), which is skipped "
                      'without a word:\n'
                      'it is unreadable on purpose.\n'
                      '\n'
                      '## Fix\n'
                      'None.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_file']},
    {'module': 'file_too_large',
     'code': 'KL003',
     'name': 'file-too-large',
     'severity': 'INFO',
     'summary': 'A file larger than max_file_size is skipped.',
     'documentation': '## What it does\n'
                      'Skips a file larger than `max_file_size` (10 MiB unless configured) and says '
                      'so.\n'
                      '\n'
                      '## Why it matters\n'
                      'A knowledge base article is a few kilobytes. A file of many megabytes is a '
                      'generated dump or a\n'
                      'mistake, and parsing it would make every run slow.\n'
                      '\n'
                      '## Example\n'
                      'A 50 MB `en/KB1003.md`: `en/KB1003.md:1:1: KL003 file-too-large file is 50.0 '
                      'MiB ...`\n'
                      '\n'
                      '## Does not fire\n'
                      'On files up to `max_file_size`.\n'
                      '\n'
                      '## Fix\n'
                      'None. Raise `max_file_size` in `kblint.yaml` if the file really is an '
                      'article.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_file']},
    {'module': 'front_matter',
     'code': 'KL004',
     'name': 'front-matter',
     'severity': 'ERROR',
     'summary': 'Front matter that is unclosed, not valid YAML, lacks a required key or contradicts '
                'the path.',
     'documentation': '## What it does\n'
                      'Checks the YAML block at the top of each article: it must be closed by `---`, '
                      'be valid YAML\n'
                      '(loaded safely: no tags that construct objects, no alias bombs) and be a '
                      'mapping. The keys in\n'
                      '`required_front_matter` must be there (by default only `title`); an `id` may '
                      'come from the\n'
                      'file name (`KB2481.md`) instead, a `lang` from a locale folder or suffix '
                      '(`zh-Hant/`,\n'
                      "`x.zh-Hant.md`), and a `title` from the article's level-1 heading, so that a "
                      'docs-as-code\n'
                      'knowledge base identified by paths needs no front matter at all. A stated '
                      '`lang` (or `locale`,\n'
                      '`language`) must be a language tag and must agree with the locale folder the '
                      'file is in. A block that lost its opening `---` (the\n'
                      'file opens with `title: …` lines and a `---` under them, which Markdown shows '
                      'as a heading)\n'
                      'is reported where it begins.\n'
                      'A file without front matter that is no page of its own needs none: a partial '
                      'that a page\n'
                      "renders, a change log (`CHANGELOG.md`: titled by its name), a tool's files "
                      "(GitHub's\n"
                      "templates in `.github/`, anything in a hidden folder, a coding assistant's "
                      '`AGENTS.md` or\n'
                      '`CLAUDE.md`), on a dumi site the Markdown outside the\n'
                      'folders it serves (in a MkDocs repository, outside the folders its sites '
                      'build), and a Vant\n'
                      "CLI site's pages, which read no front matter (their titles are\n"
                      "the site's navigation's). Arco Design's pages write their front matter as a "
                      '```` ```yaml ```` block that opens the file\n'
                      '(one that sets `changelog: true` is a change log the page shows under its own '
                      'title), and a\n'
                      "component's `__demo__/` files are partials. A title may be given once for each "
                      'language, keyed by its tag (`title: {zh-CN: 基本,\n'
                      "en-US: Basic}`: a page that holds every language's text, as an Ant Design "
                      "demo's notes do).\n"
                      'A title may also come from an `<h1>` in the HTML an article opens\n'
                      'with (a repository README\'s centred `<h1 align="center">`), and on a MkDocs '
                      'site (a\n'
                      "`mkdocs.yml`'s `docs_dir`, and the same folder of its translations beside it) "
                      "from the file's\n"
                      'name, as MkDocs names a page without one (a Docusaurus site its docs by their '
                      'id), and on a dumi site from its first heading of any\n'
                      'level, as dumi takes it. Where no builder kblint knows makes the pages (docs '
                      'read on GitHub,\n'
                      "or built by a project's own scripts), a README is its folder's page, a file "
                      'named with a\n'
                      'leading `_` a partial, a page that opens with its one top heading (`## Alert` '
                      'over `###`\n'
                      "sections) is titled by it, and the repository's own files at its root "
                      '(`CONTRIBUTING.md`,\n'
                      '`LICENSE-DOCS.md`, `CODE_OF_CONDUCT.zh-CN.md`, `AUTHORS.md`) by their names, as '
                      'GitHub shows them, as\n'
                      'are all the files at its root where the pages are in language folders below it '
                      '(`docs/en/`,\n'
                      '`docs/zh/`: a roadmap, a threat model). A GitBook\n'
                      "book's pages (a `book.json` or a `LANGS.md` beside them) are titled by its "
                      '`SUMMARY.md`, and a\n'
                      "Nextra site's (a `theme.config.*`) by its `_meta` files, else by their files' "
                      "names. A page rendered without a layout (Jekyll's\n"
                      '`layout: null`: a fragment another page embeds) shows no title, and a Jekyll or '
                      'Hexo site\n'
                      '(a `_config.yml` at the root) publishes no file in a folder whose name starts '
                      'with `_` but its\n'
                      "posts. A site's page for addresses it does not serve (`404.md`, `404.en-US.md`) "
                      'names no\n'
                      'title, nor does an old address that sends the reader on to another page '
                      '(`redirectTo:`,\n'
                      "VuePress Theme Hope's; `redirect_to:`, jekyll-redirect-from's). A site's home "
                      'page takes the name its hero shows:\n'
                      '`heroText` beside `home: true` (VuePress), `hero: {name: …}` beside `layout: '
                      'home` (VitePress) or\n'
                      '`pageType: home` (Rspress),\n'
                      "and where its hero names none, the site's title from its configuration: it asks "
                      'for none.\n'
                      'Front matter may be YAML between `---` lines or TOML between `+++` lines '
                      "(Hugo's). On a\n"
                      'Docusaurus site, Markdown outside its content folders, translations and '
                      '`src/pages` (the\n'
                      "repository's README) is no page; on a Hugo site, the files outside what it "
                      'mounts as content\n'
                      '(`archetypes/`, `themes/`, `layouts/`, the README) are none either, a '
                      "template's front matter\n"
                      "that does not parse (an archetype's `{{ .Date }}`) is not reported, and a page "
                      'its\n'
                      "configuration's `cascade` does not render (`build: {render: never}`: "
                      '`_includes/`, text a\n'
                      'shortcode puts in pages) is a partial.\n'
                      '\n'
                      '## Why it matters\n'
                      'The identity, language and title are what the reference graph, the translation '
                      'checks and the\n'
                      'published site are built from. A broken block silently drops an article from '
                      'all of them, and\n'
                      'a `lang` that contradicts its folder pairs the article with the wrong '
                      'translations.\n'
                      '\n'
                      '## Example\n'
                      '```markdown file=zh-Hant/help/KB2481.md\n'
                      '---\n'
                      'lang: zh-Hans\n'
                      'title: 重設密碼\n'
                      '---\n'
                      '```\n'
                      "fires: `lang 'zh-Hans' contradicts the folder zh-Hant/, which holds zh-Hant "
                      'articles`.\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown file=zh-Hant/help/reset.md\n'
                      '# 重設密碼\n'
                      '\n'
                      '本文說明如何重設密碼。\n'
                      '```\n'
                      '```markdown file=zh-Hant/README.md\n'
                      '---\n'
                      'home: true\n'
                      'heroText: 說明中心\n'
                      '---\n'
                      '```\n'
                      '```markdown file=zh-Hant/start/index.md\n'
                      '---\n'
                      'home: true\n'
                      'actionText: 開始使用\n'
                      'actionLink: /zh-Hant/help/reset\n'
                      '---\n'
                      '```\n'
                      '```markdown file=zh-Hant/index.md\n'
                      '---\n'
                      'pageType: home\n'
                      'description: 說明中心的首頁\n'
                      '---\n'
                      '```\n'
                      '```markdown file=demo/basic.md\n'
                      '---\n'
                      'order: 0\n'
                      'title:\n'
                      '  zh-TW: 基本用法\n'
                      '  en-US: Basic usage\n'
                      '---\n'
                      '```\n'
                      '```markdown file=zh-Hant/help/old-reset.md\n'
                      '---\n'
                      'redirectTo: reset.html\n'
                      '---\n'
                      '```\n'
                      '```markdown file=zh-Hant/samples/export.md\n'
                      '---\n'
                      'layout: null\n'
                      '---\n'
                      '\n'
                      '    vault export --all\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      "None: the right values are the author's to choose.\n",
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check']},
    {'module': 'duplicate_id',
     'code': 'KL005',
     'name': 'duplicate-id',
     'severity': 'ERROR',
     'summary': 'Two files claim the same article id in the same language.',
     'documentation': '## What it does\n'
                      'Groups articles by id and locale and reports every file after the first (in '
                      'path order) that\n'
                      'claims a pair already taken. A file the site publishes no page of claims none '
                      '(the\n'
                      "repository's README beside the folder a VitePress or VuePress site builds, "
                      'whose own\n'
                      '`en/README.md` is its English home page).\n'
                      '\n'
                      '## Why it matters\n'
                      'References resolve by id. With two `KB2481` articles in English, readers and '
                      'kblint alike\n'
                      'cannot tell which one a link means, and one of them is never published.\n'
                      '\n'
                      '## Example\n'
                      'Two English files claim `KB2481`:\n'
                      '```markdown file=en/KB2481.md\n'
                      '---\n'
                      'id: KB2481\n'
                      'title: Resetting a password\n'
                      '---\n'
                      '```\n'
                      '```markdown file=en/KB2481-old.md\n'
                      '---\n'
                      'id: KB2481\n'
                      'title: Resetting a password (old)\n'
                      '---\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      'The same article in two languages:\n'
                      '```markdown file=en/KB2481.md\n'
                      '---\n'
                      'id: KB2481\n'
                      'title: Resetting a password\n'
                      '---\n'
                      '```\n'
                      '```markdown file=zh-Hant/KB2481.md\n'
                      '---\n'
                      'id: KB2481\n'
                      'title: 重設密碼\n'
                      '---\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'unreadable_file',
     'code': 'KL006',
     'name': 'unreadable-file',
     'severity': 'ERROR',
     'summary': 'A file could not be read (permissions, a vanished file, an I/O error).',
     'documentation': '## What it does\n'
                      'Reports a Markdown file that was found but could not be read, with the '
                      "operating system's\n"
                      'reason.\n'
                      '\n'
                      '## Why it matters\n'
                      'An article that cannot be read cannot be checked; a silent skip would make a '
                      'run look clean.\n'
                      '\n'
                      '## Example\n'
                      '`en/KB1004.md` with mode `000`: `en/KB1004.md:1:1: KL006 unreadable-file cannot '
                      'be read: Permission denied`\n'
                      '\n'
                      '## Does not fire\n'
                      'On every file that can be read.\n'
                      '\n'
                      '## Fix\n'
                      'None.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': False,
     'functions': []},
    {'module': 'broken_reference',
     'code': 'KL101',
     'name': 'broken-reference',
     'severity': 'ERROR',
     'summary': 'A reference to an article id that exists in no language.',
     'documentation': '## What it does\n'
                      'Checks every article id an article names (a bare id such as `KB4407` or `IBKB '
                      '3396`, an entry\n'
                      'of a related-articles list, or a link whose destination names an id, such as '
                      '`KB1234.md` or\n'
                      '`/articles/360012345`) against the whole knowledge base. An id that exists in '
                      'no language is\n'
                      'reported. When one existing id is a single slip away (one digit changed, two '
                      'neighbouring\n'
                      'digits swapped), the message suggests it. Links by path (`/help/x.md`) are '
                      'checked by\n'
                      "`broken-link`. An id in the text of a link to another site names that site's "
                      'page (a\n'
                      "vendor's update, `[KB5049981](https://support.example.com/…)`), none of the "
                      "knowledge base's.\n"
                      '\n'
                      '## Why it matters\n'
                      'Articles are retired and renumbered; the references to them stay behind and '
                      'send readers to a\n'
                      '"page not found". A reference to an article that exists only in another '
                      'language is not broken\n'
                      '(the reader can still be sent there), so it does not fire.\n'
                      '\n'
                      '## Example\n'
                      '```markdown file=en/KB4417.md\n'
                      'For the export steps, see KB4471.\n'
                      '```\n'
                      'fires when no KB4471 exists: `KB4471 does not exist in any language: did you '
                      'mean KB4417?`\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown file=en/KB4418.md\n'
                      'For the export steps, see KB4418. The code `KB9999` and '
                      'https://example.com/KB9999 are not references.\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None: which article was meant is for the writer to decide.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'self_reference',
     'code': 'KL102',
     'name': 'self-reference',
     'severity': 'WARNING',
     'summary': 'An article links to itself or lists itself among its related articles.',
     'documentation': '## What it does\n'
                      "Reports a link to the article's own file, path or id, and a related-articles "
                      'entry that names\n'
                      'the article itself. A plain mention of the article\'s own id in prose ("this is '
                      'KB2481"), a\n'
                      'link to a place on the same page (`/help/x.md#step-3` in `help/x.md`) and a '
                      'link with no text\n'
                      "(a heading's permalink pasted with it, `## Setup[](setup.md)`: a reader sees "
                      'nothing) are not\n'
                      "reported, nor is a link to the article's copy in another language (a switch of "
                      'language:\n'
                      'another file, which its name may give a locale, `README.zh-CN.md` beside '
                      '`README.md`), nor\n'
                      "the page's own link among such links on its line or the next "
                      '(`[English](./README.md) |\n'
                      "[中文](README_ZH.md)`: the reader's language, among the others).\n"
                      '\n'
                      '## Why it matters\n'
                      'A related-articles list is a promise of somewhere else to go. An entry that '
                      'leads back to the\n'
                      "same page wastes the reader's click, and usually means the intended id was "
                      'mistyped.\n'
                      '\n'
                      '## Example\n'
                      'In `KB2481`:\n'
                      '```markdown file=en/KB2481.md\n'
                      '## Related articles\n'
                      '- KB2481 - Resetting a password\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      'In `KB2481`:\n'
                      '```markdown file=en/KB2481.md\n'
                      '## Related articles\n'
                      '- KB2482 - Unlocking an account\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'ref_title_mismatch',
     'code': 'KL103',
     'name': 'ref-title-mismatch',
     'severity': 'WARNING',
     'summary': "A related-articles entry lists a title that is not the target article's title.",
     'documentation': '## What it does\n'
                      'For each related-articles entry such as `- KB3842 - Encrypting files with GPG`, '
                      'compares the\n'
                      "listed title with the target's `title` in the same language (falling back to "
                      'the source\n'
                      'language when the target has no translation); a link whose path leads to one '
                      "language's version\n"
                      '(`[Deployment](/en/docs/deployment/)` on a Chinese page) is compared with that '
                      "version's title. Case, spacing and punctuation are ignored, and a\n"
                      'title cut short with an ellipsis (`Encrypting files…`) matches when it is a '
                      'prefix. A translated\n'
                      'title listed for a target that exists only in the source language is not '
                      'compared: a Chinese\n'
                      'title cannot be expected to equal an English one. An entry whose link names an '
                      'anchor\n'
                      '(`See also: [Typing props](/guide/typescript#typing-props)`) lists a section, '
                      'whose heading is\n'
                      "not the page's title: it is not compared. Nor is a title listed beside a "
                      'qualifier that names where the page belongs, after\n'
                      'or before a dash, a colon or a bar (`Reference - Encrypting files with GPG`), '
                      "nor a link's text\n"
                      'that names the page with every word of its title and more, or with some of them '
                      'only\n'
                      '(`[Sampling concepts](…)` for the page "Sampling", `[Traces](…)` for "Trace '
                      'Concepts"): a\n'
                      "list of links says in its own words what each page is; so does a link's text "
                      'that names a kind\n'
                      'of page after a word of the title (`[Installation Guide](…)` for "Online '
                      'Installation from\n'
                      'Helm", `[Vault Documentation](…)` for "What is Vault?").\n'
                      '\n'
                      '## Why it matters\n'
                      'Titles change; the lists that quote them do not. A reader who clicks "Exporting '
                      'reports" and\n'
                      'lands on "Deleting reports" stops trusting the knowledge base.\n'
                      '\n'
                      '## Example\n'
                      '```markdown file=en/KB1200.md\n'
                      '## Related articles\n'
                      '- KB3842 - Signing files with GPG\n'
                      '```\n'
                      '```markdown file=en/KB3842.md\n'
                      '---\n'
                      'title: Encrypting files with GPG\n'
                      '---\n'
                      '```\n'
                      'fires: KB3842\'s title is "Encrypting files with GPG".\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown file=en/KB1200.md\n'
                      '## Related articles\n'
                      '- KB3842 - encrypting files with GPG\n'
                      '- KB3842 - Encrypting files…\n'
                      '- [Encrypting files with GPG](KB3842.md)\n'
                      '- KB3842 - Security guide: Encrypting files with GPG\n'
                      '- [Encrypting files with GPG, step by step](KB3842.md)\n'
                      '```\n'
                      '```markdown file=en/KB3842.md\n'
                      '---\n'
                      'title: Encrypting files with GPG\n'
                      '---\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      "Unsafe: replaces the listed title with the target's real title (`--fix "
                      '--unsafe-fixes`).\n'
                      'The listed title might be a deliberate short form.\n'
                      '\n'
                      '## Fixed\n'
                      'What `kblint --fix --unsafe-fixes` makes of the example:\n'
                      '```markdown file=en/KB1200.md\n'
                      '## Related articles\n'
                      '- KB3842 - Encrypting files with GPG\n'
                      '```\n',
     'fix': 'unsafe',
     'unsafe_reason': 'the listed title may be shortened on purpose',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'dangling_reference',
     'code': 'KL104',
     'name': 'dangling-reference',
     'severity': 'WARNING',
     'summary': 'Text that points at a link ("see this article") with no link or reference nearby.',
     'documentation': '## What it does\n'
                      'Looks for phrases that promise a link ("refer to this article", "click on one '
                      'of the links\n'
                      'below", "the following articles", 請參見以下文章, 请参见下方, …) and reports them when '
                      'neither\n'
                      'the same paragraph nor the list right after it (past a label over it: '
                      '`**Blogs:**`) (or, for "the following links", the\n'
                      'paragraph) contains a reference, a link or a URL, or a\n'
                      'link shown as code (`` `[Keys](keys.md)` ``, as a guide to writing links lists '
                      'their kinds) (for a\n'
                      'phrase that points further down, "the links below" or 以下連結, that a heading or a '
                      'note\n'
                      'follows, nor the rest of its section: the sections under an introduction that '
                      'says so hold\n'
                      'its links). A Chinese "see below" that names what is below on the page itself '
                      '(请参阅下方示例:\n'
                      'the example below; a table, a figure, the steps, a section, its name quoted '
                      'first:\n'
                      '请参考下方"完全清理"章节; or a heading further down by its text: 请参阅下方同步设置, with\n'
                      '`## 同步设置` below) points at no article, and a phrase\n'
                      'set in bold names a label on the screen ("click the **Click here to generate** '
                      'link"), as one\n'
                      "that is a link's own text is the link (`[报名请点击此处](…)`), and one in a "
                      '`<summary>` (the\n'
                      '"click here to see the result" over a `<details>` block) names what is clicked '
                      'to open it. The phrases\n'
                      'for each language are in the `data-dangling-phrases.yaml` pack.\n'
                      '\n'
                      '## Why it matters\n'
                      'When an article is migrated between systems, links are the first thing lost. '
                      'What remains is\n'
                      'a sentence that sends the reader to nothing.\n'
                      '\n'
                      '## Example\n'
                      '```markdown\n'
                      'For the export steps, refer to this article.\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown\n'
                      'For the export steps, refer to this article: KB4417.\n'
                      '\n'
                      'See the following articles:\n'
                      '- [Exporting reports](KB4417.md)\n'
                      '\n'
                      'Read more in the following links:\n'
                      '\n'
                      '**Guides:**\n'
                      '\n'
                      '- [Sharing reports](KB4418.md)\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None: only the writer knows which article was meant.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': True,
     'functions': ['check', 'place_key']},
    {'module': 'orphan_article',
     'code': 'KL105',
     'name': 'orphan-article',
     'severity': 'INFO',
     'summary': 'No other article references this one.',
     'documentation': '## What it does\n'
                      'Reports articles that no other article mentions, links to or lists as related, '
                      'once per\n'
                      'article (on its source-language version).\n'
                      '\n'
                      '## Why it matters\n'
                      'An orphan can only be found through search. Sometimes that is fine (a landing '
                      'page), which is\n'
                      'why the rule is off by default; run it now and then to find articles worth '
                      'linking or retiring.\n'
                      '\n'
                      '## Example\n'
                      '`KB5120` when no article anywhere names it:\n'
                      '```markdown file=en/KB5120.md\n'
                      'Nothing links here.\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '`KB5120` when `KB2481` says "see KB5120" (and `KB5120` names `KB2481` back):\n'
                      '```markdown file=en/KB5120.md\n'
                      'See KB2481.\n'
                      '```\n'
                      '```markdown file=en/KB2481.md\n'
                      'See KB5120.\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': False,
     'needs': ['every-article'],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'broken_link',
     'code': 'KL106',
     'name': 'broken-link',
     'severity': 'ERROR',
     'summary': 'A link or image whose file is not in the knowledge base, or is there with other '
                'letter case.',
     'documentation': '## What it does\n'
                      'Resolves every link and image that points inside the knowledge base (relative '
                      'paths,\n'
                      "root-absolute paths such as `/help/troubleshooting/x.md`, the site's own URLs "
                      'configured in\n'
                      '`base_urls`) against all of its files, images and attachments included, as a '
                      'site serves\n'
                      "them: a path may leave out `.md`/`.mdx` or name a folder's `index.md` or "
                      "`README.md`, a site's\n"
                      '`x.html` is its `x.md`, `/learn/x/` is `learn/x.md` as well as '
                      '`learn/x/index.md`, and\n'
                      '`/images/x.png` may be in a `public/` or `static/` folder (or the configured '
                      '`static_roots`);\n'
                      'when the knowledge base has no `images` folder at all, the site serves those '
                      'files from a\n'
                      'tree kblint was not given, and they are not reported; nor is a relative '
                      '`../images/x.png`\n'
                      "then, which climbs to where the page's address says (from `/learn/x`, to "
                      '`/images/x.png`), nor\n'
                      "one a static folder holds there (`public/images/x.png`). An issue's or a pull "
                      "request's form\n"
                      "(`.github/PULL_REQUEST_TEMPLATE.md`) is shown on the forge's page for the "
                      'issue: its relative\n'
                      'and root-absolute links lead from that address, not from the file, and are not '
                      'checked. A\n'
                      "translation's link to a page only the default language has is not broken: sites "
                      'serve the\n'
                      "default language's page there. A placeholder's path, as a writing guide or a "
                      'template links\n'
                      'any page (`/path`, `path/to/file.md`), is not checked. On a site whose builder '
                      'kblint does not\n'
                      "read (not a repository read on GitHub), an address with no file's suffix that "
                      'names a page by\n'
                      'its name and folders, from the root (`/components/tree` for '
                      '`components/tree/README.en-US.md`)\n'
                      "or from the page to a sibling's (`tooltip#props` on "
                      '`src/popover/demos/index.md`, for\n'
                      "`src/tooltip/demos/index.md`), is a route the site's own router serves: not "
                      'checked. An e-mail address (`<name@example.com>`, `mailto:`) is not a\n'
                      'path. A path that reaches no file is reported at the link (one with a slash '
                      "after a file's\n"
                      'name, as an unquoted HTML attribute takes the slash of `/>` into '
                      '`src=/img/a.svg/>`, says\n'
                      'that the file is there and the slash is what breaks it); so is one that reaches '
                      'a file only\n'
                      'when letter case is ignored, which works on macOS and Windows and breaks on the '
                      'Linux server\n'
                      'that publishes the site; but where the site builder serves every page at its '
                      'path in lower\n'
                      "case (an `astro.config.*` or Hugo's configuration at the root or up to three "
                      'folders above it),\n'
                      'a site address in lower case reaches the file (`/develop/plugins/ipc/` is\n'
                      "`develop/Plugins/IPC.mdx`, a space in a name a hyphen), and an Astro project's "
                      "or a Docusaurus site's own routes in\n"
                      '`src/pages` serve their addresses (`feed.xml.ts` serves `/feed.xml`). A page '
                      'that a `.gitignore`\n'
                      "inside the knowledge base lists, or a place the root's names by its path "
                      '(`packages/docs/api`,\n'
                      'a generated API reference; not a kind of file, as `dist` or `*.log`), is '
                      'written by the build: a\n'
                      'link to it is not checked; nor is one into a git submodule that is not checked '
                      'out (`.gitmodules` lists it,\n'
                      'and its folder holds nothing), nor one a Hugo site serves from a mount whose '
                      'folder is not here\n'
                      '(such a submodule, `tmp/spec` mounted at `/docs/specs/` and filled by a '
                      'script). On a Hugo site a\n'
                      "relative link is resolved from the page's address first (`x.md` at `x/`); an "
                      "address a page's\n"
                      "front matter redirects to it (`aliases`, or a `redirects` list's `from`) "
                      'reaches it; and the\n'
                      'relative links of text the site includes in other pages (an unrendered '
                      '`_includes/` page) are\n'
                      'not checked, since each page that includes it resolves them from its own '
                      "address. A page that the redirect maps say has moved is `redirected-link`'s. In "
                      'an\n'
                      'Obsidian vault (`wiki_links`: a `.obsidian` folder says so), `[[Note]]`, '
                      '`[[Folder/Note|text]]`\n'
                      "and `![[diagram.png]]` name a note or file anywhere in the vault (its locale's "
                      'tree) by the\n'
                      'end of its path, in any case, and so may a Markdown link (`[text](Note.md)`); a '
                      "note's `aliases` in its front matter are\n"
                      'names it may be linked by (`[[AI]]`). On a Docusaurus site (a '
                      '`docusaurus.config.*`), a page is\n'
                      "served at its front matter's `slug` too (a blog post's under the blog's route:\n"
                      '`slug: launched` is `/blog/launched`), each version of `versions.json` under '
                      "the docs' route\n"
                      "at its name or its configured `path` (`/docs/v2/`), and a translation's "
                      'root-absolute address\n'
                      "is its own language's page, in whichever plugin's folder; where the sidebar "
                      'gives a category a\n'
                      "generated page (`link: {type: 'generated-index'}`), `/docs/category/…` is a "
                      'page the build\n'
                      'writes. A Mintlify site (a `docs.json` or `mint.json`) writes a page for each '
                      'operation of the\n'
                      'OpenAPI specifications its navigation names (`"openapi": "en/api/spec.json"`): '
                      'at the\n'
                      "operation's `x-mint.href`, else at the specification's `directory` "
                      '(`api-reference`), its tag\n'
                      'and its summary made slugs (`/api-reference/chat-messages/send-a-message`); a '
                      'link to one\n'
                      'reaches it, and one to an operation the specification lacks is broken. A '
                      'relative link that is a bare name\n'
                      'no file has is a MyST reference where a page names a target so (`[the '
                      'format](data-format)` for\n'
                      "`(data-format)=`), or where it is a documented Python object's dotted path\n"
                      '(`[Loader](kbtool.io.loader.Loader)`): Sphinx resolves those, not to files.\n'
                      '\n'
                      '## Why it matters\n'
                      'Articles are renamed and images are cleaned up; the links stay and lead readers '
                      'to a 404 or a\n'
                      'broken picture. The case mismatch is the worst kind: it passes every preview on '
                      "a writer's\n"
                      'laptop and fails only in production.\n'
                      '\n'
                      '## Example\n'
                      '```markdown file=en/help/install.md\n'
                      '# Installing the agent\n'
                      '\n'
                      'See [the requirements](/help/requirements.md) and ![the '
                      'dialog](../assets/Dialog.PNG).\n'
                      '```\n'
                      '```text file=en/assets/dialog.png\n'
                      '(an image)\n'
                      '```\n'
                      'fires twice: no file at `en/help/requirements.md`; `en/assets/dialog.png` '
                      'differs in case.\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown file=en/help/install.md\n'
                      '# Installing the agent\n'
                      '\n'
                      'See [the requirements](requirements) and ![the dialog](../assets/dialog.png).\n'
                      '```\n'
                      '```markdown file=en/help/requirements.md\n'
                      '# Requirements\n'
                      '```\n'
                      '```text file=en/assets/dialog.png\n'
                      '(an image)\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'Safe for a case mismatch: the link is rewritten with the file name as it is; '
                      'unsafe where the\n'
                      "address does not write the file's suffix (`../license` may be a page the site "
                      'serves as\n'
                      'written, beside a `LICENSE` file). None otherwise: which file was meant is for '
                      'the writer to\n'
                      'decide.\n'
                      '\n'
                      '## Fixed\n'
                      'What `kblint --fix` makes of the example:\n'
                      '```markdown file=en/help/install.md\n'
                      '# Installing the agent\n'
                      '\n'
                      'See [the requirements](/help/requirements.md) and ![the '
                      'dialog](../assets/dialog.png).\n'
                      '```\n',
     'fix': 'safe',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'broken_anchor',
     'code': 'KL107',
     'name': 'broken-anchor',
     'severity': 'ERROR',
     'summary': "A link's #anchor names no heading or anchor of the page it leads to.",
     'documentation': '## What it does\n'
                      'Checks the `#fragment` of every link to a page of the knowledge base, on the '
                      'same page\n'
                      "(`#reset`) or another (`/help/x.md#scen1`), against that page's anchors: its "
                      "headings' ids\n"
                      "as the site's generator makes them (`heading_ids` in the configuration: "
                      '`github`, the default\n'
                      'of GitHub and Docusaurus, lower case, punctuation dropped, spaces as hyphens; '
                      '`hexo`, which\n'
                      "keeps case, `Render-a-Page`; `vitepress`, also VuePress's; `kramdown`; "
                      '`python-markdown`,\n'
                      "MkDocs's, which drops what is not ASCII, so that a Chinese heading's id is "
                      '`_1`, `_2`;\n'
                      '`mintlify`, which keeps every character outside ASCII, full-width punctuation '
                      'too\n'
                      '(`#暂停，而非错误`); repeated headings numbered `-1`, `-2`; Chinese headings keep '
                      'their\n'
                      "characters but in MkDocs's. Unset, a MkDocs site's pages have MkDocs's unless "
                      'its `mkdocs.yml`\n'
                      "chooses a `slugify`, a Mintlify site's (a `docs.json` or `mint.json`) "
                      "Mintlify's, and elsewhere the scheme is the one under which most of the links' "
                      'anchors\n'
                      'exist), explicit heading ids (`{#scen1}` as in\n'
                      "Pandoc, kramdown and Experience League, `{/*scen1*/}` as in MDX, Fumadocs' `## "
                      'Title [#scen1]`\n'
                      '(an id that starts with a letter: `## 1.2 [#345]` is a release naming its pull '
                      'request), and\n'
                      "kramdown's `{: #apt}` on the line under a heading or a paragraph), MyST's "
                      'targets (a line `(data-format)=` before a\n'
                      "heading, as Sphinx's MyST parser reads it) and HTML `id=`/`name=`\n"
                      'anchors, and the id attributes of MDX components (`<Recipes titleId="x">`,\n'
                      '`<TeamMember permalink="x">`), and the titles of Mintlify\'s tabs and '
                      'accordions made slugs\n'
                      '(`<Tab title="New Agent">` is `#new-agent`), and the anchors of the partials '
                      'the page renders (`import\n'
                      "Cache from './_cache.mdx'` and `<Cache />`, as Docusaurus and Astro put them in "
                      'the page). On a\n'
                      "dumi site a component's page also has its demos' anchors (`<code "
                      'src="./demo/basic.tsx">` on\n'
                      '`components/button/index.en-US.md` is `#button-demo-basic`), and a `#fragment` '
                      "in a demo's\n"
                      "description names a place on the component's page, which is not checked. Nor "
                      'are the links\n'
                      "of the all-contributors bot's table (between its `ALL-CONTRIBUTORS-LIST:START` "
                      'and `:END`\n'
                      'comments), whose `#code-kim` names a kind of contribution, no place. A Vant CLI '
                      "site's\n"
                      "page has the ids transliteration's slugify gives its headings "
                      '(`#/en-US/button#props`); a\n'
                      'place on a page with a Chinese heading (whose id is its pinyin) is not checked. '
                      'A\n'
                      "help center's HTML article has the anchors it gives itself (`id=`, `name=`, the "
                      "editor's\n"
                      '`h_01…` ids) and no others: no heading id is made from its text. `#top` is the '
                      'top of any\n'
                      "page, and so is the id of a page's own title where no heading repeats it "
                      '(`#itemmeta` to the\n'
                      'page titled ItemMeta, as generated API references link a type: the reader lands '
                      "at the title), and `site_anchors` in the configuration lists anchors the site's "
                      'layout adds to every\n'
                      "page; a text fragment (`#:~:text=words`) is the browser's. In an Obsidian "
                      'vault\n'
                      '(`wiki_links`), links name a heading by its text, in any case (`[[Note#Some '
                      'heading]]`, the\n'
                      'last of `#Heading#Subheading`), or a block by its `^id`. When an anchor differs '
                      'only in case,\n'
                      'or another anchor is a near miss, the message says so (a repository that opens '
                      'with a README\n'
                      'and configures no site builder, nor a package that may build one, is read on '
                      'GitHub, whose\n'
                      'page script finds an anchor in any case: there a difference in case is no '
                      'finding). Where the\n'
                      'page that links or one page or two of the same language have the anchor itself '
                      '(a reference\n'
                      'split into pages, a migration guide rewritten for each release, a setting '
                      'documented\n'
                      'elsewhere now), the message names them rather than a near miss on the linked '
                      'page (unless\n'
                      'the link is on that page, or the near miss is the anchor but for a letter or '
                      'two: a plural,\n'
                      '`#--frozen-lockfile`), those nearest the linked\n'
                      "page in the tree (its version's), where the anchor is words joined "
                      '(`#server-watch`) or a long\n'
                      'name run together (`#linkworkspacepackages`), not one common word (`#usage`);\n'
                      'but where the scheme is guessed and no\n'
                      "known one explains the links better than GitHub's, an anchor that is a "
                      "heading's text exactly\n"
                      "as written, a program's name in camel case (`#VirtualListProps`), is not "
                      'reported: a site that\n'
                      'keeps the case serves it. A VitePress or VuePress site whose configuration '
                      'gives its headings\n'
                      'ids with a `slugify` of its own (`markdown: {anchor: {slugify}}`, in '
                      '`.vitepress/config.ts` or\n'
                      'a module of its `config/` folder) may keep their case and dashes '
                      '(`#Shared-Getters`,\n'
                      '`#Vuex-3-x-4-x`): an anchor that names a heading but for case and dashes is not '
                      'reported\n'
                      'there; one no heading has in any case still is. A heading with an explicit id '
                      '(`{#id}`,\n'
                      '`{/*id*/}`, `[#id]`, or `%{#id}%`, markdown-it-attrs with delimiters of the '
                      "site's choosing)\n"
                      'has that id alone: every generator that reads one gives it instead of the slug '
                      'of the\n'
                      "heading's text (Docusaurus, VitePress, Hugo, MkDocs, dumi, Pandoc, kramdown), "
                      'and GitHub,\n'
                      'which does not, shows the braces, whose words its slug then has too.\n'
                      '\n'
                      '## Why it matters\n'
                      'Headings get reworded and their anchors change with them. The link still opens '
                      'the page, so\n'
                      'nobody notices, but the reader lands at the top instead of the step they were '
                      'sent to.\n'
                      '\n'
                      '## Example\n'
                      '```yaml file=kblint.yaml\n'
                      'heading_ids: github\n'
                      '```\n'
                      '```markdown file=en/help/reset.md\n'
                      '# Resetting a branch\n'
                      '\n'
                      '## Reset the local branch {#reset-local}\n'
                      '\n'
                      'Follow [these steps](#reset-git-branch), then see [the first '
                      'scenario](scenarios.md#scen-1)\n'
                      'or [the second](scenarios.md#Scenario-2).\n'
                      '```\n'
                      '```markdown file=en/help/scenarios.md\n'
                      '# Scenarios\n'
                      '\n'
                      '## Scenario 1 {#scen1}\n'
                      '\n'
                      '## Scenario 2\n'
                      '```\n'
                      'fires three times: `#reset-git-branch` is not on the page; `#scen-1` is a near '
                      'miss of\n'
                      "`#scen1`; `#Scenario-2` differs from the heading's `#scenario-2` only in case.\n"
                      '\n'
                      '## Does not fire\n'
                      '```markdown file=en/help/reset.md\n'
                      '# Resetting a branch\n'
                      '\n'
                      '## Reset the local branch {#reset-local}\n'
                      '\n'
                      '<a name="reset-git-branch"></a>\n'
                      '\n'
                      'Follow [these steps](#reset-git-branch) or [the same](#reset-local), and see\n'
                      '[the first scenario](scenarios.md#scen1).\n'
                      '```\n'
                      '```markdown file=en/help/scenarios.md\n'
                      '# Scenarios\n'
                      '\n'
                      '## Scenario 1 {#scen1}\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'When the anchor differs only in case, the link names the anchor as the page has '
                      'it: safe\n'
                      'when `heading_ids` is configured, unsafe when the scheme was guessed (under '
                      'another scheme\n'
                      'the link may be right as it is). None otherwise.\n'
                      '\n'
                      '## Fixed\n'
                      'What `kblint --fix` makes of the example:\n'
                      '```markdown file=en/help/reset.md\n'
                      '# Resetting a branch\n'
                      '\n'
                      '## Reset the local branch {#reset-local}\n'
                      '\n'
                      'Follow [these steps](#reset-git-branch), then see [the first '
                      'scenario](scenarios.md#scen-1)\n'
                      'or [the second](scenarios.md#scenario-2).\n'
                      '```\n',
     'fix': 'safe',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': ['explicit_headings'],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'wrong_locale_link',
     'code': 'KL108',
     'name': 'wrong-locale-link',
     'severity': 'WARNING',
     'summary': "A link into another language's copy of an article that exists in the article's own "
                'language.',
     'documentation': '## What it does\n'
                      "Reports a link from an article in one language to another language's copy of an "
                      'article\n'
                      '(a path into `/en/`, `../../en/help/x.md`, a `?lang=en` URL of the site) when '
                      'that article\n'
                      "also exists in the linking article's own language. A link from a translation to "
                      'its own\n'
                      "original is left alone (but for a help center's `/hc/{locale}/articles/{id}` "
                      'address, where a\n'
                      'link to the same article in another language is a slip of the copy), as is a '
                      'link to an\n'
                      "article that has no version in this language, a link to another language's home "
                      'page\n'
                      '(`/zh-tw/`: a language switch), and one right beside a link (a few characters '
                      "away, or on the next line) to the page's\n"
                      'version in the article\'s own language (a choice of language: "English | 中文"). '
                      "A dumi component's demo descriptions are written in every\n"
                      'language at once (`## zh-CN`, `## en-US`): their links are not checked for it. '
                      'Nor are those of\n'
                      'a copy of its source not yet translated (nine tenths of its paragraphs or more '
                      'identical to\n'
                      "the source's, or, in a script other than the source's, no prose in its own): "
                      'its links are\n'
                      "the source's as its text is, and untranslated-text reports it.\n"
                      '\n'
                      '## Why it matters\n'
                      'Translations are often made by copying the source, links included. Readers who '
                      'chose their\n'
                      'language are then sent back to English halfway through, although the page they '
                      'need is\n'
                      'translated.\n'
                      '\n'
                      '## Example\n'
                      '```markdown file=zh-Hant/help/setup.md\n'
                      '# 設定\n'
                      '\n'
                      '請參閱[安裝步驟](../../en/help/install.md)。\n'
                      '```\n'
                      '```markdown file=zh-Hant/help/install.md\n'
                      '# 安裝\n'
                      '```\n'
                      '```markdown file=en/help/install.md\n'
                      '# Installing\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown file=zh-Hant/help/setup.md\n'
                      '# 設定\n'
                      '\n'
                      '請參閱[安裝步驟](install.md)與[英文原文](../../en/help/setup.md)。\n'
                      '```\n'
                      '```markdown file=zh-Hant/help/install.md\n'
                      '# 安裝\n'
                      '```\n'
                      '```markdown file=en/help/install.md\n'
                      '# Installing\n'
                      '```\n'
                      '```markdown file=en/help/setup.md\n'
                      '# Setting up\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      "Safe: a relative link becomes the path to the article's own version; in a site "
                      'path or URL,\n'
                      "the locale segment (or the `lang=` value) is replaced by the article's own, or "
                      'left out where\n'
                      "the site serves that language without one (a Hugo site's default language: "
                      '`/zh/docs/x`\n'
                      'becomes `/docs/x` unless `defaultContentLanguageInSubdir`). Unsafe when the\n'
                      "link names an anchor that the article's own version does not have (its headings "
                      'are\n'
                      "translated, and so may be their ids), or when the link's text writes the "
                      'address itself (a\n'
                      'page that shows how to link: the text and the link would disagree). A reference '
                      "link's\n"
                      'destination is rewritten in its definition; a character that would end the '
                      'destination (a\n'
                      'space, an unbalanced parenthesis) is percent-encoded.\n'
                      '\n'
                      '## Fixed\n'
                      'What `kblint --fix` makes of the example:\n'
                      '```markdown file=zh-Hant/help/setup.md\n'
                      '# 設定\n'
                      '\n'
                      '請參閱[安裝步驟](install.md)。\n'
                      '```\n',
     'fix': 'safe',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': ['texts', 'text_paragraphs', 'own_script'],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'redirected_link',
     'code': 'KL109',
     'name': 'redirected-link',
     'severity': 'WARNING',
     'summary': 'A link to an article that moved (by the redirect maps), or a redirect that leads '
                'nowhere.',
     'documentation': '## What it does\n'
                      "Reads the knowledge base's redirect maps (files named `redirects.csv`, "
                      '`redirects.yaml` or\n'
                      "`_redirects`, each for the articles under its folder (a map in a site's static "
                      'folder,\n'
                      "`static/`, `public/` or `.vuepress/public/`, is copied to the site's root: it "
                      'is for the\n'
                      'folder that holds that folder), and those named by `redirects:` in the\n'
                      'configuration; CSV `source,destination` rows as Experience League keeps them, '
                      'YAML, or\n'
                      "Netlify's format; and a Docusaurus site's client-redirects plugin, its `{from, "
                      'to}` list written\n'
                      "in `docusaurus.config.js` or in a module of the site's it requires) and reports "
                      'a link to a page that no longer exists but has a redirect, with\n'
                      'the place it moved to. A redirect whose\n'
                      'destination does not exist, that loops, or that starts a chain of more than 20 '
                      'redirects (where\n'
                      'browsers give up) is an error on its row of the map (in runs over the whole '
                      'knowledge base).\n'
                      "A web server's map (`_redirects`, `netlify.toml`, `vercel.json`) matches a path "
                      'as written: its\n'
                      '`/old/` catches a link to `/old/`, not one to `/zh-tw/old/`, which stays a '
                      'broken link. (The\n'
                      "other maps are of pages: a redirect of a page holds for each language's "
                      'version.) A short\n'
                      "address of one word that leads to another site (`/chat` for the project's chat "
                      'server) is the\n'
                      "site's own on purpose, so that it can move it: a link to it is not reported.\n"
                      '\n'
                      '## Why it matters\n'
                      'A redirect keeps an old link working, one hop later, until someone prunes the '
                      'map; a link that\n'
                      'goes straight to the new place survives that. A redirect to a page that was '
                      'itself removed is\n'
                      'a 404 that nobody notices, because the old URL "is handled".\n'
                      '\n'
                      '## Example\n'
                      '```csv file=redirects.csv\n'
                      'source,destination\n'
                      '/help/old-setup.md,/help/setup.md\n'
                      '/help/legacy.md,/help/gone.md\n'
                      '```\n'
                      '```markdown file=en/help/start.md\n'
                      '# Start\n'
                      '\n'
                      'Follow [the setup](/help/old-setup.md#step-2).\n'
                      '```\n'
                      '```markdown file=en/help/setup.md\n'
                      '# Setup\n'
                      '\n'
                      '## Step 2\n'
                      '```\n'
                      'fires on the link (it moved to `/help/setup.md`) and on the second row of the '
                      'map.\n'
                      '\n'
                      '## Does not fire\n'
                      '```csv file=redirects.csv\n'
                      'source,destination\n'
                      '/help/old-setup.md,/help/setup.md\n'
                      '```\n'
                      '```markdown file=en/help/start.md\n'
                      '# Start\n'
                      '\n'
                      'Follow [the setup](/help/setup.md#step-2).\n'
                      '```\n'
                      '```markdown file=en/help/setup.md\n'
                      '# Setup\n'
                      '\n'
                      '## Step 2\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'Safe: the link is rewritten to the destination, in its own style (a site path '
                      'stays a site\n'
                      'path, a relative link stays relative) and with its anchor; a reference link in '
                      'its definition.\n'
                      'A character that would end the destination (a space, an unbalanced parenthesis) '
                      'is\n'
                      'percent-encoded. A destination with a scheme other than `http`, `https` or '
                      '`mailto` (a\n'
                      '`javascript:` URL) is reported, never written.\n'
                      '\n'
                      '## Fixed\n'
                      'What `kblint --fix` makes of the example:\n'
                      '```markdown file=en/help/start.md\n'
                      '# Start\n'
                      '\n'
                      'Follow [the setup](/help/setup.md#step-2).\n'
                      '```\n',
     'fix': 'safe',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'incomplete_image',
     'code': 'KL110',
     'name': 'incomplete-image',
     'severity': 'WARNING',
     'summary': 'An image with no source, a placeholder source, or (in HTML) no alt attribute.',
     'documentation': '## What it does\n'
                      'Reports an image whose address is empty (`<img src="">`, `![Diagram]()`) or a '
                      'placeholder\n'
                      '(`#`, `about:blank`, an empty `data:` URL, placeholder.com and its kin, a file '
                      'named\n'
                      '`placeholder.png`, the reserved `example.com`), and, with information severity, '
                      'an HTML image\n'
                      'with no `alt` attribute at all. `alt=""` is the way to say an image only '
                      'decorates, so it is\n'
                      'not reported; Markdown cannot tell a missing text from an empty one, so its '
                      'images are not\n'
                      'checked for it.\n'
                      '\n'
                      '## Why it matters\n'
                      'Help-center editors insert an image box first and the picture later; an empty '
                      'or placeholder\n'
                      'source shows a broken image to every reader. Screen readers read an image '
                      'without `alt` as its\n'
                      'file name, or skip it, and the step it illustrates is lost.\n'
                      '\n'
                      '## Example\n'
                      '```html file=en-us/360000101.html\n'
                      '<h1>Choosing a plan</h1>\n'
                      '<p>Select a plan.</p>\n'
                      '<img src="https://via.placeholder.com/600x300">\n'
                      '```\n'
                      'fires twice: `image source is a placeholder '
                      '(https://via.placeholder.com/600x300): replace it\n'
                      'with the real image` and `image without alt text: …`.\n'
                      '\n'
                      '## Does not fire\n'
                      '```html file=en-us/360000102.html\n'
                      '<h1>Choosing a plan</h1>\n'
                      '<p>Select a plan.</p>\n'
                      '<img src="/hc/article_attachments/360001/plans.png" alt="The plans page">\n'
                      '<img src="/hc/article_attachments/360002/divider.png" alt="">\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None: which image belongs there is for the writer to decide.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': True,
     'functions': ['check']},
    {'module': 'typo',
     'code': 'KL201',
     'name': 'typo',
     'severity': 'WARNING',
     'summary': "A misspelled word, from codespell's dictionary and a pack of context-dependent typos.",
     'documentation': '## What it does\n'
                      'Checks every Latin-script word of the prose (in articles of every language: a '
                      "Chinese article's\n"
                      "`HTPS` is a typo too) against codespell's dictionary of common misspellings, "
                      'read from the\n'
                      'installed `codespell` package, and against the `data-typos.yaml` pack: real '
                      'words misused in\n'
                      'context (`Secrete` where `Secret` is meant), key names (`CRTL` → `Ctrl`) and '
                      'product names\n'
                      "(`Github` → `GitHub`). Corrections keep the word's case. Words in the "
                      "configuration's\n"
                      '`accepted_words` never fire, nor do those a page lists for a spell checker (the '
                      "front matter's\n"
                      "`cSpell:ignore: Furst Omlet`, a comment's `<!-- cspell:words Hashi -->`); code, "
                      'URLs and front matter are never checked, nor are command-line\n'
                      'options written as text (`-fo`, `--ot`).\n'
                      '\n'
                      "codespell's list is English: articles in another Latin-script language "
                      '(Spanish, Portuguese,\n'
                      'French…) are checked against the pack only, and so is an article among the '
                      'English ones that is\n'
                      'written in another (many of its function words, "und", "der", "les", few of '
                      "English's), and a\n"
                      "passage of a page that holds several languages' (an FAQ answered in English and "
                      'in Spanish: a\n'
                      "paragraph with two such words and none of English's). A word\n"
                      'the article also writes capitalized that ends a longer word of it is a name '
                      'shortened\n'
                      '(`Bloks` of a product called `Rockblok`). A word cut by key markers, as cheat '
                      'sheets mark\n'
                      'options (`[u]ser`, `e[x]tract`), is checked whole. Names are left alone: '
                      'acronyms of up to four\n'
                      'capitals (`AKS`), words with a capital inside (`FileTests`), dotted names '
                      '(`recieve.conf`), the\n'
                      'parts of a path written in prose after a slash (`/dev/hda`, `~/recieve`; '
                      '`and/or` is no\n'
                      'path), short parts of hyphenated words (`add-ons`), words written against `@`, '
                      'braces, an HTML\n'
                      'entity or a code span (`@bable/x`), a capitalized word among capitalized words '
                      'inside a\n'
                      "sentence (a person's or a company's name), a word that is both in the article's "
                      'file name\n'
                      'and in its code (the command a page is about), a word of four letters at most '
                      'that the article\n'
                      'also writes as a part of a snake_case name (`ons` beside `ons_instance_name`: a '
                      "product's\n"
                      'code), and the rest of a word whose first letter is bracketed (`(S)tring, '
                      '(N)umber`). A word quoted by a sentence that corrects it, as a change\n'
                      "log's line about a fix does (`fix typo occuring -> occurring`: the sentence "
                      'writes a\n'
                      'correction after the word and speaks of a typo, a misspelling or spelling, or '
                      'has an arrow), is\n'
                      "cited, not misspelled, and so is a POSIX character class's name (`[:cntrl:]`). "
                      'The text of a\n'
                      "link to a pull request, an issue or a commit quotes the change's title as its "
                      'author wrote it\n'
                      "(a release note's `[Recieve "
                      'retries](https://git.example.com/kb/tool/pull/41)`): it is not the\n'
                      "article's spelling. Nor is the rest of a change log's entry that opens with a "
                      'link to its\n'
                      'change or issue by its id (`[[TOOL-208](…/browse/TOOL-208)] - crash in the '
                      'enviroment check`),\n'
                      "or that GitHub's release notes write before its author and change (`Keep the "
                      'udpate queue by\n'
                      '@kim-lee in https://…/pull/8106`).\n'
                      '\n'
                      '## Why it matters\n'
                      'Typos in instructions cost trust, and some cost more: a reader searching for '
                      '"Secret key" never\n'
                      'finds "Secrete key".\n'
                      '\n'
                      '## Example\n'
                      '```markdown\n'
                      'Type: Secrete and public key, then press CRTL+Enter to recieve a code.\n'
                      '```\n'
                      'fires three times: `Secret`, `Ctrl`, `receive`.\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown\n'
                      'The gland can secrete fluid. Run `recieve --dry-run` (inline code is not '
                      'prose).\n'
                      '\n'
                      '- docs: fix typo recieve -> receive in the guide.\n'
                      '\n'
                      'Remove every control character ([:cntrl:]) from the name.\n'
                      '\n'
                      '- Merged [recieve retries on '
                      'timeout](https://github.com/example/kbtool/pull/41).\n'
                      '\n'
                      'The old tests ran on testng; the new ones run on JUnit.\n'
                      '\n'
                      '| Language | Code |\n'
                      '| --- | --- |\n'
                      '| Faroese | fo |\n'
                      '```\n'
                      "A table cell or a paragraph of one short token is a code (a language's, a "
                      "currency's), not a\n"
                      "word. A few names are written in lower case where codespell's list takes them "
                      'for a misspelled\n'
                      'word (`testng`, the TestNG framework): the `names` of `data-typos.yaml`.\n'
                      '\n'
                      '## Fix\n'
                      'Safe when there is one correction (`recieve` → `receive`) and nothing says the '
                      'word could be\n'
                      "meant as written. The fix is unsafe (offered with `--unsafe-fixes`, the fix's "
                      'reason says\n'
                      'why) in a heading without an explicit id (`{#id}`: the anchor would change and '
                      'links to\n'
                      'it break), in a table cell (a value, or a word of another language in a table '
                      'of\n'
                      'translations: `paket` is Serbian for package), for a word in capitals, of three '
                      'letters or fewer, part of a hyphenated or slashed\n'
                      "name, capitalized inside a sentence or before a '!' that the sentence goes on "
                      'after\n'
                      '(`Yahoo! mail`: a name), capitalized among Chinese or Japanese text (a name: '
                      '`ローカル Hashi\n'
                      '環境`), used by the article in its code, file name or links, alone in quotes or '
                      'parentheses,\n'
                      "inside a quotation or a title in title marks (《…》: another language's words, or "
                      'a citation\n'
                      'that spells a name as its work does), whose correction only adds a\n'
                      'hyphen (`reenabled` → `re-enabled`: the closed form is a spelling too), a '
                      "verb's `-s` form after\n"
                      'a word that asks for the bare verb (`they relys` wants `rely`, not `relies`), '
                      'or in a text that also writes\n'
                      'the correction (it may be about the misspelling). Several candidates are listed '
                      'in the message and not fixed; a word cut\n'
                      'by key markers is never fixed.\n'
                      '\n'
                      '## Fixed\n'
                      'What `kblint --fix` makes of the example:\n'
                      '```markdown file=en/KB1.md\n'
                      'Type: Secret and public key, then press Ctrl+Enter to receive a code.\n'
                      '```\n',
     'fix': 'safe',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': True,
     'functions': ['check', 'place_key']},
    {'module': 'repeated_word',
     'code': 'KL202',
     'name': 'repeated-word',
     'severity': 'WARNING',
     'summary': 'A word written twice in a row ("the the"), also across a line break.',
     'documentation': '## What it does\n'
                      'Reports a word followed by the same word (ignoring case), with only spaces or '
                      'one line break\n'
                      'between them, as a reader sees them: markup between them does not hide a '
                      'doubling, but the text\n'
                      'of an image (badges side by side, `[![npm](…)](…) [![npm](…)](…)`) is not read '
                      'as prose next\n'
                      'to its neighbours, and a name set apart by emphasis before the same word '
                      '(`*Vault Docs* Docs`,\n'
                      "the docs of a product's docs) or after it (`enable **Enable sync**`, an action "
                      'and the name of\n'
                      'the setting it acts on) is no doubling, nor is a term set apart by a link or '
                      'emphasis\n'
                      'before the sentence that defines it (`[**legend**](/legend) Legend of the '
                      'chart`, `[Secret\n'
                      'Store](…) Store secrets…`), nor a word\n'
                      "then the same word alone in emphasis, a parameter's name (`the graphic style "
                      '_style_`), nor the same doubling of a capitalized word\n'
                      'written twice or more in one article (a name: "Vault Docs Docs"). Doubles that '
                      'can be\n'
                      'grammatical or set phrases ("that that", "had had", "is is", "bang bang" for a '
                      'shell\'s `!!`; French "nous nous", German "die die" and "Sie\n'
                      'sie", Dutch "je je" and "in in", Portuguese and Czech "se se", Italian "passo '
                      'passo"; English "at will\n'
                      'will", a phrasal verb\'s particle before its preposition, "log in in the '
                      'browser", and a clause\n'
                      'that ends with its verb\'s "to" before an infinitive, "the pages people go to '
                      'to learn", but\n'
                      'not "go to to the page") are allowed, and so is any doubling\n'
                      'in a language whose grammar doubles words (Turkish "sık sık", Vietnamese "song '
                      'song",\n'
                      'Indonesian, Malay, Tagalog), and so is a run of four or more (filler text, '
                      '"text text text\n'
                      'text"). A word that ends or starts an identifier\n'
                      "(`Function::Call call`, `URL url.protocol`), a parameter's type and name in a "
                      'signature written as\n'
                      "text (`insert(Tablet tablet)`), a word repeated in capitals as a constant's "
                      'name\n'
                      '(`unreachable UNREACHABLE`) or a keyword before the word (`AND and OR`), a '
                      "name's initials (`Govind K K`), a Chinese name\n"
                      'of one syllable of Pinyin written twice, each capitalized (`Lin Lin`, `Zhuan '
                      'Zhuan`), a letter other than "a" and\n'
                      '"i" (`flex: \'n n auto\'`), a name of capitalized words inside a sentence and '
                      'the word it is\n'
                      'made of ("the Ant Design design values", "the Input input box"), a custom '
                      "container's kind and\n"
                      'title (`::: tip Note` followed by "Note that…"), a callout\'s title and the '
                      'first word of its\n'
                      'body (`> [!info] Hidden files` then `> Files that…`), a label on a line it ends '
                      'on purpose\n'
                      '(a hard break: `**TIMEOUT**` and two spaces, then "TIMEOUT sets…") are not '
                      'doublings. A line\n'
                      'that reads as a title of its own (Chinese or Japanese text, or words each '
                      'capitalized, with\n'
                      "no sentence's mark at its end: `4. Share With Everyone`) over a line that opens "
                      'with its last\n'
                      'word capitalized ("Everyone on the team…") is two lines that Markdown joins: '
                      'the finding says\n'
                      'so, and offers no fix (the break is missing, not a word).\n'
                      '\n'
                      '## Why it matters\n'
                      'The eye skips doubled words, especially across a line break, so they survive '
                      'every review.\n'
                      '\n'
                      '## Example\n'
                      '```markdown\n'
                      'lock it from the web so that the the files\n'
                      'on it can no longer be opened; close the\n'
                      'the window.\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown\n'
                      'He had had enough. She said that that was fine. `the the` in code.\n'
                      'Refactor the deprecated Function::Call call. Call insert(Tablet tablet) or '
                      'transform(RowWindow rowWindow, Sink sink) to add rows. Ask Dana K K about it. '
                      'Bang bang (`!!`) runs the last command again.\n'
                      'The talk was given by Lin Lin and Dana Reyes.\n'
                      "Read the Ant Design design values, then set 'flex: n n auto'.\n"
                      'Log in in the browser first: styles changed at will will not break the page.\n'
                      'These are the pages writers go to to learn the house style.\n'
                      '\n'
                      '::: tip Note\n'
                      'Note that containers name their kind and title first.\n'
                      ':::\n'
                      '\n'
                      '> [!info] Hidden files\n'
                      '> Files that start with a dot stay hidden.\n'
                      '\n'
                      '**TIMEOUT**\\\n'
                      'TIMEOUT sets how long the agent waits.\n'
                      '\n'
                      '[![npm](https://img.example.org/npm.svg)](https://example.org/a) '
                      '[![npm](https://img.example.org/v.svg)](https://example.org/b)\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'Unsafe: removes the second word (`--fix --unsafe-fixes`); a deliberate '
                      'repetition is rare but\n'
                      'possible.\n'
                      '\n'
                      '## Fixed\n'
                      'What `kblint --fix --unsafe-fixes` makes of the example:\n'
                      '```markdown file=en/KB1.md\n'
                      'lock it from the web so that the files\n'
                      'on it can no longer be opened; close the window.\n'
                      '```\n',
     'fix': 'unsafe',
     'unsafe_reason': 'a repetition may be meant',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': True,
     'functions': ['check', 'place_key']},
    {'module': 'unbalanced_quote',
     'code': 'KL203',
     'name': 'unbalanced-quote',
     'severity': 'WARNING',
     'summary': 'A quotation mark without its partner in a paragraph, list item, heading or cell.',
     'documentation': '## What it does\n'
                      "Pairs ‘ ’, “ ”, „ “ (German) or „ ” (Polish, Hungarian), ‚ ‘ (German's single "
                      'quotes),\n'
                      '「 」 『 』 and straight `"` within\n'
                      'each paragraph, list item, heading and table cell, and reports the mark that '
                      'has no partner at its own position. Quotes nest: ‘’\n'
                      'inside “”, 『』 inside 「」. Apostrophes are not quotes: `don’t`, `IBKR’s`, the '
                      'possessive\n'
                      "`users’`, `’90s` and a Cyrillic or Greek word's (Ukrainian `об’єкт`) never "
                      'fire, and neither does an inch mark (`5\' 3"`); an\n'
                      'apostrophe typed with the opening mark (`hasn‘t`) is reported as such, not as a '
                      'quote never closed; a ’ beside a\n'
                      'Chinese character closes a quote (`打開‘%s’時`). A mark named between other quotes '
                      '(`「“」`)\n'
                      'is not a quotation. Quotes inside code, URLs and HTML are not prose, nor is a '
                      'line of JSON written as text\n'
                      '(`{"status":200,"body":…`, a response cut short), and neither is the text of\n'
                      "a link that quotes a pull request's, an issue's or a commit's title as its "
                      'author wrote it. A quotation written with\n'
                      'the closing mark at both ends (`加入”如果…那麼”`) is one finding, at the mark that '
                      'should open it,\n'
                      'and so is one whose two marks are swapped (`點選 ”匯出“ 按鈕`), at the first,\n'
                      'and so is one written with “ at both ends: at the first mark in Czech, German '
                      'and the other\n'
                      'languages that open with „ (`“Zapnuto“`), at the second elsewhere (`“說了你好“`). '
                      'So is one that\n'
                      '„ opens and a straight `"` closes (`„primäres Gerät"`), at the `"`: “ closes it '
                      'in Czech and\n'
                      'German, ” in Polish, Hungarian and Romanian. A quotation that a straight `"` '
                      'opens and ” closes\n'
                      '(`"Checkout” step`), or “ opens and `"` closes, is balanced. So is a quotation '
                      'over paragraphs:\n'
                      'a mark that opens a paragraph and one that ends a later paragraph (a few lines '
                      'on), with only\n'
                      "paragraphs between that the quotation's mark opens or that hold no quote mark.\n"
                      '\n'
                      '## Why it matters\n'
                      'A missing closing quote usually means text was cut during an edit: the UI label '
                      'the reader is\n'
                      'told to look for is no longer clear (`next to ‘Debug mode in the list`).\n'
                      '\n'
                      '## Example\n'
                      '```markdown\n'
                      'The switch is next to ‘Debug mode in the device list.\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown\n'
                      'Select “Save” and the users’ files are kept; it won’t take long. Open the '
                      '"Checkout” step. `print("x)` is code, `list`’s\n'
                      'getter is an apostrophe after code (and `"media type"’ı` one after a quotation, '
                      '`(ASF)’s` after an aside, `Vaultly™’s` after a\n'
                      "trademark's sign). Klicke auf „Speichern“ und wähle „Weiter”.\n"
                      'Merged [escape " in titles](https://github.com/example/kbtool/pull/43).\n'
                      '\n'
                      '{"status":200,"body":{"name":"...\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None: where the quote should close is for the writer to decide.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': True,
     'functions': ['check']},
    {'module': 'unbalanced_bracket',
     'code': 'KL204',
     'name': 'unbalanced-bracket',
     'severity': 'WARNING',
     'summary': 'A bracket without its partner: () [] {} （） 【】 《》 〈〉.',
     'documentation': '## What it does\n'
                      'Pairs brackets within each paragraph, list item, heading and table cell and '
                      'reports the one\n'
                      'without a partner. A full-width bracket pairs with a half-width one (`（注意)` is '
                      'one pair of\n'
                      'mixed widths, for `cjk-punctuation`). List markers and enumerations such as '
                      "`a)`, `1)`, `iv)` or `1）`, a section's number opening a line (`1.2).`), an "
                      "example's label (`예)`),\n"
                      'the smileys `:)` and `:-)` (also inside an aside: `(try it :))`), and brackets '
                      'that are named rather than used (`「)」`, `"}"`, a bracket with\n'
                      'nothing on its inner side as in `unmatched ( or [`, a heading or cell of '
                      'brackets alone, as a\n'
                      'reference names the command `[[`) are not brackets, and neither are those of a '
                      "link's text\n"
                      "that quotes a pull request's, an issue's or a commit's title as its author "
                      'wrote it, nor a\n'
                      "template's doubled braces (`{{ page.version }}`: the page shows what it "
                      'renders); a doubled opener never closed (`[[Note`\n'
                      "of a wiki link that a table's `|` cut in two) is one finding; Markdown link "
                      'syntax,\n'
                      'code, URLs (also those with parentheses, such as '
                      '`https://en.example.org/wiki/Foo_(bar)`)\n'
                      'and TeX math (`$$ … $$`, and `$ … $` around TeX: `$\\hat{A}_t$`, not `$5 to '
                      "$10`) are not prose. A mathematical interval's brackets differ on purpose: `(0, "
                      '100]`, `[0, n)`,\n'
                      '`(base**i, base**(i+1)]`, `(0, 4 MiB]`, `[0-10)`, `[1000,~)` (an end left '
                      'open), and so do\n'
                      'those of a span of time (`[00:00, 06:00)`, `[2024-03-01 08:00:00, 2024-03-01 '
                      '09:30:00)`,\n'
                      '`[2024-03-01T08:00:00.000, 2024-03-01T09:30:00.000)`). A closer right after a '
                      'literal asterisk (`哆*)` in a list of\n'
                      'names masked for privacy) may have lost its opener to the mask. A brace after a '
                      'sigil and a\n'
                      'name (`${`, `#{`, `$Error{`) names how an expression starts, and is left open '
                      'on purpose.\n'
                      '\n'
                      '## Why it matters\n'
                      'An unclosed parenthesis makes the reader wonder where an aside ends, and often '
                      'means a\n'
                      'sentence was cut in half.\n'
                      '\n'
                      '## Example\n'
                      '```markdown\n'
                      'The lock takes effect in the device list (the list refreshes every minute.\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown\n'
                      'Choose a) the phone or b) the laptop (both work). See [the guide](KB1.md) :)\n'
                      'Keys sync on their own (try it :)), and stay so :-)\n'
                      'Thanks to our sponsors: 林*), K*n and *）.\n'
                      '\n'
                      "1.2). Set the pool's defaults:\n"
                      'Read the [release notes](https://example.com/notes/{{ page.version '
                      '}}/changes).\n'
                      'A key written as $Error{ followed by a class name matches an exception.\n'
                      'Rows of the span [2024-03-01T08:00:00.000, 2024-03-01 T09:30:00) are kept (the '
                      'first hour).\n'
                      '\n'
                      'Merged [keep keys (as typed](https://github.com/example/kbtool/pull/42).\n'
                      '\n'
                      '# ((\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': True,
     'functions': ['check']},
    {'module': 'empty_section',
     'code': 'KL205',
     'name': 'empty-section',
     'severity': 'WARNING',
     'summary': 'A heading with no content before the next heading of the same or a higher level.',
     'documentation': '## What it does\n'
                      'Reports a heading that is followed directly by a heading of the same or a '
                      'higher level, or by\n'
                      'the end of the article. A heading followed by a deeper subheading is not empty: '
                      'the subsection\n'
                      'is its content, and so is a heading that names a language (`## zh-CN`, `## '
                      'en-US`: a page\n'
                      "that holds each language's text opens each so). The page's level-1 title is no "
                      'section: another level-1 heading may follow it, and a page of\n'
                      "its title alone (a category's index page with nothing written yet) is reported "
                      'as an empty\n'
                      'page, not a section whose heading is to go. A\n'
                      "level-5 or level-6 heading that ends the article is small print (a generator's\n"
                      '"generated on" line), not a section. Three or more empty headings of one level '
                      'in a row are\n'
                      'one finding, at the first: an outline not written yet, or a list written as '
                      'headings\n'
                      '(`#### Forum`, `#### Chat`, `#### Mail`). A heading that is a link alone (`### '
                      '[More\n'
                      'concepts](concepts.md)`, also after a pointing mark: `## 👉 [Demo](…)`, or '
                      'HTML\'s `## <a href="…">English</a>`) points at its content elsewhere, a '
                      'heading of an\n'
                      'id alone (`#### {#mount-options}`) is an anchor for links, not a section, and a '
                      'heading that is a placeholder\n'
                      "alone (`## TODO`, a page still to write) is `placeholder-text`'s to report. In "
                      'a change log\n'
                      "(`CHANGELOG.md`, `HISTORY.md`, `RELEASES.md`), a release's heading (`## 3.2.1 "
                      '(2024-05-02)`)\n'
                      'with nothing under it before the next release records a release with no notable '
                      'change. Names\n'
                      'of code stacked over one text that names them all (`### router.beforeEach`, '
                      '`### router.afterEach`,\n'
                      "then their signatures; an option's forms, `-c, --cache` and `--no-cache`, then "
                      'what sets the\n'
                      'cache) each give their name an anchor: the text under the last is theirs. The '
                      'issue, pull request\n'
                      'and discussion templates of GitHub, Gitee and GitLab '
                      '(`.github/ISSUE_TEMPLATE/`,\n'
                      '`.gitee/ISSUE_TEMPLATE.zh-CN.md`, `PULL_REQUEST_TEMPLATE.md`) are not read: '
                      'their empty\n'
                      'sections are fields to fill in.\n'
                      '\n'
                      '## Why it matters\n'
                      'An empty "Troubleshooting" section promises help that is not there; it is '
                      'usually a template\n'
                      'left unfilled or content lost in a migration.\n'
                      '\n'
                      '## Example\n'
                      '```markdown\n'
                      '## Troubleshooting\n'
                      '\n'
                      '## If the device comes back\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown\n'
                      '## Troubleshooting\n'
                      '\n'
                      '### The lock does not apply\n'
                      'Restart the device.\n'
                      '```\n'
                      '\n'
                      '```markdown\n'
                      '## Options\n'
                      '\n'
                      'Run it with `--all`.\n'
                      '\n'
                      "###### Generated from the command's help text\n"
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': True,
     'functions': ['check', 'place_key']},
    {'module': 'numbering_gap',
     'code': 'KL206',
     'name': 'numbering-gap',
     'severity': 'WARNING',
     'summary': 'Numbered steps that skip or repeat, or figure references that skip a number.',
     'documentation': '## What it does\n'
                      'Checks the numbers of ordered lists (1, 2, 4 skips; 1, 2, 2 repeats; a list '
                      'numbered\n'
                      '`1. 1. 1.` throughout is left alone, since Markdown renumbers it; after a slip, '
                      'an item back\n'
                      'at the number its place in the list gives it is in line, and one that is not is '
                      'held to that\n'
                      'place: in 1, 2, 2, 5, 4, 6 the second 2, the 5 and the 4 are reported, the 6 is '
                      'not) and the order in which numbered figures\n'
                      '(`Figure 6`, `Fig. 7`, `圖6`) and step labels (`Step 3:` at the start of a line, '
                      '`步驟3`, `第 3 步`,\n'
                      'one count whatever their language: `### 第 5 步` then `### Step 6` is no gap) '
                      'first appear in\n'
                      'the text: a first mention that jumps past the next number is reported. Figures '
                      'count\n'
                      'where the text numbers them, two numbers at least: "see Figure 2" alone names '
                      'the second of\n'
                      'unnumbered screenshots. Steps a code block lists (`Step 4: …` lines of a '
                      "program's output)\n"
                      'count as mentioned where the block is, and so do headings numbered without the '
                      'word (`### 3.\n'
                      'Register the client`, then `### Step 4: Sign in`). A step label that is an '
                      "image's text (`![Step 3](…)`) names a\n"
                      'screenshot. A page titled by a step (`# Step 3: Build the plugin`, its one top '
                      'heading) is one\n'
                      'page of a guide written over several: its count starts there. An item of a '
                      'numbered list that\n'
                      'names an item before it (`3. 第2步完成后…`) refers back; it starts no count. A note '
                      'above a\n'
                      'numbered list that counts from 1 names that list\'s steps ahead ("Step 4 is '
                      'done for you" over\n'
                      'steps 1 to 6), and a range of steps named anywhere in a sentence counts them as '
                      'mentioned\n'
                      '("Steps 1-3 can be skipped", `步骤 1～3`).\n'
                      '\n'
                      '## Why it matters\n'
                      'A skipped step is usually a deleted step whose neighbours were not renumbered, '
                      'or a step lost\n'
                      'in translation; readers following along get stuck looking for it.\n'
                      '\n'
                      '## Example\n'
                      '```markdown\n'
                      '1. Sign in.\n'
                      '2. Open Devices.\n'
                      '4. Select Lock.\n'
                      '\n'
                      'Figure 1 shows the button; Figure 3 shows the confirmation.\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown\n'
                      '1. Sign in.\n'
                      '2. Open Devices.\n'
                      '3. Select Lock.\n'
                      '\n'
                      'As in Figure 1 and Figure 2 (and again Figure 1).\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None: renumbering might hide a step that is really missing.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': True,
     'functions': ['check']},
    {'module': 'missing_translation',
     'code': 'KL301',
     'name': 'missing-translation',
     'severity': 'ERROR',
     'summary': 'A translation without a source article, or a source article missing a required '
                'translation.',
     'documentation': '## What it does\n'
                      'Reports an article in another language whose id has no article in the source '
                      'locale (an\n'
                      'error: the source was deleted or renamed, or the id is wrong; or the article '
                      'was written in\n'
                      'its language first, and the source language lacks it), naming the source '
                      'article whose path is close where\n'
                      'one is (`auto-scaling` for a translation still named `autoscaling`, '
                      '`chaos-engineering` for\n'
                      '`chaos_engineering`, `archive/safari/setup` for `safari/setup` when only that '
                      'source ends so:\n'
                      'the section moved; a name alike but for its numbers is another event or '
                      'release, as\n'
                      '`meetup-2007` is no `meetup-2005`), and, for the locales listed in '
                      '`required_locales`, a source article that\n'
                      'has no translation (a warning; nothing is required unless configured). A '
                      'translation that\n'
                      "is no page of the site is not reported: GitHub's files in `.github/`, a dumi "
                      "repository's\n"
                      "Markdown outside the folders it serves, a MkDocs repository's outside the "
                      'folders its sites\n'
                      "build (a translator's prompt in its language's folder); nor is a draft (`draft: "
                      'true`),\n'
                      'which the site does not publish, nor a source that is a draft, nor on a '
                      'Docusaurus site a file\n'
                      'or a folder whose name starts with `_` (a partial, a draft kept aside: no '
                      "page), nor a folder's\n"
                      'index that is a heading alone (nothing to write). Nor is a post of a blog or a '
                      'news\n'
                      'section (`_posts/2018-03-28-name.md`, `blog/2020-05-27-name.md`, '
                      '`blog/news/meetup/index.md`)\n'
                      "whose name is close to no source's: each language's blog is its own, and a post "
                      'written in one\n'
                      "language only is no translation. Nor is a page in a Docusaurus site's content "
                      'folder under a\n'
                      'folder named for a language (`videos/sessions/zh` beside `videos/sessions/en`): '
                      'Docusaurus keeps\n'
                      "translations in `i18n/`, and such folders are categories of the site's pages by "
                      'language.\n'
                      'It also reports a Docusaurus translation named with another suffix than its '
                      'source\n'
                      '(`i18n/zh/docusaurus-plugin-content-docs/current/intro.md` for '
                      '`docs/intro.mdx`): Docusaurus\n'
                      "looks for a translation under its source's file name, so that one is never "
                      'served and its\n'
                      "readers get the source's page.\n"
                      '\n'
                      '## Why it matters\n'
                      'A translation without a source can no longer be kept up to date, and readers of '
                      'a required\n'
                      'language who follow a link find nothing.\n'
                      '\n'
                      '## Example\n'
                      '`zh-Hant/KB1009.md` with no `en/KB1009.md`; `zh-Hant/help/old.md` with no '
                      '`en/help/old.md`:\n'
                      '```markdown file=zh-Hant/KB1009.md\n'
                      '# 舊的說明\n'
                      '```\n'
                      '```markdown file=zh-Hant/help/old.md\n'
                      '# 舊的說明\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '`zh-Hant/KB1001.md` beside `en/KB1001.md`, a news post written in Chinese only, '
                      'and a draft\n'
                      'whose source was deleted:\n'
                      '```markdown file=en/KB1001.md\n'
                      '# Resetting your password\n'
                      '```\n'
                      '```markdown file=zh-Hant/KB1001.md\n'
                      '# 重設密碼\n'
                      '```\n'
                      '```markdown file=zh-Hant/news/_posts/2024-05-01-taipei-meetup.md\n'
                      '# 台北聚會\n'
                      '```\n'
                      '```markdown file=zh-Hant/notes/v0-2.md\n'
                      '---\n'
                      'title: 0.2 版說明\n'
                      'draft: true\n'
                      '---\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'translation_drift',
     'code': 'KL302',
     'name': 'translation-drift',
     'severity': 'WARNING',
     'summary': 'A translation whose structure no longer matches its source.',
     'documentation': '## What it does\n'
                      'Compares each translation with its source article: the number of numbered steps '
                      'and of\n'
                      'headings, the articles referenced, the external URLs, numbers, placeholders, '
                      'inline code and\n'
                      'the content of code blocks (which are never translated: their comments, string '
                      'literals and\n'
                      "text between tags, or around a line's tags, may be, and a block that holds "
                      'words in a script\n'
                      'other than Latin past those, a placeholder such as `PrivateKey = 我的私钥` on '
                      'either side, is\n'
                      'not compared; so may the words of a block that says\n'
                      'it is Markdown, text or a diagram, `md`, `text`, `mermaid`, whose markup, '
                      'numbers and lines are\n'
                      "compared, and a sentence's colon is one whether written `:` or `：`; a batch "
                      "file's `::` and `REM`\n"
                      "lines are its comments, and a VuePress theme's component block (```` "
                      '```component VPCard ````)\n'
                      "has its text props, `title` and `desc`, translated; a shell's prompt (`$ `) and "
                      'a line continued\n'
                      'with a backslash are formatting, shown on one side and not the other; a package '
                      'or image\n'
                      "registry's host is where code downloads from, which a translation for readers "
                      'in China may\n'
                      'give as a mirror there (`registry: docker.io` made `registry: '
                      'x.cn-hangzhou.cr.aliyuncs.com`,\n'
                      '`registry.npmjs.org` made `registry.npmmirror.com`); in a translation in Latin '
                      "letters, a code span whose strings' or square brackets'\n"
                      'words are translated is the source\'s (`"Seite"|wikilink:"Beiname"` for\n'
                      '`"page"|wikilink:"alias"`), unless a word that differs is a name of code, a '
                      'number, one letter\n'
                      'or a near miss of the source\'s (`setState(x)`, `"Asistant"`), and so is a '
                      'label of plain words\n'
                      "set as code that it writes in its own words where the source's is (`Subir "
                      'datos` for\n'
                      "`Upload Data`: the app's own words in the reader's language); an inline code "
                      'span with no Latin letter or digit is words a\n'
                      'translator formatted as code, on either side (`开始菜单`), and text the source sets '
                      'as code (a\n'
                      "label, a menu's path, `TCP 本地模式 (TCPL)`) may be translated where it is, its "
                      'names, acronyms\n'
                      'and numbers kept (`UIGF 数据格式` for `UIGF data format`, `Édition > Préférences` '
                      'for\n'
                      '`Edit > Preferences`), but not a command of plain words (`git status`); a few '
                      'plain words set\n'
                      'as code (`status check fails`: a term) that a translation in another script '
                      'translates in quotes\n'
                      '(“状态检查失败”), writing none of those words anywhere, are its term translated (a '
                      'command of\n'
                      'plain words translated so would not be told from one), and words the source '
                      'writes in its\n'
                      'sentences as plain words (`vault cluster`, `502 Bad Gateway`) that a '
                      'translation sets as code\n'
                      'add nothing (not a line that opens with code, an example to run); the words of '
                      'a placeholder, `{{path/to/file}}` or\n'
                      '`<repository>`, may be translated: see `translated_placeholders`). A URL that '
                      'names the\n'
                      "translation's locale (`/zh-tw/`, `?hl=zh-TW`, `?language=cn`, `zh-hant.` before "
                      "the site's name) is the\n"
                      "source's URL; 1万, 3億 and １０ are numbers, a version glued to the name it "
                      'numbers\n'
                      "(`Llama3.1` for `Llama 3.1`) is the source's, and a version written twice in "
                      'the source and\n'
                      'once in the translation is a difference. Each difference is one finding that '
                      'says what\n'
                      'differs, on the translation, at the differing place where there is one; a fact '
                      'missing from\n'
                      "the translation at the translation's block that corresponds to the source's "
                      'block holding it.\n'
                      'A count of numbered steps that differs is reported at the first numbered list '
                      'whose count\n'
                      "differs, unless both articles' lists hold as many items: a translation may "
                      'number what its\n'
                      'source bullets, or the other way round; nor where numbered lists of links alone '
                      'explain the\n'
                      "difference (`1. [Forum](…)`, a page's contents, where to ask for help): "
                      'destinations, not\n'
                      'steps; nor where one side numbers its steps by hand, as lines that open with '
                      '`1、` (no list\n'
                      'in Markdown, common in Chinese), or in MDX indented by four spaces or more '
                      'inside a component\n'
                      "(`<Steps>`: a list to MDX, which has no indented code), as many as the other's "
                      'list holds; a\n'
                      'count that differs then counts them too. Headings that open a list item (`1. '
                      "##### Update the settings`: a step's title, which a\n"
                      "translation may write as the item's text) are not counted. A count of headings "
                      'that differs is\n'
                      "reported at the heading the other article lacks: by the headings' ids where "
                      'they have them, else the first\n'
                      'heading of another level, else, where the translation has more, the one none of '
                      "the source's\n"
                      'headings falls at once placed in the translation (a "What it is" the source '
                      'dropped). A\n'
                      'heading the source opens with, saying its title again in other words (two of '
                      "the title's\n"
                      'words: "## Allocate device core to container" under "Allocate device core '
                      'usage"), is not lost\n'
                      'where the translation opens with its text instead, its title in the front '
                      'matter. A fact that changed (a number, a command, a placeholder where the '
                      "source's was) is one\n"
                      'finding, not a missing one and an added one; the facts of one passage the '
                      'translation lacks\n'
                      '(between two places both articles share, a few lines apart), and the passages '
                      'that belong at\n'
                      'one place of the translation (a section it never got), are one finding that '
                      'lists them;\n'
                      'a translation that lacks more than three passages gets one finding for all of '
                      'them, as does\n'
                      'one that holds more than ten facts of its own in more than three places (made '
                      'from another\n'
                      'version of its source: an old page the source has since split or cut); so do '
                      "the URLs that differ from the source's only in site or organization (one "
                      'rename, many links) and\n'
                      'more than three code blocks that differ. An option written long or short (`-v`, '
                      '`--verbose`,\n'
                      '`{{[-v|--verbose]}}`), short options bundled or spelled out (`-Syu`), a '
                      'placeholder with or\n'
                      'without braces, a placeholder for a plain word, quotes around code and spacing '
                      'inside code\n'
                      'are one command; a command is changed into another only when they share a word '
                      'beyond the\n'
                      "name; one token the translation sets as code, a command made of the source's "
                      'words,\n'
                      "what the source sets in quotes (`'tool sync'`), or what a source in another "
                      'script than Latin\n'
                      'writes as plain text (`-p 5602:5601`), is not reported, nor is a code span the '
                      'translation\n'
                      'writes as plain text. A code block that lists a\n'
                      "command's options a line each (a CLI's help) is compared by its options: what "
                      'each does is\n'
                      'translated. Small print closing the page (a level-5 or level-6 heading at its '
                      'end, a\n'
                      'generator\'s "generated on <date>") is each language\'s own.\n'
                      '\n'
                      'What a translation localizes is not drift: an image it has in place of the '
                      "source's or adds\n"
                      "(a screenshot in its language), a link it leaves out to a page in the source's "
                      'language\n'
                      'written in a script other than Latin (zh.wikipedia.org, `README.zh-CN.md` in a '
                      'Chinese\n'
                      "source: its readers may not read it; a page in English stays), the source's "
                      'link to this\n'
                      'very page in the translation\'s language (a README\'s "English | 中文": '
                      '`README.zh-CN.md`), a\n'
                      'sentence of the source set as code (five words or more, two of them function '
                      'words: a\n'
                      'message, `The certificate of this package cannot be verified`) that a '
                      'translation in\n'
                      'another script writes in its own words, a span whose words it translates inside '
                      "the span's\n"
                      'marks (`用户名&密码` for `username&password`, `PC-Win64位` for `PC-Win64bit`: each '
                      'run of words\n'
                      "the source's or in another script),\n"
                      'a link to its own copy of a page the source names by its\n'
                      'address on the site (`https://site.example/blog/launched/` for the '
                      "translation's\n"
                      "`/blog/launched/`; a Docusaurus site's own address, its `url`, names the page "
                      'at that route:\n'
                      '`https://site.example/docs/x` is `/docs/x`, and `/zh/docs/x` from a Chinese '
                      'page its own), the\n'
                      'same page of another version of the docs (`versioned_docs/version-1.2/x` for '
                      '`docs/x`), a link to a page of the name the source links to by an address that\n'
                      "leads nowhere (the source's link is broken; broken-link tells of it), a "
                      "reference site's page in the reader's language filed under a new\n"
                      "path or on another of the site's hosts, a link where the source's is that names "
                      "the reader's\n"
                      "language (`/zh-CN/`, `docs-zh-cn`), a site's old name (twitter.com for x.com), "
                      "a repository's\n"
                      'file at its main branch or pinned to a commit (`blob/main/x.md`, '
                      "`blob/<commit>/x.md`), a translator's\n"
                      'note (譯註), sections without ids it adds when it keeps every id of its source, '
                      'and heading\n'
                      'ids it writes where its source writes none (`## 配置 {#config}`: an anchor of its '
                      'own for a\n'
                      "heading whose text makes no Latin id). An alert written as a site's shortcode\n"
                      '(`{{% alert title="Nota" %}}`, whose kind its translated title does not say) is '
                      'an alert of any\n'
                      'kind: where one side writes them so, only the number of alerts is compared. A '
                      'table is its\n'
                      'rows and columns, written in pipes or in HTML (`<table>`): a translation may '
                      'write it either way. Nor are\n'
                      "forms that say the same: a heading's section number (`### 2.3 代理模式` for `### "
                      'Proxy mode`),\n'
                      "an image's text that is a number alone (an upload's id), 10.13.0 and 10.13, a "
                      'query added to a link, a slash before an\n'
                      'anchor, the example domains, a base (16進位), a kilo prefix (15 千字節), thousands '
                      'grouped\n'
                      'with a space or a dot (50 000, 150.000), a decimal comma in a language that '
                      'writes one (5,5 %\n'
                      "in German, Ukrainian, French…), a thousand or a million in the reader's "
                      'language (725 тис.,\n'
                      '12 Tsd., 1,5 milhão).\n'
                      'A month written as a number where the source names it (11月, 11월, tháng 11, '
                      '17/11/2000 or\n'
                      '2000.11.17 for November 17, 2000) is not compared, nor is a clock time (02:00 '
                      'UTC is 11:00 in Japan).\n'
                      "A number or an address one side's prose writes that the other side's code "
                      'blocks hold is\n'
                      'neither missing nor added (the port of `zipkin.port=9411` written in a '
                      'sentence, a URL the\n'
                      "translation shows in a `curl` command), nor is code the translation's prose "
                      'sets that the\n'
                      "source's code blocks hold (a name of theirs, or one of their lines). In code "
                      "blocks, a configuration's or a\n"
                      "script's `#` lines are comments (`#syncPort` in a `properties` block), and an "
                      'elision\n'
                      '(`...`, `/* ... */`) stands for code left out.\n'
                      '\n'
                      'Where the source changed after the translation (as translation-outdated decides '
                      'it), each\n'
                      'message says so: what differs may be what the source changed since, and the '
                      'translation is\n'
                      'to be brought up to date rather than mended.\n'
                      '\n'
                      'A fact is "changed" into another only where its place is known (something both '
                      'articles\n'
                      'share lies near it) and the two are alike: a command keeps its name and a word '
                      'beyond it, a\n'
                      'heading id or a page keeps a word of its name; a URL the translation has where '
                      "the source's\n"
                      'belongs is an old address of that link. Otherwise one is missing and the other '
                      'is new. A\n'
                      'translation that is a stub of its source (a heading and two paragraphs at most, '
                      'where the\n'
                      'source has three headings and four times as much text: "this page is not '
                      'translated yet") is\n'
                      'one finding at its title, not one for each heading, number and step the rest '
                      'holds; so is a\n'
                      'source that is such a stub of its translation ("this page waits for its English '
                      'text; see the\n'
                      'Chinese page": the page was written in the translation\'s language first).\n'
                      '\n'
                      '## Why it matters\n'
                      'Sources change and translations are updated by hand; a step added to the '
                      'English article\n'
                      'but not to the Chinese one leaves those readers stuck. Structure is a cheap, '
                      'language-blind\n'
                      'proxy for "the translation still says the same thing".\n'
                      '\n'
                      '## Example\n'
                      'The source has 3 steps and references KB1020; the translation has 2 steps and '
                      'no KB1020:\n'
                      '```markdown file=en/KB1003.md\n'
                      '1. Open the vault.\n'
                      '2. Select **Export**.\n'
                      '3. Save the file (see KB1020).\n'
                      '```\n'
                      '```markdown file=zh-Hant/KB1003.md\n'
                      '1. 開啟保管庫。\n'
                      '2. 選取「**匯出**」並儲存檔案。\n'
                      '```\n'
                      'fires: `the source (en KB1003) has 3 numbered steps, this translation 2` and\n'
                      '`the reference to KB1020 of the source (en KB1003, line 3) is missing here`.\n'
                      '\n'
                      '## Does not fire\n'
                      'A translation with the same steps, headings, references, URLs and code blocks '
                      'as its source\n'
                      '(comments and text inside code may be translated):\n'
                      '````markdown file=en/KB1003.md\n'
                      '1. Open the vault.\n'
                      '2. Run `vault export` (see KB1020):\n'
                      '\n'
                      '```sh\n'
                      'vault export --all  # every item\n'
                      '```\n'
                      '````\n'
                      '````markdown file=zh-Hant/KB1003.md\n'
                      '1. 開啟保管庫。\n'
                      '2. 執行 `vault export`（請參閱 KB1020）：\n'
                      '\n'
                      '```sh\n'
                      'vault export --all  # 所有項目\n'
                      '```\n'
                      '````\n'
                      '\n'
                      '## Fix\n'
                      'None: the translator has to translate what is missing.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': ['pair-history'],
     'languages': [],
     'facts': ['facts',
               'texts',
               'foreign',
               'steps',
               'step_lists',
               'linked_steps',
               'hand_steps',
               'list_items',
               'heading_count',
               'title_heading',
               'code_blocks',
               'code_text',
               'external_urls',
               'end_span',
               'prose_places',
               'quoted',
               'latin_prose',
               'source_prose',
               'paragraphs',
               'text_before_headings'],
     'pairwise': True,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'translation_outdated',
     'code': 'KL303',
     'name': 'translation-outdated',
     'severity': 'WARNING',
     'summary': 'The source article changed after its translation was made.',
     'documentation': '## What it does\n'
                      'Decides whether each translation is behind its source, with the best evidence '
                      'there is:\n'
                      '\n'
                      "1. a help center's own record (its metadata: a Zendesk export's fields, or the "
                      'JSON or YAML\n'
                      '   file beside an HTML article): a translation flagged `outdated: true`, or '
                      'listed in its\n'
                      '   source\'s `outdated_locales`, is "flagged outdated"; one whose `edited_at` '
                      'is older than its\n'
                      '   source\'s by more than `outdated_tolerance` hours (default 24) is "possibly '
                      'outdated";\n'
                      "2. the translation's front matter records the source revision it was made from\n"
                      '   (`source_commit: 3f2a9c1`; `source_commit_keys` in the configuration names '
                      'other keys, such\n'
                      "   as Experience League's `source-git-commit`, a nested `l10n.sourceCommit` or "
                      'the\n'
                      "   `default_lang_commit` of Kubernetes' and Helm's localizations), and the "
                      'source\n'
                      '   file has commits since then: in this repository, or in `source_repo` when '
                      'the sources live\n'
                      '   in a git work tree of their own;\n'
                      "3. else, in a git repository, the source's last commit is newer than the "
                      "translation's (the\n"
                      '   commit that made the source does not count when it is: a page written in '
                      'Chinese first and\n'
                      '   put into English later is not behind its English page; nor does the one that '
                      'wrote the\n'
                      "   source's text into a stub, a page of front matter alone when the translation "
                      'was made, nor\n'
                      '   one that only moved it, its words as they were: `2.0.0-upgrading.md` '
                      'renamed\n'
                      '   `200-upgrading.md`);\n'
                      "4. else, both sides' `updated` dates in front matter.\n"
                      '\n'
                      'A source whose commits since the translation reworded it alone (its front '
                      'matter, code blocks\n'
                      'fenced or indented, code spans, headings, the numbers and addresses its text '
                      'names, its list\n'
                      'items, table rows and quotes, and how many lines of text it has, all as they '
                      'were; each line\n'
                      'that changed changed in three words or a tenth of its words at most, and no '
                      'word put in on\n'
                      'three lines or more: a commit that "polishes the wording") is still ahead of '
                      'it, but the\n'
                      'finding is a note (info) that says so: the translation may say the same still, '
                      'and a\n'
                      'translator reads it again.\n'
                      '\n'
                      "A translation whose paragraphs of text are all the source's as the source "
                      'writes them today (a\n'
                      'copy of it: a generated reference copied again, a source changed and changed '
                      'back) is not\n'
                      'behind it, whatever the dates say: it is untranslated, and untranslated-text '
                      'reports it.\n'
                      '\n'
                      'A source whose commits since the translation changed none of its words is not '
                      'ahead of it\n'
                      '(each commit read by itself too, where the source as the translation last saw '
                      'it differs\n'
                      'from it now by a branch merged since, whose change the translation got as '
                      'well):\n'
                      "its spacing (a blank line), a table's padding (a formatter's commit), a code "
                      "fence's language\n"
                      "(```` ``` ```` made ```` ```bash ````) or a list's markers (`*` made `-`), its "
                      "front matter's\n"
                      'settings (`sidebar_position`, a slug, its tags: a translation names its own; '
                      'its title and\n'
                      "description are words), an MDX page's lines of tags alone or imports outside "
                      "code (a video wrapped in a component, a promotion's component\n"
                      'put in), an edit taken back, or\n'
                      'the small print closing it (a level-5 or level-6 heading at its end, a '
                      "generator's\n"
                      '"generated on <date>"), a word\'s spelling mended or its case changed (one '
                      'letter changed,\n'
                      'added, dropped or two swapped in a word of four letters or more, or added to '
                      'one of three:\n'
                      "`recieve` made `receive`, `Ops` made `Oops`, an English verb's mood, `Lists` "
                      'made `List`, a\n'
                      'verb made to agree with its subject, `are` made `is`),\n'
                      'an article put in, taken out or changed (`as a Output` made `as an output`), a '
                      'mark of\n'
                      "emphasis or code (a stray backtick) put in or taken out, a heading's level "
                      '(`###` made `##`),\n'
                      "a callout's kind (`:::caution` made `:::warning`, `[!NOTE]` made `[!TIP]`) or a "
                      "code block's\n"
                      'language (```` ```conf ```` made ```` ```properties ````), each read where the '
                      'diff of its\n'
                      'words puts it. Nor is a source whose commits only added numbers or code that '
                      'the translation\n'
                      "already has (a table's missing versions filled in from the translation, "
                      '`4.17.0`), only wrote\n'
                      'lines the translation holds as they are (code, a front-matter key such as '
                      '`slug:` it had\n'
                      'first), or only changed addresses to ones the translation links already or on '
                      'sites it never\n'
                      "links: the source caught up with it. A number, a path, code's brackets or a "
                      'word two letters from the old one is a\n'
                      'change. Git is asked for the two versions of a source found behind by its\n'
                      'commits, and only of those.\n'
                      '\n'
                      'A commit whose subject holds a word of `outdated_ignore` is none of the '
                      "translations' business\n"
                      'and does not count, for the source or for the translation (a change made to '
                      'every language at\n'
                      'once is no update of the translation): by default `i18nIgnore`, `i18n-ignore`,\n'
                      "`lunaria-ignore` and `typo` (a source's typo fixed is no change a translation "
                      "must follow), with the `ignoredKeywords` of a Lunaria tracker's configuration "
                      '(`lunaria.config.ts` at the root or\n'
                      'above it), which a site uses for typo fixes and changes only its source '
                      'language has. A word of letters\n'
                      'alone is matched as a word or its plural ("Fix typos", not "Update '
                      'typography").\n'
                      '\n'
                      'Git history is read with one `git log` call for the whole knowledge base, and '
                      'only when the\n'
                      'run checks a translation pair: on a long history git works for seconds, and a '
                      'knowledge base\n'
                      'in one language (or a run of source articles only) never waits for it. The '
                      'message says how\n'
                      'far behind the translation is, in commits or days.\n'
                      '\n'
                      "The finding is on the front matter's line that records the source revision, "
                      'where the\n'
                      'translation has one (the line to update with it), else on its id line or '
                      'title.\n'
                      '\n'
                      '## Why it matters\n'
                      'A translation that silently falls behind gives readers of that language '
                      'outdated steps, which\n'
                      'is worse than no translation at all.\n'
                      '\n'
                      '## Example\n'
                      '```markdown file=en/KB1003.md\n'
                      '---\n'
                      'title: Exporting the vault\n'
                      'updated: 2026-06-20\n'
                      '---\n'
                      '```\n'
                      '```markdown file=zh-Hant/KB1003.md\n'
                      '---\n'
                      'title: 匯出保管庫\n'
                      'updated: 2026-04-02\n'
                      '---\n'
                      '```\n'
                      'fires: `the source (en KB1003) was updated 2026-06-20, 79 days after this '
                      'translation (2026-04-02)`.\n'
                      '\n'
                      '## Does not fire\n'
                      "A translation whose `source_commit` is the source's latest commit, that was "
                      'committed after\n'
                      "the source's last change, or (outside git) whose `updated` date is not older:\n"
                      '```markdown file=en/KB1003.md\n'
                      '---\n'
                      'title: Exporting the vault\n'
                      'updated: 2026-06-20\n'
                      '---\n'
                      '```\n'
                      '```markdown file=zh-Hant/KB1003.md\n'
                      '---\n'
                      'title: 匯出保管庫\n'
                      'updated: 2026-06-22\n'
                      '---\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None: translate the change, then update `source_commit` or `updated`.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': ['pair-history'],
     'languages': [],
     'facts': ['texts', 'text_paragraphs'],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'mixed_script',
     'code': 'KL304',
     'name': 'mixed-script',
     'severity': 'WARNING',
     'summary': 'Simplified characters in a Traditional Chinese article, or the reverse.',
     'documentation': '## What it does\n'
                      'In `zh-Hant` articles, reports runs of Simplified characters (`情况` → `情況`); in '
                      '`zh-Hans`\n'
                      'articles, runs of Traditional ones (`設定` → `设定`). The character sets are '
                      'derived from\n'
                      "opencc's own character tables: characters that exist only in the other script "
                      'are reported\n'
                      'outright, and characters that are correct in both scripts in some words (后 里 干 '
                      '只 台 系 面\n'
                      "云 于 …) only where opencc's phrase conversion rewrites them in their context "
                      '(`然后` → `然後`,\n'
                      "but `皇后`, `公里`, `平台`, `頁面` stay silent), named as the other script's usage in "
                      'that\n'
                      'word. Taiwan and Hong Kong standards are both accepted for Traditional text, '
                      "and so are the words the rule packs' data-chinese-variants.yaml\n"
                      "lists for a script, among them languages' names as they write themselves "
                      '(`繁體中文`,\n'
                      "`日本語` in a Simplified article's list of languages). A character whose only form "
                      'in the\n'
                      "article's script lies outside the Basic Multilingual Plane, which few fonts "
                      'show (`潕`, in\n'
                      "a name, is `𣲘` in Simplified Chinese by opencc's tables), is not reported; nor "
                      'is a line that\n'
                      "holds kana, which quotes Japanese (a Japanese article's title in a reading "
                      'list: its `説` is\n'
                      'Japanese, not Traditional Chinese).\n'
                      '\n'
                      'An article written in the other script (ten runs or more, and more of its '
                      'characters that the\n'
                      "two scripts write apart are the other script's than its own: a page copied from "
                      'the sibling\n'
                      'translation and never converted) is one finding at its first run, not one a '
                      'run; its fix\n'
                      'converts every run.\n'
                      '\n'
                      '## Why it matters\n'
                      'Input methods and copy-paste from a sibling translation let the other script '
                      'slip in; readers\n'
                      'notice at once, and search indexes treat the two spellings as different words.\n'
                      '\n'
                      '## Example\n'
                      '```markdown file=zh-Hant/KB1.md\n'
                      '在大多數情况下，一組金鑰就足夠了。\n'
                      '```\n'
                      "in a `zh-Hant` article: `Simplified '况' … use '況'`.\n"
                      '\n'
                      '## Does not fire\n'
                      '```markdown file=zh-Hant/KB1.md\n'
                      '皇后、公里、只要、系統、平台與頁面都是正確的繁體寫法。\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'Unsafe: replaces each character of the run with its own form in this script, as '
                      'opencc\n'
                      "converts it in its context (`進行发布` → `進行發布`, never the other word of Taiwan's\n"
                      'vocabulary, `釋出`) (`--fix --unsafe-fixes`); a proper name or a quotation may be '
                      'meant to\n'
                      'stay as written.\n'
                      '\n'
                      '## Fixed\n'
                      'What `kblint --fix --unsafe-fixes` makes of the example:\n'
                      '```markdown file=zh-Hant/KB1.md\n'
                      '在大多數情況下，一組金鑰就足夠了。\n'
                      '```\n',
     'fix': 'unsafe',
     'unsafe_reason': 'a proper name or a quotation may be meant in the other script',
     'enabled_by_default': True,
     'needs': [],
     'languages': ['zh-Hant', 'zh-Hans'],
     'facts': [],
     'pairwise': False,
     'text_alone': True,
     'functions': ['check', 'prepare']},
    {'module': 'mojibake',
     'code': 'KL305',
     'name': 'mojibake',
     'severity': 'ERROR',
     'summary': 'Garbled text: U+FFFD replacement characters, or UTF-8 decoded as Windows-1252.',
     'documentation': '## What it does\n'
                      'Reports U+FFFD replacement characters anywhere in the file (the character they '
                      'replaced is\n'
                      'lost, so the message says to restore it), but one shown on purpose: alone in a '
                      'code span\n'
                      '(`` `�` ``), or after its name on the same line ("the replacement character '
                      'U+FFFD, which\n'
                      'looks like �"); and words that are UTF-8 read as Windows-1252 or\n'
                      'Latin-1 (`donâ€™t`, `Ã©`, `ç»“æžœ`), found with ftfy at their exact span.\n'
                      '\n'
                      '## Why it matters\n'
                      'Mojibake appears when an article passes through a tool with the wrong encoding. '
                      'It is\n'
                      'unreadable, it is hard to spot in a long diff, and it spreads to every '
                      'translation made from it.\n'
                      '\n'
                      '## Example\n'
                      '```markdown\n'
                      'Members donâ€™t need a paid plan. 這個功能屬�進階設定。\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown\n'
                      'A café owner, a naïve user and Ørsted’s résumé.\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      "Safe where ftfy's encoding repair is certain (`donâ€™t` → `don’t`; only the "
                      'encoding is\n'
                      'repaired, quotes are not straightened). None for U+FFFD: the lost character '
                      'cannot be guessed.\n'
                      '\n'
                      '## Fixed\n'
                      'What `kblint --fix` makes of the example:\n'
                      '```markdown file=en/KB1.md\n'
                      'Members don’t need a paid plan. 這個功能屬�進階設定。\n'
                      '```\n',
     'fix': 'safe',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': [],
     'pairwise': False,
     'text_alone': True,
     'functions': ['check']},
    {'module': 'cjk_punctuation',
     'code': 'KL306',
     'name': 'cjk-punctuation',
     'severity': 'WARNING',
     'summary': 'Half-width punctuation between Chinese characters in a Chinese article.',
     'documentation': '## What it does\n'
                      'In `zh-*` articles, reports half-width `, . : ; ? !` between Chinese '
                      'characters, where the\n'
                      'full-width `，。：；？！` are expected, and half-width round brackets around Chinese '
                      'text or\n'
                      'paired with a full-width one (`（注意)`). Half-width brackets around Latin-only '
                      'content\n'
                      '(`数据库(DB)备份`, `Studio (PWA Studio)中`) are a house style several style guides '
                      'follow and are\n'
                      'allowed. So, where the configuration does not say, are half-width brackets '
                      'around Chinese\n'
                      'text in an article that writes them so on purpose: with a space outside them '
                      '(`有 sidebar\n'
                      "(侧导航) 和`, zhlint's default), three times or more and twice as often as without, "
                      'and\n'
                      'never full-width (those without the space are still reported), and in a '
                      'knowledge base whose\n'
                      'articles in that language write their brackets around Chinese text half-width '
                      'at least as\n'
                      "often as full-width, ten pairs or more (Vue's Chinese docs do: a style, counted "
                      'over every\n'
                      "article of the language, not a page's slips). `cjk_brackets` in the "
                      'configuration changes that: `full-width` asks for full-width\n'
                      'brackets everywhere in Chinese text, `any` allows half-width ones everywhere (a '
                      'pair of mixed\n'
                      'widths is still reported). A pair of half-width brackets is one finding, whose '
                      'fix makes both\n'
                      "full-width. An interval's round bracket pairs with its square one (`（如 [0-10), "
                      '[10-20) 等）`). A part numbered in Chinese numerals (`二. 拉取代码`) is told `、`, not '
                      '`。`, and a\n'
                      'numbered label (`方法一. 常规用法`) `：`. Code,\n'
                      'URLs and Latin text are left alone.\n'
                      '\n'
                      '## Why it matters\n'
                      'Half-width punctuation in Chinese text looks cramped and uneven, and is a sure '
                      'sign of text\n'
                      'typed with the wrong input mode or pasted from an English draft.\n'
                      '\n'
                      '## Example\n'
                      '```markdown file=zh-Hans/KB1.md\n'
                      '请将恢复码保存在安全的地方,它们是唯一方式（重设密码请参见 KB1001)。备份(离线)也可以。\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown file=zh-Hans/KB1.md\n'
                      '请将恢复码保存在安全的地方，它们是唯一方式。版本 2.0, build 5 (beta) 与 `a,b`，数据库(DB)备份。\n'
                      '\n'
                      '校验值 Sum = SHA1(用户名 + 密钥)。\n'
                      '\n'
                      '选择规则：(性能 >> 开发效率) || (团队熟悉 Rust) -> Rust。\n'
                      '\n'
                      '只有节点数 > max(元数据副本数, 数据副本数)时才可移除。\n'
                      '```\n'
                      "A function's brackets in a formula (`Sum = SHA1(…)`), or around its arguments "
                      'written as code\n'
                      "writes them (`max(元数据副本数, 数据副本数)`), are the function's, not an aside, and so "
                      'are the\n'
                      'commas between those arguments; brackets that group a\n'
                      'term of an expression, an operator outside them (`(性能 >> 开发效率) || …`), are the '
                      "expression's.\n"
                      '\n'
                      '## Fix\n'
                      'Safe: the full-width mark replaces the half-width one (and a space after it, '
                      'and a backslash\n'
                      'that escaped it: `\\(` becomes `（`); a space beside a converted bracket goes '
                      'too, as the\n'
                      'Chinese standards write no space beside full-width punctuation. Brackets with '
                      'no Chinese text\n'
                      'near them outside (`[Xuan Huang (黄玄)](…)` in an English sentence) are left as '
                      'they are.\n'
                      'A half-width bracket around Chinese text is made full-width by `--fix` only '
                      'where\n'
                      '`cjk_brackets` is `full-width` (or with `--unsafe-fixes`): some house styles '
                      'write half-width\n'
                      'brackets in Chinese text throughout, and there the fix would rewrite correct '
                      'text; a bracket\n'
                      'paired with a full-width one is always fixed. Unsafe in a heading without an '
                      'explicit id (its\n'
                      'text makes its anchor), for `如.` (an abbreviation), for a `.` before a word '
                      'that goes on with\n'
                      'the sentence (`语法.的`: a stray mark, to be taken out), for a `.` with no space '
                      'after it\n'
                      '(`更新配置.使它生效` wants a `，`, not a `。`), for a `.` that joins the two parts of\n'
                      "a name that is all the text holds (a table's cell `类名.方法名`), for a mark the "
                      'text names\n'
                      'rather than writes (`用:进行分隔`, `,分开`: the character to type) and for a `)` right '
                      'after a bare URL\n'
                      '(`（重定向至 https://example.org)`): a renderer that links bare URLs would take a '
                      'full-width `）`\n'
                      'into the link. Unsafe too in a table whose rows are padded to line up (as a '
                      'reader sees\n'
                      'them: a Chinese character is two columns wide), as formatters pad them: a '
                      'full-width mark\n'
                      'widens its row, and the table must be padded again.\n'
                      '\n'
                      '## Fixed\n'
                      'What `kblint --fix` makes of the example:\n'
                      '```markdown file=zh-Hans/KB1.md\n'
                      '请将恢复码保存在安全的地方，它们是唯一方式（重设密码请参见 KB1001）。备份(离线)也可以。\n'
                      '```\n',
     'fix': 'safe',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': ['zh-Hant', 'zh-Hans'],
     'facts': ['brackets'],
     'pairwise': False,
     'text_alone': True,
     'functions': ['check', 'check_corpus']},
    {'module': 'cjk_spacing',
     'code': 'KL307',
     'name': 'cjk-spacing',
     'severity': 'INFO',
     'summary': 'No space between Chinese characters and Latin letters or digits (a house style).',
     'documentation': '## What it does\n'
                      'In `zh-*` articles, reports a Chinese character directly followed or preceded '
                      'by a Latin\n'
                      'letter or digit (`使用GPG加密` → `使用 GPG 加密`). Off by default: style guides '
                      'disagree, so\n'
                      'enable it with `--extend-select cjk-spacing` or in the configuration if yours '
                      'asks for spaces.\n'
                      '\n'
                      '## Why it matters\n'
                      'Where a style guide asks for the space, consistency makes mixed text easier to '
                      'scan.\n'
                      '\n'
                      '## Example\n'
                      '```markdown file=zh-Hant/KB1.md\n'
                      '使用GPG加密。\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown file=zh-Hant/KB1.md\n'
                      '使用 GPG 加密，共 3 個步驟。\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'Safe: inserts one space.\n'
                      '\n'
                      '## Fixed\n'
                      'What `kblint --fix` makes of the example:\n'
                      '```markdown file=zh-Hant/KB1.md\n'
                      '使用 GPG 加密。\n'
                      '```\n',
     'fix': 'safe',
     'unsafe_reason': '',
     'enabled_by_default': False,
     'needs': [],
     'languages': ['zh-Hant', 'zh-Hans'],
     'facts': [],
     'pairwise': False,
     'text_alone': True,
     'functions': ['check']},
    {'module': 'regional_variant',
     'code': 'KL308',
     'name': 'regional-variant',
     'severity': 'INFO',
     'summary': "A Traditional character that the article's region writes another way (裏 for 裡 in "
                'zh-TW).',
     'documentation': '## What it does\n'
                      'In articles whose locale names a region (`zh-TW`, `zh-HK`, from the folder, the '
                      'file name or\n'
                      "the front matter), reports Traditional characters that the region's standard "
                      'writes another\n'
                      "way, by OpenCC's Taiwan and Hong Kong variant tables: `裏` (Taiwan writes `裡`), "
                      '`着` (`著`),\n'
                      '`羣` (`群`) in `zh-TW`; `臺` (`台`) in `zh-HK`. Off by default: both forms are '
                      'Traditional, and\n'
                      '`mixed-script` never reports them; turn it on when a knowledge base follows one '
                      "region's\n"
                      'standard.\n'
                      '\n'
                      '## Why it matters\n'
                      'A Taiwanese reader reads `裏面` without trouble, but a knowledge base that mixes '
                      '`裏` and `裡` looks\n'
                      'unedited, and its search finds only one spelling.\n'
                      '\n'
                      '## Example\n'
                      '```markdown file=zh-TW/KB1.md\n'
                      '檔案在資料夾裏面。\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown file=zh-TW/KB1.md\n'
                      '檔案在資料夾裡面。\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      "Safe: the region's form replaces the character.\n"
                      '\n'
                      '## Fixed\n'
                      'What `kblint --fix` makes of the example:\n'
                      '```markdown file=zh-TW/KB1.md\n'
                      '檔案在資料夾裡面。\n'
                      '```\n',
     'fix': 'safe',
     'unsafe_reason': '',
     'enabled_by_default': False,
     'needs': [],
     'languages': ['zh-Hant'],
     'facts': [],
     'pairwise': False,
     'text_alone': True,
     'functions': ['check']},
    {'module': 'untranslated_text',
     'code': 'KL309',
     'name': 'untranslated-text',
     'severity': 'WARNING',
     'summary': "Text of a translation that is its source's text, or written in the source's language.",
     'documentation': '## What it does\n'
                      'In each translation, reports a paragraph, heading, list item or table cell '
                      'identical to one of\n'
                      "its source's (case and spacing aside; three words or six Chinese characters at "
                      'least, less is a\n'
                      "name or a label), and a run written in the source's language: between languages "
                      'of different\n'
                      'scripts (English and Chinese) a run of four or more source-script words that '
                      'reads as a sentence\n'
                      '(two of its words are function words such as "the", "to", "and": product names '
                      'and commands do\n'
                      'not read so; a quoted run, such as an error message shown as the software '
                      'writes it, is left\n'
                      "alone, and so is the source's term of a few words in brackets after the "
                      'translated one:\n'
                      "`инфраструктура как услуга (Infrastructure as a Service)`, or an acronym's "
                      'words spelled out\n'
                      'before their translation in its brackets, `FaaS（Function as a Service，函数即服务）`, '
                      'a SQL\n'
                      'statement written without code marks (two keywords in capitals: `FROM "t/1" '
                      "WHERE id`), and the page's own name as its\n"
                      'title writes it, `Function as a Service (FaaS)` in the text of a page so '
                      'titled: the title is\n'
                      'judged by itself); between languages of one script (English and French) a '
                      'paragraph of six or more\n'
                      "words that the language identifier (py3langid) takes for the source's language. "
                      'Code, URLs,\n'
                      'markup and link texts do not count. A translation left mostly as its source '
                      '(ten or more\n'
                      "paragraphs identical to the source's or written in its language, and half or "
                      'more of its\n'
                      'paragraphs of text, three words or six letters of another script; three or more '
                      'and four\n'
                      'fifths of them, a short page copied as it is; fifty identical ones whatever the '
                      'share; or,\n'
                      "in a translation into another script than its source's Latin, three or more "
                      'where its text\n'
                      'holds no letter of its own script, a Chinese page all in English) is one '
                      'finding, not one a\n'
                      'paragraph: a generated reference copied into the\n'
                      'translation with its descriptions in English is one thing to translate. A line '
                      "that is only a link's or an image's text (a reference list's entry too: a "
                      "paper's linked title and its date, `[A Paper](…) (May 2023)`, which "
                      'translations cite as it is), a name (capitalized words, no function\n'
                      'word), a list of people by their handles (`@kim, @ravi.k, @Tom van Dijk`: a '
                      "release note's thanks), a term the glossary keeps (`keep:`) or `[!DNL …]` text, "
                      'a command example\n'
                      '(`$ npm install …`, `vault export --all`) or an error message quoted as a '
                      'program prints it\n'
                      '(`Error: ENOENT: no such file or directory`, `TypeError: …`, `Q48: '
                      'safetensors_rust.SafetensorError: …`\n'
                      "after an FAQ's number, an error wrapped with its causes\n"
                      'as Go programs print them, `failed get objs: failed to list objs: …`, over the '
                      'lines of its\n'
                      'paragraph)\n'
                      'or a commit message (`fix(Button): wrong colour`, as Conventional Commits '
                      'writes them), and a\n'
                      'table cell that holds a type (`(open: boolean) => void`, `{ start?: string }`,\n'
                      "`'small' | 'large'`), a version (`string: 5.28.0`), a string in straight double "
                      'quotes (a default value, a\n'
                      'message as the program returns it: `"Access denied"`), a font stack (`Arial, '
                      'sans-serif`), a\n'
                      "list of values (`[openai, azure-openai]`, a property's accepted values between "
                      'slashes,\n'
                      "`primary / success / warning`, a row's tags between commas, `chat, sft, 🔥, zh`) "
                      'or a Lisp\n'
                      'form (`(apply map list rows)`, in a table comparing languages) is the same in '
                      'every\n'
                      'language; so is a table cell or a heading that names something with its kinds '
                      'or its long\n'
                      'form in brackets (`Ramda (JavaScript / TypeScript)`, `BNPO (Batch Normalized '
                      'Policy\n'
                      'Optimization)`), and a name that labels the links after it, with a colon or the '
                      'authors\' "et\n'
                      'al." (`LoRA+: [LoRA+: Efficient Low Rank Adaptation …](…)`, `Agarwal et al. '
                      '[On-Policy\n'
                      'Distillation …](…)`: a paper cited by its title; "Inserts [the generator '
                      'tag](…)." is a\n'
                      "sentence). A block quote that the translation's own paragraph\n"
                      'before it introduces with a colon (`React 文档这样描述：`, `Рассмотрим английский '
                      'пример:`), with\n'
                      'words that say what follows (`会出现以下警告`, `官方回复说`) or with a link to where the '
                      'words are\n'
                      'from (`见该 [issue](…)。`) is a quotation kept in its language on purpose; a note '
                      "left in the source's language, which nothing\n"
                      'introduces, is still reported. Text written for the most part in Chinese, '
                      'Japanese or Korean\n'
                      'is the translation\'s own, even where its source holds it too (an "English" '
                      'page that is a copy\n'
                      'of the Chinese one). A front matter\n'
                      "title identical to the source's is reported too, unless it is a name: an API's "
                      '(`useState`,\n'
                      "`<Suspense>`, `cache`), a product's (`GitLab Pages`, `API`), a term the "
                      'translation also\n'
                      'writes in its text (in lower case and, for one word, the singular too: '
                      '`Actions` where the\n'
                      'text writes `Enqueue action 篩選…`), or a name beside a translated `subtitle` '
                      '(`title: Carousel`,\n'
                      "`subtitle: 走马灯`). A folder's convention in a language is not reported: where "
                      'half or more\n'
                      'of its translations (five at least; the first sixty by path whose headings are '
                      'translated)\n'
                      "keep their sources' titles, or their first paragraphs, as they are (an error "
                      'reference whose\n'
                      'titles and first lines are the messages a program prints), a title or first '
                      'paragraph kept so\n'
                      'is not reported. Nor is a title or a heading written as a name (four '
                      'capitalized words at\n'
                      "most, no function word: `Vault Sync Server`) that half or more of an article's "
                      'translations,\n'
                      'two at least, keep as the source writes it (of those that translate their '
                      'headings: translators\n'
                      'of each language kept it apart). Nor is a translation a generator wrote: its '
                      'front matter says so\n'
                      "(`auto_generated: true`, as Kubernetes' reference docs mark theirs, which "
                      'localizations\n'
                      'keep in English), a comment at its top does (`<!-- Code generated by gomarkdoc. '
                      'DO NOT EDIT\n'
                      "-->`: a change would be written over), or it ends with the line cobra's "
                      "generator closes a command's page with\n"
                      '(`###### Auto generated by spf13/cobra on …`), a CLI reference a project copies '
                      'into each\n'
                      'translation.\n'
                      '\n'
                      '## Why it matters\n'
                      'Translators skip a paragraph added late, or paste the source to translate it '
                      'later. Readers of\n'
                      'the translation meet an English sentence in the middle of a Chinese procedure.\n'
                      '\n'
                      '## Example\n'
                      '```markdown file=en/KB1001.md\n'
                      'Open the vault and select Export to save a copy of every item.\n'
                      '```\n'
                      '```markdown file=zh-Hant/KB1001.md\n'
                      '開啟保管庫。Select Export to save a copy of every item in the vault.\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown file=en/KB1001.md\n'
                      'Open the vault and select Export to save a copy of every item.\n'
                      '\n'
                      '| Vaultline | Lisp (Clojure / Racket) |\n'
                      '| --- | --- |\n'
                      '| vault sort | (sort-by key rows item) |\n'
                      '| vault export --format | [json, csv, html, xml, yaml] |\n'
                      '```\n'
                      '```markdown file=zh-Hant/KB1001.md\n'
                      '開啟保管庫並選取 **Export**，將每個項目儲存一份副本。請參閱 [Vaultline Export Guide](KB1002.md)。\n'
                      '\n'
                      '| Vaultline | Lisp (Clojure / Racket) |\n'
                      '| --- | --- |\n'
                      '| vault sort | (sort-by key rows item) |\n'
                      '| vault export --format | [json, csv, html, xml, yaml] |\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None: the text has to be translated.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': ['texts', 'foreign', 'text_paragraphs', 'own_script'],
     'pairwise': True,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'glossary_term',
     'code': 'KL310',
     'name': 'glossary-term',
     'severity': 'WARNING',
     'summary': "A translation that does not use the glossary's translation of a term, or translates a "
                'term to keep.',
     'documentation': '## What it does\n'
                      'With a glossary in the configuration (`glossary: glossary.yaml`: source terms '
                      'with their\n'
                      'required translation per locale, and terms kept as they are, such as product '
                      'names), compares\n'
                      'each translation with its source paragraph by paragraph (where the translation '
                      'keeps the\n'
                      "source's structure, else as a whole): a source term whose required translation "
                      'the\n'
                      'corresponding paragraph does not use, and a term to keep that it does not have, '
                      'are reported.\n'
                      'Text the source marks `[!DNL …]` (Experience League\'s "do not localize") must '
                      'stay so marked.\n'
                      '\n'
                      '## Why it matters\n'
                      'A knowledge base that calls one thing by three names in Chinese leaves readers '
                      'wondering whether\n'
                      'they are three things, and a translated product name is not found by search.\n'
                      '\n'
                      '## Example\n'
                      '```yaml file=kblint.yaml\n'
                      'glossary: glossary.yaml\n'
                      '```\n'
                      '```yaml file=glossary.yaml\n'
                      'terms:\n'
                      '  recovery code: {zh-Hans: 恢复码}\n'
                      'keep: [Vaultline]\n'
                      '```\n'
                      '```markdown file=en/KB1002.md\n'
                      'Store your recovery codes in Vaultline.\n'
                      '```\n'
                      '```markdown file=zh-Hans/KB1002.md\n'
                      '把救援代码存放在保险线中。\n'
                      '```\n'
                      'fires twice: `恢复码` is not used, `Vaultline` was translated.\n'
                      '\n'
                      '## Does not fire\n'
                      '```yaml file=kblint.yaml\n'
                      'glossary: glossary.yaml\n'
                      '```\n'
                      '```yaml file=glossary.yaml\n'
                      'terms:\n'
                      '  recovery code: {zh-Hans: 恢复码}\n'
                      'keep: [Vaultline]\n'
                      '```\n'
                      '```markdown file=en/KB1002.md\n'
                      'Store your recovery codes in Vaultline.\n'
                      '```\n'
                      '```markdown file=zh-Hans/KB1002.md\n'
                      '把恢复码存放在 Vaultline 中。\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      'None: the translator chooses where the term goes.\n',
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': ['terms', 'kept', 'paragraphs'],
     'pairwise': True,
     'text_alone': False,
     'functions': ['check_corpus']},
    {'module': 'inconsistent_translation',
     'code': 'KL311',
     'name': 'inconsistent-translation',
     'severity': 'INFO',
     'summary': 'A source title or heading translated one way here and another way in most articles.',
     'documentation': '## What it does\n'
                      'Collects, per language, how the translations render each title and heading of '
                      'their sources\n'
                      '(headings are paired in order where both have as many; an article counts once '
                      'for each\n'
                      'rendering), and reports a translation that renders a source text differently '
                      'from the way most\n'
                      'articles render it: when at least three agree (two against one show no '
                      'convention), twice as\n'
                      'many as write any other rendering (or,\n'
                      'for a rendering of one article, five or more). A rendering that three articles '
                      'or more use is\n'
                      'a second convention, reported only where the usual one is four times as common. '
                      'A page that\n'
                      'repeats a rendering (under each of its sections) is reported once, at its first '
                      'heading, with\n'
                      'how many times it writes it. Renderings\n'
                      'that differ in case or spacing only (a no-break space before "?", 전제 조건 and '
                      '전제조건) are\n'
                      'one.\n'
                      'A heading kept as it is that is one lower-case or camelCase name (`## '
                      'components`,\n'
                      '`## useState`) names an option or a function of an API reference, and is not '
                      'reported; nor is\n'
                      "the usual rendering with the source's words beside it (`插槽 Slots`, `插槽（Slots）`) "
                      'or with\n'
                      'words that set the heading apart (`模型量化` where `量化` is usual, `VLM 离线推理` for a '
                      'page\n'
                      "beside another's `离线推理`), nor a\n"
                      'translation where the usual "rendering" is other words in the source\'s Latin '
                      'letters (English\n'
                      'headings left in most Chinese pages under a source heading renamed since). A '
                      'heading\n'
                      "left as the source's in an article left mostly as its source is not reported "
                      'either:\n'
                      "`untranslated-text` reports that article as one. A blog's posts (in a folder "
                      'named `blog` or\n'
                      "`_posts`, or a Docusaurus blog's translation) are pieces of their own, whose "
                      'headings are their\n'
                      'authors\' choice ("Join us", "References"): they are neither counted nor '
                      'reported. A\n'
                      "released version's copy of a Docusaurus site's docs "
                      '(`versioned_docs/version-1.2/`, and its\n'
                      "translations' `version-1.2/`) is neither counted nor reported: a page in nine "
                      'versions is one\n'
                      'vote, and one finding, the docs being written, where a rendering is chosen.\n'
                      '\n'
                      '## Why it matters\n'
                      '"Troubleshooting" as 疑難排解 in one article and 故障排除 in the next reads as two '
                      'different\n'
                      'things; a consistent knowledge base is easier to navigate and to search.\n'
                      '\n'
                      '## Example\n'
                      '```markdown file=en/KB1.md\n'
                      '# One\n'
                      '\n'
                      '## Troubleshooting\n'
                      '```\n'
                      '```markdown file=en/KB2.md\n'
                      '# Two\n'
                      '\n'
                      '## Troubleshooting\n'
                      '```\n'
                      '```markdown file=en/KB3.md\n'
                      '# Three\n'
                      '\n'
                      '## Troubleshooting\n'
                      '```\n'
                      '```markdown file=en/KB4.md\n'
                      '# Four\n'
                      '\n'
                      '## Troubleshooting\n'
                      '```\n'
                      '```markdown file=zh-Hant/KB1.md\n'
                      '# 一\n'
                      '\n'
                      '## 疑難排解\n'
                      '```\n'
                      '```markdown file=zh-Hant/KB2.md\n'
                      '# 二\n'
                      '\n'
                      '## 疑難排解\n'
                      '```\n'
                      '```markdown file=zh-Hant/KB3.md\n'
                      '# 三\n'
                      '\n'
                      '## 故障排除\n'
                      '```\n'
                      '```markdown file=zh-Hant/KB4.md\n'
                      '# 四\n'
                      '\n'
                      '## 疑難排解\n'
                      '```\n'
                      '\n'
                      '## Does not fire\n'
                      '```markdown file=en/KB1.md\n'
                      '# One\n'
                      '\n'
                      '## Troubleshooting\n'
                      '```\n'
                      '```markdown file=en/KB2.md\n'
                      '# Two\n'
                      '\n'
                      '## Troubleshooting\n'
                      '```\n'
                      '```markdown file=zh-Hant/KB1.md\n'
                      '# 一\n'
                      '\n'
                      '## 疑難排解\n'
                      '```\n'
                      '```markdown file=zh-Hant/KB2.md\n'
                      '# 二\n'
                      '\n'
                      '## 疑難排解\n'
                      '```\n'
                      '\n'
                      '## Fix\n'
                      "None: which wording is right is the glossary's or the translators' decision.\n",
     'fix': 'none',
     'unsafe_reason': '',
     'enabled_by_default': True,
     'needs': [],
     'languages': [],
     'facts': ['texts', 'text_paragraphs'],
     'pairwise': False,
     'text_alone': False,
     'functions': ['check_corpus']},
)
