<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Amiens::AboutDialog</name>
    <message>
        <source>About AmiensMail</source>
        <translation>À propos d&apos;AmiensMail</translation>
    </message>
    <message>
        <source>&lt;h2&gt;AmiensMail %1&lt;/h2&gt;&lt;p&gt;The mail client of the staff of the Académie d&apos;Amiens.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later. It comes with no warranty.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;AmiensMail %1&lt;/h2&gt;&lt;p&gt;Le client de messagerie des personnels de l&apos;académie d&apos;Amiens.&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence publique générale GNU, version 3 ou ultérieure. Il est fourni sans aucune garantie.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Libraries used:</source>
        <translation>Bibliothèques utilisées :</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Libraries used</source>
        <translation>Bibliothèques utilisées</translation>
    </message>
</context>
<context>
    <name>Amiens::AbsencePage</name>
    <message>
        <source>Send an automatic reply while I am away</source>
        <translation>Envoyer une réponse automatique pendant mon absence</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Message :</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> jour(s)</translation>
    </message>
    <message>
        <source>Reply to the same sender at most once every</source>
        <translation>Répondre au même expéditeur au plus une fois tous les</translation>
    </message>
    <message>
        <source>marie.dupont@ac-amiens.fr, mdupont@ac-amiens.fr</source>
        <translation>marie.dupont@ac-amiens.fr, mdupont@ac-amiens.fr</translation>
    </message>
    <message>
        <source>Answer for the addresses:</source>
        <translation>Répondre pour les adresses :</translation>
    </message>
    <message>
        <source>Do not reply to messages from outside the academy</source>
        <translation>Ne pas répondre aux messages extérieurs à l&apos;académie</translation>
    </message>
    <message>
        <source>The end of the absence must come after its start.</source>
        <translation>La fin de l&apos;absence doit être postérieure à son début.</translation>
    </message>
    <message>
        <source>The end of the absence is already past.</source>
        <translation>La fin de l&apos;absence est déjà passée.</translation>
    </message>
    <message>
        <source>Write the message your correspondents will receive.</source>
        <translation>Rédigez le message que recevront vos correspondants.</translation>
    </message>
    <message>
        <source>Not a valid e-mail address: %1</source>
        <translation>Adresse électronique non valide : %1</translation>
    </message>
    <message>
        <source>Start of the absence</source>
        <translation>Début de l&apos;absence</translation>
    </message>
    <message>
        <source>End of the absence</source>
        <translation>Fin de l&apos;absence</translation>
    </message>
</context>
<context>
    <name>Amiens::AccessibleNames</name>
    <message>
        <source>More actions</source>
        <translation>Plus d&apos;actions</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>Amiens::AccountAssistant</name>
    <message>
        <source>Set up your mail account</source>
        <translation>Configurer votre compte de messagerie</translation>
    </message>
    <message>
        <source>Start reading my mail</source>
        <translation>Lire mon courrier</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>Qui êtes-vous ?</translation>
    </message>
    <message>
        <source>Your academic identifier is usually the first letter of your first name followed by your surname. Correct it if yours is different (for example mdupont2).</source>
        <translation>Votre identifiant académique est en général la première lettre de votre prénom suivie de votre nom. Corrigez-le si le vôtre est différent (par exemple mdupont2).</translation>
    </message>
    <message>
        <source>Another mail server</source>
        <translation>Autre serveur de messagerie</translation>
    </message>
    <message>
        <source>mdupont</source>
        <translation>mdupont</translation>
    </message>
    <message>
        <source>mdupont@ac-amiens.fr</source>
        <translation>mdupont@ac-amiens.fr</translation>
    </message>
    <message>
        <source>Advanced settings…</source>
        <translation>Paramètres avancés…</translation>
    </message>
    <message>
        <source>Mail service:</source>
        <translation>Messagerie :</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Prénom :</translation>
    </message>
    <message>
        <source>Surname:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation>Identifiant :</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>You may also type your identifier or your address directly.</source>
        <translation>Vous pouvez aussi saisir directement votre identifiant ou votre adresse.</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Votre mot de passe</translation>
    </message>
    <message>
        <source>It is sent only to your mail servers, over an encrypted connection, and kept only in this computer&apos;s keychain.</source>
        <translation>Il n’est envoyé qu’à vos serveurs de messagerie, par une connexion chiffrée, et n’est conservé que dans le trousseau de cet ordinateur.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>I sign in with an OTP passcode (my PIN followed by the code of my key)</source>
        <translation>Je me connecte avec un passcode OTP (mon code PIN suivi du code de ma clé)</translation>
    </message>
    <message>
        <source>Shared computer: forget everything when I sign out or quit</source>
        <translation>Poste partagé : tout oublier quand je me déconnecte ou quitte</translation>
    </message>
    <message>
        <source>Required on this computer by your institution.</source>
        <translation>Imposé sur cet ordinateur par votre établissement.</translation>
    </message>
    <message>
        <source>On a computer shared with colleagues or pupils, the password, the mail kept offline and the temporary files are erased when you sign out.</source>
        <translation>Sur un ordinateur partagé avec des collègues ou des élèves, le mot de passe, le courrier conservé hors ligne et les fichiers temporaires sont effacés à la déconnexion.</translation>
    </message>
    <message>
        <source>Passcode:</source>
        <translation>Passcode :</translation>
    </message>
    <message>
        <source>A passcode works only once: AmiensMail never stores it and asks for a new one whenever it has to connect.</source>
        <translation>Un passcode ne sert qu’une fois : AmiensMail ne le conserve jamais et en demande un nouveau chaque fois qu’il doit se connecter.</translation>
    </message>
    <message>
        <source>Type your first name and surname, or your identifier.</source>
        <translation>Saisissez vos prénom et nom, ou votre identifiant.</translation>
    </message>
    <message>
        <source>The address must look like mdupont@ac-amiens.fr.</source>
        <translation>L’adresse doit être de la forme mdupont@ac-amiens.fr.</translation>
    </message>
    <message>
        <source>The account %1 is already set up on this computer.</source>
        <translation>Le compte %1 est déjà configuré sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Give the servers of this mail service in &quot;Advanced settings…&quot;.</source>
        <translation>Indiquez les serveurs de cette messagerie dans « Paramètres avancés… ».</translation>
    </message>
    <message>
        <source>Type your passcode.</source>
        <translation>Saisissez votre passcode.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>My own mailbox</source>
        <translation>Ma boîte personnelle</translation>
    </message>
    <message>
        <source>The school&apos;s or a service&apos;s functional mailbox</source>
        <translation>Boîte fonctionnelle de l&apos;établissement ou d&apos;un service</translation>
    </message>
    <message>
        <source>A functional mailbox (ce.0801234x@ac-amiens.fr, gestion.0801234x@ac-amiens.fr, a DSDEN service&apos;s box…) has its own identifier: the service&apos;s prefix followed by the school&apos;s UAI number, in lower case, for example ce.0801234x. Its password is the mailbox&apos;s, given by the head of school or the service, not yours. Replies written from it are sent from its address.</source>
        <translation>Une boîte fonctionnelle (ce.0801234x@ac-amiens.fr, gestion.0801234x@ac-amiens.fr, la boîte d&apos;un service de la DSDEN…) a son propre identifiant : le préfixe du service suivi du numéro UAI de l&apos;établissement, en minuscules, par exemple ce.0801234x. Son mot de passe est celui de la boîte, transmis par le chef d&apos;établissement ou le service, et non le vôtre. Les réponses écrites depuis cette boîte partent de son adresse.</translation>
    </message>
    <message>
        <source>Collège Jules Verne</source>
        <translation>Collège Jules Verne</translation>
    </message>
    <message>
        <source>Mailbox name:</source>
        <translation>Nom de la boîte :</translation>
    </message>
    <message>
        <source>Mailbox:</source>
        <translation>Boîte :</translation>
    </message>
    <message>
        <source>ce.0801234x</source>
        <translation>ce.0801234x</translation>
    </message>
    <message>
        <source>ce.0801234x@ac-amiens.fr</source>
        <translation>ce.0801234x@ac-amiens.fr</translation>
    </message>
    <message>
        <source>Type the functional mailbox&apos;s identifier, for example ce.0801234x.</source>
        <translation>Saisissez l&apos;identifiant de la boîte fonctionnelle, par exemple ce.0801234x.</translation>
    </message>
    <message>
        <source>The academy&apos;s own service unless your institution told you otherwise</source>
        <translation>Le service de l&apos;académie, sauf si votre établissement vous a indiqué un autre</translation>
    </message>
    <message>
        <source>Proposed from your first name and surname; correct it if yours is different</source>
        <translation>Proposé d&apos;après vos prénom et nom ; corrigez-le si le vôtre est différent</translation>
    </message>
</context>
<context>
    <name>Amiens::AccountCommand</name>
    <message>
        <source>Invalid port: %1</source>
        <translation>Port non valable : %1</translation>
    </message>
    <message>
        <source>Invalid security mode %1: use ssl or starttls.</source>
        <translation>Mode de sécurité %1 non valable : utilisez ssl ou starttls.</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Commande inconnue : %1</translation>
    </message>
    <message>
        <source>account add needs --address with a full e-mail address.</source>
        <translation>account add demande --address avec une adresse électronique complète.</translation>
    </message>
    <message>
        <source>Unknown preset: %1</source>
        <translation>Préréglage inconnu : %1</translation>
    </message>
    <message>
        <source>No preset for %1: give --preset or the --imap-host and --smtp-host options.</source>
        <translation>Aucun préréglage pour %1 : indiquez --preset ou les options --imap-host et --smtp-host.</translation>
    </message>
    <message>
        <source>The account is incomplete: servers, ports and login are needed.</source>
        <translation>Le compte est incomplet : il faut les serveurs, les ports et l’identifiant.</translation>
    </message>
    <message>
        <source>Error: the password could not be stored: %1</source>
        <translation>Erreur : le mot de passe n’a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Account %1 added (IMAP %2:%3, SMTP %4:%5, login %6).</source>
        <translation>Compte %1 ajouté (IMAP %2:%3, SMTP %4:%5, identifiant %6).</translation>
    </message>
    <message>
        <source>The profile already has the account %1.</source>
        <translation>Le profil contient déjà le compte %1.</translation>
    </message>
    <message>
        <source>account remove needs the id of one of the profile&apos;s accounts.</source>
        <translation>account remove attend l&apos;identifiant de l&apos;un des comptes du profil.</translation>
    </message>
    <message numerus="yes">
        <source>Error: %n message(s) of %1 are still waiting to be sent. Send them first (&quot;outbox send&quot;), or remove the account with --discard-outbox to delete them.</source>
        <translation>
            <numerusform>Erreur : %n message de %1 attend encore d&apos;être envoyé. Envoyez-le d&apos;abord (« outbox send »), ou supprimez le compte avec --discard-outbox pour le supprimer.</numerusform>
            <numerusform>Erreur : %n messages de %1 attendent encore d&apos;être envoyés. Envoyez-les d&apos;abord (« outbox send »), ou supprimez le compte avec --discard-outbox pour les supprimer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Attention : %1</translation>
    </message>
    <message>
        <source>Account %1 removed, with its offline copy and its password.</source>
        <translation>Compte %1 supprimé, avec sa copie hors connexion et son mot de passe.</translation>
    </message>
    <message>
        <source>account rename needs an account id and the new name.</source>
        <translation>account rename attend l&apos;identifiant d&apos;un compte et son nouveau nom.</translation>
    </message>
    <message>
        <source>Account %1 is now shown as %2.</source>
        <translation>Le compte %1 s&apos;affiche désormais sous le nom %2.</translation>
    </message>
    <message>
        <source>account move needs an account id and a position (1 = first).</source>
        <translation>account move attend l&apos;identifiant d&apos;un compte et une position (1 = en premier).</translation>
    </message>
</context>
<context>
    <name>Amiens::AccountLauncher</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Type your PIN followed by the code shown on your key.</source>
        <translation>Saisissez votre code PIN suivi du code affiché sur votre clé.</translation>
    </message>
    <message>
        <source>Your password is not stored on this computer.</source>
        <translation>Votre mot de passe n’est pas conservé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Shared computer: your password will be forgotten when you sign out or quit.</source>
        <translation>Poste partagé : votre mot de passe sera oublié quand vous vous déconnecterez ou quitterez.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer, so your password cannot be saved. It will be kept for this session only, never written to disk.</source>
        <translation>Aucun trousseau n’est disponible sur cet ordinateur : votre mot de passe ne peut pas être enregistré. Il sera gardé pour cette session seulement, jamais écrit sur le disque.</translation>
    </message>
    <message>
        <source>Type your password again.</source>
        <translation>Saisissez de nouveau votre mot de passe.</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Passcode</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>%1
%2 for %3:</source>
        <translation>%1
