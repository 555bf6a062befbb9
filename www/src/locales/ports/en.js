// Port lookup texts for locale en: the summary and caveats of every port
// the core knows, by number. The element loads this file when a visitor first
// looks up a port (i18n.js, loadPortTexts), not with the rest of the locale.
export default {
  24: {
    summary: 'LMTP by convention: the mail server hands accepted messages to the mailbox store here (Dovecot\'s default).',
    caveats: [
      'IANA lists 24 only as "any private mail system", without a service name; LMTP itself has no assigned port.',
      'Server-internal, never a mail-client setting: firewall it so that only the mail transfer agent can connect.',
    ],
  },
  25: {
    summary: 'SMTP relay: mail servers pass messages to each other here, and MX hosts receive on it.',
    caveats: [
      'Not for mail clients: send on 465 (implicit TLS) or 587 (STARTTLS) instead.',
      'Many home, office and cloud networks block outgoing connections to port 25.',
      'TLS here is opportunistic: a public MX may not insist on STARTTLS, so only MTA-STS or DANE stop a downgrade.',
    ],
  },
  26: {
    summary: 'An SMTP port some shared web hosts open as a way around ISPs that block port 25.',
    caveats: [
      'Unassigned in the IANA registry and defined by no standard.',
      'Whether TLS is offered depends on the host: use it only if your host documents it, and only with TLS required.',
    ],
  },
  80: {
    summary: 'Plain HTTP: webmail entry points that should redirect to HTTPS, plus the clear-text fallbacks of autoconfig and the Autodiscover redirect probe.',
    caveats: [
      'Never sign in to webmail over plain HTTP; a well-run site redirects to port 443.',
      'Thunderbird falls back to HTTP for autoconfig unless set to HTTPS only, so settings found that way deserve a second look.',
    ],
  },
  106: {
    summary: 'poppassd: an old, unofficial service some mail hosts ran so users could change their password.',
    caveats: [
      'IANA assigns 106 to 3com-tsmux and notes known unauthorized use of the port.',
      'It sends the old and the new password in clear text: change your password on your provider\'s website instead.',
    ],
  },
  109: {
    summary: 'POP2, the 1985 forerunner of POP3: the port is still assigned, the protocol is obsolete.',
    caveats: ['Clear text only and unsupported by current software: use POP3 on 995 or IMAP on 993.'],
  },
  110: {
    summary: 'POP3: download the inbox to one device; the session starts in clear text and is upgraded with STLS.',
    caveats: [
      'Prefer 995. On 110, set STLS (STARTTLS) to required so that your password never travels in clear text.',
      'POP3 reaches the inbox only: server folders, read state and flags are not synced.',
    ],
  },
  143: {
    summary: 'IMAP: mail stays on the server and syncs to every device; the session starts in clear text and is upgraded with STARTTLS.',
    caveats: ['Prefer 993. On 143, set STARTTLS to required so that the password is never sent before TLS is up.'],
  },
  220: {
    summary: 'IMAP3, a 1991 variant of IMAP whose RFC is now Historic; the port is still assigned.',
    caveats: ['Clear text only and unsupported by current software: use IMAP on 993.'],
  },
  443: {
    summary: 'HTTPS: webmail, JMAP, Exchange ActiveSync and EWS, Autodiscover, autoconfig and MTA-STS policies.',
    caveats: [
      'Exchange and Microsoft 365 mailboxes work best here, with the Exchange protocols found through Autodiscover.',
      'JMAP works only where the provider offers it (a _jmap._tcp SRV record or /.well-known/jmap).',
    ],
  },
  465: {
    summary: 'Message submission with implicit TLS: TLS starts the moment the client connects, then the client signs in and sends. RFC 8314\'s first choice for sending.',
    caveats: [
      'History: registered as smtps in the late 1990s and withdrawn about a year later; the port went to Cisco\'s urd, and RFC 8314 (2018) added submissions beside it (registered 2017-12-12).',
      'Choose SSL/TLS (implicit TLS) in the client; STARTTLS on 465 makes the connection hang.',
      'Guides calling 465 deprecated or non-standard predate RFC 8314, which prefers it.',
      'Port scanners and old services files may still call it smtps or urd.',
    ],
  },
  585: {
    summary: 'Formerly imap4-ssl, IMAP over SSL; IANA withdrew the name on 2006-04-25 and points to 993.',
    caveats: ['Use 993, the registered IMAP port with implicit TLS.'],
  },
  587: {
    summary: 'Message submission: the client connects in clear text, upgrades with STARTTLS, then signs in and sends.',
    caveats: [
      'Set STARTTLS to required, not "if available": otherwise an attacker can strip it and read your password.',
      'The server accepts no mail until you have signed in.',
      'Choosing SSL/TLS (implicit TLS) on 587 makes the connection hang; that mode belongs on 465.',
    ],
  },
  993: {
    summary: 'IMAP with implicit TLS: the first choice for reading mail on any number of devices.',
    caveats: ['Mail kept on the server counts against your mailbox quota.'],
  },
  995: {
    summary: 'POP3 with implicit TLS: the first choice for downloading mail to a single device.',
    caveats: ['Unless the client leaves copies on the server, the downloaded copy is the only one: back it up.'],
  },
  2000: {
    summary: 'Where ManageSieve listened before its RFC; some servers still keep a legacy listener here.',
    caveats: [
      'IANA assigns 2000 to cisco-sccp (Cisco IP phones), so firewalls and scanners may treat it as telephony.',
      'Use 4190, the registered ManageSieve port.',
    ],
  },
  2525: {
    summary: 'An alternate sending port that relay and transactional mail services offer when 25 or 587 is blocked.',
    caveats: [
      'IANA assigns 2525 to ms-v-worlds, not to mail: it is a vendor convention.',
      'Use it only if your provider documents it, and only with TLS required (most offer STARTTLS).',
    ],
  },
  4190: {
    summary: 'ManageSieve: upload and edit server-side filter scripts (Sieve), such as vacation replies and sorting rules.',
    caveats: [
      'Servers may leave out STARTTLS here: never sign in unless TLS is up.',
      'Clients look for a _sieve._tcp SRV record first and fall back to 4190.',
    ],
  },
};
