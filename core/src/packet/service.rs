//! The packet's work as requests and replies, for the Web Worker that does it away from the
//! page (a WebAssembly module of its own, loaded on first use, so that the first load does not
//! grow and the page never waits while megabytes are hashed and packed).
//!
//! A message is a small header and, beside it, the catalog's compact form (or none for the one
//! built in) and what it is about: for an export, the stored attachments as `Blob`s. The
//! worker digests them a chunk at a time (sharing them with a helper worker where the device
//! has the cores), lays the packet out from their digests alone, and makes the packet a `Blob`
//! of its own bytes and the stored files in their places, so no attachment is copied whole
//! into a module or into the page. The shell only moves what it is given; what it means is
//! decided here. A header is lines of text, its last field (a draft document) to
//! the end: both halves are of one build, and reading JSON here would cost the page's first
//! load the deserialisers of four more types.

use crate::sorted_map::SortedMap;
use std::rc::Rc;

use super::digest::FileDigest;
use super::export::{Export, LaidOut, PacketError};
use super::open::open;
use super::zip::Layout;
use crate::catalog::pieces::{piece_digest, Published};
use crate::catalog::Catalog;
use crate::date::Date;
use crate::draft;
use crate::session::{Application, DraftId, State};
use crate::text::{zh_en, Lang};

/// Make the packet of the draft `draft` of `document` (a draft document, `draft::encode`: the
/// page has that code already, so sending a draft costs its first load nothing); its stored
/// attachments follow the header as `Blob`s, in the order of `files` (their ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub document: String,
    pub draft: DraftId,
    pub files: Vec<String>,
    pub today: Date,
    pub created_ms: u64,
    pub lang: Lang,
    pub app_version: String,
    /// What to do next and where, for the cover sheet (`Kiosk::next_step`); empty for none.
    pub next_step: String,
    /// For a print: the item whose form alone prints (empty: the whole packet).
    pub only: String,
}

/// Open the packet whose bytes follow the header, as a draft named `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenRequest {
    pub id: DraftId,
    pub now_ms: u64,
}

/// A packet made: the packet (a `Blob`) follows the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub file_name: String,
    pub fingerprint: String,
}

/// The digests of the files that followed a digest request (between the packet worker and
/// the helper it shares the digesting with), in their order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digested {
    pub files: Vec<FileDigest>,
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
    /// Occurs when an attachment kept on this device cannot be read while the packet is made
    /// (the browser cleared it, or it is no longer the file it was).
    FileUnreadable,
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
            ServiceError::FileUnreadable => lang
                .pick(
                    "本设备上保存的一个附件无法读取（可能已被浏览器清除）：请在材料页重新添加这个文件，然后再导出",
                    "a file kept on this device cannot be read (the browser may have cleared it): attach it again on the materials page, then export again",
                )
                .to_owned(),
        }
    }
}

crate::text::bilingual_error!(ServiceError);

