// Compiled by tests/e2e/types.test.mjs with `tsc --strict --noEmit`: a
// consumer of the package's declarations. A type error here fails the test.
import { init, initCore, isFullReady, lookupPort, listPorts, recommend, lookupProvider, suggestDomain, exportConfig, discover } from 'mailports';
import type { PortInfo, Recommendation, ProviderMatch, MailportsError } from 'mailports';
import { MailPortsElement } from 'mailports/element';
import 'mailports/define';

export async function main(): Promise<string[]> {
  await initCore();
  const full: boolean = isFullReady();
  await init();
  const info: PortInfo | null = lookupPort(465);
  const imap: number[] = listPorts({ protocol: 'imap' }).map((p) => p.port);
  const rec: Recommendation = recommend({ devices: 2, sends: true });
  const match: ProviderMatch | null = lookupProvider('anna@gmail.com');
  const hosts = match ? match.incoming.map((s) => s.hostname) : [];
  const suggestion = suggestDomain('anna@gmial.com');
  const file = match ? exportConfig(match, 'dns-srv') : null;
  const found = await discover('jane@example.org', { dohUrl: 'https://dns.example/dns-query' });
  const el: MailPortsElement = document.createElement('mail-ports');
  el.addEventListener('mailports-copy', (e) => void e.detail.value);
  try {
    lookupPort(0);
  } catch (e) {
    const err = e as MailportsError;
    void err.code;
  }
  return [String(info?.services[0]), String(imap.length), String(rec.incoming?.port), ...hosts,
    suggestion?.domain ?? '', file?.filename ?? '', String(found.source), String(full)];
}
