#!/usr/bin/env python3
"""Derive data/people/given-names.txt from ../shared/lexicons/names and hazm.

Keeps one-word names (no space; a ZWNJ inside is kept) of at least 3 letters
from PNGT-26K, letters unified (ي ك ة ۀ → ی ک ه ه), marks dropped, gender
dropped. Then drops every name that is also an everyday word, because such a
word would count as the start of a person's name:

- a hazm stop word or a word of data/people/boundaries.txt;
- a verb form built from hazm verbs.dat stems (شود, دیده, کنان ...);
- a word that hazm words.dat tags only as a function word (CONJ, P, PRO,
  DET, ADV, NUM, V, POSTP, INT, PS, CL; never N or AJ) and has seen at
  least once, or an adverb written with tanwin (قبلاً);
- a noun or adjective of hazm words.dat seen at least FREQ times, or such a
  word with a suffix ی / ه / ان (بخشی, ماهه, چشمان).

Names in data/people/common-given-names.txt and in KEEP below (very common
given names that are also words) are always kept.

With --function, writes instead the function words and adverbs (never part
of a name); with --everyday, the frequent nouns and adjectives (a name made
only of these is no name); the kept names are left out of both.

Usage: python3 tools/derive_given_names.py NAMES.tsv HAZM_DIR > data/people/given-names.txt
       python3 tools/derive_given_names.py --function NAMES.tsv HAZM_DIR > data/people/function-words.txt
       python3 tools/derive_given_names.py --everyday NAMES.tsv HAZM_DIR > data/people/everyday-words.txt
       python3 tools/derive_given_names.py --verbs NAMES.tsv HAZM_DIR > data/people/verb-forms.txt
  (NAMES.tsv = ../shared/lexicons/names/given-names.tsv, HAZM_DIR = ../shared/lexicons/hazm)
"""
import os
import re
import sys

FREQ = 100_000

FUNCTION_TAGS = {"CONJ", "P", "PRO", "DET", "ADV", "NUM", "V", "POSTP", "INT", "PS", "CL"}

# Very common Iranian given names that are also everyday words (written for
# khabar from general knowledge); common-given-names.txt is kept as well.
KEEP = """
مانی ماکان رؤیا رویا نگار فیروزه مائده مبین رسول سبحان سهند مهستی سحر فریده سعد خالد
بهار یارا ستاره روزبه رستم امید بیتا آریا اختر سیما تکتم ستار فائزه ترانه سامان حبیب
دارا حسام زبیده صبا شهاب پرهام سینا دینا سارا بهرام آرزو یوسف کمال فرشته سلمان هما
زهره مهران ماجد آرمان سروش کیا پویا نیما طارق نصرت کیهان سیاوش نیلوفر عمار سام مهتاب
عماد رجب سپهر شهره موسی نغمه ساسان زینب آزاده مهناز فرزانه کیان رامین شهریار جمشید
کامران منوچهر فریدون افشین سالار شایان یلدا لادن نوید بنیامین پارسا مینا اسد حمیدرضا
هومن معصومه کاوه مسیح عیسی ربابه فرزین فرید ایرج شاهرخ شبنم متین ماهان مژده کاظم گوهر
یاسر پگاه سپیده الناز سهیل آرین بیژن فرامرز کیوان بهاره مرجان میثم صابر کسرا الهه
پروین مهسا هاله اشکان کاووس نازنین کوثر مرضیه هوشنگ دانیال پژمان عاطفه پوریا حنا
فیروز حیدر میترا نسرین فرشاد همایون حمزه مازیار عبدالرضا پرستو طاهر رشید سیامک سمیه
سیروس الیاس مختار آناهیتا مینو شهرزاد یحیی صمد جلیل رحمان بهداد فرانک کیمیا سیمین
ابوالقاسم شکوفه یاسین احمدرضا هانیه فریبا کامبیز سلیم صدرا اردشیر سوسن ثریا ناهید
شهلا کتایون ابوذر سمیرا محبوبه شاپور اسحاق یعقوب پریسا سمانه مظفر ریحانه طاهره رقیه
اسکندر کمیل فریبرز طاها یونس تارا تیمور اسدالله جهانگیر خدیجه طیبه ایوب خشایار بهناز
نوشین منیر صدیقه ارسلان بختیار تورج مهیار بشیر ژاله منصوره نریمان شیما زکریا شفیع
راضیه بهروز بهزاد فرزاد مهرداد داریوش اکرم باقر بابک رحیم سهراب پرویز ابوالفضل کوروش
خسرو سلیمان بهنام مجتبی سجاد لیلا هاشم ابراهیم مسعود میلاد مریم اصغر جواد فاطمه اشرف
منصور مصطفی علیرضا هادی احسان اعظم وحید الهام داوود داود جعفر اسماعیل آرش فرهاد مرتضی
جلال شاهین نرگس حمید مجید محسن کریم صادق امین عباس ناصر مهدی سعید اکبر محمود احمد رضا
علی حسین حسن زهرا محمد تقی نقی عبدالله حامد نادر بهمن امیر قاسم غلامرضا روح‌الله
ذبیح‌الله رحمت‌الله نعمت‌الله عزت‌الله نصرالله سیف‌الله ولی‌الله کلیم‌الله شمس‌الدین
زین‌العابدین حسام‌الدین شهاب‌الدین ناصرالدین حمیده مهین سپنتا هیربد شروین نوروز
خلیل جمیل رمضان غلام سعیده جمیله عزیزه حکیمه رحیمه فهیمه منیره نفیسه مهدیه صدیقه عادل
عارف رایان بیوک محرم ولی حجت احد ربیع سعدی مروان جورج الکساندر ادوارد ویکتور مایکل
دانیل هوگو
""".split()

