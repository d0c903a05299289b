#!/usr/bin/env python3
"""Checks `seggraph serve` against its contract, schema/openapi.yaml.

Goal: every route answers as the OpenAPI document says. Method: a small simulated site is
imported with the given binary and served read-only on a free loopback port; every path of the
document is requested (success and error cases), each response's status must be documented
for that operation, and its body must validate against the documented schema (answers/*.json
resolved from schema/, problems against #/components/schemas/Problem). Then SIGTERM must stop
the server cleanly (exit 0). Exit 1 on any violation.
Usage: validate_openapi.py SEGGRAPH_BINARY
"""
import json
import pathlib
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schema"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def registry(openapi):
    resources = [("openapi.yaml", Resource.from_contents(openapi, default_specification=DRAFT202012))]
    for path in (SCHEMA / "answers").glob("*.schema.json"):
        document = json.loads(path.read_text())
        resource = Resource.from_contents(document)
        resources += [(f"answers/{path.name}", resource), (document["$id"], resource), (path.name, resource)]
    return Registry().with_resources(resources)


def request(base, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    openapi = yaml.safe_load((SCHEMA / "openapi.yaml").read_text())
    reg = registry(openapi)
    failures = []
    with tempfile.TemporaryDirectory() as work:
        run = lambda *args: subprocess.run([binary, *args], check=True, capture_output=True, text=True).stdout
        run("simulate", "--cameras", "3", "--people", "20", "--hours", "0.2", "--dim", "16", "--seed", "5", "--out", f"{work}/site")
        run("import", "--store", f"{work}/store", *sorted(str(p) for p in pathlib.Path(f"{work}/site").glob("cam_*.json")))
        # The real vtest tracker output with its video, so thumbnail.jpg has a frame to cut.
        shared = ROOT.parent / "shared" / "data"
        run("import", "--store", f"{work}/store", str(shared / "segments" / "vtest_mog2.json"), "--source", "vtest",
            "--embedding-space", "hsv_hist", "--start", "2026-11-20T14:05:00+01:00", "--tz", "Europe/Berlin",
            "--video", str(shared / "videos" / "vtest.avi"))
        seed = run("find", "--store", f"{work}/store", "--label", "person", "--with", "same_as:person", "--limit", "1", "--csv").splitlines()[1].split(",")[0]
        other = run("neighbors", "--store", f"{work}/store", seed, "--csv").splitlines()[1].split(",")[3]
        encoded = seed.replace("/", "%2F")
        port = free_port()
        server = subprocess.Popen([binary, "serve", "--store", f"{work}/store", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/v1/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        dimension = 16
        cases = [
            ("get", "/", "/", None),
            ("get", "/v1/health", "/v1/health", None),
            ("get", "/v1/stats", "/v1/stats", None),
            ("get", "/v1/sources", "/v1/sources", None),
            ("get", "/v1/sources/{id}", "/v1/sources/cam_00", None),
            ("get", "/v1/sources/{id}", "/v1/sources/nope", None),
            ("get", "/v1/segments", "/v1/segments?source=cam_00&limit=5", None),
            ("get", "/v1/segments", "/v1/segments?label=person&from=14:00&to=14:05&source=cam_01", None),
            ("get", "/v1/segments", "/v1/segments?limit=0", None),
            ("get", "/v1/segments", "/v1/segments?where=nosuchcolumn%3D1", None),
            ("get", "/v1/segments/{id}", f"/v1/segments/{encoded}?boxes=true", None),
            ("get", "/v1/segments/{id}", "/v1/segments/cam_00%2Fnope", None),
            ("get", "/v1/segments/{id}/neighbors", f"/v1/segments/{encoded}/neighbors?hops=2", None),
            ("get", "/v1/segments/{id}/neighbors", f"/v1/segments/{encoded}/neighbors?kind=bogus", None),
            ("get", "/v1/segments/{id}/similar", f"/v1/segments/{encoded}/similar?k=5&group-by=source", None),
            ("get", "/v1/segments/{id}/similar", f"/v1/segments/{encoded}/similar?space=nosuch", None),
            ("get", "/v1/segments/{id}/thumbnail.jpg", "/v1/segments/vtest%2Fvtest-mog2-0003/thumbnail.jpg", None),
            ("get", "/v1/segments/{id}/thumbnail.jpg", f"/v1/segments/{encoded}/thumbnail.jpg", None),
            ("get", "/v1/segments/{id}/thumbnail.jpg", "/v1/segments/vtest%2Fvtest-mog2-0003/thumbnail.jpg?max-side=5", None),
            ("post", "/v1/similar", "/v1/similar?k=3", {"vector": [0.1] * dimension}),
            ("post", "/v1/similar", "/v1/similar", {"vector": "no"}),
            ("get", "/v1/find", "/v1/find?label=person&with=holds:bag&limit=5", None),
            ("get", "/v1/find", "/v1/find?label=person&clips=true", None),
            ("get", "/v1/contacts", f"/v1/contacts?segment={encoded}&hops=2", None),
            ("get", "/v1/contacts", "/v1/contacts", None),
            ("get", "/v1/path", f"/v1/path?from={encoded}&to={other.replace('/', '%2F')}", None),
            ("get", "/v1/path", f"/v1/path?from={encoded}&to=cam_00%2Fnope", None),
            ("get", "/v1/trace", f"/v1/trace?segment={encoded}&explain=true", None),
            ("get", "/v1/trace", "/v1/trace", None),
            ("get", "/v1/trace", f"/v1/trace?segment={encoded}&format=svg", None),
            ("get", "/v1/trace", f"/v1/trace?segment={encoded}&format=png", None),
            ("post", "/v1/trace", "/v1/trace", {"vector": [0.1] * dimension}),
            ("get", "/v1/topology", "/v1/topology?links-min=1", None),
            ("get", "/v1/topology", "/v1/topology?links-min=0", None),
            ("get", "/v1/openapi.yaml", "/v1/openapi.yaml", None),
        ]
        covered = set()
        for method, template, path, body in cases:
            status, content_type, payload = request(base, method.upper(), path, body)
            covered.add(template)
            operation = openapi["paths"][template][method]
            documented = operation["responses"].get(str(status))
            if documented is None:
                failures.append(f"{method.upper()} {path}: status {status} is not documented")
                continue
            if "$ref" in documented:
                documented = openapi["components"]["responses"][documented["$ref"].split("/")[-1]]
            content = documented.get("content", {})
            media = content_type.split(";")[0]
            if not content:
                continue
            if media not in content:
                failures.append(f"{method.upper()} {path}: {status} with {media}, documented {list(content)}")
                continue
            if media.endswith("yaml"):
                yaml.safe_load(payload)
                continue
            if media == "text/html":
                if not payload.lower().startswith(b"<!doctype html"):
                    failures.append(f"{method.upper()} {path}: {status} text/html that is not an HTML document")
                continue
            if media == "image/jpeg":
                if not payload.startswith(b"\xff\xd8\xff"):
                    failures.append(f"{method.upper()} {path}: {status} image/jpeg that is not a JPEG")
                continue
            if media == "image/svg+xml":
                if not payload.startswith(b"<svg"):
                    failures.append(f"{method.upper()} {path}: {status} image/svg+xml that is not an SVG document")
                continue
            schema = content[media]["schema"]
            if "$ref" in schema and schema["$ref"].startswith("#/"):
                schema = openapi["components"]["schemas"][schema["$ref"].split("/")[-1]]
            validator = jsonschema.Draft202012Validator(schema, registry=reg)
            errors = list(validator.iter_errors(json.loads(payload)))
            for error in errors[:3]:
                failures.append(f"{method.upper()} {path}: {status} body at /{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}")
        missing = set(openapi["paths"]) - covered
        if missing:
            failures.append(f"paths never requested: {sorted(missing)}")
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            code = "timeout"
        if code != 0:
            failures.append(f"serve did not stop cleanly on SIGTERM: exit {code}")
    for failure in failures:
        print(f"validate_openapi: {failure}", file=sys.stderr)
    print(f"validate_openapi: {len(cases)} requests over {len(covered)} paths, {len(failures)} failing")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
