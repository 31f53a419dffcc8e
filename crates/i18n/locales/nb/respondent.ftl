# The respondent's survey, added in the second wave (survey-*).

survey-already-sent = Svarene dine er sendt inn. Du kan fortsatt se over og endre dem så lenge runden er åpen.
survey-already-sent-until = Svarene dine er sendt inn. Du kan se over og endre dem til og med { $date }.
survey-deadline = Svarfrist: { $date }.
survey-missing-title = Dette er ikke besvart ennå:
survey-missing-frequency = Hvor ofte du har kontakt med noen du har valgt
survey-missing-advice-frequency = Hvor ofte du spør noen du har valgt om råd
survey-missing-ratings = Vurderingene
survey-optional = kan stå tomt
survey-advice-title = Råd
survey-no-contact = ingen kontakt
survey-error-incomplete = Før du sender inn: oppgi hvor ofte du har kontakt med alle du har valgt (se listen under).
