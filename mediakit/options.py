"""How a build is made, set by the command line: one typed value every stage is given.

`build`, `pitch`, `serve` and `deploy` take a `BuildOptions` instead of
threading `--locale`, `--theme` and the date through each function.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the models cost 0.1 s to import: `--help` does without them
    from mediakit.model.kit import Kit


@dataclass(frozen=True)
class BuildOptions:
    locale: str | None = None
    """`--locale`: labels and formats in this language instead of the kit's."""
    theme: str | None = None
    """`--theme`: this theme instead of the kit's `theme.name`."""
    today: dt.date = field(default_factory=dt.date.today)
    """The day the kit is built: what "stale" and "Updated" are measured from."""
    pdf: bool = True
    """Lay out the PDF (`--no-pdf` builds the site alone)."""
    keep_pdf: bool = False
    """Without a new PDF, keep linking the one already built (`serve` lays it out later)."""
    strict: bool = False
    """Refuse to build while a warning stands (`--strict`)."""
    base_url: str | None = None
    """`--base-url`: the site's address, where the kit's `site.base_url` gives none."""
    email_pdf_dir: Path | None = None
    """Where the PDF with prices goes when the kit's rates are private."""
    print_html: Path | None = None
    """`--print-html`: also write the HTML the site's PDF is laid out from to this file."""

    def applied_to(self, kit: Kit) -> Kit:
        """The kit with `--locale`, and `--base-url` where the kit gives no address."""
        update: dict[str, object] = {}
        if self.locale is not None:
            update["locale"] = self.locale
        if self.base_url is not None and kit.site.base_url is None:
            # A site's address is a folder: GitHub reports it without the final slash.
            address = self.base_url if self.base_url.endswith("/") else self.base_url + "/"
            update["site"] = kit.site.model_copy(update={"base_url": address})
        return kit.model_copy(update=update) if update else kit
