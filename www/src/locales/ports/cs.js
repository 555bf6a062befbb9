// Port lookup texts for locale cs: the summary and caveats of every port
// the core knows, by number. The element loads this file when a visitor first
// looks up a port (i18n.js, loadPortTexts), not with the rest of the locale.
export default {
  24: {
    summary: 'LMTP podle zvyklosti: tady poštovní server předává přijaté zprávy úložišti schránek (výchozí nastavení Dovecotu).',
    caveats: [
      'IANA uvádí port 24 jen jako „jakýkoli soukromý poštovní systém“, bez názvu služby; samotný LMTP žádný přidělený port nemá.',
      'Jen pro vnitřní potřebu serveru, nikdy nastavení poštovní aplikace: zablokujte ho firewallem, aby se mohl připojit jen poštovní server (MTA).',
    ],
  },
  25: {
    summary: 'Předávání SMTP: tady si poštovní servery předávají zprávy a servery MX přes něj poštu přijímají.',
    caveats: [
      'Ne pro poštovní aplikace: odesílejte místo toho přes 465 (implicitní TLS) nebo 587 (STARTTLS).',
      'Mnoho domácích, firemních i cloudových sítí blokuje odchozí spojení na port 25.',
      'TLS je tu jen příležitostné: veřejný MX nemusí STARTTLS vyžadovat, takže snížení zabezpečení zabrání jen MTA-STS nebo DANE.',
    ],
  },
  26: {
    summary: 'Port SMTP, který otevírají některé sdílené webhostingy, aby obešly poskytovatele internetu blokující port 25.',
    caveats: [
      'V registru IANA nepřidělený a nedefinovaný žádným standardem.',
      'Zda je tu TLS, záleží na hostingu: použijte ho, jen pokud ho hosting uvádí, a jen s povinným TLS.',
    ],
  },
  80: {
    summary: 'Nešifrované HTTP: vstupní stránky webové pošty, které by měly přesměrovat na HTTPS, a k tomu nešifrované záložní cesty autoconfig a dotaz na přesměrování Autodiscover.',
    caveats: [
      'Do webové pošty se nikdy nepřihlašujte přes nešifrované HTTP; dobře spravovaný web přesměruje na port 443.',
      'Thunderbird pro autoconfig přejde na HTTP, pokud není nastaven na „jen HTTPS“, takže takto nalezená nastavení stojí za kontrolu.',
    ],
  },
  106: {
    summary: 'poppassd: stará neoficiální služba, přes kterou si uživatelé u některých poštovních hostingů měnili heslo.',
    caveats: [
      'IANA přiděluje port 106 službě 3com-tsmux a uvádí známé neoprávněné používání tohoto portu.',
      'Posílá staré i nové heslo nešifrovaně: heslo si raději změňte na webu svého poskytovatele.',
    ],
  },
  109: {
    summary: 'POP2, předchůdce POP3 z roku 1985: port je stále přidělený, protokol je zastaralý.',
    caveats: ['Jen nešifrovaně a dnešní software ho nepodporuje: použijte POP3 na 995 nebo IMAP na 993.'],
  },
  110: {
    summary: 'POP3: stáhne doručenou poštu do jednoho zařízení; relace začíná nešifrovaně a pomocí STLS přejde na TLS.',
    caveats: [
      'Lepší je 995. Na 110 nastavte STLS (STARTTLS) jako povinné, aby vaše heslo nikdy nešlo nešifrovaně.',
      'POP3 vidí jen doručenou poštu: složky na serveru, stav přečtení a označení se nesynchronizují.',
    ],
  },
  143: {
    summary: 'IMAP: pošta zůstává na serveru a synchronizuje se se všemi zařízeními; relace začíná nešifrovaně a pomocí STARTTLS přejde na TLS.',
    caveats: ['Lepší je 993. Na 143 nastavte STARTTLS jako povinné, aby se heslo nikdy neodeslalo před zapnutím TLS.'],
  },
  220: {
    summary: 'IMAP3, varianta IMAP z roku 1991, jejíž RFC je dnes vedeno jako historické; port je stále přidělený.',
    caveats: ['Jen nešifrovaně a dnešní software ho nepodporuje: použijte IMAP na 993.'],
  },
  443: {
    summary: 'HTTPS: webová pošta, JMAP, Exchange ActiveSync a EWS, Autodiscover, autoconfig a zásady MTA-STS.',
    caveats: [
      'Schránky Exchange a Microsoft 365 tu fungují nejlépe, s protokoly Exchange nalezenými přes Autodiscover.',
      'JMAP funguje jen tam, kde ho poskytovatel nabízí (záznam SRV _jmap._tcp nebo /.well-known/jmap).',
    ],
  },
  465: {
    summary: 'Odesílání pošty s implicitním TLS: TLS začne hned při připojení, pak se aplikace přihlásí a odešle. Podle RFC 8314 první volba pro odesílání.',
    caveats: [
      'Historie: koncem 90. let registrován jako smtps a asi o rok později zrušen; port připadl službě urd od Cisca a RFC 8314 (2018) k němu přidal submissions (registrováno 12. 12. 2017).',
      'V aplikaci zvolte SSL/TLS (implicitní TLS); STARTTLS na 465 spojení zasekne.',
      'Návody, které 465 označují za zastaralý nebo nestandardní, jsou starší než RFC 8314, které ho upřednostňuje.',
      'Skenery portů a staré soubory services ho mohou stále nazývat smtps nebo urd.',
    ],
  },
  585: {
    summary: 'Dříve imap4-ssl, IMAP přes SSL; IANA tento název zrušila 25. 4. 2006 a odkazuje na 993.',
    caveats: ['Použijte 993, registrovaný port IMAP s implicitním TLS.'],
  },
  587: {
    summary: 'Odesílání pošty: aplikace se připojí nešifrovaně, pomocí STARTTLS přejde na TLS, pak se přihlásí a odešle.',
    caveats: [
      'Nastavte STARTTLS jako povinné, ne „pokud je k dispozici“: jinak ho útočník může odstranit a přečíst vaše heslo.',
      'Server nepřijme žádnou poštu, dokud se nepřihlásíte.',
      'Volba SSL/TLS (implicitní TLS) na 587 spojení zasekne; tento režim patří k 465.',
    ],
  },
  993: {
    summary: 'IMAP s implicitním TLS: první volba pro čtení pošty na libovolném počtu zařízení.',
    caveats: ['Pošta uložená na serveru se započítává do místa ve vaší schránce.'],
  },
  995: {
    summary: 'POP3 s implicitním TLS: první volba pro stahování pošty do jednoho zařízení.',
    caveats: ['Pokud aplikace nenechává kopie na serveru, je stažená kopie jediná: zálohujte ji.'],
  },
  2000: {
    summary: 'Tady naslouchal ManageSieve, než dostal vlastní RFC; některé servery tu stále nechávají starý přístup.',
    caveats: [
      'IANA přiděluje port 2000 službě cisco-sccp (IP telefony Cisco), takže firewally a skenery ho mohou brát jako telefonii.',
      'Použijte 4190, registrovaný port ManageSieve.',
    ],
  },
  2525: {
    summary: 'Náhradní port pro odesílání, který nabízejí přeposílací a transakční e-mailové služby, když je port 25 nebo 587 blokovaný.',
    caveats: [
      'IANA přiděluje port 2525 službě ms-v-worlds, ne poště: jde o zvyklost poskytovatelů.',
      'Použijte ho, jen pokud ho uvádí váš poskytovatel, a jen s povinným TLS (většina nabízí STARTTLS).',
    ],
  },
  4190: {
    summary: 'ManageSieve: nahrávání a úpravy filtrů na serveru (Sieve), například automatických odpovědí o dovolené a pravidel třídění.',
    caveats: [
      'Servery tu mohou STARTTLS vynechat: nikdy se nepřihlašujte, dokud není TLS zapnuté.',
      'Aplikace nejprve hledají záznam SRV _sieve._tcp a jinak použijí 4190.',
    ],
  },
};
