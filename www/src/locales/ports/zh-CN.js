// Port lookup texts for locale zh-CN: the summary and caveats of every port
// the core knows, by number. The element loads this file when a visitor first
// looks up a port (i18n.js, loadPortTexts), not with the rest of the locale.
export default {
  24: {
    summary: '按照惯例用于 LMTP：邮件服务器在这里把已接收的邮件交给邮箱存储（Dovecot 的默认设置）。',
    caveats: [
      'IANA 只把 24 列为“任意私人邮件系统”，没有服务名称；LMTP 本身没有分配端口。',
      '仅供服务器内部使用，从来不是邮件客户端的设置：请用防火墙封闭它，只允许邮件传输代理（MTA）连接。',
    ],
  },
  25: {
    summary: 'SMTP 中继：邮件服务器在这里互相转交邮件，MX 主机也在此端口接收邮件。',
    caveats: [
      '不适用于邮件客户端：请改用 465（隐式 TLS）或 587（STARTTLS）发信。',
      '许多家庭、办公和云网络都会封锁连接到端口 25 的外发连接。',
      '这里的 TLS 是“能用则用”：公共 MX 未必强制 STARTTLS，只有 MTA-STS 或 DANE 才能防止安全性被降级。',
    ],
  },
  26: {
    summary: '一些共享虚拟主机开放的 SMTP 端口，用来绕过封锁端口 25 的网络运营商。',
    caveats: [
      '在 IANA 注册表中未分配，也没有任何标准定义它。',
      '是否提供 TLS 取决于主机商：只有主机商的文档中写明时才使用，并且要将 TLS 设为必需。',
    ],
  },
  80: {
    summary: '不加密的 HTTP：应当跳转到 HTTPS 的网页版邮箱入口页面，以及 autoconfig 的明文后备方式和自动发现（Autodiscover）的跳转探测。',
    caveats: [
      '切勿通过不加密的 HTTP 登录网页版邮箱；管理良好的网站会跳转到端口 443。',
      '除非设置为仅用 HTTPS，Thunderbird 会退回用 HTTP 获取 autoconfig，因此通过这种方式找到的设置值得再核对一遍。',
    ],
  },
  106: {
    summary: 'poppassd：一些邮件托管商过去运行的一种非官方旧服务，供用户修改密码。',
    caveats: [
      'IANA 把 106 分配给 3com-tsmux，并注明此端口存在已知的未授权使用。',
      '它以明文发送旧密码和新密码：请改到服务商的网站上修改密码。',
    ],
  },
  109: {
    summary: 'POP2，1985 年的 POP3 前身：端口仍然保留分配，但协议已经过时。',
    caveats: ['只支持明文，当前软件也不再支持：请使用 995 上的 POP3 或 993 上的 IMAP。'],
  },
  110: {
    summary: 'POP3：把收件箱下载到一台设备上；会话一开始不加密，之后通过 STLS 切换到 TLS。',
    caveats: [
      '更推荐 995。在 110 上请将 STLS（STARTTLS）设为必需，这样您的密码就不会以明文传输。',
      'POP3 只能访问收件箱：服务器上的文件夹、已读状态和标记都不会同步。',
    ],
  },
  143: {
    summary: 'IMAP：邮件保留在服务器上并同步到每台设备；会话一开始不加密，之后通过 STARTTLS 切换到 TLS。',
    caveats: ['更推荐 993。在 143 上请将 STARTTLS 设为必需，这样密码就不会在 TLS 建立之前被发送。'],
  },
  220: {
    summary: 'IMAP3，1991 年的一种 IMAP 变体，其 RFC 现已被列为“历史性”文档；端口仍然保留分配。',
    caveats: ['只支持明文，当前软件也不再支持：请使用 993 上的 IMAP。'],
  },
  443: {
    summary: 'HTTPS：网页版邮箱、JMAP、Exchange ActiveSync 和 EWS、自动发现（Autodiscover）、autoconfig 以及 MTA-STS 策略。',
    caveats: [
      'Exchange 和 Microsoft 365 邮箱在这里效果最好，使用通过自动发现找到的 Exchange 协议。',
      '只有服务商提供 JMAP 时才能使用（_jmap._tcp SRV 记录或 /.well-known/jmap）。',
    ],
  },
  465: {
    summary: '使用隐式 TLS 发送邮件：客户端一连接就启动 TLS，然后登录并发信。这是 RFC 8314 推荐的首选发信方式。',
    caveats: [
      '历史：上世纪 90 年代末注册为 smtps，约一年后被撤销；端口转给了 Cisco 的 urd，RFC 8314（2018 年）又在旁边加上了 submissions（2017 年 12 月 12 日注册）。',
      '请在客户端中选择 SSL/TLS（隐式 TLS）；在 465 上使用 STARTTLS 会让连接卡住。',
      '说 465 已弃用或不标准的教程，写于更推荐它的 RFC 8314 之前。',
      '端口扫描工具和旧的 services 文件可能仍把它叫作 smtps 或 urd。',
    ],
  },
  585: {
    summary: '以前的 imap4-ssl，即基于 SSL 的 IMAP；IANA 已于 2006 年 4 月 25 日撤销这个名称，并指向 993。',
    caveats: ['请使用 993，即已注册的隐式 TLS IMAP 端口。'],
  },
  587: {
    summary: '邮件发送：客户端先以明文连接，通过 STARTTLS 切换到 TLS，然后登录并发信。',
    caveats: [
      '请将 STARTTLS 设为“必需”，而不是“可用时使用”：否则攻击者可能去掉它并读取您的密码。',
      '在您登录之前，服务器不接收任何邮件。',
      '在 587 上选择 SSL/TLS（隐式 TLS）会让连接卡住；这种方式应配合 465 使用。',
    ],
  },
  993: {
    summary: '使用隐式 TLS 的 IMAP：无论在多少台设备上阅读邮件，都是首选。',
    caveats: ['保留在服务器上的邮件会占用您的邮箱空间。'],
  },
  995: {
    summary: '使用隐式 TLS 的 POP3：把邮件下载到单台设备上的首选。',
    caveats: ['除非客户端在服务器上保留副本，否则下载下来的就是唯一的一份：请做好备份。'],
  },
  2000: {
    summary: 'ManageSieve 在有自己的 RFC 之前使用的端口；部分服务器仍在这里保留旧的监听。',
    caveats: [
      'IANA 把 2000 分配给 cisco-sccp（Cisco IP 电话），因此防火墙和扫描工具可能把它当作电话流量。',
      '请使用 4190，即已注册的 ManageSieve 端口。',
    ],
  },
  2525: {
    summary: '当 25 或 587 被封锁时，邮件中继和事务邮件服务提供的备用发信端口。',
    caveats: [
      'IANA 把 2525 分配给 ms-v-worlds，而不是邮件：这只是服务商之间的惯例。',
      '只有您的服务商在文档中写明时才使用，并且要将 TLS 设为必需（大多数提供 STARTTLS）。',
    ],
  },
  4190: {
    summary: 'ManageSieve：上传和编辑服务器端的过滤脚本（Sieve），例如假期自动回复和分类规则。',
    caveats: [
      '服务器在这里可能不提供 STARTTLS：在 TLS 建立之前，切勿登录。',
      '客户端会先查找 _sieve._tcp SRV 记录，找不到时再使用 4190。',
    ],
  },
};
