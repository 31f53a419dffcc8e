# samspill — English
count-people = { $n ->
    [one] { $n } person
   *[other] { $n } people
}
count-ties = { $n ->
    [one] { $n } tie
   *[other] { $n } ties
}

## Command line
cli-error = error: { $message }
cli-error-file = error in { $file }: { $message }
cli-warning = warning: { $message }
cli-no-input = no network to analyse: give one or more files
cli-bad-metric = unknown measure "{ $name }" in --metrics; known measures: { $known }
cli-bad-combine = unknown combination rule "{ $value }": use keep, either, both or mean
cli-bad-threshold = unknown threshold "{ $value }": use all, daily, weekly, monthly or a number
cli-no-network = the file { $file } has no network named "{ $name }"; it has: { $available }
cli-unknown-person = { $file }: --no-answer names "{ $name }", who is not in the network
cli-wrote = wrote { $path }
cli-dropped = { $format } cannot hold: { $what }
cli-unknown-output-format = cannot tell the output format of { $path }: use a known extension or --to
cli-cannot-write = cannot write { $path }: { $reason }

## Table output
table-network = Network: { $name }
table-settings = Rule: { $combine }, threshold: { $threshold }, non-respondents: { $nonresp }, { $weighted }
table-weighted = weighted (length = 1/value)
table-unweighted = unweighted
table-ties = Ties: { $confirmed } confirmed by both, { $onesided } one-sided, { $reconstructed } reconstructed
table-bridge-builders = Bridge builders: { $names }
table-none = none
table-chain = Chain between cluster { $from } and cluster { $to }: { $people } people ({ $names })

## Measures
measure-nodes = People
measure-edges = Ties
measure-density = Density
measure-reciprocity = Reciprocity
measure-weak-components = Components
measure-strong-components = Strong components
measure-diameter = Diameter
measure-average-path-length = Average distance
measure-transitivity = Transitivity
measure-degree-centralization = Degree centralisation
measure-betweenness-centralization = Betweenness centralisation
measure-modularity = Modularity
measure-communities = Clusters
measure-community-stability = Cluster stability
measure-isolates = Isolated people
measure-non-respondents = Non-respondents
column-id = Id
column-label = Name
column-group = Function
column-degree = Degree
column-betweenness = Betweenness
column-closeness = Closeness
column-eigenvector = Eigenvector
column-constraint = Constraint
column-core = Core
column-community = Cluster
column-bridge = Bridge builder
value-yes = yes
value-no = no
value-undefined = –

## Demo
demo-title = samspill demo
demo-intro = Five generated municipalities, each with a closed survey round and its report, and one open round you can answer yourself. All data is made up.
demo-logins = Coordinator logins
demo-login-help = Every demo login has the password { $password }.
demo-col-municipality = Municipality
demo-col-login = Login (e-mail)
demo-col-answered = Answered / invited
demo-col-reports = Report
demo-programme-report = Report for the whole programme
demo-programme-name = Demo programme
demo-answer = Answer the open survey round as one of these people:
demo-login-link = Log in as coordinator
demo-seeding = Creating the demo municipalities, their survey rounds and reports …
demo-ready = The demo is running at { $url }
demo-reports-written = Reports written to { $path }
