; Inno Setup 6 script for Redaksi on Windows 10/11 (x64).
;
; Build (on Windows, after `python packaging\build.py bundle` has made dist\redaksi\):
;   iscc /DAppVersion=0.1.0 packaging\windows\redaksi.iss
; The version must be the one in pyproject.toml; packaging\README.md shows how to pass it.
; The installer is written to dist\redaksi-<version>-setup.exe.
;
; Per-machine or per-user: the installer asks (PrivilegesRequiredOverridesAllowed=dialog),
; and silent installs choose with /ALLUSERS or /CURRENTUSER:
;   redaksi-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS
;   redaksi-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER
; Other switches: /DIR="D:\Apps\Redaksi", /TASKS="desktopicon", /LOG="C:\Temp\redaksi.log",
; /SYSCONFIG="\\server\it\redaksi\config.toml" (per-machine only: copied to
; %PROGRAMDATA%\Redaksi\config.toml unless a file is already there).
; Uninstall silently: "%ProgramFiles%\Redaksi\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=x.y.z redaksi.iss
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
OutputDir=..\..\dist
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
Source: "..\..\dist\redaksi\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\config.toml.example"; DestDir: "{app}"; Flags: ignoreversion
; IT's system-wide configuration, only on per-machine installs and never overwritten or removed.
Source: "{param:SYSCONFIG|}"; DestDir: "{commonappdata}\Redaksi"; DestName: "config.toml"; Flags: external skipifsourcedoesntexist onlyifdoesntexist uninsneveruninstall; Check: WantsSystemConfig

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
