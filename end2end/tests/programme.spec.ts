// The year's meeting dates and work programme (docs/PROGRAMME.md). The demo already holds 2022/23, read from the
// same pack, so the journey keeps a year of its own that starts empty. The clerk opens 2023/24 by keyboard, pastes
// the work programme printed in the 6 December 2022 pack, checks what it would add (nothing is public yet) and
// adds it; a date that is not a day of the calendar is refused beside the Date field with the typed value kept
// (422), then corrected by keyboard alone into the Budget and Precept reserve date; one item's author is changed.
// The public follow the link from the meetings list to the year and read the dates and the work programme. The
// clerk then schedules 1 February 2023 from an earlier meeting and puts "Panel Annual Report" on its agenda from
// the work programme panel; the public programme page shows the item it became. Axe finds no violations on the
// public page, the clerk's page (with a refusal showing) and the schedule page with the panel. A draft copied
// from that meeting shows the entry as already on its agenda, not as on the new draft.
import { test, expect, Page } from "@playwright/test";
import * as fs from "fs";
import * as path from "path";
import { OwnServer, clerkApi, browserAs, expectNoAxeViolations, ROOT } from "./helpers";

const PACK = fs.readFileSync(path.join(ROOT, "app/tests/fixtures/programme_2022-12-06.txt"), "utf8");

/// Types into a field by keyboard alone, replacing what was there.
async function retype(page: Page, selector: string, text: string) {
  await page.locator(selector).focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}

