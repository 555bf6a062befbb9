//! A server of a provider record as a page would register it, with the
//! fields the tests leave out at their defaults (tests/providers_custom.rs,
//! tests/recommend.rs).

use mailports::providers::ServerRecord;

/// A server record; `port` is any number, as JavaScript would pass it.
pub fn server(protocol: &str, host: &str, port: impl Into<f64>, security: &str) -> ServerRecord {
    ServerRecord {
        protocol: protocol.into(),
        hostname: host.into(),
        port: port.into(),
        security: security.into(),
        ..ServerRecord::default()
    }
}
