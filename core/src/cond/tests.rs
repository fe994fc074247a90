//! Tests of the condition language: one `check` helper per stage, small fixtures.

use crate::sorted_map::SortedMap;

use super::*;
use crate::catalog::cond_check::check;
use crate::catalog::{Field, FieldId, FieldKind, FieldOption};
use crate::date::Date;
use crate::text::Text;
use crate::validate::{parse_value, Value};

fn fields() -> SortedMap<FieldId, std::rc::Rc<Field>> {
    let field = |id: &str, kind: FieldKind, options: &[&str]| Field {
        options: options
            .iter()
            .map(|value| FieldOption { value: (*value).to_owned(), label: Text::new(*value, *value) })
            .collect(),
        ..Field::new(FieldId::new(id), kind, Text::new(id, id))
    };
    [
        field("premises.tenure", FieldKind::OneOf, &["rented", "owned"]),
        field("premises.area", FieldKind::Decimal, &[]),
        field("applicant.is_foreign", FieldKind::YesNo, &[]),
        field("applicant.id_number", FieldKind::IdNumber, &[]),
        field("enterprise.type", FieldKind::OneOf, &["limited", "sole_proprietor", "partnership"]),
        field("enterprise.start_date", FieldKind::Date, &[]),
        field("business.scope", FieldKind::ManyOf, &["food", "retail", "alcohol"]),
        field("agent.name", FieldKind::PersonName, &[]),
        field("agent.id_number", FieldKind::IdNumber, &[]),
    ]
    .into_iter()
    .map(|field| (field.id.clone(), field.into()))
    .collect()
}

fn today() -> Date {
    Date::from_ymd(2026, 11, 22).expect("valid")
}

/// Parses and checks `source`, returning each problem rendered in English.
fn problems(source: &str) -> Vec<String> {
    match parse(source) {
        Err(error) => vec![ConditionError::Parse(error).render(source, Lang::En)],
        Ok(expr) => check(&expr, &fields())
            .into_iter()
            .map(|error| ConditionError::Type(error).render(source, Lang::En))
            .collect(),
    }
}

/// Evaluates `source` over `answers` (field id, typed text as a person would enter it).
fn eval(source: &str, answers: &[(&str, &str)]) -> Truth {
    let expr = parse(source).expect("parses");
    assert_eq!(problems(source), Vec::<String>::new(), "{source} must check clean");
    let fields = fields();
    let answer = |id: &FieldId| -> Option<Value> {
        let text = answers.iter().find(|(field, _)| *field == id.as_str())?.1;
        parse_value(fields.get(id)?, text, today()).ok().flatten()
    };
    evaluate(&expr, &answer, today())
}

#[test]
fn the_examples_of_the_format_check_clean() {
    for source in [
        r#"premises.tenure == "rented" and not applicant.is_foreign"#,
        "age(applicant.id_number) >= 60",
        r#"enterprise.type in ["limited", "sole_proprietor"]"#,
        "is_set(agent.name)",
        r#"has(business.scope, "alcohol") or premises.area > 150.5"#,
        r#"enterprise.start_date >= date("2026-01-01") and enterprise.start_date <= today()"#,
        r#"sex(applicant.id_number) == "female" and not (premises.tenure != 'owned')"#,
        r#"enterprise.type not in ["partnership"]"#,
        "applicant.id_number != applicant.id_number",
        "age_on(applicant.id_number, enterprise.start_date) >= 18",
        "days_between(enterprise.start_date, today()) <= 30",
        "sum(premises.area, 1, premises.area) == 12",
        "(premises.area > 300) == applicant.is_foreign",
    ] {
        assert_eq!(problems(source), Vec::<String>::new(), "{source}");
    }
}

