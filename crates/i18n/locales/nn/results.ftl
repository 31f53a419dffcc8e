# A closed round's exports (results-*).

results-sheet-contact = Kontaktar
results-sheet-advice = Råd
results-sheet-political = Politisk kontakt
results-sheet-rating-coordination = Samordning
results-sheet-rating-meeting_places = Møteplassar
results-sheet-open = Opne svar
results-col-from = Frå
results-col-to = Til
results-col-frequency = Hyppigheit
results-col-person = Person
results-col-body = Politisk organ
results-col-contact-type = Type kontakt
results-col-answer = Svar (1–6)
results-col-question = Spørsmål
results-col-theme = Tema
results-col-text = Tekst
results-freq-daily = dagleg
results-freq-weekly = vekentleg
results-freq-monthly = månadleg
results-freq-rarer = sjeldnare
results-dont-know = veit ikkje
