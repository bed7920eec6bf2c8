//! The character table: what each input char becomes.

/// Zero-width non-joiner, the Persian half-space.
pub const ZWNJ: char = '\u{200C}';

/// What to do with one input char.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// Keep it as it is.
    Keep,
    /// Replace it by another char.
    Map(char),
    /// Drop it.
    Drop,
    /// A space of any kind (collapsed with its neighbours).
    Space,
    /// A ZWNJ or a mark standing in for one (ZWJ, LRM, RLM, ALM).
    Joiner,
    /// A presentation form: decompose with NFKC.
    Compat,
}

/// Letters that never join the next letter: a ZWNJ after them is invisible noise.
#[inline]
pub fn is_non_joining(c: char) -> bool {
    matches!(c, 'ا' | 'آ' | 'أ' | 'إ' | 'ٱ' | 'د' | 'ذ' | 'ر' | 'ز' | 'ژ' | 'و' | 'ؤ' | 'ة' | 'ء')
}

/// Arabic-script letters (not digits, not punctuation, not marks).
#[inline]
pub fn is_persian_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}')
}

/// True for a char the character pass copies unchanged whatever comes
/// before it, except after a digit: ASCII other than spaces and digits, and
/// the common Persian letters.
#[inline]
pub(crate) fn is_plain(c: char, unify: bool) -> bool {
    match c {
        '\0'..='\x7F' => !matches!(c, ' ' | '\t' | '0'..='9'),
        'ي' | 'ى' | 'ك' | 'ة' => !unify,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        'پ' | 'چ' | 'ژ' | 'ک' | 'گ' | 'ی' => true,
        _ => false,
    }
}

/// The value of a decimal digit in any of the three scripts.
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        _ => None,
    }
}

/// How `c` is treated, with letter unification on or off.
#[inline]
pub(crate) fn action(c: char, unify: bool) -> Action {
    if c.is_ascii() {
        return match c {
            '\t' => Action::Space,
            _ => Action::Keep,
        };
    }
    match c {
        'ي' | 'ى' | 'ۍ' | 'ې' if unify => Action::Map('ی'),
        'ك' | 'ڪ' if unify => Action::Map('ک'),
        'ة' | 'ۀ' | 'ە' | 'ھ' if unify => Action::Map('ه'),
        // Harakat, superscript alef, hamza marks, tatweel, Quranic marks.
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0640}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' => Action::Drop,
        '\u{200C}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => Action::Joiner,
        // Other invisible format chars: ZWSP, bidi embeddings and isolates, BOM, soft hyphen.
        '\u{200B}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{2060}' => Action::Drop,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Action::Space,
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => Action::Compat,
        _ => Action::Keep,
    }
}
