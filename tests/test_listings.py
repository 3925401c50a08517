"""A folder is listed once while the layout is found, and afresh at every other time."""

from kblint.model.listings import entries_of, listings_remembered, names_in


def test_a_folder_is_listed_once_while_listings_are_remembered(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "a.md").write_text("A\n")
    with listings_remembered():
        assert sorted(entries_of(tmp_path)) == [("a.md", False), ("docs", True)]
        (tmp_path / "b.md").write_text("B\n")
        assert names_in(tmp_path) == {"a.md", "docs"}  # as first listed
    assert names_in(tmp_path) == {"a.md", "b.md", "docs"}  # outside: listed afresh
    with listings_remembered():
        assert names_in(tmp_path) == {"a.md", "b.md", "docs"}  # a new run lists anew


def test_a_folder_that_cannot_be_listed_raises_each_time(tmp_path):
    with listings_remembered():
        for _ in range(2):
            try:
                entries_of(tmp_path / "missing")
            except OSError:
                continue
            raise AssertionError("listed a missing folder")
