// Port lookup texts for locale fr: the summary and caveats of every port
// the core knows, by number. The element loads this file when a visitor first
// looks up a port (i18n.js, loadPortTexts), not with the rest of the locale.
export default {
  24: {
    summary: 'LMTP par convention : le serveur de messagerie y remet les messages acceptés au stockage des boîtes (réglage par défaut de Dovecot).',
    caveats: [
      'L’IANA ne décrit le port 24 que comme « tout système de messagerie privé », sans nom de service ; LMTP lui-même n’a pas de port attribué.',
      'Interne au serveur, jamais un réglage d’application de messagerie : filtrez-le pour que seul l’agent de transfert (MTA) puisse s’y connecter.',
    ],
  },
  25: {
    summary: 'Relais SMTP : les serveurs de messagerie s’y transmettent les messages, et les serveurs MX reçoivent sur ce port.',
    caveats: [
      'Pas pour les applications de messagerie : envoyez plutôt par le 465 (TLS implicite) ou le 587 (STARTTLS).',
      'Beaucoup de réseaux domestiques, d’entreprise et de cloud bloquent les connexions sortantes vers le port 25.',
      'Le TLS y est opportuniste : un MX public peut ne pas exiger STARTTLS, et seuls MTA-STS ou DANE empêchent un déclassement.',
    ],
  },
  26: {
    summary: 'Un port SMTP que certains hébergeurs mutualisés ouvrent pour contourner les fournisseurs d’accès qui bloquent le port 25.',
    caveats: [
      'Non attribué dans le registre de l’IANA et défini par aucune norme.',
      'La présence de TLS dépend de l’hébergeur : utilisez-le seulement si votre hébergeur l’indique, et uniquement avec TLS obligatoire.',
    ],
  },
  80: {
    summary: 'HTTP non chiffré : pages d’accès au webmail qui devraient rediriger vers HTTPS, ainsi que les replis non chiffrés d’autoconfig et la requête de redirection d’Autodiscover.',
    caveats: [
      'Ne vous connectez jamais à un webmail en HTTP non chiffré ; un site bien tenu redirige vers le port 443.',
      'Thunderbird se replie sur HTTP pour autoconfig s’il n’est pas réglé sur HTTPS seulement : vérifiez les réglages trouvés ainsi.',
    ],
  },
  106: {
    summary: 'poppassd : un ancien service non officiel que certains hébergeurs de messagerie proposaient pour changer son mot de passe.',
    caveats: [
      'L’IANA attribue le 106 à 3com-tsmux et signale un usage non autorisé connu de ce port.',
      'Il envoie l’ancien et le nouveau mot de passe en clair : changez plutôt votre mot de passe sur le site de votre fournisseur.',
    ],
  },
  109: {
    summary: 'POP2, l’ancêtre de POP3 (1985) : le port est toujours attribué, le protocole est obsolète.',
    caveats: [
      'En clair uniquement et non pris en charge par les logiciels actuels : utilisez POP3 sur le 995 ou IMAP sur le 993.',
    ],
  },
  110: {
    summary: 'POP3 : télécharge la boîte de réception sur un appareil ; la session commence en clair et passe en TLS avec STLS.',
    caveats: [
      'Préférez le 995. Sur le 110, rendez STLS (STARTTLS) obligatoire pour que votre mot de passe ne circule jamais en clair.',
      'POP3 n’atteint que la boîte de réception : dossiers du serveur, état lu et indicateurs ne sont pas synchronisés.',
    ],
  },
  143: {
    summary: 'IMAP : le courrier reste sur le serveur et se synchronise sur chaque appareil ; la session commence en clair et passe en TLS avec STARTTLS.',
    caveats: [
      'Préférez le 993. Sur le 143, rendez STARTTLS obligatoire pour que le mot de passe ne parte jamais avant la mise en place du TLS.',
    ],
  },
  220: {
    summary: 'IMAP3, une variante d’IMAP de 1991 dont la RFC est aujourd’hui historique ; le port est toujours attribué.',
    caveats: [
      'En clair uniquement et non pris en charge par les logiciels actuels : utilisez IMAP sur le 993.',
    ],
  },
  443: {
    summary: 'HTTPS : webmail, JMAP, Exchange ActiveSync et EWS, Autodiscover, autoconfig et politiques MTA-STS.',
    caveats: [
      'Les boîtes Exchange et Microsoft 365 fonctionnent le mieux ici, avec les protocoles Exchange trouvés par Autodiscover.',
      'JMAP ne fonctionne que si le fournisseur le propose (un enregistrement SRV _jmap._tcp ou /.well-known/jmap).',
    ],
  },
  465: {
    summary: 'Envoi de courrier avec TLS implicite : le TLS démarre dès que l’application se connecte, puis elle s’identifie et envoie. Le premier choix de la RFC 8314 pour l’envoi.',
    caveats: [
      'Historique : enregistré comme smtps à la fin des années 1990 puis retiré environ un an plus tard ; le port est passé à urd de Cisco, et la RFC 8314 (2018) y a ajouté submissions (enregistré le 12/12/2017).',
      'Choisissez SSL/TLS (TLS implicite) dans l’application ; STARTTLS sur le 465 bloque la connexion.',
      'Les guides qui disent le 465 obsolète ou non standard sont antérieurs à la RFC 8314, qui le préfère.',
      'Les scanners de ports et les anciens fichiers services peuvent encore l’appeler smtps ou urd.',
    ],
  },
  585: {
    summary: 'Anciennement imap4-ssl, IMAP sur SSL ; l’IANA a retiré ce nom le 25/04/2006 et renvoie au 993.',
    caveats: ['Utilisez le 993, le port IMAP enregistré avec TLS implicite.'],
  },
  587: {
    summary: 'Envoi de courrier : l’application se connecte en clair, passe en TLS avec STARTTLS, puis s’identifie et envoie.',
    caveats: [
      'Rendez STARTTLS obligatoire, pas « si disponible » : sinon un attaquant peut le supprimer et lire votre mot de passe.',
      'Le serveur n’accepte aucun courrier tant que vous ne vous êtes pas identifié.',
      'Choisir SSL/TLS (TLS implicite) sur le 587 bloque la connexion ; ce mode va avec le 465.',
    ],
  },
  993: {
    summary: 'IMAP avec TLS implicite : le premier choix pour lire son courrier sur autant d’appareils que l’on veut.',
    caveats: ['Le courrier gardé sur le serveur compte dans l’espace de votre boîte.'],
  },
  995: {
    summary: 'POP3 avec TLS implicite : le premier choix pour télécharger son courrier sur un seul appareil.',
    caveats: [
      'Si l’application ne laisse pas de copie sur le serveur, la copie téléchargée est la seule : sauvegardez-la.',
    ],
  },
  2000: {
    summary: 'Le port de ManageSieve avant sa RFC ; certains serveurs y gardent encore un ancien accès.',
    caveats: [
      'L’IANA attribue le 2000 à cisco-sccp (téléphones IP Cisco) : pare-feu et scanners peuvent le traiter comme de la téléphonie.',
      'Utilisez le 4190, le port ManageSieve enregistré.',
    ],
  },
  2525: {
    summary: 'Un port d’envoi de repli que proposent les services de relais et d’envoi transactionnel quand le 25 ou le 587 est bloqué.',
    caveats: [
      'L’IANA attribue le 2525 à ms-v-worlds, pas au courrier : c’est une convention de fournisseurs.',
      'Utilisez-le seulement si votre fournisseur l’indique, et uniquement avec TLS obligatoire (la plupart proposent STARTTLS).',
    ],
  },
  4190: {
    summary: 'ManageSieve : envoyer et modifier sur le serveur des scripts de filtrage (Sieve), comme les réponses d’absence et les règles de tri.',
    caveats: [
      'Les serveurs peuvent ne pas proposer STARTTLS ici : ne vous identifiez jamais tant que le TLS n’est pas actif.',
      'Les applications cherchent d’abord un enregistrement SRV _sieve._tcp et se rabattent sinon sur le 4190.',
    ],
  },
};
