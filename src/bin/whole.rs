//! The whole app (every page), a module of its own beside the first: the first module loads it
//! once the home page is drawn and starts it when a draft is opened (`platform::whole_app`).

/// The allocator, as the first module's (`src/main.rs`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    yibiao::start_whole();
}
