//! Files no catalog should be: binary bytes, hundreds of problems, deep nesting, absurd
//! ranges, no bundle. Each is refused with one clear message, never a crash.

use super::*;

/// A binary file picked as a catalog once gave 9,733 problems and froze the page (issue 10): it
/// is refused with one message, as a text in another encoding is, and the bytes of a real text
/// (with or without a byte-order mark) are read as the checker command reads them.
#[test]
fn bytes_that_are_not_a_text_are_refused_with_one_message() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    let refused = decode_source("logo.toml".into(), png).expect_err("binary");
    assert_eq!(refused.problem, Problem::NotText(NotText::Binary));
    assert_eq!((refused.file.as_str(), refused.severity), ("logo.toml", Severity::Error));
    assert!(refused.render("", Lang::Zh).contains("这不是文本文件"), "{}", refused.render("", Lang::Zh));

    let gbk = b"[catalog]\nversion = \"\xb0\xe6\xb1\xbe\"\n";
    let refused = decode_source("gbk.toml".into(), gbk).expect_err("GBK");
    assert_eq!(refused.problem, Problem::NotText(NotText::NotUtf8 { offset: 21 }));
    assert!(refused.problem.message(Lang::Zh).contains("第 22 个字节"));
    assert!(refused.problem.message(Lang::En).contains("save it again as UTF-8"));

    let controls: Vec<u8> = (0..200u8).map(|i| if i % 10 == 0 { 0x01 } else { b'a' }).collect();
    assert_eq!(
        decode_source("c.toml".into(), &controls).map(|_| ()).map_err(|d| d.problem),
        Err(Problem::NotText(NotText::Binary))
    );

    let with_bom = [b"\xEF\xBB\xBF".as_slice(), CLEAN.as_bytes()].concat();
    let source = decode_source("clean.toml".into(), &with_bom).expect("text");
    assert_eq!(source.text, CLEAN);
    assert!(load(&[source]).1.iter().all(|d| d.severity != Severity::Error));
}

#[test]
fn a_file_lists_at_most_a_hundred_problems_and_says_how_many_more() {
    let broken: String = (0..250).map(|i| format!("unknown_{i} = 1\n")).collect();
    let (_, diagnostics) =
        load(&[Source { path: "a.toml".into(), text: broken.clone() }, Source { path: "b.toml".into(), text: broken }]);
    for file in ["a.toml", "b.toml"] {
        let of_file: Vec<_> = diagnostics.iter().filter(|d| d.file == file).collect();
        assert_eq!(of_file.len(), MAX_PROBLEMS_PER_FILE + 1, "{file}");
        let last = of_file.last().expect("the summary");
        assert_eq!(last.problem, Problem::MoreProblems { count: 150 });
        assert_eq!(last.severity, Severity::Error, "the left-out problems are errors");
        assert!(last.problem.message(Lang::Zh).contains("还有 150 个问题未列出"));
    }
    // A file within the limit gets no summary.
    let (_, few) = load(&[Source { path: "c.toml".into(), text: "x = 1\n".into() }]);
    assert!(few.iter().all(|d| !matches!(d.problem, Problem::MoreProblems { .. })));
}

/// TOML nested ten thousand levels deep is refused by the TOML reader, never a stack overflow.
#[test]
fn deeply_nested_toml_is_an_error_not_a_crash() {
    for text in [
        format!("a = {}1{}", "[".repeat(10_000), "]".repeat(10_000)),
        format!("a = {}", "{ b = ".repeat(10_000)),
        format!("a = {}", "[".repeat(100_000)),
    ] {
        let (_, diagnostics) = load(&[Source { path: "deep.toml".into(), text }]);
        assert!(has_errors(&diagnostics));
    }
}

/// A holiday range of millions of days once meant millions of steps: a range longer than a
/// year is refused as a typo.
#[test]
fn a_holiday_range_longer_than_a_year_is_refused() {
    let text = "[[calendar]]\nholidays = [\"1000-01-01..9999-12-31\"]\n";
    let (_, diagnostics) = load(&[Source { path: "c.toml".into(), text: text.into() }]);
    assert!(diagnostics
        .iter()
        .any(|d| matches!(&d.problem, Problem::BadValue { value, .. } if value.contains("9999"))));
}

/// An empty file, or files of fields and materials alone, once passed the check and left a home
/// page with nothing to do (issue 11).
#[test]
fn a_catalog_without_a_bundle_is_an_error() {
    for text in ["", "\n# nothing yet\n", "[catalog]\nversion = \"empty-1\"\n"] {
        let (_, diagnostics) = load(&[Source { path: "empty.toml".into(), text: text.into() }]);
        let problems: Vec<_> =
            diagnostics.iter().filter(|d| d.severity == Severity::Error).map(|d| &d.problem).collect();
        assert!(problems.contains(&&Problem::NoBundles), "{text:?}: {problems:?}");
    }
    assert!(load(&[]).1.iter().any(|d| d.problem == Problem::NoBundles), "no file at all");
    assert!(Problem::NoBundles.message(Lang::Zh).contains("没有任何一件事"));
    let (_, clean) = load(&[Source { path: "clean.toml".into(), text: CLEAN.into() }]);
    assert!(!clean.iter().any(|d| d.problem == Problem::NoBundles));
}

/// A refused file gets its one message and nothing else: not also "no bundle".
#[test]
fn a_refused_file_is_the_only_thing_said() {
    let (sources, refused) = read_files(vec![("picture.toml".into(), b"\x89PNG\r\n\x1a\n\0\0".to_vec())]);
    let (_, diagnostics) = load_with(&sources, refused);
    let problems: Vec<_> = diagnostics.iter().map(|d| &d.problem).collect();
    assert_eq!(problems, [&Problem::NotText(NotText::Binary)]);
}
