//! Reading materials (材料), items (事项) with the materials they need, and the holiday
//! calendar (bundles are in `bundles.rs`).

use super::*;

impl<'s> Loader<'s> {
    pub(super) fn read_material(&mut self, table: &DeTable<'s>, span: Span) {
        let mut reader = Reader::new(table, span, MATERIAL_KEYS);
        let id = reader.required_text(self, "id");
        let name = reader.bilingual(self, "name", true);
        let description = reader.bilingual(self, "description", true);
        let plain = reader.bilingual(self, "plain", false);
        let paper = reader.boolean(self, "paper").unwrap_or(true);
        let electronic = reader.boolean(self, "electronic").unwrap_or(true);
        let mut file_types = Vec::new();
        if let Some(list) = reader.array(self, "file_types") {
            for entry in list.iter() {
                match entry.get_ref() {
                    DeValue::String(word) => match word.as_ref() {
                        "pdf" => file_types.push(FileType::Pdf),
                        "jpeg" => file_types.push(FileType::Jpeg),
                        "png" => file_types.push(FileType::Png),
                        other => {
                            let problem = Problem::UnknownValue {
                                key: "file_types".into(),
                                value: other.to_owned(),
                                allowed: FILE_TYPES,
                            };
                            self.error(span_of(entry), problem);
                        }
                    },
                    _ => self.error(
                        span_of(entry),
                        Problem::WrongType { key: "file_types".into(), expected: "a list of texts" },
                    ),
                }
            }
        } else {
            file_types = vec![FileType::Pdf, FileType::Jpeg, FileType::Png];
        }
        let max_size_kb = reader.count(self, "max_size_kb").unwrap_or(10_240);
        let photo = reader.boolean(self, "photo").unwrap_or(false);
        reader.finish(self);
        let Some((id, id_span)) = id else { return };
        let material_id = MaterialId::new(id.as_str());
        let (Some(name), Some(description)) = (name, description) else {
            self.material_places.entry(material_id).or_insert(Place { file: self.file, span: id_span });
            return;
        };
        if self.register(|l| &mut l.material_places, "material", &material_id, &id, id_span) {
            let material = Material {
                id: material_id.clone(),
                name,
                description,
                plain,
                paper,
                electronic,
                file_types,
                max_size_kb,
                photo,
            };
            self.catalog.materials.insert(material_id, Rc::new(material));
        }
    }

    pub(super) fn read_item(&mut self, table: &DeTable<'s>, span: Span) {
        let mut reader = Reader::new(table, span, ITEM_KEYS);
        let id = reader.required_text(self, "id");
        let name = reader.bilingual(self, "name", true);
        let department = reader.bilingual(self, "department", true);
        let legal_days = reader.count(self, "legal_days").unwrap_or(0);
        let promised_days = reader.count(self, "promised_days").unwrap_or(0);
        let mut fields = Vec::new();
        if let Some(list) = reader.array(self, "fields") {
            for entry in list.iter() {
                match entry.get_ref() {
                    DeValue::String(field) => {
                        self.field_references.push((FieldId::new(field.as_ref()), self.place(span_of(entry))));
                        fields.push(ItemField::new(FieldId::new(field.as_ref())));
                    }
                    DeValue::Table(field_table) => {
                        let mut field_reader = Reader::new(field_table, span_of(entry), ITEM_FIELD_KEYS);
                        let field = field_reader.required_text(self, "field");
                        let label = field_reader.bilingual(self, "label", true);
                        field_reader.finish(self);
                        if let Some((field, field_span)) = field {
                            self.field_references.push((FieldId::new(field.as_str()), self.place(field_span)));
                            fields.push(ItemField { field: FieldId::new(field), form_label: label.map(Rc::new) });
                        }
                    }
                    _ => {
                        let problem = Problem::WrongType {
                            key: "fields".into(),
                            expected: "a field id or a table with field and label",
                        };
                        self.error(span_of(entry), problem);
                    }
                }
            }
        }
        let mut materials = Vec::new();
        let item_name = id.as_ref().map(|(id, _)| id.clone()).unwrap_or_default();
        if let Some(list) = reader.array(self, "material") {
            for entry in list.iter() {
                if let Some(need_table) = self.table(entry, "material") {
                    if let Some(need) = self.read_need(need_table, span_of(entry), &item_name) {
                        materials.push(need);
                    }
                }
            }
        }
        reader.finish(self);
        let Some((id, id_span)) = id else { return };
        let (Some(name), Some(department)) = (name, department) else {
            self.item_places.entry(ItemId::new(id.as_str())).or_insert(Place { file: self.file, span: id_span });
            return;
        };
        if promised_days > legal_days {
            let problem = Problem::PromisedOverLegal {
                item: id.clone(),
                promised: saturate(promised_days),
                legal: saturate(legal_days),
            };
            self.error(id_span, problem);
        }
        let item_id = ItemId::new(id.as_str());
        if self.register(|l| &mut l.item_places, "item", &item_id, &id, id_span) {
            let item = Item {
                id: item_id.clone(),
                name,
                department,
                legal_days: saturate(legal_days),
                promised_days: saturate(promised_days),
                fields,
                materials,
            };
            self.catalog.items.insert(item_id, item);
        }
    }

