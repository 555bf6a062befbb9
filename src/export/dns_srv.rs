//! The RFC 6186 / RFC 8314 SRV records of the settings, as zone-file lines a
//! DNS administrator can paste: every service listed, the ones not offered
//! as `0 0 0 .`.
//!
//! ```
//! assert_eq!(mailports::export::SRV_SERVICES.len(), 6);
//! ```

use super::{cat, ExportSettings};
use crate::ports::Security;
use crate::settings::MailProtocol;

/// The SRV services of RFC 6186 and RFC 8314, in the order written, with the
/// protocol and TLS mode each one stands for. Submission has one priority
/// scale, reading mail another shared by IMAP and POP3 (RFC 6186 §3.4), and
/// along each scale the services come best first: implicit TLS before
/// STARTTLS (RFC 8314 §4.5.2), IMAP before POP3. Plaintext servers share the
/// STARTTLS label and come after the STARTTLS ones.
pub static SRV_SERVICES: &[(&str, MailProtocol, Security)] = &[
    (
        "_submissions._tcp",
        MailProtocol::Smtp,
        Security::ImplicitTls,
    ),
    ("_submission._tcp", MailProtocol::Smtp, Security::Starttls),
    ("_imaps._tcp", MailProtocol::Imap, Security::ImplicitTls),
    ("_imap._tcp", MailProtocol::Imap, Security::Starttls),
    ("_pop3s._tcp", MailProtocol::Pop3, Security::ImplicitTls),
    ("_pop3._tcp", MailProtocol::Pop3, Security::Starttls),
];

/// Spaces that line the record types up after the longest owner name.
fn pad(label: &str) -> &'static str {
    "                 ".get(label.len()..).unwrap_or("")
}

/// The zone-file lines for checked settings, with this TTL.
pub(super) fn write(s: &ExportSettings, ttl: u32) -> String {
    let mut out = String::with_capacity(1024);
    cat(
        &mut out,
        &[
            "; Mail service SRV records (RFC 6186, RFC 8314) for ",
            &s.domain,
            ", made by mailports.\n\
         ; Lower priority numbers are preferred: implicit TLS before STARTTLS,\n\
         ; IMAP before POP3. \"0 0 0 .\" says a service is not offered.\n$ORIGIN ",
            &s.domain,
            ".\n$TTL ",
            &ttl.to_string(),
            "\n",
        ],
    );
    // Priorities step by 10 along each scale, in the order written.
    let mut next = [0u32; 2];
    for &(label, protocol, security) in SRV_SERVICES {
        let sending = protocol == MailProtocol::Smtp;
        let servers = if sending { &s.outgoing } else { &s.incoming };
        let passes: &[Security] = if security == Security::ImplicitTls {
            &[Security::ImplicitTls]
        } else {
            &[Security::Starttls, Security::Plaintext]
        };
        let mut any = false;
        for &pass in passes {
            for srv in servers {
                if srv.protocol == protocol && srv.security == pass {
                    any = true;
                    let priority = &mut next[usize::from(sending)];
                    cat(
                        &mut out,
                        &[
                            label,
                            pad(label),
                            " IN SRV ",
                            &(*priority).min(65535).to_string(),
                            " 1 ",
                            &srv.port.to_string(),
                            " ",
                            &srv.hostname,
                            ".\n",
                        ],
                    );
                    *priority += 10;
                }
            }
        }
        if !any {
            cat(&mut out, &[label, pad(label), " IN SRV 0 0 0 .\n"]);
        }
    }
    out
}
