//! The catalog model (事项目录): fields, materials, items and bundles as a bureau describes them.
//!
//! Ids are stable strings: the same field id in two items is the same question, and the same
//! material id is the same document, which is what lets the plan merge them.

pub mod bureau;
pub mod compact;
pub mod cond_check;
pub mod diagnostic;
mod field;
#[cfg(not(target_arch = "wasm32"))]
mod folder;
pub mod pieces;
untrusted_input! {
    mod load;
}

pub use diagnostic::{Diagnostic, Problem, Severity};
pub use field::{Bound, Condition, Constraints, CrossCheck, Derivation, Derived, Field, FieldOption, Pattern};
#[cfg(not(target_arch = "wasm32"))]
pub use folder::{read_folder, read_folder_bytes};
pub use load::{
    decode_source, decode_sources, encode_sources, has_errors, load, load_with, read_files, Checking, NotText, Source,
    MAX_PROBLEMS_PER_FILE,
};

use crate::sorted_map::SortedMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::calendar::HolidayCalendar;
pub use crate::field_kind::FieldKind;
pub use crate::ids::{BundleId, FieldId, ItemId, MaterialId};
use crate::text::{Lang, Text};

/// A file type a bureau accepts for an electronic material.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileType {
    Pdf,
    Jpeg,
    Png,
}

impl FileType {
    /// Its name as people know it: "PDF", "JPEG", "PNG".
    pub fn name(self) -> &'static str {
        match self {
            FileType::Pdf => "PDF",
            FileType::Jpeg => "JPEG",
            FileType::Png => "PNG",
        }
    }
}

/// A document an applicant provides (申请材料).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    pub id: MaterialId,
    pub name: Text,
    pub description: Text,
    /// A plain-language explanation for elderly users.
    pub plain: Option<Text>,
    /// Accepted on paper (纸质).
    pub paper: bool,
    /// Accepted as a file (电子).
    pub electronic: bool,
    /// File types accepted for the electronic form.
    pub file_types: Vec<FileType>,
    /// The largest file accepted, in kilobytes.
    pub max_size_kb: u32,
    /// A portrait photo (照片) rather than a document: its file is not held to a scan's
    /// resolution, since a digital ID photo is small by design.
    pub photo: bool,
}

/// Whether a waived material stops the bureau at acceptance or lets it process the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaiverMode {
    /// 容缺受理: accepted now, processed once the material arrives (the stricter mode).
    Accept,
    /// 容缺办理: accepted and processed; the material follows by the deadline.
    Process,
}

/// Acceptance with a gap (容缺): the material may follow later against a signed commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiver {
    pub mode: WaiverMode,
    /// Working days to supply the material.
    pub days: u16,
    /// The wording of the commitment the applicant signs.
    pub commitment: Text,
}

/// The alternatives an item allows for one of its materials (办理方式).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialRules {
    /// A key material (主要材料): never waivable.
    pub key: bool,
    pub waiver: Option<Waiver>,
    /// Notification and commitment (告知承诺): a signed letter with this wording replaces it.
    pub commitment_letter: Option<Text>,
    /// No paper (免提交): the bureau retrieves this certificate type itself with consent.
    pub e_certificate: Option<Text>,
}

/// How many of a material one item asks for, when, and what it allows instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialNeed {
    pub material: MaterialId,
    /// Originals to show or hand in (原件).
    pub originals: u8,
    /// Photocopies to hand in (复印件).
    pub copies: u8,
    /// When this item needs it; `None` for always.
    pub condition: Option<Condition>,
    pub rules: MaterialRules,
}

/// A field as one departmental form asks it, with that form's own label where it differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemField {
    pub field: FieldId,
    pub form_label: Option<Rc<Text>>,
}

impl ItemField {
    pub fn new(field: FieldId) -> Self {
        ItemField { field, form_label: None }
    }
}

/// One department's administrative service item (事项), with its own form and materials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: ItemId,
    pub name: Text,
    pub department: Text,
    /// The legal time limit in working days (法定时限).
    pub legal_days: u16,
    /// The promised time limit in working days (承诺时限).
    pub promised_days: u16,
    /// The fields of this item's own form, in that form's order.
    pub fields: Vec<ItemField>,
    pub materials: Vec<MaterialNeed>,
}

