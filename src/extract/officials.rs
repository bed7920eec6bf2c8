//! Officials: named people and their public roles.
//!
//! A role is a title from `data/people/titles.tsv` (leftmost-longest:
//! معاون اول رئیس‌جمهور beats معاون), its modifiers (معاون مالی) and its
//! body (an organization, or the body the title implies: استاندار فارس →
//! استانداری فارس). A name is found where it starts (honorifics, a given
//! name from `data/people/given-names.txt`) and ends after one or two
//! surname words. Names are taken beside a role (`NAME، ROLE ORG`,
//! `NAME ROLE ORG`, `ROLE ORG NAME`), with an honorific, or as the subject
//! of a reporting verb; a role stated without a name as the subject of a
//! reporting verb goes to the person it restates, or to the named person
//! who has none. Surnames restated, وی/او and restated roles are mentions.

pub(crate) mod lex;

use self::lex::FastMap;
use self::lex::{KeyFilter, Title, Tok, TokKind, HEADS, HONORIFICS, TITLES, VERBS};
use super::organizations::{self, OrgMatch};
use super::Doc;
use crate::model::{Extraction, Official, OrgKind};

/// A role found at a token position.
#[derive(Clone, Debug)]
pub(crate) struct RoleMatch {
    /// First token.
    pub start: usize,
    /// One past the last token (body included).
    pub end: usize,
    /// The title's lookup key (first word), to compare roles.
    pub title_key: String,
    /// The role: title and modifiers, without the body.
    pub role: String,
    /// The body.
    pub org: Option<(String, OrgKind)>,
    /// The body is implied by the title (not written as such).
    pub implied: bool,
    /// A title of no body followed by its place (دادستان بندرعباس, امام
    /// جمعه قم).
    pub placed: bool,
    /// A title whose body is no known organization (taken only in a
    /// person's slot: `NAME، TITLE ...` or as the subject of a reporting verb).
    pub bare: bool,
}

fn is_department(kind: OrgKind) -> bool {
    matches!(kind, OrgKind::Department | OrgKind::ProvinceOffice | OrgKind::CountyOffice)
}

fn body_kind(body: &str) -> OrgKind {
    let t = lex::tokenize(body);
    HEADS.longest(&t, 0).map_or(OrgKind::Organization, |(_, h)| h.kind)
}

/// Splits an organization into the part that belongs to the role and the
/// body: a department of a body (اداره کل ارتباطات ... شهرداری قم) gives
/// the department to the role and the body as organization.
fn split_org(text: &str, toks: &[Tok], o: &OrgMatch) -> (Option<String>, String, OrgKind) {
    if let Some(n) = &o.nested {
        let head_dept = HEADS.longest(toks, o.start).is_some_and(|(_, h)| is_department(h.kind));
        if head_dept && n.start > o.start {
            let part = lex::slice(text, toks, o.start, n.start).to_string();
            return (Some(part), n.name.clone(), n.kind);
        }
    }
    (None, o.name.clone(), o.kind)
}

/// The role at token `i`, if a title starts there.
#[inline]
pub(crate) fn role_at(text: &str, toks: &[Tok], i: usize, depth: u8) -> Option<RoleMatch> {
    // Most words start no title: known without a call.
    let (te, title) = TITLES.longest(toks, i)?;
    role_with(text, toks, i, depth, te, title)
}

/// The role at token `i`, whose title `title` ends at token `te`.
fn role_with(text: &str, toks: &[Tok], i: usize, depth: u8, te: usize, title: &Title) -> Option<RoleMatch> {
    let mut k = te;
    let mut role = title.text.clone();
    // Modifiers: up to four words (one «و» among them) before a body or a
    // title (معاون سیاسی و امنیتی استاندار, معاون اجرایی رئیس‌جمهور).
    if title.modifiers {
        let mut m = k;
        let mut ands = 0;
        while m < toks.len() && m < k + 5 {
            let t = &toks[m];
            if t.is_word() && t.key == "و" && m > k && ands == 0 {
                ands += 1;
                m += 1;
                continue;
            }
            if !t.is_word()
                || t.key == "و"
                || lex::is_boundary(t)
                || lex::COMMON_GIVEN.has(t)
                || HEADS.longest(toks, m).is_some()
                || TITLES.longest(toks, m).is_some()
            {
                break;
            }
            m += 1;
        }
        if m > k
            && m < toks.len()
            && toks[m - 1].key != "و"
            && (HEADS.longest(toks, m).is_some() || TITLES.longest(toks, m).is_some())
        {
            role.push(' ');
            role.push_str(lex::slice(text, toks, k, m));
            k = m;
        }
    }
    let mut end = k;
    let mut org = None;
    let mut implied = false;
    // نماینده مردم X در مجلس
    if title.text == "نماینده" && toks.get(k).is_some_and(|t| t.key == "مردم") {
        let mut d = k + 1;
        while d < toks.len() && d < k + 10 && toks[d].is_word() && toks[d].key != "در" {
            d += 1;
        }
        if toks.get(d).is_some_and(|t| t.key == "در") {
            if let Some(o) = organizations::org_at(text, toks, d + 1) {
                end = o.end;
                org = Some((o.name.clone(), o.kind));
            }
        }
        if org.is_none() {
            org = Some(("مجلس شورای اسلامی".to_string(), OrgKind::Parliament));
            implied = true;
            end = d.min(toks.len());
        }
    } else if let Some(o) = organizations::org_at(text, toks, k) {
        let (part, name, kind) = split_org(text, toks, &o);
        if let Some(p) = part {
            role.push(' ');
            role.push_str(&p);
        }
        end = o.end;
        org = Some((name, kind));
    } else if depth < 2 && TITLES.longest(toks, k).is_some() {
        // معاون مالی شهردار تهران: the inner title's body; معاون اجرایی
        // رئیس‌جمهور: a role of a role without a body.
        if let Some(inner) = role_at(text, toks, k, depth + 1) {
            if inner.org.is_some() {
                end = inner.end;
                org = inner.org;
                implied = inner.implied;
            } else if title.modifiers {
                role.push(' ');
                role.push_str(&inner.role);
                end = inner.end;
            }
        }
    } else if let Some(body) = &title.body {
        let place_body = HEADS.longest(&lex::tokenize(body), 0).is_some_and(|(_, h)| h.place);
        let cend = if place_body && *organizations::GAZETTEER {
            organizations::place_complement(text, toks, k).unwrap_or(k)
        } else {
            organizations::complement(text, toks, k, 0).0
        };
        if cend > k {
            let name = format!("{} {}", body, lex::slice(text, toks, k, cend));
            let mut kind = body_kind(body);
            if matches!(kind, OrgKind::Department | OrgKind::Organization)
                && organizations::ends_with_province(text, toks, k, cend)
            {
                kind = OrgKind::ProvinceOffice;
            }
            org = Some((name, kind));
            implied = true;
            end = cend;
        }
    }
    if org.is_none() && !title.standalone && end == k {
        return None;
    }
    let mut placed = false;
    if org.is_none() && end == k && title.body.is_none() && *organizations::GAZETTEER {
        if let Some(pe) = organizations::place_complement(text, toks, k) {
            end = pe;
            placed = true;
        }
    }
    let title_key = toks[i].key.to_string();
    Some(RoleMatch { start: i, end, title_key, role, org, implied, placed, bare: false })
}

