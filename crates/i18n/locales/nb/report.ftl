# samspill — rapporter (bokmål)

report-title = Samordning av boligsosialt arbeid i { $name }
report-subtitle = Nettverksundersøkelse { $round } · { $named ->
    [yes] personer vises med navn
   *[no] personer vises med funksjonskode
}
report-figure = Figur
report-table = Tabell
report-table-view = Vis som tabell
report-percent = { $value } %
report-dont-know = Vet ikke

## Kapitler
report-ch-summary = Sammendrag og veien videre
report-ch-way-forward = Spørsmål til arbeidsgruppa
report-ch-survey = Undersøkelsen
report-ch-network = Nettverket
report-ch-political = Politisk forankring
report-ch-ratings = Vurderinger og åpne svar
report-ch-method = Metode og forbehold
report-ch-appendix = Vedlegg: flere figurer

report-summary-intro = Her er hovedfunnene fra undersøkelsen, hvert med tallet det bygger på. Spørsmålene til slutt er ment som utgangspunkt for arbeidsgruppas videre arbeid.

## Sammendrag: én setning per regel
report-sum-response-good = Svarprosenten er god: { $respondents } av { $people } svarte ({ $rate }).
report-sum-response-fair = Svarprosenten er middels: { $respondents } av { $people } svarte ({ $rate }). Tolk tallene for funksjoner med få svar med varsomhet.
report-sum-response-low = Svarprosenten er lav: bare { $respondents } av { $people } svarte ({ $rate }). Det gjør det vanskelig å trekke sikre konklusjoner.
report-sum-integrated-all = Alle { $people } personene henger sammen i ett nettverk med daglig eller ukentlig kontakt.
report-sum-integrated-most = De fleste henger sammen: { $largest } av { $people } er i den samme sammenhengende delen med daglig eller ukentlig kontakt, mens { $outside } står utenfor den.
report-sum-integrated-poor = Nettverket er lite integrert: bare { $largest } av { $people } henger sammen med daglig eller ukentlig kontakt, og { $isolates ->
    [0] de andre er i mindre grupper for seg.
    [one] { $isolates } person har ingen daglig eller ukentlig kontakt med noen.
   *[other] { $isolates } personer har ingen daglig eller ukentlig kontakt med noen.
}
report-sum-no-clusters = { $scope ->
    [whole] Nettverket
   *[part] Den største sammenhengende delen ({ $largest } personer)
} deler seg ikke i tydelige klynger.
report-sum-clusters-robust = { $scope ->
    [whole] Nettverket
   *[part] Den største sammenhengende delen ({ $largest } personer)
} deler seg i { $clusters } klynger ({ $names }), men ingen enkeltperson er avgjørende for å holde dem sammen.
report-sum-clusters = { $scope ->
    [whole] Nettverket
   *[part] Den største sammenhengende delen ({ $largest } personer)
} deler seg i { $clusters } klynger ({ $names }). { $builders ->
    [one] Én brobygger binder dem sammen
   *[other] { $builders } brobyggere binder dem sammen
}: { $list }.
report-sum-chain-between = Mellom { $from } og { $to } går en kjede på { $people ->
    [2] to
    [3] tre
    [4] fire
    [5] fem
    [6] seks
   *[other] { $people }
} personer ({ $list }): informasjon må gå gjennom hvert ledd.
report-sum-chain = Nettverket har en kjede på { $people ->
    [4] fire
    [5] fem
    [6] seks
   *[other] { $people }
} personer ({ $list }) der hvert ledd er den eneste forbindelsen videre.
report-sum-isolated-functions = { $count ->
    [one] Én funksjon
   *[other] { $count } funksjoner
} har ingen med daglig eller ukentlig kontakt med de andre: { $list }.
report-sum-isolates = { $count ->
    [one] Én person
   *[other] { $count } personer
} har ingen daglig eller ukentlig kontakt med de andre: { $list }.
report-sum-shape-line = { $scope ->
    [whole] Nettverket
   *[part] Den største sammenhengende delen ({ $largest } personer)
} er langstrakt, med tendens til linjeform: den lengste avstanden er { $diameter } ledd. Ingen har god oversikt over helheten.
report-sum-shape-star = { $scope ->
    [whole] Nettverket
   *[part] Den største sammenhengende delen ({ $largest } personer)
} er stjerneformet rundt { $hub }, som kan samordne, men også blir en flaskehals.
report-sum-shape-compact = { $scope ->
    [whole] Nettverket
   *[part] Den største sammenhengende delen ({ $largest } personer)
} er kompakt: i gjennomsnitt er det { $distance } ledd mellom to personer, og den lengste avstanden er { $diameter } ledd.
report-sum-political = { $with } av { $respondents } som svarte, har kontakt med det politiske miljøet: { $gives } gir informasjon, og { $receives } får informasjon.
report-sum-political-weak = Den politiske kontakten er svak: bare { $with } av { $respondents } som svarte, har kontakt med det politiske miljøet; { $gives } gir informasjon, og { $receives } får informasjon.
report-sum-political-gap = Ingen av dem som svarte, har kontakt med { $list }.
report-sum-rating-good = Samordningen vurderes som ganske god: { $mean } av 6 i gjennomsnitt (N = { $n }, { $dontknow } svarte «vet ikke»).
report-sum-rating-middling = Samordningen vurderes som middels: { $mean } av 6 i gjennomsnitt (N = { $n }, { $dontknow } svarte «vet ikke»).
report-sum-rating-weak = Samordningen vurderes som svak: { $mean } av 6 i gjennomsnitt (N = { $n }, { $dontknow } svarte «vet ikke»).
report-sum-no-forum = Kommunen har ikke noe formelt forum for samordning av det boligsosiale arbeidet; de formelle møteplassene får { $mean } av 6.
report-sum-nonresp-independent = { $missing ->
    [one] Én person
   *[other] { $missing } personer
} har ikke svart, men ingen av brobyggerne er blant dem.
report-sum-nonresp-depends = { $count ->
    [one] Én
   *[other] { $count }
} av de { $builders } brobyggerne ({ $list }) har ikke svart selv; bildet av dem bygger på det andre har oppgitt.

