; Windows installer for Variorum: per-user (no administrator rights), "Open with" entries for
; the file types Variorum reads, never the default program for any of them; an uninstaller.
;
; Build on Windows after `pyinstaller packaging\variorum.spec` made dist\variorum\ (with
; variorum.exe and variorum-gui.exe), or on Linux with NSIS's makensis:
;     makensis -DVERSION=0.1.0 -DDIST=..\..\dist\variorum packaging/windows/variorum.nsi
; The extensions below are desktop/variorum/resources/filetypes.py's (a test compares them).

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "pass -DVERSION=x.y.z (pyproject's version)"
!endif
!ifndef DIST
  !define DIST "..\..\dist\variorum"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\Variorum-${VERSION}-setup.exe"
!endif

!define APP "Variorum"
!define APP_ID "io.github.variorum.Variorum"
!define PROGID "Variorum.Article"
!define EXE "variorum-gui.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define CLASSES "Software\Classes"

Name "${APP}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "LegalCopyright" "Variorum team (MIT licence)"

!ifdef ICON  ; an .ico of the app icon (-DICON=...), else NSIS's own
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

; "Open with" for one extension: listed under the extension's OpenWithProgids and the
; application's SupportedTypes. The extension's default value (its default program) is never
; written, so .txt, .pdf and .docx keep opening where they did.
!macro OpenWith EXT
  WriteRegStr HKCU "${CLASSES}\${EXT}\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}\SupportedTypes" "${EXT}" ""
!macroend
!macro NoLongerOpenWith EXT
  DeleteRegValue HKCU "${CLASSES}\${EXT}\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "${CLASSES}\${EXT}\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "${CLASSES}\${EXT}"
!macroend
!macro EachExtension MACRO
  !insertmacro ${MACRO} ".txt"
  !insertmacro ${MACRO} ".text"
  !insertmacro ${MACRO} ".md"
  !insertmacro ${MACRO} ".markdown"
  !insertmacro ${MACRO} ".html"
  !insertmacro ${MACRO} ".htm"
  !insertmacro ${MACRO} ".xhtml"
  !insertmacro ${MACRO} ".docx"
  !insertmacro ${MACRO} ".odt"
  !insertmacro ${MACRO} ".rtf"
  !insertmacro ${MACRO} ".pdf"
  !insertmacro ${MACRO} ".eml"
  !insertmacro ${MACRO} ".mht"
  !insertmacro ${MACRO} ".mhtml"
!macroend

Section "Variorum" SecMain
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; The program's identity for "Open with": a ProgID that opens files in the running window
  ; (a second launch hands its files over), and the application key Explorer lists.
  WriteRegStr HKCU "${CLASSES}\${PROGID}" "" "Article (${APP})"
  WriteRegStr HKCU "${CLASSES}\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${CLASSES}\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}" "FriendlyAppName" "${APP}"
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  !insertmacro EachExtension OpenWith

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Variorum team"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

  ; Tell Explorer the associations changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  !insertmacro EachExtension NoLongerOpenWith
  DeleteRegKey HKCU "${CLASSES}\${PROGID}"
  DeleteRegKey HKCU "${CLASSES}\Applications\${EXE}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  Delete "$SMPROGRAMS\${APP}.lnk"
  ; The program folder only: the library, settings and logs in the user's AppData stay, as
  ; an uninstall should not delete someone's work.
  RMDir /r "$INSTDIR"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
