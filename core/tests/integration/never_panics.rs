//! Nothing typed, and no catalog file, can make the core panic or overflow its stack: with
//! `panic = "abort"` either kills the page. Each target below runs a few thousand hostile
//! inputs in `cargo xtask test`; `cargo xtask fuzz` runs the same targets in release with
//! `YIBIAO_FUZZ_CASES` inputs each (at least a million in all) and prints the counts.
//!
//! Inputs mix arbitrary Unicode with what people and tools really produce: digits and `X`,
//! separators, full-width forms, byte-order marks and zero-width characters, combining marks,
//! control characters, very long pastes, and deeply nested or near-valid conditions, patterns
//! and catalog files.

use std::sync::OnceLock;
use yibiao_core::sorted_map::SortedMap;

use std::time::Instant;
use yibiao_core::catalog::pieces::Published;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use yibiao_core::catalog::{
    compact, decode_source, load, pieces, read_folder, Bound, Constraints, Field, FieldId, FieldKind, FieldOption,
    Pattern, Source,
};
use yibiao_core::cond::{self, Truth};
use yibiao_core::validate::{self, Decimal, NumberKind, Value};
use yibiao_core::{pattern, Date, Lang, Text};

/// The inputs each target runs: `YIBIAO_FUZZ_CASES`, or `default` in the ordinary test run.
fn cases(default: u32) -> u32 {
    std::env::var("YIBIAO_FUZZ_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(default)
}

fn config(cases: u32) -> Config {
    // A failure is printed, shrunk, and not written to a regressions file beside the tests.
    Config { cases, failure_persistence: None, ..Config::default() }
}

/// Runs `body` on `cases` inputs of `strategy` (shrinking a failure to its smallest form) and
/// prints `fuzz: <target>: <n> inputs in <s> s`, the line `cargo xtask fuzz` adds up.
fn run<S: Strategy>(target: &str, cases: u32, strategy: S, body: impl Fn(S::Value)) {
    let started = Instant::now();
    let mut runner = TestRunner::new(config(cases));
    let result = runner.run(&strategy, |value| {
        body(value);
        Ok(())
    });
    println!("fuzz: {target}: {cases} inputs in {:.2} s", started.elapsed().as_secs_f64());
    if let Err(failure) = result {
        panic!("{target}: {failure}");
    }
}

fn today() -> Date {
    Date::from_ymd(2026, 12, 2).expect("valid")
}

/// Characters that matter to the validators, weighted above arbitrary ones.
const TELLING: &[char] = &[
    '0',
    '1',
    '2',
    '3',
    '5',
    '8',
    '9',
    'X',
    'x',
    'O',
    'o',
    'I',
    'Z',
    'A',
    '-',
    '－',
    '—',
    '–',
    '(',
    ')',
    '（',
    ' ',
    '\u{3000}',
    '\u{A0}',
    '\u{FEFF}',
    '\u{200B}',
    '\u{200D}',
    '\u{2060}',
    '\u{202E}',
    '\u{0301}',
    '\u{0300}',
    '１',
    '０',
    'ｘ',
    'Ｘ',
    '.',
    '．',
    '@',
    '＠',
    '·',
    '•',
    '+',
    '年',
    '月',
    '日',
    '元',
    '¥',
    '，',
    ',',
    '\n',
    '\t',
    '\0',
    '\u{7}',
    '张',
    '三',
    '\u{31350}',
    '\u{323B0}',
    '〇',
    '\u{20000}',
    'é',
    '\u{10FFFF}',
    '\u{FFFD}',
];

/// A hostile answer: mostly short mixes of telling and arbitrary characters, sometimes pasted
/// many times over (up to tens of thousands of characters).
fn hostile_text() -> impl Strategy<Value = String> {
    let character = prop_oneof![3 => proptest::sample::select(TELLING), 1 => any::<char>()];
    let short = proptest::collection::vec(character, 0..40).prop_map(|chars| chars.into_iter().collect::<String>());
    let long = (short.clone(), 1usize..400).prop_map(|(text, times)| text.repeat(times));
    let code_like = "[0-9xX \\-()+]{0,24}";
    // Shaped like the identifiers, so that the checks past the first ones are reached.
    let phone_like = "\\(?0[0-9]{0,4}\\)?([-() ]{1,2}[0-9]{0,9}){0,5}";
    let id_like = "[1-8][0-9]{5}(19|20)[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}[0-9xX]{0,3}";
    let credit_like = "[1-9ANYB][1-9][0-9]{6}[0-9A-Zo]{9,11}";
    let money_like = "[-¥￥]?[0-9,，]{0,30}(\\.[0-9]{0,8})?元?";
    let date_like = "[0-9]{0,5}[-/.年][0-9]{0,3}[-/.月][0-9]{0,3}日?";
    prop_oneof![12 => short, 4 => code_like, 2 => phone_like, 2 => id_like, 2 => credit_like, 1 => money_like, 1 => date_like, 1 => long]
}

/// Runs every error's messages, so that they cannot panic either.
fn messages<E>(result: Result<impl Sized, E>, message: impl Fn(&E, Lang) -> String) {
    if let Err(error) = result {
        for lang in [Lang::Zh, Lang::En] {
            assert!(!message(&error, lang).is_empty());
        }
    }
}

fn validators_case(text: &str) {
    messages(validate::IdNumber::parse(text, today()), |e, l| e.message(l));
    messages(validate::CreditCode::parse(text), |e, l| e.message(l));
    messages(validate::Mobile::parse(text), |e, l| e.message(l));
    messages(validate::Landline::parse(text), |e, l| e.message(l));
    messages(validate::parse_postcode(text), |e, l| e.message(l));
    messages(validate::parse_email(text), |e, l| e.message(l));
    messages(validate::parse_bank_card(text), |e, l| e.message(l));
    messages(validate::parse_person_name(text), |e, l| e.message(l));
    for kind in [NumberKind::Integer, NumberKind::Decimal, NumberKind::Money] {
        messages(validate::parse_number(text, kind), |e, l| e.message(l));
    }
    messages(validate::parse_date(text), |e, l| e.message(l));
    if let Ok(money) = validate::parse_number(text, NumberKind::Money) {
        assert!(!validate::number::format_money(money).is_empty());
    }
}

/// One field of every kind, with options and every kind of constraint the catalog can set.
fn every_kind() -> Vec<Field> {
    let options: Vec<FieldOption> = ["rented", "owned", "其他"]
        .iter()
        .map(|value| FieldOption { value: (*value).to_owned(), label: Text::new(*value, *value) })
        .collect();
    let pattern = Pattern {
        source: "[A-Z]{2}\\d{3,}.*".to_owned(),
        compiled: pattern::compile("[A-Z]{2}\\d{3,}.*").expect("compiles"),
        message: Text::new("格式不对", "Wrong shape"),
    };
    FieldKind::ALL
        .into_iter()
        .flat_map(|kind| {
            let plain = Field {
                required: true,
                options: options.clone(),
                ..Field::new(FieldId::new(format!("test.{}", kind.word())), kind, Text::new("某项", "Some field"))
            };
            let bounds = match kind {
                FieldKind::Date => (Some(Bound::Date(Date::from_ymd(1900, 1, 1).expect("valid"))), Some(Bound::Today)),
                _ => {
                    (Some(Bound::Number(Decimal::from_integer(-5))), Some(Bound::Number(Decimal::from_integer(1_000))))
                }
            };
            let constrained = Field {
                required: false,
                constraints: Constraints {
                    min_length: Some(2),
                    max_length: Some(30),
                    min: bounds.0,
                    max: bounds.1,
                    pattern: Some(pattern.clone()),
                },
                ..plain.clone()
            };
            [plain, constrained]
        })
        .collect()
}

fn check_value_case(fields: &[Field], text: &str) {
    for field in fields {
        let result = validate::parse_value(field, text, today());
        assert_eq!(validate::check_value(field, text, today()).is_ok(), result.is_ok());
        let _ = validate::canonical_value(field, text, today());
        if let Err(error) = result {
            let _ = error.is_incomplete();
            for lang in [Lang::Zh, Lang::En] {
                assert!(!error.message(field, lang).is_empty());
            }
        }
    }
}

/// Pieces of conditions, to glue into near-valid and hostile ones.
const CONDITION_PIECES: &[&str] = &[
    "premises.tenure",
    "premises.area",
    "applicant.id_number",
    "business.scope",
    "x.y",
    " == ",
    " != ",
    " < ",
    " >= ",
    " and ",
    " or ",
    "not ",
    " in ",
    " not in ",
    "(",
    ")",
    "[",
    "]",
    ", ",
    "\"rented\"",
    "'owned'",
    "\"",
    "1",
    "-2.5",
    "1.2.3",
    "true",
    "false",
    "age(",
    "age_on(",
    "days_between(",
    "sum(",
    "birth_date(",
    "applicant.id_number",
    "x.d",
    "99999999999999999999999.999999",
    "-99999999999999999999999",
    "is_set(",
    "has(",
    "today()",
    ".",
    "=",
    "!",
    "长",
    "\u{FEFF}",
    "\n",
];

fn condition_text() -> impl Strategy<Value = String> {
    let glued =
        proptest::collection::vec(proptest::sample::select(CONDITION_PIECES), 0..30).prop_map(|pieces| pieces.concat());
    let nested =
        (proptest::sample::select(&["not ", "(", "[", "f(", "not (", "x.y or ", "x.y and "][..]), 1usize..20_000)
            .prop_map(|(open, levels)| format!("{}x.y", open.repeat(levels)));
    prop_oneof![8 => glued, 3 => hostile_text(), 1 => nested]
}

fn condition_fields() -> SortedMap<FieldId, std::rc::Rc<Field>> {
    let options = |values: &[&str]| -> Vec<FieldOption> {
        values
            .iter()
            .map(|value| FieldOption { value: (*value).to_owned(), label: Text::new(*value, *value) })
            .collect()
    };
    [
        Field {
            options: options(&["rented", "owned"]),
            ..Field::new(FieldId::new("premises.tenure"), FieldKind::OneOf, Text::new("a", "a"))
        },
        Field::new(FieldId::new("premises.area"), FieldKind::Decimal, Text::new("b", "b")),
        Field::new(FieldId::new("applicant.id_number"), FieldKind::IdNumber, Text::new("c", "c")),
        Field {
            options: options(&["food", "retail"]),
            ..Field::new(FieldId::new("business.scope"), FieldKind::ManyOf, Text::new("d", "d"))
        },
        Field::new(FieldId::new("x.y"), FieldKind::YesNo, Text::new("e", "e")),
        Field::new(FieldId::new("x.d"), FieldKind::Date, Text::new("f", "f")),
    ]
    .into_iter()
    .map(|field| (field.id.clone(), field.into()))
    .collect()
}

fn condition_case(fields: &SortedMap<FieldId, std::rc::Rc<Field>>, source: &str) {
    match cond::parse(source) {
        Err(error) => {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!error.message(lang).is_empty());
                let _ = cond::ConditionError::Parse(error.clone()).render(source, lang);
            }
        }
        Ok(expr) => {
            let _ = expr.fields();
            for error in yibiao_core::catalog::cond_check::check(&expr, fields) {
                let _ = cond::ConditionError::Type(error).render(source, Lang::Zh);
            }
            let answers: SortedMap<&str, Value> = [
                ("premises.tenure", Value::Options(vec!["rented".to_owned()])),
                ("premises.area", Value::Number(Decimal::from_integer(30))),
                ("x.y", Value::Bool(true)),
                ("x.d", Value::Date(Date::from_ymd(1, 1, 1).expect("the first day"))),
                (
                    "applicant.id_number",
                    validate::IdNumber::parse("11010519491231002X", today()).map(Value::IdNumber).expect("valid"),
                ),
            ]
            .into_iter()
            .collect();
            let answer = |id: &FieldId| answers.get(id.as_str()).cloned();
            let truth = cond::evaluate(&expr, &answer, today());
            assert!(matches!(truth, Truth::True | Truth::False | Truth::Unknown));
        }
    }
}