/// Whom a bundle serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 企业 (businesses)
    Enterprise,
    /// 个人 (citizens)
    Personal,
}

/// A life or business event served as one application (一件事).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub id: BundleId,
    pub name: Text,
    pub summary: Text,
    pub category: Category,
    /// The name in pinyin, a syllable per character, without tones (`qi ye kai ban`), for search
    /// by pinyin and by initials.
    #[serde(default)]
    pub pinyin: Vec<String>,
    /// The situation questions (情形), in the order they are asked; each is a yes/no or one-of
    /// field whose answer the conditions read.
    pub questions: Vec<FieldId>,
    /// The items, in the order they are handled, each with when it applies.
    pub items: Vec<BundleItem>,
    pub waiver_policy: WaiverPolicy,
    /// The answer that names who applies (申请人), for the drafts list and the packet's cover:
    /// the mother for a birth, the employer for a hire. `None`: the first person's name the
    /// bundle asks, in the order of the sections.
    pub applicant: Option<FieldId>,
    /// Everyday words and synonyms the home page's search also finds the bundle by (搜索词:
    /// 餐厅, 饭店 for 开办餐饮店).
    pub search_words: Vec<String>,
    /// The checks across answers this bundle makes (一致性校验), beside those of its fields.
    pub checks: Vec<BundleCheck>,
}

/// A check across answers made by one bundle (一致性校验): a rule that must hold once every
/// answer it reads is given, such as "the agent is not the person they act for". When it does
/// not, the verdict names every answer it read and links to `field`, the one to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleCheck {
    pub field: FieldId,
    pub check: CrossCheck,
}

/// An item of a bundle and when it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleItem {
    pub item: ItemId,
    /// `None` for always.
    pub condition: Option<Condition>,
}

/// How far a bundle allows acceptance with gaps (容缺).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaiverPolicy {
    /// The most materials that may be waived at once; `None` for no limit beyond the items' own.
    pub max_waived: Option<u8>,
}

/// A part of the combined form (表单分区), such as the applicant or the enterprise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The prefix of the field ids it holds (`applicant` for `applicant.name`).
    pub id: String,
    pub title: Text,
}

/// A whole catalog: what one bureau offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    /// A version string recorded in drafts and exports.
    pub version: String,
    /// The sections of the combined form, in the order they are shown.
    pub sections: Vec<Section>,
    /// Shared with every plan that shows them: a plan holds its fields and materials without
    /// copying their texts.
    pub fields: SortedMap<FieldId, Rc<Field>>,
    pub materials: SortedMap<MaterialId, Rc<Material>>,
    pub items: SortedMap<ItemId, Item>,
    pub bundles: Vec<Bundle>,
    pub calendar: HolidayCalendar,
    /// Each bundle's definition (定义指纹): the SHA-256 of its published piece, the bundle and
    /// everything it reads. A draft records it, so that a new catalog that leaves its bundle
    /// as it was changes nothing for it. Filled by the loader and as pieces are absorbed;
    /// empty for a catalog made by hand (then drafts compare the catalog's version).
    pub definitions: SortedMap<BundleId, String>,
}

impl Catalog {
    /// What the catalog holds, for the checker and the catalog page: "目录版本 2026.11-2：14 个一件事，…".
    pub fn summary(&self, lang: Lang) -> String {
        let (bundles, items, fields, materials) =
            (self.bundles.len(), self.items.len(), self.fields.len(), self.materials.len());
        match lang {
            Lang::Zh => format!(
                "目录版本 {}：{bundles} 个一件事，{items} 个事项，{fields} 个字段，{materials} 种材料",
                self.version
            ),
            Lang::En => format!(
                "Catalog version {}: {bundles} bundles, {items} items, {fields} fields, {materials} materials",
                self.version
            ),
        }
    }

    pub fn bundle(&self, id: &BundleId) -> Option<&Bundle> {
        self.bundles.iter().find(|bundle| &bundle.id == id)
    }

    pub fn field(&self, id: &FieldId) -> Option<&Rc<Field>> {
        self.fields.get(id)
    }
}
