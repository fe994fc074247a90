//! A page's WebAssembly module and its JavaScript glue, made smaller after trunk (issue 16).
//!
//! wasm-bindgen names each import after the function it binds and a hash
//! (`__wbg_setAttribute_…16 hex digits…`), and the glue names it again as the key of the
//! imports object: some 260 such names, written twice, cost about 9 KB of the first load
//! (gzip), mostly for the hashes, which do not compress. Here binaryen's
//! `--minify-imports-and-exports-and-modules` gives every import, export and module a name of
//! a few letters and prints its mapping, the glue is rewritten by that mapping (every import's
//! key, every `wasm.<export>`, the module's name), and terser minifies the glue. Then the
//! pages that name the two files get their new Subresource Integrity digests.
//!
//! The rewrite refuses, and the build stops, when the glue does not have exactly the names the
//! mapping speaks of, so that a new wasm-bindgen that writes its glue differently fails here
//! and not in a browser.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha384};

use crate::process::capture_ok;
use crate::tools::Toolchain;

/// Every `<name>.js` of `dist` beside a `<name>_bg.wasm` that a page of `dist` loads (with its
/// integrity digest): the app's module and the catalog page's. The packet worker's glue is
/// left as it is (the worker script loads it, not a page; it is not part of the first load).
pub fn page_modules(dist: &Path, toolchain: &Toolchain) -> Result<()> {
    let pages = ["index.html", "admin.html"];
    for entry in std::fs::read_dir(dist).context("listing dist/")? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix("_bg.wasm") else { continue };
        let glue_name = format!("{stem}.js");
        let (wasm_path, glue_path) = (dist.join(&name), dist.join(&glue_name));
        let mut htmls = Vec::new();
        for page in pages {
            let html = crate::read_text(&dist.join(page))?;
            if html.contains(&glue_name) && html.contains(&name) {
                htmls.push((page, html));
            }
        }
        if htmls.is_empty() || !glue_path.exists() {
            continue;
        }
        let old = [sri(&std::fs::read(&glue_path)?), sri(&std::fs::read(&wasm_path)?)];
        shrink(toolchain, &wasm_path, &glue_path).with_context(|| format!("making {stem} smaller"))?;
        let new = [sri(&std::fs::read(&glue_path)?), sri(&std::fs::read(&wasm_path)?)];
        for (page, mut html) in htmls {
            for (old, new) in old.iter().zip(&new) {
                if !html.contains(old.as_str()) {
                    bail!("{page} loads {stem} without the integrity digest {old}");
                }
                html = html.replace(old.as_str(), new);
            }
            std::fs::write(dist.join(page), html).with_context(|| format!("writing {page}"))?;
        }
    }
    Ok(())
}

/// The Subresource Integrity value of `bytes` as trunk writes it.
fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", yibiao_core::catalog::compact::base64_encode(&Sha384::digest(bytes)))
}

fn shrink(toolchain: &Toolchain, wasm: &Path, glue: &Path) -> Result<()> {
    let wasm_arg = wasm.to_string_lossy().into_owned();
    // The features trunk's wasm-opt run left on; this pass changes names only.
    let mapping = capture_ok(
        toolchain.command("wasm-opt").args([
            &wasm_arg,
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
            "--minify-imports-and-exports-and-modules",
            "-o",
            &wasm_arg,
        ]),
        "wasm-opt --minify-imports-and-exports-and-modules",
    )?;
    let renames = Renames::parse(&mapping, &first_import_module(&std::fs::read(wasm)?)?)?;
    let source = crate::read_text(glue)?;
    std::fs::write(glue, renames.apply(&source)?).context("writing the renamed glue")?;
    terser(toolchain, glue, true)
}

/// Minifies a classic script of the first load in place (its names at the top level stay, as
/// other scripts may use them).
pub fn script(toolchain: &Toolchain, path: &Path) -> Result<()> {
    terser(toolchain, path, false)
}

