# Konti, login, databeskyttelse og log (issue 16).

acct-title = Min konto
acct-forgot-link = Glemt din adgangskode?
acct-forgot-title = Glemt adgangskode
acct-forgot-intro = Skriv den e-mailadresse, du logger ind med. Findes der en konto med den adresse, sender vi et link, der gælder i én time, hvor du vælger en ny adgangskode.
acct-forgot-submit = Send link
acct-forgot-sent = Findes der en konto med den adresse, er et link på vej. Se i indbakken (og spamfilteret).
acct-link-title-invite = Velkommen til samspill
acct-link-title-reset = Vælg ny adgangskode
acct-link-intro = Kontoen tilhører { $name } ({ $email }).
acct-link-submit = Gem adgangskoden og log ind
acct-link-oidc-intro = Eller log ind med din organisations login i stedet for en egen adgangskode. Login knyttes til denne konto.
acct-new-password = Ny adgangskode
acct-new-password-again = Ny adgangskode igen
acct-current-password = Nuværende adgangskode
acct-password-rule = Mindst 10 tegn. En sætning, du kan huske, er en god adgangskode.
acct-password-mismatch = De to adgangskoder er ikke ens.
acct-password-wrong = Den nuværende adgangskode er forkert. Intet er ændret.
acct-password-title = Adgangskode
acct-password-submit = Skift adgangskode
acct-totp-title = Engangskode
acct-totp-intro = Skriv den sekscifrede kode fra din godkendelsesapp.
acct-totp-enroll-intro = Din konto skal have en godkendelsesapp (for eksempel Microsoft Authenticator, Google Authenticator eller FreeOTP). Scan QR-koden med appen, eller skriv nøglen ind, og skriv så den kode, appen viser.
acct-totp-qr-alt = QR-kode med nøglen til godkendelsesappen
acct-totp-secret = Nøgle:
acct-totp-code = Kode fra appen
acct-totp-submit = Bekræft
acct-totp-wrong = Koden passer ikke. { $left ->
    [one] Du har ét forsøg tilbage.
   *[other] Du har { $left } forsøg tilbage.
}
acct-totp-wrong-code = Koden passer ikke. Intet er ændret.
acct-totp-section = Totrinslogin
acct-totp-on = Login med adgangskode kræver en kode fra din godkendelsesapp.
acct-totp-off = Slå totrinslogin til: så kræver login med adgangskode også en kode fra en app på telefonen.
acct-totp-begin = Slå til
acct-totp-confirm = Bekræft og slå til
acct-totp-disable = Slå fra
acct-totp-required = Din konto skal bruge totrinslogin og kan ikke slå det fra.
acct-oidc-title = Login med din organisations konto
acct-oidc-login = Log ind med { $name }
acct-oidc-link = Knyt til kontoen
acct-oidc-unlink = Fjern
acct-oidc-linked = knyttet til kontoen
acct-oidc-failed = Login hos identitetsudbyderen lykkedes ikke. Prøv igen, eller log ind med adgangskode.
acct-oidc-expired = Login tog for lang tid eller er allerede brugt. Start forfra.
acct-oidc-no-account = Der findes ingen samspill-konto til dette login. Kun driftsansvarlig opretter konti; bed om en invitation.
acct-done-password = Adgangskoden er skiftet. Alle andre sessioner er logget ud.
acct-done-totp-enabled = Totrinslogin er slået til.
acct-done-totp-disabled = Totrinslogin er slået fra.
acct-done-identity-linked = Login er knyttet til kontoen.
acct-done-identity-unlinked = Login er fjernet fra kontoen.
acct-error-identity-taken = Dette login er allerede knyttet til en anden konto.
acct-error-identity-failed = Login kunne ikke knyttes til kontoen.
acct-mail-invite-subject = Invitation til samspill
acct-mail-invite-body = Hej { $name },

    du er inviteret til samspill som { $role }.

    Vælg en adgangskode (eller log ind med din organisations login) her. Linket virker i syv dage og kan bruges én gang:
    { $link }

    Har du ikke ventet denne invitation, kan du se bort fra den.
