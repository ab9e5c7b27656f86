"""A brand's brief, for a pitch tailored to it."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from mediakit.model.audience import parse_age_band
from mediakit.model.base import KitModel
from mediakit.model.platform import PlatformName
from mediakit.model.types import MAX_ITEMS, Amount, CountryCode, Text, found


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _age_band(value: Any) -> str:
    try:
        parse_age_band(str(value))
    except ValueError:
        raise PydanticCustomError(
            "age_band",
            'found {found}, expected an age band such as "25-44" or "55+"',
            {"found": found(value)},
        ) from None
    return str(value)


class Target(KitModel):
    age: Annotated[
        list[Annotated[str, BeforeValidator(_age_band)]], BeforeValidator(_one_or_many)
    ] = Field(default_factory=list, max_length=MAX_ITEMS)
    """One band ("25-44") or a list of bands."""
    gender: Annotated[list[Text], BeforeValidator(_one_or_many)] = Field(
        default_factory=list, max_length=MAX_ITEMS
    )
    countries: Annotated[list[CountryCode], BeforeValidator(_one_or_many)] = Field(
        default_factory=list
    )
    interests: Annotated[list[Text], BeforeValidator(_one_or_many)] = Field(
        default_factory=list, max_length=MAX_ITEMS
    )


class Brief(KitModel):
    """What a brand is looking for (brief.yaml)."""

    brand: Text
    contact_name: Text | None = None
    niches: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS)
    campaign: Text | None = None
    target: Target = Field(default_factory=Target)
    budget: Amount | None = None
    platforms: list[PlatformName] = Field(default_factory=list, max_length=MAX_ITEMS)
