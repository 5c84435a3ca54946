"""The ``buergerportal`` command: serve, migrate, demo, worker, verify, totp, manage.

``python -m buergerportal serve`` runs the portal production-like: gunicorn serves the web app and
a background worker runs queued tasks; Ctrl-C (or SIGTERM) stops both.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence


def _django(argv: Sequence[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buergerportal.settings")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["buergerportal", *argv])
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    return (
        _django(["migrate", "--no-input", "-v", str(args.verbosity)])
        or _django(["createcachetable"])
        or _django(["collectstatic_if_changed"])
    )


def cmd_demo(args: argparse.Namespace) -> int:
    return _django(["demo_city"])


def cmd_worker(args: argparse.Namespace) -> int:
    return _django(["worker"])


def cmd_verify(args: argparse.Namespace) -> int:
    extra = ["--checkpoints", args.checkpoints] if args.checkpoints else []
    return _django(["audit_verify", *extra])


def cmd_backup(args: argparse.Namespace) -> int:
    return _django(["backup", *([args.directory] if args.directory else [])])


def cmd_restore(args: argparse.Namespace) -> int:
    return _django(["restore", args.archive, *(["--yes"] if args.yes else [])])


def cmd_totp(args: argparse.Namespace) -> int:
    return _django(["demo_totp", args.email])


def cmd_manage(args: argparse.Namespace) -> int:
    return _django(args.rest)


def _env_true(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _demo_exposed(host: str) -> bool:
    """True if the demo would listen beyond loopback without BP_DEMO_PUBLIC."""
    if not _env_true("BP_DEMO") or _env_true("BP_DEMO_PUBLIC"):
        return False
    from buergerportal.core.demo_guard import is_loopback

    return not is_loopback(host)


def cmd_serve(args: argparse.Namespace) -> int:
    host = args.host or os.environ.get("HOST", "127.0.0.1")
    port = args.port or os.environ.get("PORT", "8000")
    if _demo_exposed(host):
        print(
            f"The demo shows every email it sends (password-reset links too), so it serves only "
            f"on this computer; {host} is not a loopback address. Use --host 127.0.0.1, or set "
            "BP_DEMO_PUBLIC=true to show it to others on purpose.",
            file=sys.stderr,
            flush=True,
        )
        return 2
    # The web workers and the task worker read the address for their links (BP_SITE_URL's
    # default in settings.py) from the same variables, so --host/--port reach them too.
    os.environ["HOST"], os.environ["PORT"] = host, str(port)
    gunicorn = [
        sys.executable,
        "-m",
        "gunicorn",
        "buergerportal.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(args.workers),
        "--access-logfile",
        "-" if args.access_log else "/dev/null",
        "--graceful-timeout",
        "10",
    ]
    children = [subprocess.Popen(gunicorn)]  # noqa: S603  (our own fixed command line)
    if not args.no_worker:
        children.append(subprocess.Popen([sys.executable, "-m", "buergerportal", "worker"]))
    print(f"Bürgerportal is running on http://{host}:{port}/  (Ctrl-C stops it)", flush=True)

    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    exit_code = 0
    while not stopping:
        for child in children:
            if child.poll() is not None:
                print(
                    f"A part of the portal stopped (exit {child.returncode}); stopping.", flush=True
                )
                exit_code = child.returncode or 1
                stopping = True
        time.sleep(0.2)
    for child in children:
        if child.poll() is None:
            child.terminate()
    deadline = time.monotonic() + 15
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
    return exit_code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="buergerportal",
        description="Bürgerportal – a city's administrative services online.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = sub.add_parser("serve", help="serve the portal with gunicorn and a background worker")
    serve.add_argument("--host", help="address to bind (default: $HOST or 127.0.0.1)")
    serve.add_argument("--port", help="port to bind (default: $PORT or 8000)")
    serve.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    serve.add_argument("--no-worker", action="store_true", help="do not start the task worker")
    serve.add_argument("--access-log", action="store_true", help="print gunicorn's access log")
    serve.set_defaults(func=cmd_serve)

    migrate = sub.add_parser("migrate", help="create or update the database and static files")
    migrate.add_argument("-v", "--verbosity", type=int, default=1)
    migrate.set_defaults(func=cmd_migrate)

    sub.add_parser("demo", help="load the demo city and print its logins").set_defaults(
        func=cmd_demo
    )
    sub.add_parser("worker", help="run the background-task worker").set_defaults(func=cmd_worker)
    verify = sub.add_parser(
        "verify", help="verify the audit trail's hash chain against its signed checkpoints"
    )
    verify.add_argument("--checkpoints", help="an exported checkpoint file kept elsewhere")
    verify.set_defaults(func=cmd_verify)
    backup = sub.add_parser("backup", help="back up the database and the stored files")
    backup.add_argument("directory", nargs="?", help="where to write it (default var/backups)")
    backup.set_defaults(func=cmd_backup)
    restore = sub.add_parser("restore", help="restore a backup, then verify the audit trail")
    restore.add_argument("archive")
    restore.add_argument("--yes", action="store_true", help="replace the current data")
    restore.set_defaults(func=cmd_restore)
    totp = sub.add_parser("totp", help="demo only: print a staff account's current TOTP code")
    totp.add_argument("email")
    totp.set_defaults(func=cmd_totp)
    manage = sub.add_parser("manage", help="run a Django management command")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
