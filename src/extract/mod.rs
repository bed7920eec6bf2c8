//! Extraction: one module per entity type, run in a fixed order over the
//! normalized text; every span is mapped back to the original input.

mod counts;
mod dates;
mod locations;
mod money;
mod officials;
mod organizations;
mod percentages;
mod projects;
mod quantities;
mod quotes;
mod source;

use crate::model::Extraction;
use crate::normalize::{DigitTarget, Normalized, Normalizer};
use crate::numbers::NumberMatch;
use crate::span::{Span, TextSpan};
use std::cell::OnceCell;
use std::ops::Range;
use std::rc::Rc;

/// A document being extracted: the original input and its normalized form.
pub(crate) struct Doc<'a> {
    /// The original input.
    pub input: &'a str,
    /// The normalized text (ASCII digits, unified letters, ZWNJ restored).
    pub norm: Normalized,
    /// The numbers of the normalized text, scanned once for the money,
    /// percentage, quantity and count extractors.
    numbers: OnceCell<Vec<NumberMatch>>,
    /// The place mentions, scanned once for the locations and projects
    /// extractors.
    places: OnceCell<locations::Scan>,
    /// The word tokens, made once for the source, organizations, officials
    /// and quotes extractors (and dropped with the document).
    tokens: OnceCell<Rc<Vec<officials::lex::Tok>>>,
}

impl<'a> Doc<'a> {
    /// A document over `input` and its normalized form.
    pub fn new(input: &'a str, norm: Normalized) -> Doc<'a> {
        Doc { input, norm, numbers: OnceCell::new(), places: OnceCell::new(), tokens: OnceCell::new() }
    }

    /// Every number of the normalized text, scanned on first use.
    pub fn numbers(&self) -> &[NumberMatch] {
        self.numbers.get_or_init(|| crate::numbers::scan(self.norm.as_str()))
    }

    /// The normalized text, which every extractor matches against.
    #[inline]
    pub fn text(&self) -> &str {
        self.norm.as_str()
    }

    /// The words and place mentions of the normalized text, scanned on
    /// first use.
    pub fn places(&self) -> &locations::Scan {
        self.places.get_or_init(|| locations::scan(self.norm.as_str()))
    }

    /// The word tokens of the normalized text, made on first use.
    pub fn tokens(&self) -> Rc<Vec<officials::lex::Tok>> {
        Rc::clone(self.tokens.get_or_init(|| Rc::new(officials::lex::tokenize(self.norm.as_str()))))
    }

    /// The original span of the normalized range `r`.
    #[inline]
    pub fn original(&self, r: Range<usize>) -> Span {
        self.norm.to_original(Span::new(r.start, r.end))
    }

    /// The original span of the normalized range `r`, with its text.
    pub fn span(&self, r: Range<usize>) -> TextSpan {
        TextSpan::of(self.input, self.original(r))
    }
}

/// Which entity types to extract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Enabled {
    officials: bool,
    organizations: bool,
    projects: bool,
    numbers: bool,
    dates: bool,
    locations: bool,
    quotes: bool,
    source: bool,
}

impl Default for Enabled {
    fn default() -> Enabled {
        Enabled {
            officials: true,
            organizations: true,
            projects: true,
            numbers: true,
            dates: true,
            locations: true,
            quotes: true,
            source: true,
        }
    }
}

/// A reusable extractor. Build it once and share it: it is `Send + Sync`,
/// and its regexes and lexicons are built once per process.
///
/// ```
/// use khabar::Extractor;
/// let ex = Extractor::new();
/// let out = ex.extract("به گزارش خبرگزاری مهر، ۷۰ پروژه افتتاح شد.");
/// assert!(out.counts.iter().all(|c| c.value == 70));
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    normalizer: Normalizer,
    enabled: Enabled,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with every entity type enabled.
    pub fn new() -> Extractor {
        ExtractorBuilder::new().build_default()
    }

    /// A builder to configure one.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Normalizes `input` the way extraction sees it.
    pub fn normalize(&self, input: &str) -> Normalized {
        self.normalizer.normalize(input)
    }

    /// Extracts every enabled record type from `input`. Never fails: input
    /// with nothing to find gives empty arrays.
    pub fn extract(&self, input: &str) -> Extraction {
        let doc = Doc::new(input, self.normalizer.normalize(input));
        let mut out = Extraction::default();
        let e = self.enabled;
        if e.source {
            source::extract(&doc, &mut out);
        }
        if e.numbers {
            money::extract(&doc, &mut out);
            percentages::extract(&doc, &mut out);
            quantities::extract(&doc, &mut out);
            counts::extract(&doc, &mut out);
        }
        if e.dates {
            dates::extract(&doc, &mut out);
        }
        if e.organizations || e.officials || e.quotes {
            organizations::extract(&doc, &mut out);
        }
        if e.officials || e.quotes {
            officials::extract(&doc, &mut out);
        }
        if e.locations || e.projects {
            locations::extract(&doc, &mut out);
        }
        if e.projects {
            projects::extract(&doc, &mut out);
        }
        if e.quotes {
            quotes::extract(&doc, &mut out);
        }
        if !e.quotes || !e.officials {
            if !e.officials {
                out.officials.clear();
            }
            if !e.quotes {
                out.quotes.clear();
            }
            for q in &mut out.quotes {
                if !e.officials {
                    q.speaker = None;
                }
            }
        }
        if !e.organizations {
            out.organizations.clear();
        }
        if !e.locations {
            out.locations.clear();
        }
        out
    }
}

/// Configures an [`Extractor`] with `&mut self` setters.
///
/// ```
/// use khabar::Extractor;
/// let ex = Extractor::builder().quotes(false).projects(false).build().unwrap();
/// assert!(ex.extract("وی گفت: سلام").quotes.is_empty());
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    enabled: Enabled,
}

impl ExtractorBuilder {
    /// Every entity type enabled.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Extract officials.
    pub fn officials(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.enabled.officials = yes;
        self
    }

    /// Extract organizations.
    pub fn organizations(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.enabled.organizations = yes;
        self
    }

    /// Extract projects.
    pub fn projects(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.enabled.projects = yes;
        self
    }

    /// Extract money, counts, percentages and quantities.
    pub fn numbers(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.enabled.numbers = yes;
        self
    }

    /// Extract dates.
    pub fn dates(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.enabled.dates = yes;
        self
    }

    /// Extract locations.
    pub fn locations(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.enabled.locations = yes;
        self
    }

    /// Extract quotes.
    pub fn quotes(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.enabled.quotes = yes;
        self
    }

    /// Extract the reporting agency.
    pub fn source(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.enabled.source = yes;
        self
    }

    /// The configured extractor.
    ///
    /// # Errors
    ///
    /// Returns an error when custom data given to the builder is invalid.
    pub fn build(&self) -> crate::Result<Extractor> {
        Ok(self.build_default())
    }

    fn build_default(&self) -> Extractor {
        Extractor {
            normalizer: Normalizer::builder().digits(DigitTarget::Ascii).build(),
            enabled: self.enabled,
        }
    }
}
