"""numbering-gap: fires on its example, stays silent on the traps."""


def test_numbering_gap_in_steps_and_figures(kb):
    body = "1. a\n2. b\n4. c\n\nThen:\n\n1. x\n2. y\n2. z\n\nFigure 6 shows it; Figure 10 too. 圖1 與 圖3。\n"
    found = kb.check("numbering-gap", body)
    assert [(l, c) for l, c, _ in found] == [(9, 1), (15, 1), (17, 1), (17, 20), (17, 40)]
    assert "expected 3 after 2" in found[0][2] and "repeats" in found[1][2]


def test_a_list_back_in_line_after_a_slip_is_reported_where_it_slips(kb):
    """1, 2, 2, 5, 4, 6, 7: the second 2, the 5 and the 4 are out of place; the 6 is where its
    place in the list puts it, and the items after it follow it."""
    body = "1. db\n2. themes\n2. plugins\n5. attachments\n4. logs\n6. config\n7. backups\n"
    assert [(l, m) for l, _, m in kb.check("numbering-gap", body)] == [
        (9, "step 2 repeats the numbering: expected 3 after 2"),
        (10, "step 5 skips the numbering: expected 4 for its place in the list"),
        (11, "step 4 is out of order: expected 5 for its place in the list"),
    ]


def test_numbering_that_is_fine(kb):
    body = "1. a\n1. b\n1. c\n\nThen:\n\n3. start at three\n4. next\n\nFigure 1, then Figure 2, then Figure 1 again.\n"
    assert kb.check("numbering-gap", body) == []


def test_a_first_mention_past_one_says_so(kb):
    kb.write("en/a.md", "# A\n\nThe dialog closes (see Figure 2); Figure 3 shows the result.\n")
    [finding] = kb.lint("numbering-gap")
    assert finding.message == "'Figure 2' is the first Figure the text mentions: Figure 1 is missing"


def test_one_figure_number_alone_names_an_unnumbered_screenshot(kb):
    kb.write("en/a.md", "# A\n\n![Menu](menu.png)\n\n![Notice](notice.png)\n\nThe notice appears (see Figure 2).\n")
    assert kb.lint("numbering-gap") == []


def test_a_step_label_that_names_a_screenshot_is_no_step(kb):
    """Only the third step has a picture, and its text says so."""
    kb.write("en/a.md", "# A\n\n1. Open it.\n2. Tap Save.\n3. Confirm.\n\n    ![Step 3](shot-3.png)\n\nStep 5: done.\n")
    [finding] = kb.lint("numbering-gap")
    assert (finding.line, finding.column) == (9, 1)


def test_steps_numbered_around_in_chinese_and_mixed_labels_are_one_count(kb):
    """第 1 步 … 第 2 步, then an untranslated "Step 3": one count, no gap; 第 5 步 after it skips 4."""
    body = "### 第 1 步：登入\n\n文字。\n\n### 第 2 步：開啟\n\n文字。\n\n### Step 3: Save\n\n文字。\n\n### 第 5 步：完成\n\n文字。\n"
    found = kb.check("numbering-gap", body, "zh-Hant")
    assert [(c, m) for _, c, m in found] == [(5, "'第 5 步' comes after 第 3 步: 第 4 步 is missing")]


def test_steps_a_code_block_lists_count_as_mentioned(kb):
    """A program's output lists its steps in a code block; the text may name some of them
    after it. A step the text jumps to with no block before it is still a gap."""
    kb.config("source_locale: en\n")
    kb.write("en/sync.md", "# Sync\n\nThe agent works in steps:\n\n```\nStep 1: Read the queue\nStep 2: Lock the store\nStep 3: Write\n```\n\nStep 2 and Step 3 can fail.\n")
    kb.write("en/other.md", "# Other\n\nStep 1: Read.\n\nStep 3: Write.\n")
    assert [(f.path, f.message) for f in kb.lint("numbering-gap")] == [("en/other.md", "'Step 3' comes after Step 1: Step 2 is missing")]


def test_a_page_titled_as_a_step_of_a_series_starts_its_count_there(kb):
    """"# Step 3: …" titles the third page of a guide written over pages: the steps before it
    are other pages'. A step the page names past the next one is still a gap."""
    kb.write("en/guide/build.md", "# Step 3: Build the plugin\n\n## Compile\n\nRun the build.\n\n## Step 4: Package it\n")
    assert kb.lint("numbering-gap") == []
    kb.write("en/guide/build.md", "# Step 3: Build the plugin\n\n## Compile\n\nRun the build.\n\n## Step 5: Package the plugin\n")
    assert [(f.line, f.message) for f in kb.lint("numbering-gap")] == [
        (7, "'Step 5' comes after Step 3: Step 4 is missing")
    ]
    kb.write("en/guide/build.md", "# Build the plugin\n\n## Step 3: compile\n\nRun the build.\n")
    assert [f.line for f in kb.lint("numbering-gap")] == [3]


def test_an_item_of_a_numbered_list_that_names_one_before_it_is_no_gap(kb):
    kb.write("zh-Hans/a.md", "# 回滚\n\n1. 查找日志\n2. 生成语句并执行\n3. 第2步完成后，删除日志\n4. 如果第1步没有找到日志，就插入一条\n")
    assert kb.lint("numbering-gap") == []


def test_headings_numbered_without_the_word_count_as_steps(kb):
    body = "## Set up\n\n### 1. Create the app\n\n### 2. Add the client\n\n### Step 3: Sign in\n\nText.\n"
    assert kb.check("numbering-gap", body) == []
    assert [line for line, _, _ in kb.check("numbering-gap", body.replace("Step 3", "Step 4"))] == [13]


def test_a_note_before_the_procedure_names_its_steps(kb):
    """A note above a numbered list names its steps ahead ("Step 4 is done for you"), or a
    range of them mid-sentence ("Steps 1-3 can be skipped"); a label past every step still
    skips."""
    note = "> - With the installer, Steps 1-3 can be skipped.\n> - Step 4 runs on its own.\n\n"
    steps = "1. Copy the keys.\n2. Set the address.\n3. Make the certificate.\n4. Open the port.\n"
    assert kb.check("numbering-gap", note + steps) == []
    assert kb.check("numbering-gap", "> Step 4 runs on its own.\n\n" + steps) == []
    assert [line for line, _, _ in kb.check("numbering-gap", "> Step 6 runs on its own.\n\n" + steps)] == [7]


def test_steps_numbered_in_chinese_numerals_count(kb):
    """步骤五 is step 5 and 第三步 step 3: a page that writes one step so has no gap there."""
    text = "### 步骤 1: 设置存储\n\n正文。\n\n### 步骤二：部署应用\n\n正文。\n\n### 步骤 3: 访问应用\n\n正文。\n"
    assert kb.check("numbering-gap", text, "zh-Hans") == []
    assert kb.check("numbering-gap", "1. 首先打开设置。\n2. 填写名称。\n3. **第三步是保存**。\n", "zh-Hans") == []  # the item is the step
    found = kb.check("numbering-gap", "第一步，打开设置。\n\n第三步，保存。\n\n步骤十二：完成。\n", "zh-Hans")
    assert [(line, message) for line, _, message in found] == [(9, "'第 3 步' comes after 第 1 步: 第 2 步 is missing"), (11, "'步骤 12' comes after 步骤 3: 步骤 4–11 is missing")], found
