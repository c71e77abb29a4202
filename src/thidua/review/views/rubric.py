from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core.forms import LongTextField, VietnameseDecimalField
from thidua.org import access
from thidua.plans.models import Plan
from thidua.review.domain.councils import DEFAULT_GRADES
from thidua.review.domain.rubric import band_example, bands_text, grades_text, rubric_set


class RubricForm(forms.Form):
    grades = LongTextField(
        label=gettext_lazy("Classes by total score, one per line (“Xuất sắc: 90”)"),
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            self.fields[f"weight_{c.pk}"] = VietnameseDecimalField(
                label=gettext_lazy("Weight of “%(name)s”") % {"name": c.name},
                min_value=0,
                max_digits=4,
                decimal_places=2,
            )
            self.fields[f"bands_{c.pk}"] = LongTextField(
                label=gettext_lazy(
                    "Bands of “%(name)s” (0–%(max)d), one per line: “%(example)s: meaning”"
                )
                % {"name": c.name, "max": c.max_points, "example": band_example(c.max_points)},
                widget=forms.Textarea(attrs={"rows": 4}),
                required=False,
            )


@login_required
def rubric_edit(request, plan_pk):
    plan = get_object_or_404(Plan.objects.select_related("unit"), pk=plan_pk)
    access.require_plan(request.user, "plan.issue", plan)
    criteria = list(plan.criteria.prefetch_related("bands"))
    initial = {
        "grades": grades_text(plan)
        or "\n".join(f"{label}: {total}" for label, total in DEFAULT_GRADES)
    }
    for c in criteria:
        initial[f"weight_{c.pk}"] = c.weight
        initial[f"bands_{c.pk}"] = bands_text(c)
    form = RubricForm(request.POST or None, initial=initial, criteria=criteria)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rubric_set(
                actor=request.user,
                plan=plan,
                weights={c.pk: data[f"weight_{c.pk}"] for c in criteria},
                bands={c.pk: data[f"bands_{c.pk}"] for c in criteria},
                grades=data["grades"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The rubric was saved."))
            return redirect("review:council_list", plan_pk=plan.pk)
    return render(request, "review/rubric.html", {"plan": plan, "form": form})
