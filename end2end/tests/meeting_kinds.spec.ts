// Meeting kinds (docs/MEETING-KINDS.md): the clerk schedules a Performance and Delivery Board with the form,
// starting from the demo Board of 31 October 2022 (kind and attendees come with it); the Commissioner presides
// and opens it from the console, which offers no votes; a Panel vote sent to it anyway is refused in the rule's
// words; the meetings list and the public page name the kind. Axe finds no violations on the form, the console
// or the public page.
import { test, expect } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, apiAs, command, expectNoAxeViolations } from "./helpers";

const BOARD = "2023-01-25";

test("a Board is scheduled with the form and run by the Commissioner; a Panel vote is refused there", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await OwnServer.start("kinds");
  try {
    const clerk = await clerkApi(server);
    const clerkContext = await browserAs(browser, server, clerk, { role: "clerk", name: "Anna Taylor" });
    const form = await clerkContext.newPage();
    await form.goto("/clerk/schedule");
    await form.waitForLoadState("networkidle");
    await form.getByLabel("Copy the agenda and membership of").selectOption("2022-10-31-board");
    await expect(form.getByLabel("Kind of meeting")).toHaveValue("performance_board");
    await expect(form.getByLabel("Attendees, one per line")).toHaveValue(/Kent Police: Tim Smith - Temporary Chief Constable \(T\/CC\)/);
    // A Board has no Panel seats: the seats form is not offered.
    await expect(form.getByRole("group", { name: "Membership" })).toHaveCount(0);
    await form.getByLabel("Date", { exact: true }).fill("25 January 2023");
    await form.getByLabel("Title", { exact: true }).fill("Performance and Delivery Board");
    await expectNoAxeViolations(form);
    await form.getByRole("button", { name: "Schedule the meeting" }).click();
    await expect(form.getByTestId("schedule-outcome").getByRole("link")).toHaveText(`/meetings/${BOARD}/console`);

    // The Commissioner presides: the console is his, with no votes, questions or hearing to run.
    const commissionerContext = await browserAs(browser, server, clerk, { role: "commissioner", name: "Mr Matthew Scott" });
    const console_ = await commissionerContext.newPage();
    await console_.goto(`/meetings/${BOARD}/console`);
    await console_.waitForLoadState("networkidle");
    await expect(console_.getByRole("navigation", { name: "Screens for this meeting" })).toContainText("You take part as: Chair (the Commissioner).");
    await expect(console_.getByTestId("meeting-kind")).toHaveText("Performance and Delivery Board");
    await console_.getByRole("button", { name: /^Open the meeting/ }).click();
    const confirm = console_.getByRole("button", { name: "Yes, open it now" });
    if (await confirm.isVisible()) await confirm.click();
    await expect(console_.getByTestId("console-phase")).toHaveText("open");
    await expect(console_.getByRole("heading", { name: "Votes" })).toHaveCount(0);
    await expect(console_.getByRole("button", { name: "Next item" })).toBeVisible();
    await console_.getByRole("button", { name: "Next item" }).click();
    await expectNoAxeViolations(console_);

    // A Panel vote sent to the Board anyway is refused in the rule's words.
    const commissioner = await apiAs(server, clerk, { role: "commissioner", name: "Mr Matthew Scott" });
    const refused = await command(commissioner, BOARD, { type: "OpenVote", kind: "general_resolution", motion: "That the notes be agreed", item: null });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain("At a Performance and Delivery Board nobody can open a vote");
    expect(refused.body.message).toContain("the Panel takes no vote and has no veto");

    // The public see the kind, the Commissioner presiding and the attendees; the list names the kind.
    const publicPage = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
    await publicPage.goto(`/meetings/${BOARD}`);
    await expect(publicPage.getByTestId("meeting-kind")).toHaveText("Performance and Delivery Board");
    await expect(publicPage.getByRole("heading", { name: "Attendees" })).toBeVisible();
    await expect(publicPage.getByTestId("presiding")).toContainText("Presiding: Mr Matthew Scott");
    await expect(publicPage.getByText("Ian Drysdale - Deputy Chief Officer (DCO)")).toBeVisible();
    await expectNoAxeViolations(publicPage);
    await publicPage.goto("/");
    // The list names each meeting by its date and time (the link), with its title and kind beside it.
    const entry = publicPage.locator(`li[data-meeting="${BOARD}"]`);
    await expect(entry).toContainText("Performance and Delivery Board");
    await expect(entry.getByTestId("meeting-kind")).toHaveText("Performance and Delivery Board");
    await expectNoAxeViolations(publicPage);
    await clerkContext.close();
    await commissionerContext.close();
  } finally {
    await server.discard();
  }
});
