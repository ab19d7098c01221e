from .acts import ActIndexPage, ActPage, ActRelation, Issuer
from .base import BasePage
from .commissions import CommissionDocumentPage, CommissionIndexPage, CommissionPage
from .home import HomePage
from .kinds import ActStage, ActStatus, ActType, CommissionDocumentType, NewsKind, RelationKind
from .legacy import LegacyItem
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .standard import StandardPage
from .videos import VideoIndexPage, VideoPage, parse_youtube_id

__all__ = [
    "ActIndexPage",
    "ActPage",
    "ActRelation",
    "ActStage",
    "ActStatus",
    "ActType",
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
    "parse_youtube_id",
]
