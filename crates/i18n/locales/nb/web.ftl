# samspill web application (coordinator pages, errors, mail) — bokmål
web-app-name = samspill
web-skip-to-content = Hopp til innholdet
web-nav-label = Hovedmeny
web-nav-home = Oversikt
web-nav-roster = Deltakerliste
web-nav-settings = Innstillinger
web-logout = Logg ut
web-error-title = Noe gikk galt
web-error-csrf = Forespørselen ble avvist fordi den ikke kom fra dette skjemaet. Last siden på nytt og prøv igjen.
web-error-not-found = Vi fant ikke siden du ba om.
web-error-bad-token = Lenken er ukjent eller utløpt. Sjekk at du har kopiert hele lenken, eller be koordinatoren om en ny.
web-error-frozen = Runden er avsluttet, og svarene kan ikke lenger endres.
web-error-not-open = Runden tar ikke imot svar nå.
web-error-invalid = Noe av det som ble sendt inn er ikke gyldig. Se over og prøv igjen.
web-error-conflict = Dette finnes allerede.
web-error-internal = En feil oppsto hos oss. Det du allerede har lagret, er ikke tapt. Prøv igjen om litt.
web-error-forbidden = Du har ikke tilgang til denne siden.
web-login-title = Logg inn
web-login-email = E-postadresse
web-login-password = Passord
web-login-submit = Logg inn
web-login-failed = Feil e-postadresse eller passord.
web-login-limited = For mange mislykkede forsøk. Vent { $seconds } sekunder og prøv igjen.
web-home-persons = { $count ->
    [one] { $count } person på deltakerlisten.
   *[other] { $count } personer på deltakerlisten.
}
web-coverage-title = Noen funksjoner mangler personer:
web-coverage-gap = Ingen i { $function }
web-rounds = Runder
web-round = Runde
web-round-name = Navn på runden
web-round-status = Status
web-status-draft = Utkast
web-status-open = Åpen
web-status-closed = Avsluttet
web-no-rounds = Ingen runder ennå.
web-round-new = Ny runde
web-round-create = Opprett runde
web-settings-name = Navn på kommunen eller området
web-settings-lang = Språk
web-lang-nb = Bokmål
web-lang-nn = Nynorsk
web-lang-da = Dansk
web-lang-en = Engelsk
web-settings-mail-from = Avsenderadresse for invitasjoner
web-settings-mail-from-help = Bruk en adresse i kommunens eget domene, så stopper ikke spamfiltre e-postene.
web-settings-mail-from-error = Skriv en gyldig e-postadresse.
web-save = Lagre
web-cancel = Avbryt
web-saved = Lagret.
web-import-title = Importer deltakerliste
web-import-help = CSV eller XLSX med kolonnene navn, e-post, enhet, nivå og funksjoner (flere funksjoner skilles med |). Første rad er overskrifter. Hvis en rad har feil, lagres ingenting.
web-import-file = Fil (CSV eller XLSX)
web-import-submit = Importer
web-import-rejected = Filen ble ikke importert. Ingenting er lagret. Rett opp dette og prøv igjen:
web-import-done = Importert: { $added } nye, { $updated } oppdatert.
web-import-unreadable = Filen kunne ikke leses.
web-import-no-file = Velg en fil.
web-roster-people = Personer
web-person-name = Navn
web-person-email = E-post
web-person-unit = Enhet
web-person-level = Nivå
web-person-functions = Funksjoner
web-person-active = På listen
web-person-add = Legg til person
web-person-email-taken = E-postadressen er allerede i bruk av en annen person.
web-level-top_management = Toppledelse
web-level-leader = Leder
web-level-professional = Fagperson
web-level-politician = Politiker
web-level-external = Ekstern
web-yes = Ja
web-no = Nei
web-functions-title = Funksjoner
web-functions-caption = Personer per funksjon
web-function = Funksjon
web-persons = Personer
web-function-own = egen
web-function-new = Ny funksjon
web-function-add = Legg til funksjon
web-function-exists = Funksjonen finnes allerede.
web-function-invalid = Skriv et navn på funksjonen.
web-problem-missing-column = Rad { $row }: kolonnen «{ $column }» mangler.
web-problem-missing-name = Rad { $row }: navn mangler.
web-problem-bad-email = Rad { $row }: «{ $value }» er ikke en gyldig e-postadresse.
web-problem-duplicate-email = Rad { $row }: e-postadressen { $value } står også på rad { $first }.
web-problem-unknown-function = Rad { $row }: funksjonen «{ $value }» finnes ikke i funksjonslisten.
web-problem-unknown-level = Rad { $row }: nivået «{ $value }» er ukjent (bruk toppledelse, leder, fagperson, politiker eller ekstern).
web-problem-bad-text = Rad { $row }: «{ $column }» er for lang eller inneholder ugyldige tegn.
web-letters-title = Brev til utskrift
web-letters-help = Skriv ut siden. Hver person får ett ark med sin personlige lenke og QR-kode.
web-letter-greeting = Til { $name }
web-letter-body = { $tenant } kartlegger samarbeidet i det boligsosiale arbeidet («{ $round }»), og du er med fordi du har en rolle i dette arbeidet. Undersøkelsen tar omtrent { $minutes } minutter.
web-letter-link = Åpne undersøkelsen med denne personlige lenken, eller skann QR-koden med mobilen:
web-letter-qr-alt = QR-kode med din personlige lenke til undersøkelsen
web-instrument-title = Spørreskjema
web-back-to-round = Tilbake til runden
web-instrument-languages = Språk for teksten
web-edited = endret
web-item-intro = Innledning
web-item-contacts = Kontaktspørsmålet
web-item-frequency = Hyppighet
web-item-advice = Råd (valgfri relasjon)
web-item-advice-frequency = Hyppighet for råd
web-item-political = Politisk kontakt
web-item-rating-coordination = Vurdering: samordning
web-item-rating-meeting_places = Vurdering: møteplasser
web-item-open-strengths = Åpent: styrker
web-item-open-challenges = Åpent: utfordringer
web-item-open-coordination = Åpent: samordning
web-item-open-responsibility = Åpent: ansvarsavklaring
web-item-open-turnover = Åpent: omløp i kommunale boliger
web-item-open-refugees = Åpent: bosetting av flyktninger
web-item-open-focus = Åpent: skape fokus
web-estimate = Anslått svartid: omtrent { $minutes } minutter ({ $people } personer på listen).
web-monitor-title = Svarprosent
web-monitor-overall = { $submitted } av { $invited } har svart ({ $percent } %). { $started } har åpnet undersøkelsen.
web-monitor-per-function = Svar per funksjon
web-monitor-per-unit = Svar per enhet
web-group = Gruppe
web-invited = Invitert
web-started = Åpnet
web-submitted = Svart
web-round-actions = Gjennomføring
web-open-help = Når runden åpnes, får alle på deltakerlisten en personlig lenke.
web-round-open = Åpne runden
web-round-invite-new = Inviter nye personer på listen
web-no-smtp = E-post er ikke satt opp på denne serveren; invitasjonene blir liggende i kø. Bruk brev eller lenkelisten.
web-send-invitations = Send invitasjoner på e-post
web-send-reminders = Send påminnelse til dem som ikke har svart
web-links-csv = Lenkeliste (CSV)
web-round-close = Avslutt runden
web-close-help = Når runden avsluttes, låses alle svar, og analysen bygger på de låste dataene. Dette kan ikke angres.
web-close-confirm = Jeg vil avslutte runden og låse svarene
web-close-confirm-needed = Kryss av for å bekrefte at runden skal avsluttes.
web-round-opened = Runden er åpen.
web-round-closed = Runden er avsluttet, og dataene er låst.
web-mail-queued = E-postene er lagt i kø for sending.
web-invitations = Invitasjoner
web-mail = E-post
web-mail-status-none = ikke sendt
web-mail-status-queued = i kø
web-mail-status-sent = sendt
web-mail-status-failed = feilet (prøves igjen)
web-mail-status-bounced = avvist
web-round-settings = Innstillinger for runden
web-round-languages = Språk respondentene kan velge
web-round-default-lang = Standardspråk
web-round-opens = Første svardag
web-round-closes = Siste svardag
web-round-second-relation = Spør også hvem man ber om råd
web-bodies = Politiske organer
web-bodies-help = Ett organ per linje (for eksempel ordfører, formannskap, kommunestyre, hovedutvalg).
web-csv-name = Navn
web-csv-email = E-post
web-csv-unit = Enhet
web-csv-link = Lenke
web-mail-subject = { $tenant }: undersøkelse om samarbeid i det boligsosiale arbeidet
web-mail-body =
    Hei, { $name }!

    { $tenant } kartlegger hvordan samarbeidet i det boligsosiale arbeidet fungerer («{ $round }»). Du får denne e-posten fordi du har en rolle i dette arbeidet.

    Svar via din personlige lenke (ikke del den med andre):
    { $link }

    Du kan ta pauser; alt du svarer, blir lagret underveis.
    { $has_deadline ->
        [yes] Siste svardag er { $deadline }.
       *[no] Takk for hjelpen!
    }
web-mail-reminder-subject = Påminnelse: { $tenant } ønsker ditt svar
web-mail-reminder-body =
    Hei, { $name }!

    Vi mangler fortsatt ditt svar på undersøkelsen «{ $round }». Du fortsetter der du slapp via lenken:
    { $link }
    { $has_deadline ->
        [yes] Siste svardag er { $deadline }.
       *[no] Takk for hjelpen!
    }
