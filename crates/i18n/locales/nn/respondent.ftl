# The respondent's survey, added in the second wave (survey-*).

survey-already-sent = Svara dine er sende inn. Du kan framleis sjå over og endre dei så lenge runden er open.
survey-already-sent-until = Svara dine er sende inn. Du kan sjå over og endre dei til og med { $date }.
survey-deadline = Svarfrist: { $date }.
survey-missing-title = Dette er ikkje svart på enno:
survey-missing-frequency = Kor ofte du har kontakt med nokon du har valt
survey-missing-advice-frequency = Kor ofte du spør nokon du har valt om råd
survey-missing-ratings = Vurderingane
survey-optional = kan stå tomt
survey-advice-title = Råd
survey-no-contact = ingen kontakt
survey-error-incomplete = Før du sender inn: oppgi kor ofte du har kontakt med alle du har valt (sjå lista under).
