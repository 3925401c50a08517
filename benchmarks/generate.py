"""Generate a deterministic synthetic multilingual knowledge base for benchmarks.

    python benchmarks/generate.py --articles 20000 --out /tmp/kb
    python benchmarks/generate.py --articles 20000 --out /tmp/kb-html --format html
    python benchmarks/generate.py --articles 20000 --out /tmp/kb-zendesk --format zendesk

About 60 % of the articles are English sources, 25 % Traditional and 15 % Simplified Chinese
translations, about 4 KB each, with tables, HTML blocks, nested and loose lists, images, notes
and continuation lines in the shares of ``SHARES`` (``--shapes plain`` leaves them out) (20,000 articles make about 80 MB), with references between them and defects planted at a low rate
(typos, broken references, doubled words, mixed scripts, half-width punctuation) so that every
tool has something to find. The same arguments always produce the same bytes.

``--format html`` writes the same articles as a help center's HTML export (``<h1>`` and the
body, one file per article in locale folders, as Zendesk's backup recipe does), and
``--format zendesk`` as its API export (list pages of 100 articles, ``{"articles": […]}``, the
metadata in each article's fields): the same text, so that the formats' speeds compare.
"""

from __future__ import annotations

import argparse
import html
import json
import random
from pathlib import Path

LOCALE_TAGS = {"en": "en-us", "zh-Hant": "zh-tw", "zh-Hans": "zh-cn"}

EN_WORDS = (
    "account backup browser cache certificate client cloud connection device download export "
    "file folder gateway install key license login network password permission phone policy "
    "printer profile proxy report restore router server session setting storage sync token "
    "update upload user vault window workspace archive calendar contact message invoice team"
).split()
EN_VERBS = "open select enter choose confirm restart check remove add enable disable copy paste save".split()
EN_GLUE = "the a your this that each every any our their".split()
HANT = "帳戶 備份 瀏覽器 憑證 連線 裝置 下載 匯出 檔案 資料夾 金鑰 網路 密碼 權限 手機 設定 儲存 同步 更新 使用者 視窗 訊息 發票 團隊".split()
HANS = "账户 备份 浏览器 证书 连接 设备 下载 导出 文件 文件夹 密钥 网络 密码 权限 手机 设置 存储 同步 更新 用户 窗口 消息 发票 团队".split()
HANT_VERBS = "開啟 選擇 輸入 確認 重新啟動 檢查 移除 新增 啟用 停用 複製 貼上 儲存".split()
HANS_VERBS = "打开 选择 输入 确认 重新启动 检查 移除 添加 启用 停用 复制 粘贴 保存".split()
TYPOS = ["recieve", "seperate", "occured", "definately", "adress", "untill"]


def en_sentence(rng: random.Random) -> str:
    words = [rng.choice(EN_VERBS).capitalize(), rng.choice(EN_GLUE)]
    for _ in range(rng.randint(6, 14)):
        word = rng.choice(EN_WORDS if rng.random() < 0.6 else EN_GLUE + EN_VERBS)
        if word != words[-1]:  # doubled words only where planted below
            words.append(word)
    if rng.random() < 0.01:
        words.insert(3, rng.choice(TYPOS))
    if rng.random() < 0.005:
        words.insert(2, words[1])
    return " ".join(words) + "."


def zh_sentence(rng: random.Random, nouns: list[str], verbs: list[str], hant: bool) -> str:
    parts = [rng.choice(verbs)]
    for _ in range(rng.randint(4, 9)):
        parts.append(rng.choice(nouns))
        parts.append(rng.choice(["的", "與", "和", "中", "後", "並"] if hant else ["的", "与", "和", "中", "后", "并"]))
    text = "".join(parts[:-1])
    if rng.random() < 0.01:
        text += "情况" if hant else "設定"
    comma = "," if rng.random() < 0.01 else "，"
    return text + comma + rng.choice(verbs) + rng.choice(nouns) + "。"


def _title(rng: random.Random, locale: str) -> str:
    if locale == "zh-Hant":
        return "".join(rng.choice(HANT) for _ in range(3))
    if locale == "zh-Hans":
        return "".join(rng.choice(HANS) for _ in range(3))
    return " ".join([rng.choice(EN_VERBS).capitalize()] + [rng.choice(EN_WORDS) for _ in range(3)])


def _sentence(rng: random.Random, locale: str) -> str:
    if locale == "en":
        return en_sentence(rng)
    if locale == "zh-Hant":
        return zh_sentence(rng, HANT, HANT_VERBS, True)
    return zh_sentence(rng, HANS, HANS_VERBS, False)


