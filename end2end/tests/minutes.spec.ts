// The minutes: the clerk minutes two items live on the console (a paragraph and a resolution on each,
// typed into the Minutes panel, each box saving itself when it loses focus), and a paragraph on the hearing taken
// in private session; the chair closes the meeting; the clerk edits a paragraph of the draft and publishes it. The
// public page then links the published minutes, and the public minutes page shows the clerk's words; the exempt
// item's secret word never reaches the public page, the public API or the public minutes. axe finds no violations
// on the console's Minutes panel nor on the minutes page. Own server, fresh database.
import { readFileSync } from "node:fs";
import { test, expect, Page } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, mustRun, viewOf, seatHolders, expectNoAxeViolations } from "./helpers";

const MEETING = "2022-12-06";
const SECRET = "Xylophage";

/// axe-core on one part of the page (a CSS selector), as `expectNoAxeViolations` does for the whole page.
async function expectNoAxeViolationsIn(page: Page, selector: string) {
  await expect(page.locator(selector)).toHaveCount(1);
  await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const violations = await page.evaluate(async (include) => {
    const result = await (window as any).axe.run({ include: [include] }, { resultTypes: ["violations"] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n: any) => n.target.join(" ") + " :: " + n.failureSummary),
    }));
  }, selector);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

test("the clerk minutes the meeting live, publishes after the close, and the public read them without exempt text", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await OwnServer.start("minutes");
  try {
    // Setup over HTTP: everyone present, the meeting open on item 4.
    const clerk = await clerkApi(server);
    const members = seatHolders(await viewOf(clerk, MEETING));
    const chairSeat = members.find((m) => m.chair)!;
    for (const m of members) await mustRun(clerk, MEETING, { type: "RecordAttendance", member: m.id, mark: "present" });
    const chairContext = await browserAs(browser, server, clerk, { role: "member", member: chairSeat.id, name: chairSeat.name });
    const chairApi = chairContext.request;
    await mustRun(chairApi, MEETING, { type: "OpenMeeting" });
    await mustRun(chairApi, MEETING, { type: "GoToItem", item: "4" });

    const clerkContext = await browserAs(browser, server, clerk, { role: "clerk", name: "Mr M Dentten" });
    const clerkPage = await clerkContext.newPage();
    await clerkPage.goto(`/meetings/${MEETING}/console`);
    await expect(clerkPage.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
    const minutes = clerkPage.locator('section[aria-labelledby="minutes-heading"]');
    await expect(minutes.getByRole("heading", { name: "Item 4", level: 3 })).toBeVisible();

    // Item 4: a paragraph (saved when the box loses focus) and the "Minutes approved" resolution.
    await minutes.getByLabel("New paragraph (saved when you leave the box)").fill("Mr Hill reported that the Panel had met its officers.");
    await minutes.getByLabel("New paragraph (saved when you leave the box)").blur();
    await expect(minutes.getByLabel("Paragraph 1", { exact: true })).toHaveValue("Mr Hill reported that the Panel had met its officers.");
    await expect(minutes.getByLabel("New paragraph (saved when you leave the box)")).toHaveValue("");
    await minutes.getByRole("button", { name: "Minutes approved" }).click();
    await minutes.getByRole("button", { name: "Record the resolution" }).click();
    await expect(minutes.getByLabel("Resolution 1")).toHaveValue(
      "RESOLVED that the minutes of the meeting held on 27 September 2022 were an accurate record and that they be signed by the Chairman.",
    );

    // The hearing, with the public excluded: the clerk's paragraph holds the secret word.
    await mustRun(chairApi, MEETING, { type: "GoToItem", item: "A1" });
    await mustRun(chairApi, MEETING, { type: "SetHearingStage", stage: "questions" });
    await mustRun(chairApi, MEETING, { type: "ExcludePublic", paragraph: 1, item: "A1" });
    await expect(minutes.getByRole("heading", { name: "Item A1", level: 3 })).toBeVisible();
    await minutes.getByLabel("New paragraph (saved when you leave the box)").fill(`The Panel discussed the ${SECRET} references in private.`);
    await minutes.getByLabel("New paragraph (saved when you leave the box)").blur();
    await expect(minutes.getByLabel("Paragraph 1", { exact: true })).toHaveValue(`The Panel discussed the ${SECRET} references in private.`);
    await mustRun(chairApi, MEETING, { type: "ReturnToPublic" });

    // Item B1: a paragraph and the "Noted" resolution.
    await mustRun(chairApi, MEETING, { type: "GoToItem", item: "B1" });
    await expect(minutes.getByRole("heading", { name: "Item B1", level: 3 })).toBeVisible();
    await minutes.getByLabel("New paragraph (saved when you leave the box)").fill("The Commissioner presented his update.");
    await minutes.getByLabel("New paragraph (saved when you leave the box)").blur();
    await expect(minutes.getByLabel("Paragraph 1", { exact: true })).toHaveValue("The Commissioner presented his update.");
    await minutes.getByRole("button", { name: "Noted", exact: true }).click();
    const noted = await minutes.getByLabel("New resolution").inputValue();
    expect(noted).toMatch(/^RESOLVED that the (report|verbal update) be noted\.$/);
    await minutes.getByRole("button", { name: "Record the resolution" }).click();
    await expect(minutes.getByLabel("Resolution 1")).toHaveValue(noted);
    await expectNoAxeViolationsIn(clerkPage, 'section[aria-labelledby="minutes-heading"]');

    // The public page shows the decisions live, and nothing of the exempt item.
    const publicContext = await browser.newContext({ baseURL: server.baseURL });
    const watcher = await publicContext.newPage();
    await watcher.goto(`/meetings/${MEETING}`);
    await expect(watcher.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
    const record = watcher.locator('section[aria-labelledby="record-heading"]');
    await expect(record).toContainText(noted);
    await expect(record.getByRole("link", { name: /^Read the minutes/ })).toHaveCount(0);
    expect((await publicContext.request.get(`/meetings/${MEETING}/minutes`)).status()).toBe(404);

    // The chair closes the meeting on the clerkPage.
    const chair = await chairContext.newPage();
    await chair.goto(`/meetings/${MEETING}/console`);
    await expect(chair.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
    await chair.getByRole("button", { name: "Close the meeting…" }).click();
    await chair.getByRole("button", { name: "Yes, close the meeting" }).click();
    await expect(chair.getByTestId("console-closed")).toBeVisible();

    // After the close the clerk edits the draft: item 4's paragraph, chosen in the Item list, then publishes.
    await expect(clerkPage.getByTestId("console-closed")).toBeVisible();
    const closedMinutes = clerkPage.locator('section[aria-labelledby="minutes-heading"]');
    await closedMinutes.getByLabel("Item", { exact: true }).selectOption("4");
    await expect(closedMinutes.getByRole("heading", { name: "Item 4", level: 3 })).toBeVisible();
    const edited = "Mr Hill reported that the Panel had met its officers twice since September.";
    await closedMinutes.getByLabel("Paragraph 1", { exact: true }).fill(edited);
    await closedMinutes.getByLabel("Paragraph 1", { exact: true }).blur();
    await expect.poll(async () => (await clerkContext.request.get(`/meetings/${MEETING}/minutes`)).text()).toContain("twice since September");
    await expect(closedMinutes).toContainText("Not yet published.");
    await closedMinutes.getByRole("button", { name: "Publish the minutes" }).click();
    await expect(closedMinutes).toContainText(/Published: version 1 \(SHA-256 [0-9a-f]{12}…\)/);
    await expectNoAxeViolationsIn(clerkPage, 'section[aria-labelledby="minutes-heading"]');

    // The public page links the published minutes; the minutes page shows the clerk's words, not the secret.
    const link = record.getByRole("link", { name: "Read the minutes (version 1)" });
    await expect(link).toBeVisible({ timeout: 10_000 });
    await expect(watcher.locator("body")).not.toContainText(SECRET);
    const publicApi = await (await publicContext.request.get(`/api/v1/meetings/${MEETING}`)).text();
    expect(publicApi).not.toContain(SECRET);
    await link.click();
    await expect(watcher).toHaveURL(new RegExp(`/meetings/${MEETING}/minutes$`));
    const main = watcher.locator("main");
    await expect(watcher.getByRole("status")).toHaveText("Published minutes, version 1");
    await expect(main).toContainText(edited);
    await expect(main).toContainText("The Commissioner presented his update.");
    await expect(main).toContainText(noted);
    await expect(main).toContainText("RESOLVED that the minutes of the meeting held on 27 September 2022 were an accurate record");
    await expect(main).toContainText("Section 100A of the Local Government Act");
    await expect(main).not.toContainText("Mr Hill reported that the Panel had met its officers.");
    expect(await watcher.content()).not.toContain(SECRET);
    const markdown = await (await publicContext.request.get(`/meetings/${MEETING}/minutes.md`)).text();
    expect(markdown).toContain(edited);
    expect(markdown).not.toContain(SECRET);
    await expectNoAxeViolations(watcher);

    // The clerk's own draft still holds the exempt paragraph: the secret was minuted, only withheld.
    const draft = await (await clerkContext.request.get(`/meetings/${MEETING}/minutes`)).text();
    expect(draft).toContain(SECRET);

    for (const context of [clerkContext, chairContext, publicContext]) await context.close();
  } finally {
    await server.discard();
  }
});
