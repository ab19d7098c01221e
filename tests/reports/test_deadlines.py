import datetime

import pytest
from wagtail import hooks

from reports import legal_rules
from reports.deadlines import (
    DUE_SOON,
    MET,
    PENDING,
    VIOLATED,
    WorkingCalendar,
    add_months,
    check_item,
    deadline_rules,
    rule_for,
)
from reports.roll_calls import HOOK, VotePublication, vote_publications

D = datetime.date


@pytest.fixture
def cal():
    return WorkingCalendar()


def test_weekend_is_not_a_working_day(cal):
    assert not cal.is_working_day(D(2018, 11, 10)) and not cal.is_working_day(D(2018, 11, 11))
    assert cal.is_working_day(D(2018, 11, 12))


def test_public_holidays_before_the_war_are_days_off(cal):
    assert not cal.is_working_day(D(2019, 1, 1))  # New Year
    assert not cal.is_working_day(D(2019, 1, 7))  # Christmas (Julian)
    assert not cal.is_working_day(D(2021, 6, 28))  # Constitution Day, a Monday


def test_holiday_on_a_weekend_moves_the_day_off_to_monday_before_the_war(cal):
    assert not cal.is_working_day(D(2020, 3, 9))  # 8 March 2020 was a Sunday


def test_cabinet_transfers_make_a_saturday_a_working_day(cal):
    # 2018: 31 December a day off, worked on Saturday 29 December.
    assert cal.is_working_day(D(2018, 12, 29))
    assert not cal.is_working_day(D(2018, 12, 31))


def test_five_working_days_across_new_year(cal):
    # 27.12.2018 +5: 28 Dec, Sat 29 Dec (worked), [31 Dec, 1 Jan off], 2, 3, 4 Jan.
    assert cal.shift(D(2018, 12, 27), 5) == D(2019, 1, 4)


def test_five_working_days_from_a_friday_skip_the_weekend(cal):
    assert cal.shift(D(2018, 11, 9), 5) == D(2018, 11, 16)


def test_zero_working_days_is_the_same_day(cal):
    assert cal.shift(D(2018, 11, 10), 0) == D(2018, 11, 10)


def test_counting_back_skips_weekends_and_holidays(cal):
    # 10 working days before Monday 12.10.2020: 9, 8, 7, 6, 5, 2, 1 Oct, 30, 29, 28 Sep.
    assert cal.shift(D(2020, 10, 12), -10) == D(2020, 9, 28)
    assert cal.count_between(D(2020, 9, 28), D(2020, 10, 12)) == 10


def test_public_holidays_are_working_days_under_martial_law(cal):
    assert cal.is_working_day(D(2023, 6, 28))  # Constitution Day, a Wednesday
    assert cal.is_working_day(D(2024, 1, 1))  # New Year, a Monday
    assert cal.is_working_day(D(2022, 3, 8))  # Women's Day, after 24 February 2022
    assert not cal.is_working_day(D(2023, 7, 1))  # a Saturday stays a day off


def test_a_holiday_on_a_sunday_gives_no_monday_off_under_martial_law(cal):
    assert cal.is_working_day(D(2023, 1, 2))  # New Year 2023 fell on a Sunday


def test_last_holiday_before_martial_law_is_a_day_off(cal):
    assert not cal.is_working_day(D(2022, 1, 7))


def test_holidays_library_keeps_8_march_2022_which_the_configured_calendar_does_not():
    import holidays

    assert D(2022, 3, 8) in holidays.Ukraine(years=2022)
    assert not WorkingCalendar({**legal_rules.CALENDAR, "martial_law_from": D(2022, 3, 15)}).is_working_day(
        D(2022, 3, 8)
    )


def test_calendar_is_configurable_from_settings(settings):
    settings.REPORTS_CALENDAR = {"martial_law_until": D(2024, 12, 31), "extra_days_off": ["2025-05-05"]}
    cal = WorkingCalendar()
    assert not cal.is_working_day(D(2025, 1, 1))  # holidays return once martial law ends
    assert not cal.is_working_day(D(2025, 5, 5))
    assert cal.is_working_day(D(2024, 1, 1))


