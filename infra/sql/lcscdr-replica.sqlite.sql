-- LcsCDR replica for SQLite.
--
-- The tables of Microsoft's Skype for Business Server 2015 call-detail-recording database
-- (LcsCDR, on the Monitoring SQL Server instance) that Ledgerline's recorder reads, with the same
-- table and column names, so one recorder driver runs against the real database (Kysely
-- MssqlDialect over tedious) and against this replica (demo and tests).
--
-- It follows Microsoft's published schema, "Call detail recording (CDR) database schema in
-- Skype for Business Server 2015":
--   https://learn.microsoft.com/en-us/skypeforbusiness/schema-reference/call-detail-recording-cdr-database-schema/call-detail-recording-cdr-database-schema
--   (source: github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness,
--    Skype/SfbServer/schema-reference/call-detail-recording-cdr-database-schema/*.md)
-- SessionDetails and VoipDetails carry every column those pages list, in their order. See
-- docs/lcscdr.md for what the recorder reads and for where the pages and this file differ.
--
-- Types (SQL Server -> SQLite; the tables are STRICT so a wrong type fails loudly):
--   datetime          -> TEXT 'YYYY-MM-DD HH:MM:SS.fff', UTC, always 3 fraction digits, so text
--                        order is time order (SQL Server datetime is precise to ~3 ms)
--   int, smallint,
--   tinyint           -> INTEGER
--   bit               -> INTEGER 0/1 (tedious returns bit as a boolean, SQLite as 0/1)
--   uniqueidentifier  -> TEXT (a GUID)
--   nvarchar(n)       -> TEXT
-- Keys: the primary keys the pages list. Tables keyed on the session are WITHOUT ROWID, so
-- they are stored in key order like a clustered key. The pages list no other index. Foreign
-- keys are declared only towards the tables replicated here (Dialogs, Tenants, UriTypes,
-- Servers, Pools, ContentTypes, ClientVersions, EdgeServers and CallPriorities are not
-- replicated). The pages give no nullability, so every non-key column is nullable.
--
-- The script is idempotent: applying it to an existing replica changes nothing.

-- Users: every user URI involved in a recorded session (supporting table).
CREATE TABLE IF NOT EXISTS Users (
  NextUpdateTS TEXT                                   -- datetime, internal time stamp
    CHECK (NextUpdateTS GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]'),
  UserId INTEGER PRIMARY KEY,                         -- int, primary
  UserUri TEXT,                                       -- nvarchar(450)
  TenantId INTEGER,                                   -- int, foreign: Tenants
  UriTypeId INTEGER                                   -- int, foreign: UriTypes
) STRICT;

-- Phones: every phone number involved in a recorded VoIP call (supporting table).
CREATE TABLE IF NOT EXISTS Phones (
  PhoneId INTEGER PRIMARY KEY,                        -- int, primary
  PhoneUri TEXT,                                      -- nvarchar(450), the phone number
  NextUpdateTS TEXT                                   -- datetime, internal time stamp
    CHECK (NextUpdateTS GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]')
) STRICT;

-- Gateways: every PSTN gateway involved in a recorded call (supporting table).
CREATE TABLE IF NOT EXISTS Gateways (
  GatewayId INTEGER PRIMARY KEY,                      -- int, primary
  Gateway TEXT                                        -- nvarchar(256), gateway name
) STRICT;

-- MediationServers: every Mediation Server involved in a recorded call (supporting table).
CREATE TABLE IF NOT EXISTS MediationServers (
  MediationServerId INTEGER PRIMARY KEY,              -- int, primary
  MediationServer TEXT                                -- nvarchar(256), Mediation Server name
) STRICT;

-- SessionDetails: one peer-to-peer session (VoIP call, two-party IM, ...).
CREATE TABLE IF NOT EXISTS SessionDetails (
  SessionIdTime TEXT NOT NULL                         -- datetime, primary (+ foreign: Dialogs)
    CHECK (SessionIdTime GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]'),
  SessionIdSeq INTEGER NOT NULL,                      -- int, primary (+ foreign: Dialogs)
  CorrelationId TEXT,                                 -- uniqueidentifier
  -- The pages spell these two ReplaceDialogIdTime / ReplaceDialogIdSeq, but their own text and
  -- deployed databases use ReplacesDialogIdTime / ReplacesDialogIdSeq (see docs/lcscdr.md).
  ReplacesDialogIdTime TEXT                           -- datetime, foreign: Dialogs
    CHECK (ReplacesDialogIdTime GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]'),
  ReplacesDialogIdSeq INTEGER,                        -- int, foreign: Dialogs
  User1Id INTEGER REFERENCES Users (UserId),          -- int, foreign: Users
  User2Id INTEGER REFERENCES Users (UserId),          -- int, foreign: Users
  User1EndpointId TEXT,                               -- uniqueidentifier
  User2EndpointId TEXT,                               -- uniqueidentifier
  TargetUserId INTEGER REFERENCES Users (UserId),     -- int, foreign: Users (original To URI)
  SessionStartedById INTEGER REFERENCES Users (UserId), -- int, foreign: Users
  OnBehalfOfId INTEGER REFERENCES Users (UserId),     -- int, foreign: Users
  ReferredById INTEGER REFERENCES Users (UserId),     -- int, foreign: Users
  ServerId INTEGER,                                   -- int, foreign: Servers
  PoolId INTEGER,                                     -- int, foreign: Pools
  ContentTypeID INTEGER,                              -- int, foreign: ContentTypes
  User1ClientVerId INTEGER,                           -- int, foreign: ClientVersions
  User2ClientVerId INTEGER,                           -- int, foreign: ClientVersions
  User1EdgeServerid INTEGER,                          -- int, foreign: EdgeServers
  User2EdgeServerid INTEGER,                          -- int, foreign: EdgeServers
  IsUser1Internal INTEGER CHECK (IsUser1Internal IN (0, 1)), -- bit
  IsUser2Internal INTEGER CHECK (IsUser2Internal IN (0, 1)), -- bit
  InviteTime TEXT                                     -- datetime, first INVITE
    CHECK (InviteTime GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]'),
  ResponseTime TEXT                                   -- datetime, response to the first INVITE
    CHECK (ResponseTime GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]'),
  ResponseCode INTEGER,                               -- int, SIP response code
  DiagnosticId INTEGER,                               -- int, captured from a SIP header
  CallPriority INTEGER,                               -- int, foreign: CallPriorities
  User1MessageCount INTEGER,                          -- int
  User2MessageCount INTEGER,                          -- int
  SessionEndTime TEXT                                 -- datetime
    CHECK (SessionEndTime GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]'),
  MediaTypes INTEGER,                                 -- int, bit set: 1 IM, 2 file transfer,
                                                      -- 4 remote assistance, 8 app sharing,
                                                      -- 16 audio, 32 video, 64 app invite
  User1Flag INTEGER,                                  -- smallint, 0x01 integrated with desk phone
  User2Flag INTEGER,                                  -- smallint, 0x01 integrated with desk phone
  CallFlag INTEGER,                                   -- smallint, 0x01 retried session,
                                                      -- 0x02 agent call on behalf of a response group
  Processed INTEGER CHECK (Processed IN (0, 1)),      -- bit, internal (Monitoring service)
  LastModifiedTime TEXT                               -- datetime, internal (Monitoring service)
    CHECK (LastModifiedTime GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]'),
  PRIMARY KEY (SessionIdTime, SessionIdSeq)
) STRICT, WITHOUT ROWID;

-- VoipDetails: one two-party call in which at least one user is a VoIP user. Same key as
-- SessionDetails (the pages mark it primary only, not foreign).
CREATE TABLE IF NOT EXISTS VoipDetails (
  SessionIdTime TEXT NOT NULL                         -- datetime, primary
    CHECK (SessionIdTime GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]'),
  SessionIdSeq INTEGER NOT NULL,                      -- int, primary
  FromNumberId INTEGER REFERENCES Phones (PhoneId),   -- int, foreign: Phones (caller)
  ConnectedNumberId INTEGER REFERENCES Phones (PhoneId), -- int, foreign: Phones (call receiver)
  FromMediationServerId INTEGER REFERENCES MediationServers (MediationServerId), -- int, foreign
  ToMediationServerId INTEGER REFERENCES MediationServers (MediationServerId),   -- int, foreign
  FromGatewayId INTEGER REFERENCES Gateways (GatewayId), -- int, foreign: call comes from the PSTN
  ToGatewayId INTEGER REFERENCES Gateways (GatewayId),   -- int, foreign: call goes to the PSTN
  DisconnectedbyURIId INTEGER REFERENCES Users (UserId), -- int, foreign: Users
  DisconnectedbyPhoneId INTEGER REFERENCES Phones (PhoneId), -- int, foreign: Phones
  LastModifiedTime TEXT                               -- datetime, internal (Monitoring service)
    CHECK (LastModifiedTime GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]'),
  PRIMARY KEY (SessionIdTime, SessionIdSeq)
) STRICT, WITHOUT ROWID;

-- PurgeSettings: if and when the purge job deletes old records (read-only for administrators;
-- changed with Set-CsCdrConfiguration). The recorder reads KeepCallDetailForDays to know how
-- far back rows still exist.
CREATE TABLE IF NOT EXISTS PurgeSettings (
  Id INTEGER PRIMARY KEY,                             -- int, primary
  EnablePurge INTEGER CHECK (EnablePurge IN (0, 1)),  -- bit, default 1
  KeepCallDetailForDays INTEGER,                      -- int, default 60
  KeepErrorReportForDays INTEGER,                     -- int, default 60
  PurgeHour INTEGER                                   -- int, local hour of day, default 2
) STRICT;

-- Microsoft's documented defaults. The Id of the real row is not documented; 1 is assumed.
INSERT OR IGNORE INTO PurgeSettings (Id, EnablePurge, KeepCallDetailForDays, KeepErrorReportForDays, PurgeHour)
VALUES (1, 1, 60, 60, 2);
