//! Procore environments: which login host and which API host a connection talks to.
//!
//! Tokens are not transferable between environments, and the rest of mpsync refuses to pair a
//! test ERP company with a production Procore company, so every connection carries its
//! [`EnvironmentKind`].

use std::fmt;

use serde::{Deserialize, Serialize};
use url::Url;

/// Whether an environment holds real customer data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnvironmentKind {
    /// Real customer data (production, and on-demand sandboxes which share production hosts).
    Production,
    /// A developer or monthly sandbox: data that may be overwritten or is a snapshot.
    Sandbox,
}

impl fmt::Display for EnvironmentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EnvironmentKind::Production => "production",
            EnvironmentKind::Sandbox => "sandbox",
        })
    }
}

/// A Procore environment (facts §1.1).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Environment {
    /// `login.procore.com` / `api.procore.com`.
    Production,
    /// The developer sandbox of a registered app: `login-sandbox.procore.com` / `sandbox.procore.com`.
    DeveloperSandbox,
    /// The monthly customer snapshot: `login-sandbox-monthly.procore.com` / `api-monthly.procore.com`.
    MonthlySandbox,
    /// Any other pair of hosts, e.g. the local simulator.
    Custom {
        /// Base URL of the OAuth host.
        login_url: Url,
        /// Base URL of the REST API host.
        api_url: Url,
        /// What kind of data lives behind these hosts.
        kind: EnvironmentKind,
    },
}

const PRODUCTION_LOGIN: &str = "https://login.procore.com";
const PRODUCTION_API: &str = "https://api.procore.com";
const DEVELOPER_LOGIN: &str = "https://login-sandbox.procore.com";
const DEVELOPER_API: &str = "https://sandbox.procore.com";
const MONTHLY_LOGIN: &str = "https://login-sandbox-monthly.procore.com";
const MONTHLY_API: &str = "https://api-monthly.procore.com";

fn fixed(url: &str) -> Url {
    // The constants above are literals known to parse.
    Url::parse(url).unwrap_or_else(|_| unreachable!("constant URL {url} parses"))
}

impl Environment {
    /// Base URL of the OAuth (login) host.
    pub fn login_url(&self) -> Url {
        match self {
            Environment::Production => fixed(PRODUCTION_LOGIN),
            Environment::DeveloperSandbox => fixed(DEVELOPER_LOGIN),
            Environment::MonthlySandbox => fixed(MONTHLY_LOGIN),
            Environment::Custom { login_url, .. } => login_url.clone(),
        }
    }

    /// Base URL of the REST API host.
    pub fn api_url(&self) -> Url {
        match self {
            Environment::Production => fixed(PRODUCTION_API),
            Environment::DeveloperSandbox => fixed(DEVELOPER_API),
            Environment::MonthlySandbox => fixed(MONTHLY_API),
            Environment::Custom { api_url, .. } => api_url.clone(),
        }
    }

    /// Production or sandbox.
    pub fn kind(&self) -> EnvironmentKind {
        match self {
            Environment::Production => EnvironmentKind::Production,
            Environment::DeveloperSandbox | Environment::MonthlySandbox => EnvironmentKind::Sandbox,
            Environment::Custom { kind, .. } => *kind,
        }
    }

    /// Recognises the three Procore API hosts (as configured by a user: "Procore API URL").
    ///
    /// The monthly sandbox's browser host `api-sandbox-monthly.procore.com` is accepted too,
    /// because users copy it from the address bar. Returns `None` for any other host.
    pub fn from_api_url(url: &Url) -> Option<Environment> {
        if url.scheme() != "https" {
            return None;
        }
        match url.host_str()?.to_ascii_lowercase().as_str() {
            "api.procore.com" | "app.procore.com" => Some(Environment::Production),
            "sandbox.procore.com" => Some(Environment::DeveloperSandbox),
            "api-monthly.procore.com" | "api-sandbox-monthly.procore.com" => {
                Some(Environment::MonthlySandbox)
            }
            _ => None,
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Environment::Production => f.write_str("Procore production"),
            Environment::DeveloperSandbox => f.write_str("Procore developer sandbox"),
            Environment::MonthlySandbox => f.write_str("Procore monthly sandbox"),
            Environment::Custom { api_url, kind, .. } => write!(f, "{api_url} ({kind})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_hosts_have_their_urls_and_kinds() {
        assert_eq!(
            Environment::Production.api_url().as_str(),
            "https://api.procore.com/"
        );
        assert_eq!(
            Environment::Production.login_url().as_str(),
            "https://login.procore.com/"
        );
        assert_eq!(
            Environment::DeveloperSandbox.api_url().as_str(),
            "https://sandbox.procore.com/"
        );
        assert_eq!(
            Environment::MonthlySandbox.login_url().as_str(),
            "https://login-sandbox-monthly.procore.com/"
        );
        assert_eq!(Environment::Production.kind(), EnvironmentKind::Production);
        assert_eq!(Environment::MonthlySandbox.kind(), EnvironmentKind::Sandbox);
    }

    #[test]
    fn api_urls_are_recognised() {
        let parse = |s: &str| Environment::from_api_url(&Url::parse(s).unwrap());
        assert_eq!(
            parse("https://api.procore.com"),
            Some(Environment::Production)
        );
        assert_eq!(
            parse("https://API.procore.com/rest/v1.0"),
            Some(Environment::Production)
        );
        assert_eq!(
            parse("https://sandbox.procore.com/"),
            Some(Environment::DeveloperSandbox)
        );
        assert_eq!(
            parse("https://api-monthly.procore.com"),
            Some(Environment::MonthlySandbox)
        );
        assert_eq!(
            parse("https://api-sandbox-monthly.procore.com"),
            Some(Environment::MonthlySandbox)
        );
        assert_eq!(parse("http://api.procore.com"), None);
        assert_eq!(parse("https://localhost:8080"), None);
    }

    #[test]
    fn custom_keeps_its_kind() {
        let env = Environment::Custom {
            login_url: Url::parse("http://127.0.0.1:1/").unwrap(),
            api_url: Url::parse("http://127.0.0.1:2/").unwrap(),
            kind: EnvironmentKind::Sandbox,
        };
        assert_eq!(env.kind(), EnvironmentKind::Sandbox);
        assert_eq!(env.api_url().port(), Some(2));
        assert_eq!(EnvironmentKind::Sandbox.to_string(), "sandbox");
        assert_eq!(
            serde_json::to_string(&EnvironmentKind::Production).unwrap(),
            "\"production\""
        );
    }
}
