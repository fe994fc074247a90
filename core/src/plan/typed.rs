//! The answers parsed to typed values once per change (答案的类型值). Conditions read the
//! same answer many times while a plan is made (each item, field and material that depends on
//! it, the pending list, the cross-field checks), and the form's checks parse every answer
//! again: [`TypedAnswers`] parses each answer the first time it is asked for and keeps the
//! result, its error included, for every later reader of the same change. The table it ends
//! with ([`Parsed`]) is kept with the view, and the next change parses again only the answers
//! whose text changed: one keystroke parses one answer, however long the form.

use std::cell::RefCell;
use std::rc::Rc;

use super::Answers;
use crate::catalog::{Catalog, Derivation, Field, FieldId};
use crate::date::Date;
use crate::decimal::Decimal;
use crate::sorted::differing_keys;
use crate::validate::{is_blank_answer, parse_value, FieldError, Sex, Value};

/// What [`parse_value`] said of one answer, shared from one change to the next.
pub type ParsedAnswer = Rc<Result<Option<Value>, FieldError>>;

/// Each non-blank answer parsed, sorted by field (a plain sorted list: looked up by binary
/// search, carried to the next change in one walk).
pub type Parsed = Vec<(FieldId, ParsedAnswer)>;

/// What an earlier change parsed, to be taken again for the answers it had the same.
#[derive(Debug, Clone, Copy)]
pub struct Earlier<'a> {
    pub answers: &'a Answers,
    pub parsed: &'a Parsed,
    pub today: Date,
}

/// One change's answers with each parsed at most once.
#[derive(Debug)]
pub struct TypedAnswers<'a> {
    catalog: &'a Catalog,
    answers: &'a Answers,
    today: Date,
    /// The parsed non-blank answers asked for so far (or carried from an earlier change with
    /// the same text): each holds for the text `answers` has now.
    parsed: RefCell<Parsed>,
    /// The values of unanswered derived fields among every answer, asked for so far (a few:
    /// a birth date, a sex, an age).
    derived: RefCell<Vec<(FieldId, Option<Value>)>>,
}

impl<'a> TypedAnswers<'a> {
    pub fn new(catalog: &'a Catalog, answers: &'a Answers, today: Date) -> Self {
        TypedAnswers { catalog, answers, today, parsed: RefCell::default(), derived: RefCell::default() }
    }

    /// As [`TypedAnswers::new`], taking what `earlier` parsed for every answer it had the same
    /// (on the same day: some checks read today's date).
    pub fn after(catalog: &'a Catalog, answers: &'a Answers, today: Date, earlier: Earlier<'a>) -> Self {
        let typed = TypedAnswers::new(catalog, answers, today);
        if earlier.today == today {
            // Both lists are sorted by field: one walk keeps what no change touched.
            let changed = differing_keys(answers, earlier.answers);
            let mut changed = changed.into_iter().peekable();
            let mut parsed = Vec::with_capacity(earlier.parsed.len());
            for (field, answer) in earlier.parsed {
                while changed.next_if(|id| *id < field).is_some() {}
                if changed.peek() != Some(&field) {
                    parsed.push((field.clone(), Rc::clone(answer)));
                }
            }
            *typed.parsed.borrow_mut() = parsed;
        }
        typed
    }

    /// The answers parsed by this change, for the next one.
    pub fn into_parsed(self) -> Parsed {
        self.parsed.into_inner()
    }

    /// What a field shows: the applicant's answer, or, while there is none, the value derived
    /// from an ID number (as [`crate::plan::shown_answer`] says).
    pub fn shown(&self, field: &Field) -> String {
        match self.answers.get(&field.id).filter(|text| !is_blank_answer(text)) {
            Some(answer) => answer.clone(),
            None => self.derived_text(self.answers, field).unwrap_or_default(),
        }
    }

    pub fn catalog(&self) -> &'a Catalog {
        self.catalog
    }

    pub fn answers(&self) -> &'a Answers {
        self.answers
    }

    pub fn today(&self) -> Date {
        self.today
    }

    /// The check of a field's own answer against its kind and constraints, as
    /// [`parse_value`] gives it, for a field `required` or not.
    pub fn checked(&self, field: &Field, required: bool) -> Result<(), FieldError> {
        match self.answers.get(&field.id).filter(|text| !is_blank_answer(text)) {
            None if required => Err(FieldError::Required),
            None => Ok(()),
            Some(text) => match &*self.parse(self.answers, field, text) {
                Ok(_) => Ok(()),
                Err(error) => Err(error.clone()),
            },
        }
    }

    /// The answer a condition sees for a field among `used` (every answer, or those the plan
    /// still asks): the valid typed answer, or the value derived from an ID number when the
    /// field is derived and unanswered.
    pub fn value(&self, used: &Answers, field_id: &FieldId) -> Option<Value> {
        let field = self.catalog.field(field_id)?;
        match used.get(field_id).filter(|text| !is_blank_answer(text)) {
            Some(text) => self.parse(used, field, text).as_ref().as_ref().ok().cloned().flatten(),
            // Among every answer (the usual reader), a derived value is worked out once too.
            None if std::ptr::eq(used, self.answers) => {
                if let Some((_, known)) = self.derived.borrow().iter().find(|(id, _)| id == field_id) {
                    return known.clone();
                }
                let value = self.derive(used, field);
                self.derived.borrow_mut().push((field_id.clone(), value.clone()));
                value
            }
            None => self.derive(used, field),
        }
    }

    fn derive(&self, used: &Answers, field: &Field) -> Option<Value> {
        let derived = self.derived_text(used, field)?;
        parse_value(field, &derived, self.today).ok().flatten()
    }

    /// The value a derived field takes from its source ID number among `used`, as text in the
    /// field's format.
    pub fn derived_text(&self, used: &Answers, field: &Field) -> Option<String> {
        let derived = field.derived.as_ref()?;
        let Some(Value::IdNumber(id)) = self.value(used, &derived.from) else {
            return None;
        };
        Some(match derived.derivation {
            Derivation::BirthDate => id.birth_date().to_string(),
            Derivation::Sex => if id.sex() == Sex::Male { "male" } else { "female" }.to_owned(),
            Derivation::Age => Decimal::from_integer(i64::from(id.age_on(self.today))).to_string(),
        })
    }

    /// `text` parsed for `field`: from the table when this change has it already. An answer
    /// in `used` is the same text as in the full answers (the plan only leaves answers out),
    /// which is checked but for the full answers themselves.
    fn parse(&self, used: &Answers, field: &Field, text: &str) -> ParsedAnswer {
        let same_text =
            std::ptr::eq(used, self.answers) || self.answers.get(&field.id).is_some_and(|answer| answer == text);
        if !same_text {
            return self.parse_anew(field, text);
        }
        let place = self.parsed.borrow().binary_search_by(|(id, _)| id.cmp(&field.id));
        match place {
            Ok(found) => self
                .parsed
                .borrow()
                .get(found)
                .map_or_else(|| self.parse_anew(field, text), |(_, known)| Rc::clone(known)),
            Err(place) => {
                let result = self.parse_anew(field, text);
                self.parsed.borrow_mut().insert(place, (field.id.clone(), Rc::clone(&result)));
                result
            }
        }
    }

    fn parse_anew(&self, field: &Field, text: &str) -> ParsedAnswer {
        Rc::new(parse_value(field, text, self.today))
    }
}
