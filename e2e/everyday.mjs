// Browser test of the coordinator's and the respondent's everyday (issue
// 15), started by crates/web/tests/browser_everyday.rs, which runs the
// server with the built-in outbox and seeds a tenant with a coordinator.
//
// The coordinator chooses their own language, meets every problem of a bad
// file at once (an unclosed quote by name), imports a list, uses bulk
// actions, replaces the list after a preview, chooses the parts of the
// instrument (the estimate follows), names the contact, edits wording in one
// language (the others are marked), resets a field, previews the survey in
// every step and two languages on a desktop and a phone, is stopped from
// opening while the languages differ, opens after confirming, prints
// letters and sends invitations. A respondent on a phone reads why they were
// asked, filters the contact list live, answers the asked parts only and
// comes back to a page that says the answers were sent. Pages must not
// scroll sideways on a 390 px phone, the roster table must fit 1280 px with
// «På listen» in view, and axe-core checks every page state reached: there
// must be no violation.

import { join } from "node:path";
import { axe, expect, finish, launch, step } from "./lib.mjs";

const BASE = process.env.BASE_URL;
const FILES = process.env.FILES_DIR;
const EMAIL = process.env.COORD_EMAIL;
const PASSWORD = process.env.COORD_PASSWORD;

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

async function noSidewaysScroll(page, name) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll <= width, `${name}: the page is ${scroll} px wide in a ${width} px window`);
}

async function minutes(page) {
  const text = await page.locator("#estimate").textContent();
  return Number(text.match(/(\d+) minutter/)[1]);
}

const browser = await launch();

