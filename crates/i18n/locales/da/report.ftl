# samspill — rapporter (dansk)

report-title = Koordinering af det boligsociale arbejde i { $name }
report-subtitle = Netværksundersøgelse { $round } · { $named ->
    [yes] personer vises med navn
   *[no] personer vises med funktionskode
}
report-figure = Figur
report-table = Tabel
report-table-view = Vis som tabel
report-percent = { $value } %
report-dont-know = Ved ikke

## Kapitler
report-ch-summary = Sammenfatning og vejen frem
report-ch-way-forward = Spørgsmål til arbejdsgruppen
report-ch-survey = Undersøgelsen
report-ch-network = Netværket
report-ch-political = Politisk forankring
report-ch-ratings = Vurderinger og åbne svar
report-ch-method = Metode og forbehold
report-ch-appendix = Bilag: flere figurer

report-summary-intro = Her er undersøgelsens hovedresultater, hvert med det tal, det bygger på. Spørgsmålene til sidst er tænkt som udgangspunkt for arbejdsgruppens videre arbejde.

## Sammenfatning: én sætning pr. regel
report-sum-response-good = Svarprocenten er god: { $respondents } af { $people } svarede ({ $rate }).
report-sum-response-fair = Svarprocenten er middel: { $respondents } af { $people } svarede ({ $rate }). Tolk tallene for funktioner med få svar varsomt.
report-sum-response-low = Svarprocenten er lav: kun { $respondents } af { $people } svarede ({ $rate }). Det gør det svært at drage sikre konklusioner.
report-sum-integrated-all = Alle { $people } personer hænger sammen i ét netværk med daglig eller ugentlig kontakt.
report-sum-integrated-most = De fleste hænger sammen: { $largest } af { $people } er i den samme sammenhængende del med daglig eller ugentlig kontakt, mens { $outside } står uden for den.
report-sum-integrated-poor = Netværket er dårligt integreret: kun { $largest } af { $people } hænger sammen med daglig eller ugentlig kontakt, og { $isolates ->
    [0] de andre er i mindre grupper for sig.
    [one] { $isolates } person har ingen daglig eller ugentlig kontakt med nogen.
   *[other] { $isolates } personer har ingen daglig eller ugentlig kontakt med nogen.
}
report-sum-no-clusters = { $scope ->
    [whole] Netværket
   *[part] Den største sammenhængende del ({ $largest } personer)
} deler sig ikke i tydelige klynger.
report-sum-clusters-robust = { $scope ->
    [whole] Netværket
   *[part] Den største sammenhængende del ({ $largest } personer)
} deler sig i { $clusters } klynger ({ $names }), men ingen enkeltperson er afgørende for at holde dem sammen.
report-sum-clusters = { $scope ->
    [whole] Netværket
   *[part] Den største sammenhængende del ({ $largest } personer)
} deler sig i { $clusters } klynger ({ $names }). { $builders ->
    [one] Én brobygger binder dem sammen
   *[other] { $builders } brobyggere binder dem sammen
}: { $list }.
report-sum-chain-between = Mellem { $from } og { $to } går en kæde på { $people ->
    [2] to
    [3] tre
    [4] fire
    [5] fem
    [6] seks
   *[other] { $people }
} personer ({ $list }): information skal gennem hvert led.
report-sum-chain = Netværket har en kæde på { $people ->
    [4] fire
    [5] fem
    [6] seks
   *[other] { $people }
} personer ({ $list }), hvor hvert led er den eneste forbindelse videre.
report-sum-isolated-functions = { $count ->
    [one] Én funktion
   *[other] { $count } funktioner
} har ingen med daglig eller ugentlig kontakt med de andre: { $list }.
report-sum-isolates = { $count ->
    [one] Én person
   *[other] { $count } personer
} har ingen daglig eller ugentlig kontakt med de andre: { $list }.
report-sum-shape-line = { $scope ->
    [whole] Netværket
   *[part] Den største sammenhængende del ({ $largest } personer)
} er aflang med tendens til linjeform: den længste afstand er { $diameter } led. Ingen har godt overblik over helheden.
report-sum-shape-star = { $scope ->
    [whole] Netværket
   *[part] Den største sammenhængende del ({ $largest } personer)
} er stjerneformet omkring { $hub }, som kan koordinere, men også bliver en flaskehals.
report-sum-shape-compact = { $scope ->
    [whole] Netværket
   *[part] Den største sammenhængende del ({ $largest } personer)
} er kompakt: i gennemsnit er der { $distance } led mellem to personer, og den længste afstand er { $diameter } led.
report-sum-political = { $with } af de { $respondents }, der svarede, har kontakt med det politiske miljø: { $gives } giver information, og { $receives } får information.
report-sum-political-weak = Den politiske kontakt er svag: kun { $with } af de { $respondents }, der svarede, har kontakt med det politiske miljø; { $gives } giver information, og { $receives } får information.
report-sum-political-gap = Ingen af dem, der svarede, har kontakt med { $list }.
report-sum-rating-good = Koordineringen vurderes som ret god: { $mean } af 6 i gennemsnit (N = { $n }, { $dontknow } svarede »ved ikke«).
report-sum-rating-middling = Koordineringen vurderes som middel: { $mean } af 6 i gennemsnit (N = { $n }, { $dontknow } svarede »ved ikke«).
report-sum-rating-weak = Koordineringen vurderes som svag: { $mean } af 6 i gennemsnit (N = { $n }, { $dontknow } svarede »ved ikke«).
report-sum-no-forum = Kommunen har intet formelt forum for koordinering af det boligsociale arbejde; de formelle mødesteder får { $mean } af 6.
report-sum-nonresp-independent = { $missing ->
    [one] Én person
   *[other] { $missing } personer
} har ikke svaret, men ingen af brobyggerne er blandt dem.
report-sum-nonresp-depends = { $count ->
    [one] Én
   *[other] { $count }
} af de { $builders } brobyggere ({ $list }) har ikke selv svaret; billedet af dem bygger på, hvad andre har oplyst.

