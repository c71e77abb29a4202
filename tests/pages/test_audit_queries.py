"""The audit log costs the same number of queries with 3 entries as with 12."""

from django.urls import reverse

from tests.pages.world import last


def test_audit_log(world, communes, same_queries):
    """Each commune created is an entry, with who and where."""
    same_queries(
        reverse("audit:entry_list"), 6, by="district_admin", grow=communes, shows=last("Ea Tam")
    )


def test_audit_log_of_a_unit(world, communes, same_queries):
    same_queries(
        reverse("audit:entry_list"),
        7,
        by="district_admin",
        grow=communes,
        query={"unit": world.tree.district.pk},
        shows=last("Ea Tam"),
    )
