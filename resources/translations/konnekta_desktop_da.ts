<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK" sourcelanguage="en">
<context>
    <name>CallPanel</name>
    <message>
        <source>Calls: mine and the queues&apos;</source>
        <translation>Opkald: mine og køernes</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Opkald</translation>
    </message>
    <message>
        <source>Hang &amp;up</source>
        <translation>Læg &amp;på</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Læg på</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>Omst&amp;il</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Omstil</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>&amp;Besvar</translation>
    </message>
    <message>
        <source>&amp;Pick up</source>
        <translation>Overta&amp;g</translation>
    </message>
    <message>
        <source>Ho&amp;ld</source>
        <translation>Par&amp;kér</translation>
    </message>
    <message>
        <source>As&amp;k first</source>
        <translation>Sp&amp;ørg først</translation>
    </message>
    <message>
        <source>&amp;Back to caller</source>
        <translation>Tilb&amp;age</translation>
    </message>
    <message>
        <source>You have no call; select a call in the list to act on it.</source>
        <translation>Du har intet opkald; vælg et opkald på listen for at handle på det.</translation>
    </message>
    <message>
        <source>Hang up the call with {call} (Num -, F5)</source>
        <translation>Læg på i opkaldet med {call} (Num -, F5)</translation>
    </message>
    <message>
        <source>Transfer the call with {call} to the number in the dial bar or the selected colleague (Ctrl+Num +, F4)</source>
        <translation>Omstil opkaldet med {call} til nummeret i opkaldsfeltet eller den valgte kollega (Ctrl+Num +, F4)</translation>
    </message>
    <message>
        <source>Answer the call ringing at me, on my local phone ({keys})</source>
        <translation>Besvar opkaldet, der ringer hos mig, på min lokale telefon ({keys})</translation>
    </message>
    <message>
        <source>Take the selected queue call, or the ringing call of the selected colleague, to my phone ({keys})</source>
        <translation>Tag det valgte køopkald, eller den valgte kollegas ringende opkald, over til min telefon ({keys})</translation>
    </message>
    <message>
        <source>Resum&amp;e</source>
        <translation>G&amp;enoptag</translation>
    </message>
    <message>
        <source>Put my caller on hold, or take them back ({keys})</source>
        <translation>Parkér den, jeg taler med, eller tag vedkommende tilbage ({keys})</translation>
    </message>
    <message>
        <source>Hold my caller and call the number in the dial bar or the selected colleague first; then Transfer connects them ({keys})</source>
        <translation>Parkér den, jeg taler med, og ring først til nummeret i opkaldsfeltet eller den valgte kollega; Omstil forbinder dem derefter ({keys})</translation>
    </message>
    <message>
        <source>End the call with the colleague and take my caller back ({keys})</source>
        <translation>Afslut samtalen med kollegaen og tag den ventende tilbage ({keys})</translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <source>Talking (me)</source>
        <translation type="vanished">Taler (mig)</translation>
    </message>
    <message>
        <source>Talking: {name}</source>
        <translation>Taler: {name}</translation>
    </message>
    <message>
        <source>Ringing at {count} agents, me too</source>
        <translation>Ringer hos {count} agenter, også mig</translation>
    </message>
    <message>
        <source>Ringing at {count} agents, not me</source>
        <translation>Ringer hos {count} agenter, ikke mig</translation>
    </message>
    <message>
        <source>Ringing at {count} agents</source>
        <translation>Ringer hos {count} agenter</translation>
    </message>
    <message>
        <source>Ringing (me)</source>
        <translation>Ringer (mig)</translation>
    </message>
    <message>
        <source>Ringing: {name}</source>
        <translation>Ringer: {name}</translation>
    </message>
    <message>
        <source>{party} ({status})</source>
        <translation>{party} ({status})</translation>
    </message>
    <message>
        <source>Call-back</source>
        <translation type="vanished">Tilbagekald</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Indgående</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Udgående</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Retning</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Opkalder</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Opringet</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kø</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Varighed</translation>
    </message>
    <message>
        <source>On hold (me): {party}</source>
        <translation>Parkeret (mig): {party}</translation>
    </message>
    <message>
        <source>Consulting (me): {party}</source>
        <translation>Samråd (mig): {party}</translation>
    </message>
    <message>
        <source>Talking (me) with {party}</source>
        <translation>I samtale (mig) med {party}</translation>
    </message>
    <message>
        <source>Call-back: the caller asked the queue to call back; the caller column shows the external number, the called column the queue.</source>
        <translation>Tilbagekald: opkalderen har bedt køen om at ringe tilbage; kolonnen Opkalder viser det eksterne nummer, kolonnen Opringet køen.</translation>
    </message>
</context>
<context>
    <name>CallingDevice</name>
    <message>
        <source>Local phone</source>
        <translation>Lokal telefon</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>&amp;Dial {name} from my local phone</source>
        <translation>&amp;Ring op til {name} fra min lokale telefon</translation>
    </message>
    <message>
        <source>Dial {name} from my &amp;mobile phone</source>
        <translation>Ring op til {name} fra min &amp;mobiltelefon</translation>
    </message>
    <message>
        <source>Dial {name} from T&amp;eams</source>
        <translation>Ring op til {name} fra T&amp;eams</translation>
    </message>
    <message>
        <source>Dial {name} from my local phone</source>
        <translation type="vanished">Ring op til {name} fra min lokale telefon</translation>
    </message>
    <message>
        <source>Dial {name} from my mobile phone</source>
        <translation type="vanished">Ring op til {name} fra min mobiltelefon</translation>
    </message>
    <message>
        <source>Dial {name} from Teams</source>
        <translation type="vanished">Ring op til {name} fra Teams</translation>
    </message>
    <message>
        <source>Calling {target} from my local phone.</source>
        <translation>Ringer op til {target} fra min lokale telefon.</translation>
    </message>
    <message>
        <source>Calling {target} from my mobile phone.</source>
        <translation>Ringer op til {target} fra min mobiltelefon.</translation>
    </message>
    <message>
        <source>Calling {target} from Teams.</source>
        <translation>Ringer op til {target} fra Teams.</translation>
    </message>
