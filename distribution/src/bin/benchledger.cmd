@echo off
rem benchledger: runs lib\benchledger.jar with %JAVA_HOME%\bin\java.exe, else the java on the PATH (17 or newer).
rem Extra JVM options: BENCHLEDGER_JAVA_OPTS.
setlocal
set "BENCHLEDGER_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA_EXE=%JAVA_HOME%\bin\java.exe") else (set "JAVA_EXE=java")
"%JAVA_EXE%" %BENCHLEDGER_JAVA_OPTS% -jar "%BENCHLEDGER_HOME%\lib\benchledger.jar" %*
exit /b %ERRORLEVEL%
