//! What a person must know or do before a mail app works with a provider,
//! and the provider's status for mail apps, which follows from it.
//!
//! Requirement codes come from the provider data (the reviewed layer in
//! `data/reviewed/`, or upstream hints), except three that follow from the
//! servers themselves and are always derived here: `oauth2` (some server
//! offers OAuth 2.0 next to a password), `oauth2-only` (no server takes a
//! password) and `no-imap` (no IMAP server). [`normalize`] applies that rule;
//! the importer, `build.rs`'s data and [`crate::providers::register`] all go
//! through it, so codes and sign-in methods cannot disagree.
//!
//! ```
//! use mailports::requirements::{normalize, Requirement, ProviderStatus};
//! use mailports::ports::Security;
//! use mailports::settings::{Auth, MailProtocol, Server};
//!
//! let imap = Server {
//!     protocol: MailProtocol::Imap, hostname: "imap.example.com".into(), port: 993,
//!     security: Security::ImplicitTls, username: "%EMAILADDRESS%".into(), auth: vec![Auth::Oauth2],
//! };
//! let mut codes = vec![Requirement::Oauth2];
//! normalize(&mut codes, std::slice::from_ref(&imap), &[]);
//! assert_eq!(codes, [Requirement::Oauth2Only]);
//! assert_eq!(ProviderStatus::derive(&codes, &[imap]), ProviderStatus::OauthOnly);
//! ```

use serde::Serialize;

use crate::settings::{Auth, MailProtocol, Server};
use crate::small_sort::sort_small;

named_enum! {
    /// What a mail app needs to work with a provider, derived from its
    /// requirements and servers by [`ProviderStatus::derive`]. This is the project's own
    /// verdict about mail apps in general; no upstream source's app-specific
    /// status is used.
    pub enum ProviderStatus {
        /// Works with the settings as given.
        Ready = "ready",
        /// Works after a change in the provider's web settings (switching IMAP or
        /// POP3 on) or a paid plan.
        EnableFirst = "enable-first",
        /// Works with an app password instead of the account password.
        AppPassword = "app-password",
        /// Works only in an app that signs in with the provider (OAuth 2.0).
        OauthOnly = "oauth-only",
        /// No IMAP or POP3 for mail apps: the provider's own app or bridge only.
        NoMailApp = "no-mail-app",
    }
}

impl ProviderStatus {
    /// The status that follows from a provider's requirement codes and
    /// incoming servers. The strongest obstacle wins: no mail-app access at
    /// all, then OAuth only, then an app password, then a setting to change.
    ///
    /// ```
    /// use mailports::requirements::{Requirement, ProviderStatus};
    /// assert_eq!(ProviderStatus::derive(&[Requirement::BridgeRequired], &[]), ProviderStatus::NoMailApp);
    /// ```
    pub fn derive(requirements: &[Requirement], incoming: &[Server]) -> ProviderStatus {
        let has = |r: Requirement| requirements.contains(&r);
        let imap = incoming.iter().any(|s| s.protocol == MailProtocol::Imap);
        if incoming.is_empty() || has(Requirement::NotSupported) || has(Requirement::BridgeRequired)
        {
            ProviderStatus::NoMailApp
        } else if has(Requirement::Oauth2Only) {
            ProviderStatus::OauthOnly
        } else if has(Requirement::AppPassword) {
            ProviderStatus::AppPassword
        } else if (imap && has(Requirement::ImapMustBeEnabled))
            || (!imap && has(Requirement::PopMustBeEnabled))
            || has(Requirement::PaidPlan)
        {
            ProviderStatus::EnableFirst
        } else {
            ProviderStatus::Ready
        }
    }
}

/// Whether a sign-in method sends something the person knows (a password of
/// some kind) rather than going through the provider's page.
fn takes_password(a: Auth) -> bool {
    matches!(a, Auth::Password | Auth::PasswordEncrypted | Auth::Ntlm)
}

/// Brings requirement codes in line with the servers: `oauth2`,
/// `oauth2-only` and `no-imap` are derived from them (any given value is
/// replaced), and the IMAP or POP3 switch is dropped where that protocol is
/// not offered. The result is sorted and without duplicates.
pub fn normalize(requirements: &mut Vec<Requirement>, incoming: &[Server], outgoing: &[Server]) {
    let servers = || incoming.iter().chain(outgoing);
    let imap = incoming.iter().any(|s| s.protocol == MailProtocol::Imap);
    let pop3 = incoming.iter().any(|s| s.protocol == MailProtocol::Pop3);
    requirements.retain(|r| match r {
        Requirement::Oauth2 | Requirement::Oauth2Only | Requirement::NoImap => false,
        Requirement::ImapMustBeEnabled => imap,
        Requirement::PopMustBeEnabled => pop3,
        _ => true,
    });
    let any_oauth = servers().any(|s| s.auth.contains(&Auth::Oauth2));
    let any_password = servers().any(|s| s.auth.iter().any(|&a| takes_password(a)));
    if any_oauth && !any_password {
        requirements.push(Requirement::Oauth2Only);
    } else if any_oauth {
        requirements.push(Requirement::Oauth2);
    }
    if !imap {
        requirements.push(Requirement::NoImap);
    }
    sort_small(requirements, |a, b| a < b);
    requirements.dedup();
}

