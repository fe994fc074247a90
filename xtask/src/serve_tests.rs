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

/// A site with an index page and a script with fresh precompressed copies.
fn site(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("yibiao-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("temp dir");
    let html = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'"><p>一表通</p>"#;
    std::fs::write(root.join("index.html"), html.repeat(50)).expect("write");
    std::fs::write(root.join("app.js"), "console.log('plain');\n".repeat(100)).expect("write");
    crate::build::precompress(&root).expect("precompress");
    root
}

/// Sends `request` and reads the whole answer, within two seconds.
fn fetch(url: &str, request: &str) -> String {
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(address).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(2))).expect("timeout");
    stream.write_all(request.as_bytes()).expect("send");
    let mut answer = Vec::new();
    let _ = io::Read::read_to_end(&mut stream, &mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn sends_the_precompressed_copy_the_client_takes_and_never_a_stale_one() {
    let root = site("encoding");
    let server = spawn(&root, "127.0.0.1", 0).expect("serve");
    let get =
        |encoding: &str| fetch(&server.url, &format!("GET /app.js HTTP/1.1\r\nAccept-Encoding: {encoding}\r\n\r\n"));
    let brotli = get("gzip, deflate, br");
    assert!(brotli.contains("Content-Encoding: br\r\n") && brotli.contains("Vary: Accept-Encoding\r\n"), "{brotli}");
    assert!(get("gzip").contains("Content-Encoding: gzip\r\n"));
    assert!(get("gzip, br;q=0").contains("Content-Encoding: gzip\r\n"));
    let plain = get("identity");
    assert!(!plain.contains("Content-Encoding") && plain.contains("console.log('plain')"), "{plain}");
    assert!(plain.contains("Vary: Accept-Encoding\r\n"), "caches must key on the encoding");
    // A deployment that replaced the file but left its old copies: the file itself is sent.
    std::fs::write(root.join("app.js"), "console.log('new');\n".repeat(100)).expect("write");
    let old = std::time::SystemTime::now() - Duration::from_secs(60);
    for suffix in ["gz", "br"] {
        let copy = std::fs::File::options().write(true).open(root.join(format!("app.js.{suffix}"))).expect("copy");
        copy.set_modified(old).expect("mtime");
    }
    let after = get("gzip, deflate, br");
    assert!(!after.contains("Content-Encoding") && after.contains("console.log('new')"), "{after}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn reads_accept_encoding_with_weights() {
    assert!(accepts("gzip, deflate, br", "br"));
    assert!(accepts("GZIP;q=0.5", "gzip"));
    assert!(!accepts("br;q=0, gzip", "br"));
    assert!(!accepts("identity", "gzip"));
    assert!(!accepts("", "br"));
}

/// A 64 MiB request line without a newline once took the server from 4.5 MB to 312 MB, and
/// slow clients held a thread each for good (issue 11). Now the line is refused with 414,
/// a slow client is cut off at its deadline, others are answered throughout, one
/// connection past the limit is told 503, and the memory stays put.
#[test]
fn hostile_clients_get_bounded_answers_and_others_are_served_throughout() {
    let root = site("limits");
    let limits = memory_test_limits();
    // The server runs in a process of its own, so that what other tests in this process do
    // (a panic's backtrace loads debug information) does not count as the server's memory.
    let mut child = std::process::Command::new(std::env::current_exe().expect("this test binary"))
        .args(["--exact", "serve::tests::a_server_for_the_memory_test", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_ROOT, &root)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the server's process starts");
    let mut lines = BufReader::new(child.stdout.take().expect("its output")).lines();
    let url = lines
        .find_map(|line| line.ok().and_then(|line| line.split_once("serving ").map(|(_, url)| url.trim().to_owned())))
        .expect("the server says where it listens");
    let server = Running { url: url.clone() };
    let address = url.trim_start_matches("http://").trim_end_matches('/').to_owned();
    let pid = child.id();
    let resident = || {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmRSS:"))
            .and_then(|kb| kb.trim().trim_end_matches(" kB").parse::<u64>().ok())
            .unwrap_or(0)
    };
    let before = resident();

    // The long line: refused once the limit is passed, whatever the client keeps sending.
    let mut long = TcpStream::connect(&address).expect("connect");
    long.set_read_timeout(Some(Duration::from_secs(2))).expect("timeout");
    let chunk = vec![b'A'; 1024 * 1024];
    let mut refused = String::new();
    for _ in 0..64 {
        if long.write_all(&chunk).is_err() {
            break;
        }
    }
    let mut answer = vec![0u8; 256];
    if let Ok(read) = io::Read::read(&mut long, &mut answer) {
        refused = String::from_utf8_lossy(&answer[..read]).into_owned();
    }
    assert!(refused.starts_with("HTTP/1.1 414"), "{refused:?}");
    assert!(fetch(&server.url, &format!("GET / HTTP/1.1\r\n{}\r\n", "X-Filler: 1234567890\r\n".repeat(200)))
        .starts_with("HTTP/1.1 431"));

    // Slow clients: a byte every 100 ms, for longer than their deadline.
    let slow: Vec<_> = (0..20)
        .map(|_| {
            let address = address.clone();
            thread::spawn(move || {
                let mut stream = TcpStream::connect(&address).expect("connect");
                let started = Instant::now();
                let _ = stream.write_all(b"GET / HTTP/1.1\r\n");
                while started.elapsed() < Duration::from_secs(3) {
                    if stream.write_all(b"X").is_err() {
                        return started.elapsed();
                    }
                    thread::sleep(Duration::from_millis(100));
                }
                started.elapsed()
            })
        })
        .collect();
    thread::sleep(Duration::from_millis(100));
    for _ in 0..8 {
        let started = Instant::now();
        let answer = fetch(&server.url, "GET / HTTP/1.1\r\n\r\n");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer:?}");
        assert!(started.elapsed() < Duration::from_millis(500), "answered in {:?}", started.elapsed());
        thread::sleep(Duration::from_millis(150));
    }
    for client in slow {
        let held = client.join().expect("slow client");
        assert!(held < Duration::from_millis(2_500), "a slow client was held {held:?}");
    }

    // One connection past the limit is told to come back.
    let idle: Vec<TcpStream> =
        (0..limits.connections).map(|_| TcpStream::connect(&address).expect("connect")).collect();
    thread::sleep(Duration::from_millis(100));
    assert!(fetch(&server.url, "GET / HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 503"));
    drop(idle);
    thread::sleep(Duration::from_millis(limits.head_deadline.as_millis() as u64 + 200));
    assert!(fetch(&server.url, "GET / HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 200"));

    let grown = resident().saturating_sub(before);
    let _ = child.kill();
    let _ = child.wait();
    assert!(grown < 16 * 1024, "the server's process grew by {grown} kB");
    let _ = std::fs::remove_dir_all(&root);
}

/// Where the memory test's server serves from, for its own process.
const CHILD_ROOT: &str = "YIBIAO_MEMORY_TEST_ROOT";

fn memory_test_limits() -> Limits {
    Limits { head_deadline: Duration::from_millis(800), connections: 40, ..Limits::DEFAULT }
}

/// The server of the memory test above, run in a process of its own (by that test only).
#[test]
#[ignore]
fn a_server_for_the_memory_test() {
    let Some(root) = std::env::var_os(CHILD_ROOT) else { return };
    let server = spawn_with(std::path::Path::new(&root), "127.0.0.1", 0, memory_test_limits()).expect("serve");
    println!("serving {}", server.url);
    let _ = std::io::Write::flush(&mut std::io::stdout());
    thread::sleep(Duration::from_secs(60));
}

#[test]
fn reads_the_policy_from_the_page() {
    let html = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'">"#;
    assert_eq!(meta_security_policy(html).as_deref(), Some("default-src 'self'"));
    // As trunk's minifier writes it: the attributes reordered, a value without quotes.
    let minified = r#"<meta charset=utf-8><meta content="default-src 'self'" http-equiv=Content-Security-Policy>"#;
    assert_eq!(meta_security_policy(minified).as_deref(), Some("default-src 'self'"));
    assert_eq!(meta_security_policy("<meta content=x name=description>"), None);
}
