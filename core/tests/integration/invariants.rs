//! Invariants of the core crate that must fail `cargo test` when broken.

/// The core builds and tests natively: it may never depend on a web crate.
#[test]
fn core_has_no_web_dependency() {
    let manifest = include_str!("../../Cargo.toml");
    let forbidden = ["yew", "web-sys", "js-sys", "gloo", "wasm-bindgen"];
    for line in manifest.lines() {
        let name = line.split('=').next().unwrap_or_default().trim();
        for crate_name in forbidden {
            assert!(
                !(name == crate_name || name.starts_with(&format!("{crate_name}-"))),
                "core/Cargo.toml depends on the web crate {crate_name}: {line}"
            );
        }
    }
}
