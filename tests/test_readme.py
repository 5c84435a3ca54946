"""The README's configuration table must name every variable the settings read."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_environment_variable_is_documented_in_the_readme():
    settings = (ROOT / "src" / "buergerportal" / "settings.py").read_text()
    read = set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z_]+)"', settings))
    read |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', settings)) - {"name"}
    readme = (ROOT / "README.md").read_text()
    missing = sorted(name for name in read if f"`{name}`" not in readme)
    assert read, "no variables found: has settings.py changed how it reads the environment?"
    assert missing == []
