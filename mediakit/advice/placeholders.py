"""The starter kit's made-up values, found where a creator has not replaced them yet.

`mediakit init` writes a kit full of examples so that it builds at once. The
ones a brand must never take for the creator's own (name, contact, figures,
audience, past brands, quotes, the photo) end with the comment `# EXAMPLE` in
the starter file itself, so marking another one is a matter of one comment.
While a kit still holds one of them, `validate` and `build` warn (and refuse
with --strict) and `audit` lists it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from mediakit.errors import KeyPath, Problem
from mediakit.kit.load import LoadedYaml, load_yaml
from mediakit.kit.starter import STARTER_DIR, STARTER_KIT

MARKER = "EXAMPLE"
# `init` moves the starter's dates to the day it runs: any date matches any date.
_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")


@dataclass(frozen=True)
class Placeholder:
    loc: KeyPath
    value: Any  # plain Python: dicts, lists, strings, numbers


@cache  # package data: read once per process
def starter_placeholders() -> tuple[Placeholder, ...]:
    """Every value of the starter kit whose line ends with `# EXAMPLE`."""
    found: list[Placeholder] = []

    def walk(node: Any, loc: KeyPath) -> None:
        if isinstance(node, CommentedMap):
            for key, value in node.items():
                if _is_marked(node, key):
                    found.append(Placeholder((*loc, key), _plain(value)))
                walk(value, (*loc, key))
        elif isinstance(node, CommentedSeq):
            for index, item in enumerate(node):
                walk(item, (*loc, index))

    walk(load_yaml(STARTER_KIT).data, ())
    return tuple(found)


@dataclass(frozen=True)
class Leftover:
    """A starter example still in a kit: where, what it is, and what to do."""

    loc: KeyPath
    what: str
    fix: str


def leftover_examples(document: LoadedYaml) -> list[Leftover]:
    """Each starter example the kit in `document` still holds, in the starter's order."""
    found = []
    for placeholder in starter_placeholders():
        value = _lookup(document.data, placeholder.loc)
        if value is _MISSING:
            continue
        if placeholder.loc[-1] == "photo":
            if _same_file(document.path.parent, value, STARTER_DIR / str(placeholder.value)):
                found.append(
                    Leftover(
                        placeholder.loc,
                        "is still the starter's placeholder picture",
                        "save your own photo in its place (or name yours here).",
                    )
                )
        elif _same(_plain(value), placeholder.value):
            found.append(
                Leftover(
                    placeholder.loc,
                    f"still holds the starter's example ({_describe(placeholder.value)})",
                    "replace it with your own, or delete it.",
                )
            )
    return found


def remaining_placeholders(document: LoadedYaml) -> list[Problem]:
    """A warning at each starter example the kit still holds."""
    return [
        document.problem(leftover.loc, f"{leftover.what}; {leftover.fix}", severity="warning")
        for leftover in leftover_examples(document)
    ]


def _is_marked(node: CommentedMap, key: Any) -> bool:
    # ruamel keeps a line's closing comment with the key: a scalar's in slot
    # 2, a block scalar's (`bio: |  # EXAMPLE`) in slot 3.
    comments = node.ca.items.get(key) or []
    texts = []
    for comment in comments:
        if comment is None:
            continue
        for token in comment if isinstance(comment, list) else [comment]:
            texts.append(getattr(token, "value", str(token)))
    return any(text.lstrip().startswith("#") and MARKER in text for text in texts)


_MISSING = object()


def _lookup(data: Any, loc: KeyPath) -> Any:
    node = data
    for part in loc:
        found_in_map = isinstance(node, dict) and part in node
        found_in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (found_in_map or found_in_list):
            return _MISSING
        node = node[part]
    return node


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return str(value).strip()
    return value


def _same(mine: Any, example: Any) -> bool:
    if isinstance(example, dict):
        return (
            isinstance(mine, dict)
            and mine.keys() == example.keys()
            and all(_same(mine[key], example[key]) for key in example)
        )
    if isinstance(example, list):
        return (
            isinstance(mine, list)
            and len(mine) == len(example)
            and all(_same(a, b) for a, b in zip(mine, example, strict=True))
        )
    if isinstance(example, str) and isinstance(mine, str) and _DATE.fullmatch(example):
        return _DATE.fullmatch(mine) is not None
    return bool(mine == example and type(mine) is type(example))


def _same_file(folder: Path, name: Any, example: Path) -> bool:
    try:
        return (folder / str(name)).read_bytes() == example.read_bytes()
    except OSError:
        return False  # a missing photo is validate's to report


def _describe(value: Any) -> str:
    if isinstance(value, list):
        return f"{len(value)} made-up entries"
    if isinstance(value, dict):
        return "made-up figures"
    text = str(value).split("\n", 1)[0]
    return f'"{text[:40]}…"' if len(text) > 40 else f'"{text}"'