const PATTERN_PIECES: &[&str] = &[
    "a",
    "京",
    ".",
    "\\d",
    "\\.",
    "\\",
    "\\w",
    "[",
    "]",
    "[^",
    "-",
    "[0-9]",
    "[A-HJ-NP-Z]",
    "[9-0]",
    "{",
    "}",
    "{3}",
    "{0,1000}",
    "{5,2}",
    "{7,}",
    "{99999999999}",
    ",",
    "?",
    "*",
    "+",
    "(",
    "|",
    "^",
    "$",
    "\u{FEFF}",
];

fn pattern_text() -> impl Strategy<Value = String> {
    let glued =
        proptest::collection::vec(proptest::sample::select(PATTERN_PIECES), 0..24).prop_map(|pieces| pieces.concat());
    let long = (proptest::sample::select(&[".*", ".{0,1000}", "[a-z]+", "a?"][..]), 1usize..400)
        .prop_map(|(piece, times)| piece.repeat(times));
    prop_oneof![8 => glued, 2 => hostile_text(), 1 => long]
}

fn pattern_case(source: &str, text: &str) {
    match pattern::compile(source) {
        Ok(compiled) => {
            let _ = compiled.is_match(text);
        }
        Err(error) => {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!error.message(lang).is_empty());
            }
        }
    }
}

