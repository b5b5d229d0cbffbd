; Included by electron-builder's NSIS script (electron-builder.yml nsis.include). The installer runs per-machine and
; elevated, so this is the one moment the program can make a folder only administrators may write:
; %ProgramData%\DirectAccess Doctor, where policy deploys the organisation configuration (org.json, which pins the
; root certificates a fix may trust). SYSTEM and Administrators full control, Users read, nothing inherited from
; ProgramData (whose default ACL lets any user create files). Tools are called by full path, SIDs instead of group
; names so a localised Windows ("Administratoren") works. docs/security.md explains why; docs/deploy.md how.

!macro dadIcacls ARGS
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" ${ARGS}'
  Pop $1
  ${If} $1 != 0
    DetailPrint `icacls ${ARGS} failed with $1`
    MessageBox MB_OK|MB_ICONSTOP "DirectAccess Doctor could not protect its configuration folder $0 (icacls exit code $1). The installation stops." /SD IDOK
    SetErrorLevel 1603
    Abort
  ${EndIf}
!macroend

!macro customInstall
  ; $APPDATA in the all-users context is the known folder ProgramData, from the shell, not from an environment
  ; variable the invoking user could have set.
  SetShellVarContext all
  StrCpy $0 "$APPDATA\DirectAccess Doctor"
  ${If} ${FileExists} "$0\*.*"
    ; Made earlier: by a previous install, or planted by a standard user (then owned by that user, with an ACL and
    ; files of their choosing). Take it over before anything else; content is kept (policy overwrites org.json).
    DetailPrint "$0 exists: resetting its owner and permissions"
  ${Else}
    CreateDirectory "$0"
  ${EndIf}
  ; Owner Administrators (the owner can always rewrite the ACL), then every explicit entry dropped, then ours only.
  !insertmacro dadIcacls '"$0" /setowner *S-1-5-32-544 /T /C /Q'
  !insertmacro dadIcacls '"$0" /reset /T /C /Q'
  !insertmacro dadIcacls '"$0" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX /Q'
!macroend

; Uninstalling keeps the folder: it holds what policy deployed, and policy removes it.
