//! `named_enum!`: an enum whose variants carry their JS spelling, and for
//! the enums the compiled provider table stores, their one-letter code, in
//! the one place they are declared.
//!
//! Each variant is written `Variant = "js-name"` or `Variant = "js-name" 'l'`.
//! The macro adds `NAMES` (every variant with its JS name, in declaration
//! order), `JS_NAMES`, `name()`, a `Serialize` impl that writes the JS name,
//! and with letters `LETTERS`, `letter()` and `from_letter()`. The argument
//! parsers also use it for the keys of the objects they read (see
//! [`crate::arg`]), so that a key is matched as an enum, exhaustively. build.rs reads the
//! lettered enums from `src/codes.rs` with a macro of its own, so the
//! provider table and the crate cannot disagree about a code.
//!
//! ```
//! use mailports::settings::Auth;
//! assert_eq!(Auth::Oauth2.name(), "oauth2");
//! assert_eq!(Auth::from_letter(Auth::Oauth2.letter()), Some(Auth::Oauth2));
//! assert_eq!(Auth::NAMES.len(), Auth::LETTERS.len());
//! ```

macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $js:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every variant with its JS name, in declaration order.
            pub const NAMES: &'static [($name, &'static str)] = &[$(($name::$variant, $js)),*];

            /// Every JS name, in declaration order.
            // Not every enum of object keys lists its keys for callers.
            #[allow(dead_code)]
            pub const JS_NAMES: &'static [&'static str] = &[$($js),*];

            /// The JS name (kebab-case), as the API and the data files spell it.
            pub fn name(self) -> &'static str {
                match self {
                    $( $name::$variant => $js, )*
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
                // As a unit variant (a string in JSON and in JS), which lets
                // serde-wasm-bindgen reuse the JS string of each name.
                s.serialize_unit_variant(stringify!($name), *self as u32, self.name())
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $js:literal $letter:literal, )*
        }
    ) => {
        named_enum! {
            $(#[$meta])*
            pub enum $name {
                $( $(#[$vmeta])* $variant = $js, )*
            }
        }

        impl $name {
            /// Every variant with its one-letter code in the compiled
            /// provider table (build.rs writes it), in declaration order.
            pub const LETTERS: &'static [($name, char)] = &[$(($name::$variant, $letter)),*];

            /// The one-letter code in the compiled provider table.
            pub fn letter(self) -> char {
                match self {
                    $( $name::$variant => $letter, )*
                }
            }

            /// The variant with this one-letter code.
            pub fn from_letter(c: char) -> Option<$name> {
                match c {
                    $( $letter => Some($name::$variant), )*
                    _ => None,
                }
            }
        }
    };
}
