# -*- coding: utf-8 -*-
"""French text corpus for mailgen.py (data only, no logic).

Templates use str.format_map placeholders; every placeholder must be one of
CTX_KEYS (checked at start-up by mailgen.Templates.validate()).
Paragraphs are wrapped at render time; a paragraph containing "\n" keeps its
line structure (lists, tables, addresses).
"""

# --------------------------------------------------------------------- people
FIRST_F = (
    "Élodie", "Cécile", "Sophie", "Nathalie", "Isabelle", "Véronique", "Sandrine",
    "Stéphanie", "Aurélie", "Émilie", "Céline", "Hélène", "Agnès", "Françoise",
    "Mélanie", "Laëtitia", "Anaïs", "Chloé", "Maëlle", "Noémie", "Amélie",
    "Virginie", "Valérie", "Christelle", "Séverine", "Gaëlle", "Bérénice", "Joëlle",
    "Solène", "Inès", "Fatima", "Samira", "Aïcha", "Nadia", "Karima", "Leïla",
    "Awa", "Fatoumata", "Ophélie", "Marion", "Camille", "Claire", "Pauline",
    "Anne-Sophie", "Marie-Hélène", "Marie-Claire", "Brigitte", "Sylvie", "Delphine",
    "Estelle", "Adèle", "Mégane", "Coralie", "Jessica", "Émeline", "Gwénaëlle",
)
FIRST_M = (
    "François", "Jean-Claude", "Jérôme", "Stéphane", "Sébastien", "Frédéric",
    "Cédric", "Grégory", "Jérémy", "Benoît", "Loïc", "Hervé", "Rémi", "Thierry",
    "Philippe", "Olivier", "Laurent", "Nicolas", "Mathieu", "Julien", "Pierre-Yves",
    "Jean-Marc", "Jean-François", "Gaël", "Anthony", "Mickaël", "Noël", "Joël",
    "Karim", "Mehdi", "Youssef", "Mamadou", "Ousmane", "Rachid", "Hugo", "Thomas",
    "Guillaume", "Éric", "Raphaël", "Aurélien", "Cyril", "Dominique", "Bruno",
    "Pascal", "Patrice", "Yannick", "Ludovic", "Fabrice", "Xavier", "Timothée",
)
LAST = (
    "Lefèvre", "Hénault", "N'Diaye", "Martin", "Lefebvre", "Vasseur", "Delattre",
    "Lemaire", "Caron", "Leroy", "Dufour", "Boulanger", "Duhamel", "Carpentier",
    "Devaux", "Dumont", "Leclercq", "Poiret", "Dequidt", "Bécourt", "Flament",
    "Dubois", "Fournier", "Lecomte", "Ménard", "Pécourt", "Hennequin", "Lagache",
    "Trouillet", "Gosselin", "Delahaye", "Roussel", "Mercier", "Lambert", "Benoît",
    "Boucher", "Saïdi", "Benali", "Haddad", "Traoré", "Diallo", "Nguyen",
    "Da Silva", "Pereira", "Kowalski", "Lévêque", "Crépin", "Desjardins", "Bénard",
    "Wattebled", "Dournel", "Froissart", "Lheureux", "Mézière", "Thérouanne",
    "Coquerel", "Obry", "Vérité", "Sénéchal", "Lefranc", "D'Hondt", "Le Goff",
    "Van Hecke", "Lemoine", "Hébert", "Cauchy", "Hequet", "Sauvage", "Dewailly",
    "Petit", "Moreau", "Bertin", "Gamain", "Quennehen", "Jacquemin", "Brûlé",
)
KIDS_F = (
    "Léa", "Emma", "Jade", "Chloé", "Inès", "Manon", "Zoé", "Lina", "Louise",
    "Ambre", "Lola", "Maëlys", "Anaïs", "Maëlle", "Éléna", "Célia", "Océane",
    "Lou", "Léna", "Nour", "Héloïse", "Clémence", "Romane", "Yasmine", "Aya",
)
KIDS_M = (
    "Lucas", "Louis", "Gabriel", "Hugo", "Nathan", "Théo", "Enzo", "Noah",
    "Raphaël", "Mathis", "Timéo", "Kylian", "Clément", "Sacha", "Yanis", "Rayan",
    "Jules", "Adam", "Nolan", "Mattéo", "Évan", "Baptiste", "Ilyès", "Noé", "Élouan",
)

DISCIPLINES = (
    ("lettres modernes", "Professeure de lettres modernes", "Professeur de lettres modernes"),
    ("mathématiques", "Professeure de mathématiques", "Professeur de mathématiques"),
    ("histoire-géographie", "Professeure d'histoire-géographie", "Professeur d'histoire-géographie"),
    ("anglais", "Professeure d'anglais", "Professeur d'anglais"),
    ("allemand", "Professeure d'allemand", "Professeur d'allemand"),
    ("espagnol", "Professeure d'espagnol", "Professeur d'espagnol"),
    ("SVT", "Professeure de SVT", "Professeur de SVT"),
    ("physique-chimie", "Professeure de physique-chimie", "Professeur de physique-chimie"),
    ("technologie", "Professeure de technologie", "Professeur de technologie"),
    ("EPS", "Professeure d'EPS", "Professeur d'EPS"),
    ("arts plastiques", "Professeure d'arts plastiques", "Professeur d'arts plastiques"),
    ("éducation musicale", "Professeure d'éducation musicale", "Professeur d'éducation musicale"),
    ("documentation", "Professeure documentaliste", "Professeur documentaliste"),
    ("lettres classiques", "Professeure de lettres classiques", "Professeur de lettres classiques"),
)

# Marie's own classes; parents' children are in these.
CLASSES_MARIE = ("6e B", "5e A", "4e C", "3e D")
CLASSES_ALL = ("6e A", "6e B", "6e C", "5e A", "5e B", "5e C", "4e A", "4e B",
               "4e C", "3e A", "3e B", "3e C", "3e D")

OEUVRES = (
    ("Le Horla", "Maupassant"), ("Les Fourberies de Scapin", "Molière"),
    ("Le Médecin malgré lui", "Molière"), ("Antigone", "Jean Anouilh"),
    ("La Vénus d'Ille", "Prosper Mérimée"), ("Vendredi ou la vie sauvage", "Michel Tournier"),
    ("Les Métamorphoses", "Ovide"), ("Yvain ou le Chevalier au lion", "Chrétien de Troyes"),
    ("Un sac de billes", "Joseph Joffo"), ("Inconnu à cette adresse", "Kressmann Taylor"),
    ("W ou le souvenir d'enfance", "Georges Perec"), ("Le Bourgeois gentilhomme", "Molière"),
    ("L'Odyssée", "Homère"), ("No et moi", "Delphine de Vigan"),
    ("Le Cid", "Corneille"), ("Vingt mille lieues sous les mers", "Jules Verne"),
    ("Le Tour du monde en quatre-vingts jours", "Jules Verne"), ("L'Île au trésor", "Stevenson"),
    ("Les Contes de Perrault", "Charles Perrault"), ("Cyrano de Bergerac", "Edmond Rostand"),
)
LIEUX_SORTIE = (
    "la Maison de Jules Verne", "la cathédrale Notre-Dame d'Amiens", "l'Historial de la Grande Guerre de Péronne",
    "la Comédie de Picardie", "le Mémorial de Caen", "la Baie de Somme", "le musée de Picardie",
    "la bibliothèque Louis-Aragon", "le Cirque Jules-Verne", "les Hortillonnages",
    "le château de Versailles", "la Comédie-Française", "le Familistère de Guise",
    "le château de Chantilly", "le Mémorial canadien de Vimy",
)
VOYAGES = ("Londres", "Berlin", "Édimbourg", "Rome", "Barcelone", "Cracovie")
FORMATIONS = (
    "Enseigner l'oral au collège", "Différencier en français", "Éducation aux médias et à l'information",
    "Le numérique au service de l'écriture", "Accueillir les élèves à besoins éducatifs particuliers",
    "Lecture cursive et plaisir de lire", "Évaluer par compétences en français",
    "Théâtre et pratiques artistiques", "Prévention du harcèlement – programme pHARe",
)
SALLES = ("204", "112", "105", "208", "CDI", "salle polyvalente", "foyer", "salle des professeurs", "117")
# (du …, au …) forms
ENT_APPS = (("du cahier de textes", "au cahier de textes"), ("de la messagerie", "à la messagerie"),
            ("de l'espace documentaire", "à l'espace documentaire"), ("du casier numérique", "au casier numérique"),
            ("du blog pédagogique", "au blog pédagogique"))
