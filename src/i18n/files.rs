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

/// A size in bytes as people read it: "850 KB", "1.2 MB".
pub fn file_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        let tenths = (bytes * 10).div_ceil(1024 * 1024);
        if tenths % 10 == 0 {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    }
}

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