/// A title at token `i` followed by a body no lexicon knows (رئیس هیأت
/// ورزش استان, مسئول شبکه دامپزشکی شهرستان): the title as role, the words
/// after it, up to a preposition, a verb, punctuation or a name, as body.
/// Returns the role and the token that ends the body.
fn bare_role(text: &str, toks: &[Tok], i: usize) -> Option<RoleMatch> {
    let (te, title) = TITLES.longest(toks, i)?;
    let mut k = te;
    while k < toks.len() && k < te + 9 {
        let t = &toks[k];
        if !t.is_word()
            || (lex::is_boundary(t) && !t.plural)
            || VERBS.longest(toks, k).is_some()
            || soft_after(toks, k)
            || TITLES.longest(toks, k).is_some()
            || name_at(toks, k, false).is_some_and(|n| n.known)
        {
            break;
        }
        k += 1;
    }
    if k == te || k == te + 9 || toks[k - 1].key == "و" {
        return None;
    }
    let org = Some((lex::slice(text, toks, te, k).to_string(), OrgKind::Organization));
    let title_key = toks[i].key.to_string();
    Some(RoleMatch {
        start: i,
        end: k,
        title_key,
        role: title.text.clone(),
        org,
        implied: false,
        placed: false,
        bare: true,
    })
}

/// A deputy's unit speaking for its head in a sentence of its own
/// («معاونت فنی و عمرانی شهرداری X از ... خبر داد»): the unit's title as
/// role, its body as organization.
fn unit_role(text: &str, toks: &[Tok], i: usize) -> Option<RoleMatch> {
    if toks[i].key != "معاونت" || !(i == 0 || toks[i - 1].is_sentence_end()) {
        return None;
    }
    let unit = Title { text: "معاونت".to_string(), body: None, standalone: false, modifiers: true };
    let r = role_with(text, toks, i, 0, i + 1, &unit)?;
    (r.org.is_some() && r.role != unit.text && reporting_follows(toks, r.end)).then_some(r)
}

/// A person's name found at a token position.
#[derive(Clone, Debug)]
struct NameMatch {
    start: usize,
    end: usize,
    /// Where the name proper starts (after honorifics other than سید).
    name_start: usize,
    /// Where the surname starts.
    surname_start: usize,
    honorifics: Vec<String>,
    /// A common given name or an honorific vouches for the name.
    known: bool,
    /// 2: common given name or honorific; 1: given name of the full list.
    strength: u8,
}

fn is_name_word(toks: &[Tok], j: usize) -> bool {
    let Some(t) = toks.get(j) else { return false };
    t.is_word()
        && two_chars(&t.key)
        && !lex::is_boundary(t)
        // No phrase lexicon has an entry starting with most words.
        && (t.starts == 0
            || (TITLES.longest(toks, j).is_none()
                && HEADS.longest(toks, j).is_none()
                && HONORIFICS.longest(toks, j).is_none()
                && VERBS.longest(toks, j).is_none()))
        && t.flags & NOT_NAME_WORD == 0
        && !t.key.ends_with("ترین")
        && !t.key.ends_with("آباد")
        && !matches!(t.key.as_str(), "ها" | "های" | "هایی" | "ای" | "استان" | "شهرستان" | "شهر")
}

/// The word lists whose words are no name words.
const NOT_NAME_WORD: u16 =
    lex::FACILITY.bits() | lex::FUNCTION.bits() | lex::LIGHT_VERBS.bits() | lex::VERB_FORMS.bits();

/// True when `k` has two chars or more.
#[inline]
fn two_chars(k: &str) -> bool {
    let mut c = k.chars();
    c.next().is_some() && c.next().is_some()
}

/// True when a light verb follows word `j` (ملاحظه کرد, قرار دارد, آشنا شدید).
fn light_verb_after(toks: &[Tok], j: usize) -> bool {
    toks.get(j + 1).is_some_and(|t| t.is_word() && (t.verbish || lex::LIGHT_VERBS.has(t)))
}

/// True when word `j`, after a name's surname, is rather a verb's or a
/// phrase's part: a light verb follows (ملاحظه کرد, تهیه شده), or it is an
/// everyday word other than a nisba (ی) or a surname piece (نژاد, زاده).
fn verb_part(toks: &[Tok], j: usize) -> bool {
    let light = light_verb_after(toks, j);
    let k = toks[j].key.as_str();
    if lex::is_role_noun_tok(&toks[j]) {
        return true;
    }
    let piece = matches!(
        k,
        "نژاد"
            | "زاده"
            | "پور"
            | "پناه"
            | "فر"
            | "نیا"
            | "راد"
            | "وند"
            | "بخش"
            | "زارع"
            | "کیا"
            | "منش"
            | "مقدم"
            | "زهی"
    );
    // Before a reporting verb or a comma the name surely ends there.
    let ends = toks.get(j + 1).is_none_or(|t| !t.is_word())
        || soft_after(toks, j + 1)
        || TITLES.longest(toks, j + 1).is_some();
    light || (!ends && !piece && !k.ends_with('ی') && lex::is_everyday_tok(&toks[j], false))
}

