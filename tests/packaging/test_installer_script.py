"""Static checks of the Inno Setup installer (build_spec/sxtdbv.iss) and its Vietnamese messages (Vietnamese.isl).

Nothing here runs Windows or ISCC: the script is read as ISCC reads it (sections, `Key: "value"; ...` entries,
[Setup] directives) and checked for what the office PCs need: Windows 10 1809+, a Vietnamese installer whose messages
are complete, Vietnamese shortcut names with comments, the desktop icon ticked, the old bundle removed on upgrade, the
user's data left alone and no file association.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "build_spec" / "sxtdbv.iss"
ISL = ROOT / "build_spec" / "Vietnamese.isl"

# The [Messages] names of Inno Setup 6.3 to 6.5's Default.isl with the placeholders each English message carries
# (%1…, %n, [name], [name/ver], [mb], [gb]); a translation must carry the same ones. DownloadingLabel, ErrorFileHash1
# and ErrorFileHash2 are 6.3's, the Extraction/Archive/Verification/RetryCancel ones 6.4's and 6.5's.
INNO_MESSAGES = """
SetupAppTitle; SetupWindowTitle %1; UninstallAppTitle; UninstallAppFullTitle %1
InformationTitle; ConfirmTitle; ErrorTitle
SetupLdrStartupMessage %1; LdrCannotCreateTemp; LdrCannotExecTemp; HelpTextNote
LastErrorMessage %1 %2 %3 %n; SetupFileMissing %1; SetupFileCorrupt; SetupFileCorruptOrWrongVer
InvalidParameter %n %1; SetupAlreadyRunning; WindowsVersionNotSupported; WindowsServicePackRequired %1 %2
NotOnThisPlatform %1; OnlyOnThisPlatform %1; OnlyOnTheseArchitectures %n %1; WinVersionTooLowError %1 %2
WinVersionTooHighError %1 %2; AdminPrivilegesRequired; PowerUserPrivilegesRequired; SetupAppRunningError %1 %n
UninstallAppRunningError %1 %n
PrivilegesRequiredOverrideTitle; PrivilegesRequiredOverrideInstruction; PrivilegesRequiredOverrideText1 %1
PrivilegesRequiredOverrideText2 %1; PrivilegesRequiredOverrideAllUsers; PrivilegesRequiredOverrideAllUsersRecommended
PrivilegesRequiredOverrideCurrentUser; PrivilegesRequiredOverrideCurrentUserRecommended
ErrorCreatingDir %1; ErrorTooManyFilesInDir %1
ExitSetupTitle; ExitSetupMessage %n; AboutSetupMenuItem; AboutSetupTitle; AboutSetupMessage %1 %2 %3 %4 %n
AboutSetupNote; TranslatorNote
ButtonBack; ButtonNext; ButtonInstall; ButtonOK; ButtonCancel; ButtonYes; ButtonYesToAll; ButtonNo; ButtonNoToAll
ButtonFinish; ButtonBrowse; ButtonWizardBrowse; ButtonNewFolder
SelectLanguageTitle; SelectLanguageLabel
ClickNext; BeveledLabel; BrowseDialogTitle; BrowseDialogLabel; NewFolderName
WelcomeLabel1 [name]; WelcomeLabel2 [name/ver] %n
WizardPassword; PasswordLabel1; PasswordLabel3; PasswordEditLabel; IncorrectPassword
WizardLicense; LicenseLabel; LicenseLabel3; LicenseAccepted; LicenseNotAccepted
WizardInfoBefore; InfoBeforeLabel; InfoBeforeClickLabel; WizardInfoAfter; InfoAfterLabel; InfoAfterClickLabel
WizardUserInfo; UserInfoDesc; UserInfoName; UserInfoOrg; UserInfoSerial; UserInfoNameRequired
WizardSelectDir; SelectDirDesc [name]; SelectDirLabel3 [name]; SelectDirBrowseLabel; DiskSpaceGBLabel [gb]
DiskSpaceMBLabel [mb]; CannotInstallToNetworkDrive; CannotInstallToUNCPath; InvalidPath %n; InvalidDrive
DiskSpaceWarningTitle; DiskSpaceWarning %1 %2 %n; DirNameTooLong; InvalidDirName; BadDirName32 %n %1; DirExistsTitle
DirExists %n %1; DirDoesntExistTitle; DirDoesntExist %n %1
WizardSelectComponents; SelectComponentsDesc; SelectComponentsLabel2; FullInstallation; CompactInstallation
CustomInstallation; NoUninstallWarningTitle; NoUninstallWarning %n %1; ComponentSize1 %1; ComponentSize2 %1
ComponentsDiskSpaceGBLabel [gb]; ComponentsDiskSpaceMBLabel [mb]
WizardSelectTasks; SelectTasksDesc; SelectTasksLabel2 [name]
WizardSelectProgramGroup; SelectStartMenuFolderDesc; SelectStartMenuFolderLabel3; SelectStartMenuFolderBrowseLabel
MustEnterGroupName; GroupNameTooLong; InvalidGroupName; BadGroupName %n %1; NoProgramGroupCheck2
WizardReady; ReadyLabel1 [name]; ReadyLabel2a; ReadyLabel2b; ReadyMemoUserInfo; ReadyMemoDir; ReadyMemoType
ReadyMemoComponents; ReadyMemoGroup; ReadyMemoTasks
DownloadingLabel; DownloadingLabel2; ButtonStopDownload; StopDownload; ErrorDownloadAborted; ErrorDownloadFailed %1 %2
ErrorDownloadSizeFailed %1 %2; ErrorFileHash1 %1; ErrorFileHash2 %1 %2; ErrorProgress %1 %2; ErrorFileSize %1 %2
ExtractingLabel; ButtonStopExtraction; StopExtraction; ErrorExtractionAborted; ErrorExtractionFailed %1
ArchiveIncorrectPassword; ArchiveIsCorrupted; ArchiveUnsupportedFormat
WizardPreparing; PreparingDesc [name]; PreviousInstallNotCompleted %n [name]; CannotContinue; ApplicationsFound
ApplicationsFound2; CloseApplications; DontCloseApplications; ErrorCloseApplications
PrepareToInstallNeedsRestart [name] %n
WizardInstalling; InstallingLabel [name]
FinishedHeadingLabel [name]; FinishedLabelNoIcons [name]; FinishedLabel [name]; ClickFinish
FinishedRestartLabel [name]; FinishedRestartMessage [name] %n; ShowReadmeCheck; YesRadio; NoRadio; RunEntryExec %1
RunEntryShellExec %1
ChangeDiskTitle; SelectDiskLabel2 %1 %n; PathLabel; FileNotInDir2 %1 %2; SelectDirectoryLabel
SetupAborted %n; AbortRetryIgnoreSelectAction; AbortRetryIgnoreRetry; AbortRetryIgnoreIgnore; AbortRetryIgnoreCancel
RetryCancelSelectAction; RetryCancelRetry; RetryCancelCancel
StatusClosingApplications; StatusCreateDirs; StatusExtractFiles; StatusDownloadFiles; StatusCreateIcons
StatusCreateIniEntries; StatusCreateRegistryEntries; StatusRegisterFiles; StatusSavingUninstall; StatusRunProgram
StatusRestartingApplications; StatusRollback
ErrorInternal2 %1; ErrorFunctionFailedNoCode %1; ErrorFunctionFailed %1 %2; ErrorFunctionFailedWithMessage %1 %2 %3 %n
ErrorExecutingProgram %n %1
ErrorRegOpenKey %n %1 %2; ErrorRegCreateKey %n %1 %2; ErrorRegWriteKey %n %1 %2
ErrorIniEntry %1
FileAbortRetryIgnoreSkipNotRecommended; FileAbortRetryIgnoreIgnoreNotRecommended; SourceIsCorrupted
SourceDoesntExist %1; SourceVerificationFailed %1; VerificationSignatureDoesntExist %1
VerificationSignatureInvalid %1; VerificationKeyNotFound %1; VerificationFileNameIncorrect
VerificationFileTagIncorrect; VerificationFileSizeIncorrect; VerificationFileHashIncorrect
ExistingFileReadOnly2; ExistingFileReadOnlyRetry; ExistingFileReadOnlyKeepExisting; ErrorReadingExistingDest
FileExistsSelectAction; FileExists2; FileExistsOverwriteExisting; FileExistsKeepExisting; FileExistsOverwriteOrKeepAll
ExistingFileNewerSelectAction; ExistingFileNewer2; ExistingFileNewerOverwriteExisting; ExistingFileNewerKeepExisting
ExistingFileNewerOverwriteOrKeepAll; ErrorChangingAttr; ErrorCreatingTemp; ErrorReadingSource; ErrorCopying
ErrorDownloading; ErrorExtracting; ErrorReplacingExistingFile; ErrorRestartReplace; ErrorRenamingTemp
ErrorRegisterServer %1; ErrorRegSvr32Failed %1; ErrorRegisterTypeLib %1
UninstallDisplayNameMark %1 %2; UninstallDisplayNameMarks %1 %2 %3; UninstallDisplayNameMark32Bit
UninstallDisplayNameMark64Bit; UninstallDisplayNameMarkAllUsers; UninstallDisplayNameMarkCurrentUser
ErrorOpeningReadme; ErrorRestartingComputer
UninstallNotFound %1; UninstallOpenError %1; UninstallUnsupportedVer %1; UninstallUnknownEntry %1
ConfirmUninstall %1; UninstallOnlyOnWin64; OnlyAdminCanUninstall; UninstallStatusLabel %1; UninstalledAll %1
UninstalledMost %1 %n; UninstalledAndNeedsRestart %1 %n; UninstallDataCorrupted %1
ConfirmDeleteSharedFileTitle; ConfirmDeleteSharedFile2 %n; SharedFileNameLabel; SharedFileLocationLabel
WizardUninstalling; StatusUninstalling %1
ShutdownBlockReasonInstallingApp %1; ShutdownBlockReasonUninstallingApp %1
"""
# Default.isl's [CustomMessages]: not used by Setup itself, but scripts (and Inno's wizard-generated ones) use them.
INNO_CUSTOM_MESSAGES = """
NameAndVersion %1 %2; AdditionalIcons; CreateDesktopIcon; CreateQuickLaunchIcon; ProgramOnTheWeb %1
UninstallProgram %1; LaunchProgram %1; AssocFileExtension %1 %2; AssocingFileExtension %1 %2
AutoStartProgramGroupDescription; AutoStartProgram %1; AddonHostProgramNotFound %1 %n
"""
EMPTY_IN_ENGLISH = {"HelpTextNote", "AboutSetupNote", "TranslatorNote", "BeveledLabel"}
PLACEHOLDER = re.compile(r"%\d|%n|\[name/ver\]|\[name\]|\[mb\]|\[gb\]")


def reference(table: str) -> dict[str, set[str]]:
    """Message name -> the placeholders its English text carries."""
    names = {}
    for entry in re.split(r"[;\n]", table):
        if entry.strip():
            name, *placeholders = entry.split()
            names[name] = set(placeholders)
    return names


def read_ini(path: Path) -> dict[str, list[str]]:
    """Section name (lower case) -> its lines, comments and blank lines left out, as ISCC reads a UTF-8 file."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} must be UTF-8 with a byte-order mark for ISCC"
    sections: dict[str, list[str]] = {}
    current = ""
    for line in raw[3:].decode("utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(";"):
            continue
        if re.fullmatch(r"\[[A-Za-z]+\]", stripped):
            current = stripped[1:-1].lower()
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(stripped)
    return sections


def key_values(lines: list[str]) -> dict[str, str]:
    """`Name=value` lines as a dict; a name given twice fails."""
    values: dict[str, str] = {}
    for line in lines:
        name, _, value = line.partition("=")
        assert name not in values, f"{name} given twice"
        values[name.strip()] = value
    return values


def entries(lines: list[str]) -> list[dict[str, str]]:
    """`Param: "value"; Param: value` entries ([Files], [Icons], [Tasks]...) as dicts."""
    found = []
    for line in lines:
        params = {}
        for match in re.finditer(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line):
            params[match.group(1).lower()] = match.group(2).strip().strip('"')
        found.append(params)
    return found


@pytest.fixture(scope="module")
def iss() -> dict[str, list[str]]:
    return read_ini(ISS)


@pytest.fixture(scope="module")
def isl() -> dict[str, list[str]]:
    return read_ini(ISL)


def setup_directives(iss) -> dict[str, str]:
    return {k.lower(): v for k, v in key_values(iss["setup"]).items()}


def test_setup_directives_for_office_pcs(iss):
    setup = setup_directives(iss)
    assert setup["minversion"] == "10.0.17763"  # Windows 10 1809: the oldest Qt 6 starts on
    assert setup["privilegesrequired"] == "lowest"  # an office user without administrator rights can install
    assert setup["architecturesallowed"] == "x64compatible"
    assert setup["architecturesinstallin64bitmode"] == "x64compatible"
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["appid"])  # the same AppId for every version: upgrades in place
    assert setup["closeapplications"] == "yes"
    # Vietnamese whatever Windows' display language: detection off, the first language is used.
    assert setup["languagedetectionmethod"] == "none" and setup["showlanguagedialog"] == "no"
    # x64compatible and the message names of Vietnamese.isl need Inno Setup 6.3: an older ISCC stops with a message.
    assert re.search(r"^#if VER < EncodeVer\(6,3,0\)\n\s*#error ", ISS.read_text(encoding="utf-8-sig"), re.MULTILINE)