/// The shipped catalog's files, and its compact form, to damage.
fn shipped() -> &'static (Vec<Source>, Vec<u8>) {
    static SHIPPED: OnceLock<(Vec<Source>, Vec<u8>)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let sources = read_folder(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog"))
            .expect("assets/catalog");
        let compact = compact::encode(&load(&sources).0);
        (sources, compact)
    })
}

/// How a catalog file is damaged.
#[derive(Debug, Clone)]
enum Damage {
    /// Cut at a fraction of its length (a half-copied file).
    Truncate(f64),
    /// Bytes removed at a fraction, up to a count.
    Remove(f64, usize),
    /// A snippet put in at a fraction.
    Insert(f64, String),
    /// One byte changed at a fraction.
    Flip(f64, u8),
}

const TOML_SNIPPETS: &[&str] = &[
    "[",
    "]",
    "[[",
    "]]",
    "=",
    "\"",
    "'''",
    "\"\"\"",
    "{",
    "}",
    ",",
    "\n",
    "#",
    "\\",
    "\\u{",
    "\0",
    "\u{FEFF}",
    "condition = \"not not (\"",
    "pattern = \"[0-9\"",
    "kind = \"moblie\"",
    "id = \"\"",
    "x = 1979-05-27T07:32:00Z",
    "[[bundle]]\nid = \"b\"",
    "[[field]]\nid = \"a.b\"\nkind = \"text\"",
    "max_size_kb = -1",
    "days = 99999999999",
    "= [[[[[[[[[[[[",
    "= {a={a={a={a=",
    "<script>alert(1)</script>",
    "\u{0301}",
    "长",
];

