# samspill web application (coordinator pages, errors, mail) — Danish
web-app-name = samspill
web-skip-to-content = Spring til indholdet
web-nav-label = Hovedmenu
web-nav-home = Oversigt
web-nav-roster = Deltagerliste
web-nav-settings = Indstillinger
web-logout = Log ud
web-error-title = Noget gik galt
web-error-csrf = Forespørgslen blev afvist, fordi den ikke kom fra denne formular. Genindlæs siden, og prøv igen.
web-error-not-found = Vi kunne ikke finde den side, du bad om.
web-error-bad-token = Linket er ukendt eller udløbet. Tjek, at du har kopieret hele linket, eller bed koordinatoren om et nyt.
web-error-frozen = Runden er afsluttet, og svarene kan ikke længere ændres.
web-error-not-open = Runden modtager ikke svar nu.
web-error-invalid = Noget af det indsendte er ikke gyldigt. Se det igennem, og prøv igen.
web-error-conflict = Dette findes allerede.
web-error-internal = Der opstod en fejl hos os. Det, du allerede har gemt, er ikke tabt. Prøv igen om lidt.
web-error-forbidden = Du har ikke adgang til denne side.
web-login-title = Log ind
web-login-email = E-mailadresse
web-login-password = Adgangskode
web-login-submit = Log ind
web-login-failed = Forkert e-mailadresse eller adgangskode.
web-login-limited = For mange mislykkede forsøg. Vent { $seconds } sekunder, og prøv igen.
web-home-persons = { $count ->
    [one] { $count } person på deltagerlisten.
   *[other] { $count } personer på deltagerlisten.
}
web-coverage-title = Nogle funktioner mangler personer:
web-coverage-gap = Ingen i { $function }
web-rounds = Runder
web-round = Runde
web-round-name = Rundens navn
web-round-status = Status
web-status-draft = Kladde
web-status-open = Åben
web-status-closed = Afsluttet
web-no-rounds = Ingen runder endnu.
web-round-new = Ny runde
web-round-create = Opret runde
web-settings-name = Navn på kommunen eller boligområdet
web-settings-lang = Sprog
web-lang-nb = Norsk bokmål
web-lang-nn = Norsk nynorsk
web-lang-da = Dansk
web-lang-en = Engelsk
web-settings-mail-from = Afsenderadresse for invitationer
web-settings-mail-from-help = Brug en adresse i organisationens eget domæne, så spamfiltre ikke stopper mailene.
web-settings-mail-from-error = Skriv en gyldig e-mailadresse.
web-save = Gem
web-cancel = Annuller
web-saved = Gemt.
web-import-title = Importer deltagerliste
web-import-help = CSV eller XLSX med kolonnerne navn, e-mail, enhed, niveau og funktioner (flere funktioner adskilles med |). Første række er overskrifter. Hvis en række har fejl, gemmes intet.
web-import-file = Fil (CSV eller XLSX)
web-import-submit = Importer
web-import-rejected = Filen blev ikke importeret. Intet er gemt. Ret følgende, og prøv igen:
web-import-done = Importeret: { $added } nye, { $updated } opdateret.
web-import-unreadable = Filen kunne ikke læses.
web-import-no-file = Vælg en fil.
web-roster-people = Personer
web-person-name = Navn
web-person-email = E-mail
web-person-unit = Enhed
web-person-level = Niveau
web-person-functions = Funktioner
web-person-active = På listen
web-person-add = Tilføj person
web-person-email-taken = E-mailadressen bruges allerede af en anden person.
web-level-top_management = Topledelse
web-level-leader = Leder
web-level-professional = Fagperson
web-level-politician = Politiker
web-level-external = Ekstern
web-yes = Ja
web-no = Nej
web-functions-title = Funktioner
web-functions-caption = Personer pr. funktion
web-function = Funktion
web-persons = Personer
web-function-own = egen
web-function-new = Ny funktion
web-function-add = Tilføj funktion
web-function-exists = Funktionen findes allerede.
web-function-invalid = Skriv et navn på funktionen.
web-problem-missing-column = Række { $row }: kolonnen »{ $column }« mangler.
web-problem-missing-name = Række { $row }: navn mangler.
web-problem-bad-email = Række { $row }: »{ $value }« er ikke en gyldig e-mailadresse.
web-problem-duplicate-email = Række { $row }: e-mailadressen { $value } står også i række { $first }.
web-problem-unknown-function = Række { $row }: funktionen »{ $value }« findes ikke i funktionslisten.
web-problem-unknown-level = Række { $row }: niveauet »{ $value }« er ukendt (brug topledelse, leder, fagperson, politiker eller ekstern).
web-problem-bad-text = Række { $row }: »{ $column }« er for lang eller indeholder ugyldige tegn.
web-letters-title = Breve til udskrift
web-letters-help = Udskriv siden. Hver person får ét ark med sit personlige link og QR-kode.
web-letter-greeting = Til { $name }
web-letter-body = { $tenant } kortlægger samarbejdet i det boligsociale arbejde (»{ $round }«), og du er med, fordi du har en rolle i arbejdet. Undersøgelsen tager omkring { $minutes } minutter.
web-letter-link = Åbn undersøgelsen med dette personlige link, eller scan QR-koden med din telefon:
web-letter-qr-alt = QR-kode med dit personlige link til undersøgelsen
web-instrument-title = Spørgeskema
web-back-to-round = Tilbage til runden
web-instrument-languages = Tekstens sprog
web-edited = ændret
web-item-intro = Indledning
web-item-contacts = Kontaktspørgsmålet
web-item-frequency = Hyppighed
web-item-advice = Råd (valgfri relation)
web-item-advice-frequency = Hyppighed for råd
web-item-political = Politisk kontakt
web-item-rating-coordination = Vurdering: koordinering
web-item-rating-meeting_places = Vurdering: mødefora
web-item-open-strengths = Åbent: styrker
web-item-open-challenges = Åbent: udfordringer
web-item-open-coordination = Åbent: koordinering
web-item-open-responsibility = Åbent: ansvarsafklaring
web-item-open-turnover = Åbent: udskiftning i kommunale boliger
web-item-open-refugees = Åbent: boligplacering af flygtninge
web-item-open-focus = Åbent: at skabe fokus
web-estimate = Anslået svartid: omkring { $minutes } minutter ({ $people } personer på listen).
web-monitor-title = Svarprocent
web-monitor-overall = { $submitted } af { $invited } har svaret ({ $percent } %). { $started } har åbnet undersøgelsen.
web-monitor-per-function = Svar pr. funktion
web-monitor-per-unit = Svar pr. enhed
web-group = Gruppe
web-invited = Inviteret
web-started = Åbnet
web-submitted = Svaret
web-round-actions = Gennemførelse
web-open-help = Når runden åbnes, får alle på deltagerlisten et personligt link.
web-round-open = Åbn runden
web-round-invite-new = Inviter nye personer på listen
web-no-smtp = E-mail er ikke sat op på denne server; invitationerne bliver liggende i kø. Brug breve eller linklisten.
web-send-invitations = Send invitationer på e-mail
web-send-reminders = Send påmindelse til dem, der ikke har svaret
web-links-csv = Linkliste (CSV)
web-round-close = Afslut runden
web-close-help = Når runden afsluttes, låses alle svar, og analysen bygger på de låste data. Det kan ikke fortrydes.
web-close-confirm = Jeg vil afslutte runden og låse svarene
web-close-confirm-needed = Sæt kryds for at bekræfte, at runden skal afsluttes.
web-round-opened = Runden er åben.
web-round-closed = Runden er afsluttet, og data er låst.
web-mail-queued = Mailene er sat i kø til afsendelse.
web-invitations = Invitationer
web-mail = E-mail
web-mail-status-none = ikke sendt
web-mail-status-queued = i kø
web-mail-status-sent = sendt
web-mail-status-failed = fejlet (prøves igen)
web-mail-status-bounced = afvist
web-round-settings = Indstillinger for runden
web-round-languages = Sprog, respondenterne kan vælge
web-round-default-lang = Standardsprog
web-round-opens = Første svardag
web-round-closes = Sidste svardag
web-round-second-relation = Spørg også, hvem man beder om råd
web-bodies = Politiske organer
web-bodies-help = Ét organ pr. linje (for eksempel borgmester, økonomiudvalg, kommunalbestyrelse, fagudvalg).
web-csv-name = Navn
web-csv-email = E-mail
web-csv-unit = Enhed
web-csv-link = Link
web-mail-subject = { $tenant }: undersøgelse om samarbejdet i det boligsociale arbejde
web-mail-body =
    Hej { $name }

    { $tenant } kortlægger, hvordan samarbejdet i det boligsociale arbejde fungerer (»{ $round }«). Du får denne mail, fordi du har en rolle i arbejdet.

    Svar via dit personlige link (del det ikke med andre):
    { $link }

    Du kan holde pauser; alt, hvad du svarer, gemmes undervejs.
    { $has_deadline ->
        [yes] Sidste svardag er { $deadline }.
       *[no] Tak for hjælpen!
    }
web-mail-reminder-subject = Påmindelse: { $tenant } vil gerne have dit svar
web-mail-reminder-body =
    Hej { $name }

    Vi mangler stadig dit svar på undersøgelsen »{ $round }«. Fortsæt, hvor du slap, via linket:
    { $link }
    { $has_deadline ->
        [yes] Sidste svardag er { $deadline }.
       *[no] Tak for hjælpen!
    }
