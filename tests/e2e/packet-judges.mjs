// Standard tools judge a packet the app exported: the system's `unzip`, every SHA-256 of the
// manifest recomputed here, the Library of Congress BagIt validator and Python's icalendar
// (both in the venv `cargo xtask test` makes; PYTHON names its interpreter), and each
// attachment's SM3 in application.json recomputed by Python's hashlib.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PYTHON = process.env.PYTHON;

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Unzips `zip`, checks every file against the manifests and the bag against the validator,
 * and parses `deadlines.ics`; returns what was found. */
export function judgePacket(zip) {
  assert.ok(PYTHON && existsSync(PYTHON), 'PYTHON (the judges\' venv) is set by cargo xtask test');
  const tested = execFileSync('unzip', ['-t', zip], { encoding: 'utf8' });
  assert.match(tested, /No errors detected/);
  const dir = mkdtempSync(join(tmpdir(), 'yibiao-packet-'));
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  const [top] = readdirSync(dir);
  const bag = join(dir, top);
  const manifest = readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8').trim().split('\n');
  const listed = manifest.map((line) => {
    const [hash, path] = line.split(/ {2}/);
    assert.equal(sha256(readFileSync(join(bag, path))), hash, `${path}: its SHA-256`);
    return path;
  });
  for (const line of readFileSync(join(bag, 'tagmanifest-sha256.txt'), 'utf8').trim().split('\n')) {
    const [hash, path] = line.split(/ {2}/);
    assert.equal(sha256(readFileSync(join(bag, path))), hash, `${path}: its SHA-256`);
  }
  execFileSync(PYTHON, ['-m', 'bagit', '--validate', bag], { stdio: 'pipe' });
  const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
  const fingerprint = info.match(/^External-Identifier: ([0-9a-f]{64})$/m)?.[1];
  assert.equal(sha256(readFileSync(join(bag, 'data', 'application.json'))), fingerprint, 'the fingerprint');
  let events = 0;
  if (existsSync(join(bag, 'data', 'deadlines.ics'))) {
    const script = 'import sys, icalendar\ncal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())\n'
      + 'events = cal.walk("VEVENT")\nassert all(e.walk("VALARM") for e in events)\nprint(len(events))\n';
    events = Number(execFileSync(PYTHON, ['-c', script, join(bag, 'data', 'deadlines.ics')], { encoding: 'utf8' }).trim());
    assert.ok(events > 0, 'a calendar with events');
  }
  const read = (path) => readFileSync(join(bag, 'data', path), 'utf8');
  const application = JSON.parse(read('application.json'));
  // Each attachment's SHA-256 and SM3 (GB/T 32905) as application.json records them, judged by
  // Python's hashlib (OpenSSL's SM3), and its size.
  const files = application.materials.flatMap((material) => material.files ?? []);
  if (files.length > 0) {
    const script = 'import sys, hashlib\nfor path in sys.argv[1:]:\n'
      + '    data = open(path, "rb").read()\n    print(len(data), hashlib.sha256(data).hexdigest(), hashlib.new("sm3", data).hexdigest())\n';
    const judged = execFileSync(PYTHON, ['-c', script, ...files.map((file) => join(bag, 'data', file.path))], { encoding: 'utf8' })
      .trim().split('\n');
    files.forEach((file, n) => assert.equal(judged[n], `${file.size} ${file.sha256} ${file.sm3}`, `${file.path}: its size, SHA-256 and SM3`));
  }
  return { top, bag, listed, fingerprint, events, read, application, sm3Judged: files.length };
}

/** The number of pages of a PDF: the page tree's root counts them all. */
export function pdfPages(pdf) {
  const counts = [...pdf.toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)];
  return Math.max(0, ...counts.map((m) => Number(m[1] ?? m[2])));
}

/** A copy of `zip` with one byte of `name`'s stored bytes flipped (the archive's CRC then
 * fails), and another with `name` edited and the archive written again (the manifest fails). */
export function tampered(zip, name, out) {
  const bytes = readFileSync(zip);
  const script = 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\ni = z.getinfo(sys.argv[2])\n'
    + 'print(i.header_offset + 30 + len(i.orig_filename.encode()) + len(i.extra))\n';
  const at = Number(execFileSync(PYTHON, ['-c', script, zip, name], { encoding: 'utf8' }).trim()) + 20;
  const flipped = Buffer.from(bytes);
  flipped[at] ^= 0x01;
  const rewrite = 'import sys, zipfile\nsrc = zipfile.ZipFile(sys.argv[1])\n'
    + 'with zipfile.ZipFile(sys.argv[3], "w") as dst:\n'
    + '    for i in src.infolist():\n'
    + '        data = src.read(i)\n'
    + '        if i.filename == sys.argv[2]: data = bytearray(data); data[len(data) // 2] ^= 1; data = bytes(data)\n'
    + '        dst.writestr(i, data)\n';
  execFileSync(PYTHON, ['-c', rewrite, zip, name, `${out}-edited.zip`]);
  return { flipped, edited: `${out}-edited.zip` };
}
