//! The verdict of the pre-check (智能预审): given the plan, the answers and how each material
//! is provided, whether the application is ready, ready with commitments (容缺 and 告知承诺),
//! or not ready, with every reason pointing at the field or material to fix.

use std::fmt;

use crate::calendar::CalendarError;
use crate::catalog::{Catalog, FieldId, MaterialId, WaiverMode};
use crate::date::Date;
use crate::plan::{field_errors, Answers, PendingKind, Plan};
use crate::text::{zh_en, Lang};
use crate::validate::FieldError;

pub use crate::provision::{allowed_provisions, Provision, Provisions};

/// A material waived until a due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaivedMaterial {
    pub material: MaterialId,
    pub mode: WaiverMode,
    /// The last working day to supply it.
    pub due: Date,
}

/// Why an application is not ready. Each points at what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Blocker {
    /// Occurs when a situation question, or one that decides what is needed, is unanswered.
    UnansweredQuestion(FieldId),
    /// Occurs when an answer on the form is missing or invalid.
    FieldError { field: FieldId, error: FieldError },
    /// Occurs when a needed material is not provided in any way.
    MissingMaterial(MaterialId),
    /// Occurs when a key material (主要材料) is to follow later, which no bureau accepts.
    KeyMaterialWaived(MaterialId),
    /// Occurs when a material is to follow later but an item needing it allows no waiver.
    NotWaivable(MaterialId),
    /// Occurs when a commitment letter is chosen for a material that needs the real proof.
    NoCommitmentLetter(MaterialId),
    /// Occurs when e-certificate retrieval is chosen for a material the bureau cannot retrieve.
    NoECertificate(MaterialId),
    /// Occurs when "attached" holds no file.
    NoFileAttached(MaterialId),
    /// Occurs when a file is attached for a material accepted on paper only.
    PaperOnly(MaterialId),
    /// Occurs when a material accepted only as a file is to be brought to the window.
    ElectronicOnly(MaterialId),
    /// Occurs when more materials are waived than the bundle allows.
    TooManyWaived { max: u8, waived: Vec<MaterialId> },
    /// Occurs when the due date of a waiver cannot be computed (a year the calendar lacks).
    DueDateUnknown { material: MaterialId, error: CalendarError },
}

/// What a reason points at, for the app's links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Field(FieldId),
    Material(MaterialId),
}

impl Blocker {
    pub fn target(&self) -> Target {
        match self {
            Blocker::UnansweredQuestion(field) | Blocker::FieldError { field, .. } => Target::Field(field.clone()),
            Blocker::MissingMaterial(material)
            | Blocker::KeyMaterialWaived(material)
            | Blocker::NotWaivable(material)
            | Blocker::NoCommitmentLetter(material)
            | Blocker::NoECertificate(material)
            | Blocker::NoFileAttached(material)
            | Blocker::PaperOnly(material)
            | Blocker::ElectronicOnly(material)
            | Blocker::DueDateUnknown { material, .. } => Target::Material(material.clone()),
            Blocker::TooManyWaived { waived, .. } => {
                Target::Material(waived.last().cloned().unwrap_or_else(|| MaterialId::new("")))
            }
        }
    }

    /// The reason in plain words, naming the field or material as the catalog does.
    pub fn message(&self, catalog: &Catalog, lang: Lang) -> String {
        let field_name = |id: &FieldId| catalog.field(id).map_or(id.as_str(), |field| field.label.get(lang)).to_owned();
        let material_name = |id: &MaterialId| {
            catalog.materials.get(id).map_or(id.as_str(), |material| material.name.get(lang)).to_owned()
        };
        match self {
            Blocker::UnansweredQuestion(field) => {
                zh_en!(lang, format!("请先回答：{}", field_name(field)), format!("Answer first: {}", field_name(field)))
            }
            Blocker::FieldError { field, error } => match catalog.field(field) {
                Some(definition) => error.message(definition, lang),
                None => error.to_string(),
            },
            Blocker::MissingMaterial(id) => zh_en!(
                lang,
                format!("还缺少{}，请选择提交方式", material_name(id)),
                format!("{} is missing: choose how to provide it", material_name(id))
            ),
            Blocker::KeyMaterialWaived(id) => zh_en!(
                lang,
                format!("{}是主要材料，不能容缺后补，请现在提供", material_name(id)),
                format!("{} is a key material and cannot follow later: provide it now", material_name(id))
            ),
            Blocker::NotWaivable(id) => zh_en!(
                lang,
                format!("{}不能容缺后补，请现在提供", material_name(id)),
                format!("{} cannot follow later: provide it now", material_name(id))
            ),
            Blocker::NoCommitmentLetter(id) => zh_en!(
                lang,
                format!("{}不能用承诺书代替", material_name(id)),
                format!("{} cannot be replaced by a commitment letter", material_name(id))
            ),
            Blocker::NoECertificate(id) => zh_en!(
                lang,
                format!("{}不能由窗口调取电子证照，请自行提供", material_name(id)),
                format!("The bureau cannot retrieve {} itself: provide it", material_name(id))
            ),
            Blocker::NoFileAttached(id) => zh_en!(
                lang,
                format!("{}还没有附上文件", material_name(id)),
                format!("No file is attached for {}", material_name(id))
            ),
            Blocker::PaperOnly(id) => zh_en!(
                lang,
                format!("{}只收纸质原件，不能附电子文件，请带到窗口", material_name(id)),
                format!("{} is accepted on paper only, not as a file: bring it to the window", material_name(id))
            ),
            Blocker::ElectronicOnly(id) => zh_en!(
                lang,
                format!("{}只收电子文件，请附上", material_name(id)),
                format!("{} is accepted as a file only: attach it", material_name(id))
            ),
            Blocker::TooManyWaived { max, waived } => zh_en!(
                lang,
                format!("最多只能容缺 {max} 项材料，您选择了 {} 项，请现在提供其中一些", waived.len()),
                format!(
                    "At most {max} materials may follow later; you chose {}. Provide some of them now",
                    waived.len()
                )
            ),
            Blocker::DueDateUnknown { material, error } => {
                format!("{}: {}", material_name(material), error.message(lang))
            }
        }
    }
}

