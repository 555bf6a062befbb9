// Port lookup texts for locale pl: the summary and caveats of every port
// the core knows, by number. The element loads this file when a visitor first
// looks up a port (i18n.js, loadPortTexts), not with the rest of the locale.
export default {
  24: {
    summary: 'LMTP zwyczajowo: tutaj serwer pocztowy przekazuje przyjęte wiadomości do magazynu skrzynek (domyślnie w Dovecot).',
    caveats: [
      'IANA opisuje port 24 tylko jako „dowolny prywatny system pocztowy”, bez nazwy usługi; sam LMTP nie ma przydzielonego portu.',
      'To port wewnętrzny serwera, nigdy ustawienie aplikacji pocztowej: zablokuj go zaporą, aby łączyć się mógł tylko agent przesyłania poczty (MTA).',
    ],
  },
  25: {
    summary: 'Przekazywanie SMTP: tutaj serwery pocztowe przekazują sobie wiadomości, a serwery MX odbierają na nim pocztę.',
    caveats: [
      'Nie dla aplikacji pocztowych: wysyłaj przez 465 (niejawny TLS) lub 587 (STARTTLS).',
      'Wiele sieci domowych, firmowych i chmurowych blokuje połączenia wychodzące na port 25.',
      'TLS działa tu tylko wtedy, gdy jest możliwy: publiczny MX może nie wymagać STARTTLS, więc przed obniżeniem zabezpieczeń chronią tylko MTA-STS lub DANE.',
    ],
  },
  26: {
    summary: 'Port SMTP otwierany przez niektóre hostingi współdzielone, aby ominąć dostawców internetu blokujących port 25.',
    caveats: [
      'Nieprzydzielony w rejestrze IANA i nieokreślony w żadnym standardzie.',
      'To, czy jest tu TLS, zależy od hostingu: używaj tego portu tylko wtedy, gdy hosting go podaje, i tylko z wymaganym TLS.',
    ],
  },
  80: {
    summary: 'HTTP bez szyfrowania: strony wejściowe poczty w przeglądarce, które powinny przekierowywać na HTTPS, oraz nieszyfrowane zapasowe ścieżki autoconfig i zapytanie o przekierowanie Autodiscover.',
    caveats: [
      'Nigdy nie loguj się do poczty w przeglądarce przez nieszyfrowane HTTP; dobrze prowadzona strona przekierowuje na port 443.',
      'Thunderbird przechodzi na HTTP dla autoconfig, jeśli nie ustawiono „tylko HTTPS”, więc znalezione w ten sposób ustawienia warto sprawdzić.',
    ],
  },
  106: {
    summary: 'poppassd: stara, nieoficjalna usługa, przez którą u niektórych dostawców poczty zmieniało się hasło.',
    caveats: [
      'IANA przydziela port 106 usłudze 3com-tsmux i odnotowuje znane nieuprawnione użycie tego portu.',
      'Przesyła stare i nowe hasło otwartym tekstem: zmień hasło na stronie swojego dostawcy.',
    ],
  },
  109: {
    summary: 'POP2, poprzednik POP3 z 1985 roku: port jest nadal przydzielony, protokół jest przestarzały.',
    caveats: ['Tylko bez szyfrowania i nieobsługiwany przez dzisiejsze programy: użyj POP3 na 995 lub IMAP na 993.'],
  },
  110: {
    summary: 'POP3: pobieranie skrzynki odbiorczej na jedno urządzenie; sesja zaczyna się bez szyfrowania i przechodzi na TLS za pomocą STLS.',
    caveats: [
      'Lepszy jest 995. Na 110 ustaw STLS (STARTTLS) jako wymagany, aby hasło nigdy nie było przesyłane otwartym tekstem.',
      'POP3 widzi tylko skrzynkę odbiorczą: foldery na serwerze, stan przeczytania i oznaczenia nie są synchronizowane.',
    ],
  },
  143: {
    summary: 'IMAP: poczta zostaje na serwerze i synchronizuje się z każdym urządzeniem; sesja zaczyna się bez szyfrowania i przechodzi na TLS za pomocą STARTTLS.',
    caveats: ['Lepszy jest 993. Na 143 ustaw STARTTLS jako wymagany, aby hasło nigdy nie zostało wysłane przed włączeniem TLS.'],
  },
  220: {
    summary: 'IMAP3, odmiana IMAP z 1991 roku, której RFC ma dziś status historyczny; port jest nadal przydzielony.',
    caveats: ['Tylko bez szyfrowania i nieobsługiwany przez dzisiejsze programy: użyj IMAP na 993.'],
  },
  443: {
    summary: 'HTTPS: poczta w przeglądarce, JMAP, Exchange ActiveSync i EWS, Autodiscover, autoconfig i zasady MTA-STS.',
    caveats: [
      'Skrzynki Exchange i Microsoft 365 działają tu najlepiej, z protokołami Exchange znalezionymi przez Autodiscover.',
      'JMAP działa tylko tam, gdzie dostawca go oferuje (rekord SRV _jmap._tcp lub /.well-known/jmap).',
    ],
  },
  465: {
    summary: 'Wysyłanie poczty z niejawnym TLS: TLS startuje w chwili połączenia, potem aplikacja loguje się i wysyła. Według RFC 8314 najlepszy wybór do wysyłania.',
    caveats: [
      'Historia: zarejestrowany jako smtps pod koniec lat 90. i wycofany mniej więcej rok później; port przypadł usłudze urd firmy Cisco, a RFC 8314 (2018) dodał obok submissions (rejestracja 12.12.2017).',
      'Wybierz w aplikacji SSL/TLS (niejawny TLS); STARTTLS na 465 powoduje zawieszenie połączenia.',
      'Poradniki, które nazywają 465 przestarzałym lub niestandardowym, powstały przed RFC 8314, który go preferuje.',
      'Skanery portów i stare pliki services mogą nadal nazywać go smtps lub urd.',
    ],
  },
  585: {
    summary: 'Dawniej imap4-ssl, IMAP przez SSL; IANA wycofała tę nazwę 25.04.2006 i wskazuje port 993.',
    caveats: ['Użyj 993, zarejestrowanego portu IMAP z niejawnym TLS.'],
  },
  587: {
    summary: 'Wysyłanie poczty: aplikacja łączy się bez szyfrowania, przechodzi na TLS za pomocą STARTTLS, a potem loguje się i wysyła.',
    caveats: [
      'Ustaw STARTTLS jako wymagany, a nie „jeśli dostępny”: inaczej atakujący może go usunąć i odczytać Twoje hasło.',
      'Serwer nie przyjmuje poczty, dopóki się nie zalogujesz.',
      'Wybranie SSL/TLS (niejawnego TLS) na 587 powoduje zawieszenie połączenia; ten tryb pasuje do 465.',
    ],
  },
  993: {
    summary: 'IMAP z niejawnym TLS: najlepszy wybór do czytania poczty na dowolnej liczbie urządzeń.',
    caveats: ['Poczta przechowywana na serwerze zajmuje miejsce w Twojej skrzynce.'],
  },
  995: {
    summary: 'POP3 z niejawnym TLS: najlepszy wybór do pobierania poczty na jedno urządzenie.',
    caveats: ['Jeśli aplikacja nie zostawia kopii na serwerze, pobrana kopia jest jedyna: rób kopie zapasowe.'],
  },
  2000: {
    summary: 'Tu działał ManageSieve przed powstaniem swojego RFC; niektóre serwery nadal utrzymują tu stary dostęp.',
    caveats: [
      'IANA przydziela port 2000 usłudze cisco-sccp (telefony IP Cisco), więc zapory i skanery mogą traktować go jak telefonię.',
      'Użyj 4190, zarejestrowanego portu ManageSieve.',
    ],
  },
  2525: {
    summary: 'Zapasowy port do wysyłania, który oferują usługi przekazywania i wysyłki transakcyjnej, gdy port 25 lub 587 jest zablokowany.',
    caveats: [
      'IANA przydziela port 2525 usłudze ms-v-worlds, a nie poczcie: to zwyczaj przyjęty przez dostawców.',
      'Używaj go tylko wtedy, gdy Twój dostawca go podaje, i tylko z wymaganym TLS (większość oferuje STARTTLS).',
    ],
  },
  4190: {
    summary: 'ManageSieve: wgrywanie i edycja filtrów na serwerze (Sieve), na przykład autoodpowiedzi na czas urlopu i reguł sortowania.',
    caveats: [
      'Serwery mogą tu nie oferować STARTTLS: nigdy się nie loguj, dopóki TLS nie jest włączony.',
      'Aplikacje najpierw szukają rekordu SRV _sieve._tcp, a jeśli go nie ma, używają 4190.',
    ],
  },
};
