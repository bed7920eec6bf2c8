//! Tokens and the lexicons shared by the people extractors (officials,
//! organizations, quotes, source): data files under `data/people/`, built
//! once per process.

use crate::lexicon::{entries, rows};
use crate::model::OrgKind;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::LazyLock;

/// A hash set of words with the shared fast hasher.
pub(crate) type FastSet = crate::lexicon::FastSet<String>;
/// A hash map keyed by words with the shared fast hasher.
pub(crate) type FastMap<V> = crate::lexicon::FastMap<String, V>;

pub(crate) use crate::lexicon::is_word_char;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of letters (and ZWNJ).
    Word,
    /// A run starting with a digit.
    Num,
    /// One punctuation character.
    Punct(char),
    /// A line break (paragraph end).
    Para,
}

/// A token of the normalized text: byte range and lookup key.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    /// First byte in the normalized text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The word without ZWNJ, with letter variants unified (empty for
    /// punctuation).
    pub key: String,
    /// Its kind.
    pub kind: TokKind,
    /// Written as a verb with می‌/نمی‌ (a ZWNJ after the prefix).
    pub verbish: bool,
    /// Written as a plural with ‌ها/‌های.
    pub plural: bool,
    /// Which phrase lexicons may start at this word (bits of
    /// [`Phrases::bit`]), computed once when tokenizing.
    pub starts: u8,
}

impl Tok {
    /// True for a word token.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    /// True for a sentence end: `.`, `!`, `?`, `؟`, `:` or a line break.
    #[inline]
    pub fn is_sentence_end(&self) -> bool {
        matches!(self.kind, TokKind::Para | TokKind::Punct('.' | '!' | '?' | '؟' | ':' | '؛'))
    }
}

/// The lookup key of a word: ZWNJ and other joiners dropped, letter
/// variants unified.
pub(crate) fn key(word: &str) -> String {
    // Most words need no change: copy them whole.
    let plain = !word.chars().any(|c| {
        matches!(c, '\u{200B}'..='\u{200F}' | 'ئ' | 'ي' | 'ى' | 'أ' | 'إ' | 'ٱ' | 'ؤ' | 'ة' | 'ۀ' | 'ك' | '\u{0654}' | '\u{064B}'..='\u{0652}')
    });
    if plain {
        return word.to_owned();
    }
    let mut k = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{200B}'..='\u{200F}' => {}
            'ئ' | 'ي' | 'ى' => k.push('ی'),
            'أ' | 'إ' | 'ٱ' => k.push('ا'),
            'ؤ' => k.push('و'),
            'ة' | 'ۀ' => k.push('ه'),
            'ك' => k.push('ک'),
            '\u{0654}' | '\u{064B}'..='\u{0652}' => {}
            c => k.push(c),
        }
    }
    k
}

/// The key of a phrase: its words' keys concatenated (spaces dropped).
pub(crate) fn phrase_key(phrase: &str) -> String {
    key(&phrase.replace(' ', ""))
}

thread_local! {
    static CACHE: RefCell<Option<(String, Rc<Vec<Tok>>)>> = const { RefCell::new(None) };
}

/// The tokens of `text`, shared by the stages that run over one document
/// (the last text tokenized on this thread is cached).
pub(crate) fn tokens(text: &str) -> Rc<Vec<Tok>> {
    CACHE.with(|c| {
        if let Some((t, toks)) = c.borrow().as_ref() {
            if t == text {
                return Rc::clone(toks);
            }
        }
        let toks = Rc::new(tokenize(text));
        *c.borrow_mut() = Some((text.to_string(), Rc::clone(&toks)));
        toks
    })
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 6);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '\n' || c == '\r' {
            if toks.last().is_none_or(|t: &Tok| t.kind != TokKind::Para) {
                toks.push(Tok {
                    start: i,
                    end: i + c.len_utf8(),
                    key: String::new(),
                    kind: TokKind::Para,
                    verbish: false,
                    plural: false,
                    starts: 0,
                });
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) && c != '\u{200C}' {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            // Drop a trailing ZWNJ from the word.
            let mut w = &text[i..end];
            while let Some(s) = w.strip_suffix('\u{200C}') {
                w = s;
            }
            let end = i + w.len();
            let kind = if c.is_ascii_digit() || matches!(c, '\u{06F0}'..='\u{06F9}' | '\u{0660}'..='\u{0669}')
            {
                TokKind::Num
            } else {
                TokKind::Word
            };
            let verbish = w.starts_with("می\u{200C}") || w.starts_with("نمی\u{200C}");
            let plural = w.ends_with("\u{200C}ها") || w.ends_with("\u{200C}های");
            let key = key(w);
            let starts = if kind == TokKind::Word { start_bits(&key) } else { 0 };
            toks.push(Tok { start: i, end, key, kind, verbish, plural, starts });
            continue;
        }
        if c == '\u{200C}' {
            continue;
        }
        toks.push(Tok {
            start: i,
            end: i + c.len_utf8(),
            key: String::new(),
            kind: TokKind::Punct(c),
            verbish: false,
            plural: false,
            starts: 0,
        });
    }
    toks
}

