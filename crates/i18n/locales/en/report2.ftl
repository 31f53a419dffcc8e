# samspill — reports, part 2 (English): the summary's new rules, the analysis rules, the named version

report-named-notice = Internal version with names – not to be shared beyond those with access.

## The analysis rules
report-rule-either = A contact counts when at least one of the two reported it, with the higher of the two reported frequencies (the rule “either”, as in the 2015 survey).
report-rule-both = A contact counts only when both reported it, with the lower of the two frequencies (the rule “both”). A contact with someone who did not answer cannot be confirmed and rests on one person's report.
report-rule-mean = A contact counts when at least one of the two reported it, with the mean of the reported frequencies (the rule “mean”).
report-rule-keep = Each person's reports are used as they are, without combining the two sides of a contact (a directed network).
report-method-nonresp-drop = { $missing } people did not answer. Under the rule chosen for this round they are left out of the network together with every contact others reported with them. The table shows what changes if they are included (reconstruction).
report-method-builders-same = The bridge builders are the same with and without reconstruction.
report-method-builders-lost = Without those who did not answer, { $lost } of the bridge builders who answered are no longer bridge builders ({ $lostlist }); nobody new becomes one.
report-method-builders-gained = Without those who did not answer, { $gained } become new bridge builders ({ $gainedlist }); everyone who was a bridge builder and answered still is.
report-method-clusters = A cluster is a group of at least { $min } people that the Louvain method finds again when the computation is repeated from ten different seeds (mean stability at least { $stable } on a scale from 0 to 1). Groups that change from run to run are not counted as clusters and are not drawn in the figures.
report-method-names = This is the internal version: people are shown by name.

## The network
report-m-parts = Connected parts (two or more people)
report-parts-intro = The network consists of { $count } connected parts with no contact between them, named after the unit most of their members belong to:
report-clusters-none = The network does not split into clusters.
report-clusters-unstable = No stable clusters: { $count ->
    [one] the one group
   *[other] the { $count } groups
} the computation finds change when it is repeated from other seeds, and so are not counted as clusters.
report-clusters-also-unstable = In addition { $count ->
    [one] there is one group
   *[other] there are { $count } groups
} that change when the computation is repeated; they are not counted as clusters.
report-shape-too-small = The largest connected part has { $largest } people, too few to say anything firm about its shape.

## Summary
report-sum-separate = { $count ->
    [one] One group has
   *[other] { $count } groups have
} no daily or weekly contact with the rest of the network: { $list }.
report-sum-separate-item = { $name } ({ $count } people)
report-sum-clusters-unstable = { $scope ->
    [whole] The network
   *[part] The largest connected part ({ $largest } people)
} has no stable sub-groups: repeated from other seeds, the computation splits it differently every time. So no clusters are named.
report-sum-missing-functions = Nobody on the list of people in the network holds { $count ->
    [one] the function
   *[other] the functions
} { $list }.
report-sum-discussion = Of the { $respondents } who answered, { $political ->
    [0] none have
   *[other] { $political } have
} political discussion and { $professional ->
    [0] none
   *[other] { $professional }
} professional discussion with a political body.
report-sum-discussion-low = There is little discussion with the politicians: of the { $respondents } who answered, { $political ->
    [0] none have
   *[other] { $political } have
} political discussion and { $professional ->
    [0] none
   *[other] { $professional }
} professional discussion with a political body.
report-sum-discussion-none = None of the { $respondents } who answered discuss social housing matters with the politicians, neither politically nor professionally: the contact is about information only.
report-sum-nonresp-all = { $count ->
    [one] The only bridge builder
   *[other] All { $count } bridge builders
} ({ $list }) did not answer themselves: what holds the network together rests only on what others reported.
report-sum-no-forum-unrated = The municipality has no formal forum for coordinating social housing work.
report-sum-theme-item = { $theme } ({ $count })
report-sum-themes-challenges = The challenges named most often in the open answers are { $list } (number of answers, of { $total } answers about challenges).
report-sum-themes-strengths = The strengths named most often are { $list } (number of answers, of { $total } answers about strengths).
report-sum-reconstructed = { $reconstructed } of { $ties } daily or weekly contacts ({ $share }) exist only because others reported them about the { $missing } who did not answer. With them, { $largest } of { $people } are connected and { $builders ->
    [0] none are bridge builders
   *[other] { $builders } are bridge builders
}; without them, { $altlargest } of { $altpeople } are connected and { $altbuilders ->
    [0] none are bridge builders.
   *[other] { $altbuilders } are bridge builders.
}
report-sum-unreconstructed = The { $missing } who did not answer are left out of the network under the rule chosen. Had the contacts others reported with them been included, { $reconstructed } of { $ties } contacts ({ $share }) would rest on such reports, { $largest } of { $people } would be connected and { $builders } would be bridge builders, against { $altlargest } of { $altpeople } and { $altbuilders } now.

## Questions for the working group
report-q-separate = How can { $list } get regular contact with the rest of the network, and who should take the initiative?
report-q-missing = Should someone responsible for { $list } be part of the network next time?
report-q-discussion = Where can politicians and administration discuss social housing matters, not only exchange information?
report-q-theme = What can the working group do about “{ $theme }”, the challenge most people name in the open answers?
report-q-reconstruction = Can the { $missing } who did not answer be given another chance? Much of the picture rests on what others reported about them.

## Open answers
report-theme-local-knowledge = Overview and local knowledge
report-theme-turnover = Turnover in municipal housing
report-theme-focus = Creating focus and attention
report-open-left-out = { $count ->
    [one] One answer has
   *[other] { $count } answers have
} not been reviewed yet and { $count ->
    [one] is
   *[other] are
} therefore not quoted.

## Comparing two rounds
report-wave-stayed = { $stayed } people took part in both rounds.
report-wave-joined = { $joined } joined: { $list }.
report-wave-left = { $left } left: { $list }.
report-wave-no-change = Nobody joined and nobody left.
report-wave-integration = The share in the largest connected part went from { $before } to { $after }.
## Lists
report-list-and = { $head } and { $last }
