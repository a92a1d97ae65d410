//! What the editor says about frontmatter and manifest keys: a short table per file kind and
//! profile, for hover and completion.

use skill_audit::Profile;

/// One documented key.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    /// One or two sentences, Markdown.
    pub doc: &'static str,
    /// Values an editor can offer (empty: free text).
    pub values: &'static [&'static str],
    /// Part of the open Agent Skills specification (portable), not only Claude Code.
    pub portable: bool,
}

const fn field(
    key: &'static str,
    doc: &'static str,
    values: &'static [&'static str],
    portable: bool,
) -> Field {
    Field {
        key,
        doc,
        values,
        portable,
    }
}

const BOOL: &[&str] = &["true", "false"];

/// Frontmatter of `SKILL.md` (and of command files, which share it).
pub const SKILL: &[Field] = &[
    field("name", "Required by the Agent Skills spec. 1-64 characters: lowercase letters, digits and single hyphens, no leading or trailing hyphen; must equal the folder name. Claude Code uses it as the display label (the folder name by default).", &[], true),
    field("description", "Required by the Agent Skills spec, at most 1024 characters. Says what the skill does and when to use it, in the third person; agents pick skills by this text alone.", &[], true),
    field("license", "Optional. A short licence name (`MIT`, `Apache-2.0`) or the name of a bundled licence file.", &[], true),
    field("compatibility", "Optional, at most 500 characters. Environment requirements (tools, network, products).", &[], true),
    field("metadata", "Optional map of string keys to string values for custom data (owner, version, review dates).", &[], true),
    field("allowed-tools", "Optional, experimental. Space-separated tools the skill may use without asking (`Bash(git:*) Read`).", &[], true),
    field("when_to_use", "Claude Code: extra trigger text appended to the description in the skill listing (the two together are cut at 1,536 characters).", &[], false),
    field("argument-hint", "Claude Code: the hint shown after the slash command (`[issue-number]`).", &[], false),
    field("arguments", "Claude Code: named arguments (a string or a list) available as `$name` in the body.", &[], false),
    field("disable-model-invocation", "Claude Code: `true` keeps the model from loading the skill by itself; only the user's slash command runs it. Default `false`.", BOOL, false),
    field("user-invocable", "Claude Code: `false` hides the skill from the slash-command menu. Default `true`.", BOOL, false),
    field("disallowed-tools", "Claude Code: tools the skill must not use (space or comma separated string, or a list).", &[], false),
    field("model", "Claude Code: the model that runs the skill (`inherit` keeps the session's).", &["inherit", "sonnet", "opus", "haiku"], false),
    field("effort", "Claude Code: reasoning effort while the skill runs.", &["low", "medium", "high", "xhigh", "max"], false),
    field("context", "Claude Code: `fork` runs the skill in a sub-agent with its own context window.", &["fork"], false),
    field("agent", "Claude Code: with `context: fork`, the sub-agent type that runs the skill.", &[], false),
    field("background", "Claude Code: with `context: fork`, whether the sub-agent runs in the background. Default `true`.", BOOL, false),
    field("hooks", "Claude Code: hooks active while the skill runs (same shape as `hooks.json`, plus `once`).", &[], false),
    field("paths", "Claude Code: globs of files that make the skill relevant.", &[], false),
    field("shell", "Claude Code: the shell for `!`-command injection.", &["bash", "powershell"], false),
];

/// Frontmatter of plugin `agents/*.md`.
pub const AGENT: &[Field] = &[
    field(
        "name",
        "Required. Lowercase letters, digits and hyphens, no `:` and no leading hyphen.",
        &[],
        false,
    ),
    field(
        "description",
        "Required. When Claude should delegate to this agent.",
        &[],
        false,
    ),
    field(
        "tools",
        "Tools the agent may use (comma separated); all tools when absent.",
        &[],
        false,
    ),
    field(
        "disallowedTools",
        "Tools the agent must not use.",
        &[],
        false,
    ),
    field(
        "model",
        "The model of the agent (`inherit` keeps the session's).",
        &["inherit", "sonnet", "opus", "haiku"],
        false,
    ),
    field("maxTurns", "The most turns the agent may take.", &[], false),
    field("skills", "Skills preloaded into the agent.", &[], false),
    field(
        "memory",
        "Persistent memory scope of the agent.",
        &["user", "project", "local"],
        false,
    ),
    field(
        "effort",
        "Reasoning effort of the agent.",
        &["low", "medium", "high", "xhigh", "max"],
        false,
    ),
    field(
        "isolation",
        "`worktree` runs the agent in its own git worktree.",
        &["worktree"],
        false,
    ),
    field(
        "color",
        "The agent's color in the UI.",
        &[
            "red", "blue", "green", "yellow", "purple", "orange", "pink", "cyan",
        ],
        false,
    ),
];

