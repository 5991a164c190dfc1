import { defineConfig, devices } from "@playwright/test";

// `cargo xtask end-to-end` starts the server (LEPTOS_SITE_ADDR) before running these tests and stops it afterwards.
// The browser is Debian's Chromium: Playwright's own browser download cannot work on these machines.
const baseURL = `http://${process.env.LEPTOS_SITE_ADDR ?? "127.0.0.1:3000"}`;

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // Two spec files at a time (the tests inside a file stay in order): every file but meeting_page.spec.ts starts
  // its own server on its own database (`OwnServer`), and that one only reads the shared demo. On the 2-core
  // machine this took the 38 journeys from 4.9 to 3.0 minutes (twice, 0 failures), which keeps a warm CI run after
  // a one-line change in the core under 8 minutes (BENCH.md).
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
