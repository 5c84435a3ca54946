from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.mailbox, name="mailbox"),
    path("<uuid:message_id>/", views.message, name="message"),
    path("anhang/<uuid:attachment_id>/", views.attachment, name="attachment"),
]
