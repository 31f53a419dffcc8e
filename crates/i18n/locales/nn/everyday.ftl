# The coordinator's and the respondent's everyday (issue 15) — nynorsk.

## The optional 2015 question on good formal meeting points
survey-q-open-meeting_points = Kva gode formelle møtepunkt finst for å diskutere bustadsosiale spørsmål i kommunen din, og kva manglar?
web-item-open-meeting_points = Ope: gode formelle møtepunkt
report-open-q-meeting_points = Gode formelle møtepunkt for å diskutere bustadsosiale spørsmål

## Why this person was asked (opening page, letters, mails)
everyday-and = og
everyday-why-functions-unit = { $count ->
    [one] Du står på lista med funksjonen { $functions } i { $unit }.
   *[other] Du står på lista med funksjonane { $functions } i { $unit }.
}
everyday-why-functions = { $count ->
    [one] Du står på lista med funksjonen { $functions }.
   *[other] Du står på lista med funksjonane { $functions }.
}
everyday-why-unit = Du står på lista frå { $unit }.
everyday-why-none = Du står på lista over personar som har ei rolle i det bustadsosiale arbeidet.
everyday-why-list-by = Lista over kven som blir spurde, er sett opp av { $by } i { $tenant }.
everyday-why-purpose = Svara viser korleis samarbeidet fungerer, slik at de saman kan gjere det betre.
everyday-phone = tlf. { $phone }
everyday-contact = Spørsmål om undersøkinga? Kontakt { $contact }.

## Mail
everyday-mail-greeting = Hei, { $name }!
everyday-mail-intro = { $tenant } kartlegg korleis samarbeidet i det bustadsosiale arbeidet fungerer («{ $round }»).
everyday-mail-reminder-intro = Vi manglar framleis svaret ditt på undersøkinga «{ $round }» frå { $tenant }. Du held fram der du slapp.
everyday-mail-link = Svar via den personlege lenkja di (ikkje del ho med andre):
everyday-mail-pause = Du kan ta pausar; alt du svarer, blir lagra undervegs.
everyday-mail-thanks = Takk for hjelpa! Helsing { $tenant }

## Letters
everyday-letter-intro = { $tenant } kartlegg samarbeidet i det bustadsosiale arbeidet («{ $round }»).
everyday-letter-minutes = Undersøkinga tek om lag { $minutes } minutt.
everyday-letters-language = Språk i breva

## Rounds: parts, contact, estimate, languages in step, preview
everyday-round-name-help = Står det tomt, får runden namn etter datoen i dag.
everyday-parts-title = Spørsmål som blir stilte
everyday-parts-help = Di kortare skjemaet er, di fleire svarer: i 2015 fall mange frå når spørsmåla vart mange og likna på kvarandre. Den rekna svartida følgjer valet.
everyday-parts-always = Kontaktspørsmålet med kor ofte og vurderinga av samordninga blir alltid stilte; dei er nettverket og samanlikninga med andre kommunar.
everyday-parts-sections = Delar av skjemaet
everyday-parts-open = Opne spørsmål
everyday-part-political = Kontakt med det politiske miljøet
everyday-part-optional-2015 = valfritt spørsmål frå 2015
everyday-long-roster = Lista har { $people } personar, så kontaktspørsmålet blir langt: rekna svartid er om lag { $minutes } minutt. I 2015 svarte færre når lista var lang. Vurder om alle på lista har ei rolle i arbeidet, eller still færre spørsmål.
everyday-contact-title = Kontaktperson og liste
everyday-contact-help = Står i invitasjonane, breva og på opningssida, så dei som blir spurde, veit kvifor og kven dei kan spørje.
everyday-contact-name = Kontaktperson
everyday-contact-email = E-posten til kontaktpersonen
everyday-contact-phone = Telefonen til kontaktpersonen
everyday-list-by = Lista er sett opp av
everyday-list-by-help = Til dømes «Kari Nordmann og bustadgruppa».
everyday-contact-email-invalid = E-postadressa til kontaktpersonen er ikkje gyldig. Skriv ei adresse som namn@kommune.no.
everyday-contact-phone-invalid = Telefonnummeret kan berre ha siffer, mellomrom og + - ( ).
everyday-contact-invalid = Namna kan ha høgst 200 teikn og ingen linjeskift.
everyday-preview-links = Førehandsvis undersøkinga slik dei som blir spurde, ser ho:
everyday-preview-in = Førehandsvis på { $language }
everyday-preview-banner-label = Førehandsvising
everyday-preview-banner = Førehandsvising: slik ser { $name } undersøkinga på { $language }. Ingenting du kryssar av eller skriv, blir lagra.
everyday-preview-no-submit = I førehandsvisinga blir ingenting sendt inn.
everyday-unsynced-title = Teksten er endra på eitt språk, men ikkje oppdatert på desse språka, så respondentane ville fått ulike spørsmål:
everyday-unsynced-confirm = Opne likevel: eg veit at språka seier ulike ting
everyday-open-unsynced = Runden vart ikkje opna: språka seier ulike ting. Oppdater teksten på dei merkte språka, eller kryss av for å opne likevel.

