# samspill — rapportar (nynorsk)

report-title = Samordning av bustadsosialt arbeid i { $name }
report-subtitle = Nettverksundersøking { $round } · { $named ->
    [yes] personar blir viste med namn
   *[no] personar blir viste med funksjonskode
}
report-figure = Figur
report-table = Tabell
report-table-view = Vis som tabell
report-percent = { $value } %
report-dont-know = Veit ikkje

## Kapittel
report-ch-summary = Samandrag og vegen vidare
report-ch-way-forward = Spørsmål til arbeidsgruppa
report-ch-survey = Undersøkinga
report-ch-network = Nettverket
report-ch-political = Politisk forankring
report-ch-ratings = Vurderingar og opne svar
report-ch-method = Metode og atterhald
report-ch-appendix = Vedlegg: fleire figurar

report-summary-intro = Her er hovudfunna frå undersøkinga, kvart med talet det byggjer på. Spørsmåla til slutt er meinte som utgangspunkt for det vidare arbeidet i arbeidsgruppa.

## Samandrag: éi setning per regel
report-sum-response-good = Svarprosenten er god: { $respondents } av { $people } svarte ({ $rate }).
report-sum-response-fair = Svarprosenten er middels: { $respondents } av { $people } svarte ({ $rate }). Tolk tala for funksjonar med få svar varsamt.
report-sum-response-low = Svarprosenten er låg: berre { $respondents } av { $people } svarte ({ $rate }). Det gjer det vanskeleg å dra sikre konklusjonar.
report-sum-integrated-all = Alle dei { $people } personane heng saman i eitt nettverk med dagleg eller vekentleg kontakt.
report-sum-integrated-most = Dei fleste heng saman: { $largest } av { $people } er i den same samanhengande delen med dagleg eller vekentleg kontakt, medan { $outside } står utanfor han.
report-sum-integrated-poor = Nettverket er lite integrert: berre { $largest } av { $people } heng saman med dagleg eller vekentleg kontakt, og { $isolates ->
    [0] dei andre er i mindre grupper for seg.
    [one] { $isolates } person har ingen dagleg eller vekentleg kontakt med nokon.
   *[other] { $isolates } personar har ingen dagleg eller vekentleg kontakt med nokon.
}
report-sum-no-clusters = { $scope ->
    [whole] Nettverket
   *[part] Den største samanhengande delen ({ $largest } personar)
} deler seg ikkje i tydelege klynger.
report-sum-clusters-robust = { $scope ->
    [whole] Nettverket
   *[part] Den største samanhengande delen ({ $largest } personar)
} deler seg i { $clusters } klynger ({ $names }), men ingen enkeltperson er avgjerande for å halde dei saman.
report-sum-clusters = { $scope ->
    [whole] Nettverket
   *[part] Den største samanhengande delen ({ $largest } personar)
} deler seg i { $clusters } klynger ({ $names }). { $builders ->
    [one] Éin brubyggjar bind dei saman
   *[other] { $builders } brubyggjarar bind dei saman
}: { $list }.
report-sum-chain-between = Mellom { $from } og { $to } går det ei kjede på { $people ->
    [2] to
    [3] tre
    [4] fire
    [5] fem
    [6] seks
   *[other] { $people }
} personar ({ $list }): informasjon må gå gjennom kvart ledd.
report-sum-chain = Nettverket har ei kjede på { $people ->
    [4] fire
    [5] fem
    [6] seks
   *[other] { $people }
} personar ({ $list }) der kvart ledd er det einaste sambandet vidare.
report-sum-isolated-functions = { $count ->
    [one] Éin funksjon
   *[other] { $count } funksjonar
} har ingen med dagleg eller vekentleg kontakt med dei andre: { $list }.
report-sum-isolates = { $count ->
    [one] Éin person
   *[other] { $count } personar
} har ingen dagleg eller vekentleg kontakt med dei andre: { $list }.
report-sum-shape-line = { $scope ->
    [whole] Nettverket
   *[part] Den største samanhengande delen ({ $largest } personar)
} er langstrekt, med tendens til linjeform: den lengste avstanden er { $diameter } ledd. Ingen har god oversikt over heilskapen.
report-sum-shape-star = { $scope ->
    [whole] Nettverket
   *[part] Den største samanhengande delen ({ $largest } personar)
} er stjerneforma rundt { $hub }, som kan samordne, men som også blir ein flaskehals.
report-sum-shape-compact = { $scope ->
    [whole] Nettverket
   *[part] Den største samanhengande delen ({ $largest } personar)
} er kompakt: i gjennomsnitt er det { $distance } ledd mellom to personar, og den lengste avstanden er { $diameter } ledd.
report-sum-political = { $with } av dei { $respondents } som svarte, har kontakt med det politiske miljøet: { $gives } gir informasjon, og { $receives } får informasjon.
report-sum-political-weak = Den politiske kontakten er svak: berre { $with } av dei { $respondents } som svarte, har kontakt med det politiske miljøet; { $gives } gir informasjon, og { $receives } får informasjon.
report-sum-political-gap = Ingen av dei som svarte, har kontakt med { $list }.
report-sum-rating-good = Samordninga blir vurdert som ganske god: { $mean } av 6 i gjennomsnitt (N = { $n }, { $dontknow } svarte «veit ikkje»).
report-sum-rating-middling = Samordninga blir vurdert som middels: { $mean } av 6 i gjennomsnitt (N = { $n }, { $dontknow } svarte «veit ikkje»).
report-sum-rating-weak = Samordninga blir vurdert som svak: { $mean } av 6 i gjennomsnitt (N = { $n }, { $dontknow } svarte «veit ikkje»).
report-sum-no-forum = Kommunen har ikkje noko formelt forum for samordning av det bustadsosiale arbeidet; dei formelle møteplassane får { $mean } av 6.
report-sum-nonresp-independent = { $missing ->
    [one] Éin person
   *[other] { $missing } personar
} har ikkje svart, men ingen av brubyggjarane er mellom dei.
report-sum-nonresp-depends = { $count ->
    [one] Éin
   *[other] { $count }
} av dei { $builders } brubyggjarane ({ $list }) har ikkje svart sjølv; biletet av dei byggjer på det andre har oppgitt.