/// The first way in which `requirements` disagree with the servers, if any:
/// what [`normalize`] would change, or an app password for servers that take
/// no password. Tests run it over the whole table.
pub fn disagreement(
    requirements: &[Requirement],
    incoming: &[Server],
    outgoing: &[Server],
) -> Option<String> {
    let mut fixed = requirements.to_vec();
    normalize(&mut fixed, incoming, outgoing);
    if fixed != requirements {
        return Some(format!(
            "requirements {:?} should be {:?} for these servers",
            codes(requirements),
            codes(&fixed)
        ));
    }
    let password = incoming
        .iter()
        .chain(outgoing)
        .any(|s| s.auth.iter().any(|&a| takes_password(a)));
    if requirements.contains(&Requirement::AppPassword) && !password {
        return Some("app-password, but no server takes a password".into());
    }
    None
}

fn codes(list: &[Requirement]) -> Vec<&'static str> {
    list.iter().map(|r| r.code()).collect()
}

/// Something a user must know or do before a mail app works with the
/// provider. Each has a stable kebab-case code in [`REQUIREMENTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Requirement {
    /// An app password is needed instead of the account password.
    AppPassword,
    /// The provider's bridge or companion app must run on the device.
    BridgeRequired,
    /// The servers' certificates fail strict checks.
    CertificateWarning,
    /// IMAP must be switched on in the web settings first.
    ImapMustBeEnabled,
    /// No IMAP access.
    NoImap,
    /// Standard mail apps cannot be used at all.
    NotSupported,
    /// OAuth 2.0 sign-in is offered.
    Oauth2,
    /// Only OAuth 2.0 sign-in is accepted.
    Oauth2Only,
    /// Mail-app access needs a paid plan.
    PaidPlan,
    /// POP3 must be switched on in the web settings first.
    PopMustBeEnabled,
    /// Sending is limited (messages per day, recipients per message).
    SendingLimits,
    /// The servers are reachable only over Tor.
    TorRequired,
}

/// One row of [`REQUIREMENTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RequirementInfo {
    /// The requirement.
    pub requirement: Requirement,
    /// Its stable code (the serde name). The sentence for it is in each
    /// locale (`www/src/locales/`, English included), keyed by this code.
    pub code: &'static str,
}

/// Every requirement with its code, sorted by code (tests keep it
/// so, and check each code against the serde name).
pub static REQUIREMENTS: &[RequirementInfo] = &[
    RequirementInfo {
        requirement: Requirement::AppPassword,
        code: "app-password",
    },
    RequirementInfo {
        requirement: Requirement::BridgeRequired,
        code: "bridge-required",
    },
    RequirementInfo {
        requirement: Requirement::CertificateWarning,
        code: "certificate-warning",
    },
    RequirementInfo {
        requirement: Requirement::ImapMustBeEnabled,
        code: "imap-must-be-enabled",
    },
    RequirementInfo {
        requirement: Requirement::NoImap,
        code: "no-imap",
    },
    RequirementInfo {
        requirement: Requirement::NotSupported,
        code: "not-supported",
    },
    RequirementInfo {
        requirement: Requirement::Oauth2,
        code: "oauth2",
    },
    RequirementInfo {
        requirement: Requirement::Oauth2Only,
        code: "oauth2-only",
    },
    RequirementInfo {
        requirement: Requirement::PaidPlan,
        code: "paid-plan",
    },
    RequirementInfo {
        requirement: Requirement::PopMustBeEnabled,
        code: "pop-must-be-enabled",
    },
    RequirementInfo {
        requirement: Requirement::SendingLimits,
        code: "sending-limits",
    },
    RequirementInfo {
        requirement: Requirement::TorRequired,
        code: "tor-required",
    },
];

impl Requirement {
    /// This requirement's row in [`REQUIREMENTS`].
    pub fn info(self) -> &'static RequirementInfo {
        const MISSING: RequirementInfo = RequirementInfo {
            requirement: Requirement::NotSupported,
            code: "",
        };
        // The table lists every variant in declaration order (a test checks),
        // so the fallback is never used.
        REQUIREMENTS
            .get(self as usize)
            .filter(|info| info.requirement == self)
            .unwrap_or(&MISSING)
    }

    /// The stable code, e.g. `"app-password"`.
    ///
    /// ```
    /// use mailports::providers::Requirement;
    /// assert_eq!(Requirement::ImapMustBeEnabled.code(), "imap-must-be-enabled");
    /// ```
    pub fn code(self) -> &'static str {
        self.info().code
    }

    /// The requirement with this code.
    ///
    /// ```
    /// use mailports::providers::Requirement;
    /// assert_eq!(Requirement::from_code("oauth2"), Some(Requirement::Oauth2));
    /// assert_eq!(Requirement::from_code("OAuth2"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Requirement> {
        REQUIREMENTS
            .binary_search_by(|i| i.code.cmp(code))
            .ok()
            .and_then(|i| REQUIREMENTS.get(i))
            .map(|i| i.requirement)
    }
}
