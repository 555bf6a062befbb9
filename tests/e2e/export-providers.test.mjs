// Every built-in provider, looked up by its domain and passed to exportConfig
// as it is, in every format; the files are read back by parsers nobody in
// this project wrote (Python's plistlib and xml.etree.ElementTree, and
// dnspython's zone parser) and must name the provider's own servers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { init, exportConfig, listProviders, lookupProvider } from '../../pkg/node.js';

let dir;

before(async () => {
  await init();
  dir = mkdtempSync(path.join(tmpdir(), 'mailports-export-all-'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

// Reads a list of [format, path, origin] and prints what each file says.
const READ_ALL = `
import json, plistlib, sys, xml.etree.ElementTree as ET, dns.zone
out = []
jobs = json.load(open(sys.argv[1]))
for fmt, name, origin in jobs:
    if fmt == 'apple-mobileconfig':
        with open(name, 'rb') as f:
            p = plistlib.load(f)
        m = p['PayloadContent'][0]
        out.append({'type': p['PayloadType'], 'mail': m['PayloadType'],
                    'in': [m['IncomingMailServerHostName'], m['IncomingMailServerPortNumber']],
                    'out': [m['OutgoingMailServerHostName'], m['OutgoingMailServerPortNumber']]})
    elif fmt == 'thunderbird-autoconfig':
        p = ET.parse(name).getroot().find('emailProvider')
        out.append([[el.tag, el.findtext('hostname'), int(el.findtext('port'))]
                    for el in p if el.tag in ('incomingServer', 'outgoingServer')])
    else:
        with open(name) as f:
            z = dns.zone.from_text(f.read(), origin=origin, relativize=False, check_origin=False)
        out.append(sorted([o.to_text(), rd.priority, rd.port, rd.target.to_text()]
                          for o, _, rd in z.iterate_rdatas('SRV')))
print(json.dumps(out))
`;

test('every provider exports to files that independent parsers read back', () => {
  const jobs = [];
  const expect = [];
  let refused = 0;
  for (const summary of listProviders()) {
    const domain = summary.domains[0];
    if (!domain) continue; // known only by its MX hosts: no domain to write files for
    const match = lookupProvider(domain);
    assert.ok(match, domain);
    for (const format of ['apple-mobileconfig', 'dns-srv', 'thunderbird-autoconfig']) {
      let file;
      try {
        file = exportConfig(match, format);
      } catch (e) {
        const missing = !match.incoming.length || !match.outgoing.length;
        const honest = (e.code === 'missing-server' && missing)
          || (e.code === 'unsupported-settings' && format === 'apple-mobileconfig');
        assert.ok(honest, `${match.id} as ${format}: ${e.code} ${e.message}`);
        refused += 1;
        continue;
      }
      const p = path.join(dir, `${jobs.length}-${file.filename}`);
      writeFileSync(p, file.content);
      jobs.push([format, p, match.domain]);
      expect.push({ format, match });
    }
  }
  const list = path.join(dir, 'jobs.json');
  writeFileSync(list, JSON.stringify(jobs));
  const results = JSON.parse(execFileSync('python3', ['-c', READ_ALL, list],
    { encoding: 'utf8', maxBuffer: 64 << 20 }));
  assert.equal(results.length, jobs.length);

  const hostPort = (s) => `${s.hostname.toLowerCase()}:${s.port}`;
  results.forEach((got, i) => {
    const { format, match } = expect[i];
    const incoming = match.incoming.map(hostPort);
    const outgoing = match.outgoing.map(hostPort);
    if (format === 'apple-mobileconfig') {
      assert.equal(got.type, 'Configuration', match.id);
      assert.equal(got.mail, 'com.apple.mail.managed', match.id);
      assert.ok(incoming.includes(got.in.join(':')), `${match.id} ${got.in}`);
      assert.ok(outgoing.includes(got.out.join(':')), `${match.id} ${got.out}`);
    } else if (format === 'thunderbird-autoconfig') {
      assert.deepEqual(got, [
        ...match.incoming.map((s) => ['incomingServer', s.hostname.toLowerCase(), s.port]),
        ...match.outgoing.map((s) => ['outgoingServer', s.hostname.toLowerCase(), s.port]),
      ], match.id);
    } else {
      // Six services, each offered by the provider's servers or marked "not offered".
      const services = new Set(got.map(([owner]) => owner.split('.').slice(0, 2).join('.')));
      assert.equal(services.size, 6, match.id);
      for (const [owner, , port, target] of got) {
        if (target === '.') continue;
        const hp = `${target.slice(0, -1)}:${port}`;
        const list = owner.startsWith('_submission') ? outgoing : incoming;
        assert.ok(list.includes(hp), `${match.id}: ${owner} ${hp}`);
      }
    }
  });
  assert.ok(jobs.length > 400, `${jobs.length} files, ${refused} refused`);
});
