"""Plain words for YAML syntax errors, pointing at the line where the mistake starts.

ruamel reports what its parser expected ("expected <block end>, but found
'<block mapping start>'") at the place it gave up, which can be many lines
after the mistake: an unclosed quote is reported where the next quote closes
it. The table below turns the common cases into what a creator should change
and moves the position back to where the mistake is. Each entry names the raw
message it replaces; `tests/test_yaml_errors.py` feeds ruamel each mistake and
checks both, so a change in ruamel's wording shows up there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.tokens import ScalarToken

# Where ruamel counts a new line: its marks and our line numbers must agree.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True)
class SyntaxProblem:
    message: str
    line: int | None  # 1-based
    column: int | None  # 1-based


def explain(error: MarkedYAMLError, text: str) -> SyntaxProblem:
    """What went wrong in `text`, in plain words, and where the mistake starts."""
    # Split where ruamel counts a new line, so line numbers agree with its marks;
    # one empty line more for a mark at the end of the text.
    lines = [*LINE_BREAK.split(text), ""]
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    start = (
        (error.context_mark.line + 1, error.context_mark.column + 1) if error.context_mark else None
    )

    def at(where: tuple[int, int] | None, message: str) -> SyntaxProblem:
        return SyntaxProblem(message, *(where or (line, column)))

    # 1. A tab, wherever it stands: YAML indents with spaces only.
    #    raw: "found character '\t' that cannot start any token"
    if "'\\t'" in problem or (line is not None and _tab_in_indent(lines, line)):
        tab_line = line or 1
        tab_column = _tab_column(lines, tab_line) or column
        return SyntaxProblem(
            "a tab character; YAML indents with spaces only. Replace the tab with spaces",
            tab_line,
            tab_column,
        )
    # 2. A quote that is never closed.
    #    raw: "while scanning a quoted scalar ... found unexpected end of stream"
    if context == "while scanning a quoted scalar" and start:
        quote = _char_at(lines, start) or '"'
        return at(
            start,
            f"this quote ({quote}) is never closed; end the value with {quote} on the same line",
        )
    # 3. A quote closed lines later, by the next value's quote: the parser then
    #    trips where that value was meant to start.
    #    raw: "expected <block end>, but found '<scalar>'" (and others), lines below
    quoted = _last_quoted_scalar_before(text, line)
    if quoted is not None and error.__class__.__name__ == "ParserError":
        (open_line, open_column), close_line, quote, same_line_as_problem = quoted
        if close_line > open_line and same_line_as_problem:
            return SyntaxProblem(
                f"this quote ({quote}) is closed only on line {close_line}; "
                f"end the value with {quote} on this line",
                open_line,
                open_column,
            )
        # 4. Text after a closing quote: `"Ana" Lima`, or `'I'm a baker'`.
        #    raw: "expected <block end>, but found '<scalar>'"
        if same_line_as_problem and "found '<scalar>'" in problem:
            if quote == "'":
                advice = (
                    "a ' inside a value quoted with '...' ends it: write it twice "
                    "('I''m here') or quote the value with \"...\" instead"
                )
            else:
                advice = 'text follows the closing quote; put the whole value inside the quotes, and write a " inside it as \\"'
            return SyntaxProblem(advice, open_line, open_column)
    # 5. A key with no colon, found at the end of its line.
    #    raw: "while scanning a simple key ... could not find expected ':'"
    if "could not find expected ':'" in problem and start:
        return at(start, 'this line has no ":" after its key; write "key: value"')
    # 6. A colon where none may stand: inside a value, under a value that is
    #    indented too far, or after a line whose own key lost its colon.
    #    raw: "mapping values are not allowed here"
    if "mapping values are not allowed here" in problem and line is not None:
        return _misplaced_colon(lines, line, column or 1)
    # 7. A line indented to no level of the lines above it.
    #    raw: "expected <block end>, but found '<block mapping start>'"
    if "found '<block mapping start>'" in problem and line is not None:
        previous = _previous_content_line(lines, line)
        indent = _indent(lines[line - 1])
        if previous is not None:
            above = _indent(lines[previous - 1])
            return SyntaxProblem(
                f"this line is indented {indent} space{'s' if indent != 1 else ''}, which lines it up "
                f"with no key above it; indent it {above} spaces like line {previous}, or as far as "
                "the key it belongs to",
                line,
                indent + 1,
            )
    # 8. A list item among the keys of a mapping.
    #    raw: "while parsing a block mapping ... expected <block end>, but found '-'"
    if context == "while parsing a block mapping" and "found '-'" in problem:
        return at(
            None,
            'a list item ("- ...") among the keys of a mapping; put its key on the line above '
            '(such as "niches:") and indent the items under it, or remove the "-"',
        )
    # 9. A key at the level of a list's dashes.
    #    raw: "while parsing a block collection ... expected <block end>, but found '?'"
    if context == "while parsing a block collection" and "found '?'" in problem:
        return at(
            None,
            'this key stands at the level of the list\'s "-"; indent it to line up with the keys '
            "of the item above",
        )
    # 10. A list or mapping in brackets that is never closed.
    #     raw: "while parsing a flow sequence ... expected ',' or ']', but got ':'"
    for opener, closer, kind in (("[", "]", "list"), ("{", "}", "mapping")):
        if (
            context == f"while parsing a flow {'sequence' if kind == 'list' else 'mapping'}"
            and start
        ):
            hint = (
                '; a # after a space starts a comment, so quote a value that holds one ("#tag")'
                if "#" in lines[start[0] - 1]
                else ""
            )
            return at(
                start,
                f'this "{opener}" opens a {kind} that is not closed; end it with "{closer}" '
                f"on the same line{hint}",
            )
    # 11. A value that starts with a character YAML keeps for itself.
    #     raw: "found character '@' that cannot start any token"
    if match := re.search(r"found character '(.)' that cannot start any token", problem):
        character = match[1]
        return at(
            None,
            f"a value cannot start with {character} in YAML; put the value in quotes "
            f'("{character}...")',
        )
    # 12. A value that starts with *, read as a reference to an anchor.
    #     raw: "found undefined alias 'ana'"
    if problem.startswith("found undefined alias"):
        return at(
            None,
            "a value that starts with * refers to an anchor (&name) that is not defined; "
            "to write text that starts with *, put it in quotes",
        )
    # 13. The same key twice.
    #     raw: 'while constructing a mapping ... found duplicate key "brand"'
    if "duplicate key" in problem:
        return at(None, f"{problem}: each key may appear only once in a mapping.")
    detail = f" ({context})" if context else ""
    return at(None, f"this is not valid YAML: {problem}{detail}.")


def _misplaced_colon(lines: list[str], line: int, column: int) -> SyntaxProblem:
    text = lines[line - 1]
    indent = _indent(text)
    body = text[indent:]
    offset = 2 if body.startswith("- ") else 0  # a key inside a list item: "- name: ..."
    first_colon = _key_colon(body[offset:])
    if first_colon is not None and indent + offset + first_colon + 1 < column:
        value_start = indent + offset + first_colon + 1
        while value_start < len(text) and text[value_start] == " ":
            value_start += 1
        return SyntaxProblem(
            'this value holds ": ", which YAML reads as a new key; put the whole value in quotes '
            '("...")',
            line,
            value_start + 1,
        )
    previous = _previous_content_line(lines, line)
    if previous is not None:
        above = lines[previous - 1]
        above_body = above.strip()
        if _key_colon(above_body.removeprefix("- ")) is None and not above_body.startswith("-"):
            return SyntaxProblem(
                'this line has no ":" after its key; write "key: value"',
                previous,
                _indent(above) + 1,
            )
        return SyntaxProblem(
            f"this line is indented more than line {previous} above it; the keys of one mapping "
            "start in the same column",
            line,
            indent + 1,
        )
    return SyntaxProblem('a ":" that YAML cannot place; put the value in quotes', line, column)


def _key_colon(body: str) -> int | None:
    """Where the colon that ends a key stands in `body` (a line without its indent)."""
    if body[:1] in ("'", '"'):
        end = body.find(body[0], 1)
        if end < 0:
            return None
        rest = body[end + 1 :]
        return end + 1 if rest.startswith(":") else None
    match = re.search(r":(\s|$)", body)
    if match is None or "#" in body[: match.start()]:
        return None
    return match.start()


def _last_quoted_scalar_before(
    text: str, line: int | None
) -> tuple[tuple[int, int], int, str, bool] | None:
    """The last quoted value the scanner read before `line`: its start, last line, quote,
    and whether it ends on `line` itself."""
    if line is None:
        return None
    last: ScalarToken | None = None
    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    try:
        for token in yaml.scan(text):
            if token.start_mark.line + 1 > line:
                break
            if isinstance(token, ScalarToken) and token.style in ("'", '"'):
                last = token
    except (YAMLError, RecursionError):
        pass
    if last is None:
        return None
    start = (last.start_mark.line + 1, last.start_mark.column + 1)
    return start, last.end_mark.line + 1, str(last.style), last.end_mark.line + 1 == line


def _previous_content_line(lines: list[str], line: int) -> int | None:
    """The nearest line above `line` that holds more than spaces or a comment."""
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _tab_in_indent(lines: list[str], line: int) -> bool:
    if not 1 <= line <= len(lines):
        return False
    text = lines[line - 1]
    return "\t" in text[: len(text) - len(text.lstrip(" \t"))]


def _tab_column(lines: list[str], line: int) -> int | None:
    if 1 <= line <= len(lines) and "\t" in lines[line - 1]:
        return lines[line - 1].index("\t") + 1
    return None


def _char_at(lines: list[str], where: tuple[int, int]) -> str | None:
    line, column = where
    if 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return None