def article(rng: random.Random, number: int, locale: str, plan: dict, titles: dict) -> str:
    """One article; translations follow their source's plan (same references, steps, code)."""
    refs, steps, related = plan["refs"], plan["steps"], plan["related"]
    if locale != "en" and rng.random() < 0.01:
        steps = max(1, steps - 1)  # planted translation drift
    title = titles[(number, locale)]
    lines = ["---", f"id: KB{number}", f"lang: {locale}", f"title: {title}", f"updated: {plan['updated']}", "---", ""]
    lines += [f"# {title}", ""]
    see = {"en": "See KB{}.", "zh-Hant": "請參見 KB{}。", "zh-Hans": "请参见 KB{}。"}[locale]
    joiner = " " if locale == "en" else ""
    for target in refs:
        sentences = [_sentence(rng, locale) for _ in range(rng.randint(3, 5))]
        sentences.append(see.format(target))
        lines += [joiner.join(sentences), ""]
    for _ in range(plan["paragraphs"]):
        lines += [joiner.join(_sentence(rng, locale) for _ in range(rng.randint(3, 6))), ""]
    extras = plan.get("extras", ())
    if "image" in extras:
        lines += [f"![{title}](https://cdn.example.com/kb/KB{number}-1.png)", ""]
    for step in range(1, steps + 1):
        lines.append(f"{step}. {_sentence(rng, locale)}")
        if step == 1 and "continued" in extras:
            lines.append(f"   {_sentence(rng, locale)}")  # a continuation line, indented under its step
    lines += ["", "```text", f"kbtool export --id KB{number} --format csv", "```", ""]
    for name in extras:
        lines += EXTRAS.get(name, _no_extra)(rng, locale, number)
    lines += [{"en": "## Related articles", "zh-Hant": "## 參考文章", "zh-Hans": "## 参考文章"}[locale], ""]
    for target in related:
        listed = titles.get((target, locale)) or titles[(target, "en")]
        if rng.random() < 0.01:
            listed = _title(rng, locale)  # planted title mismatch
        lines.append(f"- KB{target} - {listed}")
    return "\n".join(lines) + "\n"


# Constructs of real articles, with the share of sources (and so of their translations) that
# hold each: in the range the five public docs sites of docs/benchmarks.md show (tables in 1 to
# 39 % of their files, HTML blocks 0 to 50 %, nested lists 0 to 33 %, loose lists 0 to 40 %,
# images 0 to 9 %, admonitions 0 to 58 %), with more screenshots, as a support site has.
SHARES = {"table": 0.15, "html": 0.10, "nested": 0.20, "loose": 0.15, "image": 0.25, "note": 0.30, "continued": 0.10}
TABLE_HEADS = {"en": "| Setting | Value |", "zh-Hant": "| 設定 | 值 |", "zh-Hans": "| 设置 | 值 |"}


def _no_extra(rng: random.Random, locale: str, number: int) -> list[str]:
    return []


def _table(rng: random.Random, locale: str, number: int) -> list[str]:
    nouns = {"en": EN_WORDS, "zh-Hant": HANT, "zh-Hans": HANS}[locale]
    rows = [f"| {rng.choice(nouns)} | {(number * (k + 3)) % 97} |" for k in range(3)]  # values the translations share
    return [TABLE_HEADS[locale], "| --- | ---: |", *rows, ""]


def _html_block(rng: random.Random, locale: str, number: int) -> list[str]:
    return ['<div class="kb-callout">', f"<p>{_sentence(rng, locale)}</p>", "</div>", ""]


def _nested_list(rng: random.Random, locale: str, number: int) -> list[str]:
    return [f"- {_sentence(rng, locale)}", f"  - {_sentence(rng, locale)}", f"  - {_sentence(rng, locale)}", f"- {_sentence(rng, locale)}", ""]


def _loose_list(rng: random.Random, locale: str, number: int) -> list[str]:
    return [f"- {_sentence(rng, locale)}", "", f"- {_sentence(rng, locale)}", "", f"- {_sentence(rng, locale)}", ""]


def _note(rng: random.Random, locale: str, number: int) -> list[str]:
    return ["> [!NOTE]", f"> {_sentence(rng, locale)}", ""]


EXTRAS = {"table": _table, "html": _html_block, "nested": _nested_list, "loose": _loose_list, "note": _note}


