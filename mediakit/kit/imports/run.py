"""The whole import, in order: check the kit, read the sources, recognise the exports,
merge, then write every file at once, or nothing.

Files are first written beside their final names and checked as the kit
will read them; only when all of them pass are they moved into place (the
kit file last), so a failed import leaves every file as it was.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from mediakit.errors import KitError, Problem
from mediakit.kit.imports.detect import read_exports
from mediakit.kit.imports.merge import Plan, merge_exports
from mediakit.kit.imports.result import Export
from mediakit.kit.imports.sources import ExportFile, read_sources
from mediakit.kit.load import load_yaml, read_text
from mediakit.kit.validate import parse_kit, read_posts_csv, validate_document
from mediakit.model.kit import Kit


@dataclass(frozen=True)
class ImportReport:
    exports: list[Export]
    passed_over: list[ExportFile]
    plan: Plan
    written: list[Path]


def import_exports(
    kit_path: Path, sources: list[Path], *, dry_run: bool, today: dt.date
) -> ImportReport:
    parse_kit(load_yaml(kit_path))  # merge into a kit that reads, or say what to fix first
    text = read_text(kit_path, "YAML")
    detected = read_exports(read_sources(sources, today), today)
    plan = merge_exports(kit_path, text, detected.exports)
    written = [] if dry_run else write_plan(kit_path, plan)
    return ImportReport(detected.exports, detected.passed_over, plan, written)


def write_plan(kit_path: Path, plan: Plan) -> list[Path]:
    staged: dict[Path, Path] = {}  # final path -> the temporary file beside it
    created: list[Path] = []
    targets = dict(plan.csv_texts)
    if plan.kit_text is not None:
        targets[kit_path] = plan.kit_text
    try:
        for path, text in targets.items():
            if path in plan.new_files:
                with path.open("x", encoding="utf-8", newline="") as handle:  # never replaces
                    handle.write(text)
                created.append(path)
            else:
                temporary = path.with_name(f".{path.name}.mediakit-import")
                temporary.write_text(text, encoding="utf-8", newline="")
                staged[path] = temporary
        problems = _check(kit_path, plan, staged)
        if problems:
            raise KitError(
                [
                    *problems,
                    Problem("the import would leave the kit unreadable; nothing was written."),
                ]
            )
        # The posts files first, the kit file last: it is what points at them.
        for path in sorted(staged, key=lambda p: p == kit_path):
            os.replace(staged.pop(path), path)
    except OSError as error:
        raise KitError(
            [Problem(f"cannot be written: {error.strerror}.", Path(error.filename or kit_path))]
        ) from None
    finally:
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)
        if staged:  # something failed before the moves: take back the files made here
            for path in created:
                path.unlink(missing_ok=True)
    return sorted(targets)


def _check(kit_path: Path, plan: Plan, staged: dict[Path, Path]) -> list[Problem]:
    """The written files read as the kit reads them: every CSV as posts (in the kit's
    locale), the kit as a kit."""
    problems: list[Problem] = []
    for path in plan.csv_texts:
        _, found = read_posts_csv(staged.get(path, path), (), locale=plan.locale)
        problems.extend(found)
    kit_file = staged.get(kit_path)
    if kit_file is not None:
        try:
            validate_document(load_yaml(kit_file), Kit)
        except KitError as error:
            problems.extend(error.problems)
    return problems
