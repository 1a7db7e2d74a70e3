//! maestro* activities ⇄ Procore cost codes: the Projects tab of the interface.
//!
//! Procore's cost codes are a tree (each code knows only its `parent_id`; `code` is one level,
//! without its parents' prefix). maestro* activity codes are flat strings whose levels are joined
//! by a separator (`01-A-001-01`). The company chooses, once for all its projects, how the two
//! meet ([`CostCodeMode`]):
//!
//! | mode | level 1 | level 2 | level 3 | level 4 | maestro* |
//! |---|---|---|---|---|---|
//! | direct | `01` | `01-A` | `01-A-001` | `01-A-001-01` | the code of the level |
//! | concatenated | `01` | `A` | `001` | `01` | the codes joined: `01-A-001-01` |
//!
//! Only the last level carries amounts in Procore. Not every Procore level needs an activity;
//! every activity a budget or a cost uses must resolve to a last-level code. Everything here is
//! pure: [`plan`] turns a project's activities and its Procore tree into the codes to create
//! (parents before children), the links to record, and a message for every code found on one
//! side only.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// The default separator between the levels of a maestro* activity code.
pub const DEFAULT_SEPARATOR: &str = "-";
/// Deepest cost code tree mpsync creates: Procore's tiered cost codes go four levels deep in
/// practice (division, then three tiers), and the Projects tab speaks of four.
pub const MAX_LEVELS: usize = 4;

/// How maestro* activity codes meet Procore cost codes, for every project of a company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum CostCodeMode {
    /// The activity code is the Procore code of its level (`01-A-001`).
    Direct {
        /// Between the levels of an activity code (its parent is the code without its last
        /// level).
        separator: String,
    },
    /// The activity code is each level's Procore code joined (`01` + `A` + `001`).
    Concatenated { separator: String },
}

impl Default for CostCodeMode {
    fn default() -> Self {
        CostCodeMode::Direct {
            separator: DEFAULT_SEPARATOR.to_owned(),
        }
    }
}

impl CostCodeMode {
    pub fn separator(&self) -> &str {
        match self {
            CostCodeMode::Direct { separator } | CostCodeMode::Concatenated { separator } => {
                separator
            }
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            CostCodeMode::Direct { .. } => "direct",
            CostCodeMode::Concatenated { .. } => "concatenated",
        }
    }

    /// The levels of an activity code, first level first.
    pub fn levels<'a>(&self, activity: &'a str) -> Vec<&'a str> {
        let sep = self.separator();
        if sep.is_empty() {
            return vec![activity];
        }
        activity.split(sep).collect()
    }

    /// The activity one level up, if any (`01-A-001` → `01-A`).
    pub fn parent_activity(&self, activity: &str) -> Option<String> {
        let levels = self.levels(activity);
        (levels.len() > 1).then(|| levels[..levels.len() - 1].join(self.separator()))
    }

    /// The Procore `code` of the level an activity stands for.
    pub fn procore_code(&self, activity: &str) -> String {
        match self {
            CostCodeMode::Direct { .. } => activity.to_owned(),
            CostCodeMode::Concatenated { .. } => self
                .levels(activity)
                .last()
                .copied()
                .unwrap_or("")
                .to_owned(),
        }
    }

    /// The activity code of a Procore code, given its parent's activity code.
    pub fn activity_code(&self, code: &str, parent_activity: Option<&str>) -> String {
        match (self, parent_activity) {
            (CostCodeMode::Direct { .. }, _) | (_, None) => code.to_owned(),
            (CostCodeMode::Concatenated { separator }, Some(parent)) => {
                format!("{parent}{separator}{code}")
            }
        }
    }
}

/// One Procore cost code of a project, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcoreCode {
    pub id: u64,
    pub code: String,
    pub parent_id: Option<u64>,
    pub name: String,
    pub origin_id: Option<String>,
}

/// A project's Procore cost codes seen through the company's mode.
#[derive(Debug, Clone, Default)]
pub struct CodeTree {
    /// Activity code → Procore id.
    by_activity: BTreeMap<String, u64>,
    /// Procore id → (activity code, depth from 1, has children).
    nodes: BTreeMap<u64, (String, usize, bool)>,
    /// Codes whose activity code another code of the project already has (two Procore paths
    /// reaching the same maestro* code).
    clashes: Vec<(u64, String)>,
    names: BTreeMap<u64, String>,
}

