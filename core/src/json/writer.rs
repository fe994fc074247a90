//! Writing JSON (`super`): compact, as serde_json writes it.

/// Writes compact JSON (no whitespace), escaping strings as serde_json does: quotes,
/// backslashes and control characters only.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
    /// Whether the next value or member follows another in the same array or object.
    comma: bool,
}

impl Writer {
    pub fn finish(self) -> String {
        self.out
    }

    fn separate(&mut self) {
        if self.comma {
            self.out.push(',');
        }
        self.comma = true;
    }

    fn open(&mut self, bracket: char) {
        self.separate();
        self.out.push(bracket);
        self.comma = false;
    }

    fn close(&mut self, bracket: char) {
        self.out.push(bracket);
        self.comma = true;
    }

    pub fn begin_object(&mut self) {
        self.open('{');
    }

    pub fn end_object(&mut self) {
        self.close('}');
    }

    pub fn begin_array(&mut self) {
        self.open('[');
    }

    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// A member's name; its value is written next.
    pub fn key(&mut self, name: &str) {
        self.string(name);
        self.out.push(':');
        self.comma = false;
    }

    pub fn null(&mut self) {
        self.separate();
        self.out.push_str("null");
    }

    pub fn bool(&mut self, value: bool) {
        self.separate();
        self.out.push_str(if value { "true" } else { "false" });
    }

    pub fn number(&mut self, value: u64) {
        self.separate();
        // By hand: the formatter's integer code is not otherwise needed here.
        let mut digits = [0u8; 20];
        let mut rest = value;
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.out.extend(digits[start..].iter().map(|&digit| char::from(digit)));
    }

    pub fn string(&mut self, text: &str) {
        self.separate();
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                '\0'..='\u{1f}' => {
                    let code = c as u8;
                    self.out.push_str("\\u00");
                    self.out.push(char::from(b"0123456789abcdef"[usize::from(code >> 4)]));
                    self.out.push(char::from(b"0123456789abcdef"[usize::from(code & 0xf)]));
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}