DEPTS = (("80", "de la Somme"), ("60", "de l'Oise"), ("02", "de l'Aisne"))
MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre")
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
JOURS_ABR = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")

# With their article: used after "relative à", "concernant" (fr_fix turns "à le"/"à les" into "au"/"aux").
NS_OBJETS = (
    "l'organisation du diplôme national du brevet – session {session}",
    "les modalités de remboursement des frais de déplacement",
    "la campagne d'avancement accéléré d'échelon",
    "les demandes de travail à temps partiel pour l'année scolaire {sy_next}",
    "les congés de formation professionnelle {sy_next}",
    "la campagne des rendez-vous de carrière {sy}",
    "l'accueil des professeurs stagiaires et des étudiants M2 MEEF",
    "les exercices PPMS et la sécurité des établissements",
    "le cumul d'activités : procédure de déclaration",
    "les évaluations nationales de 6e et de 4e",
    "la protection fonctionnelle des agents",
    "les indemnités de suivi et d'orientation des élèves (ISOE)",
    "les candidatures aux fonctions de formateur académique",
    "le recrutement des correcteurs du DNB {session}",
)
CIRC_OBJETS = (
    "la préparation de la rentrée {sy_next}",
    "la prévention et la lutte contre le harcèlement",
    "la laïcité et les valeurs de la République",
    "les sorties et voyages scolaires au collège",
    "l'organisation des examens de fin d'année",
    "l'accompagnement des élèves à besoins éducatifs particuliers",
)

# ------------------------------------------------------------- greetings etc.
GREET = {
    "bulk": ("Mesdames, Messieurs,", "Mesdames et Messieurs les professeurs,",
             "Mesdames les professeures, Messieurs les professeurs,", "Bonjour à toutes et à tous,",
             "Mesdames et Messieurs,"),
    "parent_to_marie": ("Bonjour Madame Dupont,", "Madame,", "Bonjour Madame,", "Bonsoir Madame Dupont,",
                        "Madame Dupont,", "Bonjour Mme Dupont,"),
    "coll_to_marie": ("Bonjour Marie,", "Salut Marie,", "Coucou Marie,", "Marie,", "Bonjour,", "Hello Marie,"),
    "dir_to_marie": ("Bonjour Madame Dupont,", "Bonjour Marie,", "Chère collègue,", "Madame,"),
    "staff": ("Bonjour à tous,", "Chers collègues,", "Bonjour à toutes et à tous,", "Mesdames, Messieurs,",
              "Bonjour,"),
    "marie_to_parent": ("Bonjour {r_civ} {r_nom},", "{r_civ},", "Madame, Monsieur,", "Bonjour,"),
    "marie_to_coll": ("Bonjour {r_prenom},", "Salut {r_prenom},", "Coucou {r_prenom},", "{r_prenom},",
                      "Bonjour à tous,"),
    "marie_to_dir": ("Bonjour {r_civ} {r_nom},", "Madame, Monsieur,", "Bonjour,", "{r_civ},"),
    "marie_to_inst": ("Madame, Monsieur,", "Bonjour,", "Mesdames, Messieurs,"),
}
CLOSE = {
    "bulk": ("Je vous remercie de votre attention.",
             "Je vous prie d'agréer, Mesdames, Messieurs, l'expression de mes salutations distinguées.",
             "Bien cordialement,", "Je sais pouvoir compter sur votre engagement.",
             "Je vous remercie pour votre collaboration."),
    "parent": ("Cordialement,", "Bien cordialement,", "Merci d'avance,", "Bonne journée,",
               "Merci beaucoup,", "Respectueusement,"),
    "coll": ("Bonne journée,", "À demain,", "Bises,", "Bien à toi,", "Merci !", "Bonne soirée,",
             "À plus,", "Belle journée,"),
    "dir": ("Bien cordialement,", "Cordialement,", "Je vous remercie.", "Bonne journée à tous,"),
    "marie": ("Bien cordialement,", "Cordialement,", "Bonne journée,", "Bonne soirée,", "Merci d'avance,"),
    "marie_coll": ("Bises,", "À demain,", "Merci !", "Bonne soirée,", "Belle journée,"),
}

