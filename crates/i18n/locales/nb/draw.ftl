# samspill — bokmål: nettverksbilder (crates/draw)

## Funksjonene i 2015-studien: fullt navn og kort kode
draw-fn-okonomiske_virkemidler = Økonomiske virkemidler/rådgivning
draw-fn-tjenester_i_bolig = Tjenester i bolig
draw-fn-tildeling = Tildeling av bolig
draw-fn-husleiekontrakter = Husleiekontrakter
draw-fn-utbygging = Utbygging
draw-fn-framskaffe_boliger = Framskaffe boliger
draw-fn-arealplanlegging = Arealplanlegging
draw-fn-drift_vedlikehold = Drift og vedlikehold
draw-fn-boligsosial_planlegging = Boligsosial planlegging
draw-fn-samfunnsplanlegging = Samfunnsplanlegging
draw-fn-politisk_folkevalgt = Politisk folkevalgt
draw-fn-none = Ingen funksjon oppgitt
draw-code-okonomiske_virkemidler = Økonomi
draw-code-tjenester_i_bolig = Tjenester
draw-code-tildeling = Tildeling
draw-code-husleiekontrakter = Husleie
draw-code-utbygging = Utbygging
draw-code-framskaffe_boliger = Framskaffe
draw-code-arealplanlegging = Arealplan
draw-code-drift_vedlikehold = Drift
draw-code-boligsosial_planlegging = Boligsosial plan
draw-code-samfunnsplanlegging = Samfunnsplan
draw-code-politisk_folkevalgt = Politiker
draw-code-none = Person

## Terskel og kombinasjonsregel
draw-threshold-all = alle kontakter
draw-threshold-daily = daglig kontakt
draw-threshold-weekly = daglig og ukentlig kontakt
draw-threshold-monthly = kontakt minst månedlig
draw-threshold-min = kontakt med styrke minst { $min }
draw-combine-keep = retning beholdt (hvert svar for seg)
draw-combine-either = kontakt når minst én av de to oppga den (høyeste svar)
draw-combine-both = kontakt bare når begge oppga den (laveste svar)
draw-combine-mean = kontakt når minst én oppga den (gjennomsnitt av svarene)

## Nettverksbildet
draw-network-title = Kontaktnettverk – { $name }
draw-network-caption = Viser { $threshold }. Regel: { $rule }. N = { $n } { $n ->
    [one] person
   *[other] personer
 }, { $edges } { $edges ->
    [one] kontakt
   *[other] kontakter
 }; { $nonrespondents } svarte ikke (vist hule, med kontaktene andre oppga), { $isolates } uten kontakt (til høyre).
draw-network-alt = Nettverkskart, { $threshold } ({ $rule }): { $n } personer og { $edges } kontakter. { $communities } klynger, { $bridges } brobyggere ({ $bridgelist }), { $isolates } personer uten kontakt, { $nonrespondents } som ikke svarte. Personer per funksjon: { $functions }.
draw-legend-functions = Funksjon
draw-legend-nonrespondent = Svarte ikke
draw-legend-bridge = Brobygger
draw-legend-community = Klynge
draw-legend-tie = Kontakt
draw-legend-gained = Ny kontakt
draw-legend-lost = Kontakt som falt bort
draw-strength-daily = Daglig
draw-strength-weekly = Ukentlig
draw-strength-monthly = Månedlig
draw-strength-rarer = Sjeldnere
draw-empty = nettverket har ingen personer
draw-none = ingen
draw-yes = ja
draw-no = nei

## Tabellkolonner
draw-col-label = Person
draw-col-function = Funksjon
draw-col-responded = Svarte
draw-col-degree = Antall kontakter
draw-col-community = Klynge
draw-col-bridge = Brobygger
draw-col-betweenness = Mellomliggende sentralitet
draw-col-person = Person
draw-col-change = Endring
draw-col-body = Politisk organ
draw-col-municipality = Kommune
draw-col-mean = Snitt

## To runder
draw-waves-title = To runder side om side
draw-wave-subtitle = { $name } ({ $n } personer)
draw-waves-caption = Samme plassering for samme person i begge runder. { $gained } nye og { $lost } bortfalte kontakter, { $kept } uendret; { $joined } kom til, { $left } gikk ut, { $stayed } var med begge ganger. Viser { $threshold }; regel: { $rule }.
draw-waves-alt = To runder sammenlignet, { $first } og { $second }: { $gained } nye kontakter, { $lost } kontakter falt bort og { $kept } er uendret. { $joined } personer kom til, { $left } gikk ut og { $stayed } var med i begge.

## Funksjon × funksjon
draw-matrix-missing = analysen har ingen kontaktmatrise mellom funksjoner
draw-matrix-title = Kontakt mellom funksjonene
draw-matrix-caption = Tallet i hver rute er antall kontakter mellom to funksjoner (på diagonalen: innad i funksjonen). Fargen viser tettheten, andelen av mulige kontakter. Tallet i parentes er antall personer i funksjonen. Grått: ingen kontakt mulig.
draw-matrix-density = Tetthet
draw-matrix-within = innad i { $a }: { $n }
draw-matrix-between = { $a } – { $b }: { $n }
draw-matrix-alt = Kontaktmatrise for { $functions } funksjoner med { $ties } kontakter i alt. Flest kontakter: { $strongest }.

## Vurderinger
draw-ratings-missing = ingen svar å vise
draw-ratings-n-mean = N = { $n }, snitt { $mean }
draw-ratings-n = N = { $n }
draw-rating-1 = 1 svært dårlig
draw-rating-2 = 2
draw-rating-3 = 3
draw-rating-4 = 4
draw-rating-5 = 5
draw-rating-6 = 6 svært godt
draw-dont-know = Vet ikke
draw-ratings-caption = Prosent av alle som svarte (N). «Vet ikke» vises for seg og inngår ikke i snittet.
draw-ratings-alt-row = { $name }: N = { $n }, snitt { $mean }, prosent for 1–6: { $percents }; vet ikke { $dontknow } ({ $dontknowpct } %)
draw-ratings-alt = { $title }. { $rows }.

## Politisk kontakt
draw-political-missing = ingen politiske organer å vise
draw-political-title = Kontakt med det politiske miljøet
draw-political-caption = { $k } av { $n } som svarte, har kontakt med minst ett politisk organ. Nederste rad: antall personer per organ og kontakttype.
draw-political-total = Antall personer
draw-political-alt = Politisk kontakt: { $k } av { $n } som svarte, har kontakt med minst ett av { $bodies } organer. { $perbody }.
draw-contact-receives = Får informasjon
draw-contact-gives = Gir informasjon
draw-contact-political = Politisk diskusjon
draw-contact-professional = Faglig diskusjon

## Kommandolinje
draw-cli-bad-output = kan ikke avgjøre bildeformatet for { $path }: bruk .svg eller .png
