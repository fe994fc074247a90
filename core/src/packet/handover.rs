//! The hand-over sheet (`handover.html`, 交接单): one page for the applicant to keep, in large
//! type, when someone helped them prepare the application (帮办代办) or they prepared it
//! themselves: what was prepared, what to bring and how many copies, each commitment with its
//! date, and where to go. Made from `application.json` alone, like the cover.
//!
//! One page, whatever the bundle: the sheet is set in the largest of three type sizes (16, 14
//! and 12 pt) at which a model of its printed height fits an A4 page. The model counts lines
//! the way the packet's style sheet sets them and errs on the tall side; the end-to-end tests
//! print every shipped bundle's sheet and count the pages.

use super::cover::provision_words;
use super::document::{ApplicationDocument, Material};
use super::html::{escape, page};
use crate::provision::Provision;
use crate::text::{counts, zh_en, Lang};

/// The type sizes of the sheet, largest first (pt); the packet's style sheet has a class
/// `size-N` for each.
pub const TYPE_SIZES: [u8; 3] = [16, 14, 12];

/// The height the sheet may take (mm): an A4 page less the page's margins (18 mm above and
/// below) and the sheet's padding (8 mm), less 2% for what the model does not see. (Measured
/// against Chromium's layout of every shipped bundle's sheet at each size, the model came out
/// 2 to 10 mm taller, never shorter.)
const PAGE_HEIGHT_MM: f32 = (297.0 - 2.0 * 18.0 - 2.0 * 8.0) * 0.98;
/// The width of a line (mm), and the indent of a list's entries (em, as styled).
const LINE_WIDTH_MM: f32 = 178.0;
const LIST_INDENT_EM: f32 = 1.5;
const MM_PER_PT: f32 = 25.4 / 72.0;

