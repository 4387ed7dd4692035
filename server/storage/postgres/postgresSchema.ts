import type pg from 'pg'
import { inTransaction } from './postgresPool'

/**
 * The PostgreSQL schema, table for table the SQLite one (server/storage/sqliteSchema.ts), so
 * the two engines keep the same semantics and server/tools/migrateToPostgres.ts can copy rows
 * one to one. Differences, and why:
 * - blobs are bytea; millisecond timestamps are bigint (pg returns them as strings, which
 *   the storage turns back into numbers);
 * - `updates` numbers its rows per board (`seq` is assigned by PostgresStorage), not with a
 *   global counter: a unique (board_id, seq) is what rejects a second writer of the same board;
 * - `versions.inserted` stands in for SQLite's rowid, which orders versions made in the
 *   same millisecond;
 * - the account tables live here too, because AccountStore.scopesOf joins boards and
 *   workshops, as the SQLite account store does in the shared file.
 */
const BOARD_TABLES = `
CREATE TABLE IF NOT EXISTS boards (
  id text PRIMARY KEY,
  title text NOT NULL,
  template text NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint
);
CREATE TABLE IF NOT EXISTS snapshots (
  board_id text PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  data bytea NOT NULL,
  upto_seq bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (board_id, seq)
);
CREATE TABLE IF NOT EXISTS epoch_bases (
  board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  epoch integer NOT NULL,
  data bytea NOT NULL,
  clocks bytea NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (board_id, epoch)
);
CREATE TABLE IF NOT EXISTS workshops (
  id text PRIMARY KEY,
  title text NOT NULL,
  date text,
  track text,
  template text NOT NULL,
  allow_group_choice boolean NOT NULL DEFAULT false,
  created_at bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS workshop_boards (
  board_id text PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  workshop_id text NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('group', 'plenary', 'recorder')),
  position integer NOT NULL,
  open_to_all boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS workshop_boards_by_workshop ON workshop_boards(workshop_id, position);
CREATE TABLE IF NOT EXISTS tokens (
  id text PRIMARY KEY,
  scope_id text NOT NULL,
  role text NOT NULL CHECK (role IN ('facilitator', 'participant', 'viewer', 'recorder')),
  hash bytea NOT NULL,
  sealed bytea,
  created_at bigint NOT NULL,
  rotated_at bigint
);
CREATE INDEX IF NOT EXISTS tokens_by_scope ON tokens(scope_id);
CREATE TABLE IF NOT EXISTS participants (
  id text PRIMARY KEY,
  workshop_id text NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  key_hash bytea NOT NULL UNIQUE,
  name text NOT NULL,
  municipality text,
  board_id text REFERENCES boards(id) ON DELETE SET NULL,
  created_at bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_by_workshop ON participants(workshop_id, created_at);
CREATE TABLE IF NOT EXISTS assets (
  id text PRIMARY KEY,
  board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  type text NOT NULL,
  data bytea NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS assets_by_board ON assets(board_id);
CREATE TABLE IF NOT EXISTS versions (
  id text PRIMARY KEY,
  board_id text NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  name text NOT NULL,
  auto boolean NOT NULL,
  records text NOT NULL,
  created_at bigint NOT NULL,
  inserted bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX IF NOT EXISTS versions_by_board ON versions(board_id, created_at);
CREATE TABLE IF NOT EXISTS publications (
  workshop_id text PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
  slug text NOT NULL UNIQUE,
  version integer NOT NULL,
  report text,
  note text,
  published_at bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS workshop_days (
  workshop_id text PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
  data text NOT NULL
);
CREATE TABLE IF NOT EXISTS ballots (
  vote_id text NOT NULL,
  workshop_id text NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  participant_id text NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  item_id text NOT NULL,
  board_id text NOT NULL,
  votes integer NOT NULL,
  polarity text,
  PRIMARY KEY (vote_id, participant_id, item_id)
);
CREATE TABLE IF NOT EXISTS templates (
  id text PRIMARY KEY,
  title text NOT NULL,
  records text NOT NULL,
  created_at bigint NOT NULL,
  workshop_id text REFERENCES workshops(id) ON DELETE SET NULL,
  shared boolean NOT NULL DEFAULT true
);
CREATE INDEX IF NOT EXISTS templates_by_workshop ON templates(workshop_id);
CREATE TABLE IF NOT EXISTS room_leases (
  board_id text PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  node_id text NOT NULL,
  epoch bigint NOT NULL,
  expires_at timestamptz NOT NULL
);
`

const ACCOUNT_TABLES = `
CREATE TABLE IF NOT EXISTS accounts (
  id text PRIMARY KEY,
  issuer text NOT NULL,
  subject text NOT NULL,
  name text NOT NULL,
  email text,
  created_at bigint NOT NULL,
  last_sign_in_at bigint NOT NULL,
  UNIQUE (issuer, subject)
);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash bytea PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS scope_facilitators (
  scope_id text NOT NULL,
  account_id text NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('owner', 'cofacilitator')),
  added_at bigint NOT NULL,
  PRIMARY KEY (scope_id, account_id)
);
CREATE INDEX IF NOT EXISTS scope_facilitators_by_account ON scope_facilitators(account_id);
CREATE TABLE IF NOT EXISTS scope_keys (
  scope_id text PRIMARY KEY,
  sealed_token bytea NOT NULL
);
`

/** Any fixed number works; it only has to be the same on every node ("samskapa" in ASCII). */
const SCHEMA_LOCK_KEY = 0x73616d736b617061n

/**
 * Creates the tables that are missing. Several nodes may start at once: CREATE TABLE IF NOT
 * EXISTS is not safe against a concurrent twin (both see no table, one fails on the catalog's
 * unique index), so the whole script runs in one transaction under an advisory lock, and the
 * second node finds the tables made.
 */
export async function applyPostgresSchema(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY.toString()])
    await client.query(BOARD_TABLES)
    await client.query(ACCOUNT_TABLES)
  })
}
