"""Payment-provider plugins: ``base.py`` is the contract, ``registry.py`` picks one by setting."""
