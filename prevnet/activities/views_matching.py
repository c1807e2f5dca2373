"""Peer matching pages: a municipality's best peers, its learning profile, the weights."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prevnet.activities import matching, services
from prevnet.activities.forms import LearningProfileForm, WeightsForm
from prevnet.activities.models import (
    Activity,
    ActivityType,
    Exchange,
    LearningProfile,
    MatchingWeights,
)
from prevnet.core import access
from prevnet.network.models import Municipality


def matches(request, pk: int):
    access.require(request, "activities.view_matches")
    municipality = get_object_or_404(Municipality.objects.select_related("province"), pk=pk)
    profile = LearningProfile.objects.filter(municipality=municipality).first()
    context = {
        "municipality": municipality,
        "matches": matching.matches_for(municipality.pk),
        "profile": profile,
        "topics": profile.topics.all() if profile else [],
        "can_edit_profile": access.can(
            request.user, "activities.change_learningprofile", municipality
        ),
        "can_propose": access.can(request.user, "activities.propose_exchange"),
        "can_tune": access.can(request.user, "activities.change_matchingweights"),
    }
    return render(request, "activities/matches.html", context)


def learning_profile(request, pk: int):
    municipality = get_object_or_404(Municipality, pk=pk)
    access.require(request, "activities.change_learningprofile", municipality)
    profile = LearningProfile.objects.filter(municipality=municipality).first()
    form = LearningProfileForm(
        request.POST or None, instance=profile or LearningProfile(municipality=municipality)
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            obj = form.save(commit=False)
            services.save_with_history(obj, request.user)
            form.save_m2m()
        messages.success(request, _("Learning profile saved."))
        return redirect("activities:matches", municipality.pk)
    heading = _("What %(name)s wants to learn") % {"name": municipality.name}
    context = {"form": form, "heading": heading, "cancel_url": municipality.get_absolute_url()}
    return render(request, "activities/form_page.html", context)


def weights(request):
    access.require(request, "activities.change_matchingweights")
    form = WeightsForm(request.POST or None, instance=MatchingWeights.current())
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        services.save_with_history(obj, request.user)
        messages.success(request, _("Weights saved."))
        return redirect("activities:weights")
    heading = _("Weights of peer matching")
    context = {"form": form, "heading": heading, "cancel_url": "/"}
    return render(request, "activities/form_page.html", context)


@require_POST
def propose_exchange(request, pk: int, host: int):
    """One click from a match: a proposed exchange, its learning goals drawn from the reasons."""
    access.require(request, "activities.propose_exchange")
    visiting = get_object_or_404(Municipality.objects.select_related("province"), pk=pk)
    host_m = get_object_or_404(Municipality.objects.select_related("province"), pk=host)
    if visiting.pk == host_m.pk:
        messages.error(request, _("A municipality cannot host its own visit."))
        return redirect("activities:matches", visiting.pk)
    places = matching.load_network()
    found = matching.rank(
        places[visiting.pk],
        [places[host_m.pk]],
        interests=matching.interests_of(visiting.pk),
        limit=1,
    )
    goals = "\n".join(f"- {r}" for r in (found[0].reasons if found else []))
    with transaction.atomic():
        activity = Activity(
            type=ActivityType.EXCHANGE,
            title=_("%(visiting)s learns from %(host)s")
            % {"visiting": visiting.name, "host": host_m.name},
            starts_on=timezone.localdate() + dt.timedelta(days=60),
            place=host_m,
            region=host_m.province.region,
            published=False,
        )
        services.save_with_history(activity, request.user)
        exchange = Exchange(activity=activity, visiting=visiting, host=host_m, learning_goals=goals)
        services.save_with_history(exchange, request.user)
    messages.success(request, _("Exchange proposed; set its dates and delegation."))
    return redirect("activities:exchange_edit", activity.pk)


def matching_home(request):
    """Choose a municipality; a coordinator starts from their own."""
    access.require(request, "activities.view_matches")
    chosen = request.GET.get("municipality", "")
    if chosen.isdigit() and Municipality.objects.filter(pk=int(chosen)).exists():
        return redirect("activities:matches", int(chosen))
    own = sorted(access.coordinated_ids(request.user))
    context = {
        "municipalities": Municipality.objects.order_by("name").only("id", "name"),
        "selected": own[0] if own else None,
    }
    return render(request, "activities/matching_home.html", context)
