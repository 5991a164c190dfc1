// A closed meeting with a recording, for the archive journeys and the archive screenshot: the chair opens the
// meeting and moves through `RECORDED_ITEMS` a few seconds apart (within the 40 s a `TestStream.make(40)` covers,
// whose date-times began when ffmpeg started, just before), holds a private session, closes the meeting, and the
// clerk sets the recording.
import { APIRequestContext } from "@playwright/test";
import { mustRun } from "./helpers";

export const RECORDED_ITEMS = ["1", "2", "3", "A1", "B1"];

const pause = () => new Promise((resolve) => setTimeout(resolve, 3_000));

export async function recordMeeting(chair: APIRequestContext, clerk: APIRequestContext, meeting: string, recordingUrl: string) {
  await mustRun(chair, meeting, { type: "OpenMeeting" });
  for (const item of RECORDED_ITEMS) {
    await pause();
    await mustRun(chair, meeting, { type: "GoToItem", item });
  }
  await mustRun(chair, meeting, { type: "ExcludePublic", paragraph: 1 });
  await pause();
  await mustRun(chair, meeting, { type: "ReturnToPublic" });
  await pause();
  await mustRun(chair, meeting, { type: "CloseMeeting" });
  await mustRun(clerk, meeting, { type: "SetRecording", recording_url: recordingUrl });
}
