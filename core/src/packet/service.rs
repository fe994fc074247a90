//! The packet's work as requests and replies, for the Web Worker that does it away from the
//! page (a WebAssembly module of its own, loaded on first use, so that the first load does not
//! grow and the page never waits while megabytes are hashed and packed).
//!
//! A message is a small header and byte buffers beside it: the catalog's compact form (or none
//! for the one built in) and the attachments, or the packet. The shell only moves them; what
//! they mean is decided here. A header is lines of text, its last field (a draft document) to
//! the end: both halves are of one build, and reading JSON here would cost the page's first
//! load the deserialisers of four more types.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::export::{Export, Packet, PacketError};
use super::open::open;
use super::sha256_hex;
use crate::catalog::{compact, Catalog};
use crate::date::Date;
use crate::draft;
use crate::session::{Application, DraftId, State};
use crate::text::{zh_en, Lang};

/// Make the packet of the draft `draft` of `document` (a draft document, `draft::encode`: the
/// page has that code already, so sending a draft costs its first load nothing); the
/// attachments' bytes follow the header in the order of `files`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub document: String,
    pub draft: DraftId,
    pub files: Vec<String>,
    pub today: Date,
    pub created_ms: u64,
    pub lang: Lang,
    pub app_version: String,
    /// For a print: the item whose form alone prints (empty: the whole packet).
    pub only: String,
}

/// Open the packet whose bytes follow the header, as a draft named `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenRequest {
    pub id: DraftId,
    pub now_ms: u64,
}

/// A packet made: its bytes follow the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub file_name: String,
    pub fingerprint: String,
}

/// A packet opened: its draft in a draft document of its own (`draft::decode` reads it); the
/// attachments' bytes follow the header in the order of `files`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reopened {
    pub fingerprint: String,
    pub document: String,
    pub files: Vec<String>,
    /// Whether the packet was filled against exactly the catalog in use (the same digest).
    pub same_catalog: bool,
    /// The catalog version the packet names.
    pub catalog_version: String,
}

/// Why the worker could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServiceError {
    Packet(PacketError),
    /// Occurs when the message itself is not one this version sends (another version of the
    /// app is running in the other half).
    Message {
        detail: String,
    },
    /// Occurs when the catalog sent along cannot be read.
    Catalog,
}

impl ServiceError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ServiceError::Packet(error) => error.message(lang),
            ServiceError::Message { detail } => zh_en!(
                lang,
                format!("申请包处理程序收到无法识别的请求（{detail}），请刷新页面后重试"),
                format!(
                    "the packet worker received a request it does not know ({detail}): reload the page and try again"
                )
            ),
            ServiceError::Catalog => lang
                .pick(
                    "申请包处理程序无法读取本设备的事项目录，请刷新页面后重试",
                    "the packet worker cannot read this device's catalog: reload the page and try again",
                )
                .to_owned(),
        }
    }
}

crate::text::bilingual_error!(ServiceError);

/// The catalog a request names: the one sent (compact text), or `shipped` when none was.
pub fn catalog_of(sent: Option<&str>, shipped: impl FnOnce() -> Catalog) -> Result<Catalog, ServiceError> {
    match sent {
        Some(text) => compact::decode_text(text).ok_or(ServiceError::Catalog),
        None => Ok(shipped()),
    }
}

/// The fields of a header: `count` of them, the last running to the end.
fn fields(header: &str, count: usize) -> Result<Vec<&str>, ServiceError> {
    let fields: Vec<&str> = header.splitn(count, '\n').collect();
    if fields.len() == count {
        Ok(fields)
    } else {
        Err(ServiceError::Message { detail: format!("{} of {count} fields", fields.len()) })
    }
}

/// A field that must be one line.
fn line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

fn number(text: &str) -> Result<u64, ServiceError> {
    text.parse().map_err(|_| ServiceError::Message { detail: format!("not a number: {text}") })
}

fn ids(text: &str) -> Vec<String> {
    text.split(' ').filter(|id| !id.is_empty()).map(str::to_owned).collect()
}

