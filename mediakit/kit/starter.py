"""`mediakit init`: a starter kit a creator can edit straight away."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from mediakit import DISTRIBUTION, __version__
from mediakit.errors import KitError, Problem
from mediakit.kit.schema import kit_schema_text

STARTER_DIR = Path(__file__).resolve().parent / "starter"
STARTER_KIT = STARTER_DIR / "mediakit.yaml"
KIT_NAME = "mediakit.yaml"


def create_starter_kit(folder: Path, today: dt.date | None = None) -> tuple[list[str], list[str]]:
    """Write the starter files into `folder`; returns (created, kept) names.

    An existing kit is never overwritten; other existing files are kept as they are.
    The example's dates are moved to `today`, so a new kit starts with fresh figures.
    """
    if (folder / KIT_NAME).exists():
        raise KitError(
            [
                Problem(
                    "already exists; mediakit init never overwrites a kit. Edit it, or init another folder.",
                    folder / KIT_NAME,
                )
            ]
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise KitError([Problem(f"cannot be created: {error.strerror}.", folder)]) from None
    files = {
        KIT_NAME: STARTER_DIR / "mediakit.yaml",
        "photo.jpg": STARTER_DIR / "photo.jpg",
        ".gitignore": STARTER_DIR / "gitignore",
        ".github/workflows/pages.yml": STARTER_DIR / "pages.yml",
    }
    created, kept = [], []
    for name, source in files.items():
        target = folder / name
        if target.exists():
            kept.append(name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if name == KIT_NAME:
            text = source.read_text(encoding="utf-8")
            target.write_text(dated_from(text, today or dt.date.today()), encoding="utf-8")
        elif name.endswith("pages.yml"):
            text = source.read_text(encoding="utf-8")
            # The release that wrote the workflow builds the kit, until the creator upgrades.
            text = text.replace("MEDIAKIT_DISTRIBUTION", DISTRIBUTION)
            target.write_text(text.replace("MEDIAKIT_VERSION", __version__), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        created.append(name)
    schema = folder / "mediakit.schema.json"
    if schema.exists():
        kept.append(schema.name)
    else:
        schema.write_text(kit_schema_text(), encoding="utf-8")
        created.append(schema.name)
    return created, kept


_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def dated_from(text: str, today: dt.date) -> str:
    """The starter's text with every date moved by the same number of days, so
    that its newest `as_of` is `today`: the example's posts, history and
    collaborations keep their spacing, and `validate` finds nothing stale."""
    newest = max(dt.date.fromisoformat(day) for day in re.findall(r"as_of: (\S+)", text))
    shift = today - newest

    def moved(match: re.Match[str]) -> str:
        return (dt.date.fromisoformat(match.group(0)) + shift).isoformat()

    return _DATE.sub(moved, text)
