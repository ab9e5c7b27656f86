"""Stage 2: validate a loaded document into typed models, reporting every problem.

pydantic does the checking; this module only rewrites its findings into plain
words a creator can act on, located at file, line and column (the approach
RenderCV takes), and collects all of them before giving up (as MkDocs does).
"""

from __future__ import annotations

import csv
import difflib
import io
import types
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from mediakit.errors import KeyPath, KitError, Problem
from mediakit.kit.load import MAX_FILE_BYTES, LoadedYaml, read_text
from mediakit.model.kit import Kit
from mediakit.model.platform import MAX_POSTS, Platform, Post
from mediakit.model.types import found

ModelT = TypeVar("ModelT", bound=BaseModel)


def parse_kit(document: LoadedYaml) -> Kit:
    """Validate a kit document, read its posts CSV files, or raise every problem at once."""
    kit = validate_document(document, Kit)
    problems: list[Problem] = []
    platforms: list[Platform] = []
    for index, platform in enumerate(kit.platforms):
        if platform.posts_csv is None:
            platforms.append(platform)
            continue
        loc = ("platforms", index, "posts")
        posts, csv_problems = read_posts_csv(
            platform.posts_csv, loc, document.path.parent, kit.locale
        )
        problems.extend(csv_problems)
        platforms.append(platform.model_copy(update={"posts": sorted(posts, key=lambda p: p.date)}))
    if problems:
        raise KitError(problems)
    return kit.model_copy(update={"platforms": platforms})


def validate_document(document: LoadedYaml, model: type[ModelT]) -> ModelT:
    """Validate `document` as `model`, raising a `KitError` with every located problem."""
    if not isinstance(document.data, dict):
        raise KitError(
            [
                document.problem(
                    (),
                    f"found {found(document.data)} at the top of the file, expected keys and values "
                    "such as `version: 1`",
                )
            ]
        )
    try:
        context = {"kit_dir": document.path.parent, "locale": declared_locale(document.data)}
        return model.model_validate(document.data, context=context)
    except ValidationError as error:
        problems = [_locate(detail, document, model) for detail in error.errors(include_url=False)]
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise KitError(_unique(problems)) from None


def declared_locale(data: dict[Any, Any]) -> str:
    """The locale the document names, which decides how its numbers read ("12,5k" in French);
    English when it names none or one that is not valid (that is reported on its own)."""
    from babel import Locale, UnknownLocaleError

    locale = data.get("locale")
    if isinstance(locale, str):
        try:
            Locale.parse(locale.strip().replace("-", "_"))
            return locale.strip()
        except (UnknownLocaleError, ValueError):
            pass
    return "en"


def _locate(detail: ErrorDetails, document: LoadedYaml, model: type[BaseModel]) -> Problem:
    loc: KeyPath = tuple(detail["loc"])
    message, at_key = describe(detail, model)
    if loc and loc[-1] == "[key]":  # a mapping's key failed, not its value
        loc = loc[:-1]
        at_key = True
    return document.problem(loc, message, at_key=at_key)


