// Port lookup texts for locale nl: the summary and caveats of every port
// the core knows, by number. The element loads this file when a visitor first
// looks up a port (i18n.js, loadPortTexts), not with the rest of the locale.
export default {
  24: {
    summary: 'LMTP volgens afspraak: hier geeft de mailserver geaccepteerde berichten door aan de opslag van de mailboxen (standaard bij Dovecot).',
    caveats: [
      'IANA vermeldt 24 alleen als ‘elk privémailsysteem’, zonder dienstnaam; LMTP zelf heeft geen toegewezen poort.',
      'Intern voor de server, nooit een instelling in een mail-app: scherm hem af met een firewall, zodat alleen de mailtransportserver (MTA) verbinding kan maken.',
    ],
  },
  25: {
    summary: 'SMTP-relay: hier geven mailservers elkaar berichten door, en MX-servers ontvangen erop.',
    caveats: [
      'Niet voor mail-apps: verstuur in plaats daarvan via 465 (impliciete TLS) of 587 (STARTTLS).',
      'Veel thuis-, kantoor- en cloudnetwerken blokkeren uitgaande verbindingen naar poort 25.',
      'TLS is hier vrijblijvend: een openbare MX dringt niet altijd aan op STARTTLS, dus alleen MTA-STS of DANE voorkomen dat de beveiliging wordt verlaagd.',
    ],
  },
  26: {
    summary: 'Een SMTP-poort die sommige gedeelde webhosts openen om internetproviders te omzeilen die poort 25 blokkeren.',
    caveats: [
      'Niet toegewezen in het IANA-register en door geen enkele standaard vastgelegd.',
      'Of er TLS wordt geboden, hangt af van de host: gebruik hem alleen als uw host hem documenteert, en alleen met verplichte TLS.',
    ],
  },
  80: {
    summary: 'Onversleuteld HTTP: startpagina’s van webmail die naar HTTPS zouden moeten doorsturen, plus de onversleutelde terugvalopties van autoconfig en de doorverwijzingstest van Autodiscover.',
    caveats: [
      'Meld u nooit via onversleuteld HTTP aan bij webmail; een goed beheerde site stuurt door naar poort 443.',
      'Thunderbird valt voor autoconfig terug op HTTP, tenzij het op alleen HTTPS is ingesteld; controleer instellingen die zo gevonden zijn daarom nog eens.',
    ],
  },
  106: {
    summary: 'poppassd: een oude, onofficiële dienst waarmee gebruikers bij sommige mailhosts hun wachtwoord konden wijzigen.',
    caveats: [
      'IANA wijst 106 toe aan 3com-tsmux en vermeldt bekend onbevoegd gebruik van de poort.',
      'Het oude en het nieuwe wachtwoord gaan onversleuteld over de lijn: wijzig uw wachtwoord liever op de website van uw provider.',
    ],
  },
  109: {
    summary: 'POP2, de voorloper van POP3 uit 1985: de poort is nog toegewezen, het protocol is verouderd.',
    caveats: ['Alleen onversleuteld en niet ondersteund door huidige software: gebruik POP3 op 995 of IMAP op 993.'],
  },
  110: {
    summary: 'POP3: downloadt de inbox naar één apparaat; de sessie begint onversleuteld en schakelt met STLS over op TLS.',
    caveats: [
      'Liever 995. Stel op 110 STLS (STARTTLS) verplicht in, zodat uw wachtwoord nooit onversleuteld over de lijn gaat.',
      'POP3 bereikt alleen de inbox: mappen op de server, de gelezen-status en markeringen worden niet gesynchroniseerd.',
    ],
  },
  143: {
    summary: 'IMAP: e-mail blijft op de server en wordt met elk apparaat gesynchroniseerd; de sessie begint onversleuteld en schakelt met STARTTLS over op TLS.',
    caveats: ['Liever 993. Stel op 143 STARTTLS verplicht in, zodat het wachtwoord nooit wordt verstuurd voordat TLS actief is.'],
  },
  220: {
    summary: 'IMAP3, een IMAP-variant uit 1991 waarvan de RFC nu als historisch geldt; de poort is nog toegewezen.',
    caveats: ['Alleen onversleuteld en niet ondersteund door huidige software: gebruik IMAP op 993.'],
  },
  443: {
    summary: 'HTTPS: webmail, JMAP, Exchange ActiveSync en EWS, Autodiscover, autoconfig en MTA-STS-beleid.',
    caveats: [
      'Exchange- en Microsoft 365-mailboxen werken hier het best, met de Exchange-protocollen die via Autodiscover worden gevonden.',
      'JMAP werkt alleen als de provider het aanbiedt (een SRV-record _jmap._tcp of /.well-known/jmap).',
    ],
  },
  465: {
    summary: 'E-mail versturen met impliciete TLS: TLS begint zodra de app verbinding maakt, daarna meldt de app zich aan en verstuurt. Volgens RFC 8314 de eerste keus om te versturen.',
    caveats: [
      'Geschiedenis: eind jaren negentig geregistreerd als smtps en ongeveer een jaar later ingetrokken; de poort ging naar urd van Cisco, en RFC 8314 (2018) zette submissions ernaast (geregistreerd op 12-12-2017).',
      'Kies in de app SSL/TLS (impliciete TLS); STARTTLS op 465 laat de verbinding hangen.',
      'Handleidingen die 465 verouderd of niet-standaard noemen, zijn ouder dan RFC 8314, die er de voorkeur aan geeft.',
      'Poortscanners en oude services-bestanden noemen hem mogelijk nog smtps of urd.',
    ],
  },
  585: {
    summary: 'Vroeger imap4-ssl, IMAP over SSL; IANA trok de naam in op 25-04-2006 en verwijst naar 993.',
    caveats: ['Gebruik 993, de geregistreerde IMAP-poort met impliciete TLS.'],
  },
  587: {
    summary: 'E-mail versturen: de app maakt onversleuteld verbinding, schakelt met STARTTLS over op TLS, meldt zich dan aan en verstuurt.',
    caveats: [
      'Stel STARTTLS in als verplicht, niet als ‘indien beschikbaar’: anders kan een aanvaller het weghalen en uw wachtwoord lezen.',
      'De server neemt geen e-mail aan voordat u bent aangemeld.',
      'SSL/TLS (impliciete TLS) kiezen op 587 laat de verbinding hangen; die modus hoort bij 465.',
    ],
  },
  993: {
    summary: 'IMAP met impliciete TLS: de eerste keus om e-mail op willekeurig veel apparaten te lezen.',
    caveats: ['E-mail die op de server blijft, telt mee voor de opslagruimte van uw mailbox.'],
  },
  995: {
    summary: 'POP3 met impliciete TLS: de eerste keus om e-mail naar één apparaat te downloaden.',
    caveats: ['Tenzij de app kopieën op de server laat staan, is de gedownloade kopie de enige: maak er een back-up van.'],
  },
  2000: {
    summary: 'Waar ManageSieve luisterde vóór zijn RFC; sommige servers houden hier nog een oude toegang open.',
    caveats: [
      'IANA wijst 2000 toe aan cisco-sccp (IP-telefoons van Cisco), dus firewalls en scanners behandelen hem mogelijk als telefonie.',
      'Gebruik 4190, de geregistreerde ManageSieve-poort.',
    ],
  },
  2525: {
    summary: 'Een alternatieve verzendpoort die relay- en transactionele maildiensten aanbieden als 25 of 587 geblokkeerd is.',
    caveats: [
      'IANA wijst 2525 toe aan ms-v-worlds, niet aan e-mail: het is een gewoonte van aanbieders.',
      'Gebruik hem alleen als uw provider hem documenteert, en alleen met verplichte TLS (de meeste bieden STARTTLS).',
    ],
  },
  4190: {
    summary: 'ManageSieve: filterscripts (Sieve) op de server uploaden en bewerken, zoals afwezigheidsberichten en sorteerregels.',
    caveats: [
      'Servers laten STARTTLS hier soms weg: meld u nooit aan zolang TLS niet actief is.',
      'Apps zoeken eerst naar een SRV-record _sieve._tcp en vallen anders terug op 4190.',
    ],
  },
};