## Spørsmål til arbeidsgruppa
report-q-outside = Korleis kan { $count ->
    [one] den eine
   *[other] dei { $count }
} som ikkje har vekentleg kontakt med andre, dragast inn i samarbeidet?
report-q-chain = Treng endane av kjeda på { $people } personar ein meir direkte kontakt, til dømes eit fast møtepunkt?
report-q-builders = Kva skjer om ein av brubyggjarane sluttar eller er borte? Kven kan vere vara for dei?
report-q-clusters = Kvar møtest klyngene i dag, og treng dei ein felles møteplass?
report-q-functions = Korleis kan { $list } kome tettare på resten av nettverket?
report-q-forum = Bør kommunen skipe eit fast forum for samordning av det bustadsosiale arbeidet? Kven skal sitje i det?
report-q-rating = Kva skal til for at samordninga får ei betre vurdering neste gong?
report-q-political = Korleis kan politikarane få jamleg informasjon om det bustadsosiale arbeidet, og kven har ansvaret for å gi han?
report-q-roster = Manglar nokon på lista over personar i nettverket, eller er nokon med som ikkje burde vere det?

## Undersøkinga
report-survey-who = Undersøkinga gjekk til { $people } personar som kommunen definerte inn i det bustadsosiale nettverket. Dei dekkjer til saman { $functions } funksjonar, fordi nokre har fleire. { $respondents } svarte ({ $rate }).
report-table-functions = Personar per funksjon og svarprosent
report-col-function = Funksjon
report-col-persons = Personar
report-col-respondents = Svarte
report-col-rate = Svarprosent
report-total-functions = Totalt tal på funksjonar
report-total-persons = Totalt tal på personar i nettverket
report-survey-empty-functions = Ingen dekkjer desse funksjonane: { $list }. Vurder om nokon burde vore med.
report-survey-several-functions = Ein person med fleire funksjonar blir talt under kvar av dei i tabellen. I figurane og funksjonskodane blir den første funksjonen (hovudfunksjonen) brukt.

