require ["vacation", "date", "relational"];

if allof(currentdate :value "ge" "date" "2026-07-01", currentdate :value "le" "date" "2026-08-31", not header :contains "X-Spam-Flag" "YES", address :domain :contains "from" "ac-amiens.fr")
{
	vacation :addresses [ "marie.dupont@ac-amiens.fr", "mdupont@ac-amiens.fr" ] :days 7 :subject "Absent jusqu'au 31/08" text:
Je suis absente.
..Point.
.
;
}
