# Accounts, login, privacy and the audit log (issue 16).

acct-title = Min konto
acct-forgot-link = Glemt passordet?
acct-forgot-title = Glemt passord
acct-forgot-intro = Skriv e-postadressen du logger inn med. Finnes det en konto med den adressen, sender vi en lenke som gjelder i én time, der du velger et nytt passord.
acct-forgot-submit = Send lenke
acct-forgot-sent = Finnes det en konto med den adressen, er en lenke på vei. Sjekk innboksen (og søppelposten).
acct-link-title-invite = Velkommen til samspill
acct-link-title-reset = Velg nytt passord
acct-link-intro = Kontoen gjelder { $name } ({ $email }).
acct-link-submit = Lagre passordet og logg inn
acct-link-oidc-intro = Eller logg inn med virksomhetens innlogging i stedet for et eget passord. Innloggingen knyttes til denne kontoen.
acct-new-password = Nytt passord
acct-new-password-again = Nytt passord en gang til
acct-current-password = Nåværende passord
acct-password-rule = Minst 10 tegn. En setning du husker, er et godt passord.
acct-password-mismatch = De to passordene er ikke like.
acct-password-wrong = Nåværende passord er feil. Ingenting er endret.
acct-password-title = Passord
acct-password-submit = Bytt passord
acct-totp-title = Engangskode
acct-totp-intro = Skriv koden på seks sifre fra autentiseringsappen din.
acct-totp-enroll-intro = Kontoen din må ha en autentiseringsapp (for eksempel Microsoft Authenticator, Google Authenticator eller FreeOTP). Skann QR-koden med appen, eller skriv inn nøkkelen, og skriv så koden appen viser.
acct-totp-qr-alt = QR-kode med nøkkelen til autentiseringsappen
acct-totp-secret = Nøkkel:
acct-totp-code = Kode fra appen
acct-totp-submit = Bekreft
acct-totp-wrong = Koden stemmer ikke. { $left ->
    [one] Du har ett forsøk igjen.
   *[other] Du har { $left } forsøk igjen.
}
acct-totp-wrong-code = Koden stemmer ikke. Ingenting er endret.
acct-totp-section = Totrinnsinnlogging
acct-totp-on = Innlogging med passord krever en kode fra autentiseringsappen din.
acct-totp-off = Slå på totrinnsinnlogging: da krever innlogging med passord også en kode fra en app på telefonen.
acct-totp-begin = Slå på
acct-totp-confirm = Bekreft og slå på
acct-totp-disable = Slå av
acct-totp-required = Kontoen din må ha totrinnsinnlogging og kan ikke slå den av.
acct-oidc-title = Innlogging med virksomhetens konto
acct-oidc-login = Logg inn med { $name }
acct-oidc-link = Knytt til kontoen
acct-oidc-unlink = Fjern
acct-oidc-linked = knyttet til kontoen
acct-oidc-failed = Innloggingen hos identitetsleverandøren lyktes ikke. Prøv igjen, eller logg inn med passord.
acct-oidc-expired = Innloggingen tok for lang tid eller ble brukt allerede. Start på nytt.
acct-oidc-no-account = Det finnes ingen samspill-konto for denne innloggingen. Kontoer opprettes bare av driftsansvarlig; be om en invitasjon.
acct-done-password = Passordet er byttet. Alle andre økter er logget ut.
acct-done-totp-enabled = Totrinnsinnlogging er slått på.
acct-done-totp-disabled = Totrinnsinnlogging er slått av.
acct-done-identity-linked = Innloggingen er knyttet til kontoen.
acct-done-identity-unlinked = Innloggingen er fjernet fra kontoen.
acct-error-identity-taken = Denne innloggingen er allerede knyttet til en annen konto.
acct-error-identity-failed = Innloggingen kunne ikke knyttes til kontoen.
acct-mail-invite-subject = Invitasjon til samspill
acct-mail-invite-body = Hei { $name },

    du er invitert til samspill som { $role }.

    Velg et passord (eller logg inn med virksomhetens innlogging) her. Lenken virker i sju dager og kan brukes én gang:
    { $link }

    Har du ikke ventet denne invitasjonen, kan du se bort fra den.
