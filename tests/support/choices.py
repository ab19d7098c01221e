"""A member added to a Django choices class for the duration of one test.

The promise of ``pages.models.kinds`` (issue 12) is that a kind added there works in every report,
import, export and facet without being spelled anywhere else. The honest test of that promise adds
a kind, but Python enums are closed: neither ``enum`` nor Django offers a public way to add a member.
:func:`added_choice` therefore writes the internals CPython's ``enum`` keeps (``_member_names_``,
``_member_map_``, ``_value2member_map_``, the member's ``_name_``/``_value_``/``_sort_order_``) and
the ``_label_`` Django's ``ChoicesType`` gives each member, and takes them all back afterwards.

TEST-ONLY: the site never imports this. ``tests/support/test_choices.py`` fails if a Python or Django
upgrade changes these internals, so a broken helper cannot make the kind tests pass vacuously.
"""

from contextlib import contextmanager


@contextmanager
def added_choice(choices, *, name: str, value, label):
    """Within the ``with`` block, ``choices`` has one more member ``name = value, label``; yields it.

    The member has no per-kind data of its own, which is the case the callers want to prove.
    """
    if name in choices._member_map_ or value in choices._value2member_map_:
        raise ValueError(f"{choices.__name__} already has a member {name!r} or a value {value!r}")
    member = choices._new_member_(choices, value)
    member._name_, member._value_, member._label_ = name, value, label
    member.__objclass__ = choices
    member._sort_order_ = len(choices._member_names_)
    choices._member_names_.append(name)
    choices._member_map_[name] = member
    choices._value2member_map_[value] = member
    # EnumType.__setattr__ refuses to bind a member name; type's own does what the class body would.
    type.__setattr__(choices, name, member)
    try:
        yield member
    finally:
        type.__delattr__(choices, name)
        del choices._value2member_map_[value]
        del choices._member_map_[name]
        choices._member_names_.remove(name)
