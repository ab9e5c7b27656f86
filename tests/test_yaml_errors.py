"""YAML mistakes a person makes, in plain words, at the line where the mistake starts.

Each case gives the text, the raw message ruamel reports for it (checked, so a
change in ruamel's wording shows up here), where ruamel points, and what the
creator sees instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from mediakit.errors import KitError
from mediakit.kit.load import load_yaml

FAR_QUOTE = (
    'version: 1\ncreator:\n  name: "Ana Lima\n  niches: [baking]\n'
    + "".join(f"  k{i}: v{i}\n" for i in range(30))
    + 'contact:\n  email: "a@b.co"\n'
)

CASES = [
    # (id, text, raw ruamel problem, ruamel's line, our line:column, words we say)
    (
        "unclosed quote",
        'version: 1\ncreator:\n  name: "Ana Lima\n  niches: [baking]\n',
        "found unexpected end of stream",
        5,
        "3:9",
        'this quote (") is never closed; end the value with " on the same line',
    ),
    (
        "quote closed 33 lines later",
        FAR_QUOTE,
        "expected <block end>, but found '<scalar>'",
        36,
        "3:9",
        'this quote (") is closed only on line 36; end the value with " on this line',
    ),
    (
        "apostrophe inside single quotes",
        "version: 1\ncreator:\n  tagline: 'I'm a baker'\n  niches: [baking]\n",
        "expected <block end>, but found '<scalar>'",
        3,
        "3:12",
        "a ' inside a value quoted with '...' ends it: write it twice ('I''m here')",
    ),
    (
        "text after the closing quote",
        'version: 1\ncreator:\n  name: "Ana" Lima\n',
        "expected <block end>, but found '<scalar>'",
        3,
        "3:9",
        "text follows the closing quote; put the whole value inside the quotes",
    ),
    (
        "tab as indentation",
        "version: 1\ncreator:\n\tname: Ana\n",
        "found character '\\t' that cannot start any token",
        3,
        "3:1",
        "a tab character; YAML indents with spaces only. Replace the tab with spaces",
    ),
    (
        "tab after spaces",
        "version: 1\ncreator:\n  name: Ana\n  \tniches: [baking]\n",
        "found character '\\t' that cannot start any token",
        4,
        "4:3",
        "a tab character; YAML indents with spaces only",
    ),
    (
        "missing colon, next line has one",
        "version: 1\ncreator:\n  name Ana\n  niches: [baking]\n",
        "mapping values are not allowed here",
        4,
        "3:3",
        'this line has no ":" after its key; write "key: value"',
    ),
    (
        "missing colon before a less indented line",
        "version: 1\ncreator:\n  name: Ana\n  niches [baking]\ncontact: {}\n",
        "could not find expected ':'",
        5,
        "4:3",
        'this line has no ":" after its key; write "key: value"',
    ),
    (
        "colon inside a value",
        "version: 1\ncreator:\n  name: Ana\n  tagline: Recipes: quick and easy\n",
        "mapping values are not allowed here",
        4,
        "4:12",
        'this value holds ": ", which YAML reads as a new key; put the whole value in quotes',
    ),
    (
        "key indented too far",
        "version: 1\ncreator:\n  name: Ana\n   niches: [baking]\n",
        "mapping values are not allowed here",
        4,
        "4:4",
        "this line is indented more than line 3 above it; the keys of one mapping start in the same column",
    ),
    (
        "key indented between two levels",
        "version: 1\ncreator:\n  name: Ana\n niches: [baking]\ncontact: {}\n",
        "expected <block end>, but found '<block mapping start>'",
        4,
        "4:2",
        "this line is indented 1 space, which lines it up with no key above it; indent it 2 spaces like line 3",
    ),
    (
        "list item under a mapping",
        "version: 1\ncreator:\n  name: Ana\n  - baking\n",
        "expected <block end>, but found '-'",
        4,
        "4:3",
        'a list item ("- ...") among the keys of a mapping; put its key on the line above',
    ),
    (
        "key at the level of the list's dashes",
        "version: 1\nplatforms:\n  - platform: x\n    followers: 1\n  as_of: 2026-11-01\n",
        "expected <block end>, but found '?'",
        5,
        "5:3",
        'this key stands at the level of the list\'s "-"; indent it',
    ),
    (
        "unclosed list",
        "version: 1\ncreator:\n  name: Ana\n  niches: [baking\ncontact:\n  email: a@b.co\n",
        "expected ',' or ']', but got ':'",
        5,
        "4:11",
        'this "[" opens a list that is not closed; end it with "]" on the same line',
    ),
    (
        "unclosed mapping",
        "version: 1\ncreator: {name: Ana\ncontact:\n  email: a@b.co\n",
        "expected ',' or '}', but got ':'",
        3,
        "2:10",
        'this "{" opens a mapping that is not closed; end it with "}"',
    ),
    (
        "value starting with @",
        "version: 1\ncreator:\n  name: @ana\n",
        "found character '@' that cannot start any token",
        3,
        "3:9",
        'a value cannot start with @ in YAML; put the value in quotes ("@...")',
    ),
    (
        "value starting with *",
        "version: 1\ncreator:\n  name: *ana\n",
        "found undefined alias 'ana'",
        3,
        "3:9",
        "a value that starts with * refers to an anchor (&name) that is not defined",
    ),
]


def raw_ruamel_error(text: str) -> MarkedYAMLError:
    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    with pytest.raises(MarkedYAMLError) as caught:
        yaml.load(text)
    return caught.value


@pytest.mark.parametrize(
    ("text", "raw", "raw_line", "where", "words"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_yaml_mistakes_are_explained_where_they_start(
    tmp_path: Path, text: str, raw: str, raw_line: int, where: str, words: str
) -> None:
    error = raw_ruamel_error(text)
    assert error.problem == raw  # the jargon this entry of the table replaces
    assert error.problem_mark is not None and error.problem_mark.line + 1 == raw_line
    path = tmp_path / "mediakit.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KitError) as caught:
        load_yaml(path)
    [problem] = caught.value.problems
    formatted = problem.format()
    assert formatted.startswith(f"{path}:{where}  "), formatted
    assert words in formatted
    assert "<block" not in formatted and "expected" not in formatted.split(words)[0]
