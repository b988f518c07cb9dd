#include "server/ServerSchema.h"

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

// Statements are written once with type words that each dialect spells its own way, so the two schemas
// cannot drift apart by accident. PostgreSQL gets real types (uuid, timestamptz, date, boolean);
// SQLite stores the same values as text and integers (times as ISO 8601 UTC text, which sorts).
struct TypeWord {
    QLatin1StringView word;
    QLatin1StringView postgresql;
    QLatin1StringView sqlite;
};

const TypeWord kTypeWords[] = {
    { "%UUID%"_L1, "uuid"_L1, "TEXT"_L1 },
    { "%TIME%"_L1, "timestamptz"_L1, "TEXT"_L1 },
    { "%DATE%"_L1, "date"_L1, "TEXT"_L1 },
    { "%BOOL%"_L1, "boolean"_L1, "INTEGER"_L1 },
    { "%FALSE%"_L1, "false"_L1, "0"_L1 },
    { "%TRUE%"_L1, "true"_L1, "1"_L1 },
    { "%BIGINT%"_L1, "bigint"_L1, "INTEGER"_L1 },
    { "%SERIAL_KEY%"_L1, "bigserial PRIMARY KEY"_L1, "INTEGER PRIMARY KEY AUTOINCREMENT"_L1 },
};

void addBoth(ServerMigration &migration, const QString &statement)
{
    QString postgresql = statement;
    QString sqlite = statement;
    for (const TypeWord &type : kTypeWords) {
        postgresql.replace(type.word, type.postgresql);
        sqlite.replace(type.word, type.sqlite);
    }
    migration.postgresql.append(postgresql);
    migration.sqlite.append(sqlite);
}

