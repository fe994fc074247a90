//! The identifiers of the catalog (编号): stable strings naming fields, materials, items and
//! bundles. The same field id in two items is the same question, and the same material id the
//! same document, which is what lets the plan merge them. A module of their own, at the bottom
//! of the core, so that the condition language and the validators name fields without
//! depending on the catalog. Each holds its text shared (`Rc<str>`): a plan names the same ids
//! many times over, and copying one is a count, not an allocation.

use std::fmt;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Rc<str>);

        impl $name {
            pub fn new(id: impl AsRef<str>) -> Self {
                $name(Rc::from(id.as_ref()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A field id such as `applicant.id_number` (字段编号); the part before the dot is its section.
    FieldId
);
id_type!(
    /// A material id (材料编号), shared by every item that needs the same document.
    MaterialId
);
id_type!(
    /// A service item id (事项编号).
    ItemId
);
id_type!(
    /// A bundle id (一件事编号).
    BundleId
);

impl FieldId {
    /// The section of the combined form the field belongs to: the id's first part
    /// (`applicant` of `applicant.id_number`).
    pub fn section(&self) -> &str {
        self.as_str().split('.').next().unwrap_or_default()
    }
}
