"""A dumi site: pages served by their routes (a doc folder under its type's plural, a
component's page at its name), each locale's page at its suffix or base, demos as partials
of their component's page, .dumi/pages routes of their own; a dumi 1 site's include folders,
kebab-case routes and nav paths."""

from __future__ import annotations

import json
from pathlib import Path

from kblint.app.cli import main
from helpers import write_files as write
from kblint.kb.dumi import demo_anchors, dumi_site, kebab_route, legacy_route, page_paths
from kblint.model.layout import DumiSite

CONFIG = """\
import { defineConfig } from 'dumi';

export default defineConfig({
  resolve: {
    docDirs: [{ type: 'doc', dir: 'docs' }],
    atomDirs: [{ type: 'component', dir: 'components' }],
  },
  locales: [
    { id: 'en-US', name: 'English', suffix: '' },
    { id: 'zh-CN', name: '中文', suffix: '-cn' },
  ],
});
"""

GUIDE_EN = """\
---
title: Getting going
---

Read about [shared props](/docs/react/shared-props) and the [Switch](/components/switch#api),
whose [small size](/components/switch#switch-demo-small) has a demo. A [sibling](./shared-props)
page, the [editor](/theme-editor) and a page that is gone: [old guide](/docs/react/old-guide).
"""

GUIDE_ZH = """\
---
title: 起步
---

请阅读[共享属性](/docs/react/shared-props-cn)和[开关](/components/switch-cn#api)，以及[说明](/docs/react/shared-props#示例)。
"""

SWITCH_EN = """\
---
title: Switch
---

## Examples

<code src="./demo/small.tsx">Small</code>

## API

| Property | Type |
| --- | --- |
| size | string |
"""

SWITCH_ZH = """\
---
title: 开关
---

## 代码演示

<code src="./demo/small.tsx">小号</code>

## API

| Property | Type |
| --- | --- |
| size | string |
"""

DEMO = """\
## zh-CN

最小的开关，见[API](#api)。

## en-US

The smallest switch; see the [API](#api).
"""


def site(root: Path) -> None:
    write(root, {
        ".dumirc.ts": CONFIG,
        ".dumi/pages/theme-editor/index.tsx": "export default () => null;\n",
        "docs/react/getting-started.en-US.md": GUIDE_EN,
        "docs/react/getting-started.zh-CN.md": GUIDE_ZH,
        "docs/react/shared-props.en-US.md": "---\ntitle: Shared props\n---\n\n## Example\n\nProps every component takes.\n",
        "docs/react/shared-props.zh-CN.md": "---\ntitle: 共享属性\n---\n\n## 示例\n\n每个组件都接受的属性。\n",
        "components/switch/index.en-US.md": SWITCH_EN,
        "components/switch/index.zh-CN.md": SWITCH_ZH,
        "components/switch/demo/small.md": DEMO,
        "components/switch/demo/small.tsx": "export default () => null;\n",
    })  # fmt: skip


def test_the_configuration_gives_routes_and_locales(tmp_path):
    site(tmp_path)
    found = dumi_site(tmp_path)
    assert found is not None
    assert (found.docs, found.atoms, found.locales) == (
        (("docs", "docs"),), (("components", "components"),), (("en-US", "", ""), ("zh-CN", "", "-cn")),
    )  # fmt: skip
    assert page_paths(found, "docs/react/faq-cn")[:1] == [".dumi/pages/docs/react/faq-cn/index.tsx"]
    assert "docs/react/faq.zh-CN" in page_paths(found, "docs/react/faq-cn")
    assert "components/button/index.en-US" in page_paths(found, "components/button")
    assert "components/ConfigProvider/index.en-US" in page_paths(found, "components/config-provider")  # kebab-case routes
    demo = '<code src="./demo/targetOffset.tsx">Offset</code>'
    assert demo_anchors(found, "components/ConfigProvider/index.en-US.md", demo) == ["config-provider-demo-targetoffset"]
    assert demo_anchors(found, "components/anchor/demo/basic.md", demo) == []  # a demo's description is no page
    assert page_paths(found, "components/button", own="zh-CN").index("components/button/index.zh-CN") < page_paths(
        found, "components/button", own="zh-CN"
    ).index("components/button/index.en-US")