## Spørsmål til arbeidsgruppa
report-q-outside = Hvordan kan { $count ->
    [one] den ene
   *[other] de { $count }
} som ikke har ukentlig kontakt med andre, trekkes inn i samarbeidet?
report-q-chain = Trenger endene av kjeden på { $people } personer en mer direkte kontakt, for eksempel et fast møtepunkt?
report-q-builders = Hva skjer hvis en av brobyggerne slutter eller er borte? Hvem kan være vara for dem?
report-q-clusters = Hvor møtes klyngene i dag, og trenger de en felles møteplass?
report-q-functions = Hvordan kan { $list } komme tettere på resten av nettverket?
report-q-forum = Bør kommunen opprette et fast forum for samordning av det boligsosiale arbeidet? Hvem skal sitte i det?
report-q-rating = Hva skal til for at samordningen får en bedre vurdering neste gang?
report-q-political = Hvordan kan politikerne få jevnlig informasjon om det boligsosiale arbeidet, og hvem har ansvaret for å gi den?
report-q-roster = Mangler noen på lista over personer i nettverket, eller er noen med som ikke burde være det?

## Undersøkelsen
report-survey-who = Undersøkelsen gikk til { $people } personer som kommunen definerte inn i det boligsosiale nettverket. De dekker til sammen { $functions } funksjoner, fordi noen har flere. { $respondents } svarte ({ $rate }).
report-table-functions = Personer per funksjon og svarprosent
report-col-function = Funksjon
report-col-persons = Personer
report-col-respondents = Svarte
report-col-rate = Svarprosent
report-total-functions = Totalt antall funksjoner
report-total-persons = Totalt antall personer i nettverket
report-survey-empty-functions = Ingen dekker disse funksjonene: { $list }. Vurder om noen burde vært med.
report-survey-several-functions = En person med flere funksjoner telles under hver av dem i tabellen. I figurene og funksjonskodene brukes den første funksjonen (hovedfunksjonen).

