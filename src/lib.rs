//! # mailports
//!
//! Tells a person setting up a mail client which protocol, server, port and TLS
//! mode to use, and why. This crate is the pure Rust core: it knows nothing
//! about JavaScript, except that in the wasm the `host` module asks the JS
//! engine for lower case and number text. The only `#[wasm_bindgen]` surface
//! is the `bindings` module, compiled for `wasm32` targets alone.
//!
//! ```
//! let info = mailports::ports::lookup(993).expect("993 is a mail port");
//! assert_eq!(info.services, &["imaps"]);
//! ```
#![deny(unsafe_code)]
#![deny(missing_docs)]

#[macro_use]
mod named;

pub mod arg;
pub mod autoconfig;
pub mod chars;
mod codes;
pub mod discovery;
pub mod email;
pub mod error;
pub mod export;
pub mod host;
mod needs;
pub mod placeholders;
pub mod ports;
pub mod provenance;
pub mod providers;
mod punycode;
pub mod recommend;
mod recommend_provider;
pub mod requirements;
pub mod settings;
mod small_sort;
pub mod suggest;
mod truncate;

pub use error::{Error, Result};

#[cfg(target_arch = "wasm32")]
#[allow(unsafe_code)] // the macros of wasm-bindgen expand to unsafe glue
#[doc(hidden)] // public only so the browser tests can call the JS surface
pub mod bindings;