def whole_run(root: Path, monkeypatch, capsys) -> list[tuple]:
    """(rule, path, line, message) of each finding of a run over ``root``."""
    monkeypatch.chdir(root)
    main(["--no-cache", "--format", "json", "."])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return [(f["name"], f["path"], f["line"], f["message"]) for f in json.loads(out)["findings"]]


def test_a_dumi_sites_addresses_demos_and_routes_lead_where_the_site_serves_them(tmp_path, monkeypatch, capsys):
    site(tmp_path)
    assert whole_run(tmp_path, monkeypatch, capsys) == [
        ("broken-link", "docs/react/getting-started.en-US.md", 7, "link to /docs/react/old-guide: no such file or article in the knowledge base"),
    ]


def test_a_translation_links_its_own_languages_page_by_an_address_without_a_suffix(tmp_path, monkeypatch, capsys):
    """A theme switches /docs/x to /docs/x-cn on a Chinese page: its anchors are the
    translation's, and the link is not to the wrong language."""
    site(tmp_path)
    write(tmp_path, {"docs/react/getting-started.zh-CN.md": GUIDE_ZH.replace("#示例", "#没有")})
    monkeypatch.chdir(tmp_path)
    main(["--no-cache", "--format", "json", "docs/react/getting-started.zh-CN.md"])
    findings = [(f["name"], f["message"]) for f in json.loads(capsys.readouterr()[0])["findings"]]
    assert findings == [("broken-anchor", "no heading or anchor #没有 in /docs/react/shared-props")]


def test_without_a_configuration_nothing_is_a_dumi_site(tmp_path):
    write(tmp_path, {"docs/a.md": "# A\n"})
    assert dumi_site(tmp_path) is None


# dumi 1: Umi's configuration file, include folders, kebab-case routes, nav paths.
LEGACY_CONFIG = """\
import { defineConfig } from 'dumi';

export default defineConfig({
  mode: 'site',
  resolve: {
    includes: ['docs', 'packages/kit/src'],
  },
  locales: [['en-US', 'English'], ['zh-CN', '中文']],
});
"""

LEGACY_GUIDE_EN = """\
## Moving to version two

The [timer hook](/tools/use-slow-timer) and the [walkthrough](/guide/tour) changed; so did
a [gone page](/tools/use-fast-timer).
"""

LEGACY_GUIDE_ZH = """\
## 升级到第二版

[计时器](/zh-CN/tools/use-slow-timer)与[导览](/zh-CN/guide/tour)都变了。
"""

LEGACY_HOOK = """\
---
nav:
  path: /tools
---

# useSlowTimer

{}, beside its [sibling](./use-quick-counter).
"""


def legacy_site(root: Path) -> None:
    write(root, {
        "config/config.ts": LEGACY_CONFIG,
        "README.md": "Project notes without a heading.\n",
        "docs/guide/upgrade.en-US.md": LEGACY_GUIDE_EN,
        "docs/guide/upgrade.zh-CN.md": LEGACY_GUIDE_ZH,
        "docs/guide/tour.en-US.md": "## A tour\n\nThe parts, one by one.\n",
        "docs/guide/tour.zh-CN.md": "## 导览\n\n逐一介绍各部分。\n",
        "packages/kit/src/useSlowTimer/index.en-US.md": LEGACY_HOOK.format("Counts down slowly"),
        "packages/kit/src/useSlowTimer/index.zh-CN.md": LEGACY_HOOK.format("慢慢倒数").replace("sibling", "同类"),
        "packages/kit/src/useQuickCounter/index.en-US.md": "---\nnav:\n  path: /tools\n---\n\n# useQuickCounter\n\nCounts fast.\n",
        "packages/kit/src/useQuickCounter/index.zh-CN.md": "---\nnav:\n  path: /tools\n---\n\n# useQuickCounter\n\n快速计数。\n",
    })  # fmt: skip


