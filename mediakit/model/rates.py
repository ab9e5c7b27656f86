"""The rate card: packages, add-ons and terms."""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from mediakit.model.base import KitModel
from mediakit.model.platform import PlatformName
from mediakit.model.types import (
    MAX_ITEMS,
    CurrencyCode,
    KitDate,
    Markdown,
    Paragraph,
    Percent,
    Price,
    Text,
)


class Package(KitModel):
    name: Text
    platform: PlatformName | None = None
    price: Price | None = None
    """An exact price."""
    price_from: Price | None = None
    """A floor: shown as "from ..."."""
    on_request: bool = False
    """Shown as "on request"."""
    description: Paragraph | None = None
    includes: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS)

    @model_validator(mode="after")
    def _one_kind_of_price(self) -> Package:
        given = [self.price is not None, self.price_from is not None, self.on_request]
        if sum(given) != 1:
            raise PydanticCustomError(
                "price_kind",
                "give exactly one of price, price_from or on_request: true (found {count})",
                {"count": sum(given)},
            )
        return self


class AddOn(KitModel):
    name: Text
    price: Price | None = None
    percent: Percent | None = None
    """Percent of the package price."""
    description: Paragraph | None = None

    @model_validator(mode="after")
    def _price_or_percent(self) -> AddOn:
        if (self.price is None) == (self.percent is None):
            raise PydanticCustomError("addon_price", "give exactly one of price or percent")
        return self


class Rates(KitModel):
    currency: CurrencyCode
    """ISO 4217 code: USD, EUR, AUD..."""
    valid_until: KitDate | None = None
    packages: list[Package] = Field(default_factory=list, max_length=MAX_ITEMS)
    add_ons: list[AddOn] = Field(default_factory=list, max_length=MAX_ITEMS)
    terms: Markdown | None = None
    """Payment, exclusivity, usage rights (Markdown)."""
    public: bool = True
    """false: nothing published carries a price (the site, its JSON and the PDF it links say
    "on request"); `mediakit build` writes the PDF with prices into pitches/ for emailing."""
