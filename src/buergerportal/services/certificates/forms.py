from django import forms

from buergerportal.catalogue.definitions import Text

from .dispatch import BATCH_MAX


class BatchForm(forms.Form):
    size = forms.IntegerField(
        label=Text("Wie viele Bestellungen drucken?", "How many orders to print?").lazy(),
        min_value=1,
        max_value=BATCH_MAX,
        initial=50,
        error_messages={
            "required": Text("Geben Sie eine Anzahl ein", "Enter a number").lazy(),
            "min_value": Text(f"Zwischen 1 und {BATCH_MAX}", f"Between 1 and {BATCH_MAX}").lazy(),
            "max_value": Text(f"Zwischen 1 und {BATCH_MAX}", f"Between 1 and {BATCH_MAX}").lazy(),
            "invalid": Text("Geben Sie eine ganze Zahl ein", "Enter a whole number").lazy(),
        },
    )