/// The bits of the phrase lexicons whose entries may start with the word
/// `key`.
fn start_bits(key: &str) -> u8 {
    START_BITS.get(key).copied().unwrap_or(0)
}

/// Every possible first word of the flagged phrase lexicons → their bits
/// (one lookup per token instead of one per lexicon).
static START_BITS: LazyLock<FastMap<u8>> = LazyLock::new(|| {
    let mut m = FastMap::default();
    for (bit, set) in [TITLES.starts_of(), HEADS.starts_of(), HONORIFICS.starts_of(), VERBS.starts_of()] {
        for k in set {
            *m.entry(k.clone()).or_insert(0) |= bit;
        }
    }
    m
});

/// A lexicon of phrases matched over word tokens, longest first, ignoring
/// how the words are separated (space, ZWNJ or nothing).
pub(crate) struct Phrases<V> {
    /// This lexicon's bit in [`Tok::starts`] (0: not flagged, look up).
    bit: u8,
    map: FastMap<V>,
    /// Every concatenation of an entry's first words (a possible start).
    prefixes: FastSet,
    max_words: usize,
    max_len: usize,
}

impl<V> Phrases<V> {
    fn new(bit: u8) -> Phrases<V> {
        Phrases { bit, map: FastMap::default(), prefixes: FastSet::default(), max_words: 1, max_len: 0 }
    }

    /// This lexicon's bit and the set of its possible first words.
    fn starts_of(&self) -> (u8, &FastSet) {
        (self.bit, &self.prefixes)
    }

    fn insert(&mut self, phrase: &str, v: V) {
        let k = phrase_key(phrase);
        if k.is_empty() {
            return;
        }
        let parts: Vec<&str> = phrase.split([' ', '\u{200C}']).filter(|w| !w.is_empty()).collect();
        let words = parts.len();
        let mut acc = String::new();
        for p in &parts {
            acc.push_str(&key(p));
            self.prefixes.insert(acc.clone());
        }
        self.prefixes.insert(k.clone());
        self.max_words = self.max_words.max(words);
        self.max_len = self.max_len.max(k.len());
        self.map.entry(k).or_insert(v);
    }

    /// The longest entry starting at word token `i`: its end token
    /// (exclusive) and value.
    pub fn longest(&self, toks: &[Tok], i: usize) -> Option<(usize, &V)> {
        let first = toks.get(i)?;
        if !first.is_word() {
            return None;
        }
        if self.bit != 0 {
            if first.starts & self.bit == 0 {
                return None;
            }
        } else if !self.prefixes.contains(first.key.as_str()) {
            return None;
        }
        let mut acc = String::new();
        let mut best = None;
        for (j, t) in toks.iter().enumerate().skip(i).take(self.max_words) {
            if !t.is_word() {
                break;
            }
            acc.push_str(&t.key);
            if acc.len() > self.max_len {
                break;
            }
            if let Some(v) = self.map.get(&acc) {
                best = Some((j + 1, v));
            }
            if !self.prefixes.contains(acc.as_str()) {
                break;
            }
        }
        best
    }

    /// True when `k` (a key) is an entry.
    pub fn contains_key(&self, k: &str) -> bool {
        self.map.contains_key(k)
    }
}

/// A title of public life.
#[derive(Clone, Debug)]
pub(crate) struct Title {
    /// The title as listed (normalized).
    pub text: String,
    /// The body implied by the title (استاندار → استانداری), if any.
    pub body: Option<String>,
    /// A role on its own, without a body.
    pub standalone: bool,
    /// Takes modifiers before its body.
    pub modifiers: bool,
}

/// An organization head word.
#[derive(Clone, Debug)]
pub(crate) struct Head {
    /// The kind of body it names.
    pub kind: OrgKind,
    /// Needs a complement.
    pub needs_complement: bool,
    /// The body's canonical name, when the head is a short form.
    pub canonical: Option<String>,
    /// May stand bare for the body of the article's place (شهرداری).
    pub bare: bool,
    /// The body of a place: its complement is a place (شهرداری قم).
    pub place: bool,
}

