@echo off
rem ZiPing: installs the WPS add-in (offline form) for this user. Add -Uninstall to remove it.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-wps.ps1" %*
pause
