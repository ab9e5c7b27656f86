"""Posts CSV files as spreadsheets and editors save them: huge cells, quotes left
open, UTF-16 exports. Each gets a located message, never a traceback or lost rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mediakit.cli import cli
from mediakit.errors import KitError
from mediakit.kit.load import load_yaml
from mediakit.kit.validate import parse_kit
from tests.conftest import MINIMAL_KIT


def csv_problems(tmp_path: Path, content: bytes) -> list[str]:
    (tmp_path / "posts.csv").write_bytes(content)
    kit = tmp_path / "mediakit.yaml"
    kit.write_text(MINIMAL_KIT + "    posts_csv: posts.csv\n", encoding="utf-8")
    with pytest.raises(KitError) as caught:
        parse_kit(load_yaml(kit))
    return [p.format().replace(str(tmp_path / "posts.csv"), "CSV") for p in caught.value.problems]


def test_a_cell_over_128_kb_is_judged_by_its_column_with_its_line(tmp_path: Path) -> None:
    # Python's csv module stops at 131,072 characters in a field with "_csv.Error".
    title = "x" * 200_000
    content = f"date,likes,title\n2026-10-01,10,ok\n2026-10-02,20,{title}\n".encode()
    assert csv_problems(tmp_path, content) == [
        "CSV:3:3  platforms[0].posts[1].title: holds 200,000 characters; at most 300 are "
        "accepted. Shorten it"
    ]


def test_validate_reports_a_huge_cell_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "posts.csv").write_text(
        "date,likes,title\n2026-10-01,10," + "y" * 150_000 + "\n", encoding="utf-8"
    )
    kit = tmp_path / "mediakit.yaml"
    kit.write_text(MINIMAL_KIT + "    posts_csv: posts.csv\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(kit)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "_csv.Error" not in result.output
    assert (
        f"{tmp_path / 'posts.csv'}:2:3  platforms[0].posts[0].title: holds 150,000" in result.output
    )


def test_a_quote_never_closed_does_not_swallow_the_rows_after_it(tmp_path: Path) -> None:
    content = (
        b'date,likes,title\n2026-10-01,10,"Sourdough, day 1\n'
        b"2026-10-02,20,Day 2\n2026-10-03,30,Day 3\n"
    )
    assert csv_problems(tmp_path, content) == [
        'CSV:2:3  the quote (") that opens this cell is never closed, so every line after '
        "this one was read into this cell; close it at the end of the cell, on this line "
        '(a quote inside a cell is written twice: "")'
    ]


def test_a_quote_closed_lines_later_is_pointed_at_where_it_opens(tmp_path: Path) -> None:
    content = (
        b'date,likes,title\n2026-10-01,10,"Sourdough\n'
        b'2026-10-02,20,Day 2\n2026-10-03,30,Day 3"\n2026-10-04,40,Day 4\n'
    )
    assert csv_problems(tmp_path, content) == [
        'CSV:2:3  the quote (") that opens this cell is closed only on line 4, so the lines '
        "in between were read into this cell; close it at the end of the cell, on this line "
        '(a quote inside a cell is written twice: "")'
    ]


def test_rows_keep_their_own_line_numbers_after_a_quoted_cell(tmp_path: Path) -> None:
    content = b'date,likes,title\n2026-10-01,10,"Flour, water, ""salt"""\n2026-10-02,lots,x\n'
    assert csv_problems(tmp_path, content)[0].startswith(
        'CSV:3:2  platforms[0].posts[1].likes: found "lots"'
    )


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")],
)
def test_a_utf16_export_says_its_encoding_and_how_to_save_utf8(
    tmp_path: Path, encoding: str, name: str
) -> None:
    # Excel's "Unicode Text" and Windows Notepad's "Unicode" are UTF-16, with or
    # without a byte-order mark; they were called "a binary file".
    content = "date,likes\n2026-10-01,10\n".encode(encoding)
    assert csv_problems(tmp_path, content) == [
        f'CSV  is {name} text, not UTF-8; save it as UTF-8: choose "CSV UTF-8" in your '
        "spreadsheet's Save As, or choose the UTF-8 encoding when you save it in your editor."
    ]


def test_a_utf16_kit_file_says_so_too(tmp_path: Path) -> None:
    kit = tmp_path / "mediakit.yaml"
    kit.write_bytes(MINIMAL_KIT.encode("utf-16"))
    with pytest.raises(KitError) as caught:
        load_yaml(kit)
    assert caught.value.problems[0].format() == (
        f"{kit}  is UTF-16 text, not UTF-8; save it as UTF-8: choose the UTF-8 encoding when "
        "you save it in your editor."
    )
