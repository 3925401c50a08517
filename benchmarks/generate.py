"""Generate a deterministic synthetic multilingual knowledge base for benchmarks.

    python benchmarks/generate.py --articles 20000 --out /tmp/kb

About 60 % of the articles are English sources, 25 % Traditional and 15 % Simplified Chinese
translations, about 4 KB each (20,000 articles make about 80 MB), with references between them and defects planted at a low rate
(typos, broken references, doubled words, mixed scripts, half-width punctuation) so that every
tool has something to find. The same arguments always produce the same bytes.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

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
    for step in range(1, steps + 1):
        lines.append(f"{step}. {_sentence(rng, locale)}")
    lines += ["", "```text", f"kbtool export --id KB{number} --format csv", "```", ""]
    lines += [{"en": "## Related articles", "zh-Hant": "## 參考文章", "zh-Hans": "## 参考文章"}[locale], ""]
    for target in related:
        listed = titles.get((target, locale)) or titles[(target, "en")]
        if rng.random() < 0.01:
            listed = _title(rng, locale)  # planted title mismatch
        lines.append(f"- KB{target} - {listed}")
    return "\n".join(lines) + "\n"


def generate(out: Path, articles: int, seed: int = 2026) -> None:
    rng = random.Random(seed)
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
    (out / "kblint.yaml").parent.mkdir(parents=True, exist_ok=True)
    (out / "kblint.yaml").write_text("source_locale: en\nlocales: [en, zh-Hant, zh-Hans]\n", "utf-8")
    for locale, count in counts.items():
        for i in range(count):
            number = 10000 + i
            folder = out / locale / f"{i // 1000:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"KB{number}.md").write_text(article(rng, number, locale, plans[number], titles), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    generate(args.out, args.articles, args.seed)


if __name__ == "__main__":
    main()
