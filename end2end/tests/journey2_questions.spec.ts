// Journey 2: a member submits a question on their device → the chair accepts it on the console → the public
// see it; the chair rejects another with a reason → its asker sees the reason; the public never see it.
// The 28 March 2017 demo meeting is the one that takes questions today (the others' deadlines are past).
import { test, expect } from "@playwright/test";
import { OwnServer, clerkApi, browserAs, viewOf, seatHolders } from "./helpers";

const MEETING = "2017-03-28";

test("questions go from a member's device through the chair to the public page, rejections only to the asker", async ({ browser }) => {
  // Four browser contexts and a server of its own: on a busy 2-core machine this takes ~30 s (all its
  // expectations passed in 31 s under load 6, past the 30 s default).
  test.setTimeout(60_000);
  const server = await OwnServer.start("journey2");
  try {
    const clerk = await clerkApi(server);
    const roster = seatHolders(await viewOf(clerk, MEETING));
    const chairSeat = roster.find((m) => m.chair)!;
    const [asker, other] = roster.filter((m) => !m.chair);
    const chairContext = await browserAs(browser, server, clerk, { role: "member", member: chairSeat.id, name: chairSeat.name });
    const askerContext = await browserAs(browser, server, clerk, { role: "member", member: asker.id, name: asker.name });
    const otherContext = await browserAs(browser, server, clerk, { role: "member", member: other.id, name: other.name });
    const publicContext = await browser.newContext({ baseURL: server.baseURL });

    const watcher = await publicContext.newPage();
    await watcher.goto(`/meetings/${MEETING}`);
    await expect(watcher.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });

    const accepted = "What progress has the Police Cadet Scheme made in recruiting from every district?";
    const rejected = "Which officers will patrol my street this Friday night?";
    const reason = "This concerns operational policing, not the work of the Commissioner";

    // Two members submit from their own devices.
    for (const [context, text] of [[askerContext, accepted], [otherContext, rejected]] as const) {
      const device = await context.newPage();
      await device.goto(`/meetings/${MEETING}/member`);
      await expect(device.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
      await device.getByLabel("Your question to the Commissioner").fill(text);
      await device.getByRole("button", { name: "Submit the question" }).click();
      await expect(device.getByTestId("my-questions")).toContainText(text);
      await expect(device.getByTestId("my-questions")).toContainText("awaiting the chair's decision");
      await expect(device.getByLabel("Your question to the Commissioner")).toHaveValue("");
    }
    const otherDevice = otherContext.pages()[0];

    // The chair moderates on the console.
    const chair = await chairContext.newPage();
    await chair.goto(`/meetings/${MEETING}/console`);
    await expect(chair.getByTestId("live-status")).toHaveText(/^Live/, { timeout: 10_000 });
    const first = chair.getByTestId("moderated-question").filter({ hasText: accepted });
    const second = chair.getByTestId("moderated-question").filter({ hasText: rejected });
    await first.getByRole("button", { name: "Accept" }).click();
    await expect(first).toContainText("accepted");
    await second.getByLabel(/Reason for rejecting question/).fill(reason);
    await second.getByRole("button", { name: "Reject" }).click();
    await expect(second).toContainText("rejected");
    await expect(second).toContainText(reason);

    // The public see the accepted question, live; never the rejected one.
    await expect(watcher.getByTestId("questions")).toContainText(accepted);
    await expect(watcher.getByTestId("questions")).toContainText("accepted");
    // The asker of the rejected question sees the chair's reason on their device.
    await expect(otherDevice.getByTestId("my-questions")).toContainText("rejected");
    await expect(otherDevice.getByTestId("rejection-reason")).toContainText(reason);
    // ...and the first asker sees theirs accepted.
    await expect(askerContext.pages()[0].getByTestId("my-questions")).toContainText("accepted");

    await expect(watcher.locator("body")).not.toContainText(rejected);
    await expect(watcher.locator("body")).not.toContainText(reason);
    // Nor does a fresh public page, server-rendered, nor the public API.
    const fresh = await publicContext.newPage();
    await fresh.goto(`/meetings/${MEETING}`);
    await expect(fresh.getByTestId("questions")).toContainText(accepted);
    expect(await fresh.content()).not.toContain(rejected);
    const publicJson = JSON.stringify(await viewOf(publicContext.request, MEETING));
    expect(publicJson).toContain(accepted);
    expect(publicJson).not.toContain(rejected);
    expect(publicJson).not.toContain(reason);

    for (const context of [chairContext, askerContext, otherContext, publicContext]) await context.close();
  } finally {
    await server.discard();
  }
});
