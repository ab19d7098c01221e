from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.opendata_index, name="index"),
    path("index.json", views.opendata_index_json, name="index_json"),
    path("schemas/<slug:name>.schema.json", views.opendata_schema, name="schema"),
    path("<slug:name>.<str:fmt>", views.opendata_export, name="export"),
]
