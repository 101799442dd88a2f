#!/usr/bin/env python3
"""Writes a large, realistic relplan plan for benchmarks and screenshots.

    tools/gen_big_plan.py OUT.plan.json [--releases N] [--components N] [--seed N] [--from YYYY-MM-DD]

Releases are spread over the components from --from onwards (default: two years before today), each
component on its own cadence with increasing SemVer versions; types, statuses, milestone dates and
change windows (in several IANA zones) vary like a real portfolio, plus yearly holidays and
blackouts. A few deliberate conflicts (weekend dates, overlapping windows) keep the conflict views
busy. The output is deterministic for a given seed and start date.
"""
import argparse
import datetime as dt
import json
import random
import sys

try:
    from zoneinfo import ZoneInfo
except ImportError:  # Python < 3.9: windows are then written in UTC
    ZoneInfo = None

COMPONENT_NAMES = [
    "API Gateway", "Billing", "Checkout", "Identity", "Search", "Mobile App", "Web Frontend", "Notifications",
    "Data Pipeline", "Reporting", "Admin Console", "Payments", "Catalog", "Inventory", "Shipping", "Support Portal",
    "Analytics", "Recommendations", "Auth SDK", "CLI",
]
ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/London", "America/Los_Angeles"]
THEMES = ["Performance", "Reliability", "Onboarding", "Compliance", "Self-service", "Scale-out", "Accessibility"]


def iso(d):
    return d.isoformat()


def window(day, rng):
    zone = rng.choice(ZONES)
    start_hour = rng.choice([6, 8, 20, 21, 22, 23])
    length = rng.choice([60, 90, 120, 180])
    tz = ZoneInfo(zone) if ZoneInfo else dt.timezone.utc
    start = dt.datetime(day.year, day.month, day.day, start_hour, 0, tzinfo=tz)
    end = start + dt.timedelta(minutes=length)
    out = {"start": start.isoformat(timespec="seconds"), "end": end.isoformat(timespec="seconds")}
    if ZoneInfo:
        out["zone"] = zone
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--releases", type=int, default=10000)
    ap.add_argument("--components", type=int, default=16)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--from", dest="start", default=None)
    args = ap.parse_args()
    if args.releases < 0 or not 1 <= args.components <= len(COMPONENT_NAMES):
        sys.exit(f"--releases must be >= 0 and --components 1..{len(COMPONENT_NAMES)}")
    rng = random.Random(args.seed)
    today = dt.date.today()
    start = dt.date.fromisoformat(args.start) if args.start else today.replace(day=1) - dt.timedelta(days=730)

    comps = [{"id": name.lower().replace(" ", "-"), "name": name, "owner": f"team-{i + 1}"}
             for i, name in enumerate(COMPONENT_NAMES[: args.components])]
    per_comp = [args.releases // len(comps) + (1 if i < args.releases % len(comps) else 0) for i in range(len(comps))]
    # Enough years to hold every component's releases at a busy but plausible cadence (>= 3 days apart).
    span_days = max(365, max(per_comp, default=0) * 5)
    years = range(start.year, start.year + span_days // 365 + 2)

    holidays, blackouts = [], []
    for y in years:
        for (m, d, name) in [(1, 1, "New Year's Day"), (5, 1, "Labour Day"), (7, 4, "Independence Day"),
                             (12, 25, "Christmas Day"), (12, 26, "Boxing Day")]:
            holidays.append({"name": name, "start": iso(dt.date(y, m, d)), "end": iso(dt.date(y, m, d))})
        blackouts.append({"name": "Year-end change freeze", "start": iso(dt.date(y, 12, 20)), "end": iso(dt.date(y + 1, 1, 2))})
        blackouts.append({"name": "Black Friday peak", "start": iso(dt.date(y, 11, 24)), "end": iso(dt.date(y, 11, 30)),
                          "components": [c["id"] for c in comps[:3]]})
        if len(comps) > 5:
            blackouts.append({"name": "Quarter close", "start": iso(dt.date(y, 3, 28)), "end": iso(dt.date(y, 3, 31)),
                              "components": [comps[1]["id"], comps[5]["id"]]})

    releases = []
    n = 0
    for ci, comp in enumerate(comps):
        day = start + dt.timedelta(days=rng.randrange(0, 10))
        major, minor, patch = 1, 0, 0
        for _ in range(per_comp[ci]):
            n += 1
            kind = rng.choices(["major", "minor", "patch", "hotfix", "security"], [2, 30, 50, 12, 6])[0]
            gap = {"major": 21, "minor": 10, "patch": 4, "hotfix": 2, "security": 3}[kind]
            day += dt.timedelta(days=gap + rng.randrange(0, gap + 1))
            # Most release dates avoid weekends; a few do not (the weekend warning has work to do).
            while day.weekday() >= 5 and rng.random() < 0.97:
                day += dt.timedelta(days=1)
            if kind == "major":
                major, minor, patch = major + 1, 0, 0
            elif kind == "minor":
                minor, patch = minor + 1, 0
            else:
                patch += 1
            version = f"{major}.{minor}.{patch}"
            lead = {"major": (28, 14, 7), "minor": (14, 7, 3), "patch": (7, 3, 1), "hotfix": (0, 0, 0), "security": (0, 0, 0)}[kind]
            if day < today - dt.timedelta(days=10):
                status = rng.choices(["released", "rolled-back", "cancelled"], [95, 2, 3])[0]
            elif day < today + dt.timedelta(days=10):
                status = rng.choice(["frozen", "approved"])
            else:
                status = rng.choices(["planning", "approved"], [85, 15])[0]
            rel = {
                "id": f"{comp['id']}-{version}",
                "name": f"{comp['name']} {THEMES[n % len(THEMES)]}" if kind in ("major", "minor") else comp["name"],
                "components": [comp["id"]],
                "version": version,
                "type": kind,
                "status": status,
            }
            if rng.random() < 0.8:  # the rest get their milestones computed by the app
                rel["planning_start"] = iso(day - dt.timedelta(days=lead[0]))
                rel["feature_freeze"] = iso(day - dt.timedelta(days=lead[1]))
                rel["code_freeze"] = iso(day - dt.timedelta(days=lead[2]))
            rel["release_date"] = iso(day)
            if rng.random() < 0.35:
                rel["change_window"] = window(day, rng)
            if kind in ("major", "minor"):
                rel["theme"] = THEMES[n % len(THEMES)]
            releases.append(rel)

    plan = {
        "format": {"name": "relplan", "version": 1},
        "project": {"name": f"Benchmark portfolio ({args.releases} releases)",
                    "description": "Generated by tools/gen_big_plan.py"},
        "components": comps,
        "blackouts": blackouts,
        "holidays": holidays,
        "releases": releases,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(plan, f, indent=2)
        f.write("\n")
    print(f"{args.out}: {len(releases)} releases, {len(comps)} components, {len(holidays)} holidays, {len(blackouts)} blackouts")


if __name__ == "__main__":
    main()
