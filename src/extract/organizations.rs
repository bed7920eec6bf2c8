//! Organizations: a head word from `data/people/org-heads.tsv` (شهرداری,
//! وزارت, سازمان, اداره کل ...) and its complement (the words naming which
//! one: شهرداری قم, سازمان برنامه و بودجه), ended at a sound boundary; bodies
//! nested in a name (اداره کل ارتباطات ... شهرداری قم) are reported too.

use super::officials::lex::FastMap;
use super::officials::lex::{self, Tok, TokKind, HEADS, HONORIFICS, TITLES};
use super::Doc;
use crate::model::{Extraction, OrgKind, Organization};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::LazyLock;

/// Most words a complement may have (the nested body not counted).
const MAX_COMPLEMENT: usize = 6;

/// Verbs that take a noun before them (تلاش دارد, اعلام کرد).
const LIGHT_VERBS: [&str; 38] = [
    "دارد",
    "دارند",
    "داشت",
    "داشته",
    "داشتند",
    "داشتهاند",
    "کرد",
    "کرده",
    "کردند",
    "کردهاند",
    "کند",
    "کنند",
    "نمود",
    "نموده",
    "نمایند",
    "شد",
    "شده",
    "شدند",
    "شدهاند",
    "شود",
    "شوند",
    "گردد",
    "گردید",
    "است",
    "بود",
    "بودند",
    "باشد",
    "گرفت",
    "گرفته",
    "داد",
    "داده",
    "دادند",
    "دادهاند",
    "کرداست",
    "میکند",
    "ندارد",
    "نیست",
    "هستند",
];

/// Industry words that may follow «و» inside a company's name (هلدینگ
/// نفت و گاز و پتروشیمی X).
const INDUSTRY: [&str; 3] = ["پتروشیمی", "پالایش", "فولاد"];

/// Words that close a list or run on past a name: «و غیره», «و همزمان».
fn not_name_word(k: &str) -> bool {
    matches!(
        k,
        "غیره"
            | "سایر"
            | "دیگر"
            | "همزمان"
            | "همچنین"
            | "همچنان"
            | "نیز"
            | "سپس"
            | "پس"
            | "بعد"
            | "اکنون"
            | "هم"
            | "حتی"
            | "یا"
            | "البته"
            | "ضمنا"
            | "همینطور"
    )
}

/// Words a name never runs on into: nouns of compound verbs (افتتاح شد,
/// واقع در), quantity words, ordinal days (چهاردهم بهمن).
fn ends_name(k: &str) -> bool {
    matches!(
        k,
        "افتتاح"
            | "وارد"
            | "واقع"
            | "تدوین"
            | "تخصیص"
            | "تصویب"
            | "برگزار"
            | "مستقر"
            | "موظف"
            | "ملزم"
            | "موفق"
            | "مابین"
            | "میان"
            | "حداقل"
            | "حداکثر"
            | "بیش"
            | "کمتر"
            | "یکم"
            | "دوم"
            | "سوم"
            | "چهارم"
            | "پنجم"
            | "ششم"
            | "هفتم"
            | "هشتم"
            | "نهم"
            | "دهم"
            | "یازدهم"
            | "دوازدهم"
            | "سیزدهم"
            | "چهاردهم"
            | "پانزدهم"
            | "شانزدهم"
            | "هفدهم"
            | "هجدهم"
            | "هیجدهم"
            | "نوزدهم"
            | "بیستم"
            | "سیام"
            | "متعلق"
            | "مبنی"
            | "حاکی"
            | "تقدیم"
            | "اختصاص"
            | "توسط"
            | "همچنان"
            | "هستیم"
            | "هستند"
            | "برخی"
            | "خواهان"
    )
}

