"""numbering-gap: fires on its example, stays silent on the traps."""


def test_numbering_gap_in_steps_and_figures(kb):
    body = "1. a\n2. b\n4. c\n\nThen:\n\n1. x\n2. y\n2. z\n\nFigure 6 shows it; Figure 10 too. 圖1 與 圖3。\n"
    found = kb.check("numbering-gap", body)
    assert [(l, c) for l, c, _ in found] == [(9, 1), (15, 1), (17, 1), (17, 20), (17, 40)]
    assert "expected 3 after 2" in found[0][2] and "repeats" in found[1][2]


def test_numbering_that_is_fine(kb):
    body = "1. a\n1. b\n1. c\n\nThen:\n\n3. start at three\n4. next\n\nFigure 1, then Figure 2, then Figure 1 again.\n"
    assert kb.check("numbering-gap", body) == []