# --------------------------------------------------------------------- topics
# from      : sender group (see mailgen.Directory)
# to        : recipient kind: marie | staff | list | undisclosed
# folders   : destination of received messages {folder: weight}
# len       : thread lengths to choose from (others and Marie alternate)
# att       : (probability, kind, filename template)
# reply_m / reply_o : bodies for Marie's replies / the other side's follow-ups
TOPICS = {
# ---------------------------------------------------------------- rectorat
"note_service": dict(
    weight=7, **{"from": "rectorat"}, to="undisclosed", greet="bulk", close="bulk",
    list=("notes-service", "Notes de service de l'académie d'Amiens"),
    subj=("Note de service n°{annee}-{num} : {ns_objet_cap}", "[Note de service] {ns_objet_cap}",
          "Diffusion : note de service relative à {ns_objet}", "NS {annee}-{num} – {ns_objet_cap}"),
    body=(
        ("Vous trouverez ci-joint la note de service n°{annee}-{num} relative à {ns_objet}.",
         "Je vous remercie de bien vouloir en prendre connaissance avec attention et de respecter le calendrier "
         "qui y figure. Les demandes devront être transmises par la voie hiérarchique au plus tard le {date_lim}.",
         "Les services de la division des personnels enseignants restent à votre disposition pour tout "
         "renseignement complémentaire."),
        ("La présente note a pour objet de préciser les modalités de mise en œuvre de la campagne relative à "
         "{ns_objet}.",
         "Calendrier :\n- ouverture de la campagne : {date_ev}\n- date limite de retour des dossiers : {date_lim}\n"
         "- publication des résultats : {date_ev2}",
         "Les chefs d'établissement sont invités à assurer la plus large diffusion de cette note auprès des "
         "personnels concernés, y compris les personnels absents ou en congé."),
        ("J'appelle votre attention sur la note de service jointe, publiée ce jour, concernant {ns_objet}.",
         "Aucun dossier transmis hors délai ne pourra être examiné. Les pièces justificatives devront "
         "obligatoirement être jointes au formulaire, au format PDF.",
         "Pour toute question, vous pouvez contacter le bureau de gestion par courriel en précisant votre "
         "discipline et votre établissement d'exercice."),
    ),
    att=((0.85, "pdf", "Note de service n°{annee}-{num}.pdf"), (0.25, "pdf", "Annexe {n} – formulaire de demande.pdf")),
    mdn=0.02, len=(1,), folders={"INBOX": 80, "Archives": 15, "Trash": 5}, ua="list",
),
"circulaire": dict(
    weight=3, **{"from": "rectorat"}, to="undisclosed", greet="bulk", close="bulk",
    list=("circulaires", "Circulaires académiques"),
    subj=("Circulaire de rentrée {sy_next}", "Circulaire académique : {circ_objet_cap}",
          "Circulaire n°{num} du {date_jour} – {circ_objet_cap}"),
    body=(
        ("J'ai l'honneur de vous adresser la circulaire académique relative à {circ_objet}.",
         "Ce texte rappelle le cadre réglementaire et précise les priorités académiques pour l'année scolaire "
         "{sy}. Je vous invite à vous l'approprier et à en faire un objet d'échange au sein des équipes "
         "pédagogiques, notamment lors du prochain conseil pédagogique.",
         "Je vous remercie de votre engagement au service de la réussite de tous les élèves de l'académie."),
        ("Vous trouverez en pièce jointe la circulaire relative à {circ_objet}.",
         "Les principaux points d'attention sont les suivants :\n- le respect des procédures et des délais ;\n"
         "- l'information des familles ;\n- la traçabilité des décisions.",
         "Les inspecteurs et les conseillers techniques se tiennent à votre disposition."),
    ),
    att=((0.9, "pdf", "Circulaire – {circ_objet_cap}.pdf"),), mdn=0.0, len=(1,),
    folders={"INBOX": 75, "Archives": 20, "Trash": 5}, ua="list",
),
"mouvement": dict(
    weight=3, **{"from": "dpe"}, to="undisclosed", greet="bulk", close="bulk",
    subj=("Mouvement intra-académique {annee} : ouverture du serveur SIAM",
          "Mouvement intra-académique {annee} – calendrier et barèmes",
          "Mouvement intra-académique : vérification des vœux et barèmes",
          "Résultats du mouvement intra-académique {annee}"),
    body=(
        ("Le serveur SIAM, accessible depuis I-Prof, sera ouvert du {date_ev} au {date_lim} à 12 h 00 pour la "
         "saisie des vœux du mouvement intra-académique {annee}.",
         "Le guide du mouvement, joint à ce message, détaille les éléments de barème, les bonifications "
         "liées à la situation familiale et les priorités légales. Une cellule d'accueil et de conseil "
         "(« cellule mouvement ») est joignable au 03 22 82 {tel} du lundi au vendredi.",
         "Les confirmations de demande seront disponibles dans I-Prof à l'issue de la fermeture du serveur ; "
         "elles devront être signées et retournées avec les pièces justificatives."),
        ("Les barèmes retenus pour le mouvement intra-académique sont affichés dans I-Prof jusqu'au {date_lim}.",
         "Toute demande de correction doit être formulée par écrit, avant cette date, auprès de la division "
         "des personnels enseignants (DPE). Au-delà, les barèmes seront considérés comme définitifs.",
         "Je vous rappelle que les résultats seront communiqués individuellement via I-Prof et SIAM."),
    ),
    reply_m=(("Je me permets de vous écrire au sujet de mon barème pour le mouvement intra-académique : "
              "la bonification pour rapprochement de conjoints ne semble pas avoir été prise en compte.",
              "Vous trouverez ci-joint l'attestation d'emploi de mon conjoint. Pourriez-vous vérifier ce point ?"),),
    reply_o=(("Nous avons bien reçu votre demande. Après vérification, votre barème a été corrigé et "
              "s'établit désormais à {n2} points. La modification sera visible dans I-Prof sous 48 heures.",),),
    att=((0.7, "pdf", "Guide du mouvement intra-académique {annee}.pdf"),), mdn=0.05, len=(1, 1, 1, 1, 3),
    folders={"INBOX": 80, "Archives": 20}, ua="zimbra",
),
"dnb_correction": dict(
    weight=2, **{"from": "dec"}, to="marie", greet="bulk", close="bulk",
    subj=("Convocation – correction du DNB session {session}", "DNB {session} : réunion d'entente et d'harmonisation",
          "DNB {session} – convocation correcteur (épreuve de français)"),
    body=(
        ("Vous êtes convoquée en qualité de correctrice pour l'épreuve écrite de français du diplôme national "
         "du brevet, session {session}.",
         "Réunion d'entente : {date_ev} à {heure}, au collège Jules-Ferry de Doullens (salle {salle}).\n"
         "Retrait des copies : à l'issue de la réunion.\nRemise des notes dans Santorin : au plus tard le {date_lim}.",
         "Cette convocation vaut ordre de mission. Les frais de déplacement seront remboursés selon la "
         "réglementation en vigueur, via l'application Chorus DT."),
    ),
    reply_m=(("Bien reçu, je serai présente à la réunion d'entente du {date_ev}.",),
             ("Je vous informe que je suis convoquée le même jour pour un jury de CAP. Pourriez-vous m'indiquer "
              "la marche à suivre ?",)),
    reply_o=(("Merci pour votre retour. Votre convocation est maintenue ; le jury de CAP a été informé.",),),
    att=((0.9, "pdf", "Convocation correcteur DNB {session} – Dupont Marie.pdf"),), mdn=0.5, len=(1, 1, 2, 3),
    folders={"INBOX": 85, "Archives": 15}, ua="zimbra",
),
"eafc": dict(
    weight=3, **{"from": "eafc"}, to="marie", greet="dir_to_marie", close="dir",
    subj=("Formation « {formation} » – convocation", "EAFC : inscription aux formations à public désigné",
          "Rappel : formation « {formation} » du {date_ev}", "Annulation – {formation}"),
    body=(
        ("Vous êtes inscrite à la formation « {formation} » qui se déroulera le {date_ev} de 9 h 00 à 16 h 30 "
         "à l'INSPÉ d'Amiens, site de la Citadelle.",
         "Merci de vous munir de votre ordre de mission, disponible dans l'application GAIA rubrique "
         "« Suivi de mes formations ». Le repas de midi est pris en charge.",
         "En cas d'empêchement, veuillez prévenir l'EAFC le plus tôt possible afin de libérer la place."),
        ("Nous avons le regret de vous informer que la session du {date_ev} de la formation « {formation} » "
         "est annulée faute d'un nombre suffisant de participants.",
         "Une nouvelle session sera proposée au cours du {trimestre}. Vous en serez informée par courriel."),
    ),
    att=((0.5, "pdf", "Ordre de mission – {formation}.pdf"),), mdn=0.05, len=(1, 1, 1, 2),
    reply_m=(("Merci pour cette information. Je serai bien présente le {date_ev}.",),),
    reply_o=(("Merci pour votre confirmation. Bonne formation !",),),
    folders={"INBOX": 80, "Archives": 15, "Trash": 5}, ua="zimbra",
),
"inspection": dict(
    weight=2, **{"from": "ipr"}, to="marie", greet="dir_to_marie", close="dir",
    subj=("Rendez-vous de carrière – Mme Marie Dupont", "Inspection : visite en classe le {date_ev}",
          "Rendez-vous de carrière : document de référence", "Lettre de l'inspection – Lettres – {mois} {annee}"),
    body=(
        ("Dans le cadre de la campagne des rendez-vous de carrière {sy}, je vous informe que je viendrai "
         "observer une séance dans votre classe de {classe} le {date_ev} à {heure}.",
         "Cette observation sera suivie d'un entretien d'environ une heure. Je vous invite à compléter en amont le "
         "document de référence de l'entretien, qui peut servir de support à nos échanges.",
         "Je vous remercie de me confirmer la bonne réception de ce message."),
        ("Je vous prie de trouver ci-joint le compte rendu de mon rendez-vous de carrière du {date_ev}.",
         "Vous disposez d'un délai de trois semaines pour formuler, si vous le souhaitez, des observations "
         "dans l'application SIAE."),
    ),
    reply_m=(("Je vous confirme avoir bien reçu votre message. Je vous accueillerai avec plaisir le {date_ev} "
              "dans ma classe de {classe}, en salle {salle}.",
              "Je vous transmettrai le document de référence complété d'ici la fin de la semaine."),
             ("Veuillez trouver ci-joint mon document de référence complété, ainsi que la progression annuelle "
              "de la classe de {classe}.",)),
    reply_o=(("Merci pour ces documents. À très bientôt.",),
             ("Bien reçu. Je vous propose de décaler l'entretien à {heure2}, si cela vous convient.",)),
    att=((0.35, "pdf", "Compte rendu rendez-vous de carrière.pdf"),), mdn=0.6, len=(1, 2, 3, 3, 4),
    folders={"Inspection": 70, "INBOX": 30}, ua="outlook",
),
"ent": dict(
    weight=3, **{"from": "dane"}, to="undisclosed", greet="bulk", close="dir",
    subj=("ENT : maintenance programmée le {date_ev}", "ENT – nouvelle version {ent_du}",
          "Accès ENT : réinitialisation des mots de passe élèves", "[ENT] Incident en cours – accès {ent_au}"),
    body=(
        ("Une opération de maintenance de l'ENT est programmée le {date_ev} entre 18 h 00 et 23 h 00. Pendant "
         "cette période, l'accès {ent_au} et aux services associés sera interrompu.",
         "Nous vous remercions de votre compréhension et vous invitons à anticiper la saisie du cahier de textes."),
        ("Suite à de nombreuses demandes, la procédure de réinitialisation des mots de passe élèves évolue. "
         "Les professeurs principaux peuvent désormais générer un nouveau mot de passe depuis la console "
         "d'administration de l'ENT.",
         "Un tutoriel est disponible dans l'espace « Aide » de l'ENT. Pour toute difficulté, ouvrez un ticket "
         "sur la plateforme d'assistance (ticket de référence : {ticket})."),
    ),
    att=((0.2, "pdf", "Tutoriel ENT – réinitialisation des mots de passe.pdf"),), len=(1,),
    folders={"INBOX": 70, "Trash": 30}, ua="list", html=0.6,
    list=("dane-info", "Informations de la DANE"),
),
"pronote": dict(
    weight=4, **{"from": "direction"}, to="staff", greet="staff", close="dir",
    subj=("Pronote : saisie des notes et appréciations avant le {date_lim}", "Pronote – fermeture des saisies du {trimestre}",
          "Pronote : cahier de textes à compléter", "Rappel Pronote"),
    body=(
        ("Je vous rappelle que les saisies de notes et d'appréciations dans Pronote pour le {trimestre} "
         "devront être terminées le {date_lim} au soir. Les bulletins seront édités dès le lendemain.",
         "Merci de veiller à ce que chaque élève ait au moins deux notes par discipline et une appréciation "
         "personnalisée. Les professeurs principaux compléteront l'appréciation générale."),
        ("Lors du dernier contrôle, plusieurs cahiers de textes n'étaient pas à jour dans Pronote.",
         "Je vous remercie de compléter le contenu des séances et le travail à faire, y compris pour les "
         "séances passées. Les familles s'y réfèrent régulièrement, notamment en cas d'absence de leur enfant."),
    ),
    reply_m=(("C'est noté. Une question : faut-il saisir une appréciation pour les élèves arrivés en cours de "
              "trimestre en {classe} ?",),),
    reply_o=(("Oui, une courte appréciation suffit (« Arrivé(e) en cours de trimestre, bon début »). Merci !",),),
    len=(1, 1, 1, 3), folders={"INBOX": 85, "Trash": 15}, ua="outlook", mdn=0.05,
),
"conseils": dict(
    weight=4, **{"from": "direction"}, to="staff", greet="staff", close="dir",
    subj=("Calendrier des conseils de classe – {trimestre}", "Conseils de classe du {trimestre} : calendrier",
          "Conseil de classe de {classe} – {date_ev}", "Invitation : Conseil de classe {classe}"),
    body=(
        ("Vous trouverez ci-dessous le calendrier des conseils de classe du {trimestre} :",
         "{calendrier}",
         "Sauf indication contraire, les conseils se tiennent en salle {salle}. Les professeurs principaux voudront bien préparer la "
         "synthèse de la classe et recueillir les avis des délégués en amont.",
         "Je vous rappelle que la présence aux conseils de classe fait partie des obligations de service."),
        ("Le conseil de classe de {classe} aura lieu le {date_ev} à {heure} en salle {salle}.",
         "Merci de compléter vos appréciations dans Pronote au plus tard 48 heures avant le conseil."),
    ),
    reply_m=(("Je serai un peu en retard au conseil de {classe} : j'ai une réunion de l'atelier théâtre jusqu'à "
              "{heure}. Je transmets mes remarques à {coll_prenom} d'ici là.",),),
    reply_o=(("Pas de souci, merci de nous prévenir.",), ("Bien noté, nous commencerons par les cas individuels.",)),
    att=((0.45, "ics", "invitation.ics"), (0.4, "pdf", "Calendrier des conseils de classe – {periode}.pdf")),
    len=(1, 1, 1, 2, 3), folders={"Conseils de classe": 55, "INBOX": 45}, ua="outlook", mdn=0.1,
),
"conseil_pp": dict(
    weight=3, **{"from": "colleague"}, to="marie", greet="coll_to_marie", close="coll",
    subj=("Conseil de classe de {classe} : appréciations", "{classe} – synthèse avant le conseil",
          "Bilan {periode} {classe}", "Conseil {classe} jeudi"),
    body=(
        ("En tant que professeur principal de {classe}, je prépare la synthèse pour le conseil du {date_ev}.",
         "Pourrais-tu me dire en deux mots comment tu trouves la classe en français ? Je pense notamment à "
         "{enfant} et à deux ou trois élèves qui décrochent depuis les vacances.",
         "Je propose des félicitations pour quatre élèves et deux avertissements travail, à discuter."),
        ("Petit rappel : il manque encore quelques appréciations de français pour les {classe} dans Pronote.",
         "Le conseil est le {date_ev} à {heure}, salle {salle}. Merci !"),
    ),
    reply_m=(("La classe est agréable mais très bavarde. En français, le niveau est hétérogène : une tête de classe "
              "solide, et un groupe de six ou sept élèves en grande difficulté à l'écrit.",
              "Pour {enfant}, je suis assez inquiète : travail non fait depuis trois semaines. D'accord pour "
              "les félicitations, je rajouterais volontiers des encouragements pour deux élèves."),
             ("C'est fait, désolée pour le retard ! J'ai tout saisi hier soir.",)),
    reply_o=(("Merci beaucoup, je reprends tes remarques dans la synthèse.",), ("Parfait, merci !",)),
    len=(2, 2, 3, 4, 5), folders={"Conseils de classe": 60, "INBOX": 40}, ua="any",
),
"reunion_pp": dict(
    weight=3, **{"from": "direction"}, to="staff", greet="staff", close="dir",
    subj=("Réunion parents-professeurs : salle 204", "Rencontres parents-professeurs du {date_ev}",
          "Réunion parents-professeurs {niveau} – organisation", "Compte-rendu réunion parents–professeurs"),
    body=(
        ("Les rencontres parents-professeurs des classes de {niveau} auront lieu le {date_ev} de 16 h 30 à 19 h 30.",
         "Pour des raisons d'organisation, les professeurs de lettres et d'histoire-géographie seront installés "
         "en salle 204, les autres disciplines au réfectoire. Les rendez-vous sont pris par les familles via "
         "Pronote jusqu'au {date_lim}.",
         "Un café sera servi en salle des professeurs à partir de 16 h 00."),
        ("Vous trouverez en pièce jointe le compte-rendu de la réunion parents-professeurs du {date_ev}.",
         "Les familles ont particulièrement apprécié la possibilité de prendre rendez-vous en ligne. "
         "Plusieurs parents ont demandé à être recontactés : la liste figure en annexe."),
    ),
    att=((0.5, "pdf", "Compte-rendu réunion parents–professeurs.pdf"),), len=(1, 1, 2),
    reply_m=(("Est-il possible d'avoir une salle à part pour les rendez-vous difficiles ? La 204 est très bruyante "
              "quand nous sommes six.",),),
    folders={"INBOX": 85, "Archives": 15}, ua="outlook", mdn=0.1,
),
"staff_info": dict(
    weight=5, **{"from": "direction"}, to="staff", greet="staff", close="dir",
    subj=("Conseil pédagogique du {date_ev} – ordre du jour", "Exercice PPMS le {date_ev}",
          "Conseil d'administration – convocation", "Information : fermeture du collège",
          "Déclaration préalable d'intention de grève – {date_ev}", "Planning de surveillance du brevet blanc",
          "Journée portes ouvertes du {date_ev}", "Photocopieur : nouveaux codes"),
    body=(
        ("Le prochain conseil pédagogique se tiendra le {date_ev} à {heure} en salle {salle}.",
         "Ordre du jour :\n1. Bilan des évaluations nationales de 6e\n2. Projet d'établissement : axe lecture\n"
         "3. Répartition de la dotation horaire globale\n4. Questions diverses",
         "Les coordonnateurs de discipline voudront bien faire remonter les propositions de leurs équipes."),
        ("Un exercice PPMS « intrusion » aura lieu le {date_ev} dans la matinée. L'horaire exact ne sera pas "
         "communiqué aux élèves.",
         "Merci de relire les consignes affichées dans chaque salle et de vérifier que la liste des élèves est "
         "à jour dans votre classeur d'appel."),
        ("Conformément à la réglementation, les personnels souhaitant participer au mouvement de grève du "
         "{date_ev} sont invités à se déclarer auprès du secrétariat au plus tard 48 heures à l'avance.",
         "Cette déclaration permet d'informer les familles des modalités d'accueil des élèves."),
        ("Suite au changement de contrat, les codes d'accès au photocopieur de la salle des professeurs ont été "
         "réinitialisés. Votre nouveau code vous sera remis en main propre par le secrétariat.",
         "Merci de privilégier la reprographie pour les tirages de plus de 50 copies."),
    ),
    att=((0.3, "pdf", "Ordre du jour – conseil pédagogique.pdf"), (0.15, "pdf", "Planning surveillances {periode}.pdf")),
    len=(1, 1, 1, 2), reply_m=(("Merci pour l'information.",), ("Je ne serai pas présente, je suis en formation ce jour-là.",)),
    folders={"INBOX": 75, "Archives": 10, "Trash": 15}, ua="outlook", mdn=0.08,
),
"sortie": dict(
    weight=4, **{"from": "colleague"}, to="marie", greet="coll_to_marie", close="coll",
    subj=("Sortie pédagogique – {lieu_cap}", "Sortie à {lieu} : besoin d'accompagnateurs",
          "Sortie {classe} le {date_ev}", "Autorisations de sortie {classe}"),
    body=(
        ("J'organise une sortie à {lieu} le {date_ev} avec les {classe}. Le bus part à 8 h 15 du parking du "
         "collège, retour prévu vers 16 h 30.",
         "Il me manque un accompagnateur : serais-tu disponible ? Tu n'as cours qu'avec les {classe2} ce jour-là, "
         "je peux voir avec {principal} pour ton remplacement.",
         "Je joins le formulaire d'autorisation parentale, si tu peux le distribuer en cours."),
        ("Les autorisations de sortie pour {lieu} doivent être rendues au plus tard le {date_lim}. "
         "Il en manque encore {n} dans ta classe.",
         "Peux-tu faire un rappel aux élèves ? Merci !"),
    ),
    reply_m=(("Avec plaisir, je peux accompagner. Je préviens mes {classe2} qu'ils auront cours en permanence.",),
             ("Je ne pourrai pas, j'ai un conseil de classe en fin de journée. Demande peut-être à {coll_prenom} ?",),
             ("J'ai récupéré les autorisations, je les dépose dans ton casier demain matin.",)),
    reply_o=(("Super, merci beaucoup !",), ("Merci, je m'occupe de la demande d'ordre de mission.",),
             ("D'accord, je lui demande. Merci quand même !",)),
    att=((0.5, "odt", "Autorisation de sortie – {lieu_court}.odt"), (0.2, "png", "Plan d'accès.png")),
    len=(1, 2, 2, 3, 4), folders={"INBOX": 85, "Archives": 15}, ua="any",
),
"voyage": dict(
    weight=3, **{"from": "colleague"}, to="marie", greet="coll_to_marie", close="coll",
    subj=("Voyage scolaire {voyage} – {etape}", "Voyage {voyage} {annee}", "Re-voyage {voyage} : {etape}",
          "Voyage à {voyage} : point d'étape"),
    body=(
        ("Voici où nous en sommes pour le voyage à {voyage} : {etape}.",
         "Le devis du transporteur s'élève à {montant} par élève, hébergement en familles compris. Le FSE "
         "participe à hauteur de 40 € et nous avons demandé une aide au conseil départemental.",
         "Il faudrait qu'on se voie avant la réunion d'information des familles du {date_ev}."),
        ("J'ai reçu le programme définitif de l'agence pour {voyage}. Tu trouveras le document en pièce jointe.",
         "Il reste à finaliser la répartition des élèves dans les familles et la liste des traitements médicaux."),
    ),
    reply_m=(("Merci pour le point. Je peux préparer le carnet de voyage avec les élèves en cours de français.",
              "Pour la réunion du {date_ev}, je serai là à partir de 17 h 30."),
             ("J'ai eu deux familles au téléphone : elles demandent un paiement en trois fois. C'est possible ?",),
             ("Je te renvoie la liste mise à jour. Il manque toujours la carte d'identité de {enfant}.",)),
    reply_o=(("Oui, c'est possible, je vois avec la gestionnaire pour l'échéancier.",),
             ("Parfait. Je prépare le diaporama pour les familles.",),
             ("Merci ! On fait le point jeudi à la récré ?",)),
    att=((0.4, "pdf", "Programme voyage {voyage}.pdf"), (0.25, "pdf", "Devis transport {voyage}.pdf"),
         (0.15, "odt", "Liste élèves voyage {voyage}.odt"), (0.05, "photo", "Photo groupe {voyage}.png")),
    len=(2, 3, 4, 5, 6, 8), folders={"Projets/Voyage scolaire": 90, "INBOX": 10}, ua="any",
),
"theatre": dict(
    weight=2, **{"from": "colleague"}, to="marie", greet="coll_to_marie", close="coll",
    subj=("Atelier théâtre : répétition {jour}", "Spectacle de fin d'année – atelier théâtre",
          "Atelier théâtre – costumes", "Affiche du spectacle"),
    body=(
        ("Pour l'atelier théâtre, je te propose une répétition supplémentaire {jour} de 12 h 30 à 13 h 30 au foyer.",
         "Les élèves ne connaissent pas encore leur texte pour la scène 3. On pourrait aussi commencer à parler "
         "des costumes : j'ai récupéré des tissus auprès de la Comédie de Picardie."),
        ("Voici une proposition d'affiche pour le spectacle du {date_ev}. Les élèves d'arts plastiques ont fait "
         "un super travail !",
         "Dis-moi ce que tu en penses avant que je lance l'impression."),
    ),
    reply_m=(("Très bonne idée. Je préviens les élèves et je réserve le foyer.",),
             ("L'affiche est superbe ! Juste une coquille : « réprésentation » → « représentation ».",)),
    reply_o=(("Corrigé, merci de ta relecture !",), ("Top, à {jour} alors.",)),
    att=((0.4, "png", "Affiche spectacle atelier théâtre.png"), (0.2, "odt", "Texte scène {n}.odt")),
    len=(1, 2, 3, 4), folders={"Projets/Atelier théâtre": 85, "INBOX": 15}, ua="any",
),
"sequence": dict(
    weight=4, **{"from": "colleague"}, to="marie", greet="coll_to_marie", close="coll",
    subj=("Séquence sur {oeuvre}", "Échange de ressources – {oeuvre}", "Ta séquence {niveau} ?",
          "Groupement de textes {niveau}", "Question : {oeuvre} en {niveau} ?"),
    body=(
        ("Tu avais parlé d'une séquence sur {oeuvre} ({auteur}) en {niveau} : est-ce que tu accepterais de me "
         "la partager ? Je la commence après les vacances et je manque d'idées pour l'évaluation finale.",
         "En échange je peux t'envoyer mon groupement de textes sur le fantastique."),
        ("Je t'envoie ma séquence sur {oeuvre}, comme promis. Les séances 3 et 4 fonctionnent très bien, la "
         "dictée préparée un peu moins.",
         "N'hésite pas à me faire un retour si tu l'utilises avec tes {classe}."),
    ),
    reply_m=(("Bien sûr ! Je te joins la séquence complète avec le corrigé de l'évaluation. L'étude de la "
              "scène d'exposition prend plus de temps que prévu, compte deux séances.",),
             ("Merci beaucoup ! Je la teste avec mes {classe} et je te dis.",)),
    reply_o=(("Merci, c'est génial, ça va me faire gagner un temps fou.",), ("Super retour, merci !",)),
    att=((0.55, "odt", "Séquence {oeuvre} – {niveau}.odt"), (0.2, "pdf", "Évaluation {oeuvre}.pdf")),
    len=(1, 2, 2, 3, 4), folders={"INBOX": 80, "Archives": 20}, ua="any",
),
"salle": dict(
    weight=3, **{"from": "colleague"}, to="marie", greet="coll_to_marie", close="coll",
    subj=("Échange de salle {jour}", "Salle {salle} occupée {jour} ?", "Petit service", "Vidéoprojecteur salle {salle}"),
    body=(
        ("Est-ce qu'on pourrait échanger nos salles {jour} en M3 ? J'ai besoin de la {salle} pour le "
         "vidéoprojecteur, le mien ne marche plus depuis lundi.",),
        ("Le vidéoprojecteur de la salle {salle} ne fonctionne plus (plus d'image sur l'entrée HDMI). J'ai fait "
         "un ticket sur la plateforme d'assistance, mais si tu as cours là-bas ce matin, prends ton adaptateur.",),
    ),
    reply_m=(("Pas de problème, je prends ta salle.",), ("Merci de l'info !",), ("Ok pour moi, à charge de revanche 😉",)),
    reply_o=(("Merci, tu me sauves !",),),
    len=(1, 2, 2, 3), folders={"INBOX": 80, "Trash": 20}, ua="any",
),
"brevet_blanc": dict(
    weight=2, **{"from": "colleague"}, to="marie", greet="coll_to_marie", close="coll",
    subj=("Brevet blanc : répartition des copies", "Sujet du brevet blanc de français", "Corrigé brevet blanc",
          "Harmonisation brevet blanc"),
    body=(
        ("Pour le brevet blanc du {date_ev}, je propose qu'on se répartisse les copies par classe, avec une "
         "double correction sur une dizaine de copies pour harmoniser.",
         "Je joins le sujet définitif avec le barème. Peux-tu relire la question 4, la formulation me semble "
         "ambiguë ?"),
    ),
    reply_m=(("La question 4 est effectivement ambiguë. Je proposerais : « Relevez deux procédés qui rendent "
              "le récit inquiétant et expliquez leur effet. »",
              "D'accord pour la répartition ; je prends les 3e D et la moitié des 3e A."),),
    reply_o=(("Parfait, je modifie le sujet. Réunion d'harmonisation le {date_lim} à la récré de 10 h ?",),),
    att=((0.7, "pdf", "Sujet brevet blanc français {annee}.pdf"), (0.3, "odt", "Barème brevet blanc.odt")),
    len=(1, 2, 3, 4), folders={"INBOX": 75, "Archives": 25}, ua="any",
),
"liste_lettres": dict(
    weight=3, **{"from": "colleague_ext"}, to="list", greet="staff", close="coll",
    list=("lettres-college", "Liste de diffusion des professeurs de lettres (collège)"),
    subj=("[lettres-college] Question : {oeuvre} en {niveau} ?", "[lettres-college] Lecture cursive {niveau}",
          "[lettres-college] Recherche sujet de DNB {session}", "[lettres-college] Ressources sur {auteur}"),
    body=(
        ("Chers collègues,\nje cherche des idées de lecture cursive pour des {niveau} assez faibles en lecture. "
         "Avez-vous des titres qui ont bien fonctionné ? J'ai essayé {oeuvre} l'an dernier, avec un succès mitigé.",
         "Merci d'avance pour vos retours !"),
        ("Bonjour à tous,\nquelqu'un aurait-il une séquence sur {oeuvre} ({auteur}) à partager ? Je suis TZR "
         "et je viens d'arriver dans un collège de l'Oise en remplacement.",),
    ),
    reply_o=(("Avec mes {niveau}, « No et moi » a très bien marché, ainsi que les nouvelles de Maupassant.",),
             ("Je te l'envoie en privé.",), ("Pensez aussi aux ressources Éduscol, très complètes sur ce sujet.",)),
    reply_m=(("Je recommande vivement {oeuvre} : mes élèves de {classe} l'ont adoré cette année.",),),
    len=(1, 2, 3, 4, 5), folders={"INBOX": 90, "Trash": 10}, ua="any",
),
# ---------------------------------------------------------------- parents
"parent_absence": dict(
    weight=7, **{"from": "parent"}, to="marie", greet="parent_to_marie", close="parent",
    subj=("Absence de {enfant} {date_court}", "{enfant} ({classe}) – absence", "Absence {enfant}",
          "absence de mon enfant", "{enfant} {nom_enfant} absent{e} demain"),
    body=(
        ("Je vous informe que {enfant_civ} {enfant}, élève en {classe}, sera absent{e} {date_ev} pour un "
         "rendez-vous médical. Je fournirai un justificatif à la vie scolaire.",
         "Pourriez-vous me dire quel travail {il} doit rattraper ?"),
        ("{enfant} est malade depuis ce matin et ne pourra pas venir en cours cette semaine. {Il} devait rendre "
         "son devoir sur {oeuvre} vendredi : est-il possible de décaler la date ?",),
    ),
    reply_m=(("Merci de m'avoir prévenue. {enfant} pourra récupérer le travail auprès d'un camarade ; les "
              "consignes sont également dans le cahier de textes de Pronote.",
              "Le devoir peut être rendu la semaine prochaine sans problème. Bon rétablissement à {enfant}."),
             ("Merci pour votre message. Pas d'inquiétude, je lui laisserai le temps de rattraper.",)),
    reply_o=(("Merci beaucoup Madame pour votre compréhension.",), ("Merci, bonne soirée.",)),
    len=(1, 1, 2, 2, 3), folders={"INBOX": 90, "Archives": 10}, ua="parent",
),
"parent_rdv": dict(
    weight=5, **{"from": "parent"}, to="marie", greet="parent_to_marie", close="parent",
    subj=("Demande de rendez-vous", "Rendez-vous concernant {enfant}", "rdv {enfant} {classe}",
          "Demande de rdv – {enfant} {nom_enfant}", "Résultats de {enfant} en français"),
    body=(
        ("Nous souhaiterions vous rencontrer au sujet des résultats de {enfant_civ} {enfant} en français, qui "
         "ont beaucoup baissé ce trimestre.",
         "Nous sommes disponibles en fin de journée, à partir de 17 h. Merci de nous indiquer un créneau."),
        ("{enfant} nous dit qu'{il} ne comprend pas ce qui est attendu pour le devoir sur {oeuvre}. Serait-il "
         "possible d'en discuter avec vous, par téléphone ou au collège ?",),
    ),
    reply_m=(("Je vous propose de nous rencontrer le {date_ev} à {heure} au collège (accueil, puis salle {salle}).",
              "{enfant} est un{e} élève {serieux} mais {il} manque de méthode à l'écrit : nous pourrons voir ensemble "
              "comment l'aider."),
             ("Je peux vous appeler {jour} à {heure2} si cela vous convient. Pouvez-vous me laisser un numéro ?",)),
    reply_o=(("Parfait, nous serons là. Merci.",), ("Oui très bien, mon numéro est le 06 {tel2}.",),
             ("Merci Madame, à {jour}.",)),
    len=(1, 2, 3, 3, 4), folders={"INBOX": 90, "Archives": 10}, ua="parent", mdn=0.05,
),
"parent_devoirs": dict(
    weight=4, **{"from": "parent"}, to="marie", greet="parent_to_marie", close="parent",
    subj=("Livre {oeuvre} introuvable", "Question sur le devoir de {enfant}", "Devoir maison de {enfant}",
          "Lecture de {oeuvre}", "Merci pour la sortie !"),
    body=(
        ("Nous ne trouvons pas le livre {oeuvre} en librairie à {ville}. Existe-t-il une autre édition "
         "acceptée, ou peut-on l'emprunter au CDI ?",),
        ("{enfant} a oublié son cahier au collège et ne sait pas quel exercice faire pour {jour}. "
         "Désolé{e_s} de vous déranger pour cela.",),
        ("Je voulais vous remercier pour la sortie à {lieu} : {enfant} est rentré{e} enchanté{e} et nous en a "
         "parlé tout le week-end !",),
    ),
    reply_m=(("N'importe quelle édition convient, l'édition de poche est très bien. Le CDI en possède aussi "
              "quelques exemplaires.",),
             ("Il s'agit de l'exercice 4 page 112, c'est noté dans Pronote. Bonne soirée.",),
             ("Merci pour ce retour, cela fait plaisir ! Les élèves ont été formidables.",)),
    reply_o=(("Merci beaucoup !",),),
    len=(1, 2, 2, 3), folders={"INBOX": 85, "Archives": 10, "Trash": 5}, ua="parent",
),
# ---------------------------------------------------------------- bulk/notifications
"eduscol": dict(
    weight=3, **{"from": "eduscol"}, to="undisclosed", greet="bulk", close="dir",
    subj=("Lettre Éduscol Lettres – {mois} {annee}", "La lettre d'information Éduscol n°{num}",
          "Éduscol : nouvelles ressources pour le cycle 4", "Lettre ÉduNum Lettres n°{n2}"),
    body=(
        ("Au sommaire de ce numéro :\n- Nouvelles ressources d'accompagnement des programmes de français au cycle 4\n"
         "- Concours « Dis-moi dix mots » : inscriptions ouvertes\n- Quart d'heure lecture : retours d'expériences\n"
         "- Agenda : Printemps des poètes, Semaine de la presse et des médias dans l'école",
         "Retrouvez l'ensemble des ressources sur eduscol.education.gouv.fr."),
    ),
    len=(1,), folders={"INBOX": 55, "Trash": 45}, ua="bulk", html=1.0,
),
"ensap": dict(
    weight=3, **{"from": "ensap"}, to="marie", greet="bulk", close="dir",
    subj=("Votre bulletin de paie de {mois_prec} {annee} est disponible", "ENSAP : nouveau document disponible",
          "Votre attestation fiscale {annee_prec} est disponible"),
    body=(
        ("Madame,\nun nouveau document est disponible dans votre espace numérique sécurisé de l'agent public "
         "(ENSAP) : bulletin de paie de {mois_prec} {annee}.",
         "Pour le consulter, connectez-vous sur ensap.gouv.fr. Ce message est envoyé automatiquement, merci de "
         "ne pas y répondre."),
    ),
    len=(1,), folders={"INBOX": 60, "Archives": 25, "Trash": 15}, ua="bulk", html=1.0,
),
"assistance": dict(
    weight=2, **{"from": "assistance"}, to="marie", greet="dir_to_marie", close="dir",
    subj=("[Ticket {ticket}] Problème d'accès à la messagerie", "[Ticket {ticket}] Réinitialisation mot de passe",
          "[Ticket {ticket}] Votre demande a été résolue"),
    body=(
        ("Votre demande a bien été enregistrée sous le numéro {ticket}. Un technicien de la plateforme "
         "d'assistance académique la prendra en charge dans les meilleurs délais.",
         "Rappel : la plateforme d'assistance ne vous demandera jamais votre mot de passe par courriel."),
        ("Votre ticket {ticket} a été clôturé. Si le problème persiste, vous pouvez le rouvrir en répondant à ce "
         "message dans un délai de 7 jours.",),
    ),
    reply_m=(("Le problème persiste : je n'arrive toujours pas à me connecter au webmail depuis le collège "
              "(message « identifiant ou mot de passe incorrect »).",),),
    reply_o=(("Votre compte était verrouillé suite à plusieurs tentatives échouées. Il est de nouveau actif.",),),
    len=(1, 1, 2, 3), folders={"INBOX": 60, "Trash": 40}, ua="zimbra",
),
"fse": dict(
    weight=2, **{"from": "colleague"}, to="staff", greet="staff", close="coll",
    subj=("Vente de chocolats au profit du FSE", "Gâteau en salle des profs vendredi !", "Objets trouvés",
          "Pot de départ de {coll_prenom}", "Covoiturage pour la formation du {date_ev}"),
    body=(
        ("Comme chaque année, le FSE organise une vente de chocolats avant les vacances. Les bons de commande "
         "sont dans vos casiers, à rendre avant le {date_lim}.",),
        ("Pour fêter la fin du trimestre, gâteaux et boissons en salle des profs vendredi à la récré de 10 h. "
         "Chacun apporte ce qu'il veut !",),
        ("Un gilet bleu marine, une calculatrice et une clé USB ont été oubliés en salle {salle}. "
         "Ils sont au secrétariat.",),
    ),
    reply_o=(("J'apporte une quiche !",), ("Super idée 🎉",)),
    len=(1, 1, 1, 2), folders={"INBOX": 45, "Trash": 55}, ua="any",
),
# ---------------------------------------------------------------- Marie-initiated (Sent)
"m_parent": dict(
    weight=5, **{"from": "marie"}, to="parent", greet="marie_to_parent", close="marie",
    subj=("Travail non rendu – {enfant}", "Comportement de {enfant} en cours de français",
          "Lecture cursive : {oeuvre}", "Progrès de {enfant}", "Oubli de matériel – {enfant}"),
    body=(
        ("Je me permets de vous contacter car {enfant} n'a pas rendu le devoir sur {oeuvre} qui était à faire "
         "pour le {date_court}. C'est le deuxième oubli ce mois-ci.",
         "Pourriez-vous veiller à ce que le travail soit fait pour {jour} prochain ? Je reste disponible si vous "
         "souhaitez en parler."),
        ("Je tenais à vous signaler les progrès de {enfant} ce trimestre : {il} participe davantage à l'oral et "
         "ses écrits sont bien plus construits. Je l'ai félicité{e} devant la classe.",),
        ("Je souhaitais vous faire part de mon inquiétude concernant le comportement de {enfant} en cours : "
         "bavardages répétés, téléphone sorti à deux reprises.",
         "Je vous propose un rendez-vous pour en parler le {date_ev} à {heure}."),
    ),
    reply_o=(("Merci de nous avoir prévenus, nous allons en parler avec {lui}.",),
             ("Merci beaucoup pour ce message, nous sommes très contents !",),
             ("Nous serons présents au rendez-vous. Cordialement.",)),
    reply_m=(("Merci pour votre retour. Bonne soirée.",),),
    len=(1, 2, 2, 3), folders={"INBOX": 90, "Archives": 10}, ua="marie", mdn=0.1,
),
"m_coll": dict(
    weight=5, **{"from": "marie"}, to="colleague", greet="marie_to_coll", close="marie_coll",
    subj=("Photocopies pour la sortie", "Projet interdisciplinaire lettres-histoire", "Progression {niveau}",
          "Manuels de {niveau}", "Réunion d'équipe lettres", "Concours de nouvelles"),
    body=(
        ("Je te propose de monter un projet lettres-histoire autour de la Première Guerre mondiale avec les 3e : "
         "lecture de témoignages, écriture de lettres de poilus et visite de l'Historial de Péronne.",
         "On en parle lundi ?"),
        ("Voici ma progression de {niveau} pour l'année, comme convenu en réunion d'équipe.",
         "J'ai déplacé la séquence sur {oeuvre} en période 3 pour laisser plus de temps à l'argumentation."),
        ("Je propose une réunion de l'équipe de lettres le {date_ev} à {heure} en salle {salle}, pour préparer "
         "le concours de nouvelles et harmoniser les évaluations communes.",),
    ),
    reply_o=(("Super idée, je suis partant{e_s} !",), ("Merci, je regarde ça ce week-end.",),
             ("Ok pour moi, je réserve la salle.",)),
    reply_m=(("Parfait, à lundi alors.",), ("Merci ! Je t'envoie les documents.",)),
    att=((0.35, "odt", "Progression {niveau} {sy}.odt"), (0.1, "pdf", "Projet lettres-histoire.pdf")),
    len=(1, 2, 2, 3, 4, 5), folders={"INBOX": 85, "Archives": 15}, ua="marie",
),
"m_admin": dict(
    weight=3, **{"from": "marie"}, to="direction", greet="marie_to_dir", close="marie",
    subj=("Demande d'autorisation d'absence", "Ordre de mission – formation du {date_ev}",
          "Demande de salle pour l'atelier théâtre", "Signalement – élève de {classe}",
          "Commande de manuels {sy_next}"),
    body=(
        ("Je sollicite une autorisation d'absence le {date_ev} pour convenance personnelle (rendez-vous "
         "médical). Mes cours seront rattrapés le {date_ev2}, avec l'accord des élèves de {classe}.",),
        ("Pourriez-vous me confirmer que l'ordre de mission pour la formation « {formation} » du {date_ev} a "
         "bien été validé ? Je ne le trouve pas dans GAIA.",),
        ("Je souhaite vous signaler une situation préoccupante concernant une élève de {classe} : propos "
         "inquiétants dans une rédaction. J'ai également prévenu {cpe} et l'infirmière.",
         "Je reste à votre disposition pour en parler rapidement."),
    ),
    reply_o=(("C'est accordé. Merci de remplir le formulaire au secrétariat.",),
             ("Merci pour votre vigilance. Je reçois la famille demain avec la CPE.",),
             ("L'ordre de mission est validé, il apparaîtra dans GAIA sous 48 heures.",)),
    len=(1, 2, 2, 3), folders={"INBOX": 85, "Archives": 15}, ua="marie", mdn=0.15,
),
}