</context>
<context>
    <name>ColleagueTableModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>Forwarded to</source>
        <translation>Viderestillet til</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>{state}: available in Konnekta</source>
        <translation>{state}: tilgængelig i Konnekta</translation>
    </message>
    <message>
        <source>{state}: unavailable in Konnekta</source>
        <translation>{state}: ikke tilgængelig i Konnekta</translation>
    </message>
    <message>
        <source>{state} (not in Konnekta)</source>
        <translation>{state} (ikke i Konnekta)</translation>
    </message>
    <message>
        <source>{state}: set here while disconnected; Konnekta does not have it, since synchronisation on reconnect is off. It stays so until the next change.</source>
        <translation>{state}: sat her uden forbindelse; Konnekta har den ikke, da synkronisering ved genforbindelse er slået fra. Det forbliver sådan til næste ændring.</translation>
    </message>
    <message>
        <source>{number}, busy: talking on the mobile phone</source>
        <translation>{number}, optaget: taler i mobiltelefonen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>&amp;Dial</source>
        <translation>&amp;Ring op</translation>
    </message>
    <message>
        <source>Dial from &amp;mobile phone</source>
        <translation>Ring op fra &amp;mobiltelefon</translation>
    </message>
    <message>
        <source>Dial from &amp;Teams</source>
        <translation type="vanished">Ring op fra &amp;Teams</translation>
    </message>
    <message>
        <source>Dial from T&amp;eams</source>
        <translation>Ring op fra T&amp;eams</translation>
    </message>
    <message>
        <source>&amp;Hang up</source>
        <translation>&amp;Læg på</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Omstil</translation>
    </message>
    <message>
        <source>Go to the dial &amp;bar</source>
        <translation>Gå til &amp;opkaldsfeltet</translation>
    </message>
    <message>
        <source>Go to the &amp;filter</source>
        <translation>Gå til &amp;filteret</translation>
    </message>
    <message>
        <source>Go to the &amp;colleagues</source>
        <translation>Gå til &amp;kollegerne</translation>
    </message>
    <message>
        <source>Go to the c&amp;alls</source>
        <translation>Gå til o&amp;pkaldene</translation>
    </message>
    <message>
        <source>My &amp;state…</source>
        <translation>Min &amp;tilstand…</translation>
    </message>
    <message>
        <source>My &amp;forwarding…</source>
        <translation>Min &amp;viderestilling…</translation>
    </message>
    <message>
        <source>My &amp;caller ID…</source>
        <translation>Min &amp;nummervisning…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Indstillinger…</translation>
    </message>
    <message>
        <source>Pending &amp;wrap-ups</source>
        <translation>Ventende &amp;efterbehandlinger</translation>
    </message>
    <message>
        <source>Dial the number on the &amp;clipboard</source>
        <translation>Ring op til nummeret i &amp;udklipsholderen</translation>
    </message>
    <message>
        <source>Close the &amp;message</source>
        <translation>Luk &amp;beskeden</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>Gem &amp;diagnosedata…</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Åbn &amp;logmappen</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastaturgenveje</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>&amp;Luk vinduet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>Demo: connected to the built-in Konnekta simulator. Calls and people are made up; nothing reaches a real phone.</source>
        <translation>Demo: forbundet til den indbyggede Konnekta-simulator. Opkald og personer er opdigtede; intet når en rigtig telefon.</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Demotilstand</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Forbindelse</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Seneste hændelse</translation>
    </message>
    <message>
        <source>Listener port</source>
        <translation type="vanished">Lytteport</translation>
    </message>
    <message>
        <source>Dial (F2)</source>
        <translation>Ring op (F2)</translation>
    </message>
    <message>
        <source>Number to dial or transfer to</source>
        <translation>Nummer, der skal ringes op eller omstilles til</translation>
    </message>
    <message>
        <source>Number to dial</source>
        <translation>Nummer, der skal ringes op</translation>
    </message>
    <message>
        <source>Number as it will be dialled</source>
        <translation>Nummeret, som det vil blive ringet op</translation>
    </message>
    <message>
        <source>Calling device</source>
        <translation>Opkaldsenhed</translation>
    </message>
    <message>
        <source>Which of my phones the call starts from</source>
        <translation>Hvilken af mine telefoner opkaldet starter fra</translation>
    </message>
    <message>
        <source>Dial</source>
        <translation>Ring op</translation>
    </message>
    <message>
        <source>Dial the number, or the selected colleague (Num ,)</source>
        <translation>Ring op til nummeret eller den valgte kollega (Num ,)</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Mig</translation>
    </message>
    <message>
        <source>My current state</source>
        <translation>Min nuværende tilstand</translation>
    </message>
    <message>
        <source>My state</source>
        <translation>Min tilstand</translation>
    </message>
    <message>
        <source>Set my state from a template (F6)</source>
        <translation>Sæt min tilstand ud fra en skabelon (F6)</translation>
    </message>
    <message>
        <source>My caller ID</source>
        <translation>Min nummervisning</translation>
    </message>
    <message>
        <source>Forward my calls to…</source>
        <translation>Viderestil mine opkald til…</translation>
    </message>
    <message>
        <source>My forwarding number</source>
        <translation>Mit viderestillingsnummer</translation>
    </message>
    <message>
        <source>F&amp;orward</source>
        <translation>Videre&amp;stil</translation>
    </message>
    <message>
        <source>Clea&amp;r</source>
        <translation>R&amp;yd</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="vanished">R&amp;yd</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Tilstand:</translation>
    </message>
    <message>
        <source>Caller &amp;ID:</source>
        <translation>&amp;Nummervisning:</translation>
    </message>
    <message>
        <source>Forwardin&amp;g:</source>
        <translation>Vi&amp;derestilling:</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="vanished">Viderestil</translation>
    </message>
    <message>
        <source>Set my forwarding</source>
        <translation>Sæt min viderestilling</translation>
    </message>
    <message>
        <source>Forward my calls to the number typed beside it (F7)</source>
        <translation>Viderestil mine opkald til nummeret, der er skrevet ved siden af (F7)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="vanished">Ryd</translation>
    </message>
    <message>
        <source>Clear my forwarding</source>
        <translation>Fjern min viderestilling</translation>
    </message>
    <message>
        <source>Stop forwarding my calls: they ring at my phones again</source>
        <translation>Stop viderestillingen af mine opkald: de ringer på mine telefoner igen</translation>
    </message>
    <message>
        <source>My forwarding now</source>
        <translation>Min viderestilling nu</translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="vanished">Tilstand:</translation>
    </message>
    <message>
        <source>Caller ID:</source>
        <translation type="vanished">Nummervisning:</translation>
    </message>
    <message>
        <source>Forwarding:</source>
        <translation type="vanished">Viderestilling:</translation>
    </message>
    <message>
        <source>In a call or wrap-up, then {state}</source>
        <translation>I opkald eller efterbehandling, derefter {state}</translation>
    </message>
    <message>
        <source>Find a colleague: type a name, number or department (F3)</source>
        <translation>Find en kollega: skriv navn, nummer eller afdeling (F3)</translation>
    </message>
    <message>
        <source>Filter colleagues</source>
        <translation>Filtrér kolleger</translation>
    </message>
    <message>
        <source>Colleagues shown</source>
        <translation>Viste kolleger</translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation>Kolleger</translation>
    </message>
    <message>
        <source>&amp;Transfer the current call to {name}</source>
        <translation>&amp;Omstil det aktuelle opkald til {name}</translation>
    </message>
    <message>
        <source>Set &amp;forwarding of {name}…</source>
        <translation>Sæt &amp;viderestilling for {name}…</translation>
    </message>
    <message>
        <source>&amp;Clear forwarding of {name}</source>
        <translation>&amp;Fjern viderestilling for {name}</translation>
    </message>
    <message>
        <source>Set &amp;state of {name}</source>
        <translation>Sæt &amp;tilstand for {name}</translation>
    </message>
    <message>
        <source>You have no call to hang up. To hang up another call, select it in the call list first.</source>
        <translation>Du har intet opkald at lægge på. Vælg først opkaldet på opkaldslisten for at lægge på i et andet opkald.</translation>
    </message>
    <message>
        <source>Hung up the call with {party}.</source>
        <translation>Lagt på i opkaldet med {party}.</translation>
    </message>
    <message>
        <source>Hang up a colleague&apos;s call?</source>
        <translation>Læg på i en kollegas opkald?</translation>
    </message>
    <message>
        <source>Hang up the call between {party} and {name}?</source>
        <translation>Læg på i opkaldet mellem {party} og {name}?</translation>
    </message>
    <message>
        <source>You have no call to transfer. To transfer another call, select it in the call list first.</source>
        <translation>Du har intet opkald at omstille. Vælg først opkaldet på opkaldslisten for at omstille et andet opkald.</translation>
    </message>
    <message>
        <source>Transfer a colleague&apos;s call?</source>
        <translation>Omstil en kollegas opkald?</translation>
    </message>
    <message>
        <source>Transfer the call between {party} and {name} to {target}?</source>
        <translation>Omstil opkaldet mellem {party} og {name} til {target}?</translation>
    </message>
    <message>
        <source>Transferred {party} to {target}.</source>
        <translation>{party} er omstillet til {target}.</translation>
    </message>
    <message>
        <source>Transfer my call?</source>
        <translation>Omstil mit opkald?</translation>
    </message>
    <message>
        <source>Transfer {party} to {name}?</source>
        <translation>Omstil {party} til {name}?</translation>
    </message>
    <message>
        <source>Calls: mine and the queues&apos;</source>
        <translation type="vanished">Opkald: mine og køernes</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="vanished">Opkald</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Læg på</translation>
    </message>
    <message>
        <source>Hang up the selected call, or mine (Num -, F5)</source>
        <translation type="vanished">Læg det valgte opkald på, eller mit eget (Num -, F5)</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Omstil</translation>
    </message>
    <message>
        <source>Blind transfer of the selected call, or mine, to the number in the dial bar or the selected colleague (Ctrl+Num +, F4)</source>
        <translation type="vanished">Blind omstilling af det valgte opkald, eller mit eget, til nummeret i opkaldsfeltet eller den valgte kollega (Ctrl+Num +, F4)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Opkald</translation>
    </message>
    <message>
        <source>&amp;Me</source>
        <translation>&amp;Mig</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>&amp;About Konnekta Desktop</source>
        <translation>&amp;Om Konnekta Desktop</translation>
    </message>
    <message>
        <source>Connected to Konnekta</source>
        <translation>Forbundet til Konnekta</translation>
    </message>
    <message>
        <source>Connecting to Konnekta…</source>
        <translation>Forbinder til Konnekta…</translation>
    </message>
    <message>
        <source>Reconnecting to Konnekta…</source>
        <translation>Forbinder igen til Konnekta…</translation>
    </message>
    <message>
        <source>Not connected to Konnekta</source>
        <translation>Ikke forbundet til Konnekta</translation>
    </message>
    <message>
        <source>{connection} (through the company connector)</source>
        <translation>{connection} (gennem firmaconnectoren)</translation>
    </message>
    <message>
        <source>the settings are incomplete. Open Settings &gt; Connection (F9) and fill in {fields}.</source>
        <translation>indstillingerne er ufuldstændige. Åbn Indstillinger &gt; Forbindelse (F9), og udfyld {fields}.</translation>
    </message>
    <message>
        <source>Konnekta&apos;s events come through the company connector at {address}</source>
        <translation>Konnektas hændelser kommer gennem firmaconnectoren på {address}</translation>
    </message>
    <message>
        <source>Konnekta&apos;s events arrive on listener port {port}</source>
        <translation>Konnektas hændelser kommer ind på lytteport {port}</translation>
    </message>
    <message>
        <source>No listener yet: Konnekta&apos;s events cannot arrive</source>
        <translation>Ingen lytter endnu: Konnektas hændelser kan ikke komme ind</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} og {count} mere</translation>
    </message>
    <message>
        <source>Listener port {port}</source>
        <translation type="vanished">Lytteport {port}</translation>
    </message>
    <message>
        <source>No listener</source>
        <translation type="vanished">Ingen lytter</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>Ingen hændelser endnu</translation>
    </message>
    <message>
        <source>Last event {seconds} s ago</source>
        <translation>Seneste hændelse for {seconds} s siden</translation>
    </message>
    <message>
        <source>Last event {minutes} min ago</source>
        <translation>Seneste hændelse for {minutes} min. siden</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} af {total}</translation>
    </message>
    <message>
        <source>{total} colleagues</source>
        <translation>{total} kolleger</translation>
    </message>
    <message>
        <source>Available in Konnekta</source>
        <translation>Tilgængelig i Konnekta</translation>
    </message>
    <message>
        <source>Unavailable in Konnekta</source>
        <translation>Ikke tilgængelig i Konnekta</translation>
    </message>
    <message>
        <source>Choose your Konnekta user in Settings &gt; Calling and wrap-up first</source>
        <translation>Vælg først din Konnekta-bruger under Indstillinger &gt; Opkald og efterbehandling</translation>
    </message>
    <message>
        <source>{number} (my number)</source>
        <translation>{number} (mit nummer)</translation>
    </message>
    <message>
        <source>{number} ({queue})</source>
        <translation>{number} ({queue})</translation>
    </message>
    <message>
        <source>Choose your own Konnekta user in Settings &gt; Calling and wrap-up (F9) to change your state.</source>
        <translation>Vælg din egen Konnekta-bruger under Indstillinger &gt; Opkald og efterbehandling (F9) for at ændre din tilstand.</translation>
    </message>
    <message>
        <source>Choose your own Konnekta user in Settings &gt; Calling and wrap-up (F9) to forward your calls.</source>
        <translation>Vælg din egen Konnekta-bruger under Indstillinger &gt; Opkald og efterbehandling (F9) for at viderestille dine opkald.</translation>
    </message>
    <message>
        <source>No colleague matches “{text}”.</source>
        <translation>Ingen kollega passer til “{text}”.</translation>
    </message>
    <message>
        <source>Your own Konnekta user is not known, so there is no phone to call from: choose it in Settings &gt; Calling and wrap-up (F9).</source>
        <translation>Din egen Konnekta-bruger kendes ikke, så der er ingen telefon at ringe fra: vælg den under Indstillinger &gt; Opkald og efterbehandling (F9).</translation>
    </message>
    <message>
        <source>Me: {name}</source>
        <translation>Mig: {name}</translation>
    </message>
    <message>
        <source>Me (choose your Konnekta user in Settings &gt; Calling and wrap-up)</source>
        <translation>Mig (vælg din Konnekta-bruger under Indstillinger &gt; Opkald og efterbehandling)</translation>
    </message>
    <message>
        <source>Me ({user}, once connected)</source>
        <translation>Mig ({user}, når der er forbindelse)</translation>
    </message>
    <message>
        <source>Me ({user} is not in Konnekta: check Settings &gt; Calling and wrap-up)</source>
        <translation>Mig ({user} findes ikke i Konnekta: kontrollér Indstillinger &gt; Opkald og efterbehandling)</translation>
    </message>
    <message>
        <source>{state} (in a call or wrap-up)</source>
        <translation type="vanished">{state} (i opkald eller efterbehandling)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>fra</translation>
    </message>
    <message>
        <source>You lack the Set Caller ID right in Konnekta, so your caller ID cannot be changed here. An administrator can grant it.</source>
        <translation>Du mangler rettigheden Set Caller ID i Konnekta, så din nummervisning kan ikke ændres her. En administrator kan give dig den.</translation>
    </message>
    <message>
        <source>The number people see when I call them (F8)</source>
        <translation>Det nummer, folk ser, når jeg ringer til dem (F8)</translation>
    </message>
    <message>
        <source>Loading my caller IDs</source>
        <translation type="vanished">Henter mine nummervisninger</translation>
    </message>
    <message>
        <source>My caller ID is now {number}.</source>
        <translation>Min nummervisning er nu {number}.</translation>
    </message>
    <message>
        <source>Type the number to forward your calls to, then Forward.</source>
        <translation>Skriv nummeret, dine opkald skal viderestilles til, og vælg Viderestil.</translation>
    </message>
    <message>
        <source>Select a colleague or type a number first.</source>
        <translation>Vælg først en kollega, eller skriv et nummer.</translation>
    </message>
    <message>
        <source>{name} has no phone line in Konnekta, so there is nothing to dial.</source>
        <translation>{name} har ingen telefonlinje i Konnekta, så der er intet at ringe op til.</translation>
    </message>
    <message>
        <source>{argument!r} is not a number to dial. Use a number, or a tel: or callto: link.</source>
        <translation>{argument!r} er ikke et nummer, der kan ringes op. Brug et nummer eller et tel:- eller callto:-link.</translation>
    </message>
    <message>
        <source>The clipboard holds no phone number to dial. Copy a number first.</source>
        <translation>Udklipsholderen indeholder intet telefonnummer. Kopiér først et nummer.</translation>
    </message>
    <message>
        <source>There is no call to hang up. Select one in the call list.</source>
        <translation type="vanished">Der er intet opkald at lægge på. Vælg et i opkaldslisten.</translation>
    </message>
    <message>
        <source>Type the number to transfer to in the dial bar, or select a colleague.</source>
        <translation>Skriv nummeret, der skal omstilles til, i opkaldsfeltet, eller vælg en kollega.</translation>
    </message>
    <message>
        <source>{name} has no phone line to transfer to.</source>
        <translation>{name} har ingen telefonlinje at omstille til.</translation>
    </message>
    <message>
        <source>There is no call to transfer. Select one in the call list.</source>
        <translation type="vanished">Der er intet opkald at omstille. Vælg et i opkaldslisten.</translation>
    </message>
    <message>
        <source>Call transferred to {target}.</source>
        <translation type="vanished">Opkaldet er omstillet til {target}.</translation>
    </message>
    <message>
        <source>Enter dials, Esc clears</source>
        <translation>Enter ringer op, Esc rydder</translation>
    </message>
    <message>
        <source>not a number yet</source>
        <translation>endnu ikke et nummer</translation>
    </message>
    <message>
        <source>Dials {number}</source>
        <translation>Ringer op til {number}</translation>
    </message>
    <message>
        <source>Transfer the current call to {name}</source>
        <translation type="vanished">Omstil det aktuelle opkald til {name}</translation>
    </message>
    <message>
        <source>Set forwarding of {name}…</source>
        <translation type="vanished">Sæt viderestilling for {name}…</translation>
    </message>
    <message>
        <source>Clear forwarding of {name}</source>
        <translation type="vanished">Fjern viderestilling for {name}</translation>
    </message>
    <message>
        <source>Set state of {name}</source>
        <translation type="vanished">Sæt tilstand for {name}</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Viderestilling</translation>
    </message>
    <message>
        <source>Forward calls for {name} to (empty clears the forwarding):</source>
        <translation>Viderestil opkald til {name} til (tomt fjerner viderestillingen):</translation>
    </message>
    <message>
        <source>The settings window is not available in this build.</source>
        <translation>Indstillingsvinduet findes ikke i denne udgave.</translation>
    </message>
    <message>
        <source>Konnekta Desktop is not connected yet: fill in the connection details from your telephony provider in Settings &gt; Connection (F9).</source>
        <translation>Konnekta Desktop er endnu ikke forbundet: udfyld forbindelsesoplysningerne fra din teleudbyder under Indstillinger &gt; Forbindelse (F9).</translation>
    </message>
    <message>
        <source>This session keeps no log files, so there is nothing to save.</source>
        <translation>Denne session gemmer ingen logfiler, så der er intet at gemme.</translation>
    </message>
    <message>
        <source>Save diagnostics</source>
        <translation>Gem diagnosedata</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Zip-filer (*.zip)</translation>
    </message>
    <message>
        <source>The diagnostics could not be saved to {path}: {reason}. Choose another folder.</source>
        <translation>Diagnosedata kunne ikke gemmes i {path}: {reason}. Vælg en anden mappe.</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path}. The file holds the logs, the settings and the versions, without passwords or secrets: send it to your support.</source>
        <translation>Diagnosedata er gemt i {path}. Filen indeholder logfilerne, indstillingerne og versionerne, uden adgangskoder og hemmeligheder: send den til jeres support.</translation>
    </message>
    <message>
        <source>This session keeps no log files.</source>
        <translation>Denne session gemmer ingen logfiler.</translation>
    </message>
    <message>
        <source>The log folder could not be opened. It is {folder}.</source>
        <translation>Logmappen kunne ikke åbnes. Den ligger i {folder}.</translation>
    </message>
    <message>
        <source>A wrap-up is pending, but the wrap-up window is missing.</source>
        <translation type="vanished">En efterbehandling venter, men efterbehandlingsvinduet mangler.</translation>
    </message>
    <message>
        <source>No wrap-up is pending.</source>
        <translation>Ingen efterbehandling venter.</translation>
    </message>
    <message>
        <source>Transferred to {name}</source>
        <translation>Omstillet til {name}</translation>
    </message>
    <message>
        <source>Wrap-up of the call with {party} saved.</source>
        <translation>Efterbehandlingen af opkaldet med {party} er gemt.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastaturgenveje</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Taster</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Konnekta Desktop {version}&lt;/h3&gt;&lt;p&gt;A switchboard for companies on the Dstny Konnekta cloud PBX.&lt;/p&gt;&lt;p&gt;Qt {qt} (PySide6 {pyside}), Python {python}&lt;/p&gt;&lt;p&gt;Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). This program comes with no warranty.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Konnekta Desktop {version}&lt;/h3&gt;&lt;p&gt;Et omstillingsbord til virksomheder på Dstny Konnekta-cloudomstillingen.&lt;/p&gt;&lt;p&gt;Qt {qt} (PySide6 {pyside}), Python {python}&lt;/p&gt;&lt;p&gt;Licens: GNU General Public License, version 3 eller senere (GPL-3.0-or-later). Programmet leveres uden nogen garanti.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Konnekta Desktop</source>
        <translation>Om Konnekta Desktop</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>&amp;Besvar</translation>
    </message>
    <message>
        <source>&amp;Pick up</source>
        <translation>Overta&amp;g</translation>
    </message>
    <message>
        <source>Hold or resume</source>
        <translation>Parkér eller genoptag</translation>
    </message>
    <message>
        <source>As&amp;k a colleague first</source>
        <translation>Sp&amp;ørg en kollega først</translation>
    </message>
    <message>
        <source>&amp;Back to the caller</source>
        <translation>Tilb&amp;age til den ventende</translation>
    </message>
    <message>
        <source>Your own Konnekta user is not known: choose it in Settings &gt; Calling and wrap-up (F9).</source>
        <translation>Din egen Konnekta-bruger er ikke kendt: vælg den under Indstillinger &gt; Opkald og efterbehandling (F9).</translation>
    </message>
    <message>
        <source>No call is ringing at you.</source>
        <translation>Der ringer ikke noget opkald hos dig.</translation>
    </message>
    <message>
        <source>Answered the call from {party}.</source>
        <translation>Besvarede opkaldet fra {party}.</translation>
    </message>
    <message>
        <source>Select the ringing call to pick up: a queue call in the call list, or the colleague whose phone rings.</source>
        <translation>Vælg det ringende opkald, der skal overtages: et køopkald i opkaldslisten, eller kollegaen, hvis telefon ringer.</translation>
    </message>
    <message>
        <source>Picked up the call from {party}.</source>
        <translation>Overtog opkaldet fra {party}.</translation>
    </message>
    <message>
        <source>Took the next call waiting in {queue}.</source>
        <translation>Tog det næste ventende opkald i {queue}.</translation>
    </message>
    <message>
        <source>the call you transferred</source>
        <translation>opkaldet, du omstillede</translation>
    </message>
    <message>
        <source>Nobody answered the call you transferred. Pick up ({keys}) takes it back.</source>
        <translation>Ingen besvarede opkaldet, du omstillede. Overtag ({keys}) tager det tilbage.</translation>
    </message>
    <message>
        <source>Nobody answered the call you transferred: it is back with you.</source>
        <translation>Ingen besvarede opkaldet, du omstillede: det er tilbage hos dig.</translation>
    </message>
    <message>
        <source>You have no call to hold.</source>
        <translation>Du har intet opkald at parkere.</translation>
    </message>
    <message>
        <source>{party} is back on the line.</source>
        <translation>{party} er tilbage på linjen.</translation>
    </message>
    <message>
        <source>{party} is on hold.</source>
        <translation>{party} er parkeret.</translation>
    </message>
    <message>
        <source>You have no call to ask a colleague about.</source>
        <translation>Du har intet opkald at spørge en kollega om.</translation>
    </message>
    <message>
        <source>{party} is on hold; calling {target}. Transfer (F4) connects them, Back to the caller (Shift+F5) does not.</source>
        <translation>{party} er parkeret; ringer til {target}. Omstil (F4) forbinder dem, Tilbage til den ventende (Shift+F5) gør ikke.</translation>
    </message>
    <message>
        <source>Type the number to ask in the dial bar, or select a colleague.</source>
        <translation>Skriv nummeret, der skal spørges, i opkaldsfeltet, eller vælg en kollega.</translation>
    </message>
    <message>
        <source>Connected the caller with your colleague.</source>
        <translation>Forbandt den ventende med din kollega.</translation>
    </message>
    <message>
        <source>You are not asking a colleague about a call.</source>
        <translation>Du er ikke i samråd med en kollega om et opkald.</translation>
    </message>
    <message>
        <source>Back with the caller.</source>
        <translation>Tilbage hos den ventende.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>Close this message (Ctrl+E)</source>
        <translation>Luk denne besked (Ctrl+E)</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Luk beskeden</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fejl:</translation>
    </message>