acct-mail-reset-subject = Nytt passord til samspill
acct-mail-reset-body = Hei { $name },

    noen (forhåpentlig du) har bedt om et nytt passord til samspill. Velg et nytt passord her. Lenken virker i én time og kan brukes én gang:
    { $link }

    Har du ikke bedt om dette, kan du se bort fra meldingen. Passordet ditt er ikke endret.

privacy-title = Personvern
privacy-settings = Hva svarerne får vite, og reglene samspill følger
privacy-default-help = Står feltet tomt, brukes standardteksten. Svarerne ser tekstene før det første spørsmålet.
privacy-f-controller = Behandlingsansvarlig
privacy-f-dpo_name = Personvernombud
privacy-f-dpo_contact = Kontakt til personvernombudet (e-post, telefon)
privacy-f-purpose = Formål
privacy-f-legal_basis = Behandlingsgrunnlag
privacy-f-recipients = Mottakere av resultatene
privacy-f-processors = Databehandlere (drift, e-post)
privacy-f-retention_months = Lagringstid i måneder etter at runden er avsluttet
privacy-f-retention_mode = Når lagringstiden er ute
privacy-f-require_totp = Krev totrinnsinnlogging for alle brukere med passord
privacy-mode-reduce = reduser til det pseudonymiserte nettverket (navn, e-post, enheter og åpne svar slettes)
privacy-mode-delete = slett alle svar
privacy-retention-help = Mellom 1 og 120. Tomt: svarene beholdes til du sletter dem. Koordinatorene får e-post 30 dager før.
privacy-error-field = Sjekk feltet «{ $field }»: det er for langt, har tegn som ikke er tillatt, eller et tall utenfor grensene. Ingenting er lagret.
privacy-retention-title = Lagringstid for avsluttede runder
privacy-closed = Avsluttet
privacy-due = Slettes/reduseres
privacy-soon = innen 30 dager
privacy-kept = beholdes
privacy-state-reduced = redusert
privacy-state-deleted = slettet
privacy-no-closed = Ingen avsluttede runder.
privacy-rounds-title = Informasjon og varsler per runde
privacy-access-title = Hvem kan se dataene
privacy-grant-source = Gitt av
privacy-revoke = Trekk tilbake
privacy-no-grants = Ingen rådgivere hos finansiør eller evaluatorer har tilgang til pseudonymiserte resultater.
privacy-persons-title = Den registrertes rettigheter
privacy-persons-intro = Velg en person for innsyn (alt samspill har om personen), retting eller sletting.
privacy-done-saved = Lagret.
privacy-done-revoked = Tilgangen er trukket tilbake.
privacy-done-erased = Personen er slettet fra listen og fra alle runder. Rapportene lages på nytt.
privacy-done-rectified = Opplysningene er rettet.
privacy-done-notices = Varslene er lagt i kø for sending.
privacy-done-notice = Informasjonsteksten er lagret.
privacy-record-link = Protokoll over behandlingen
privacy-dpia-link = Utkast til personvernkonsekvensvurdering (DPIA)
privacy-person-access = Innsyn
privacy-person-access-intro = Alt samspill har om personen: oppføringen på listen, egne svar, hva andre har oppgitt om personen (uten å si hvem), hvor personen vises i rapporter og hvem som har lest dem.
privacy-export-xlsx = Last ned (XLSX)
privacy-export-json = Last ned (JSON)
privacy-own-answers = Egne kontakter oppgitt
privacy-about = Andre har oppgitt kontakt
privacy-answered = svarte
privacy-not-answered = svarte ikke
privacy-in-reports = I rapportene
privacy-contacts = { $count ->
    [one] én kontakt
   *[other] { $count } kontakter
}
privacy-reads = { $count ->
    [one] lest eller lastet ned én gang
   *[other] lest eller lastet ned { $count } ganger
}
privacy-rectify = Retting
privacy-rectify-closed = Rett også det som ble lagret med avsluttede runder (svarene er de samme; rapportene lages på nytt)
privacy-rectify-submit = Rett opplysningene
privacy-erase = Sletting
privacy-erase-rule = Personen fjernes fra listen og fra alle runder, også avsluttede, som om personen aldri hadde vært med: egne svar, e-post og varsler til personen og alle kontakter andre har oppgitt med personen. Andres øvrige svar er uendret; der andre har skrevet personens fulle navn i et åpent svar, byttes navnet ut med […]. Pseudonymet brukes aldri igjen. Rapportene lages på nytt, og metodekapitlet sier at noen er fjernet. Slettingen kan ikke angres.
privacy-erase-confirm = Jeg vil slette { $name } for godt
privacy-erase-confirm-missing = Kryss av for at du vil slette personen. Ingenting er slettet.
privacy-erase-submit = Slett personen
privacy-round-title = Personvern: { $round }
privacy-round-notice = Informasjonstekst for runden
privacy-round-notice-intro = Tomme felt bruker kommunens tekst. Tekstene kan endres til runden avsluttes.
privacy-preview = Slik ser svarerne det
privacy-art14-title = Varsel til dem som ikke svarte, men er nevnt av andre
privacy-art14-intro = Disse svarte ikke, men andre har oppgitt kontakt med dem. De har krav på å få vite det (personvernforordningen artikkel 14).
privacy-art14-reported-by = Oppgitt av
privacy-art14-noticed = Varslet
privacy-art14-send = Send varsel på e-post til dem som ikke er varslet
privacy-art14-print = Skriv ut varslene
privacy-art14-none = Ingen i denne runden er nevnt av andre uten å ha svart.
privacy-art14-closed-only = Varslene lages når runden er avsluttet.
privacy-notice-controller = Behandlingsansvarlig
privacy-notice-purpose = Formål
privacy-notice-legal = Behandlingsgrunnlag
privacy-notice-recipients = Hvem får resultatene
privacy-notice-retention = Hvor lenge svarene lagres
privacy-notice-rights = Dine rettigheter
privacy-notice-dpo = Personvernombud
privacy-notice-purpose-default = Å se og forbedre hvordan det boligsosiale arbeidet i { $tenant } er samordnet: hvem som samarbeider med hvem, og hvor samarbeidet kan bli bedre. Svarene brukes aldri til å vurdere enkeltpersoner.
privacy-notice-legal-default = Utføre en oppgave i allmennhetens interesse (personvernforordningen artikkel 6 nr. 1 bokstav e), som ledd i { $tenant } sitt boligsosiale arbeid.
privacy-notice-recipients-default = Arbeidsgruppen i { $tenant } ser resultatene med pseudonymer (for eksempel «Tildeling 2»). Finansiør og følgeevaluator kan få pseudonymiserte resultater der grupper under fem ikke vises.
privacy-notice-retention-reduce = Svarene reduseres til et pseudonymisert nettverk { $months } måneder etter at runden er avsluttet; navn, e-post, enheter og åpne svar slettes da.
privacy-notice-retention-delete = Svarene slettes { $months } måneder etter at runden er avsluttet.
privacy-notice-retention-none = Svarene lagres til kommunen sletter dem; du kan be om sletting når som helst.
privacy-notice-dpo-none = Kontakt personvernombudet i { $tenant }.
privacy-mail-notice-subject = Du er nevnt i en undersøkelse om samarbeid: { $round }
privacy-mail-notice-body = Hei { $name },

    du svarte ikke på undersøkelsen «{ $round }», men kolleger har oppgitt at de har kontakt med deg. Det de har oppgitt, er med i analysen av samarbeidet.

    Formål: { $purpose }
    Behandlingsgrunnlag: { $legal }
    Lagring: { $retention }

    Du kan be om innsyn i, retting av og sletting av opplysninger om deg, og du kan protestere mot behandlingen. Du kan også klage til Datatilsynet.

    Behandlingsansvarlig: { $tenant }
    Personvernombud: { $dpo }
