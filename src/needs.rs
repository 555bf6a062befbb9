//! What a person tells the recommender about how they use mail
//! ([`Needs`]), read from JS arguments and checked; the answer is
//! [`crate::recommend::recommend`]'s.

use crate::arg::{self, ArgValue};
use crate::ports::validate_port;
use crate::recommend::{Choice, MAX_DEVICES};
use crate::Error;
use crate::Result;

/// What the person told us about how they use mail. Every field is optional.
///
/// Read from the JS shape `{ devices, offline, smallQuota, sends,
/// blockedPorts, exchange, push, untrustedNetwork, email }` by
/// [`from_args`](Self::from_args); `null` counts as "not given". Unknown keys
/// are an error, so that a misspelt key cannot silently change the answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needs {
    /// On how many devices mail is read (1 to [`MAX_DEVICES`]); `None` when
    /// unknown.
    pub devices: Option<u32>,
    /// Mail must be readable without a connection.
    pub offline: bool,
    /// The server mailbox quota is small.
    pub small_quota: bool,
    /// Mail is sent from this client; `None` counts as yes.
    pub sends: Option<bool>,
    /// Outgoing TCP ports the network blocks.
    pub blocked_ports: Vec<u16>,
    /// The mailbox is on Exchange or Microsoft 365.
    pub exchange: bool,
    /// New mail should appear at once.
    pub push: bool,
    /// The device is used on untrusted networks such as public Wi-Fi.
    pub untrusted_network: bool,
    /// The address (or bare domain) of the mailbox. When it names a known
    /// provider, the answer uses that provider's servers; an unknown domain
    /// answers as without it, and input that is not an address makes
    /// [`recommend`](crate::recommend::recommend) fail with the error of [`crate::providers::lookup`].
    pub email: Option<String>,
}

named_enum! {
    /// The keys of [`Needs`] in JS.
    enum NeedsKey {
        Devices = "devices",
        Offline = "offline",
        SmallQuota = "smallQuota",
        Sends = "sends",
        BlockedPorts = "blockedPorts",
        Exchange = "exchange",
        Push = "push",
        UntrustedNetwork = "untrustedNetwork",
        Email = "email",
    }
}

fn devices_problem(value: f64) -> Option<String> {
    let ok = value.is_finite()
        && value.fract() == 0.0
        && (1.0..=f64::from(MAX_DEVICES)).contains(&value);
    (!ok).then(|| {
        format!(
            "must be a whole number from 1 to {MAX_DEVICES}, not {}",
            crate::ports::format_number(value)
        )
    })
}

/// The `invalid-argument` error for a JS value of the wrong type.
fn wrong_type(what: &str, expected: &str, got: &ArgValue) -> Error {
    let got = got.kind();
    arg::invalid(what, format_args!("expected {expected}, got {got}"))
}

/// Reads `blockedPorts` from a JS value: `null` or an array of port numbers.
fn ports_arg(what: &str, value: &ArgValue) -> Result<Vec<u16>> {
    let items = match value {
        ArgValue::Null => return Ok(Vec::new()),
        ArgValue::List(items) => items,
        other => return Err(wrong_type(what, "an array of port numbers", other)),
    };
    let mut ports = Vec::with_capacity(items.len());
    for item in items {
        ports.push(match item {
            ArgValue::Number(n) => validate_port(*n).map_err(|e| arg::invalid(what, e))?,
            other => return Err(wrong_type(what, "port numbers", other)),
        });
    }
    Ok(ports)
}

impl Needs {
    /// The keys of the JS shape.
    pub const KEYS: &'static [&'static str] = NeedsKey::JS_NAMES;

    /// Builds needs from the keys and values of a JS object, checking them
    /// as [`validate`](Self::validate) does. `null` values are "not given";
    /// unknown keys, wrong types and impossible values are
    /// `invalid-argument` errors.
    ///
    /// ```
    /// use mailports::arg::ArgValue;
    /// use mailports::recommend::Needs;
    ///
    /// let needs = Needs::from_args([
    ///     ("devices", ArgValue::Number(2.0)),
    ///     ("blockedPorts", ArgValue::List(vec![ArgValue::Number(465.0)])),
    /// ])
    /// .unwrap();
    /// assert_eq!((needs.devices, needs.blocked_ports), (Some(2), vec![465]));
    /// assert!(Needs::from_args([("devices", ArgValue::Number(-1.0))]).is_err());
    /// ```
    pub fn from_args<K: AsRef<str>>(args: impl IntoIterator<Item = (K, ArgValue)>) -> Result<Self> {
        let mut needs = Needs::default();
        for (key, value) in args {
            let key = key.as_ref();
            let which = arg::key("needs", key, NeedsKey::NAMES)?;
            let what = format!("needs.{key}");
            let flag = || arg::flag(&what, &value);
            match which {
                NeedsKey::Devices => {
                    needs.devices = match value {
                        ArgValue::Null => None,
                        ArgValue::Number(n) => match devices_problem(n) {
                            Some(problem) => return Err(arg::invalid(&what, problem)),
                            None => Some(n as u32),
                        },
                        ref other => return Err(wrong_type(&what, "a number", other)),
                    }
                }
                NeedsKey::Offline => needs.offline = flag()?.unwrap_or(false),
                NeedsKey::SmallQuota => needs.small_quota = flag()?.unwrap_or(false),
                NeedsKey::Sends => needs.sends = flag()?,
                NeedsKey::BlockedPorts => needs.blocked_ports = ports_arg(&what, &value)?,
                NeedsKey::Exchange => needs.exchange = flag()?.unwrap_or(false),
                NeedsKey::Push => needs.push = flag()?.unwrap_or(false),
                NeedsKey::UntrustedNetwork => needs.untrusted_network = flag()?.unwrap_or(false),
                NeedsKey::Email => needs.email = arg::optional_text(&what, value)?,
            }
        }
        needs.validate()?;
        Ok(needs)
    }

    /// Checks the values a Rust caller may have set directly
    /// ([`from_args`](Self::from_args) already enforces the same bounds).
    ///
    /// ```
    /// use mailports::recommend::Needs;
    /// assert!(Needs { devices: Some(0), ..Needs::default() }.validate().is_err());
    /// assert!(Needs { blocked_ports: vec![0], ..Needs::default() }.validate().is_err());
    /// assert!(Needs::default().validate().is_ok());
    /// ```
    pub fn validate(&self) -> Result<()> {
        if let Some(problem) = self.devices.and_then(|d| devices_problem(f64::from(d))) {
            return Err(arg::invalid("needs.devices", problem));
        }
        if self.blocked_ports.contains(&0) {
            return Err(arg::invalid(
                "needs.blockedPorts",
                Error::InvalidPort("0".into()),
            ));
        }
        Ok(())
    }

    pub(crate) fn is_open(&self, choice: &Choice) -> bool {
        !self.blocked_ports.contains(&choice.port)
    }
}
