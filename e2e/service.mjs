// Browser test of the whole service from an empty database (issue 11),
// started by crates/cli/tests/browser.rs, which runs `samspill serve` (the
// built-in outbox as mail transport) after creating the first operator
// with `samspill admin`, as an operator would.
//
// The operator sets up an authenticator at the first login (TOTP, required
// for operators), creates a municipality and invites its coordinator, who
// chooses a password through the link in the mail (read from the built-in
// outbox); the coordinator
// imports the roster from an XLSX file, opens a round and sends the
// invitations; five respondents answer through their links; the
// coordinator closes the round and opens its results: pictures, numbers,
// rules, the PDF report, the exports, the open-answer review. The pages
// and downloads are saved to OUT for the Rust side to compare with the
// engine and `samspill analyze`. axe-core checks every page.

import { axe, expect, finish, launch, step } from "./lib.mjs";
import { writeFileSync } from "node:fs";
import { createHmac } from "node:crypto";
import { join } from "node:path";

const BASE = process.env.BASE_URL;
const OPERATOR = process.env.OPERATOR_EMAIL;
const OPERATOR_PASSWORD = process.env.OPERATOR_PASSWORD;
const ROSTER = process.env.ROSTER_PATH;
const OUT = process.env.OUT_DIR;
const RESPONDENTS = 5;

// RFC 6238 TOTP (SHA-1, 30 s, 6 digits) of a base32 secret.
function totp(base32, at = Date.now()) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of base32.replace(/\s/g, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const h = createHmac("sha1", key).update(counter).digest();
  const o = h[h.length - 1] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, "0");
}

async function save(page, url, file) {
  const res = await page.request.get(url);
  expect(res.ok(), `${url}: ${res.status()}`);
  writeFileSync(join(OUT, file), await res.body());
  return res;
}

const browser = await launch();