/// `.claude-plugin/plugin.json`.
pub const PLUGIN: &[Field] = &[
    field("name", "Required. The plugin's name: no spaces; kebab-case (`my-plugin`) is required for claude.ai sync. Names starting `claude-`, `anthropic-` or `cc-plugin-` are reserved.", &[], false),
    field("displayName", "A human-readable name for listings.", &[], false),
    field("version", "The plugin's version string (not checked as semver); overrides the marketplace entry.", &[], false),
    field("description", "What the plugin offers.", &[], false),
    field("author", "An object: `name` (required), `email`, `url`.", &[], false),
    field("homepage", "A URL.", &[], false),
    field("repository", "The source repository, as a string.", &[], false),
    field("license", "A licence name such as `MIT`.", &[], false),
    field("keywords", "A list of strings for search.", &[], false),
    field("defaultEnabled", "Whether the plugin is enabled when installed.", BOOL, false),
    field("metadata", "An object of custom data.", &[], false),
    field("skills", "Extra skill folders (each path starts with `./`), added to `skills/`.", &[], false),
    field("commands", "Command files or folders (`./`-relative), replacing `commands/`.", &[], false),
    field("agents", "Agent `.md` files (`./`-relative), replacing `agents/`.", &[], false),
    field("hooks", "A `./`-relative path to a hooks JSON file, inline hooks, or a list of both.", &[], false),
    field("mcpServers", "A `./`-relative path to an MCP config, inline servers, or a list of both.", &[], false),
    field("lspServers", "A `./`-relative path to an LSP config, inline servers, or a list of both.", &[], false),
    field("outputStyles", "Output style files or folders (`./`-relative).", &[], false),
    field("userConfig", "Options the user sets at install: each needs `type`, `title` and `description`.", &[], false),
    field("dependencies", "Other plugins this one needs (`name`, `name@marketplace`, or objects).", &[], false),
];

/// `.claude-plugin/marketplace.json`.
pub const MARKETPLACE: &[Field] = &[
    field("name", "Required. The marketplace's name: no spaces, `/`, `\\` or `..`; several official names are reserved.", &[], false),
    field("owner", "Required. An object: `name` (required), `email`, `url`.", &[], false),
    field("plugins", "Required. The plugin entries: each needs a unique `name` and a `source`.", &[], false),
    field("source", "Where a plugin comes from: a `./`-relative path, or an object of type `github`, `url`, `git-subdir`, `npm`, `archive` or `command`.", &[], false),
    field("strict", "Default `true`. With `false` the entry is the whole manifest and the plugin's own plugin.json must not declare components.", BOOL, false),
    field("category", "A category for listings.", &[], false),
    field("tags", "A list of strings for search.", &[], false),
    field("description", "What the marketplace or plugin offers.", &[], false),
    field("version", "A version string.", &[], false),
    field("metadata", "An object: `pluginRoot` (base folder of bare plugin sources), `version`, `description`.", &[], false),
];

/// `hooks/hooks.json`.
pub const HOOKS: &[Field] = &[
    field("hooks", "Event name to a list of `{ matcher, hooks: [handler] }` groups.", &[], false),
    field("matcher", "Which tools a group applies to: `*` or empty for all, a `|` list, or a regular expression.", &[], false),
    field("type", "The handler type.", &["command", "http", "mcp_tool", "prompt", "agent"], false),
    field("command", "The shell command of a `command` handler; quote `${CLAUDE_PLUGIN_ROOT}`.", &[], false),
    field("timeout", "Seconds before the handler is stopped (default 600; 30 for prompt, 60 for agent).", &[], false),
];

/// `.mcp.json`.
pub const MCP: &[Field] = &[
    field(
        "mcpServers",
        "Server name to its configuration.",
        &[],
        false,
    ),
    field(
        "command",
        "The program of a stdio server (required for stdio).",
        &[],
        false,
    ),
    field(
        "args",
        "Arguments of a stdio server; `${VAR}` and `${VAR:-default}` expand.",
        &[],
        false,
    ),
    field(
        "env",
        "Environment of a stdio server. Reference secrets as `${VAR}`, never inline them.",
        &[],
        false,
    ),
    field(
        "url",
        "The endpoint of an `http`, `sse` or `ws` server (required for those).",
        &[],
        false,
    ),
    field(
        "type",
        "The transport.",
        &["stdio", "http", "streamable-http", "sse", "ws"],
        false,
    ),
    field(
        "headers",
        "HTTP headers; reference secrets as `${VAR}`.",
        &[],
        false,
    ),
];

