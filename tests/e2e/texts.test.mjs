// The English reader texts of the JS API. The core returns numbers and codes;
// the package's entries (pkg/node.js here, index.js in browsers) add the
// English sentences from www/src/locales/en.js. These tests hold those
// sentences to the rules the Rust tests used to check on the core's own
// texts, and check that every result carries them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './support.mjs';

const api = await import(pathToFileURL(path.join(projectRoot, 'pkg', 'node.js')).href);
const codesOnly = await import(pathToFileURL(path.join(projectRoot, 'pkg', 'core.js')).href);
await api.initCore();

const sentence = (s, max) => typeof s === 'string' && s.length > 10 && s.length < max && s.endsWith('.');

test('every port has an English one-line summary, and its caveats are sentences', () => {
  const rows = api.listPorts();
  assert.ok(rows.length >= 18);
  for (const p of rows) {
    assert.ok(sentence(p.summary, 200), `port ${p.port} summary: ${p.summary}`);
    for (const c of p.caveats) assert.ok(sentence(c, 400), `port ${p.port} caveat: ${c}`);
    // A port we do not recommend says why, in at least one caveat.
    if (!p.recommended) assert.ok(p.caveats.length > 0, `port ${p.port} needs a caveat`);
    assert.deepEqual(api.lookupPort(p.port), p);
  }
  assert.equal(api.lookupPort(8080), null);
});

test('the port texts keep their facts: 465 and its history, 587 and STARTTLS, 25, 26 and 2525, 585, 2000', () => {
  const text = (port) => { const p = api.lookupPort(port); return [p.summary, ...p.caveats].join(' '); };
  assert.match(api.lookupPort(465).summary, /implicit TLS/);
  for (const word of ['smtps', 'urd', 'RFC 8314', '2017-12-12']) assert.ok(text(465).includes(word), `465 mentions ${word}`);
  assert.ok(api.lookupPort(587).caveats.some((c) => c.includes('required')));
  assert.ok(api.lookupPort(25).caveats.some((c) => c.includes('Not for mail clients')));
  for (const port of [26, 2525]) assert.ok(api.lookupPort(port).caveats.some((c) => c.includes('TLS required')), String(port));
  assert.ok(api.lookupPort(26).caveats.some((c) => c.includes('Unassigned')));
  assert.ok(api.lookupPort(2525).caveats.some((c) => c.includes('ms-v-worlds')));
  assert.ok(text(585).includes('imap4-ssl') && text(585).includes('2006-04-25'));
  assert.ok(api.lookupPort(2000).caveats.some((c) => c.includes('cisco-sccp')));
});

test('every reason in the catalogue has an English sentence and its reference', () => {
  const catalog = api.reasonCatalog();
  const codes = Object.keys(catalog);
  assert.ok(codes.length >= 30);
  assert.deepEqual(codes, Object.keys(codesOnly.reasonCatalog()));
  for (const [code, r] of Object.entries(catalog)) {
    assert.equal(r.code, code);
    assert.ok(sentence(r.message, 250), `${code}: ${r.message}`);
    assert.ok(r.rfc.length > 0, code);
  }
});

test('recommend() gives every reason and warning its sentence, a provider requirement included', () => {
  const r = api.recommend({ devices: 1, offline: true, email: 'kim@yahoo.com' });
  const notes = [...r.reasons, ...r.warnings];
  assert.ok(notes.length >= 3);
  for (const n of notes) assert.ok(sentence(n.message, 250), `${n.code}: ${n.message}`);
  const req = r.warnings.find((w) => w.code === 'app-password');
  assert.ok(req, 'Yahoo needs an app password');
  assert.equal(req.rfc, '');
  assert.match(req.message, /app password/);
  // The codes-only core gives the same answer without the sentences.
  const bare = codesOnly.recommend({ devices: 1, offline: true, email: 'kim@yahoo.com' });
  assert.deepEqual([...bare.reasons, ...bare.warnings].map((n) => n.code), notes.map((n) => n.code));
  assert.ok([...bare.reasons, ...bare.warnings].every((n) => !('message' in n)));
});

test('lookupProvider() gives each requirement its code and sentence; the core gives the codes', () => {
  const m = api.lookupProvider('kim@yahoo.com');
  assert.ok(m.requirements.length > 0);
  for (const q of m.requirements) assert.ok(typeof q.code === 'string' && sentence(q.text, 250), JSON.stringify(q));
  assert.deepEqual(codesOnly.lookupProvider('kim@yahoo.com').requirements, m.requirements.map((q) => q.code));
  assert.equal(api.lookupProvider('nobody@unknown-domain.example'), null);
  // Every requirement code a provider with an address domain has comes with its sentence.
  const withDomains = api.listProviders().filter((p) => p.domains.length > 0);
  const used = new Set(withDomains.flatMap((p) => p.requirements));
  assert.ok(used.size >= 5);
  for (const code of used) {
    const p = withDomains.find((x) => x.requirements.includes(code));
    const found = api.lookupProvider(p.domains[0]).requirements.find((q) => q.code === code);
    assert.ok(sentence(found.text, 250), `${code} (${p.id}): ${found.text}`);
  }
});
