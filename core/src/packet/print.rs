//! The packet printed (打印申请包): the cover sheet, every department's form and every letter
//! in one document, each on pages of its own, A4, with no app chrome; or one department's
//! form alone. The pages are the packet's own, so a printout shows the packet's fingerprint.

use super::export::{assemble, Export, PacketError};
use super::html::{print_document, sheet_of};
use crate::catalog::ItemId;
use crate::text::zh_en;

/// What `only` names to print the hand-over sheet alone (no item id has a `#`).
pub const HANDOVER: &str = "#handover";

/// The document that prints the packet of `export.application`, or only `only`'s form.
pub fn print(export: Export<'_>, only: Option<&ItemId>) -> Result<String, PacketError> {
    let lang = export.lang;
    let assembled = assemble(export)?;
    let page = |path: &str| assembled.payload.iter().find(|(known, _)| known == path).and_then(|(_, part)| part.text());
    let sheets: Vec<(&str, &str)> = assembled
        .sheets
        .iter()
        .filter(|(item, _)| only.is_none() || item.as_ref() == only)
        .filter_map(|(_, path)| page(path).and_then(sheet_of))
        .collect();
    let bundle = export.catalog.bundle(&export.application.bundle).map_or("", |b| b.name.get(lang));
    let title = match (only, sheets.first()) {
        (Some(_), Some((title, _))) => (*title).to_owned(),
        _ => zh_en!(lang, format!("{bundle} 申请包"), format!("{bundle}: the packet")),
    };
    Ok(print_document(lang.tag(), &title, &sheets))
}

#[cfg(test)]
mod tests {
    use crate::sorted_map::SortedMap;

    use super::*;
    use crate::catalog::{BundleId, FieldId};
    use crate::date::Date;
    use crate::fixture::{restaurant_catalog, RESTAURANT};
    use crate::plan::Plan;
    use crate::session::{Application, DraftId};
    use crate::text::Lang;

    #[test]
    fn the_print_holds_the_cover_every_form_and_every_letter_in_order() {
        let catalog = restaurant_catalog();
        let mut application = Application::new(DraftId::new("d1"), BundleId::new(RESTAURANT), &catalog.version, 1);
        application.answers.insert(FieldId::new("applicant.name"), "张三<b>".to_owned());
        let today = Date::from_ymd(2026, 12, 2).expect("a day");
        let files = SortedMap::new();
        let export = Export {
            catalog: &catalog,
            application: &application,
            files: &files,
            today,
            created_ms: 1_796_200_200_000,
            lang: Lang::Zh,
            app_version: "test",
            next_step: "",
        };
        let plan = Plan::new(&catalog, &application.bundle, &application.answers, today).expect("plans");
        let whole = print(export, None).expect("prints");
        let sheets = whole.matches("<article class=\"sheet\"").count();
        assert!(sheets > plan.items.len(), "the cover and every form: {sheets}");
        let cover = whole.find("申请材料封面").expect("the cover");
        let first_form = whole.find(plan.items[0].name.zh.as_str()).expect("a form");
        assert!(cover < whole.rfind(plan.items[0].name.zh.as_str()).unwrap_or(first_form), "the cover first");
        assert!(!whole.contains("<b>") && !whole.contains("<style"), "escaped, and styled by packet.css");
        let packet = super::super::export::export(export, &SortedMap::new()).expect("exports");
        assert!(whole.contains(&packet.fingerprint), "the printout shows the packet's fingerprint");

        let one = print(export, Some(&plan.items[0].id)).expect("prints");
        assert_eq!(one.matches("<article class=\"sheet\"").count(), 1);
        assert!(one.contains(&format!("<title>{}</title>", plan.items[0].name.zh)), "{one}");
    }
}

#[cfg(test)]
mod style_file {
    /// The app serves the packet's print styles as `assets/styles/packet.css`; it is exactly
    /// `print_style()`, so a page and its printout look alike. To write it again:
    /// `YIBIAO_WRITE_PACKET_CSS=1 cargo test -p yibiao-core packet_css`.
    #[test]
    fn packet_css_is_the_print_style() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/styles/packet.css");
        let wanted = super::super::html::print_style();
        if std::env::var_os("YIBIAO_WRITE_PACKET_CSS").is_some() {
            std::fs::write(&path, &wanted).expect("written");
        }
        let found = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            found == wanted,
            "assets/styles/packet.css differs from html::print_style(): write it again as this test's comment says"
        );
    }
}
