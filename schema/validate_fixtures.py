#!/usr/bin/env python3
"""Checks schema/segments.schema.json against the importer's test data.

Goal: the schema and the importer agree. Method:
  1. the real data files and every valid fixture must validate (JSON Lines line by line
     against $defs/jsonLinesRecord);
  2. each error fixture is classified as not-json (strict JSON: no NaN/Infinity, no overflow),
     reject (the schema catches it) or accept (valid by schema, rejected only by rules a schema
     cannot state, e.g. end < start, duplicate ids, dimension mismatch); the classification
     must match EXPECTED below, and every error fixture must be listed.
Exit status 1 on any mismatch.
"""
import json
import math
import pathlib
import sys

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "schema" / "segments.schema.json"
FIXTURES = ROOT / "Tests" / "ImportersTests" / "Fixtures"
import os
_SIBLING = ROOT.parent / "shared" / "data"
_SHARED = pathlib.Path(os.environ.get("SEGGRAPH_SHARED_DATA") or _SIBLING)
REAL_DATA = _SHARED / "segments"

EXPECTED = {
    "attributes_syntax_error.json": "not-json",
    "bad_start_time.json": "accept",           # month 13: the pattern cannot check calendars
    "box_missing_h.json": "reject",
    "box_without_frame_or_time.json": "reject",
    "dimension_mismatch.json": "accept",
    "dimension_mismatch_named_space.json": "accept",
    "document_without_segments.json": "reject",
    "duplicate_id.json": "accept",
    "empty.json": "not-json",
    "end_before_start.json": "accept",
    "frame_fractional.json": "reject",
    "infinity_box.json": "not-json",
    "infinity_embedding.json": "not-json",
    "invalid_json.json": "not-json",
    "label_control_character.json": "not-json",
    "line_duplicate.jsonl": "accept",
    "line_error.jsonl": "reject",
    "line_syntax_error.jsonl": "not-json",
    "missing_label.json": "reject",
    "mistyped_start.json": "reject",
    "nan_confidence.json": "not-json",
    "negative_width.json": "reject",
    "number_out_of_range.json": "not-json",
    "segment_id_float.json": "reject",
    "segment_not_object.json": "reject",
    "segments_before_bad_source.json": "reject",
    "source_without_id.json": "reject",
    "start_time_without_offset.json": "reject",
    "trailing_comma.json": "not-json",
    "trailing_data.json": "not-json",
    "truncated.json": "not-json",
    "unknown_format.json": "not-json",
    "whitespace_only.json": "not-json",
    "confidence_too_large.json": "reject",
    "confidence_negative.json": "reject",
    "negative_start.json": "reject",
    "empty_label.json": "reject",
    "empty_type.json": "reject",
    # A JSON parser keeps one of two repeated keys, so the schema never sees the repetition.
    "duplicate_key_label.json": "accept",
    "duplicate_key_box.json": "accept",
    "duplicate_key_attribute.json": "accept",
    "duplicate_key_unknown.json": "accept",
    "duplicate_key_source.json": "accept",
    "duplicate_key_segments.json": "accept",
    "duplicate_key_source_field.json": "accept",
    "duplicate_key_source_extra.json": "accept",
}


class NotJSON(Exception):
    pass


def strict_loads(text):
    """json.loads without Python's extensions: NaN/Infinity literals and overflow are errors."""
    def reject_constant(name):
        raise NotJSON(f"{name} is not JSON")

    def finite_float(text):
        value = float(text)
        if not math.isfinite(value):
            raise NotJSON(f"{text} is out of range")
        return value

    try:
        return json.loads(text, parse_constant=reject_constant, parse_float=finite_float)
    except ValueError as error:
        raise NotJSON(str(error)) from error


def documents(path):
    """The JSON values to validate and the validator to use: the whole file, or each line."""
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".jsonl", ".ndjson"):
        return [(strict_loads(line), "record") for line in text.splitlines() if line.strip()]
    return [(strict_loads(text), "file")]


def main():
    schema = json.loads(SCHEMA_PATH.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validators = {
        "file": jsonschema.Draft202012Validator(schema),
        "record": jsonschema.Draft202012Validator(
            {"$defs": schema["$defs"], "$ref": "#/$defs/jsonLinesRecord"}),
    }
    failures = []

    valid_files = sorted(REAL_DATA.glob("*.json")) + sorted((FIXTURES / "valid").iterdir())
    for path in valid_files:
        try:
            for value, kind in documents(path):
                error = jsonschema.exceptions.best_match(validators[kind].iter_errors(value))
                if error is not None:
                    failures.append(f"{path.name}: expected valid, schema says: {error.message}")
        except NotJSON as error:
            failures.append(f"{path.name}: expected valid, not JSON: {error}")
        print(f"valid    {path.name}")

    error_files = sorted(p for p in (FIXTURES / "errors").iterdir() if not p.name.endswith(".expected.txt"))
    for path in error_files:
        try:
            verdicts = [validators[kind].is_valid(value) for value, kind in documents(path)]
            actual = "accept" if all(verdicts) else "reject"
        except NotJSON:
            actual = "not-json"
        expected = EXPECTED.get(path.name)
        if expected is None:
            failures.append(f"{path.name}: not classified in EXPECTED (it is {actual})")
        elif expected != actual:
            failures.append(f"{path.name}: expected {expected}, got {actual}")
        print(f"{actual:9s}{path.name}")

    for name in sorted(set(EXPECTED) - {p.name for p in error_files}):
        failures.append(f"{name}: listed in EXPECTED but missing")
    for failure in failures:
        print("MISMATCH " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
