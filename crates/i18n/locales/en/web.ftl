# samspill web application (coordinator pages, errors, mail) — English
web-app-name = samspill
web-skip-to-content = Skip to content
web-nav-label = Main menu
web-nav-home = Overview
web-nav-roster = Roster
web-nav-settings = Settings
web-logout = Log out
web-error-title = Something went wrong
web-error-csrf = The request was refused because it did not come from this form. Reload the page and try again.
web-error-not-found = We could not find the page you asked for.
web-error-bad-token = The link is unknown or has expired. Check that you copied the whole link, or ask the coordinator for a new one.
web-error-frozen = The round is closed, and answers can no longer be changed.
web-error-not-open = The round is not accepting answers now.
web-error-invalid = Some of what was sent is not valid. Please check and try again.
web-error-conflict = This already exists.
web-error-internal = An error occurred on our side. What you have already saved is not lost. Please try again shortly.
web-error-forbidden = You do not have access to this page.
web-login-title = Log in
web-login-email = E-mail address
web-login-password = Password
web-login-submit = Log in
web-login-failed = Wrong e-mail address or password.
web-login-limited = Too many failed attempts. Wait { $seconds } seconds and try again.
web-home-persons = { $count ->
    [one] { $count } person on the roster.
   *[other] { $count } people on the roster.
}
web-coverage-title = Some functions have no people:
web-coverage-gap = No one in { $function }
web-rounds = Rounds
web-round = Round
web-round-name = Name of the round
web-round-status = Status
web-status-draft = Draft
web-status-open = Open
web-status-closed = Closed
web-no-rounds = No rounds yet.
web-round-new = New round
web-round-create = Create round
web-settings-name = Name of the municipality or area
web-settings-lang = Language
web-lang-nb = Norwegian Bokmål
web-lang-nn = Norwegian Nynorsk
web-lang-da = Danish
web-lang-en = English
web-settings-mail-from = Sender address of invitations
web-settings-mail-from-help = Use an address in the municipality's own domain so that spam filters do not stop the mail.
web-settings-mail-from-error = Enter a valid e-mail address.
web-save = Save
web-cancel = Cancel
web-saved = Saved.
web-import-title = Import roster
web-import-help = CSV or XLSX with the columns name, email, unit, level and functions (separate several functions with |). The first row holds the headings. If any row has a problem, nothing is stored.
web-import-file = File (CSV or XLSX)
web-import-submit = Import
web-import-rejected = The file was not imported. Nothing was stored. Correct the following and try again:
web-import-done = Imported: { $added } new, { $updated } updated.
web-import-unreadable = The file could not be read.
web-import-no-file = Choose a file.
web-roster-people = People
web-person-name = Name
web-person-email = E-mail
web-person-unit = Unit
web-person-level = Level
web-person-functions = Functions
web-person-active = On the roster
web-person-add = Add person
web-person-email-taken = The e-mail address is already used by another person.
web-level-top_management = Top management
web-level-leader = Leader
web-level-professional = Professional
web-level-politician = Politician
web-level-external = External
web-yes = Yes
web-no = No
web-functions-title = Functions
web-functions-caption = People per function
web-function = Function
web-persons = People
web-function-own = own
web-function-new = New function
web-function-add = Add function
web-function-exists = The function already exists.
web-function-invalid = Enter a name for the function.
web-problem-missing-column = Row { $row }: the column “{ $column }” is missing.
web-problem-missing-name = Row { $row }: the name is missing.
web-problem-bad-email = Row { $row }: “{ $value }” is not a valid e-mail address.
web-problem-duplicate-email = Row { $row }: the e-mail address { $value } is also on row { $first }.
web-problem-unknown-function = Row { $row }: the function “{ $value }” is not in the function catalogue.
web-problem-unknown-level = Row { $row }: the level “{ $value }” is unknown (use top management, leader, professional, politician or external).
web-problem-bad-text = Row { $row }: “{ $column }” is too long or contains invalid characters.
web-letters-title = Printable letters
web-letters-help = Print this page. Each person gets one sheet with their personal link and QR code.
web-letter-greeting = To { $name }
web-letter-body = { $tenant } is mapping cooperation in its social housing work (“{ $round }”), and you are included because you have a role in this work. The survey takes about { $minutes } minutes.
web-letter-link = Open the survey with this personal link, or scan the QR code with your phone:
web-letter-qr-alt = QR code with your personal link to the survey
web-instrument-title = Questionnaire
web-back-to-round = Back to the round
web-instrument-languages = Language of the text
web-edited = edited
web-item-intro = Introduction
web-item-contacts = Contact question
web-item-frequency = Frequency
web-item-advice = Advice (optional relation)
web-item-advice-frequency = Frequency of advice
web-item-political = Political contact
web-item-rating-coordination = Rating: coordination
web-item-rating-meeting_places = Rating: meeting places
web-item-open-strengths = Open: strengths
web-item-open-challenges = Open: challenges
web-item-open-coordination = Open: coordination
web-item-open-responsibility = Open: clarifying responsibility
web-item-open-turnover = Open: turnover in municipal housing
web-item-open-refugees = Open: settling refugees
web-item-open-focus = Open: creating focus
web-estimate = Estimated answering time: about { $minutes } minutes ({ $people } people on the roster).
web-monitor-title = Response rate
web-monitor-overall = { $submitted } of { $invited } have answered ({ $percent } %). { $started } have opened the survey.
web-monitor-per-function = Answers per function
web-monitor-per-unit = Answers per unit
web-group = Group
web-invited = Invited
web-started = Opened
web-submitted = Answered
web-round-actions = Running the round
web-open-help = When the round opens, everyone on the roster gets a personal link.
web-round-open = Open the round
web-round-invite-new = Invite new people on the roster
web-no-smtp = E-mail is not set up on this server; invitations stay queued. Use letters or the list of links.
web-send-invitations = Send invitations by e-mail
web-send-reminders = Send a reminder to those who have not answered
web-links-csv = List of links (CSV)
web-round-close = Close the round
web-close-help = Closing the round locks all answers, and the analysis uses the locked data. This cannot be undone.
web-close-confirm = I want to close the round and lock the answers
web-close-confirm-needed = Tick the box to confirm that the round should be closed.
web-round-opened = The round is open.
web-round-closed = The round is closed, and its data is locked.
web-mail-queued = The e-mails are queued for sending.
web-invitations = Invitations
web-mail = E-mail
web-mail-status-none = not sent
web-mail-status-queued = queued
web-mail-status-sent = sent
web-mail-status-failed = failed (will retry)
web-mail-status-bounced = rejected
web-round-settings = Round settings
web-round-languages = Languages respondents can choose
web-round-default-lang = Default language
web-round-opens = First day for answers
web-round-closes = Last day for answers
web-round-second-relation = Also ask whom people ask for advice
web-bodies = Political bodies
web-bodies-help = One body per line (for example mayor, executive committee, municipal council, committee).
web-csv-name = Name
web-csv-email = E-mail
web-csv-unit = Unit
web-csv-link = Link
web-mail-subject = { $tenant }: survey on cooperation in social housing work
web-mail-body =
    Hello { $name },

    { $tenant } is mapping how cooperation in its social housing work is going (“{ $round }”). You receive this e-mail because you have a role in this work.

    Answer through your personal link (do not share it):
    { $link }

    You can take breaks; everything you answer is saved as you go.
    { $has_deadline ->
        [yes] The last day to answer is { $deadline }.
       *[no] Thank you for your help!
    }
web-mail-reminder-subject = Reminder: { $tenant } would like your answer
web-mail-reminder-body =
    Hello { $name },

    We are still missing your answer to the survey “{ $round }”. Continue where you left off with your link:
    { $link }
    { $has_deadline ->
        [yes] The last day to answer is { $deadline }.
       *[no] Thank you for your help!
    }
