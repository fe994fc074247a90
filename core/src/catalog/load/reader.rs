//! Reading one TOML table (表读取): each key as the type it must have, with a diagnostic at its
//! place when it has not, and every key left unread reported as unknown.

use super::*;

/// Reads the keys of one table, remembering which it used so that unknown ones are reported.
pub(super) struct Reader<'t, 's> {
    table: &'t DeTable<'s>,
    span: Span,
    known: &'static [&'static str],
}

impl<'t, 's> Reader<'t, 's> {
    pub(super) fn new(table: &'t DeTable<'s>, span: Span, known: &'static [&'static str]) -> Self {
        Reader { table, span, known }
    }

    pub(super) fn get(&self, key: &str) -> Option<&'t Spanned<DeValue<'s>>> {
        self.table.iter().find(|(name, _)| name.get_ref().as_ref() == key).map(|(_, value)| value)
    }

    pub(super) fn text(&self, loader: &mut Loader<'s>, key: &str) -> Option<(String, Span)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(text) => Some((text.to_string(), span_of(value))),
            _ => {
                loader.error(span_of(value), Problem::WrongType { key: key.to_owned(), expected: "a text" });
                None
            }
        }
    }

    pub(super) fn required_text(&self, loader: &mut Loader<'s>, key: &'static str) -> Option<(String, Span)> {
        if self.get(key).is_none() {
            loader.error(self.span, Problem::MissingKey { key });
            return None;
        }
        self.text(loader, key).filter(|(text, span)| {
            if text.trim().is_empty() {
                loader.error(*span, Problem::MissingKey { key });
            }
            !text.trim().is_empty()
        })
    }

    pub(super) fn word(
        &self,
        loader: &mut Loader<'s>,
        key: &'static str,
        allowed: &'static [&'static str],
        required: bool,
    ) -> Option<(String, Span)> {
        let (word, span) = if required { self.required_text(loader, key)? } else { self.text(loader, key)? };
        if !allowed.contains(&word.as_str()) {
            loader.error(span, Problem::UnknownValue { key: key.to_owned(), value: word, allowed });
            return None;
        }
        Some((word, span))
    }

    pub(super) fn boolean(&self, loader: &mut Loader<'s>, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(flag) => Some(*flag),
            _ => {
                loader.error(span_of(value), Problem::WrongType { key: key.to_owned(), expected: "true or false" });
                None
            }
        }
    }

    pub(super) fn count(&self, loader: &mut Loader<'s>, key: &str) -> Option<u32> {
        let value = self.get(key)?;
        let number = match value.get_ref() {
            DeValue::Integer(integer) => u64::from_str_radix(&integer.as_str().replace('_', ""), integer.radix()).ok(),
            _ => None,
        };
        if number.is_none() {
            loader.error(span_of(value), Problem::WrongType { key: key.to_owned(), expected: "a whole number" });
        }
        number.and_then(|n| u32::try_from(n).ok())
    }

    pub(super) fn array(&self, loader: &mut Loader<'s>, key: &str) -> Option<&'t DeArray<'s>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Array(array) => Some(array),
            _ => {
                loader.error(span_of(value), Problem::WrongType { key: key.to_owned(), expected: "a list" });
                None
            }
        }
    }

    pub(super) fn sub_table(&self, loader: &mut Loader<'s>, key: &str) -> Option<(&'t DeTable<'s>, Span)> {
        let value = self.get(key)?;
        loader.table(value, key).map(|table| (table, span_of(value)))
    }

    /// A `{ zh = "…", en = "…" }` table; both languages must be there and non-empty.
    pub(super) fn bilingual(&self, loader: &mut Loader<'s>, key: &str, required: bool) -> Option<Text> {
        let Some(value) = self.get(key) else {
            if required {
                loader.error(self.span, Problem::MissingKey { key: static_key(key) });
            }
            return None;
        };
        let DeValue::Table(table) = value.get_ref() else {
            loader
                .error(span_of(value), Problem::WrongType { key: key.to_owned(), expected: "a table with zh and en" });
            return None;
        };
        let mut inner = Reader::new(table, span_of(value), &["zh", "en"]);
        let mut read = |lang: Lang, name: &str| match inner.text(loader, name) {
            Some((text, _)) if !text.trim().is_empty() => Some(text),
            _ => {
                loader.error(span_of(value), Problem::MissingTranslation { key: key.to_owned(), lang });
                None
            }
        };
        let zh = read(Lang::Zh, "zh");
        let en = read(Lang::En, "en");
        inner.finish(loader);
        Some(Text::new(zh?, en?))
    }

    pub(super) fn finish(&mut self, loader: &mut Loader<'s>) {
        for (name, _) in self.table.iter() {
            if !self.known.contains(&name.get_ref().as_ref()) {
                loader.error(span_of(name), Problem::UnknownKey { key: name.get_ref().to_string(), known: self.known });
            }
        }
    }
}

/// The static name of a required bilingual key, for [`Problem::MissingKey`].
pub(super) fn static_key(key: &str) -> &'static str {
    ["title", "label", "name", "description", "department", "summary", "commitment", "message", "pattern_message"]
        .into_iter()
        .find(|known| *known == key)
        .unwrap_or("text")
}

pub(super) fn saturate(value: u32) -> u16 {
    u16::try_from(value).unwrap_or(u16::MAX)
}

pub(super) fn saturate_u8(value: u32) -> u8 {
    u8::try_from(value).unwrap_or(u8::MAX)
}
