"""This service is its definition and nothing more (see services/base.py)."""

from buergerportal.services.base import DefinitionOnly

from .definition import SERVICE

PLUGIN = DefinitionOnly(SERVICE)
