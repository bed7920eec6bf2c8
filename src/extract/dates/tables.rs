//! The date lexicons (data/dates/*.tsv), built once per process.

use super::tokens::{Kind, Tok};
use crate::lexicon::rows;
use crate::lexicon::{FastMap as HashMap, FastSet};
use crate::model::{Calendar, Relative, Weekday};
use std::sync::LazyLock;

/// Phrases of one or more words, looked up by their first word; the longest
/// phrase that matches wins.
pub(super) struct Phrases<V> {
    by_first: HashMap<&'static str, Vec<(Vec<&'static str>, V)>>,
    /// The first words' buckets and lengths ([`LengthFilter`]).
    firsts: LengthFilter,
}

impl<V: Copy> Phrases<V> {
    fn new(items: impl IntoIterator<Item = (&'static str, V)>) -> Phrases<V> {
        let mut by_first: HashMap<&'static str, Vec<(Vec<&'static str>, V)>> = HashMap::default();
        for (phrase, v) in items {
            let words: Vec<&'static str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
            if let Some(first) = words.first() {
                by_first.entry(first).or_default().push((words, v));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|item| std::cmp::Reverse(item.0.len()));
        }
        let mut firsts = LengthFilter::new(PHRASE_BITS);
        for w in by_first.keys() {
            firsts.add(w);
        }
        Phrases { by_first, firsts }
    }

    /// The value and length in tokens of the longest phrase at `toks[i..]`.
    pub fn at(&self, toks: &[Tok<'_>], i: usize) -> Option<(usize, V)> {
        let first = toks.get(i).filter(|t| t.kind == Kind::Word)?;
        if !self.firsts.may_hold(first.text) {
            return None;
        }
        let list = self.by_first.get(first.text)?;
        'outer: for (words, v) in list {
            for (k, w) in words.iter().enumerate().skip(1) {
                match toks.get(i + k) {
                    Some(t) if t.kind == Kind::Word && t.text == *w => {}
                    _ => continue 'outer,
                }
            }
            return Some((words.len(), *v));
        }
        None
    }

    /// The first words of every phrase.
    pub fn first_words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.by_first.keys().copied()
    }

    /// The value of the one-word phrase `word`.
    pub fn word(&self, word: &str) -> Option<V> {
        if !self.firsts.may_hold(word) {
            return None;
        }
        self.by_first.get(word)?.iter().find(|(w, _)| w.len() == 1).map(|(_, v)| *v)
    }
}

/// How much context a month name needs to be read as a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Need {
    /// The name alone is a month (شهریور, اسفند, سپتامبر).
    Nothing,
    /// A day, a year, ماه or a relative word (مهر, تیر, دی, بهمن).
    Context,
    /// A year or calendar word, or an ordinal day (می, مه, صفر).
    Year,
}

/// A month name: calendar, number, and the context it needs.
#[derive(Clone, Copy, Debug)]
pub(super) struct MonthName {
    pub calendar: Calendar,
    pub month: u8,
    pub need: Need,
}

fn calendar(s: &str) -> Option<Calendar> {
    match s {
        "jalali" => Some(Calendar::Jalali),
        "gregorian" => Some(Calendar::Gregorian),
        "hijri" => Some(Calendar::Hijri),
        _ => None,
    }
}

fn weekday(s: &str) -> Option<Weekday> {
    Some(match s {
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        _ => return None,
    })
}

fn relative(s: &str) -> Option<Relative> {
    Some(match s {
        "today" => Relative::Today,
        "yesterday" => Relative::Yesterday,
        "tomorrow" => Relative::Tomorrow,
        "day_before_yesterday" => Relative::DayBeforeYesterday,
        "day_after_tomorrow" => Relative::DayAfterTomorrow,
        "this_week" => Relative::ThisWeek,
        "last_week" => Relative::LastWeek,
        "next_week" => Relative::NextWeek,
        "this_month" => Relative::ThisMonth,
        "last_month" => Relative::LastMonth,
        "next_month" => Relative::NextMonth,
        "this_year" => Relative::ThisYear,
        "last_year" => Relative::LastYear,
        "next_year" => Relative::NextYear,
        "now" => Relative::Now,
        "past" => Relative::Past,
        "future" => Relative::Future,
        _ => return None,
    })
}

