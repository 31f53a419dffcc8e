# The service: operator pages, results, exports, the outbox (web-*).


# Errors
web-error-repeated-field = Skjemaet sende det same feltet fleire gonger. Last sida på nytt og prøv igjen.
web-error-too-large = Det som vart sendt inn, er for stort. Filer kan vere opptil 5 MB.
web-error-bad-query = Adressa inneheld ein verdi som ikkje gir meining her. Gå tilbake og prøv igjen.
web-error-incomplete = Svara er ikkje fullstendige enno.
web-results-not-closed = Resultata blir laga først når runden er avslutta, slik at dei byggjer på alle svara og ikkje endrar seg etterpå. Avslutt runden på rundesida.
web-results-bad-rules = Ukjend analyseregel. Vel blant alternativa på resultatsida.
web-login-busy = Mange loggar inn akkurat no. Vent nokre sekund og prøv igjen.
web-problem-unreadable-file = Fila kunne ikkje lesast som CSV eller Excel-arbeidsbok. Lagre lista på nytt som .xlsx eller .csv (semikolon eller komma) og prøv igjen.

# Navigation and roles
web-nav-operator = Drift
web-role-coordinator = koordinator
web-role-funder = rådgivar hos finansiør
web-role-evaluator = evaluator
web-role-operator = driftsansvarleg

# Operator pages
web-op-title = Drift: kommunar og brukarar
web-op-intro = Her opprettar du kommunar, bydelar og bustadområde og brukarane deira. Driftsansvarlege ser ingen svar frå undersøkingane.
web-op-user-created = Brukaren { $email } er oppretta.
web-op-password-reset = Nytt passord for { $email }.
web-op-password-once = Gi passordet til brukaren på ein trygg måte. Det blir berre vist denne eine gongen:
web-op-tenants = Kommunar og bustadområde
web-op-slug = Kortnamn
web-op-slug-help = Små bokstavar a–z, siffer og bindestrek, til dømes «oppdal». Blir brukt i kommandoar og kan ikkje endrast.
web-op-name = Namn
web-op-kind = Type
web-op-kind-municipality = kommune eller bydel
web-op-kind-housing_area = bustadområde (heilskapsplan)
web-op-status = Status
web-op-actions = Handlingar
web-op-active = i bruk
web-op-inactive = deaktivert
web-op-new-name = Nytt namn for { $name }
web-op-rename = Gi nytt namn
web-op-deactivate = Deaktiver
web-op-activate = Aktiver
web-op-no-tenants = Ingen kommunar enno. Opprett den første nedanfor.
web-op-tenant-new = Ny kommune eller nytt bustadområde
web-op-create = Opprett
web-op-users = Brukarar
web-op-role = Rolle
web-op-tenant = Kommune
web-op-tenant-help = Koordinatorar, rådgivarar og evaluatorar høyrer til ein kommune; driftsansvarlege til ingen.
web-op-reset = Nytt passord
web-op-user-new = Ny brukar
web-op-exists = Kortnamnet eller e-postadressa er allereie i bruk.
web-op-not-yourself = Du kan ikkje deaktivere din eigen brukar.
web-op-done-tenant-created = Kommunen er oppretta.
web-op-done-tenant-renamed = Namnet er endra.
web-op-done-tenant-deactivated = Kommunen er deaktivert: brukarane kan ikkje logge inn, og lenkjene tek ikkje imot svar. Ingenting er sletta.
web-op-done-tenant-activated = Kommunen er i bruk igjen.
web-op-done-user-deactivated = Brukaren er deaktivert og logga ut.
web-op-done-user-activated = Brukaren kan logge inn igjen.

# The built-in outbox
web-outbox-title = Utboks
web-outbox-intro = Denne serveren sender ikkje e-post ut, men legg kvar melding her slik mottakaren ville fått ho, med si personlege lenkje.
web-outbox-to = Til { $to }
web-outbox-empty = Ingen meldingar enno. Send invitasjonar frå ein open runde.
web-outbox-transport = E-post blir lagd i utboksen her i staden for å bli send ut.
web-undelivered-title =
    { $count ->
        [one] Éi melding kom ikkje fram:
       *[other] { $count } meldingar kom ikkje fram:
    }

