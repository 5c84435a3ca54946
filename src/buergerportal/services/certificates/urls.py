from django.urls import path

from . import views

app_name = "certificates"
urlpatterns = [
    path("", views.order_list, name="list"),
    path("<uuid:application_id>/", views.order_detail, name="detail"),
    path("<uuid:application_id>/anschreiben.pdf", views.cover_letter, name="cover_letter"),
    path("verwaltung/", views.dispatch, name="dispatch"),
    path("verwaltung/<int:batch_id>/urkunden.pdf", views.batch_certificates, name="batch_pdf"),
    path("verwaltung/<int:batch_id>/anschreiben.pdf", views.batch_letters, name="batch_letters"),
    path("verwaltung/<int:batch_id>/versandt/", views.batch_posted, name="batch_posted"),
    path("verwaltung/<int:batch_id>/drucken/", views.batch_render_again, name="batch_render"),
]
