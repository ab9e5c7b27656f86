"""Small edits to a kit loaded with ruamel's round trip, keeping comments and layout.

ruamel keeps comments and blank lines, but attaches the lines that follow a
collection's last item to that item: appending after it would put the new
item below a comment meant for the next section. The helpers here move those
trailing lines to the new last item.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

# Indentations kits are written with: `platforms:` then `  - platform:` (the
# starter's), or the list flush with its key. The one that gives the file back
# unchanged is used to write it.
_LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0))


def round_trip(text: str) -> tuple[YAML, Any, bool]:
    """A YAML writer matching `text`'s indentation, the parsed data, and whether the
    writer gives `text` back byte for byte (False: a rewrite would re-indent it)."""
    fallback: tuple[YAML, Any] | None = None
    for mapping, sequence, offset in _LAYOUTS:
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 4096  # never re-wrap a creator's long lines
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        data = yaml.load(text)
        if dump(yaml, data) == text:
            return yaml, data, True
        fallback = fallback or (yaml, data)
    assert fallback is not None
    return fallback[0], fallback[1], False


def dump(yaml: YAML, data: Any) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def flow_map(items: dict[str, Any]) -> CommentedMap:
    """`{date: 2026-11-20, followers: 25456}` on one line, as kits write posts and history."""
    node = CommentedMap(items)
    node.fa.set_flow_style()
    return node


def append(sequence: CommentedSeq, item: Any) -> None:
    _at_end(sequence, lambda: sequence.append(item))


def insert_after(mapping: CommentedMap, after: tuple[str, ...], key: str, value: Any) -> None:
    """Set `key` just after the first key of `after` the mapping has (else at its end)."""
    keys = list(mapping)
    anchor = next((name for name in after if name in keys), None)
    position = keys.index(anchor) + 1 if anchor else len(keys)
    if position < len(keys):
        mapping.insert(position, key, value)
    else:
        _at_end(mapping, lambda: mapping.insert(position, key, value))


def _at_end(node: Any, add: Callable[[], None]) -> None:
    found = _trailing(node)
    moved = None
    if found is not None:
        holder, slot = found
        token = holder[slot]
        head, newline, rest = token.value.partition("\n")
        if rest:
            token.value = head + newline  # an end-of-line comment stays on its line
            moved = copy.copy(token)
            moved.value = "\n" + rest
    add()
    if moved is not None:
        _attach(node, moved)


def _is_block(node: Any) -> bool:
    return (
        isinstance(node, (CommentedMap, CommentedSeq)) and bool(node) and not node.fa.flow_style()
    )


def _trailing(node: Any) -> tuple[list[Any], int] | None:
    """Where the comment after a collection's last item is kept: (its list, its slot)."""
    if isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        entry = node.ca.items.get(key)
        if entry and len(entry) > 2 and entry[2] is not None:
            return entry, 2
        return _trailing(node[key]) if _is_block(node[key]) else None
    if isinstance(node, CommentedSeq) and node:
        entry = node.ca.items.get(len(node) - 1)
        if entry and entry[0] is not None:
            return entry, 0
        return _trailing(node[-1]) if _is_block(node[-1]) else None
    return None


def _attach(node: Any, token: Any) -> None:
    if isinstance(node, CommentedMap):
        key = list(node)[-1]
        if _is_block(node[key]):
            _attach(node[key], token)
        else:
            node.ca.items[key] = [None, None, token, None]
    elif isinstance(node, CommentedSeq):
        if _is_block(node[-1]):
            _attach(node[-1], token)
        else:
            node.ca.items[len(node) - 1] = [token, None, None, None]
