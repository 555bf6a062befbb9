//! Reads Thunderbird autoconfig documents (`config-v1.1.xml`, a
//! `<clientConfig version="1.1">` element) into [`ClientConfig`].
//!
//! The same parser serves the provider importer (the Thunderbird ISPDB is a
//! folder of these files), the discovery feature (a domain's own
//! `autoconfig.<domain>` file, fetched in the browser) and the export module
//! (which round-trips its output through it). It therefore has to survive any
//! input a hostile server could send:
//!
//! - documents over [`MAX_DOCUMENT_LEN`] bytes are refused before parsing;
//! - document type declarations are refused, so no custom entity can be
//!   defined (no "billion laughs"); unknown entity references are errors;
//! - nesting deeper than [`MAX_DEPTH`] elements is an error;
//! - malformed XML (unclosed or mismatched tags, bad references) is an error.
//!
//! Every failure is an [`Error::InvalidAutoconfig`] (or [`Error::TooLong`]);
//! nothing panics.
//!
//! Within a well-formed document the parser is forgiving, as real files are
//! not always tidy: enum values are read in any letter case, a placeholder
//! missing its closing `%` is repaired, a misspelt `displayNameShort` is
//! accepted, and servers it cannot use (Exchange, a port out of range, an
//! unknown `socketType`) are left out. Each such repair or omission is
//! described in [`ClientConfig::notes`].
//!
//! ```
//! use mailports::autoconfig::parse;
//! use mailports::ports::Security;
//!
//! let xml = r#"<?xml version="1.0"?>
//! <clientConfig version="1.1">
//!   <emailProvider id="example.net">
//!     <domain>example.net</domain>
//!     <displayName>Example Mail</displayName>
//!     <incomingServer type="imap">
//!       <hostname>imap.example.net</hostname>
//!       <port>993</port>
//!       <socketType>SSL</socketType>
//!       <username>%EMAILADDRESS%</username>
//!       <authentication>password-cleartext</authentication>
//!     </incomingServer>
//!     <outgoingServer type="smtp">
//!       <hostname>smtp.example.net</hostname>
//!       <port>587</port>
//!       <socketType>starttls</socketType>
//!       <username>%EMAILADDRESS</username>
//!     </outgoingServer>
//!   </emailProvider>
//! </clientConfig>"#;
//! let config = parse(xml).unwrap();
//! assert_eq!(config.domains, ["example.net"]);
//! assert_eq!(config.incoming[0].security, Security::ImplicitTls);
//! assert_eq!(config.outgoing[0].security, Security::Starttls);
//! assert_eq!(config.outgoing[0].username, "%EMAILADDRESS%"); // repaired
//! assert!(!config.notes.is_empty());
//!
//! assert_eq!(parse("<clientConfig>").unwrap_err().code(), "invalid-autoconfig");
//! ```

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde::Serialize;

use crate::error::Quoted;
use crate::placeholders;
use crate::ports::Security;
use crate::settings::{Auth, MailProtocol, Server};
use crate::truncate::truncate;
use crate::{Error, Result};

/// The largest document accepted, in bytes (64 KiB). The largest file in the
/// Thunderbird ISPDB is about 8 KiB.
pub const MAX_DOCUMENT_LEN: usize = 64 * 1024;

/// The deepest element nesting accepted. Autoconfig documents nest four
/// levels deep (`clientConfig/emailProvider/incomingServer/pop3/…`).
pub const MAX_DEPTH: usize = 16;

/// The most domains, servers, documentation links or notes kept from one
/// document; the rest are left out (with a note).
const MAX_ITEMS: usize = 1000;

/// The longest text kept from one element, in bytes.
const MAX_TEXT: usize = 2048;

