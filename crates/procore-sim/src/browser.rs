//! A scripted browser for the login host: fills the HTML login form and approves the consent
//! page, as a user would, and returns the redirect the login host answers with.

use url::Url;

#[derive(Debug, thiserror::Error)]
pub enum BrowserError {
    #[error("login host request failed: {0}")]
    Http(#[from] reqwest::Error),
    #[error("invalid URL: {0}")]
    Url(#[from] url::ParseError),
    #[error("the login host did not behave as expected: {0}")]
    Unexpected(String),
}

fn hidden_value(html: &str, field: &str) -> Option<String> {
    let marker = format!("name=\"{field}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(
        html[start..end]
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// Opens `authorize_url`, logs in with `email`/`password`, allows the app, and returns the
/// redirect URL (carrying `code` and `state`). For the out-of-band redirect the code page is
/// read and returned as `urn:ietf:wg:oauth:2.0:oob?code=...`.
pub async fn log_in(
    authorize_url: impl AsRef<str>,
    email: &str,
    password: &str,
) -> Result<Url, BrowserError> {
    let authorize = Url::parse(authorize_url.as_ref())?;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let page = http.get(authorize.clone()).send().await?;
    if !page.status().is_success() {
        return Err(BrowserError::Unexpected(format!(
            "authorize page answered {}",
            page.status()
        )));
    }
    let html = page.text().await?;
    let mut form: Vec<(String, String)> = ["client_id", "redirect_uri", "response_type", "state"]
        .iter()
        .map(|f| (f.to_string(), hidden_value(&html, f).unwrap_or_default()))
        .collect();
    form.push(("email".into(), email.into()));
    form.push(("password".into(), password.into()));
    let consent = http
        .post(authorize.join("/oauth/authorize")?)
        .form(&form)
        .send()
        .await?;
    let html = consent.text().await?;
    let ticket = hidden_value(&html, "ticket")
        .ok_or_else(|| BrowserError::Unexpected("login refused (no consent page)".into()))?;
    let done = http
        .post(authorize.join("/oauth/authorize/consent")?)
        .form(&[("ticket", ticket.as_str()), ("decision", "allow")])
        .send()
        .await?;
    if let Some(location) = done.headers().get("location").and_then(|v| v.to_str().ok()) {
        return Ok(Url::parse(location)?);
    }
    let html = done.text().await?;
    let marker = "<code id=\"authorization-code\">";
    let code = html
        .find(marker)
        .and_then(|s| {
            html[s + marker.len()..]
                .split('<')
                .next()
                .map(str::to_owned)
        })
        .ok_or_else(|| BrowserError::Unexpected("no redirect and no code page".into()))?;
    let mut url = Url::parse(crate::seed::REDIRECT_URI_OOB)?;
    url.query_pairs_mut().append_pair("code", &code);
    Ok(url)
}
