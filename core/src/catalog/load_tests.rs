//! Tests of the catalog loader: a clean catalog, and each problem reported at its line.

use super::*;

#[path = "hostile_tests.rs"]
mod hostile;
use crate::catalog::Severity;

const CLEAN: &str = r#"
[catalog]
version = "test-1"

[[section]]
id = "premises"
title = { zh = "经营场所", en = "Premises" }

[[field]]
id = "premises.tenure"
kind = "one_of"
label = { zh = "场所是租用还是自有？", en = "Is the place rented or owned?" }
plain = { zh = "房子是租来的，还是自己的？", en = "Do you rent the place or own it?" }
required = true
options = [
  { value = "rented", zh = "租用", en = "Rented" },
  { value = "owned", zh = "自有", en = "Owned" },
]

[[field]]
id = "premises.address"
kind = "address"
label = { zh = "经营场所地址", en = "Address of the premises" }
required = true
max_length = 120

[[material]]
id = "lease"
name = { zh = "租赁合同", en = "Lease contract" }
description = { zh = "双方签字的租赁合同", en = "The lease signed by both sides" }
file_types = ["pdf", "jpeg"]
max_size_kb = 5120

[[item]]
id = "licence"
name = { zh = "营业执照", en = "Business licence" }
department = { zh = "市场监督管理局", en = "Market regulation" }
legal_days = 15
promised_days = 1
fields = [{ field = "premises.address", label = { zh = "住所", en = "Domicile" } }]

[[item.material]]
id = "lease"
copies = 1
condition = 'premises.tenure == "rented"'
waiver = { mode = "process", days = 5, commitment = { zh = "五个工作日内补交", en = "Supply it within five working days" } }

[[bundle]]
id = "shop"
name = { zh = "开店", en = "Opening a shop" }
pinyin = "kai dian"
search = ["门店", "开铺子"]
summary = { zh = "一次办好", en = "All at once" }
category = "enterprise"
questions = ["premises.tenure"]
max_waived = 2

[[bundle.item]]
id = "licence"

[[calendar]]
year = 2026
holidays = ["2026-10-01..2026-10-08"]
working_weekends = ["2026-09-20", "2026-10-10"]
"#;

fn load_one(text: &str) -> (Catalog, Vec<Diagnostic>) {
    load(&[Source { path: "test.toml".into(), text: text.into() }])
}

/// Loads `text` and returns each problem as `line: message` (English).
fn problems(text: &str) -> Vec<String> {
    load_one(text)
        .1
        .iter()
        .map(|diagnostic| {
            let (line, _) = cond::line_column(text, diagnostic.span.start);
            format!("{line}: {}", diagnostic.problem.message(Lang::En))
        })
        .collect()
}

