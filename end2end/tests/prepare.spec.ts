// Preparing a meeting from the agenda pack (docs/PREPARING.md): the clerk pastes the 6 December 2022 pack, the
// form is filled in with what was read (20 seats, 7 sections, "None for this meeting." kept), the summary at the
// top lists what is missing in the core's words and takes the keyboard focus, the clerk corrects the date and
// names the Commissioner, schedules, and the public page shows the imported agenda. Then, from the console before
// the meeting opens, the clerk marks a paper arrived, withdraws an item and postpones the meeting (by keyboard);
// the public page, open in a second page, shows each change live. Axe finds no violations on the filled-in form,
// with the error summary showing, on the console and on the public page after the changes.
import { test, expect } from "@playwright/test";
import * as fs from "fs";
import * as path from "path";
import { OwnServer, clerkApi, browserAs, expectNoAxeViolations, ROOT } from "./helpers";

const PACK = fs.readFileSync(path.join(ROOT, "app/tests/fixtures/agenda_2022-12-06.txt"), "utf8");

test("a clerk imports a pack, corrects one field and schedules; the public page shows the agenda", async ({ browser }) => {
  test.setTimeout(150_000);
  const server = await OwnServer.start("prepare");
  try {
    const clerk = await clerkApi(server);
    const context = await browserAs(browser, server, clerk, { role: "clerk", name: "Anna Taylor" });
    const page = await context.newPage();
    await page.goto("/clerk/schedule");
    await page.waitForLoadState("networkidle");

    await page.getByLabel("Paste the agenda pack").fill(PACK);
    await page.getByRole("button", { name: "Read the pack" }).click();
    await expect(page.getByTestId("pack-report")).toContainText("Read 20 seats (0 vacant) and 11 items in 7 sections");
    await expect(page.getByTestId("pack-report")).toContainText("Issued on Monday 28 November 2022 by Benjamin Watts");
    await expect(page.getByLabel("Date", { exact: true })).toHaveValue("6 December 2022");
    await expect(page.getByLabel("Venue", { exact: true })).toHaveValue("Council Chamber, Sessions House, County Hall, Maidstone");
    await expect(page.getByLabel("Item A1: pages")).toHaveValue("11 - 56");
    await expect(page.getByText("None for this meeting.")).toBeVisible();
    await expectNoAxeViolations(page);

    // The 2022 address is taken and the Commissioner is missing: both are said, at the top and by the fields.
    await page.getByRole("button", { name: "Schedule the meeting" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toContainText("It needs the Commissioner's name");
    await expect(summary).toBeFocused();
    await expectNoAxeViolations(page);
    // The summary's link takes the keyboard to the field.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#summons-commissioner$/);

    await page.getByLabel("The Commissioner", { exact: true }).fill("Mr Matthew Scott");
    await page.getByLabel("Date", { exact: true }).fill("1 December 2026");
    await page.getByLabel("Item B2: papers to follow").fill("Appendix A to follow");
    await page.getByLabel("Item B2: papers to follow").press("Tab");
    await page.getByRole("button", { name: "Schedule the meeting" }).click();
    await expect(page.getByTestId("schedule-outcome").getByRole("link")).toHaveText("/meetings/2026-12-01/console");

    const watcher = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
    await watcher.goto("/meetings/2026-12-01");
    await expect(watcher.getByText("Tuesday 1 December 2026").first()).toBeVisible();
    await expect(watcher.getByText("Update on the Violence Reduction Unit")).toBeVisible();
    await expect(watcher.getByText("Commissioner's Decisions")).toBeVisible();
    await watcher.waitForLoadState("networkidle");

    // The agenda after scheduling, from the clerk's console before the meeting opens; the public page, open in
    // the second page, shows each change live.
    await page.goto("/meetings/2026-12-01/console");
    await page.waitForLoadState("networkidle");
    const changes = page.getByTestId("agenda-changes");
    await changes.getByText("A paper to follow has arrived…").click();
    await page.locator("#supplement-item").selectOption("B2");
    await page.locator("#supplement-pages").fill("1 - 8");
    await page.getByRole("button", { name: "Publish the supplement" }).click();
    await expect(watcher.getByTestId("paper-change")).toContainText("(Pages 1 - 8): Appendix A to follow");

    await changes.getByText("Withdraw or defer an item…").click();
    await page.locator("#aside-item").selectOption("B3");
    await page.locator("#aside-how").selectOption("withdrawn");
    await page.locator("#aside-reason").fill("The report is no longer needed");
    await page.getByRole("button", { name: "Set the item aside" }).click();
    await expect(watcher.getByTestId("day-note")).toContainText("Withdrawn from the agenda on");
    await expect(watcher.getByTestId("day-note")).toContainText("The report is no longer needed");

    // Postponed by keyboard alone: open the form, type the date and time as people write them, press Enter.
    await changes.getByText("Postpone the meeting…").focus();
    await page.keyboard.press("Enter");
    await page.locator("#postpone-date").focus();
    await page.keyboard.type("3 December 2027");
    await page.keyboard.press("Tab");
    await page.keyboard.type("2.00 pm");
    await page.keyboard.press("Tab");
    await page.keyboard.type("the venue is unavailable");
    await page.keyboard.press("Enter");
    await expect(watcher.getByTestId("postponed-banner")).toContainText(
      "to Friday 3 December 2027 at 14:00: the venue is unavailable",
    );
    await expect(watcher.getByText("Friday 3 December 2027").first()).toBeVisible();
    await expect(page.getByTestId("postponed-banner")).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoAxeViolations(watcher);
    await context.close();
  } finally {
    await server.discard();
  }
});
