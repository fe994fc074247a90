//! Choosing files with a real button (选择文件): the browser's file input stays hidden and out
//! of the tab order, and a `<button>` opens it, so Enter and Space both work (a label styled as
//! a button answered Space only, through the hidden input behind it).

use yew::prelude::*;

use crate::platform::dom;

/// The id of the button that opens the picker whose input has `input_id`.
pub fn button_id(input_id: &str) -> String {
    format!("{input_id}-button")
}

/// A hidden file input and the button that opens it.
pub struct FilePicker {
    /// The input's id (the end-to-end tests set files on it).
    pub id: String,
    pub accept: AttrValue,
    pub multiple: bool,
    /// `capture="environment"` for the camera on a phone.
    pub camera: bool,
    /// Classes of the button and of the input (`camera-input` marks the camera's).
    pub button_class: &'static str,
    pub input_class: &'static str,
    /// The hint the button is described by.
    pub described_by: Option<String>,
}

impl FilePicker {
    pub fn render(self, onchange: Callback<Event>, label: Html) -> Html {
        let button = button_id(&self.id);
        let open = {
            let id = self.id.clone();
            Callback::from(move |_: MouseEvent| dom::click_by_id(&id))
        };
        html! {
            <>
                <input type="file" class={classes!("visually-hidden", "file-input", self.input_class)} id={self.id}
                    tabindex="-1" aria-hidden="true" accept={self.accept} multiple={self.multiple}
                    capture={self.camera.then_some("environment")} {onchange} />
                <button type="button" id={button} class={self.button_class} onclick={open}
                    aria-describedby={self.described_by}>
                    { label }
                </button>
            </>
        }
    }
}