fn damage() -> impl Strategy<Value = Damage> {
    damage_with(TOML_SNIPPETS)
}

/// Pieces of JSON that break a draft document in the ways a damaged store or a hand edit would.
const JSON_SNIPPETS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u",
    "\\ud83d",
    "null",
    "-1",
    "1e999",
    "18446744073709551616",
    "\"how\":",
    "{\"pdf\":",
    "\"answers\":",
    "\"drafts\":[",
    "\"version\":1",
    "\"version\":3",
    "[[[[[[[[[[[[[[[[",
    "{\"a\":{\"a\":{\"a\":",
    "\u{0}",
    "\u{feff}",
    "长",
];

fn damage_with(snippets: &'static [&'static str]) -> impl Strategy<Value = Damage> {
    let at = 0.0..1.0f64;
    prop_oneof![
        at.clone().prop_map(Damage::Truncate),
        (at.clone(), 1usize..400).prop_map(|(at, count)| Damage::Remove(at, count)),
        (at.clone(), proptest::collection::vec(proptest::sample::select(snippets), 1..4))
            .prop_map(|(at, snippets)| Damage::Insert(at, snippets.concat())),
        (at, any::<u8>()).prop_map(|(at, byte)| Damage::Flip(at, byte)),
    ]
}

fn apply(bytes: &mut Vec<u8>, damage: &Damage) {
    let place = |at: f64, length: usize| ((length as f64) * at) as usize % (length + 1);
    match damage {
        Damage::Truncate(at) => bytes.truncate(place(*at, bytes.len())),
        Damage::Remove(at, count) => {
            let start = place(*at, bytes.len());
            let end = (start + count).min(bytes.len());
            bytes.drain(start..end);
        }
        Damage::Insert(at, snippet) => {
            let start = place(*at, bytes.len());
            bytes.splice(start..start, snippet.bytes());
        }
        Damage::Flip(at, byte) => {
            if !bytes.is_empty() {
                let index = place(*at, bytes.len() - 1);
                bytes[index] = *byte;
            }
        }
    }
}

