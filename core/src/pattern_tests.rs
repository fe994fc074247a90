use proptest::prelude::*;

use super::*;

fn matches(pattern: &str, text: &str) -> bool {
    compile(pattern).expect("compiles").is_match(text)
}

#[test]
fn the_catalogs_patterns_match_whole_answers() {
    assert!(matches("JY[0-9]{14}", "JY13301020012345"));
    assert!(!matches("JY[0-9]{14}", "JY1330102001234"), "one digit short");
    assert!(!matches("JY[0-9]{14}", "XJY13301020012345"), "anchored at the start");
    assert!(!matches("JY[0-9]{14}", "JY133010200123456"), "anchored at the end");
    let plate = "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][A-HJ-NP-Z0-9]{5,6}";
    assert!(matches(plate, "浙A12345"));
    assert!(matches(plate, "浙AD12345"), "new-energy plates have six");
    assert!(!matches(plate, "浙AI2345"), "no letter I");
    assert!(!matches(plate, "港A12345"));
    assert!(matches("[0-9]{6,20}", "123456"));
    assert!(!matches("[0-9]{6,20}", "12345"));
    assert!(matches(r"\d+\.\d{2}", "50.00"));
    assert!(matches("[^0-9]*", "没有数字"));
    assert!(!matches("[^0-9]*", "有1个"));
    assert!(matches("a?b*c+.", "cc!"));
    assert!(matches("", ""));
    assert!(!matches("", "x"));
    assert!(matches("[a-]{2}", "-a"), "a dash before ] is plain");
}

#[test]
fn what_the_language_leaves_out_is_refused_with_its_place() {
    assert_eq!(compile("(ab)+"), Err(PatternError::Unsupported { found: '(', at: 0 }));
    assert_eq!(compile("a|b"), Err(PatternError::Unsupported { found: '|', at: 1 }));
    assert_eq!(compile(r"\w"), Err(PatternError::UnknownEscape { at: 0 }));
    assert_eq!(compile("[0-9"), Err(PatternError::UnclosedClass { at: 0 }));
    assert_eq!(compile("x[]"), Err(PatternError::EmptyClass { at: 1 }));
    assert_eq!(compile("[9-0]"), Err(PatternError::ReversedRange { at: 2 }));
    assert_eq!(compile("{3}"), Err(PatternError::BadCount { at: 0 }));
    assert_eq!(compile("a{3"), Err(PatternError::BadCount { at: 1 }));
    assert_eq!(compile("a{5,2}"), Err(PatternError::BadCount { at: 1 }));
    assert_eq!(compile("a+*"), Err(PatternError::BadCount { at: 2 }), "one count per character");
    assert_eq!(
        compile("a|b").expect_err("refused").message(Lang::Zh),
        "第 2 个字符“|”不受支持：格式里不能用分组或“或”，请把每种写法列为选项"
    );
}

#[test]
fn a_pattern_is_bounded_and_matching_is_linear() {
    assert_eq!(compile(&"a".repeat(MAX_PATTERN_CHARACTERS)).map(|_| ()), Ok(()));
    assert_eq!(
        compile(&"a".repeat(MAX_PATTERN_CHARACTERS + 1)),
        Err(PatternError::TooLong { at: MAX_PATTERN_CHARACTERS })
    );
    // Pieces × length × count steps would be 50 × 10,000 × 1,000 here; the matcher takes
    // pieces × length.
    assert!(matches(&".{0,1000}".repeat(50), &"x".repeat(10_000)));
    assert!(!matches(&".{0,100}".repeat(50), &"x".repeat(10_000)), "at most 5,000");
    assert!(matches(&format!("{}b", ".*".repeat(240)), &format!("{}b", "a".repeat(10_000))));
    assert!(!matches(&format!("{}b", ".*".repeat(240)), &"a".repeat(10_000)));
}

/// Patterns built from the language's parts, written out as text.
fn any_pattern() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        Just("a".to_owned()),
        Just("b".to_owned()),
        Just("京".to_owned()),
        Just(".".to_owned()),
        Just(r"\d".to_owned()),
        Just("[a-c]".to_owned()),
        Just("[^a]".to_owned()),
        Just("[0-9京]".to_owned()),
    ];
    let count = prop_oneof![
        Just(String::new()),
        Just("?".to_owned()),
        Just("*".to_owned()),
        Just("+".to_owned()),
        (0u32..3).prop_map(|n| format!("{{{n}}}")),
        (0u32..3, 0u32..3).prop_map(|(a, b)| format!("{{{},{}}}", a.min(b), a.max(b))),
        (0u32..3).prop_map(|n| format!("{{{n},}}")),
    ];
    proptest::collection::vec((atom, count), 0..5)
        .prop_map(|pieces| pieces.into_iter().map(|(atom, count)| atom + &count).collect())
}

proptest! {
    /// The same answers as a full regular-expression engine, on the shared language.
    #[test]
    fn agrees_with_a_regular_expression_engine(pattern in any_pattern(), text in "[ab京0-9x]{0,6}") {
        let regex = regex_lite::Regex::new(&format!("^(?:{pattern})$")).expect("valid regex");
        prop_assert_eq!(matches(&pattern, &text), regex.is_match(&text), "{} on {:?}", pattern, text);
    }
}
