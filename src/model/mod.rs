//! The typed records khabar extracts (SPEC.md section 2), one file per type.

mod amounts;
mod dates;
mod people;
mod places;
mod projects;

pub use amounts::{Count, Currency, Money, Percentage, Qualifier, Quantity};
pub use dates::{Calendar, DateError, DateMention, GregorianDate, JalaliDate, Relative, Weekday};
pub use people::{Official, OrgKind, Organization, Quote, Source};
pub use places::{Location, LocationKind};
pub use projects::{Project, ProjectStatus};

use serde::{Deserialize, Serialize};

/// Everything extracted from one document.
///
/// Serializes to the JSON object of SPEC.md section 3: every key present,
/// arrays empty when nothing was found, `source` null when unknown.
/// `quantities` (measurements with units) is an extension beyond the spec.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Extraction {
    /// People with a public role (and other named people).
    pub officials: Vec<Official>,
    /// Named bodies.
    pub organizations: Vec<Organization>,
    /// Projects, facilities and works.
    pub projects: Vec<Project>,
    /// Numbers of things.
    pub counts: Vec<Count>,
    /// Amounts of money.
    pub money: Vec<Money>,
    /// Percentages.
    pub percentages: Vec<Percentage>,
    /// Dates and named days.
    pub dates: Vec<DateMention>,
    /// Places.
    pub locations: Vec<Location>,
    /// Reported statements.
    pub quotes: Vec<Quote>,
    /// The reporting agency.
    pub source: Option<Source>,
    /// Measurements with a unit (extension).
    pub quantities: Vec<Quantity>,
}

impl Extraction {
    /// The keys of the JSON object of SPEC.md section 3, in order: the
    /// nine record arrays, then `source`.
    pub const KEYS: [&'static str; 10] = [
        "officials",
        "organizations",
        "projects",
        "counts",
        "money",
        "percentages",
        "dates",
        "locations",
        "quotes",
        "source",
    ];

    /// The compact JSON object of SPEC.md section 3.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }

    /// The same, indented.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string())
    }
}
