-- Least-privilege, read-only login for Ledgerline's recorder on the Skype for Business Server
-- call-detail-recording database (LcsCDR).
--
-- The recorder only SELECTs from the tables below (see docs/lcscdr.md). This script gives it
-- exactly that: a login, a user in LcsCDR, and a role with SELECT on those tables and nothing
-- else: no other table, no view, no EXECUTE, no write, no access to the other Monitoring
-- databases (QoEMetrics, ...).
--
-- Run it as a sysadmin on the SQL Server instance that hosts LcsCDR, in sqlcmd mode, with the
-- login name and password as variables (nothing secret is stored in this file):
--
--   sqlcmd -S <server>\<instance> -E -b -i infra/sql/lcscdr-readonly-login.sql ^
--     -v RecorderLogin="ledgerline_recorder" RecorderPassword="<a strong password>"
--
-- (In SSMS: Query > SQLCMD Mode, then add `:setvar RecorderLogin ...` and
-- `:setvar RecorderPassword ...` lines at the top of a copy you do not save.)
-- The password must not contain a single quote. Then point the recorder at
--   mssql://ledgerline_recorder:<password>@<server>:1433/LcsCDR?encrypt=true
-- (or `?instance=<name>` for a named instance).
--
-- The script is idempotent: running it again changes nothing except re-granting.
-- Re-run it after a Skype for Business cumulative update that updates the LcsCDR schema
-- (Install-CsDatabase -Update): object-level grants do not survive a table that is dropped
-- and re-created.

SET NOCOUNT ON;
GO

USE [master];
GO

-- A SQL login. CHECK_EXPIRATION is off so the recorder does not stop when the password ages;
-- rotate the password on your own schedule instead.
-- To use a Windows service account instead, replace this block with:
--   IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'CONTOSO\svc-ledgerline')
--     CREATE LOGIN [CONTOSO\svc-ledgerline] FROM WINDOWS WITH DEFAULT_DATABASE = [LcsCDR];
-- and use that name for $(RecorderLogin) below.
IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'$(RecorderLogin)')
  CREATE LOGIN [$(RecorderLogin)]
    WITH PASSWORD = N'$(RecorderPassword)',
         DEFAULT_DATABASE = [LcsCDR],
         CHECK_POLICY = ON,
         CHECK_EXPIRATION = OFF;
GO

USE [LcsCDR];
GO

-- The user; dbo is its default schema, so the recorder's unqualified table names resolve to
-- dbo.SessionDetails and so on.
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$(RecorderLogin)')
  CREATE USER [$(RecorderLogin)] FOR LOGIN [$(RecorderLogin)] WITH DEFAULT_SCHEMA = [dbo];
GO

-- A role holding the grants, so auditing shows why the user can read what it reads.
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'ledgerline_cdr_reader' AND type = 'R')
  CREATE ROLE [ledgerline_cdr_reader] AUTHORIZATION [dbo];
GO

GRANT SELECT ON OBJECT::[dbo].[SessionDetails]   TO [ledgerline_cdr_reader];
GRANT SELECT ON OBJECT::[dbo].[VoipDetails]      TO [ledgerline_cdr_reader];
GRANT SELECT ON OBJECT::[dbo].[Users]            TO [ledgerline_cdr_reader];
GRANT SELECT ON OBJECT::[dbo].[Phones]           TO [ledgerline_cdr_reader];
GRANT SELECT ON OBJECT::[dbo].[Gateways]         TO [ledgerline_cdr_reader];
GRANT SELECT ON OBJECT::[dbo].[MediationServers] TO [ledgerline_cdr_reader];
GRANT SELECT ON OBJECT::[dbo].[PurgeSettings]    TO [ledgerline_cdr_reader];
GO

IF IS_ROLEMEMBER(N'ledgerline_cdr_reader', N'$(RecorderLogin)') = 0
  ALTER ROLE [ledgerline_cdr_reader] ADD MEMBER [$(RecorderLogin)];
GO

-- Broader alternative, if per-table grants are not wanted (read access to every LcsCDR table):
--   ALTER ROLE [db_datareader] ADD MEMBER [$(RecorderLogin)];

-- Check: the role holds SELECT on the seven tables, the user only CONNECT; nothing else.
SELECT pr.name AS principal, pe.permission_name, pe.state_desc, OBJECT_NAME(pe.major_id) AS [object]
FROM sys.database_permissions AS pe
JOIN sys.database_principals AS pr ON pr.principal_id = pe.grantee_principal_id
WHERE pr.name IN (N'ledgerline_cdr_reader', N'$(RecorderLogin)')
ORDER BY [object];
GO
