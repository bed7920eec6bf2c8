//! Officials, organizations, quotes and the source.

use crate::span::TextSpan;
use serde::{Deserialize, Serialize};

/// A named person, with their public role where the article gives one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Official {
    /// The fullest form of the name in the article.
    pub name: String,
    /// سید, دکتر, مهندس, حجت‌الاسلام ...
    pub honorifics: Vec<String>,
    /// The title without the organization.
    pub role: Option<String>,
    /// The body the role belongs to.
    pub organization: Option<String>,
    /// Every span that refers to the person.
    pub mentions: Vec<TextSpan>,
}

/// A named body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Organization {
    /// Its name, normalized.
    pub name: String,
    /// What kind of body it is.
    pub kind: Option<OrgKind>,
    /// Every span that names it.
    pub mentions: Vec<TextSpan>,
}

/// Kinds of organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrgKind {
    /// شهرداری
    Municipality,
    /// وزارت
    Ministry,
    /// استانداری
    ProvinceOffice,
    /// شرکت
    Company,
    /// خبرگزاری
    Agency,
    /// شورا
    Council,
    /// اداره کل, اداره, معاونت, روابط عمومی ...
    Department,
    /// سازمان ... (a national or other organization)
    Organization,
    /// کمیسیون, کمیته
    Committee,
    /// دادگاه, دادگستری, دادسرا
    Court,
    /// شعبه ... (a branch of a court or of تعزیرات)
    CourtBranch,
    /// بانک
    Bank,
    /// اداره ... شهرستان (a county office)
    CountyOffice,
    /// مجلس شورای اسلامی
    Parliament,
    /// صندوق
    Fund,
    /// بنیاد, کمیته امداد
    Foundation,
    /// دولت
    Government,
    /// بورس, فرابورس
    Exchange,
    /// فرمانداری, بخشداری
    Governorate,
    /// دانشگاه, پژوهشگاه
    University,
    /// نیروی انتظامی, پلیس
    Police,
    /// سپاه, ارتش, قرارگاه
    Military,
    /// انجمن, کانون, اتحادیه
    Association,
    /// قوه قضاییه
    Judiciary,
}

/// A reported statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// Index into [`Extraction::officials`](crate::Extraction::officials).
    pub speaker: Option<usize>,
    /// The reporting verb: گفت, افزود, اظهار کرد ...
    pub verb: String,
    /// The statement.
    pub span: TextSpan,
}

/// The reporting agency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Source {
    /// مهر, فارس, ایرنا ...
    pub agency: String,
    /// Where it is named.
    pub span: TextSpan,
}
