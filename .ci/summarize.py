#!/usr/bin/env python3
"""Summarizes the TRX files of a `dotnet test --logger trx` run (.ci/run calls it).

Usage: summarize.py RESULTS_DIRECTORY

Prints, sorted by name, one line per test that did not pass (outcome Failed, Error, Timeout or Aborted) with the
first line of its error message indented below it; one line per TRX file whose run broke off without a failed
test to show for it (a test host that crashed); then, always last, "N passed, N failed, N skipped" summed over every
*.trx under RESULTS_DIRECTORY (failed counts Failed, Error, Timeout and Aborted; skipped counts NotExecuted).
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
FAILED_OUTCOMES = ("Failed", "Error", "Timeout", "Aborted")
FAILED_COUNTERS = ("failed", "error", "timeout", "aborted")
MAX_MESSAGE = 240


def first_line(text):
    """The first non-blank line of text, stripped and cut to MAX_MESSAGE characters ('' when there is none)."""
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= MAX_MESSAGE else line[: MAX_MESSAGE - 3] + "..."
    return ""


def full_names(root):
    """Test id -> class-qualified name, from the TestDefinitions (xunit's names are qualified already)."""
    names = {}
    for test in root.iter(NS + "UnitTest"):
        method = test.find(NS + "TestMethod")
        if method is not None:
            names[test.get("id")] = (method.get("className") or "", test.get("name") or method.get("name") or "")
    return names


def summarize(directory, out):
    passed = failed = skipped = 0
    failures = []
    broken_runs = []
    for path in sorted(glob.glob(os.path.join(directory, "**", "*.trx"), recursive=True)):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            broken_runs.append(f"{os.path.relpath(path, directory)}: unreadable ({error})")
            continue

        counters = root.find(f"{NS}ResultSummary/{NS}Counters")
        if counters is not None:
            passed += int(counters.get("passed", 0))
            failed += sum(int(counters.get(name, 0)) for name in FAILED_COUNTERS)
            skipped += int(counters.get("notExecuted", 0))

        names = full_names(root)
        failures_here = 0
        for result in root.iter(NS + "UnitTestResult"):
            outcome = result.get("outcome")
            if outcome not in FAILED_OUTCOMES:
                continue
            failures_here += 1
            class_name, _ = names.get(result.get("testId"), ("", ""))
            name = result.get("testName") or ""
            if class_name and not name.startswith(class_name + "."):
                name = f"{class_name}.{name}"
            label = "failed" if outcome == "Failed" else f"failed ({outcome})"
            message = first_line(result.findtext(f"{NS}Output/{NS}ErrorInfo/{NS}Message"))
            failures.append((name, label, message))

        summary = root.find(NS + "ResultSummary")
        run_outcome = summary.get("outcome") if summary is not None else None
        if failures_here == 0 and run_outcome not in (None, "Completed", "Passed", "Warning"):
            texts = [info.findtext(NS + "Text") for info in root.iter(NS + "RunInfo") if info.get("outcome") == "Error"]
            reason = first_line(next((text for text in texts if first_line(text)), ""))
            broken_runs.append(f"{os.path.relpath(path, directory)}: run {run_outcome}" + (f": {reason}" if reason else ""))

    for name, label, message in sorted(failures):
        print(f"{label}: {name}", file=out)
        if message:
            print(f"    {message}", file=out)
    for line in broken_runs:
        print(line, file=out)
    print(f"{passed} passed, {failed} failed, {skipped} skipped", file=out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: summarize.py RESULTS_DIRECTORY")
    summarize(sys.argv[1], sys.stdout)
