# samspill — rapporter, del 2 (bokmål): sammendragets nye regler, analysereglene, navngitt versjon

report-named-notice = Intern versjon med navn – skal ikke deles utenfor dem som har tilgang.

## Analysereglene
report-rule-either = En kontakt tas med når minst én av de to har oppgitt den, med den høyeste av de to oppgitte frekvensene (regelen «en av dem», som i undersøkelsen i 2015).
report-rule-both = En kontakt tas bare med når begge har oppgitt den, med den laveste av de to frekvensene (regelen «begge»). En kontakt med en som ikke svarte, kan ikke bekreftes og bygger på den enes opplysning.
report-rule-mean = En kontakt tas med når minst én av de to har oppgitt den, med gjennomsnittet av de oppgitte frekvensene (regelen «gjennomsnitt»).
report-rule-keep = Hver persons opplysninger brukes som de er, uten å slå sammen de to sidene av en kontakt (retningsbestemt nettverk).
report-method-nonresp-drop = { $missing } personer svarte ikke. Etter regelen som er valgt for denne runden, er de tatt ut av nettverket sammen med alle kontaktene andre oppga med dem. Tabellen viser hva som endrer seg om de tas med (rekonstruksjon).
report-method-builders-same = Brobyggerne er de samme med og uten rekonstruksjon.
report-method-builders-lost = Uten dem som ikke svarte, er { $lost } av brobyggerne som svarte, ikke lenger brobyggere ({ $lostlist }); ingen nye kommer til.
report-method-builders-gained = Uten dem som ikke svarte, blir { $gained } nye brobyggere ({ $gainedlist }); alle som var brobyggere og svarte, er det fortsatt.
report-method-clusters = En klynge er en gruppe på minst { $min } personer som Louvain-metoden finner igjen når beregningen gjentas med ti ulike startverdier (gjennomsnittlig stabilitet minst { $stable } på en skala fra 0 til 1). Grupper som skifter fra gang til gang, regnes ikke som klynger og vises ikke i figurene.
report-method-names = Dette er den interne versjonen: personene vises med navn.

## Nettverket
report-m-parts = Sammenhengende deler (to eller flere personer)
report-parts-intro = Nettverket består av { $count } sammenhengende deler uten kontakt seg imellom, oppkalt etter enheten de fleste i delen hører til:
report-clusters-none = Nettverket deler seg ikke i klynger.
report-clusters-unstable = Ingen stabile klynger: { $count ->
    [one] den ene gruppen
   *[other] de { $count } gruppene
} som beregningen finner, skifter når den gjentas med andre startverdier, og regnes derfor ikke som klynger.
report-clusters-also-unstable = I tillegg { $count ->
    [one] finnes én gruppe
   *[other] finnes { $count } grupper
} som skifter når beregningen gjentas; de regnes ikke som klynger.
report-shape-too-small = Den største sammenhengende delen har { $largest } personer. Det er for få til å si noe sikkert om formen.

## Sammendrag
report-sum-separate = { $count ->
    [one] Én gruppe har
   *[other] { $count } grupper har
} ingen daglig eller ukentlig kontakt med resten av nettverket: { $list }.
report-sum-separate-item = { $name } ({ $count } personer)
report-sum-clusters-unstable = { $scope ->
    [whole] Nettverket
   *[part] Den største sammenhengende delen ({ $largest } personer)
} har ingen stabile undergrupper: når beregningen gjentas med andre startverdier, deler den seg forskjellig hver gang. Derfor er ingen klynger navngitt.
report-sum-missing-functions = Ingen på lista over personer i nettverket har { $count ->
    [one] funksjonen
   *[other] funksjonene
} { $list }.
report-sum-discussion = Av { $respondents } som svarte, har { $political ->
    [0] ingen
   *[other] { $political }
} politisk diskusjon og { $professional ->
    [0] ingen
   *[other] { $professional }
} faglig diskusjon med et politisk organ.
report-sum-discussion-low = Det er lite diskusjon med politikerne: av { $respondents } som svarte, har { $political ->
    [0] ingen
   *[other] { $political }
} politisk diskusjon og { $professional ->
    [0] ingen
   *[other] { $professional }
} faglig diskusjon med et politisk organ.
report-sum-discussion-none = Ingen av de { $respondents } som svarte, diskuterer boligsosiale saker med politikerne, verken politisk eller faglig: kontakten gjelder bare informasjon.
report-sum-nonresp-all = { $count ->
    [one] Den eneste brobyggeren
   *[other] Alle de { $count } brobyggerne
} ({ $list }) har ikke svart selv: det som holder nettverket sammen, bygger bare på det andre har oppgitt.
report-sum-no-forum-unrated = Kommunen har ikke noe formelt forum for samordning av det boligsosiale arbeidet.
report-sum-theme-item = { $theme } ({ $count })
report-sum-themes-challenges = Utfordringene som nevnes oftest i de åpne svarene, er { $list } (antall svar, av { $total } svar om utfordringer).
report-sum-themes-strengths = Styrkene som nevnes oftest, er { $list } (antall svar, av { $total } svar om styrker).
report-sum-reconstructed = { $reconstructed } av { $ties } kontakter med daglig eller ukentlig kontakt ({ $share }) finnes bare fordi andre har oppgitt dem om de { $missing } som ikke svarte. Med dem henger { $largest } av { $people } sammen, og { $builders ->
    [0] ingen er brobyggere
   *[other] { $builders } er brobyggere
}; uten dem henger { $altlargest } av { $altpeople } sammen, og { $altbuilders ->
    [0] ingen er brobyggere.
   *[other] { $altbuilders } er brobyggere.
}
report-sum-unreconstructed = De { $missing } som ikke svarte, er tatt ut av nettverket etter regelen som er valgt. Hadde kontaktene andre oppga med dem, vært med, ville { $reconstructed } av { $ties } kontakter ({ $share }) bygd på slike opplysninger, og da ville { $largest } av { $people } hengt sammen og { $builders } vært brobyggere, mot nå { $altlargest } av { $altpeople } og { $altbuilders }.

## Spørsmål til arbeidsgruppa
report-q-separate = Hvordan kan { $list } få fast kontakt med resten av nettverket, og hvem bør ta initiativet?
report-q-missing = Bør noen som har ansvar for { $list }, være med i nettverket neste gang?
report-q-discussion = Hvor kan politikere og administrasjon diskutere boligsosiale saker, ikke bare utveksle informasjon?
report-q-theme = Hva kan arbeidsgruppa gjøre med «{ $theme }», den utfordringen flest nevner i de åpne svarene?
report-q-reconstruction = Kan de { $missing } som ikke svarte, få en ny mulighet? Mye av bildet bygger på det andre har oppgitt om dem.

## Åpne svar
report-theme-local-knowledge = Oversikt og lokalkunnskap
report-theme-turnover = Omløp i kommunale boliger
report-theme-focus = Å skape fokus og oppmerksomhet
report-open-left-out = { $count ->
    [one] Ett svar
   *[other] { $count } svar
} er ikke gjennomgått ennå og er derfor ikke sitert.

## Sammenligning av to runder
report-wave-stayed = { $stayed } personer var med i begge rundene.
report-wave-joined = { $joined } kom til: { $list }.
report-wave-left = { $left } falt fra: { $list }.
report-wave-no-change = Ingen kom til, og ingen falt fra.
report-wave-integration = Andelen i den største sammenhengende delen gikk fra { $before } til { $after }.
## Lister
report-list-and = { $head } og { $last }