acct-mail-reset-subject = Ny adgangskode til samspill
acct-mail-reset-body = Hej { $name },

    nogen (forhåbentlig dig) har bedt om en ny adgangskode til samspill. Vælg en ny adgangskode her. Linket virker i én time og kan bruges én gang:
    { $link }

    Har du ikke bedt om det, kan du se bort fra beskeden. Din adgangskode er ikke ændret.

privacy-title = Databeskyttelse
privacy-settings = Hvad besvarerne får at vide, og de regler samspill følger
privacy-default-help = Står feltet tomt, bruges standardteksten. Besvarerne ser teksterne før det første spørgsmål.
privacy-f-controller = Dataansvarlig
privacy-f-dpo_name = Databeskyttelsesrådgiver
privacy-f-dpo_contact = Kontakt til databeskyttelsesrådgiveren (e-mail, telefon)
privacy-f-purpose = Formål
privacy-f-legal_basis = Behandlingsgrundlag
privacy-f-recipients = Modtagere af resultaterne
privacy-f-processors = Databehandlere (drift, e-mail)
privacy-f-retention_months = Opbevaring i måneder efter at runden er afsluttet
privacy-f-retention_mode = Når opbevaringstiden er udløbet
privacy-f-require_totp = Kræv totrinslogin af alle brugere med adgangskode
privacy-mode-reduce = reducér til det pseudonymiserede netværk (navne, e-mails, enheder og åbne svar slettes)
privacy-mode-delete = slet alle svar
privacy-retention-help = Mellem 1 og 120. Tomt: svarene opbevares, til du sletter dem. Koordinatorerne får en e-mail 30 dage før.
privacy-error-field = Tjek feltet «{ $field }»: det er for langt, har tegn, der ikke er tilladt, eller et tal uden for grænserne. Intet er gemt.
privacy-retention-title = Opbevaring af afsluttede runder
privacy-closed = Afsluttet
privacy-due = Slettes/reduceres
privacy-soon = inden for 30 dage
privacy-kept = opbevares
privacy-state-reduced = reduceret
privacy-state-deleted = slettet
privacy-no-closed = Ingen afsluttede runder.
privacy-rounds-title = Information og underretninger pr. runde
privacy-access-title = Hvem kan se data
privacy-grant-source = Givet af
privacy-revoke = Træk tilbage
privacy-no-grants = Ingen rådgivere hos bevillingsgiver eller evaluatorer har adgang til pseudonymiserede resultater.
privacy-persons-title = Den registreredes rettigheder
privacy-persons-intro = Vælg en person for indsigt (alt, hvad samspill har om personen), berigtigelse eller sletning.
privacy-done-saved = Gemt.
privacy-done-revoked = Adgangen er trukket tilbage.
privacy-done-erased = Personen er slettet fra listen og fra alle runder. Rapporterne laves igen.
privacy-done-rectified = Oplysningerne er berigtiget.
privacy-done-notices = Underretningerne er sat i kø til afsendelse.
privacy-done-notice = Informationsteksten er gemt.
privacy-record-link = Fortegnelse over behandlingen
privacy-dpia-link = Udkast til konsekvensanalyse (DPIA)
privacy-person-access = Indsigt
privacy-person-access-intro = Alt, hvad samspill har om personen: opslaget på listen, egne svar, hvad andre har angivet om personen (uden at sige hvem), hvor personen vises i rapporter, og hvem der har læst dem.
privacy-export-xlsx = Hent (XLSX)
privacy-export-json = Hent (JSON)
privacy-own-answers = Egne kontakter angivet
privacy-about = Andre har angivet kontakt
privacy-answered = svarede
privacy-not-answered = svarede ikke
privacy-in-reports = I rapporterne
privacy-contacts = { $count ->
    [one] én kontakt
   *[other] { $count } kontakter
}
privacy-reads = { $count ->
    [one] læst eller hentet én gang
   *[other] læst eller hentet { $count } gange
}
privacy-rectify = Berigtigelse
privacy-rectify-closed = Berigtig også det, der blev gemt med afsluttede runder (svarene er de samme; rapporterne laves igen)
privacy-rectify-submit = Berigtig oplysningerne
privacy-erase = Sletning
privacy-erase-rule = Personen fjernes fra listen og fra alle runder, også afsluttede, som om personen aldrig havde været med: egne svar, e-mails og underretninger til personen og alle kontakter, andre har angivet med personen. Andres øvrige svar er uændrede; hvor andre har skrevet personens fulde navn i et åbent svar, erstattes navnet af […]. Pseudonymet bruges aldrig igen. Rapporterne laves igen, og metodekapitlet siger, at nogen er fjernet. Sletningen kan ikke fortrydes.
privacy-erase-confirm = Jeg vil slette { $name } for altid
privacy-erase-confirm-missing = Sæt kryds for at bekræfte sletningen. Intet er slettet.
privacy-erase-submit = Slet personen
privacy-round-title = Databeskyttelse: { $round }
privacy-round-notice = Rundens informationstekst
privacy-round-notice-intro = Tomme felter bruger kommunens tekst. Teksterne kan ændres, indtil runden afsluttes.
privacy-preview = Sådan ser besvarerne det
privacy-art14-title = Underretning til dem, der ikke svarede, men er nævnt af andre
privacy-art14-intro = Disse svarede ikke, men andre har angivet kontakt med dem. De har ret til at få det at vide (databeskyttelsesforordningen artikel 14).
privacy-art14-reported-by = Angivet af
privacy-art14-noticed = Underrettet
privacy-art14-send = Send underretning på e-mail til dem, der ikke er underrettet
privacy-art14-print = Udskriv underretningerne
privacy-art14-none = Ingen i denne runde er nævnt af andre uden at have svaret.
privacy-art14-closed-only = Underretningerne laves, når runden er afsluttet.
privacy-notice-controller = Dataansvarlig
privacy-notice-purpose = Formål
privacy-notice-legal = Behandlingsgrundlag
privacy-notice-recipients = Hvem får resultaterne
privacy-notice-retention = Hvor længe svarene opbevares
privacy-notice-rights = Dine rettigheder
privacy-notice-dpo = Databeskyttelsesrådgiver
privacy-notice-purpose-default = At se og forbedre, hvordan det boligsociale arbejde i { $tenant } er koordineret: hvem der samarbejder med hvem, og hvor samarbejdet kan blive bedre. Svarene bruges aldrig til at vurdere enkeltpersoner.
privacy-notice-legal-default = Udførelse af en opgave i samfundets interesse (databeskyttelsesforordningen artikel 6, stk. 1, litra e) som led i det boligsociale arbejde i { $tenant }.
privacy-notice-recipients-default = Arbejdsgruppen i { $tenant } ser resultaterne med pseudonymer (for eksempel «Tildeling 2»). Bevillingsgiver og evaluator kan få pseudonymiserede resultater, hvor grupper under fem ikke vises.
privacy-notice-retention-reduce = Svarene reduceres til et pseudonymiseret netværk { $months } måneder efter, at runden er afsluttet; navne, e-mails, enheder og åbne svar slettes da.
privacy-notice-retention-delete = Svarene slettes { $months } måneder efter, at runden er afsluttet.
privacy-notice-retention-none = Svarene opbevares, til kommunen sletter dem; du kan når som helst bede om sletning.
privacy-notice-dpo-none = Kontakt databeskyttelsesrådgiveren i { $tenant }.
privacy-mail-notice-subject = Du er nævnt i en undersøgelse om samarbejde: { $round }
privacy-mail-notice-body = Hej { $name },

    du svarede ikke på undersøgelsen «{ $round }», men kolleger har angivet, at de har kontakt med dig. Det, de har angivet, indgår i analysen af samarbejdet.

    Formål: { $purpose }
    Behandlingsgrundlag: { $legal }
    Opbevaring: { $retention }

    Du kan bede om indsigt i, berigtigelse og sletning af oplysninger om dig, og du kan gøre indsigelse mod behandlingen. Du kan også klage til Datatilsynet.

    Dataansvarlig: { $tenant }
    Databeskyttelsesrådgiver: { $dpo }
