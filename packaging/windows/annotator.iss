; Inno Setup script for the Windows installer, from the folder `bash packaging/build.sh`
; makes (dist\annotator). Built by .github/workflows/bundles.yml:
;   iscc /DAppVersion=0.1.0 packaging\windows\annotator.iss
; Installs per user (no administrator rights: managed workstations), adds a Start menu
; entry for the window, and puts the console `annotator` command on the user's PATH.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{5E0C7F0A-7C51-4B1E-9B7B-2F2A4C1D0A11}
AppName=annotator
AppVersion={#AppVersion}
AppPublisher=annotator
DefaultDirName={localappdata}\Programs\annotator
DefaultGroupName=annotator
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=annotator-{#AppVersion}-windows-setup
SetupIconFile=..\..\build\annotator.ico
Compression=lzma2
SolidCompression=yes
ChangesEnvironment=yes
LicenseFile=..\..\LICENSE
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"

[Files]
Source: "..\..\dist\annotator\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\annotator"; Filename: "{app}\annotator-window.exe"
Name: "{userdesktop}\annotator"; Filename: "{app}\annotator-window.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; \
    ValueData: "{olddata};{app}"; Check: NeedsAddPath('{app}')

[Code]
function NeedsAddPath(Param: string): boolean;
var
  OrigPath: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', OrigPath) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + ExpandConstant(Param) + ';', ';' + OrigPath + ';') = 0;
end;
