//! The Apple configuration profile: an XML property list with one
//! `com.apple.mail.managed` payload, for Mail on iPhone, iPad and Mac, with
//! identifiers and UUIDs that stay the same when it is made again.
//!
//! ```
//! let u = mailports::export::uuid_v8("mailports.example");
//! assert_eq!(&u[14..15], "8"); // version 8
//! ```

use super::check::Email;
use super::{cat, display_name, json, push_xml, rank, ExportOptions, ExportSettings};
use crate::placeholders;
use crate::ports::Security;
use crate::settings::{Auth, MailProtocol, Server};
use crate::{Error, Result};

/// The Apple name of the first method a profile can express, if any; an empty
/// list means a password.
fn apple_auth(auths: &[Auth]) -> Option<&'static str> {
    if auths.is_empty() {
        return Some("EmailAuthPassword");
    }
    auths.iter().find_map(|a| match a {
        Auth::Password => Some("EmailAuthPassword"),
        Auth::PasswordEncrypted => Some("EmailAuthCRAMMD5"),
        Auth::Ntlm => Some("EmailAuthNTLM"),
        Auth::None | Auth::ClientIpAddress => Some("EmailAuthNone"),
        Auth::Oauth2 | Auth::Gssapi => None,
    })
}

/// The user name to write into a profile: placeholders resolved with the
/// address, or `None` (the device asks) when there is no address.
pub(super) fn resolve_username(template: &str, email: Option<&Email>) -> Option<String> {
    match email {
        Some(e) => Some(if template.is_empty() {
            e.address.clone()
        } else {
            placeholders::fill_user(template, &e.local, &e.domain)
        }),
        None if template.is_empty() || template.contains('%') => None,
        None => Some(template.to_owned()),
    }
}

/// A reverse-DNS identifier: dot-separated labels of ASCII letters, digits and
/// hyphens.
fn check_identifier(id: &str) -> Result<String> {
    let id = id.trim();
    let ok = !id.is_empty()
        && id.len() <= 200
        && id
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    if ok {
        Ok(id.to_owned())
    } else {
        Err(Error::InvalidArgument(
            "identifier must be a reverse-DNS name such as com.example (letters, digits, hyphens and dots)"
                .into(),
        ))
    }
}

/// FNV-1a, 128-bit (the FNV parameters published with the algorithm): a
/// small, well-known, non-cryptographic hash.
///
/// ```
/// assert_eq!(mailports::export::fnv1a_128(b"a"), 0xd228cb696f1a8caf78912b704e4a8964);
/// ```
pub fn fnv1a_128(bytes: &[u8]) -> u128 {
    const PRIME: u128 = (1 << 88) + 0x13b;
    bytes
        .iter()
        .fold(0x6c62272e07bb014262b821756295c58d, |h, &b| {
            (h ^ u128::from(b)).wrapping_mul(PRIME)
        })
}

