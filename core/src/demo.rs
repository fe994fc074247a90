//! A tiny catalog built in Rust for the core's own tests: one bundle (企业开办) of two items,
//! no conditions. The app ships the TOML catalog of `assets/catalog`.

use crate::sorted_map::SortedMap;

use crate::calendar::HolidayCalendar;
use crate::catalog::{
    Bundle, BundleId, BundleItem, Catalog, Category, Field, FieldId, FieldKind, FileType, Item, ItemField, ItemId,
    Material, MaterialId, MaterialNeed, MaterialRules, Section, WaiverPolicy,
};
use crate::text::Text;

/// The id of the demo bundle.
pub const ENTERPRISE_OPENING: &str = "enterprise_opening";

fn field(id: &str, kind: FieldKind, zh: &str, en: &str, help: Option<(&str, &str)>) -> Field {
    Field {
        help: help.map(|(zh, en)| Text::new(zh, en)),
        required: true,
        ..Field::new(FieldId::new(id), kind, Text::new(zh, en))
    }
}

fn material(id: &str, name: (&str, &str), description: (&str, &str)) -> Material {
    Material {
        id: MaterialId::new(id),
        name: Text::new(name.0, name.1),
        description: Text::new(description.0, description.1),
        plain: None,
        paper: true,
        electronic: true,
        file_types: vec![FileType::Pdf, FileType::Jpeg, FileType::Png],
        max_size_kb: 10_240,
        photo: false,
    }
}

fn need(id: &str, originals: u8, copies: u8) -> MaterialNeed {
    MaterialNeed { material: MaterialId::new(id), originals, copies, condition: None, rules: MaterialRules::default() }
}

fn ids(list: &[&str]) -> Vec<ItemField> {
    list.iter().map(|id| ItemField::new(FieldId::new(*id))).collect()
}

/// Builds the demo catalog.
pub fn demo_catalog() -> Catalog {
    let fields = [
        field(
            "applicant.name",
            FieldKind::PersonName,
            "法定代表人姓名",
            "Legal representative's name",
            Some(("与身份证上的姓名一致", "As written on the ID card")),
        ),
        field(
            "applicant.id_number",
            FieldKind::IdNumber,
            "法定代表人身份证号码",
            "Legal representative's ID number",
            Some(("18 位，最后一位可能是 X", "18 characters; the last may be X")),
        ),
        field(
            "applicant.mobile",
            FieldKind::Mobile,
            "联系手机",
            "Mobile number",
            Some(("用于接收办理进度短信", "For text messages about progress")),
        ),
        field(
            "enterprise.name",
            FieldKind::Text,
            "企业名称",
            "Company name",
            Some(("例如：某某市某某餐饮有限公司", "For example: Sample City Sample Catering Co., Ltd.")),
        ),
        field("enterprise.address", FieldKind::Address, "住所（经营场所）", "Registered address", None),
        field("finance.contact_name", FieldKind::PersonName, "财务负责人姓名", "Finance officer's name", None),
    ];
    let materials = [
        material(
            "id_card",
            ("法定代表人身份证", "Legal representative's ID card"),
            ("居民身份证，正反面", "Resident ID card, both sides"),
        ),
        material(
            "articles_of_association",
            ("公司章程", "Articles of association"),
            ("全体股东签署", "Signed by all shareholders"),
        ),
        material(
            "premises_proof",
            ("住所使用证明", "Proof of the right to use the premises"),
            ("房屋产权证明或租赁合同", "Property certificate or lease contract"),
        ),
    ];
    let items = [
        Item {
            id: ItemId::new("company_registration"),
            name: Text::new("企业设立登记", "Company registration"),
            department: Text::new("市场监督管理局", "Administration for Market Regulation"),
            legal_days: 15,
            promised_days: 1,
            fields: ids(&[
                "enterprise.name",
                "enterprise.address",
                "applicant.name",
                "applicant.id_number",
                "applicant.mobile",
            ]),
            materials: vec![need("id_card", 1, 1), need("articles_of_association", 1, 0), need("premises_proof", 0, 1)],
        },
        Item {
            id: ItemId::new("new_taxpayer"),
            name: Text::new("新办纳税人涉税事项", "New taxpayer registration"),
            department: Text::new("税务局", "Tax Bureau"),
            legal_days: 10,
            promised_days: 1,
            fields: ids(&[
                "enterprise.name",
                "applicant.name",
                "applicant.id_number",
                "applicant.mobile",
                "finance.contact_name",
            ]),
            materials: vec![need("id_card", 1, 2)],
        },
    ];
    let bundle = Bundle {
        id: BundleId::new(ENTERPRISE_OPENING),
        name: Text::new("企业开办", "Opening a company"),
        summary: Text::new("营业执照和税务登记，一张表一次办", "Business licence and tax registration in one form"),
        category: Category::Enterprise,
        pinyin: ["qi", "ye", "kai", "ban"].map(String::from).to_vec(),
        questions: Vec::new(),
        items: items.iter().map(|item| BundleItem { item: item.id.clone(), condition: None }).collect(),
        waiver_policy: WaiverPolicy::default(),
        applicant: None,
        search_words: Vec::new(),
        checks: Vec::new(),
    };
    Catalog {
        version: "demo-2026.1".to_owned(),
        sections: vec![
            Section { id: "applicant".into(), title: Text::new("申请人", "Applicant") },
            Section { id: "enterprise".into(), title: Text::new("企业", "Company") },
            Section { id: "finance".into(), title: Text::new("财务", "Finance") },
        ],
        fields: fields.into_iter().map(|field| (field.id.clone(), field.into())).collect(),
        materials: materials.into_iter().map(|material| (material.id.clone(), material.into())).collect(),
        items: items.into_iter().map(|item| (item.id.clone(), item)).collect::<SortedMap<_, _>>(),
        bundles: vec![bundle],
        definitions: SortedMap::new(),
        calendar: HolidayCalendar::new(),
    }
}
