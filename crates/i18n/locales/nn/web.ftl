# samspill web application (coordinator pages, errors, mail) — nynorsk
web-app-name = samspill
web-skip-to-content = Hopp til innhaldet
web-nav-label = Hovudmeny
web-nav-home = Oversikt
web-nav-roster = Deltakarliste
web-nav-settings = Innstillingar
web-logout = Logg ut
web-error-title = Noko gjekk gale
web-error-csrf = Førespurnaden vart avvist fordi han ikkje kom frå dette skjemaet. Last sida på nytt og prøv igjen.
web-error-not-found = Vi fann ikkje sida du bad om.
web-error-bad-token = Lenkja er ukjend eller har gått ut. Sjekk at du har kopiert heile lenkja, eller be koordinatoren om ei ny.
web-error-frozen = Runden er avslutta, og svara kan ikkje lenger endrast.
web-error-not-open = Runden tek ikkje imot svar no.
web-error-invalid = Noko av det som vart sendt inn, er ikkje gyldig. Sjå over og prøv igjen.
web-error-conflict = Dette finst allereie.
web-error-internal = Det oppstod ein feil hos oss. Det du allereie har lagra, er ikkje tapt. Prøv igjen om litt.
web-error-forbidden = Du har ikkje tilgang til denne sida.
web-login-title = Logg inn
web-login-email = E-postadresse
web-login-password = Passord
web-login-submit = Logg inn
web-login-failed = Feil e-postadresse eller passord.
web-login-limited = For mange mislukka forsøk. Vent { $seconds } sekund og prøv igjen.
web-home-persons = { $count ->
    [one] { $count } person på deltakarlista.
   *[other] { $count } personar på deltakarlista.
}
web-coverage-title = Nokre funksjonar manglar personar:
web-coverage-gap = Ingen i { $function }
web-rounds = Rundar
web-round = Runde
web-round-name = Namn på runden
web-round-status = Status
web-status-draft = Utkast
web-status-open = Open
web-status-closed = Avslutta
web-no-rounds = Ingen rundar enno.
web-round-new = Ny runde
web-round-create = Opprett runde
web-settings-name = Namn på kommunen eller området
web-settings-lang = Språk
web-lang-nb = Bokmål
web-lang-nn = Nynorsk
web-lang-da = Dansk
web-lang-en = Engelsk
web-settings-mail-from = Avsendaradresse for invitasjonar
web-settings-mail-from-help = Bruk ei adresse i kommunen sitt eige domene, så stoppar ikkje spamfilter e-postane.
web-settings-mail-from-error = Skriv ei gyldig e-postadresse.
web-save = Lagre
web-cancel = Avbryt
web-saved = Lagra.
web-import-title = Importer deltakarliste
web-import-help = CSV eller XLSX med kolonnane namn, e-post, eining, nivå og funksjonar (fleire funksjonar skil du med |). Første rad er overskrifter. Viss ei rad har feil, blir ingenting lagra.
web-import-file = Fil (CSV eller XLSX)
web-import-submit = Importer
web-import-rejected = Fila vart ikkje importert. Ingenting er lagra. Rett opp dette og prøv igjen:
web-import-done = Importert: { $added } nye, { $updated } oppdaterte.
web-import-unreadable = Fila kunne ikkje lesast.
web-import-no-file = Vel ei fil.
web-roster-people = Personar
web-person-name = Namn
web-person-email = E-post
web-person-unit = Eining
web-person-level = Nivå
web-person-functions = Funksjonar
web-person-active = På lista
web-person-add = Legg til person
web-person-email-taken = E-postadressa er allereie i bruk av ein annan person.
web-level-top_management = Toppleiing
web-level-leader = Leiar
web-level-professional = Fagperson
web-level-politician = Politikar
web-level-external = Ekstern
web-yes = Ja
web-no = Nei
web-functions-title = Funksjonar
web-functions-caption = Personar per funksjon
web-function = Funksjon
web-persons = Personar
web-function-own = eigen
web-function-new = Ny funksjon
web-function-add = Legg til funksjon
web-function-exists = Funksjonen finst allereie.
web-function-invalid = Skriv eit namn på funksjonen.
web-problem-missing-column = Rad { $row }: kolonnen «{ $column }» manglar.
web-problem-missing-name = Rad { $row }: namn manglar.
web-problem-bad-email = Rad { $row }: «{ $value }» er ikkje ei gyldig e-postadresse.
web-problem-duplicate-email = Rad { $row }: e-postadressa { $value } står òg på rad { $first }.
web-problem-unknown-function = Rad { $row }: funksjonen «{ $value }» finst ikkje i funksjonslista.
web-problem-unknown-level = Rad { $row }: nivået «{ $value }» er ukjent (bruk toppleiing, leiar, fagperson, politikar eller ekstern).
web-problem-bad-text = Rad { $row }: «{ $column }» er for lang eller inneheld ugyldige teikn.
web-letters-title = Brev til utskrift
web-letters-help = Skriv ut sida. Kvar person får eitt ark med si personlege lenkje og QR-kode.
web-letter-greeting = Til { $name }
web-letter-body = { $tenant } kartlegg samarbeidet i det bustadsosiale arbeidet («{ $round }»), og du er med fordi du har ei rolle i dette arbeidet. Undersøkinga tek om lag { $minutes } minutt.
web-letter-link = Opne undersøkinga med denne personlege lenkja, eller skann QR-koden med mobilen:
web-letter-qr-alt = QR-kode med den personlege lenkja di til undersøkinga
web-instrument-title = Spørjeskjema
web-back-to-round = Tilbake til runden
web-instrument-languages = Språk for teksten
web-edited = endra
web-item-intro = Innleiing
web-item-contacts = Kontaktspørsmålet
web-item-frequency = Kor ofte
web-item-advice = Råd (valfri relasjon)
web-item-advice-frequency = Kor ofte for råd
web-item-political = Politisk kontakt
web-item-rating-coordination = Vurdering: samordning
web-item-rating-meeting_places = Vurdering: møteplassar
web-item-open-strengths = Ope: styrkar
web-item-open-challenges = Ope: utfordringar
web-item-open-coordination = Ope: samordning
web-item-open-responsibility = Ope: ansvarsavklaring
web-item-open-turnover = Ope: omløp i kommunale bustader
web-item-open-refugees = Ope: busetjing av flyktningar
web-item-open-focus = Ope: skape fokus
web-estimate = Anslått svartid: om lag { $minutes } minutt ({ $people } personar på lista).
web-monitor-title = Svarprosent
web-monitor-overall = { $submitted } av { $invited } har svart ({ $percent } %). { $started } har opna undersøkinga.
web-monitor-per-function = Svar per funksjon
web-monitor-per-unit = Svar per eining
web-group = Gruppe
web-invited = Invitert
web-started = Opna
web-submitted = Svart
web-round-actions = Gjennomføring
web-open-help = Når runden blir opna, får alle på deltakarlista ei personleg lenkje.
web-round-open = Opne runden
web-round-invite-new = Inviter nye personar på lista
web-no-smtp = E-post er ikkje sett opp på denne tenaren; invitasjonane blir liggjande i kø. Bruk brev eller lenkjelista.
web-send-invitations = Send invitasjonar på e-post
web-send-reminders = Send påminning til dei som ikkje har svart
web-links-csv = Lenkjeliste (CSV)
web-round-close = Avslutt runden
web-close-help = Når runden blir avslutta, blir alle svar låste, og analysen byggjer på dei låste dataa. Dette kan ikkje angrast.
web-close-confirm = Eg vil avslutte runden og låse svara
web-close-confirm-needed = Kryss av for å stadfeste at runden skal avsluttast.
web-round-opened = Runden er open.
web-round-closed = Runden er avslutta, og dataa er låste.
web-mail-queued = E-postane er lagde i kø for sending.
web-invitations = Invitasjonar
web-mail = E-post
web-mail-status-none = ikkje sendt
web-mail-status-queued = i kø
web-mail-status-sent = sendt
web-mail-status-failed = feila (blir prøvd igjen)
web-mail-status-bounced = avvist
web-round-settings = Innstillingar for runden
web-round-languages = Språk respondentane kan velje
web-round-default-lang = Standardspråk
web-round-opens = Første svardag
web-round-closes = Siste svardag
web-round-second-relation = Spør òg kven ein ber om råd
web-bodies = Politiske organ
web-bodies-help = Eitt organ per linje (til dømes ordførar, formannskap, kommunestyre, hovudutval).
web-csv-name = Namn
web-csv-email = E-post
web-csv-unit = Eining
web-csv-link = Lenkje
web-mail-subject = { $tenant }: undersøking om samarbeid i det bustadsosiale arbeidet
web-mail-body =
    Hei, { $name }!

    { $tenant } kartlegg korleis samarbeidet i det bustadsosiale arbeidet fungerer («{ $round }»). Du får denne e-posten fordi du har ei rolle i dette arbeidet.

    Svar via den personlege lenkja di (ikkje del ho med andre):
    { $link }

    Du kan ta pausar; alt du svarer, blir lagra undervegs.
    { $has_deadline ->
        [yes] Siste svardag er { $deadline }.
       *[no] Takk for hjelpa!
    }
web-mail-reminder-subject = Påminning: { $tenant } ønskjer svaret ditt
web-mail-reminder-body =
    Hei, { $name }!

    Vi manglar framleis svaret ditt på undersøkinga «{ $round }». Du held fram der du slapp via lenkja:
    { $link }
    { $has_deadline ->
        [yes] Siste svardag er { $deadline }.
       *[no] Takk for hjelpa!
    }