def test_the_20_day_rule_applies_to_considerations_before_law_890_ix():
    rule = rule_for("draft_before_consideration", D(2020, 10, 9))
    assert rule.amount == 20 and "890-IX" in rule.source


def test_the_10_day_rule_applies_from_10_october_2020():
    assert rule_for("draft_before_consideration", D(2020, 10, 10)).amount == 10
    assert rule_for("draft_before_consideration", D(2023, 5, 1)).amount == 10


def by_code(item, *, today):
    return {check.rule.code: check for check in check_item(item, today=today)}


def draft(**fields):
    return {"act_type": "draft_decision", "live": True, **fields}


def test_draft_considered_before_the_change_needs_20_working_days():
    [check] = check_item(
        draft(planned_consideration_on=D(2020, 10, 9), date=D(2020, 9, 14)), today=D(2021, 1, 1)
    )
    assert check.due == D(2020, 9, 11) and check.status == VIOLATED


def test_draft_considered_after_the_change_needs_10_working_days():
    [check] = check_item(
        draft(planned_consideration_on=D(2020, 10, 12), date=D(2020, 9, 28)), today=D(2021, 1, 1)
    )
    assert check.due == D(2020, 9, 28) and check.status == MET


def test_unpublished_draft_close_to_its_deadline_is_due_soon():
    # Consideration on Friday 24.11.2023 (martial law): due 10 working days before, Friday 10.11.2023.
    [check] = check_item(
        draft(planned_consideration_on=D(2023, 11, 24), date=D(2023, 11, 1), live=False), today=D(2023, 11, 7)
    )
    assert check.due == D(2023, 11, 10) and check.status == DUE_SOON and check.working_days_left == 3


def test_unpublished_draft_far_from_its_deadline_is_pending():
    [check] = check_item(
        draft(planned_consideration_on=D(2023, 12, 22), live=False, date=None), today=D(2023, 11, 7)
    )
    assert check.status == PENDING


def test_unpublished_draft_past_its_deadline_is_violated():
    [check] = check_item(
        draft(planned_consideration_on=D(2023, 11, 24), live=False, date=None), today=D(2023, 11, 13)
    )
    assert check.status == VIOLATED


def adopted(**fields):
    return {"act_type": "executive_decision", "live": True, **fields}


def test_adopted_act_published_on_the_fifth_working_day_is_on_time():
    [check] = check_item(adopted(adopted_on=D(2018, 11, 9), date=D(2018, 11, 16)), today=D(2019, 1, 1))
    assert check.status == MET


def test_adopted_act_published_on_the_sixth_working_day_is_late():
    [check] = check_item(adopted(adopted_on=D(2018, 11, 9), date=D(2018, 11, 19)), today=D(2019, 1, 1))
    assert check.status == VIOLATED and check.due == D(2018, 11, 16)


def council(**fields):
    return {"act_type": "council_decision", "live": True, "adopted_on": D(2018, 11, 6), **fields}


def test_roll_call_results_published_on_the_day_of_the_vote_are_on_time():
    votes = [VotePublication(D(2018, 11, 6), D(2018, 11, 6))]
    checks = by_code(council(date=D(2018, 11, 8), votes=votes), today=D(2019, 1, 1))
    assert checks["roll_call_published"].status == MET and checks["adopted_act_published"].status == MET


def test_roll_call_results_published_the_next_day_are_late():
    votes = [VotePublication(D(2018, 11, 6), D(2018, 11, 7))]
    checks = by_code(council(date=D(2018, 11, 6), votes=votes), today=D(2019, 1, 1))
    assert checks["roll_call_published"].status == VIOLATED
    assert checks["roll_call_published"].due == D(2018, 11, 6)
    assert checks["adopted_act_published"].status == MET


def test_one_late_vote_of_several_makes_the_decision_late():
    votes = [
        VotePublication(D(2018, 11, 6), D(2018, 11, 6)),
        VotePublication(D(2018, 11, 6), D(2018, 11, 9)),
        VotePublication(D(2018, 11, 6), D(2018, 11, 6)),
    ]
    check = by_code(council(date=D(2018, 11, 6), votes=votes), today=D(2019, 1, 1))["roll_call_published"]
    assert check.status == VIOLATED and check.measured == D(2018, 11, 9)


