"""What search engines read about the creator: schema.org JSON-LD for the site's page."""

from __future__ import annotations

import json
from typing import Any

from mediakit.model.kit import Kit


def structured_data(kit: Kit, photo_href: str | None) -> str:
    """schema.org ProfilePage / Person as JSON-LD, safe inside a <script> element.

    `<`, `>` and `&` are written as JSON escapes, so no kit text can close the
    script element or open a comment, whatever it contains.
    """
    creator = kit.creator
    base_url = kit.site.base_url
    person: dict[str, Any] = {"@type": "Person", "name": creator.name}
    if creator.handle:
        person["alternateName"] = f"@{creator.handle}"
    if creator.tagline:
        person["description"] = creator.tagline
    if base_url:
        person["url"] = base_url
        if photo_href:
            person["image"] = base_url.rstrip("/") + "/" + photo_href
    same_as = [url for platform in kit.platforms if (url := platform.profile_url)]
    if kit.contact.website:
        same_as.append(kit.contact.website)
    if same_as:
        person["sameAs"] = same_as
    data = {"@context": "https://schema.org", "@type": "ProfilePage", "mainEntity": person}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
