//! A small static file server for `dist/`: correct media types, the page's own
//! Content-Security-Policy as a header, no caching of the files that name the version, and the
//! build's precompressed copies (`.br`, `.gz`) by the request's `Accept-Encoding`. It serves
//! files only; it logs nothing and keeps nothing.
//!
//! It stands on a hall's network, where anyone may connect: a request line and headers have
//! fixed limits (414, 431), a client has a few seconds to send its request, and only so many
//! connections are served at once (one more is told 503), so no client can make the server
//! grow or stop answering others.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

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

/// What one client may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest request line, in bytes; past it the answer is 414.
    pub request_line: usize,
    /// The most bytes of headers, and the most header lines; past them the answer is 431.
    pub header_bytes: usize,
    pub header_lines: usize,
    /// How long a client has to send its whole request head (a slow-loris client is cut off).
    pub head_deadline: Duration,
    /// How long writing the response may stall.
    pub write_timeout: Duration,
    /// Connections served at once; one more is answered 503 and closed.
    pub connections: usize,
}

impl Limits {
    pub const DEFAULT: Limits = Limits {
        request_line: 8 * 1024,
        header_bytes: 16 * 1024,
        header_lines: 100,
        head_deadline: Duration::from_secs(10),
        write_timeout: Duration::from_secs(30),
        connections: 128,
    };
}

/// A server running on a background thread (for the end-to-end tests).
#[derive(Debug)]
pub struct Running {
    pub url: String,
}

/// Starts serving `dist` on `host:port` (port 0 picks a free one) in the background.
pub fn spawn(dist: &Path, host: &str, port: u16) -> Result<Running> {
    spawn_with(dist, host, port, Limits::DEFAULT)
}

/// [`spawn`] with other limits (for the tests of the limits).
pub fn spawn_with(dist: &Path, host: &str, port: u16, limits: Limits) -> Result<Running> {
    let listener = TcpListener::bind((host, port)).with_context(|| format!("binding {host}:{port}"))?;
    let address = listener.local_addr()?;
    let site = Arc::new(Site { limits, ..Site::open(dist)? });
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
    limits: Limits,
}

impl Site {
    fn open(dist: &Path) -> Result<Site> {
        let index = read_text(&dist.join("index.html")).context("dist/ has no index.html: build first")?;
        let policy = meta_security_policy(&index).context("index.html has no Content-Security-Policy meta tag")?;
        // frame-ancestors works only as a header: the app may not be framed by another site.
        Ok(Site {
            root: dist.to_path_buf(),
            security_policy: format!("{policy}; frame-ancestors 'none'"),
            limits: Limits::DEFAULT,
        })
    }
}

/// The policy in `<meta http-equiv="Content-Security-Policy" content="...">`, quoted or not.
fn meta_security_policy(html: &str) -> Option<String> {
    let tags = crate::html::tags(html, "meta");
    let is_policy = |tag: &&str| {
        crate::html::attribute(tag, "http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("Content-Security-Policy"))
    };
    tags.into_iter().find(is_policy).and_then(|tag| crate::html::attribute(tag, "content"))
}

fn accept_loop(listener: TcpListener, site: Arc<Site>) {
    let active = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming().flatten() {
        if active.fetch_add(1, Ordering::SeqCst) >= site.limits.connections {
            active.fetch_sub(1, Ordering::SeqCst);
            let _ = busy(stream, &site);
            continue;
        }
        let slot = Slot(Arc::clone(&active));
        let site = Arc::clone(&site);
        thread::spawn(move || {
            let _slot = slot;
            let _ = handle(stream, &site);
        });
    }
}

/// One of the connections served at once, given back when dropped.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Tells a client past the limit of connections to come back, without waiting for it.
fn busy(mut stream: TcpStream, site: &Site) -> Result<()> {
    stream.set_write_timeout(Some(Duration::from_secs(1)))?;
    let response = Response::plain("503 Service Unavailable", "busy, try again");
    respond(&mut stream, site, &response, false)
}

/// What reading one line of the request head gave.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    Complete(String),
    /// The line passed its limit before it ended.
    TooLong,
    /// The client closed the connection.
    Closed,
}

/// Reads one line of at most `limit` bytes, before `deadline` (else a time-out error).
fn read_line(reader: &mut BufReader<TcpStream>, limit: usize, deadline: Instant) -> io::Result<Line> {
    let mut line = Vec::new();
    loop {
        let remaining = deadline
            .checked_duration_since(Instant::now())
            .filter(|left| !left.is_zero())
            .ok_or_else(|| io::Error::from(io::ErrorKind::TimedOut))?;
        reader.get_ref().set_read_timeout(Some(remaining))?;
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return Ok(Line::Closed);
        }
        let (chunk, ends) = match available.iter().position(|byte| *byte == b'\n') {
            Some(end) => (&available[..=end], true),
            None => (available, false),
        };
        if line.len() + chunk.len() > limit {
            return Ok(Line::TooLong);
        }
        line.extend_from_slice(chunk);
        let used = chunk.len();
        reader.consume(used);
        if ends {
            return Ok(Line::Complete(String::from_utf8_lossy(&line).into_owned()));
        }
    }
}

