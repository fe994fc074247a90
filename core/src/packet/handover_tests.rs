use super::*;
use crate::packet::cover::tests::document;

#[test]
fn the_sheet_says_what_was_prepared_what_to_bring_what_was_promised_and_where_to_go() {
    let html = handover_html(&document(Lang::Zh), "张三</p>", "");
    assert!(html.contains("<h1>交接单：开办&lt;餐饮店&gt;</h1>") && html.contains("申请人：张三&lt;/p&gt;"), "escaped");
    assert!(html.contains("<li>食品经营许可（市场监督管理局）</li>"), "what was prepared");
    assert!(html.contains("<strong>身份证</strong>：带原件 1 份，复印件 2 份"), "what to bring, and how many");
    assert!(html.contains("<strong>营业执照</strong>：免提交"), "what not to bring");
    assert!(html.contains("2026-12-09 之前补交“租赁合同 &amp; 产权证明”"), "a waiver with its date");
    assert!(html.contains("签署告知承诺书，代替“平面图”"), "a commitment letter");
    assert!(html.contains("办理部门：市场监督管理局。"), "where, without a hall: the departments");
    let at_hall = handover_html(&document(Lang::Zh), "张三", "请带上本封面和全部材料，到某中心的受理窗口办理。");
    assert!(
        at_hall.contains("<p>请带上本封面和全部材料，到某中心的受理窗口办理。</p>") && !at_hall.contains("办理部门")
    );
    let english = handover_html(&document(Lang::En), "Zhang San", "");
    assert!(english.contains("Hand-over sheet: Open a restaurant") && english.contains("Send “lease” by 2026-12-09"));
    assert!(english.contains("<strong>id</strong>: bring 1 original, 2 copies"));
}

#[test]
fn the_helper_is_named_on_the_sheet_and_the_cover() {
    use crate::helper::{Helper, HelperRole};
    let mut helped = document(Lang::Zh);
    helped.helper = Some(Helper {
        name: "李<四>".to_owned(),
        role: HelperRole::Community,
        agent: true,
        id_number: String::new(),
        mobile: String::new(),
    });
    let sheet = handover_html(&helped, "张三", "");
    assert!(sheet.contains("<p>协助人：李&lt;四&gt;（社区工作者，代办人）</p>"), "{sheet}");
    let cover = crate::packet::cover::cover_html(&helped, "张三", &"ab".repeat(32), "");
    assert!(cover.contains("协助人：李&lt;四&gt;（社区工作者，代办人）"));
    assert!(!handover_html(&document(Lang::Zh), "张三", "").contains("协助人"), "nobody helped, nobody named");
}

#[test]
fn without_commitments_there_is_no_promise_heading() {
    let mut plain = document(Lang::Zh);
    plain.materials.retain(|m| !matches!(m.provided, Some(Provision::Waived | Provision::CommitmentLetter)));
    assert!(!handover_html(&plain, "张三", "").contains("您作出的承诺"));
}

#[test]
fn a_count_of_none_is_not_said() {
    let mut document = document(Lang::Zh);
    let id = document.materials.iter_mut().find(|m| m.id == "id").unwrap();
    id.copies = 0;
    let html = handover_html(&document, "张三", "");
    assert!(html.contains("<strong>身份证</strong>：带原件 1 份</li>") && !html.contains("0 份"), "{html}");
    let id = document.materials.iter_mut().find(|m| m.id == "id").unwrap();
    (id.originals, id.copies) = (0, 0);
    assert!(handover_html(&document, "张三", "").contains("<strong>身份证</strong>：带到窗口</li>"));
}

/// The sheet with `n` items and `n` materials brought to the window, with long names.
fn long_sheet(n: usize, lang: Lang) -> String {
    let mut document = document(lang);
    let item = document.items[0].clone();
    let material = document.materials.iter().find(|m| m.id == "id").unwrap().clone();
    document.items = (0..n).map(|_| item.clone()).collect();
    document.materials = (0..n)
        .map(|i| {
            let mut material = material.clone();
            material.name =
                crate::text::Text::new(format!("第{i}份很长很长的材料名称，需要盖章"), format!("material {i}"));
            material
        })
        .collect();
    handover_html(&document, "张三", "")
}

fn size_of(html: &str) -> u8 {
    let at = html.find("class=\"handover size-").expect("a type size") + "class=\"handover size-".len();
    html[at..at + 2].parse().unwrap()
}

#[test]
fn the_sheet_takes_the_largest_type_that_fits_one_page() {
    assert_eq!(size_of(&handover_html(&document(Lang::Zh), "张三", "")), 16, "a short sheet in the largest type");
    let sizes: Vec<u8> = (1..40).map(|n| size_of(&long_sheet(n, Lang::Zh))).collect();
    assert!(sizes.windows(2).all(|pair| pair[1] <= pair[0]), "more to say never makes the type larger: {sizes:?}");
    for size in TYPE_SIZES {
        assert!(sizes.contains(&size), "{size} pt is reached: {sizes:?}");
    }
    assert_eq!(size_of(&long_sheet(39, Lang::En)), 12, "the smallest type when nothing fits");
}

#[test]
fn narrow_characters_are_measured_narrower_than_chinese_ones() {
    assert!(text_width_em("1234567890") < text_width_em("一二三四五六七八九十"));
    assert_eq!(text_width_em("一二"), 2.0);
}

#[test]
fn every_type_size_has_its_style() {
    for size in TYPE_SIZES {
        let rule = format!(".size-{size}{{font-size:{size}pt}}");
        assert!(crate::packet::html::STYLE.contains(&rule), "{rule} in the packet's styles");
    }
}
