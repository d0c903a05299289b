#!/usr/bin/env python3
"""Validates every query command's --json output against its schema in schema/answers/.

Goal: the JSON the CLI prints (and the server will send) is exactly what schema/answers/
documents. Method: Tests/CLITests/Goldens/record.sh builds a small simulated site plus the
real vtest data with the given binary and runs every query command (GOLDEN_UNMASKED=1, so
stats carries real numbers); each NN-COMMAND-*.json is validated against COMMAND's schema
(find with clips against clips.schema.json). A self-check first proves the validator rejects a
segment row without its `segment` key, so this check can fail. Exit 1 on any violation.
Usage: validate_answers.py SEGGRAPH_BINARY
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

import jsonschema
from referencing import Registry, Resource

ROOT = pathlib.Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "schema" / "answers"
RECORD = ROOT / "Tests" / "CLITests" / "Goldens" / "record.sh"
COMMANDS = ["sources", "zones", "segments", "show", "find", "neighbors", "contacts", "path", "similar", "trace", "topology", "stats",
            "eval", "link", "verify"]
# Commands whose schema is named after what they answer.
SCHEMA_OF = {"link": "verdicts"}


def registry():
    resources = []
    for path in sorted(ANSWERS.glob("*.schema.json")):
        document = json.loads(path.read_text())
        resource = Resource.from_contents(document)
        resources.append((document["$id"], resource))
        resources.append((path.name, resource))
    return Registry().with_resources(resources)


def validator(name, reg):
    schema = json.loads((ANSWERS / f"{name}.schema.json").read_text())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, registry=reg)


def schema_name(file_name):
    match = re.match(r"^[0-9]+-([a-z]+)", file_name)
    command = match.group(1) if match else None
    if command not in COMMANDS:
        return None
    if command == "find" and "clips" in file_name:
        return "clips"
    if command == "find" and "individual" in file_name:
        return "individuals"
    if command == "eval" and "trace" in file_name:
        return "evaltrace"
    return "segments" if command == "find" else SCHEMA_OF.get(command, command)


def check_thumbnails(binary, work, thumbnails):
    """`thumbnail --json` writes files, so it is not a golden: run it here on the real vtest
    video (one picture, a folder of PNGs, a contact sheet) and validate each answer."""
    data = pathlib.Path(os.environ.get("SEGGRAPH_SHARED_DATA", ROOT.parent / "shared" / "data"))
    store = os.path.join(work, "thumbnail.store")
    subprocess.run([binary, "import", "--store", store, str(data / "segments" / "vtest_mog2.json"), "--source", "vtest",
                    "--video", str(data / "videos" / "vtest.avi")], check=True, stdout=subprocess.DEVNULL)
    segments = ["vtest/vtest-mog2-0001", "vtest/vtest-mog2-0002"]
    failures = 0
    for label, extra in [("one", [segments[0], "-o", os.path.join(work, "one.jpg")]),
                         ("folder", segments + ["-o", os.path.join(work, "pics"), "--format", "png"]),
                         ("sheet", segments + ["--sheet", os.path.join(work, "sheet.png")])]:
        result = subprocess.run([binary, "thumbnail", "--store", store, "--json"] + extra, capture_output=True, text=True)
        if result.returncode != 0:
            print(f"validate_answers: thumbnail ({label}) exited {result.returncode}: {result.stderr.strip()}", file=sys.stderr)
            failures += 1
            continue
        errors = list(thumbnails.iter_errors(json.loads(result.stdout)))
        for error in errors[:5]:
            print(f"validate_answers: thumbnail ({label}): {error.message}", file=sys.stderr)
        failures += bool(errors)
    return failures


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    reg = registry()
    validators = {name: validator(name, reg) for name in COMMANDS + ["clips", "individuals", "verdicts", "evaltrace", "thumbnails"] if (ANSWERS / f"{name}.schema.json").exists()}
    with tempfile.TemporaryDirectory() as out:
        env = dict(os.environ, GOLDEN_UNMASKED="1")
        subprocess.run(["bash", str(RECORD), sys.argv[1], out], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        files = sorted(p for p in pathlib.Path(out).glob("*.json"))
        failures = 0
        checked = set()
        for path in files:
            name = schema_name(path.name)
            if name is None:
                print(f"validate_answers: {path.name}: no schema for this command", file=sys.stderr)
                failures += 1
                continue
            document = json.loads(path.read_text())
            errors = sorted(validators[name].iter_errors(document), key=lambda e: list(e.absolute_path))
            for error in errors[:5]:
                location = "/".join(str(p) for p in error.absolute_path)
                print(f"validate_answers: {path.name}: {name}.schema.json at /{location}: {error.message}", file=sys.stderr)
            failures += bool(errors)
            checked.add(name)
            if name == "segments" and "segments" in path.name and document:
                broken = [dict(document[0])] + document[1:]
                del broken[0]["segment"]
                if validators["segments"].is_valid(broken):
                    print("validate_answers: self-check failed: a row without `segment` validated", file=sys.stderr)
                    failures += 1
        failures += check_thumbnails(sys.argv[1], out, validators["thumbnails"])
        checked.add("thumbnails")
    missing = set(validators) - checked
    if missing:
        print(f"validate_answers: no output checked for: {', '.join(sorted(missing))}", file=sys.stderr)
        failures += 1
    print(f"validate_answers: {len(files)} answers against {len(checked)} schemas, {failures} failing")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
