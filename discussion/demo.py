"""Demo content: two approved comments, one answered, on the first draft open for discussion.

Run by ``manage.py load_demo`` through the ``radasite_load_demo`` hook (``pages.demo``); safe to run again.
"""

from django.utils import timezone

from pages.models import ActPage, ActStage, ActType

from .models import Comment, CommentOutcome, CommentStatus
from .text import text_key

DEMO_HOOK = "radasite_load_demo"

DEMO_COMMENTS = [
    {
        "author_name": "Олена Петренко",
        "email": "olena.petrenko@example.org",
        "text": (
            "Пропоную передбачити облаштування окремих майданчиків для вигулу собак у кожному мікрорайоні."
        ),
        "status": CommentStatus.ANSWERED,
        "outcome": CommentOutcome.PARTLY,
        "reply": "Пропозицію враховано частково: майданчики передбачено в трьох мікрорайонах у 2027 році.",
    },
    {
        "author_name": "Іван Коваль",
        "email": "ivan.koval@example.org",
        "text": "Підтримую проєкт. Прошу також встановити урни для прибирання за тваринами в парках.",
        "status": CommentStatus.APPROVED,
        "outcome": "",
        "reply": "",
    },
]


def add_demo_comments(*, home, user, report):
    """Two published comments on the first live draft still open for discussion."""
    draft = (
        ActPage.objects.live()
        .descendant_of(home)
        .filter(act_type__in=ActType.of_stage(ActStage.DRAFT), discussion_until__gte=timezone.localdate())
        .order_by("pk")
        .first()
    )
    if draft is None:
        return
    now = timezone.now()
    for item in DEMO_COMMENTS:
        _comment, created = Comment.objects.get_or_create(
            draft=draft,
            text_key=text_key(item["text"]),
            defaults={**item, "consent_given_at": now, "moderated_at": now},
        )
        if created:
            report.created["коментарів"] += 1
