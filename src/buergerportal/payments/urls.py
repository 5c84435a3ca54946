from django.urls import path

from .views import checkout, finance, mandates, notify, staff, transfers

app_name = "payments"
urlpatterns = [
    # the payer
    path("", checkout.overview, name="overview"),
    path("<uuid:public_id>/bezahlen/", checkout.start, name="start"),
    path("<uuid:public_id>/", checkout.result, name="return"),
    path("<uuid:public_id>/quittung/", checkout.receipt_download, name="receipt"),
    # the provider, server-to-server
    path("benachrichtigung/", notify.notify, name="notify"),
    # SEPA direct-debit mandates
    path("lastschrift/", mandates.mandate_list, name="mandates"),
    path("lastschrift/neu/", mandates.mandate_new, name="mandate_new"),
    path(
        "lastschrift/<str:reference>/widerrufen/",
        mandates.mandate_revoke_view,
        name="mandate_revoke",
    ),
    # staff
    path("verwaltung/", staff.payment_list, name="staff_payments"),
    path("verwaltung/<uuid:public_id>/", staff.payment_detail, name="staff_payment"),
    path(
        "verwaltung/<uuid:public_id>/erstattung/<int:refund_id>/",
        staff.refund_decide,
        name="refund_decide",
    ),
    path(
        "verwaltung/<uuid:public_id>/erstattung/<int:refund_id>/ausgezahlt/",
        staff.refund_paid_out,
        name="refund_paid_out",
    ),
    # finance office
    path("verwaltung/abgleich/", finance.reconciliation, name="reconciliation"),
    path("verwaltung/abgleich.csv", finance.reconciliation_download, name="reconciliation_csv"),
    path("verwaltung/lastschriften/", finance.collection_files, name="collection_files"),
    path(
        "verwaltung/lastschriften/<int:pk>/datei/",
        finance.collection_file_download,
        name="collection_file",
    ),
    path(
        "verwaltung/lastschriften/<int:pk>/gebucht/",
        finance.collection_file_booked,
        name="collection_file_booked",
    ),
    path("verwaltung/ueberweisungen/", transfers.transfer_files, name="transfer_files"),
    path(
        "verwaltung/ueberweisungen/<int:pk>/datei/",
        transfers.transfer_file_download,
        name="transfer_file",
    ),
    path("verwaltung/ruecklastschriften/", finance.debit_returns, name="debit_returns"),
    path(
        "verwaltung/ruecklastschriften/<int:pk>/",
        finance.return_file,
        name="return_file",
    ),
]
