// The Content-Security-Policy is on and nothing breaks: the public page (server render, hydration, the live
// socket, the webcast through native HLS or the vendored hls.js), the chair's console and the member's device
// (each a lazily loaded wasm chunk) work, and the browser reports no CSP violation on any of them.
import { test, expect, BrowserContext, Page } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, ensureOpen } from "./helpers";

const MEETING = "2022-12-06";
const CHAIR = { role: "member" as const, member: "mike-hill", name: "Mr Mike Hill" };
const MEMBER = { role: "member" as const, member: "peter-feacey", name: "Cllr Peter Feacey" };

/// Records every `securitypolicyviolation` event and every console message about the policy, in `found`.
async function watchForViolations(context: BrowserContext, found: string[]) {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  context.on("page", (page) => listen(page, found));
}

function listen(page: Page, found: string[]) {
  page.on("console", (message) => {
    const text = message.text();
    if (/CSP violation|Content Security Policy|Refused to (load|execute|connect|apply|create|compile)/i.test(text)) {
      found.push(`${page.url()}: ${text}`);
    }
  });
}

test("the pages, hydration, code-split chunks and the webcast work under the CSP with no violation", async ({ browser }) => {
  const server = await OwnServer.start("csp");
  const violations: string[] = [];
  try {
    const clerk = await clerkApi(server);
    const chairContext = await browserAs(browser, server, clerk, CHAIR);
    await ensureOpen(chairContext.request, MEETING);

    const publicContext = await browser.newContext({ baseURL: server.baseURL });
    await watchForViolations(publicContext, violations);
    const watcher = await publicContext.newPage();
    const response = await watcher.goto(`/meetings/${MEETING}`);
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("script-src 'self' 'nonce-");
    expect(policy).not.toContain("unsafe-inline");
    await expect(watcher.getByTestId("live-status")).toHaveText("Live: updates appear as they happen", { timeout: 15_000 });
    const video = watcher.getByTestId("webcast-video");
    await expect(video).toHaveAttribute("data-hls-mode", /native|hls\.js/, { timeout: 15_000 });
    // The page may fetch the stream under its policy (connect-src; hls.js fetches the playlist and segments).
    const src = await video.getAttribute("data-hls-src");
    const fetched = await watcher.evaluate(async (url) => (await fetch(url!)).status, src);
    expect(fetched).toBe(200);

    await watchForViolations(chairContext, violations);
    const consolePage = await chairContext.newPage();
    await consolePage.goto(`/meetings/${MEETING}/console`);
    await expect(consolePage.getByTestId("live-status")).toHaveText(/Live/, { timeout: 15_000 });
    await expect(consolePage.getByRole("button", { name: "Next item" })).toBeVisible();

    const memberContext = await browserAs(browser, server, clerk, MEMBER);
    await watchForViolations(memberContext, violations);
    const device = await memberContext.newPage();
    await device.goto(`/meetings/${MEETING}/member`);
    await expect(device.getByTestId("live-status")).toHaveText(/Live/, { timeout: 15_000 });
    const home = await memberContext.newPage();
    await home.goto("/");
    await expect(home.getByRole("heading", { level: 1 })).toBeVisible();

    expect(violations, violations.join("\n")).toEqual([]);
    await publicContext.close();
    await chairContext.close();
    await memberContext.close();
  } finally {
    await server.discard();
  }
});
