"""Citizen search: the /search/ page with facets and the search box's suggestions."""

from django.http import JsonResponse
from django.shortcuts import render

from .results import search_page
from .suggestions import suggestions_for


def search_view(request):
    """GET /search/?q=…&type=…&act_type=…&issuer=…&year=…&month=YYYY-MM&commission=…&sort=…&page=…"""
    return render(request, "search/search.html", search_page(request.GET))


def suggest_view(request):
    """GET /search/suggest/?q=… → {"suggestions": [{"title", "url"}, …]} for the search box."""
    return JsonResponse({"suggestions": suggestions_for(request.GET.get("q", ""))})