## Nettverket
report-network-intro = Nettverket viser kven som har kontakt med kven om bustadsosialt arbeid. Vi viser to bilete: berre dagleg kontakt, og dagleg og vekentleg kontakt.
report-view-daily = Dagleg kontakt
report-view-weekly = Dagleg og vekentleg kontakt
report-table-measures-daily = Nøkkeltal, dagleg kontakt
report-table-measures-weekly = Nøkkeltal, dagleg og vekentleg kontakt
report-col-measure = Mål
report-col-value = Verdi
report-m-people = Personar
report-m-ties = Kontaktar
report-m-density = Tettleik (del av moglege kontaktar)
report-m-largest = Personar i den største samanhengande delen
report-m-isolates = Personar utan kontakt
report-m-diameter = Lengste avstand i den største delen (ledd)
report-m-distance = Gjennomsnittleg avstand i den største delen (ledd)
report-m-clusters = Klynger
report-m-builders = Brubyggjarar
report-m-star = Stjernetendens i den største delen (0–1)
report-m-line = Linjetendens i den største delen (0–1)
report-clusters-intro = { $count ->
    [one] Nettverket har éi klynge
   *[other] Nettverket har { $count } klynger
}, kalla opp etter eininga dei fleste i klynga høyrer til:
report-cluster-item = { $name } ({ $count } personar): { $list }
report-builders-none = Ingen enkeltpersonar er avgjerande for å halde nettverket saman.
report-table-builders-daily = Brubyggjarar, dagleg kontakt (* = har ikkje svart)
report-table-builders-weekly = Brubyggjarar, dagleg og vekentleg kontakt (* = har ikkje svart)
report-col-person = Person
report-col-why = Kvifor brubyggjar
report-reason-splits = utan denne personen fell nettverket frå kvarandre
report-reason-lengthens = utan denne personen blir avstandane minst 10 % lengre
report-reason-carries = minst ein fjerdedel av dei kortaste vegane mellom grupper går gjennom denne personen
report-isolates-daily = { $count ->
    [one] Éin person
   *[other] { $count } personar
} har ingen dagleg kontakt: { $list }.
report-isolates-weekly = { $count ->
    [one] Éin person
   *[other] { $count } personar
} har verken dagleg eller vekentleg kontakt: { $list }.
report-shape-heading = Forma på nettverket
report-shape-star = Stjerneforma: éin person i midten har kontakt med dei andre, som ikkje har mykje kontakt seg imellom. Personen i midten kan samordne, men blir også ein flaskehals og eit sårbart punkt.
report-shape-circle = Sirkulært: alle har kontakt med nokre få og like god tilgang til informasjon, men ingen har rolla som samordnar.
report-shape-line = Linjeforma: informasjon må gå gjennom mange ledd. Denne forma har ingen eigentlege styrkar: vegane er lange, og ingen kan samordne heilskapen.
report-shape-no-perfect = Det finst ikkje eitt perfekt nettverk. Om forma er god, kjem an på kva kommunen vil oppnå: strategisk samordning og operativ samhandling treng ulike nettverk.

## Politisk forankring
report-political-intro = Respondentane vart spurde om kontakten med det politiske miljøet: { $bodies }.
report-political-none = Undersøkinga spurde ikkje om kontakt med politiske organ.
report-table-political = Talet på personar med kontakt, etter politisk organ og type kontakt
report-table-political-who = Kven har kontakt med kva organ
report-col-body = Politisk organ
report-col-contact = Kontakt
report-contact-receives-information = Får informasjon
report-contact-gives-information = Gir informasjon
report-contact-political-discussion = Politisk diskusjon
report-contact-professional-discussion = Fagleg diskusjon
report-political-caveat = Dei som ikkje har svart på undersøkinga, er ikkje med i tala for politisk kontakt.

