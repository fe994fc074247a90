//! Every string of the interface, in Chinese and English (界面文字): the table of fixed strings
//! (`table.rs`), the phrases with numbers and names in them (`phrases.rs`), how files are
//! described (`files.rs`) and what is said of the catalog beside the app (`catalog.rs`). Nothing else in the app spells out a word (a tidy test holds it).

mod catalog;
#[cfg(test)]
mod english;
mod files;
mod modes;
mod packet;
mod phrases;
mod table;

pub use catalog::*;
pub use files::*;
pub use modes::*;
pub use packet::PacketUi;
pub use phrases::*;
pub use table::Ui;
#[cfg(test)]
use yibiao_core::Lang;

#[cfg(test)]
mod tests {
    use super::*;

    /// A saving is claimed only where there is one (the example catalog once said "您只需填写 6
    /// 项，而不是分别填写 4 项").
    #[test]
    fn savings_claim_only_what_is_saved() {
        use yibiao_core::plan::Savings;
        let saved = Savings { fields_separate: 24, fields_combined: 15, materials_separate: 7, materials_combined: 4 };
        assert_eq!(
            savings(Lang::Zh, &saved, false),
            "您只需填写 15 项，而不是分别填写 24 项；准备 4 种材料，而不是 7 种。"
        );
        assert_eq!(
            savings(Lang::Zh, &saved, true),
            "您填写了 15 项，而不是分别填写 24 项；准备 4 种材料，而不是 7 种。"
        );
        let more = Savings { fields_separate: 4, fields_combined: 6, materials_separate: 2, materials_combined: 2 };
        for done in [false, true] {
            for lang in [Lang::Zh, Lang::En] {
                let text = savings(lang, &more, done);
                assert!(!text.contains("而不是") && !text.contains("instead of"), "{text}");
                assert!(text.contains('6') && text.contains('4') && text.contains('2'), "{text}");
            }
        }
    }

    #[test]
    fn file_limits_read_plainly() {
        // The sizes themselves are `yibiao_core::attachment::file_size`'s, tested in the core.
        let material = yibiao_core::Material {
            id: yibiao_core::MaterialId::new("id_card"),
            name: yibiao_core::Text::new("身份证", "ID card"),
            description: yibiao_core::Text::new("", ""),
            plain: None,
            paper: true,
            electronic: true,
            file_types: vec![
                yibiao_core::catalog::FileType::Pdf,
                yibiao_core::catalog::FileType::Jpeg,
                yibiao_core::catalog::FileType::Png,
            ],
            max_size_kb: 5120,
            photo: false,
        };
        assert_eq!(file_limits(Lang::Zh, &material), "PDF、JPEG 或 PNG，每个文件不超过 5 MB");
        assert_eq!(file_limits(Lang::En, &material), "PDF, JPEG or PNG, up to 5 MB each");
    }

    #[test]
    fn the_form_intro_claims_a_saving_only_when_there_is_one() {
        assert!(form_intro(Lang::Zh, 2, 3, 10, 6).contains("分开填要填 10 项，这里只需填 6 项"));
        assert!(!form_intro(Lang::Zh, 1, 1, 6, 9).contains("只需填"));
        assert!(!form_intro(Lang::En, 1, 1, 6, 6).contains("answers if filled separately"));
        // Departments and forms counted apart (issue 14: three items of two departments).
        assert!(form_intro(Lang::Zh, 2, 3, 10, 6).starts_with("这一张表代替 2 个部门的 3 张表格："));
        assert!(form_intro(Lang::En, 2, 3, 10, 6).starts_with("This one form replaces 3 forms of 2 departments:"));
        assert!(form_intro(Lang::En, 1, 1, 6, 6).contains("1 form of 1 department ask"));
    }
}
