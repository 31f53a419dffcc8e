# A closed round's exports (results-*).

results-sheet-contact = Kontakter
results-sheet-advice = Råd
results-sheet-political = Politisk kontakt
results-sheet-rating-coordination = Koordinering
results-sheet-rating-meeting_places = Mødefora
results-sheet-open = Åbne svar
results-col-from = Fra
results-col-to = Til
results-col-frequency = Hyppighed
results-col-person = Person
results-col-body = Politisk organ
results-col-contact-type = Type kontakt
results-col-answer = Svar (1–6)
results-col-question = Spørgsmål
results-col-theme = Tema
results-col-text = Tekst
results-freq-daily = daglig
results-freq-weekly = ugentlig
results-freq-monthly = månedlig
results-freq-rarer = sjældnere
results-dont-know = ved ikke