/// Damages one shipped file (or the compact form) and loads it: alone, or with the rest of the
/// catalog, as the administrators' page and the app would.
fn loader_case(file: usize, whole: bool, damages: &[Damage]) {
    let (sources, compact_bytes) = shipped();
    let Some(original) = sources.get(file % sources.len()) else { return };
    let mut bytes = original.text.clone().into_bytes();
    for damage in damages {
        apply(&mut bytes, damage);
    }
    match decode_source(original.path.clone(), &bytes) {
        Err(refused) => {
            assert!(!refused.render("", Lang::Zh).is_empty());
        }
        Ok(damaged) => {
            let picked: Vec<Source> = if whole {
                sources
                    .iter()
                    .map(|source| if source.path == damaged.path { damaged.clone() } else { source.clone() })
                    .collect()
            } else {
                vec![damaged]
            };
            let (catalog, diagnostics) = load(&picked);
            for diagnostic in diagnostics.iter().take(20) {
                let text = picked.iter().find(|s| s.path == diagnostic.file).map_or("", |s| s.text.as_str());
                let _ = diagnostic.render(text, Lang::Zh);
                let _ = diagnostic.to_json(text);
            }
            let _ = compact::decode(&compact::encode(&catalog));
        }
    }
    let mut compact_damaged = compact_bytes.clone();
    for damage in damages {
        apply(&mut compact_damaged, damage);
    }
    let _ = compact::decode(&compact_damaged);
    let _ = compact::decode_text(&String::from_utf8_lossy(&compact_damaged));
    pieces_case(file, damages);
}

