# samspill — dansk
count-people = { $n ->
    [one] { $n } person
   *[other] { $n } personer
}
count-ties = { $n ->
    [one] { $n } kontakt
   *[other] { $n } kontakter
}

## Kommandolinje
cli-error = fejl: { $message }
cli-error-file = fejl i { $file }: { $message }
cli-warning = advarsel: { $message }
cli-no-input = intet netværk at analysere: angiv en eller flere filer
cli-bad-metric = ukendt mål »{ $name }« i --metrics; kendte mål: { $known }
cli-bad-combine = ukendt kombinationsregel »{ $value }«: brug keep, either, both eller mean
cli-bad-threshold = ukendt tærskel »{ $value }«: brug all, daily, weekly, monthly eller et tal
cli-no-network = filen { $file } har intet netværk med navnet »{ $name }«; den har: { $available }
cli-unknown-person = { $file }: --no-answer nævner »{ $name }«, som ikke er i netværket
cli-wrote = skrev { $path }
cli-dropped = { $format } kan ikke rumme: { $what }
cli-unknown-output-format = kan ikke afgøre outputformatet for { $path }: brug en kendt filendelse eller --to
cli-cannot-write = kan ikke skrive { $path }: { $reason }

## Tabel
table-network = Netværk: { $name }
table-settings = Regel: { $combine }, tærskel: { $threshold }, ikke-besvarende: { $nonresp }, { $weighted }
table-weighted = vægtet (længde = 1/værdi)
table-unweighted = uvægtet
table-ties = Kontakter: { $confirmed } bekræftet af begge, { $onesided } ensidige, { $reconstructed } rekonstrueret
table-bridge-builders = Brobyggere: { $names }
table-none = ingen
table-chain = Kæde mellem klynge { $from } og klynge { $to }: { $people } personer ({ $names })

## Mål
measure-nodes = Personer
measure-edges = Kontakter
measure-density = Tæthed
measure-reciprocity = Gensidighed
measure-weak-components = Komponenter
measure-strong-components = Stærke komponenter
measure-diameter = Diameter
measure-average-path-length = Gennemsnitlig afstand
measure-transitivity = Transitivitet
measure-degree-centralization = Gradcentralisering
measure-betweenness-centralization = Mellemliggende centralisering
measure-modularity = Modularitet
measure-communities = Klynger
measure-community-stability = Klyngestabilitet
measure-isolates = Isolerede personer
measure-non-respondents = Ikke besvaret
column-id = Id
column-label = Navn
column-group = Funktion
column-degree = Grad
column-betweenness = Mellemliggende
column-closeness = Nærhed
column-eigenvector = Egenvektor
column-constraint = Begrænsning
column-core = Kerne
column-community = Klynge
column-bridge = Brobygger
value-yes = ja
value-no = nej
value-undefined = –

## Demo
demo-title = samspill-demo
demo-intro = Fem genererede kommuner, hver med en afsluttet spørgerunde og dens rapport, og én åben runde, du selv kan besvare. Alle data er opdigtede.
demo-logins = Login for koordinatorer
demo-login-help = Alle demobrugere har adgangskoden { $password }.
demo-col-municipality = Kommune
demo-col-login = Brugernavn (e-mail)
demo-col-answered = Besvaret / inviteret
demo-col-reports = Rapport
demo-programme-report = Rapport for hele programmet
demo-programme-name = Demoprogram
demo-answer = Besvar den åbne spørgerunde som en af disse:
demo-login-link = Log ind som koordinator
demo-seeding = Opretter demokommunerne, spørgerunderne og rapporterne …
demo-ready = Demoen kører på { $url }
demo-reports-written = Rapporterne er skrevet til { $path }
