"""Each person once: the sign-in sheet import, likely duplicates, and merging two people."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from prevnet.activities import merge, signin
from prevnet.activities.forms import MappingForm, SignInUploadForm
from prevnet.activities.models import Activity
from prevnet.core import access
from prevnet.network.models import Person

SESSION_KEY = "activities_signin"


def signin_upload(request, pk: int):
    activity = get_object_or_404(Activity, pk=pk)
    access.require(request, "activities.import_signin", activity)
    form = SignInUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            header, rows = signin.read_sheet(upload.name, upload.read())
        except signin.SheetError as exc:
            form.add_error("file", str(exc))
        else:
            request.session[SESSION_KEY] = {
                "activity": activity.pk,
                "name": upload.name[:200],
                "header": header,
                "rows": rows,
            }
            return redirect("activities:signin_review", activity.pk)
    return render(request, "activities/signin_upload.html", {"activity": activity, "form": form})


def signin_review(request, pk: int):
    activity = get_object_or_404(Activity, pk=pk)
    access.require(request, "activities.import_signin", activity)
    sheet = request.session.get(SESSION_KEY)
    if not sheet or sheet.get("activity") != activity.pk:
        messages.error(request, _("Upload the sign-in sheet first."))
        return redirect("activities:signin_upload", activity.pk)
    header, rows = sheet["header"], sheet["rows"]
    if request.method == "POST":
        form = MappingForm(request.POST, header=header)
    else:
        form = MappingForm(initial=signin.guess_mapping(header), header=header)
    lines = None
    if request.method == "POST" and form.is_valid():
        mapping = {k: form.cleaned_data.get(k) for k in signin.FIELDS}
        lines = signin.review(rows, mapping)
        if "save" in request.POST:
            try:
                counts = signin.save(activity, lines, request.user)
            except ValueError as exc:
                messages.error(request, str(exc))
            else:
                del request.session[SESSION_KEY]
                messages.success(
                    request,
                    _(
                        "Sign-in sheet imported: %(matched)s known people, %(created)s new, "
                        "%(registered)s newly registered."
                    )
                    % counts,
                )
                return redirect("activities:attendance", activity.pk)
    errors = sum(1 for line in lines or [] if line.action == "error")
    context = {
        "activity": activity,
        "form": form,
        "lines": lines,
        "errors": errors,
        "name": sheet["name"],
        "row_count": len(rows),
    }
    return render(request, "activities/signin_review.html", context)


def duplicates(request):
    access.require(request, "activities.merge_people")
    pairs = merge.likely_duplicates()
    return render(request, "activities/duplicates.html", {"pairs": pairs})


def merge_people(request, keep: int, remove: int):
    access.require(request, "activities.merge_people")
    kept = get_object_or_404(Person.objects.select_related("organization", "municipality"), pk=keep)
    removed = get_object_or_404(
        Person.objects.select_related("organization", "municipality"), pk=remove
    )
    if kept.pk == removed.pk:
        messages.error(request, _("Choose two different people."))
        return redirect("activities:duplicates")
    if request.method == "POST":
        merge.merge_people(kept, removed, request.user)
        messages.success(
            request, _("%(removed)s merged into %(kept)s.") % {"removed": removed, "kept": kept}
        )
        return redirect(kept)
    context = {
        "kept": kept,
        "removed": removed,
        "kept_counts": merge.relation_counts(kept),
        "removed_counts": merge.relation_counts(removed),
    }
    return render(request, "activities/merge_confirm.html", context)