%2 pour %3 :</translation>
    </message>
    <message>
        <source>Passcode:</source>
        <translation>Passcode :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Without a password, only the mail already on this computer can be read.</source>
        <translation>Sans mot de passe, seuls les messages déjà présents sur cet ordinateur peuvent être lus.</translation>
    </message>
    <message>
        <source>Type a passcode…</source>
        <translation>Saisir un passcode…</translation>
    </message>
    <message>
        <source>Type my password…</source>
        <translation>Saisir mon mot de passe…</translation>
    </message>
    <message>
        <source>Type a new passcode…</source>
        <translation>Saisir un nouveau passcode…</translation>
    </message>
    <message>
        <source>Type my password again…</source>
        <translation>Saisir de nouveau mon mot de passe…</translation>
    </message>
    <message>
        <source>View the certificate…</source>
        <translation>Voir le certificat…</translation>
    </message>
</context>
<context>
    <name>Amiens::AccountRemovalPrompt</name>
    <message>
        <source>Remove the account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Remove the account « %1 » from this computer? Its mail stays on the server; the copy kept here and its saved password are erased.</source>
        <translation>Supprimer le compte « %1 » de cet ordinateur ? Son courrier reste sur le serveur ; la copie conservée ici et son mot de passe enregistré sont effacés.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting in its outbox cannot be sent any more: they will be deleted.</source>
        <translation>
            <numerusform>%n message en attente dans sa boîte d&apos;envoi ne pourra plus être envoyé : il sera supprimé.</numerusform>
            <numerusform>%n messages en attente dans sa boîte d&apos;envoi ne pourront plus être envoyés : ils seront supprimés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the messages and remove</source>
        <translation>Supprimer les messages et le compte</translation>
    </message>
    <message>
        <source>Keep the account</source>
        <translation>Garder le compte</translation>
    </message>
</context>
<context>
    <name>Amiens::AccountSession</name>
    <message>
        <source>The offline cache cannot be opened.</source>
        <translation>Le cache hors connexion ne peut pas être ouvert.</translation>
    </message>
</context>
<context>
    <name>Amiens::AccountStorage</name>
    <message>
        <source>Cannot delete the folder %1.</source>
        <translation>Impossible de supprimer le dossier %1.</translation>
    </message>
    <message>
        <source>Cannot delete the file %1.</source>
        <translation>Impossible de supprimer le fichier %1.</translation>
    </message>
</context>
<context>
    <name>Amiens::AccountWorker</name>
    <message>
        <source>The password of %1 is needed to connect.</source>
        <translation>Le mot de passe de %1 est nécessaire pour se connecter.</translation>
    </message>
    <message>
        <source>A new passcode is needed to connect %1 again.</source>
        <translation>Un nouveau passcode est nécessaire pour reconnecter %1.</translation>
    </message>
</context>
<context>
    <name>Amiens::AdvancedSettingsDialog</name>
    <message>
        <source>Advanced settings</source>
        <translation>Paramètres avancés</translation>
    </message>
    <message>
        <source>Incoming mail (IMAP)</source>
        <translation>Courrier entrant (IMAP)</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP)</source>
        <translation>Courrier sortant (SMTP)</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <source>Extra certificate authority (PEM file), usually empty</source>
        <translation>Autorité de certification supplémentaire (fichier PEM), vide en général</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Autorité de certification</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sécurité :</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Identifiant de connexion :</translation>
    </message>
</context>
<context>
    <name>Amiens::AttachmentInspector</name>
    <message>
        <source>« %1 » is a program, a script or a disk image: opening it could run it on this computer, so AmiensMail does not open it. If you trust the sender, save it with « Save as… » and have it checked first.</source>
        <translation>« %1 » est un programme, un script ou une image disque : l’ouvrir pourrait l’exécuter sur cet ordinateur, AmiensMail ne l’ouvre donc pas. Si vous faites confiance à l’expéditeur, enregistrez-le avec « Enregistrer sous… » et faites-le vérifier d’abord.</translation>
    </message>
    <message>
        <source>The archive « %1 » holds a program or a script (« %2 »), so AmiensMail does not open it. If you trust the sender, save it with « Save as… » and have it checked first.</source>
        <translation>L’archive « %1 » contient un programme ou un script (« %2 »), AmiensMail ne l’ouvre donc pas. Si vous faites confiance à l’expéditeur, enregistrez-la avec « Enregistrer sous… » et faites-la vérifier d’abord.</translation>
    </message>
    <message>
        <source>« %1 » is a web page that asks for information or runs a script, as fake login pages do, so AmiensMail does not open it in your browser. Never type your password in a page received by mail.</source>
        <translation>« %1 » est une page web qui demande des informations ou exécute un script, comme les fausses pages de connexion : AmiensMail ne l’ouvre donc pas dans votre navigateur. Ne saisissez jamais votre mot de passe dans une page reçue par messagerie.</translation>
    </message>
</context>
<context>
    <name>Amiens::AutoResponder</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Out of office: %1</source>
        <translation>Absence : %1</translation>
    </message>
</context>
<context>
    <name>Amiens::CacheDatabase</name>
    <message>
        <source>Cannot create the cache folder %1.</source>
        <translation>Impossible de créer le dossier du cache %1.</translation>
    </message>
    <message>
        <source>There is no offline copy of this account yet: synchronise it once.</source>
        <translation>Il n’existe pas encore de copie hors connexion de ce compte : synchronisez-le une première fois.</translation>
    </message>
    <message>
        <source>Cannot open the offline cache %1: %2</source>
        <translation>Impossible d’ouvrir le cache hors connexion %1 : %2</translation>
    </message>
    <message>
        <source>The offline cache was written by a newer version of AmiensMail.</source>
        <translation>Le cache hors connexion a été écrit par une version plus récente d’AmiensMail.</translation>
    </message>
    <message>
        <source>Cannot prepare the offline cache (step %1): %2</source>
        <translation>Impossible de préparer le cache hors connexion (étape %1) : %2</translation>
    </message>
</context>
<context>
    <name>Amiens::CalendarSummary</name>
    <message>
        <source>(no title)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Annulé : %1</translation>
    </message>
    <message>
        <source>Reply to an invitation: %1</source>
        <translation>Réponse à une invitation : %1</translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation>Événement : %1</translation>
    </message>
    <message>
        <source>Invitation: %1</source>
        <translation>Invitation : %1</translation>
    </message>
    <message>
        <source>When: %1 – %2</source>
        <translation>Quand : %1 – %2</translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation>Quand : %1</translation>
    </message>
    <message>
        <source>When: %1, %2 – %3</source>
        <translation>Quand : %1, %2 – %3</translation>
    </message>
    <message>
        <source>When: %1, %2 – %3, %4</source>
        <translation>Quand : %1, %2 – %3, %4</translation>
    </message>
    <message>
        <source>When: %1, %2</source>
        <translation>Quand : %1, %2</translation>
    </message>
    <message>
        <source>Where: %1</source>
        <translation>Où : %1</translation>
    </message>
    <message>
        <source>Organiser: %1 &lt;%2&gt;</source>
        <translation>Organisateur : %1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Organiser: %1</source>
        <translation>Organisateur : %1</translation>
    </message>
</context>
<context>
    <name>Amiens::CertificateDialog</name>
    <message>
        <source>Unverified server certificate</source>
        <translation>Certificat de serveur non vérifié</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Faire confiance et se connecter</translation>
    </message>
</context>
<context>
    <name>Amiens::CertificateView</name>
    <message>
        <source>If you did not expect this, refuse: someone may be intercepting the connection. Only trust this certificate if your IT support confirms its fingerprint.</source>
        <translation>Si vous ne vous y attendiez pas, refusez : quelqu’un intercepte peut-être la connexion. Ne faites confiance à ce certificat que si votre assistance informatique en confirme l’empreinte.</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Sujet :</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Émetteur :</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Validité :</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>Empreinte SHA-256 :</translation>
    </message>
    <message>
        <source>(no certificate)</source>
        <translation>(aucun certificat)</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>Trust this exact certificate for %1, port %2</source>
        <translation>Faire confiance à ce certificat précis pour %1, port %2</translation>
    </message>
    <message>
        <source>Trust this exact certificate</source>
        <translation>Faire confiance à ce certificat précis</translation>
    </message>
</context>
<context>
    <name>Amiens::CliApplication</name>
    <message>
        <source>No command given.</source>
        <translation>Aucune commande indiquée.</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Commande inconnue : %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Attention : %1</translation>
    </message>
</context>
<context>
    <name>Amiens::CommandContext</name>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Détails : %1</translation>
    </message>
    <message>
        <source>Error: the profile %1 has no account; add one with &quot;account add&quot;.</source>
        <translation>Erreur : le profil %1 ne contient aucun compte ; ajoutez-en un avec « account add ».</translation>
    </message>
    <message>
        <source>Error: no account %1 in the profile.</source>
        <translation>Erreur : aucun compte %1 dans le profil.</translation>
    </message>
    <message>
        <source>Error: %1 Use --password-stdin to give it.</source>
        <translation>Erreur : %1 Utilisez --password-stdin pour le fournir.</translation>
    </message>
    <message>
        <source>(local copy, last synchronised %1)</source>
        <translation>(copie locale, dernière synchronisation : %1)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>%1: saved; it will be sent to the server at the next synchronisation.</source>
        <translation>%1 : enregistré ; ce sera transmis au serveur à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Conflit : %1</translation>
    </message>
    <message>
        <source>%1: saved; the server cannot be reached (%2), it will be sent at the next synchronisation.</source>
        <translation>%1 : enregistré ; le serveur est injoignable (%2), ce sera transmis à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1 : fait.</translation>
    </message>
</context>
<context>
    <name>Amiens::ComposerWindow</name>
    <message>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <source>Addresses separated by commas</source>
        <translation>Adresses séparées par des virgules</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De :</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;À :</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc :</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>C&amp;ci :</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Objet :</translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation>&amp;Joindre des fichiers…</translation>
    </message>
    <message>
        <source>&amp;Remove attachment</source>
        <translation>&amp;Retirer la pièce jointe</translation>
    </message>
    <message>
        <source>Request a read &amp;receipt</source>
        <translation>Demander un accusé de &amp;lecture</translation>
    </message>
    <message>
        <source>Normal priority</source>
        <translation>Priorité normale</translation>
    </message>
    <message>
        <source>High priority</source>
        <translation>Priorité haute</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>Priorité basse</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Le fichier %1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation>Si&amp;gnature :</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>Enregistrer le &amp;brouillon</translation>
    </message>
    <message>
        <source>Rich text</source>
        <translation>Texte enrichi</translation>
    </message>
    <message>
        <source>Bold, italic, lists and links; sent with a plain-text version</source>
        <translation>Gras, italique, listes et liens ; envoyé avec une version en texte brut</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Gras</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Italique</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• Liste</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. Liste numérotée</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Lien…</translation>
    </message>
    <message>
        <source>Insert a link</source>
        <translation>Insérer un lien</translation>
    </message>
    <message>
        <source>Address of the link:</source>
        <translation>Adresse du lien :</translation>
    </message>
    <message>
        <source>No signature</source>
        <translation>Aucune signature</translation>
    </message>
    <message>
        <source>The original message is not downloaded yet, so its attachments are not included. Synchronise, then forward it again.</source>
        <translation>Le message d&apos;origine n&apos;est pas encore téléchargé : ses pièces jointes ne sont donc pas incluses. Synchronisez, puis transférez-le de nouveau.</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total : %1</translation>
    </message>
    <message>
        <source>With its attachments the message will weigh about %1, more than the %2 the server accepts. It will probably be refused: remove attachments or share big files through a link.</source>
        <translation>Avec ses pièces jointes, le message pèsera environ %1, plus que les %2 acceptés par le serveur. Il sera probablement refusé : retirez des pièces jointes ou partagez les gros fichiers par un lien.</translation>
    </message>
    <message>
        <source>With its attachments the message will weigh about %1, more than %2, the usual limit of mail servers (this server&apos;s own limit is not known yet). It may be refused: remove attachments or share big files through a link.</source>
        <translation>Avec ses pièces jointes, le message pèsera environ %1, plus que %2, la limite habituelle des serveurs de messagerie (la limite de ce serveur n&apos;est pas encore connue). Il risque d&apos;être refusé : retirez des pièces jointes ou partagez les gros fichiers par un lien.</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <source>This message has not been sent. Keep it as a draft?</source>
        <translation>Ce message n&apos;a pas été envoyé. Le garder comme brouillon ?</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Texte du message</translation>
    </message>
    <message>
        <source>Formatted text: the formatting tool bar is above it</source>
        <translation>Texte mis en forme : la barre de mise en forme se trouve au-dessus</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>Mise en forme</translation>
    </message>