def test_a_dumi_1_configuration_gives_its_include_folders_and_locales(tmp_path):
    legacy_site(tmp_path)
    found = dumi_site(tmp_path)
    assert found is not None and found.legacy
    assert found.docs == (("", "docs"), ("", "packages/kit/src"))
    assert found.locales == (("en-US", "", ""), ("zh-CN", "zh-CN/", ""))
    assert "packages/kit/src/useSlowTimer/index.en-US" in page_paths(found, "use-slow-timer")


def test_a_dumi_1_page_is_served_under_its_nav_path_by_its_kebab_case_name():
    site = DumiSite((("", "docs"), ("", "lib")), (), (("en-US", "", ""), ("zh-CN", "zh-CN/", "")), None, legacy=True)
    nav = {"nav": {"path": "/tools"}}
    assert legacy_route(site, "lib/useSlowTimer/index.en-US.md", nav) == "/tools/use-slow-timer"
    assert legacy_route(site, "lib/useSlowTimer/index.zh-CN.md", nav) == "/zh-CN/tools/use-slow-timer"
    assert legacy_route(site, "lib/useSlowTimer/index.zh-CN.md", {"nav": {"path": "/zh-CN/tools"}}) == "/zh-CN/tools/use-slow-timer"
    assert legacy_route(site, "docs/guide/deep/step.md", {"group": {"path": "/steps"}}) == "/steps/step"
    assert legacy_route(site, "docs/guide/tour.md", nav) == "/tools/guide/tour"  # its folders, under the nav path
    assert legacy_route(site, "docs/guide/tour.md", {}) is None  # its file's path serves it


def test_a_dumi_1_sites_routes_lead_to_their_pages_and_its_readme_is_no_page(tmp_path, monkeypatch, capsys):
    """Nav paths, kebab-case names and /zh-CN/ addresses resolve; a page's relative address
    resolves from its route; the first heading of any level is a page's title, and the
    repository's README outside the include folders is no page."""
    legacy_site(tmp_path)
    assert whole_run(tmp_path, monkeypatch, capsys) == [
        ("broken-link", "docs/guide/upgrade.en-US.md", 4, "link to /tools/use-fast-timer: no such file or article in the knowledge base"),
    ]


def test_a_dumi_1_page_links_a_markdown_file_as_the_browser_resolves_its_route(tmp_path, monkeypatch, capsys):
    """dumi 1 drops a link's ``.md``: from a Chinese page ``./setup.md`` is the Chinese setup
    page (no wrong-locale link, the anchor looked for there), and from an index page, served
    at its folder's address, ``./guide/setup.md`` is the folder's own page. A link to no page
    and an anchor the page lacks are still found; the repository's README, no page of the
    site, is read as GitHub shows it."""
    write(tmp_path, {
        "site/config/config.ts": "import { defineConfig } from 'dumi';\n\nexport default defineConfig({ mode: 'site' });\n",
        "site/docs/guide/index.md": "# Guide\n\n- [Setup](./guide/setup.md#install)\n- [Gone](./guide/gone.md)\n",
        "site/docs/guide/index.zh-CN.md": "# 指南\n\n- [安装](./guide/setup.md#安装步骤)\n",
        "site/docs/guide/setup.md": "# Setup\n\n## Install\n\nRun it, then read the [guide](./index.md).\n",
        "site/docs/guide/setup.zh-CN.md": "# 安装\n\n## 安装步骤\n\n运行，再读[指南](./index.md)与[步骤](./setup.md#install)。\n",
        "README.md": "# Kit\n\nRead [how to help](./HELP.md).\n",
        "README.zh-CN.md": "# 工具\n\n请读[如何帮忙](./HELP.md)。\n",
        "HELP.md": "# Help\n\nOpen an issue.\n",
        "HELP.zh-CN.md": "# 帮忙\n\n提一个问题。\n",
    })  # fmt: skip
    assert [(rule, path, line) for rule, path, line, _ in whole_run(tmp_path, monkeypatch, capsys)] == [
        ("wrong-locale-link", "README.zh-CN.md", 3),
        ("broken-link", "site/docs/guide/index.md", 4),
        ("broken-anchor", "site/docs/guide/setup.zh-CN.md", 5),
    ]


