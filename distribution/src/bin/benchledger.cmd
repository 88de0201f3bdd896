@echo off
rem benchledger: runs lib\benchledger.jar with %JAVA_HOME%\bin\java.exe, else the java on the PATH (17 or newer).
rem Extra JVM options: BENCHLEDGER_JAVA_OPTS.
setlocal
set "BENCHLEDGER_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA_EXE=%JAVA_HOME%\bin\java.exe") else (set "JAVA_EXE=java")
rem site: C1 only (a short job; the JIT compiles far less); BENCHLEDGER_JAVA_OPTS can turn C2 back on
set "BENCHLEDGER_JIT="
if "%~1"=="site" set "BENCHLEDGER_JIT=-XX:TieredStopAtLevel=1"
"%JAVA_EXE%" %BENCHLEDGER_JIT% %BENCHLEDGER_JAVA_OPTS% -jar "%BENCHLEDGER_HOME%\lib\benchledger.jar" %*
exit /b %ERRORLEVEL%