fn handle(mut stream: TcpStream, site: &Site) -> Result<()> {
    let limits = site.limits;
    let deadline = Instant::now() + limits.head_deadline;
    stream.set_write_timeout(Some(limits.write_timeout))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let request_line = match read_line(&mut reader, limits.request_line, deadline)? {
        Line::Complete(line) => line,
        Line::TooLong => return respond(&mut stream, site, &Response::plain("414 URI Too Long", "too long"), false),
        Line::Closed => return Ok(()),
    };
    let too_large = Response::plain("431 Request Header Fields Too Large", "headers too large");
    let (mut header_bytes, mut header_lines, mut accept_encoding) = (0usize, 0usize, String::new());
    loop {
        let line = match read_line(&mut reader, limits.header_bytes.saturating_sub(header_bytes), deadline)? {
            Line::Complete(line) => line,
            Line::TooLong => return respond(&mut stream, site, &too_large, false),
            Line::Closed => return Ok(()),
        };
        header_bytes += line.len();
        header_lines += 1;
        if line.trim().is_empty() {
            break;
        }
        if header_lines > limits.header_lines {
            return respond(&mut stream, site, &too_large, false);
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = value.trim().to_owned();
            }
        }
    }
    let mut words = request_line.split_whitespace();
    let (method, target) = (words.next().unwrap_or_default(), words.next().unwrap_or("/"));
    let head_only = method == "HEAD";
    let response = if method != "GET" && !head_only {
        Response::plain("405 Method Not Allowed", "method not allowed")
    } else {
        match resolve(&site.root, target) {
            Some(path) => {
                file_response(&path, &accept_encoding).unwrap_or_else(|| Response::plain("404 Not Found", "not found"))
            }
            None => Response::plain("404 Not Found", "not found"),
        }
    };
    respond(&mut stream, site, &response, head_only)
}

/// The file at `path`, as the build's precompressed copy when the client takes its encoding
/// and the copy is not older than the file (a deployment that replaced the file but not its
/// copies gets the file itself, never stale bytes).
fn file_response(path: &Path, accept_encoding: &str) -> Option<Response> {
    let compressible =
        path.extension().and_then(|ext| ext.to_str()).is_some_and(|ext| crate::build::COMPRESSIBLE.contains(&ext));
    let (media, cache) = (media_type(path), cache_control(path));
    if compressible {
        if let Some((encoding, body)) = precompressed(path, accept_encoding) {
            return Some(Response { status: "200 OK", media, cache, encoding: Some(encoding), vary: true, body });
        }
    }
    let body = std::fs::read(path).ok()?;
    Some(Response { status: "200 OK", media, cache, encoding: None, vary: compressible, body })
}

fn precompressed(path: &Path, accept_encoding: &str) -> Option<(&'static str, Vec<u8>)> {
    let modified = |path: &Path| std::fs::metadata(path).and_then(|metadata| metadata.modified()).ok();
    let original = modified(path)?;
    [("br", "br"), ("gzip", "gz")].into_iter().find_map(|(encoding, suffix)| {
        let copy = PathBuf::from(format!("{}.{suffix}", path.display()));
        let fresh = modified(&copy).is_some_and(|time| time >= original);
        (accepts(accept_encoding, encoding) && fresh)
            .then(|| std::fs::read(&copy).ok().map(|body| (encoding, body)))
            .flatten()
    })
}

/// Whether an `Accept-Encoding` value takes `encoding` (named, and not with `q=0`).
fn accepts(accept_encoding: &str, encoding: &str) -> bool {
    accept_encoding.split(',').any(|part| {
        let mut pieces = part.split(';');
        let name = pieces.next().unwrap_or_default().trim();
        let refused = pieces.any(|parameter| {
            parameter.trim().strip_prefix("q=").is_some_and(|q| q.trim().parse::<f32>().is_ok_and(|q| q <= 0.0))
        });
        name.eq_ignore_ascii_case(encoding) && !refused
    })
}

struct Response {
    status: &'static str,
    media: &'static str,
    cache: &'static str,
    /// `Content-Encoding`, for a precompressed copy.
    encoding: Option<&'static str>,
    /// Whether the answer depends on `Accept-Encoding`.
    vary: bool,
    body: Vec<u8>,
}

impl Response {
    fn plain(status: &'static str, text: &str) -> Response {
        Response {
            status,
            media: "text/plain; charset=utf-8",
            cache: "no-cache",
            encoding: None,
            vary: false,
            body: text.as_bytes().to_vec(),
        }
    }
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
    let encoding = response.encoding.map(|encoding| format!("Content-Encoding: {encoding}\r\n")).unwrap_or_default();
    let vary = if response.vary { "Vary: Accept-Encoding\r\n" } else { "" };
    let header = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{encoding}{vary}Cache-Control: {}\r\n\
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
#[path = "serve_tests.rs"]
mod tests;
