//! The project's build settings, read from `[[workspace.metadata.leptos]]` in the workspace `Cargo.toml` (the
//! one place they are written; cargo-leptos reads the same table), with the same defaults and the same
//! `LEPTOS_SITE_ADDR` / `LEPTOS_RELOAD_PORT` environment overrides as cargo-leptos 0.3.11.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use serde_json::Value;

pub struct Project {
    /// The workspace root: every command runs from here, and the paths below are relative to it.
    pub root: PathBuf,
    /// Cargo's target directory (absolute).
    pub target_dir: PathBuf,
    /// The base name of the bundle's files (`panelcast` → `pkg/panelcast.js`, `.wasm`, `.css`).
    pub output_name: String,
    pub lib_package: String,
    pub lib_features: Vec<String>,
    pub lib_profile_release: String,
    pub bin_package: String,
    pub bin_target: String,
    pub bin_features: Vec<String>,
    pub site_root: PathBuf,
    pub site_pkg_dir: PathBuf,
    pub style_file: Option<PathBuf>,
    pub assets_dir: Option<PathBuf>,
    pub site_addr: String,
    pub reload_port: String,
    pub end2end_cmd: String,
    pub end2end_dir: PathBuf,
}

impl Project {
    pub fn load() -> Result<Self> {
        let output = cargo()
            .args(["metadata", "--no-deps", "--format-version", "1"])
            .output()
            .context("running cargo metadata")?;
        if !output.status.success() {
            bail!(
                "cargo metadata failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let metadata: Value = serde_json::from_slice(&output.stdout)?;
        let text = |v: &Value| v.as_str().map(str::to_owned);
        let root = PathBuf::from(text(&metadata["workspace_root"]).context("workspace_root")?);
        let target_dir =
            PathBuf::from(text(&metadata["target_directory"]).context("target_directory")?);
        let leptos = match &metadata["metadata"]["leptos"] {
            Value::Array(projects) if projects.len() == 1 => projects[0].clone(),
            _ => bail!("expected exactly one [[workspace.metadata.leptos]] table in Cargo.toml"),
        };
        let get = |key: &str| text(&leptos[key]);
        let list = |key: &str| -> Vec<String> {
            leptos[key]
                .as_array()
                .map(|a| a.iter().filter_map(text).collect())
                .unwrap_or_default()
        };
        let name = get("name").context("metadata.leptos.name")?;
        let lib_package = get("lib-package").context("metadata.leptos.lib-package")?;
        let bin_package = get("bin-package").context("metadata.leptos.bin-package")?;
        let mut lib_features = list("lib-features");
        lib_features.extend(list("features"));
        let mut bin_features = list("bin-features");
        bin_features.extend(list("features"));
        Ok(Project {
            output_name: get("output-name").filter(|n| !n.is_empty()).unwrap_or(name),
            lib_features,
            lib_profile_release: get("lib-profile-release").unwrap_or_else(|| "release".into()),
            bin_target: get("bin-target")
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| bin_package.clone()),
            bin_features,
            lib_package,
            bin_package,
            site_root: get("site-root")
                .unwrap_or_else(|| "target/site".into())
                .into(),
            site_pkg_dir: get("site-pkg-dir").unwrap_or_else(|| "pkg".into()).into(),
            style_file: get("style-file").map(PathBuf::from),
            assets_dir: get("assets-dir").map(PathBuf::from),
            site_addr: std::env::var("LEPTOS_SITE_ADDR")
                .ok()
                .or_else(|| get("site-addr"))
                .unwrap_or_else(|| "127.0.0.1:3000".into()),
            reload_port: std::env::var("LEPTOS_RELOAD_PORT")
                .ok()
                .or_else(|| leptos["reload-port"].as_u64().map(|p| p.to_string()))
                .unwrap_or_else(|| "3001".into()),
            end2end_cmd: get("end2end-cmd").unwrap_or_else(|| "npx playwright test".into()),
            end2end_dir: get("end2end-dir")
                .unwrap_or_else(|| "end2end".into())
                .into(),
            root,
            target_dir,
        })
    }

    /// `cargo build --package <package> --no-default-features [--features=…]`, run from the workspace root (the
    /// start of both halves' builds, as cargo-leptos words them).
    pub fn cargo_build(&self, package: &str, features: &[String]) -> Command {
        let mut cargo = cargo();
        cargo.current_dir(&self.root).args([
            "build",
            "--package",
            package,
            "--no-default-features",
        ]);
        if !features.is_empty() {
            cargo.arg(format!("--features={}", features.join(",")));
        }
        cargo
    }

    /// `target/site/pkg`, where the bundle's files go.
    pub fn pkg_dir(&self) -> PathBuf {
        self.root.join(&self.site_root).join(&self.site_pkg_dir)
    }

    /// A path under the workspace root.
    pub fn path(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.root.join(relative)
    }

    /// The variables cargo-leptos gives the server it runs (`Project::to_envs`): where the site is, its name, the
    /// address. `LEPTOS_OUTPUT_NAME` is also set for every compilation in `.cargo/config.toml` (`[env]`), since
    /// leptos reads it at compile time to name the wasm file in the page's `<link rel="preload">`.
    pub fn server_env(&self, release: bool) -> Vec<(&'static str, String)> {
        vec![
            ("LEPTOS_OUTPUT_NAME", self.output_name.clone()),
            ("LEPTOS_SITE_ROOT", self.site_root.display().to_string()),
            (
                "LEPTOS_SITE_PKG_DIR",
                self.site_pkg_dir.display().to_string(),
            ),
            ("LEPTOS_SITE_ADDR", self.site_addr.clone()),
            ("LEPTOS_RELOAD_PORT", self.reload_port.clone()),
            ("LEPTOS_LIB_DIR", self.lib_package.clone()),
            ("LEPTOS_BIN_DIR", self.bin_package.clone()),
            ("LEPTOS_JS_MINIFY", release.to_string()),
            ("LEPTOS_HASH_FILES", "false".into()),
        ]
    }
}

/// The cargo that runs this program (`CARGO`), or the one on PATH.
fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}
