//! An exact non-negative decimal: an integer mantissa and a scale.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An exact non-negative decimal number, such as an amount of money.
///
/// Stored as `mantissa / 10^scale` with a `u128` mantissa, so every amount
/// in a news article (up to about 3.4×10^38) is exact; arithmetic that would
/// overflow returns `None` instead of rounding. Never a float.
///
/// Displays and serializes as a plain decimal string without exponent or
/// trailing zeros: `30000000000000`, `12.5`.
///
/// ```
/// use khabar::Decimal;
/// let d: Decimal = "5.2".parse().unwrap();
/// let billion = Decimal::from(1_000_000_000u64);
/// assert_eq!(d.checked_mul(billion).unwrap().to_string(), "5200000000");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: u128,
    scale: u8,
}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal { mantissa: 0, scale: 0 };

    /// `mantissa / 10^scale`, or `None` when `scale` exceeds 38.
    pub fn new(mantissa: u128, scale: u8) -> Option<Decimal> {
        if scale > 38 {
            return None;
        }
        Some(Decimal { mantissa, scale }.reduced())
    }

    /// The mantissa of the reduced form.
    pub fn mantissa(&self) -> u128 {
        self.mantissa
    }

    /// The number of digits after the decimal point in the reduced form.
    pub fn scale(&self) -> u8 {
        self.scale
    }

    /// The value as an integer, when it is whole.
    pub fn to_integer(&self) -> Option<u128> {
        if self.scale == 0 {
            Some(self.mantissa)
        } else {
            None
        }
    }

    /// True when the value has no fractional part.
    pub fn is_integer(&self) -> bool {
        self.scale == 0
    }

    fn reduced(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        if self.mantissa == 0 {
            self.scale = 0;
        }
        self
    }

    /// Both values brought to the same scale, or `None` on overflow.
    fn aligned(a: Decimal, b: Decimal) -> Option<(u128, u128, u8)> {
        let scale = a.scale.max(b.scale);
        let am = a.mantissa.checked_mul(10u128.checked_pow(u32::from(scale - a.scale))?)?;
        let bm = b.mantissa.checked_mul(10u128.checked_pow(u32::from(scale - b.scale))?)?;
        Some((am, bm, scale))
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let (a, b, scale) = Decimal::aligned(self, other)?;
        Decimal::new(a.checked_add(b)?, scale)
    }

    /// `self × other`, or `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let m = self.mantissa.checked_mul(other.mantissa)?;
        let s = self.scale.checked_add(other.scale)?;
        Decimal::new(m, s).or_else(|| {
            // Reduce trailing zeros before giving up on the scale.
            let mut d = Decimal { mantissa: m, scale: s };
            while d.scale > 38 && d.mantissa % 10 == 0 {
                d.mantissa /= 10;
                d.scale -= 1;
            }
            (d.scale <= 38).then_some(d.reduced())
        })
    }

    /// `self × 10^exp`, or `None` on overflow.
    pub fn checked_mul_pow10(self, exp: u32) -> Option<Decimal> {
        let mut d = self;
        let mut e = exp;
        while e > 0 && d.scale > 0 {
            d.scale -= 1;
            e -= 1;
        }
        let m = d.mantissa.checked_mul(10u128.checked_pow(e)?)?;
        Some(Decimal { mantissa: m, scale: d.scale }.reduced())
    }
    /// `self - other`, or `None` when the result would be negative.
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        let (a, b, scale) = Decimal::aligned(self, other)?;
        Decimal::new(a.checked_sub(b)?, scale)
    }

    /// `self / 10^exp` (exact), or `None` when the scale would exceed 38.
    pub fn checked_div_pow10(self, exp: u32) -> Option<Decimal> {
        let scale = u32::from(self.scale).checked_add(exp)?;
        Decimal::new(self.mantissa, u8::try_from(scale).ok()?)
    }

    /// `10^exp`, or `None` on overflow.
    pub fn pow10(exp: u32) -> Option<Decimal> {
        Some(Decimal { mantissa: 10u128.checked_pow(exp)?, scale: 0 })
    }

    /// The value as a `u64`, when it is whole and fits.
    pub fn to_u64(&self) -> Option<u64> {
        self.to_integer().and_then(|v| u64::try_from(v).ok())
    }

    /// The integer part (the value rounded toward zero).
    pub fn trunc(&self) -> u128 {
        self.mantissa / 10u128.pow(u32::from(self.scale))
    }

    /// True when the value is zero.
    pub fn is_zero(&self) -> bool {
        self.mantissa == 0
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    /// Numeric order: `2.5 < 10`.
    fn cmp(&self, other: &Decimal) -> std::cmp::Ordering {
        match Decimal::aligned(*self, *other) {
            Some((a, b, _)) => a.cmp(&b),
            // Alignment overflows only when the integer parts differ widely.
            None => self.trunc().cmp(&other.trunc()),
        }
    }
}

impl From<u64> for Decimal {
    fn from(v: u64) -> Decimal {
        Decimal { mantissa: u128::from(v), scale: 0 }
    }
}

impl From<u128> for Decimal {
    fn from(v: u128) -> Decimal {
        Decimal { mantissa: v, scale: 0 }
    }
}

impl From<u32> for Decimal {
    fn from(v: u32) -> Decimal {
        Decimal { mantissa: u128::from(v), scale: 0 }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let digits = self.mantissa.to_string();
        let scale = usize::from(self.scale);
        if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            write!(f, "{int}.{frac}")
        } else {
            write!(f, "0.{}{}", "0".repeat(scale - digits.len()), digits)
        }
    }
}

impl FromStr for Decimal {
    type Err = crate::Error;

    /// Parses `123`, `12.5`, `0.05` (ASCII digits, one optional point).
    fn from_str(s: &str) -> Result<Decimal, crate::Error> {
        let err = || crate::Error::Parse { what: "decimal", input: s.to_string() };
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, f),
            None => (s, ""),
        };
        if (int.is_empty() && frac.is_empty())
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || (s.contains('.') && frac.is_empty())
        {
            return Err(err());
        }
        let scale = u8::try_from(frac.len()).map_err(|_| err())?;
        let mut m: u128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            m = m.checked_mul(10).and_then(|m| m.checked_add(u128::from(b - b'0'))).ok_or_else(err)?;
        }
        Decimal::new(m, scale).ok_or_else(err)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for s in ["0", "1", "12.5", "0.05", "30000000000000", "340282366920938463463374607431768211455"] {
            let d: Decimal = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        assert_eq!("12.50".parse::<Decimal>().unwrap().to_string(), "12.5");
        for bad in ["", ".", "1.", "a", "1.2.3", "-1", "340282366920938463463374607431768211456"] {
            assert!(bad.parse::<Decimal>().is_err(), "{bad}");
        }
    }

    #[test]
    fn arithmetic() {
        let d: Decimal = "2.5".parse().unwrap();
        assert_eq!(d.checked_mul_pow10(6).unwrap().to_string(), "2500000");
        assert_eq!(Decimal::from(u128::MAX).checked_mul_pow10(1), None);
        assert_eq!(d.checked_add("0.75".parse().unwrap()).unwrap().to_string(), "3.25");
        assert_eq!(Decimal::from(25u32).checked_div_pow10(1), Some(d));
        assert!(d < Decimal::from(10u32));
        assert!(Decimal::from(u128::MAX) > "0.5".parse().unwrap());
        assert_eq!(Decimal::from(5u32).checked_sub(d).unwrap().to_string(), "2.5");
        assert_eq!(d.checked_sub(Decimal::from(5u32)), None);
        assert_eq!(d.trunc(), 2);
    }
}