# Rounds
web-round-copy = Ny runde frå denne
web-round-copy-help = Lagar ein ny runde med dei same innstillingane, spørsmåla, språka og politiske organa. Personane på lista held på identiteten sin, så dei to rundane kan samanliknast.
web-round-copied = Den nye runden er laga. Sjå over datoane og opne han når lista er klar.
web-round-remind-on = Automatisk påminning
web-round-remind-help = På denne datoen får alle som ikkje har sendt inn, ei påminning.
web-round-reminded = Påminninga vart send { $date }.

# Results
web-results-title = Resultat
web-results-closed-on = Runden vart avslutta { $date }. Svara er låste, og resultata blir laga frå dei.
web-results-open = Sjå resultata
web-back-to-round-named = Tilbake til { $name }
web-back-to-results = Tilbake til resultata
web-rules-title = Analysereglar
web-rules-help = Reglane avgjer korleis svara blir eit nettverk. Rapporten seier kva reglar som er brukte.
web-rules-combine = Når to personar svarar ulikt om same kontakt
web-rules-combine-either = kontakt viss minst éin oppgir han (høgaste hyppigheit; som i 2015)
web-rules-combine-both = kontakt berre viss begge oppgir han (lågaste hyppigheit)
web-rules-combine-mean = kontakt viss minst éin oppgir han (gjennomsnittleg hyppigheit)
web-rules-view = Nettverket på sida viser
web-rules-view-daily = dagleg kontakt
web-rules-view-weekly = dagleg og vekentleg kontakt
web-rules-view-all = all kontakt
web-rules-reconstruct = Personar som ikkje svarte
web-rules-reconstruct-yes = blir tekne med, med kontaktane andre oppgav med dei
web-rules-reconstruct-no = blir utelatne saman med kontaktane sine
web-rules-show = Vis
web-rules-not-saved = Dette er ikkje rundas lagra reglar. Rapportane bruker reglane du vel her når du lastar ned.
web-rules-save = Lagre som reglane til runden
web-downloads-title = Rapport og eksport
web-report-lang = Språk
web-report-named = Intern versjon med namn
web-report-named-help = Utan dette blir personar viste som funksjon og nummer («Tildeling 5»). Den interne versjonen seier på kvar side at han inneheld namn, og nedlastinga blir logga.
web-report-pdf = Last ned rapport (PDF)
web-report-html = Rapport (HTML)
web-report-facts = Tala i rapporten (JSON)
web-exports-title = Eksport for vidare analyse
web-exports-help = Nettverket slik det vart rapportert, utan namn: personar har sitt faste pseudonym. Filene kan opnast i UCINET, Gephi, Pajek eller R, og samspill analyze gir dei same tala som denne sida.
web-export-graphml = Nettverk (GraphML, for Gephi, yEd, R)
web-export-gexf = Nettverk (GEXF, for Gephi)
web-export-pajek = Nettverk (Pajek .net)
web-export-dl = Nettverk (UCINET DL; kor ofte: 1 = sjeldnare, 2 = månadleg, 3 = vekevis, 4 = dagleg, fordi UCINET les 0 som ingen kontakt)
web-export-csv = Kontaktar (CSV)
web-export-csv-nodes = Personar (CSV)
web-export-xlsx = Nettverk (Excel)
web-export-json = Nettverk (samspill JSON)
web-export-analysis = Analyse (JSON, som samspill analyze)
web-export-answers = Svara (Excel, eitt ark per spørsmål)
web-compare-title = Samanlikning av rundar
web-compare-with = Samanlikn med { $name }

# Open answers
web-answers-title = Opne svar
web-answers-status = { $total } opne svar; { $quoted } kan siterast i rapporten, { $left } er ikkje gjennomgått eller skal ikkje siterast.
web-answers-review = Gå gjennom opne svar
web-answers-help = Gi kvart svar eit tema, og ta bort ord som kan identifisere nokon før svaret blir sitert. Rapporten siterer berre gjennomgåtte svar og seier kor mange som er utelatne.
web-answers-progress = { $reviewed } av { $total } er gjennomgått.
web-answers-reviewed = gjennomgått
web-answers-original = Slik det vart skrive:
web-answers-quote-text = Tekst som kan siterast
web-answers-theme = Tema
web-answers-may-quote = Kan siterast i rapporten
web-answers-save = Lagre
web-answers-none = Ingen skreiv opne svar i denne runden.
