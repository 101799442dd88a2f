#!/usr/bin/env python3
"""Inputs for the scaling table of make bench: the same shape at every size, so time and memory can be
compared per x10.

    gen_scale.py plan N OUT.json        N releases over 16 components: milestones, change windows that
                                        overlap heavily (many per day), two changes each, yearly
                                        holidays and blackouts; written compact (one line), about
                                        560 bytes per release
    gen_scale.py commits BYTES OUT      Conventional Commit messages separated by NUL (git log -z),
                                        short subjects with an occasional body, footer or merge
    gen_scale.py changelog N OUT.md     a Keep a Changelog file with N releases of two entries each
                                        (its plan stays under the 64 MiB plan limit at N = 100,000)
    gen_scale.py versions N OUT.txt     N versions with long pre-release tags and large numeric parts

Deterministic: a fixed seed and fixed dates, no clock.
"""
import datetime as dt
import json
import random
import sys

COMPONENTS = ["api", "billing", "checkout", "identity", "search", "mobile", "web", "notify", "pipeline",
              "reporting", "admin", "payments", "catalog", "inventory", "shipping", "support"]
VERBS = ["Add", "Fix", "Improve", "Remove", "Speed up", "Handle", "Support", "Harden"]
OBJECTS = ["invoice totals", "retry backoff", "session tokens", "CSV export", "search filters", "webhook payloads",
           "audit log entries", "rate limits", "refund flow", "SSO login", "bulk import", "API pagination"]
CATEGORIES = ["new-feature", "improvement", "bug-fix", "performance", "security"]
START = dt.date(2026, 1, 5)


def plan(n, out):
    r = random.Random(13)
    per_day = max(1, n // 1000)  # 1k releases: one a day; 100k: a hundred a day, all overlapping
    releases = []
    counters = {c: [1, 0, 0] for c in COMPONENTS}
    for i in range(n):
        comp = COMPONENTS[i % len(COMPONENTS)]
        v = counters[comp]
        v[2] += 1
        if r.random() < 0.1:
            v[1] += 1
            v[2] = 0
        day = START + dt.timedelta(days=i // per_day)
        hour = 18 + (i % 5)
        rel = {
            "id": f"{comp}-{i}", "name": f"{comp} {v[0]}.{v[1]}.{v[2]}", "version": f"{v[0]}.{v[1]}.{v[2]}",
            "type": "minor" if v[2] == 0 else "patch", "status": "planning", "components": [comp],
            "planning_start": (day - dt.timedelta(days=21)).isoformat(),
            "feature_freeze": (day - dt.timedelta(days=7)).isoformat(),
            "code_freeze": (day - dt.timedelta(days=3)).isoformat(),
            "release_date": day.isoformat(),
            "change_window": {"start": f"{day.isoformat()}T{hour:02d}:00:00Z",
                              "end": f"{(day + dt.timedelta(days=1)).isoformat()}T02:00:00Z"},
            "changes": [{"id": f"{comp}-{i}:{k}", "category": r.choice(CATEGORIES),
                         "description": f"{r.choice(VERBS)} {r.choice(OBJECTS)}"} for k in (1, 2)],
        }
        releases.append(rel)
    last = START + dt.timedelta(days=n // per_day + 30)
    years = range(START.year, last.year + 1)
    holidays = [{"name": "New Year's Day", "start": f"{y}-01-01", "end": f"{y}-01-01"} for y in years]
    blackouts = [{"name": "Year-end freeze", "start": f"{y}-12-20", "end": f"{y + 1}-01-02"} for y in years]
    blackouts += [{"name": "Peak sales", "start": f"{y}-11-24", "end": f"{y}-11-30", "components": COMPONENTS[:3]}
                  for y in years]
    doc = {"format": {"name": "relplan", "version": 1}, "project": {"name": "Scale"},
           "components": [{"id": c, "name": c.title()} for c in COMPONENTS],
           "holidays": holidays, "blackouts": blackouts, "releases": releases}
    with open(out, "w") as f:
        json.dump(doc, f, separators=(",", ":"))


def commits(size, out):
    r = random.Random(17)
    types = ["feat", "fix", "fix", "docs", "chore", "refactor", "perf", "test"]
    scopes = ["api", "ui", "db", "auth", "cli"]
    parts, total, i = [], 0, 0
    while total < size:
        t = r.choice(types)
        scope = f"({r.choice(scopes)})" if r.random() < 0.4 else ""
        msg = f"{t}{scope}: {r.choice(VERBS).lower()} {r.choice(OBJECTS)}"
        if i % 50 == 7:
            msg = f"Merge pull request #{i} from acme/topic-{i}"
        elif r.random() < 0.2:
            msg += f"\n\nThe {r.choice(OBJECTS)} path needed this.\n\nRefs: #{1000 + i}"
        elif r.random() < 0.01:
            msg += "\n\nBREAKING CHANGE: the old behaviour is gone"
        piece = msg.encode() + b"\0"
        parts.append(piece)
        total += len(piece)
        i += 1
    with open(out, "wb") as f:
        f.write(b"".join(parts)[:size])


def changelog(n, out):
    r = random.Random(19)
    lines = ["# Changelog", ""]
    for i in range(n, 0, -1):
        day = START + dt.timedelta(days=i)
        lines += [f"## [{i // 100}.{i % 100}.0] - {day.isoformat()}", "", "### Added",
                  f"- {r.choice(VERBS)} {r.choice(OBJECTS)}", "", "### Fixed",
                  f"- {r.choice(VERBS)} {r.choice(OBJECTS)} (#{i})", ""]
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


def versions(n, out):
    r = random.Random(23)
    with open(out, "w") as f:
        for i in range(n):
            f.write(f"{r.randrange(10**12)}.{r.randrange(10**9)}.{r.randrange(10**6)}"
                    f"-alpha.{r.randrange(10**8)}.build-{r.randrange(10**6):06d}.rc-{r.randrange(1000)}.x\n")


if __name__ == "__main__":
    kind, arg, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    {"plan": plan, "commits": commits, "changelog": changelog, "versions": versions}[kind](arg, out)