impl CodeTree {
    pub fn new(mode: &CostCodeMode, codes: &[ProcoreCode]) -> Self {
        let by_id: BTreeMap<u64, &ProcoreCode> = codes.iter().map(|c| (c.id, c)).collect();
        let parents: BTreeSet<u64> = codes.iter().filter_map(|c| c.parent_id).collect();
        let mut tree = CodeTree::default();
        for c in codes {
            // Walk up to the root; a broken or cyclic chain stops at the depth limit.
            let mut chain: Vec<&ProcoreCode> = vec![c];
            let mut parent = c.parent_id;
            while let Some(p) = parent.and_then(|id| by_id.get(&id)) {
                if chain.len() > 16 {
                    break;
                }
                chain.push(p);
                parent = p.parent_id;
            }
            chain.reverse();
            let mut activity: Option<String> = None;
            for node in &chain {
                activity = Some(mode.activity_code(&node.code, activity.as_deref()));
            }
            let activity = activity.unwrap_or_default();
            tree.nodes.insert(
                c.id,
                (activity.clone(), chain.len(), parents.contains(&c.id)),
            );
            tree.names.insert(c.id, c.name.clone());
        }
        for (id, (activity, _, _)) in &tree.nodes {
            match tree.by_activity.get(activity) {
                Some(_) => tree.clashes.push((*id, activity.clone())),
                None => {
                    tree.by_activity.insert(activity.clone(), *id);
                }
            }
        }
        tree
    }

    /// The Procore id of an activity code.
    pub fn id_of(&self, activity: &str) -> Option<u64> {
        self.by_activity.get(activity).copied()
    }

    /// The activity code a Procore code stands for.
    pub fn activity_of(&self, id: u64) -> Option<&str> {
        self.nodes.get(&id).map(|(a, _, _)| a.as_str())
    }

    /// Whether the code has no child: the only level that may carry amounts.
    pub fn is_last_level(&self, id: u64) -> bool {
        self.nodes
            .get(&id)
            .is_some_and(|(_, _, children)| !children)
    }
}

/// One activity of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityCode {
    pub code: String,
    pub description: String,
}

/// A cost code to create in Procore. Its parent is either already in Procore or created by an
/// earlier wave of the same plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCode {
    /// The maestro* activity code: the `origin_id` it is created with, and the key it is
    /// bound by.
    pub activity: String,
    /// Procore `code` (one level).
    pub code: String,
    pub name: String,
    pub parent: Option<Parent>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parent {
    /// Already in Procore.
    Existing(u64),
    /// Created by an earlier wave: its activity code.
    Created(String),
}

/// A message about one code, for the Synchronization Manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeIssue {
    pub activity: String,
    pub procore_id: Option<u64>,
    pub message: String,
}

/// What a project's cost codes need.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodePlan {
    /// Codes to create, by wave: every code of wave `n` has its parent in Procore or in a wave
    /// before `n`. One sync call per wave.
    pub waves: Vec<Vec<NewCode>>,
    /// Activities already in Procore: (activity, Procore id).
    pub matched: Vec<(String, u64)>,
    /// Procore codes whose name differs from the activity's description: (id, new name).
    pub renames: Vec<(u64, String)>,
    /// Activities that cannot be created (too deep, a Procore clash): errors.
    pub errors: Vec<CodeIssue>,
    /// Last-level Procore codes no maestro* activity stands for: warnings.
    pub only_in_procore: Vec<CodeIssue>,
}

