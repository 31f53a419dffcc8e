# The coordinator's and the respondent's everyday (issue 15) — dansk.

## The optional 2015 question on good formal meeting points
survey-q-open-meeting_points = Hvilke gode formelle mødesteder findes der for at drøfte boligsociale spørgsmål i jeres område, og hvad mangler der?
web-item-open-meeting_points = Åbent: gode formelle mødesteder
report-open-q-meeting_points = Gode formelle mødesteder for at drøfte boligsociale spørgsmål

## Why this person was asked (opening page, letters, mails)
everyday-and = og
everyday-why-functions-unit = { $count ->
    [one] Du står på listen med funktionen { $functions } i { $unit }.
   *[other] Du står på listen med funktionerne { $functions } i { $unit }.
}
everyday-why-functions = { $count ->
    [one] Du står på listen med funktionen { $functions }.
   *[other] Du står på listen med funktionerne { $functions }.
}
everyday-why-unit = Du står på listen fra { $unit }.
everyday-why-none = Du står på listen over personer, der har en rolle i det boligsociale arbejde.
everyday-why-list-by = Listen over, hvem der bliver spurgt, er lavet af { $by } i { $tenant }.
everyday-why-purpose = Svarene viser, hvordan samarbejdet fungerer, så I sammen kan gøre det bedre.
everyday-phone = tlf. { $phone }
everyday-contact = Spørgsmål til undersøgelsen? Kontakt { $contact }.

## Mail
everyday-mail-greeting = Hej { $name }
everyday-mail-intro = { $tenant } kortlægger, hvordan samarbejdet i det boligsociale arbejde fungerer (»{ $round }«).
everyday-mail-reminder-intro = Vi mangler stadig dit svar på undersøgelsen »{ $round }« fra { $tenant }. Du fortsætter, hvor du slap.
everyday-mail-link = Svar via dit personlige link (del det ikke med andre):
everyday-mail-pause = Du kan holde pauser; alt, hvad du svarer, gemmes undervejs.
everyday-mail-thanks = Tak for hjælpen! Venlig hilsen { $tenant }

## Letters
everyday-letter-intro = { $tenant } kortlægger samarbejdet i det boligsociale arbejde (»{ $round }«).
everyday-letter-minutes = Undersøgelsen tager omkring { $minutes } minutter.
everyday-letters-language = Sprog i brevene

## Rounds: parts, contact, estimate, languages in step, preview
everyday-round-name-help = Lader du feltet stå tomt, får runden navn efter dagens dato.
everyday-parts-title = Spørgsmål, der stilles
everyday-parts-help = Jo kortere skemaet er, jo flere svarer: i 2015 faldt mange fra, når spørgsmålene blev mange og lignede hinanden. Den anslåede svartid følger valget.
everyday-parts-always = Kontaktspørgsmålet med hyppighed og vurderingen af samordningen stilles altid; de er netværket og sammenligningen med andre.
everyday-parts-sections = Dele af skemaet
everyday-parts-open = Åbne spørgsmål
everyday-part-political = Kontakt med det politiske miljø
everyday-part-optional-2015 = valgfrit spørgsmål fra 2015
everyday-long-roster = Listen har { $people } personer, så kontaktspørgsmålet bliver langt: den anslåede svartid er omkring { $minutes } minutter. I 2015 svarede færre, når listen var lang. Overvej, om alle på listen har en rolle i arbejdet, eller stil færre spørgsmål.
everyday-contact-title = Kontaktperson og liste
everyday-contact-help = Står i invitationerne, brevene og på åbningssiden, så de adspurgte ved, hvorfor de bliver spurgt, og hvem de kan spørge.
everyday-contact-name = Kontaktperson
everyday-contact-email = Kontaktpersonens e-mail
everyday-contact-phone = Kontaktpersonens telefon
everyday-list-by = Listen er lavet af
everyday-list-by-help = For eksempel »Karen Hansen og boliggruppen«.
everyday-contact-email-invalid = Kontaktpersonens e-mailadresse er ikke gyldig. Skriv en adresse som navn@kommune.dk.
everyday-contact-phone-invalid = Telefonnummeret må kun indeholde cifre, mellemrum og + - ( ).
everyday-contact-invalid = Navnene må højst have 200 tegn og ingen linjeskift.
everyday-preview-links = Se undersøgelsen, som de adspurgte ser den:
everyday-preview-in = Se den på { $language }
everyday-preview-banner-label = Forhåndsvisning
everyday-preview-banner = Forhåndsvisning: sådan ser { $name } undersøgelsen på { $language }. Intet, du krydser af eller skriver, bliver gemt.
everyday-preview-no-submit = I forhåndsvisningen bliver intet sendt.
everyday-unsynced-title = Teksten er ændret på ét sprog, men ikke opdateret på disse sprog, så de adspurgte ville få forskellige spørgsmål:
everyday-unsynced-confirm = Åbn alligevel: jeg ved, at sprogene siger forskellige ting
everyday-open-unsynced = Runden blev ikke åbnet: sprogene siger forskellige ting. Opdater teksten på de markerede sprog, eller sæt kryds for at åbne alligevel.

