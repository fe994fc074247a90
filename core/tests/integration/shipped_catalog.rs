//! The catalog the app ships (assets/catalog) must check clean: no error and no warning.

use std::path::Path;
use yibiao_core::sorted_map::SortedSet;

use yibiao_core::catalog::{load, read_folder, Source};
use yibiao_core::{Lang, Text};

#[test]
fn the_shipped_catalog_has_no_problem() {
    let sources =
        read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog")).expect("assets/catalog");
    let (catalog, diagnostics) = load(&sources);
    let rendered: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            d.render(&sources.iter().find(|s| s.path == d.file).map(|s| s.text.clone()).unwrap_or_default(), Lang::En)
        })
        .collect();
    assert_eq!(rendered, Vec::<String>::new());
    assert!(!catalog.bundles.is_empty());
    for year in [2025, 2026, 2027] {
        assert!(catalog.calendar.years().any(|(covered, _)| *covered == year), "the calendar covers {year}");
    }
}

/// The worked example of assets/catalog/README.md loads clean and plans as the text says.
#[test]
fn the_worked_example_of_the_authors_guide_is_right() {
    use yibiao_core::plan::{Answers, Plan};
    use yibiao_core::{BundleId, Date, FieldId};

    let guide = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog/README.md"))
        .expect("the guide exists");
    let start = guide.find("```toml\n[catalog]").expect("the example starts") + "```toml\n".len();
    let end = start + guide[start..].find("```").expect("the example ends");
    let (catalog, diagnostics) = load(&[Source { path: "README.md".into(), text: guide[start..end].to_owned() }]);
    assert_eq!(diagnostics, []);
    let today = Date::from_ymd(2026, 11, 23).expect("valid");
    let plan_for = |pairs: &[(&str, &str)]| {
        let answers: Answers = pairs.iter().map(|(f, v)| (FieldId::new(*f), (*v).to_owned())).collect();
        Plan::new(&catalog, &BundleId::new("open_shop"), &answers, today).expect("plans")
    };
    let rented = plan_for(&[("premises.tenure", "rented"), ("applicant.by_agent", "no")]);
    assert_eq!(rented.fields().count() + rented.questions.len(), 6, "2 questions and 4 form fields");
    let materials: Vec<&str> = rented.checklist.iter().map(|entry| entry.material.id.as_str()).collect();
    assert_eq!(materials, ["id_card", "lease"]);
    let owned = plan_for(&[("premises.tenure", "owned"), ("applicant.by_agent", "yes")]);
    let materials: Vec<&str> = owned.checklist.iter().map(|entry| entry.material.id.as_str()).collect();
    assert_eq!(materials, ["id_card", "property_certificate", "power_of_attorney"]);
    assert!(owned.fields().any(|field| field.field.id.as_str() == "applicant.agent_name"));
}

