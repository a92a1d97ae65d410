//! DU002: near-duplicate skills.

use std::collections::BTreeMap;

use crate::library::{dupes, Library};
use crate::rules::du::in_plugin;
use crate::rules::{Context, Rule};
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill whose `description` and body share at least `near-threshold` (default
    /// 0.8) of their words with another skill's: the Sørensen–Dice similarity of the two word
    /// multisets, so a copy with 15% of its words changed scores about 0.85. The finding names
    /// the most similar earlier skill and the similarity. Exact copies are DU001.
    ///
    /// Skills are not compared pairwise: min-hash signatures of word-bigram shingles, computed
    /// in parallel, are banded (locality-sensitive hashing), and only skills sharing a band are
    /// compared, so a library of 100,000 skills takes seconds. Skills with fewer than 12 words
    /// are not compared.
    ///
    /// ## Why is this bad?
    /// Near-duplicates are forks that drifted: two owners maintain the same instructions, fixes
    /// reach one copy, and agents choose between two skills for the same request.
    ///
    /// ## Example
    /// ```text
    /// plugins/sales/skills/sales-forecast/SKILL.md
    /// plugins/finance/skills/finance-forecast/SKILL.md   # the same text, a few words changed
    /// ```
    ///
    /// ## Fix
    /// Merge the two into one skill (in the namespace of the department that owns it), or make
    /// their descriptions and instructions clearly distinct. Tune the threshold with
    /// `[duplicates] near-threshold` in `skill-audit.toml`.
    pub struct NearDuplicate {
        code: "DU002",
        name: "near-duplicate-skill",
        severity: Warning,
        summary: "skill shares most of its words with another skill",
        fixable: false,
    }
}

impl Rule for NearDuplicate {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        if cx.settings.is_enabled(super::ExactDuplicate::META.code) {
            return; // DU001 ran the shared pass and reported these
        }
        let dups = dupes::analyze(ws, cx.settings.near_threshold, true);
        if dups.near.is_empty() {
            return;
        }
        report_near(&dups, ws.library(), cx);
    }
}

/// Report each near-duplicate once, on the later skill, naming its most similar earlier twin.
pub(crate) fn report_near(dups: &dupes::Duplicates, lib: &Library, cx: &mut Context<'_>) {
    {
        {
            // For each later skill, its most similar earlier twin (pairs are in copy order).
            let mut best: BTreeMap<usize, dupes::NearPair> = BTreeMap::new();
            for p in &dups.near {
                let e = best.entry(p.b).or_insert(*p);
                if p.similarity > e.similarity {
                    *e = *p;
                }
            }
            for p in best.values() {
                let me = &lib.skills[p.b];
                let twin = &lib.skills[p.a];
                cx.report(
                NearDuplicate::META,
                &me.path,
                me.range,
                format!(
                    "skill `{}`{} is a near-duplicate of skill `{}`{} (similarity {:.2})",
                    me.name,
                    in_plugin(lib, p.b),
                    twin.name,
                    in_plugin(lib, p.a),
                    (p.similarity * 100.0).floor() / 100.0
                ),
            )
            .set_help("merge the two skills, or make their descriptions and instructions clearly distinct")
            .add_related(
                twin.path.clone(),
                twin.range,
                format!("the similar skill, `{}`", twin.name),
            );
            }
        }
    }
}
