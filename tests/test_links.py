"""Link destinations: candidate paths at parse time, files at corpus time."""

from kblint.model.config import Config
from kblint.kb.identity import resolve
from kblint.kb.links import Resolver, candidates, locale_in_url, parse_destination
from helpers import ROOT


def destination(url: str, relpath: str = "en/help/guide/x.md", **settings):
    config = Config(root=ROOT)
    for key, value in settings.items():
        setattr(config, key, value)
    return parse_destination(url, relpath, resolve(relpath, {}, config), config)


def test_relative_links():
    d = destination("../setup/install.md#step-2")
    assert (d.style, d.bases, d.fragment) == ("relative", (("", "en/help/setup/install.md"),), "step-2")
    assert destination("other").bases == (("", "en/help/guide/other"),)
    assert destination("./").bases == (("", "en/help/guide/"),)
    assert destination("../../../../outside.md") is None  # above the knowledge base root


def test_root_absolute_links_try_the_locale_root_then_the_root():
    d = destination("/help/x.md?view=1#Scen%201")
    assert d.style == "root" and d.fragment == "Scen 1"
    assert d.bases[:3] == (("", "en/help/x.md"), ("", "help/x.md"), ("*", "help/x.md"))
    # Then the folders a site serves at its root (none configured: the usual ones).
    assert d.bases[3:] == (("", "en/public/help/x.md"), ("", "public/help/x.md"), ("", "en/static/help/x.md"), ("", "static/help/x.md"),
        ("", "en/.vuepress/public/help/x.md"), ("", ".vuepress/public/help/x.md"),
    )  # fmt: skip
    named = destination("/zh-Hant/help/x", relpath="en/help/guide/x.md")
    assert named.bases[0] == ("zh-Hant", "help/x") and named.locale == "zh-Hant"
    served = destination("/docs/help/x", link_root="/docs", static_roots=["public"])
    assert served.bases == (("", "en/help/x"), ("", "docs/help/x"), ("*", "docs/help/x"), ("", "public/docs/help/x"))


def test_relative_links_that_climb_to_the_site_root_reach_static_files():
    d = destination("../../images/a.png", relpath="en/learn/tutorial.md", static_roots=["public"])
    assert d.bases == (("", "images/a.png"), ("", "public/images/a.png"))


def test_same_page_other_sites_and_the_sites_own_urls():
    assert destination("#reset").style == "same-page"
    assert destination("https://example.org/x.md") is None
    assert destination("mailto:help@example.org") is None
    own = destination(
        "https://docs.example.com/zh-tw/help/x.html?lang=zh-tw#a", base_urls=["https://docs.example.com/{locale}/{path}"]
    )
    assert (own.style, own.bases, own.locale, own.fragment) == ("site", (("zh-Hant", "help/x.html"),), "zh-Hant", "a")
    query = destination("https://example.com/kb/x.html?lang=en", relpath="zh-Hant/a.md", base_urls=["https://example.com/kb/{path}"])
    assert query.bases == (("en", "x.html"),) and query.locale == "en"


def test_candidates_leave_out_extensions_and_index_pages():
    assert list(candidates("a/b"))[:4] == ["a/b", "a/b.md", "a/b.mdx", "a/b.markdown"]
    assert "a/b/index.md" in candidates("a/b") and "a/b/README.md" in candidates("a/b")
    assert list(candidates("a/b.md")) == ["a/b.md"]
    assert "a/b.md" in candidates("a/b.html")
    assert list(candidates("a/"))[0] == "a/index.md"


def test_resolver_exact_case_mismatch_and_folders():
    resolver = Resolver({"en/help/x.md", "en/img/Shot.PNG", "zh-Hant/help/x.md", "en/api/v1/a.md"}, {"en": ["en"], "zh-Hant": ["zh-Hant"]})
    assert resolver.resolve((("", "en/help/x"),)).path == "en/help/x.md"
    assert resolver.resolve((("zh-Hant", "help/x"),)).path == "zh-Hant/help/x.md"
    missing = resolver.resolve((("", "en/img/shot.png"),))
    assert missing.path is None and missing.case_path == "en/img/Shot.PNG"
    assert resolver.resolve((("", "en/api"),)).folder
    assert resolver.resolve((("", "en/nothing"),)).path is None


def test_locale_in_url():
    assert locale_in_url("../../en/help/x.md", "en") == (6, 8)
    assert locale_in_url("/x.html?lang=en#top", "en") == (13, 15)
    assert locale_in_url("/enterprise/x.md", "en") is None


def test_a_folder_link_may_name_the_page_beside_the_folder():
    assert list(candidates("learn/x/"))[:2] == ["learn/x/index.md", "learn/x/index.mdx"]
    assert "learn/x.md" in candidates("learn/x/") and "learn/x.mdx" in candidates("learn/x/")
    resolver = Resolver({"en/learn/x.md", "en/guide/index.md", "en/docs/README.md"}, {"en": ["en"]})
    assert resolver.resolve((("", "en/learn/x/"),)).path == "en/learn/x.md"
    assert resolver.resolve((("", "en/learn/x"),)).path == "en/learn/x.md"
    assert resolver.resolve((("", "en/guide/"),)).path == "en/guide/index.md"
    assert resolver.resolve((("", "en/guide"),)).path == "en/guide/index.md"
    assert resolver.resolve((("", "en/docs/"),)).path == "en/docs/README.md"


def test_a_translation_falls_back_to_the_default_languages_page():
    relative = destination("../setup/install.md", relpath="zh-Hant/help/guide/x.md")
    assert relative.bases == (("", "zh-Hant/help/setup/install.md"), ("en", "help/setup/install.md"))
    rooted = destination("/help/x/", relpath="zh-Hant/help/guide/x.md")
    assert rooted.bases[0] == ("", "zh-Hant/help/x/") and rooted.bases[-1] == ("en", "help/x/")
    named = destination("/zh-Hant/help/x", relpath="zh-Hant/help/guide/x.md")
    assert ("en", "help/x") in named.bases
    # The default language's own links have nowhere else to go.
    assert not any(locale == "en" for locale, _ in destination("/help/x").bases)


def test_a_default_language_at_the_top_links_from_where_the_site_is_served():
    d = destination("/docs/x", relpath="site/docs/a.md")
    assert ("*", "docs/x") in d.bases
    resolver = Resolver({"site/docs/x.md", "site/zh-tw/docs/x.md"}, {"en": [""], "zh-Hant": ["site/zh-tw"]})
    assert resolver.resolve(d.bases).path == "site/docs/x.md"
    assert resolver.resolve((("", "public/a.png"), ("*", "nothing"))).path is None


def test_a_site_address_that_climbs_also_leads_from_the_pages_own_address():
    # x.md is served at x/: from there, ../cluster/ is its sibling, as from the folder it is not.
    d = destination("../cluster/", relpath="content/tr/kubernetes.md")
    assert d.bases[:2] == (("", "content/cluster/"), ("", "content/tr/cluster/"))
    assert destination("../cluster/", relpath="content/tr/_index.md").bases == (("", "content/cluster/"),)
    assert destination("../cluster.md", relpath="content/tr/kubernetes.md").bases == (("", "content/cluster.md"),)
