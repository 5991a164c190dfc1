//! The archive of a recording served over `https://` (docs/WEBCAST.md, "Reading the playlist"): the server reads
//! the playlist over TLS and places the chapters by its date-times. The playlist is served on 127.0.0.1 under a
//! self-signed certificate made here (rcgen), which the server is told to trust through its setting
//! `tls_extra_roots` (`PANELCAST_TLS_EXTRA_ROOTS`); a second server whose certificate nobody trusts is refused,
//! and the clerk is told why.

use std::sync::Arc;

use crate::common::playlists::playlist;
use crate::common::*;
use app::meeting::ids::ItemCode;
use app::meeting::Command;
use rustls_pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_rustls::rustls::{self, ServerConfig};
use tokio_rustls::TlsAcceptor;

/// A self-signed certificate for 127.0.0.1: (its DER, its key, its PEM).
fn certificate() -> (CertificateDer<'static>, PrivateKeyDer<'static>, String) {
    let made =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned()]).expect("a certificate");
    let key = PrivatePkcs8KeyDer::from(made.signing_key.serialize_der());
    (made.cert.der().clone(), key.into(), made.cert.pem())
}

/// Serves `body` as `/recording.m3u8` over TLS with `certificate`, answering every connection with it (a
/// minimal HTTP/1.1 server: this test is about the client); returns the origin.
#[allow(deprecated)] // the ring provider, as the server's client uses
async fn serve_tls(
    body: String,
    cert: CertificateDer<'static>,
    key: PrivateKeyDer<'static>,
) -> String {
    let config =
        ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_single_cert(vec![cert], key)
            .expect("a server certificate");
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let origin = format!("https://{}", listener.local_addr().expect("an address"));
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            let body = body.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(stream).await else {
                    return;
                };
                let mut request = Vec::new();
                let mut buffer = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match tls.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buffer[..n]),
                    }
                }
                let answer = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.apple.mpegurl\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = tls.write_all(answer.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    origin
}

async fn get(client: &reqwest::Client, url: &str) -> String {
    client
        .get(url)
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("a body")
}

#[tokio::test]
async fn an_https_recording_is_read_over_tls_and_an_untrusted_certificate_is_refused() {
    let (cert, key, pem) = certificate();
    let roots = tempfile::NamedTempFile::new().expect("a file");
    std::fs::write(roots.path(), pem).expect("writes the PEM");
    let path = roots.path().to_owned();
    let app = spawn_app_with(move |settings| settings.tls_extra_roots = Some(path)).await;
    let chair = app.chair().await;
    let clerk = app.clerk().await;
    let start_ms = time::OffsetDateTime::now_utc().unix_timestamp() * 1000 - 20_000;
    let trusted = serve_tls(playlist(start_ms, 100), cert, key).await;

    app.ok(&chair, DEMO, Command::OpenMeeting).await;
    for item in ["1", "A1"] {
        let item = ItemCode(item.into());
        app.ok(&chair, DEMO, Command::GoToItem { item }).await;
    }
    app.ok(&chair, DEMO, Command::CloseMeeting).await;
    let recording_url = Some(format!("{trusted}/recording.m3u8"));
    app.ok(&clerk, DEMO, Command::SetRecording { recording_url })
        .await;

    let vtt = get(
        &reqwest::Client::new(),
        &format!("{}/meetings/{DEMO}/chapters.vtt", app.base),
    )
    .await;
    assert!(
        vtt.contains(" --> "),
        "chapters placed by the https playlist's date-times: {vtt}"
    );
    assert!(
        vtt.contains("A1 Chief Constable Confirmation Hearing"),
        "{vtt}"
    );
    let page = get(&clerk, &format!("{}/meetings/{DEMO}", app.base)).await;
    assert!(page.contains("data-archive"), "the recording's player");
    assert!(
        !page.contains("For the clerk"),
        "nothing to tell the clerk: {page}"
    );

    // A server whose certificate is not trusted: not read, and the clerk is told why.
    let (other_cert, other_key, _) = certificate();
    let untrusted = serve_tls(playlist(start_ms, 100), other_cert, other_key).await;
    let recording_url = Some(format!("{untrusted}/recording.m3u8"));
    app.ok(&clerk, DEMO, Command::SetRecording { recording_url })
        .await;
    let page = get(&clerk, &format!("{}/meetings/{DEMO}", app.base)).await;
    assert!(page.contains("For the clerk"), "the clerk is told why");
    assert!(
        page.contains("a secure connection could not be made"),
        "{page}"
    );
    let public = get(
        &reqwest::Client::new(),
        &format!("{}/meetings/{DEMO}", app.base),
    )
    .await;
    assert!(!public.contains("For the clerk"));
}
