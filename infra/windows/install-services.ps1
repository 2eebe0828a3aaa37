<#
.SYNOPSIS
  Installs (or reinstalls) Ledgerline's recorder, miner and server as Windows services with WinSW 2.x.

.DESCRIPTION
  For each service: copies WinSW.exe to <DataRoot>\services\<Id>.exe, writes <Id>.xml from the
  template beside this script with the folders filled in, installs the service and starts it.
  The services run as NT AUTHORITY\LocalService, read their settings from <DataRoot>\ledgerline.env
  (Node's --env-file), write their data under <DataRoot>\data and their logs under <DataRoot>\logs,
  and are restarted by Windows when they fail.

  Run it from an elevated PowerShell. Running it again reinstalls the services with the current
  templates (an upgrade): the data, the logs and the environment file are kept.

.EXAMPLE
  .\infra\windows\install-services.ps1 -WinSW C:\Downloads\WinSW-x64.exe

.EXAMPLE
  .\infra\windows\install-services.ps1 -WinSW C:\Downloads\WinSW-x64.exe -Services server `
    -MigrationDbUrl 'mssql://ledgerline_migrate:secret@sql01/Ledgerline?encrypt=true'
#>
[CmdletBinding()]
param(
  # WinSW 2.x executable (WinSW-x64.exe from https://github.com/winsw/winsw/releases, v2.12.0).
  [Parameter(Mandatory = $true)]
  [string] $WinSW,
  # Ledgerline's package folder (bin\, dist\, node_modules\): by default the one holding this script.
  [string] $AppDir = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path,
  # Settings, data and logs.
  [string] $DataRoot = (Join-Path $env:ProgramData 'Ledgerline'),
  # node.exe, version 20.6 or later (for --env-file): by default the one on the PATH.
  [string] $NodePath = '',
  # Which services to install.
  [ValidateSet('recorder', 'miner', 'server')]
  [string[]] $Services = @('recorder', 'miner', 'server'),
  # Billing database URL for `ledgerline migrate` when the services' own login may not change the
  # schema (see infra/sql/README.md); by default migrate uses the environment file's LEDGERLINE_DB_URL.
  [string] $MigrationDbUrl = '',
  # Do not run `ledgerline migrate` before starting the services.
  [switch] $SkipMigrate
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$ServiceIds = @{ recorder = 'LedgerlineRecorder'; miner = 'LedgerlineMiner'; server = 'LedgerlineServer' }
# Well-known SIDs, so the script works on Windows in any language.
$Administrators = '*S-1-5-32-544'
$LocalSystem = '*S-1-5-18'
$LocalService = '*S-1-5-19'

function Invoke-Checked([string] $What, [scriptblock] $Command) {
  & $Command
  if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  throw 'Run this script from an elevated PowerShell (Run as administrator).'
}

if (-not (Test-Path -LiteralPath $WinSW -PathType Leaf)) { throw "WinSW executable not found: $WinSW" }
$cli = Join-Path $AppDir 'bin\ledgerline.js'
if (-not (Test-Path -LiteralPath (Join-Path $AppDir 'dist\backend\cli\main.js'))) {
  throw "Ledgerline is not built in $AppDir (run npm ci there first)."
}
if (-not $NodePath) { $NodePath = (Get-Command node.exe -ErrorAction Stop).Source }
$nodeVersion = [version]((& $NodePath --version).TrimStart('v'))
if ($nodeVersion -lt [version]'20.6.0') { throw "Node.js 20.6 or later is needed (--env-file); $NodePath is $nodeVersion." }

$dataDir = Join-Path $DataRoot 'data'
$logDir = Join-Path $DataRoot 'logs'
$serviceDir = Join-Path $DataRoot 'services'
$envFile = Join-Path $DataRoot 'ledgerline.env'
foreach ($dir in @($DataRoot, $dataDir, $logDir, $serviceDir)) { New-Item -ItemType Directory -Force -Path $dir | Out-Null }

if (-not (Test-Path -LiteralPath $envFile)) {
  Copy-Item -LiteralPath (Join-Path $PSScriptRoot '..\ledgerline.env.example') -Destination $envFile
  Invoke-Checked 'icacls' { icacls $envFile /inheritance:r /grant:r "${Administrators}:F" "${LocalSystem}:F" "${LocalService}:R" | Out-Null }
  Write-Warning "Wrote $envFile from the example. Fill it in (billing database, LcsCDR, sign-in), then run this script again."
  exit 1
}

# The service account may read the settings, and change only the data and log folders.
Invoke-Checked 'icacls' { icacls $envFile /inheritance:r /grant:r "${Administrators}:F" "${LocalSystem}:F" "${LocalService}:R" | Out-Null }
foreach ($dir in @($dataDir, $logDir)) {
  Invoke-Checked 'icacls' { icacls $dir /grant "${LocalService}:(OI)(CI)M" | Out-Null }
}

if (-not $SkipMigrate) {
  Write-Host 'Bringing the billing database up to date (ledgerline migrate)...'
  $env:LEDGERLINE_DATA_DIR = $dataDir
  $migrateArgs = @("--env-file=$envFile", $cli)
  if ($MigrationDbUrl) { $migrateArgs += @('--db', $MigrationDbUrl) }
  Invoke-Checked 'ledgerline migrate' { & $NodePath @migrateArgs migrate }
}

$values = @{ '@NODE@' = $NodePath; '@APP_DIR@' = $AppDir; '@DATA_DIR@' = $dataDir; '@ENV_FILE@' = $envFile; '@LOG_DIR@' = $logDir }

foreach ($service in $Services) {
  $id = $ServiceIds[$service]
  $exe = Join-Path $serviceDir "$id.exe"
  $xml = Join-Path $serviceDir "$id.xml"

  if (Get-Service -Name $id -ErrorAction SilentlyContinue) {
    Write-Host "Reinstalling $id..."
    & $exe stop | Out-Null
    Invoke-Checked "uninstalling $id" { & $exe uninstall }
    for ($i = 0; $i -lt 30 -and (Get-Service -Name $id -ErrorAction SilentlyContinue); $i++) { Start-Sleep -Seconds 1 }
  }

  $text = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot "ledgerline-$service.xml")
  foreach ($placeholder in $values.Keys) {
    $text = $text.Replace($placeholder, [Security.SecurityElement]::Escape($values[$placeholder]))
  }
  Copy-Item -LiteralPath $WinSW -Destination $exe -Force
  Set-Content -LiteralPath $xml -Value $text -Encoding UTF8

  Invoke-Checked "installing $id" { & $exe install }
  Invoke-Checked "starting $id" { & $exe start }
  Write-Host "$id is running; its log is in $logDir\$id.err.log"
}
