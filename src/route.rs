//! Page addresses: each page has a fragment, so back, forward and reload work. Pages of a draft
//! carry the draft's id: `#/d/<draft>/question/<field>`, `#/d/<draft>/notice`, `…/tasks`,
//! `…/section/<section>`, `…/materials`, `…/review`.

use yibiao_core::session::{DraftId, Page};
use yibiao_core::FieldId;

/// The address fragment of a page (of the draft `draft` for a draft's page).
pub fn fragment(draft: Option<&DraftId>, page: &Page) -> String {
    let of_draft = |rest: &str| match draft {
        Some(draft) => format!("#/d/{draft}/{rest}"),
        None => "#/".to_owned(),
    };
    match page {
        Page::Home => "#/".to_owned(),
        Page::Question(field) => of_draft(&format!("question/{field}")),
        Page::Notice => of_draft("notice"),
        Page::Tasks => of_draft("tasks"),
        Page::Section(section) => of_draft(&format!("section/{section}")),
        Page::Materials => of_draft("materials"),
        Page::Review => of_draft("review"),
    }
}

/// The draft and page at an address fragment, if it names one.
pub fn parse(fragment: &str) -> Option<(Option<DraftId>, Page)> {
    match fragment {
        "" | "#" | "#/" => return Some((None, Page::Home)),
        _ => {}
    }
    let rest = fragment.strip_prefix("#/d/")?;
    let (draft, rest) = rest.split_once('/')?;
    let page = match rest.split_once('/') {
        Some(("question", field)) if !field.is_empty() => Page::Question(FieldId::new(field)),
        Some(("section", section)) if !section.is_empty() => Page::Section(section.to_owned()),
        None => match rest {
            "notice" => Page::Notice,
            "tasks" => Page::Tasks,
            "materials" => Page::Materials,
            "review" => Page::Review,
            _ => return None,
        },
        Some(_) => return None,
    };
    Some((Some(DraftId::new(draft)), page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_round_trips_through_its_fragment() {
        let draft = DraftId::new("d19abc");
        let pages = [
            Page::Question(FieldId::new("premises.tenure")),
            Page::Notice,
            Page::Tasks,
            Page::Section("enterprise".to_owned()),
            Page::Materials,
            Page::Review,
        ];
        for page in pages {
            assert_eq!(parse(&fragment(Some(&draft), &page)), Some((Some(draft.clone()), page)));
        }
        assert_eq!(parse(&fragment(None, &Page::Home)), Some((None, Page::Home)));
        assert_eq!(fragment(Some(&draft), &Page::Review), "#/d/d19abc/review");
        assert_eq!(parse("#main"), None);
        assert_eq!(parse("#/d/x/nowhere"), None);
        assert_eq!(parse("#/d/x/question/"), None);
    }
}
