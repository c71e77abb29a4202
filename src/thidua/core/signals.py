"""Signals for writes that bypass ``Model.save()``.

A conditional UPDATE (``core/versions.py``, ``audit/transitions.py``) or a bulk load changes
rows without ``post_save``; those paths send ``rows_changed`` so that what is derived from the
rows (the search index) follows every write, whichever way it was made.
"""

from django.dispatch import Signal

# sender: the model class; pks: the ids of the rows written; fields: the columns written, when
# the write knows them (None: any column may have changed, as in a bulk load).
rows_changed = Signal()
