# The service: operator pages, results, exports, the outbox (web-*).


# Errors
web-error-repeated-field = Formularen sendte det samme felt flere gange. Genindlæs siden, og prøv igen.
web-error-too-large = Det indsendte er for stort. Filer må højst fylde 5 MB.
web-error-bad-query = Adressen indeholder en værdi, der ikke giver mening her. Gå tilbage, og prøv igen.
web-error-incomplete = Svarene er ikke fuldstændige endnu.
web-results-not-closed = Resultaterne laves først, når runden er afsluttet, så de bygger på alle svar og ikke ændrer sig bagefter. Afslut runden på rundesiden.
web-results-bad-rules = Ukendt analyseregel. Vælg blandt mulighederne på resultatsiden.
web-login-busy = Mange logger ind lige nu. Vent et par sekunder, og prøv igen.
web-problem-unreadable-file = Filen kunne ikke læses som CSV eller Excel-projektmappe. Gem listen igen som .xlsx eller .csv (semikolon eller komma), og prøv igen.

# Navigation and roles
web-nav-operator = Drift
web-role-coordinator = koordinator
web-role-funder = rådgiver hos bevillingsgiver
web-role-evaluator = evaluator
web-role-operator = driftsansvarlig

# Operator pages
web-op-title = Drift: kommuner og brugere
web-op-intro = Her opretter du kommuner og boligområder og deres brugere. Driftsansvarlige ser ingen svar fra undersøgelserne.
web-op-user-created = Brugeren { $email } er oprettet.
web-op-password-reset = Ny adgangskode til { $email }.
web-op-password-once = Giv adgangskoden til brugeren på en sikker måde. Den vises kun denne ene gang:
web-op-tenants = Kommuner og boligområder
web-op-slug = Kortnavn
web-op-slug-help = Små bogstaver a–z, cifre og bindestreg, fx «aarhus-gellerup». Bruges i kommandoer og kan ikke ændres.
web-op-name = Navn
web-op-kind = Type
web-op-kind-municipality = kommune
web-op-kind-housing_area = boligområde (helhedsplan)
web-op-status = Status
web-op-actions = Handlinger
web-op-active = i brug
web-op-inactive = deaktiveret
web-op-new-name = Nyt navn til { $name }
web-op-rename = Omdøb
web-op-deactivate = Deaktivér
web-op-activate = Aktivér
web-op-no-tenants = Ingen kommuner endnu. Opret den første nedenfor.
web-op-tenant-new = Ny kommune eller nyt boligområde
web-op-create = Opret
web-op-users = Brugere
web-op-role = Rolle
web-op-tenant = Kommune
web-op-tenant-help = Koordinatorer, rådgivere og evaluatorer hører til en kommune; driftsansvarlige til ingen.
web-op-reset = Ny adgangskode
web-op-user-new = Ny bruger
web-op-exists = Kortnavnet eller e-mailadressen er allerede i brug.
web-op-not-yourself = Du kan ikke deaktivere din egen bruger.
web-op-done-tenant-created = Kommunen er oprettet.
web-op-done-tenant-renamed = Navnet er ændret.
web-op-done-tenant-deactivated = Kommunen er deaktiveret: brugerne kan ikke logge ind, og linkene modtager ikke svar. Intet er slettet.
web-op-done-tenant-activated = Kommunen er i brug igen.
web-op-done-user-deactivated = Brugeren er deaktiveret og logget ud.
web-op-done-user-activated = Brugeren kan logge ind igen.

# The built-in outbox
web-outbox-title = Udbakke
web-outbox-intro = Denne server sender ikke e-mail ud, men lægger hver besked her, som modtageren ville have fået den, med sit personlige link.
web-outbox-to = Til { $to }
web-outbox-empty = Ingen beskeder endnu. Send invitationer fra en åben runde.
web-outbox-transport = E-mail lægges i udbakken her i stedet for at blive sendt.
web-undelivered-title =
    { $count ->
        [one] Én besked kom ikke frem:
       *[other] { $count } beskeder kom ikke frem:
    }