</context>
<context>
    <name>Amiens::ConnectionCheckPage</name>
    <message>
        <source>Connection test</source>
        <translation>Test de connexion</translation>
    </message>
    <message>
        <source>AmiensMail signs in to your mail servers to check everything works.</source>
        <translation>AmiensMail se connecte à vos serveurs de messagerie pour vérifier que tout fonctionne.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>No keychain on this computer</source>
        <translation>Pas de trousseau sur cet ordinateur</translation>
    </message>
    <message>
        <source>Keep my password until I quit AmiensMail (this session only)</source>
        <translation>Garder mon mot de passe jusqu’à ce que je quitte AmiensMail (cette session seulement)</translation>
    </message>
    <message>
        <source>Ask for my password each time AmiensMail starts</source>
        <translation>Demander mon mot de passe à chaque démarrage d’AmiensMail</translation>
    </message>
    <message>
        <source>AmiensMail never writes your password to a file. Choose how to go on:</source>
        <translation>AmiensMail n’écrit jamais votre mot de passe dans un fichier. Choisissez comment continuer :</translation>
    </message>
    <message>
        <source>Incoming mail: connecting to %1…</source>
        <translation>Courrier entrant : connexion à %1…</translation>
    </message>
    <message>
        <source>Outgoing mail: connecting to %1…</source>
        <translation>Courrier sortant : connexion à %1…</translation>
    </message>
    <message>
        <source>✔ Incoming mail: signed in to %1 as %2 (%3).</source>
        <translation>✔ Courrier entrant : connecté à %1 en tant que %2 (%3).</translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) found.</source>
        <translation>
            <numerusform>%n dossier trouvé.</numerusform>
            <numerusform>%n dossiers trouvés.</numerusform>
        </translation>
    </message>
    <message>
        <source>✘ Incoming mail: %1</source>
        <translation>✘ Courrier entrant : %1</translation>
    </message>
    <message>
        <source>✔ Outgoing mail: signed in to %1 as %2 (%3).</source>
        <translation>✔ Courrier sortant : connecté à %1 en tant que %2 (%3).</translation>
    </message>
    <message>
        <source>✘ Outgoing mail: %1</source>
        <translation>✘ Courrier sortant : %1</translation>
    </message>
    <message>
        <source>Outgoing mail (%1) will be checked when you first send a message: a passcode works only once.</source>
        <translation>Le courrier sortant (%1) sera vérifié lors de votre premier envoi : un passcode ne sert qu’une fois.</translation>
    </message>
    <message>
        <source>You can read your mail, but sending may fail until the outgoing server is corrected (Back, then &quot;Advanced settings…&quot;).</source>
        <translation>Vous pouvez lire votre courrier, mais l’envoi risque d’échouer tant que le serveur sortant n’est pas corrigé (Précédent, puis « Paramètres avancés… »).</translation>
    </message>
    <message>
        <source>Go back to correct your identifier or your password.</source>
        <translation>Revenez en arrière pour corriger votre identifiant ou votre mot de passe.</translation>
    </message>
    <message>
        <source>Check that this computer is connected to the Internet, and the server names in &quot;Advanced settings…&quot;. The service may also be in maintenance: try again later.</source>
        <translation>Vérifiez que cet ordinateur est connecté à Internet, ainsi que les noms des serveurs dans « Paramètres avancés… ». Le service est peut-être aussi en maintenance : réessayez plus tard.</translation>
    </message>
    <message>
        <source>No secret is stored: AmiensMail will ask for a passcode when it has to connect.</source>
        <translation>Aucun secret n’est conservé : AmiensMail demandera un passcode quand il devra se connecter.</translation>
    </message>
    <message>
        <source>Shared computer: your password stays in memory only and everything is erased when you sign out or quit.</source>
        <translation>Poste partagé : votre mot de passe reste seulement en mémoire et tout est effacé quand vous vous déconnectez ou quittez.</translation>
    </message>
    <message>
        <source>Saving the password in the keychain…</source>
        <translation>Enregistrement du mot de passe dans le trousseau…</translation>
    </message>
    <message>
        <source>✔ Password saved in this computer&apos;s keychain.</source>
        <translation>✔ Mot de passe enregistré dans le trousseau de cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>Amiens::CredentialStore</name>
    <message>
        <source>No password is stored for this account in the keychain.</source>
        <translation>Aucun mot de passe n’est enregistré pour ce compte dans le trousseau.</translation>
    </message>
    <message>
        <source>The keychain refused access (it may be locked): %1</source>
        <translation>Le trousseau a refusé l’accès (il est peut-être verrouillé) : %1</translation>
    </message>
    <message>
        <source>No keychain is available on this computer: %1</source>
        <translation>Aucun trousseau de mots de passe n’est disponible sur cet ordinateur : %1</translation>
    </message>
    <message>
        <source>The keychain could not be used: %1</source>
        <translation>Le trousseau de mots de passe n’a pas pu être utilisé : %1</translation>
    </message>
</context>
<context>
    <name>Amiens::DeleteCommand</name>
    <message>
        <source>delete needs a folder and a UID.</source>
        <translation>delete demande un dossier et un UID.</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>Suppression</translation>
    </message>
</context>
<context>
    <name>Amiens::DesktopIntegration</name>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n nouveau message</numerusform>
            <numerusform>%n nouveaux messages</numerusform>
        </translation>
    </message>
    <message>
        <source>In the inbox of AmiensMail</source>
        <translation>Dans la boîte de réception d&apos;AmiensMail</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) — %1</source>
        <translation>
            <numerusform>%n nouveau message — %1</numerusform>
            <numerusform>%n nouveaux messages — %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Amiens::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>Amiens::DraftStore</name>
    <message>
        <source>The draft could not be saved in %1 (%2). Check the free space on the disk.</source>
        <translation>Le brouillon n&apos;a pas pu être enregistré dans %1 (%2). Vérifiez l&apos;espace libre sur le disque.</translation>
    </message>
    <message>
        <source>The draft has an invalid name.</source>
        <translation>Le brouillon a un nom invalide.</translation>
    </message>
    <message>
        <source>The drafts folder %1 could not be created.</source>
        <translation>Le dossier des brouillons %1 n&apos;a pas pu être créé.</translation>
    </message>
    <message>
        <source>The draft %1 cannot be read.</source>
        <translation>Le brouillon %1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The draft %1 is damaged.</source>
        <translation>Le brouillon %1 est endommagé.</translation>
    </message>
    <message>
        <source>The attachment %1 of the draft cannot be read.</source>
        <translation>La pièce jointe %1 du brouillon ne peut pas être lue.</translation>
    </message>
    <message>
        <source>The draft %1 could not be deleted.</source>
        <translation>Le brouillon %1 n&apos;a pas pu être supprimé.</translation>
    </message>
</context>
<context>
    <name>Amiens::FlagCommand</name>
    <message>
        <source>flag needs a folder, a UID and +seen, -seen, +flagged or -flagged.</source>
        <translation>flag demande un dossier, un UID et +seen, -seen, +flagged ou -flagged.</translation>
    </message>
    <message>
        <source>Flag change</source>
        <translation>Changement d’indicateur</translation>
    </message>
</context>
<context>
    <name>Amiens::FolderPermissions</name>
    <message>
        <source>shared by %1 read-only</source>
        <translation>partagé par %1 en lecture seule</translation>
    </message>
    <message>
        <source>shared by %1 without this right</source>
        <translation>partagé par %1 sans ce droit</translation>
    </message>
    <message>
        <source>a shared folder, read-only</source>
        <translation>dossier partagé en lecture seule</translation>
    </message>
    <message>
        <source>a shared folder without this right</source>
        <translation>dossier partagé sans ce droit</translation>
    </message>
    <message>
        <source>which is read-only</source>
        <translation>en lecture seule</translation>
    </message>
    <message>
        <source>you do not have this right</source>
        <translation>vous n’avez pas ce droit</translation>
    </message>
    <message>
        <source>You cannot read « %1 », %2.</source>
        <translation>Vous ne pouvez pas lire « %1 », %2.</translation>
    </message>
    <message>
        <source>You cannot mark messages as read or unread in « %1 », %2.</source>
        <translation>Vous ne pouvez pas marquer de messages comme lus ou non lus dans « %1 », %2.</translation>
    </message>
    <message>
        <source>You cannot flag or tag messages in « %1 », %2.</source>
        <translation>Vous ne pouvez pas suivre ni étiqueter de messages dans « %1 », %2.</translation>
    </message>
    <message>
        <source>You cannot delete messages in « %1 », %2.</source>
        <translation>Vous ne pouvez pas supprimer de messages dans « %1 », %2.</translation>
    </message>
    <message>
        <source>You cannot move messages out of « %1 », %2.</source>
        <translation>Vous ne pouvez pas déplacer de messages hors de « %1 », %2.</translation>
    </message>
    <message>
        <source>You cannot put messages in « %1 », %2.</source>
        <translation>Vous ne pouvez pas ajouter de messages dans « %1 », %2.</translation>
    </message>
    <message>
        <source>You cannot create folders in « %1 », %2.</source>
        <translation>Vous ne pouvez pas créer de dossiers dans « %1 », %2.</translation>
    </message>
    <message>
        <source>You cannot delete or rename « %1 », %2.</source>
        <translation>Vous ne pouvez pas supprimer ni renommer « %1 », %2.</translation>
    </message>
</context>
<context>
    <name>Amiens::FolderTreeModel</name>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Junk</source>
        <translation>Indésirables</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archives</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>Dossier partagé</translation>
    </message>
    <message>
        <source>Folder of %1, shared with you</source>
        <translation>Dossier de %1, partagé avec vous</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Shared folders</source>
        <translation>Dossiers partagés</translation>
    </message>
    <message>
        <source>Shared by %1</source>
        <translation>Partagés par %1</translation>
    </message>
    <message>
        <source>Inboxes</source>
        <translation>Boîtes de réception</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Non lus</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <source>The inboxes of every account, newest first</source>
        <translation>Les boîtes de réception de tous les comptes, les messages les plus récents d&apos;abord</translation>
    </message>
    <message>
        <source>Unread messages of every account, outside the Trash and Junk</source>
        <translation>Les messages non lus de tous les comptes, hors Corbeille et Indésirables</translation>
    </message>
    <message>
        <source>Flagged messages of every account, outside the Trash and Junk</source>
        <translation>Les messages suivis de tous les comptes, hors Corbeille et Indésirables</translation>
    </message>
    <message>
        <source>Every account&apos;s messages together</source>
        <translation>Les messages de tous les comptes réunis</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread message(s)</source>
        <translation>
            <numerusform>%1, %n message non lu</numerusform>
            <numerusform>%1, %n messages non lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Amiens::ForwardingPage</name>
    <message>
        <source>&lt;b&gt;Warning:&lt;/b&gt; forwarding academic mail to an address outside the academy (a personal mailbox, for example) may be forbidden. Professional mail can hold personal data of pupils and colleagues. Check with your head of school or your department before turning it on.</source>
        <translation>&lt;b&gt;Attention :&lt;/b&gt; le transfert du courrier académique vers une adresse extérieure à l&apos;académie (une messagerie personnelle, par exemple) peut être interdit. Le courrier professionnel peut contenir des données personnelles d&apos;élèves et de collègues. Renseignez-vous auprès de votre chef d&apos;établissement ou de votre service avant de l&apos;activer.</translation>
    </message>
    <message>
        <source>Forward my incoming mail</source>
        <translation>Transférer mon courrier entrant</translation>
    </message>
    <message>
        <source>To the address:</source>
        <translation>Vers l&apos;adresse :</translation>
    </message>
    <message>
        <source>Keep a copy in this mailbox</source>
        <translation>Conserver une copie dans cette boîte</translation>
    </message>
    <message>
        <source>Give the address mail is forwarded to.</source>
        <translation>Indiquez l&apos;adresse vers laquelle transférer le courrier.</translation>
    </message>
    <message>
        <source>Not a valid e-mail address: %1</source>
        <translation>Adresse électronique non valide : %1</translation>
    </message>
</context>
<context>
    <name>Amiens::FreeSpaceController</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Free up space…</source>
        <translation>Libérer de l&apos;espace…</translation>
    </message>