## Spørgsmål til arbejdsgruppen
report-q-outside = Hvordan kan { $count ->
    [one] den ene
   *[other] de { $count }
}, der ikke har ugentlig kontakt med andre, inddrages i samarbejdet?
report-q-chain = Har enderne af kæden på { $people } personer brug for mere direkte kontakt, for eksempel et fast mødepunkt?
report-q-builders = Hvad sker der, hvis en af brobyggerne stopper eller er væk? Hvem kan træde til?
report-q-clusters = Hvor mødes klyngerne i dag, og har de brug for et fælles mødested?
report-q-functions = Hvordan kan { $list } komme tættere på resten af netværket?
report-q-forum = Bør kommunen oprette et fast forum for koordinering af det boligsociale arbejde? Hvem skal sidde i det?
report-q-rating = Hvad skal der til, for at koordineringen får en bedre vurdering næste gang?
report-q-political = Hvordan kan politikerne få løbende information om det boligsociale arbejde, og hvem har ansvaret for at give den?
report-q-roster = Mangler nogen på listen over personer i netværket, eller er nogen med, som ikke burde være det?

## Undersøgelsen
report-survey-who = Undersøgelsen gik til { $people } personer, som kommunen regnede med i det boligsociale netværk. De dækker tilsammen { $functions } funktioner, fordi nogle har flere. { $respondents } svarede ({ $rate }).
report-table-functions = Personer pr. funktion og svarprocent
report-col-function = Funktion
report-col-persons = Personer
report-col-respondents = Svarede
report-col-rate = Svarprocent
report-total-functions = Samlet antal funktioner
report-total-persons = Samlet antal personer i netværket
report-survey-empty-functions = Ingen dækker disse funktioner: { $list }. Overvej, om nogen burde have været med.
report-survey-several-functions = En person med flere funktioner tælles under hver af dem i tabellen. I figurerne og funktionskoderne bruges den første funktion (hovedfunktionen).

## Netværket
report-network-intro = Netværket viser, hvem der har kontakt med hvem om boligsocialt arbejde. Vi viser to billeder: kun daglig kontakt samt daglig og ugentlig kontakt.
report-view-daily = Daglig kontakt
report-view-weekly = Daglig og ugentlig kontakt
report-table-measures-daily = Nøgletal, daglig kontakt
report-table-measures-weekly = Nøgletal, daglig og ugentlig kontakt
report-col-measure = Mål
report-col-value = Værdi
report-m-people = Personer
report-m-ties = Kontakter
report-m-density = Tæthed (andel af mulige kontakter)
report-m-largest = Personer i den største sammenhængende del
report-m-isolates = Personer uden kontakt
report-m-diameter = Længste afstand i den største del (led)
report-m-distance = Gennemsnitlig afstand i den største del (led)
report-m-clusters = Klynger
report-m-builders = Brobyggere
report-m-star = Stjernetendens i den største del (0–1)
report-m-line = Linjetendens i den største del (0–1)
report-clusters-intro = { $count ->
    [one] Netværket har én klynge
   *[other] Netværket har { $count } klynger
}, opkaldt efter den enhed, de fleste i klyngen hører til:
report-cluster-item = { $name } ({ $count } personer): { $list }
report-builders-none = Ingen enkeltpersoner er afgørende for at holde netværket sammen.
report-table-builders-daily = Brobyggere, daglig kontakt (* = har ikke svaret)
report-table-builders-weekly = Brobyggere, daglig og ugentlig kontakt (* = har ikke svaret)
report-col-person = Person
report-col-why = Hvorfor brobygger
report-reason-splits = uden denne person falder netværket fra hinanden
report-reason-lengthens = uden denne person bliver afstandene mindst 10 % længere
report-reason-carries = mindst en fjerdedel af de korteste veje mellem grupper går gennem denne person
report-isolates-daily = { $count ->
    [one] Én person
   *[other] { $count } personer
} har ingen daglig kontakt: { $list }.
report-isolates-weekly = { $count ->
    [one] Én person
   *[other] { $count } personer
} har hverken daglig eller ugentlig kontakt: { $list }.
report-shape-heading = Netværkets form
report-shape-star = Stjerneformet: én person i midten har kontakt med de andre, som ikke har megen kontakt indbyrdes. Personen i midten kan koordinere, men bliver også en flaskehals og et sårbart punkt.
report-shape-circle = Cirkulært: alle har kontakt med nogle få og lige god adgang til information, men ingen har rollen som koordinator.
report-shape-line = Linjeformet: information skal gennem mange led. Denne form har ingen egentlige styrker: vejene er lange, og ingen kan koordinere helheden.
report-shape-no-perfect = Der findes ikke ét perfekt netværk. Om formen er god, afhænger af, hvad kommunen vil opnå: strategisk koordinering og operativt samarbejde kræver forskellige netværk.

