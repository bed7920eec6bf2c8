//! The number grammar: folds a chunk of tokens into numbers.

use super::lexer::{Kind, Tok};
use super::words::Word;
use super::Decimal;

/// The state after some tokens of a number.
#[derive(Clone, Copy, Debug)]
struct State {
    /// The part already multiplied by scales.
    total: Decimal,
    /// The group below the last scale (`دویست و دوازده`), if any.
    group: Option<Decimal>,
    /// The next cardinal added to the group must be below this (0: closed).
    cap: u32,
    /// The group is one unit word (چهار in چهار صد).
    group_is_unit: bool,
    /// The group came from digits.
    group_digits: bool,
    /// The exponent of the last scale applied (u32::MAX before any).
    last_exp: u32,
    /// The exponent of the scale chain the number ends with.
    trail_exp: u32,
    /// The last token was a scale.
    prev_scale: bool,
    /// Written as an ordinal.
    ordinal: bool,
    /// Nothing may follow.
    closed: bool,
    words: bool,
    digits: bool,
}

impl State {
    fn new() -> State {
        State {
            total: Decimal::ZERO,
            group: None,
            cap: 1000,
            group_is_unit: false,
            group_digits: false,
            last_exp: u32::MAX,
            trail_exp: 0,
            prev_scale: false,
            ordinal: false,
            closed: false,
            words: false,
            digits: false,
        }
    }

    fn value(&self) -> Option<Decimal> {
        match self.group {
            Some(g) => self.total.checked_add(g),
            None => Some(self.total),
        }
    }
}

/// One number parsed from a chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub start: usize,
    pub end: usize,
    pub value: Decimal,
    pub ordinal: bool,
    pub words: bool,
    pub digits: bool,
    /// The exponent of the scale word(s) the number ends with.
    pub trailing_scale: Option<u32>,
    /// Index of the token after the number.
    pub next: usize,
}

/// The place of the lowest written part of a cardinal below 1000: the
/// next cardinal added must be below it (دویست → 100, بیست → 10, دو → 1).
fn place(v: u16) -> u32 {
    let v = u32::from(v);
    if v >= 100 && v % 100 == 0 {
        100
    } else if v >= 20 && v % 10 == 0 {
        10
    } else {
        1
    }
}

/// The longest number starting at token `i` of `toks`.
pub(crate) fn parse_at(toks: &[Tok], i: usize) -> Option<Parsed> {
    let first = toks.get(i)?;
    if !first.word_start {
        return None;
    }
    let mut st = State::new();
    let mut j = i;
    let mut at_start = true;
    let mut best: Option<(usize, State)> = None;
    while j < toks.len() {
        let (after_and, k) = if toks[j].kind == Kind::Word(Word::And) {
            if at_start {
                break;
            }
            (true, j + 1)
        } else {
            (false, j)
        };
        let Some(tok) = toks.get(k) else { break };
        let Some((ns, next)) = step(&st, toks, k, after_and, at_start) else { break };
        st = ns;
        at_start = false;
        j = next;
        if toks[next - 1].word_end {
            best = Some((next, st));
        }
        let _ = tok;
    }
    let (next, st) = best?;
    Some(Parsed {
        start: first.start,
        end: toks[next - 1].end,
        value: st.value()?,
        ordinal: st.ordinal,
        words: st.words,
        digits: st.digits,
        trailing_scale: st.prev_scale.then_some(st.trail_exp),
        next,
    })
}

