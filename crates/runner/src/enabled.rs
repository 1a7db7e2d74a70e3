//! The Synchronization Settings tab's check boxes: which entities a company synchronizes.
//! Every entity is enabled until the company says otherwise; an entity cannot be enabled
//! while one it depends on is not, so the dependency order can always be kept.

use engine::entity::EntitySpec;
use state::StateStore;

use crate::entities::SPECS;
use crate::RunnerError;

/// Setting (per maestro* company): the names of the enabled entities.
pub const ENABLED_SETTING: &str = "sync.enabled_entities";

/// The declaration of an entity by name.
pub fn spec(name: &str) -> Option<&'static EntitySpec> {
    SPECS.iter().find(|s| s.name == name)
}

/// The entities a company synchronizes, in declaration order.
pub async fn enabled_entities(
    state: &StateStore,
    company: &str,
) -> Result<Vec<&'static str>, RunnerError> {
    let chosen: Option<Vec<String>> = state.setting_as(company, ENABLED_SETTING).await?;
    Ok(match chosen {
        None => SPECS.iter().map(|s| s.name).collect(),
        Some(names) => SPECS
            .iter()
            .map(|s| s.name)
            .filter(|n| names.iter().any(|c| c == n))
            .collect(),
    })
}

/// Why a set of enabled entities breaks the dependency order, if it does.
pub fn check_enabled(names: &[&str]) -> Result<(), RunnerError> {
    for name in names {
        let spec = spec(name).ok_or_else(|| RunnerError::UnknownEntity((*name).to_owned()))?;
        if let Some(missing) = spec.depends_on.iter().find(|d| !names.contains(d)) {
            return Err(RunnerError::SettingRefused(format!(
                "{name} depends on {missing}: enable {missing} too, or disable {name}"
            )));
        }
    }
    Ok(())
}

/// Saves the enabled entities, refusing a set that breaks the dependency order.
pub async fn set_enabled_entities(
    state: &StateStore,
    company: &str,
    names: &[&str],
) -> Result<(), RunnerError> {
    check_enabled(names)?;
    let names: Vec<&str> = SPECS
        .iter()
        .map(|s| s.name)
        .filter(|n| names.contains(n))
        .collect();
    state
        .set_setting_as(company, ENABLED_SETTING, &names)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entity_needs_what_it_depends_on() {
        assert!(check_enabled(&["projects", "cost_codes"]).is_ok());
        let refused = check_enabled(&["cost_codes"]).unwrap_err().to_string();
        assert!(
            refused.contains("cost_codes depends on projects"),
            "{refused}"
        );
        assert!(check_enabled(&["nothing"]).is_err());
        let all: Vec<&str> = SPECS.iter().map(|s| s.name).collect();
        assert!(check_enabled(&all).is_ok());
    }
}