## Politisk forankring
report-political-intro = Respondenterne blev spurgt om kontakten med det politiske miljø: { $bodies }.
report-political-none = Undersøgelsen spurgte ikke om kontakt med politiske organer.
report-table-political = Antal personer med kontakt, efter politisk organ og type kontakt
report-table-political-who = Hvem har kontakt med hvilke organer
report-col-body = Politisk organ
report-col-contact = Kontakt
report-contact-receives-information = Får information
report-contact-gives-information = Giver information
report-contact-political-discussion = Politisk drøftelse
report-contact-professional-discussion = Faglig drøftelse
report-political-caveat = De, der ikke har svaret på undersøgelsen, indgår ikke i tallene for politisk kontakt.

## Vurderinger og åbne svar
report-ratings-intro = Respondenterne vurderede på en skala fra 1 (meget dårligt) til 6 (meget godt). Gennemsnittet beregnes uden »ved ikke«, som vises for sig.
report-rating-coordination = Hvor godt fungerer koordineringen af det boligsociale arbejde?
report-rating-meeting-places = Hvor godt fungerer de formelle mødesteder?
report-rating-mean = Gennemsnit { $mean } af 6 (N = { $n }; { $dontknow } svarede »ved ikke«).
report-rating-none = Ingen svar på dette spørgsmål.
report-rating-no-forum = Kommunen har intet formelt koordineringsforum; vurderingen af mødestederne gælder de møder, der findes.
report-table-rating-coordination = Svarfordeling, koordinering
report-table-rating-meeting-places = Svarfordeling, formelle mødesteder
report-col-answer = Svar
report-col-count = Antal
report-col-share = Andel
report-open-heading = Åbne svar efter tema
report-open-intro = Svarene er grupperet efter tema. Tallet i parentes er, hvor mange svar temaet fik; ens svar er slået sammen.
report-open-question = { $question } ({ $count } svar)
report-open-theme = { $theme } ({ $count }): { $quotes }
report-open-q-strengths = De to vigtigste styrker i det boligsociale arbejde
report-open-q-challenges = De to største udfordringer i det boligsociale arbejde
report-open-q-coordination = Udfordringer ved koordinering
report-open-q-responsibility = Udfordringer ved ansvarsafklaring
report-open-q-turnover = Udfordringer ved udskiftning i kommunale boliger
report-open-q-refugees = Udfordringer ved boligplacering af flygtninge
report-open-q-focus = Udfordringer ved at skabe fokus
report-theme-housing-shortage = Mangel på egnede boliger
report-theme-cooperation = Samarbejde og ansvarsafklaring
report-theme-plan-strategy = Plan og strategi
report-theme-follow-up = Opfølgning af beboere
report-theme-competence = Kompetence og engagement
report-theme-resources = Tid og ressourcer
report-theme-meeting-places = Mødesteder og information
report-theme-refugees = Boligplacering af flygtninge
report-theme-other = Andet

