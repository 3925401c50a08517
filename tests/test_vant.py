"""A site Vant CLI builds: pages are routes after the address's '#' (``#/zh-CN/date-field``),
a component's README in each language, the docs folder's pages by their file names, and heading
ids as transliteration's slugify makes them."""

from __future__ import annotations

import json
from pathlib import Path

from kblint.app.cli import main
from kblint.kb.vant import heading_ids, route_name, route_pages, vant_sites
from helpers import write_files as write

CONFIG = """\
export default {
  name: 'tiles',
  build: {
    srcDir: 'src',
    site: {
      publicPath: (typeof window === 'undefined' && process.env.BASE) || '/tiles/',
    },
  },
  site: {
    defaultLang: 'en-US',
    versions: [{ label: 'v1', link: '/tiles/v1/' }],
    locales: {
      'zh-CN': {
        title: 'Tiles',
        nav: [{ title: '开始', items: [{ path: 'home', title: '介绍' }] }],
      },
      'en-US': {
        title: 'Tiles',
        nav: [{ title: 'Start', items: [{ path: 'home', title: 'Intro' }] }],
      },
    },
  },
};
"""

HOME_EN = """\
<div class="card">
  <h2>Tiles</h2>
</div>

### Setting up

Start with the [date field](#/en-US/date-field#field-props), then [the older kit](/tiles/v1/#/en-US/home),
its [phone edition](/tiles-phone/) and [the guide in Chinese](#/zh-CN/setting-up#an-zhuang).
A [missing page](#/en-US/time-field) and a [stale place](#/en-US/date-field#ri-qi).
"""

HOME_ZH = """\
<div class="card">
  <h2>Tiles</h2>
</div>

### 设置

先看[日期字段](#/zh-CN/date-field#zi-duan-shu-xing)，以及[本站首页](/tiles/)。
"""

FIELD_EN = """\
# DateField

### Field Props

A field that takes a date.
"""

FIELD_ZH = """\
# DateField 日期字段

### 字段属性

接受日期的字段。
"""


def site(root: Path) -> None:
    write(root, {
        "kit/vant.config.mjs": CONFIG,
        "kit/docs/markdown/home.en-US.md": HOME_EN,
        "kit/docs/markdown/home.zh-CN.md": HOME_ZH,
        "kit/docs/markdown/setting-up.zh-CN.md": "# 安装\n\n## 安装\n\n运行安装命令。\n",
        "kit/docs/markdown/setting-up.en-US.md": "# Setting up\n\n## Install\n\nRun the installer.\n",
        "kit/src/date-field/README.md": FIELD_EN,
        "kit/src/date-field/README.zh-CN.md": FIELD_ZH,
    })  # fmt: skip


def test_the_configuration_gives_languages_pages_and_addresses(tmp_path):
    site(tmp_path)
    (found,) = vant_sites(tmp_path, ["", "kit"])
    assert (found.folder, found.default_lang, found.locales, found.src) == ("kit", "en-US", ("zh-CN", "en-US"), "kit/src")
    assert (found.public_paths, found.versions) == (("/tiles/",), ("/tiles/v1/",))
    assert route_pages(found, "zh-CN/date-field") == (["kit/src/date-field/README.zh-CN.md"], "zh-CN")
    assert route_pages(found, "en-US/setting-up") == (["kit/docs/markdown/setting-up.en-US.md", "kit/src/setting-up/README.md"], "en-US")
    assert route_pages(found, "/", own="zh-CN")[0][0] == "kit/docs/markdown/home.zh-CN.md"
    assert route_pages(found, "fr-FR/date-field") == ([], None)  # no such language: the router goes home


def test_names_and_heading_ids_as_vant_cli_makes_them():
    assert route_name("ActionSheet") == route_name("action-sheet") == "action-sheet"
    assert heading_ids(["Field Props", "v2.0 & later", "Field Props"]) == (["field-props", "v2.0-later", "field-props-1"], True)
    assert heading_ids(["字段属性"]) == ([], False)  # pinyin: not made here


def test_a_configuration_that_builds_no_site_is_none(tmp_path):
    write(tmp_path, {"lib/vant.config.mjs": "export default { build: { packageManager: 'pnpm' } };\n", "lib/docs/a.md": "# A\n"})
    assert vant_sites(tmp_path, ["lib"]) == ()


def test_routes_lead_to_pages_and_their_places(tmp_path, monkeypatch, capsys):
    site(tmp_path)
    monkeypatch.chdir(tmp_path)
    main(["--no-cache", "--format", "json", "--select", "broken-link,broken-anchor,wrong-locale-link,front-matter", "."])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    findings = [(f["name"], f["path"], f["line"], f["column"], f["message"]) for f in json.loads(out)["findings"]]
    home = "kit/docs/markdown/home.en-US.md"
    assert findings == [
        ("wrong-locale-link", home, 8, 63, "link to #/zh-CN/setting-up#an-zhuang leads to the zh-Hans version of kit/docs/markdown/setting-up; "
         "this en article has its own: setting-up.en-US.md"),
        ("broken-link", home, 9, 18, "link to #/en-US/time-field: no such file or article in the knowledge base"),
        ("broken-anchor", home, 9, 58, "no heading or anchor #ri-qi in #/en-US/date-field"),
    ]  # fmt: skip


def test_without_a_site_a_route_is_no_anchor(tmp_path, monkeypatch, capsys):
    """Another client-side router's route names no place on the page: nothing to check."""
    write(tmp_path, {"guide.md": "# Guide\n\nSee [the setup](#/setup) and [the older one](/old/#/setup).\n", "old/index.md": "# Old\n"})
    monkeypatch.chdir(tmp_path)
    main(["--no-cache", "--format", "json", "--select", "broken-link,broken-anchor", "."])
    assert json.loads(capsys.readouterr()[0])["findings"] == []
