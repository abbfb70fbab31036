"""The explorer's web application: read-only pages over the database, each with a JSON twin.

Every page is one view function (``views.py``) drawn by one Jinja2 template; ``PATH.json``
(``/index.json`` for the home page) or ``Accept: application/json`` gives the same data as
JSON. Errors come as one shape: ``{"error": {"status": 404, "message": "…"}}``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from historiograph import __version__
from historiograph.errors import NotFoundError
from historiograph.store.db import connect
from historiograph.web import views

HERE = Path(__file__).parent
# No inline script anywhere, and nothing from another origin: the page works offline, and
# text from a document can never run as code even if a template forgot to escape it.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
        " img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True)
class Page:
    path: str
    template: str
    view: Callable[[sqlite3.Connection, dict], dict]

    @property
    def json_path(self) -> str:
        return "/index.json" if self.path == "/" else f"{self.path}.json"


PAGES = [
    Page("/", "home.html", views.home),
    Page("/documents/{doc_id}", "document.html", views.document),
    Page("/timeline", "timeline.html", views.timeline),
    Page("/network", "network.html", views.network),
    Page("/events/{doc_id}/{event_id}", "event.html", views.event),
    Page("/actors", "actors.html", views.actors),
    Page("/actors/{actor_id}", "actor.html", views.actor),
    Page("/sources", "sources.html", views.sources),
    Page("/sources/{source_id}", "source.html", views.source),
    Page("/decisions", "decisions.html", views.decisions),
    Page("/search", "search.html", views.search),
]


def public(data):
    """The JSON twin: the page's data without the HTML-only keys (those starting with "_")."""
    if isinstance(data, dict):
        return {k: public(v) for k, v in data.items() if not k.startswith("_")}
    if isinstance(data, list | tuple):
        return [public(v) for v in data]
    return data


def _prefers_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def create_app(db_path: str | Path) -> FastAPI:
    """The explorer over the database at ``db_path``, opened read-only for each request."""
    db_path = Path(db_path)
    connect(db_path, readonly=True).close()  # a missing or outdated database fails here, once
    app = FastAPI(
        title="historiograph explorer",
        version=__version__,
        docs_url=None,  # Swagger and ReDoc load their scripts from a CDN: not offline
        redoc_url=None,
    )
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["version"] = __version__
    templates.env.globals["db_name"] = db_path.name
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def error(request: Request, status: int, message: str, as_json: bool) -> Response:
        if as_json:
            return JSONResponse({"error": {"status": status, "message": message}}, status)
        return templates.TemplateResponse(
            request, "error.html", {"title": f"Error {status}", "status": status, "message": message}, status
        )  # fmt: skip

    def endpoint(page: Page, as_json: bool) -> Callable[[Request], Response]:
        # Run in the event loop, not in a thread pool: a page is a few milliseconds of Python
        # and SQLite, and fifty threads fighting over the GIL answered six times fewer pages
        # (benchmarks/serve_load.py). More processes: ``serve --workers N``.
        async def handle(request: Request) -> Response:
            wants_json = as_json or _prefers_json(request)
            params = {**request.query_params, **request.path_params}
            db = connect(db_path, readonly=True)
            try:
                db.execute("BEGIN")  # one snapshot for the whole page, even during an ingest
                data = page.view(db, params)
            except NotFoundError as e:
                return error(request, 404, str(e), wants_json)
            except views.BadRequest as e:
                return error(request, 400, str(e), wants_json)
            finally:
                db.close()
            if wants_json:
                return JSONResponse(public(data))
            path = "/index" if request.url.path == "/" else request.url.path
            query = f"?{request.url.query}" if request.url.query else ""
            return templates.TemplateResponse(
                request, page.template, data | {"json_url": f"{path}.json{query}"}
            )

        return handle

    for page in PAGES:  # the .json route first: "{doc_id}" alone would also match "x.json"
        app.add_route(page.json_path, endpoint(page, as_json=True), methods=["GET"])
        app.add_route(page.path, endpoint(page, as_json=False), methods=["GET"])

    @app.exception_handler(HTTPException)
    def http_error(request: Request, exc: HTTPException) -> Response:
        wants_json = request.url.path.endswith(".json") or _prefers_json(request)
        return error(request, exc.status_code, str(exc.detail), wants_json)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return app


def app_from_environment() -> FastAPI:
    """The explorer over ``$HISTORIOGRAPH_DB``: for uvicorn's worker processes, which each
    import the application by name (``historiograph serve --workers N``)."""
    return create_app(os.environ["HISTORIOGRAPH_DB"])
