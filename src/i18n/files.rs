//! How files are described: the types and size a material takes, a file's size and what was
//! measured of it, and the progress of checking one.

use yibiao_core::Lang;

/// The types and size a material takes: "PDF、JPEG 或 PNG，每个文件不超过 5 MB".
pub fn file_limits(lang: Lang, material: &yibiao_core::Material) -> String {
    let names: Vec<&str> = material.file_types.iter().map(|t| t.name()).collect();
    let types = match (names.split_last(), lang) {
        (Some((last, [])), _) => (*last).to_owned(),
        (Some((last, rest)), Lang::Zh) => format!("{} 或 {last}", rest.join("、")),
        (Some((last, rest)), Lang::En) => format!("{} or {last}", rest.join(", ")),
        (None, _) => String::new(),
    };
    let size = file_size(u64::from(material.max_size_kb) * 1024);
    match lang {
        Lang::Zh => format!("{types}，每个文件不超过 {size}"),
        Lang::En => format!("{types}, up to {size} each"),
    }
}

/// The units the interface's phrases put after a number (sizes, pages, pixels), which stay on
/// the line of their number.
pub const UNITS: &[&str] = &["KB", "MB", "GB", "页", "像素", "pages", "page", "pixels"];

/// A size in bytes as people read it: "850 KB", "1.2 MB" (the core says the same in its
/// messages).
pub use yibiao_core::attachment::file_size;

/// What was measured of an attached file: "PDF · 3 页 · 1.2 MB".
pub fn file_facts(lang: Lang, file: &yibiao_core::attachment::Attachment) -> String {
    use yibiao_core::attachment::Shape;
    let shape = match (file.shape, lang) {
        (Shape::Pdf { pages: Some(pages) }, Lang::Zh) => format!("{pages} 页"),
        (Shape::Pdf { pages: Some(1) }, Lang::En) => "1 page".to_owned(),
        (Shape::Pdf { pages: Some(pages) }, Lang::En) => format!("{pages} pages"),
        (Shape::Pdf { pages: None }, Lang::Zh) => "页数未读出".to_owned(),
        (Shape::Pdf { pages: None }, Lang::En) => "pages not counted".to_owned(),
        (Shape::Image { width, height }, Lang::Zh) => format!("{width} × {height} 像素"),
        (Shape::Image { width, height }, Lang::En) => format!("{width} × {height} pixels"),
    };
    format!("{} · {shape} · {}", file.file_type.name(), file_size(file.size))
}

/// Said while a file is checked, and once it is attached.
pub fn file_progress(lang: Lang, name: &str, done: bool) -> String {
    match (lang, done) {
        (Lang::Zh, false) => format!("正在检查“{name}”…"),
        (Lang::En, false) => format!("Checking “{name}”…"),
        (Lang::Zh, true) => format!("已添加“{name}”"),
        (Lang::En, true) => format!("“{name}” is attached"),
    }
}

/// Said once a packet is saved: its file name and how its fingerprint starts, to compare with
/// the cover sheet.
pub fn packet_saved(lang: Lang, file_name: &str, fingerprint: &str) -> String {
    let start: String = fingerprint.chars().take(8).collect();
    match lang {
        Lang::Zh => format!("已保存“{file_name}”（指纹开头：{start}）。"),
        Lang::En => format!("Saved “{file_name}” (its fingerprint starts {start})."),
    }
}

/// Said while a packet is checked.
pub fn packet_checking(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("正在校验“{name}”…"),
        Lang::En => format!("Checking “{name}”…"),
    }
}

/// What a packet that passed every check holds.
pub fn packet_opened(lang: Lang, file_name: &str, bundle: &str, applicant: &str, fingerprint: &str) -> String {
    let start: String = fingerprint.chars().take(8).collect();
    match (lang, applicant.is_empty()) {
        (Lang::Zh, false) => format!("“{file_name}”校验通过：{bundle}，申请人{applicant}，指纹开头 {start}。"),
        (Lang::Zh, true) => format!("“{file_name}”校验通过：{bundle}，指纹开头 {start}。"),
        (Lang::En, false) => {
            format!("“{file_name}” passed every check: {bundle}, for {applicant}; its fingerprint starts {start}.")
        }
        (Lang::En, true) => format!("“{file_name}” passed every check: {bundle}; its fingerprint starts {start}."),
    }
}

/// Said of a packet filled against another catalog than this device's.
pub fn packet_other_catalog(lang: Lang, version: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "这个申请包按事项目录 {version} 填写，与本设备的目录不同：继续办理时会列出变化；窗口核对的结论按本设备的目录重新判断。"
        ),
        Lang::En => format!(
            "This packet was filled against catalog {version}, not this device's: continuing lists what changed, and the window's check judges it by this device's catalog."
        ),
    }
}

/// The intake record's first line: what, for whom, from which file.
pub fn intake_lead(lang: Lang, bundle: &str, applicant: &str, file_name: &str) -> String {
    match lang {
        Lang::Zh => format!("{bundle} · 申请人：{applicant} · 文件“{file_name}”已在本设备上校验，每个文件的校验值都相符。"),
        Lang::En => format!("{bundle} · applicant: {applicant} · the file “{file_name}” was checked on this device, and every file's checksum matches."),
    }
}

/// The button that prints one department's form, its name for screen readers.
pub fn print_form(lang: Lang, form: &str) -> String {
    match lang {
        Lang::Zh => format!("打印“{form}”"),
        Lang::En => format!("Print “{form}”"),
    }
}
