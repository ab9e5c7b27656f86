"""A roster: a folder with one kit per subfolder, as `roster` and `shortlist` read it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mediakit.errors import KitError, Problem
from mediakit.output import slug

KIT_FILE = "mediakit.yaml"


@dataclass(frozen=True)
class RosterKit:
    path: Path  # the kit file
    slug: str  # its folder in the roster site


def find_kits(folder: Path) -> list[RosterKit]:
    """Each subfolder of `folder` holding a mediakit.yaml, in name order, with the
    folder it gets in the roster site: its name as a slug, made unique with -2, -3..."""
    if not folder.is_dir():
        raise KitError([Problem("is not a folder of kits.", folder)])
    paths = sorted(path for path in folder.glob(f"*/{KIT_FILE}") if path.is_file())
    kits, taken = [], set()
    for path in paths:
        base = slug(path.parent.name) or "kit"
        name, number = base, 2
        while name in taken:
            name, number = f"{base}-{number}", number + 1
        taken.add(name)
        kits.append(RosterKit(path, name))
    return kits
