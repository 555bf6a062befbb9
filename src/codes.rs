// The enums that the compiled provider table stores as one-letter codes, each
// variant with its JS name and its letter. This file is read twice: by the
// crate (src/lib.rs, through `named_enum!` in src/named.rs) and by build.rs,
// which writes the table with these letters. It holds nothing but the four
// definitions, so that both can include it. The crate re-exports each enum
// from its home module: `settings::{MailProtocol, Auth}`, `ports::Security`
// and `provenance::Source`.

named_enum! {
    /// The three protocols a mail client is configured with.
    pub enum MailProtocol {
        /// IMAP: mail stays on the server, synced to every device.
        Imap = "imap" 'i',
        /// POP3: mail is downloaded to one device.
        Pop3 = "pop3" 'p',
        /// SMTP submission: sending.
        Smtp = "smtp" 's',
    }
}

named_enum! {
    /// How a connection on a port is protected.
    pub enum Security {
        /// TLS starts as soon as the TCP connection is open.
        ImplicitTls = "implicit-tls" 't',
        /// The session starts in clear text and is upgraded with STARTTLS/STLS.
        Starttls = "starttls" 's',
        /// No TLS at all.
        Plaintext = "plaintext" 'p',
    }
}

named_enum! {
    /// How a client proves who it is to a server.
    pub enum Auth {
        /// The account (or app) password, sent inside TLS.
        Password = "password" 'p',
        /// A challenge-response password mechanism such as CRAM-MD5.
        PasswordEncrypted = "password-encrypted" 'e',
        /// OAuth 2.0 sign-in through the provider's web page.
        Oauth2 = "oauth2" 'o',
        /// Kerberos / GSSAPI.
        Gssapi = "gssapi" 'g',
        /// NTLM (Microsoft).
        Ntlm = "ntlm" 'n',
        /// Allowed by the client's network address, no login.
        ClientIpAddress = "client-ip-address" 'c',
        /// No authentication.
        None = "none" 'x',
    }
}

named_enum! {
    /// A source of provider facts, in order of preference. In the compiled
    /// table, `s` stands for a reviewed page that is not the provider's own
    /// (see `SourceRef::second_hand`), so no source may use that letter.
    pub enum Source {
        /// The project's reviewed layer: checked by a person against the
        /// provider's help pages (MIT OR Apache-2.0).
        Reviewed = "reviewed" 'r',
        /// Thunderbird ISPDB (MPL-2.0).
        Ispdb = "ispdb" 'i',
        /// Delta Chat provider database (MPL-2.0).
        Deltachat = "deltachat" 'd',
        /// nodemailer's well-known services (MIT-0).
        Nodemailer = "nodemailer" 'n',
        /// Registered at run time by the embedding page.
        Custom = "custom" 'c',
    }
}
