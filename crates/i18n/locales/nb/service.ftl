# The service: operator pages, results, exports, the outbox (web-*).


# Errors
web-error-repeated-field = Skjemaet sendte det samme feltet flere ganger. Last siden på nytt og prøv igjen.
web-error-too-large = Det som ble sendt inn, er for stort. Filer kan være opptil 5 MB.
web-error-bad-query = Adressen inneholder en verdi som ikke gir mening her. Gå tilbake og prøv igjen.
web-error-incomplete = Svarene er ikke fullstendige ennå.
web-results-not-closed = Resultatene lages først når runden er avsluttet, slik at de bygger på alle svarene og ikke endrer seg etterpå. Avslutt runden på rundesiden.
web-results-bad-rules = Ukjent analyseregel. Velg blant alternativene på resultatsiden.
web-login-busy = Mange logger inn akkurat nå. Vent noen sekunder og prøv igjen.
web-problem-unreadable-file = Filen kunne ikke leses som CSV eller Excel-arbeidsbok. Lagre listen på nytt som .xlsx eller .csv (semikolon eller komma) og prøv igjen.

# Navigation and roles
web-nav-operator = Drift
web-role-coordinator = koordinator
web-role-funder = rådgiver hos finansiør
web-role-evaluator = evaluator
web-role-operator = driftsansvarlig

# Operator pages
web-op-title = Drift: kommuner og brukere
web-op-intro = Her oppretter du kommuner, bydeler og boligområder og brukerne deres. Driftsansvarlige ser ingen svar fra undersøkelsene.
web-op-user-created = Brukeren { $email } er opprettet.
web-op-password-reset = Nytt passord for { $email }.
web-op-password-once = Gi passordet til brukeren på en trygg måte. Det vises bare denne ene gangen:
web-op-tenants = Kommuner og boligområder
web-op-slug = Kortnavn
web-op-slug-help = Små bokstaver a–z, sifre og bindestrek, for eksempel «oppdal». Brukes i kommandoer og kan ikke endres.
web-op-name = Navn
web-op-kind = Type
web-op-kind-municipality = kommune eller bydel
web-op-kind-housing_area = boligområde (helhetsplan)
web-op-status = Status
web-op-actions = Handlinger
web-op-active = i bruk
web-op-inactive = deaktivert
web-op-new-name = Nytt navn for { $name }
web-op-rename = Gi nytt navn
web-op-deactivate = Deaktiver
web-op-activate = Aktiver
web-op-no-tenants = Ingen kommuner ennå. Opprett den første nedenfor.
web-op-tenant-new = Ny kommune eller nytt boligområde
web-op-create = Opprett
web-op-users = Brukere
web-op-role = Rolle
web-op-tenant = Kommune
web-op-tenant-help = Koordinatorer, rådgivere og evaluatorer hører til en kommune; driftsansvarlige til ingen.
web-op-reset = Nytt passord
web-op-user-new = Ny bruker
web-op-exists = Kortnavnet eller e-postadressen er allerede i bruk.
web-op-not-yourself = Du kan ikke deaktivere din egen bruker.
web-op-done-tenant-created = Kommunen er opprettet.
web-op-done-tenant-renamed = Navnet er endret.
web-op-done-tenant-deactivated = Kommunen er deaktivert: brukerne kan ikke logge inn, og lenkene tar ikke imot svar. Ingenting er slettet.
web-op-done-tenant-activated = Kommunen er i bruk igjen.
web-op-done-user-deactivated = Brukeren er deaktivert og logget ut.
web-op-done-user-activated = Brukeren kan logge inn igjen.

# The built-in outbox
web-outbox-title = Utboks
web-outbox-intro = Denne serveren sender ikke e-post ut, men legger hver melding her slik mottakeren ville fått den, med sin personlige lenke.
web-outbox-to = Til { $to }
web-outbox-empty = Ingen meldinger ennå. Send invitasjoner fra en åpen runde.
web-outbox-transport = E-post legges i utboksen her i stedet for å sendes ut.
web-undelivered-title =
    { $count ->
        [one] Én melding kom ikke fram:
       *[other] { $count } meldinger kom ikke fram:
    }

