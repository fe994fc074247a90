//! A small static file server for `dist/`: correct media types, the page's own
//! Content-Security-Policy as a header, and no caching of the files that name the version.
//! It serves files only; it logs nothing and keeps nothing.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use anyhow::{bail, Context, Result};

use crate::read_text;

/// `--host` and `--port`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub host: String,
    pub port: u16,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options { host: "127.0.0.1".to_owned(), port: 8080 };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let value = args.next().with_context(|| format!("{arg} needs a value"))?;
            match arg.as_str() {
                "--port" => {
                    options.port = value.parse().with_context(|| format!("--port {value}: not a port number"))?
                }
                "--host" => options.host = value.clone(),
                other => bail!("unknown option {other}; use --port N or --host ADDR"),
            }
        }
        Ok(options)
    }
}

/// A server running on a background thread (for the end-to-end tests).
#[derive(Debug)]
pub struct Running {
    pub url: String,
}

/// Starts serving `dist` on `host:port` (port 0 picks a free one) in the background.
pub fn spawn(dist: &Path, host: &str, port: u16) -> Result<Running> {
    let listener = TcpListener::bind((host, port)).with_context(|| format!("binding {host}:{port}"))?;
    let address = listener.local_addr()?;
    let site = Arc::new(Site::open(dist)?);
    thread::spawn(move || accept_loop(listener, site));
    Ok(Running { url: format!("http://{address}/") })
}

/// Serves until the process is stopped.
pub fn serve_forever(dist: &Path, options: &Options) -> Result<()> {
    let listener = TcpListener::bind((options.host.as_str(), options.port)).with_context(|| {
        format!("binding {}:{} (is another server using the port? try --port)", options.host, options.port)
    })?;
    let site = Arc::new(Site::open(dist)?);
    let address = listener.local_addr()?;
    println!("Serving 一表通 at http://{address}/  (Ctrl+C to stop)");
    if options.host == "0.0.0.0" {
        println!(
            "Listening on every network interface: open http://<this machine's address>:{}/ on the kiosk.",
            address.port()
        );
    }
    accept_loop(listener, site);
    Ok(())
}

struct Site {
    root: PathBuf,
    security_policy: String,
}

impl Site {
    fn open(dist: &Path) -> Result<Site> {
        let index = read_text(&dist.join("index.html")).context("dist/ has no index.html: build first")?;
        let policy = meta_security_policy(&index).context("index.html has no Content-Security-Policy meta tag")?;
        // frame-ancestors works only as a header: the app may not be framed by another site.
        Ok(Site { root: dist.to_path_buf(), security_policy: format!("{policy}; frame-ancestors 'none'") })
    }
}

/// The policy in `<meta http-equiv="Content-Security-Policy" content="...">`.
fn meta_security_policy(html: &str) -> Option<String> {
    let start = html.find("http-equiv=\"Content-Security-Policy\"")?;
    let rest = &html[start..];
    let content = rest.find("content=\"")? + "content=\"".len();
    let end = rest[content..].find('"')?;
    Some(rest[content..content + end].to_owned())
}

fn accept_loop(listener: TcpListener, site: Arc<Site>) {
    for stream in listener.incoming().flatten() {
        let site = Arc::clone(&site);
        thread::spawn(move || {
            let _ = handle(stream, &site);
        });
    }
}

fn handle(mut stream: TcpStream, site: &Site) -> Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut words = request_line.split_whitespace();
    let (method, target) = (words.next().unwrap_or_default(), words.next().unwrap_or("/"));
    let head_only = method == "HEAD";
    let not_found =
        Response { status: "404 Not Found", media: "text/plain", cache: "no-cache", body: b"not found".to_vec() };
    let response = if method != "GET" && !head_only {
        Response { status: "405 Method Not Allowed", body: b"method not allowed".to_vec(), ..not_found }
    } else {
        match resolve(&site.root, target).and_then(|path| std::fs::read(&path).ok().map(|body| (path, body))) {
            Some((path, body)) => {
                Response { status: "200 OK", media: media_type(&path), cache: cache_control(&path), body }
            }
            None => not_found,
        }
    };
    respond(&mut stream, site, &response, head_only)
}

struct Response {
    status: &'static str,
    media: &'static str,
    cache: &'static str,
    body: Vec<u8>,
}

/// Maps a request target to a file under `root`, refusing anything that leaves it.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let relative = path.trim_start_matches('/');
    let relative = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_owned()
    };
    let candidate = Path::new(&relative);
    if candidate.components().any(|part| !matches!(part, Component::Normal(_))) {
        return None;
    }
    let full = root.join(candidate);
    full.is_file().then_some(full)
}

fn media_type(path: &Path) -> &'static str {
    match path.extension().and_then(|ext| ext.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "toml" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Files with a content hash in their name never change; the rest must be revalidated.
/// Trunk writes its hash as hex without leading zeros, so it can be shorter than 16 digits.
fn cache_control(path: &Path) -> &'static str {
    let name = path.file_name().and_then(|name| name.to_str()).unwrap_or_default();
    let stem = name.split(['.', '_']).next().unwrap_or_default();
    let hashed =
        stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() >= 12 && hash.chars().all(|c| c.is_ascii_hexdigit()));
    if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

fn respond(stream: &mut TcpStream, site: &Site, response: &Response, head_only: bool) -> Result<()> {
    let header = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: {}\r\n\
         Content-Security-Policy: {}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n\
         Cross-Origin-Opener-Policy: same-origin\r\nConnection: close\r\n\r\n",
        response.status,
        response.media,
        response.body.len(),
        response.cache,
        site.security_policy
    );
    stream.write_all(header.as_bytes())?;
    if !head_only {
        stream.write_all(&response.body)?;
    }
    stream.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_options() {
        let args: Vec<String> = ["--port", "9000", "--host", "0.0.0.0"].iter().map(|s| s.to_string()).collect();
        assert_eq!(Options::parse(&args).expect("valid"), Options { host: "0.0.0.0".into(), port: 9000 });
        assert!(Options::parse(&["--port".to_owned()]).is_err());
        assert!(Options::parse(&["--port".to_owned(), "x".to_owned()]).is_err());
    }

    #[test]
    fn resolves_only_inside_the_root() {
        let root = std::env::temp_dir().join(format!("yibiao-serve-{}", std::process::id()));
        std::fs::create_dir_all(&root).expect("temp dir");
        std::fs::write(root.join("index.html"), "x").expect("write");
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(resolve(&root, "/index.html?v=1"), Some(root.join("index.html")));
        assert_eq!(resolve(&root, "/../etc/passwd"), None);
        assert_eq!(resolve(&root, "/missing.js"), None);
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn hashed_files_are_immutable_and_the_rest_revalidated() {
        assert_eq!(cache_control(Path::new("yibiao-1a2b3c4d5e6f7a8b_bg.wasm")), "public, max-age=31536000, immutable");
        assert_eq!(cache_control(Path::new("boot-0123456789abcdef.js")), "public, max-age=31536000, immutable");
        assert_eq!(cache_control(Path::new("yibiao-f1c5f9bf6ff8c60_bg.wasm")), "public, max-age=31536000, immutable");
        assert_eq!(cache_control(Path::new("index.html")), "no-cache");
        assert_eq!(cache_control(Path::new("manifest.webmanifest")), "no-cache");
        assert_eq!(cache_control(Path::new("sw.js")), "no-cache");
    }

    #[test]
    fn reads_the_policy_from_the_page() {
        let html = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'">"#;
        assert_eq!(meta_security_policy(html).as_deref(), Some("default-src 'self'"));
    }
}