/// The catalog a request sends along: the page's index and the pieces it has loaded
/// (`Published::encode_text`), each checked again here against the index.
pub fn catalog_of(sent: Option<&str>) -> Result<Catalog, ServiceError> {
    let published = sent.and_then(Published::decode_text).ok_or(ServiceError::Catalog)?;
    published.catalog().map(|(_, catalog)| catalog).map_err(|_| ServiceError::Catalog)
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
            "{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
            line(&self.only),
            line(self.draft.as_str()),
            self.today,
            self.created_ms,
            self.lang.tag(),
            line(&self.app_version),
            line(&self.next_step),
            line(&self.files.join(" ")),
            self.document
        )
    }

    pub fn read(header: &str) -> Result<ExportRequest, ServiceError> {
        let [only, draft, today, created_ms, lang, app_version, next_step, files, document] = fields(header, 9)?[..]
        else {
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
            next_step: next_step.to_owned(),
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

fn digest_words(text: &str) -> Result<Vec<FileDigest>, ServiceError> {
    ids(text)
        .iter()
        .map(|word| FileDigest::read(word).ok_or(ServiceError::Message { detail: format!("not a digest: {word}") }))
        .collect()
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

impl Digested {
    pub fn header(&self) -> String {
        self.files.iter().map(FileDigest::word).collect::<Vec<_>>().join(" ")
    }

    pub fn read(header: &str) -> Result<Digested, ServiceError> {
        Ok(Digested { files: digest_words(header)? })
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

impl ExportRequest {
    /// The draft the request names, read from its document.
    pub fn application(&self) -> Result<Application, ServiceError> {
        let state =
            draft::decode(&self.document).map_err(|error| ServiceError::Message { detail: error.message(Lang::En) })?;
        state.draft(&self.draft).cloned().ok_or(ServiceError::Message { detail: "no such draft".to_owned() })
    }

    /// What `application` already knows of each of the request's files (in the order of
    /// `files`): the digests recorded when it was attached, `None` where they are to be
    /// computed.
    pub fn known_digests(&self, application: &Application) -> Vec<Option<FileDigest>> {
        self.files.iter().map(|id| application.attachments.get(id).and_then(FileDigest::known)).collect()
    }
}

/// Hands `work` what an export or print `request` of `application` needs, with its files'
/// `digests` (in the order of `request.files`).
fn with_export<T>(
    request: &ExportRequest,
    application: &Application,
    catalog: &Catalog,
    digests: Vec<FileDigest>,
    work: impl FnOnce(Export<'_>) -> Result<T, PacketError>,
) -> Result<T, ServiceError> {
    if digests.len() != request.files.len() {
        return Err(ServiceError::Message {
            detail: format!("{} files, {} digests", request.files.len(), digests.len()),
        });
    }
    let files: SortedMap<String, FileDigest> = request.files.iter().cloned().zip(digests).collect();
    let export = Export {
        catalog,
        application,
        files: &files,
        today: request.today,
        created_ms: request.created_ms,
        lang: request.lang,
        app_version: &request.app_version,
        next_step: &request.next_step,
    };
    work(export).map_err(ServiceError::Packet)
}

/// Does an export request for `application` (its draft) whose files have `digests`: the
/// packet laid out, its attachments (by id) outside, for the worker to put in their places
/// from the stored files.
pub fn do_export(
    request: &ExportRequest,
    application: &Application,
    catalog: &Catalog,
    digests: Vec<FileDigest>,
) -> Result<(Exported, Layout<String>), ServiceError> {
    with_export(request, application, catalog, digests, |export| {
        let LaidOut { file_name, fingerprint, layout } = super::export::lay_out(export)?;
        Ok((Exported { file_name, fingerprint }, layout))
    })
}

/// Does a print request for `application` whose files have `digests`: the document to print.
pub fn do_print(
    request: &ExportRequest,
    application: &Application,
    catalog: &Catalog,
    digests: Vec<FileDigest>,
) -> Result<String, ServiceError> {
    with_export(request, application, catalog, digests, |export| {
        let only = (!request.only.is_empty()).then(|| crate::catalog::ItemId::new(&request.only));
        super::print::print(export, only.as_ref())
    })
}

/// The answer to a checksums request (a file being attached, its id in the header): the
/// checksums of its `digest` as one word, if they are the digests of that very file.
pub fn checksums_reply(id: &str, size: u64, digest: &FileDigest) -> Result<String, ServiceError> {
    if digest.sha256 != id || digest.size != size {
        return Err(ServiceError::FileUnreadable);
    }
    Ok(digest.checksums().word())
}

/// Does an open request.
pub fn do_open(header: &str, catalog: &Catalog, packet: &[u8]) -> Result<(Reopened, Vec<Vec<u8>>), ServiceError> {
    let request = OpenRequest::read(header)?;
    let opened = open(packet, catalog, request.id, request.now_ms).map_err(ServiceError::Packet)?;
    let same_catalog =
        piece_digest(catalog, &opened.application.bundle).as_ref() == Some(&opened.document.catalog.digest);
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
#[path = "service_tests.rs"]
mod tests;