# Rounds
web-round-copy = Ny runde fra denne
web-round-copy-help = Lager en ny runde med de samme innstillingene, spørsmålene, språkene og politiske organene. Personene på listen beholder sin identitet, så de to rundene kan sammenlignes.
web-round-copied = Den nye runden er laget. Se over datoene og åpne den når listen er klar.
web-round-remind-on = Automatisk påminnelse
web-round-remind-help = På denne datoen får alle som ikke har sendt inn, en påminnelse.
web-round-reminded = Påminnelsen ble sendt { $date }.

# Results
web-results-title = Resultater
web-results-closed-on = Runden ble avsluttet { $date }. Svarene er låst, og resultatene lages fra dem.
web-results-open = Se resultatene
web-back-to-round-named = Tilbake til { $name }
web-back-to-results = Tilbake til resultatene
web-rules-title = Analyseregler
web-rules-help = Reglene bestemmer hvordan svarene blir et nettverk. Rapporten sier hvilke regler som er brukt.
web-rules-combine = Når to personer svarer ulikt om samme kontakt
web-rules-combine-either = kontakt hvis minst én oppgir den (høyeste hyppighet; som i 2015)
web-rules-combine-both = kontakt bare hvis begge oppgir den (laveste hyppighet)
web-rules-combine-mean = kontakt hvis minst én oppgir den (gjennomsnittlig hyppighet)
web-rules-view = Nettverket på siden viser
web-rules-view-daily = daglig kontakt
web-rules-view-weekly = daglig og ukentlig kontakt
web-rules-view-all = all kontakt
web-rules-reconstruct = Personer som ikke svarte
web-rules-reconstruct-yes = tas med, med kontaktene andre oppga med dem
web-rules-reconstruct-no = utelates sammen med kontaktene sine
web-rules-show = Vis
web-rules-not-saved = Dette er ikke rundens lagrede regler. Rapportene bruker reglene du velger her når du laster ned.
web-rules-save = Lagre som rundens regler
web-downloads-title = Rapport og eksport
web-report-lang = Språk
web-report-named = Intern versjon med navn
web-report-named-help = Uten dette vises personer som funksjon og nummer («Tildeling 5»). Den interne versjonen sier på hver side at den inneholder navn, og nedlastingen logges.
web-report-pdf = Last ned rapport (PDF)
web-report-html = Rapport (HTML)
web-report-facts = Tallene i rapporten (JSON)
web-exports-title = Eksport for videre analyse
web-exports-help = Nettverket slik det ble rapportert, uten navn: personer har sitt faste pseudonym. Filene kan åpnes i UCINET, Gephi, Pajek eller R, og samspill analyze gir de samme tallene som denne siden.
web-export-graphml = Nettverk (GraphML, for Gephi, yEd, R)
web-export-gexf = Nettverk (GEXF, for Gephi)
web-export-pajek = Nettverk (Pajek .net)
web-export-dl = Nettverk (UCINET DL; hyppighet 1 = sjeldnere, 2 = månedlig, 3 = ukentlig, 4 = daglig, fordi UCINET leser 0 som ingen kontakt)
web-export-csv = Kontakter (CSV)
web-export-csv-nodes = Personer (CSV)
web-export-xlsx = Nettverk (Excel)
web-export-json = Nettverk (samspill JSON)
web-export-analysis = Analyse (JSON, som samspill analyze)
web-export-answers = Svarene (Excel, ett ark per spørsmål)
web-compare-title = Sammenligning av runder
web-compare-with = Sammenlign med { $name }

# Open answers
web-answers-title = Åpne svar
web-answers-status = { $total } åpne svar; { $quoted } kan siteres i rapporten, { $left } er ikke gjennomgått eller skal ikke siteres.
web-answers-review = Gå gjennom åpne svar
web-answers-help = Gi hvert svar et tema, og ta bort ord som kan identifisere noen før svaret siteres. Rapporten siterer bare gjennomgåtte svar og sier hvor mange som er utelatt.
web-answers-progress = { $reviewed } av { $total } er gjennomgått.
web-answers-reviewed = gjennomgått
web-answers-original = Slik det ble skrevet:
web-answers-quote-text = Tekst som kan siteres
web-answers-theme = Tema
web-answers-may-quote = Kan siteres i rapporten
web-answers-save = Lagre
web-answers-none = Ingen skrev åpne svar i denne runden.
