//! A hall's self-service terminal (自助终端): what its `kiosk.json` says. The hall turns the
//! mode on by serving that file beside the app; without it the app is never a kiosk. On a
//! kiosk nothing personal is kept: drafts and files live in memory, and after a spell without
//! input, or when the applicant finishes, every trace is wiped.
//!
//! ```json
//! {
//!   "hall": { "zh": "某某区政务服务中心", "en": "Moumou District Government Service Centre" },
//!   "idle_seconds": 120,
//!   "warning_seconds": 60,
//!   "bundles": ["newborn", "retirement"],
//!   "help_desk": { "zh": "一楼咨询台", "en": "the enquiry desk, ground floor" },
//!   "print": { "zh": "二楼自助打印区", "en": "the self-service printers, first floor" },
//!   "admin_key": "a long secret"
//! }
//! ```
//! Every member may be left out; a text may be one string for both languages.

use crate::catalog::BundleId;
use crate::json::{self, Value};
use crate::text::{zh_en, Lang, Text};

/// The seconds without input before the warning, when the file does not say (120 s, as the
/// issue and the national self-service guidance suggest).
pub const DEFAULT_IDLE_SECONDS: u32 = 120;
/// The seconds the warning counts down; never fewer than [`MIN_WARNING_SECONDS`] (WCAG 2.2.1:
/// time enough to say "I am still here").
pub const DEFAULT_WARNING_SECONDS: u32 = 60;
pub const MIN_WARNING_SECONDS: u32 = 30;
/// The least idle time a hall may set: shorter would interrupt people reading.
pub const MIN_IDLE_SECONDS: u32 = 30;

/// A terminal's configuration (自助终端配置).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kiosk {
    /// The hall's name, for the home page and the cover sheet.
    pub hall: Option<Text>,
    pub idle_seconds: u32,
    pub warning_seconds: u32,
    /// The bundles offered here; `None` for every bundle of the catalog.
    pub bundles: Option<Vec<BundleId>>,
    /// Where to ask for help (咨询台).
    pub help_desk: Option<Text>,
    /// Where the packet can be printed.
    pub print: Option<Text>,
    /// What opens the administrators' catalog page on this terminal (`admin.html#key=…`);
    /// without one it never opens here.
    pub admin_key: Option<String>,
}

impl Default for Kiosk {
    fn default() -> Self {
        Kiosk {
            hall: None,
            idle_seconds: DEFAULT_IDLE_SECONDS,
            warning_seconds: DEFAULT_WARNING_SECONDS,
            bundles: None,
            help_desk: None,
            print: None,
            admin_key: None,
        }
    }
}

/// Why a `kiosk.json` could not be read as it was meant. The terminal is a kiosk all the same
/// (with defaults for what could not be read): the file's presence is the hall's wish.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KioskError {
    /// Occurs when the file is not JSON, or not an object.
    NotJson { line: usize, column: usize },
    /// Occurs when a member has the wrong shape (a number where a text belongs, …).
    Member { name: &'static str },
}

impl KioskError {
    pub fn message(&self, lang: Lang) -> String {
        let what = match self {
            KioskError::NotJson { line, column } => zh_en!(
                lang,
                format!("第 {line} 行第 {column} 列不是有效的 JSON"),
                format!("it is not valid JSON at line {line}, column {column}")
            ),
            KioskError::Member { name } => {
                zh_en!(lang, format!("“{name}”的写法不对"), format!("“{name}” is not written as it should be"))
            }
        };
        zh_en!(
            lang,
            format!("本机的自助终端配置（kiosk.json）有误：{what}。本机仍按自助终端运行，该项使用默认设置。请告知大厅管理员。"),
            format!("This terminal's configuration (kiosk.json) is wrong: {what}. It still runs as a kiosk, with the default for that. Please tell the hall's administrator.")
        )
    }
}

crate::text::bilingual_error!(KioskError);