</context>
<context>
    <name>Amiens::FreeSpaceDialog</name>
    <message>
        <source>Free up space — %1</source>
        <translation>Libérer de l&apos;espace — %1</translation>
    </message>
    <message>
        <source>The server does not say how much room the mailbox has.</source>
        <translation>Le serveur n&apos;indique pas la place dont dispose la boîte aux lettres.</translation>
    </message>
    <message>
        <source>Mailbox usage</source>
        <translation>Occupation de la boîte aux lettres</translation>
    </message>
    <message>
        <source>Messages in these folders were already put aside.</source>
        <translation>Les messages de ces dossiers ont déjà été mis de côté.</translation>
    </message>
    <message numerus="yes">
        <source>Empty the Trash (%n message(s), %1)</source>
        <translation>
            <numerusform>Vider la corbeille (%n message, %1)</numerusform>
            <numerusform>Vider la corbeille (%n messages, %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Empty the Junk folder (%n message(s), %1)</source>
        <translation>
            <numerusform>Vider les indésirables (%n message, %1)</numerusform>
            <numerusform>Vider les indésirables (%n messages, %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Trash and Junk</source>
        <translation>Corbeille et Indésirables</translation>
    </message>
    <message>
        <source>Largest messages</source>
        <translation>Messages les plus volumineux</translation>
    </message>
    <message>
        <source>Oldest attachments</source>
        <translation>Pièces jointes les plus anciennes</translation>
    </message>
    <message>
        <source>Delete the selected messages</source>
        <translation>Supprimer les messages sélectionnés</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Deleted messages go to the Trash: empty it to free the space.</source>
        <translation>Les messages supprimés vont à la corbeille : videz-la pour libérer la place.</translation>
    </message>
</context>
<context>
    <name>Amiens::HelpTexts</name>
    <message>
        <source>Check your PIN, then type it again followed by a new code from your key: each code works only once.</source>
        <translation>Vérifiez votre code PIN, puis saisissez-le de nouveau suivi d’un nouveau code de votre clé : chaque code ne sert qu’une fois.</translation>
    </message>
    <message>
        <source>Check your identifier: it is usually the first letter of your first name followed by your surname, without accents or spaces (mdupont), sometimes with a number (mdupont2).</source>
        <translation>Vérifiez votre identifiant : c’est en général la première lettre de votre prénom suivie de votre nom, sans accent ni espace (mdupont), parfois avec un chiffre (mdupont2).</translation>
    </message>
    <message>
        <source>Forgot your password?</source>
        <translation>Mot de passe oublié ?</translation>
    </message>
    <message>
        <source>The academy&apos;s page lets you choose a new one with your NUMEN.</source>
        <translation>La page de l’académie vous permet d’en choisir un nouveau avec votre NUMEN.</translation>
    </message>
    <message>
        <source>If you lost your identifier or your account is blocked, contact your head of school or your administrative service.</source>
        <translation>Si vous avez perdu votre identifiant ou si votre compte est bloqué, contactez votre chef d’établissement ou votre service administratif.</translation>
    </message>
    <message>
        <source>Account blocked or hacked</source>
        <translation>Compte bloqué ou piraté</translation>
    </message>
    <message>
        <source>After several wrong passwords the academy blocks the account for a while. If you think someone else knows your password, or mail you did not write was sent from your address:</source>
        <translation>Après plusieurs mots de passe erronés, l’académie bloque le compte pendant un moment. Si vous pensez que quelqu’un d’autre connaît votre mot de passe, ou que des messages que vous n’avez pas écrits ont été envoyés depuis votre adresse :</translation>
    </message>
    <message>
        <source>Change your password at once</source>
        <translation>Changez immédiatement votre mot de passe</translation>
    </message>
    <message>
        <source>Tell your head of school or your administrative service, and the academy&apos;s support below.</source>
        <translation>Prévenez votre chef d’établissement ou votre service administratif, ainsi que l’assistance de l’académie ci-dessous.</translation>
    </message>
    <message>
        <source>Never give your password to anyone: the academy never asks for it by mail or phone.</source>
        <translation>Ne donnez jamais votre mot de passe à personne : l’académie ne le demande jamais par courriel ni par téléphone.</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <source>No contact is configured on this computer.</source>
        <translation>Aucun contact n’est configuré sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Téléphone : %1</translation>
    </message>
    <message>
        <source>Mail: %1</source>
        <translation>Courriel : %1</translation>
    </message>
    <message numerus="yes">
        <source>You have been using the same password for about %n month(s). The academy asks for a new one every six months.</source>
        <translation>
            <numerusform>Vous utilisez le même mot de passe depuis environ %n mois. L’académie demande d’en changer tous les six mois.</numerusform>
            <numerusform>Vous utilisez le même mot de passe depuis environ %n mois. L’académie demande d’en changer tous les six mois.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
</context>
<context>
    <name>Amiens::HtmlSanitizer</name>
    <message>
        <source>Remote image blocked</source>
        <translation>Image distante bloquée</translation>
    </message>
    <message>
        <source>The rest of this message is not shown: it is too long to be displayed.</source>
        <translation>La suite de ce message n’est pas affichée : elle est trop longue.</translation>
    </message>
</context>
<context>
    <name>Amiens::IdleWatcher</name>
    <message>
        <source>The server does not push new mail (no IDLE); it will be checked regularly.</source>
        <translation>Le serveur ne signale pas les nouveaux messages (pas d’IDLE) ; ils seront vérifiés régulièrement.</translation>
    </message>
</context>
<context>
    <name>Amiens::ListCommand</name>
    <message>
        <source>list needs a folder, e.g. list INBOX.</source>
        <translation>list demande un dossier, par exemple list INBOX.</translation>
    </message>
    <message>
        <source>Error: no folder %1 in the local copy.</source>
        <translation>Erreur : aucun dossier %1 dans la copie locale.</translation>
    </message>
</context>
<context>
    <name>Amiens::MailCache</name>
    <message>
        <source>The offline cache %1 belongs to another account.</source>
        <translation>Le cache hors connexion %1 appartient à un autre compte.</translation>
    </message>
</context>
<context>
    <name>Amiens::MainWindow</name>
    <message>
        <source>AmiensMail</source>
        <translation>AmiensMail</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors connexion</translation>
    </message>
    <message>
        <source>Synchronisation in progress</source>
        <translation>Synchronisation en cours</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About AmiensMail</source>
        <translation>À &amp;propos d’AmiensMail</translation>
    </message>
    <message>
        <source>%1 — AmiensMail</source>
        <translation>%1 — AmiensMail</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Last synchronisation: %1</source>
        <translation>Dernière synchronisation : %1</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Forgot your password?</source>
        <translation>Mot de passe &amp;oublié ?</translation>
    </message>
    <message>
        <source>Account &amp;blocked or hacked…</source>
        <translation>Compte &amp;bloqué ou piraté…</translation>
    </message>
    <message>
        <source>Account blocked or hacked</source>
        <translation>Compte bloqué ou piraté</translation>
    </message>
    <message>
        <source>&amp;Assistance…</source>
        <translation>&amp;Assistance…</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <source>Set up my account…</source>
        <translation>Configurer mon compte…</translation>
    </message>
    <message>
        <source>Search in all mail (subject, people, text)</source>
        <translation>Rechercher dans tout le courrier (objet, personnes, texte)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Répondre</translation>
    </message>
    <message>
        <source>Mark as &amp;read / unread</source>
        <translation>Marquer comme &amp;lu / non lu</translation>
    </message>
    <message>
        <source>&amp;Flag</source>
        <translation>&amp;Suivre</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archiver</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Non lus</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>With attachment</source>
        <translation>Avec pièce jointe</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>&amp;Synchronise now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <source>This account has no archive folder.</source>
        <translation>Ce compte n’a pas de dossier d’archives.</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;New message</source>
        <translation>&amp;Nouveau message</translation>
    </message>
    <message>
        <source>Your out-of-office message is on until %1.</source>
        <translation>Votre message d&apos;absence est activé jusqu&apos;au %1.</translation>
    </message>
    <message>
        <source>Your out-of-office message is on.</source>
        <translation>Votre message d&apos;absence est activé.</translation>
    </message>
    <message>
        <source>End it</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Reply to &amp;all</source>
        <translation>Répondre à &amp;tous</translation>
    </message>
    <message>
        <source>For&amp;ward</source>
        <translation>&amp;Transférer</translation>
    </message>
    <message>
        <source>&amp;Drafts</source>
        <translation>&amp;Brouillons</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No draft</source>
        <translation>Aucun brouillon</translation>
    </message>
    <message>
        <source>Report as &amp;phishing</source>
        <translation>Signaler comme &amp;hameçonnage</translation>
    </message>
    <message>
        <source>Moves the message to Junk and sends it to the academy&apos;s security team, if configured.</source>
        <translation>Déplace le message dans Indésirables et l’envoie à l’équipe sécurité de l’académie, si elle est configurée.</translation>
    </message>
    <message>
        <source>Group by &amp;conversation</source>
        <translation>Regrouper par &amp;conversation</translation>
    </message>
    <message>
        <source>&amp;Empty the Trash…</source>
        <translation>&amp;Vider la corbeille…</translation>
    </message>
    <message>
        <source>Empty the Trash</source>
        <translation>Vider la corbeille</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n message(s) in the Trash for good? This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer définitivement le message de la corbeille ? Cette action est irréversible.</numerusform>
            <numerusform>Supprimer définitivement les %n messages de la corbeille ? Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search the server too</source>
        <translation>Chercher aussi sur le serveur</translation>
    </message>
    <message>
        <source>Also ask the server, for messages whose text is not kept offline</source>
        <translation>Interroger aussi le serveur, pour les messages dont le texte n&apos;est pas conservé hors connexion</translation>
    </message>
    <message>
        <source>&amp;Undo move or delete</source>
        <translation>&amp;Annuler le déplacement ou la suppression</translation>
    </message>
    <message>
        <source>This account has no Junk folder, so the message stays where it is.</source>
        <translation>Ce compte n’a pas de dossier Indésirables : le message reste où il est.</translation>
    </message>
    <message>
        <source>Searching on the server…</source>
        <translation>Recherche sur le serveur…</translation>
    </message>
    <message>
        <source>This server cannot search for accented text; the offline copy was searched instead.</source>
        <translation>Ce serveur ne sait pas chercher un texte accentué ; la recherche a porté sur la copie hors connexion.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found on the server.</source>
        <translation>
            <numerusform>%n message trouvé sur le serveur.</numerusform>
            <numerusform>%n messages trouvés sur le serveur.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more will show after the next synchronisation.</source>
        <translation>
            <numerusform>%n autre apparaîtra après la prochaine synchronisation.</numerusform>
            <numerusform>%n autres apparaîtront après la prochaine synchronisation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) deleted.</source>
        <translation>
            <numerusform>%n message supprimé.</numerusform>
            <numerusform>%n messages supprimés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) moved to %1.</source>
        <translation>
            <numerusform>%n message déplacé vers %1.</numerusform>
            <numerusform>%n messages déplacés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Comptes</translation>
    </message>
    <message>
        <source>&amp;Add an account…</source>
        <translation>&amp;Ajouter un compte…</translation>
    </message>
    <message>
        <source>Adds another mailbox, such as the school&apos;s functional mailbox</source>
        <translation>Ajoute une autre boîte, comme la boîte fonctionnelle de l&apos;établissement</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <source>Re&amp;move the account…</source>
        <translation>&amp;Supprimer le compte…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Déplacer vers</translation>
    </message>
    <message>
        <source>&amp;Free up space…</source>
        <translation>&amp;Libérer de l&apos;espace…</translation>
    </message>
    <message>
        <source>Shows what fills the mailbox: the largest messages, old attachments, the Trash</source>
        <translation>Montre ce qui remplit la boîte aux lettres : les plus gros messages, les anciennes pièces jointes, la corbeille</translation>
    </message>
    <message>
        <source>The out-of-office message of %1 is on until %2.</source>
        <translation>Le message d&apos;absence de %1 est actif jusqu&apos;au %2.</translation>
    </message>
    <message>
        <source>The out-of-office message of %1 is on.</source>
        <translation>Le message d&apos;absence de %1 est actif.</translation>
    </message>
    <message>
        <source>This account</source>
        <translation>Ce compte</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>Rechercher dans</translation>
    </message>
    <message>
        <source>Search the selected account only, or every account</source>
        <translation>Rechercher dans le compte sélectionné seulement, ou dans tous les comptes</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation>Volet suivant</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>Volet précédent</translation>
    </message>
    <message>
        <source>No mail account is set up on this computer yet.</source>
        <translation>Aucun compte de messagerie n&apos;est encore configuré sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Search in:</source>
        <translation>Rechercher dans :</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) are not indexed yet: the search will cover them in a moment.</source>
        <translation>
            <numerusform>%n message n&apos;est pas encore indexé : la recherche le couvrira dans un instant.</numerusform>
            <numerusform>%n messages ne sont pas encore indexés : la recherche les couvrira dans un instant.</numerusform>
        </translation>
    </message>
    <message>
        <source>Indexing for search: %1 %</source>
        <translation>Indexation pour la recherche : %1 %</translation>
    </message>