def describe(detail: ErrorDetails, model: type[BaseModel]) -> tuple[str, bool]:
    """Plain words for one pydantic error, and whether to point at the key rather than the value."""
    kind = detail["type"]
    loc = tuple(detail["loc"])
    value = detail.get("input")
    ctx = detail.get("ctx", {})
    key = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        allowed = allowed_keys(model, loc[:-1])
        return f'unknown key "{key}"{did_you_mean(key, allowed)}', True
    if kind == "missing":
        return f'is required but missing; add "{key}:" to this part of the file', True
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace("'", "")
        choices = [
            choice.strip() for choice in expected.replace(" or ", ",").split(",") if choice.strip()
        ]
        hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        return f"found {found(value)}, expected one of: {', '.join(choices)}{hint}", False
    if kind in ("string_too_long", "too_long") and isinstance(value, (str, list, dict)):
        unit = "characters" if isinstance(value, str) else "items"
        limit = ctx.get("max_length")
        return f"holds {len(value):,} {unit}; at most {limit:,} are accepted. Shorten it", False
    words = _PLAIN_WORDS.get(kind)
    if words:
        return words.format(found=found(value), **{k: _number(v) for k, v in ctx.items()}), False
    message = detail["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message, False


_PLAIN_WORDS = {
    "int_type": "found {found}, expected a whole number",
    "int_parsing": "found {found}, expected a whole number",
    "int_from_float": "found {found}, expected a whole number",
    "float_type": "found {found}, expected a number",
    "float_parsing": "found {found}, expected a number",
    "bool_type": "found {found}, expected true or false",
    "bool_parsing": "found {found}, expected true or false",
    "string_type": "found {found}, expected text",
    "list_type": 'found {found}, expected a list (one "- item" per line, or [a, b])',
    "dict_type": "found {found}, expected keys and values (key: value)",
    "model_type": "found {found}, expected keys and values (key: value)",
    "model_attributes_type": "found {found}, expected keys and values (key: value)",
    "greater_than_equal": "found {found}, expected {ge} or more",
    "greater_than": "found {found}, expected more than {gt}",
    "less_than_equal": "found {found}, expected {le} or less",
    "less_than": "found {found}, expected less than {lt}",
    "too_short": "expected at least {min_length} item(s), found {actual_length}",
    "string_pattern_mismatch": "found {found}, which is not in the expected form",
    "finite_number": "found {found}, expected a finite number",
}


def _number(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    matches = difflib.get_close_matches(word.lower(), [c.lower() for c in choices], n=1, cutoff=0.6)
    if not matches:
        return ""
    original = next(c for c in choices if c.lower() == matches[0])
    return f'; did you mean "{original}"?'


def allowed_keys(model: type[BaseModel], loc: KeyPath) -> list[str]:
    """The keys the model accepts at `loc`, found by walking the field annotations."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif (
            isinstance(current, type)
            and issubclass(current, BaseModel)
            and part in current.model_fields
        ):
            current = current.model_fields[part].annotation
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/Union-with-None and Annotated wrappers."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = members[0] if len(members) == 1 else annotation
            if len(members) != 1:
                return annotation
        else:
            return annotation


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for problem in problems:
        identity = (problem.line, problem.column, problem.key_path, problem.message)
        if identity not in seen:
            seen.add(identity)
            kept.append(problem)
    return kept


def read_posts_csv(
    path: Path, loc: KeyPath, kit_dir: Path | None = None, locale: str = "en"
) -> tuple[list[Post], list[Problem]]:
    """Read posts from a CSV file; problems point at the CSV's own lines and columns.

    File names in it (a post's `image`) are relative to the kit's folder, `kit_dir`;
    `locale` is the kit's, which decides how numbers such as "12,5k" read."""
    try:
        text = read_text(path, "CSV")
    except KitError as error:
        return [], error.problems
    numbered_rows, unreadable = _csv_rows(text, path)
    if unreadable:
        return [], unreadable
    rows = [cells for _, cells in numbered_rows]
    if not rows:
        return [], [
            Problem(
                "is empty; the first row should name the columns (date, likes, ...).", path, 1, 1
            )
        ]
    header = [name.strip() for name in rows[0]]
    problems: list[Problem] = []
    allowed = list(Post.model_fields)
    for column, name in enumerate(header, start=1):
        if name not in allowed:
            problems.append(
                Problem(
                    f'unknown column "{name}"{did_you_mean(name, allowed)}', path, 1, column, loc
                )
            )
    if problems:
        return [], problems
    body = rows[1:]
    if len(body) > MAX_POSTS:
        return [], [
            Problem(
                f"has {len(body)} posts; at most {MAX_POSTS} are read. Keep the recent ones.", path
            )
        ]
    posts: list[Post] = []
    for (line, _), row in zip(numbered_rows[1:], body, strict=True):
        if not any(cell.strip() for cell in row):
            continue
        record = {
            name: cell.strip()
            for name, cell in zip(header, row, strict=False)
            if cell.strip() != ""
        }
        try:
            context: dict[str, object] = {"locale": locale}
            if kit_dir is not None:
                context["kit_dir"] = kit_dir
            posts.append(Post.model_validate(record, context=context))
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                field = str(detail["loc"][0]) if detail["loc"] else ""
                column = header.index(field) + 1 if field in header else 1
                message, _ = describe(detail, Post)
                problems.append(Problem(message, path, line, column, (*loc, len(posts), field)))
    return posts, problems


def _csv_rows(text: str, path: Path) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """The CSV's rows, each with the line it starts on, or the problems that stop reading it.

    A cell never holds a line break in a posts file, so one that does comes
    from a quote closed lines later, or never: the rows in between were read
    into that cell and would be lost without a word.
    """
    # Python's csv refuses a field over 128 KB with a bare error; a field as
    # large as the file itself is read, then judged by its column's own rules
    # (a title is one line of 300 characters at most), with its line.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        message = f"cannot be read as CSV from here ({error}); check this line"
        return [], [Problem(message, path, start, None)]
    never_closed = _quote_runs_to_the_end(text)
    for index, (line, cells) in enumerate(rows):
        for column, cell in enumerate(cells, start=1):
            if "\n" not in cell and "\r" not in cell:
                continue
            last_line = rows[index + 1][0] - 1 if index + 1 < len(rows) else reader.line_num
            if never_closed and index == len(rows) - 1:
                how = "is never closed, so every line after this one was read into this cell"
            else:
                how = f"is closed only on line {last_line}, so the lines in between were read into this cell"
            return [], [
                Problem(
                    f'the quote (") that opens this cell {how}; close it at the end of the '
                    'cell, on this line (a quote inside a cell is written twice: "")',
                    path,
                    line,
                    column,
                )
            ]
    return rows, []


def _quote_runs_to_the_end(text: str) -> bool:
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), strict=True):
            pass
    except csv.Error:
        return True
    return False