/// True when the name proper of `n` (honorifics left out) can be a person's
/// name: its first word is no role noun, no word is a place part (آباد),
/// and, unless an honorific or a common given name vouches for it, at least
/// one word is not an everyday word.
fn plausible(toks: &[Tok], n: &NameMatch) -> bool {
    let words = &toks[n.name_start..n.end];
    let Some(first) = words.first() else { return false };
    if lex::is_role_noun_tok(first) && !lex::COMMON_GIVEN.has(first) {
        return false;
    }
    // خدیجه خانم قرار دارد: a word of the verb after the name.
    if words.len() == 1 && lex::is_everyday_tok(first, false) && light_verb_after(toks, n.end - 1) {
        return false;
    }
    if n.strength >= 2 {
        return true;
    }
    if words.len() == 1 {
        return !lex::is_everyday_tok(first, false);
    }
    if lex::is_everyday_tok(&words[words.len() - 1], false) && light_verb_after(toks, n.end - 1) {
        return false;
    }
    !words.iter().all(|t| lex::is_everyday_tok(t, true))
}

/// True when token `j` ends a name for sure: punctuation, end of text, a
/// boundary word, a title, a verb.
fn hard_end(toks: &[Tok], j: usize) -> bool {
    let Some(t) = toks.get(j) else { return true };
    !t.is_word()
        || lex::is_boundary(t)
        || TITLES.longest(toks, j).is_some()
        || VERBS.longest(toks, j).is_some()
        || HEADS.longest(toks, j).is_some()
}

#[inline(always)]
fn glued_honorific(key: &str) -> Option<&'static str> {
    // Every glued honorific starts with سی or میر: most words are known
    // without a call.
    if !key.starts_with("سی") && !key.starts_with("میر") {
        return None;
    }
    glued_honorific_at(key)
}

/// [`glued_honorific`] of a key starting like one.
fn glued_honorific_at(key: &str) -> Option<&'static str> {
    lex::GLUED_HONORIFICS
        .into_iter()
        .find(|h| key.starts_with(h) && key.get(h.len()..).is_some_and(|r| lex::GIVEN.contains(r)))
        .or_else(|| {
            // سیدخلف: a glued name outside the list, if it is no everyday word.
            ["سید"].into_iter().find(|h| {
                key.starts_with(h)
                    && key.get(h.len()..).is_some_and(|r| {
                        r.chars().count() >= 3 && !r.starts_with('ه') && !lex::is_everyday(r, true)
                    })
            })
        })
}

/// The name starting at token `i`. `unknown_ok` accepts a first name not in
/// the lexicons (strong slots). The match's `strength`: 2 for a common given
/// name or an honorific, 1 for a name of the full list, 0 otherwise.
#[inline(always)]
fn name_at(toks: &[Tok], i: usize, unknown_ok: bool) -> Option<NameMatch> {
    // Outside a strong slot, a name starts with an honorific, a given name
    // or a glued honorific: most words are none (the full test below says
    // the same, at the cost of a call).
    let t = toks.get(i)?;
    if !unknown_ok && !may_start_name(t) {
        return None;
    }
    name_at_full(toks, i, unknown_ok)
}

/// False when token `t` starts no name outside a strong slot: no honorific,
/// given name or glued honorific.
#[inline(always)]
fn may_start_name(t: &Tok) -> bool {
    HONORIFICS.may_start(t) || (t.is_word() && (lex::GIVEN.has(t) || glued_honorific(&t.key).is_some()))
}

