// A meeting in full swing, for the accessibility scan and the screenshots: 6 December 2022 opened, the roll
// taken, the hearing at its vote, the veto vote open with a few ballots in, and everyone's browser signed in.
import { Browser, BrowserContext, expect } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, apiAs, mustRun, viewOf, seatHolders } from "./helpers";

export const MEETING = "2022-12-06";

export interface Stage {
  server: OwnServer;
  chair: BrowserContext;
  clerk: BrowserContext;
  member: BrowserContext;
  commissioner: BrowserContext;
  public: BrowserContext;
  close: () => Promise<void>;
}

export async function stageMeeting(browser: Browser, name: string): Promise<Stage> {
  const server = await OwnServer.start(name);
  const clerkApiContext = await clerkApi(server);
  const members = seatHolders(await viewOf(clerkApiContext, MEETING));
  const chairSeat = members.find((m) => m.chair)!;
  const others = members.filter((m) => !m.chair);
  for (const m of members.slice(0, 18)) {
    await mustRun(clerkApiContext, MEETING, { type: "RecordAttendance", member: m.id, mark: "present" });
  }
  for (const m of members.slice(18)) {
    await mustRun(clerkApiContext, MEETING, { type: "RecordAttendance", member: m.id, mark: "apologies" });
  }
  const chair = await browserAs(browser, server, clerkApiContext, { role: "member", member: chairSeat.id, name: chairSeat.name });
  const clerk = await browserAs(browser, server, clerkApiContext, { role: "clerk", name: "Mr Matt Dentten" });
  const member = await browserAs(browser, server, clerkApiContext, { role: "member", member: others[0].id, name: others[0].name });
  const commissioner = await browserAs(browser, server, clerkApiContext, { role: "commissioner", name: "Mr Matthew Scott" });
  const publicContext = await browser.newContext({ baseURL: server.baseURL });

  await mustRun(chair.request, MEETING, { type: "OpenMeeting" });
  await mustRun(chair.request, MEETING, { type: "GoToItem", item: "A1" });
  await mustRun(clerk.request, MEETING, { type: "DeclareInterest", member: others[2].id, item: "A1", interest: "Receives a Kent Police pension" });
  for (const stage of ["questions", "private_deliberation", "vote"]) {
    await mustRun(chair.request, MEETING, { type: "SetHearingStage", stage });
  }
  await mustRun(chair.request, MEETING, { type: "OpenVote", kind: "chief_constable_veto" });
  const vote = (await viewOf(chair.request, MEETING)).votes[0].id;
  for (const [i, m] of others.slice(1, 10).entries()) {
    const api = await apiAs(server, clerkApiContext, { role: "member", member: m.id, name: m.name });
    await mustRun(api, MEETING, { type: "CastBallot", vote, choice: i < 6 ? "for" : "against", ballot_id: `stage-${i}` });
    await api.dispose();
  }
  await mustRun(member.request, MEETING, { type: "CastBallot", vote, choice: "for", ballot_id: "stage-member" });
  expect((await viewOf(chair.request, MEETING)).votes[0].turnout).toBe("10 of 18 present have voted; 2 members absent, who count against a veto");

  return {
    server,
    chair,
    clerk,
    member,
    commissioner,
    public: publicContext,
    close: async () => {
      for (const context of [chair, clerk, member, commissioner, publicContext]) await context.close();
      await clerkApiContext.dispose();
      await server.discard();
    },
  };
}
