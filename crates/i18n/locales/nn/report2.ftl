# samspill — rapportar, del 2 (nynorsk): dei nye reglane i samandraget, analysereglane, namngitt versjon

report-named-notice = Intern versjon med namn – skal ikkje delast utanfor dei som har tilgang.

## Analysereglane
report-rule-either = Ein kontakt blir teken med når minst éin av dei to har oppgitt han, med den høgaste av dei to oppgitte frekvensane (regelen «ein av dei», som i undersøkinga i 2015).
report-rule-both = Ein kontakt blir berre teken med når begge har oppgitt han, med den lågaste av dei to frekvensane (regelen «begge»). Ein kontakt med ein som ikkje svarte, kan ikkje stadfestast og byggjer på den eine si opplysning.
report-rule-mean = Ein kontakt blir teken med når minst éin av dei to har oppgitt han, med gjennomsnittet av dei oppgitte frekvensane (regelen «gjennomsnitt»).
report-rule-keep = Opplysningane til kvar person blir brukte som dei er, utan å slå saman dei to sidene av ein kontakt (retningsbestemt nettverk).
report-method-nonresp-drop = { $missing } personar svarte ikkje. Etter regelen som er vald for denne runden, er dei tekne ut av nettverket saman med alle kontaktane andre oppgav med dei. Tabellen viser kva som endrar seg om dei blir tekne med (rekonstruksjon).
report-method-builders-same = Brubyggjarane er dei same med og utan rekonstruksjon.
report-method-builders-lost = Utan dei som ikkje svarte, er { $lost } av brubyggjarane som svarte, ikkje lenger brubyggjarar ({ $lostlist }); ingen nye kjem til.
report-method-builders-gained = Utan dei som ikkje svarte, blir { $gained } nye brubyggjarar ({ $gainedlist }); alle som var brubyggjarar og svarte, er det framleis.
report-method-clusters = Ei klynge er ei gruppe på minst { $min } personar som Louvain-metoden finn att når utrekninga blir gjentaken med ti ulike startverdiar (gjennomsnittleg stabilitet minst { $stable } på ein skala frå 0 til 1). Grupper som skiftar frå gong til gong, blir ikkje rekna som klynger og blir ikkje viste i figurane.
report-method-names = Dette er den interne versjonen: personane blir viste med namn.

## Nettverket
report-m-parts = Samanhengande delar (to eller fleire personar)
report-parts-intro = Nettverket består av { $count } samanhengande delar utan kontakt seg imellom, kalla opp etter eininga dei fleste i delen høyrer til:
report-clusters-none = Nettverket deler seg ikkje i klynger.
report-clusters-unstable = Ingen stabile klynger: { $count ->
    [one] den eine gruppa
   *[other] dei { $count } gruppene
} som utrekninga finn, skiftar når ho blir gjentaken med andre startverdiar, og blir difor ikkje rekna som klynger.
report-clusters-also-unstable = I tillegg { $count ->
    [one] finst éi gruppe
   *[other] finst { $count } grupper
} som skiftar når utrekninga blir gjentaken; dei blir ikkje rekna som klynger.
report-shape-too-small = Den største samanhengande delen har { $largest } personar. Det er for få til å seie noko sikkert om forma.

