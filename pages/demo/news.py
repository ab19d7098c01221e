"""The demo's news of every kind: tagged, some with photos, quotes, tables and links to decisions."""

import datetime

from pages import models as m

from .base import Demo, content, paragraph

KINDS = [m.NewsKind.NEWS] * 5 + [m.NewsKind.ANNOUNCEMENT] * 2 + [m.NewsKind.ARTICLE, m.NewsKind.GREETING]


def events_table(day) -> tuple:
    return (
        "table",
        {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [
                ["Захід", "Дата", "Місце"],
                ["Засідання комісій", f"{day:%d.%m.%Y}", "Мала зала"],
                ["Пленарне засідання", f"{day + datetime.timedelta(days=2):%d.%m.%Y}", "Велика зала"],
            ],
        },
    )


def ensure_news(demo: Demo, index, acts) -> None:
    """34 news items under ``index``, one every one to three weeks from January 2018."""
    text = content("news")
    rng = demo.rng
    day = datetime.date(2018, 1, 10)
    for i in range(34):
        day += datetime.timedelta(days=rng.randint(6, 20))
        kind = KINDS[i % len(KINDS)]
        topic = text["topics"][i % len(text["topics"])]
        title = f"{text['kind_titles'][kind]}{topic['title']}"
        lead, tag = topic["lead"], topic["tag"]
        if kind == m.NewsKind.GREETING:
            greeting = text["greetings"][i % len(text["greetings"])]
            title = text["greeting"]["title"].format(greeting=greeting)
            lead, tag = text["greeting"]["lead"], text["greeting"]["tag"]
        image = None
        if i % 4 == 0:
            colours = text["colours"]
            image = demo.ensure_image(
                title=f"Фото до новини «{title}» ({day:%d.%m.%Y})", colour=colours[i % len(colours)]
            )
        body = [paragraph(lead), paragraph(text["more"])]
        if i % 3 == 0:
            body.append(("quote", dict(text["quote"])))
        if i % 5 == 0:
            body.append(events_table(day))
        related = []
        if acts["council"] and i % 2 == 0:
            act = acts["council"][i % len(acts["council"])]
            related = [("page", act)]
            if act.attachments:
                body.append(("document", {"document": act.attached_documents[0], "title": ""}))
        tags = [tag, rng.choice(text["extra_tags"])]

        def add_tags(page, tags=tags):
            page.tags.add(*tags)

        demo.ensure_page(
            index,
            m.NewsPage(
                title=title,
                slug=f"{day:%Y-%m-%d}-{i + 1:02d}",
                kind=kind,
                date=day,
                lead=lead,
                main_image=image,
                body=body,
                related_pages=related,
            ),
            after_create=add_tags,
        )