## Vurderingar og opne svar
report-ratings-intro = Respondentane vurderte på ein skala frå 1 (svært dårleg) til 6 (svært godt). Gjennomsnittet blir rekna utan «veit ikkje», som blir vist for seg.
report-rating-coordination = Kor godt fungerer samordninga av det bustadsosiale arbeidet?
report-rating-meeting-places = Kor godt fungerer dei formelle møteplassane?
report-rating-mean = Gjennomsnitt { $mean } av 6 (N = { $n }; { $dontknow } svarte «veit ikkje»).
report-rating-none = Ingen svar på dette spørsmålet.
report-rating-no-forum = Kommunen har ikkje noko formelt samordningsforum; vurderinga av møteplassane gjeld dei møta som finst.
report-table-rating-coordination = Svarfordeling, samordning
report-table-rating-meeting-places = Svarfordeling, formelle møteplassar
report-col-answer = Svar
report-col-count = Tal
report-col-share = Del
report-open-heading = Opne svar etter tema
report-open-intro = Svara er grupperte etter tema. Talet i parentes er kor mange svar temaet fekk; like svar er slått saman.
report-open-question = { $question } ({ $count } svar)
report-open-theme = { $theme } ({ $count }): { $quotes }
report-open-q-strengths = Dei to viktigaste styrkane i det bustadsosiale arbeidet
report-open-q-challenges = Dei to største utfordringane i det bustadsosiale arbeidet
report-open-q-coordination = Utfordringar knytte til samordning
report-open-q-responsibility = Utfordringar knytte til ansvarsavklaring
report-open-q-turnover = Utfordringar knytte til omlaup i kommunale bustader
report-open-q-refugees = Utfordringar knytte til busetjing av flyktningar
report-open-q-focus = Utfordringar knytte til å skape fokus
report-theme-housing-shortage = Mangel på eigna bustader
report-theme-cooperation = Samarbeid og ansvarsavklaring
report-theme-plan-strategy = Plan og strategi
report-theme-follow-up = Oppfølging av brukarar
report-theme-competence = Kompetanse og engasjement
report-theme-resources = Tid og ressursar
report-theme-meeting-places = Møteplassar og informasjon
report-theme-refugees = Busetjing av flyktningar
report-theme-other = Anna

## Metode
report-method-rule = Kombinasjonsregel: to personar kan oppgi same kontakt ulikt.
report-method-threshold = Terskel: figurane og tala viser dagleg kontakt og dagleg og vekentleg kontakt. Månadleg og sjeldnare kontakt er ikkje med.
report-method-ties = Av { $ties } kontaktar med dagleg eller vekentleg kontakt er { $confirmed } ({ $share }) stadfesta av begge, { $onesided } oppgitt av berre éin av to som begge svarte, og { $reconstructed } byggjer på det andre oppgav om ein som ikkje svarte.
report-method-nonresp = { $missing } personar svarte ikkje. Dei er med i nettverket med kontaktane andre oppgav med dei (rekonstruksjon). Tabellen viser kva som endrar seg om dei blir tekne ut.
report-table-reconstruction = Dagleg og vekentleg kontakt med og utan dei som ikkje svarte
report-col-with = Med rekonstruksjon
report-col-without = Utan dei som ikkje svarte
report-method-builders-change = Utan dei som ikkje svarte, er { $lost } av brubyggjarane som svarte, ikkje lenger brubyggjarar ({ $lostlist }), og { $gained } blir nye brubyggjarar ({ $gainedlist }).
report-method-builders-rules = Brubyggjar er den som oppfyller minst éin av tre reglar: utan personen fell nettverket frå kvarandre; utan personen blir avstandane mellom dei andre minst 10 % lengre; eller minst ein fjerdedel av dei kortaste vegane mellom grupper går gjennom personen. Gruppene er funne med Louvain-metoden med fast startverdi.
report-method-conventions = Måla følgjer definisjonane i NetworkX 3. Avstandar er talet på ledd i den største samanhengande delen.
report-method-pseudonyms = Personane blir viste med funksjonskode og nummer (til dømes «Tildeling 2»), ikkje med namn.

