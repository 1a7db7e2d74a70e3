//! Simulator configuration: which Procore environment to imitate, where to listen, and the
//! knobs tests turn (rate limits, faults, clock skew, token lifetime).

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::faults::FaultRule;

/// The Procore environment being imitated. The monthly sandbox is a copy of production, so it
/// is seeded identically (same record ids); only the advertised hosts differ in real life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SimEnvironment {
    #[default]
    Production,
    #[serde(rename = "sandbox")]
    DeveloperSandbox,
    MonthlySandbox,
}

impl SimEnvironment {
    pub fn as_str(self) -> &'static str {
        match self {
            SimEnvironment::Production => "production",
            SimEnvironment::DeveloperSandbox => "sandbox",
            SimEnvironment::MonthlySandbox => "monthly-sandbox",
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown environment {0:?} (expected production, sandbox or monthly-sandbox)")]
pub struct UnknownEnvironment(String);

impl FromStr for SimEnvironment {
    type Err = UnknownEnvironment;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "production" => Ok(SimEnvironment::Production),
            "sandbox" => Ok(SimEnvironment::DeveloperSandbox),
            "monthly-sandbox" => Ok(SimEnvironment::MonthlySandbox),
            other => Err(UnknownEnvironment(other.to_owned())),
        }
    }
}

impl std::fmt::Display for SimEnvironment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Procore's two rate-limit windows (hourly and spike), per access token (and per company for
/// client-credentials tokens). Tests shrink the windows to make them observable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RateLimitConfig {
    pub enabled: bool,
    pub hourly_limit: u32,
    #[serde(with = "secs")]
    pub hourly_window: Duration,
    pub spike_limit: u32,
    #[serde(with = "secs")]
    pub spike_window: Duration,
}

impl Default for RateLimitConfig {
    fn default() -> Self {
        RateLimitConfig {
            enabled: true,
            hourly_limit: 3600,
            hourly_window: Duration::from_secs(3600),
            spike_limit: 25,
            spike_window: Duration::from_secs(10),
        }
    }
}

/// Durations travel over the admin API as (fractional) seconds.
mod secs {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(d.as_secs_f64())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        let secs = f64::deserialize(d)?;
        Duration::try_from_secs_f64(secs).map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone)]
pub struct SimConfig {
    pub environment: SimEnvironment,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub login_port: u16,
    pub api_port: u16,
    /// SQLite file holding the whole state; `None` keeps everything in memory.
    pub data: Option<PathBuf>,
    pub seed: u64,
    pub access_token_lifetime: Duration,
    pub rate_limits: RateLimitConfig,
    pub faults: Vec<FaultRule>,
    /// Simulator clock skew relative to real time.
    pub clock_offset: chrono::Duration,
    pub record_exchanges: bool,
    /// Replaces the seeded installed app's client id (and secret) when set.
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    /// Extra redirect URIs registered for the seeded installed app.
    pub redirect_uris: Vec<String>,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            environment: SimEnvironment::Production,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            login_port: 0,
            api_port: 0,
            data: None,
            seed: 1,
            access_token_lifetime: Duration::from_secs(5400),
            rate_limits: RateLimitConfig::default(),
            faults: Vec::new(),
            clock_offset: chrono::Duration::zero(),
            record_exchanges: true,
            client_id: None,
            client_secret: None,
            redirect_uris: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_names_round_trip() {
        for env in [
            SimEnvironment::Production,
            SimEnvironment::DeveloperSandbox,
            SimEnvironment::MonthlySandbox,
        ] {
            assert_eq!(env.as_str().parse::<SimEnvironment>().unwrap(), env);
        }
        assert!("staging".parse::<SimEnvironment>().is_err());
    }
}