def test_each_vote_is_due_on_its_own_day():
    # A decision adopted on the 6th after a vote as a basis on the 5th published on the 6th: late.
    votes = [VotePublication(D(2018, 11, 5), D(2018, 11, 6)), VotePublication(D(2018, 11, 6), D(2018, 11, 6))]
    check = by_code(council(votes=votes), today=D(2019, 1, 1))["roll_call_published"]
    assert check.status == VIOLATED and check.due == D(2018, 11, 5)


def test_an_unpublished_vote_is_late_after_its_day_and_due_on_it():
    votes = [VotePublication(D(2018, 11, 6), None)]
    assert by_code(council(votes=votes), today=D(2018, 11, 7))["roll_call_published"].status == VIOLATED
    assert by_code(council(votes=votes), today=D(2018, 11, 6))["roll_call_published"].status == DUE_SOON


def test_council_decision_without_roll_call_results_violates_art_59():
    checks = by_code(council(date=D(2018, 11, 6), votes=[]), today=D(2019, 1, 1))
    assert checks["roll_call_published"].status == VIOLATED
    assert checks["roll_call_published"].due == D(2018, 11, 6)


def test_roll_calls_are_not_judged_where_no_app_records_votes():
    checks = by_code(council(date=D(2018, 11, 6)), today=D(2019, 1, 1))
    assert "roll_call_published" not in checks and checks["adopted_act_published"].status == MET


def test_roll_call_rule_does_not_judge_decisions_adopted_before_it_was_in_force():
    checks = by_code(council(adopted_on=D(2016, 2, 22), date=D(2016, 2, 24), votes=[]), today=D(2017, 1, 1))
    assert "roll_call_published" not in checks and checks["adopted_act_published"].status == MET


def regulatory(**fields):
    return {"act_type": "regulatory_draft", "live": True, **fields}


def test_regulatory_draft_open_for_a_full_month_meets_art_13():
    checks = by_code(regulatory(date=D(2018, 1, 31), discussion_until=D(2018, 2, 28)), today=D(2018, 3, 1))
    assert checks["regulatory_comment_period"].status == MET


def test_regulatory_draft_open_for_less_than_a_month_violates_art_13():
    checks = by_code(regulatory(date=D(2018, 3, 15), discussion_until=D(2018, 4, 14)), today=D(2018, 3, 16))
    assert checks["regulatory_comment_period"].status == VIOLATED
    assert checks["regulatory_comment_period"].due == D(2018, 4, 15)


def test_add_months_clamps_to_the_end_of_a_short_month():
    assert add_months(D(2020, 1, 31), 1) == D(2020, 2, 29)
    assert add_months(D(2020, 12, 15), 1) == D(2021, 1, 15)


def test_every_rule_names_its_legal_source():
    for rule in deadline_rules():
        assert "Закон" in rule.source and "ст." in rule.source


def test_rules_can_be_replaced_from_settings(settings):
    settings.REPORTS_DEADLINE_RULES = [
        legal_rules.DeadlineRule(
            code="adopted_act_published",
            title="test",
            source="Закон, ст. 1",
            act_types=("mayor_order",),
            anchor="adopted_on",
            measured="date",
            kind=legal_rules.PUBLISH_WITHIN,
            amount=1,
        )
    ]
    [check] = check_item(
        {"act_type": "mayor_order", "live": True, "adopted_on": D(2018, 11, 9), "date": D(2018, 11, 13)},
        today=D(2019, 1, 1),
    )
    assert check.due == D(2018, 11, 12) and check.status == VIOLATED


@pytest.mark.django_db
def test_vote_publications_gather_what_every_registered_app_gives():
    def other_app(act_ids):
        return {act_id: [VotePublication(D(2020, 1, 1), None)] for act_id in act_ids}

    with hooks.register_temporarily(HOOK, other_app):
        assert vote_publications([7]) == {7: [VotePublication(D(2020, 1, 1), None)]}