// Version 1: who may use the server (teams, users, devices, sessions, login failures), the council's
// records (customers, cases, contacts and which cases a contact touched) and the change log that sync
// will serve. Design notes are in docs/SERVER.md.
ServerMigration version1()
{
    ServerMigration m;
    m.version = 1;
    m.description = u"users, teams, devices, sessions, login failures, customers, cases, contacts, change log"_s;

    // --- who may use the server
    addBoth(m, u"CREATE TABLE teams ("
               " name TEXT PRIMARY KEY,"
               " created_at %TIME% NOT NULL)"_s);
    addBoth(m, u"CREATE TABLE users ("
               " name TEXT PRIMARY KEY,"
               " role TEXT NOT NULL CHECK (role IN ('agent', 'counter', 'supervisor', 'admin')),"
               " team TEXT NOT NULL REFERENCES teams(name),"
               " password_hash TEXT NOT NULL,"
               " disabled %BOOL% NOT NULL DEFAULT %FALSE%,"
               " created_at %TIME% NOT NULL)"_s);
    addBoth(m, u"CREATE INDEX users_team ON users(team)"_s);
    // A device is one client profile (one user's cache on one machine): revoking it wipes that cache.
    addBoth(m, u"CREATE TABLE devices ("
               " id TEXT PRIMARY KEY,"
               " user_name TEXT NOT NULL REFERENCES users(name),"
               " name TEXT NOT NULL,"
               " registered_at %TIME% NOT NULL,"
               " last_seen_at %TIME% NOT NULL,"
               " revoked_at %TIME%)"_s);
    addBoth(m, u"CREATE INDEX devices_user ON devices(user_name)"_s);
    // Only the SHA-256 of a token is kept: a copy of the database lets nobody in.
    addBoth(m, u"CREATE TABLE sessions ("
               " token_hash TEXT PRIMARY KEY,"
               " user_name TEXT NOT NULL REFERENCES users(name),"
               " device_id TEXT NOT NULL REFERENCES devices(id),"
               " created_at %TIME% NOT NULL,"
               " expires_at %TIME% NOT NULL)"_s);
    addBoth(m, u"CREATE INDEX sessions_user ON sessions(user_name)"_s);
    addBoth(m, u"CREATE INDEX sessions_device ON sessions(device_id)"_s);
    addBoth(m, u"CREATE INDEX sessions_expires ON sessions(expires_at)"_s);
    // Failures name whatever user was typed, known or not, so throttling reveals nothing about accounts.
    addBoth(m, u"CREATE TABLE login_failures ("
               " id %SERIAL_KEY%,"
               " user_name TEXT NOT NULL,"
               " address TEXT NOT NULL,"
               " failed_at %TIME% NOT NULL)"_s);
    addBoth(m, u"CREATE INDEX login_failures_user ON login_failures(user_name, failed_at)"_s);
    addBoth(m, u"CREATE INDEX login_failures_address ON login_failures(address, failed_at)"_s);

    // --- the council's records: the columns of fc_demo's CsvSink, lists as ';'-separated keys and
    // flags and script answers as JSON text, so nothing is lost on the way from a desk and back.
    addBoth(m, u"CREATE TABLE customers ("
               " id %UUID% PRIMARY KEY,"
               " reference TEXT NOT NULL UNIQUE,"
               " title TEXT NOT NULL DEFAULT '',"
               " given_name TEXT NOT NULL DEFAULT '',"
               " family_name TEXT NOT NULL DEFAULT '',"
               " preferred_name TEXT NOT NULL DEFAULT '',"
               " date_of_birth %DATE%,"
               " phones TEXT NOT NULL DEFAULT '',"
               " emails TEXT NOT NULL DEFAULT '',"
               " address_line1 TEXT NOT NULL DEFAULT '',"
               " address_line2 TEXT NOT NULL DEFAULT '',"
               " town TEXT NOT NULL DEFAULT '',"
               " postcode TEXT NOT NULL DEFAULT '',"
               " uprn TEXT NOT NULL DEFAULT '',"
               " preferred_language TEXT NOT NULL DEFAULT 'en',"
               " preferred_channel TEXT NOT NULL DEFAULT 'phone',"
               " access_needs TEXT NOT NULL DEFAULT '',"
               " interpreter_language TEXT NOT NULL DEFAULT '',"
               " sign_language TEXT NOT NULL DEFAULT '',"
               " flags TEXT NOT NULL DEFAULT '[]',"
               " consent_email %BOOL% NOT NULL DEFAULT %FALSE%,"
               " consent_sms %BOOL% NOT NULL DEFAULT %FALSE%,"
               " consent_post %BOOL% NOT NULL DEFAULT %TRUE%,"
               " revision %BIGINT% NOT NULL DEFAULT 1,"
               " created_at %TIME% NOT NULL,"
               " updated_at %TIME% NOT NULL)"_s);
    addBoth(m, u"CREATE INDEX customers_postcode ON customers(postcode)"_s);
    addBoth(m, u"CREATE INDEX customers_uprn ON customers(uprn)"_s);
    addBoth(m, u"CREATE TABLE contacts ("
               " id %UUID% PRIMARY KEY,"
               " customer_id %UUID% REFERENCES customers(id),"
               " channel TEXT NOT NULL,"
               " site TEXT NOT NULL DEFAULT '',"
               " agent TEXT NOT NULL DEFAULT '',"
               " started_at %TIME% NOT NULL,"
               " ended_at %TIME%,"
               " service TEXT NOT NULL DEFAULT '',"
               " reason TEXT NOT NULL DEFAULT '',"
               " script_id TEXT NOT NULL DEFAULT '',"
               " script_version INTEGER NOT NULL DEFAULT 0,"
               " answers TEXT NOT NULL DEFAULT '{}',"
               " outcome TEXT,"
               " signposted_to TEXT NOT NULL DEFAULT '',"
               " transferred_to TEXT NOT NULL DEFAULT '',"
               " demand_type TEXT NOT NULL DEFAULT 'value',"
               " failure_kind TEXT NOT NULL DEFAULT '',"
               " notes TEXT NOT NULL DEFAULT '',"
               " corrects_contact_id %UUID% REFERENCES contacts(id))"_s);
    addBoth(m, u"CREATE INDEX contacts_customer ON contacts(customer_id, started_at)"_s);
    addBoth(m, u"CREATE INDEX contacts_corrects ON contacts(corrects_contact_id)"_s);
    addBoth(m, u"CREATE TABLE cases ("
               " id %UUID% PRIMARY KEY,"
               " reference TEXT NOT NULL UNIQUE,"
               " customer_id %UUID% REFERENCES customers(id),"
               " service TEXT NOT NULL,"
               " request_type TEXT NOT NULL,"
               " status TEXT NOT NULL,"
               " priority TEXT NOT NULL DEFAULT 'normal',"
               " team TEXT NOT NULL DEFAULT '',"
               " assignee TEXT NOT NULL DEFAULT '',"
               " raised_at %TIME% NOT NULL,"
               " promised_by %TIME%,"
               " resolved_at %TIME%,"
               " raising_contact_id %UUID% REFERENCES contacts(id),"
               " summary TEXT NOT NULL DEFAULT '',"
               " closure_reason TEXT,"
               " revision %BIGINT% NOT NULL DEFAULT 1)"_s);
    addBoth(m, u"CREATE INDEX cases_customer ON cases(customer_id, status)"_s);
    addBoth(m, u"CREATE INDEX cases_team ON cases(team, status)"_s);
    // `position` keeps the order in which the agent linked the cases.
    addBoth(m, u"CREATE TABLE contact_cases ("
               " contact_id %UUID% NOT NULL REFERENCES contacts(id),"
               " case_id %UUID% NOT NULL REFERENCES cases(id),"
               " position INTEGER NOT NULL,"
               " PRIMARY KEY (contact_id, case_id))"_s);
    addBoth(m, u"CREATE INDEX contact_cases_case ON contact_cases(case_id)"_s);

    // --- the change log sync serves (design in docs/SERVER.md, "Change log"). On PostgreSQL every row
    // also records the writing transaction (pg_current_xact_id()), because a bigserial position alone
    // lets a reader pass a transaction that commits late; SQLite has one writer, so order is commit order.
    m.postgresql.append(u"CREATE TABLE change_log ("
                        " position bigserial PRIMARY KEY,"
                        " writer_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),"
                        " entity text NOT NULL CHECK (entity IN ('customer', 'case', 'contact')),"
                        " entity_id uuid NOT NULL,"
                        " operation text NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),"
                        " revision bigint NOT NULL,"
                        " payload text NOT NULL,"
                        " changed_at timestamptz NOT NULL DEFAULT now())"_s);
    m.sqlite.append(u"CREATE TABLE change_log ("
                    " position INTEGER PRIMARY KEY AUTOINCREMENT,"
                    " entity TEXT NOT NULL CHECK (entity IN ('customer', 'case', 'contact')),"
                    " entity_id TEXT NOT NULL,"
                    " operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),"
                    " revision INTEGER NOT NULL,"
                    " payload TEXT NOT NULL,"
                    " changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"_s);
    addBoth(m, u"CREATE INDEX change_log_entity ON change_log(entity, entity_id)"_s);
    return m;
}