## Nettverket
report-network-intro = Nettverket viser hvem som har kontakt med hvem om boligsosialt arbeid. Vi viser to bilder: bare daglig kontakt, og daglig og ukentlig kontakt.
report-view-daily = Daglig kontakt
report-view-weekly = Daglig og ukentlig kontakt
report-table-measures-daily = Nøkkeltall, daglig kontakt
report-table-measures-weekly = Nøkkeltall, daglig og ukentlig kontakt
report-col-measure = Mål
report-col-value = Verdi
report-m-people = Personer
report-m-ties = Kontakter
report-m-density = Tetthet (andel av mulige kontakter)
report-m-largest = Personer i den største sammenhengende delen
report-m-isolates = Personer uten kontakt
report-m-diameter = Lengste avstand i den største delen (ledd)
report-m-distance = Gjennomsnittlig avstand i den største delen (ledd)
report-m-clusters = Klynger
report-m-builders = Brobyggere
report-m-star = Stjernetendens i den største delen (0–1)
report-m-line = Linjetendens i den største delen (0–1)
report-clusters-intro = { $count ->
    [one] Nettverket har én klynge
   *[other] Nettverket har { $count } klynger
}, oppkalt etter enheten de fleste i klynga hører til:
report-cluster-item = { $name } ({ $count } personer): { $list }
report-builders-none = Ingen enkeltpersoner er avgjørende for å holde nettverket sammen.
report-table-builders-daily = Brobyggere, daglig kontakt (* = har ikke svart)
report-table-builders-weekly = Brobyggere, daglig og ukentlig kontakt (* = har ikke svart)
report-col-person = Person
report-col-why = Hvorfor brobygger
report-reason-splits = uten denne personen faller nettverket fra hverandre
report-reason-lengthens = uten denne personen blir avstandene minst 10 % lengre
report-reason-carries = minst en firedel av korteste veier mellom grupper går gjennom denne personen
report-isolates-daily = { $count ->
    [one] Én person
   *[other] { $count } personer
} har ingen daglig kontakt: { $list }.
report-isolates-weekly = { $count ->
    [one] Én person
   *[other] { $count } personer
} har verken daglig eller ukentlig kontakt: { $list }.
report-shape-heading = Nettverkets form
report-shape-star = Stjerneformet: én person i midten har kontakt med de andre, som ikke har mye kontakt seg imellom. Personen i midten kan samordne, men blir også en flaskehals og et sårbart punkt.
report-shape-circle = Sirkulært: alle har kontakt med noen få og like god tilgang til informasjon, men ingen har rollen som samordner.
report-shape-line = Linjeformet: informasjon må gå gjennom mange ledd. Denne formen har ingen egentlige styrker: veiene er lange, og ingen kan samordne helheten.
report-shape-no-perfect = Det finnes ikke ett perfekt nettverk. Om formen er god, avhenger av hva kommunen vil oppnå: strategisk samordning og operativ samhandling trenger ulike nettverk.

## Politisk forankring
report-political-intro = Respondentene ble spurt om kontakten med det politiske miljøet: { $bodies }.
report-political-none = Undersøkelsen spurte ikke om kontakt med politiske organer.
report-table-political = Antall personer med kontakt, etter politisk organ og type kontakt
report-table-political-who = Hvem har kontakt med hvilke organer
report-col-body = Politisk organ
report-col-contact = Kontakt
report-contact-receives-information = Får informasjon
report-contact-gives-information = Gir informasjon
report-contact-political-discussion = Politisk diskusjon
report-contact-professional-discussion = Faglig diskusjon
report-political-caveat = De som ikke har svart på undersøkelsen, er ikke med i tallene for politisk kontakt.

