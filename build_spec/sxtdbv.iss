; Inno Setup 6.3+ script: the Windows installer of SXTDBV, built from the PyInstaller bundle dist\sxtdbv\.
; Saved as UTF-8 with a byte-order mark, so that ISCC reads the Vietnamese text correctly.
; Build on Windows (see docs\windows-build.md):
;   pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller build_spec\sxtdbv.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" build_spec\sxtdbv.iss
; Result: dist\sxtdbv-setup-<version>.exe
;
; - In Vietnamese (build_spec\Vietnamese.isl, committed with the script), whatever the language of Windows: the program
;   itself speaks Vietnamese. `sxtdbv-setup.exe /LANG=english` gives the English installer.
; - Windows 10 1809 (10.0.17763) or newer, 64-bit: Qt 6 does not start on anything older.
; - Installs per user without administrator rights (office PCs), or for all users when run as administrator.
; - Start-menu entry and a desktop shortcut (ticked) for the windowed sxtdbv.exe; sxtdbv-cli.exe is the command line.
; - An upgrade first deletes the old bundle's {app}\_internal, so no library of the previous version is left beside
;   the new ones.
; - No file association: the program opens its database itself (File > Open), never by a double-click on a file.
; - The uninstaller removes the program only: the user's data (%LOCALAPPDATA%\SXTDBV\SXTDBV: the database, its
;   backups, the error log) is never in {app} and is kept, as the final message says.

#define AppName "SXTDBV"
#define AppExe "sxtdbv.exe"
#define BundleDir "..\dist\sxtdbv"
; The version comes from the version resource PyInstaller wrote from desktop.__version__ (build_spec\version_info.py).
#define AppVersion GetVersionNumbersString(BundleDir + "\" + AppExe)
#if AppVersion == ""
  #error "dist\sxtdbv\sxtdbv.exe has no version: build the bundle with build_spec\sxtdbv.spec first"
#endif
#if VER < EncodeVer(6,3,0)
  #error "Inno Setup 6.3 or newer is needed (x64compatible, the messages of build_spec\Vietnamese.isl)"
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
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; The first language of [Languages] whatever Windows' display language (many office PCs run an English Windows).
LanguageDetectionMethod=none
ShowLanguageDialog=no
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
ChangesAssociations=no

[Languages]
Name: "vietnamese"; MessagesFile: "Vietnamese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vietnamese.ShortcutName=SXTDBV - Sản xuất và tiêu dùng bền vững
vietnamese.ShortcutComment=Kế hoạch sản xuất và tiêu dùng bền vững của Sở Công Thương Đồng Nai
vietnamese.DesktopIcon=Tạo biểu tượng trên màn hình nền
vietnamese.DataKept=Đã gỡ SXTDBV. Dữ liệu của bạn (cơ sở dữ liệu, các bản sao lưu và nhật ký lỗi) vẫn được giữ trong %1. Chỉ tự xóa thư mục đó khi chắc chắn không còn cần.
vietnamese.LaunchApp=Mở SXTDBV ngay
english.ShortcutName=SXTDBV - Sustainable production and consumption
english.ShortcutComment=The sustainable production and consumption plan of the Dong Nai Department of Industry and Trade
english.DesktopIcon=Create a desktop shortcut
english.DataKept=SXTDBV was removed. Your data (the database, its backups and the log) is kept in %1. Delete that folder yourself only if you no longer need it.
english.LaunchApp=Start SXTDBV now

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"

[InstallDelete]
; The previous version's bundle: its Qt and Python libraries are replaced as a whole, not mixed with the new ones.
Type: filesandordirs; Name: "{app}\_internal"
; The shortcuts of the first version, named only "SXTDBV" (the new ones carry the Vietnamese name).
Type: files; Name: "{autoprograms}\SXTDBV.lnk"
Type: files; Name: "{autodesktop}\SXTDBV.lnk"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:ShortcutName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"
Name: "{autodesktop}\{cm:ShortcutName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may leave in its own folder; the data folder under %LOCALAPPDATA% is never touched.
Type: filesandordirs; Name: "{app}\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\SXTDBV\SXTDBV')]),
      mbInformation, MB_OK);
end;
