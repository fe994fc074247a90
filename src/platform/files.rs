//! Reading the files a person picks, on the device (nothing is uploaded).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;

/// A picked file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableFile {
    pub name: String,
}

/// The name and bytes of each file picked in `input`, in the order picked: the core decides
/// whether they are text (the browser's own text reading would turn any bytes into text).
pub async fn read_picked_bytes(input: &HtmlInputElement) -> Result<Vec<(String, Vec<u8>)>, UnreadableFile> {
    let mut files = Vec::new();
    for file in listed(input.files()) {
        let name = file.name();
        match bytes_of(&file).await {
            Some(bytes) => files.push((name, bytes)),
            None => return Err(UnreadableFile { name }),
        }
    }
    Ok(files)
}

/// The input element an event came from.
pub fn input_of(event: &web_sys::Event) -> Option<HtmlInputElement> {
    event.target().and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
}

/// The files picked in `input`, or dropped (`DataTransfer::files`), in order.
pub fn listed(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|index| list.item(index)).collect()
}

/// The bytes of a file.
pub async fn bytes_of(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The long side of the copy an image is measured on: enough to see blur and darkness, small
/// enough to measure at once.
const SAMPLE_LONG_SIDE: u32 = 800;

/// The long side of an image's preview.
const THUMBNAIL_LONG_SIDE: u32 = 128;

/// Decodes an image and measures it (on a reduced copy, on white, so transparency reads as
/// paper), with a small preview as a `data:` URL; `None` when it cannot be decoded. The sizes
/// are the original's.
pub async fn measure_image(
    blob: &web_sys::Blob,
) -> Option<(yibiao_core::attachment::ImageStats, Option<std::rc::Rc<str>>)> {
    let window = web_sys::window()?;
    let decoding = window.create_image_bitmap_with_blob(blob).ok()?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(decoding).await.ok()?.dyn_into().ok()?;
    let (width, height) = (bitmap.width(), bitmap.height());
    let document = window.document()?;
    let (sample, sample_width, sample_height) = draw(&document, &bitmap, SAMPLE_LONG_SIDE)?;
    let pixels = sample.get_image_data(0.0, 0.0, f64::from(sample_width), f64::from(sample_height)).ok()?.data();
    let stats = yibiao_core::attachment::image_stats(sample_width, sample_height, &pixels)?;
    let thumbnail = draw(&document, &bitmap, THUMBNAIL_LONG_SIDE)
        .and_then(|(small, _, _)| small.canvas()?.to_data_url_with_type("image/jpeg").ok())
        .map(std::rc::Rc::from);
    bitmap.close();
    Some((yibiao_core::attachment::ImageStats { width, height, ..stats }, thumbnail))
}

/// Draws `bitmap` on a new canvas, on white, at most `long_side` pixels long.
fn draw(
    document: &web_sys::Document,
    bitmap: &web_sys::ImageBitmap,
    long_side: u32,
) -> Option<(web_sys::CanvasRenderingContext2d, u32, u32)> {
    let (width, height) = (bitmap.width(), bitmap.height());
    let scale = (f64::from(long_side) / f64::from(width.max(height).max(1))).min(1.0);
    let side = |pixels: u32| ((f64::from(pixels) * scale).round() as u32).max(1);
    let (w, h) = (side(width), side(height));
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(w);
    canvas.set_height(h);
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
    context.draw_image_with_image_bitmap_and_dw_and_dh(bitmap, 0.0, 0.0, f64::from(w), f64::from(h)).ok()?;
    Some((context, w, h))
}

/// Checks a picked or dropped file for `material` on the device, as the core rules say: its
/// size before anything is read, then its real type, its pages or its pixels. The file is
/// returned with what was measured, ready to be kept.
pub async fn check_for(
    material: &yibiao_core::Material,
    file: &web_sys::File,
) -> Result<yibiao_core::attachment::Attachment, yibiao_core::attachment::AttachmentError> {
    use yibiao_core::attachment::{self, AttachmentError, FirstLook, Shape};
    let name = file.name();
    let size = file.size() as u64;
    // A huge file is refused from its size and first bytes, without reading it whole.
    let head = match file.slice_with_f64_and_f64(0.0, 16.0) {
        Ok(head) => bytes_of(&head).await.unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    attachment::check_file(material, &name, size, &head)?;
    let bytes = bytes_of(file).await.ok_or(AttachmentError::Unreadable)?;
    let (file_type, shape, thumbnail) = match attachment::first_look(material, &name, &bytes)? {
        FirstLook::Pdf { pages } => (yibiao_core::catalog::FileType::Pdf, Shape::Pdf { pages }, None),
        FirstLook::Image(file_type) => {
            let (stats, thumbnail) = measure_image(file).await.ok_or(AttachmentError::Unreadable)?;
            attachment::check_image(&stats, !material.photo)?;
            (file_type, Shape::Image { width: stats.width, height: stats.height }, thumbnail)
        }
    };
    Ok(yibiao_core::attachment::Attachment {
        id: attachment::content_id(&bytes),
        name,
        file_type,
        size: bytes.len() as u64,
        shape,
        added_ms: super::clock::now_ms(),
        thumbnail,
        checksums: None,
    })
}

/// A file the applicant picked or dropped, not yet read.
pub type PickedFile = web_sys::File;

/// The files picked in the file input `event` came from, in order; the input is emptied, so
/// that picking the same file again is noticed again. `None` when the event had no file input.
pub fn take_picked(event: &web_sys::Event) -> Option<Vec<PickedFile>> {
    let input = input_of(event)?;
    let picked = listed(input.files());
    input.set_value("");
    Some(picked)
}

/// The files dropped by a drag-and-drop, in order.
pub fn dropped(event: &web_sys::DragEvent) -> Vec<PickedFile> {
    listed(event.data_transfer().and_then(|transfer| transfer.files()))
}
