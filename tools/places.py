#!/usr/bin/env python3
"""Derive data/places/iran.tsv from ../shared/lexicons/places/iran-places.tsv.

Usage: python3 tools/places.py ../shared/lexicons/places/iran-places.tsv > data/places/iran.tsv

One line per distinct name: `name<TAB>kinds`, kinds a comma-separated subset of
province, county, district, city (the kinds the name has anywhere in Iran).
Names keep the source's spelling (spaces between parts); the extractor
matches them with spaces, ZWNJ or nothing between parts. Arabic ي/ك become
ی/ک, harakat are dropped, runs of spaces collapse.
"""
import re
import sys

ORDER = ["province", "county", "district", "city"]


def norm(s):
    s = s.replace("ي", "ی").replace("ى", "ی").replace("ك", "ک")
    s = re.sub("[\u064B-\u065F\u0670]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def main():
    kinds = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        next(f)
        for line in f:
            name, kind, _prov = line.rstrip("\n").split("\t")
            kinds.setdefault(norm(name), set()).add(kind)
    print("# Iranian provinces, counties, districts (بخش) and cities.")
    print("# Derived by tools/places.py from ../shared/lexicons/places/iran-places.tsv")
    print("# (SaliBhdr/typhoon-iran-cities @a689d4e, MIT; see data/NOTICE-places.md):")
    print("# one line per distinct name, name<TAB>kinds.")
    for name in sorted(kinds):
        ks = ",".join(k for k in ORDER if k in kinds[name])
        print(f"{name}\t{ks}")


if __name__ == "__main__":
    main()