/// Words before a head that make it a class noun, not a body's name (14
/// صندوق, نخستین بانک, دو سازمان).
fn counted(toks: &[Tok], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).and_then(|p| toks.get(p)) else { return false };
    if p.kind == TokKind::Num {
        // شعبه 2 دادگاه, سال 1402 شهرداری: not a count.
        let small = p.key.len() <= 3 && p.key.bytes().all(|b| b.is_ascii_digit());
        let prev = i.checked_sub(2).and_then(|b| toks.get(b));
        // 1387/2/17 شهرداری: the end of a date.
        let in_date =
            prev.is_some_and(|b| matches!(b.kind, TokKind::Punct('/' | '-' | '.')) || b.kind == TokKind::Num);
        let before = prev.map_or("", |b| b.key.as_str());
        return small
            && !in_date
            && !matches!(
                before,
                "شعبه"
                    | "منطقه"
                    | "ناحیه"
                    | "واحد"
                    | "ماده"
                    | "بند"
                    | "تبصره"
                    | "شماره"
                    | "سال"
                    | "روز"
                    | "اصل"
            );
    }
    matches!(
        p.key.as_str(),
        "دو" | "سه"
            | "چهار"
            | "پنج"
            | "شش"
            | "هفت"
            | "هشت"
            | "ده"
            | "نخستین"
            | "اولین"
            | "دومین"
            | "سومین"
            | "چهارمین"
            | "پنجمین"
            | "آخرین"
            | "برخی"
            | "تعدادی"
            | "چندین"
            | "سایر"
            // ۳ هزار شرکت, صدها شرکت: a number ending in a scale word.
            | "صد"
            | "هزار"
            | "میلیون"
            | "صدها"
            | "هزاران"
            | "دهها"
            | "بیست"
            | "سی"
            | "چهل"
            | "پنجاه"
            | "شصت"
            | "هفتاد"
            | "هشتاد"
            | "نود"
    )
}

/// An organization name found at a token position.
#[derive(Clone, Debug)]
pub(crate) struct OrgMatch {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The name, normalized.
    pub name: String,
    /// Its kind.
    pub kind: OrgKind,
    /// The last body nested inside the name (… شهرداری قم), if any.
    pub nested: Option<Box<OrgMatch>>,
}

