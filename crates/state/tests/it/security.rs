use chrono::Duration;
use procore::Secret;
use serde_json::json;
use state::{Language, LoginRefused, NewUser, Page, Right, Rights, StateError, StateStore};

fn new_user(name: &str, rights: &[Right]) -> NewUser {
    NewUser {
        username: name.into(),
        display_name: String::new(),
        password: Secret::new("correct horse battery"),
        language: Language::Fr,
        rights: Rights(rights.iter().cloned().collect()),
    }
}

async fn users_sign_in_with_argon2id_passwords_and_names_are_unique(store: StateStore) {
    assert_eq!(store.count_users().await.unwrap(), 0);
    let user = store
        .create_user(&new_user("Marie.Tremblay", &[Right::View]))
        .await
        .unwrap();
    assert_eq!(user.username, "marie.tremblay");
    assert_eq!(user.language, Language::Fr);
    assert!(matches!(
        store.create_user(&new_user("MARIE.TREMBLAY", &[])).await,
        Err(StateError::Invalid(m)) if m.contains("taken")
    ));
    let mut short = new_user("luc", &[]);
    short.password = Secret::new("short");
    assert!(matches!(
        store.create_user(&short).await,
        Err(StateError::Invalid(m)) if m.contains("password")
    ));
    let ok = store
        .verify_login("Marie.Tremblay", &Secret::new("correct horse battery"))
        .await
        .unwrap();
    assert_eq!(ok.unwrap().id, user.id);
    let wrong = store
        .verify_login("marie.tremblay", &Secret::new("wrong password!"))
        .await
        .unwrap();
    assert_eq!(wrong, Err(LoginRefused::BadCredentials));
    let unknown = store
        .verify_login("nobody", &Secret::new("correct horse battery"))
        .await
        .unwrap();
    assert_eq!(unknown, Err(LoginRefused::BadCredentials));
    store.set_user_disabled(user.id, true).await.unwrap();
    assert_eq!(
        store
            .verify_login("marie.tremblay", &Secret::new("correct horse battery"))
            .await
            .unwrap(),
        Err(LoginRefused::BadCredentials),
        "a disabled user signs in nowhere"
    );
}

async fn repeated_failures_throttle_the_name_even_with_the_right_password(store: StateStore) {
    store.create_user(&new_user("paul", &[])).await.unwrap();
    for _ in 0..state::security::MAX_FAILURES {
        let refused = store
            .verify_login("paul", &Secret::new("guess guess guess"))
            .await
            .unwrap();
        assert_eq!(refused, Err(LoginRefused::BadCredentials));
    }
    let throttled = store
        .verify_login("paul", &Secret::new("correct horse battery"))
        .await
        .unwrap();
    assert!(
        matches!(throttled, Err(LoginRefused::Throttled { .. })),
        "{throttled:?}"
    );
}

async fn rights_come_from_the_user_and_its_groups(store: StateStore) {
    let user = store
        .create_user(&new_user("ana", &[Right::Run(Some("suppliers".into()))]))
        .await
        .unwrap();
    let rights = store.effective_rights(&user).await.unwrap();
    assert!(rights.may_run("suppliers"));
    assert!(!rights.may_run("projects"));
    assert!(!rights.allows(&Right::View));
    let group = store
        .create_group(
            "Comptabilité",
            &Rights([Right::View, Right::Resolve].into()),
        )
        .await
        .unwrap();
    store.add_group_member(group.id, user.id).await.unwrap();
    store.add_group_member(group.id, user.id).await.unwrap();
    let rights = store.effective_rights(&user).await.unwrap();
    assert!(rights.allows(&Right::View) && rights.allows(&Right::Resolve));
    assert!(!rights.allows(&Right::Configure));
    let groups = store.list_groups().await.unwrap();
    assert_eq!(groups[0].members, vec![user.id]);
    store
        .set_user_rights(user.id, &Rights([Right::Run(None)].into()))
        .await
        .unwrap();
    let rights = store
        .effective_rights(&store.user(user.id).await.unwrap().unwrap())
        .await
        .unwrap();
    assert!(rights.may_run("projects"), "run covers every entity");
}