/// What an autoconfig document says about one email provider.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientConfig {
    /// The `id` attribute of `<emailProvider>` (often the main domain).
    pub id: String,
    /// `<displayName>`.
    pub display_name: String,
    /// `<displayShortName>` (empty when missing).
    pub display_short_name: String,
    /// Every `<domain>`, lower case, in document order, without duplicates.
    pub domains: Vec<String>,
    /// IMAP and POP3 servers, in document order (the provider's preference).
    pub incoming: Vec<Server>,
    /// SMTP servers, in document order.
    pub outgoing: Vec<Server>,
    /// `<enable>`: a step the user must take before a mail app may connect.
    pub enable: Option<Instructions>,
    /// `<documentation>` links.
    pub documentation: Vec<Instructions>,
    /// `<oAuth2>`: where a mail app signs in with OAuth 2.0.
    pub oauth2: Option<OAuth2>,
    /// What the parser repaired or left out, one sentence each.
    pub notes: Vec<String>,
}

/// A link with descriptions, used by `<enable>` and `<documentation>`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Instructions {
    /// The `visiturl` (for `<enable>`) or `url` (for `<documentation>`).
    pub url: String,
    /// The `<instruction>` or `<descr>` texts.
    pub texts: Vec<LocalText>,
}

/// A text with its optional `lang` attribute.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalText {
    /// The language tag, empty when the document gives none.
    pub lang: String,
    /// The text, with surrounding white space removed.
    pub text: String,
}

/// The `<oAuth2>` element.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OAuth2 {
    /// `<issuer>`: the sign-in service's host.
    pub issuer: String,
    /// `<scope>`: space-separated scopes.
    pub scope: String,
    /// `<authURL>`.
    pub auth_url: String,
    /// `<tokenURL>`.
    pub token_url: String,
}

/// Parses one autoconfig document.
///
/// Errors: [`Error::TooLong`] over [`MAX_DOCUMENT_LEN`] bytes;
/// [`Error::InvalidAutoconfig`] for malformed or hostile XML, a root other
/// than `<clientConfig>`, or no `<emailProvider>`.
///
/// ```
/// let err = mailports::autoconfig::parse(
///     r#"<!DOCTYPE x [<!ENTITY a "aaaa">]><clientConfig/>"#,
/// ).unwrap_err();
/// assert_eq!(err.code(), "invalid-autoconfig");
/// ```
pub fn parse(xml: &str) -> Result<ClientConfig> {
    if xml.len() > MAX_DOCUMENT_LEN {
        return Err(Error::TooLong {
            what: "autoconfig document",
            max: MAX_DOCUMENT_LEN,
        });
    }
    let tree = read_tree(xml)?;
    let root = tree
        .first()
        .ok_or_else(|| bad("the document has no element"))?;
    if root.name != "clientConfig" {
        return Err(bad("the root element is not <clientConfig>"));
    }
    let mut config = ClientConfig::default();
    let mut providers = root.children_named(&tree, "emailProvider");
    let provider = providers
        .next()
        .ok_or_else(|| bad("there is no <emailProvider> element"))?;
    if providers.next().is_some() {
        config.note("only the first <emailProvider> was read".into());
    }
    read_provider(&tree, provider, &mut config);
    if let Some(o) = root.children_named(&tree, "oAuth2").next() {
        config.oauth2 = Some(OAuth2 {
            issuer: o.child_text(&tree, "issuer"),
            scope: o.child_text(&tree, "scope"),
            auth_url: o.child_text(&tree, "authURL"),
            token_url: o.child_text(&tree, "tokenURL"),
        });
    }
    // `<enable>` belongs inside `<emailProvider>` but is also found beside it.
    if config.enable.is_none() {
        if let Some(e) = root.children_named(&tree, "enable").next() {
            config.enable = Some(instructions(&tree, e, "visiturl", "instruction"));
        }
    }
    Ok(config)
}

impl ClientConfig {
    fn note(&mut self, note: String) {
        if self.notes.len() < MAX_ITEMS && !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }
}

fn bad(why: &str) -> Error {
    Error::InvalidAutoconfig(why.into())
}