/// Where a complement starting at token `k` ends, and the body nested at its
/// end, if any. `head_kind` is the kind of the body being completed.
pub(crate) fn complement(text: &str, toks: &[Tok], k: usize, depth: u8) -> (usize, Option<Box<OrgMatch>>) {
    let mut end = k;
    let mut words = 0usize;
    let mut used_and = 0u8;
    // The industry word after «و» that goes on the name, not nested in it.
    let mut no_nest = usize::MAX;
    let mut j = k;
    while j < toks.len() && words < MAX_COMPLEMENT {
        let t = &toks[j];
        if t.kind == TokKind::Num {
            let after_area = j > 0 && matches!(toks[j - 1].key.as_str(), "منطقه" | "ناحیه" | "شعبه" | "واحد");
            if after_area {
                end = j + 1;
                j += 1;
                continue;
            }
            break;
        }
        if matches!(t.kind, TokKind::Punct('،' | ',')) && words > 0 && used_and == 0 {
            // صنعت، معدن و تجارت
            let ok = toks.get(j + 1).is_some_and(|n| n.is_word() && !lex::is_boundary(n))
                && toks.get(j + 2).is_some_and(|n| n.key == "و")
                && toks
                    .get(j + 3)
                    .is_some_and(|n| n.is_word() && !lex::is_boundary(n) && !not_name_word(&n.key))
                && toks.get(j + 1).is_some_and(|n| !not_name_word(&n.key));
            if ok {
                // The list «X، Y و Z» closes the name's conjunctions.
                used_and = 1;
                j += 1;
                continue;
            }
            break;
        }
        if !t.is_word() {
            break;
        }
        if t.key == "و" {
            // Continue across one «و» only, into another plain word.
            let Some(n) = toks.get(j + 1) else { break };
            if used_and >= 2 {
                break;
            }
            used_and += 1;
            // نفت و گاز و پتروشیمی X: an industry word inside a company's name.
            let industry = used_and > 1
                && HEADS.longest(toks, j + 1).is_some_and(|(_, h)| h.kind == OrgKind::Company)
                && INDUSTRY.contains(&n.key.as_str());
            if j == k
                || !n.is_word()
                || lex::is_boundary(n)
                || not_name_word(&n.key)
                || lex::NOT_GIVEN.has(n)
                || n.plural
                // کشورهای, not حرفه‌ای
                || (n.key.ends_with("های") && !text.get(n.start..n.end).is_some_and(|w| w.contains('\u{200c}')))
                || matches!(n.key.as_str(), "عدم" | "میدان" | "خیابان" | "بلوار" | "روند")
                || (HEADS.longest(toks, j + 1).is_some() && !industry)
                || TITLES.longest(toks, j + 1).is_some()
                || HONORIFICS.longest(toks, j + 1).is_some()
            {
                break;
            }
            if industry {
                no_nest = j + 1;
            }
            j += 1;
            continue;
        }
        if let Some((pend, _)) = super::locations::place_at(text, t.start).filter(|_| !lex::is_boundary(t)) {
            // A place ends the name.
            let mut e = j;
            while e < toks.len() && toks[e].start < pend {
                e += 1;
            }
            end = e.max(j + 1);
            break;
        }
        let nest_ok =
            j != no_nest && (j > k || HEADS.longest(toks, j).is_some_and(|(_, h)| h.needs_complement));
        if depth < 3 && nest_ok {
            if let Some(n) = org_at_depth(text, toks, j, depth + 1) {
                end = n.end;
                return (end, Some(Box::new(n)));
            }
        }
        let fixed_prep = words > 0
            && matches!(t.key.as_str(), "از" | "با" | "به")
            && matches!(
                (toks[j - 1].key.as_str(), t.key.as_str()),
                ("حمایت" | "دفاع" | "حفاظت" | "پیشگیری", "از") | ("مبارزه", "با") | ("رسیدگی", "به")
            )
            && toks.get(j + 1).is_some_and(|n| n.is_word() && !lex::is_boundary(n));
        if fixed_prep {
            j += 1;
            continue;
        }
        if (lex::is_boundary(t) && !plural_in_name(toks, j, k))
            || lex::is_verb(t)
            || t.key.ends_with("ترین")
            || matches!(
                t.key.as_str(),
                "نخستین"
                    | "اولین"
                    | "آخرین"
                    | "واپسین"
                    | "دومین"
                    | "سومین"
                    | "چهارمین"
                    | "پنجمین"
                    | "ششمین"
                    | "هفتمین"
                    | "هشتمین"
                    | "نهمین"
                    | "دهمین"
            )
            || (t.key.ends_with('ا') && lex::FUNCTION.has(t))
            || (j > k && ends_name(&t.key))
            || TITLES.longest(toks, j).is_some()
            || (j > k && HONORIFICS.longest(toks, j).is_some())
        {
            break;
        }
        if t.key.starts_with("سید")
            && t.key.len() > "سید".len() + 4
            && lex::GIVEN.contains(&t.key["سید".len()..])
        {
            break;
        }
        if j > k
            && lex::COMMON_GIVEN.has(t)
            && toks.get(j + 1).is_some_and(|n| n.is_word() && !lex::is_boundary(n))
        {
            break;
        }
        if matches!(t.key.as_str(), "ها" | "های" | "هایی" | "ای") {
            break;
        }
        // حمل و نقل is one word.
        if t.key == "حمل"
            && toks.get(j + 1).is_some_and(|n| n.key == "و")
            && toks.get(j + 2).is_some_and(|n| n.key == "نقل")
        {
            end = j + 3;
            words += 1;
            j += 3;
            continue;
        }
        // A past stem closing its clause is a verb (در حوزه علمیه پرداخت.).
        if crate::lexicon::is_past_stem(&t.key)
            && toks.get(j + 1).is_none_or(|n| !n.is_word() || n.key == "و")
        {
            break;
        }
        // A noun before a light verb is the verb's, not the name's (… قم تلاش دارد).
        if toks
            .get(j + 1)
            .is_some_and(|n| lex::is_verb(n) || n.key == "را" || LIGHT_VERBS.contains(&n.key.as_str()))
        {
            break;
        }
        end = j + 1;
        words += 1;
        j += 1;
        // استان X / شهرستان X / کشور end the name.
        if t.key == "کشور" {
            break;
        }
        if matches!(t.key.as_str(), "استان" | "شهرستان") {
            // شرکت سرمایه‌گذاری استان مربوطه: a body of each province, no name.
            if toks
                .get(j)
                .is_some_and(|n| matches!(n.key.as_str(), "مربوطه" | "مربوط" | "محل" | "خود" | "دیگر"))
            {
                return (k, None);
            }
            if words > 1 {
                // «... استان» with no name after it: the province is implied.
                end = j - 1;
            }
            if let Some(n) = toks.get(j).filter(|n| n.is_word() && !lex::is_boundary(n)) {
                if *GAZETTEER {
                    // Only a known place completes «استان/شهرستان».
                    if let Some((pend, _)) = super::locations::place_at(text, n.start) {
                        let mut e = j;
                        while e < toks.len() && toks[e].start < pend {
                            e += 1;
                        }
                        end = e;
                    }
                } else {
                    end = j + 1;
                    j += 1;
                    if toks.get(j).is_some_and(|n| {
                        matches!(n.key.as_str(), "جنوبی" | "شمالی" | "شرقی" | "غربی" | "رضوی" | "مرکزی")
                    }) {
                        end = j + 1;
                    }
                }
            }
            break;
        }
    }
    (end, None)
}