async fn sessions_and_api_tokens_are_kept_as_hashes(store: StateStore) {
    let user = store
        .create_user(&new_user(
            "admin",
            &Right::all().into_iter().collect::<Vec<_>>(),
        ))
        .await
        .unwrap();
    let cookie = store
        .create_session(user.id, Duration::hours(8))
        .await
        .unwrap();
    let session = store.session(cookie.expose()).await.unwrap().unwrap();
    assert_eq!(session.user.id, user.id);
    assert!(session.rights.allows(&Right::ManageUsers));
    assert_eq!(session.csrf_token.len(), 64);
    assert!(store.session("forged").await.unwrap().is_none());
    store.delete_session(cookie.expose()).await.unwrap();
    assert!(store.session(cookie.expose()).await.unwrap().is_none());

    let expired = store
        .create_session(user.id, Duration::seconds(-1))
        .await
        .unwrap();
    assert!(store.session(expired.expose()).await.unwrap().is_none());

    let (listed, token) = store.create_api_token(user.id, "scripts").await.unwrap();
    assert!(token.expose().starts_with("mps_"));
    let (found, rights) = store
        .user_by_api_token(token.expose())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, user.id);
    assert!(rights.may_run("suppliers"));
    assert!(store.revoke_api_token(user.id, listed.id).await.unwrap());
    assert!(store
        .user_by_api_token(token.expose())
        .await
        .unwrap()
        .is_none());
    let tokens = store.list_api_tokens(user.id).await.unwrap();
    assert!(tokens[0].revoked_at.is_some() && tokens[0].last_used_at.is_some());
}

async fn the_audit_log_keeps_who_did_what_newest_first(store: StateStore) {
    store
        .audit(
            "admin",
            Some("ACME"),
            "settings.changed",
            &json!({"name": "orders.target"}),
        )
        .await
        .unwrap();
    store
        .audit("admin", None, "user.created", &json!({"username": "ana"}))
        .await
        .unwrap();
    store
        .audit("marie", Some("OTHER"), "run.started", &json!({}))
        .await
        .unwrap();
    let acme = store
        .audit_log(Some("ACME"), Page::first(10))
        .await
        .unwrap();
    let actions: Vec<&str> = acme.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, vec!["user.created", "settings.changed"]);
    assert_eq!(
        store.audit_log(None, Page::first(10)).await.unwrap().len(),
        3
    );
}

async fn a_run_lease_keeps_two_runs_of_a_company_apart(store: StateStore) {
    let ttl = Duration::minutes(5);
    assert!(store
        .acquire_run_lease("ACME", "worker-1", ttl)
        .await
        .unwrap());
    assert!(!store
        .acquire_run_lease("ACME", "worker-2", ttl)
        .await
        .unwrap());
    assert!(store
        .acquire_run_lease("OTHER", "worker-2", ttl)
        .await
        .unwrap());
    assert!(
        store
            .acquire_run_lease("ACME", "worker-1", ttl)
            .await
            .unwrap(),
        "extended"
    );
    store.release_run_lease("ACME", "worker-2").await.unwrap();
    assert!(
        !store
            .acquire_run_lease("ACME", "worker-2", ttl)
            .await
            .unwrap(),
        "not its lease"
    );
    store.release_run_lease("ACME", "worker-1").await.unwrap();
    assert!(store
        .acquire_run_lease("ACME", "worker-2", ttl)
        .await
        .unwrap());
    // A holder that died leaves a lease that expires.
    assert!(store
        .acquire_run_lease("DEAD", "crashed", Duration::seconds(-1))
        .await
        .unwrap());
    assert!(store
        .acquire_run_lease("DEAD", "worker-1", ttl)
        .await
        .unwrap());
}

backend_tests!(
    users_sign_in_with_argon2id_passwords_and_names_are_unique,
    repeated_failures_throttle_the_name_even_with_the_right_password,
    rights_come_from_the_user_and_its_groups,
    sessions_and_api_tokens_are_kept_as_hashes,
    the_audit_log_keeps_who_did_what_newest_first,
    a_run_lease_keeps_two_runs_of_a_company_apart,
);
