//! Reading a field (字段): its kind, label and help, options, constraints and their bounds,
//! derivation from an ID number, condition and cross checks.

use super::*;

impl<'s> Loader<'s> {
    pub(super) fn read_field(&mut self, table: &DeTable<'s>, span: Span) {
        let mut reader = Reader::new(table, span, FIELD_KEYS);
        let id = reader.required_text(self, "id");
        let kind = reader.word(self, "kind", FIELD_KINDS, true).and_then(|(word, _)| field_kind(&word));
        let label = reader.bilingual(self, "label", true);
        let help = reader.bilingual(self, "help", false);
        let plain = reader.bilingual(self, "plain", false);
        let required = reader.boolean(self, "required").unwrap_or(false);
        let condition = reader.text(self, "condition").and_then(|(text, at)| self.condition(&text, at));
        let mut options = Vec::new();
        if let Some(list) = reader.array(self, "options") {
            for entry in list.iter() {
                let Some(option) = self.table(entry, "options") else {
                    continue;
                };
                let mut option_reader = Reader::new(option, span_of(entry), OPTION_KEYS);
                let value = option_reader.required_text(self, "value");
                let zh = option_reader.required_text(self, "zh");
                let en = option_reader.required_text(self, "en");
                option_reader.finish(self);
                if let (Some((value, _)), Some((zh, _)), Some((en, _))) = (value, zh, en) {
                    options.push(FieldOption { value, label: Text::new(zh, en) });
                }
            }
        }
        let min_length = reader.count(self, "min_length");
        let max_length = reader.count(self, "max_length");
        let min = reader.text(self, "min").and_then(|(text, at)| self.bound(&text, at, "min"));
        let max = reader.text(self, "max").and_then(|(text, at)| self.bound(&text, at, "max"));
        let pattern_source = reader.text(self, "pattern");
        let pattern_message = reader.bilingual(self, "pattern_message", pattern_source.is_some());
        let pattern = pattern_source.and_then(|(source, at)| match crate::pattern::compile(&source) {
            Ok(compiled) => Some(Pattern { source, compiled, message: pattern_message? }),
            Err(error) => {
                let problem = Problem::BadValue {
                    key: "pattern".into(),
                    value: format!("{source} ({error})"),
                    expected: "a pattern of characters, [classes] and counts such as {6} or {6,20}",
                };
                self.error(at, problem);
                None
            }
        });
        let mut checks = Vec::new();
        if let Some(list) = reader.array(self, "check") {
            for entry in list.iter() {
                let Some(check_table) = self.table(entry, "check") else { continue };
                let mut check_reader = Reader::new(check_table, span_of(entry), CHECK_KEYS);
                let rule = check_reader.required_text(self, "rule").and_then(|(text, at)| self.condition(&text, at));
                let message = check_reader.bilingual(self, "message", true);
                check_reader.finish(self);
                if let (Some(rule), Some(message)) = (rule, message) {
                    checks.push(CrossCheck { rule, message });
                }
            }
        }
        let derived = reader.sub_table(self, "derived").and_then(|(derived_table, derived_span)| {
            let mut derived_reader = Reader::new(derived_table, derived_span, DERIVED_KEYS);
            let from = derived_reader.required_text(self, "from");
            let value = derived_reader.word(self, "value", DERIVATIONS, true);
            let editable = derived_reader.boolean(self, "editable").unwrap_or(true);
            derived_reader.finish(self);
            let (from, from_span) = from?;
            let derivation = match value?.0.as_str() {
                "birth_date" => Derivation::BirthDate,
                "sex" => Derivation::Sex,
                _ => Derivation::Age,
            };
            self.field_references.push((FieldId::new(from.as_str()), self.place(from_span)));
            Some(Derived { from: FieldId::new(from), derivation, editable })
        });
        reader.finish(self);
        let Some((id, id_span)) = id else { return };
        let field_id = FieldId::new(id.as_str());
        let (Some(kind), Some(label)) = (kind, label) else {
            // Still known by id, so that references to it do not report it missing as well.
            self.field_places.entry(field_id).or_insert(Place { file: self.file, span: id_span });
            return;
        };
        if let Some(existing) = self.catalog.fields.get(&field_id) {
            if existing.kind != kind {
                let problem = Problem::ConflictingFieldKind { id: id.clone(), first: existing.kind, second: kind };
                self.error(id_span, problem);
                return;
            }
        }
        if !self.register(|l| &mut l.field_places, "field", &field_id, &id, id_span) {
            return;
        }
        if matches!(kind, FieldKind::OneOf | FieldKind::ManyOf) && options.is_empty() {
            self.error(id_span, Problem::ChoiceWithoutOptions { field: id.clone() });
        }
        let constraints = Constraints { min_length, max_length, min, max, pattern };
        let field = Field {
            id: field_id.clone(),
            kind,
            label,
            help,
            plain,
            required,
            condition,
            derived,
            checks,
            options,
            constraints,
        };
        self.catalog.fields.insert(field_id, Rc::new(field));
    }

    pub(super) fn bound(&mut self, text: &str, span: Span, key: &str) -> Option<Bound> {
        if text == "today" {
            return Some(Bound::Today);
        }
        if let Some(date) = Date::parse_iso(text) {
            return Some(Bound::Date(date));
        }
        match parse_number(text, NumberKind::Decimal) {
            Ok(number) => Some(Bound::Number(number)),
            Err(_) => {
                let problem = Problem::BadValue {
                    key: key.to_owned(),
                    value: text.to_owned(),
                    expected: "a number, a date or \"today\"",
                };
                self.error(span, problem);
                None
            }
        }
    }
}
