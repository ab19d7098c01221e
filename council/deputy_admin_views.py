"""The deputy's create and edit views: saving a deputy recounts the votes his or her memberships affect."""

from wagtail.admin.views import generic

from .recounting import membership_terms, recount_after_membership_change


class RecountsVotes:
    """After the deputy and memberships are saved (in the view's transaction), recount the votes."""

    def save_instance(self):
        before = membership_terms(self.form.instance)
        instance = super().save_instance()
        recount_after_membership_change(deputy=instance, before=before)
        return instance


class DeputyCreateView(RecountsVotes, generic.CreateView):
    pass


class DeputyEditView(RecountsVotes, generic.EditView):
    pass
