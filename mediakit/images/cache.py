"""A disk cache of processed images, so a rebuild skips encoding unchanged ones.

Entries are keyed by a hash of the source bytes and every parameter that
shapes the output (see `media._cache_key`). Each entry is a small JSON
manifest plus the encoded files, which hold pixels only, exactly as published.
The cache is an optimisation and nothing more: a missing, corrupt or
read-only cache falls back to encoding, and the folder is safe to delete.

Location: the `images` folder of the cache (mediakit/cache.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mediakit.cache import cache_dir


@dataclass(frozen=True)
class Encoded:
    """One encoded variant of an image."""

    name: str  # "480", "web" or "print"
    ext: str  # "jpg", "png" or "webp"
    data: bytes
    width: int
    height: int


def images_dir() -> Path:
    return cache_dir("images")


def load(key: str) -> list[Encoded] | None:
    """The cached variants for `key`, or None when absent or not intact."""
    folder = images_dir()
    try:
        manifest = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        variants = []
        for entry in manifest["variants"]:
            data = (folder / _file_name(key, entry["name"], entry["ext"])).read_bytes()
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                return None
            variants.append(
                Encoded(
                    entry["name"], entry["ext"], data, int(entry["width"]), int(entry["height"])
                )
            )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return variants or None


def has(key: str) -> bool:
    """Whether `key` was stored: its manifest, written last, is there."""
    return (images_dir() / f"{key}.json").is_file()


def store(key: str, variants: list[Encoded]) -> None:
    """Keep `variants` for `key`; any failure to write is ignored (the build goes on)."""
    folder = images_dir()
    manifest = {
        "variants": [
            {
                "name": v.name,
                "ext": v.ext,
                "width": v.width,
                "height": v.height,
                "sha256": hashlib.sha256(v.data).hexdigest(),
            }
            for v in variants
        ]
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for v in variants:
            _write_atomically(folder / _file_name(key, v.name, v.ext), v.data)
        # The manifest last: a reader never finds one whose files are not all there.
        _write_atomically(folder / f"{key}.json", json.dumps(manifest).encode())
    except OSError:
        pass


def _file_name(key: str, name: str, ext: str) -> str:
    if not (name.isalnum() and ext.isalnum()):  # a tampered manifest cannot point elsewhere
        raise ValueError(name)
    return f"{key}-{name}.{ext}"


def _write_atomically(target: Path, data: bytes) -> None:
    """Write then rename, so parallel builds (pitch workers) never see half a file."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