fn read_provider(tree: &[Node], provider: &Node, config: &mut ClientConfig) {
    config.id = provider.attr("id").trim().to_owned();
    for child in provider.children(tree) {
        match child.name.as_str() {
            "domain" => {
                let domain = clean_domain(&child.text);
                if domain.is_empty() {
                    config.note("an empty <domain> was left out".into());
                } else if config.domains.contains(&domain) {
                    config.note(format!("the domain {domain} is listed twice"));
                } else if config.domains.len() < MAX_ITEMS {
                    config.domains.push(domain);
                }
            }
            "displayName" => config.display_name = child.text.trim().to_owned(),
            "displayShortName" => config.display_short_name = child.text.trim().to_owned(),
            "displayNameShort" => {
                config.note("<displayNameShort> was read as <displayShortName>".into());
                if config.display_short_name.is_empty() {
                    config.display_short_name = child.text.trim().to_owned();
                }
            }
            "incomingServer" | "outgoingServer" => {
                let incoming = child.name == "incomingServer";
                if let Some(server) = read_server(tree, child, incoming, config) {
                    let list = if incoming {
                        &mut config.incoming
                    } else {
                        &mut config.outgoing
                    };
                    if list.contains(&server) {
                        config.note(format!(
                            "a duplicate {} server was left out",
                            server.hostname
                        ));
                    } else if list.len() < MAX_ITEMS {
                        list.push(server);
                    }
                }
            }
            "enable" => config.enable = Some(instructions(tree, child, "visiturl", "instruction")),
            "documentation" if config.documentation.len() < MAX_ITEMS => {
                let doc = instructions(tree, child, "url", "descr");
                config.documentation.push(doc);
            }
            _ => {}
        }
    }
}

fn instructions(tree: &[Node], node: &Node, url_attr: &str, text_name: &str) -> Instructions {
    Instructions {
        url: node.attr(url_attr).trim().to_owned(),
        texts: node
            .children_named(tree, text_name)
            .map(|t| LocalText {
                lang: t.attr("lang").trim().to_owned(),
                text: t.text.trim().to_owned(),
            })
            .filter(|t| !t.text.is_empty())
            .take(MAX_ITEMS)
            .collect(),
    }
}

fn clean_domain(text: &str) -> String {
    text.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// Reads one `<incomingServer>` or `<outgoingServer>`; `None` (with a note)
/// when it is of a kind or shape a mail client cannot use.
fn read_server(
    tree: &[Node],
    node: &Node,
    incoming: bool,
    config: &mut ClientConfig,
) -> Option<Server> {
    let kind = node.attr("type").trim().to_ascii_lowercase();
    // Look at the user name first so a broken placeholder is reported even on
    // a server that is then left out.
    let username = match node.children_named(tree, "username").next() {
        Some(u) => {
            let (fixed, repaired) = repair_placeholders(u.text.trim());
            if repaired {
                config.note(format!(
                    "the user name {} lacked a closing % and was read as {}",
                    Quoted(u.text.trim(), 60),
                    Quoted(&fixed, 60)
                ));
            }
            fixed
        }
        None => String::new(),
    };
    let protocol = match (incoming, kind.as_str()) {
        (true, "imap") => MailProtocol::Imap,
        (true, "pop3") => MailProtocol::Pop3,
        (false, "smtp") => MailProtocol::Smtp,
        _ => {
            config.note(format!(
                "an {} server of type {} was left out: only IMAP, POP3 and SMTP are used",
                if incoming { "incoming" } else { "outgoing" },
                Quoted(&kind, 20)
            ));
            return None;
        }
    };
    let name = protocol_name(protocol);
    let hostname = template_lowercase(&repair_placeholders(&node.child_text(tree, "hostname")).0);
    let hostname = hostname.trim_end_matches('.').to_owned();
    if !valid_template_hostname(&hostname) {
        config.note(format!(
            "a {name} server with the host name {} was left out",
            Quoted(&hostname, 40)
        ));
        return None;
    }
    let port_text = node.child_text(tree, "port");
    let port = match port_text.parse::<u16>() {
        Ok(p) if p > 0 => p,
        _ => {
            config.note(format!(
                "the {name} server {hostname} was left out: {} is not a port",
                Quoted(&port_text, 20)
            ));
            return None;
        }
    };
    let socket = node.child_text(tree, "socketType");
    let security = match socket.to_ascii_lowercase().as_str() {
        "ssl" | "tls" => Security::ImplicitTls,
        "starttls" => Security::Starttls,
        "plain" => Security::Plaintext,
        "" => {
            config.note(format!(
                "the {name} server {hostname} has no <socketType>; it was read as plain"
            ));
            Security::Plaintext
        }
        other => {
            config.note(format!(
                "the {name} server {hostname} was left out: unknown socketType {}",
                Quoted(other, 20)
            ));
            return None;
        }
    };
    let username = if username.is_empty() {
        config.note(format!(
            "the {name} server {hostname} gives no user name; the full address is assumed"
        ));
        placeholders::EMAIL_ADDRESS.to_owned()
    } else {
        username
    };
    let mut auth = Vec::new();
    for a in node.children_named(tree, "authentication") {
        let value = a.text.trim();
        match auth_method(value) {
            Some(m) if !auth.contains(&m) => auth.push(m),
            Some(_) => {}
            None => config.note(format!(
                "the {name} server {hostname}: authentication {} is not known and was skipped",
                Quoted(value, 30)
            )),
        }
    }
    Some(Server::new(
        protocol, hostname, port, security, username, auth,
    ))
}

fn protocol_name(p: MailProtocol) -> &'static str {
    match p {
        MailProtocol::Imap => "IMAP",
        MailProtocol::Pop3 => "POP3",
        MailProtocol::Smtp => "SMTP",
    }
}