</context>
<context>
    <name>OptionField</name>
    <message>
        <source>chosen automatically</source>
        <translation>vælges automatisk</translation>
    </message>
    <message>
        <source>Kept until the app closes; type to replace it</source>
        <translation>Huskes, til programmet lukkes; skriv for at erstatte den</translation>
    </message>
    <message>
        <source>Stored in the keyring; type to replace it</source>
        <translation>Gemt i nøgleringen; skriv for at erstatte den</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Ikke angivet</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Show what is typed</source>
        <translation>Vis det indtastede</translation>
    </message>
    <message>
        <source>Show what is typed here (it is hidden otherwise)</source>
        <translation>Vis det, der er skrevet her (ellers er det skjult)</translation>
    </message>
</context>
<context>
    <name>PhoneStatus</name>
    <message>
        <source>Free</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Free: no call in progress</source>
        <translation>Fri: intet opkald i gang</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Ringer</translation>
    </message>
    <message>
        <source>Ringing: a call is waiting to be answered</source>
        <translation>Ringer: et opkald venter på at blive besvaret</translation>
    </message>
    <message>
        <source>On a call</source>
        <translation>I samtale</translation>
    </message>
    <message>
        <source>On a call: the line is busy</source>
        <translation>I samtale: linjen er optaget</translation>
    </message>
    <message>
        <source>On a call on the mobile phone</source>
        <translation>I samtale på mobilen</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="vanished">Optaget</translation>
    </message>
    <message>
        <source>Busy: on a call</source>
        <translation type="vanished">Optaget: er i et opkald</translation>
    </message>
    <message>
        <source>Busy: talking on the mobile phone</source>
        <translation type="vanished">Optaget: taler i mobiltelefonen</translation>
    </message>
    <message>
        <source>On mobile</source>
        <translation type="vanished">På mobil</translation>
    </message>
    <message>
        <source>On mobile: talking on the mobile phone</source>
        <translation type="vanished">På mobil: taler i mobiltelefonen</translation>
    </message>
    <message>
        <source>No line</source>
        <translation>Ingen linje</translation>
    </message>
    <message>
        <source>Not monitored: this user has no phone line in Konnekta</source>
        <translation>Ikke overvåget: brugeren har ingen telefonlinje i Konnekta</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Viderestillet</translation>
    </message>
    <message>
        <source>Forwarded: new calls go to the forwarding number</source>
        <translation>Viderestillet: nye opkald går til viderestillingsnummeret</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Queues</source>
        <translation>Køer</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kø</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Venter</translation>
    </message>
    <message>
        <source>Longest</source>
        <translation>Længst</translation>
    </message>
    <message>
        <source>Call-backs</source>
        <translation>Tilbagekald</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>Logget ind</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Mig</translation>
    </message>
    <message>
        <source>&amp;Queue: log in</source>
        <translation>&amp;Log ind i køen</translation>
    </message>
    <message>
        <source>Take ne&amp;xt</source>
        <translation>Tag n&amp;æste</translation>
    </message>
    <message>
        <source>Pick up the call that has waited longest in the selected queue</source>
        <translation>Overtag det opkald, der har ventet længst i den valgte kø</translation>
    </message>
    <message>
        <source>logged in</source>
        <translation>logget ind</translation>
    </message>
    <message>
        <source>logged out</source>
        <translation>logget ud</translation>
    </message>
    <message>
        <source>&amp;Queue: log out</source>
        <translation>&amp;Log ud af køen</translation>
    </message>
    <message>
        <source>Log me in to the selected queue, or out of it: its calls ring at me or not</source>
        <translation>Log mig ind i den valgte kø eller ud af den: dens opkald ringer hos mig eller ej</translation>
    </message>
    <message>
        <source>Select a queue I am an agent of</source>
        <translation>Vælg en kø, jeg er agent i</translation>
    </message>
    <message>
        <source>Logged in to {queue}.</source>
        <translation>Logget ind i {queue}.</translation>
    </message>
    <message>
        <source>Logged out of {queue}.</source>
        <translation>Logget ud af {queue}.</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Konnekta</source>
        <translation>Konnekta</translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server</source>
        <translation>Konnektas login-server</translation>
    </message>
    <message>
        <source>User {user} is not in Konnekta&apos;s user list (any more).</source>
        <translation>Brugeren {user} er ikke (længere) på Konnektas brugerliste.</translation>
    </message>
    <message>
        <source>{name} has no phone line in Konnekta.</source>
        <translation>{name} har ingen telefonlinje i Konnekta.</translation>
    </message>
    <message>
        <source>That call has already ended.</source>
        <translation>Opkaldet er allerede afsluttet.</translation>
    </message>
    <message>
        <source>{name} has no calling device “{device}”. Choose another calling device.</source>
        <translation>{name} har ikke opkaldsenheden “{device}”. Vælg en anden opkaldsenhed.</translation>
    </message>
    <message>
        <source>{name} cannot call from Teams: Teams telephony must be enabled for them in Konnekta&apos;s user administration. Choose another calling device meanwhile.</source>
        <translation>{name} kan ikke ringe fra Teams: Teams-telefoni skal slås til for brugeren i Konnektas brugeradministration. Vælg en anden opkaldsenhed så længe.</translation>
    </message>
    <message>
        <source>{number} is a mobile line, and Konnekta allows no call control on mobile lines. Dial, transfer or hang up from the fixed line instead, or let the user handle the call on the mobile phone.</source>
        <translation>{number} er en mobillinje, og Konnekta tillader ingen opkaldsstyring på mobillinjer. Ring op, omstil eller læg på fra fastnetlinjen i stedet, eller lad brugeren klare opkaldet på mobiltelefonen.</translation>
    </message>
    <message>
        <source>{name} lacks the Set Caller ID right in Konnekta, so the outbound caller ID cannot be changed. An administrator can grant it.</source>
        <translation>{name} mangler rettigheden Set Caller ID i Konnekta, så nummervisningen kan ikke ændres. En administrator kan give den.</translation>
    </message>
    <message>
        <source>{number} is not a valid caller ID for {name}. Valid caller IDs in Konnekta: {valid}.</source>
        <translation>{number} er ikke en gyldig nummervisning for {name}. Gyldige numre i Konnekta: {valid}.</translation>
    </message>
    <message>
        <source>The number is empty: type digits, optionally starting with + or 00.</source>
        <translation>Nummeret er tomt: skriv cifre, evt. begyndende med + eller 00.</translation>
    </message>
    <message>
        <source>“{text}” is not a phone number: use digits, optionally starting with + or 00.</source>
        <translation>“{text}” er ikke et telefonnummer: brug cifre, evt. begyndende med + eller 00.</translation>
    </message>
    <message>
        <source>“{text}” has no digits after the international prefix.</source>
        <translation>“{text}” har ingen cifre efter det internationale præfiks.</translation>
    </message>
    <message>
        <source>“{text}” is too short: digits are missing.</source>
        <translation>“{text}” er for kort: der mangler cifre.</translation>
    </message>
    <message>
        <source>“{text}” is too long: an international number has at most {most} digits.</source>
        <translation>“{text}” er for langt: et internationalt nummer har højst {most} cifre.</translation>
    </message>
    <message>
        <source>“{text}” does not start with a known country code (such as 45 or 298).</source>
        <translation>“{text}” begynder ikke med en kendt landekode (som 45 eller 298).</translation>
    </message>
    <message>
        <source>“{text}” is too short for a number in country +{country}.</source>
        <translation>“{text}” er for kort til et nummer i landet +{country}.</translation>
    </message>
    <message>
        <source>“{text}” is neither a number in country +{country} ({lengths} digits) nor a short number (at most {short_most} digits); for a foreign number type {prefix} or + and the country code.</source>
        <translation>“{text}” er hverken et nummer i landet +{country} ({lengths} cifre) eller et kort nummer (højst {short_most} cifre); skriv {prefix} eller + og landekoden foran et udenlandsk nummer.</translation>
    </message>
    <message>
        <source>“{text}” has {digits} digits after +{country}; numbers there have {lengths} digits.</source>
        <translation>“{text}” har {digits} cifre efter +{country}; numre der har {lengths} cifre.</translation>
    </message>
    <message>
        <source>The International prefix “{prefix}” must be digits, usually 00: check Settings &gt; Numbers.</source>
        <translation>Det internationale præfiks “{prefix}” skal være cifre, som regel 00: se Indstillinger &gt; Numre.</translation>
    </message>
    <message>
        <source>The International code “{code}” is not a country code (for example 45 for Denmark, 298 for the Faroe Islands): check Settings &gt; Numbers.</source>
        <translation>Den internationale kode “{code}” er ikke en landekode (f.eks. 45 for Danmark, 298 for Færøerne): se Indstillinger &gt; Numre.</translation>
    </message>
    <message>
        <source>There is no template called “{name}”; see Settings &gt; States.</source>
        <translation>Der findes ingen skabelon med navnet “{name}”; se Indstillinger &gt; Tilstande.</translation>
    </message>
    <message>
        <source>There is no state called “{name}”; see Settings &gt; States.</source>
        <translation>Der findes ingen tilstand med navnet “{name}”; se Indstillinger &gt; Tilstande.</translation>
    </message>
    <message>
        <source>{command}: {cause}</source>
        <translation>{command}: {cause}</translation>
    </message>
    <message>
        <source>{command} failed: {cause}</source>
        <translation>{command} mislykkedes: {cause}</translation>
    </message>
    <message>
        <source>The connection to Konnekta could not start: {cause}</source>
        <translation>Forbindelsen til Konnekta kunne ikke startes: {cause}</translation>
    </message>
    <message>
        <source>{command}: Konnekta refused it. {detail}</source>
        <translation type="vanished">{command}: Konnekta afviste det. {detail}</translation>
    </message>
    <message>
        <source>{command} failed: {detail}</source>
        <translation type="vanished">{command} mislykkedes: {detail}</translation>
    </message>
    <message>
        <source>The connection to Konnekta could not start: {detail}</source>
        <translation type="vanished">Forbindelsen til Konnekta kunne ikke startes: {detail}</translation>
    </message>
    <message>
        <source>{command} was not carried out: its request id {request_id} already belongs to another command. Try again.</source>
        <translation>{command} blev ikke udført: anmodnings-id {request_id} tilhører allerede en anden kommando. Prøv igen.</translation>
    </message>
    <message>
        <source>{setting} must be true or false.</source>
        <translation>{setting} skal være sand eller falsk.</translation>
    </message>
    <message>
        <source>{setting} must be a whole number.</source>
        <translation>{setting} skal være et helt tal.</translation>
    </message>
    <message>
        <source>{setting} must be text.</source>
        <translation>{setting} skal være tekst.</translation>
    </message>
    <message>
        <source>{setting} must be one of {choices}.</source>
        <translation>{setting} skal være en af {choices}.</translation>
    </message>
    <message>
        <source>{setting} must be a table of names to text.</source>
        <translation>{setting} skal være en tabel fra navne til tekst.</translation>
    </message>
    <message>
        <source>{setting} is empty: ask your telephony provider for it.</source>
        <translation>{setting} er tom: spørg din telefoniudbyder.</translation>
    </message>
    <message>
        <source>{setting} is empty: it is the part after &apos;@&apos; in your Konnekta username.</source>
        <translation>{setting} er tom: det er delen efter &apos;@&apos; i dit Konnekta-brugernavn.</translation>
    </message>
    <message>
        <source>{setting} is empty: use 127.0.0.1.</source>
        <translation>{setting} er tom: brug 127.0.0.1.</translation>
    </message>
    <message>
        <source>{setting} is empty: it is usually 00.</source>
        <translation>{setting} er tom: det er som regel 00.</translation>
    </message>
    <message>
        <source>{setting} is empty: for example 45 for Denmark.</source>
        <translation>{setting} er tom: f.eks. 45 for Danmark.</translation>
    </message>
    <message>
        <source>{setting} must be a domain name like example.dk (the part after &apos;@&apos; in Konnekta usernames), without https:// or a path.</source>
        <translation>{setting} skal være et domænenavn som example.dk (delen efter &apos;@&apos; i Konnekta-brugernavne), uden https:// og uden sti.</translation>
    </message>
    <message>
        <source>{setting} must be a domain name like example.dk: use only what comes after &apos;@&apos; in Konnekta usernames.</source>
        <translation>{setting} skal være et domænenavn som example.dk: brug kun det, der står efter &apos;@&apos; i Konnekta-brugernavne.</translation>
    </message>
    <message>
        <source>{setting} must be a domain name like example.dk (the part after &apos;@&apos; in Konnekta usernames).</source>
        <translation>{setting} skal være et domænenavn som example.dk (delen efter &apos;@&apos; i Konnekta-brugernavne).</translation>
    </message>
    <message>
        <source>{setting} must be a port number from 1024 to 65535 (8470 unless it is taken).</source>
        <translation type="vanished">{setting} skal være et portnummer fra 1024 til 65535 (8470, medmindre den er optaget).</translation>
    </message>
    <message>
        <source>{setting} must be a port number from 1024 to 65535 (8470 unless it is taken), or empty to have one chosen automatically.</source>
        <translation>{setting} skal være et portnummer fra 1024 til 65535 (8470, medmindre den er optaget), eller tom, så en vælges automatisk.</translation>
    </message>
    <message>
        <source>{setting} must be a number of minutes from 1 to 1440 (a day).</source>
        <translation>{setting} skal være et antal minutter fra 1 til 1440 (et døgn).</translation>
    </message>
    <message>
        <source>{setting} must be a number of seconds from 0 (off) to 600.</source>
        <translation>{setting} skal være et antal sekunder fra 0 (slået fra) til 600.</translation>
    </message>
    <message>
        <source>{setting} must be an address of this computer, like 127.0.0.1.</source>
        <translation>{setting} skal være en adresse på denne computer, f.eks. 127.0.0.1.</translation>
    </message>
    <message>
        <source>{setting} must not contain spaces.</source>
        <translation>{setting} må ikke indeholde mellemrum.</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it contains spaces.</source>
        <translation>{setting} skal se ud som {example}: den indeholder mellemrum.</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it must start with https://.</source>
        <translation>{setting} skal se ud som {example}: den skal begynde med https://.</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: the server name is missing.</source>
        <translation>{setting} skal se ud som {example}: servernavnet mangler.</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: the port after &apos;:&apos; is not a number from 1 to 65535.</source>
        <translation>{setting} skal se ud som {example}: porten efter &apos;:&apos; er ikke et tal fra 1 til 65535.</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it must start with https:// (plain http:// is accepted only for this computer: 127.0.0.1, localhost or ::1).</source>
        <translation>{setting} skal se ud som {example}: den skal begynde med https:// (almindelig http:// accepteres kun for denne computer: 127.0.0.1, localhost eller ::1).</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: remove the part from &apos;?&apos; or &apos;#&apos; on.</source>
        <translation>{setting} skal se ud som {example}: fjern delen fra &apos;?&apos; eller &apos;#&apos; og frem.</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: the path &apos;{path}&apos; does not match.</source>
        <translation>{setting} skal se ud som {example}: stien &apos;{path}&apos; passer ikke.</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it says &apos;realms/&apos; where the SMG Address uses &apos;realm/&apos; (the plural belongs in the Issuer URI).</source>
        <translation>{setting} skal se ud som {example}: der står &apos;realms/&apos;, hvor SMG-adressen bruger &apos;realm/&apos; (flertalsformen hører til i Issuer URI).</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: this is the shape of the Issuer URI, not the SMG Address.</source>
        <translation>{setting} skal se ud som {example}: dette er formen på Issuer URI, ikke på SMG-adressen.</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: &apos;/fwd&apos; is missing at the end.</source>
        <translation>{setting} skal se ud som {example}: &apos;/fwd&apos; mangler til sidst.</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it goes on after &apos;/fwd&apos;: end it there.</source>
        <translation>{setting} skal se ud som {example}: den fortsætter efter &apos;/fwd&apos;: afslut den dér.</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it says &apos;realm/&apos; where Konnekta uses &apos;realms/&apos;.</source>
        <translation>{setting} skal se ud som {example}: der står &apos;realm/&apos;, hvor Konnekta bruger &apos;realms/&apos;.</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it goes on after the realm name: end it with the realm name.</source>
        <translation>{setting} skal se ud som {example}: den fortsætter efter realm-navnet: afslut den med realm-navnet.</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: &apos;/auth&apos; is missing before &apos;/realms/&apos;.</source>
        <translation>{setting} skal se ud som {example}: &apos;/auth&apos; mangler foran &apos;/realms/&apos;.</translation>
    </message>
    <message>
        <source>{setting} must look like {example}: this is the shape of the SMG Address, not the Issuer URI.</source>
        <translation>{setting} skal se ud som {example}: dette er formen på SMG-adressen, ikke på Issuer URI.</translation>
    </message>
    <message>
        <source>{setting} must be digits only, usually 00 (as in 0045 for Denmark).</source>
        <translation>{setting} må kun være cifre, som regel 00 (som i 0045 for Danmark).</translation>
    </message>
    <message>
        <source>{setting} must be a country calling code of 1 to 3 digits, like 45 for Denmark or 298 for the Faroe Islands, without &apos;+&apos; or &apos;00&apos; in front.</source>
        <translation>{setting} skal være en landekode på 1 til 3 cifre, f.eks. 45 for Danmark eller 298 for Færøerne, uden &apos;+&apos; eller &apos;00&apos; foran.</translation>
    </message>
    <message>
        <source>{setting} must be a country calling code of 1 to 3 digits, like 45 for Denmark or 298 for the Faroe Islands.</source>
        <translation>{setting} skal være en landekode på 1 til 3 cifre, f.eks. 45 for Danmark eller 298 for Færøerne.</translation>
    </message>
    <message>
        <source>{setting} must be a country calling code, like 45 for Denmark or 298 for the Faroe Islands: {code} is not a country calling code.</source>
        <translation>{setting} skal være en landekode, f.eks. 45 for Danmark eller 298 for Færøerne: {code} er ikke en landekode.</translation>
    </message>
    <message>
        <source>{setting} must map each Konnekta activity id to a template name: a row has no Konnekta activity id.</source>
        <translation>{setting} skal knytte hvert Konnekta-aktivitets-id til et skabelonnavn: en række mangler Konnekta-aktivitets-id.</translation>
    </message>
    <message>
        <source>{setting} must map each Konnekta activity id to a template name: “{key}” has no template name.</source>
        <translation>{setting} skal knytte hvert Konnekta-aktivitets-id til et skabelonnavn: “{key}” mangler skabelonnavn.</translation>
    </message>
    <message>
        <source>{setting} must map each state name to a Konnekta activity id: a row has no state name.</source>
        <translation>{setting} skal knytte hvert tilstandsnavn til et Konnekta-aktivitets-id: en række mangler tilstandsnavn.</translation>
    </message>
    <message>
        <source>{setting} must map each state name to a Konnekta activity id: “{key}” has no Konnekta activity id.</source>
        <translation>{setting} skal knytte hvert tilstandsnavn til et Konnekta-aktivitets-id: “{key}” mangler Konnekta-aktivitets-id.</translation>
    </message>
    <message>
        <source>Listener Host is {host}, so other computers can send events to the listener. Use 127.0.0.1 unless Konnekta&apos;s events must arrive from another machine.</source>
        <translation>Lytteadressen er {host}, så andre computere kan sende hændelser til lytteren. Brug 127.0.0.1, medmindre Konnektas hændelser skal komme fra en anden maskine.</translation>
    </message>
    <message>
        <source>Webhook Address {address} is on this computer, which Konnekta&apos;s server {host} cannot reach, so no live events will arrive. Set Webhook Address to a public https address that forwards to the Listener Port.</source>
        <translation>Webhook-adressen {address} ligger på denne computer, som Konnektas server {host} ikke kan nå, så der kommer ingen hændelser. Sæt Webhook-adressen til en offentlig https-adresse, der videresender til lytteporten.</translation>
    </message>
    <message>
        <source>Webhook Address points at port {webhook_port} on this computer, but the Listener Port is {port}: events will not arrive. Make the two ports the same, or leave Webhook Address empty.</source>
        <translation>Webhook-adressen peger på port {webhook_port} på denne computer, men lytteporten er {port}: hændelserne når ikke frem. Gør de to porte ens, eller lad Webhook-adressen være tom.</translation>
    </message>
    <message>
        <source>Listener Host {host} is not a known address: use 127.0.0.1, or an address of this computer.</source>
        <translation>Lytteadressen {host} er ikke en kendt adresse: brug 127.0.0.1 eller en adresse på denne computer.</translation>
    </message>
    <message>
        <source>Listener Host {host} is not an address of this computer: use 127.0.0.1.</source>
        <translation>Lytteadressen {host} er ikke en adresse på denne computer: brug 127.0.0.1.</translation>
    </message>
    <message>
        <source>Listener Port {port} is already in use on {host} by another program: choose another port from 1024 to 65535, or close the program using it.</source>
        <translation>Lytteport {port} på {host} bruges allerede af et andet program: vælg en anden port fra 1024 til 65535, eller luk programmet, der bruger den.</translation>
    </message>
    <message>
        <source>Listener Port {port} on {host} may not be used by this program: choose another port from 1024 to 65535.</source>
        <translation>Lytteport {port} på {host} må ikke bruges af dette program: vælg en anden port fra 1024 til 65535.</translation>
    </message>
    <message>
        <source>Listener Port {port} on {host} cannot be opened ({detail}): choose another port from 1024 to 65535.</source>
        <translation>Lytteport {port} på {host} kan ikke åbnes ({detail}): vælg en anden port fra 1024 til 65535.</translation>
    </message>
    <message>
        <source>The settings file {file} could not be read ({detail}), so the app starts with default settings. Correct the file, or save the settings window to replace it (the old file is kept beside it as settings.toml.bak).</source>
        <translation>Indstillingsfilen {file} kunne ikke læses ({detail}), så programmet starter med standardindstillinger. Ret filen, eller gem indstillingsvinduet for at erstatte den (den gamle fil gemmes ved siden af som settings.toml.bak).</translation>
    </message>
    <message>
        <source>The settings file {file} is not UTF-8 text: line {line} has a byte that is not, so the app starts with default settings. Save the file as UTF-8, or save the settings window to replace it (the old file is kept beside it as settings.toml.bak).</source>
        <translation>Indstillingsfilen {file} er ikke UTF-8-tekst: linje {line} har en byte, der ikke er, så programmet starter med standardindstillinger. Gem filen som UTF-8, eller gem indstillingsvinduet for at erstatte den (den gamle fil gemmes ved siden af som settings.toml.bak).</translation>
    </message>
    <message>
        <source>In {file}: {cause} The file says {value}. The default ({default}) is used until you correct it in Settings &gt; {section}.</source>
        <translation>I {file}: {cause} Filen siger {value}. Standardværdien ({default}) bruges, indtil du retter den i Indstillinger &gt; {section}.</translation>
    </message>
    <message>
        <source>{setting} is not read from {file}: secrets belong in the system keyring. Remove it from the file and enter it in Settings &gt; {section}.</source>
        <translation>{setting} læses ikke fra {file}: hemmeligheder hører til i systemets nøglering. Fjern den fra filen, og indtast den i Indstillinger &gt; {section}.</translation>
    </message>
    <message>
        <source>The settings file {file} has settings this version does not know, which are ignored: {names}.</source>
        <translation>Indstillingsfilen {file} har indstillinger, som denne version ikke kender, og som ignoreres: {names}.</translation>
    </message>
    <message>
        <source>The settings could not be saved to {file} ({detail}). Check that the folder exists and that you may write to it, then save again.</source>
        <translation>Indstillingerne kunne ikke gemmes i {file} ({detail}). Kontrollér, at mappen findes, og at du må skrive i den, og gem så igen.</translation>
    </message>
    <message>
        <source>No system keyring was found, so the Client Secret and Password cannot be saved. They are kept for this session only: enter them again after restarting the app.</source>
        <translation>Der blev ikke fundet nogen nøglering i systemet, så Client Secret og adgangskode kan ikke gemmes. De huskes kun i denne session: indtast dem igen, når programmet er genstartet.</translation>
    </message>
    <message>
        <source>The system keyring could not be used ({kind}), so the Client Secret and Password cannot be saved. They are kept for this session only: unlock or repair the keyring, then save the settings again.</source>
        <translation>Systemets nøglering kunne ikke bruges ({kind}), så Client Secret og adgangskode kan ikke gemmes. De huskes kun i denne session: lås nøgleringen op eller reparer den, og gem så indstillingerne igen.</translation>
    </message>
    <message>
        <source>The data file {file} is damaged ({detail}). Quit the app, move the file away (keep it: it holds the call history) and start again to begin a new one.</source>
        <translation>Datafilen {file} er beskadiget ({detail}). Afslut programmet, flyt filen væk (gem den: den indeholder opkaldshistorikken), og start igen for at begynde på en ny.</translation>
    </message>
    <message>
        <source>The file {file} is not a konnekta-desktop data file, so it was left alone. Move it away, or start the app with another data folder (--config-dir).</source>
        <translation>Filen {file} er ikke en datafil fra konnekta-desktop, så den er ikke rørt. Flyt den væk, eller start programmet med en anden datamappe (--config-dir).</translation>
    </message>
    <message>
        <source>The data file {file} was written by a newer konnekta-desktop (its version {found}; this one knows up to {known}). Update konnekta-desktop, or start it with another data folder (--config-dir).</source>
        <translation>Datafilen {file} er skrevet af en nyere konnekta-desktop (dens version {found}; denne kender op til {known}). Opdater konnekta-desktop, eller start den med en anden datamappe (--config-dir).</translation>
    </message>
    <message>
        <source>The data file {file} is in use by another program, most likely another konnekta-desktop with the same data folder. Quit that one, or start this one with another data folder (--config-dir).</source>
        <translation>Datafilen {file} bruges af et andet program, sandsynligvis en anden konnekta-desktop med samme datamappe. Afslut den, eller start denne med en anden datamappe (--config-dir).</translation>
    </message>
    <message>
        <source>The data file {file} cannot be opened for writing ({detail}). Check that you may write in its folder, or start the app with another data folder (--config-dir).</source>
        <translation>Datafilen {file} kan ikke åbnes til skrivning ({detail}). Kontrollér, at du må skrive i dens mappe, eller start programmet med en anden datamappe (--config-dir).</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full. Free some space there, then start the app again.</source>
        <translation>Disken med {folder} er fuld. Frigør noget plads der, og start så programmet igen.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written to ({detail}). Check that it exists and that you may write there, or start the app with another folder (--config-dir).</source>
        <translation>Der kan ikke skrives i mappen {folder} ({detail}). Kontrollér, at den findes, og at du må skrive der, eller start programmet med en anden mappe (--config-dir).</translation>
    </message>
    <message>
        <source>There is no display to show the window on. Start konnekta-desktop in a desktop session, or run it with --headless, which needs no display.</source>
        <translation>Der er ingen skærm at vise vinduet på. Start konnekta-desktop i en skrivebordssession, eller kør den med --headless, som ikke behøver en skærm.</translation>
    </message>
    <message>
        <source>The data file {file} cannot use write-ahead logging, which it needs: keep the data folder on a local disk, or start the app with another one (--config-dir).</source>
        <translation>Datafilen {file} kan ikke bruge write-ahead logging, som den har brug for: hold datamappen på en lokal disk, eller start programmet med en anden (--config-dir).</translation>
    </message>
    <message>
        <source>A state named “{name}” exists already: choose another name.</source>
        <translation>Der findes allerede en tilstand med navnet “{name}”: vælg et andet navn.</translation>
    </message>
    <message>
        <source>State “{name}” is used by template(s) {templates}: change or delete them first.</source>
        <translation>Tilstanden “{name}” bruges af skabelonen/skabelonerne {templates}: ret eller slet dem først.</translation>
    </message>
    <message>
        <source>Template “{name}” names state “{state}”, which does not exist: choose one of the states in Settings &gt; States.</source>
        <translation>Skabelonen “{name}” nævner tilstanden “{state}”, som ikke findes: vælg en af tilstandene i Indstillinger &gt; Tilstande.</translation>
    </message>
    <message>
        <source>A template named “{name}” exists already: choose another name.</source>
        <translation>Der findes allerede en skabelon med navnet “{name}”: vælg et andet navn.</translation>
    </message>
    <message>
        <source>A state needs a name.</source>
        <translation>En tilstand skal have et navn.</translation>
    </message>
    <message>
        <source>A template needs a name.</source>
        <translation>En skabelon skal have et navn.</translation>
    </message>
    <message>
        <source>The settings are incomplete: {cause}</source>
        <translation>Indstillingerne er ufuldstændige: {cause}</translation>
    </message>
    <message>
        <source>{setting} is not a valid address ({detail}): check {setting} in Settings &gt; Connection.</source>
        <translation>{setting} er ikke en gyldig adresse ({detail}): kontrollér {setting} i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>{setting} must be an https:// address: check {setting} in Settings &gt; Connection.</source>
        <translation>{setting} skal være en https://-adresse: kontrollér {setting} i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>{setting} uses plain http to {host}, which would send the password and tokens unencrypted: use an https:// address in Settings &gt; Connection.</source>
        <translation>{setting} bruger almindelig http til {host}, som ville sende adgangskode og tokens ukrypteret: brug en https://-adresse i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>{server} at {address} did not answer in time. Check {setting} in Settings &gt; Connection and the network connection.</source>
        <translation>{server} på {address} svarede ikke i tide. Kontrollér {setting} i Indstillinger &gt; Forbindelse og netværksforbindelsen.</translation>
    </message>
    <message>
        <source>Could not reach {server} at {address} securely: its TLS certificate is not trusted ({detail}). Check {setting} in Settings &gt; Connection; a company proxy&apos;s root certificate must be installed in the operating system&apos;s certificate store.</source>
        <translation>Kunne ikke nå {server} på {address} sikkert: dens TLS-certifikat er ikke betroet ({detail}). Kontrollér {setting} i Indstillinger &gt; Forbindelse; en firmaproxys rodcertifikat skal være installeret i styresystemets certifikatlager.</translation>
    </message>
    <message>
        <source>Could not reach {server} at {address} securely: the TLS handshake failed ({detail}). Check {setting} in Settings &gt; Connection; a company proxy&apos;s root certificate must be installed in the operating system&apos;s certificate store.</source>
        <translation>Kunne ikke nå {server} på {address} sikkert: TLS-håndtrykket mislykkedes ({detail}). Kontrollér {setting} i Indstillinger &gt; Forbindelse; en firmaproxys rodcertifikat skal være installeret i styresystemets certifikatlager.</translation>
    </message>
    <message>
        <source>Could not reach {server} at {address}: the host name {host} is unknown. Check {setting} in Settings &gt; Connection and the network connection.</source>
        <translation>Kunne ikke nå {server} på {address}: værtsnavnet {host} er ukendt. Kontrollér {setting} i Indstillinger &gt; Forbindelse og netværksforbindelsen.</translation>
    </message>
    <message>
        <source>Could not reach {server} at {address}: the connection was refused. Check {setting} in Settings &gt; Connection and the network connection.</source>
        <translation>Kunne ikke nå {server} på {address}: forbindelsen blev afvist. Kontrollér {setting} i Indstillinger &gt; Forbindelse og netværksforbindelsen.</translation>
    </message>
    <message>
        <source>Could not reach {server} at {address}: no connection could be made. Check {setting} in Settings &gt; Connection and the network connection.</source>
        <translation>Kunne ikke nå {server} på {address}: der kunne ikke oprettes forbindelse. Kontrollér {setting} i Indstillinger &gt; Forbindelse og netværksforbindelsen.</translation>
    </message>
    <message>
        <source>Could not reach {server} at {address}: the connection broke off. Check {setting} in Settings &gt; Connection and the network connection.</source>
        <translation>Kunne ikke nå {server} på {address}: forbindelsen blev afbrudt. Kontrollér {setting} i Indstillinger &gt; Forbindelse og netværksforbindelsen.</translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server is unavailable (HTTP {status}): try again later; if it persists, check Issuer URI in Settings &gt; Connection.</source>
        <translation>Konnektas login-server er ikke tilgængelig (HTTP {status}): prøv igen senere; varer det ved, så kontrollér Issuer URI i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server has no OpenID configuration at {url} (HTTP {status}): check Issuer URI in Settings &gt; Connection (it looks like https://{{server}}/auth/realms/{{realm}}).</source>
        <translation>Konnektas login-server har ingen OpenID-konfiguration på {url} (HTTP {status}): kontrollér Issuer URI i Indstillinger &gt; Forbindelse (den ser ud som https://{{server}}/auth/realms/{{realm}}).</translation>
    </message>
    <message>
        <source>The answer from {url} is not an OpenID configuration: check Issuer URI in Settings &gt; Connection (it looks like https://{{server}}/auth/realms/{{realm}}).</source>
        <translation>Svaret fra {url} er ikke en OpenID-konfiguration: kontrollér Issuer URI i Indstillinger &gt; Forbindelse (den ser ud som https://{{server}}/auth/realms/{{realm}}).</translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server answered the login in an unexpected shape ({detail}): check Issuer URI in Settings &gt; Connection.</source>
        <translation>Konnektas login-server besvarede login i en uventet form ({detail}): kontrollér Issuer URI i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server issued a token of type “{kind}”, not Bearer.</source>
        <translation>Konnektas login-server udstedte et token af typen “{kind}”, ikke Bearer.</translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server has no token endpoint at {url} (HTTP 404): check Issuer URI in Settings &gt; Connection.</source>
        <translation>Konnektas login-server har intet token-endepunkt på {url} (HTTP 404): kontrollér Issuer URI i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server refused the login with HTTP {status} and an unexpected answer: check Issuer URI in Settings &gt; Connection.</source>
        <translation>Konnektas login-server afviste login med HTTP {status} og et uventet svar: kontrollér Issuer URI i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>Konnekta refused the login for user {user}: the account is disabled{said}. Ask the Konnekta administrator to enable it, or enter another account under User and Password in Settings &gt; Connection.</source>
        <translation>Konnekta afviste login for brugeren {user}: kontoen er deaktiveret{said}. Bed Konnekta-administratoren om at aktivere den, eller angiv en anden konto under Bruger og Adgangskode i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>Konnekta refused the login for user {user}: the account is not fully set up{said}, for example a temporary password is still to be changed or a required profile field is empty. Ask the Konnekta administrator to complete the account, or enter another account under User and Password in Settings &gt; Connection.</source>
        <translation>Konnekta afviste login for brugeren {user}: kontoen er ikke færdigoprettet{said}, f.eks. skal en midlertidig adgangskode stadig ændres, eller et påkrævet profilfelt er tomt. Bed Konnekta-administratoren om at gøre kontoen færdig, eller angiv en anden konto under Bruger og Adgangskode i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>Konnekta ended the login session{said}: logging in again with User and Password from Settings &gt; Connection.</source>
        <translation>Konnekta afsluttede login-sessionen{said}: logger ind igen med Bruger og Adgangskode fra Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>Konnekta refused the login{said}: check Client ID and Client Secret in Settings &gt; Connection.</source>
        <translation>Konnekta afviste login{said}: kontrollér Client ID og Client Secret i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>Konnekta refused the login for user {user}{said}: check User and Password in Settings &gt; Connection.</source>
        <translation>Konnekta afviste login for brugeren {user}{said}: kontrollér Bruger og Adgangskode i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>Konnekta does not let client {client} log in with a user and password{said}: check Client ID and Client Secret in Settings &gt; Connection, or ask the Konnekta administrator to allow direct access grants for that client.</source>
        <translation>Konnekta lader ikke klienten {client} logge ind med bruger og adgangskode{said}: kontrollér Client ID og Client Secret i Indstillinger &gt; Forbindelse, eller bed Konnekta-administratoren om at tillade direct access grants for den klient.</translation>
    </message>
    <message>
        <source>Konnekta refused the login ({error}){said}: check Client ID, Client Secret, User and Password in Settings &gt; Connection.</source>
        <translation>Konnekta afviste login ({error}){said}: kontrollér Client ID, Client Secret, Bruger og Adgangskode i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>Konnekta answered {request} in an unexpected shape ({detail}). Our model of the Konnekta API may be out of date: please report it.</source>
        <translation>Konnekta besvarede {request} i en uventet form ({detail}). Vores model af Konnektas API kan være forældet: rapportér det venligst.</translation>
    </message>
    <message>
        <source>Konnekta is unavailable (HTTP {status}){said}: try again later.</source>
        <translation>Konnekta er ikke tilgængelig (HTTP {status}){said}: prøv igen senere.</translation>
    </message>
    <message>
        <source>Konnekta found the request malformed{said}. This is a fault in konnekta-desktop or a change in Konnekta&apos;s API: please report it.</source>
        <translation>Konnekta fandt anmodningen fejlformet{said}. Det er en fejl i konnekta-desktop eller en ændring i Konnektas API: rapportér det venligst.</translation>
    </message>
    <message>
        <source>Konnekta refused the access token, even after logging in again{said}. Check that the SMG Address and the Issuer URI name the same realm in Settings &gt; Connection.</source>
        <translation>Konnekta afviste adgangstokenet, også efter nyt login{said}. Kontrollér, at SMG-adressen og Issuer URI nævner samme realm i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>Konnekta does not allow it{said}. Ask the Konnekta administrator for the right.</source>
        <translation>Konnekta tillader det ikke{said}. Bed Konnekta-administratoren om rettigheden.</translation>
    </message>
    <message>
        <source>Konnekta does not allow it{said}. Check that the user has the Set Caller ID right in Konnekta.</source>
        <translation>Konnekta tillader det ikke{said}. Kontrollér, at brugeren har rettigheden Set Caller ID i Konnekta.</translation>
    </message>
    <message>
        <source>Konnekta does not allow it{said}: only the queue&apos;s agents log in to it. An administrator can make the user an agent of the queue in Konnekta.</source>
        <translation>Konnekta tillader det ikke{said}: kun køens agenter logger ind i den. En administrator kan gøre brugeren til agent i køen i Konnekta.</translation>
    </message>
    <message>
        <source>There is no Konnekta API at {address}. Check the SMG Address in Settings &gt; Connection.</source>
        <translation>Der er intet Konnekta-API på {address}. Kontrollér SMG-adressen i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>Konnekta does not know it{said}. It may have been removed or ended already.</source>
        <translation>Konnekta kender det ikke{said}. Det kan være fjernet eller allerede afsluttet.</translation>
    </message>
    <message>
        <source>Konnekta could not carry it out{said}.</source>
        <translation>Konnekta kunne ikke udføre det{said}.</translation>
    </message>
    <message>
        <source>Konnekta refused it (HTTP {status}){said}.</source>
        <translation>Konnekta afviste det (HTTP {status}){said}.</translation>
    </message>
    <message>
        <source>The event listener cannot use port {port} on {host} ({detail}). Another program may be using it: choose another Listener Port in Settings &gt; Connection.</source>
        <translation>Hændelseslytteren kan ikke bruge port {port} på {host} ({detail}). Et andet program bruger den måske: vælg en anden lytteport i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>Listener Port {port} on {host} is used by another konnekta-desktop on this computer (a second copy, perhaps one started with --headless). Quit that one, or give this one another Listener Port in Settings &gt; Connection.</source>
        <translation>Lytteport {port} på {host} bruges af en anden konnekta-desktop på denne computer (en kopi mere, måske startet med --headless). Afslut den, eller giv denne en anden lytteport i Indstillinger &gt; Forbindelse.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock and Konnekta&apos;s differ by about {minutes} minutes. Events still arrive, but check this computer&apos;s date and time settings.</source>
        <translation>Denne computers ur og Konnektas afviger med omkring {minutes} minutter. Hændelserne kommer stadig frem, men kontrollér computerens indstillinger for dato og klokkeslæt.</translation>
    </message>
    <message>
        <source>Konnekta&apos;s clock is about {minutes} minutes ahead (this computer&apos;s clock is synchronised). Events still arrive; tell your telephony provider.</source>
        <translation>Konnektas ur går omkring {minutes} minutter for hurtigt (denne computers ur er synkroniseret). Hændelserne kommer stadig frem; sig det til din telefoniudbyder.</translation>
    </message>
    <message>
        <source>Konnekta&apos;s clock is about {minutes} minutes behind (this computer&apos;s clock is synchronised). Events still arrive; tell your telephony provider.</source>
        <translation>Konnektas ur går omkring {minutes} minutter for langsomt (denne computers ur er synkroniseret). Hændelserne kommer stadig frem; sig det til din telefoniudbyder.</translation>
    </message>
    <message>
        <source>Konnekta&apos;s events are being refused: they are signed with a time about {minutes} minutes off this computer&apos;s clock. Check this computer&apos;s date and time settings.</source>
        <translation>Konnektas hændelser bliver afvist: de er signeret med et tidspunkt, der afviger omkring {minutes} minutter fra denne computers ur. Kontrollér computerens indstillinger for dato og klokkeslæt.</translation>
    </message>
    <message>
        <source>Konnekta&apos;s events are not reaching this app: reading back from Konnekta found changes no event told of (shown now). Check the Webhook Address in Settings &gt; Connection, and any firewall or proxy on the way.</source>
        <translation>Konnektas hændelser når ikke frem til programmet: en genlæsning fra Konnekta fandt ændringer, som ingen hændelse fortalte om (vist nu). Kontrollér Webhook-adressen i Indstillinger &gt; Forbindelse og eventuelle firewalls eller proxyer på vejen.</translation>
    </message>
    <message>
        <source>Konnekta&apos;s events reach this app again.</source>
        <translation>Konnektas hændelser når frem til programmet igen.</translation>
    </message>
    <message>
        <source>This switchboard speaks version {client_version} of the company connector&apos;s client protocol, and the connector speaks {connector_version}: they work together only when the major versions are the same and the minor versions at most one apart. Update the older of the two.</source>
        <translation>Dette omstillingsbord taler version {client_version} af firmaconnectorens klientprotokol, og connectoren taler {connector_version}: de virker kun sammen, når hovedversionerne er ens og underversionerne højst én fra hinanden. Opdater den ældste af de to.</translation>
    </message>
    <message>
        <source>A message to the company connector was {size} bytes long, and it reads at most {most}: the message was not used.</source>
        <translation>En besked til firmaconnectoren var {size} byte lang, og den læser højst {most}: beskeden blev ikke brugt.</translation>
    </message>
    <message>
        <source>A message to the company connector was not JSON text (each message is one JSON object in a text frame): the message was not used.</source>
        <translation>En besked til firmaconnectoren var ikke JSON-tekst (hver besked er ét JSON-objekt i en tekstramme): beskeden blev ikke brugt.</translation>
    </message>
    <message>
        <source>The company connector does not know messages of type “{type}”: the message was not used.</source>
        <translation>Firmaconnectoren kender ikke beskeder af typen “{type}”: beskeden blev ikke brugt.</translation>
    </message>
    <message>
        <source>A message to the company connector has fields it cannot use ({detail}): the message was not used.</source>
        <translation>En besked til firmaconnectoren har felter, den ikke kan bruge ({detail}): beskeden blev ikke brugt.</translation>
    </message>
    <message>
        <source>A “{type}” message came out of turn: a client says hello once, first, and then sends commands.</source>
        <translation>En “{type}”-besked kom i utide: en klient siger hello én gang, først, og sender derefter kommandoer.</translation>
    </message>
    <message>
        <source>The company connector has no command “{name}”.</source>
        <translation>Firmaconnectoren har ingen kommando “{name}”.</translation>
    </message>
    <message>
        <source>{command} failed because of a fault in the company connector; its log says more. Please report it.</source>
        <translation>{command} mislykkedes på grund af en fejl i firmaconnectoren; dens log siger mere. Rapportér det venligst.</translation>
    </message>
    <message>
        <source>This switchboard fell behind the company connector&apos;s updates, so the connector disconnected it. Connect again to catch up.</source>
        <translation>Dette omstillingsbord kom bagud med firmaconnectorens opdateringer, så connectoren afbrød forbindelsen. Forbind igen for at indhente dem.</translation>
    </message>
    <message>
        <source>The company connector&apos;s client API cannot use port {port} on {host} ({detail}). Another program may be using it: choose another port with --port.</source>
        <translation>Firmaconnectorens klient-API kan ikke bruge port {port} på {host} ({detail}). Et andet program bruger den måske: vælg en anden port med --port.</translation>
    </message>
    <message>
        <source>The client API would listen on {host} without encryption, so device tokens would cross the network readable. Give --tls-cert and --tls-key, or --behind-proxy when a proxy in front of it terminates TLS, or listen on 127.0.0.1.</source>
        <translation>Klient-API&apos;et ville lytte på {host} uden kryptering, så enhedsnøgler kunne læses på netværket. Angiv --tls-cert og --tls-key, eller --behind-proxy når en proxy foran det står for TLS, eller lyt på 127.0.0.1.</translation>
    </message>
    <message>
        <source>The certificate {cert} and key {key} cannot be used ({detail}): check --tls-cert and --tls-key.</source>
        <translation>Certifikatet {cert} og nøglen {key} kan ikke bruges ({detail}): tjek --tls-cert og --tls-key.</translation>
    </message>
    <message>
        <source>This enrolment code is not valid: it may be mistyped or used already. Ask your administrator for a new one.</source>
        <translation>Denne tilmeldingskode er ikke gyldig: den kan være skrevet forkert eller allerede brugt. Bed din administrator om en ny.</translation>
    </message>
    <message>
        <source>This enrolment code has expired. Ask your administrator for a new one.</source>
        <translation>Denne tilmeldingskode er udløbet. Bed din administrator om en ny.</translation>
    </message>
    <message>
        <source>Too many wrong enrolment codes were tried. Wait {minutes} minutes, then try again with the code from your administrator.</source>
        <translation>Der er prøvet for mange forkerte tilmeldingskoder. Vent {minutes} minutter, og prøv så igen med koden fra din administrator.</translation>
    </message>
    <message>
        <source>This switchboard is not enrolled with the company connector at {address}. Start it once with --enrol and the code from your administrator.</source>
        <translation>Dette omstillingsbord er ikke tilmeldt virksomhedens connector på {address}. Start det én gang med --enrol og koden fra din administrator.</translation>
    </message>
    <message>
        <source>The company connector at {address} no longer accepts this switchboard: its enrolment was revoked or is unknown there. Ask your administrator for a new enrolment code.</source>
        <translation>Virksomhedens connector på {address} tager ikke længere imod dette omstillingsbord: tilmeldingen er tilbagekaldt eller ukendt dér. Bed din administrator om en ny tilmeldingskode.</translation>
    </message>
    <message>
        <source>The company connector does not accept connections from the web page {origin}.</source>
        <translation>Virksomhedens connector tager ikke imod forbindelser fra websiden {origin}.</translation>
    </message>
    <message>
        <source>The company connector is still starting: try again in a moment.</source>
        <translation>Virksomhedens connector starter stadig: prøv igen om et øjeblik.</translation>
    </message>
    <message>
        <source>{command} is for administrators of the company connector only.</source>
        <translation>{command} er kun for administratorer af virksomhedens connector.</translation>
    </message>
    <message>
        <source>This wrap-up belongs to {user}: only their own switchboard can complete it.</source>
        <translation>Denne efterbehandling tilhører {user}: kun deres eget omstillingsbord kan afslutte den.</translation>
    </message>
    <message>
        <source>“{address}” is not encrypted: a company connector on another computer is reached with https:// or wss:// (plain http only on this computer).</source>
        <translation>“{address}” er ikke krypteret: en connector på en anden computer nås med https:// eller wss:// (almindelig http kun på denne computer).</translation>
    </message>
    <message>
        <source>This switchboard is enrolled, but there is no keyring to keep its device token in, so it lasts for this run only. Ask your administrator for a new code next time.</source>
        <translation>Dette omstillingsbord er tilmeldt, men der er ingen nøglering at gemme enhedsnøglen i, så den gælder kun denne kørsel. Bed din administrator om en ny kode næste gang.</translation>
    </message>
    <message>
        <source>The client API listens on {host}, so other computers can connect, and it has no authentication yet: anyone who reaches it can use the switchboard. Use 127.0.0.1 unless a firewall keeps everyone else out.</source>
        <translation type="vanished">Klient-API&apos;et lytter på {host}, så andre computere kan forbinde, og det har endnu ingen godkendelse: alle, der kan nå det, kan bruge omstillingsbordet. Brug 127.0.0.1, medmindre en firewall holder alle andre ude.</translation>
    </message>
    <message>
        <source>The secrets file {file} cannot be read ({detail}): check --secrets-file.</source>
        <translation>Hemmelighedsfilen {file} kan ikke læses ({detail}): kontrollér --secrets-file.</translation>
    </message>
    <message>
        <source>The secrets file {file} can be changed by other users, so it is not used: make it owned by this user and writable by them only (chmod 600).</source>
        <translation>Hemmelighedsfilen {file} kan ændres af andre brugere, så den bruges ikke: lad denne bruger eje den og alene kunne skrive i den (chmod 600).</translation>
    </message>
    <message>
        <source>The secrets file {file} can be read by other users, so it is not used: make it readable by its owner only (chmod 600), or mount it under /run/secrets or /run/credentials.</source>
        <translation>Hemmelighedsfilen {file} kan læses af andre brugere, så den bruges ikke: gør den læsbar for ejeren alene (chmod 600), eller montér den under /run/secrets eller /run/credentials.</translation>
    </message>
    <message>
        <source>Line {line} of the secrets file {file} is not NAME=value with the name KONNEKTA_CLIENT_SECRET or KONNEKTA_PASSWORD.</source>
        <translation>Linje {line} i hemmelighedsfilen {file} er ikke NAVN=værdi med navnet KONNEKTA_CLIENT_SECRET eller KONNEKTA_PASSWORD.</translation>
    </message>
    <message>
        <source>“{address}” is not the address of a company connector: give one like http://127.0.0.1:8471 (http, https, ws or wss, the host and the port).</source>
        <translation>“{address}” er ikke adressen på en firmaconnector: angiv en som http://127.0.0.1:8471 (http, https, ws eller wss, værten og porten).</translation>
    </message>
    <message>
        <source>--connect opens the switchboard window on a company connector: it cannot be combined with --demo or --headless.</source>
        <translation>--connect åbner omstillingsvinduet på en firmaconnector: det kan ikke kombineres med --demo eller --headless.</translation>
    </message>
    <message>
        <source>Could not reach the company connector at {address} ({detail}). Check that it runs and that the address given with --connect is right; trying again.</source>
        <translation>Kunne ikke nå firmaconnectoren på {address} ({detail}). Kontrollér, at den kører, og at adressen givet med --connect er rigtig; prøver igen.</translation>
    </message>
    <message>
        <source>Lost the connection to the company connector at {address}; connecting again.</source>
        <translation>Forbindelsen til firmaconnectoren på {address} blev afbrudt; forbinder igen.</translation>
    </message>
    <message>
        <source>The company connector at {address} answered in a shape this switchboard does not understand ({detail}). Update konnekta-desktop or the connector so that both are the same version.</source>
        <translation>Firmaconnectoren på {address} svarede i en form, dette omstillingsbord ikke forstår ({detail}). Opdater konnekta-desktop eller connectoren, så begge har samme version.</translation>
    </message>
    <message>
        <source>The company connector gave a reason this version of konnekta-desktop does not know (“{code}”). Update konnekta-desktop to see what it means.</source>
        <translation>Firmaconnectoren gav en grund, som denne version af konnekta-desktop ikke kender (“{code}”). Opdater konnekta-desktop for at se, hvad den betyder.</translation>
    </message>
    <message>
        <source>{command} was not carried out: this switchboard is not connected to the company connector at {address} now. Try again when the status bar says Connected.</source>
        <translation>{command} blev ikke udført: dette omstillingsbord er ikke forbundet til firmaconnectoren på {address} lige nu. Prøv igen, når statuslinjen siger Forbundet.</translation>
    </message>
    <message>
        <source>{command} was not carried out: the switchboard is not connected, so what it shows may be out of date. Try again when the status bar says Connected.</source>
        <translation>{command} blev ikke udført: omstillingsbordet er ikke forbundet, så det, det viser, kan være forældet. Prøv igen, når statuslinjen siger Forbundet.</translation>
    </message>
    <message>
        <source>{command}: the connection to the company connector broke off before it answered and did not come back within {seconds} seconds, so it is not known whether it was carried out. Look at the switchboard before trying again.</source>
        <translation>{command}: forbindelsen til firmaconnectoren blev afbrudt, før den svarede, og kom ikke igen inden for {seconds} sekunder, så det vides ikke, om det blev udført. Se efter på omstillingsbordet, før du prøver igen.</translation>
    </message>
    <message>
        <source>The company&apos;s settings (connection, numbers, states, templates, mappings and appointments) are kept by the company connector: they cannot be changed from this switchboard.</source>
        <translation>Firmaets indstillinger (forbindelse, numre, tilstande, skabeloner, tilknytninger og aftaler) holdes af firmaconnectoren: de kan ikke ændres fra dette omstillingsbord.</translation>
    </message>
    <message>
        <source>Lost the connection to Konnekta</source>
        <translation>Forbindelsen til Konnekta blev afbrudt</translation>
    </message>
    <message>
        <source>Reconnecting after the computer was asleep for about {minutes} minutes</source>
        <translation>Genopretter forbindelsen, efter at computeren har sovet i omkring {minutes} minutter</translation>
    </message>
    <message>
        <source>Reconnecting: the network connection changed</source>
        <translation>Genopretter forbindelsen: netværksforbindelsen er skiftet</translation>
    </message>
    <message>
        <source>Reconnecting: the computer is online again</source>
        <translation>Genopretter forbindelsen: computeren er online igen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation>Opringning</translation>
    </message>
    <message>
        <source>Hanging up</source>
        <translation>Læg på</translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation>Omstilling</translation>
    </message>
    <message>
        <source>Putting the call on hold</source>
        <translation>Parkering af opkaldet</translation>
    </message>
    <message>
        <source>Taking the call off hold</source>
        <translation>Genoptagelse af opkaldet</translation>
    </message>
    <message>
        <source>Answering</source>
        <translation>Besvarelse</translation>
    </message>
    <message>
        <source>Picking up the call</source>
        <translation>Overtagelse af opkaldet</translation>
    </message>
    <message>
        <source>Calling for a consultation</source>
        <translation>Opkald til samråd</translation>
    </message>
    <message>
        <source>Connecting the caller</source>
        <translation>Viderestilling af den ventende</translation>
    </message>
    <message>
        <source>Going back to the caller</source>
        <translation>Tilbage til den ventende</translation>
    </message>
    <message>
        <source>Loading the queues</source>
        <translation>Indlæsning af køerne</translation>
    </message>
    <message>
        <source>Logging in to the queue</source>
        <translation>Log ind i køen</translation>
    </message>
    <message>
        <source>Logging out of the queue</source>
        <translation>Log ud af køen</translation>
    </message>
    <message>
        <source>Saving the states, templates and appointments</source>
        <translation>Gemning af tilstande, skabeloner og aftaler</translation>
    </message>
    <message>
        <source>Saving the company&apos;s settings</source>
        <translation>Gemning af virksomhedens indstillinger</translation>
    </message>
    <message>
        <source>Setting forwarding</source>
        <translation>Viderestilling</translation>
    </message>
    <message>
        <source>Clearing forwarding</source>
        <translation>Fjernelse af viderestilling</translation>
    </message>
    <message>
        <source>Setting the caller ID</source>
        <translation>Ændring af nummervisning</translation>
    </message>
    <message>
        <source>Restoring the default caller ID</source>
        <translation>Gendannelse af standardnummervisningen</translation>
    </message>
    <message>
        <source>Loading the caller IDs</source>
        <translation>Hentning af nummervisninger</translation>
    </message>
    <message>
        <source>Setting the state</source>
        <translation>Ændring af tilstand</translation>
    </message>
    <message>
        <source>Setting the availability</source>
        <translation>Ændring af tilgængelighed</translation>
    </message>
    <message>
        <source>Completing the wrap-up</source>
        <translation>Afslutning af efterbehandlingen</translation>
    </message>
    <message>
        <source>Loading the activities</source>
        <translation>Hentning af aktiviteterne</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Test af forbindelsen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Forbindelse</translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <translation>&amp;Numre</translation>
    </message>
    <message>
        <source>&amp;States and sync</source>
        <translation>&amp;Tilstande og synkronisering</translation>
    </message>
    <message>
        <source>&amp;Mappings</source>
        <translation>T&amp;ilknytninger</translation>
    </message>
    <message>
        <source>Calling and &amp;wrap-up</source>
        <translation>Opkald og &amp;efterbehandling</translation>
    </message>
    <message>
        <source>&amp;Appointments</source>
        <translation>&amp;Aftaler</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome to Konnekta Desktop.&lt;/b&gt; To connect the switchboard to Konnekta, fill in the connection details from your telephony provider: the fields marked in red are still missing. &lt;i&gt;Test connection&lt;/i&gt; checks them; OK saves them and connects.</source>
        <translation>&lt;b&gt;Velkommen til Konnekta Desktop.&lt;/b&gt; For at forbinde omstillingsbordet til Konnekta skal du udfylde forbindelsesoplysningerne fra din teleudbyder: felterne markeret med rødt mangler stadig. &lt;i&gt;Test forbindelsen&lt;/i&gt; kontrollerer dem; OK gemmer dem og forbinder.</translation>
    </message>
    <message>
        <source>What to do first</source>
        <translation>Det skal du gøre først</translation>
    </message>
    <message>
        <source>Connection, numbers, states, mappings and appointments are your company&apos;s settings; ask your administrator to change them.</source>
        <translation>Forbindelse, numre, tilstande, tilknytninger og aftaler er din virksomheds indstillinger; bed din administrator om at ændre dem.</translation>
    </message>
    <message>
        <source>Settings: connect to Konnekta</source>
        <translation>Indstillinger: forbind til Konnekta</translation>
    </message>
    <message>
        <source>The settings could not be applied: {reason}</source>
        <translation>Indstillingerne kunne ikke tages i brug: {reason}</translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>Ikke gemt: {problem}</translation>
    </message>
    <message>
        <source>(One more field needs correcting.)</source>
        <translation>(Ét felt mere skal rettes.)</translation>
    </message>
    <message>
        <source>({count} more fields need correcting.)</source>
        <translation>({count} felter mere skal rettes.)</translation>
    </message>
    <message>
        <source>Not saved: there is no system keyring to keep the Client Secret and Password in. Tick &apos;Keep the Client Secret and Password for this session only&apos; on the Connection tab, or install or unlock a keyring.</source>
        <translation>Ikke gemt: der er ingen nøglering i systemet til Client Secret og adgangskode. Sæt flueben i &apos;Behold Client Secret og adgangskode kun i denne session&apos; på fanen Forbindelse, eller installér eller lås en nøglering op.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Indstillingerne er gemt.</translation>
    </message>
    <message>
        <source>The new language shows after restarting the app.</source>
        <translation>Det nye sprog vises, når programmet er genstartet.</translation>
    </message>
    <message>
        <source>The switchboard connects through the company connector after a restart.</source>
        <translation>Omstillingsbordet forbinder via virksomhedens connector efter en genstart.</translation>
    </message>
    <message>
        <source>The switchboard connects to Konnekta itself after a restart.</source>
        <translation>Omstillingsbordet forbinder selv til Konnekta efter en genstart.</translation>
    </message>
    <message>
        <source>Connecting to Konnekta.</source>
        <translation>Forbinder til Konnekta.</translation>
    </message>
    <message>
        <source>Reconnecting to Konnekta with the new connection settings.</source>
        <translation>Forbinder igen til Konnekta med de nye forbindelsesindstillinger.</translation>
    </message>
    <message>
        <source>Restart the app to connect with the new connection settings.</source>
        <translation>Genstart programmet for at forbinde med de nye forbindelsesindstillinger.</translation>
    </message>
    <message>
        <source>Saved, but not connected: {reason}</source>
        <translation>Gemt, men ikke forbundet: {reason}</translation>
    </message>
</context>
<context>
    <name>SettingsOption</name>
    <message>
        <source>Transferred Calls Come Back After</source>
        <translation>Omstillede opkald kommer tilbage efter</translation>
    </message>
    <message>
        <source>Seconds a call you transferred may ring unanswered before it comes back to you; while you are on a call you are told instead, and Pick up takes it back. 0 turns this off.</source>
        <translation>Sekunder et opkald, du har omstillet, må ringe ubesvaret, før det kommer tilbage til dig; mens du taler i et andet opkald, får du det at vide i stedet, og Overtag tager det tilbage. 0 slår det fra.</translation>
    </message>
    <message>
        <source>Company Connector</source>
        <translation>Virksomhedens connector</translation>
    </message>
    <message>
        <source>The address of your company&apos;s connector (konnekta-desktop server), such as https://switchboard.example.dk, given by your administrator with an enrolment code. Leave it empty when this computer connects to Konnekta itself; then the fields below are needed instead.</source>
        <translation>Adressen på virksomhedens connector (konnekta-desktop server), fx https://switchboard.example.dk, som din administrator giver dig sammen med en tilmeldingskode. Lad den stå tom, når denne computer selv forbinder til Konnekta; så skal felterne nedenfor udfyldes i stedet.</translation>
    </message>
    <message>
        <source>Tenant Domain</source>
        <translation>Tenant-domæne</translation>
    </message>
    <message>
        <source>The domain registered for your organisation in Konnekta: the part after &apos;@&apos; in the usernames people log in with.</source>
        <translation>Det domæne, jeres organisation er oprettet med i Konnekta: delen efter &apos;@&apos; i de brugernavne, man logger ind med.</translation>
    </message>
    <message>
        <source>Listener Port</source>
        <translation>Lytteport</translation>
    </message>
    <message>
        <source>The TCP port on this computer where Konnekta&apos;s events are received. It is used only locally, so no firewall opening is needed.</source>
        <translation>Den TCP-port på denne computer, hvor hændelser fra Konnekta modtages. Den bruges kun lokalt, så der skal ikke åbnes i firewallen.</translation>
    </message>
    <message>
        <source>Listener Host</source>
        <translation>Lytteadresse</translation>
    </message>
    <message>
        <source>The address the event listener binds to. Keep 127.0.0.1 so that only this computer can reach it.</source>
        <translation>Den adresse, hændelseslytteren bruger. Behold 127.0.0.1, så kun denne computer kan nå den.</translation>
    </message>
    <message>
        <source>SMG Address</source>
        <translation>SMG-adresse</translation>
    </message>
    <message>
        <source>Konnekta&apos;s SMG API, shaped like https://{server}/api-admin/realm/{realm}/fwd. Your telephony provider gives you the server and realm.</source>
        <translation>Konnektas SMG-API, på formen https://{server}/api-admin/realm/{realm}/fwd. Server og realm får I af jeres telefonileverandør.</translation>
    </message>
    <message>
        <source>Issuer URI</source>
        <translation>Issuer URI</translation>
    </message>
    <message>
        <source>The Keycloak login server, shaped like https://{server}/auth/realms/{realm} (note: &apos;realms&apos;, plural). Your telephony provider gives you the server and realm.</source>
        <translation>Keycloak-loginserveren, på formen https://{server}/auth/realms/{realm} (bemærk: &apos;realms&apos; i flertal). Server og realm får I af jeres telefonileverandør.</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>The OAuth 2.0 client used for logging in, from your telephony provider.</source>
        <translation>Den OAuth 2.0-klient, der logges ind med; I får den af jeres telefonileverandør.</translation>
    </message>
    <message>
        <source>Client Secret</source>
        <translation>Client Secret</translation>
    </message>
    <message>
        <source>The OAuth 2.0 client&apos;s secret, from your telephony provider. It is kept in the system keyring, never in the settings file.</source>
        <translation>OAuth 2.0-klientens hemmelighed fra jeres telefonileverandør. Den gemmes i systemets nøglering, aldrig i indstillingsfilen.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <source>The user name of the Konnekta tenant service account.</source>
        <translation>Brugernavnet på Konnekta-tenantens servicekonto.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>The service account&apos;s password. It is kept in the system keyring, never in the settings file.</source>
        <translation>Servicekontoens adgangskode. Den gemmes i systemets nøglering, aldrig i indstillingsfilen.</translation>
    </message>
    <message>
        <source>Webhook Address</source>
        <translation>Webhook-adresse</translation>
    </message>
    <message>
        <source>Where Konnekta sends telephony and user events. Leave it empty to use the Listener Port on this computer.</source>
        <translation>Hvortil Konnekta sender telefoni- og brugerhændelser. Lad feltet være tomt for at bruge lytteporten på denne computer.</translation>
    </message>
    <message>
        <source>Verify TLS Certificates</source>
        <translation>Kontrollér TLS-certifikater</translation>
    </message>
    <message>
        <source>Check Konnekta&apos;s certificates. Turn off only to test against a server with a self-signed certificate.</source>
        <translation>Kontrollér Konnektas certifikater. Slå det kun fra for at teste mod en server med et selvsigneret certifikat.</translation>
    </message>
    <message>
        <source>Read Back From Konnekta Every</source>
        <translation>Genlæs fra Konnekta hvert</translation>
    </message>
    <message>
        <source>Minutes between readings of everyone&apos;s status and the calls in progress from Konnekta, compared with what its events said, so that events that do not arrive are noticed and made up for.</source>
        <translation>Minutter mellem hver læsning af alles status og igangværende opkald fra Konnekta, sammenlignet med hvad hændelserne sagde, så hændelser, der ikke kommer frem, opdages og indhentes.</translation>
    </message>
    <message>
        <source>International Prefix</source>
        <translation>Internationalt præfiks</translation>
    </message>
    <message>
        <source>What you dial before a country code, usually 00 (0045... for Denmark).</source>
        <translation>Det, man taster før en landekode, normalt 00 (0045... for Danmark).</translation>
    </message>
    <message>
        <source>International Code</source>
        <translation>Landekode</translation>
    </message>
    <message>
        <source>Your own country calling code, e.g. 45 for Denmark or 298 for the Faroe Islands. Numbers without one are taken to be in this country.</source>
        <translation>Jeres eget lands landekode, f.eks. 45 for Danmark eller 298 for Færøerne. Numre uden landekode regnes for at høre til dette land.</translation>
    </message>
    <message>
        <source>Synchronise on Startup/Reconnect</source>
        <translation>Synkronisér ved start/genforbindelse</translation>
    </message>
    <message>
        <source>After start-up or a lost connection, bring states on both sides back in step, so that changes made meanwhile are not lost.</source>
        <translation>Efter start eller en mistet forbindelse bringes tilstandene på begge sider i overensstemmelse igen, så ændringer foretaget imens ikke går tabt.</translation>
    </message>
    <message>
        <source>Synchronisation Direction</source>
        <translation>Synkroniseringsretning</translation>
    </message>
    <message>
        <source>Which side wins when states are brought back in step.</source>
        <translation>Hvilken side der vinder, når tilstandene bringes i overensstemmelse igen.</translation>
    </message>
    <message>
        <source>Activity Mappings</source>
        <translation>Aktivitetstilknytninger</translation>
    </message>
    <message>
        <source>Which local template a Konnekta activity (by id) switches on.</source>
        <translation>Hvilken lokal skabelon en Konnekta-aktivitet (efter id) slår til.</translation>
    </message>
    <message>
        <source>State Mappings</source>
        <translation>Tilstandstilknytninger</translation>
    </message>
    <message>
        <source>Which Konnekta activity (by id) a local state sets. Availability follows the state&apos;s class: Free is available, every other class unavailable.</source>
        <translation>Hvilken Konnekta-aktivitet (efter id) en lokal tilstand sætter. Tilgængeligheden følger tilstandens klasse: Ledig er tilgængelig, alle andre klasser utilgængelig.</translation>
    </message>
    <message>
        <source>Wrap-up Completes Itself After</source>
        <translation>Efterbehandling afsluttes af sig selv efter</translation>
    </message>
    <message>
        <source>Minutes after which a pending wrap-up completes by itself when no switchboard is open to complete it, so that nobody stays Unavailable; the user is then made Available.</source>
        <translation>Minutter, hvorefter en ventende efterbehandling afsluttes af sig selv, når intet omstillingsbord er åbent til at afslutte den, så ingen bliver hængende som ikke tilgængelig; brugeren gøres så tilgængelig.</translation>
    </message>
    <message>
        <source>Your Konnekta User</source>
        <translation>Din Konnekta-bruger</translation>
    </message>
    <message>
        <source>Your own Konnekta username or user id: calls you make start from your devices.</source>
        <translation>Dit eget Konnekta-brugernavn eller bruger-id: opkald, du foretager, starter fra dine enheder.</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Efterbehandling</translation>
    </message>
    <message>
        <source>Run the wrap-up dialog after your calls, when wrap-up is enabled for you in Konnekta.</source>
        <translation>Vis efterbehandlingsvinduet efter dine opkald, når efterbehandling er slået til for dig i Konnekta.</translation>
    </message>
    <message>
        <source>Run the wrap-up dialog after calls for users who have wrap-up enabled.</source>
        <translation type="vanished">Vis efterbehandlingsvinduet efter opkald for brugere, der har efterbehandling slået til.</translation>
    </message>
    <message>
        <source>Default Calling Device</source>
        <translation>Standardenhed til opkald</translation>
    </message>
    <message>
        <source>Where your calls start: your local phone (desk phone, then softphone), your mobile (click-to-dial) or Teams.</source>
        <translation>Hvor dine opkald starter: din lokale telefon (bordtelefon, ellers softphone), din mobil (klik-for-opkald) eller Teams.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>The language of the app; empty follows the operating system.</source>
        <translation>Programmets sprog; tomt følger styresystemet.</translation>
    </message>
    <message>
        <source>Start at Login</source>
        <translation>Start ved login</translation>
    </message>
    <message>
        <source>Start konnekta-desktop when you log in to this computer.</source>
        <translation>Start konnekta-desktop, når du logger ind på denne computer.</translation>
    </message>
    <message>
        <source>Mute Notifications</source>
        <translation>Slå notifikationer fra</translation>
    </message>
    <message>
        <source>Do not show desktop notifications for incoming calls.</source>
        <translation>Vis ikke skrivebordsnotifikationer ved indgående opkald.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Forbindelse</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numre</translation>
    </message>
    <message>
        <source>States</source>
        <translation>Tilstande</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatør</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Udseende</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>(not mapped)</source>
        <translation>(ikke tilknyttet)</translation>
    </message>
    <message>
        <source>Free (available)</source>
        <translation>Ledig (tilgængelig)</translation>
    </message>
    <message>
        <source>Tentative</source>
        <translation>Foreløbig</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Optaget</translation>
    </message>
    <message>
        <source>Out of office</source>
        <translation>Ikke på kontoret</translation>
    </message>
    <message>
        <source>Working elsewhere</source>
        <translation>Arbejder andetsteds</translation>
    </message>
    <message>
        <source>Keep the Client Secret and Password for this session only</source>
        <translation>Behold Client Secret og adgangskode kun i denne session</translation>
    </message>
    <message>
        <source>No keyring</source>
        <translation>Ingen nøglering</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test forbindelsen</translation>
    </message>
    <message>
        <source>Log in with the values in this form and count Konnekta&apos;s users and activities.</source>
        <translation>Log ind med værdierne i denne formular, og tæl Konnektas brugere og aktiviteter.</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Tilmeldingskode</translation>
    </message>
    <message>
        <source>The one-time code your administrator gave you for this computer. It is used once; the connector then knows this computer by a token kept in the keyring.</source>
        <translation>Engangskoden, din administrator gav dig til denne computer. Den bruges én gang; derefter kender connectoren computeren på en nøgle, der gemmes i nøgleringen.</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>Tilm&amp;eld</translation>
    </message>
    <message>
        <source>Type the enrolment code first.</source>
        <translation>Skriv tilmeldingskoden først.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Tilmelder…</translation>
    </message>
    <message>
        <source>Enrolled as {user}. After OK, Konnekta Desktop connects through the company connector when it starts again.</source>
        <translation>Tilmeldt som {user}. Efter OK forbinder Konnekta Desktop via virksomhedens connector, når den starter igen.</translation>
    </message>
    <message>
        <source>No system keyring could be used, so the Client Secret and Password cannot be saved on this computer. Tick the box to keep them until the app closes, or install or unlock a keyring and save again.</source>
        <translation>Systemets nøglering kunne ikke bruges, så Client Secret og adgangskode kan ikke gemmes på denne computer. Sæt flueben for at beholde dem, til programmet lukkes, eller installér eller lås en nøglering op, og gem igen.</translation>
    </message>
    <message>
        <source>Correct the fields marked in red first.</source>
        <translation>Ret først felterne, der er markeret med rødt.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Logger ind…</translation>
    </message>
    <message>
        <source>Connected: Konnekta lists {users} users and {activities} activities.</source>
        <translation>Forbundet: Konnekta har {users} brugere og {activities} aktiviteter.</translation>
    </message>
    <message>
        <source>Not enrolled: {reason}</source>
        <translation>Ikke tilmeldt: {reason}</translation>
    </message>
    <message>
        <source>The test failed: {reason}</source>
        <translation>Testen mislykkedes: {reason}</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Eksempel</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Eksempel:</translation>
    </message>
    <message>
        <source>(correct the fields above to see an example)</source>
        <translation>(ret felterne ovenfor for at se et eksempel)</translation>
    </message>
    <message>
        <source>{number} shows as {shown}</source>
        <translation>{number} vises som {shown}</translation>
    </message>
    <message>
        <source>Edit template</source>
        <translation>Redigér skabelon</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Ny skabelon</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Skabelonens navn</translation>
    </message>
    <message>
        <source>Choose a state, or type a new name to add a state.</source>
        <translation>Vælg en tilstand, eller skriv et nyt navn for at tilføje en tilstand.</translation>
    </message>
    <message>
        <source>Free shows the user as available (green); every other class as unavailable.</source>
        <translation>Ledig viser brugeren som tilgængelig (grøn); alle andre klasser som utilgængelig.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <source>Until changed</source>
        <translation>Indtil ændret</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Varighed i minutter</translation>
    </message>
    <message>
        <source>Leave as it is</source>
        <translation>Lad være som nu</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Tilstand:</translation>
    </message>
    <message>
        <source>State &amp;class:</source>
        <translation>Tilstands&amp;klasse:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Varighed:</translation>
    </message>
    <message>
        <source>Caller &amp;ID:</source>
        <translation>&amp;Nummervisning:</translation>
    </message>
    <message>
        <source>&amp;Forwarding:</source>
        <translation>V&amp;iderestilling:</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Giv skabelonen et navn.</translation>
    </message>
    <message>
        <source>Choose or type the state the template sets.</source>
        <translation>Vælg eller skriv den tilstand, skabelonen sætter.</translation>
    </message>
    <message>
        <source>Caller ID: {reason}</source>
        <translation>Nummervisning: {reason}</translation>
    </message>
    <message>
        <source>Forwarding: {reason}</source>
        <translation>Viderestilling: {reason}</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Skabelon</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Aftaler</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tilføj</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>&amp;Fjern den valgte</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Bruger:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>S&amp;kabelon:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>S&amp;lut:</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>Ny aftale</translation>
    </message>
    <message>
        <source>Appointments are saved at once.</source>
        <translation>Aftaler gemmes med det samme.</translation>
    </message>
    <message>
        <source>Choose the user the appointment is for.</source>
        <translation>Vælg den bruger, aftalen gælder.</translation>
    </message>
    <message>
        <source>Choose the template the appointment sets.</source>
        <translation>Vælg den skabelon, aftalen sætter.</translation>
    </message>
    <message>
        <source>The end must be after the start: change Start or End.</source>
        <translation>Slut skal ligge efter start: ret Start eller Slut.</translation>
    </message>
    <message>
        <source>Select the appointment to remove.</source>
        <translation>Vælg den aftale, der skal fjernes.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>State class</source>
        <translation>Tilstandsklasse</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Varighed</translation>
    </message>
    <message>
        <source>Caller ID</source>
        <translation>Nummervisning</translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation>Viderestilling</translation>
    </message>
    <message>
        <source>Konnekta to this app (Konnekta wins)</source>
        <translation>Konnekta til dette program (Konnekta vinder)</translation>
    </message>
    <message>
        <source>This app to Konnekta (this app wins)</source>
        <translation>Dette program til Konnekta (dette program vinder)</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Skabeloner</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Tilføj…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Redigér…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Fjern</translation>
    </message>
    <message>
        <source>Changes to templates are saved at once.</source>
        <translation>Ændringer af skabeloner gemmes med det samme.</translation>
    </message>
    <message>
        <source>States and templates</source>
        <translation>Tilstande og skabeloner</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min.</translation>
    </message>
    <message>
        <source>{name} (missing)</source>
        <translation>{name} (mangler)</translation>
    </message>
    <message>
        <source>Activity mappings</source>
        <translation>Aktivitetstilknytninger</translation>
    </message>
    <message>
        <source>Konnekta activity</source>
        <translation>Konnekta-aktivitet</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Tilknytning</translation>
    </message>
    <message>
        <source>State mappings</source>
        <translation>Tilstandstilknytninger</translation>
    </message>
    <message>
        <source>&amp;Load activities from Konnekta</source>
        <translation>&amp;Hent aktiviteter fra Konnekta</translation>
    </message>
    <message>
        <source>Read the activities Konnekta has now, to map them (the connection is not needed for the rest of this page)</source>
        <translation>Hent de aktiviteter, Konnekta har nu, for at knytte dem (resten af siden kræver ikke forbindelse)</translation>
    </message>
    <message>
        <source>Activity id: {id}</source>
        <translation>Aktivitets-id: {id}</translation>
    </message>
    <message>
        <source>Template for {activity}</source>
        <translation>Skabelon for {activity}</translation>
    </message>
    <message>
        <source>Konnekta activity for {state}</source>
        <translation>Konnekta-aktivitet for {state}</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>Tilknyttet</translation>
    </message>
    <message>
        <source>Unmapped</source>
        <translation>Ikke tilknyttet</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <source>Konnekta lists {count} activities.</source>
        <translation>Konnekta har {count} aktiviteter.</translation>
    </message>
    <message>
        <source>The activities could not be loaded: {reason}</source>
        <translation>Aktiviteterne kunne ikke hentes: {reason}</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemets sprog</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Dial the number in the dial bar, or the selected colleague, from my default calling device</source>
        <translation type="vanished">Ring op til nummeret i opkaldsfeltet eller den valgte kollega fra min standardenhed</translation>
    </message>
    <message>
        <source>Dial from my mobile phone</source>
        <translation>Ring op fra min mobiltelefon</translation>
    </message>
    <message>
        <source>Dial from Teams</source>
        <translation>Ring op fra Teams</translation>
    </message>
    <message>
        <source>Hang up the current call</source>
        <translation type="vanished">Læg det aktuelle opkald på</translation>
    </message>
    <message>
        <source>Transfer the current call to the number in the dial bar, or to the selected colleague</source>
        <translation type="vanished">Omstil det aktuelle opkald til nummeret i opkaldsfeltet eller til den valgte kollega</translation>
    </message>
    <message>
        <source>Dial the number in the dial bar, or the top colleague in the list, from my default calling device</source>
        <translation>Ring op til nummeret i opkaldsfeltet eller den øverste kollega på listen fra min standardenhed</translation>
    </message>
    <message>
        <source>Hang up my call, or the call selected in the call list</source>
        <translation>Læg på i mit opkald eller det opkald, der er valgt på opkaldslisten</translation>
    </message>
    <message>
        <source>Transfer my call, or the call selected in the call list, to the number in the dial bar or the top colleague in the list</source>
        <translation>Omstil mit opkald eller det valgte opkald til nummeret i opkaldsfeltet eller den øverste kollega på listen</translation>
    </message>
    <message>
        <source>Answer the call ringing at me, hands-free on my local phone</source>
        <translation>Besvar opkaldet, der ringer hos mig, håndfrit på min lokale telefon</translation>
    </message>
    <message>
        <source>Pick up the selected queue call, or the ringing call of the selected colleague</source>
        <translation>Overtag det valgte køopkald, eller den valgte kollegas ringende opkald</translation>
    </message>
    <message>
        <source>Put my caller on hold, or take them back</source>
        <translation>Parkér den, jeg taler med, eller tag vedkommende tilbage</translation>
    </message>
    <message>
        <source>Ask first: hold my caller and call the number in the dial bar or the top colleague; then Transfer connects the two</source>
        <translation>Spørg først: parkér den, jeg taler med, og ring til nummeret i opkaldsfeltet eller den øverste kollega; Omstil forbinder derefter de to</translation>
    </message>
    <message>
        <source>Back to the caller: end the call with the colleague I asked</source>
        <translation>Tilbage til den ventende: afslut samtalen med den kollega, jeg spurgte</translation>
    </message>
    <message>
        <source>Go to the dial bar</source>
        <translation>Gå til opkaldsfeltet</translation>
    </message>
    <message>
        <source>Go to the colleague filter</source>
        <translation>Gå til kollegafilteret</translation>
    </message>
    <message>
        <source>Go to the colleague list</source>
        <translation>Gå til kollegalisten</translation>
    </message>
    <message>
        <source>Go to the call list</source>
        <translation>Gå til opkaldslisten</translation>
    </message>
    <message>
        <source>Choose my state</source>
        <translation>Vælg min tilstand</translation>
    </message>
    <message>
        <source>Set my forwarding</source>
        <translation>Sæt min viderestilling</translation>
    </message>
    <message>
        <source>Choose my caller ID</source>
        <translation>Vælg min nummervisning</translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation>Åbn indstillingerne</translation>
    </message>
    <message>
        <source>Go to the pending wrap-ups</source>
        <translation>Gå til de ventende efterbehandlinger</translation>
    </message>
    <message>
        <source>Keypad decimal key</source>
        <translation>Numerisk decimaltast</translation>
    </message>
    <message>
        <source>Keypad −</source>
        <translation>Numerisk −</translation>
    </message>
    <message>
        <source>Keypad +</source>
        <translation>Numerisk +</translation>
    </message>
    <message>
        <source>Keypad /</source>
        <translation>Numerisk /</translation>
    </message>
    <message>
        <source>Keypad *</source>
        <translation>Numerisk *</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} eller {second}</translation>
    </message>
    <message>
        <source>Open the pending wrap-ups</source>
        <translation type="vanished">Åbn de ventende efterbehandlinger</translation>
    </message>
    <message>
        <source>Dial the number on the clipboard</source>
        <translation>Ring op til nummeret i udklipsholderen</translation>
    </message>
    <message>
        <source>Close the message bar</source>
        <translation>Luk beskedlinjen</translation>
    </message>
    <message>
        <source>Save diagnostics for support (logs, settings and versions, without passwords)</source>
        <translation>Gem diagnosedata til support (logfiler, indstillinger og versioner, uden adgangskoder)</translation>
    </message>
    <message>
        <source>Open the folder with the log files</source>
        <translation>Åbn mappen med logfilerne</translation>
    </message>
    <message>
        <source>Show the keyboard shortcuts</source>
        <translation>Vis tastaturgenvejene</translation>
    </message>
    <message>
        <source>Close the window (to the tray, when there is one)</source>
        <translation>Luk vinduet (til systembakken, hvis der er en)</translation>
    </message>
    <message>
        <source>Quit Konnekta Desktop</source>
        <translation>Afslut Konnekta Desktop</translation>
    </message>
    <message>
        <source>In the colleague list: dial the selected colleague; during my call, offer to transfer it to them</source>
        <translation>På kollegalisten: ring op til den valgte kollega; under mit opkald: tilbyd at omstille det til kollegaen</translation>
    </message>
    <message>
        <source>In the colleague list: dial the selected colleague</source>
        <translation type="vanished">I kollegalisten: ring op til den valgte kollega</translation>
    </message>
    <message>
        <source>In the colleague list: more actions for the selected colleague</source>
        <translation>I kollegalisten: flere handlinger for den valgte kollega</translation>
    </message>
    <message>
        <source>Letters and digits</source>
        <translation>Bogstaver og cifre</translation>
    </message>
    <message>
        <source>In the colleague list: filter by name, number or department</source>
        <translation>I kollegalisten: filtrér efter navn, nummer eller afdeling</translation>
    </message>
    <message>
        <source>In the filter: clear it and go back to the list</source>
        <translation>I filteret: ryd det, og gå tilbage til listen</translation>
    </message>
</context>
<context>
    <name>StateNames</name>
    <message>
        <source>Available</source>
        <translation>Ledig</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Optaget</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <source>Meeting 30 min</source>
        <translation>Møde 30 min</translation>
    </message>
    <message>
        <source>Meeting 1 hour</source>
        <translation>Møde 1 time</translation>
    </message>
    <message>
        <source>Tentative meeting</source>
        <translation>Foreløbigt møde</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Frokost</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Efterbehandling</translation>
    </message>
    <message>
        <source>Working from home</source>
        <translation>Hjemmearbejde</translation>
    </message>
    <message>
        <source>Travelling</source>
        <translation>På rejse</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kursus</translation>
    </message>
    <message>
        <source>Out of office</source>
        <translation>Ikke på kontoret</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Ferie</translation>
    </message>
    <message>
        <source>Sick</source>
        <translation>Syg</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Something went wrong: {error}. Try again; if it keeps happening, send the log file to your administrator.</source>
        <translation>Noget gik galt: {error}. Prøv igen; sker det igen, så send logfilen til din administrator.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Call-back for {queue}: call {caller}</source>
        <translation>Tilbagekald for {queue}: ring til {caller}</translation>
    </message>
    <message>
        <source>Incoming call from {caller} via {queue}</source>
        <translation>Indgående opkald fra {caller} via {queue}</translation>
    </message>
    <message>
        <source>Incoming call from {caller}</source>
        <translation>Indgående opkald fra {caller}</translation>
    </message>
    <message>
        <source>The connection to Konnekta is back.</source>
        <translation>Forbindelsen til Konnekta er tilbage.</translation>
    </message>
    <message>
        <source>The connection to Konnekta stopped: {reason}</source>
        <translation>Forbindelsen til Konnekta er stoppet: {reason}</translation>
    </message>
    <message>
        <source>The connection to Konnekta was lost; reconnecting.{reason}</source>
        <translation>Forbindelsen til Konnekta blev afbrudt; forbinder igen.{reason}</translation>
    </message>
    <message>
        <source>&amp;Open the switchboard</source>
        <translation>&amp;Åbn omstillingsbordet</translation>
    </message>
    <message>
        <source>My &amp;state</source>
        <translation>Min &amp;tilstand</translation>
    </message>
    <message>
        <source>&amp;Dial the number on the clipboard</source>
        <translation>&amp;Ring op til nummeret i udklipsholderen</translation>
    </message>
    <message>
        <source>&amp;Mute notifications</source>
        <translation>&amp;Slå notifikationer fra</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Indstillinger…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>Open the switchboard</source>
        <translation type="vanished">Åbn omstillingsbordet</translation>
    </message>
    <message>
        <source>My state</source>
        <translation type="vanished">Min tilstand</translation>
    </message>
    <message>
        <source>Dial the number on the clipboard</source>
        <translation type="vanished">Ring op til nummeret i udklipsholderen</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation type="vanished">Slå notifikationer fra</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="vanished">Indstillinger…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="vanished">Afslut</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>forbundet</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>forbinder</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>forbinder igen</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>ikke forbundet</translation>
    </message>
    <message>
        <source>available</source>
        <translation>tilgængelig</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>ikke tilgængelig</translation>
    </message>
    <message>
        <source>Konnekta Desktop cannot start</source>
        <translation>Konnekta Desktop kan ikke starte</translation>
    </message>
</context>
<context>
    <name>WrapUpDialog</name>
    <message>
        <source>Message taken</source>
        <translation>Besked taget</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Omstillet</translation>
    </message>
    <message>
        <source>Question answered</source>
        <translation>Spørgsmål besvaret</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Ring tilbage</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Forkert nummer</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Efterbehandling</translation>
    </message>
    <message>
        <source>Unknown number</source>
        <translation>Ukendt nummer</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Opkalder</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Opringet</translation>
    </message>
    <message>
        <source>Direct call</source>
        <translation>Direkte opkald</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kø</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>Samtalens varighed</translation>
    </message>
    <message>
        <source>Wrap-up time</source>
        <translation>Efterbehandlingstid</translation>
    </message>
    <message>
        <source>Optional note about the call</source>
        <translation>Eventuel note om opkaldet</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation>Opkalder:</translation>
    </message>
    <message>
        <source>Called:</source>
        <translation>Opringet:</translation>
    </message>
    <message>
        <source>Queue:</source>
        <translation>Kø:</translation>
    </message>
    <message>
        <source>Call duration:</source>
        <translation>Samtalens varighed:</translation>
    </message>
    <message>
        <source>Wrap-up time:</source>
        <translation>Efterbehandlingstid:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>K&amp;ode:</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>Complete wrap-up</source>
        <translation>Afslut efterbehandling</translation>
    </message>
    <message>
        <source>The wrap-up could not be completed: {reason} Try again with Complete.</source>
        <translation>Efterbehandlingen kunne ikke afsluttes: {reason} Prøv igen med Afslut.</translation>
    </message>
</context>
</TS>
