"""Every image of a kit through the pipeline, into a build's staging folder.

The photo, the partner logos and the collaboration stills are published
together, in threads: Pillow lets go of the interpreter while it resizes and
encodes, so a first build (nothing cached) uses every core. Unusable images
are reported all at once, each at its place in the kit.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from mediakit.errors import KitError, Problem
from mediakit.executors import usable_cpus
from mediakit.images.favicon import SiteIcons
from mediakit.images.kit_images import image_jobs
from mediakit.images.pipeline import (
    CENTRE,
    ImageProblem,
    PublishedImage,
    Purpose,
    Variant,
    publish_image,
)
from mediakit.kit.load import LoadedYaml
from mediakit.model.kit import Kit


@dataclass(frozen=True)
class Images:
    """What the image pipeline published for this kit."""

    photo: PublishedImage | None = None
    logos: dict[int, PublishedImage] = field(default_factory=dict)  # by collaboration index
    stills: dict[int, PublishedImage] = field(default_factory=dict)
    # Pictures of the posts a platform shows off, by (platform index, post index).
    posts: dict[tuple[int, int], PublishedImage] = field(default_factory=dict)
    share_card: Variant | None = None  # the Open Graph picture, drawn for the site only
    icons: SiteIcons | None = None
    later: LaterWork | None = None  # the site's sizes, still being encoded

    def wait(self) -> None:
        """Until every variant is in the staging folder (at once unless `later`)."""
        if self.later is not None:
            self.later.wait()


class LaterWork:
    """Encodings that run in threads while the build goes on (the PDF's layout):
    Pillow lets go of the interpreter while it resizes and encodes."""

    def __init__(self) -> None:
        # One core is the PDF engine's; the others encode.
        self._pool = ThreadPoolExecutor(max_workers=max(1, usable_cpus() - 1))
        self._futures: list[Future[None]] = []

    def add(self, work: Callable[[], None]) -> None:
        self._futures.append(self._pool.submit(work))

    def wait(self) -> None:
        self._pool.shutdown(wait=True)
        for future in self._futures:
            future.result()


def publish_images(
    document: LoadedYaml, kit: Kit, staging: Path, *, web_later: bool = False
) -> Images:
    """Run every image through the pipeline, reporting all unusable ones at once.

    Images are encoded in threads: Pillow lets go of the interpreter while it
    resizes and encodes, so a first build (nothing cached) uses every core.
    With `web_later`, what the site alone shows is still being encoded when
    this returns (wait with `Images.wait`), beside the PDF's layout.
    """
    jobs = image_jobs(kit)

    later = LaterWork() if web_later else None

    def run(source: Path, purpose: Purpose) -> PublishedImage:
        focus = kit.creator.photo_focus if purpose == "photo" else None
        return publish_image(
            source, purpose, staging, focus=focus or CENTRE, later=later.add if later else None
        )

    problems: list[Problem] = []
    photo, logos, stills, posts = None, {}, {}, {}
    with ThreadPoolExecutor(max_workers=max(1, min(len(jobs), os.cpu_count() or 1))) as pool:
        futures = [pool.submit(run, source, purpose) for source, purpose, _ in jobs]
        # Collected in the kit's order, so errors read from top to bottom.
        for (source, purpose, loc), future in zip(jobs, futures, strict=True):
            try:
                image = future.result()
            except ImageProblem as error:
                problems.append(document.problem(loc, f"{source.name} {error}"))
                continue
            if purpose == "photo":
                photo = image
            elif purpose == "logo":
                logos[int(loc[1])] = image
            elif purpose == "post":
                posts[int(loc[1]), int(loc[3])] = image
            else:
                stills[int(loc[1])] = image
    if problems:
        if later is not None:
            later.wait()
        raise KitError(problems)
    return Images(photo=photo, logos=logos, stills=stills, posts=posts, later=later)
