"""Finding themes: built-in ones ship inside the package (or beside it in a checkout)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from mediakit.errors import KitError

_PACKAGE_DIR = Path(__file__).resolve().parent


def builtin_themes_dir() -> Path:
    # In a wheel, `themes/` is force-included as `mediakit/themes/`; in a
    # source checkout (editable install) it stands beside the package.
    installed = _PACKAGE_DIR / "themes"
    return installed if installed.is_dir() else _PACKAGE_DIR.parent / "themes"


@dataclass(frozen=True)
class Theme:
    name: str
    folder: Path
    description: str

    @property
    def templates(self) -> Path:
        return self.folder / "templates"

    @property
    def static(self) -> Path:
        return self.folder / "static"


def available_themes() -> dict[str, Theme]:
    themes = {}
    root = builtin_themes_dir()
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        settings = folder / "theme.yaml"
        if settings.is_file():
            data = YAML(typ="safe").load(settings.read_text(encoding="utf-8")) or {}
            themes[folder.name] = Theme(folder.name, folder, str(data.get("description", "")))
    return themes


def find_theme(name: str) -> Theme:
    themes = available_themes()
    if name not in themes:
        known = ", ".join(sorted(themes)) or "none"
        raise KitError(f'found "{name}", but there is no such theme; available themes: {known}')
    return themes[name]
