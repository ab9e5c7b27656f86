"""Control characters: refused in text with a located error, and never printed raw.

NUL, ESC and BEL come in through YAML escapes ("\\0", "\\e", "\\a"); a line break in
a one-line field would add header lines to email.txt ("Bcc: ..."). Fields of
several paragraphs (bio, summaries, terms, quotes, descriptions) keep their line
breaks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mediakit.cli import cli
from mediakit.errors import KitError
from mediakit.kit.load import load_yaml
from mediakit.kit.validate import parse_kit, validate_document
from mediakit.model.brief import Brief


def base_kit() -> dict[str, Any]:
    return {
        "version": 1,
        "creator": {"name": "Ana Lima", "niches": ["baking"]},
        "contact": {"email": "ana@example.com"},
        "platforms": [{"platform": "instagram", "followers": 1000, "as_of": "2026-11-01"}],
    }


def set_at(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    node = data
    for part in path[:-1]:
        if isinstance(part, str) and part not in node:
            node[part] = {}
        node = node[part]
    node[path[-1]] = value


def kit_problems(tmp_path: Path, data: dict[str, Any]) -> list[str]:
    path = tmp_path / "mediakit.yaml"
    path.write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML 1.2: "\u001b" is ESC
    with pytest.raises(KitError) as caught:
        parse_kit(load_yaml(path))
    return [problem.format().replace(str(path), "KIT") for problem in caught.value.problems]


ONE_LINE_FIELDS = [
    ("creator", "name"),
    ("creator", "tagline"),
    ("creator", "location"),
    ("contact", "note"),
    ("audience", "source"),
]


@pytest.mark.parametrize("field", ONE_LINE_FIELDS, ids=".".join)
@pytest.mark.parametrize(
    ("character", "shown"),
    [("\u001b", "\\x1b"), ("\u0000", "\\x00"), ("\u0007", "\\x07"), ("\u0085", "\\x85")],
    ids=["ESC", "NUL", "BEL", "NEL"],
)
def test_control_characters_in_text_are_refused_and_located(
    tmp_path: Path, field: tuple[str, str], character: str, shown: str
) -> None:
    data = base_kit()
    set_at(data, field, f"Ana{character}[31m")
    [message] = kit_problems(tmp_path, data)
    assert message.startswith("KIT:1:")  # JSON on one line: the column is the value's
    assert f"{'.'.join(field)}: " in message
    if character == "\u0085":  # NEL is a line break too
        assert 'found a line break after "Ana"; this field is one line' in message
    else:
        assert (
            f'found the control character {shown} after "Ana", which cannot be printed' in message
        )
    assert character not in message


@pytest.mark.parametrize("field", ONE_LINE_FIELDS, ids=".".join)
@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\u2028"], ids=["LF", "CRLF", "LS"])
def test_one_line_fields_take_no_line_break(
    tmp_path: Path, field: tuple[str, str], line_break: str
) -> None:
    data = base_kit()
    set_at(data, field, f"Ana{line_break}Bcc: evil@example.com")
    [message] = kit_problems(tmp_path, data)
    assert f'{".".join(field)}: found a line break after "Ana"; this field is one line' in message


def test_the_line_of_a_block_value_is_given(tmp_path: Path) -> None:
    path = tmp_path / "mediakit.yaml"
    path.write_text(
        'version: 1\ncreator:\n  name: Ana\n  tagline: "Bread\\e[2J every day"\n  niches: [baking]\n'
        "contact: {email: a@example.com}\n"
        "platforms: [{platform: x, followers: 1, as_of: 2026-11-01}]\n",
        encoding="utf-8",
    )
    with pytest.raises(KitError) as caught:
        parse_kit(load_yaml(path))
    assert caught.value.problems[0].format() == (
        f"{path}:4:12  creator.tagline: found the control character \\x1b after "
        '"Bread", which cannot be printed; remove it'
    )


@pytest.mark.parametrize(
    "path",
    [
        ("creator", "bio"),
        ("testimonials", 0, "quote"),
        ("collaborations", 0, "summary"),
        ("rates", "packages", 0, "description"),
        ("rates", "terms"),
    ],
    ids=lambda path: ".".join(map(str, path)),
)
def test_paragraph_fields_keep_line_breaks_but_refuse_controls(
    tmp_path: Path, path: tuple[Any, ...]
) -> None:
    data = base_kit()
    data["testimonials"] = [{"quote": "Great.", "author": "Jo"}]
    data["collaborations"] = [{"brand": "Acme", "date": "2026-10"}]
    data["rates"] = {"currency": "USD", "packages": [{"name": "Reel", "price": 100}]}
    set_at(data, path, "First paragraph.\n\n\tSecond paragraph.\r\n")
    kit_path = tmp_path / "mediakit.yaml"
    kit_path.write_text(json.dumps(data), encoding="utf-8")
    parse_kit(load_yaml(kit_path))  # accepted
    set_at(data, path, "First paragraph.\n\u001b]0;owned\u0007")
    [message] = kit_problems(tmp_path, data)
    key = ".".join(str(p) for p in path).replace(".0.", "[0].")
    assert f"{key}: found the control character \\x1b after " in message


def test_a_result_name_and_text_are_one_line(tmp_path: Path) -> None:
    data = base_kit()
    data["collaborations"] = [
        {"brand": "Acme", "date": "2026-10", "results": {"sold\nout": "yes", "mood": "great\u001b"}}
    ]
    messages = kit_problems(tmp_path, data)
    assert any('found a line break after "sold"' in m for m in messages), messages


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("brand", "Acme\nBcc: attacker@example.com"),
        ("contact_name", "Jane\r\nBcc: attacker@example.com"),
        ("campaign", "Spring\rX-Priority: 1"),
        ("brand", "Acme\u001b[8m"),
    ],
)
def test_brief_fields_cannot_add_header_lines_to_the_email(
    tmp_path: Path, field: str, value: str
) -> None:
    brief = {"brand": "Acme"} | {field: value}
    path = tmp_path / "brief.yaml"
    path.write_text(json.dumps(brief), encoding="utf-8")
    with pytest.raises(KitError) as caught:
        validate_document(load_yaml(path), Brief)
    [problem] = caught.value.problems
    assert problem.key_path == (field,) and problem.line == 1
    assert "found a line break" in problem.message or "control character" in problem.message


def test_pitch_writes_no_email_for_a_brief_with_a_line_break(tmp_path: Path) -> None:
    kit = tmp_path / "mediakit.yaml"
    kit.write_text(json.dumps(base_kit()), encoding="utf-8")
    brief = tmp_path / "acme.yaml"
    brief.write_text('brand: "Acme\\nBcc: attacker@example.com"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["pitch", str(brief), "--kit", str(kit)])
    assert result.exit_code == 1
    assert f'{brief}:1:8  brand: found a line break after "Acme"' in result.output
    assert not list(tmp_path.rglob("email.txt"))


def test_messages_print_what_the_creator_wrote_with_controls_escaped(tmp_path: Path) -> None:
    # An unknown key and a bad count, both holding terminal escape sequences: clear
    # the screen, set the window title, ring the bell, reverse the text that follows.
    data = base_kit()
    data["creator"]["\u001b[2Jnmae"] = "x"
    data["platforms"][0]["followers"] = "\u001b]0;owned\u0007lots"
    data["creator"]["handle"] = "ana\u202e"
    path = tmp_path / "mediakit.yaml"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    for raw in ("\u001b", "\u0007", "\u202e"):
        assert raw not in result.output
    assert '\\x1b[2Jnmae: unknown key "\\x1b[2Jnmae"' in result.output
    assert 'found "\\x1b]0;owned\\x07lots"' in result.output
    assert 'found "ana\\u202e"' in result.output
