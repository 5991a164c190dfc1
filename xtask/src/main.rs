//! The build driver of Panelcast: `cargo xtask <command>` (the alias is in `.cargo/config.toml`).
//!
//! It does, in-process, what the project needed of cargo-leptos 0.3.11 with `--split`, so that a fresh machine
//! need not build cargo-leptos (12 minutes on 2 cores) to serve the demo or run CI:
//! the browser bundle (`front`: cargo build of `app` for wasm32 with the `hydrate` feature, wasm-split at the
//! `#[lazy]` functions, wasm-bindgen, and in release wasm-opt -Oz and a minified JS glue), the stylesheet and
//! assets (`site`), the server (`server`), and the browser journeys against the built server (`e2e`). Every
//! setting comes from `[workspace.metadata.leptos]` in the workspace `Cargo.toml`, which cargo-leptos still
//! reads for `cargo leptos watch --split` during development. docs/TOOLCHAIN.md says how to use it.

mod bundle;
mod config;
mod e2e;
mod front;
mod progress;
mod server;
mod site;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};

use config::Project;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Panelcast's build driver (in place of cargo-leptos)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The site (wasm bundle, stylesheet, assets) into target/site, and the server binary.
    Build(Profiles),
    /// The site only: the browser bundle, the stylesheet and the assets into target/site.
    Site(Profiles),
    /// Builds, starts the built server and runs the Playwright journeys against it
    /// (arguments after `--` go to `npx playwright test`).
    #[command(name = "end-to-end", alias = "e2e")]
    EndToEnd {
        #[command(flatten)]
        profiles: Profiles,
        /// Use what is built (`cargo xtask build` first).
        #[arg(long)]
        no_build: bool,
        #[arg(last = true)]
        playwright_args: Vec<String>,
    },
    /// The brotli size of every file in target/site/pkg and of what the public meeting page downloads.
    BundleSize {
        /// Fail if the public meeting page downloads more than its budget (`bundle::PUBLIC_PAGE_BUDGET`).
        #[arg(long)]
        check: bool,
    },
}

/// Which profile each half is built with.
#[derive(Args, Clone, Copy)]
struct Profiles {
    /// Optimised build of both halves (the wasm with `lib-profile-release`, wasm-opt and a minified JS glue;
    /// the server with `--release`), as `cargo leptos build --release --split`.
    #[arg(long)]
    release: bool,
    /// Optimised browser bundle, debug server: what the browser downloads in production, with a server that
    /// shares the build of `cargo test`.
    #[arg(long, conflicts_with = "release")]
    release_wasm: bool,
}

impl Profiles {
    fn wasm_release(self) -> bool {
        self.release || self.release_wasm
    }
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let project = Project::load()?;
    match cli.command {
        Command::Build(profiles) => {
            site::build(&project, profiles.wasm_release())?;
            server::build(&project, profiles.release)?;
        }
        Command::Site(profiles) => site::build(&project, profiles.wasm_release())?,
        Command::EndToEnd {
            profiles,
            no_build,
            playwright_args,
        } => {
            if !no_build {
                site::build(&project, profiles.wasm_release())?;
                server::build(&project, profiles.release)?;
            }
            e2e::run(&project, profiles.release, &playwright_args)?;
        }
        Command::BundleSize { check } => bundle::report(&project, check)?,
    }
    Ok(())
}