</context>
<context>
    <name>Amiens::ManageSieveClient</name>
    <message>
        <source>The filter server %1 closed the connection: %2</source>
        <translation>Le serveur de filtres %1 a fermé la connexion : %2</translation>
    </message>
    <message>
        <source>The filter server %1 refused the rules: the space for filters is full.</source>
        <translation>Le serveur de filtres %1 a refusé les règles : l&apos;espace réservé aux filtres est plein.</translation>
    </message>
    <message>
        <source>The filter server %1 has no such rule set.</source>
        <translation>Le serveur de filtres %1 n&apos;a pas de jeu de règles de ce nom.</translation>
    </message>
    <message>
        <source>The filter server %1 is busy. Try again later.</source>
        <translation>Le serveur de filtres %1 est occupé. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The filter server %1 refused the operation.</source>
        <translation>Le serveur de filtres %1 a refusé l&apos;opération.</translation>
    </message>
    <message>
        <source>The filter server %1 refused the operation: %2</source>
        <translation>Le serveur de filtres %1 a refusé l&apos;opération : %2</translation>
    </message>
    <message>
        <source>The filter server %1 did not answer in time.</source>
        <translation>Le serveur de filtres %1 n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>Cannot reach the filter server %1. Check the network connection.</source>
        <translation>Impossible de joindre le serveur de filtres %1. Vérifiez la connexion réseau.</translation>
    </message>
    <message>
        <source>The filter server %1 does not offer an encrypted connection (STARTTLS). For your security, the connection was refused.</source>
        <translation>Le serveur de filtres %1 ne propose pas de connexion chiffrée (STARTTLS). Pour votre sécurité, la connexion a été refusée.</translation>
    </message>
    <message>
        <source>The filter server %1 refused to encrypt the connection. For your security, the connection was refused.</source>
        <translation>Le serveur de filtres %1 a refusé de chiffrer la connexion. Pour votre sécurité, la connexion a été refusée.</translation>
    </message>
    <message>
        <source>The secure connection with %1 could not be established.</source>
        <translation>La connexion sécurisée avec %1 n&apos;a pas pu être établie.</translation>
    </message>
    <message>
        <source>The filter server %1 presented a certificate that cannot be trusted.</source>
        <translation>Le serveur de filtres %1 a présenté un certificat qui n&apos;est pas digne de confiance.</translation>
    </message>
    <message>
        <source>The connection with %1 was lost.</source>
        <translation>La connexion avec %1 a été perdue.</translation>
    </message>
    <message>
        <source>The filter server %1 sent a reply that could not be understood.</source>
        <translation>Le serveur de filtres %1 a envoyé une réponse incompréhensible.</translation>
    </message>
    <message>
        <source>The filter server %1 offers no sign-in method supported by AmiensMail.</source>
        <translation>Le serveur de filtres %1 ne propose aucune méthode de connexion prise en charge par AmiensMail.</translation>
    </message>
    <message>
        <source>The filter server %1 refused the identifier or the password.</source>
        <translation>Le serveur de filtres %1 a refusé l&apos;identifiant ou le mot de passe.</translation>
    </message>
    <message>
        <source>An unexpected error occurred while talking to %1.</source>
        <translation>Une erreur inattendue s&apos;est produite en communiquant avec %1.</translation>
    </message>
    <message>
        <source>The filter server %1 could not prove its identity (its SCRAM signature is wrong). The connection was closed and nothing was changed.</source>
        <translation>Le serveur de filtres %1 n&apos;a pas pu prouver son identité (sa signature SCRAM est fausse). La connexion a été fermée et rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The filter server %1 asked for a sign-in with unsafe settings. For your security, AmiensMail refused it.</source>
        <translation>Le serveur de filtres %1 a demandé une connexion aux réglages trop faibles. Pour votre sécurité, AmiensMail l&apos;a refusée.</translation>
    </message>
</context>
<context>
    <name>Amiens::MessageBuilder</name>
    <message>
        <source>The sender address %1 is not valid.</source>
        <translation>L&apos;adresse de l&apos;expéditeur %1 n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>The address %1 is not valid. Addresses with accented letters before the @ cannot be used yet.</source>
        <translation>L&apos;adresse %1 n&apos;est pas valide. Les adresses avec des lettres accentuées avant le @ ne peuvent pas encore être utilisées.</translation>
    </message>
    <message>
        <source>The message has no recipient.</source>
        <translation>Le message n&apos;a aucun destinataire.</translation>
    </message>
    <message>
        <source>The file is not a mail message (no header).</source>
        <translation>Le fichier n&apos;est pas un message électronique (aucun en-tête).</translation>
    </message>
    <message>
        <source>The header %1 contains unencoded accented letters; save the message with encoded headers (RFC 2047) and try again.</source>
        <translation>L&apos;en-tête %1 contient des lettres accentuées non encodées ; enregistrez le message avec des en-têtes encodés (RFC 2047) et réessayez.</translation>
    </message>
</context>
<context>
    <name>Amiens::MessageListModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>non lu</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>suivi</translation>
    </message>
    <message>
        <source>with attachments</source>
        <translation>avec pièces jointes</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Correspondent</source>
        <translation>Correspondant</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>à %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>de %1</translation>
    </message>
</context>
<context>
    <name>Amiens::MessageModelBuilder</name>
    <message>
        <source>This message is too complex to be shown in full: it is shown as far as it could be read safely. It may be malicious.</source>
        <translation>Ce message est trop complexe pour être affiché entièrement : il est affiché aussi loin qu’il a pu être lu sans risque. Il est peut-être malveillant.</translation>
    </message>
    <message>
        <source>This message is encrypted; AmiensMail cannot decrypt it.</source>
        <translation>Ce message est chiffré ; AmiensMail ne peut pas le déchiffrer.</translation>
    </message>
    <message>
        <source>-------- Attached message --------</source>
        <translation>-------- Message joint --------</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De :</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date :</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À :</translation>
    </message>
    <message>
        <source>message</source>
        <translation>message</translation>
    </message>
    <message>
        <source>attachment %1</source>
        <translation>pièce jointe %1</translation>
    </message>
    <message>
        <source>This message is signed in a form (S/MIME) whose content AmiensMail cannot show yet; it is kept as the attachment smime.p7m.</source>
        <translation>Ce message est signé sous une forme (S/MIME) dont AmiensMail ne sait pas encore afficher le contenu ; il est conservé dans la pièce jointe smime.p7m.</translation>
    </message>
</context>
<context>
    <name>Amiens::MessageTransferQueue</name>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>Le dossier %1 n&apos;a pas pu être créé.</translation>
    </message>
    <message>
        <source>The message could not be saved for the other account (is the disk full?): %1</source>
        <translation>Le message n&apos;a pas pu être enregistré pour l&apos;autre compte (le disque est-il plein ?) : %1</translation>
    </message>
    <message>
        <source>The state of a message moved between accounts could not be saved (is the disk full?): %1</source>
        <translation>L&apos;état d&apos;un message déplacé entre comptes n&apos;a pas pu être enregistré (le disque est-il plein ?) : %1</translation>
    </message>
</context>
<context>
    <name>Amiens::MessageView</name>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Select a message to read it.</source>
        <translation>Sélectionnez un message pour le lire.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De :</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À :</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc :</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date :</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Sujet :</translation>
    </message>
    <message>
        <source>This message has not been downloaded for offline reading yet. It will be shown once the connection is back.</source>
        <translation>Ce message n’a pas encore été téléchargé pour la lecture hors connexion. Il s’affichera au retour de la connexion.</translation>
    </message>
    <message>
        <source>The sender asked for a read receipt.</source>
        <translation>L’expéditeur demande un accusé de lecture.</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>Remote content was blocked to protect your privacy. &lt;a href=&quot;amiens:show-remote&quot;&gt;Show remote content&lt;/a&gt; · &lt;a href=&quot;amiens:trust-sender&quot;&gt;Always for this sender&lt;/a&gt;</source>
        <translation>Le contenu distant a été bloqué pour protéger votre vie privée. &lt;a href=&quot;amiens:show-remote&quot;&gt;Afficher le contenu distant&lt;/a&gt; · &lt;a href=&quot;amiens:trust-sender&quot;&gt;Toujours pour cet expéditeur&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Save the attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
    <message>
        <source>Send the receipt</source>
        <translation>Envoyer l&apos;accusé</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>A read receipt was sent, as your settings ask.</source>
        <translation>Un accusé de lecture a été envoyé, comme vos paramètres le demandent.</translation>
    </message>
    <message>
        <source>No private folder could be created to open %1.</source>
        <translation>Aucun dossier privé n’a pu être créé pour ouvrir %1.</translation>
    </message>
    <message>
        <source>Dangerous attachment</source>
        <translation>Pièce jointe dangereuse</translation>
    </message>
    <message>
        <source>The attachment could not be saved as %1: %2</source>
        <translation>La pièce jointe n&apos;a pas pu être enregistrée sous %1 : %2</translation>
    </message>
</context>
<context>
    <name>Amiens::MoveCommand</name>
    <message>
        <source>move needs a folder, a UID and a destination folder.</source>
        <translation>move demande un dossier, un UID et un dossier de destination.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacement</translation>
    </message>
    <message>
        <source>--copy goes with --to-account.</source>
        <translation>--copy s&apos;utilise avec --to-account.</translation>
    </message>
    <message>
        <source>--to-account needs the id of another account of the profile.</source>
        <translation>--to-account attend l&apos;identifiant d&apos;un autre compte du profil.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Copy to %1: saved.</source>
        <translation>Copie vers %1 : enregistrée.</translation>
    </message>
    <message>
        <source>Move to %1: saved.</source>
        <translation>Déplacement vers %1 : enregistré.</translation>
    </message>
    <message>
        <source>%1: it will be sent to the server at the next synchronisation.</source>
        <translation>%1 : la modification sera envoyée au serveur à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Conflit : %1</translation>
    </message>
    <message>
        <source>%1: the server cannot be reached (%2); it will be sent at the next synchronisation.</source>
        <translation>%1 : le serveur est injoignable (%2) ; la modification sera envoyée à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>Amiens::NotificationBanner</name>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Fermer le message</translation>
    </message>
</context>
<context>
    <name>Amiens::NotificationsPage</name>
    <message>
        <source>Show a notification for new messages</source>
        <translation>Afficher une notification pour les nouveaux messages</translation>
    </message>
    <message>
        <source>The notification says how many messages arrived in the inbox, never who sent them or what they say.</source>
        <translation>La notification indique combien de messages sont arrivés dans la boîte de réception, jamais qui les a envoyés ni ce qu&apos;ils disent.</translation>
    </message>
</context>
<context>
    <name>Amiens::OfflineChanges</name>
    <message>
        <source>Unknown folder: %1</source>
        <translation>Dossier inconnu : %1</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>La modification n’a pas pu être enregistrée : %1</translation>
    </message>
    <message>
        <source>Too late to undo: the server has already done the change.</source>
        <translation>Trop tard pour annuler : le serveur a déjà appliqué la modification.</translation>
    </message>
    <message>
        <source>The change could not be undone: %1</source>
        <translation>La modification n&apos;a pas pu être annulée : %1</translation>
    </message>
    <message>
        <source>The message %1 of %2 is no longer there.</source>
        <translation>Le message %1 de %2 n&apos;existe plus.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not downloaded yet: open it once connected, then move it to the other account.</source>
        <translation>« %1 » n&apos;est pas encore téléchargé : ouvrez-le une fois connecté, puis déplacez-le vers l&apos;autre compte.</translation>
    </message>
</context>
<context>
    <name>Amiens::OfflinePolicy</name>
    <message>
        <source>The number of days must be between %1 and %2.</source>
        <translation>Le nombre de jours doit être compris entre %1 et %2.</translation>
    </message>
    <message>
        <source>The check interval must be between %1 and %2 minutes.</source>
        <translation>L&apos;intervalle de relève doit être compris entre %1 et %2 minutes.</translation>
    </message>
</context>
<context>
    <name>Amiens::Outbox</name>
    <message>
        <source>The outbox folder %1 could not be written (is the disk full?).</source>
        <translation>Le dossier de la boîte d&apos;envoi %1 n&apos;a pas pu être écrit (le disque est-il plein ?).</translation>
    </message>
    <message>
        <source>The outbox could not be written (is the disk full?): %1</source>
        <translation>La boîte d&apos;envoi n&apos;a pas pu être écrite (le disque est-il plein ?) : %1</translation>
    </message>
    <message>
        <source>The outbox folder %1 could not be created.</source>
        <translation>Le dossier de la boîte d&apos;envoi %1 n&apos;a pas pu être créé.</translation>
    </message>
    <message>
        <source>The message could not be removed from the outbox.</source>
        <translation>Le message n&apos;a pas pu être retiré de la boîte d&apos;envoi.</translation>
    </message>
</context>
<context>
    <name>Amiens::OutboxCommand</name>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>envoi</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
</context>
<context>
    <name>Amiens::OutboxSender</name>
    <message>
        <source>Sent. Its copy could not be filed in Sent yet; it is kept and filed at the next attempt: %1</source>
        <translation>Envoyé. Sa copie n’a pas encore pu être classée dans Envoyés ; elle est gardée et sera classée à la prochaine tentative : %1</translation>
    </message>
</context>
<context>
    <name>Amiens::PendingOperationReplayer</name>
    <message numerus="yes">
        <source>%n message(s) of %1 were removed on the server before the change made offline could be applied.</source>
        <translation>
            <numerusform>%n message de %1 a été supprimé sur le serveur avant que la modification faite hors connexion puisse être appliquée.</numerusform>
            <numerusform>%n messages de %1 ont été supprimés sur le serveur avant que la modification faite hors connexion puisse être appliquée.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused a change made offline in %1 (%2); it was abandoned.</source>
        <translation>Le serveur a refusé une modification faite hors connexion dans %1 (%2) ; elle a été abandonnée.</translation>
    </message>
    <message>
        <source>A message of %1 could not be moved to the account %2 (%3); it stays in %1.</source>
        <translation>Un message de %1 n&apos;a pas pu être déplacé vers le compte %2 (%3) ; il reste dans %1.</translation>
    </message>
    <message>
        <source>the account no longer exists</source>
        <translation>le compte n&apos;existe plus</translation>
    </message>
