"""A platform the creator publishes on, its figures and its recent posts."""

from __future__ import annotations

from enum import Enum
from typing import Literal
from urllib.parse import quote

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from mediakit.model.audience import Audience
from mediakit.model.base import KitModel
from mediakit.model.types import Count, Handle, KitDate, KitFile, Percent, Text, WebUrl


class PlatformName(str, Enum):
    instagram = "instagram"
    tiktok = "tiktok"
    youtube = "youtube"
    x = "x"
    facebook = "facebook"
    pinterest = "pinterest"
    twitch = "twitch"
    linkedin = "linkedin"
    threads = "threads"
    bluesky = "bluesky"
    snapchat = "snapchat"
    newsletter = "newsletter"
    podcast = "podcast"
    blog = "blog"


EngagementBasis = Literal["followers", "views", "reach"]

# Where a handle alone tells us the public profile's address.
PROFILE_URLS: dict[PlatformName, str] = {
    PlatformName.instagram: "https://www.instagram.com/{}/",
    PlatformName.tiktok: "https://www.tiktok.com/@{}",
    PlatformName.youtube: "https://www.youtube.com/@{}",
    PlatformName.x: "https://x.com/{}",
    PlatformName.facebook: "https://www.facebook.com/{}",
    PlatformName.pinterest: "https://www.pinterest.com/{}/",
    PlatformName.twitch: "https://www.twitch.tv/{}",
    PlatformName.linkedin: "https://www.linkedin.com/in/{}/",
    PlatformName.threads: "https://www.threads.net/@{}",
    PlatformName.bluesky: "https://bsky.app/profile/{}",
    PlatformName.snapchat: "https://www.snapchat.com/add/{}",
}

# Posts beyond this are more than any window uses; a larger list is a mistake
# (or an attack) and would only slow the build.
MAX_POSTS = 5_000


class Post(KitModel):
    date: KitDate
    likes: Count | None = None
    comments: Count | None = None
    shares: Count | None = None
    saves: Count | None = None
    views: Count | None = None
    reach: Count | None = None
    clicks: Count | None = None
    """Link clicks (a newsletter's issue: clicks on its links)."""
    sponsored: bool = False
    url: WebUrl | None = None
    title: Text | None = None
    image: KitFile | None = None
    """A picture of the post (a still or its cover), shown with the kit's standout posts."""
    id: Text | None = None
    """The platform's own ID of the post (a video ID, a Substack post ID): `mediakit import`
    matches posts by it, or by url, so importing an export twice adds nothing."""


class HistoryPoint(KitModel):
    date: KitDate
    followers: Count


class Platform(KitModel):
    platform: PlatformName
    """One of: instagram, tiktok, youtube, x, facebook, pinterest, twitch, linkedin, threads,
    bluesky, snapchat, newsletter, podcast, blog."""
    handle: Handle | None = None
    url: WebUrl | None = None
    """Profile address; derived from platform and handle when absent."""
    followers: Count
    """Followers, subscribers, or newsletter subscribers."""
    as_of: KitDate
    """When these numbers were read (YYYY-MM-DD)."""
    source: Text | None = None
    """Where these figures come from, e.g. "TikTok Studio export"; `mediakit import` sets it.
    The kit says "from the creator's TikTok Studio export of" the as_of date."""
    engagement_basis: EngagementBasis | None = None
    """What engagement is divided by: followers, views or reach. Default: views for tiktok,
    youtube and twitch; reach when every post gives reach; else followers."""
    avg_views: Count | None = None
    avg_likes: Count | None = None
    avg_comments: Count | None = None
    avg_shares: Count | None = None
    avg_saves: Count | None = None
    avg_reach: Count | None = None
    engagement_rate: Percent | None = None
    """A claimed rate in percent; recomputed from posts when posts are given."""
    posts: list[Post] = Field(default_factory=list, max_length=MAX_POSTS)
    """Recent posts, in any order."""
    posts_csv: KitFile | None = None
    """The same posts as a CSV file, one row a post, columns named like the post keys."""
    history: list[HistoryPoint] = Field(default_factory=list, max_length=MAX_POSTS)
    """Follower counts over time: [{date: 2026-01-01, followers: 12000}, ...]."""
    audience: Audience | None = None
    """This platform's own audience, when known."""

    @field_validator("posts", "history")
    @classmethod
    def _oldest_first(cls, items: list[Post]) -> list[Post]:
        return sorted(items, key=lambda item: item.date)

    @model_validator(mode="after")
    def _posts_once(self) -> Platform:
        if self.posts and self.posts_csv:
            raise PydanticCustomError(
                "posts_twice",
                "give posts or posts_csv, not both: they would describe the same posts twice",
            )
        return self

    @property
    def profile_url(self) -> str | None:
        if self.url:
            return self.url
        pattern = PROFILE_URLS.get(self.platform)
        if pattern and self.handle:
            return pattern.format(quote(self.handle))
        return None

    @property
    def label(self) -> str:
        return PLATFORM_LABELS[self.platform]


PLATFORM_LABELS: dict[PlatformName, str] = {
    PlatformName.instagram: "Instagram",
    PlatformName.tiktok: "TikTok",
    PlatformName.youtube: "YouTube",
    PlatformName.x: "X",
    PlatformName.facebook: "Facebook",
    PlatformName.pinterest: "Pinterest",
    PlatformName.twitch: "Twitch",
    PlatformName.linkedin: "LinkedIn",
    PlatformName.threads: "Threads",
    PlatformName.bluesky: "Bluesky",
    PlatformName.snapchat: "Snapchat",
    PlatformName.newsletter: "Newsletter",
    PlatformName.podcast: "Podcast",
    PlatformName.blog: "Blog",
}
