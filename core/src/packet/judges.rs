//! The standard tools that judge what the packet's tests make (test builds only).

use std::process::Command;

/// What the ZBar reader (`zbarimg`, a standard decoder) reads from the QR code an SVG of
/// `QrCode::svg` draws: its runs are drawn four pixels a module into a bitmap, quiet zone
/// included, and the bitmap is read.
pub fn zbar_reads_svg(svg: &str, name: &str) -> String {
    let side: usize = svg
        .split("viewBox=\"0 0 ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|side| side.parse().ok())
        .expect("a square view box");
    let d = svg.split(" d=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("a path");
    let mut dark = vec![false; side * side];
    for run in d.split('M').filter(|run| !run.is_empty()) {
        let (start, rest) = run.split_once('h').expect("M x y h");
        let (x, y) = start.split_once(' ').expect("x y");
        let (x, y): (usize, usize) = (x.parse().expect("x"), y.parse().expect("y"));
        let len: usize = rest.split('v').next().and_then(|len| len.parse().ok()).expect("a length");
        for i in x..x + len {
            dark[y * side + i] = true;
        }
    }
    zbar_reads(&dark, side, name)
}

/// What `zbarimg` reads from `side` × `side` modules (`true` dark), four pixels a module.
pub fn zbar_reads(dark: &[bool], side: usize, name: &str) -> String {
    let scale = 4;
    let pixels = side * scale;
    let mut pbm = format!("P1\n{pixels} {pixels}\n");
    for py in 0..pixels {
        for px in 0..pixels {
            pbm.push(if dark[(py / scale) * side + px / scale] { '1' } else { '0' });
            pbm.push(' ');
        }
        pbm.push('\n');
    }
    let path = std::env::temp_dir().join(format!("yibiao-qr-{name}-{}.pbm", std::process::id()));
    std::fs::write(&path, pbm).expect("a scratch file");
    let read = Command::new("zbarimg").args(["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"]).arg(&path).output();
    let _ = std::fs::remove_file(&path);
    let read = read.expect("zbarimg is installed (cargo xtask installs zbar-tools)");
    assert!(read.status.success(), "zbarimg found no code in {name}: {}", String::from_utf8_lossy(&read.stderr));
    String::from_utf8(read.stdout).expect("UTF-8").trim_end_matches('\n').to_owned()
}
