// Port lookup texts for locale es: the summary and caveats of every port
// the core knows, by number. The element loads this file when a visitor first
// looks up a port (i18n.js, loadPortTexts), not with the rest of the locale.
export default {
  24: {
    summary: 'LMTP por convención: aquí el servidor de correo entrega los mensajes aceptados al almacén de buzones (lo predeterminado en Dovecot).',
    caveats: [
      'La IANA solo describe el 24 como «cualquier sistema de correo privado», sin nombre de servicio; LMTP no tiene un puerto asignado.',
      'Es interno del servidor, nunca un ajuste de la aplicación de correo: protéjalo con el cortafuegos para que solo el agente de transferencia (MTA) pueda conectarse.',
    ],
  },
  25: {
    summary: 'Retransmisión SMTP: aquí los servidores de correo se pasan los mensajes entre sí, y los servidores MX los reciben.',
    caveats: [
      'No es para aplicaciones de correo: envíe por el 465 (TLS implícito) o el 587 (STARTTLS).',
      'Muchas redes domésticas, de oficina y en la nube bloquean las conexiones salientes al puerto 25.',
      'Aquí el TLS es oportunista: un MX público puede no exigir STARTTLS, así que solo MTA-STS o DANE impiden que se rebaje la seguridad.',
    ],
  },
  26: {
    summary: 'Un puerto SMTP que abren algunos alojamientos web compartidos para esquivar a los proveedores de internet que bloquean el puerto 25.',
    caveats: [
      'Sin asignar en el registro de la IANA y sin ninguna norma que lo defina.',
      'Que ofrezca TLS depende del alojamiento: úselo solo si su alojamiento lo documenta, y solo con TLS obligatorio.',
    ],
  },
  80: {
    summary: 'HTTP sin cifrar: páginas de entrada al correo web que deberían redirigir a HTTPS, además de las alternativas sin cifrar de autoconfig y la consulta de redirección de Autodiscover.',
    caveats: [
      'No inicie sesión nunca en un correo web por HTTP sin cifrar; un sitio bien gestionado redirige al puerto 443.',
      'Thunderbird recurre a HTTP para autoconfig si no está configurado como «solo HTTPS», así que conviene revisar la configuración encontrada así.',
    ],
  },
  106: {
    summary: 'poppassd: un servicio antiguo y no oficial que algunos proveedores de correo ofrecían para cambiar la contraseña.',
    caveats: [
      'La IANA asigna el 106 a 3com-tsmux y señala un uso no autorizado conocido del puerto.',
      'Envía la contraseña antigua y la nueva sin cifrar: cambie su contraseña en la web de su proveedor.',
    ],
  },
  109: {
    summary: 'POP2, el antecesor de POP3 de 1985: el puerto sigue asignado, pero el protocolo está obsoleto.',
    caveats: ['Solo sin cifrar y sin soporte en el software actual: use POP3 en el 995 o IMAP en el 993.'],
  },
  110: {
    summary: 'POP3: descarga la bandeja de entrada en un dispositivo; la sesión empieza sin cifrar y pasa a TLS con STLS.',
    caveats: [
      'Mejor el 995. En el 110, ponga STLS (STARTTLS) como obligatorio para que su contraseña nunca viaje sin cifrar.',
      'POP3 solo llega a la bandeja de entrada: las carpetas del servidor, el estado de lectura y las marcas no se sincronizan.',
    ],
  },
  143: {
    summary: 'IMAP: el correo se queda en el servidor y se sincroniza con cada dispositivo; la sesión empieza sin cifrar y pasa a TLS con STARTTLS.',
    caveats: [
      'Mejor el 993. En el 143, ponga STARTTLS como obligatorio para que la contraseña nunca se envíe antes de activar el TLS.',
    ],
  },
  220: {
    summary: 'IMAP3, una variante de IMAP de 1991 cuyo RFC hoy es histórico; el puerto sigue asignado.',
    caveats: ['Solo sin cifrar y sin soporte en el software actual: use IMAP en el 993.'],
  },
  443: {
    summary: 'HTTPS: correo web, JMAP, Exchange ActiveSync y EWS, Autodiscover, autoconfig y políticas MTA-STS.',
    caveats: [
      'Los buzones de Exchange y Microsoft 365 funcionan mejor aquí, con los protocolos de Exchange encontrados mediante Autodiscover.',
      'JMAP solo funciona donde el proveedor lo ofrece (un registro SRV _jmap._tcp o /.well-known/jmap).',
    ],
  },
  465: {
    summary: 'Envío de correo con TLS implícito: el TLS empieza en cuanto la aplicación se conecta; después inicia sesión y envía. La primera opción del RFC 8314 para enviar.',
    caveats: [
      'Historia: se registró como smtps a finales de los años noventa y se retiró un año después; el puerto pasó a urd de Cisco, y el RFC 8314 (2018) le añadió submissions (registrado el 12/12/2017).',
      'Elija SSL/TLS (TLS implícito) en la aplicación; STARTTLS en el 465 deja la conexión colgada.',
      'Las guías que llaman al 465 obsoleto o no estándar son anteriores al RFC 8314, que lo prefiere.',
      'Los escáneres de puertos y los archivos services antiguos aún pueden llamarlo smtps o urd.',
    ],
  },
  585: {
    summary: 'Antes imap4-ssl, IMAP sobre SSL; la IANA retiró el nombre el 25/04/2006 y remite al 993.',
    caveats: ['Use el 993, el puerto IMAP registrado con TLS implícito.'],
  },
  587: {
    summary: 'Envío de correo: la aplicación se conecta sin cifrar, pasa a TLS con STARTTLS y luego inicia sesión y envía.',
    caveats: [
      'Ponga STARTTLS como obligatorio, no «si está disponible»: si no, un atacante puede quitarlo y leer su contraseña.',
      'El servidor no acepta correo hasta que usted inicia sesión.',
      'Elegir SSL/TLS (TLS implícito) en el 587 deja la conexión colgada; ese modo corresponde al 465.',
    ],
  },
  993: {
    summary: 'IMAP con TLS implícito: la primera opción para leer el correo en tantos dispositivos como quiera.',
    caveats: ['El correo guardado en el servidor cuenta para el espacio de su buzón.'],
  },
  995: {
    summary: 'POP3 con TLS implícito: la primera opción para descargar el correo en un solo dispositivo.',
    caveats: [
      'Si la aplicación no deja copias en el servidor, la copia descargada es la única: haga copias de seguridad.',
    ],
  },
  2000: {
    summary: 'Donde escuchaba ManageSieve antes de su RFC; algunos servidores aún mantienen aquí un acceso antiguo.',
    caveats: [
      'La IANA asigna el 2000 a cisco-sccp (teléfonos IP de Cisco), así que cortafuegos y escáneres pueden tratarlo como telefonía.',
      'Use el 4190, el puerto ManageSieve registrado.',
    ],
  },
  2525: {
    summary: 'Un puerto de envío alternativo que ofrecen los servicios de retransmisión y de correo transaccional cuando el 25 o el 587 están bloqueados.',
    caveats: [
      'La IANA asigna el 2525 a ms-v-worlds, no al correo: es una costumbre de los proveedores.',
      'Úselo solo si su proveedor lo documenta, y solo con TLS obligatorio (la mayoría ofrece STARTTLS).',
    ],
  },
  4190: {
    summary: 'ManageSieve: subir y editar en el servidor scripts de filtrado (Sieve), como respuestas de ausencia y reglas de clasificación.',
    caveats: [
      'Puede que los servidores no ofrezcan STARTTLS aquí: no inicie sesión nunca mientras el TLS no esté activo.',
      'Las aplicaciones buscan primero un registro SRV _sieve._tcp y, si no lo hay, usan el 4190.',
    ],
  },
};
