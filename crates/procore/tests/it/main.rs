//! The client against the simulator, over real HTTP on loopback, with every exchange checked
//! against Procore's published contract.

mod auth;
mod conformance;
mod contract;
mod coverage;
mod gate;
mod hostile;
mod lists;
mod support;
mod writes;

/// The contract, loaded once per test binary.
pub fn contract() -> &'static contract::Contract {
    static CONTRACT: std::sync::OnceLock<contract::Contract> = std::sync::OnceLock::new();
    CONTRACT.get_or_init(contract::Contract::load)
}
