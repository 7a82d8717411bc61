# Mes filtres (écrits à la main, ne pas perdre)
require ["fileinto", "imap4flags"];  # mes extensions

# Les listes de diffusion vont dans leur dossier
if header :contains "list-id" "enseignants.ac-amiens.fr" {
    fileinto "Listes/Enseignants";
    stop;
}
/* les messages du proviseur
   sont marqués */
if address :is "from" "proviseur@ac-amiens.fr" {
    addflag "\\Flagged";
}
