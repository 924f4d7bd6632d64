; Inno Setup 6 script for Konnekta Desktop: a per-user install (no administrator rights).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\konnekta-desktop.iss
;
; Expects the PyInstaller one-folder build in build\dist\konnekta-desktop (see packaging\README.md)
; and writes build\installer\konnekta-desktop-<version>-setup.exe.
;
; Start at login uses the same Run value as the app's own setting (konnekta_desktop\autostart.py),
; so the installer's checkbox and Settings > Start at Login stay one switch.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Konnekta Desktop"
#define AppExe "konnekta-desktop.exe"
#define AppKey "Software\Konnekta Desktop"
#define ProgIdTel "KonnektaDesktop.tel"
#define ProgIdCallto "KonnektaDesktop.callto"
#define BuildDir "..\..\build\dist\konnekta-desktop"

[Setup]
AppId={{975C51A0-8789-4C36-A282-E69EBC51DB7E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=konnekta-desktop contributors
AppPublisherURL=https://github.com/konnekta-desktop/konnekta-desktop
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per user: installs under %LOCALAPPDATA%\Programs and writes only HKEY_CURRENT_USER.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build\installer
OutputBaseFilename=konnekta-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; The switchboard is usually running: let the installer close and restart it.
CloseApplications=yes
RestartApplications=yes
ChangesAssociations=yes
#ifexist "..\..\build\icons\konnekta-desktop.ico"
SetupIconFile=..\..\build\icons\konnekta-desktop.ico
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[CustomMessages]
english.StartAtLogin=Start {#AppName} when I log in to Windows
danish.StartAtLogin=Start {#AppName}, når jeg logger på Windows
english.PhoneLinks=Choose {#AppName} for phone links (tel: and callto:) now
danish.PhoneLinks=Vælg {#AppName} til telefonlinks (tel: og callto:) nu

[Tasks]
Name: "startatlogin"; Description: "{cm:StartAtLogin}"; Flags: unchecked
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Start at login (the same value konnekta_desktop\autostart.py writes and removes).
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"""; Flags: uninsdeletevalue; Tasks: startatlogin

; tel: and callto: handlers. Windows lets the user, not the installer, pick the default app, so
; the app registers its own ProgIDs and Capabilities and appears in Settings > Default apps.
Root: HKCU; Subkey: "Software\Classes\{#ProgIdTel}"; ValueType: string; ValueName: ""; ValueData: "Telephone call (Konnekta Desktop)"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgIdTel}"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\{#ProgIdTel}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\{#ProgIdTel}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\{#ProgIdCallto}"; ValueType: string; ValueName: ""; ValueData: "Call (Konnekta Desktop)"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgIdCallto}"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\{#ProgIdCallto}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\{#ProgIdCallto}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

Root: HKCU; Subkey: "{#AppKey}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "{#AppKey}\Capabilities"; ValueType: string; ValueName: "ApplicationName"; ValueData: "{#AppName}"
Root: HKCU; Subkey: "{#AppKey}\Capabilities"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "Switchboard for the Dstny Konnekta cloud PBX"
Root: HKCU; Subkey: "{#AppKey}\Capabilities"; ValueType: string; ValueName: "ApplicationIcon"; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "{#AppKey}\Capabilities\URLAssociations"; ValueType: string; ValueName: "tel"; ValueData: "{#ProgIdTel}"
Root: HKCU; Subkey: "{#AppKey}\Capabilities\URLAssociations"; ValueType: string; ValueName: "callto"; ValueData: "{#ProgIdCallto}"
Root: HKCU; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "{#AppName}"; ValueData: "{#AppKey}\Capabilities"; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
; Opens Default apps at this app's page, where the user can make it the handler for tel: links.
Filename: "ms-settings:defaultapps?registeredAppUser={#AppName}"; Description: "{cm:PhoneLinks}"; Flags: shellexec postinstall skipifsilent unchecked nowait

[UninstallRun]
; The running app would keep its files open; ask it to quit first (it exits on its own otherwise).
Filename: "{sys}\taskkill.exe"; Parameters: "/IM {#AppExe}"; Flags: runhidden; RunOnceId: "StopApp"
