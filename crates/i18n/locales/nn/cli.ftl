# samspill — nynorsk
count-people = { $n ->
    [one] { $n } person
   *[other] { $n } personar
}
count-ties = { $n ->
    [one] { $n } kontakt
   *[other] { $n } kontaktar
}

## Kommandolinje
cli-error = feil: { $message }
cli-error-file = feil i { $file }: { $message }
cli-warning = åtvaring: { $message }
cli-no-input = ingen nettverk å analysere: gje ei eller fleire filer
cli-bad-metric = ukjent mål «{ $name }» i --metrics; kjende mål: { $known }
cli-bad-combine = ukjend kombinasjonsregel «{ $value }»: bruk keep, either, both eller mean
cli-bad-threshold = ukjend terskel «{ $value }»: bruk all, daily, weekly, monthly eller eit tal
cli-no-network = fila { $file } har ikkje noko nettverk som heiter «{ $name }»; ho har: { $available }
cli-unknown-person = { $file }: --no-answer nemner «{ $name }», som ikkje er i nettverket
cli-wrote = skreiv { $path }
cli-dropped = { $format } kan ikkje lagre: { $what }
cli-unknown-output-format = kan ikkje avgjere utdataformatet for { $path }: bruk ei kjend filending eller --to
cli-cannot-write = kan ikkje skrive { $path }: { $reason }

## Tabell
table-network = Nettverk: { $name }
table-settings = Regel: { $combine }, terskel: { $threshold }, ikkje-svararar: { $nonresp }, { $weighted }
table-weighted = vekta (lengd = 1/verdi)
table-unweighted = uvekta
table-ties = Kontaktar: { $confirmed } stadfesta av begge, { $onesided } einsidige, { $reconstructed } rekonstruerte
table-bridge-builders = Brubyggjarar: { $names }
table-none = ingen
table-chain = Kjede mellom klynge { $from } og klynge { $to }: { $people } personar ({ $names })

## Mål
measure-nodes = Personar
measure-edges = Kontaktar
measure-density = Tettleik
measure-reciprocity = Gjensidigheit
measure-weak-components = Komponentar
measure-strong-components = Sterke komponentar
measure-diameter = Diameter
measure-average-path-length = Gjennomsnittleg avstand
measure-transitivity = Transitivitet
measure-degree-centralization = Gradsentralisering
measure-betweenness-centralization = Mellomliggjande sentralisering
measure-modularity = Modularitet
measure-communities = Klynger
measure-community-stability = Klyngestabilitet
measure-isolates = Isolerte personar
measure-non-respondents = Ikkje svara
column-id = Id
column-label = Namn
column-group = Funksjon
column-degree = Grad
column-betweenness = Mellomliggjande
column-closeness = Nærleik
column-eigenvector = Eigenvektor
column-constraint = Avgrensing
column-core = Kjerne
column-community = Klynge
column-bridge = Brubyggjar
value-yes = ja
value-no = nei
value-undefined = –

## Demo
demo-title = samspill-demo
demo-intro = Fem genererte kommunar, kvar med ein avslutta spørjerunde og rapporten frå han, og ein open runde du kan svare på sjølv. Alle data er oppdikta.
demo-logins = Innlogging for koordinatorar
demo-login-help = Alle demobrukarar har passordet { $password }.
demo-col-municipality = Kommune
demo-col-login = Brukarnamn (e-post)
demo-col-answered = Svart / invitert
demo-col-reports = Rapport
demo-programme-report = Rapport for heile programmet
demo-programme-name = Demoprogram
demo-answer = Svar på den opne spørjerunden som ein av desse:
demo-login-link = Logg inn som koordinator
demo-seeding = Lagar demokommunane, spørjerundane og rapportane …
demo-ready = Demoen køyrer på { $url }
demo-reports-written = Rapportane er skrivne til { $path }
