# A closed round's exports (results-*).

results-sheet-contact = Kontakter
results-sheet-advice = Råd
results-sheet-political = Politisk kontakt
results-sheet-rating-coordination = Samordning
results-sheet-rating-meeting_places = Møteplasser
results-sheet-open = Åpne svar
results-col-from = Fra
results-col-to = Til
results-col-frequency = Hyppighet
results-col-person = Person
results-col-body = Politisk organ
results-col-contact-type = Type kontakt
results-col-answer = Svar (1–6)
results-col-question = Spørsmål
results-col-theme = Tema
results-col-text = Tekst
results-freq-daily = daglig
results-freq-weekly = ukentlig
results-freq-monthly = månedlig
results-freq-rarer = sjeldnere
results-dont-know = vet ikke
