"""The kit file's JSON Schema, generated from the models.

Editors (VS Code with the YAML extension, JetBrains IDEs) use it for
autocompletion and hints.  The shipped copy in `schema/` is checked against
this output by a test, so the two cannot drift apart.
"""

from __future__ import annotations

import json
from typing import Any

from mediakit.model.kit import Kit


def kit_schema() -> dict[str, Any]:
    schema = Kit.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "mediakit.yaml",
        **schema,
    }


def kit_schema_text() -> str:
    return json.dumps(kit_schema(), indent=2, ensure_ascii=False) + "\n"
