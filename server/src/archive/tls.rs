//! The TLS client for reading `https://` recording playlists: rustls (through tokio-rustls, over the hyper
//! HTTP/1.1 client `fetch.rs` already uses), the `ring` provider, and the Mozilla root certificates compiled in
//! (webpki-roots), so it needs neither OpenSSL nor the host's certificate store. A deployment whose recordings
//! are served under a private certificate authority names its PEM file in `PANELCAST_TLS_EXTRA_ROOTS`; those
//! roots are trusted as well (the tests trust a self-signed certificate this way).

use std::path::Path;
use std::sync::{Arc, Mutex};

use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;
use tokio_rustls::rustls::{self, ClientConfig, RootCertStore};
use tokio_rustls::TlsConnector;

/// Roots trusted beyond the Mozilla set. Only ever added to (at start-up; several test servers in one process
/// each add theirs), never removed.
static EXTRA_ROOTS: Mutex<Vec<CertificateDer<'static>>> = Mutex::new(Vec::new());

/// The certificates in the PEM file at `path`: at least one, else why not.
pub fn read_roots(path: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    let roots = CertificateDer::pem_file_iter(path)
        .map_err(|error| format!("{} could not be read: {error}", path.display()))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|error| format!("{} is not a PEM certificate file: {error}", path.display()))?;
    if roots.is_empty() {
        return Err(format!("{} holds no certificate", path.display()));
    }
    Ok(roots)
}

/// Trusts `roots` too, from now on.
pub fn trust(roots: Vec<CertificateDer<'static>>) {
    if let Ok(mut extra) = EXTRA_ROOTS.lock() {
        extra.extend(roots);
    }
}

// `ring` has no post-quantum key exchange (hence rustls' deprecation note); aws-lc-rs has, but needs cmake and a
// long C build, a poor trade on this project's two-core machines for reading a playlist.
#[allow(deprecated)]
fn config() -> Result<ClientConfig, String> {
    let mut store = RootCertStore::from_iter(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Ok(extra) = EXTRA_ROOTS.lock() {
        store.add_parsable_certificates(extra.iter().cloned());
    }
    ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|error| format!("TLS is not available: {error}"))
        .map(|builder| builder.with_root_certificates(store).with_no_client_auth())
}

/// A TLS connection to `host` over `stream`, the server's certificate checked against the trusted roots.
pub async fn connect(host: &str, stream: TcpStream) -> Result<TlsStream<TcpStream>, String> {
    let name = ServerName::try_from(
        host.trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned(),
    )
    .map_err(|_| format!("{host} is not a host name TLS can check"))?;
    TlsConnector::from(Arc::new(config()?))
        .connect(name, stream)
        .await
        .map_err(|error| format!("a secure connection could not be made ({error})"))
}
