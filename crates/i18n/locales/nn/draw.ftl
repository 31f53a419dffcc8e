# samspill — nynorsk: nettverksbilete (crates/draw)

## Funksjonane i 2015-studien: fullt namn og kort kode
draw-fn-okonomiske_virkemidler = Økonomiske verkemiddel/rådgjeving
draw-fn-tjenester_i_bolig = Tenester i bustad
draw-fn-tildeling = Tildeling av bustad
draw-fn-husleiekontrakter = Husleigekontraktar
draw-fn-utbygging = Utbygging
draw-fn-framskaffe_boliger = Framskaffe bustader
draw-fn-arealplanlegging = Arealplanlegging
draw-fn-drift_vedlikehold = Drift og vedlikehald
draw-fn-boligsosial_planlegging = Bustadsosial planlegging
draw-fn-samfunnsplanlegging = Samfunnsplanlegging
draw-fn-politisk_folkevalgt = Politisk folkevald
draw-fn-none = Inga funksjon oppgitt
draw-code-okonomiske_virkemidler = Økonomi
draw-code-tjenester_i_bolig = Tenester
draw-code-tildeling = Tildeling
draw-code-husleiekontrakter = Husleige
draw-code-utbygging = Utbygging
draw-code-framskaffe_boliger = Framskaffe
draw-code-arealplanlegging = Arealplan
draw-code-drift_vedlikehold = Drift
draw-code-boligsosial_planlegging = Bustadsosial plan
draw-code-samfunnsplanlegging = Samfunnsplan
draw-code-politisk_folkevalgt = Politikar
draw-code-none = Person

## Terskel og kombinasjonsregel
draw-threshold-all = alle kontaktar
draw-threshold-daily = dagleg kontakt
draw-threshold-weekly = dagleg og vekentleg kontakt
draw-threshold-monthly = kontakt minst månadleg
draw-threshold-min = kontakt med styrke minst { $min }
draw-combine-keep = retning halden (kvart svar for seg)
draw-combine-either = kontakt når minst ein av dei to oppgav han (høgaste svar)
draw-combine-both = kontakt berre når begge oppgav han (lågaste svar)
draw-combine-mean = kontakt når minst ein oppgav han (gjennomsnitt av svara)

## Nettverksbiletet
draw-network-title = Kontaktnettverk – { $name }
draw-network-caption = Viser { $threshold }. Regel: { $rule }. N = { $n } { $n ->
    [one] person
   *[other] personar
 }, { $edges } { $edges ->
    [one] kontakt
   *[other] kontaktar
 }; { $nonrespondents } svarte ikkje (viste holne, med kontaktane andre oppgav), { $isolates } utan kontakt (til høgre).
draw-network-alt = Nettverkskart, { $threshold } ({ $rule }): { $n } personar og { $edges } kontaktar. { $communities } klynger, { $bridges } brubyggjarar ({ $bridgelist }), { $isolates } personar utan kontakt, { $nonrespondents } som ikkje svarte. Personar per funksjon: { $functions }.
draw-legend-functions = Funksjon
draw-legend-nonrespondent = Svarte ikkje
draw-legend-bridge = Brubyggjar
draw-legend-community = Klynge
draw-legend-tie = Kontakt
draw-legend-gained = Ny kontakt
draw-legend-lost = Kontakt som fall bort
draw-strength-daily = Dagleg
draw-strength-weekly = Vekentleg
draw-strength-monthly = Månadleg
draw-strength-rarer = Sjeldnare
draw-empty = nettverket har ingen personar
draw-none = ingen
draw-yes = ja
draw-no = nei

## Tabellkolonnar
draw-col-label = Person
draw-col-function = Funksjon
draw-col-responded = Svarte
draw-col-degree = Tal på kontaktar
draw-col-community = Klynge
draw-col-bridge = Brubyggjar
draw-col-betweenness = Mellomliggjande sentralitet
draw-col-person = Person
draw-col-change = Endring
draw-col-body = Politisk organ
draw-col-municipality = Kommune
draw-col-mean = Snitt

## To rundar
draw-waves-title = To rundar side om side
draw-wave-subtitle = { $name } ({ $n } personar)
draw-waves-caption = Same plassering for same person i begge rundane. { $gained } nye og { $lost } bortfalne kontaktar, { $kept } uendra; { $joined } kom til, { $left } gjekk ut, { $stayed } var med begge gongene. Viser { $threshold }; regel: { $rule }.
draw-waves-alt = To rundar samanlikna, { $first } og { $second }: { $gained } nye kontaktar, { $lost } kontaktar fall bort og { $kept } er uendra. { $joined } personar kom til, { $left } gjekk ut og { $stayed } var med i begge.

## Funksjon × funksjon
draw-matrix-missing = analysen har inga kontaktmatrise mellom funksjonar
draw-matrix-title = Kontakt mellom funksjonane
draw-matrix-caption = Talet i kvar rute er talet på kontaktar mellom to funksjonar (på diagonalen: innanfor funksjonen). Fargen viser tettleiken, delen av moglege kontaktar. Talet i parentes er talet på personar i funksjonen. Grått: ingen kontakt mogleg.
draw-matrix-density = Tettleik
draw-matrix-within = innanfor { $a }: { $n }
draw-matrix-between = { $a } – { $b }: { $n }
draw-matrix-alt = Kontaktmatrise for { $functions } funksjonar med { $ties } kontaktar i alt. Flest kontaktar: { $strongest }.

## Vurderingar
draw-ratings-missing = ingen svar å vise
draw-ratings-n-mean = N = { $n }, snitt { $mean }
draw-ratings-n = N = { $n }
draw-rating-1 = 1 svært dårleg
draw-rating-2 = 2
draw-rating-3 = 3
draw-rating-4 = 4
draw-rating-5 = 5
draw-rating-6 = 6 svært godt
draw-dont-know = Veit ikkje
draw-ratings-caption = Prosent av alle som svarte (N). «Veit ikkje» blir vist for seg og er ikkje med i snittet.
draw-ratings-alt-row = { $name }: N = { $n }, snitt { $mean }, prosent for 1–6: { $percents }; veit ikkje { $dontknow } ({ $dontknowpct } %)
draw-ratings-alt = { $title }. { $rows }.

## Politisk kontakt
draw-political-missing = ingen politiske organ å vise
draw-political-title = Kontakt med det politiske miljøet
draw-political-caption = { $k } av { $n } som svarte, har kontakt med minst eitt politisk organ. Nedste rad: talet på personar per organ og kontakttype.
draw-political-total = Tal på personar
draw-political-alt = Politisk kontakt: { $k } av { $n } som svarte, har kontakt med minst eitt av { $bodies } organ. { $perbody }.
draw-contact-receives = Får informasjon
draw-contact-gives = Gir informasjon
draw-contact-political = Politisk diskusjon
draw-contact-professional = Fagleg diskusjon

## Kommandolinje
draw-cli-bad-output = kan ikkje avgjere biletformatet for { $path }: bruk .svg eller .png
