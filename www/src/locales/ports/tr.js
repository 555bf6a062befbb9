// Port lookup texts for locale tr: the summary and caveats of every port
// the core knows, by number. The element loads this file when a visitor first
// looks up a port (i18n.js, loadPortTexts), not with the rest of the locale.
export default {
  24: {
    summary: 'Yerleşik alışkanlıkla LMTP: posta sunucusu kabul ettiği iletileri burada posta kutusu deposuna teslim eder (Dovecot’un varsayılanı).',
    caveats: [
      'IANA 24’ü yalnızca “herhangi bir özel posta sistemi” olarak, hizmet adı olmadan listeler; LMTP’nin kendine atanmış bir bağlantı noktası yoktur.',
      'Sunucu içidir, asla bir e-posta uygulaması ayarı değildir: yalnızca posta aktarım aracısı (MTA) bağlanabilsin diye güvenlik duvarıyla kapatın.',
    ],
  },
  25: {
    summary: 'SMTP aktarımı: posta sunucuları iletileri burada birbirine aktarır ve MX sunucuları postayı bu bağlantı noktasından alır.',
    caveats: [
      'E-posta uygulamaları için değildir: bunun yerine 465 (örtük TLS) veya 587 (STARTTLS) üzerinden gönderin.',
      'Birçok ev, ofis ve bulut ağı 25’e giden bağlantıları engeller.',
      'Buradaki TLS fırsatçıdır: herkese açık bir MX STARTTLS’de ısrar etmeyebilir; güvenliğin düşürülmesini yalnızca MTA-STS veya DANE önler.',
    ],
  },
  26: {
    summary: 'Bazı paylaşımlı web barındırma hizmetlerinin, 25’i engelleyen internet servis sağlayıcılarını aşmak için açtığı bir SMTP bağlantı noktası.',
    caveats: [
      'IANA kayıtlarında atanmamıştır ve hiçbir standartta tanımlanmamıştır.',
      'TLS sunulup sunulmadığı barındırma hizmetine bağlıdır: yalnızca hizmetiniz belgeliyorsa ve yalnızca TLS zorunluyken kullanın.',
    ],
  },
  80: {
    summary: 'Şifresiz HTTP: HTTPS’ye yönlendirmesi gereken web posta giriş sayfaları, ayrıca autoconfig’in şifresiz yedek yolları ve Autodiscover yönlendirme yoklaması.',
    caveats: [
      'Web postaya asla şifresiz HTTP üzerinden giriş yapmayın; iyi yönetilen bir site 443’e yönlendirir.',
      'Thunderbird, “yalnızca HTTPS” olarak ayarlanmamışsa autoconfig için HTTP’ye düşer; bu yolla bulunan ayarları bir kez daha kontrol edin.',
    ],
  },
  106: {
    summary: 'poppassd: bazı posta barındırıcılarının, kullanıcılar parolalarını değiştirebilsin diye çalıştırdığı eski ve resmî olmayan bir hizmet.',
    caveats: [
      'IANA 106’yı 3com-tsmux’a atar ve bu bağlantı noktasının bilinen izinsiz kullanımını not eder.',
      'Eski ve yeni parolayı açık metin olarak gönderir: parolanızı bunun yerine sağlayıcınızın web sitesinde değiştirin.',
    ],
  },
  109: {
    summary: 'POP3’ün 1985’teki öncüsü POP2: bağlantı noktası hâlâ atanmış durumda, protokol ise eskimiş.',
    caveats: ['Yalnızca şifresizdir ve güncel yazılımlar desteklemez: 995’te POP3 ya da 993’te IMAP kullanın.'],
  },
  110: {
    summary: 'POP3: gelen kutusunu tek bir cihaza indirir; oturum şifresiz başlar ve STLS ile TLS’ye geçer.',
    caveats: [
      '995’i tercih edin. 110’da STLS’yi (STARTTLS) zorunlu yapın ki parolanız asla açık metin olarak gitmesin.',
      'POP3 yalnızca gelen kutusuna ulaşır: sunucudaki klasörler, okundu durumu ve işaretler eşitlenmez.',
    ],
  },
  143: {
    summary: 'IMAP: posta sunucuda kalır ve her cihazla eşitlenir; oturum şifresiz başlar ve STARTTLS ile TLS’ye geçer.',
    caveats: ['993’ü tercih edin. 143’te STARTTLS’yi zorunlu yapın ki parola TLS kurulmadan asla gönderilmesin.'],
  },
  220: {
    summary: 'IMAP3, RFC’si artık tarihî sayılan 1991 tarihli bir IMAP çeşidi; bağlantı noktası hâlâ atanmış durumda.',
    caveats: ['Yalnızca şifresizdir ve güncel yazılımlar desteklemez: 993’te IMAP kullanın.'],
  },
  443: {
    summary: 'HTTPS: web posta, JMAP, Exchange ActiveSync ve EWS, Autodiscover, autoconfig ve MTA-STS ilkeleri.',
    caveats: [
      'Exchange ve Microsoft 365 posta kutuları en iyi burada, Autodiscover ile bulunan Exchange protokolleriyle çalışır.',
      'JMAP yalnızca sağlayıcı sunuyorsa çalışır (bir _jmap._tcp SRV kaydı ya da /.well-known/jmap).',
    ],
  },
  465: {
    summary: 'Örtük TLS ile posta gönderme: TLS uygulama bağlandığı anda başlar, ardından uygulama oturum açar ve gönderir. RFC 8314’e göre göndermek için ilk tercih.',
    caveats: [
      'Tarihçe: 1990’ların sonunda smtps olarak kaydedildi ve yaklaşık bir yıl sonra geri çekildi; bağlantı noktası Cisco’nun urd hizmetine geçti, RFC 8314 (2018) ise yanına submissions’ı ekledi (kayıt tarihi 12.12.2017).',
      'Uygulamada SSL/TLS (örtük TLS) seçin; 465’te STARTTLS bağlantının takılmasına yol açar.',
      '465’i eskimiş ya da standart dışı diye anlatan kılavuzlar, onu tercih eden RFC 8314’ten öncesine aittir.',
      'Bağlantı noktası tarayıcıları ve eski services dosyaları onu hâlâ smtps ya da urd diye adlandırabilir.',
    ],
  },
  585: {
    summary: 'Eskiden imap4-ssl, yani SSL üzerinden IMAP; IANA bu adı 25.04.2006’da geri çekti ve 993’ü gösteriyor.',
    caveats: ['Örtük TLS’li kayıtlı IMAP bağlantı noktası olan 993’ü kullanın.'],
  },
  587: {
    summary: 'Posta gönderme: uygulama şifresiz bağlanır, STARTTLS ile TLS’ye geçer, ardından oturum açar ve gönderir.',
    caveats: [
      'STARTTLS’yi “varsa” değil, zorunlu olarak ayarlayın: aksi hâlde bir saldırgan onu kaldırıp parolanızı okuyabilir.',
      'Siz oturum açana kadar sunucu hiçbir posta kabul etmez.',
      '587’de SSL/TLS (örtük TLS) seçmek bağlantının takılmasına yol açar; o mod 465 içindir.',
    ],
  },
  993: {
    summary: 'Örtük TLS ile IMAP: postayı istediğiniz sayıda cihazda okumak için ilk tercih.',
    caveats: ['Sunucuda tutulan posta, posta kutunuzun kotasından düşer.'],
  },
  995: {
    summary: 'Örtük TLS ile POP3: postayı tek bir cihaza indirmek için ilk tercih.',
    caveats: ['Uygulama sunucuda kopya bırakmıyorsa indirilen kopya tek kopyadır: yedekleyin.'],
  },
  2000: {
    summary: 'ManageSieve’in kendi RFC’sinden önce dinlediği yer; bazı sunucular burada hâlâ eski bir giriş tutuyor.',
    caveats: [
      'IANA 2000’i cisco-sccp’ye (Cisco IP telefonları) atar; bu yüzden güvenlik duvarları ve tarayıcılar onu telefon trafiği sayabilir.',
      'Kayıtlı ManageSieve bağlantı noktası olan 4190’ı kullanın.',
    ],
  },
  2525: {
    summary: 'Aktarım ve toplu gönderim hizmetlerinin, 25 veya 587 engellendiğinde sunduğu yedek gönderme bağlantı noktası.',
    caveats: [
      'IANA 2525’i postaya değil ms-v-worlds’e atar: bu, sağlayıcılar arasında bir alışkanlıktır.',
      'Yalnızca sağlayıcınız belgeliyorsa ve yalnızca TLS zorunluyken kullanın (çoğu STARTTLS sunar).',
    ],
  },
  4190: {
    summary: 'ManageSieve: tatil yanıtları ve sıralama kuralları gibi sunucu tarafı filtre betiklerini (Sieve) yükleme ve düzenleme.',
    caveats: [
      'Sunucular burada STARTTLS sunmayabilir: TLS kurulmadıkça asla oturum açmayın.',
      'Uygulamalar önce bir _sieve._tcp SRV kaydı arar, yoksa 4190’a döner.',
    ],
  },
};