# Scenario-specific single-message pools ---------------------------------------
PHISHING = (
    dict(subj="Votre boîte de messagerie est pleine, vérifiez votre compte",
         body=("Cher utilisateur,",
               "Votre boîte aux lettres a atteint 98 % de sa capacité de stockage. Vous ne pourrez bientôt plus "
               "envoyer ni recevoir de messages.",
               "Pour éviter la suspension de votre compte, veuillez vérifier votre compte en cliquant sur le lien "
               "ci-dessous dans les 24 heures :",
               "{phish_url}",
               "Cordialement,\nL'équipe technique de la messagerie académique")),
    dict(subj="Alerte de sécurité : connexion inhabituelle à votre compte",
         body=("Bonjour,",
               "Nous avons détecté une connexion inhabituelle à votre compte de messagerie depuis un appareil "
               "situé en Roumanie.",
               "Si ce n'était pas vous, confirmez immédiatement votre identité : {phish_url}",
               "Service sécurité – Académie d'Amiens")),
    dict(subj="Dernier avis : votre mot de passe expire aujourd'hui",
         body=("Votre mot de passe de messagerie expire aujourd'hui.",
               "Conservez votre mot de passe actuel en cliquant ici : {phish_url}",
               "Sans action de votre part, votre compte sera désactivé.")),
    dict(subj="Remboursement de frais de déplacement en attente",
         body=("Madame, Monsieur,",
               "Un remboursement de 284,60 € est en attente de validation sur votre dossier Chorus DT.",
               "Merci de mettre à jour vos coordonnées bancaires sous 48 h : {phish_url}")),
)
SPAM = (
    dict(subj="Votre colis n'a pas pu être livré", sender=("Service Livraison", "suivi@colis-relais-express.top"),
         body=("Bonjour,", "Votre colis est en attente au centre de tri. Des frais de réexpédition de 1,99 € "
               "sont nécessaires : {spam_url}")),
    dict(subj="Félicitations ! Vous avez été sélectionné(e)", sender=("Grand Jeu Été", "gagnant@promo-cadeaux-fr.club"),
         body=("Vous faites partie des 10 gagnants de notre grand jeu.", "Réclamez votre lot avant minuit : {spam_url}")),
    dict(subj="Formation CPF : vos droits expirent bientôt", sender=("Mon Compte Formation", "info@moncompte-droits-cpf.info"),
         body=("Il vous reste 1 450 € de droits à la formation.", "Utilisez-les avant la fin du mois : {spam_url}")),
)
TRASH_SINGLE = ("fse", "ent", "eduscol", "assistance", "staff_info", "salle", "ensap")

MARIE_SIG = "Marie Dupont\nProfesseure de lettres modernes\n{college} – Amiens"
DRAFT_BODIES = (
    ("Suite à notre échange de ce matin, je",),
    ("Je reviens vers vous concernant {enfant}.", "Comme convenu,"),
    ("Pour la réunion du {date_ev}, je propose l'ordre du jour suivant :\n1. bilan du {trimestre}\n2. "
     "projets\n3.",),
    ("Idées pour la séquence sur {oeuvre} :\n- lecture analytique incipit\n- écriture d'invention\n- ",),
    ("Je vous prie de bien vouloir excuser mon absence au conseil de classe de {classe} du {date_ev}.",),
)
DRAFT_SUBJECTS = ("Réponse à {r_civ} {r_nom}", "", "Réunion d'équipe {date_court}", "Séquence {oeuvre} – brouillon",
                  "Excuse conseil de classe {classe}", "Re: {enfant}")