/// True when the plural at token `j` (a complement starting at `k`) goes
/// on with its ezafe inside the name: right after the head (اتحادیه
/// تاکسیرانی‌های شهری, گروه شرکت‌های ...) or before a relational adjective
/// (شرکت توسعه کشت دانه‌های روغنی).
fn plural_in_name(toks: &[Tok], j: usize, k: usize) -> bool {
    let t = &toks[j];
    // وزارت‌خانه‌های is the class noun, not a name; after an adjective
    // (سازمان امور مالیاتی واقعیت‌های ...) the name has ended.
    t.plural
        && !t.verbish
        && t.key.ends_with("های")
        && t.key != "خانههای"
        && (j == k || !toks[j - 1].key.ends_with('ی'))
        && !lex::BOUNDARY.has(t)
        && toks.get(j + 1).is_some_and(|n| {
            n.is_word()
                && !lex::is_boundary(n)
                && !lex::is_verb(n)
                && !lex::FUNCTION.has(n)
                && (j == k || (n.key.ends_with('ی') && n.key.chars().count() > 3))
        })
}

/// True once the locations gazetteer answers (`place_at`): bodies of a
/// place (شهرداری, استانداری ...) then take only a place as complement.
pub(crate) static GAZETTEER: LazyLock<bool> =
    LazyLock::new(|| super::locations::place_at("شهرداری تهران", "شهرداری ".len()).is_some());

/// The end of the place that completes a body of a place, at token `k`:
/// a gazetteer place, «استان/شهرستان/شهر/بخش» + place, or «منطقه/ناحیه N».
pub(crate) fn place_complement(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    let end_at = |pend: usize| {
        let mut e = k;
        while e < toks.len() && toks[e].start < pend {
            e += 1;
        }
        e
    };
    if matches!(t.key.as_str(), "منطقه" | "ناحیه") && toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Num)
    {
        // شهرداری منطقه 3 تهران
        let e = k + 2;
        if let Some(n) = toks.get(e) {
            if let Some((pend, _)) = super::locations::place_at(text, n.start) {
                let mut e2 = e;
                while e2 < toks.len() && toks[e2].start < pend {
                    e2 += 1;
                }
                return Some(e2);
            }
        }
        return Some(e);
    }
    if t.is_word() && matches!(t.key.as_str(), "استان" | "شهرستان" | "شهر" | "بخش" | "روستای")
    {
        let n = toks.get(k + 1)?;
        let (pend, _) = super::locations::place_at(text, n.start)?;
        let mut e = k + 1;
        while e < toks.len() && toks[e].start < pend {
            e += 1;
        }
        return Some(e);
    }
    let (pend, _) = super::locations::place_at(text, t.start)?;
    Some(end_at(pend))
}

/// True when tokens `from..end` end with the name of a province.
pub(crate) fn ends_with_province(text: &str, toks: &[Tok], from: usize, end: usize) -> bool {
    if end <= from || end > toks.len() {
        return false;
    }
    let last = toks[end - 1].end;
    (from..end).any(|p| {
        super::locations::place_at(text, toks[p].start)
            .is_some_and(|(pe, k)| pe == last && k == crate::model::LocationKind::Province)
    })
}

