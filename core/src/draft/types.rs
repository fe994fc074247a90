//! The draft's records in JSON (`codec`): the state, each application and what it holds.

use super::codec::{member, misfit, object, optional, required, FromJson, Misfit, ToJson};
use crate::attachment::{Attachment, Checksums, Shape};
use crate::catalog_change::Snapshot;
use crate::helper::{Helper, HelperRole};
use crate::journey::{Page, Walk};
use crate::json::{Value, Writer};
use crate::provision::Provision;
use crate::session::{Application, Changed, State};

impl ToJson for State {
    fn to_json(&self, out: &mut Writer) {
        out.begin_object();
        member(out, "lang", &self.lang);
        if self.elder != 0 {
            out.key("elder");
            out.number(u64::from(self.elder));
        }
        member(out, "page", &self.page);
        member(out, "drafts", &self.drafts);
        member(out, "open", &self.open);
        member(out, "failed_continues", &self.failed_continues);
        if !self.deleted.is_empty() {
            member(out, "deleted", &self.deleted);
        }
        if let Some(helper) = &self.helper {
            member(out, "helper", helper);
        }
        out.end_object();
    }
}

impl ToJson for Application {
    fn to_json(&self, out: &mut Writer) {
        out.begin_object();
        member(out, "id", &self.id);
        member(out, "bundle", &self.bundle);
        member(out, "catalog_version", &self.catalog_version);
        if !self.definition.is_empty() {
            member(out, "definition", &self.definition);
        }
        member(out, "created_ms", &self.created_ms);
        member(out, "updated_ms", &self.updated_ms);
        member(out, "page", &self.page);
        member(out, "answers", &self.answers);
        member(out, "visited", &self.visited);
        member(out, "show_all_errors", &self.show_all_errors);
        member(out, "provisions", &self.provisions);
        member(out, "attachments", &self.attachments);
        member(out, "set_aside", &self.set_aside);
        member(out, "walk", &self.walk);
        member(out, "seen", &self.seen);
        if !self.changed.is_empty() {
            member(out, "changed", &self.changed);
        }
        if let Some(helper) = &self.helper {
            member(out, "helper", helper);
        }
        out.end_object();
    }
}

impl FromJson for Application {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        let value = object(value)?;
        Ok(Application {
            id: required(value, "id")?,
            bundle: required(value, "bundle")?,
            catalog_version: required(value, "catalog_version")?,
            definition: optional(value, "definition")?,
            created_ms: optional(value, "created_ms")?,
            updated_ms: optional(value, "updated_ms")?,
            page: value.get("page").map_or(Ok(Page::Tasks), Page::from_json)?,
            answers: required(value, "answers")?,
            visited: optional(value, "visited")?,
            show_all_errors: optional(value, "show_all_errors")?,
            provisions: optional(value, "provisions")?,
            attachments: optional(value, "attachments")?,
            set_aside: optional(value, "set_aside")?,
            walk: optional(value, "walk")?,
            seen: optional(value, "seen")?,
            changed: optional(value, "changed")?,
            helper: optional(value, "helper")?,
        })
    }
}

impl ToJson for Changed {
    fn to_json(&self, out: &mut Writer) {
        out.begin_object();
        if !self.answers.is_empty() {
            member(out, "answers", &self.answers);
        }
        if !self.materials.is_empty() {
            member(out, "materials", &self.materials);
        }
        if self.catalog != 0 {
            member(out, "catalog", &self.catalog);
        }
        out.end_object();
    }
}

impl FromJson for Changed {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        let value = object(value)?;
        Ok(Changed {
            answers: optional(value, "answers")?,
            materials: optional(value, "materials")?,
            catalog: optional(value, "catalog")?,
        })
    }
}

/// How a material is provided: an object whose `how` names the way.
impl ToJson for Provision {
    fn to_json(&self, out: &mut Writer) {
        out.begin_object();
        out.key("how");
        match self {
            Provision::Attached { files } => {
                out.string("attached");
                member(out, "files", files);
            }
            Provision::Original => out.string("original"),
            Provision::ECertificate => out.string("e_certificate"),
            Provision::CommitmentLetter => out.string("commitment_letter"),
            Provision::Waived => out.string("waived"),
        }
        out.end_object();
    }
}

impl FromJson for Provision {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        let how = value.get("how").ok_or(misfit(value))?;
        Ok(match how.as_str() {
            Some("attached") => Provision::Attached { files: required(value, "files")? },
            Some("original") => Provision::Original,
            Some("e_certificate") => Provision::ECertificate,
            Some("commitment_letter") => Provision::CommitmentLetter,
            Some("waived") => Provision::Waived,
            _ => return Err(misfit(how)),
        })
    }
}