# A repository whose dumi site is configured in docs/ (docs/.dumirc.ts beside docs/docs), its
# first locale Chinese: x.md is Chinese, x.en-US.md its English translation, served under /en-US.
CHINESE_FIRST = """\
import { defineConfig } from 'dumi';

export default defineConfig({
  locales: [
    { id: 'zh-CN', name: '中文' },
    { id: 'en-US', name: 'EN' },
  ],
});
"""


def chinese_first_site(root: Path) -> None:
    write(root, {
        "docs/.dumirc.ts": CHINESE_FIRST,
        "docs/docs/guides/setup.md": "---\ntitle: 安装\n---\n\n先阅读[路由](../guides/routes#约定式路由)。\n\n1、安装依赖\n\n2、启动开发服务\n",
        "docs/docs/guides/setup.en-US.md": (
            "---\ntitle: Setup\n---\n\nRead about [routes](../guides/routes#conventional-routing) first.\n\n"
            "1. Install the dependencies\n2. Start the development server\n"
        ),
        "docs/docs/guides/routes.md": "---\ntitle: 路由\n---\n\n## 约定式路由\n\n按文件生成路由。\n",
        "docs/docs/guides/routes.en-US.md": "---\ntitle: Routes\n---\n\n## Conventional routing\n\nRoutes come from files.\n",
    })  # fmt: skip


def test_a_site_configured_below_the_root_gives_its_first_locale_to_pages_named_for_none(tmp_path, monkeypatch, capsys):
    """No page claims another's id, each English page pairs with its Chinese source, and a
    relative address on an English page (the browser resolves it under /en-US) is the English
    page's: no wrong-locale link, its anchor checked there. Steps numbered by hand (``1、``)
    are the steps the translation lists."""
    chinese_first_site(tmp_path)
    found = dumi_site(tmp_path, ["docs"])
    assert found is not None and found.default_language == "zh-CN"
    assert found.locales == (("zh-CN", "", ""), ("en-US", "en-US/", ""))  # dumi's base for a locale after the first
    assert "docs/docs/guides/routes.en-US" in page_paths(found, "en-US/guides/routes")
    assert whole_run(tmp_path, monkeypatch, capsys) == []
    write(tmp_path, {"docs/docs/guides/routes.en-US.md": "---\ntitle: Routes\n---\n\n## Routes from files\n\nRoutes come from files.\n"})
    assert [(rule, path) for rule, path, _, _ in whole_run(tmp_path, monkeypatch, capsys)] == [
        ("broken-anchor", "docs/docs/guides/setup.en-US.md"),
    ]


def test_a_site_that_writes_no_locales_names_no_language(tmp_path):
    write(tmp_path, {".dumirc.ts": "import { defineConfig } from 'dumi';\n\nexport default defineConfig({});\n"})
    found = dumi_site(tmp_path)
    assert found is not None and found.default_language is None


ANTV_CONFIG = """\
import { defineConfig } from 'dumi';

export default defineConfig({
  locales: [
    { id: 'zh', name: '中文' },
    { id: 'en', name: 'English' },
  ],
});
"""

MARK_ZH = """\
---
title: 面积图
---

面积图由[堆叠](/manual/core/transform/stack-y)变换而来，常见问题见[问答](/manual/faq)。
示例见[画廊](/examples#general-area)、[基础面积图](/examples/general/area#basic)和[中文示例](/zh/examples/general/area)。
旧页面：[堆叠](/manual/core/transform/stack-z)。
"""

MARK_EN = """\
---
title: Area
---

An area comes from the [stack](/en/manual/core/transform/stack-y) transform; questions go to
the [FAQ](/en/manual/faq). See the [gallery](/en/examples#general-area) and the
[basic area](/en/examples/general/area#basic). An old page: [stack](/en/manual/core/transform/stack-why).
"""


