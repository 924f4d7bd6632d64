; Inno Setup 6 script for Konnekta Desktop: a per-user install (no administrator rights).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\konnekta-desktop.iss
;
; Expects the PyInstaller one-folder build in build\dist\konnekta-desktop (see packaging\README.md)
; and writes build\installer\konnekta-desktop-<version>-setup.exe.
;
; Per user only: every key below is HKEY_CURRENT_USER and every folder the user's own, so there is
; no "install for all users" choice (an elevated install would write the administrator's registry).
;
; Start at login is the Run value the app's Settings > Start at Login shows and changes
; (konnekta_desktop\autostart.py): the installer's checkbox turns that one switch on, and the
; uninstaller removes it whoever set it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Konnekta Desktop"
; The same name URI-escaped, for the ms-settings: link that opens Default apps at this app.
#define AppNameUri "Konnekta%20Desktop"
#define AppExe "konnekta-desktop.exe"
#define AppKey "Software\Konnekta Desktop"
#define RunKey "Software\Microsoft\Windows\CurrentVersion\Run"
#define StartupApprovedKey "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
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
; %LOCALAPPDATA%\Programs\Konnekta Desktop; no PrivilegesRequiredOverridesAllowed: per user only.
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build\installer
OutputBaseFilename=konnekta-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; The running switchboard is asked to quit in [Code] (closing its window only hides it to the
; tray); Windows' Restart Manager stays as a last resort. The app does not register with it for a
; restart, so RestartApplications would do nothing: [Run] starts it again after an update.
CloseApplications=yes
RestartApplications=no
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
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Start at login, when ticked: the value konnekta_desktop\autostart.py reads, writes and removes,
; with Task Manager's "disabled" mark cleared so that ticking it really turns it on. Unticked
; leaves the switch as it is. The uninstaller removes both in [Code], whoever set them.
Root: HKCU; Subkey: "{#RunKey}"; ValueType: string; ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"""; Flags: uninsdeletevalue; Tasks: startatlogin
Root: HKCU; Subkey: "{#StartupApprovedKey}"; ValueType: none; ValueName: "{#AppName}"; Flags: deletevalue dontcreatekey; Tasks: startatlogin

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
; A silent update that stopped the running switchboard starts it again.
Filename: "{app}\{#AppExe}"; Flags: nowait; Check: StartAgainAfterSilentUpdate
; Opens Default apps at this app's page (registeredAppUser: its RegisteredApplications value name,
; URI-escaped), where the user can make it the handler for tel: links.
Filename: "ms-settings:defaultapps?registeredAppUser={#AppNameUri}"; Description: "{cm:PhoneLinks}"; Flags: shellexec postinstall skipifsilent unchecked nowait

[Code]
const
  QuitWaitMs = 15000;

var
  StoppedForUpdate: Boolean;

// The processes started from this installation's executable (not another copy elsewhere).
function AppProcesses(): Variant;
var
  Locator, Service: Variant;
  Path: String;
begin
  Path := ExpandConstant('{app}\{#AppExe}');
  StringChangeEx(Path, '\', '\\', True);
  StringChangeEx(Path, '''', '\''', True);
  Locator := CreateOleObject('WbemScripting.SWbemLocator');
  Service := Locator.ConnectServer('.', 'root\CIMV2');
  Result := Service.ExecQuery('SELECT ProcessId FROM Win32_Process WHERE ExecutablePath = ''' + Path + '''');
end;

// True while the app runs; also when Windows cannot tell (then the wait ends in ForceQuitApp).
function AppIsRunning(): Boolean;
var
  Processes: Variant;
begin
  try
    Processes := AppProcesses();
    Result := Processes.Count > 0;
  except
    Result := True;
  end;
end;

procedure ForceQuitApp();
var
  Processes, Process: Variant;
  I, Pid, ResultCode: Integer;
begin
  try
    Processes := AppProcesses();
    for I := 0 to Processes.Count - 1 do
    begin
      Process := Processes.ItemIndex(I);
      Pid := Process.ProcessId;
      Exec(ExpandConstant('{sys}\taskkill.exe'), '/F /T /PID ' + IntToStr(Pid), '', SW_HIDE, ewWaitUntilTerminated, ResultCode);
    end;
  except
    Exec(ExpandConstant('{sys}\taskkill.exe'), '/F /T /IM {#AppExe}', '', SW_HIDE, ewWaitUntilTerminated, ResultCode);
  end;
end;

// Closing the switchboard's window only hides it to the tray, so ask it to quit the way a second
// launch hands over a number (the single-instance channel: `konnekta-desktop --quit`, which waits
// until it has closed), then force whatever still runs after QuitWaitMs. True when it was running.
function StopRunningApp(): Boolean;
var
  ResultCode, Waited: Integer;
begin
  Result := False;
  if not FileExists(ExpandConstant('{app}\{#AppExe}')) then
    Exit;
  Result := AppIsRunning();
  if not Result then
    Exit;
  Exec(ExpandConstant('{app}\{#AppExe}'), '--quit', '', SW_HIDE, ewWaitUntilTerminated, ResultCode);
  Waited := 0;
  while AppIsRunning() and (Waited < QuitWaitMs) do
  begin
    Sleep(250);
    Waited := Waited + 250;
  end;
  if AppIsRunning() then
    ForceQuitApp();
end;

// An update replaces files the running app holds open.
function PrepareToInstall(var NeedsRestart: Boolean): String;
begin
  StoppedForUpdate := StopRunningApp();
  Result := '';
end;

function StartAgainAfterSilentUpdate(): Boolean;
begin
  Result := StoppedForUpdate and WizardSilent();
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usUninstall then
  begin
    // Before any file is removed: a running app keeps its files open and would stay behind.
    StopRunningApp();
    // Start at login, whoever set it (this installer's checkbox or the app's Settings).
    RegDeleteValue(HKEY_CURRENT_USER, '{#RunKey}', '{#AppName}');
    RegDeleteValue(HKEY_CURRENT_USER, '{#StartupApprovedKey}', '{#AppName}');
  end;
end;
