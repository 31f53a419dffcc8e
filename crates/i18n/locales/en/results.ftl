# A closed round's exports (results-*).

results-sheet-contact = Contacts
results-sheet-advice = Advice
results-sheet-political = Political contact
results-sheet-rating-coordination = Coordination
results-sheet-rating-meeting_places = Meeting places
results-sheet-open = Open answers
results-col-from = From
results-col-to = To
results-col-frequency = Frequency
results-col-person = Person
results-col-body = Political body
results-col-contact-type = Kind of contact
results-col-answer = Answer (1–6)
results-col-question = Question
results-col-theme = Theme
results-col-text = Text
results-freq-daily = daily
results-freq-weekly = weekly
results-freq-monthly = monthly
results-freq-rarer = more rarely
results-dont-know = don't know
