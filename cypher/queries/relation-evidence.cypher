// The evidence for one relation: every sentence that states it, with the article id and the
// offsets of the sentence in the original file (UTF-16 code units, end exclusive), so an
// analyst can check each claim against its source. Relations from the lexicon (PART_OF) have none.
// @param source string  name or alias of the source entity, e.g. 山西省
// @param target string  name or alias of the target entity, e.g. 昌吉回族自治州
// @param type string = null  optional relationship type (SUPPORTS, FUNDS, HOLDS_POSITION, ...); default any
MATCH (s:Entity)
WHERE s.name = $source OR $source IN s.aliases
MATCH (t:Entity)
WHERE t.name = $target OR $target IN t.aliases
MATCH (s)-[r]->(t)
WHERE $type IS NULL OR type(r) = $type
UNWIND range(0, size(coalesce(r.evidence_sentences, [])) - 1) AS i
RETURN type(r) AS relation,
       r.title AS title,
       r.evidence_articles[i] AS article,
       r.evidence_starts[i] AS start_offset,
       r.evidence_ends[i] AS end_offset,
       r.evidence_sentences[i] AS sentence
ORDER BY relation, article, start_offset;