/// The organization named at token `i`, if any.
pub(crate) fn org_at(text: &str, toks: &[Tok], i: usize) -> Option<OrgMatch> {
    // Most words start no head: known without a search.
    HEADS.longest(toks, i)?;
    let known = SCANNED.with(|cell| {
        let s = cell.try_borrow().ok()?;
        let (own, len) = s.owner.as_ref()?;
        if !(own.as_ptr() == toks.as_ptr() && own.len() == toks.len() && *len == text.len()) {
            return None;
        }
        let k = s.at.binary_search_by_key(&i, |(j, _)| *j).ok()?;
        s.at.get(k).map(|(_, m)| m.clone())
    });
    known.unwrap_or_else(|| org_at_depth(text, toks, i, 0))
}

/// The answers of [`org_at`] at every head of a text, as the organizations
/// stage found them, in token order: the officials stage that runs next
/// asks again for the bodies of the roles.
#[derive(Default)]
struct Scanned {
    /// The tokens (and the length of the text) the answers are for; held,
    /// so that no other token list has their address meanwhile.
    owner: Option<(Rc<Vec<Tok>>, usize)>,
    /// Token index → [`org_at`] there.
    at: Vec<(usize, Option<OrgMatch>)>,
}

thread_local! {
    static SCANNED: RefCell<Scanned> = RefCell::new(Scanned::default());
}

fn org_at_depth(text: &str, toks: &[Tok], i: usize, depth: u8) -> Option<OrgMatch> {
    let (hend, head) = HEADS.longest(toks, i)?;
    if i > 0
        && matches!(toks[i - 1].key.as_str(), "این" | "آن" | "هر" | "همین" | "همان" | "چند" | "یک" | "کدام")
    {
        return None;
    }
    if counted(toks, i) {
        return None;
    }
    // احداث پالایشگاه ساری, افتتاح پتروشیمی X: a plant being built or
    // opened is a project, not the company.
    if head.kind == OrgKind::Company
        && i > 0
        && matches!(toks[i - 1].key.as_str(), "احداث" | "ساخت" | "تکمیل" | "افتتاح" | "کلنگزنی" | "راهاندازی")
    {
        return None;
    }
    let (end, nested) = if head.place && *GAZETTEER {
        (place_complement(text, toks, hend).unwrap_or(hend), None)
    } else if head.needs_complement {
        complement(text, toks, hend, depth)
    } else {
        // A body on its own may be followed by its place: استان X / شهرستان X
        // or a gazetteer place.
        let mut e = hend;
        if let Some(t) = toks.get(hend) {
            if matches!(t.key.as_str(), "استان" | "شهرستان")
                && toks.get(hend + 1).is_some_and(|n| n.is_word() && !lex::is_boundary(n))
            {
                e = hend + 2;
            } else if let Some((pend, _)) = super::locations::place_at(text, t.start).filter(|_| {
                !lex::is_boundary(t)
                    && matches!(head.kind, OrgKind::Department | OrgKind::Organization | OrgKind::Foundation)
            }) {
                while e < toks.len() && toks[e].start < pend {
                    e += 1;
                }
            }
        }
        (e, None)
    };
    if head.needs_complement && end == hend && !head.bare {
        return None;
    }
    // صندوق دولت, خزانه مردم: a generic owner is no name.
    if end == hend + 1 && nested.is_none() && matches!(toks[hend].key.as_str(), "دولت" | "مردم" | "خود")
    {
        return None;
    }
    // معاونت فنی شهرداری X: a deputy office is reported as its body.
    if toks[i].key == "معاونت" && depth == 0 && nested.is_some() {
        return nested.map(|n| *n);
    }
    let name = match (&head.canonical, end == hend) {
        (Some(c), true) => c.clone(),
        _ => lex::slice(text, toks, i, end).to_string(),
    };
    let mut kind = head.kind;
    if matches!(kind, OrgKind::Department | OrgKind::Organization) && nested.is_none() {
        // The complement's own words (no body is nested in it).
        let own = toks.get(hend..end).unwrap_or_default();
        if own.iter().any(|t| t.key == "شهرستان") {
            kind = OrgKind::CountyOffice;
        } else if own.iter().any(|t| t.key == "استان") {
            kind = OrgKind::ProvinceOffice;
        } else if ends_with_province(text, toks, hend, end) {
            // سازمان جهاد کشاورزی خراسان جنوبی
            kind = OrgKind::ProvinceOffice;
        }
    }
    Some(OrgMatch { start: i, end, name, kind, nested })
}

