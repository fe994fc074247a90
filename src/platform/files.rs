//! Reading the files a person picks, as text, on the device (nothing is uploaded).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;

/// A picked file that could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableFile {
    pub name: String,
}

/// The name and text of each file picked in `input`, in the order picked.
pub async fn read_picked_texts(input: &HtmlInputElement) -> Result<Vec<(String, String)>, UnreadableFile> {
    let Some(list) = input.files() else {
        return Ok(Vec::new());
    };
    let mut files = Vec::new();
    for index in 0..list.length() {
        let Some(file) = list.item(index) else { continue };
        let name = file.name();
        let text = JsFuture::from(file.text()).await.ok().and_then(|value| value.as_string());
        match text {
            Some(text) => files.push((name, text)),
            None => return Err(UnreadableFile { name }),
        }
    }
    Ok(files)
}

/// The input element an event came from.
pub fn input_of(event: &web_sys::Event) -> Option<HtmlInputElement> {
    event.target().and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
}
