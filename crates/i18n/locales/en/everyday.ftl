# The coordinator's and the respondent's everyday (issue 15) — English.

## The optional 2015 question on good formal meeting points
survey-q-open-meeting_points = Which good formal meeting points are there for discussing social housing questions in your municipality, and what is missing?
web-item-open-meeting_points = Open: good formal meeting points
report-open-q-meeting_points = Good formal meeting points for discussing social housing questions

## Why this person was asked (opening page, letters, mails)
everyday-and = and
everyday-why-functions-unit = { $count ->
    [one] You are on the list with the function { $functions } in { $unit }.
   *[other] You are on the list with the functions { $functions } in { $unit }.
}
everyday-why-functions = { $count ->
    [one] You are on the list with the function { $functions }.
   *[other] You are on the list with the functions { $functions }.
}
everyday-why-unit = You are on the list from { $unit }.
everyday-why-none = You are on the list of people who have a role in social housing work.
everyday-why-list-by = The list of people asked was drawn up by { $by } at { $tenant }.
everyday-why-purpose = The answers show how cooperation works, so that you can improve it together.
everyday-phone = phone { $phone }
everyday-contact = Questions about the survey? Contact { $contact }.

## Mail
everyday-mail-greeting = Hello { $name },
everyday-mail-intro = { $tenant } is mapping how cooperation in social housing work works ("{ $round }").
everyday-mail-reminder-intro = We are still missing your answer to the survey "{ $round }" from { $tenant }. You continue where you left off.
everyday-mail-link = Answer through your personal link (do not share it):
everyday-mail-pause = You can take breaks; everything you answer is saved as you go.
everyday-mail-thanks = Thank you for your help! Kind regards, { $tenant }

## Letters
everyday-letter-intro = { $tenant } is mapping cooperation in social housing work ("{ $round }").
everyday-letter-minutes = The survey takes about { $minutes } minutes.
everyday-letters-language = Language of the letters

## Rounds: parts, contact, estimate, languages in step, preview
everyday-round-name-help = Left empty, the round is named after today's date.
everyday-parts-title = Questions asked
everyday-parts-help = The shorter the form, the more people answer: in 2015 many dropped out when the questions were many and alike. The estimated answering time follows your choice.
everyday-parts-always = The contact question with its frequency and the rating of coordination are always asked; they are the network and the comparison with other municipalities.
everyday-parts-sections = Parts of the form
everyday-parts-open = Open questions
everyday-part-political = Contact with the political bodies
everyday-part-optional-2015 = optional question from 2015
everyday-long-roster = The list has { $people } people, so the contact question will be long: the estimated answering time is about { $minutes } minutes. In 2015 fewer people answered when the list was long. Consider whether everyone on the list has a role in the work, or ask fewer questions.
everyday-contact-title = Contact person and list
everyday-contact-help = Shown in the invitations, the letters and on the opening page, so that the people asked know why, and whom they can ask.
everyday-contact-name = Contact person
everyday-contact-email = Contact person's e-mail
everyday-contact-phone = Contact person's phone
everyday-list-by = The list was drawn up by
everyday-list-by-help = For example "Kari Nordmann and the housing group".
everyday-contact-email-invalid = The contact person's e-mail address is not valid. Write an address like name@municipality.no.
everyday-contact-phone-invalid = The phone number may only contain digits, spaces and + - ( ).
everyday-contact-invalid = Names may have at most 200 characters and no line breaks.
everyday-preview-links = Preview the survey as the people asked see it:
everyday-preview-in = Preview in { $language }
everyday-preview-banner-label = Preview
everyday-preview-banner = Preview: this is how { $name } sees the survey in { $language }. Nothing you tick or write is saved.
everyday-preview-no-submit = Nothing is submitted in the preview.
everyday-unsynced-title = The wording was changed in one language but not updated in these languages, so respondents would get different questions:
everyday-unsynced-confirm = Open anyway: I know the languages say different things
everyday-open-unsynced = The round was not opened: the languages say different things. Update the wording in the marked languages, or tick the box to open anyway.

## Wording
everyday-instrument-help = When you change a text in one language, the other languages are marked "not updated" until you have checked them.
everyday-behind = { $n } not updated
everyday-not-offered = not offered
everyday-not-asked = not in this round
everyday-not-updated = Not updated: the text was changed in { $current } after this one was written.
everyday-confirm-same = This text says the same
everyday-reset = Back to the standard wording
everyday-wording-invalid = The text is too long (at most 2000 characters) or contains characters that cannot be saved.

