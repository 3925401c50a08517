"""A dumi site: pages served by their routes (a doc folder under its type's plural, a
component's page at its name), each locale's page at its suffix or base, demos as partials
of their component's page, .dumi/pages routes of their own."""

from __future__ import annotations

import json
from pathlib import Path

from kblint.app.cli import main
from helpers import write_files as write
from kblint.kb.dumi import demo_anchors, dumi_site, page_paths

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


def test_a_dumi_sites_addresses_demos_and_routes_lead_where_the_site_serves_them(tmp_path, monkeypatch, capsys):
    site(tmp_path)
    monkeypatch.chdir(tmp_path)
    main(["--no-cache", "--format", "json", "."])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    findings = [(f["name"], f["path"], f["line"], f["message"]) for f in json.loads(out)["findings"]]
    assert findings == [
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
