# The coordinator's and the respondent's everyday (issue 15): parts of the
# instrument, preview, wording in step across languages, why a person is
# asked, roster replace and bulk actions, problems per cell, own language.

## The optional 2015 question on good formal meeting points
survey-q-open-meeting_points = Hvilke gode formelle møtepunkter finnes for å diskutere boligsosiale spørsmål i din kommune, og hva mangler?
web-item-open-meeting_points = Åpent: gode formelle møtepunkter
report-open-q-meeting_points = Gode formelle møtepunkter for å diskutere boligsosiale spørsmål

## Why this person was asked (opening page, letters, mails)
everyday-and = og
everyday-why-functions-unit = { $count ->
    [one] Du står på listen med funksjonen { $functions } i { $unit }.
   *[other] Du står på listen med funksjonene { $functions } i { $unit }.
}
everyday-why-functions = { $count ->
    [one] Du står på listen med funksjonen { $functions }.
   *[other] Du står på listen med funksjonene { $functions }.
}
everyday-why-unit = Du står på listen fra { $unit }.
everyday-why-none = Du står på listen over personer som har en rolle i det boligsosiale arbeidet.
everyday-why-list-by = Listen over hvem som blir spurt, er satt opp av { $by } i { $tenant }.
everyday-why-purpose = Svarene viser hvordan samarbeidet fungerer, slik at dere sammen kan gjøre det bedre.
everyday-phone = tlf. { $phone }
everyday-contact = Spørsmål om undersøkelsen? Kontakt { $contact }.

## Mail
everyday-mail-greeting = Hei, { $name }!
everyday-mail-intro = { $tenant } kartlegger hvordan samarbeidet i det boligsosiale arbeidet fungerer («{ $round }»).
everyday-mail-reminder-intro = Vi mangler fortsatt ditt svar på undersøkelsen «{ $round }» fra { $tenant }. Du fortsetter der du slapp.
everyday-mail-link = Svar via din personlige lenke (ikke del den med andre):
everyday-mail-pause = Du kan ta pauser; alt du svarer, blir lagret underveis.
everyday-mail-thanks = Takk for hjelpen! Hilsen { $tenant }

## Letters
everyday-letter-intro = { $tenant } kartlegger samarbeidet i det boligsosiale arbeidet («{ $round }»).
everyday-letter-minutes = Undersøkelsen tar omtrent { $minutes } minutter.
everyday-letters-language = Språk i brevene

## Rounds: parts, contact, estimate, languages in step, preview
everyday-round-name-help = Står det tomt, får runden navn etter dagens dato.
everyday-parts-title = Spørsmål som stilles
everyday-parts-help = Jo kortere skjemaet er, jo flere svarer: i 2015 falt mange fra når spørsmålene ble mange og lignet på hverandre. Den anslåtte svartiden følger valget.
everyday-parts-always = Kontaktspørsmålet med hyppighet og vurderingen av samordningen stilles alltid; de er nettverket og sammenligningen med andre kommuner.
everyday-parts-sections = Deler av skjemaet
everyday-parts-open = Åpne spørsmål
everyday-part-political = Kontakt med det politiske miljøet
everyday-part-optional-2015 = valgfritt spørsmål fra 2015
everyday-long-roster = Listen har { $people } personer, så kontaktspørsmålet blir langt: anslått svartid er omtrent { $minutes } minutter. I 2015 svarte færre når listen var lang. Vurder om alle på listen har en rolle i arbeidet, eller still færre spørsmål.
everyday-contact-title = Kontaktperson og liste
everyday-contact-help = Står i invitasjonene, brevene og på åpningssiden, så de som blir spurt, vet hvorfor og hvem de kan spørre.
everyday-contact-name = Kontaktperson
everyday-contact-email = Kontaktpersonens e-post
everyday-contact-phone = Kontaktpersonens telefon
everyday-list-by = Listen er satt opp av
everyday-list-by-help = For eksempel «Kari Nordmann og boliggruppa».
everyday-contact-email-invalid = Kontaktpersonens e-postadresse er ikke gyldig. Skriv en adresse som navn@kommune.no.
everyday-contact-phone-invalid = Telefonnummeret kan bare ha sifre, mellomrom og + - ( ).
everyday-contact-invalid = Navnene kan ha høyst 200 tegn og ingen linjeskift.
everyday-preview-links = Forhåndsvis undersøkelsen slik de som blir spurt ser den:
everyday-preview-in = Forhåndsvis på { $language }
everyday-preview-banner-label = Forhåndsvisning
everyday-preview-banner = Forhåndsvisning: slik ser { $name } undersøkelsen på { $language }. Ingenting du krysser av eller skriver, blir lagret.
everyday-preview-no-submit = I forhåndsvisningen blir ingenting sendt inn.
everyday-unsynced-title = Teksten er endret på ett språk, men ikke oppdatert på disse språkene, så respondentene ville fått ulike spørsmål:
everyday-unsynced-confirm = Åpne likevel: jeg vet at språkene sier ulike ting
everyday-open-unsynced = Runden ble ikke åpnet: språkene sier ulike ting. Oppdater teksten på de merkede språkene, eller kryss av for å åpne likevel.

