// The exported files, read back by parsers nobody in this project wrote:
// Python's plistlib for the Apple profile, Python's xml.etree.ElementTree
// (expat) for the Thunderbird autoconfig file, and dnspython's zone parser for
// the SRV records. Runs the built package (pkg/node.js) as a user would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { init, exportConfig } from '../../pkg/node.js';

let dir;

before(async () => {
  await init();
  dir = mkdtempSync(path.join(tmpdir(), 'mailports-export-'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a Python program with the given files; it prints one JSON value. */
function python(program, ...args) {
  const out = execFileSync('python3', ['-c', program, ...args], { encoding: 'utf8' });
  return JSON.parse(out);
}

let fileCount = 0;
function save(file) {
  const p = path.join(dir, `${fileCount++}-${file.filename}`);
  writeFileSync(p, file.content, 'utf8');
  return p;
}

const PLIST = `
import json, plistlib, sys
out = []
for name in sys.argv[1:]:
    with open(name, 'rb') as f:
        out.append(plistlib.load(f))
print(json.dumps(out))
`;

const AUTOCONFIG = `
import json, sys, xml.etree.ElementTree as ET
out = []
for name in sys.argv[1:]:
    root = ET.parse(name).getroot()
    p = root.find('emailProvider')
    servers = []
    for el in p:
        if el.tag in ('incomingServer', 'outgoingServer'):
            servers.append({
                'side': el.tag, 'type': el.get('type'),
                'hostname': el.findtext('hostname'), 'port': int(el.findtext('port')),
                'socketType': el.findtext('socketType'), 'username': el.findtext('username'),
                'auth': [a.text for a in el.findall('authentication')],
            })
    out.append({
        'root': root.tag, 'version': root.get('version'), 'id': p.get('id'),
        'domains': [d.text for d in p.findall('domain')],
        'displayName': p.findtext('displayName'), 'displayShortName': p.findtext('displayShortName'),
        'servers': servers,
    })
print(json.dumps(out))
`;

// check_origin=False: the file holds SRV records only, no SOA or NS.
const ZONE = `
import json, sys, dns.zone
out = []
for name, origin in zip(sys.argv[1::2], sys.argv[2::2]):
    with open(name) as f:
        z = dns.zone.from_text(f.read(), origin=origin, relativize=False, check_origin=False)
    rows = []
    for owner, ttl, rd in z.iterate_rdatas('SRV'):
        rows.append([owner.to_text(), ttl, rd.priority, rd.weight, rd.port, rd.target.to_text()])
    out.append({'origin': z.origin.to_text(), 'srv': sorted(rows)})
print(json.dumps(out))
`;

const server = (protocol, hostname, port, security, auth = ['password']) => ({
  protocol, hostname, port, security, username: '%EMAILADDRESS%', auth,
});

// Shaped like a provider record from the database: extra keys are ignored.
const SETTINGS = {
  id: 'example',
  status: 'ok',
  sources: ['test'],
  domain: 'example.com',
  name: 'Example Mail',
  shortName: 'Example',
  incoming: [
    server('imap', 'imap.example.com', 993, 'implicit-tls', ['oauth2', 'password']),
    server('imap', 'imap.example.com', 143, 'starttls'),
    server('pop3', 'pop.example.com', 995, 'implicit-tls'),
  ],
  outgoing: [
    server('smtp', 'smtp.example.com', 587, 'starttls'),
    server('smtp', 'smtp.example.com', 465, 'implicit-tls'),
  ],
};

const HOSTILE = [
  '<script>alert("x")</script>',
  `Tom & Jerry's "Mail"`,
  ']]> <!-- --> <![CDATA[',
  '&amp; &#x41; &lt;',
  'Ünïcödé 中文 ✉ 📧',
  '%EMAILADDRESS% $ORIGIN ; @ \\',
];

test('plistlib reads the Apple profile', () => {
  const plain = exportConfig(SETTINGS, 'apple-mobileconfig');
  const filled = exportConfig(SETTINGS, 'apple-mobileconfig',
    { email: 'Anna@Example.com', organization: 'Help & Desk', identifier: 'org.helpdesk' });
  assert.equal(plain.filename, 'example.com.mobileconfig');
  assert.equal(plain.mimeType, 'application/x-apple-aspen-config');
  const [p, f] = python(PLIST, save(plain), save(filled));

  assert.equal(p.PayloadType, 'Configuration');
  assert.equal(p.PayloadVersion, 1);
  assert.equal(p.PayloadIdentifier, 'com.example.mail');
  assert.equal(p.PayloadRemovalDisallowed, false);
  assert.equal(p.PayloadContent.length, 1);
  const mail = p.PayloadContent[0];
  assert.equal(mail.PayloadType, 'com.apple.mail.managed');
  assert.equal(mail.PayloadIdentifier, 'com.example.mail.account');
  assert.equal(mail.EmailAccountType, 'EmailTypeIMAP');
  assert.equal(mail.EmailAccountDescription, 'Example Mail');
  assert.equal(mail.IncomingMailServerHostName, 'imap.example.com');
  assert.equal(mail.IncomingMailServerPortNumber, 993);
  assert.equal(mail.IncomingMailServerUseSSL, true);
  assert.equal(mail.IncomingMailServerAuthentication, 'EmailAuthPassword');
  assert.equal(mail.OutgoingMailServerHostName, 'smtp.example.com');
  assert.equal(mail.OutgoingMailServerPortNumber, 465, 'implicit TLS submission preferred');
  assert.equal(mail.OutgoingMailServerUseSSL, true);
  assert.equal(mail.OutgoingPasswordSameAsIncomingPassword, true);
  // No address: the device asks for the address and the user names.
  for (const key of ['EmailAddress', 'IncomingMailServerUsername', 'OutgoingMailServerUsername']) {
    assert.equal(key in mail, false, key);
  }
  // Never a password in the file.
  for (const key of ['IncomingPassword', 'OutgoingPassword']) assert.equal(key in mail, false, key);

  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.match(p.PayloadUUID, uuid);
  assert.match(mail.PayloadUUID, uuid);
  assert.notEqual(p.PayloadUUID, mail.PayloadUUID);

  const fm = f.PayloadContent[0];
  assert.equal(fm.EmailAddress, 'Anna@example.com');
  assert.equal(fm.IncomingMailServerUsername, 'Anna@example.com');
  assert.equal(fm.OutgoingMailServerUsername, 'Anna@example.com');
  assert.equal(f.PayloadOrganization, 'Help & Desk');
  assert.match(f.PayloadIdentifier, /^org\.helpdesk\.mail\.[0-9a-f]{8}$/);
  assert.notEqual(f.PayloadUUID, p.PayloadUUID);

  // Stable: the same inputs give the same file.
  assert.equal(exportConfig(SETTINGS, 'apple-mobileconfig').content, plain.content);
});

test('an XML parser reads the autoconfig file with every server in order', () => {
  const file = exportConfig(SETTINGS, 'thunderbird-autoconfig');
  assert.equal(file.filename, 'config-v1.1.xml');
  assert.equal(file.mimeType, 'application/xml');
  const [doc] = python(AUTOCONFIG, save(file));
  assert.equal(doc.root, 'clientConfig');
  assert.equal(doc.version, '1.1');
  assert.equal(doc.id, 'example.com');
  assert.deepEqual(doc.domains, ['example.com']);
  assert.equal(doc.displayName, 'Example Mail');
  assert.equal(doc.displayShortName, 'Example');
  const socket = { 'implicit-tls': 'SSL', starttls: 'STARTTLS', plaintext: 'plain' };
  const auth = { password: 'password-cleartext', oauth2: 'OAuth2' };
  const want = [
    ...SETTINGS.incoming.map((s) => ['incomingServer', s]),
    ...SETTINGS.outgoing.map((s) => ['outgoingServer', s]),
  ].map(([side, s]) => ({
    side, type: s.protocol, hostname: s.hostname, port: s.port, socketType: socket[s.security],
    username: '%EMAILADDRESS%', auth: s.auth.map((a) => auth[a]),
  }));
  assert.deepEqual(doc.servers, want);
});

test('hostile names survive both XML formats exactly', () => {
  const files = HOSTILE.flatMap((name) => {
    const s = { ...SETTINGS, name, shortName: name };
    return [exportConfig(s, 'thunderbird-autoconfig'), exportConfig(s, 'apple-mobileconfig')];
  });
  const xml = python(AUTOCONFIG, ...files.filter((_, i) => i % 2 === 0).map(save));
  const plists = python(PLIST, ...files.filter((_, i) => i % 2 === 1).map(save));
  assert.deepEqual(xml.map((d) => d.displayName), HOSTILE);
  assert.deepEqual(xml.map((d) => d.displayShortName), HOSTILE);
  assert.deepEqual(plists.map((p) => p.PayloadContent[0].EmailAccountDescription), HOSTILE);
  for (const f of files) assert.equal(f.content.includes('<script>'), false);
});

test('dnspython parses the SRV records as a zone', () => {
  const file = exportConfig(SETTINGS, 'dns-srv', { ttl: 600 });
  const idn = exportConfig({
    domain: 'Bücher.example',
    incoming: [server('imap', 'imap.bücher.example', 993, 'implicit-tls')],
    outgoing: [],
  }, 'dns-srv');
  assert.equal(file.filename, 'example.com.srv.zone');
  assert.equal(file.mimeType, 'text/dns');
  const [zone, idnZone] = python(ZONE, save(file), 'example.com', save(idn), 'xn--bcher-kva.example');
  assert.equal(zone.origin, 'example.com.');
  const rows = (z) => Object.fromEntries(z.srv.map(([owner, ttl, prio, weight, port, target]) =>
    [`${owner} ${port}`, { ttl, prio, weight, target }]));
  const srv = rows(zone);
  assert.deepEqual(srv, {
    '_submissions._tcp.example.com. 465': { ttl: 600, prio: 0, weight: 1, target: 'smtp.example.com.' },
    '_submission._tcp.example.com. 587': { ttl: 600, prio: 10, weight: 1, target: 'smtp.example.com.' },
    '_imaps._tcp.example.com. 993': { ttl: 600, prio: 0, weight: 1, target: 'imap.example.com.' },
    '_imap._tcp.example.com. 143': { ttl: 600, prio: 10, weight: 1, target: 'imap.example.com.' },
    '_pop3s._tcp.example.com. 995': { ttl: 600, prio: 20, weight: 1, target: 'pop.example.com.' },
    '_pop3._tcp.example.com. 0': { ttl: 600, prio: 0, weight: 0, target: '.' },
  });
  assert.equal(idnZone.origin, 'xn--bcher-kva.example.');
  const idnSrv = rows(idnZone);
  assert.deepEqual(idnSrv['_imaps._tcp.xn--bcher-kva.example. 993'],
    { ttl: 3600, prio: 0, weight: 1, target: 'imap.xn--bcher-kva.example.' });
  for (const label of ['_submissions', '_submission', '_imap', '_pop3s', '_pop3']) {
    assert.equal(idnSrv[`${label}._tcp.xn--bcher-kva.example. 0`].target, '.', label);
  }
});

test('the JSON export is the checked settings', () => {
  const file = exportConfig({ ...SETTINGS, domain: 'EXAMPLE.com.' }, 'json');
  assert.equal(file.mimeType, 'application/json');
  const { id, status, sources, ...want } = SETTINGS;
  assert.deepEqual(JSON.parse(file.content), want);
});

test('bad input is a typed MailportsError, never a broken file', () => {
  const code = (fn) => {
    try {
      fn();
    } catch (e) {
      assert.equal(e.name, 'MailportsError');
      assert.ok(e.message.length > 10);
      return e.code;
    }
    return 'no error';
  };
  const withServer = (patch) => ({ ...SETTINGS, incoming: [{ ...SETTINGS.incoming[0], ...patch }] });
  const cases = [
    ['unknown-format', () => exportConfig(SETTINGS, 'vcard')],
    ['invalid-argument', () => exportConfig(SETTINGS, 42)],
    ['invalid-argument', () => exportConfig('example.com', 'json')],
    ['invalid-argument', () => exportConfig(null, 'json')],
    ['invalid-argument', () => exportConfig(SETTINGS, 'json', 'x')],
    ['invalid-port', () => exportConfig(withServer({ port: 70000 }), 'json')],
    ['invalid-port', () => exportConfig(withServer({ port: 0 }), 'json')],
    ['invalid-port', () => exportConfig(withServer({ port: 99.5 }), 'json')],
    ['invalid-port', () => exportConfig(withServer({ port: '993' }), 'json')],
    ['invalid-hostname', () => exportConfig(withServer({ hostname: 'imap example.com' }), 'dns-srv')],
    ['invalid-hostname', () => exportConfig(withServer({ hostname: 'x.com.\n@ IN NS evil.' }), 'dns-srv')],
    ['invalid-hostname', () => exportConfig({ ...SETTINGS, domain: '<b>.com' }, 'thunderbird-autoconfig')],
    ['invalid-text', () => exportConfig({ ...SETTINGS, name: 'a\u0000b' }, 'apple-mobileconfig')],
    ['too-long', () => exportConfig({ ...SETTINGS, name: 'x'.repeat(100_000) }, 'json')],
    ['missing-server', () => exportConfig({ ...SETTINGS, outgoing: [] }, 'apple-mobileconfig')],
    ['missing-server', () => exportConfig({ domain: 'example.com', incoming: [], outgoing: [] }, 'dns-srv')],
    ['invalid-argument', () => exportConfig(withServer({ protocol: 'jmap' }), 'json')],
    ['invalid-argument', () => exportConfig(withServer({ security: 'tls' }), 'json')],
    ['invalid-argument', () => exportConfig(withServer({ auth: 'password' }), 'json')],
    ['invalid-argument', () => exportConfig(withServer({ auth: ['password', 'kerberos'] }), 'json')],
    ['invalid-argument', () => exportConfig(withServer({ hostname: 5 }), 'json')],
    ['invalid-argument', () => exportConfig({ ...SETTINGS, incoming: {} }, 'json')],
    ['invalid-argument', () => exportConfig({ ...SETTINGS, domain: undefined }, 'json')],
    ['invalid-argument', () => exportConfig(SETTINGS, 'dns-srv', { ttl: 1.5 })],
    ['invalid-argument', () => exportConfig(SETTINGS, 'dns-srv', { ttl: -1 })],
    ['invalid-address', () => exportConfig(SETTINGS, 'apple-mobileconfig', { email: 'example.com' })],
    ['unsupported-settings', () => exportConfig(withServer({ auth: ['oauth2'] }), 'apple-mobileconfig')],
  ];
  assert.deepEqual(cases.map(([, fn]) => code(fn)), cases.map(([want]) => want));
  // Optional fields may be missing or null.
  const minimal = {
    domain: 'example.com', name: null,
    incoming: [{ protocol: 'imap', hostname: 'imap.example.com', port: 993, security: 'implicit-tls' }],
    outgoing: [{ protocol: 'smtp', hostname: 'smtp.example.com', port: 465, security: 'implicit-tls' }],
  };
  assert.match(exportConfig(minimal, 'thunderbird-autoconfig', null).content,
    /<username>%EMAILADDRESS%<\/username>\n {6}<authentication>password-cleartext<\/authentication>/);
  // The module still works after every error.
  assert.equal(exportConfig(SETTINGS, 'json').filename, 'example.com.mail-settings.json');
});