/// Plans a project's cost codes: maestro* is the master of the codes it has; Procore may have
/// more (reported, never deleted). An activity's missing parent levels are created too, named
/// after their code, since Procore needs the whole path.
pub fn plan(mode: &CostCodeMode, activities: &[ActivityCode], tree: &CodeTree) -> CodePlan {
    let mut out = CodePlan::default();
    let described: BTreeMap<&str, &str> = activities
        .iter()
        .map(|a| (a.code.as_str(), a.description.as_str()))
        .collect();
    // Every code needed: the activities and their ancestors.
    let mut needed: BTreeMap<String, usize> = BTreeMap::new();
    for a in activities {
        let depth = mode.levels(&a.code).len();
        if depth > MAX_LEVELS {
            out.errors.push(CodeIssue {
                activity: a.code.clone(),
                procore_id: None,
                message: format!(
                    "activity {}: {depth} levels; Procore cost codes go {MAX_LEVELS} deep",
                    a.code
                ),
            });
            continue;
        }
        if a.code.is_empty() || mode.levels(&a.code).iter().any(|l| l.trim().is_empty()) {
            out.errors.push(CodeIssue {
                activity: a.code.clone(),
                procore_id: None,
                message: format!("activity {:?}: a level of the code is empty", a.code),
            });
            continue;
        }
        let mut code = Some(a.code.clone());
        while let Some(c) = code {
            let depth = mode.levels(&c).len();
            code = mode.parent_activity(&c);
            needed.insert(c, depth);
        }
    }
    for (id, activity) in &tree.clashes {
        if needed.contains_key(activity) {
            out.errors.push(CodeIssue {
                activity: activity.clone(),
                procore_id: Some(*id),
                message: format!(
                    "activity {activity}: two Procore cost codes ({id} and {}) stand for it in {} mode; remove one in Procore",
                    tree.id_of(activity).unwrap_or_default(),
                    mode.name()
                ),
            });
        }
    }
    let mut by_depth: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (code, depth) in &needed {
        match tree.id_of(code) {
            Some(id) => {
                if let Some(description) = described.get(code.as_str()) {
                    out.matched.push((code.clone(), id));
                    let current = tree.names.get(&id).map(String::as_str).unwrap_or("");
                    if !description.trim().is_empty() && current.trim() != description.trim() {
                        out.renames.push((id, description.trim().to_owned()));
                    }
                }
            }
            None => by_depth.entry(*depth).or_default().push(code.clone()),
        }
    }
    for (_, codes) in by_depth {
        let wave = codes
            .into_iter()
            .map(|activity| {
                let parent = mode
                    .parent_activity(&activity)
                    .map(|p| match tree.id_of(&p) {
                        Some(id) => Parent::Existing(id),
                        None => Parent::Created(p),
                    });
                let name = described
                    .get(activity.as_str())
                    .map(|d| d.trim())
                    .filter(|d| !d.is_empty())
                    .unwrap_or(&activity)
                    .to_owned();
                NewCode {
                    code: mode.procore_code(&activity),
                    name,
                    parent,
                    activity,
                }
            })
            .collect();
        out.waves.push(wave);
    }
    for (id, (activity, _, has_children)) in &tree.nodes {
        if !has_children && !needed.contains_key(activity) {
            out.only_in_procore.push(CodeIssue {
                activity: activity.clone(),
                procore_id: Some(*id),
                message: format!(
                    "pre-existing cost code: Procore cost code {activity} ({id}) has no maestro* activity"
                ),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn direct() -> CostCodeMode {
        CostCodeMode::default()
    }

    fn concatenated() -> CostCodeMode {
        CostCodeMode::Concatenated {
            separator: "-".into(),
        }
    }

    fn activities(codes: &[&str]) -> Vec<ActivityCode> {
        codes
            .iter()
            .map(|c| ActivityCode {
                code: (*c).into(),
                description: format!("Activité {c}"),
            })
            .collect()
    }

    /// The seed's tables: Procore's four levels and the maestro* code of each.
    fn seed_tree(mode: &CostCodeMode) -> Vec<ProcoreCode> {
        let codes: [&str; 4] = match mode {
            CostCodeMode::Direct { .. } => ["01", "01-A", "01-A-001", "01-A-001-01"],
            CostCodeMode::Concatenated { .. } => ["01", "A", "001", "01"],
        };
        codes
            .iter()
            .enumerate()
            .map(|(i, code)| ProcoreCode {
                id: 100 + i as u64,
                code: (*code).into(),
                parent_id: (i > 0).then(|| 99 + i as u64),
                name: format!("Activité {}", ["01", "01-A", "01-A-001", "01-A-001-01"][i]),
                origin_id: None,
            })
            .collect()
    }

    #[test]
    fn the_seed_tables_read_the_same_activity_codes_in_both_modes() {
        for mode in [direct(), concatenated()] {
            let tree = CodeTree::new(&mode, &seed_tree(&mode));
            for (id, activity) in [
                (100, "01"),
                (101, "01-A"),
                (102, "01-A-001"),
                (103, "01-A-001-01"),
            ] {
                assert_eq!(tree.activity_of(id), Some(activity), "{mode:?}");
                assert_eq!(tree.id_of(activity), Some(id), "{mode:?}");
            }
            assert!(tree.is_last_level(103));
            assert!(!tree.is_last_level(102));
        }
    }

    #[test]
    fn an_empty_project_gets_its_codes_level_by_level_in_either_mode() {
        let codes = ["01", "01-A", "01-A-001", "01-A-001-01"];
        for (mode, procore) in [
            (direct(), ["01", "01-A", "01-A-001", "01-A-001-01"]),
            (concatenated(), ["01", "A", "001", "01"]),
        ] {
            let p = plan(&mode, &activities(&codes), &CodeTree::default());
            assert_eq!(p.waves.len(), 4, "{mode:?}");
            for (level, wave) in p.waves.iter().enumerate() {
                assert_eq!(wave.len(), 1);
                assert_eq!(wave[0].activity, codes[level]);
                assert_eq!(wave[0].code, procore[level], "{mode:?}");
                let parent = (level > 0).then(|| Parent::Created(codes[level - 1].into()));
                assert_eq!(wave[0].parent, parent);
            }
            assert!(p.errors.is_empty() && p.only_in_procore.is_empty());
        }
    }

    #[test]
    fn missing_parent_levels_are_created_and_existing_ones_reused() {
        let mode = concatenated();
        let tree = CodeTree::new(&mode, &seed_tree(&mode)[..2]);
        let p = plan(&mode, &activities(&["01-A-002-05"]), &tree);
        assert_eq!(p.waves.len(), 2);
        assert_eq!(p.waves[0][0].activity, "01-A-002");
        assert_eq!(p.waves[0][0].name, "01-A-002", "a level without activity");
        assert_eq!(p.waves[0][0].parent, Some(Parent::Existing(101)));
        assert_eq!(p.waves[1][0].code, "05");
        assert_eq!(
            p.waves[1][0].parent,
            Some(Parent::Created("01-A-002".into()))
        );
    }

    #[test]
    fn a_second_plan_over_what_was_created_has_nothing_to_do() {
        for mode in [direct(), concatenated()] {
            let tree = CodeTree::new(&mode, &seed_tree(&mode));
            let p = plan(
                &mode,
                &activities(&["01", "01-A", "01-A-001", "01-A-001-01"]),
                &tree,
            );
            assert!(p.waves.is_empty(), "{p:#?}");
            assert_eq!(p.matched.len(), 4);
            assert!(p.renames.is_empty());
        }
    }

    #[test]
    fn codes_on_one_side_only_are_reported_and_too_deep_codes_refused() {
        let mode = direct();
        let tree = CodeTree::new(&mode, &seed_tree(&mode));
        let p = plan(&mode, &activities(&["02", "01-A-001-01-X"]), &tree);
        assert_eq!(p.errors.len(), 1);
        assert!(p.errors[0].message.contains("5 levels"), "{:?}", p.errors);
        assert_eq!(p.only_in_procore.len(), 1);
        assert!(p.only_in_procore[0]
            .message
            .contains("pre-existing cost code: Procore cost code 01-A-001-01"));
        assert_eq!(
            p.waves,
            vec![vec![NewCode {
                activity: "02".into(),
                code: "02".into(),
                name: "Activité 02".into(),
                parent: None,
            }]]
        );
    }

    #[test]
    fn a_renamed_activity_renames_its_code() {
        let mode = direct();
        let tree = CodeTree::new(&mode, &seed_tree(&mode));
        let mut a = activities(&["01"]);
        a[0].description = "Conditions générales".into();
        let p = plan(&mode, &a, &tree);
        assert_eq!(p.renames, vec![(100, "Conditions générales".to_owned())]);
    }

    #[test]
    fn the_mode_is_stored_with_its_separator() {
        let json = serde_json::to_value(concatenated()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"mode": "concatenated", "separator": "-"})
        );
        let back: CostCodeMode = serde_json::from_value(json).unwrap();
        assert_eq!(back, concatenated());
    }
}
