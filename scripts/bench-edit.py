#!/usr/bin/env python3
"""What one edit costs from the command line, against SQLite's own floor.

Generates a 20,000-persona project, writes 300 small edits (each a persona's
need changing importance), and times `persona-atlas edit` applying them, each
in its own transaction. The floor is what SQLite itself needs to commit one
small UPDATE per transaction on a copy of the same file, with the same
journal mode (DELETE) and sync setting (FULL), measured in the same run.
Also times `persona-atlas info` (open and describe) on the same file.

Usage: scripts/bench-edit.py PATH/TO/persona-atlas [--personas N] [--edits N]
"""

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--personas", type=int, default=20000)
    ap.add_argument("--edits", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    # On the disk the project lives on, not a RAM disk: fsync must cost.
    base = os.path.join(os.path.dirname(os.path.abspath(args.binary)), "bench-edit")
    os.makedirs(base, exist_ok=True)
    work = tempfile.mkdtemp(dir=base)
    try:
        project = os.path.join(work, "p.patlas")
        run([args.binary, "generate", "--personas", str(args.personas), "-o", project])
        export = json.loads(run([args.binary, "export", project]).stdout)
        personas = [p for p in export["personas"] if p.get("needs")]

        # Each run sets other values than the one before: an edit that
        # changes nothing is not written, and SQLite skips a row rewritten
        # with the same bytes, so repeating the same values would time no
        # writes at all.
        def edits_for(run_no):
            out = []
            for k in range(args.edits):
                p = personas[k % len(personas)]
                out.append(
                    json.dumps(
                        {
                            "op": "link_need",
                            "persona": p["id"],
                            "need": p["needs"][0]["need"],
                            "importance": round(0.1 + ((k + run_no) % 9) / 10, 2),
                        }
                    )
                )
            return "\n".join(out) + "\n"

        lines = os.path.join(work, "edits.jsonl")
        tool = []
        for r in range(args.repeat):
            with open(lines, "w") as f:
                f.write(edits_for(r + 1))
            start = time.perf_counter()
            out = run([args.binary, "edit", project, lines]).stderr
            tool.append(time.perf_counter() - start)
            if f"applied {args.edits} edits" not in out:
                sys.exit(f"expected every edit to change the project: {out}")

        info = []
        for _ in range(5):
            start = time.perf_counter()
            run([args.binary, "info", project])
            info.append(time.perf_counter() - start)

        floor = []
        copy = os.path.join(work, "floor.patlas")
        shutil.copyfile(project, copy)
        ids = [p["id"] for p in personas]
        for r in range(args.repeat):
            conn = sqlite3.connect(copy, isolation_level=None)
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
            start = time.perf_counter()
            for k in range(args.edits):
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(
                    "UPDATE persona SET title = ? WHERE id = ?",
                    (f"t{r}-{k}", ids[k % len(ids)]),
                )
                conn.execute("COMMIT")
            floor.append(time.perf_counter() - start)
            conn.close()

        per_edit = min(tool) / args.edits * 1000
        per_floor = min(floor) / args.edits * 1000
        print(f"edit: {args.edits} edits on {args.personas} personas, best of {args.repeat}")
        print(f"  persona-atlas edit   {min(tool):7.3f} s  {per_edit:6.2f} ms per edit (whole process: open, check, write)")
        print(f"  SQLite floor         {min(floor):7.3f} s  {per_floor:6.2f} ms per committed UPDATE")
        print(f"  ratio                {per_edit / per_floor:6.2f}x the floor (goal: at most 3x)")
        print(f"info: open and describe {args.personas} personas: {min(info) * 1000:.0f} ms (best of 5; goal: at most 150 ms)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
