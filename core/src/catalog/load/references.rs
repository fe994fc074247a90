//! The checks across files, once every file is read (交叉引用): every id referred to is
//! defined, conditions type-check and read only fields the bundle asks, nothing is defined
//! and never used.

use super::*;

impl<'s> Loader<'s> {
    /// Cross-file checks, once every file is read.
    pub(super) fn check_references(&mut self) {
        for (field, place) in std::mem::take(&mut self.field_references) {
            if !self.field_places.contains_key(&field) {
                self.report_at(
                    place,
                    Severity::Error,
                    Problem::UnknownReference { kind: "field", id: field.to_string() },
                );
            }
        }
        for (material, place) in std::mem::take(&mut self.material_references) {
            if !self.material_places.contains_key(&material) {
                let problem = Problem::UnknownReference { kind: "material", id: material.to_string() };
                self.report_at(place, Severity::Error, problem);
            }
        }
        for (item, place) in std::mem::take(&mut self.item_references) {
            if !self.item_places.contains_key(&item) {
                self.report_at(
                    place,
                    Severity::Error,
                    Problem::UnknownReference { kind: "item", id: item.to_string() },
                );
            }
        }
        for pending in std::mem::take(&mut self.conditions) {
            if pending.condition.source.is_empty() {
                // A situation question: it must be a yes/no or one-of field.
                if let cond::ExprKind::Field(field) = &pending.condition.expr.kind {
                    let is_choice =
                        self.catalog.field(field).map(|f| matches!(f.kind, FieldKind::YesNo | FieldKind::OneOf));
                    if is_choice == Some(false) {
                        self.report_at(
                            pending.place,
                            Severity::Error,
                            Problem::QuestionNotAChoice { field: field.to_string() },
                        );
                    }
                }
                continue;
            }
            let offset = pending.place.span.start.saturating_add(1);
            for error in super::cond_check::check(&pending.condition.expr, &self.catalog.fields) {
                let span = Span::new(offset.saturating_add(error.span.start), offset.saturating_add(error.span.end));
                let place = Place { file: pending.place.file, span };
                self.report_at(place, Severity::Error, Problem::Condition(ConditionError::Type(error)));
            }
        }
        let derived: Vec<(FieldId, FieldId)> = self
            .catalog
            .fields
            .values()
            .filter_map(|field| field.derived.as_ref().map(|derived| (field.id.clone(), derived.from.clone())))
            .collect();
        for (field, from) in derived {
            if self.catalog.field(&from).is_some_and(|source| source.kind != FieldKind::IdNumber) {
                let Some(&place) = self.field_places.get(&field) else { continue };
                self.report_at(
                    place,
                    Severity::Error,
                    Problem::DerivedFromNonId { field: field.to_string(), from: from.to_string() },
                );
            }
        }
        // The calendar must have no gaps between its first and last year.
        let years: Vec<u16> = self.catalog.calendar.years().map(|(year, _)| *year).collect();
        if let (Some(first), Some(last)) = (years.first(), years.last()) {
            for year in *first..=*last {
                if !years.contains(&year) {
                    let Some(&place) = self.calendar_places.get(last) else { continue };
                    self.report_at(place, Severity::Error, Problem::CalendarGap { year });
                }
            }
        }
        self.check_unused();
        self.check_conditions_read_asked_fields();
    }