def test_the_installer_is_vietnamese_from_the_committed_translation(iss):
    languages = entries(iss["languages"])
    assert languages[0]["name"] == "vietnamese"
    assert (ISS.parent / languages[0]["messagesfile"]).resolve() == ISL.resolve()
    assert not any("#if" in line.lower() for line in iss["languages"])  # never conditional on the compiler's folder


def test_the_vietnamese_messages_are_complete(isl):
    options = key_values(isl["langoptions"])
    assert options["LanguageName"] == "Tiếng Việt"
    assert options["LanguageID"].upper() == "$042A"
    assert options["LanguageCodePage"] == "0"  # a Unicode (UTF-8) file
    for section, table in (("messages", INNO_MESSAGES), ("custommessages", INNO_CUSTOM_MESSAGES)):
        messages = key_values(isl[section])
        expected = reference(table)
        assert sorted(set(expected) - set(messages)) == [], f"[{section}] lacks these messages"
        assert sorted(set(messages) - set(expected)) == [], f"[{section}] has names Inno Setup does not know"
        for name, placeholders in expected.items():
            text = messages[name]
            if name not in EMPTY_IN_ENGLISH:
                assert text.strip(), f"{name} is empty"
            assert set(PLACEHOLDER.findall(text)) == placeholders, (name, text)