## Wording
everyday-instrument-help = Ændrer du en tekst på ét sprog, markeres de andre sprog »ikke opdateret«, indtil du har set dem igennem.
everyday-behind = { $n } ikke opdateret
everyday-not-offered = ikke tilbudt
everyday-not-asked = ikke med i runden
everyday-not-updated = Ikke opdateret: teksten er ændret på { $current }, efter at denne blev skrevet.
everyday-confirm-same = Denne tekst siger det samme
everyday-reset = Tilbage til standardteksten
everyday-wording-invalid = Teksten er for lang (højst 2000 tegn) eller indeholder tegn, der ikke kan gemmes.

## Roster
everyday-roster-count = { $on } af { $total } personer står på listen.
everyday-roster-empty = Ingen personer endnu. Importér en liste, eller tilføj personer.
everyday-import-mode = Hvad skal filen gøre med listen?
everyday-import-mode-add = Tilføje og opdatere: personer, der ikke står i filen, bliver stående på listen
everyday-import-mode-replace = Erstatte listen: personer, der ikke står i filen, tages af listen (du ser ændringerne, før noget gemmes)
everyday-import-removed = { $n ->
    [one] { $n } person er taget af listen.
   *[other] { $n } personer er taget af listen.
}
everyday-import-stale = Listen er ændret siden forhåndsvisningen, så intet er gemt. Her er ændringerne, som de er nu.
everyday-preview-import-title = Erstat listen: se ændringerne igennem
everyday-preview-import-summary = { $added } nye, { $changed } ændret, { $removed } tages af listen, { $unchanged } uændret.
everyday-preview-import-help = Intet er gemt endnu. Personer, der tages af listen, beholder deres svar fra tidligere runder og kan sættes på listen igen.
everyday-preview-added = Nye på listen ({ $n })
everyday-preview-changed = Ændres ({ $n })
everyday-preview-removed = Tages af listen ({ $n })
everyday-preview-removed-help = Disse står på listen nu, men ikke i filen.
everyday-preview-row = Række
everyday-preview-what = Ændring
everyday-preview-back-on-list = sættes på listen igen
everyday-preview-confirm = Erstat listen
everyday-field-name = Navn
everyday-field-unit = Enhed
everyday-field-level = Niveau
everyday-field-functions = Funktioner
everyday-bulk-title = Gør med de valgte
everyday-bulk-help = Sæt kryds ved personer i tabellen, vælg, hvad der skal gøres, og tryk på knappen.
everyday-bulk-select = Vælg
everyday-bulk-select-person = Vælg { $name }
everyday-bulk-action = Handling
everyday-bulk-deactivate = Tag af listen
everyday-bulk-activate = Sæt på listen igen
everyday-bulk-function_add = Giv funktionen
everyday-bulk-function_remove = Fjern funktionen
everyday-bulk-function = Funktion (når funktionen skal gives eller fjernes)
everyday-bulk-submit = Udfør for de valgte
everyday-bulk-none = Sæt kryds ved mindst én person først.
everyday-bulk-no-function = Vælg, hvilken funktion der skal gives eller fjernes.
everyday-bulk-no-action = Vælg en handling.
everyday-bulk-unknown = Nogle af de valgte personer findes ikke længere. Genindlæs siden, og prøv igen.
everyday-bulk-deactivated = { $n ->
    [one] { $n } person er taget af listen.
   *[other] { $n } personer er taget af listen.
}
everyday-bulk-activated = { $n ->
    [one] { $n } person er sat på listen igen.
   *[other] { $n } personer er sat på listen igen.
}
everyday-bulk-function-added = { $n ->
    [one] { $n } person har fået funktionen.
   *[other] { $n } personer har fået funktionen.
}
everyday-bulk-function-removed = { $n ->
    [one] Funktionen er fjernet fra { $n } person.
   *[other] Funktionen er fjernet fra { $n } personer.
}
everyday-person-added = { $name } er tilføjet listen.
everyday-person-saved = Ændringerne for { $name } er gemt.
everyday-function-added = Funktionen er tilføjet.

