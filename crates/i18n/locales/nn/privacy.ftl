# Kontoar, innlogging, personvern og logg (issue 16).

acct-title = Kontoen min
acct-forgot-link = Gløymt passordet?
acct-forgot-title = Gløymt passord
acct-forgot-intro = Skriv e-postadressa du loggar inn med. Finst det ein konto med den adressa, sender vi ei lenkje som gjeld i éin time, der du vel eit nytt passord.
acct-forgot-submit = Send lenkje
acct-forgot-sent = Finst det ein konto med den adressa, er ei lenkje på veg. Sjå i innboksen (og søppelposten).
acct-link-title-invite = Velkomen til samspill
acct-link-title-reset = Vel nytt passord
acct-link-intro = Kontoen gjeld { $name } ({ $email }).
acct-link-submit = Lagre passordet og logg inn
acct-link-oidc-intro = Eller logg inn med innlogginga til verksemda i staden for eit eige passord. Innlogginga vert knytt til denne kontoen.
acct-new-password = Nytt passord
acct-new-password-again = Nytt passord ein gong til
acct-current-password = Noverande passord
acct-password-rule = Minst 10 teikn. Ei setning du hugsar, er eit godt passord.
acct-password-mismatch = Dei to passorda er ikkje like.
acct-password-wrong = Noverande passord er feil. Ingenting er endra.
acct-password-title = Passord
acct-password-submit = Byt passord
acct-totp-title = Eingongskode
acct-totp-intro = Skriv koden på seks siffer frå autentiseringsappen din.
acct-totp-enroll-intro = Kontoen din må ha ein autentiseringsapp (til dømes Microsoft Authenticator, Google Authenticator eller FreeOTP). Skann QR-koden med appen, eller skriv inn nøkkelen, og skriv så koden appen viser.
acct-totp-qr-alt = QR-kode med nøkkelen til autentiseringsappen
acct-totp-secret = Nøkkel:
acct-totp-code = Kode frå appen
acct-totp-submit = Stadfest
acct-totp-wrong = Koden stemmer ikkje. { $left ->
    [one] Du har eitt forsøk att.
   *[other] Du har { $left } forsøk att.
}
acct-totp-wrong-code = Koden stemmer ikkje. Ingenting er endra.
acct-totp-section = Innlogging i to steg
acct-totp-on = Innlogging med passord krev ein kode frå autentiseringsappen din.
acct-totp-off = Slå på innlogging i to steg: då krev innlogging med passord òg ein kode frå ein app på telefonen.
acct-totp-begin = Slå på
acct-totp-confirm = Stadfest og slå på
acct-totp-disable = Slå av
acct-totp-required = Kontoen din må ha innlogging i to steg og kan ikkje slå det av.
acct-oidc-title = Innlogging med kontoen til verksemda
acct-oidc-login = Logg inn med { $name }
acct-oidc-link = Knyt til kontoen
acct-oidc-unlink = Fjern
acct-oidc-linked = knytt til kontoen
acct-oidc-failed = Innlogginga hos identitetsleverandøren lukkast ikkje. Prøv igjen, eller logg inn med passord.
acct-oidc-expired = Innlogginga tok for lang tid eller er alt brukt. Start på nytt.
acct-oidc-no-account = Det finst ingen samspill-konto for denne innlogginga. Berre driftsansvarleg opprettar kontoar; be om ein invitasjon.
acct-done-password = Passordet er bytt. Alle andre økter er logga ut.
acct-done-totp-enabled = Innlogging i to steg er slått på.
acct-done-totp-disabled = Innlogging i to steg er slått av.
acct-done-identity-linked = Innlogginga er knytt til kontoen.
acct-done-identity-unlinked = Innlogginga er fjerna frå kontoen.
acct-error-identity-taken = Denne innlogginga er alt knytt til ein annan konto.
acct-error-identity-failed = Innlogginga kunne ikkje knytast til kontoen.
acct-mail-invite-subject = Invitasjon til samspill
acct-mail-invite-body = Hei { $name },

    du er invitert til samspill som { $role }.

    Vel eit passord (eller logg inn med innlogginga til verksemda) her. Lenkja verkar i sju dagar og kan brukast éin gong:
    { $link }

    Har du ikkje venta denne invitasjonen, kan du sjå bort frå han.
