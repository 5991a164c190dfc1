//! The server binary, as cargo-leptos builds it (`cargo build --package=server --bin=server
//! --no-default-features [--release]`), but with no `RUSTFLAGS` of its own, so it shares its dependencies'
//! builds with plain `cargo build` (a debug cargo-leptos build set `RUSTFLAGS` and rebuilt every one).

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;

use crate::config::Project;
use crate::progress::{self, Step};

pub fn build(project: &Project, release: bool) -> Result<()> {
    let mut cargo = project.cargo_build(&project.bin_package, &project.bin_features);
    cargo.args(["--bin", &project.bin_target]);
    if release {
        cargo.arg("--release");
    }
    let (key, label, cold) = if release {
        (
            "server-build-release",
            "building the server (release)",
            Duration::from_secs(8 * 60),
        )
    } else {
        (
            "server-build-debug",
            "building the server (debug)",
            Duration::from_secs(5 * 60),
        )
    };
    progress::run(&project.target_dir, Step { key, label, cold }, &mut cargo)
}

/// Where `build` puts the binary.
pub fn binary(project: &Project, release: bool) -> PathBuf {
    project
        .target_dir
        .join(if release { "release" } else { "debug" })
        .join(&project.bin_target)
}