privacy-mail-retention-subject = Runden «{ $round }» slettes eller reduceres { $date }
privacy-mail-retention-body = Hej { $name },

    efter opbevaringsreglen for { $tenant } bliver svarene i runden «{ $round }» { $mode ->
        [delete] slettet
       *[other] reduceret til det pseudonymiserede netværk
    } { $date }. Har I brug for resultaterne, bør I hente rapporterne inden da.

    Opbevaringsreglen og datoerne: { $privacy }
privacy-method-erased = { $count ->
    [one] Én person er fjernet
   *[other] { $count } personer er fjernet
} fra denne runde efter krav om sletning (databeskyttelsesforordningen artikel 17), senest { $date }: deres egne svar ({ $own } oplysninger) og de { $ties } kontakter, andre angav med dem, er ikke med. Alle andre svar er uændrede, så tallene kan afvige lidt fra tidligere udgaver af rapporten.
privacy-method-reduced = Runden blev { $date } reduceret til det pseudonymiserede netværk efter kommunens opbevaringsregel: navne, e-mails, enheder og åbne svar er slettet.
privacy-method-deleted = Rundens svar blev slettet { $date } efter kommunens opbevaringsregel.
privacy-audit-title = Log
privacy-audit-intro = Hvem har set og ændret hvad i kommunens data: logins, ændringer og læsning af liste, opfølgning, resultater, rapporter og eksporter.
privacy-audit-intro-operator = Hele tjenestens log: hvem gjorde hvad og hvornår, med id'er, aldrig indholdet af svarene.
privacy-audit-actor = Hvem
privacy-audit-action = Hvad
privacy-audit-action-help = Begyndelsen af handlingen, for eksempel «read.» for al læsning eller «person.» for ændringer af personer.
privacy-audit-from = Fra dato
privacy-audit-until = Til og med dato
privacy-audit-filter = Vis
privacy-audit-csv = Hent (CSV)
privacy-audit-when = Hvornår (UTC)
privacy-audit-detail = Detaljer
privacy-audit-count = { $count ->
    [one] Én hændelse, nyeste først
   *[other] { $count } hændelser, nyeste først
}
privacy-audit-none = Ingen hændelser passer.
privacy-audit-bad-date = En dato i filteret er ikke en dato (ÅÅÅÅ-MM-DD).
privacy-insight-title = Resultater
privacy-insight-intro = Pseudonymiserede resultater fra de kommuner, du har adgang til. Runder med færre end { $min } svar vises ikke, og grupper under { $min } er skjult.
privacy-insight-overview = Oversigt over kommunerne
privacy-insight-none = Du har endnu ikke adgang til nogen kommune.
privacy-insight-few = færre end { $min } svar, vises ikke
privacy-insight-too-few = Runden har for få svar til at blive vist uden for kommunen.
privacy-insight-pdf = Rapport (PDF)
privacy-op-invite = Send invitation
privacy-op-invite-help = Personen får et link på e-mail (gyldigt i syv dage) til at vælge adgangskode eller bruge sin organisations login. Du ser aldrig adgangskoden.
privacy-op-grants = Adgang for bevillingsgiver og evaluator
privacy-op-grants-intro = Rådgivere hos bevillingsgiver og evaluatorer ser kun pseudonymiserede resultater fra de kommuner, de har adgang til. Kommunens koordinator ser, hvem der har adgang, og kan trække den tilbage.
privacy-op-grant-new = Giv adgang
privacy-op-grant = Giv adgang
privacy-op-outbox = Udbakke for konti
privacy-op-outbox-intro = Tjenesten sender ikke e-mails; beskederne om konti ligger her. Den, der læser dem, kan bruge linkene: brug kun dette til afprøvning.
privacy-op-outbox-problems = Ikke leveret
privacy-op-outbox-empty = Ingen beskeder.
web-op-done-user-invited = Invitationen er sat i kø til afsendelse.
web-op-done-reset-sent = Et link til ny adgangskode er sat i kø til afsendelse. Brugerens sessioner er logget ud.
web-op-done-granted = Adgangen er givet.
web-op-done-revoked = Adgangen er trukket tilbage.
privacy-record-title = Fortegnelse over behandlingen: { $tenant }
privacy-dpia-title = Konsekvensanalyse vedrørende databeskyttelse (udkast): { $tenant }
privacy-doc-draft = Udkast lavet af samspill ud fra indstillingerne nu. Databeskyttelsesrådgiveren gennemgår og færdiggør det.
privacy-doc-download = Hent som tekst (Markdown)
privacy-doc-controller = Dataansvarlig og databeskyttelsesrådgiver
privacy-doc-dpo = Databeskyttelsesrådgiver: { $dpo }
privacy-doc-dpo-missing = Der er ikke angivet en databeskyttelsesrådgiver i indstillingerne.
privacy-doc-purpose = Formål
privacy-doc-legal = Behandlingsgrundlag
privacy-doc-subjects = De registrerede
privacy-doc-subjects-text = Ansatte og folkevalgte på kommunens liste over det boligsociale netværk ({ $persons } på listen nu, { $rounds } runder), også dem, der ikke svarer, men som andre angiver kontakt med.
privacy-doc-data = Personoplysninger
privacy-doc-data-roster = Navn, e-mail, enhed, niveau og funktioner
privacy-doc-data-contacts = Hvem den enkelte har haft kontakt med, og hvor ofte (også angivet om andre)
privacy-doc-data-advice = Hvem den enkelte spørger til råds
privacy-doc-data-political = Kontakt med politiske organer: { $bodies }
privacy-doc-data-ratings = Vurderinger af koordineringen og mødestederne (1–6)
privacy-doc-data-open = Åbne svar (fritekst; kan utilsigtet nævne borgere — koordinatoren gennemgår dem før citat)
privacy-doc-data-users = Brugerkonti: navn, e-mail, rolle, logins
privacy-doc-data-audit = Log over, hvem der har set og ændret hvad
privacy-doc-access = Adgang
privacy-doc-access-intro = Disse kan se kommunens data i samspill:
privacy-doc-access-grant = { $name } ({ $role }): kun pseudonymiserede resultater, grupper under fem skjult
privacy-doc-access-operator = Driftsansvarlig: kommuner og brugere, ingen svar
privacy-doc-recipients = Modtagere
privacy-doc-processors = Databehandlere
privacy-doc-processors-missing = Der er ikke angivet databehandlere i indstillingerne (drift af tjenesten, e-mail).
privacy-doc-processor-smtp = E-mails sendes gennem { $host }.
privacy-doc-processor-nomail = Tjenesten sender ikke selv e-mails.
privacy-doc-retention = Opbevaring og sletning
privacy-doc-retention-missing = Der er ikke sat en opbevaringstid: svarene opbevares, til koordinatoren sletter dem. Sæt en opbevaringstid.
privacy-doc-measures = Foranstaltninger
privacy-doc-m-isolation = Hver kommunes data er adskilt fra de andres i databasen og i hver forespørgsel.
privacy-doc-m-pseudonyms = Rapporter og eksporter viser pseudonymer (funktion og nummer), medmindre koordinatoren beder om navne; det logges.
privacy-doc-m-suppression = Grupper under fem vises ikke i oversigter på tværs af kommuner.
privacy-doc-m-audit = Al læsning af liste, opfølgning, resultater, rapporter og eksporter og alle ændringer logges med hvem og hvornår.
privacy-doc-m-passwords = Adgangskoder gemmes som argon2id-hashes; login begrænses ved gentagne fejl.
privacy-doc-m-totp-required = Alle brugere med adgangskode skal bruge totrinslogin.
privacy-doc-m-totp-optional = Driftsansvarlige skal bruge totrinslogin; andre kan slå det til.
privacy-doc-m-links = Svarlinkene er personlige og kan ikke gættes (256 bit); databasen har kun hashes af dem.
privacy-doc-m-https = Trafikken er krypteret (HTTPS).
privacy-doc-m-no-https = Tjenestens adresse er ikke HTTPS: sørg for krypteret trafik.
privacy-doc-m-oidc = Login med organisationens konto: { $providers }.
privacy-dpia-why = Hvorfor en analyse er nødvendig
privacy-dpia-why-text = Datatilsynets liste og EDPB's kriterier tilsiger en analyse, når mindst to kriterier er opfyldt. Her gælder:
privacy-dpia-criterion-scoring = Evaluering: netværksmål (centralitet, brobyggere) beregnes for enkeltpersoner.
privacy-dpia-criterion-employees = Sårbare registrerede: ansatte er afhængige af deres arbejdsgiver.
privacy-dpia-criterion-monitoring = Systematisk overvågning kan blive aktuel, når undersøgelsen gentages.
privacy-dpia-risks = Risici og foranstaltninger
privacy-dpia-risk-appraisal = Resultaterne kan bruges til at vurdere enkeltpersoner: formålet udelukker det, rapporterne er pseudonymiserede, og navneudgaven er kun for koordinatoren og logges.
privacy-dpia-risk-nonrespondents = Folk, der ikke svarer, er med gennem andres svar: de får en underretning (artikel 14) og kan kræve sletning.
privacy-dpia-risk-freetext = Fritekst kan nævne borgere (særlige kategorier): besvarerne bedes lade være, og kun gennemgåede svar citeres.
privacy-dpia-risk-small = Små grupper kan genkendes: grupper under fem skjules i oversigter, og runder med færre end fem svar vises ikke uden for kommunen.
privacy-dpia-risk-access = Uvedkommendes adgang: roller med mindst mulig adgang, totrinslogin, log over læsning og ændringer.
privacy-dpia-open = Databeskyttelsesrådgiverens vurdering
privacy-dpia-open-text = Udfyldes af databeskyttelsesrådgiveren: restrisiko, om tillidsrepræsentanter er inddraget, og konklusion.
privacy-x-sheet-person = Person
privacy-x-sheet-rounds = Runder
privacy-x-sheet-contacts = Egne kontakter
privacy-x-sheet-about = Angivet af andre
privacy-x-sheet-political = Politisk kontakt
privacy-x-sheet-ratings = Vurderinger
privacy-x-sheet-open = Åbne svar
privacy-x-sheet-reports = I rapporter
privacy-x-sheet-changes = Ændringer
privacy-x-field = Felt
privacy-x-value = Værdi
privacy-x-name = Navn
privacy-x-email = E-mail
privacy-x-unit = Enhed
privacy-x-level = Niveau
privacy-x-functions = Funktioner
privacy-x-active = På listen nu
privacy-x-added = Tilføjet
privacy-x-pseudonym = Pseudonym
privacy-x-id = Id
privacy-x-round = Runde
privacy-x-status = Status
privacy-x-invited = Inviteret
privacy-x-opened = Åbnet
privacy-x-submitted = Indsendt
privacy-x-frozen-as = Gemt med runden
privacy-x-notice = Underrettet
privacy-x-relation = Spørgsmål
privacy-x-person = Person
privacy-x-frequency = Hyppighed
privacy-x-count = Antal
privacy-x-body = Organ
privacy-x-type = Type
privacy-x-question = Spørgsmål
privacy-x-text = Tekst
privacy-x-quoted = Citeret som
privacy-x-in-network = I netværket
privacy-x-contacts = Kontakter
privacy-x-reads = Læst af
privacy-x-responded = Svarede
privacy-x-date = Dato
privacy-x-actor = Hvem
privacy-x-action = Hvad
privacy-x-detail = Detaljer
