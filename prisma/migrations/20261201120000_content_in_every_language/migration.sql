-- Hand-written. Plan content becomes a map from language code to text ({ "en": "...", "ru": "..." })
-- instead of one column in the default language plus a map of the others: a tenant can write its
-- plans in Turkmen, Kazakh, Kyrgyz or Uzbek without a migration per language. The old single-text
-- columns held English (every tenant's content default until now); empty texts become no entry.

-- A map from a text: { "<lang>": text }, or {} for an empty or missing text.
CREATE FUNCTION pg_temp.nap_text_map(lang TEXT, t TEXT) RETURNS JSONB LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN t IS NULL OR btrim(t) = '' THEN '{}'::jsonb ELSE jsonb_build_object(lang, btrim(t)) END
$$;
-- A map of translations with its empty entries dropped.
CREATE FUNCTION pg_temp.nap_clean_map(m JSONB) RETURNS JSONB LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(jsonb_object_agg(key, btrim(value)), '{}'::jsonb)
  FROM jsonb_each_text(COALESCE(m, '{}'::jsonb)) WHERE btrim(value) <> ''
$$;

-- Every text of a map, one per line: what search looks through, in every language.
CREATE FUNCTION nap_texts(m JSONB) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(string_agg(value, E'\n' ORDER BY key), '') FROM jsonb_each_text(COALESCE(m, '{}'::jsonb))
$$;
-- The text to show and sort by: the first of the given languages that the map has, else any.
CREATE FUNCTION nap_text_in(m JSONB, langs TEXT[]) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(
    (SELECT m->>l FROM unnest(langs) WITH ORDINALITY AS x(l, n) WHERE COALESCE(m->>l, '') <> '' ORDER BY n LIMIT 1),
    (SELECT value FROM jsonb_each_text(COALESCE(m, '{}'::jsonb)) ORDER BY key LIMIT 1),
    ''
  )
$$;

-- Tenant
ALTER TABLE "Tenant" ADD COLUMN "contentLanguages" TEXT[] NOT NULL DEFAULT ARRAY['en', 'ru']::TEXT[];
ALTER TABLE "Tenant" ALTER COLUMN "name" TYPE JSONB USING pg_temp.nap_text_map('en', "name");

-- Agency
DROP INDEX "Agency_tenantId_name_key";
ALTER TABLE "Agency" ALTER COLUMN "name" TYPE JSONB USING pg_temp.nap_text_map('en', "name") || pg_temp.nap_clean_map("names");
ALTER TABLE "Agency" ALTER COLUMN "shortName" TYPE JSONB USING pg_temp.nap_text_map('en', "shortName");
ALTER TABLE "Agency" ALTER COLUMN "shortName" SET DEFAULT '{}';
ALTER TABLE "Agency" ALTER COLUMN "shortName" SET NOT NULL;
ALTER TABLE "Agency" DROP COLUMN "names";

-- Plan
ALTER TABLE "Plan" ALTER COLUMN "title" TYPE JSONB USING pg_temp.nap_text_map('en', "title") || pg_temp.nap_clean_map("titles");
ALTER TABLE "Plan" ALTER COLUMN "description" DROP DEFAULT;
ALTER TABLE "Plan" ALTER COLUMN "description" TYPE JSONB USING pg_temp.nap_text_map('en', "description");
ALTER TABLE "Plan" ALTER COLUMN "description" SET DEFAULT '{}';
ALTER TABLE "Plan" DROP COLUMN "titles";

-- Section
ALTER TABLE "Section" ALTER COLUMN "title" TYPE JSONB USING pg_temp.nap_text_map('en', "title") || pg_temp.nap_clean_map("titles");
ALTER TABLE "Section" DROP COLUMN "titles";

-- Objective
ALTER TABLE "Objective" ALTER COLUMN "title" TYPE JSONB USING pg_temp.nap_text_map('en', "title") || pg_temp.nap_clean_map("titles");
ALTER TABLE "Objective" DROP COLUMN "titles";

-- Activity
ALTER TABLE "Activity" ALTER COLUMN "title" TYPE JSONB USING pg_temp.nap_text_map('en', "title") || pg_temp.nap_clean_map("titles");
ALTER TABLE "Activity" DROP COLUMN "titles";
ALTER TABLE "Activity" ALTER COLUMN "description" DROP DEFAULT;
ALTER TABLE "Activity" ALTER COLUMN "description" TYPE JSONB USING pg_temp.nap_text_map('en', "description");
ALTER TABLE "Activity" ALTER COLUMN "description" SET DEFAULT '{}';
ALTER TABLE "Activity" ALTER COLUMN "expectedResults" DROP DEFAULT;
ALTER TABLE "Activity" ALTER COLUMN "expectedResults" TYPE JSONB USING pg_temp.nap_text_map('en', "expectedResults");
ALTER TABLE "Activity" ALTER COLUMN "expectedResults" SET DEFAULT '{}';
ALTER TABLE "Activity" ALTER COLUMN "fundingSource" TYPE JSONB USING pg_temp.nap_text_map('en', "fundingSource");
ALTER TABLE "Activity" ALTER COLUMN "fundingSource" SET DEFAULT '{}';
ALTER TABLE "Activity" ALTER COLUMN "fundingSource" SET NOT NULL;

-- Indicator
ALTER TABLE "Indicator" ALTER COLUMN "name" TYPE JSONB USING pg_temp.nap_text_map('en', "name") || pg_temp.nap_clean_map("names");
ALTER TABLE "Indicator" DROP COLUMN "names";
ALTER TABLE "Indicator" ALTER COLUMN "unitLabel" TYPE JSONB USING pg_temp.nap_text_map('en', "unitLabel");
ALTER TABLE "Indicator" ALTER COLUMN "unitLabel" SET DEFAULT '{}';
ALTER TABLE "Indicator" ALTER COLUMN "unitLabel" SET NOT NULL;
ALTER TABLE "Indicator" ALTER COLUMN "baselineSource" TYPE JSONB USING pg_temp.nap_text_map('en', "baselineSource");
ALTER TABLE "Indicator" ALTER COLUMN "baselineSource" SET DEFAULT '{}';
ALTER TABLE "Indicator" ALTER COLUMN "baselineSource" SET NOT NULL;

GRANT EXECUTE ON FUNCTION nap_texts(JSONB), nap_text_in(JSONB, TEXT[]) TO nap_app;
