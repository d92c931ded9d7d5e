"""The framework floor of bench/ack.py as a server process of its own: a bare Bolt app that
answers `/intervisie` and the Approve button with a constant, behind the same HTTP stack as the
app it is compared with — waitress in one process (as `serve` runs on SQLite), or gunicorn with
N gthread workers behind one socket (as `serve` runs on PostgreSQL, bot/prefork.py).

    python -m bench.floor --port 4001 --api-url http://127.0.0.1:4000/api/ --workers 2
"""

from __future__ import annotations

import argparse
import socket
from typing import Any

from gunicorn.app.base import BaseApplication
from slack_bolt import Ack, App
from slack_sdk import WebClient
from waitress import serve

from bot.app.http import slack_events_route
from bot.web import Router
from handlers.ui.groups_ids import ActionId

SECRET = "bench-signing-secret"


def bare_app(api_url: str) -> App:
    """The floor: Bolt answering /intervisie and the Approve button with a constant."""
    app = App(
        signing_secret=SECRET,
        client=WebClient(token="xoxb-bench", base_url=api_url),
        process_before_response=False,
        raise_error_for_unhandled_request=False,
    )

    def command(ack: Ack) -> None:
        ack("ok")

    def approve(ack: Ack) -> None:
        ack()

    app.command("/intervisie")(command)
    app.action(ActionId.APPROVE)(approve)
    return app


def wsgi_app(api_url: str) -> Router:
    """The bare app behind the app's own router and events route (signature checked first)."""
    return Router(
        [slack_events_route(bare_app(api_url), max_bytes=1024 * 1024, signing_secret=SECRET)]
    )


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, api_url: str, *, listener: socket.socket, workers: int, threads: int):
        self._api_url = api_url
        self._options = {
            "bind": [f"fd://{listener.fileno()}"],
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
            "loglevel": "warning",
            "control_socket_disable": True,
        }
        super().__init__()

    def load_config(self) -> None:
        for name, value in self._options.items():
            if name in self.cfg.settings:
                self.cfg.set(name, value)

    def load(self) -> Any:
        return wsgi_app(self._api_url)


def main(argv: list[str] | None = None) -> None:
    """Serve the floor until SIGTERM."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--api-url", required=True, help="the fake Slack's Web API URL")
    parser.add_argument("--workers", type=int, default=1, help="1: waitress, else gunicorn")
    parser.add_argument("--threads", type=int, default=16, help="HTTP threads (per worker)")
    args = parser.parse_args(argv)
    if args.workers <= 1:
        serve(wsgi_app(args.api_url), host="127.0.0.1", port=args.port, threads=args.threads)
        return
    listener = socket.create_server(("127.0.0.1", args.port), backlog=2048)
    _Gunicorn(args.api_url, listener=listener, workers=args.workers, threads=args.threads).run()


if __name__ == "__main__":
    main()