impl ExportRequest {
    pub fn header(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
            line(&self.only),
            line(self.draft.as_str()),
            self.today,
            self.created_ms,
            self.lang.tag(),
            line(&self.app_version),
            line(&self.files.join(" ")),
            self.document
        )
    }

    pub fn read(header: &str) -> Result<ExportRequest, ServiceError> {
        let [only, draft, today, created_ms, lang, app_version, files, document] = fields(header, 8)?[..] else {
            return Err(ServiceError::Message { detail: "fields".to_owned() });
        };
        Ok(ExportRequest {
            document: document.to_owned(),
            draft: DraftId::new(draft),
            files: ids(files),
            today: Date::parse_iso(today).ok_or(ServiceError::Message { detail: format!("not a day: {today}") })?,
            created_ms: number(created_ms)?,
            lang: if lang == Lang::En.tag() { Lang::En } else { Lang::Zh },
            app_version: app_version.to_owned(),
            only: only.to_owned(),
        })
    }
}

impl OpenRequest {
    pub fn header(&self) -> String {
        format!("{}\n{}", line(self.id.as_str()), self.now_ms)
    }

    pub fn read(header: &str) -> Result<OpenRequest, ServiceError> {
        let [id, now_ms] = fields(header, 2)?[..] else {
            return Err(ServiceError::Message { detail: "fields".to_owned() });
        };
        Ok(OpenRequest { id: DraftId::new(id), now_ms: number(now_ms)? })
    }
}

impl Exported {
    pub fn header(&self) -> String {
        format!("{}\n{}", line(&self.file_name), line(&self.fingerprint))
    }

    pub fn read(header: &str) -> Result<Exported, ServiceError> {
        let [file_name, fingerprint] = fields(header, 2)?[..] else {
            return Err(ServiceError::Message { detail: "fields".to_owned() });
        };
        Ok(Exported { file_name: file_name.to_owned(), fingerprint: fingerprint.to_owned() })
    }
}

impl Reopened {
    pub fn header(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}\n{}",
            line(&self.fingerprint),
            u8::from(self.same_catalog),
            line(&self.catalog_version),
            line(&self.files.join(" ")),
            self.document
        )
    }

    pub fn read(header: &str) -> Result<Reopened, ServiceError> {
        let [fingerprint, same, version, files, document] = fields(header, 5)?[..] else {
            return Err(ServiceError::Message { detail: "fields".to_owned() });
        };
        Ok(Reopened {
            fingerprint: fingerprint.to_owned(),
            document: document.to_owned(),
            files: ids(files),
            same_catalog: same == "1",
            catalog_version: version.to_owned(),
        })
    }
}

/// A draft document holding `draft` alone.
pub fn document_of(draft: &Rc<Application>) -> String {
    draft::encode(&State { drafts: vec![Rc::clone(draft)], ..State::default() })
}

/// The one draft of a document `document_of` wrote.
pub fn draft_of(document: &str) -> Result<Application, ServiceError> {
    let state = draft::decode(document).map_err(|error| ServiceError::Message { detail: error.message(Lang::En) })?;
    state
        .drafts
        .into_iter()
        .next()
        .map(Rc::unwrap_or_clone)
        .ok_or(ServiceError::Message { detail: "no draft".to_owned() })
}

/// The files of a request: their bytes, in the order the header names them, and, where the
/// worker computed it with the browser's own SHA-256, each one's digest (else empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Buffers {
    pub bytes: Vec<Vec<u8>>,
    pub sha256: Vec<String>,
}

impl From<Vec<Vec<u8>>> for Buffers {
    fn from(bytes: Vec<Vec<u8>>) -> Self {
        Buffers { bytes, sha256: Vec::new() }
    }
}

