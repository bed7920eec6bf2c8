#!/usr/bin/env python3
"""Derive khabar's ZWNJ tables (data/zwnj/*.txt) from the hazm lexicons.

Usage (from the crate root):
  python3 tools/zwnj/derive.py [--hazm ../shared/lexicons/hazm]
                               [--corpus ../shared/corpus/fars]

Inputs: hazm's words.dat (word, frequency, POS) and verbs.dat (past#present
stems), MIT license (see data/NOTICE-hazm.md). Optionally a folder of real
text, read ONLY as word counts (how often each word is written with and
without its ZWNJ): it decides between hazm's spelling and the one writers
actually use; no text of it is kept.

Outputs (every entry normalized like the crate's character pass):
  data/zwnj/compounds.txt  words written with ZWNJ (the crate strips the ZWNJ
                           to get the joined key)
  data/zwnj/joined.txt     whole words that look like a prefix/suffix/compound
                           but are written joined (تنها, میدان, بیشتر ...)
  data/zwnj/verbs.txt      past#present verb stems
  data/zwnj/heads.txt      first parts of compounds (هم, پیاده, سرمایه ...)
  data/zwnj/tails.txt      second parts found in at least 3 compounds
                           (گذاری, کننده, دهنده, راه, زنی ...)
  data/zwnj/spaced.txt     compounds more often written as two words (with a
                           space): a space between their parts is kept
  data/zwnj/he_words.txt   words ending in a silent ه (رسانه, بیانیه), to read
                           «رسانهای» as رسانه‌ای rather than رسان‌های
"""
import argparse
import collections
import glob
import os
import re

Z = "\u200c"
NON_JOINING = set("اآأإٱدذرزژوؤةء")  # as the crate: ء and ة never join either
_MAP = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه",
                      "\u200d": Z, "\u200e": Z, "\u200f": Z})
_DROP = re.compile("[\u064B-\u065F\u0670\u0640]")
WORD = re.compile("[\u0620-\u064A\u066E-\u06D3\u06D5\u200c\u200d\u200e\u200f\u064B-\u065F\u0670\u0640]+")

PREFIXES = ("نمی", "می", "بی")
SUFFIXES = ("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان",
            "تر", "تری", "ترین", "ای", "اند", "ام", "ایم", "اید", "اش", "ات", "شان", "مان", "تان")


def norm(w):
    """The crate's character pass on one word: letters unified, marks dropped,
    ZWNJ only between a joining letter and a letter, never doubled."""
    w = _DROP.sub("", w.translate(_MAP))
    out = []
    for ch in w:
        if ch == Z and (not out or out[-1] == Z or out[-1] in NON_JOINING):
            continue
        out.append(ch)
    return "".join(out).strip(Z)


LETTERS = re.compile("^[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u200c]+$")


def looks_affixed(j):
    return j.startswith(PREFIXES) or j.endswith(SUFFIXES)


