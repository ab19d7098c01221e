"""Content the demo never has, in every public page type: what editors, imports and citizens really send.

Very long unbroken words and addresses (in titles, leads, bodies, names and file names), titles as long
as their fields allow, ten-column tables in rich text and in table blocks, images of extreme aspect
ratios, many tags, a deputy with a very long name and many commissions, a session with a 40-item agenda.
``build_hostile_content`` adds it beside the demo's and returns the addresses to visit;
``remove_hostile_content`` takes it away again.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.models import CouncilDocument
from cms.pdf import make_pdf
from council.kinds import BallotChoice, CommissionRole, MeetingKind, MeetingStatus
from council.models import AgendaItem, Ballot, CommissionMembership, Deputy, Meeting, Membership, Vote
from council.tally import recount
from discussion.models import Comment, CommentStatus
from discussion.text import text_key
from pages import models as m
from pages.models.kinds import ActType

#: One Ukrainian compound of 120 letters, without a hyphen or a space to break it at.
LONG_WORD = (
    "теплоенергогазоводопостачальновідведенняжитловокомунальногосподарськоінфраструктурно"
    "будівельномонтажнореконструкційнийй"
)
#: An address as editors paste it, 170 characters without a break.
LONG_URL = (
    "https://nizhynrada.gov.ua/dokumenty/rishennia-miskoi-rady/2024/pro-zatverdzhennia-prohramy-"
    "rozvytku-zhytlovo-komunalnoho-hospodarstva-ta-blahoustroiu-nizhynskoi-hromady?format=pdf&id=123456"
)
SLUG = "vorozhyi-vmist"
#: Thirty tags on each news item, one of them a hundred letters long.
TAGS = [f"тег {n} {LONG_WORD[: 20 + n]}" for n in range(29)] + [LONG_WORD[:100]]


def title_of(length: int, prefix: str) -> str:
    """A title of ``length`` characters: ``prefix``, the long word, the address, then ordinary words."""
    text = f"{prefix} {LONG_WORD} {LONG_URL} "
    filler = "про затвердження програми розвитку громади "
    while len(text) < length:
        text += filler
    return text[:length].rstrip()


def wide_rows(columns: int = 10, rows: int = 6) -> list[list[str]]:
    header = [f"Показник виконання бюджету {n + 1}" for n in range(columns)]
    header[3] = LONG_WORD
    body = [[f"{(r + 1) * (c + 1) * 1234.56:,.2f} грн" for c in range(columns)] for r in range(rows)]
    body[1][5] = LONG_URL
    return [header, *body]


def wide_table_html(columns: int = 10) -> str:
    header, *rows = wide_rows(columns)
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def rich_text(*, table: bool) -> str:
    """Rich text with the long word and address; ``table``: with a ten-column table, as imported
    bodies of acts keep them (a StreamField paragraph has none: the importer gives it a table block)."""
    return (
        f"<p>Слово {LONG_WORD} у реченні, і адреса {LONG_URL} просто в тексті.</p>"
        f'<p>Посилання: <a href="{LONG_URL}">{LONG_URL}</a>.</p>'
        f"<h2>{LONG_WORD}</h2><ul><li>{LONG_WORD}</li><li>{LONG_URL}</li></ul>"
        + (wide_table_html() if table else "")
    )


def stream_body(images) -> list:
    return [
        ("paragraph", rich_text(table=False)),
        (
            "table",
            {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Виконання бюджету за статтями",
                "data": wide_rows(),
            },
        ),
        *[("image", {"image": image, "alt": "Панорама міста", "caption": LONG_WORD}) for image in images],
        ("quote", {"quote": f"{LONG_WORD} {LONG_URL}", "attribution": LONG_WORD}),
    ]


def document(name: str) -> CouncilDocument:
    """A real PDF titled ``name``, its file named as a scanner would name it (very long, no spaces)."""
    content = make_pdf(title=name[:80])
    doc = CouncilDocument(title=name)
    doc.file.save(f"{LONG_WORD[:60]}_{'x' * 40}.pdf", ContentFile(content), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


def image(width: int, height: int, title: str):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (30, 90, 160)).save(buffer, format="PNG")
    picture = get_image_model()(title=title, file=ImageFile(buffer, name="panorama.png"))
    picture.save()
    return picture


def attachments(count: int = 3) -> list:
    return [
        (
            "attachment",
            {"document": document(title_of(250, f"Додаток {n + 1}")), "title": "", "kind": "annex"},
        )
        for n in range(count)
    ]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def first_live(model):
    return model.objects.live().order_by("path").first()


def hostile_pages(images) -> dict:
    news_index = first_live(m.NewsIndexPage)
    act_index = first_live(m.ActIndexPage)
    commission = first_live(m.CommissionPage)
    video_index = first_live(m.VideoIndexPage)
    home = Page.objects.get(depth=2)
    issuer = m.Issuer.objects.create(
        name=title_of(255, "Орган"), slug=f"{SLUG}-organ", short_name=LONG_WORD[:64]
    )
    pages = {}
    for kind in (m.NewsKind.NEWS, m.NewsKind.ANNOUNCEMENT, m.NewsKind.ARTICLE):
        news = m.NewsPage(
            title=title_of(255, kind.label),
            slug=f"{SLUG}-{kind}",
            kind=kind,
            date=datetime.date(2024, 5, 17),
            lead=f"{LONG_WORD} {LONG_URL}",
            main_image=images[0],
            body=stream_body(images),
            attachments=attachments(),
        )
        news_index.add_child(instance=news)
        news.tags.add(*TAGS)
        news.save_revision().publish()
        pages[kind.value] = news.url
    act = publish(
        act_index,
        m.ActPage(
            title=title_of(255, "Про"),
            slug=f"{SLUG}-rishennia",
            act_type=ActType.COUNCIL_DECISION,
            number=("1234-" + LONG_WORD)[:64],
            issuer=issuer,
            session=LONG_WORD[:64],
            status=m.ActStatus.IN_FORCE,
            date=datetime.date(2024, 5, 17),
            adopted_on=datetime.date(2024, 5, 16),
            summary=f"{LONG_WORD} {LONG_URL}",
            body=rich_text(table=True),
            attachments=attachments(),
        ),
    )
    pages["act"] = act.url
    draft = publish(
        act_index,
        m.ActPage(
            title=title_of(255, "Проєкт"),
            slug=f"{SLUG}-proekt",
            act_type=ActType.DRAFT_DECISION,
            number=("55-" + LONG_WORD)[:64],
            issuer=issuer,
            status=m.ActStatus.DRAFT,
            date=timezone.localdate(),
            discussion_until=timezone.localdate() + datetime.timedelta(days=20),
            planned_consideration_on=timezone.localdate() + datetime.timedelta(days=25),
            summary=f"{LONG_WORD} {LONG_URL}",
            body=rich_text(table=True),
            attachments=attachments(1),
        ),
    )
    pages["draft"] = draft.url
    now = timezone.now()
    for n, status in enumerate((CommentStatus.APPROVED, CommentStatus.ANSWERED)):
        text = f"Пропозиція {n}: {LONG_WORD} {LONG_URL}\n{LONG_WORD}"
        Comment.objects.create(
            draft=draft,
            author_name=title_of(200, "Громадянин"),
            email="citizen@example.org",
            text=text,
            text_key=text_key(text),
            status=status,
            reply=f"{LONG_WORD} {LONG_URL}" if status == CommentStatus.ANSWERED else "",
            outcome="partly" if status == CommentStatus.ANSWERED else "",
            consent_given_at=now,
            moderated_at=now,
        )
    commission_document = publish(
        commission,
        m.CommissionDocumentPage(
            title=title_of(255, "Висновок"),
            slug=f"{SLUG}-vysnovok",
            doc_type=m.CommissionDocumentType.CONCLUSION,
            number=LONG_WORD[:64],
            meeting_date=datetime.date(2024, 5, 10),
            date=datetime.date(2024, 5, 11),
            body=rich_text(table=True),
            attachments=attachments(),
        ),
    )
    pages["commission document"] = commission_document.url
    pages["commission"] = commission.url
    video = publish(
        video_index,
        m.VideoPage(
            title=title_of(255, "Відео"),
            slug=f"{SLUG}-video",
            video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            date=datetime.date(2024, 5, 17),
            description=f"{LONG_WORD}\n{LONG_URL}",
        ),
    )
    pages["video"] = video.url
    standard = publish(
        home,
        m.StandardPage(title=title_of(255, "Сторінка"), slug=f"{SLUG}-storinka", body=stream_body(images)),
    )
    pages["standard page"] = standard.url
    pages["news index"] = news_index.url
    pages["acts by issuer"] = f"{act_index.url}?issuer={issuer.slug}"
    pages["videos"] = video_index.url
    return pages, act, draft, commission


def hostile_council(act, draft, commission) -> dict:
    template = Membership.objects.exclude(faction=None).order_by("pk").first()
    deputy = Deputy.objects.create(
        full_name=title_of(255, LONG_WORD[:60]),
        slug=f"{SLUG}-deputat",
        electoral_district=title_of(255, "Округ"),
        email=f"{LONG_WORD[:40]}@example.org",
        contacts=f"{LONG_URL}\n{LONG_WORD}",
        reception_hours=f"{LONG_WORD}\n{LONG_URL}",
    )
    Membership.objects.create(
        deputy=deputy,
        convocation=template.convocation,
        faction=template.faction,
        start_date=template.start_date,
    )
    commissions = list(m.CommissionPage.objects.live().order_by("path"))
    for n in range(12):
        CommissionMembership.objects.create(
            deputy=deputy,
            commission=commissions[n % len(commissions)],
            role=CommissionRole.MEMBER,
            start_date=template.start_date + datetime.timedelta(days=30 * n),
            end_date=template.start_date + datetime.timedelta(days=30 * n + 20),
        )
    meeting = Meeting.objects.create(
        kind=MeetingKind.PLENARY,
        number=977,
        convocation=template.convocation,
        title=title_of(255, "Позачергова"),
        starts_at=timezone.make_aware(datetime.datetime.combine(template.start_date, datetime.time(10)))
        + datetime.timedelta(days=100),
        place=title_of(255, "Сесійна зала"),
        status=MeetingStatus.HELD,
        notes=f"{LONG_WORD}\n{LONG_URL}",
    )
    deputies = list(Deputy.objects.order_by("pk")[:40])
    choices = list(BallotChoice.values)
    for n in range(40):
        item = AgendaItem.objects.create(
            meeting=meeting,
            number=f"{n + 1}.{n + 1}.{n + 1}",
            sort_order=n,
            title=title_of(1000, f"Питання {n + 1}"),
            rapporteur=title_of(255, "Доповідач"),
            draft=draft if n == 0 else None,
            decision=act if n == 0 else None,
        )
        if n < 3:
            vote = Vote.objects.create(
                agenda_item=item,
                position=1,
                description=title_of(255, "Поправка"),
                held_at=meeting.starts_at + datetime.timedelta(minutes=n + 1),
                published_at=meeting.starts_at + datetime.timedelta(hours=6),
            )
            Ballot.objects.bulk_create(
                Ballot(vote=vote, deputy=d, choice=choices[(i + n) % len(choices)], sort_order=i)
                for i, d in enumerate(deputies)
            )
            recount(vote)
    return {
        "deputy": f"/deputaty/{deputy.slug}/",
        "deputies": "/deputaty/",
        "meeting": reverse("council:meeting_detail", args=[meeting.pk]),
        "meetings": "/zasidannia/",
    }


def build_hostile_content() -> dict:
    """The hostile content beside the demo's; the addresses of every page that shows some of it."""
    images = [image(3000, 24, "Дуже широка панорама"), image(24, 2000, "Дуже висока смуга")]
    pages, act, draft, commission = hostile_pages(images)
    urls = {**pages, **hostile_council(act, draft, commission)}
    urls["home"] = "/"
    urls["search with facets"] = f"/search/?{urlencode({'q': 'реченні'})}"
    # The issuer facet lists the 255-character issuer; chosen, it stays on the page as the current one.
    urls["search by issuer"] = f"/search/?{urlencode({'q': 'реченні', 'issuer': act.issuer_id})}"
    urls["search for a long word"] = f"/search/?{urlencode({'q': LONG_WORD * 2, 'type': 'act'})}"
    urls["not found"] = f"/{LONG_WORD}/{LONG_URL[8:].split('?')[0]}/"
    urls["open data"] = "/opendata/"
    urls["sitemap page"] = "/karta-saitu/"
    return urls


def remove_hostile_content() -> None:
    """Everything ``build_hostile_content`` added, deleted (pages, records, files, images, issuer)."""
    Meeting.objects.filter(number=977).delete()
    Deputy.objects.filter(slug__startswith=SLUG).delete()
    for page in Page.objects.filter(slug__startswith=SLUG).order_by("-depth"):
        page.delete()
    m.Issuer.objects.filter(slug__startswith=SLUG).delete()
    CouncilDocument.objects.filter(title__startswith="Додаток").delete()
    get_image_model().objects.filter(title__startswith="Дуже ").delete()
    Tag.objects.filter(name__in=TAGS).delete()
