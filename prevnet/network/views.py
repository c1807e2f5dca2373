from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("todo")


municipality_list = municipality_create = municipality_detail = municipality_edit = _todo
engagement_create = organization_list = organization_create = organization_detail = _todo
organization_edit = person_list = person_create = person_detail = person_edit = _todo
record_history = _todo
