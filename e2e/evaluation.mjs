// Browser test of the evaluator's workspace (issue 18), started by
// crates/web/tests/browser_evaluation.rs with the demo programme seeded
// (samspill_seed::programme) and Brattvik linked to a municipality.
//
// The evaluator creates an evaluation round, sets up its matrix rows,
// records interviews, a document and a note in its log, and writes a
// learning note; a refused form names its field. The funder's adviser adds
// a gathering with attendance; the coordinator writes a shared learning
// note, hosts a gathering and opens the anchoring view with the attendance
// as evidence. axe-core checks every page for WCAG 2.1 A/AA violations:
// there must be none.

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
  const ev = await login(browser, process.env.EVALUATOR_EMAIL, /\/programmes$/);
  await ev.goto(`${BASE}/programmes/${ID}/evaluation`);
  await ev.locator("#rounds").waitFor();
  await axe(ev, "evaluation rounds");
  await ev.locator("#r-name").fill("Delrapport høsten 2026");
  await ev.locator("#r-from").fill("2026-01-01");
  await ev.locator("#r-as-of").fill("2026-09-30");
  await ev.getByLabel("Brattvik").check();
  await ev.getByRole("button", { name: "Opprett runden" }).click();
  await ev.waitForURL(/\/settings$/);
  await ev.locator("#layout").waitFor();
  await axe(ev, "round settings");
  await ev.locator("#row-project-group-label").fill("Arbeidsgruppa");
  await ev.getByRole("button", { name: "Lagre" }).click();
  await ev.locator("#matrix").waitFor();
  expect((await ev.content()).includes("Arbeidsgruppa"), "the row label is in the matrix");
  const round = ev.url().split("/rounds/")[1];
  await ev.goto(`${BASE}/programmes/${ID}/rounds/${round}/log`);
  await ev.locator("#collected").waitFor();
  await axe(ev, "data-collection log (empty)");
  await ev.locator("#i-participant").selectOption("brattvik");
  await ev.locator("#i-month").fill("2026-02");
  await ev.locator("#i-count").fill("3");
  await ev.locator("#add-interviews").getByRole("button").click();
  await ev.locator("#log").waitFor();
  await ev.locator("#d-participant").selectOption("brattvik");
  await ev.locator("#d-kind").selectOption("action_plan");
  await ev.locator("#d-title").fill("Handlingsplan 2026");
  await ev.locator("#add-document").getByRole("button").click();
  await ev.getByText("Handlingsplan 2026").first().waitFor();
  await ev.locator("#n-participant").selectOption("brattvik");
  await ev.locator("#n-text").fill("Prosjektgruppa møtes sjeldnere enn planlagt.");
  await ev.locator("#add-note").getByRole("button").click();
  await ev.getByText("Prosjektgruppa møtes sjeldnere enn planlagt.").waitFor();
  await axe(ev, "data-collection log (filled in)");
  // A refused form: the problems page names the field.
  await ev.locator("#m-title").fill("   ");
  await ev.locator("#m-title").evaluate((el) => el.removeAttribute("required"));
  await ev.locator("#add-meeting").getByRole("button").click();
  await ev.getByText("«Tittel» må fylles ut").waitFor();
  await axe(ev, "log entry refused");
  await ev.goto(`${BASE}/programmes/${ID}/learning`);
  await ev.locator("#add-learning").waitFor();
  await axe(ev, "learning log (evaluator)");
  await ev.locator("#l-text").fill("Kommunene lærer mest av hverandres tiltak.");
  await ev.getByLabel(/Læringskrets 3/).check();
  await ev.locator("#add-learning").getByRole("button").click();
  await ev.getByText("Kommunene lærer mest av hverandres tiltak.").waitFor();
  step("evaluator's pages checked");

  const funder = await login(browser, process.env.FUNDER_EMAIL, /\/programmes$/);
  await funder.goto(`${BASE}/programmes/${ID}/gatherings`);
  await funder.locator("#add-gathering").waitFor();
  await axe(funder, "gatherings (funder)");
  await funder.locator("#g-title").fill("Programsamling januar 2026");
  await funder.locator("#g-date").fill("2026-01-20");
  await funder.getByLabel("politikere", { exact: true }).check();
  await funder.locator("#add-gathering").getByRole("button").click();
  await funder.getByRole("heading", { name: "Programsamling januar 2026" }).waitFor();
  const section = funder.locator("section.gathering", { has: funder.getByRole("heading", { name: "Programsamling januar 2026" }) });
  await section.getByLabel("Deltaker").selectOption("brattvik");
  await section.getByLabel("Nivå").selectOption("politician");
  await section.getByLabel("Antall").fill("2");
  await section.getByRole("button", { name: "Lagre" }).click();
  await funder.getByText("Oppmøte (2 i alt)").waitFor();
  await axe(funder, "gatherings with attendance");
  await funder.goto(`${BASE}/programmes/${ID}/rounds/2026`);
  await funder.locator("#matrix").waitFor();
  const pdf = await funder.request.get(`${BASE}/programmes/${ID}/rounds/2026/matrix.pdf`);
  expect(pdf.ok() && (await pdf.body()).subarray(0, 4).toString() === "%PDF", "the matrix as PDF");
  step("funder's pages checked");

  const coord = await login(browser, process.env.COORD_EMAIL, /\/coord$/);
  await coord.goto(`${BASE}/programmes/${ID}/learning`);
  await coord.locator("#add-learning").waitFor();
  await axe(coord, "learning log (coordinator)");
  await coord.locator("#l-text").fill("Felles vakttelefon virker.");
  await coord.locator("#l-shared").check();
  await coord.locator("#add-learning").getByRole("button").click();
  await coord.getByText("Felles vakttelefon virker.").waitFor();
  await coord.goto(`${BASE}/programmes/${ID}/gatherings`);
  await coord.locator("#add-gathering").waitFor();
  await axe(coord, "gatherings (coordinator)");
  await coord.goto(`${BASE}/programmes/${ID}/participants/brattvik`);
  await coord.locator("#anchoring-evidence").click();
  await coord.locator("#attendance-by-level").waitFor();
  expect((await coord.content()).includes("Programsamling januar 2026"), "the gathering is evidence");
  await axe(coord, "process anchoring");
  await coord.goto(`${BASE}/programmes/${ID}/rounds/${round}/log`);
  await coord.locator("#collected").waitFor();
  expect(!(await coord.content()).includes("Prosjektgruppa møtes sjeldnere"), "no evaluator's notes");
  await axe(coord, "data-collection log (coordinator)");
  step("coordinator's pages checked");
} finally {
  await browser.close();
}

finish();
