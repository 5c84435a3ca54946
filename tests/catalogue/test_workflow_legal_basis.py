"""Deciding without a person needs the legal provision that allows it (VwVfG § 35a)."""

import pytest

from buergerportal.catalogue.definitions import LegalBasis, Text, Workflow
from buergerportal.catalogue.registry import service_by_slug


def test_an_automatic_workflow_without_a_legal_basis_fails_at_definition():
    with pytest.raises(ValueError, match="legal provision"):
        Workflow(may_decide_automatically=True)


def test_an_automatic_workflow_with_a_legal_basis_is_accepted():
    basis = LegalBasis(citation=Text("§ 35a VwVfG", "Section 35a VwVfG"), text=Text("…", "…"))
    assert Workflow(may_decide_automatically=True, legal_basis=basis).legal_basis == basis


def test_the_parking_permit_names_its_provision_and_the_family_pass_has_none():
    parking = service_by_slug("bewohnerparkausweis")
    assert parking.workflow.may_decide_automatically
    assert "§ 35a VwVfG" in parking.workflow.legal_basis.citation.de
    family = service_by_slug("familienpass")
    assert not family.workflow.may_decide_automatically
    assert family.workflow.legal_basis is None
