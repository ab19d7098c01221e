"""The demo's standing commissions with their protocols and conclusions, and the municipal TV's videos."""

import datetime

from pages import models as m

from .base import Demo, content


def ensure_commissions(demo: Demo, index, acts) -> None:
    """Three commissions, each with a protocol and a conclusion on a draft decision."""
    drafts = acts["drafts"]
    deputies = content("deputies")
    for number, row in enumerate(content("commissions")):
        title, chair = row["title"], row["chair"]
        members = [chair] + [d for d in deputies if d != chair][number * 4 : number * 4 + 4]
        commission = demo.ensure_page(
            index,
            m.CommissionPage(
                title=title,
                slug=row["slug"],
                chair=chair,
                members="\n".join(members),
                contacts="Кімната 305, тел. +380 4631 7-12-10, komisii@nizhynrada.gov.ua",
                description="<p>Комісія попередньо розглядає проєкти рішень, "
                "готує висновки й рекомендації "
                "та контролює виконання рішень ради з питань свого відання.</p>",
            ),
        )
        for j, doc_type in enumerate(
            [m.CommissionDocumentType.PROTOCOL, m.CommissionDocumentType.CONCLUSION]
        ):
            draft = drafts[(number * 2 + j) % len(drafts)]
            meeting = draft.date + datetime.timedelta(days=7)
            doc_number = 10 + number * 3 + j
            doc_title = (
                f"Протокол засідання комісії № {doc_number}"
                if j == 0
                else f"Висновок щодо проєкту рішення «{draft.title}»"
            )
            pdf = demo.ensure_pdf(
                title=f"{title}: {doc_title}",
                paragraphs=[
                    doc_title,
                    f"Засідання {meeting:%d.%m.%Y}. Присутні: {', '.join(members)}.",
                    "Комісія рекомендує винести питання на розгляд сесії.",
                ],
            )

            def link(page, draft=draft):
                page.concerns.add(draft)

            demo.ensure_page(
                commission,
                m.CommissionDocumentPage(
                    title=doc_title,
                    slug=f"{doc_type}-{doc_number}",
                    doc_type=doc_type,
                    number=str(doc_number),
                    meeting_date=meeting,
                    date=meeting,
                    body=f"<p>Комісія розглянула проєкт рішення «{draft.title}» і підтримала його.</p>",
                    attachments=[("attachment", {"document": pdf, "title": "", "kind": "scan"})],
                ),
                after_create=link,
            )


def ensure_videos(demo: Demo, index) -> None:
    """The videos of ``content/videos``, one every 23 days from January 2019."""
    day = datetime.date(2019, 1, 20)
    for number, row in enumerate(content("videos"), start=1):
        demo.ensure_page(
            index,
            m.VideoPage(
                title=row["title"],
                slug=f"video-{number}",
                video_url=row["url"],
                date=day + datetime.timedelta(days=number * 23),
                description=f"{row['title']}. Відеосюжет Ніжинського міського телебачення.",
            ),
        )
