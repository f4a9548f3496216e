@echo off
rem Maven wrapper for Windows: runs the Maven version pinned in .mvn\wrapper\maven-wrapper.properties, like ./mvnw.
rem
rem The pinned Maven is fetched once as an ordinary artifact (org.apache.maven:apache-maven:VERSION:zip:bin) through the
rem repository an installed mvn already uses (its settings.xml, mirrors, proxies), so this script needs no download
rem address of its own. It is unpacked under %USERPROFILE%\.m2\wrapper\dists (or %MAVEN_USER_HOME%\wrapper\dists).
rem Without any mvn on the PATH, install one or set MVNW_MAVEN_HOME to an unpacked Maven.
setlocal EnableExtensions
set "MVNW_BASEDIR=%~dp0"
if "%MVNW_BASEDIR:~-1%"=="\" set "MVNW_BASEDIR=%MVNW_BASEDIR:~0,-1%"
set "MVNW_VERSION="
for /f "usebackq eol=# tokens=1,* delims==" %%a in ("%MVNW_BASEDIR%\.mvn\wrapper\maven-wrapper.properties") do (
  if "%%a"=="mavenVersion" set "MVNW_VERSION=%%b"
)
if not defined MVNW_VERSION (
  echo mvnw: no mavenVersion in .mvn\wrapper\maven-wrapper.properties 1>&2
  exit /b 1
)
set "MVNW_VERSION=%MVNW_VERSION: =%"
if defined MAVEN_USER_HOME (set "MVNW_M2=%MAVEN_USER_HOME%") else (set "MVNW_M2=%USERPROFILE%\.m2")
set "MVNW_DIST=%MVNW_M2%\wrapper\dists\apache-maven-%MVNW_VERSION%"
if defined MVNW_MAVEN_HOME (set "MVNW_HOME=%MVNW_MAVEN_HOME%") else (set "MVNW_HOME=%MVNW_DIST%\apache-maven-%MVNW_VERSION%")
if exist "%MVNW_HOME%\bin\mvn.cmd" goto run

where mvn >nul 2>&1
if errorlevel 1 (
  echo mvnw: no mvn found to fetch Maven %MVNW_VERSION%; install Maven 3.8 or newer, or set MVNW_MAVEN_HOME 1>&2
  exit /b 1
)
echo mvnw: fetching Maven %MVNW_VERSION% (once) 1>&2
rem run outside the project so that this bootstrap step does not read its POM
pushd "%TEMP%"
call mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get "-Dartifact=org.apache.maven:apache-maven:%MVNW_VERSION%:zip:bin" -Dtransitive=false 1>&2
set "MVNW_RC=%ERRORLEVEL%"
popd
if not "%MVNW_RC%"=="0" exit /b %MVNW_RC%
set "MVNW_ARCHIVE=%MVNW_M2%\repository\org\apache\maven\apache-maven\%MVNW_VERSION%\apache-maven-%MVNW_VERSION%-bin.zip"
if not exist "%MVNW_DIST%" mkdir "%MVNW_DIST%"
set "MVNW_TMP=%MVNW_DIST%\unpack.%RANDOM%%RANDOM%"
rem Expand-Archive: PowerShell 5, on every Windows Server from 2016; the paths reach it through the environment
powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "Expand-Archive -LiteralPath $env:MVNW_ARCHIVE -DestinationPath $env:MVNW_TMP -Force"
if errorlevel 1 (
  echo mvnw: could not unpack %MVNW_ARCHIVE% 1>&2
  exit /b 1
)
rem a rename: a concurrent run sees either no Maven or a complete one
if not exist "%MVNW_HOME%\bin\mvn.cmd" move "%MVNW_TMP%\apache-maven-%MVNW_VERSION%" "%MVNW_HOME%" >nul
rmdir /s /q "%MVNW_TMP%" 2>nul

:run
set "MAVEN_PROJECTBASEDIR=%MVNW_BASEDIR%"
call "%MVNW_HOME%\bin\mvn.cmd" %*
exit /b %ERRORLEVEL%