/// Month names of the three calendars.
pub(super) static MONTHS: LazyLock<Phrases<MonthName>> = LazyLock::new(|| {
    Phrases::new(rows(include_str!("../../../data/dates/months.tsv")).filter_map(|r| {
        let (name, cal, month, safe) = (r.first()?, r.get(1)?, r.get(2)?, r.get(3)?);
        let need = match *safe {
            "safe" => Need::Nothing,
            "context" => Need::Context,
            _ => Need::Year,
        };
        Some((*name, MonthName { calendar: calendar(cal)?, month: month.parse().ok()?, need }))
    }))
});

/// Days of the week.
pub(super) static WEEKDAYS: LazyLock<Phrases<Weekday>> = LazyLock::new(|| {
    Phrases::new(
        rows(include_str!("../../../data/dates/weekdays.tsv"))
            .filter_map(|r| Some((*r.first()?, weekday(r.get(1)?)?))),
    )
});

/// Relative expressions (امروز, سال جاری, هفته آینده ...).
pub(super) static RELATIVE: LazyLock<Phrases<Relative>> = LazyLock::new(|| {
    Phrases::new(
        rows(include_str!("../../../data/dates/relative.tsv"))
            .filter_map(|r| Some((*r.first()?, relative(r.get(1)?)?))),
    )
});

/// Days of the month in words; the flag is true for ordinals.
pub(super) static DAY_WORDS: LazyLock<Phrases<(u8, bool)>> = LazyLock::new(|| {
    Phrases::new(rows(include_str!("../../../data/dates/days.tsv")).filter_map(|r| {
        let (s, n, k) = (r.first()?, r.get(1)?, r.get(2)?);
        Some((*s, (n.parse().ok()?, *k == "ordinal")))
    }))
});

/// Calendar markers after a year or date.
pub(super) static CAL_SUFFIX: LazyLock<Phrases<Calendar>> = LazyLock::new(|| {
    Phrases::new([
        ("میلادی", Calendar::Gregorian),
        ("م", Calendar::Gregorian),
        ("شمسی", Calendar::Jalali),
        ("هجری شمسی", Calendar::Jalali),
        ("هجری خورشیدی", Calendar::Jalali),
        ("خورشیدی", Calendar::Jalali),
        ("ش", Calendar::Jalali),
        ("هش", Calendar::Jalali),
        ("قمری", Calendar::Hijri),
        ("هجری قمری", Calendar::Hijri),
        ("هجری", Calendar::Hijri),
        ("ق", Calendar::Hijri),
        ("هق", Calendar::Hijri),
    ])
});

/// What a prefix word adds to the date after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Prefix {
    /// Time of day or روز/تاریخ: صبح امروز, روز پنجشنبه.
    Day,
    /// Part of a period: پایان سال, نیمه اول ۲۰۱۷.
    Period,
}

/// Words that may stand before a date and belong to it.
pub(super) static PREFIXES: LazyLock<Phrases<Prefix>> = LazyLock::new(|| {
    let day = [
        "صبح",
        "ظهر",
        "عصر",
        "شب",
        "بامداد",
        "غروب",
        "شامگاه",
        "صبحگاه",
        "نیمه شب",
        "پیش از ظهر",
        "قبل از ظهر",
        "بعد از ظهر",
        "بعدازظهر",
        "روز",
        "روزهای",
        "روز های",
        "تاریخ",
        "ساعات اولیه",
    ];
    let period = [
        "پایان",
        "انتهای",
        "ابتدای",
        "آغاز",
        "اوایل",
        "اواسط",
        "اواخر",
        "آخر",
        "نیمه",
        "نیمه اول",
        "نیمه دوم",
        "نیمه نخست",
        "نیمه دوم",
        "سه ماهه اول",
        "سه ماهه دوم",
        "سه ماهه سوم",
        "سه ماهه چهارم",
        "سه ماهه نخست",
        "شش ماهه اول",
        "شش ماهه دوم",
        "شش ماهه نخست",
    ];
    Phrases::new(
        day.into_iter().map(|p| (p, Prefix::Day)).chain(period.into_iter().map(|p| (p, Prefix::Period))),
    )
});

