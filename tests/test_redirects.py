"""Redirect maps: CSV, YAML, JSON (vercel.json), _redirects and netlify.toml, read alike."""

import pytest

from kblint.model.config import Config
from kblint.kb.redirects import Chain, load_redirects, map_files, page_key
from helpers import ROOT


def load(name: str, text: str, **settings):
    config = Config(root=ROOT)
    for key, value in settings.items():
        setattr(config, key, value)
    return load_redirects(config, [(name, "")], lambda _: text.encode())


def test_page_keys_ignore_extensions_index_pages_locales_and_the_link_root():
    config = Config(root=ROOT)
    assert page_key("/help/old.md", config) == page_key("help/old.html", config) == page_key("/en/help/old/", config) == "help/old"
    assert page_key("/help/old/index.md", config) == "help/old"
    assert page_key("https://elsewhere.example.org/x", config) is None
    config.link_root = "/docs"
    assert page_key("/docs/help/old.md#x", config) == "help/old"


@pytest.mark.parametrize(
    "name, text",
    [
        ("redirects.csv", "source,destination\n/help/a.md,/help/b.md\n\n# moved in 2026\n/help/c.md, /help/d.md\n"),
        ("redirects.yaml", "/help/a.md: /help/b.md\n/help/c.md: /help/d.md\n"),
        ("redirects.yaml", "- from: /help/a.md\n  to: /help/b.md\n- source: /help/c.md\n  destination: /help/d.md\n"),
        ("vercel.json", '{"redirects": [{"source": "/help/a", "destination": "/help/b", "permanent": true},\n {"source": "/help/c", "destination": "/help/d"}, {"source": "/x/:path*", "destination": "/y/:path*"}]}'),
        ("_redirects", "/help/a /help/b 301\n# a comment\n/help/c /help/d\n"),
        ("netlify.toml", '[[redirects]]\nfrom = "/help/a"\nto = "/help/b"\n\n[[redirects]]\nfrom = "/help/c"\nto = "/help/d"\n'),
    ],
)
def test_formats(name, text):
    redirects = load(name, text)
    assert [(r.source_key, r.dest_key) for r in redirects.entries] == [("help/a", "help/b"), ("help/c", "help/d")]
    assert redirects.problems == []
    second = redirects.entries[1]
    assert text.splitlines()[second.line - 1][second.column - 1 :].startswith(second.dest)


def test_chains_loops_and_other_sites():
    redirects = load("redirects.csv", "/a,/b\n/b,/c\n/x,/y\n/y,/x\n/old,https://archive.example.org/old\n")
    last, loops = redirects.follow("a")
    assert last.dest_key == "c" and not loops
    assert redirects.follow("x")[1]
    assert redirects.by_key["old"].dest_key is None


def test_problems_are_reported_with_their_line():
    redirects = load("redirects.csv", "/a,/b\n/only-one\n")
    assert redirects.problems == [("redirects.csv", 2, "a redirect needs a source and a destination")]
    assert load("redirects.yaml", "a: [b\n").problems[0][2].startswith("the redirect map is not valid YAML")


def test_maps_are_found_by_name_and_scoped_to_their_folder():
    config = Config(root=ROOT)
    found = map_files(config, ["docs/redirects.csv", "docs/en/a.png", "vercel.json", "notes/redirects.txt"])
    assert found == [("docs/redirects.csv", "docs"), ("vercel.json", "")]
    # A site's static folder is copied to its root: a map there is the site's.
    found = map_files(config, ["static/_redirects", "docs/.vuepress/public/_redirects", "site/public/netlify.toml"])
    assert found == [("static/_redirects", ""), ("docs/.vuepress/public/_redirects", "docs"), ("site/public/netlify.toml", "site")]


