// All paired-assistance relations (SUPPORTS) at a glance: supporter, supported region, the
// region it belongs to (PART_OF), the year the pairing started when an article states it,
// and how many pieces of evidence back it.
// @param min_weight integer = 0  only pairings with at least this many pieces of evidence
MATCH (supporter:Entity)-[s:SUPPORTS]->(region:Entity)
WHERE s.weight >= $min_weight
OPTIONAL MATCH (region)-[:PART_OF]->(parent:Entity)
WITH supporter, s, region, collect(DISTINCT parent.name) AS parents
RETURN supporter.name AS supporter,
       region.name AS supported,
       region.type AS supported_type,
       parents AS part_of,
       s.since AS since,
       s.weight AS weight
ORDER BY supporter, supported;
