require ["vacation","date","relational"];
# rule:[Absence]
if allof (currentdate :zone "+0200" :value "ge" "date" "2026-07-06", currentdate :zone "+0200" :value "le" "date" "2026-08-28")
{
	vacation :days 3 :addresses ["marie.dupont@ac-amiens.fr","mdupont@ac-amiens.fr"] :subject "Absente jusqu'au 28 août" text:
Bonjour,
je suis absente.
.
;
}