/// One block of the sheet, as it is set: the markup, and the plain text that is measured.
enum Block {
    Title(String),
    Line(String),
    Heading(&'static str),
    /// An entry of a list: its markup (with its emphasis) and its text.
    Entry(String, String),
}

impl Block {
    /// Its height in ems of the sheet's type at `size_pt`, by the sheet's styles: lines of
    /// 1.5 em (the title's 1.5 em type and the headings' 1.125 em in lines of 1.3), and the
    /// margins below each (a heading's above too, never collapsed with the one before).
    fn height_em(&self, size_pt: f32) -> f32 {
        let em_mm = size_pt * MM_PER_PT;
        let lines = |text: &str, scale: f32, width_mm: f32| {
            let per_line = (width_mm / (em_mm * scale)).floor().max(1.0);
            (text_width_em(text) / per_line).ceil().max(1.0)
        };
        match self {
            Block::Title(text) => lines(text, 1.5, LINE_WIDTH_MM) * 1.5 * 1.3 + 1.5 * 0.4,
            Block::Line(text) => lines(text, 1.0, LINE_WIDTH_MM) * 1.5 + 0.3,
            Block::Heading(text) => lines(text, 1.125, LINE_WIDTH_MM) * 1.125 * 1.3 + 1.125 * 1.1,
            Block::Entry(_, text) => lines(text, 1.0, LINE_WIDTH_MM - LIST_INDENT_EM * em_mm) * 1.5 + 0.15,
        }
    }
}

/// The width of `text` in ems: a Chinese character or full-width sign takes one, anything
/// narrower (Latin letters, digits, spaces) is counted at 0.6, wider than most are.
fn text_width_em(text: &str) -> f32 {
    text.chars().map(|c| if u32::from(c) >= 0x2E80 { 1.0 } else { 0.6 }).sum()
}

/// The largest type size at which `blocks` fit one page, else the smallest.
fn type_size(blocks: &[Block]) -> u8 {
    let fits = |size: u8| {
        let size_pt = f32::from(size);
        let height_mm: f32 = blocks.iter().map(|block| block.height_em(size_pt)).sum::<f32>() * size_pt * MM_PER_PT;
        height_mm <= PAGE_HEIGHT_MM
    };
    TYPE_SIZES.into_iter().find(|&size| fits(size)).unwrap_or(TYPE_SIZES[TYPE_SIZES.len() - 1])
}

/// What the applicant does with a material, in the plainest words: bring it (with how many
/// originals and copies), nothing, or send it later by a date.
fn to_do(material: &Material, lang: Lang) -> String {
    match &material.provided {
        Some(Provision::Original) => match counts(lang, material.originals, material.copies) {
            counted if counted.is_empty() => lang.pick("带到窗口", "bring it to the window").to_owned(),
            counted => zh_en!(lang, format!("带{counted}"), format!("bring {counted}")),
        },
        _ => provision_words(material, lang),
    }
}

/// The sheet's blocks, in order.
fn blocks(document: &ApplicationDocument, applicant: &str, next_step: &str, title: &str) -> Vec<Block> {
    let lang = document.language;
    let mut blocks = vec![Block::Title(title.to_owned())];
    blocks.push(Block::Line(format!("{}{}", lang.pick("申请人：", "Applicant: "), applicant)));
    blocks.extend(document.helper.iter().map(|helper| Block::Line(helper.line(lang))));

    blocks.push(Block::Heading(lang.pick("已经准备好的事项", "What has been prepared")));
    for item in &document.items {
        let text = format!("{}（{}）", item.name.get(lang), item.department.get(lang));
        blocks.push(Block::Entry(escape(&text), text));
    }

    blocks.push(Block::Heading(lang.pick("办理时要带的材料", "What to bring")));
    for material in &document.materials {
        let (name, colon, to_do) = (material.name.get(lang), lang.pick("：", ": "), to_do(material, lang));
        let html = format!("<strong>{}</strong>{colon}{}", escape(name), escape(&to_do));
        blocks.push(Block::Entry(html, format!("{name}{colon}{to_do}")));
    }

    let later = document.materials.iter().filter(|m| m.provided == Some(Provision::Waived));
    let letters = document.materials.iter().filter(|m| m.provided == Some(Provision::CommitmentLetter));
    let promises: Vec<String> = later
        .map(|material| {
            let due = material.due.map(|due| due.to_string()).unwrap_or_default();
            zh_en!(
                lang,
                format!("{} 之前补交“{}”", due, material.name.zh),
                format!("Send “{}” by {}", material.name.en, due)
            )
        })
        .chain(letters.map(|material| {
            zh_en!(
                lang,
                format!("签署告知承诺书，代替“{}”", material.name.zh),
                format!("Sign the commitment letter in place of “{}”", material.name.en)
            )
        }))
        .collect();
    if !promises.is_empty() {
        blocks.push(Block::Heading(lang.pick("您作出的承诺", "What you have promised")));
        blocks.extend(promises.into_iter().map(|promise| Block::Entry(escape(&promise), promise)));
    }

    blocks.push(Block::Heading(lang.pick("去哪里办", "Where to go")));
    blocks.push(Block::Line(if next_step.is_empty() { departments(document) } else { next_step.to_owned() }));
    blocks
}

/// Where to go when no hall's terminal says: the hall's window, and the departments.
fn departments(document: &ApplicationDocument) -> String {
    let lang = document.language;
    let mut departments: Vec<&str> = Vec::new();
    for item in &document.items {
        let department = item.department.get(lang);
        if !departments.contains(&department) {
            departments.push(department);
        }
    }
    let separator = lang.pick("、", ", ");
    zh_en!(
        lang,
        format!("带上申请包的封面和上面的材料，到政务服务大厅的综合受理窗口办理。办理部门：{}。", departments.join(separator)),
        format!(
            "Bring the packet's cover sheet and the materials above to a service window of the government service hall. The departments: {}.",
            departments.join(separator)
        )
    )
}

/// The hand-over sheet of `document` for `applicant`; `next_step` says where to go (a hall's
/// terminal knows), else the departments are named.
pub fn handover_html(document: &ApplicationDocument, applicant: &str, next_step: &str) -> String {
    let lang = document.language;
    let bundle = document.bundle.name.get(lang);
    let title = zh_en!(lang, format!("交接单：{bundle}"), format!("Hand-over sheet: {bundle}"));
    let blocks = blocks(document, applicant, next_step, &title);
    let mut body = format!("<div class=\"handover size-{}\">\n", type_size(&blocks));
    let mut in_list = false;
    for block in &blocks {
        let entry = matches!(block, Block::Entry(..));
        if entry != in_list {
            body.push_str(if entry { "<ul>\n" } else { "</ul>\n" });
            in_list = entry;
        }
        match block {
            Block::Title(text) => body.push_str(&format!("<h1>{}</h1>\n", escape(text))),
            Block::Line(text) => body.push_str(&format!("<p>{}</p>\n", escape(text))),
            Block::Heading(text) => body.push_str(&format!("<h2>{}</h2>\n", escape(text))),
            Block::Entry(html, _) => body.push_str(&format!("<li>{html}</li>\n")),
        }
    }
    if in_list {
        body.push_str("</ul>\n");
    }
    body.push_str("</div>\n");
    page(lang.tag(), &title, &body)
}

#[cfg(test)]
#[path = "handover_tests.rs"]
mod tests;
