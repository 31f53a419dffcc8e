# samspill — English: network pictures (crates/draw)

## The functions of the 2015 study: full name and short code
draw-fn-okonomiske_virkemidler = Financial instruments/advice
draw-fn-tjenester_i_bolig = In-home services
draw-fn-tildeling = Housing allocation
draw-fn-husleiekontrakter = Tenancy contracts
draw-fn-utbygging = Development
draw-fn-framskaffe_boliger = Providing dwellings
draw-fn-arealplanlegging = Land-use planning
draw-fn-drift_vedlikehold = Operation and maintenance
draw-fn-boligsosial_planlegging = Social housing planning
draw-fn-samfunnsplanlegging = Community planning
draw-fn-politisk_folkevalgt = Elected politician
draw-fn-none = No function given
draw-code-okonomiske_virkemidler = Finance
draw-code-tjenester_i_bolig = Services
draw-code-tildeling = Allocation
draw-code-husleiekontrakter = Tenancy
draw-code-utbygging = Development
draw-code-framskaffe_boliger = Provision
draw-code-arealplanlegging = Land use
draw-code-drift_vedlikehold = Maintenance
draw-code-boligsosial_planlegging = Housing plan
draw-code-samfunnsplanlegging = Community plan
draw-code-politisk_folkevalgt = Politician
draw-code-none = Person

## Threshold and combination rule
draw-threshold-all = all contacts
draw-threshold-daily = daily contact
draw-threshold-weekly = daily and weekly contact
draw-threshold-monthly = contact at least monthly
draw-threshold-min = contact of strength at least { $min }
draw-combine-keep = direction kept (each report on its own)
draw-combine-either = a contact when at least one of the two reported it (higher report)
draw-combine-both = a contact only when both reported it (lower report)
draw-combine-mean = a contact when at least one reported it (mean of the reports)

## The network picture
draw-network-title = Contact network – { $name }
draw-network-caption = Shows { $threshold }. Rule: { $rule }. N = { $n } { $n ->
    [one] person
   *[other] people
 }, { $edges } { $edges ->
    [one] contact
   *[other] contacts
 }; { $nonrespondents } did not answer (drawn hollow, with the contacts others reported), { $isolates } without contact (at the right).
draw-network-alt = Network map, { $threshold } ({ $rule }): { $n } people and { $edges } contacts. { $communities } clusters, { $bridges } bridge builders ({ $bridgelist }), { $isolates } people without contact, { $nonrespondents } who did not answer. People per function: { $functions }.
draw-legend-functions = Function
draw-legend-nonrespondent = Did not answer
draw-legend-bridge = Bridge builder
draw-legend-community = Cluster
draw-legend-tie = Contact
draw-legend-gained = New contact
draw-legend-lost = Contact lost
draw-strength-daily = Daily
draw-strength-weekly = Weekly
draw-strength-monthly = Monthly
draw-strength-rarer = More rarely
draw-empty = the network has no people
draw-none = none
draw-yes = yes
draw-no = no

## Table columns
draw-col-label = Person
draw-col-function = Function
draw-col-responded = Answered
draw-col-degree = Contacts
draw-col-community = Cluster
draw-col-bridge = Bridge builder
draw-col-betweenness = Betweenness
draw-col-person = Person
draw-col-change = Change
draw-col-body = Political body
draw-col-municipality = Municipality
draw-col-mean = Mean

## Two waves
draw-waves-title = Two rounds side by side
draw-wave-subtitle = { $name } ({ $n } people)
draw-waves-caption = Each person stands in the same place in both rounds. { $gained } new and { $lost } lost contacts, { $kept } unchanged; { $joined } joined, { $left } left, { $stayed } took part both times. Shows { $threshold }; rule: { $rule }.
draw-waves-alt = Two rounds compared, { $first } and { $second }: { $gained } new contacts, { $lost } contacts lost and { $kept } unchanged. { $joined } people joined, { $left } left and { $stayed } took part in both.

## Function × function
draw-matrix-missing = the analysis has no contact matrix between functions
draw-matrix-title = Contact between the functions
draw-matrix-caption = The number in each cell is the number of contacts between two functions (on the diagonal: within the function). The colour shows the density, the share of possible contacts. The number in brackets is the number of people in the function. Grey: no contact possible.
draw-matrix-density = Density
draw-matrix-within = within { $a }: { $n }
draw-matrix-between = { $a } – { $b }: { $n }
draw-matrix-alt = Contact matrix of { $functions } functions with { $ties } contacts in all. Most contacts: { $strongest }.

## Ratings
draw-ratings-missing = no answers to show
draw-ratings-n-mean = N = { $n }, mean { $mean }
draw-ratings-n = N = { $n }
draw-rating-1 = 1 very poor
draw-rating-2 = 2
draw-rating-3 = 3
draw-rating-4 = 4
draw-rating-5 = 5
draw-rating-6 = 6 very good
draw-dont-know = Don't know
draw-ratings-caption = Percent of everyone who answered (N). "Don't know" is shown apart and is not part of the mean.
draw-ratings-alt-row = { $name }: N = { $n }, mean { $mean }, percent for 1–6: { $percents }; don't know { $dontknow } ({ $dontknowpct } %)
draw-ratings-alt = { $title }. { $rows }.

## Political contact
draw-political-missing = no political bodies to show
draw-political-title = Contact with the political bodies
draw-political-caption = { $k } of the { $n } respondents have contact with at least one political body. Bottom row: number of people per body and contact type.
draw-political-total = Number of people
draw-political-alt = Political contact: { $k } of the { $n } respondents have contact with at least one of { $bodies } bodies. { $perbody }.
draw-contact-receives = Receives information
draw-contact-gives = Gives information
draw-contact-political = Political discussion
draw-contact-professional = Professional discussion

## Command line
draw-cli-bad-output = cannot tell the picture format of { $path }: use .svg or .png