/// A UUID derived from `name`: version 8 (RFC 9562 §5.8, "custom") with the
/// 122 free bits taken from [`fnv1a_128`] of the name. The same inputs always
/// give the same UUID, so a re-exported profile is byte-for-byte the same
/// file. A profile's UUIDs only need to differ between profiles, not to
/// resist an attacker, and this costs a few hundred bytes of wasm where
/// SHA-1 for a version-5 UUID costs several kilobytes.
///
/// ```
/// let u = mailports::export::uuid_v8("mailports.example");
/// assert_eq!(u, "534aebdc-0c43-8762-b0a1-e4711a0869de");
/// ```
pub fn uuid_v8(name: &str) -> String {
    let h = fnv1a_128(name.as_bytes());
    let h = (h & !(0xf << 76) & !(0x3 << 62)) | (0x8 << 76) | (0x2 << 62);
    let hex = format!("{h:032x}");
    let mut out = String::with_capacity(36);
    for (i, c) in hex.chars().enumerate() {
        if matches!(i, 8 | 12 | 16 | 20) {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// Appends `<key>key</key><string>value</string>` (value escaped) at depth
/// `tabs`.
fn plist_string(out: &mut String, tabs: &str, key: &str, value: &str) {
    plist_raw(out, tabs, key, "<string>");
    push_xml(out, value);
    out.push_str("</string>\n");
}

/// Appends `<key>key</key>` and the start of a value written by the caller
/// (`value` is trusted markup such as `<true/>`).
fn plist_raw(out: &mut String, tabs: &str, key: &str, value: &str) {
    cat(out, &[tabs, "<key>", key, "</key>\n", tabs, value]);
}

/// The profile for checked settings.
pub(super) fn write(
    s: &ExportSettings,
    email: Option<&Email>,
    options: &ExportOptions,
) -> Result<String> {
    let pick = |servers: &[Server]| servers.iter().min_by_key(|srv| rank(srv)).cloned();
    let (Some(incoming), Some(outgoing)) = (pick(&s.incoming), pick(&s.outgoing)) else {
        return Err(Error::MissingServer("incoming"));
    };
    let mut auths = [""; 2];
    for (slot, srv) in auths.iter_mut().zip([&incoming, &outgoing]) {
        *slot = apple_auth(&srv.auth).ok_or_else(|| {
            Error::UnsupportedSettings(
                "Apple profiles cannot set up OAuth2 or Kerberos sign-in; the server offers nothing else"
                    .into(),
            )
        })?;
    }
    let organization = match &options.organization {
        Some(o) if !o.trim().is_empty() => {
            super::check::check_text("organization", o)?;
            Some(o.as_str())
        }
        _ => None,
    };
    let prefix = match &options.identifier {
        Some(id) => check_identifier(id)?,
        None => {
            let labels: Vec<&str> = s.domain.split('.').collect();
            let mut reversed = String::with_capacity(s.domain.len());
            for label in labels.iter().rev() {
                if !reversed.is_empty() {
                    reversed.push('.');
                }
                reversed.push_str(label);
            }
            reversed
        }
    };
    // One profile per domain, or per account when the address is known, so
    // installing it again replaces the old one instead of adding a second.
    let profile_id = match email {
        Some(e) => format!("{prefix}.mail.{}", &uuid_v8(&e.address)[..8]),
        None => format!("{prefix}.mail"),
    };
    let account_id = format!("{profile_id}.account");
    // Everything the profile says goes into its UUIDs.
    let seed = format!(
        "mailports:apple-mobileconfig\n{}\n{}\n{}",
        organization.unwrap_or(""),
        email.map_or("", |e| &e.address),
        json::write(s)
    );
    let name = display_name(s);

    let mut out = String::with_capacity(3072);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <plist version=\"1.0\">\n<dict>\n\t<key>PayloadContent</key>\n\t<array>\n\t\t<dict>\n",
    );
    let t = "\t\t\t";
    plist_string(&mut out, t, "EmailAccountDescription", name);
    let kind = if incoming.protocol == MailProtocol::Pop3 {
        "EmailTypePOP"
    } else {
        "EmailTypeIMAP"
    };
    plist_string(&mut out, t, "EmailAccountType", kind);
    if let Some(e) = email {
        plist_string(&mut out, t, "EmailAddress", &e.address);
    }
    for ((side, srv), auth) in [("Incoming", &incoming), ("Outgoing", &outgoing)]
        .into_iter()
        .zip(auths)
    {
        let key = |k: &str| format!("{side}MailServer{k}");
        plist_string(&mut out, t, &key("Authentication"), auth);
        plist_string(&mut out, t, &key("HostName"), &srv.hostname);
        plist_raw(&mut out, t, &key("PortNumber"), "<integer>");
        cat(&mut out, &[&srv.port.to_string(), "</integer>\n"]);
        let tls = if srv.security == Security::Plaintext {
            "<false/>\n"
        } else {
            "<true/>\n"
        };
        plist_raw(&mut out, t, &key("UseSSL"), tls);
        if let Some(user) = resolve_username(&srv.username, email) {
            plist_string(&mut out, t, &key("Username"), &user);
        }
    }
    plist_raw(
        &mut out,
        t,
        "OutgoingPasswordSameAsIncomingPassword",
        "<true/>\n",
    );
    let what = format!("Mail account settings for {}", s.domain);
    // The account payload, then the profile around it: the same keys.
    for (t, description, display, id, kind) in [
        (
            t,
            what.as_str(),
            name,
            &account_id,
            "com.apple.mail.managed",
        ),
        ("\t", what.as_str(), name, &profile_id, "Configuration"),
    ] {
        plist_string(&mut out, t, "PayloadDescription", description);
        plist_string(&mut out, t, "PayloadDisplayName", display);
        plist_string(&mut out, t, "PayloadIdentifier", id);
        if t == "\t" {
            if let Some(org) = organization {
                plist_string(&mut out, t, "PayloadOrganization", org);
            }
            plist_raw(&mut out, t, "PayloadRemovalDisallowed", "<false/>\n");
        }
        plist_string(&mut out, t, "PayloadType", kind);
        plist_string(
            &mut out,
            t,
            "PayloadUUID",
            &uuid_v8(&format!("{id}\n{seed}")),
        );
        plist_raw(&mut out, t, "PayloadVersion", "<integer>1</integer>\n");
        if t != "\t" {
            out.push_str("\t\t</dict>\n\t</array>\n");
        }
    }
    out.push_str("</dict>\n</plist>\n");
    Ok(out)
}
