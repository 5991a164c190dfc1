// Journey 3: the confirmation hearing's veto vote on the 20-member Panel of 6 December 2022. The chair opens it
// on the console, members vote (one on their device, the rest over the API, each signed in separately), the
// chair sees "x of 20 present have voted", the standing and who is yet to vote, and closes it after confirming;
// while it is open the public see turnout and the threshold but no running count nor standing; once closed, the
// result with the threshold arithmetic. 13 for → not vetoed; 14 for → vetoed.
// The core allows one veto vote per hearing, so each run gets its own server on a fresh database.
import { test, expect, Browser } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, apiAs, mustRun, viewOf, seatHolders } from "./helpers";

const MEETING = "2022-12-06";

async function runVeto(browser: Browser, forVeto: number) {
  const server = await OwnServer.start(`journey3-${forVeto}`);
  try {
    const clerk = await clerkApi(server);
    const members = seatHolders(await viewOf(clerk, MEETING));
    expect(members).toHaveLength(20);
    const chairSeat = members.find((m) => m.chair)!;
    const voters = [chairSeat, ...members.filter((m) => !m.chair)];

    // The clerk takes the roll; the chair opens the meeting and takes the hearing to its vote.
    for (const m of members) await mustRun(clerk, MEETING, { type: "RecordAttendance", member: m.id, mark: "present" });
    const chairContext = await browserAs(browser, server, clerk, { role: "member", member: chairSeat.id, name: chairSeat.name });
    const chairApi = chairContext.request;
    await mustRun(chairApi, MEETING, { type: "OpenMeeting" });
    await mustRun(chairApi, MEETING, { type: "GoToItem", item: "A1" });
    for (const stage of ["questions", "private_deliberation", "vote"]) {
      await mustRun(chairApi, MEETING, { type: "SetHearingStage", stage });
    }

    const publicContext = await browser.newContext({ baseURL: server.baseURL });
    const watcher = await publicContext.newPage();
    await watcher.goto(`/meetings/${MEETING}`);
    await expect(watcher.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });

    // The chair opens the veto vote on the console.
    const chair = await chairContext.newPage();
    await chair.goto(`/meetings/${MEETING}/console`);
    await expect(chair.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
    await chair.getByLabel("Kind of vote").selectOption("chief_constable_veto");
    await chair.getByRole("button", { name: "Open the vote" }).click();
    await expect(chair.getByTestId("live-turnout")).toHaveText("0 of 20 present have voted");
    const publicVote = watcher.getByTestId("vote-card").first();
    await expect(publicVote).toContainText("Voting open");
    await expect(publicVote.getByTestId("vote-threshold")).toHaveText("Veto needs 14 of 20 members");
    const voteId = (await viewOf(chairApi, MEETING)).votes[0].id;

    // One member votes on their device, and changes their mind before the close.
    const [deviceVoter, ...apiVoters] = voters.slice(1);
    const memberContext = await browserAs(browser, server, clerk, { role: "member", member: deviceVoter.id, name: deviceVoter.name });
    const device = await memberContext.newPage();
    await device.goto(`/meetings/${MEETING}/member`);
    await expect(device.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
    const ballot = device.getByTestId("ballot");
    await ballot.getByLabel("Against").check();
    await ballot.getByRole("button", { name: "Cast my vote" }).click();
    await expect(ballot.getByTestId("my-ballot")).toContainText(/You voted Against at \d\d:\d\d — you can change it until the vote closes\./);
    await ballot.getByLabel("For", { exact: true }).check();
    await ballot.getByRole("button", { name: "Change my vote" }).click();
    await expect(ballot.getByTestId("my-ballot")).toContainText(/You voted For at \d\d:\d\d/);
    await expect(ballot.getByTestId("receipt")).toHaveText(new RegExp(`^${MEETING}/V1/B\\d+$`));

    // The others vote over the API, each signed in as themselves: forVeto in all vote for, then 5 against.
    const choices = [...voters.slice(0, 1), ...apiVoters].map((m, i) => ({ m, choice: i < forVeto - 1 ? "for" : "against" }));
    const voting = choices.slice(0, 18 - 1);
    for (const [i, { m, choice }] of voting.entries()) {
      const api = await apiAs(server, clerk, { role: "member", member: m.id, name: m.name });
      await mustRun(api, MEETING, { type: "CastBallot", vote: voteId, choice, ballot_id: `e2e-${forVeto}-${i}` });
      await api.dispose();
    }

    // The chair's console: the live count, the standing, and the two members yet to vote.
    await expect(chair.getByTestId("live-turnout")).toHaveText("18 of 20 present have voted");
    await expect(chair.getByTestId("live-standing")).toHaveText(
      forVeto >= 14 ? "Standing: vetoed" : `Standing: open: veto needs 14 of 20 members; ${forVeto} for so far`,
    );
    await expect(chair.getByTestId("yet-to-vote").locator("li")).toHaveCount(2);
    // The public see how many have voted, never who voted what while the vote is open.
    await expect(publicVote.getByTestId("vote-turnout")).toHaveText("18 of 20 present have voted");
    await expect(publicVote).not.toContainText("How each member voted");
    // Nor how it stands: the running count and the standing are the chair's and the clerk's alone.
    await expect(publicVote.getByTestId("vote-standing")).toHaveCount(0);
    await expect(publicVote).not.toContainText("for so far");
    await expect(device.getByTestId("vote-standing")).toHaveCount(0);
    expect(JSON.stringify(await viewOf(publicContext.request, MEETING))).not.toContain("for so far");
    expect(JSON.stringify(await viewOf(publicContext.request, MEETING))).not.toMatch(/"choice":"(for|against)"/);

    // Closing is irreversible: the chair confirms first.
    await chair.getByRole("button", { name: "Close the vote…" }).click();
    await expect(chair.getByRole("group", { name: "Confirm" })).toContainText("Closing the vote is final");
    await chair.getByRole("button", { name: "Yes, close the vote and declare the result" }).click();

    const vetoed = forVeto >= 14;
    const arithmetic = `${forVeto} of 20 members voted for the veto; 3 × ${forVeto} = ${3 * forVeto} ${vetoed ? "≥" : "<"} 2 × 20 = 40, so the proposal ${vetoed ? "is vetoed" : "is not vetoed"}`;
    const result = watcher.getByTestId("vote-result");
    await expect(result).toContainText(vetoed ? "Vetoed" : "Not vetoed");
    await expect(result.getByTestId("vote-arithmetic")).toContainText(arithmetic);
    await expect(result.getByTestId("vote-arithmetic")).toContainText("veto needs 14 of 20 members");
    await expect(watcher.getByTestId("vote-threshold")).toHaveText("Veto needs 14 of 20 members");
    await expect(watcher.getByTestId("vote-card")).toContainText("How each member voted");
    await expect(chair.getByTestId("vote-result")).toContainText(vetoed ? "Vetoed" : "Not vetoed");
    await expect(device.getByTestId("vote-result")).toContainText(vetoed ? "Vetoed" : "Not vetoed");
    // A page opened now, server-rendered, shows the same result.
    const fresh = await publicContext.newPage();
    await fresh.goto(`/meetings/${MEETING}`);
    await expect(fresh.getByTestId("vote-arithmetic")).toContainText(arithmetic);

    for (const context of [chairContext, memberContext, publicContext]) await context.close();
  } finally {
    await server.discard();
  }
}

test("13 of 20 for the veto: not vetoed, 14 needed", async ({ browser }) => {
  test.setTimeout(90_000);
  await runVeto(browser, 13);
});

test("14 of 20 for the veto: vetoed", async ({ browser }) => {
  test.setTimeout(90_000);
  await runVeto(browser, 14);
});