/// [`name_at`] past its quick test.
fn name_at_full(toks: &[Tok], i: usize, unknown_ok: bool) -> Option<NameMatch> {
    if i > 0 && lex::FACILITY.has(&toks[i - 1]) {
        return None;
    }
    let mut j = i;
    let mut honorifics = Vec::new();
    let mut name_start = i;
    while let Some((e, h)) = HONORIFICS.longest(toks, j) {
        // شهید X after a noun names a thing after the martyr (گروه جهادی
        // شهید X, سالن شهید X); a martyr named in his own right stands after
        // a break, a function word or another honorific.
        if h == "شهید" && j > 0 {
            let p = &toks[j - 1];
            let free = !p.is_word() || lex::is_boundary(p) || lex::FUNCTION.has(p) || j > i;
            if !free {
                return None;
            }
        }
        if !matches!(h.as_str(), "سید" | "سیده" | "میر") {
            name_start = e;
        }
        honorifics.push(h.clone());
        j = e;
        if honorifics.len() > 3 {
            break;
        }
    }
    let t = toks.get(j)?;
    if !t.is_word() || t.kind == TokKind::Num {
        return None;
    }
    // With no honorific and no strong slot, only a given name (or one with
    // a glued honorific) starts a name: the tests below cannot pass.
    if honorifics.is_empty() && !unknown_ok && !lex::GIVEN.has(t) && glued_honorific(&t.key).is_none() {
        return None;
    }
    let addressed = honorifics.iter().any(|h| matches!(h.as_str(), "آقای" | "خانم" | "دکتر" | "مهندس"));
    // استاد, امیر, حاج ... are also plain words: they do not vouch alone.
    let vouching = honorifics
        .iter()
        .any(|h| !matches!(h.as_str(), "استاد" | "امیر" | "حاج" | "حاجی" | "مرحوم" | "شهید" | "شیخ"));
    let mut strength = if vouching { 2 } else { 0 };
    let plain = is_name_word(toks, j);
    let surname_start;
    if let Some(h) = glued_honorific(&t.key) {
        honorifics.push(h.to_string());
        strength = 2;
        surname_start = j + 1;
    } else if (plain
        || (unknown_ok
            && TITLES.longest(toks, j).is_none()
            && HEADS.longest(toks, j).is_none()
            && VERBS.longest(toks, j).is_none()
            && !lex::FACILITY.has(t)))
        && lex::GIVEN.has(t)
        && is_name_word(toks, j + 1)
    {
        if lex::COMMON_GIVEN.has(t) {
            strength = 2;
        } else if plain {
            strength = strength.max(1);
        }
        // A second given name (محمد باقر ...).
        if lex::COMMON_GIVEN.has(&toks[j + 1]) && is_name_word(toks, j + 2) {
            surname_start = j + 2;
        } else {
            surname_start = j + 1;
        }
    } else if (addressed
        || (unknown_ok && !honorifics.is_empty() && !honorifics.iter().any(|h| h == "استاد")))
        && plain
        && !lex::NOT_GIVEN.has(t)
    {
        // آقای قالیباف: the surname alone; حجت‌الاسلام نجات فیاضی: two words
        // when a second name word ends the name.
        surname_start = if is_name_word(toks, j + 1)
            && hard_end(toks, j + 2)
            && !verb_part(toks, j + 1)
            && !lex::is_everyday_tok(&toks[j + 1], false)
        {
            j + 1
        } else {
            j
        };
    } else if (unknown_ok || strength > 0)
        && plain
        && !lex::NOT_GIVEN.has(t)
        && (strength > 0 || !lex::is_everyday_tok(t, true))
        && is_name_word(toks, j + 1)
    {
        surname_start = j + 1;
    } else {
        return None;
    }
    if !is_name_word(toks, surname_start) {
        return None;
    }
    let mut end = surname_start + 1;
    // A second surname word when the name clearly ends after it (not an
    // everyday word: «خاتمی ملاحظه کرد»).
    if is_name_word(toks, end)
        && hard_end(toks, end + 1)
        && !lex::COMMON_GIVEN.has(&toks[end])
        && !verb_part(toks, end)
    {
        end += 1;
    }
    if surname_start == j
        && !unknown_ok
        && honorifics.iter().all(|h| matches!(h.as_str(), "سید" | "سیده" | "میر"))
    {
        return None;
    }
    let n =
        NameMatch { start: i, end, name_start, surname_start, honorifics, known: strength >= 2, strength };
    plausible(toks, &n).then_some(n)
}

/// A person being collected.
#[derive(Clone, Debug)]
struct Person {
    name: String,
    /// `name_key(name)`.
    key: String,
    honorifics: Vec<String>,
    /// Surname keys.
    surname: Vec<String>,
    role: Option<RoleMatch>,
    /// Role texts restated without a name (to prefer the usual spelling).
    restated: Vec<String>,
    /// Mentions: normalized byte ranges.
    mentions: Vec<(usize, usize)>,
    /// The name has a given name (not a surname only).
    full: bool,
}

fn name_key(text: &str) -> String {
    lex::canon(text)
}

struct Collector<'t> {
    text: &'t str,
    toks: &'t [Tok],
    people: Vec<Person>,
    /// Every word-suffix key of every name (and each surname) → people.
    index: FastMap<Vec<usize>>,
    /// The `index` keys: most tokens are no key, known without a lookup.
    index_keys: KeyFilter,
    /// Surnames' first words → their tokens (see [`surnames`]).
    surname_at: FastMap<Vec<usize>>,
}

/// The keys of the word suffixes of `name` (the whole name included).
fn suffix_keys(name: &str) -> Vec<String> {
    let words = lex::word_keys(name);
    let parts: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).collect();
    (0..parts.len()).map(|i| parts[i..].concat()).collect()
}

impl Collector<'_> {
    fn range(&self, i: usize, j: usize) -> (usize, usize) {
        (self.toks[i].start, self.toks[j - 1].end)
    }

    /// Adds the person named by `n` (with `role`), merging with a known one;
    /// returns its index.
    fn add(&mut self, n: &NameMatch, role: Option<RoleMatch>) -> usize {
        let toks = self.toks;
        let name = lex::slice(self.text, toks, n.name_start, n.end).to_string();
        let surname: Vec<String> = toks[n.surname_start..n.end].iter().map(|t| t.key.to_string()).collect();
        let full = n.surname_start > n.name_start || n.honorifics.iter().any(|h| h.starts_with("سید"));
        let key = name_key(&name);
        let sk = surname.concat();
        let range = self.range(n.start, n.end);
        // The same name, or one of the two is the surname (or the end) of
        // the other; the earliest person wins. Every person is indexed by
        // their whole key (a suffix key of their name): the same name is
        // found there, without the other keys.
        let same = |i: &usize| self.people.get(*i).is_some_and(|p| p.key == key);
        let exact = self.index.get(&key).and_then(|v| v.iter().copied().filter(same).min());
        let found = exact.or_else(|| {
            let mut cands: Vec<usize> = Vec::new();
            for k in suffix_keys(&name).iter().chain(std::iter::once(&sk)) {
                if let Some(v) = self.index.get(k) {
                    cands.extend(v.iter().copied());
                }
            }
            cands.sort_unstable();
            cands.dedup();
            cands.into_iter().find(|&i| {
                let p = &self.people[i];
                let pk = &p.key;
                (p.surname.concat() == sk && (!p.full || !full))
                    || (key.chars().count() >= 4 && pk.ends_with(&key))
                    || (pk.chars().count() >= 4 && key.ends_with(pk.as_str()))
            })
        });
        let idx = match found {
            Some(idx) => {
                let p = &mut self.people[idx];
                if full && !p.full {
                    p.key = key;
                    p.name = name;
                    p.full = true;
                    p.surname = surname;
                    let (keys, sk) = (suffix_keys(&p.name), p.surname.concat());
                    for k in keys.into_iter().chain(std::iter::once(sk)) {
                        self.index_keys.add(&k);
                        self.index.entry(k).or_default().push(idx);
                    }
                }
                for h in &n.honorifics {
                    if !p.honorifics.contains(h) {
                        p.honorifics.push(h.clone());
                    }
                }
                idx
            }
            None => {
                let idx = self.people.len();
                for k in suffix_keys(&name).into_iter().chain(std::iter::once(sk.clone())) {
                    self.index_keys.add(&k);
                    self.index.entry(k).or_default().push(idx);
                }
                self.people.push(Person {
                    key,
                    name,
                    honorifics: n.honorifics.clone(),
                    surname,
                    role: None,
                    restated: Vec::new(),
                    mentions: Vec::new(),
                    full,
                });
                idx
            }
        };
        let p = &mut self.people[idx];
        p.mentions.push(range);
        if let Some(r) = role {
            if p.role.is_none() {
                p.role = Some(r);
            }
        }
        idx
    }
}

