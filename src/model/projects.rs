//! Projects.

use crate::span::TextSpan;
use serde::{Deserialize, Serialize};

/// A named or described project, facility or works.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Project {
    /// The name as written (normalized): `رمپ حکیم`.
    pub name: String,
    /// The head noun: رمپ, کنارگذر, پل ...
    pub kind: Option<String>,
    /// فاز پنجم → 5.
    pub phase: Option<u32>,
    /// Opening, groundbreaking ...
    pub status: Option<ProjectStatus>,
    /// Where it is.
    pub location: Option<String>,
    /// Where it is written.
    pub span: TextSpan,
}

/// What is happening to a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProjectStatus {
    /// افتتاح, بهره‌برداری
    Opening,
    /// کلنگ‌زنی, آغاز عملیات اجرایی
    Groundbreaking,
    /// در دست اجرا, در حال ساخت
    UnderConstruction,
    /// تکمیل شد
    Completed,
    /// در نظر گرفته, برنامه
    Planned,
}
