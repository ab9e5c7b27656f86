"""The base every kit model shares: unknown keys are errors, docstrings are hints."""

from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator


class KitModel(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        # Field docstrings become the JSON Schema's descriptions, which
        # editors show as hints while a creator types.
        use_attribute_docstrings=True,
        frozen=True,
        # YAML's .nan and .inf are numbers to Python, never to a creator.
        allow_inf_nan=False,
        # Each model's validator is built when first used, not at import: the
        # kit's own builds its parts' at once, and models a command never uses
        # (a brief's, for `validate`) cost nothing.
        defer_build=True,
    )

    @model_validator(mode="before")
    @classmethod
    def _empty_means_absent(cls, data: Any) -> Any:
        # In YAML `site:` with every line under it commented out is null.
        # A creator means "nothing here", so an optional key with no value
        # is treated as absent rather than as a type error.
        if isinstance(data, dict):
            return {
                key: value
                for key, value in data.items()
                if not (
                    value is None
                    and key in cls.model_fields
                    and not cls.model_fields[key].is_required()
                )
            }
        return data
