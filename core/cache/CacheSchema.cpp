#include "CacheSchema.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QStringList CacheSchema::migrationTo(int version)
{
    switch (version) {
    case 1:
        return {
            // The account this cache belongs to (one cache file per account).
            uR"(CREATE TABLE account (
                   id INTEGER PRIMARY KEY CHECK (id = 1),
                   account_key TEXT NOT NULL))"_s,
            uR"(CREATE TABLE folders (
                   id INTEGER PRIMARY KEY,
                   path TEXT NOT NULL UNIQUE,
                   delimiter TEXT NOT NULL DEFAULT '/',
                   role TEXT NOT NULL DEFAULT '',
                   selectable INTEGER NOT NULL DEFAULT 1,
                   uidvalidity INTEGER NOT NULL DEFAULT 0,
                   uidnext INTEGER NOT NULL DEFAULT 0,
                   highestmodseq INTEGER NOT NULL DEFAULT 0,
                   message_count INTEGER NOT NULL DEFAULT 0,
                   unseen_count INTEGER NOT NULL DEFAULT 0,
                   last_sync INTEGER NOT NULL DEFAULT 0))"_s,
            uR"(CREATE TABLE messages (
                   id INTEGER PRIMARY KEY,
                   folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
                   uid INTEGER NOT NULL,
                   modseq INTEGER NOT NULL DEFAULT 0,
                   flags TEXT NOT NULL DEFAULT '',
                   seen INTEGER NOT NULL DEFAULT 0,
                   flagged INTEGER NOT NULL DEFAULT 0,
                   internal_date INTEGER NOT NULL DEFAULT 0,
                   size INTEGER NOT NULL DEFAULT 0,
                   date INTEGER NOT NULL DEFAULT 0,
                   subject TEXT NOT NULL DEFAULT '',
                   from_name TEXT NOT NULL DEFAULT '',
                   from_address TEXT NOT NULL DEFAULT '',
                   to_list TEXT NOT NULL DEFAULT '[]',
                   cc_list TEXT NOT NULL DEFAULT '[]',
                   reply_to TEXT NOT NULL DEFAULT '[]',
                   message_id TEXT NOT NULL DEFAULT '',
                   in_reply_to TEXT NOT NULL DEFAULT '',
                   references_list TEXT NOT NULL DEFAULT '',
                   has_attachments INTEGER NOT NULL DEFAULT 0,
                   read_receipt_requested INTEGER NOT NULL DEFAULT 0,
                   preview TEXT NOT NULL DEFAULT '',
                   has_body INTEGER NOT NULL DEFAULT 0,
                   UNIQUE (folder_id, uid)))"_s,
            u"CREATE INDEX messages_by_date ON messages (folder_id, date DESC)"_s,
            u"CREATE INDEX messages_by_message_id ON messages (message_id)"_s,
            u"CREATE INDEX messages_without_body ON messages (folder_id, has_body, internal_date)"_s,
            // Raw RFC 822 bytes exactly as the server sent them; big ones in files beside the
            // database (file_name), written before the row that names them.
            uR"(CREATE TABLE bodies (
                   message_row INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
                   raw BLOB,
                   file_name TEXT))"_s,
            // Full-text index, rowid = messages.id; diacritics folded so "eleve" finds "élève".
            uR"(CREATE VIRTUAL TABLE message_search USING fts5 (
                   subject, addresses, body, tokenize = 'unicode61 remove_diacritics 2'))"_s,
            uR"(CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
                   DELETE FROM message_search WHERE rowid = old.id;
               END)"_s,
            // Changes made offline, replayed in order when the server is reachable.
            uR"(CREATE TABLE pending_operations (
                   id INTEGER PRIMARY KEY AUTOINCREMENT,
                   kind TEXT NOT NULL,
                   folder_path TEXT NOT NULL,
                   uids TEXT NOT NULL,
                   argument TEXT NOT NULL DEFAULT '',
                   created INTEGER NOT NULL,
                   attempts INTEGER NOT NULL DEFAULT 0,
                   last_error TEXT NOT NULL DEFAULT ''))"_s,
        };
    case 2:
        return {
            // A message moved or deleted by the user stays in its folder, hidden, until the server
            // has done the move: an undo is exact, and a move the server refuses loses nothing.
            u"ALTER TABLE messages ADD COLUMN hidden_by INTEGER NOT NULL DEFAULT 0"_s,
            u"CREATE INDEX messages_hidden ON messages (hidden_by) WHERE hidden_by != 0"_s,
            // Seconds since the epoch before which a queued change is not sent (the undo window).
            u"ALTER TABLE pending_operations ADD COLUMN not_before INTEGER NOT NULL DEFAULT 0"_s,
        };
    case 3:
        return {
            // The list's order with the folder and the hidden flag in front: the row ids of a
            // 100,000-message folder come straight from the index (11 ms) instead of a sort of
            // every row (124 ms), which was a quarter of the window's start-up.
            u"DROP INDEX messages_by_date"_s,
            u"CREATE INDEX messages_list_by_date ON messages (folder_id, hidden_by, date, uid)"_s,
            // The folder's unread count, refreshed after every change, from the index alone
            // (38 ms for a 70,000-message inbox by reading rows; 1 ms here).
            u"CREATE INDEX messages_by_seen ON messages (folder_id, hidden_by, seen)"_s,
        };
    case 4:
        return {
            // Which message model indexed the preview and the search entry of a cached body
            // (MessageContent::kModelVersion): older ones are read again from the cache, in the
            // background, without downloading anything. 0 for every row cached before.
            u"ALTER TABLE messages ADD COLUMN model_version INTEGER NOT NULL DEFAULT 0"_s,
            u"CREATE INDEX messages_to_reindex ON messages (model_version) WHERE has_body = 1"_s,
        };
    case 5:
        return {
            // Issue 18: whose folder it is (NAMESPACE) and what the user may do in it
            // (MYRIGHTS letters; rights_known = 0 when the server was not asked: all allowed).
            u"ALTER TABLE folders ADD COLUMN namespace TEXT NOT NULL DEFAULT 'personal'"_s,
            u"ALTER TABLE folders ADD COLUMN owner TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE folders ADD COLUMN rights TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE folders ADD COLUMN rights_known INTEGER NOT NULL DEFAULT 0"_s,
            // The account's quota (GETQUOTAROOT "INBOX"), as last read: one row, KiB and counts,
            // -1 where the server sets no limit for the resource.
            uR"(CREATE TABLE quota (
                   id INTEGER PRIMARY KEY CHECK (id = 1),
                   storage_used INTEGER NOT NULL DEFAULT -1,
                   storage_limit INTEGER NOT NULL DEFAULT -1,
                   messages_used INTEGER NOT NULL DEFAULT -1,
                   messages_limit INTEGER NOT NULL DEFAULT -1,
                   read_at INTEGER NOT NULL DEFAULT 0))"_s,
        };
    case 6:
        return {
            // Issue 19: bodies above a few tens of KiB go to files written without fsync; the
            // row records the file's size so a file a crash cut short reads as missing (fetched
            // again) instead of as a truncated message. NULL for files written before, durably.
            u"ALTER TABLE bodies ADD COLUMN file_size INTEGER"_s,
        };
    case 7:
        return {
            // The search entries of deleted messages are removed by the code that deletes them
            // (CacheSearchIndex::removeEntriesOf), in one statement: this trigger ran once per
            // message and FTS5 flushed its pending changes each time.
            u"DROP TRIGGER IF EXISTS messages_search_delete"_s,
        };
    case 8:
        return {
            // A Message-ID is looked up only to name the message a read receipt answers, and
            // receipts answer messages that asked for one (Disposition-Notification-To): 4 % of a
            // staff mailbox. Indexed whole, every stored message wrote a page at a random place of
            // the index (ids are random), one page per message and commit: 10 % of the log's
            // writes in a first sync of 10,000 messages, more as the mailbox grows.
            u"DROP INDEX IF EXISTS messages_by_message_id"_s,
            u"CREATE INDEX messages_asking_receipts ON messages (message_id) WHERE read_receipt_requested = 1"_s,
        };
    case 9:
        return {
            // A search's matches (up to 1,000 row ids from FTS5) are filtered (hidden) and sorted
            // (date) before the list shows them: through their rows that read one random page
            // each. This narrow index holds what the search needs, in row id order (appended to as
            // mail arrives): CacheSearchIndex::searchRowIds.
            u"CREATE INDEX messages_search_rows ON messages (id, folder_id, hidden_by, date)"_s,
        };
    case 10:
        return {
            // The index keeps which columns hold a word, not where in them: a search is a set of
            // words, each prefix-matched, never a phrase (CacheSearchIndex::ftsQuery splits as the
            // tokenizer does). A prefix's terms are merged with their positions: « conseil de
            // classe » in the realistic 100,000 took 24 ms, 8 ms without them; the index is 35 MB
            // instead of 96, and built in 5.9 s instead of 8. Rebuilt from the text FTS5 stores
            // (no message read again): 6-12 s for 100,000 messages, once, on the writer's side.
            uR"(CREATE VIRTUAL TABLE message_search_by_column USING fts5 (
                   subject, addresses, body, tokenize = 'unicode61 remove_diacritics 2', detail = column))"_s,
            uR"(INSERT INTO message_search_by_column (rowid, subject, addresses, body)
                   SELECT rowid, subject, addresses, body FROM message_search)"_s,
            u"DROP TABLE message_search"_s,
            u"ALTER TABLE message_search_by_column RENAME TO message_search"_s,
        };
    case 11:
        return {
            // « Tous les comptes » › « Non lus » and « Suivis » read the ids and dates of every
            // folder's unread or flagged messages, newest first (UnifiedMailbox::listSql): the
            // list's index holds neither flag, so SQLite read each candidate's row (the realistic
            // 100,000: unread 70 -> 6 ms, flagged 60 -> 2 ms). Only those messages are in them:
            // 480 KiB together.
            u"CREATE INDEX messages_unread_by_date ON messages (folder_id, hidden_by, date, uid) WHERE seen = 0"_s,
            u"CREATE INDEX messages_flagged_by_date ON messages (folder_id, hidden_by, date, uid) "
            "WHERE flagged = 1"_s,
        };
    default:
        return {};
    }
}

} // namespace Amiens
