"""What a payment paid for, stored with it (it outlives its payable); existing payments take
their first fee item's label."""

from django.db import migrations, models
from django.db.models.functions import Coalesce


def label_from_first_item(apps, schema_editor):
    Payment = apps.get_model("payments", "Payment")
    PaymentItem = apps.get_model("payments", "PaymentItem")
    first = PaymentItem.objects.filter(payment=models.OuterRef("pk")).order_by("position", "pk")
    Payment.objects.filter(payable_label="").update(
        payable_label=Coalesce(
            models.Subquery(first.values("label")[:1]), models.Value("")
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0003_refund_automatic"),
    ]

    operations = [
        migrations.AddField(
            model_name="payment",
            name="payable_label",
            field=models.CharField(blank=True, max_length=200, verbose_name="paid for"),
        ),
        migrations.RunPython(label_from_first_item, migrations.RunPython.noop),
    ]
