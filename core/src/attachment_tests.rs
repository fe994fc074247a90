use super::*;
use crate::catalog::MaterialId;
use crate::text::Text;

fn material(types: Vec<FileType>, max_size_kb: u32) -> Material {
    Material {
        id: MaterialId::new("id_card"),
        name: Text::new("身份证", "ID card"),
        description: Text::new("正反面", "Both sides"),
        plain: None,
        paper: true,
        electronic: true,
        file_types: types,
        max_size_kb,
        photo: false,
    }
}

#[test]
fn the_type_comes_from_the_content_not_the_name() {
    let id = material(vec![FileType::Pdf, FileType::Jpeg], 1024);
    assert_eq!(check_file(&id, "scan.png", 10, b"%PDF-1.7\n"), Ok(FileType::Pdf), "a lying extension");
    assert_eq!(check_file(&id, "photo.jpg", 10, &[0xFF, 0xD8, 0xFF, 0xE0]), Ok(FileType::Jpeg));
    assert_eq!(
        check_file(&id, "notes.pdf", 10, b"hello"),
        Err(AttachmentError::UnknownType { name: "notes.pdf".into() })
    );
    let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    assert_eq!(
        check_file(&id, "a.png", 10, &png),
        Err(AttachmentError::TypeNotAccepted { found: FileType::Png, accepted: vec![FileType::Pdf, FileType::Jpeg] })
    );
    let message = check_file(&id, "a.png", 10, &png).expect_err("refused").message(Lang::Zh);
    assert_eq!(message, "这份材料只收 PDF、JPEG，这个文件是 PNG");
}

#[test]
fn a_file_over_the_limit_is_refused_with_both_sizes() {
    let id = material(vec![FileType::Pdf], 1024);
    assert_eq!(check_file(&id, "a.pdf", 1024 * 1024, b"%PDF-"), Ok(FileType::Pdf), "exactly the limit");
    assert_eq!(
        check_file(&id, "a.pdf", 1024 * 1024 + 1, b"%PDF-"),
        Err(AttachmentError::TooLarge { size: 1024 * 1024 + 1, limit: 1024 * 1024 })
    );
    // Said in the unit of the limit, the size rounded up: never "1 MB, over the 1 MB limit".
    let message = AttachmentError::TooLarge { size: 1024 * 1024 + 1, limit: 1024 * 1024 }.message(Lang::Zh);
    assert_eq!(message, "文件有 1.1 MB，超过了 1 MB 的上限。请压缩或分页后再试，不要降低扫描清晰度");
    let thirty = AttachmentError::TooLarge { size: 30 * 1024 * 1024 + 7, limit: 10 * 1024 * 1024 };
    assert!(thirty.message(Lang::En).starts_with("The file is 30.1 MB, over the 10 MB limit."));
}

#[test]
fn an_empty_file_is_refused_as_empty() {
    let id = material(vec![FileType::Pdf], 1024);
    let empty = check_file(&id, "扫描.pdf", 0, b"");
    assert_eq!(empty, Err(AttachmentError::Empty { name: "扫描.pdf".into() }));
    assert!(empty.unwrap_err().message(Lang::Zh).contains("空文件"));
    assert_eq!(first_look(&id, "a.pdf", b""), Err(AttachmentError::Empty { name: "a.pdf".into() }));
}

#[test]
fn sizes_read_as_people_read_them() {
    assert_eq!(file_size(0), "1 KB");
    assert_eq!(file_size(850 * 1024), "850 KB");
    assert_eq!(file_size(5 * 1024 * 1024), "5 MB");
    assert_eq!(file_size(1_258_291), "1.2 MB");
    assert_eq!(file_size(10 * 1024 * 1024 + 1), "10.1 MB");
    assert_eq!(file_size(u64::MAX), "17592186044416 MB", "2^64 bytes, rounded up, without overflow");
}