/// Maps an `<authentication>` value (any case) to [`Auth`].
///
/// ```
/// use mailports::autoconfig::auth_method;
/// use mailports::settings::Auth;
/// assert_eq!(auth_method("password-cleartext"), Some(Auth::Password));
/// assert_eq!(auth_method("oauth2"), Some(Auth::Oauth2));
/// assert_eq!(auth_method("TLS-client-cert"), None);
/// ```
pub fn auth_method(value: &str) -> Option<Auth> {
    Some(match value.to_ascii_lowercase().as_str() {
        // "plain" and "secure" are the names of autoconfig version 1.0.
        "password-cleartext" | "plain" => Auth::Password,
        "password-encrypted" | "secure" => Auth::PasswordEncrypted,
        "oauth2" => Auth::Oauth2,
        "gssapi" => Auth::Gssapi,
        "ntlm" => Auth::Ntlm,
        "client-ip-address" => Auth::ClientIpAddress,
        "none" => Auth::None,
        _ => return None,
    })
}

/// Adds the closing `%` to a placeholder written without it
/// (`%EMAILADDRESS` → `%EMAILADDRESS%`). Returns the text and whether it was
/// changed.
///
/// ```
/// use mailports::autoconfig::repair_placeholders;
/// assert_eq!(repair_placeholders("%EMAILADDRESS"), ("%EMAILADDRESS%".into(), true));
/// assert_eq!(repair_placeholders("%EMAILLOCALPART%"), ("%EMAILLOCALPART%".into(), false));
/// ```
pub fn repair_placeholders(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len() + 2);
    let mut rest = text;
    let mut repaired = false;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let known = placeholders::ALL
            .iter()
            .map(|p| &p[1..p.len() - 1])
            .find(|name| after.starts_with(name));
        match known {
            Some(name) => {
                out.push('%');
                out.push_str(name);
                out.push('%');
                let tail = &after[name.len()..];
                match tail.strip_prefix('%') {
                    Some(t) => rest = t,
                    None => {
                        repaired = true;
                        rest = tail;
                    }
                }
            }
            None => {
                out.push('%');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, repaired)
}

/// Lower-cases a host name but keeps its placeholders in upper case.
fn template_lowercase(host: &str) -> String {
    let mut out = host.to_ascii_lowercase();
    for p in placeholders::ALL {
        out = out.replace(&p.to_ascii_lowercase(), p);
    }
    out
}

/// A host name as autoconfig writes it: ASCII letters, digits, hyphens and
/// dots, in lower case, where `%EMAILDOMAIN%` may stand for a run of labels
/// (checked as [`placeholders::normalize_template_host`] checks it).
fn valid_template_hostname(host: &str) -> bool {
    placeholders::normalize_template_host(host).is_ok_and(|h| h == host)
}

// ---------------------------------------------------------------------------
// A small element tree built from quick-xml's event stream.

/// One element: its local name, attributes, the text directly inside it, and
/// the indices of its children in the flat node list.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<usize>,
}

