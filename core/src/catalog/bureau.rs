//! A catalog at the scale of a county hall (县级政务服务中心), generated: for the benchmarks and
//! for building the app with it (`yibiao-catalog generate`, `cargo xtask gen-catalog`), so that
//! anyone can measure what a bureau's whole catalog costs.

use std::fmt::Write as _;

use super::Source;

const FIELDS: usize = 3_000;
const MATERIALS: usize = 6_000;
const ITEMS: usize = 1_500;
const ITEMS_PER_BUNDLE: usize = 15;
/// Fields 0..QUESTIONS are one-of situation questions that conditions read.
const QUESTIONS: usize = 300;

fn field_id(index: usize) -> String {
    format!("s{}.f{index}", index % 10)
}

/// A catalog of 100 bundles, 1,500 items, 6,000 materials and 3,000 fields in one TOML text,
/// with overlapping fields and materials so that merging has work to do, and conditions.
pub fn bureau_scale() -> Source {
    let kinds = ["text", "integer", "date", "mobile", "id_number", "person_name", "money", "yes_no"];
    let mut text = String::from("[catalog]\nversion = \"generated\"\n");
    for section in 0..10 {
        let _ = write!(
            text,
            "\n[[section]]\nid = \"s{section}\"\ntitle = {{ zh = \"分区{section}\", en = \"Section {section}\" }}\n"
        );
    }
    for index in 0..FIELDS {
        let kind = if index < QUESTIONS { "one_of" } else { kinds[index % kinds.len()] };
        let _ = write!(
            text,
            "\n[[field]]\nid = \"{}\"\nkind = \"{kind}\"\nlabel = {{ zh = \"字段{index}\", en = \"Field {index}\" }}\nrequired = true\n",
            field_id(index)
        );
        if kind == "one_of" {
            text.push_str(
                "options = [{ value = \"a\", zh = \"甲\", en = \"A\" }, { value = \"b\", zh = \"乙\", en = \"B\" }]\n",
            );
        }
    }
    for index in 0..MATERIALS {
        let _ = write!(
            text,
            "\n[[material]]\nid = \"m{index}\"\nname = {{ zh = \"材料{index}\", en = \"Material {index}\" }}\ndescription = {{ zh = \"说明\", en = \"Description\" }}\n"
        );
    }
    for item in 0..ITEMS {
        let bundle = item / ITEMS_PER_BUNDLE;
        let fields: Vec<String> = (0..20)
            .map(|k| format!("\"{}\"", field_id(QUESTIONS + (item * 7 + k * 13) % (FIELDS - QUESTIONS))))
            .collect();
        let _ = write!(
            text,
            "\n[[item]]\nid = \"i{item}\"\nname = {{ zh = \"事项{item}\", en = \"Item {item}\" }}\ndepartment = {{ zh = \"部门{}\", en = \"Department {}\" }}\nlegal_days = 20\npromised_days = 5\nfields = [{}]\n",
            item % 40,
            item % 40,
            fields.join(", ")
        );
        for k in 0..4 {
            let material = (item * 4 + k * 3) % MATERIALS;
            let question = field_id((bundle * 3 + k % 3) % QUESTIONS);
            let _ = write!(text, "\n[[item.material]]\nid = \"m{material}\"\noriginals = 1\ncopies = {k}\n");
            if k % 2 == 1 {
                let _ = writeln!(text, "condition = '{question} == \"a\"'");
            }
            if k == 3 {
                text.push_str("waiver = { mode = \"process\", days = 5, commitment = { zh = \"承诺补交\", en = \"Will supply\" } }\n");
            }
        }
    }
    for bundle in 0..ITEMS / ITEMS_PER_BUNDLE {
        let questions: Vec<String> =
            (0..3).map(|k| format!("\"{}\"", field_id((bundle * 3 + k) % QUESTIONS))).collect();
        let _ = write!(
            text,
            "\n[[bundle]]\nid = \"b{bundle}\"\nname = {{ zh = \"一件事{bundle}\", en = \"Bundle {bundle}\" }}\nsummary = {{ zh = \"说明\", en = \"Summary\" }}\ncategory = \"{}\"\npinyin = \"yi jian shi\"\nsearch = [\"办事{bundle}号\", \"事务{bundle}号\"]\nquestions = [{}]\n",
            if bundle % 2 == 0 { "enterprise" } else { "personal" },
            questions.join(", ")
        );
        for k in 0..ITEMS_PER_BUNDLE {
            let _ = write!(text, "\n[[bundle.item]]\nid = \"i{}\"\n", bundle * ITEMS_PER_BUNDLE + k);
            if k % 5 == 4 {
                let _ = writeln!(text, "condition = '{} != \"b\"'", field_id((bundle * 3 + 1) % QUESTIONS));
            }
        }
    }
    text.push_str("\n[[calendar]]\nyear = 2026\nholidays = [\"2026-10-01..2026-10-07\"]\nworking_weekends = []\n");
    Source { path: "generated.toml".into(), text }
}