/// Every word a date can start with: a token that is not one of these (and
/// not a number or a glued month name such as مهرماه) starts no date.
pub(super) static STARTERS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    let mut set: FastSet<&'static str> = FastSet::default();
    set.extend(MONTHS.first_words());
    set.extend(WEEKDAYS.first_words());
    set.extend(RELATIVE.first_words());
    set.extend(DAY_WORDS.first_words());
    set.extend(PREFIXES.first_words());
    set.extend([
        "ماه",
        "سال",
        "سالهای",
        "سالها",
        "دهه",
        "بهار",
        "تابستان",
        "پاییز",
        "پائیز",
        "زمستان",
        "نوروز",
        "چند",
        "چندین",
        "دهها",
        "صدها",
        "سالیان",
        "ده",
        "صد",
        "یکسال",
        "هفته",
    ]);
    set
});

/// The bucket of a word in a [`LengthFilter`] of `bits` bits, from its
/// first four and last two bytes. Any function of the word would keep the
/// filter exact (a word of the set is in its own bucket); this one spreads
/// words well.
#[inline]
fn word_bucket(word: &str, bits: u32) -> usize {
    let b = word.as_bytes();
    let head = match b {
        [w, x, y, z, ..] => u32::from_le_bytes([*w, *x, *y, *z]),
        _ => b.iter().fold(0, |h, &x| (h << 8) | u32::from(x)),
    };
    let tail = match b {
        [.., y, z] => (u32::from(*y) << 8) | u32::from(*z),
        _ => 0,
    };
    let h = (head ^ tail.rotate_left(16)).wrapping_mul(0x9E37_79B9);
    (h >> (32 - bits)) as usize
}

/// Bits of the filter of each phrase table.
const PHRASE_BITS: u32 = 10;
/// Bits of the filter of [`STARTERS`].
const STARTER_BITS: u32 = 14;

/// A filter before a set lookup: for each bucket ([`word_bucket`]) one
/// bit per byte length (the last bit for 31 and more) of the words of the
/// set in it. A word it rejects is not in the set; most words of running
/// text are rejected without hashing.
pub(super) struct LengthFilter {
    bits: u32,
    masks: Vec<u32>,
}

impl LengthFilter {
    fn new(bits: u32) -> LengthFilter {
        LengthFilter { bits, masks: vec![0; 1 << bits] }
    }

    fn add(&mut self, word: &str) {
        let k = word_bucket(word, self.bits);
        if let Some(m) = self.masks.get_mut(k) {
            *m |= 1 << word.len().min(31);
        }
    }

    /// False when `word` is surely not in the set.
    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        self.masks.get(word_bucket(word, self.bits)).is_some_and(|m| m & (1 << word.len().min(31)) != 0)
    }
}

/// The filter of [`STARTERS`].
static STARTER_FILTER: LazyLock<LengthFilter> = LazyLock::new(|| {
    let mut f = LengthFilter::new(STARTER_BITS);
    for w in STARTERS.iter() {
        f.add(w);
    }
    f
});

/// The test "is this word one of the [`STARTERS`]", with the tables
/// fetched once per document rather than once per word.
#[derive(Clone, Copy)]
pub(super) struct StarterTest {
    filter: &'static LengthFilter,
    set: &'static FastSet<&'static str>,
}

impl StarterTest {
    pub fn new() -> StarterTest {
        StarterTest { filter: &STARTER_FILTER, set: &STARTERS }
    }

    /// Whether `word` is one of the [`STARTERS`].
    #[inline]
    pub fn is(&self, word: &str) -> bool {
        self.filter.may_hold(word) && self.set.contains(word)
    }
}
