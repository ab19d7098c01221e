"""``manage.py update_index`` rebuilds the index from the database (after a migration, or a lost index)."""

from django.core.management import call_command


def test_update_index_puts_back_a_page_the_index_lost(search, search_backend, make_act):
    act = make_act(title="Про сквер на вулиці Гоголя")
    search_backend.delete(act)
    assert search("сквер").context["total"] == 0
    call_command("update_index", backend_name="default", verbosity=0)
    assert [r["page"].pk for r in search("сквер").context["results"]] == [act.pk]
