//! What a packet holds, before it is bagged and zipped: `application.json` and its
//! fingerprint, each department's form (HTML and JSON), the letters, the cover sheet,
//! `deadlines.ics`, and the attachments under `materials/` named by material, which stand in
//! by their ids and digests (their bytes stay where they are kept). `export.rs` packs it;
//! `print.rs` prints its pages.

use crate::sorted_map::SortedMap;

use super::bag::Payload;
use super::digest::FileDigest;
use super::document::{self, Answer, ApplicationDocument, CatalogRef, File, Item, Material, Named, VerdictRecord};
use super::export::{Export, PacketError};
use super::ics::{deadlines_ics, utc_stamp, Deadline};
use super::sha256_hex;
use super::zip::Content;
use crate::attachment::Attachment;
use crate::catalog::pieces::piece_digest;
use crate::catalog::{Catalog, ItemId, MaterialId};
use crate::date::Date;
use crate::plan::Plan;
use crate::text::{zh_en, Lang, Text};
use crate::validate::{canonical_value, is_blank_answer};
use crate::verdict::{verdict, Verdict};

/// A file name part: what a file system or a zip tool may refuse or misread becomes `_`.
fn safe_part(text: &str) -> String {
    let cleaned: String =
        text.chars().map(|c| if c.is_control() || "/\\:*?\"<>|%".contains(c) { '_' } else { c }).collect();
    let trimmed = cleaned.trim().trim_matches('.');
    if trimmed.is_empty() {
        "_".to_owned()
    } else {
        trimmed.chars().take(60).collect()
    }
}

/// `stem`, or `stem-2`, `stem-3` … whichever `taken` does not hold yet.
fn unused(taken: &[String], stem: &str) -> String {
    let mut name = stem.to_owned();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{stem}-{n}");
        n += 1;
    }
    name
}

/// A payload file of the packet: bytes made here, or an attachment, whose bytes stay where
/// they are kept (named by its id, with its size and digests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Part<'a> {
    Made(Vec<u8>),
    Attached { id: &'a str, digest: &'a FileDigest },
}

impl Part<'_> {
    /// What the page prints, where it is a page.
    pub fn text(&self) -> Option<&str> {
        match self {
            Part::Made(bytes) => std::str::from_utf8(bytes).ok(),
            Part::Attached { .. } => None,
        }
    }

    pub(super) fn content(&self) -> Content<'_, String> {
        match self {
            Part::Made(bytes) => Content::Bytes(bytes),
            Part::Attached { id, digest } => {
                Content::Outside { key: (*id).to_owned(), size: digest.size, crc32: digest.crc32 }
            }
        }
    }
}

impl From<Vec<u8>> for Part<'_> {
    fn from(bytes: Vec<u8>) -> Self {
        Part::Made(bytes)
    }
}

impl Payload for Part<'_> {
    fn size(&self) -> u64 {
        match self {
            Part::Made(bytes) => bytes.len() as u64,
            Part::Attached { digest, .. } => digest.size,
        }
    }

    fn sha256(&self) -> String {
        match self {
            Part::Made(bytes) => sha256_hex(bytes),
            Part::Attached { digest, .. } => digest.sha256.clone(),
        }
    }
}

