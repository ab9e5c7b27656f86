"""Stage 1: read a YAML 1.2 file and keep where every value stands.

ruamel.yaml's round-trip loader gives YAML 1.2 semantics (`NO` is a string,
`010` is ten) and records each key's and value's line and column, which later
stages use to point a creator at the exact spot of a problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarbool import ScalarBoolean

from mediakit.errors import KeyPath, KitError, Problem, escape_controls, quoted
from mediakit.kit.yaml_errors import LINE_BREAK
from mediakit.kit.yaml_errors import explain as explain_syntax_error

# Large enough for any real kit (thousands of posts), small enough that a
# hostile file cannot exhaust memory before we look at it.
MAX_FILE_BYTES = 20 * 1024 * 1024
# YAML aliases can make a small file expand into an enormous tree ("billion
# laughs"); counting values with aliases expanded stops that before validation.
MAX_VALUES = 500_000


class _KitConstructor(RoundTripConstructor):
    """Round-trip constructor that leaves dates as text.

    ruamel turns `2026-11-01` into a date itself and fails with a bare
    ValueError, and no position, on `2026-13-01`; as text it reaches the date
    validator, which reports it at its line and column like any other value.
    """


_KitConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str
)


@dataclass(frozen=True)
class LoadedYaml:
    """A parsed YAML document and the file it came from."""

    path: Path
    data: Any

    def position(self, loc: KeyPath, *, at_key: bool = False) -> tuple[int, int] | None:
        """1-based (line, column) of the value at `loc`, or of its closest parent.

        With `at_key`, point at the key itself rather than at its value (used
        for unknown keys).  Parts of `loc` that are not in the document (a key
        that is missing, a pydantic union tag) are skipped by stopping there.
        """
        node = self.data
        # A root without recorded positions (an `!!omap` document) starts the file.
        found: tuple[int, int] | None = _node_start(node) or (0, 0)
        for index, part in enumerate(loc):
            last = index == len(loc) - 1
            if isinstance(node, CommentedMap) and part in node:
                try:
                    key_pos = node.lc.key(part)
                    value_pos = node.lc.value(part)
                except KeyError:  # a key merged in with `<<:` has no position of its own
                    break
                if key_pos is None or value_pos is None:  # nor do the keys of an `!!omap`
                    break
                found = key_pos if (at_key and last) else value_pos
                child = node[part]
                if not (at_key and last) and isinstance(child, (CommentedMap, CommentedSeq)):
                    # Block collections report the value position as the key's
                    # line; their own start is more precise.
                    found = _node_start(child) or found
                node = child
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                found = node.lc.item(part)
                node = node[part]
                if isinstance(node, (CommentedMap, CommentedSeq)):
                    found = _node_start(node) or found
            else:
                break
        if found is None:
            return None
        return found[0] + 1, found[1] + 1

    def problem(
        self, loc: KeyPath, message: str, *, at_key: bool = False, severity: str = "error"
    ) -> Problem:
        pos = self.position(loc, at_key=at_key)
        line, column = pos if pos else (None, None)
        return Problem(
            message=message,
            file=self.path,
            line=line,
            column=column,
            key_path=loc,
            severity="warning" if severity == "warning" else "error",
        )


def _node_start(node: Any) -> tuple[int, int] | None:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return None
    return int(lc.line), int(lc.col)


def load_yaml(path: Path) -> LoadedYaml:
    """Read and parse `path`, or raise a located `KitError`."""
    if not path.exists() and not path.is_symlink():
        raise KitError(
            [
                Problem(
                    f"there is no file here. Create one with `mediakit init {path.parent}`.", path
                )
            ]
        )
    text = read_text(path, "YAML")
    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    yaml.Constructor = _KitConstructor
    try:
        data = yaml.load(text)
    except MarkedYAMLError as error:
        found = explain_syntax_error(error, text)
        raise KitError([Problem(found.message, path, found.line, found.column)]) from None
    except RecursionError:
        raise KitError(
            [Problem("nests lists or mappings too deeply to be a kit file.", path)]
        ) from None
    except Exception as error:
        # The parser's boundary: ruamel raises KeyError, IndexError or
        # AttributeError on some explicit tags (`!!bool`, `!!int ""`, `!!set`).
        # Whatever it raises without a position still deserves words, not a traceback.
        reason = (
            str(error)
            if isinstance(error, (YAMLError, ValueError))
            else "a value does not fit its tag"
        )
        raise KitError([Problem(f"is not valid YAML ({reason}).", path)]) from None
    if data is None:
        raise KitError(
            [Problem("is empty. Start from `mediakit init` or the README's example.", path, 1, 1)]
        )
    if _count_values(data, MAX_VALUES) > MAX_VALUES:
        raise KitError(
            [
                Problem(
                    f"holds more than {MAX_VALUES:,} values once its aliases (&, *) are expanded.",
                    path,
                )
            ]
        )
    document = LoadedYaml(path=path, data=data)
    problems = _values_read_as_comments(document, text) + _normalize_scalars(document)
    if problems:
        raise KitError(problems)
    return document


# `accent: #1F7A8C` or `- #baking`: the creator wrote a value, YAML read a
# comment (a # after a space starts one) and the key silently became empty.
# A comment written as a note has a space after its # ("# optional").
_COMMENT_LIKE_A_VALUE = re.compile(r"#[^\s#]")


def _values_read_as_comments(document: LoadedYaml, text: str) -> list[Problem]:
    """Empty values whose comment, on the same line, looks like the value the creator meant."""
    lines = LINE_BREAK.split(text)
    problems: list[Problem] = []
    stack: list[tuple[Any, KeyPath]] = [(document.data, ())]
    seen: set[int] = set()
    while stack:
        node, loc = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CommentedMap):
            entries = [(key, node[key], _position(node.lc.key, key)) for key in node]
            prefix = ":"
        elif isinstance(node, CommentedSeq):
            entries = [(i, item, _position(node.lc.item, i)) for i, item in enumerate(node)]
            prefix = "-"
        else:
            continue
        for key, value, where in entries:
            if isinstance(value, (dict, list)):
                stack.append((value, (*loc, key)))
            if value is not None or where is None or where[0] >= len(lines):
                continue
            line, column = where
            rest = lines[line][column:]
            # A key's position is the key's own; an item's may be its "-" or just after it.
            after = rest[rest.find(prefix) + 1 :] if prefix in rest else rest
            comment = after.strip()
            if _COMMENT_LIKE_A_VALUE.match(comment):
                written = comment.rstrip()
                shown = f'{key}: "{written}"' if prefix == ":" else f'- "{written}"'
                problems.append(
                    Problem(
                        f"found nothing: YAML reads {quoted(written)} as a comment, because # "
                        f"starts one. Put the value in quotes: {escape_controls(shown)}",
                        document.path,
                        line + 1,
                        lines[line].index(comment, column) + 1,
                        (*loc, key),
                    )
                )
    return problems


def _position(lookup: Any, key: Any) -> tuple[int, int] | None:
    try:
        where = lookup(key)
    except (KeyError, IndexError, TypeError):  # merged keys and `!!omap` keys have none
        return None
    return (int(where[0]), int(where[1])) if where else None


def _normalize_scalars(document: LoadedYaml) -> list[Problem]:
    """Give validation plain Python values, in place, keeping every position.

    ruamel keeps an anchored boolean (`&b true`) as ScalarBoolean, an int
    subclass that would pass for the count 1; and YAML's "\\ud83c\\udf5e"
    escapes arrive as two surrogate halves, which cannot be written as UTF-8.
    """
    problems: list[Problem] = []
    seen: set[int] = set()
    stack: list[tuple[Any, KeyPath]] = [(document.data, ())]
    while stack:
        node, loc = stack.pop()
        if id(node) in seen:  # an alias of a node already done
            continue
        seen.add(id(node))
        children: list[tuple[Any, Any]] = []
        if isinstance(node, dict):
            children = list(node.items())
        elif isinstance(node, list):
            children = list(enumerate(node))
        for key, value in children:
            if isinstance(key, str) and _has_surrogates(key):
                repaired_key = _join_surrogates(key)
                if repaired_key is None:
                    message = "this key holds an invalid character escape"
                    problems.append(document.problem((*loc, key), message, at_key=True))
                    continue
                # Put back in the same place; it loses its own position, its parent's remains.
                node.insert(list(node).index(key), repaired_key, node.pop(key))
                key = repaired_key
            child_loc = (*loc, key)
            if isinstance(value, ScalarBoolean):
                node[key] = bool(value)
            elif isinstance(value, str) and _has_surrogates(value):
                repaired = _join_surrogates(value)
                if repaired is None:
                    message = "holds an invalid character escape (a lone surrogate)"
                    problems.append(document.problem(child_loc, message))
                else:
                    node[key] = repaired
            elif isinstance(value, (dict, list)):
                stack.append((value, child_loc))
    return problems


def _join_surrogates(text: str) -> str | None:
    """The two escaped halves of an emoji ("\\ud83c\\udf5e") joined; None when one stands alone."""
    try:
        return text.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        return None


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= character <= "\udfff" for character in text)


def _count_values(data: Any, limit: int) -> int:
    """Count values as validation will see them (aliases expanded), stopping past `limit`."""
    count = 0
    stack = [data]
    while stack and count <= limit:
        node = stack.pop()
        count += 1
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return count


def read_text(path: Path, kind: str) -> str:
    """The text of a creator's `kind` file (YAML, CSV), or a located `KitError`:
    unreadable, a folder, too large, binary or not UTF-8."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise KitError(
            [Problem(f"this is a folder; give the path of the {kind} file.", path)]
        ) from None
    except OSError as error:
        raise KitError([Problem(f"cannot be read: {error.strerror}.", path)]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise KitError(
            [Problem(f"is larger than {MAX_FILE_BYTES // 2**20} MB; is it the right file?", path)]
        )
    return _decode(raw, path, kind)


# How a spreadsheet or Windows Notepad saves "Unicode" text: recognised by its
# byte-order mark, or by the zero byte beside every ASCII letter.
_WIDE_ENCODINGS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


def _wide_encoding(raw: bytes) -> str | None:
    for mark, name in _WIDE_ENCODINGS:
        if raw.startswith(mark):
            return name
    sample = raw[:400]
    halves = (sample[0::2], sample[1::2])
    if len(sample) >= 4 and any(half.count(0) >= 0.9 * len(half) for half in halves):
        return "UTF-16"
    return None


def _decode(raw: bytes, path: Path, kind: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if encoding := _wide_encoding(raw):
        save_as = 'choose "CSV UTF-8" in your spreadsheet\'s Save As, or ' if kind == "CSV" else ""
        raise KitError(
            [
                Problem(
                    f"is {encoding} text, not UTF-8; save it as UTF-8: {save_as}choose the "
                    "UTF-8 encoding when you save it in your editor.",
                    path,
                )
            ]
        )
    if b"\x00" in raw:
        raise KitError([Problem(f"is a binary file, not a {kind} text file.", path)])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise KitError(
            [
                Problem(
                    "is not UTF-8 text (found byte "
                    f"0x{raw[error.start]:02x}); save it as UTF-8 in your editor.",
                    path,
                    line,
                    column,
                )
            ]
        ) from None
