//! Page addresses: each page has a fragment (`#/form`), so back, forward and reload work.

use yibiao_core::session::Page;

/// The address fragment of a page.
pub fn fragment(page: Page) -> &'static str {
    match page {
        Page::Home => "#/",
        Page::Form => "#/form",
        Page::Checklist => "#/checklist",
        Page::CatalogFile => "#/catalog",
    }
}

/// The page at an address fragment, if it names one.
pub fn page(fragment: &str) -> Option<Page> {
    match fragment {
        "" | "#" | "#/" => Some(Page::Home),
        "#/form" => Some(Page::Form),
        "#/checklist" => Some(Page::Checklist),
        "#/catalog" => Some(Page::CatalogFile),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_round_trips_through_its_fragment() {
        for page_value in [Page::Home, Page::Form, Page::Checklist, Page::CatalogFile] {
            assert_eq!(page(fragment(page_value)), Some(page_value));
        }
        assert_eq!(page("#main"), None);
    }
}
