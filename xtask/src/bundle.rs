//! What the browser downloads, measured as it is served (brotli, quality 11, as `brotli -q 11`): every file of
//! `pkg/`, and the total of the three the public meeting page loads — the main wasm, its JS glue and the
//! wasm-split loader (`__wasm_split.*.js`); every other page adds the chunks listed for it in
//! `__wasm_split_manifest.json`. `--check` fails when that total exceeds [`PUBLIC_PAGE_BUDGET`].

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::config::Project;

/// 262,118 B brotli (measured on 6 December 2026, second round) + 5 %: the public page is what thousands of
/// viewers download at once, and a build that grows it past this is a regression to look at, not to ship.
///
/// Re-based a second time, not silently: 238,526 B + 5 % (250,452 B) until the page gained the live view in step
/// with the webcast (held changes, the switch and "Jump to live"), the actions carried from earlier meetings, the
/// agenda's supplements, postponement and cancellation notices and the meeting's kind (+23,592 B).
/// Before that: it was 198,578 B + 5 % (208,507 B) until the page gained the archive (chapters, the
/// moments shown as the recording plays), the turnout of an open vote, resolutions under their items and the
/// links to the minutes, the vote record and the hearing report (+39,948 B). The 200 KB target is now missed;
/// the way back is a lazily loaded chunk for the archive (only closed meetings show it) and for the record's
/// panels, which needs `ui::split` to preload by the meeting's phase as well as by its address (BENCH.md).
pub const PUBLIC_PAGE_BUDGET: u64 = 275_224;

pub fn report(project: &Project, check: bool) -> Result<()> {
    let pkg = project.pkg_dir();
    let mut files: Vec<_> = std::fs::read_dir(&pkg)
        .with_context(|| format!("reading {} (build the site first)", pkg.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("wasm" | "js")))
        .collect();
    files.sort();
    let mut public_page = 0;
    for file in &files {
        let raw = std::fs::metadata(file)?.len();
        let compressed = brotli_size(file)?;
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        println!("{name}: {raw} bytes raw, {compressed} bytes brotli");
        let main = format!("{}.", project.output_name);
        if name == format!("{main}wasm")
            || name == format!("{main}js")
            || name.starts_with("__wasm_split.")
        {
            public_page += compressed;
        }
    }
    println!(
        "public meeting page downloads ({0}.wasm + {0}.js + split loader): {public_page} bytes brotli \
         (budget {PUBLIC_PAGE_BUDGET})",
        project.output_name
    );
    if check && public_page > PUBLIC_PAGE_BUDGET {
        bail!("the public meeting page's bundle is {public_page} B brotli, over its budget of {PUBLIC_PAGE_BUDGET} B");
    }
    Ok(())
}

fn brotli_size(file: &Path) -> Result<u64> {
    let input = std::fs::read(file)?;
    let mut output = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut output, 64 * 1024, 11, 24);
        writer.write_all(&input)?;
    }
    Ok(output.len() as u64)
}
