"""Who the creator is, and how a brand reaches them."""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from mediakit.model.base import KitModel
from mediakit.model.types import (
    MAX_ITEMS,
    Email,
    FocalPoint,
    Handle,
    KitFile,
    Markdown,
    Phone,
    Text,
    WebUrl,
)


class Creator(KitModel):
    name: Text
    """Display name, as brands should address you."""
    handle: Handle | None = None
    """Primary handle, shown as @handle (a leading @ is accepted and dropped)."""
    tagline: Text | None = None
    """One line that says what you make, for whom."""
    bio: Markdown | None = None
    """A few paragraphs in Markdown."""
    photo: KitFile | None = None
    """Headshot, relative to the kit's folder; cropped and resized for each output."""
    photo_focus: FocalPoint | None = None
    """The point to keep mid-crop (your face), across then down: "50% 30%". Default: centre."""
    location: Text | None = None
    """Free text, e.g. "Melbourne, Australia"."""
    languages: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS)
    """Languages you make content in."""
    niches: list[Text] = Field(min_length=1, max_length=MAX_ITEMS)
    """Your niches, e.g. [baking, sourdough]. At least one."""


class Contact(KitModel):
    email: Email | None = None
    website: WebUrl | None = None
    booking_url: WebUrl | None = None
    """A page where brands can book you (Calendly, a form...)."""
    phone: Phone | None = None
    """A phone number, e.g. "+61 400 000 000"; quote it so YAML keeps the +."""
    note: Text | None = None
    """One line, e.g. "Replies within 48 h"."""

    @model_validator(mode="after")
    def _one_way_to_reach(self) -> Contact:
        if not (self.email or self.website or self.booking_url):
            raise PydanticCustomError(
                "contact_missing",
                "give at least one of email, website or booking_url, so brands can reach you",
            )
        return self
