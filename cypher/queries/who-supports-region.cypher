// Who supports a region: the provinces and cities paired with it (SUPPORTS), directly or
// through a place inside it (a county, city or regiment PART_OF it, up to three levels down),
// with the weight and confidence of the evidence and the articles that state it.
// @param region string  name or alias of a Province, Prefecture or County, e.g. 昌吉回族自治州
MATCH (region:Entity)
WHERE region.name = $region OR $region IN region.aliases
MATCH (supporter:Entity)-[s:SUPPORTS]->(place:Entity)-[:PART_OF*0..3]->(region)
WITH DISTINCT region, supporter, s, place
RETURN supporter.name AS supporter,
       supporter.type AS supporter_type,
       place.name AS supported,
       s.weight AS weight,
       s.confidence AS confidence,
       s.since AS since,
       s.evidence_articles AS articles
ORDER BY supporter, supported;
