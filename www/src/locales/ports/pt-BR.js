// Port lookup texts for locale pt-BR: the summary and caveats of every port
// the core knows, by number. The element loads this file when a visitor first
// looks up a port (i18n.js, loadPortTexts), not with the rest of the locale.
export default {
  24: {
    summary: 'LMTP por convenção: aqui o servidor de e-mail entrega as mensagens aceitas ao armazenamento das caixas postais (o padrão do Dovecot).',
    caveats: [
      'A IANA lista a 24 apenas como “qualquer sistema de e-mail privado”, sem nome de serviço; o LMTP em si não tem porta atribuída.',
      'É interna ao servidor, nunca uma configuração de aplicativo de e-mail: bloqueie-a no firewall para que só o agente de transferência de e-mail (MTA) possa se conectar.',
    ],
  },
  25: {
    summary: 'Retransmissão SMTP: aqui os servidores de e-mail trocam mensagens entre si, e os servidores MX recebem por ela.',
    caveats: [
      'Não é para aplicativos de e-mail: envie pela 465 (TLS implícito) ou pela 587 (STARTTLS).',
      'Muitas redes domésticas, corporativas e de nuvem bloqueiam conexões de saída para a porta 25.',
      'Aqui o TLS é oportunista: um MX público pode não exigir STARTTLS, então só o MTA-STS ou o DANE impedem um rebaixamento da segurança.',
    ],
  },
  26: {
    summary: 'Uma porta SMTP que algumas hospedagens compartilhadas abrem para contornar provedores de internet que bloqueiam a porta 25.',
    caveats: [
      'Não atribuída no registro da IANA e não definida por nenhum padrão.',
      'Se há TLS depende da hospedagem: use-a só se a sua hospedagem a documentar, e só com TLS obrigatório.',
    ],
  },
  80: {
    summary: 'HTTP sem criptografia: páginas de entrada de webmail que deveriam redirecionar para HTTPS, além das alternativas sem criptografia do autoconfig e da consulta de redirecionamento do Autodiscover.',
    caveats: [
      'Nunca faça login em um webmail por HTTP sem criptografia; um site bem administrado redireciona para a porta 443.',
      'O Thunderbird recorre ao HTTP para o autoconfig quando não está configurado só para HTTPS, então vale conferir as configurações encontradas assim.',
    ],
  },
  106: {
    summary: 'poppassd: um serviço antigo e não oficial que alguns serviços de hospedagem de e-mail ofereciam para trocar a senha.',
    caveats: [
      'A IANA atribui a 106 ao 3com-tsmux e registra um uso não autorizado conhecido da porta.',
      'Ele envia a senha antiga e a nova em texto aberto: troque a senha no site do seu provedor.',
    ],
  },
  109: {
    summary: 'POP2, o antecessor do POP3, de 1985: a porta continua atribuída, mas o protocolo está obsoleto.',
    caveats: ['Só sem criptografia e sem suporte nos programas atuais: use POP3 na 995 ou IMAP na 993.'],
  },
  110: {
    summary: 'POP3: baixa a caixa de entrada para um dispositivo; a sessão começa sem criptografia e passa para TLS com STLS.',
    caveats: [
      'Prefira a 995. Na 110, deixe o STLS (STARTTLS) como obrigatório, para que a sua senha nunca trafegue em texto aberto.',
      'O POP3 só alcança a caixa de entrada: pastas do servidor, status de lido e sinalizações não são sincronizados.',
    ],
  },
  143: {
    summary: 'IMAP: os e-mails ficam no servidor e sincronizam com todos os dispositivos; a sessão começa sem criptografia e passa para TLS com STARTTLS.',
    caveats: ['Prefira a 993. Na 143, deixe o STARTTLS como obrigatório, para que a senha nunca seja enviada antes do TLS.'],
  },
  220: {
    summary: 'IMAP3, uma variante do IMAP de 1991 cuja RFC hoje é histórica; a porta continua atribuída.',
    caveats: ['Só sem criptografia e sem suporte nos programas atuais: use IMAP na 993.'],
  },
  443: {
    summary: 'HTTPS: webmail, JMAP, Exchange ActiveSync e EWS, Autodiscover, autoconfig e políticas MTA-STS.',
    caveats: [
      'As caixas postais do Exchange e do Microsoft 365 funcionam melhor aqui, com os protocolos do Exchange encontrados pelo Autodiscover.',
      'O JMAP só funciona onde o provedor o oferece (um registro SRV _jmap._tcp ou /.well-known/jmap).',
    ],
  },
  465: {
    summary: 'Envio de e-mails com TLS implícito: o TLS começa no momento em que o aplicativo se conecta, depois ele faz login e envia. A primeira opção da RFC 8314 para envio.',
    caveats: [
      'Histórico: registrada como smtps no fim dos anos 1990 e retirada cerca de um ano depois; a porta passou para o urd da Cisco, e a RFC 8314 (2018) acrescentou submissions ao lado (registrado em 12/12/2017).',
      'Escolha SSL/TLS (TLS implícito) no aplicativo; STARTTLS na 465 faz a conexão travar.',
      'Os guias que chamam a 465 de obsoleta ou fora do padrão são anteriores à RFC 8314, que a prefere.',
      'Scanners de portas e arquivos services antigos ainda podem chamá-la de smtps ou urd.',
    ],
  },
  585: {
    summary: 'Antes imap4-ssl, IMAP sobre SSL; a IANA retirou o nome em 25/04/2006 e aponta para a 993.',
    caveats: ['Use a 993, a porta IMAP registrada com TLS implícito.'],
  },
  587: {
    summary: 'Envio de e-mails: o aplicativo se conecta sem criptografia, passa para TLS com STARTTLS, depois faz login e envia.',
    caveats: [
      'Deixe o STARTTLS como obrigatório, e não “se disponível”: senão um invasor pode removê-lo e ler a sua senha.',
      'O servidor não aceita e-mails até você fazer login.',
      'Escolher SSL/TLS (TLS implícito) na 587 faz a conexão travar; esse modo é o da 465.',
    ],
  },
  993: {
    summary: 'IMAP com TLS implícito: a primeira opção para ler e-mails em quantos dispositivos você quiser.',
    caveats: ['Os e-mails guardados no servidor contam para a cota da sua caixa postal.'],
  },
  995: {
    summary: 'POP3 com TLS implícito: a primeira opção para baixar e-mails para um único dispositivo.',
    caveats: ['Se o aplicativo não deixar cópias no servidor, a cópia baixada é a única: faça backup.'],
  },
  2000: {
    summary: 'Onde o ManageSieve escutava antes da sua RFC; alguns servidores ainda mantêm um acesso antigo aqui.',
    caveats: [
      'A IANA atribui a 2000 ao cisco-sccp (telefones IP da Cisco), então firewalls e scanners podem tratá-la como telefonia.',
      'Use a 4190, a porta registrada do ManageSieve.',
    ],
  },
  2525: {
    summary: 'Uma porta de envio alternativa que serviços de retransmissão e de e-mail transacional oferecem quando a 25 ou a 587 estão bloqueadas.',
    caveats: [
      'A IANA atribui a 2525 ao ms-v-worlds, não ao e-mail: é um costume entre fornecedores.',
      'Use-a só se o seu provedor a documentar, e só com TLS obrigatório (a maioria oferece STARTTLS).',
    ],
  },
  4190: {
    summary: 'ManageSieve: enviar e editar no servidor scripts de filtro (Sieve), como respostas automáticas de férias e regras de organização.',
    caveats: [
      'Aqui os servidores podem não oferecer STARTTLS: nunca faça login enquanto o TLS não estiver ativo.',
      'Os aplicativos procuram primeiro um registro SRV _sieve._tcp e, se não houver, usam a 4190.',
    ],
  },
};
