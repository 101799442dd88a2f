#!/usr/bin/env python3
"""Build assets/tzdb.bin, relplan's embedded IANA time-zone database, from the machine's zoneinfo.

Why: neither libstdc++ 12 nor libc++ 14 ships std::chrono::tzdb, and the web page has no zoneinfo,
so the core carries its own zone engine (core/lib/base/tz.cpp) over this file; native and WASM then
convert identically.

What goes in: every zone ("Z" line) and every link ("L" line) of tzdata.zi, read from the compiled
TZif files (RFC 8536) beside it. Each zone keeps its explicit transitions up to the point where its
POSIX TZ footer rule reproduces the rest, plus the footer itself; the engine evaluates the footer for
later instants, so conversions stay exact to the year 9999 without storing repeated DST rules.
Before writing, the script replays the stored data the way the engine reads it and compares it with
the full TZif transitions (1800-2037) and with Python's zoneinfo (2037-2100); any mismatch aborts.

Format (all integers are LEB128 varints; "svar" = zigzag-encoded signed varint):
  "RPTZDB1\\n"                     magic, 8 bytes
  var len, bytes                    tzdata version, e.g. "2025b"
  var Z                             zone record count
  Z x zone record:
    var T                           time-type count (1..255); type 0 applies before the first
                                    transition
    T x (svar utoff_seconds, byte is_dst, var len, abbreviation bytes)
    var K                           transition count
    K x transition time             first as svar seconds since 1970 UTC, then var deltas (> 0)
    K x byte                        type index in effect from that transition on
    var len, footer bytes           POSIX TZ rule for instants at/after the last transition
                                    (may be empty: the last type then holds forever)
  var N                             name count, names sorted bytewise ascending
  N x (var len, name bytes, var zone record index)

Usage: tools/gen_tzdb.py [--zoneinfo DIR] [--out assets/tzdb.bin] [--golden FILE]

--golden also writes reference conversions computed by Python's zoneinfo for the engine's
differential test (tests/data/tz/golden.txt): "U zone utc offset abbr" (UTC -> local) and
"L zone local utc" (local -> UTC, earlier instant in overlaps, pre-gap offset in gaps). Samples lie
in 1900-2024, away from future rule changes, so a tzdata update rarely invalidates them.
"""

import argparse
import calendar
import datetime
import gzip
import os
import random
import struct
import sys
import zoneinfo

MAGIC = b"RPTZDB1\n"
FIRST_YEAR = 1800  # transitions before this are LMT trivia; the engine's range starts at 1900
VERIFY_FROM_YEAR = 1900
FAT_END_YEAR = 2037  # compiled "fat" TZif files list transitions through 2037
VERIFY_TO_YEAR = 2100
SIZE_LIMIT_GZIP = 150 * 1024
ZONEINFO_DIR = "/usr/share/zoneinfo"


def fail(msg):
    sys.exit("gen_tzdb: " + msg)


# ---------------------------------------------------------------- TZif reading (RFC 8536)

def read_tzif(path):
    data = open(path, "rb").read()
    if data[:4] != b"TZif":
        fail(f"{path}: not a TZif file")
    version = data[4]
    if version < ord("2"):
        fail(f"{path}: TZif version 1 has no 64-bit data or footer")

    def counts(off):
        return struct.unpack(">6l", data[off + 20:off + 44])

    isut, isstd, leap, timecnt, typecnt, charcnt = counts(0)
    v1_len = timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut
    off = 44 + v1_len
    if data[off:off + 4] != b"TZif":
        fail(f"{path}: missing second TZif header")
    isut, isstd, leap, timecnt, typecnt, charcnt = counts(off)
    if leap:
        fail(f"{path}: leap-second ('right/') data is not supported")
    off += 44
    times = list(struct.unpack(f">{timecnt}q", data[off:off + timecnt * 8]))
    off += timecnt * 8
    idxs = list(data[off:off + timecnt])
    off += timecnt
    types = []
    for i in range(typecnt):
        utoff, isdst, abbrind = struct.unpack(">lBB", data[off + i * 6:off + i * 6 + 6])
        types.append((utoff, isdst, abbrind))
    off += typecnt * 6
    chars = data[off:off + charcnt]
    off += charcnt + isstd + isut
    if data[off:off + 1] != b"\n":
        fail(f"{path}: missing footer")
    end = data.index(b"\n", off + 1)
    footer = data[off + 1:end].decode("ascii")
    out_types = []
    for utoff, isdst, abbrind in types:
        abbr = chars[abbrind:chars.index(b"\0", abbrind)].decode("ascii")
        out_types.append((utoff, isdst, abbr))
    return times, idxs, out_types, footer


# ---------------------------------------------------------------- POSIX TZ footer rules

