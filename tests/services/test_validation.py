"""The start-up check names a check's reason text that lacks a language."""

from buergerportal.catalogue.definitions import Check, CheckResult, ServiceDefinition, Text
from buergerportal.services.validation import definition_errors


def test_a_check_reason_without_english_is_named():
    service = ServiceDefinition(
        slug="halb",
        title=Text("Halb", "Half"),
        summary=Text("s", "s"),
        unit="buergerservice",
        life_situations=(),
        checks=(
            Check(
                "age",
                Text("Alter", "Age"),
                lambda answers: CheckResult(False, "too_young"),
                reasons={"too_young": Text("Zu jung", ""), "too_old": Text("Zu alt", "Too old")},
            ),
        ),
    )
    assert definition_errors(service) == ["check 'age' reason 'too_young' has no en text"]
