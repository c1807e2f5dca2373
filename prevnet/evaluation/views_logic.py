"""Logic model pages: list, start one, see it (items by level, diagram), edit items, export."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prevnet.core import access
from prevnet.evaluation import logic_models
from prevnet.evaluation.forms import LogicItemForm, LogicModelForm
from prevnet.evaluation.models import LogicItem, LogicModel
from prevnet.network.models import Municipality


def logic_model_list(request):
    access.require(request, "evaluation.view_logicmodel")
    models = LogicModel.objects.select_related("municipality", "program").order_by(
        "-is_programme", "municipality__name", "name"
    )
    context = {
        "models": models,
        "can_add": access.can(request.user, "evaluation.add_logicmodel"),
    }
    return render(request, "evaluation/logic_model_list.html", context)


def _editable_municipalities(user):
    qs = Municipality.objects.order_by("name")
    if access.is_staff(user):
        return qs
    return qs.filter(pk__in=access.coordinated_ids(user))


def logic_model_create(request):
    access.require(request, "evaluation.add_logicmodel")
    municipalities = _editable_municipalities(request.user)
    initial = {}
    if request.GET.get("municipality", "").isdigit():
        initial["municipality"] = int(request.GET["municipality"])
    if request.GET.get("program", "").isdigit():
        initial["program"] = int(request.GET["program"])
    elif not access.is_staff(request.user) and len(access.coordinated_ids(request.user)) == 1:
        initial["municipality"] = next(iter(access.coordinated_ids(request.user)))
    form = LogicModelForm(request.POST or None, initial=initial, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        model = LogicModel(municipality=data["municipality"])
        access.require(request, "evaluation.add_logicmodel", model)
        model = logic_models.start_logic_model(
            name=data["name"],
            municipality=data["municipality"],
            levels=data["levels"],
            program=data["program"],
            knowledge_program=data["knowledge_program"],
        )
        messages.success(request, _("Logic model created."))
        return redirect(model)
    context = {"form": form, "heading": _("Start a logic model"), "cancel_url": "../"}
    return render(request, "evaluation/form_page.html", context)


def _model(pk: int) -> LogicModel:
    return get_object_or_404(LogicModel.objects.select_related("municipality", "program"), pk=pk)


def logic_model_detail(request, pk: int):
    access.require(request, "evaluation.view_logicmodel")
    model = _model(pk)
    items = list(model.items.select_related("contributes_to").prefetch_related("indicators"))
    context = {
        "model": model,
        "columns": logic_models.columns(model, items),
        "diagram": logic_models.diagram_svg(model, items),
        "can_edit": access.can(request.user, "evaluation.change_logicmodel", model),
    }
    return render(request, "evaluation/logic_model_detail.html", context)


def logic_model_export(request, pk: int, fmt: str):
    access.require(request, "evaluation.view_logicmodel")
    model = _model(pk)
    name = slugify(model.name)[:60] or "logic-model"
    if fmt == "svg":
        body, kind = logic_models.diagram_svg(model).encode(), "image/svg+xml"
    elif fmt == "xlsx":
        body = logic_models.xlsx_bytes(model)
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    elif fmt == "pdf":
        body, kind = logic_models.pdf_bytes(model), "application/pdf"
    else:
        raise Http404
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _item_page(request, model: LogicModel, item: LogicItem | None, heading: str):
    form = LogicItemForm(request.POST or None, instance=item, logic_model=model)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.full_clean()
        item.save()
        messages.success(request, _("Item saved."))
        return redirect(model)
    context = {"form": form, "heading": heading, "cancel_url": model.get_absolute_url()}
    return render(request, "evaluation/form_page.html", context)


def item_create(request, pk: int):
    model = _model(pk)
    access.require(request, "evaluation.change_logicmodel", model)
    return _item_page(request, model, None, _("Add an item to %(name)s") % {"name": model.name})


def item_edit(request, pk: int):
    item = get_object_or_404(LogicItem.objects.select_related("logic_model"), pk=pk)
    access.require(request, "evaluation.change_logicmodel", item.logic_model)
    return _item_page(request, item.logic_model, item, _("Edit an item"))


@require_POST
def item_delete(request, pk: int):
    item = get_object_or_404(LogicItem.objects.select_related("logic_model"), pk=pk)
    access.require(request, "evaluation.change_logicmodel", item.logic_model)
    model = item.logic_model
    item.delete()
    messages.success(request, _("Item deleted, with its indicators."))
    return redirect(model)
