//! Locations.

use crate::span::TextSpan;
use serde::{Deserialize, Serialize};

/// A place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Location {
    /// Its name, normalized.
    pub name: String,
    /// What kind of place.
    pub kind: Option<LocationKind>,
    /// Its first mention.
    pub span: TextSpan,
}

/// Kinds of place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LocationKind {
    /// A country.
    Country,
    /// An Iranian province (استان).
    Province,
    /// A county (شهرستان).
    County,
    /// A city or town.
    City,
    /// A district (بخش), neighbourhood (محله), town quarter (شهرک) or area.
    District,
    /// A village (روستا).
    Village,
    /// A street, boulevard or lane (خیابان, بلوار, کوچه).
    Street,
    /// A square (میدان).
    Square,
    /// A highway or road (بزرگراه, آزادراه, کمربندی).
    Road,
    /// A port (بندر).
    Port,
    /// A region larger than a country or a sea (خاورمیانه, خلیج فارس).
    Region,
}
