"""Plan pages. Every view asks ``thidua.org.access`` (through ``plan_get``) first."""
