<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Amiens::AccountWorker</name>
    <message>
        <source>The password of %1 is needed to connect.</source>
        <translation>Le mot de passe de %1 est nécessaire pour se connecter.</translation>
    </message>
</context>
<context>
    <name>Amiens::CliApplication</name>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Détails : %1</translation>
    </message>
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
        <source>Account %1 added (IMAP %2:%3, SMTP %4:%5, login %6).</source>
        <translation>Compte %1 ajouté (IMAP %2:%3, SMTP %4:%5, identifiant %6).</translation>
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
        <source>Invalid port: %1</source>
        <translation>Port non valable : %1</translation>
    </message>
    <message>
        <source>Invalid security mode %1: use ssl or starttls.</source>
        <translation>Mode de sécurité %1 non valable : utilisez ssl ou starttls.</translation>
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
        <source>Subject</source>
        <translation>Sujet</translation>
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
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Select a message to read it.</source>
        <translation>Sélectionnez un message pour le lire.</translation>
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
        <source>About AmiensMail</source>
        <translation>À propos d’AmiensMail</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;AmiensMail&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;The mail client of the staff of the Académie d&apos;Amiens.&lt;/p&gt;&lt;p&gt;Free software under the GNU GPL version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;AmiensMail&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Le client de messagerie des personnels de l’académie d’Amiens.&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence GNU GPL version 3 ou ultérieure.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — AmiensMail</source>
        <translation>%1 — AmiensMail</translation>
    </message>
    <message>
        <source>No mail account is configured in %1 yet.</source>
        <translation>Aucun compte de messagerie n’est encore configuré dans %1.</translation>
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
    <name>Amiens::Profile</name>
    <message>
        <source>Cannot create the profile folder %1.</source>
        <translation>Impossible de créer le dossier du profil %1.</translation>
    </message>
    <message>
        <source>Cannot write the profile settings %1.</source>
        <translation>Impossible d’enregistrer les réglages du profil %1.</translation>
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
    <name>Amiens::SessionLauncher</name>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>%1
Password for %2:</source>
        <translation>%1
Mot de passe de %2 :</translation>
    </message>
    <message>
        <source>Without a password, only the mail already on this computer can be read.</source>
        <translation>Sans mot de passe, seuls les messages déjà présents sur cet ordinateur peuvent être lus.</translation>
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
</context>
</TS>