/// True when a reporting verb follows token `j` in the same sentence.
fn reporting_follows(toks: &[Tok], mut j: usize) -> bool {
    let mut n = 0;
    while j < toks.len() && n < 80 {
        let t = &toks[j];
        if VERBS.longest(toks, j).is_some() {
            return true;
        }
        if t.is_sentence_end() && !matches!(t.kind, TokKind::Punct(':')) {
            return false;
        }
        if matches!(t.kind, TokKind::Punct(':')) {
            return false;
        }
        j += 1;
        n += 1;
    }
    false
}

/// True when token `i` starts a clause: start of text, after a sentence end,
/// or after the comma that closes «به گزارش ...».
#[inline(always)]
fn clause_start(toks: &[Tok], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let p = &toks[i - 1];
    if p.is_sentence_end() {
        return true;
    }
    matches!(p.kind, TokKind::Punct('،' | ',')) && reported_before(toks, i)
}

/// True when «به گزارش», «به گفته» or «به نقل از» stands before the comma ending at
/// token `i` in its sentence.
fn reported_before(toks: &[Tok], i: usize) -> bool {
    let mut j = i.saturating_sub(1);
    let mut n = 0;
    // A body's name may hold a comma (سازمان صنعت، معدن و تجارت): two
    // commas more are passed.
    let mut commas = 0;
    while j > 0 && n < 25 {
        j -= 1;
        n += 1;
        let t = &toks[j];
        if t.is_sentence_end() {
            break;
        }
        // به گزارش ...، به گفته ...، به نقل از ...،
        if t.key == "گزارش" || t.key == "گفته" || (t.key == "نقل" && j > 0 && toks[j - 1].key == "به")
        {
            return true;
        }
        if matches!(t.kind, TokKind::Punct('،' | ',')) {
            commas += 1;
            if commas > 2 {
                break;
            }
        }
    }
    false
}

