// Journey 1: the chair moves to item A1 on the console → the public page, already open in another browser,
// highlights and announces A1 without reloading. (How fast is the benchmark's business, not this test's: it
// waits for the change with a generous bound, so a busy CI machine cannot fail it.)
import { test, expect } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, ensureOpen, mustRun } from "./helpers";

const MEETING = "2022-12-06";
const CHAIR = { role: "member" as const, member: "mike-hill", name: "Mr Mike Hill" };

test("the chair moves to A1 and the open public page highlights it without a reload", async ({ browser }) => {
  const server = await OwnServer.start("journey1");
  try {
    const clerk = await clerkApi(server);
    const chairContext = await browserAs(browser, server, clerk, CHAIR);
    await ensureOpen(chairContext.request, MEETING);
    await mustRun(chairContext.request, MEETING, { type: "GoToItem", item: "1" });

    // The public, in a browser of their own (not signed in).
    const publicContext = await browser.newContext({ baseURL: server.baseURL });
    const watcher = await publicContext.newPage();
    await watcher.goto(`/meetings/${MEETING}`);
    await expect(watcher.getByTestId("live-status")).toHaveText("Live: updates appear as they happen", { timeout: 10_000 });
    await expect(watcher.locator('[data-item="1"]')).toHaveAttribute("aria-current", "step");
    await watcher.evaluate(() => ((window as any).__notReloaded = true));

    const chair = await chairContext.newPage();
    await chair.goto(`/meetings/${MEETING}/console`);
    await expect(chair.getByTestId("live-status")).toHaveText(/Live/, { timeout: 10_000 });
    await chair.getByRole("button", { name: /Go to item A1:/ }).click();

    const a1 = watcher.locator('[data-item="A1"]');
    await expect(a1).toHaveAttribute("aria-current", "step", { timeout: 15_000 });
    await expect(a1).toHaveClass(/agenda-item--current/);
    await expect(a1).toContainText("Now");
    await expect(watcher.locator('[data-item="1"]')).not.toHaveAttribute("aria-current", "step");
    // Announced: the current item sits in a polite live region.
    const announced = watcher.getByTestId("current-item");
    await expect(announced).toHaveAttribute("aria-live", "polite");
    await expect(announced).toContainText("A1 Chief Constable Confirmation Hearing");
    expect(await watcher.evaluate(() => (window as any).__notReloaded)).toBe(true);

    // The chair's own console agrees, and Next moves on to the next item.
    await expect(chair.locator('[data-item="A1"]')).toContainText("Current item");
    await chair.getByRole("button", { name: "Next item" }).click();
    await expect(watcher.locator('[data-item="A1"]')).not.toHaveAttribute("aria-current", "step");
    await expect(watcher.getByTestId("current-item")).not.toContainText("A1");
    await publicContext.close();
    await chairContext.close();
  } finally {
    await server.discard();
  }
});
