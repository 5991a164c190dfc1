//! The site folder (`site-root`, target/site) as cargo-leptos fills it: emptied, then the assets folder's
//! contents (public/) copied in, the stylesheet written as `pkg/<output-name>.css` (cargo-leptos ran a plain
//! `.css` file through lightningcss; it is copied as written, and served compressed), and the browser bundle.

use std::path::Path;

use anyhow::{Context, Result};

use crate::config::Project;
use crate::front;

pub fn build(project: &Project, release: bool) -> Result<()> {
    let site = project.path(&project.site_root);
    if site.exists() {
        std::fs::remove_dir_all(&site).with_context(|| format!("emptying {}", site.display()))?;
    }
    std::fs::create_dir_all(project.pkg_dir())?;
    if let Some(assets) = &project.assets_dir {
        copy_dir(&project.path(assets), &site)?;
    }
    if let Some(style) = &project.style_file {
        let css = project
            .pkg_dir()
            .join(format!("{}.css", project.output_name));
        std::fs::copy(project.path(style), &css)
            .with_context(|| format!("copying {}", style.display()))?;
    }
    front::build(project, release)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