def antv_site(root: Path) -> None:
    write(root, {
        "site/.dumirc.ts": ANTV_CONFIG,
        "site/package.json": '{"devDependencies": {"@antv/dumi-theme-antv": "^0.7.0", "dumi": "^2.4.0"}}\n',
        "site/docs/manual/core/mark/area.zh.md": MARK_ZH,
        "site/docs/manual/core/mark/area.en.md": MARK_EN,
        "site/docs/manual/core/transform/stackY.zh.md": "---\ntitle: 堆叠\n---\n\n把数据堆叠起来。\n",
        "site/docs/manual/core/transform/stackY.en.md": "---\ntitle: Stack\n---\n\nStacks the data.\n",
        "site/docs/manual/FAQ/index.zh.md": "---\ntitle: 问答\n---\n\n常见的问题。\n",
        "site/docs/manual/FAQ/index.en.md": "---\ntitle: FAQ\n---\n\nCommon questions.\n",
        "site/examples/general/area/index.zh.md": "---\ntitle: 面积图\n---\n\n几个面积图。\n",
        "site/examples/general/area/index.en.md": "---\ntitle: Area\n---\n\nA few area charts.\n",
        "site/examples/general/area/demo/basic.ts": "export {};\n",
    })  # fmt: skip


def test_a_dumi_2_site_serves_its_docs_kebab_case_and_antvs_theme_its_examples(tmp_path, monkeypatch, capsys):
    antv_site(tmp_path)
    found = dumi_site(tmp_path, ["site"])
    assert found is not None and found.kebab_routes and found.examples == "site/examples"
    assert ("examples", "site/examples") in found.docs
    assert kebab_route("core/transform/stackY.zh.md") == "core/transform/stack-y.zh.md"
    assert kebab_route("FAQ/index.en.md") == "faq/index.en.md"
    assert kebab_route("a/FAQ/bX") == "a/faq/b-x"  # a run of capitals is one word
    # Each page links as its site serves it; what is not served is reported, in each language.
    assert whole_run(tmp_path, monkeypatch, capsys) == [
        ("broken-link", "site/docs/manual/core/mark/area.en.md", 7, "link to /en/manual/core/transform/stack-why: no such file or article in the knowledge base"),
        ("broken-link", "site/docs/manual/core/mark/area.zh.md", 7, "link to /manual/core/transform/stack-z: no such file or article in the knowledge base"),
    ]


def test_a_site_that_keeps_its_doc_routes_as_written_is_not_read_kebab_case(tmp_path, monkeypatch, capsys):
    antv_site(tmp_path)
    (tmp_path / "site/.dumirc.ts").write_text(ANTV_CONFIG.replace("locales:", "resolve: { forceKebabCaseRouting: false },\n  locales:"), "utf-8")
    assert not dumi_site(tmp_path, ["site"]).kebab_routes
    names = {(f[1], f[3].split(":")[0]) for f in whole_run(tmp_path, monkeypatch, capsys)}
    assert ("site/docs/manual/core/mark/area.zh.md", "link to /manual/core/transform/stack-y") in names


# A monorepo whose packages each build a dumi 1 site of their own from their docs/, beside the
# repository's; one package builds a VuePress site instead.
PACKAGE_CONFIG = "export default {\n  mode: 'site',\n  locales: [['en-US', 'English'], ['zh-CN', '简体中文']],\n};\n"
PACKAGE_MODEL_EN = """\
# ArrayField

Made by [createArrayField](/api/models/form#createarrayfield), a kind of [field](/api/models/field).
See the [path syntax](/api/entry/form-path) and the [layout](./array-layout). Gone: [old](/api/models/old-field), [as its file](/api/models/Form).
"""


