// Helpers shared by the journeys: signing people in (a clerk through the server's own `sign-in-link` command,
// everyone else through the clerk's `POST /api/v1/sign-in-links`), sending commands over HTTP, reading views, and
// starting a separate server on a fresh database when a journey needs a meeting nobody else has touched.
import { execFileSync, spawn, ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { Browser, BrowserContext, APIRequestContext, Page, request as playwrightRequest, expect } from "@playwright/test";

export const ROOT = path.resolve(__dirname, "../..");
// `cargo xtask end-to-end` says which server it built; the debug one otherwise.
const SERVER_BINARY = process.env.PANELCAST_SERVER_BINARY ?? path.join(ROOT, "target/debug/server");

/// The server under test: the one `cargo xtask end-to-end` started (the default) or one started by `startServer`.
export interface Site {
  baseURL: string;
  /// The environment the server runs with (its DATABASE_URL matters to `sign-in-link`).
  env: NodeJS.ProcessEnv;
}

export const mainSite: Site = {
  baseURL: `http://${process.env.LEPTOS_SITE_ADDR ?? "127.0.0.1:3000"}`,
  env: process.env,
};

/// Who signs in: an `Actor` as the server's JSON has it, and the name shown.
export type Who =
  | { role: "member"; member: string; name: string }
  | { role: "clerk"; name: string }
  | { role: "commissioner"; name: string };

function actorJson(who: Who) {
  switch (who.role) {
    case "member":
      return { role: "member", member: who.member };
    case "clerk":
      return { role: "clerk", name: who.name };
    case "commissioner":
      return { role: "commissioner" };
  }
}

/// A single-use link from the server binary itself (no one is signed in yet to ask for one).
export function linkFromCli(site: Site, who: Who): string {
  const args = ["sign-in-link", "--role", who.role, "--name", who.name];
  if (who.role === "member") args.push("--member", who.member);
  const out = execFileSync(SERVER_BINARY, args, { cwd: ROOT, env: site.env, encoding: "utf8" });
  const url = out.trim().split("\n").pop() ?? "";
  expect(url).toMatch(/\/sign-in\/[A-Za-z0-9_-]+$/);
  return url;
}

function tokenOf(url: string): string {
  return url.split("/sign-in/")[1];
}

/// Redeems a link in `api` (a browser context's request or a standalone one): the session cookie lands there.
async function redeem(site: Site, api: APIRequestContext, url: string) {
  const response = await api.post(`${site.baseURL}/sign-in`, { form: { token: tokenOf(url) }, maxRedirects: 0 });
  expect(response.status(), "signing in").toBeLessThan(400);
}

/// A clerk, signed in through the command line; used to make everyone else's links.
export async function clerkApi(site: Site): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: site.baseURL });
  await redeem(site, api, linkFromCli(site, { role: "clerk", name: "Mr M Dentten" }));
  return api;
}

/// A link made by a signed-in clerk through `POST /api/v1/sign-in-links`.
export async function linkFromClerk(clerk: APIRequestContext, who: Who): Promise<string> {
  const response = await clerk.post("/api/v1/sign-in-links", { data: { actor: actorJson(who), display_name: who.name } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).url;
}

/// A browser context signed in as `who` (each context is one person's browser).
export async function browserAs(browser: Browser, site: Site, clerk: APIRequestContext, who: Who): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: site.baseURL });
  await redeem(site, context.request, await linkFromClerk(clerk, who));
  return context;
}

/// A request context (no browser) signed in as `who`, for people whose part is driven over the HTTP API.
export async function apiAs(site: Site, clerk: APIRequestContext, who: Who): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: site.baseURL });
  await redeem(site, api, await linkFromClerk(clerk, who));
  return api;
}

/// Sends a command; returns the HTTP status and body.
export async function command(api: APIRequestContext, meeting: string, body: object) {
  const response = await api.post(`/api/v1/meetings/${meeting}/commands`, { data: body });
  return { status: response.status(), body: await response.json().catch(() => null) };
}