acct-mail-reset-subject = Nytt passord til samspill
acct-mail-reset-body = Hei { $name },

    nokon (forhåpentleg du) har bede om eit nytt passord til samspill. Vel eit nytt passord her. Lenkja verkar i éin time og kan brukast éin gong:
    { $link }

    Har du ikkje bede om dette, kan du sjå bort frå meldinga. Passordet ditt er ikkje endra.

privacy-title = Personvern
privacy-settings = Kva svararane får vite, og reglane samspill følgjer
privacy-default-help = Står feltet tomt, vert standardteksten brukt. Svararane ser tekstane før det første spørsmålet.
privacy-f-controller = Behandlingsansvarleg
privacy-f-dpo_name = Personvernombod
privacy-f-dpo_contact = Kontakt til personvernombodet (e-post, telefon)
privacy-f-purpose = Føremål
privacy-f-legal_basis = Behandlingsgrunnlag
privacy-f-recipients = Mottakarar av resultata
privacy-f-processors = Databehandlarar (drift, e-post)
privacy-f-retention_months = Lagringstid i månader etter at runden er avslutta
privacy-f-retention_mode = Når lagringstida er ute
privacy-f-require_totp = Krev innlogging i to steg for alle brukarar med passord
privacy-mode-reduce = reduser til det pseudonymiserte nettverket (namn, e-post, einingar og opne svar vert sletta)
privacy-mode-delete = slett alle svar
privacy-retention-help = Mellom 1 og 120. Tomt: svara vert haldne til du slettar dei. Koordinatorane får e-post 30 dagar før.
privacy-error-field = Sjekk feltet «{ $field }»: det er for langt, har teikn som ikkje er tillatne, eller eit tal utanfor grensene. Ingenting er lagra.
privacy-retention-title = Lagringstid for avslutta rundar
privacy-closed = Avslutta
privacy-due = Vert sletta/redusert
privacy-soon = innan 30 dagar
privacy-kept = vert halden
privacy-state-reduced = redusert
privacy-state-deleted = sletta
privacy-no-closed = Ingen avslutta rundar.
privacy-rounds-title = Informasjon og varsel per runde
privacy-access-title = Kven kan sjå dataa
privacy-grant-source = Gjeven av
privacy-revoke = Trekk tilbake
privacy-no-grants = Ingen rådgjevarar hos finansiør eller evaluatorar har tilgang til pseudonymiserte resultat.
privacy-persons-title = Rettane til den registrerte
privacy-persons-intro = Vel ein person for innsyn (alt samspill har om personen), retting eller sletting.
privacy-done-saved = Lagra.
privacy-done-revoked = Tilgangen er trekt tilbake.
privacy-done-erased = Personen er sletta frå lista og frå alle rundar. Rapportane vert laga på nytt.
privacy-done-rectified = Opplysningane er retta.
privacy-done-notices = Varsla er lagde i kø for sending.
privacy-done-notice = Informasjonsteksten er lagra.
privacy-record-link = Protokoll over behandlinga
privacy-dpia-link = Utkast til personvernkonsekvensvurdering (DPIA)
privacy-person-access = Innsyn
privacy-person-access-intro = Alt samspill har om personen: oppføringa på lista, eigne svar, kva andre har oppgjeve om personen (utan å seie kven), kvar personen vert vist i rapportar og kven som har lese dei.
privacy-export-xlsx = Last ned (XLSX)
privacy-export-json = Last ned (JSON)
privacy-own-answers = Eigne kontaktar oppgjevne
privacy-about = Andre har oppgjeve kontakt
privacy-answered = svara
privacy-not-answered = svara ikkje
privacy-in-reports = I rapportane
privacy-contacts = { $count ->
    [one] éin kontakt
   *[other] { $count } kontaktar
}
privacy-reads = { $count ->
    [one] lese eller lasta ned éin gong
   *[other] lese eller lasta ned { $count } gonger
}
privacy-rectify = Retting
privacy-rectify-closed = Rett òg det som vart lagra med avslutta rundar (svara er dei same; rapportane vert laga på nytt)
privacy-rectify-submit = Rett opplysningane
privacy-erase = Sletting
privacy-erase-rule = Personen vert fjerna frå lista og frå alle rundar, òg avslutta, som om personen aldri hadde vore med: eigne svar, e-post og varsel til personen og alle kontaktar andre har oppgjeve med personen. Andre sine andre svar er uendra; der andre har skrive det fulle namnet til personen i eit ope svar, vert namnet bytt ut med […]. Pseudonymet vert aldri brukt igjen. Rapportane vert laga på nytt, og metodekapittelet seier at nokon er fjerna. Slettinga kan ikkje angrast.
privacy-erase-confirm = Eg vil slette { $name } for godt
privacy-erase-confirm-missing = Kryss av for at du vil slette personen. Ingenting er sletta.
privacy-erase-submit = Slett personen
privacy-round-title = Personvern: { $round }
privacy-round-notice = Informasjonstekst for runden
privacy-round-notice-intro = Tomme felt brukar teksten til kommunen. Tekstane kan endrast til runden vert avslutta.
privacy-preview = Slik ser svararane det
privacy-art14-title = Varsel til dei som ikkje svara, men er nemnde av andre
privacy-art14-intro = Desse svara ikkje, men andre har oppgjeve kontakt med dei. Dei har krav på å få vite det (personvernforordninga artikkel 14).
privacy-art14-reported-by = Oppgjeve av
privacy-art14-noticed = Varsla
privacy-art14-send = Send varsel på e-post til dei som ikkje er varsla
privacy-art14-print = Skriv ut varsla
privacy-art14-none = Ingen i denne runden er nemnde av andre utan å ha svara.
privacy-art14-closed-only = Varsla vert laga når runden er avslutta.
privacy-notice-controller = Behandlingsansvarleg
privacy-notice-purpose = Føremål
privacy-notice-legal = Behandlingsgrunnlag
privacy-notice-recipients = Kven får resultata
privacy-notice-retention = Kor lenge svara vert lagra
privacy-notice-rights = Rettane dine
privacy-notice-dpo = Personvernombod
privacy-notice-purpose-default = Å sjå og betre korleis det bustadsosiale arbeidet i { $tenant } er samordna: kven som samarbeider med kven, og kvar samarbeidet kan bli betre. Svara vert aldri brukte til å vurdere einskildpersonar.
privacy-notice-legal-default = Utføre ei oppgåve i ålmenta si interesse (personvernforordninga artikkel 6 nr. 1 bokstav e), som ledd i det bustadsosiale arbeidet i { $tenant }.
privacy-notice-recipients-default = Arbeidsgruppa i { $tenant } ser resultata med pseudonym (til dømes «Tildeling 2»). Finansiør og følgjeevaluator kan få pseudonymiserte resultat der grupper under fem ikkje vert viste.
privacy-notice-retention-reduce = Svara vert reduserte til eit pseudonymisert nettverk { $months } månader etter at runden er avslutta; namn, e-post, einingar og opne svar vert då sletta.
privacy-notice-retention-delete = Svara vert sletta { $months } månader etter at runden er avslutta.
privacy-notice-retention-none = Svara vert lagra til kommunen slettar dei; du kan be om sletting når som helst.
privacy-notice-dpo-none = Kontakt personvernombodet i { $tenant }.
privacy-mail-notice-subject = Du er nemnd i ei undersøking om samarbeid: { $round }
privacy-mail-notice-body = Hei { $name },

    du svara ikkje på undersøkinga «{ $round }», men kollegaer har oppgjeve at dei har kontakt med deg. Det dei har oppgjeve, er med i analysen av samarbeidet.

    Føremål: { $purpose }
    Behandlingsgrunnlag: { $legal }
    Lagring: { $retention }

    Du kan be om innsyn i, retting av og sletting av opplysningar om deg, og du kan protestere mot behandlinga. Du kan òg klage til Datatilsynet.

    Behandlingsansvarleg: { $tenant }
    Personvernombod: { $dpo }
