<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AlarmDesk</name>
    <message>
        <source>Export alarm events</source>
        <translation>Exporter les événements d&apos;alarme</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not export the alarm events to {0}: {1}</source>
        <translation>Impossible d&apos;exporter les événements d&apos;alarme vers {0}&#xa0;: {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm event(s) written to {0}</source>
        <translation>
            <numerusform>%n événement d&apos;alarme écrit dans {0}</numerusform>
            <numerusform>%n événements d&apos;alarme écrits dans {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlarmEventsModel</name>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Sensor</source>
        <translation>Capteur</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Déclenchée</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Levée</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquittée</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
</context>
<context>
    <name>AlarmNotifier</name>
    <message>
        <source>Thermolab server</source>
        <translation>Serveur Thermolab</translation>
    </message>
    <message>
        <source>{0}: {1} ({2})</source>
        <translation>{0}&#xa0;: {1} ({2})</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) raised</source>
        <translation>
            <numerusform>%n alarme déclenchée</numerusform>
            <numerusform>%n alarmes déclenchées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlarmRulesDialog</name>
    <message>
        <source>Alarm rules for all sensors</source>
        <translation>Règles d&apos;alarme pour tous les capteurs</translation>
    </message>
    <message>
        <source>These rules watch every sensor that has no rule of the same kind of its own.</source>
        <translation>Ces règles surveillent chaque capteur qui n&apos;a pas de règle du même type à lui.</translation>
    </message>
    <message>
        <source>Alarm rules for {0}</source>
        <translation>Règles d&apos;alarme de {0}</translation>
    </message>
    <message>
        <source>Rules of this sensor&apos;s own. Where it has none, the rules for all sensors apply: {0}.</source>
        <translation>Les règles propres à ce capteur. Là où il n&apos;en a pas, celles de tous les capteurs s&apos;appliquent&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Hysteresis</source>
        <translation>Hystérésis</translation>
    </message>
    <message>
        <source>For at least</source>
        <translation>Pendant au moins</translation>
    </message>
    <message>
        <source>Too &amp;high, above</source>
        <translation>Trop &amp;haut, au-dessus de</translation>
    </message>
    <message>
        <source> °C</source>
        <translation> °C</translation>
    </message>
    <message>
        <source>Too &amp;low, below</source>
        <translation>Trop &amp;bas, en dessous de</translation>
    </message>
    <message>
        <source>&amp;Silent for more than</source>
        <translation>&amp;Muet depuis plus de</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long the condition must hold before the alarm is raised: one spike raises nothing</source>
        <translation>Combien de temps la condition doit durer avant que l&apos;alarme se déclenche&#xa0;: un pic isolé ne déclenche rien</translation>
    </message>
    <message>
        <source>The alarm clears once the value is back inside the threshold by this much</source>
        <translation>L&apos;alarme est levée une fois la valeur revenue de part et d&apos;autre du seuil d&apos;au moins cet écart</translation>
    </message>
</context>
<context>
    <name>AlarmView</name>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <source>Show or hide the Alarms panel</source>
        <translation>Afficher ou masquer le panneau Alarmes</translation>
    </message>
    <message>
        <source>Alarms raised and not cleared yet: the Alarms panel lists them</source>
        <translation>Alarmes déclenchées et pas encore levées&#xa0;: le panneau Alarmes les liste</translation>
    </message>
    <message>
        <source>Alarm rules for &amp;all sensors…</source>
        <translation>Règles d&apos;alarme pour &amp;tous les capteurs…</translation>
    </message>
    <message>
        <source>Thresholds and silence that watch every sensor without rules of its own</source>
        <translation>Seuils et silence qui surveillent chaque capteur sans règles à lui</translation>
    </message>
    <message>
        <source>A&amp;cknowledge selected alarms</source>
        <translation>A&amp;cquitter les alarmes sélectionnées</translation>
    </message>
    <message>
        <source>Mark the alarms selected in the Alarms panel as seen</source>
        <translation>Marquer comme vues les alarmes sélectionnées dans le panneau Alarmes</translation>
    </message>
    <message>
        <source>&amp;Export alarm events…</source>
        <translation>&amp;Exporter les événements d&apos;alarme…</translation>
    </message>
    <message>
        <source>Write every alarm event, past and present, to a CSV file</source>
        <translation>Écrire tous les événements d&apos;alarme, passés et présents, dans un fichier CSV</translation>
    </message>
    <message>
        <source>&amp;Notify when the window is in the background</source>
        <translation>&amp;Notifier quand la fenêtre est en arrière-plan</translation>
    </message>
    <message>
        <source>A desktop notification for each alarm raised while another window is in front</source>
        <translation>Une notification du bureau pour chaque alarme déclenchée pendant qu&apos;une autre fenêtre est devant</translation>
    </message>
    <message>
        <source>This desktop has no system tray to show notifications in</source>
        <translation>Ce bureau n&apos;a pas de zone de notification où les afficher</translation>
    </message>
    <message>
        <source>&amp;Alarms</source>
        <translation>Ala&amp;rmes</translation>
    </message>
    <message numerus="yes">
        <source>%n active alarm(s)</source>
        <translation>
            <numerusform>%n alarme active</numerusform>
            <numerusform>%n alarmes actives</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlarmsPanel</name>
    <message>
        <source>Acknowledge</source>
        <translation>Acquitter</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Write every alarm event, past and present, to a CSV file</source>
        <translation>Écrire tous les événements d&apos;alarme, passés et présents, dans un fichier CSV</translation>
    </message>
    <message>
        <source>Mark the selected alarms as seen, in the name of {0}</source>
        <translation>Marquer les alarmes sélectionnées comme vues, au nom de {0}</translation>
    </message>
    <message>
        <source>No alarm so far. Right-click a sensor in the Sensors panel to give it alarm rules.</source>
        <translation>Aucune alarme pour l&apos;instant. Cliquez droit sur un capteur du panneau Capteurs pour lui donner des règles d&apos;alarme.</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) active now.</source>
        <translation>
            <numerusform>%n alarme active en ce moment.</numerusform>
            <numerusform>%n alarmes actives en ce moment.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrokerLinkText</name>
    <message numerus="yes">
        <source>MQTT: connected, %Ln message(s)/s</source>
        <translation>
            <numerusform>MQTT&#xa0;: connecté, %Ln message/s</numerusform>
            <numerusform>MQTT&#xa0;: connecté, %Ln messages/s</numerusform>
        </translation>
    </message>
    <message>
        <source>MQTT: reconnecting</source>
        <translation>MQTT&#xa0;: reconnexion en cours</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>reconnecting: {0}</source>
        <translation>reconnexion en cours&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Broker {0}: {1}</source>
        <translation>Broker {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>Topics: {0}</source>
        <translation>Topics&#xa0;: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) per second</source>
        <translation>
            <numerusform>%Ln message par seconde</numerusform>
            <numerusform>%Ln messages par seconde</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClockBox</name>
    <message>
        <source>Clock server</source>
        <translation>Serveur d&apos;horloge</translation>
    </message>
    <message>
        <source>The clock answers and closes at once: its clients leave too fast to be selected and watched</source>
        <translation>L&apos;horloge répond et ferme aussitôt&#xa0;: ses clients partent trop vite pour être choisis et observés</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>Clients&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln served</source>
        <translation>
            <numerusform>%Ln servi</numerusform>
            <numerusform>%Ln servis</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClockPanel</name>
    <message>
        <source>The clock server&apos;s address</source>
        <translation>L&apos;adresse du serveur d&apos;horloge</translation>
    </message>
    <message>
        <source>The clock server&apos;s port (51793 in the exercise)</source>
        <translation>Le port du serveur d&apos;horloge (51793 dans l&apos;exercice)</translation>
    </message>
    <message>
        <source>Get time</source>
        <translation>Demander l&apos;heure</translation>
    </message>
    <message>
        <source>Ask the clock server the time now</source>
        <translation>Demander l&apos;heure au serveur d&apos;horloge maintenant</translation>
    </message>
    <message>
        <source>Ask every</source>
        <translation>Redemander toutes les</translation>
    </message>
    <message>
        <source>Ask again and again, to watch the time and the round trip</source>
        <translation>Redemander sans cesse, pour suivre l&apos;heure et le temps d&apos;aller-retour</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>round trip {0} ms</source>
        <translation>aller-retour {0} ms</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare servers</source>
        <translation>Comparer des serveurs</translation>
    </message>
    <message>
        <source>Echo clients started against each server, at most {0}</source>
        <translation>Clients d&apos;écho lancés contre chaque serveur, {0} au plus</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Start both echo servers and the clients; each client sends five lines and leaves</source>
        <translation>Démarrer les deux serveurs d&apos;écho et les clients&#xa0;; chaque client envoie cinq lignes puis s&apos;en va</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the clients and both echo servers</source>
        <translation>Arrêter les clients et les deux serveurs d&apos;écho</translation>
    </message>
    <message>
        <source>Mono-task (EchoServer)</source>
        <translation>Mono-tâche (EchoServer)</translation>
    </message>
    <message>
        <source>Multi-task (echo_multi)</source>
        <translation>Multi-tâche (echo_multi)</translation>
    </message>
    <message>
        <source>Echo: who waits?</source>
        <translation>Écho&#xa0;: qui attend&#xa0;?</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>Clients&#xa0;:</translation>
    </message>
    <message>
        <source>Simulated sensors sending to each server, {0} readings/s each</source>
        <translation>Capteurs simulés qui envoient à chaque serveur, {0} mesures/s chacun</translation>
    </message>
    <message>
        <source>Start both readings servers, each storing into a temporary file, and the sensors</source>
        <translation>Démarrer les deux serveurs de mesures, chacun dans un fichier temporaire, et les capteurs</translation>
    </message>
    <message>
        <source>Stop the sensors and both servers; the temporary files are removed</source>
        <translation>Arrêter les capteurs et les deux serveurs&#xa0;; les fichiers temporaires sont supprimés</translation>
    </message>
    <message>
        <source>readings/s</source>
        <translation>mesures/s</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Textbook: one commit per reading</source>
        <translation>Première version&#xa0;: un commit par mesure</translation>
    </message>
    <message>
        <source>Thermolab: one commit per batch</source>
        <translation>Thermolab&#xa0;: un commit par lot</translation>
    </message>
    <message>
        <source>Readings collector: how many readings/s are stored?</source>
        <translation>Collecteur de mesures&#xa0;: combien de mesures/s enregistrées&#xa0;?</translation>
    </message>
    <message>
        <source>Sensors:</source>
        <translation>Capteurs&#xa0;:</translation>
    </message>
    <message>
        <source>Stop everything this dialog started</source>
        <translation>Arrêter tout ce que cette fenêtre a démarré</translation>
    </message>
    <message>
        <source>Each bar is a client&apos;s longest round trip, in its order of arrival; a bar that grows is a client still waiting.</source>
        <translation>Chaque barre est l&apos;aller-retour le plus long d&apos;un client, dans l&apos;ordre d&apos;arrivée&#xa0;; une barre qui grandit est un client qui attend encore.</translation>
    </message>
    <message>
        <source>Last client&apos;s longest round trip: mono-task {0} s, multi-task {1} s.</source>
        <translation>Aller-retour le plus long du dernier client&#xa0;: mono-tâche {0} s, multi-tâche {1} s.</translation>
    </message>
    <message>
        <source>Textbook {0} readings/s, Thermolab {1} readings/s</source>
        <translation>Première version {0} mesures/s, Thermolab {1} mesures/s</translation>
    </message>
    <message>
        <source>({0} times as many)</source>
        <translation>({0} fois plus)</translation>
    </message>
    <message>
        <source>round trip (s)</source>
        <translation>aller-retour (s)</translation>
    </message>
    <message>
        <source>client</source>
        <translation>client</translation>
    </message>
</context>
<context>
    <name>Confirmation</name>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>Ne plus demander</translation>
    </message>
</context>
<context>
    <name>ConnectionsModel</name>
    <message>
        <source>Peer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Connecté depuis</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Dernier message</translation>
    </message>
    <message>
        <source>Readings received on this connection since it opened, whatever their sensor</source>
        <translation>Mesures reçues sur cette connexion depuis son ouverture, quel que soit leur capteur</translation>
    </message>
</context>
<context>
    <name>ConnectionsPanel</name>
    <message>
        <source>Double-click a connection to watch its conversation byte by byte</source>
        <translation>Double-cliquez sur une connexion pour observer sa conversation octet par octet</translation>
    </message>
    <message>
        <source>Watch the conversation</source>
        <translation>Observer la conversation</translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <source>client connected</source>
        <translation>client connecté</translation>
    </message>
    <message>
        <source>client disconnected</source>
        <translation>client déconnecté</translation>
    </message>
    <message>
        <source>client disconnected ({0})</source>
        <translation>client déconnecté ({0})</translation>
    </message>
    <message>
        <source>idle for {0} s</source>
        <translation>inactif depuis {0} s</translation>
    </message>
    <message>
        <source>message not completed within {0} s</source>
        <translation>message inachevé après {0} s</translation>
    </message>
    <message>
        <source>server error: {0}</source>
        <translation>erreur du serveur&#xa0;: {0}</translation>
    </message>
    <message>
        <source>rejected: {0}</source>
        <translation>refusé&#xa0;: {0}</translation>
    </message>
    <message>
        <source>server started on {0}</source>
        <translation>serveur démarré sur {0}</translation>
    </message>
    <message>
        <source>server stopped</source>
        <translation>serveur arrêté</translation>
    </message>
    <message>
        <source>refused: server busy</source>
        <translation>refusé&#xa0;: serveur occupé</translation>
    </message>
    <message>
        <source>time not sent: {0}</source>
        <translation>heure non envoyée&#xa0;: {0}</translation>
    </message>
    <message>
        <source>sent {0}</source>
        <translation>envoyé {0}</translation>
    </message>
    <message>
        <source>echoed {0} bytes: {1}</source>
        <translation>écho de {0} o&#xa0;: {1}</translation>
    </message>
    <message>
        <source>storage failed: {0}</source>
        <translation>échec de l&apos;enregistrement&#xa0;: {0}</translation>
    </message>
    <message>
        <source>storage failed: {0} ({1})</source>
        <translation>échec de l&apos;enregistrement&#xa0;: {0} ({1})</translation>
    </message>
    <message>
        <source>storage works again: readings are stored in {0}</source>
        <translation>l&apos;enregistrement fonctionne de nouveau&#xa0;: les mesures vont dans {0}</translation>
    </message>
    <message>
        <source>readings older than {0} days deleted: {1}</source>
        <translation>mesures de plus de {0}&#xa0;jours supprimées&#xa0;: {1}</translation>
    </message>
    <message>
        <source>deleting readings older than {0} days failed: {1} ({2})</source>
        <translation>la suppression des mesures de plus de {0}&#xa0;jours a échoué&#xa0;: {1} ({2})</translation>
    </message>
    <message>
        <source>{0} was deleted while the server ran</source>
        <translation>{0} a été supprimé pendant que le serveur tournait</translation>
    </message>
    <message>
        <source>{0} was replaced while the server ran</source>
        <translation>{0} a été remplacé pendant que le serveur tournait</translation>
    </message>
    <message>
        <source>{0} was deleted while the server ran: a new, empty file takes its place</source>
        <translation>{0} a été supprimé pendant que le serveur tournait&#xa0;: un nouveau fichier vide le remplace</translation>
    </message>
    <message>
        <source>{0} was replaced while the server ran: the next readings go to the new file</source>
        <translation>{0} a été remplacé pendant que le serveur tournait&#xa0;: les mesures suivantes vont dans le nouveau fichier</translation>
    </message>
    <message>
        <source>{0} was deleted while the server ran and cannot be created again ({1}): readings are refused until it can</source>
        <translation>{0} a été supprimé pendant que le serveur tournait et ne peut pas être recréé ({1})&#xa0;: les mesures sont refusées en attendant</translation>
    </message>
    <message>
        <source>{0} was replaced while the server ran and cannot be opened ({1}): readings are refused until it can</source>
        <translation>{0} a été remplacé pendant que le serveur tournait et ne peut pas être ouvert ({1})&#xa0;: les mesures sont refusées en attendant</translation>
    </message>
    <message>
        <source>{0} was deleted while the server ran: the database is opened again, with a new journal</source>
        <translation>{0} a été supprimé pendant que le serveur tournait&#xa0;: la base est rouverte, avec un nouveau journal</translation>
    </message>
    <message>
        <source>{0} was replaced while the server ran: the database is opened again, with a new journal</source>
        <translation>{0} a été remplacé pendant que le serveur tournait&#xa0;: la base est rouverte, avec un nouveau journal</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>le fichier</translation>
    </message>
    <message>
        <source>the database&apos;s journal</source>
        <translation>le journal de la base</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>le fichier ne peut pas être ouvert</translation>
    </message>
    <message>
        <source>the database cannot be opened</source>
        <translation>la base ne peut pas être ouverte</translation>
    </message>
    <message>
        <source>an unexpected error (the server&apos;s log says why)</source>
        <translation>une erreur inattendue (le journal du serveur dit pourquoi)</translation>
    </message>
    <message>
        <source>the database server cannot be reached</source>
        <translation>le serveur de base de données est injoignable</translation>
    </message>
    <message>
        <source>the database refused the write (the server&apos;s log says why)</source>
        <translation>la base a refusé l&apos;écriture (le journal du serveur dit pourquoi)</translation>
    </message>
    <message>
        <source>message too large</source>
        <translation>message trop long</translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation>non autorisé</translation>
    </message>
    <message>
        <source>server busy</source>
        <translation>serveur occupé</translation>
    </message>
    <message>
        <source>invalid UTF-8 at byte {0}</source>
        <translation>UTF-8 invalide à l&apos;octet {0}</translation>
    </message>
    <message>
        <source>invalid JSON at byte {0}</source>
        <translation>JSON invalide à l&apos;octet {0}</translation>
    </message>
    <message>
        <source>invalid JSON</source>
        <translation>JSON invalide</translation>
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation>UTF-8 invalide</translation>
    </message>
    <message>
        <source>invalid JSON: nested too deeply</source>
        <translation>JSON invalide&#xa0;: imbrication trop profonde</translation>
    </message>
    <message>
        <source>message must be a JSON object</source>
        <translation>le message doit être un objet JSON</translation>
    </message>
    <message>
        <source>{0} must be a string</source>
        <translation>{0} doit être une chaîne</translation>
    </message>
    <message>
        <source>{0} must not be empty</source>
        <translation>{0} ne doit pas être vide</translation>
    </message>
    <message>
        <source>{0} must be at most {1} characters</source>
        <translation>{0} doit faire au plus {1} caractères</translation>
    </message>
    <message>
        <source>{0} is not valid Unicode (a lone surrogate)</source>
        <translation>{0} n&apos;est pas de l&apos;Unicode valide (un substitut isolé)</translation>
    </message>
    <message>
        <source>{0} must not contain control characters</source>
        <translation>{0} ne doit pas contenir de caractères de contrôle</translation>
    </message>
    <message>
        <source>unit must be &quot;C&quot;, &quot;F&quot; or &quot;K&quot;</source>
        <translation>unit doit valoir &quot;C&quot;, &quot;F&quot; ou &quot;K&quot;</translation>
    </message>
    <message>
        <source>timestamp must be a number (Unix seconds) or an ISO 8601 string</source>
        <translation>timestamp doit être un nombre (secondes Unix) ou une chaîne ISO 8601</translation>
    </message>
    <message>
        <source>timestamp is not an ISO 8601 date</source>
        <translation>timestamp n&apos;est pas une date ISO 8601</translation>
    </message>
    <message>
        <source>timestamp is out of range (years 1 to 9999)</source>
        <translation>timestamp est hors limites (années 1 à 9999)</translation>
    </message>
    <message>
        <source>capteur_id is missing</source>
        <translation>il manque capteur_id</translation>
    </message>
    <message>
        <source>temperature is missing</source>
        <translation>il manque temperature</translation>
    </message>
    <message>
        <source>temperature must be a number</source>
        <translation>temperature doit être un nombre</translation>
    </message>
    <message>
        <source>temperature must be finite (not NaN or Infinity)</source>
        <translation>temperature doit être finie (ni NaN ni Infinity)</translation>
    </message>
    <message>
        <source>temperature is below absolute zero (-273.15 °C)</source>
        <translation>temperature est sous le zéro absolu (-273,15 °C)</translation>
    </message>
    <message>
        <source>temperature is out of range</source>
        <translation>temperature est hors des valeurs possibles</translation>
    </message>
    <message>
        <source>temperature is out of range once converted to °C</source>
        <translation>temperature sort des valeurs possibles une fois convertie en °C</translation>
    </message>
    <message>
        <source>the server failed to read this message (its log says why)</source>
        <translation>le serveur n&apos;a pas pu lire ce message (son journal dit pourquoi)</translation>
    </message>
    <message>
        <source>{0} cannot be a capteur_id: {1}</source>
        <translation>{0} ne peut pas être un capteur_id&#xa0;: {1}</translation>
    </message>
    <message>
        <source>cannot open {0} ({1}): choose another file</source>
        <translation>impossible d&apos;ouvrir {0} ({1})&#xa0;: choisissez un autre fichier</translation>
    </message>
    <message>
        <source>the folder {0} does not exist: create it or choose another file</source>
        <translation>le dossier {0} n&apos;existe pas&#xa0;: créez-le ou choisissez un autre fichier</translation>
    </message>
    <message>
        <source>{0} is a folder: choose a file name</source>
        <translation>{0} est un dossier&#xa0;: choisissez un nom de fichier</translation>
    </message>
    <message>
        <source>cannot write to {0}: choose a file in a folder you can write to</source>
        <translation>impossible d&apos;écrire dans {0}&#xa0;: choisissez un fichier dans un dossier où vous pouvez écrire</translation>
    </message>
    <message>
        <source>{0} has a table mesures without the column(s) {1}: choose another file</source>
        <translation>{0} a une table mesures sans la ou les colonnes {1}&#xa0;: choisissez un autre fichier</translation>
    </message>
    <message>
        <source>{0} does not exist: check the path of the database</source>
        <translation>{0} n&apos;existe pas&#xa0;: vérifiez le chemin de la base</translation>
    </message>
    <message>
        <source>{0} holds no readings (no table mesures): choose a Thermolab database</source>
        <translation>{0} ne contient pas de mesures (pas de table mesures)&#xa0;: choisissez une base Thermolab</translation>
    </message>
    <message>
        <source>{0} is not a SQLite database: choose another file</source>
        <translation>{0} n&apos;est pas une base SQLite&#xa0;: choisissez un autre fichier</translation>
    </message>
    <message>
        <source>{0} is a SQLite database, not a text file: choose another file or store into SQLite</source>
        <translation>{0} est une base SQLite, pas un fichier texte&#xa0;: choisissez un autre fichier ou enregistrez dans SQLite</translation>
    </message>
    <message>
        <source>the PostgreSQL server refused the password for {0}: check it (in PGPASSWORD, ~/.pgpass or the URL)</source>
        <translation>le serveur PostgreSQL a refusé le mot de passe pour {0}&#xa0;: vérifiez-le (dans PGPASSWORD, ~/.pgpass ou l&apos;URL)</translation>
    </message>
    <message>
        <source>the PostgreSQL server asks for a password for {0}: give it in PGPASSWORD or ~/.pgpass</source>
        <translation>le serveur PostgreSQL demande un mot de passe pour {0}&#xa0;: donnez-le dans PGPASSWORD ou ~/.pgpass</translation>
    </message>
    <message>
        <source>the database of {0} does not exist on that server: create it (createdb) or check its name</source>
        <translation>la base de {0} n&apos;existe pas sur ce serveur&#xa0;: créez-la (createdb) ou vérifiez son nom</translation>
    </message>
    <message>
        <source>cannot reach the PostgreSQL server of {0}: check that it runs and that its host and port are right</source>
        <translation>impossible de joindre le serveur PostgreSQL de {0}&#xa0;: vérifiez qu&apos;il tourne, et son hôte et son port</translation>
    </message>
    <message>
        <source>cannot open the PostgreSQL database {0} ({1}): check the URL</source>
        <translation>impossible d&apos;ouvrir la base PostgreSQL {0} ({1})&#xa0;: vérifiez l&apos;URL</translation>
    </message>
    <message>
        <source>the PostgreSQL database {0} cannot be read ({1}): check that its server runs</source>
        <translation>la base PostgreSQL {0} ne peut pas être lue ({1})&#xa0;: vérifiez que son serveur tourne</translation>
    </message>
    <message>
        <source>the user {0} may not create the table mesures in {1}: ask the database&apos;s owner to run Thermolab once, or to GRANT CREATE ON SCHEMA public TO {2}</source>
        <translation>l&apos;utilisateur {0} n&apos;a pas le droit de créer la table mesures dans {1}&#xa0;: demandez au propriétaire de la base de lancer Thermolab une fois, ou de faire GRANT CREATE ON SCHEMA public TO {2}</translation>
    </message>
    <message>
        <source>{0} was made by a newer Thermolab (schema version {1}; this one knows up to {2}): update Thermolab or choose another database</source>
        <translation>{0} a été créée par un Thermolab plus récent (schéma version {1}&#xa0;; celui-ci connaît jusqu&apos;à {2})&#xa0;: mettez Thermolab à jour ou choisissez une autre base</translation>
    </message>
    <message>
        <source>{0} was made by an older Thermolab (schema version {1}): start a collector of this version on it once, then open it again</source>
        <translation>{0} a été créée par un Thermolab plus ancien (schéma version {1})&#xa0;: lancez une fois sur cette base un collecteur de cette version, puis rouvrez-la</translation>
    </message>
    <message>
        <source>{0} has a table mesures without the column(s) {1}: choose another database</source>
        <translation>{0} a une table mesures sans la ou les colonnes {1}&#xa0;: choisissez une autre base</translation>
    </message>
    <message>
        <source>a text file keeps every reading: store into SQLite to keep only the last days</source>
        <translation>un fichier texte garde toutes les mesures&#xa0;: enregistrez dans SQLite pour ne garder que les derniers jours</translation>
    </message>
    <message>
        <source>cannot read {0} any more ({1}): open it again</source>
        <translation>impossible de lire {0} désormais ({1})&#xa0;: ouvrez-le de nouveau</translation>
    </message>
    <message>
        <source>alarm raised: {0} above {1} °C ({2} °C)</source>
        <translation>alarme déclenchée&#xa0;: {0} au-dessus de {1} °C ({2} °C)</translation>
    </message>
    <message>
        <source>alarm raised: {0} below {1} °C ({2} °C)</source>
        <translation>alarme déclenchée&#xa0;: {0} au-dessous de {1} °C ({2} °C)</translation>
    </message>
    <message>
        <source>alarm raised: {0} silent for more than {1} s</source>
        <translation>alarme déclenchée&#xa0;: {0} muet depuis plus de {1} s</translation>
    </message>
    <message>
        <source>alarm cleared: {0} no longer above {1} °C</source>
        <translation>alarme levée&#xa0;: {0} n&apos;est plus au-dessus de {1} °C</translation>
    </message>
    <message>
        <source>alarm cleared: {0} no longer below {1} °C</source>
        <translation>alarme levée&#xa0;: {0} n&apos;est plus au-dessous de {1} °C</translation>
    </message>
    <message>
        <source>alarm cleared: {0} sends again</source>
        <translation>alarme levée&#xa0;: {0} émet de nouveau</translation>
    </message>
    <message>
        <source>alarm events cannot be stored: {0}</source>
        <translation>les événements d&apos;alarme ne peuvent pas être enregistrés&#xa0;: {0}</translation>
    </message>
    <message>
        <source>alarm events are stored again</source>
        <translation>les événements d&apos;alarme sont de nouveau enregistrés</translation>
    </message>
    <message>
        <source>alarm rules cannot be read: {0}</source>
        <translation>les règles d&apos;alarme ne peuvent pas être lues&#xa0;: {0}</translation>
    </message>
    <message>
        <source>unknown alarm kind {0}: choose high, low or silent</source>
        <translation>type d&apos;alarme {0} inconnu&#xa0;: choisissez haut, bas ou silence</translation>
    </message>
    <message>
        <source>the threshold</source>
        <translation>le seuil</translation>
    </message>
    <message>
        <source>the hysteresis</source>
        <translation>l&apos;hystérésis</translation>
    </message>
    <message>
        <source>the minimum duration</source>
        <translation>la durée minimale</translation>
    </message>
    <message>
        <source>the hysteresis must be 0 °C or more, got {0}</source>
        <translation>l&apos;hystérésis doit valoir 0 °C ou plus, pas {0}</translation>
    </message>
    <message>
        <source>the minimum duration must be 0 s or more, got {0}</source>
        <translation>la durée minimale doit valoir 0 s ou plus, pas {0}</translation>
    </message>
    <message>
        <source>a silence must last more than 0 s, got {0}</source>
        <translation>un silence doit durer plus de 0 s, pas {0}</translation>
    </message>
    <message>
        <source>a silence rule has no hysteresis: give it to a high or a low rule</source>
        <translation>une règle de silence n&apos;a pas d&apos;hystérésis&#xa0;: donnez-la à un seuil haut ou bas</translation>
    </message>
    <message>
        <source>a threshold cannot be below absolute zero (-273.15 °C), got {0}</source>
        <translation>un seuil ne peut être sous le zéro absolu (-273,15 °C)&#xa0;: {0} donné</translation>
    </message>
    <message>
        <source>the low threshold ({0} °C) must be below the high threshold ({1} °C) for {2}</source>
        <translation>le seuil bas ({0} °C) doit être sous le seuil haut ({1} °C) pour {2}</translation>
    </message>
    <message>
        <source>all sensors</source>
        <translation>tous les capteurs</translation>
    </message>
    <message>
        <source>{0} has two {1} rules: keep one</source>
        <translation>{0} a deux règles {1}&#xa0;: gardez-en une</translation>
    </message>
    <message>
        <source>every rule saved together must watch the same sensor</source>
        <translation>les règles enregistrées ensemble doivent surveiller le même capteur</translation>
    </message>
    <message>
        <source>unknown host {0}: give an address of this machine, such as 127.0.0.1</source>
        <translation>hôte inconnu {0}&#xa0;: donnez une adresse de cette machine, par exemple 127.0.0.1</translation>
    </message>
    <message>
        <source>port {0} is already in use on {1}: stop the program using it or choose another port</source>
        <translation>le port {0} est déjà pris sur {1}&#xa0;: arrêtez le programme qui l&apos;utilise ou choisissez un autre port</translation>
    </message>
    <message>
        <source>not allowed to listen on {0}: choose a port above 1023</source>
        <translation>pas le droit d&apos;écouter sur {0}&#xa0;: choisissez un port au-dessus de 1023</translation>
    </message>
    <message>
        <source>{0} is not an address of this machine: use 127.0.0.1 or one of its own addresses</source>
        <translation>{0} n&apos;est pas une adresse de cette machine&#xa0;: utilisez 127.0.0.1 ou l&apos;une de ses propres adresses</translation>
    </message>
    <message>
        <source>cannot listen on {0}: {1}</source>
        <translation>impossible d&apos;écouter sur {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>unknown host {0}: check the server&apos;s address</source>
        <translation>hôte inconnu {0}&#xa0;: vérifiez l&apos;adresse du serveur</translation>
    </message>
    <message>
        <source>no server listens on {0}:{1}: start one with `python main.py {2}`</source>
        <translation>aucun serveur n&apos;écoute sur {0}:{1}&#xa0;: lancez-en un avec `python main.py {2}`</translation>
    </message>
    <message>
        <source>no server listens on {0}:{1}: start one with `python main.py server`</source>
        <translation>aucun serveur n&apos;écoute sur {0}:{1}&#xa0;: lancez-en un avec `python main.py server`</translation>
    </message>
    <message>
        <source>no answer from {0}:{1} within {2} s: is it a Thermolab server?</source>
        <translation>pas de réponse de {0}:{1} en {2} s&#xa0;: est-ce bien un serveur Thermolab&#xa0;?</translation>
    </message>
    <message>
        <source>the exchange with {0}:{1} failed: {2}</source>
        <translation>l&apos;échange avec {0}:{1} a échoué&#xa0;: {2}</translation>
    </message>
    <message>
        <source>no time from {0}:{1} within {2} s: is it a clock server?</source>
        <translation>pas d&apos;heure reçue de {0}:{1} en {2} s&#xa0;: est-ce bien un serveur d&apos;horloge&#xa0;?</translation>
    </message>
    <message>
        <source>the connection with {0}:{1} broke ({2}): try again</source>
        <translation>la connexion avec {0}:{1} a été coupée ({2})&#xa0;: réessayez</translation>
    </message>
    <message>
        <source>the answer from {0}:{1} is not a time (HH:MM:SS): is it a clock server?</source>
        <translation>la réponse de {0}:{1} n&apos;est pas une heure (HH:MM:SS)&#xa0;: est-ce bien un serveur d&apos;horloge&#xa0;?</translation>
    </message>
    <message>
        <source>{0}:{1} did not accept the connection within {2} s: check the address</source>
        <translation>{0}:{1} n&apos;a pas accepté la connexion en {2} s&#xa0;: vérifiez l&apos;adresse</translation>
    </message>
    <message>
        <source>cannot connect to {0}:{1} ({2}): check the address</source>
        <translation>impossible de se connecter à {0}:{1} ({2})&#xa0;: vérifiez l&apos;adresse</translation>
    </message>
    <message>
        <source>no echo from {0}:{1} within {2} s</source>
        <translation>pas d&apos;écho de {0}:{1} en {2} s</translation>
    </message>
    <message>
        <source>the echo server at {0}:{1} closed the connection: connect again</source>
        <translation>le serveur d&apos;écho {0}:{1} a fermé la connexion&#xa0;: reconnectez-vous</translation>
    </message>
    <message>
        <source>the echo server at {0}:{1} is busy: {2}</source>
        <translation>le serveur d&apos;écho {0}:{1} est occupé&#xa0;: {2}</translation>
    </message>
    <message>
        <source>the answer from {0}:{1} is not an echo of what was sent: is it an echo server?</source>
        <translation>la réponse de {0}:{1} n&apos;est pas l&apos;écho de l&apos;envoi&#xa0;: est-ce bien un serveur d&apos;écho&#xa0;?</translation>
    </message>
    <message>
        <source>the connection with {0}:{1} broke ({2}): connect again</source>
        <translation>la connexion avec {0}:{1} a été coupée ({2})&#xa0;: reconnectez-vous</translation>
    </message>
    <message>
        <source>the weather service address {0} has no valid port: correct OWM_BASE_URL</source>
        <translation>l&apos;adresse du service météo {0} n&apos;a pas de port valide&#xa0;: corrigez OWM_BASE_URL</translation>
    </message>
    <message>
        <source>OpenWeatherMap refuses more calls with this key for now (429): wait a minute and try again</source>
        <translation>OpenWeatherMap refuse pour l&apos;instant d&apos;autres appels avec cette clé (429)&#xa0;: attendez une minute et réessayez</translation>
    </message>
    <message>
        <source>OpenWeatherMap is out of order for now ({0}): try again later</source>
        <translation>OpenWeatherMap est indisponible pour l&apos;instant ({0})&#xa0;: réessayez plus tard</translation>
    </message>
    <message>
        <source>OpenWeatherMap refused the request ({0}: {1}): check the city and the key</source>
        <translation>OpenWeatherMap a refusé la requête ({0}&#xa0;: {1})&#xa0;: vérifiez la ville et la clé</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison donnée</translation>
    </message>
    <message>
        <source>is not well-formed XML</source>
        <translation>n&apos;est pas du XML bien formé</translation>
    </message>
    <message>
        <source>is a &lt;{0}&gt;, not a current weather report</source>
        <translation>est un &lt;{0}&gt;, pas un bulletin météo</translation>
    </message>
    <message>
        <source>has an unreadable lastupdate {0}</source>
        <translation>a un lastupdate illisible {0}</translation>
    </message>
    <message>
        <source>gives the {0} in an unknown unit {1}</source>
        <translation>donne {0} dans une unité inconnue {1}</translation>
    </message>
    <message>
        <source>has a {0} that is not a number ({1})</source>
        <translation>a un {0} qui n&apos;est pas un nombre ({1})</translation>
    </message>
    <message>
        <source>has no {0} {1}</source>
        <translation>n&apos;a pas de {0} {1}</translation>
    </message>
    <message>
        <source>{0} does not answer as a Thermolab server: check the port; retrying</source>
        <translation>{0} ne répond pas comme un serveur Thermolab&#xa0;: vérifiez le port&#xa0;; nouvel essai</translation>
    </message>
    <message>
        <source>the link to the broker at {0} was lost; resending what was not acknowledged</source>
        <translation>le lien avec le broker {0} a été perdu&#xa0;; renvoi de ce qui n&apos;a pas été confirmé</translation>
    </message>
    <message>
        <source>the broker refused a reading of {0}: {1}</source>
        <translation>le broker a refusé une mesure de {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>the connection to {0} was cut on purpose (an injected fault); resending what was not acknowledged</source>
        <translation>la connexion à {0} a été coupée exprès (un défaut injecté)&#xa0;; renvoi de ce qui n&apos;a pas été confirmé</translation>
    </message>
    <message>
        <source>{0} reports the real temperature in {1}: it makes no faults</source>
        <translation>{0} envoie la vraie température de {1}&#xa0;: on ne peut pas lui faire injecter de défauts</translation>
    </message>
    <message>
        <source>{0} must be a share from 0 to 1, got {1}</source>
        <translation>{0} doit être une part de 0 à 1, pas {1}</translation>
    </message>
    <message>
        <source>{0} must be a whole number, got {1}</source>
        <translation>{0} doit être un nombre entier, pas {1}</translation>
    </message>
    <message>
        <source>clock_offset must be at most a year either way, got {0}</source>
        <translation>clock_offset doit rester dans un an de part et d&apos;autre, pas {0}</translation>
    </message>
    <message>
        <source>split must be from 0 (off) to {0} bytes per send, got {1}</source>
        <translation>split doit aller de 0 (non) à {0} octets par envoi, pas {1}</translation>
    </message>
    <message>
        <source>burst size must be from 0 (off) to {0} readings, got {1}</source>
        <translation>la taille d&apos;une rafale doit aller de 0 (non) à {0} mesures, pas {1}</translation>
    </message>
    <message>
        <source>bursts come every {0} to {1} seconds, got {2}</source>
        <translation>les rafales viennent toutes les {0} à {1} secondes, pas {2}</translation>
    </message>
    <message>
        <source>disconnections come every {0} to {1} seconds on average (0: never), got {2}</source>
        <translation>les déconnexions viennent en moyenne toutes les {0} à {1} secondes (0&#xa0;: jamais), pas {2}</translation>
    </message>
    <message>
        <source>{0} is not a broker URL: write mqtt://HOST:PORT, or mqtts://HOST:PORT for TLS</source>
        <translation>{0} n&apos;est pas l&apos;adresse d&apos;un broker&#xa0;: écrivez mqtt://HÔTE:PORT, ou mqtts://HÔTE:PORT pour TLS</translation>
    </message>
    <message>
        <source>{0} has a port that is not a number from 1 to 65535</source>
        <translation>{0} a un port qui n&apos;est pas un nombre de 1 à 65535</translation>
    </message>
    <message>
        <source>{0} names no host: write mqtt://HOST:PORT</source>
        <translation>{0} ne nomme aucun hôte&#xa0;: écrivez mqtt://HÔTE:PORT</translation>
    </message>
    <message>
        <source>no broker answers at {0}: is it running, and is the port right?</source>
        <translation>aucun broker ne répond à {0}&#xa0;: est-il lancé, et le port est-il le bon&#xa0;?</translation>
    </message>
    <message>
        <source>the broker&apos;s host {0} is unknown: check the broker URL</source>
        <translation>l&apos;hôte du broker {0} est inconnu&#xa0;: vérifiez l&apos;adresse du broker</translation>
    </message>
    <message>
        <source>the TLS handshake with {0} failed ({1}): check the CA file and the port</source>
        <translation>la négociation TLS avec {0} a échoué ({1})&#xa0;: vérifiez le fichier de l&apos;autorité de certification et le port</translation>
    </message>
    <message>
        <source>the broker at {0} did not answer in time</source>
        <translation>le broker {0} n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <source>the broker at {0} cannot be reached: {1}</source>
        <translation>le broker {0} est injoignable&#xa0;: {1}</translation>
    </message>
    <message>
        <source>the broker at {0} refused the connection: {1}</source>
        <translation>le broker {0} a refusé la connexion&#xa0;: {1}</translation>
    </message>
    <message>
        <source>the broker at {0} refused the user name or password: check them in Settings or {1}</source>
        <translation>le broker {0} a refusé le nom d&apos;utilisateur ou le mot de passe&#xa0;: vérifiez-les dans les Paramètres ou dans {1}</translation>
    </message>
    <message>
        <source>{0} could not be saved in {1} ({2}): check that folder</source>
        <translation>impossible d&apos;enregistrer {0} dans {1} ({2})&#xa0;: vérifiez ce dossier</translation>
    </message>
    <message>
        <source>{0} was not saved: {1} cannot be read, and saving would lose the other secrets it may hold: repair it or remove it</source>
        <translation>impossible d&apos;enregistrer {0}&#xa0;: {1} est illisible, et y écrire ferait perdre les autres secrets qu&apos;il contient peut-être&#xa0;: réparez-le ou supprimez-le</translation>
    </message>
    <message>
        <source>the server&apos;s token</source>
        <translation>le jeton du serveur</translation>
    </message>
    <message>
        <source>the target server&apos;s token</source>
        <translation>le jeton du serveur cible</translation>
    </message>
    <message>
        <source>the target broker&apos;s password</source>
        <translation>le mot de passe du broker cible</translation>
    </message>
    <message>
        <source>the OpenWeatherMap API key</source>
        <translation>la clé API OpenWeatherMap</translation>
    </message>
    <message>
        <source>connected to the broker {0}; subscribed to {1}</source>
        <translation>connecté au broker {0}&#xa0;; abonné à {1}</translation>
    </message>
    <message>
        <source>connected to the broker {0} (session resumed); subscribed to {1}</source>
        <translation>connecté au broker {0} (session reprise)&#xa0;; abonné à {1}</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connexion en cours…</translation>
    </message>
    <message>
        <source>the broker at {0} refused the subscription to {1}</source>
        <translation>le broker {0} a refusé l&apos;abonnement à {1}</translation>
    </message>
    <message>
        <source>{0}: trying again</source>
        <translation>{0}&#xa0;: nouvel essai</translation>
    </message>
    <message>
        <source>lost the broker {0} ({1})</source>
        <translation>liaison perdue avec le broker {0} ({1})</translation>
    </message>
    <message>
        <source>left the broker {0}</source>
        <translation>déconnecté du broker {0}</translation>
    </message>
    <message>
        <source>{0} (topic {1})</source>
        <translation>{0} (topic {1})</translation>
    </message>
    <message>
        <source>no mapping matches this topic</source>
        <translation>aucune correspondance ne reconnaît ce topic</translation>
    </message>
    <message>
        <source>the payload must be a bare number, not {0}</source>
        <translation>le contenu doit être un nombre seul, pas {0}</translation>
    </message>
    <message>
        <source>{0} is missing</source>
        <translation>il manque {0}</translation>
    </message>
    <message>
        <source>capteur_id {0} does not match the topic&apos;s {1}</source>
        <translation>le capteur_id {0} ne correspond pas à celui du topic, {1}</translation>
    </message>
    <message>
        <source>mapping {0}: {1}</source>
        <translation>correspondance {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>{0}: write FILTER SENSOR VALUE [UNIT], or the name of a ready-made mapping</source>
        <translation>{0}&#xa0;: écrivez FILTRE CAPTEUR VALEUR [UNITÉ], ou le nom d&apos;une correspondance prête à l&apos;emploi</translation>
    </message>
    <message>
        <source>{0}: the filter {1} has levels 1 to {2}</source>
        <translation>{0}&#xa0;: le filtre {1} a les niveaux 1 à {2}</translation>
    </message>
    <message>
        <source>{0}: say where the sensor id is, topic:LEVEL or json:FIELD</source>
        <translation>{0}&#xa0;: dites où est l&apos;identifiant du capteur, topic:NIVEAU ou json:CHAMP</translation>
    </message>
    <message>
        <source>{0}: say where the temperature is, thermolab, number or json:PATH</source>
        <translation>{0}&#xa0;: dites où est la température, thermolab, number ou json:CHEMIN</translation>
    </message>
    <message>
        <source>{0}: the unit is C, F, K or json:FIELD</source>
        <translation>{0}&#xa0;: l&apos;unité est C, F, K ou json:CHAMP</translation>
    </message>
    <message>
        <source>a topic filter must not be empty</source>
        <translation>un filtre de topic ne doit pas être vide</translation>
    </message>
    <message>
        <source>{0}: a wildcard (+ or #) must fill a whole level</source>
        <translation>{0}&#xa0;: un joker (+ ou #) doit occuper tout un niveau</translation>
    </message>
    <message>
        <source>{0}: # may only be the last level</source>
        <translation>{0}&#xa0;: # ne peut être que le dernier niveau</translation>
    </message>
    <message>
        <source>{0}: a group name cannot hold /, + or #</source>
        <translation>{0}&#xa0;: un nom de groupe ne peut contenir ni /, ni +, ni #</translation>
    </message>
    <message>
        <source>{0}: write the group in the Group field (--mqtt-group), not in the filter</source>
        <translation>{0}&#xa0;: écrivez le groupe dans le champ Groupe (--mqtt-group), pas dans le filtre</translation>
    </message>
    <message>
        <source>the MQTT broker&apos;s password</source>
        <translation>le mot de passe du broker MQTT</translation>
    </message>
    <message>
        <source>{0} is not key=value: write parameters as in sine:period=60,amplitude=3</source>
        <translation>{0} n&apos;est pas de la forme clé=valeur&#xa0;: écrivez les paramètres comme dans sine:period=60,amplitude=3</translation>
    </message>
    <message>
        <source>{0} must be a number, got {1}</source>
        <translation>{0} doit être un nombre, pas {1}</translation>
    </message>
    <message>
        <source>the server closed the connection without answering</source>
        <translation>le serveur a fermé la connexion sans répondre</translation>
    </message>
    <message>
        <source>{0} refused the token: give the token the server was started with</source>
        <translation>{0} a refusé le jeton&#xa0;: donnez celui avec lequel le serveur a été lancé</translation>
    </message>
    <message>
        <source>{0} requires a token: give the token the server was started with</source>
        <translation>{0} exige un jeton&#xa0;: donnez celui avec lequel le serveur a été lancé</translation>
    </message>
    <message>
        <source>the connection with {0} broke ({1}): try again</source>
        <translation>la connexion avec {0} a été coupée ({1})&#xa0;: réessayez</translation>
    </message>
    <message>
        <source>no city given: give a name, such as Orsay or Le Mans,FR</source>
        <translation>aucune ville indiquée&#xa0;: saisissez un nom, par exemple Orsay ou Le Mans,FR</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more rejected messages in the last {0} s</source>
        <translation>
            <numerusform>%Ln autre message refusé ces {0} dernières secondes</numerusform>
            <numerusform>%Ln autres messages refusés ces {0} dernières secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln readings received again were already stored: each is kept once</source>
        <translation>
            <numerusform>%Ln mesure reçue de nouveau était déjà enregistrée&#xa0;: elle est gardée une fois</numerusform>
            <numerusform>%Ln mesures reçues de nouveau étaient déjà enregistrées&#xa0;: chacune est gardée une fois</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} more rejected messages from {1} hosts in the last {2} s</source>
        <translation>{0} autres messages refusés venant de {1} hôtes ces {2} dernières secondes</translation>
    </message>
    <message>
        <source>refused: connection limit ({0}) reached</source>
        <translation>refusé&#xa0;: limite de connexions ({0}) atteinte</translation>
    </message>
    <message>
        <source>seq must be an integer from 0 to {0}</source>
        <translation>seq doit être un entier de 0 à {0}</translation>
    </message>
    <message>
        <source>no OpenWeatherMap API key: enter yours in the settings or set OWM_API_KEY (a free key comes from https://home.openweathermap.org/api_keys)</source>
        <translation>pas de clé API OpenWeatherMap&#xa0;: saisissez la vôtre dans les paramètres ou définissez OWM_API_KEY (une clé gratuite s&apos;obtient sur https://home.openweathermap.org/api_keys)</translation>
    </message>
    <message>
        <source>the weather service address {0} is not an http(s) URL: correct OWM_BASE_URL</source>
        <translation>l&apos;adresse du service météo {0} n&apos;est pas une URL http(s)&#xa0;: corrigez OWM_BASE_URL</translation>
    </message>
    <message>
        <source>cannot reach {0} ({1}): check the network connection</source>
        <translation>impossible de joindre {0} ({1})&#xa0;: vérifiez la connexion réseau</translation>
    </message>
    <message>
        <source>{0} did not answer in HTTP: check OWM_BASE_URL</source>
        <translation>{0} n&apos;a pas répondu en HTTP&#xa0;: vérifiez OWM_BASE_URL</translation>
    </message>
    <message>
        <source>{0} did not answer within {1} s: check the network connection and try again</source>
        <translation>{0} n&apos;a pas répondu en {1} s&#xa0;: vérifiez la connexion réseau et réessayez</translation>
    </message>
    <message>
        <source>the weather service sent more than {0} KiB: check OWM_BASE_URL</source>
        <translation>le service météo a envoyé plus de {0} Kio&#xa0;: vérifiez OWM_BASE_URL</translation>
    </message>
    <message>
        <source>OpenWeatherMap refused the API key (401): check it; a new key can take a few hours to be accepted</source>
        <translation>OpenWeatherMap a refusé la clé API (401)&#xa0;: vérifiez-la&#xa0;; une nouvelle clé peut mettre quelques heures à être acceptée</translation>
    </message>
    <message>
        <source>OpenWeatherMap knows no city named {0}: check the spelling, or add the country code (Le Mans,FR)</source>
        <translation>OpenWeatherMap ne connaît pas de ville nommée {0}&#xa0;: vérifiez l&apos;orthographe, ou ajoutez le code du pays (Le Mans,FR)</translation>
    </message>
    <message>
        <source>{0} has no weather service at {1}: correct OWM_BASE_URL</source>
        <translation>{0} n&apos;a pas de service météo à {1}&#xa0;: corrigez OWM_BASE_URL</translation>
    </message>
    <message>
        <source>the weather service&apos;s answer {0}: try again later, or check OWM_BASE_URL if it persists</source>
        <translation>la réponse du service météo {0}&#xa0;: réessayez plus tard, ou vérifiez OWM_BASE_URL si cela persiste</translation>
    </message>
    <message>
        <source>no server listens on {0}: start one or check the address; retrying</source>
        <translation>aucun serveur n&apos;écoute sur {0}&#xa0;: lancez-en un ou vérifiez l&apos;adresse&#xa0;; nouvel essai</translation>
    </message>
    <message>
        <source>cannot connect to {0} ({1}); retrying</source>
        <translation>impossible de se connecter à {0} ({1})&#xa0;; nouvel essai</translation>
    </message>
    <message>
        <source>{0} closed the connection; resending what was not acknowledged</source>
        <translation>{0} a fermé la connexion&#xa0;; renvoi de ce qui n&apos;a pas été confirmé</translation>
    </message>
    <message>
        <source>the connection to {0} was lost ({1}); resending what was not acknowledged</source>
        <translation>la connexion à {0} a été perdue ({1})&#xa0;; renvoi de ce qui n&apos;a pas été confirmé</translation>
    </message>
    <message>
        <source>cannot look up {0} ({1}); retrying</source>
        <translation>impossible de résoudre {0} ({1})&#xa0;; nouvel essai</translation>
    </message>
    <message>
        <source>{0} is not a valid host name: check the server&apos;s address</source>
        <translation>{0} n&apos;est pas un nom d&apos;hôte valide&#xa0;: vérifiez l&apos;adresse du serveur</translation>
    </message>
    <message>
        <source>no answer from {0} within {1} s; retrying</source>
        <translation>pas de réponse de {0} en {1} s&#xa0;; nouvel essai</translation>
    </message>
    <message>
        <source>the server refused a reading of {0}: {1}</source>
        <translation>le serveur a refusé une mesure de {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>{0} is busy (too many connections); retrying</source>
        <translation>{0} est occupé (trop de connexions)&#xa0;; nouvel essai</translation>
    </message>
    <message>
        <source>no weather for {0}: {1}</source>
        <translation>pas de météo pour {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>a city&apos;s temperature is fetched at most once a minute and at least once a day, got every {0} s</source>
        <translation>la température d&apos;une ville se demande au plus une fois par minute et au moins une fois par jour, pas toutes les {0} s</translation>
    </message>
    <message>
        <source>no thread could be started for {0}: run fewer sensors</source>
        <translation>aucun thread n&apos;a pu être lancé pour {0}&#xa0;: faites tourner moins de capteurs</translation>
    </message>
    <message>
        <source>rate must be from {0} to {1} readings per second, got {2}</source>
        <translation>le rythme doit aller de {0} à {1} mesures par seconde, pas {2}</translation>
    </message>
    <message>
        <source>a fleet needs 1 sensor or more, got {0}</source>
        <translation>il faut au moins 1 capteur, pas {0}</translation>
    </message>
    <message>
        <source>count must be 1 or more, got {0}</source>
        <translation>count doit valoir 1 ou plus, pas {0}</translation>
    </message>
    <message>
        <source>duration must be above 0 seconds, got {0}</source>
        <translation>duration doit dépasser 0 seconde, pas {0}</translation>
    </message>
    <message>
        <source>buffer_size must be 1 or more, got {0}</source>
        <translation>buffer_size doit valoir 1 ou plus, pas {0}</translation>
    </message>
    <message>
        <source>{0} sensors need {1} open files but this system allows {2}: run fewer sensors</source>
        <translation>{0} capteurs ont besoin de {1} fichiers ouverts mais ce système en permet {2}&#xa0;: faites tourner moins de capteurs</translation>
    </message>
    <message>
        <source>{0} reports the real temperature in {1}: its values cannot be modelled</source>
        <translation>{0} envoie la vraie température de {1}&#xa0;: ses valeurs ne peuvent pas suivre un modèle</translation>
    </message>
    <message>
        <source>there is already a sensor named {0}: choose another name</source>
        <translation>il existe déjà un capteur nommé {0}&#xa0;: choisissez un autre nom</translation>
    </message>
    <message>
        <source>the sensors&apos; process ended unexpectedly: close the simulator and open it again</source>
        <translation>le processus des capteurs s&apos;est arrêté de façon inattendue&#xa0;: fermez le simulateur et rouvrez-le</translation>
    </message>
    <message>
        <source>{0} must be a finite number, got {1}</source>
        <translation>{0} doit être un nombre fini, pas {1}</translation>
    </message>
    <message>
        <source>unknown model {0}: choose {1}</source>
        <translation>modèle inconnu {0}&#xa0;: choisissez {1}</translation>
    </message>
    <message>
        <source>the {0} model has no parameter {1}: it takes {2}</source>
        <translation>le modèle {0} n&apos;a pas de paramètre {1}&#xa0;: il prend {2}</translation>
    </message>
</context>
<context>
    <name>DatabaseViewer</name>
    <message>
        <source>{0} (read-only) — Thermolab</source>
        <translation>{0} (lecture seule) — Thermolab</translation>
    </message>
    <message>
        <source>Read-only view of {0}: what collectors store into it appears as they commit.</source>
        <translation>Vue en lecture seule de {0}&#xa0;: ce que les collecteurs y enregistrent apparaît dès qu&apos;ils le valident.</translation>
    </message>
    <message>
        <source>This server&apos;s readings still go to {0} (change it in the server&apos;s Settings).</source>
        <translation>Les mesures de ce serveur vont toujours dans {0} (à changer dans les Paramètres du serveur).</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>Write this file&apos;s readings to a CSV file</source>
        <translation>Écrire les relevés de ce fichier dans un fichier CSV</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close this view; the file is left as it is</source>
        <translation>Fermer cette vue&#xa0;; le fichier reste tel quel</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
</context>
<context>
    <name>EchoBox</name>
    <message>
        <source>Echo server</source>
        <translation>Serveur d&apos;écho</translation>
    </message>
    <message>
        <source>Mono-task</source>
        <translation>Mono-tâche</translation>
    </message>
    <message>
        <source>One client at a time: the next ones wait in the system&apos;s queue until it leaves</source>
        <translation>Un client à la fois&#xa0;: les suivants attendent dans la file du système qu&apos;il parte</translation>
    </message>
    <message>
        <source>Multi-task</source>
        <translation>Multi-tâche</translation>
    </message>
    <message>
        <source>echo_multi: one thread per client, so every client is answered at once</source>
        <translation>echo_multi&#xa0;: un thread par client, chaque client reçoit sa réponse aussitôt</translation>
    </message>
    <message>
        <source>The clients being served now, and the thread that speaks to each. Double-click a client to watch its conversation byte by byte.</source>
        <translation>Les clients servis en ce moment, et le thread qui parle à chacun. Double-cliquez sur un client pour observer sa conversation octet par octet.</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Mode&#xa0;:</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>Clients&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln connected</source>
        <translation>
            <numerusform>%Ln connecté</numerusform>
            <numerusform>%Ln connectés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EchoPanel</name>
    <message>
        <source>The echo server&apos;s address</source>
        <translation>L&apos;adresse du serveur d&apos;écho</translation>
    </message>
    <message>
        <source>The echo server&apos;s port (49631 in the exercise)</source>
        <translation>Le port du serveur d&apos;écho (49631 dans l&apos;exercice)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Connect to the echo server, or leave it</source>
        <translation>Se connecter au serveur d&apos;écho, ou le quitter</translation>
    </message>
    <message>
        <source>type a line and press Enter; quit leaves</source>
        <translation>tapez une ligne puis Entrée&#xa0;; quit pour partir</translation>
    </message>
    <message>
        <source>→ what you sent, ← what the server answered</source>
        <translation>→ ce que vous avez envoyé, ← ce que le serveur a répondu</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Connecting to {0}…</source>
        <translation>Connexion à {0}…</translation>
    </message>
    <message>
        <source>Connected to {0}: type a line, or quit to leave.</source>
        <translation>Connecté à {0}&#xa0;: tapez une ligne, ou quit pour partir.</translation>
    </message>
    <message>
        <source>Connected: type a line, or quit to leave.</source>
        <translation>Connecté&#xa0;: tapez une ligne, ou quit pour partir.</translation>
    </message>
    <message>
        <source>No echo yet: a mono-task echo server answers one client at a time and is busy with another. Your lines will be answered when it is free; type on, or disconnect.</source>
        <translation>Pas encore d&apos;écho&#xa0;: un serveur d&apos;écho mono-tâche répond à un client à la fois et il est occupé avec un autre. Vos lignes auront leur réponse dès qu&apos;il sera libre&#xa0;; continuez à taper, ou déconnectez-vous.</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <source>— disconnected —</source>
        <translation>— déconnecté —</translation>
    </message>
</context>
<context>
    <name>EmptyHint</name>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation>Copier la commande dans le presse-papiers</translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Alertes et erreurs</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Erreurs seulement</translation>
    </message>
    <message>
        <source>Which events to show</source>
        <translation>Quels événements afficher</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Tout copier</translation>
    </message>
    <message>
        <source>Copy the events shown to the clipboard</source>
        <translation>Copier les événements affichés dans le presse-papiers</translation>
    </message>
    <message>
        <source>Server events appear here: clients, rejected messages, errors.</source>
        <translation>Les événements du serveur s&apos;affichent ici&#xa0;: clients, messages refusés, erreurs.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export readings as CSV</source>
        <translation>Exporter les mesures en CSV</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Everything stored</source>
        <translation>Tout ce qui est enregistré</translation>
    </message>
    <message>
        <source>What the chart shows now</source>
        <translation>Ce que montre le graphique</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Standard CSV (RFC 4180)</source>
        <translation>CSV standard (RFC 4180)</translation>
    </message>
    <message>
        <source>Excel (French): semicolons, decimal comma</source>
        <translation>Excel (français)&#xa0;: points-virgules, virgule décimale</translation>
    </message>
    <message>
        <source>Standard: commas and decimal points, for scripts and most programs. Excel (French): what a spreadsheet set to French opens as numbers and dates, with the local time beside the UTC one.</source>
        <translation>Standard&#xa0;: virgules et points décimaux, pour les scripts et la plupart des programmes. Excel (français)&#xa0;: ce qu&apos;un tableur réglé en français ouvre en nombres et en dates, avec l&apos;heure locale à côté de l&apos;heure UTC.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Sensors:</source>
        <translation>Capteurs&#xa0;:</translation>
    </message>
    <message>
        <source>Time range:</source>
        <translation>Période&#xa0;:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Enregistrer dans&#xa0;:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Tick at least one sensor to export.</source>
        <translation>Cochez au moins un capteur à exporter.</translation>
    </message>
    <message>
        <source>{0} is the database being exported (or its journal): choose another file.</source>
        <translation>{0} est la base exportée (ou son journal)&#xa0;: choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>{0} is a folder: add the name of the file to write.</source>
        <translation>{0} est un dossier&#xa0;: ajoutez le nom du fichier à écrire.</translation>
    </message>
    <message>
        <source>{0} already exists in {1}. Replace it?</source>
        <translation>{0} existe déjà dans {1}. Le remplacer&#xa0;?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>Exporting readings to {0}…</source>
        <translation>Export des mesures vers {0}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
</context>
<context>
    <name>FaultsBox</name>
    <message>
        <source>Faults to inject</source>
        <translation>Défauts à injecter</translation>
    </message>
    <message>
        <source>Make this sensor misbehave on purpose, to see what the server does with it</source>
        <translation>Faire dérailler ce capteur exprès, pour voir ce qu&apos;en fait le serveur</translation>
    </message>
    <message>
        <source>off</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Readings sent broken: invalid JSON, no temperature, or below absolute zero; the server refuses each</source>
        <translation>Mesures envoyées cassées&#xa0;: JSON invalide, sans température ou sous le zéro absolu&#xa0;; le serveur refuse chacune</translation>
    </message>
    <message>
        <source>Readings sent a second time at once: the server should store each once</source>
        <translation>Mesures envoyées une seconde fois aussitôt&#xa0;: le serveur ne doit garder chacune qu&apos;une fois</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds added to every timestamp: a sensor whose clock is wrong</source>
        <translation>Secondes ajoutées à chaque horodatage&#xa0;: un capteur dont l&apos;horloge se trompe</translation>
    </message>
    <message>
        <source> B per send</source>
        <translation> o par envoi</translation>
    </message>
    <message>
        <source>Write at most this many bytes per send(): 1 sends a byte at a time</source>
        <translation>Écrire au plus ce nombre d&apos;octets par send()&#xa0;: 1 envoie un octet à la fois</translation>
    </message>
    <message>
        <source> readings</source>
        <translation> mesures</translation>
    </message>
    <message>
        <source>every </source>
        <translation>toutes les </translation>
    </message>
    <message>
        <source>Readings measured all at once, on top of the usual rate</source>
        <translation>Mesures prises d&apos;un coup, en plus du rythme habituel</translation>
    </message>
    <message>
        <source>about every </source>
        <translation>environ toutes les </translation>
    </message>
    <message>
        <source>Cut the connection in the middle of a message, at random around this interval (at least {0} s)</source>
        <translation>Couper la connexion au milieu d&apos;un message, au hasard autour de cet intervalle (au moins {0} s)</translation>
    </message>
    <message>
        <source>new each run</source>
        <translation>nouvelle à chaque essai</translation>
    </message>
    <message>
        <source>The same seed makes the same faults at the same readings, run after run</source>
        <translation>La même graine donne les mêmes défauts aux mêmes mesures, d&apos;un essai à l&apos;autre</translation>
    </message>
    <message>
        <source>Malformed:</source>
        <translation>Mal formées&#xa0;:</translation>
    </message>
    <message>
        <source>Sent twice:</source>
        <translation>En double&#xa0;:</translation>
    </message>
    <message>
        <source>Clock offset:</source>
        <translation>Décalage d&apos;horloge&#xa0;:</translation>
    </message>
    <message>
        <source>Split sends:</source>
        <translation>Envois découpés&#xa0;:</translation>
    </message>
    <message>
        <source>Bursts:</source>
        <translation>Rafales&#xa0;:</translation>
    </message>
    <message>
        <source>Disconnect:</source>
        <translation>Déconnexion&#xa0;:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Graine&#xa0;:</translation>
    </message>
    <message>
        <source>What it made is counted in the Faults column; the server window shows how it reacted.</source>
        <translation>Ce qu&apos;il a fait est compté dans la colonne Défauts&#xa0;; la fenêtre du serveur montre comment il a réagi.</translation>
    </message>
    <message>
        <source> %</source>
        <translation>&#xa0;%</translation>
    </message>
</context>
<context>
    <name>FleetDelegate</name>
    <message>
        <source>every </source>
        <translation>toutes les </translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>toutes les minutes</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> /s</translation>
    </message>
</context>
<context>
    <name>FleetSession</name>
    <message>
        <source>There is already a sensor named {0}: choose another name.</source>
        <translation>Il existe déjà un capteur nommé {0}&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message numerus="yes">
        <source>{0} reports the temperature in {1} every %n min.</source>
        <translation>
            <numerusform>{0} envoie la température de {1} toutes les minutes.</numerusform>
            <numerusform>{0} envoie la température de {1} toutes les %n min.</numerusform>
        </translation>
    </message>
    <message>
        <source>Target: none (the server is not listening)</source>
        <translation>Cible&#xa0;: aucune (le serveur n&apos;écoute pas)</translation>
    </message>
</context>
<context>
    <name>LabApp</name>
    <message>
        <source>The server window is not listening yet: start the sensors once it is.</source>
        <translation>La fenêtre du serveur n&apos;écoute pas encore&#xa0;: démarrez les capteurs une fois qu&apos;elle écoute.</translation>
    </message>
    <message>
        <source>The server window is not listening ({0}): start the sensors once it is.</source>
        <translation>La fenêtre du serveur n&apos;écoute pas ({0})&#xa0;: démarrez les capteurs une fois qu&apos;elle écoute.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Thermolab will speak the chosen language from its next start: close it and open it again.</source>
        <translation>La langue choisie s&apos;appliquera au prochain démarrage de Thermolab&#xa0;: fermez-le puis rouvrez-le.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>The language of the windows, from their next start</source>
        <translation>La langue des fenêtres, dès leur prochain démarrage</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
</context>
<context>
    <name>LiveChart</name>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Heure locale</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>10 min</source>
        <translation>10 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>How much time the chart shows</source>
        <translation>La durée que montre le graphique</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Suivre</translation>
    </message>
    <message>
        <source>Scroll with new readings (stops when you zoom or pan)</source>
        <translation>Faire défiler avec les nouvelles mesures (s&apos;arrête dès que vous zoomez ou déplacez la vue)</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Durée&#xa0;:</translation>
    </message>
    <message>
        <source>No readings yet</source>
        <translation>Aucune mesure pour l&apos;instant</translation>
    </message>
    <message>
        <source>Sensors send JSON over TCP. To send a first reading, run:</source>
        <translation>Les capteurs envoient du JSON sur TCP. Pour envoyer une première mesure, lancez&#xa0;:</translation>
    </message>
    <message>
        <source>high {0} °C</source>
        <translation>haut {0} °C</translation>
    </message>
    <message>
        <source>low {0} °C</source>
        <translation>bas {0} °C</translation>
    </message>
    <message>
        <source>&amp;Copy image</source>
        <translation>&amp;Copier l&apos;image</translation>
    </message>
    <message>
        <source>Copy the chart to the clipboard as an image</source>
        <translation>Copier le graphique dans le presse-papiers, en image</translation>
    </message>
    <message>
        <source>&amp;Export image…</source>
        <translation>&amp;Exporter l&apos;image…</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Réinitialiser le zoom</translation>
    </message>
    <message>
        <source>&amp;Show all sensors</source>
        <translation>&amp;Afficher tous les capteurs</translation>
    </message>
    <message>
        <source>Clear c&amp;hart</source>
        <translation>E&amp;ffacer le graphique</translation>
    </message>
    <message>
        <source>Hide what is drawn; stored readings stay, and show again with the next time window</source>
        <translation>Masquer ce qui est tracé&#xa0;; les mesures enregistrées restent, et reviennent au prochain choix de fenêtre</translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation>&amp;Légende</translation>
    </message>
    <message>
        <source>In the plot</source>
        <translation>Dans le graphique</translation>
    </message>
    <message>
        <source>Right of the plot</source>
        <translation>À droite du graphique</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Masquée</translation>
    </message>
</context>
<context>
    <name>ManualPanel</name>
    <message>
        <source>Pick a sensor of the table or type a new capteur_id</source>
        <translation>Choisissez un capteur du tableau ou tapez un nouveau capteur_id</translation>
    </message>
    <message>
        <source>A number; the server refuses what is below absolute zero</source>
        <translation>Un nombre&#xa0;; le serveur refuse ce qui est sous le zéro absolu</translation>
    </message>
    <message>
        <source>The server stores every reading in °C</source>
        <translation>Le serveur enregistre chaque mesure en °C</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send this reading now and show the server&apos;s answer (Enter)</source>
        <translation>Envoyer ce relevé maintenant et afficher la réponse du serveur (Entrée)</translation>
    </message>
    <message>
        <source>Readings sent by hand and the server&apos;s answers, newest first</source>
        <translation>Relevés envoyés à la main et réponses du serveur, les plus récents en haut</translation>
    </message>
    <message>
        <source>Sensor:</source>
        <translation>Capteur&#xa0;:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Température&#xa0;:</translation>
    </message>
    <message>
        <source>Type a sensor id, such as capteur_1.</source>
        <translation>Tapez un identifiant de capteur, par exemple capteur_1.</translation>
    </message>
    <message>
        <source>Type the temperature as a number, such as 23.5.</source>
        <translation>Tapez la température en nombre, par exemple 23,5.</translation>
    </message>
    <message>
        <source>{0}  →  sending…</source>
        <translation>{0}  →  envoi…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
</context>
<context>
    <name>ModelLabels</name>
    <message>
        <source>Value (°C)</source>
        <translation>Valeur (°C)</translation>
    </message>
    <message>
        <source>Start (°C)</source>
        <translation>Départ (°C)</translation>
    </message>
    <message>
        <source>Step (°C)</source>
        <translation>Pas (°C)</translation>
    </message>
    <message>
        <source>Lowest (°C)</source>
        <translation>Minimum (°C)</translation>
    </message>
    <message>
        <source>Highest (°C)</source>
        <translation>Maximum (°C)</translation>
    </message>
    <message>
        <source>Mean (°C)</source>
        <translation>Moyenne (°C)</translation>
    </message>
    <message>
        <source>Amplitude (°C)</source>
        <translation>Amplitude (°C)</translation>
    </message>
    <message>
        <source>Period (s)</source>
        <translation>Période (s)</translation>
    </message>
    <message>
        <source>Warmest at (s)</source>
        <translation>Maximum à (s)</translation>
    </message>
    <message>
        <source>End (°C)</source>
        <translation>Arrivée (°C)</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>Durée (s)</translation>
    </message>
    <message>
        <source>Noise (°C)</source>
        <translation>Bruit (°C)</translation>
    </message>
    <message>
        <source>Share of spikes</source>
        <translation>Proportion de pics</translation>
    </message>
    <message>
        <source>Spike size (°C)</source>
        <translation>Taille des pics (°C)</translation>
    </message>
</context>
<context>
    <name>MqttSettings</name>
    <message>
        <source>none: no broker (mqtt://127.0.0.1:1883)</source>
        <translation>aucun&#xa0;: pas de broker (mqtt://127.0.0.1:1883)</translation>
    </message>
    <message>
        <source>mqtt://[USER@]HOST[:PORT], or mqtts:// for TLS; empty to subscribe to no broker</source>
        <translation>mqtt://[UTILISATEUR@]HÔTE[:PORT], ou mqtts:// pour TLS&#xa0;; vide pour ne s&apos;abonner à aucun broker</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Kept in the system&apos;s keyring (or a file only you can read), never in the settings file</source>
        <translation>Conservé dans le trousseau du système (ou un fichier que vous seul pouvez lire), jamais dans le fichier des paramètres</translation>
    </message>
    <message>
        <source>the system&apos;s certificates</source>
        <translation>les certificats du système</translation>
    </message>
    <message>
        <source>For mqtts://: the CA certificate that signed the broker&apos;s</source>
        <translation>Pour mqtts://&#xa0;: le certificat de l&apos;autorité qui a signé celui du broker</translation>
    </message>
    <message>
        <source>automatic, the same at every start</source>
        <translation>automatique, le même à chaque démarrage</translation>
    </message>
    <message>
        <source>The name of this collector&apos;s session on the broker: each collector needs its own</source>
        <translation>Le nom de la session de ce collecteur sur le broker&#xa0;: chaque collecteur a besoin du sien</translation>
    </message>
    <message>
        <source>none: this collector takes every message</source>
        <translation>aucun&#xa0;: ce collecteur prend tous les messages</translation>
    </message>
    <message>
        <source>Collectors of one group share the messages: the broker gives each to one of them</source>
        <translation>Les collecteurs d&apos;un même groupe se partagent les messages&#xa0;: le broker donne chacun à l&apos;un d&apos;eux</translation>
    </message>
    <message>
        <source>One per line: FILTER SENSOR VALUE [UNIT]
SENSOR: topic:N (the topic&apos;s level N) or json:FIELD
VALUE: thermolab, number (the whole payload) or json:PATH
UNIT: C, F, K or json:FIELD</source>
        <translation>Une par ligne&#xa0;: FILTRE CAPTEUR VALEUR [UNITÉ]
CAPTEUR&#xa0;: topic:N (le niveau N du topic) ou json:CHAMP
VALEUR&#xa0;: thermolab, number (tout le contenu) ou json:CHEMIN
UNITÉ&#xa0;: C, F, K ou json:CHAMP</translation>
    </message>
    <message>
        <source>Add a ready-made mapping…</source>
        <translation>Ajouter une correspondance prête à l&apos;emploi…</translation>
    </message>
    <message>
        <source>Broker URL:</source>
        <translation>URL du broker&#xa0;:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Fichier de CA&#xa0;:</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Identifiant client&#xa0;:</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Groupe&#xa0;:</translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation>Topics&#xa0;:</translation>
    </message>
</context>
<context>
    <name>OpenDatabaseDialog</name>
    <message>
        <source>A PostgreSQL URL starts with postgresql://, as in postgresql://user@host/dbname.</source>
        <translation>Une URL PostgreSQL commence par postgresql://, comme postgresql://utilisateur@hôte/base.</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
    <message>
        <source>Choose a SQLite file…</source>
        <translation>Choisir un fichier SQLite…</translation>
    </message>
    <message>
        <source>A PostgreSQL URL, or postgresql:///?service=NAME; the password from PGPASSWORD or ~/.pgpass</source>
        <translation>Une URL PostgreSQL, ou postgresql:///?service=NOM&#xa0;; le mot de passe vient de PGPASSWORD ou de ~/.pgpass</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Or PostgreSQL URL:</source>
        <translation>Ou URL PostgreSQL&#xa0;:</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bases SQLite (*.db *.sqlite);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>PortTakenBox</name>
    <message>
        <source>Thermolab server</source>
        <translation>Serveur Thermolab</translation>
    </message>
    <message>
        <source>The server is not listening: {0}.</source>
        <translation>Le serveur n&apos;écoute pas&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>Listen on a free port instead, or choose the port in Settings.</source>
        <translation>Écoutez plutôt sur un port libre, ou choisissez le port dans les Paramètres.</translation>
    </message>
    <message>
        <source>Use a free port</source>
        <translation>Utiliser un port libre</translation>
    </message>
    <message>
        <source>Open Settings…</source>
        <translation>Ouvrir les paramètres…</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ReadyBanner</name>
    <message>
        <source>Start all</source>
        <translation>Tout démarrer</translation>
    </message>
    <message>
        <source>Start every sensor of the table (Ctrl+Shift+R)</source>
        <translation>Démarrer tous les capteurs du tableau (Ctrl+Maj+R)</translation>
    </message>
    <message numerus="yes">
        <source>%n sensor(s) ready: start them to send readings to {0}.</source>
        <translation>
            <numerusform>%n capteur prêt&#xa0;: démarrez-le pour envoyer des mesures à {0}.</numerusform>
            <numerusform>%n capteurs prêts&#xa0;: démarrez-les pour envoyer des mesures à {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SensorDialog</name>
    <message>
        <source>Change {0}</source>
        <translation>Modifier {0}</translation>
    </message>
    <message>
        <source>Add sensors</source>
        <translation>Ajouter des capteurs</translation>
    </message>
    <message>
        <source>constant: always the same value</source>
        <translation>constant&#xa0;: toujours la même valeur</translation>
    </message>
    <message>
        <source>walk: a random walk between two bounds</source>
        <translation>walk&#xa0;: une marche aléatoire entre deux bornes</translation>
    </message>
    <message>
        <source>sine: a cycle, a day long by default</source>
        <translation>sine&#xa0;: un cycle, d&apos;une journée par défaut</translation>
    </message>
    <message>
        <source>ramp: from one value to another, again and again</source>
        <translation>ramp&#xa0;: d&apos;une valeur à une autre, encore et encore</translation>
    </message>
    <message>
        <source>manual: the value typed in Manual reading</source>
        <translation>manual&#xa0;: la valeur tapée dans Relevé manuel</translation>
    </message>
    <message>
        <source>Several sensors are numbered: capteur_1 … capteur_50</source>
        <translation>Plusieurs capteurs sont numérotés&#xa0;: capteur_1 … capteur_50</translation>
    </message>
    <message>
        <source>The capteur_id the server stores: 1 to 64 characters</source>
        <translation>Le capteur_id que le serveur enregistre&#xa0;: de 1 à 64 caractères</translation>
    </message>
    <message>
        <source>What the sensor measures</source>
        <translation>Ce que mesure le capteur</translation>
    </message>
    <message>
        <source> readings/s</source>
        <translation> mesures/s</translation>
    </message>
    <message>
        <source>Readings per second, each sensor; it can be changed while it runs</source>
        <translation>Mesures par seconde, pour chaque capteur&#xa0;; modifiable pendant qu&apos;il tourne</translation>
    </message>
    <message>
        <source>Start at once</source>
        <translation>Démarrer aussitôt</translation>
    </message>
    <message>
        <source>How many:</source>
        <translation>Nombre&#xa0;:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Measures:</source>
        <translation>Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rythme&#xa0;:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>There is already a sensor named {0}: choose another name.</source>
        <translation>Il existe déjà un capteur nommé {0}&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Every model takes it</source>
        <translation>Commun à tous les modèles</translation>
    </message>
    <message>
        <source>Parameter of the {0} model</source>
        <translation>Paramètre du modèle {0}</translation>
    </message>
    <message>
        <source>Name prefix:</source>
        <translation>Préfixe du nom&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n sensor(s): {0} … {1}</source>
        <translation>
            <numerusform>%n capteur&#xa0;: {0} … {1}</numerusform>
            <numerusform>%n capteurs&#xa0;: {0} … {1}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SensorFleetModel</name>
    <message>
        <source>Sensor</source>
        <translation>Capteur</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rythme</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyées</translation>
    </message>
    <message>
        <source>Acked</source>
        <translation>Confirmées</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Perdues</translation>
    </message>
    <message>
        <source>Last °C</source>
        <translation>Valeur °C</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>Défauts</translation>
    </message>
    <message>
        <source>capteur_id, as the server stores it</source>
        <translation>capteur_id, tel que le serveur l&apos;enregistre</translation>
    </message>
    <message>
        <source>The value model and its parameters</source>
        <translation>Le modèle de valeurs et ses paramètres</translation>
    </message>
    <message>
        <source>Readings per second; double-click to change it, even while it runs</source>
        <translation>Mesures par seconde&#xa0;; double-cliquez pour modifier ce rythme, même en marche</translation>
    </message>
    <message>
        <source>connecting, sending, backing off (waiting to retry), paused or stopped</source>
        <translation>connexion, envoi, attente avant un nouvel essai, suspendu ou arrêté</translation>
    </message>
    <message>
        <source>Readings written to the connection, resends included</source>
        <translation>Mesures écrites sur la connexion, renvois compris</translation>
    </message>
    <message>
        <source>Readings the server confirmed it stored</source>
        <translation>Mesures dont le serveur a confirmé l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Readings measured and not acknowledged yet</source>
        <translation>Mesures prises et pas encore confirmées</translation>
    </message>
    <message>
        <source>Readings pushed out of a full buffer before the server acknowledged them</source>
        <translation>Mesures chassées d&apos;un tampon plein avant que le serveur les confirme</translation>
    </message>
    <message>
        <source>The last value measured</source>
        <translation>La dernière valeur mesurée</translation>
    </message>
    <message>
        <source>Faults made on purpose (double-click a sensor to choose them); hover a cell for each kind</source>
        <translation>Défauts faits exprès (double-cliquez sur un capteur pour les choisir)&#xa0;; survolez une case pour le détail</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>envoi</translation>
    </message>
    <message>
        <source>backing off</source>
        <translation>nouvel essai</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>suspendu</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>OpenWeatherMap: {0}</source>
        <translation>OpenWeatherMap&#xa0;: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln fault(s)</source>
        <translation>
            <numerusform>%Ln défaut</numerusform>
            <numerusform>%Ln défauts</numerusform>
        </translation>
    </message>
    <message>
        <source>Clock offset: {0} s</source>
        <translation>Décalage d&apos;horloge&#xa0;: {0} s</translation>
    </message>
    <message numerus="yes">
        <source>%Ln piece(s)</source>
        <translation>
            <numerusform>%Ln morceau</numerusform>
            <numerusform>%Ln morceaux</numerusform>
        </translation>
    </message>
    <message>
        <source>clock {0} s</source>
        <translation>horloge {0} s</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun encore</translation>
    </message>
    <message>
        <source>Invalid JSON: {0}</source>
        <translation>JSON invalide&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Temperature missing: {0}</source>
        <translation>Sans température&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Below absolute zero: {0}</source>
        <translation>Sous le zéro absolu&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Sent twice: {0}</source>
        <translation>En double&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Pieces sent one by one: {0}</source>
        <translation>Morceaux envoyés un à un&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Bursts: {0}</source>
        <translation>Rafales&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Connections cut: {0}</source>
        <translation>Connexions coupées&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>SensorTable</name>
    <message>
        <source>Alarm rules for {0}…</source>
        <translation>Règles d&apos;alarme de {0}…</translation>
    </message>
</context>
<context>
    <name>SensorTableModel</name>
    <message>
        <source>Sensor</source>
        <translation>Capteur</translation>
    </message>
    <message>
        <source>Last °C</source>
        <translation>Valeur °C</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Mesurée</translation>
    </message>
    <message>
        <source>Min °C</source>
        <translation>Min °C</translation>
    </message>
    <message>
        <source>Max °C</source>
        <translation>Max °C</translation>
    </message>
    <message>
        <source>Mean °C</source>
        <translation>Moy. °C</translation>
    </message>
    <message>
        <source>Readings/s</source>
        <translation>Mesures/s</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Gigue</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusées</translation>
    </message>
    <message>
        <source>Untick a sensor to hide its curve on the chart</source>
        <translation>Décochez un capteur pour masquer sa courbe sur le graphique</translation>
    </message>
    <message>
        <source>The alarms raised now for this sensor; right-click a sensor for its alarm rules</source>
        <translation>Les alarmes déclenchées en ce moment pour ce capteur&#xa0;; clic droit sur un capteur pour ses règles d&apos;alarme</translation>
    </message>
    <message>
        <source>How long ago the newest reading was taken, by its timestamp (by its reception when the chart plots by reception): a sensor whose clock is behind seems older by as much</source>
        <translation>Il y a combien de temps la dernière mesure a été prise, d&apos;après son horodatage (d&apos;après sa réception quand le graphique trace à l&apos;heure de réception)&#xa0;: un capteur dont l&apos;horloge retarde semble muet depuis d&apos;autant plus longtemps</translation>
    </message>
    <message>
        <source>Readings received per second over the last few seconds</source>
        <translation>Mesures reçues par seconde sur les dernières secondes</translation>
    </message>
    <message>
        <source>Reception time minus the reading&apos;s timestamp, over about the last 16 readings: network delay plus the gap between the sensor&apos;s clock and the server&apos;s. Blank when the sensor sends no timestamp</source>
        <translation>Heure de réception moins l&apos;horodatage de la mesure, sur les 16 dernières mesures environ&#xa0;: le délai du réseau plus l&apos;écart entre l&apos;horloge du capteur et celle du serveur. Vide quand le capteur n&apos;envoie pas d&apos;horodatage</translation>
    </message>
    <message>
        <source>How much the delay varies: the mean difference between the delays of successive readings</source>
        <translation>Combien le délai varie&#xa0;: l&apos;écart moyen entre les délais de mesures successives</translation>
    </message>
    <message>
        <source>Messages from this sensor that the server refused since it started (one naming no sensor counts as the sensor of the reading before it on its connection); hover a count for the reasons</source>
        <translation>Messages de ce capteur refusés par le serveur depuis son démarrage (un message qui ne nomme aucun capteur compte pour celui de la mesure qui le précède sur sa connexion)&#xa0;; survolez un nombre pour les raisons</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>Readings ({0})</source>
        <translation>Mesures ({0})</translation>
    </message>
    <message>
        <source>Readings of this sensor timed in the chart&apos;s window ({0}), as received: a reading sent again is counted again here and stored once, and the count read back from storage replaces this one when the window changes</source>
        <translation>Mesures de ce capteur datées dans la fenêtre du graphique ({0}), telles que reçues&#xa0;: une mesure renvoyée est comptée de nouveau ici mais enregistrée une fois, et le compte relu dans la base remplace celui-ci quand la fenêtre change</translation>
    </message>
    <message>
        <source>Lowest reading in the chart&apos;s window ({0})</source>
        <translation>Mesure la plus basse dans la fenêtre du graphique ({0})</translation>
    </message>
    <message>
        <source>Highest reading in the chart&apos;s window ({0})</source>
        <translation>Mesure la plus haute dans la fenêtre du graphique ({0})</translation>
    </message>
    <message>
        <source>Mean of the readings in the chart&apos;s window ({0})</source>
        <translation>Moyenne des mesures dans la fenêtre du graphique ({0})</translation>
    </message>
    <message>
        <source>last 1 min</source>
        <translation>dernière minute</translation>
    </message>
    <message>
        <source>last 10 min</source>
        <translation>10 dernières min</translation>
    </message>
    <message>
        <source>last 1 h</source>
        <translation>dernière heure</translation>
    </message>
    <message>
        <source>last 24 h</source>
        <translation>dernières 24 h</translation>
    </message>
    <message>
        <source>all stored</source>
        <translation>tout l&apos;historique</translation>
    </message>
    <message>
        <source>{0} ms</source>
        <translation>{0}&#xa0;ms</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0}&#xa0;s</translation>
    </message>
</context>
<context>
    <name>ServerApp</name>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>{0} has closed its connection meanwhile.</source>
        <translation>{0} a fermé sa connexion entre-temps.</translation>
    </message>
    <message>
        <source>Port {0} is in use by another program: this session listens on port {1} instead (Settings to choose the port).</source>
        <translation>Le port {0} est pris par un autre programme&#xa0;: cette session écoute sur le port {1} à la place (Paramètres pour choisir le port).</translation>
    </message>
    <message>
        <source>{0}. Nothing was saved: the server goes on as before.</source>
        <translation>{0}. Rien n&apos;a été enregistré&#xa0;: le serveur continue comme avant.</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>N&apos;écoute pas</translation>
    </message>
    <message>
        <source>The text file is already CSV lines: open it directly, or store into SQLite to export.</source>
        <translation>Le fichier texte est déjà au format CSV&#xa0;: ouvrez-le directement, ou enregistrez les mesures dans SQLite pour pouvoir les exporter.</translation>
    </message>
    <message>
        <source>Could not save {0} ({1}): choose another place.</source>
        <translation>Impossible d&apos;enregistrer {0} ({1})&#xa0;: choisissez un autre emplacement.</translation>
    </message>
</context>
<context>
    <name>ServerWindow</name>
    <message>
        <source>Thermolab server</source>
        <translation>Serveur Thermolab</translation>
    </message>
    <message>
        <source>Sensors</source>
        <translation>Capteurs</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Journal des événements</translation>
    </message>
    <message>
        <source>Listening on {0}:{1}</source>
        <translation>À l&apos;écoute sur {0}:{1}</translation>
    </message>
    <message>
        <source>Readings are stored in {0}</source>
        <translation>Les mesures sont enregistrées dans {0}</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Clients: 0</source>
        <translation>Clients&#xa0;: 0</translation>
    </message>
    <message>
        <source>Clients: {0}</source>
        <translation>Clients&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Stored: {0}</source>
        <translation>Enregistrées&#xa0;: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln readings/s</source>
        <translation>
            <numerusform>%Ln mesure/s</numerusform>
            <numerusform>%Ln mesures/s</numerusform>
        </translation>
    </message>
    <message>
        <source>Readings port off</source>
        <translation>Port des mesures fermé</translation>
    </message>
    <message>
        <source>Stored: {0} ({1} since the start)</source>
        <translation>Enregistrées&#xa0;: {0} ({1} depuis le démarrage)</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>Show or hide the {0} panel</source>
        <translation>Afficher ou masquer le panneau {0}</translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation>&amp;Démarrer le serveur</translation>
    </message>
    <message>
        <source>Listen for sensors</source>
        <translation>Se mettre à l&apos;écoute des capteurs</translation>
    </message>
    <message>
        <source>S&amp;top server</source>
        <translation>A&amp;rrêter le serveur</translation>
    </message>
    <message>
        <source>Stop listening; everything received is kept</source>
        <translation>Cesser d&apos;écouter&#xa0;; tout ce qui a été reçu est gardé</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>Write stored readings to a CSV file</source>
        <translation>Écrire les mesures enregistrées dans un fichier CSV</translation>
    </message>
    <message>
        <source>Export chart &amp;image…</source>
        <translation>Exporter le &amp;graphique en image…</translation>
    </message>
    <message>
        <source>Save the chart as PNG or SVG</source>
        <translation>Enregistrer le graphique en PNG ou SVG</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Ouvrir une base de données…</translation>
    </message>
    <message>
        <source>Look at a database&apos;s history in a read-only window; live readings go on where they went</source>
        <translation>Consulter l&apos;historique d&apos;une base dans une fenêtre en lecture seule&#xa0;; les relevés en direct continuent d&apos;aller au même endroit</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Address, storage, token and limits</source>
        <translation>Adresse, stockage, jeton et limites</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Stop the server and close</source>
        <translation>Arrêter le serveur et fermer</translation>
    </message>
    <message>
        <source>&amp;Compare servers…</source>
        <translation>&amp;Comparer des serveurs…</translation>
    </message>
    <message>
        <source>Mono-task against multi-task echo, one commit per reading against one per batch, side by side</source>
        <translation>Écho mono-tâche contre multi-tâche, un commit par mesure contre un par lot, côte à côte</translation>
    </message>
    <message>
        <source>&amp;Follow new readings</source>
        <translation>&amp;Suivre les nouvelles mesures</translation>
    </message>
    <message>
        <source>Scroll with new readings</source>
        <translation>Faire défiler avec les nouvelles mesures</translation>
    </message>
    <message>
        <source>&amp;Grid lines</source>
        <translation>&amp;Quadrillage</translation>
    </message>
    <message>
        <source>Grid lines on the chart (they slow down a busy chart)</source>
        <translation>Quadrillage sur le graphique (il ralentit un graphique chargé)</translation>
    </message>
    <message>
        <source>Plot by &amp;reception time</source>
        <translation>Tracer à l&apos;heure de &amp;réception</translation>
    </message>
    <message>
        <source>Place each reading at the time the server received it rather than at its timestamp: a sensor&apos;s clock set wrong no longer shifts its curve</source>
        <translation>Placer chaque mesure à l&apos;heure où le serveur l&apos;a reçue plutôt qu&apos;à son horodatage&#xa0;: un capteur à l&apos;horloge mal réglée ne décale plus sa courbe</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <source>&amp;Watch the connection</source>
        <translation>&amp;Observer la connexion</translation>
    </message>
    <message>
        <source>See the chunks read, the messages cut from them and the replies of the connection selected</source>
        <translation>Voir les morceaux lus, les messages qui en sont découpés et les réponses de la connexion sélectionnée</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>How to send a reading</source>
        <translation>Comment envoyer une mesure</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Start server</source>
        <comment>toolbar</comment>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Stop server</source>
        <comment>toolbar</comment>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Settings</source>
        <comment>toolbar</comment>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <comment>toolbar</comment>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>Export chart image</source>
        <comment>toolbar</comment>
        <translation>Exporter l&apos;image</translation>
    </message>
    <message>
        <source>Stored: 0</source>
        <translation>Enregistrées&#xa0;: 0</translation>
    </message>
    <message>
        <source>Local time of reception</source>
        <translation>Heure locale de réception</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Heure locale</translation>
    </message>
    <message>
        <source>Select a connection in the Connections panel first.</source>
        <translation>Sélectionnez d&apos;abord une connexion dans le panneau Connexions.</translation>
    </message>
    <message>
        <source>Stop the server? Sensors cannot send readings until it starts again; everything received is kept.</source>
        <translation>Arrêter le serveur&#xa0;? Les capteurs ne pourront plus envoyer de mesures avant qu&apos;il redémarre&#xa0;; tout ce qui a été reçu est conservé.</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>Arrêter le serveur</translation>
    </message>
    <message>
        <source>Sensors connect over TCP and send one JSON object per line, for example:

{0}

From a terminal:
{1}</source>
        <translation>Les capteurs se connectent en TCP et envoient un objet JSON par ligne, par exemple&#xa0;:

{0}

Depuis un terminal&#xa0;:
{1}</translation>
    </message>
</context>
<context>
    <name>ServiceBox</name>
    <message>
        <source>any free port</source>
        <translation>un port libre</translation>
    </message>
    <message>
        <source>The TCP port to listen on; at 0 ({0}) the system chooses one</source>
        <translation>Le port TCP à écouter&#xa0;; à 0 ({0}) le système en choisit un</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Listen on this port</source>
        <translation>Écouter sur ce port</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop listening and disconnect every client</source>
        <translation>Cesser d&apos;écouter et déconnecter tous les clients</translation>
    </message>
    <message>
        <source>A line per request appears here once the server runs.</source>
        <translation>Une ligne par requête apparaît ici dès que le serveur tourne.</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port&#xa0;:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>Listening on {0}:{1}</source>
        <translation>À l&apos;écoute sur {0}:{1}</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <source>Stopped listening</source>
        <translation>Fin de l&apos;écoute</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
</context>
<context>
    <name>ServiceRequests</name>
    <message>
        <source>refused by the server: {0}</source>
        <translation>refusé par le serveur&#xa0;: {0}</translation>
    </message>
    <message>
        <source>acknowledged: the broker accepted it</source>
        <translation>confirmé&#xa0;: le broker l&apos;a accepté</translation>
    </message>
    <message>
        <source>acknowledged: the server stored it</source>
        <translation>confirmé&#xa0;: le serveur l&apos;a enregistré</translation>
    </message>
    <message>
        <source>; {0} reports this value from now on</source>
        <translation>&#xa0;; {0} envoie désormais cette valeur</translation>
    </message>
</context>
<context>
    <name>ServicesPanel</name>
    <message>
        <source>Compare servers…</source>
        <translation>Comparer des serveurs…</translation>
    </message>
    <message>
        <source>Mono-task against multi-task echo, one commit per reading against one per batch, side by side</source>
        <translation>Écho mono-tâche contre multi-tâche, un commit par mesure contre un par lot, côte à côte</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Server settings</source>
        <translation>Paramètres du serveur</translation>
    </message>
    <message>
        <source>127.0.0.1 accepts this machine only; 0.0.0.0 accepts the whole network</source>
        <translation>127.0.0.1 n&apos;accepte que cette machine&#xa0;; 0.0.0.0 accepte tout le réseau</translation>
    </message>
    <message>
        <source>TCP port the sensors connect to (0 picks a free one)</source>
        <translation>Port TCP où se connectent les capteurs (0 en prend un libre)</translation>
    </message>
    <message>
        <source>SQLite database</source>
        <translation>Base SQLite</translation>
    </message>
    <message>
        <source>Text file (donnees.txt)</source>
        <translation>Fichier texte (donnees.txt)</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>Serveur PostgreSQL</translation>
    </message>
    <message>
        <source>Leave empty for the default file in your data folder</source>
        <translation>Laissez vide pour le fichier par défaut de votre dossier de données</translation>
    </message>
    <message>
        <source>A PostgreSQL URL, or postgresql:///?service=NAME. Keep the password in PGPASSWORD or ~/.pgpass; one typed here is kept in the system keyring.</source>
        <translation>Une URL PostgreSQL, ou postgresql:///?service=NOM. Gardez le mot de passe dans PGPASSWORD ou ~/.pgpass&#xa0;; celui tapé ici est gardé dans le trousseau du système.</translation>
    </message>
    <message>
        <source> days</source>
        <translation>&#xa0;jours</translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation>Tout garder</translation>
    </message>
    <message>
        <source>Readings older than this are deleted from the database, a little at a time; a text file keeps everything</source>
        <translation>Les mesures plus anciennes sont supprimées de la base, un peu à la fois&#xa0;; un fichier texte garde tout</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>none: any sensor may send</source>
        <translation>aucun&#xa0;: accès libre</translation>
    </message>
    <message>
        <source>When set, every connection must first send {&quot;auth&quot;: &quot;TOKEN&quot;}</source>
        <translation>S&apos;il est défini, chaque connexion doit d&apos;abord envoyer {&quot;auth&quot;: &quot;JETON&quot;}</translation>
    </message>
    <message>
        <source>A connection that sends nothing for this long is closed</source>
        <translation>Une connexion qui n&apos;envoie rien pendant ce temps est fermée</translation>
    </message>
    <message>
        <source>A connection whose message is not complete this long after its first byte is closed</source>
        <translation>Délai pour recevoir un message entier, compté depuis son premier octet&#xa0;; au-delà, la connexion est fermée</translation>
    </message>
    <message>
        <source>Receive readings on this port</source>
        <translation>Recevoir les mesures sur ce port</translation>
    </message>
    <message>
        <source>Off: readings come from the MQTT broker only</source>
        <translation>Décoché&#xa0;: les mesures ne viennent que du broker MQTT</translation>
    </message>
    <message>
        <source>Listen on address:</source>
        <translation>Adresse d&apos;écoute&#xa0;:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port&#xa0;:</translation>
    </message>
    <message>
        <source>Storage:</source>
        <translation>Stockage&#xa0;:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Database URL:</source>
        <translation>URL de la base&#xa0;:</translation>
    </message>
    <message>
        <source>Keep readings:</source>
        <translation>Garder les mesures&#xa0;:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Jeton&#xa0;:</translation>
    </message>
    <message>
        <source>Connections at once:</source>
        <translation>Connexions simultanées&#xa0;:</translation>
    </message>
    <message>
        <source>Idle timeout:</source>
        <translation>Délai d&apos;inactivité&#xa0;:</translation>
    </message>
    <message>
        <source>Message timeout:</source>
        <translation>Délai par message&#xa0;:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>MQTT</source>
        <translation>MQTT</translation>
    </message>
    <message>
        <source>Save and restart the server</source>
        <translation>Enregistrer et redémarrer le serveur</translation>
    </message>
    <message>
        <source>With the readings port off, give a broker URL: readings would come from nowhere.</source>
        <translation>Avec le port des mesures fermé, donnez l&apos;URL d&apos;un broker&#xa0;: les mesures ne viendraient de nulle part.</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bases SQLite (*.db *.sqlite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Store readings in</source>
        <translation>Enregistrer les mesures dans</translation>
    </message>
</context>
<context>
    <name>SimulatorWindow</name>
    <message>
        <source>Thermolab sensor simulator</source>
        <translation>Simulateur de capteurs Thermolab</translation>
    </message>
    <message>
        <source>No sensors yet</source>
        <translation>Aucun capteur pour l&apos;instant</translation>
    </message>
    <message>
        <source>Each sensor is a thread that measures and sends JSON readings over TCP.</source>
        <translation>Chaque capteur est un thread qui mesure et envoie ses mesures en JSON sur TCP.</translation>
    </message>
    <message>
        <source>Manual reading</source>
        <translation>Relevé manuel</translation>
    </message>
    <message>
        <source>Weather</source>
        <translation>Météo</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Horloge</translation>
    </message>
    <message>
        <source>Echo</source>
        <translation>Écho</translation>
    </message>
    <message>
        <source>Add sensors…</source>
        <translation>Ajouter des capteurs…</translation>
    </message>
    <message>
        <source>Choose how many, what they measure and how fast (Ctrl+N)</source>
        <translation>Choisissez combien, ce qu&apos;ils mesurent et à quel rythme (Ctrl+N)</translation>
    </message>
    <message>
        <source>Add the three demo sensors</source>
        <translation>Ajouter les trois capteurs de démonstration</translation>
    </message>
    <message>
        <source>capteur_1 to capteur_3: a random walk, a one-minute cycle, a ramp</source>
        <translation>capteur_1 à capteur_3&#xa0;: une marche aléatoire, un cycle d&apos;une minute, une rampe</translation>
    </message>
    <message>
        <source>Target: MQTT broker {0}</source>
        <translation>Cible&#xa0;: broker MQTT {0}</translation>
    </message>
    <message>
        <source>Target: {0}:{1}</source>
        <translation>Cible&#xa0;: {0}:{1}</translation>
    </message>
    <message>
        <source>Connected: {0} of {1}</source>
        <translation>Connectés&#xa0;: {0} sur {1}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln readings/s</source>
        <translation>
            <numerusform>%Ln mesure/s</numerusform>
            <numerusform>%Ln mesures/s</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent {0} · acked {1} · dropped {2}</source>
        <translation>Envoyées {0} · confirmées {1} · perdues {2}</translation>
    </message>
    <message>
        <source>{0} reports the real weather: only its pace can change (double-click its rate).</source>
        <translation>{0} envoie la température réelle de sa ville&#xa0;: seul son rythme peut changer (double-cliquez sur son rythme).</translation>
    </message>
    <message>
        <source>Show or hide the {0} panel</source>
        <translation>Afficher ou masquer le panneau {0}</translation>
    </message>
    <message>
        <source>&amp;Target server…</source>
        <translation>&amp;Serveur cible…</translation>
    </message>
    <message>
        <source>Where the sensors send their readings</source>
        <translation>Où les capteurs envoient leurs mesures</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Stop every sensor and close</source>
        <translation>Arrêter tous les capteurs et fermer</translation>
    </message>
    <message>
        <source>&amp;Add sensors…</source>
        <translation>&amp;Ajouter des capteurs…</translation>
    </message>
    <message>
        <source>Add one sensor, or many at once</source>
        <translation>Ajouter un capteur, ou plusieurs à la fois</translation>
    </message>
    <message>
        <source>Add the &amp;demo sensors</source>
        <translation>Ajouter les &amp;capteurs de démonstration</translation>
    </message>
    <message>
        <source>capteur_1 to capteur_3, ready to start</source>
        <translation>capteur_1 à capteur_3, prêts à démarrer</translation>
    </message>
    <message>
        <source>&amp;Change sensor…</source>
        <translation>&amp;Modifier le capteur…</translation>
    </message>
    <message>
        <source>Change what the selected sensor measures and its rate</source>
        <translation>Modifier ce que mesure le capteur choisi et son rythme</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>Start or resume the selected sensors</source>
        <translation>Démarrer ou reprendre les capteurs choisis</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>Sus&amp;pendre</translation>
    </message>
    <message>
        <source>Pause the selected sensors; their connection stays open</source>
        <translation>Suspendre les capteurs choisis&#xa0;; leur connexion reste ouverte</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>A&amp;rrêter</translation>
    </message>
    <message>
        <source>Stop the selected sensors&apos; threads</source>
        <translation>Arrêter les threads des capteurs choisis</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Stop and remove the selected sensors</source>
        <translation>Arrêter et supprimer les capteurs choisis</translation>
    </message>
    <message>
        <source>Start a&amp;ll</source>
        <translation>&amp;Tout démarrer</translation>
    </message>
    <message>
        <source>Start or resume every sensor</source>
        <translation>Démarrer ou reprendre tous les capteurs</translation>
    </message>
    <message>
        <source>Pause all</source>
        <translation>Tout suspendre</translation>
    </message>
    <message>
        <source>Pause every sensor</source>
        <translation>Suspendre tous les capteurs</translation>
    </message>
    <message>
        <source>Stop all</source>
        <translation>Tout arrêter</translation>
    </message>
    <message>
        <source>Stop every sensor&apos;s thread</source>
        <translation>Arrêter le thread de chaque capteur</translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation>Tout supprimer</translation>
    </message>
    <message>
        <source>Stop and remove every sensor</source>
        <translation>Arrêter et supprimer tous les capteurs</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Sensors</source>
        <translation>&amp;Capteurs</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>How the simulator works</source>
        <translation>Comment fonctionne le simulateur</translation>
    </message>
    <message>
        <source>Sensors</source>
        <translation>Capteurs</translation>
    </message>
    <message>
        <source>All sensors</source>
        <translation>Tous les capteurs</translation>
    </message>
    <message>
        <source>Add sensors</source>
        <comment>toolbar</comment>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Change sensor</source>
        <comment>toolbar</comment>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Start</source>
        <comment>toolbar</comment>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Pause</source>
        <comment>toolbar</comment>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Stop</source>
        <comment>toolbar</comment>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>toolbar</comment>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Start all</source>
        <comment>toolbar</comment>
        <translation>Tout démarrer</translation>
    </message>
    <message>
        <source>Pause all</source>
        <comment>toolbar</comment>
        <translation>Tout suspendre</translation>
    </message>
    <message>
        <source>Stop all</source>
        <comment>toolbar</comment>
        <translation>Tout arrêter</translation>
    </message>
    <message>
        <source>Target server</source>
        <comment>toolbar</comment>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Show or hide the {0} toolbar</source>
        <translation>Afficher ou masquer la barre d&apos;outils {0}</translation>
    </message>
    <message>
        <source>The readings server or the MQTT broker the sensors send to (File › Target server…)</source>
        <translation>Le serveur de mesures ou le broker MQTT auquel les capteurs envoient (Fichier › Serveur cible…)</translation>
    </message>
    <message>
        <source>Sensors with an open connection that are sending</source>
        <translation>Capteurs qui envoient, connexion ouverte</translation>
    </message>
    <message>
        <source>Readings sent per second, all sensors together</source>
        <translation>Mesures envoyées par seconde, tous capteurs confondus</translation>
    </message>
    <message>
        <source>Since the simulator started: readings sent, acknowledged by the server, dropped</source>
        <translation>Depuis le lancement du simulateur&#xa0;: mesures envoyées, confirmées par le serveur, perdues</translation>
    </message>
    <message numerus="yes">
        <source>Remove all %n sensor(s)? Their settings are lost; the readings the server stored stay.</source>
        <translation>
            <numerusform>Supprimer le capteur&#xa0;? Ses réglages seront perdus&#xa0;; les mesures enregistrées par le serveur restent.</numerusform>
            <numerusform>Supprimer les %n capteurs&#xa0;? Leurs réglages seront perdus&#xa0;; les mesures enregistrées par le serveur restent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Each sensor is a thread that measures on a schedule and sends JSON readings over one TCP connection, asking the server for an acknowledgement (an ack) of each.

Add sensors with Ctrl+N, select rows and start, pause or stop them; double-click a rate to change it while the sensor runs. Manual reading sends one temperature you type; Weather fetches a city&apos;s temperature from OpenWeatherMap and can report it as a sensor; Clock and Echo talk to the exercise&apos;s servers (python main.py clock-server, python main.py echo-server).</source>
        <translation>Chaque capteur est un thread qui mesure à intervalles réguliers et envoie ses mesures en JSON sur une connexion TCP, en demandant au serveur un accusé de réception (un ack) pour chacune.

Ajoutez des capteurs avec Ctrl+N, sélectionnez des lignes pour les démarrer, les suspendre ou les arrêter&#xa0;; double-cliquez sur un rythme pour le modifier pendant que le capteur tourne. Relevé manuel envoie une température que vous tapez&#xa0;; Météo va chercher la température d&apos;une ville chez OpenWeatherMap et peut l&apos;envoyer comme un capteur&#xa0;; Horloge et Écho dialoguent avec les serveurs de l&apos;exercice (python main.py clock-server, python main.py echo-server).</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Target server</source>
        <translation>Serveur cible</translation>
    </message>
    <message>
        <source>A Thermolab readings server (TCP)</source>
        <translation>Un serveur de mesures Thermolab (TCP)</translation>
    </message>
    <message>
        <source>Each sensor keeps one connection to the server and sends JSON lines</source>
        <translation>Chaque capteur garde une connexion au serveur et y envoie des lignes JSON</translation>
    </message>
    <message>
        <source>An MQTT broker</source>
        <translation>Un broker MQTT</translation>
    </message>
    <message>
        <source>Each reading is published to thermolab/&lt;capteur_id&gt; with QoS 1; the server subscribes to the broker</source>
        <translation>Chaque mesure est publiée sur thermolab/&lt;capteur_id&gt; en QoS 1&#xa0;; le serveur s&apos;abonne au broker</translation>
    </message>
    <message>
        <source>The readings server&apos;s address: 127.0.0.1 for this computer</source>
        <translation>L&apos;adresse du serveur de mesures&#xa0;: 127.0.0.1 pour cet ordinateur</translation>
    </message>
    <message>
        <source>The readings server&apos;s port ({0} unless it was changed)</source>
        <translation>Le port du serveur de mesures ({0} sauf s&apos;il a été changé)</translation>
    </message>
    <message>
        <source>none: the server requires no token</source>
        <translation>aucun&#xa0;: pas de jeton</translation>
    </message>
    <message>
        <source>The token the server was started with, when it requires one</source>
        <translation>Le jeton donné au lancement du serveur, s&apos;il en exige un</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port&#xa0;:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Jeton&#xa0;:</translation>
    </message>
    <message>
        <source>mqtt://HOST:PORT, or mqtts://HOST:PORT for TLS; write USER@ before the host if the broker asks for a user</source>
        <translation>mqtt://HÔTE:PORT, ou mqtts://HÔTE:PORT pour TLS&#xa0;; écrivez UTILISATEUR@ devant l&apos;hôte si le broker demande un utilisateur</translation>
    </message>
    <message>
        <source>none, or from THERMOLAB_MQTT_PASSWORD</source>
        <translation>aucun, ou celui de THERMOLAB_MQTT_PASSWORD</translation>
    </message>
    <message>
        <source>The password of the user named in the URL; kept with the other secrets</source>
        <translation>Le mot de passe de l&apos;utilisateur nommé dans l&apos;adresse&#xa0;; gardé avec les autres secrets</translation>
    </message>
    <message>
        <source>Broker URL:</source>
        <translation>Adresse du broker&#xa0;:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Send there</source>
        <translation>Y envoyer</translation>
    </message>
    <message>
        <source>Running sensors reconnect to it at once</source>
        <translation>Les capteurs en marche s&apos;y reconnectent aussitôt</translation>
    </message>
</context>
<context>
    <name>ThemeMenu</name>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>Light or dark windows, or as the desktop has them</source>
        <translation>Des fenêtres claires ou sombres, ou comme celles du bureau</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Celui du système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
</context>
<context>
    <name>WeatherPanel</name>
    <message>
        <source>your OpenWeatherMap API key</source>
        <translation>votre clé API OpenWeatherMap</translation>
    </message>
    <message>
        <source>Kept in the system keyring or a file only you can read, never shown; a free key comes from openweathermap.org</source>
        <translation>Gardée dans le trousseau du système ou dans un fichier que vous seul pouvez lire, jamais affichée&#xa0;; une clé gratuite s&apos;obtient sur openweathermap.org</translation>
    </message>
    <message>
        <source>Orsay, or Le Mans,FR</source>
        <translation>Orsay, ou Le Mans,FR</translation>
    </message>
    <message>
        <source>A city name, optionally followed by a comma and its country code</source>
        <translation>Un nom de ville, suivi au besoin d&apos;une virgule et du code du pays</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>Interroger</translation>
    </message>
    <message>
        <source>Ask OpenWeatherMap for the current weather (Enter)</source>
        <translation>Demander la météo actuelle à OpenWeatherMap (Entrée)</translation>
    </message>
    <message>
        <source>Type a city and press Fetch.</source>
        <translation>Tapez une ville puis cliquez sur Interroger.</translation>
    </message>
    <message>
        <source>every </source>
        <translation>toutes les </translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>toutes les minutes</translation>
    </message>
    <message>
        <source>OpenWeatherMap refreshes a city about every 10 minutes; asking more often only spends calls</source>
        <translation>OpenWeatherMap actualise une ville toutes les 10 minutes environ&#xa0;; demander plus souvent ne fait que consommer des appels</translation>
    </message>
    <message>
        <source>Add as sensor</source>
        <translation>Ajouter comme capteur</translation>
    </message>
    <message>
        <source>A sensor named after the city that reports its real temperature</source>
        <translation>Un capteur au nom de la ville, qui envoie sa vraie température</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Clé API&#xa0;:</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Ville&#xa0;:</translation>
    </message>
    <message>
        <source>Current weather</source>
        <translation>Météo actuelle</translation>
    </message>
    <message>
        <source>feels like {0} °C · humidity {1} % · {2}</source>
        <translation>ressenti {0} °C · humidité {1} % · {2}</translation>
    </message>
    <message>
        <source>observed {0}</source>
        <translation>observée le {0}</translation>
    </message>
    <message>
        <source>Add {0} as a sensor</source>
        <translation>Ajouter {0} comme capteur</translation>
    </message>
    <message>
        <source>Asking OpenWeatherMap…</source>
        <translation>Interrogation d&apos;OpenWeatherMap…</translation>
    </message>
</context>
<context>
    <name>WireModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Chunk</source>
        <translation>Morceau</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>chunk read</source>
        <translation>morceau lu</translation>
    </message>
    <message>
        <source>message: reading</source>
        <translation>message&#xa0;: mesure</translation>
    </message>
    <message>
        <source>message: token accepted</source>
        <translation>message&#xa0;: jeton accepté</translation>
    </message>
    <message>
        <source>message: rejected</source>
        <translation>message&#xa0;: refusé</translation>
    </message>
    <message>
        <source>message: connection ended</source>
        <translation>message&#xa0;: connexion terminée</translation>
    </message>
    <message>
        <source>reply sent</source>
        <translation>réponse envoyée</translation>
    </message>
    <message>
        <source>error sent</source>
        <translation>erreur envoyée</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>connexion fermée</translation>
    </message>
    <message>
        <source>This message began in chunk {0} and ended in chunk {1}: TCP cut it, the server put it back together.</source>
        <translation>Ce message a commencé dans le morceau {0} et fini dans le morceau {1}&#xa0;: TCP l&apos;a coupé, le serveur l&apos;a recollé.</translation>
    </message>
    <message numerus="yes">
        <source>{0} (across %n chunk(s))</source>
        <translation>
            <numerusform>{0} (sur %n morceau)</numerusform>
            <numerusform>{0} (sur %n morceaux)</numerusform>
        </translation>
    </message>
    <message>
        <source>end of stream</source>
        <translation>fin du flux</translation>
    </message>
    <message>
        <source>by the peer</source>
        <translation>par le client</translation>
    </message>
</context>
<context>
    <name>WireView</name>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Freeze the view to read it; what arrives meanwhile is shown on resuming</source>
        <translation>Figer la vue pour la lire&#xa0;; ce qui arrive entre-temps s&apos;affiche à la reprise</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Forget the events shown; recording goes on</source>
        <translation>Oublier les événements affichés&#xa0;; l&apos;enregistrement continue</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>Copier en texte</translation>
    </message>
    <message>
        <source>Copy every event shown to the clipboard, one line each</source>
        <translation>Copier tous les événements affichés dans le presse-papiers, une ligne chacun</translation>
    </message>
    <message>
        <source>Conversation with {0}</source>
        <translation>Conversation avec {0}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Paused: {0} events held (at most {1})</source>
        <translation>En pause&#xa0;: {0} événements en attente ({1} au plus)</translation>
    </message>
    <message>
        <source>The last {0} events are kept. Nothing is recorded once this window is closed.</source>
        <translation>Les {0} derniers événements sont gardés. Rien n&apos;est enregistré une fois cette fenêtre fermée.</translation>
    </message>
    <message numerus="yes">
        <source>{0} event(s) were not shown: the connection went faster than this window reads.</source>
        <translation>
            <numerusform>{0} événement n&apos;a pas été affiché&#xa0;: la connexion allait plus vite que cette fenêtre ne lit.</numerusform>
            <numerusform>{0} événements n&apos;ont pas été affichés&#xa0;: la connexion allait plus vite que cette fenêtre ne lit.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ExportWorker</name>
    <message>
        <source>{0} is the database being exported (or its journal): choose another file.</source>
        <translation>{0} est la base exportée (ou son journal)&#xa0;: choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export annulé&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Could not write {0} ({1}): choose another place.</source>
        <translation>Impossible d&apos;écrire {0} ({1})&#xa0;: choisissez un autre emplacement.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln reading(s) exported to {0}</source>
        <translation>
            <numerusform>%Ln mesure exportée vers {0}</numerusform>
            <numerusform>%Ln mesures exportées vers {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alarm_words</name>
    <message>
        <source>above {0} °C</source>
        <translation>au-dessus de {0} °C</translation>
    </message>
    <message>
        <source>below {0} °C</source>
        <translation>en dessous de {0} °C</translation>
    </message>
    <message>
        <source>silent for more than {0} s</source>
        <translation>muet depuis plus de {0} s</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
</context>
<context>
    <name>describe_rate</name>
    <message>
        <source>{0} /s</source>
        <translation>{0} /s</translation>
    </message>
    <message>
        <source>every {0} min</source>
        <translation>toutes les {0} min</translation>
    </message>
    <message>
        <source>every {0} s</source>
        <translation>toutes les {0} s</translation>
    </message>
</context>
<context>
    <name>relative_time</name>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message>
        <source>d</source>
        <translation>j</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>{0} {1} ago</source>
        <translation>il y a {0} {1}</translation>
    </message>
    <message>
        <source>{0} s ago</source>
        <translation>il y a {0} s</translation>
    </message>
</context>
</TS>