    pub(super) fn read_need(&mut self, table: &DeTable<'s>, span: Span, item: &str) -> Option<MaterialNeed> {
        let mut reader = Reader::new(table, span, NEED_KEYS);
        let id = reader.required_text(self, "id");
        let originals = reader.count(self, "originals").unwrap_or(0);
        let copies = reader.count(self, "copies").unwrap_or(0);
        let condition = reader.text(self, "condition").and_then(|(text, at)| self.condition(&text, at));
        let key = reader.boolean(self, "key").unwrap_or(false);
        let declared_waiver = reader.sub_table(self, "waiver");
        let waiver_span = declared_waiver.map(|(_, span)| span);
        let waiver = declared_waiver.and_then(|(waiver_table, waiver_span)| {
            let mut waiver_reader = Reader::new(waiver_table, waiver_span, WAIVER_KEYS);
            let mode = waiver_reader.word(self, "mode", WAIVER_MODES, true);
            let days = waiver_reader.count(self, "days");
            if days.is_none() {
                self.error(waiver_span, Problem::MissingKey { key: "days" });
            }
            let commitment = waiver_reader.bilingual(self, "commitment", true);
            waiver_reader.finish(self);
            let mode = if mode?.0 == "accept" { WaiverMode::Accept } else { WaiverMode::Process };
            Some(Waiver { mode, days: saturate(days?), commitment: commitment? })
        });
        let commitment_letter = reader.bilingual(self, "commitment_letter", false);
        let e_certificate = reader.bilingual(self, "e_certificate", false);
        reader.finish(self);
        let (id, id_span) = id?;
        // Declared is enough: a key material may never be waivable, complete waiver or not.
        if let (true, Some(waiver_span)) = (key, waiver_span) {
            self.error(waiver_span, Problem::KeyMaterialWaivable { item: item.to_owned(), material: id.clone() });
        }
        self.material_references.push((MaterialId::new(id.as_str()), self.place(id_span)));
        let rules = MaterialRules { key, waiver, commitment_letter, e_certificate };
        Some(MaterialNeed {
            material: MaterialId::new(id),
            originals: saturate_u8(originals),
            copies: saturate_u8(copies),
            condition,
            rules,
        })
    }

    pub(super) fn read_calendar(&mut self, table: &DeTable<'s>, span: Span) {
        let mut reader = Reader::new(table, span, CALENDAR_KEYS);
        let year = reader.count(self, "year");
        let mut arrangement = CalendarYear::default();
        let holidays = reader.array(self, "holidays").map(|list| self.dates(list, "holidays", year));
        let working = reader.array(self, "working_weekends").map(|list| self.dates(list, "working_weekends", year));
        reader.finish(self);
        let Some(year) = year else {
            self.error(span, Problem::MissingKey { key: "year" });
            return;
        };
        arrangement.holidays = holidays.unwrap_or_default();
        arrangement.working_weekends = working.unwrap_or_default();
        let year = saturate(year);
        if self.register(|l| &mut l.calendar_places, "calendar year", &year, &year.to_string(), span) {
            self.catalog.calendar.insert_year(year, arrangement);
        }
    }

    /// Reads dates and ranges (`2026-10-01..2026-10-08`) of one calendar year.
    pub(super) fn dates(&mut self, list: &DeArray<'s>, key: &str, year: Option<u32>) -> SortedSet<Date> {
        let mut dates = SortedSet::new();
        for entry in list.iter() {
            let entry_span = span_of(entry);
            let DeValue::String(text) = entry.get_ref() else {
                self.error(entry_span, Problem::WrongType { key: key.to_owned(), expected: "a list of texts" });
                continue;
            };
            let (from, to) = text.split_once("..").unwrap_or((text.as_ref(), text.as_ref()));
            // A holiday lasts days, not years: a range longer than a year is a typo, and would
            // otherwise list millions of days.
            let range = match (Date::parse_iso(from.trim()), Date::parse_iso(to.trim())) {
                (Some(from), Some(to)) => {
                    Some((from, to.days_since_epoch().saturating_sub(from.days_since_epoch()).max(0)))
                        .filter(|(_, length)| *length <= 366)
                }
                _ => None,
            };
            let Some((from, length)) = range else {
                let problem = Problem::BadValue {
                    key: key.to_owned(),
                    value: text.to_string(),
                    expected: "a date (2026-01-31) or a range (2026-10-01..2026-10-08)",
                };
                self.error(entry_span, problem);
                continue;
            };
            for offset in 0..=length {
                let Some(date) = from.add_days(offset) else {
                    continue;
                };
                if year.is_some_and(|year| u32::from(date.year()) != year) {
                    let problem =
                        Problem::CalendarDateOutsideYear { year: saturate(year.unwrap_or(0)), date: date.to_string() };
                    self.error(entry_span, problem);
                    break;
                }
                dates.insert(date);
            }
        }
        dates
    }
}