fn org_kind(s: &str) -> Option<OrgKind> {
    Some(match s {
        "municipality" => OrgKind::Municipality,
        "ministry" => OrgKind::Ministry,
        "province_office" => OrgKind::ProvinceOffice,
        "company" => OrgKind::Company,
        "agency" => OrgKind::Agency,
        "council" => OrgKind::Council,
        "department" => OrgKind::Department,
        "organization" => OrgKind::Organization,
        "committee" => OrgKind::Committee,
        "court" => OrgKind::Court,
        "court_branch" => OrgKind::CourtBranch,
        "bank" => OrgKind::Bank,
        "county_office" => OrgKind::CountyOffice,
        "parliament" => OrgKind::Parliament,
        "fund" => OrgKind::Fund,
        "foundation" => OrgKind::Foundation,
        "government" => OrgKind::Government,
        "exchange" => OrgKind::Exchange,
        "governorate" => OrgKind::Governorate,
        "university" => OrgKind::University,
        "police" => OrgKind::Police,
        "military" => OrgKind::Military,
        "association" => OrgKind::Association,
        "judiciary" => OrgKind::Judiciary,
        _ => return None,
    })
}

/// Titles and roles.
pub(crate) static TITLES: LazyLock<Phrases<Title>> = LazyLock::new(|| {
    let mut p = Phrases::new(1);
    for r in rows(include_str!("../../../data/people/titles.tsv")) {
        let Some(&text) = r.first() else { continue };
        let body = r.get(1).filter(|b| **b != "-" && !b.is_empty()).map(|b| b.to_string());
        let flags = r.get(2).copied().unwrap_or("");
        let t = Title {
            text: text.to_string(),
            body,
            standalone: flags.contains('s'),
            modifiers: flags.contains('m'),
        };
        // Ezafe after a final vowel: سخنگوی, نماینده‌ی.
        if text.ends_with(['و', 'ه', 'ا']) {
            p.insert(&format!("{text}ی"), t.clone());
        }
        p.insert(text, t);
    }
    p
});

/// Honorifics.
pub(crate) static HONORIFICS: LazyLock<Phrases<String>> = LazyLock::new(|| {
    let mut p = Phrases::new(4);
    for e in entries(include_str!("../../../data/people/honorifics.txt")) {
        p.insert(e, e.to_string());
    }
    p
});

/// Honorifics that may be glued to the given name (سیدمحمد).
pub(crate) const GLUED_HONORIFICS: [&str; 3] = ["سیده", "سید", "میر"];

/// Organization heads.
pub(crate) static HEADS: LazyLock<Phrases<Head>> = LazyLock::new(|| {
    let mut p = Phrases::new(2);
    for r in rows(include_str!("../../../data/people/org-heads.tsv")) {
        let (Some(&h), Some(&k)) = (r.first(), r.get(1)) else { continue };
        let Some(kind) = org_kind(k) else { continue };
        let flags = r.get(2).copied().unwrap_or("c");
        let canonical = flags.split_once('=').map(|(_, n)| n.to_string());
        let bare = flags.starts_with('c') && flags.contains('b');
        let place = flags.starts_with('c') && flags.contains('p');
        p.insert(h, Head { kind, needs_complement: flags.starts_with('c'), canonical, bare, place });
    }
    p
});

/// News agencies: surface form → canonical name.
pub(crate) static AGENCIES: LazyLock<Phrases<String>> = LazyLock::new(|| {
    let mut p = Phrases::new(0);
    for r in rows(include_str!("../../../data/people/agencies.tsv")) {
        if let (Some(&s), Some(&c)) = (r.first(), r.get(1)) {
            p.insert(s, c.to_string());
        }
    }
    p
});

/// Reporting verbs.
pub(crate) static VERBS: LazyLock<Phrases<String>> = LazyLock::new(|| {
    let mut p = Phrases::new(8);
    for e in entries(include_str!("../../../data/people/reporting-verbs.txt")) {
        p.insert(e, e.to_string());
    }
    p
});

fn key_set(src: &str) -> FastSet {
    entries(src).map(key).collect()
}

/// Words that end a name.
pub(crate) static BOUNDARY: LazyLock<FastSet> =
    LazyLock::new(|| key_set(include_str!("../../../data/people/boundaries.txt")));

/// Nouns naming a facility after a person.
pub(crate) static FACILITY: LazyLock<FastSet> =
    LazyLock::new(|| key_set(include_str!("../../../data/people/facility-nouns.txt")));

