"""The Ukrainian catalogues agree: one translation per message, so every app shows the word it chose.

Django merges the catalogues of ``LOCALE_PATHS`` and of the installed apps into one, and where two give
the same message (with the same context) different words, only one is ever shown: ``LOCALE_PATHS``
first, then the app listed first in ``INSTALLED_APPS``. The others are silently shadowed, and a word
chosen for one app shows in another («голос» for the council's vote, «Назва» for a commenter's name).
A message that means different things in two apps carries a context (``pgettext``, ``{% translate
... context "..." %}``).
"""

from collections import defaultdict
from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = [
    ROOT / "locale/uk/LC_MESSAGES/django.po",
    *sorted(ROOT.glob("*/locale/uk/LC_MESSAGES/django.po")),
]


def entries():
    """(catalogue, context, message id, translation) of every translated message of ours."""
    for path in CATALOGUES:
        with path.open("rb") as file:
            catalogue = read_po(file)
        for message in catalogue:
            if not message.id:
                continue  # the header
            yield path.relative_to(ROOT).parts[0], message.context, message.id, message.string


def test_the_project_has_its_catalogues():
    apps = {path.relative_to(ROOT).parts[0] for path in CATALOGUES}
    assert {"locale", "cms", "pages", "registry", "search", "council", "discussion", "monitoring"} <= apps


def test_every_message_has_one_translation_across_the_catalogues():
    translations = defaultdict(dict)
    for app, context, message_id, string in entries():
        key = message_id if isinstance(message_id, str) else tuple(message_id)  # a plural: (one, many)
        translations[(context, key)][app] = string
    disagreements = {
        key: by_app for key, by_app in translations.items() if len({str(s) for s in by_app.values()}) > 1
    }
    assert disagreements == {}


def test_every_message_is_translated():
    untranslated = [
        (app, message_id)
        for app, _context, message_id, string in entries()
        if not (string if isinstance(string, str) else all(string))
    ]
    assert untranslated == []


def test_words_that_mean_different_things_in_two_apps_show_each_app_its_own():
    assert settings.LANGUAGE_CODE == "uk"
    with translation.override("uk"):
        assert translation.gettext("vote") == "голосування"  # the council's roll-call vote
        assert translation.pgettext("person", "name") == "ім'я"  # a commenter's name
        assert translation.gettext("name") == "назва"  # an issuer's, an organisation's
        assert translation.pgettext("act", "Type") == "Вид"  # of a legal act
        assert translation.gettext("Type") == "Тип"
        assert translation.pgettext("noun", "Search") == "Пошук"
        assert translation.pgettext("verb", "Search") == "Шукати"  # the button
        assert translation.pgettext("council", "Meeting") == "Засідання"  # the vote import's preview
        assert translation.gettext("Meeting") == "Зустріч"  # with an organisation, in the registry


def test_our_words_leave_wagtails_own_screens_their_meaning():
    """A message of ours without a context also translates Wagtail's and Django's same message."""
    with translation.override("uk"):
        assert translation.gettext("draft") == "чернетка"  # an unpublished page's status in the explorer
        assert translation.pgettext("draft decision", "draft") == "проєкт"
        assert translation.gettext("Name") == "Ім'я"  # the users list
        assert translation.pgettext("organisation", "Name") == "Назва"
        assert translation.gettext("Search") == "Пошук"  # the admin's search
        assert translation.gettext("Sort") == "Сортувати"  # the explorer's button
        assert translation.pgettext("noun", "Sort") == "Сортування"  # the search form's field
