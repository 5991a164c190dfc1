// Journey 6: running the real day. On the 6 December 2022 meeting: the clerk marks a member present by
// mistake and corrects it on the console, and withdraws a substitute recorded by mistake; the chair tries to open the veto with too few present and is warned,
// opens it anyway, voids it with a reason, and runs it again after "Mark all present"; a member not recorded
// present is told to ask the clerk; the public see turnout but no running count while it is open, and the result
// with its arithmetic after; the hearing panel names the next step; the chair adds an item on the day and takes
// it. Then, on a fresh server, a meeting with the Chairman and Vice-Chairman away elects a chair for the meeting,
// who runs a vote. axe finds no violations on the console and the public page.
import { test, expect } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, apiAs, mustRun, viewOf, seatHolders, expectNoAxeViolations, openToHearingVote } from "./helpers";

const MEETING = "2022-12-06";

test("corrections, a warned and voided veto run again, and an item on the day", async ({ browser }) => {
  test.setTimeout(180_000);
  const server = await OwnServer.start("journey6-day");
  try {
    const clerk = await clerkApi(server);
    const members = seatHolders(await viewOf(clerk, MEETING));
    const chairSeat = members.find((m) => m.chair)!;
    const others = members.filter((m) => !m.chair);
    const present = [chairSeat, ...others.slice(0, 11)];
    for (const m of present) await mustRun(clerk, MEETING, { type: "RecordAttendance", member: m.id, mark: "present" });
    const mistaken = others[11];

    const clerkContext = await browserAs(browser, server, clerk, { role: "clerk", name: "Mr M Dentten" });
    const clerkPage = await clerkContext.newPage();
    await clerkPage.goto(`/meetings/${MEETING}/console`);
    await expect(clerkPage.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });

    // The clerk marks a member present by mistake, then corrects the record on that member's row.
    const row = clerkPage.locator(`tr[data-member="${mistaken.id}"]`);
    await row.getByLabel(`Attendance of ${mistaken.name}`).selectOption({ label: "Present" });
    await row.getByRole("button", { name: "Record", exact: true }).click();
    await expect(row.getByTestId("recorded")).toHaveText("Present");
    await row.getByText(`Correct the record for ${mistaken.name}`).click();
    await row.getByLabel("It should say").selectOption("apologies");
    await row.getByLabel(/^Reason for correcting .*'s record \(optional\)$/).fill("Marked present by mistake");
    await row.getByRole("button", { name: "Correct", exact: true }).click();
    await expect(row.getByTestId("recorded")).toHaveText("Apologies");

    // The clerk records a substitute in that seat by mistake, and withdraws it: the seat is its holder's again.
    const seatId = (await viewOf(clerk, MEETING)).roster.find((s: any) => s.holder_id === mistaken.id).seat;
    await clerkPage.getByLabel("Seat (the member who sent apologies)").selectOption(seatId);
    await clerkPage.getByLabel("Substitute's name").fill("Cllr Wrong Person");
    await clerkPage.getByRole("button", { name: "Record the substitute" }).click();
    const subRow = clerkPage.locator('tr[data-member="cllr-wrong-person"]');
    await expect(subRow).toBeVisible();
    const withdrawForm = clerkPage.getByTestId("withdraw-substitute");
    await withdrawForm.getByLabel("Substitute", { exact: true }).selectOption(seatId);
    await withdrawForm.getByLabel("Reason (optional)").fill("Recorded for the wrong seat");
    await withdrawForm.getByRole("button", { name: "Withdraw the substitute" }).click();
    await expect(withdrawForm.getByRole("status")).toHaveText("Done.");
    await expect(subRow).toHaveCount(0);
    await expect(row.getByTestId("recorded")).toHaveText("Apologies");
    const afterWithdrawal = await viewOf(clerk, MEETING);
    expect(afterWithdrawal.roster.find((s: any) => s.seat === seatId).substitute ?? null).toBeNull();
    await expectNoAxeViolations(clerkPage);

    const chairContext = await browserAs(browser, server, clerk, { role: "member", member: chairSeat.id, name: chairSeat.name });
    const chairApi = chairContext.request;
    await openToHearingVote(chairApi, MEETING);

    const publicContext = await browser.newContext({ baseURL: server.baseURL });
    const watcher = await publicContext.newPage();
    await watcher.goto(`/meetings/${MEETING}`);
    await expect(watcher.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });

    // Twelve present: the console warns that the veto cannot pass; the chair opens it anyway.
    const chair = await chairContext.newPage();
    await chair.goto(`/meetings/${MEETING}/console`);
    await expect(chair.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
    await chair.getByLabel("Kind of vote").selectOption("chief_constable_veto");
    await expect(chair.getByTestId("opening-present")).toHaveText("12 of 20 members present");
    await expect(chair.getByTestId("opening-warning")).toHaveText("12 present, a veto needs 14 — open anyway?");
    await chair.getByRole("button", { name: "Open the vote…" }).click();
    await chair.getByRole("button", { name: "Yes, open it anyway" }).click();
    await expect(chair.getByTestId("live-turnout")).toHaveText("0 of 12 present have voted; 8 members absent, who count against a veto");
    const publicVote = watcher.getByTestId("vote-card").first();
    await expect(publicVote.getByTestId("vote-turnout")).toHaveText("0 of 12 present have voted; 8 members absent, who count against a veto");
    await expect(publicVote.getByTestId("vote-standing")).toHaveText("Standing: cannot be vetoed: 12 present, 14 needed");

    // The chair voids it: attendance was not taken.
    await chair.getByText("Void this vote…").click();
    await chair.getByLabel(/Why the vote is void/).fill("Attendance was not taken");
    await chair.getByRole("button", { name: "Void the vote" }).click();
    await expect(publicVote).toContainText("Voided");
    await expect(publicVote.getByTestId("vote-void-reason")).toContainText("Attendance was not taken");

    // The clerk takes the roll properly, and the chair runs the veto again: no warning now.
    await clerkPage.getByTestId("mark-all-present").click();
    await expect(clerkPage.getByTestId("mark-all-present")).toHaveText("Mark all present (0 not yet recorded)");
    await expect.poll(async () => (await viewOf(clerk, MEETING)).present_count).toBe(19);
    await chair.getByLabel("Kind of vote").selectOption("chief_constable_veto");
    await expect(chair.getByTestId("opening-warning")).toHaveCount(0);
    await chair.getByRole("button", { name: "Open the vote", exact: true }).click();
    await expect(chair.getByTestId("live-turnout")).toHaveText("0 of 19 present have voted; 1 member absent, who counts against a veto");
    const vote = (await viewOf(chairApi, MEETING)).votes[1].id;

    // The member recorded as away is told why there is no ballot.
    const awayContext = await browserAs(browser, server, clerk, { role: "member", member: mistaken.id, name: mistaken.name });
    const away = await awayContext.newPage();
    await away.goto(`/meetings/${MEETING}/member`);
    await expect(away.getByTestId("ballot-not-present")).toContainText("Ask the clerk to record you as present");
    await expect(away.getByTestId("ballot")).toHaveCount(0);

    const voters = members.filter((m) => m.id !== mistaken.id);
    for (const [i, m] of voters.entries()) {
      const api = await apiAs(server, clerk, { role: "member", member: m.id, name: m.name });
      await mustRun(api, MEETING, { type: "CastBallot", vote, choice: i < 13 ? "for" : "against", ballot_id: `day-${i}` });
      await api.dispose();
    }
    const reVote = watcher.getByTestId("vote-card").first();
    await expect(reVote.getByTestId("vote-turnout")).toHaveText("19 of 19 present have voted; 1 member absent, who counts against a veto");
    await expect(reVote.getByTestId("vote-standing")).toHaveCount(0);
    await expect(reVote).not.toContainText("for so far");
    await expect(chair.getByTestId("live-standing")).toHaveText("Standing: open: veto needs 14 of 20 members; 13 for so far");

    await chair.getByRole("button", { name: "Close the vote…" }).click();
    await chair.getByRole("button", { name: "Yes, close the vote and declare the result" }).click();
    const result = watcher.getByTestId("vote-result").first();
    await expect(result).toContainText("Not vetoed");
    await expect(result.getByTestId("vote-arithmetic")).toContainText(
      "13 of 20 members voted for the veto; 3 × 13 = 39 < 2 × 20 = 40, so the proposal is not vetoed",
    );
    await expect(chair.getByTestId("hearing-next-step")).toHaveText("The veto was not carried: the Panel now votes on its recommendation");
    await expectNoAxeViolations(chair);

    // An item on the day: a presentation, placed after item 3, and taken.
    await chair.getByText("Add an item not on the agenda…").click();
    await chair.getByLabel("Kind of item").selectOption("presentation");
    await chair.getByLabel("Item number").fill("53");
    await chair.getByLabel("Title", { exact: true }).fill("Presentation to Chief Constable Alan Pughsley QPM");
    await chair.getByLabel("Place it after").selectOption("3");
    await chair.getByRole("button", { name: "Add the item" }).click();
    await chair.getByRole("button", { name: "Go to item 53: Presentation to Chief Constable Alan Pughsley QPM" }).click();
    const taken = watcher.locator('li[data-item="53"]');
    await expect(taken).toContainText("Now");
    await expect(taken.getByTestId("day-note")).toContainText("Presentation added on the day");
    await expectNoAxeViolations(watcher);

    for (const context of [clerkContext, chairContext, publicContext, awayContext]) await context.close();
  } finally {
    await server.discard();
  }
});