/// Damages the published index and one bundle's piece. The damaged piece is also offered under
/// a card naming its damaged digest, so that its reader meets the bytes and not only the hash.
fn pieces_case(file: usize, damages: &[Damage]) {
    static PUBLISHED: OnceLock<Published> = OnceLock::new();
    let published = PUBLISHED.get_or_init(|| pieces::publish(&load(&shipped().0).0));
    let index = pieces::read_index(&published.index).expect("reads");
    let mut index_damaged = published.index.clone();
    for damage in damages {
        apply(&mut index_damaged, damage);
    }
    let _ = pieces::read_index(&index_damaged);
    let Some(card) = index.cards.get(file % index.cards.len()) else { return };
    let Some((_, piece)) = published.pieces.iter().find(|(digest, _)| *digest == card.piece) else { return };
    let mut piece_damaged = piece.clone();
    for damage in damages {
        apply(&mut piece_damaged, damage);
    }
    let mut catalog = index.catalog();
    let refused = pieces::absorb(&mut catalog, card, &piece_damaged);
    assert_eq!(refused.is_err(), piece_damaged != *piece);
    let disguised = pieces::BundleCard { piece: pieces::sha256_hex(&piece_damaged), ..card.clone() };
    if let Err(error) = pieces::absorb(&mut catalog, &disguised, &piece_damaged) {
        assert!(!error.message(Lang::Zh).is_empty());
    }
}

/// A real packet of the shipped catalog's first bundle, with a file attached, and the catalog.
fn shipped_packet() -> (yibiao_core::catalog::Catalog, Vec<u8>) {
    use yibiao_core::attachment::{content_id, Attachment, Shape};
    use yibiao_core::packet::export::{export, Export};
    use yibiao_core::session::{Application, DraftId};
    use yibiao_core::verdict::Provision;
    {
        let (catalog, _) = load(&shipped().0);
        let bundle = catalog.bundles.first().expect("a bundle").id.clone();
        let mut application = Application::new(DraftId::new("d1"), bundle, &catalog.version, 1);
        let pdf = b"%PDF-1.4\n%%EOF".to_vec();
        let id = content_id(&pdf);
        let file_type = yibiao_core::catalog::FileType::Pdf;
        let attachment = Attachment {
            id: id.clone(),
            name: "scan.pdf".into(),
            file_type,
            size: 14,
            shape: Shape::Pdf { pages: Some(1) },
            added_ms: 1,
            thumbnail: None,
            checksums: None,
        };
        application.attachments.insert(id.clone(), attachment);
        let plan =
            yibiao_core::plan::Plan::new(&catalog, &application.bundle, &application.answers, today()).expect("plans");
        if let Some(entry) = plan.checklist.first() {
            application.provisions.insert(entry.material.id.clone(), Provision::Attached { files: vec![id.clone()] });
        }
        let files = SortedMap::from([(id, pdf)]);
        let digests = yibiao_core::packet::export::digests_of(&files);
        let made = Export {
            catalog: &catalog,
            application: &application,
            files: &digests,
            today: today(),
            created_ms: 1,
            lang: Lang::Zh,
            app_version: "fuzz",
            next_step: "",
        };
        let bytes = export(made, &files).expect("exports").bytes;
        (catalog, bytes)
    }
}

/// A packet damaged anywhere (cut, bytes removed, inserted or changed): opened with every
/// check, an answer and never a panic.
fn packet_case(catalog: &yibiao_core::catalog::Catalog, original: &[u8], damages: &[Damage]) {
    let mut bytes = original.to_vec();
    for damage in damages {
        apply(&mut bytes, damage);
    }
    if let Err(error) = yibiao_core::packet::open::open(&bytes, catalog, yibiao_core::session::DraftId::new("d2"), 2) {
        assert!(!error.message(Lang::Zh).is_empty() && !error.message(Lang::En).is_empty());
    }
}

