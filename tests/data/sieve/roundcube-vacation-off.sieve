require ["vacation","date","relational"];
# rule:[Absence]
if false # allof (currentdate :zone "+0200" :value "ge" "iso8601" "2026-07-06T08:00:00+02:00", currentdate :zone "+0200" :value "le" "date" "2026-08-28")
{
	vacation :days 3 :subject "Absente" "Je suis absente.";
}