## Roster
everyday-roster-count = { $on } of { $total } people are on the list.
everyday-roster-empty = No people yet. Import a list or add people.
everyday-import-mode = What should the file do with the list?
everyday-import-mode-add = Add and update: people not in the file stay on the list
everyday-import-mode-replace = Replace the list: people not in the file are taken off the list (you see the changes before anything is saved)
everyday-import-removed = { $n ->
    [one] { $n } person has been taken off the list.
   *[other] { $n } people have been taken off the list.
}
everyday-import-stale = The list has changed since the preview, so nothing was saved. Here are the changes as they are now.
everyday-preview-import-title = Replace the list: check the changes
everyday-preview-import-summary = { $added } new, { $changed } changed, { $removed } taken off the list, { $unchanged } unchanged.
everyday-preview-import-help = Nothing has been saved yet. People taken off the list keep their answers from earlier rounds and can be put back on the list.
everyday-preview-added = New on the list ({ $n })
everyday-preview-changed = Changed ({ $n })
everyday-preview-removed = Taken off the list ({ $n })
everyday-preview-removed-help = These are on the list now but not in the file.
everyday-preview-row = Row
everyday-preview-what = Change
everyday-preview-back-on-list = put back on the list
everyday-preview-confirm = Replace the list
everyday-field-name = Name
everyday-field-unit = Unit
everyday-field-level = Level
everyday-field-functions = Functions
everyday-bulk-title = Do with the selected
everyday-bulk-help = Tick people in the table, choose what to do, and press the button.
everyday-bulk-select = Select
everyday-bulk-select-person = Select { $name }
everyday-bulk-action = Action
everyday-bulk-deactivate = Take off the list
everyday-bulk-activate = Put back on the list
everyday-bulk-function_add = Give the function
everyday-bulk-function_remove = Remove the function
everyday-bulk-function = Function (when a function is given or removed)
everyday-bulk-submit = Apply to the selected
everyday-bulk-none = Tick at least one person first.
everyday-bulk-no-function = Choose the function to give or remove.
everyday-bulk-no-action = Choose an action.
everyday-bulk-unknown = Some of the selected people no longer exist. Reload the page and try again.
everyday-bulk-deactivated = { $n ->
    [one] { $n } person has been taken off the list.
   *[other] { $n } people have been taken off the list.
}
everyday-bulk-activated = { $n ->
    [one] { $n } person has been put back on the list.
   *[other] { $n } people have been put back on the list.
}
everyday-bulk-function-added = { $n ->
    [one] { $n } person has been given the function.
   *[other] { $n } people have been given the function.
}
everyday-bulk-function-removed = { $n ->
    [one] The function has been removed from { $n } person.
   *[other] The function has been removed from { $n } people.
}
everyday-person-added = { $name } has been added to the list.
everyday-person-saved = The changes for { $name } have been saved.
everyday-function-added = The function has been added.

## Problems in a roster file: where, what was found and what was expected
everyday-problem-row = Row { $row }: { $what }
everyday-problem-cell = Row { $row }, column { $letter } ("{ $header }"): { $what }
everyday-problem-column = Row { $row }, column { $letter }: { $what }
everyday-problem-header = Row 1 (the headings): { $what }
everyday-what-missing-column = the column for { $column } is missing (expected a heading such as "{ $example }").
everyday-column-name = name
everyday-column-email = e-mail
everyday-column-unit = unit
everyday-column-level = level
everyday-column-functions = functions
everyday-column-example-name = Name
everyday-column-example-email = Email
everyday-column-example-unit = Unit
everyday-column-example-level = Level
everyday-column-example-functions = Functions
everyday-what-missing-name = the name is missing (every person needs a name).
everyday-what-bad-email = "{ $value }" is not an e-mail address (expected an address such as name@municipality.no).
everyday-what-duplicate-email = the e-mail address { $value } is also on row { $first } (each person should be on the list once).
everyday-what-unknown-function = the function "{ $value }" is not in the list of functions (expected a function from the list under "Functions", several separated by |; add it there first if it is missing).
everyday-what-unknown-level = the level "{ $value }" is unknown (expected top management, leader, professional, politician or external).
everyday-what-bad-text = the value is too long or has line breaks or invisible characters (expected one line of plain text, at most 200 characters).
everyday-what-unclosed-quote = a quotation mark (") opens a value here but never closes it, so the rest of the file would be read as one value. Remove the quotation mark or add the one that closes the value.

## The respondent
everyday-open-none = You have not answered the open questions (they may be left empty).
everyday-closed-received = Your answers arrived on { $date }. Thank you!

## The user's own language
everyday-nav-language = Language
everyday-language-title = Language in samspill
everyday-language-legend = Which language do you want to use?
everyday-language-follow = As the municipality ({ $language })
everyday-language-default = Default (Norwegian Bokmål)
everyday-language-name-nb = Norsk bokmål
everyday-language-name-nn = Norsk nynorsk
everyday-language-name-da = Dansk
everyday-language-name-en = English
everyday-error-method = This address does not accept such a request.
