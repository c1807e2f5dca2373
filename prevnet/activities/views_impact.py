"""Staff send the activity-impact questionnaire to an activity's attendees (one button)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prevnet.activities import impact
from prevnet.activities.models import Activity
from prevnet.core import access


@require_POST
def send_impact(request, pk: int):
    activity = get_object_or_404(Activity, pk=pk)
    access.require(request, "activities.send_impact_questionnaire", activity)
    try:
        campaign, queued = impact.send_impact_questionnaire(
            activity, request.build_absolute_uri("/")
        )
    except impact.ImpactError as error:
        messages.error(request, str(error))
        return redirect("activities:activity_detail", pk=activity.pk)
    messages.success(
        request,
        _("Activity-impact questionnaire sent: %(count)s new e-mail(s) queued.")
        % {"count": queued},
    )
    return redirect(campaign.get_absolute_url())
