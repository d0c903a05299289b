"""The peer for the server load benchmark: the same segment lookup as `GET /v1/segments/{id}`
served by uvicorn (uvloop + httptools) over the store's own SQLite catalog, one connection per
worker, the row as JSON. No framework, so it measures the fastest Python path, not a
framework's routing.

    python3 peer_sqlite_asgi.py CATALOG.sqlite PORT WORKERS
"""
import json
import os
import sqlite3
import sys

CATALOG = os.environ.get("PEER_CATALOG", "")
_connection = None
COLUMNS = ("id", "source", "external_id", "type", "label", "start_ns", "end_ns",
           "confidence", "track", "box_count", "attributes")


def connection():
    global _connection
    if _connection is None:
        _connection = sqlite3.connect(f"file:{CATALOG}?mode=ro", uri=True, check_same_thread=False)
    return _connection


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    path = scope["path"]
    status, body = 404, b'{"title":"not found"}'
    if path.startswith("/v1/segments/"):
        key = path[len("/v1/segments/"):]
        if key.isdigit():
            row = connection().execute(
                "SELECT id, source, external_id, type, label, start_ns, end_ns, confidence, track,"
                " box_count, attributes FROM segments WHERE id = ?", (int(key),)).fetchone()
            if row is not None:
                segment = dict(zip(COLUMNS, row))
                segment["attributes"] = json.loads(segment["attributes"])
                status, body = 200, json.dumps(segment).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": body})


if __name__ == "__main__":
    import uvicorn
    os.environ["PEER_CATALOG"] = sys.argv[1]
    uvicorn.run("peer_sqlite_asgi:app", host="127.0.0.1", port=int(sys.argv[2]),
                workers=int(sys.argv[3]), log_level="warning", access_log=False,
                loop="uvloop", http="httptools")
