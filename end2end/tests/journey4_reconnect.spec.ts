// Journey 4: the public page's websocket is cut, and the page reconnects by itself and shows what it missed.
// (a) The socket is closed under the page and refused for a while; meanwhile the chair moves to B2 and
//     adjourns the meeting; when connections are let through again the page shows both, without a reload.
// (b) The server itself is stopped and started again on the same database; the page comes back live.
import { test, expect } from "@playwright/test";
import { OwnServer, clerkApi, apiAs, ensureOpen, mustRun } from "./helpers";

const MEETING = "2022-12-06";
const CHAIR = { role: "member" as const, member: "mike-hill", name: "Mr Mike Hill" };

function londonTime(ms: number): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(ms));
}

test("a cut socket reconnects by itself and shows the state it missed", async ({ browser }) => {
  const server = await OwnServer.start("journey4a");
  try {
    const clerk = await clerkApi(server);
    const chair = await apiAs(server, clerk, CHAIR);
    await ensureOpen(chair, MEETING);
    await mustRun(chair, MEETING, { type: "GoToItem", item: "A1" });

    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    let refuse = false;
    const open: { close: () => Promise<void> }[] = [];
    await page.routeWebSocket(/\/ws\/meetings\//, (ws) => {
      if (refuse) {
        ws.close({ code: 1011, reason: "test: connection refused" });
        return;
      }
      ws.connectToServer();
      open.push(ws);
    });
    await page.goto(`/meetings/${MEETING}`);
    const status = page.getByTestId("live-status");
    await expect(status).toHaveText(/^Live/, { timeout: 10_000 });
    await expect(page.locator('[data-item="A1"]')).toHaveAttribute("aria-current", "step");
    await page.evaluate(() => ((window as any).__notReloaded = true));

    // Cut the connection and refuse new ones.
    refuse = true;
    await Promise.all(open.splice(0).map((ws) => ws.close()));
    await expect(status).toHaveText("Connection lost: reconnecting…");

    // Meanwhile the meeting moves on.
    await mustRun(chair, MEETING, { type: "GoToItem", item: "B2" });
    const until = Date.now() + 3 * 60 * 60 * 1000;
    await mustRun(chair, MEETING, { type: "AdjournMeeting", until, reason: "lunch" });
    await page.waitForTimeout(1_500);
    await expect(page.locator('[data-item="A1"]')).toHaveAttribute("aria-current", "step");

    // Let connections through again: the page catches up by itself.
    refuse = false;
    await expect(status).toHaveText(/^Live/, { timeout: 20_000 });
    await expect(page.locator('[data-item="B2"]')).toHaveAttribute("aria-current", "step");
    await expect(page.getByTestId("adjourned-banner").locator(".banner__title")).toHaveText(`Adjourned until ${londonTime(until)}`);
    await expect(page.getByTestId("adjournment-reason")).toHaveText("Reason: lunch");
    await expect(page.getByTestId("webcast-notice")).toContainText("adjourned");
    expect(await page.evaluate(() => (window as any).__notReloaded)).toBe(true);
    await context.close();
  } finally {
    await server.discard();
  }
});

test("after a server restart the page reconnects and follows the meeting again", async ({ browser }) => {
  const server = await OwnServer.start("journey4b");
  try {
    const clerk = await clerkApi(server);
    const chair = await apiAs(server, clerk, CHAIR);
    await ensureOpen(chair, MEETING);
    await mustRun(chair, MEETING, { type: "GoToItem", item: "1" });

    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    await page.goto(`/meetings/${MEETING}`);
    const status = page.getByTestId("live-status");
    await expect(status).toHaveText(/^Live/, { timeout: 10_000 });
    await page.evaluate(() => ((window as any).__notReloaded = true));

    await server.down();
    await expect(status).toHaveText("Connection lost: reconnecting…");
    await server.up();
    // The chair's session and the meeting survive the restart (both are in the database).
    await mustRun(chair, MEETING, { type: "GoToItem", item: "B1" });
    await expect(status).toHaveText(/^Live/, { timeout: 20_000 });
    await expect(page.locator('[data-item="B1"]')).toHaveAttribute("aria-current", "step", { timeout: 5_000 });
    await mustRun(chair, MEETING, { type: "ExcludePublic", paragraph: 1 });
    await expect(page.getByTestId("private-banner")).toContainText("private session");
    await expect(page.getByTestId("webcast-notice")).toContainText("private session");
    await expect(page.getByTestId("webcast-video")).toHaveCount(0);
    expect(await page.evaluate(() => (window as any).__notReloaded)).toBe(true);
    await context.close();
  } finally {
    await server.discard();
  }
});