/// A packet's files before they are bagged: its name, the payload, `bag-info.txt`'s own fields,
/// the fingerprint, and its printable pages in the order they print (the cover, each item's
/// form, the letters), by path.
pub(super) struct Assembled<'a> {
    pub base: String,
    /// The attachments stand in by their ids and digests: their bytes are not here.
    pub payload: Vec<(String, Part<'a>)>,
    pub info: Vec<(&'static str, String)>,
    pub fingerprint: String,
    pub sheets: Vec<(Option<ItemId>, String)>,
}

pub(super) fn assemble(export: Export<'_>) -> Result<Assembled<'_>, PacketError> {
    let Export { catalog, application, files, today, created_ms, lang, .. } = export;
    let plan = Plan::new(catalog, &application.bundle, &application.answers, today).map_err(|_| PacketError::NoPlan)?;
    let bundle_name = catalog
        .bundle(&application.bundle)
        .map_or_else(|| Text::new(application.bundle.as_str(), application.bundle.as_str()), |b| b.name.clone());
    let judged = verdict(catalog, &plan, &application.answers, &application.provisions, today);
    let due: SortedMap<&MaterialId, Date> = match &judged {
        Verdict::ReadyWithCommitments { waived, .. } => waived.iter().map(|w| (&w.material, w.due)).collect(),
        _ => SortedMap::new(),
    };

    let mut payload: Vec<(String, Part<'_>)> = Vec::new();
    let mut used_paths: Vec<String> = Vec::new();
    let mut materials = Vec::new();
    for entry in &plan.checklist {
        let mut listed = Vec::new();
        for attachment in application.files_of(&entry.material.id) {
            let (id, digest) = files
                .get_key_value(&attachment.id)
                .ok_or_else(|| PacketError::FileMissing { name: attachment.name.clone() })?;
            let stem = unused(&used_paths, &format!("materials/{}", safe_part(entry.material.name.get(lang))));
            used_paths.push(stem.clone());
            let path = format!("{stem}.{}", attachment.file_type.extension());
            listed.push(file_record(&path, attachment, digest));
            payload.push((path, Part::Attached { id, digest }));
        }
        materials.push(Material {
            id: entry.material.id.to_string(),
            name: entry.material.name.clone(),
            originals: entry.originals,
            copies: entry.copies,
            needed_by: entry.needed_by.iter().map(ToString::to_string).collect(),
            provided: application.provisions.get(&entry.material.id).cloned(),
            due: due.get(&entry.material.id).copied(),
            files: listed,
        });
    }
    let questions = plan.questions.iter().map(|q| (&q.field, Vec::new()));
    let fields = plan.fields().map(|f| (&f.field, f.asked_by.iter().map(ToString::to_string).collect::<Vec<_>>()));
    let answers = questions
        .chain(fields)
        .filter(|(field, _)| !is_blank_answer(application.answer(&field.id)))
        .map(|(field, used_by)| {
            let value = canonical_value(field, application.answer(&field.id), today);
            Answer {
                field: field.id.to_string(),
                label: field.label.clone(),
                shown: field.choice_label(&value),
                value,
                used_by,
            }
        })
        .collect();
    let document = ApplicationDocument {
        format: document::FORMAT.to_owned(),
        version: document::VERSION,
        catalog: CatalogRef {
            version: catalog.version.clone(),
            digest: piece_digest(catalog, &application.bundle).unwrap_or_default(),
        },
        bundle: Named { id: application.bundle.to_string(), name: bundle_name.clone() },
        language: lang,
        created: utc_stamp(created_ms),
        created_ms,
        answers,
        items: plan
            .items
            .iter()
            .map(|item| Item {
                id: item.id.to_string(),
                name: item.name.clone(),
                department: item.department.clone(),
                legal_days: item.legal_days,
                promised_days: item.promised_days,
            })
            .collect(),
        materials,
        verdict: verdict_record(catalog, &judged),
        helper: application.helper.clone(),
    };
    // Plain data with string keys always serialises.
    let json = serde_json::to_vec_pretty(&document).unwrap_or_default();
    let fingerprint = sha256_hex(&json);

    let deadlines: Vec<Deadline> = document
        .materials
        .iter()
        .filter_map(|material| {
            let due = material.due?;
            let name = material.name.get(lang);
            Some(Deadline {
                key: material.id.clone(),
                due,
                summary: zh_en!(lang, format!("补交：{name}"), format!("Bring: {name}")),
                description: format!(
                    "{} · {}",
                    bundle_name.get(lang),
                    fingerprint.chars().take(16).collect::<String>()
                ),
            })
        })
        .collect();
    let mut sheets = vec![(None, "cover.html".to_owned())];
    // Each department's own form, filled, as a page and as data.
    let mut form_names: Vec<String> = Vec::new();
    for item in &plan.items {
        let Some(form) = super::forms::fill(catalog, &item.id, application, today) else { continue };
        let name = unused(&form_names, &format!("forms/{}", safe_part(item.name.get(lang))));
        form_names.push(name.clone());
        sheets.push((Some(item.id.clone()), format!("{name}.html")));
        let html = super::forms::form_html(&form, lang, &fingerprint).into_bytes();
        payload.push((format!("{name}.html"), Part::Made(html)));
        payload.push((format!("{name}.json"), Part::Made(serde_json::to_vec_pretty(&form).unwrap_or_default())));
    }
    // The letters to sign.
    let applicant_name = application.display_name(catalog).map(str::to_owned);
    let signer = super::letters::Signer {
        applicant: applicant_name.as_deref().unwrap_or_else(|| lang.pick("申请人", "the applicant")),
        bundle: bundle_name.get(lang),
        today,
        fingerprint: &fingerprint,
    };
    for letter in super::letters::letters(catalog, &plan, application, &signer, lang) {
        let path = unused(&form_names, &format!("letters/{}", safe_part(&letter.name)));
        form_names.push(path.clone());
        sheets.push((None, format!("{path}.html")));
        payload.push((format!("{path}.html"), Part::Made(letter.html.into_bytes())));
    }
    let cover = super::cover::cover_html(&document, signer.applicant, &fingerprint, export.next_step).into_bytes();
    payload.push(("cover.html".to_owned(), Part::Made(cover)));
    // The hand-over sheet, last in a print of the whole packet: the applicant keeps it.
    let handover = super::handover::handover_html(&document, signer.applicant, export.next_step).into_bytes();
    payload.push(("handover.html".to_owned(), Part::Made(handover)));
    sheets.push((Some(ItemId::new(super::print::HANDOVER)), "handover.html".to_owned()));
    if !deadlines.is_empty() {
        payload.push((
            "deadlines.ics".to_owned(),
            Part::Made(deadlines_ics(&deadlines, &catalog.calendar, created_ms, &fingerprint).into_bytes()),
        ));
    }
    payload.push(("application.json".to_owned(), Part::Made(json)));

    let applicant = application.display_name(catalog).map(str::to_owned);
    let day = today.to_string();
    let base = match applicant {
        Some(name) => format!("一表通-{}-{}-{day}", safe_part(bundle_name.get(Lang::Zh)), safe_part(&name)),
        None => format!("一表通-{}-{day}", safe_part(bundle_name.get(Lang::Zh))),
    };
    let info = vec![
        ("Source-Organization", "一表通 Yibiao".to_owned()),
        ("External-Identifier", fingerprint.clone()),
        ("Bag-Group-Identifier", application.bundle.to_string()),
        ("Yibiao-Bundle", bundle_name.get(Lang::Zh).to_owned()),
        ("Yibiao-Catalog-Version", catalog.version.clone()),
        ("Yibiao-Catalog-Digest", document.catalog.digest.clone()),
        ("Yibiao-App-Version", export.app_version.to_owned()),
        ("Yibiao-Language", lang.tag().to_owned()),
    ];
    Ok(Assembled { base, payload, info, fingerprint, sheets })
}

fn file_record(path: &str, attachment: &Attachment, digest: &FileDigest) -> File {
    File {
        path: path.to_owned(),
        original_name: attachment.name.clone(),
        media_type: attachment.file_type.media_type().to_owned(),
        file_type: attachment.file_type,
        size: digest.size,
        sha256: digest.sha256.clone(),
        sm3: digest.sm3.clone(),
        shape: attachment.shape,
        added_ms: attachment.added_ms,
    }
}

pub(super) fn verdict_record(catalog: &Catalog, judged: &Verdict) -> VerdictRecord {
    let both = |say: &dyn Fn(Lang) -> String| Text::new(say(Lang::Zh), say(Lang::En));
    match judged {
        Verdict::Ready => VerdictRecord { outcome: "ready".to_owned(), reasons: Vec::new() },
        Verdict::ReadyWithCommitments { waived, letters } => {
            let name = |id: &MaterialId| {
                catalog.materials.get(id).map_or_else(|| Text::new(id.as_str(), id.as_str()), |m| m.name.clone())
            };
            let later = waived.iter().map(|w| {
                let name = name(&w.material);
                let mode = match w.mode {
                    crate::catalog::WaiverMode::Accept => "容缺受理",
                    crate::catalog::WaiverMode::Process => "容缺办理",
                };
                Text::new(
                    format!("“{}”{mode}，{} 前补交", name.zh, w.due),
                    format!("“{}” follows later ({mode}), by {}", name.en, w.due),
                )
            });
            let letters = letters.iter().map(|id| {
                let name = name(id);
                Text::new(
                    format!("“{}”以告知承诺书代替", name.zh),
                    format!("“{}” replaced by a commitment letter (告知承诺)", name.en),
                )
            });
            VerdictRecord { outcome: "ready_with_commitments".to_owned(), reasons: later.chain(letters).collect() }
        }
        Verdict::NotReady { blockers } => VerdictRecord {
            outcome: "not_ready".to_owned(),
            reasons: blockers.iter().map(|blocker| both(&|lang| blocker.message(catalog, lang))).collect(),
        },
    }
}
