//! The packet's printable pages: self-contained HTML (inline CSS, no script, no remote
//! resource), A4 print styles with the system's Chinese fonts, and every value from the
//! applicant or the catalog escaped.

/// Text escaped for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The styles every page shares: A4, margins for binding, the system's CJK fonts, black on
/// white, tables that break between rows, not inside one. (`print_style` is the same for the
/// app's print of the whole packet, `packet.css` beside it.)
pub const STYLE: &str = "@page{size:A4;margin:18mm 16mm}*{box-sizing:border-box}\
body{margin:0;font:11pt/1.5 \"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",\"SimSun\",sans-serif;color:#000;background:#fff}\
main{max-width:178mm;margin:0 auto;padding:8mm 0}\
h1{font-size:16pt;text-align:center;margin:0 0 2mm}\
.department{text-align:center;margin:0 0 6mm}\
h2{font-size:12pt;margin:6mm 0 2mm;border-bottom:1px solid #000}\
table{width:100%;border-collapse:collapse}tr{break-inside:avoid}\
th,td{border:1px solid #000;padding:2mm 3mm;text-align:left;vertical-align:top}\
th{width:38%;font-weight:normal;background:#f2f2f2}\
.empty{color:#555}\
footer{margin-top:8mm;font-size:9pt;color:#333;word-break:break-all}\
.cover-head{display:flex;gap:6mm;align-items:flex-start}.cover-head>div:first-child{flex:1}\
.qr{flex:none;width:40mm}.qr svg{display:block;width:40mm;height:40mm}\
.list th{width:auto}.tick{width:20mm;text-align:center;white-space:nowrap}\
.handover{line-height:1.5}.size-16{font-size:16pt}.size-14{font-size:14pt}.size-12{font-size:12pt}\
.handover h1{font-size:1.5em;line-height:1.3;margin:0 0 .4em}.handover p{margin:0 0 .3em}\
.handover h2{font-size:1.125em;line-height:1.3;margin:.7em 0 .3em;padding-bottom:.1em}\
.handover ul{margin:0;padding-left:1.5em}.handover li{margin:0 0 .15em}\
.fingerprint{font:15pt/1.5 \"Noto Sans Mono CJK SC\",\"DejaVu Sans Mono\",monospace;letter-spacing:.04em;word-spacing:.1em}";

/// A whole page: `title` in the head, `body` (already escaped) in `main`.
pub fn page(lang_tag: &str, title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(lang_tag),
        escape(title),
    )
}

/// The style sheet of the packet's print (`packet.css`, served beside the app): every page's
/// styles, each document on pages of its own.
pub fn print_style() -> String {
    format!("{STYLE}\n.sheet{{max-width:178mm;margin:0 auto;padding:8mm 0}}.sheet+.sheet{{break-before:page}}main:has(>.sheet){{max-width:none;padding:0}}\n")
}

/// The title and the body of a page `page` made, or `None` for any other text.
pub fn sheet_of(page: &str) -> Option<(&str, &str)> {
    let title = page.split_once("<title>")?.1.split_once("</title>")?.0;
    let body = page.split_once("<main>\n")?.1.rsplit_once("</main>")?.0;
    Some((title, body))
}

/// The pages `sheets` (title and body, as `sheet_of` gives them) as one document to print, each
/// on pages of its own, styled by the app's `packet.css` (an app page allows no inline style).
pub fn print_document(lang_tag: &str, title: &str, sheets: &[(&str, &str)]) -> String {
    let mut body = String::new();
    for (sheet_title, sheet) in sheets {
        body.push_str(&format!("<article class=\"sheet\" aria-label=\"{sheet_title}\">\n{sheet}</article>\n"));
    }
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n\
<link rel=\"stylesheet\" href=\"packet.css\">\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(lang_tag),
        escape(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_that_can_break_out_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("张三</textarea>"), "张三&lt;/textarea&gt;");
    }

    #[test]
    fn a_page_comes_apart_into_its_title_and_body() {
        let html = page("zh-CN", "<标题>", "<h1>x</h1>\n<main>not this one</main>\n");
        assert_eq!(sheet_of(&html), Some(("&lt;标题&gt;", "<h1>x</h1>\n<main>not this one</main>\n")));
        assert_eq!(sheet_of("<p>no page</p>"), None);
        let printed = print_document("zh-CN", "T&", &[("a", "<p>1</p>\n"), ("b", "<p>2</p>\n")]);
        assert_eq!(printed.matches("<article class=\"sheet\"").count(), 2);
        assert!(printed.contains("<title>T&amp;</title>") && !printed.contains("<style"), "{printed}");
    }

    #[test]
    fn a_page_is_self_contained() {
        let html = page("zh-CN", "<标题>", "<p>x</p>\n");
        assert!(html.contains("<title>&lt;标题&gt;</title>"));
        for remote in ["<script", "http://", "https://", "<link", "@import", "src="] {
            assert!(!html.contains(remote), "{remote}");
        }
    }
}
