//! The packet (申请包): the applicant's work as one verifiable file that a service window,
//! the provincial portal or another hall accepts without retyping. A BagIt bag (RFC 8493) in a
//! byte-stable zip: every file listed with its SHA-256, each attachment with its SM3 too.
//! `docs/packet.md` describes the format for systems that read it without this code.

mod assemble;
pub mod bag;
pub mod cover;
pub mod digest;
pub mod document;
pub mod export;
pub mod forms;
pub mod handover;
pub mod html;
pub mod ics;
pub mod letters;
pub mod open;
pub mod print;
pub mod qr;
pub mod service;
pub mod sm3;
pub mod zip;

#[cfg(test)]
pub(crate) mod judges;

untrusted_input! {
    pub mod unzip;
    pub mod verify;
}

pub use crate::catalog::pieces::sha256_hex;
pub use crate::text::hex;
