"""How the kit looks, and where its site is published."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args

from pydantic import BeforeValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from mediakit.model.base import KitModel
from mediakit.model.types import WebUrl, found

SectionName = Literal[
    "profile",
    "engagement",
    "platforms",
    "audience",
    "collaborations",
    "testimonials",
    "rates",
    "contact",
]
SECTION_NAMES: tuple[str, ...] = get_args(SectionName)


# A theme's name: what `theme.name`, `--theme`, `extends:` and entry points accept.
THEME_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,40}")
# A colour as stylesheets and theme.yaml write it.
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def accent_colour(value: Any) -> str:
    """An accent, `#RRGGBB` (in lower case) or `auto`: it goes into a stylesheet,
    so only a strict hex colour may pass."""
    if isinstance(value, str) and (value == "auto" or HEX_COLOUR.fullmatch(value)):
        return value.lower() if value != "auto" else value
    raise PydanticCustomError(
        "accent",
        'found {found}, expected a colour written #RRGGBB (such as "#B5542D") or auto',
        {"found": found(value)},
    )


def hex_colour(value: Any) -> str:
    """A colour written `#RRGGBB`, in lower case."""
    if isinstance(value, str) and HEX_COLOUR.fullmatch(value):
        return value.lower()
    raise PydanticCustomError(
        "colour", "found {found}, expected a colour written #RRGGBB", {"found": found(value)}
    )


class Theme(KitModel):
    name: str = "default"
    """The theme to use; `mediakit themes` lists them."""
    accent: Annotated[str, BeforeValidator(accent_colour)] | None = None
    """Accent colour as "#RRGGBB", or auto (picked from your photo)."""
    paper: Literal["A4", "letter"] = "A4"
    sections: list[SectionName] | None = None
    """Sections to show, in order; default: all that have data."""

    @field_validator("name")
    @classmethod
    def _plain_name(cls, value: str) -> str:
        if not THEME_NAME.fullmatch(value):
            raise PydanticCustomError(
                "theme_name",
                "found {found}, expected a theme name such as default",
                {"found": found(value)},
            )
        return value


# File systems limit a name to 255 bytes; non-ASCII letters take up to 4 each.
MAX_FILE_NAME_BYTES = 200


def _file_name(value: Any) -> Any:
    if isinstance(value, str) and (
        not re.fullmatch(r"[\w][\w.\-]{0,120}\.pdf", value)
        or len(value.encode()) > MAX_FILE_NAME_BYTES
    ):
        raise PydanticCustomError(
            "pdf_name",
            "found {found}, expected a plain file name ending in .pdf, such as my-media-kit.pdf",
            {"found": found(value)},
        )
    return value


class Site(KitModel):
    base_url: WebUrl | None = None
    """Absolute address the site is served from, e.g. https://you.github.io/mediakit/."""
    cname: str | None = Field(default=None, pattern=r"^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
    """Custom domain for GitHub Pages, e.g. kit.example.com."""
    pdf_name: Annotated[str, BeforeValidator(_file_name)] | None = None
    """File name of the PDF; default derived from your name."""
