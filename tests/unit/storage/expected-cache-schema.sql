-- index contact_case_case
CREATE INDEX contact_case_case ON contact_case(case_id);
-- index contact_corrects
CREATE INDEX contact_corrects ON contact(corrects_contact_id);
-- index contact_customer
CREATE INDEX contact_customer ON contact(customer_id, started_at);
-- index customer_email_key
CREATE INDEX customer_email_key ON customer_email(email_key);
-- index customer_family_dob
CREATE INDEX customer_family_dob ON customer(family_fold, date_of_birth);
-- index customer_outward
CREATE INDEX customer_outward ON customer(outward_code, last_contact_at);
-- index customer_phone_reversed
CREATE INDEX customer_phone_reversed ON customer_phone(reversed_digits);
-- index customer_postcode
CREATE INDEX customer_postcode ON customer(postcode_key);
-- index customer_rank
CREATE INDEX customer_rank ON customer(row, last_contact_at, outward_code, postcode_key);
-- index customer_recent
CREATE INDEX customer_recent ON customer(last_contact_at);
-- index customer_uprn
CREATE INDEX customer_uprn ON customer(uprn);
-- index service_case_customer
CREATE INDEX service_case_customer ON service_case(customer_id, status);
-- index sync_conflict_open
CREATE INDEX sync_conflict_open ON sync_conflict(resolved_at, created_at);
-- table contact
CREATE TABLE contact ( row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, customer_id TEXT, channel TEXT NOT NULL, site TEXT NOT NULL DEFAULT '', agent TEXT NOT NULL DEFAULT '', started_at TEXT NOT NULL, ended_at TEXT, service TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '', script_id TEXT NOT NULL DEFAULT '', script_version INTEGER NOT NULL DEFAULT 0, answers TEXT NOT NULL DEFAULT '{}', outcome TEXT, signposted_to TEXT NOT NULL DEFAULT '', transferred_to TEXT NOT NULL DEFAULT '', demand_type TEXT NOT NULL DEFAULT 'value', failure_kind TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '', corrects_contact_id TEXT);
-- table contact_case
CREATE TABLE contact_case ( contact_id TEXT NOT NULL, case_id TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (contact_id, case_id)) WITHOUT ROWID;
-- table customer
CREATE TABLE customer ( row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, reference TEXT NOT NULL UNIQUE, title TEXT NOT NULL DEFAULT '', given_name TEXT NOT NULL DEFAULT '', family_name TEXT NOT NULL DEFAULT '', preferred_name TEXT NOT NULL DEFAULT '', family_fold TEXT NOT NULL DEFAULT '', date_of_birth TEXT, address_line1 TEXT NOT NULL DEFAULT '', address_line2 TEXT NOT NULL DEFAULT '', town TEXT NOT NULL DEFAULT '', postcode TEXT NOT NULL DEFAULT '', postcode_key TEXT NOT NULL DEFAULT '', outward_code TEXT NOT NULL DEFAULT '', uprn TEXT NOT NULL DEFAULT '', preferred_language TEXT NOT NULL DEFAULT 'en', preferred_channel TEXT NOT NULL DEFAULT 'phone', access_needs TEXT NOT NULL DEFAULT '', interpreter_language TEXT NOT NULL DEFAULT '', sign_language TEXT NOT NULL DEFAULT '', consent_email INTEGER NOT NULL DEFAULT 0, consent_sms INTEGER NOT NULL DEFAULT 0, consent_post INTEGER NOT NULL DEFAULT 1, revision INTEGER NOT NULL DEFAULT 0, created_at TEXT, updated_at TEXT, last_contact_at TEXT NOT NULL DEFAULT '');
-- table customer_email
CREATE TABLE customer_email ( customer_row INTEGER NOT NULL REFERENCES customer(row) ON DELETE CASCADE, position INTEGER NOT NULL, email TEXT NOT NULL, email_key TEXT NOT NULL, PRIMARY KEY (customer_row, position)) WITHOUT ROWID;
-- table customer_flag
CREATE TABLE customer_flag ( customer_row INTEGER NOT NULL REFERENCES customer(row) ON DELETE CASCADE, position INTEGER NOT NULL, category TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', raised_on TEXT, review_by TEXT, PRIMARY KEY (customer_row, position)) WITHOUT ROWID;
-- table customer_fts
CREATE VIRTUAL TABLE customer_fts USING fts4(names, address, tokenize=unicode61 "remove_diacritics=1", prefix="2,3");
-- table customer_fts_content
CREATE TABLE 'customer_fts_content'(docid INTEGER PRIMARY KEY, 'c0names', 'c1address');
-- table customer_fts_docsize
CREATE TABLE 'customer_fts_docsize'(docid INTEGER PRIMARY KEY, size BLOB);
-- table customer_fts_segdir
CREATE TABLE 'customer_fts_segdir'(level INTEGER,idx INTEGER,start_block INTEGER,leaves_end_block INTEGER,end_block INTEGER,root BLOB,PRIMARY KEY(level, idx));
-- table customer_fts_segments
CREATE TABLE 'customer_fts_segments'(blockid INTEGER PRIMARY KEY, block BLOB);
-- table customer_fts_stat
CREATE TABLE 'customer_fts_stat'(id INTEGER PRIMARY KEY, value BLOB);
-- table customer_phone
CREATE TABLE customer_phone ( customer_row INTEGER NOT NULL REFERENCES customer(row) ON DELETE CASCADE, position INTEGER NOT NULL, phone TEXT NOT NULL, reversed_digits TEXT NOT NULL, PRIMARY KEY (customer_row, position)) WITHOUT ROWID;
-- table knowledge_article
CREATE TABLE knowledge_article ( id TEXT PRIMARY KEY, revision INTEGER NOT NULL, title TEXT NOT NULL, service TEXT NOT NULL DEFAULT '', keywords TEXT NOT NULL DEFAULT '[]', body TEXT NOT NULL DEFAULT '', published_at TEXT) WITHOUT ROWID;
-- table outbox
CREATE TABLE outbox ( seq INTEGER PRIMARY KEY AUTOINCREMENT, mutation_id TEXT NOT NULL UNIQUE, entity TEXT NOT NULL, entity_id TEXT NOT NULL, operation TEXT NOT NULL, base_revision INTEGER, payload TEXT NOT NULL, created_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '');
-- table script
CREATE TABLE script ( id TEXT NOT NULL, version INTEGER NOT NULL, service TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '', published_at TEXT, body TEXT NOT NULL, PRIMARY KEY (id, version)) WITHOUT ROWID;
-- table service_case
CREATE TABLE service_case ( row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, reference TEXT NOT NULL UNIQUE, customer_id TEXT, service TEXT NOT NULL, request_type TEXT NOT NULL, status TEXT NOT NULL, priority TEXT NOT NULL DEFAULT 'normal', team TEXT NOT NULL DEFAULT '', assignee TEXT NOT NULL DEFAULT '', raised_at TEXT NOT NULL, promised_by TEXT, resolved_at TEXT, raising_contact_id TEXT, summary TEXT NOT NULL DEFAULT '', closure_reason TEXT, revision INTEGER NOT NULL DEFAULT 0);
-- table sync_conflict
CREATE TABLE sync_conflict ( id TEXT PRIMARY KEY, entity TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL, base_value TEXT NOT NULL, server_value TEXT NOT NULL, client_value TEXT NOT NULL, user_name TEXT NOT NULL DEFAULT '', created_at TEXT, resolved_at TEXT, resolved_by TEXT NOT NULL DEFAULT '', resolution TEXT NOT NULL DEFAULT '', revision INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
-- table sync_rejected
CREATE TABLE sync_rejected ( mutation_id TEXT PRIMARY KEY, entity TEXT NOT NULL, entity_id TEXT NOT NULL, operation TEXT NOT NULL, payload TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL DEFAULT '', rejected_at TEXT NOT NULL) WITHOUT ROWID;
-- table sync_state
CREATE TABLE sync_state ( key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
