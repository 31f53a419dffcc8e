//! Time-based one-time passwords (RFC 6238) for the second factor of
//! password accounts.
//!
//! Written here rather than taken from a crate: the whole algorithm is an
//! HMAC-SHA1 of a counter and a dynamic truncation (RFC 4226 §5.3), about
//! thirty lines over the `hmac` and `sha1` crates samspill already trusts,
//! and the TOTP crates pull in a second generation of those hash crates.
//! The RFC's own test vectors (RFC 6238 appendix B, RFC 4226 appendix D)
//! are the unit tests below. Codes have 6 digits and a 30-second step, the
//! defaults every authenticator app uses; one step either side is accepted
//! for clock drift, and a step is never accepted twice (the store records
//! the last one used).

use hmac::{Hmac, KeyInit, Mac};

/// Seconds per step.
pub const STEP: i64 = 30;
/// Digits of a code.
pub const DIGITS: u32 = 6;
/// Bytes of a new secret (160 bits, RFC 4226's recommendation).
pub const SECRET_BYTES: usize = 20;

/// HOTP (RFC 4226): the code for `counter` with `digits` digits.
pub fn hotp(secret: &[u8], counter: u64, digits: u32) -> u32 {
    let mut mac =
        <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(secret).expect("HMAC accepts any key length");
    mac.update(&counter.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let offset = (h[h.len() - 1] & 0x0f) as usize;
    let bin = (u32::from(h[offset] & 0x7f) << 24)
        | (u32::from(h[offset + 1]) << 16)
        | (u32::from(h[offset + 2]) << 8)
        | u32::from(h[offset + 3]);
    bin % 10u32.pow(digits)
}

/// The time step of a Unix time.
pub fn step_of(unix: i64) -> i64 {
    unix.div_euclid(STEP)
}

/// The 6-digit code of a secret at a Unix time, as text with leading zeros.
pub fn code_at(secret: &[u8], unix: i64) -> String {
    format!(
        "{:0width$}",
        hotp(secret, step_of(unix) as u64, DIGITS),
        width = DIGITS as usize
    )
}

/// The step (`t - 1`, `t` or `t + 1`) whose code `code` is, if any. The
/// comparison looks at every candidate, so its time does not depend on
/// which one matched.
pub fn matching_step(secret: &[u8], code: &str, unix: i64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let t = step_of(unix);
    let mut found = None;
    for s in [t - 1, t, t + 1] {
        let want = format!(
            "{:0width$}",
            hotp(secret, s as u64, DIGITS),
            width = DIGITS as usize
        );
        let same = want
            .bytes()
            .zip(code.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
        if same && found.is_none() {
            found = Some(s);
        }
    }
    found
}

/// Base32 (RFC 4648, no padding), the form authenticator apps read.
pub fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            out.push(ALPHABET[((buffer >> (bits - 5)) & 31) as usize] as char);
            bits -= 5;
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The `otpauth://` address an authenticator app reads from a QR code.
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~@".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    };
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP}",
        enc(issuer),
        enc(account),
        base32(secret),
        enc(issuer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4226_appendix_d() {
        let secret = b"12345678901234567890";
        let want = [
            755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489,
        ];
        for (c, w) in want.iter().enumerate() {
            assert_eq!(hotp(secret, c as u64, 6), *w, "counter {c}");
        }
    }

    #[test]
    fn rfc_6238_appendix_b_sha1() {
        let secret = b"12345678901234567890";
        for (t, want) in [
            (59u64, 94287082u32),
            (1111111109, 7081804),
            (1111111111, 14050471),
            (1234567890, 89005924),
            (2000000000, 69279037),
            (20000000000, 65353130),
        ] {
            assert_eq!(hotp(secret, t / 30, 8), want, "T = {t}");
        }
    }

    #[test]
    fn codes_match_their_step_and_neighbours_only() {
        let secret = b"12345678901234567890";
        let t = 1_111_111_111;
        let code = code_at(secret, t);
        assert_eq!(code.len(), 6);
        assert_eq!(matching_step(secret, &code, t), Some(step_of(t)));
        assert_eq!(matching_step(secret, &code, t + 30), Some(step_of(t)));
        assert_eq!(matching_step(secret, &code, t - 30), Some(step_of(t)));
        assert_eq!(matching_step(secret, &code, t + 90), None);
        assert_eq!(matching_step(secret, "12345", t), None);
        assert_eq!(matching_step(secret, "abcdef", t), None);
    }

    #[test]
    fn base32_rfc_4648_vectors() {
        for (i, o) in [
            ("", ""),
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            assert_eq!(base32(i.as_bytes()), o);
        }
        let uri = otpauth_uri("samspill", "kari@oppdal.example", b"12345678901234567890");
        assert!(uri.starts_with(
            "otpauth://totp/samspill:kari@oppdal.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        ));
    }
}
