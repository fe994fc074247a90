use super::*;
use crate::catalog::BundleId;
use crate::fixture::{restaurant_catalog, RESTAURANT};
use crate::session::DraftId;

fn today() -> Date {
    Date::from_ymd(2026, 12, 2).expect("a day")
}

/// The fixture's draft with every way of providing chosen, and its letters.
fn sample() -> (Vec<Provision>, Vec<Letter>) {
    sample_under(&restaurant_catalog())
}

/// [`sample`] under `catalog`.
fn sample_under(catalog: &Catalog) -> (Vec<Provision>, Vec<Letter>) {
    let mut application = Application::new(DraftId::new("d"), BundleId::new(RESTAURANT), &catalog.version, 1);
    for (field, value) in [
        ("premises.tenure", "rented"),
        ("application.by_agent", "yes"),
        ("premises.large", "yes"),
        ("agent.name", "李四<b>"),
        ("agent.id_number", "11010519491231002X"),
        ("applicant.name", "张三"),
        ("applicant.id_number", "11010119750707026X"),
    ] {
        application.answers.insert(FieldId::new(field), value.to_owned());
    }
    let plan = Plan::new(catalog, &application.bundle, &application.answers, today()).expect("plans");
    let mut kinds = Vec::new();
    for entry in &plan.checklist {
        let provision = if entry.rules.e_certificate.is_some() {
            Provision::ECertificate
        } else if entry.rules.commitment_letter.is_some() {
            Provision::CommitmentLetter
        } else if entry.rules.waiver.is_some() && !entry.rules.key {
            Provision::Waived
        } else {
            continue;
        };
        kinds.push(provision.clone());
        application.provisions.insert(entry.material.id.clone(), provision);
    }
    let signer = Signer { applicant: "张三", bundle: "开办餐饮店", today: today(), fingerprint: "f1" };
    (kinds, letters(catalog, &plan, &application, &signer, Lang::Zh))
}

#[test]
fn each_way_of_providing_has_its_letter_and_an_agent_a_power_of_attorney() {
    let (kinds, made) = sample();
    for kind in [Provision::ECertificate, Provision::CommitmentLetter, Provision::Waived] {
        assert!(kinds.contains(&kind), "the fixture has a material for {kind:?}");
    }
    let count = |prefix: &str| made.iter().filter(|letter| letter.name.starts_with(prefix)).count();
    assert_eq!(count("容缺承诺"), kinds.iter().filter(|k| **k == Provision::Waived).count());
    assert_eq!(count("告知承诺"), kinds.iter().filter(|k| **k == Provision::CommitmentLetter).count());
    assert_eq!(count("免证授权"), kinds.iter().filter(|k| **k == Provision::ECertificate).count());
    assert_eq!(count("授权委托书"), 1);
    let waived = made.iter().find(|letter| letter.name.starts_with("容缺承诺")).expect("a commitment");
    assert!(
        waived.html.contains("承诺按期补交") && waived.html.contains("2026-12-"),
        "the catalog's words and the due day"
    );
    let attorney = made.iter().find(|letter| letter.name == "授权委托书").expect("a power of attorney");
    assert!(attorney.html.contains("李四&lt;b&gt;") && !attorney.html.contains("<b>"), "escaped");
    assert_eq!(attorney.html.matches("（签字）").count(), 2, "both sign");
    assert!(
        attorney
            .html
            .contains("委托人张三（身份证号码 11010119750707026X）委托李四&lt;b&gt;（身份证号码 11010519491231002X）"),
        "both named with their ID numbers: {}",
        attorney.html
    );
}

/// Writes the sample letters to `YIBIAO_PACKET_OUT` for a person to look at.
/// A material that follows later gets the letter of its catalog mode: 容缺受理 (accepted; a
/// broken promise returns the application) or 容缺办理 (decided at once; a broken promise
/// withdraws the decision), in either language.
#[test]
fn a_commitment_letter_follows_the_waiver_mode() {
    for (mode, title, consequence, other_title) in [
        (WaiverMode::Accept, "容缺受理承诺书", "退回", "容缺办理承诺书"),
        (WaiverMode::Process, "容缺办理承诺书", "撤销", "容缺受理承诺书"),
    ] {
        let mut catalog = restaurant_catalog();
        for item in catalog.items.values_mut() {
            for need in &mut item.materials {
                if let Some(waiver) = need.rules.waiver.as_mut() {
                    waiver.mode = mode;
                }
            }
        }
        let (_, made) = sample_under(&catalog);
        let waived: Vec<&Letter> = made.iter().filter(|letter| letter.name.starts_with("容缺承诺")).collect();
        assert!(!waived.is_empty(), "{mode:?}: a commitment");
        for letter in waived {
            assert!(letter.html.contains(title) && letter.html.contains(consequence), "{mode:?}: {}", letter.html);
            assert!(!letter.html.contains(other_title), "{mode:?}: not the other mode's letter");
        }
    }
}

#[test]
#[ignore]
fn write_sample_letters() {
    let out = std::env::var("YIBIAO_PACKET_OUT").unwrap_or_else(|_| "/tmp".to_owned());
    for letter in sample().1 {
        std::fs::write(std::path::Path::new(&out).join(format!("{}.html", letter.name)), letter.html).expect("written");
    }
}