class PosixRule:
    """The footer rule, evaluated exactly like core/lib/base/tz.cpp does."""

    def __init__(self, text):
        self.text = text
        self.pos = 0
        self.std_abbr = self._abbr()
        self.std_off = -self._offset(24)
        self.dst_abbr = None
        if self.pos < len(text) and text[self.pos] != ",":
            self.dst_abbr = self._abbr()
            if self.pos < len(text) and text[self.pos] != ",":
                self.dst_off = -self._offset(24)
            else:
                self.dst_off = self.std_off + 3600
            if self.pos >= len(text):
                fail(f"footer {text!r}: DST without rule")
            self._expect(",")
            self.start = self._date_time()
            self._expect(",")
            self.end = self._date_time()
        if self.pos != len(text):
            fail(f"footer {text!r}: trailing text")

    def _expect(self, ch):
        if self.pos >= len(self.text) or self.text[self.pos] != ch:
            fail(f"footer {self.text!r}: expected {ch!r} at {self.pos}")
        self.pos += 1

    def _abbr(self):
        t = self.text
        if t[self.pos:self.pos + 1] == "<":
            end = t.index(">", self.pos)
            abbr = t[self.pos + 1:end]
            self.pos = end + 1
        else:
            start = self.pos
            while self.pos < len(t) and t[self.pos].isalpha():
                self.pos += 1
            abbr = t[start:self.pos]
        if len(abbr) < 3:
            fail(f"footer {t!r}: abbreviation too short")
        return abbr

    def _num(self):
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos].isdigit():
            self.pos += 1
        if start == self.pos:
            fail(f"footer {self.text!r}: number expected at {start}")
        return int(self.text[start:self.pos])

    def _offset(self, max_hours):
        sign = 1
        if self.text[self.pos:self.pos + 1] in ("+", "-"):
            sign = -1 if self.text[self.pos] == "-" else 1
            self.pos += 1
        secs = self._num() * 3600
        if secs > max_hours * 3600:
            fail(f"footer {self.text!r}: hours out of range")
        for mult in (60, 1):
            if self.text[self.pos:self.pos + 1] == ":":
                self.pos += 1
                secs += self._num() * mult
        return sign * secs

    def _date_time(self):
        t = self.text
        if t[self.pos] == "M":
            self.pos += 1
            m = self._num()
            self._expect(".")
            w = self._num()
            self._expect(".")
            d = self._num()
            date = ("M", m, w, d)
        elif t[self.pos] == "J":
            self.pos += 1
            date = ("J", self._num())
        else:
            date = ("N", self._num())
        secs = 7200
        if self.pos < len(t) and t[self.pos] == "/":
            self.pos += 1
            secs = self._offset(167)
        return date, secs

    @staticmethod
    def _day_of_year(date, year):
        """Days since Jan 1 of `year` (0-based) of the rule date."""
        leap = calendar.isleap(year)
        if date[0] == "J":
            n = date[1] - 1
            return n + 1 if leap and n >= 59 else n
        if date[0] == "N":
            return date[1]
        _, m, w, d = date
        first = datetime.date(year, m, 1)
        delta = (d - (first.weekday() + 1) % 7) % 7
        day = 1 + delta + (w - 1) * 7
        days_in_month = calendar.monthrange(year, m)[1]
        while day > days_in_month:
            day -= 7
        return (datetime.date(year, m, day) - datetime.date(year, 1, 1)).days

    def transitions(self, year):
        """[(utc_seconds, is_dst)] for `year`, end-of-DST first when both fall on one instant."""
        if self.dst_abbr is None:
            return []
        jan1 = calendar.timegm((year, 1, 1, 0, 0, 0))
        (sd, st), (ed, et) = self.start, self.end
        start = jan1 + self._day_of_year(sd, year) * 86400 + st - self.std_off
        end = jan1 + self._day_of_year(ed, year) * 86400 + et - self.dst_off
        return sorted([(start, True), (end, False)], key=lambda p: (p[0], p[1]))

    def state(self, utc, is_dst):
        if is_dst:
            return (self.dst_off, 1, self.dst_abbr)
        return (self.std_off, 0, self.std_abbr)

    def at(self, utc):
        if self.dst_abbr is None:
            return self.state(utc, False)
        year = datetime.datetime.fromtimestamp(utc, datetime.timezone.utc).year
        last = None
        for y in (year - 1, year, year + 1):
            for t, dst in self.transitions(y):
                if t <= utc:
                    last = dst
        return self.state(utc, bool(last))


# ---------------------------------------------------------------- trimming and verification

def year_start(year):
    return calendar.timegm((year, 1, 1, 0, 0, 0))