## Wording
everyday-instrument-help = Endrer du en tekst på ett språk, merkes de andre språkene «ikke oppdatert» til du har sett over dem.
everyday-behind = { $n } ikke oppdatert
everyday-not-offered = ikke tilbudt
everyday-not-asked = ikke med i runden
everyday-not-updated = Ikke oppdatert: teksten er endret på { $current } etter at denne ble skrevet.
everyday-confirm-same = Denne teksten sier det samme
everyday-reset = Tilbake til standardteksten
everyday-wording-invalid = Teksten er for lang (høyst 2000 tegn) eller inneholder tegn som ikke kan lagres.

## Roster
everyday-roster-count = { $on } av { $total } personer står på listen.
everyday-roster-empty = Ingen personer ennå. Importer en liste eller legg til personer.
everyday-import-mode = Hva skal filen gjøre med listen?
everyday-import-mode-add = Legge til og oppdatere: personer som ikke står i filen, blir stående på listen
everyday-import-mode-replace = Erstatte listen: personer som ikke står i filen, tas av listen (du ser endringene før noe lagres)
everyday-import-removed = { $n ->
    [one] { $n } person er tatt av listen.
   *[other] { $n } personer er tatt av listen.
}
everyday-import-stale = Listen er endret siden forhåndsvisningen, så ingenting er lagret. Her er endringene slik de er nå.
everyday-preview-import-title = Erstatte listen: se over endringene
everyday-preview-import-summary = { $added } nye, { $changed } endret, { $removed } tas av listen, { $unchanged } uendret.
everyday-preview-import-help = Ingenting er lagret ennå. Personer som tas av listen, beholder svarene sine fra tidligere runder og kan settes på listen igjen.
everyday-preview-added = Nye på listen ({ $n })
everyday-preview-changed = Endres ({ $n })
everyday-preview-removed = Tas av listen ({ $n })
everyday-preview-removed-help = Disse står på listen nå, men ikke i filen.
everyday-preview-row = Rad
everyday-preview-what = Endring
everyday-preview-back-on-list = settes på listen igjen
everyday-preview-confirm = Erstatt listen
everyday-field-name = Navn
everyday-field-unit = Enhet
everyday-field-level = Nivå
everyday-field-functions = Funksjoner
everyday-bulk-title = Gjør med de valgte
everyday-bulk-help = Kryss av for personer i tabellen, velg hva som skal gjøres, og trykk på knappen.
everyday-bulk-select = Velg
everyday-bulk-select-person = Velg { $name }
everyday-bulk-action = Handling
everyday-bulk-deactivate = Ta av listen
everyday-bulk-activate = Sett på listen igjen
everyday-bulk-function_add = Gi funksjonen
everyday-bulk-function_remove = Ta bort funksjonen
everyday-bulk-function = Funksjon (når funksjonen skal gis eller tas bort)
everyday-bulk-submit = Utfør for de valgte
everyday-bulk-none = Kryss av for minst én person først.
everyday-bulk-no-function = Velg hvilken funksjon som skal gis eller tas bort.
everyday-bulk-no-action = Velg en handling.
everyday-bulk-unknown = Noen av de valgte personene finnes ikke lenger. Last siden på nytt og prøv igjen.
everyday-bulk-deactivated = { $n ->
    [one] { $n } person er tatt av listen.
   *[other] { $n } personer er tatt av listen.
}
everyday-bulk-activated = { $n ->
    [one] { $n } person er satt på listen igjen.
   *[other] { $n } personer er satt på listen igjen.
}
everyday-bulk-function-added = { $n ->
    [one] { $n } person har fått funksjonen.
   *[other] { $n } personer har fått funksjonen.
}
everyday-bulk-function-removed = { $n ->
    [one] Funksjonen er tatt bort fra { $n } person.
   *[other] Funksjonen er tatt bort fra { $n } personer.
}
everyday-person-added = { $name } er lagt til på listen.
everyday-person-saved = Endringene for { $name } er lagret.
everyday-function-added = Funksjonen er lagt til.