/// Finds the officials of `doc` and adds them to `out`.
pub(crate) fn extract(doc: &Doc, out: &mut Extraction) {
    let text = doc.text();
    let toks = doc.tokens();
    let mut c = Collector {
        text,
        toks: &toks,
        people: Vec::new(),
        index: FastMap::default(),
        index_keys: KeyFilter::default(),
        surname_at: FastMap::default(),
    };
    let mut unnamed: Vec<(RoleMatch, bool)> = Vec::new();
    let mut claimed = vec![false; toks.len()];

    // Roles and the names beside them.
    let mut i = 0;
    while i < toks.len() {
        // A role starts with a title: most words start none.
        if !toks[i].is_word() || claimed[i] {
            i += 1;
            continue;
        }
        if !TITLES.may_start(&toks[i]) {
            if let Some(r) = unit_role(text, &toks, i) {
                for f in claimed.iter_mut().take(r.end).skip(r.start) {
                    *f = true;
                }
                i = r.end;
                unnamed.push((r, true));
                continue;
            }
            i += 1;
            continue;
        }
        let Some(r) = role_at(text, &toks, i, 0).or_else(|| bare_role(text, &toks, i)) else {
            i += 1;
            continue;
        };
        // NAME، ROLE or NAME ROLE.
        let mut named = false;
        let back = if i > 0 && matches!(toks[i - 1].kind, TokKind::Punct('،' | ',')) { i - 1 } else { i };
        for s in back.saturating_sub(6)..back {
            if claimed[s] {
                continue;
            }
            let cs = clause_start(&toks, s);
            if let Some(n) = name_at(&toks, s, cs) {
                let after_comma = s > 0 && matches!(toks[s - 1].kind, TokKind::Punct('،' | ','));
                if n.end == back && (n.strength >= 1 || (cs && (back < i || after_comma))) {
                    c.add(&n, Some(r.clone()));
                    for f in claimed.iter_mut().take(r.end).skip(s) {
                        *f = true;
                    }
                    named = true;
                    break;
                }
            }
        }
        let quote_open = match toks.get(back.wrapping_sub(1)).map(|t| t.kind) {
            Some(TokKind::Punct('»')) => Some('«'),
            Some(TokKind::Punct('"')) => Some('"'),
            Some(TokKind::Punct('”')) => Some('“'),
            _ => None,
        };
        if let (false, true, Some(q)) = (named, i >= 3, quote_open) {
            // «NAME» ROLE ORG, "NAME" ROLE ORG: a name in quotes (a foreign name).
            let close = back - 1;
            let open = (close.saturating_sub(5)..close).rev().find(|&o| toks[o].kind == TokKind::Punct(q));
            if let Some(o) = open {
                let inner = o + 1..close;
                let words = inner.len() >= 2 && inner.clone().all(|j| is_name_word(&toks, j));
                if words && !claimed[o] {
                    let n = NameMatch {
                        start: o + 1,
                        end: close,
                        name_start: o + 1,
                        surname_start: close - 1,
                        honorifics: Vec::new(),
                        known: false,
                        strength: 0,
                    };
                    c.add(&n, Some(r.clone()));
                    for f in claimed.iter_mut().take(r.end).skip(o) {
                        *f = true;
                    }
                    named = true;
                }
            }
        }
        if !named && back == i && i >= 3 && toks[i - 1].key == "و" {
            // NAME, a description, و ROLE ORG (… کارشناس ارشد کشاورزی و رئیس …)
            for s in i.saturating_sub(9)..i - 2 {
                if claimed[s] {
                    continue;
                }
                let cs = clause_start(&toks, s);
                if let Some(n) = name_at(&toks, s, cs) {
                    let gap_ok = n.end < i - 1
                        && i - 1 - n.end <= 4
                        && toks[n.end..i - 1].iter().all(|t| t.is_word() && t.key != "و");
                    if gap_ok && (n.strength >= 1 || cs) {
                        c.add(&n, Some(r.clone()));
                        for f in claimed.iter_mut().take(r.end).skip(s) {
                            *f = true;
                        }
                        named = true;
                        break;
                    }
                }
            }
        }
        if !named && !r.bare && r.org.is_some() && back == i && i >= 1 {
            // SURNAME ROLE ORG after a clause start or a word that
            // introduces a person (که نوبخت رئیس ..., اظهارات X معاون ...).
            let s = i - 1;
            let t = &toks[s];
            let intro =
                s > 0 && matches!(toks[s - 1].key.as_str(), "که" | "اظهارات" | "سخنان" | "گفته" | "توسط");
            if !claimed[s]
                && intro
                && is_name_word(&toks, s)
                && t.key.chars().count() >= 4
                && !lex::NOT_GIVEN.has(t)
            {
                let n = NameMatch {
                    start: s,
                    end: i,
                    name_start: s,
                    surname_start: s,
                    honorifics: Vec::new(),
                    known: false,
                    strength: 0,
                };
                c.add(&n, Some(r.clone()));
                for f in claimed.iter_mut().take(r.end).skip(s) {
                    *f = true;
                }
                named = true;
            }
        }
        if !named && !r.bare {
            // ROLE ORG NAME.
            if let Some(n) = name_at(&toks, r.end, false) {
                if n.known {
                    c.add(&n, Some(r.clone()));
                    for f in claimed.iter_mut().take(n.end).skip(r.start) {
                        *f = true;
                    }
                    named = true;
                }
            }
        }
        if !named {
            let para_start = r.start == 0 || toks[r.start - 1].kind == TokKind::Para;
            let subject = para_start
                || clause_start(&toks, r.start)
                || !toks[r.start - 1].is_word()
                || matches!(
                    toks[r.start - 1].key.as_str(),
                    "رابطه"
                        | "راستا"
                        | "ادامه"
                        | "پایان"
                        | "همچنین"
                        | "خصوص"
                        | "زمینه"
                        | "باره"
                        | "امروز"
                        | "صبح"
                        | "ظهر"
                        | "عصر"
                        | "شب"
                        | "دیروز"
                        | "نیز"
                        | "ضمن"
                        | "اینباره"
                );
            let reported = subject && !in_statement(&toks, r.start) && reporting_follows(&toks, r.end);
            if r.bare && !reported {
                // An unknown body outside a person's slot: no role.
                i += 1;
                continue;
            }
            for f in claimed.iter_mut().take(r.end).skip(r.start) {
                *f = true;
            }
            unnamed.push((r.clone(), para_start || reported));
        }
        i = r.end.max(i + 1);
    }

    surnames(&mut c, &mut claimed);

    // Names as subjects of a reporting verb, and names with honorifics.
    let mut i = 0;
    while i < toks.len() {
        if claimed[i] || !toks[i].is_word() {
            i += 1;
            continue;
        }
        // After a word other than «نام» no clause starts, and most words
        // start no name: nothing below can match (see `clause_start`,
        // `name_at`).
        if i > 0 && toks[i - 1].is_word() && toks[i - 1].key != "نام" && !may_start_name(&toks[i]) {
            i += 1;
            continue;
        }
        // A known surname starts here: a mention, not a new person.
        let k = toks[i].key.as_str();
        if c.index_keys.may_hold(k) && c.index.contains_key(k) {
            i += 1;
            continue;
        }
        let named_slot = i >= 2 && toks[i - 2].key == "به" && toks[i - 1].key == "نام";
        let cs = clause_start(&toks, i) || named_slot;
        let para = i == 0 || toks[i - 1].kind == TokKind::Para;
        let reported = after_attribution(&toks, i);
        if let Some(n) = name_at(&toks, i, cs || reported) {
            let strong_hon = n.honorifics.iter().any(|h| !matches!(h.as_str(), "سید" | "سیده"));
            let verb_near = (n.end..n.end + 4)
                .take_while(|&j| j < toks.len())
                .any(|j| VERBS.longest(&toks, j).is_some() && (n.end..j).all(|k| soft_after(&toks, k)));
            let ok = (cs
                && reporting_follows(&toks, n.end)
                && (n.strength >= 1
                    || soft_after(&toks, n.end)
                    || toks.get(n.end).is_some_and(|t| t.key == "که")))
                || (strong_hon && n.known)
                || (n.known && verb_near)
                || (para && n.known)
                || (reported && n.known && n.surname_start > n.name_start)
                || (named_slot && n.strength >= 1)
                || (n.known && n.honorifics.iter().any(|h| h.starts_with("سید")) && n.surname_start < n.end);
            if ok && (n.end - n.start) <= 5 {
                c.add(&n, None);
                for f in claimed.iter_mut().take(n.end).skip(n.start) {
                    *f = true;
                }
                i = n.end;
                continue;
            }
        }
        if cs && lone_surname_speaker(text, &toks, i) {
            let n = NameMatch {
                start: i,
                end: i + 1,
                name_start: i,
                surname_start: i,
                honorifics: Vec::new(),
                known: false,
                strength: 0,
            };
            c.add(&n, None);
            claimed[i] = true;
        }
        i += 1;
    }

    surnames(&mut c, &mut claimed);

    // Roles without a name: a restated role, or the role of a person named
    // without one.
    let mut by_title: FastMap<Vec<usize>> = FastMap::default();
    let mut roleless: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for (pi, p) in c.people.iter().enumerate() {
        match &p.role {
            Some(r) => by_title.entry(r.title_key.clone()).or_default().push(pi),
            None => {
                if let Some(first) = p.mentions.iter().map(|m| m.0).min() {
                    roleless.entry(first).or_insert(pi);
                }
            }
        }
    }
    // Roles of one holder (شهردار تهران) restated with no name and no
    // reporting verb.
    let mut restated_only: Vec<RoleMatch> = Vec::new();
    for (r, reporting) in unnamed {
        let rr = c.range(r.start, r.end);
        let same = by_title.get(&r.title_key).and_then(|v| {
            v.iter().copied().find(|&pi| c.people[pi].role.as_ref().is_some_and(|pr| org_compatible(pr, &r)))
        });
        if let Some(pi) = same {
            c.people[pi].mentions.push(rr);
            if !r.bare {
                c.people[pi].restated.push(r.role.clone());
            }
            continue;
        }
        if !reporting || (r.org.is_none() && !r.placed && r.role.chars().count() < 8) {
            if r.implied && !r.bare && r.org.is_some() {
                restated_only.push(r);
            }
            continue;
        }
        // The nearest person without a role, preferring one named after.
        let after = roleless.range(rr.0..).next().map(|(&f, &pi)| (f, pi, f - rr.0));
        let before = roleless.range(..rr.0).next_back().map(|(&f, &pi)| (f, pi, (rr.0 - f) * 4));
        let best = match (after, before) {
            (Some(a), Some(b)) => Some(if a.2 <= b.2 { a } else { b }),
            (a, b) => a.or(b),
        };
        if let Some((first, pi, _)) = best {
            roleless.remove(&first);
            by_title.entry(r.title_key.clone()).or_default().push(pi);
            c.people[pi].role = Some(r);
            c.people[pi].mentions.push(rr);
        }
    }

    // A well-known holder named by surname alone (آقای قالیباف) whose role
    // the article states only without his name, at least twice: the one
    // such role goes to the one such person.
    let roleless_surnames: Vec<usize> =
        roleless.values().copied().filter(|&pi| !c.people[pi].full && c.people[pi].role.is_none()).collect();
    if let [pi] = roleless_surnames[..] {
        let key = |r: &RoleMatch| {
            format!("{} {}", r.role, r.org.as_ref().map_or(String::new(), |o| lex::canon(&o.0)))
        };
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (n, r) in restated_only.iter().enumerate() {
            let k = key(r);
            match groups.iter_mut().find(|g| g.0 == k) {
                Some(g) => g.1.push(n),
                None => groups.push((k, vec![n])),
            }
        }
        groups.retain(|g| g.1.len() >= 2);
        if let [(_, members)] = &groups[..] {
            for &n in members {
                let r = &restated_only[n];
                let rr = c.range(r.start, r.end);
                c.people[pi].mentions.push(rr);
            }
            c.people[pi].role = Some(restated_only[members[0]].clone());
        }
    }

    // وی / او: the person mentioned last before.
    let mut all: Vec<(usize, usize)> =
        c.people.iter().enumerate().flat_map(|(pi, p)| p.mentions.iter().map(move |m| (m.0, pi))).collect();
    all.sort_unstable();
    for t in toks.iter() {
        if t.is_word() && (t.key == "وی" || t.key == "او") {
            let pos = all.partition_point(|m| m.0 < t.start);
            if pos > 0 {
                let pi = all[pos - 1].1;
                c.people[pi].mentions.push((t.start, t.end));
            }
        }
    }

    // Output, in order of first mention.
    let mut people = c.people;
    for p in &mut people {
        p.mentions.sort_unstable();
        p.mentions.dedup();
        // The role as most often written (a misspelt first statement loses).
        if let Some(r) = &mut p.role {
            if let Some(b) = most_restated(&p.restated, &r.role) {
                r.role = b.to_string();
            }
        }
    }
    people.sort_by_key(|p| p.mentions.first().map_or(usize::MAX, |m| m.0));
    for p in people {
        let (role, organization) = match &p.role {
            Some(r) => {
                if let (Some((name, kind)), true) = (&r.org, r.implied) {
                    organizations::add(out, name, *kind, None);
                }
                (Some(r.role.clone()), r.org.as_ref().map(|o| o.0.clone()))
            }
            None => (None, None),
        };
        let mentions = p.mentions.iter().map(|&(s, e)| doc.span(s..e)).collect();
        out.officials.push(Official { name: p.name, honorifics: p.honorifics, role, organization, mentions });
    }
}

