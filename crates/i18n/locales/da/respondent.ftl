# The respondent's survey, added in the second wave (survey-*).

survey-already-sent = Dine svar er sendt ind. Du kan stadig se dem igennem og ændre dem, så længe runden er åben.
survey-already-sent-until = Dine svar er sendt ind. Du kan se dem igennem og ændre dem til og med { $date }.
survey-deadline = Svarfrist: { $date }.
survey-missing-title = Dette er ikke besvaret endnu:
survey-missing-frequency = Hvor ofte du har kontakt med nogen, du har valgt
survey-missing-advice-frequency = Hvor ofte du spørger nogen, du har valgt, om råd
survey-missing-ratings = Vurderingerne
survey-optional = kan stå tomt
survey-advice-title = Råd
survey-no-contact = ingen kontakt
survey-error-incomplete = Før du sender ind: angiv, hvor ofte du har kontakt med alle, du har valgt (se listen nedenfor).
