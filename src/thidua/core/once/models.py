from django.db import models


class UsedFormToken(models.Model):
    """A creating form's one-time token that has been used, and where its POST led.

    ``key`` is a hash of the person, the address posted to and the token (a token alone is
    no way to someone else's result); the row is written in the same transaction as what the
    form created, so a second POST waits for the first and then finds it.
    """

    key = models.CharField(max_length=64, unique=True)
    result = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.result