def test_a_long_chain_without_a_loop_is_a_chain_not_a_loop():
    rows = "".join(f"/p{k},/p{k + 1}\n" for k in range(25))
    redirects = load("redirects.csv", rows + "/x,/y\n/y,/z\n/z,/x\n/w,/x\n")
    last, loops = redirects.follow("p0")
    assert last.dest_key == "p25" and not loops
    assert redirects.chain("p0") == Chain(25, loops=False, in_loop=False)
    assert redirects.chain("p10") == Chain(15, loops=False, in_loop=False)
    assert redirects.chain("y") == Chain(3, loops=True, in_loop=True)
    assert redirects.chain("w") == Chain(4, loops=True, in_loop=False)
    assert redirects.chain("p25") == Chain(0, loops=False, in_loop=False)


def test_map_rows_say_chain_too_long_loop_or_into_a_loop(kb):
    kb.config("source_locale: en\n")
    rows = "".join(f"/help/p{k}.md,/help/p{k + 1}.md\n" for k in range(22))
    kb.write("redirects.csv", rows + "/help/x.md,/help/y.md\n/help/y.md,/help/x.md\n/help/w.md,/help/x.md\n")
    kb.write("en/help/p22.md", "# End\n")
    messages = [(f.line, f.message) for f in kb.lint("redirected-link")]
    assert messages == [
        (1, "the redirect from /help/p0.md starts a chain of 22 redirects, more than the 20 a browser follows: redirect to the end of the chain"),
        (2, "the redirect from /help/p1.md starts a chain of 21 redirects, more than the 20 a browser follows: redirect to the end of the chain"),
        (23, "the redirect from /help/x.md is part of a loop of 2 redirects"),
        (24, "the redirect from /help/y.md is part of a loop of 2 redirects"),
        (25, "the redirect from /help/w.md leads into a loop of redirects"),
    ]


@pytest.mark.parametrize(
    "name, text, written",
    [
        ("netlify.toml", '[[redirects]]\nfrom = "/a"\nto = "/caf\\u00e9"  # to = "/old"\n', "/caf\\u00e9"),
        ("netlify.toml", 'redirects = [{from = "/z", to = "/y"}, {from = "/a", to = "/b\\\\c"}]\n', "/b\\\\c"),
        ("redirects.csv", '/z,/y\n"/a","/b ""q"""\n', '/b ""q""'),
        ("redirects.csv", '/z,/y\n/a,"/b"",c"\n', '/b"",c'),
        ("redirects.yaml", '/z: /y\n/a: "/caf\\u00e9"\n', "/caf\\u00e9"),
        ("vercel.json", '{"redirects": [{"source": "/z", "destination": "/y"},\n  {"source": "/a", "destination": "/\\u00e9t\\u00e9"}]}', "/\\u00e9t\\u00e9"),
    ],
)
def test_escaped_destinations_have_exact_columns(name, text, written):
    redirect = load(name, text).entries[-1]
    assert redirect.source_key == "a" and redirect.column >= 1
    assert text.splitlines()[redirect.line - 1][redirect.column - 1 : redirect.end_column - 1] == written


def test_many_escaped_netlify_rows_are_placed_each_on_its_own_line():
    # Each row's destination is written with an escape: no search for the parsed value can
    # find it, so every row is placed by one pass over the lines (thousands stay fast).
    text = "".join(f'[[redirects]]\nfrom = "/old{k}"\nto = "/new\\u0041{k}"\n\n' for k in range(8000))
    redirects = load("netlify.toml", text)
    assert len(redirects.entries) == 8000
    assert [(r.line, r.column, r.end_column) for r in redirects.entries[-2:]] == [(31995, 7, 21), (31999, 7, 21)]


def test_netlify_lines_are_counted_at_line_feeds_only():
    text = '[[redirects]]\nfrom = "/a"\nto = "/b"\nforce = true  # \u2028 is no line end in TOML\n\n[[redirects]]\nfrom = "/c"\nto = "/d"\n'
    redirect = load("netlify.toml", text).entries[-1]
    assert (redirect.line, redirect.column, redirect.end_column) == (8, 7, 9)