/// All given names.
pub(crate) static GIVEN: LazyLock<FastSet> = LazyLock::new(|| {
    let mut set = key_set(include_str!("../../../data/people/given-names.txt"));
    set.retain(|n| !NOT_GIVEN.contains(n));
    set.extend(COMMON_GIVEN.iter().cloned());
    set
});

/// Common words that the given-names list also holds.
pub(crate) static NOT_GIVEN: LazyLock<FastSet> =
    LazyLock::new(|| key_set(include_str!("../../../data/people/not-given-names.txt")));

/// Function words and adverbs (derived from hazm): never part of a name.
pub(crate) static FUNCTION: LazyLock<FastSet> =
    LazyLock::new(|| key_set(include_str!("../../../data/people/function-words.txt")));

/// Frequent nouns and adjectives (derived from hazm): a name made only of
/// these is no name.
pub(crate) static EVERYDAY: LazyLock<FastSet> =
    LazyLock::new(|| key_set(include_str!("../../../data/people/everyday-words.txt")));

/// True when the key `k` is an everyday word: listed, a superlative
/// (مهمترین) or, with `stems`, a listed word with a suffix ی / ان / ها
/// (نشستی, کارشناسان).
pub(crate) fn is_everyday(k: &str, stems: bool) -> bool {
    if EVERYDAY.contains(k) || FUNCTION.contains(k) || k.ends_with("ترین") {
        return true;
    }
    if !stems {
        return false;
    }
    for suf in ["ی", "ان", "ها", "های"] {
        if let Some(stem) = k.strip_suffix(suf) {
            if stem.chars().count() >= 2 && (EVERYDAY.contains(stem) || BOUNDARY.contains(stem)) {
                return true;
            }
        }
    }
    false
}

/// True when the key `k` names a role or descriptor (a title, a role noun
/// of `not-given-names.txt`, or its plural: کارشناسان, کتابداران).
pub(crate) fn is_role_noun(k: &str) -> bool {
    if NOT_GIVEN.contains(k) || TITLES.contains_key(k) {
        return true;
    }
    // A title glued to its body (مدیرفرودگاه).
    for t in ["مدیر", "رئیس", "رییس", "معاون", "دبیر", "سرپرست"] {
        if let Some(rest) = k.strip_prefix(t) {
            if rest.chars().count() >= 3 && (EVERYDAY.contains(rest) || HEADS.contains_key(rest)) {
                return true;
            }
        }
    }
    ["ان", "ها", "های", "ین"].iter().any(|s| {
        k.strip_suffix(s)
            .is_some_and(|st| st.chars().count() >= 3 && (NOT_GIVEN.contains(st) || TITLES.contains_key(st)))
    })
}

/// Finite verb forms written without می (derived from hazm verb stems).
pub(crate) static VERB_FORMS: LazyLock<FastSet> =
    LazyLock::new(|| key_set(include_str!("../../../data/people/verb-forms.txt")));

/// True when word token `t` is a verb form: written with می/نمی, or a
/// listed finite form (نماید, بگویند, داشتند).
pub(crate) fn is_verb(t: &Tok) -> bool {
    t.is_word() && (t.verbish || VERB_FORMS.contains(&t.key))
}

/// Very common given names.
pub(crate) static COMMON_GIVEN: LazyLock<FastSet> =
    LazyLock::new(|| key_set(include_str!("../../../data/people/common-given-names.txt")));

/// True when the word token `t` is a boundary word or looks like a verb
/// (می‌/نمی‌ prefix).
pub(crate) fn is_boundary(t: &Tok) -> bool {
    if !t.is_word() {
        return true;
    }
    t.verbish
        || t.plural
        || BOUNDARY.contains(&t.key)
        || t.key.starts_with("میشو")
        || t.key.starts_with("میکن")
}

/// The text of tokens `i..j` of `text` (normalized), from the first
/// token's start to the last token's end.
pub(crate) fn slice<'a>(text: &'a str, toks: &[Tok], i: usize, j: usize) -> &'a str {
    if i >= j || j > toks.len() {
        return "";
    }
    text.get(toks[i].start..toks[j - 1].end).unwrap_or("")
}

/// Canonical comparison key of a phrase: words' keys concatenated.
pub(crate) fn canon(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| !is_word_char(c)) {
        out.push_str(&key(w));
    }
    out
}

/// The key of a phrase as its words' keys separated by single spaces.
pub(crate) fn word_keys(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| !is_word_char(c)) {
        let k = key(w);
        if k.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&k);
    }
    out
}
