// Browser test of a whole survey round (issue 4), started by
// crates/web/tests/browser.rs, which runs the server, an SMTP sink that
// writes each mail to MAIL_DIR, and seeds a tenant with a coordinator.
//
// A coordinator imports a roster, opens a round and sends invitations;
// three respondents answer from the links in the mails (one on a phone
// viewport, one leaves halfway and resumes); the coordinator sees 3/N and
// closes the round. axe-core checks every page for WCAG 2.1 A/AA
// violations: there must be none.

import { axe, expect, finish, launch, step } from "./lib.mjs";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const BASE = process.env.BASE_URL;
const MAIL_DIR = process.env.MAIL_DIR;
const ROSTER = process.env.ROSTER_PATH;
const EMAIL = process.env.COORD_EMAIL;
const PASSWORD = process.env.COORD_PASSWORD;
const EXPECTED = Number(process.env.ROSTER_SIZE || "6");


async function waitForMails(n) {
  for (let i = 0; i < 200; i++) {
    const files = readdirSync(MAIL_DIR).filter((f) => f.endsWith(".eml"));
    if (files.length >= n) return files.map((f) => readFileSync(join(MAIL_DIR, f), "utf8"));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${n} mails in ${MAIL_DIR}`);
}

function linksFrom(mails) {
  return mails.map((m) => {
    const match = m.match(/https?:\/\/[^\s]+\/s\/[A-Za-z0-9_-]+/);
    if (!match) throw new Error(`no link in mail:\n${m}`);
    return match[0];
  });
}

async function answerContacts(page, count) {
  await axe(page, "survey contacts");
  const boxes = page.locator('input[name="chosen"]');
  for (let i = 0; i < count; i++) await boxes.nth(i).check();
  // Autosave acknowledges after the commit.
  await page.locator("#save-status").filter({ hasText: /./ }).waitFor();
  await page.waitForFunction(() => document.getElementById("save-status").textContent !== document.getElementById("save-status").dataset.saving);
  await page.getByRole("button", { name: /Neste|Next/ }).click();
  await page.waitForURL(/\/frequency$/);
  await axe(page, "survey frequency");
  const groups = page.locator("fieldset");
  const n = await groups.count();
  for (let i = 0; i < n; i++) await groups.nth(i).locator('input[type="radio"]').nth(i % 4).check();
  await page.getByRole("button", { name: /Neste|Next/ }).click();
  await page.waitForURL(/\/political$/);
}

async function answerRest(page, text) {
  await axe(page, "survey political");
  await page.locator('input[type="checkbox"]').first().check();
  await page.getByRole("button", { name: /Neste|Next/ }).click();
  await page.waitForURL(/\/ratings$/);
  await axe(page, "survey ratings");
  const fs = page.locator("fieldset");
  await fs.nth(0).locator('input[value="4"]').check();
  await fs.nth(1).locator('input[value="dk"]').check();
  await page.getByRole("button", { name: /Neste|Next/ }).click();
  await page.waitForURL(/\/open$/);
  await axe(page, "survey open");
  await page.locator("textarea").first().fill(text);
  await page.getByRole("button", { name: /Neste|Next/ }).click();
  await page.waitForURL(/\/summary$/);
  await axe(page, "survey summary");
  expect((await page.locator("dd").first().textContent()) === text, "open answer shown as plain text");
  await page.getByRole("button", { name: /Send inn|Submit/ }).click();
  await page.waitForURL(/\/done$/);
  await axe(page, "survey done");
}

const browser = await launch();

try {
  // Coordinator.
  const coordCtx = await browser.newContext();
  const coord = await coordCtx.newPage();
  await coord.goto(`${BASE}/login`);
  await axe(coord, "login");
  await coord.getByLabel(/E-postadresse/).fill(EMAIL);
  await coord.getByLabel(/Passord/).fill(PASSWORD);
  await coord.getByRole("button", { name: "Logg inn" }).click();
  await coord.waitForURL(/\/coord$/, { timeout: 10000 }).catch(async (e) => {
    console.error(await coord.content());
    throw e;
  });
  await axe(coord, "coordinator home");
  step("coordinator logged in");
  await coord.goto(`${BASE}/coord/roster`);
  await axe(coord, "roster (empty)");
  await coord.getByLabel(/Fil \(CSV eller XLSX\)/).setInputFiles(ROSTER);
  await coord.getByRole("button", { name: "Importer" }).click();
  await coord.getByText(/Importert: \d+ nye/).waitFor();
  await axe(coord, "roster (imported)");
  step("roster imported");
  await coord.goto(`${BASE}/coord/settings`);
  await axe(coord, "settings");
  await coord.goto(`${BASE}/coord`);
  await coord.getByLabel("Navn på runden").fill("Runde 1");
  await coord.getByRole("button", { name: "Opprett runde" }).click();
  await coord.waitForURL(/\/coord\/rounds\/\d+$/);
  const roundUrl = coord.url();
  await axe(coord, "round (draft)");
  await coord.getByRole("button", { name: "Åpne runden" }).click();
  await coord.getByText("Runden er åpen.").waitFor();
  await axe(coord, "round (open)");
  await coord.goto(`${roundUrl}/instrument`);
  await axe(coord, "instrument");
  await coord.goto(`${roundUrl}/letters`);
  await axe(coord, "letters");
  const people = await coord.locator("section.letter").count();
  expect(people === EXPECTED, `one letter per person (${people})`);
  const roster = await coord.goto(`${BASE}/coord/roster/1`);
  expect(roster.ok(), "person page");
  await axe(coord, "person");
  await coord.goto(roundUrl);
  await coord.getByRole("button", { name: "Send invitasjoner på e-post" }).click();
  await coord.getByText("E-postene er lagt i kø for sending.").waitFor();
  const links = linksFrom(await waitForMails(EXPECTED));
  step(`${links.length} invitations received by the SMTP sink`);

  // Respondent 1: desktop, in one go.
  const r1 = await (await browser.newContext()).newPage();
  await r1.goto(links[0]);
  await axe(r1, "survey welcome");
  await r1.getByRole("button", { name: /Start/ }).click();
  await answerContacts(r1, 2);
  await answerRest(r1, "Godt samarbeid med <b>NAV</b>");
  step("respondent 1 answered");

  // Respondent 2: on a phone, in English.
  const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const r2 = await phone.newPage();
  await r2.goto(links[1]);
  await r2.getByRole("button", { name: "English" }).click();
  await r2.waitForURL(new RegExp(`${links[1].split("/").pop()}$`));
  await r2.locator('html[lang="en"]').waitFor();
  await axe(r2, "survey welcome (phone, en)");
  await r2.getByRole("button", { name: /Start/ }).click();
  await answerContacts(r2, 1);
  await answerRest(r2, "Short answer");
  step("respondent 2 answered on a phone");

  // Respondent 3: leaves after the contacts, comes back later.
  const ctx3 = await browser.newContext();
  const r3 = await ctx3.newPage();
  await r3.goto(links[2]);
  await r3.getByRole("button", { name: /Start/ }).click();
  await answerContacts(r3, 3);
  await ctx3.close();
  const r3b = await (await browser.newContext()).newPage();
  await r3b.goto(links[2]);
  await r3b.getByRole("button", { name: "Fortsett der du slapp" }).click();
  await r3b.waitForURL(/\/political$/);
  await answerRest(r3b, "Kom tilbake og fullførte");
  step("respondent 3 resumed and answered");

  // Coordinator sees 3/N and closes.
  await coord.goto(roundUrl);
  await coord.getByText(new RegExp(`3 av ${EXPECTED} har svart`)).waitFor();
  await axe(coord, "round (monitoring)");
  await coord.getByLabel("Jeg vil avslutte runden og låse svarene").check();
  await coord.getByRole("button", { name: "Avslutt runden" }).click();
  await coord.getByText("Runden er avsluttet, og dataene er låst.").waitFor();
  await axe(coord, "round (closed)");
  const closed = await (await browser.newContext()).newPage();
  await closed.goto(links[3]);
  await closed.getByText("Undersøkelsen er avsluttet").waitFor();
  await axe(closed, "survey closed");
  step("round closed");
} finally {
  await browser.close();
}

finish();
