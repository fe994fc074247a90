//! Text with its dates, numbers with units and codes kept on one line (不断行): on a phone
//! "2026-12-16" broke after a hyphen and "5 MB" between the number and its unit. Each such run
//! is put in a `nowrap` span; the words around it still wrap as usual.

use yew::prelude::*;

use crate::i18n::UNITS;

/// `text` as pieces, each with whether it is a run to keep unbroken: a date, a number with its
/// unit, a code (digits with the letters and separators of dates, sizes and codes).
fn pieces(text: &str) -> Vec<(&str, bool)> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let (before, from) = rest.split_at(start);
        let mut length = from
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':' | '/')))
            .unwrap_or(from.len());
        let unit = from[length..].strip_prefix(' ').and_then(|tail| UNITS.iter().find(|unit| tail.starts_with(**unit)));
        if let Some(unit) = unit {
            length += 1 + unit.len();
        }
        let (run, after) = from.split_at(length);
        if !before.is_empty() {
            pieces.push((before, false));
        }
        pieces.push((run, run.chars().count() > 1));
        rest = after;
    }
    if !rest.is_empty() {
        pieces.push((rest, false));
    }
    pieces
}

/// `text` as nodes, each run of a date, a number with its unit or a code unbroken.
pub fn unbroken(text: &str) -> Html {
    pieces(text)
        .into_iter()
        .map(|(piece, keep)| {
            if keep {
                html! { <span class="nowrap">{ piece.to_owned() }</span> }
            } else {
                Html::from(piece.to_owned())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn dates_sizes_and_codes_are_kept_whole() {
        fn kept(text: &str) -> Vec<&str> {
            pieces(text).into_iter().filter(|(_, keep)| *keep).map(|(piece, _)| piece).collect()
        }
        assert_eq!(kept("请在 2026-12-16 前补交"), ["2026-12-16"]);
        assert_eq!(kept("PDF、JPEG 或 PNG，每个文件不超过 5 MB"), ["5 MB"]);
        assert_eq!(kept("PDF · 3 页 · 1.2 MB"), ["3 页", "1.2 MB"]);
        assert_eq!(kept("身份证号码为“11010519491231002X”"), ["11010519491231002X"]);
        assert_eq!(kept("Supply it by 2026-12-16."), ["2026-12-16."]);
        assert_eq!(kept("第 1 个问题"), Vec::<&str>::new(), "a single digit cannot break");
        let text = "租赁合同：请在 2026-12-16 前补交";
        assert_eq!(pieces(text).into_iter().map(|(p, _)| p).collect::<String>(), text, "nothing lost");
    }
}