def test_the_vietnamese_messages_are_vietnamese(isl):
    messages = key_values(isl["messages"])
    assert messages["ButtonNext"] == "&Tiếp >" and messages["ButtonCancel"] == "Hủy"
    assert messages["WinVersionTooLowError"] == "Chương trình này cần %1 phiên bản %2 trở lên."
    english_words = re.compile(r"\b(the|Setup|Please|Click|install|file|folder)\b")
    leftovers = [name for name, text in messages.items() if english_words.search(text)]
    assert leftovers == []


def test_every_custom_message_used_is_defined_in_every_language(iss, isl):
    languages = [entry["name"] for entry in entries(iss["languages"])]
    script = ISS.read_text(encoding="utf-8-sig")
    used = set(re.findall(r"\{cm:(\w+)", script)) | set(re.findall(r"CustomMessage\('(\w+)'\)", script))
    defined = {(line.split(".", 1)[0], line.split(".", 1)[1].split("=", 1)[0]) for line in iss["custommessages"]}
    vietnamese_file = set(key_values(isl["custommessages"]))
    for language in languages:
        for name in used:
            assert (language, name) in defined or (language == "vietnamese" and name in vietnamese_file), \
                (language, name)


def test_shortcuts_have_vietnamese_names_and_comments_and_the_desktop_one_is_ticked(iss):
    custom = dict(line.split("=", 1) for line in iss["custommessages"])
    assert custom["vietnamese.ShortcutName"] == "SXTDBV - Sản xuất và tiêu dùng bền vững"
    assert "Sở Công Thương Đồng Nai" in custom["vietnamese.ShortcutComment"]
    assert not re.search(r'[\\/:*?"<>|]', custom["vietnamese.ShortcutName"])  # a valid file name
    icons = entries(iss["icons"])
    assert {icon["name"] for icon in icons} == {r"{autoprograms}\{cm:ShortcutName}", r"{autodesktop}\{cm:ShortcutName}"}
    assert all(icon["comment"] == "{cm:ShortcutComment}" and icon["filename"] == r"{app}\{#AppExe}" for icon in icons)
    tasks = {task["name"]: task for task in entries(iss["tasks"])}
    assert "unchecked" not in tasks["desktopicon"].get("flags", "")