#[test]
fn parse_errors_point_at_the_place_with_a_caret() {
    assert_eq!(
        problems(r#"premises.tenure = "rented""#),
        ["line 1, column 17: compare with “==”, not “=”\npremises.tenure = \"rented\"\n                ^"]
    );
    assert_eq!(
        problems("premises.area > 10 and"),
        ["line 1, column 23: the condition ends too early: expected a value\npremises.area > 10 and\n                      ^"]
    );
    assert_eq!(
        problems("(premises.area > 10"),
        ["line 1, column 20: the condition ends too early: expected “)”\n(premises.area > 10\n                   ^"]
    );
    assert_eq!(
        problems("premises.area > 10 applicant.is_foreign"),
        ["line 1, column 20: expected the end of the condition, found “applicant”\npremises.area > 10 applicant.is_foreign\n                   ^^^^^^^^^"]
    );
    assert!(problems(r#"premises.tenure == "rented"#)[0].contains("no closing quote"));
    assert!(problems("premises.area > 1.2.3")[0].contains("“1.2.3” is not a valid number"));
    assert!(problems("premises.area # 3")[0].contains("“#” cannot appear"));
    assert!(problems("")[0].contains("the condition is empty"));
    assert_eq!(line_column("a\nbc == 1", 4), (2, 3));
}

#[test]
fn type_errors_are_all_reported_in_plain_words() {
    let found = problems(r#"premises.tenant == "rented" or premises.area > date("2026-01-01")"#);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("line 1, column 1: there is no field “premises.tenant”"), "{}", found[0]);
    assert!(found[1].contains("the two sides of “>” differ: a number and a date"), "{}", found[1]);

    let expect = |source: &str, message: &str| {
        let found = problems(source);
        assert!(found.iter().any(|problem| problem.contains(message)), "{source}: {found:#?}");
    };
    expect(
        r#"premises.tenure == "leased""#,
        "field “premises.tenure” has no option “leased”; its options are rented, owned",
    );
    expect(r#"enterprise.type in ["limited", "llc"]"#, "no option “llc”");
    expect(r#"has(business.scope, "tobacco")"#, "no option “tobacco”");
    expect("premises.area", "a yes/no condition is needed here, not a number");
    expect("age(premises.tenure) > 3", "age() takes an ID number, not a text");
    expect("agee(applicant.id_number) > 3", "there is no function “agee”");
    expect("is_set(1)", "is_set() takes a field name");
    expect("age() > 3", "age() takes 1 argument, not 0");
    expect(r#"premises.tenure < "owned""#, "a text has no order");
    expect("applicant.id_number < applicant.id_number", "an ID number cannot be compared so");
    expect("sum(premises.area) > 3", "sum() takes at least 2 arguments, not 1");
    expect("sum(premises.area, enterprise.start_date) > 3", "sum() takes a number, not a date");
    expect("days_between(enterprise.start_date, 3) > 3", "days_between() takes a date, not a number");
    expect("age_on(applicant.id_number) > 3", "age_on() takes 2 arguments, not 1");
    expect(r#"enterprise.start_date > date("2026-02-30")"#, "“2026-02-30” is not a valid date");
    expect(r#"premises.area in "rented""#, "the right of “in” must be a list");
    expect(r#"premises.area in ["rented"]"#, "the two sides of “in” differ");
}

#[test]
fn messages_exist_in_chinese() {
    let source = r#"premises.tenure == "leased""#;
    let error = check(&parse(source).expect("parses"), &fields()).remove(0);
    assert_eq!(
        ConditionError::Type(error).render(source, Lang::Zh),
        "第 1 行第 20 列: 字段“premises.tenure”没有选项“leased”；它的选项是 rented、owned\npremises.tenure == \"leased\"\n                   ^^^^^^^^"
    );
}

#[test]
fn evaluates_over_typed_answers() {
    let rented = r#"premises.tenure == "rented" and not applicant.is_foreign"#;
    assert_eq!(eval(rented, &[("premises.tenure", "rented"), ("applicant.is_foreign", "no")]), Truth::True);
    assert_eq!(eval(rented, &[("premises.tenure", "owned"), ("applicant.is_foreign", "no")]), Truth::False);
    let senior = "age(applicant.id_number) >= 60";
    assert_eq!(eval(senior, &[("applicant.id_number", "11010519491231002X")]), Truth::True);
    assert_eq!(eval(senior, &[("applicant.id_number", "110101199003071233")]), Truth::False, "born 1990, aged 36");
    assert_eq!(
        eval(r#"sex(applicant.id_number) == "female""#, &[("applicant.id_number", "11010519491231002X")]),
        Truth::True
    );
    let kinds = r#"enterprise.type in ["limited", "sole_proprietor"]"#;
    assert_eq!(eval(kinds, &[("enterprise.type", "limited")]), Truth::True);
    assert_eq!(eval(kinds, &[("enterprise.type", "partnership")]), Truth::False);
    assert_eq!(eval(r#"enterprise.type not in ["partnership"]"#, &[("enterprise.type", "limited")]), Truth::True);
    assert_eq!(eval("is_set(agent.name)", &[("agent.name", "李四")]), Truth::True);
    assert_eq!(eval("is_set(agent.name)", &[]), Truth::False, "is_set is never unknown");
    assert_eq!(eval(r#"has(business.scope, "alcohol")"#, &[("business.scope", "food,alcohol")]), Truth::True);
    assert_eq!(eval(r#"has(business.scope, "alcohol")"#, &[("business.scope", "alcohol")]), Truth::True);
    assert_eq!(eval(r#"has(business.scope, "alcohol")"#, &[("business.scope", "food")]), Truth::False);
    assert_eq!(eval("premises.area > 150.5", &[("premises.area", "150.6")]), Truth::True);
    assert_eq!(
        eval(
            r#"enterprise.start_date <= today() and enterprise.start_date >= date("2026-01-01")"#,
            &[("enterprise.start_date", "2026-11-22")]
        ),
        Truth::True
    );
}

/// What the consistency checks across answers read: the same person twice, an age on a given
/// day, the days between two dates, a sum, and a yes/no answer against a typed number.
#[test]
fn evaluates_the_functions_of_checks_across_answers() {
    let woman = ("applicant.id_number", "11010519491231002X");
    let born_1990 = "110101199003071233";
    // The same number, typed with a lower-case x, is the same person.
    let same = "agent.id_number == applicant.id_number";
    assert_eq!(eval(same, &[woman, ("agent.id_number", "11010519491231002x")]), Truth::True);
    assert_eq!(eval(same, &[woman, ("agent.id_number", born_1990)]), Truth::False);
    assert_eq!(eval(same, &[woman]), Truth::Unknown);
    let age_on = "age_on(applicant.id_number, enterprise.start_date) >= 18";
    assert_eq!(eval(age_on, &[("applicant.id_number", born_1990), ("enterprise.start_date", "2008-03-06")]), Truth::False);
    assert_eq!(eval(age_on, &[("applicant.id_number", born_1990), ("enterprise.start_date", "2008-03-07")]), Truth::True);
    assert_eq!(eval(age_on, &[("applicant.id_number", born_1990)]), Truth::Unknown);
    let recent = "days_between(enterprise.start_date, today()) <= 30";
    assert_eq!(eval(recent, &[("enterprise.start_date", "2026-10-23")]), Truth::True, "30 days before today");
    assert_eq!(eval(recent, &[("enterprise.start_date", "2026-10-22")]), Truth::False);
    assert_eq!(eval("days_between(enterprise.start_date, today()) < 0", &[("enterprise.start_date", "2026-11-23")]), Truth::True);
    let adds_up = "sum(premises.area, 0.5, premises.area) == 12";
    assert_eq!(eval(adds_up, &[("premises.area", "5.75")]), Truth::True);
    assert_eq!(eval(adds_up, &[("premises.area", "5.7")]), Truth::False);
    assert_eq!(eval(adds_up, &[]), Truth::Unknown, "a part unanswered leaves the sum unknown");
    let agrees = "(premises.area > 300) == applicant.is_foreign";
    assert_eq!(eval(agrees, &[("premises.area", "200"), ("applicant.is_foreign", "yes")]), Truth::False);
    assert_eq!(eval(agrees, &[("premises.area", "300.5"), ("applicant.is_foreign", "yes")]), Truth::True);
    assert_eq!(eval(agrees, &[("premises.area", "200")]), Truth::Unknown);
}

#[test]
fn unanswered_questions_make_a_condition_unknown_not_false() {
    let source = r#"premises.tenure == "rented" and not applicant.is_foreign"#;
    assert_eq!(eval(source, &[]), Truth::Unknown);
    assert_eq!(eval(source, &[("premises.tenure", "owned")]), Truth::False, "false and unknown is false");
    assert_eq!(eval(source, &[("premises.tenure", "rented")]), Truth::Unknown);
    let either = r#"premises.tenure == "rented" or applicant.is_foreign"#;
    assert_eq!(eval(either, &[("premises.tenure", "rented")]), Truth::True, "true or unknown is true");
    assert_eq!(
        eval("premises.area > 100", &[("premises.area", "not a number")]),
        Truth::Unknown,
        "an invalid answer counts as none"
    );
}

#[test]
fn lists_the_fields_a_condition_reads() {
    let expr =
        parse(r#"premises.tenure == "rented" and (premises.tenure != "owned" or age(applicant.id_number) > 60)"#)
            .expect("parses");
    let read: Vec<&str> = expr.fields().into_iter().map(FieldId::as_str).collect();
    assert_eq!(read, ["premises.tenure", "applicant.id_number"]);
}

/// Hostile nesting: ten thousand levels once overflowed the recursive parser's stack and killed
/// the administrators' page (issue 10). Every way of nesting is refused where it passes the
/// limit, and a condition at the limit still parses.
#[test]
fn nesting_and_length_are_bounded_with_their_place() {
    let deep = |open: &str, close: &str, levels: usize| format!("{}x.y{}", open.repeat(levels), close.repeat(levels));
    let hostile = [
        deep("not ", "", 10_000),
        deep("(", ")", 10_000),
        deep("[", "]", 10_000),
        deep("f(", ")", 10_000),
        deep("not (", ")", 10_000),
    ];
    for source in &hostile {
        let error = parse(source).expect_err("too deep");
        assert!(
            matches!(error.kind, ParseErrorKind::TooLong { .. } | ParseErrorKind::TooDeep { .. }),
            "{:?}",
            error.kind
        );
    }
    // Within the length limit, the depth limit speaks, at the token where it is passed.
    let error = parse(&deep("not ", "", MAX_DEPTH + 1)).expect_err("too deep");
    assert_eq!(error.kind, ParseErrorKind::TooDeep { limit: MAX_DEPTH });
    assert_eq!(error.span.start, "not ".len() * MAX_DEPTH);
    let error = parse(&deep("(", ")", MAX_DEPTH + 1)).expect_err("too deep");
    assert_eq!((error.kind, error.span.start), (ParseErrorKind::TooDeep { limit: MAX_DEPTH }, MAX_DEPTH));
    assert!(parse(&deep("(", ")", MAX_DEPTH - 1)).is_ok());
    // Chains of and/or are read in a loop but build deep trees: bounded too.
    let chain = vec!["x.y"; 500].join(" or ");
    assert_eq!(parse(&chain).map_err(|error| error.kind), Err(ParseErrorKind::TooDeep { limit: MAX_DEPTH }));
    assert!(parse(&vec!["x.y"; 30].join(" and ")).is_ok());
    // Length: refused from where the limit is passed, also inside a multi-byte character.
    let long = format!("x.y == \"{}\"", "长".repeat(MAX_CONDITION_LENGTH));
    let error = parse(&long).expect_err("too long");
    assert_eq!(error.kind, ParseErrorKind::TooLong { limit: MAX_CONDITION_LENGTH });
    assert!(error.span.start <= MAX_CONDITION_LENGTH && long.is_char_boundary(error.span.start));
    for lang in [Lang::Zh, Lang::En] {
        assert!(error.message(lang).contains(&MAX_CONDITION_LENGTH.to_string()));
        assert!(ParseError { kind: ParseErrorKind::TooDeep { limit: MAX_DEPTH }, span: Span::default() }
            .message(lang)
            .contains("64"));
    }
}

#[test]
fn places_inside_a_character_or_past_the_end_never_panic() {
    assert_eq!(line_column("长\n宽", 1), (1, 1));
    assert_eq!(line_column("长\n宽", 100), (2, 2));
    assert_eq!(caret("长", Span::new(2, 1)), "长\n^");
}