fn shipped() -> yibiao_core::Catalog {
    let (catalog, _) =
        load(&read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog")).expect("assets/catalog"));
    catalog
}

/// The sample catalog covers the life and business events a bureau offers, and each bundle
/// really asks about the applicant's situation, an agent included.
#[test]
fn the_sample_catalog_has_fourteen_bundles_each_with_situation_questions_and_an_agent_variant() {
    let catalog = shipped();
    let names: Vec<&str> = catalog.bundles.iter().map(|bundle| bundle.name.zh.as_str()).collect();
    assert_eq!(
        names,
        [
            "企业开办",
            "开办餐饮店",
            "个转企",
            "企业信息变更",
            "企业简易注销",
            "员工录用",
            "水电气网联合报装",
            "开办道路运输企业",
            "新生儿出生",
            "退休",
            "公民身后",
            "二手房转移登记及水电气联动过户",
            "残疾人服务",
            "退役军人服务",
        ]
    );
    for bundle in &catalog.bundles {
        assert!(bundle.questions.len() >= 2, "{} asks {} situation questions", bundle.id, bundle.questions.len());
        assert!(
            bundle.questions.iter().any(|question| question.as_str() == "application.by_agent"),
            "{} has no agent variant",
            bundle.id
        );
    }
}

/// Counts of distinct materials under each reform rule somewhere in the catalog.
#[test]
fn the_reform_rules_are_used_widely_enough_to_try_every_feature() {
    let catalog = shipped();
    let mut waivable = SortedSet::new();
    let mut letters = SortedSet::new();
    let mut e_certificates = SortedSet::new();
    let mut key = SortedSet::new();
    for need in catalog.items.values().flat_map(|item| &item.materials) {
        let id = need.material.as_str();
        if need.rules.waiver.is_some() {
            waivable.insert(id);
        }
        if need.rules.commitment_letter.is_some() {
            letters.insert(id);
        }
        if need.rules.e_certificate.is_some() {
            e_certificates.insert(id);
        }
        if need.rules.key {
            key.insert(id);
        }
    }
    assert!(waivable.len() >= 15, "{} waivable materials (容缺): {waivable:?}", waivable.len());
    assert!(letters.len() >= 8, "{} replaceable by a commitment letter (告知承诺): {letters:?}", letters.len());
    assert!(e_certificates.len() >= 10, "{} e-certificates: {e_certificates:?}", e_certificates.len());
    assert!(key.len() >= 10, "{} key materials: {key:?}", key.len());
    for id in ["id_card", "business_licence", "household_register", "marriage_certificate", "property_certificate"] {
        assert!(e_certificates.contains(id), "{id} can be retrieved as an e-certificate");
    }
}

/// Every text has both languages, and every question, field and material a plain explanation
/// for elderly users.
#[test]
fn every_label_is_bilingual_and_everything_asked_is_explained_plainly() {
    let catalog = shipped();
    let mut missing = Vec::new();
    fn check(missing: &mut Vec<String>, what: String, text: &Text) {
        if text.zh.trim().is_empty() || text.en.trim().is_empty() {
            missing.push(format!("{what}: zh {:?}, en {:?}", text.zh, text.en));
        }
    }
    for field in catalog.fields.values() {
        check(&mut missing, format!("label of {}", field.id), &field.label);
        match &field.plain {
            Some(plain) => check(&mut missing, format!("plain text of {}", field.id), plain),
            None => missing.push(format!("field {} has no plain explanation", field.id)),
        }
        if let Some(help) = &field.help {
            check(&mut missing, format!("help of {}", field.id), help);
        }
        for option in &field.options {
            check(&mut missing, format!("option {} of {}", option.value, field.id), &option.label);
        }
        for rule in &field.checks {
            check(&mut missing, format!("check message of {}", field.id), &rule.message);
        }
    }
    for material in catalog.materials.values() {
        check(&mut missing, format!("name of {}", material.id), &material.name);
        check(&mut missing, format!("description of {}", material.id), &material.description);
        match &material.plain {
            Some(plain) => check(&mut missing, format!("plain text of {}", material.id), plain),
            None => missing.push(format!("material {} has no plain explanation", material.id)),
        }
    }
    for item in catalog.items.values() {
        check(&mut missing, format!("name of {}", item.id), &item.name);
        check(&mut missing, format!("department of {}", item.id), &item.department);
        for field in &item.fields {
            if let Some(label) = &field.form_label {
                check(&mut missing, format!("form label of {} in {}", field.field, item.id), label);
            }
        }
        for need in &item.materials {
            let what = format!("{} in {}", need.material, item.id);
            for text in [&need.rules.commitment_letter, &need.rules.e_certificate].into_iter().flatten() {
                check(&mut missing, what.clone(), text);
            }
            if let Some(waiver) = &need.rules.waiver {
                check(&mut missing, format!("commitment of {what}"), &waiver.commitment);
            }
        }
    }
    for bundle in &catalog.bundles {
        check(&mut missing, format!("name of {}", bundle.id), &bundle.name);
        check(&mut missing, format!("summary of {}", bundle.id), &bundle.summary);
    }
    assert_eq!(missing, Vec::<String>::new());
}

/// A bundle's card gives the range of departments: the items always needed, up to all of them.
#[test]
fn bundle_facts_give_the_range_of_departments_before_any_answer() {
    use yibiao_core::catalog::pieces::{publish, read_index};
    use yibiao_core::BundleId;
    let index = read_index(&publish(&shipped()).index).expect("reads");
    let facts = |id: &str| {
        index
            .card(&BundleId::new(id))
            .map(|card| (card.departments_at_least, card.departments_at_most, card.promised_days_at_most))
    };
    // Always: market regulation, police (seals), tax, the bank; by answer: social insurance and
    // the housing fund (invoices are the tax bureau again).
    assert_eq!(facts("enterprise_opening"), Some((4, 6, 1)));
    assert_eq!(facts("restaurant_opening"), Some((2, 3, 5)));
    assert_eq!(facts("no_such_bundle"), None);
}

/// The compact form the app starts from reads back as exactly the catalog the loader made.
#[test]
fn the_compact_catalog_reads_back_exactly() {
    use yibiao_core::catalog::compact;
    let catalog = shipped();
    let bytes = compact::encode(&catalog);
    assert_eq!(compact::decode(&bytes), Some(catalog.clone()));
    assert_eq!(compact::decode_text(&compact::encode_text(&catalog)), Some(catalog));
    assert_eq!(compact::decode(b"{}"), None);
    assert_eq!(compact::decode(&bytes[..bytes.len() - 1]), None, "a cut-off catalog is refused");
    let mut other = bytes.clone();
    other[3] = b'9';
    assert_eq!(compact::decode(&other), None, "another layout is refused");
}

/// The home page's search finds bundles by characters, full pinyin and initials, ignoring
/// spaces and case.
#[test]
fn bundles_are_found_by_characters_pinyin_and_initials() {
    use yibiao_core::search::search;
    let catalog = shipped();
    let index = yibiao_core::catalog::pieces::read_index(&yibiao_core::catalog::pieces::publish(&catalog).index)
        .expect("reads");
    let found = |query: &str| search(&index, query).iter().map(|bundle| bundle.name.zh.clone()).collect::<Vec<_>>();
    assert_eq!(found("qykb"), ["企业开办"]);
    assert_eq!(found("canyin"), ["开办餐饮店"]);
    assert_eq!(found("tuixiu"), ["退休"]);
    assert_eq!(found(" Tui Xiu "), ["退休"], "spaces and case do not matter");
    assert_eq!(found("ＱＹＫＢ"), ["企业开办"], "full-width letters from a Chinese input method");
    assert_eq!(found("退役"), ["退役军人服务"]);
    assert_eq!(found("restaurant"), ["开办餐饮店"], "the English name too");
    assert_eq!(found("tx"), ["退休"]);
    // Everyday words and synonyms from the catalog (issue 14): "餐厅" found nothing.
    assert_eq!(found("餐厅"), ["开办餐饮店"]);
    assert_eq!(found("我想开饭店"), ["开办餐饮店"], "a search word inside a longer query");
    assert_eq!(found("上户口"), ["新生儿出生"]);
    assert_eq!(found("生孩子"), ["新生儿出生"]);
    assert_eq!(found("退休金"), ["退休"]);
    assert_eq!(found("过户"), ["二手房转移登记及水电气联动过户"]);
    assert_eq!(found("").len(), 14);
    assert!(found("zzzz").is_empty());
    for bundle in &catalog.bundles {
        assert!(!bundle.pinyin.is_empty(), "{} has pinyin", bundle.id);
        assert!(bundle.search_words.len() >= 4, "{} has everyday search words", bundle.id);
    }
}

/// The catalog's English texts hold no Chinese characters or full-width punctuation (issue 14),
/// but for a number plate given as an example, which is Chinese on the plate itself.
#[test]
fn the_english_of_the_shipped_catalog_is_english() {
    let sources =
        read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog")).expect("assets/catalog");
    let chinese =
        |c: char| matches!(u32::from(c), 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF);
    let mut checked = 0;
    for source in &sources {
        for (at, _) in source.text.match_indices("en = \"") {
            let rest = &source.text[at + "en = \"".len()..];
            let english = &rest[..rest.find('"').expect("closed")];
            checked += 1;
            let without_examples = english.replace("浙A12345", "");
            assert!(!without_examples.chars().any(chinese), "{}: “{english}”", source.path);
        }
    }
    assert!(checked > 500, "{checked} English texts");
}
