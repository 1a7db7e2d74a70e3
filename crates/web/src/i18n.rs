//! The interface in English and French: maestro* users are largely Québécois. One table, one
//! line per message with both languages, so a message cannot exist in one language only.

use state::Language;

/// Translates for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tr(pub Language);

impl Tr {
    /// The message `key` in this language; the key itself when unknown (a test checks that
    /// every key the pages use is in the table).
    pub fn t(self, key: &'static str) -> &'static str {
        match MESSAGES.iter().find(|(k, _, _)| *k == key) {
            Some((_, en, fr)) => match self.0 {
                Language::En => en,
                Language::Fr => fr,
            },
            None => key,
        }
    }

    pub fn lang(self) -> &'static str {
        self.0.as_str()
    }
}

/// (key, English, French).
pub const MESSAGES: &[(&str, &str, &str)] = &[
    ("app", "maestro* ⇄ Procore", "maestro* ⇄ Procore"),
    ("skip", "Skip to content", "Aller au contenu"),
    ("sign_in", "Sign in", "Connexion"),
    ("sign_out", "Sign out", "Déconnexion"),
    ("username", "User name", "Nom d'utilisateur"),
    ("password", "Password", "Mot de passe"),
    ("display_name", "Full name", "Nom complet"),
    ("language", "Language", "Langue"),
    ("setup", "First administrator", "Premier administrateur"),
    (
        "setup_help",
        "No user exists yet. Enter the one-time token printed on the server's console when it started, and create the first administrator.",
        "Aucun utilisateur n'existe encore. Entrez le jeton à usage unique affiché sur la console du serveur à son démarrage, puis créez le premier administrateur.",
    ),
    ("setup_token", "One-time token", "Jeton à usage unique"),
    ("create", "Create", "Créer"),
    ("save", "Save", "Enregistrer"),
    ("company", "maestro* company", "Société maestro*"),
    ("companies", "Companies", "Sociétés"),
    ("tab_auth", "Authentication", "Authentification"),
    ("tab_settings", "Synchronization Settings", "Paramètres de synchronisation"),
    ("tab_projects", "Projects", "Projets"),
    ("tab_orders", "Orders", "Commandes"),
    ("tab_manager", "Synchronization Manager", "Gestionnaire de synchronisation"),
    ("tab_users", "Security", "Sécurité"),
    ("tab_audit", "Audit log", "Journal d'audit"),
    ("runs", "Runs", "Exécutions"),
    ("run", "Run", "Exécution"),
    ("run_now", "Synchronize now", "Synchroniser maintenant"),
    ("run_all", "Every enabled entity", "Toutes les entités activées"),
    ("started", "Started", "Début"),
    ("finished", "Finished", "Fin"),
    ("duration", "Duration", "Durée"),
    ("trigger", "Started by", "Lancée par"),
    ("status", "Status", "Statut"),
    ("entity", "Entity", "Entité"),
    ("action", "Action", "Action"),
    ("side", "Written in", "Écrit dans"),
    ("message", "Message", "Message"),
    ("record", "Record", "Enregistrement"),
    ("filter", "Filter", "Filtrer"),
    ("text", "Text", "Texte"),
    ("all", "All", "Tous"),
    ("export_csv", "Export to CSV", "Exporter en CSV"),
    ("retry_failed", "Retry failed records", "Relancer les enregistrements en erreur"),
    ("no_runs", "No run yet.", "Aucune exécution pour l'instant."),
    ("records", "Records", "Enregistrements"),
    ("previous", "Previous", "Précédents"),
    ("next", "Next", "Suivants"),
    ("no_outcomes", "No record matches.", "Aucun enregistrement ne correspond."),
    ("live", "Run in progress", "Exécution en cours"),
    ("live_none", "No run in progress.", "Aucune exécution en cours."),
    ("conflicts", "Conflicts", "Conflits"),
    ("no_conflicts", "No open conflict.", "Aucun conflit ouvert."),
    ("field", "Field", "Champ"),
    ("base_value", "Last agreed", "Dernière valeur commune"),
    ("erp_value", "maestro*", "maestro*"),
    ("procore_value", "Procore", "Procore"),
    ("keep_erp", "Keep maestro*", "Garder maestro*"),
    ("keep_procore", "Keep Procore", "Garder Procore"),
    ("enabled", "Enabled", "Activée"),
    ("direction", "Direction", "Sens"),
    ("procore_entity", "Procore entity name", "Nom de l'entité Procore"),
    ("last_synced", "Last synchronized", "Dernière synchronisation"),
    ("depends_on", "After", "Après"),
    ("schedule", "Schedule", "Horaire"),
    ("waiting", "Items waiting", "Éléments en attente"),
    ("schedule_company", "Every enabled entity, automatically", "Toutes les entités activées, automatiquement"),
    (
        "settings_help",
        "The arrows say which way each entity goes. Entities run in this order, each after those it depends on; an entity cannot be enabled without them.",
        "Les flèches indiquent le sens de chaque entité. Les entités s'exécutent dans cet ordre, chacune après celles dont elle dépend; une entité ne peut être activée sans elles.",
    ),
    ("cost_code_mode", "Cost code mode", "Mode des codes de coût"),
    ("mode_direct", "Direct", "Direct"),
    ("mode_concatenated", "Concatenated", "Concaténé"),
    ("separator", "Separator", "Séparateur"),
    (
        "projects_help",
        "Direct: the maestro* activity code equals the Procore cost code of each level (01, 01-A, 01-A-001, 01-A-001-01). Concatenated: the activity code joins each level's Procore code (01 + A + 001 + 01 → 01-A-001-01). One mode for every project; only the last level carries costs in Procore.",
        "Direct : le code d'activité maestro* est identique au code de coût Procore de chaque niveau (01, 01-A, 01-A-001, 01-A-001-01). Concaténé : le code d'activité joint le code Procore de chaque niveau (01 + A + 001 + 01 → 01-A-001-01). Un seul mode pour tous les projets; seul le dernier niveau porte des coûts dans Procore.",
    ),
    ("orders_target", "Procore purchase orders become", "Les bons de commande Procore deviennent"),
    ("orders_regular", "Regular orders", "Commandes régulières"),
    ("orders_stock", "Stock orders from catalogue", "Commandes d'inventaire du catalogue"),
    (
        "orders_help",
        "Subcontracts always go to the Subcontract option; no setting is needed.",
        "Les sous-contrats vont toujours dans l'option Sous-contrat; aucun paramètre n'est nécessaire.",
    ),
    ("saved", "Saved.", "Enregistré."),
    ("connection", "Connection", "Connexion"),
    ("environment", "Procore environment", "Environnement Procore"),
    ("api_url", "Procore API URL", "URL de l'API Procore"),
    ("custom_url", "Custom URL", "URL personnalisée"),
    ("env_production", "Production", "Production"),
    ("env_developer_sandbox", "Developer sandbox", "Bac à sable développeur"),
    ("env_monthly_sandbox", "Monthly sandbox", "Bac à sable mensuel"),
    ("env_kind", "Kind of environment", "Type d'environnement"),
    ("kind_production", "Production", "Production"),
    ("kind_sandbox", "Sandbox (test)", "Bac à sable (test)"),
    ("company_kind", "maestro* company kind", "Type de société maestro*"),
    ("connect", "Connect to Procore", "Se connecter à Procore"),
    ("disconnect", "Disconnect", "Déconnecter"),
    ("procore_company", "Procore Company", "Société Procore"),
    ("choose", "Choose", "Choisir"),
    ("not_connected", "Not connected to Procore.", "Non connecté à Procore."),
    ("paired_with", "Paired with Procore company", "Jumelée à la société Procore"),
    ("token_expires", "Access token expires", "Le jeton d'accès expire"),
    ("client_id", "Client ID", "ID client"),
    ("client_secret", "Client secret", "Secret client"),
    ("app_credentials", "Procore key (Marketplace app)", "Clé Procore (application Marketplace)"),
    ("kept_secret", "kept encrypted; leave empty to keep", "conservé chiffré; laisser vide pour le garder"),
    ("users", "Users", "Utilisateurs"),
    ("groups", "User groups", "Groupes d'utilisateurs"),
    ("rights", "Rights", "Droits"),
    ("members", "Members", "Membres"),
    ("add_member", "Add to the group", "Ajouter au groupe"),
    ("right_configure", "Configure the interface", "Configurer l'interface"),
    ("right_run", "Run synchronizations (every entity)", "Lancer les synchronisations (toutes les entités)"),
    ("right_resolve", "Resolve conflicts and link records", "Résoudre les conflits et lier les enregistrements"),
    ("right_view", "View the Synchronization Manager", "Consulter le gestionnaire de synchronisation"),
    ("right_manage_users", "Manage users", "Gérer les utilisateurs"),
    ("api_tokens", "API tokens", "Jetons d'API"),
    ("new_token", "New API token", "Nouveau jeton d'API"),
    ("token_once", "Copy this token now: it is shown once.", "Copiez ce jeton maintenant : il n'est affiché qu'une fois."),
    ("when", "When", "Quand"),
    ("who", "Who", "Qui"),
    ("what", "What", "Quoi"),
    ("detail", "Detail", "Détail"),
    ("forbidden", "You do not have the right to do this.", "Vous n'avez pas le droit de faire ceci."),
    ("not_found", "Not found.", "Introuvable."),
    ("back", "Back", "Retour"),
    ("error", "Error", "Erreur"),
    ("success", "Success", "Succès"),
    ("warning", "Warning", "Avertissement"),
    ("pending", "Pending", "En attente"),
    ("in_progress", "In progress", "En cours"),
    ("pending_until", "pending until", "en attente jusqu'à"),
    ("unpair", "Unpair", "Dissocier"),
    ("links", "Links", "Liens"),
    ("link", "Link", "Lier"),
    ("unlink", "Unlink", "Délier"),
    (
        "links_help",
        "Link a maestro* record to the Procore record it is (by its Procore id), or undo a link. Automatic linking is `mpsync link --auto`.",
        "Liez un enregistrement maestro* à l'enregistrement Procore qui lui correspond (par son id Procore), ou défaites un lien. La liaison automatique se fait par `mpsync link --auto`.",
    ),
    (
        "unlink_help",
        "The next synchronization compares the record afresh and links it again if it matches (by origin_id, number or name).",
        "La prochaine synchronisation compare l'enregistrement à nouveau et le lie encore s'il correspond (par origin_id, numéro ou nom).",
    ),
    (
        "unpair_help",
        "Unpairing archives every link between this company's records and Procore's. Type the company name to confirm.",
        "La dissociation archive tous les liens entre les enregistrements de cette société et ceux de Procore. Tapez le nom de la société pour confirmer.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_once_and_translated() {
        let mut keys: Vec<&str> = MESSAGES.iter().map(|(k, _, _)| *k).collect();
        keys.sort_unstable();
        let before = keys.len();
        keys.dedup();
        assert_eq!(before, keys.len(), "a key is listed twice");
        for (key, en, fr) in MESSAGES {
            assert!(!en.is_empty() && !fr.is_empty(), "{key}");
        }
        assert_eq!(Tr(Language::Fr).t("tab_orders"), "Commandes");
    }
}