/// The role text restated most often with the same first word as `role`
/// (the last such of the most frequent, as `max_by_key` picks), if it is
/// restated more often than `role` is stated (once, plus its restatements).
/// Counted once per distinct text: a text may restate a role hundreds of
/// times.
fn most_restated<'a>(restated: &'a [String], role: &str) -> Option<&'a str> {
    let mut counts: crate::lexicon::FastMap<&str, usize> = crate::lexicon::FastMap::default();
    for x in restated {
        *counts.entry(x.as_str()).or_default() += 1;
    }
    let count = |x: &str| counts.get(x).copied().unwrap_or(0);
    let own = count(role) + 1;
    let first = role.split(' ').next();
    let mut best: Option<(&str, usize)> = None;
    for x in restated.iter().filter(|x| x.split(' ').next() == first) {
        let n = count(x);
        if best.is_none_or(|(_, m)| n >= m) {
            best = Some((x, n));
        }
    }
    best.filter(|&(_, n)| n > own).map(|(b, _)| b)
}

/// True when word `i`, at a clause start, is a surname alone before a
/// reporting verb and a colon (ضرابی اظهار داشت: ...): no everyday word,
/// given name, pronoun or place.
fn lone_surname_speaker(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let colon_verb = VERBS
        .longest(toks, i + 1)
        .is_some_and(|(ve, _)| toks.get(ve).is_some_and(|x| matches!(x.kind, TokKind::Punct(':'))));
    colon_verb
        && t.key.chars().count() >= 3
        && is_name_word(toks, i)
        && !lex::is_everyday_tok(t, true)
        && !lex::GIVEN.has(t)
        && !lex::NOT_GIVEN.has(t)
        && !lex::is_role_noun_tok(t)
        && !matches!(t.key.as_str(), "ایشان" | "وزارتخانه")
        && super::locations::place_at(text, t.start).is_none()
}