/// Minifies a script in place with terser; a `module` may have its top-level names mangled.
fn terser(toolchain: &Toolchain, path: &Path, module: bool) -> Result<()> {
    let arg = path.to_string_lossy().into_owned();
    let mut command = toolchain.command("terser");
    command.arg(&arg).args(module.then_some("--module")).args(["--compress", "--mangle", "--output", &arg]);
    capture_ok(&mut command, &format!("terser on {arg}"))?;
    Ok(())
}

/// The mapping binaryen printed: each import's module, old and new name, and each export's old
/// and new name.
#[derive(Debug, Default, PartialEq)]
pub struct Renames {
    pub modules: HashMap<String, String>,
    pub imports: HashMap<String, String>,
    pub exports: HashMap<String, String>,
}

impl Renames {
    /// Reads binaryen's mapping, a JSON-like listing (with trailing commas) of
    /// `["module", "name", "new"]` lines under `"imports"` and `["name", "new"]` under
    /// `"exports"`. It does not say what the modules were renamed to: binaryen puts every import
    /// in one module, whose name `module` (read from the minified module) is.
    pub fn parse(text: &str, module: &str) -> Result<Renames> {
        let mut renames = Renames::default();
        let mut section = "";
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with("\"imports\"") {
                section = "imports";
            } else if line.starts_with("\"exports\"") {
                section = "exports";
            } else if line.starts_with('[') && line.len() > 1 {
                let strings = quoted_strings(line);
                match (section, strings.as_slice()) {
                    ("imports", [old_module, old, new]) => {
                        renames.modules.insert(old_module.clone(), module.to_owned());
                        renames.imports.insert(old.clone(), new.clone());
                    }
                    ("exports", [old, new]) => {
                        renames.exports.insert(old.clone(), new.clone());
                    }
                    _ => bail!("an unexpected line in wasm-opt's mapping: {line}"),
                }
            }
        }
        if renames.imports.is_empty() || renames.exports.is_empty() {
            bail!("wasm-opt printed no mapping of imports and exports:\n{text}");
        }
        if renames.modules.len() != 1 {
            bail!("the module imports from {} modules; the glue's rewrite knows one", renames.modules.len());
        }
        Ok(renames)
    }

    /// The glue with every import key, every use of an export (`wasm.<name>`) and the module's
    /// name renamed. The glue is not parsed: an import is renamed where its name is an object
    /// key (followed by `:`), an export where it follows `wasm.`, the module where its name is
    /// a quoted key. Every import and the module must be renamed exactly once, and every
    /// `wasm.<name>` must be an export of the module.
    pub fn apply(&self, glue: &str) -> Result<String> {
        let mut output = String::with_capacity(glue.len());
        let mut replaced: HashMap<&str, usize> = HashMap::new();
        let bytes = glue.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if is_identifier_byte(bytes[i]) && (i == 0 || !is_identifier_byte(bytes[i - 1])) {
                let end = glue[i..].bytes().position(|b| !is_identifier_byte(b)).map_or(glue.len(), |n| i + n);
                let word = &glue[i..end];
                let new = if glue[..i].ends_with("wasm.") {
                    let export = self.exports.get_key_value(word);
                    if export.is_none() {
                        bail!("the glue uses `wasm.{word}`, which the module does not export");
                    }
                    export
                } else if glue[end..].trim_start().starts_with(':') {
                    self.imports.get_key_value(word)
                } else {
                    None
                };
                if let Some((old, new)) = new {
                    *replaced.entry(old).or_default() += 1;
                    output.push_str(new);
                } else {
                    output.push_str(word);
                }
                i = end;
                continue;
            }
            let rest = &glue[i..];
            let module = self.modules.iter().find(|(module, _)| {
                ['"', '\''].iter().any(|quote| {
                    rest.strip_prefix(*quote)
                        .and_then(|rest| rest.strip_prefix(module.as_str()))
                        .and_then(|rest| rest.strip_prefix(*quote))
                        .is_some_and(|rest| rest.trim_start().starts_with(':'))
                })
            });
            if let Some((old, new)) = module {
                *replaced.entry(old).or_default() += 1;
                output.push_str(&format!("\"{new}\""));
                i += old.len() + 2;
                continue;
            }
            let next = rest.chars().next().map_or(1, char::len_utf8);
            output.push_str(&rest[..next]);
            i += next;
        }
        for name in self.imports.keys().chain(self.modules.keys()) {
            if replaced.get(name.as_str()) != Some(&1) {
                bail!("the glue does not name the import or module `{name}` exactly once as a key");
            }
        }
        Ok(output)
    }
}

