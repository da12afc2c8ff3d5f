// Constraints and indexes that `yjkg load` creates before loading (DESIGN.md, "Neo4j").
// Every statement is IF NOT EXISTS, so running this again changes nothing.
// Statements end with ';' at the end of a line; lines starting with // are comments.

// The node key (`${type}:${label}`, e.g. 'Prefecture:昌吉回族自治州') identifies an entity.
// Community edition allows uniqueness constraints (not node keys or existence constraints).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Articles (provenance) are their own label: key 'Article:<file>#<n>'.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;

// Exact look-ups by canonical name (the query library matches names and aliases).
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);

// Full-text search over names and aliases. The 'cjk' analyzer indexes Chinese as overlapping
// character bigrams, so '昌吉' finds '昌吉回族自治州' and '昌吉州'.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