test("the clerk keeps the year's dates and work programme; the public read it; an entry goes on an agenda", async ({ browser }) => {
  test.setTimeout(180_000);
  const server = await OwnServer.start("programme");
  try {
    const clerk = await clerkApi(server);
    const context = await browserAs(browser, server, clerk, { role: "clerk", name: "Anna Taylor" });
    const page = await context.newPage();
    const publicContext = await browser.newContext({ baseURL: server.baseURL });
    const watcher = await publicContext.newPage();

    // Open the year, by keyboard: type it and press Enter.
    await page.goto("/programme");
    await expect(page.getByRole("heading", { name: "Meeting dates and work programme", level: 1 })).toBeVisible();
    await page.getByLabel("Municipal year").focus();
    await page.keyboard.type("2023/24");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/programme\/2023-24$/);
    await expect(page.getByRole("heading", { name: "Meeting dates and work programme 2023/24" })).toBeVisible();

    // Read the pack's work programme: a preview first, nothing written.
    await page.getByLabel("The work programme from an agenda pack").fill(PACK);
    await page.getByRole("button", { name: "Read the text" }).click();
    const preview = page.locator(".import-preview");
    await expect(preview.getByRole("heading", { name: "What the text would add" })).toBeVisible();
    await expect(preview).toContainText("Wednesday 1 February 2023: Draft Plan and Precept Proposal | Statutory Requirement | PCC");
    await expect(preview).toContainText("Wednesday 1 February 2023: Panel Annual Report | Requested by the Panel | Panel");
    const unpublished = await watcher.goto("/programme/2023-24");
    expect(unpublished?.status()).toBe(404);
    await expect(watcher.getByText("No meeting dates have been published for 2023/24 yet.")).toBeVisible();
    await expect(watcher.getByText("Draft Plan and Precept Proposal")).toHaveCount(0);

    await page.getByRole("button", { name: "Add these to the programme" }).click();
    await expect(page).toHaveURL(/\/programme\/2023-24\?saved=1$/);
    await expect(page.getByRole("status")).toHaveText("Saved.");
    const feb = page.locator("section", { has: page.getByRole("heading", { name: /^Wednesday 1 February 2023/ }) });
    await expect(feb.locator("tbody tr")).toHaveCount(4);

    // A date that is not a day of the calendar: refused beside the field, what was typed kept.
    await page.locator("#add-date-date").fill("31 February 2023");
    const refused = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/programme/2023-24"));
    await page.getByRole("button", { name: "Add the date" }).click();
    expect((await refused).status()).toBe(422);
    const summary = page.locator(".error-summary");
    await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#add-date-date");
    await expect(summary.getByRole("link")).toContainText("31 February 2023");
    await expect(page.locator("#add-date-date-error")).toContainText("31 February 2023");
    await expect(page.locator("#add-date-date")).toHaveValue("31 February 2023");
    await expect(page.locator("#add-date-date")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    // Corrected by keyboard alone: the date, the time, the note, the reserve box, then the button.
    await retype(page, "#add-date-date", "14 March 2023");
    await page.keyboard.press("Tab");
    await page.keyboard.type("10:00");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Budget and Precept reserve date");
    await page.keyboard.press("Tab");
    await expect(page.locator("#add-date-reserve")).toBeFocused();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Add the date" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\?saved=1$/);
    await expect(page.locator(".error-summary")).toHaveCount(0);
    await expect(page.locator("table.programme-table").first()).toContainText("Tuesday 14 March 2023");

    // One item's author changes, from the controls beside it.
    const report = page.locator("tr", { hasText: "101 response times report" });
    await report.locator("summary", { hasText: "Change, move or remove" }).click();
    await report.getByLabel("Author").fill("PCC and Kent Police");
    await report.getByRole("button", { name: "Save the item" }).click();
    await expect(page).toHaveURL(/\?saved=1$/);
    await expect(page.locator("tr", { hasText: "101 response times report" }).locator("td").nth(2)).toHaveText("PCC and Kent Police");
    await expectNoAxeViolations(page);

    // The public: from the meetings list to the year.
    await watcher.goto("/");
    await watcher.getByRole("link", { name: "Meeting dates and work programme" }).click();
    await expect(watcher).toHaveURL(/\/programme$/);
    await watcher.getByRole("link", { name: "Meeting dates and work programme 2023/24" }).click();
    await expect(watcher).toHaveURL(/\/programme\/2023-24$/);
    const dates = watcher.locator("table.programme-table").first();
    await expect(dates.locator("thead")).toContainText("Date");
    await expect(dates.locator("tr", { hasText: "Wednesday 1 February 2023" })).toBeVisible();
    const reserve = dates.locator("tr", { hasText: "Tuesday 14 March 2023" });
    await expect(reserve).toContainText("10:00");
    await expect(reserve).toContainText("Budget and Precept reserve date");
    await expect(watcher.getByText("A reserve date is held in case the Panel must meet again")).toBeVisible();
    const plan = watcher.locator("section", { has: watcher.getByRole("heading", { name: /^Wednesday 1 February 2023/ }) });
    await expect(plan.locator("thead")).toContainText("Subject");
    await expect(plan.locator("thead")).toContainText("Reason for report");
    const draftPlan = plan.locator("tr", { hasText: "Draft Plan and Precept Proposal" });
    await expect(draftPlan.locator("td")).toHaveText(["Draft Plan and Precept Proposal", "Statutory Requirement", "PCC", "Not yet"]);
    await expect(plan.locator("tr", { hasText: "101 response times report" })).toContainText("PCC and Kent Police");
    await expect(watcher.getByRole("heading", { name: "Standard items at each meeting" })).toBeVisible();
    await expect(watcher.getByText("Change, move or remove")).toHaveCount(0);
    await expect(watcher.getByRole("button")).toHaveCount(0);
    await expectNoAxeViolations(watcher);

    // The clerk schedules 1 February 2023 from the December meeting and takes an item from the programme.
    await page.goto("/clerk/schedule");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Copy the agenda and membership of").selectOption("2022-12-06");
    await expect(page.getByLabel("Venue", { exact: true })).toHaveValue(/Sessions House/, { timeout: 10_000 });
    const panel = page.getByTestId("from-programme");
    await expect(panel).toHaveText("No meeting in the work programme on this date");
    await page.getByLabel("Date", { exact: true }).fill("1 February 2023");
    await page.getByLabel("Start time (UK)", { exact: true }).fill("10:00");
    await expect(panel.locator("legend")).toHaveText("From the work programme for Wednesday 1 February 2023");
    const annual = page.getByTestId("programme-entry-" + (await entryId(page, "Panel Annual Report")));
    await expect(annual).toContainText("Reason for report: Requested by the Panel · Author: Panel");
    // The last lettered section (F – For Information) unless the clerk chooses another.
    await expect(annual.getByLabel("Section for Panel Annual Report")).toHaveValue("6");
    // By keyboard: the section one up (E – Panel Matters), Tab to the button, Enter; the focus lands on the line
    // saying where the entry went.
    await annual.getByLabel("Section for Panel Annual Report").focus();
    await page.keyboard.press("ArrowUp");
    await expect(annual.getByLabel("Section for Panel Annual Report")).toHaveValue("5");
    await page.keyboard.press("Tab");
    await expect(annual.getByRole("button", { name: "Put on the agenda (Panel Annual Report)" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(annual.getByTestId("on-this-draft")).toHaveText("On this draft as E2");
    await expect(annual.getByTestId("on-this-draft")).toBeFocused();
    await expect(annual.getByRole("button")).toHaveCount(0);
    await expect(page.getByLabel("Item E2: title")).toHaveValue("Panel Annual Report");
    await expect(panel.getByRole("button", { name: /^Put on the agenda/ })).toHaveCount(3);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Schedule the meeting" }).click();
    await expect(page.getByTestId("schedule-outcome").getByRole("link")).toHaveText("/meetings/2023-02-01/console");

    // The public programme page says where the entry went, and the date links to the meeting.
    await watcher.reload();
    const became = plan.locator("tr", { hasText: "Panel Annual Report" });
    await expect(became.getByRole("link")).toHaveText("1 February 2023, item E2");
    await expect(became.getByRole("link")).toHaveAttribute("href", "/meetings/2023-02-01");
    await expect(dates.locator("tr", { hasText: "Wednesday 1 February 2023" }).getByRole("link")).toContainText("agenda and papers");
    await expect(draftPlan.locator("td").nth(3)).toHaveText("Not yet");

    // Starting the next draft from that meeting: its item does not claim the entry again (the template forgets
    // where its items came from), and the panel says where the entry already is, still offering it.
    await page.goto("/clerk/schedule");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Copy the agenda and membership of").selectOption("2023-02-01");
    await expect(page.getByLabel("Item E2: title")).toHaveValue("Panel Annual Report", { timeout: 10_000 });
    const again = page.getByTestId("programme-entry-" + (await entryId(page, "Panel Annual Report")));
    await expect(again).toContainText("on 1 February 2023, item E2");
    await expect(again.getByTestId("on-this-draft")).toHaveCount(0);
    await expect(again.getByRole("button", { name: "Put on the agenda (Panel Annual Report)" })).toBeVisible();

    // Neither the schedule page with the panel nor the public programme page scrolls sideways on a 320 px phone.
    for (const shown of [page, watcher]) {
      await shown.setViewportSize({ width: 320, height: 800 });
      const sideways = await shown.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const wide = await shown.evaluate(() => Array.from(document.querySelectorAll("body *")).filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth).slice(0, 8).map((e) => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().width)}px: ${(e.textContent ?? "").slice(0, 40)}`));
      expect(sideways, `${shown.url()} at 320 px: ${wide.join(" | ")}`).toBeLessThanOrEqual(0);
    }
    await publicContext.close();
    await context.close();
  } finally {
    await server.discard();
  }
});

/// The id of the entry with `subject`, from the clerk's forms on the programme page (the panel's rows carry it).
async function entryId(page: Page, subject: string): Promise<number> {
  const planned = await (await page.request.get("/api/v1/programme/on/2023-02-01")).json();
  const entry = planned.entries.find((e: { subject: string }) => e.subject === subject);
  expect(entry, `${subject} is planned for 1 February 2023`).toBeTruthy();
  return entry.id;
}
