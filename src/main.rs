//! The entry point trunk builds for `index.html`: the first module (the home page, its search
//! and the drafts list), which hands a draft's pages over to the whole app (`src/bin/whole.rs`).

/// The allocator: talc in place of the standard dlmalloc, smaller by 3 KB of the first load's
/// gzip (issue 16) and faster. It grows the module's memory as dlmalloc does.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    yibiao::start_first();
}
