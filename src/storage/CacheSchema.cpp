#include "storage/CacheSchema.h"

namespace fc {

namespace {

// Version 1: customers with their search keys, cases, contacts, scripts, the sync outbox and state.
// Design notes (docs/storage/SCHEMA.md):
// - Synced records carry the server's UUID as `id` and an integer `row` used as the FTS docid and for
//   child tables; no foreign keys between synced tables, because a pulled page may bring a contact
//   before its customer. Child rows of a customer (phones, emails, flags) cascade with it.
// - Every search key is stored precomputed by fc_core's normalisation, so queries are plain index
//   lookups: phone as reversed national digits (a whole number by equality, its last digits as a range
//   scan), postcode without its space and its outward code, folded surname with date of birth.
// - Times are ISO 8601 UTC text with milliseconds (what the QSQLCIPHER driver writes), so they sort.
Migration version1()
{
    return Migration{
        1,
        QStringLiteral("customers, cases, contacts, scripts, outbox and sync state"),
        {
            QStringLiteral("CREATE TABLE customer ("
                           " row INTEGER PRIMARY KEY,"
                           " id TEXT NOT NULL UNIQUE,"
                           " reference TEXT NOT NULL UNIQUE,"
                           " title TEXT NOT NULL DEFAULT '',"
                           " given_name TEXT NOT NULL DEFAULT '',"
                           " family_name TEXT NOT NULL DEFAULT '',"
                           " preferred_name TEXT NOT NULL DEFAULT '',"
                           " family_fold TEXT NOT NULL DEFAULT '',"
                           " date_of_birth TEXT,"
                           " address_line1 TEXT NOT NULL DEFAULT '',"
                           " address_line2 TEXT NOT NULL DEFAULT '',"
                           " town TEXT NOT NULL DEFAULT '',"
                           " postcode TEXT NOT NULL DEFAULT '',"
                           " postcode_key TEXT NOT NULL DEFAULT '',"
                           " outward_code TEXT NOT NULL DEFAULT '',"
                           " uprn TEXT NOT NULL DEFAULT '',"
                           " preferred_language TEXT NOT NULL DEFAULT 'en',"
                           " preferred_channel TEXT NOT NULL DEFAULT 'phone',"
                           " access_needs TEXT NOT NULL DEFAULT '',"
                           " interpreter_language TEXT NOT NULL DEFAULT '',"
                           " sign_language TEXT NOT NULL DEFAULT '',"
                           " consent_email INTEGER NOT NULL DEFAULT 0,"
                           " consent_sms INTEGER NOT NULL DEFAULT 0,"
                           " consent_post INTEGER NOT NULL DEFAULT 1,"
                           " revision INTEGER NOT NULL DEFAULT 0,"
                           " created_at TEXT,"
                           " updated_at TEXT,"
                           " last_contact_at TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX customer_postcode ON customer(postcode_key)"),
            // Search ranks ties by most recent contact ('' = never, last): these give a page of an outward
            // code, or of a large name match, straight from the index instead of sorting thousands of rows,
            // and customer_rank ranks a few hundred matches without reading their (wide) rows.
            // docs/storage/SEARCH.md has the query plans.
            QStringLiteral("CREATE INDEX customer_outward ON customer(outward_code, last_contact_at)"),
            QStringLiteral("CREATE INDEX customer_recent ON customer(last_contact_at)"),
            QStringLiteral("CREATE INDEX customer_rank ON customer(row, last_contact_at, outward_code, postcode_key)"),
            QStringLiteral("CREATE INDEX customer_uprn ON customer(uprn)"),
            QStringLiteral("CREATE INDEX customer_family_dob ON customer(family_fold, date_of_birth)"),
            QStringLiteral("CREATE TABLE customer_phone ("
                           " customer_row INTEGER NOT NULL REFERENCES customer(row) ON DELETE CASCADE,"
                           " position INTEGER NOT NULL,"
                           " phone TEXT NOT NULL,"
                           " reversed_digits TEXT NOT NULL,"
                           " PRIMARY KEY (customer_row, position)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX customer_phone_reversed ON customer_phone(reversed_digits)"),
            QStringLiteral("CREATE TABLE customer_email ("
                           " customer_row INTEGER NOT NULL REFERENCES customer(row) ON DELETE CASCADE,"
                           " position INTEGER NOT NULL,"
                           " email TEXT NOT NULL,"
                           " email_key TEXT NOT NULL,"
                           " PRIMARY KEY (customer_row, position)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX customer_email_key ON customer_email(email_key)"),
            QStringLiteral("CREATE TABLE customer_flag ("
                           " customer_row INTEGER NOT NULL REFERENCES customer(row) ON DELETE CASCADE,"
                           " position INTEGER NOT NULL,"
                           " category TEXT NOT NULL,"
                           " note TEXT NOT NULL DEFAULT '',"
                           " raised_on TEXT,"
                           " review_by TEXT,"
                           " PRIMARY KEY (customer_row, position)) WITHOUT ROWID"),
            // Folded names and first address line; docid = customer.row. unicode61 folds most accents;
            // fc_core's SearchText folds the rest (ł, ø, ß, ...) before text reaches this table.
            QStringLiteral("CREATE VIRTUAL TABLE customer_fts USING fts4("
                           "names, address, tokenize=unicode61 \"remove_diacritics=1\", prefix=\"2,3\")"),
            QStringLiteral("CREATE TABLE service_case ("
                           " row INTEGER PRIMARY KEY,"
                           " id TEXT NOT NULL UNIQUE,"
                           " reference TEXT NOT NULL UNIQUE,"
                           " customer_id TEXT,"
                           " service TEXT NOT NULL,"
                           " request_type TEXT NOT NULL,"
                           " status TEXT NOT NULL,"
                           " priority TEXT NOT NULL DEFAULT 'normal',"
                           " team TEXT NOT NULL DEFAULT '',"
                           " assignee TEXT NOT NULL DEFAULT '',"
                           " raised_at TEXT NOT NULL,"
                           " promised_by TEXT,"
                           " resolved_at TEXT,"
                           " raising_contact_id TEXT,"
                           " summary TEXT NOT NULL DEFAULT '',"
                           " closure_reason TEXT,"
                           " revision INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX service_case_customer ON service_case(customer_id, status)"),
            QStringLiteral("CREATE TABLE contact ("
                           " row INTEGER PRIMARY KEY,"
                           " id TEXT NOT NULL UNIQUE,"
                           " customer_id TEXT,"
                           " channel TEXT NOT NULL,"
                           " site TEXT NOT NULL DEFAULT '',"
                           " agent TEXT NOT NULL DEFAULT '',"
                           " started_at TEXT NOT NULL,"
                           " ended_at TEXT,"
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
                           " corrects_contact_id TEXT)"),
            QStringLiteral("CREATE INDEX contact_customer ON contact(customer_id, started_at)"),
            QStringLiteral("CREATE INDEX contact_corrects ON contact(corrects_contact_id)"),
            // `position` keeps the order the agent linked the cases in.
            QStringLiteral("CREATE TABLE contact_case ("
                           " contact_id TEXT NOT NULL,"
                           " case_id TEXT NOT NULL,"
                           " position INTEGER NOT NULL,"
                           " PRIMARY KEY (contact_id, case_id)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX contact_case_case ON contact_case(case_id)"),
            QStringLiteral("CREATE TABLE script ("
                           " id TEXT NOT NULL,"
                           " version INTEGER NOT NULL,"
                           " service TEXT NOT NULL DEFAULT '',"
                           " title TEXT NOT NULL DEFAULT '',"
                           " published_at TEXT,"
                           " body TEXT NOT NULL,"
                           " PRIMARY KEY (id, version)) WITHOUT ROWID"),
            // Local writes waiting to be pushed, in order; written in the same transaction as the change.
            QStringLiteral("CREATE TABLE outbox ("
                           " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " mutation_id TEXT NOT NULL UNIQUE,"
                           " entity TEXT NOT NULL,"
                           " entity_id TEXT NOT NULL,"
                           " operation TEXT NOT NULL,"
                           " base_revision INTEGER,"
                           " payload TEXT NOT NULL,"
                           " created_at TEXT NOT NULL,"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " last_error TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE TABLE sync_state ("
                           " key TEXT PRIMARY KEY,"
                           " value TEXT NOT NULL) WITHOUT ROWID"),
        },
    };
}

// Version 2: what sync brings back besides records (docs/SYNC.md): conflicts kept for a person to
// settle, and local changes the server refused, kept with its reason so nothing a person typed is lost.
Migration version2()
{
    return Migration{
        2,
        QStringLiteral("sync conflicts and refused changes"),
        {
            QStringLiteral("CREATE TABLE sync_conflict ("
                           " id TEXT PRIMARY KEY,"
                           " entity TEXT NOT NULL,"
                           " entity_id TEXT NOT NULL,"
                           " field TEXT NOT NULL,"
                           " base_value TEXT NOT NULL,"
                           " server_value TEXT NOT NULL,"
                           " client_value TEXT NOT NULL,"
                           " user_name TEXT NOT NULL DEFAULT '',"
                           " created_at TEXT,"
                           " resolved_at TEXT,"
                           " resolved_by TEXT NOT NULL DEFAULT '',"
                           " resolution TEXT NOT NULL DEFAULT '',"
                           " revision INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX sync_conflict_open ON sync_conflict(resolved_at, created_at)"),
            QStringLiteral("CREATE TABLE sync_rejected ("
                           " mutation_id TEXT PRIMARY KEY,"
                           " entity TEXT NOT NULL,"
                           " entity_id TEXT NOT NULL,"
                           " operation TEXT NOT NULL,"
                           " payload TEXT NOT NULL,"
                           " code TEXT NOT NULL,"
                           " message TEXT NOT NULL DEFAULT '',"
                           " rejected_at TEXT NOT NULL) WITHOUT ROWID"),
        },
    };
}

// Version 3: knowledge articles as published on the server (docs/SYNC.md), one row per article at its
// latest revision. Keywords are a JSON array. Published scripts need nothing new: the `script` table
// of version 1 keeps every version side by side.
Migration version3()
{
    return Migration{
        3,
        QStringLiteral("knowledge articles"),
        {
            QStringLiteral("CREATE TABLE knowledge_article ("
                           " id TEXT PRIMARY KEY,"
                           " revision INTEGER NOT NULL,"
                           " title TEXT NOT NULL,"
                           " service TEXT NOT NULL DEFAULT '',"
                           " keywords TEXT NOT NULL DEFAULT '[]',"
                           " body TEXT NOT NULL DEFAULT '',"
                           " published_at TEXT) WITHOUT ROWID"),
        },
    };
}

} // namespace

QList<Migration> cacheMigrations()
{
    return {version1(), version2(), version3()};
}

} // namespace fc