HEADER = """# Persian given names, one a line: a signal for where a person's name starts.
# Derived from given-names.tsv of ../shared/lexicons/names (farbodbj/persian-gender-by-name
# commit 6b2c8f60acf7c3bac0753e9834bcf6d00be3c4b2, Apache-2.0; see data/NOTICE-names.md)
# by tools/derive_given_names.py: one-word names of 3+ letters, letters unified, gender
# dropped; names that are also everyday words (hazm stop words, verb forms, function
# words, frequent nouns/adjectives of hazm words.dat: MIT, see data/people/NOTICE-hazm.md)
# dropped unless they are very common given names.
"""

FUNCTION_HEADER = """# Persian function words and adverbs, never part of a person's name: hazm stop
# words (but those hazm knows only as nouns) and the words hazm words.dat tags only CONJ, P, PRO, DET, ADV, NUM, V,
# POSTP, INT, PS or CL, never N or AJ (and adverbs written with tanwin: قبلاً →
# قبلا); very common given
# names removed. Derived by tools/derive_given_names.py --function from hazm (MIT,
# see data/people/NOTICE-hazm.md). ZWNJ dropped.
"""

EVERYDAY_HEADER = """# Frequent Persian nouns and adjectives (hazm words.dat, seen 100,000+ times),
# function words and very common given names removed: a name made only of such
# words is not a person's name. Derived by tools/derive_given_names.py --everyday
# from hazm (MIT, see data/people/NOTICE-hazm.md). ZWNJ dropped.
"""

_MARKS = re.compile("[\u064B-\u0652\u0654\u0670]")


