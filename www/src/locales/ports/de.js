// Port lookup texts for locale de: the summary and caveats of every port
// the core knows, by number. The element loads this file when a visitor first
// looks up a port (i18n.js, loadPortTexts), not with the rest of the locale.
export default {
  24: {
    summary: 'LMTP nach üblicher Konvention: Hier übergibt der Mailserver angenommene Nachrichten an die Postfachablage (Standard bei Dovecot).',
    caveats: [
      'Die IANA führt Port 24 nur als „beliebiges privates Mailsystem“, ohne Dienstnamen; LMTP selbst hat keinen zugewiesenen Port.',
      'Nur serverintern, nie eine Einstellung im Mailprogramm: Sperren Sie ihn per Firewall, sodass sich nur der Mailserver (MTA) verbinden kann.',
    ],
  },
  25: {
    summary: 'SMTP-Relay: Hier reichen Mailserver Nachrichten untereinander weiter, und MX-Server nehmen darüber Mail an.',
    caveats: [
      'Nicht für Mailprogramme: Senden Sie stattdessen über 465 (implizites TLS) oder 587 (STARTTLS).',
      'Viele Heim-, Büro- und Cloud-Netze sperren ausgehende Verbindungen zu Port 25.',
      'TLS ist hier nur opportunistisch: Ein öffentlicher MX besteht nicht unbedingt auf STARTTLS, daher verhindern nur MTA-STS oder DANE eine Herabstufung.',
    ],
  },
  26: {
    summary: 'Ein SMTP-Port, den manche Webhoster öffnen, um Internetanbieter zu umgehen, die Port 25 sperren.',
    caveats: [
      'Im IANA-Register nicht vergeben und durch keinen Standard festgelegt.',
      'Ob TLS angeboten wird, hängt vom Hoster ab: Nutzen Sie ihn nur, wenn Ihr Hoster ihn nennt, und nur mit TLS als Pflicht.',
    ],
  },
  80: {
    summary: 'Unverschlüsseltes HTTP: Einstiegsseiten von Webmail, die auf HTTPS umleiten sollten, dazu die unverschlüsselten Rückfallwege von Autoconfig und die Umleitungsabfrage von Autodiscover.',
    caveats: [
      'Melden Sie sich nie über unverschlüsseltes HTTP beim Webmail an; eine gut betriebene Seite leitet auf Port 443 um.',
      'Thunderbird weicht für Autoconfig auf HTTP aus, wenn es nicht auf „nur HTTPS“ eingestellt ist; so gefundene Einstellungen sollten Sie nachprüfen.',
    ],
  },
  106: {
    summary: 'poppassd: ein alter, inoffizieller Dienst, über den Nutzer bei manchen Mail-Hostern ihr Passwort ändern konnten.',
    caveats: [
      'Die IANA hat Port 106 an 3com-tsmux vergeben und vermerkt eine bekannte unbefugte Nutzung.',
      'Er überträgt das alte und das neue Passwort unverschlüsselt: Ändern Sie Ihr Passwort stattdessen auf der Website Ihres Anbieters.',
    ],
  },
  109: {
    summary: 'POP2, der Vorläufer von POP3 aus dem Jahr 1985: Der Port ist noch vergeben, das Protokoll ist veraltet.',
    caveats: [
      'Nur unverschlüsselt und von heutiger Software nicht unterstützt: Nutzen Sie POP3 auf 995 oder IMAP auf 993.',
    ],
  },
  110: {
    summary: 'POP3: lädt den Posteingang auf ein Gerät; die Verbindung beginnt unverschlüsselt und wird mit STLS verschlüsselt.',
    caveats: [
      'Besser 995. Stellen Sie auf 110 STLS (STARTTLS) als Pflicht ein, damit Ihr Passwort nie unverschlüsselt übertragen wird.',
      'POP3 erreicht nur den Posteingang: Serverordner, Gelesen-Status und Markierungen werden nicht abgeglichen.',
    ],
  },
  143: {
    summary: 'IMAP: Die Mail bleibt auf dem Server und wird mit jedem Gerät abgeglichen; die Verbindung beginnt unverschlüsselt und wird mit STARTTLS verschlüsselt.',
    caveats: [
      'Besser 993. Stellen Sie auf 143 STARTTLS als Pflicht ein, damit das Passwort nie vor dem Aufbau von TLS gesendet wird.',
    ],
  },
  220: {
    summary: 'IMAP3, eine IMAP-Variante von 1991, deren RFC heute als historisch gilt; der Port ist noch vergeben.',
    caveats: ['Nur unverschlüsselt und von heutiger Software nicht unterstützt: Nutzen Sie IMAP auf 993.'],
  },
  443: {
    summary: 'HTTPS: Webmail, JMAP, Exchange ActiveSync und EWS, Autodiscover, Autoconfig und MTA-STS-Richtlinien.',
    caveats: [
      'Postfächer bei Exchange und Microsoft 365 funktionieren hier am besten, mit den Exchange-Protokollen, die über Autodiscover gefunden werden.',
      'JMAP funktioniert nur, wo der Anbieter es anbietet (ein SRV-Eintrag _jmap._tcp oder /.well-known/jmap).',
    ],
  },
  465: {
    summary: 'Mailversand mit implizitem TLS: TLS beginnt, sobald sich das Programm verbindet, dann meldet es sich an und sendet. Laut RFC 8314 die erste Wahl zum Senden.',
    caveats: [
      'Geschichte: Ende der 1990er-Jahre als smtps registriert und etwa ein Jahr später zurückgezogen; der Port ging an Ciscos urd, und RFC 8314 (2018) stellte submissions daneben (registriert am 12.12.2017).',
      'Wählen Sie im Programm SSL/TLS (implizites TLS); STARTTLS auf 465 lässt die Verbindung hängen.',
      'Anleitungen, die 465 veraltet oder nicht standardgemäß nennen, sind älter als RFC 8314, das ihn bevorzugt.',
      'Portscanner und alte services-Dateien nennen ihn womöglich noch smtps oder urd.',
    ],
  },
  585: {
    summary: 'Früher imap4-ssl, IMAP über SSL; die IANA hat den Namen am 25.04.2006 zurückgezogen und verweist auf 993.',
    caveats: ['Nutzen Sie 993, den registrierten IMAP-Port mit implizitem TLS.'],
  },
  587: {
    summary: 'Mailversand: Das Programm verbindet sich unverschlüsselt, wechselt mit STARTTLS zu TLS, meldet sich dann an und sendet.',
    caveats: [
      'Stellen Sie STARTTLS als Pflicht ein, nicht „wenn verfügbar“: Sonst kann ein Angreifer es entfernen und Ihr Passwort mitlesen.',
      'Der Server nimmt keine Mail an, bevor Sie sich angemeldet haben.',
      'SSL/TLS (implizites TLS) auf 587 lässt die Verbindung hängen; diese Einstellung gehört zu 465.',
    ],
  },
  993: {
    summary: 'IMAP mit implizitem TLS: die erste Wahl, um Mail auf beliebig vielen Geräten zu lesen.',
    caveats: ['Mail, die auf dem Server bleibt, zählt zum Speicherplatz Ihres Postfachs.'],
  },
  995: {
    summary: 'POP3 mit implizitem TLS: die erste Wahl, um Mail auf ein einzelnes Gerät zu laden.',
    caveats: [
      'Wenn das Programm keine Kopien auf dem Server lässt, ist die geladene Kopie die einzige: Sichern Sie sie.',
    ],
  },
  2000: {
    summary: 'Hier lauschte ManageSieve vor seinem RFC; manche Server halten hier noch einen alten Zugang offen.',
    caveats: [
      'Die IANA hat 2000 an cisco-sccp (Cisco-IP-Telefone) vergeben, daher behandeln Firewalls und Scanner ihn womöglich als Telefonie.',
      'Nutzen Sie 4190, den registrierten ManageSieve-Port.',
    ],
  },
  2525: {
    summary: 'Ein Ausweichport zum Senden, den Relay- und Versanddienste anbieten, wenn 25 oder 587 gesperrt ist.',
    caveats: [
      'Die IANA hat 2525 an ms-v-worlds vergeben, nicht an Mail: Es ist eine Konvention der Anbieter.',
      'Nutzen Sie ihn nur, wenn Ihr Anbieter ihn nennt, und nur mit TLS als Pflicht (meist wird STARTTLS angeboten).',
    ],
  },
  4190: {
    summary: 'ManageSieve: Filterskripte (Sieve) auf dem Server hochladen und bearbeiten, etwa Abwesenheitsnotizen und Sortierregeln.',
    caveats: [
      'Server lassen STARTTLS hier womöglich weg: Melden Sie sich nie an, solange TLS nicht aktiv ist.',
      'Programme suchen zuerst einen SRV-Eintrag _sieve._tcp und greifen sonst auf 4190 zurück.',
    ],
  },
};