</context>
<context>
    <name>Amiens::PhishingAnalyzer</name>
    <message>
        <source>The sender&apos;s domain %1 imitates an academy domain. It is not the academy.</source>
        <translation>Le domaine de l’expéditeur, %1, imite un domaine de l’académie. Ce n’est pas l’académie.</translation>
    </message>
    <message>
        <source>External sender: %1 is not an academy address.</source>
        <translation>Expéditeur externe : %1 n’est pas une adresse de l’académie.</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; suggests the academy or a colleague, but the message comes from %2.</source>
        <translation>Le nom « %1 » évoque l’académie ou un collègue, mais le message vient de %2.</translation>
    </message>
    <message>
        <source>Replies would go to %1, outside the academy, not to the sender.</source>
        <translation>Les réponses iraient à %1, hors de l’académie, et non à l’expéditeur.</translation>
    </message>
    <message>
        <source>A link shows %1 but leads to %2.</source>
        <translation>Un lien affiche %1 mais mène à %2.</translation>
    </message>
    <message>
        <source>A link leads to a bare network address (%1), as phishing links often do.</source>
        <translation>Un lien mène directement à une adresse réseau (%1), comme souvent les liens d’hameçonnage.</translation>
    </message>
    <message>
        <source>A link is shortened (%1): its real destination is hidden.</source>
        <translation>Un lien est raccourci (%1) : sa vraie destination est cachée.</translation>
    </message>
    <message>
        <source>A link leads to %1, which imitates an academy site.</source>
        <translation>Un lien mène à %1, qui imite un site de l’académie.</translation>
    </message>
    <message>
        <source>The message contains a form: never type a password into a message.</source>
        <translation>Le message contient un formulaire : ne saisissez jamais de mot de passe dans un message.</translation>
    </message>
    <message>
        <source>This message asks about your password or identifiers. The academy will never ask for your identifiers by e-mail.</source>
        <translation>Ce message vous demande votre mot de passe ou vos identifiants. L’académie ne vous demandera jamais vos identifiants par messagerie.</translation>
    </message>
    <message>
        <source>%1: a program, a script, a shortcut or a disk image. Opening it could run it on this computer; AmiensMail does not open it.</source>
        <translation>%1 : un programme, un script, un raccourci ou une image disque. L’ouvrir pourrait l’exécuter sur cet ordinateur ; AmiensMail ne l’ouvre pas.</translation>
    </message>
    <message>
        <source>%1 pretends to be a document but is a program.</source>
        <translation>%1 se fait passer pour un document mais c’est un programme.</translation>
    </message>
    <message>
        <source>The name %1 holds invisible or look-alike characters that hide what the file really is.</source>
        <translation>Le nom %1 contient des caractères invisibles ou trompeurs qui cachent la vraie nature du fichier.</translation>
    </message>
    <message>
        <source>The archive %1 holds a program or a script.</source>
        <translation>L’archive %1 contient un programme ou un script.</translation>
    </message>
    <message>
        <source>%1 is a web page with a form, as fake login pages are. Never type your password in a page received by e-mail.</source>
        <translation>%1 est une page web avec un formulaire, comme les fausses pages de connexion. Ne saisissez jamais votre mot de passe dans une page reçue par messagerie.</translation>
    </message>
    <message>
        <source>%1 is a web page that runs a script or sends you to another site when opened.</source>
        <translation>%1 est une page web qui exécute un script ou vous envoie vers un autre site quand on l’ouvre.</translation>
    </message>
    <message>
        <source>%1 contains macros, programs that run once they are enabled. Do not enable them unless you expected this document from its author.</source>
        <translation>%1 contient des macros, des programmes qui s’exécutent dès qu’on les active. Ne les activez pas, sauf si vous attendiez ce document de son auteur.</translation>
    </message>
    <message>
        <source>The archive %1 is locked with a password given in the message itself: a way to get past virus checks.</source>
        <translation>L’archive %1 est protégée par un mot de passe donné dans le message lui-même : une façon d’échapper aux antivirus.</translation>
    </message>
    <message>
        <source>The message asks you to enable content or macros: that is how a booby-trapped document takes control of a computer.</source>
        <translation>Le message vous demande d’activer le contenu ou les macros : c’est ainsi qu’un document piégé prend le contrôle d’un ordinateur.</translation>
    </message>
</context>
<context>
    <name>Amiens::PhishingReport</name>
    <message>
        <source>The security address &quot;%1&quot; set by the site is not an e-mail address.</source>
        <translation>L’adresse de sécurité « %1 » définie par l’établissement n’est pas une adresse électronique.</translation>
    </message>
    <message>
        <source>The message has not been downloaded yet, so it cannot be reported.</source>
        <translation>Le message n’a pas encore été téléchargé : il ne peut pas encore être signalé.</translation>
    </message>
    <message>
        <source>Phishing report: %1</source>
        <translation>Signalement d’hameçonnage : %1</translation>
    </message>
    <message>
        <source>%1 reports the attached message as phishing.

Sender: %2
Subject: %3
Date: %4

The original message is attached unchanged, with all its headers.
</source>
        <translation>%1 signale le message joint comme une tentative d’hameçonnage.

Expéditeur : %2
Objet : %3
Date : %4

Le message d’origine est joint tel quel, avec tous ses en-têtes.
</translation>
    </message>
</context>
<context>
    <name>Amiens::PhishingSettings</name>
    <message>
        <source>&quot;%1&quot; is not a domain name (for example: lycee-partenaire.fr).</source>
        <translation>« %1 » n’est pas un nom de domaine (par exemple : lycee-partenaire.fr).</translation>
    </message>
</context>
<context>
    <name>Amiens::PresetsCommand</name>
    <message>
        <source>Warning: %1</source>
        <translation>Attention : %1</translation>
    </message>
</context>
<context>
    <name>Amiens::Profile</name>
    <message>
        <source>Cannot create the profile folder %1.</source>
        <translation>Impossible de créer le dossier du profil %1.</translation>
    </message>
    <message>
        <source>Cannot write the profile settings %1.</source>
        <translation>Impossible d’enregistrer les réglages du profil %1.</translation>
    </message>
    <message>
        <source>Cannot write the settings file %1.</source>
        <translation>Impossible d&apos;enregistrer le fichier de paramètres %1.</translation>
    </message>
    <message>
        <source>No account %1 in the profile.</source>
        <translation>Aucun compte %1 dans le profil.</translation>
    </message>
</context>
<context>
    <name>Amiens::ProviderPresetReader</name>
    <message>
        <source>Not a provider configuration file (clientConfig expected).</source>
        <translation>Ce n’est pas un fichier de configuration de fournisseur (clientConfig attendu).</translation>
    </message>
    <message>
        <source>Malformed provider file at line %1: %2</source>
        <translation>Fichier de fournisseur mal formé à la ligne %1 : %2</translation>
    </message>
    <message>
        <source>The provider file has no emailProvider with an id.</source>
        <translation>Le fichier de fournisseur ne contient aucun emailProvider avec un identifiant.</translation>
    </message>
    <message>
        <source>The provider file has no usable encrypted IMAP and SMTP server.</source>
        <translation>Le fichier de fournisseur ne contient pas de serveurs IMAP et SMTP chiffrés utilisables.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
</context>
<context>
    <name>Amiens::QuotaCommand</name>
    <message>
        <source>Account %1:</source>
        <translation>Compte %1 :</translation>
    </message>
    <message>
        <source>no quota reported by the server.</source>
        <translation>le serveur n’indique pas de quota.</translation>
    </message>
    <message>
        <source>no password in the keychain</source>
        <translation>pas de mot de passe dans le trousseau</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1): value kept at the last synchronisation, %2.</source>
        <translation>Le serveur est injoignable (%1) : valeur gardée lors de la dernière synchronisation, %2.</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1): value kept from an earlier synchronisation; it may have changed since.</source>
        <translation>Le serveur est injoignable (%1) : valeur gardée d’une synchronisation antérieure ; elle a pu changer depuis.</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1) and no quota was kept.</source>
        <translation>Le serveur est injoignable (%1) et aucun quota n’a été gardé.</translation>
    </message>
    <message>
        <source>The server reports no quota.</source>
        <translation>Le serveur n’indique pas de quota.</translation>
    </message>
</context>
<context>
    <name>Amiens::QuotaStatus</name>
    <message>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 Go</translation>
    </message>
    <message>
        <source>%1 messages out of %2</source>
        <translation>%1 messages sur %2</translation>
    </message>
    <message>
        <source>%1 out of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Your mailbox is %1 % full (%2).</source>
        <translation>Votre boîte aux lettres est pleine à %1 % (%2).</translation>
    </message>
    <message>
        <source>Your mailbox is %1 % full (%2): free some space (Free up space…) before it is full.</source>
        <translation>Votre boîte aux lettres est pleine à %1 % (%2) : libérez de l’espace (« Libérer de l’espace… ») avant qu’elle soit pleine.</translation>
    </message>
    <message>
        <source>Your mailbox is almost full: %1 % (%2). Free some space now (Free up space…): once it is full, new mail and the copies of sent messages are refused.</source>
        <translation>Votre boîte aux lettres est presque pleine : %1 % (%2). Libérez de l’espace maintenant (« Libérer de l’espace… ») : une fois pleine, elle refuse les nouveaux messages et les copies des messages envoyés.</translation>
    </message>
    <message>
        <source>Your mailbox is full (%1): new mail and the copies of sent messages are refused. Free some space (Free up space…); the copies waiting are filed afterwards.</source>
        <translation>Votre boîte aux lettres est pleine (%1) : les nouveaux messages et les copies des messages envoyés sont refusés. Libérez de l’espace (« Libérer de l’espace… ») ; les copies en attente seront classées ensuite.</translation>
    </message>
</context>
<context>
    <name>Amiens::ReadReceiptBuilder</name>
    <message>
        <source>Read receipt: %1</source>
        <translation>Accusé de lecture : %1</translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation>une date inconnue</translation>
    </message>
    <message>
        <source>This is a read receipt for the message &quot;%1&quot; sent on %2 to %3.

The message was displayed on %4. This does not mean that it was read or understood.
</source>
        <translation>Ceci est un accusé de lecture pour le message « %1 » envoyé le %2 à %3.

Le message a été affiché le %4. Cela ne garantit pas qu&apos;il a été lu ou compris.
</translation>
    </message>
</context>
<context>
    <name>Amiens::ReadReceiptHandler</name>
    <message>
        <source>Read receipt: a message that is not on this computer was read by %1 on %2.</source>
        <translation>Accusé de lecture : un message absent de cet ordinateur a été lu par %1 le %2.</translation>
    </message>
    <message>
        <source>Read receipt: &quot;%1&quot; was read by %2 on %3.</source>
        <translation>Accusé de lecture : « %1 » lu par %2 le %3.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 le %2</translation>
    </message>
    <message>
        <source>Read by %1.</source>
        <translation>Lu par %1.</translation>
    </message>
</context>
<context>
    <name>Amiens::ReadReceiptQueue</name>
    <message>
        <source>This message does not say where to send a read receipt.</source>
        <translation>Ce message n&apos;indique pas où envoyer l&apos;accusé de lecture.</translation>
    </message>
</context>
<context>
    <name>Amiens::ReplyBuilder</name>
    <message>
        <source>-------- Forwarded Message --------</source>
        <translation>-------- Message transféré --------</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Du : %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Date : %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Objet : %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>À : %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>Cc : %1</translation>
    </message>
    <message>
        <source>attachment-%1</source>
        <translation>piece-jointe-%1</translation>
    </message>
    <message>
        <source>On %1, %2 wrote:</source>
        <translation>Le %1, %2 a écrit :</translation>
    </message>
</context>
<context>
    <name>Amiens::ReportPhishingCommand</name>
    <message>
        <source>report needs a folder and a UID.</source>
        <translation>report attend un dossier et un UID.</translation>
    </message>
    <message>
        <source>Error: no message %1 in %2 in the local copy.</source>
        <translation>Erreur : aucun message %1 dans %2 dans la copie locale.</translation>
    </message>
    <message>
        <source>Error: this account has no Junk folder; the message stays where it is.</source>
        <translation>Erreur : ce compte n’a pas de dossier Indésirables ; le message reste où il est.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Report to %1 queued in the outbox: %2</source>
        <translation>Signalement à %1 placé dans la boîte d’envoi : %2</translation>
    </message>
    <message>
        <source>Report as phishing</source>
        <translation>Signalement comme hameçonnage</translation>
    </message>