privacy-mail-retention-subject = Runden «{ $round }» vert sletta eller redusert { $date }
privacy-mail-retention-body = Hei { $name },

    etter lagringsregelen for { $tenant } vert svara i runden «{ $round }» { $mode ->
        [delete] sletta
       *[other] reduserte til det pseudonymiserte nettverket
    } { $date }. Treng de resultata, bør de laste ned rapportane før det.

    Lagringsregelen og datoane: { $privacy }
privacy-method-erased = { $count ->
    [one] Éin person er fjerna
   *[other] { $count } personar er fjerna
} frå denne runden etter krav om sletting (personvernforordninga artikkel 17), sist { $date }: eigne svar ({ $own } opplysningar) og dei { $ties } kontaktane andre oppgav med dei, er ikkje med. Alle andre svar er uendra, så tala kan avvike litt frå tidlegare versjonar av rapporten.
privacy-method-reduced = Runden vart { $date } redusert til det pseudonymiserte nettverket etter lagringsregelen til kommunen: namn, e-post, einingar og opne svar er sletta.
privacy-method-deleted = Svara i runden vart sletta { $date } etter lagringsregelen til kommunen.
privacy-audit-title = Logg
privacy-audit-intro = Kven har sett og endra kva i dataa til kommunen: innloggingar, endringar og lesing av liste, oppfølging, resultat, rapportar og eksportar.
privacy-audit-intro-operator = Heile loggen til tenesta: kven gjorde kva og når, med id-ar, aldri innhaldet i svara.
privacy-audit-actor = Kven
privacy-audit-action = Kva
privacy-audit-action-help = Byrjinga av handlinga, til dømes «read.» for all lesing eller «person.» for endringar av personar.
privacy-audit-from = Frå dato
privacy-audit-until = Til og med dato
privacy-audit-filter = Vis
privacy-audit-csv = Last ned (CSV)
privacy-audit-when = Når (UTC)
privacy-audit-detail = Detaljar
privacy-audit-count = { $count ->
    [one] Éi hending, nyaste først
   *[other] { $count } hendingar, nyaste først
}
privacy-audit-none = Ingen hendingar passar.
privacy-audit-bad-date = Ein dato i filteret er ikkje ein dato (ÅÅÅÅ-MM-DD).
privacy-insight-title = Resultat
privacy-insight-intro = Pseudonymiserte resultat frå kommunane du har tilgang til. Rundar med færre enn { $min } svar vert ikkje viste, og grupper under { $min } er skjulte.
privacy-insight-overview = Oversikt over kommunane
privacy-insight-none = Du har ikkje tilgang til nokon kommunar enno.
privacy-insight-few = færre enn { $min } svar, vert ikkje vist
privacy-insight-too-few = Runden har for få svar til å visast utanfor kommunen.
privacy-insight-pdf = Rapport (PDF)
privacy-op-invite = Send invitasjon
privacy-op-invite-help = Personen får ei lenkje på e-post (gyldig i sju dagar) for å velje passord eller bruke innlogginga til verksemda. Du ser aldri passordet.
privacy-op-grants = Tilgang for finansiør og evaluator
privacy-op-grants-intro = Rådgjevarar hos finansiør og evaluatorar ser berre pseudonymiserte resultat frå kommunane dei har tilgang til. Koordinatoren i kommunen ser kven som har tilgang, og kan trekkje han tilbake.
privacy-op-grant-new = Gje tilgang
privacy-op-grant = Gje tilgang
privacy-op-outbox = Utboks for kontoar
privacy-op-outbox-intro = Tenesta sender ikkje e-post; meldingane om kontoar ligg her. Den som les dei, kan bruke lenkjene: bruk berre dette til utprøving.
privacy-op-outbox-problems = Ikkje levert
privacy-op-outbox-empty = Ingen meldingar.
web-op-done-user-invited = Invitasjonen er lagd i kø for sending.
web-op-done-reset-sent = Ei lenkje for nytt passord er lagd i kø for sending. Øktene til brukaren er logga ut.
web-op-done-granted = Tilgangen er gjeven.
web-op-done-revoked = Tilgangen er trekt tilbake.
privacy-record-title = Protokoll over behandlinga: { $tenant }
privacy-dpia-title = Vurdering av personvernkonsekvensar (utkast): { $tenant }
privacy-doc-draft = Utkast laga av samspill ut frå innstillingane no. Personvernombodet går gjennom og fullfører det.
privacy-doc-download = Last ned som tekst (Markdown)
privacy-doc-controller = Behandlingsansvarleg og personvernombod
privacy-doc-dpo = Personvernombod: { $dpo }
privacy-doc-dpo-missing = Personvernombod er ikkje oppgjeve i innstillingane.
privacy-doc-purpose = Føremål
privacy-doc-legal = Behandlingsgrunnlag
privacy-doc-subjects = Dei registrerte
privacy-doc-subjects-text = Tilsette og folkevalde på lista til kommunen over det bustadsosiale nettverket ({ $persons } på lista no, { $rounds } rundar), òg dei som ikkje svarar, men som andre oppgjev kontakt med.
privacy-doc-data = Personopplysningar
privacy-doc-data-roster = Namn, e-post, eining, nivå og funksjonar
privacy-doc-data-contacts = Kven den einskilde har hatt kontakt med, og kor ofte (òg oppgjeve om andre)
privacy-doc-data-advice = Kven den einskilde spør om råd
privacy-doc-data-political = Kontakt med politiske organ: { $bodies }
privacy-doc-data-ratings = Vurderingar av samordninga og møteplassane (1–6)
privacy-doc-data-open = Opne svar (fritekst; kan utilsikta nemne brukarar — koordinatoren går gjennom dei før sitat)
privacy-doc-data-users = Brukarkontoar: namn, e-post, rolle, innloggingar
privacy-doc-data-audit = Logg over kven som har sett og endra kva
privacy-doc-access = Tilgang
privacy-doc-access-intro = Desse kan sjå dataa til kommunen i samspill:
privacy-doc-access-grant = { $name } ({ $role }): berre pseudonymiserte resultat, grupper under fem skjulte
privacy-doc-access-operator = Driftsansvarleg: kommunar og brukarar, ingen svar
privacy-doc-recipients = Mottakarar
privacy-doc-processors = Databehandlarar
privacy-doc-processors-missing = Databehandlarar er ikkje oppgjevne i innstillingane (drift av tenesta, e-post).
privacy-doc-processor-smtp = E-post vert send gjennom { $host }.
privacy-doc-processor-nomail = Tenesta sender ikkje e-post sjølv.
privacy-doc-retention = Lagring og sletting
privacy-doc-retention-missing = Inga lagringstid er sett: svara vert haldne til koordinatoren slettar dei. Set ei lagringstid.
privacy-doc-measures = Tiltak
privacy-doc-m-isolation = Dataa til kvar kommune er skilde frå andre sine i databasen og i kvar spørjing.
privacy-doc-m-pseudonyms = Rapportar og eksportar viser pseudonym (funksjon og nummer) om ikkje koordinatoren ber om namn; det vert logga.
privacy-doc-m-suppression = Grupper under fem vert ikkje viste i oversikter på tvers av kommunar.
privacy-doc-m-audit = All lesing av liste, oppfølging, resultat, rapportar og eksportar og alle endringar vert logga med kven og når.
privacy-doc-m-passwords = Passord vert lagra som argon2id-hashar; innlogging vert avgrensa ved gjentekne feil.
privacy-doc-m-totp-required = Alle brukarar med passord må bruke innlogging i to steg.
privacy-doc-m-totp-optional = Driftsansvarlege må bruke innlogging i to steg; andre kan slå det på.
privacy-doc-m-links = Svarlenkjene er personlege og ikkje moglege å gjette (256 bitar); databasen har berre hashar av dei.
privacy-doc-m-https = Trafikken er kryptert (HTTPS).
privacy-doc-m-no-https = Adressa til tenesta er ikkje HTTPS: sørg for kryptert trafikk.
privacy-doc-m-oidc = Innlogging med kontoen til verksemda: { $providers }.
privacy-dpia-why = Kvifor ei vurdering trengst
privacy-dpia-why-text = Lista til Datatilsynet og kriteria til EDPB tilseier ei vurdering når minst to kriterium er oppfylte. Her gjeld:
privacy-dpia-criterion-scoring = Evaluering: nettverksmål (sentralitet, brubyggjarar) vert rekna ut for einskildpersonar.
privacy-dpia-criterion-employees = Sårbare registrerte: tilsette står i eit avhengnadsforhold til arbeidsgjevaren.
privacy-dpia-criterion-monitoring = Systematisk overvaking kan bli aktuelt når undersøkinga vert gjenteken.
privacy-dpia-risks = Risikoar og tiltak
privacy-dpia-risk-appraisal = Resultata kan brukast til å vurdere einskildpersonar: føremålet utelukkar det, rapportane er pseudonymiserte, og namneversjonen er berre for koordinatoren og vert logga.
privacy-dpia-risk-nonrespondents = Folk som ikkje svarar, er med gjennom svara til andre: dei får varsel (artikkel 14) og kan krevje sletting.
privacy-dpia-risk-freetext = Fritekst kan nemne brukarar (særlege kategoriar): svararane vert bedne om å la vere, og berre gjennomgåtte svar vert siterte.
privacy-dpia-risk-small = Små grupper kan kjennast att: grupper under fem vert skjulte i oversikter, og rundar med færre enn fem svar vert ikkje viste utanfor kommunen.
privacy-dpia-risk-access = Tilgang for uvedkomande: roller med minst mogleg tilgang, innlogging i to steg, logg over lesing og endringar.
privacy-dpia-open = Vurderinga til personvernombodet
privacy-dpia-open-text = Vert fylt ut av personvernombodet: restrisiko, om tillitsvalde er involverte, og konklusjon.
privacy-x-sheet-person = Person
privacy-x-sheet-rounds = Rundar
privacy-x-sheet-contacts = Eigne kontaktar
privacy-x-sheet-about = Oppgjeve av andre
privacy-x-sheet-political = Politisk kontakt
privacy-x-sheet-ratings = Vurderingar
privacy-x-sheet-open = Opne svar
privacy-x-sheet-reports = I rapportar
privacy-x-sheet-changes = Endringar
privacy-x-field = Felt
privacy-x-value = Verdi
privacy-x-name = Namn
privacy-x-email = E-post
privacy-x-unit = Eining
privacy-x-level = Nivå
privacy-x-functions = Funksjonar
privacy-x-active = På lista no
privacy-x-added = Lagd til
privacy-x-pseudonym = Pseudonym
privacy-x-id = Id
privacy-x-round = Runde
privacy-x-status = Status
privacy-x-invited = Invitert
privacy-x-opened = Opna
privacy-x-submitted = Sendt inn
privacy-x-frozen-as = Lagra med runden
privacy-x-notice = Varsla
privacy-x-relation = Spørsmål
privacy-x-person = Person
privacy-x-frequency = Kor ofte
privacy-x-count = Tal
privacy-x-body = Organ
privacy-x-type = Type
privacy-x-question = Spørsmål
privacy-x-text = Tekst
privacy-x-quoted = Sitert som
privacy-x-in-network = I nettverket
privacy-x-contacts = Kontaktar
privacy-x-reads = Lese av
privacy-x-responded = Svara
privacy-x-date = Dato
privacy-x-actor = Kven
privacy-x-action = Kva
privacy-x-detail = Detaljar