/// The bodies found so far in a text.
#[derive(Default)]
struct Found {
    /// The bodies, in order of first mention.
    orgs: Vec<Organization>,
    /// [`org_key`] → index in `orgs`.
    index: FastMap<usize>,
    /// (outer, nested) body indexes.
    nests: Vec<(usize, usize)>,
    /// (body index, mention start) of every mention recorded: a text
    /// names one body hundreds of times, and a scan of its mentions per
    /// new one was quadratic.
    seen: crate::lexicon::FastSet<(usize, usize)>,
}

/// Records `m` (and the bodies nested in it) in `f`.
fn record(doc: &Doc, toks: &[Tok], m: &OrgMatch, f: &mut Found) -> usize {
    let Found { orgs: found, index, seen, .. } = f;
    let span = doc.span(toks[m.start].start..toks[m.end - 1].end);
    let mut k = org_key(&m.name);
    if !index.contains_key(&*k) {
        // A shortened restatement: the same body (nested part) after a
        // prefix of a known name (اداره کل ارتباطات شهرداری قم).
        if let Some(n) = &m.nested {
            let own = lex::canon(lex::slice(doc.text(), toks, m.start, n.start));
            let tail = lex::canon(&n.name);
            if let Some((kk, _)) =
                index.iter().find(|(kk, _)| kk.len() > k.len() && kk.starts_with(&own) && kk.ends_with(&tail))
            {
                k = Rc::from(kk.as_str());
            }
        }
    }
    let at = match index.get(&*k) {
        Some(&n) => {
            if seen.insert((n, span.start)) {
                found[n].mentions.push(span);
            }
            n
        }
        None => {
            index.insert(k.to_string(), found.len());
            seen.insert((found.len(), span.start));
            found.push(Organization { name: m.name.clone(), kind: Some(m.kind), mentions: vec![span] });
            found.len() - 1
        }
    };
    if let Some(n) = &m.nested {
        let inner = record(doc, toks, n, f);
        f.nests.push((at, inner));
    }
    at
}

thread_local! {
    /// [`org_words`] and [`org_key`] by name: a text names the same few
    /// bodies again and again, and every merge compares each new name with
    /// all known ones.
    static ORG_WORDS: RefCell<FastMap<(Rc<str>, Rc<str>)>> = RefCell::new(FastMap::default());
}

/// Most names [`ORG_WORDS`] keeps before it starts over.
const ORG_WORDS_MAX: usize = 4096;

/// A body's name as word keys separated by spaces, «استان» dropped
/// (remembered per name).
fn org_words(name: &str) -> Rc<str> {
    org_names(name).0
}

/// [`org_words`] and [`org_key`] of `name` (remembered per name).
fn org_names(name: &str) -> (Rc<str>, Rc<str>) {
    let computed = || {
        let w = org_words_of(name);
        let k = without_spaces(&w);
        (Rc::from(w), Rc::from(k))
    };
    ORG_WORDS.with(|cell| {
        let Ok(mut memo) = cell.try_borrow_mut() else { return computed() };
        if let Some(w) = memo.get(name) {
            return w.clone();
        }
        if memo.len() >= ORG_WORDS_MAX {
            memo.clear();
        }
        let w = computed();
        memo.insert(name.to_string(), w.clone());
        w
    })
}

/// [`org_words`], computed.
fn org_words_of(name: &str) -> String {
    let words = lex::word_keys(name);
    let mut out: Vec<&str> = Vec::new();
    for w in words.split(' ') {
        // شورای اسلامی شهر = شورای شهر
        if w == "استان" || (w == "اسلامی" && out.last() == Some(&"شورای")) {
            continue;
        }
        out.push(w);
    }
    out.join(" ")
}

