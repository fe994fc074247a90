//! Exact decimal numbers (定点小数): what numbers and money in yuan are, never floating point,
//! so 0.1 + 0.2 stays 0.3. At the bottom of the core, beside the identifiers: the catalog's
//! bounds, the conditions' literals and the validators' values are all one `Decimal`; the
//! validators read them from what people type (`validate::number`).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A decimal number with up to [`Decimal::SCALE`] digits after the point, stored exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Decimal {
    /// The value times 10^SCALE.
    pub(crate) scaled: i128,
}

impl Decimal {
    /// Digits kept after the decimal point.
    pub const SCALE: u32 = 6;
    pub(crate) const ONE: i128 = 1_000_000;

    pub fn from_integer(value: i64) -> Decimal {
        Decimal { scaled: i128::from(value).saturating_mul(Self::ONE) }
    }

    /// The whole part, rounded toward zero.
    pub fn trunc(self) -> i128 {
        self.scaled / Self::ONE
    }

    /// The sum, or `None` past the range.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        Some(Decimal { scaled: self.scaled.checked_add(other.scaled)? })
    }

    pub fn is_integer(self) -> bool {
        self.scaled % Self::ONE == 0
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.scaled < 0 { "-" } else { "" };
        let magnitude = self.scaled.unsigned_abs();
        let whole = magnitude.checked_div(Self::ONE.unsigned_abs()).unwrap_or(0);
        let fraction = magnitude.checked_rem(Self::ONE.unsigned_abs()).unwrap_or(0);
        if fraction == 0 {
            write!(f, "{sign}{whole}")
        } else {
            let digits = format!("{fraction:06}");
            write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}
