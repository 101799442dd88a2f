#!/usr/bin/env python3
"""Extract a compact release-history fixture for the next-version replay test from a git clone.

usage: tools/replay_extract.py REPO_DIR NAME [--prefix v] [--since TAG] [--tool T] [--args "ARGS"] | gzip -n9 > FIXTURE.txt.gz

For every stable tag PREFIX<x.y.z> (from --since on), the previous stable tag on its line is the highest
stable tag below it (so a 1.4.1 backport released after 2.0.0 follows 1.4.0), whether or not it is an
ancestor (some tags sit on a commit beside the branch). With --tool release-please a release commit
("chore(main): release 2.18.0") of an untagged version between the two ends the range, as it ends
release-please's own. --prefix takes a comma-separated list (v,yargs-v). The commits of `git log -z --format='%h %p%n%B' PREV..TAG` (the parents kept only for merge
commits, hashes only in blocks with a revert) are written as one block:

    \x1e<tag> <prev-version> <expected-version>\n<commit>\0<commit>\0...

Each commit keeps its abbreviated hash and parents, its subject and only the body paragraphs that can
decide a bump (a footer paragraph naming BREAKING, a "This reverts commit" line, a Release-As footer):
dependency-bot bodies and the like are dropped to keep fixtures small. The first line of the file is
`# replay <NAME> tool=<T> args=<ARGS>`: the release tool and the next-version options of its policy.
"""
import re
import subprocess
import sys

STABLE = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
RELEASE_COMMIT = re.compile(r"^chore(?:\([\w-]+\))?: release (?:[\w@/.-]+ )??v?(\d+\.\d+\.\d+)\b")


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True).stdout


def keep_body(body):
    paragraphs = re.split(r"\n[ \t]*\n", body.strip("\n"))
    kept = []
    for p in paragraphs[1:]:
        if re.search(r"BREAKING[ -]CHANGE|This reverts commit|^Release-As:", p, re.M):
            kept.append(p)
    return "\n\n".join([paragraphs[0]] + kept)


def main():
    args = sys.argv[1:]
    repo, name = args[0], args[1]
    opts = dict(zip(args[2::2], args[3::2]))
    prefix = opts.get("--prefix", "v")
    since = opts.get("--since")
    tags = {}
    for t in git(repo, "tag").decode().split():
        for p in prefix.split(","):
            if t.startswith(p) and STABLE.match(t[len(p):]):
                tags[t] = tuple(int(x) for x in STABLE.match(t[len(p):]).groups())
    order = sorted(tags, key=tags.get)
    if since:
        floor = tags[since]
    out = sys.stdout.buffer
    out.write(f"# replay {name} tool={opts.get('--tool', '')} args={opts.get('--args', '')}\n".encode())
    for tag in order:
        if since and tags[tag] <= floor:
            continue
        below = [t for t in tags if tags[t] < tags[tag]]
        if not below:
            continue
        prev = max(below, key=tags.get)
        log = git(repo, "log", "-z", "--abbrev=10", "--format=%h %p%n%B", f"{prev}..{tag}").decode("utf-8", "replace")
        commits = []
        prev_version = ".".join(map(str, tags[prev]))
        for record in log.split("\0"):
            if not record.strip():
                continue
            head, _, message = record.partition("\n")
            marker = RELEASE_COMMIT.match(message) if opts.get("--tool") == "release-please" else None
            if marker and STABLE.match(marker.group(1)) and tags[prev] < tuple(int(x) for x in marker.group(1).split(".")) < tags[tag]:
                prev_version = marker.group(1)  # an untagged release: release-please starts from its commit
                break
            if len(head.split()) < 3:
                head = head.split()[0]
            commits.append(head + "\n" + keep_body(message))
        if not any("This reverts commit" in c for c in commits):  # hashes only matter to match reverts
            commits = [c.split("\n", 1)[1] if " " not in c.split("\n", 1)[0] else c for c in commits]
        block = f"\x1e{tag} {prev_version} {'.'.join(map(str, tags[tag]))}\n" + "\0".join(commits)
        out.write(block.encode())
    out.write(b"\n")


if __name__ == "__main__":
    main()
