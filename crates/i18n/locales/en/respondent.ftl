# The respondent's survey, added in the second wave (survey-*).

survey-already-sent = Your answers have been submitted. You can still review and change them while the round is open.
survey-already-sent-until = Your answers have been submitted. You can review and change them until { $date }.
survey-deadline = Please answer by { $date }.
survey-missing-title = Not answered yet:
survey-missing-frequency = How often you are in contact with someone you chose
survey-missing-advice-frequency = How often you ask someone you chose for advice
survey-missing-ratings = The ratings
survey-optional = may be left empty
survey-advice-title = Advice
survey-no-contact = no contact
survey-error-incomplete = Before you submit: say how often you are in contact with everyone you chose (see the list below).
