use super::*;

/// A symbol for `text` with the given mask rather than the preferred one.
fn with_mask(text: &str, mask: u8) -> QrCode {
    let version = (1..=MAX_VERSION).find(|&v| payload_bits(v, text.len()) <= data_codewords(v) * 8).expect("fits");
    QrCode::draw(version, &interleaved(version, &data_stream(version, text.as_bytes())), mask)
}

/// What a standard reader reads from `code`.
fn zbar_reads(code: &QrCode, name: &str) -> String {
    let side = code.size() + 8;
    let dark: Vec<bool> =
        (0..side * side).map(|i| code.is_dark((i % side).wrapping_sub(4), (i / side).wrapping_sub(4))).collect();
    crate::packet::judges::zbar_reads(&dark, side, name)
}

#[test]
fn the_capacities_are_the_standards() {
    let data: Vec<usize> = (1..=MAX_VERSION).map(data_codewords).collect();
    assert_eq!(data, [16, 28, 44, 64, 86, 108, 124, 154, 182, 216]);
    let total: Vec<usize> = (1..=MAX_VERSION).map(total_codewords).collect();
    assert_eq!(total, [26, 44, 70, 100, 134, 172, 196, 242, 292, 346]);
    assert_eq!(payload_bits(MAX_VERSION, MAX_BYTES), 216 * 8);
    assert!(payload_bits(9, 180) > 182 * 8);
}

#[test]
fn the_alignment_patterns_are_where_the_standard_puts_them() {
    assert_eq!(alignment_centres(1), Vec::<usize>::new());
    assert_eq!(alignment_centres(2), [6, 18]);
    assert_eq!(alignment_centres(6), [6, 34]);
    assert_eq!(alignment_centres(7), [6, 22, 38]);
    assert_eq!(alignment_centres(10), [6, 28, 50]);
}

/// The standard's worked example: "HELLO WORLD" at 1-M (alphanumeric mode), its data
/// codewords and the ten error-correction codewords they give.
#[test]
fn reed_solomon_gives_the_worked_examples_codewords() {
    let data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    assert_eq!(remainder(&data, &generator(10)), [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
}

#[test]
fn version_seven_carries_the_standards_version_bits() {
    let code = with_mask("x".repeat(110).as_str(), 0);
    assert_eq!(code.size(), 45);
    // 000111110010010100, least significant bit first, in the block above the lower left finder.
    let expected = 0b000111110010010100_usize;
    for i in 0..18 {
        let (a, b) = (code.size() - 11 + i % 3, i / 3);
        assert_eq!(code.is_dark(b, a), (expected >> i) & 1 == 1, "bit {i}");
        assert_eq!(code.is_dark(a, b), (expected >> i) & 1 == 1, "bit {i}");
    }
}

#[test]
fn a_standard_reader_reads_every_mask_and_chinese_text() {
    let text = "一表通申请包\n开办餐饮店 · 张三\n指纹 3f2a9c";
    for mask in 0..8 {
        assert_eq!(zbar_reads(&with_mask(text, mask), &format!("mask{mask}")), text, "mask {mask}");
    }
}

#[test]
fn a_standard_reader_reads_every_version() {
    // Lengths that need each version from 1 to 10 at level M, the largest included.
    let lengths = [1, 13, 14, 26, 42, 62, 84, 106, 122, 152, 180, MAX_BYTES];
    let mut versions = Vec::new();
    for len in lengths {
        let text: String = "一表通yibiao0123456789".chars().cycle().take(len).collect::<String>();
        let mut text: String =
            text.char_indices().take_while(|(i, c)| i + c.len_utf8() <= len).map(|(_, c)| c).collect();
        while text.len() < len {
            text.push('x');
        }
        let code = QrCode::encode(&text).expect("fits");
        versions.push((code.size() - 17) / 4);
        assert_eq!(zbar_reads(&code, &format!("len{len}")), text, "{} bytes", text.len());
    }
    versions.dedup();
    assert_eq!(versions, (1..=MAX_VERSION).collect::<Vec<_>>());
}

#[test]
fn a_text_too_long_for_version_ten_is_refused() {
    assert!(QrCode::encode(&"a".repeat(MAX_BYTES)).is_ok());
    assert_eq!(QrCode::encode(&"a".repeat(MAX_BYTES + 1)), Err(QrError::TooLong { bytes: 213, max: MAX_BYTES }));
}

#[test]
fn the_same_text_gives_the_same_symbol() {
    let text = "指纹 0123456789abcdef";
    assert_eq!(QrCode::encode(text), QrCode::encode(text));
}

/// The SVG draws exactly the symbol's dark modules, offset by the quiet zone, and escapes
/// its label.
#[test]
fn the_svg_draws_the_dark_modules_and_nothing_else() {
    let code = QrCode::encode("一表通 <&> 0123").expect("fits");
    let svg = code.svg("二维码 <指纹>");
    assert!(svg.contains("aria-label=\"二维码 &lt;指纹&gt;\""), "{svg}");
    let d = svg.split(" d=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("a path");
    let mut drawn = vec![false; code.size() * code.size()];
    for run in d.split('M').filter(|run| !run.is_empty()) {
        let (start, rest) = run.split_once('h').expect("h");
        let (x, y) = start.split_once(' ').expect("x y");
        let len: usize = rest.split('v').next().expect("len").parse().expect("a number");
        let (x, y): (usize, usize) = (x.parse::<usize>().expect("x") - 4, y.parse::<usize>().expect("y") - 4);
        for i in x..x + len {
            assert!(!drawn[y * code.size() + i], "drawn twice");
            drawn[y * code.size() + i] = true;
        }
    }
    for y in 0..code.size() {
        for x in 0..code.size() {
            assert_eq!(drawn[y * code.size() + x], code.is_dark(x, y), "({x}, {y})");
        }
    }
    assert_eq!(crate::packet::judges::zbar_reads_svg(&svg, "svg"), "一表通 <&> 0123");
}
