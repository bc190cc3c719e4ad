#!/usr/bin/env python3
"""Lists the source files with the most lines of code outside tests (lines before a
trailing `#[cfg(test)] mod … {`), and fails when one is over the limit.

    tools/architecture/sizes.py [--limit 600] [--most 10] crates/*
"""

import argparse
import re
import sys
from pathlib import Path

TESTS = re.compile(r"^#\[cfg\(test\)\]\s*\n\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{", re.M)


def code_lines(path):
    text = path.read_text()
    match = TESTS.search(text)
    if match:
        text = text[: match.start()]
    return sum(1 for line in text.splitlines() if line.strip())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=600)
    parser.add_argument("--most", type=int, default=10)
    parser.add_argument("dirs", nargs="*", default=["crates"])
    args = parser.parse_args()
    sizes = []
    for d in args.dirs:
        for path in Path(d).glob("src/**/*.rs") if (Path(d) / "src").is_dir() else Path(d).glob("**/src/**/*.rs"):
            sizes.append((code_lines(path), str(path)))
    sizes.sort(reverse=True)
    for lines, path in sizes[: args.most]:
        print(f"{lines:6} {path}")
    over = [(lines, path) for lines, path in sizes if lines > args.limit]
    if over:
        print(f"sizes: {len(over)} file(s) over {args.limit} lines of code")
        return 1
    print(f"sizes: every source file is at most {args.limit} lines of code")
    return 0


if __name__ == "__main__":
    sys.exit(main())
