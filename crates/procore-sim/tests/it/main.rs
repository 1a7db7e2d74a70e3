//! Integration tests: real HTTP over 127.0.0.1 against a started simulator.

mod api;
mod oauth;
mod support;