/// The module name of a WebAssembly module's first import.
fn first_import_module(wasm: &[u8]) -> Result<String> {
    fn leb(bytes: &[u8], at: &mut usize) -> Result<usize> {
        let mut value = 0usize;
        for shift in (0..35).step_by(7) {
            let byte = *bytes.get(*at).context("a truncated WebAssembly module")?;
            *at += 1;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        bail!("a malformed number in the WebAssembly module")
    }
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at)?;
        if id == 2 {
            let mut inner = at;
            if leb(wasm, &mut inner)? == 0 {
                break;
            }
            let len = leb(wasm, &mut inner)?;
            let name = wasm.get(inner..inner + len).context("a truncated import")?;
            return Ok(String::from_utf8(name.to_vec())?);
        }
        at += size;
    }
    bail!("the WebAssembly module has no import")
}

fn is_identifier_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'$'
}

fn quoted_strings(line: &str) -> Vec<String> {
    line.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAPPING: &str = r#"{
 "imports": [
  ["./app_bg.js", "__wbg_setAttribute_0123456789abcdef", "a"],
  ["./app_bg.js", "__wbindgen_cast_fedcba9876543210", "b"],
 ],
"exports": [
  ["memory", "c"],
  ["__wbindgen_malloc", "d"],
  ["__abort_handler", "e"],
 ]
}"#;

    const GLUE: &str = r#"function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_setAttribute_0123456789abcdef: function(arg0, arg1) {
            arg0.setAttribute(getStringFromWasm0(arg1), "__wbg_setAttribute_0123456789abcdef");
        },
        __wbindgen_cast_fedcba9876543210 : function(arg0) { return wasm.memory.buffer; },
    };
    return { __proto__: null, "./app_bg.js": import0 };
}
// A comment that doesn't close its quote, and a regular expression: /\[object ([^\]]+)\]/
const ptr = wasm.__wbindgen_malloc(len, 1) + __wbindgen_malloc;
wasm.__wbindgen_malloc(0, 0);
"#;

    #[test]
    fn the_glue_is_renamed_by_the_mapping() {
        let renames = Renames::parse(MAPPING, "z").expect("parses");
        assert_eq!(renames.imports.len(), 2);
        assert_eq!(renames.exports["__abort_handler"], "e");
        let glue = renames.apply(GLUE).expect("renames");
        // Keys and uses after `wasm.` are renamed; the same word elsewhere is not.
        assert!(glue.contains("        a: function(arg0, arg1)"), "{glue}");
        assert!(glue.contains("\"__wbg_setAttribute_0123456789abcdef\");"), "{glue}");
        assert!(glue.contains("        b : function(arg0) { return wasm.c.buffer; }"), "{glue}");
        assert!(glue.contains("{ __proto__: null, \"z\": import0 }"), "{glue}");
        assert!(glue.contains("wasm.d(len, 1) + __wbindgen_malloc;\nwasm.d(0, 0);"), "{glue}");
        assert!(glue.contains("function __wbg_get_imports()"), "{glue}");
    }

    #[test]
    fn a_glue_without_every_import_is_refused() {
        let renames = Renames::parse(MAPPING, "z").expect("parses");
        let missing = GLUE.replace("__wbindgen_cast_fedcba9876543210 :", "other:");
        assert!(renames.apply(&missing).is_err());
        let twice = GLUE.replace("__proto__: null,\n", "__proto__: null,\n__wbindgen_cast_fedcba9876543210: 1,\n");
        assert!(renames.apply(&twice).is_err());
        let unknown = GLUE.replace("wasm.memory", "wasm.table");
        assert!(renames.apply(&unknown).is_err());
        let two_modules = MAPPING.replace(r#"["./app_bg.js", "__wbindgen"#, r#"["./other.js", "__wbindgen"#);
        assert!(Renames::parse(&two_modules, "z").is_err());
        assert!(Renames::parse("{}", "z").is_err());
    }
}
