; Inno Setup 6 script: the Windows installer of SXTDBV, built from the PyInstaller bundle dist\sxtdbv\.
; Saved as UTF-8 with a byte-order mark, so that ISCC reads the Vietnamese text correctly.
; Build on Windows (see docs\windows-build.md):
;   pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller build_spec\sxtdbv.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" build_spec\sxtdbv.iss
; Result: dist\sxtdbv-setup-<version>.exe
;
; - Installs per user without administrator rights (office PCs), or for all users when run as administrator.
; - Start-menu entry (and an optional desktop shortcut) for the windowed sxtdbv.exe; sxtdbv-cli.exe is the command line.
; - The uninstaller removes the program only: the user's data (%APPDATA%\SXTDBV\SXTDBV: the database, its backups,
;   the error log) is never in {app} and is kept, as the final message says.

#define AppName "SXTDBV"
#define AppExe "sxtdbv.exe"
#define BundleDir "..\dist\sxtdbv"
; The version comes from the version resource PyInstaller wrote from desktop.__version__ (build_spec\version_info.py).
#define AppVersion GetVersionNumbersString(BundleDir + "\" + AppExe)
#if AppVersion == ""
  #error "dist\sxtdbv\sxtdbv.exe has no version: build the bundle with build_spec\sxtdbv.spec first"
#endif

[Setup]
AppId={{6E0B7C52-3C1A-4F7E-9D4B-5A2E8C1F0D93}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Sở Công Thương Đồng Nai
AppComments=Kế hoạch sản xuất và tiêu dùng bền vững
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=sxtdbv-setup-{#AppVersion}
SetupIconFile=..\resources\icons\sxtdbv.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships Vietnamese among its unofficial translations: used when copied into its Languages folder.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
Name: "vietnamese"; MessagesFile: "compiler:Languages\Vietnamese.isl"
#endif

[CustomMessages]
english.DesktopIcon=Create a desktop shortcut
english.DataKept=SXTDBV was removed. Your data (the database, its backups and the log) is kept in %1. Delete that folder yourself only if you no longer need it.
english.LaunchApp=Start SXTDBV now
#if FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
vietnamese.DesktopIcon=Tạo biểu tượng trên màn hình nền
vietnamese.DataKept=Đã gỡ SXTDBV. Dữ liệu của bạn (cơ sở dữ liệu, các bản sao lưu và nhật ký lỗi) vẫn được giữ trong %1. Chỉ tự xóa thư mục đó khi chắc chắn không còn cần.
vietnamese.LaunchApp=Mở SXTDBV ngay
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may leave in its own folder; the data folder under %APPDATA% is never touched.
Type: filesandordirs; Name: "{app}\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{userappdata}\SXTDBV\SXTDBV')]),
      mbInformation, MB_OK);
end;