// Version 2: sync (docs/SYNC.md). Triggers put every insert and update of a synced table in the change
// log, whoever writes it (sync, seeding, an import, a supervisor, an administrator's SQL), so nothing
// can change without desks hearing of it; pulls read the rows' current state. Mutations are remembered
// with their answers so each is applied once; conflicts wait for a person; desks' audit events land
// append-only; the epoch names this database, so a restored backup is noticed.
ServerMigration version2()
{
    ServerMigration m;
    m.version = 2;
    m.description = u"sync: change-log triggers, applied mutations, conflicts, audit events, server epoch"_s;

    addBoth(m, u"CREATE TABLE server_meta ("
               " key TEXT PRIMARY KEY,"
               " value TEXT NOT NULL)"_s);
    m.postgresql.append(u"INSERT INTO server_meta (key, value) VALUES ('epoch', gen_random_uuid()::text)"_s);
    m.sqlite.append(u"INSERT INTO server_meta (key, value) VALUES ('epoch', lower(hex(randomblob(16))))"_s);

    addBoth(m, u"CREATE TABLE applied_mutations ("
               " id %UUID% PRIMARY KEY,"
               " user_name TEXT NOT NULL,"
               " device_id TEXT NOT NULL,"
               " entity TEXT NOT NULL,"
               " operation TEXT NOT NULL,"
               " entity_id %UUID% NOT NULL,"
               " status TEXT NOT NULL CHECK (status IN ('applied', 'conflict', 'rejected')),"
               " revision %BIGINT% NOT NULL DEFAULT 0,"
               " conflict_fields TEXT NOT NULL DEFAULT '',"
               " code TEXT NOT NULL DEFAULT '',"
               " message TEXT NOT NULL DEFAULT '',"
               " applied_at %TIME% NOT NULL)"_s);
    addBoth(m, u"CREATE INDEX applied_mutations_device ON applied_mutations(device_id, applied_at)"_s);

    // Values are JSON text (a field may be a list or an object), so both sides show exactly what was kept.
    addBoth(m, u"CREATE TABLE sync_conflicts ("
               " id %UUID% PRIMARY KEY,"
               " entity TEXT NOT NULL CHECK (entity IN ('customer', 'case')),"
               " entity_id %UUID% NOT NULL,"
               " field TEXT NOT NULL,"
               " base_value TEXT NOT NULL,"
               " server_value TEXT NOT NULL,"
               " client_value TEXT NOT NULL,"
               " mutation_id %UUID% NOT NULL,"
               " user_name TEXT NOT NULL,"
               " device_id TEXT NOT NULL,"
               " created_at %TIME% NOT NULL,"
               " resolved_at %TIME%,"
               " resolved_by TEXT NOT NULL DEFAULT '',"
               " resolution TEXT NOT NULL DEFAULT '',"
               " revision %BIGINT% NOT NULL DEFAULT 1)"_s);
    addBoth(m, u"CREATE INDEX sync_conflicts_entity ON sync_conflicts(entity, entity_id)"_s);

    addBoth(m, u"CREATE TABLE audit_events ("
               " id %UUID% PRIMARY KEY,"
               " at %TIME% NOT NULL,"
               " received_at %TIME% NOT NULL,"
               " user_name TEXT NOT NULL,"
               " device_id TEXT NOT NULL,"
               " action TEXT NOT NULL,"
               " entity TEXT NOT NULL,"
               " entity_id TEXT NOT NULL,"
               " detail TEXT NOT NULL DEFAULT '')"_s);
    addBoth(m, u"CREATE INDEX audit_events_entity ON audit_events(entity, entity_id, at)"_s);

    // Conflicts travel in the change log too.
    m.postgresql.append(u"ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check"_s);
    m.postgresql.append(u"ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check"
                        " CHECK (entity IN ('customer', 'case', 'contact', 'conflict'))"_s);
    // Pulls read in (writer_xid, position) order below the oldest running transaction (docs/SYNC.md).
    m.postgresql.append(u"CREATE INDEX change_log_xid ON change_log(writer_xid, position)"_s);
    m.postgresql.append(u"CREATE FUNCTION fc_log_revised() RETURNS trigger LANGUAGE plpgsql AS $fc$"
                        " BEGIN"
                        " INSERT INTO change_log (entity, entity_id, operation, revision, payload)"
                        " VALUES (TG_ARGV[0], NEW.id, lower(TG_OP), NEW.revision, '');"
                        " RETURN NULL;"
                        " END $fc$"_s);
    m.postgresql.append(u"CREATE FUNCTION fc_log_appended() RETURNS trigger LANGUAGE plpgsql AS $fc$"
                        " BEGIN"
                        " INSERT INTO change_log (entity, entity_id, operation, revision, payload)"
                        " VALUES (TG_ARGV[0], NEW.id, lower(TG_OP), 1, '');"
                        " RETURN NULL;"
                        " END $fc$"_s);
    m.postgresql.append(u"CREATE TRIGGER customers_log AFTER INSERT OR UPDATE ON customers"
                        " FOR EACH ROW EXECUTE FUNCTION fc_log_revised('customer')"_s);
    m.postgresql.append(u"CREATE TRIGGER cases_log AFTER INSERT OR UPDATE ON cases"
                        " FOR EACH ROW EXECUTE FUNCTION fc_log_revised('case')"_s);
    m.postgresql.append(u"CREATE TRIGGER contacts_log AFTER INSERT OR UPDATE ON contacts"
                        " FOR EACH ROW EXECUTE FUNCTION fc_log_appended('contact')"_s);
    m.postgresql.append(u"CREATE TRIGGER sync_conflicts_log AFTER INSERT OR UPDATE ON sync_conflicts"
                        " FOR EACH ROW EXECUTE FUNCTION fc_log_revised('conflict')"_s);

    // SQLite cannot change a CHECK in place: the table is rebuilt with its rows and positions.
    m.sqlite.append(u"CREATE TABLE change_log_v2 ("
                    " position INTEGER PRIMARY KEY AUTOINCREMENT,"
                    " entity TEXT NOT NULL CHECK (entity IN ('customer', 'case', 'contact', 'conflict')),"
                    " entity_id TEXT NOT NULL,"
                    " operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),"
                    " revision INTEGER NOT NULL,"
                    " payload TEXT NOT NULL,"
                    " changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"_s);
    m.sqlite.append(u"INSERT INTO change_log_v2 SELECT position, entity, entity_id, operation, revision, payload,"
                    " changed_at FROM change_log"_s);
    m.sqlite.append(u"DROP TABLE change_log"_s);
    m.sqlite.append(u"ALTER TABLE change_log_v2 RENAME TO change_log"_s);
    m.sqlite.append(u"CREATE INDEX change_log_entity ON change_log(entity, entity_id)"_s);
    struct Logged {
        QLatin1StringView table;
        QLatin1StringView entity;
        QLatin1StringView revision;
    };
    for (const Logged &logged : { Logged { "customers"_L1, "customer"_L1, "NEW.revision"_L1 },
                                  Logged { "cases"_L1, "case"_L1, "NEW.revision"_L1 },
                                  Logged { "contacts"_L1, "contact"_L1, "1"_L1 },
                                  Logged { "sync_conflicts"_L1, "conflict"_L1, "NEW.revision"_L1 } }) {
        for (QLatin1StringView operation : { "insert"_L1, "update"_L1 }) {
            m.sqlite.append(u"CREATE TRIGGER %1_log_%2 AFTER %3 ON %1 BEGIN"
                            " INSERT INTO change_log (entity, entity_id, operation, revision, payload)"
                            " VALUES ('%4', NEW.id, '%2', %5, ''); END"_s.arg(logged.table, operation,
                                                                             QString(operation).toUpper(),
                                                                             logged.entity, logged.revision));
        }
    }
    return m;
}