## Samandrag
report-sum-separate = { $count ->
    [one] Éi gruppe har
   *[other] { $count } grupper har
} ingen dagleg eller vekentleg kontakt med resten av nettverket: { $list }.
report-sum-separate-item = { $name } ({ $count } personar)
report-sum-clusters-unstable = { $scope ->
    [whole] Nettverket
   *[part] Den største samanhengande delen ({ $largest } personar)
} har ingen stabile undergrupper: når utrekninga blir gjentaken med andre startverdiar, deler det seg ulikt kvar gong. Difor er ingen klynger namngitte.
report-sum-missing-functions = Ingen på lista over personar i nettverket har { $count ->
    [one] funksjonen
   *[other] funksjonane
} { $list }.
report-sum-discussion = Av dei { $respondents } som svarte, har { $political ->
    [0] ingen
   *[other] { $political }
} politisk diskusjon og { $professional ->
    [0] ingen
   *[other] { $professional }
} fagleg diskusjon med eit politisk organ.
report-sum-discussion-low = Det er lite diskusjon med politikarane: av dei { $respondents } som svarte, har { $political ->
    [0] ingen
   *[other] { $political }
} politisk diskusjon og { $professional ->
    [0] ingen
   *[other] { $professional }
} fagleg diskusjon med eit politisk organ.
report-sum-discussion-none = Ingen av dei { $respondents } som svarte, diskuterer bustadsosiale saker med politikarane, verken politisk eller fagleg: kontakten gjeld berre informasjon.
report-sum-nonresp-all = { $count ->
    [one] Den einaste brubyggjaren
   *[other] Alle dei { $count } brubyggjarane
} ({ $list }) har ikkje svart sjølv: det som held nettverket saman, byggjer berre på det andre har oppgitt.
report-sum-no-forum-unrated = Kommunen har ikkje noko formelt forum for samordning av det bustadsosiale arbeidet.
report-sum-theme-item = { $theme } ({ $count })
report-sum-themes-challenges = Utfordringane som blir nemnde oftast i dei opne svara, er { $list } (tal på svar, av { $total } svar om utfordringar).
report-sum-themes-strengths = Styrkane som blir nemnde oftast, er { $list } (tal på svar, av { $total } svar om styrkar).
report-sum-reconstructed = { $reconstructed } av { $ties } kontaktar med dagleg eller vekentleg kontakt ({ $share }) finst berre fordi andre har oppgitt dei om dei { $missing } som ikkje svarte. Med dei heng { $largest } av { $people } saman, og { $builders ->
    [0] ingen er brubyggjarar
   *[other] { $builders } er brubyggjarar
}; utan dei heng { $altlargest } av { $altpeople } saman, og { $altbuilders ->
    [0] ingen er brubyggjarar.
   *[other] { $altbuilders } er brubyggjarar.
}
report-sum-unreconstructed = Dei { $missing } som ikkje svarte, er tekne ut av nettverket etter regelen som er vald. Hadde kontaktane andre oppgav med dei, vore med, ville { $reconstructed } av { $ties } kontaktar ({ $share }) bygd på slike opplysningar, og då ville { $largest } av { $people } hange saman og { $builders } vere brubyggjarar, mot no { $altlargest } av { $altpeople } og { $altbuilders }.

## Spørsmål til arbeidsgruppa
report-q-separate = Korleis kan { $list } få fast kontakt med resten av nettverket, og kven bør ta initiativet?
report-q-missing = Bør nokon som har ansvar for { $list }, vere med i nettverket neste gong?
report-q-discussion = Kvar kan politikarar og administrasjon diskutere bustadsosiale saker, ikkje berre utveksle informasjon?
report-q-theme = Kva kan arbeidsgruppa gjere med «{ $theme }», den utfordringa flest nemner i dei opne svara?
report-q-reconstruction = Kan dei { $missing } som ikkje svarte, få ein ny sjanse? Mykje av biletet byggjer på det andre har oppgitt om dei.

## Opne svar
report-theme-local-knowledge = Oversikt og lokalkunnskap
report-theme-turnover = Omløp i kommunale bustader
report-theme-focus = Å skape fokus og merksemd
report-open-left-out = { $count ->
    [one] Eitt svar
   *[other] { $count } svar
} er ikkje gått gjennom enno og er difor ikkje sitert.

## Samanlikning av to rundar
report-wave-stayed = { $stayed } personar var med i begge rundane.
report-wave-joined = { $joined } kom til: { $list }.
report-wave-left = { $left } fall frå: { $list }.
report-wave-no-change = Ingen kom til, og ingen fall frå.
report-wave-integration = Delen i den største samanhengande delen gjekk frå { $before } til { $after }.
## Lister
report-list-and = { $head } og { $last }
