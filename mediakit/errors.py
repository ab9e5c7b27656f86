"""The one user-facing error type, and how problems are written for a person.

Every problem the tool finds in a creator's files becomes a `Problem` that
names the file, line and column, the key path (`platforms[1].followers`), and
what was found against what was expected.  Problems are collected, never
raised one at a time, so a creator sees all of them in one run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

import click

# What must never reach a terminal from a creator's file: C0 and C1 control
# characters (ESC starts the sequences that move the cursor, recolour or clear
# the screen; BEL rings), and the characters that reorder text (bidi embeddings,
# overrides, isolates and marks, line and paragraph separators), which could
# turn the rest of a message around.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_controls(text: str) -> str:
    """`text` with every control and bidi character written as an escape (\\x1b, \\u202e)."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    character = match[0]
    if character in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[character]
    code = ord(character)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def quoted(text: str, limit: int = 40) -> str:
    """What a creator wrote, quoted for a message: shortened, controls escaped."""
    shown = text if len(text) <= limit else text[: limit - 3] + "..."
    return f'"{escape_controls(shown)}"'


Severity = Literal["error", "warning"]
KeyPath = tuple[str | int, ...]


def format_key_path(loc: Sequence[str | int]) -> str:
    """`("platforms", 1, "followers")` -> `platforms[1].followers`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in a creator's files."""

    message: str
    file: Path | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    key_path: KeyPath = ()
    severity: Severity = "error"

    def format(self) -> str:
        """`FILE:LINE:COL  key.path: message`, safe to print: the file name, keys and
        values a creator wrote may hold control characters, shown escaped."""
        where = str(self.file) if self.file else "mediakit"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        label = "warning: " if self.severity == "warning" else ""
        key = format_key_path(self.key_path)
        subject = f"{key}: " if key else ""
        return escape_controls(f"{where}  {subject}{label}{self.message}")


class KitError(click.ClickException):
    """A problem in the user's input: exits with status 1 and no traceback."""

    exit_code = 1

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        self.problems = list(problems)
        super().__init__(self._summary())

    def _summary(self) -> str:
        errors = sum(1 for p in self.problems if p.severity == "error")
        lines = [p.format() for p in self.problems]
        if errors > 1:
            lines.append(f"{errors} errors; nothing was written.")
        return "\n".join(lines)

    def show(self, file: IO[Any] | None = None) -> None:
        # Our messages already say where and what; Click's "Error: " prefix
        # would only push the file name away from the start of the line.
        click.echo(self.format_message(), err=True, file=file)


def echo_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        click.echo(problem.format(), err=True)