def monorepo(root: Path) -> None:
    write(root, {
        ".umirc.js": PACKAGE_CONFIG, "package.json": '{"devDependencies": {"dumi": "^1.1.0"}}\n',
        "docs/index.md": "# Forms\n\nSee the packages.\n", "docs/index.zh-CN.md": "# 表单\n\n见各个包。\n",
        "packages/core/.umirc.js": PACKAGE_CONFIG, "packages/core/package.json": '{"devDependencies": {"dumi": "^1.1.0"}}\n',
        "packages/core/docs/api/models/ArrayField.md": PACKAGE_MODEL_EN,
        "packages/core/docs/api/models/ArrayField.zh-CN.md": PACKAGE_MODEL_EN.replace("a kind of", "一种"),
        "packages/core/docs/api/models/ArrayLayout.md": "# ArrayLayout\n\nRows.\n",
        "packages/core/docs/api/models/ArrayLayout.zh-CN.md": "# ArrayLayout\n\n行。\n",
        "packages/core/docs/api/models/Form.md": "# Form\n\n## createArrayField\n\nMakes one.\n",
        "packages/core/docs/api/models/Form.zh-CN.md": "# Form\n\n## createArrayField\n\n创建一个。\n",
        "packages/core/docs/api/models/Field.md": "# Field\n\nA field.\n", "packages/core/docs/api/models/Field.zh-CN.md": "# Field\n\n字段。\n",
        "packages/core/docs/api/entry/FormPath.md": "# FormPath\n\nPaths.\n", "packages/core/docs/api/entry/FormPath.zh-CN.md": "# FormPath\n\n路径。\n",
        "packages/vue/docs/.vuepress/config.js": "module.exports = { title: 'Vue' };\n",
        "packages/vue/docs/guide/start.md": "# Start\n\nUse the [schema](/api/shared/schema) and the [field](/api/shared/field).\n",
        "packages/vue/docs/api/shared/schema.md": "# Schema\n\nA schema.\n",
    })  # fmt: skip


def test_each_package_of_a_monorepo_serves_its_own_site(tmp_path, monkeypatch, capsys):
    """A package's root-absolute addresses are its own site's pages, at kebab-case routes
    (``/api/entry/form-path`` is ``FormPath.md``, and ``/api/models/Form`` no page's); a
    relative address too (``./array-layout``);
    in the package that builds a VuePress site, an address is its docs/' page."""
    monorepo(tmp_path)
    found = [(rule, path, line, message.split(":")[0]) for rule, path, line, message in whole_run(tmp_path, monkeypatch, capsys) if "link" in rule]
    assert found == [
        ("broken-link", "packages/core/docs/api/models/ArrayField.md", 4, "link to /api/models/old-field"),
        ("broken-link", "packages/core/docs/api/models/ArrayField.md", 4, "link to /api/models/Form"),
        ("broken-link", "packages/core/docs/api/models/ArrayField.zh-CN.md", 4, "link to /api/models/old-field"),
        ("broken-link", "packages/core/docs/api/models/ArrayField.zh-CN.md", 4, "link to /api/models/Form"),
        ("broken-link", "packages/vue/docs/guide/start.md", 3, "link to /api/shared/field"),
    ]


def test_a_dumi_1_relative_address_resolves_from_the_pages_route_and_a_group_path_from_its_page():
    """dumi 1 makes ``../components/picker`` on the page ``/guide/setup`` (``docs/guide/setup.md``)
    a router's link to ``/components/picker``, served by ``src/components/picker/picker.md``
    (a group's path leads to the page named for its folder); from the Chinese page, to its
    Chinese page."""
    from kblint.kb.links import _dumi_bases

    site = DumiSite((("", "docs"), ("components", "src/components")), (), (("en", "", ""), ("zh", "zh/", "")), None, legacy=True)
    english = [path for _, path in _dumi_bases(site, "../components/picker", "docs/components/picker", "en", "docs/guide/setup.md")]
    assert "src/components/picker/picker" in english
    chinese = [path for _, path in _dumi_bases(site, "../components/picker", "docs/components/picker", "zh", "docs/guide/setup.zh.md")]
    assert "src/components/picker/picker.zh" in chinese
    assert "src/components/picker/picker.zh" in page_paths(site, "zh/components/picker")