## Wording
everyday-instrument-help = Endrar du ein tekst på eitt språk, blir dei andre språka merkte «ikkje oppdatert» til du har sett over dei.
everyday-behind = { $n } ikkje oppdatert
everyday-not-offered = ikkje tilbode
everyday-not-asked = ikkje med i runden
everyday-not-updated = Ikkje oppdatert: teksten er endra på { $current } etter at denne vart skriven.
everyday-confirm-same = Denne teksten seier det same
everyday-reset = Tilbake til standardteksten
everyday-wording-invalid = Teksten er for lang (høgst 2000 teikn) eller inneheld teikn som ikkje kan lagrast.

## Roster
everyday-roster-count = { $on } av { $total } personar står på lista.
everyday-roster-empty = Ingen personar enno. Importer ei liste eller legg til personar.
everyday-import-mode = Kva skal fila gjere med lista?
everyday-import-mode-add = Leggje til og oppdatere: personar som ikkje står i fila, blir ståande på lista
everyday-import-mode-replace = Byte ut lista: personar som ikkje står i fila, blir tekne av lista (du ser endringane før noko blir lagra)
everyday-import-removed = { $n ->
    [one] { $n } person er teken av lista.
   *[other] { $n } personar er tekne av lista.
}
everyday-import-stale = Lista er endra sidan førehandsvisinga, så ingenting er lagra. Her er endringane slik dei er no.
everyday-preview-import-title = Byte ut lista: sjå over endringane
everyday-preview-import-summary = { $added } nye, { $changed } endra, { $removed } blir tekne av lista, { $unchanged } uendra.
everyday-preview-import-help = Ingenting er lagra enno. Personar som blir tekne av lista, held på svara sine frå tidlegare rundar og kan setjast på lista att.
everyday-preview-added = Nye på lista ({ $n })
everyday-preview-changed = Blir endra ({ $n })
everyday-preview-removed = Blir tekne av lista ({ $n })
everyday-preview-removed-help = Desse står på lista no, men ikkje i fila.
everyday-preview-row = Rad
everyday-preview-what = Endring
everyday-preview-back-on-list = blir sett på lista att
everyday-preview-confirm = Byt ut lista
everyday-field-name = Namn
everyday-field-unit = Eining
everyday-field-level = Nivå
everyday-field-functions = Funksjonar
everyday-bulk-title = Gjer med dei valde
everyday-bulk-help = Kryss av for personar i tabellen, vel kva som skal gjerast, og trykk på knappen.
everyday-bulk-select = Vel
everyday-bulk-select-person = Vel { $name }
everyday-bulk-action = Handling
everyday-bulk-deactivate = Ta av lista
everyday-bulk-activate = Set på lista att
everyday-bulk-function_add = Gi funksjonen
everyday-bulk-function_remove = Ta bort funksjonen
everyday-bulk-function = Funksjon (når funksjonen skal givast eller takast bort)
everyday-bulk-submit = Utfør for dei valde
everyday-bulk-none = Kryss av for minst éin person først.
everyday-bulk-no-function = Vel kva funksjon som skal givast eller takast bort.
everyday-bulk-no-action = Vel ei handling.
everyday-bulk-unknown = Nokre av dei valde personane finst ikkje lenger. Last sida på nytt og prøv igjen.
everyday-bulk-deactivated = { $n ->
    [one] { $n } person er teken av lista.
   *[other] { $n } personar er tekne av lista.
}
everyday-bulk-activated = { $n ->
    [one] { $n } person er sett på lista att.
   *[other] { $n } personar er sette på lista att.
}
everyday-bulk-function-added = { $n ->
    [one] { $n } person har fått funksjonen.
   *[other] { $n } personar har fått funksjonen.
}
everyday-bulk-function-removed = { $n ->
    [one] Funksjonen er teken bort frå { $n } person.
   *[other] Funksjonen er teken bort frå { $n } personar.
}
everyday-person-added = { $name } er lagd til på lista.
everyday-person-saved = Endringane for { $name } er lagra.
everyday-function-added = Funksjonen er lagd til.