## Vurderinger og åpne svar
report-ratings-intro = Respondentene vurderte på en skala fra 1 (svært dårlig) til 6 (svært godt). Gjennomsnittet regnes uten «vet ikke», som vises for seg.
report-rating-coordination = Hvor godt fungerer samordningen av det boligsosiale arbeidet?
report-rating-meeting-places = Hvor godt fungerer de formelle møteplassene?
report-rating-mean = Gjennomsnitt { $mean } av 6 (N = { $n }; { $dontknow } svarte «vet ikke»).
report-rating-none = Ingen svar på dette spørsmålet.
report-rating-no-forum = Kommunen har ikke noe formelt samordningsforum; vurderingen av møteplassene gjelder de møtene som finnes.
report-table-rating-coordination = Svarfordeling, samordning
report-table-rating-meeting-places = Svarfordeling, formelle møteplasser
report-col-answer = Svar
report-col-count = Antall
report-col-share = Andel
report-open-heading = Åpne svar etter tema
report-open-intro = Svarene er gruppert etter tema. Tallet i parentes er hvor mange svar temaet fikk; like svar er slått sammen.
report-open-question = { $question } ({ $count } svar)
report-open-theme = { $theme } ({ $count }): { $quotes }
report-open-q-strengths = De to viktigste styrkene i det boligsosiale arbeidet
report-open-q-challenges = De to største utfordringene i det boligsosiale arbeidet
report-open-q-coordination = Utfordringer knyttet til samordning
report-open-q-responsibility = Utfordringer knyttet til ansvarsavklaring
report-open-q-turnover = Utfordringer knyttet til omløp i kommunale boliger
report-open-q-refugees = Utfordringer knyttet til bosetting av flyktninger
report-open-q-focus = Utfordringer knyttet til å skape fokus
report-theme-housing-shortage = Mangel på egnede boliger
report-theme-cooperation = Samarbeid og ansvarsavklaring
report-theme-plan-strategy = Plan og strategi
report-theme-follow-up = Oppfølging av brukere
report-theme-competence = Kompetanse og engasjement
report-theme-resources = Tid og ressurser
report-theme-meeting-places = Møteplasser og informasjon
report-theme-refugees = Bosetting av flyktninger
report-theme-other = Annet

## Metode
report-method-rule = Kombinasjonsregel: to personer kan oppgi samme kontakt ulikt.
report-method-threshold = Terskel: figurene og tallene viser daglig kontakt og daglig og ukentlig kontakt. Månedlig og sjeldnere kontakt er ikke med.
report-method-ties = Av { $ties } kontakter med daglig eller ukentlig kontakt er { $confirmed } ({ $share }) bekreftet av begge, { $onesided } oppgitt av bare én av to som begge svarte, og { $reconstructed } bygger på det andre oppga om en som ikke svarte.
report-method-nonresp = { $missing } personer svarte ikke. De er med i nettverket med kontaktene andre oppga med dem (rekonstruksjon). Tabellen viser hva som endrer seg om de tas ut.
report-table-reconstruction = Daglig og ukentlig kontakt med og uten dem som ikke svarte
report-col-with = Med rekonstruksjon
report-col-without = Uten dem som ikke svarte
report-method-builders-change = Uten dem som ikke svarte, er { $lost } av brobyggerne som svarte, ikke lenger brobyggere ({ $lostlist }), og { $gained } blir nye brobyggere ({ $gainedlist }).
report-method-builders-rules = Brobygger er den som oppfyller minst én av tre regler: uten personen faller nettverket fra hverandre; uten personen blir avstandene mellom de andre minst 10 % lengre; eller minst en firedel av de korteste veiene mellom grupper går gjennom personen. Gruppene er funnet med Louvain-metoden med fast startverdi.
report-method-conventions = Målene følger definisjonene i NetworkX 3. Avstander er antall ledd i den største sammenhengende delen.
report-method-pseudonyms = Personene vises med funksjonskode og nummer (for eksempel «Tildeling 2»), ikke med navn.

