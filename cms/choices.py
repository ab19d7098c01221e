"""``get_FOO_display`` without hashing every choice's label on each call.

Django's ``get_FOO_display`` builds ``dict(make_hashable(field.flatchoices))`` on every call, and
hashing a lazy label translates it: for a field of 15 choices that is 15 translations per call.
A listing card shows two or three such labels, a roll-call table one per deputy: a fifth of the
home page's template time. :func:`fast_choice_displays` gives a model's choice fields a
``get_FOO_display`` that looks the value up in ``dict(field.flatchoices)`` (keys are the plain
values, labels stay lazy until shown), with Django's result: the label in the active language, or
the value itself when it is not a choice.
"""

from django.utils.encoding import force_str


def _display(field):
    # A list of choices is fixed when the model loads: its dict is built once. A callable's is read
    # at each call (``ActType.current_choices``: a kind added later is shown at once).
    fixed = dict(field.flatchoices) if isinstance(field.choices, list | tuple) else None

    def get_display(self):
        value = getattr(self, field.attname)
        try:
            label = (fixed if fixed is not None else dict(field.flatchoices)).get(value, value)
        except TypeError:  # an unhashable value is never a choice
            label = value
        return force_str(label, strings_only=True)

    get_display.__name__ = f"get_{field.name}_display"
    get_display.__doc__ = f"The label of ``{field.name}``'s value (``cms.choices``)."
    return get_display


def fast_choice_displays(model):
    """Class decorator: ``get_FOO_display`` of every field of ``model`` with choices, made cheap."""
    for field in model._meta.fields:
        if field.choices is not None:
            setattr(model, f"get_{field.name}_display", _display(field))
    return model
