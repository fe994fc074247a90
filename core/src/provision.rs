//! How the applicant provides each material (提交方式): part of the application's state, which
//! the verdict then judges. Attached files, the original at the window, the e-certificate the
//! bureau retrieves (免提交), a commitment letter in place of a proof (告知承诺), or later under
//! a signed commitment (容缺).

use crate::sorted_map::SortedMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{Material, MaterialId, MaterialRules};

/// How the applicant provides one material (提交方式).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "how", rename_all = "snake_case")]
pub enum Provision {
    /// Files attached to the application (by their attachment ids).
    Attached { files: Vec<String> },
    /// The original is brought to the window (带原件到窗口).
    Original,
    /// The applicant consents to the bureau retrieving the e-certificate (免提交).
    ECertificate,
    /// A signed commitment letter replaces it (告知承诺).
    CommitmentLetter,
    /// It follows later under a signed commitment (容缺).
    Waived,
}

impl Provision {
    /// Whether the choice settles the material: anything but "attach" without a file yet.
    pub fn is_complete(&self) -> bool {
        !matches!(self, Provision::Attached { files } if files.is_empty())
    }

    /// The files of an attached material; none for any other way.
    pub fn files(&self) -> &[String] {
        match self {
            Provision::Attached { files } => files,
            _ => &[],
        }
    }
}

/// The ways a material may be provided, in the order they are offered: attached as a file
/// where it is accepted electronically; at the window where it is accepted on paper; as an
/// e-certificate, by commitment letter, or later under a waiver where its rules say so (never
/// a key material later). The verdict refuses any other choice.
pub fn allowed_provisions(material: &Material, rules: &MaterialRules) -> Vec<Provision> {
    let mut allowed = Vec::new();
    if material.electronic {
        allowed.push(Provision::Attached { files: Vec::new() });
    }
    if material.paper {
        allowed.push(Provision::Original);
    }
    if rules.e_certificate.is_some() {
        allowed.push(Provision::ECertificate);
    }
    if rules.commitment_letter.is_some() {
        allowed.push(Provision::CommitmentLetter);
    }
    if rules.waiver.is_some() && !rules.key {
        allowed.push(Provision::Waived);
    }
    allowed
}

/// How each material is provided; a material not in the map is missing.
pub type Provisions = SortedMap<MaterialId, Provision>;