## Metode
report-method-rule = Kombinationsregel: to personer kan oplyse samme kontakt forskelligt.
report-method-threshold = Tærskel: figurerne og tallene viser daglig kontakt samt daglig og ugentlig kontakt. Månedlig og sjældnere kontakt er ikke med.
report-method-ties = Af { $ties } daglige eller ugentlige kontakter er { $confirmed } ({ $share }) bekræftet af begge, { $onesided } oplyst af kun én af to, der begge svarede, og { $reconstructed } bygger på, hvad andre oplyste om en, der ikke svarede.
report-method-nonresp = { $missing } personer svarede ikke. De er med i netværket med de kontakter, andre oplyste med dem (rekonstruktion). Tabellen viser, hvad der ændrer sig, hvis de tages ud.
report-table-reconstruction = Daglig og ugentlig kontakt med og uden dem, der ikke svarede
report-col-with = Med rekonstruktion
report-col-without = Uden dem, der ikke svarede
report-method-builders-change = Uden dem, der ikke svarede, er { $lost } af de brobyggere, der svarede, ikke længere brobyggere ({ $lostlist }), og { $gained } bliver nye brobyggere ({ $gainedlist }).
report-method-builders-rules = En brobygger opfylder mindst én af tre regler: uden personen falder netværket fra hinanden; uden personen bliver afstandene mellem de andre mindst 10 % længere; eller mindst en fjerdedel af de korteste veje mellem grupper går gennem personen. Grupperne er fundet med Louvain-metoden med fast startværdi.
report-method-conventions = Målene følger definitionerne i NetworkX 3. Afstande er antal led i den største sammenhængende del.
report-method-pseudonyms = Personerne vises med funktionskode og nummer (for eksempel »Anvisning 2«), ikke med navn.

## Funktioner
report-fn-name-economic = Økonomiske virkemidler/rådgivning
report-fn-name-services = Tilbud i boligen
report-fn-name-allocation = Boliganvisning
report-fn-name-tenancy = Lejekontrakter
report-fn-name-development = Byggeri
report-fn-name-procurement = Fremskaffelse af boliger
report-fn-name-land-use = Arealplanlægning
report-fn-name-maintenance = Drift og vedligeholdelse
report-fn-name-housing-planning = Boligsocial planlægning
report-fn-name-community-planning = Samfundsplanlægning
report-fn-name-politician = Folkevalgt politiker

## Rapport for programmet (på tværs af kommuner)
report-yes = ja
report-no = nej
report-prog-title = { $name }: koordinering af det boligsociale arbejde
report-prog-subtitle = Sammenstilling for { $count } kommuner · personer vises med funktionskode
report-prog-ch-overview = Overblik
report-prog-intro = Rapporten stiller resultaterne fra { $count } kommuner sammen. I alt blev { $people } personer spurgt, og { $respondents } svarede.
report-prog-table-response = Svarprocent pr. kommune
report-prog-col-municipality = Kommune
report-prog-col-forum = Formelt koordineringsforum
report-prog-table-functions = Personer pr. funktion i hver kommune
report-prog-ch-ratings = Vurderinger
report-prog-table-ratings = Gennemsnitlig vurdering (1–6, uden »ved ikke«) og antal svar (N)
report-prog-col-coordination = Koordinering
report-prog-col-meetings = Mødesteder
report-prog-suppressed = Gennemsnit for grupper med færre end { $min } svar vises ikke (–) af hensyn til den enkelte.
report-prog-ch-networks = Netværkene side om side
report-prog-table-networks = Daglig og ugentlig kontakt: nøgletal pr. kommune
report-prog-col-connected = Andel i største del
report-prog-col-chain = Længste kæde (personer)
report-prog-figures = Figurerne viser daglig og ugentlig kontakt i hver kommune, tegnet i samme målestok.

## Sammenligning af to runder
report-wave-title = Ændringer i netværket i { $name }
report-wave-subtitle = Runde { $from } sammenlignet med runde { $to } · { $named ->
    [yes] personer vises med navn
   *[no] personer vises med funktionskode
}
report-wave-ch-people = Hvad har ændret sig
report-wave-ties = Blandt dem, der var med begge gange, kom { $gained } nye daglige eller ugentlige kontakter til, { $lost } faldt bort, og { $kept } bestod.
report-wave-table-measures = Nøgletal, daglig og ugentlig kontakt, i begge runder
report-wave-col-change = Ændring
report-wave-rating = Koordineringen fik { $before } af 6 (N = { $nbefore }) i første runde og { $after } af 6 (N = { $nafter }) i anden.
report-wave-table-people = Personerne med flest ændrede kontakter
report-wave-col-gained = Nye kontakter
report-wave-col-lost = Mistede kontakter
report-wave-note = Personer følges mellem runderne med en fast identitet, ikke med navn eller plads på listen.

## Figurer
report-fig-daily = Daglig kontakt i { $name }
report-fig-weekly = Daglig og ugentlig kontakt i { $name }
report-fig-matrix = Kontakt mellem funktionerne (daglig og ugentlig)
report-fig-political = Kontakt med det politiske miljø, efter type kontakt
report-fig-waves = Daglig og ugentlig kontakt, runde { $from } og { $to }

## Kommandolinjen
report-cli-needs-demo = samspill report laver indtil videre kun demorapporterne: brug --demo
report-cli-demo-programme = Demoprogrammet