## Problems in a roster file: where, what was found and what was expected
everyday-problem-row = Rad { $row }: { $what }
everyday-problem-cell = Rad { $row }, kolonne { $letter } («{ $header }»): { $what }
everyday-problem-column = Rad { $row }, kolonne { $letter }: { $what }
everyday-problem-header = Rad 1 (overskriftene): { $what }
everyday-what-missing-column = kolonnen for { $column } manglar (venta ei overskrift som «{ $example }»).
everyday-column-name = namn
everyday-column-email = e-post
everyday-column-unit = eining
everyday-column-level = nivå
everyday-column-functions = funksjonar
everyday-column-example-name = Namn
everyday-column-example-email = E-post
everyday-column-example-unit = Eining
everyday-column-example-level = Nivå
everyday-column-example-functions = Funksjonar
everyday-what-missing-name = namnet manglar (kvar person treng eit namn).
everyday-what-bad-email = «{ $value }» er ikkje ei e-postadresse (venta ei adresse som namn@kommune.no).
everyday-what-duplicate-email = e-postadressa { $value } står òg på rad { $first } (kvar person skal stå på lista éin gong).
everyday-what-unknown-function = funksjonen «{ $value }» finst ikkje i funksjonslista (venta ein funksjon frå lista under «Funksjonar», fleire skilde med |; legg han til der først om han manglar).
everyday-what-unknown-level = nivået «{ $value }» er ukjent (venta toppleiing, leiar, fagperson, politikar eller ekstern).
everyday-what-bad-text = verdien er for lang eller har linjeskift eller usynlege teikn (venta éi linje vanleg tekst, høgst 200 teikn).
everyday-what-unclosed-quote = eit hermeteikn (") opnar ein verdi her, men lukkar han aldri, så resten av fila ville vorte lesen som éin verdi. Fjern hermeteiknet eller legg til det som lukkar verdien.

## The respondent
everyday-open-none = Du har ikkje svart på dei opne spørsmåla (dei kan stå tomme).
everyday-closed-received = Svara dine kom fram { $date }. Takk!

## The user's own language
everyday-nav-language = Språk
everyday-language-title = Språk i samspill
everyday-language-legend = Kva språk vil du bruke?
everyday-language-follow = Som kommunen ({ $language })
everyday-language-default = Standard (bokmål)
everyday-language-name-nb = Norsk bokmål
everyday-language-name-nn = Norsk nynorsk
everyday-language-name-da = Dansk
everyday-language-name-en = English
everyday-error-method = Denne adressa tek ikkje imot ein slik førespurnad.
