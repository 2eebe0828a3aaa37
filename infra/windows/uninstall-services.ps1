<#
.SYNOPSIS
  Stops and removes Ledgerline's Windows services that install-services.ps1 installed.

.DESCRIPTION
  Stops each service (Ledgerline finishes the spool file or request at hand), removes it, and
  deletes its WinSW executable and configuration from <DataRoot>\services. The billing data, the
  logs and the environment file under <DataRoot> are kept; delete them yourself if you want them gone.

.EXAMPLE
  .\infra\windows\uninstall-services.ps1
#>
[CmdletBinding()]
param(
  [string] $DataRoot = (Join-Path $env:ProgramData 'Ledgerline'),
  [ValidateSet('recorder', 'miner', 'server')]
  [string[]] $Services = @('recorder', 'miner', 'server')
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$ServiceIds = @{ recorder = 'LedgerlineRecorder'; miner = 'LedgerlineMiner'; server = 'LedgerlineServer' }

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  throw 'Run this script from an elevated PowerShell (Run as administrator).'
}

$serviceDir = Join-Path $DataRoot 'services'
foreach ($service in $Services) {
  $id = $ServiceIds[$service]
  $exe = Join-Path $serviceDir "$id.exe"
  if (-not (Get-Service -Name $id -ErrorAction SilentlyContinue)) {
    Write-Host "$id is not installed."
  } elseif (Test-Path -LiteralPath $exe) {
    & $exe stop | Out-Null
    & $exe uninstall
    if ($LASTEXITCODE -ne 0) { throw "removing $id failed (exit code $LASTEXITCODE)" }
    Write-Host "$id removed."
  } else {
    # The wrapper is gone: stop and delete the service through the service control manager.
    Stop-Service -Name $id -ErrorAction SilentlyContinue
    sc.exe delete $id | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "removing $id failed (sc.exe exit code $LASTEXITCODE)" }
    Write-Host "$id removed."
  }
  foreach ($file in @($exe, (Join-Path $serviceDir "$id.xml"))) {
    if (Test-Path -LiteralPath $file) { Remove-Item -LiteralPath $file -Force }
  }
}
Write-Host "Data, logs and settings are still in $DataRoot."