// Version 3: the script catalogue and knowledge articles (docs/SCRIPTS.md, "Publishing"). Scripts are
// kept per version, drafts beside published ones; an article is one row whose revision goes up with
// each publication. Both reach desks through the change log, drafts never: the triggers log only
// published rows. The log names records by UUID, so each row has a `sync_id` (made by the store) that
// is its name in the log and in pulls.
ServerMigration version3()
{
    ServerMigration m;
    m.version = 3;
    m.description = u"script catalogue (drafts and published versions), knowledge articles"_s;

    addBoth(m, u"CREATE TABLE scripts ("
               " id TEXT NOT NULL,"
               " version INTEGER NOT NULL CHECK (version >= 1),"
               " sync_id %UUID% NOT NULL UNIQUE,"
               " service TEXT NOT NULL,"
               " title TEXT NOT NULL,"
               " body TEXT NOT NULL,"
               " status TEXT NOT NULL CHECK (status IN ('draft', 'published')),"
               " created_at %TIME% NOT NULL,"
               " created_by TEXT NOT NULL,"
               " published_at %TIME%,"
               " published_by TEXT,"
               " PRIMARY KEY (id, version))"_s);
    addBoth(m, u"CREATE INDEX scripts_status ON scripts(status, id, version)"_s);
    addBoth(m, u"CREATE TABLE knowledge_articles ("
               " id TEXT PRIMARY KEY,"
               " sync_id %UUID% NOT NULL UNIQUE,"
               " revision %BIGINT% NOT NULL DEFAULT 1,"
               " title TEXT NOT NULL,"
               " service TEXT NOT NULL DEFAULT '',"
               " keywords TEXT NOT NULL DEFAULT '[]',"
               " body TEXT NOT NULL,"
               " published_at %TIME% NOT NULL,"
               " published_by TEXT NOT NULL)"_s);

    // Scripts and articles travel in the change log too.
    m.postgresql.append(u"ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check"_s);
    m.postgresql.append(u"ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check"
                        " CHECK (entity IN ('customer', 'case', 'contact', 'conflict', 'script', 'article'))"_s);
    // A published version never changes, so its revision in the log is its version.
    m.postgresql.append(u"CREATE FUNCTION fc_log_script() RETURNS trigger LANGUAGE plpgsql AS $fc$"
                        " BEGIN"
                        " INSERT INTO change_log (entity, entity_id, operation, revision, payload)"
                        " VALUES ('script', NEW.sync_id, lower(TG_OP), NEW.version, '');"
                        " RETURN NULL;"
                        " END $fc$"_s);
    m.postgresql.append(u"CREATE FUNCTION fc_log_article() RETURNS trigger LANGUAGE plpgsql AS $fc$"
                        " BEGIN"
                        " INSERT INTO change_log (entity, entity_id, operation, revision, payload)"
                        " VALUES ('article', NEW.sync_id, lower(TG_OP), NEW.revision, '');"
                        " RETURN NULL;"
                        " END $fc$"_s);
    m.postgresql.append(u"CREATE TRIGGER scripts_log AFTER INSERT OR UPDATE ON scripts"
                        " FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION fc_log_script()"_s);
    m.postgresql.append(u"CREATE TRIGGER knowledge_articles_log AFTER INSERT OR UPDATE ON knowledge_articles"
                        " FOR EACH ROW EXECUTE FUNCTION fc_log_article()"_s);

    // SQLite rebuilds the log table for its CHECK again. Renaming a table re-reads every trigger, and
    // the version 2 triggers name change_log in their bodies, so they go first and come back after.
    struct Logged {
        QLatin1StringView table;
        QLatin1StringView entity;
        QLatin1StringView id;
        QLatin1StringView revision;
        QLatin1StringView when;
        bool hadTriggers; // made by version 2
    };
    const Logged logged[] = {
        { "customers"_L1, "customer"_L1, "NEW.id"_L1, "NEW.revision"_L1, ""_L1, true },
        { "cases"_L1, "case"_L1, "NEW.id"_L1, "NEW.revision"_L1, ""_L1, true },
        { "contacts"_L1, "contact"_L1, "NEW.id"_L1, "1"_L1, ""_L1, true },
        { "sync_conflicts"_L1, "conflict"_L1, "NEW.id"_L1, "NEW.revision"_L1, ""_L1, true },
        { "scripts"_L1, "script"_L1, "NEW.sync_id"_L1, "NEW.version"_L1, " WHEN NEW.status = 'published'"_L1, false },
        { "knowledge_articles"_L1, "article"_L1, "NEW.sync_id"_L1, "NEW.revision"_L1, ""_L1, false },
    };
    for (const Logged &log : logged) {
        if (!log.hadTriggers)
            continue;
        for (QLatin1StringView operation : { "insert"_L1, "update"_L1 })
            m.sqlite.append(u"DROP TRIGGER %1_log_%2"_s.arg(log.table, operation));
    }
    m.sqlite.append(u"CREATE TABLE change_log_v3 ("
                    " position INTEGER PRIMARY KEY AUTOINCREMENT,"
                    " entity TEXT NOT NULL CHECK (entity IN ('customer', 'case', 'contact', 'conflict', 'script',"
                    " 'article')),"
                    " entity_id TEXT NOT NULL,"
                    " operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),"
                    " revision INTEGER NOT NULL,"
                    " payload TEXT NOT NULL,"
                    " changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"_s);
    m.sqlite.append(u"INSERT INTO change_log_v3 SELECT position, entity, entity_id, operation, revision, payload,"
                    " changed_at FROM change_log"_s);
    m.sqlite.append(u"DROP TABLE change_log"_s);
    m.sqlite.append(u"ALTER TABLE change_log_v3 RENAME TO change_log"_s);
    m.sqlite.append(u"CREATE INDEX change_log_entity ON change_log(entity, entity_id)"_s);
    for (const Logged &log : logged) {
        for (QLatin1StringView operation : { "insert"_L1, "update"_L1 }) {
            m.sqlite.append(u"CREATE TRIGGER %1_log_%2 AFTER %3 ON %1%4 BEGIN"
                            " INSERT INTO change_log (entity, entity_id, operation, revision, payload)"
                            " VALUES ('%5', %6, '%2', %7, ''); END"_s.arg(log.table, operation,
                                                                        QString(operation).toUpper(), log.when,
                                                                        log.entity, log.id, log.revision));
        }
    }
    return m;
}

} // namespace

QList<ServerMigration> serverMigrations()
{
    return { version1(), version2(), version3() };
}

} // namespace fc::server