privacy-mail-retention-subject = Runden «{ $round }» slettes eller reduseres { $date }
privacy-mail-retention-body = Hei { $name },

    etter lagringsregelen for { $tenant } blir svarene i runden «{ $round }» { $mode ->
        [delete] slettet
       *[other] redusert til det pseudonymiserte nettverket
    } { $date }. Trenger dere resultatene, bør dere laste ned rapportene før det.

    Lagringsregelen og datoene: { $privacy }
privacy-method-erased = { $count ->
    [one] Én person er fjernet
   *[other] { $count } personer er fjernet
} fra denne runden etter krav om sletting (personvernforordningen artikkel 17), sist { $date }: deres egne svar ({ $own } opplysninger) og de { $ties } kontaktene andre oppga med dem, er ikke med. Alle andre svar er uendret, så tallene kan avvike litt fra tidligere versjoner av rapporten.
privacy-method-reduced = Runden ble { $date } redusert til det pseudonymiserte nettverket etter kommunens lagringsregel: navn, e-post, enheter og åpne svar er slettet.
privacy-method-deleted = Svarene i runden ble slettet { $date } etter kommunens lagringsregel.
privacy-audit-title = Logg
privacy-audit-intro = Hvem har sett og endret hva i kommunens data: innlogginger, endringer og lesing av liste, oppfølging, resultater, rapporter og eksporter.
privacy-audit-intro-operator = Hele tjenestens logg: hvem gjorde hva og når, med id-er, aldri innholdet i svarene.
privacy-audit-actor = Hvem
privacy-audit-action = Hva
privacy-audit-action-help = Begynnelsen av handlingen, for eksempel «read.» for all lesing eller «person.» for endringer av personer.
privacy-audit-from = Fra dato
privacy-audit-until = Til og med dato
privacy-audit-filter = Vis
privacy-audit-csv = Last ned (CSV)
privacy-audit-when = Når (UTC)
privacy-audit-detail = Detaljer
privacy-audit-count = { $count ->
    [one] Én hendelse, nyeste først
   *[other] { $count } hendelser, nyeste først
}
privacy-audit-none = Ingen hendelser passer.
privacy-audit-bad-date = En dato i filteret er ikke en dato (ÅÅÅÅ-MM-DD).
privacy-insight-title = Resultater
privacy-insight-intro = Pseudonymiserte resultater fra kommunene du har tilgang til. Runder med færre enn { $min } svar vises ikke, og grupper under { $min } er skjult.
privacy-insight-overview = Oversikt over kommunene
privacy-insight-none = Du har ikke tilgang til noen kommuner ennå.
privacy-insight-few = færre enn { $min } svar, vises ikke
privacy-insight-too-few = Runden har for få svar til å vises utenfor kommunen.
privacy-insight-pdf = Rapport (PDF)
privacy-op-invite = Send invitasjon
privacy-op-invite-help = Personen får en lenke på e-post (gyldig i sju dager) for å velge passord eller bruke virksomhetens innlogging. Du ser aldri passordet.
privacy-op-grants = Tilgang for finansiør og evaluator
privacy-op-grants-intro = Rådgivere hos finansiør og evaluatorer ser bare pseudonymiserte resultater fra kommunene de har tilgang til. Kommunens koordinator ser hvem som har tilgang, og kan trekke den tilbake.
privacy-op-grant-new = Gi tilgang
privacy-op-grant = Gi tilgang
privacy-op-outbox = Utboks for kontoer
privacy-op-outbox-intro = Tjenesten sender ikke e-post; meldingene om kontoer ligger her. Den som leser dem, kan bruke lenkene: bruk bare dette til utprøving.
privacy-op-outbox-problems = Ikke levert
privacy-op-outbox-empty = Ingen meldinger.
web-op-done-user-invited = Invitasjonen er lagt i kø for sending.
web-op-done-reset-sent = En lenke for nytt passord er lagt i kø for sending. Brukerens økter er logget ut.
web-op-done-granted = Tilgangen er gitt.
web-op-done-revoked = Tilgangen er trukket tilbake.
privacy-record-title = Protokoll over behandlingen: { $tenant }
privacy-dpia-title = Vurdering av personvernkonsekvenser (utkast): { $tenant }
privacy-doc-draft = Utkast laget av samspill ut fra innstillingene nå. Personvernombudet gjennomgår og fullfører det.
privacy-doc-download = Last ned som tekst (Markdown)
privacy-doc-controller = Behandlingsansvarlig og personvernombud
privacy-doc-dpo = Personvernombud: { $dpo }
privacy-doc-dpo-missing = Personvernombud er ikke oppgitt i innstillingene.
privacy-doc-purpose = Formål
privacy-doc-legal = Behandlingsgrunnlag
privacy-doc-subjects = De registrerte
privacy-doc-subjects-text = Ansatte og folkevalgte på kommunens liste over det boligsosiale nettverket ({ $persons } på listen nå, { $rounds } runder), også de som ikke svarer, men som andre oppgir kontakt med.
privacy-doc-data = Personopplysninger
privacy-doc-data-roster = Navn, e-post, enhet, nivå og funksjoner
privacy-doc-data-contacts = Hvem den enkelte har hatt kontakt med, og hvor ofte (også oppgitt om andre)
privacy-doc-data-advice = Hvem den enkelte spør om råd
privacy-doc-data-political = Kontakt med politiske organer: { $bodies }
privacy-doc-data-ratings = Vurderinger av samordningen og møteplassene (1–6)
privacy-doc-data-open = Åpne svar (fritekst; kan uforvarende nevne brukere — koordinatoren går gjennom dem før sitat)
privacy-doc-data-users = Brukerkontoer: navn, e-post, rolle, innlogginger
privacy-doc-data-audit = Logg over hvem som har sett og endret hva
privacy-doc-access = Tilgang
privacy-doc-access-intro = Disse kan se kommunens data i samspill:
privacy-doc-access-grant = { $name } ({ $role }): bare pseudonymiserte resultater, grupper under fem skjult
privacy-doc-access-operator = Driftsansvarlig: kommuner og brukere, ingen svar
privacy-doc-recipients = Mottakere
privacy-doc-processors = Databehandlere
privacy-doc-processors-missing = Databehandlere er ikke oppgitt i innstillingene (drift av tjenesten, e-post).
privacy-doc-processor-smtp = E-post sendes gjennom { $host }.
privacy-doc-processor-nomail = Tjenesten sender ikke e-post selv.
privacy-doc-retention = Lagring og sletting
privacy-doc-retention-missing = Ingen lagringstid er satt: svarene beholdes til koordinatoren sletter dem. Sett en lagringstid.
privacy-doc-measures = Tiltak
privacy-doc-m-isolation = Hver kommunes data er skilt fra andres i databasen og i hver spørring.
privacy-doc-m-pseudonyms = Rapporter og eksporter viser pseudonymer (funksjon og nummer) med mindre koordinatoren ber om navn; det logges.
privacy-doc-m-suppression = Grupper under fem vises ikke i oversikter på tvers av kommuner.
privacy-doc-m-audit = All lesing av liste, oppfølging, resultater, rapporter og eksporter og alle endringer logges med hvem og når.
privacy-doc-m-passwords = Passord lagres som argon2id-hasher; innlogging begrenses ved gjentatte feil.
privacy-doc-m-totp-required = Alle brukere med passord må bruke totrinnsinnlogging.
privacy-doc-m-totp-optional = Driftsansvarlige må bruke totrinnsinnlogging; andre kan slå det på.
privacy-doc-m-links = Svarlenkene er personlige og ikke mulige å gjette (256 biter); databasen har bare hasher av dem.
privacy-doc-m-https = Trafikken er kryptert (HTTPS).
privacy-doc-m-no-https = Tjenestens adresse er ikke HTTPS: sørg for kryptert trafikk.
privacy-doc-m-oidc = Innlogging med virksomhetens konto: { $providers }.
privacy-dpia-why = Hvorfor en vurdering trengs
privacy-dpia-why-text = Datatilsynets liste og EDPBs kriterier tilsier en vurdering når minst to kriterier er oppfylt. Her gjelder:
privacy-dpia-criterion-scoring = Evaluering: nettverksmål (sentralitet, brobyggere) beregnes for enkeltpersoner.
privacy-dpia-criterion-employees = Sårbare registrerte: ansatte står i et avhengighetsforhold til arbeidsgiveren.
privacy-dpia-criterion-monitoring = Systematisk overvåking kan bli aktuelt når undersøkelsen gjentas.
privacy-dpia-risks = Risikoer og tiltak
privacy-dpia-risk-appraisal = Resultatene kan brukes til å vurdere enkeltpersoner: formålet utelukker det, rapportene er pseudonymiserte, og navneversjonen er bare for koordinatoren og logges.
privacy-dpia-risk-nonrespondents = Folk som ikke svarer, er med gjennom andres svar: de får varsel (artikkel 14) og kan kreve sletting.
privacy-dpia-risk-freetext = Fritekst kan nevne brukere (særlige kategorier): svarerne bes la være, og bare gjennomgåtte svar siteres.
privacy-dpia-risk-small = Små grupper kan gjenkjennes: grupper under fem skjules i oversikter, og runder med færre enn fem svar vises ikke utenfor kommunen.
privacy-dpia-risk-access = Uvedkommende tilgang: roller med minste tilgang, totrinnsinnlogging, logg over lesing og endringer.
privacy-dpia-open = Personvernombudets vurdering
privacy-dpia-open-text = Fylles ut av personvernombudet: restrisiko, om tillitsvalgte er involvert, og konklusjon.
privacy-x-sheet-person = Person
privacy-x-sheet-rounds = Runder
privacy-x-sheet-contacts = Egne kontakter
privacy-x-sheet-about = Oppgitt av andre
privacy-x-sheet-political = Politisk kontakt
privacy-x-sheet-ratings = Vurderinger
privacy-x-sheet-open = Åpne svar
privacy-x-sheet-reports = I rapporter
privacy-x-sheet-changes = Endringer
privacy-x-field = Felt
privacy-x-value = Verdi
privacy-x-name = Navn
privacy-x-email = E-post
privacy-x-unit = Enhet
privacy-x-level = Nivå
privacy-x-functions = Funksjoner
privacy-x-active = På listen nå
privacy-x-added = Lagt til
privacy-x-pseudonym = Pseudonym
privacy-x-id = Id
privacy-x-round = Runde
privacy-x-status = Status
privacy-x-invited = Invitert
privacy-x-opened = Åpnet
privacy-x-submitted = Sendt inn
privacy-x-frozen-as = Lagret med runden
privacy-x-notice = Varslet
privacy-x-relation = Spørsmål
privacy-x-person = Person
privacy-x-frequency = Hyppighet
privacy-x-count = Antall
privacy-x-body = Organ
privacy-x-type = Type
privacy-x-question = Spørsmål
privacy-x-text = Tekst
privacy-x-quoted = Sitert som
privacy-x-in-network = I nettverket
privacy-x-contacts = Kontakter
privacy-x-reads = Lest av
privacy-x-responded = Svarte
privacy-x-date = Dato
privacy-x-actor = Hvem
privacy-x-action = Hva
privacy-x-detail = Detaljer
