//! Requirement codes from upstream fields and keywords. Only the codes are
//! kept; the upstream sentences are not (each code's text is our own, in
//! `src/providers.rs`).

use std::collections::BTreeSet;

use mailports::providers::Requirement;
use mailports::settings::{MailProtocol, Server};

use crate::sources::DcStatus;

/// Verbs that, next to a protocol name, mean "switch it on first" (English,
/// German, Russian, Latvian, Portuguese, as found upstream).
const ENABLE_WORDS: &[&str] = &[
    "enable",
    "enabling",
    "turn on",
    "turned on",
    "allow",
    "activate",
    "aktivieren",
    "einschalten",
    "erlauben",
    "включить",
    "ieslēgt",
    "ativar",
];

/// Phrases that mean "mail apps as a whole" when no protocol is named.
const MAIL_CLIENT_WORDS: &[&str] = &["mail clients", "email clients", "почтовых клиентов"];

const APP_PASSWORD_WORDS: &[&str] = &[
    "app password",
    "app-password",
    "app-specific password",
    "application password",
    "auth code",
    "e-mail-password",
    "e-mail-passwort",
    "пароль для внешнего приложения",
];

const NEGATIONS: &[&str] = &["not working", "not work", "no longer", "n't"];

const NO_IMAP_WORDS: &[&str] = &[
    "does not offer the standard imap",
    "doesn't offer imap",
    "imap не предоставляется",
];

const OAUTH2_ONLY_WORDS: &[&str] = &["not allow using passwords", "no longer accepts passwords"];

const BRIDGE_WORDS: &[&str] = &["bridge", "companion app"];

const PAID_WORDS: &[&str] = &["premium", "paid", "bezahlt", "costs money"];

const TOR_WORDS: &[&str] = &["tor is needed", "tor network", "via tor"];

fn any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// The requirement codes of one merged record, sorted.
pub fn requirements(
    incoming: &[Server],
    outgoing: &[Server],
    status: DcStatus,
    hints: &[String],
    flags: &BTreeSet<Requirement>,
    dc_no_servers: bool,
) -> Vec<Requirement> {
    let mut set = flags.clone();
    for hint in hints {
        let text = hint.to_lowercase();
        // Sentence by sentence, so "enable" and "IMAP" must be near each other.
        for sentence in text.split(['.', '!', '\n']) {
            let enable = any(sentence, ENABLE_WORDS);
            if enable && (sentence.contains("imap") || any(sentence, MAIL_CLIENT_WORDS)) {
                set.insert(Requirement::ImapMustBeEnabled);
            }
            if enable && (sentence.contains("pop") || any(sentence, MAIL_CLIENT_WORDS)) {
                set.insert(Requirement::PopMustBeEnabled);
            }
        }
        // "app passwords are not working" says the opposite.
        if text
            .split(['.', '!', '\n'])
            .any(|s| any(s, APP_PASSWORD_WORDS) && !any(s, NEGATIONS))
        {
            set.insert(Requirement::AppPassword);
        }
        if any(&text, NO_IMAP_WORDS) {
            set.insert(Requirement::NoImap);
        }
        if any(&text, OAUTH2_ONLY_WORDS) {
            set.insert(Requirement::Oauth2Only);
        }
        if any(&text, BRIDGE_WORDS) {
            set.insert(Requirement::BridgeRequired);
        }
        if any(&text, PAID_WORDS) {
            set.insert(Requirement::PaidPlan);
        }
        if any(&text, TOR_WORDS) {
            set.insert(Requirement::TorRequired);
        }
        if text.contains("limit") && (text.contains("send") || text.contains("messages")) {
            set.insert(Requirement::SendingLimits);
        }
    }
    let servers = || incoming.iter().chain(outgoing);
    if servers().any(|s| s.hostname.ends_with(".onion")) {
        set.insert(Requirement::TorRequired);
    }
    if servers().any(|s| s.hostname == "localhost" || s.hostname == "127.0.0.1") {
        set.insert(Requirement::BridgeRequired);
    }
    if !incoming.is_empty() && !incoming.iter().any(|s| s.protocol == MailProtocol::Imap) {
        set.insert(Requirement::NoImap);
    }
    // The POP3 switch only matters where POP3 is offered at all.
    if !incoming.iter().any(|s| s.protocol == MailProtocol::Pop3) && !incoming.is_empty() {
        set.remove(&Requirement::PopMustBeEnabled);
    }
    if status == DcStatus::Broken
        && dc_no_servers
        && incoming.is_empty()
        && !set.contains(&Requirement::BridgeRequired)
    {
        set.insert(Requirement::NotSupported);
    }
    if set.contains(&Requirement::Oauth2Only) {
        set.remove(&Requirement::Oauth2);
    }
    set.into_iter().collect()
}