impl ToJson for Attachment {
    fn to_json(&self, out: &mut Writer) {
        out.begin_object();
        member(out, "id", &self.id);
        member(out, "name", &self.name);
        member(out, "file_type", &self.file_type);
        member(out, "size", &self.size);
        member(out, "shape", &self.shape);
        member(out, "added_ms", &self.added_ms);
        if let Some(thumbnail) = &self.thumbnail {
            member(out, "thumbnail", thumbnail);
        }
        if let Some(checksums) = &self.checksums {
            member(out, "checksums", checksums);
        }
        out.end_object();
    }
}

impl FromJson for Attachment {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        let value = object(value)?;
        Ok(Attachment {
            id: required(value, "id")?,
            name: required(value, "name")?,
            file_type: required(value, "file_type")?,
            size: required(value, "size")?,
            shape: required(value, "shape")?,
            added_ms: required(value, "added_ms")?,
            thumbnail: optional(value, "thumbnail")?,
            checksums: optional(value, "checksums")?,
        })
    }
}

/// One word, `crc32:sm3` (`Checksums::word`).
impl ToJson for Checksums {
    fn to_json(&self, out: &mut Writer) {
        out.string(&self.word());
    }
}

impl FromJson for Checksums {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        value.as_str().and_then(Checksums::read).ok_or(misfit(value))
    }
}

/// `{"pdf":{"pages":n}}` or `{"image":{"width":w,"height":h}}`.
impl ToJson for Shape {
    fn to_json(&self, out: &mut Writer) {
        out.begin_object();
        match self {
            Shape::Pdf { pages } => {
                out.key("pdf");
                out.begin_object();
                member(out, "pages", pages);
            }
            Shape::Image { width, height } => {
                out.key("image");
                out.begin_object();
                member(out, "width", width);
                member(out, "height", height);
            }
        }
        out.end_object();
        out.end_object();
    }
}

impl FromJson for Shape {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        match value.members() {
            Some([(tag, inner)]) if tag == "pdf" => Ok(Shape::Pdf { pages: optional(object(inner)?, "pages")? }),
            Some([(tag, inner)]) if tag == "image" => {
                Ok(Shape::Image { width: required(object(inner)?, "width")?, height: required(inner, "height")? })
            }
            _ => Err(misfit(value)),
        }
    }
}

impl ToJson for Walk {
    fn to_json(&self, out: &mut Writer) {
        out.begin_object();
        member(out, "questions_before", &self.questions_before);
        member(out, "fields_before", &self.fields_before);
        member(out, "materials_before", &self.materials_before);
        member(out, "shown", &self.shown);
        out.end_object();
    }
}

impl FromJson for Walk {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        let value = object(value)?;
        Ok(Walk {
            questions_before: required(value, "questions_before")?,
            fields_before: required(value, "fields_before")?,
            materials_before: required(value, "materials_before")?,
            shown: optional(value, "shown")?,
        })
    }
}

impl ToJson for Snapshot {
    fn to_json(&self, out: &mut Writer) {
        out.begin_object();
        member(out, "catalog_version", &self.catalog_version);
        member(out, "items", &self.items);
        member(out, "fields", &self.fields);
        member(out, "materials", &self.materials);
        if self.answered_only {
            member(out, "answered_only", &true);
        }
        out.end_object();
    }
}

impl FromJson for Snapshot {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        let value = object(value)?;
        Ok(Snapshot {
            catalog_version: required(value, "catalog_version")?,
            items: required(value, "items")?,
            fields: required(value, "fields")?,
            materials: required(value, "materials")?,
            answered_only: optional(value, "answered_only")?,
        })
    }
}

/// `{"name":…,"role":"staff"|"community"|"relative","agent":bool}`.
impl ToJson for Helper {
    fn to_json(&self, out: &mut Writer) {
        out.begin_object();
        member(out, "name", &self.name);
        member(out, "role", self.role.word());
        member(out, "agent", &self.agent);
        if !self.id_number.is_empty() {
            member(out, "id_number", &self.id_number);
        }
        if !self.mobile.is_empty() {
            member(out, "mobile", &self.mobile);
        }
        out.end_object();
    }
}

impl FromJson for Helper {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        let value = object(value)?;
        let role = value.get("role").ok_or(misfit(value))?;
        Ok(Helper {
            name: required(value, "name")?,
            role: role.as_str().and_then(HelperRole::from_word).ok_or(misfit(role))?,
            agent: optional(value, "agent")?,
            id_number: optional(value, "id_number")?,
            mobile: optional(value, "mobile")?,
        })
    }
}
