// The clerk schedules the next meeting from the schedule page: the December 2022 summons is the template, a
// bad address is refused in the core's words, then the meeting is scheduled and the public can open it at
// once. Axe finds no violations on the page; anyone but a clerk is told the page is the clerk's.
import { test, expect } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, expectNoAxeViolations } from "./helpers";

test("the clerk schedules a meeting from an earlier summons and the public can follow it", async ({ browser }) => {
  test.setTimeout(60_000);
  const server = await OwnServer.start("schedule");
  try {
    const clerk = await clerkApi(server);
    const context = await browserAs(browser, server, clerk, { role: "clerk", name: "Anna Taylor" });
    const page = await context.newPage();
    await page.goto("/clerk/schedule");
    await expect(page.getByRole("heading", { name: "Schedule a meeting" })).toBeVisible();
    await page.waitForLoadState("networkidle");

    await page.getByLabel("Copy the agenda and membership of").selectOption("2022-12-06");
    const summons = page.getByLabel("Agenda, membership and the rest of the summons", { exact: true });
    await expect(summons).toHaveValue(/"sections"/, { timeout: 10_000 });
    await expect(page.getByLabel("Venue", { exact: true })).toHaveValue(/Sessions House/);
    await page.getByLabel("Date", { exact: true }).fill("2023-02-07");
    await page.getByLabel("Start time (UK)", { exact: true }).fill("10:00");
    await expectNoAxeViolations(page);

    await page.getByLabel("Address", { exact: true }).fill("7 Feb 2023");
    await page.getByRole("button", { name: "Schedule the meeting" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("lowercase letters, digits and hyphens");

    await page.getByLabel("Address", { exact: true }).fill("");
    await page.getByRole("button", { name: "Schedule the meeting" }).click();
    const scheduled = page.getByTestId("schedule-outcome").getByRole("link");
    await expect(scheduled).toHaveText("/meetings/2023-02-07/console");

    const watcher = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
    await watcher.goto("/");
    await expect(watcher.locator('a[href="/meetings/2023-02-07"]')).toBeVisible();
    await expect(watcher.getByText("Tuesday 7 February 2023, 10:00")).toBeVisible();
    await watcher.goto("/meetings/2023-02-07");
    await expect(watcher.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
    await expect(watcher.getByText("Tuesday 7 February 2023").first()).toBeVisible();
    await context.close();
  } finally {
    await server.discard();
  }
});

test("only a clerk gets the schedule page", async ({ browser }) => {
  const server = await OwnServer.start("schedule-refused");
  try {
    const page = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
    await page.goto("/clerk/schedule");
    await expect(page.getByTestId("clerk-only")).toContainText("Only a clerk can schedule a meeting");
    // A sound summons (an earlier meeting's, under a new id), sent by someone who is not a clerk: refused for
    // who is asking (403), not for its shape.
    const summons = await (await page.request.get("/api/v1/meetings/2022-12-06/summons")).json();
    const refused = await page.request.post("/api/v1/meetings", { data: { ...summons, id: "2023-02-07" } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).message).toBe("Members of the public can follow the meeting but cannot change it");
  } finally {
    await server.discard();
  }
});
