//! The browser bundle, as cargo-leptos 0.3.11 builds it with `--split` (its `compile/front.rs` and
//! `wasm_split_tools`):
//! 1. `cargo build` of the lib package for `wasm32-unknown-unknown` with the lib features (`hydrate`), in the
//!    `lib-profile-release` profile for a release build. The linker keeps its relocations
//!    (`-Clink-args=--emit-relocs`, set for this target in `.cargo/config.toml`): wasm-split needs them.
//! 2. wasm-split: the `#[lazy]` functions (app/src/ui/split.rs) and what only they use go into chunks in
//!    `pkg/`, with the loader `__wasm_split.______________________.js` and `__wasm_split_manifest.json` (which
//!    chunks each lazy function needs; the server reads it to preload them); the rest becomes `app_split.wasm`.
//! 3. wasm-bindgen on the main part (`--target web --keep-lld-exports --no-demangle`, TypeScript declarations
//!    on, as the CLI's defaults), written to `pkg/panelcast.js` and `pkg/panelcast_bg.wasm`, renamed
//!    `pkg/panelcast.wasm` (the name leptos' hydration script asks for).
//! 4. Release only: `wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int` on the main wasm and
//!    every chunk (npm binaryen 123 first on PATH: Debian's 108 breaks hydration), and the JS glue minified
//!    (esbuild, where cargo-leptos used swc).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use wasm_bindgen_cli_support::Bindgen;

use crate::config::Project;
use crate::progress::{self, Step};

/// The loader module wasm-split writes next to the chunks; leptos 0.8 looks for exactly this name.
const SPLIT_LOADER: &str = "__wasm_split.______________________.js";
const SPLIT_MANIFEST: &str = "__wasm_split_manifest.json";

pub fn build(project: &Project, release: bool) -> Result<()> {
    let wasm = compile(project, release)?;
    let pkg = project.pkg_dir();
    std::fs::create_dir_all(&pkg)?;
    let main_wasm = pkg.join(format!("{}.wasm", project.output_name));
    let mut to_optimise = vec![main_wasm.clone()];
    let split_main = progress::timed(
        &project.target_dir,
        Step {
            key: "wasm-split",
            label: "splitting the bundle at #[lazy]",
            cold: Duration::from_secs(5),
        },
        || split(project, &wasm, &pkg, &mut to_optimise),
    )?;
    progress::timed(
        &project.target_dir,
        Step {
            key: "wasm-bindgen",
            label: "wasm-bindgen",
            cold: Duration::from_secs(10),
        },
        || bindgen(project, &split_main, &pkg, &main_wasm),
    )?;
    if release {
        progress::timed(
            &project.target_dir,
            Step {
                key: "wasm-opt",
                label: "wasm-opt -Oz",
                cold: Duration::from_secs(40),
            },
            || optimise(&to_optimise),
        )?;
        minify(project, &pkg.join(format!("{}.js", project.output_name)))?;
    }
    Ok(())
}

/// Step 1; returns the linked wasm.
fn compile(project: &Project, release: bool) -> Result<PathBuf> {
    let mut cargo = project.cargo_build(&project.lib_package, &project.lib_features);
    cargo.args(["--lib", "--target=wasm32-unknown-unknown"]);
    let profile_dir = if release {
        cargo.arg(format!("--profile={}", project.lib_profile_release));
        project.lib_profile_release.as_str()
    } else {
        "debug"
    };
    let (key, cold) = if release {
        ("wasm-build-release", Duration::from_secs(7 * 60))
    } else {
        ("wasm-build-debug", Duration::from_secs(4 * 60))
    };
    let label = format!("building the browser bundle ({profile_dir})");
    progress::run(
        &project.target_dir,
        Step {
            key,
            label: &label,
            cold,
        },
        &mut cargo,
    )?;
    Ok(project
        .target_dir
        .join("wasm32-unknown-unknown")
        .join(profile_dir)
        .join(format!("{}.wasm", project.lib_package.replace('-', "_"))))
}

/// Step 2: the chunks (their paths are added to `chunks`) and the loader go to `pkg`; returns the main part.
fn split(project: &Project, wasm: &Path, pkg: &Path, chunks: &mut Vec<PathBuf>) -> Result<PathBuf> {
    let input = std::fs::read(wasm).with_context(|| format!("reading {}", wasm.display()))?;
    let stem = wasm
        .file_stem()
        .and_then(|s| s.to_str())
        .context("wasm file name")?;
    let main_out = wasm.with_file_name(format!("{stem}_split.wasm"));
    let main_module = format!("./{}.js", project.output_name);
    let link_name = format!("./{SPLIT_LOADER}");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = pkg;
        options.main_out_path = &main_out;
        options.main_module = &main_module;
        options.link_name = &link_name;
        options
    })
    .map_err(|e| anyhow::anyhow!("wasm-split: {e:?}"))?;
    std::fs::write(
        pkg.join(SPLIT_MANIFEST),
        serde_json::to_string_pretty(&split.prefetch_map)?,
    )?;
    chunks.extend(split.split_modules);
    Ok(main_out)
}

/// Step 3, the `wasm-bindgen` CLI's defaults with cargo-leptos' flags.
fn bindgen(project: &Project, input: &Path, pkg: &Path, main_wasm: &Path) -> Result<()> {
    Bindgen::new()
        .input_path(input)
        .web(true)?
        .keep_lld_exports(true)
        .demangle(false)
        .typescript(true)
        .omit_default_module_path(false)
        .out_name(&project.output_name)
        .generate(pkg)
        .map_err(|e| anyhow::anyhow!("wasm-bindgen: {e:?}"))?;
    std::fs::rename(
        pkg.join(format!("{}_bg.wasm", project.output_name)),
        main_wasm,
    )?;
    Ok(())
}

/// Step 4a: one wasm-opt per file, as many at once as there are cores (each worker takes the next file).
fn optimise(files: &[PathBuf]) -> Result<()> {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..cores.min(files.len()))
            .map(|_| {
                scope.spawn(|| -> Result<()> {
                    while let Some(file) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let status = Command::new("wasm-opt")
                            .args(["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int"])
                            .arg(file)
                            .arg("-o")
                            .arg(file)
                            .status()
                            .context("starting wasm-opt (scripts/ensure-tools.sh puts npm binaryen 123 on PATH)")?;
                        if !status.success() {
                            bail!("wasm-opt failed on {}", file.display());
                        }
                    }
                    Ok(())
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| {
            w.join()
                .unwrap_or_else(|_| bail!("a wasm-opt worker panicked"))
        })
    })
}

/// Step 4b: the JS glue minified in place, as an ES module (its exports keep their names).
fn minify(project: &Project, js: &Path) -> Result<()> {
    let mut esbuild = Command::new("esbuild");
    esbuild
        .arg(js)
        .args(["--minify", "--format=esm", "--log-level=warning"])
        .arg(format!("--outfile={}", js.display()));
    esbuild.arg("--allow-overwrite");
    progress::run(
        &project.target_dir,
        Step {
            key: "minify-js",
            label: "minifying the JS glue (esbuild)",
            cold: Duration::from_secs(1),
        },
        &mut esbuild,
    )
    .context("esbuild (scripts/ensure-tools.sh installs it from npm)")
}