/// Sends a command that must be accepted.
export async function mustRun(api: APIRequestContext, meeting: string, body: object) {
  const result = await command(api, meeting, body);
  expect(result.status, `${JSON.stringify(body)} → ${JSON.stringify(result.body)}`).toBe(200);
  return result.body;
}

/// The meeting as `api`'s viewer sees it.
export async function viewOf(api: APIRequestContext, meeting: string) {
  const response = await api.get(`/api/v1/meetings/${meeting}`);
  expect(response.status()).toBe(200);
  return (await response.json()).view;
}

/// The chair opens the meeting unless an earlier run already did.
export async function ensureOpen(chair: APIRequestContext, meeting: string) {
  const view = await viewOf(chair, meeting);
  if (view.phase === "scheduled") await mustRun(chair, meeting, { type: "OpenMeeting" });
  if (view.phase === "adjourned") await mustRun(chair, meeting, { type: "ResumeMeeting" });
}

/// Everyone who holds a seat: [member id, name, is chair].
export function seatHolders(view: any): { id: string; name: string; chair: boolean }[] {
  return view.roster
    .filter((seat: any) => seat.holder_id)
    .map((seat: any) => ({ id: seat.holder_id, name: seat.holder, chair: seat.is_chair }));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/// A server of our own, on a fresh database (or `database` to reuse one), on a free port (or `port`).
export class OwnServer implements Site {
  baseURL: string;
  env: NodeJS.ProcessEnv;
  private process: ChildProcess | null = null;

  private constructor(public port: number, public database: string) {
    this.baseURL = `http://127.0.0.1:${port}`;
    this.env = {
      ...process.env,
      DATABASE_URL: database,
      PANELCAST_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      PANELCAST_PUBLIC_URL: `http://127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: "target/site",
      LEPTOS_SITE_PKG_DIR: "pkg",
      LEPTOS_OUTPUT_NAME: "panelcast",
      RUST_LOG: "warn",
    };
  }

  static async start(name: string): Promise<OwnServer> {
    const database = `sqlite:///tmp/panelcast-e2e-${name}-${process.pid}-${Date.now()}.db?mode=rwc`;
    const server = new OwnServer(await freePort(), database);
    await server.up();
    return server;
  }

  /// Starts (or restarts) the server process and waits until `/healthz` answers.
  async up() {
    this.process = spawn(SERVER_BINARY, ["serve"], { cwd: ROOT, env: this.env, stdio: ["ignore", "inherit", "inherit"] });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${this.baseURL}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the server on ${this.baseURL} did not start`);
  }

  /// Stops the process this helper started (SIGTERM, a graceful shutdown), and waits for it to exit.
  async down() {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }

  /// Stops the server for good and deletes its database file (with SQLite's `-wal`/`-shm` companions),
  /// so that repeated runs leave nothing behind in the temporary folder.
  async discard() {
    await this.down();
    const file = this.database.replace(/^sqlite:\/\//, "").replace(/\?.*$/, "");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  }
}

/// Runs axe-core on the page as it is now and expects no violations (WCAG rules axe can check).
export async function expectNoAxeViolations(page: Page) {
  // Evaluated through the DevTools protocol, not as an inline <script>: the page's Content-Security-Policy
  // (rightly) refuses inline scripts without its nonce.
  await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n: any) => n.target.join(" ") + " :: " + n.failureSummary),
    }));
  });
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

/// The chair opens the meeting, moves to the hearing's item A1 and takes the hearing to its vote.
export async function openToHearingVote(chair: APIRequestContext, meeting: string) {
  await mustRun(chair, meeting, { type: "OpenMeeting" });
  await mustRun(chair, meeting, { type: "GoToItem", item: "A1" });
  for (const stage of ["questions", "private_deliberation", "vote"]) {
    await mustRun(chair, meeting, { type: "SetHearingStage", stage });
  }
}
