# samspill — dansk: netværksbilleder (crates/draw)

## Funktionerne i 2015-studiet: fuldt navn og kort kode
draw-fn-okonomiske_virkemidler = Økonomiske virkemidler/rådgivning
draw-fn-tjenester_i_bolig = Tilbud i boligen
draw-fn-tildeling = Boliganvisning
draw-fn-husleiekontrakter = Lejekontrakter
draw-fn-utbygging = Udbygning
draw-fn-framskaffe_boliger = Fremskaffelse af boliger
draw-fn-arealplanlegging = Arealplanlægning
draw-fn-drift_vedlikehold = Drift og vedligeholdelse
draw-fn-boligsosial_planlegging = Boligsocial planlægning
draw-fn-samfunnsplanlegging = Samfundsplanlægning
draw-fn-politisk_folkevalgt = Folkevalgt politiker
draw-fn-none = Ingen funktion angivet
draw-code-okonomiske_virkemidler = Økonomi
draw-code-tjenester_i_bolig = Tilbud
draw-code-tildeling = Anvisning
draw-code-husleiekontrakter = Leje
draw-code-utbygging = Udbygning
draw-code-framskaffe_boliger = Fremskaffelse
draw-code-arealplanlegging = Arealplan
draw-code-drift_vedlikehold = Drift
draw-code-boligsosial_planlegging = Boligsocial plan
draw-code-samfunnsplanlegging = Samfundsplan
draw-code-politisk_folkevalgt = Politiker
draw-code-none = Person

## Tærskel og kombinationsregel
draw-threshold-all = alle kontakter
draw-threshold-daily = daglig kontakt
draw-threshold-weekly = daglig og ugentlig kontakt
draw-threshold-monthly = kontakt mindst månedligt
draw-threshold-min = kontakt med styrke mindst { $min }
draw-combine-keep = retning bevaret (hvert svar for sig)
draw-combine-either = kontakt, når mindst én af de to angav den (højeste svar)
draw-combine-both = kontakt kun, når begge angav den (laveste svar)
draw-combine-mean = kontakt, når mindst én angav den (gennemsnit af svarene)

## Netværksbilledet
draw-network-title = Kontaktnetværk – { $name }
draw-network-caption = Viser { $threshold }. Regel: { $rule }. N = { $n } { $n ->
    [one] person
   *[other] personer
 }, { $edges } { $edges ->
    [one] kontakt
   *[other] kontakter
 }; { $nonrespondents } svarede ikke (vist hule, med de kontakter andre angav), { $isolates } uden kontakt (til højre).
draw-network-alt = Netværkskort, { $threshold } ({ $rule }): { $n } personer og { $edges } kontakter. { $communities } klynger, { $bridges } brobyggere ({ $bridgelist }), { $isolates } personer uden kontakt, { $nonrespondents } som ikke svarede. Personer pr. funktion: { $functions }.
draw-legend-functions = Funktion
draw-legend-nonrespondent = Svarede ikke
draw-legend-bridge = Brobygger
draw-legend-community = Klynge
draw-legend-tie = Kontakt
draw-legend-gained = Ny kontakt
draw-legend-lost = Kontakt faldet bort
draw-strength-daily = Dagligt
draw-strength-weekly = Ugentligt
draw-strength-monthly = Månedligt
draw-strength-rarer = Sjældnere
draw-empty = netværket har ingen personer
draw-none = ingen
draw-yes = ja
draw-no = nej

## Tabelkolonner
draw-col-label = Person
draw-col-function = Funktion
draw-col-responded = Svarede
draw-col-degree = Antal kontakter
draw-col-community = Klynge
draw-col-bridge = Brobygger
draw-col-betweenness = Mellemmandscentralitet
draw-col-person = Person
draw-col-change = Ændring
draw-col-body = Politisk organ
draw-col-municipality = Kommune
draw-col-mean = Gennemsnit

## To runder
draw-waves-title = To runder side om side
draw-wave-subtitle = { $name } ({ $n } personer)
draw-waves-caption = Samme placering for samme person i begge runder. { $gained } nye og { $lost } bortfaldne kontakter, { $kept } uændrede; { $joined } kom til, { $left } gik ud, { $stayed } var med begge gange. Viser { $threshold }; regel: { $rule }.
draw-waves-alt = To runder sammenlignet, { $first } og { $second }: { $gained } nye kontakter, { $lost } kontakter faldt bort og { $kept } er uændrede. { $joined } personer kom til, { $left } gik ud og { $stayed } var med i begge.

## Funktion × funktion
draw-matrix-missing = analysen har ingen kontaktmatrix mellem funktioner
draw-matrix-title = Kontakt mellem funktionerne
draw-matrix-caption = Tallet i hvert felt er antallet af kontakter mellem to funktioner (på diagonalen: inden for funktionen). Farven viser tætheden, andelen af mulige kontakter. Tallet i parentes er antallet af personer i funktionen. Gråt: ingen kontakt mulig.
draw-matrix-density = Tæthed
draw-matrix-within = inden for { $a }: { $n }
draw-matrix-between = { $a } – { $b }: { $n }
draw-matrix-alt = Kontaktmatrix for { $functions } funktioner med { $ties } kontakter i alt. Flest kontakter: { $strongest }.

## Vurderinger
draw-ratings-missing = ingen svar at vise
draw-ratings-n-mean = N = { $n }, gennemsnit { $mean }
draw-ratings-n = N = { $n }
draw-rating-1 = 1 meget dårligt
draw-rating-2 = 2
draw-rating-3 = 3
draw-rating-4 = 4
draw-rating-5 = 5
draw-rating-6 = 6 meget godt
draw-dont-know = Ved ikke
draw-ratings-caption = Procent af alle, der svarede (N). »Ved ikke« vises for sig og indgår ikke i gennemsnittet.
draw-ratings-alt-row = { $name }: N = { $n }, gennemsnit { $mean }, procent for 1–6: { $percents }; ved ikke { $dontknow } ({ $dontknowpct } %)
draw-ratings-alt = { $title }. { $rows }.

## Politisk kontakt
draw-political-missing = ingen politiske organer at vise
draw-political-title = Kontakt med det politiske miljø
draw-political-caption = { $k } af { $n } besvarende har kontakt med mindst ét politisk organ. Nederste række: antal personer pr. organ og kontakttype.
draw-political-total = Antal personer
draw-political-alt = Politisk kontakt: { $k } af { $n } besvarende har kontakt med mindst ét af { $bodies } organer. { $perbody }.
draw-contact-receives = Får information
draw-contact-gives = Giver information
draw-contact-political = Politisk diskussion
draw-contact-professional = Faglig diskussion

## Kommandolinje
draw-cli-bad-output = kan ikke afgøre billedformatet for { $path }: brug .svg eller .png
