"""Knowledge-base pages. Thin: check access, call a service, render."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from prevnet.core import access
from prevnet.knowledge import evidence, services
from prevnet.knowledge import search as kb_search
from prevnet.knowledge.models import EvidenceStrength, Practice, Program
from prevnet.knowledge.pdf import pdf_response

PAGE_SIZE = 20
COMPARE_MIN, COMPARE_MAX = 2, 4


def _programs(request):
    return access.visible(request.user, "knowledge.view_program", Program.objects.all())


def _with_details(qs):
    return qs.prefetch_related("ratings", "canadian_examples", "topics")


def _facet_links(params, facets):
    """Each facet value links to the same search with that value chosen (or cleared)."""
    for facet in facets:
        for value in facet.values:
            query = params.copy()
            query.pop("page", None)
            if value.selected:
                query.pop(facet.key, None)
            else:
                query[facet.key] = value.value
            value.href = "?" + query.urlencode()
    return facets


def search(request):
    access.require(request, "knowledge.view_program")
    params = request.GET.copy()
    query = params.get("q", "")[: kb_search.MAX_QUERY]
    chosen = {key: params.get(key, "") for key in kb_search.FACET_KEYS}
    result = kb_search.search(_programs(request), query, chosen)
    paginator = Paginator(_with_details(result.programs), PAGE_SIZE)
    paginator.count = result.total  # counted with the facets: no second pass over the rows
    page = paginator.get_page(params.get("page"))
    query_string = params.copy()
    query_string.pop("page", None)
    context = {
        "q": query,
        "page": page,
        "facets": _facet_links(params, result.facets),
        "chosen": result.chosen,
        "query": query_string.urlencode(),
        "compare_max": COMPARE_MAX,
        "can_edit": access.can(request.user, "knowledge.change_program"),
    }
    return render(request, "knowledge/search.html", context)


def _program(request, slug):
    program = get_object_or_404(
        Program.objects.prefetch_related(
            "topics", "risk_factors", "practices", "ratings", "studies", "economics",
            "canadian_examples__municipality", "briefs",
        ),
        slug=slug,
    )  # fmt: skip
    access.require(request, "knowledge.view_program", program)
    return program


def _program_context(request, program):
    briefs = access.visible(request.user, "knowledge.view_brief", program.briefs.all())
    return {
        "program": program,
        "program_facts": services.description(program),
        "implementation": services.implementation(program),
        "briefs": briefs,
        "can_edit": access.can(request.user, "knowledge.change_program", program),
    }


def program_detail(request, slug: str):
    program = _program(request, slug)
    return render(request, "knowledge/program_detail.html", _program_context(request, program))


def program_pdf(request, slug: str):
    program = _program(request, slug)
    return pdf_response(
        request, "knowledge/program_pdf.html", _program_context(request, program), program.name
    )


def compare(request):
    access.require(request, "knowledge.view_program")
    slugs = list(dict.fromkeys(request.GET.getlist("p")))[:COMPARE_MAX]
    programs = list(_with_details(_programs(request).filter(slug__in=slugs)))
    programs.sort(key=lambda p: slugs.index(p.slug))
    described = [services.description(p) for p in programs]
    rows = (
        [(row[0], [d[i][1] for d in described]) for i, row in enumerate(described[0])]
        if described
        else []
    )
    context = {"programs": programs, "rows": rows, "too_few": len(programs) < COMPARE_MIN}
    return render(request, "knowledge/compare.html", context)


def practice_detail(request, slug: str):
    practice = get_object_or_404(Practice.objects.prefetch_related("ratings", "topics"), slug=slug)
    access.require(request, "knowledge.view_practice", practice)
    programs = kb_search.search(_programs(request).filter(practices=practice), "", {}).programs
    return render(
        request, "knowledge/practice_detail.html", {"practice": practice, "programs": programs}
    )


def evidence_scale(request):
    access.require(request, "knowledge.view_program")
    context = {"mapping": evidence.mapping_table(), "strengths": EvidenceStrength.choices}
    return render(request, "knowledge/evidence_scale.html", context)