/// A saved draft document with every part a draft can hold: two drafts, answers, each way of
/// providing a material, an attached file with its checksums, a walk, what the plan asked.
fn draft_document() -> String {
    use yibiao_core::attachment::{Attachment, Checksums, Shape};
    use yibiao_core::catalog::{BundleId, FieldId, FileType, MaterialId};
    use yibiao_core::catalog_change::Snapshot;
    use yibiao_core::journey::{Page, Walk};
    use yibiao_core::provision::Provision;
    use yibiao_core::session::{Application, DraftId, State};
    let mut draft = Application::new(DraftId::new("d1"), BundleId::new("newborn"), "2026.1", 1_700_000_000_000);
    draft.answers.insert(FieldId::new("applicant.name"), "张三 \"引号\"\n".into());
    draft.visited.insert(FieldId::new("applicant.name"));
    draft.provisions.insert(MaterialId::new("id_card"), Provision::Attached { files: vec!["f1".into()] });
    draft.provisions.insert(MaterialId::new("proof"), Provision::Waived);
    let shape = Shape::Image { width: 1200, height: 900 };
    let checksums = Some(Checksums { sm3: "a".repeat(64), crc32: 7 });
    let file = Attachment {
        id: "f1".into(),
        name: "身份证.jpg".into(),
        file_type: FileType::Jpeg,
        size: 1234,
        shape,
        added_ms: 5,
        thumbnail: Some("data:image/png;base64,AAAA".into()),
        checksums,
    };
    draft.attachments.insert("f1".into(), file);
    draft.set_aside.insert(MaterialId::new("photo"), vec!["f2".into()]);
    draft.walk = Some(Walk { shown: vec![Page::Question(FieldId::new("situation.x"))], ..Walk::default() });
    let seen = Snapshot {
        catalog_version: "2026.1".into(),
        items: vec![],
        fields: vec![],
        materials: vec![],
        answered_only: true,
    };
    draft.seen = Some(std::rc::Rc::new(seen));
    draft.changed.answers.insert(FieldId::new("applicant.name"), 9);
    let other = Application::new(DraftId::new("d2"), BundleId::new("retirement"), "2026.1", 1_700_000_000_001);
    let state = State {
        page: Page::Section("applicant".into()),
        open: Some(DraftId::new("d1")),
        drafts: vec![draft.into(), other.into()],
        ..State::default()
    };
    yibiao_core::draft::encode(&state)
}

/// A damaged saved draft (a storage fault, a hand edit, another version): read, every draft
/// that opens opened and every other set aside with a message, never a panic.
fn draft_case(original: &str, damages: &[Damage]) {
    use yibiao_core::draft;
    let mut bytes = original.as_bytes().to_vec();
    for damage in damages {
        apply(&mut bytes, damage);
    }
    let text = String::from_utf8_lossy(&bytes);
    match draft::read(&text) {
        Ok(read) => {
            for refused in &read.refused {
                assert!(!refused.error.message(Lang::Zh).is_empty());
                let again = draft::read(&refused.document).expect("a copy set aside is a document");
                // Refused again, unless it was set aside only for sharing its id with another.
                assert_eq!(again.state.drafts.len() + again.refused.len(), 1);
            }
            let again = draft::read(&draft::encode(&read.state)).expect("what opened is saved again");
            assert_eq!((again.state.drafts, again.refused.len()), (read.state.drafts, 0));
        }
        Err(error) => assert!(!error.message(Lang::Zh).is_empty() && !error.message(Lang::En).is_empty()),
    }
}

/// Inputs per target in the ordinary test run; `cargo xtask fuzz` sets many more.
const TEST_CASES: u32 = 3_000;

/// Every identifier validator and its messages, on any text.
#[test]
fn validators_never_panic() {
    run("validators", cases(TEST_CASES), hostile_text(), |text| validators_case(&text));
}

/// `parse_value` and `check_value` over every field kind, with and without constraints.
#[test]
fn check_value_never_panics_for_any_kind() {
    let fields = every_kind();
    run("check_value, every kind", cases(TEST_CASES), hostile_text(), |text| check_value_case(&fields, &text));
}

/// The condition language: parse, type-check, evaluate, render errors.
#[test]
fn conditions_never_panic_or_overflow() {
    let fields = condition_fields();
    run("condition language", cases(TEST_CASES), condition_text(), |source| condition_case(&fields, &source));
}

