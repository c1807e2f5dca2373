"""Briefs: public pages, PDF and Atom feed of what is published."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from prevnet.core import access
from prevnet.knowledge.markdown import render as render_markdown
from prevnet.knowledge.models import Brief
from prevnet.knowledge.pdf import pdf_response
from prevnet.knowledge.vocabulary import Status


def _briefs(request):
    qs = Brief.objects.select_related("series").prefetch_related("topics")
    return access.visible(request.user, "knowledge.view_brief", qs)


def brief_list(request):
    access.require(request, "knowledge.view_brief")
    briefs = _briefs(request).order_by("series__name_en", "-published_at", "title_en")
    return render(request, "knowledge/brief_list.html", {"briefs": briefs})


def _brief_context(request, slug):
    brief = get_object_or_404(Brief.objects.select_related("series"), slug=slug)
    access.require(request, "knowledge.view_brief", brief)
    programs = access.visible(request.user, "knowledge.view_program", brief.programs.all())
    return {
        "brief": brief,
        "body": render_markdown(brief.body),
        "programs": programs,
        "topics": brief.topics.all(),
        "can_edit": access.can(request.user, "knowledge.change_brief", brief),
    }


def brief_detail(request, slug: str):
    return render(request, "knowledge/brief_detail.html", _brief_context(request, slug))


def brief_pdf(request, slug: str):
    context = _brief_context(request, slug)
    return pdf_response(request, "knowledge/brief_pdf.html", context, context["brief"].title)


class BriefFeed(Feed):
    """New published briefs, newest first, in the language of the URL."""

    feed_type = Atom1Feed
    title = _("prevnet briefs")
    subtitle = _("New briefs of the knowledge base on municipal crime prevention")

    def link(self):
        return reverse("knowledge:brief_list")

    def items(self):
        published = Brief.objects.filter(status=Status.PUBLISHED, published_at__isnull=False)
        return published.order_by("-published_at")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return Truncator(render_markdown(item.body)).words(60, html=True)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
