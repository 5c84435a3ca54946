"""One package per administrative service (Verwaltungsleistung); each has ``definition.py``."""