/// Applies token `k` (after a و when `after_and`); the new state and the
/// index after what was consumed.
fn step(st: &State, toks: &[Tok], k: usize, after_and: bool, at_start: bool) -> Option<(State, usize)> {
    if st.closed {
        return None;
    }
    let tok = toks.get(k)?;
    if tok.ordinal {
        if let Some(frac) = denominator(st, tok, after_and) {
            let mut f = *st;
            f.group = Some(frac);
            f.cap = 0;
            f.closed = true;
            f.prev_scale = false;
            f.group_digits = false;
            f.words = true;
            return Some((f, k + 1));
        }
    }
    let mut s = *st;
    match tok.kind {
        Kind::Digits(d) => {
            if tok.ordinal {
                return None;
            }
            if at_start {
                s.group = Some(d.value);
            } else if st.group.is_none() && st.prev_scale && after_and {
                // هزار و 500; a larger group is added as written (۶ هزار و ۱۱۸۲ = 7182).
                s.group = Some(d.value);
            } else {
                return None;
            }
            s.cap = 0;
            s.group_digits = true;
            s.group_is_unit = false;
            s.prev_scale = false;
            s.digits = true;
        }
        Kind::Word(Word::Small(v)) => {
            s.words = true;
            // A whole number and a fraction: ۹۸ و سه دهم = 98.3.
            if let (true, Some(g), Some(exp)) =
                (after_and, st.group, toks.get(k + 1).and_then(denominator_exp))
            {
                let num = Decimal::from(u32::from(v));
                // Only when v cannot join the group: بیست و نه صدم is 0.29.
                let joins = !st.group_digits && st.cap > 0 && u32::from(v) < st.cap;
                if !joins && !tok.ordinal && g.is_integer() && v > 0 && num < Decimal::pow10(exp)? {
                    s.group = Some(g.checked_add(num.checked_div_pow10(exp)?)?);
                    s.cap = 0;
                    s.closed = true;
                    s.prev_scale = false;
                    return Some((s, k + 2));
                }
            }
            if v == 0 {
                if !at_start {
                    return None;
                }
                s.group = Some(Decimal::ZERO);
                s.cap = 0;
                return Some((s, k + 1));
            }
            match st.group {
                None => {
                    if !(at_start || st.prev_scale) {
                        return None;
                    }
                    s.group = Some(Decimal::from(u32::from(v)));
                    s.cap = place(v);
                    s.group_is_unit = v < 10;
                }
                Some(g) => {
                    if st.group_digits || st.cap == 0 {
                        return None;
                    }
                    if v == 100 && st.group_is_unit && !after_and {
                        s.group = Some(g.checked_mul(Decimal::from(100u32))?);
                        s.cap = 100;
                    } else if u32::from(v) < st.cap {
                        s.group = Some(g.checked_add(Decimal::from(u32::from(v)))?);
                        s.cap = place(v);
                    } else {
                        return None;
                    }
                    s.group_is_unit = false;
                }
            }
            s.group_digits = false;
            s.prev_scale = false;
        }
        Kind::Word(Word::Scale(e)) => {
            let e = u32::from(e);
            let m = Decimal::pow10(e)?;
            s.words = true;
            match st.group {
                Some(g) => {
                    if after_and {
                        return None;
                    }
                    let gm = g.checked_mul(m)?;
                    if st.total.is_zero() {
                        s.total = gm;
                    } else if e < st.last_exp {
                        s.total = st.total.checked_add(gm)?;
                    } else {
                        // A scale not below the last one multiplies all before it:
                        // سه هزار و پانصد میلیارد, and as written in the news,
                        // ۲۴۶ میلیون و ۵۱۲ هزار و ۳۳۰ هزار = 246,512,330 thousand.
                        s.total = st.total.checked_add(g)?.checked_mul(m)?;
                    }
                    s.trail_exp = e;
                }
                None => {
                    if at_start && e == 3 {
                        // هزار alone is a thousand; میلیون alone is no amount.
                        s.total = m;
                        s.trail_exp = e;
                    } else if st.prev_scale && !after_and {
                        s.total = st.total.checked_mul(m)?;
                        s.trail_exp = st.trail_exp.checked_add(e)?;
                    } else {
                        return None;
                    }
                }
            }
            s.last_exp = e;
            s.group = None;
            s.cap = 1000;
            s.group_is_unit = false;
            s.group_digits = false;
            s.prev_scale = true;
        }
        Kind::Word(Word::Half) => {
            let half = Decimal::new(5, 1)?;
            s.words = true;
            if after_and {
                match st.group {
                    Some(g) if g.is_integer() => {
                        s.group = Some(g.checked_add(half)?);
                        s.cap = 0;
                        s.group_digits = false;
                    }
                    None if st.prev_scale => {
                        let add = half.checked_mul(Decimal::pow10(st.trail_exp)?)?;
                        s.total = st.total.checked_add(add)?;
                        s.closed = true;
                    }
                    _ => return None,
                }
            } else if at_start {
                s.group = Some(half);
                s.cap = 0;
            } else {
                return None;
            }
            s.prev_scale = false;
            s.group_is_unit = false;
        }
        Kind::Word(Word::Point) => {
            let g = st.group.filter(|g| g.is_integer())?;
            if after_and || at_start {
                return None;
            }
            let (frac, next) = fraction(toks, k + 1)?;
            s.group = Some(g.checked_add(frac)?);
            s.cap = 0;
            s.group_is_unit = false;
            s.group_digits = false;
            s.prev_scale = false;
            s.words = true;
            return Some((s, next));
        }
        Kind::Word(Word::First) => {
            if !at_start {
                return None;
            }
            s.group = Some(Decimal::from(1u32));
            s.ordinal = true;
            s.closed = true;
            s.words = true;
            return Some((s, k + 1));
        }
        Kind::Word(Word::OrdSuffix) => {
            if after_and || at_start {
                return None;
            }
            let v = st.value()?;
            if !v.is_integer() || v.is_zero() {
                return None;
            }
            s.ordinal = true;
            s.closed = true;
            s.prev_scale = false;
            return Some((s, k + 1));
        }
        Kind::Word(Word::And) => return None,
    }
    if tok.ordinal {
        if !s.value()?.is_integer() {
            return None;
        }
        s.ordinal = true;
        s.closed = true;
        s.prev_scale = false;
    }
    Some((s, k + 1))
}