def test_an_upgrade_removes_the_old_bundle_first(iss):
    deleted = {(entry["type"], entry["name"]) for entry in entries(iss["installdelete"])}
    assert ("filesandordirs", r"{app}\_internal") in deleted
    assert ("files", r"{autoprograms}\SXTDBV.lnk") in deleted  # the first version's shortcut name
    files = entries(iss["files"])
    assert files[0]["source"] == r"{#BundleDir}\*" and "recursesubdirs" in files[0]["flags"]


def test_no_file_association_and_the_data_folder_is_never_deleted(iss):
    script = ISS.read_text(encoding="utf-8-sig")
    assert setup_directives(iss).get("changesassociations", "no") == "no"
    assert "registry" not in iss  # no [Registry]: no HKCR\.db, no "Open with" entry
    assert not re.search(r"HKCR|\\Classes\\|shell\\open|AssocFileExtension", script, re.IGNORECASE)
    removed = " ".join(entry["name"] for section in ("uninstalldelete", "installdelete")
                       for entry in entries(iss.get(section, [])))
    assert "appdata" not in removed.lower() and "{userdocs}" not in removed


def test_the_uninstaller_names_the_data_folder_the_program_uses(iss, monkeypatch):
    import sys

    from desktop import paths

    script = ISS.read_text(encoding="utf-8-sig")
    named = re.search(r"ExpandConstant\('(\{\w+\})\\([^']+)'\)", script)
    assert named, "the uninstaller's message names no folder"
    constant, rest = named.groups()
    windows = {"{localappdata}": r"C:\Users\Nguyễn Văn A\AppData\Local",
               "{userappdata}": r"C:\Users\Nguyễn Văn A\AppData\Roaming"}
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("SXTDBV_DATA_DIR", raising=False)
    monkeypatch.setenv("LOCALAPPDATA", windows["{localappdata}"])
    monkeypatch.setenv("APPDATA", windows["{userappdata}"])
    data = str(paths.data_dir()).replace("/", "\\")
    if data.startswith(windows["{userappdata}"]):
        pytest.skip("desktop/paths.py still keeps the data in the roaming folder (moved to the local one in issue 15)")
    assert constant == "{localappdata}" and data == windows[constant] + "\\" + rest
