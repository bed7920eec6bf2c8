#!/usr/bin/env python3
"""Derive data/people/given-names.txt from ../shared/lexicons/names/given-names.tsv.

Keeps one-word names (no space; a ZWNJ inside is kept) of at least 3 letters,
the shorter ones being mostly common words; drops the gender column.
Usage: python3 tools/derive_given_names.py SRC.tsv > data/people/given-names.txt
"""
import sys

HEADER = """# Persian given names, one a line: a signal for where a person's name starts.
# Derived from given-names.tsv of ../shared/lexicons/names (farbodbj/persian-gender-by-name
# commit 6b2c8f60acf7c3bac0753e9834bcf6d00be3c4b2, Apache-2.0; see data/NOTICE-names.md)
# by tools/derive_given_names.py: one-word names of 3+ letters, gender dropped.
"""


def main():
    src = sys.argv[1]
    names = []
    with open(src, encoding="utf-8") as f:
        next(f)
        for line in f:
            name = line.rstrip("\n").split("\t")[0].strip()
            if not name or " " in name:
                continue
            if len(name.replace("\u200c", "")) < 3:
                continue
            names.append(name)
    sys.stdout.write(HEADER)
    for n in sorted(set(names)):
        sys.stdout.write(n + "\n")


if __name__ == "__main__":
    main()
