"""What a person reads on an admin screen, and the English left in it.

The text is taken as a browser would show it without running scripts: text nodes (those inside
``<template>`` too, shown by dropdowns and dialogs), the attributes a person reads or a screen reader
speaks, the labels of buttons, and the menu labels the sidebar is built from (a JSON blob the admin's
script turns into the menu).
"""

import json
import re

from bs4 import BeautifulSoup, Comment, Doctype

from cms.audit import SYSTEM_USERNAME

#: Attributes whose values are read or spoken: tooltips, placeholders, labels, progress texts.
READ_ATTRIBUTES = (
    "title",
    "placeholder",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
    "alt",
    "data-w-progress-active-value",
    "data-w-tooltip-content-value",
    "data-focal-input-label",
)
BUTTON_INPUT_TYPES = {"submit", "button", "reset"}
#: Keys of the sidebar's JSON that a person reads.
SIDEBAR_TEXT_KEYS = {"label", "footer_text"}

#: Proper names and abbreviations that stay in Latin letters in Ukrainian too.
ALLOWED_WORDS = {
    "Wagtail",  # the name of the system, as in «Wagtail 8.0»
    "URL",
    "PDF",
    "CSV",
    "XLSX",
    "JSON",
    "HTML",
    "JavaScript",
    "AVIF",  # image formats, as the upload form lists them
    "GIF",
    "JPG",
    "JPEG",
    "PNG",
    "WEBP",
    "DOCX",  # file formats offered for download or upload
    "MD",
    "TSV",
    "ID",  # «ID» of a page, as Ukrainian editors say
    "Facebook",
    "YouTube",
    "Telegram",
    "Instagram",
    "Open",  # «Open Graph», the name of the standard the sharing image follows
    "Graph",
    "oEmbed",
    "RSS",
    "Atom",
    "e",  # «e-mail»
    "mail",
}

#: English that Wagtail 8.0 prints without gettext, so no translation can reach it. Each entry names
#: the template or view; remove an entry when an upgrade translates it (the test then still passes).
UPSTREAM_LITERALS = {
    "Search",  # wagtailadmin/shared/header.html, home.html: the screen-reader-only submit button
    "Actions",  # wagtailadmin/shared/headers/_actions.html: the aria-label of the header's buttons
    "True",  # wagtailusers/users/index: the screen-reader text of the «active» tick
    "False",
    "None",  # reports/aging_pages: the user column when nobody published the page
    "Port",  # wagtail/sites/views.py: columns declared without a label
    "Site name",
    "Root page",
    "Page",  # wagtailcore.WorkflowPage.page has no verbose_name: the workflow form's hidden label
    "Task type",  # wagtail/admin/forms/workflows.py: TaskChooserSearchForm's field has no label
    "Сортувати за «Port» за зростанням.",
}

#: Data, not interface: addresses, file names, dates and numbers may hold Latin letters.
_DATA_PATTERNS = (
    re.compile(r"\S+@\S+"),  # e-mail addresses
    re.compile(r"(?:https?:)?//\S+"),  # URLs
    re.compile(r"(?:/[\w.%-]+)+/?"),  # paths
    re.compile(r"[\w.-]+\.(?:pdf|png|jpe?g|gif|svg|webp|docx?|xlsx?|odt|ods|csv|txt|zip|json|rtf)\b", re.I),
    re.compile(r"[\w-]+/[\w.+-]+"),  # MIME types such as image/png
    re.compile(r"\b(?:localhost|testserver|[a-z0-9-]+(?:\.[a-z0-9-]+)+)\b"),  # host names
    re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:KB|MB|GB|px)\b"),
    re.compile(r"\b\d+x\d+\b"),  # image dimensions
    re.compile(r"\b(?:UTF-8|Windows-125\d)\b"),  # character encodings of an uploaded file
    re.compile(r"\b\d+-[IVXL]+\b"),  # numbers of Ukrainian laws: «№ 1160-IV» (the convocation in Roman)
    re.compile(rf"\b{re.escape(SYSTEM_USERNAME)}\b"),  # the import's user: a login name is data
    # Keys as printed on the keyboard, in the shortcuts dialog: «Ctrl + Shift + v».
    re.compile(r"\b(?:Ctrl|Alt|Shift|Cmd|Option|Esc|Enter)\b(?:\s*\+\s*(?:Ctrl|Alt|Shift|\S))*"),
)
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _json_texts(value):
    """The strings under the keys a person reads, anywhere in a parsed JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in SIDEBAR_TEXT_KEYS and isinstance(item, str):
                yield item
            else:
                yield from _json_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_texts(item)


def visible_texts(html: str) -> list[str]:
    """Every piece of text a person reads or hears on the page, in document order."""
    soup = BeautifulSoup(html, "lxml")
    texts = []
    for script in soup.find_all("script"):
        if script.get("id") == "wagtail-sidebar-props":
            texts.extend(_json_texts(json.loads(script.string)))
        script.decompose()
    # Styles are no text; an iframe's content is a fallback no browser shows; a textarea holds data.
    for element in soup.find_all(["style", "iframe", "textarea"]):
        element.decompose()
    for node in soup.find_all(string=True):
        if isinstance(node, (Comment, Doctype)):
            continue
        text = " ".join(node.split())
        if text:
            texts.append(text)
    for element in soup.find_all(True):
        for attribute in READ_ATTRIBUTES:
            value = element.get(attribute)
            if isinstance(value, str) and value.strip():
                texts.append(" ".join(value.split()))
        if element.name == "input" and element.get("type") in BUTTON_INPUT_TYPES and element.get("value"):
            texts.append(element["value"])
    return texts


def english_words(text: str) -> list[str]:
    """Latin-letter words of ``text`` that are neither data (addresses, files) nor allowed names."""
    for pattern in _DATA_PATTERNS:
        text = pattern.sub(" ", text)
    return [word for word in _LATIN_WORD.findall(text) if word not in ALLOWED_WORDS]


def untranslated(texts) -> list[str]:
    """The pieces of text that hold an English word, each once, in order."""
    found = []
    for text in texts:
        if english_words(text) and text not in found:
            found.append(text)
    return found
