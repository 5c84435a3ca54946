"""`check --deploy` must be clean with production settings taken from the environment."""

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def _run(env_overrides: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BP_", "DJANGO_"))}
    env.update(PYTHONPATH=str(SRC), DJANGO_SETTINGS_MODULE="buergerportal.settings")
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION = {
    "BP_SECRET_KEY": "x7#Vq9!pLm2@Zr4$Tn8%Wb6^Yc1&Ud3*Ke5(Hf0)Jg-AsDfGhJkLqWeRtY",
    "BP_ALLOWED_HOSTS": "portal.mannheim.example",
    "BP_VAR_DIR": "/tmp/bp-deploy-check",
}


def test_production_settings_pass_the_deploy_check():
    result = _run(PRODUCTION, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = _run({k: v for k, v in PRODUCTION.items() if k != "BP_SECRET_KEY"}, "check")
    assert result.returncode != 0
    assert "BP_SECRET_KEY is not set" in result.stderr


def test_a_malformed_setting_gets_a_clear_message():
    result = _run({**PRODUCTION, "BP_HTTPS": "maybe"}, "check")
    assert result.returncode != 0
    assert "BP_HTTPS must be true or false" in result.stderr