def lookup(times, idxs, types, footer_rule, utc):
    """The engine's lookup: type 0 before the first transition, the footer after the last."""
    if not times or utc < times[0]:
        if not times and footer_rule is not None:
            return footer_rule.at(utc)
        return types[0]
    lo, hi = 0, len(times)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if times[mid] <= utc:
            lo = mid
        else:
            hi = mid
    if lo == len(times) - 1 and footer_rule is not None:
        return footer_rule.at(utc)
    return types[idxs[lo]]


def build_zone(path):
    times, idxs, types, footer = read_tzif(path)
    if not types:
        fail(f"{path}: no time types")
    keep = [i for i, t in enumerate(times) if t >= year_start(FIRST_YEAR)]
    times = [times[i] for i in keep]
    idxs = [idxs[i] for i in keep]
    rule = PosixRule(footer) if footer else None

    # Keep the shortest prefix times[:cut] after which the footer reproduces the rest: the footer
    # then governs [times[cut-1], ...). Both sides are piecewise constant, so they agree on an
    # interval when they agree at its start and at every footer transition inside it.
    cut = len(times)
    if rule is not None and times:
        # Explicit data ends with 2037, or later where zic lists rules one by one (Morocco).
        fat_end = max(year_start(FAT_END_YEAR + 1), times[-1] + 1)
        bounds = times + [fat_end]

        def footer_matches(lo, hi, expected):
            if rule.at(lo) != expected:
                return False
            first = datetime.datetime.fromtimestamp(lo, datetime.timezone.utc).year
            last = datetime.datetime.fromtimestamp(hi, datetime.timezone.utc).year
            return all(rule.at(t) == expected
                       for y in range(first, last + 1)
                       for t, _ in rule.transitions(y) if lo < t < hi)

        while cut >= 1 and footer_matches(bounds[cut - 1], bounds[cut], types[idxs[cut - 1]]):
            cut -= 1
        cut += 1
        cut = min(cut, len(times))
    times, idxs = times[:cut], idxs[:cut]

    # Renumber types: type 0 first (it governs instants before the first transition), then in
    # order of first use, dropping unused ones.
    order = [0]
    for i in idxs:
        if i not in order:
            order.append(i)
    remap = {old: new for new, old in enumerate(order)}
    new_types = [types[i] for i in order]
    new_idxs = [remap[i] for i in idxs]
    if len(new_types) > 255:
        fail(f"{path}: more than 255 time types")
    return new_types, times, new_idxs, footer


def verify_zone(name, path, zone):
    types, times, idxs, footer = zone
    rule = PosixRule(footer) if footer else None
    full_times, full_idxs, full_types, _ = read_tzif(path)

    def mine(utc):
        t = lookup(times, idxs, types, rule, utc)
        return (t[0], t[1], t[2])

    def reference(utc):
        if full_times and utc >= full_times[-1] and rule is not None:
            return rule.at(utc)
        return lookup(full_times, full_idxs, full_types, None, utc)

    probes = set()
    lo, hi = year_start(VERIFY_FROM_YEAR), year_start(FAT_END_YEAR + 1)
    for t in full_times:
        if lo <= t < hi:
            probes.update((t - 1, t, t + 1))
    for y in range(VERIFY_FROM_YEAR, FAT_END_YEAR + 1):
        for m in (1, 4, 7, 10):
            probes.add(calendar.timegm((y, m, 15, 12, 0, 0)))
    for t in sorted(probes):
        if mine(t) != reference(t):
            fail(f"{name}: stored data disagrees with TZif at {t}: {mine(t)} != {reference(t)}")

    # Beyond the fat range, compare with Python's own zoneinfo (which evaluates the footer too):
    # on a twice-monthly grid, and on both sides of every transition either side sees.
    zi = zoneinfo.ZoneInfo(name)

    def theirs(utc):
        dt = datetime.datetime.fromtimestamp(utc, zi)
        return (int(dt.utcoffset().total_seconds()), dt.tzname())

    def check(utc):
        m = mine(utc)
        if (m[0], m[2]) != theirs(utc):
            fail(f"{name}: at {utc} the stored data gives {m} but zoneinfo gives {theirs(utc)}")

    grid = [calendar.timegm((y, m, d, 12, 0, 0))
            for y in range(FAT_END_YEAR, VERIFY_TO_YEAR + 1) for m in range(1, 13) for d in (1, 15)]
    for a, b in zip(grid, grid[1:]):
        check(a)
        if theirs(a) != theirs(b):
            lo, hi = a, b
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if theirs(mid) == theirs(a):
                    lo = mid
                else:
                    hi = mid
            check(lo)
            check(hi)
    if rule is not None:
        for y in range(FAT_END_YEAR, VERIFY_TO_YEAR + 1):
            for t, _ in rule.transitions(y):
                check(t - 1)
                check(t)


# ---------------------------------------------------------------- encoding

def uvar(n):
    if n < 0:
        raise ValueError(n)
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def svar(n):
    return uvar((n << 1) if n >= 0 else ((-n << 1) - 1))