def generate(out: Path, articles: int, seed: int = 2026, form: str = "markdown", shapes: str = "real") -> None:
    """``shapes``: "real" writes the constructs of SHARES into Markdown articles; "plain" (and
    the HTML forms, whose converter knows only the plain shapes) writes headings, paragraphs,
    numbered steps, one code block and a related list, as the generator did before."""
    rng = random.Random(seed)
    real = shapes == "real" and form == "markdown"
    sources = max(1, int(articles * 0.6))
    counts = {"en": sources, "zh-Hant": int(articles * 0.25)}
    counts["zh-Hans"] = articles - sources - counts["zh-Hant"]
    titles = {}
    for locale, count in counts.items():
        for i in range(count):
            titles[(10000 + i, locale)] = _title(rng, locale)
    plans = {}
    for i in range(sources):
        refs = [10000 + rng.randrange(sources) for _ in range(rng.randint(3, 6))]
        refs = [90000 + rng.randrange(1000) if rng.random() < 0.01 else r for r in refs]  # planted broken ids
        plans[10000 + i] = {
            "refs": refs,
            "steps": rng.randint(3, 7),
            "paragraphs": rng.randint(3, 6),  # plain paragraphs: about 4 KB an article in all
            "related": [10000 + rng.randrange(sources) for _ in range(rng.randint(1, 3))],
            "updated": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        }
        if real:
            plans[10000 + i]["extras"] = tuple(name for name, share in SHARES.items() if rng.random() < share)
    (out / "kblint.yaml").parent.mkdir(parents=True, exist_ok=True)
    (out / "kblint.yaml").write_text("source_locale: en\nlocales: [en, zh-Hant, zh-Hans]\n", "utf-8")
    pages: dict[str, list[dict]] = {}
    for locale, count in counts.items():
        for i in range(count):
            number = 10000 + i
            text = article(rng, number, locale, plans[number], titles)
            if form == "zendesk":
                pages.setdefault(locale, []).append(api_article(text, number, locale))
                continue
            folder = out / (LOCALE_TAGS[locale] if form == "html" else locale) / f"{i // 1000:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            if form == "html":
                (folder / f"KB{number}.html").write_text(as_html(text), "utf-8")
            else:
                (folder / f"KB{number}.md").write_text(text, "utf-8")
    for locale, items in pages.items():
        folder = out / LOCALE_TAGS[locale]
        folder.mkdir(parents=True, exist_ok=True)
        for page, start in enumerate(range(0, len(items), 100), 1):
            data = {"articles": items[start : start + 100], "page": page, "per_page": 100, "next_page": None}
            (folder / f"articles-{page:04d}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")


def _split(text: str) -> tuple[dict, list[str]]:
    """An article of ``article``: its front matter's values and its body's lines."""
    lines = text.split("\n")
    end = lines.index("---", 1)
    front = dict(line.split(": ", 1) for line in lines[1:end])
    return front, lines[end + 1 :]


def as_html(text: str) -> str:
    """The article as a help center's HTML export writes it (the generator's own Markdown
    shapes: headings, paragraphs, numbered steps, a code block, a related list)."""
    _, lines = _split(text)
    out: list[str] = []
    open_list = ""
    code: list[str] | None = None
    for line in lines:
        if code is not None:
            if line.startswith("```"):
                out.append("<pre>" + html.escape("\n".join(code)) + "</pre>")
                code = None
            else:
                code.append(line)
            continue
        kind = "ol" if line[:1].isdigit() and ". " in line[:4] else "ul" if line.startswith("- ") else ""
        if open_list and kind != open_list:
            out.append(f"</{open_list}>")
            open_list = ""
        if line.startswith("```"):
            code = []
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            out.append(f"<h{level}>{html.escape(line[level + 1 :])}</h{level}>")
        elif kind:
            if not open_list:
                out.append(f"<{kind}>")
                open_list = kind
            out.append(f"<li>{html.escape(line.split(' ', 1)[1])}</li>")
        elif line.strip():
            out.append(f"<p>{html.escape(line)}</p>")
    return "\n".join(out) + "\n"


def api_article(text: str, number: int, locale: str) -> dict:
    """The article as the help center's API gives it."""
    front, _ = _split(text)
    body = as_html(text).split("\n", 1)[1]  # the title is a field, not part of the body
    return {
        "id": f"KB{number}",  # as the Markdown articles know it: the findings compare
        "locale": LOCALE_TAGS[locale],
        "source_locale": "en-us",
        "title": front["title"],
        "body": body,
        "html_url": f"https://help.example.com/hc/{LOCALE_TAGS[locale]}/articles/{number}",
        "edited_at": front["updated"] + "T00:00:00Z",
        "draft": False,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--format", choices=("markdown", "html", "zendesk"), default="markdown")
    parser.add_argument("--shapes", choices=("real", "plain"), default="real", help="plain: the simple shapes of earlier benchmarks")
    args = parser.parse_args()
    generate(args.out, args.articles, args.seed, args.format, args.shapes)


if __name__ == "__main__":
    main()