    /// Every field a bundle's conditions read must be one the bundle asks: a situation question,
    /// a field of one of its items' forms, or a field derived from one of those.
    pub(super) fn check_conditions_read_asked_fields(&mut self) {
        let mut problems = Vec::new();
        let mut bad_applicants = Vec::new();
        for bundle in &self.catalog.bundles {
            let items: Vec<&Item> =
                bundle.items.iter().filter_map(|entry| self.catalog.items.get(&entry.item)).collect();
            let mut asked: SortedSet<&FieldId> = bundle.questions.iter().collect();
            asked.extend(items.iter().flat_map(|item| item.fields.iter().map(|field| &field.field)));
            let derived_from_asked = |id: &FieldId| {
                self.catalog.field(id).and_then(|field| field.derived.as_ref()).is_some_and(|d| asked.contains(&d.from))
            };
            // (what reads, its condition)
            let mut readers: Vec<(String, &Condition)> = Vec::new();
            for entry in &bundle.items {
                if let Some(condition) = &entry.condition {
                    readers.push((entry.item.to_string(), condition));
                }
            }
            for item in &items {
                for need in &item.materials {
                    if let Some(condition) = &need.condition {
                        readers.push((format!("{} / {}", item.id, need.material), condition));
                    }
                }
            }
            // Who applies is named by a name the bundle asks.
            if let Some(applicant) = &bundle.applicant {
                let kind = self.catalog.field(applicant).map(|field| field.kind);
                let is_name = matches!(kind, Some(FieldKind::PersonName | FieldKind::Text));
                if kind.is_some() && !(is_name && asked.contains(applicant)) {
                    let problem = Problem::BadValue {
                        key: "applicant".into(),
                        value: applicant.to_string(),
                        expected: "a person_name or text field the bundle asks",
                    };
                    bad_applicants.push((bundle.id.clone(), problem));
                }
            }
            for check in &bundle.checks {
                readers.push((format!("check / {}", check.field), &check.check.rule));
            }
            for id in &asked {
                if let Some(field) = self.catalog.field(id) {
                    if let Some(condition) = &field.condition {
                        readers.push((field.id.to_string(), condition));
                    }
                    for check in &field.checks {
                        readers.push((field.id.to_string(), &check.rule));
                    }
                }
            }
            for (read_by, condition) in readers {
                for field in condition.expr.fields() {
                    if !asked.contains(field) && !derived_from_asked(field) && self.catalog.field(field).is_some() {
                        let problem = Problem::ConditionReadsUnasked {
                            bundle: bundle.id.to_string(),
                            field: field.to_string(),
                            read_by: read_by.clone(),
                        };
                        if !problems.contains(&(bundle.id.clone(), problem.clone())) {
                            problems.push((bundle.id.clone(), problem));
                        }
                    }
                }
            }
        }
        for (bundle, problem) in bad_applicants.into_iter().chain(problems) {
            if let Some(place) = self.bundle_places.get(&bundle).copied() {
                self.report_at(place, Severity::Error, problem);
            }
        }
    }

    pub(super) fn check_unused(&mut self) {
        let mut used_fields: SortedSet<FieldId> = SortedSet::new();
        let mut used_materials: SortedSet<MaterialId> = SortedSet::new();
        let mut used_items: SortedSet<ItemId> = SortedSet::new();
        for bundle in &self.catalog.bundles {
            used_fields.extend(bundle.questions.iter().cloned());
            for entry in &bundle.items {
                used_items.insert(entry.item.clone());
                if let Some(condition) = &entry.condition {
                    used_fields.extend(condition.expr.fields().into_iter().cloned());
                }
            }
        }
        // A field a condition reads is used; whether the bundle asks it is checked separately.
        for item in self.catalog.items.values() {
            used_fields.extend(item.fields.iter().map(|field| field.field.clone()));
            used_materials.extend(item.materials.iter().map(|need| need.material.clone()));
            for condition in item.materials.iter().filter_map(|need| need.condition.as_ref()) {
                used_fields.extend(condition.expr.fields().into_iter().cloned());
            }
        }
        for field in self.catalog.fields.values() {
            if let Some(derived) = &field.derived {
                used_fields.insert(derived.from.clone());
            }
        }
        let unused: Vec<(Place, &'static str, String)> = self
            .field_places
            .iter()
            .filter(|(id, _)| !used_fields.contains(*id))
            .map(|(id, place)| (*place, "field", id.to_string()))
            .chain(
                self.material_places
                    .iter()
                    .filter(|(id, _)| !used_materials.contains(*id))
                    .map(|(id, place)| (*place, "material", id.to_string())),
            )
            .chain(
                self.item_places
                    .iter()
                    .filter(|(id, _)| !used_items.contains(*id))
                    .map(|(id, place)| (*place, "item", id.to_string())),
            )
            .collect();
        for (place, kind, id) in unused {
            self.report_at(place, Severity::Warning, Problem::Unused { kind, id });
        }
    }
}

/// Stands for a situation question in the queue of checks (an empty source marks it).
pub(super) fn question_marker(field: &FieldId) -> cond::Expr {
    cond::Expr { kind: cond::ExprKind::Field(field.clone()), span: Span::default() }
}