## Funksjoner
report-fn-name-economic = Økonomiske virkemidler/rådgivning
report-fn-name-services = Tjenester i bolig
report-fn-name-allocation = Tildeling av bolig
report-fn-name-tenancy = Husleiekontrakter
report-fn-name-development = Utbygging
report-fn-name-procurement = Framskaffe boliger
report-fn-name-land-use = Arealplanlegging
report-fn-name-maintenance = Drift og vedlikehold
report-fn-name-housing-planning = Boligsosial planlegging
report-fn-name-community-planning = Samfunnsplanlegging
report-fn-name-politician = Politisk folkevalgt

## Rapport for programmet (på tvers av kommuner)
report-yes = ja
report-no = nei
report-prog-title = { $name }: samordning av boligsosialt arbeid
report-prog-subtitle = Sammenstilling for { $count } kommuner · personer vises med funksjonskode
report-prog-ch-overview = Oversikt
report-prog-intro = Rapporten stiller sammen resultatene fra { $count } kommuner. Til sammen ble { $people } personer spurt, og { $respondents } svarte.
report-prog-table-response = Svarprosent per kommune
report-prog-col-municipality = Kommune
report-prog-col-forum = Formelt samordningsforum
report-prog-table-functions = Personer per funksjon i hver kommune
report-prog-ch-ratings = Vurderinger
report-prog-table-ratings = Gjennomsnittlig vurdering (1–6, uten «vet ikke») og antall svar (N)
report-prog-col-coordination = Samordning
report-prog-col-meetings = Møteplasser
report-prog-suppressed = Gjennomsnitt for grupper med færre enn { $min } svar vises ikke (–), for å verne den enkelte.
report-prog-ch-networks = Nettverkene side om side
report-prog-table-networks = Daglig og ukentlig kontakt: nøkkeltall per kommune
report-prog-col-connected = Andel i største del
report-prog-col-chain = Lengste kjede (personer)
report-prog-figures = Figurene viser daglig og ukentlig kontakt i hver kommune, tegnet med samme målestokk.

## Sammenligning av to runder
report-wave-title = Endringer i nettverket i { $name }
report-wave-subtitle = Runde { $from } sammenlignet med runde { $to } · { $named ->
    [yes] personer vises med navn
   *[no] personer vises med funksjonskode
}
report-wave-ch-people = Hva har endret seg
report-wave-ties = Blant dem som var med begge gangene, kom { $gained } nye kontakter med daglig eller ukentlig kontakt til, { $lost } falt bort, og { $kept } besto.
report-wave-table-measures = Nøkkeltall, daglig og ukentlig kontakt, i begge rundene
report-wave-col-change = Endring
report-wave-rating = Samordningen fikk { $before } av 6 (N = { $nbefore }) i første runde og { $after } av 6 (N = { $nafter }) i andre.
report-wave-table-people = Personene med flest endrede kontakter
report-wave-col-gained = Nye kontakter
report-wave-col-lost = Tapte kontakter
report-wave-note = Personer følges mellom rundene med en fast identitet, ikke med navn eller plass i lista.

## Figurer
report-fig-daily = Daglig kontakt i { $name }
report-fig-weekly = Daglig og ukentlig kontakt i { $name }
report-fig-matrix = Kontakt mellom funksjonene (daglig og ukentlig)
report-fig-political = Kontakt med det politiske miljøet, etter type kontakt
report-fig-waves = Daglig og ukentlig kontakt, runde { $from } og { $to }

## Kommandolinja
report-cli-needs-demo = samspill report lager foreløpig bare demorapportene: bruk --demo
report-cli-demo-programme = Demoprogrammet
