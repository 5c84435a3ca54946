from django.conf import settings
from django.http import HttpRequest


def portal(request: HttpRequest) -> dict[str, object]:
    """What every page needs: the city's name and whether this is the demo."""
    return {
        "CITY_NAME": settings.CITY_NAME,
        "DEMO": settings.DEMO,
        "DEMO_PUBLIC": settings.DEMO and settings.DEMO_PUBLIC,
    }
