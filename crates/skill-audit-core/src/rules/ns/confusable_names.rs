//! NS004: names that differ only by case, separators or look-alike characters.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::library::copy_rank;
use crate::library::names::{difference, skeleton};
use crate::rules::{Context, Rule};
use crate::text::TextRange;
use crate::workspace::Workspace;

crate::declare_rule! {
    /// ## What it does
    /// Reports a skill or plugin name that differs from another name of the library only by
    /// case (`PDF-Tools`, `pdf-tools`), separators (`pdf_tools`, `pdftools`), accents or
    /// Unicode look-alikes (a Cyrillic `о` in `pdf-tооls`). The finding names the other one.
    ///
    /// ## Why is this bad?
    /// People cannot tell such names apart, agents may pick either, and look-alike characters
    /// are a classic way to impersonate a trusted skill. Names that differ only by case also
    /// clash on case-insensitive file systems.
    ///
    /// ## Example
    /// ```text
    /// skills/pdf-tools/SKILL.md   name: pdf-tools
    /// skills/pdf_tools/SKILL.md   name: pdf_tools
    /// ```
    ///
    /// ## Fix
    /// Merge the two, or rename one so that the names differ by a real word.
    pub struct ConfusableNames {
        code: "NS004",
        name: "confusable-names",
        severity: Warning,
        summary: "names differ only by case, separators or look-alike characters",
        fixable: false,
    }
}

struct Named<'a> {
    kind: &'static str,
    name: &'a str,
    path: &'a PathBuf,
    rel: &'a PathBuf,
    range: TextRange,
}

impl Rule for ConfusableNames {
    fn check_workspace(&self, ws: &Workspace, cx: &mut Context<'_>) {
        let lib = ws.library();
        let skills = lib.skills.iter().map(|s| Named {
            kind: "skill",
            name: &s.name,
            path: &s.path,
            rel: &s.rel,
            range: s.range,
        });
        let plugins = lib.plugins.iter().map(|p| Named {
            kind: "plugin",
            name: &p.name,
            path: &p.manifest_path,
            rel: &p.manifest_rel,
            range: p.name_range,
        });
        for all in [skills.collect::<Vec<_>>(), plugins.collect::<Vec<_>>()] {
            let mut groups: BTreeMap<String, Vec<&Named<'_>>> = BTreeMap::new();
            for n in &all {
                groups.entry(skeleton(n.name)).or_default().push(n);
            }
            for members in groups.values_mut() {
                if members.iter().all(|n| n.name == members[0].name) {
                    continue;
                }
                members.sort_by_key(|n| copy_rank(n.rel, n.path));
                let first = members[0];
                for me in members.iter().skip(1).filter(|n| n.name != first.name) {
                    cx.report(
                        Self::META,
                        me.path,
                        me.range,
                        format!(
                            "{} name `{}` differs from `{}` only by {}",
                            me.kind,
                            me.name,
                            first.name,
                            difference(me.name, first.name)
                        ),
                    )
                    .set_help("merge the two, or rename one so that the names differ by a word")
                    .add_related(
                        first.path.clone(),
                        first.range,
                        format!("{} `{}` is defined here", first.kind, first.name),
                    );
                }
            }
        }
    }
}