</context>
<context>
    <name>Amiens::SearchCommand</name>
    <message>
        <source>search needs words to look for.</source>
        <translation>search demande des mots à chercher.</translation>
    </message>
</context>
<context>
    <name>Amiens::SendCommand</name>
    <message>
        <source>Usage: send [FILE.eml]</source>
        <translation>Utilisation : send [FICHIER.eml]</translation>
    </message>
    <message>
        <source>Error: cannot read %1.</source>
        <translation>Erreur : impossible de lire %1.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Queued in the outbox: %1</source>
        <translation>Placé dans la boîte d&apos;envoi : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) sent.</source>
        <translation>
            <numerusform>%n message envoyé.</numerusform>
            <numerusform>%n messages envoyés.</numerusform>
        </translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
</context>
<context>
    <name>Amiens::SessionLauncher</name>
    <message>
        <source>You are signed out.</source>
        <translation>Vous êtes déconnecté.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Sending the messages waiting in the outbox before signing out…</source>
        <translation>Envoi des messages en attente dans la boîte d’envoi avant la déconnexion…</translation>
    </message>
    <message>
        <source>You are still signed in: the messages wait in the outbox.</source>
        <translation>Vous êtes toujours connecté : les messages attendent dans la boîte d’envoi.</translation>
    </message>
    <message>
        <source>Rename the account</source>
        <translation>Renommer le compte</translation>
    </message>
    <message>
        <source>Name shown for %1:</source>
        <translation>Nom affiché pour %1 :</translation>
    </message>
</context>
<context>
    <name>Amiens::SettingsDialog</name>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>%1, port %2 (%3), login %4</source>
        <translation>%1, port %2 (%3), identifiant %4</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>Reading the out-of-office settings from the server…</source>
        <translation>Lecture des paramètres d&apos;absence sur le serveur…</translation>
    </message>
    <message>
        <source>Out of office</source>
        <translation>Absence</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>Read receipts</source>
        <translation>Accusés de lecture</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors connexion</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Incoming mail (IMAP):</source>
        <translation>Courrier entrant (IMAP) :</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP):</source>
        <translation>Courrier sortant (SMTP) :</translation>
    </message>
    <message>
        <source>Filters and absence (ManageSieve):</source>
        <translation>Filtres et absence (ManageSieve) :</translation>
    </message>
    <message>
        <source>The servers are changed from the first-run assistant&apos;s advanced settings.</source>
        <translation>Les serveurs se modifient dans les paramètres avancés de l&apos;assistant de configuration.</translation>
    </message>
    <message>
        <source>When a sender asks for a read receipt:</source>
        <translation>Quand un expéditeur demande un accusé de lecture :</translation>
    </message>
    <message>
        <source>Ask me each time</source>
        <translation>Me demander à chaque fois</translation>
    </message>
    <message>
        <source>Always send one</source>
        <translation>Toujours en envoyer un</translation>
    </message>
    <message>
        <source>Never send one</source>
        <translation>Ne jamais en envoyer</translation>
    </message>
    <message>
        <source>Always ask for a read receipt for my messages</source>
        <translation>Toujours demander un accusé de lecture pour mes messages</translation>
    </message>
    <message>
        <source>Keep for reading without a network:</source>
        <translation>Conserver pour la lecture hors connexion :</translation>
    </message>
    <message>
        <source>Every message in full</source>
        <translation>Tous les messages en entier</translation>
    </message>
    <message>
        <source>The messages of the last</source>
        <translation>Les messages des derniers</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> jour(s)</translation>
    </message>
    <message>
        <source>Headers only (a message is downloaded when opened)</source>
        <translation>Les en-têtes seulement (un message est téléchargé à l&apos;ouverture)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Check for new mail every:</source>
        <translation>Relever le courrier toutes les :</translation>
    </message>
    <message>
        <source>&amp;Empty the cache…</source>
        <translation>&amp;Vider le cache…</translation>
    </message>
    <message>
        <source>Offline cache: %1</source>
        <translation>Cache hors connexion : %1</translation>
    </message>
    <message>
        <source>Empty the cache</source>
        <translation>Vider le cache</translation>
    </message>
    <message>
        <source>Remove every message kept on this computer for %1? The mail stays on the server and is downloaded again at the next synchronisation.</source>
        <translation>Supprimer tous les messages conservés sur cet ordinateur pour %1 ? Le courrier reste sur le serveur et sera de nouveau téléchargé à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Saving the out-of-office settings on the server…</source>
        <translation>Enregistrement des paramètres d&apos;absence sur le serveur…</translation>
    </message>
    <message>
        <source>Ending the out-of-office message…</source>
        <translation>Arrêt du message d&apos;absence…</translation>
    </message>
    <message>
        <source>Your password is needed to read the out-of-office settings on the server.</source>
        <translation>Votre mot de passe est nécessaire pour lire les paramètres d&apos;absence sur le serveur.</translation>
    </message>
    <message>
        <source>Type my password…</source>
        <translation>Saisir mon mot de passe…</translation>
    </message>
    <message>
        <source>Type my password again…</source>
        <translation>Saisir à nouveau mon mot de passe…</translation>
    </message>
    <message>
        <source>The settings are saved on the server.</source>
        <translation>Les paramètres sont enregistrés sur le serveur.</translation>
    </message>
    <message>
        <source>The mail server does not support automatic replies. Set your out-of-office message in the webmail: %1</source>
        <translation>Le serveur de messagerie ne gère pas les réponses automatiques. Réglez votre message d&apos;absence dans la messagerie web : %1</translation>
    </message>
    <message>
        <source>Another out-of-office message is set up on the server (for example from the webmail). Turn it off there before turning this one on.</source>
        <translation>Un autre message d&apos;absence est réglé sur le serveur (par exemple depuis la messagerie web). Désactivez-le là-bas avant d&apos;activer celui-ci.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Mot de passe pour %1 :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>The mail server %1 does not offer remote filter management (ManageSieve): AmiensMail answers for you instead.</source>
        <translation>Le serveur de messagerie %1 ne permet pas de gérer les filtres à distance (ManageSieve) : AmiensMail répond à votre place.</translation>
    </message>
    <message>
        <source>The automatic reply is sent only while this computer is on and AmiensMail is open.</source>
        <translation>La réponse automatique n&apos;est envoyée que lorsque cet ordinateur est allumé et AmiensMail ouvert.</translation>
    </message>
    <message>
        <source>To answer even when this computer is off, set it in the webmail: %1</source>
        <translation>Pour répondre même quand cet ordinateur est éteint, réglez-la dans le webmail : %1</translation>
    </message>
    <message>
        <source>The out-of-office settings on the server cannot be reached for now. Try again later.</source>
        <translation>Les paramètres d&apos;absence sur le serveur sont inaccessibles pour le moment. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>Settings — %1</source>
        <translation>Paramètres — %1</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <source>Number of days of messages kept in full</source>
        <translation>Nombre de jours de messages conservés en entier</translation>
    </message>
</context>
<context>
    <name>Amiens::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Everything can be done from the keyboard. Tab moves between the fields of a window, F6 between the folders, the messages and the message read.</source>
        <translation>Tout peut se faire au clavier. Tab passe d&apos;un champ à l&apos;autre dans une fenêtre, F6 passe des dossiers à la liste des messages puis au message lu.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
</context>
<context>
    <name>Amiens::ShowCommand</name>
    <message>
        <source>show needs a folder and a UID, e.g. show INBOX 42.</source>
        <translation>show demande un dossier et un UID, par exemple show INBOX 42.</translation>
    </message>
    <message>
        <source>Error: no message %1 in %2 in the local copy.</source>
        <translation>Erreur : aucun message %1 dans %2 dans la copie locale.</translation>
    </message>
    <message>
        <source>The message was not downloaded yet; fetching it from the server.</source>
        <translation>Le message n’a pas encore été téléchargé ; récupération sur le serveur.</translation>
    </message>
    <message>
        <source>Error: the server no longer has this message.</source>
        <translation>Erreur : le serveur n’a plus ce message.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque : %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Attention : %1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>De : %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>À : %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Date : %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Sujet : %1</translation>
    </message>
    <message>
        <source>Attachment: %1 (%2, %3)</source>
        <translation>Pièce jointe : %1 (%2, %3)</translation>
    </message>
</context>
<context>
    <name>Amiens::SieveRulesStore</name>
    <message>
        <source>The mail server does not support automatic replies (Sieve vacation).</source>
        <translation>Le serveur de messagerie ne prend pas en charge les réponses automatiques (Sieve vacation).</translation>
    </message>
    <message>
        <source>The mail server does not support the Sieve extension &quot;%1&quot; that these settings need.</source>
        <translation>Le serveur de messagerie ne prend pas en charge l&apos;extension Sieve « %1 » nécessaire à ces réglages.</translation>
    </message>
    <message>
        <source>The out-of-office rules on the server were edited by hand and cannot be updated safely.</source>
        <translation>Les règles d&apos;absence sur le serveur ont été modifiées à la main et ne peuvent pas être mises à jour sans risque.</translation>
    </message>
    <message>
        <source>Another out-of-office message is already set up on the server (for example from the webmail). Turn it off there first.</source>
        <translation>Un autre message d&apos;absence est déjà programmé sur le serveur (par exemple depuis le webmail). Désactivez-le d&apos;abord à cet endroit.</translation>
    </message>
    <message>
        <source>The filter rules on the server cannot be read, so they were left unchanged.</source>
        <translation>Les règles de filtrage du serveur sont illisibles : elles n&apos;ont pas été modifiées.</translation>
    </message>
</context>
<context>
    <name>Amiens::SignatureCommand</name>
    <message>
        <source>Unknown command: %1</source>
        <translation>Commande inconnue : %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>réponse</translation>
    </message>
    <message>
        <source>signature set needs --name and --file.</source>
        <translation>signature set demande --name et --file.</translation>
    </message>
    <message>
        <source>--default takes new, reply or both.</source>
        <translation>--default prend new, reply ou both.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <source>Signature &quot;%1&quot; saved.</source>
        <translation>Signature « %1 » enregistrée.</translation>
    </message>
</context>
<context>
    <name>Amiens::SignatureStore</name>
    <message>
        <source>Cannot read the signatures file %1.</source>
        <translation>Impossible de lire le fichier des signatures %1.</translation>
    </message>
    <message>
        <source>The signatures file %1 is damaged: %2</source>
        <translation>Le fichier des signatures %1 est endommagé : %2</translation>
    </message>
    <message>
        <source>Cannot write the signatures file %1.</source>
        <translation>Impossible d&apos;enregistrer le fichier des signatures %1.</translation>
    </message>
    <message>
        <source>Académie d&apos;Amiens</source>
        <translation>Académie d&apos;Amiens</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Tél. : %1</translation>
    </message>
    <message>
        <source>Academic signature</source>
        <translation>Signature académique</translation>
    </message>
    <message>
        <source>Every signature needs a name.</source>
        <translation>Chaque signature doit avoir un nom.</translation>
    </message>
    <message>
        <source>Two signatures are named &quot;%1&quot;.</source>
        <translation>Deux signatures portent le nom « %1 ».</translation>
    </message>
    <message>
        <source>The signature &quot;%1&quot; is empty.</source>
        <translation>La signature « %1 » est vide.</translation>
    </message>
    <message>
        <source>The signature chosen for new messages no longer exists.</source>
        <translation>La signature choisie pour les nouveaux messages n&apos;existe plus.</translation>
    </message>
    <message>
        <source>The signature chosen for replies no longer exists.</source>
        <translation>La signature choisie pour les réponses n&apos;existe plus.</translation>
    </message>
</context>
<context>
    <name>Amiens::SignaturesPage</name>
    <message>
        <source>Signatures for %1</source>
        <translation>Signatures pour %1</translation>
    </message>
    <message>
        <source>Academic &amp;template</source>
        <translation>&amp;Modèle académique</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouvelle</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texte brut</translation>
    </message>
    <message>
        <source>Simple HTML</source>
        <translation>HTML simple</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte :</translation>
    </message>
    <message>
        <source>For the academic template</source>
        <translation>Pour le modèle académique</translation>
    </message>
    <message>
        <source>Function:</source>
        <translation>Fonction :</translation>
    </message>
    <message>
        <source>School or department:</source>
        <translation>Établissement ou service :</translation>
    </message>
    <message>
        <source>Postal address:</source>
        <translation>Adresse postale :</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <source>For new messages:</source>
        <translation>Pour les nouveaux messages :</translation>
    </message>
    <message>
        <source>For replies and forwards:</source>
        <translation>Pour les réponses et transferts :</translation>
    </message>
    <message>
        <source>Below the quoted text</source>
        <translation>Sous le texte cité</translation>
    </message>
    <message>
        <source>Above the quoted text</source>
        <translation>Au-dessus du texte cité</translation>
    </message>
    <message>
        <source>In replies, place it:</source>
        <translation>Dans les réponses, la placer :</translation>
    </message>
    <message>
        <source>Signature %1</source>
        <translation>Signature %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
