// Port lookup texts for locale it: the summary and caveats of every port
// the core knows, by number. The element loads this file when a visitor first
// looks up a port (i18n.js, loadPortTexts), not with the rest of the locale.
export default {
  24: {
    summary: 'LMTP per convenzione: qui il server di posta consegna i messaggi accettati all’archivio delle caselle (l’impostazione predefinita di Dovecot).',
    caveats: [
      'IANA elenca la 24 solo come «qualsiasi sistema di posta privato», senza nome di servizio; LMTP in sé non ha una porta assegnata.',
      'È interna al server, mai un’impostazione dell’app di posta: chiudila con il firewall, così che possa collegarsi solo l’agente di trasferimento della posta (MTA).',
    ],
  },
  25: {
    summary: 'Inoltro SMTP: qui i server di posta si passano i messaggi tra loro, e gli host MX ricevono su questa porta.',
    caveats: [
      'Non è per le app di posta: invia invece sulla 465 (TLS implicito) o sulla 587 (STARTTLS).',
      'Molte reti domestiche, aziendali e cloud bloccano le connessioni in uscita verso la porta 25.',
      'Qui il TLS è opportunistico: un MX pubblico può non pretendere STARTTLS, quindi solo MTA-STS o DANE impediscono un declassamento.',
    ],
  },
  26: {
    summary: 'Una porta SMTP che alcuni hosting condivisi aprono per aggirare i provider internet che bloccano la porta 25.',
    caveats: [
      'Non assegnata nel registro IANA e non definita da nessuno standard.',
      'La presenza di TLS dipende dall’hosting: usala solo se il tuo hosting la documenta, e solo con TLS obbligatorio.',
    ],
  },
  80: {
    summary: 'HTTP non cifrato: pagine di ingresso della webmail che dovrebbero reindirizzare a HTTPS, più i ripieghi non cifrati di autoconfig e la richiesta di reindirizzamento di Autodiscover.',
    caveats: [
      'Non accedere mai a una webmail via HTTP non cifrato; un sito ben gestito reindirizza alla porta 443.',
      'Thunderbird ripiega su HTTP per autoconfig se non è impostato su solo HTTPS, quindi le impostazioni trovate così meritano un secondo controllo.',
    ],
  },
  106: {
    summary: 'poppassd: un vecchio servizio non ufficiale che alcuni fornitori di posta offrivano per cambiare la password.',
    caveats: [
      'IANA assegna la 106 a 3com-tsmux e segnala un noto uso non autorizzato della porta.',
      'Invia in chiaro la vecchia e la nuova password: cambia invece la password sul sito del tuo provider.',
    ],
  },
  109: {
    summary: 'POP2, il predecessore di POP3 del 1985: la porta è ancora assegnata, il protocollo è superato.',
    caveats: ['Solo in chiaro e non supportato dai programmi attuali: usa POP3 sulla 995 o IMAP sulla 993.'],
  },
  110: {
    summary: 'POP3: scarica la posta in arrivo su un dispositivo; la sessione parte in chiaro e passa a TLS con STLS.',
    caveats: [
      'Meglio la 995. Sulla 110 imposta STLS (STARTTLS) come obbligatorio, così la password non viaggia mai in chiaro.',
      'POP3 raggiunge solo la posta in arrivo: cartelle del server, stato di lettura e contrassegni non vengono sincronizzati.',
    ],
  },
  143: {
    summary: 'IMAP: la posta resta sul server e si sincronizza su ogni dispositivo; la sessione parte in chiaro e passa a TLS con STARTTLS.',
    caveats: ['Meglio la 993. Sulla 143 imposta STARTTLS come obbligatorio, così la password non viene mai inviata prima che TLS sia attivo.'],
  },
  220: {
    summary: 'IMAP3, una variante di IMAP del 1991 la cui RFC oggi è classificata come storica; la porta è ancora assegnata.',
    caveats: ['Solo in chiaro e non supportato dai programmi attuali: usa IMAP sulla 993.'],
  },
  443: {
    summary: 'HTTPS: webmail, JMAP, Exchange ActiveSync ed EWS, Autodiscover, autoconfig e criteri MTA-STS.',
    caveats: [
      'Le caselle Exchange e Microsoft 365 funzionano al meglio qui, con i protocolli Exchange trovati tramite Autodiscover.',
      'JMAP funziona solo dove il provider lo offre (un record SRV _jmap._tcp o /.well-known/jmap).',
    ],
  },
  465: {
    summary: 'Invio della posta con TLS implicito: il TLS parte appena l’app si collega, poi l’app accede e invia. La prima scelta della RFC 8314 per l’invio.',
    caveats: [
      'Storia: registrata come smtps alla fine degli anni ’90 e ritirata circa un anno dopo; la porta è passata a urd di Cisco, e la RFC 8314 (2018) le ha affiancato submissions (registrata il 12/12/2017).',
      'Scegli SSL/TLS (TLS implicito) nell’app; STARTTLS sulla 465 blocca la connessione.',
      'Le guide che definiscono la 465 superata o non standard sono precedenti alla RFC 8314, che la preferisce.',
      'Gli scanner di porte e i vecchi file services possono ancora chiamarla smtps o urd.',
    ],
  },
  585: {
    summary: 'Un tempo imap4-ssl, IMAP su SSL; IANA ha ritirato il nome il 25/04/2006 e rimanda alla 993.',
    caveats: ['Usa la 993, la porta IMAP registrata con TLS implicito.'],
  },
  587: {
    summary: 'Invio della posta: l’app si collega in chiaro, passa a TLS con STARTTLS, poi accede e invia.',
    caveats: [
      'Imposta STARTTLS come obbligatorio e non «se disponibile»: altrimenti un malintenzionato può toglierlo e leggere la tua password.',
      'Il server non accetta posta finché non hai effettuato l’accesso.',
      'Scegliere SSL/TLS (TLS implicito) sulla 587 blocca la connessione; quella modalità va con la 465.',
    ],
  },
  993: {
    summary: 'IMAP con TLS implicito: la prima scelta per leggere la posta su quanti dispositivi vuoi.',
    caveats: ['La posta tenuta sul server occupa lo spazio della tua casella.'],
  },
  995: {
    summary: 'POP3 con TLS implicito: la prima scelta per scaricare la posta su un solo dispositivo.',
    caveats: ['Se l’app non lascia copie sul server, la copia scaricata è l’unica: fanne un backup.'],
  },
  2000: {
    summary: 'Dove ascoltava ManageSieve prima della sua RFC; alcuni server tengono ancora qui un vecchio accesso.',
    caveats: [
      'IANA assegna la 2000 a cisco-sccp (telefoni IP Cisco), quindi firewall e scanner potrebbero trattarla come telefonia.',
      'Usa la 4190, la porta ManageSieve registrata.',
    ],
  },
  2525: {
    summary: 'Una porta di invio alternativa che i servizi di inoltro e di posta transazionale offrono quando la 25 o la 587 sono bloccate.',
    caveats: [
      'IANA assegna la 2525 a ms-v-worlds, non alla posta: è una consuetudine dei fornitori.',
      'Usala solo se il tuo provider la documenta, e solo con TLS obbligatorio (quasi tutti offrono STARTTLS).',
    ],
  },
  4190: {
    summary: 'ManageSieve: carica e modifica sul server gli script di filtro (Sieve), come le risposte automatiche per le ferie e le regole di smistamento.',
    caveats: [
      'Qui i server possono non offrire STARTTLS: non accedere mai finché TLS non è attivo.',
      'Le app cercano prima un record SRV _sieve._tcp e, se non c’è, ripiegano sulla 4190.',
    ],
  },
};
