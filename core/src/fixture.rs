//! A small catalog with situation questions and conditions, for tests of the plan and the
//! verdict: opening a restaurant (开办餐饮店).

use crate::calendar::{CalendarYear, HolidayCalendar};
use crate::catalog::*;
use crate::date::Date;
use crate::text::Text;

pub const RESTAURANT: &str = "restaurant";

fn text(zh: &str) -> Text {
    Text::new(zh, zh)
}

fn field(id: &str, kind: FieldKind, required: bool) -> Field {
    Field { required, ..Field::new(FieldId::new(id), kind, text(id)) }
}

fn when(source: &str) -> Option<Condition> {
    Some(Condition::parse(source).expect("fixture conditions parse"))
}

fn need(id: &str, originals: u8, copies: u8, condition: Option<Condition>, rules: MaterialRules) -> MaterialNeed {
    MaterialNeed { material: MaterialId::new(id), originals, copies, condition, rules }
}

fn key() -> MaterialRules {
    MaterialRules { key: true, ..MaterialRules::default() }
}

fn waivable(mode: WaiverMode, days: u16) -> MaterialRules {
    MaterialRules {
        waiver: Some(Waiver { mode, days, commitment: text("承诺按期补交") }), ..MaterialRules::default()
    }
}

fn item(id: &str, department: &str, fields: &[&str], materials: Vec<MaterialNeed>) -> Item {
    Item {
        id: ItemId::new(id),
        name: text(id),
        department: text(department),
        legal_days: 20,
        promised_days: 5,
        fields: fields.iter().map(|id| ItemField::new(FieldId::new(*id))).collect(),
        materials,
    }
}

/// The fixture catalog.
pub fn restaurant_catalog() -> Catalog {
    let mut tenure = field("premises.tenure", FieldKind::OneOf, true);
    tenure.options =
        ["rented", "owned"].iter().map(|value| FieldOption { value: (*value).into(), label: text(value) }).collect();
    let mut agent_name = field("agent.name", FieldKind::PersonName, true);
    agent_name.condition = when("application.by_agent");
    let mut agent_id = field("agent.id_number", FieldKind::IdNumber, true);
    agent_id.condition = when("application.by_agent");
    let mut birth_date = field("applicant.birth_date", FieldKind::Date, false);
    birth_date.derived =
        Some(Derived { from: FieldId::new("applicant.id_number"), derivation: Derivation::BirthDate, editable: true });
    let fields = vec![
        tenure,
        field("application.by_agent", FieldKind::YesNo, true),
        field("premises.large", FieldKind::YesNo, true),
        field("enterprise.name", FieldKind::Text, true),
        field("applicant.name", FieldKind::PersonName, true),
        field("applicant.id_number", FieldKind::IdNumber, true),
        birth_date,
        field("premises.address", FieldKind::Address, true),
        field("premises.area", FieldKind::Decimal, true),
        field("food.category", FieldKind::Text, true),
        agent_name,
        agent_id,
    ];
    let materials = [
        "id_card",
        "lease",
        "property_certificate",
        "power_of_attorney",
        "agent_id_card",
        "health_certificates",
        "layout_plan",
        "fire_plan",
    ]
    .map(|id| Material {
        id: MaterialId::new(id),
        name: text(id),
        description: text(id),
        plain: None,
        paper: true,
        electronic: true,
        file_types: vec![FileType::Pdf, FileType::Jpeg],
        max_size_kb: 5_120,
        photo: false,
    });
    let id_card = || MaterialRules { e_certificate: Some(text("居民身份证")), ..key() };
    let items = vec![
        item(
            "licence",
            "市场监督管理局",
            &[
                "enterprise.name",
                "applicant.name",
                "applicant.id_number",
                "premises.address",
                "agent.name",
                "agent.id_number",
            ],
            vec![
                need("id_card", 1, 1, None, id_card()),
                need("lease", 0, 1, when(r#"premises.tenure == "rented""#), waivable(WaiverMode::Process, 5)),
                need(
                    "property_certificate",
                    0,
                    1,
                    when(r#"premises.tenure == "owned""#),
                    MaterialRules { e_certificate: Some(text("不动产权证书")), ..MaterialRules::default() },
                ),
                need("power_of_attorney", 1, 0, when("application.by_agent"), key()),
                need("agent_id_card", 1, 1, when("application.by_agent"), key()),
            ],
        ),
        item(
            "food_permit",
            "市场监督管理局",
            &["enterprise.name", "applicant.name", "applicant.id_number", "premises.address", "food.category"],
            vec![
                need("id_card", 1, 2, None, id_card()),
                need("lease", 0, 1, when(r#"premises.tenure == "rented""#), waivable(WaiverMode::Accept, 3)),
                need(
                    "health_certificates",
                    0,
                    1,
                    None,
                    MaterialRules {
                        commitment_letter: Some(text("承诺从业人员均持有效健康证明")),
                        ..waivable(WaiverMode::Process, 10)
                    },
                ),
                need(
                    "layout_plan",
                    0,
                    1,
                    None,
                    MaterialRules {
                        commitment_letter: Some(text("承诺布局符合要求")), ..MaterialRules::default()
                    },
                ),
            ],
        ),
        item(
            "fire_check",
            "消防救援机构",
            &["enterprise.name", "premises.address", "premises.area"],
            vec![need("fire_plan", 1, 0, None, key())],
        ),
    ];
    let bundle = Bundle {
        id: BundleId::new(RESTAURANT),
        name: text("开办餐饮店"),
        summary: text("营业执照、食品经营许可、消防检查"),
        category: Category::Enterprise,
        pinyin: ["can", "yin", "dian"].map(String::from).to_vec(),
        questions: ["premises.tenure", "application.by_agent", "premises.large"].map(FieldId::new).to_vec(),
        items: vec![
            BundleItem { item: ItemId::new("licence"), condition: None },
            BundleItem { item: ItemId::new("food_permit"), condition: None },
            BundleItem { item: ItemId::new("fire_check"), condition: when("premises.large") },
        ],
        waiver_policy: WaiverPolicy { max_waived: Some(2) },
        applicant: None,
        search_words: Vec::new(),
        checks: Vec::new(),
    };
    let mut calendar = HolidayCalendar::new();
    let mut holidays = crate::sorted_map::SortedSet::new();
    for day in 1..=8 {
        holidays.extend(Date::from_ymd(2026, 10, day));
    }
    let working_weekends = [Date::from_ymd(2026, 9, 20), Date::from_ymd(2026, 10, 10)].into_iter().flatten().collect();
    calendar.insert_year(2026, CalendarYear { holidays, working_weekends });
    calendar.insert_year(2027, CalendarYear::default());
    Catalog {
        version: "fixture".into(),
        sections: vec![
            Section { id: "applicant".into(), title: text("申请人") },
            Section { id: "agent".into(), title: text("代理人") },
            Section { id: "enterprise".into(), title: text("企业") },
            Section { id: "premises".into(), title: text("经营场所") },
        ],
        fields: fields.into_iter().map(|field| (field.id.clone(), field.into())).collect(),
        materials: materials.into_iter().map(|material| (material.id.clone(), material.into())).collect(),
        items: items.into_iter().map(|item| (item.id.clone(), item)).collect(),
        bundles: vec![bundle],
        calendar,
        definitions: Default::default(),
    }
}
