"""Pages of the platform itself: home, account, API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prevnet.core import access
from prevnet.core.forms import ApiTokenForm
from prevnet.core.models import ApiToken


def home(request):
    from prevnet.network.services import network_figures

    return render(request, "core/home.html", {"figures": network_figures()})


def account(request):
    access.require(request, "api.manage_own_tokens")
    tokens = ApiToken.objects.filter(user=request.user, revoked_at__isnull=True)
    form = ApiTokenForm(request.POST or None)
    new_secret = None
    if request.method == "POST" and form.is_valid():
        _token, new_secret = ApiToken.issue(request.user, form.cleaned_data["name"])
        messages.success(request, _("Token created. Copy it now: it will not be shown again."))
        form = ApiTokenForm()
    return render(
        request,
        "core/account.html",
        {"tokens": tokens, "form": form, "new_secret": new_secret},
    )


@require_POST
def revoke_token(request, pk: int):
    access.require(request, "api.manage_own_tokens")
    token = get_object_or_404(ApiToken, pk=pk, user=request.user, revoked_at__isnull=True)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    messages.success(request, _("Token revoked."))
    return redirect("core:account")