try {
  // The operator, created on the command line, logs in.
  const opCtx = await browser.newContext();
  const op = await opCtx.newPage();
  await op.goto(`${BASE}/`);
  await op.waitForURL(/\/login$/);
  await op.getByLabel("E-post").fill(OPERATOR);
  await op.getByLabel("Passord").fill(OPERATOR_PASSWORD);
  await op.getByRole("button", { name: "Logg inn" }).click();
  // Operators set up an authenticator at their first login: the page shows
  // the secret (and its QR code); the code is computed here as an
  // authenticator app would.
  await op.waitForURL(/\/login\/totp/);
  await axe(op, "operator (authenticator setup)");
  const secret = await op.locator("#totp-secret").getAttribute("data-secret");
  await op.locator("#code").fill(totp(secret));
  await op.getByRole("button", { name: "Bekreft" }).click();
  await op.waitForURL(/\/operator$/);
  await axe(op, "operator (empty)");
  // A municipality …
  const tenantForm = op.locator("form", { has: op.locator("#t-slug") });
  await op.locator("#t-slug").fill("oppdal");
  await op.locator("#t-name").fill("Oppdal kommune");
  await op.locator("#t-lang").selectOption("nb");
  await op.locator("#t-from").fill("samspill@oppdal.kommune.example");
  await tenantForm.getByRole("button", { name: "Opprett" }).click();
  await op.getByText("Kommunen er opprettet.").waitFor();
  // … and its coordinator, invited by e-mail (the built-in outbox shows
  // the message as it would arrive).
  await op.locator("#u-email").fill("kari@oppdal.kommune.example");
  await op.locator("#u-name").fill("Kari Koordinator");
  await op.locator("#u-role").selectOption("coordinator");
  await op.locator("#u-tenant").selectOption("oppdal");
  await op.locator("form", { has: op.locator("#u-email") }).getByRole("button", { name: "Send invitasjon" }).click();
  await op.waitForURL(/done=user-invited/);
  await axe(op, "operator (user invited)");
  let invite = null;
  for (let i = 0; i < 100 && !invite; i++) {
    await op.goto(`${BASE}/operator/outbox`);
    const bodies = await op.locator("pre.mail-body").allTextContents();
    const m = bodies.map((b) => b.match(/https?:\/\/\S+\/account\/link\/\S+/)).find((x) => x);
    if (m) invite = m[0];
    else await new Promise((r) => setTimeout(r, 100));
  }
  expect(invite, "an invitation in the outbox");
  await axe(op, "operator outbox");
  step("operator created the municipality and invited its coordinator");

  // The coordinator.
  const coordCtx = await browser.newContext();
  const coord = await coordCtx.newPage();
  const password = "koordinatorens-eget-passord";
  await coord.goto(invite);
  await axe(coord, "invitation");
  await coord.locator("#password").fill(password);
  await coord.locator("#password2").fill(password);
  await coord.locator("form", { has: coord.locator("#password2") }).getByRole("button").click();
  await coord.waitForURL(/\/coord$/);
  await coord.goto(`${BASE}/coord/roster`);
  await coord.locator('input[type="file"]').setInputFiles(ROSTER);
  await coord.getByRole("button", { name: "Importer" }).click();
  await coord.waitForURL(/added=/);
  await axe(coord, "roster (imported)");
  step("roster imported from XLSX");
  await coord.goto(`${BASE}/coord`);
  await coord.getByLabel("Navn på runden").fill("Runde 2026");
  await coord.getByRole("button", { name: "Opprett runde" }).click();
  await coord.waitForURL(/\/coord\/rounds\/\d+$/);
  const roundUrl = coord.url();
  await coord.getByRole("button", { name: "Åpne runden" }).click();
  await coord.getByText("Runden er åpen.").waitFor();
  await coord.getByRole("button", { name: "Send invitasjoner på e-post" }).click();
  await coord.getByText("E-postene er lagt i kø").waitFor();
  // The built-in outbox: each message as it would arrive, with its link.
  let outboxText = "";
  for (let i = 0; i < 50; i++) {
    await coord.goto(`${BASE}/coord/outbox`);
    outboxText = await coord.locator("main").textContent();
    if ((outboxText.match(/\/s\/[A-Za-z0-9_-]{20,}/g) || []).length >= RESPONDENTS) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await axe(coord, "outbox");
  const links = [...new Set(outboxText.match(/https?:\/\/[^\s]+\/s\/[A-Za-z0-9_-]+/g) || [])];
  expect(links.length >= RESPONDENTS, `links in the outbox: ${links.length}`);
  step(`${links.length} invitations in the outbox`);

  // Five respondents answer through their links.
  for (let r = 0; r < RESPONDENTS; r++) {
    const ctx = await browser.newContext(r % 2 ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
    const page = await ctx.newPage();
    await page.goto(links[r]);
    if (r === 0) await axe(page, "survey welcome");
    await page.getByRole("button", { name: /Start/ }).click();
    await page.waitForURL(/\/contacts$/);
    const boxes = page.locator('input[name="chosen"]');
    const n = await boxes.count();
    for (let k = 0; k < 3; k++) await boxes.nth((r + 1 + 2 * k) % n).check();
    await page.getByRole("button", { name: /Neste/ }).click();
    await page.waitForURL(/\/frequency$/);
    const groups = page.locator("fieldset");
    const g = await groups.count();
    for (let k = 0; k < g; k++) await groups.nth(k).locator('input[type="radio"]').nth((r + k) % 3).check();
    await page.getByRole("button", { name: /Neste/ }).click();
    await page.waitForURL(/\/political$/);
    if (r < 2) await page.locator('input[type="checkbox"]').nth(r).check();
    await page.getByRole("button", { name: /Neste/ }).click();
    await page.waitForURL(/\/ratings$/);
    await page.locator("fieldset").nth(0).locator(`input[value="${2 + r}"]`).check();
    await page.getByRole("button", { name: /Neste/ }).click();
    await page.waitForURL(/\/open$/);
    await page.locator("textarea").first().fill(`Samarbeidet med NAV er godt (svar ${r + 1})`);
    await page.getByRole("button", { name: /Neste/ }).click();
    await page.waitForURL(/\/summary$/);
    await page.getByRole("button", { name: /Send inn/ }).click();
    await page.waitForURL(/\/done$/);
    await ctx.close();
  }
  step(`${RESPONDENTS} respondents answered`);

  // Results are refused until the round is closed.
  const early = await coord.request.get(`${roundUrl}/results`);
  expect(early.status() === 409, `results before closing: ${early.status()}`);
  await coord.goto(roundUrl);
  await coord.getByText(new RegExp(`${RESPONDENTS} av \\d+ har svart`)).waitFor();
  await coord.getByLabel("Jeg vil avslutte runden og låse svarene").check();
  await coord.getByRole("button", { name: "Avslutt runden" }).click();
  await coord.getByText("Runden er avsluttet, og dataene er låst.").waitFor();
  await axe(coord, "round (closed, with results)");
  await coord.getByRole("link", { name: "Se resultatene" }).click();
  await coord.waitForURL(/\/results$/);
  const svgs = await coord.locator("#report svg").count();
  expect(svgs >= 2, `pictures on the results page: ${svgs}`);
  await axe(coord, "results");
  writeFileSync(join(OUT, "results.html"), await coord.content());
  // Another rule shown, then back.
  await coord.getByLabel(/kontakt bare hvis begge oppgir den/).check();
  await coord.getByRole("button", { name: "Vis", exact: true }).click();
  await coord.waitForURL(/combine=both/);
  await axe(coord, "results (other rules)");
  await coord.goto(`${roundUrl}/results`);
  // Downloads: the PDF in the municipality's language, facts, exports.
  await save(coord, `${roundUrl}/report/report.pdf`, "report.pdf");
  await save(coord, `${roundUrl}/report/facts.json`, "facts.json");
  await save(coord, `${roundUrl}/export/network.graphml`, "network.graphml");
  await save(coord, `${roundUrl}/export/analysis.json`, "analysis.json");
  await save(coord, `${roundUrl}/export/answers.xlsx`, "answers.xlsx");
  step("results shown, report and exports downloaded");
  // The open-answer review.
  await coord.goto(`${roundUrl}/answers`);
  await axe(coord, "open answers");
  const first = coord.locator("form.answer").first();
  await first.locator("textarea").fill("Samarbeidet med [enhet] er godt");
  await first.locator("select").selectOption("cooperation");
  await first.getByRole("button", { name: "Lagre" }).click();
  await coord.getByText(/1 av \d+ er gjennomgått/).waitFor();
  step("an open answer reviewed");
} finally {
  await browser.close();
}

finish();