/// `.lsp.json`.
pub const LSP: &[Field] = &[
    field(
        "command",
        "Required. The language server program (no spaces unless an absolute path).",
        &[],
        false,
    ),
    field(
        "extensionToLanguage",
        "Required, non-empty. File extension (starting with `.`) to language id.",
        &[],
        false,
    ),
    field("args", "Arguments of the language server.", &[], false),
];

/// What kind of file an editor buffer is, for hover and completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Skill,
    Agent,
    Command,
    Plugin,
    Marketplace,
    Hooks,
    Mcp,
    Lsp,
    Other,
}

impl FileKind {
    /// Classify by the file's name and its folder.
    pub fn of(path: &std::path::Path) -> Self {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let parent = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .unwrap_or("");
        let md = std::path::Path::new(name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"));
        match (name, parent) {
            ("SKILL.md" | "skill.md", _) => FileKind::Skill,
            ("plugin.json", ".claude-plugin") => FileKind::Plugin,
            ("marketplace.json", ".claude-plugin") => FileKind::Marketplace,
            ("hooks.json", _) => FileKind::Hooks,
            (".mcp.json", _) => FileKind::Mcp,
            (".lsp.json", _) => FileKind::Lsp,
            (_, "agents") if md => FileKind::Agent,
            (_, "commands") if md => FileKind::Command,
            _ => FileKind::Other,
        }
    }

    pub fn is_markdown(self) -> bool {
        matches!(self, FileKind::Skill | FileKind::Agent | FileKind::Command)
    }

    /// The documented keys of this kind of file under `profile`.
    pub fn fields(self, profile: Profile) -> Vec<&'static Field> {
        let table: &[Field] = match self {
            FileKind::Skill | FileKind::Command => SKILL,
            FileKind::Agent => AGENT,
            FileKind::Plugin => PLUGIN,
            FileKind::Marketplace => MARKETPLACE,
            FileKind::Hooks => HOOKS,
            FileKind::Mcp => MCP,
            FileKind::Lsp => LSP,
            FileKind::Other => &[],
        };
        let portable_only = profile == Profile::Agentskills && self == FileKind::Skill;
        table
            .iter()
            .filter(|f| !portable_only || f.portable)
            .collect()
    }

    /// The field `key` of this kind, whatever the profile.
    pub fn field(self, key: &str) -> Option<&'static Field> {
        self.fields(Profile::ClaudeCode)
            .into_iter()
            .find(|f| f.key == key)
    }
}

/// Hover text for a key.
pub fn hover_text(kind: FileKind, field: &Field, profile: Profile) -> String {
    let mut out = format!("**`{}`**\n\n{}", field.key, field.doc);
    if !field.values.is_empty() {
        out.push_str("\n\nValues: ");
        out.push_str(
            &field
                .values
                .iter()
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if kind == FileKind::Skill && !field.portable {
        out.push_str(match profile {
            Profile::Agentskills => "\n\n*Not part of the Agent Skills spec: the `agentskills` profile reports it, and claude.ai uploads and the API reject it.*",
            Profile::ClaudeCode => "\n\n*Claude Code only: other agents, claude.ai uploads and the API do not accept it.*",
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn kinds_follow_names_and_folders() {
        assert_eq!(FileKind::of(Path::new("/a/pdf/SKILL.md")), FileKind::Skill);
        assert_eq!(
            FileKind::of(Path::new("/p/.claude-plugin/plugin.json")),
            FileKind::Plugin
        );
        assert_eq!(FileKind::of(Path::new("/p/plugin.json")), FileKind::Other);
        assert_eq!(
            FileKind::of(Path::new("/p/agents/review.md")),
            FileKind::Agent
        );
        assert_eq!(
            FileKind::of(Path::new("/p/commands/go.md")),
            FileKind::Command
        );
        assert_eq!(
            FileKind::of(Path::new("/p/hooks/hooks.json")),
            FileKind::Hooks
        );
    }

    #[test]
    fn the_agentskills_profile_offers_only_spec_keys() {
        let keys: Vec<_> = FileKind::Skill
            .fields(Profile::Agentskills)
            .iter()
            .map(|f| f.key)
            .collect();
        assert_eq!(
            keys,
            [
                "name",
                "description",
                "license",
                "compatibility",
                "metadata",
                "allowed-tools"
            ]
        );
        assert!(FileKind::Skill.fields(Profile::ClaudeCode).len() > 6);
        let effort = FileKind::Skill.field("effort").unwrap();
        assert!(hover_text(FileKind::Skill, effort, Profile::Agentskills).contains("Not part"));
    }
}