## Funksjonar
report-fn-name-economic = Økonomiske verkemiddel/rådgiving
report-fn-name-services = Tenester i bustad
report-fn-name-allocation = Tildeling av bustad
report-fn-name-tenancy = Husleigekontraktar
report-fn-name-development = Utbygging
report-fn-name-procurement = Skaffe bustader
report-fn-name-land-use = Arealplanlegging
report-fn-name-maintenance = Drift og vedlikehald
report-fn-name-housing-planning = Bustadsosial planlegging
report-fn-name-community-planning = Samfunnsplanlegging
report-fn-name-politician = Politisk folkevald

## Rapport for programmet (på tvers av kommunar)
report-yes = ja
report-no = nei
report-prog-title = { $name }: samordning av bustadsosialt arbeid
report-prog-subtitle = Samanstilling for { $count } kommunar · personar blir viste med funksjonskode
report-prog-ch-overview = Oversikt
report-prog-intro = Rapporten stiller saman resultata frå { $count } kommunar. Til saman vart { $people } personar spurde, og { $respondents } svarte.
report-prog-table-response = Svarprosent per kommune
report-prog-col-municipality = Kommune
report-prog-col-forum = Formelt samordningsforum
report-prog-table-functions = Personar per funksjon i kvar kommune
report-prog-ch-ratings = Vurderingar
report-prog-table-ratings = Gjennomsnittleg vurdering (1–6, utan «veit ikkje») og tal på svar (N)
report-prog-col-coordination = Samordning
report-prog-col-meetings = Møteplassar
report-prog-suppressed = Gjennomsnitt for grupper med færre enn { $min } svar blir ikkje viste (–), for å verne den enkelte.
report-prog-ch-networks = Nettverka side om side
report-prog-table-networks = Dagleg og vekentleg kontakt: nøkkeltal per kommune
report-prog-col-connected = Del i største del
report-prog-col-chain = Lengste kjede (personar)
report-prog-figures = Figurane viser dagleg og vekentleg kontakt i kvar kommune, teikna i same målestokk.

## Samanlikning av to rundar
report-wave-title = Endringar i nettverket i { $name }
report-wave-subtitle = Runde { $from } samanlikna med runde { $to } · { $named ->
    [yes] personar blir viste med namn
   *[no] personar blir viste med funksjonskode
}
report-wave-ch-people = Kva har endra seg
report-wave-ties = Mellom dei som var med begge gongene, kom { $gained } nye kontaktar med dagleg eller vekentleg kontakt til, { $lost } fall bort, og { $kept } stod ved lag.
report-wave-table-measures = Nøkkeltal, dagleg og vekentleg kontakt, i begge rundane
report-wave-col-change = Endring
report-wave-rating = Samordninga fekk { $before } av 6 (N = { $nbefore }) i første runde og { $after } av 6 (N = { $nafter }) i andre.
report-wave-table-people = Personane med flest endra kontaktar
report-wave-col-gained = Nye kontaktar
report-wave-col-lost = Tapte kontaktar
report-wave-note = Personar blir følgde mellom rundane med ein fast identitet, ikkje med namn eller plass i lista.

## Figurar
report-fig-daily = Dagleg kontakt i { $name }
report-fig-weekly = Dagleg og vekentleg kontakt i { $name }
report-fig-matrix = Kontakt mellom funksjonane (dagleg og vekentleg)
report-fig-political = Kontakt med det politiske miljøet, etter type kontakt
report-fig-waves = Dagleg og vekentleg kontakt, runde { $from } og { $to }

## Kommandolinja
report-cli-needs-demo = samspill report lagar førebels berre demorapportane: bruk --demo
report-cli-demo-programme = Demoprogrammet
