// Actions carried to the next meeting: the clerk records an action on meeting 1's console (the Minutes panel);
// meeting 2's console lists it under "Actions from earlier meetings" with where it came from, its owner and due
// meeting, and meeting 2's public page lists it read-only. The clerk marks it done at meeting 2 with an update;
// the console and the public page (without reloading) show it done, and the register of meeting 2 reports it done.
// axe finds no violations on the console's panel nor on the public page. Own server, fresh database.
import { test, expect } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, expectNoAxeViolations } from "./helpers";

const FIRST = "2020-02-06";
const SECOND = "2022-12-06";
const ACTION = "The Commissioner agreed to report back on 101 call answering times.";

test("an action recorded at one meeting is carried to the next until the clerk marks it done", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await OwnServer.start("carried");
  try {
    const clerk = await clerkApi(server);
    const clerkContext = await browserAs(browser, server, clerk, { role: "clerk", name: "Mr M Dentten" });
    const page = await clerkContext.newPage();

    // Meeting 1: the clerk records the action on item 4 in the Minutes panel.
    await page.goto(`/meetings/${FIRST}/console`);
    await expect(page.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
    const minutes = page.locator('section[aria-labelledby="minutes-heading"]');
    await minutes.getByLabel("Item", { exact: true }).selectOption("4");
    await minutes.getByLabel("Action", { exact: true }).fill(ACTION);
    await minutes.getByLabel("Due at the meeting of").fill("6 December 2022");
    await minutes.getByRole("button", { name: "Record the action" }).click();
    await expect.poll(async () => (await clerk.get(`/api/v1/meetings/${FIRST}/actions`)).text()).toContain(ACTION);

    // Meeting 2: the console lists it, with where it came from.
    await page.goto(`/meetings/${SECOND}/console`);
    await expect(page.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
    const panel = page.getByTestId("carried-console");
    const row = panel.getByTestId("carried-action");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(ACTION);
    await expect(row).toContainText("Item 4 of 6 February 2020");
    await expect(row).toContainText("owner: The Commissioner");
    await expect(row).toContainText("due: 6 December 2022");
    await expect(row.getByTestId("carried-status")).toHaveText("Open");

    // The public page of meeting 2 lists it, read-only.
    const publicContext = await browser.newContext({ baseURL: server.baseURL });
    const watcher = await publicContext.newPage();
    await watcher.goto(`/meetings/${SECOND}`);
    await expect(watcher.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
    const register = watcher.getByTestId("carried-actions");
    await expect(register).toContainText(ACTION);
    await expect(register.getByRole("row", { name: new RegExp(ACTION) })).toContainText("Open");
    await expect(register.getByRole("button")).toHaveCount(0);

    // The clerk marks it done with an update; both screens show it done, live.
    await row.getByLabel("Update (optional)").fill("Report received");
    await row.getByRole("button", { name: "Mark done" }).click();
    await expect(row.getByTestId("carried-status")).toHaveText("Done at this meeting: Report received", { timeout: 10_000 });
    await expect(row.getByRole("button", { name: "Reopen" })).toBeVisible();
    await expect(register.getByRole("row", { name: new RegExp(ACTION) })).toContainText("Done at this meeting: Report received", { timeout: 10_000 });
    const json = await (await publicContext.request.get(`/api/v1/meetings/${SECOND}/actions`)).json();
    expect(json.carried[0].status).toBe("Done");

    await expectNoAxeViolations(page);
    await expectNoAxeViolations(watcher);
    for (const context of [clerkContext, publicContext]) await context.close();
  } finally {
    await server.discard();
  }
});
