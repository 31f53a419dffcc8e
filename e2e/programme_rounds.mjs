// Browser test of the survey rounds inside the programme (issue 18),
// started by crates/web/tests/browser_rounds.rs with Brattvik and Strandøy
// seeded through the product's APIs (closed rounds) and linked to the demo
// programme.
//
// The coordinator attaches a closed round to a phase and lets an indicator
// take a survey figure; the funder's adviser opens the participant's rounds
// and the cross-municipality report from real closed rounds. Brattvik's
// coordinator reads nynorsk, the adviser bokmål. axe-core
// checks every page for WCAG 2.1 A/AA violations: there must be none.

import { axe, expect, finish, launch, step } from "./lib.mjs";

const BASE = process.env.BASE_URL;
const PASSWORD = process.env.PASSWORD;
const ID = process.env.PROGRAMME_ID;

async function login(browser, email, home) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel(/E-postadresse/).fill(email);
  await page.getByLabel(/Passord/).fill(PASSWORD);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.waitForURL(home, { timeout: 10000 });
  return page;
}

const browser = await launch();
try {
  const coord = await login(browser, process.env.COORD_EMAIL, /\/coord$/);
  await coord.goto(`${BASE}/programmes/${ID}/participants/brattvik`);
  await coord.locator("#rounds-link").click();
  await coord.locator("#attach-form").waitFor();
  await axe(coord, "participant's rounds (coordinator)");
  await coord.locator("#attach-purpose").selectOption("baseline");
  await coord.locator("#attach-phase").selectOption("preparatory");
  await coord.getByRole("button", { name: /^Knytt? til$/ }).click();
  await coord.locator("#attached-rounds").waitFor();
  expect((await coord.locator("#attached-rounds").textContent()).includes("Nullpunktsmåling"), "the round is attached");
  await coord.locator("#ind-figure").selectOption("ei_index");
  await coord.locator("#ind-a").selectOption("tildeling");
  await coord.locator("#ind-b").selectOption("tjenester_i_bolig");
  await coord.getByRole("button", { name: /^Bruk tall?et$/ }).click();
  await coord.locator("#tracked").waitFor();
  expect((await coord.locator("#tracked").textContent()).includes("E–I-indeks"), "the indicator takes the figure");
  await axe(coord, "participant's rounds with a tracked figure");
  // A refused choice: the reason is shown.
  await coord.locator("#ind-figure").selectOption("ei_index");
  await coord.locator("#ind-a").selectOption("tildeling");
  await coord.locator("#ind-b").selectOption("tildeling");
  await coord.getByRole("button", { name: /^Bruk tall?et$/ }).click();
  await coord.getByText(/Ingenting (ble endret|vart endra)/).first().waitFor();
  await axe(coord, "refused figure");
  step("coordinator's pages checked");

  const funder = await login(browser, process.env.FUNDER_EMAIL, /\/programmes$/);
  await funder.goto(`${BASE}/programmes/${ID}/participants/brattvik/rounds`);
  await funder.locator("#tracked").waitFor();
  await axe(funder, "participant's rounds (funder)");
  await funder.goto(`${BASE}/programmes/${ID}`);
  await funder.locator("#survey-report-link").click();
  await funder.locator("#report-choice").waitFor();
  await funder.locator("#set-latest").check();
  await funder.getByRole("button", { name: "Vis rapporten" }).click();
  await funder.locator(".report-embed").waitFor();
  const text = await funder.locator(".report-embed").textContent();
  expect(text.includes("Brattvik") && text.includes("Strandøy"), "both municipalities in the report");
  await axe(funder, "cross-municipality report");
  step("funder's pages checked");
} finally {
  await browser.close();
}

finish();