try {
  // The login page on a phone: no sideways scrolling.
  const phoneCtx = await browser.newContext(PHONE);
  const phoneLogin = await phoneCtx.newPage();
  await phoneLogin.goto(`${BASE}/login`);
  await noSidewaysScroll(phoneLogin, "login (phone)");
  await axe(phoneLogin, "login (phone)");

  const coordCtx = await browser.newContext(DESKTOP);
  const coord = await coordCtx.newPage();
  await coord.goto(`${BASE}/login`);
  await coord.getByLabel(/E-postadresse/).fill(EMAIL);
  await coord.getByLabel(/Passord/).fill(PASSWORD);
  await coord.getByRole("button", { name: "Logg inn" }).click();
  await coord.waitForURL(/\/coord$/);
  step("coordinator logged in");

  // Their own language: English, then back to the municipality's.
  await coord.getByRole("link", { name: "Språk" }).click();
  await coord.waitForURL(/\/language$/);
  await axe(coord, "language");
  await coord.getByLabel("English").check();
  await coord.getByRole("button", { name: "Lagre" }).click();
  await coord.locator('html[lang="en"]').waitFor();
  await coord.getByText("Saved.").waitFor();
  await axe(coord, "language (saved, en)");
  await coord.goto(`${BASE}/coord`);
  expect((await coord.locator("h2").first().textContent()).length > 0, "home in English");
  await coord.locator('html[lang="en"]').waitFor();
  await coord.goto(`${BASE}/language`);
  await coord.getByLabel(/As the municipality/).check();
  await coord.getByRole("button", { name: "Save" }).click();
  await coord.locator('html[lang="nb"]').waitFor();
  step("own language chosen and reset");

  // A GET of a form's address leads to its page.
  await coord.goto(`${BASE}/coord/roster/import`);
  await coord.waitForURL(/\/coord\/roster#import$/);

  // Bad files: an unclosed quote by name; every bad row at once.
  await coord.locator("#roster-file").setInputFiles(join(FILES, "quote.csv"));
  await coord.getByRole("button", { name: "Importer" }).click();
  await coord.locator("#import-problems").waitFor();
  expect((await coord.locator("#import-problems").textContent()).includes("Rad 3, kolonne B: et anførselstegn"), "the unclosed quote named");
  await axe(coord, "roster (unclosed quote)");
  await coord.locator("#roster-file").setInputFiles(join(FILES, "bad.csv"));
  await coord.getByRole("button", { name: "Importer" }).click();
  await coord.locator("#import-problems").waitFor();
  const problems = await coord.locator("#import-problems li").allTextContents();
  expect(problems.length === 4, `four problems at once: ${problems.join(" | ")}`);
  expect(problems[0].startsWith("Rad 2, kolonne D («Nivå»)"), problems[0]);
  await axe(coord, "roster (every problem)");
  step("bad files: every problem at once, with row and column");

  await coord.locator("#roster-file").setInputFiles(join(FILES, "roster.csv"));
  await coord.getByRole("button", { name: "Importer" }).click();
  await coord.getByText(/Importert: 8 nye/).waitFor();
  await axe(coord, "roster (imported)");
  // The table fits 1280 px with «På listen» in view.
  const wrap = coord.locator(".table-wrap", { has: coord.locator("#roster-table") });
  const [sw, cw] = await wrap.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(sw <= cw, `roster table fits: ${sw} <= ${cw}`);
  const col = await coord.locator("#col-active").boundingBox();
  expect(col && col.x + col.width <= 1280, `«På listen» in view at ${col && col.x + col.width}`);
  await noSidewaysScroll(coord, "roster (desktop)");

  // Bulk: two off the list.
  await coord.getByLabel("Velg Per Lie").check();
  await coord.getByLabel("Velg Siri Berg").check();
  await coord.locator("#bulk-action").selectOption("deactivate");
  await coord.getByRole("button", { name: "Utfør for de valgte" }).click();
  await coord.getByText("2 personer er tatt av listen.").waitFor();
  await axe(coord, "roster (bulk done)");
  await coord.getByLabel("Velg Per Lie").check();
  await coord.locator("#bulk-action").selectOption("activate");
  await coord.getByRole("button", { name: "Utfør for de valgte" }).click();
  await coord.getByText("1 person er satt på listen igjen.").waitFor();
  step("bulk actions");

  // Replace the list: preview, then confirm.
  await coord.locator("#roster-file").setInputFiles(join(FILES, "replace.csv"));
  await coord.getByLabel(/Erstatte listen/).check();
  await coord.getByRole("button", { name: "Importer" }).click();
  await coord.locator("#preview-summary").waitFor();
  const summary = await coord.locator("#preview-summary").textContent();
  expect(summary.includes("1 nye, 1 endret, 2 tas av listen"), summary);
  await axe(coord, "roster replace preview");
  await coord.getByRole("button", { name: "Erstatt listen" }).click();
  await coord.getByText("2 personer er tatt av listen.").waitFor();
  await axe(coord, "roster (replaced)");
  step("list replaced after a preview");

  // A round: parts, contact, wording, preview, open.
  await coord.goto(`${BASE}/coord`);
  await coord.getByLabel("Navn på runden").fill("Runde 1");
  await coord.getByRole("button", { name: "Opprett runde" }).click();
  await coord.waitForURL(/\/coord\/rounds\/\d+$/);
  const roundUrl = coord.url();
  await axe(coord, "round (draft)");
  const before = await minutes(coord);
  const parts = coord.locator("#parts");
  // The political section stays: the respondent leaves it empty below.
  await parts.getByLabel("Kontakt med det politiske miljøet").check();
  await parts.locator('input[name="meeting_places"]').uncheck();
  await parts.locator('input[value="responsibility"]').uncheck();
  await parts.locator('input[value="turnover"]').uncheck();
  await parts.locator('input[value="refugees"]').uncheck();
  await parts.locator('input[value="meeting_points"]').check();
  await parts.getByRole("button", { name: "Lagre" }).click();
  await coord.getByText("Lagret.").waitFor();
  const after = await minutes(coord);
  expect(after < before, `the estimate follows: ${after} < ${before}`);
  await axe(coord, "round (parts saved)");
  const contact = coord.locator("#contact");
  await contact.getByLabel("Kontaktpersonens telefon").fill("+47 99 88 77 66");
  await contact.getByLabel("Listen er satt opp av").fill("Kari og boliggruppa");
  await contact.getByRole("button", { name: "Lagre" }).click();
  await coord.getByText("Lagret.").waitFor();
  await coord.getByLabel("Siste svardag").fill("2099-12-17");
  await coord.getByRole("button", { name: "Lagre" }).first().click();
  await coord.getByText("Lagret.").waitFor();
  step(`parts chosen (${before} → ${after} minutes), contact named`);

  await coord.goto(`${roundUrl}/instrument?lang=nb`);
  await axe(coord, "instrument");
  await coord.locator("#t-contacts").fill("Hvem har du snakket med om boliger det siste halvåret?");
  await coord.locator("#t-intro").fill("Vi vil vite hvem du samarbeider med.");
  await coord.locator("#save-wording").click();
  await coord.locator("#saved").waitFor();
  await axe(coord, "instrument (saved)");
  await coord.getByRole("button", { name: /Tilbake til standardteksten\s*:\s*Innledning/ }).click();
  await coord.locator("#saved").waitFor();
  expect((await coord.locator("#t-intro").inputValue()).startsWith("Vi vil gjerne vite"), "intro reset to standard");
  await coord.goto(`${roundUrl}/instrument?lang=nn`);
  await coord.locator("#t-contacts-sync").waitFor();
  expect((await coord.locator("#t-contacts-sync").textContent()).includes("Ikke oppdatert"), "nynorsk marked");
  await axe(coord, "instrument (nn, not updated)");
  step("wording edited, marked in the other languages, reset per field");

  // The preview, every step, on a desktop in bokmål and on a phone in English.
  await coord.goto(roundUrl);
  await coord.getByRole("link", { name: "Bokmål" }).first().click();
  await coord.locator(".preview-banner").waitFor();
  await axe(coord, "preview welcome");
  const welcomeText = await coord.locator("main").textContent();
  expect(welcomeText.includes("Listen over hvem som blir spurt, er satt opp av Kari og boliggruppa"), "why in the preview");
  for (const name of ["contacts", "frequency", "political", "ratings", "open", "summary"]) {
    await coord.locator("main .button").last().click();
    await coord.waitForURL(new RegExp(`/preview/${name}`));
    await axe(coord, `preview ${name}`);
  }
  expect((await coord.locator("main").textContent()).includes("Politisk kontakt"), "the political section in the preview's summary");
  await coord.locator("main .button").last().click();
  await coord.waitForURL(/\/preview\/done/);
  await axe(coord, "preview done");
  const phonePreview = await (await browser.newContext(PHONE)).newPage();
  await phonePreview.context().addCookies(await coordCtx.cookies());
  await phonePreview.goto(`${roundUrl}/preview?lang=en`);
  await phonePreview.locator('html[lang="en"]').waitFor();
  await noSidewaysScroll(phonePreview, "preview (phone, en)");
  await axe(phonePreview, "preview welcome (phone, en)");
  await phonePreview.goto(`${roundUrl}/preview/open?lang=en`);
  expect((await phonePreview.locator("main").textContent()).includes("good formal meeting points"), "the 2015 question asked");
  await axe(phonePreview, "preview open (phone, en)");
  // Nynorsk and Danish too: every language the round offers.
  for (const lang of ["nn", "da"]) {
    await phonePreview.goto(`${roundUrl}/preview?lang=${lang}`);
    await phonePreview.locator(`html[lang="${lang}"]`).waitFor();
    await phonePreview.locator(".preview-banner").waitFor();
    await noSidewaysScroll(phonePreview, `preview (phone, ${lang})`);
    await axe(phonePreview, `preview welcome (phone, ${lang})`);
  }
  step("preview walked");

  // Opening while the languages differ needs a confirmation.
  await coord.goto(roundUrl);
  await coord.locator("#unsynced").waitFor();
  await coord.getByRole("button", { name: "Åpne runden" }).click();
  await coord.getByText("Runden ble ikke åpnet").waitFor();
  await axe(coord, "round (open refused)");
  await coord.getByLabel(/Åpne likevel/).check();
  await coord.getByRole("button", { name: "Åpne runden" }).click();
  await coord.getByText("Runden er åpen.").waitFor();
  await axe(coord, "round (open)");
  await coord.goto(`${roundUrl}/letters`);
  expect((await coord.locator("section.letter").first().textContent()).includes("Svarfrist: 17. desember 2099."), "letters carry the deadline in words");
  await axe(coord, "letters");
  await coord.goto(roundUrl);
  await coord.getByRole("button", { name: "Send invitasjoner på e-post" }).click();
  await coord.getByText("E-postene er lagt i kø").waitFor();
  // The answer is a page of its own: reloading it sends nothing again.
  expect(!/\/send$/.test(new URL(coord.url()).pathname), `after sending: ${coord.url()}`);
  await coord.reload();
  await coord.getByText("E-postene er lagt i kø").waitFor();
  let outbox = "";
  for (let i = 0; i < 100; i++) {
    await coord.goto(`${BASE}/coord/outbox`);
    outbox = await coord.locator("main").textContent();
    if ((outbox.match(/\/s\/[A-Za-z0-9_-]{20,}/g) || []).length >= 6) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await axe(coord, "outbox");
  expect(outbox.includes("Spørsmål om undersøkelsen? Kontakt Kari Koordinator"), "mails say whom to contact");
  const article = coord.locator("article.mail", { hasText: "ola@oppdal.example" });
  expect((await article.count()) === 1, `one invitation to Ola after a reload, not ${await article.count()}`);
  const olaLink = (await article.locator("pre").textContent()).match(/https?:\/\/[^\s]+\/s\/[A-Za-z0-9_-]+/)[0];
  step("opened after confirming; invitations in the outbox");

  // The respondent, on a phone.
  const r = await (await browser.newContext(PHONE)).newPage();
  await r.goto(olaLink);
  await noSidewaysScroll(r, "survey welcome (phone)");
  const why = await r.locator("#why").textContent();
  expect(why.includes("«Drift og vedlikehold» i Eiendom"), why);
  expect((await r.locator("#deadline").textContent()).includes("17. desember 2099"), "deadline in words");
  await axe(r, "survey welcome (phone)");
  await r.getByRole("button", { name: /Start/ }).click();
  await r.waitForURL(/\/contacts$/);
  await axe(r, "survey contacts (phone)");
  const all = await r.locator("[data-person]").count();
  await r.locator("#person-search").fill("kari");
  await r.getByText("Viser 1 personer").waitFor();
  const visible = await r.locator("[data-person]:visible").count();
  expect(visible === 1 && all > 1, `live search hides the others: ${visible} of ${all} visible`);
  await axe(r, "survey contacts (filtered)");
  await r.locator("[data-person]:visible input").check();
  await r.locator("#person-search").fill("");
  await r.getByRole("button", { name: "Neste" }).click();
  await r.waitForURL(/\/frequency$/);
  await r.getByLabel("Ukentlig").check();
  await axe(r, "survey frequency (phone)");
  await r.getByRole("button", { name: "Neste" }).click();
  // No contact with any political body: left empty, as the page says.
  await r.waitForURL(/\/political$/);
  await axe(r, "survey political (phone)");
  await r.getByRole("button", { name: "Neste" }).click();
  await r.waitForURL(/\/ratings$/);
  expect((await r.locator("fieldset").count()) === 1, "only the coordination rating");
  await r.locator('input[value="5"]').check();
  await axe(r, "survey ratings (phone)");
  await r.getByRole("button", { name: "Neste" }).click();
  await r.waitForURL(/\/open$/);
  await r.locator("#o-meeting_points").fill("Boligtildelingsgruppa hver uke");
  await axe(r, "survey open (phone)");
  await r.getByRole("button", { name: "Neste" }).click();
  await r.waitForURL(/\/summary$/);
  const summaryText = await r.locator("main").textContent();
  expect(summaryText.includes("Formannskap: ingen kontakt"), `an empty body means no contact: ${summaryText}`);
  expect(!summaryText.includes("ikke besvart"), `nothing marked «ikke besvart»: ${summaryText}`);
  await noSidewaysScroll(r, "survey summary (phone)");
  await axe(r, "survey summary (phone)");
  await r.getByRole("button", { name: "Send inn" }).click();
  await r.waitForURL(/\/done$/);
  await axe(r, "survey done (phone)");
  await r.goto(olaLink);
  await r.getByText("Svarene dine er sendt inn. Du kan se over og endre dem til og med 17. desember 2099.").waitFor();
  await axe(r, "survey welcome (after sending)");
  step("respondent answered on a phone and came back");

  // The coordinator's pages on a phone do not scroll sideways.
  const coordPhone = await (await browser.newContext(PHONE)).newPage();
  await coordPhone.context().addCookies(await coordCtx.cookies());
  for (const path of ["/coord", "/coord/roster", roundUrl.replace(BASE, ""), `${roundUrl.replace(BASE, "")}/instrument`, "/language"]) {
    await coordPhone.goto(`${BASE}${path}`);
    await noSidewaysScroll(coordPhone, `${path} (phone)`);
    await axe(coordPhone, `${path} (phone)`);
  }
} finally {
  await browser.close();
}

finish();
