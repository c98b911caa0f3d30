"""Signals for what other apps follow in the reference data without organisations knowing them."""

from django.dispatch import Signal

# Sent by load_reference_data() with codes=[municipality codes] it created or changed.
# Its bulk writes send no post_save, so this is how the search index hears of them.
municipalities_changed = Signal()