/// The pattern language: compile, and match against any answer.
#[test]
fn patterns_never_panic() {
    run("pattern language", cases(TEST_CASES), (pattern_text(), hostile_text()), |(source, text)| {
        pattern_case(&source, &text)
    });
}

/// Damaged catalog files and compact catalogs: loaded, checked, reported, never a panic. A
/// catalog load costs far more than a field check: a fiftieth of the cases.
#[test]
fn damaged_catalogs_never_panic() {
    let strategy = (0usize..64, proptest::bool::weighted(0.2), proptest::collection::vec(damage(), 1..4));
    run("catalog loader", (cases(TEST_CASES) / 50).max(20), strategy, |(file, whole, damages)| {
        loader_case(file, whole, &damages)
    });
}

/// Damaged packets from another device: the importer answers every one.
#[test]
fn damaged_packets_never_panic() {
    let (catalog, packet) = shipped_packet();
    let damages = proptest::collection::vec(damage(), 1..4);
    run("packet importer", cases(TEST_CASES), damages, |damages| packet_case(&catalog, &packet, &damages));
}

/// Damaged saved drafts: every one read, or refused with a reason.
#[test]
fn damaged_drafts_never_panic() {
    let original = draft_document();
    let damages = proptest::collection::vec(damage_with(JSON_SNIPPETS), 1..4);
    run("saved drafts", cases(TEST_CASES), damages, |damages| draft_case(&original, &damages));
}

/// The cover sheet's QR code holds whatever an applicant typed: a text either becomes a code or
/// is refused as too long, never a panic; the cover's summary always becomes one.
#[test]
fn qr_codes_never_panic() {
    use yibiao_core::packet::qr::{QrCode, QrError, MAX_BYTES};
    run("QR code", (cases(TEST_CASES) / 10).max(100), hostile_text(), |text| match QrCode::encode(&text) {
        Ok(code) => assert!(text.len() <= MAX_BYTES && code.size() >= 21 && code.size() <= 57),
        Err(QrError::TooLong { bytes, .. }) => assert!(bytes > MAX_BYTES),
    });
}

/// The generators reach the telling cases: long pastes, invisible characters, conditions past
/// the length limit, and valid conditions (so that checking and evaluating run too).
#[test]
fn the_generators_reach_the_telling_cases() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let texts: Vec<String> = (0..400).map(|_| hostile_text().new_tree(&mut runner).expect("value").current()).collect();
    assert!(texts.iter().any(|text| text.chars().count() > 1_000), "long pastes are generated");
    assert!(texts.iter().any(|text| text.contains('\u{FEFF}') || text.contains('\u{200B}')));
    let conditions: Vec<String> =
        (0..400).map(|_| condition_text().new_tree(&mut runner).expect("value").current()).collect();
    assert!(conditions.iter().any(|source| source.len() > cond::MAX_CONDITION_LENGTH));
    assert!(conditions.iter().any(|source| cond::parse(source).is_ok()), "some conditions are valid");
    // Damaged drafts: some documents refused whole, some with a draft set aside, some whole.
    let original = draft_document();
    let mut outcomes = yibiao_core::sorted_map::SortedSet::new();
    for _ in 0..400 {
        let damages = proptest::collection::vec(damage_with(JSON_SNIPPETS), 1..4);
        let mut bytes = original.clone().into_bytes();
        damages.new_tree(&mut runner).expect("value").current().iter().for_each(|damage| apply(&mut bytes, damage));
        let outcome = match yibiao_core::draft::read(&String::from_utf8_lossy(&bytes)) {
            Err(_) => "refused whole",
            Ok(read) if !read.refused.is_empty() => "a draft set aside",
            Ok(read) if read.state.drafts.len() == 2 => "both open",
            Ok(_) => "other",
        };
        outcomes.insert(outcome);
    }
    for outcome in ["refused whole", "a draft set aside", "both open"] {
        assert!(outcomes.contains(outcome), "{outcome}: {outcomes:?}");
    }
}