#[test]
fn a_clean_catalog_loads_completely() {
    let (catalog, diagnostics) = load_one(CLEAN);
    assert_eq!(diagnostics, [], "{diagnostics:#?}");
    assert_eq!(catalog.version, "test-1");
    let tenure = catalog.field(&FieldId::new("premises.tenure")).expect("loaded");
    assert_eq!(tenure.kind, FieldKind::OneOf);
    assert_eq!(tenure.options.len(), 2);
    assert_eq!(tenure.plain.as_ref().map(|text| text.zh.as_str()), Some("房子是租来的，还是自己的？"));
    let address = catalog.field(&FieldId::new("premises.address")).expect("loaded");
    assert_eq!(address.constraints.max_length, Some(120));
    let item = &catalog.items[&ItemId::new("licence")];
    assert_eq!(item.fields[0].form_label.as_ref().map(|text| text.zh.as_str()), Some("住所"));
    let lease = &item.materials[0];
    assert_eq!(lease.condition.as_ref().map(|c| c.source.as_str()), Some(r#"premises.tenure == "rented""#));
    assert_eq!(lease.rules.waiver.as_ref().map(|w| (w.mode, w.days)), Some((WaiverMode::Process, 5)));
    let material = &catalog.materials[&MaterialId::new("lease")];
    assert_eq!((material.file_types.clone(), material.max_size_kb), (vec![FileType::Pdf, FileType::Jpeg], 5120));
    let bundle = &catalog.bundles[0];
    assert_eq!((bundle.category, bundle.waiver_policy.max_waived), (Category::Enterprise, Some(2)));
    assert_eq!(bundle.questions, [FieldId::new("premises.tenure")]);
    let october = |day| Date::from_ymd(2026, 10, day).expect("valid");
    assert_eq!(catalog.calendar.is_working_day(october(8)), Ok(false));
    assert_eq!(catalog.calendar.is_working_day(october(10)), Ok(true), "a swapped Saturday");
}

#[test]
fn every_problem_is_reported_at_once_with_its_line() {
    let broken = CLEAN
        .replace("kind = \"address\"", "kind = \"adress\"")
        .replace("required = true\nmax_length", "requird = true\nmax_length")
        .replace(r#"en = "Lease contract""#, r#"en = """#)
        .replace(r#"'premises.tenure == "rented"'"#, r#"'premises.tenure == "leased"'"#)
        .replace("promised_days = 1", "promised_days = 20")
        .replace("[[bundle.item]]\nid = \"licence\"", "[[bundle.item]]\nid = \"license\"");
    let found = problems(&broken);
    assert_eq!(
        found,
        [
            "22: “kind” cannot be “adress”; choose one of text, long_text, integer, decimal, money, date, yes_no, one_of, many_of, id_number, credit_code, mobile, landline, postcode, email, bank_card, person_name, address",
            "24: unknown key “requird” (a typo? the keys are id, kind, label, help, plain, required, condition, options, min_length, max_length, min, max, pattern, pattern_message, derived, check)",
            "29: “name” has no English text",
            "35: item “licence” promises 20 days, more than its legal 15",
            // A consequence of the misspelt bundle item below, and only a warning.
            "35: item “licence” is not used anywhere",
            "45: condition: field “premises.tenure” has no option “leased”; its options are rented, owned",
            "59: there is no item “license”",
        ]
        .map(|line| line.to_string())
    );
    let (_, diagnostics) = load_one(&broken);
    let warnings: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.severity == Severity::Warning).collect();
    assert_eq!(warnings.len(), 1, "only the unused item is a warning");
    assert!(matches!(warnings[0].problem, Problem::Unused { kind: "item", .. }));
}

#[test]
fn duplicates_conflicts_rules_and_calendar_gaps() {
    let extra = r#"
[[field]]
id = "premises.address"
kind = "text"
label = { zh = "地址", en = "Address" }

[[field]]
id = "premises.tenure"
kind = "one_of"
label = { zh = "重复", en = "Duplicate" }
options = [{ value = "x", zh = "x", en = "x" }]

[[item]]
id = "permit"
name = { zh = "许可", en = "Permit" }
department = { zh = "某局", en = "A bureau" }
legal_days = 20
promised_days = 5
fields = ["premises.address"]

[[item.material]]
id = "lease"
key = true
waiver = { mode = "accept", days = 3, commitment = { zh = "补交", en = "Supply" } }

[[bundle]]
id = "other"
name = { zh = "另一件事", en = "Another" }
summary = { zh = "说明", en = "Summary" }
category = "personal"
questions = ["premises.address"]

[[bundle.item]]
id = "permit"

[[calendar]]
year = 2028
holidays = ["2028-01-01", "2027-12-31"]
"#;
    let found = problems(&format!("{CLEAN}{extra}"));
    let expect = |message: &str| assert!(found.iter().any(|line| line.contains(message)), "{message}\n{found:#?}");
    expect("field “premises.address” is declared with two kinds: Address and Text");
    expect("the field id “premises.tenure” is already defined on line 10");
    expect("in item “permit”, material “lease” is key and so cannot be waivable");
    expect("situation question “premises.address” must be a yes_no or one_of field");
    expect("the holiday calendar has no entry for 2027");
    expect("2027-12-31 is not in 2028");

    // A key material with an incomplete waiver is still reported as waivable.
    let incomplete = r#"commitment = { zh = "补交", en = "" }"#;
    let found =
        problems(&format!("{CLEAN}{}", extra.replace(r#"commitment = { zh = "补交", en = "Supply" }"#, incomplete)));
    assert!(found.iter().any(|line| line.contains("material “lease” is key and so cannot be waivable")), "{found:#?}");
    assert!(found.iter().any(|line| line.contains("“commitment” has no English text")), "{found:#?}");
}

#[test]
fn syntax_errors_and_condition_errors_point_into_the_file() {
    let (_, diagnostics) = load_one("[catalog\nversion = 1");
    assert!(matches!(diagnostics[0].problem, Problem::Syntax { .. }), "{diagnostics:#?}");

    let text = CLEAN.replace(r#"'premises.tenure == "rented"'"#, r#"'premises.tenure = "rented"'"#);
    let (_, diagnostics) = load_one(&text);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let rendered = diagnostics[0].render(&text, Lang::Zh);
    assert!(rendered.starts_with("test.toml:45:30: 错误: 条件有误：比较相等要写“==”，不是“=”"), "{rendered}");
    assert!(
        rendered.ends_with("condition = 'premises.tenure = \"rented\"'\n                             ^"),
        "{rendered}"
    );
    let json = diagnostics[0].to_json(&text);
    assert_eq!((json["line"].as_u64(), json["column"].as_u64()), (Some(45), Some(30)));
    assert_eq!(json["severity"], "error");
}

#[test]
fn a_condition_on_a_field_the_bundle_never_asks_is_an_error() {
    // Without the question, the lease would wait for an answer nobody is asked for.
    let text = CLEAN.replace("questions = [\"premises.tenure\"]", "questions = []");
    let found = problems(&text);
    assert_eq!(
        found,
        [format!(
            "{}: in bundle “shop”, the condition of “licence / lease” reads field “premises.tenure”, which the \
             bundle asks neither as a situation question nor in its form, so what depends on it stays pending",
            CLEAN.lines().position(|line| line == "id = \"shop\"").expect("the bundle") + 1
        )]
    );
    // Asked in the form instead of as a question, it is answered, so nothing stays pending.
    let in_form = text.replace("fields = [{ field", "fields = [\"premises.tenure\", { field");
    assert_eq!(problems(&in_form), Vec::<String>::new());
}

#[test]
fn patterns_and_cross_field_checks_load_and_are_checked() {
    let fields = r#"
[[field]]
id = "premises.room"
kind = "text"
label = { zh = "房号", en = "Room" }
pattern = "[A-Z][0-9]{3}"
pattern_message = { zh = "房号是一个大写字母加三位数字，例如 B204", en = "A room is a capital letter and three digits, such as B204" }

[[field.check]]
rule = 'premises.tenure == "owned" or premises.room != "A000"'
message = { zh = "租用场所不能是 A000", en = "A rented place cannot be room A000" }
"#;
    let text = format!("{CLEAN}{fields}").replace(
        "fields = [{ field = \"premises.address\"",
        "fields = [\"premises.room\", { field = \"premises.address\"",
    );
    let (catalog, diagnostics) = load_one(&text);
    assert_eq!(diagnostics, [], "{diagnostics:#?}");
    let room = catalog.field(&FieldId::new("premises.room")).expect("loaded");
    let pattern = room.constraints.pattern.as_ref().expect("a pattern");
    assert!(
        pattern.compiled.is_match("B204") && !pattern.compiled.is_match("B2045") && !pattern.compiled.is_match("xB204")
    );
    assert_eq!(room.checks.len(), 1);

    let broken = text
        .replace("[A-Z][0-9]{3}", "[A-Z")
        .replace("premises.room != \"A000\"", "premises.rooms != \"A000\"")
        .replace("pattern_message = { zh", "pattern_mesage = { zh");
    let found = problems(&broken);
    let expect = |message: &str| assert!(found.iter().any(|line| line.contains(message)), "{message}\n{found:#?}");
    expect("“pattern” = “[A-Z (");
    expect("condition: there is no field “premises.rooms”");
    expect("unknown key “pattern_mesage”");
    expect("the key “pattern_message” is required");
}

#[test]
fn stored_sources_round_trip() {
    let sources = vec![Source { path: "a.toml".into(), text: CLEAN.into() }];
    assert_eq!(decode_sources(&encode_sources(&sources)), Some(sources));
    assert_eq!(decode_sources("not json"), None);
    assert!(!has_errors(&load_one(CLEAN).1));
    assert!(has_errors(&load_one("[catalog]\nversion = 3").1));
}

#[test]
fn the_kinds_the_format_lists_are_the_kinds_there_are() {
    let words: Vec<&str> = FieldKind::ALL.iter().map(|kind| kind.word()).collect();
    assert_eq!(words, FIELD_KINDS);
    for kind in FieldKind::ALL {
        assert_eq!(field_kind(kind.word()), Some(kind));
    }
}

#[test]
fn a_bundle_s_pinyin_has_a_syllable_per_character() {
    let (catalog, _) = load_one(CLEAN);
    assert_eq!(catalog.bundles[0].pinyin, ["kai", "dian"]);
    let found = problems(&CLEAN.replace("pinyin = \"kai dian\"", "pinyin = \"kāi dian dian\""));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("the name has 2 characters, the pinyin 3 syllables"), "{found:?}");
    let found = problems(&CLEAN.replace("pinyin = \"kai dian\"\n", ""));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("has no pinyin"), "{found:?}");
}

#[test]
fn search_words_are_checked() {
    let (catalog, _) = load_one(CLEAN);
    assert_eq!(catalog.bundles[0].search_words, ["门店", "开铺子"]);
    let found = problems(&CLEAN.replace(r#"search = ["门店", "开铺子"]"#, r#"search = ["门店", " 门店 ", "", "开 铺子", 3]"#));
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found.iter().all(|problem| problem.contains("“search”")), "{found:?}");
    let found = problems(&CLEAN.replace("search = [\"门店\", \"开铺子\"]\n", ""));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("has no search words"), "{found:?}");
}

/// A bundle's own check across answers: its rule is type-checked, reads only what the bundle
/// asks, and names as the answer to change a field the rule reads.
#[test]
fn a_bundle_s_checks_across_answers_are_checked() {
    let with_check = |check: &str| CLEAN.replace("max_waived = 2\n", &format!("max_waived = 2\n\n{check}\n"));
    let good = with_check(
        "[[bundle.check]]\nfield = \"premises.tenure\"\nrule = 'premises.tenure != \"owned\"'\nmessage = { zh = \"只能租用\", en = \"Rented only\" }",
    );
    let (catalog, diagnostics) = load_one(&good);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(catalog.bundles[0].checks.len(), 1);
    assert_eq!(catalog.bundles[0].checks[0].field.as_str(), "premises.tenure");
    let found = problems(&good.replace("field = \"premises.tenure\"", "field = \"applicant.name\""));
    assert!(found.iter().any(|problem| problem.contains("a field the rule reads")), "{found:?}");
    let found = problems(&good.replace("'premises.tenure != \"owned\"'", "'premises.tenure != \"bought\"'"));
    assert!(found.iter().any(|problem| problem.contains("no option “bought”")), "{found:?}");
    let found = problems(&good.replace("message = ", "mesage = "));
    assert!(found.iter().any(|problem| problem.contains("mesage")), "{found:?}");
}
