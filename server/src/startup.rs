//! Builds the application: database, hub, router; binds the listener (port 0 in tests).

use std::{net::SocketAddr, sync::Arc};

use app::api::ssr::SharedService;
use app::ui::{shell, App};
use axum::serve::ListenerExt;
use axum::{
    extract::State,
    http::StatusCode,
    middleware,
    response::{IntoResponse, Response},
    routing::{get, post},
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use metrics_exporter_prometheus::PrometheusHandle;
use tokio::net::TcpListener;
use tower_http::{compression::CompressionLayer, trace::TraceLayer};

pub use crate::state::AppState;
use crate::{
    auth::Auth,
    config::Settings,
    hub::Hub,
    store::{Backend, EventStore},
};

/// How long start-up waits for the first LISTEN on PostgreSQL (`crate::peers`).
const LISTEN_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// A built application, bound to its listener and ready to serve.
pub struct Application {
    listener: TcpListener,
    router: Router,
    pub state: AppState,
}

impl Application {
    /// Opens the database (running migrations), seeds the demo if asked, replays every meeting, binds.
    pub async fn build(settings: &Settings) -> anyhow::Result<Self> {
        let store = EventStore::connect(&settings.database_url).await?;
        let hub = Hub::start(store.clone(), settings.seed_demo).await?;
        raise_fd_limit();
        crate::ws::set_fanout_nice(settings.fanout_nice);
        let listener = listen(settings.addr)?;
        let addr = listener.local_addr()?;
        let public_url = if settings.addr.port() == 0 {
            format!("http://{addr}")
        } else {
            settings.public_url.clone()
        };
        let auth = Auth::new(
            &store,
            public_url.clone(),
            settings.link_ttl,
            settings.session_ttl,
            settings.secure_cookies(),
        );
        if store.backend() == Backend::Postgres {
            let (ready, listening) = tokio::sync::oneshot::channel();
            tokio::spawn(crate::peers::run(
                store.url().to_owned(),
                hub.downgrade(),
                auth.clone(),
                ready,
            ));
            // Serve once other instances' sign-outs and events are heard (a sign-out announced before would
            // leave its sockets here open). Bounded: if PostgreSQL will not LISTEN now, serve anyway and let
            // the listener's retries and catch-up close the gap (it logs the failure).
            if tokio::time::timeout(LISTEN_WAIT, listening).await.is_err() {
                tracing::warn!(
                    "not yet listening for other instances' events and sign-outs; serving anyway"
                );
            }
        }
        let mut leptos_options = leptos_config(addr);
        leptos_options.site_addr = addr;
        crate::archive::set_site_root(&leptos_options.site_root);
        if let Some(path) = &settings.tls_extra_roots {
            crate::archive::tls::trust(
                crate::archive::tls::read_roots(path)
                    .map_err(|why| anyhow::anyhow!("PANELCAST_TLS_EXTRA_ROOTS: {why}"))?,
            );
        }
        let state = AppState {
            leptos_options,
            hub,
            store,
            auth,
            public_url,
            metrics: crate::metrics::install(),
            audiences: crate::ws::public::Audiences::default(),

            rates: crate::security::rate::RateLimits::new(settings.security.rates),
            security: settings.security.clone(),
        };
        spawn_metrics_upkeep(state.metrics.clone());
        Ok(Self {
            listener,
            router: router(state.clone()),
            state,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until `shutdown` resolves, then stops accepting and lets requests in flight finish.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        // Small writes (commands' answers, pings) must not wait for Nagle's algorithm.
        let listener = self.listener.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        axum::serve(
            listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await
    }
}

/// Binds with a deep accept queue: the standard library's (and tokio's) backlog of 128 overflows when a
/// reconnect storm brings thousands of viewers back at once, and every dropped SYN costs its client a 1 s
/// retransmission. The kernel caps it at `net.core.somaxconn` (4096 by default).
fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(4096)
}

/// Each viewer is a socket: raise the soft open-file limit to the hard limit (10,000 viewers need 10,000
/// descriptors; the usual soft default is 1,024). The hard limit itself is the operator's (`ulimit -Hn`,
/// systemd `LimitNOFILE=`).
fn raise_fd_limit() {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => tracing::debug!(limit, "open-file limit"),
        Err(error) => tracing::warn!(%error, "could not raise the open-file limit"),
    }
}

/// `cargo xtask end-to-end` (and cargo-leptos) set `LEPTOS_*` variables; without them (tests, plain `cargo run`) use the defaults of the
/// workspace metadata, with the site in `target/site`.
fn leptos_config(addr: SocketAddr) -> LeptosOptions {
    match get_configuration(None) {
        Ok(conf) => conf.leptos_options,
        Err(error) => {
            tracing::debug!(%error, "no leptos configuration from the environment; using defaults");
            LeptosOptions::builder()
                .output_name("panelcast")
                .site_root("target/site")
                .site_addr(addr)
                .build()
        }
    }
}

/// The app's routes, generated once per process. leptos 0.8 suppresses resource loading through a
/// process-global flag while it generates a route list, so a page rendered by another server in the same
/// process at that moment (our integration tests start one server per test, concurrently) waited forever on
/// its resources (leptos-rs/leptos#4773; seen here as `page_cache` tests hanging about one run in six). The
/// list depends only on the `App` component, so every server in the process can share the first one.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

fn router(state: AppState) -> Router {
    let routes = route_list();
    let service: SharedService = Arc::new(crate::service::Limited {
        hub: state.hub.clone(),
        rates: state.rates.clone(),
    });
    let identify = middleware::from_fn_with_state(state.auth.clone(), crate::auth::identify);
    // Outside `identify`, so a hit costs no session work; inside compression, so cached pages are compressed
    // for clients that ask, like fresh ones.
    let page_cache = middleware::from_fn_with_state(
        crate::page_cache::PageCache::new(state.hub.clone()),
        crate::page_cache::serve,
    );
    let router = Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/ws/meetings/{id}", get(crate::ws::upgrade))
        .route(
            "/meetings/{id}/chapters.vtt",
            get(crate::archive::chapters_file),
        )
        .route("/meetings/{id}/text", get(crate::text_page::text_page))
        .route(
            "/meetings/{id}/sign-in-sheet",
            post(crate::sign_in_sheet::sheet),
        )
        .route("/sign-in-sheet.css", get(crate::sign_in_sheet::stylesheet))
        .merge(crate::api::routes())
        .merge(crate::programme::routes())
        .merge(crate::minutes::routes())
        .merge(crate::document_page::routes())
        .merge(crate::actions::routes())
        .merge(crate::hearing_report::routes())
        .merge(crate::auth::routes().with_state(state.auth.clone()))
        .leptos_routes_with_context(
            &state,
            routes,
            {
                let service = service.clone();
                move || {
                    provide_context(service.clone());
                    crate::security::headers::provide_request_nonce();
                }
            },
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(
            move || {
                provide_context(service.clone());
                crate::security::headers::provide_request_nonce();
            },
            shell,
        ))
        .layer(middleware::from_fn_with_state(
            state.rates.clone(),
            crate::security::limit_accounts,
        ))
        .layer(identify)
        .layer(page_cache)
        .layer(middleware::from_fn_with_state(
            state.security.clone(),
            crate::security::metrics_guard,
        ));
    crate::security::wrap(router, &state.hub, &state.public_url)
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// The Prometheus recorder keeps every histogram sample until upkeep folds it in; without a scrape, the
/// per-viewer fan-out samples would grow without bound. Fold them in every 5 s.
fn spawn_metrics_upkeep(handle: PrometheusHandle) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(5));
        loop {
            every.tick().await;
            handle.run_upkeep();
        }
    });
}

/// Liveness and readiness: 200 "ok" when the database answers, 503 otherwise.
async fn healthz(State(store): State<EventStore>) -> Response {
    match store.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(error) => {
            tracing::error!(%error, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

async fn metrics(State(handle): State<PrometheusHandle>) -> String {
    handle.render()
}
