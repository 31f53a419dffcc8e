# samspill — bokmål
count-people = { $n ->
    [one] { $n } person
   *[other] { $n } personer
}
count-ties = { $n ->
    [one] { $n } kontakt
   *[other] { $n } kontakter
}

## Kommandolinje
cli-error = feil: { $message }
cli-error-file = feil i { $file }: { $message }
cli-warning = advarsel: { $message }
cli-no-input = ingen nettverk å analysere: oppgi én eller flere filer
cli-bad-metric = ukjent mål «{ $name }» i --metrics; kjente mål: { $known }
cli-bad-combine = ukjent kombinasjonsregel «{ $value }»: bruk keep, either, both eller mean
cli-bad-threshold = ukjent terskel «{ $value }»: bruk all, daily, weekly, monthly eller et tall
cli-no-network = filen { $file } har ikke noe nettverk som heter «{ $name }»; den har: { $available }
cli-unknown-person = { $file }: --no-answer nevner «{ $name }», som ikke er i nettverket
cli-wrote = skrev { $path }
cli-dropped = { $format } kan ikke lagre: { $what }
cli-unknown-output-format = kan ikke avgjøre utdataformatet for { $path }: bruk en kjent filendelse eller --to
cli-cannot-write = kan ikke skrive { $path }: { $reason }

## Tabell
table-network = Nettverk: { $name }
table-settings = Regel: { $combine }, terskel: { $threshold }, ikke-svarere: { $nonresp }, { $weighted }
table-weighted = vektet (lengde = 1/verdi)
table-unweighted = uvektet
table-ties = Kontakter: { $confirmed } bekreftet av begge, { $onesided } ensidige, { $reconstructed } rekonstruert
table-bridge-builders = Brobyggere: { $names }
table-none = ingen
table-chain = Kjede mellom klynge { $from } og klynge { $to }: { $people } personer ({ $names })

## Mål
measure-nodes = Personer
measure-edges = Kontakter
measure-density = Tetthet
measure-reciprocity = Gjensidighet
measure-weak-components = Komponenter
measure-strong-components = Sterke komponenter
measure-diameter = Diameter
measure-average-path-length = Gjennomsnittlig avstand
measure-transitivity = Transitivitet
measure-degree-centralization = Gradsentralisering
measure-betweenness-centralization = Mellomliggende sentralisering
measure-modularity = Modularitet
measure-communities = Klynger
measure-community-stability = Klyngestabilitet
measure-isolates = Isolerte personer
measure-non-respondents = Ikke svart
column-id = Id
column-label = Navn
column-group = Funksjon
column-degree = Grad
column-betweenness = Mellomliggende
column-closeness = Nærhet
column-eigenvector = Egenvektor
column-constraint = Begrensning
column-core = Kjerne
column-community = Klynge
column-bridge = Brobygger
value-yes = ja
value-no = nei
value-undefined = –

## Demo
demo-title = samspill-demo
demo-intro = Fem genererte kommuner, hver med en avsluttet spørrerunde og rapporten fra den, og én åpen runde du kan svare på selv. Alle data er oppdiktet.
demo-logins = Innlogging for koordinatorer
demo-login-help = Alle demo-brukere har passordet { $password }.
demo-col-municipality = Kommune
demo-col-login = Brukernavn (e-post)
demo-col-answered = Svart / invitert
demo-col-reports = Rapport
demo-programme-report = Rapport for hele programmet
demo-programme-name = Demoprogram
demo-answer = Svar på den åpne spørrerunden som en av disse:
demo-login-link = Logg inn som koordinator
demo-seeding = Lager demokommunene, spørrerundene og rapportene …
demo-ready = Demoen kjører på { $url }
demo-reports-written = Rapportene er skrevet til { $path }
