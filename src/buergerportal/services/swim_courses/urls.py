from django.urls import path

from . import staff_edit_views, staff_views, views

app_name = "swim_courses"
urlpatterns = [
    path("", views.course_list, name="list"),
    path("kurs/<int:course_id>/", views.course_detail, name="detail"),
    path("kurs/<int:course_id>/buchen/", views.course_book, name="book"),
    path("kurs/<int:course_id>/warteliste/", views.waiting_list_add, name="waiting_list"),
    path("meine/", views.my_bookings, name="mine"),
    path("meine/<int:booking_id>/bezahlen/", views.booking_pay, name="pay"),
    path("meine/<int:booking_id>/stornieren/", views.booking_cancel_view, name="cancel"),
    path("warteliste/<int:entry_id>/verlassen/", views.waiting_withdraw, name="waiting_withdraw"),
    path("warteraum/<int:season_id>/", views.waiting_room, name="waiting_room"),
    path("warteraum/<int:season_id>/stand.json", views.waiting_room_status, name="room_status"),
    path("verwaltung/", staff_views.staff_home, name="staff"),
    path("verwaltung/kurs/<int:course_id>/", staff_views.staff_course, name="staff_course"),
    path("verwaltung/saison/neu/", staff_edit_views.season_edit, name="staff_season_new"),
    path("verwaltung/bad/neu/", staff_edit_views.pool_edit, name="staff_pool_new"),
    path("verwaltung/bad/<int:pool_id>/", staff_edit_views.pool_edit, name="staff_pool"),
    path("verwaltung/saison/<int:season_id>/", staff_edit_views.season_edit, name="staff_season"),
    path(
        "verwaltung/saison/<int:season_id>/kurs/neu/",
        staff_edit_views.course_edit,
        name="staff_course_new",
    ),
    path(
        "verwaltung/kurs/<int:course_id>/bearbeiten/",
        staff_edit_views.course_edit,
        name="staff_course_edit",
    ),
    path(
        "verwaltung/kurs/<int:course_id>/teilnehmende.csv", staff_views.staff_csv, name="staff_csv"
    ),
    path(
        "verwaltung/kurs/<int:course_id>/teilnehmende.pdf", staff_views.staff_pdf, name="staff_pdf"
    ),
    path(
        "verwaltung/kurs/<int:course_id>/anwesenheit/",
        staff_views.staff_attendance,
        name="staff_attendance",
    ),
    path(
        "verwaltung/kurs/<int:course_id>/nachricht/",
        staff_views.staff_message,
        name="staff_message",
    ),
    path("verwaltung/kurs/<int:course_id>/absagen/", staff_views.staff_cancel, name="staff_cancel"),
    path(
        "verwaltung/buchung/<int:booking_id>/umbuchen/",
        staff_views.staff_move,
        name="staff_move",
    ),
]
