"""Atom feeds of the published stories: the whole site's and one unit's (with the units
under it), for a newspaper or the provincial portal to pick up."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from thidua.org.models import Unit
from thidua.showcase.domain.selectors import public_stories

ITEMS = 30


class StoriesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, unit_pk=None):
        return get_object_or_404(Unit, pk=unit_pk) if unit_pk else None

    def title(self, unit):
        title = _("Good examples: Người Việt đoàn kết, sáng tạo")
        return f"{title} · {unit.full_name}" if unit else title

    def subtitle(self, unit):
        return _("Stories of the models and initiatives honoured in the emulation movement.")

    def link(self, unit):
        if unit:
            return reverse("showcase:unit_stories", args=[unit.pk])
        return reverse("showcase:stories")

    def author_name(self, unit):
        return unit.full_name if unit else settings.ORGANISATION_NAME

    def items(self, unit):
        rows = public_stories()
        if unit is not None:
            rows = rows.filter(unit__path__startswith=unit.path)
        return rows[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.body[:500]

    def item_link(self, item):
        return reverse("showcase:story", args=[item.pk])

    def item_author_name(self, item):
        return item.unit.full_name

    def item_pubdate(self, item):
        return timezone.make_aware(
            timezone.datetime.combine(item.publish_on, timezone.datetime.min.time())
        )

    def item_updateddate(self, item):
        return item.updated_at
