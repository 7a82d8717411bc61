# BEGIN AmiensMail rules (out-of-office, forwarding): written by AmiensMail, edit them in AmiensMail
require ["vacation", "date", "relational"];
# time zone: Europe/Paris
if allof (currentdate :zone "+0200" :value "ge" "iso8601" "2026-10-17T12:00:00+02:00",
          currentdate :zone "+0100" :value "le" "iso8601" "2026-11-01T23:59:00+01:00",
          not header :is "precedence" ["bulk", "list", "junk"],
          not exists "list-id",
          anyof (not exists "auto-submitted", header :is "auto-submitted" "no"),
          not address :localpart :matches "from" ["*noreply*", "*no-reply*", "mailer-daemon"],
          address :domain :matches "from" ["ac-amiens.fr", "*.ac-amiens.fr", "education.gouv.fr", "*.education.gouv.fr"])
{
    vacation :days 3 :subject "Absente : congés d'automne « Toussaint » \"vraiment\" \\ fin" :addresses ["marie.dupont@ac-amiens.fr", "mdupont@ac-amiens.fr"] text:
Bonjour,

Je suis absente jusqu'au 2 novembre.
..
...deux points
Pour une urgence : « secrétariat » au 03 22 82 38 23.
"Cordialement" \ Marie
.
    ;
}
# END AmiensMail rules