impl Node {
    fn attr(&self, name: &str) -> &str {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    fn children<'t>(&'t self, tree: &'t [Node]) -> impl Iterator<Item = &'t Node> + 't {
        self.children.iter().filter_map(move |&i| tree.get(i))
    }

    fn children_named<'t>(
        &'t self,
        tree: &'t [Node],
        name: &'t str,
    ) -> impl Iterator<Item = &'t Node> + 't {
        self.children(tree).filter(move |n| n.name == name)
    }

    fn child_text(&self, tree: &[Node], name: &str) -> String {
        self.children_named(tree, name)
            .next()
            .map(|n| n.text.trim().to_owned())
            .unwrap_or_default()
    }
}

/// The most elements in one document (64 KiB cannot hold many more).
const MAX_NODES: usize = 8192;

fn read_tree(xml: &str) -> Result<Vec<Node>> {
    let mut reader = Reader::from_str(xml);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = true;
    config.check_comments = true;
    let mut nodes: Vec<Node> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut root_closed = false;
    loop {
        let event = reader.read_event().map_err(|_| {
            Error::InvalidAutoconfig(format!(
                "the XML is malformed near byte {}",
                reader.error_position()
            ))
        })?;
        match event {
            Event::Start(start) => {
                if root_closed {
                    return Err(bad("there is more than one root element"));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(bad("elements are nested too deeply"));
                }
                if nodes.len() >= MAX_NODES {
                    return Err(bad("the document has too many elements"));
                }
                let node = start_node(&start)?;
                let index = nodes.len();
                if let Some(parent) = stack.last().and_then(|&p| nodes.get_mut(p)) {
                    parent.children.push(index);
                }
                nodes.push(node);
                stack.push(index);
            }
            Event::End(_) => {
                stack.pop();
                if stack.is_empty() {
                    root_closed = true;
                }
            }
            Event::Text(t) => {
                let text = t.decode().map_err(|_| bad("the text is not valid UTF-8"))?;
                push_text(&mut nodes, &stack, &text, root_closed)?;
            }
            Event::CData(t) => {
                let text = t.decode().map_err(|_| bad("the text is not valid UTF-8"))?;
                push_text(&mut nodes, &stack, &text, root_closed)?;
            }
            Event::GeneralRef(r) => {
                let ch = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => {
                        let name = r.decode().map_err(|_| bad("a bad entity reference"))?;
                        predefined_entity(&name).ok_or_else(|| {
                            Error::InvalidAutoconfig(format!(
                                "the entity &{}; is not defined",
                                truncate(&name, 20)
                            ))
                        })?
                    }
                    Err(_) => return Err(bad("a character reference is not valid")),
                };
                if ch.is_control() && !matches!(ch, '\t' | '\n' | '\r') {
                    return Err(bad("a character reference stands for a control character"));
                }
                push_text(&mut nodes, &stack, ch.encode_utf8(&mut [0; 4]), root_closed)?;
            }
            Event::DocType(_) => {
                return Err(bad("document type declarations (DTDs) are not accepted"));
            }
            Event::Empty(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    if !stack.is_empty() || !root_closed {
        return Err(bad("the document ends before its elements are closed"));
    }
    Ok(nodes)
}

fn predefined_entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
}

fn push_text(nodes: &mut [Node], stack: &[usize], text: &str, root_closed: bool) -> Result<()> {
    match stack.last().and_then(|&i| nodes.get_mut(i)) {
        Some(node) => {
            if node.text.len() + text.len() <= MAX_TEXT {
                node.text.push_str(text);
            }
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None if root_closed => Err(bad("there is text after the root element")),
        None => Err(bad("there is text before the root element")),
    }
}

fn start_node(start: &BytesStart<'_>) -> Result<Node> {
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|_| bad("an attribute is malformed"))?;
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
        let value = attr
            .unescape_value()
            .map_err(|_| bad("an attribute value has an undefined entity"))?;
        if attrs.len() < 16 {
            attrs.push((key, truncate(&value, MAX_TEXT)));
        }
    }
    Ok(Node {
        name,
        attrs,
        ..Node::default()
    })
}