</context>
<context>
    <name>Amiens::SmtpSender</name>
    <message>
        <source>The server %1 does not know the recipient %2.</source>
        <translation>Le serveur %1 ne connaît pas le destinataire %2.</translation>
    </message>
    <message>
        <source>The mailbox of %1 is full.</source>
        <translation>La boîte aux lettres de %1 est pleine.</translation>
    </message>
    <message>
        <source>The message is too big for the server %1. Remove or reduce attachments.</source>
        <translation>Le message est trop volumineux pour le serveur %1. Retirez ou réduisez les pièces jointes.</translation>
    </message>
    <message>
        <source>The server %1 refused the message (sender not allowed or message rejected).</source>
        <translation>Le serveur %1 a refusé le message (expéditeur non autorisé ou message rejeté).</translation>
    </message>
    <message>
        <source>The server %1 cannot take the message right now; it will be sent again later.</source>
        <translation>Le serveur %1 ne peut pas prendre le message pour l&apos;instant ; il sera renvoyé plus tard.</translation>
    </message>
    <message>
        <source>The server %1 refused the message.</source>
        <translation>Le serveur %1 a refusé le message.</translation>
    </message>
    <message>
        <source>The server %1 has no room for the message right now; it will be sent again later.</source>
        <translation>Le serveur %1 n&apos;a pas la place de prendre le message pour l&apos;instant ; il sera renvoyé plus tard.</translation>
    </message>
</context>
<context>
    <name>Amiens::SyncCommand</name>
    <message>
        <source>--bodies takes all, recent or none.</source>
        <translation>--bodies accepte all, recent ou none.</translation>
    </message>
    <message>
        <source>%1: %2/%3</source>
        <translation>%1 : %2/%3</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Conflit : %1</translation>
    </message>
    <message>
        <source>%1 folders: %2 new, %3 flag changes, %4 removed, %5 bodies downloaded.</source>
        <translation>%1 dossiers : %2 nouveaux, %3 changements d’indicateurs, %4 supprimés, %5 messages téléchargés.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Attention : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n automatic reply(ies) queued.</source>
        <translation>
            <numerusform>%n réponse automatique placée dans la boîte d&apos;envoi.</numerusform>
            <numerusform>%n réponses automatiques placées dans la boîte d&apos;envoi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Account %1:</source>
        <translation>Compte %1 :</translation>
    </message>
    <message>
        <source>The search index could not be completed; the next synchronisation will complete it.</source>
        <translation>L&apos;index de recherche n&apos;a pas pu être terminé ; la prochaine synchronisation le complétera.</translation>
    </message>
    <message>
        <source>Search index: %1 messages indexed in %2 s.</source>
        <translation>Index de recherche : %1 messages indexés en %2 s.</translation>
    </message>
</context>
<context>
    <name>Amiens::TlsFailure</name>
    <message>
        <source>The identity of %1 (port %2) could not be verified: %3.</source>
        <translation>L’identité de %1 (port %2) n’a pas pu être vérifiée : %3.</translation>
    </message>
    <message>
        <source>the secure connection failed</source>
        <translation>la connexion sécurisée a échoué</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Sujet : %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>Émetteur : %1</translation>
    </message>
    <message>
        <source>Valid from %1 to %2</source>
        <translation>Valable du %1 au %2</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>Empreinte SHA-256 : %1</translation>
    </message>
    <message>
        <source>the certificate is not issued by a trusted authority</source>
        <translation>le certificat n’est pas délivré par une autorité de confiance</translation>
    </message>
    <message>
        <source>the certificate&apos;s signature is invalid (possibly forged)</source>
        <translation>la signature du certificat n’est pas valable (il est peut-être falsifié)</translation>
    </message>
    <message>
        <source>the certificate has expired</source>
        <translation>le certificat a expiré</translation>
    </message>
    <message>
        <source>the certificate is not valid yet</source>
        <translation>le certificat n’est pas encore valable</translation>
    </message>
    <message>
        <source>the certificate was issued for another server name</source>
        <translation>le certificat a été délivré pour un autre nom de serveur</translation>
    </message>
    <message>
        <source>the certificate has been revoked</source>
        <translation>le certificat a été révoqué</translation>
    </message>
    <message>
        <source>the certificate chain is not valid for a server</source>
        <translation>la chaîne de certificats n’est pas valable pour un serveur</translation>
    </message>
</context>
<context>
    <name>Amiens::TlsTrust</name>
    <message>
        <source>Cannot read the certificate authority file %1: %2</source>
        <translation>Impossible de lire le fichier d’autorités de certification %1 : %2</translation>
    </message>
    <message>
        <source>The file %1 holds no PEM certificate.</source>
        <translation>Le fichier %1 ne contient aucun certificat PEM.</translation>
    </message>
</context>
<context>
    <name>Amiens::TransferReplayer</name>
    <message>
        <source>the message&apos;s file is missing</source>
        <translation>le fichier du message a disparu</translation>
    </message>
    <message>
        <source>The mailbox is full: &quot;%1&quot; will be added to %2 once space has been freed.</source>
        <translation>La boîte aux lettres est pleine : « %1 » sera ajouté à %2 dès que de l&apos;espace aura été libéré.</translation>
    </message>
    <message>
        <source>The server refused &quot;%1&quot; in %2 (%3).</source>
        <translation>Le serveur a refusé « %1 » dans %2 (%3).</translation>
    </message>
</context>
<context>
    <name>Amiens::TrayIcon</name>
    <message>
        <source>Show AmiensMail</source>
        <translation>Afficher AmiensMail</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>AmiensMail: no unread message</source>
        <translation>AmiensMail : aucun message non lu</translation>
    </message>
    <message numerus="yes">
        <source>AmiensMail: %n unread message(s)</source>
        <translation>
            <numerusform>AmiensMail : %n message non lu</numerusform>
            <numerusform>AmiensMail : %n messages non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Amiens::UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Amiens::UnifiedListModel</name>
    <message>
        <source>%1, folder %2</source>
        <translation>%1, dossier %2</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
</context>
<context>
    <name>Amiens::UnifiedListView</name>
    <message>
        <source>Messages of all accounts</source>
        <translation>Messages de tous les comptes</translation>
    </message>
</context>
<context>
    <name>Amiens::UnsentMailPrompt</name>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Messages not sent</source>
        <translation>Messages non envoyés</translation>
    </message>
    <message>
        <source>Sending later from another computer is not possible: delete these messages, or cancel signing out?</source>
        <translation>Envoyer plus tard sur un autre poste n’est pas possible : supprimer ces messages ou annuler la déconnexion ?</translation>
    </message>
    <message>
        <source>Delete and sign out</source>
        <translation>Supprimer et se déconnecter</translation>
    </message>
    <message>
        <source>Cancel signing out</source>
        <translation>Annuler la déconnexion</translation>
    </message>
</context>
<context>
    <name>Amiens::VacationCommand</name>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Commande inconnue : %1</translation>
    </message>
    <message>
        <source>Out-of-office: %1</source>
        <translation>Absence : %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activée</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>De : %1</translation>
    </message>
    <message>
        <source>Until: %1</source>
        <translation>Au : %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Sujet : %1</translation>
    </message>
    <message numerus="yes">
        <source>Once every %n day(s) per sender</source>
        <translation>
            <numerusform>Une fois par expéditeur tous les %n jour</numerusform>
            <numerusform>Une fois par expéditeur tous les %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Addresses: %1</source>
        <translation>Adresses : %1</translation>
    </message>
    <message>
        <source>Academy senders only: %1</source>
        <translation>Expéditeurs de l&apos;académie seulement : %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Warning: another out-of-office rule (from the webmail?) is also on the server.</source>
        <translation>Attention : une autre règle d&apos;absence (de la messagerie web ?) est aussi sur le serveur.</translation>
    </message>
    <message>
        <source>vacation set needs --from, --until, --subject and --message-file.</source>
        <translation>vacation set demande --from, --until, --subject et --message-file.</translation>
    </message>
    <message>
        <source>--from and --until take ISO 8601 dates such as 2026-07-06T08:00.</source>
        <translation>--from et --until prennent des dates ISO 8601 comme 2026-07-06T08:00.</translation>
    </message>
    <message>
        <source>The end of the absence must come after its start.</source>
        <translation>La fin de l&apos;absence doit être postérieure à son début.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>Le message est vide.</translation>
    </message>
    <message>
        <source>--days takes a number of days between 1 and 365.</source>
        <translation>--days prend un nombre de jours entre 1 et 365.</translation>
    </message>
    <message>
        <source>Out-of-office message on from %1 until %2.</source>
        <translation>Message d&apos;absence activé du %1 au %2.</translation>
    </message>
    <message>
        <source>Out-of-office message off.</source>
        <translation>Message d&apos;absence désactivé.</translation>
    </message>
</context>
<context>
    <name>Amiens::VmimeErrorTranslator</name>
    <message>
        <source>The operation was cancelled.</source>
        <translation>L’opération a été annulée.</translation>
    </message>
    <message>
        <source>The server %1 refused the identifier or the password.</source>
        <translation>Le serveur %1 a refusé l&apos;identifiant ou le mot de passe.</translation>
    </message>
    <message>
        <source>The server %1 presented a certificate that cannot be trusted.</source>
        <translation>Le serveur %1 a présenté un certificat qui n’est pas digne de confiance.</translation>
    </message>
    <message>
        <source>The secure connection with %1 could not be established.</source>
        <translation>La connexion sécurisée avec %1 n’a pas pu être établie.</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation>Le serveur %1 n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The connection with %1 was lost.</source>
        <translation>La connexion avec %1 a été perdue.</translation>
    </message>
    <message>
        <source>The server %1 refused the connection. It may be in maintenance.</source>
        <translation>Le serveur %1 a refusé la connexion. Il est peut-être en maintenance.</translation>
    </message>
    <message>
        <source>The server %1 refused the operation.</source>
        <translation>Le serveur %1 a refusé l’opération.</translation>
    </message>
    <message>
        <source>The server %1 sent a reply that could not be understood.</source>
        <translation>Le serveur %1 a envoyé une réponse incompréhensible.</translation>
    </message>
    <message>
        <source>An unexpected error occurred while talking to %1.</source>
        <translation>Une erreur inattendue s’est produite pendant l’échange avec %1.</translation>
    </message>
    <message>
        <source>The server %1 presented a certificate that cannot be trusted. The connection was stopped before any password was sent.</source>
        <translation>Le serveur %1 a présenté un certificat qui n’est pas digne de confiance. La connexion a été interrompue avant l’envoi de tout mot de passe.</translation>
    </message>
    <message>
        <source>The server %1 does not offer an encrypted connection (STARTTLS). AmiensMail never sends your password in clear text.</source>
        <translation>Le serveur %1 ne propose pas de connexion chiffrée (STARTTLS). AmiensMail n’envoie jamais votre mot de passe en clair.</translation>
    </message>
    <message>
        <source>The server %1 answered in an unexpected way. It may be in maintenance.</source>
        <translation>Le serveur %1 a répondu de façon inattendue. Il est peut-être en maintenance.</translation>
    </message>
    <message>
        <source>Cannot reach the server %1. Check the network connection.</source>
        <translation>Impossible de joindre le serveur %1. Vérifiez la connexion au réseau.</translation>
    </message>
    <message>
        <source>The offline copy of the mail could not be written (is the disk full?). Nothing was lost on the server; the next synchronisation will resume.</source>
        <translation>La copie hors connexion du courrier n’a pas pu être écrite (le disque est-il plein ?). Rien n’a été perdu sur le serveur ; la prochaine synchronisation reprendra.</translation>
    </message>
    <message>
        <source>a block of %1, the limit is %2</source>
        <translation>un bloc de %1, la limite est de %2</translation>
    </message>
    <message>
        <source>a line longer than %1</source>
        <translation>une ligne de plus de %1</translation>
    </message>
    <message>
        <source>The server %1 sent an oversized reply (%2); the connection was closed.</source>
        <translation>Le serveur %1 a envoyé une réponse démesurée (%2) ; la connexion a été fermée.</translation>
    </message>
    <message>
        <source>The server %1 refused the operation: « %2 ».</source>
        <translation>Le serveur %1 a refusé l’opération : « %2 ».</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Mail client of the Académie d&apos;Amiens</source>
        <translation>Client de messagerie de l’académie d’Amiens</translation>
    </message>
    <message>
        <source>Use the profile in DIR.</source>
        <translation>Utiliser le profil du dossier DIR.</translation>
    </message>
    <message>
        <source>A mailto: link to write to.</source>
        <translation>Un lien mailto: auquel écrire.</translation>
    </message>
    <message>
        <source>AmiensMail is already running for this profile but does not answer. Close it, or end its process, and try again.
</source>
        <translation>AmiensMail est déjà ouvert pour ce profil mais ne répond pas. Fermez-le, ou arrêtez son processus, puis réessayez.
</translation>
    </message>
</context>
</TS>
