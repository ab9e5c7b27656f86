"""Where mediakit keeps what it can make again: processed images and compiled templates.

One root, with a folder per kind: `$MEDIAKIT_CACHE_DIR` if set, else
`$XDG_CACHE_HOME/mediakit`, else `~/.cache/mediakit`. Everything under it is
an optimisation only, never leaves the machine, and is safe to delete. Each
process (a pitch worker, a roster worker on another machine) finds it
through the environment alone.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    if override := os.environ.get("MEDIAKIT_CACHE_DIR"):
        return Path(override)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG specification says to ignore a relative path.
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "mediakit"


def cache_dir(kind: str) -> Path:
    """The folder for one kind of entry: "images" or "templates"."""
    return cache_root() / kind