/// The outcome of the pre-check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// 可以提交: complete.
    Ready,
    /// 可以提交（附承诺）: complete but for materials that follow later and commitment letters.
    ReadyWithCommitments { waived: Vec<WaivedMaterial>, letters: Vec<MaterialId> },
    /// 暂不能提交: every blocker, in form then checklist order.
    NotReady { blockers: Vec<Blocker> },
}

impl Verdict {
    /// Ready is best, then ready with commitments, then not ready.
    pub fn rank(&self) -> u8 {
        match self {
            Verdict::NotReady { .. } => 0,
            Verdict::ReadyWithCommitments { .. } => 1,
            Verdict::Ready => 2,
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Ready => f.write_str("ready"),
            Verdict::ReadyWithCommitments { .. } => f.write_str("ready with commitments"),
            Verdict::NotReady { blockers } => write!(f, "not ready ({} blockers)", blockers.len()),
        }
    }
}

/// Pre-checks an application.
pub fn verdict(catalog: &Catalog, plan: &Plan, answers: &Answers, provisions: &Provisions, today: Date) -> Verdict {
    verdict_of(catalog, plan, &field_errors(catalog, plan, answers, today), provisions, today)
}

/// Pre-checks an application whose field errors (every one, in the order asked, as
/// [`field_errors`] gives them) are known already.
pub fn verdict_of(
    catalog: &Catalog,
    plan: &Plan,
    errors: &[(FieldId, FieldError)],
    provisions: &Provisions,
    today: Date,
) -> Verdict {
    let mut blockers = Vec::new();
    // An unanswered question is reported once, as a question; its field error would repeat it.
    let unanswered: Vec<&FieldId> =
        plan.questions.iter().filter(|question| !question.answered).map(|question| &question.field.id).collect();
    for field in &unanswered {
        blockers.push(Blocker::UnansweredQuestion((*field).clone()));
    }
    for pending in &plan.pending {
        for field in &pending.waiting_for {
            let blocker = Blocker::UnansweredQuestion(field.clone());
            if !blockers.contains(&blocker) {
                blockers.push(blocker);
            }
        }
        if pending.waiting_for.is_empty() {
            if let PendingKind::Field(field) = &pending.kind {
                blockers.push(Blocker::UnansweredQuestion(field.clone()));
            }
        }
    }
    for (field, error) in errors {
        if !unanswered.contains(&field) {
            blockers.push(Blocker::FieldError { field: field.clone(), error: error.clone() });
        }
    }

    let mut waived = Vec::new();
    let mut letters = Vec::new();
    for entry in &plan.checklist {
        let id = &entry.material.id;
        let rules = &entry.rules;
        match provisions.get(id) {
            None => blockers.push(Blocker::MissingMaterial(id.clone())),
            Some(Provision::Attached { .. }) if !entry.material.electronic => {
                blockers.push(Blocker::PaperOnly(id.clone()))
            }
            Some(Provision::Attached { files }) if files.is_empty() => {
                blockers.push(Blocker::NoFileAttached(id.clone()))
            }
            Some(Provision::Original) if !entry.material.paper => blockers.push(Blocker::ElectronicOnly(id.clone())),
            Some(Provision::Attached { .. }) | Some(Provision::Original) => {}
            Some(Provision::ECertificate) if rules.e_certificate.is_none() => {
                blockers.push(Blocker::NoECertificate(id.clone()))
            }
            Some(Provision::ECertificate) => {}
            Some(Provision::CommitmentLetter) if rules.commitment_letter.is_none() => {
                blockers.push(Blocker::NoCommitmentLetter(id.clone()))
            }
            Some(Provision::CommitmentLetter) => letters.push(id.clone()),
            Some(Provision::Waived) if rules.key => blockers.push(Blocker::KeyMaterialWaived(id.clone())),
            Some(Provision::Waived) => match &rules.waiver {
                None => blockers.push(Blocker::NotWaivable(id.clone())),
                Some(waiver) => match catalog.calendar.add_working_days(today, waiver.days) {
                    Ok(due) => waived.push(WaivedMaterial { material: id.clone(), mode: waiver.mode, due }),
                    Err(error) => blockers.push(Blocker::DueDateUnknown { material: id.clone(), error }),
                },
            },
        }
    }
    let policy = catalog.bundle(&plan.bundle).map(|bundle| bundle.waiver_policy).unwrap_or_default();
    if let Some(max) = policy.max_waived {
        if waived.len() > usize::from(max) {
            blockers.push(Blocker::TooManyWaived { max, waived: waived.iter().map(|w| w.material.clone()).collect() });
        }
    }

    if !blockers.is_empty() {
        Verdict::NotReady { blockers }
    } else if waived.is_empty() && letters.is_empty() {
        Verdict::Ready
    } else {
        Verdict::ReadyWithCommitments { waived, letters }
    }
}

#[cfg(test)]
use crate::catalog::MaterialRules;

#[cfg(test)]
#[path = "verdict_tests.rs"]
mod tests;