def test_a_vercel_json_without_redirects_has_none():
    """Its other keys are the site's settings: "cleanUrls": true is no redirect to "true"."""
    text = '{\n  "cleanUrls": true,\n  "headers": [{"source": "/assets/(.*)", "headers": [{"key": "Cache-Control", "value": "max-age=60"}]}]\n}\n'
    redirects = load("site/vercel.json", text)
    assert (redirects.entries, redirects.problems) == ([], [])
    assert [(r.source_key, r.dest_key) for r in load("redirects.json", '{"/help/a": "/help/b"}').entries] == [("help/a", "help/b")]


DOCUSAURUS_REDIRECTS = """module.exports = {
  plugins: [
    ['@docusaurus/plugin-client-redirects', {
      redirects: [
        {from: ['/help/a', '/help/c'], to: '/help/b'},
        {to: "/help/d", from: '/help/e'},
      ],
    }],
  ],
  themeConfig: {navbar: {items: [{to: '/help/b', label: 'Help'}]}},
};
"""


def test_a_docusaurus_sites_client_redirects_are_a_map():
    """Its plugin's {from, to} objects, each source one address or a list; the site's other
    {to} objects (a navbar's items) are none."""
    redirects = load("docusaurus.config.js", DOCUSAURUS_REDIRECTS)
    assert [(r.source, r.dest, r.line, r.column) for r in redirects.entries] == [
        ("/help/a", "/help/b", 5, 45), ("/help/c", "/help/b", 5, 45), ("/help/e", "/help/d", 6, 15),
    ]
    assert load("docusaurus.config.js", "module.exports = {title: 'Vault'};\n").files == []


def test_a_docusaurus_site_may_keep_its_redirects_in_a_module_of_its_own():
    config_text = "const moved = require('./site/moved.js');\nmodule.exports = {plugins: [['@docusaurus/plugin-client-redirects', {redirects: moved}]]};\n"
    module = "module.exports = [\n  {\n    to: '/help/b',\n    from: '/help/a',\n  },\n];\n"
    files = {"docusaurus.config.js": config_text.encode(), "site/moved.js": module.encode()}

    def read(name):
        return files[name] if name in files else FileNotFoundError(name)

    from kblint.kb.redirects import required_modules

    maps = [("docusaurus.config.js", "")]
    maps += required_modules(maps, read)
    assert maps[1] == ("site/moved.js", "")
    redirects = load_redirects(Config(root=ROOT), maps, read)
    assert [(r.source, r.dest, r.file, r.line) for r in redirects.entries] == [("/help/a", "/help/b", "site/moved.js", 3)]
    assert redirects.files == ["docusaurus.config.js", "site/moved.js"]


def test_a_warm_run_sees_a_change_of_the_module_that_holds_the_redirects(tmp_path, monkeypatch, capsys):
    """The module a Docusaurus configuration takes its redirects from is a map whose bytes the
    cached findings depend on: changed, the run finds the redirect it now holds."""
    import json

    from kblint.app.cli import main

    (tmp_path / "kblint.yaml").write_text("source_locale: en\n", "utf-8")
    config = "const moved = require('./moved.js');\nmodule.exports = {plugins: [['@docusaurus/plugin-client-redirects', {redirects: moved}]]};\n"
    (tmp_path / "docusaurus.config.js").write_text(config, "utf-8")
    (tmp_path / "moved.js").write_text("module.exports = [];\n", "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "new.md").write_text("# New\n\nThe new page.\n", "utf-8")
    (tmp_path / "docs" / "intro.md").write_text("# Intro\n\nSee [old](/docs/old).\n", "utf-8")
    monkeypatch.chdir(tmp_path)

    def names() -> list[str]:
        capsys.readouterr()
        main(["--format", "json", "-q", "--select", "broken-link,redirected-link", "."])
        return [f["name"] for f in json.loads(capsys.readouterr().out)["findings"]]

    assert names() == ["broken-link"]
    (tmp_path / "moved.js").write_text("module.exports = [{from: '/docs/old', to: '/docs/new'}];\n", "utf-8")
    assert names() == ["redirected-link"]