test("with the Chairman and Vice-Chairman away, the meeting elects a chair who runs a vote", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await OwnServer.start("journey6-election");
  try {
    const clerk = await clerkApi(server);
    const view = await viewOf(clerk, MEETING);
    const vice = view.roster.find((s: any) => s.is_vice_chair).holder_id;
    const members = seatHolders(view);
    const chairSeat = members.find((m) => m.chair)!;
    for (const id of [chairSeat.id, vice]) await mustRun(clerk, MEETING, { type: "RecordAttendance", member: id, mark: "apologies" });
    const present = members.filter((m) => m.id !== chairSeat.id && m.id !== vice).slice(0, 10);
    for (const m of present) await mustRun(clerk, MEETING, { type: "RecordAttendance", member: m.id, mark: "present" });
    const [candidate, proposer] = present;

    const clerkContext = await browserAs(browser, server, clerk, { role: "clerk", name: "Mr M Dentten" });
    const page = await clerkContext.newPage();
    await page.goto(`/meetings/${MEETING}/console`);
    await expect(page.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
    const election = page.getByTestId("election");
    await expect(election).toContainText("Neither the Chairman nor the Vice-Chairman is present");
    await election.getByRole("button", { name: "Open the meeting for the election of a chair" }).click();
    await election.getByLabel("Proposed for the chair").selectOption(candidate.id);
    await election.getByLabel("Proposed by").selectOption(proposer.id);
    await election.getByRole("button", { name: "Put it to the vote" }).click();
    await expect(page.getByTestId("live-vote")).toContainText(`That ${candidate.name} take the chair for this meeting`);

    for (const [i, m] of present.entries()) {
      const api = await apiAs(server, clerk, { role: "member", member: m.id, name: m.name });
      await mustRun(api, MEETING, { type: "CastBallot", vote: 1, choice: i < 8 ? "for" : "against", ballot_id: `elect-${i}` });
      await api.dispose();
    }
    await page.getByRole("button", { name: "Close the vote…" }).click();
    await page.getByRole("button", { name: "Yes, close the vote and declare the result" }).click();
    await expect(election).toContainText(`Elected to the chair for this meeting: ${candidate.name}`);
    await expectNoAxeViolations(page);

    // The elected chair runs a vote.
    const elected = await apiAs(server, clerk, { role: "member", member: candidate.id, name: candidate.name });
    await mustRun(elected, MEETING, { type: "OpenVote", kind: "general_resolution", motion: "That the work programme be noted" });
    for (const [i, m] of present.entries()) {
      const api = await apiAs(server, clerk, { role: "member", member: m.id, name: m.name });
      await mustRun(api, MEETING, { type: "CastBallot", vote: 2, choice: "for", ballot_id: `noted-${i}` });
      await api.dispose();
    }
    await mustRun(elected, MEETING, { type: "CloseVote", vote: 2 });
    const publicPage = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
    await publicPage.goto(`/meetings/${MEETING}`);
    await expect(publicPage.getByTestId("vote-result").first()).toContainText("Carried");
    await elected.dispose();
    await clerkContext.close();
  } finally {
    await server.discard();
  }
});