## Problems in a roster file: where, what was found and what was expected
everyday-problem-row = Række { $row }: { $what }
everyday-problem-cell = Række { $row }, kolonne { $letter } (»{ $header }«): { $what }
everyday-problem-column = Række { $row }, kolonne { $letter }: { $what }
everyday-problem-header = Række 1 (overskrifterne): { $what }
everyday-what-missing-column = kolonnen for { $column } mangler (forventede en overskrift som »{ $example }«).
everyday-column-name = navn
everyday-column-email = e-mail
everyday-column-unit = enhed
everyday-column-level = niveau
everyday-column-functions = funktioner
everyday-column-example-name = Navn
everyday-column-example-email = E-mail
everyday-column-example-unit = Enhed
everyday-column-example-level = Niveau
everyday-column-example-functions = Funktioner
everyday-what-missing-name = navnet mangler (hver person skal have et navn).
everyday-what-bad-email = »{ $value }« er ikke en e-mailadresse (forventede en adresse som navn@kommune.dk).
everyday-what-duplicate-email = e-mailadressen { $value } står også i række { $first } (hver person skal stå på listen én gang).
everyday-what-unknown-function = funktionen »{ $value }« findes ikke i funktionslisten (forventede en funktion fra listen under »Funktioner«, flere adskilt med |; tilføj den der først, hvis den mangler).
everyday-what-unknown-level = niveauet »{ $value }« er ukendt (forventede topledelse, leder, medarbejder, politiker eller ekstern).
everyday-what-bad-text = værdien er for lang eller har linjeskift eller usynlige tegn (forventede én linje almindelig tekst, højst 200 tegn).
everyday-what-unclosed-quote = et anførselstegn (") åbner en værdi her, men lukker den aldrig, så resten af filen ville blive læst som én værdi. Fjern anførselstegnet, eller tilføj det, der lukker værdien.

## The respondent
everyday-open-none = Du har ikke svaret på de åbne spørgsmål (de må gerne stå tomme).
everyday-closed-received = Dine svar kom frem { $date }. Tak!

## The user's own language
everyday-nav-language = Sprog
everyday-language-title = Sprog i samspill
everyday-language-legend = Hvilket sprog vil du bruge?
everyday-language-follow = Som området ({ $language })
everyday-language-default = Standard (norsk bokmål)
everyday-language-name-nb = Norsk bokmål
everyday-language-name-nn = Norsk nynorsk
everyday-language-name-da = Dansk
everyday-language-name-en = English
everyday-error-method = Denne adresse modtager ikke en sådan forespørgsel.
