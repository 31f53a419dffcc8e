# samspill — reports (English)

report-title = Coordination of social housing work in { $name }
report-subtitle = Network survey { $round } · { $named ->
    [yes] people are shown by name
   *[no] people are shown by function code
}
report-figure = Figure
report-table = Table
report-table-view = Show as table
report-percent = { $value }%
report-dont-know = Don't know

## Chapters
report-ch-summary = Summary and the way forward
report-ch-way-forward = Questions for the working group
report-ch-survey = The survey
report-ch-network = The network
report-ch-political = Political anchoring
report-ch-ratings = Ratings and open answers
report-ch-method = Method and caveats
report-ch-appendix = Appendix: further figures

report-summary-intro = These are the main findings of the survey, each with the number it rests on. The questions at the end are a starting point for the working group.

## Summary: one sentence per rule
report-sum-response-good = The response rate is good: { $respondents } of { $people } answered ({ $rate }).
report-sum-response-fair = The response rate is fair: { $respondents } of { $people } answered ({ $rate }). Read the figures for functions with few answers with care.
report-sum-response-low = The response rate is low: only { $respondents } of { $people } answered ({ $rate }), which makes firm conclusions hard.
report-sum-integrated-all = All { $people } people are connected in one network of daily or weekly contact.
report-sum-integrated-most = Most are connected: { $largest } of { $people } are in the same connected part of daily or weekly contact, while { $outside } stand outside it.
report-sum-integrated-poor = The network is poorly integrated: only { $largest } of { $people } are connected by daily or weekly contact, and { $isolates ->
    [0] the others are in smaller groups of their own.
    [one] { $isolates } person has no daily or weekly contact with anyone.
   *[other] { $isolates } people have no daily or weekly contact with anyone.
}
report-sum-no-clusters = { $scope ->
    [whole] The network
   *[part] The largest connected part ({ $largest } people)
} does not split into clear clusters.
report-sum-clusters-robust = { $scope ->
    [whole] The network
   *[part] The largest connected part ({ $largest } people)
} splits into { $clusters } clusters ({ $names }), but no single person is needed to hold them together.
report-sum-clusters = { $scope ->
    [whole] The network
   *[part] The largest connected part ({ $largest } people)
} splits into { $clusters } clusters ({ $names }). { $builders ->
    [one] One bridge builder ties them together
   *[other] { $builders } bridge builders tie them together
}: { $list }.
report-sum-chain-between = Between { $from } and { $to } runs a chain of { $people ->
    [2] two
    [3] three
    [4] four
    [5] five
    [6] six
   *[other] { $people }
} people ({ $list }): information has to pass every link.
report-sum-chain = The network has a chain of { $people ->
    [4] four
    [5] five
    [6] six
   *[other] { $people }
} people ({ $list }) in which every link is the only connection onward.
report-sum-isolated-functions = { $count ->
    [one] One function has
   *[other] { $count } functions have
} nobody in daily or weekly contact with the others: { $list }.
report-sum-isolates = { $count ->
    [one] One person has
   *[other] { $count } people have
} no daily or weekly contact with the others: { $list }.
report-sum-shape-line = { $scope ->
    [whole] The network
   *[part] The largest connected part ({ $largest } people)
} is elongated, tending towards a line: the longest distance is { $diameter } links. Nobody has a good view of the whole.
report-sum-shape-star = { $scope ->
    [whole] The network
   *[part] The largest connected part ({ $largest } people)
} is star-shaped around { $hub }, who can coordinate but also becomes a bottleneck.
report-sum-shape-compact = { $scope ->
    [whole] The network
   *[part] The largest connected part ({ $largest } people)
} is compact: on average { $distance } links separate two people, and the longest distance is { $diameter } links.
report-sum-political = { $with } of the { $respondents } who answered have contact with the political environment: { $gives } give information, and { $receives } receive information.
report-sum-political-weak = Political contact is weak: only { $with } of the { $respondents } who answered have contact with the political environment; { $gives } give information, and { $receives } receive information.
report-sum-political-gap = Nobody who answered has contact with { $list }.
report-sum-rating-good = Coordination is rated fairly good: { $mean } of 6 on average (N = { $n }, { $dontknow } answered “don't know”).
report-sum-rating-middling = Coordination is rated middling: { $mean } of 6 on average (N = { $n }, { $dontknow } answered “don't know”).
report-sum-rating-weak = Coordination is rated weak: { $mean } of 6 on average (N = { $n }, { $dontknow } answered “don't know”).
report-sum-no-forum = The municipality has no formal forum for coordinating social housing work; the formal meeting places get { $mean } of 6.
report-sum-nonresp-independent = { $missing ->
    [one] One person
   *[other] { $missing } people
} did not answer, but none of the bridge builders is among them.
report-sum-nonresp-depends = { $count ->
    [one] One
   *[other] { $count }
} of the { $builders } bridge builders ({ $list }) did not answer themselves; the picture of them rests on what others reported.

## Questions for the working group
report-q-outside = How can { $count ->
    [one] the one person
   *[other] the { $count } people
} without weekly contact be brought into the cooperation?
report-q-chain = Do the two ends of the chain of { $people } people need more direct contact, for example a regular meeting?
report-q-builders = What happens if one of the bridge builders leaves or is away? Who can stand in for them?
report-q-clusters = Where do the clusters meet today, and do they need a shared meeting place?
report-q-functions = How can { $list } come closer to the rest of the network?
report-q-forum = Should the municipality set up a standing forum for coordinating social housing work? Who should sit in it?
report-q-rating = What would it take for coordination to be rated better next time?
report-q-political = How can the politicians get regular information about social housing work, and who is responsible for giving it?
report-q-roster = Is anyone missing from the list of people in the network, or is anyone on it who should not be?

## The survey
report-survey-who = The survey went to { $people } people whom the municipality counted in the social housing network. Together they cover { $functions } functions, since some hold several. { $respondents } answered ({ $rate }).
report-table-functions = People per function and response rate
report-col-function = Function
report-col-persons = People
report-col-respondents = Answered
report-col-rate = Response rate
report-total-functions = Total number of functions
report-total-persons = Total number of people in the network
report-survey-empty-functions = Nobody covers these functions: { $list }. Consider whether someone should have been included.
report-survey-several-functions = A person with several functions counts under each of them in the table. Figures and function codes use the first function (the primary one).

## The network
report-network-intro = The network shows who is in contact with whom about social housing work. There are two pictures: daily contact only, and daily and weekly contact.
report-view-daily = Daily contact
report-view-weekly = Daily and weekly contact
report-table-measures-daily = Key numbers, daily contact
report-table-measures-weekly = Key numbers, daily and weekly contact
report-col-measure = Measure
report-col-value = Value
report-m-people = People
report-m-ties = Contacts
report-m-density = Density (share of possible contacts)
report-m-largest = People in the largest connected part
report-m-isolates = People without contact
report-m-diameter = Longest distance in the largest part (links)
report-m-distance = Average distance in the largest part (links)
report-m-clusters = Clusters
report-m-builders = Bridge builders
report-m-star = Star tendency of the largest part (0–1)
report-m-line = Line tendency of the largest part (0–1)
report-clusters-intro = { $count ->
    [one] The network has one cluster
   *[other] The network has { $count } clusters
}, named after the unit most of its members belong to:
report-cluster-item = { $name } ({ $count } people): { $list }
report-builders-none = No single person is needed to hold the network together.
report-table-builders-daily = Bridge builders, daily contact (* = did not answer)
report-table-builders-weekly = Bridge builders, daily and weekly contact (* = did not answer)
report-col-person = Person
report-col-why = Why a bridge builder
report-reason-splits = without this person the network falls apart
report-reason-lengthens = without this person distances grow by at least 10%
report-reason-carries = at least a quarter of the shortest paths between groups run through this person
report-isolates-daily = { $count ->
    [one] One person has
   *[other] { $count } people have
} no daily contact: { $list }.
report-isolates-weekly = { $count ->
    [one] One person has
   *[other] { $count } people have
} neither daily nor weekly contact: { $list }.
report-shape-heading = The shape of the network
report-shape-star = Star-shaped: one person in the middle is in contact with the others, who have little contact among themselves. The person in the middle can coordinate, but is also a bottleneck and a weak point.
report-shape-circle = Circular: everyone is in contact with a few others and has equal access to information, but nobody takes the role of coordinator.
report-shape-line = Line-shaped: information has to pass many links. This shape has no real strengths: paths are long and nobody can coordinate the whole.
report-shape-no-perfect = There is no single perfect network. Whether the shape is good depends on what the municipality wants to achieve: strategic coordination and operational cooperation need different networks.

## Political anchoring
report-political-intro = Respondents were asked about their contact with the political environment: { $bodies }.
report-political-none = The survey did not ask about contact with political bodies.
report-table-political = People with contact, by political body and type of contact
report-table-political-who = Who has contact with which bodies
report-col-body = Political body
report-col-contact = Contact
report-contact-receives-information = Receives information
report-contact-gives-information = Gives information
report-contact-political-discussion = Political discussion
report-contact-professional-discussion = Professional discussion
report-political-caveat = People who did not answer the survey are not included in the figures on political contact.

## Ratings and open answers
report-ratings-intro = Respondents rated on a scale from 1 (very poor) to 6 (very good). The mean leaves out “don't know”, which is shown separately.
report-rating-coordination = How well does the coordination of social housing work function?
report-rating-meeting-places = How well do the formal meeting places function?
report-rating-mean = Mean { $mean } of 6 (N = { $n }; { $dontknow } answered “don't know”).
report-rating-none = No answers to this question.
report-rating-no-forum = The municipality has no formal coordination forum; the rating of meeting places concerns the meetings that exist.
report-table-rating-coordination = Distribution of answers, coordination
report-table-rating-meeting-places = Distribution of answers, formal meeting places
report-col-answer = Answer
report-col-count = Count
report-col-share = Share
report-open-heading = Open answers by theme
report-open-intro = The answers are grouped by theme. The number in brackets is how many answers the theme got; identical answers are merged.
report-open-question = { $question } ({ $count } answers)
report-open-theme = { $theme } ({ $count }): { $quotes }
report-open-q-strengths = The two main strengths of social housing work
report-open-q-challenges = The two main challenges of social housing work
report-open-q-coordination = Challenges of coordination
report-open-q-responsibility = Challenges of clarifying responsibility
report-open-q-turnover = Challenges of turnover in municipal housing
report-open-q-refugees = Challenges of settling refugees
report-open-q-focus = Challenges of creating focus
report-theme-housing-shortage = Lack of suitable housing
report-theme-cooperation = Cooperation and clarifying responsibility
report-theme-plan-strategy = Plans and strategy
report-theme-follow-up = Following up residents
report-theme-competence = Competence and commitment
report-theme-resources = Time and resources
report-theme-meeting-places = Meeting places and information
report-theme-refugees = Settling refugees
report-theme-other = Other

## Method
report-method-rule = Combination rule: two people can report the same contact differently.
report-method-threshold = Threshold: the figures and numbers show daily contact, and daily and weekly contact. Monthly and rarer contact is left out.
report-method-ties = Of { $ties } daily or weekly contacts, { $confirmed } ({ $share }) are confirmed by both people, { $onesided } were reported by only one of two who both answered, and { $reconstructed } rest on what others reported about someone who did not answer.
report-method-nonresp = { $missing } people did not answer. They stay in the network with the contacts others reported with them (reconstruction). The table shows what changes if they are left out.
report-table-reconstruction = Daily and weekly contact with and without those who did not answer
report-col-with = With reconstruction
report-col-without = Without those who did not answer
report-method-builders-change = Without those who did not answer, { $lost } of the bridge builders who answered are no longer bridge builders ({ $lostlist }), and { $gained } become new bridge builders ({ $gainedlist }).
report-method-builders-rules = A bridge builder meets at least one of three rules: without the person the network falls apart; without the person the distances between the others grow by at least 10%; or at least a quarter of the shortest paths between groups run through the person. The groups are found with the Louvain method from a fixed seed.
report-method-conventions = The measures follow the definitions of NetworkX 3. Distances are numbers of links in the largest connected part.
report-method-pseudonyms = People are shown by function code and number (for example “Allocation 2”), not by name.

## Functions
report-fn-name-economic = Financial instruments and advice
report-fn-name-services = Services in the home
report-fn-name-allocation = Allocation of housing
report-fn-name-tenancy = Tenancy contracts
report-fn-name-development = Development
report-fn-name-procurement = Procuring housing
report-fn-name-land-use = Land-use planning
report-fn-name-maintenance = Operation and maintenance
report-fn-name-housing-planning = Social housing planning
report-fn-name-community-planning = Community planning
report-fn-name-politician = Elected politician

## Programme report (across municipalities)
report-yes = yes
report-no = no
report-prog-title = { $name }: coordination of social housing work
report-prog-subtitle = Summary of { $count } municipalities · people are shown by function code
report-prog-ch-overview = Overview
report-prog-intro = This report brings together the results of { $count } municipalities. In all, { $people } people were asked and { $respondents } answered.
report-prog-table-response = Response rate per municipality
report-prog-col-municipality = Municipality
report-prog-col-forum = Formal coordination forum
report-prog-table-functions = People per function in each municipality
report-prog-ch-ratings = Ratings
report-prog-table-ratings = Mean rating (1–6, without “don't know”) and number of answers (N)
report-prog-col-coordination = Coordination
report-prog-col-meetings = Meeting places
report-prog-suppressed = Means of groups with fewer than { $min } answers are not shown (–), to protect the individual.
report-prog-ch-networks = The networks side by side
report-prog-table-networks = Daily and weekly contact: key numbers per municipality
report-prog-col-connected = Share in the largest part
report-prog-col-chain = Longest chain (people)
report-prog-figures = The figures show daily and weekly contact in each municipality, drawn at the same scale.

## Comparing two rounds
report-wave-title = Changes in the network of { $name }
report-wave-subtitle = Round { $from } compared with round { $to } · { $named ->
    [yes] people are shown by name
   *[no] people are shown by function code
}
report-wave-ch-people = What has changed
report-wave-ties = Among those present both times, { $gained } new daily or weekly contacts appeared, { $lost } disappeared and { $kept } remained.
report-wave-table-measures = Key numbers, daily and weekly contact, in both rounds
report-wave-col-change = Change
report-wave-rating = Coordination was rated { $before } of 6 (N = { $nbefore }) in the first round and { $after } of 6 (N = { $nafter }) in the second.
report-wave-table-people = The people whose contacts changed most
report-wave-col-gained = New contacts
report-wave-col-lost = Lost contacts
report-wave-note = People are followed between rounds by a stable identity, not by name or place in the list.

## Figures
report-fig-daily = Daily contact in { $name }
report-fig-weekly = Daily and weekly contact in { $name }
report-fig-matrix = Contact between the functions (daily and weekly)
report-fig-political = Contact with the political environment, by type of contact
report-fig-waves = Daily and weekly contact, rounds { $from } and { $to }

## Command line
report-cli-needs-demo = samspill report only writes the demo reports for now: use --demo
report-cli-demo-programme = The demo programme
