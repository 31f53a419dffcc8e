# samspill — rapporter, del 2 (dansk): sammendragets nye regler, analysereglerne, navngivet version

report-named-notice = Intern version med navne – må ikke deles uden for dem, der har adgang.

## Analysereglerne
report-rule-either = En kontakt medtages, når mindst én af de to har oplyst den, med den højeste af de to oplyste hyppigheder (reglen »en af dem«, som i undersøgelsen i 2015).
report-rule-both = En kontakt medtages kun, når begge har oplyst den, med den laveste af de to hyppigheder (reglen »begge«). En kontakt med én, der ikke svarede, kan ikke bekræftes og bygger på den enes oplysning.
report-rule-mean = En kontakt medtages, når mindst én af de to har oplyst den, med gennemsnittet af de oplyste hyppigheder (reglen »gennemsnit«).
report-rule-keep = Hver persons oplysninger bruges, som de er, uden at slå de to sider af en kontakt sammen (retningsbestemt netværk).
report-method-nonresp-drop = { $missing } personer svarede ikke. Efter den regel, der er valgt for denne runde, er de taget ud af netværket sammen med alle de kontakter, andre oplyste med dem. Tabellen viser, hvad der ændrer sig, hvis de tages med (rekonstruktion).
report-method-builders-same = Brobyggerne er de samme med og uden rekonstruktion.
report-method-builders-lost = Uden dem, der ikke svarede, er { $lost } af de brobyggere, der svarede, ikke længere brobyggere ({ $lostlist }); ingen nye kommer til.
report-method-builders-gained = Uden dem, der ikke svarede, bliver { $gained } nye brobyggere ({ $gainedlist }); alle, der var brobyggere og svarede, er det stadig.
report-method-clusters = En klynge er en gruppe på mindst { $min } personer, som Louvain-metoden finder igen, når beregningen gentages med ti forskellige startværdier (gennemsnitlig stabilitet mindst { $stable } på en skala fra 0 til 1). Grupper, der skifter fra gang til gang, regnes ikke som klynger og vises ikke i figurerne.
report-method-names = Dette er den interne version: personerne vises med navn.

## Netværket
report-m-parts = Sammenhængende dele (to eller flere personer)
report-parts-intro = Netværket består af { $count } sammenhængende dele uden kontakt indbyrdes, opkaldt efter den enhed, de fleste i delen hører til:
report-clusters-none = Netværket deler sig ikke i klynger.
report-clusters-unstable = Ingen stabile klynger: { $count ->
    [one] den ene gruppe
   *[other] de { $count } grupper
}, som beregningen finder, skifter, når den gentages med andre startværdier, og regnes derfor ikke som klynger.
report-clusters-also-unstable = Derudover { $count ->
    [one] findes én gruppe
   *[other] findes { $count } grupper
}, der skifter, når beregningen gentages; de regnes ikke som klynger.
report-shape-too-small = Den største sammenhængende del har { $largest } personer. Det er for få til at sige noget sikkert om formen.

## Sammendrag
report-sum-separate = { $count ->
    [one] Én gruppe har
   *[other] { $count } grupper har
} ingen daglig eller ugentlig kontakt med resten af netværket: { $list }.
report-sum-separate-item = { $name } ({ $count } personer)
report-sum-clusters-unstable = { $scope ->
    [whole] Netværket
   *[part] Den største sammenhængende del ({ $largest } personer)
} har ingen stabile undergrupper: når beregningen gentages med andre startværdier, deler det sig forskelligt hver gang. Derfor er ingen klynger navngivet.
report-sum-missing-functions = Ingen på listen over personer i netværket har { $count ->
    [one] funktionen
   *[other] funktionerne
} { $list }.
report-sum-discussion = Af de { $respondents }, der svarede, har { $political ->
    [0] ingen
   *[other] { $political }
} politisk drøftelse og { $professional ->
    [0] ingen
   *[other] { $professional }
} faglig drøftelse med et politisk organ.
report-sum-discussion-low = Der er kun lidt drøftelse med politikerne: af de { $respondents }, der svarede, har { $political ->
    [0] ingen
   *[other] { $political }
} politisk drøftelse og { $professional ->
    [0] ingen
   *[other] { $professional }
} faglig drøftelse med et politisk organ.
report-sum-discussion-none = Ingen af de { $respondents }, der svarede, drøfter boligsociale sager med politikerne, hverken politisk eller fagligt: kontakten gælder kun information.
report-sum-nonresp-all = { $count ->
    [one] Den eneste brobygger
   *[other] Alle de { $count } brobyggere
} ({ $list }) har ikke selv svaret: det, der holder netværket sammen, bygger kun på, hvad andre har oplyst.
report-sum-no-forum-unrated = Kommunen har intet formelt forum for koordinering af det boligsociale arbejde.
report-sum-theme-item = { $theme } ({ $count })
report-sum-themes-challenges = De udfordringer, der nævnes oftest i de åbne svar, er { $list } (antal svar, af { $total } svar om udfordringer).
report-sum-themes-strengths = De styrker, der nævnes oftest, er { $list } (antal svar, af { $total } svar om styrker).
report-sum-reconstructed = { $reconstructed } af { $ties } kontakter med daglig eller ugentlig kontakt ({ $share }) findes kun, fordi andre har oplyst dem om de { $missing }, der ikke svarede. Med dem hænger { $largest } af { $people } sammen, og { $builders ->
    [0] ingen er brobyggere
   *[other] { $builders } er brobyggere
}; uden dem hænger { $altlargest } af { $altpeople } sammen, og { $altbuilders ->
    [0] ingen er brobyggere.
   *[other] { $altbuilders } er brobyggere.
}
report-sum-unreconstructed = De { $missing }, der ikke svarede, er taget ud af netværket efter den valgte regel. Havde de kontakter, andre oplyste med dem, været med, ville { $reconstructed } af { $ties } kontakter ({ $share }) bygge på sådanne oplysninger, og så ville { $largest } af { $people } hænge sammen og { $builders } være brobyggere, mod nu { $altlargest } af { $altpeople } og { $altbuilders }.

## Spørgsmål til arbejdsgruppen
report-q-separate = Hvordan kan { $list } få fast kontakt med resten af netværket, og hvem bør tage initiativet?
report-q-missing = Bør nogen med ansvar for { $list } være med i netværket næste gang?
report-q-discussion = Hvor kan politikere og administration drøfte boligsociale sager og ikke kun udveksle information?
report-q-theme = Hvad kan arbejdsgruppen gøre ved »{ $theme }«, den udfordring flest nævner i de åbne svar?
report-q-reconstruction = Kan de { $missing }, der ikke svarede, få en ny mulighed? Meget af billedet bygger på, hvad andre har oplyst om dem.

## Åbne svar
report-theme-local-knowledge = Overblik og lokalkendskab
report-theme-turnover = Gennemstrømning i kommunale boliger
report-theme-focus = At skabe fokus og opmærksomhed
report-open-left-out = { $count ->
    [one] Ét svar
   *[other] { $count } svar
} er endnu ikke gennemgået og er derfor ikke citeret.

## Sammenligning af to runder
report-wave-stayed = { $stayed } personer var med i begge runder.
report-wave-joined = { $joined } kom til: { $list }.
report-wave-left = { $left } faldt fra: { $list }.
report-wave-no-change = Ingen kom til, og ingen faldt fra.
report-wave-integration = Andelen i den største sammenhængende del gik fra { $before } til { $after }.
## Lister
report-list-and = { $head } og { $last }
