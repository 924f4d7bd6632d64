<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CallPanel</name>
    <message>
        <source>Calls: mine and the queues&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pick up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ho&amp;ld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As&amp;k first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no call; select a call in the list to act on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up the call with {call} (Num -, F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer the call with {call} to the number in the dial bar or the selected colleague (Ctrl+Num +, F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the call ringing at me, on my local phone ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected queue call, or the ringing call of the selected colleague, to my phone ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resum&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put my caller on hold, or take them back ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold my caller and call the number in the dial bar or the selected colleague first; then Transfer connects them ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the call with the colleague and take my caller back ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <source>Call-back: the caller asked the queue to call back; the caller column shows the external number, the called column the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{party} ({status})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold (me): {party}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consulting (me): {party}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talking (me) with {party}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talking: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing at {count} agents, me too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing at {count} agents, not me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing at {count} agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing (me)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallingDevice</name>
    <message>
        <source>Local phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dial {name} from my local phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial {name} from my &amp;mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial {name} from T&amp;eams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling {target} from my local phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling {target} from my mobile phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling {target} from Teams.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColleagueTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state}: available in Konnekta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state}: unavailable in Konnekta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} (not in Konnekta)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state}: set here while disconnected; Konnekta does not have it, since synchronisation on reconnect is off. It stays so until the next change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number}, busy: talking on the mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial from &amp;mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial from T&amp;eams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the dial &amp;bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;colleagues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the c&amp;alls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;state…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;forwarding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;caller ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending &amp;wrap-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial the number on the &amp;clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the &amp;message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: connected to the built-in Konnekta simulator. Calls and people are made up; nothing reaches a real phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to dial or transfer to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number as it will be dialled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which of my phones the call starts from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial the number, or the selected colleague (Num ,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My current state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set my state from a template (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My caller ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward my calls to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My forwarding number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set my forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward my calls to the number typed beside it (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clea&amp;r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear my forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop forwarding my calls: they ring at my phones again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My forwarding now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a call or wrap-up, then {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a colleague: type a name, number or department (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter colleagues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colleagues shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer the current call to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;forwarding of {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear forwarding of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;state of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no call to hang up. To hang up another call, select it in the call list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hung up the call with {party}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up a colleague&apos;s call?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up the call between {party} and {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no call to transfer. To transfer another call, select it in the call list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer a colleague&apos;s call?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer the call between {party} and {name} to {target}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred {party} to {target}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer my call?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer {party} to {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Konnekta Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to Konnekta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to Konnekta…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting to Konnekta…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to Konnekta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{connection} (through the company connector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the settings are incomplete. Open Settings &gt; Connection (F9) and fill in {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s events come through the company connector at {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s events arrive on listener port {port}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No listener yet: Konnekta&apos;s events cannot arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last event {seconds} s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last event {minutes} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} colleagues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available in Konnekta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unavailable in Konnekta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your Konnekta user in Settings &gt; Calling and wrap-up first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your own Konnekta user in Settings &gt; Calling and wrap-up (F9) to change your state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your own Konnekta user in Settings &gt; Calling and wrap-up (F9) to forward your calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No colleague matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own Konnekta user is not known, so there is no phone to call from: choose it in Settings &gt; Calling and wrap-up (F9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;orward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwardin&amp;g:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me (choose your Konnekta user in Settings &gt; Calling and wrap-up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me ({user}, once connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me ({user} is not in Konnekta: check Settings &gt; Calling and wrap-up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You lack the Set Caller ID right in Konnekta, so your caller ID cannot be changed here. An administrator can grant it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number people see when I call them (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} (my number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} ({queue})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My caller ID is now {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the number to forward your calls to, then Forward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a colleague or type a number first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no phone line in Konnekta, so there is nothing to dial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{argument!r} is not a number to dial. Use a number, or a tel: or callto: link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no phone number to dial. Copy a number first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the number to transfer to in the dial bar, or select a colleague.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no phone line to transfer to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter dials, Esc clears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a number yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dials {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward calls for {name} to (empty clears the forwarding):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings window is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta Desktop is not connected yet: fill in the connection details from your telephony provider in Settings &gt; Connection (F9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session keeps no log files, so there is nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diagnostics could not be saved to {path}: {reason}. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics saved to {path}. The file holds the logs, the settings and the versions, without passwords or secrets: send it to your support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session keeps no log files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log folder could not be opened. It is {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No wrap-up is pending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up of the call with {party} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Konnekta Desktop {version}&lt;/h3&gt;&lt;p&gt;A switchboard for companies on the Dstny Konnekta cloud PBX.&lt;/p&gt;&lt;p&gt;Qt {qt} (PySide6 {pyside}), Python {python}&lt;/p&gt;&lt;p&gt;Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). This program comes with no warranty.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Konnekta Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pick up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold or resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As&amp;k a colleague first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own Konnekta user is not known: choose it in Settings &gt; Calling and wrap-up (F9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call is ringing at you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered the call from {party}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the ringing call to pick up: a queue call in the call list, or the colleague whose phone rings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked up the call from {party}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took the next call waiting in {queue}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the call you transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody answered the call you transferred. Pick up ({keys}) takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody answered the call you transferred: it is back with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no call to hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{party} is back on the line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{party} is on hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no call to ask a colleague about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{party} is on hold; calling {target}. Transfer (F4) connects them, Back to the caller (Shift+F5) does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the number to ask in the dial bar, or select a colleague.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected the caller with your colleague.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not asking a colleague about a call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back with the caller.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this message (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionField</name>
    <message>
        <source>chosen automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept until the app closes; type to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keyring; type to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what is typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what is typed here (it is hidden otherwise)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneStatus</name>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free: no call in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing: a call is waiting to be answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a call: the line is busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a call on the mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not monitored: this user has no phone line in Konnekta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded: new calls go to the forwarding number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-backs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue: log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take ne&amp;xt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick up the call that has waited longest in the selected queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue: log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log me in to the selected queue, or out of it: its calls ring at me or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a queue I am an agent of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in to {queue}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out of {queue}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Konnekta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User {user} is not in Konnekta&apos;s user list (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no phone line in Konnekta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That call has already ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no calling device “{device}”. Choose another calling device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cannot call from Teams: Teams telephony must be enabled for them in Konnekta&apos;s user administration. Choose another calling device meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} is a mobile line, and Konnekta allows no call control on mobile lines. Dial, transfer or hang up from the fixed line instead, or let the user handle the call on the mobile phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} lacks the Set Caller ID right in Konnekta, so the outbound caller ID cannot be changed. An administrator can grant it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} is not a valid caller ID for {name}. Valid caller IDs in Konnekta: {valid}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number is empty: type digits, optionally starting with + or 00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a phone number: use digits, optionally starting with + or 00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” has no digits after the international prefix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is too short: digits are missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is too long: an international number has at most {most} digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” does not start with a known country code (such as 45 or 298).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is too short for a number in country +{country}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is neither a number in country +{country} ({lengths} digits) nor a short number (at most {short_most} digits); for a foreign number type {prefix} or + and the country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” has {digits} digits after +{country}; numbers there have {lengths} digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The International prefix “{prefix}” must be digits, usually 00: check Settings &gt; Numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The International code “{code}” is not a country code (for example 45 for Denmark, 298 for the Faroe Islands): check Settings &gt; Numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no template called “{name}”; see Settings &gt; States.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no state called “{name}”; see Settings &gt; States.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{command}: {cause}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{command} failed: {cause}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to Konnekta could not start: {cause}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{command} was not carried out: its request id {request_id} already belongs to another command. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be one of {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be a table of names to text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} is empty: ask your telephony provider for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} is empty: it is the part after &apos;@&apos; in your Konnekta username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} is empty: use 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} is empty: it is usually 00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} is empty: for example 45 for Denmark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be a domain name like example.dk (the part after &apos;@&apos; in Konnekta usernames), without https:// or a path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be a domain name like example.dk: use only what comes after &apos;@&apos; in Konnekta usernames.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be a domain name like example.dk (the part after &apos;@&apos; in Konnekta usernames).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be a port number from 1024 to 65535 (8470 unless it is taken), or empty to have one chosen automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be a number of minutes from 1 to 1440 (a day).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be a number of seconds from 0 (off) to 600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be an address of this computer, like 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must not contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it contains spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: the server name is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: the port after &apos;:&apos; is not a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it must start with https:// (plain http:// is accepted only for this computer: 127.0.0.1, localhost or ::1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: remove the part from &apos;?&apos; or &apos;#&apos; on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: the path &apos;{path}&apos; does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it says &apos;realms/&apos; where the SMG Address uses &apos;realm/&apos; (the plural belongs in the Issuer URI).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: this is the shape of the Issuer URI, not the SMG Address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: &apos;/fwd&apos; is missing at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it goes on after &apos;/fwd&apos;: end it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it says &apos;realm/&apos; where Konnekta uses &apos;realms/&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: it goes on after the realm name: end it with the realm name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: &apos;/auth&apos; is missing before &apos;/realms/&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must look like {example}: this is the shape of the SMG Address, not the Issuer URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be digits only, usually 00 (as in 0045 for Denmark).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be a country calling code of 1 to 3 digits, like 45 for Denmark or 298 for the Faroe Islands, without &apos;+&apos; or &apos;00&apos; in front.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be a country calling code of 1 to 3 digits, like 45 for Denmark or 298 for the Faroe Islands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be a country calling code, like 45 for Denmark or 298 for the Faroe Islands: {code} is not a country calling code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must map each Konnekta activity id to a template name: a row has no Konnekta activity id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must map each Konnekta activity id to a template name: “{key}” has no template name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must map each state name to a Konnekta activity id: a row has no state name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must map each state name to a Konnekta activity id: “{key}” has no Konnekta activity id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener Host is {host}, so other computers can send events to the listener. Use 127.0.0.1 unless Konnekta&apos;s events must arrive from another machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook Address {address} is on this computer, which Konnekta&apos;s server {host} cannot reach, so no live events will arrive. Set Webhook Address to a public https address that forwards to the Listener Port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook Address points at port {webhook_port} on this computer, but the Listener Port is {port}: events will not arrive. Make the two ports the same, or leave Webhook Address empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener Host {host} is not a known address: use 127.0.0.1, or an address of this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener Host {host} is not an address of this computer: use 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener Port {port} is already in use on {host} by another program: choose another port from 1024 to 65535, or close the program using it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener Port {port} on {host} may not be used by this program: choose another port from 1024 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener Port {port} on {host} cannot be opened ({detail}): choose another port from 1024 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file {file} could not be read ({detail}), so the app starts with default settings. Correct the file, or save the settings window to replace it (the old file is kept beside it as settings.toml.bak).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file {file} is not UTF-8 text: line {line} has a byte that is not, so the app starts with default settings. Save the file as UTF-8, or save the settings window to replace it (the old file is kept beside it as settings.toml.bak).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In {file}: {cause} The file says {value}. The default ({default}) is used until you correct it in Settings &gt; {section}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} is not read from {file}: secrets belong in the system keyring. Remove it from the file and enter it in Settings &gt; {section}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file {file} has settings this version does not know, which are ignored: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved to {file} ({detail}). Check that the folder exists and that you may write to it, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring was found, so the Client Secret and Password cannot be saved. They are kept for this session only: enter them again after restarting the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring could not be used ({kind}), so the Client Secret and Password cannot be saved. They are kept for this session only: unlock or repair the keyring, then save the settings again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data file {file} is damaged ({detail}). Quit the app, move the file away (keep it: it holds the call history) and start again to begin a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {file} is not a konnekta-desktop data file, so it was left alone. Move it away, or start the app with another data folder (--config-dir).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data file {file} was written by a newer konnekta-desktop (its version {found}; this one knows up to {known}). Update konnekta-desktop, or start it with another data folder (--config-dir).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data file {file} is in use by another program, most likely another konnekta-desktop with the same data folder. Quit that one, or start this one with another data folder (--config-dir).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data file {file} cannot be opened for writing ({detail}). Check that you may write in its folder, or start the app with another data folder (--config-dir).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding {folder} is full. Free some space there, then start the app again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written to ({detail}). Check that it exists and that you may write there, or start the app with another folder (--config-dir).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no display to show the window on. Start konnekta-desktop in a desktop session, or run it with --headless, which needs no display.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data file {file} cannot use write-ahead logging, which it needs: keep the data folder on a local disk, or start the app with another one (--config-dir).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A state named “{name}” exists already: choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State “{name}” is used by template(s) {templates}: change or delete them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template “{name}” names state “{state}”, which does not exist: choose one of the states in Settings &gt; States.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template named “{name}” exists already: choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A state needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings are incomplete: {cause}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} is not a valid address ({detail}): check {setting} in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be an https:// address: check {setting} in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} uses plain http to {host}, which would send the password and tokens unencrypted: use an https:// address in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} at {address} did not answer in time. Check {setting} in Settings &gt; Connection and the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach {server} at {address} securely: its TLS certificate is not trusted ({detail}). Check {setting} in Settings &gt; Connection; a company proxy&apos;s root certificate must be installed in the operating system&apos;s certificate store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach {server} at {address} securely: the TLS handshake failed ({detail}). Check {setting} in Settings &gt; Connection; a company proxy&apos;s root certificate must be installed in the operating system&apos;s certificate store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach {server} at {address}: the host name {host} is unknown. Check {setting} in Settings &gt; Connection and the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach {server} at {address}: the connection was refused. Check {setting} in Settings &gt; Connection and the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach {server} at {address}: no connection could be made. Check {setting} in Settings &gt; Connection and the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach {server} at {address}: the connection broke off. Check {setting} in Settings &gt; Connection and the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server is unavailable (HTTP {status}): try again later; if it persists, check Issuer URI in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server has no OpenID configuration at {url} (HTTP {status}): check Issuer URI in Settings &gt; Connection (it looks like https://{{server}}/auth/realms/{{realm}}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from {url} is not an OpenID configuration: check Issuer URI in Settings &gt; Connection (it looks like https://{{server}}/auth/realms/{{realm}}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server answered the login in an unexpected shape ({detail}): check Issuer URI in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server issued a token of type “{kind}”, not Bearer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server has no token endpoint at {url} (HTTP 404): check Issuer URI in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s login server refused the login with HTTP {status} and an unexpected answer: check Issuer URI in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta refused the login for user {user}: the account is disabled{said}. Ask the Konnekta administrator to enable it, or enter another account under User and Password in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta refused the login for user {user}: the account is not fully set up{said}, for example a temporary password is still to be changed or a required profile field is empty. Ask the Konnekta administrator to complete the account, or enter another account under User and Password in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta ended the login session{said}: logging in again with User and Password from Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta refused the login{said}: check Client ID and Client Secret in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta refused the login for user {user}{said}: check User and Password in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta does not let client {client} log in with a user and password{said}: check Client ID and Client Secret in Settings &gt; Connection, or ask the Konnekta administrator to allow direct access grants for that client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta refused the login ({error}){said}: check Client ID, Client Secret, User and Password in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta answered {request} in an unexpected shape ({detail}). Our model of the Konnekta API may be out of date: please report it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta is unavailable (HTTP {status}){said}: try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta found the request malformed{said}. This is a fault in konnekta-desktop or a change in Konnekta&apos;s API: please report it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta refused the access token, even after logging in again{said}. Check that the SMG Address and the Issuer URI name the same realm in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta does not allow it{said}. Ask the Konnekta administrator for the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta does not allow it{said}. Check that the user has the Set Caller ID right in Konnekta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta does not allow it{said}: only the queue&apos;s agents log in to it. An administrator can make the user an agent of the queue in Konnekta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Konnekta API at {address}. Check the SMG Address in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta does not know it{said}. It may have been removed or ended already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta could not carry it out{said}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta refused it (HTTP {status}){said}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event listener cannot use port {port} on {host} ({detail}). Another program may be using it: choose another Listener Port in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener Port {port} on {host} is used by another konnekta-desktop on this computer (a second copy, perhaps one started with --headless). Quit that one, or give this one another Listener Port in Settings &gt; Connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock and Konnekta&apos;s differ by about {minutes} minutes. Events still arrive, but check this computer&apos;s date and time settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s clock is about {minutes} minutes ahead (this computer&apos;s clock is synchronised). Events still arrive; tell your telephony provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s clock is about {minutes} minutes behind (this computer&apos;s clock is synchronised). Events still arrive; tell your telephony provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s events are being refused: they are signed with a time about {minutes} minutes off this computer&apos;s clock. Check this computer&apos;s date and time settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s events are not reaching this app: reading back from Konnekta found changes no event told of (shown now). Check the Webhook Address in Settings &gt; Connection, and any firewall or proxy on the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s events reach this app again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This switchboard speaks version {client_version} of the company connector&apos;s client protocol, and the connector speaks {connector_version}: they work together only when the major versions are the same and the minor versions at most one apart. Update the older of the two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message to the company connector was {size} bytes long, and it reads at most {most}: the message was not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message to the company connector was not JSON text (each message is one JSON object in a text frame): the message was not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company connector does not know messages of type “{type}”: the message was not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message to the company connector has fields it cannot use ({detail}): the message was not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A “{type}” message came out of turn: a client says hello once, first, and then sends commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company connector has no command “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{command} failed because of a fault in the company connector; its log says more. Please report it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This switchboard fell behind the company connector&apos;s updates, so the connector disconnected it. Connect again to catch up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company connector&apos;s client API cannot use port {port} on {host} ({detail}). Another program may be using it: choose another port with --port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client API would listen on {host} without encryption, so device tokens would cross the network readable. Give --tls-cert and --tls-key, or --behind-proxy when a proxy in front of it terminates TLS, or listen on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate {cert} and key {key} cannot be used ({detail}): check --tls-cert and --tls-key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This enrolment code is not valid: it may be mistyped or used already. Ask your administrator for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This enrolment code has expired. Ask your administrator for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong enrolment codes were tried. Wait {minutes} minutes, then try again with the code from your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This switchboard is not enrolled with the company connector at {address}. Start it once with --enrol and the code from your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company connector at {address} no longer accepts this switchboard: its enrolment was revoked or is unknown there. Ask your administrator for a new enrolment code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company connector does not accept connections from the web page {origin}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company connector is still starting: try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{command} is for administrators of the company connector only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This wrap-up belongs to {user}: only their own switchboard can complete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{address}” is not encrypted: a company connector on another computer is reached with https:// or wss:// (plain http only on this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This switchboard is enrolled, but there is no keyring to keep its device token in, so it lasts for this run only. Ask your administrator for a new code next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file {file} cannot be read ({detail}): check --secrets-file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file {file} can be changed by other users, so it is not used: make it owned by this user and writable by them only (chmod 600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file {file} can be read by other users, so it is not used: make it readable by its owner only (chmod 600), or mount it under /run/secrets or /run/credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line} of the secrets file {file} is not NAME=value with the name KONNEKTA_CLIENT_SECRET or KONNEKTA_PASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{address}” is not the address of a company connector: give one like http://127.0.0.1:8471 (http, https, ws or wss, the host and the port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--connect opens the switchboard window on a company connector: it cannot be combined with --demo or --headless.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the company connector at {address} ({detail}). Check that it runs and that the address given with --connect is right; trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost the connection to the company connector at {address}; connecting again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company connector at {address} answered in a shape this switchboard does not understand ({detail}). Update konnekta-desktop or the connector so that both are the same version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company connector gave a reason this version of konnekta-desktop does not know (“{code}”). Update konnekta-desktop to see what it means.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{command} was not carried out: this switchboard is not connected to the company connector at {address} now. Try again when the status bar says Connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{command} was not carried out: the switchboard is not connected, so what it shows may be out of date. Try again when the status bar says Connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{command}: the connection to the company connector broke off before it answered and did not come back within {seconds} seconds, so it is not known whether it was carried out. Look at the switchboard before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company&apos;s settings (connection, numbers, states, templates, mappings and appointments) are kept by the company connector: they cannot be changed from this switchboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost the connection to Konnekta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting after the computer was asleep for about {minutes} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting: the network connection changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting: the computer is online again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hanging up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Putting the call on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking the call off hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picking up the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling for a consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Going back to the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in to the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging out of the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the states, templates and appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the company&apos;s settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearing forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the caller ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the default caller ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the caller IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completing the wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;States and sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling and &amp;wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome to Konnekta Desktop.&lt;/b&gt; To connect the switchboard to Konnekta, fill in the connection details from your telephony provider: the fields marked in red are still missing. &lt;i&gt;Test connection&lt;/i&gt; checks them; OK saves them and connects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection, numbers, states, mappings and appointments are your company&apos;s settings; ask your administrator to change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings: connect to Konnekta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be applied: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(One more field needs correcting.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({count} more fields need correcting.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: there is no system keyring to keep the Client Secret and Password in. Tick &apos;Keep the Client Secret and Password for this session only&apos; on the Connection tab, or install or unlock a keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language shows after restarting the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The switchboard connects through the company connector after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The switchboard connects to Konnekta itself after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to Konnekta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting to Konnekta with the new connection settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the app to connect with the new connection settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, but not connected: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsOption</name>
    <message>
        <source>Transferred Calls Come Back After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds a call you transferred may ring unanswered before it comes back to you; while you are on a call you are told instead, and Pick up takes it back. 0 turns this off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company Connector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of your company&apos;s connector (konnekta-desktop server), such as https://switchboard.example.dk, given by your administrator with an enrolment code. Leave it empty when this computer connects to Konnekta itself; then the fields below are needed instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain registered for your organisation in Konnekta: the part after &apos;@&apos; in the usernames people log in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TCP port on this computer where Konnekta&apos;s events are received. It is used only locally, so no firewall opening is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address the event listener binds to. Keep 127.0.0.1 so that only this computer can reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMG Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta&apos;s SMG API, shaped like https://{server}/api-admin/realm/{realm}/fwd. Your telephony provider gives you the server and realm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Keycloak login server, shaped like https://{server}/auth/realms/{realm} (note: &apos;realms&apos;, plural). Your telephony provider gives you the server and realm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OAuth 2.0 client used for logging in, from your telephony provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OAuth 2.0 client&apos;s secret, from your telephony provider. It is kept in the system keyring, never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name of the Konnekta tenant service account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service account&apos;s password. It is kept in the system keyring, never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where Konnekta sends telephony and user events. Leave it empty to use the Listener Port on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify TLS Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check Konnekta&apos;s certificates. Turn off only to test against a server with a self-signed certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read Back From Konnekta Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes between readings of everyone&apos;s status and the calls in progress from Konnekta, compared with what its events said, so that events that do not arrive are noticed and made up for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>International Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you dial before a country code, usually 00 (0045... for Denmark).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>International Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own country calling code, e.g. 45 for Denmark or 298 for the Faroe Islands. Numbers without one are taken to be in this country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronise on Startup/Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After start-up or a lost connection, bring states on both sides back in step, so that changes made meanwhile are not lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which side wins when states are brought back in step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity Mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which local template a Konnekta activity (by id) switches on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State Mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which Konnekta activity (by id) a local state sets. Availability follows the state&apos;s class: Free is available, every other class unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up Completes Itself After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes after which a pending wrap-up completes by itself when no switchboard is open to complete it, so that nobody stays Unavailable; the user is then made Available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Konnekta User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own Konnekta username or user id: calls you make start from your devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the wrap-up dialog after your calls, when wrap-up is enabled for you in Konnekta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default Calling Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your calls start: your local phone (desk phone, then softphone), your mobile (click-to-dial) or Teams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the app; empty follows the operating system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start konnekta-desktop when you log in to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not show desktop notifications for incoming calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>States</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>(not mapped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free (available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tentative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the Client Secret and Password for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in with the values in this form and count Konnekta&apos;s users and activities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time code your administrator gave you for this computer. It is used once; the connector then knows this computer by a token kept in the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the enrolment code first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled as {user}. After OK, Konnekta Desktop connects through the company connector when it starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring could be used, so the Client Secret and Password cannot be saved on this computer. Tick the box to keep them until the app closes, or install or unlock a keyring and save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the fields marked in red first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: Konnekta lists {users} users and {activities} activities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enrolled: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(correct the fields above to see an example)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} shows as {shown}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a state, or type a new name to add a state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free shows the user as available (green); every other class as unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State &amp;class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forwarding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or type the state the template sets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller ID: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarding: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments are saved at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the user the appointment is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the template the appointment sets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end must be after the start: change Start or End.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the appointment to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta to this app (Konnekta wins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app to Konnekta (this app wins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to templates are saved at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>States and templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load activities from Konnekta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the activities Konnekta has now, to map them (the connection is not needed for the rest of this page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity id: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template for {activity}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta activity for {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta lists {count} activities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activities could not be loaded: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Dial from my mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial from Teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial the number in the dial bar, or the top colleague in the list, from my default calling device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up my call, or the call selected in the call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer my call, or the call selected in the call list, to the number in the dial bar or the top colleague in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the call ringing at me, hands-free on my local phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick up the selected queue call, or the ringing call of the selected colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put my caller on hold, or take them back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask first: hold my caller and call the number in the dial bar or the top colleague; then Transfer connects the two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the caller: end the call with the colleague I asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the dial bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the colleague filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the colleague list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose my state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set my forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose my caller ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the pending wrap-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial the number on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the message bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save diagnostics for support (logs, settings and versions, without passwords)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder with the log files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window (to the tray, when there is one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Konnekta Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the colleague list: dial the selected colleague; during my call, offer to transfer it to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the colleague list: more actions for the selected colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters and digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the colleague list: filter by name, number or department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the filter: clear it and go back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypad decimal key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypad −</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypad +</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypad /</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypad *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StateNames</name>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting 30 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tentative meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working from home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sick</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Something went wrong: {error}. Try again; if it keeps happening, send the log file to your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Call-back for {queue}: call {caller}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming call from {caller} via {queue}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming call from {caller}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to Konnekta is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to Konnekta stopped: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to Konnekta was lost; reconnecting.{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dial the number on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mute notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konnekta Desktop cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WrapUpDialog</name>
    <message>
        <source>Message taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional note about the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wrap-up could not be completed: {reason} Try again with Complete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