/// Reads a `kiosk.json`: the configuration, and what in it could not be read (left at its
/// default).
pub fn parse(text: &str) -> (Kiosk, Option<KioskError>) {
    let mut kiosk = Kiosk::default();
    let value = match json::parse(text.trim_start_matches('\u{feff}')) {
        Ok(value) if value.members().is_some() => value,
        Ok(value) => return (kiosk, Some(not_json(text, value.at))),
        Err(error) => return (kiosk, Some(not_json(text, error.at))),
    };
    let mut problem = None;
    let mut note = |name: &'static str| {
        problem.get_or_insert(KioskError::Member { name });
    };
    let texts = [("hall", &mut kiosk.hall), ("help_desk", &mut kiosk.help_desk), ("print", &mut kiosk.print)];
    for (name, slot) in texts {
        if let Some(member) = value.get(name) {
            match text_of(member) {
                Some(text) => *slot = Some(text),
                None => note(name),
            }
        }
    }
    let seconds = [
        ("idle_seconds", &mut kiosk.idle_seconds, MIN_IDLE_SECONDS),
        ("warning_seconds", &mut kiosk.warning_seconds, MIN_WARNING_SECONDS),
    ];
    for (name, slot, least) in seconds {
        match value.get(name).map(|member| member.as_u64().and_then(|n| u32::try_from(n.min(86_400)).ok())) {
            None => {}
            // Never shorter than the least, never longer than a day.
            Some(Some(n)) => *slot = n.clamp(least, 86_400),
            Some(None) => note(name),
        }
    }
    if let Some(member) = value.get("bundles") {
        let ids: Option<Vec<BundleId>> =
            member.items().and_then(|items| items.iter().map(|id| id.as_str().map(BundleId::new)).collect());
        match ids {
            Some(ids) => kiosk.bundles = Some(ids),
            None => note("bundles"),
        }
    }
    match value.get("admin_key").map(|key| key.as_str().filter(|key| !key.is_empty())) {
        None => {}
        Some(Some(key)) => kiosk.admin_key = Some(key.to_owned()),
        Some(None) => note("admin_key"),
    }
    (kiosk, problem)
}

fn not_json(text: &str, at: usize) -> KioskError {
    let (line, column) = json::line_column(text, at);
    KioskError::NotJson { line, column }
}

/// A text in both languages, or one string for both.
fn text_of(value: &Value<'_>) -> Option<Text> {
    if let Some(both) = value.as_str() {
        return Some(Text::new(both, both));
    }
    let (zh, en) = (value.get("zh")?.as_str()?, value.get("en")?.as_str()?);
    Some(Text::new(zh, en))
}

impl Kiosk {
    /// Whether `bundle` is offered on this terminal.
    pub fn offers(&self, bundle: &BundleId) -> bool {
        self.bundles.as_ref().is_none_or(|offered| offered.contains(bundle))
    }

    /// Whether `given` opens the catalog page here.
    pub fn admits(&self, given: &str) -> bool {
        self.admin_key.as_deref().is_some_and(|key| key == given)
    }

    /// What to do with the packet next, and where: for the cover sheet and the last page.
    pub fn next_step(&self, lang: Lang) -> String {
        let mut step = match &self.hall {
            Some(hall) => zh_en!(
                lang,
                format!("请带上本封面和全部材料，到{}的受理窗口办理。", hall.zh),
                format!("Bring this cover sheet and every material to a service window of {}.", hall.en)
            ),
            None => lang
                .pick(
                    "请带上本封面和全部材料，到受理窗口办理。",
                    "Bring this cover sheet and every material to a service window.",
                )
                .to_owned(),
        };
        if let Some(print) = &self.print {
            step += &zh_en!(lang, format!("可在{}打印。", print.zh), format!(" It can be printed at {}.", print.en));
        }
        if let Some(desk) = &self.help_desk {
            step += &zh_en!(lang, format!("有疑问请到{}。", desk.zh), format!(" For help, go to {}.", desk.en));
        }
        step
    }
}

#[cfg(test)]
#[path = "kiosk_tests.rs"]
mod tests;
