"""Admin round trips for the roles tests: the page editor's own form, read from its HTML."""

from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield


def edit_form_data(client, page, **changes):
    """The edit form of ``page`` as the admin renders it for ``client``'s user, with ``changes`` applied."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # StreamFields are drawn by the admin's JavaScript; the tests' pages have them empty.
    for field in page.specific._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            data.update(nested_form_data({field.name: streamfield([])}))
    for name, value in changes.items():
        data[name] = value
    return data


def post_edit(client, page, *, action=None, **changes):
    """POST the edit form of ``page`` (``action``: «publish», «submit»… or None to save a draft)."""
    data = edit_form_data(client, page, **changes)
    if action:
        data[f"action-{action}"] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