def blob(b):
    return uvar(len(b)) + b


def encode_zone(zone):
    types, times, idxs, footer = zone
    out = bytearray(uvar(len(types)))
    for utoff, isdst, abbr in types:
        out += svar(utoff) + bytes([isdst]) + blob(abbr.encode("ascii"))
    out += uvar(len(times))
    prev = None
    for t in times:
        out += svar(t) if prev is None else uvar(t - prev)
        prev = t
    out += bytes(idxs)
    out += blob(footer.encode("ascii"))
    return bytes(out)


def read_names(zoneinfo_dir):
    zones, links, version = [], {}, ""
    with open(os.path.join(zoneinfo_dir, "tzdata.zi"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if line.startswith("# version"):
                version = parts[2]
            elif parts and parts[0] == "Z":
                zones.append(parts[1])
            elif parts and parts[0] == "L":
                links[parts[2]] = parts[1]
    with open(os.path.join(zoneinfo_dir, "zone1970.tab"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name = line.split("\t")[2].strip()
                if name not in zones:
                    fail(f"zone1970.tab names {name}, which tzdata.zi lacks")
    if not version:
        fail("tzdata.zi carries no version line")
    return version, zones, links


def write_golden(path, zones, zones_version):
    rng = random.Random(5545)
    lo, hi = year_start(1900), year_start(2025)
    lines = []
    for name in sorted(zones):
        zi = zoneinfo.ZoneInfo(name)
        utc_probes = [rng.randrange(lo, hi) for _ in range(2)]
        local_probes = [rng.randrange(lo, hi)]
        times, _, _, _ = read_tzif(os.path.join(ZONEINFO_DIR, name))
        recent = [t for t in times if year_start(2015) <= t < year_start(2025)]
        if recent:
            t = recent[rng.randrange(len(recent))]
            before = datetime.datetime.fromtimestamp(t - 1, zi).utcoffset()
            after = datetime.datetime.fromtimestamp(t, zi).utcoffset()
            # Local readings just before, inside and just after the gap or overlap.
            lo_local = t + int(min(before, after).total_seconds())
            hi_local = t + int(max(before, after).total_seconds())
            utc_probes += [t - 1, t]
            local_probes += [lo_local - 1, lo_local, (lo_local + hi_local) // 2, hi_local - 1,
                             hi_local]
        for u in utc_probes:
            dt = datetime.datetime.fromtimestamp(u, zi)
            lines.append(f"U {name} {u} {int(dt.utcoffset().total_seconds())} {dt.tzname()}")
        for loc in local_probes:
            naive = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=loc)
            u = int(naive.replace(tzinfo=zi, fold=0).timestamp())
            lines.append(f"L {name} {loc} {u}")
    with open(path, "w", encoding="ascii") as f:
        f.write(f"# Generated by tools/gen_tzdb.py --golden from tzdata {zones_version}; "
                "see its docstring.\n")
        f.write("\n".join(lines) + "\n")
    print(f"{path}: {len(lines)} reference conversions")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--zoneinfo", default="/usr/share/zoneinfo")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "assets",
                                                  "tzdb.bin"))
    ap.add_argument("--golden", help="also write reference conversions to this file")
    args = ap.parse_args()
    global ZONEINFO_DIR
    ZONEINFO_DIR = args.zoneinfo

    version, zones, links = read_names(args.zoneinfo)
    records, record_index, name_to_record = [], {}, {}
    for name in sorted(zones):
        path = os.path.join(args.zoneinfo, name)
        zone = build_zone(path)
        verify_zone(name, path, zone)
        enc = encode_zone(zone)
        if enc not in record_index:
            record_index[enc] = len(records)
            records.append(enc)
        name_to_record[name] = record_index[enc]
    for link, target in links.items():
        while target in links:
            target = links[target]
        if target not in name_to_record:
            fail(f"link {link} points to unknown zone {target}")
        name_to_record[link] = name_to_record[target]

    out = bytearray(MAGIC)
    out += blob(version.encode("ascii"))
    out += uvar(len(records))
    for rec in records:
        out += rec
    names = sorted(name_to_record, key=lambda n: n.encode("utf-8"))
    out += uvar(len(names))
    for n in names:
        out += blob(n.encode("utf-8")) + uvar(name_to_record[n])

    packed = len(gzip.compress(bytes(out), 9))
    if packed > SIZE_LIMIT_GZIP:
        fail(f"database is {packed} bytes gzipped, over the {SIZE_LIMIT_GZIP}-byte budget")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "wb") as f:
        f.write(out)
    print(f"{args.out}: tzdata {version}, {len(zones)} zones, {len(links)} links, "
          f"{len(records)} distinct records, {len(out)} bytes ({packed} gzipped)")
    if args.golden:
        write_golden(args.golden, zones, version)


if __name__ == "__main__":
    main()