/// Reads an export or print request with its files, and hands `work` what it needs.
fn with_export<T>(
    header: &str,
    catalog: &Catalog,
    buffers: impl Into<Buffers>,
    work: impl FnOnce(Export<'_>, &ExportRequest) -> Result<T, PacketError>,
) -> Result<T, ServiceError> {
    let Buffers { bytes: buffers, sha256 } = buffers.into();
    let request = ExportRequest::read(header)?;
    if request.files.len() != buffers.len() {
        return Err(ServiceError::Message {
            detail: format!("{} files, {} buffers", request.files.len(), buffers.len()),
        });
    }
    let digests: BTreeMap<String, String> =
        request.files.iter().cloned().zip(sha256).filter(|(_, digest)| digest.len() == 64).collect();
    let files: BTreeMap<String, Vec<u8>> = request.files.iter().cloned().zip(buffers).collect();
    let state =
        draft::decode(&request.document).map_err(|error| ServiceError::Message { detail: error.message(Lang::En) })?;
    let application =
        state.draft(&request.draft).ok_or(ServiceError::Message { detail: "no such draft".to_owned() })?;
    let export = Export {
        catalog,
        application,
        files: &files,
        today: request.today,
        created_ms: request.created_ms,
        lang: request.lang,
        app_version: &request.app_version,
        sha256: Some(&digests),
    };
    work(export, &request).map_err(ServiceError::Packet)
}

/// Does an export request.
pub fn do_export(
    header: &str,
    catalog: &Catalog,
    buffers: impl Into<Buffers>,
) -> Result<(Exported, Vec<u8>), ServiceError> {
    with_export(header, catalog, buffers, |export, _| {
        let Packet { file_name, bytes, fingerprint } = super::export::export(export)?;
        Ok((Exported { file_name, fingerprint }, bytes))
    })
}

/// Does a print request: the document to print.
pub fn do_print(header: &str, catalog: &Catalog, buffers: impl Into<Buffers>) -> Result<String, ServiceError> {
    with_export(header, catalog, buffers, |export, request| {
        let only = (!request.only.is_empty()).then(|| crate::catalog::ItemId::new(&request.only));
        super::print::print(export, only.as_ref())
    })
}

/// Does an open request.
pub fn do_open(header: &str, catalog: &Catalog, packet: &[u8]) -> Result<(Reopened, Vec<Vec<u8>>), ServiceError> {
    let request = OpenRequest::read(header)?;
    let opened = open(packet, catalog, request.id, request.now_ms).map_err(ServiceError::Packet)?;
    let same_catalog = opened.document.catalog.digest == sha256_hex(&compact::encode(catalog));
    let (files, buffers): (Vec<String>, Vec<Vec<u8>>) = opened.files.into_iter().unzip();
    let reply = Reopened {
        fingerprint: opened.fingerprint,
        document: document_of(&Rc::new(opened.application)),
        files,
        same_catalog,
        catalog_version: opened.document.catalog.version,
    };
    Ok((reply, buffers))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::BundleId;
    use crate::fixture::{restaurant_catalog, RESTAURANT};

    #[test]
    fn a_draft_goes_out_as_a_packet_and_comes_back_through_the_messages() {
        let catalog = restaurant_catalog();
        let mut draft = Application::new(DraftId::new("d1"), BundleId::new(RESTAURANT), &catalog.version, 1);
        draft.answers.insert(crate::catalog::FieldId::new("applicant.name"), "张三".to_owned());
        let request = ExportRequest {
            document: document_of(&Rc::new(draft)),
            draft: DraftId::new("d1"),
            files: Vec::new(),
            today: Date::from_ymd(2026, 12, 2).expect("a day"),
            created_ms: 1_796_200_200_000,
            lang: Lang::Zh,
            app_version: "test".to_owned(),
            only: String::new(),
        };
        assert_eq!(ExportRequest::read(&request.header()).expect("reads"), request);
        let (exported, bytes) = do_export(&request.header(), &catalog, Vec::new()).expect("exports");
        assert_eq!(Exported::read(&exported.header()).expect("reads"), exported);
        let printed = do_print(&request.header(), &catalog, Vec::new()).expect("prints");
        assert!(printed.contains(&exported.fingerprint) && printed.contains("packet.css"));
        assert!(exported.file_name.ends_with(".zip"));
        let opened = OpenRequest { id: DraftId::new("d2"), now_ms: 5 }.header();
        let (reply, buffers) = do_open(&opened, &catalog, &bytes).expect("opens");
        assert_eq!(reply.fingerprint, exported.fingerprint);
        assert!(reply.same_catalog);
        assert!(buffers.is_empty());
        let back = draft_of(&reply.document).expect("a draft");
        assert_eq!((back.id.as_str(), back.answer(&crate::catalog::FieldId::new("applicant.name"))), ("d2", "张三"));
        // A reply's header reads back as the same reply.
        assert_eq!(Reopened::read(&reply.header()).expect("reads"), reply);
    }

    #[test]
    fn a_message_this_version_does_not_send_is_refused_in_words() {
        let catalog = restaurant_catalog();
        let refused = do_export("d1\n2026-12-02", &catalog, Vec::new()).expect_err("refused");
        assert!(matches!(refused, ServiceError::Message { .. }));
        assert!(refused.message(Lang::Zh).contains("无法识别的请求"));
        let request = OpenRequest { id: DraftId::new("d"), now_ms: 0 };
        let refused = do_open(&request.header(), &catalog, b"not a zip").expect_err("refused");
        assert!(matches!(refused, ServiceError::Packet(PacketError::Unzip(_))), "{refused:?}");
        assert_eq!(catalog_of(Some("garbage"), restaurant_catalog).expect_err("refused"), ServiceError::Catalog);
    }
}
