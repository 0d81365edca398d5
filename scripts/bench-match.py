#!/usr/bin/env python3
"""What matching a million customer records costs, against DuckDB.

Writes a deterministic table of N records (about 90 bytes each: ids, ages,
cities, departments, titles, dates, booleans, some cells empty or unreadable)
and a project whose twelve personas carry rules using every kind of test,
then times `persona-atlas match` on it, and DuckDB merely counting the same
file's rows (`SELECT count(*) FROM read_csv(...)`), in the same run, each the
best of --repeat. Prints both and the ratio (the goal is at most 2x).

Usage: scripts/bench-match.py PATH/TO/persona-atlas [--records N] [--repeat N]
Needs: pip install duckdb
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

RULES = [
    'age < 30 and city = "big" and department starts with "purch"',
    'department in ("it", "engineering") or signup < 2019-01-01',
    'title contains any ("cto", "chief technology")',
    'age between 30 and 45 and active = true',
    'not (city = "small") and score >= 0.8',
    'title ends with "manager" and department = "operations"',
    'email is missing and phone is present',
    'signup between 2022-01-01 and 2023-12-31 and age > 50',
    'department not in ("sales", "marketing", "it") and score < 0.2',
    'city = "medium" and title contains "lead"',
    'active = false and age <= 25',
    '`company size` > 500 and department = "procurement"',
]

CITIES = ["big", "Big", "medium", "small", " big ", ""]
DEPARTMENTS = ["Purchasing", "IT", "Engineering", "Operations", "Sales", "Marketing",
               "Procurement", "Finance", ""]
TITLES = ["Head of Procurement", "CTO", "Operations Manager", "Team Lead", "Analyst",
          "Chief Technology Officer", "Buyer", ""]


def write_table(path, records):
    rng = random.Random(7)
    with open(path, "w", newline="") as f:
        f.write("id,account,age,city,department,title,signup,active,score,email,phone,company size\n")
        for i in range(records):
            age = "" if rng.random() < 0.03 else ("n/a" if rng.random() < 0.01 else str(rng.randint(18, 70)))
            signup = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            f.write(
                f"{i},acct-{rng.randint(0, 50000)},{age},{rng.choice(CITIES)},"
                f"{rng.choice(DEPARTMENTS)},{rng.choice(TITLES)},{signup},"
                f"{rng.choice(['true', 'false', 'yes', 'no', ''])},{rng.random():.3f},"
                f"{'' if rng.random() < 0.3 else f'p{i}@example.com'},"
                f"{'' if rng.random() < 0.5 else '+44 20 7946 0000'},{rng.randint(1, 5000)}\n"
            )


def write_project(binary, work):
    path = os.path.join(work, "project.json")
    subprocess.run([binary, "demo", "-o", os.path.join(work, "demo.patlas"), "--force"],
                   check=True, capture_output=True)
    doc = json.loads(subprocess.run([binary, "export", os.path.join(work, "demo.patlas")],
                                    check=True, capture_output=True, text=True).stdout)
    for persona, rule in zip(doc["personas"], RULES):
        persona["rules"] = rule
    for persona in doc["personas"][len(RULES):]:
        persona.pop("rules", None)
    with open(path, "w") as f:
        json.dump(doc, f)
    return path


def best(repeat, run):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    try:
        import duckdb
    except ImportError:
        sys.exit("bench-match needs DuckDB as its peer: pip install duckdb")

    binary = os.path.abspath(args.binary)
    work = os.path.join(os.path.dirname(binary), "bench-match")
    os.makedirs(work, exist_ok=True)
    table = os.path.join(work, f"records-{args.records}.csv")
    if not os.path.exists(table):
        write_table(table + ".part", args.records)
        os.replace(table + ".part", table)
    project = write_project(binary, work)
    size = os.path.getsize(table)

    def ours():
        subprocess.run([binary, "match", project, table, "--format", "json"],
                       check=True, capture_output=True)

    def ours_accounts():
        subprocess.run([binary, "match", project, table, "--account", "account",
                        "--format", "json"], check=True, capture_output=True)

    def peer():
        con = duckdb.connect()
        con.execute(f"SELECT count(*) FROM read_csv('{table}')").fetchall()
        con.close()

    with tempfile.TemporaryDirectory():
        ours_s = best(args.repeat, ours)
        accounts_s = best(args.repeat, ours_accounts)
        peer_s = best(args.repeat, peer)
    print(f"table: {args.records:,} records, {size / 1e6:.0f} MB, {len(RULES)} rules")
    print(f"persona-atlas match:            {ours_s * 1000:8.0f} ms")
    print(f"persona-atlas match --account:  {accounts_s * 1000:8.0f} ms (50,000 accounts)")
    print(f"duckdb count(*):                {peer_s * 1000:8.0f} ms")
    print(f"ratio:                          {ours_s / peer_s:8.2f}x (goal: at most 2x)")
    print(f"ratio with accounts:            {accounts_s / peer_s:8.2f}x")


if __name__ == "__main__":
    main()
