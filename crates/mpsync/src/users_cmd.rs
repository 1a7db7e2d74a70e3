//! `mpsync users`: security management from the command line — users, their rights, API
//! tokens. The first user of an installation can be made here without a token; every later
//! change needs the right to manage users (`MPSYNC_TOKEN`).

use std::process::ExitCode;

use clap::{Args, Subcommand};
use procore::Secret;
use state::{Language, NewUser, Right, Rights};

use crate::context::{read_secret, Target};
use crate::exit::{self, Fail};

#[derive(Args, Debug)]
pub struct UsersArgs {
    #[command(subcommand)]
    pub command: UsersCommand,
}

#[derive(Subcommand, Debug)]
pub enum UsersCommand {
    /// Lists the users and their rights.
    List {
        #[command(flatten)]
        target: Target,
    },
    /// Creates a user; the password comes from `MPSYNC_PASSWORD` or `--password-file`. The
    /// first user of an installation is its administrator (every right).
    Add {
        username: String,
        /// Rights, comma separated: configure, run, run:<entity>, resolve, view, manage_users.
        #[arg(long, value_delimiter = ',')]
        rights: Vec<String>,
        #[arg(long, default_value = "")]
        display_name: String,
        #[arg(long, default_value = "fr")]
        language: String,
        #[arg(long)]
        password_file: Option<std::path::PathBuf>,
        #[command(flatten)]
        target: Target,
    },
    /// Replaces a user's rights.
    Grant {
        username: String,
        #[arg(long, value_delimiter = ',')]
        rights: Vec<String>,
        #[command(flatten)]
        target: Target,
    },
    /// Makes an API token for a user (printed once; `MPSYNC_TOKEN` for the CLI, a bearer token
    /// for the API). The first user may make its own without a token.
    Token {
        username: String,
        #[arg(long, default_value = "cli")]
        name: String,
        #[command(flatten)]
        target: Target,
    },
}

fn parse_rights(rights: &[String]) -> anyhow::Result<Rights> {
    let mut parsed = Rights::default();
    for r in rights.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
        parsed.0.insert(
            r.parse()
                .map_err(|e| Fail::new(exit::USAGE, format!("{e}")))?,
        );
    }
    Ok(parsed)
}

pub async fn run(args: UsersArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        UsersCommand::List { target } => {
            let opened = target.open().await?;
            opened.authorize(&[Right::ManageUsers]).await?;
            for user in opened.state.list_users().await? {
                let rights: Vec<String> = user.rights.0.iter().map(ToString::to_string).collect();
                println!(
                    "{:<24} {:<30} {}{}",
                    user.username,
                    user.display_name,
                    rights.join(","),
                    if user.disabled_at.is_some() {
                        " (disabled)"
                    } else {
                        ""
                    }
                );
            }
        }
        UsersCommand::Add {
            username,
            rights,
            display_name,
            language,
            password_file,
            target,
        } => {
            let opened = target.open().await?;
            let first = opened.state.count_users().await? == 0;
            let actor = opened.authorize(&[Right::ManageUsers]).await?;
            let password =
                read_secret("MPSYNC_PASSWORD", password_file.as_deref())?.ok_or_else(|| {
                    Fail::new(
                        exit::USAGE,
                        "the password comes from MPSYNC_PASSWORD or --password-file",
                    )
                })?;
            let rights = if first {
                Rights(Right::all())
            } else {
                parse_rights(&rights)?
            };
            let user = opened
                .state
                .create_user(&NewUser {
                    username,
                    display_name,
                    password: Secret::new(password.expose().to_owned()),
                    language: language.parse::<Language>().unwrap_or_default(),
                    rights: rights.clone(),
                })
                .await
                .map_err(|e| Fail::new(exit::DATA_ERROR, e.to_string()))?;
            opened
                .state
                .audit(
                    &actor,
                    None,
                    "user.created",
                    &serde_json::json!({"username": user.username, "rights": rights, "first_admin": first}),
                )
                .await?;
            println!(
                "user {} created{}",
                user.username,
                if first { " as the administrator" } else { "" }
            );
        }
        UsersCommand::Grant {
            username,
            rights,
            target,
        } => {
            let opened = target.open().await?;
            let actor = opened.authorize(&[Right::ManageUsers]).await?;
            let user =
                opened.state.user_by_name(&username).await?.ok_or_else(|| {
                    Fail::new(exit::DATA_ERROR, format!("no user named {username}"))
                })?;
            let rights = parse_rights(&rights)?;
            opened.state.set_user_rights(user.id, &rights).await?;
            opened
                .state
                .audit(
                    &actor,
                    None,
                    "user.rights_changed",
                    &serde_json::json!({"username": user.username, "rights": rights}),
                )
                .await?;
            println!(
                "user {}: rights {}",
                user.username,
                rights
                    .0
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(",")
            );
        }
        UsersCommand::Token {
            username,
            name,
            target,
        } => {
            let opened = target.open().await?;
            let user =
                opened.state.user_by_name(&username).await?.ok_or_else(|| {
                    Fail::new(exit::DATA_ERROR, format!("no user named {username}"))
                })?;
            // The only user may make its first token without one (how a new installation
            // starts); otherwise making a token for someone needs the right to manage users.
            let bootstrap = opened.state.count_users().await? == 1
                && opened.state.list_api_tokens(user.id).await?.is_empty();
            let actor = if bootstrap {
                format!("cli:{}", user.username)
            } else {
                opened.authorize(&[Right::ManageUsers]).await?
            };
            let (_, token) = opened.state.create_api_token(user.id, &name).await?;
            opened
                .state
                .audit(
                    &actor,
                    None,
                    "api_token.created",
                    &serde_json::json!({"username": user.username, "name": name}),
                )
                .await?;
            println!("{}", token.expose());
        }
    }
    Ok(ExitCode::SUCCESS)
}