def norm(w):
    w = w.translate(str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه"}))
    return _MARKS.sub("", w).strip()


def key(w):
    return norm(w).replace("\u200c", "")


def entries(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def verb_forms(path):
    ends = ["", "م", "ی", "د", "یم", "ید", "ند"]
    forms = set()
    for line in entries(path):
        past, _, pres = line.partition("#")
        for stem, extra in ((past, ["ه", "ن"]), (pres, ["ان", "ا", "نده"])):
            stem = key(stem)
            if not stem:
                continue
            for pre in ("", "ب", "ن", "م"):
                for e in ends + extra:
                    if pre == "م":
                        continue
                    forms.add(pre + stem + e)
    return forms


def verb_inflections(path):
    """Finite verb forms without می: past stem + ending (کردند), negative
    past (نکرد), present stem + ending with or without ب/ن (نماید, بگویند,
    ندهد), past participle (نبوده)."""
    out = set()
    for line in entries(path):
        past, _, pres = line.partition("#")
        past, pres = key(past), key(pres)
        for stem, ends, pres_stem in ((past, ["م", "ی", "یم", "ید", "ند", "ه"], False),
                                      (pres, ["م", "د", "یم", "ید", "ند"], True)):
            if not stem:
                continue
            for pre in ("", "ب", "ن") if pres_stem else ("", "ن"):
                for e in ends:
                    out.add(pre + stem + e)
            if not pres_stem:
                out.add("ن" + stem)
    return out


VERBS_HEADER = """# Persian finite verb forms written without می (کردند, نکرد, نماید, بگویند,
# ندهد, نبوده): a name of a body or a person never holds one. Built from the
# verb stems of hazm verbs.dat (MIT, see data/people/NOTICE-hazm.md) by
# tools/derive_given_names.py --verbs; forms that hazm words.dat also lists
# as a noun or adjective, and forms under 3 letters, are left out. ZWNJ dropped.
"""


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    everyday_out = "--everyday" in sys.argv
    function_out = "--function" in sys.argv
    src, hazm = args[0], args[1]
    here = os.path.dirname(os.path.abspath(__file__))
    people = os.path.join(here, "..", "data", "people")
    keep = {key(n) for n in KEEP}
    keep |= {key(n) for n in entries(os.path.join(people, "common-given-names.txt"))}

    stop = {key(w) for w in entries(os.path.join(hazm, "stopwords.dat"))}
    nouns = set()  # words hazm tags as nouns/adjectives and nothing else
    stop |= {key(w) for w in entries(os.path.join(people, "boundaries.txt"))}
    verbs = verb_forms(os.path.join(hazm, "verbs.dat"))
    freq, func = {}, set()
    with open(os.path.join(hazm, "words.dat"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            w, n, tags = key(parts[0]), parts[1], set(parts[2].split(","))
            n = int(n) if n.isdigit() else 0
            if "ADV" in tags and parts[0].endswith("\u064b"):
                func.add(w)  # قبلاً → قبلا, an adverb even when unseen
            if n <= 0:
                continue
            if tags & FUNCTION_TAGS and not tags & {"N", "AJ"}:
                func.add(w)
            if tags & {"N", "AJ"}:
                freq[w] = max(freq.get(w, 0), n)
                if not tags & FUNCTION_TAGS:
                    nouns.add(w)

    def everyday(k):
        if k in stop or k in verbs or k in func:
            return True
        if freq.get(k, 0) >= FREQ:
            return True
        if k[-1:] in ("ی", "ه") and freq.get(k[:-1], 0) >= FREQ:
            return True
        return k.endswith("ان") and freq.get(k[:-2], 0) >= FREQ

    if "--verbs" in sys.argv:
        nominal = set()
        with open(os.path.join(hazm, "words.dat"), encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 3 and set(parts[2].split(",")) & {"N", "AJ"}:
                    nominal.add(key(parts[0]))
        forms = verb_inflections(os.path.join(hazm, "verbs.dat"))
        sys.stdout.write(VERBS_HEADER)
        for v in sorted(v for v in forms if v not in nominal and len(v) >= 3):
            sys.stdout.write(v + "\n")
        return
    if everyday_out or function_out:
        if function_out:
            # A stop word that hazm knows only as a noun (بخش, فرد) may be a
            # surname's part: it is left to the everyday list.
            words = {w for w in func | (stop - nouns) if len(w) >= 2}
            sys.stdout.write(FUNCTION_HEADER)
        else:
            words = {w for w, n in freq.items() if n >= FREQ} - func - (stop - nouns)
            sys.stdout.write(EVERYDAY_HEADER)
        words -= keep
        for w in sorted(words):
            sys.stdout.write(w + "\n")
        return
    names = set()
    with open(src, encoding="utf-8") as f:
        next(f)
        for line in f:
            name = norm(line.rstrip("\n").split("\t")[0])
            if not name or " " in name:
                continue
            k = key(name)
            if len(k) < 3:
                continue
            # Compounds of الله / الدین / عبد are names, whatever their parts.
            compound = k.endswith(("الله", "الدین")) or k.startswith("عبد")
            if k not in keep and not compound and everyday(k):
                continue
            names.add(name)
    sys.stdout.write(HEADER)
    for n in sorted(names):
        sys.stdout.write(n + "\n")


if __name__ == "__main__":
    main()
