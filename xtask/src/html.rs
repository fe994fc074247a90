//! Reading the tags of a built page, quoted or minified: trunk's minifier drops the quotes of
//! attribute values that need none and reorders attributes, so nothing here expects either.

/// The tags named `name` in `html` (each from `<name` to its `>`; values holding `>` are quoted).
pub fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let ends_name = after.chars().next().is_none_or(|c| c.is_ascii_whitespace() || c == '>' || c == '/');
        let end = tag_end(after).map_or(rest.len(), |end| start + open.len() + end + 1);
        if ends_name {
            found.push(&rest[start..end]);
        }
        rest = &rest[end.max(start + open.len())..];
    }
    found
}

/// Where the tag that `rest` is inside ends: the first `>` outside a quoted value.
fn tag_end(rest: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in rest.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The value of attribute `name` in `tag`: quoted with `"` or `'`, or bare.
pub fn attribute(tag: &str, name: &str) -> Option<String> {
    let bytes = tag.as_bytes();
    let mut at = 0;
    while let Some(found) = tag[at..].find(name) {
        let start = at + found;
        let end = start + name.len();
        at = end;
        let before = start.checked_sub(1).map(|i| bytes[i]);
        if !before.is_some_and(|b| b.is_ascii_whitespace()) || bytes.get(end) != Some(&b'=') {
            continue;
        }
        let value = &tag[end + 1..];
        return Some(match value.chars().next() {
            Some(quote @ ('"' | '\'')) => value[1..].split(quote).next().unwrap_or_default().to_owned(),
            _ => value.split(|c: char| c.is_ascii_whitespace() || c == '>').next().unwrap_or_default().to_owned(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_read_quoted_or_bare() {
        let page = r#"<head><meta charset=utf-8><meta content="default-src 'self'; img-src 'self'" http-equiv=Content-Security-Policy><script type=module>x > 1</script><script src='a.js' defer></script></head>"#;
        let metas = tags(page, "meta");
        assert_eq!(metas.len(), 2);
        assert_eq!(attribute(metas[0], "charset").as_deref(), Some("utf-8"));
        assert_eq!(attribute(metas[1], "http-equiv").as_deref(), Some("Content-Security-Policy"));
        assert_eq!(attribute(metas[1], "content").as_deref(), Some("default-src 'self'; img-src 'self'"));
        let scripts = tags(page, "script");
        assert_eq!(scripts, vec!["<script type=module>", "<script src='a.js' defer>"]);
        assert_eq!(attribute(scripts[0], "type").as_deref(), Some("module"));
        assert_eq!(attribute(scripts[1], "src").as_deref(), Some("a.js"));
        assert_eq!(attribute(scripts[1], "type"), None);
        assert!(tags("<metadata>", "meta").is_empty());
    }
}
