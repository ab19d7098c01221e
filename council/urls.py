from django.urls import path

from . import views

app_name = "council"

urlpatterns = [
    path("", views.deputy_list, name="deputy_list"),
    path("<slug:slug>/", views.deputy_detail, name="deputy_detail"),
]
