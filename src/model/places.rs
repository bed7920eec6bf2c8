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
    /// A district, neighbourhood or area.
    District,
    /// A street, boulevard or square.
    Street,
}