# Rounds
web-round-copy = Ny runde ud fra denne
web-round-copy-help = Laver en ny runde med de samme indstillinger, spørgsmål, sprog og politiske organer. Personerne på listen beholder deres identitet, så de to runder kan sammenlignes.
web-round-copied = Den nye runde er oprettet. Se datoerne igennem, og åbn den, når listen er klar.
web-round-remind-on = Automatisk påmindelse
web-round-remind-help = På denne dato får alle, der ikke har sendt ind, en påmindelse.
web-round-reminded = Påmindelsen blev sendt { $date }.

# Results
web-results-title = Resultater
web-results-closed-on = Runden blev afsluttet { $date }. Svarene er låst, og resultaterne laves ud fra dem.
web-results-open = Se resultaterne
web-back-to-round-named = Tilbage til { $name }
web-back-to-results = Tilbage til resultaterne
web-rules-title = Analyseregler
web-rules-help = Reglerne bestemmer, hvordan svarene bliver til et netværk. Rapporten siger, hvilke regler der er brugt.
web-rules-combine = Når to personer svarer forskelligt om samme kontakt
web-rules-combine-either = kontakt, hvis mindst én angiver den (højeste hyppighed; som i 2015)
web-rules-combine-both = kontakt kun, hvis begge angiver den (laveste hyppighed)
web-rules-combine-mean = kontakt, hvis mindst én angiver den (gennemsnitlig hyppighed)
web-rules-view = Netværket på siden viser
web-rules-view-daily = daglig kontakt
web-rules-view-weekly = daglig og ugentlig kontakt
web-rules-view-all = al kontakt
web-rules-reconstruct = Personer, der ikke svarede
web-rules-reconstruct-yes = medtages med de kontakter, andre angav med dem
web-rules-reconstruct-no = udelades sammen med deres kontakter
web-rules-show = Vis
web-rules-not-saved = Dette er ikke rundens gemte regler. Rapporterne bruger de regler, du vælger her, når du downloader.
web-rules-save = Gem som rundens regler
web-downloads-title = Rapport og eksport
web-report-lang = Sprog
web-report-named = Intern version med navne
web-report-named-help = Uden dette vises personer som funktion og nummer («Tildeling 5»). Den interne version siger på hver side, at den indeholder navne, og download logges.
web-report-pdf = Download rapport (PDF)
web-report-html = Rapport (HTML)
web-report-facts = Tallene i rapporten (JSON)
web-exports-title = Eksport til videre analyse
web-exports-help = Netværket som rapporteret, uden navne: personer har deres faste pseudonym. Filerne kan åbnes i UCINET, Gephi, Pajek eller R, og samspill analyze giver de samme tal som denne side.
web-export-graphml = Netværk (GraphML, til Gephi, yEd, R)
web-export-gexf = Netværk (GEXF, til Gephi)
web-export-pajek = Netværk (Pajek .net)
web-export-dl = Netværk (UCINET DL; hyppighed 1 = sjældnere, 2 = månedligt, 3 = ugentligt, 4 = dagligt, fordi UCINET læser 0 som ingen kontakt)
web-export-csv = Kontakter (CSV)
web-export-csv-nodes = Personer (CSV)
web-export-xlsx = Netværk (Excel)
web-export-json = Netværk (samspill JSON)
web-export-analysis = Analyse (JSON, som samspill analyze)
web-export-answers = Svarene (Excel, ét ark pr. spørgsmål)
web-compare-title = Sammenligning af runder
web-compare-with = Sammenlign med { $name }

# Open answers
web-answers-title = Åbne svar
web-answers-status = { $total } åbne svar; { $quoted } kan citeres i rapporten, { $left } er ikke gennemgået eller skal ikke citeres.
web-answers-review = Gennemgå åbne svar
web-answers-help = Giv hvert svar et tema, og fjern ord, der kan identificere nogen, før svaret citeres. Rapporten citerer kun gennemgåede svar og siger, hvor mange der er udeladt.
web-answers-progress = { $reviewed } af { $total } er gennemgået.
web-answers-reviewed = gennemgået
web-answers-original = Som det blev skrevet:
web-answers-quote-text = Tekst, der kan citeres
web-answers-theme = Tema
web-answers-may-quote = Kan citeres i rapporten
web-answers-save = Gem
web-answers-none = Ingen skrev åbne svar i denne runde.