def head_tail(j, heads, tails):
    """True when j splits into a known head and a productive tail."""
    for k in range(2, len(j) - 1):
        if j[:k] in heads and j[k:] in tails and j[k - 1] not in NON_JOINING:
            return True
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hazm", default="../shared/lexicons/hazm")
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--out", default="data/zwnj")
    ap.add_argument("--keep-share", type=float, default=0.35,
                    help="keep a word joined when at least this share of its uses is joined")
    args = ap.parse_args()

    whole = set()         # POS-tagged hazm words without ZWNJ
    hazm_zw = {}          # joined -> ZWNJ form
    for line in open(os.path.join(args.hazm, "words.dat"), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3:
            continue
        w = norm(parts[0])
        if not LETTERS.match(w):
            continue
        if Z in w:
            hazm_zw.setdefault(w.replace(Z, ""), w)
        elif parts[2] != "0":
            whole.add(w)

    compounds = {j: w for j, w in hazm_zw.items() if j not in whole}
    heads, tails = set(), collections.Counter()
    for w in compounds.values():
        parts = w.split(Z)
        if len(parts) == 2 and len(parts[0]) >= 2 and len(parts[1]) >= 2:
            heads.add(parts[0])
            tails[parts[1]] += 1
    tails = {t for t, c in tails.items() if c >= 3 and t not in SUFFIXES}
    joined = {w for w in whole if looks_affixed(w) or w in hazm_zw or head_tail(w, heads, tails)}
    he_words = {w for w in whole if w.endswith("ه") and len(w) >= 3}
    spaced = set()

    if args.corpus:
        forms = collections.defaultdict(collections.Counter)
        for path in sorted(glob.glob(os.path.join(args.corpus, "*.txt"))):
            for m in WORD.finditer(open(path, encoding="utf-8").read()):
                w = norm(m.group())
                if LETTERS.match(w):
                    forms[w.replace(Z, "")][w] += 1
        for j, variants in forms.items():
            n = sum(variants.values())
            best, c = variants.most_common(1)[0]
            plain = variants.get(j, 0)
            has_zw = any(Z in v for v in variants) or j in hazm_zw
            if plain / n >= args.keep_share:
                if has_zw or looks_affixed(j) or head_tail(j, heads, tails):
                    joined.add(j)
                    compounds.pop(j, None)
            elif Z in best and c >= 2 and c / n >= 1 - args.keep_share:
                compounds[j] = best
                joined.discard(j)

        # Two-part compounds that writers space more often than not.
        bigrams = collections.Counter()
        two = {w.replace(Z, " ") for w in compounds.values() if w.count(Z) == 1}
        for path in sorted(glob.glob(os.path.join(args.corpus, "*.txt"))):
            words = [norm(m.group()) for m in WORD.finditer(open(path, encoding="utf-8").read())]
            for a, b in zip(words, words[1:]):
                if a + " " + b in two:
                    bigrams[a + " " + b] += 1
        for w in compounds.values():
            if w.count(Z) == 1 and w.split(Z)[1] not in SUFFIXES:
                sp = bigrams.get(w.replace(Z, " "), 0)
                together = sum(forms.get(w.replace(Z, ""), {}).values())
                if sp > 0 and sp >= together:
                    spaced.add(w)

    # A part of a compound that is itself a compound gets its ZWNJ too
    # (سوء‌استفاده‌چی), as the crate would give it.
    for _ in range(3):
        changed = False
        for j, w in list(compounds.items()):
            parts = [compounds.get(p, p) if p not in joined else p for p in w.split(Z)]
            new = norm(Z.join(parts))
            if new != w:
                compounds[j] = new
                changed = True
        if not changed:
            break

    stems = set()
    for line in open(os.path.join(args.hazm, "verbs.dat"), encoding="utf-8"):
        line = line.strip()
        if "#" not in line or " " in line:
            continue
        past, present = (norm(x) for x in line.split("#", 1))
        if past and present:
            stems.add(f"{past}#{present}")

    head = ("# Derived by tools/zwnj/derive.py from hazm (github.com/roshan-research/hazm,\n"
            "# commit d97a5ba, MIT, see data/NOTICE-hazm.md)")
    if args.corpus:
        head += (",\n# choosing between spellings by word counts of real news text (no text kept):\n"
                 f"# python3 tools/zwnj/derive.py --corpus <news folder> --keep-share {args.keep_share}")
    head += ".\n"
    with open(os.path.join(args.out, "compounds.txt"), "w", encoding="utf-8") as f:
        f.write(head + "# Words written with ZWNJ; the joined spelling (ZWNJ removed) maps to this one.\n")
        f.writelines(w + "\n" for w in sorted(compounds.values()))
    with open(os.path.join(args.out, "joined.txt"), "w", encoding="utf-8") as f:
        f.write(head + "# Whole words written without ZWNJ although they look like prefix/suffix\n"
                "# forms or compounds: ZWNJ repair leaves them alone.\n")
        f.writelines(w + "\n" for w in sorted(joined))
    with open(os.path.join(args.out, "verbs.txt"), "w", encoding="utf-8") as f:
        f.write(head + "# Verb stems, past#present, for the prefixes می/نمی.\n")
        f.writelines(s + "\n" for s in sorted(stems))
    def dump(name, what, items):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write(head + what)
            f.writelines(w + "\n" for w in sorted(items))
    dump("heads.txt", "# First parts of two-part compounds.\n", heads)
    dump("tails.txt", "# Second parts found in at least 3 two-part compounds.\n", tails)
    dump("spaced.txt", "# Compounds more often written as two words: a space between the parts stays.\n",
         spaced)
    dump("he_words.txt", "# Words ending in a silent he.\n", he_words)
    print(f"heads {len(heads)} tails {len(tails)} spaced {len(spaced)} he {len(he_words)}")
    print(f"compounds {len(compounds)} joined {len(joined)} verbs {len(stems)}")


if __name__ == "__main__":
    main()
