# The service: operator pages, results, exports, the outbox (web-*).


# Errors
web-error-repeated-field = The form sent the same field more than once. Reload the page and try again.
web-error-too-large = What was sent is too large. Files may be up to 5 MB.
web-error-bad-query = The address holds a value that makes no sense here. Go back and try again.
web-error-incomplete = The answers are not complete yet.
web-results-not-closed = Results are made only once the round is closed, so that they rest on every answer and do not change afterwards. Close the round on the round page.
web-results-bad-rules = Unknown analysis rule. Choose among the options on the results page.
web-login-busy = Many people are logging in right now. Wait a few seconds and try again.
web-problem-unreadable-file = The file could not be read as CSV or an Excel workbook. Save the list again as .xlsx or .csv (semicolon or comma) and try again.

# Navigation and roles
web-nav-operator = Operations
web-role-coordinator = coordinator
web-role-funder = funder adviser
web-role-evaluator = evaluator
web-role-operator = operator

# Operator pages
web-op-title = Operations: municipalities and users
web-op-intro = Here you create municipalities, districts and housing areas and their users. Operators see no survey answers.
web-op-user-created = The user { $email } was created.
web-op-password-reset = New password for { $email }.
web-op-password-once = Give the password to the user safely. It is shown only this once:
web-op-tenants = Municipalities and housing areas
web-op-slug = Short name
web-op-slug-help = Lower-case letters a–z, digits and hyphens, e.g. «oppdal». Used in commands; it cannot be changed.
web-op-name = Name
web-op-kind = Kind
web-op-kind-municipality = municipality or district
web-op-kind-housing_area = housing area (comprehensive plan)
web-op-status = Status
web-op-actions = Actions
web-op-active = active
web-op-inactive = deactivated
web-op-new-name = New name for { $name }
web-op-rename = Rename
web-op-deactivate = Deactivate
web-op-activate = Activate
web-op-no-tenants = No municipalities yet. Create the first one below.
web-op-tenant-new = New municipality or housing area
web-op-create = Create
web-op-users = Users
web-op-role = Role
web-op-tenant = Municipality
web-op-tenant-help = Coordinators, advisers and evaluators belong to a municipality; operators to none.
web-op-reset = New password
web-op-user-new = New user
web-op-exists = The short name or e-mail address is already in use.
web-op-not-yourself = You cannot deactivate your own account.
web-op-done-tenant-created = The municipality was created.
web-op-done-tenant-renamed = The name was changed.
web-op-done-tenant-deactivated = The municipality was deactivated: its users cannot log in and its links take no answers. Nothing was deleted.
web-op-done-tenant-activated = The municipality is active again.
web-op-done-user-deactivated = The user was deactivated and logged out.
web-op-done-user-activated = The user can log in again.

# The built-in outbox
web-outbox-title = Outbox
web-outbox-intro = This server does not send e-mail out; it keeps each message here as the recipient would have received it, with their personal link.
web-outbox-to = To { $to }
web-outbox-empty = No messages yet. Send invitations from an open round.
web-outbox-transport = Mail is kept in the outbox here instead of being sent out.
web-undelivered-title =
    { $count ->
        [one] One message was not delivered:
       *[other] { $count } messages were not delivered:
    }

# Rounds
web-round-copy = New round from this one
web-round-copy-help = Makes a new round with the same settings, wording, languages and political bodies. People on the list keep their identity, so the two rounds can be compared.
web-round-copied = The new round was made. Check the dates and open it when the list is ready.
web-round-remind-on = Automatic reminder
web-round-remind-help = On this date everyone who has not submitted gets a reminder.
web-round-reminded = The reminder was sent on { $date }.

# Results
web-results-title = Results
web-results-closed-on = The round was closed on { $date }. The answers are locked and the results are made from them.
web-results-open = See the results
web-back-to-round-named = Back to { $name }
web-back-to-results = Back to the results
web-rules-title = Analysis rules
web-rules-help = The rules decide how the answers become a network. The report says which rules were used.
web-rules-combine = When two people answer differently about the same contact
web-rules-combine-either = a contact if at least one reports it (the higher frequency; as in 2015)
web-rules-combine-both = a contact only if both report it (the lower frequency)
web-rules-combine-mean = a contact if at least one reports it (the mean frequency)
web-rules-view = The network on this page shows
web-rules-view-daily = daily contact
web-rules-view-weekly = daily and weekly contact
web-rules-view-all = all contact
web-rules-reconstruct = People who did not answer
web-rules-reconstruct-yes = included, with the contacts others reported with them
web-rules-reconstruct-no = left out together with their contacts
web-rules-show = Show
web-rules-not-saved = These are not the round's saved rules. Downloads use the rules chosen here.
web-rules-save = Save as the round's rules
web-downloads-title = Report and exports
web-report-lang = Language
web-report-named = Internal version with names
web-report-named-help = Without it, people are shown as function and number («Tildeling 5»). The internal version says on every page that it contains names, and the download is logged.
web-report-pdf = Download report (PDF)
web-report-html = Report (HTML)
web-report-facts = The report's numbers (JSON)
web-exports-title = Exports for further analysis
web-exports-help = The network as reported, without names: people carry their stable pseudonym. The files open in UCINET, Gephi, Pajek or R, and samspill analyze gives the same numbers as this page.
web-export-graphml = Network (GraphML, for Gephi, yEd, R)
web-export-gexf = Network (GEXF, for Gephi)
web-export-pajek = Network (Pajek .net)
web-export-dl = Network (UCINET DL; frequency 1 = rarer, 2 = monthly, 3 = weekly, 4 = daily, because UCINET reads 0 as no tie)
web-export-csv = Ties (CSV)
web-export-csv-nodes = People (CSV)
web-export-xlsx = Network (Excel)
web-export-json = Network (samspill JSON)
web-export-analysis = Analysis (JSON, as samspill analyze)
web-export-answers = The answers (Excel, one sheet per question)
web-compare-title = Comparison of rounds
web-compare-with = Compare with { $name }

# Open answers
web-answers-title = Open answers
web-answers-status = { $total } open answers; { $quoted } may be quoted in the report, { $left } are not reviewed or are not to be quoted.
web-answers-review = Review open answers
web-answers-help = Give each answer a theme and remove words that could identify someone before it is quoted. The report quotes only reviewed answers and says how many were left out.
web-answers-progress = { $reviewed } of { $total } reviewed.
web-answers-reviewed = reviewed
web-answers-original = As written:
web-answers-quote-text = Text that may be quoted
web-answers-theme = Theme
web-answers-may-quote = May be quoted in the report
web-answers-save = Save
web-answers-none = No one wrote open answers in this round.
