//! Arbitrary bytes as a Procore answer: every record type, pages, sync answers, error bodies
//! and `Link` headers must read them or refuse them, never panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    procore::fuzzing::read_answers(data);
});
