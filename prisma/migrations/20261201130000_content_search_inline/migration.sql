-- Hand-written. nap_texts() joined a map's texts with a subquery over jsonb_each_text, once per
-- row: searching 1,000 activities took twice as long as the single-column search before. Spelled
-- out per language, with immutable operators only, it is a plain expression the planner inlines.
-- A new content language is one more term here (and in lib/domain/texts.ts), not a data migration.
CREATE OR REPLACE FUNCTION nap_texts(m JSONB) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(m->>'en', '') || E'\n' || COALESCE(m->>'ru', '') || E'\n' || COALESCE(m->>'tk', '') || E'\n'
    || COALESCE(m->>'kk', '') || E'\n' || COALESCE(m->>'ky', '') || E'\n' || COALESCE(m->>'uz', '')
$$;

-- Sorting picks the text in the reading order with COALESCE(m->>'ru', m->>'en', ...) written by
-- the query itself (lib/data/activity-queries/sql.ts textKey): no function call per row.
DROP FUNCTION nap_text_in(JSONB, TEXT[]);