#[test]
fn pdf_pages_are_counted_without_the_page_tree() {
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n4 0 obj <</Type/Page/Parent 2 0 R>> endobj\n%%EOF";
    assert_eq!(pdf_pages(pdf), Ok(Some(2)));
    assert_eq!(pdf_pages(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"), Err(AttachmentError::NoPages));
    let compressed = b"%PDF-1.7\n5 0 obj << /Type /ObjStm /N 3 /First 12 /Filter /FlateDecode >> stream\nx\x9c\nendstream endobj\n%%EOF\n";
    assert_eq!(pdf_pages(compressed), Ok(None), "pages in a compressed object stream are not counted");
    assert_eq!(pdf_pages(&pdf[..pdf.len() - 5]), Err(AttachmentError::Truncated), "cut off before %%EOF");
}

#[test]
fn a_first_look_checks_type_size_and_pages() {
    let id = material(vec![FileType::Pdf, FileType::Jpeg], 1);
    let pdf = b"%PDF-1.4\n3 0 obj << /Type /Page >> endobj\n%%EOF";
    assert_eq!(first_look(&id, "a.jpg", pdf), Ok(FirstLook::Pdf { pages: Some(1) }));
    assert_eq!(first_look(&id, "a.pdf", &[0xFF, 0xD8, 0xFF, 0xDB]), Ok(FirstLook::Image(FileType::Jpeg)));
    assert_eq!(first_look(&id, "a.pdf", b"%PDF-1.4\n%%EOF"), Err(AttachmentError::NoPages));
    let big = [&pdf[..], &[b' '; 1024]].concat();
    assert_eq!(first_look(&id, "a.pdf", &big), Err(AttachmentError::TooLarge { size: big.len() as u64, limit: 1024 }));
}

#[test]
fn content_ids_are_sha256() {
    assert_eq!(content_id(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_ne!(content_id(b"abc"), content_id(b"abd"));
}

#[test]
fn a_file_attached_once_fits_another_material_only_within_its_limits() {
    let photo = Attachment {
        id: "p".into(),
        name: "me.jpg".into(),
        file_type: FileType::Jpeg,
        size: 200 * 1024,
        shape: Shape::Image { width: 358, height: 441 },
        added_ms: 0,
        thumbnail: None,
        checksums: None,
    };
    let portrait = Material { photo: true, ..material(vec![FileType::Jpeg], 2048) };
    assert_eq!(fits(&portrait, &photo), Ok(()));
    let document = material(vec![FileType::Pdf, FileType::Jpeg], 5120);
    assert_eq!(fits(&document, &photo), Err(AttachmentError::TooSmall { long_side: 441, needed: MIN_SCAN_LONG_SIDE }));
    let scan = Attachment { shape: Shape::Image { width: 2480, height: 3508 }, size: 3 * 1024 * 1024, ..photo };
    assert_eq!(fits(&document, &scan), Ok(()));
    assert_eq!(fits(&portrait, &scan), Err(AttachmentError::TooLarge { size: 3 * 1024 * 1024, limit: 2048 * 1024 }));
    let pdf_only = material(vec![FileType::Pdf], 5120);
    assert!(matches!(fits(&pdf_only, &scan), Err(AttachmentError::TypeNotAccepted { .. })));
}

/// An image of `w` x `h` whose luminance at (x, y) is `f(x, y)`.
fn image(w: u32, h: u32, f: impl Fn(u32, u32) -> u8) -> Vec<u8> {
    let mut rgba = Vec::with_capacity((w * h * 4) as usize);
    for y in 0..h {
        for x in 0..w {
            let v = f(x, y);
            rgba.extend([v, v, v, 255]);
        }
    }
    rgba
}

#[test]
fn blank_dark_blurred_and_small_images_are_told_apart_from_a_good_scan() {
    let text_like = |x: u32, y: u32| if (x / 3 + y / 5) % 4 == 0 { 20 } else { 235 };
    let good = image_stats(120, 80, &image(120, 80, text_like)).expect("measured");
    assert_eq!(check_image(&good, false), Ok(()));
    assert_eq!(
        check_image(&good, true),
        Err(AttachmentError::TooSmall { long_side: 120, needed: MIN_SCAN_LONG_SIDE }),
        "a scan needs more pixels"
    );
    assert_eq!(check_image(&ImageStats { width: 1600, height: 1200, ..good }, true), Ok(()));

    let blank = image_stats(60, 40, &image(60, 40, |_, _| 250)).expect("measured");
    assert_eq!(check_image(&blank, false), Err(AttachmentError::Blank));
    let dark = image_stats(60, 40, &image(60, 40, |x, y| if (x + y) % 2 == 0 { 5 } else { 40 })).expect("measured");
    assert_eq!(check_image(&dark, false), Err(AttachmentError::TooDark));
    // A smooth ramp: contrast, but no edges at all.
    let blurred = image_stats(60, 40, &image(60, 40, |x, _| (x * 4) as u8)).expect("measured");
    assert_eq!(check_image(&blurred, false), Err(AttachmentError::Blurred));
    assert_eq!(image_stats(0, 10, &[]), None);
    assert_eq!(image_stats(10, 10, &[0; 12]), None, "too few pixels for the size");
}

/// Checksums are kept in a draft as one word, read back as themselves; anything else is refused.
#[test]
fn checksums_are_kept_as_one_word() {
    let checksums = Checksums {
        sm3: "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0".to_owned(),
        crc32: 0x352441c2,
    };
    let json = serde_json::to_string(&checksums).expect("writes");
    assert_eq!(json, format!("\"352441c2:{}\"", checksums.sm3));
    assert_eq!(serde_json::from_str::<Checksums>(&json).expect("reads"), checksums);
    for bad in [
        "",
        "352441c2",
        "352441C2:00",
        &format!("352441c2:{}", checksums.sm3.to_uppercase()),
        &format!("12345678:{}0", checksums.sm3),
        &format!("x2345678:{}", checksums.sm3),
    ] {
        assert_eq!(Checksums::read(bad), None, "{bad}");
        assert!(serde_json::from_str::<Checksums>(&format!("\"{bad}\"")).is_err());
    }
}
