# Accounts, login, privacy and the audit log (issue 16).

acct-title = My account
acct-forgot-link = Forgot your password?
acct-forgot-title = Forgotten password
acct-forgot-intro = Enter the e-mail address you log in with. If an account has that address, we send a link, valid for one hour, where you choose a new password.
acct-forgot-submit = Send link
acct-forgot-sent = If an account has that address, a link is on its way. Check your inbox (and spam folder).
acct-link-title-invite = Welcome to samspill
acct-link-title-reset = Choose a new password
acct-link-intro = The account is { $name }'s ({ $email }).
acct-link-submit = Save the password and log in
acct-link-oidc-intro = Or log in with your organisation's login instead of a password of your own. The login is bound to this account.
acct-new-password = New password
acct-new-password-again = New password again
acct-current-password = Current password
acct-password-rule = At least 10 characters. A sentence you remember makes a good password.
acct-password-mismatch = The two passwords are not the same.
acct-password-wrong = The current password is wrong. Nothing was changed.
acct-password-title = Password
acct-password-submit = Change password
acct-totp-title = One-time code
acct-totp-intro = Enter the six-digit code from your authenticator app.
acct-totp-enroll-intro = Your account must have an authenticator app (for example Microsoft Authenticator, Google Authenticator or FreeOTP). Scan the QR code with the app, or type in the key, then enter the code the app shows.
acct-totp-qr-alt = QR code with the key for the authenticator app
acct-totp-secret = Key:
acct-totp-code = Code from the app
acct-totp-submit = Confirm
acct-totp-wrong = The code is not right. { $left ->
    [one] You have one try left.
   *[other] You have { $left } tries left.
}
acct-totp-wrong-code = The code is not right. Nothing was changed.
acct-totp-section = Two-step login
acct-totp-on = Logging in with a password needs a code from your authenticator app.
acct-totp-off = Turn on two-step login: logging in with a password then also needs a code from an app on your phone.
acct-totp-begin = Turn on
acct-totp-confirm = Confirm and turn on
acct-totp-disable = Turn off
acct-totp-required = Your account must use two-step login and cannot turn it off.
acct-oidc-title = Log in with your organisation's account
acct-oidc-login = Log in with { $name }
acct-oidc-link = Bind to my account
acct-oidc-unlink = Remove
acct-oidc-linked = bound to your account
acct-oidc-failed = The login at the identity provider did not succeed. Try again, or log in with a password.
acct-oidc-expired = The login took too long or was used already. Start again.
acct-oidc-no-account = There is no samspill account for this login. Only the operator creates accounts; ask for an invitation.
acct-done-password = The password was changed. Every other session was logged out.
acct-done-totp-enabled = Two-step login is on.
acct-done-totp-disabled = Two-step login is off.
acct-done-identity-linked = The login is bound to your account.
acct-done-identity-unlinked = The login was removed from your account.
acct-error-identity-taken = This login is already bound to another account.
acct-error-identity-failed = The login could not be bound to your account.
acct-mail-invite-subject = Invitation to samspill
acct-mail-invite-body = Hello { $name },

    you are invited to samspill as { $role }.

    Choose a password (or log in with your organisation's login) here. The link works for seven days and can be used once:
    { $link }

    If you did not expect this invitation, you can ignore it.
acct-mail-reset-subject = New password for samspill
acct-mail-reset-body = Hello { $name },

    someone (hopefully you) asked for a new password for samspill. Choose a new password here. The link works for one hour and can be used once:
    { $link }

    If you did not ask for this, you can ignore this message. Your password has not changed.

privacy-title = Privacy
privacy-settings = What respondents are told, and the rules samspill applies
privacy-default-help = A field left empty uses the standard text. Respondents see the texts before the first question.
privacy-f-controller = Controller
privacy-f-dpo_name = Data protection officer
privacy-f-dpo_contact = Contact of the data protection officer (e-mail, phone)
privacy-f-purpose = Purpose
privacy-f-legal_basis = Legal basis
privacy-f-recipients = Recipients of the results
privacy-f-processors = Processors (hosting, e-mail)
privacy-f-retention_months = Retention in months after a round closes
privacy-f-retention_mode = When the retention time is out
privacy-f-require_totp = Require two-step login of every user with a password
privacy-mode-reduce = reduce to the pseudonymised network (names, e-mails, units and open answers are deleted)
privacy-mode-delete = delete every answer
privacy-retention-help = Between 1 and 120. Empty: answers are kept until you delete them. Coordinators get an e-mail 30 days before.
privacy-error-field = Check the field «{ $field }»: it is too long, has characters that are not allowed, or a number out of bounds. Nothing was saved.
privacy-retention-title = Retention of closed rounds
privacy-closed = Closed
privacy-due = Deleted/reduced on
privacy-soon = within 30 days
privacy-kept = kept
privacy-state-reduced = reduced
privacy-state-deleted = deleted
privacy-no-closed = No closed rounds.
privacy-rounds-title = Information and notices per round
privacy-access-title = Who can see the data
privacy-grant-source = Granted by
privacy-revoke = Withdraw
privacy-no-grants = No funder's adviser or evaluator has access to pseudonymised results.
privacy-persons-title = The data subject's rights
privacy-persons-intro = Choose a person for access (everything samspill holds about them), rectification or erasure.
privacy-done-saved = Saved.
privacy-done-revoked = The access was withdrawn.
privacy-done-erased = The person was erased from the roster and from every round. The reports are made again.
privacy-done-rectified = The data was rectified.
privacy-done-notices = The notices are queued for sending.
privacy-done-notice = The information text was saved.
privacy-record-link = Record of processing
privacy-dpia-link = Draft data protection impact assessment (DPIA)
privacy-person-access = Access
privacy-person-access-intro = Everything samspill holds about the person: their roster entry, their own answers, what others reported about them (without saying who), where they appear in reports and who read those.
privacy-export-xlsx = Download (XLSX)
privacy-export-json = Download (JSON)
privacy-own-answers = Own contacts reported
privacy-about = Others reported contact
privacy-answered = answered
privacy-not-answered = did not answer
privacy-in-reports = In the reports
privacy-contacts = { $count ->
    [one] one contact
   *[other] { $count } contacts
}
privacy-reads = { $count ->
    [one] read or downloaded once
   *[other] read or downloaded { $count } times
}
privacy-rectify = Rectification
privacy-rectify-closed = Also rectify what closed rounds kept (the answers stay the same; the reports are made again)
privacy-rectify-submit = Rectify the data
privacy-erase = Erasure
privacy-erase-rule = The person is removed from the roster and from every round, closed ones too, as if they had never taken part: their own answers, mail and notices to them, and every contact others reported with them. Others' other answers are unchanged; where others wrote the person's full name in an open answer, the name is replaced by […]. Their pseudonym is never used again. The reports are made again, and their method chapter says that someone was removed. Erasure cannot be undone.
privacy-erase-confirm = I want to erase { $name } for good
privacy-erase-confirm-missing = Tick the box to confirm the erasure. Nothing was erased.
privacy-erase-submit = Erase the person
privacy-round-title = Privacy: { $round }
privacy-round-notice = The round's information text
privacy-round-notice-intro = Empty fields use the municipality's text. The texts can be changed until the round closes.
privacy-preview = What respondents see
privacy-art14-title = Notice to people who did not answer but are named by others
privacy-art14-intro = These people did not answer, but others reported contact with them. They have a right to know (GDPR article 14).
privacy-art14-reported-by = Reported by
privacy-art14-noticed = Notified
privacy-art14-send = E-mail the notice to those not yet notified
privacy-art14-print = Print the notices
privacy-art14-none = Nobody in this round is named by others without having answered.
privacy-art14-closed-only = The notices are made once the round is closed.
privacy-notice-controller = Controller
privacy-notice-purpose = Purpose
privacy-notice-legal = Legal basis
privacy-notice-recipients = Who gets the results
privacy-notice-retention = How long answers are kept
privacy-notice-rights = Your rights
privacy-notice-dpo = Data protection officer
privacy-notice-purpose-default = To see and improve how the social housing work in { $tenant } is coordinated: who works with whom, and where cooperation can improve. The answers are never used to assess individuals.
privacy-notice-legal-default = A task carried out in the public interest (GDPR article 6(1)(e)), as part of { $tenant }'s social housing work.
privacy-notice-recipients-default = The working group in { $tenant } sees the results with pseudonyms (for example «Allocation 2»). The funder and the evaluator may get pseudonymised results in which groups under five are not shown.
privacy-notice-retention-reduce = The answers are reduced to a pseudonymised network { $months } months after the round closes; names, e-mails, units and open answers are then deleted.
privacy-notice-retention-delete = The answers are deleted { $months } months after the round closes.
privacy-notice-retention-none = The answers are kept until the municipality deletes them; you can ask for erasure at any time.
privacy-notice-dpo-none = Contact the data protection officer of { $tenant }.
privacy-mail-notice-subject = You are named in a survey on cooperation: { $round }
privacy-mail-notice-body = Hello { $name },

    you did not answer the survey «{ $round }», but colleagues reported that they have contact with you. What they reported is part of the analysis of the cooperation.

    Purpose: { $purpose }
    Legal basis: { $legal }
    Retention: { $retention }

    You can ask for access to, rectification and erasure of data about you, and you can object to the processing. You can also complain to the data protection authority.

    Controller: { $tenant }
    Data protection officer: { $dpo }
privacy-mail-retention-subject = The round «{ $round }» is deleted or reduced on { $date }
privacy-mail-retention-body = Hello { $name },

    under the retention rule of { $tenant }, the answers of the round «{ $round }» will be { $mode ->
        [delete] deleted
       *[other] reduced to the pseudonymised network
    } on { $date }. If you need the results, download the reports before then.

    The retention rule and the dates: { $privacy }
privacy-method-erased = { $count ->
    [one] One person was removed
   *[other] { $count } people were removed
} from this round on request (GDPR article 17), last on { $date }: their own answers ({ $own } items) and the { $ties } contacts others reported with them are not included. Every other answer is unchanged, so the figures may differ slightly from earlier versions of this report.
privacy-method-reduced = On { $date } the round was reduced to its pseudonymised network under the municipality's retention rule: names, e-mails, units and open answers were deleted.
privacy-method-deleted = The round's answers were deleted on { $date } under the municipality's retention rule.
privacy-audit-title = Log
privacy-audit-intro = Who saw and changed what in the municipality's data: logins, changes, and reads of the roster, monitoring, results, reports and exports.
privacy-audit-intro-operator = The whole service's log: who did what and when, with ids, never the content of answers.
privacy-audit-actor = Who
privacy-audit-action = What
privacy-audit-action-help = The start of the action, for example «read.» for every read or «person.» for changes to people.
privacy-audit-from = From date
privacy-audit-until = Up to and including date
privacy-audit-filter = Show
privacy-audit-csv = Download (CSV)
privacy-audit-when = When (UTC)
privacy-audit-detail = Details
privacy-audit-count = { $count ->
    [one] One event, newest first
   *[other] { $count } events, newest first
}
privacy-audit-none = No events match.
privacy-audit-bad-date = A date in the filter is not a date (YYYY-MM-DD).
privacy-insight-title = Results
privacy-insight-intro = Pseudonymised results of the municipalities you have access to. Rounds with fewer than { $min } answers are not shown, and groups under { $min } are hidden.
privacy-insight-overview = Overview of the municipalities
privacy-insight-none = You have access to no municipality yet.
privacy-insight-few = fewer than { $min } answers, not shown
privacy-insight-too-few = The round has too few answers to be shown outside the municipality.
privacy-insight-pdf = Report (PDF)
privacy-op-invite = Send invitation
privacy-op-invite-help = The person gets a link by e-mail (valid for seven days) to choose a password or use their organisation's login. You never see the password.
privacy-op-grants = Access for funders and evaluators
privacy-op-grants-intro = Funders' advisers and evaluators see only pseudonymised results of the municipalities they have access to. The municipality's coordinator sees who has access and can withdraw it.
privacy-op-grant-new = Grant access
privacy-op-grant = Grant access
privacy-op-outbox = Outbox for accounts
privacy-op-outbox-intro = The service sends no e-mail; the account messages are kept here. Whoever reads them can use the links: use this for trials only.
privacy-op-outbox-problems = Not delivered
privacy-op-outbox-empty = No messages.
web-op-done-user-invited = The invitation is queued for sending.
web-op-done-reset-sent = A new-password link is queued for sending. The user's sessions were logged out.
web-op-done-granted = Access granted.
web-op-done-revoked = Access withdrawn.
privacy-record-title = Record of processing: { $tenant }
privacy-dpia-title = Data protection impact assessment (draft): { $tenant }
privacy-doc-draft = A draft made by samspill from the settings as they are now. The data protection officer reviews and completes it.
privacy-doc-download = Download as text (Markdown)
privacy-doc-controller = Controller and data protection officer
privacy-doc-dpo = Data protection officer: { $dpo }
privacy-doc-dpo-missing = No data protection officer is given in the settings.
privacy-doc-purpose = Purpose
privacy-doc-legal = Legal basis
privacy-doc-subjects = Data subjects
privacy-doc-subjects-text = Employees and elected politicians on the municipality's list of the social housing network ({ $persons } on the list now, { $rounds } rounds), including those who do not answer but whom others report contact with.
privacy-doc-data = Personal data
privacy-doc-data-roster = Name, e-mail, unit, level and functions
privacy-doc-data-contacts = Whom each person has had contact with, and how often (also as reported by others)
privacy-doc-data-advice = Whom each person asks for advice
privacy-doc-data-political = Contact with political bodies: { $bodies }
privacy-doc-data-ratings = Ratings of coordination and meeting places (1–6)
privacy-doc-data-open = Open answers (free text; may mention clients by mistake — the coordinator reviews them before quoting)
privacy-doc-data-users = User accounts: name, e-mail, role, logins
privacy-doc-data-audit = A log of who saw and changed what
privacy-doc-access = Access
privacy-doc-access-intro = These can see the municipality's data in samspill:
privacy-doc-access-grant = { $name } ({ $role }): pseudonymised results only, groups under five hidden
privacy-doc-access-operator = The operator: municipalities and users, no answers
privacy-doc-recipients = Recipients
privacy-doc-processors = Processors
privacy-doc-processors-missing = No processors are given in the settings (hosting of the service, e-mail).
privacy-doc-processor-smtp = E-mail is sent through { $host }.
privacy-doc-processor-nomail = The service sends no e-mail itself.
privacy-doc-retention = Retention and deletion
privacy-doc-retention-missing = No retention time is set: the answers are kept until the coordinator deletes them. Set a retention time.
privacy-doc-measures = Measures
privacy-doc-m-isolation = Each municipality's data is separated from the others' in the database and in every query.
privacy-doc-m-pseudonyms = Reports and exports show pseudonyms (function and number) unless the coordinator asks for names; that is logged.
privacy-doc-m-suppression = Groups under five are not shown in views across municipalities.
privacy-doc-m-audit = Every read of the roster, monitoring, results, reports and exports and every change is logged with who and when.
privacy-doc-m-passwords = Passwords are stored as argon2id hashes; logins are limited after repeated failures.
privacy-doc-m-totp-required = Every user with a password must use two-step login.
privacy-doc-m-totp-optional = Operators must use two-step login; others can turn it on.
privacy-doc-m-links = Survey links are personal and cannot be guessed (256 bits); the database holds only their hashes.
privacy-doc-m-https = Traffic is encrypted (HTTPS).
privacy-doc-m-no-https = The service's address is not HTTPS: make sure traffic is encrypted.
privacy-doc-m-oidc = Login with the organisation's account: { $providers }.
privacy-dpia-why = Why an assessment is needed
privacy-dpia-why-text = The Norwegian data protection authority's list and the EDPB's criteria call for an assessment when at least two criteria apply. Here:
privacy-dpia-criterion-scoring = Evaluation: network measures (centrality, bridge builders) are computed for individuals.
privacy-dpia-criterion-employees = Vulnerable data subjects: employees depend on their employer.
privacy-dpia-criterion-monitoring = Systematic monitoring may apply when the survey is repeated.
privacy-dpia-risks = Risks and measures
privacy-dpia-risk-appraisal = Results could be used to assess individuals: the purpose rules it out, reports are pseudonymised, and the named version is for the coordinator only and logged.
privacy-dpia-risk-nonrespondents = People who do not answer appear through others' answers: they get a notice (article 14) and can demand erasure.
privacy-dpia-risk-freetext = Free text may mention clients (special categories): respondents are asked not to, and only reviewed answers are quoted.
privacy-dpia-risk-small = Small groups can be recognised: groups under five are hidden in overviews, and rounds with fewer than five answers are not shown outside the municipality.
privacy-dpia-risk-access = Unauthorised access: roles with least privilege, two-step login, a log of reads and changes.
privacy-dpia-open = The data protection officer's assessment
privacy-dpia-open-text = To be completed by the data protection officer: residual risk, whether union representatives were involved, and the conclusion.
privacy-x-sheet-person = Person
privacy-x-sheet-rounds = Rounds
privacy-x-sheet-contacts = Own contacts
privacy-x-sheet-about = Reported by others
privacy-x-sheet-political = Political contact
privacy-x-sheet-ratings = Ratings
privacy-x-sheet-open = Open answers
privacy-x-sheet-reports = In reports
privacy-x-sheet-changes = Changes
privacy-x-field = Field
privacy-x-value = Value
privacy-x-name = Name
privacy-x-email = E-mail
privacy-x-unit = Unit
privacy-x-level = Level
privacy-x-functions = Functions
privacy-x-active = On the roster now
privacy-x-added = Added
privacy-x-pseudonym = Pseudonym
privacy-x-id = Id
privacy-x-round = Round
privacy-x-status = Status
privacy-x-invited = Invited
privacy-x-opened = Opened
privacy-x-submitted = Submitted
privacy-x-frozen-as = Kept with the round
privacy-x-notice = Notified
privacy-x-relation = Question
privacy-x-person = Person
privacy-x-frequency = Frequency
privacy-x-count = Count
privacy-x-body = Body
privacy-x-type = Type
privacy-x-question = Question
privacy-x-text = Text
privacy-x-quoted = Quoted as
privacy-x-in-network = In the network
privacy-x-contacts = Contacts
privacy-x-reads = Read by
privacy-x-responded = Answered
privacy-x-date = Date
privacy-x-actor = Who
privacy-x-action = What
privacy-x-detail = Details
