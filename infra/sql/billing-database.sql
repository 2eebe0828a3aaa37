-- Ledgerline's billing database on SQL Server, with two logins that can do only what they need
-- on it and nothing on any other database:
--
--   $(AppLogin)      the recorder, the miner and the server: reads and writes rows
--                    (db_datareader, db_datawriter); cannot create, alter or drop anything.
--   $(MigrateLogin)  `ledgerline migrate` only: owns the schema (db_owner of this database).
--                    db_ddladmin would be enough to create the tables, but the migrator takes its
--                    lock with sp_getapplock @DbPrincipal = 'dbo' (Kysely's SQL Server adapter),
--                    which SQL Server allows only to members of dbo or db_owner.
--
-- Run it as a sysadmin (or a login with CREATE ANY DATABASE and ALTER ANY LOGIN), in sqlcmd mode,
-- with the names and passwords as variables (nothing secret is stored in this file):
--
--   sqlcmd -S <server> -E -b -i infra/sql/billing-database.sql ^
--     -v BillingDatabase="Ledgerline" ^
--        AppLogin="ledgerline_app" AppPassword="<a strong password>" ^
--        MigrateLogin="ledgerline_migrate" MigratePassword="<another strong password>"
--
-- (In SSMS: Query > SQLCMD Mode, and `:setvar` lines at the top of a copy you do not save.)
-- Passwords must not contain a single quote. Then:
--   ledgerline migrate --db "mssql://ledgerline_migrate:<password>@<server>:1433/Ledgerline?encrypt=true"
--   LEDGERLINE_DB_URL=mssql://ledgerline_app:<password>@<server>:1433/Ledgerline?encrypt=true
-- (`&trustServerCertificate=true` for a server whose certificate the client does not trust, e.g. a
-- test container; `?instance=<name>` for a named instance.)
--
-- One login for everything is simpler and still confined to this database: skip $(MigrateLogin),
-- and put $(AppLogin) in db_owner instead of the two roles. The services can then change the schema.
--
-- The script is idempotent: running it again creates what is missing and re-grants.

SET NOCOUNT ON;
GO

USE [master];
GO

-- The database: full recovery, so it can be backed up with its log and restored to a point in time
-- (SIMPLE is enough if nightly full backups are acceptable). Size and files are the server's defaults.
IF DB_ID(N'$(BillingDatabase)') IS NULL
BEGIN
  CREATE DATABASE [$(BillingDatabase)];
  ALTER DATABASE [$(BillingDatabase)] SET RECOVERY FULL;
  -- Readers are not blocked by the miner's writes (row versioning), as on PostgreSQL.
  ALTER DATABASE [$(BillingDatabase)] SET READ_COMMITTED_SNAPSHOT ON;
END
GO

-- SQL logins. CHECK_EXPIRATION is off so the services do not stop when a password ages; rotate the
-- passwords on your own schedule instead. For Windows logins, see lcscdr-readonly-login.sql (note
-- that Ledgerline's SQL Server driver logs on with the user and password in its URL).
IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'$(AppLogin)')
  CREATE LOGIN [$(AppLogin)]
    WITH PASSWORD = N'$(AppPassword)',
         DEFAULT_DATABASE = [$(BillingDatabase)],
         CHECK_POLICY = ON,
         CHECK_EXPIRATION = OFF;
GO

IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'$(MigrateLogin)')
  CREATE LOGIN [$(MigrateLogin)]
    WITH PASSWORD = N'$(MigratePassword)',
         DEFAULT_DATABASE = [$(BillingDatabase)],
         CHECK_POLICY = ON,
         CHECK_EXPIRATION = OFF;
GO

USE [$(BillingDatabase)];
GO

-- The users; dbo is their default schema, where the migrations create the tables.
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$(AppLogin)')
  CREATE USER [$(AppLogin)] FOR LOGIN [$(AppLogin)] WITH DEFAULT_SCHEMA = [dbo];
GO

IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$(MigrateLogin)')
  CREATE USER [$(MigrateLogin)] FOR LOGIN [$(MigrateLogin)] WITH DEFAULT_SCHEMA = [dbo];
GO

IF IS_ROLEMEMBER(N'db_datareader', N'$(AppLogin)') = 0
  ALTER ROLE [db_datareader] ADD MEMBER [$(AppLogin)];
IF IS_ROLEMEMBER(N'db_datawriter', N'$(AppLogin)') = 0
  ALTER ROLE [db_datawriter] ADD MEMBER [$(AppLogin)];
GO

IF IS_ROLEMEMBER(N'db_owner', N'$(MigrateLogin)') = 0
  ALTER ROLE [db_owner] ADD MEMBER [$(MigrateLogin)];
GO

-- Check: the two users and their roles in this database.
SELECT u.name AS [user], r.name AS [role]
FROM sys.database_role_members AS m
JOIN sys.database_principals AS r ON r.principal_id = m.role_principal_id
JOIN sys.database_principals AS u ON u.principal_id = m.member_principal_id
WHERE u.name IN (N'$(AppLogin)', N'$(MigrateLogin)')
ORDER BY [user], [role];
GO
