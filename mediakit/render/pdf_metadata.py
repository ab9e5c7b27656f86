"""What a PDF says about itself: title, author, language, subject and keywords.

Kept apart from the PDF engine (render/pdf.py), which takes half a second to
import: the fingerprint of an unchanged PDF needs the metadata, not the engine.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from mediakit.view.model import KitView


@dataclass(frozen=True)
class PdfMetadata:
    title: str
    author: str
    lang: str
    subject: str = ""
    keywords: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, view: KitView) -> PdfMetadata:
        return cls(
            title=view.title,
            author=view.name,
            lang=view.lang,
            subject=view.description,
            keywords=[*view.niches, *(platform.name for platform in view.platforms)],
        )

    def as_json(self) -> dict[str, object]:
        return asdict(self)