/// After a name of unknown first name: a word that typically follows the
/// subject of a reporting sentence.
fn soft_after(toks: &[Tok], j: usize) -> bool {
    toks.get(j).is_some_and(|t| {
        matches!(
            t.key.as_str(),
            "امروز"
                | "صبح"
                | "ظهر"
                | "عصر"
                | "شامگاه"
                | "بامداد"
                | "دیروز"
                | "در"
                | "با"
                | "ضمن"
                | "پیش"
                | "روز"
                | "عصرامروز"
        ) || VERBS.longest(toks, j).is_some()
    })
}

/// True when token `i` opens the clause after «به گزارش X،» (به گزارش
/// خبرگزاری فارس، نادر احمدی در نشست ...): news names its subject there.
fn after_attribution(toks: &[Tok], i: usize) -> bool {
    if i < 4 || toks[i - 1].kind != TokKind::Punct('،') {
        return false;
    }
    let from = i.saturating_sub(9);
    let Some(g) = (from..i - 1).rev().find(|&j| toks[j].key == "گزارش") else { return false };
    g > 0 && toks[g - 1].key == "به" && (g + 1..i - 1).all(|j| toks[j].is_word())
}

/// Two roles with the same title may be the same role restated: their
/// bodies share their last word, or one has none.
fn org_compatible(a: &RoleMatch, b: &RoleMatch) -> bool {
    match (&a.org, &b.org) {
        (Some((x, _)), Some((y, _))) => {
            let (cx, cy) = (lex::canon(x), lex::canon(y));
            if cx.contains(&cy) || cy.contains(&cx) {
                return true;
            }
            let lx = cx.chars().rev().take(4).collect::<String>();
            let ly = cy.chars().rev().take(4).collect::<String>();
            // The same last word under the same head (the last word is
            // often the province: سازمان جهاد کشاورزی مازندران is not
            // شرکت توسعه کشت مازندران).
            let head = |s: &str| s.split(' ').next().map(lex::key);
            if lx == ly && head(x) == head(y) {
                return true;
            }
            // وزارت خارجه / وزارت امور خارجه ایران: every word of the
            // shorter body in the longer.
            let (wx, wy) = (lex::word_keys(x), lex::word_keys(y));
            let (short, long) = if wx.len() <= wy.len() { (&wx, &wy) } else { (&wy, &wx) };
            let long: Vec<&str> = long.split(' ').collect();
            short.split(' ').filter(|w| !w.is_empty()).all(|w| long.contains(&w))
        }
        _ => true,
    }
}

/// Adds every restated surname of the people known so far as a mention and
/// marks its tokens as claimed.
fn surnames(c: &mut Collector, claimed: &mut [bool]) {
    let toks = c.toks;
    // The tokens of each surname's first word; the text is scanned only for
    // the words not scanned for before.
    let mut at = std::mem::take(&mut c.surname_at);
    let mut fresh: FastMap<Vec<usize>> = FastMap::default();
    for p in &c.people {
        if let Some(f) = p.surname.first().filter(|f| !at.contains_key(f.as_str())) {
            fresh.entry(f.clone()).or_default();
        }
    }
    // Most tokens are passed over without a lookup.
    let mut keys = KeyFilter::default();
    for k in fresh.keys() {
        keys.add(k);
    }
    if !keys.is_empty() {
        for (j, t) in toks.iter().enumerate() {
            if !keys.may_hold(&t.key) {
                continue;
            }
            if let Some(v) = fresh.get_mut(t.key.as_str()) {
                v.push(j);
            }
        }
    }
    at.extend(fresh);
    let mut covered: Vec<(usize, usize)> = c.people.iter().flat_map(|p| p.mentions.iter().copied()).collect();
    covered.sort_unstable();
    let inside = |covered: &[(usize, usize)], r: (usize, usize)| {
        let k = covered.partition_point(|m| m.0 <= r.0);
        covered[..k].iter().rev().take(8).any(|m| r.1 <= m.1)
    };
    for pi in 0..c.people.len() {
        let sn = c.people[pi].surname.clone();
        let Some(first) = sn.first() else { continue };
        let Some(starts) = at.get(first.as_str()) else { continue };
        for &j in starts.iter() {
            if j + sn.len() > toks.len() || !toks[j..j + sn.len()].iter().zip(&sn).all(|(t, k)| &t.key == k) {
                continue;
            }
            if claimed[j] && sn.len() == 1 && inside(&covered, (toks[j].start, toks[j].end)) {
                continue;
            }
            let r = (toks[j].start, toks[j + sn.len() - 1].end);
            if !inside(&covered, r) {
                c.people[pi].mentions.push(r);
            }
            for f in claimed.iter_mut().skip(j).take(sn.len()) {
                *f = true;
            }
        }
    }
    c.surname_at = at;
}

/// True when token `i` lies inside a reported statement: after a «:» or an
/// unclosed «« » earlier in its paragraph.
fn in_statement(toks: &[Tok], i: usize) -> bool {
    let mut j = i;
    while j > 0 {
        j -= 1;
        match toks[j].kind {
            TokKind::Para => return false,
            TokKind::Punct('«') => return true,
            // A statement opens after «VERB:», not after «خبرگزاری فارس:».
            TokKind::Punct(':')
                if (j.saturating_sub(3)..j).any(|x| VERBS.longest(toks, x).is_some_and(|(e, _)| e == j)) =>
            {
                return true;
            }
            TokKind::Punct('»') => return false,
            _ => {}
        }
    }
    false
}
