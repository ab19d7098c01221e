"""An act's label is spelled in one place."""

from pages import models as m
from pages.templatetags.pages_tags import act_label


def test_act_label_is_type_number_and_title_in_quotes(db):
    act = m.ActPage(act_type=m.ActType.COUNCIL_DECISION, number="4-49/2018", title="Про бюджет <2019>")
    assert act_label(act) == (f"{m.ActType.COUNCIL_DECISION.label} № 4-49/2018 «Про бюджет &lt;2019&gt;»")


def test_act_label_without_a_number_has_no_number_sign(db):
    act = m.ActPage(act_type=m.ActType.DRAFT_DECISION, number="", title="Про бюджет")
    assert act_label(act) == f"{m.ActType.DRAFT_DECISION.label} «Про бюджет»"
