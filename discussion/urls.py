from django.urls import path

from . import views

app_name = "discussion"

urlpatterns = [
    path("<int:draft_id>/comment/", views.post_comment, name="post_comment"),
    path("attachment/<int:comment_id>/", views.public_attachment, name="attachment"),
]
