//! Reading bundles (一件事): their names and pinyin, search words, situation questions, items
//! with when each applies, and the checks across answers each makes.

use super::*;

impl<'s> Loader<'s> {
    /// The pinyin of a bundle's name: lower-case syllables without tones, one per Chinese
    /// character of the name. Missing, search by pinyin cannot find the bundle (a warning).
    pub(super) fn pinyin(
        &mut self,
        id: &str,
        name: &Text,
        pinyin: Option<(String, Span)>,
        id_span: Span,
    ) -> Vec<String> {
        let characters = name.zh.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
        let Some((text, span)) = pinyin else {
            self.report_at(self.place(id_span), Severity::Warning, Problem::NoPinyin { bundle: id.to_owned() });
            return Vec::new();
        };
        let syllables: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
        let well_formed = syllables.iter().all(|s| s.chars().all(|c| c.is_ascii_lowercase() || c == 'ü'));
        if !well_formed || syllables.len() != characters {
            let problem = Problem::PinyinMismatch { bundle: id.to_owned(), syllables: syllables.len(), characters };
            self.error(span, problem);
        }
        syllables
    }

    /// A bundle's search words: each a word or short phrase of at most 20 characters, given
    /// once. None at all, searching by everyday words cannot find the bundle (a warning).
    fn search_words(&mut self, reader: &Reader<'_, 's>, bundle: Option<&(String, Span)>) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        let Some(list) = reader.array(self, "search") else {
            if let Some((bundle, span)) = bundle {
                let problem = Problem::NoSearchWords { bundle: bundle.clone() };
                self.report_at(self.place(*span), Severity::Warning, problem);
            }
            return words;
        };
        for entry in list.iter() {
            let word = match entry.get_ref() {
                DeValue::String(word) => word.trim().to_owned(),
                _ => String::new(),
            };
            let length = word.chars().count();
            if length == 0 || length > 20 || word.contains(char::is_whitespace) || words.contains(&word) {
                let problem = Problem::BadValue {
                    key: "search".into(),
                    value: word,
                    expected: "words or short phrases without spaces, each given once, at most 20 characters",
                };
                self.error(span_of(entry), problem);
            } else {
                words.push(word);
            }
        }
        words
    }

    pub(super) fn read_bundle(&mut self, table: &DeTable<'s>, span: Span) {
        let mut reader = Reader::new(table, span, BUNDLE_KEYS);
        let id = reader.required_text(self, "id");
        let name = reader.bilingual(self, "name", true);
        let summary = reader.bilingual(self, "summary", true);
        let category = reader.word(self, "category", CATEGORIES, true).map(|(word, _)| {
            if word == "enterprise" {
                Category::Enterprise
            } else {
                Category::Personal
            }
        });
        let pinyin = reader.text(self, "pinyin");
        let mut questions = Vec::new();
        if let Some(list) = reader.array(self, "questions") {
            for entry in list.iter() {
                match entry.get_ref() {
                    DeValue::String(field) => {
                        self.field_references.push((FieldId::new(field.as_ref()), self.place(span_of(entry))));
                        questions.push((FieldId::new(field.as_ref()), span_of(entry)));
                    }
                    _ => self.error(
                        span_of(entry),
                        Problem::WrongType { key: "questions".into(), expected: "a list of texts" },
                    ),
                }
            }
        }
        let max_waived = reader.count(self, "max_waived").map(saturate_u8);
        let mut items = Vec::new();
        if let Some(list) = reader.array(self, "item") {
            for entry in list.iter() {
                let Some(item_table) = self.table(entry, "item") else {
                    continue;
                };
                let mut item_reader = Reader::new(item_table, span_of(entry), BUNDLE_ITEM_KEYS);
                let item = item_reader.required_text(self, "id");
                let condition = item_reader.text(self, "condition").and_then(|(text, at)| self.condition(&text, at));
                item_reader.finish(self);
                if let Some((item, item_span)) = item {
                    self.item_references.push((ItemId::new(item.as_str()), self.place(item_span)));
                    items.push(BundleItem { item: ItemId::new(item), condition });
                }
            }
        }
        let search_words = self.search_words(&reader, id.as_ref());
        let applicant = reader.text(self, "applicant").map(|(field, span)| {
            let field = FieldId::new(field.as_str());
            self.field_references.push((field.clone(), self.place(span)));
            field
        });
        let mut checks = Vec::new();
        if let Some(list) = reader.array(self, "check") {
            for entry in list.iter() {
                let Some(check_table) = self.table(entry, "check") else { continue };
                let mut check_reader = Reader::new(check_table, span_of(entry), BUNDLE_CHECK_KEYS);
                let field = check_reader.required_text(self, "field");
                let rule = check_reader.required_text(self, "rule").and_then(|(text, at)| self.condition(&text, at));
                let message = check_reader.bilingual(self, "message", true);
                check_reader.finish(self);
                let (Some((field, field_span)), Some(rule), Some(message)) = (field, rule, message) else { continue };
                let field = FieldId::new(field.as_str());
                self.field_references.push((field.clone(), self.place(field_span)));
                // The answer to change must be one the rule reads, or the link would mislead.
                if !rule.expr.fields().contains(&&field) {
                    let problem = Problem::BadValue {
                        key: "field".into(),
                        value: field.to_string(),
                        expected: "a field the rule reads: the answer to change when it fails",
                    };
                    self.error(field_span, problem);
                }
                checks.push(BundleCheck { field, check: CrossCheck { rule, message } });
            }
        }
        reader.finish(self);
        let (Some((id, id_span)), Some(name), Some(summary), Some(category)) = (id, name, summary, category) else {
            return;
        };
        if items.is_empty() {
            self.error(id_span, Problem::BundleWithoutItems { bundle: id.clone() });
        }
        let syllables = self.pinyin(&id, &name, pinyin, id_span);
        let bundle_id = BundleId::new(id.as_str());
        if self.register(|l| &mut l.bundle_places, "bundle", &bundle_id, &id, id_span) {
            for (question, question_span) in &questions {
                self.conditions.push(PendingCondition {
                    place: self.place(*question_span),
                    condition: Condition { source: String::new(), expr: question_marker(question) },
                });
            }
            self.catalog.bundles.push(Bundle {
                id: bundle_id,
                name,
                summary,
                category,
                pinyin: syllables,
                questions: questions.into_iter().map(|(field, _)| field).collect(),
                items,
                waiver_policy: WaiverPolicy { max_waived },
                applicant,
                search_words,
                checks,
            });
        }
    }
}
