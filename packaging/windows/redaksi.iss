; Inno Setup script for Redaksi on Windows 10/11 (x64). Needs Inno Setup 6.3 or later
; (ArchitecturesAllowed=x64compatible arrived in 6.3; an older compiler stops below).
;
; Build (on Windows, after `python packaging\build.py bundle` has made dist\redaksi\):
;   iscc /DAppVersion=0.1.0 packaging\windows\redaksi.iss
; The version must be the one in pyproject.toml; packaging\README.md shows how to pass it.
; The installer is written to dist\redaksi-<version>-setup.exe. /DBundleDir=... and
; /DOutputDir=... (paths relative to this script) build from another folder: CI compiles
; this script under wine against a placeholder payload (tests/packaging/test_windows_installer.py).
;
; Per-machine or per-user: the installer asks (PrivilegesRequiredOverridesAllowed=dialog),
; and silent installs choose with /ALLUSERS or /CURRENTUSER:
;   redaksi-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS
;   redaksi-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER
; Other switches: /DIR="D:\Apps\Redaksi", /TASKS="desktopicon", /LOG="C:\Temp\redaksi.log",
; /SYSCONFIG="\\server\it\redaksi\config.toml" (per-machine only: copied to
; %PROGRAMDATA%\Redaksi\config.toml unless a file is already there; add /REPLACESYSCONFIG
; to replace the one that is there).
; Per-machine installs make %PROGRAMDATA%\Redaksi writable by SYSTEM and Administrators
; only (read-only for Users, owned by Administrators), so no user can plant or change the
; system configuration.
; Uninstall silently, per-machine: "%ProgramFiles%\Redaksi\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES
;                     per-user:    "%LOCALAPPDATA%\Programs\Redaksi\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed (x64compatible); see packaging\README.md
#endif
#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=x.y.z redaksi.iss
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\redaksi"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; Never change AppId: Windows identifies installed copies (and upgrades) by it.
AppId={{6E0D2A43-8B1C-4E0B-9C57-2F2B8F5A7D19}
AppName=Redaksi
AppVersion={#AppVersion}
AppVerName=Redaksi {#AppVersion}
AppPublisher=Redaksi developers
AppPublisherURL=https://example.id/redaksi
DefaultDirName={autopf}\Redaksi
DefaultGroupName=Redaksi
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=redaksi-{#AppVersion}-setup
SetupIconFile=..\icons\redaksi.ico
UninstallDisplayIcon={app}\redaksi.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Indonesian is not among Inno Setup's official translations: to offer it, download
; Indonesian.isl from https://jrsoftware.org/files/istrans/ into this folder and add:
; Name: "indonesian"; MessagesFile: "Indonesian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\config.toml.example"; DestDir: "{app}"; Flags: ignoreversion
; IT's system-wide configuration, only on per-machine installs and never removed. An existing
; file is kept unless /REPLACESYSCONFIG asks for the new one.
Source: "{param:SYSCONFIG|}"; DestDir: "{commonappdata}\Redaksi"; DestName: "config.toml"; Flags: external skipifsourcedoesntexist onlyifdoesntexist uninsneveruninstall; Check: WantsSystemConfig and not ReplacesSystemConfig
Source: "{param:SYSCONFIG|}"; DestDir: "{commonappdata}\Redaksi"; DestName: "config.toml"; Flags: external skipifsourcedoesntexist ignoreversion uninsneveruninstall; Check: WantsSystemConfig and ReplacesSystemConfig

[Dirs]
; Made on every per-machine install, with or without /SYSCONFIG: an empty folder that users
; could write to would let one of them plant a configuration for everyone (LockSystemConfigFolder).
Name: "{commonappdata}\Redaksi"; Flags: uninsneveruninstall; Check: IsAdminInstallMode

[Icons]
Name: "{autoprograms}\Redaksi"; Filename: "{app}\redaksi.exe"; Comment: "Newsroom editor"
Name: "{autodesktop}\Redaksi"; Filename: "{app}\redaksi.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\redaksi.exe"; Description: "{cm:LaunchProgram,Redaksi}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Anything that compiled the bundled migration scripts leaves __pycache__ beside them.
Type: filesandordirs; Name: "{app}\_internal\editor\migrations"

[Code]
function WantsSystemConfig: Boolean;
begin
  Result := IsAdminInstallMode and (ExpandConstant('{param:SYSCONFIG|}') <> '');
end;

{ /REPLACESYSCONFIG, a switch without a value, in any letter case. }
function ReplacesSystemConfig: Boolean;
var
  Index: Integer;
begin
  Result := False;
  for Index := 1 to ParamCount do
    if CompareText(ParamStr(Index), '/REPLACESYSCONFIG') = 0 then
      Result := True;
end;

{ ProgramData lets every user create files in a new subfolder (and own them): take that
  away. SYSTEM and Administrators get full control, Users read and run, nothing inherited;
  the folder and anything already in it (a file a user planted, say) become owned by
  Administrators. Well-known SIDs, so it works in every Windows language. }
procedure LockSystemConfigFolder;
var
  Folder: String;
  Code: Integer;
begin
  Folder := ExpandConstant('{commonappdata}\Redaksi');
  if not Exec(ExpandConstant('{sys}\icacls.exe'), '"' + Folder + '" /setowner *S-1-5-32-544 /T /C /Q', '', SW_HIDE, ewWaitUntilTerminated, Code) or (Code <> 0) then
    Log(Format('icacls /setowner on %s failed (%d)', [Folder, Code]));
  if Exec(ExpandConstant('{sys}\icacls.exe'), '"' + Folder + '" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX /T /C /Q', '', SW_HIDE, ewWaitUntilTerminated, Code) and (Code = 0) then
    Log(Format('Restricted the permissions of %s: Administrators and SYSTEM change it, Users read it.', [Folder]))
  else
    SuppressibleMsgBox(Format('Could not restrict the permissions of %s (icacls exit code %d): users may be able to change the system configuration there.', [Folder, Code]), mbError, MB_OK, IDOK);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if (CurStep = ssPostInstall) and IsAdminInstallMode then
    LockSystemConfigFolder;
end;
