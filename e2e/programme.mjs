// Browser test of the programme follow-up pages (issues 17 and 18),
// started by crates/web/tests/browser.rs with the demo programme seeded
// (samspill_seed::programme) and Brattvik linked to a municipality.
//
// The funder's adviser opens the portfolio, a participant's path, the
// glossary, the programme's words, the portfolio PDF, an evaluation
// round's matrix and the comparison of two rounds, adds a version of a
// cooperation agreement (refused first with the field named), and gets a
// refused import listed with its fields; the coordinator opens their own
// participant, records a phase date, edits a record, records the
// pre-analysis (refused first) with the report drafts open, and signs off
// their column. axe-core checks every page for WCAG 2.1 A/AA
// violations: there must be none.

import { axe, expect, finish, launch, step } from "./lib.mjs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

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
  const funder = await login(browser, process.env.FUNDER_EMAIL, /\/programmes$/);
  await axe(funder, "programme list");
  await funder.goto(`${BASE}/programmes/${ID}`);
  await funder.locator("#portfolio").waitFor();
  await axe(funder, "programme overview");
  await funder.goto(`${BASE}/programmes/${ID}/participants/lyngnes`);
  await funder.locator("#real-phase").waitFor();
  expect(await funder.locator("#overrun").count() === 1, "overrun warning shown");
  await axe(funder, "participant (funder)");
  await funder.goto(`${BASE}/programmes/${ID}/glossary`);
  await axe(funder, "glossary");
  // The portfolio as a PDF beside the workbook.
  const pdf = await funder.request.get(`${BASE}/programmes/${ID}/portfolio.pdf`);
  expect(pdf.ok() && pdf.headers()["content-type"] === "application/pdf", "the portfolio PDF");
  expect((await pdf.body()).subarray(0, 5).toString() === "%PDF-", "a PDF file");
  // The programme's words: a word set, the glossary reached from the page.
  await funder.goto(`${BASE}/programmes/${ID}/vocabulary`);
  await funder.locator("#vocabulary-form").waitFor();
  await axe(funder, "vocabulary");
  await funder.locator("#term-sub-project-singular").fill("delsatsing");
  await funder.locator("#vocabulary-form").getByRole("button", { name: "Lagre" }).click();
  await funder.waitForURL(/\/glossary$/);
  await axe(funder, "glossary after the words were set");
  // The cooperation agreement as a form: every form of the page opened.
  const openAll = (page) => page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  await funder.goto(`${BASE}/programmes/${ID}/participants/strandoy`);
  await openAll(funder);
  await axe(funder, "participant with agreement, draft reports and read forms (funder)");
  await funder.locator("#ag-new-title").fill("Samarbeidsavtale, versjon 2");
  await funder.locator("#ag-new-signed").check();
  await funder.locator("#ag-new-signed-on").fill("i går");
  await funder.locator("#ag-new").getByRole("button").click();
  await funder.getByText("Signert dato").first().waitFor();
  await axe(funder, "agreement refused");
  await funder.goto(`${BASE}/programmes/${ID}/participants/strandoy`);
  await openAll(funder);
  await funder.locator("#ag-new-title").fill("Samarbeidsavtale, versjon 2");
  await funder.locator("#ag-new-signed").check();
  await funder.locator("#ag-new-signed-on").fill("2026-05-04");
  await funder.locator("#ag-new-ob-0-party").selectOption("funder");
  await funder.locator("#ag-new-ob-0-text").fill("Kompetansetilskudd til programledelse");
  await funder.locator("#ag-new").getByRole("button").click();
  await funder.waitForURL(/#agreement$/);
  expect((await funder.content()).includes("Samarbeidsavtale, versjon 2"), "the new agreement version is shown");
  await funder.goto(`${BASE}/programmes/${ID}/rounds/2026`);
  await funder.locator("#matrix").waitFor();
  await axe(funder, "overview matrix");
  await funder.goto(`${BASE}/programmes/${ID}/compare?from=2025&to=2026`);
  await funder.locator("#compare").waitFor();
  await axe(funder, "matrix comparison");
  // A refused import: the problems page names the field.
  await funder.goto(`${BASE}/programmes/${ID}`);
  const bad = join(tmpdir(), `samspill-bad-${process.pid}.json`);
  writeFileSync(bad, JSON.stringify({ format: "samspill-programme", version: 1, programme: { id: 5 } }));
  await funder.locator("#import-file").setInputFiles(bad);
  await funder.getByRole("button", { name: "Importer" }).click();
  await funder.getByText("Ingenting ble endret").first().waitFor();
  expect((await funder.content()).includes("programme"), "the field is named");
  await axe(funder, "import refused");
  step("funder's pages checked");

  const coord = await login(browser, process.env.COORD_EMAIL, /\/coord$/);
  await coord.goto(`${BASE}/programmes/${ID}`);
  await coord.waitForURL(/\/participants\/brattvik$/);
  await axe(coord, "participant (coordinator)");
  await coord.locator("#ae-phase_out").waitFor();
  await coord.locator("#as-phase_out").fill("2026-11");
  await coord.locator("#as-phase_out").locator("xpath=ancestor::form").getByRole("button").click();
  await coord.waitForURL(/\/participants\/brattvik/);
  expect((await coord.content()).includes("november 2026"), "the actual start is shown");
  await coord.goto(`${BASE}/programmes/${ID}/records/organisation/brattvik`);
  await axe(coord, "record editor");
  // The pre-analysis as a form, and the reports with their drafts.
  await coord.goto(`${BASE}/programmes/${ID}/participants/brattvik`);
  await coord.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  await axe(coord, "participant with pre-analysis and report forms (coordinator)");
  await coord.locator("#pre-provider").fill("Brattvik kommune, stab");
  await coord.locator("#pre-form").getByRole("button").click();
  await coord.waitForURL(/#pre-analysis$/);
  expect((await coord.content()).includes("Brattvik kommune, stab"), "the pre-analysis is saved");
  await coord.goto(`${BASE}/programmes/${ID}/participants/brattvik`);
  await coord.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  await coord.locator("#pre-completed").fill("snart");
  await coord.locator("#pre-form").getByRole("button").click();
  await coord.getByText("Ferdig dato").first().waitFor();
  await axe(coord, "pre-analysis refused");
  await coord.goto(`${BASE}/programmes/${ID}/rounds/2026`);
  await coord.getByRole("button", { name: "Kvalitetssikre" }).click();
  await coord.locator("#matrix").waitFor();
  expect(!(await coord.content()).includes("Ikke kvalitetssikret"), "the column is signed off");
  await axe(coord, "overview matrix (signed off)");
  step("coordinator's pages checked");
} finally {
  await browser.close();
}

finish();