/// The power of ten of a denominator ordinal: دهم 1, صدم 2, هزارم 3.
fn denominator_exp(tok: &Tok) -> Option<u32> {
    if !tok.ordinal {
        return None;
    }
    match tok.kind {
        Kind::Word(Word::Small(10)) => Some(1),
        Kind::Word(Word::Small(100)) => Some(2),
        Kind::Word(Word::Scale(3)) => Some(3),
        _ => None,
    }
}

/// A fraction written with a denominator ordinal right after a whole
/// number below it: `۶ دهم` 0.6, `۲۹ صدم` 0.29, `پنج هزارم` 0.005.
fn denominator(st: &State, tok: &Tok, after_and: bool) -> Option<Decimal> {
    let exp = denominator_exp(tok)?;
    let g = st.group?;
    if after_and || !st.total.is_zero() || !g.is_integer() || st.prev_scale || g >= Decimal::pow10(exp)? {
        return None;
    }
    g.checked_div_pow10(exp)
}

/// The fraction after ممیز: zeros (صفر) then digits or a cardinal below
/// 1000 in words (`دو ممیز پنج` = 2.5, `ممیز صفر پنج` = .05).
fn fraction(toks: &[Tok], mut k: usize) -> Option<(Decimal, usize)> {
    let mut zeros: u32 = 0;
    while let Some(Tok { kind: Kind::Word(Word::Small(0)), .. }) = toks.get(k) {
        zeros += 1;
        k += 1;
    }
    match toks.get(k)?.kind {
        Kind::Digits(d) if !d.fraction => {
            let digits = u32::from(d.int_digits);
            Some((d.value.checked_div_pow10(zeros + digits)?, k + 1))
        }
        Kind::Word(Word::Small(v)) if v > 0 && !toks[k].ordinal => {
            let mut total = u32::from(v);
            let mut cap = place(v);
            let mut next = k + 1;
            loop {
                let (after, idx) = match toks.get(next).map(|t| t.kind) {
                    Some(Kind::Word(Word::And)) => (true, next + 1),
                    _ => (false, next),
                };
                match toks.get(idx) {
                    Some(t) if !t.ordinal => match t.kind {
                        Kind::Word(Word::Small(w)) if w > 0 && u32::from(w) < cap => {
                            total += u32::from(w);
                            cap = place(w);
                            next = idx + 1;
                        }
                        _ => break,
                    },
                    _ => break,
                }
                let _ = after;
            }
            if zeros == 0 && total == 0 {
                return None;
            }
            let digits = total.to_string().len() as u32;
            Some((Decimal::from(total).checked_div_pow10(zeros + digits)?, next))
        }
        _ => None,
    }
}

/// Every number of one chunk, left to right, none overlapping.
pub(crate) fn parse_chunk(toks: &[Tok], mut emit: impl FnMut(Parsed)) {
    let mut i = 0;
    while i < toks.len() {
        match parse_at(toks, i) {
            Some(p) => {
                i = p.next;
                emit(p);
            }
            None => i += 1,
        }
    }
}
