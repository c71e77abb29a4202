from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone


@login_required
def inbox(request):
    """The user's notifications, newest first; opening the page marks them read."""
    notifications = list(request.user.notifications.all()[:100])
    request.user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())
    return render(request, "notify/inbox.html", {"notifications": notifications})