/// True when the words of `short` are a run of the words of `long`
/// (« long » contains « short »).
fn holds(long: &str, short: &str) -> bool {
    let (l, s) = (long.as_bytes(), short.as_bytes());
    l.len() > s.len()
        && (0..=l.len() - s.len()).any(|i| {
            // Starts a word, spells `short`, ends a word.
            (i == 0 || l[i - 1] == b' ')
                && l[i..].starts_with(s)
                && l.get(i + s.len()).is_none_or(|&b| b == b' ')
        })
}

/// True when `short` is two words, the first and the last of the longer
/// `long`.
fn same_ends(short: &str, long: &str) -> bool {
    let Some((h, t)) = short.split_once(' ') else { return false };
    !t.contains(' ')
        && long.len() > short.len()
        && long.starts_with(&format!("{h} "))
        && long.ends_with(&format!(" {t}"))
}

/// True when the words `short` are those of `long` with the last ones
/// replaced by their initials (سازمان صمت, سازمان صنعت معدن و تجارت).
fn acronym_of(short: &str, long: &str) -> bool {
    let Some((head, acr)) = short.rsplit_once(' ') else { return false };
    let n = acr.chars().count();
    if !(2..=5).contains(&n) || !starts_with_words(long, head) {
        return false;
    }
    let rest = long[head.len()..].split(' ').filter(|w| !w.is_empty() && *w != "و");
    let mut initials = rest.map(|w| w.chars().next());
    let mut acr_chars = acr.chars();
    loop {
        match (initials.next(), acr_chars.next()) {
            (None, None) => return true,
            (Some(Some(a)), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// True when `words` starts with the words `first` and more (starts with
/// «first »).
fn starts_with_words(words: &str, first: &str) -> bool {
    words.len() > first.len() && words.starts_with(first) && words.as_bytes()[first.len()] == b' '
}

/// `words` with its spaces dropped: an [`org_key`].
fn without_spaces(words: &str) -> String {
    let mut out = String::with_capacity(words.len());
    for w in words.split(' ') {
        out.push_str(w);
    }
    out
}

/// True when `words` is `key` once its spaces are dropped.
fn key_is(words: &str, key: &str) -> bool {
    words.bytes().filter(|&b| b != b' ').eq(key.bytes())
}

/// The comparison key of a body's name: canonical, «استان» dropped
/// (remembered per name).
fn org_key(name: &str) -> Rc<str> {
    org_names(name).1
}

/// Adds a body (by name) with one mention, merging with a known one (the
/// same, or a prefix of it, which takes the longer name).
pub(crate) fn add(out: &mut Extraction, name: &str, kind: OrgKind, span: Option<crate::span::TextSpan>) {
    let (w, k) = org_names(name);
    if let Some(o) = out.organizations.iter_mut().find(|o| {
        let ow = org_words(&o.name);
        key_is(&ow, &k) || starts_with_words(&ow, &w) || starts_with_words(&w, &ow)
    }) {
        if org_key(&o.name).len() < k.len() {
            o.name = name.to_string();
            o.kind = Some(kind);
        }
        if let Some(s) = span {
            if !o.mentions.iter().any(|m| m.start == s.start) {
                o.mentions.push(s);
            }
        }
        return;
    }
    out.organizations.push(Organization {
        name: name.to_string(),
        kind: Some(kind),
        mentions: span.into_iter().collect(),
    });
}

/// Finds the organizations of `doc` and adds them to `out`.
pub(crate) fn extract(doc: &Doc, out: &mut Extraction) {
    let text = doc.text();
    let toks = doc.tokens();
    let mut f = Found::default();
    let mut scanned = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].is_word() && HEADS.longest(&toks, i).is_some() {
            let m = org_at_depth(text, &toks, i, 0);
            scanned.push((i, m.clone()));
            if let Some(m) = m {
                record(doc, &toks, &m, &mut f);
                i = m.end;
                continue;
            }
        }
        i += 1;
    }
    SCANNED.with(|cell| {
        if let Ok(mut s) = cell.try_borrow_mut() {
            s.owner = Some((Rc::clone(&toks), text.len()));
            s.at = scanned;
        }
    });
    let Found { orgs: found, nests, .. } = f;
    // A name held in a longer one (not as the body nested in it) is a
    // mention of it (شورای شهر → شورای شهر تهران).
    let keys: Vec<Rc<str>> = found.iter().map(|o| org_words(&o.name)).collect();
    let mut merged: Vec<Option<usize>> = vec![None; found.len()];
    let n = if found.len() > 300 { 0 } else { found.len() };
    for a in 0..n {
        let longer: Vec<usize> = (0..found.len())
            .filter(|&b| b != a && holds(&keys[b], &keys[a]) && !nests.contains(&(b, a)))
            .collect();
        // One longer name, or a chain of them: the longest.
        if let Some(&top) = longer.iter().max_by_key(|&&b| keys[b].len()) {
            if longer.iter().all(|&b| b == top || holds(&keys[top], &keys[b])) {
                merged[a] = Some(top);
            }
        } else if let Some(b) = (0..found.len()).find(|&b| {
            // بورس تهران → بورس اوراق بهادار تهران: an exchange by its city.
            b != a
                && found[a].kind == Some(OrgKind::Exchange)
                && found[b].kind == Some(OrgKind::Exchange)
                && same_ends(&keys[a], &keys[b])
        }) {
            merged[a] = Some(b);
        } else if let Some(b) = (0..found.len()).find(|&b| b != a && acronym_of(&keys[a], &keys[b])) {
            // سازمان صمت → سازمان صنعت، معدن و تجارت
            merged[a] = Some(b);
        }
    }
    let mut kept = Vec::new();
    let mut moved: Vec<(usize, Vec<crate::span::TextSpan>)> = Vec::new();
    for (a, o) in found.into_iter().enumerate() {
        match merged[a] {
            Some(b) => moved.push((b, o.mentions)),
            _ => kept.push((a, o)),
        }
    }
    for (b, ms) in moved {
        if let Some((_, o)) = kept.iter_mut().find(|(i, _)| *i == b) {
            o.mentions.extend(ms);
            o.mentions.sort_by_key(|m| m.start);
        }
    }
    out.organizations.extend(kept.into_iter().map(|(_, o)| o));
    // Agencies cited: «به گزارش X», «به نقل از X».
    for i in 1..toks.len() {
        if toks[i - 1].key == "به" && (toks[i].key == "گزارش" || toks[i].key == "نقل") {
            let mut j = i + 1;
            if toks.get(j).is_some_and(|t| t.key == "از") {
                j += 1;
            }
            if toks.get(j).is_some_and(|t| t.key == "خبرگزاری") {
                continue;
            }
            if let Some((e, a)) = lex::AGENCIES.longest(&toks, j) {
                if toks.get(e).is_none_or(|t| !t.is_word() || lex::is_boundary(t)) {
                    let span = doc.span(toks[j].start..toks[e - 1].end);
                    add(out, &format!("خبرگزاری {a}"), OrgKind::Agency, Some(span));
                }
            }
        }
    }
    if let Some(src) = &out.source {
        let name = format!("خبرگزاری {}", src.agency);
        let span = src.span.clone();
        add(out, &name, OrgKind::Agency, Some(span));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_runs_match_the_padded_search() {
        let words = ["", "a", "ab", "a b", "ab ab", "b ab ab", "cab ab ab", "x a b y", "a  b", " a", "a "];
        for long in words {
            for short in words {
                let padded = long.len() > short.len() && format!(" {long} ").contains(&format!(" {short} "));
                assert_eq!(holds(long, short), padded, "{long:?} {short:?}");
                assert_eq!(
                    starts_with_words(long, short),
                    long.starts_with(&format!("{short} ")),
                    "{long:?} {short:?}"
                );
                assert_eq!(key_is(long, short), long.replace(' ', "") == short, "{long:?} {short:?}");
            }
            assert_eq!(without_spaces(long), long.replace(' ', ""));
        }
    }

    #[test]
    fn org_words_are_remembered_unchanged() {
        for name in ["شورای اسلامی شهر تهران", "سازمان جهاد کشاورزی استان قم", "", "استان"]
        {
            assert_eq!(&*org_words(name), org_words_of(name).as_str());
            assert_eq!(&*org_words(name), org_words_of(name).as_str());
        }
    }
}