## Problems in a roster file: where, what was found and what was expected
everyday-problem-row = Rad { $row }: { $what }
everyday-problem-cell = Rad { $row }, kolonne { $letter } («{ $header }»): { $what }
everyday-problem-column = Rad { $row }, kolonne { $letter }: { $what }
everyday-problem-header = Rad 1 (overskriftene): { $what }
everyday-what-missing-column = kolonnen for { $column } mangler (ventet en overskrift som «{ $example }»).
everyday-column-name = navn
everyday-column-email = e-post
everyday-column-unit = enhet
everyday-column-level = nivå
everyday-column-functions = funksjoner
everyday-column-example-name = Navn
everyday-column-example-email = E-post
everyday-column-example-unit = Enhet
everyday-column-example-level = Nivå
everyday-column-example-functions = Funksjoner
everyday-what-missing-name = navnet mangler (hver person trenger et navn).
everyday-what-bad-email = «{ $value }» er ikke en e-postadresse (ventet en adresse som navn@kommune.no).
everyday-what-duplicate-email = e-postadressen { $value } står også på rad { $first } (hver person skal stå på listen én gang).
everyday-what-unknown-function = funksjonen «{ $value }» finnes ikke i funksjonslisten (ventet en funksjon fra listen under «Funksjoner», flere skilt med |; legg den til der først om den mangler).
everyday-what-unknown-level = nivået «{ $value }» er ukjent (ventet toppledelse, leder, fagperson, politiker eller ekstern).
everyday-what-bad-text = verdien er for lang eller har linjeskift eller usynlige tegn (ventet én linje vanlig tekst, høyst 200 tegn).
everyday-what-unclosed-quote = et anførselstegn (") åpner en verdi her, men lukker den aldri, så resten av filen ville blitt lest som én verdi. Fjern anførselstegnet eller legg til det som lukker verdien.

## The respondent
everyday-open-none = Du har ikke svart på de åpne spørsmålene (de kan stå tomme).
everyday-closed-received = Svarene dine kom fram { $date }. Takk!

## The user's own language
everyday-nav-language = Språk
everyday-language-title = Språk i samspill
everyday-language-legend = Hvilket språk vil du bruke?
everyday-language-follow = Som kommunen ({ $language })
everyday-language-default = Standard (bokmål)
everyday-language-name-nb = Norsk bokmål
everyday-language-name-nn = Norsk nynorsk
everyday-language-name-da = Dansk
everyday-language-name-en = English
everyday-error-method = Denne adressen tar ikke imot en slik forespørsel.
