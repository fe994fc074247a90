//! The reader and writer held to serde_json, as an oracle: the same texts accepted, the same
//! values read, the same bytes written.

use proptest::prelude::*;

use super::*;

/// The tree as serde_json would hold it (a name written twice keeps its last value).
fn oracle_form(value: &Value<'_>) -> serde_json::Value {
    match &value.kind {
        Kind::Null => serde_json::Value::Null,
        Kind::Bool(b) => serde_json::Value::Bool(*b),
        Kind::Number(raw) => serde_json::from_str(raw).unwrap_or(serde_json::Value::Null),
        Kind::String(text) => serde_json::Value::String(text.to_string()),
        Kind::Array(items) => serde_json::Value::Array(items.iter().map(oracle_form).collect()),
        Kind::Object(members) => serde_json::Value::Object(
            members.iter().map(|(name, value)| (name.to_string(), oracle_form(value))).collect(),
        ),
    }
}

/// Pieces of JSON and near-JSON: put together at random they make texts of every kind, most
/// of them wrong in some small way.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    " ",
    "\n",
    "\"a\"",
    "\"名字\"",
    "\"\\u00e9\\n\\t\\\"\\\\\\/\"",
    "\"\\ud83d\\ude00\"",
    "\"\\ud83d\"",
    "\"\\ude00\"",
    "\"\\ud83dx\"",
    "\"\\u12\"",
    "\"\\x\"",
    "\"\u{1}\"",
    "\"",
    "0",
    "-0",
    "01",
    "1.5",
    "1.",
    "-",
    "1e5",
    "2E-3",
    "1e",
    "18446744073709551615",
    "18446744073709551616",
    "true",
    "false",
    "null",
    "nul",
    "tru",
    "\"k\":",
    "\"k\":1",
    "[1,2]",
    "{\"a\":1,\"a\":2}",
    "[,]",
    "{,}",
    "\u{feff}",
    "\"\u{7f}\"",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 1..16).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn reads_what_serde_json_reads_and_refuses_what_it_refuses(text in text()) {
        let ours = parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        // serde_json stops at a number beyond a double's range, which JSON allows: no oracle.
        prop_assume!(!theirs.as_ref().is_err_and(|error| error.to_string().starts_with("number out of range")));
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: ours {:?}, theirs {:?}", text, ours, theirs);
        if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
            prop_assert_eq!(oracle_form(&ours), theirs);
            prop_assert_eq!(ours.raw, text.trim_matches([' ', '\n']));
        }
    }

    #[test]
    fn writes_strings_as_serde_json_does_and_reads_them_back(text in any::<String>()) {
        let mut out = Writer::default();
        out.string(&text);
        let written = out.finish();
        prop_assert_eq!(&written, &serde_json::to_string(&text).expect("a string"));
        let read = parse(&written).expect("reads back");
        prop_assert_eq!(read.as_str(), Some(text.as_str()));
    }

    #[test]
    fn writes_numbers_as_serde_json_does(n in any::<u64>()) {
        let mut out = Writer::default();
        out.number(n);
        let written = out.finish();
        prop_assert_eq!(&written, &n.to_string());
        prop_assert_eq!(parse(&written).expect("a number").as_u64(), Some(n));
    }
}

#[test]
fn every_value_knows_where_it_stands() {
    let text = "{\n  \"a\": [1, \"两\"],\n  \"b\": {\"c\": null}\n}";
    let value = parse(text).expect("reads");
    let a = value.get("a").expect("a");
    assert_eq!((a.at, a.raw), (9, "[1, \"两\"]"));
    let two = &a.items().expect("an array")[1];
    assert_eq!(two.raw, "\"两\"");
    assert_eq!(line_column(text, two.at), (2, 12));
    assert!(value.get("b").and_then(|b| b.get("c")).is_some_and(Value::is_null));
    assert_eq!(value.get("z"), None);
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_not_overflowed() {
    let depth = MAX_DEPTH as usize;
    let deepest = "[".repeat(depth) + &"]".repeat(depth);
    assert!(parse(&deepest).is_ok());
    let deeper = "[".repeat(depth + 1) + &"]".repeat(depth + 1);
    assert_eq!(parse(&deeper), Err(SyntaxError { at: depth }));
    // A hostile text far deeper still is refused at the same place, quickly.
    assert_eq!(parse(&"[{\"a\":".repeat(100_000)).map(|_| ()), Err(SyntaxError { at: 6 * 64 }));
}

#[test]
fn whole_numbers_are_read_exactly_and_nothing_else_is() {
    let number = |text: &str| parse(text).expect("a number").as_u64();
    assert_eq!(number("0"), Some(0));
    assert_eq!(number("18446744073709551615"), Some(u64::MAX));
    for not_a_count in ["18446744073709551616", "-1", "-0", "1.0", "1e3"] {
        assert_eq!(number(not_a_count), None, "{not_a_count}");
    }
}

#[test]
fn an_error_names_the_first_character_that_does_not_fit() {
    assert_eq!(parse("{\"a\": tru}"), Err(SyntaxError { at: 6 }));
    assert_eq!(parse("[1,]"), Err(SyntaxError { at: 3 }));
    assert_eq!(parse("[1] x"), Err(SyntaxError { at: 4 }));
    assert_eq!(parse("\"open"), Err(SyntaxError { at: 5 }));
    assert_eq!(line_column("ab\ncd名e", "ab\ncd名".len()), (2, 4));
}
