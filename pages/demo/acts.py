"""The demo's acts: council decisions with relations, executive decisions, the mayor's orders, drafts
(adopted, open for discussion, closed) and session protocols. The decisions' roll-call votes are
council records, added by the council's demo."""

import datetime

from pages import models as m

from .base import Demo, content


def ensure_act(
    demo: Demo,
    index,
    *,
    act_type,
    number,
    title,
    issuer,
    day,
    status=m.ActStatus.IN_FORCE,
    relations=(),
    **fields,
):
    """The act under ``index`` with the slug its requisites give, or a new one with its signed scan."""
    year = (fields.get("adopted_on") or day).year
    slug = m.acts.act_slug(act_type=act_type, number=number, year=year)
    existing = index.get_children().filter(slug=slug).specific().first()
    if existing:
        return existing
    pdf = demo.ensure_pdf(
        title=f"{m.ActType(act_type).label} № {number}: {title}",
        paragraphs=[
            f"{issuer.name}. {title}.",
            "Відповідно до статей 26, 42, 59 Закону України «Про місцеве самоврядування в Україні», "
            "враховуючи пропозиції постійних комісій, рада вирішила затвердити вищезазначене.",
            f"Контроль за виконанням покласти на профільну постійну комісію. Ніжин, {year}.",
        ],
    )
    subject = title[4:] if title.startswith("Про ") else title
    page = m.ActPage(
        title=title,
        slug=slug,
        act_type=act_type,
        number=number,
        issuer=issuer,
        date=day,
        status=status,
        summary=f"{m.ActType(act_type).label} «{title}».",
        body=f"<p>{issuer.name} вирішила:</p><ol><li>Затвердити рішення щодо: {subject}.</li>"
        "<li>Оприлюднити це рішення на офіційному сайті міської ради.</li>"
        "<li>Контроль за виконанням рішення покласти на постійну комісію.</li></ol>",
        attachments=[("attachment", {"document": pdf, "title": "", "kind": "scan"})],
        relations=[m.ActRelation(kind=kind, target=target) for kind, target in relations],
        **fields,
    )
    return demo.ensure_page(index, page)


def ensure_acts(demo: Demo, index, issuers) -> dict:
    """Every kind of act under ``index``; returns the lists the news and commissions link to."""
    subjects = content("acts")["subjects"]
    rada, vykonkom, holova = issuers["miska-rada"], issuers["vykonkom"], issuers["miskyi-holova"]
    acts = {"council": [], "executive": [], "orders": [], "drafts": []}
    start = datetime.date(2018, 1, 15)
    # Later decisions amend or repeal earlier ones; the relation is shown on both acts.
    statuses = {1: m.ActStatus.AMENDED, 2: m.ActStatus.AMENDED, 3: m.ActStatus.LOST_FORCE}
    relations = {
        6: [(m.RelationKind.AMENDS, 1)],
        9: [(m.RelationKind.AMENDS, 2)],
        12: [(m.RelationKind.REPEALS, 3)],
        13: [(m.RelationKind.AMENDS, 1)],
    }
    council = acts["council"]
    for i in range(14):
        day = start + datetime.timedelta(days=i * 47)
        session = 40 + i // 2
        council.append(
            ensure_act(
                demo,
                index,
                act_type=m.ActType.COUNCIL_DECISION,
                number=f"{i + 1}-{session}/{day.year}",
                title=subjects[i % len(subjects)].format(year=day.year + 1, next=day.year + 3),
                issuer=rada,
                day=day + datetime.timedelta(days=2),
                adopted_on=day,
                convocation=7,
                session=f"{session} сесія",
                effective_from=day + datetime.timedelta(days=10),
                status=statuses.get(i, m.ActStatus.IN_FORCE),
                relations=[(kind, council[target]) for kind, target in relations.get(i, [])],
            )
        )
    for i in range(9):
        day = start + datetime.timedelta(days=20 + i * 61)
        acts["executive"].append(
            ensure_act(
                demo,
                index,
                act_type=m.ActType.EXECUTIVE_DECISION,
                number=str(100 + i * 37),
                title=subjects[(i + 5) % len(subjects)].format(year=day.year, next=day.year + 2),
                issuer=vykonkom,
                day=day + datetime.timedelta(days=1),
                adopted_on=day,
                session=f"засідання № {i + 10}",
            )
        )
    for i in range(6):
        day = start + datetime.timedelta(days=35 + i * 83)
        acts["orders"].append(
            ensure_act(
                demo,
                index,
                act_type=m.ActType.MAYOR_ORDER,
                number=f"{40 + i * 11}-р",
                title=subjects[(i + 11) % len(subjects)].format(year=day.year, next=day.year + 1),
                issuer=holova,
                day=day,
                adopted_on=day,
            )
        )
    acts["drafts"] = ensure_drafts(demo, index, rada, council)
    for i in range(2):
        day = datetime.date(2018, 6 + i * 4, 12)
        ensure_act(
            demo,
            index,
            act_type=m.ActType.PROTOCOL,
            number=str(45 + i),
            title=f"Протокол {45 + i} сесії міської ради",
            issuer=rada,
            day=day,
            adopted_on=day,
            convocation=7,
            session=f"{45 + i} сесія",
        )
    return acts


def ensure_drafts(demo: Demo, index, rada, council) -> list:
    """Drafts of the first council decisions (adopted as them), two open for discussion whenever the
    demo is loaded, and a closed regulatory draft; returns all but the closed one."""
    drafts = []
    for decision in council[:4]:
        day = decision.adopted_on - datetime.timedelta(days=30)
        drafts.append(
            ensure_act(
                demo,
                index,
                act_type=m.ActType.DRAFT_DECISION,
                number=f"ПР-{decision.number.split('-')[0]}/{day.year}",
                title=decision.title,
                issuer=rada,
                day=day,
                status=m.ActStatus.DRAFT,
                planned_consideration_on=decision.adopted_on,
                discussion_until=day + datetime.timedelta(days=20),
                adopted_as=decision,
            )
        )
    for i, subject in enumerate(content("acts")["open_drafts"]):
        drafts.append(
            ensure_act(
                demo,
                index,
                act_type=m.ActType.REGULATORY_DRAFT if i else m.ActType.DRAFT_DECISION,
                number=f"ПР-{90 + i}/{demo.today.year}",
                title=subject,
                issuer=rada,
                day=demo.today - datetime.timedelta(days=5),
                status=m.ActStatus.DRAFT,
                planned_consideration_on=demo.today + datetime.timedelta(days=40),
                discussion_until=demo.today + datetime.timedelta(days=25),
            )
        )
    ensure_act(
        demo,
        index,
        act_type=m.ActType.REGULATORY_DRAFT,
        number="ПР-12/2019",
        title="Про встановлення туристичного збору",
        issuer=rada,
        day=datetime.date(2019, 2, 1),
        status=m.ActStatus.DRAFT,
        discussion_until=datetime.date(2019, 3, 1),
        planned_consideration_on=datetime.date(2019, 3, 20),
    )
    return drafts
