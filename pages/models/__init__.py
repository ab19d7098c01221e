from .acts import ActIndexPage, ActPage, ActRelation, ActStatus, ActType, ActVote, Issuer, RelationKind, Vote
from .base import BasePage
from .commissions import CommissionDocumentPage, CommissionDocumentType, CommissionIndexPage, CommissionPage
from .home import HomePage
from .legacy import LegacyItem
from .news import NewsIndexPage, NewsKind, NewsPage, NewsPageTag
from .standard import StandardPage
from .videos import VideoIndexPage, VideoPage, parse_youtube_id

__all__ = [
    "ActIndexPage",
    "ActPage",
    "ActRelation",
    "ActStatus",
    "ActType",
    "ActVote",
    "BasePage",
    "CommissionDocumentPage",
    "CommissionDocumentType",
    "CommissionIndexPage",
    "CommissionPage",
    "HomePage",
    "Issuer",
    "LegacyItem",
    "NewsIndexPage",
    "NewsKind",
    "NewsPage",
    "NewsPageTag",
    "RelationKind",
    "StandardPage",
    "VideoIndexPage",
    "VideoPage",
    "Vote",
    "parse_youtube_id",
]
